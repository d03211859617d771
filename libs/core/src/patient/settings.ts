import type { DrugClass } from '../terminology/drug-classes';
/**
 * The conventions domain.md leaves open, as named settings. Every derived fact records the settings
 * name it was computed with (`ProfileSettings.name`), so a profile can always be explained.
 */
export interface ProfileSettings {
  /** Identifies this combination of settings in every profile computed with it. */
  name: string;
  /** Agents starting within this many days of a regimen's first agent belong to that regimen (convention: 28–60). */
  regimenGroupingWindowDays: number;
  /** Restarting the same agents after a gap shorter than this is a hold, not a new line. */
  treatmentHoldMaxDays: number;
  /**
   * A line is at least one complete cycle (Rajkumar 2015): a regimen given over fewer than this many days, first and
   * last dose days counted (14: a VRd cycle's doses span days 1 to 14; no complete cycle recorded, not stopped for progression,
   * no progression from its start to the next regimen's first `earlyProgressionDays`), replaced within the grouping
   * window, is no line of its own (0: every regimen is one).
   */
  minLineDays: number;
  /**
   * A schedule sent dose by dose or cycle by cycle goes on after a progression found between two doses when the next dose
   * comes no later than the interval before its last dose day, plus this many days (a dose delayed by the assessment):
   * a dosing interval, not a treatment-free interval and re-treatment.
   */
  scheduleSlipDays: number;
  /** A progression dated this many days or fewer after a line's start is the one that prompted it, not progression on the line's therapy (for telling salvage from the regimen's own course). */
  earlyProgressionDays: number;
  /**
   * A transplant, or a CAR-T infusion of one product, recorded again within this many days is the same procedure (two
   * systems, one dating it by the admission or the conditioning; a tandem transplant comes months later): one
   * procedure, on the later date (the infusion follows the days before it). 0: only records of one day are one.
   */
  procedureRepeatDays: number;
  /** A second ASCT within this many days of the first, documented as planned, is a planned tandem (convention ~180). */
  plannedTandemMaxDays: number;
  /** Therapy starting this many days or fewer after an ASCT, with no intent recorded, is taken as planned consolidation/maintenance. */
  postTransplantContinuationDays: number;
  /** Bridging therapy this many days or fewer before a CAR-T infusion belongs to the CAR-T line. */
  bridgingWindowDays: number;
  /** IMWG: progression within this many days of the last dose makes the regimen refractory. */
  refractoryWindowDays: number;
  /** Minimum days on a drug before refractoriness can count (MAMMOTH used 28 for anti-CD38). */
  minExposureDaysForRefractoriness: number;
  /** The classes whose drugs `minExposureDaysForRefractoriness` applies to (MAMMOTH: the anti-CD38 antibodies); null: every drug. */
  minExposureClasses: readonly DrugClass[] | null;
  /** IMWG "nonresponsive": no MR or better while on therapy counts as refractory. */
  nonResponseIsRefractory: boolean;
  /**
   * A drug still being given is nonresponsive once it has been given this long with no MR or better at an
   * assessment this long after its start (IMWG does not say when "failure to achieve MR" on a running
   * therapy is judged; two 28-day cycles by default, when a first response is usually assessed).
   */
  nonResponseMinDaysOngoing: number;
  /**
   * One assessment's visit (IMWG 2016 assesses every parameter at each assessment): a urine, or an immunofixation alone,
   * this many days or fewer after an electrophoresis day of the response (before the next one) is that assessment's, as
   * one the day before is (the 24-hour urine collected the next day, the immunofixation reported the next day).
   */
  assessmentVisitDays: number;
  /** IMWG 2016: biochemical progression needs two consecutive assessments. */
  progressionNeedsConfirmation: boolean;
  /**
   * The nadir progression is measured from. 'confirmed' (IMWG 2016's "lowest confirmed value"): the
   * baseline, or the lowest level held by two consecutive assessments (the higher of the pair), so a
   * single low value does not lower it. 'lowest': the lowest single value.
   */
  progressionNadir: 'confirmed' | 'lowest';
  /**
   * Cockcroft–Gault variants (domain.md §7: "weight choice (actual, ideal, adjusted) and rounding up SCr < 1 mg/dL vary
   * by protocol/site"): `weight` actual, ideal (Devine: 50 kg male / 45.5 kg female + 2.3 kg per inch over 5 feet, from
   * the latest height) or adjusted (ideal + 0.4 × (actual − ideal)); ideal or adjusted without a height: no CrCl; how
   * far (days) the weight may lie from the creatinine (null: any distance; the weight closest to it is taken either way).
   */
  crcl: { weight: 'actual' | 'ideal' | 'adjusted'; roundUpCreatinineBelowOne: boolean; weightMaxDaysFromCreatinine: number | null };
  /** IMS/IMWG 2025 "β2-microglobulin ≥ 5.5 mg/L with normal creatinine": the creatinine closest to the β2M, at most this many days from it. */
  beta2mCreatinineMaxDays: number;
  /** That creatinine is normal at or below its reported upper limit; reported without one, below this (mg/dL; a convention). */
  beta2mNormalCreatinineBelowMgDl: number;
  /** ISS/R-ISS at diagnosis: β2M, albumin and LDH taken on or before the first line's start, at most this many days before it. */
  stagingLabMaxDaysBeforeTreatment: number;
  /** R-ISS at diagnosis: FISH results dated up to this many days after the first line's start count (a diagnostic marrow reported late). */
  stagingFishMaxDaysAfterTreatmentStart: number;
  /** FISH positivity cut-offs in % of plasma cells (EMN 2012: 10% fusion/break-apart, 20% numerical). */
  fishCutoffs: { translocation: number; copyNumber: number };
  /** 1q copies from which a 1q gain is an amplification (domain.md §6 convention: gain = 3 copies, amplification = ≥4). */
  amp1qMinCopies: number;
  /**
   * The response criteria (domain.md §4 `criteria_version`): IMWG 2016 (Kumar et al.) is the one implemented; an
   * updated framework (COMy 2026) is unverified. Profiles record it in their settings name.
   */
  responseCriteria: 'imwg2016';
  /** IMWG 2016 MRD negativity needs at least this sensitivity (1 in 10^5): a negative at a coarser one (or none recorded) is not counted. */
  mrdMinSensitivity: number;
  /** IMWG 2016 sustained MRD-negative: marrow (NGF/NGS) and PET-CT imaging negative over ≥1 year; false counts the marrow alone. */
  sustainedMrdNeedsImaging: boolean;
  /** Labs older than this (days) are reported with their age but not used for "current" statuses. */
  currentLabMaxAgeDays: number;
  /**
   * Thresholds of the relapse indicators (domain.md §4: "make thresholds versioned config"): IMWG 2016 clinical
   * relapse (calcium above 11 mg/dL; IMWG's indications for treatment at relapse use ≥11.5), haemoglobin fall and
   * creatinine rise, a plasmacytoma's definite increase (≥50% and ≥1 cm); IMWG significant paraprotein relapse
   * (doubling from ≥0.5 g/dL, serum +1 g/dL, urine +500 mg/24 h, involved FLC +20 mg/dL or +25% whichever is
   * greater with an abnormal ratio, in two consecutive measurements ≤2 calendar months apart).
   */
  relapseIndicators: {
    calciumAboveMgDl: number;
    hemoglobinFallGdL: number;
    creatinineRiseMgDl: number;
    lesionGrowthFraction: number;
    lesionGrowthMinMm: number;
    doublingReferenceMinGdL: number;
    serumRiseGdL: number;
    urineRiseMg24h: number;
    involvedFlcRiseMgDl: number;
    involvedFlcRiseFraction: number;
    consecutiveWithinMonths: number;
  };
}

