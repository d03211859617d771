import type { ClinicalRecords, LabRecord } from './clinical-events';
import { cytogeneticRisk, type CytogeneticRisk } from './cytogenetics';
import { sameTimeValues } from './labs';
import { addDays, daysBetween, type ProfileSettings } from './settings';

export type StageNumber = 1 | 2 | 3;

/** A stage, or the stages still possible with what is missing (`stage` null). */
export interface Stage {
  stage: StageNumber | null;
  /** Every stage the known values allow (one when the stage is known). */
  possible: StageNumber[];
  basis: string;
  /** What would settle an unknown stage. */
  missing: string[];
  provenance: string[];
}

export interface Staging {
  /** The day the values were taken up to: the first line's start (at diagnosis) or the profile's day (current). */
  on: string;
  /** ISS (Greipp, JCO 2005): I β2M < 3.5 mg/L and albumin ≥ 3.5 g/dL; III β2M ≥ 5.5 mg/L; II neither. */
  iss: Stage;
  /**
   * R-ISS (Palumbo, JCO 2015): I ISS I, standard-risk FISH (no del(17p), t(4;14), t(14;16)) and LDH ≤ ULN;
   * III ISS III with high-risk FISH or LDH > ULN; II all others.
   */
  riss: Stage;
}

type Tri = boolean | null;
const ROMAN = ['', 'I', 'II', 'III'] as const;
const roman = (stages: readonly StageNumber[]): string => stages.map((n) => ROMAN[n]).join(' or ');
const RISS_HIGH_RISK = ['del(17p)', 't(4;14)', 't(14;16)'] as const;

/**
 * ISS and R-ISS at diagnosis and now (domain.md §6). At diagnosis: the latest β2-microglobulin, albumin and LDH on or
 * before the first line's start and no more than `stagingLabMaxDaysBeforeTreatment` before it, and the FISH results
 * dated up to `stagingFishMaxDaysAfterTreatmentStart` after it (a marrow taken at diagnosis is often reported once
 * treatment began); no line yet: the latest of each, of any age. Now: the latest of each from the last `currentLabMaxAgeDays`, and the latest
 * FISH result of each abnormality. LDH is high above its reported ULN only; without
 * one it is unknown. A stage that depends on something missing is the set of stages still possible.
 */
export function staging(records: ClinicalRecords, firstLineStart: string | null, asOf: string, s: ProfileSettings, current: CytogeneticRisk): { atDiagnosis: Staging; current: Staging } {
  const now = stageOn(records, asOf, s.currentLabMaxAgeDays, current, 'now');
  // No line yet: the disease untreated, the latest values of any age are the ones at diagnosis.
  if (firstLineStart === null) return { atDiagnosis: stageOn(records, asOf, Number.POSITIVE_INFINITY, current, 'untreated'), current: now };
  const fishUpTo = addDays(firstLineStart, s.stagingFishMaxDaysAfterTreatmentStart);
  const fish = cytogeneticRisk({ ...records, cytogenetics: records.cytogenetics.filter((c) => c.date <= fishUpTo) }, {}, s);
  return { atDiagnosis: stageOn(records, firstLineStart, s.stagingLabMaxDaysBeforeTreatment, fish, 'the first line'), current: now };
}

