import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldSeal } from '../security/field-seal';
import { assertMessage, DLQ_HEADERS, dlqTopic, HEADERS, type TopicName } from '@trialmatch/contracts';
import type { MessagingSettings } from '../config/config';
import { MessagingMetrics } from '../observability/metrics';
import { classifyFailure, describeError, TerminalError, type FailureKind } from './errors';
import type { InboundMessage } from './inbound';
import { MessagePublisher } from './message-publisher';
import { MESSAGING_SETTINGS } from './tokens';
import { correlationIdOf, withLogFields } from '../observability/logging';

/** Log fields for a message's correlation id (none when it is not a usable one). */
const logFieldsOf = (correlationId: string | undefined): Record<string, string> => {
  const id = correlationIdOf(correlationId);
  return id ? { correlationId: id } : {};
};

export interface HandlerContext {
  /** The transaction the effect, the inbox row and any outbox rows share. */
  manager: EntityManager;
  eventId: string;
  correlationId: string;
  inbound: InboundMessage;
}

export interface ConsumerSpec<T> {
  /** Inbox namespace; one per service (and per logical consumer within it). */
  consumer: string;
  /** The contract the value is validated against. */
  topic: TopicName;
  /** Where the dedupe id lives when it is in the body (inbound hospital events); default: the x-event-id header. */
  eventIdOf?: (value: T) => string;
  handle(message: T, ctx: HandlerContext): Promise<void>;
  /**
   * For topics that carry identifiers (the hospitals' inbound events): the dead letter's value is the
   * original bytes sealed with this key (header x-dlq-sealed), so the DLQ holds no identifier in clear
   * and nothing is lost to whoever holds the key.
   */
  sealDeadLetters?: FieldSeal;
}

export type ProcessOutcome = 'processed' | 'duplicate' | 'dead-lettered';

/** One decoded message of a batch, as a batch handler receives it. */
export interface BatchItem<T> {
  value: T;
  eventId: string;
  correlationId: string;
  inbound: InboundMessage;
}

export interface BatchConsumerSpec<T> extends Omit<ConsumerSpec<T>, 'handle'> {
  /** Applies the effects of several new (not yet seen) messages, in their order, in the caller's transaction. */
  handleBatch(items: BatchItem<T>[], manager: EntityManager): Promise<void>;
}

/**
 * The one way our services consume: decode and validate, then apply the effect and record
 * (consumer, event id) in the inbox in one transaction. Terminal failures go to `<topic>.dlq` at once;
 * retryable ones are retried with backoff up to MESSAGE_MAX_ATTEMPTS, then dead-lettered. Returning
 * normally lets the transport commit the offset. It throws, so the transport redelivers and nothing is
 * dropped, in two cases only: the database stayed unavailable through every attempt, or even the DLQ
 * could not be written.
 */
@Injectable()
export class MessageProcessor {
  private readonly logger = new Logger(MessageProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: MessagePublisher,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly metrics: MessagingMetrics,
  ) {}

  async process<T>(inbound: InboundMessage, spec: ConsumerSpec<T>): Promise<ProcessOutcome> {
    let decoded: { eventId: string; correlationId: string; value: T };
    try {
      decoded = this.decode<T>(inbound, spec);
    } catch (e) {
      return withLogFields(logFieldsOf(inbound.headers[HEADERS.correlationId]), () => this.deadLetter(inbound, spec.consumer, e, 'terminal', 1, spec.sealDeadLetters));
    }
    // Every line logged while handling the message (retries, dead letters, the handler's own) carries its correlation id.
    return withLogFields(logFieldsOf(decoded.correlationId), () => this.attempts(inbound, spec, decoded));
  }

