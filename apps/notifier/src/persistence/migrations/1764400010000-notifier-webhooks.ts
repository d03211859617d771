import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions (per site and/or trial) and one delivery row per (subscription, notification) with its attempts. */
export class NotifierWebhooks1764400010000 implements MigrationInterface {
  name = 'NotifierWebhooks1764400010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifier.webhook_subscriptions (
      id uuid PRIMARY KEY,
      url text NOT NULL,
      secret text NOT NULL,
      site text,
      trial_id text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notifier.webhook_deliveries (
      id bigserial PRIMARY KEY,
      subscription_id uuid NOT NULL,
      notification_id text NOT NULL,
      payload text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_status_code int,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      UNIQUE (subscription_id, notification_id)
    )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON notifier.webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifier.webhook_deliveries`);
    await q.query(`DROP TABLE notifier.webhook_subscriptions`);
  }
}
