import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profile versions are stored as `json` (the text as written, checked to be JSON) instead of `jsonb`, as
 * the matcher stores its profiles: nothing queries inside them, each is written once and read whole, and
 * a jsonb value is parsed into its binary form on every write (a profile of a long history is several
 * kilobytes, written with every new version). The profile and the outbox's messages (the published
 * profiles, as large) are compressed with lz4 where the server has it (faster than pglz); a type change
 * resets a column's compression, so it is set after.
 */
const LZ4 = `DO $$ BEGIN
  ALTER TABLE intake.profile_versions ALTER COLUMN profile SET COMPRESSION lz4;
  ALTER TABLE messaging.outbox ALTER COLUMN value SET COMPRESSION lz4;
  EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN NULL; -- built without lz4: pglz stays
END $$`;

export class IntakeJsonDocuments1764400020000 implements MigrationInterface {
  name = 'IntakeJsonDocuments1764400020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.profile_versions ALTER COLUMN profile TYPE json USING profile::json`);
    await q.query(LZ4);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.profile_versions ALTER COLUMN profile TYPE jsonb USING profile::jsonb`);
    await q.query(LZ4);
  }
}
