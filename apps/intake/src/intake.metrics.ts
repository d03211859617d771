import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';

export const INTAKE_METRIC_PROVIDERS = [
  makeCounterProvider({ name: 'intake_events_total', help: 'Patient events received, by channel (http, fhir, kafka, seed) and outcome (accepted, duplicate, conflict, rejected)', labelNames: ['channel', 'outcome'] }),
  makeHistogramProvider({ name: 'intake_profile_recompute_seconds', help: "Time to recompute a patient's profile from the whole history", buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] }),
  makeCounterProvider({ name: 'intake_profiles_published_total', help: 'Profile versions enqueued for patient-profiles.v1 (only when the profile changed)' }),
  makeCounterProvider({ name: 'intake_profiles_rederived_total', help: "Patients re-derived because their profile came from other settings than the clinical core's current ones" }),
];

@Injectable()
export class IntakeMetrics {
  constructor(
    @InjectMetric('intake_events_total') readonly events: Counter<'channel' | 'outcome'>,
    @InjectMetric('intake_profile_recompute_seconds') readonly recompute: Histogram,
    @InjectMetric('intake_profiles_published_total') readonly profilesPublished: Counter,
    @InjectMetric('intake_profiles_rederived_total') readonly rederived: Counter,
  ) {}
}
