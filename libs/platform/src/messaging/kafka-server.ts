import { ServerKafka, Transport, type KafkaOptions } from '@nestjs/microservices';
import type { PartitionAssignment } from './partition-assignment';
import { logLevel, Partitioners, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { InboundBatchContext, inboundFromKafka, type InboundMessage } from './inbound';
import type { KafkaSecurity } from '../config/secure-connections';

export interface KafkaConsumerSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** A new consumer group starts at the beginning of each topic (true in production: nothing skipped). */
  fromBeginning: boolean;
  /** Partitions a member processes at once; each partition stays in order (so each patient's messages do). */
  partitionsConcurrently: number;
  /** Session timeout of the group membership (heartbeats every tenth of it); default 10 s. */
  sessionTimeoutMs?: number;
  /** Offsets are committed at least this often while a batch is processed (and at its end); default 1 s. */
  commitIntervalMs?: number;
  /** Most bytes fetched per partition in one round trip; kafkajs's default (1 MiB) when absent. */
  maxBytesPerPartition?: number;
  security?: KafkaSecurity;
}

/**
 * Nest's Kafka server configured for our consumers: raw bytes (we decode and validate ourselves),
 * no suffix on group ids, offsets auto-committed only after the handler (and so the database
 * transaction) has finished (every second while a large fetched batch is worked through, so a crash or
 * a rebalance redoes little and the committed lag shows progress), several partitions at once per
 * member, each in order.
 */
export function kafkaServerOptions(s: KafkaConsumerSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { brokers: s.brokers, clientId: s.clientId, logLevel: logLevel.WARN, ...s.security },
      consumer: {
        groupId: s.groupId,
        allowAutoTopicCreation: false,
        ...membershipTimeouts(s.sessionTimeoutMs),
        ...(s.maxBytesPerPartition ? { maxBytesPerPartition: s.maxBytesPerPartition, maxBytes: Math.max(10 * 1048576, 2 * s.maxBytesPerPartition) } : {}),
        retry: CONSUMER_RETRY,
      },
      subscribe: { fromBeginning: s.fromBeginning },
      run: { autoCommit: true, autoCommitInterval: s.commitIntervalMs ?? 1000, partitionsConsumedConcurrently: s.partitionsConcurrently },
      // Nest's server also opens a producer (for request/reply, which we do not use).
      producer: { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false },
      parser: { keepBinary: true },
    },
  };
}

/** How a consumer retries a lost broker before it crashes and restarts itself (kafkajs's backoff otherwise). */
export const CONSUMER_RETRY = { retries: 10 };

/** Session timeout and heartbeat interval of a consumer group membership (kafkajs options). */
export function membershipTimeouts(sessionTimeoutMs = 10000): { sessionTimeout: number; heartbeatInterval: number } {
  return { sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.max(500, Math.floor(sessionTimeoutMs / 10)) };
}

type Handler = NonNullable<ReturnType<ServerKafka['getHandlerByPattern']>>;

/** Slices of several partitions on their way to one handler call, each partition's caller waiting for it. */
interface Joined {
  messages: InboundMessage[];
  waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

/**
 * Nest's Kafka server, telling a PartitionAssignment which partitions this member owns after every
 * rebalance (and that it owns none while one is under way).
 */
export class AssignmentAwareKafkaServer extends ServerKafka {
  /** By topic: the call still gathering slices (it starts at the next turn of the event loop). */
  private readonly joining = new Map<string, Joined>();

  constructor(
    options: KafkaOptions['options'],
    private readonly assignment: PartitionAssignment,
    /** Slices of several partitions handed over together go to a batch handler as one call of at most this many messages (see bindEvents); 0: never. */
    private readonly joinUpTo = 200,
  ) {
    super(options ?? {});
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    consumer.on(consumer.events.GROUP_JOIN, (e) => this.assignment.assign(e.payload.memberAssignment));
    consumer.on(consumer.events.REBALANCING, () => this.assignment.revoke());
    consumer.on(consumer.events.STOP, () => this.assignment.revoke());
    consumer.on(consumer.events.CRASH, () => this.assignment.revoke());
  }

