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
    const rows = this.prepare(messages).map((r, i) => ({ e: r.eventId, t: r.topic, k: r.key, v: messages[i]!.value, h: r.headers }));
    // One JSON document (the json type keeps each value's text as written); no per-element array quoting.
    await manager.query(
      `INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers) SELECT e, t, k, v::text, h FROM json_to_recordset($1::json) AS x(e text, t text, k text, v json, h jsonb)`,
      [JSON.stringify(rows)],
    );
    return rows.map((r) => r.e);
  }

  /**
   * Validates messages against their contracts and gives each its event id and headers, for a caller
   * that inserts the outbox rows in a statement of its own (INSERT INTO messaging.outbox (event_id,
   * topic, message_key, value, headers)), e.g. together with the rows the messages describe.
   */
  prepare(messages: readonly OutgoingMessage<unknown>[]): Array<{ eventId: string; topic: string; key: string; headers: Record<string, string> }> {
    const producedAt = new Date().toISOString();
    return messages.map((m) => {
      assertMessage(m.topic, m.value);
      const eventId = m.eventId ?? randomUUID();
      return {
        eventId,
        topic: m.topic,
        key: m.key,
        headers: {
          [HEADERS.eventId]: eventId,
          [HEADERS.schemaVersion]: String(m.schemaVersion),
          [HEADERS.correlationId]: m.correlationId,
          [HEADERS.messageType]: m.messageType,
          [HEADERS.producedAt]: producedAt,
        },
      };
    });
  }
}
