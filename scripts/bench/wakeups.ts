/**
 * `npm run bench:wakeups`: what one round trip between two processes costs on this machine when the
 * processes were idle before it, against the same round trip back to back (the baseline, in the same run).
 * Every hop of the pipeline is such a round trip (a statement to PostgreSQL, a produce or fetch to Kafka),
 * and at low and moderate rates each one finds the processes idle; on some virtual machines waking an idle
 * process costs far more CPU than the work itself, which sets what the pipeline costs per event there
 * (docs/capacity.md). Three kinds of round trip, each back to back, then after 1 ms and after 10 ms idle:
 *   - TCP echo to a child process (loopback): the machine's floor;
 *   - `SELECT 1` to PostgreSQL (DATABASE_URL), with the server backend's CPU read from /proc;
 *   - a one-message produce with acks=all to Kafka (KAFKA_BROKERS), with the broker's CPU from /proc.
 * The last two are skipped when their variable is not set. Prints a table (CPU µs per round trip: this
 * process, the other side; the round trip's p50 in µs; CPU against back to back) and writes
 * bench/results/wakeups-<timestamp>.json; asserts nothing. About a minute.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { int, percentile, round, statFields } from './support';

const SETTINGS = { roundTrips: int('BENCH_WAKEUPS_ROUND_TRIPS', 400), gapsMs: [0, 1, 10] };

/** CPU time (user + system) of a process from /proc, in µs; null when it cannot be read. */
function procCpuUs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime + stime
  } catch {
    return null;
  }
}

/** The first process whose command line contains `needle`. */
function findProcess(needle: string): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle)) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

interface Row {
  roundTrip: string;
  idleBeforeMs: number;
  cpuUsHere: number;
  cpuUsThere: number | null;
  p50Us: number;
  cpuVsBackToBack: number;
}

/** Runs `once` roundTrips times after `gap` ms of idleness each; CPU per round trip here and in `otherPid`. */
async function measure(name: string, gap: number, once: () => Promise<unknown>, otherPid: number | null): Promise<Omit<Row, 'cpuVsBackToBack'>> {
  for (let i = 0; i < 50; i++) await once(); // warm
  const times: number[] = [];
  const here = process.cpuUsage();
  const there = procCpuUs(otherPid);
  for (let i = 0; i < SETTINGS.roundTrips; i++) {
    if (gap > 0) await new Promise((r) => setTimeout(r, gap));
    const t = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const used = process.cpuUsage(here);
  const thereAfter = procCpuUs(otherPid);
  times.sort((a, b) => a - b);
  return {
    roundTrip: name,
    idleBeforeMs: gap,
    cpuUsHere: round((used.user + used.system) / SETTINGS.roundTrips, 0),
    cpuUsThere: there === null || thereAfter === null ? null : round((thereAfter - there) / SETTINGS.roundTrips, 0),
    p50Us: round(percentile(times, 50), 0),
  };
}

async function series(name: string, once: () => Promise<unknown>, otherPid: number | null): Promise<Row[]> {
  const rows: Array<Omit<Row, 'cpuVsBackToBack'>> = [];
  for (const gap of SETTINGS.gapsMs) rows.push(await measure(name, gap, once, otherPid));
  const base = rows[0]!.cpuUsHere + (rows[0]!.cpuUsThere ?? 0);
  return rows.map((r) => ({ ...r, cpuVsBackToBack: round((r.cpuUsHere + (r.cpuUsThere ?? 0)) / Math.max(1, base), 1) }));
}

async function tcpEcho(): Promise<Row[]> {
  const child = fork(__filename, ['echo'], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise((r) => socket.once('connect', r));
  const once = (): Promise<unknown> => new Promise((resolve) => {
    socket.once('data', resolve);
    socket.write('ping');
  });
  try {
    return await series('TCP echo (two node processes)', once, child.pid ?? null);
  } finally {
    socket.destroy();
    child.kill();
  }
}

async function postgres(url: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    return await series('SELECT 1 (PostgreSQL)', () => client.query('SELECT 1'), pid);
  } finally {
    await client.end();
  }
}

async function kafka(brokers: string[]): Promise<Row[]> {
  const k = new Kafka({ brokers, clientId: 'bench-wakeups', logLevel: logLevel.NOTHING });
  const admin = k.admin();
  await admin.connect();
  const topic = `bench.wakeups.${process.pid}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  const producer = k.producer();
  await producer.connect();
  try {
    const value = 'x'.repeat(200);
    return await series('produce 1 message, acks=all (Kafka)', () => producer.send({ topic, acks: -1, messages: [{ value }] }), findProcess('kafka.Kafka'));
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  console.log(`bench:wakeups: ${SETTINGS.roundTrips} round trips per row, on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
  const rows = [...(await tcpEcho())];
  if (process.env.DATABASE_URL) rows.push(...(await postgres(process.env.DATABASE_URL)));
  else console.log('DATABASE_URL not set: PostgreSQL skipped');
  if (process.env.KAFKA_BROKERS) rows.push(...(await kafka(process.env.KAFKA_BROKERS.split(','))));
  else console.log('KAFKA_BROKERS not set: Kafka skipped');
  console.table(rows);
  console.log('cpuUsHere / cpuUsThere: CPU µs per round trip in this process / in the other side (null: not readable); cpuVsBackToBack: both sides against the same round trip back to back');
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `wakeups-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ bench: 'wakeups', startedAt: new Date().toISOString(), machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version }, settings: SETTINGS, rows }, null, 2));
  console.log(`written ${file}`);
}

if (process.argv[2] === 'echo') {
  const server = createServer((c) => {
    c.setNoDelay(true);
    c.on('data', (d) => c.write(d));
  }).listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
} else {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
