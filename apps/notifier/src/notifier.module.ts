import { Module, type DynamicModule } from '@nestjs/common';
import { NotifyOnResult } from './application/notify-on-result';
import { NotificationsController } from './http/notifications.controller';
import { ResultsConsumer } from './messaging/results.consumer';
import { NOTIFIER_ENTITIES } from './persistence/entities';
import { Notifier1764400003000 } from './persistence/migrations/1764400003000-notifier';
import { NotifierCohorts1764400005000 } from './persistence/migrations/1764400005000-notifier-cohorts';

export const NOTIFIER_PERSISTENCE = { entities: NOTIFIER_ENTITIES, migrations: [Notifier1764400003000, NotifierCohorts1764400005000] };

@Module({})
export class NotifierModule {
  static register(): DynamicModule {
    return { module: NotifierModule, controllers: [NotificationsController, ResultsConsumer], providers: [NotifyOnResult] };
  }
}
