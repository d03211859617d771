import { UcumLhcUtils } from '@lhncbc/ucum-lhc';

const ucum = UcumLhcUtils.getInstance();

/**
 * Spellings seen in charts, mapped to UCUM codes. Keys are folded (see `fold`): lower case, no spaces,
 * µ/μ as u, × as x, superscript exponents as ^n.
 */
const ALIASES: Record<string, string> = {
  'umol/l': 'umol/L',
  'mg/24h': 'mg/(24.h)',
  'mg/24hr': 'mg/(24.h)',
  'mg/24hrs': 'mg/(24.h)',
  'mg/day': 'mg/d',
  'g/24h': 'g/(24.h)',
  'g/24hr': 'g/(24.h)',
  'g/24hrs': 'g/(24.h)',
  'giga/l': '10*9/L',
  'u/l': 'U/L',
  // Milliequivalents (calcium in mEq/L): UCUM writes them meq; converting them needs the ion's charge.
  'meq/l': 'meq/L',
  // Enzyme activity: the international unit of an enzyme is the U (1 µmol/min), so AST, ALT and LDH in
  // IU/L are U/L. (UCUM's [IU] is the arbitrary unit of biological standards and converts to nothing;
  // a hormone or vitamin measured in IU must not be given this alias.)
  'iu/l': 'U/L',
  '[iu]/l': 'U/L',
  'ui/l': 'U/L',
  'ml/min': 'mL/min',
  // An estimated GFR per 1.73 m² of body surface, however written (UCUM: mL/min/{1.73_m2}).
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/1.73sqm': 'mL/min/{1.73_m2}',
  'ml/min/1.73': 'mL/min/{1.73_m2}',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
  'ml/min/per1.73m2': 'mL/min/{1.73_m2}',
  'ml/minper1.73m2': 'mL/min/{1.73_m2}',
  'ml/minper1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2bsa': 'mL/min/{1.73_m2}',
  // Weight: the avoirdupois pound.
  lb: '[lb_av]',
  lbs: '[lb_av]',
  pound: '[lb_av]',
  pounds: '[lb_av]',
  lb_av: '[lb_av]',
  '[lb_av]': '[lb_av]',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  percent: '%',
};

/** Case-sensitive spellings: G/L is giga per litre (French and Belgian labs), g/L grams per litre. */
const EXACT: Record<string, string> = {
  'G/L': '10*9/L',
};

const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** Folds a chart's unit for the alias lookup: 10⁹ is 10^9, mm³ is mm^3, "× 10^3 / µL" is x10^3/ul. */
function fold(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/[µμ]/g, 'u') // micro sign U+00B5, Greek mu U+03BC
    .replace(/[×✕⨯]/g, 'x') // multiplication signs
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (d) => `^${[...d].map((c) => SUPERSCRIPT_DIGITS[c]).join('')}`)
    .replace(/\s+/g, '');
}

/**
 * Cell counts: "/µL", "cells/µL", "K/µL", "x10^3/µL", "×10⁹/L", "10E9/L", "10*9/L", "cells/mm³". The
 * exponent needs its marker (^, *, E or a superscript): "×109/L" (a superscript lost in copying) is
 * not read rather than read as 109 per litre.
 */
const COUNT = /^(?:x?10(?:\^|\*|e)(\d{1,2})|(k|thou))?(?:cells)?\/(l|ul|nl|mm\^?3)$/;
const COUNT_VOLUMES: Record<string, string> = { l: 'L', ul: 'uL', nl: 'nL', mm3: 'mm3', 'mm^3': 'mm3' };

/** Units seen so far, as read (a profile's labs repeat a handful of spellings thousands of times). */
const READ = new Map<string, string>();

export function toUcum(unit: string): string {
  let read = READ.get(unit);
  if (read === undefined) {
    read = readUnit(unit);
    if (READ.size < 10_000) READ.set(unit, read);
  }
  return read;
}

function readUnit(unit: string): string {
  const u = unit.trim();
  // Own properties only: a unit written "toString" or "__proto__" is no unit of the tables.
  const exact = Object.hasOwn(EXACT, u) ? EXACT[u] : undefined;
  if (exact) return exact;
  const key = fold(u);
  const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  if (alias) return alias;
  const count = COUNT.exec(key);
  if (count) {
    const exponent = count[1] ?? (count[2] ? '3' : undefined);
    return `${exponent ? `10*${Number(exponent)}` : ''}/${COUNT_VOLUMES[count[3]!]!}`;
  }
  // Anything else goes to UCUM as written, the micro sign and Greek mu read as UCUM's u (µg/L is ug/L).
  return u.replace(/[µμ]/g, 'u');
}

export type Conversion = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Converts with the UCUM library (NLM's ucum-lhc); mass↔mole needs the molar mass, equivalents↔mole or mass the
 * ion's charge as well (1 mEq/L of calcium, charge 2, is 0.5 mmol/L).
 */
export function convert(value: number, from: string, to: string, molarMass?: number, charge?: number): Conversion {
  const f = toUcum(from);
  const t = toUcum(to);
  if (f === t) return { ok: true, value };
  let r: ReturnType<typeof ucum.convertUnitTo>;
  try {
    r = ucum.convertUnitTo(f, value, t, { ...(molarMass ? { molecularWeight: molarMass } : {}), ...(charge ? { charge } : {}) });
  } catch {
    return { ok: false, reason: `cannot read ${from} as a unit` };
  }
  if (r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal)) return { ok: true, value: Number(r.toVal.toPrecision(12)) };
  return { ok: false, reason: `cannot convert ${from} to ${to}` };
}
