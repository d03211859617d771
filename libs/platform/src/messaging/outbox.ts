import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertMessage, HEADERS, type TopicName } from '@trialmatch/contracts';
import { OutboxRelay, type HandOffRecord } from './outbox-relay';

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
 * A JSON array of rows for json_to_recordset, each row with one more field whose value is JSON text
 * already serialised (spliced in as is: the json type keeps it as written, so `field::text` in the
 * statement is exactly that text, the one handed off to the relay).
 */
export function rowsWithJson(rows: readonly object[], field: string, texts: readonly string[]): string {
  return `[${rows
    .map((r, i) => {
      const s = JSON.stringify(r);
      return `${s.length > 2 ? `${s.slice(0, -1)},` : '{'}${JSON.stringify(field)}:${texts[i]!}}`;
    })
    .join(',')}]`;
}

/**
 * Adds messages to the outbox inside the caller's transaction; validated against the contract first.
 * One statement per call whatever the count (one JSON document, expanded by PostgreSQL), so a re-screen page of
 * thousands of results costs one round trip. The rows are handed off to the relay (OutboxRelay), which
 * publishes them as soon as the transaction commits.
 */
@Injectable()
export class Outbox {
  constructor(@Optional() private readonly relay?: OutboxRelay) {}

  async enqueue(manager: EntityManager, messages: OutgoingMessage<unknown>[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const prepared = this.prepare(messages);
    const texts = messages.map((m) => JSON.stringify(m.value));
    const lease = this.handOff(manager, prepared.map((r, i) => ({ ...r, value: texts[i]! })));
    // One JSON document (the json type keeps each value's text as written); no per-element array quoting.
    await manager.query(
      `INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers, claimed_until)
       SELECT e, t, k, v::text, h, clock_timestamp() + make_interval(secs => $2) FROM json_to_recordset($1::json) AS x(e text, t text, k text, v json, h jsonb)`,
      [rowsWithJson(prepared.map((r) => ({ e: r.eventId, t: r.topic, k: r.key, h: r.headers })), 'v', texts), lease],
    );
    return prepared.map((r) => r.eventId);
  }

  /**
   * For a caller that writes outbox rows in a statement of its own: hands the rows (exactly as they will
   * be stored) to the relay, to publish once the caller's transaction commits, and returns the claim to
   * write them with: `claimed_until = clock_timestamp() + make_interval(secs => <this>)` (the statement's time, not the transaction's start: the relay counts the claim from the hand-off) (null: unclaimed, the relay's
   * poll publishes them). Call it before the statement, in the same transaction.
   */
  handOff(manager: EntityManager, records: readonly HandOffRecord[]): number | null {
    return this.relay?.register(manager.queryRunner, records) ?? null;
  }

  /**
   * Validates messages against their contracts and gives each its event id and headers, for a caller
   * that inserts the outbox rows in a statement of its own (INSERT INTO messaging.outbox (event_id,
   * topic, message_key, value, headers, claimed_until)), e.g. together with the rows the messages
   * describe, after `handOff`.
   */
  prepare(messages: readonly OutgoingMessage<unknown>[]): Array<{ eventId: string; topic: string; key: string; headers: Record<string, string> }> {
    for (const m of messages) assertMessage(m.topic, m.value);
    return this.prepareChecked(messages);
  }

  /** As `prepare`, for messages the caller has already checked against their contract (`assertMessage`), e.g. in a worker thread. */
  prepareChecked(messages: ReadonlyArray<Omit<OutgoingMessage<unknown>, 'value'>>): Array<{ eventId: string; topic: string; key: string; headers: Record<string, string> }> {
    const producedAt = new Date().toISOString();
    return messages.map((m) => {
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
