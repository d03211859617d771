import type { INestApplication } from '@nestjs/common';
import { loadConfig, startServiceApp } from '@trialmatch/platform';
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
}

export interface RunningSystem {
  run: string;
  groupPrefix: string;
  intake: RunningService;
  matcher: RunningService;
  notifier: RunningService;
  stop(): Promise<void>;
}

export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789';

/**
 * Starts intake, matcher and notifier as three Nest apps in this process, each with its own fresh
 * database on the real PostgreSQL server and its own consumer group on the real Kafka broker, exactly
 * as their main.ts would (same config schema, same bootstrap).
 */
export async function startSystem(overrides: Record<string, string> = {}): Promise<RunningSystem> {
  const infra = realInfra();
  const run = runId();
  const groupPrefix = `it-${run}-`;
  const names = { intake: `intake_${run}`, matcher: `matcher_${run}`, notifier: `notifier_${run}` };
  const env = (db: string): NodeJS.ProcessEnv => ({
    DATABASE_URL: db,
    DATABASE_POOL_SIZE: '5',
    KAFKA_BROKERS: infra.brokers.join(','),
    KAFKA_GROUP_PREFIX: groupPrefix,
    KAFKA_FROM_BEGINNING: 'false',
    HTTP_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    MESSAGE_RETRY_BACKOFF_MS: '20',
    OUTBOX_POLL_MS: '50',
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    ...overrides,
  });
  const started: RunningService[] = [];
  const start = async (name: keyof typeof names, create: (e: NodeJS.ProcessEnv) => Promise<INestApplication>): Promise<RunningService> => {
    const databaseUrl = await createDatabase(infra.databaseUrl, names[name]);
    const e = env(databaseUrl);
    const app = await create(e);
    const url = await startServiceApp(app, '127.0.0.1', 0);
    const s = { app, url, databaseUrl };
    started.push(s);
    return s;
  };
  const stop = async (): Promise<void> => {
    for (const s of started.reverse()) await s.app.close();
    for (const n of Object.values(names)) await dropDatabase(infra.databaseUrl, n);
  };
  try {
    const intake = await start('intake', (e) => createIntakeApp(loadConfig(intakeEnvSchema, e)));
    const matcher = await start('matcher', (e) => createMatcherApp(loadConfig(matcherEnvSchema, e)));
    const notifier = await start('notifier', (e) => createNotifierApp(loadConfig(notifierEnvSchema, e)));
    const k = kafka(infra.brokers);
    await Promise.all(['intake', 'matcher', 'notifier'].map((s) => waitForGroup(k, `${groupPrefix}${s}`)));
    return { run, groupPrefix, intake, matcher, notifier, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
