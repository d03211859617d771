import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';

export const matcherEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
});
export type MatcherEnv = z.infer<typeof matcherEnvSchema>;
