/**
 * The load side of `bench:matcher` (b) and of `bench:e2e`'s paced phases, in a process of its own so
 * that producing the messages and reading the answers does not share the measured service's (or the
 * bench's) event loop. Started with fork(); reads the prepared messages (JSON lines), sends them at a
 * steady rate (every `tickMs`, the messages due by then in one produce request, each with its own
 * x-correlation-id) to patient-profiles.v1 (or `topic`), and records for each the time from when it was
 * due (message i at i / rate seconds: the wait for its tick counts too) to the first match-results.v1
 * (or `answerTopic`) message carrying it. Reports the latencies
 * to the parent over IPC, then exits. BENCH_DRIVER_CPU_PROFILE=FILE writes a V8 CPU profile of it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { HEADERS, TOPICS } from '@trialmatch/contracts';
import { DRIVER_MAX_WAIT_MS, profiled } from './support';

export interface DriverTask {
  brokers: string[];
  groupId: string;
  file: string;
  rate: number;
  /** How often the messages due are sent (in one produce request each time), ms. */
  tickMs: number;
  /** Give up waiting for answers after this long once everything is sent. */
  answerTimeoutMs: number;
  /** Where the messages go (default patient-profiles.v1) and where their answers are read (default match-results.v1). */
  topic?: string;
  answerTopic?: string;
  /**
   * For a pipeline that answers only some messages: once everything is sent, post `{ sent: true }` to the
   * parent and wait for its `{ stop: true }` (or answerTimeoutMs) instead of for an answer to every message.
   */
  untilStopped?: boolean;
}

export interface DriverReport {
  sendSeconds: number;
  /** Latency per answered message, ms. */
  latencies: number[];
  /** For each entry of `latencies`, when its message was due (ms after the start). */
  sentOffsets: number[];
  /** Seconds from the start to the last first-answer. */
  spanSeconds: number;
  resultMessages: number;
}

async function drive(task: DriverTask): Promise<DriverReport> {
  const messages = readFileSync(task.file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { key: string; value: string; correlationId: string; eventId: string });
  const kafka = new Kafka({ clientId: 'bench-latency-driver', brokers: task.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: task.groupId, maxWaitTimeInMs: DRIVER_MAX_WAIT_MS });
  const sentAt = new Map<string, number>();
  const firstAt = new Map<string, number>();
  let resultMessages = 0;
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [task.answerTopic ?? TOPICS.matchResults], fromBeginning: false });
  let joined!: () => void;
  const ready = new Promise<void>((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const m of batch.messages) {
        const id = m.headers?.[HEADERS.correlationId]?.toString();
        if (!id || !sentAt.has(id)) continue;
        resultMessages++;
        if (!firstAt.has(id)) firstAt.set(id, now);
      }
    },
  });
  await ready;
  await new Promise((r) => setTimeout(r, 1000)); // the group's first fetch is under way
  const started = performance.now();
  const sends: Array<Promise<unknown>> = [];
  let next = 0;
  while (next < messages.length) {
    const due = Math.min(messages.length, Math.floor(((performance.now() - started) * task.rate) / 1000) + 1);
    if (due > next) {
      const slice = messages.slice(next, due);
      slice.forEach((m, i) => sentAt.set(m.correlationId, started + ((next + i) * 1000) / task.rate));
      next = due;
      sends.push(producer.send({ topic: task.topic ?? TOPICS.patientProfiles, acks: -1, messages: slice.map((m) => ({ key: m.key, value: m.value, headers: { [HEADERS.correlationId]: m.correlationId, [HEADERS.eventId]: m.eventId } })) }));
    }
    await new Promise((r) => setTimeout(r, task.tickMs));
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + task.answerTimeoutMs;
  let stopped = false;
  if (task.untilStopped) {
    process.on('message', (m) => (stopped ||= (m as { stop?: boolean }).stop === true));
    process.send!({ sent: true });
  }
  while (firstAt.size < messages.length && performance.now() < deadline && !stopped) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  await producer.disconnect();
  const answered = [...firstAt];
  const latencies = answered.map(([id, t]) => t - sentAt.get(id)!);
  const sentOffsets = answered.map(([id]) => sentAt.get(id)! - started);
  return { sendSeconds, latencies, sentOffsets, spanSeconds: (firstAt.size > 0 ? Math.max(...firstAt.values()) - started : 0) / 1000, resultMessages };
}

process.once('message', (task: DriverTask) => {
  // BENCH_DRIVER_CPU_PROFILE=FILE: a V8 CPU profile of this process (the load side) while it runs.
  profiled(process.env.BENCH_DRIVER_CPU_PROFILE, () => drive(task)).then(
    (report) => process.send!(report, () => process.exit(0)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
});
