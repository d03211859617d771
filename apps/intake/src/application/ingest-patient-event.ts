import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { buildProfile, pseudonymize, type ProfileSourceEvent } from '@trialmatch/core';
import { PATIENT_PROFILE_SCHEMA_VERSION, TOPICS, type PatientEventV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { Outbox, TerminalError } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';

export interface IngestResult {
  eventId: string;
  patientPseudonym: string;
  status: 'accepted' | 'duplicate';
  /** Set when this event changed the profile. */
  profileVersion?: number;
}

/** The same event id with different content: the sender reused an id. Never applied, never retried. */
export class EventIdConflictError extends TerminalError {
  constructor(eventId: string) {
    super(`event ${eventId} was already received with different content`);
    this.name = 'EventIdConflictError';
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with sorted keys, so equal content hashes equally whatever the sender's key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stores one patient event (idempotent on its id), recomputes the patient's profile from the whole
 * history in clinical-time order, and publishes the profile through the outbox when it changed.
 * Runs inside the caller's transaction; the profile row is locked so one patient's events apply one at a time.
 */
@Injectable()
export class IngestPatientEvent {
  constructor(
    private readonly outbox: Outbox,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  pseudonymFor(event: Pick<PatientEventV1, 'source' | 'patientId'>): string {
    return pseudonymize(this.settings.pseudonymKey, event.source, event.patientId);
  }

  async execute(manager: EntityManager, event: PatientEventV1, correlationId: string): Promise<IngestResult> {
    const patientPseudonym = this.pseudonymFor(event);
    const contentHash = sha256(canonical(event));
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO intake.raw_events (event_id, patient_pseudonym, source, type, occurred_at, content_hash, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [event.eventId, patientPseudonym, event.source, event.type, event.occurredAt, contentHash, event],
    );
    if (inserted.length === 0) {
      const [existing] = await manager.query<Array<{ content_hash: string }>>(`SELECT content_hash FROM intake.raw_events WHERE event_id = $1`, [event.eventId]);
      if (existing?.content_hash !== contentHash) throw new EventIdConflictError(event.eventId);
      return { eventId: event.eventId, patientPseudonym, status: 'duplicate' };
    }

    await manager.query(
      `INSERT INTO intake.patient_profiles (patient_pseudonym, version, profile, profile_hash) VALUES ($1, 0, '{}', '') ON CONFLICT DO NOTHING`,
      [patientPseudonym],
    );
    const [current] = await manager.query<Array<{ version: number; profile_hash: string }>>(
      `SELECT version, profile_hash FROM intake.patient_profiles WHERE patient_pseudonym = $1 FOR UPDATE`,
      [patientPseudonym],
    );
    const history = await manager.query<ProfileSourceEvent[]>(
      `SELECT event_id AS "eventId", type, occurred_at AS "occurredAt", payload->'data' AS data FROM intake.raw_events WHERE patient_pseudonym = $1`,
      [patientPseudonym],
    );
    const profile = buildProfile(history);
    const profileHash = sha256(canonical(profile));
    if (current?.profile_hash === profileHash) return { eventId: event.eventId, patientPseudonym, status: 'accepted' };

    const version = (current?.version ?? 0) + 1;
    await manager.query(`UPDATE intake.patient_profiles SET version = $2, profile = $3, profile_hash = $4, updated_at = now() WHERE patient_pseudonym = $1`, [
      patientPseudonym,
      version,
      profile,
      profileHash,
    ]);
    const message: PatientProfileV1 = { patientPseudonym, profileVersion: version, computedAt: new Date().toISOString(), profile: { ...profile } };
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.patientProfiles,
        key: patientPseudonym,
        value: message,
        eventId: `${patientPseudonym}.profile.${version}`,
        schemaVersion: PATIENT_PROFILE_SCHEMA_VERSION,
        messageType: 'PatientProfileChanged',
        correlationId,
      },
    ]);
    return { eventId: event.eventId, patientPseudonym, status: 'accepted', profileVersion: version };
  }
}
