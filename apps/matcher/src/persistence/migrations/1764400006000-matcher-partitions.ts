import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles remember their site (for candidate filters) and the patient-profiles.v1 partition they came
 * from, so that each matcher instance re-screens only the patients of the partitions it owns; re-screen
 * progress is kept per partition. Profiles stored before this migration count as partition 0 until
 * their next profile message; a running re-screen continues as partition 0's.
 */
export class MatcherPartitions1764400006000 implements MigrationInterface {
  name = 'MatcherPartitions1764400006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.profiles ADD COLUMN site text, ADD COLUMN partition int NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX profiles_by_partition ON matcher.profiles (partition, patient_pseudonym)`);
    await q.query(`CREATE INDEX profiles_by_site ON matcher.profiles (site, patient_pseudonym)`);
    await q.query(`CREATE TABLE matcher.rescreen_partitions (
      run_id bigint NOT NULL,
      partition int NOT NULL,
      cursor text NOT NULL DEFAULT '',
      total int NOT NULL DEFAULT 0,
      done int NOT NULL DEFAULT 0,
      changed int NOT NULL DEFAULT 0,
      worker text,
      finished_at timestamptz,
      PRIMARY KEY (run_id, partition)
    )`);
    await q.query(`INSERT INTO matcher.rescreen_partitions (run_id, partition, cursor, total, done, changed)
      SELECT id, 0, cursor, total, done, changed FROM matcher.rescreen_runs WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matcher.rescreen_partitions`);
    await q.query(`DROP INDEX matcher.profiles_by_site`);
    await q.query(`DROP INDEX matcher.profiles_by_partition`);
    await q.query(`ALTER TABLE matcher.profiles DROP COLUMN site, DROP COLUMN partition`);
  }
}
