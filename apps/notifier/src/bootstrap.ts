import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@trialmatch/platform';
import { notifierSettings, type NotifierEnv } from './config';
import { NOTIFIER_PERSISTENCE, NotifierModule } from './notifier.module';

export function createNotifierApp(env: NotifierEnv): Promise<INestApplication> {
  return createServiceApp({
    service: 'notifier',
    title: 'Notifier: match changes and screening workflow',
    env,
    persistence: NOTIFIER_PERSISTENCE,
    feature: NotifierModule.register(notifierSettings(env, env.WEBHOOK_SECRET_KEY)),
    consumes: true,
    joinPartitionsUpTo: 200, // a fetch's partitions in one transaction: its calls are database round trips only (KAFKA_JOIN_PARTITIONS_UP_TO)
  });
}
