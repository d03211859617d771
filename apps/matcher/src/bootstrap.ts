import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@trialmatch/platform';
import { matcherSettings, type MatcherEnv } from './config';
import { MATCHER_PERSISTENCE, MatcherModule } from './matcher.module';

export function createMatcherApp(env: MatcherEnv): Promise<INestApplication> {
  return createServiceApp({
    service: 'matcher',
    title: 'Matcher: trials and eligibility',
    env,
    persistence: MATCHER_PERSISTENCE,
    feature: MatcherModule.register(matcherSettings(env, env.PROFILE_SEAL_KEY)),
    consumes: true,
    joinPartitionsUpTo: 0, // a call per partition, side by side: each also waits on the profile worker, so they overlap worker, main thread and PostgreSQL (KAFKA_JOIN_PARTITIONS_UP_TO)
  });
}
