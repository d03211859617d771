/**
 * `npm run bench:intake`: how fast the real intake service turns hospital events on Kafka into stored
 * events and published profiles, on the real Kafka broker and PostgreSQL server, next to a raw kafkajs
 * produce→consume baseline measured in the same run. Prints two small tables and writes
 * bench/results/intake-<timestamp>.json; asserts nothing.
 *
 * Needs DATABASE_URL and KAFKA_BROKERS, like the integration tests (it stops with a message otherwise):
 *   npm run infra:up && . .data/infra/env && npm run bench:intake
 *   (`npm run infra:up` starts or finds PostgreSQL and Kafka and writes .data/infra/env; after
 *   `KEEP_INFRA=1 npm test` they are still up and `. .data/infra/env` is enough; `npm run infra:down` stops them)
 * Run it alone: every intake consumer group on the broker (a test run's `it-<run>-intake`) consumes the
 * bench's events too, which slows both; the bench warns when it sees one.
 *
 * What runs, in this one process, as in the integration tests:
 *   - intake, started with test/support/services.ts `startSystem(..., ['intake'])`: a fresh database on the
 *     real server (dropped at the end), a new consumer group pinned at the end of patient-events.v1, the
 *     test environment (pool of 5, outbox poll 50 ms), LOG_LEVEL=error, and a pseudonym key of its own, so
 *     that profiles published by another intake instance for the same events (see above) are told apart;
 *   - synthetic relapsed myeloma histories, 12 native patient-events.v1 events per patient (demographics,
 *     diagnosis, cytogenetics, an induction regimen such as VRd/KRd/DRd with its best response and
 *     progression, M-protein, a salvage regimen such as DPd/KPd/Isa-Kd, recent hemoglobin, creatinine in
 *     µmol/L, platelets or a late-arriving ASCT, ECOG), each checked with intake's own validation first;
 *     keyed by patient id, in clinical order per patient, patients interleaved, each with x-correlation-id
 *     = its unique event id. Every event raises the profile's eventCount, so each is in a profile message
 *     on patient-profiles.v1: intake publishes one profile version per patient per fetched batch, with
 *     the correlation id of the patient's last event in it, and that message completes the patient's
 *     events sent up to that one (only the last carries the message's size);
 *   - the raw baseline: the same generator (same sizes, keys, headers, the same idempotent acks=all
 *     producer) to a scratch topic with as many partitions as patient-events.v1, created here and deleted
 *     at the end, consumed by kafkajs set up like our consumers (libs/platform kafkaServerOptions:
 *     eachMessage, KAFKA_PARTITIONS_CONCURRENTLY partitions at once, auto-commit) doing nothing else.
 *
 * Phases, in order: warm-up (200 events each, not reported); raw burst; intake burst; intake paced; raw
 * paced. Burst: a backlog produced as fast as one producer goes (sends of 100), then drained; throughput
 * is events / (first send → last completion), "steady" the middle 80% of completions (no start-up, no
 * tail); its latencies are mostly queueing. Paced: one send per event on a fixed schedule, not waiting for
 * the previous send (so a slow send cannot hide latency); latency = just before the send → this process
 * consumes the profile (raw: the message). The paced rate, 100/s, is about a ninth of intake's burst rate on
 * 2 cores (~900 events/s), so the percentiles show per-event cost rather than a queue. Sizes: 12,000 intake
 * burst events over 1,000 patients (~15 s), 40,000 raw messages (a few seconds), 2,000 paced events each:
 * about 1.5 minutes in all, start-up (~6 s, most of it kafkajs pinning new groups' offsets) and clean-up
 * (~5 s) included. On a quiet machine, runs agreed within ~10% on throughput and a few percent on p50; p99
 * (the 20th worst of 2,000) moves more.
 * Override with BENCH_EVENTS, BENCH_RAW_EVENTS, BENCH_RATE, BENCH_PACED_SECONDS, BENCH_WARMUP; intake's own
 * settings with BENCH_INTAKE_<NAME> (BENCH_INTAKE_KAFKA_PARTITIONS_CONCURRENTLY=1 sets KAFKA_PARTITIONS_CONCURRENTLY);
 * BENCH_CPU_PROFILE=/tmp/intake.cpuprofile writes a V8 CPU profile of this process during the intake burst,
 * BENCH_CPU_PROFILE_PACED=/tmp/paced.cpuprofile one during the intake paced phase.
 *
 * "cores busy" splits the machine (2 = both cores the whole phase) into this process (intake and the
 * bench's own clients), the PostgreSQL backends serving intake's database, other PostgreSQL processes,
 * the broker, and the rest (anything else running, whose busiest processes are named under the table;
 * on a shared machine compare runs only when "rest" is near zero).
 * An interrupted run may leave a topic `bench.intake-raw.<run>` and a database `intake_<run>` behind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Consumer, ConsumerConfig, IHeaders, Kafka, Producer } from 'kafkajs';
import { dlqTopic, HEADERS, TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { pseudonymize } from '@trialmatch/core';
import { kafkaModeEnvSchema, kafkaServerOptions } from '@trialmatch/platform';
import { problemsOf } from '../../apps/intake/src/application/submit-events';
import { IntakeMetrics } from '../../apps/intake/src/intake.metrics';
import { kafka, producer, query, runId, waitForGroup } from '../../test/support/infra';
import { startSystem, TEST_PSEUDONYM_KEY, type RunningSystem } from '../../test/support/services';
import { cpuWindow, int, percentile, profiled, requireInfra, round, type CpuGroup, type CpuUse } from './support';

// ---------------------------------------------------------------- settings

const EVENTS_PER_PATIENT = 12;
const SETTINGS = {
  warmupEvents: int('BENCH_WARMUP', 200),
  burstEvents: int('BENCH_EVENTS', 12000),
  rawBurstEvents: int('BENCH_RAW_EVENTS', 40000),
  pacedRate: int('BENCH_RATE', 100),
  pacedSeconds: int('BENCH_PACED_SECONDS', 20),
  sendBatch: 100,
  eventsPerPatient: EVENTS_PER_PATIENT,
};
export const SOURCE = 'bench-hospital';
/** BENCH_INTAKE_<NAME>=<value> sets intake's <NAME> (e.g. BENCH_INTAKE_KAFKA_PARTITIONS_CONCURRENTLY=1, BENCH_INTAKE_DATABASE_POOL_SIZE=10). */
const INTAKE_OVERRIDES: Record<string, string> = Object.fromEntries(
  Object.entries(process.env)
    .filter(([name, value]) => name.startsWith('BENCH_INTAKE_') && value !== undefined)
    .map(([name, value]) => [name.slice('BENCH_INTAKE_'.length), value!]),
);

