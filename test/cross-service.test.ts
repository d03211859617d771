import request from 'supertest';
import { ADMIN, as, feedOf, NETWORK_COORDINATOR } from './support/auth';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { DLQ_HEADERS, dlqTopic, HEADERS, TOPICS, type MatchNotificationV1, type MatchResultV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { buildProfile, pseudonymize } from '@trialmatch/core';
import { kafka, produce, producer, query, realInfra, Tap } from './support/infra';
import { deadLetterText, startSystem, TEST_PSEUDONYM_KEY, type RunningSystem } from './support/services';

/** A day this many days ago: ECOG and labs count for 60 days (the engine's default validity). */
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const TRIAL = {
  trialId: 'NCT09990001',
  status: 'RECRUITING',
  title: 'Walking-skeleton trial',
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age 18 years or older', rule: { fact: 'age', min: 18 } },
    { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG performance status 0-2', rule: { fact: 'ecog', max: 2 } },
  ],
};

function event(patientId: string, type: string, occurredAt: string, data: Record<string, unknown>) {
  return { eventId: randomUUID(), patientId, source: 'it-hospital', type, occurredAt, data };
}

describe('intake → matcher → notifier over real Kafka and PostgreSQL', () => {
  let sys: RunningSystem;
  let taps: Tap;
  let prod: Producer;
  const k = kafka(realInfra().brokers);
  const forPatient = (p: string) => (m: { key: string | null }) => m.key === p;

  beforeAll(async () => {
    sys = await startSystem();
    taps = await new Tap(k, [TOPICS.patientProfiles, TOPICS.matchResults, TOPICS.matchNotifications, dlqTopic(TOPICS.patientProfiles), dlqTopic(TOPICS.patientEvents)]).start();
    prod = await producer(k);
    await as(sys.matcher.url, ADMIN).post('/v1/trials').send(TRIAL).expect(201);
  });

  afterAll(async () => {
    await prod?.disconnect();
    await taps?.stop();
    await sys?.stop();
  });

  it('reports each service ready (database and Kafka) and exposes Prometheus metrics', async () => {
    for (const s of [sys.intake, sys.matcher, sys.notifier]) {
      const res = await request(s.url).get('/health/ready').expect(200);
      expect(res.body.info).toEqual({ database: { status: 'up' }, messaging: { status: 'up', transport: 'kafka' } });
      await request(s.url).get('/health/live').expect(200);
    }
    const metrics = await request(sys.intake.url).get('/metrics').expect(200);
    expect(metrics.text).toContain('trialmatch_messages_consumed_total');
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('turns posted patient events into a profile, a result and a notification', async () => {
    const patientId = `MRN-${randomUUID()}`;
    const p = pseudonymize(TEST_PSEUDONYM_KEY, 'it-hospital', patientId);
    const r1 = await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send(event(patientId, 'demographics', '2024-01-02', { birthDate: '1958-03-04', sex: 'female' })).expect(202);
    expect(r1.body).toMatchObject({ patientPseudonym: p, status: 'accepted', profileVersion: 1 });
    await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send(event(patientId, 'performance-status', daysAgo(20), { ecog: 1 })).expect(202);

    const notes = await taps.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === p, 60000, 2);
    const values = notes.map((m) => m.json<MatchNotificationV1>());
    expect(values.map((n) => n.kind)).toEqual(['NEW_POTENTIAL', 'NEW_ELIGIBLE']);
    expect(values[0]!.toCollect).toEqual(['ECOG within 60 days']);
    expect(values[1]).toMatchObject({ trialId: TRIAL.trialId, verdict: 'ELIGIBLE', previousVerdict: 'POTENTIALLY_ELIGIBLE' });
    // Identifiers stay in intake: nothing published carries the MRN.
    for (const m of taps.messages.filter(forPatient(p))) expect(String(m.value)).not.toContain(patientId);
    expect(notes[0]!.headers[HEADERS.correlationId]).toBeTruthy();

    const matches = await as(sys.matcher.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/matches`).expect(200);
    expect(matches.body).toEqual([expect.objectContaining({ trialId: TRIAL.trialId, verdict: 'ELIGIBLE', profileVersion: 2 })]);
    const listed = await as(sys.notifier.url, NETWORK_COORDINATOR).get('/v1/notifications').query({ patient: p }).expect(200);
    expect(listed.body).toHaveLength(2);
  });

  it('applies a duplicated event once, over HTTP and over Kafka, and a redelivered profile once', async () => {
    const patientId = `MRN-${randomUUID()}`;
    const p = pseudonymize(TEST_PSEUDONYM_KEY, 'it-hospital', patientId);
    const demo = event(patientId, 'demographics', '2024-01-02', { birthDate: '1950-01-01' });
    await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send(demo).expect(202);
    const again = await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send(demo).expect(202);
    expect(again.body.status).toBe('duplicate');

    const ecog = event(patientId, 'performance-status', daysAgo(10), { ecog: 0 });
    await produce(prod, TOPICS.patientEvents, patientId, JSON.stringify(ecog), {});
    await produce(prod, TOPICS.patientEvents, patientId, JSON.stringify(ecog), {});
    await taps.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === p && m.json<MatchNotificationV1>().kind === 'NEW_ELIGIBLE');

    // Redeliver profile v2 byte for byte (same event id), then send a later fact as a marker behind it.
    const [v2] = await taps.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === p && m.json<PatientProfileV1>().profileVersion === 2);
    await produce(prod, TOPICS.patientProfiles, p, v2!.value!, v2!.headers);
    await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send(event(patientId, 'performance-status', daysAgo(5), { ecog: 3 })).expect(202);
    await taps.waitFor((m) => m.topic === TOPICS.matchNotifications && m.key === p && m.json<MatchNotificationV1>().kind === 'NO_LONGER_ELIGIBLE');

    // The tap reads each topic at its own pace: wait for what must be there, then allow time for anything extra.
    await taps.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === p, 30000, 4);
    await taps.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p, 30000, 3);
    await new Promise((r) => setTimeout(r, 1500));
    const profiles = taps.messages.filter((m) => m.topic === TOPICS.patientProfiles && m.key === p).map((m) => m.json<PatientProfileV1>().profileVersion);
    expect(profiles).toEqual([1, 2, 2, 3]); // the 2 twice is our redelivery; intake itself published each version once
    const results = taps.messages.filter((m) => m.topic === TOPICS.matchResults && m.key === p).map((m) => m.json<MatchResultV1>().verdict);
    expect(results).toEqual(['POTENTIALLY_ELIGIBLE', 'ELIGIBLE', 'INELIGIBLE']);
    const inbox = await query<{ n: number }>(sys.matcher.databaseUrl, `SELECT count(*)::int AS n FROM messaging.inbox WHERE consumer = 'matcher' AND event_id = $1`, [
      v2!.headers[HEADERS.eventId],
    ]);
    expect(inbox[0]!.n).toBe(1);
    const raw = await query<{ n: number }>(sys.intake.databaseUrl, `SELECT count(*)::int AS n FROM intake.raw_events WHERE patient_pseudonym = $1`, [p]);
    expect(raw[0]!.n).toBe(3);
  });

  it('dead-letters invalid messages with the reason while the next message on the partition still flows', async () => {
    const p = pseudonymize(TEST_PSEUDONYM_KEY, 'it-hospital', `MRN-${randomUUID()}`);
    const badId = randomUUID();
    const schemaBadId = randomUUID();
    await produce(prod, TOPICS.patientProfiles, p, '{not json', { [HEADERS.eventId]: badId });
    await produce(prod, TOPICS.patientProfiles, p, JSON.stringify({ patientPseudonym: p, profileVersion: 0 }), { [HEADERS.eventId]: schemaBadId });
    const good: PatientProfileV1 = { patientPseudonym: p, profileVersion: 1, computedAt: new Date().toISOString(), profile: { ...buildProfile([{ eventId: 'd', type: 'demographics', occurredAt: '2020-01-01', data: { birthDate: '1960-05-05' } }]) } };
    await produce(prod, TOPICS.patientProfiles, p, JSON.stringify(good), { [HEADERS.eventId]: randomUUID() });

    const [notJson] = await taps.waitFor((m) => m.topic === dlqTopic(TOPICS.patientProfiles) && m.headers[HEADERS.eventId] === badId);
    expect(notJson!.headers[DLQ_HEADERS.error]).toMatch(/not JSON/);
    expect(notJson!.headers[DLQ_HEADERS.errorKind]).toBe('terminal');
    expect(notJson!.headers[DLQ_HEADERS.originalTopic]).toBe(TOPICS.patientProfiles);
    expect(notJson!.headers[DLQ_HEADERS.consumer]).toBe('matcher');
    expect(String(notJson!.value)).toBe('{not json');
    const [invalid] = await taps.waitFor((m) => m.topic === dlqTopic(TOPICS.patientProfiles) && m.headers[HEADERS.eventId] === schemaBadId);
    expect(invalid!.headers[DLQ_HEADERS.error]).toContain('/computedAt');
    expect(invalid!.headers[DLQ_HEADERS.error]).toContain('/profileVersion');

    const [result] = await taps.waitFor((m) => m.topic === TOPICS.matchResults && m.key === p);
    expect(result!.json<MatchResultV1>().verdict).toBe('POTENTIALLY_ELIGIBLE');
  });

  it('dead-letters a malformed hospital event on Kafka and rejects one over HTTP with the field and reason', async () => {
    const bad = { eventId: randomUUID(), patientId: 'MRN-X', source: 'it-hospital', type: 'lab', occurredAt: 'yesterday', data: {} };
    await produce(prod, TOPICS.patientEvents, 'MRN-X', JSON.stringify(bad), {});
    const [dead] = await taps.waitFor((m) => m.topic === dlqTopic(TOPICS.patientEvents) && deadLetterText(m).includes(bad.eventId));
    expect(dead!.headers[DLQ_HEADERS.error]).toContain('/occurredAt');
    expect(dead!.headers[DLQ_HEADERS.error]).not.toContain('MRN-X');

    const res = await as(sys.intake.url, feedOf('it-hospital')).post('/v1/patient-events').send({ ...bad, type: 'horoscope' }).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/type' }), expect.objectContaining({ pointer: '/occurredAt' })]));
  });
});
