/**
 * `npm run bench:matcher`: the matcher service on the real Kafka broker and PostgreSQL server.
 *   (a) Re-screen: BENCH_PROFILES (100,000) stored profiles against one newly published trial, end to
 *       end: from `POST /v1/trials` until the run is finished and every changed result is on
 *       match-results.v1 (read profiles, evaluate, write results and history, publish through the
 *       outbox). Then the same trial amended in its title only (every result unchanged: read and
 *       evaluate, nothing written but the versions the results rest on). Baseline, in the same process
 *       on the same database: reading every profile page by page and screening it in memory, nothing
 *       written (the floor any re-screen pays); the ratio is re-screen time / baseline time.
 *   (b) Latency: changed profiles of stored patients produced to patient-profiles.v1 at a steady
 *       BENCH_RATE (500/s) for BENCH_SECONDS (60: long enough for the service's periodic pauses to show), each with its own x-correlation-id; latency =
 *       when it was due (sent every BENCH_DRIVER_TICK_MS, 10, with the others due by then) → the first match-results.v1 message carrying it is consumed. Sending and
 *       reading are done by a load driver in a process of its own (scripts/bench/latency-driver.ts),
 *       so the matcher's event loop is the service's alone.
 *       Each change (a new hemoglobin result and ECOG) changes at least one result of the patient.
 *       Also by the second each change was sent in (p50/p99 per second: whether the service keeps up or
 *       a queue builds, and when a pause such as a full garbage collection of the service's heap lands).
 * Prints tables and writes bench/results/matcher-<timestamp>.json; asserts nothing.
 *
 * Needs DATABASE_URL and KAFKA_BROKERS (`npm run infra:up && . .data/infra/env && npm run bench:matcher`).
 * The matcher runs in this process as in the integration tests (test/support/services.ts: a fresh
 * database, dropped at the end; its own consumer group; LOG_LEVEL=error), with the real catalog from
 * data/trials but one trial held back for (a). Profiles are synthetic (scripts/bench/support.ts,
 * BENCH_DISTINCT different histories over BENCH_PROFILES pseudonyms), stored directly in the matcher's
 * table, spread over the six partitions and five sites; the patients of phase (b) get their results for
 * the catalog first, from a full re-screen while only they are stored (not reported).
 * Overrides: BENCH_TRIAL (the NCT id held back), BENCH_PAGE_SIZE (MATCHER_RESCREEN_PAGE_SIZE),
 * BENCH_MATCHER_<NAME> for any other matcher setting; BENCH_CPU_PROFILE=FILE writes V8 CPU profiles of
 * this process during the new-trial re-screen and the latency phase (FILE-rescreen.cpuprofile,
 * FILE-latency.cpuprofile). Before each measured phase the heap is collected in full (see settleHeap). About 10 to 15 minutes with the defaults on this 2-core machine, most of it
 * the preparatory re-screen and (a).
 */
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ProfileCache } from '../../apps/matcher/src/application/profile-cache';
import type { DriverReport, DriverTask } from './latency-driver';
import { ADMIN, as } from '../../test/support/auth';
import { type PatientProfileV1, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { buildProfile, compileTrial, evaluationState, screenTrial, type PatientProfile, type ProfileSourceEvent } from '@trialmatch/core';
import { query } from '../../test/support/infra';
import { startSystem, type RunningSystem } from '../../test/support/services';
import { cpuWindow, DRIVER_MAX_WAIT_MS, DRIVER_TICK_MS, int, mainThreadWindow, percentile, profiled, requireInfra, round, seeded, syntheticHistory, type CpuUse, type MainThreadUse } from './support';

const SETTINGS = {
  profiles: int('BENCH_PROFILES', 100_000),
  distinct: int('BENCH_DISTINCT', 5_000),
  rate: int('BENCH_RATE', 500),
  seconds: int('BENCH_SECONDS', 60),
  pageSize: int('BENCH_PAGE_SIZE', 2000),
  trial: process.env.BENCH_TRIAL ?? 'NCT04557098',
  driverTickMs: DRIVER_TICK_MS,
  driverMaxWaitMs: DRIVER_MAX_WAIT_MS,
};
const OVERRIDES: Record<string, string> = Object.fromEntries(
  Object.entries(process.env)
    .filter(([name, value]) => name.startsWith('BENCH_MATCHER_') && value !== undefined)
    .map(([name, value]) => [name.slice('BENCH_MATCHER_'.length), value!]),
);
const PARTITIONS = 6;
const DAY = 86_400_000;
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const pseudonymOf = (i: number): string => `pt_bench${String(i).padStart(12, '0')}`;
const seconds = (ms: number): number => round(ms / 1000, 2);

const TRIALS_DIR = join(__dirname, '../../data/trials');
const catalog = readdirSync(TRIALS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(TRIALS_DIR, f), 'utf8')) as TrialCriteriaV1);

