import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Profile history, id conflicts, the pseudonym → source identity mapping, and the audit of reads by people. */
export class IntakeHistory1764400002000 implements MigrationInterface {
  name = 'IntakeHistory1764400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.profile_versions (
      patient_pseudonym text NOT NULL,
      version int NOT NULL,
      profile jsonb NOT NULL,
      caused_by_event text NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (patient_pseudonym, version)
    )`);
    await q.query(`CREATE TABLE intake.event_conflicts (
      id bigserial PRIMARY KEY,
      event_id text NOT NULL,
      patient_pseudonym text NOT NULL,
      channel text NOT NULL,
      content_hash text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (event_id, content_hash)
    )`);
    await q.query(`CREATE TABLE intake.patient_identities (
      patient_pseudonym text PRIMARY KEY,
      source text NOT NULL,
      patient_id text NOT NULL,
      first_seen timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE intake.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      patient_pseudonym text,
      purpose text
    )`);
    await q.query(`CREATE INDEX audit_log_by_patient ON intake.audit_log (patient_pseudonym, at)`);
    // Append-only, enforced by the database: received events, past profile versions and the audit log are never changed.
    await q.query(`CREATE FUNCTION intake.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'intake.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['raw_events', 'profile_versions', 'audit_log']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON intake.${table} FOR EACH ROW EXECUTE FUNCTION intake.refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.audit_log, intake.patient_identities, intake.event_conflicts, intake.profile_versions`);
    await q.query(`DROP TRIGGER raw_events_append_only ON intake.raw_events`);
    await q.query(`DROP FUNCTION intake.refuse_change()`);
  }
}
