import { UcumLhcUtils } from '@lhncbc/ucum-lhc';

const ucum = UcumLhcUtils.getInstance();

/** Spellings seen in charts, mapped to UCUM codes. */
const ALIASES: Record<string, string> = {
  'µmol/l': 'umol/L', // micro sign U+00B5
  'μmol/l': 'umol/L', // Greek mu U+03BC
  'umol/l': 'umol/L',
  'mg/24h': 'mg/(24.h)',
  'mg/24 h': 'mg/(24.h)',
  'mg/24hr': 'mg/(24.h)',
  'mg/24 hr': 'mg/(24.h)',
  'mg/24hrs': 'mg/(24.h)',
  'mg/24 hrs': 'mg/(24.h)',
  'g/24 h': 'g/(24.h)',
  'g/24hr': 'g/(24.h)',
  'mg/day': 'mg/d',
  'g/24h': 'g/(24.h)',
  'x10^9/l': '10*9/L',
  'x10e9/l': '10*9/L',
  '10^9/l': '10*9/L',
  'giga/l': '10*9/L',
  'x10^3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  '/ul': '/uL',
  'cells/ul': '/uL',
  'u/l': 'U/L',
  'iu/l': '[IU]/L',
  'ml/min': 'mL/min',
};

export function toUcum(unit: string): string {
  const u = unit.trim();
  return ALIASES[u.toLowerCase()] ?? u;
}

export type Conversion = { ok: true; value: number } | { ok: false; reason: string };

/** Converts with the UCUM library (NLM's ucum-lhc); mass↔mole needs the molar mass. */
export function convert(value: number, from: string, to: string, molarMass?: number): Conversion {
  const f = toUcum(from);
  const t = toUcum(to);
  if (f === t) return { ok: true, value };
  const r = ucum.convertUnitTo(f, value, t, molarMass ? { molecularWeight: molarMass } : {});
  if (r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal)) return { ok: true, value: Number(r.toVal.toPrecision(12)) };
  return { ok: false, reason: `cannot convert ${from} to ${to}` };
}
