import { ADMIN, as, coordinatorOf, NETWORK_COORDINATOR, type Who } from './support/auth';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WEBHOOK_HEADERS } from '../apps/notifier/src/webhooks/signature';
import type { Producer } from 'kafkajs';
import { HEADERS, TOPICS, type MatchNotificationV1, type MatchResultV1, type SiteDigestV1 } from '@trialmatch/contracts';
import { Digests } from '../apps/notifier/src/application/digests';
import { kafka, produce, producer, query, realInfra, Tap } from './support/infra';
import { startInstance, startSystem, type RunningSystem } from './support/services';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotifyOnResult } from '../apps/notifier/src/application/notify-on-result';

const TRIAL = 'NCT09990201';
// A quiet period of 3.6 s looked at every 200 ms, and fast webhook retries, so that both show within the tests.
const SETTINGS = { NOTIFIER_QUIET_PERIOD_HOURS: '0.001', NOTIFIER_RELEASE_CHECK_MS: '200', WEBHOOK_POLL_MS: '100', WEBHOOK_BACKOFF_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '1000' };
const newPseudonym = () => `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;

/** A match result as the matcher publishes it (criteria trimmed to what the notifier reads). */
function result(patient: string, profileVersion: number, verdict: MatchResultV1['verdict'], extra: Partial<MatchResultV1> = {}): MatchResultV1 {
  return { resultId: randomUUID(), patientPseudonym: patient, site: 'site-north', trialId: TRIAL, cohortId: 'A', criteriaVersion: 1, profileVersion, verdict, evaluatedAt: new Date().toISOString(), failing: [], unknown: [], missing: [], criteria: [], ...extra };
}

describe('notifier over real Kafka and PostgreSQL', () => {
  let sys: RunningSystem;
  let tap: Tap;
  let prod: Producer;
  const k = kafka(realInfra().brokers);
  const send = (r: MatchResultV1) => produce(prod, TOPICS.matchResults, r.patientPseudonym, JSON.stringify(r), { [HEADERS.eventId]: r.resultId });
  const notes = (p: string) => tap.messages.filter((m) => m.topic === TOPICS.matchNotifications && m.key === p).map((m) => m.json<MatchNotificationV1>());
  const next = async (p: string, n: number) => (await tap.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === p, 30000, n)).at(-1)!.json<MatchNotificationV1>();

  beforeAll(async () => {
    sys = await startSystem(SETTINGS, ['notifier']);
    tap = await new Tap(k, [TOPICS.matchNotifications, TOPICS.siteDigests]).start();
    prod = await producer(k);
  });

  afterAll(async () => {
    await prod?.disconnect();
    await tap?.stop();
    await sys?.stop();
  });

  it('announces each kind from a result sequence, with the date, what to collect and the reasons; a duplicate result gives one notification', async () => {
    const p = newPseudonym();
    await send(result(p, 1, 'POTENTIALLY_ELIGIBLE', { unknown: ['inc-hb'], missing: ['hemoglobin within 14 days'] }));
    expect(await next(p, 1)).toMatchObject({ kind: 'NEW_POTENTIAL', toCollect: ['hemoglobin within 14 days'], site: 'site-north', cohortId: 'A' });
    await send(result(p, 2, 'ELIGIBLE_FROM', { eligibleFrom: '2027-01-15', failing: ['exc-washout'] }));
    expect(await next(p, 2)).toMatchObject({ kind: 'ELIGIBLE_FROM', eligibleFrom: '2027-01-15', previousVerdict: 'POTENTIALLY_ELIGIBLE' });
    const arrived = result(p, 3, 'ELIGIBLE');
    await send(arrived);
    await send(arrived); // redelivered
    expect(await next(p, 3)).toMatchObject({ kind: 'ELIGIBLE_NOW', previousVerdict: 'ELIGIBLE_FROM' });
    await send(result(p, 4, 'INELIGIBLE', { failing: ['exc-cns'] }));
    expect(await next(p, 4)).toMatchObject({ kind: 'NO_LONGER_ELIGIBLE', reasons: ['exc-cns'] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(notes(p).map((n) => n.kind)).toEqual(['NEW_POTENTIAL', 'ELIGIBLE_FROM', 'ELIGIBLE_NOW', 'NO_LONGER_ELIGIBLE']);
    const stored = await query<{ kind: string; reasons: string[] | null }>(sys.notifier.databaseUrl, `SELECT kind, reasons FROM notifier.notifications WHERE patient_pseudonym = $1 ORDER BY created_at`, [p]);
    expect(stored.map((s) => s.kind)).toEqual(['NEW_POTENTIAL', 'ELIGIBLE_FROM', 'ELIGIBLE_NOW', 'NO_LONGER_ELIGIBLE']);
    const inbox = (await as(sys.notifier.url, NETWORK_COORDINATOR).get('/v1/notifications').query({ site: 'site-north', patient: p }).expect(200)).body as Array<Record<string, unknown>>;
    expect(inbox[0]).toMatchObject({ kind: 'NO_LONGER_ELIGIBLE', reasons: ['exc-cns'], cohortId: 'A', site: 'site-north' });
    expect(inbox.find((n) => n.kind === 'ELIGIBLE_FROM')).toMatchObject({ eligibleFrom: '2027-01-15' });
    expect((await as(sys.notifier.url, NETWORK_COORDINATOR).get('/v1/notifications').query({ site: 'site-south', patient: p }).expect(200)).body).toEqual([]);
  });

  it('decides a batch of results in order, each against the state the ones before it left, and keeps the screening in step', async () => {
    const notify = sys.notifier.app.get(NotifyOnResult);
    const ds = sys.notifier.app.get<DataSource>(getDataSourceToken());
    const [p, q] = [newPseudonym(), newPseudonym()];
    const batch = [
      result(p, 1, 'POTENTIALLY_ELIGIBLE', { unknown: ['inc-hb'], missing: ['hemoglobin within 14 days'] }),
      result(q, 1, 'ELIGIBLE'),
      result(p, 2, 'ELIGIBLE'),
      result(p, 1, 'INELIGIBLE', { failing: ['exc-cns'] }), // older than what the batch already applied: ignored
      result(q, 2, 'INELIGIBLE', { failing: ['inc-anc'] }), // within the quiet period: held back
      result(p, 2, 'ELIGIBLE', { cohortId: 'B' }),
    ];
    const sent = await ds.transaction((m) => notify.executeBatch(m, batch.map((result, i) => ({ result, correlationId: `corr-nb-${i}` }))));
    expect(sent.map((n) => [n.patientPseudonym, n.cohortId, n.kind, n.previousVerdict ?? null])).toEqual([
      [p, 'A', 'NEW_POTENTIAL', null],
      [q, 'A', 'NEW_ELIGIBLE', null],
      [p, 'A', 'NEW_ELIGIBLE', 'POTENTIALLY_ELIGIBLE'],
      [p, 'B', 'NEW_ELIGIBLE', null],
    ]);
    const states = await query<{ p: string; c: string; verdict: string; profile_version: number; pending: { notification: { kind: string } } | null }>(
      sys.notifier.databaseUrl,
      `SELECT patient_pseudonym AS p, cohort_id AS c, verdict, profile_version, pending FROM notifier.verdict_state WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym = $2 DESC, cohort_id`,
      [[p, q], p],
    );
    expect(states.map((s) => [s.p, s.c, s.verdict, s.profile_version, s.pending?.notification.kind ?? null])).toEqual([
      [p, 'A', 'ELIGIBLE', 2, null],
      [p, 'B', 'ELIGIBLE', 2, null],
      [q, 'A', 'INELIGIBLE', 2, 'NO_LONGER_ELIGIBLE'],
    ]);
    const screenings = await query<{ c: string; status: string }>(sys.notifier.databaseUrl, `SELECT cohort_id AS c, status FROM notifier.screenings WHERE patient_pseudonym = $1 ORDER BY cohort_id`, [p]);
    expect(screenings).toEqual([{ c: 'A', status: 'new' }, { c: 'B', status: 'new' }]);
    // Published with each result's own correlation id.
    const [last] = await tap.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === p && m.json<MatchNotificationV1>().cohortId === 'B');
    expect(last!.headers[HEADERS.correlationId]).toBe('corr-nb-5');
  });

  it('holds a change back for the quiet period: a flap back is never announced, a lasting change is, once the period is over', async () => {
    const [flapping, lasting] = [newPseudonym(), newPseudonym()];
    await send(result(flapping, 1, 'ELIGIBLE'));
    await send(result(lasting, 1, 'ELIGIBLE'));
    await next(flapping, 1);
    await next(lasting, 1);
    await send(result(flapping, 2, 'INELIGIBLE', { failing: ['inc-anc'] }));
    await send(result(flapping, 3, 'ELIGIBLE'));
    await send(result(lasting, 2, 'INELIGIBLE', { failing: ['inc-anc'] }));
    const released = await next(lasting, 2);
    expect(released).toMatchObject({ kind: 'NO_LONGER_ELIGIBLE', reasons: ['inc-anc'] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(notes(flapping).map((n) => n.kind)).toEqual(['NEW_ELIGIBLE']);
    const [state] = await query<{ pending: unknown }>(sys.notifier.databaseUrl, `SELECT pending FROM notifier.verdict_state WHERE patient_pseudonym = $1`, [flapping]);
    expect(state!.pending).toBeNull();
  });

  it('runs the screening workflow: transitions with who and when, 409 with the allowed ones, screen-failed reasons, a match that stops holding flagged', async () => {
    const p = newPseudonym();
    await send(result(p, 1, 'ELIGIBLE'));
    await next(p, 1);
    const url = (path = '') => `/v1/screenings/${p}/${TRIAL}${path}`;
    const opened = (await as(sys.notifier.url, NETWORK_COORDINATOR).get(url()).query({ cohort: 'A' }).expect(200)).body as { status: string; site: string; allowed: string[] };
    expect(opened).toMatchObject({ status: 'new', site: 'site-north', allowed: ['reviewing', 'declined', 'screen-failed'] });
    const coordinatorA: Who = { sub: 'coordinator-a', role: 'coordinator', sites: ['site-north'] };
    const coordinatorB: Who = { sub: 'coordinator-b', role: 'coordinator', sites: ['site-north', 'site-east'] };
    await as(sys.notifier.url, null).post(url('/transitions')).send({ to: 'reviewing', cohortId: 'A' }).expect(401); // nobody signed in
    await as(sys.notifier.url, coordinatorOf('site-south')).post(url('/transitions')).send({ to: 'reviewing', cohortId: 'A' }).expect(404); // another site's patient
    await as(sys.notifier.url, coordinatorOf('site-south')).get(url()).query({ cohort: 'A' }).expect(404);
    await as(sys.notifier.url, coordinatorA).post(url('/transitions')).send({ to: 'reviewing', cohortId: 'A' }).expect(201);
    const illegal = await as(sys.notifier.url, coordinatorA).post(url('/transitions')).send({ to: 'enrolled', cohortId: 'A' }).expect(409);
    expect(illegal.body).toMatchObject({ from: 'reviewing', to: 'enrolled', allowed: ['contacted', 'declined', 'screen-failed'] });

    // The match stops holding while under review: flagged (after the quiet period), not closed.
    await send(result(p, 2, 'INELIGIBLE', { failing: ['inc-anc'] }));
    await next(p, 2);
    const flagged = (await as(sys.notifier.url, NETWORK_COORDINATOR).get('/v1/screenings').query({ site: 'site-north', status: 'reviewing' }).expect(200)).body as Array<{ patientPseudonym: string; flag: string | null }>;
    expect(flagged.find((x) => x.patientPseudonym === p)).toMatchObject({ flag: 'match no longer holds (inc-anc)' });

    await as(sys.notifier.url, coordinatorB).post(url('/transitions')).send({ to: 'screen-failed', cohortId: 'A' }).expect(400);
    const failed = await as(sys.notifier.url, coordinatorB)
      .post(url('/transitions'))
      .send({ to: 'screen-failed', cohortId: 'A', reasons: [{ criterionId: 'inc-anc', code: 'lab-out-of-range', note: 'ANC 0.8 on repeat' }] })
      .expect(201);
    expect(failed.body).toMatchObject({ status: 'screen-failed', flag: null, allowed: [] });
    expect((failed.body as { transitions: Array<{ from: string; to: string; actor: string }> }).transitions.map((t) => [t.from, t.to, t.actor])).toEqual([
      ['new', 'reviewing', 'coordinator-a'],
      ['reviewing', 'screen-failed', 'coordinator-b'],
    ]);
    await as(sys.notifier.url, coordinatorB).post(url('/transitions')).send({ to: 'reviewing', cohortId: 'A' }).expect(409);
    await as(sys.notifier.url, coordinatorB).post(`/v1/screenings/${newPseudonym()}/${TRIAL}/transitions`).send({ to: 'reviewing' }).expect(404);
  });

  it('delivers signed webhooks: a receiver failing twice gets one delivery, succeeded on the third attempt; a dead one is redelivered by hand', async () => {
    const receiver = async (answer: (n: number) => number) => {
      const calls: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
      const server: Server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          calls.push({ headers: req.headers, body });
          res.statusCode = answer(calls.length);
          res.end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      return { calls, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
    };
    let fixed = false;
    const flaky = await receiver((n) => (n <= 2 ? 500 : 200));
    const down = await receiver(() => (fixed ? 204 : 503));
    const elsewhere = await receiver(() => 200);
    try {
      const sub = (await as(sys.notifier.url, ADMIN).post('/v1/webhooks').send({ url: flaky.url, site: 'site-north', trialId: TRIAL }).expect(201)).body as { id: string; secret: string };
      const dead = (await as(sys.notifier.url, ADMIN).post('/v1/webhooks').send({ url: down.url, secret: 'a-shared-secret-of-32-characters', site: 'site-north' }).expect(201)).body as { id: string };
      await as(sys.notifier.url, ADMIN).post('/v1/webhooks').send({ url: elsewhere.url, site: 'site-south' }).expect(201);
      await as(sys.notifier.url, ADMIN).post('/v1/webhooks').send({ url: 'ftp://example.org/x', trialId: 'KarMMa' }).expect(400);
      expect(((await as(sys.notifier.url, ADMIN).get('/v1/webhooks').expect(200)).body as Array<Record<string, unknown>>).every((w) => !('secret' in w))).toBe(true);
      const [stored] = await query<{ secret: string }>(sys.notifier.databaseUrl, `SELECT secret FROM notifier.webhook_subscriptions WHERE id = $1`, [sub.id]);
      expect(stored!.secret).toMatch(/^sealed:v1:/); // sealed at rest (WEBHOOK_SECRET_KEY), opened only to sign
      expect(stored!.secret).not.toContain(sub.secret);

      const p = newPseudonym();
      await send(result(p, 1, 'ELIGIBLE'));
      const log = async (id: string) => (await as(sys.notifier.url, ADMIN).get(`/v1/webhooks/${id}/deliveries`).expect(200)).body as Array<{ id: string; status: string; attempts: number; lastStatusCode: number }>;
      const until = async (check: () => Promise<boolean>) => {
        const deadline = Date.now() + 30000;
        while (!(await check())) {
          if (Date.now() > deadline) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await until(async () => (await log(sub.id))[0]?.status === 'succeeded');
      expect(await log(sub.id)).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 3, lastStatusCode: 200 })]);
      expect(flaky.calls).toHaveLength(3);
      expect(new Set(flaky.calls.map((c) => c.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
      const last = flaky.calls[2]!;
      const headers = { timestamp: String(last.headers[WEBHOOK_HEADERS.timestamp]), signature: String(last.headers[WEBHOOK_HEADERS.signature]) };
      expect(verifyWebhook(sub.secret, headers, last.body)).toBe(true);
      expect(verifyWebhook(sub.secret, headers, last.body.replace('ELIGIBLE', 'INELIGIBLE'))).toBe(false);
      expect(JSON.parse(last.body)).toMatchObject({ patientPseudonym: p, kind: 'NEW_ELIGIBLE', site: 'site-north' });
      expect(last.body).not.toMatch(/MRN|birthDate/);

      await until(async () => (await log(dead.id))[0]?.status === 'dead');
      expect((await log(dead.id))[0]).toMatchObject({ status: 'dead', attempts: 3, lastStatusCode: 503 });
      fixed = true;
      await as(sys.notifier.url, ADMIN).post(`/v1/webhooks/deliveries/${(await log(dead.id))[0]!.id}/redeliver`).expect(202);
      await until(async () => (await log(dead.id))[0]?.status === 'succeeded');
      expect(down.calls).toHaveLength(4);
      expect(elsewhere.calls).toHaveLength(0);
    } finally {
      for (const r of [flaky, down, elsewhere]) r.server.close();
    }
  });

  it('summarizes a site’s day: new eligible, new potential, eligible-from within the week; a finished day is published on site-digests.v1 once', async () => {
    const site = `site-${randomUUID().slice(0, 8)}`;
    const [eligible, potential, soon, later, birthday, thisMonth] = [newPseudonym(), newPseudonym(), newPseudonym(), newPseudonym(), newPseudonym(), newPseudonym()];
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await send(result(eligible, 1, 'ELIGIBLE', { site }));
    await send(result(potential, 1, 'POTENTIALLY_ELIGIBLE', { site, missing: ['ECOG'] }));
    await send(result(soon, 1, 'ELIGIBLE_FROM', { site, eligibleFrom: inDays(3) }));
    await send(result(later, 1, 'ELIGIBLE_FROM', { site, eligibleFrom: inDays(20) }));
    // A birthday's eligible-from comes as its month only (docs/security.md): it is listed in the week its month begins.
    const monthAhead = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1)).toISOString().slice(0, 10); // a month at least 32 days away: never in today's week
    await send(result(birthday, 1, 'ELIGIBLE_FROM', { site, eligibleFromMonth: monthAhead.slice(0, 7) }));
    // Announced within its month (the first of it passed): listed from the day it was announced.
    await send(result(thisMonth, 1, 'ELIGIBLE_FROM', { site, eligibleFromMonth: new Date().toISOString().slice(0, 7) }));
    for (const p of [eligible, potential, soon, later, birthday, thisMonth]) await next(p, 1);
    expect(notes(birthday)).toEqual([expect.objectContaining({ kind: 'ELIGIBLE_FROM', eligibleFromMonth: monthAhead.slice(0, 7) })]);
    expect(notes(birthday)[0]).not.toHaveProperty('eligibleFrom');
    const monthItem = { patientPseudonym: birthday, trialId: TRIAL, cohortId: 'A', eligibleFromMonth: monthAhead.slice(0, 7) };
    expect((await sys.notifier.app.get(Digests).build(site, monthAhead)).eligibleFromThisWeek).toContainEqual(monthItem);
    const inbox = (await as(sys.notifier.url, NETWORK_COORDINATOR).get('/v1/notifications').query({ site, patient: birthday }).expect(200)).body as Array<Record<string, unknown>>;
    expect(inbox).toEqual([expect.objectContaining({ kind: 'ELIGIBLE_FROM', eligibleFrom: null, eligibleFromMonth: monthAhead.slice(0, 7) })]);
    const today = new Date().toISOString().slice(0, 10);
    const digest = (await as(sys.notifier.url, NETWORK_COORDINATOR).get(`/v1/digests/${site}`).expect(200)).body as SiteDigestV1;
    expect(digest).toMatchObject({ site, day: today, newEligible: [{ patientPseudonym: eligible, trialId: TRIAL, cohortId: 'A' }], newPotential: [{ patientPseudonym: potential, toCollect: ['ECOG'] }] });
    expect(digest.eligibleFromThisWeek).toEqual([
      { patientPseudonym: thisMonth, trialId: TRIAL, cohortId: 'A', eligibleFromMonth: today.slice(0, 7) },
      { patientPseudonym: soon, trialId: TRIAL, cohortId: 'A', eligibleFrom: inDays(3) },
    ]);
    await as(sys.notifier.url, NETWORK_COORDINATOR).get(`/v1/digests/${site}`).query({ day: 'yesterday' }).expect(400);

    const digests = sys.notifier.app.get(Digests);
    const tomorrow = new Date(Date.now() + 86_400_000);
    await digests.publishDue(tomorrow);
    await digests.publishDue(tomorrow); // a second pass (or instance) publishes nothing more
    const published = await tap.waitFor((m) => m.topic === TOPICS.siteDigests && m.key === site);
    await new Promise((r) => setTimeout(r, 500));
    expect(tap.messages.filter((m) => m.topic === TOPICS.siteDigests && m.key === site)).toHaveLength(1);
    expect(published[0]!.json<SiteDigestV1>()).toMatchObject({ site, day: today, newEligible: [{ patientPseudonym: eligible }] });
  });

  // Last: it stops the system's notifier and carries on with a new instance.
  it('loses nothing across a restart in the middle of a delivery: the interrupted call is retried, results sent while down are delivered after', async () => {
    let calls = 0;
    const bodies: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        calls++;
        if (calls === 1) return; // the first call hangs until the notifier gives up on it
        bodies.push(body);
        res.statusCode = 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const site = `site-${randomUUID().slice(0, 8)}`;
      const sub = (await as(sys.notifier.url, ADMIN).post('/v1/webhooks').send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, site }).expect(201)).body as { id: string };
      const [before, during] = [newPseudonym(), newPseudonym()];
      await send(result(before, 1, 'ELIGIBLE', { site }));
      const deadline = Date.now() + 30000;
      while (calls === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(calls).toBe(1);
      await sys.notifier.stop(); // mid-call
      await send(result(during, 1, 'ELIGIBLE', { site })); // while no notifier runs
      const again = await startInstance(sys, 'notifier', SETTINGS);
      const log = async () => (await as(again.url, ADMIN).get(`/v1/webhooks/${sub.id}/deliveries`).expect(200)).body as Array<{ notificationId: string; status: string; attempts: number }>;
      while (Date.now() < deadline + 30000) {
        const rows = await log();
        if (rows.length === 2 && rows.every((r) => r.status === 'succeeded')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const rows = await log();
      expect(rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
      expect(rows.map((r) => r.attempts).sort()).toEqual([1, 2]); // the interrupted one took a second attempt
      expect(bodies.map((b) => (JSON.parse(b) as MatchNotificationV1).patientPseudonym).sort()).toEqual([before, during].sort());
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