/**
 * A full garbage collection before each measured phase (node runs with --expose-gc): the service runs in this process,
 * and without it the collection owed to the phase before (parsing a gigabyte of profiles for the cache or the baseline)
 * lands in the next one. Each phase still pays for the collections its own allocations cause.
 */
const settleHeap = (): void => (globalThis as { gc?: () => void }).gc?.();

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether every outbox row is published (cheap: the partial index of unpublished rows). */
const outboxDrained = (sys: RunningSystem) => async (): Promise<boolean> =>
  (await query<{ pending: boolean }>(sys.matcher.databaseUrl, `SELECT EXISTS (SELECT 1 FROM messaging.outbox WHERE published_at IS NULL) AS pending`))[0]!.pending === false;

/** Publishes a trial and waits for its re-screen to finish and the outbox to drain; returns the run with timings. */
async function publishAndWait(sys: RunningSystem, doc: Omit<TrialCriteriaV1, 'version'>): Promise<{ ms: number; rescreenMs: number; run: { id: string; done: number; changed: number } }> {
  const started = performance.now();
  const res = await as(sys.matcher.url, ADMIN).post('/v1/trials').send(doc).expect(201);
  const id = (res.body as { rescreen: { id: string } }).rescreen.id;
  let run = { id, done: 0, changed: 0, status: 'running' };
  await until(
    async () => {
      run = (await as(sys.matcher.url, ADMIN).get(`/v1/rescreens/${id}`).expect(200)).body as typeof run;
      return run.status !== 'running';
    },
    30 * 60_000,
    `re-screen ${id}`,
  );
  const rescreenMs = performance.now() - started;
  await until(outboxDrained(sys), 30 * 60_000, 'the outbox to drain');
  return { ms: performance.now() - started, rescreenMs, run };
}

/** Stores profiles `from` ≤ n < `to` (profile n is distinct history n mod BENCH_DISTINCT) in the matcher's table, in chunks. */
async function storeProfiles(sys: RunningSystem, texts: readonly string[], from: number, to: number): Promise<void> {
  const chunk = 2000;
  for (let i = from; i < to; i += chunk) {
    const ns = Array.from({ length: Math.min(chunk, to - i) }, (_, j) => i + j);
    await query(
      sys.matcher.databaseUrl,
      `INSERT INTO matcher.profiles (patient_pseudonym, profile_version, profile, site, partition) SELECT p, 1, j, s, k FROM unnest($1::text[], $2::text[], $3::int[], $4::json[]) AS x(p, s, k, j)`,
      [ns.map(pseudonymOf), ns.map((n) => `site-${n % 5}`), ns.map((n) => n % PARTITIONS), ns.map((n) => texts[n % texts.length]!)],
    );
  }
}

/** The baseline: read every stored profile in pages as the re-screen does, and screen it against the trial in memory; nothing written. */
async function readAndScreen(sys: RunningSystem, doc: TrialCriteriaV1): Promise<{ ms: number; verdicts: number }> {
  const trial = compileTrial(doc);
  const day = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  let verdicts = 0;
  for (let partition = 0; partition < PARTITIONS; partition++) {
    let cursor = '';
    for (;;) {
      const rows = await query<{ patient_pseudonym: string; profile: PatientProfile }>(
        sys.matcher.databaseUrl,
        `SELECT patient_pseudonym, profile FROM matcher.profiles WHERE partition = $1 AND patient_pseudonym > $2 ORDER BY patient_pseudonym LIMIT $3`,
        [partition, cursor, SETTINGS.pageSize],
      );
      for (const r of rows) verdicts += screenTrial(trial, evaluationState(r.profile, day)).cohorts.length || 1;
      if (rows.length < SETTINGS.pageSize) break;
      cursor = rows.at(-1)!.patient_pseudonym;
    }
  }
  return { ms: performance.now() - started, verdicts };
}

