import { z } from 'zod';
import { authEnvSchema } from '@trialmatch/platform';
import { matcherSettingsEnvSchema } from '../../matcher/src/config';
import { notifierSettingsEnvSchema } from '../../notifier/src/config';

/** Embedded mode needs no infrastructure; everything has a default. */
export const embeddedEnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('.data/embedded'),
  /** Where the seed trial catalog and demo patients are read from; empty string: load none. */
  SEED_DIR: z.string().default('data'),
  /** The built web app (npm run build:web; `npm start` builds it first), served at /. */
  WEB_DIR: z.string().default('apps/web/dist'),
  /** Optional; when absent a random key is created once and kept in DATA_DIR so pseudonyms stay stable. */
  PSEUDONYM_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
})
  .merge(authEnvSchema.pick({ RATE_LIMIT_PER_MINUTE: true, HTTP_BODY_LIMIT: true, API_KEY_ROTATION_GRACE_MINUTES: true }))
  .merge(matcherSettingsEnvSchema)
  .merge(notifierSettingsEnvSchema);
export type EmbeddedEnv = z.infer<typeof embeddedEnvSchema>;
