/**
 * `npm run fuzz`: schemathesis (PyPI) against each service's OpenAPI document, once per role, with real
 * credentials: 0 server errors and 0 responses that contradict the documented schema, or the run fails.
 *
 *   npm run infra:up && . .data/infra/env && npm run fuzz            (FUZZ_EXAMPLES=25 by default)
 *
 * Starts intake, matcher and notifier in this process against the real PostgreSQL and Kafka (fresh
 * databases, as the integration tests do), seeds a trial and a patient, makes a token per person role and
 * an API key per feed, installs schemathesis into .data/venv when missing, and writes schemathesis'
 * JSON reports under bench/results/fuzz/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ADMIN, as, mintToken, sponsorOf, type Who } from '../../test/support/auth';
import { startSystem, type RunningSystem } from '../../test/support/services';

const ROOT = join(__dirname, '..', '..');
const VENV = join(ROOT, '.data', 'venv');
const SCHEMATHESIS = join(VENV, 'bin', 'schemathesis');
const SCHEMATHESIS_VERSION = '4.32.5';
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '25';
const REPORTS = join(ROOT, 'bench', 'results', 'fuzz');
const SITE = 'fuzz-site';

function ensureSchemathesis(): void {
  if (existsSync(SCHEMATHESIS)) return;
  console.log(`installing schemathesis ${SCHEMATHESIS_VERSION} into .data/venv`);
  execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(join(VENV, 'bin', 'pip'), ['install', '-q', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: 'inherit' });
}

function schemathesis(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(SCHEMATHESIS, args, { stdio: 'inherit', env: { ...process.env, SCHEMATHESIS_HOOKS: '' } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  ensureSchemathesis();
  mkdirSync(REPORTS, { recursive: true });
  const sys: RunningSystem = await startSystem({ LOG_LEVEL: 'fatal' });
  const failures: string[] = [];
  try {
    const feedKeys: Record<string, string> = {};
    for (const s of ['intake', 'matcher', 'notifier'] as const) {
      feedKeys[s] = ((await as(sys[s].url, ADMIN).post('/v1/api-keys').send({ name: 'fuzz feed', role: 'feed', sites: [SITE] }).expect(201)).body as { key: string }).key;
    }
    await as(sys.matcher.url, sponsorOf('Fuzz Pharma'))
      .post('/v1/trials')
      .send({ trialId: 'NCT09997001', status: 'RECRUITING', title: 'Fuzz trial', criteria: [{ id: 'inc-age', kind: 'inclusion', text: 'Age 18 or older', rule: { fact: 'age', min: 18 } }] })
      .expect(201);
    await as(sys.intake.url, feedKeys.intake!)
      .post('/v1/events')
      .send([{ eventId: randomUUID(), patientId: 'FUZZ-1', source: SITE, type: 'demographics', occurredAt: '2024-01-01', data: { birthDate: '1960-01-01', sex: 'male' } }])
      .expect(202);
    const people: Record<string, Who> = { admin: ADMIN, sponsor: sponsorOf('Fuzz Pharma'), coordinator: { sub: 'fuzz:coordinator', role: 'coordinator', sites: [SITE] } };
    for (const service of ['intake', 'matcher', 'notifier'] as const) {
      const credentials: Record<string, string> = { ...Object.fromEntries(Object.entries(people).map(([role, who]) => [role, mintToken(who)])), feed: feedKeys[service]! };
      for (const [role, credential] of Object.entries(credentials)) {
        console.log(`\n== ${service} as ${role}`);
        const code = await schemathesis([
          'run',
          `${sys[service].url}/docs-json`,
          '--url',
          sys[service].url,
          '--header',
          `Authorization: Bearer ${credential}`,
          '--checks',
          'not_a_server_error,response_schema_conformance',
          '--max-examples',
          EXAMPLES,
          '--phases',
          'examples,coverage,fuzzing',
          '--suppress-health-check',
          'all',
          '--exclude-path-regex',
          '^/(metrics|docs)',
          // one worker: schemathesis' own threads have tripped over each other here (Python runtime errors)
          '--workers',
          '1',
          '--seed',
          '42',
          '--no-color',
          '--report',
          'json',
          '--report-json-path',
          join(REPORTS, `${service}-${role}.json`),
        ]);
        if (code !== 0) failures.push(`${service} as ${role}`);
      }
    }
  } finally {
    await sys.stop();
  }
  console.log(failures.length === 0 ? '\nfuzz: no server errors, no schema violations' : `\nfuzz: failures in ${failures.join(', ')} (reports in bench/results/fuzz/)`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
