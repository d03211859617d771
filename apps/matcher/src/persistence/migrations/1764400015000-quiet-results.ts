import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results written once: a current result points at its history row (history_id) instead of holding a
 * copy of the published JSON; a quiet result (INELIGIBLE with nothing published before it) has
 * neither, and the read API derives its explanation from the stored profile and the trial version the
 * row names. Large JSON columns are compressed with lz4 where the server has it (faster than pglz).
 */
export class QuietResults1764400015000 implements MigrationInterface {
  name = 'QuietResults1764400015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.results ALTER COLUMN result DROP NOT NULL, ADD COLUMN history_id bigint`);
    await q.query(`DO $$ BEGIN
      ALTER TABLE matcher.result_history ALTER COLUMN result SET COMPRESSION lz4;
      ALTER TABLE matcher.results ALTER COLUMN result SET COMPRESSION lz4;
      ALTER TABLE matcher.profiles ALTER COLUMN profile SET COMPRESSION lz4;
      ALTER TABLE messaging.outbox ALTER COLUMN value SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN NULL; -- built without lz4: pglz stays
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE matcher.results r SET result = h.result FROM matcher.result_history h WHERE r.result IS NULL AND h.id = r.history_id`);
    await q.query(`DELETE FROM matcher.results WHERE result IS NULL`);
    await q.query(`ALTER TABLE matcher.results DROP COLUMN history_id, ALTER COLUMN result SET NOT NULL`);
  }
}
