import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';

export const intakeEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  PSEUDONYM_KEY: z.string().min(16, 'must be at least 16 characters'),
  /** Shared with the matcher only: the birth date travels sealed on patient-profiles.v1. */
  PROFILE_SEAL_KEY: z.string().min(32, 'must be at least 32 characters'),
});
export type IntakeEnv = z.infer<typeof intakeEnvSchema>;
