import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type MatchResultV1 } from '@trialmatch/contracts';
import { inboundFrom, InProcessContext, MessageProcessor } from '@trialmatch/platform';
import { Notifications, NotifyOnResult } from '../application/notify-on-result';

@Controller()
export class ResultsConsumer {
  constructor(
    private readonly processor: MessageProcessor,
    private readonly notify: NotifyOnResult,
    private readonly notifications: Notifications,
  ) {}

  @EventPattern(TOPICS.matchResults)
  async onResult(@Ctx() ctx: KafkaContext | InProcessContext): Promise<void> {
    await this.processor.process<MatchResultV1>(inboundFrom(ctx), {
      consumer: 'notifier',
      topic: TOPICS.matchResults,
      handle: async (result, c) => {
        await this.notify.execute(c.manager, result, c.correlationId);
      },
    });
    this.notifications.afterCommit(); // webhook deliveries written with the notification go out now
  }
}