export const DEFAULT_SETTINGS: ProfileSettings = {
  name: 'imwg2016-lot2015-default-v18',
  regimenGroupingWindowDays: 28,
  treatmentHoldMaxDays: 60,
  earlyProgressionDays: 14,
  procedureRepeatDays: 7,
  scheduleSlipDays: 7,
  minLineDays: 14,
  plannedTandemMaxDays: 180,
  postTransplantContinuationDays: 180,
  assessmentVisitDays: 3,
  bridgingWindowDays: 90,
  refractoryWindowDays: 60,
  minExposureDaysForRefractoriness: 0,
  minExposureClasses: ['ANTI_CD38'],
  nonResponseIsRefractory: true,
  nonResponseMinDaysOngoing: 56,
  progressionNeedsConfirmation: true,
  progressionNadir: 'confirmed',
  crcl: { weight: 'actual', roundUpCreatinineBelowOne: false, weightMaxDaysFromCreatinine: null },
  beta2mCreatinineMaxDays: 30,
  beta2mNormalCreatinineBelowMgDl: 1.2,
  stagingLabMaxDaysBeforeTreatment: 90,
  stagingFishMaxDaysAfterTreatmentStart: 30,
  fishCutoffs: { translocation: 10, copyNumber: 20 },
  amp1qMinCopies: 4,
  responseCriteria: 'imwg2016',
  mrdMinSensitivity: 1e-5,
  sustainedMrdNeedsImaging: true,
  currentLabMaxAgeDays: 60,
  relapseIndicators: {
    calciumAboveMgDl: 11,
    hemoglobinFallGdL: 2,
    creatinineRiseMgDl: 2,
    lesionGrowthFraction: 0.5,
    lesionGrowthMinMm: 10,
    doublingReferenceMinGdL: 0.5,
    serumRiseGdL: 1,
    urineRiseMg24h: 500,
    involvedFlcRiseMgDl: 20,
    involvedFlcRiseFraction: 0.25,
    consecutiveWithinMonths: 2,
  },
};

/**
 * The name a profile records for its settings: theirs, followed by every value that differs from the
 * defaults, so that settings changed without a new name are still told apart (`…-v3 {"progressionNadir":"lowest"}`).
 */
export function settingsLabel(s: ProfileSettings): string {
  const changed = Object.fromEntries(
    (Object.keys(DEFAULT_SETTINGS) as Array<keyof ProfileSettings>).filter((k) => k !== 'name' && JSON.stringify(s[k]) !== JSON.stringify(DEFAULT_SETTINGS[k])).map((k) => [k, s[k]]),
  );
  return Object.keys(changed).length === 0 ? s.name : `${s.name} ${JSON.stringify(changed)}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
