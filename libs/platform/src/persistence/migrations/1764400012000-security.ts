import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-service security tables: API keys (hashed secrets) and the audit log of access to patient data
 * (append-only: a trigger refuses updates, deletes and truncation, and the application's role loses
 * those privileges; each row carries the hash of the one before it).
 */
export class Security1764400012000 implements MigrationInterface {
  name = 'Security1764400012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS security`);
    await q.query(`CREATE TABLE security.api_keys (
      id text PRIMARY KEY,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('feed', 'sponsor', 'coordinator', 'admin')),
      organisation text,
      sites text[] NOT NULL DEFAULT '{}',
      secret_hash bytea NOT NULL,
      previous_hash bytea,
      previous_valid_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      rotated_at timestamptz,
      revoked_at timestamptz)`);
    await q.query(`CREATE TABLE security.audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      role text NOT NULL,
      action text NOT NULL,
      patient_pseudonym text,
      purpose text,
      service text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL)`);
    await q.query(`CREATE INDEX audit_log_by_patient ON security.audit_log (patient_pseudonym, seq)`);
    await q.query(`CREATE FUNCTION security.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'security.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON security.audit_log FOR EACH ROW EXECUTE FUNCTION security.refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON security.audit_log FOR EACH STATEMENT EXECUTE FUNCTION security.refuse_change()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON security.audit_log FROM PUBLIC, CURRENT_USER`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA security CASCADE`);
  }
}
