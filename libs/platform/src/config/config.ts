import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { authEnvSchema, authProblems, type AuthEnv } from './auth-config';
import { connectionSecurityEnvSchema, connectionSecurityProblems, envBool, type ConnectionSecurityEnv } from './secure-connections';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const csv = z
  .string()
  .min(1)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Environment variables shared by every service. Each service extends this with its own. */
export const baseEnvSchema = authEnvSchema.merge(connectionSecurityEnvSchema).extend({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Apply pending migrations at start-up; false where a migration job runs `main.js migrate` before the rollout (deploy/k8s). */
  DATABASE_MIGRATE_ON_START: envBool.default('true'),
  KAFKA_BROKERS: csv,
  KAFKA_CLIENT_ID: z.string().min(1).default('trialmatch'),
  /** Prepended to consumer group ids, so parallel test runs or tenants never share offsets. */
  KAFKA_GROUP_PREFIX: z.string().default(''),
  MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  MESSAGE_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(60000).default(200),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60000).default(250),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(2000).default(500),
  OUTBOX_HAND_OFF: envBool.default('true'),
  /** Seconds an outbox row claimed by a relay stays its own; a relay that dies holding rows leaves them to the others after this. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /**
   * Handed-off rows are marked published at most this long after they went out, the marks of every publish
   * in between in one statement (0: each publish marked before the next). At most a second, well inside
   * the lease: a row published and not yet marked stays claimed, and is republished (a duplicate the
   * consumers' inboxes absorb) only if the relay dies before marking it.
   */
  OUTBOX_MARK_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(100),
  /** Published outbox rows are deleted after this many hours (0: kept); a week, as the topics keep messages. */
  OUTBOX_RETENTION_HOURS: z.coerce.number().min(0).max(87600).default(168),
  /** Inbox rows (the ids of messages already applied) are deleted after this many hours (0: kept); 30 days, as the DLQs keep messages, so a replay within that is still a duplicate. */
  INBOX_RETENTION_HOURS: z.coerce.number().min(0).max(87600).default(720),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;

/**
 * Validates the environment once at boot and returns a typed object; throws ConfigError naming
 * every bad variable (never its value: values may be secrets).
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const { values, problems: fileProblems } = withSecretFiles(env);
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new ConfigError([...fileProblems, ...parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)]);
  const problems = [...fileProblems, ...crossFieldProblems(parsed.data as Record<string, unknown>)];
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data as z.infer<S>;
}

/**
 * Secrets may come from files (Docker and Kubernetes secrets): `DATABASE_URL_FILE=/run/secrets/db`
 * sets DATABASE_URL from the file's content (trailing newline removed) unless DATABASE_URL itself is set.
 */
export function withSecretFiles(env: NodeJS.ProcessEnv): { values: NodeJS.ProcessEnv; problems: string[] } {
  const values: NodeJS.ProcessEnv = { ...env };
  const problems: string[] = [];
  for (const [name, file] of Object.entries(env)) {
    const m = /^(.+)_FILE$/.exec(name);
    if (!m || !file || !SECRET_VARIABLES.has(m[1]!) || env[m[1]!] !== undefined) continue;
    try {
      values[m[1]!] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}: cannot read the file it names`);
    }
  }
  return { values, problems };
}

/** The variables that may be given as `<NAME>_FILE`. */
export const SECRET_VARIABLES = new Set(['DATABASE_URL', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_USERNAME', 'PSEUDONYM_KEY', 'PROFILE_SEAL_KEY', 'WEBHOOK_SECRET_KEY']);

function crossFieldProblems(data: Record<string, unknown>): string[] {
  return [
    ...('AUTH_JWT_AUDIENCE' in data ? authProblems(data as AuthEnv) : []),
    ...('DATABASE_SSL' in data ? connectionSecurityProblems(data as ConnectionSecurityEnv) : []),
  ];
}

/** Settings the messaging layer needs, derived from the validated environment. */
export interface MessagingSettings {
  maxAttempts: number;
  retryBackoffMs: number;
  outboxPollMs: number;
  outboxBatchSize: number;
  /** Committed outbox rows handed straight to the relay (claimed as they are written); false: every row waits for a poll. */
  outboxHandOff: boolean;
  /**
   * Seconds a claim on outbox rows lasts. Handed-off rows still waiting in memory after half of it are
   * given back to the poll (and the hand-off suspended), so a row is never published from memory once
   * another relay may have claimed it.
   */
  outboxLeaseSeconds: number;
  /** Milliseconds at most between a hand-off publish and its mark, which the publishes in between share (0: marked at once). */
  outboxMarkDelayMs: number;
  /** Hours a published outbox row is kept (0: for ever). */
  outboxRetentionHours: number;
  /** Hours an inbox row is kept (0: for ever). */
  inboxRetentionHours: number;
}

export function messagingSettings(
  env: Pick<BaseEnv, 'MESSAGE_MAX_ATTEMPTS' | 'MESSAGE_RETRY_BACKOFF_MS' | 'OUTBOX_POLL_MS' | 'OUTBOX_BATCH_SIZE' | 'OUTBOX_HAND_OFF' | 'OUTBOX_LEASE_SECONDS' | 'OUTBOX_MARK_DELAY_MS' | 'OUTBOX_RETENTION_HOURS' | 'INBOX_RETENTION_HOURS'>,
): MessagingSettings {
  return {
    maxAttempts: env.MESSAGE_MAX_ATTEMPTS,
    retryBackoffMs: env.MESSAGE_RETRY_BACKOFF_MS,
    outboxPollMs: env.OUTBOX_POLL_MS,
    outboxBatchSize: env.OUTBOX_BATCH_SIZE,
    outboxHandOff: env.OUTBOX_HAND_OFF,
    outboxLeaseSeconds: env.OUTBOX_LEASE_SECONDS,
    outboxMarkDelayMs: env.OUTBOX_MARK_DELAY_MS,
    outboxRetentionHours: env.OUTBOX_RETENTION_HOURS,
    inboxRetentionHours: env.INBOX_RETENTION_HOURS,
  };
}
