import { Module, type DynamicModule } from '@nestjs/common';
import { Notifications, NotifyOnResult, ReleaseHeldNotifications } from './application/notify-on-result';
import { NOTIFIER_SETTINGS, type NotifierSettings } from './notifier.settings';
import { NotificationsController } from './http/notifications.controller';
import { ResultsConsumer } from './messaging/results.consumer';
import { NOTIFIER_ENTITIES } from './persistence/entities';
import { Notifier1764400003000 } from './persistence/migrations/1764400003000-notifier';
import { NotifierCohorts1764400005000 } from './persistence/migrations/1764400005000-notifier-cohorts';
import { NotifierPolicy1764400008000 } from './persistence/migrations/1764400008000-notifier-policy';
import { NotifierScreenings1764400009000 } from './persistence/migrations/1764400009000-notifier-screenings';
import { ScreeningsController } from './http/screenings.controller';
import { NotifierWebhooks1764400010000 } from './persistence/migrations/1764400010000-notifier-webhooks';
import { NotifierDigests1764400011000 } from './persistence/migrations/1764400011000-notifier-digests';
import { NotifierEligibleMonth1764400012000 } from './persistence/migrations/1764400012000-notifier-eligible-month';
import { Digests } from './application/digests';
import { WebhookDeliveries } from './webhooks/deliveries';
import { WebhooksController } from './webhooks/webhooks.controller';

export const NOTIFIER_PERSISTENCE = { entities: NOTIFIER_ENTITIES, migrations: [Notifier1764400003000, NotifierCohorts1764400005000, NotifierPolicy1764400008000, NotifierScreenings1764400009000, NotifierWebhooks1764400010000, NotifierDigests1764400011000, NotifierEligibleMonth1764400012000] };

@Module({})
export class NotifierModule {
  static register(settings: NotifierSettings): DynamicModule {
    return {
      module: NotifierModule,
      controllers: [NotificationsController, ScreeningsController, WebhooksController, ResultsConsumer],
      providers: [{ provide: NOTIFIER_SETTINGS, useValue: settings }, Notifications, NotifyOnResult, ReleaseHeldNotifications, WebhookDeliveries, Digests],
    };
  }
}
