import { Module, type DynamicModule } from '@nestjs/common';
import { EvaluateProfile } from './application/evaluate-profile';
import { ProfileCache } from './application/profile-cache';
import { ResultExplainer } from './application/explain-results';
import { RegisterTrial } from './application/register-trial';
import { Rescreens } from './application/rescreens';
import { TrialCatalog } from './application/trial-catalog';
import { MatchesController } from './http/matches.controller';
import { TrialsController } from './http/trials.controller';
import { MATCHER_METRIC_PROVIDERS, MatcherMetrics } from './matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from './matcher.settings';
import { ProfilesConsumer } from './messaging/profiles.consumer';
import { MATCHER_ENTITIES } from './persistence/entities';
import { Matcher1764400002000 } from './persistence/migrations/1764400002000-matcher';
import { MatcherResults1764400004000 } from './persistence/migrations/1764400004000-matcher-results';
import { MatcherPartitions1764400006000 } from './persistence/migrations/1764400006000-matcher-partitions';
import { TrialOwners1764400013000 } from './persistence/migrations/1764400013000-trial-owners';
import { QuietResults1764400015000 } from './persistence/migrations/1764400015000-quiet-results';
import { JsonDocuments1764400018000 } from './persistence/migrations/1764400018000-json-documents';
import { RoomForUpdates1764400019000 } from './persistence/migrations/1764400019000-room-for-updates';

export const MATCHER_PERSISTENCE = { entities: MATCHER_ENTITIES, migrations: [Matcher1764400002000, MatcherResults1764400004000, MatcherPartitions1764400006000, TrialOwners1764400013000, QuietResults1764400015000, JsonDocuments1764400018000, RoomForUpdates1764400019000] };

@Module({})
export class MatcherModule {
  static register(settings: MatcherSettings): DynamicModule {
    return {
      module: MatcherModule,
      controllers: [TrialsController, MatchesController, ProfilesConsumer],
      providers: [{ provide: MATCHER_SETTINGS, useValue: settings }, ...MATCHER_METRIC_PROVIDERS, MatcherMetrics, TrialCatalog, ProfileCache, ResultExplainer, EvaluateProfile, RegisterTrial, Rescreens],
      exports: [RegisterTrial],
    };
  }
}
