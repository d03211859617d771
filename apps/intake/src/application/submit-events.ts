import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Bundle } from 'fhir/r4';
import type { DataSource } from 'typeorm';
import { checkMessage, TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { eventProblems, mapFhirBundle } from '@trialmatch/core';
import { envelopeErrors, type FieldError } from '../http/patient-event.dto';
import { IntakeMetrics } from '../intake.metrics';
import { IngestPatientEvent, type Channel, type IngestResult } from './ingest-patient-event';

export interface EventOutcome {
  /** Position in the submitted batch (or FHIR Bundle entry order of the mapped events). */
  index: number;
  eventId: string | null;
  status: IngestResult['status'] | 'rejected';
  patientPseudonym?: string;
  profileVersion?: number;
  errors?: FieldError[];
}

export interface BatchOutcome {
  results: EventOutcome[];
  counts: Record<EventOutcome['status'], number>;
  /** FHIR resources that could not be mapped to events, with why. */
  unmapped?: Array<{ resourceType: string; id: string | null; reason: string }>;
}

/** Every problem with one submitted event: envelope (class-validator), per-type data (JSON Schema), clinical plausibility. */
export function problemsOf(value: unknown): FieldError[] {
  const envelope = envelopeErrors(value);
  if (envelope.length > 0) return envelope;
  const contract = checkMessage(TOPICS.patientEvents, value);
  if (contract.length > 0) return contract;
  return eventProblems(value as PatientEventV1);
}

/**
 * Accepts a batch of events: each valid event is stored in its own transaction (one bad or conflicting
 * event never holds back the others) and each gets its own outcome.
 */
@Injectable()
export class SubmitEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestPatientEvent,
    private readonly metrics: IntakeMetrics,
  ) {}

  async submit(items: readonly unknown[], correlationId: string, channel: Channel): Promise<BatchOutcome> {
    const results: EventOutcome[] = [];
    for (const [index, item] of items.entries()) {
      const eventId = typeof (item as { eventId?: unknown } | null)?.eventId === 'string' ? (item as { eventId: string }).eventId : null;
      const errors = problemsOf(item);
      if (errors.length > 0) {
        this.metrics.events.inc({ channel, outcome: 'rejected' });
        results.push({ index, eventId, status: 'rejected', errors });
        continue;
      }
      const r = await this.dataSource.transaction((m) => this.ingest.execute(m, item as PatientEventV1, correlationId, channel));
      results.push({
        index,
        eventId: r.eventId,
        status: r.status,
        patientPseudonym: r.patientPseudonym,
        ...(r.profileVersion ? { profileVersion: r.profileVersion } : {}),
        ...(r.status === 'conflict' ? { errors: [{ pointer: '/eventId', message: 'was already received with different content; recorded as a conflict, not applied' }] } : {}),
      });
    }
    const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
    for (const r of results) counts[r.status] += 1;
    return { results, counts };
  }

  /**
   * A FHIR R4 Bundle (transaction, batch or collection) from one source: mapped to native events (ids
   * namespaced by source, so two hospitals' Observation/1 never collide), then submitted as a batch.
   */
  async submitFhir(bundle: Bundle, source: string, correlationId: string): Promise<BatchOutcome> {
    const mapped = mapFhirBundle(bundle, source);
    const events = mapped.events.map((e) => ({ ...e, eventId: `${source}|${e.eventId}`, ...(e.supersedes ? { supersedes: `${source}|${e.supersedes}` } : {}) }));
    return { ...(await this.submit(events, correlationId, 'fhir')), unmapped: mapped.unmapped };
  }
}
