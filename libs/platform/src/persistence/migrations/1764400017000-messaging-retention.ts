import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the retention purge (MessagingRetention): BRIN indexes on the insertion times of the outbox and
 * the inbox, which grow in that order; a few pages each and nearly free to keep up on insert.
 */
export class MessagingRetention1764400017000 implements MigrationInterface {
  name = 'MessagingRetention1764400017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_created_brin ON messaging.outbox USING brin (created_at)`);
    await q.query(`CREATE INDEX inbox_processed_brin ON messaging.inbox USING brin (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messaging.inbox_processed_brin`);
    await q.query(`DROP INDEX messaging.outbox_created_brin`);
  }
}
