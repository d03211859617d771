import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { buildProfile, canonicalJson, pseudonymize, type PatientProfile, type ProfileSourceEvent, profileForTopic } from '@trialmatch/core';
import { PATIENT_PROFILE_SCHEMA_VERSION, TOPICS, type PatientEventV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { FieldSeal, Outbox } from '@trialmatch/platform';
import { IntakeMetrics } from '../intake.metrics';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';

/** Where an event came in: reported in metrics and kept with conflicts. */
export type Channel = 'http' | 'fhir' | 'kafka' | 'seed';

export interface IngestResult {
  eventId: string;
  patientPseudonym: string;
  /** accepted: stored (the profile may or may not have changed); duplicate: already stored with the same content; conflict: the id was already used for different content — recorded, not applied. */
  status: 'accepted' | 'duplicate' | 'conflict';
  /** Set when this event changed the profile. */
  profileVersion?: number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const contentHashes = new WeakMap<PatientEventV1, string>();

/** The hash of an event's content (key order does not matter); computed once per event object (the inbox id and the store both use it). */
export const contentHashOf = (event: PatientEventV1): string => {
  let hash = contentHashes.get(event);
  if (hash === undefined) contentHashes.set(event, (hash = sha256(canonicalJson(event))));
  return hash;
};

/** What makes two profiles different for a coordinator: everything but the day they were computed on. */
const profileHash = ({ asOf, ...clinical }: PatientProfile): string => sha256(canonicalJson(clinical));

/**
 * Stores one patient event (idempotent on its id; an id reused for different content is recorded as a
 * conflict and not applied), recomputes the patient's profile from the whole history as of now (so a
 * late or out-of-order event is handled like any other), keeps every profile version, and publishes the
 * profile through the outbox when it changed. Runs inside the caller's transaction; the profile row is
 * locked so one patient's events apply one at a time.
 */
@Injectable()
export class IngestPatientEvent {
  private readonly seal: FieldSeal;

  constructor(
    private readonly outbox: Outbox,
    private readonly metrics: IntakeMetrics,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {
    this.seal = new FieldSeal(settings.profileSealKey);
  }

  pseudonymFor(event: Pick<PatientEventV1, 'source' | 'patientId'>): string {
    return pseudonymize(this.settings.pseudonymKey, event.source, event.patientId);
  }

  async execute(manager: EntityManager, event: PatientEventV1, correlationId: string, channel: Channel = 'http'): Promise<IngestResult> {
    const result = await this.apply(manager, event, correlationId, channel);
    this.metrics.events.inc({ channel, outcome: result.status });
    return result;
  }

  private async apply(manager: EntityManager, event: PatientEventV1, correlationId: string, channel: Channel): Promise<IngestResult> {
    const patientPseudonym = this.pseudonymFor(event);
    const contentHash = contentHashOf(event);
    // One statement: the event, the patient's identity, and the patient's profile row locked (an existing
    // row with FOR UPDATE, read as its latest committed version; a new patient's empty row by inserting
    // it), so that the history read next, in a statement of its own and so a snapshot taken after the
    // lock, holds every event of the patient committed before.
    const [stored] = await manager.query<Array<{ inserted: boolean; existing_hash: string | null; created: boolean; version: number | null; profile_hash: string | null }>>(
      `WITH ins AS (
         INSERT INTO intake.raw_events (event_id, patient_pseudonym, source, type, occurred_at, content_hash, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING RETURNING event_id),
       ident AS (
         INSERT INTO intake.patient_identities (patient_pseudonym, source, patient_id) SELECT $2, $3, $8 WHERE EXISTS (SELECT 1 FROM ins) ON CONFLICT DO NOTHING),
       prof AS (
         INSERT INTO intake.patient_profiles (patient_pseudonym, version, profile_hash) SELECT $2, 0, '' WHERE EXISTS (SELECT 1 FROM ins) ON CONFLICT DO NOTHING RETURNING patient_pseudonym),
       cur AS (
         SELECT version, profile_hash FROM intake.patient_profiles WHERE patient_pseudonym = $2 AND EXISTS (SELECT 1 FROM ins) FOR UPDATE)
       SELECT EXISTS (SELECT 1 FROM ins) AS inserted, (SELECT content_hash FROM intake.raw_events WHERE event_id = $1) AS existing_hash,
         EXISTS (SELECT 1 FROM prof) AS created, (SELECT version FROM cur) AS version, (SELECT profile_hash FROM cur) AS profile_hash`,
      [event.eventId, patientPseudonym, event.source, event.type, event.occurredAt, contentHash, event, event.patientId],
    );
    if (!stored?.inserted) {
      // The statement's snapshot may predate a concurrent insert of the same id that it waited for: read it anew then.
      const existing = stored?.existing_hash ?? (await manager.query<Array<{ content_hash: string }>>(`SELECT content_hash FROM intake.raw_events WHERE event_id = $1`, [event.eventId]))[0]?.content_hash;
      if (existing === contentHash) return { eventId: event.eventId, patientPseudonym, status: 'duplicate' };
      await manager.query(
        `INSERT INTO intake.event_conflicts (event_id, patient_pseudonym, channel, content_hash, payload) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, content_hash) DO NOTHING`,
        [event.eventId, patientPseudonym, channel, contentHash, event],
      );
      return { eventId: event.eventId, patientPseudonym, status: 'conflict' };
    }
    // A new patient's row, inserted by this statement, is invisible to its own snapshot: version 0, no hash. A row
    // neither seen nor inserted was created by a transaction that committed while this statement waited: lock it now.
    const current =
      stored.version !== null
        ? { version: stored.version, profile_hash: stored.profile_hash ?? '' }
        : stored.created
          ? { version: 0, profile_hash: '' }
          : (await manager.query<Array<{ version: number; profile_hash: string }>>(`SELECT version, profile_hash FROM intake.patient_profiles WHERE patient_pseudonym = $1 FOR UPDATE`, [patientPseudonym]))[0];
    const history = await manager.query<ProfileSourceEvent[]>(
      `SELECT event_id AS "eventId", type, occurred_at AS "occurredAt", payload->'data' AS data FROM intake.raw_events WHERE patient_pseudonym = $1`,
      [patientPseudonym],
    );
    const started = performance.now();
    const profile = buildProfile(history);
    const hash = profileHash(profile);
    this.metrics.recompute.observe((performance.now() - started) / 1000);
    if (current?.profile_hash === hash) return { eventId: event.eventId, patientPseudonym, status: 'accepted' };

    const version = (current?.version ?? 0) + 1;
    // No identifier in clear on a topic: event ids become references, the birth date is sealed (the
    // matcher, which needs it for ages and birthdays, opens it).
    const view = profileForTopic(profile, history.map((e) => e.eventId), this.settings.pseudonymKey);
    const birthDate = view.demographics.birthDate;
    const published = { ...view, demographics: { ...view.demographics, birthDate: birthDate === null ? null : this.seal.seal(birthDate) } };
    const message: PatientProfileV1 = { patientPseudonym, site: event.source, profileVersion: version, computedAt: new Date().toISOString(), profile: published };
    const [out] = this.outbox.prepare([
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
    // One statement: the current version, the profile (stored once, in the history), and the outbox row publishing it.
    await manager.query(
      `WITH cur AS (UPDATE intake.patient_profiles SET version = $2, profile_hash = $4, updated_at = now() WHERE patient_pseudonym = $1),
       ver AS (INSERT INTO intake.profile_versions (patient_pseudonym, version, profile, caused_by_event) VALUES ($1, $2, $3, $5))
       INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers) VALUES ($6, $7, $1, $8, $9)`,
      [patientPseudonym, version, profile, hash, event.eventId, out!.eventId, out!.topic, JSON.stringify(message), out!.headers],
    );
    this.metrics.profilesPublished.inc();
    return { eventId: event.eventId, patientPseudonym, status: 'accepted', profileVersion: version };
  }
}
