import { withoutFloatNoise } from '../util/float-noise';
import type { LabName } from '../terminology/labs';
import type { ClinicalRecords, LabRecord } from './clinical-events';
import { ageOn } from './age';
import { daysBetween, type ProfileSettings } from './settings';

export interface LatestLab {
  value: number;
  unit: string;
  date: string;
  ageDays: number;
  uln: number | null;
  /** value / ULN, when the ULN was reported. */
  timesUln: number | null;
  provenance: string[];
  /**
   * Other values of this lab recorded at the same time (two records of an untimed day, or of one timestamp) that
   * differ from `value`: which one is right the record does not say (v12). Absent when none.
   */
  sameTime?: number[];
  /** The same for value / ULN (each record with its own ULN). */
  sameTimeTimesUln?: number[];
  /** Its instant within its day (epoch ms), when the record gave a time (v16). */
  at?: number;
}

export interface CreatinineClearance {
  value: number;
  unit: 'mL/min';
  method: 'cockcroft-gault';
  date: string;
  /** `weightKg` the recorded weight; `weightUsedKg` the one the formula took (`settings.weight`), with the ideal weight and height when used. */
  inputs: { ageYears: number; weightKg: number | null; weightDate: string | null; weightUsedKg?: number; idealWeightKg?: number; heightCm?: number; sex: 'female' | 'male' | 'other or unknown'; creatinineMgDl: number; creatinineUsedMgDl: number };
  settings: ProfileSettings['crcl'];
  provenance: string[];
  /** The clearance from each other creatinine value of the same time (`LatestLab.sameTime`), when it differs (v12). */
  sameTime?: number[];
  /** Sex other or unknown: `value` (and `sameTime`) carry the female factor; these are the clearances without it (v15). */
  otherSex?: number[];
}

/** The other values of a lab recorded at the same time as `l` (same day and instant) that differ from it. */
export function sameTimeValues(labs: readonly LabRecord[], l: LabRecord): number[] {
  return [...new Set(labs.filter((o) => o !== l && o.name === l.name && o.date === l.date && o.at === l.at && o.value !== l.value).map((o) => o.value))];
}

export function latestLabs(records: ClinicalRecords, asOf: string): Partial<Record<LabName, LatestLab>> {
  const out: Partial<Record<LabName, LatestLab>> = {};
  const atOf = new Map<LabName, number | undefined>();
  for (const l of records.labs) {
    if (l.date > asOf) continue;
    const before = out[l.name];
    const at = atOf.get(l.name);
    atOf.set(l.name, l.at);
    // Recorded at the same time as the one before it (ordered by event id only): both stand, neither is known to be later.
    const sameTimeAsBefore = before !== undefined && at !== undefined && at === l.at && before.date === l.date;
    const timesUln = l.uln ? withoutFloatNoise(l.value / l.uln) : null;
    const tied = sameTimeAsBefore ? [before.value, ...(before.sameTime ?? [])].filter((v, i, all) => v !== l.value && all.indexOf(v) === i) : [];
    const tiedTimesUln = sameTimeAsBefore ? [...(before.timesUln !== null ? [before.timesUln] : []), ...(before.sameTimeTimesUln ?? [])].filter((v, i, all) => v !== timesUln && all.indexOf(v) === i) : [];
    out[l.name] = {
      value: l.value,
      unit: l.unit,
      date: l.date,
      ageDays: daysBetween(l.date, asOf),
      uln: l.uln,
      timesUln, // not rounded (but for floating-point noise): thresholds compare the exact ratio (2.49975 is below 2.5)
      provenance: [l.eventId],
      ...(tied.length > 0 ? { sameTime: tied } : {}),
      ...(tiedTimesUln.length > 0 ? { sameTimeTimesUln: tiedTimesUln } : {}),
      ...(l.at !== undefined && Number.isFinite(l.at) ? { at: l.at } : {}),
    };
  }
  return out;
}

/** An estimated GFR worked out from the latest creatinine (CKD-EPI 2021), per 1.73 m² of body surface. */
export interface EstimatedGfr {
  value: number;
  unit: 'mL/min/1.73m2';
  method: 'ckd-epi-2021';
  date: string;
  inputs: { ageYears: number; sex: 'female' | 'male'; creatinineMgDl: number };
  provenance: string[];
  /** The estimate from each other creatinine value of the same time, when it differs (v12). */
  sameTime?: number[];
}

/**
 * CKD-EPI 2021 creatinine equation (Inker et al., N Engl J Med 2021, without race): eGFR = 142 ×
 * min(SCr/κ, 1)^α × max(SCr/κ, 1)^−1.200 × 0.9938^age × 1.012 if female; κ 0.7 (female) or 0.9 (male),
 * α −0.241 (female) or −0.302 (male); SCr in mg/dL, age on the creatinine date. Null without creatinine,
 * birth date, or a sex of female or male.
 */
export function estimatedGfr(records: ClinicalRecords, labs: Partial<Record<LabName, LatestLab>>): EstimatedGfr | null {
  const scr = labs.creatinine;
  const { birthDate, sex } = records.demographics;
  if (!scr || !birthDate || (sex !== 'female' && sex !== 'male') || scr.value <= 0) return null;
  const age = ageOn(birthDate, new Date(scr.date));
  const female = sex === 'female';
  const formula = (creatinine: number): number => {
    const ratio = creatinine / (female ? 0.7 : 0.9);
    return withoutFloatNoise(142 * Math.min(ratio, 1) ** (female ? -0.241 : -0.302) * Math.max(ratio, 1) ** -1.2 * 0.9938 ** age * (female ? 1.012 : 1));
  };
  const value = formula(scr.value);
  // Other creatinine values of the same time: the estimate each would give.
  const sameTime = (scr.sameTime ?? []).filter((c) => c > 0).map(formula).filter((v) => v !== value);
  return { value, unit: 'mL/min/1.73m2', method: 'ckd-epi-2021', date: scr.date, inputs: { ageYears: age, sex, creatinineMgDl: scr.value }, provenance: scr.provenance, ...(sameTime.length > 0 ? { sameTime } : {}) };
}

