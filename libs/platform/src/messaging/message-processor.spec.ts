import { DLQ_HEADERS, HEADERS, TOPICS, type PatientProfileV1 } from '@trialmatch/contracts';
import { buildProfile } from '@trialmatch/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { MessagingMetrics } from '../observability/metrics';
import { TerminalError } from './errors';
import type { InboundMessage } from './inbound';
import { MessageProcessor, type BatchItem, type ConsumerSpec } from './message-processor';
import type { MessagePublisher, PublishRecord } from './message-publisher';
import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';

/** A fake database: an inbox set, and transactions that roll the inbox back when the callback throws. */
class FakeDb {
  inbox = new Set<string>();
  transaction = async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
    const snapshot = new Set(this.inbox);
    const manager = {
      query: async (_sql: string, params: unknown[]) => {
        if (Array.isArray(params[2])) {
          // The batch form: (consumer, topic, event ids, partitions, offsets).
          const fresh = [];
          for (const id of params[2] as string[]) {
            const key = `${String(params[0])}/${id}`;
            if (this.inbox.has(key)) continue;
            this.inbox.add(key);
            fresh.push({ event_id: id });
          }
          return fresh;
        }
        const key = `${String(params[0])}/${String(params[1])}`;
        if (this.inbox.has(key)) return [];
        this.inbox.add(key);
        return [{ event_id: params[1] }];
      },
    } as unknown as EntityManager;
    try {
      return await work(manager);
    } catch (e) {
      this.inbox = snapshot;
      throw e;
    }
  };
}

const counter = () => ({ inc: jest.fn() });
const profile: PatientProfileV1 = { patientPseudonym: 'pt_0123456789abcdef01234567', profileVersion: 1, computedAt: '2024-01-01T00:00:00Z', profile: { ...buildProfile([], '2024-01-01') } };
const inbound = (value: string | null, headers: Record<string, string> = { [HEADERS.eventId]: 'ev-1' }): InboundMessage => ({
  topic: TOPICS.patientProfiles,
  partition: 3,
  offset: '42',
  key: profile.patientPseudonym,
  value: value === null ? null : Buffer.from(value),
  headers,
});

function setup(publishImpl?: (r: PublishRecord[]) => Promise<void>) {
  const db = new FakeDb();
  const published: PublishRecord[] = [];
  const publisher = { publish: jest.fn(publishImpl ?? (async (r: PublishRecord[]) => void published.push(...r))) } as unknown as MessagePublisher;
  const handled: Array<Record<string, string>> = [];
  const handling = { startTimer: (labels: Record<string, string>) => () => void handled.push(labels) };
  const metrics = { consumed: counter(), retries: counter(), handling } as unknown as MessagingMetrics;
  const processor = new MessageProcessor(db as unknown as DataSource, publisher, { maxAttempts: 3, retryBackoffMs: 0, outboxPollMs: 10, outboxBatchSize: 10, outboxHandOff: true, outboxLeaseSeconds: 30, outboxMarkDelayMs: 0, outboxRetentionHours: 168, inboxRetentionHours: 720 }, metrics);
  return { db, published, processor, handled };
}

const spec = (handle: ConsumerSpec<PatientProfileV1>['handle']): ConsumerSpec<PatientProfileV1> => ({ consumer: 'matcher', topic: TOPICS.patientProfiles, handle });

