import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

export const METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'trialmatch_messages_consumed_total', help: 'Consumed messages by outcome', labelNames: ['consumer', 'topic', 'outcome'] }),
  makeCounterProvider({ name: 'trialmatch_message_retries_total', help: 'Retried message attempts', labelNames: ['consumer', 'topic'] }),
  makeCounterProvider({ name: 'trialmatch_outbox_published_total', help: 'Outbox messages published', labelNames: ['topic'] }),
  makeCounterProvider({ name: 'trialmatch_outbox_publish_failures_total', help: 'Outbox messages whose publish failed (will be retried)' }),
];

/** The messaging layer's counters, grouped so services inject one thing. */
@Injectable()
export class MessagingMetrics {
  constructor(
    @InjectMetric('trialmatch_messages_consumed_total') readonly consumed: Counter<'consumer' | 'topic' | 'outcome'>,
    @InjectMetric('trialmatch_message_retries_total') readonly retries: Counter<'consumer' | 'topic'>,
    @InjectMetric('trialmatch_outbox_published_total') readonly outboxPublished: Counter<'topic'>,
    @InjectMetric('trialmatch_outbox_publish_failures_total') readonly outboxFailures: Counter,
  ) {}
}
