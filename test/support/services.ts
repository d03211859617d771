import { TEST_AUTH_ENV } from './auth';
import type { INestApplication } from '@nestjs/common';
import { DLQ_HEADERS, TOPICS } from '@trialmatch/contracts';
import { FieldSeal, loadConfig, startServiceApp } from '@trialmatch/platform';
import { createIntakeApp } from '../../apps/intake/src/bootstrap';
import { intakeEnvSchema } from '../../apps/intake/src/config';
import { createMatcherApp } from '../../apps/matcher/src/bootstrap';
import { matcherEnvSchema } from '../../apps/matcher/src/config';
import { createNotifierApp } from '../../apps/notifier/src/bootstrap';
import { notifierEnvSchema } from '../../apps/notifier/src/config';
import { createDatabase, dropDatabase, kafka, realInfra, runId, waitForGroup } from './infra';

export interface RunningService {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  /** Closes the app (once; later calls do nothing). */
  stop(): Promise<void>;
}

export interface RunningSystem {
  run: string;
  groupPrefix: string;
  intake: RunningService;
  matcher: RunningService;
  notifier: RunningService;
  /** Every instance started for this system, including restarts and extra instances. */
  instances: RunningService[];
  stop(): Promise<void>;
}

async function running(app: INestApplication, databaseUrl: string): Promise<RunningService> {
  let closing: Promise<void> | null = null;
  return { app, databaseUrl, url: await startServiceApp(app, '127.0.0.1', 0), stop: () => (closing ??= app.close()) };
}

export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789';
export const TEST_PROFILE_SEAL_KEY = 'test-profile-seal-key-0123456789abcdef';

/** The original bytes of a dead letter of patient-events.v1 (sealed by intake because they carry identifiers). */
export function deadLetterText(m: { value: Buffer | null; headers: Record<string, string | undefined> }): string {
  const value = String(m.value ?? '');
  return m.headers[DLQ_HEADERS.sealed] === 'v1' ? Buffer.from(new FieldSeal(TEST_PROFILE_SEAL_KEY, 'dead-letters').open(value), 'base64').toString('utf8') : value;
}

/** A service's environment in tests: the real infrastructure, quick retries and polling, ephemeral port. */
export function serviceEnv(databaseUrl: string, groupPrefix: string, overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    KAFKA_BROKERS: realInfra().brokers.join(','),
    KAFKA_GROUP_PREFIX: groupPrefix,
    KAFKA_FROM_BEGINNING: 'true',
    HTTP_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    MESSAGE_RETRY_BACKOFF_MS: '20',
    OUTBOX_POLL_MS: '50',
    NOTIFIER_QUIET_PERIOD_HOURS: '0', // tests that exercise the quiet period set their own
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    PROFILE_SEAL_KEY: TEST_PROFILE_SEAL_KEY,
    WEBHOOK_SECRET_KEY: 'test-webhook-secret-key-0123456789abcdef',
    ...TEST_AUTH_ENV,
    ...overrides,
  };
}

/**
 * A new group in tests starts at the end of its topic (the broker keeps earlier runs' messages), but
 * committed, as a long-running group would be: so a restarted or added instance resumes from committed
 * offsets on every partition, exactly as in production (KAFKA_FROM_BEGINNING=true), and never skips
 * what arrived while no instance was running.
 */
export async function pinGroupsAtEnd(groups: Array<{ groupId: string; topic: string }>): Promise<void> {
  const admin = kafka(realInfra().brokers).admin();
  await admin.connect();
  try {
    await Promise.all(
      groups.map(async ({ groupId, topic }) => {
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({ groupId, topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

export type ServiceName = 'intake' | 'matcher' | 'notifier';
export const CONSUMES: Record<ServiceName, string> = { intake: TOPICS.patientEvents, matcher: TOPICS.patientProfiles, notifier: TOPICS.matchResults };
const CREATE: Record<ServiceName, (env: NodeJS.ProcessEnv) => Promise<INestApplication>> = {
  intake: (e) => createIntakeApp(loadConfig(intakeEnvSchema, e)),
  matcher: (e) => createMatcherApp(loadConfig(matcherEnvSchema, e)),
  notifier: (e) => createNotifierApp(loadConfig(notifierEnvSchema, e)),
};

/**
 * Starts the named services (default: intake, matcher and notifier) as Nest apps in this process, each
 * with its own fresh database on the real PostgreSQL server and its own consumer group on the real Kafka
 * broker, exactly as their main.ts would (same config schema, same bootstrap).
 */
export async function startSystem(overrides: Record<string, string> = {}, services: readonly ServiceName[] = ['intake', 'matcher', 'notifier']): Promise<RunningSystem> {
  const infra = realInfra();
  const run = runId();
  const groupPrefix = `it-${run}-`;
  const env = (db: string): NodeJS.ProcessEnv => serviceEnv(db, groupPrefix, overrides);
  const started: RunningService[] = [];
  const databases: string[] = [];
  const stop = async (): Promise<void> => {
    for (const s of [...started].reverse()) await s.stop();
    for (const n of databases) await dropDatabase(infra.databaseUrl, n);
  };
  const system = { run, groupPrefix, stop, instances: started } as RunningSystem;
  try {
    await pinGroupsAtEnd(services.map((name) => ({ groupId: `${groupPrefix}${name}`, topic: CONSUMES[name] })));
    for (const name of services) {
      const db = `${name}_${run}`;
      databases.push(db);
      const databaseUrl = await createDatabase(infra.databaseUrl, db);
      const s = await running(await CREATE[name](env(databaseUrl)), databaseUrl);
      started.push(s);
      system[name] = s;
    }
    const k = kafka(infra.brokers);
    await Promise.all(services.map((s) => waitForGroup(k, `${groupPrefix}${s}`)));
    return system;
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Starts one more instance of a service on an existing database (a restart, or a second instance), in the same consumer group. */
export async function startInstance(system: RunningSystem, name: ServiceName, overrides: Record<string, string> = {}): Promise<RunningService> {
  const s = await running(await CREATE[name](serviceEnv(system[name].databaseUrl, system.groupPrefix, overrides)), system[name].databaseUrl);
  system.instances.push(s);
  return s;
}
