/**
 * What the benchmarks share: settings from the environment, the real infrastructure's addresses, CPU
 * accounting per process group from /proc, and percentiles.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus } from 'node:os';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { ProfileSourceEvent } from '@trialmatch/core';

/** A positive number from the environment, or the default. */
export const int = (name: string, dflt: number): number => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? dflt : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got ${v})`);
  return n;
};

/**
 * How often the load driver (latency-driver.ts) sends the messages due, in one produce request
 * (BENCH_DRIVER_TICK_MS). Latencies count from when each message was due, so the wait for its tick is included.
 */
export const DRIVER_TICK_MS = int('BENCH_DRIVER_TICK_MS', 10);

/**
 * How long the load driver's consumer lets the broker hold a fetch with nothing to return
 * (BENCH_DRIVER_MAX_WAIT_MS; a fetch returns as soon as an answer arrives, so this costs no latency). It was
 * 10 ms: a hundred empty fetches a second, the broker's and the driver's CPU taken from the services measured.
 */
export const DRIVER_MAX_WAIT_MS = int('BENCH_DRIVER_MAX_WAIT_MS', 1000);

/** The real broker and database (the integration tests' variables); exits with directions when they are not set. */
export function requireInfra(bench: string): { databaseUrl: string; brokers: string[] } {
  const missing = ['DATABASE_URL', 'KAFKA_BROKERS'].filter((n) => !process.env[n]);
  if (missing.length > 0) {
    console.error(
      `${bench} measures the real Kafka broker and PostgreSQL server and needs ${missing.join(' and ')}.\n` +
        'Start (or find) them and load their addresses first:\n' +
        `  npm run infra:up && . .data/infra/env && npm run ${bench}\n` +
        '(after `KEEP_INFRA=1 npm test` they are still up: `. .data/infra/env` is enough; `npm run infra:down` stops them)',
    );
    process.exit(2);
  }
  return { databaseUrl: process.env.DATABASE_URL!, brokers: process.env.KAFKA_BROKERS!.split(',').filter(Boolean) };
}

export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Busy and total clock ticks of the whole machine (all cores), from /proc/stat; null off Linux. */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export type CpuGroup = 'bench process' | 'postgres: service db' | 'postgres: other' | 'kafka broker' | 'rest of machine';

/**
 * Processes accounted apart, each under a name of its own (several may share one and add up): by pid
 * (service processes started by a bench, a load driver), and PostgreSQL backends by the database they serve.
 */
export interface CpuLabels {
  pids?: ReadonlyMap<number, string>;
  databases?: ReadonlyMap<string, string>;
}

/** The fields of a /proc/<pid>/stat line after the command name (which may hold spaces and parentheses): [11] utime, [12] stime, in clock ticks (1/100 s). */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU ticks per process, grouped: this process (the service under test and the bench's clients; with the
 * whole CPU of its child processes that ended), the PostgreSQL backends serving the service's database (a
 * backend's title names its database), the other PostgreSQL processes (server, WAL writer, other
 * databases), the Kafka broker (java). Whatever else runs lands in "rest". Labelled processes (see
 * CpuLabels) are grouped under their label instead.
 */
function processTicks(database: string | null, labels: CpuLabels): Map<number, { group: string; ticks: number; comm: string }> {
  const out = new Map<number, { group: string; ticks: number; comm: string }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const d of pids) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = statFields(stat);
      const pid = Number(d);
      // cutime and cstime: children that ended and were waited for (a load driver that exits before the window closes).
      const ticks = Number(fields[11]) + Number(fields[12]) + (pid === process.pid ? Number(fields[13]) + Number(fields[14]) : 0);
      const label = labels.pids?.get(pid);
      let group: string = 'rest of machine';
      if (label !== undefined) group = label;
      else if (pid === process.pid) group = 'bench process';
      else if (comm === 'java') group = 'kafka broker';
      else if (comm === 'postgres' || comm.startsWith('postgres')) {
        const title = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        const labelled = [...(labels.databases ?? [])].find(([name]) => title.includes(` ${name} `));
        group = labelled ? labelled[1] : database !== null && title.includes(` ${database} `) ? 'postgres: service db' : 'postgres: other';
      }
      out.set(pid, { group, ticks, comm });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * CPU used during a window, in cores (2 = both cores of this machine busy the whole time); `rest` also names its busiest processes;
 * `labelled`, when labels were given, the cores of each label (not counted in the other groups).
 */
export type CpuUse = Record<CpuGroup, number> & { machine: number; busiestOthers: string[]; labelled?: Record<string, number> };

const GROUPS: ReadonlySet<string> = new Set<CpuGroup>(['bench process', 'postgres: service db', 'postgres: other', 'kafka broker', 'rest of machine']);

function commandLine(pid: number, comm: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 80) || comm;
  } catch {
    return comm;
  }
}

export function cpuWindow(database: string | null, labels: CpuLabels = {}): { stop(): CpuUse | null } {
  const m0 = machineTicks();
  const p0 = processTicks(database, labels);
  return {
    stop() {
      const m1 = machineTicks();
      const p1 = processTicks(database, labels);
      if (!m0 || !m1 || m1.total <= m0.total) return null;
      const cores = cpus().length;
      const perCore = (m1.total - m0.total) / cores;
      const use: CpuUse = {
        'bench process': 0,
        'postgres: service db': 0,
        'postgres: other': 0,
        'kafka broker': 0,
        'rest of machine': 0,
        machine: round((m1.busy - m0.busy) / perCore, 2),
        busiestOthers: [],
      };
      const labelled: Record<string, number> = {};
      for (const name of [...(labels.pids?.values() ?? []), ...(labels.databases?.values() ?? [])]) labelled[name] = 0;
      const others: Array<{ pid: number; comm: string; ticks: number }> = [];
      for (const [pid, { group, ticks, comm }] of p1) {
        const used = ticks - (p0.get(pid)?.ticks ?? 0);
        if (group === 'rest of machine') others.push({ pid, comm, ticks: used });
        else if (GROUPS.has(group)) use[group as CpuGroup] += used;
        else labelled[group] = (labelled[group] ?? 0) + used;
      }
      use.busiestOthers = others
        .filter((o) => o.ticks / perCore >= 0.05)
        .sort((a, b) => b.ticks - a.ticks)
        .slice(0, 3)
        .map((o) => `${(o.ticks / perCore).toFixed(2)} ${commandLine(o.pid, o.comm)}`);
      let named = 0;
      for (const g of ['bench process', 'postgres: service db', 'postgres: other', 'kafka broker'] as const) {
        use[g] = round(use[g] / perCore, 2);
        named += use[g];
      }
      if (Object.keys(labelled).length > 0) {
        for (const name of Object.keys(labelled)) {
          labelled[name] = round(labelled[name]! / perCore, 2);
          named += labelled[name];
        }
        use.labelled = labelled;
      }
      use['rest of machine'] = round(Math.max(0, use.machine - named), 2);
      return use;
    },
  };
}

export interface MainThreadUse {
  /** CPU of this process's main thread (where the service under test handles messages and requests), in cores. */
  cores: number | null;
  /** Pauses of the main thread for garbage collection: full (mark-compact) and young-generation (scavenge) collections, count and total ms. */
  gcFull: { count: number; ms: number };
  gcYoung: { count: number; ms: number };
}

/** The main thread's CPU (/proc/self/task/<pid>/stat) and garbage-collection pauses (perf_hooks 'gc' entries of this isolate only, not of worker threads) over a phase. */
export function mainThreadWindow(): { stop(): MainThreadUse } {
  const ticks = (): number | null => {
    try {
      const fields = statFields(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
    } catch {
      return null;
    }
  };
  const gc = { gcFull: { count: 0, ms: 0 }, gcYoung: { count: 0, ms: 0 } };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      const into = kind === constants.NODE_PERFORMANCE_GC_MAJOR ? gc.gcFull : kind === constants.NODE_PERFORMANCE_GC_MINOR ? gc.gcYoung : null;
      if (into) {
        into.count++;
        into.ms += e.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = ticks();
  const started = performance.now();
  return {
    stop() {
      observer.disconnect();
      const t1 = ticks();
      const seconds = (performance.now() - started) / 1000;
      return {
        cores: t0 === null || t1 === null ? null : round((t1 - t0) / 100 / seconds, 2),
        gcFull: { count: gc.gcFull.count, ms: round(gc.gcFull.ms, 0) },
        gcYoung: { count: gc.gcYoung.count, ms: round(gc.gcYoung.ms, 0) },
      };
    },
  };
}

/** Resident memory of a process now and at its peak so far (VmRSS and VmHWM in /proc/<pid>/status), in MB; null once it is gone or off Linux. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024, 1), peakMb: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return null;
  }
}

/** A deterministic pseudo-random sequence in [0, 1) (the same figures on every run). */
export function seeded(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const REGIMENS = ['VRd', 'DRd', 'KRd', 'DKd', 'Pd', 'KPd', 'Isa-Kd', 'DPd', 'teclistamab', 'Elo-Pd', 'SVd'];

/**
 * A varied relapsed myeloma history for profile-level benchmarks: demographics, one to five lines from
 * 2018 on, each with a response and progression, sometimes an autologous transplant, and usually recent
 * ECOG (`ecogDay`), M-protein, hemoglobin and creatinine (`labDay`).
 */
export function syntheticHistory(i: number, rnd: () => number, labDay: string, ecogDay: string): ProfileSourceEvent[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let n = 0;
  const ev = (type: string, date: string, data: Record<string, unknown>): ProfileSourceEvent => ({ eventId: `p${i}-${n++}`, type, occurredAt: date, data });
  const out = [ev('demographics', '2015-01-01', { birthDate: `19${40 + Math.floor(rnd() * 40)}-0${1 + Math.floor(rnd() * 9)}-15`, sex: pick(['female', 'male']), weightKg: 50 + Math.floor(rnd() * 50) })];
  const lines = 1 + Math.floor(rnd() * 5);
  for (let l = 0; l < lines; l++) {
    const y = 2018 + l;
    out.push(ev('medication', `${y}-01-10`, { drug: pick(REGIMENS), start: `${y}-01-10`, end: `${y}-11-20` }));
    out.push(ev('response-assessment', `${y}-06-01`, { category: pick(['VGPR', 'PR', 'SD', 'MR']) }), ev('response-assessment', `${y}-11-15`, { category: 'PD' }));
  }
  if (rnd() < 0.3) out.push(ev('procedure', '2018-12-01', { kind: 'autologous-sct' }));
  if (rnd() < 0.8) out.push(ev('performance-status', ecogDay, { ecog: Math.floor(rnd() * 3) }));
  if (rnd() < 0.8) out.push(ev('lab', labDay, { code: '33358-3', value: Number((rnd() * 3).toFixed(1)), unit: 'g/dL' }));
  if (rnd() < 0.7) out.push(ev('lab', labDay, { code: '718-7', value: 7 + Math.floor(rnd() * 7), unit: 'g/dL' }), ev('lab', labDay, { code: '2160-0', value: 0.6 + rnd(), unit: 'mg/dL' }));
  return out;
}

/** BENCH_CPU_PROFILE=<file>: a V8 CPU profile of this process (the service under test included) during one phase, for Chrome DevTools or speedscope. */
export async function profiled<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of this phase written to ${file}`);
  }
}