describe('MessageProcessor', () => {
  it('applies a message once: a redelivery with the same event id is a duplicate', async () => {
    const { processor } = setup();
    const handle = jest.fn(async (_value: PatientProfileV1) => undefined);
    expect(await processor.process(inbound(JSON.stringify(profile)), spec(handle))).toBe('processed');
    expect(await processor.process(inbound(JSON.stringify(profile)), spec(handle))).toBe('duplicate');
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]![0]).toEqual(profile);
  });

  it.each([
    ['not JSON', inbound('{oops'), /not JSON/],
    ['empty value', inbound(null), /empty message value/],
    ['missing event id', inbound(JSON.stringify(profile), {}), /missing header x-event-id/],
    ['schema violation', inbound(JSON.stringify({ ...profile, profileVersion: 0 })), /\/profileVersion/],
  ])('dead-letters %s at once with the original bytes and the reason', async (_name, message, reason) => {
    const { processor, published } = setup();
    const handle = jest.fn(async () => undefined);
    expect(await processor.process(message, spec(handle))).toBe('dead-lettered');
    expect(handle).not.toHaveBeenCalled();
    expect(published).toHaveLength(1);
    const dead = published[0]!;
    expect(dead.topic).toBe('patient-profiles.v1.dlq');
    expect(dead.key).toBe(message.key);
    expect(dead.value).toEqual(message.value);
    expect(dead.headers).toMatchObject({
      [DLQ_HEADERS.originalTopic]: TOPICS.patientProfiles,
      [DLQ_HEADERS.originalPartition]: '3',
      [DLQ_HEADERS.originalOffset]: '42',
      [DLQ_HEADERS.consumer]: 'matcher',
      [DLQ_HEADERS.errorKind]: 'terminal',
      [DLQ_HEADERS.attempts]: '1',
    });
    expect(dead.headers[DLQ_HEADERS.error]).toMatch(reason);
  });

  it('logs every line of a message\'s handling with its correlation id (a usable one only)', async () => {
    let out = '';
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => ((out += chunk.toString()), cb()) });
    const root = PinoLogger as unknown as { root: pino.Logger | undefined };
    const before = root.root;
    root.root = pino(sink);
    try {
      const log = new PinoLogger({ pinoHttp: [{}, sink] });
      const { processor } = setup();
      const handle = async () => void log.info('handled');
      await processor.process(inbound(JSON.stringify(profile), { [HEADERS.eventId]: 'ev-9', [HEADERS.correlationId]: 'corr-abc.1' }), spec(handle));
      await processor.process(inbound(JSON.stringify(profile), { [HEADERS.eventId]: 'ev-10', [HEADERS.correlationId]: 'MRN 123 {"x":1}' }), spec(handle));
      log.info('outside');
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; correlationId?: string });
      expect(lines.filter((l) => l.msg === 'handled').map((l) => l.correlationId)).toEqual(['corr-abc.1', undefined]);
      expect(lines.find((l) => l.msg === 'outside')!.correlationId).toBeUndefined();
    } finally {
      root.root = before;
    }
  });

  it('never copies the raw value into the reason (it may hold identifiers)', async () => {
    const { processor, published } = setup();
    await processor.process(inbound('MRN-12345 Jane Doe'), spec(async () => undefined));
    const reason = published[0]!.headers[DLQ_HEADERS.error]!;
    expect(reason).toMatch(/^TerminalError: value is not JSON/);
    expect(reason).not.toMatch(/MRN|Jane/);
  });

  it('retries a retryable failure and succeeds without a dead letter', async () => {
    const { processor, published, db } = setup();
    let calls = 0;
    const outcome = await processor.process(
      inbound(JSON.stringify(profile)),
      spec(async () => {
        calls += 1;
        if (calls < 3) throw Object.assign(new Error('deadlock'), { code: '40P01' });
      }),
    );
    expect(outcome).toBe('processed');
    expect(calls).toBe(3);
    expect(published).toEqual([]);
    expect(db.inbox.size).toBe(1);
  });

  it('dead-letters after the last attempt, rolling back the inbox row so the event is not marked done', async () => {
    const { processor, published, db } = setup();
    const handle = jest.fn(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    expect(await processor.process(inbound(JSON.stringify(profile)), spec(handle))).toBe('dead-lettered');
    expect(handle).toHaveBeenCalledTimes(3);
    expect(published[0]!.headers).toMatchObject({ [DLQ_HEADERS.attempts]: '3', [DLQ_HEADERS.errorKind]: 'retryable' });
    expect(db.inbox.size).toBe(0);
  });

  it('never dead-letters because the database is down: after the last attempt it hands the message back', async () => {
    const { processor, published, db } = setup();
    const handle = jest.fn(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    await expect(processor.process(inbound(JSON.stringify(profile)), spec(handle))).rejects.toThrow('ECONNREFUSED');
    expect(handle).toHaveBeenCalledTimes(3);
    expect(published).toEqual([]);
    expect(db.inbox.size).toBe(0);
  });

  it('does not retry a terminal failure from the handler', async () => {
    const { processor, published } = setup();
    const handle = jest.fn(async () => {
      throw new TerminalError('event id reused');
    });
    expect(await processor.process(inbound(JSON.stringify(profile)), spec(handle))).toBe('dead-lettered');
    expect(handle).toHaveBeenCalledTimes(1);
    expect(published[0]!.headers[DLQ_HEADERS.error]).toBe('TerminalError: event id reused');
  });

  it('throws when even the dead-letter topic is unreachable, so the transport redelivers', async () => {
    const { processor } = setup(async () => {
      throw new Error('broker down');
    });
    await expect(processor.process(inbound('{oops'), spec(async () => undefined))).rejects.toThrow('broker down');
  });

  it('takes the dedupe id from the body when the consumer says so', async () => {
    const { processor, db } = setup();
    await processor.process(inbound(JSON.stringify(profile), {}), { ...spec(async () => undefined), eventIdOf: (p) => `${p.patientPseudonym}#${p.profileVersion}` });
    expect([...db.inbox]).toEqual([`matcher/${profile.patientPseudonym}#1`]);
  });

  describe('batches', () => {
    const at = (offset: number, eventId: string, value: string | null = JSON.stringify({ ...profile, profileVersion: offset })): InboundMessage => ({ ...inbound(value, { [HEADERS.eventId]: eventId }), offset: String(offset) });
    const batchSpec = (handleBatch: (items: BatchItem<PatientProfileV1>[]) => Promise<void>) => ({ consumer: 'matcher', topic: TOPICS.patientProfiles, handleBatch: (items: BatchItem<PatientProfileV1>[]) => handleBatch(items) });

    it('applies the new messages of a batch in one call, in order; bad ones are dead-lettered, repeats are duplicates', async () => {
      const { processor, published, db, handled } = setup();
      db.inbox.add('matcher/ev-seen');
      const handleBatch = jest.fn(async (_items: BatchItem<PatientProfileV1>[]) => undefined);
      const outcomes = await processor.processBatch([at(1, 'ev-a'), at(2, 'ev-bad', '{oops'), at(3, 'ev-seen'), at(4, 'ev-b'), at(5, 'ev-a')], batchSpec(handleBatch));
      expect(outcomes).toEqual(['processed', 'dead-lettered', 'duplicate', 'processed', 'duplicate']);
      expect(handleBatch).toHaveBeenCalledTimes(1);
      expect(handleBatch.mock.calls[0]![0].map((i) => [i.eventId, i.value.profileVersion, i.inbound.offset])).toEqual([
        ['ev-a', 1, '1'],
        ['ev-b', 4, '4'],
      ]);
      expect(published.map((r) => [r.topic, r.headers[DLQ_HEADERS.originalOffset]])).toEqual([['patient-profiles.v1.dlq', '2']]);
      // One handling time for the batch's transaction.
      expect(handled).toEqual([{ consumer: 'matcher', topic: 'patient-profiles.v1' }]);
    });

    it('when the batch fails, processes its messages one by one: only the bad one is dead-lettered, the rest applied once', async () => {
      const { processor, published, db } = setup();
      const applied: number[] = [];
      const handleBatch = async (items: BatchItem<PatientProfileV1>[]) => {
        if (items.some((i) => i.value.profileVersion === 2)) throw new TerminalError('impossible profile');
        applied.push(...items.map((i) => i.value.profileVersion));
      };
      const outcomes = await processor.processBatch([at(1, 'ev-1'), at(2, 'ev-2'), at(3, 'ev-3')], batchSpec(handleBatch));
      expect(outcomes).toEqual(['processed', 'dead-lettered', 'processed']);
      expect(applied).toEqual([1, 3]);
      expect(published.map((r) => r.headers[DLQ_HEADERS.error])).toEqual([expect.stringMatching(/impossible profile/)]);
      expect([...db.inbox].sort()).toEqual(['matcher/ev-1', 'matcher/ev-3']); // the failed batch's inbox rows were rolled back
    });
  });
});
