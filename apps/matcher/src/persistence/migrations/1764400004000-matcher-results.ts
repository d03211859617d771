import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results become one current row per (patient, trial, cohort) — cohort '' for a trial without cohorts —
 * with the signature of what a coordinator cares about (verdict, eligible-from, failing and unknown
 * criteria), a history of every change, and re-screen runs with their progress. Results are derived:
 * the old per-version rows are dropped and the first daily pass recomputes them from the stored profiles.
 */
export class MatcherResults1764400004000 implements MigrationInterface {
  name = 'MatcherResults1764400004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matcher.match_results`);
    await q.query(`CREATE TABLE matcher.results (
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      cohort_id text NOT NULL DEFAULT '',
      criteria_version int NOT NULL,
      profile_version int NOT NULL,
      verdict text NOT NULL,
      eligible_from date,
      unknown_count int NOT NULL,
      failing_count int NOT NULL,
      signature text NOT NULL,
      result jsonb NOT NULL,
      evaluated_at timestamptz NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (patient_pseudonym, trial_id, cohort_id)
    )`);
    await q.query(`CREATE INDEX results_by_trial ON matcher.results (trial_id, verdict)`);
    await q.query(`CREATE TABLE matcher.result_history (
      id bigserial PRIMARY KEY,
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      cohort_id text NOT NULL,
      criteria_version int NOT NULL,
      profile_version int NOT NULL,
      verdict text NOT NULL,
      eligible_from date,
      result jsonb NOT NULL,
      evaluated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX result_history_by_patient ON matcher.result_history (patient_pseudonym, trial_id, id)`);
    await q.query(`CREATE TABLE matcher.rescreen_runs (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      trial_id text,
      criteria_version int,
      day date NOT NULL,
      status text NOT NULL,
      cursor text NOT NULL DEFAULT '',
      total int NOT NULL DEFAULT 0,
      done int NOT NULL DEFAULT 0,
      changed int NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX rescreen_runs_daily ON matcher.rescreen_runs (day) WHERE kind = 'daily'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matcher.rescreen_runs, matcher.result_history, matcher.results`);
    await q.query(`CREATE TABLE matcher.match_results (
      patient_pseudonym text NOT NULL, trial_id text NOT NULL, criteria_version int NOT NULL, profile_version int NOT NULL,
      verdict text NOT NULL, result jsonb NOT NULL, result_hash text NOT NULL, evaluated_at timestamptz NOT NULL,
      PRIMARY KEY (patient_pseudonym, trial_id, criteria_version)
    )`);
  }
}
