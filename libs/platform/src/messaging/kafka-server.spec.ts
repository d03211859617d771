import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { AssignmentAwareKafkaServer, kafkaServerOptions, membershipTimeouts } from './kafka-server';
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