/** The record closest in date to `date` (the later on a tie; records in date order), if one lies within `maxDays` (null: any). */
export function closestTo<T extends { date: string }>(records: readonly T[], date: string, maxDays: number | null): T | undefined {
  const distance = (r: T): number => Math.abs(daysBetween(r.date, date));
  const best = records.reduce<T | undefined>((b, r) => (!b || distance(r) <= distance(b) ? r : b), undefined);
  return best && (maxDays === null || distance(best) <= maxDays) ? best : undefined;
}

/**
 * Cockcroft–Gault (Nephron 1976): CrCl = (140 − age) × weight / (72 × SCr mg/dL), × 0.85 if female.
 * Not normalized to body surface. Uses the latest creatinine, the weight recorded closest to it in time
 * (before or after; the later on a tie), no further from it than `crcl.weightMaxDaysFromCreatinine` when
 * set, and the age on the creatinine date. A sex recorded as other or unknown (or none) gives the clearance with the
 * female factor and, in `otherSex`, without it (v15): a threshold both meet, or both miss, is decided. `crcl` is null
 * when another input is missing; `missing` names what would settle it.
 */
export function creatinineClearance(records: ClinicalRecords, labs: Partial<Record<LabName, LatestLab>>, s: ProfileSettings): { crcl: CreatinineClearance | null; missing: string[] } {
  const scr = labs.creatinine;
  const { birthDate, sex } = records.demographics;
  const binary = sex === 'female' || sex === 'male';
  // The ideal weight needs no recorded weight; the actual and adjusted ones do.
  const weight = scr ? (closestTo(records.demographics.weights, scr.date, s.crcl.weightMaxDaysFromCreatinine) ?? null) : null;
  const height = records.demographics.heightCm ?? null;
  const missing = [
    ...(scr ? [] : ['creatinine']),
    ...(birthDate ? [] : ['birth date']),
    ...(weight === null && s.crcl.weight !== 'ideal' && (scr || records.demographics.weights.length === 0) ? [scr && s.crcl.weightMaxDaysFromCreatinine !== null ? `a weight within ${s.crcl.weightMaxDaysFromCreatinine} days of the creatinine (${scr.date})` : 'weight'] : []),
    ...(s.crcl.weight !== 'actual' && height === null ? [`height (for the ${s.crcl.weight} weight)`] : []),
  ];
  if (!scr || !birthDate || missing.length > 0 || scr.value <= 0) return { crcl: null, missing };
  const age = ageOn(birthDate, new Date(scr.date));
  const used = s.crcl.roundUpCreatinineBelowOne ? Math.max(1, scr.value) : scr.value;
  const female = sex !== 'male';
  // Devine ideal body weight: 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 5 feet.
  const idealFor = (isFemale: boolean): number | null => (height === null ? null : (isFemale ? 45.5 : 50) + 2.3 * (height.value / 2.54 - 60));
  const weightFor = (isFemale: boolean): number => {
    const ideal = idealFor(isFemale);
    return s.crcl.weight === 'ideal' ? ideal! : s.crcl.weight === 'adjusted' ? (weight!.value > ideal! ? ideal! + 0.4 * (weight!.value - ideal!) : weight!.value) : weight!.value;
  };
  const weightUsed = weightFor(female);
  if (weightUsed <= 0) return { crcl: null, missing: ['a weight above zero'] };
  const formula = (creatinine: number, isFemale = female): number => withoutFloatNoise((((140 - age) * weightFor(isFemale)) / (72 * creatinine)) * (isFemale ? 0.85 : 1));
  const value = formula(used);
  const round = (c: number): number => (s.crcl.roundUpCreatinineBelowOne ? Math.max(1, c) : c);
  // Other creatinine values of the same time (which one is right is not known): the clearance each would give.
  const sameTime = (scr.sameTime ?? []).filter((c) => c > 0).map((c) => formula(round(c))).filter((v) => v !== value);
  const otherSex = binary ? [] : [scr.value, ...(scr.sameTime ?? []).filter((c) => c > 0)].map((c) => formula(round(c), false));
  return {
    crcl: {
      value, // unrounded (but for floating-point noise): a threshold of 40 mL/min is not met by 39.96 (round for display only)
      unit: 'mL/min',
      method: 'cockcroft-gault',
      date: scr.date,
      inputs: {
        ageYears: age,
        weightKg: weight?.value ?? null,
        weightDate: weight?.date ?? null,
        ...(s.crcl.weight !== 'actual' ? { weightUsedKg: weightUsed, idealWeightKg: idealFor(female)!, heightCm: height!.value } : {}),
        sex: binary ? sex : 'other or unknown',
        creatinineMgDl: scr.value,
        creatinineUsedMgDl: used,
      },
      settings: s.crcl,
      provenance: scr.provenance,
      ...(sameTime.length > 0 ? { sameTime } : {}),
      ...(otherSex.length > 0 ? { otherSex } : {}),
    },
    missing: [],
  };
}