interface LatencyResult {
  offeredRate: number;
  sent: number;
  answered: number;
  achievedRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  resultsPerProfile: number;
  cpuCores: CpuUse | null;
  /** The same latencies by the second their message was sent in (does the service keep up, or does a queue build?). */
  bySecond: Array<{ second: number; answered: number; p50Ms: number; p99Ms: number; maxMs: number }>;
  mainThread: MainThreadUse;
  note?: string;
}

/** Latencies grouped by the second of the run their message was sent in. */
function bySendSecond(latencies: readonly number[], sentOffsets: readonly number[]): LatencyResult['bySecond'] {
  const groups = new Map<number, number[]>();
  latencies.forEach((l, i) => {
    const second = Math.floor(sentOffsets[i]! / 1000);
    const group = groups.get(second);
    if (group) group.push(l);
    else groups.set(second, [l]);
  });
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([second, ls]) => {
      const sorted = [...ls].sort((a, b) => a - b);
      return { second, answered: sorted.length, p50Ms: round(percentile(sorted, 50), 0), p99Ms: round(percentile(sorted, 99), 0), maxMs: round(sorted.at(-1)!, 0) };
    });
}

/**
 * (b): changed profiles at a steady rate, sent and answered by the load driver (a process of its own,
 * scripts/bench/latency-driver.ts); latency to the first result carrying each correlation id.
 */
async function latency(sys: RunningSystem, histories: readonly ProfileSourceEvent[][], brokers: string[]): Promise<LatencyResult> {
  const count = SETTINGS.rate * SETTINGS.seconds;
  // Stored patients, each once, with a new hemoglobin below and an ECOG above most trials' limits: a change a coordinator sees.
  const file = join(tmpdir(), `bench-matcher-latency-${process.pid}.jsonl`);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    // The service shares this event loop: let it breathe (its consumers' heartbeats) while the messages are built.
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
    const ev: ProfileSourceEvent[] = [
      ...histories[i % histories.length]!,
      { eventId: `late-hb-${i}`, type: 'lab', occurredAt: daysAgo(1), data: { code: '718-7', value: 6.5, unit: 'g/dL' } },
      { eventId: `late-ecog-${i}`, type: 'performance-status', occurredAt: daysAgo(1), data: { ecog: 4 } },
    ];
    const value: PatientProfileV1 = { patientPseudonym: pseudonymOf(i), site: `site-${i % 5}`, profileVersion: 2, computedAt: new Date().toISOString(), profile: JSON.parse(JSON.stringify(buildProfile(ev))) as PatientProfileV1['profile'] };
    lines.push(JSON.stringify({ key: value.patientPseudonym, value: JSON.stringify(value), correlationId: `bench-${i}`, eventId: `${value.patientPseudonym}.profile.2` }));
  }
  writeFileSync(file, lines.join('\n'));
  lines.length = 0;
  settleHeap(); // what the preparation above (and the phases before) left to collect is not this phase's
  const driver = fork(join(__dirname, 'latency-driver.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'], stdio: 'inherit' });
  const cpu = cpuWindow(sys.matcher.databaseUrl.split('/').pop()!);
  const main = mainThreadWindow();
  try {
    const report = await new Promise<DriverReport>((resolve, reject) => {
      driver.once('message', (m) => resolve(m as DriverReport));
      driver.once('exit', (code) => reject(new Error(`the latency driver exited with ${code}`)));
      driver.send({ brokers, groupId: `${sys.groupPrefix}bench-latency`, file, rate: SETTINGS.rate, tickMs: SETTINGS.driverTickMs, answerTimeoutMs: 5 * 60_000 } satisfies DriverTask);
    });
    const cpuCores = cpu.stop();
    const mainThread = main.stop();
    const bySecond = bySendSecond(report.latencies, report.sentOffsets);
    const lat = [...report.latencies].sort((a, b) => a - b);
    if (lat.length < count) console.warn(`${lat.length} of ${count} answered`);
    return {
      offeredRate: SETTINGS.rate,
      sent: count,
      answered: lat.length,
      achievedRate: round(lat.length / report.spanSeconds, 0),
      p50Ms: round(percentile(lat, 50), 0),
      p95Ms: round(percentile(lat, 95), 0),
      p99Ms: round(percentile(lat, 99), 0),
      maxMs: round(lat.at(-1) ?? NaN, 0),
      resultsPerProfile: round(report.resultMessages / Math.max(1, lat.length), 1),
      cpuCores: cpuCores && { ...cpuCores, machine: round(cpuCores.machine, 2) },
      bySecond,
      mainThread,
      ...(report.sendSeconds > SETTINGS.seconds * 1.1 ? { note: `sending took ${round(report.sendSeconds, 1)} s instead of ${SETTINGS.seconds}` } : {}),
    };
  } finally {
    driver.kill();
    rmSync(file, { force: true });
  }
}

