import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1764400001000 implements MigrationInterface {
  name = 'Intake1764400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS intake`);
    await q.query(`CREATE TABLE intake.raw_events (
      event_id text PRIMARY KEY,
      patient_pseudonym text NOT NULL,
      source text NOT NULL,
      type text NOT NULL,
      occurred_at text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      content_hash text NOT NULL,
      payload jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX raw_events_by_patient ON intake.raw_events (patient_pseudonym)`);
    await q.query(`CREATE TABLE intake.patient_profiles (
      patient_pseudonym text PRIMARY KEY,
      version int NOT NULL,
      profile jsonb NOT NULL,
      profile_hash text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA intake CASCADE`);
  }
}
