import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Verdict state and notifications per (patient, trial, cohort): cohort '' for a trial without cohorts. */
export class NotifierCohorts1764400005000 implements MigrationInterface {
  name = 'NotifierCohorts1764400005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifier.verdict_state ADD COLUMN cohort_id text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE notifier.verdict_state DROP CONSTRAINT verdict_state_pkey, ADD PRIMARY KEY (patient_pseudonym, trial_id, cohort_id)`);
    await q.query(`ALTER TABLE notifier.notifications ADD COLUMN cohort_id text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifier.verdict_state WHERE cohort_id <> ''`);
    await q.query(`ALTER TABLE notifier.verdict_state DROP CONSTRAINT verdict_state_pkey, DROP COLUMN cohort_id, ADD PRIMARY KEY (patient_pseudonym, trial_id)`);
    await q.query(`ALTER TABLE notifier.notifications DROP COLUMN cohort_id`);
  }
}
