import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';
import type { NotifierSettings } from './notifier.settings';

/** Notifier variables shared by its own process and embedded mode. */
export const notifierSettingsEnvSchema = z.object({
  /** Flapping guard (docs/notifier.md): hours a NO_LONGER_ELIGIBLE is held back to see whether it lasts; 0 turns it off. */
  NOTIFIER_QUIET_PERIOD_HOURS: z.coerce.number().min(0).max(24 * 30).default(1),
  NOTIFIER_RELEASE_CHECK_MS: z.coerce.number().int().min(100).default(60000),
  NOTIFIER_DIGEST_CHECK_MS: z.coerce.number().int().min(100).default(600000),
  NOTIFIER_DIGEST_DAYS: z.coerce.number().int().min(1).max(31).default(3),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(1000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).default(5000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
});

export const notifierEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).merge(notifierSettingsEnvSchema).extend({
  /** Seals webhook signing secrets at rest (≥32 characters). */
  WEBHOOK_SECRET_KEY: z.string().min(32, 'must be at least 32 characters'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
});
export type NotifierEnv = z.infer<typeof notifierEnvSchema>;

export const notifierSettings = (env: z.infer<typeof notifierSettingsEnvSchema>, webhookSecretKey: string): NotifierSettings => ({
  policy: { quietPeriodHours: env.NOTIFIER_QUIET_PERIOD_HOURS },
  releaseCheckMs: env.NOTIFIER_RELEASE_CHECK_MS,
  digestCheckMs: env.NOTIFIER_DIGEST_CHECK_MS,
  digestDays: env.NOTIFIER_DIGEST_DAYS,
  webhooks: { pollMs: env.WEBHOOK_POLL_MS, maxAttempts: env.WEBHOOK_MAX_ATTEMPTS, backoffMs: env.WEBHOOK_BACKOFF_MS, timeoutMs: env.WEBHOOK_TIMEOUT_MS, secretKey: webhookSecretKey },
});
