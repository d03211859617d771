import schema from './v1.schema.json';

export const MATCH_RESULT_SCHEMA_VERSION = 1;
export const matchResultV1Schema = schema;

export type Verdict = 'ELIGIBLE' | 'POTENTIALLY_ELIGIBLE' | 'ELIGIBLE_FROM' | 'INELIGIBLE';
export type CriterionOutcome = 'MET' | 'NOT_MET' | 'UNKNOWN';

/** Key: patientPseudonym. */
export interface MatchResultV1 {
  resultId: string;
  patientPseudonym: string;
  trialId: string;
  /** The site (sending system) the patient's events come from. */
  site?: string;
  /** Absent when the trial has no cohorts. */
  cohortId?: string;
  criteriaVersion: number;
  profileVersion: number;
  verdict: Verdict;
  eligibleFrom?: string;
  /** Instead of eligibleFrom when that day is one of the patient's birthdays: its month only (YYYY-MM). */
  eligibleFromMonth?: string;
  evaluatedAt: string;
  failing?: string[];
  unknown?: string[];
  missing?: string[];
  /** Set when the trial stopped screening (the verdict is then INELIGIBLE). */
  withdrawn?: string;
  criteria: Array<{ criterionId: string; kind: 'inclusion' | 'exclusion'; outcome: CriterionOutcome; explanation?: string; missing?: string[] }>;
}
