import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifier1764400003000 implements MigrationInterface {
  name = 'Notifier1764400003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS notifier`);
    await q.query(`CREATE TABLE notifier.verdict_state (
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      verdict text NOT NULL,
      criteria_version int NOT NULL,
      profile_version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (patient_pseudonym, trial_id)
    )`);
    await q.query(`CREATE TABLE notifier.notifications (
      notification_id text PRIMARY KEY,
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      kind text NOT NULL,
      verdict text NOT NULL,
      previous_verdict text,
      result_id text NOT NULL,
      workflow_status text NOT NULL DEFAULT 'new',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX notifications_by_patient ON notifier.notifications (patient_pseudonym)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA notifier CASCADE`);
  }
}
