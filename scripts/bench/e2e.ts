/**
 * `npm run bench:e2e`: the whole pipeline, hospital event → intake → matcher → notifier → notification, on
 * the real Kafka broker and PostgreSQL server, with the services as processes of their own, next to two
 * baselines measured in the same run: Kafka's own ProducerPerformance and a raw kafkajs produce→consume
 * loop. Prints tables (ratios against the baselines, the targets met or not) and writes
 * bench/results/e2e-<timestamp>.json with a chart beside it (e2e-<timestamp>.svg: throughput per phase and
 * latency percentiles); asserts nothing.
 *
 * Needs DATABASE_URL and KAFKA_BROKERS, like the integration tests (it stops with a message, exit code 2):
 *   npm run infra:up && . .data/infra/env && npm run bench:e2e
 * Run it alone: an integration test run's intake (any other intake group on the broker) consumes the
 * bench's events too and its notifier publishes notifications with the bench's correlation ids; the bench
 * warns when it sees one, and "rest" in the CPU table shows whatever else ran.
 *
 * What runs:
 *   - intake, matcher and notifier, each as BENCH_E2E_INSTANCES (1) processes of its own (their real
 *     main.ts, test/support/processes.ts ServiceProcess, as the reliability suite runs them). Each service
 *     has a fresh database on the real server, shared by its instances, and one consumer group
 *     (`e2e-<run>-<service>`, pinned at its topic's end), so two instances split the six partitions (keyed
 *     by patient) between them. Environment: the tests' (test/support/services.ts serviceEnv: pool of 5)
 *     but the outbox poll at the services' default (250 ms; the tests poll every 50), with LOG_LEVEL=warn,
 *     the notifier's default quiet period (1 h) and a pseudonym key of the run's own;
 *     BENCH_E2E_<SERVICE>_<NAME> sets a service's <NAME> (BENCH_E2E_MATCHER_DATABASE_POOL_SIZE=10).
 *   - the catalog: every trial in data/trials, published through the matcher's API as `mmmatch trials
 *     load` does; the stream starts once the re-screens that started are finished and every matcher
 *     instance screens against the whole catalog.
 *   - the events: scripts/bench/intake.ts's relapsed myeloma histories in their extended form (20 to 40
 *     events per patient: demographics, diagnosis, cytogenetics, regimens with doses, responses and
 *     progressions, M-protein, light chains, blood counts and chemistry, ECOG, sometimes ASCT, MRD or
 *     CAR-T), patient n seeded by n, so every run sends the same patients; patients 0, 1, 2… of a pool of
 *     BENCH_PATIENTS (100,000), generated when first needed, BENCH_E2E_INTERLEAVE (50) under way at a time
 *     with their events interleaved (a seeded draw), each patient's in clinical order; keyed by patient id,
 *     x-correlation-id = the event's own id; each checked with intake's own validation first.
 *
 * Phases, in order:
 *   1. baselines, with events of the same generator, to scratch topics with as many partitions as
 *      patient-events.v1 (created here, deleted at the end): ProducerPerformance
 *      (org.apache.kafka.tools.ProducerPerformance from kafka-tools, `java -cp` on the classpath
 *      `scripts/infra/kafka.sh classpath` resolves), BENCH_E2E_RAW_EVENTS (40,000) records drawn from those
 *      events, acks=all, as fast as it goes; then bench:intake's raw kafkajs loop: a burst of as many
 *      (one idempotent producer, sends of 100, consumed as our services consume), and BENCH_E2E_RATE
 *      events/s for BENCH_E2E_PACED_SECONDS sent and read back by the load driver (produce → consume latency);
 *      then the floors (BENCH_E2E_FLOOR, `kafka,postgres`; `none` skips them): the pipeline's three hops as
 *      relays (scripts/bench/relay-hop.ts, three processes passing every event on through four scratch topics;
 *      `kafka`: consume and publish only; `postgres`: each hop with a database of its own and the services'
 *      inbox → outbox → publish → mark around every fetch), BENCH_E2E_RATE events/s for BENCH_E2E_PACED_SECONDS
 *      sent by the load driver, latency to the last topic: what the machine gives for the hops and the
 *      delivery guarantees with none of the clinical work, the pipeline's paced latency is compared with it.
 *   2. warm-up: BENCH_E2E_WARMUP (500) events through the pipeline, drained; not reported. Then
 *      BENCH_E2E_IDLE_SECONDS (10) with no events: the cores the pipeline uses at rest (timers, polls).
 *   3. sustained: for BENCH_E2E_SECONDS (60) one producer sends as fast as the pipeline drains (sends of
 *      100 while fewer than BENCH_E2E_BACKLOG (3,000) messages wait in the three groups), then the pipeline
 *      drains. Events/s end to end = events / (first send → every group's lag 0 and every outbox empty,
 *      seen in two polls in a row; polled every 250 ms; the services commit their offsets at the end of
 *      each fetched batch). Per stage: events (intake), profiles (matcher) and results (notifier) over the
 *      time until that stage and those before it were drained; profiles/s, results/s and
 *      notifications/s: what the three outboxes published, over the whole phase.
 *   4. paced: BENCH_E2E_RATE (500) events/s for BENCH_E2E_PACED_SECONDS (30), then BENCH_E2E_LOW_RATE
 *      (100) events/s as long (per-event latency only while it is below the sustained rate; above it, the
 *      figures are queueing); sent by the load driver
 *      (scripts/bench/latency-driver.ts, a process of its own: every BENCH_DRIVER_TICK_MS, 10, the events
 *      due, in one request). Latency = when the event was due → the driver consumes a match-notifications.v1 message carrying the
 *      event's correlation id. Only events whose consequences change a notification are matched: every
 *      event changes a profile, fewer change a result, fewer still what a coordinator is told; and intake
 *      applies a patient's events fetched together as one profile version carrying the last one's
 *      correlation id, so the events before it are not matched either. The latency sample is the matched
 *      events; the report says how many of those sent they are.
 * Targets on this 2-core machine: at least 2,000 events/s sustained end to end; p99 under 250 ms at 500 events/s.
 *
 * "cores busy" (2 = both cores the whole phase) splits the machine into each service's processes, the
 * PostgreSQL backends of each service's database (the bench's own poll of each outbox, one small query
 * every 250 ms, among them), the other PostgreSQL processes, the broker, this process with its load driver
 * or ProducerPerformance, and the rest (anything else running: compare runs only when it is near zero). Memory: each service process's VmRSS at the end of a phase, the most seen
 * during it, and its peak since start (VmHWM); the broker's too.
 * Scale-out: BENCH_E2E_INSTANCES=2 runs everything with two processes of each service; the report has
 * the same shape, and when bench/results holds a run with the same settings and the other instance count
 * the bench prints the ratio of the two (and keeps it in the JSON).
 * Other settings: BENCH_E2E_DRAIN_TIMEOUT (900 s) bounds each wait for the pipeline to drain.
 * Everything it started is stopped and dropped at the end, on failure and on Ctrl-C too: processes,
 * databases (`e2e_<run>_<service>`, `e2e_<run>_floor_<n>`), scratch topics (`bench.e2e-*.<run>`) and consumer groups; on failure
 * the services' logs are kept in bench/results.
 */
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import * as echarts from 'echarts';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { TOPICS, type PatientEventV1, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { compileTrial, pseudonymize } from '@trialmatch/core';
import { authorizedFetch } from '../../apps/cli/src/security';
import { loadTrials } from '../../apps/cli/src/trials-load';
import { problemsOf } from '../../apps/intake/src/application/submit-events';
import { SERVICES, serviceLag } from '../../test/faults/rig';
import { ADMIN, mintToken, NETWORK_COORDINATOR, TEST_JWKS_FILE } from '../../test/support/auth';
import { createDatabase, dropDatabase, kafka, producer, runId } from '../../test/support/infra';
import { ServiceProcess } from '../../test/support/processes';
import { CONSUMES, pinGroupsAtEnd, serviceEnv, TEST_PSEUDONYM_KEY, type ServiceName } from '../../test/support/services';
import { collector, otherIntakeGroups, patientHistory, Phase, produceBurst, SOURCE, summarize, toMessage, type Outgoing, type PhaseResult } from './intake';
import type { DriverReport, DriverTask } from './latency-driver';
import type { RelayTask } from './relay-hop';
import { cpuWindow, DRIVER_MAX_WAIT_MS, DRIVER_TICK_MS, int, memoryOf, percentile, requireInfra, round, seeded, type CpuLabels, type CpuUse } from './support';

// ---------------------------------------------------------------- settings

const FLOOR_KINDS = ['kafka', 'postgres'] as const;
type FloorKind = (typeof FLOOR_KINDS)[number];

const SETTINGS = {
  patients: int('BENCH_PATIENTS', 100_000),
  instances: int('BENCH_E2E_INSTANCES', 1),
  seconds: int('BENCH_E2E_SECONDS', 60),
  backlog: int('BENCH_E2E_BACKLOG', 3000),
  rate: int('BENCH_E2E_RATE', 500),
  lowRate: int('BENCH_E2E_LOW_RATE', 100),
  pacedSeconds: int('BENCH_E2E_PACED_SECONDS', 30),
  rawEvents: int('BENCH_E2E_RAW_EVENTS', 40_000),
  warmupEvents: int('BENCH_E2E_WARMUP', 500),
  idleSeconds: int('BENCH_E2E_IDLE_SECONDS', 10),
  interleave: int('BENCH_E2E_INTERLEAVE', 50),
  drainTimeoutSeconds: int('BENCH_E2E_DRAIN_TIMEOUT', 900),
  /** The floor baselines to run (comma-separated: kafka, postgres; `none` for neither). */
  floor: (process.env.BENCH_E2E_FLOOR ?? 'kafka,postgres').split(',').map((k) => k.trim()).filter((k): k is FloorKind => FLOOR_KINDS.includes(k as FloorKind)),
  sendBatch: 100,
  pollMs: 250,
};
const TARGETS = { sustainedEventsPerSecond: 2000, p99Ms: 250, p99AtRate: 500 };
/** BENCH_E2E_<SERVICE>_<NAME>=<value> sets <NAME> for that service's processes. */
const overridesOf = (s: ServiceName): Record<string, string> => {
  const prefix = `BENCH_E2E_${s.toUpperCase()}_`;
  return Object.fromEntries(Object.entries(process.env).flatMap(([n, v]) => (n.startsWith(prefix) && v !== undefined ? [[n.slice(prefix.length), v]] : [])));
};
/** What each service publishes (its outbox rows on that topic are what it produced). */
const OUTPUT: Record<ServiceName, string> = { intake: TOPICS.patientProfiles, matcher: TOPICS.matchResults, notifier: TOPICS.matchNotifications };
const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'bench/results');
const TRIALS_DIR = join(ROOT, 'data/trials');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number): number => round(ms / 1000, 2);
const meanBytesOf = (events: readonly Outgoing[]): number => round(events.reduce((s, e) => s + Buffer.byteLength(e.value), 0) / Math.max(1, events.length), 0);

