/**
 * One hop of `bench:e2e`'s floor baselines, in a process of its own (fork(); the task arrives over IPC): reads
 * `from` in a consumer group and passes every message on to `to` with its key, value and headers, doing what
 * each of the three services does around its own work and nothing else. The consumer is the services' shape
 * (kafkajs eachBatch, a fetch's partitions side by side and joined into one pass, as intake and the notifier
 * join them; offsets committed after each batch). Without a database a pass is one publish (acks=all,
 * idempotent producer). With one (`databaseUrl`, a pool of five as the services have in the bench), a pass is
 * one transaction that records the messages' event ids in an inbox table and the outgoing messages in an
 * outbox table, then the publish, then the rows marked published, as libs/platform's inbox, outbox and relay
 * do. So a floor's latency is what the machine gives for the pipeline's hops (and delivery guarantees) without
 * the clinical work: no profile derived, no trial evaluated, no notification decided, no fan-out.
 */
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { HEADERS } from '@trialmatch/contracts';

export interface RelayTask {
  brokers: string[];
  groupId: string;
  from: string;
  to: string;
  databaseUrl: string | null;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS hop_inbox (event_id text PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS hop_outbox (id bigserial PRIMARY KEY, message_key text NOT NULL, value text NOT NULL, headers jsonb NOT NULL, published_at timestamptz);`;

async function relay(task: RelayTask): Promise<void> {
  const kafka = new Kafka({ clientId: `bench-relay-${task.from}`, brokers: task.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  const consumer = kafka.consumer({ groupId: task.groupId, maxWaitTimeInMs: 1000 });
  const db = task.databaseUrl ? new Pool({ connectionString: task.databaseUrl, max: 5 }) : null;
  await db?.query(SCHEMA);
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [task.from], fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  // A pool of five, as the services' (DATABASE_POOL_SIZE in the bench): the partitions' batches side by side.
  const stored = async (rows: Array<{ k: string; v: string; h: Record<string, string> }>, ids: string[]): Promise<string[]> => {
    const c = await db!.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO hop_inbox (event_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [ids]);
      const r = await c.query<{ id: string }>('INSERT INTO hop_outbox (message_key, value, headers) SELECT k, v, h FROM json_to_recordset($1::json) AS x(k text, v text, h jsonb) RETURNING id', [JSON.stringify(rows)]);
      await c.query('COMMIT');
      return r.rows.map((x) => x.id);
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };
  const marked = (ids: string[]): Promise<unknown> => db!.query('UPDATE hop_outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  type Passed = { key: string; value: string; headers: Record<string, string>; id: string };
  const pass = async (messages: Passed[]): Promise<void> => {
    if (!db) {
      await producer.send({ topic: task.to, acks: -1, messages });
      return;
    }
    const ids = await stored(messages.map((m) => ({ k: m.key, v: m.value, h: m.headers })), messages.map((m) => m.id));
    // As the services' outbox hand-off: published once committed, marked once sent; the batch's offsets are
    // committed without waiting for either (the outbox row is the promise).
    void producer
      .send({ topic: task.to, acks: -1, messages })
      .then(() => marked(ids))
      .catch((e: unknown) => console.error('relay hop: publish or mark failed', e));
  };
  // The partitions of one fetch, handed to the batches side by side in one turn of the event loop, joined into
  // one pass (one transaction), as intake and the notifier join them (KAFKA_JOIN_PARTITIONS_UP_TO).
  let gathering: { messages: Passed[]; done: Promise<void> } | null = null;
  const joinedPass = (messages: Passed[]): Promise<void> => {
    if (!gathering) {
      const call: { messages: Passed[]; done: Promise<void> } = { messages: [], done: Promise.resolve() };
      call.done = new Promise<void>((r) => setImmediate(r)).then(() => {
        gathering = null;
        return pass(call.messages);
      });
      gathering = call;
    }
    gathering.messages.push(...messages);
    return gathering.done;
  };
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      if (batch.messages.length === 0) return;
      await joinedPass(
        batch.messages.map((m) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
          return { key: m.key?.toString() ?? '', value: m.value?.toString() ?? '', headers, id: headers[HEADERS.eventId] ?? `${batch.partition}:${m.offset}` };
        }),
      );
    },
  });
  await joined;
  process.send!({ ready: true });
  process.once('message', () => {
    void (async () => {
      await consumer.disconnect();
      await producer.disconnect();
      await db?.end();
      process.exit(0);
    })();
  });
}

process.once('message', (task: RelayTask) => {
  relay(task).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});
