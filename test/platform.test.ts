import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HEADERS, TOPICS, type PatientProfileV1 } from '@trialmatch/contracts';
import { buildProfile } from '@trialmatch/core';
import { KafkaPublisher, MessagePublisher, MessagingRetention, Outbox, OutboxRelay, typeOrmOptions, type MessagingMetrics, type PublishRecord } from '@trialmatch/platform';
import { INTAKE_PERSISTENCE } from '../apps/intake/src/intake.module';
import { MATCHER_PERSISTENCE } from '../apps/matcher/src/matcher.module';
import { NOTIFIER_PERSISTENCE } from '../apps/notifier/src/notifier.module';
import { createDatabase, dropDatabase, kafka, realInfra, runId, Tap } from './support/infra';

const infra = realInfra();
const counter = () => ({ inc: jest.fn() });
const metrics = () => ({ consumed: counter(), retries: counter(), outboxPublished: counter(), outboxFailures: counter(), outboxHandOff: { set: jest.fn() } }) as unknown as MessagingMetrics;
const settings = { maxAttempts: 3, retryBackoffMs: 0, outboxPollMs: 20, outboxBatchSize: 2, outboxHandOff: true, outboxLeaseSeconds: 30, outboxMarkDelayMs: 0, outboxRetentionHours: 168, inboxRetentionHours: 720 };

async function dataSourceFor(name: string, persistence: { entities: Function[]; migrations: Function[] }): Promise<DataSource> { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  const url = await createDatabase(infra.databaseUrl, name);
  const ds = new DataSource(typeOrmOptions({ url, poolSize: 3, ...persistence }));
  await ds.initialize();
  return ds;
}

