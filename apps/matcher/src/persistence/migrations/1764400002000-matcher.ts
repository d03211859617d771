import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Matcher1764400002000 implements MigrationInterface {
  name = 'Matcher1764400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS matcher`);
    await q.query(`CREATE TABLE matcher.trial_versions (
      trial_id text NOT NULL,
      version int NOT NULL,
      status text NOT NULL,
      document jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (trial_id, version)
    )`);
    await q.query(`CREATE TABLE matcher.profiles (
      patient_pseudonym text PRIMARY KEY,
      profile_version int NOT NULL,
      profile jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE matcher.match_results (
      patient_pseudonym text NOT NULL,
      trial_id text NOT NULL,
      criteria_version int NOT NULL,
      profile_version int NOT NULL,
      verdict text NOT NULL,
      result jsonb NOT NULL,
      result_hash text NOT NULL,
      evaluated_at timestamptz NOT NULL,
      PRIMARY KEY (patient_pseudonym, trial_id, criteria_version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA matcher CASCADE`);
  }
}
