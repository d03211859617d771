import { execFile } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { dlqTopic, TOPICS, CONSUMED_TOPICS } from '@trialmatch/contracts';
import { pseudonymize } from '@trialmatch/core';
import { createDatabase, dropDatabase, kafka, produce, producer, query, realInfra, runId } from './support/infra';
import { CONSUMES, pinGroupsAtEnd, serviceEnv, TEST_PSEUDONYM_KEY, type ServiceName } from './support/services';
import { ADMIN, as, coordinatorOf } from './support/auth';
import { ServiceProcess } from './support/processes';

/**
 * Seeds a patient's MRN, name and birth date through every way in (HTTP native events, a FHIR Bundle,
 * the Kafka topic, poison messages, a rejected HTTP event), runs the whole flow with the three services
 * as processes logging at debug level, then reads every topic with an independent client (kcat) and every
 * log line and looks for the identifiers. The hospitals' inbound topic itself is not scanned: the feeds
 * write the sender's identifiers there (that is what intake pseudonymizes); its dead letters are.
 */
const run = promisify(execFile);

const SITE = `priv-site-${runId()}`;
const MRN = `MRN-PRIV-${randomUUID().slice(0, 8)}`;
const FAMILY = `Quintavalle${randomInt(1e6)}`;
const GIVEN = `Zebediah${randomInt(1e6)}`;
const BIRTH = `19${randomInt(30, 46)}-0${randomInt(1, 9)}-${randomInt(10, 28)}`;
// The day the patient turns 100: a trial's age minimum makes it the eligible-from date, which would tell the birth date.
const HUNDREDTH = `${Number(BIRTH.slice(0, 4)) + 100}${BIRTH.slice(4)}`;
const IDENTIFIERS = [MRN, FAMILY, GIVEN, BIRTH, HUNDREDTH];

const TRIAL = {
  trialId: 'NCT09996001',
  status: 'RECRUITING',
  title: 'Privacy scan trial',
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age 18 years or older', rule: { fact: 'age', min: 18 } },
    { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG 0-2', rule: { fact: 'ecog', max: 2 } },
  ],
};

const AGE_TRIAL = {
  trialId: 'NCT09996002',
  status: 'RECRUITING',
  title: 'Privacy scan trial with an age minimum the patient has not reached',
  criteria: [{ id: 'inc-age', kind: 'inclusion', text: 'Age 100 years or older', rule: { fact: 'age', min: 100 } }],
};

