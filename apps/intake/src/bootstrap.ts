import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@trialmatch/platform';
import type { IntakeEnv } from './config';
import { INTAKE_PERSISTENCE, IntakeModule } from './intake.module';

export function createIntakeApp(env: IntakeEnv): Promise<INestApplication> {
  return createServiceApp({
    service: 'intake',
    title: 'Intake: patient events in, profiles out',
    env,
    persistence: INTAKE_PERSISTENCE,
    feature: IntakeModule.register({ pseudonymKey: env.PSEUDONYM_KEY, profileSealKey: env.PROFILE_SEAL_KEY, rederiveCheckMs: env.INTAKE_REDERIVE_CHECK_MS, rederiveBatch: env.INTAKE_REDERIVE_BATCH }),
    consumes: true,
    joinPartitionsUpTo: 200, // a fetch's partitions in one transaction: its calls are database round trips only (KAFKA_JOIN_PARTITIONS_UP_TO)
  });
}
