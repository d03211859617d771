import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';
import type { MatcherSettings } from './matcher.settings';

/** Matcher variables shared by its own process and embedded mode. */
export const matcherSettingsEnvSchema = z.object({
  MATCHER_RESCREEN_CHECK_MS: z.coerce.number().int().min(100).default(60000),
  MATCHER_RESCREEN_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(1000),
  /** Partitions re-screened at once by an instance (pages overlap: one's database work with another's evaluation); keep below DATABASE_POOL_SIZE. */
  MATCHER_RESCREEN_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(3),
  /** Parsed profiles held for re-screens by the profile worker thread (about 11 KB of its heap each for a typical history); 0 turns the cache and the worker off. */
  MATCHER_PROFILE_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  /** Publish a patient's first result for a trial when it is INELIGIBLE (off: stored and explained on read, published once it changes). */
  MATCHER_PUBLISH_FIRST_INELIGIBLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Aggregate counts shown to sponsors: a count from 1 to this minus one is suppressed. */
  MATCHER_SMALL_CELL_THRESHOLD: z.coerce.number().int().min(1).max(100).default(11),
});

export const matcherEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).merge(matcherSettingsEnvSchema).extend({
  /** Shared with intake only: opens the birth date sealed on patient-profiles.v1. */
  PROFILE_SEAL_KEY: z.string().min(32, 'must be at least 32 characters'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
});
export type MatcherEnv = z.infer<typeof matcherEnvSchema>;

export const matcherSettings = (env: z.infer<typeof matcherSettingsEnvSchema>, profileSealKey: string): MatcherSettings => ({
  profileSealKey,
  rescreenCheckMs: env.MATCHER_RESCREEN_CHECK_MS,
  rescreenPageSize: env.MATCHER_RESCREEN_PAGE_SIZE,
  rescreenConcurrency: env.MATCHER_RESCREEN_CONCURRENCY,
  profileCacheSize: env.MATCHER_PROFILE_CACHE_SIZE,
  publishFirstIneligible: env.MATCHER_PUBLISH_FIRST_INELIGIBLE,
  smallCellThreshold: env.MATCHER_SMALL_CELL_THRESHOLD,
});