// ---------------------------------------------------------------- the event stream

/** A well-mixed 31-bit seed from a patient number (neighbouring patients get unrelated sequences). */
function patientSeed(n: number): number {
  let h = (n + 0x5bd1e995) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % 2 ** 31;
}

/**
 * patient-events.v1 traffic from a pool of patients: `interleave` patients under way at a time, the next
 * event taken from one of them at random (seeded), each patient's events in order, the next patient of
 * the pool drawn (and generated) once one is done.
 */
class EventStream {
  private readonly underWay: Array<{ events: PatientEventV1[]; next: number }> = [];
  private readonly choose = seeded(4242);
  drawn = 0;
  bytes = 0;
  taken = 0;

  constructor(
    private readonly prefix: string,
    private readonly pool: number,
    private readonly interleave: number,
    /** Intake's key: the result key is the patient's pseudonym; null: the message's own key (raw baselines). */
    private readonly pseudonymKey: string | null,
  ) {}

  /** The next `count` events, fewer once the pool is used up. */
  take(count: number): Outgoing[] {
    const out: Outgoing[] = [];
    while (out.length < count) {
      while (this.underWay.length < this.interleave && this.drawn < this.pool) {
        this.underWay.push({ events: patientHistory(this.prefix, this.drawn, { random: seeded(patientSeed(this.drawn)), extended: true }), next: 0 });
        this.drawn++;
      }
      if (this.underWay.length === 0) break;
      const i = Math.floor(this.choose() * this.underWay.length);
      const p = this.underWay[i]!;
      out.push(this.outgoing(p.events[p.next++]!));
      if (p.next === p.events.length) this.underWay.splice(i, 1);
    }
    return out;
  }

  private outgoing(e: PatientEventV1): Outgoing {
    const problems = problemsOf(e);
    if (problems.length > 0) throw new Error(`the generator made an event intake would reject: ${JSON.stringify(problems)} in ${JSON.stringify(e)}`);
    const value = JSON.stringify(e);
    this.bytes += Buffer.byteLength(value);
    this.taken++;
    return { key: e.patientId, value, correlationId: e.eventId, resultKey: this.pseudonymKey ? pseudonymize(this.pseudonymKey, SOURCE, e.patientId) : e.patientId };
  }
}

// ---------------------------------------------------------------- the pipeline, watched

interface Sample {
  startedAt: number;
  endedAt: number;
  lag: Record<ServiceName, number>;
  /** Whether the service's outbox holds unpublished rows. */
  pending: Record<ServiceName, boolean>;
  rssMb: Record<string, number>;
}

interface Drained {
  /** When every stage was drained (the end of the first of the two polls that saw it). */
  at: number;
  /** When each stage and those before it were drained. */
  stages: Record<ServiceName, number>;
}

/** Polls the pipeline every 250 ms: each group's lag, each outbox's unpublished rows, the service processes' memory. */
class Monitor {
  latest: Sample | null = null;
  private readonly listeners = new Set<(s: Sample) => void>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly admin: Admin,
    private readonly prefix: string,
    private readonly outboxes: Record<ServiceName, Client>,
    private readonly processes: ReadonlyArray<{ label: string; pid: number }>,
  ) {
    this.loop = this.run();
  }

  on(listener: (s: Sample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const started = performance.now();
      try {
        // Pipeline order (see waitDrained); lags first, then outboxes.
        const lag = await serviceLag(this.admin, this.prefix);
        const pending = {} as Record<ServiceName, boolean>;
        for (const s of SERVICES) pending[s] = (await this.outboxes[s].query<{ p: boolean }>(`SELECT EXISTS (SELECT 1 FROM messaging.outbox WHERE published_at IS NULL) AS p`)).rows[0]!.p;
        const rssMb: Record<string, number> = {};
        for (const p of this.processes) rssMb[p.label] = memoryOf(p.pid)?.rssMb ?? NaN;
        const sample: Sample = { startedAt: started, endedAt: performance.now(), lag, pending, rssMb };
        this.latest = sample;
        failures = 0;
        for (const l of [...this.listeners]) l(sample);
      } catch (e) {
        if (++failures % 20 === 1) console.warn(`  (polling the pipeline failed: ${e instanceof Error ? e.message : String(e)})`);
      }
      await sleep(Math.max(0, SETTINGS.pollMs - (performance.now() - started)));
    }
  }

  /**
   * Resolves once two polls in a row, both started after `after`, saw every lag at 0 and every outbox
   * empty. Two: a poll reads the three lags before the three outboxes, so a profile published between
   * the matcher's lag and intake's outbox is missed by one poll, never by the next.
   */
  waitDrained(after: number, what: string): Promise<Drained> {
    const timeoutMs = SETTINGS.drainTimeoutSeconds * 1000;
    return new Promise((resolve, reject) => {
      const since: Record<ServiceName, number | null> = { intake: null, matcher: null, notifier: null };
      let drainedPolls = 0;
      let lastWord = performance.now();
      const timer = setTimeout(() => {
        off();
        reject(new Error(`${what}: the pipeline did not drain within ${SETTINGS.drainTimeoutSeconds} s (lag ${JSON.stringify(this.latest?.lag)}, unpublished outbox rows ${JSON.stringify(this.latest?.pending)})`));
      }, timeoutMs);
      const off = this.on((s) => {
        if (s.startedAt < after) return;
        let upstream = true;
        for (const svc of SERVICES) {
          upstream &&= s.lag[svc] === 0 && !s.pending[svc];
          since[svc] = upstream ? (since[svc] ?? s.endedAt) : null;
        }
        drainedPolls = upstream ? drainedPolls + 1 : 0;
        if (drainedPolls >= 2) {
          clearTimeout(timer);
          off();
          resolve({ at: since.notifier!, stages: { intake: since.intake!, matcher: since.matcher!, notifier: since.notifier! } });
        } else if (s.endedAt - lastWord > 10_000) {
          lastWord = s.endedAt;
          console.log(`  … ${what}: waiting for intake ${s.lag.intake}, matcher ${s.lag.matcher}, notifier ${s.lag.notifier} messages`);
        }
      });
    });
  }
}

