import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The coordinator's screening workflow per (patient, trial, cohort), and every transition with who and when. */
export class NotifierScreenings1764400009000 implements MigrationInterface {
  name = 'NotifierScreenings1764400009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifier.screenings (
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      cohort_id text NOT NULL DEFAULT '',
      site text,
      status text NOT NULL DEFAULT 'new',
      flag text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (patient_pseudonym, trial_id, cohort_id)
    )`);
    await q.query(`CREATE INDEX screenings_by_site ON notifier.screenings (site, status)`);
    await q.query(`CREATE TABLE notifier.screening_transitions (
      id bigserial PRIMARY KEY,
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      cohort_id text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      actor text NOT NULL,
      reasons jsonb,
      note text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX screening_transitions_by_key ON notifier.screening_transitions (patient_pseudonym, trial_id, cohort_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifier.screening_transitions`);
    await q.query(`DROP TABLE notifier.screenings`);
  }
}
