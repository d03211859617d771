import request from 'supertest';
import { ADMIN, as, mintToken, NETWORK_COORDINATOR } from './support/auth';
import { authorizedFetch } from '../apps/cli/src/security';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { HEADERS, TOPICS, type MatchResultV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { buildProfile, type ProfileSourceEvent } from '@trialmatch/core';
import { join } from 'node:path';
import { loadTrials } from '../apps/cli/src/trials-load';
import { kafka, produce, producer, query, realInfra, Tap } from './support/infra';
import { PartitionAssignment } from '@trialmatch/platform';
import { Rescreens } from '../apps/matcher/src/application/rescreens';
import { startInstance, startSystem, type RunningService, type RunningSystem } from './support/services';

/** A small two-cohort trial: cohort A needs ECOG ≤ 1, cohort B ECOG ≤ 2; everyone needs ≥ 14 days since the last dose. */
const TRIAL = {
  trialId: 'NCT09990101',
  status: 'RECRUITING',
  title: 'Matcher integration trial',
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age 18 years or older', rule: { fact: 'age', min: 18 } },
    { id: 'exc-washout', kind: 'exclusion', text: 'Anti-myeloma therapy within 14 days', rule: { fact: 'timeSince', event: 'lastDose', maxDays: 14 } },
  ],
  cohorts: [
    { id: 'A', name: 'Fit', criteria: [{ id: 'a-ecog', kind: 'inclusion', text: 'ECOG 0-1', rule: { fact: 'ecog', max: 1 } }] },
    { id: 'B', name: 'Less fit', criteria: [{ id: 'b-ecog', kind: 'inclusion', text: 'ECOG 0-2', rule: { fact: 'ecog', max: 2 } }] },
  ],
};
const SIMPLE = {
  trialId: 'NCT09990102',
  status: 'RECRUITING',
  title: 'Matcher integration trial without cohorts',
  criteria: [{ id: 'inc-lines', kind: 'inclusion', text: 'At least one prior line', rule: { fact: 'priorLines', min: 1 } }],
};

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function events(ecog: number, lastDose: string): ProfileSourceEvent[] {
  return [
    { eventId: 'd', type: 'demographics', occurredAt: '2015-01-01', data: { birthDate: '1960-01-01', sex: 'female' } },
    { eventId: 'm', type: 'medication', occurredAt: '2024-01-01', data: { drug: 'DRd', start: '2024-01-01', end: lastDose } },
    { eventId: 'e', type: 'performance-status', occurredAt: daysAgo(3), data: { ecog } },
  ];
}
const message = (pseudonym: string, version: number, ev: ProfileSourceEvent[], site?: string): PatientProfileV1 => ({
  patientPseudonym: pseudonym,
  ...(site ? { site } : {}),
  profileVersion: version,
  computedAt: new Date().toISOString(),
  profile: JSON.parse(JSON.stringify(buildProfile(ev))) as PatientProfileV1['profile'],
});
const newPseudonym = () => `pt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;

describe('matcher over real Kafka and PostgreSQL', () => {
  let sys: RunningSystem;
  let tap: Tap;
  let prod: Producer;
  const k = kafka(realInfra().brokers);
  const resultsFor = (p: string) => tap.messages.filter((m) => m.topic === TOPICS.matchResults && m.key === p).map((m) => m.json<MatchResultV1>());
  const send = (m: PatientProfileV1) => produce(prod, TOPICS.patientProfiles, m.patientPseudonym, JSON.stringify(m), { [HEADERS.eventId]: `${m.patientPseudonym}.profile.${m.profileVersion}` });
  const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 60000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const runDone = async (id: string) => until(async () => ['finished', 'superseded'].includes(((await as(sys.matcher.url, ADMIN).get(`/v1/rescreens/${id}`).expect(200)).body as { status: string }).status));
  const stored = (p: string) => query<{ trial_id: string; cohort_id: string; verdict: string; profile_version: number; criteria_version: number }>(sys.matcher.databaseUrl, `SELECT trial_id, cohort_id, verdict, profile_version, criteria_version FROM matcher.results WHERE patient_pseudonym = $1 ORDER BY trial_id, cohort_id`, [p]);

  beforeAll(async () => {
    sys = await startSystem({ MATCHER_RESCREEN_PAGE_SIZE: '3' }, ['matcher']);
    tap = await new Tap(k, [TOPICS.matchResults]).start();
    prod = await producer(k);
    for (const t of [TRIAL, SIMPLE]) {
      const res = await as(sys.matcher.url, ADMIN).post('/v1/trials').send(t).expect(201);
      await runDone((res.body as { rescreen: { id: string } }).rescreen.id);
    }
  });

  afterAll(async () => {
    await prod?.disconnect();
    await tap?.stop();
    await sys?.stop();
  });

  it('stores a result per trial and cohort, publishes those a coordinator follows (not a first INELIGIBLE, explained on read); an unchanged re-evaluation publishes nothing', async () => {
    const p = newPseudonym();
    await send(message(p, 1, events(2, '2024-06-01')));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p, 60000, 2);
    expect(await stored(p)).toEqual([
      expect.objectContaining({ trial_id: TRIAL.trialId, cohort_id: 'A', verdict: 'INELIGIBLE', profile_version: 1 }),
      expect.objectContaining({ trial_id: TRIAL.trialId, cohort_id: 'B', verdict: 'ELIGIBLE' }),
      expect.objectContaining({ trial_id: SIMPLE.trialId, cohort_id: '', verdict: 'ELIGIBLE' }),
    ]);
    // Cohort A: INELIGIBLE from the start, so never announced; its explanation is derived when read.
    expect(resultsFor(p).map((r) => [r.trialId, r.cohortId ?? null, r.verdict])).toEqual(
      expect.arrayContaining([
        [TRIAL.trialId, 'B', 'ELIGIBLE'],
        [SIMPLE.trialId, null, 'ELIGIBLE'],
      ]),
    );
    const read = async () => (await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/trials`).expect(200)).body as MatchResultV1[];
    const a = (await read()).find((r) => r.cohortId === 'A')!;
    expect(a).toMatchObject({ verdict: 'INELIGIBLE', failing: ['a-ecog'], criteriaVersion: 1, profileVersion: 1 });
    expect(a.criteria.map((c) => [c.criterionId, c.outcome])).toEqual([
      ['inc-age', 'MET'],
      ['exc-washout', 'NOT_MET'],
      ['a-ecog', 'NOT_MET'],
    ]);
    expect((await read()).find((r) => r.cohortId === 'A')).toEqual(a); // the same each time it is read

    // Version 2 with the same clinical facts: nothing a coordinator cares about changed.
    await send(message(p, 2, events(2, '2024-06-01')));
    await until(async () => (await stored(p)).every((r) => r.profile_version === 2));
    await new Promise((r) => setTimeout(r, 500));
    expect(resultsFor(p)).toHaveLength(2);

    const ranked = await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/trials`).expect(200);
    expect((ranked.body as MatchResultV1[]).map((r) => [r.trialId, r.cohortId ?? null, r.verdict])).toEqual([
      [TRIAL.trialId, 'B', 'ELIGIBLE'],
      [SIMPLE.trialId, null, 'ELIGIBLE'],
      [TRIAL.trialId, 'A', 'INELIGIBLE'],
    ]);
  });

  it('never regresses on duplicate or out-of-order profile versions', async () => {
    const p = newPseudonym();
    await send(message(p, 2, events(1, '2024-06-01')));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p && m.json<MatchResultV1>().cohortId === 'A');
    await send(message(p, 1, events(3, '2024-06-01'))); // older, arriving late
    await send(message(p, 2, events(1, '2024-06-01'))); // duplicate
    const marker = newPseudonym();
    await send(message(marker, 1, events(1, '2024-06-01'))); // same partition order is not guaranteed across keys, so wait on the stored state instead
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === marker);
    await new Promise((r) => setTimeout(r, 500));
    expect((await stored(p)).map((r) => [r.cohort_id, r.verdict, r.profile_version])).toEqual([
      ['A', 'ELIGIBLE', 2],
      ['B', 'ELIGIBLE', 2],
      ['', 'ELIGIBLE', 2],
    ]);
    expect(resultsFor(p)).toHaveLength(3);
  });

  it('re-screens on an amended trial and publishes exactly the changed results, with progress', async () => {
    const fit = newPseudonym();
    const lessFit = newPseudonym();
    await send(message(fit, 1, events(0, '2024-06-01')));
    await send(message(lessFit, 1, events(2, '2024-06-01')));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && (m.key === fit || m.key === lessFit), 60000, 5); // lessFit's cohort A: INELIGIBLE, not announced
    const before = { fit: resultsFor(fit).length, lessFit: resultsFor(lessFit).length };
    // Cohort A now takes ECOG 2 too: only the less fit patient's cohort A result changes.
    const amended = { ...TRIAL, cohorts: [{ ...TRIAL.cohorts[0]!, criteria: [{ ...TRIAL.cohorts[0]!.criteria[0]!, text: 'ECOG 0-2', rule: { fact: 'ecog', max: 2 } }] }, TRIAL.cohorts[1]!] };
    const res = await as(sys.matcher.url, ADMIN).post('/v1/trials').send(amended).expect(201);
    const run = (res.body as { version: number; rescreen: { id: string; total: number } }).rescreen;
    expect((res.body as { version: number }).version).toBe(2);
    await runDone(run.id);
    const status = (await as(sys.matcher.url, ADMIN).get(`/v1/rescreens/${run.id}`).expect(200)).body as { done: number; total: number; changed: number; status: string };
    expect(status).toMatchObject({ status: 'finished', changed: expect.any(Number) });
    expect(status.done).toBeGreaterThanOrEqual(2);
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === lessFit && m.json<MatchResultV1>().criteriaVersion === 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(resultsFor(fit)).toHaveLength(before.fit);
    const changed = resultsFor(lessFit).slice(before.lessFit);
    expect(changed.map((r) => [r.cohortId, r.verdict, r.criteriaVersion])).toEqual([['A', 'ELIGIBLE', 2]]);
    expect((await stored(fit)).filter((r) => r.trial_id === TRIAL.trialId).map((r) => r.criteria_version)).toEqual([2, 2]); // same verdicts, now naming version 2
    const candidates = await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/trials/${TRIAL.trialId}/candidates`).query({ verdict: 'ELIGIBLE', cohort: 'A' }).expect(200);
    expect((candidates.body as { candidates: MatchResultV1[] }).candidates.map((c) => c.patientPseudonym)).toEqual(expect.arrayContaining([fit, lessFit]));
  });

  it('flips an eligible-from verdict when the date arrives, without any new event', async () => {
    const p = newPseudonym();
    await send(message(p, 1, events(1, daysAgo(20))));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p && m.json<MatchResultV1>().trialId === SIMPLE.trialId);
    // As if evaluated 10 days ago: still within the 14-day washout then.
    const from = daysAgo(20 - 15);
    await query(sys.matcher.databaseUrl, `UPDATE matcher.results SET verdict = 'ELIGIBLE_FROM', eligible_from = $2, signature = $3 WHERE patient_pseudonym = $1 AND trial_id = $4`, [
      p,
      from,
      JSON.stringify(['ELIGIBLE_FROM', from, ['exc-washout'], []]),
      TRIAL.trialId,
    ]);
    const run = (await as(sys.matcher.url, ADMIN).post('/v1/rescreens').expect(201)).body as { id: string };
    await runDone(run.id);
    const flipped = await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p && m.json<MatchResultV1>().trialId === TRIAL.trialId && m.json<MatchResultV1>().evaluatedAt.slice(0, 10) === today, 60000, 2);
    expect(flipped.slice(-2).map((m) => m.json<MatchResultV1>()).map((r) => [r.cohortId, r.verdict])).toEqual(expect.arrayContaining([['A', 'ELIGIBLE']]));
  });

  it('withdraws a closed trial’s results and rejects invalid criteria with JSON pointers', async () => {
    const p = newPseudonym();
    await send(message(p, 1, events(1, '2024-06-01')));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p && m.json<MatchResultV1>().trialId === SIMPLE.trialId);
    const closed = await as(sys.matcher.url, ADMIN).put(`/v1/trials/${SIMPLE.trialId}/status`).send({ status: 'CLOSED' }).expect(200);
    expect((closed.body as { withdrawnResults: number }).withdrawnResults).toBeGreaterThanOrEqual(1);
    const [withdrawn] = await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p && m.json<MatchResultV1>().withdrawn !== undefined);
    expect(withdrawn!.json<MatchResultV1>()).toMatchObject({ trialId: SIMPLE.trialId, verdict: 'INELIGIBLE', withdrawn: 'trial status CLOSED' });
    expect((await stored(p)).filter((r) => r.trial_id === SIMPLE.trialId)).toEqual([]);

    const invalid = { ...SIMPLE, trialId: 'NCT09990103', criteria: [{ id: 'x', kind: 'inclusion', text: 't', rule: { fact: 'ecog', max: 'two' } }, { id: 'y', kind: 'inclusion', text: 't', rule: { fact: 'zodiac' } }] };
    const dry = await as(sys.matcher.url, ADMIN).post('/v1/trials/validate').send(invalid).expect(200);
    expect(dry.body).toMatchObject({ valid: false });
    expect((dry.body as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/criteria/0/rule/max', '/criteria/1/rule/fact']));
    const rejected = await as(sys.matcher.url, ADMIN).post('/v1/trials').send(invalid).expect(400);
    expect((rejected.body as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/criteria/0/rule/max']));
    await as(sys.matcher.url, ADMIN).get('/v1/trials/NCT09990103').expect(404);

    const screened = await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01') }).expect(200);
    expect((screened.body as { results: Array<{ trialId: string; verdict: string }> }).results.map((r) => [r.trialId, r.verdict])).toEqual([[TRIAL.trialId, 'ELIGIBLE']]);
    // A day that is no calendar day, or a field the request does not have, is a 400 naming it (never screened as of today).
    const badDay = await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01'), asOf: '31/12/2024' }).expect(400);
    expect((badDay.body as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer)).toContain('/asOf');
    await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01'), asOf: '2024-02-30' }).expect(400);
    const unknown = await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01'), asof: '2024-06-01' }).expect(400);
    expect(unknown.body.errors).toEqual([{ pointer: '/asof', message: 'is not a known field' }]);
    const onDay = await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01'), asOf: '2024-07-01' }).expect(200);
    expect(onDay.body.asOf).toBe('2024-07-01');
    const limit = await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/trials/${TRIAL.trialId}/candidates`).query({ limit: '-5' }).expect(400);
    expect(limit.body.errors).toEqual([{ pointer: '?limit', message: 'must be a whole number from 1 to 1000' }]);
    const metrics = await request(sys.matcher.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/matcher_evaluations_total(\{[^}]*\})? [1-9]/);
  });

  it('closes and reopens one cohort: its results are withdrawn and come back, the other cohort is untouched; candidates filter by site', async () => {
    const [north, south] = [newPseudonym(), newPseudonym()];
    await send(message(north, 1, events(1, '2024-06-01'), 'site-north'));
    await send(message(south, 1, events(1, '2024-06-01'), 'site-south'));
    await tap.waitFor((m) => m.topic === TOPICS.matchResults && (m.key === north || m.key === south) && m.json<MatchResultV1>().trialId === TRIAL.trialId, 60000, 4);
    expect(resultsFor(north).map((r) => r.site)).toEqual(resultsFor(north).map(() => 'site-north'));
    const bySite = await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/trials/${TRIAL.trialId}/candidates`).query({ site: 'site-north', cohort: 'B' }).expect(200);
    expect((bySite.body as { candidates: MatchResultV1[] }).candidates.map((c) => c.patientPseudonym)).toEqual([north]);

    const closed = await as(sys.matcher.url, ADMIN).put(`/v1/trials/${TRIAL.trialId}/cohorts/B/status`).send({ status: 'SUSPENDED' }).expect(200);
    expect(closed.body).toMatchObject({ cohorts: [{ id: 'A' }, { id: 'B', status: 'SUSPENDED' }] });
    await runDone((closed.body as { rescreen: { id: string } }).rescreen.id);
    const [gone] = await tap.waitFor((m) => m.topic === TOPICS.matchResults && m.key === north && m.json<MatchResultV1>().withdrawn !== undefined);
    expect(gone!.json<MatchResultV1>()).toMatchObject({ cohortId: 'B', verdict: 'INELIGIBLE', withdrawn: 'cohort B status SUSPENDED', site: 'site-north' });
    expect((await stored(north)).filter((r) => r.trial_id === TRIAL.trialId).map((r) => r.cohort_id)).toEqual(['A']);
    const listed = (await as(sys.matcher.url, ADMIN).get('/v1/trials').expect(200)).body as Array<{ trialId: string; cohorts: Array<{ id: string; status: string }> }>;
    expect(listed.find((t) => t.trialId === TRIAL.trialId)!.cohorts).toEqual([expect.objectContaining({ id: 'A', status: 'RECRUITING' }), expect.objectContaining({ id: 'B', status: 'SUSPENDED' })]);
    await as(sys.matcher.url, ADMIN).put(`/v1/trials/${TRIAL.trialId}/cohorts/Z/status`).send({ status: 'CLOSED' }).expect(404);
    await as(sys.matcher.url, ADMIN).put(`/v1/trials/${TRIAL.trialId}/cohorts/B/status`).send({ status: 'PAUSED' }).expect(400);

    const reopened = await as(sys.matcher.url, ADMIN).put(`/v1/trials/${TRIAL.trialId}/cohorts/B/status`).send({ status: 'RECRUITING' }).expect(200);
    await runDone((reopened.body as { rescreen: { id: string } }).rescreen.id);
    expect((await stored(north)).filter((r) => r.trial_id === TRIAL.trialId).map((r) => [r.cohort_id, r.verdict])).toEqual([
      ['A', 'ELIGIBLE'],
      ['B', 'ELIGIBLE'],
    ]);
  });

  it('with two instances: a version published through one reaches the other over trial-criteria.v1, and each re-screens only the partitions it owns', async () => {
    const second: RunningService = await startInstance(sys, 'matcher', { MATCHER_RESCREEN_PAGE_SIZE: '3' });
    try {
      const owned = (s: RunningService) => s.app.get(PartitionAssignment).owned(TOPICS.patientProfiles) as readonly number[];
      await until(() => owned(sys.matcher).length > 0 && owned(second).length > 0 && owned(sys.matcher).length + owned(second).length === 6, 90000);
      const patients = Array.from({ length: 12 }, () => newPseudonym());
      for (const p of patients) await send(message(p, 1, events(1, '2024-06-01')));
      await until(async () => (await query<{ n: number }>(sys.matcher.databaseUrl, `SELECT count(*)::int AS n FROM matcher.profiles WHERE patient_pseudonym = ANY($1)`, [patients]))[0]!.n === 12);

      const other = { ...SIMPLE, trialId: 'NCT09990104', title: 'Published through the second instance' };
      const res = await as(second.url, ADMIN).post('/v1/trials').send(other).expect(201);
      // The first instance has not been told by HTTP or the database: the topic brings it.
      await until(async () => {
        const s = await as(sys.matcher.url, NETWORK_COORDINATOR).post('/v1/screen').send({ events: events(1, '2024-06-01') }).expect(200);
        return (s.body as { results: Array<{ trialId: string }> }).results.some((r) => r.trialId === other.trialId);
      }, 10000);
      const runId = (res.body as { rescreen: { id: string } }).rescreen.id;
      await runDone(runId);
      const run = (await as(sys.matcher.url, ADMIN).get(`/v1/rescreens/${runId}`).expect(200)).body as { partitions: Array<{ partition: number; done: number; worker: string }> };
      const workerOf = new Map<string, readonly number[]>([
        [sys.matcher.app.get(Rescreens).instanceId, owned(sys.matcher)],
        [second.app.get(Rescreens).instanceId, owned(second)],
      ]);
      for (const p of run.partitions.filter((x) => x.done > 0)) expect(workerOf.get(p.worker)).toContain(p.partition);
      expect(new Set(run.partitions.map((p) => p.worker)).size).toBe(2);
      for (const p of patients) expect((await stored(p)).some((r) => r.trial_id === other.trialId)).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('loads the real catalog with `mmmatch trials load`, skipping unchanged documents on a second load', async () => {
    const dir = join(__dirname, '../data/trials');
    const first = await loadTrials(dir, sys.matcher.url, null, authorizedFetch(mintToken(ADMIN)));
    expect(first.failed).toEqual([]);
    expect(first.published.length).toBe(21);
    const again = await loadTrials(dir, sys.matcher.url, null, authorizedFetch(mintToken(ADMIN)));
    expect(again).toMatchObject({ published: [], failed: [] });
    expect(again.unchanged).toHaveLength(21);
    const listed = (await as(sys.matcher.url, ADMIN).get('/v1/trials').expect(200)).body as Array<{ trialId: string; version: number }>;
    expect(listed.filter((t) => t.trialId.startsWith('NCT0999')).length + 21).toBe(listed.length);
  });
});
