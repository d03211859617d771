import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles and published results are stored as `json` (the text as written, checked to be JSON) instead of
 * `jsonb`: nothing queries inside them, they are only written whole and read whole, and PostgreSQL parses
 * a jsonb value into its binary form on every write and prints it back on every read (the re-screen reads
 * profiles as text). On this project's test server, upserting 100 typical profiles from one document took
 * 72 to 91 ms as jsonb and 50 to 55 ms as json; 500 published results 33 to 36 ms and 24 to 27 ms. A
 * published result is now stored byte for byte as it was published. A type change resets a column's
 * compression, so lz4 (where the server has it) is set again.
 */
const LZ4 = `DO $$ BEGIN
  ALTER TABLE matcher.profiles ALTER COLUMN profile SET COMPRESSION lz4;
  ALTER TABLE matcher.result_history ALTER COLUMN result SET COMPRESSION lz4;
  ALTER TABLE matcher.results ALTER COLUMN result SET COMPRESSION lz4;
  EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN NULL; -- built without lz4: pglz stays
END $$`;

export class JsonDocuments1764400018000 implements MigrationInterface {
  name = 'JsonDocuments1764400018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.profiles ALTER COLUMN profile TYPE json USING profile::json`);
    await q.query(`ALTER TABLE matcher.result_history ALTER COLUMN result TYPE json USING result::json`);
    await q.query(`ALTER TABLE matcher.results ALTER COLUMN result TYPE json USING result::json`);
    await q.query(LZ4);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.results ALTER COLUMN result TYPE jsonb USING result::jsonb`);
    await q.query(`ALTER TABLE matcher.result_history ALTER COLUMN result TYPE jsonb USING result::jsonb`);
    await q.query(`ALTER TABLE matcher.profiles ALTER COLUMN profile TYPE jsonb USING profile::jsonb`);
    await q.query(LZ4);
  }
}
