import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { AssignmentAwareKafkaServer, detach, kafkaServerOptions, membershipTimeouts } from './kafka-server';
import { BATCH, InboundBatchContext } from './inbound';
import { PartitionAssignment } from './partition-assignment';

const settings = { brokers: ['b:9092'], clientId: 'c', groupId: 'g', fromBeginning: true, partitionsConcurrently: 4 };

describe('kafkaServerOptions', () => {
  it('defaults to a 10 s session with heartbeats every second and offsets committed every second within a batch', () => {
    const o = kafkaServerOptions(settings).options!;
    expect(o.consumer).toMatchObject({ groupId: 'g', sessionTimeout: 10000, heartbeatInterval: 1000, retry: { retries: 10 } });
    expect(o.run).toMatchObject({ autoCommit: true, autoCommitInterval: 1000, partitionsConsumedConcurrently: 4 });
  });

  it('takes the session timeout and commit interval from the settings', () => {
    const o = kafkaServerOptions({ ...settings, sessionTimeoutMs: 45000, commitIntervalMs: 250 }).options!;
    expect(o.consumer).toMatchObject({ sessionTimeout: 45000, heartbeatInterval: 4500 });
    expect(o.run).toMatchObject({ autoCommitInterval: 250 });
  });

  it('fetches up to the configured bytes per partition (the whole fetch at least twice that, and never below 10 MiB), kafkajs defaults without it', () => {
    expect(kafkaServerOptions(settings).options!.consumer).not.toHaveProperty('maxBytesPerPartition');
    expect(kafkaServerOptions({ ...settings, maxBytesPerPartition: 4 * 1048576 }).options!.consumer).toMatchObject({ maxBytesPerPartition: 4 * 1048576, maxBytes: 10 * 1048576 });
    expect(kafkaServerOptions({ ...settings, maxBytesPerPartition: 16 * 1048576 }).options!.consumer).toMatchObject({ maxBytesPerPartition: 16 * 1048576, maxBytes: 32 * 1048576 });
  });

  it('never heartbeats more often than every half second', () => {
    expect(membershipTimeouts(3000)).toEqual({ sessionTimeout: 3000, heartbeatInterval: 500 });
  });
});