  private async attempts<T>(inbound: InboundMessage, spec: ConsumerSpec<T>, decoded: { eventId: string; correlationId: string; value: T }): Promise<ProcessOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const timer = this.metrics.handling.startTimer({ consumer: spec.consumer, topic: inbound.topic });
        const applied = await this.dataSource.transaction(async (manager) => {
          const inserted = await manager.query<unknown[]>(
            `INSERT INTO messaging.inbox (consumer, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
            [spec.consumer, decoded.eventId, inbound.topic, inbound.partition, inbound.offset],
          );
          if (inserted.length === 0) return false;
          await spec.handle(decoded.value, { manager, eventId: decoded.eventId, correlationId: decoded.correlationId, inbound });
          return true;
        });
        timer();
        const outcome: ProcessOutcome = applied ? 'processed' : 'duplicate';
        this.metrics.consumed.inc({ consumer: spec.consumer, topic: inbound.topic, outcome });
        return outcome;
      } catch (e) {
        const kind = classifyFailure(e);
        if (kind === 'terminal') return this.deadLetter(inbound, spec.consumer, e, kind, attempt, spec.sealDeadLetters);
        if (attempt >= this.settings.maxAttempts) {
          if (kind === 'unavailable') {
            // Not the message's fault: hand it back for redelivery (the offset is not committed).
            this.metrics.consumed.inc({ consumer: spec.consumer, topic: inbound.topic, outcome: 'redeliver' });
            throw e;
          }
          return this.deadLetter(inbound, spec.consumer, e, kind, attempt, spec.sealDeadLetters);
        }
        this.metrics.retries.inc({ consumer: spec.consumer, topic: inbound.topic });
        this.logger.warn(`${spec.consumer}: attempt ${attempt} on ${inbound.topic}[${inbound.partition}]@${inbound.offset} failed, retrying: ${describeError(e)}`);
        await new Promise((r) => setTimeout(r, this.settings.retryBackoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * Several messages of one topic (of one partition or of several fetched together, each partition's in
   * order), in one transaction (one inbox statement, one call
   * of the handler with the new ones): what a busy consumer pays per message shrinks to its share of
   * a batch. Messages that do not decode are dead-lettered on their own first. If the batch fails,
   * each message is processed on its own (process(): retries, dead letters), so one bad message
   * costs only itself.
   */
  async processBatch<T>(inbounds: readonly InboundMessage[], spec: BatchConsumerSpec<T>): Promise<ProcessOutcome[]> {
    const single: ConsumerSpec<T> = { ...spec, handle: (value, c) => spec.handleBatch([{ value, eventId: c.eventId, correlationId: c.correlationId, inbound: c.inbound }], c.manager) };
    if (inbounds.length === 1) return [await this.process(inbounds[0]!, single)];
    const outcomes = new Map<InboundMessage, ProcessOutcome>();
    const items: BatchItem<T>[] = [];
    for (const inbound of inbounds) {
      try {
        items.push({ ...this.decode<T>(inbound, spec), inbound });
      } catch (e) {
        outcomes.set(inbound, await this.deadLetter(inbound, spec.consumer, e, 'terminal', 1, spec.sealDeadLetters));
      }
    }
    if (items.length > 0) {
      try {
        const timer = this.metrics.handling.startTimer({ consumer: spec.consumer, topic: inbounds[0]!.topic });
        await this.dataSource.transaction(async (manager) => {
          const inserted = await manager.query<Array<{ event_id: string }>>(
            `INSERT INTO messaging.inbox (consumer, event_id, topic, partition, "offset")
             SELECT $1, e, $2, p, o FROM unnest($3::text[], $4::int[], $5::text[]) AS x(e, p, o)
             ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
            [spec.consumer, spec.topic, items.map((i) => i.eventId), items.map((i) => i.inbound.partition), items.map((i) => i.inbound.offset)],
          );
          const fresh = new Set(inserted.map((r) => r.event_id));
          const applied: BatchItem<T>[] = [];
          for (const item of items) {
            // The first of several messages with one event id is the one applied; the others are duplicates.
            if (fresh.delete(item.eventId)) {
              applied.push(item);
              outcomes.set(item.inbound, 'processed');
            } else outcomes.set(item.inbound, 'duplicate');
          }
          if (applied.length > 0) await spec.handleBatch(applied, manager);
        });
        timer();
        for (const item of items) this.metrics.consumed.inc({ consumer: spec.consumer, topic: item.inbound.topic, outcome: outcomes.get(item.inbound)! });
      } catch (e) {
        this.logger.warn(`${spec.consumer}: a batch of ${items.length} from ${inbounds[0]!.topic}[${[...new Set(inbounds.map((m) => m.partition))].join(',')}] failed, processing its messages one by one: ${describeError(e)}`);
        for (const item of items) outcomes.set(item.inbound, await this.process(item.inbound, single));
      }
    }
    return inbounds.map((m) => outcomes.get(m)!);
  }

  private decode<T>(inbound: InboundMessage, spec: Pick<ConsumerSpec<T>, 'topic' | 'eventIdOf'>): { eventId: string; correlationId: string; value: T } {
    if (!inbound.value) throw new TerminalError('empty message value');
    let parsed: unknown;
    try {
      parsed = JSON.parse(inbound.value.toString('utf8'));
    } catch (e) {
      // JSON.parse quotes the input in its message; the input may hold identifiers, so keep only the position.
      const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
      throw new TerminalError(`value is not JSON${position ? ` (error at position ${position})` : ''}`);
    }
    const value = assertMessage<T>(spec.topic, parsed);
    const eventId = spec.eventIdOf?.(value) ?? inbound.headers[HEADERS.eventId];
    if (!eventId) throw new TerminalError(`missing header ${HEADERS.eventId}`);
    // Without a correlation id, one derived from the event id (which may embed a sender's identifiers, so never the id itself).
    return { eventId, correlationId: inbound.headers[HEADERS.correlationId] ?? `ev-${createHash('sha256').update(eventId).digest('hex').slice(0, 24)}`, value };
  }

  private async deadLetter(inbound: InboundMessage, consumer: string, error: unknown, kind: FailureKind, attempts: number, seal?: FieldSeal): Promise<ProcessOutcome> {
    const reason = describeError(error);
    await this.publisher.publish([
      {
        topic: dlqTopic(inbound.topic),
        key: seal && inbound.key !== null ? seal.seal(inbound.key) : inbound.key,
        value: seal ? seal.seal(Buffer.from(inbound.value ?? '').toString('base64')) : inbound.value,
        headers: {
          ...inbound.headers,
          ...(seal ? { [DLQ_HEADERS.sealed]: 'v1' } : {}),
          [DLQ_HEADERS.originalTopic]: inbound.topic,
          [DLQ_HEADERS.originalPartition]: String(inbound.partition),
          [DLQ_HEADERS.originalOffset]: inbound.offset,
          [DLQ_HEADERS.consumer]: consumer,
          [DLQ_HEADERS.error]: reason,
          [DLQ_HEADERS.errorKind]: kind,
          [DLQ_HEADERS.attempts]: String(attempts),
          [DLQ_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ]);
    this.metrics.consumed.inc({ consumer, topic: inbound.topic, outcome: 'dead-lettered' });
    this.logger.error(`${consumer}: dead-lettered ${inbound.topic}[${inbound.partition}]@${inbound.offset} after ${attempts} attempt(s) (${kind}): ${reason}`);
    return 'dead-lettered';
  }
}
