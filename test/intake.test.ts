import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../apps/cli/src/ingest';
import type { Producer } from 'kafkajs';
import { DLQ_HEADERS, dlqTopic, HEADERS, TOPICS, type PatientEventV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { buildProfile, DEFAULT_SETTINGS, eventRef, profileForTopic, pseudonymize, settingsLabel, type PatientProfile, type ProfileSourceEvent } from '@trialmatch/core';
import { kafka, produce, producer, query, realInfra, Tap } from './support/infra';
import { deadLetterText, startInstance, startSystem, TEST_PROFILE_SEAL_KEY, TEST_PSEUDONYM_KEY, type RunningSystem } from './support/services';
import { FieldSeal } from '@trialmatch/platform';
import { ADMIN, as, feedOf, mintToken, NETWORK_COORDINATOR } from './support/auth';
import { authorizedFetch } from '../apps/cli/src/security';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IngestPatientEvent } from '../apps/intake/src/application/ingest-patient-event';
import { RederiveProfiles } from '../apps/intake/src/application/rederive-profiles';

const SOURCE = 'it-intake-hospital';
const pseudonymOf = (mrn: string, source = SOURCE): string => pseudonymize(TEST_PSEUDONYM_KEY, source, mrn);

const eventIdPrefix = new Map<string, string>();
/** A short myeloma history for one patient (event ids unique per patient, not derived from the MRN). */
function history(mrn: string) {
  const prefix = eventIdPrefix.get(mrn) ?? eventIdPrefix.set(mrn, randomUUID()).get(mrn)!;
  const e = (n: number, type: string, occurredAt: string, data: Record<string, unknown>) => ({ eventId: `${prefix}-${n}`, patientId: mrn, source: SOURCE, type, occurredAt, data });
  return [
    e(1, 'demographics', '2015-01-01', { birthDate: '1958-03-04', sex: 'female', weightKg: 70 }),
    e(2, 'medication', '2021-01-10', { drug: 'VRd', start: '2021-01-10', end: '2021-12-01' }),
    e(3, 'response-assessment', '2021-06-01', { category: 'VGPR' }),
    e(4, 'response-assessment', '2021-11-20', { category: 'PD' }),
    e(5, 'medication', '2021-12-15', { drug: 'DPd', start: '2021-12-15', end: '2024-10-01' }),
    e(6, 'response-assessment', '2024-09-20', { category: 'PD' }),
    e(7, 'performance-status', '2024-10-05', { ecog: 1 }),
    e(8, 'lab', '2024-10-05', { code: '718-7', value: 10.5, unit: 'g/dL' }),
  ];
}
/** What the clinical core derives from the events in clinical order, as it would travel (JSON), without the day it was computed. */
function expectedProfile(events: ReturnType<typeof history>): unknown {
  const { asOf, ...rest } = buildProfile(events.map((e): ProfileSourceEvent => ({ eventId: e.eventId, type: e.type, occurredAt: e.occurredAt, data: e.data })));
  return JSON.parse(JSON.stringify(rest));
}
const withoutAsOf = ({ asOf, ...rest }: Record<string, unknown>): unknown => rest;

