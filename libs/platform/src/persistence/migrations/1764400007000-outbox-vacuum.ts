import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox is a queue: every row is inserted, claimed, marked published and later removed (MessagingRetention), so its
 * partial index of unpublished rows fills with dead entries that the relay's claim has to step over.
 * Vacuum it after a small fraction of changes instead of PostgreSQL's default 20 %.
 */
export class OutboxVacuum1764400007000 implements MigrationInterface {
  name = 'OutboxVacuum1764400007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messaging.outbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messaging.outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor)`);
  }
}
