import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HEADERS, MATCH_RESULT_SCHEMA_VERSION, TOPICS, type MatchResultV1 } from '@trialmatch/contracts';
import { MessagePublisher, Outbox, OutboxRelay } from '@trialmatch/platform';
import { kafka, query, realInfra, Tap } from './support/infra';
import { startSystem, type RunningSystem } from './support/services';

/**
 * The outbox's own atomicity, on the real database and broker (issue 10): a message enqueued in a
 * transaction that rolls back is never published; a relay that dies after publishing but before
 * marking leaves the row to be published again when its lease runs out, and the consumer's inbox
 * absorbs the duplicate (one notification).
 */
const pseudonym = () => `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
const result = (p: string): MatchResultV1 => ({
  resultId: randomUUID(),
  patientPseudonym: p,
  site: 'site-outbox',
  trialId: 'NCT09997001',
  criteriaVersion: 1,
  profileVersion: 1,
  verdict: 'ELIGIBLE',
  evaluatedAt: new Date().toISOString(),
  failing: [],
  unknown: [],
  missing: [],
  criteria: [],
});
const message = (r: MatchResultV1) => ({ topic: TOPICS.matchResults, key: r.patientPseudonym, value: r, eventId: r.resultId, schemaVersion: MATCH_RESULT_SCHEMA_VERSION, messageType: 'MatchResultChanged', correlationId: `outbox-test-${r.resultId}` });

describe('outbox atomicity over real Kafka and PostgreSQL', () => {
  let sys: RunningSystem;
  let tap: Tap;

  beforeAll(async () => {
    sys = await startSystem({}, ['matcher', 'notifier']);
    tap = await new Tap(kafka(realInfra().brokers), [TOPICS.matchResults, TOPICS.matchNotifications]).start();
  });

  afterAll(async () => {
    await tap?.stop();
    await sys?.stop();
  });

  const published = (eventId: string) => tap.messages.filter((m) => m.topic === TOPICS.matchResults && m.headers[HEADERS.eventId] === eventId);

  it('publishes nothing from a rolled-back transaction, and the committed message after it once', async () => {
    const app = sys.matcher.app;
    const [rolledBack, committed] = [result(pseudonym()), result(pseudonym())];
    await expect(
      app.get(DataSource).transaction(async (m) => {
        await app.get(Outbox).enqueue(m, [message(rolledBack)]);
        throw new Error('the effect failed after the outbox row was written');
      }),
    ).rejects.toThrow('the effect failed');
    await app.get(DataSource).transaction((m) => app.get(Outbox).enqueue(m, [message(committed)]));
    app.get(OutboxRelay).wake();
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.headers[HEADERS.eventId] === committed.resultId);
    await new Promise((r) => setTimeout(r, 1000));
    expect(published(committed.resultId)).toHaveLength(1);
    expect(published(rolledBack.resultId)).toHaveLength(0);
    expect(await query(sys.matcher.databaseUrl, `SELECT event_id FROM messaging.outbox WHERE event_id = $1`, [rolledBack.resultId])).toEqual([]);
  });

  it('republishes a row whose relay died between publishing and marking, once its lease runs out; the consumer applies it once', async () => {
    const app = sys.matcher.app;
    const r = result(pseudonym());
    // A relay claimed the row (a 3 s lease here; 30 s in the relay), published it and died before marking it published.
    await app.get(DataSource).transaction(async (m) => {
      await app.get(Outbox).enqueue(m, [message(r)]);
      await m.query(`UPDATE messaging.outbox SET claimed_until = now() + interval '3 seconds' WHERE event_id = $1`, [r.resultId]);
    });
    const [row] = await query<{ value: string; headers: Record<string, string> }>(sys.matcher.databaseUrl, `SELECT value, headers FROM messaging.outbox WHERE event_id = $1`, [r.resultId]);
    await app.get(MessagePublisher).publish([{ topic: TOPICS.matchResults, key: r.patientPseudonym, value: row!.value, headers: row!.headers }]);
    // The live relay takes the row over when the lease ends, and publishes it again.
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.headers[HEADERS.eventId] === r.resultId, 60000, 2);
    // Marked once the publish is acknowledged, so just after the message can be read: wait for it (up to 15 s).
    const isMarked = async (): Promise<boolean> =>
      (await query<{ published: boolean }>(sys.matcher.databaseUrl, `SELECT published_at IS NOT NULL AS published FROM messaging.outbox WHERE event_id = $1`, [r.resultId]))[0]!.published;
    for (let waited = 0; waited < 15000 && !(await isMarked()); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await isMarked()).toBe(true);
    // The notifier saw the result twice and announced it once.
    await tap.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === r.patientPseudonym);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tap.messages.filter((m) => m.topic === TOPICS.matchNotifications && m.key === r.patientPseudonym)).toHaveLength(1);
    const [inbox] = await query<{ n: number }>(sys.notifier.databaseUrl, `SELECT count(*)::int AS n FROM messaging.inbox WHERE event_id = $1`, [r.resultId]);
    expect(inbox!.n).toBe(1);
    const [notes] = await query<{ n: number }>(sys.notifier.databaseUrl, `SELECT count(*)::int AS n FROM notifier.notifications WHERE result_id = $1`, [r.resultId]);
    expect(notes!.n).toBe(1);
  });
});

describe('outbox without hand-off', () => {
  let sys: RunningSystem;
  let tap: Tap;

  beforeAll(async () => {
    // The poll every minute: a row published sooner was published because its transaction committed.
    sys = await startSystem({ OUTBOX_HAND_OFF: 'false', OUTBOX_POLL_MS: '60000' }, ['matcher']);
    tap = await new Tap(kafka(realInfra().brokers), [TOPICS.matchResults]).start();
  });

  afterAll(async () => {
    await tap?.stop();
    await sys?.stop();
  });

  it('publishes a transaction\'s rows when it commits, not at the next poll', async () => {
    const app = sys.matcher.app;
    await new Promise((r) => setTimeout(r, 500)); // the poll at start has run
    const r = result(pseudonym());
    const started = Date.now();
    await app.get(DataSource).transaction((m) => app.get(Outbox).enqueue(m, [message(r)]));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.headers[HEADERS.eventId] === r.resultId, 20000);
    expect(Date.now() - started).toBeLessThan(20000);
    // Marked published after the broker took it (a moment after the message may be seen).
    const row = async () =>
      (await query<{ claimed: boolean; published: boolean }>(sys.matcher.databaseUrl, `SELECT claimed_until IS NOT NULL AS claimed, published_at IS NOT NULL AS published FROM messaging.outbox WHERE event_id = $1`, [r.resultId]))[0];
    for (let i = 0; i < 50 && !(await row())?.published; i++) await new Promise((done) => setTimeout(done, 100));
    expect(await row()).toEqual({ claimed: false, published: true }); // written unclaimed (no hand-off), published by the poll its commit woke
  });
});
