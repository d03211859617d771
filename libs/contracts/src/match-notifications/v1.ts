import schema from './v1.schema.json';
import type { Verdict } from '../match-results/v1';

export const MATCH_NOTIFICATION_SCHEMA_VERSION = 1;
export const matchNotificationV1Schema = schema;

export type NotificationKind = 'NEW_ELIGIBLE' | 'NEW_POTENTIAL' | 'ELIGIBLE_FROM' | 'ELIGIBLE_NOW' | 'NO_LONGER_ELIGIBLE';

/** Key: patientPseudonym. */
export interface MatchNotificationV1 {
  notificationId: string;
  patientPseudonym: string;
  trialId: string;
  site?: string;
  /** The cohort, when the trial has cohorts. */
  cohortId?: string;
  kind: NotificationKind;
  verdict: Verdict;
  previousVerdict?: Verdict;
  eligibleFrom?: string;
  /** Instead of eligibleFrom when that day is one of the patient's birthdays: its month only (YYYY-MM). */
  eligibleFromMonth?: string;
  toCollect?: string[];
  reasons?: string[];
  resultId: string;
  createdAt: string;
}
