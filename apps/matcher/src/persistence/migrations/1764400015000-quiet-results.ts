import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A first result that is INELIGIBLE is stored without its explanation (result NULL; the read API
 * derives it from the stored profile and the trial version the row names) and is not published.
 */
export class QuietResults1764400015000 implements MigrationInterface {
  name = 'QuietResults1764400015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.results ALTER COLUMN result DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM matcher.results WHERE result IS NULL`);
    await q.query(`ALTER TABLE matcher.results ALTER COLUMN result SET NOT NULL`);
  }
}
