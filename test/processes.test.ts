import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createDatabase, dropDatabase, query, realInfra, runId } from './support/infra';
import { serviceEnv } from './support/services';
import { ServiceProcess } from './support/processes';

const ROOT = join(__dirname, '..');
const node = (entry: string, env: NodeJS.ProcessEnv, args: string[] = []): ChildProcess =>
  spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function collect(child: ChildProcess): { out: () => string; exit: Promise<number | null> } {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return { out: () => text, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe('service processes', () => {
  it.each([
    ['apps/intake/src/main.ts', { HTTP_PORT: 'x', DATABASE_URL: 'mysql://u:topsecret@h/db' }, ['HTTP_PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'PSEUDONYM_KEY']],
    ['apps/matcher/src/main.ts', { KAFKA_BROKERS: 'b:9092', MESSAGE_MAX_ATTEMPTS: '0' }, ['DATABASE_URL', 'MESSAGE_MAX_ATTEMPTS']],
    ['apps/notifier/src/main.ts', { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'b:9092', LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
  ])('%s refuses to start on bad configuration, naming each variable', async (entry, env, names) => {
    const run = collect(node(entry, env));
    expect(await run.exit).toBe(1);
    for (const n of names) expect(run.out()).toContain(n);
    expect(run.out()).not.toContain('topsecret');
  });

  it('`npx mmmatch profile` prints a profile, and exits 2 naming the location of bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialmatch-cli-'));
    try {
      const good = join(dir, 'events.ndjson');
      const bad = join(dir, 'bad.json');
      writeFileSync(
        good,
        [
          { eventId: 'a', patientId: 'P1', source: 'h', type: 'medication', occurredAt: '2020-01-01', data: { drug: 'DRd', start: '2020-01-01', end: '2021-01-01' } },
          { eventId: 'b', patientId: 'P1', source: 'h', type: 'response-assessment', occurredAt: '2020-12-20', data: { category: 'PD' } },
        ]
          .map((e) => JSON.stringify(e))
          .join('\n'),
      );
      writeFileSync(bad, JSON.stringify([{ eventId: 'a', patientId: 'P1', source: 'h', type: 'lab', occurredAt: '2020-01-01', data: { code: '718-7', value: 'high' } }]));
      const ok = spawn('npx', ['mmmatch', 'profile', good, '--as-of', '2021-06-01'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      ok.stdout.on('data', (d: Buffer) => (out += d.toString()));
      expect(await new Promise((r) => ok.on('exit', r))).toBe(0);
      const profile = JSON.parse(out) as { linesOfTherapy: { count: number }; classes: { ANTI_CD38: { refractory: boolean } } };
      expect(profile.linesOfTherapy.count).toBe(1);
      expect(profile.classes.ANTI_CD38.refractory).toBe(true);
      const failing = collect(spawn('npx', ['mmmatch', 'profile', bad], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
      expect(await failing.exit).toBe(2);
      expect(failing.out()).toContain('event [0]: /data/value must be number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`npm start` (embedded mode) prints its URL, serves health and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trialmatch-start-'));
    // Exactly the node command of package.json's start script (its options reach the matcher's profile worker too).
    const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
    expect(start[0]).toBe('node');
    const child = spawn(process.execPath, start.slice(1), {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HTTP_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = collect(child);
    try {
      const deadline = Date.now() + 60000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        url = /API:\s+(http:\/\/\S+)\/v1/.exec(run.out())?.[1];
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(url).toBeDefined();
      const health = await request(url!).get('/health/ready').expect(200);
      expect(health.body.status).toBe('ok');
      const docs = await request(url!).get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/patient-events', '/v1/trials', '/v1/notifications', '/health/ready']));
      // The matcher's profile worker runs under these options: the demo patients' profiles are held there.
      let held = 0;
      while (held === 0 && Date.now() < deadline) {
        held = Number(/^matcher_profile_cache_entries(?:\{[^}]*\})? (\d+)/m.exec((await request(url!).get('/metrics')).text)?.[1] ?? 0);
        if (held === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(held).toBeGreaterThan(0);
      expect(run.out()).not.toMatch(/profile worker/);
      child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('`main.js migrate` applies the migrations once (two runs at once apply each once), and the service then starts without migrating', async () => {
    const infra = realInfra();
    const name = `migrate_${runId()}`;
    const url = await createDatabase(infra.databaseUrl, name);
    const service = new ServiceProcess('matcher', serviceEnv(url, `migrate-${runId()}-`, { DATABASE_MIGRATE_ON_START: 'false' }));
    try {
      const runs = [1, 2].map(() => collect(node('apps/matcher/src/main.ts', { DATABASE_URL: url }, ['migrate'])));
      expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0]);
      const outputs = runs.map((r) => r.out());
      // One of the two waited for the other's lock and found the schema current.
      expect(outputs.filter((o) => /matcher: applied \d+ migration\(s\): Messaging1764400000000/.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => o.includes('matcher: database schema is current'))).toHaveLength(1);
      const applied = await query<{ name: string }>(url, `SELECT name FROM migrations ORDER BY id`);
      expect(new Set(applied.map((r) => r.name)).size).toBe(applied.length);
      expect(applied.map((r) => r.name)).toContain('QuietResults1764400015000');
      await service.start();
      await request(service.url).get('/health/ready').expect(200);
    } finally {
      await service.stop();
      await dropDatabase(infra.databaseUrl, name);
    }
  });
});