const until = async (probe: () => Promise<boolean>, timeoutMs = 60000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe('privacy: no MRN, name or birth date in any topic or log line', () => {
  const infra = realInfra();
  const prefix = `priv-${runId()}-`;
  const dbs: Record<ServiceName, string> = { intake: `${prefix}intake`.replace(/-/g, '_'), matcher: `${prefix}matcher`.replace(/-/g, '_'), notifier: `${prefix}notifier`.replace(/-/g, '_') };
  const procs: Partial<Record<ServiceName, ServiceProcess>> = {};
  const urls: Partial<Record<ServiceName, string>> = {};
  const databaseUrls: Partial<Record<ServiceName, string>> = {};
  const startedAt = Date.now();

  beforeAll(async () => {
    for (const s of ['intake', 'matcher', 'notifier'] as const) {
      databaseUrls[s] = await createDatabase(infra.databaseUrl, dbs[s]);
      await pinGroupsAtEnd([{ groupId: `${prefix}${s}`, topic: CONSUMES[s] }]);
      procs[s] = new ServiceProcess(s, serviceEnv(databaseUrls[s], prefix, { LOG_LEVEL: 'debug' }));
    }
    await Promise.all((['intake', 'matcher', 'notifier'] as const).map(async (s) => (urls[s] = await procs[s]!.start())));
  });

  afterAll(async () => {
    await Promise.all(Object.values(procs).map((p) => p?.stop()));
    for (const s of ['intake', 'matcher', 'notifier'] as const) await dropDatabase(infra.databaseUrl, dbs[s]).catch(() => undefined);
  });

  it('runs the flow with identifiers seeded everywhere, then finds none of them on any topic or in any log', async () => {
    const feed = (await as(urls.intake!, ADMIN).post('/v1/api-keys').send({ name: 'privacy feed', role: 'feed', sites: [SITE] }).expect(201)).body as { key: string };
    await as(urls.matcher!, ADMIN).post('/v1/trials').send(TRIAL).expect(201);
    await as(urls.matcher!, ADMIN).post('/v1/trials').send(AGE_TRIAL).expect(201);
    const event = (type: string, occurredAt: string, data: object, patientId = MRN) => ({ eventId: randomUUID(), patientId, source: SITE, type, occurredAt, data });
    // HTTP native events (and a rejected one that names the patient in a field we do not know)
    await as(urls.intake!, feed.key).post('/v1/events').send([event('demographics', '2024-01-02', { birthDate: BIRTH, sex: 'female' }), event('performance-status', '2024-02-01', { ecog: 1 })]).expect(202);
    const rejected = await as(urls.intake!, feed.key).post('/v1/patient-events').send({ ...event('performance-status', '2024-02-02', { ecog: 1 }), patientName: `${GIVEN} ${FAMILY}` }).expect(400);
    for (const id of IDENTIFIERS) expect(JSON.stringify(rejected.body)).not.toContain(id);
    // A FHIR Bundle with the name, birth date and MRN on the Patient
    const fhirId = `${MRN}-fhir`;
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: fhirId, identifier: [{ system: 'urn:mrn', value: MRN }], name: [{ family: FAMILY, given: [GIVEN] }], birthDate: BIRTH, gender: 'female' } },
        { resource: { resourceType: 'Observation', id: `${fhirId}-ecog`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '89247-1' }] }, subject: { reference: `Patient/${fhirId}` }, effectiveDateTime: '2025-01-05', valueInteger: 1 } },
      ],
    };
    await as(urls.intake!, feed.key).post(`/v1/fhir?source=${SITE}`).send(bundle).expect(202);
    // The Kafka feed, keyed by MRN as hospitals do, with poison: broken JSON, a schema violation, an implausible event
    const prod = await producer(kafka(infra.brokers));
    try {
      await produce(prod, TOPICS.patientEvents, MRN, JSON.stringify(event('lab', '2024-03-01', { code: '718-7', value: 11, unit: 'g/dL' })), {});
      await produce(prod, TOPICS.patientEvents, MRN, `{"eventId": "x", "patientId": "${MRN}", "name": "${GIVEN} ${FAMILY}", "birthDate": "${BIRTH}"`, {});
      await produce(prod, TOPICS.patientEvents, MRN, JSON.stringify({ ...event('demographics', 'not a date', { birthDate: BIRTH }), name: FAMILY }), {});
      await produce(prod, TOPICS.patientEvents, MRN, JSON.stringify(event('medication', '2021-01-10', { drug: 'VRd', start: '2021-01-10', end: '2020-01-01' })), {});
    } finally {
      await prod.disconnect();
    }
    // A person reads the patient, including the identity (the answer carries the MRN; no log line may)
    const p = pseudonymize(TEST_PSEUDONYM_KEY, SITE, MRN);
    const coordinator = coordinatorOf(SITE);
    await until(async () => (await query(databaseUrls.notifier!, `SELECT 1 FROM notifier.notifications WHERE patient_pseudonym = $1`, [p])).length > 0);
    await until(async () => (await query(databaseUrls.intake!, `SELECT 1 FROM intake.raw_events WHERE patient_pseudonym = $1 AND type = 'lab'`, [p])).length > 0);
    await as(urls.intake!, coordinator).get(`/v1/patients/${p}/profile`).expect(200);
    const identity = await as(urls.intake!, coordinator).get(`/v1/patients/${p}/identity`).query({ purpose: 'call the patient about a trial' }).expect(200);
    expect(identity.body.patientId).toBe(MRN);
    // The age trial's eligible-from day is the 100th birthday: the matcher's (audited) API tells it, the topics only its month.
    await until(async () => (await query(databaseUrls.notifier!, `SELECT 1 FROM notifier.notifications WHERE patient_pseudonym = $1 AND trial_id = $2`, [p, AGE_TRIAL.trialId])).length > 0);
    const trials = (await as(urls.matcher!, coordinator).get(`/v1/patients/${p}/trials`).expect(200)).body as unknown;
    expect(JSON.stringify(trials)).toContain(`"eligibleFrom":"${HUNDREDTH}"`);
    const [announced] = await query<{ eligible_from: string | null; eligible_from_month: string }>(databaseUrls.notifier!, `SELECT eligible_from, eligible_from_month FROM notifier.notifications WHERE patient_pseudonym = $1 AND trial_id = $2`, [p, AGE_TRIAL.trialId]);
    expect(announced).toEqual({ eligible_from: null, eligible_from_month: HUNDREDTH.slice(0, 7) });
    await as(urls.notifier!, coordinator).get('/v1/notifications').expect(200);
    // every dead letter has arrived (three poison messages)
    const dlq = dlqTopic(TOPICS.patientEvents);
    await until(async () => (await kcat(dlq)).split('\n').filter((l) => l.includes('x-dlq-consumer=intake')).length >= 3);

    // Every topic but the hospitals' inbound one, from this test's start, with an independent client
    const topics = [...Object.values(TOPICS).filter((t) => t !== TOPICS.patientEvents), ...CONSUMED_TOPICS.map(dlqTopic)];
    const found: string[] = [];
    let scanned = 0;
    for (const topic of topics) {
      const text = await kcat(topic);
      scanned += text.length;
      for (const id of IDENTIFIERS) if (text.includes(id)) found.push(`${topic}: ${id}`);
    }
    expect(scanned).toBeGreaterThan(1000); // profiles, results, notifications and dead letters were there to scan
    for (const s of ['intake', 'matcher', 'notifier'] as const) {
      const log = procs[s]!.log;
      expect(log.length).toBeGreaterThan(0);
      for (const id of IDENTIFIERS) if (log.includes(id)) found.push(`${s} log: ${id} in «${log.slice(Math.max(0, log.indexOf(id) - 200), log.indexOf(id) + 50)}»`);
    }
    expect(found).toEqual([]);
  });

  /** A topic's messages since the test started: key, headers and value per line. */
  async function kcat(topic: string): Promise<string> {
    const { stdout } = await run('kcat', ['-C', '-b', infra.brokers.join(','), '-t', topic, '-o', `s@${startedAt}`, '-e', '-q', '-f', '%k %h %s\n'], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  }
});