/** How many messages each service's outbox has published so far (rows on its output topic). */
async function published(outboxes: Record<ServiceName, Client>): Promise<Record<ServiceName, number>> {
  const out = {} as Record<ServiceName, number>;
  for (const s of SERVICES) out[s] = (await outboxes[s].query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging.outbox WHERE topic = $1`, [OUTPUT[s]])).rows[0]!.n;
  return out;
}

// ---------------------------------------------------------------- results

interface Storage {
  /** pg_database_size at the end of the run. */
  bytes: number;
  /** The largest tables (with their indexes and TOAST), live rows as PostgreSQL's statistics count them after ANALYZE. */
  tables: Array<{ table: string; bytes: number; rows: number }>;
}

/** Each service database's size at the end of the run and its largest tables: what the capacity model's bytes per event come from. */
async function storageOf(clients: Record<ServiceName, Client>): Promise<Record<ServiceName, Storage>> {
  const out = {} as Record<ServiceName, Storage>;
  for (const s of SERVICES) {
    const c = clients[s];
    await c.query('ANALYZE');
    const [size] = (await c.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes')).rows;
    const tables = (
      await c.query<{ table: string; bytes: string; rows: string }>(
        `SELECT schemaname || '.' || relname AS table, pg_total_relation_size(relid)::text AS bytes, n_live_tup::text AS rows
         FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 6`,
      )
    ).rows;
    out[s] = { bytes: Number(size!.bytes), tables: tables.map((t) => ({ table: t.table, bytes: Number(t.bytes), rows: Number(t.rows) })) };
  }
  return out;
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function latencyOf(samples: readonly number[]): Latency {
  const lat = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(lat, 50)),
    p95: round(percentile(lat, 95)),
    p99: round(percentile(lat, 99)),
    max: round(lat.at(-1) ?? NaN),
    mean: round(lat.reduce((s, x) => s + x, 0) / Math.max(1, lat.length)),
  };
}

interface Memory {
  /** VmRSS at the end of the phase, MB. */
  rssMb: number;
  /** The most VmRSS seen while the phase ran (polled), MB. */
  maxRssMb: number;
  /** VmHWM: the process's peak since it started, MB. */
  peakMb: number;
}

/** The pipeline with no events: what it costs at any rate. */
interface IdleResult {
  seconds: number;
  cpuCores: CpuUse | null;
  services: PipelineResult['services'];
}

interface PipelineResult {
  phase: string;
  mode: 'sustained' | 'paced';
  offeredRate?: number;
  events: number;
  meanEventBytes: number;
  /** First send → last send acknowledged. */
  produceSeconds: number;
  /** First send → every stage drained. */
  elapsedSeconds: number;
  /** End to end: events / elapsed. */
  eventsPerSecond: number;
  published: { profiles: number; results: number; notifications: number };
  profilesPerSecond: number;
  resultsPerSecond: number;
  notificationsPerSecond: number;
  /** Per stage: what it consumed (intake: events, matcher: profiles, notifier: results) over first send → it and the stages before it drained. */
  stages: Record<ServiceName, { drainedAfterSeconds: number; consumed: number; perSecond: number }>;
  /** Paced phases: when the event was due → the notification carrying the event's correlation id is consumed. */
  latencyMs?: Latency;
  /** Paced phases: events in the latency sample (those a notification names), and notification messages the driver read. */
  matched?: number;
  notificationMessages?: number;
  cpuCores: CpuUse | null;
  /** Cores per service (its processes) and per service database (its PostgreSQL backends). */
  services: Record<ServiceName, { cores: number | null; postgresCores: number | null }>;
  memory: Record<string, Memory>;
  /** Sustained: every poll, seconds since the first send, events sent so far and the groups' lags. */
  timeline?: Array<{ t: number; sent: number; lag: Record<ServiceName, number> }>;
  notes: string[];
}

interface ProducerPerformanceResult {
  records: number;
  meanRecordBytes: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  /** Send → acknowledgement, as ProducerPerformance measures it (in a burst: mostly queueing in the client). */
  ackLatencyMs: { avg: number; p50: number; p95: number; p99: number; p999: number; max: number };
  /** The JVM's whole run, start-up included. */
  wallSeconds: number;
  cpuCores: CpuUse | null;
}

interface RawPacedResult {
  offeredRate: number;
  /** For a floor baseline: what each of its three hops does (kafka: consume and publish; postgres: inbox, outbox and mark around it too). */
  floor?: FloorKind;
  sent: number;
  meanEventBytes: number;
  answered: number;
  sendSeconds: number;
  latencyMs: Latency;
  cpuCores: CpuUse | null;
}

// ---------------------------------------------------------------- baselines

/** A baseline's paced run (the load driver's report) at SETTINGS.rate. */
function pacedOf(events: readonly Outgoing[], d: { report: DriverReport; cpuCores: CpuUse | null }, floor?: FloorKind): RawPacedResult {
  return {
    offeredRate: SETTINGS.rate,
    ...(floor ? { floor } : {}),
    sent: events.length,
    meanEventBytes: meanBytesOf(events),
    answered: d.report.latencies.length,
    sendSeconds: round(d.report.sendSeconds, 2),
    latencyMs: latencyOf(d.report.latencies),
    cpuCores: d.cpuCores,
  };
}

/** Runs ProducerPerformance (kafka-tools) to `topic`: `records` records drawn from the lines of `payloadFile`, acks=all, unthrottled. */
async function producerPerformance(brokers: string[], topic: string, records: number, payloadFile: string, meanRecordBytes: number, dir: string, labels: (pid: number) => CpuLabels, children: Set<ChildProcess>): Promise<ProducerPerformanceResult> {
  const classpath = (await promisify(execFile)('bash', [join(ROOT, 'scripts/infra/kafka.sh'), 'classpath'], { maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
  const log4j = join(dir, 'producer-performance.log4j.properties');
  writeFileSync(log4j, 'log4j.rootLogger=WARN, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.Target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=%p %m%n\n');
  const args = ['-Xms128m', '-Xmx512m', `-Dlog4j.configuration=file:${log4j}`, '-cp', classpath, 'org.apache.kafka.tools.ProducerPerformance'];
  args.push('--topic', topic, '--num-records', String(records), '--payload-file', payloadFile, '--throughput', '-1');
  args.push('--producer-props', `bootstrap.servers=${brokers.join(',')}`, 'acks=all', 'client.id=bench-e2e-producer-performance');
  const started = performance.now();
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const cpu = cpuWindow(null, labels(child.pid ?? -1));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  children.delete(child);
  const cpuCores = cpu.stop();
  const m = /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th/.exec(out);
  if (code !== 0 || !m) throw new Error(`ProducerPerformance ended with ${code}: ${out.slice(-1500)}`);
  const n = (i: number): number => Number(m[i]);
  return {
    records: n(1),
    meanRecordBytes,
    recordsPerSecond: round(n(2), 1),
    mbPerSecond: round(n(3), 2),
    ackLatencyMs: { avg: n(4), max: n(5), p50: n(6), p95: n(7), p99: n(8), p999: n(9) },
    wallSeconds: seconds(performance.now() - started),
    cpuCores,
  };
}

/**
 * The load driver (scripts/bench/latency-driver.ts) in a process of its own: sends `lines` at `rate` and
 * reads the answers. With `untilDrained`, once everything is sent it waits for that before telling the
 * driver to stop (not every event is answered).
 */
async function drive(
  task: Omit<DriverTask, 'file'>,
  lines: readonly Outgoing[],
  dir: string,
  labels: (pid: number) => CpuLabels,
  children: Set<ChildProcess>,
  untilDrained?: () => Promise<Drained>,
): Promise<{ report: DriverReport; cpuCores: CpuUse | null; sentAt: number; drained: Drained | null }> {
  const file = join(dir, `driver-${task.groupId}.jsonl`);
  writeFileSync(file, lines.map((e) => JSON.stringify({ key: e.key, value: e.value, correlationId: e.correlationId, eventId: e.correlationId })).join('\n'));
  const driver = fork(join(__dirname, 'latency-driver.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'], stdio: 'inherit' });
  children.add(driver);
  const cpu = cpuWindow(null, labels(driver.pid ?? -1));
  let sentAt = NaN;
  let drained: Drained | null = null;
  try {
    const report = await new Promise<DriverReport>((resolve, reject) => {
      driver.on('message', (message) => {
        const m = message as DriverReport | { sent: true };
        if (!('sent' in m)) return resolve(m);
        sentAt = performance.now();
        untilDrained!().then(
          (d) => {
            drained = d;
            driver.send({ stop: true });
          },
          (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
        );
      });
      driver.once('exit', (code) => reject(new Error(`the load driver exited with ${code}`)));
      driver.send({ ...task, file, untilStopped: untilDrained !== undefined } satisfies DriverTask);
    });
    return { report, cpuCores: cpu.stop(), sentAt, drained };
  } finally {
    if (driver.exitCode === null && driver.signalCode === null) driver.kill();
    children.delete(driver);
    rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------- output

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(headers));
  for (const r of rows) console.log(line(r));
}

const fixed = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));

/** The chart: throughput per phase (log scale) above, latency percentiles per paced phase below. */
function chartSvg(title: string, throughput: Array<{ name: string; value: number }>, latencies: Array<{ name: string; latency: Latency }>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1100, height: 860 });
  const percentiles = ['p50', 'p95', 'p99', 'max'] as const;
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: [
      { text: title, left: 'center', top: 8, textStyle: { fontSize: 15 } },
      { text: 'Throughput per phase (events or records per second, log scale)', left: 60, top: 44, textStyle: { fontSize: 13, fontWeight: 'normal' } },
      { text: 'Latency percentiles (ms, log scale): produced → consumed (raw) or → notification consumed (pipeline)', left: 60, top: 470, textStyle: { fontSize: 13, fontWeight: 'normal' } },
    ],
    legend: { top: 494, right: 40, data: [...percentiles] },
    grid: [
      { left: 90, right: 40, top: 80, height: 320 },
      { left: 90, right: 40, top: 530, height: 270 },
    ],
    xAxis: [
      { gridIndex: 0, type: 'category', data: throughput.map((t) => t.name), axisLabel: { interval: 0, fontSize: 11 } },
      { gridIndex: 1, type: 'category', data: latencies.map((l) => l.name), axisLabel: { interval: 0, fontSize: 11 } },
    ],
    yAxis: [
      { gridIndex: 0, type: 'log', min: 1 },
      { gridIndex: 1, type: 'log', min: 1 },
    ],
    series: [
      {
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 60,
        data: throughput.map((t) => Math.max(1, round(t.value, 0))),
        label: { show: true, position: 'top', fontSize: 11 },
        markLine: { symbol: 'none', label: { formatter: `target ${TARGETS.sustainedEventsPerSecond.toLocaleString('en')}/s end to end`, position: 'insideEndTop' }, lineStyle: { type: 'dashed', color: '#c23531' }, data: [{ yAxis: TARGETS.sustainedEventsPerSecond }] },
      },
      ...percentiles.map((p, i) => ({
        type: 'bar',
        name: p,
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 40,
        data: latencies.map((l) => Math.max(1, round(l.latency[p], 0))),
        label: { show: true, position: 'top', fontSize: 10 },
        ...(i === 2 ? { markLine: { symbol: 'none', label: { formatter: `target p99 ${TARGETS.p99Ms} ms at ${TARGETS.p99AtRate}/s`, position: 'insideStartTop' }, lineStyle: { type: 'dashed', color: '#c23531' }, data: [{ yAxis: TARGETS.p99Ms }] } } : {}),
      })),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

type Comparable = Pick<typeof SETTINGS, 'patients' | 'seconds' | 'backlog' | 'rate' | 'lowRate' | 'pacedSeconds' | 'rawEvents' | 'warmupEvents' | 'interleave'>;
const COMPARED: ReadonlyArray<keyof Comparable> = ['patients', 'seconds', 'backlog', 'rate', 'lowRate', 'pacedSeconds', 'rawEvents', 'warmupEvents', 'interleave'];

/** The newest earlier result with the same settings but another instance count, for the scale-out ratio. */
function previousWithOtherInstances(): { file: string; instances: number; sustained: number; pacedP99: Record<string, number> } | null {
  if (!existsSync(RESULTS)) return null;
  for (const f of readdirSync(RESULTS).filter((n) => /^e2e-.*\.json$/.test(n)).sort().reverse()) {
    try {
      const r = JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as { settings: typeof SETTINGS; phases: { sustained: PipelineResult; paced: PipelineResult[] } };
      if (r.settings.instances === SETTINGS.instances || COMPARED.some((k) => r.settings[k] !== SETTINGS[k])) continue;
      return { file: f, instances: r.settings.instances, sustained: r.phases.sustained.eventsPerSecond, pacedP99: Object.fromEntries(r.phases.paced.map((p) => [String(p.offeredRate), p.latencyMs?.p99 ?? NaN])) };
    } catch {
      // not a result of this bench's shape
    }
  }
  return null;
}

// ---------------------------------------------------------------- the run

interface Instance {
  service: ServiceName;
  label: string;
  proc: ServiceProcess;
}

interface Baselines {
  producerPerformance: ProducerPerformanceResult | { skipped: string };
  rawBurst: PhaseResult & { latency: Latency };
  rawPaced: RawPacedResult;
  floors: RawPacedResult[];
}

/** The broker's process (a java process running kafka.Kafka), for its memory. */
function brokerPid(): number | null {
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes('kafka.Kafka')) return Number(d);
    } catch {
      // gone
    }
  }
  return null;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  const ok = (): Promise<boolean> => check().catch((e: unknown) => ((lastError = e instanceof Error ? e.message : JSON.stringify(e)), false));
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await sleep(250);
  }
}

/** One run: what it started (to stop, drop or delete at the end) and its phases. */
class E2eRun {
  readonly run = runId();
  readonly prefix = `e2e-${this.run}-`;
  readonly pseudonymKey = `${TEST_PSEUDONYM_KEY}-e2e-${this.run}`;
  readonly startedAt = new Date();
  readonly stamp = this.startedAt.toISOString().replace(/[:.]/g, '-');
  readonly k: Kafka;
  readonly admin: Admin;
  readonly tmp = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
  readonly children = new Set<ChildProcess>();
  readonly instances: Instance[] = [];
  readonly databases: Partial<Record<ServiceName, string>> = {};
  /** The floor baselines' databases, dropped when their phase ends (and at clean-up, if it failed). */
  readonly floorDatabases = new Set<string>();
  readonly urls = {} as Record<ServiceName, string>;
  readonly topics: string[] = [];
  readonly consumers: Consumer[] = [];
  readonly producers: Producer[] = [];
  readonly outboxes = {} as Record<ServiceName, Client>;
  /** Processes whose memory is reported: the service instances and the broker. */
  readonly watched: Array<{ label: string; pid: number }> = [];
  monitor: Monitor | null = null;
  partitions = 6;
  failed = true;
  private cleaning: Promise<void> | null = null;

  constructor(readonly infra: { databaseUrl: string; brokers: string[] }) {
    this.k = kafka(infra.brokers);
    this.admin = this.k.admin();
  }

  /** CPU labels: the service processes, their databases, and `extra` (the load driver, ProducerPerformance). */
  labels(extra: Array<[number, string]> = []): CpuLabels {
    return {
      pids: new Map<number, string>([...this.instances.map((i): [number, string] => [i.proc.pid ?? -1, i.label]), ...extra]),
      databases: new Map(SERVICES.flatMap((s): Array<[string, string]> => (this.databases[s] ? [[this.databases[s], `postgres: ${s} db`]] : []))),
    };
  }

  withPid(name: string): (pid: number) => CpuLabels {
    return (pid) => this.labels([[pid, name]]);
  }

  get pipeline(): Monitor {
    if (!this.monitor) throw new Error('the pipeline is not watched yet');
    return this.monitor;
  }

  async baselines(): Promise<Baselines> {
    const ppTopic = `bench.e2e-pp.${this.run}`;
    const rawTopic = `bench.e2e-raw.${this.run}`;
    await this.admin.createTopics({ waitForLeaders: true, topics: [ppTopic, rawTopic].map((topic) => ({ topic, numPartitions: this.partitions, replicationFactor: 1 })) });
    this.topics.push(ppTopic, rawTopic);
    const raw = new EventStream(`raw-${this.run}`, SETTINGS.patients, SETTINGS.interleave, null);

    const payloadFile = join(this.tmp, 'payloads.txt');
    const payloads = raw.take(Math.min(SETTINGS.rawEvents, 5000));
    writeFileSync(payloadFile, `${payloads.map((e) => e.value).join('\n')}\n`);
    console.log(`baseline: ProducerPerformance, ${SETTINGS.rawEvents.toLocaleString('en')} records (${meanBytesOf(payloads)} bytes on average) to ${ppTopic} (${this.partitions} partitions)…`);
    let producerPerformanceResult: Baselines['producerPerformance'];
    try {
      producerPerformanceResult = await producerPerformance(this.infra.brokers, ppTopic, SETTINGS.rawEvents, payloadFile, meanBytesOf(payloads), this.tmp, this.withPid('ProducerPerformance'), this.children);
    } catch (e) {
      producerPerformanceResult = { skipped: e instanceof Error ? e.message.slice(0, 500) : String(e) };
      console.log(`  ProducerPerformance not measured: ${producerPerformanceResult.skipped}`);
    }

    console.log(`baseline: raw kafkajs produce → consume, ${SETTINGS.rawEvents.toLocaleString('en')} events in a burst…`);
    const rawProducer = await producer(this.k);
    this.producers.push(rawProducer);
    const rawConsumer = await collector(this.k, `${this.prefix}bench-raw`, [rawTopic], null, null);
    this.consumers.push(rawConsumer);
    const burst = async (name: string, events: Outgoing[]): Promise<Baselines['rawBurst']> => {
      const phase = new Phase(name, events.length);
      const cpu = cpuWindow(null, this.labels());
      await produceBurst(rawProducer, rawTopic, events, phase);
      await phase.complete(300_000);
      return { ...summarize(phase, 'burst', events, cpu.stop()), latency: latencyOf(phase.latencies) };
    };
    await burst('raw warm-up', raw.take(200));
    const rawBurst = await burst('raw kafkajs burst', raw.take(SETTINGS.rawEvents));
    await rawConsumer.disconnect();
    this.consumers.splice(this.consumers.indexOf(rawConsumer), 1);

    const count = SETTINGS.rate * SETTINGS.pacedSeconds;
    console.log(`baseline: raw kafkajs produce → consume, ${SETTINGS.rate}/s for ${SETTINGS.pacedSeconds} s (load driver)…`);
    const events = raw.take(count);
    const d = await drive(
      { brokers: this.infra.brokers, groupId: `${this.prefix}bench-latency-raw`, rate: SETTINGS.rate, tickMs: DRIVER_TICK_MS, answerTimeoutMs: 120_000, topic: rawTopic, answerTopic: rawTopic },
      events,
      this.tmp,
      this.withPid('bench load driver'),
      this.children,
    );
    const rawPaced = pacedOf(events, d);
    const floors: RawPacedResult[] = [];
    for (const kind of SETTINGS.floor) floors.push(await this.floor(kind, raw.take(count)));
    return { producerPerformance: producerPerformanceResult, rawBurst, rawPaced, floors };
  }

  /**
   * A floor baseline: the pipeline's three hops as relays (scripts/bench/relay-hop.ts, each a process of its
   * own reading one scratch topic and publishing to the next; with `postgres`, each with a database of its own
   * and the services' inbox → outbox → publish → mark around every fetched batch), the load driver sending
   * `events` to the first at SETTINGS.rate and timing each to its arrival on the last, as the pipeline's
   * paced phase does. What the machine gives for the hops without the clinical work.
   */
  private async floor(kind: FloorKind, events: Outgoing[]): Promise<RawPacedResult> {
    const topics = [0, 1, 2, 3].map((i) => `bench.e2e-floor-${kind}-${i}.${this.run}`);
    await this.admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: this.partitions, replicationFactor: 1 })) });
    this.topics.push(...topics);
    const databases = new Map<string, string>();
    const hops: ChildProcess[] = [];
    console.log(`baseline: the floor (three relay hops: ${kind === 'postgres' ? 'inbox, outbox, publish and mark in a database of their own' : 'consume and publish'}), ${SETTINGS.rate}/s for ${SETTINGS.pacedSeconds} s (load driver)…`);
    try {
      for (let i = 1; i <= 3; i++) {
        let url: string | null = null;
        if (kind === 'postgres') {
          const name = `e2e_${this.run}_floor_${i}`;
          this.floorDatabases.add(name);
          url = await createDatabase(this.infra.databaseUrl, name);
          databases.set(name, `postgres: floor hop ${i} db`);
        }
        const hop = fork(join(__dirname, 'relay-hop.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'], stdio: 'inherit' });
        this.children.add(hop);
        hops.push(hop);
        await new Promise<void>((resolve, reject) => {
          hop.once('message', () => resolve());
          hop.once('exit', (code) => reject(new Error(`floor hop ${i} exited with ${code}`)));
          hop.send({ brokers: this.infra.brokers, groupId: `${this.prefix}floor-${kind}-${i}`, from: topics[i - 1]!, to: topics[i]!, databaseUrl: url } satisfies RelayTask);
        });
      }
      const hopPids = hops.map((h, i): [number, string] => [h.pid ?? -1, `floor hop ${i + 1}`]);
      const d = await drive(
        { brokers: this.infra.brokers, groupId: `${this.prefix}bench-latency-floor-${kind}`, rate: SETTINGS.rate, tickMs: DRIVER_TICK_MS, answerTimeoutMs: 120_000, topic: topics[0]!, answerTopic: topics[3]! },
        events,
        this.tmp,
        (pid) => ({ pids: new Map([...hopPids, [pid, 'bench load driver']]), databases }),
        this.children,
      );
      return pacedOf(events, d, kind);
    } finally {
      await Promise.all(
        hops.map(
          (h) =>
            new Promise<void>((resolve) => {
              if (h.exitCode !== null || h.signalCode !== null) return resolve();
              const timer = setTimeout(() => h.kill('SIGKILL'), 10_000);
              h.once('exit', () => (clearTimeout(timer), resolve()));
              h.send({ stop: true });
            }),
        ),
      );
      for (const h of hops) this.children.delete(h);
      for (const name of databases.keys()) {
        await dropDatabase(this.infra.databaseUrl, name);
        this.floorDatabases.delete(name);
      }
    }
  }

  /** BENCH_E2E_INSTANCES processes of each service, on a fresh database per service, in consumer groups pinned at their topics' ends. */
  async startServices(): Promise<void> {
    const started = performance.now();
    for (const s of SERVICES) {
      this.databases[s] = `e2e_${this.run}_${s}`;
      this.urls[s] = await createDatabase(this.infra.databaseUrl, this.databases[s]);
    }
    await pinGroupsAtEnd(SERVICES.map((s) => ({ groupId: `${this.prefix}${s}`, topic: CONSUMES[s] })));
    const env = (s: ServiceName): NodeJS.ProcessEnv => {
      // The outbox poll as deployed (the tests' 50 ms would be twenty claim statements a second per service).
      const { OUTBOX_POLL_MS: _tests, ...base } = serviceEnv(this.urls[s], this.prefix, { LOG_LEVEL: 'warn', PSEUDONYM_KEY: this.pseudonymKey, NOTIFIER_QUIET_PERIOD_HOURS: '1' });
      return { ...base, ...overridesOf(s) };
    };
    for (let n = 1; n <= SETTINGS.instances; n++) {
      // The first instances create the schemas (their migrations); the others start on them.
      const batch = SERVICES.map((s) => ({ service: s, label: `${s} ${n}`, proc: new ServiceProcess(s, env(s)) }));
      this.instances.push(...batch);
      await Promise.all(batch.map((i) => i.proc.start()));
    }
    await until(
      async () => {
        const { groups } = await this.admin.describeGroups(SERVICES.map((s) => `${this.prefix}${s}`));
        return groups.every((g) => g.state === 'Stable' && g.members.length === SETTINGS.instances);
      },
      120_000,
      `every consumer group stable with ${SETTINGS.instances} member(s)`,
    );
    this.watched.push(...this.instances.map((i) => ({ label: i.label, pid: i.proc.pid ?? -1 })));
    const broker = brokerPid();
    if (broker !== null) this.watched.push({ label: 'kafka broker', pid: broker });
    console.log(`services up in ${seconds(performance.now() - started)} s: ${this.instances.map((i) => `${i.label} (pid ${i.proc.pid})`).join(', ')}`);
  }

  /**
   * data/trials through the matcher's API (`mmmatch trials load`); done when the re-screens that started
   * are finished and every matcher instance screens against every trial open to screening (the other
   * instances learn them from trial-criteria.v1).
   */
  async loadCatalog(): Promise<{ trials: number; screened: number }> {
    const started = performance.now();
    const matcherUrl = this.instances.find((i) => i.service === 'matcher')!.proc.url;
    const loaded = await loadTrials(TRIALS_DIR, matcherUrl, null, authorizedFetch(mintToken(ADMIN)));
    if (loaded.failed.length > 0) throw new Error(`the catalog did not load: ${JSON.stringify(loaded.failed).slice(0, 1000)}`);
    const screened = readdirSync(TRIALS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(TRIALS_DIR, f), 'utf8')) as TrialCriteriaV1)
      .filter((d) => compileTrial(d).screened)
      .map((d) => d.trialId);
    const rescreens = loaded.published.flatMap((p) => (p.rescreen ? [p.rescreen] : []));
    const probe = JSON.stringify({ events: [{ eventId: 'probe', type: 'demographics', occurredAt: '2020-01-01', data: { birthDate: '1960-01-01', sex: 'female' } }] });
    await until(
      async () => {
        for (const id of rescreens) {
          const res = await authorizedFetch(mintToken(ADMIN))(`${matcherUrl}/v1/rescreens/${id}`);
          if (!res.ok || ((await res.json()) as { status: string }).status === 'running') return false;
        }
        for (const m of this.instances.filter((i) => i.service === 'matcher')) {
          const res = await authorizedFetch(mintToken(NETWORK_COORDINATOR))(`${m.proc.url}/v1/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: probe });
          if (!res.ok) return false;
          const held = new Set(((await res.json()) as { results: Array<{ trialId: string }> }).results.map((r) => r.trialId));
          if (screened.some((id) => !held.has(id))) return false;
        }
        return true;
      },
      300_000,
      'the catalog to be held by every matcher instance and its re-screens finished',
    );
    console.log(`catalog: ${loaded.published.length} trials published (${screened.length} open to screening), held by every matcher instance, in ${seconds(performance.now() - started)} s`);
    return { trials: loaded.published.length, screened: screened.length };
  }

  /** The pipeline poll, on connections of its own to the three databases. */
  async watch(): Promise<void> {
    for (const s of SERVICES) {
      const c = new Client({ connectionString: this.urls[s] });
      this.outboxes[s] = c;
      await c.connect();
    }
    this.monitor = new Monitor(this.admin, this.prefix, this.outboxes, this.watched);
  }

  /** Memory of each watched process: call at a phase's start, call the result at its end. */
  private memoryTracker(): () => Record<string, Memory> {
    const most: Record<string, number> = {};
    const off = this.pipeline.on((s) => {
      for (const [label, mb] of Object.entries(s.rssMb)) most[label] = Math.max(most[label] ?? 0, mb);
    });
    return () => {
      off();
      return Object.fromEntries(
        this.watched.map(({ label, pid }) => {
          const now = memoryOf(pid);
          return [label, { rssMb: now?.rssMb ?? NaN, maxRssMb: Math.max(most[label] ?? 0, now?.rssMb ?? 0), peakMb: now?.peakMb ?? NaN }];
        }),
      );
    };
  }

  /** A pipeline phase's figures from its counts and timings (ms on performance.now()). */
  private result(
    phase: string,
    mode: PipelineResult['mode'],
    events: number,
    meanEventBytes: number,
    times: { firstSend: number; lastSend: number; drained: Drained },
    before: Record<ServiceName, number>,
    after: Record<ServiceName, number>,
    cpuCores: CpuUse | null,
    memory: Record<string, Memory>,
  ): PipelineResult {
    const elapsed = (times.drained.at - times.firstSend) / 1000;
    const out = { profiles: after.intake - before.intake, results: after.matcher - before.matcher, notifications: after.notifier - before.notifier };
    const consumed: Record<ServiceName, number> = { intake: events, matcher: out.profiles, notifier: out.results };
    return {
      phase,
      mode,
      events,
      meanEventBytes,
      produceSeconds: seconds(times.lastSend - times.firstSend),
      elapsedSeconds: round(elapsed, 2),
      eventsPerSecond: round(events / elapsed, 1),
      published: out,
      profilesPerSecond: round(out.profiles / elapsed, 1),
      resultsPerSecond: round(out.results / elapsed, 1),
      notificationsPerSecond: round(out.notifications / elapsed, 1),
      stages: Object.fromEntries(
        SERVICES.map((s) => {
          const d = (times.drained.stages[s] - times.firstSend) / 1000;
          return [s, { drainedAfterSeconds: round(d, 2), consumed: consumed[s], perSecond: round(consumed[s] / d, 1) }];
        }),
      ) as PipelineResult['stages'],
      cpuCores,
      services: this.servicesCores(cpuCores),
      memory,
      notes: [],
    };
  }

  /** Events through the pipeline before anything is measured (start-up costs, first connections, JIT); not reported. */
  async warmUp(stream: EventStream, p: Producer): Promise<number> {
    console.log(`warm-up: ${SETTINGS.warmupEvents} events through the pipeline (not reported)…`);
    const events = stream.take(SETTINGS.warmupEvents);
    const started = performance.now();
    for (let i = 0; i < events.length; i += SETTINGS.sendBatch) await p.send({ topic: TOPICS.patientEvents, acks: -1, messages: events.slice(i, i + SETTINGS.sendBatch).map(toMessage) });
    const drained = await this.pipeline.waitDrained(performance.now(), 'warm-up');
    console.log(`  drained after ${seconds(drained.at - started)} s`);
    return events.length;
  }

  /**
   * What the pipeline costs with no events (BENCH_E2E_IDLE_SECONDS after the warm-up has drained): the
   * services' timers (outbox polls, periodic tasks, consumer fetches), their databases and the broker,
   * and this process watching the outboxes. It is paid at any rate, so it weighs most at low ones.
   */
  async idle(): Promise<IdleResult> {
    console.log(`idle: no events for ${SETTINGS.idleSeconds} s…`);
    const cpu = cpuWindow(null, this.labels());
    await sleep(SETTINGS.idleSeconds * 1000);
    const cpuCores = cpu.stop();
    return { seconds: SETTINGS.idleSeconds, cpuCores, services: this.servicesCores(cpuCores) };
  }

  /** Each service's cores (its instances together) and its database's, in a CPU window. */
  servicesCores(cpuCores: CpuUse | null): PipelineResult['services'] {
    const instanceCores = (s: ServiceName): number | null =>
      cpuCores?.labelled ? round(this.instances.filter((i) => i.service === s).reduce((sum, i) => sum + (cpuCores.labelled![i.label] ?? 0), 0), 2) : null;
    return Object.fromEntries(SERVICES.map((s) => [s, { cores: instanceCores(s), postgresCores: cpuCores?.labelled?.[`postgres: ${s} db`] ?? null }])) as PipelineResult['services'];
  }

  /** As fast as the pipeline drains for BENCH_E2E_SECONDS (sends of 100 while fewer than BENCH_E2E_BACKLOG messages wait), then drained. */
  async sustained(stream: EventStream, p: Producer): Promise<PipelineResult> {
    console.log(`sustained: as fast as the pipeline drains for ${SETTINGS.seconds} s (at most ${SETTINGS.backlog.toLocaleString('en')} messages waiting)…`);
    const mon = this.pipeline;
    const before = await published(this.outboxes);
    const memory = this.memoryTracker();
    const bytesBefore = { bytes: stream.bytes, taken: stream.taken };
    // Sends so far, as [time, total]: how many came after a poll started is not in its lags yet.
    const sends: Array<[number, number]> = [];
    const sentBy = (at: number): number => {
      for (let i = sends.length - 1; i >= 0; i--) if (sends[i]![0] <= at) return sends[i]![1];
      return 0;
    };
    let sent = 0;
    const timeline: NonNullable<PipelineResult['timeline']> = [];
    const cpu = cpuWindow(null, this.labels());
    const firstSend = performance.now();
    const offTimeline = mon.on((s) => timeline.push({ t: seconds(s.endedAt - firstSend), sent, lag: s.lag }));
    let poolUsedUp = false;
    const deadline = firstSend + SETTINGS.seconds * 1000;
    while (performance.now() < deadline) {
      const latest = mon.latest;
      const waiting = latest && latest.startedAt >= firstSend ? latest.lag.intake + latest.lag.matcher + latest.lag.notifier + (sent - sentBy(latest.startedAt)) : sent;
      if (waiting >= SETTINGS.backlog) {
        await sleep(20);
        continue;
      }
      const batch = stream.take(SETTINGS.sendBatch);
      if (batch.length === 0) {
        poolUsedUp = true;
        break;
      }
      await p.send({ topic: TOPICS.patientEvents, acks: -1, messages: batch.map(toMessage) });
      sent += batch.length;
      sends.push([performance.now(), sent]);
    }
    const lastSend = performance.now();
    const drained = await mon.waitDrained(lastSend, 'sustained');
    offTimeline();
    const cpuCores = cpu.stop();
    const after = await published(this.outboxes);
    const meanBytes = round((stream.bytes - bytesBefore.bytes) / Math.max(1, stream.taken - bytesBefore.taken), 0);
    const r = this.result(`e2e sustained ${SETTINGS.seconds} s`, 'sustained', sent, meanBytes, { firstSend, lastSend, drained }, before, after, cpuCores, memory());
    r.timeline = timeline;
    if (poolUsedUp) r.notes.push(`the pool of ${SETTINGS.patients} patients was used up after ${seconds(lastSend - firstSend)} s`);
    return r;
  }

  /** `rate` events/s for BENCH_E2E_PACED_SECONDS through the load driver; latency to the notification carrying each event's correlation id. */
  async paced(stream: EventStream, rate: number): Promise<PipelineResult> {
    const count = rate * SETTINGS.pacedSeconds;
    console.log(`paced: ${rate} events/s for ${SETTINGS.pacedSeconds} s (load driver), latency to the notification…`);
    const events = stream.take(count);
    const before = await published(this.outboxes);
    const memory = this.memoryTracker();
    const d = await drive(
      { brokers: this.infra.brokers, groupId: `${this.prefix}bench-latency-${rate}`, rate, tickMs: DRIVER_TICK_MS, answerTimeoutMs: SETTINGS.drainTimeoutSeconds * 1000, topic: TOPICS.patientEvents, answerTopic: TOPICS.matchNotifications },
      events,
      this.tmp,
      this.withPid('bench load driver'),
      this.children,
      async () => {
        const drained = await this.pipeline.waitDrained(performance.now(), `paced ${rate}/s`);
        await sleep(1000); // for the driver to read the last notifications (it polls every 10 ms)
        return drained;
      },
    );
    const after = await published(this.outboxes);
    const firstSend = d.sentAt - d.report.sendSeconds * 1000;
    const r = this.result(`e2e paced ${rate}/s`, 'paced', events.length, meanBytesOf(events), { firstSend, lastSend: d.sentAt, drained: d.drained! }, before, after, d.cpuCores, memory());
    r.offeredRate = rate;
    r.latencyMs = latencyOf(d.report.latencies);
    r.matched = d.report.latencies.length;
    r.notificationMessages = d.report.resultMessages;
    if (d.report.sendSeconds > SETTINGS.pacedSeconds * 1.1) r.notes.push(`sending took ${round(d.report.sendSeconds, 1)} s instead of ${SETTINGS.pacedSeconds}`);
    if (events.length < count) r.notes.push(`the pool of ${SETTINGS.patients} patients was used up: ${events.length} of ${count} events`);
    return r;
  }

  /** Stops and drops everything the run started (once; on success, failure and interruption alike). */
  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      const step = async (what: string, f: () => Promise<unknown>): Promise<void> => {
        try {
          await f();
        } catch (e) {
          console.error(`clean-up: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      };
      for (const c of this.children) c.kill('SIGKILL');
      await step('stopping the pipeline poll', async () => this.monitor?.stop());
      await step('closing the bench clients', () => Promise.all([...this.producers.map((p) => p.disconnect()), ...this.consumers.map((c) => c.disconnect()), ...Object.values(this.outboxes).map((c) => c.end())]));
      await step('stopping the services', () => Promise.all(this.instances.map((i) => i.proc.stop('SIGTERM', 20_000))));
      if (this.failed && this.instances.some((i) => i.proc.log !== '')) {
        mkdirSync(RESULTS, { recursive: true });
        for (const i of this.instances) writeFileSync(join(RESULTS, `e2e-${this.stamp}.${i.label.replace(' ', '-')}.log`), i.proc.log);
        console.error(`the services' logs: bench/results/e2e-${this.stamp}.<service>-<n>.log`);
      }
      for (const db of [...Object.values(this.databases), ...this.floorDatabases]) await step(`dropping database ${db}`, () => dropDatabase(this.infra.databaseUrl, db));
      if (this.topics.length > 0) await step(`deleting ${this.topics.join(', ')}`, () => this.admin.deleteTopics({ topics: this.topics }));
      await step('deleting the consumer groups', async () => {
        const ours = (await this.admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(this.prefix));
        if (ours.length > 0) await this.admin.deleteGroups(ours);
      });
      await step('closing the admin client', () => this.admin.disconnect());
      rmSync(this.tmp, { recursive: true, force: true });
      rmSync(TEST_JWKS_FILE, { force: true });
    })();
    return this.cleaning;
  }
}

