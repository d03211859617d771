import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { pseudonymize } from '@trialmatch/core';
import { query } from './support/infra';
import { startInstance, startSystem, TEST_PSEUDONYM_KEY, type RunningSystem } from './support/services';
import { runSecurity } from '../apps/cli/src/mmmatch';
import { ADMIN, as, coordinatorOf, foreignKey, mintToken, sponsorOf, type Who } from './support/auth';

/**
 * Every endpoint × every kind of caller, against the three real services (Kafka, PostgreSQL): who may
 * call what, for which objects, and what a cross-tenant call answers (404 without revealing existence,
 * or 403 for what the caller itself names). Every read of patient data is checked against the audit log.
 */
const SITE_A = 'sec-site-a';
const SITE_B = 'sec-site-b';
const ORG_A = 'Sponsor A Pharma';
const ORG_B = 'Sponsor B Biotech';
const TRIAL = {
  trialId: 'NCT09995001',
  status: 'RECRUITING',
  title: 'Authorization matrix trial',
  sponsor: ORG_A,
  cohorts: [{ id: 'A', name: 'Cohort A', criteria: [{ id: 'a-ecog', kind: 'inclusion', text: 'ECOG 0-2', rule: { fact: 'ecog', max: 2 } }] }],
  criteria: [{ id: 'inc-age', kind: 'inclusion', text: 'Age 18 years or older', rule: { fact: 'age', min: 18 } }],
};

type Caller = 'anonymous' | 'feed A' | 'feed B' | 'sponsor A' | 'sponsor B' | 'coordinator A' | 'coordinator B' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'feed A', 'feed B', 'sponsor A', 'sponsor B', 'coordinator A', 'coordinator B', 'admin'];
const PEOPLE: Partial<Record<Caller, Who>> = {
  'sponsor A': sponsorOf(ORG_A),
  'sponsor B': sponsorOf(ORG_B),
  'coordinator A': coordinatorOf(SITE_A),
  'coordinator B': coordinatorOf(SITE_B),
  admin: ADMIN,
};

type Service = 'intake' | 'matcher' | 'notifier';
interface Row {
  service: Service;
  method: 'get' | 'post' | 'put' | 'delete';
  path: () => string;
  body?: () => unknown;
  /** Expected status per caller; callers not named get `otherwise`. */
  expect: Partial<Record<Caller, number>>;
  otherwise: number;
  /** A read (or write) of patient P_A's data: an audit row per successful call. */
  audited?: string;
}

