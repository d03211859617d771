import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertMessage, HEADERS, type TopicName } from '@trialmatch/contracts';

export interface OutgoingMessage<T> {
  topic: TopicName;
  key: string;
  value: T;
  schemaVersion: number;
  messageType: string;
  correlationId: string;
  /** Defaults to a fresh UUID; pass one to make re-sending the same fact idempotent downstream. */
  eventId?: string;
}

/**
 * Adds messages to the outbox inside the caller's transaction; validated against the contract first.
 * One statement per call whatever the count (arrays unnested by PostgreSQL), so a re-screen page of
 * thousands of results costs one round trip.
 */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, messages: OutgoingMessage<unknown>[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const producedAt = new Date().toISOString();
    const ids: string[] = [];
    const topics: string[] = [];
    const keys: string[] = [];
    const values: string[] = [];
    const headers: string[] = [];
    for (const m of messages) {
      assertMessage(m.topic, m.value);
      const eventId = m.eventId ?? randomUUID();
      ids.push(eventId);
      topics.push(m.topic);
      keys.push(m.key);
      values.push(JSON.stringify(m.value));
      headers.push(
        JSON.stringify({
          [HEADERS.eventId]: eventId,
          [HEADERS.schemaVersion]: String(m.schemaVersion),
          [HEADERS.correlationId]: m.correlationId,
          [HEADERS.messageType]: m.messageType,
          [HEADERS.producedAt]: producedAt,
        }),
      );
    }
    await manager.query(
      `INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
      [ids, topics, keys, values, headers],
    );
    return ids;
  }
}
