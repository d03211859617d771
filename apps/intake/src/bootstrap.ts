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
    feature: IntakeModule.register({ pseudonymKey: env.PSEUDONYM_KEY, profileSealKey: env.PROFILE_SEAL_KEY }),
    consumes: true,
  });
}
