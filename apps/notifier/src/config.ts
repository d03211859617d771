import { z } from 'zod';
import { baseEnvSchema, kafkaModeEnvSchema } from '@trialmatch/platform';

export const notifierEnvSchema = baseEnvSchema.merge(kafkaModeEnvSchema).extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
});
export type NotifierEnv = z.infer<typeof notifierEnvSchema>;
