import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type MatchResultV1 } from '@trialmatch/contracts';
import { BATCH, inboundBatchFrom, InboundBatchContext, InProcessContext, MessageProcessor, type BatchConsumerSpec } from '@trialmatch/platform';
import { Notifications, NotifyOnResult } from '../application/notify-on-result';

@Controller()
export class ResultsConsumer {
  private readonly spec: BatchConsumerSpec<MatchResultV1>;

  constructor(
    private readonly processor: MessageProcessor,
    notify: NotifyOnResult,
    private readonly notifications: Notifications,
  ) {
    this.spec = {
      consumer: 'notifier',
      topic: TOPICS.matchResults,
      handleBatch: async (items, manager) => {
        await notify.executeBatch(
          manager,
          items.map(({ value: result, correlationId }) => ({ result, correlationId })),
        );
      },
    };
  }

  /**
   * Fetched results together (of one partition, or of several fetched at once: KAFKA_JOIN_PARTITIONS_UP_TO) (MessageProcessor.processBatch): one transaction, one inbox
   * statement, and the states of their matches read and written in one statement each
   * (NotifyOnResult.executeBatch); if the batch fails, its results are processed one by one.
   */
  @EventPattern(TOPICS.matchResults, BATCH)
  async onResults(@Ctx() ctx: KafkaContext | InProcessContext | InboundBatchContext): Promise<void> {
    await this.processor.processBatch<MatchResultV1>(inboundBatchFrom(ctx), this.spec);
    this.notifications.afterCommit(); // webhook deliveries written with the notifications go out now
  }
}
