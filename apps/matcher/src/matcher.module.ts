import { Module, type DynamicModule } from '@nestjs/common';
import { EvaluateProfile } from './application/evaluate-profile';
import { RegisterTrial } from './application/register-trial';
import { TrialCatalog } from './application/trial-catalog';
import { TrialsController } from './http/trials.controller';
import { ProfilesConsumer } from './messaging/profiles.consumer';
import { MATCHER_ENTITIES } from './persistence/entities';
import { Matcher1764400002000 } from './persistence/migrations/1764400002000-matcher';

export const MATCHER_PERSISTENCE = { entities: MATCHER_ENTITIES, migrations: [Matcher1764400002000] };

@Module({})
export class MatcherModule {
  static register(): DynamicModule {
    return {
      module: MatcherModule,
      controllers: [TrialsController, ProfilesConsumer],
      providers: [TrialCatalog, EvaluateProfile, RegisterTrial],
      exports: [RegisterTrial],
    };
  }
}
