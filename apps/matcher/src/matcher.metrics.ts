import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';

export const MATCHER_METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'matcher_evaluations_total', help: 'Patient×trial evaluations (rate() gives evaluations per second)' }),
  makeHistogramProvider({ name: 'matcher_evaluation_batch_seconds', help: 'Time to evaluate one batch of profiles against the active trials', buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] }),
  makeCounterProvider({ name: 'matcher_results_changed_total', help: 'Results stored anew and published because their verdict, date, failing or unknown criteria changed' }),
  makeGaugeProvider({ name: 'matcher_rescreen_remaining', help: "Profiles left in running re-screens, in this instance's partitions", labelNames: ['kind'] }),
  makeCounterProvider({ name: 'matcher_profile_cache_total', help: 'Profile cache look-ups by outcome (hit: the stored version held in memory)', labelNames: ['outcome'] }),
  makeGaugeProvider({ name: 'matcher_profile_cache_entries', help: 'Parsed profiles held by the profile worker thread (MATCHER_PROFILE_CACHE_SIZE at most)' }),
  makeCounterProvider({ name: 'matcher_rescreened_profiles_total', help: 'Profiles re-screened (rate() gives re-screen progress per second)' }),
];

@Injectable()
export class MatcherMetrics {
  constructor(
    @InjectMetric('matcher_evaluations_total') readonly evaluations: Counter,
    @InjectMetric('matcher_evaluation_batch_seconds') readonly evaluationSeconds: Histogram,
    @InjectMetric('matcher_results_changed_total') readonly resultsChanged: Counter,
    @InjectMetric('matcher_rescreen_remaining') readonly rescreenRemaining: Gauge<'kind'>,
    @InjectMetric('matcher_rescreened_profiles_total') readonly rescreened: Counter,
    @InjectMetric('matcher_profile_cache_total') readonly profileCache: Counter<'outcome'>,
    @InjectMetric('matcher_profile_cache_entries') readonly profileCacheEntries: Gauge,
  ) {}
}
