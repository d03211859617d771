import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';

export const intakeEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  PSEUDONYM_KEY: z.string().min(16, 'must be at least 16 characters'),
  /** Shared with the matcher only: the birth date travels sealed on patient-profiles.v1. */
  PROFILE_SEAL_KEY: z.string().min(32, 'must be at least 32 characters'),
  /** How often to look for profiles derived with older settings of the clinical core (also once at start); 0: never. */
  INTAKE_REDERIVE_CHECK_MS: z.coerce.number().int().min(0).default(600_000),
  /** Patients re-derived per transaction. */
  INTAKE_REDERIVE_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type IntakeEnv = z.infer<typeof intakeEnvSchema>;
