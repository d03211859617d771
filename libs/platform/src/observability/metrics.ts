import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';
import { PartitionAssignment } from '../messaging/partition-assignment';

export const METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'trialmatch_messages_consumed_total', help: 'Consumed messages by outcome', labelNames: ['consumer', 'topic', 'outcome'] }),
  makeCounterProvider({ name: 'trialmatch_message_retries_total', help: 'Retried message attempts', labelNames: ['consumer', 'topic'] }),
  makeCounterProvider({ name: 'trialmatch_outbox_published_total', help: 'Outbox messages published', labelNames: ['topic'] }),
  makeCounterProvider({ name: 'trialmatch_outbox_publish_failures_total', help: 'Outbox messages whose publish failed (will be retried)' }),
  makeGaugeProvider({ name: 'trialmatch_partitions_owned', help: "Partitions this instance owns in its consumer group, per topic (0 during a rebalance)", labelNames: ['topic'] }),
  makeGaugeProvider({ name: 'trialmatch_group_assignments', help: 'Partition assignments this instance has received from its consumer group (one per completed rebalance; a storm shows as a fast rise)' }),
];

/** Keeps the partition gauges up to date with this instance's PartitionAssignment. */
@Injectable()
export class AssignmentMetrics {
  constructor(
    assignment: PartitionAssignment,
    @InjectMetric('trialmatch_partitions_owned') owned: Gauge<'topic'>,
    @InjectMetric('trialmatch_group_assignments') assignments: Gauge,
  ) {
    const seen = new Set<string>();
    const update = (): void => {
      assignments.set(assignment.assignments);
      for (const topic of assignment.topics()) seen.add(topic);
      for (const topic of seen) {
        const o = assignment.owned(topic);
        if (o !== 'all') owned.set({ topic }, o.length);
      }
    };
    assignment.onChange(update);
    update();
  }
}

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