// ---------------------------------------------------------------- the report

interface Report {
  run: E2eRun;
  load: number[];
  busyBefore: CpuUse | null;
  catalog: { trials: number; screened: number };
  baselines: Baselines;
  idle: IdleResult;
  sustained: PipelineResult;
  paced: PipelineResult[];
  stored: number | null;
  storage: Record<ServiceName, Storage>;
  sent: number;
  patientsUsed: number;
  otherIntakeGroups: string[];
}

/** Prints the tables, writes the JSON and the chart; returns the JSON's path. */
function report(r: Report): string {
  const { baselines: b, sustained, paced } = r;
  const pp = 'skipped' in b.producerPerformance ? null : b.producerPerformance;
  const pipeline = [sustained, ...paced];
  const atTargetRate = paced.find((p) => p.offeredRate === TARGETS.p99AtRate);
  const ratios = {
    sustainedVsRawKafkajs: round(sustained.eventsPerSecond / b.rawBurst.eventsPerSecond, 4),
    sustainedVsProducerPerformance: pp ? round(sustained.eventsPerSecond / pp.recordsPerSecond, 5) : null,
    rawKafkajsVsProducerPerformance: pp ? round(b.rawBurst.eventsPerSecond / pp.recordsPerSecond, 3) : null,
    pacedP50VsRaw: round(paced[0]!.latencyMs!.p50 / b.rawPaced.latencyMs.p50, 1),
    pacedP99VsRaw: round(paced[0]!.latencyMs!.p99 / b.rawPaced.latencyMs.p99, 1),
    /** The pipeline's p99 at the paced rate over each floor's (the same rate). */
    pacedP99VsFloor: Object.fromEntries(b.floors.map((f) => [f.floor!, round(paced[0]!.latencyMs!.p99 / f.latencyMs.p99, 1)])),
  };
  const targets = [
    { target: `at least ${TARGETS.sustainedEventsPerSecond.toLocaleString('en')} events/s sustained end to end`, measured: sustained.eventsPerSecond, met: sustained.eventsPerSecond >= TARGETS.sustainedEventsPerSecond },
    { target: `p99 under ${TARGETS.p99Ms} ms at ${TARGETS.p99AtRate} events/s`, measured: atTargetRate?.latencyMs?.p99 ?? null, met: atTargetRate ? atTargetRate.latencyMs!.p99 < TARGETS.p99Ms : null },
  ];

  const pacedRow = (name: string, r: RawPacedResult): string[] => [
    name,
    String(r.sent),
    String(r.meanEventBytes),
    fixed(r.sent / Math.max(0.001, r.sendSeconds)),
    '',
    '',
    '',
    fixed(r.latencyMs.p50, 1),
    fixed(r.latencyMs.p95, 1),
    fixed(r.latencyMs.p99, 1),
    fixed(r.latencyMs.max, 1),
    String(r.answered),
  ];
  console.log('');
  table(
    ['phase', 'events', 'bytes', 'ev/s', 'profiles/s', 'results/s', 'notif/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'matched'],
    [
      pp
        ? ['ProducerPerformance (ack latency)', String(pp.records), String(pp.meanRecordBytes), fixed(pp.recordsPerSecond), '', '', '', fixed(pp.ackLatencyMs.p50), fixed(pp.ackLatencyMs.p95), fixed(pp.ackLatencyMs.p99), fixed(pp.ackLatencyMs.max), '']
        : ['ProducerPerformance (not run)', '-', '-', '-', '', '', '', '', '', '', '', ''],
      ['raw kafkajs burst', String(b.rawBurst.events), String(b.rawBurst.meanMessageBytes), fixed(b.rawBurst.eventsPerSecond), '', '', '', fixed(b.rawBurst.latency.p50), fixed(b.rawBurst.latency.p95), fixed(b.rawBurst.latency.p99), fixed(b.rawBurst.latency.max), ''],
      pacedRow(`raw kafkajs paced ${b.rawPaced.offeredRate}/s`, b.rawPaced),
      ...b.floors.map((f) => pacedRow(`floor (${f.floor}) ${f.offeredRate}/s`, f)),
      ...pipeline.map((p) => [
        p.phase,
        String(p.events),
        String(p.meanEventBytes),
        fixed(p.eventsPerSecond),
        fixed(p.profilesPerSecond),
        fixed(p.resultsPerSecond),
        fixed(p.notificationsPerSecond),
        fixed(p.latencyMs?.p50),
        fixed(p.latencyMs?.p95),
        fixed(p.latencyMs?.p99),
        fixed(p.latencyMs?.max),
        p.matched === undefined ? '' : `${p.matched} (${fixed((100 * p.matched) / Math.max(1, p.events))}%)`,
      ]),
    ],
  );
  console.log('(burst latencies are mostly queueing; paced pipeline latency: event produced → its notification consumed, over the matched events only; floor: three relay hops, event produced → arrived on the last topic)');
  console.log('');
  table(
    ['stage throughput', 'intake ev/s', 'drained s', 'matcher prof/s', 'drained s', 'notifier res/s', 'drained s', 'elapsed s'],
    pipeline.map((p) => [
      p.phase,
      fixed(p.stages.intake.perSecond),
      fixed(p.stages.intake.drainedAfterSeconds, 1),
      fixed(p.stages.matcher.perSecond),
      fixed(p.stages.matcher.drainedAfterSeconds, 1),
      fixed(p.stages.notifier.perSecond),
      fixed(p.stages.notifier.drainedAfterSeconds, 1),
      fixed(p.elapsedSeconds, 1),
    ]),
  );
  console.log("(a stage's input over the time until it and those before it drained: a lower bound of its capacity when it drained with the stage before it; the last to drain is the slowest)");
  console.log('');
  const cpuRow = (name: string, c: CpuUse | null, services: PipelineResult['services'] | null): string[] => [
    name,
    ...SERVICES.map((s) => fixed(services?.[s].cores, 2)),
    ...SERVICES.map((s) => fixed(services?.[s].postgresCores, 2)),
    fixed(c?.['postgres: other'], 2),
    fixed(c?.['kafka broker'], 2),
    fixed(c ? c['bench process'] + (c.labelled?.['bench load driver'] ?? 0) + (c.labelled?.ProducerPerformance ?? 0) : null, 2),
    fixed(c?.['rest of machine'], 2),
    fixed(c?.machine, 2),
  ];
  const cpuRows: Array<[string, CpuUse | null, PipelineResult['services'] | null]> = [
    ['ProducerPerformance', pp?.cpuCores ?? null, null],
    ['raw kafkajs burst', b.rawBurst.cpuCores, null],
    [`raw kafkajs paced ${b.rawPaced.offeredRate}/s`, b.rawPaced.cpuCores, null],
    ...b.floors.map((f): [string, CpuUse | null, null] => [`floor (${f.floor}) ${f.offeredRate}/s`, f.cpuCores, null]),
    [`idle, ${r.idle.seconds} s (no events)`, r.idle.cpuCores, r.idle.services],
    ...pipeline.map((p): [string, CpuUse | null, PipelineResult['services']] => [p.phase, p.cpuCores, p.services]),
  ];
  table(
    ['cores busy (2 = all)', 'intake', 'matcher', 'notifier', 'pg intake', 'pg matcher', 'pg notifier', 'pg other', 'kafka', 'bench', 'rest', 'machine'],
    cpuRows.map(([name, c, services]) => cpuRow(name, c, services)),
  );
  for (const [name, c] of cpuRows) if (c && c.busiestOthers.length > 0) console.log(`  rest during ${name}: ${c.busiestOthers.join('; ')}`);
  console.log('(bench: this process with its load driver or ProducerPerformance; kafka: the broker)');
  for (const f of b.floors) {
    const l = f.cpuCores?.labelled ?? {};
    const sum = (prefix: string): string => fixed(Object.entries(l).filter(([n]) => n.startsWith(prefix)).reduce((t, [, v]) => t + v, 0), 2);
    console.log(`floor (${f.floor}): its three hops ${sum('floor hop')} of a core${f.floor === 'postgres' ? `, their databases ${sum('postgres: floor hop')}` : ''}`);
  }
  console.log('');
  table(
    ['memory MB: VmRSS at the end / most seen / peak', ...pipeline.map((p) => p.phase)],
    r.run.watched.map(({ label }) => [label, ...pipeline.map((p) => `${fixed(p.memory[label]?.rssMb)} / ${fixed(p.memory[label]?.maxRssMb)} / ${fixed(p.memory[label]?.peakMb)}`)]),
  );
  console.log('');
  console.log(
    `end to end / raw kafkajs burst: ${ratios.sustainedVsRawKafkajs}` +
      (pp ? `; end to end / ProducerPerformance: ${ratios.sustainedVsProducerPerformance}; raw kafkajs / ProducerPerformance: ${ratios.rawKafkajsVsProducerPerformance}` : ''),
  );
  console.log(`paced ${paced[0]!.offeredRate}/s latency, pipeline / raw kafkajs: p50 ${ratios.pacedP50VsRaw}x, p99 ${ratios.pacedP99VsRaw}x`);
  for (const [kind, ratio] of Object.entries(ratios.pacedP99VsFloor)) console.log(`paced ${paced[0]!.offeredRate}/s p99, pipeline / floor (${kind}): ${ratio}x`);
  for (const t of targets) console.log(`target: ${t.target}: ${t.measured === null ? `not measured (BENCH_E2E_RATE is ${SETTINGS.rate})` : `${t.measured} → ${t.met ? 'met' : 'NOT met'}`}`);
  console.log(
    `stored by intake: ${r.stored} events of the ${r.sent} sent` + (r.stored !== null && r.stored > r.sent ? ` (${r.stored - r.sent} produced by someone else meanwhile)` : '') + `; ${r.patientsUsed} patients of the pool of ${SETTINGS.patients} used`,
  );
  const mb = (b: number): string => (b / 1e6).toFixed(1);
  for (const s of SERVICES) {
    const st = r.storage[s];
    const perEvent = r.stored ? ` = ${(st.bytes / r.stored / 1000).toFixed(1)} KB per stored event` : '';
    console.log(`storage ${s}: ${mb(st.bytes)} MB${perEvent} (${st.tables.map((t) => `${t.table} ${mb(t.bytes)} MB / ${t.rows} rows`).join(', ')})`);
  }
  for (const p of pipeline) for (const n of p.notes) console.log(`note (${p.phase}): ${n}`);

  const previous = previousWithOtherInstances();
  const comparison = previous ? { ...previous, scaling: round(sustained.eventsPerSecond / previous.sustained, 2) } : null;
  if (comparison) console.log(`scale-out: ${sustained.eventsPerSecond} events/s end to end with ${SETTINGS.instances} instance(s) of each service, ${comparison.sustained} with ${comparison.instances} (${comparison.file}): ×${comparison.scaling}`);

  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `e2e-${r.run.stamp}.json`);
  const { latency, ...rawBurst } = b.rawBurst;
  const result = {
    bench: 'e2e',
    run: r.run.run,
    startedAt: r.run.startedAt.toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadAverageAtStart: r.load, coresBusyBeforeStart: r.busyBefore?.machine ?? null },
    settings: {
      ...SETTINGS,
      partitions: r.run.partitions,
      driverTickMs: DRIVER_TICK_MS,
      driverMaxWaitMs: DRIVER_MAX_WAIT_MS,
      catalogTrials: r.catalog.trials,
      screenedTrials: r.catalog.screened,
      serviceEnv: 'test/support/services.ts serviceEnv (DATABASE_POOL_SIZE=5) with OUTBOX_POLL_MS at its default (250), LOG_LEVEL=warn, NOTIFIER_QUIET_PERIOD_HOURS=1',
      overrides: Object.fromEntries(SERVICES.map((s) => [s, overridesOf(s)])),
    },
    targets,
    baselines: { producerPerformance: b.producerPerformance, rawKafkajsBurst: { ...rawBurst, latencyMs: latency }, rawKafkajsPaced: b.rawPaced, floors: b.floors },
    phases: { idle: r.idle, sustained, paced },
    ratios,
    stored: { events: r.stored, sent: r.sent, patientsUsed: r.patientsUsed },
    storage: r.storage,
    otherIntakeGroupsAtStart: r.otherIntakeGroups,
    comparison,
  };
  writeFileSync(file, `${JSON.stringify({ ...result, processSeconds: round(process.uptime(), 0) }, null, 2)}\n`);
  writeFileSync(
    file.replace(/\.json$/, '.svg'),
    chartSvg(
      `bench:e2e ${r.run.startedAt.toISOString().slice(0, 16)}: ${SETTINGS.instances} instance(s) of each service, ${cpus().length} cores`,
      [
        ...(pp ? [{ name: 'ProducerPerformance', value: pp.recordsPerSecond }] : []),
        { name: 'raw kafkajs burst', value: b.rawBurst.eventsPerSecond },
        { name: `raw kafkajs ${b.rawPaced.offeredRate}/s`, value: b.rawPaced.sent / Math.max(0.001, b.rawPaced.sendSeconds) },
        { name: 'e2e sustained', value: sustained.eventsPerSecond },
        ...paced.map((p) => ({ name: `e2e ${p.offeredRate}/s`, value: p.eventsPerSecond })),
      ],
      [
        { name: `raw kafkajs ${b.rawPaced.offeredRate}/s`, latency: b.rawPaced.latencyMs },
        ...b.floors.map((f) => ({ name: `floor (${f.floor}) ${f.offeredRate}/s`, latency: f.latencyMs })),
        ...paced.map((p) => ({ name: `e2e ${p.offeredRate}/s (${p.matched} matched)`, latency: p.latencyMs! })),
      ],
    ),
  );
  return file;
}