const until = async (probe: () => Promise<boolean>, timeoutMs = 30000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** The secret part of `tmk_<id>_<secret>` (the secret, base64url, may itself hold underscores). */
const secretOf = (key: string): string => key.slice('tmk_'.length + 16 + 1);

describe('security: authentication, the authorization matrix, the audit trail', () => {
  let sys: RunningSystem;
  /** Feeds are machines: an API key per service, made by the admin through the API. */
  const feedKeys: Record<'feed A' | 'feed B', Partial<Record<Service, string>>> = { 'feed A': {}, 'feed B': {} };
  const mrn = `MRN-${randomUUID()}`;
  const pA = pseudonymize(TEST_PSEUDONYM_KEY, SITE_A, mrn);
  let runId = '';
  let webhookId = '';

  const credential = (caller: Caller, service: Service): Who | string | null =>
    caller === 'anonymous' ? null : caller === 'feed A' || caller === 'feed B' ? feedKeys[caller][service]! : PEOPLE[caller]!;
  const url = (s: Service) => sys[s].url;

  beforeAll(async () => {
    sys = await startSystem();
    for (const service of ['intake', 'matcher', 'notifier'] as const) {
      for (const [caller, site] of [['feed A', SITE_A], ['feed B', SITE_B]] as const) {
        const res = await as(url(service), ADMIN).post('/v1/api-keys').send({ name: `${caller} ${service}`, role: 'feed', sites: [site] }).expect(201);
        feedKeys[caller][service] = (res.body as { key: string }).key;
      }
    }
    const published = await as(url('matcher'), sponsorOf(ORG_A)).post('/v1/trials').send(TRIAL).expect(201);
    runId = (published.body as { rescreen: { id: string } }).rescreen.id;
    const events = [
      { eventId: randomUUID(), patientId: mrn, source: SITE_A, type: 'demographics', occurredAt: '2024-01-02', data: { birthDate: '1958-03-04', sex: 'female' } },
      { eventId: randomUUID(), patientId: mrn, source: SITE_A, type: 'performance-status', occurredAt: '2024-02-01', data: { ecog: 1 } },
    ];
    await as(url('intake'), feedKeys['feed A'].intake!).post('/v1/events').send(events).expect(202);
    await until(async () => (await query(sys.notifier.databaseUrl, `SELECT 1 FROM notifier.screenings WHERE patient_pseudonym = $1`, [pA])).length > 0);
    webhookId = ((await as(url('notifier'), ADMIN).post('/v1/webhooks').send({ url: 'http://127.0.0.1:9/hook', site: SITE_A }).expect(201)).body as { id: string }).id;
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const event = () => ({ eventId: randomUUID(), patientId: mrn, source: SITE_A, type: 'performance-status', occurredAt: '2024-03-01', data: { ecog: 1 } });
  const onlyFeedA = { 'feed A': 202, anonymous: 401 } as const;
  const coordinatorRead = (audited: string, service: Service, path: () => string): Row => ({ service, method: 'get', path, expect: { anonymous: 401, 'coordinator A': 200, 'coordinator B': 404 }, otherwise: 403, audited });
  const adminOnly = (service: Service, method: Row['method'], path: () => string, ok: number, body?: () => unknown): Row => ({ service, method, path, body, expect: { anonymous: 401, admin: ok }, otherwise: 403 });

  const MATRIX: Row[] = [
    // intake
    { service: 'intake', method: 'post', path: () => '/v1/patient-events', body: event, expect: onlyFeedA, otherwise: 403 },
    { service: 'intake', method: 'post', path: () => '/v1/events', body: () => [event()], expect: onlyFeedA, otherwise: 403 },
    { service: 'intake', method: 'post', path: () => `/v1/fhir?source=${SITE_A}`, body: () => ({ resourceType: 'Bundle', type: 'collection', entry: [] }), expect: onlyFeedA, otherwise: 403 },
    coordinatorRead('read-profile', 'intake', () => `/v1/patients/${pA}/profile`),
    coordinatorRead('read-profile-history', 'intake', () => `/v1/patients/${pA}/profiles`),
    coordinatorRead('read-profile-version', 'intake', () => `/v1/patients/${pA}/profiles/1`),
    coordinatorRead('read-timeline', 'intake', () => `/v1/patients/${pA}/events`),
    coordinatorRead('read-identity', 'intake', () => `/v1/patients/${pA}/identity?purpose=screening%20call`),
    { service: 'intake', method: 'get', path: () => '/v1/conflicts', expect: { anonymous: 401, 'feed A': 200, 'feed B': 200, admin: 200 }, otherwise: 403 },
    // matcher
    { service: 'matcher', method: 'post', path: () => '/v1/trials', body: () => TRIAL, expect: { anonymous: 401, 'sponsor A': 201, admin: 201 }, otherwise: 403 },
    { service: 'matcher', method: 'post', path: () => '/v1/trials/validate', body: () => TRIAL, expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 200, admin: 200 }, otherwise: 403 },
    { service: 'matcher', method: 'post', path: () => '/v1/trials/dry-run', body: () => TRIAL, expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 200, admin: 200 }, otherwise: 403 },
    { service: 'matcher', method: 'get', path: () => '/v1/patients', expect: { anonymous: 401, 'coordinator A': 200, 'coordinator B': 200 }, otherwise: 403 },
    { service: 'matcher', method: 'post', path: () => '/v1/trials/import-ctgov', body: () => ({}), expect: { anonymous: 401, 'sponsor A': 400, 'sponsor B': 400, admin: 400 }, otherwise: 403 },
    { service: 'matcher', method: 'get', path: () => '/v1/trials', expect: { anonymous: 401, 'feed A': 403, 'feed B': 403 }, otherwise: 200 },
    { service: 'matcher', method: 'get', path: () => `/v1/trials/${TRIAL.trialId}`, expect: { anonymous: 401, 'feed A': 403, 'feed B': 403, 'sponsor B': 404 }, otherwise: 200 },
    { service: 'matcher', method: 'get', path: () => `/v1/trials/${TRIAL.trialId}/versions/1`, expect: { anonymous: 401, 'feed A': 403, 'feed B': 403, 'sponsor B': 404 }, otherwise: 200 },
    { service: 'matcher', method: 'put', path: () => `/v1/trials/${TRIAL.trialId}/status`, body: () => ({ status: 'RECRUITING' }), expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 404, admin: 200 }, otherwise: 403 },
    { service: 'matcher', method: 'put', path: () => `/v1/trials/${TRIAL.trialId}/cohorts/A/status`, body: () => ({ status: 'RECRUITING' }), expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 404, admin: 200 }, otherwise: 403 },
    { service: 'matcher', method: 'get', path: () => '/v1/rescreens', expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 200, admin: 200 }, otherwise: 403 },
    { service: 'matcher', method: 'get', path: () => `/v1/rescreens/${runId}`, expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 404, admin: 200 }, otherwise: 403 },
    adminOnly('matcher', 'post', () => '/v1/rescreens', 201),
    coordinatorRead('read-matches', 'matcher', () => `/v1/patients/${pA}/trials`),
    coordinatorRead('read-matches', 'matcher', () => `/v1/patients/${pA}/matches`),
    { service: 'matcher', method: 'get', path: () => `/v1/trials/${TRIAL.trialId}/candidates?verdict=ELIGIBLE,POTENTIALLY_ELIGIBLE,INELIGIBLE`, expect: { anonymous: 401, 'coordinator A': 200, 'coordinator B': 200 }, otherwise: 403 },
    { service: 'matcher', method: 'get', path: () => `/v1/trials/${TRIAL.trialId}/candidate-counts`, expect: { anonymous: 401, 'feed A': 403, 'feed B': 403, 'sponsor B': 404 }, otherwise: 200 },
    { service: 'matcher', method: 'post', path: () => '/v1/screen', body: () => ({ events: [{ eventId: 'x', type: 'performance-status', occurredAt: '2024-01-01', data: { ecog: 1 } }] }), expect: { anonymous: 401, 'sponsor A': 200, 'sponsor B': 200, 'coordinator A': 200, 'coordinator B': 200 }, otherwise: 403 },
    // notifier
    { service: 'notifier', method: 'get', path: () => '/v1/notifications', expect: { anonymous: 401, 'coordinator A': 200, 'coordinator B': 200 }, otherwise: 403 },
    coordinatorRead('read-digest', 'notifier', () => `/v1/digests/${SITE_A}`),
    { service: 'notifier', method: 'get', path: () => '/v1/screenings', expect: { anonymous: 401, 'coordinator A': 200, 'coordinator B': 200 }, otherwise: 403 },
    coordinatorRead('read-screening', 'notifier', () => `/v1/screenings/${pA}/${TRIAL.trialId}?cohort=A`),
    { service: 'notifier', method: 'post', path: () => `/v1/screenings/${pA}/${TRIAL.trialId}/transitions`, body: () => ({ to: 'reviewing', cohortId: 'A' }), expect: { anonymous: 401, 'coordinator A': 201, 'coordinator B': 404 }, otherwise: 403, audited: 'screening-reviewing' },
    adminOnly('notifier', 'get', () => '/v1/webhooks', 200),
    adminOnly('notifier', 'post', () => '/v1/webhooks', 201, () => ({ url: 'http://127.0.0.1:9/other', site: SITE_B })),
    adminOnly('notifier', 'get', () => `/v1/webhooks/${webhookId}/deliveries`, 200),
    adminOnly('notifier', 'post', () => `/v1/webhooks/deliveries/999999999/redeliver`, 404),
    // every service: keys and the audit log
    ...(['intake', 'matcher', 'notifier'] as const).flatMap((s) => [
      adminOnly(s, 'get', () => '/v1/api-keys', 200),
      adminOnly(s, 'post', () => '/v1/api-keys', 201, () => ({ name: 'matrix', role: 'coordinator', sites: [SITE_A] })),
      adminOnly(s, 'post', () => '/v1/api-keys/0000000000000000/rotate', 404),
      adminOnly(s, 'get', () => '/v1/audit', 200),
      adminOnly(s, 'get', () => '/v1/audit/verify', 200),
    ]),
    adminOnly('notifier', 'delete', () => `/v1/webhooks/${webhookId}`, 204),
  ];

  const auditCount = async (service: Service, who: Who | undefined, action: string): Promise<number> =>
    who ? Number((await query<{ n: string }>(sys[service].databaseUrl, `SELECT count(*) AS n FROM security.audit_log WHERE patient_pseudonym = $1 AND actor = $2 AND action = $3`, [pA, who.sub, action]))[0]!.n) : 0;

  it('answers every endpoint for every caller as the matrix says, auditing each patient-data access', async () => {
    const wrong: string[] = [];
    for (const row of MATRIX) {
      for (const caller of CALLERS) {
        const expected = row.expect[caller] ?? row.otherwise;
        const who = PEOPLE[caller];
        const before = row.audited ? await auditCount(row.service, who, row.audited) : 0;
        let req = as(url(row.service), credential(caller, row.service))[row.method](row.path());
        if (row.body) req = req.send(row.body() as object);
        const res = await req;
        const label = `${row.method.toUpperCase()} ${row.service} ${row.path()} as ${caller}`;
        if (res.status !== expected) wrong.push(`${label}: ${res.status}, expected ${expected} (${JSON.stringify(res.body).slice(0, 200)})`);
        if (res.status >= 500 || JSON.stringify(res.body).includes('    at ')) wrong.push(`${label}: server error or stack trace`);
        if (row.audited) {
          const after = await auditCount(row.service, who, row.audited);
          if (res.status < 300 && after !== before + 1) wrong.push(`${label}: ${after - before} audit rows, expected 1`);
          if (res.status >= 300 && after !== before) wrong.push(`${label}: audited a refused call`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('scopes lists to the caller: coordinators see their sites only, sponsors aggregate counts only', async () => {
    const candidates = async (who: Who) =>
      ((await as(url('matcher'), who).get(`/v1/trials/${TRIAL.trialId}/candidates`).query({ verdict: 'ELIGIBLE,POTENTIALLY_ELIGIBLE,INELIGIBLE' }).expect(200)).body as { candidates: Array<{ patientPseudonym: string }> }).candidates.map((c) => c.patientPseudonym);
    expect(await candidates(PEOPLE['coordinator A']!)).toContain(pA);
    expect(await candidates(PEOPLE['coordinator B']!)).not.toContain(pA);
    // asking for another site's patients is not a way around the scope
    const forced = await as(url('matcher'), PEOPLE['coordinator B']!).get(`/v1/trials/${TRIAL.trialId}/candidates`).query({ site: SITE_A, verdict: 'ELIGIBLE,POTENTIALLY_ELIGIBLE,INELIGIBLE' }).expect(200);
    expect(forced.body.candidates).toEqual([]);
    const patients = async (who: Who, site?: string) => ((await as(url('matcher'), who).get('/v1/patients').query(site ? { site } : {}).expect(200)).body as Array<{ patientPseudonym: string; bestVerdict: string }>).map((p) => p.patientPseudonym);
    expect(await patients(PEOPLE['coordinator A']!)).toContain(pA);
    expect(await patients(PEOPLE['coordinator B']!, SITE_A)).not.toContain(pA);
    const dry = (await as(url('matcher'), PEOPLE['sponsor B']!).post('/v1/trials/dry-run').send({ ...TRIAL, trialId: 'NCT09995002' }).expect(200)).body as { valid: boolean; screened: number };
    expect(dry.valid).toBe(true);
    expect(dry.screened).toBeGreaterThan(0);
    expect(JSON.stringify(dry)).not.toContain('pt_');
    const notes = async (who: Who, site?: string) => ((await as(url('notifier'), who).get('/v1/notifications').query(site ? { site } : {}).expect(200)).body as Array<{ patientPseudonym: string }>).map((n) => n.patientPseudonym);
    expect(await notes(PEOPLE['coordinator A']!)).toContain(pA);
    expect(await notes(PEOPLE['coordinator B']!, SITE_A)).not.toContain(pA);
    const screenings = ((await as(url('notifier'), PEOPLE['coordinator B']!).get('/v1/screenings').expect(200)).body as Array<{ patientPseudonym: string }>).map((s) => s.patientPseudonym);
    expect(screenings).not.toContain(pA);
    // one patient: below the small-cell threshold, so the sponsor sees a suppressed cell, not a 1
    const counts = (await as(url('matcher'), PEOPLE['sponsor A']!).get(`/v1/trials/${TRIAL.trialId}/candidate-counts`).expect(200)).body as { cohorts: Array<{ verdicts: Record<string, { count: number | null; suppressed: boolean }>; total: { count: number | null } }> };
    expect(JSON.stringify(counts)).not.toContain(pA);
    const cells = Object.values(counts.cohorts[0]!.verdicts);
    expect(cells.filter((c) => c.suppressed)).toHaveLength(1);
    expect(cells.every((c) => c.suppressed || c.count === 0)).toBe(true);
    expect(counts.cohorts[0]!.total.count).toBeNull();
    const trials = (await as(url('matcher'), PEOPLE['sponsor B']!).get('/v1/trials').expect(200)).body as Array<{ trialId: string }>;
    expect(trials.map((t) => t.trialId)).not.toContain(TRIAL.trialId);
  });

  it('refuses forged, expired, foreign and malformed credentials, and revoked keys; a rotated key keeps working for the grace period', async () => {
    const who = PEOPLE['coordinator A']!;
    const path = `/v1/patients/${pA}/profile`;
    for (const token of [
      mintToken(who, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      mintToken(who, { iss: 'https://someone-else.invalid' }),
      mintToken(who, { aud: 'another-audience' }),
      mintToken(who, {}, foreignKey),
      mintToken(who, { role: 'superuser' }),
      'not-a-token',
      'tmk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const res = await as(url('intake'), token).get(path).expect(401);
      expect(JSON.stringify(res.body)).not.toContain(pA);
    }
    const created = (await as(url('intake'), ADMIN).post('/v1/api-keys').send({ name: 'rotating feed', role: 'feed', sites: [SITE_A] }).expect(201)).body as { id: string; key: string };
    await as(url('intake'), created.key).post('/v1/patient-events').send(event()).expect(202);
    const rotated = (await as(url('intake'), ADMIN).post(`/v1/api-keys/${created.id}/rotate`).expect(200)).body as { key: string; previousValidUntil: string };
    expect(rotated.key).not.toBe(created.key);
    expect(Date.parse(rotated.previousValidUntil)).toBeGreaterThan(Date.now());
    await as(url('intake'), created.key).post('/v1/patient-events').send(event()).expect(202); // old secret, within the grace period
    await as(url('intake'), rotated.key).post('/v1/patient-events').send(event()).expect(202);
    const listed = (await as(url('intake'), ADMIN).get('/v1/api-keys').expect(200)).body as Array<Record<string, unknown>>;
    expect(JSON.stringify(listed)).not.toContain(secretOf(rotated.key));
    await as(url('intake'), ADMIN).delete(`/v1/api-keys/${created.id}`).expect(204);
    await as(url('intake'), rotated.key).post('/v1/patient-events').send(event()).expect(401);
    const [stored] = await query<{ secret_hash: Buffer }>(sys.intake.databaseUrl, `SELECT secret_hash FROM security.api_keys WHERE id = $1`, [created.id]);
    expect(stored!.secret_hash.toString('utf8')).not.toContain(secretOf(rotated.key));
  });

  it('keeps the audit log append-only and detects a tampered row; `mmmatch keys create` and `mmmatch audit verify` work on a service database', async () => {
    const db = sys.intake.databaseUrl;
    expect((await as(url('intake'), ADMIN).get('/v1/audit/verify').expect(200)).body).toMatchObject({ valid: true, firstInvalid: null });
    const [{ rows }] = [(await as(url('intake'), ADMIN).get('/v1/audit/verify').expect(200)).body as { rows: number }];
    expect(rows).toBeGreaterThan(3);
    // the application cannot change or remove a row
    await expect(query(db, `UPDATE security.audit_log SET actor = 'someone-else' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(query(db, `DELETE FROM security.audit_log WHERE seq = 2`)).rejects.toThrow(/append-only/);
    // a superuser who bypasses the trigger still cannot hide it
    await query(db, `BEGIN; SET LOCAL session_replication_role = replica; UPDATE security.audit_log SET purpose = 'nothing to see' WHERE seq = 2; COMMIT`);
    const broken = (await as(url('intake'), ADMIN).get('/v1/audit/verify').expect(200)).body as { valid: boolean; firstInvalid: { seq: number; reason: string } };
    expect(broken).toMatchObject({ valid: false, firstInvalid: { seq: 2, reason: 'row content does not match its hash' } });
    await expect(runSecurity(['audit', 'verify', '--database-url', db])).rejects.toMatchObject({ exitCode: 1 });
    expect(JSON.parse(await runSecurity(['audit', 'verify', '--database-url', sys.matcher.databaseUrl]))).toMatchObject({ valid: true });
    const created = JSON.parse(await runSecurity(['keys', 'create', '--role', 'feed', '--name', 'cli feed', '--site', SITE_A, '--database-url', db])) as { key: string; role: string };
    expect(created.role).toBe('feed');
    await as(url('intake'), created.key).post('/v1/patient-events').send(event()).expect(202);
    await expect(runSecurity(['keys', 'create', '--role', 'feed', '--name', 'two sites', '--site', SITE_A, '--site', SITE_B, '--database-url', db])).rejects.toThrow(/exactly one facility/);
  });

  it('hardens HTTP: unknown fields rejected with their pointer, bounded bodies, security headers, no stack traces, rate limits', async () => {
    const unknown = await as(url('matcher'), ADMIN).put(`/v1/trials/${TRIAL.trialId}/status`).send({ status: 'RECRUITING', extra: true }).expect(400);
    expect(unknown.body.errors).toEqual([{ pointer: '/extra', message: 'is not a known field' }]);
    const malformed = await as(url('intake'), feedKeys['feed A'].intake!).post('/v1/events').set('content-type', 'application/json').send('{"eventId": ').expect(400);
    expect(JSON.stringify(malformed.body)).not.toMatch(/ at |node_modules/);
    const huge = await as(url('intake'), feedKeys['feed A'].intake!).post('/v1/events').send({ events: [{ ...event(), data: { ecog: 1, pad: 'x'.repeat(6 * 1024 * 1024) } }] });
    expect(huge.status).toBe(413);
    const health = await request(url('intake')).get('/health/live').expect(200);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-powered-by']).toBeUndefined();
    // rate limits per client address, before authentication; health is not limited
    const limited = await startInstance(sys, 'intake', { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await as(limited.url, null).get('/v1/conflicts')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      for (let i = 0; i < 5; i++) await request(limited.url).get('/health/live').expect(200);
    } finally {
      await limited.stop();
    }
  });
});
