import schema from './v1.schema.json';
import ruleSchema from './rule.schema.json';

export const TRIAL_CRITERIA_SCHEMA_VERSION = 1;
export const trialCriteriaV1Schema = schema;
/** The criteria language (referenced by the trial schema as rule.schema.json). */
export const criteriaRuleSchema = ruleSchema;

export type TrialStatus = 'RECRUITING' | 'NOT_YET_RECRUITING' | 'ACTIVE_NOT_RECRUITING' | 'SUSPENDED' | 'CLOSED' | 'UNKNOWN';

export interface TrialCriterionV1<R = Record<string, unknown>> {
  id: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  rule: R;
  textSource?: 'verbatim' | 'summary' | 'not-retrieved';
  ruleStatus?: 'draft' | 'reviewed';
}

/** Key: trialId. `rule` is the criteria language (rule.schema.json), compiled by libs/core. */
export interface TrialCriteriaV1<R = Record<string, unknown>> {
  trialId: string;
  version: number;
  status: TrialStatus;
  title: string;
  phase?: string;
  sponsor?: string;
  sites?: Array<{ name: string; city?: string; country?: string }>;
  criteria: Array<TrialCriterionV1<R>>;
  /** A cohort may carry its own status (a closed cohort is not screened; absent: open while the trial is). */
  cohorts?: Array<{ id: string; name: string; status?: TrialStatus; criteria: Array<TrialCriterionV1<R>> }>;
  source?: { url?: string; retrieved?: string; textVersion?: string; note?: string };
}
