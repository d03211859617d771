import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An eligible-from date published as its month only (a birthday's: docs/security.md), kept with the notifications and the policy's memory. */
export class NotifierEligibleMonth1764400012000 implements MigrationInterface {
  name = 'NotifierEligibleMonth1764400012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifier.notifications ADD COLUMN eligible_from_month text`);
    await q.query(`ALTER TABLE notifier.verdict_state ADD COLUMN last_eligible_from_month text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifier.verdict_state DROP COLUMN last_eligible_from_month`);
    await q.query(`ALTER TABLE notifier.notifications DROP COLUMN eligible_from_month`);
  }
}