  /**
   * With a handler declared `@EventPattern(topic, BATCH)`, the consumer runs per fetched batch: that
   * topic's messages go to the handler together (at most `maxBatch` at a time, the offset resolved
   * after each call returns), other topics' one by one as before. Without one, Nest's per-message run.
   * kafkajs hands the partitions of one fetch to its workers (partitionsConsumedConcurrently) in the same
   * turn of the event loop; their slices are joined into one handler call (so one transaction) of at most
   * `joinUpTo` messages (a slice that would take it past that starts another call, side by side; 0: no
   * joining). At moderate rates, where each partition brings a few messages per fetch, that is one
   * transaction per fetch instead of one per partition; larger fetches still go to calls side by side.
   * Each partition's messages stay in order (its next slice waits for the call that holds the previous
   * one) and its offsets are resolved only after that call returns.
   */
  override async bindEvents(consumer: Consumer): Promise<void> {
    const batched = [...this.messageHandlers.entries()].some(([, h]) => (h.extras as { batch?: boolean } | undefined)?.batch === true);
    if (!batched) return super.bindEvents(consumer);
    const topics = [...this.messageHandlers.keys()];
    await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({ ...(this.options.run ?? {}), eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) return this.logger.error(`no handler for ${batch.topic}`);
    const batchHandler = (handler.extras as { batch?: boolean } | undefined)?.batch === true;
    const size = batchHandler ? this.maxBatch : 1;
    const inbound = batchHandler ? detach(batch.topic, batch.partition, batch.messages) : [];
    for (let i = 0; i < batch.messages.length && payload.isRunning() && !payload.isStale(); i += size) {
      const slice = batch.messages.slice(i, i + size);
      if (batchHandler && this.joinUpTo > 0) {
        await this.joined(batch.topic, handler, inbound.slice(i, i + size));
      } else if (batchHandler) {
        await this.call(handler, inbound.slice(i, i + size));
      } else {
        await this.handleMessage({ topic: batch.topic, partition: batch.partition, message: slice[0]!, heartbeat: () => payload.heartbeat(), pause: () => () => undefined });
      }
      payload.resolveOffset(slice.at(-1)!.offset);
      await payload.heartbeat();
      await payload.commitOffsetsIfNecessary(); // every autoCommitInterval within a long batch
    }
  }

  /** Most messages a batch handler is given at once. */
  maxBatch = 200;

  private async call(handler: Handler, messages: InboundMessage[]): Promise<void> {
    const result: unknown = await handler(null, new InboundBatchContext([messages]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  /** Joins the call gathering this topic's slices (a new one when there is none, or it would exceed joinUpTo); settles when that call does. */
  private joined(topic: string, handler: Handler, messages: InboundMessage[]): Promise<void> {
    let call = this.joining.get(topic);
    if (!call || call.messages.length + messages.length > this.joinUpTo) {
      const fresh: Joined = { messages: [], waiting: [] };
      this.joining.set(topic, fresh);
      setImmediate(() => {
        if (this.joining.get(topic) === fresh) this.joining.delete(topic);
        this.call(handler, fresh.messages).then(
          () => fresh.waiting.forEach((w) => w.resolve()),
          (e: unknown) => fresh.waiting.forEach((w) => w.reject(e)),
        );
      });
      call = fresh;
    }
    call.messages.push(...messages);
    const target = call;
    return new Promise((resolve, reject) => target.waiting.push({ resolve, reject }));
  }
}

/**
 * A fetched batch's messages as InboundMessages with bytes of their own, and kafkajs's messages emptied
 * (offsets kept). kafkajs hands out each message's key, value and headers as slices of the whole fetch
 * response (every partition's messages, up to megabytes), so one message still referenced keeps all of it
 * alive, and kafkajs references them until the last partition of the fetch is done. Held that long, the
 * response outlives two young-generation collections, is promoted, and is freed only by a full collection,
 * which V8 starts whenever such off-heap memory has grown by 64 MB (in the matcher, a full collection of its
 * whole heap, the profile cache). Copied here, nothing of ours holds the response once the fetch's batches
 * have started (kafkajs's connection still holds it until its next response arrives), and each copy lives
 * only as long as its own message is handled. docs/matcher.md (Benchmark) has what this did and did not do.
 */
export function detach(topic: string, partition: number, messages: KafkaMessage[]): InboundMessage[] {
  return messages.map((m) => {
    const inbound = inboundFromKafka(topic, partition, m);
    if (inbound.value) inbound.value = Buffer.from(inbound.value);
    m.key = null;
    m.value = null;
    m.headers = {};
    return inbound;
  });
}
