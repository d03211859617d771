import request from 'supertest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DLQ_HEADERS, dlqTopic, HEADERS, TOPICS, type MatchNotificationV1 } from '@trialmatch/contracts';
import { pseudonymize } from '@trialmatch/core';
import { startEmbedded, type EmbeddedSystem } from '../apps/embedded/src/bootstrap';
import { embeddedEnvSchema } from '../apps/embedded/src/config';
import { loadConfig } from '@trialmatch/platform';
import { as } from './support/auth';

const KEY = 'embedded-test-key-0123456789';

describe('embedded mode: one process, PGlite, in-process transport', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trialmatch-embedded-'));
  const env = loadConfig(embeddedEnvSchema, { HTTP_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error', PSEUDONYM_KEY: KEY });
  let sys: EmbeddedSystem;

  const tokens: Record<string, string> = {};
  let feedKey = '';
  beforeAll(async () => {
    sys = await startEmbedded(env);
    for (const username of ['coordinator', 'coordinator-north', 'sponsor-janssen', 'admin']) {
      tokens[username] = ((await request(sys.url).post('/v1/auth/demo-login').send({ username, password: 'demo' }).expect(200)).body as { token: string }).token;
    }
    // A hospital feed is a machine: the demo admin gives it an API key for its facility.
    feedKey = ((await as(sys.url, tokens.admin!).post('/v1/api-keys').send({ name: 'demo feed', role: 'feed', sites: ['demo-hospital'] }).expect(201)).body as { key: string }).key;
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const waitFor = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const notificationsOf = async (p: string) => (await as(sys.url, tokens.coordinator!).get('/v1/notifications').query({ patient: p }).expect(200)).body as MatchNotificationV1[];

  it('serves health with the database and the in-process transport', async () => {
    const res = await request(sys.url).get('/health/ready').expect(200);
    expect(res.body.info).toEqual({ database: { status: 'up' }, messaging: { status: 'up', transport: 'in-process' } });
  });

  it('loads the trial catalog and the demo patients, and screens them', async () => {
    const trial = await as(sys.url, tokens.coordinator!).get('/v1/trials/NCT04557098').expect(200);
    expect(trial.body).toMatchObject({ trialId: 'NCT04557098', version: 1, cohorts: [expect.objectContaining({ id: 'A' }), expect.objectContaining({ id: 'C' })] });
    // DEMO-0001 is triple-class exposed after three lines and progressing: eligible for MajesTEC-1.
    const demo = pseudonymize(KEY, 'demo-hospital', 'DEMO-0001');
    const notes = await waitFor(async () => {
      const n = await notificationsOf(demo);
      return n.some((x) => x.trialId === 'NCT04557098' && x.kind === 'NEW_ELIGIBLE') ? n : undefined;
    });
    expect(notes.length).toBeGreaterThan(1);
    const matches = await as(sys.url, tokens.coordinator!).get(`/v1/patients/${demo}/matches`).expect(200);
    expect((matches.body as Array<{ trialId: string; verdict: string }>).find((m) => m.trialId === 'NCT04557098')?.verdict).toBe('ELIGIBLE');
  });

  it('ships a demo login whose users see what their role and sites allow', async () => {
    await request(sys.url).post('/v1/auth/demo-login').send({ username: 'admin', password: 'wrong' }).expect(401);
    await request(sys.url).get('/v1/trials').expect(401);
    const demo = pseudonymize(KEY, 'demo-hospital', 'DEMO-0001');
    await as(sys.url, tokens['coordinator-north']!).get(`/v1/patients/${demo}/matches`).expect(404);
    await as(sys.url, tokens['sponsor-janssen']!).get(`/v1/patients/${demo}/matches`).expect(403);
    const counts = await as(sys.url, tokens['sponsor-janssen']!).get('/v1/trials/NCT04557098/candidate-counts').expect(200);
    expect(JSON.stringify(counts.body)).not.toContain('pt_');
    await as(sys.url, tokens['sponsor-janssen']!).get('/v1/trials/NCT04484623').expect(404); // another sponsor's trial
    const audit = (await as(sys.url, tokens.admin!).get('/v1/audit').query({ patient: demo }).expect(200)).body as Array<{ actor: string; action: string }>;
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'demo:coordinator', action: 'read-matches' })]));
    expect((await as(sys.url, tokens.admin!).get('/v1/audit/verify').expect(200)).body).toMatchObject({ valid: true });
  });

  it('runs the flow from HTTP events to notifications, published in-process', async () => {
    const patientId = `MRN-${randomUUID()}`;
    const p = pseudonymize(KEY, 'demo-hospital', patientId);
    const post = (type: string, occurredAt: string, data: object) =>
      as(sys.url, feedKey).post('/v1/patient-events').send({ eventId: randomUUID(), patientId, source: 'demo-hospital', type, occurredAt, data }).expect(202);
    await as(sys.url, feedKey).post('/v1/patient-events').send({ eventId: randomUUID(), patientId, source: 'north-clinic', type: 'demographics', occurredAt: '2023-01-01', data: { birthDate: '1961-01-01', sex: 'female' } }).expect(403);
    await post('demographics', '2023-01-01', { birthDate: '1961-01-01', sex: 'female' });
    // One prior line, progressing: potentially eligible for the earlier-line trials, with data to collect.
    await post('medication', '2023-02-01', { drug: 'DRd', start: '2023-02-01', end: '2025-01-01' });
    const notes = await waitFor(async () => {
      const n = await notificationsOf(p);
      return n.length > 0 ? n : undefined;
    });
    expect(notes.every((n) => ['NEW_POTENTIAL', 'NEW_ELIGIBLE', 'ELIGIBLE_FROM'].includes(n.kind))).toBe(true);
    // Stored first, then published by the outbox relay: wait for them on the (in-process) topic.
    const published = await waitFor(async () => {
      const m = sys.broker.messages(TOPICS.matchNotifications).filter((x) => x.key === p);
      return m.length >= notes.length ? m : undefined;
    });
    expect(published.map((m) => (JSON.parse(String(m.value)) as MatchNotificationV1).patientPseudonym)).toEqual(published.map(() => p));
  });

  it('dead-letters a poison message with its reason and keeps flowing', async () => {
    await sys.broker.publish([{ topic: TOPICS.matchResults, key: 'k', value: '{"nope": true}', headers: { [HEADERS.eventId]: 'poison-1' } }]);
    const [dead] = sys.broker.messages(dlqTopic(TOPICS.matchResults)).filter((m) => m.headers[HEADERS.eventId] === 'poison-1');
    expect(dead?.headers[DLQ_HEADERS.consumer]).toBe('notifier');
    expect(dead?.headers[DLQ_HEADERS.error]).toContain('/resultId');
    await request(sys.url).get('/health/ready').expect(200);
  });

  it('keeps its data across a restart and does not load the seed twice', async () => {
    await sys.stop();
    sys = await startEmbedded(env);
    // So do dead letters (kept in DATA_DIR/dead-letters.jsonl).
    expect(sys.broker.messages(dlqTopic(TOPICS.matchResults)).map((m) => m.headers[HEADERS.eventId])).toContain('poison-1');
    // Tokens outlive a restart (the demo signing key is kept in DATA_DIR).
    const trial = await as(sys.url, tokens.coordinator!).get('/v1/trials/NCT04484623').expect(200);
    expect(trial.body.version).toBe(1);
    const demo = pseudonymize(KEY, 'demo-hospital', 'DEMO-0003');
    const profile = await as(sys.url, tokens.coordinator!).get(`/v1/patients/${demo}/profile`).expect(200);
    expect(profile.body.version).toBe(4);
  });
});