function stageOn(records: ClinicalRecords, on: string, maxDaysBefore: number, fish: CytogeneticRisk, before: 'the first line' | 'now' | 'untreated'): Staging {
  const latest = (name: LabRecord['name']): LabRecord | undefined => records.labs.filter((l) => l.name === name && l.date <= on && daysBetween(l.date, on) <= maxDaysBefore).at(-1);
  const window = before === 'now' ? ` within the last ${maxDaysBefore} days` : before === 'untreated' ? '' : ` within ${maxDaysBefore} days before the first line`;
  const b2m = latest('beta2Microglobulin');
  const albumin = latest('albumin');
  const ldh = latest('ldh');

  // Values recorded at the same time as the one taken (same day and instant) that differ: each is possible (v13).
  const valuesOf = (l: LabRecord | undefined): number[] => (l ? [l.value, ...sameTimeValues(records.labs, l)] : []);
  const b2mValues = valuesOf(b2m);
  const albuminValues = valuesOf(albumin);
  // ISS: the stages β2M and albumin allow (for each of the values of one time).
  const issOf = (b: number | undefined, a: number | undefined): StageNumber[] => (b === undefined ? (a !== undefined && a < 3.5 ? [2, 3] : [1, 2, 3]) : b >= 5.5 ? [3] : b >= 3.5 ? [2] : a === undefined ? [1, 2] : a >= 3.5 ? [1] : [2]);
  const issSet = new Set<StageNumber>();
  for (const b of b2mValues.length > 0 ? b2mValues : [undefined]) for (const a of albuminValues.length > 0 ? albuminValues : [undefined]) for (const n of issOf(b, a)) issSet.add(n);
  const issPossible: StageNumber[] = ([1, 2, 3] as const).filter((n) => issSet.has(n));
  const shownValues = (vs: number[]): string => vs.join(' and ');
  // The albumin is the stage's record only when it can decide it (no β2M, or a β2M below 3.5; rev31).
  const albuminCounts = !b2m || b2mValues.some((v) => v < 3.5);
  const issParts = [b2m ? `β2M ${shownValues(b2mValues)} mg/L (${b2m.date})` : null, albumin && albuminCounts ? `albumin ${shownValues(albuminValues)} g/dL (${albumin.date})` : null].filter((x) => x !== null);
  // With no β2M, an albumin is wanted too (a β2M below 3.5 would leave I or II to it); values of one time that disagree, again.
  const again = (name: string, l: LabRecord | undefined, vs: number[]): string[] => (l && vs.length > 1 ? [`${name} again (the values of ${l.date} disagree)`] : []);
  const issMissing = [
    ...(b2m ? [] : [`β2-microglobulin${window}`]),
    ...(albuminCounts && !albumin ? [`albumin${window}`] : []),
    ...again('β2-microglobulin', b2m, b2mValues),
    ...again('albumin', albumin, albuminValues),
  ];
  const iss: Stage = stage(issPossible, issParts.join(', ') || 'no β2-microglobulin', issMissing, [b2m, albuminCounts ? albumin : undefined]);

  // R-ISS: high-risk FISH and LDH, each known or not.
  const tested = RISS_HIGH_RISK.filter((a) => fish.abnormalities.some((f) => f.abnormality === a));
  const detected = RISS_HIGH_RISK.filter((a) => fish.abnormalities.some((f) => f.abnormality === a && f.detected));
  const highRiskFish: Tri = detected.length > 0 ? true : tested.length === RISS_HIGH_RISK.length ? false : null;
  const ldhValues = valuesOf(ldh);
  const ldhHigh: Tri = !ldh || ldh.uln === null ? null : ldhValues.every((v) => v > ldh.uln!) ? true : ldhValues.every((v) => v <= ldh.uln!) ? false : null;
  const rissPossible = new Set<StageNumber>();
  for (const i of issPossible) for (const hr of highRiskFish === null ? [true, false] : [highRiskFish]) for (const high of ldhHigh === null ? [true, false] : [ldhHigh]) rissPossible.add(i === 3 && (hr || high) ? 3 : i === 1 && !hr && !high ? 1 : 2);
  const fishText = highRiskFish === true ? `${detected.join(', ')} detected` : highRiskFish === false ? 'no del(17p), t(4;14) or t(14;16)' : `not tested: ${RISS_HIGH_RISK.filter((a) => !tested.includes(a)).join(', ')}`;
  const ldhText = !ldh ? 'no LDH' : ldh.uln === null ? `LDH ${ldh.value} U/L without its ULN` : `LDH ${ldh.value} U/L ${ldhHigh ? '>' : '≤'} ULN ${ldh.uln} (${ldh.date})`;
  const possible = ([1, 2, 3] as const).filter((n) => rissPossible.has(n));
  const rissMissing = [
    ...(issPossible.length > 1 ? issMissing : []),
    ...(highRiskFish === null ? [`FISH for ${RISS_HIGH_RISK.filter((a) => !tested.includes(a)).join(', ')}`] : []),
    ...(ldhHigh === null ? (ldhValues.length > 1 && ldh!.uln !== null ? again('LDH', ldh, ldhValues) : [`LDH with its ULN${window}`]) : []),
  ];
  const fishProvenance = fish.abnormalities.filter((f) => (RISS_HIGH_RISK as readonly string[]).includes(f.abnormality)).flatMap((f) => f.provenance);
  const riss: Stage = { ...stage(possible, `ISS ${roman(issPossible)}; ${fishText}; ${ldhText}`, rissMissing, [b2m, albuminCounts ? albumin : undefined, ldh]), provenance: [...[b2m, albuminCounts ? albumin : undefined, ldh].filter((l) => l !== undefined).map((l) => l.eventId), ...fishProvenance] };
  return { on, iss, riss };
}

function stage(possible: StageNumber[], basis: string, missing: string[], labs: Array<LabRecord | undefined>): Stage {
  return {
    stage: possible.length === 1 ? possible[0]! : null,
    possible,
    basis: possible.length === 1 ? `${ROMAN[possible[0]!]}: ${basis}` : `${roman(possible)}: ${basis}`,
    missing: possible.length === 1 ? [] : missing,
    provenance: labs.filter((l) => l !== undefined).map((l) => l.eventId),
  };
}