async function main(): Promise<void> {
  const infra = requireInfra('bench:matcher');
  const held = catalog.find((t) => t.trialId === SETTINGS.trial);
  if (!held) throw new Error(`BENCH_TRIAL ${SETTINGS.trial} is not in data/trials`);
  const { version: _v, ...heldDraft } = held;
  console.log(`bench:matcher: ${SETTINGS.profiles.toLocaleString('en')} profiles (${SETTINGS.distinct} distinct histories), ${catalog.length - 1} catalog trials + ${SETTINGS.trial}, page size ${SETTINGS.pageSize}`);

  const rnd = seeded(7);
  const histories = Array.from({ length: SETTINGS.distinct }, (_, i) => syntheticHistory(i, rnd, daysAgo(5 + (i % 20)), daysAgo(10)));

  const sys = await startSystem({ MATCHER_RESCREEN_PAGE_SIZE: String(SETTINGS.pageSize), MATCHER_RESCREEN_CHECK_MS: '3600000', ...OVERRIDES }, ['matcher']);
  try {
    let t = performance.now();
    for (const doc of catalog.filter((d) => d !== held)) {
      const { version: _version, ...draft } = doc;
      await as(sys.matcher.url, ADMIN).post('/v1/trials').send(draft).expect(201);
    }
    // The latency phase changes the profiles of the first BENCH_RATE × BENCH_SECONDS patients: they get their results for the
    // catalog first (a full re-screen while only they are stored), so that a change there is a change, not a first result.
    const texts = histories.map((h) => JSON.stringify(buildProfile(h)));
    const latencyPatients = Math.min(SETTINGS.profiles, SETTINGS.rate * SETTINGS.seconds);
    await storeProfiles(sys, texts, 0, latencyPatients);
    const full = (await as(sys.matcher.url, ADMIN).post('/v1/rescreens').expect(201)).body as { id: string };
    await until(async () => ((await as(sys.matcher.url, ADMIN).get(`/v1/rescreens/${full.id}`).expect(200)).body as { status: string }).status !== 'running', 60 * 60_000, 'the preparatory re-screen');
    await until(outboxDrained(sys), 60 * 60_000, 'the outbox to drain');
    console.log(`preparatory re-screen of ${latencyPatients.toLocaleString('en')} profiles against ${catalog.length - 1} trials: ${seconds(performance.now() - t)} s (not reported)`);
    t = performance.now();
    await storeProfiles(sys, texts, latencyPatients, SETTINGS.profiles);
    texts.length = 0; // not the service's: not on its heap in the measured phases
    await query(sys.matcher.databaseUrl, `VACUUM ANALYZE matcher.profiles`);
    await query(sys.matcher.databaseUrl, `CHECKPOINT`); // the storing above wrote about a gigabyte of WAL: its checkpoint is not part of what is measured
    console.log(`stored ${SETTINGS.profiles.toLocaleString('en')} profiles in all (${seconds(performance.now() - t)} s for the rest)`);

    t = performance.now();
    const warmed = await sys.matcher.app.get(ProfileCache).warm(sys.matcher.app.get(DataSource), 'all');
    const warmMs = performance.now() - t;
    console.log(`profile cache: ${warmed.toLocaleString('en')} stored profiles loaded in ${seconds(warmMs)} s (what an instance does once its partitions are assigned; not part of (a))`);

    settleHeap();
    const base1 = await readAndScreen(sys, held);
    settleHeap();
    const cpuNew = cpuWindow(sys.matcher.databaseUrl.split('/').pop()!);
    const mainNew = mainThreadWindow();
    const fresh = await profiled(process.env.BENCH_CPU_PROFILE?.replace(/(\.cpuprofile)?$/, '-rescreen.cpuprofile'), () => publishAndWait(sys, heldDraft));
    const cpuNewUse = cpuNew.stop();
    const mainNewUse = mainNew.stop();
    settleHeap();
    const cpuSame = cpuWindow(sys.matcher.databaseUrl.split('/').pop()!);
    const mainSame = mainThreadWindow();
    const same = await publishAndWait(sys, { ...heldDraft, title: `${heldDraft.title} (amended title)` });
    const cpuSameUse = cpuSame.stop();
    const mainSameUse = mainSame.stop();
    settleHeap();
    const base2 = await readAndScreen(sys, held);
    const baselineMs = Math.min(base1.ms, base2.ms);

    const rescreen = [
      { run: 'new trial', ...fresh.run, endToEndS: seconds(fresh.ms), rescreenS: seconds(fresh.rescreenMs), profilesPerS: round(fresh.run.done / (fresh.ms / 1000), 0), vsBaseline: round(fresh.ms / baselineMs, 1), cpuCores: cpuNewUse, mainThread: mainNewUse },
      { run: 'amended, unchanged', ...same.run, endToEndS: seconds(same.ms), rescreenS: seconds(same.rescreenMs), profilesPerS: round(same.run.done / (same.ms / 1000), 0), vsBaseline: round(same.ms / baselineMs, 1), cpuCores: cpuSameUse, mainThread: mainSameUse },
    ];
    console.log(`\n(a) re-screen of ${SETTINGS.profiles.toLocaleString('en')} stored profiles against ${SETTINGS.trial} (target: new trial under 10 s end to end)`);
    console.log(`baseline (read every profile in pages + screen in memory, nothing written): ${seconds(baselineMs)} s (runs: ${seconds(base1.ms)}, ${seconds(base2.ms)})`);
    const gcOf = (m: MainThreadUse): string => `${m.gcFull.count} (${m.gcFull.ms} ms)`;
    console.table(
      rescreen.map(({ cpuCores, mainThread, id: _id, ...r }) => ({
        ...r,
        'cores: bench process': cpuCores?.['bench process'] ?? '-',
        'of it main thread': mainThread.cores ?? '-',
        'main thread full GCs': gcOf(mainThread),
        'cores: its postgres': cpuCores?.['postgres: service db'] ?? '-',
        'cores: broker': cpuCores?.['kafka broker'] ?? '-',
        'cores: rest': cpuCores?.['rest of machine'] ?? '-',
      })),
    );

    const lat = await profiled(process.env.BENCH_CPU_PROFILE?.replace(/(\.cpuprofile)?$/, '-latency.cpuprofile'), async () => {
      return latency(sys, histories, infra.brokers);
    });
    console.log(`\n(b) profile change → result published, ${SETTINGS.rate}/s offered for ${SETTINGS.seconds} s`);
    console.table([
      {
        ...lat,
        cpuCores: undefined,
        bySecond: undefined,
        mainThread: undefined,
        'cores: machine': lat.cpuCores?.machine ?? '-',
        'cores: bench process': lat.cpuCores?.['bench process'] ?? '-',
        'of it main thread': lat.mainThread.cores ?? '-',
        'main thread full GCs': gcOf(lat.mainThread),
        'cores: its postgres': lat.cpuCores?.['postgres: service db'] ?? '-',
      },
    ]);
    console.log('by the second each profile change was sent in:');
    console.table(lat.bySecond);

    mkdirSync(join(__dirname, '../../bench/results'), { recursive: true });
    const file = join(__dirname, '../../bench/results', `matcher-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ settings: SETTINGS, overrides: OVERRIDES, baseline: { ms: round(baselineMs, 0), runs: [round(base1.ms, 0), round(base2.ms, 0)] }, cacheWarmMs: round(warmMs, 0), rescreen, latency: lat }, null, 2));
    console.log(`\nwritten ${file}`);
  } finally {

    await sys.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
