// The published contract is the one description of a result: the app reads it as match-results.v1 defines it.
import type { MatchResultV1, Verdict } from '../../../libs/contracts/src/match-results/v1';

export type { Verdict };
export type MatchResult = MatchResultV1;
export type CriterionOutcome = MatchResultV1['criteria'][number];

export interface TrialSummary {
  trialId: string;
  version: number;
  status: string;
  title: string;
  phase: string | null;
  sponsor: string | null;
  organisation: string | null;
  cohorts: Array<{ id: string; name: string; status: string }>;
}

export interface TrialDocument {
  trialId: string;
  version: number;
  title: string;
  status: string;
  criteria: Array<{ id: string; kind: string; text: string }>;
  cohorts?: Array<{ id: string; name: string; criteria: Array<{ id: string; kind: string; text: string }> }>;
}

export interface PatientRow {
  patientPseudonym: string;
  site: string | null;
  profileVersion: number;
  updatedAt: string;
  eligible: number;
  potential: number;
  eligibleFrom: number;
  bestVerdict: Verdict | null;
}

export interface TimelineEvent {
  eventId: string;
  ref: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  source: string;
  data: Record<string, unknown>;
}

export interface Notification {
  notificationId: string;
  patientPseudonym: string;
  site: string | null;
  trialId: string;
  cohortId: string | null;
  kind: string;
  verdict: Verdict;
  eligibleFrom: string | null;
  /** Instead of eligibleFrom when that day is a birthday (its month only; the matcher's page has the day). */
  eligibleFromMonth: string | null;
  toCollect: string[] | null;
  reasons: string[] | null;
  workflowStatus: string | null;
  createdAt: string;
}

export interface Screening {
  patientPseudonym: string;
  trialId: string;
  cohortId: string | null;
  site: string | null;
  status: string;
  flag: string | null;
  allowed: string[];
  transitions: Array<{ from: string; to: string; actor: string; at: string; reasons: Array<{ criterionId: string; code: string; note?: string }> | null }>;
}

export interface CountsCell {
  count: number | null;
  suppressed: boolean;
}

export interface CohortCounts {
  cohortId: string | null;
  verdicts: Record<string, CountsCell>;
  total: CountsCell;
}