// ---------------------------------------------------------------- synthetic histories

let seed = 20240611;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const DAY = 86_400_000;
const TODAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const daysAgo = (n: number): string => new Date(TODAY - Math.round(n) * DAY).toISOString().slice(0, 10);

const INDUCTION = ['VRd', 'KRd', 'DRd', 'D-VRd', 'VCd'];
const SALVAGE = ['DPd', 'KPd', 'Isa-Kd', 'DKd', 'Elo-Pd', 'SVd', 'Isa-Pd'];
const CYTOGENETICS = ['t(4;14)', 'del(17p)', 'gain(1q)', 't(11;14)', 't(14;16)'];

export interface Outgoing {
  key: string;
  value: string;
  correlationId: string;
  /** The key of the message that completes this one: intake's profile is keyed by the patient's pseudonym, the raw copy by its own key. */
  resultKey: string;
}

export interface HistoryOptions {
  /** The random sequence drawn from (default: this bench's own, one sequence for the whole process). */
  random?: () => number;
  /**
   * A fuller relapse history, 20 to 40 events, sorted by date: the 12 events below plus doses on the
   * regimens, the diagnostic work-up (M-protein, free light chains, β2-microglobulin, LDH, albumin,
   * calcium), responses with their M-protein, sometimes MRD, apheresis and melphalan around an ASCT, often a
   * third line after a second progression (a bispecific or an anti-CD38/PI/IMiD regimen, or CAR-T with
   * apheresis, bridging and lymphodepletion), cytogenetics at relapse, and recent ANC, platelets,
   * light chains, M-protein and calcium.
   */
  extended?: boolean;
}

const DOSES: Record<string, string> = {
  VRd: 'bortezomib 1.3 mg/m2 d1,4,8,11; lenalidomide 25 mg d1-14; dexamethasone 20 mg',
  KRd: 'carfilzomib 56 mg/m2 d1,8,15; lenalidomide 25 mg d1-21; dexamethasone 40 mg weekly',
  DRd: 'daratumumab 1800 mg SC; lenalidomide 25 mg d1-21; dexamethasone 40 mg weekly',
  'D-VRd': 'daratumumab 1800 mg SC; bortezomib 1.3 mg/m2; lenalidomide 25 mg d1-14; dexamethasone 20 mg',
  VCd: 'bortezomib 1.5 mg/m2 weekly; cyclophosphamide 300 mg/m2 weekly; dexamethasone 40 mg weekly',
  DPd: 'daratumumab 1800 mg SC; pomalidomide 4 mg d1-21; dexamethasone 40 mg weekly',
  KPd: 'carfilzomib 56 mg/m2 d1,8,15; pomalidomide 4 mg d1-21; dexamethasone 40 mg weekly',
  'Isa-Kd': 'isatuximab 10 mg/kg; carfilzomib 56 mg/m2 d1,8,15; dexamethasone 20 mg',
  DKd: 'daratumumab 1800 mg SC; carfilzomib 56 mg/m2 d1,8,15; dexamethasone 40 mg weekly',
  'Elo-Pd': 'elotuzumab 10 mg/kg; pomalidomide 4 mg d1-21; dexamethasone 40 mg weekly',
  SVd: 'selinexor 100 mg weekly; bortezomib 1.3 mg/m2 weekly; dexamethasone 40 mg weekly',
  'Isa-Pd': 'isatuximab 10 mg/kg; pomalidomide 4 mg d1-21; dexamethasone 40 mg weekly',
  Kd: 'carfilzomib 70 mg/m2 weekly; dexamethasone 40 mg weekly',
  Pd: 'pomalidomide 4 mg d1-21; dexamethasone 40 mg weekly',
  teclistamab: '1.5 mg/kg SC weekly after step-up',
  elranatamab: '76 mg SC weekly after step-up',
  talquetamab: '0.4 mg/kg SC weekly after step-up',
};
const THIRD_LINE = ['teclistamab', 'elranatamab', 'talquetamab', 'Kd', 'Pd', 'SVd', 'DKd', 'Isa-Pd'];

/**
 * One relapsed myeloma patient, 12 events in clinical order (the ASCT, when there is one, arrives late, as
 * feeds do); `extended`: a fuller history (see HistoryOptions).
 */
