import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertMessage, HEADERS, type TopicName } from '@trialmatch/contracts';
import { OutboxRecord } from '../persistence/messaging.entities';

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

/** Adds messages to the outbox inside the caller's transaction; validated against the contract first. */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, messages: OutgoingMessage<unknown>[]): Promise<string[]> {
    const rows = messages.map((m) => {
      assertMessage(m.topic, m.value);
      const eventId = m.eventId ?? randomUUID();
      return manager.create(OutboxRecord, {
        eventId,
        topic: m.topic,
        messageKey: m.key,
        value: JSON.stringify(m.value),
        headers: {
          [HEADERS.eventId]: eventId,
          [HEADERS.schemaVersion]: String(m.schemaVersion),
          [HEADERS.correlationId]: m.correlationId,
          [HEADERS.messageType]: m.messageType,
          [HEADERS.producedAt]: new Date().toISOString(),
        },
      });
    });
    if (rows.length > 0) await manager.insert(OutboxRecord, rows);
    return rows.map((r) => r.eventId);
  }
}
