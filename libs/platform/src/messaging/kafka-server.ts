import { ServerKafka, Transport, type KafkaOptions } from '@nestjs/microservices';
import type { PartitionAssignment } from './partition-assignment';
import { logLevel, Partitioners } from 'kafkajs';
import type { KafkaSecurity } from '../config/secure-connections';

export interface KafkaConsumerSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** A new consumer group starts at the beginning of each topic (true in production: nothing skipped). */
  fromBeginning: boolean;
  /** Partitions a member processes at once; each partition stays in order (so each patient's messages do). */
  partitionsConcurrently: number;
  security?: KafkaSecurity;
}

/**
 * Nest's Kafka server configured for our consumers: raw bytes (we decode and validate ourselves),
 * no suffix on group ids, offsets auto-committed only after the handler (and so the database
 * transaction) has finished, several partitions at once per member, each in order.
 */
export function kafkaServerOptions(s: KafkaConsumerSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { brokers: s.brokers, clientId: s.clientId, logLevel: logLevel.WARN, ...s.security },
      consumer: { groupId: s.groupId, allowAutoTopicCreation: false, sessionTimeout: 30000, heartbeatInterval: 3000, retry: { retries: 10 } },
      subscribe: { fromBeginning: s.fromBeginning },
      run: { autoCommit: true, partitionsConsumedConcurrently: s.partitionsConcurrently },
      // Nest's server also opens a producer (for request/reply, which we do not use).
      producer: { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false },
      parser: { keepBinary: true },
    },
  };
}

/**
 * Nest's Kafka server, telling a PartitionAssignment which partitions this member owns after every
 * rebalance (and that it owns none while one is under way).
 */
export class AssignmentAwareKafkaServer extends ServerKafka {
  constructor(
    options: KafkaOptions['options'],
    private readonly assignment: PartitionAssignment,
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
}