describe.each([
  ['intake', INTAKE_PERSISTENCE],
  ['matcher', MATCHER_PERSISTENCE],
  ['notifier', NOTIFIER_PERSISTENCE],
])('%s schema on real PostgreSQL', (service, persistence) => {
  const name = `schema_${service}_${runId()}`;
  let ds: DataSource;
  beforeAll(async () => {
    ds = await dataSourceFor(name, persistence);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(infra.databaseUrl, name);
  });

  it('is created by migrations on start and matches the entities (no drift)', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("runs the service's sessions without JIT compilation", async () => {
    // Every pooled session, not only the first: the option is sent when each connection starts.
    const runners = [ds.createQueryRunner(), ds.createQueryRunner()];
    try {
      const settings = await Promise.all(runners.map(async (r) => (await r.query(`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid`)) as Array<{ jit: string; pid: number }>));
      expect(new Set(settings.map(([s]) => s!.pid)).size).toBe(2);
      expect(settings.map(([s]) => s!.jit)).toEqual(['off', 'off']);
    } finally {
      await Promise.all(runners.map((r) => r.release()));
    }
  });

  it('migrates down and up again', async () => {
    for (let i = 0; i < persistence.migrations.length + 1; i++) await ds.undoLastMigration();
    expect(await ds.showMigrations()).toBe(true);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });
});

describe('outbox relay against real PostgreSQL and Kafka', () => {
  const name = `outbox_${runId()}`;
  let ds: DataSource;
  let tap: Tap;
  const k = kafka(infra.brokers);

  beforeAll(async () => {
    ds = await dataSourceFor(name, { entities: [], migrations: [] });
    tap = await new Tap(k, [TOPICS.patientProfiles]).start();
  });
  afterAll(async () => {
    await tap?.stop();
    await ds?.destroy();
    await dropDatabase(infra.databaseUrl, name);
  });

  const profile = (p: string, v: number): PatientProfileV1 => ({ patientPseudonym: p, profileVersion: v, computedAt: new Date().toISOString(), profile: { ...buildProfile([], '2024-01-01') } });
  const enqueue = (p: string, versions: number[]) =>
    ds.transaction((m) =>
      new Outbox().enqueue(
        m,
        versions.map((v) => ({ topic: TOPICS.patientProfiles, key: p, value: profile(p, v), schemaVersion: 1, messageType: 'PatientProfileChanged', correlationId: 'c-1' })),
      ),
    );

  it('publishes committed rows in order with headers, marks them published, and rolls back with the transaction', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const publisher = new KafkaPublisher(infra.brokers, 'outbox-test');
    const relay = new OutboxRelay(ds, publisher, settings, metrics());
    await expect(
      ds.transaction(async (m) => {
        await new Outbox().enqueue(m, [{ topic: TOPICS.patientProfiles, key: p, value: profile(p, 99), schemaVersion: 1, messageType: 'X', correlationId: 'c' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const ids = await enqueue(p, [1, 2, 3, 4, 5]);
    while ((await relay.publishBatch()) > 0);
    const got = await tap.waitFor((m) => m.key === p, 30000, 5);
    expect(got.map((m) => m.json<PatientProfileV1>().profileVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(got.map((m) => m.headers[HEADERS.eventId])).toEqual(ids);
    expect(got[0]!.headers).toMatchObject({ [HEADERS.schemaVersion]: '1', [HEADERS.correlationId]: 'c-1', [HEADERS.messageType]: 'PatientProfileChanged' });
    expect(await relay.backlog()).toBe(0);
    await publisher.onApplicationShutdown();
  });

  it('keeps rows when publishing fails, records the error, and publishes them on a later pass', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    let down = true;
    const sent: PublishRecord[] = [];
    const flaky = new (class extends MessagePublisher {
      readonly transportName = 'flaky';
      async publish(r: PublishRecord[]) {
        if (down) throw new Error('broker unreachable');
        sent.push(...r);
      }
      async check() {}
    })();
    const relay = new OutboxRelay(ds, flaky, settings, metrics());
    await enqueue(p, [1, 2]);
    await expect(relay.publishBatch()).rejects.toThrow('broker unreachable');
    const [row] = await ds.query<Array<{ publish_attempts: number; last_error: string; claimed_until: Date | null }>>(
      `SELECT publish_attempts, last_error, claimed_until FROM messaging.outbox WHERE message_key = $1 ORDER BY seq LIMIT 1`,
      [p],
    );
    expect(row).toMatchObject({ publish_attempts: 1, last_error: 'Error: broker unreachable', claimed_until: null });
    down = false;
    while ((await relay.publishBatch()) > 0);
    expect(sent.map((r) => r.key)).toEqual([p, p]);
    expect(await relay.backlog()).toBe(0);
  });

  /** A publisher that records what it is given, or fails while `down`. */
  const recorder = () => {
    const state = { down: false, sent: [] as PublishRecord[] };
    const publisher = new (class extends MessagePublisher {
      readonly transportName = 'recorder';
      async publish(r: PublishRecord[]) {
        if (state.down) throw new Error('broker unreachable');
        state.sent.push(...r);
      }
      async check() {}
    })();
    return { state, publisher };
  };
  const until = async (what: () => boolean | Promise<boolean>, label: string, ms = 15000) => {
    const end = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const rowsOf = (p: string) =>
    ds.query<Array<{ claimed: boolean; published: boolean; publish_attempts: number }>>(
      `SELECT claimed_until IS NOT NULL AS claimed, published_at IS NOT NULL AS published, publish_attempts FROM messaging.outbox WHERE message_key = $1 ORDER BY seq`,
      [p],
    );

  /** A relay started as the application starts it (listening to the data source's transactions). */
  const running = (publisher: MessagePublisher, overrides: Partial<typeof settings> = {}, m = metrics()) => {
    const relay = new OutboxRelay(ds, publisher, { ...settings, ...overrides }, m);
    relay.onModuleInit();
    relay.onApplicationBootstrap();
    return relay;
  };
  /** Enqueues one profile message of patient `p` (version v) per transaction, through the relay's outbox. */
  const sender = (relay: OutboxRelay, p: string) => {
    const outbox = new Outbox(relay);
    return (v: number) =>
      ds.transaction((tx) => outbox.enqueue(tx, [{ topic: TOPICS.patientProfiles, key: p, value: profile(p, v), schemaVersion: 1, messageType: 'PatientProfileChanged', correlationId: `c-${v}` }]));
  };

  it('hands committed rows straight to the relay: published from memory in commit order without a poll, marked; nothing from a rolled-back transaction', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const { state, publisher } = recorder();
    const m = metrics();
    // The poll runs once at start and then not for a minute: whatever is published here was handed off.
    const relay = new OutboxRelay(ds, publisher, { ...settings, outboxPollMs: 60000 }, m);
    relay.onModuleInit();
    relay.onApplicationBootstrap();
    try {
      const outbox = new Outbox(relay);
      const send = (versions: number[]) =>
        ds.transaction((tx) => outbox.enqueue(tx, versions.map((v) => ({ topic: TOPICS.patientProfiles, key: p, value: profile(p, v), schemaVersion: 1, messageType: 'PatientProfileChanged', correlationId: `c-${v}` }))));
      await expect(
        ds.transaction(async (tx) => {
          await outbox.enqueue(tx, [{ topic: TOPICS.patientProfiles, key: p, value: profile(p, 99), schemaVersion: 1, messageType: 'X', correlationId: 'c' }]);
          expect(await tx.query(`SELECT claimed_until > now() AS claimed FROM messaging.outbox WHERE message_key = $1`, [p])).toEqual([{ claimed: true }]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const ids = [...(await send([1, 2, 3])), ...(await send([4])), ...(await send([5, 6, 7]))];
      await until(async () => (await rowsOf(p)).every((r) => r.published) && state.sent.length === 7, 'the handed-off rows to be published and marked');
      expect(state.sent.map((r) => (JSON.parse(r.value as string) as PatientProfileV1).profileVersion)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(state.sent.map((r) => r.headers[HEADERS.eventId])).toEqual(ids);
      // The text published is the text stored.
      const stored = await ds.query<Array<{ value: string }>>(`SELECT value FROM messaging.outbox WHERE message_key = $1 ORDER BY seq`, [p]);
      expect(state.sent.map((r) => r.value)).toEqual(stored.map((r) => r.value));
      expect(await rowsOf(p)).toEqual(Array.from({ length: 7 }, () => ({ claimed: false, published: true, publish_attempts: 0 })));
      expect(m.outboxPublished.inc).toHaveBeenCalledWith({ topic: TOPICS.patientProfiles, path: 'hand-off' });
      expect(m.outboxPublished.inc).not.toHaveBeenCalledWith({ topic: TOPICS.patientProfiles, path: 'poll' });
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('marks the rows of the publishes within OUTBOX_MARK_DELAY_MS of each other in one statement, claimed until then; shutting down marks at once', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const { state, publisher } = recorder();
    const relay = running(publisher, { outboxPollMs: 60000, outboxMarkDelayMs: 1000 });
    const statements = jest.spyOn(ds, 'query');
    const marks = () => statements.mock.calls.filter(([sql]) => /SET published_at = now\(\)/.test(sql)).length;
    try {
      const send = sender(relay, p);
      await send(1);
      await send(2);
      await send(3);
      await until(() => state.sent.length === 3, 'the three rows to be published');
      // Published, not yet marked: still claimed, so no poll takes them.
      expect((await rowsOf(p)).map((r) => [r.claimed, r.published])).toEqual([[true, false], [true, false], [true, false]]);
      await until(async () => (await rowsOf(p)).every((r) => r.published && !r.claimed), 'the rows to be marked');
      expect(marks()).toBe(1);
      await send(4);
      await until(() => state.sent.length === 4, 'the fourth row to be published');
      const stopping = Date.now();
      await relay.beforeApplicationShutdown();
      expect(Date.now() - stopping).toBeLessThan(1000); // the mark's wait cut short
      expect((await rowsOf(p)).map((r) => r.published)).toEqual([true, true, true, true]);
      expect(marks()).toBe(2);
    } finally {
      statements.mockRestore();
      await relay.beforeApplicationShutdown();
    }
  });

  it('after a failed hand-off, the poll publishes those rows and later ones in order; hand-off resumes once it has caught up', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const { state, publisher } = recorder();
    const relay = running(publisher);
    try {
      const send = sender(relay, p);
      state.down = true;
      await send(1);
      await until(() => !relay.handOffActive, 'the hand-off to be suspended');
      await send(2); // written unclaimed: the poll's
      await until(async () => (await rowsOf(p)).length === 2 && (await rowsOf(p)).every((r) => !r.claimed), 'both rows to be left to the poll');
      expect((await rowsOf(p))[0]!.publish_attempts).toBeGreaterThanOrEqual(1); // the failed hand-off (and the poll's tries since) are recorded
      expect(relay.handOffActive).toBe(false);
      state.down = false;
      await until(() => relay.handOffActive, 'the hand-off to resume');
      await send(3);
      await until(async () => (await rowsOf(p)).every((r) => r.published) && state.sent.length === 3, 'every row to be published');
      expect(state.sent.map((r) => (JSON.parse(r.value as string) as PatientProfileV1).profileVersion)).toEqual([1, 2, 3]);
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('gives handed-off rows that waited for half their claim to the poll: each published once, in order, none from memory after that', async () => {
    const p = `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const sent: PublishRecord[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = new (class extends MessagePublisher {
      readonly transportName = 'slow';
      async publish(r: PublishRecord[]) {
        await gate; // the first publish hangs until the test opens it: what is handed off meanwhile waits in memory
        sent.push(...r);
      }
      async check() {}
    })();
    const m = metrics();
    const relay = running(slow, { outboxLeaseSeconds: 2 }, m);
    try {
      const send = sender(relay, p);
      await send(1); // its publish hangs
      await send(2);
      await send(3);
      expect((await rowsOf(p)).map((r) => r.claimed)).toEqual([true, true, true]);
      await new Promise((r) => setTimeout(r, 1200)); // rows 2 and 3 have now waited more than half of their 2 s claim
      open();
      await until(async () => (await rowsOf(p)).every((r) => r.published) && sent.length === 3, 'every row to be published');
      await new Promise((r) => setTimeout(r, 2500)); // past the claims' end: a row published from memory and by the poll would show up twice by now
      expect(sent.map((r) => (JSON.parse(r.value as string) as PatientProfileV1).profileVersion)).toEqual([1, 2, 3]);
      expect(m.outboxPublished.inc).toHaveBeenCalledWith({ topic: TOPICS.patientProfiles, path: 'hand-off' }); // row 1
      expect(m.outboxPublished.inc).toHaveBeenCalledWith({ topic: TOPICS.patientProfiles, path: 'poll' }); // rows 2 and 3
      expect((await rowsOf(p)).map((r) => r.publish_attempts)).toEqual([0, 0, 0]); // given back, not failed
      await until(() => relay.handOffActive, 'the hand-off to resume');
    } finally {
      open();
      await relay.beforeApplicationShutdown();
    }
  });

  it('refuses to enqueue a message that breaks its contract', async () => {
    await expect(
      ds.transaction((m) =>
        new Outbox().enqueue(m, [{ topic: TOPICS.patientProfiles, key: 'k', value: { patientPseudonym: 'MRN-1' }, schemaVersion: 1, messageType: 'X', correlationId: 'c' }]),
      ),
    ).rejects.toThrow(/patient-profiles.v1: .*\/patientPseudonym/);
  });
});

describe('messaging retention against real PostgreSQL', () => {
  const name = `retention_${runId()}`;
  let ds: DataSource;
  beforeAll(async () => {
    ds = await dataSourceFor(name, { entities: [], migrations: [] });
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(infra.databaseUrl, name);
  });

  it('deletes published outbox rows and inbox rows past their retention, never an unpublished row, and nothing when retention is 0', async () => {
    const hoursAgo = (h: number) => `now() - interval '${h} hours'`;
    const outbox = (id: string, created: number, published: number | null) =>
      ds.query(
        `INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers, created_at, published_at) VALUES ($1, 'patient-profiles.v1', 'k', '{}', '{}', ${hoursAgo(created)}, ${published === null ? 'NULL' : hoursAgo(published)})`,
        [id],
      );
    const inbox = (id: string, processed: number) => ds.query(`INSERT INTO messaging.inbox (consumer, event_id, topic, partition, "offset", processed_at) VALUES ('c', $1, 't', 0, '0', ${hoursAgo(processed)})`, [id]);
    await outbox('old-published', 200, 199);
    await outbox('recent-published', 100, 1);
    await outbox('old-unpublished', 300, null);
    await inbox('old', 800);
    await inbox('recent', 100);
    const kept = async () => ({
      outbox: (await ds.query<Array<{ event_id: string }>>(`SELECT event_id FROM messaging.outbox ORDER BY event_id`)).map((r) => r.event_id),
      inbox: (await ds.query<Array<{ event_id: string }>>(`SELECT event_id FROM messaging.inbox ORDER BY event_id`)).map((r) => r.event_id),
    });

    expect(await new MessagingRetention(ds, { ...settings, outboxRetentionHours: 0, inboxRetentionHours: 0 }).purge(new Date())).toEqual({ outbox: 0, inbox: 0 });
    expect(await new MessagingRetention(ds, settings).purge(new Date())).toEqual({ outbox: 1, inbox: 1 });
    expect(await kept()).toEqual({ outbox: ['old-unpublished', 'recent-published'], inbox: ['recent'] });
  });
});
