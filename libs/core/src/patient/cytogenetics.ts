import type { ClinicalRecords } from './clinical-events';
import type { LatestLab } from './labs';
import type { ProfileSettings } from './settings';

export interface CytogeneticFinding {
  abnormality: string;
  detected: boolean;
  percentCells: number | null;
  date: string;
  provenance: string[];
}

export interface CytogeneticRisk {
  abnormalities: CytogeneticFinding[];
  /** R-ISS (Palumbo 2015): del(17p), t(4;14) or t(14;16). */
  highRiskRiss: boolean;
  /** IMS/IMWG 2025 (Avet-Loiseau, JCO 2025), with the criteria met. */
  highRiskImwg2025: { highRisk: boolean; basis: string[] };
  t11_14: boolean;
}

/** Spellings seen in reports, folded to one name each (with or without the band: del(17p13.1), gain(1q21), t(4;14)(p16;q32)). */
const BANDS = '(\\([pq][\\d.]*;[pq][\\d.]*\\))?';
const CANONICAL: Array<[RegExp, string]> = [
  [/^(del\(?17p(13(\.\d+)?)?\)?|17p(13)?-|17pdel|del17p(13)?|tp53del)$/, 'del(17p)'],
  [/^(tp53(mut|mutation)?|tp53-mutation)$/, 'tp53-mutation'],
  [new RegExp(`^t\\(4;14\\)${BANDS}$`), 't(4;14)'],
  [new RegExp(`^t\\(14;16\\)${BANDS}$`), 't(14;16)'],
  [new RegExp(`^t\\(14;20\\)${BANDS}$`), 't(14;20)'],
  [new RegExp(`^t\\(11;14\\)${BANDS}$`), 't(11;14)'],
  [/^(gain\(?1q(21(\.\d+)?)?\)?|1q(21)?\+|1q(21)?gain|\+1q(21)?)$/, 'gain(1q)'],
  [/^(amp\(?1q(21(\.\d+)?)?\)?|1q(21)?amp)$/, 'amp(1q)'],
  [/^(del\(?1p(32(\.\d+)?)?\)?|1p(32)?del|del1p(32)?)$/, 'del(1p32)'],
  [/^(biallelicdel\(?1p32\)?|del\(?1p32\)?biallelic)$/, 'del(1p32)-biallelic'],
];
const TRANSLOCATION = /^t\(/;

export function canonicalAbnormality(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, '');
  return CANONICAL.find(([re]) => re.test(t))?.[1] ?? t;
}

/**
 * Latest result per abnormality, with FISH positivity cut-offs applied when % cells is reported
 * (EMN: fusion/break-apart probes ≥ settings.fishCutoffs.translocation, numerical/deletion probes ≥
 * settings.fishCutoffs.copyNumber); then R-ISS and IMS/IMWG 2025 high risk.
 */
export function cytogeneticRisk(records: ClinicalRecords, labs: Partial<Record<string, LatestLab>>, s: ProfileSettings): CytogeneticRisk {
  const latest = new Map<string, CytogeneticFinding>();
  for (const c of records.cytogenetics) {
    const abnormality = canonicalAbnormality(c.abnormality);
    const cutoff = abnormality === 'tp53-mutation' ? 0 : TRANSLOCATION.test(abnormality) ? s.fishCutoffs.translocation : s.fishCutoffs.copyNumber;
    const detected = c.detected && (c.percentCells === null || c.percentCells >= cutoff);
    latest.set(abnormality, { abnormality, detected, percentCells: c.percentCells, date: c.date, provenance: [c.eventId] });
  }
  const has = (a: string): boolean => latest.get(a)?.detected === true;
  const del17p20 = latest.get('del(17p)');
  const onePlus = has('gain(1q)') || has('amp(1q)');
  const basis: string[] = [];
  if (del17p20?.detected && (del17p20.percentCells === null || del17p20.percentCells >= 20)) basis.push('del(17p) in ≥20% of clonal cells');
  if (has('tp53-mutation')) basis.push('TP53 mutation');
  const translocations = ['t(4;14)', 't(14;16)', 't(14;20)'].filter(has);
  if (translocations.length > 0 && (onePlus || has('del(1p32)'))) basis.push(`${translocations.join(', ')} with ${onePlus ? '1q gain/amplification' : 'del(1p32)'}`);
  if (has('del(1p32)-biallelic')) basis.push('biallelic del(1p32)');
  else if (has('del(1p32)') && onePlus) basis.push('del(1p32) with 1q gain/amplification');
  const b2m = labs.beta2Microglobulin;
  const scr = labs.creatinine;
  // "Normal creatinine": at or below the reported ULN, else below 1.2 mg/dL (a convention).
  const creatinineNormal = scr !== undefined && (scr.uln !== null ? scr.value <= scr.uln : scr.value < 1.2);
  if (b2m && b2m.value >= 5.5 && creatinineNormal) basis.push(`β2-microglobulin ${b2m.value} mg/L with normal creatinine`);
  return {
    abnormalities: [...latest.values()],
    highRiskRiss: has('del(17p)') || has('t(4;14)') || has('t(14;16)'),
    highRiskImwg2025: { highRisk: basis.length > 0, basis },
    t11_14: has('t(11;14)'),
  };
}