describe('AssignmentAwareKafkaServer batch consumption', () => {
  const message = (offset: number): KafkaMessage => ({ offset: String(offset), key: Buffer.from('k'), value: Buffer.from('{}'), headers: {}, timestamp: '0', attributes: 0 });

  async function run(count: number, maxBatch: number, handler: (batch: InboundBatchContext) => Promise<void>, calls: string[] = []) {
    const server = new AssignmentAwareKafkaServer(kafkaServerOptions(settings).options, new PartitionAssignment('group'));
    server.maxBatch = maxBatch;
    server.addHandler('t', (_data: unknown, ctx: InboundBatchContext) => handler(ctx), true, BATCH);
    let eachBatch: ((p: EachBatchPayload) => Promise<void>) | undefined;
    const consumer = { subscribe: jest.fn(async () => undefined), run: jest.fn(async (o: { eachBatch: typeof eachBatch }) => void (eachBatch = o.eachBatch)) };
    await server.bindEvents(consumer as unknown as Consumer);
    const payload = {
      batch: { topic: 't', partition: 2, messages: Array.from({ length: count }, (_, i) => message(i)) },
      resolveOffset: (o: string) => calls.push(`resolve ${o}`),
      heartbeat: async () => void calls.push('heartbeat'),
      commitOffsetsIfNecessary: async () => void calls.push('commit?'),
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    await eachBatch!(payload);
    return calls;
  }

  it('hands the fetched messages over in slices, resolving, heartbeating and offering a commit after each', async () => {
    const sizes: number[] = [];
    const calls = await run(5, 2, async (ctx) => void sizes.push(ctx.getMessages().length));
    expect(sizes).toEqual([2, 2, 1]);
    expect(calls).toEqual(['resolve 1', 'heartbeat', 'commit?', 'resolve 3', 'heartbeat', 'commit?', 'resolve 4', 'heartbeat', 'commit?']);
  });

  it('resolves nothing past a slice whose handler failed (the rest is redelivered)', async () => {
    let n = 0;
    const calls: string[] = [];
    const failing = run(
      4,
      2,
      async () => {
        if (++n === 2) throw new Error('database gone');
      },
      calls,
    );
    await expect(failing).rejects.toThrow('database gone');
    expect(calls).toEqual(['resolve 1', 'heartbeat', 'commit?']);
  });
});

describe('AssignmentAwareKafkaServer joining partitions', () => {
  const message = (partition: number, offset: number): KafkaMessage => ({ offset: String(offset), key: Buffer.from(`k${partition}`), value: Buffer.from('{}'), headers: {}, timestamp: '0', attributes: 0 });

  /** Two partitions' batches handed over in the same turn, as kafkajs's workers do with one fetch. */
  async function fetchOf(sizes: number[], opts: { upTo?: number; fail?: boolean } = {}) {
    const server = new AssignmentAwareKafkaServer(kafkaServerOptions(settings).options, new PartitionAssignment('group'), opts.upTo ?? 200);
    const calls: Array<Array<[number, string]>> = [];
    const resolved: string[] = [];
    let active = 0;
    let mostActive = 0;
    server.addHandler(
      't',
      async (_data: unknown, ctx: InboundBatchContext) => {
        calls.push(ctx.getMessages().map((m) => [m.partition, m.offset]));
        mostActive = Math.max(mostActive, ++active);
        await new Promise((r) => setTimeout(r, 5));
        active -= 1;
        if (opts.fail) throw new Error('database gone');
      },
      true,
      BATCH,
    );
    let eachBatch: ((p: EachBatchPayload) => Promise<void>) | undefined;
    const consumer = { subscribe: jest.fn(async () => undefined), run: jest.fn(async (o: { eachBatch: typeof eachBatch }) => void (eachBatch = o.eachBatch)) };
    await server.bindEvents(consumer as unknown as Consumer);
    const payloadOf = (partition: number, count: number) =>
      ({
        batch: { topic: 't', partition, messages: Array.from({ length: count }, (_, i) => message(partition, 10 * partition + i)) },
        resolveOffset: (o: string) => resolved.push(`${partition}@${o}`),
        heartbeat: async () => undefined,
        commitOffsetsIfNecessary: async () => undefined,
        isRunning: () => true,
        isStale: () => false,
      }) as unknown as EachBatchPayload;
    const outcomes = await Promise.allSettled(sizes.map((n, p) => eachBatch!(payloadOf(p, n))));
    return { calls, resolved, mostActive, outcomes: outcomes.map((o) => o.status) };
  }

  it('hands the batches of several partitions fetched together to one handler call, each partition in order, and resolves each partition once it returns', async () => {
    const { calls, resolved, outcomes } = await fetchOf([2, 3]);
    expect(calls).toEqual([
      [
        [0, '0'],
        [0, '1'],
        [1, '10'],
        [1, '11'],
        [1, '12'],
      ],
    ]);
    expect(resolved.sort()).toEqual(['0@1', '1@12']);
    expect(outcomes).toEqual(['fulfilled', 'fulfilled']);
  });

  it('joins no more than KAFKA_JOIN_PARTITIONS_UP_TO messages into one call; the next call runs beside it', async () => {
    const { calls, outcomes, mostActive } = await fetchOf([1, 2, 3], { upTo: 4 });
    expect(calls.map((c) => c.map(([p]) => p))).toEqual([
      [0, 1, 1],
      [2, 2, 2],
    ]);
    expect(mostActive).toBe(2);
    expect(outcomes).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('with KAFKA_JOIN_PARTITIONS_UP_TO=0, calls the handler per partition', async () => {
    const { calls } = await fetchOf([2, 3], { upTo: 0 });
    expect(calls.map((c) => c.map(([p]) => p))).toEqual([
      [0, 0],
      [1, 1, 1],
    ]);
  });

  it('fails every partition of a joined call that failed, resolving none of their offsets (all redelivered)', async () => {
    const { resolved, outcomes } = await fetchOf([2, 3], { fail: true });
    expect(resolved).toEqual([]);
    expect(outcomes).toEqual(['rejected', 'rejected']);
  });
});

describe('detach', () => {
  it('gives each message bytes of its own and lets go of the fetch response the kafkajs messages were slices of', () => {
    const text = 'xxkey-1{"a":1}evt-1key-2{"b":2}evt-2xx';
    const response = Buffer.alloc(text.length); // a buffer of its own, as kafkajs's fetch response is (not from node's pool)
    response.write(text);
    const at = (text: string): Buffer => response.subarray(response.indexOf(text), response.indexOf(text) + text.length);
    const fetched: KafkaMessage[] = [1, 2].map((n) => ({
      offset: String(40 + n),
      key: at(`key-${n}`),
      value: at(n === 1 ? '{"a":1}' : '{"b":2}'),
      headers: { 'x-event-id': at(`evt-${n}`) },
      timestamp: '0',
      attributes: 0,
    }));
    const inbound = detach('t', 3, fetched);
    expect(inbound.map((m) => ({ ...m, value: m.value?.toString() }))).toEqual([
      { topic: 't', partition: 3, offset: '41', key: 'key-1', value: '{"a":1}', headers: { 'x-event-id': 'evt-1' } },
      { topic: 't', partition: 3, offset: '42', key: 'key-2', value: '{"b":2}', headers: { 'x-event-id': 'evt-2' } },
    ]);
    for (const m of inbound) expect(m.value!.buffer).not.toBe(response.buffer);
    response.fill(0); // the copies do not change with the response
    expect(inbound[1]!.value!.toString()).toBe('{"b":2}');
    expect(fetched.map((m) => [m.offset, m.key, m.value, m.headers])).toEqual([
      ['41', null, null, {}],
      ['42', null, null, {}],
    ]);
  });

  it('keeps an empty value empty (a tombstone stays a tombstone)', () => {
    const [m] = detach('t', 0, [{ offset: '1', key: Buffer.from('k'), value: null, headers: {}, timestamp: '0', attributes: 0 }]);
    expect(m!.value).toBeNull();
  });
});