describe('embedded mode: the seed follows the catalog files across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trialmatch-embedded-seed-'));
  const seedDir = mkdtempSync(join(tmpdir(), 'trialmatch-embedded-catalog-'));
  const env = loadConfig(embeddedEnvSchema, { HTTP_PORT: '0', DATA_DIR: dataDir, SEED_DIR: seedDir, LOG_LEVEL: 'error', PSEUDONYM_KEY: KEY });
  const file = join(seedDir, 'trials', 'NCT04557098.json');
  const catalog = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'trials', 'NCT04557098.json'), 'utf8')) as { title: string };
  let sys: EmbeddedSystem | undefined;
  const latest = async (s: EmbeddedSystem, token: string) => (await as(s.url, token).get('/v1/trials/NCT04557098').expect(200)).body as { version: number; title: string; status: string };
  const login = async (s: EmbeddedSystem) => ((await request(s.url).post('/v1/auth/demo-login').send({ username: 'admin', password: 'demo' }).expect(200)).body as { token: string }).token;

  beforeAll(() => {
    mkdirSync(join(seedDir, 'trials'));
    writeFileSync(file, JSON.stringify(catalog));
  });
  afterAll(async () => {
    await sys?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  });

  it("publishes a changed catalog file as a new version, and never over a version published since the seed's", async () => {
    sys = await startEmbedded(env);
    let token = await login(sys);
    expect(await latest(sys, token)).toMatchObject({ version: 1, title: catalog.title });

    // A data directory seeded before the seed kept its record: the same document is not published again.
    await sys.stop();
    rmSync(join(dataDir, 'catalog-seed.json'));
    sys = await startEmbedded(env);
    token = await login(sys);
    expect((await latest(sys, token)).version).toBe(1);

    // The file changes (a catalog update): the next start publishes it as version 2.
    await sys.stop();
    writeFileSync(file, JSON.stringify({ ...catalog, title: `${catalog.title} (amended)` }));
    sys = await startEmbedded(env);
    token = await login(sys);
    expect(await latest(sys, token)).toMatchObject({ version: 2, title: `${catalog.title} (amended)` });

    // Unchanged file: nothing published again.
    await sys.stop();
    sys = await startEmbedded(env);
    token = await login(sys);
    expect((await latest(sys, token)).version).toBe(2);

    // An admin publishes a version (a status change); a later catalog change does not overwrite it.
    await as(sys.url, token).put('/v1/trials/NCT04557098/status').send({ status: 'ACTIVE_NOT_RECRUITING' }).expect(200);
    await sys.stop();
    writeFileSync(file, JSON.stringify({ ...catalog, title: `${catalog.title} (amended twice)` }));
    sys = await startEmbedded(env);
    token = await login(sys);
    expect(await latest(sys, token)).toMatchObject({ version: 3, title: `${catalog.title} (amended)`, status: 'ACTIVE_NOT_RECRUITING' });
  });
});
