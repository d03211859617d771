import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { logLevel, Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { KafkaSecurity } from '../config/secure-connections';
import { MessagePublisher, type PublishRecord } from './message-publisher';

/**
 * Publishes with acks=all and one request in flight, so order per partition is kept. The producer is
 * not idempotent: a retried send may duplicate a message, which consumers' inboxes absorb, while
 * bounded retries let the outbox relay see a broker outage and back off.
 */
export class KafkaPublisher extends MessagePublisher implements OnApplicationShutdown {
  readonly transportName = 'kafka';
  private readonly logger = new Logger(KafkaPublisher.name);
  private readonly client: ClientKafka;
  private producer: Producer | null = null;
  private admin: Admin | null = null;

  constructor(brokers: string[], clientId: string, security: KafkaSecurity = {}) {
    super();
    this.client = new ClientKafka({
      client: { brokers, clientId, logLevel: logLevel.WARN, retry: { retries: 8, maxRetryTime: 30000 }, ...security },
      producerOnlyMode: true,
      producer: { maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
    });
  }

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      await this.client.connect();
      this.producer = this.client.producer;
    }
    return this.producer;
  }

  async publish(records: PublishRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.connected();
    const byTopic = new Map<string, PublishRecord[]>();
    for (const r of records) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, rs]) => ({
        topic,
        messages: rs.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      })),
    });
  }

  async check(): Promise<void> {
    await this.connected();
    if (!this.admin) {
      this.admin = this.client.unwrap<Kafka>().admin();
      await this.admin.connect();
    }
    await this.admin.describeCluster();
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.admin?.disconnect();
      await this.client.close();
    } catch (e) {
      this.logger.warn(`closing the Kafka producer failed: ${String(e)}`);
    }
  }
}
