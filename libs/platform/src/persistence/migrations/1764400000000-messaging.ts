import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging1764400000000 implements MigrationInterface {
  name = 'Messaging1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS messaging`);
    await q.query(`CREATE TABLE messaging.outbox (
      seq bigserial PRIMARY KEY,
      event_id text NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      value text NOT NULL,
      headers jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz,
      published_at timestamptz,
      publish_attempts int NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE INDEX outbox_unpublished ON messaging.outbox (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE messaging.inbox (
      consumer text NOT NULL,
      event_id text NOT NULL,
      topic text NOT NULL,
      partition int NOT NULL,
      "offset" text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messaging.inbox`);
    await q.query(`DROP TABLE messaging.outbox`);
  }
}
