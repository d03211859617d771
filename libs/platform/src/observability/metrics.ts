import type { RequestHandler } from 'express';
import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { PartitionAssignment } from '../messaging/partition-assignment';

export const METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'trialmatch_messages_consumed_total', help: 'Consumed messages by outcome', labelNames: ['consumer', 'topic', 'outcome'] }),
  makeCounterProvider({ name: 'trialmatch_message_retries_total', help: 'Retried message attempts', labelNames: ['consumer', 'topic'] }),
  makeCounterProvider({ name: 'trialmatch_outbox_published_total', help: 'Outbox messages published, by path (hand-off: from memory once committed; poll: claimed from the table)', labelNames: ['topic', 'path'] }),
  makeGaugeProvider({ name: 'trialmatch_outbox_hand_off', help: 'Whether committed outbox rows are handed straight to the relay (1) or left to its poll (0: off, or suspended after a failed publish until the poll has caught up)' }),
  makeCounterProvider({ name: 'trialmatch_outbox_publish_failures_total', help: 'Outbox messages whose publish failed (will be retried)' }),
  makeGaugeProvider({ name: 'trialmatch_partitions_owned', help: "Partitions this instance owns in its consumer group, per topic (0 during a rebalance)", labelNames: ['topic'] }),
  makeHistogramProvider({
    name: 'trialmatch_message_handling_seconds',
    help: 'Time to apply consumed messages (decoded to committed): one observation per message, or per fetched batch where a consumer takes batches',
    labelNames: ['consumer', 'topic'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeHistogramProvider({
    name: 'trialmatch_http_request_seconds',
    help: 'HTTP requests by method, route pattern (never the path itself: it may hold a pseudonym) and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
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
    @InjectMetric('trialmatch_outbox_published_total') readonly outboxPublished: Counter<'topic' | 'path'>,
    @InjectMetric('trialmatch_outbox_hand_off') readonly outboxHandOff: Gauge,
    @InjectMetric('trialmatch_outbox_publish_failures_total') readonly outboxFailures: Counter,
    @InjectMetric('trialmatch_message_handling_seconds') readonly handling: Histogram<'consumer' | 'topic'>,
  ) {}
}

/**
 * Express middleware timing each HTTP request into trialmatch_http_request_seconds, labelled with the
 * matched route pattern (e.g. /v1/patients/:pseudonym/profile), "unmatched" when no route matched.
 */
export function httpRequestMetrics(histogram: Histogram<'method' | 'route' | 'status'>): RequestHandler {
  return (req, res, next) => {
    const end = histogram.startTimer();
    res.on('finish', () => {
      // Express sets req.route when a route matched: its pattern, never the path with its values.
      const route = (req.route as { path?: unknown } | undefined)?.path;
      end({ method: req.method, route: typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}
