import schema from './v1.schema.json';

export const TRIAL_CRITERIA_SCHEMA_VERSION = 1;
export const trialCriteriaV1Schema = schema;

export type TrialStatus = 'RECRUITING' | 'NOT_YET_RECRUITING' | 'ACTIVE_NOT_RECRUITING' | 'SUSPENDED' | 'CLOSED';

/** Key: trialId. `rule` is the criteria-language expression owned by libs/core. */
export interface TrialCriteriaV1<R = Record<string, unknown>> {
  trialId: string;
  version: number;
  status: TrialStatus;
  title: string;
  phase?: string;
  criteria: Array<{ id: string; kind: 'inclusion' | 'exclusion'; text: string; rule: R }>;
}