export function patientHistory(prefix: string, n: number, options: HistoryOptions = {}): PatientEventV1[] {
  const random = options.random ?? rnd;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const between = (lo: number, hi: number, digits = 0): number => Number((lo + random() * (hi - lo)).toFixed(digits));
  const patientId = `${prefix}-MRN-${String(n).padStart(6, '0')}`;
  let k = 0;
  const ev = (type: PatientEventV1['type'], occurredAt: string, data: Record<string, unknown>): PatientEventV1 => ({
    eventId: `${prefix}-${String(n).padStart(6, '0')}-${String(++k).padStart(2, '0')}`,
    patientId,
    source: SOURCE,
    type,
    occurredAt,
    data,
  });
  const dx = between(900, 2600); // diagnosis 2.5 to 7 years ago
  const l1End = dx - between(400, 800);
  const l2Start = l1End - between(10, 30);
  const recent = between(3, 40);
  const heavy = pick(['IgG', 'IgG', 'IgA', 'none']);
  const base = [
    ev('demographics', daysAgo(dx), { birthDate: daysAgo(dx + between(45, 78) * 365.25), sex: pick(['female', 'male']), weightKg: between(50, 105, 1), heightCm: between(152, 192) }),
    ev('diagnosis', daysAgo(dx), {
      condition: 'multiple-myeloma',
      diagnosisDate: daysAgo(dx),
      isotype: { heavyChain: heavy, lightChain: pick(['kappa', 'lambda']) },
      issStage: pick(['I', 'II', 'III']),
    }),
    ev('cytogenetics', daysAgo(dx - 5), { abnormality: pick(CYTOGENETICS), result: pick(['detected', 'not-detected']), percentCells: between(5, 80), timing: 'diagnosis' }),
    ev('medication', daysAgo(dx - 20), { drug: pick(INDUCTION), start: daysAgo(dx - 20), end: daysAgo(l1End), intent: 'induction', cycles: between(4, 8), reasonStopped: 'progression' }),
    ev('response-assessment', daysAgo(dx - 150), { category: pick(['CR', 'VGPR', 'VGPR', 'PR']), criteria: 'IMWG' }),
    ev('lab', daysAgo(l1End + 5), { code: '33358-3', value: between(0.4, 3.5, 2), unit: 'g/dL' }),
    ev('response-assessment', daysAgo(l1End + 3), { category: 'PD', criteria: 'IMWG' }),
    ev('medication', daysAgo(l2Start), { drug: pick(SALVAGE), start: daysAgo(l2Start), intent: 'salvage', cycles: between(2, 12) }),
    ev('lab', daysAgo(recent), { code: '718-7', value: between(7.5, 14.5, 1), unit: 'g/dL' }),
    ev('lab', daysAgo(recent), { code: '2160-0', value: between(55, 190), unit: 'umol/L' }),
    random() < 0.4 ? ev('procedure', daysAgo(dx - 200), { kind: 'autologous-sct' }) : ev('lab', daysAgo(recent), { code: '777-3', value: between(40, 320), unit: '10*9/L' }),
    ev('performance-status', daysAgo(recent), { ecog: pick([0, 1, 1, 2]) }),
  ];
  if (!options.extended) return base;

  const out = [...base];
  const lab = (at: number, code: string, value: number, unit: string): void => {
    out.push(ev('lab', daysAgo(at), { code, value, unit }));
  };
  const light = (base[1]!.data.isotype as { lightChain: string }).lightChain;
  const chains = (at: number, involved: number): void => {
    lab(at, light === 'kappa' ? '36916-5' : '33944-0', involved, 'mg/L');
    lab(at, light === 'kappa' ? '33944-0' : '36916-5', between(3, 25, 1), 'mg/L');
  };
  const mProtein = (at: number, lo: number, hi: number): void => {
    if (heavy !== 'none') lab(at, '33358-3', between(lo, hi, 2), 'g/dL');
  };
  for (const m of base.filter((e) => e.type === 'medication')) {
    const dose = DOSES[m.data.drug as string];
    if (dose) m.data.dose = random() < 0.25 ? `${dose} (dose-reduced)` : dose;
  }
  // Work-up at diagnosis.
  mProtein(dx - 3, 1.5, 6);
  chains(dx - 3, between(120, 2400, 1));
  lab(dx - 3, '1952-1', between(1.8, 9, 1), 'mg/L');
  lab(dx - 3, '2532-0', between(140, 420), 'U/L');
  lab(dx - 3, '1751-7', between(2.8, 4.6, 1), 'g/dL');
  lab(dx - 3, '17861-6', between(8.6, 12.4, 1), 'mg/dL');
  // First line: response with its M-protein, sometimes MRD; apheresis and melphalan before an ASCT.
  mProtein(dx - 150, 0, 0.6);
  if (random() < 0.35) out.push(ev('mrd', daysAgo(dx - 180), { method: pick(['NGS', 'NGF']), sensitivity: 0.00001, result: pick(['negative', 'positive']) }));
  if (base.some((e) => e.type === 'procedure')) {
    out.push(ev('procedure', daysAgo(dx - 170), { kind: 'apheresis' }));
    out.push(ev('medication', daysAgo(dx - 198), { drug: 'melphalan', start: daysAgo(dx - 198), end: daysAgo(dx - 198), intent: 'conditioning', dose: '200 mg/m2' }));
  }
  // Second line: a response; often a second progression and a third line (sometimes CAR-T).
  const salvage = base[7]!;
  if (l2Start - 60 > recent + 5) {
    out.push(ev('response-assessment', daysAgo(l2Start - 60), { category: pick(['VGPR', 'PR', 'PR', 'SD']), criteria: 'IMWG' }));
    mProtein(l2Start - 60, 0.1, 1.2);
  }
  if (l2Start - recent > 240 && random() < 0.55) {
    const l2End = l2Start - between(120, l2Start - recent - 100);
    salvage.data.end = daysAgo(l2End);
    salvage.data.reasonStopped = 'progression';
    out.push(ev('response-assessment', daysAgo(l2End + 3), { category: 'PD', criteria: 'IMWG' }));
    mProtein(l2End + 5, 0.8, 3.5);
    if (random() < 0.3) out.push(ev('cytogenetics', daysAgo(l2End + 4), { abnormality: pick(['gain(1q)', 'del(17p)', 'amp(1q)']), result: 'detected', percentCells: between(10, 90), timing: 'relapse' }));
    const l3Start = l2End - between(10, 25);
    if (l3Start - recent > 70 && random() < 0.3) {
      out.push(ev('procedure', daysAgo(l3Start), { kind: 'apheresis' }));
      out.push(ev('medication', daysAgo(l3Start - 5), { drug: 'Kd', start: daysAgo(l3Start - 5), end: daysAgo(l3Start - 30), intent: 'bridging', dose: DOSES.Kd }));
      out.push(ev('medication', daysAgo(l3Start - 35), { drug: 'cyclophosphamide', start: daysAgo(l3Start - 35), end: daysAgo(l3Start - 37), intent: 'lymphodepletion', dose: '300 mg/m2' }));
      out.push(ev('procedure', daysAgo(l3Start - 40), { kind: 'car-t-infusion', product: pick(['ciltacabtagene autoleucel', 'idecabtagene vicleucel']) }));
      if (l3Start - 70 > recent) out.push(ev('response-assessment', daysAgo(l3Start - 70), { category: pick(['sCR', 'CR', 'VGPR', 'PR']), criteria: 'IMWG' }));
    } else {
      const drug = pick(THIRD_LINE);
      out.push(ev('medication', daysAgo(l3Start), { drug, start: daysAgo(l3Start), intent: 'salvage', dose: DOSES[drug]! }));
      if (l3Start - 60 > recent) out.push(ev('response-assessment', daysAgo(l3Start - 60), { category: pick(['VGPR', 'PR', 'MR', 'SD']), criteria: 'IMWG' }));
    }
  }
  // Recent blood counts, light chains, M-protein and calcium.
  lab(recent, '751-8', between(0.6, 6.5, 2), '10*9/L');
  if (!base.some((e) => e.type === 'lab' && e.data.code === '777-3')) lab(recent, '777-3', between(40, 320), '10*9/L');
  chains(recent, between(20, 900, 1));
  mProtein(recent, 0.2, 3);
  lab(recent, '17861-6', between(8.4, 11.2, 1), 'mg/dL');
  // Clinical order (by date; same-day events keep the order above).
  return out.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

/**
 * `count` events (whole patients, rounded up) in feed order: patients interleaved, each patient's events
 * in order. With a pseudonym key, the result is intake's profile (keyed by pseudonym); without, the message itself.
 */
function feed(prefix: string, count: number, pseudonymKey: string | null): Outgoing[] {
  const patients = Array.from({ length: Math.ceil(count / EVENTS_PER_PATIENT) }, (_, i) => patientHistory(prefix, i));
  const out: Outgoing[] = [];
  for (let j = 0; j < EVENTS_PER_PATIENT; j++) {
    for (const h of patients) {
      const e = h[j]!;
      const problems = problemsOf(e);
      if (problems.length > 0) throw new Error(`bench generator made an event intake would reject: ${JSON.stringify(problems)} in ${JSON.stringify(e)}`);
      out.push({ key: e.patientId, value: JSON.stringify(e), correlationId: e.eventId, resultKey: pseudonymKey ? pseudonymize(pseudonymKey, SOURCE, e.patientId) : e.patientId });
    }
  }
  return out;
}

// ---------------------------------------------------------------- measurement

export class Phase {
  readonly sentAt = new Map<string, number>();
  readonly latencies: number[] = [];
  readonly doneAt: number[] = [];
  deadLettered = 0;
  resultBytes = 0;
  firstSend = 0;
  lastSend = 0;
  private waiter: (() => void) | null = null;

  constructor(
    readonly name: string,
    readonly expected: number,
  ) {}

  get finished(): number {
    return this.latencies.length + this.deadLettered;
  }

  arrived(correlationId: string, at: number, dead: boolean, bytes: number): void {
    const sent = this.sentAt.get(correlationId);
    if (sent === undefined) return;
    this.sentAt.delete(correlationId); // a second copy (the outbox may publish twice) is not counted
    if (dead) this.deadLettered++;
    else {
      this.latencies.push(at - sent);
      this.doneAt.push(at);
      this.resultBytes += bytes;
    }
    if (this.finished >= this.expected) this.waiter?.();
  }

  async complete(timeoutMs: number): Promise<void> {
    const started = performance.now();
    const progress = setInterval(() => console.log(`  … ${this.name}: ${this.finished}/${this.expected} after ${((performance.now() - started) / 1000).toFixed(0)} s`), 10_000);
    try {
      await new Promise<void>((resolve, reject) => {
        if (this.finished >= this.expected) return resolve();
        const timer = setTimeout(() => reject(new Error(`${this.name}: only ${this.finished} of ${this.expected} events came through within ${timeoutMs / 1000} s`)), timeoutMs);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    } finally {
      clearInterval(progress);
    }
  }
}

/** Correlation id → the phase waiting for it, and the key the completing message must have. */
const awaiting = new Map<string, { phase: Phase; resultKey: string; sourceKey: string }>();
/** Result key → the correlation ids still waiting for a message with that key, in the order they were sent. */
const pendingByKey = new Map<string, Set<string>>();

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

/**
 * Other intake instances on the same broker (an integration test run, say) consume our events too and
 * publish profiles with our correlation ids; theirs are keyed with another pseudonym key, so the key
 * tells our intake's profile apart. A dead-lettered copy keeps the event's own key.
 */
function onConsumed(key: Buffer | null, value: Buffer | null, headers: IHeaders | undefined, dead: boolean): void {
  const at = performance.now();
  const id = headerText(headers, HEADERS.correlationId);
  if (id === undefined) return;
  const waiting = awaiting.get(id);
  if (!waiting || key?.toString() !== (dead ? waiting.sourceKey : waiting.resultKey)) return;
  if (dead) {
    awaiting.delete(id);
    pendingByKey.get(waiting.resultKey)?.delete(id);
    waiting.phase.arrived(id, at, true, value?.length ?? 0);
    return;
  }
  // Intake applies a patient's events fetched together as one profile version, published with the last
  // one's correlation id: that profile completes every earlier event of the patient still waiting too.
  const pending = pendingByKey.get(waiting.resultKey)!;
  for (const earlier of pending) {
    const w = awaiting.get(earlier)!;
    awaiting.delete(earlier);
    pending.delete(earlier);
    w.phase.arrived(earlier, at, false, earlier === id ? (value?.length ?? 0) : 0);
    if (earlier === id) break;
  }
}

/** Our consumers' kafkajs settings (libs/platform kafkaServerOptions, with intake's KAFKA_PARTITIONS_CONCURRENTLY), for the bench's own consumers. */
function ourConsumerSettings(groupId: string): { consumer: ConsumerConfig; run: { autoCommit?: boolean; partitionsConsumedConcurrently?: number } } {
  const env = kafkaModeEnvSchema.parse(INTAKE_OVERRIDES);
  const o = kafkaServerOptions({ brokers: [], clientId: 'bench', groupId, fromBeginning: true, partitionsConcurrently: env.KAFKA_PARTITIONS_CONCURRENTLY }).options;
  return {
    consumer: { sessionTimeout: o?.consumer?.sessionTimeout, heartbeatInterval: o?.consumer?.heartbeatInterval, allowAutoTopicCreation: false, groupId },
    run: { autoCommit: o?.run?.autoCommit, partitionsConsumedConcurrently: o?.run?.partitionsConsumedConcurrently },
  };
}

/**
 * A consumer set up like ours (eachMessage, KAFKA_PARTITIONS_CONCURRENTLY partitions at once, auto-commit) in a new group,
 * reading `topics` from the beginning except `pinAtEnd`, which it starts at the current end (committed
 * first, as test/support/services.ts does for intake, so nothing produced after this returns can be
 * skipped; kafkajs takes about 5 s per topic for that).
 */
export async function collector(k: Kafka, groupId: string, topics: string[], pinAtEnd: string | null, dlq: string | null): Promise<Consumer> {
  if (pinAtEnd) {
    const admin = k.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(pinAtEnd);
      await admin.setOffsets({ groupId, topic: pinAtEnd, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
    } finally {
      await admin.disconnect();
    }
  }
  const settings = ourConsumerSettings(groupId);
  const c = k.consumer(settings.consumer);
  await c.connect();
  await c.subscribe({ topics, fromBeginning: true });
  await c.run({ ...settings.run, eachMessage: async ({ topic, message }) => onConsumed(message.key, message.value, message.headers, topic === dlq) });
  await waitForGroup(k, groupId);
  return c;
}

export const toMessage = (e: Outgoing) => ({ key: e.key, value: e.value, headers: { [HEADERS.correlationId]: e.correlationId } });

function register(phase: Phase, events: readonly Outgoing[], from: number, to: number): void {
  const now = performance.now();
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    phase.sentAt.set(e.correlationId, now);
    awaiting.set(e.correlationId, { phase, resultKey: e.resultKey, sourceKey: e.key });
    (pendingByKey.get(e.resultKey) ?? pendingByKey.set(e.resultKey, new Set()).get(e.resultKey)!).add(e.correlationId);
  }
}

/** As fast as one idempotent producer goes: sends of `sendBatch` messages, each awaited (acks=all). */
export async function produceBurst(p: Producer, topic: string, events: readonly Outgoing[], phase: Phase): Promise<void> {
  phase.firstSend = performance.now();
  for (let i = 0; i < events.length; i += SETTINGS.sendBatch) {
    const to = Math.min(events.length, i + SETTINGS.sendBatch);
    register(phase, events, i, to);
    await p.send({ topic, acks: -1, messages: events.slice(i, to).map(toMessage) });
  }
  phase.lastSend = performance.now();
}

/** One message per send at `rate` per second on an absolute schedule; sends are not awaited one by one. */
async function producePaced(p: Producer, topic: string, events: readonly Outgoing[], phase: Phase, rate: number): Promise<void> {
  const sends: Array<Promise<unknown>> = [];
  const errors: unknown[] = [];
  const start = performance.now();
  phase.firstSend = start;
  let i = 0;
  while (i < events.length) {
    const due = Math.min(events.length, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    for (; i < due; i++) {
      register(phase, events, i, i + 1);
      sends.push(p.send({ topic, acks: -1, messages: [toMessage(events[i]!)] }).catch((e: unknown) => errors.push(e)));
    }
    if (i < events.length) await new Promise((r) => setTimeout(r, Math.max(0, start + (i * 1000) / rate - performance.now())));
  }
  phase.lastSend = performance.now();
  await Promise.all(sends);
  if (errors.length > 0) throw new Error(`${phase.name}: ${errors.length} sends failed, first: ${String(errors[0])}`);
}

/**
 * Other intake consumer groups that are up on this broker (an integration test run's `it-<run>-intake`):
 * they consume the bench's events too, which loads the machine and delays their own events.
 */
export async function otherIntakeGroups(k: Kafka, own: string | null): Promise<string[]> {
  const admin = k.admin();
  await admin.connect();
  try {
    const names = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.endsWith('intake') && g !== own);
    if (names.length === 0) return [];
    const { groups } = await admin.describeGroups(names);
    return groups.filter((g) => g.members.length > 0).map((g) => g.groupId);
  } finally {
    await admin.disconnect();
  }
}


async function recomputeTotals(sys: RunningSystem): Promise<{ seconds: number; count: number }> {
  const metric = await sys.intake.app.get(IntakeMetrics).recompute.get();
  const value = (suffix: string): number => metric.values.find((v) => v.metricName === `intake_profile_recompute_seconds_${suffix}`)?.value ?? 0;
  return { seconds: value('sum'), count: value('count') };
}

// ---------------------------------------------------------------- results

export interface PhaseResult {
  phase: string;
  mode: 'burst' | 'paced';
  events: number;
  deadLettered: number;
  meanMessageBytes: number;
  /** The message that completes an event: intake's profile, or the raw message itself. */
  meanResultBytes: number;
  produceSeconds: number;
  /** First send → last completion. */
  elapsedSeconds: number;
  eventsPerSecond: number;
  /** Between the 10% and the 90% completion marks. */
  steadyEventsPerSecond: number;
  offeredRate?: number;
  /** In a burst this is mostly time spent queued behind the backlog; the paced phases give per-event latency. */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Cores busy on average during the phase, by process group. */
  cpuCores: CpuUse | null;
  /** intake_profile_recompute_seconds (buildProfile + hashing) per recomputation, from intake's own metric (one per patient per fetched batch). */
  profileRecomputeMs?: number;
  /** How many recomputations the phase's events took (fewer than events when a batch holds several of a patient's). */
  profileRecomputations?: number;
}

export function summarize(phase: Phase, mode: PhaseResult['mode'], events: readonly Outgoing[], cpuCores: CpuUse | null, offeredRate?: number): PhaseResult {
  const done = [...phase.doneAt].sort((a, b) => a - b);
  const lat = [...phase.latencies].sort((a, b) => a - b);
  const n = done.length;
  const last = done[n - 1] ?? phase.lastSend;
  const lo = Math.floor(n * 0.1);
  const hi = Math.max(lo + 1, Math.floor(n * 0.9));
  const steadySpan = ((done[hi - 1] ?? last) - (done[lo] ?? phase.firstSend)) / 1000;
  return {
    phase: phase.name,
    mode,
    events: n,
    deadLettered: phase.deadLettered,
    meanMessageBytes: round(events.reduce((s, e) => s + Buffer.byteLength(e.value), 0) / Math.max(1, events.length), 0),
    meanResultBytes: round(phase.resultBytes / Math.max(1, n), 0),
    produceSeconds: round((phase.lastSend - phase.firstSend) / 1000, 3),
    elapsedSeconds: round((last - phase.firstSend) / 1000, 3),
    eventsPerSecond: round(n / ((last - phase.firstSend) / 1000), 1),
    steadyEventsPerSecond: steadySpan > 0 ? round((hi - 1 - lo) / steadySpan, 1) : NaN,
    ...(offeredRate ? { offeredRate } : {}),
    latencyMs: {
      p50: round(percentile(lat, 50)),
      p90: round(percentile(lat, 90)),
      p99: round(percentile(lat, 99)),
      max: round(lat[lat.length - 1] ?? NaN),
      mean: round(lat.reduce((s, x) => s + x, 0) / Math.max(1, lat.length)),
    },
    cpuCores,
  };
}

type Column = [string, number, (r: PhaseResult) => string];

function printTable(rows: readonly PhaseResult[], cols: readonly Column[]): void {
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(cols[i]![1]) : c.padStart(cols[i]![1]))).join(' ');
  console.log(line(cols.map(([h]) => h)));
  for (const r of rows) console.log(line(cols.map(([, , f]) => f(r))));
}

const cores = (g: CpuGroup | 'machine') => (r: PhaseResult): string => (r.cpuCores ? r.cpuCores[g].toFixed(2) : '-');

const FIGURES: readonly Column[] = [
  ['phase', 24, (r) => r.phase],
  ['events', 7, (r) => String(r.events)],
  ['bytes in', 9, (r) => String(r.meanMessageBytes)],
  ['bytes out', 10, (r) => String(r.meanResultBytes)],
  ['ev/s', 8, (r) => r.eventsPerSecond.toFixed(0)],
  ['steady ev/s', 12, (r) => r.steadyEventsPerSecond.toFixed(0)],
  ['p50 ms', 9, (r) => r.latencyMs.p50.toFixed(1)],
  ['p90 ms', 9, (r) => r.latencyMs.p90.toFixed(1)],
  ['p99 ms', 9, (r) => r.latencyMs.p99.toFixed(1)],
  ['max ms', 9, (r) => r.latencyMs.max.toFixed(1)],
];

const CPU: readonly Column[] = [
  ['cores busy (2 = all)', 24, (r) => r.phase],
  ['bench+intake', 13, cores('bench process')],
  ['pg intake db', 13, cores('postgres: service db')],
  ['pg other', 9, cores('postgres: other')],
  ['kafka', 6, cores('kafka broker')],
  ['rest', 6, cores('rest of machine')],
  ['machine', 8, cores('machine')],
];

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const infra = requireInfra('bench:intake');
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const run = runId();
  const k = kafka(infra.brokers);
  const scratch = `bench.intake-raw.${run}`;
  const startedAt = new Date();
  const load = loadavg().map((x) => round(x, 2));
  const idleCheck = cpuWindow(null);
  await new Promise((r) => setTimeout(r, 1000));
  const busyBefore = idleCheck.stop();
  console.log(
    `bench:intake run ${run} on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `before starting: ${busyBefore ? `${busyBefore.machine} cores busy` : 'machine load unknown'}, load average ${load.join(' ')}`,
  );
  if (busyBefore && busyBefore.machine - busyBefore['bench process'] > 0.3) {
    console.log(`  note: something else is using the machine (${busyBefore.busiestOthers.join('; ') || 'see top'}); figures will show it (see "rest" below)`);
  }
  const othersAtStart = await otherIntakeGroups(k, null);
  if (othersAtStart.length > 0) {
    console.log(
      `  warning: ${othersAtStart.length} other intake consumer group(s) are up on this broker (${othersAtStart.join(', ')}), probably a test run: ` +
        `they will process the bench's events too (slowing both); better run the bench alone`,
    );
  }

  const rate = SETTINGS.pacedRate;
  const pacedCount = Math.round(rate * SETTINGS.pacedSeconds);
  // Our own pseudonym key (the tests' one plus the run id): see onConsumed.
  const pseudonymKey = `${TEST_PSEUDONYM_KEY}-bench-${run}`;
  const data = {
    rawWarmup: feed(`bw${run}`, SETTINGS.warmupEvents, null),
    warmup: feed(`iw${run}`, SETTINGS.warmupEvents, pseudonymKey),
    rawBurst: feed(`rb${run}`, SETTINGS.rawBurstEvents, null),
    burst: feed(`ib${run}`, SETTINGS.burstEvents, pseudonymKey),
    paced: feed(`ip${run}`, pacedCount, pseudonymKey).slice(0, pacedCount),
    rawPaced: feed(`rp${run}`, pacedCount, null).slice(0, pacedCount),
  };

  const admin = k.admin();
  await admin.connect();
  let sys: RunningSystem | null = null;
  let prod: Producer | null = null;
  const consumers: Consumer[] = [];
  const groups: string[] = [];
  let topicCreated = false;
  try {
    const partitions = (await admin.fetchTopicMetadata({ topics: [TOPICS.patientEvents] })).topics[0]?.partitions.length ?? 6;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: scratch, numPartitions: partitions, replicationFactor: 1 }] });
    topicCreated = true;

    // Intake, the raw collector (new scratch topic: from its beginning) and the profile collector (new
    // group pinned at the end of patient-profiles.v1; the DLQ, small, read from its beginning) start together.
    const t0 = performance.now();
    groups.push(`bench-raw-${run}`, `bench-tap-${run}`);
    const DLQ = dlqTopic(TOPICS.patientEvents);
    const started = await Promise.allSettled([
      startSystem({ LOG_LEVEL: 'error', PSEUDONYM_KEY: pseudonymKey, ...INTAKE_OVERRIDES }, ['intake']),
      collector(k, `bench-raw-${run}`, [scratch], null, null),
      collector(k, `bench-tap-${run}`, [TOPICS.patientProfiles, DLQ], TOPICS.patientProfiles, DLQ),
      producer(k),
    ] as const);
    const [sysR, rawR, tapR, prodR] = started;
    if (sysR.status === 'fulfilled') sys = sysR.value;
    for (const r of [rawR, tapR]) if (r.status === 'fulfilled') consumers.push(r.value);
    if (prodR.status === 'fulfilled') prod = prodR.value;
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const system = sys!;
    const producing = prod!;
    groups.push(`${system.groupPrefix}intake`);
    const database = new URL(system.intake.databaseUrl).pathname.slice(1);
    console.log(
      `intake (database ${database}), bench collectors and producer ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        `${partitions} partitions; intake burst: ${data.burst.length} events over ${data.burst.length / EVENTS_PER_PATIENT} patients` +
        (Object.keys(INTAKE_OVERRIDES).length > 0 ? `; intake environment: ${Object.entries(INTAKE_OVERRIDES).map(([n, v]) => `${n}=${v}`).join(' ')}` : ''),
    );

    const measure = async (name: string, mode: PhaseResult['mode'], topic: string, events: Outgoing[], timeoutMs: number, intake: boolean): Promise<PhaseResult> => {
      const phase = new Phase(name, events.length);
      const before = intake ? await recomputeTotals(system) : null;
      const cpu = cpuWindow(database);
      if (mode === 'burst') await produceBurst(producing, topic, events, phase);
      else await producePaced(producing, topic, events, phase, rate);
      await phase.complete(timeoutMs);
      const r = summarize(phase, mode, events, cpu.stop(), mode === 'paced' ? rate : undefined);
      if (before) {
        const after = await recomputeTotals(system);
        r.profileRecomputations = after.count - before.count;
        r.profileRecomputeMs = round((1000 * (after.seconds - before.seconds)) / Math.max(1, r.profileRecomputations), 3);
      }
      return r;
    };

    console.log('warm-up…');
    await measure('raw warm-up', 'burst', scratch, data.rawWarmup, 60_000, false);
    await measure('intake warm-up', 'burst', TOPICS.patientEvents, data.warmup, 120_000, true);
    console.log('raw burst…');
    const rawBurst = await measure('raw kafkajs burst', 'burst', scratch, data.rawBurst, 120_000, false);
    console.log('intake burst…');
    const intakeBurst = await profiled(process.env.BENCH_CPU_PROFILE, () => measure('intake burst', 'burst', TOPICS.patientEvents, data.burst, 300_000, true));
    console.log(`intake paced (${rate}/s for ${SETTINGS.pacedSeconds} s)…`);
    const intakePaced = await profiled(process.env.BENCH_CPU_PROFILE_PACED, () => measure(`intake paced ${rate}/s`, 'paced', TOPICS.patientEvents, data.paced, SETTINGS.pacedSeconds * 1000 + 120_000, true));
    console.log(`raw paced (${rate}/s for ${SETTINGS.pacedSeconds} s)…`);
    const rawPaced = await measure(`raw kafkajs paced ${rate}/s`, 'paced', scratch, data.rawPaced, SETTINGS.pacedSeconds * 1000 + 60_000, false);

    // Anyone producing to patient-events.v1 meanwhile (a test run) reaches this intake too: count ours apart.
    const [stored] = await query<{ events: number; foreign: number }>(
      system.intake.databaseUrl,
      `SELECT count(*) FILTER (WHERE source = $1 AND position($2 in event_id) > 0)::int AS events, count(*) FILTER (WHERE NOT (source = $1 AND position($2 in event_id) > 0))::int AS foreign
         FROM intake.raw_events`,
      [SOURCE, run],
    );
    const sent = data.warmup.length + data.burst.length + data.paced.length;
    const othersAtEnd = await otherIntakeGroups(k, `${system.groupPrefix}intake`);

    const rows = [rawBurst, intakeBurst, rawPaced, intakePaced];
    const ratio = {
      throughput: round(intakeBurst.eventsPerSecond / rawBurst.eventsPerSecond, 4),
      steadyThroughput: round(intakeBurst.steadyEventsPerSecond / rawBurst.steadyEventsPerSecond, 4),
      pacedP50Latency: round(intakePaced.latencyMs.p50 / rawPaced.latencyMs.p50, 1),
      pacedP99Latency: round(intakePaced.latencyMs.p99 / rawPaced.latencyMs.p99, 1),
    };
    console.log('');
    printTable(rows, FIGURES);
    console.log('');
    printTable(rows, CPU);
    for (const r of rows) if (r.cpuCores && r.cpuCores.busiestOthers.length > 0) console.log(`  rest during ${r.phase}: ${r.cpuCores.busiestOthers.join('; ')}`);
    console.log('');
    console.log(`throughput intake / raw: ${ratio.throughput} (steady ${ratio.steadyThroughput}), i.e. raw kafkajs moves ${(1 / ratio.throughput).toFixed(0)}x more messages`);
    console.log(`paced latency intake / raw: p50 ${ratio.pacedP50Latency}x, p99 ${ratio.pacedP99Latency}x`);
    console.log(
      `profile recomputations (buildProfile + hash): ${intakeBurst.profileRecomputations} for ${intakeBurst.events} events in the burst, ${intakeBurst.profileRecomputeMs} ms each; ${intakePaced.profileRecomputations} for ${intakePaced.events} paced, ${intakePaced.profileRecomputeMs} ms each`,
    );
    console.log(
      `stored by intake: ${stored?.events} of the ${sent} events sent; dead-lettered: ${intakeBurst.deadLettered + intakePaced.deadLettered}` +
        (stored?.foreign ? `; also ${stored.foreign} events someone else produced to ${TOPICS.patientEvents} meanwhile (the figures include that work)` : ''),
    );
    if (othersAtEnd.length > 0) console.log(`warning: other intake consumer groups were up at the end (${othersAtEnd.join(', ')}): they processed the bench's events too`);

    const dir = join(__dirname, '../../bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `intake-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    const result = {
      bench: 'intake',
      run,
      startedAt: startedAt.toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadAverageAtStart: load, coresBusyBeforeStart: busyBefore?.machine ?? null },
      settings: {
        ...SETTINGS,
        partitions,
        intakeEnv: 'test/support/services.ts (DATABASE_POOL_SIZE=5, OUTBOX_POLL_MS=50) with LOG_LEVEL=error and a pseudonym key of its own',
        intakeOverrides: INTAKE_OVERRIDES,
      },
      results: { rawBurst, intakeBurst, rawPaced, intakePaced },
      ratio,
      intakeStored: { events: stored?.events ?? null, eventsSent: sent, foreignEvents: stored?.foreign ?? null },
      otherIntakeGroups: { atStart: othersAtStart, atEnd: othersAtEnd },
    };
    writeFileSync(file, `${JSON.stringify({ ...result, processSeconds: round(process.uptime(), 0) }, null, 2)}\n`);
    console.log(`written ${file} (${process.uptime().toFixed(0)} s since the process started)`);
  } finally {
    awaiting.clear();
    await prod?.disconnect().catch(() => undefined);
    // Each consumer (intake's too) waits out its pending fetch, up to 5 s, when it leaves: all at once.
    await Promise.all([
      ...consumers.map((c) => c.disconnect().catch(() => undefined)),
      sys?.stop().catch((e: unknown) => console.error(`stopping intake (and dropping its database) failed: ${String(e)}`)),
    ]);
    if (topicCreated) await admin.deleteTopics({ topics: [scratch] }).catch((e: unknown) => console.error(`deleting ${scratch} failed: ${String(e)}`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }
}

// Run as `npm run bench:intake`; imported (scripts/bench/e2e.ts reuses the generator and the raw loop), it only defines.
if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`bench:intake failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}
