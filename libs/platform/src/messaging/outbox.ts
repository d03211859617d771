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
 * One statement per call whatever the count (one JSON document, expanded by PostgreSQL), so a re-screen page of
 * thousands of results costs one round trip.
 */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, messages: OutgoingMessage<unknown>[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const producedAt = new Date().toISOString();
    const ids: string[] = [];
    const rows = messages.map((m) => {
      assertMessage(m.topic, m.value);
      const eventId = m.eventId ?? randomUUID();
      ids.push(eventId);
      const headers = {
        [HEADERS.eventId]: eventId,
        [HEADERS.schemaVersion]: String(m.schemaVersion),
        [HEADERS.correlationId]: m.correlationId,
        [HEADERS.messageType]: m.messageType,
        [HEADERS.producedAt]: producedAt,
      };
      return { e: eventId, t: m.topic, k: m.key, v: m.value, h: headers };
    });
    // One JSON document (the json type keeps each value's text as written); no per-element array quoting.
    await manager.query(
      `INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers) SELECT e, t, k, v::text, h FROM json_to_recordset($1::json) AS x(e text, t text, k text, v json, h jsonb)`,
      [JSON.stringify(rows)],
    );
    return ids;
  }
}