async function main(): Promise<void> {
  const infra = requireInfra('bench:e2e');
  if (!Number.isInteger(SETTINGS.instances)) throw new Error(`BENCH_E2E_INSTANCES must be a whole number (got ${SETTINGS.instances})`);
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const load = loadavg().map((x) => round(x, 2));
  const idle = cpuWindow(null);
  await sleep(1000);
  const busyBefore = idle.stop();
  const run = new E2eRun(infra);
  console.log(
    `bench:e2e run ${run.run}: ${SETTINGS.instances} instance(s) of each service, on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `before starting: ${busyBefore ? `${busyBefore.machine} cores busy` : 'machine load unknown'}, load average ${load.join(' ')}`,
  );
  if (busyBefore && busyBefore.machine - busyBefore['bench process'] > 0.3) console.log(`  note: something else is using the machine (${busyBefore.busiestOthers.join('; ') || 'see top'}); figures will show it ("rest")`);
  const interrupted = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping and cleaning up…`);
    void run.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await run.admin.connect();
    const others = await otherIntakeGroups(run.k, null);
    if (others.length > 0) console.log(`  warning: other intake consumer groups are up on this broker (${others.join(', ')}), probably a test run: they consume the bench's events too; better run it alone`);
    run.partitions = (await run.admin.fetchTopicMetadata({ topics: [TOPICS.patientEvents] })).topics[0]?.partitions.length ?? 6;

    const baselines = await run.baselines();
    await run.startServices();
    const catalog = await run.loadCatalog();
    await run.watch();
    const p = await producer(run.k);
    run.producers.push(p);
    const stream = new EventStream(`e2e-${run.run}`, SETTINGS.patients, SETTINGS.interleave, run.pseudonymKey);
    const warm = await run.warmUp(stream, p);
    const idle = await run.idle();
    const sustained = await run.sustained(stream, p);
    const paced = [await run.paced(stream, SETTINGS.rate), await run.paced(stream, SETTINGS.lowRate)];

    const [stored] = (await run.outboxes.intake.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake.raw_events`)).rows;
    const storage = await storageOf(run.outboxes);
    const file = report({
      run,
      load,
      busyBefore,
      catalog,
      baselines,
      idle,
      sustained,
      paced,
      stored: stored?.n ?? null,
      storage,
      sent: warm + sustained.events + paced.reduce((s, x) => s + x.events, 0),
      patientsUsed: stream.drawn,
      otherIntakeGroups: others,
    });
    console.log(`written ${file} and its chart ${file.replace(/\.json$/, '.svg')} (${process.uptime().toFixed(0)} s since the process started)`);
    run.failed = false;
  } finally {
    await run.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:e2e failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
