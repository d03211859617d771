import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Daily per-site digests published (one per site and day, whichever instance gets there first); notifications indexed by site and time for the digest and the per-site inbox. */
export class NotifierDigests1764400011000 implements MigrationInterface {
  name = 'NotifierDigests1764400011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifier.digests (site text NOT NULL, day date NOT NULL, digest jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (site, day))`);
    await q.query(`CREATE INDEX notifications_by_site ON notifier.notifications (site, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifier.notifications_by_site`);
    await q.query(`DROP TABLE notifier.digests`);
  }
}