describe('intake over real Kafka and PostgreSQL', () => {
  let sys: RunningSystem;
  let tap: Tap;
  let prod: Producer;
  const k = kafka(realInfra().brokers);
  const count = async (sql: string, params: unknown[]): Promise<number> => (await query<{ n: number }>(sys.intake.databaseUrl, sql, params))[0]!.n;
  const storedEvents = (p: string) => count(`SELECT count(*)::int AS n FROM intake.raw_events WHERE patient_pseudonym = $1`, [p]);
  const profileOf = async (url: string, p: string) => (await as(url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/profile`).expect(200)).body as { version: number; profile: Record<string, unknown> };
  const until = async (check: () => Promise<boolean>, timeoutMs = 60000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out (${String(await check())})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const sendAll = async (events: ReadonlyArray<{ patientId: string; data?: unknown }>, headers: Record<string, string> = {}) => {
    for (const e of events) await produce(prod, TOPICS.patientEvents, e.patientId, JSON.stringify(e), headers);
  };

  beforeAll(async () => {
    sys = await startSystem({ KAFKA_LAG_INTERVAL_MS: '1000' }, ['intake']);
    tap = await new Tap(k, [TOPICS.patientProfiles, dlqTopic(TOPICS.patientEvents)]).start();
    prod = await producer(k);
  });

  afterAll(async () => {
    await prod?.disconnect();
    await tap?.stop();
    await sys?.stop();
  });

  it('stores events produced to the topic and emits the profile, keyed by pseudonym, with the correlation id', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const events = history(mrn);
    await sendAll(events, { [HEADERS.correlationId]: `corr-${mrn}` });
    await until(async () => (await storedEvents(p)) === events.length);
    const [last] = await tap.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === p && m.json<PatientProfileV1>().profile.eventCount === events.length);
    expect(last!.headers[HEADERS.correlationId]).toBe(`corr-${mrn}`);
    expect(String(last!.value)).not.toContain(mrn);
    // The birth date travels sealed (only the matcher can open it), event ids as references; everything else as derived.
    const published = last!.json<PatientProfileV1>().profile as unknown as { demographics: { birthDate: string } };
    const expected = profileForTopic(expectedProfile(events) as PatientProfile, events.map((e) => e.eventId), TEST_PSEUDONYM_KEY) as unknown as { demographics: { birthDate: string } };
    for (const e of events) expect(String(last!.value)).not.toContain(`"${e.eventId}"`);
    expect(String(last!.value)).not.toContain(expected.demographics.birthDate);
    expect(new FieldSeal(TEST_PROFILE_SEAL_KEY).open(published.demographics.birthDate)).toBe(expected.demographics.birthDate);
    expect(withoutAsOf({ ...published, demographics: { ...published.demographics, birthDate: expected.demographics.birthDate } })).toEqual(expected);
    const versions = tap.messages.filter((m) => m.topic === TOPICS.patientProfiles && m.key === p).map((m) => m.json<PatientProfileV1>().profileVersion);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b)); // each version once, in order
  });

  it('applies a duplicated event once and records an id reused for different content as a conflict', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const [demo, med] = history(mrn);
    await sendAll([demo!, demo!, med!]);
    await until(async () => (await storedEvents(p)) === 2);
    await until(async () => (await profileOf(sys.intake.url, p)).profile.eventCount === 2);
    const before = (await profileOf(sys.intake.url, p)).version; // 1 or 2: events of a patient fetched in one batch yield one version
    await sendAll([{ ...med!, data: { ...med!.data, end: '2021-06-01' } }]);
    await until(async () => (await count(`SELECT count(*)::int AS n FROM intake.event_conflicts WHERE event_id = $1`, [med!.eventId])) === 1);
    expect(await storedEvents(p)).toBe(2);
    const stored = await query<{ payload: { data: { end: string } } }>(sys.intake.databaseUrl, `SELECT payload FROM intake.raw_events WHERE event_id = $1`, [med!.eventId]);
    expect(stored[0]!.payload.data.end).toBe('2021-12-01'); // the first content stands
    await expect(query(sys.intake.databaseUrl, `UPDATE intake.raw_events SET payload = '{}' WHERE event_id = $1`, [med!.eventId])).rejects.toThrow('append-only');
    await expect(query(sys.intake.databaseUrl, `DELETE FROM intake.raw_events WHERE event_id = $1`, [med!.eventId])).rejects.toThrow('append-only');
    const conflicts = await as(sys.intake.url, ADMIN).get('/v1/conflicts').expect(200);
    // An admin sees event references (an event id may embed a sender's patient id); the feed its own ids.
    expect(conflicts.body.conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: eventRef(TEST_PSEUDONYM_KEY, med!.eventId), patientPseudonym: p, channel: 'kafka' })]));
    const own = await as(sys.intake.url, feedOf(SOURCE)).get('/v1/conflicts').expect(200);
    expect(own.body.conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: med!.eventId })]));
    expect((await profileOf(sys.intake.url, p)).version).toBe(before); // the duplicate and the conflict changed nothing
  });

  it('applies several events together: one profile version per patient, as of its last event, with an outcome per event', async () => {
    const ingestion = sys.intake.app.get(IngestPatientEvent);
    const ds = sys.intake.app.get<DataSource>(getDataSourceToken());
    const [a, b] = [`MRN-${randomUUID()}`, `MRN-${randomUUID()}`];
    const [ha, hb] = [history(a), history(b)];
    const items = [ha[0]!, hb[0]!, ha[1]!, ha[0]!, { ...hb[0]!, data: { birthDate: '1940-01-01' } }, ha[2]!, hb[1]!].map((event, i) => ({ event: event as PatientEventV1, correlationId: `corr-batch-${i}` }));
    const results = await ds.transaction((m) => ingestion.executeBatch(m, items, 'kafka'));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'duplicate', 'conflict', 'accepted', 'accepted']);
    // The version is reported on (and caused by) each patient's last stored event, and published with its correlation id.
    expect(results.map((r) => r.profileVersion)).toEqual([undefined, undefined, undefined, undefined, undefined, 1, 1]);
    const versions = await query<{ p: string; version: number; caused_by_event: string; n: number }>(
      sys.intake.databaseUrl,
      `SELECT patient_pseudonym AS p, version, caused_by_event, (profile->>'eventCount')::int AS n FROM intake.profile_versions WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym, version`,
      [[pseudonymOf(a), pseudonymOf(b)]],
    );
    expect(versions).toEqual(
      expect.arrayContaining([
        { p: pseudonymOf(a), version: 1, caused_by_event: ha[2]!.eventId, n: 3 },
        { p: pseudonymOf(b), version: 1, caused_by_event: hb[1]!.eventId, n: 2 },
      ]),
    );
    expect(versions).toHaveLength(2);
    const [published] = await tap.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === pseudonymOf(a));
    expect(published!.headers[HEADERS.correlationId]).toBe('corr-batch-5');
    expect(await count(`SELECT count(*)::int AS n FROM intake.event_conflicts WHERE event_id = $1`, [hb[0]!.eventId])).toBe(1);

    // The same patients' next events in two transactions at once: each waits for the other's profile lock, none is lost.
    const next = (h: typeof ha, from: number, to: number) => h.slice(from, to).map((event) => ({ event: event as PatientEventV1, correlationId: 'corr-batch-next' }));
    await Promise.all([
      ds.transaction((m) => ingestion.executeBatch(m, [...next(hb, 2, 5), ...next(ha, 3, 5)], 'kafka')),
      ds.transaction((m) => ingestion.executeBatch(m, [...next(ha, 5, 8), ...next(hb, 5, 8)], 'kafka')),
    ]);
    for (const [mrn, h] of [[a, ha], [b, hb]] as const) {
      const final = await profileOf(sys.intake.url, pseudonymOf(mrn));
      expect(final.version).toBeLessThanOrEqual(3);
      expect(withoutAsOf(final.profile)).toEqual(expectedProfile(h));
    }
  });

  it('re-derives, once, the profiles derived with older settings of the clinical core, and publishes them', async () => {
    const ingestion = sys.intake.app.get(IngestPatientEvent);
    const rederive = sys.intake.app.get(RederiveProfiles);
    const ds = sys.intake.app.get<DataSource>(getDataSourceToken());
    const [a, b, c] = [`MRN-${randomUUID()}`, `MRN-${randomUUID()}`, `MRN-${randomUUID()}`];
    const [ha, hb, hc] = [history(a), history(b), history(c)];
    await ds.transaction((m) => ingestion.executeBatch(m, [...ha, ...hb, ...hc].map((event) => ({ event: event as PatientEventV1, correlationId: 'corr-rederive' })), 'kafka'));
    const current = settingsLabel(DEFAULT_SETTINGS);
    const all = [pseudonymOf(a), pseudonymOf(b), pseudonymOf(c)];
    expect(await count(`SELECT count(*)::int AS n FROM intake.patient_profiles WHERE patient_pseudonym = ANY($1) AND settings = $2 AND settings_version = version`, [all, current])).toBe(3);
    // Patient a's profile as an older clinical core left it: other settings, another hash. Patient c's as an older
    // instance wrote it during a rolling upgrade (a version it did not record settings for).
    await query(sys.intake.databaseUrl, `UPDATE intake.patient_profiles SET settings = 'imwg2016-lot2015-default-v1', profile_hash = 'older' WHERE patient_pseudonym = $1`, [pseudonymOf(a)]);
    await query(sys.intake.databaseUrl, `UPDATE intake.patient_profiles SET settings_version = version - 1, profile_hash = 'older' WHERE patient_pseudonym = $1`, [pseudonymOf(c)]);
    expect((await ingestion.staleProfiles(ds, 1000)).sort()).toEqual([pseudonymOf(a), pseudonymOf(c)].sort());
    expect(await rederive.runAll()).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM intake.profile_versions WHERE patient_pseudonym = $1 AND reason = 'settings'`, [pseudonymOf(c)])).toBe(1);
    const versions = await query<{ p: string; version: number; reason: string; caused_by_event: string; settings: string }>(
      sys.intake.databaseUrl,
      `SELECT patient_pseudonym AS p, version, reason, caused_by_event, profile->>'settings' AS settings FROM intake.profile_versions WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym, version`,
      [all],
    );
    // a: a second version under the current settings, named after its latest event; b untouched.
    expect(versions.filter((v) => v.p === pseudonymOf(a))).toEqual([
      { p: pseudonymOf(a), version: 1, reason: 'events', caused_by_event: ha[7]!.eventId, settings: current },
      { p: pseudonymOf(a), version: 2, reason: 'settings', caused_by_event: ha[7]!.eventId, settings: current },
    ]);
    expect(versions.filter((v) => v.p === pseudonymOf(b)).map((v) => v.reason)).toEqual(['events']);
    const [published] = await tap.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === pseudonymOf(a) && m.json<PatientProfileV1>().profileVersion === 2);
    expect(published!.headers[HEADERS.correlationId]).toMatch(/^settings-/);
    const history2 = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${pseudonymOf(a)}/profiles`).expect(200);
    expect((history2.body as { versions: Array<{ version: number; reason: string }> }).versions.map((v) => [v.version, v.reason])).toEqual([[2, 'settings'], [1, 'events']]);
    // Nothing left: a second pass takes no one.
    expect(await ingestion.staleProfiles(ds, 1000)).toEqual([]);
    expect(await rederive.runAll()).toBe(0);
  });

  it('gives a late, out-of-order event the same final profile as in-order delivery', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const events = history(mrn);
    const late = events[3]!; // the progression that makes VRd a failed line arrives last
    await sendAll([...events.filter((e) => e !== late).reverse(), late]);
    await until(async () => (await storedEvents(p)) === events.length);
    await until(async () => (await profileOf(sys.intake.url, p)).profile.eventCount === events.length);
    expect(withoutAsOf((await profileOf(sys.intake.url, p)).profile)).toEqual(expectedProfile(events));
  });

  it('dead-letters malformed JSON, a schema violation, an unknown type and an implausible event with the reason, while the partition flows', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const [demo, med] = history(mrn);
    const send = (value: string) => produce(prod, TOPICS.patientEvents, mrn, value, {});
    await send(`{"eventId": "${demo!.eventId}-x", "patientId": "${mrn}"`);
    await send(JSON.stringify({ ...demo, eventId: `${demo!.eventId}-schema`, occurredAt: 'last tuesday' }));
    await send(JSON.stringify({ ...demo, eventId: `${demo!.eventId}-type`, type: 'horoscope' }));
    await send(JSON.stringify({ ...med, eventId: `${demo!.eventId}-impossible`, data: { drug: 'VRd', start: '2021-01-10', end: '2020-01-01' } }));
    await send(JSON.stringify(demo));
    await until(async () => (await storedEvents(p)) === 1);
    const dead = await tap.waitFor((m) => m.topic === dlqTopic(TOPICS.patientEvents) && deadLetterText(m).includes(demo!.eventId), 60000, 4);
    const reasons = dead.map((m) => m.headers[DLQ_HEADERS.error]!);
    expect(reasons[0]).toMatch(/not JSON/);
    expect(reasons[1]).toContain('/occurredAt');
    expect(reasons[2]).toContain('/type');
    expect(reasons[3]).toContain('/data/end is before /data/start');
    for (const r of reasons) expect(r).not.toContain(mrn);
    for (const m of dead) expect(`${m.key} ${String(m.value)}`).not.toContain(mrn); // sealed: the original bytes are there for the key holder only
    expect(dead.every((m) => m.headers[DLQ_HEADERS.consumer] === 'intake' && m.headers[DLQ_HEADERS.errorKind] === 'terminal')).toBe(true);
  });

  it('accepts the good events of an HTTP batch and rejects the bad ones with field and reason', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const [demo, med, r1] = history(mrn);
    const res = await as(sys.intake.url, feedOf(SOURCE))
      .post('/v1/events')
      .send([demo, { ...med, data: { drug: 'VRd', start: '2021-01-10', end: '2020-01-01' } }, { ...r1, extra: 1 }, { ...r1, eventId: `${demo!.eventId}-lab`, type: 'lab', data: { code: '718-7', value: 9, unit: 'furlongs' } }, r1])
      .expect(400);
    expect(res.body.counts).toEqual({ accepted: 2, duplicate: 0, conflict: 0, rejected: 3 });
    expect((res.body as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(res.body.results[1].errors).toEqual([{ pointer: '/data/end', message: 'is before /data/start' }]);
    expect(res.body.results[2].errors).toEqual([expect.objectContaining({ pointer: '/extra' })]);
    expect(res.body.results[3].errors).toEqual([expect.objectContaining({ pointer: '/data/unit' })]);
    expect(JSON.stringify(res.body)).not.toContain(mrn);
    expect(await storedEvents(p)).toBe(2);
    // Sent without a correlation id: the request gets one, returned to the caller and carried by the profiles it caused.
    const correlationId = res.headers[HEADERS.correlationId] as string;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const [profile] = await tap.waitFor((m) => m.topic === TOPICS.patientProfiles && m.key === p);
    expect(profile!.headers[HEADERS.correlationId]).toBe(correlationId);
    const again = await as(sys.intake.url, feedOf(SOURCE)).post('/v1/events').send({ events: [demo] }).expect(202);
    expect(again.body.results[0]).toMatchObject({ status: 'duplicate', patientPseudonym: p });
    const conflict = await as(sys.intake.url, feedOf(SOURCE)).post('/v1/events').send([{ ...demo, data: { birthDate: '1960-01-01' } }]).expect(409);
    expect(conflict.body.results[0]).toMatchObject({ status: 'conflict', errors: [expect.objectContaining({ pointer: '/eventId' })] });
  });

  it('maps a FHIR R4 Bundle to events under the source, reporting what it could not map', async () => {
    const id = randomUUID();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id, birthDate: '1955-02-03', gender: 'male' } },
        { resource: { resourceType: 'Observation', id: `${id}-ecog`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '89247-1' }] }, subject: { reference: `Patient/${id}` }, effectiveDateTime: '2025-01-05', valueInteger: 1 } },
        { resource: { resourceType: 'Observation', id: `${id}-hb`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, subject: { reference: `Patient/${id}` }, effectiveDateTime: '2025-01-05', valueQuantity: { value: 11, unit: 'g/dL' } } },
        { resource: { resourceType: 'Encounter', id: `${id}-enc`, status: 'finished' } },
      ],
    };
    await as(sys.intake.url, feedOf('it-fhir-site')).post('/v1/fhir').send(bundle).expect(400); // the source is required
    const res = await as(sys.intake.url, feedOf('it-fhir-site')).post('/v1/fhir').query({ source: 'it-fhir-site' }).send(bundle).expect(202);
    expect(res.body.counts.accepted).toBe(3);
    expect((res.body as { results: Array<{ eventId: string }> }).results.map((r) => r.eventId)).toEqual([`it-fhir-site|Patient/${id}`, `it-fhir-site|Observation/${id}-ecog`, `it-fhir-site|Observation/${id}-hb`]);
    expect(res.body.unmapped).toEqual([expect.objectContaining({ resourceType: 'Encounter' })]);
    const p = pseudonymOf(id, 'it-fhir-site');
    const { profile } = await profileOf(sys.intake.url, p);
    expect(profile).toMatchObject({ ecog: { value: 1 }, demographics: { birthDate: '1955-02-03', sex: 'male' } });
  });

  it('applies FHIR corrections: an amended Observation replaces the value, one entered in error withdraws it; every version stays stored', async () => {
    const id = randomUUID();
    const hbId = `hb-${randomUUID()}`; // not the patient id inside (that would be shown as its reference)
    const source = 'it-fhir-corrections';
    const hb = (status: string, value: number) => ({
      resourceType: 'Observation',
      id: hbId,
      status,
      code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] },
      subject: { reference: `Patient/${id}` },
      effectiveDateTime: '2025-01-05',
      valueQuantity: { value, unit: 'g/dL' },
    });
    const send = async (...resources: object[]) =>
      (await as(sys.intake.url, feedOf(source)).post('/v1/fhir').query({ source }).send({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) }).expect(202)).body as { counts: Record<string, number> };
    await send({ resourceType: 'Patient', id, birthDate: '1955-02-03', gender: 'male' }, hb('final', 7.5));
    const p = pseudonymOf(id, source);
    const current = async () => (await profileOf(sys.intake.url, p)).profile as unknown as { labs: { hemoglobin?: { value: number } }; superseded?: unknown };
    expect((await current()).labs.hemoglobin?.value).toBe(7.5);
    expect((await send(hb('amended', 9.5))).counts).toMatchObject({ accepted: 1, conflict: 0 });
    const amended = await current();
    expect(amended.labs.hemoglobin?.value).toBe(9.5);
    expect(amended.superseded).toEqual([expect.objectContaining({ eventId: `${source}|Observation/${hbId}`, by: `${source}|Observation/${hbId}#amended`, retracted: false })]);
    expect((await send(hb('amended', 9.5))).counts).toMatchObject({ duplicate: 1, conflict: 0 });
    await send(hb('entered-in-error', 9.5));
    expect((await current()).labs.hemoglobin).toBeUndefined();
    const timeline = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/events`).expect(200);
    expect((timeline.body as { events: Array<{ type: string; supersedes?: string }> }).events.map((e) => [e.type, e.supersedes ?? null])).toEqual([
      ['demographics', null],
      ['lab', null],
      ['lab', `${source}|Observation/${hbId}`],
      ['retraction', `${source}|Observation/${hbId}`],
    ]);
  });

  it('never shows a coordinator an event id that embeds the sender\'s patient id (a FHIR Patient resource\'s): its reference instead', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const [demo, med] = history(mrn);
    const revealing = { ...demo!, eventId: `fhir|Patient/${mrn}` };
    // A correction naming a version never stored, whose id embeds the patient id: shown as its reference too.
    const correction = { ...demo!, eventId: `fix-${randomUUID()}`, supersedes: `fhir|Patient/${mrn}/_history/1` };
    await as(sys.intake.url, feedOf(SOURCE)).post('/v1/events').send([revealing, med, correction]).expect(202);
    await until(async () => (await profileOf(sys.intake.url, p)).profile.eventCount === 3);
    const ref = eventRef(TEST_PSEUDONYM_KEY, revealing.eventId);
    for (const path of ['events', 'profile', 'profiles', 'profiles/1']) {
      const body = JSON.stringify((await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/${path}`).expect(200)).body);
      expect([path, body.includes(mrn)]).toEqual([path, false]);
    }
    const timeline = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/events`).expect(200);
    expect((timeline.body as { events: Array<{ eventId: string }> }).events.map((e) => e.eventId).sort()).toEqual([ref, med!.eventId, correction.eventId].sort());
    expect((timeline.body as { events: Array<{ supersedes?: string }> }).events.map((e) => e.supersedes).filter(Boolean)).toEqual([eventRef(TEST_PSEUDONYM_KEY, correction.supersedes)]);
  });

  it('serves the timeline, profile history and (with a purpose) the identity, auditing every read', async () => {
    const mrn = `MRN-${randomUUID()}`;
    const p = pseudonymOf(mrn);
    const events = history(mrn).slice(0, 3);
    await as(sys.intake.url, feedOf(SOURCE)).post('/v1/events').send(events).expect(202);
    const timeline = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/events`).expect(200);
    expect((timeline.body as { events: Array<{ eventId: string }> }).events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(timeline.body.events[0]).toMatchObject({ source: SOURCE, type: 'demographics', receivedAt: expect.any(String) });
    expect(JSON.stringify(timeline.body)).not.toContain(`"${mrn}"`);
    const versions = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/profiles`).expect(200);
    expect((versions.body as { versions: Array<{ version: number }> }).versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.body.versions[2].causedByEvent).toBe(events[0]!.eventId);
    const first = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/profiles/1`).expect(200);
    expect(first.body.profile.linesOfTherapy.count).toBe(0);
    await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/identity`).expect(400);
    const identity = await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${p}/identity`).query({ purpose: 'contact for screening' }).expect(200);
    expect(identity.body).toEqual({ patientPseudonym: p, source: SOURCE, patientId: mrn });
    await as(sys.intake.url, NETWORK_COORDINATOR).get(`/v1/patients/${pseudonymOf('nobody')}/profile`).expect(404);
    const audit = await query<{ actor: string; role: string; action: string; purpose: string | null }>(sys.intake.databaseUrl, `SELECT actor, role, action, purpose FROM security.audit_log WHERE patient_pseudonym = $1 ORDER BY seq`, [p]);
    const who = { actor: NETWORK_COORDINATOR.sub, role: 'coordinator' };
    expect(audit).toEqual([
      { ...who, action: 'read-timeline', purpose: null },
      { ...who, action: 'read-profile-history', purpose: null },
      { ...who, action: 'read-profile-version', purpose: null },
      { ...who, action: 'read-identity', purpose: 'contact for screening' },
    ]);
    const conflicts = await as(sys.intake.url, ADMIN).get('/v1/conflicts').expect(200);
    expect(JSON.stringify(conflicts.body)).not.toContain(mrn);
    const metrics = await request(sys.intake.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/intake_events_total\{channel="http",outcome="accepted"[^}]*\} [1-9]/);
    expect(metrics.text).toMatch(/intake_profile_recompute_seconds_count(\{[^}]*\})? [1-9]/);
    // HTTP timings by route pattern: the pseudonym in the path never becomes a label.
    const timed = (route: string, status: string): boolean =>
      metrics.text.split('\n').some((l) => l.startsWith('trialmatch_http_request_seconds_count{') && l.includes(`route="${route}"`) && l.includes(`status="${status}"`) && l.includes('method="GET"') && / [1-9]\d*$/.test(l));
    expect(timed('/v1/patients/:pseudonym/profiles', '200')).toBe(true);
    expect(timed('/v1/patients/:pseudonym/profile', '404')).toBe(true);
    expect(metrics.text).toContain('# TYPE trialmatch_message_handling_seconds histogram');
    expect(metrics.text).not.toContain(p);
    await until(async () => /trialmatch_consumer_lag\{[^}]*topic="patient-events\.v1"[^}]*\} \d+/.test((await request(sys.intake.url).get('/metrics')).text), 10000);
  });

  it('backfills NDJSON with `mmmatch ingest`, resuming after an interruption, counting and listing rejects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    const patients = Array.from({ length: 3 }, () => `MRN-${randomUUID()}`);
    const events = patients.flatMap(history);
    const lines = events.map((e) => JSON.stringify(e));
    lines.splice(5, 0, '{"eventId": broken');
    lines.splice(9, 0, JSON.stringify({ ...events[1], eventId: randomUUID(), data: { drug: 'VRd', start: '2021-01-10', end: '2020-01-01' } }));
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const o = { url: sys.intake.url, batchSize: 4, restart: false, progress: null, fetch: authorizedFetch(mintToken({ ...feedOf(SOURCE), sites: [SOURCE, 'it-bulk-site'] })) };

    const first = await ingest([file], { ...o, stopAfterBatches: 2 });
    expect(first.files[0]).toMatchObject({ complete: false, lines: 9 }); // two batches of four events; line 6 is not JSON
    const second = await ingest([file], o);
    expect(second.files[0]).toMatchObject({ complete: true, resumedFromLine: 9, lines: lines.length });
    expect(second.totals).toEqual({ accepted: events.length, duplicate: 0, conflict: 0, rejected: 2, unmapped: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM intake.raw_events WHERE event_id = ANY($1)`, [events.map((e) => e.eventId)])).toBe(events.length);
    const rejects = readFileSync(`${file}.rejected.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; errors: Array<{ pointer: string }> });
    expect(rejects.map((r) => [r.line, r.errors[0]!.pointer])).toEqual([[6, ''], [10, '/data/end']]);
    expect(readFileSync(`${file}.rejected.ndjson`, 'utf8')).not.toContain(patients[0]!);
    const again = await ingest([file], o); // already complete: nothing resent
    expect(again.files[0]).toMatchObject({ complete: true, resumedFromLine: lines.length });
    const restarted = await ingest([file], { ...o, restart: true }); // from the top: intake answers duplicates
    expect(restarted.totals).toMatchObject({ accepted: 0, duplicate: events.length, rejected: 2 });

    const id = randomUUID();
    const fhir = join(dir, 'Observation.ndjson');
    writeFileSync(
      fhir,
      [
        { resourceType: 'Patient', id, birthDate: '1950-01-01', gender: 'female' },
        { resourceType: 'Observation', id: `${id}-ecog`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '89247-1' }] }, subject: { reference: `Patient/${id}` }, effectiveDateTime: '2025-01-05', valueInteger: 2 },
        { resourceType: 'Observation', id: `${id}-none`, status: 'final', code: { text: 'mood' }, subject: { reference: `Patient/${id}` }, effectiveDateTime: '2025-01-05', valueString: 'fine' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await expect(ingest([fhir], o)).rejects.toThrow('--source SITE is required');
    const bulk = await ingest([fhir], { ...o, source: 'it-bulk-site' });
    expect(bulk.totals).toMatchObject({ accepted: 2, rejected: 0, unmapped: 1 });
    expect((await profileOf(sys.intake.url, pseudonymOf(id, 'it-bulk-site'))).profile).toMatchObject({ ecog: { value: 2 } });
    expect(existsSync(`${fhir}.ingest-state.json`)).toBe(true);
  });

  it('loses nothing when restarted mid-stream', async () => {
    const patients = Array.from({ length: 10 }, () => `MRN-${randomUUID()}`);
    const all = patients.flatMap(history);
    const stored = () => count(`SELECT count(*)::int AS n FROM intake.raw_events WHERE event_id = ANY($1)`, [all.map((e) => e.eventId)]);
    const stream = sendAll(all);
    await until(async () => (await stored()) >= 10);
    await sys.intake.stop(); // stops consuming; whatever is in flight is redelivered to the next instance
    await stream;
    const next = await startInstance(sys, 'intake');
    await until(async () => (await stored()) === all.length, 90000);
    for (const mrn of patients) {
      const events = history(mrn);
      await until(async () => (await profileOf(next.url, pseudonymOf(mrn))).profile.eventCount === events.length);
      expect(withoutAsOf((await profileOf(next.url, pseudonymOf(mrn))).profile)).toEqual(expectedProfile(events));
    }
  });
});
