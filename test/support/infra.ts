import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { InboundMessage } from '@trialmatch/platform';
import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders, type Producer } from 'kafkajs';

/** The real services `npm test` started (or found): see scripts/test.sh. */
export function realInfra(): { databaseUrl: string; brokers: string[] } {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('integration tests need DATABASE_URL and KAFKA_BROKERS: run them with `npm test` (which starts PostgreSQL and Kafka) or export both');
  }
  return { databaseUrl, brokers: brokers.split(',') };
}

export const runId = (): string => randomBytes(4).toString('hex');

/** Creates an empty database on the real server and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    // Without parameters: the simple protocol (several statements allowed, e.g. a transaction in one call).
    return (params.length > 0 ? await c.query(sql, params) : await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

export function kafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'trialmatch-tests', brokers, logLevel: logLevel.NOTHING });
}

/** Waits until a consumer group is stable with every partition of its topics assigned. */
export async function waitForGroup(k: Kafka, groupId: string, timeoutMs = 60000): Promise<void> {
  const admin = k.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { groups } = await admin.describeGroups([groupId]);
      const g = groups[0];
      if (g && g.state === 'Stable' && g.members.length > 0) return;
      if (Date.now() > deadline) throw new Error(`consumer group ${groupId} not stable after ${timeoutMs} ms (state ${g?.state})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await admin.disconnect();
  }
}

export interface TappedMessage extends InboundMessage {
  json<T>(): T;
}

/** Reads topics from the beginning into memory, for assertions on what services published. */
export class Tap {
  readonly messages: TappedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(private readonly k: Kafka, private readonly topics: string[]) {}

  /** Reads every topic from its end as of now (a shared broker's older messages are skipped, not read). */
  async start(): Promise<this> {
    const admin = this.k.admin();
    await admin.connect();
    const ends = await Promise.all(this.topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))).finally(() => admin.disconnect());
    this.consumer = this.k.consumer({ groupId: `tap-${runId()}`, allowAutoTopicCreation: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[name] = Array.isArray(v) ? String(v[0]) : String(v);
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value,
          headers,
          json<T>(): T {
            return JSON.parse(String(message.value)) as T;
          },
        });
      },
    });
    for (const { topic, partitions } of ends) for (const p of partitions) this.consumer.seek({ topic, partition: p.partition, offset: p.high });
    return this;
  }

  async waitFor(predicate: (m: TappedMessage) => boolean, timeoutMs = 60000, count = 1): Promise<TappedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} matching message(s) on ${this.topics.join(',')}; saw ${found.length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export async function producer(k: Kafka): Promise<Producer> {
  const p = k.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await p.connect();
  return p;
}

export async function produce(p: Producer, topic: string, key: string, value: Buffer | string, headers: IHeaders): Promise<void> {
  await p.send({ topic, acks: -1, messages: [{ key, value, headers }] });
}
