import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { KafkaSecurity } from '../config/secure-connections';
import type { InProcessBroker } from './in-process-broker';
import type { InboundMessage } from './inbound';
import { CONSUMER_RETRY, membershipTimeouts } from './kafka-server';

export type BroadcastHandler = (message: InboundMessage) => Promise<void>;

/**
 * Topics every instance of a service reads in full (trial-criteria.v1: every matcher instance holds the
 * same compiled set), unlike the consumer group, where each instance gets a share of the partitions.
 * `follow` hands over every message published after the call; what was published before is the
 * caller's to load from its own store, after the call (so nothing falls between the two).
 */
export abstract class Broadcasts {
  abstract follow(topic: string, handler: BroadcastHandler): Promise<void>;
}

/** Embedded mode: the in-process broker hands every message to every subscriber. */
export class InProcessBroadcasts extends Broadcasts {
  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  async follow(topic: string, handler: BroadcastHandler): Promise<void> {
    this.broker.subscribe(topic, handler);
  }
}

/**
 * Kafka: one consumer per followed topic in a group of its own (the service's name and a random instance
 * id; offsets never committed). It reads each partition from the start and skips what lay below the
 * partition's end offset when `follow` was called, so there is no window between "already stored" and
 * "arrives on the topic" (a group that starts at the latest offset only fixes that offset at its first
 * fetch, after joining).
 */
export class KafkaBroadcasts extends Broadcasts implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaBroadcasts.name);
  private readonly consumers: Consumer[] = [];
  private readonly instance = randomUUID().slice(0, 8);

  constructor(private readonly o: { brokers: string[]; clientId: string; groupPrefix: string; service: string; security?: KafkaSecurity }) {
    super();
  }

  async follow(topic: string, handler: BroadcastHandler): Promise<void> {
    const kafka = new Kafka({ brokers: this.o.brokers, clientId: `${this.o.clientId}-${this.o.service}-broadcast`, logLevel: logLevel.WARN, ...this.o.security });
    const admin = kafka.admin();
    await admin.connect();
    const from = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
    await admin.disconnect();

    const consumer = kafka.consumer({ groupId: `${this.o.groupPrefix}${this.o.service}-broadcast-${this.instance}`, allowAutoTopicCreation: false, ...membershipTimeouts(), retry: CONSUMER_RETRY });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        if (BigInt(message.offset) < (from.get(partition) ?? 0n)) return; // published before follow(): the caller loaded it
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
        try {
          await handler({ topic: t, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value, headers });
        } catch (e) {
          // A broadcast that cannot be applied is logged and skipped: every other message stays readable.
          this.logger.error(`${t}[${partition}]@${message.offset} not applied: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect().catch((e: unknown) => this.logger.warn(`closing a broadcast consumer failed: ${String(e)}`))));
  }
}
