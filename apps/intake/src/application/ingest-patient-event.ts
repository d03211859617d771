import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { buildProfile, canonicalJson, DEFAULT_SETTINGS, EventRefs, pseudonymize, settingsLabel, type PatientProfile, type ProfileSourceEvent, profileForTopic } from '@trialmatch/core';
import { PATIENT_PROFILE_SCHEMA_VERSION, TOPICS, type PatientEventV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { FieldSeal, Outbox, rowsWithJson } from '@trialmatch/platform';
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

/** One event to ingest, with the correlation id its effects are published with. */
export interface IngestItem {
  event: PatientEventV1;
  correlationId: string;
}

/** The stored profile row of a patient, locked for the transaction. */
interface HeldProfile {
  patient_pseudonym: string;
  version: number;
  profile_hash: string;
}

/** What the event statement reports per submitted event. */
interface StoredEvent {
  event_id: string;
  inserted: boolean;
  existing_hash: string | null;
}

/** What a new profile version is named after: an event of the history, its site, the correlation id it carries. */
interface Cause {
  eventId: string;
  site: string;
  correlationId: string;
}

/** A profile version to store and publish. */
interface NewVersion {
  p: string;
  v: number;
  profile: PatientProfile;
  h: string;
  /** The settings label it was derived with. */
  s: string;
  e: string;
  oe: string;
  m: PatientProfileV1;
  hd: Record<string, string>;
}

/**
 * Stores patient events (idempotent on their ids; an id reused for different content is recorded as a
 * conflict and not applied), recomputes each affected patient's profile from the whole history as of now
 * (so a late or out-of-order event is handled like any other), keeps every profile version, and publishes
 * a profile through the outbox when it changed. Runs inside the caller's transaction; the patients'
 * profile rows are locked so one patient's events apply one transaction at a time.
 *
 * Several events are applied together (a fetched Kafka batch): a fixed number of statements whatever
 * their number, and one profile recomputation per patient rather than per event. A patient's events
 * in one call therefore yield at most one new profile version, as of the last of them: it names that
 * event as its cause and carries that event's correlation id; the versions in between are not computed
 * (every stored event is in the history of the version that follows it).
 */
@Injectable()
export class IngestPatientEvent {
  private readonly seal: FieldSeal;
  /** The references of the events in the histories recently rebuilt (each rebuild maps its whole history). */
  private readonly refs: EventRefs;

  constructor(
    private readonly outbox: Outbox,
    private readonly metrics: IntakeMetrics,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {
    this.seal = new FieldSeal(settings.profileSealKey);
    this.refs = new EventRefs(settings.pseudonymKey);
  }

  pseudonymFor(event: Pick<PatientEventV1, 'source' | 'patientId'>): string {
    return pseudonymize(this.settings.pseudonymKey, event.source, event.patientId);
  }

  /** One event, in the caller's transaction. */
  async execute(manager: EntityManager, event: PatientEventV1, correlationId: string, channel: Channel = 'http'): Promise<IngestResult> {
    const [result] = await this.executeBatch(manager, [{ event, correlationId }], channel);
    return result!;
  }

  /** Events in their order, in the caller's transaction; one outcome per event, in the same order. */
  async executeBatch(manager: EntityManager, items: readonly IngestItem[], channel: Channel): Promise<IngestResult[]> {
    const results = await this.apply(manager, items, channel);
    for (const r of results) this.metrics.events.inc({ channel, outcome: r.status });
    return results;
  }

  private async apply(manager: EntityManager, items: readonly IngestItem[], channel: Channel): Promise<IngestResult[]> {
    const rows = items.map(({ event }) => ({ event, p: this.pseudonymFor(event), h: contentHashOf(event) }));
    // The first of several events with one id in the call is the one stored; the others are compared with it.
    const first = new Map<string, number>();
    rows.forEach((r, i) => first.has(r.event.eventId) || first.set(r.event.eventId, i));
    const candidates = [...first.values()].map((i) => rows[i]!);
    // One statement: the events (in event id order, as every transaction inserts them, so two never wait
    // on each other in opposite orders), the patients' identities, and an empty profile row for each new
    // patient (in pseudonym order, likewise).
    const stored = await manager.query<StoredEvent[]>(
      `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(e text, p text, s text, t text, o text, h text, d jsonb, pid text)),
       ins AS (
         INSERT INTO intake.raw_events (event_id, patient_pseudonym, source, type, occurred_at, content_hash, payload)
         SELECT e, p, s, t, o, h, d FROM x ORDER BY e ON CONFLICT (event_id) DO NOTHING RETURNING event_id, patient_pseudonym),
       ident AS (
         INSERT INTO intake.patient_identities (patient_pseudonym, source, patient_id)
         SELECT DISTINCT ON (x.p) x.p, x.s, x.pid FROM x JOIN ins ON ins.event_id = x.e ORDER BY x.p ON CONFLICT DO NOTHING),
       prof AS (
         INSERT INTO intake.patient_profiles (patient_pseudonym, version, profile_hash)
         SELECT DISTINCT patient_pseudonym, 0, '' FROM ins ORDER BY 1 ON CONFLICT DO NOTHING)
       SELECT x.e AS event_id, ins.event_id IS NOT NULL AS inserted,
         CASE WHEN ins.event_id IS NULL THEN (SELECT content_hash FROM intake.raw_events r WHERE r.event_id = x.e) END AS existing_hash
       FROM x LEFT JOIN ins ON ins.event_id = x.e`,
      [JSON.stringify(candidates.map(({ event: e, p, h }) => ({ e: e.eventId, p, s: e.source, t: e.type, o: e.occurredAt, h, d: e, pid: e.patientId })))],
    );
    const byId = new Map(stored.map((s) => [s.event_id, s]));
    // The statement's snapshot may predate a concurrent insert of the same id that it waited for: read those anew.
    const unseen = stored.filter((s) => !s.inserted && s.existing_hash === null).map((s) => s.event_id);
    if (unseen.length > 0) {
      for (const r of await manager.query<Array<{ event_id: string; content_hash: string }>>(`SELECT event_id, content_hash FROM intake.raw_events WHERE event_id = ANY($1)`, [unseen])) {
        byId.get(r.event_id)!.existing_hash = r.content_hash;
      }
    }

    const results: IngestResult[] = [];
    const conflicts: Array<{ e: string; p: string; h: string; d: PatientEventV1 }> = [];
    /** Per patient, the index (in `results`) of its last stored event. */
    const lastStored = new Map<string, number>();
    rows.forEach(({ event, p, h }, i) => {
      const firstIndex = first.get(event.eventId)!;
      const s = byId.get(event.eventId)!;
      // Stored now (this row), or before: by this call (an earlier row with the id) or by an earlier transaction.
      const storedHash = s.inserted ? rows[firstIndex]!.h : s.existing_hash;
      if (s.inserted && firstIndex === i) {
        lastStored.set(p, i);
        results.push({ eventId: event.eventId, patientPseudonym: p, status: 'accepted' });
      } else if (storedHash === h) {
        results.push({ eventId: event.eventId, patientPseudonym: p, status: 'duplicate' });
      } else {
        conflicts.push({ e: event.eventId, p, h, d: event });
        results.push({ eventId: event.eventId, patientPseudonym: p, status: 'conflict' });
      }
    });
    if (conflicts.length > 0) {
      await manager.query(
        `INSERT INTO intake.event_conflicts (event_id, patient_pseudonym, channel, content_hash, payload)
         SELECT e, p, $2, h, d FROM json_to_recordset($1::json) AS x(e text, p text, h text, d jsonb) ON CONFLICT (event_id, content_hash) DO NOTHING`,
        [JSON.stringify(conflicts), channel],
      );
    }
    if (lastStored.size === 0) return results;
    const causes = new Map([...lastStored].map(([p, i]) => [p, { eventId: items[i]!.event.eventId, site: items[i]!.event.source, correlationId: items[i]!.correlationId }]));
    for (const [p, version] of await this.rebuild(manager, causes, 'events')) results[lastStored.get(p)!]!.profileVersion = version;
    return results;
  }

  /**
   * Up to `limit` patients, in pseudonym order after `after`, whose current profile was not derived with the clinical
   * core's current settings (`settingsLabel`): recorded with other settings, or written by an instance that does not
   * record them (its version differs from `settings_version`, as during a rolling upgrade). After an upgrade of the
   * clinical core they are re-derived (`rederive`) without waiting for a new event.
   */
  async staleProfiles(q: Pick<EntityManager, 'query'>, limit: number, after: string | null = null): Promise<string[]> {
    const rows = await q.query<Array<{ p: string }>>(
      `SELECT patient_pseudonym AS p FROM intake.patient_profiles
       WHERE version > 0 AND (settings IS DISTINCT FROM $1 OR settings_version IS DISTINCT FROM version) AND ($3::text IS NULL OR patient_pseudonym > $3)
       ORDER BY patient_pseudonym LIMIT $2`,
      [settingsLabel(DEFAULT_SETTINGS), limit, after],
    );
    return rows.map((r) => r.p);
  }

  /**
   * Re-derives the patients' profiles under the current settings, in the caller's transaction: each new version names
   * the latest event of the history and the reason `settings`, and is published like any other. Patients whose row
   * another transaction holds (an instance re-deriving them, events being applied) are skipped, to be taken again at
   * a later check; a patient re-derived meanwhile comes out the same and gets no new version. Returns the patients
   * taken and how many got a new version.
   */
  async rederive(manager: EntityManager, patients: readonly string[]): Promise<{ taken: string[]; versions: number }> {
    if (patients.length === 0) return { taken: [], versions: 0 };
    const taken = (
      await manager.query<Array<{ p: string }>>(`SELECT patient_pseudonym AS p FROM intake.patient_profiles WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym FOR UPDATE SKIP LOCKED`, [
        [...patients],
      ])
    ).map((r) => r.p);
    if (taken.length === 0) return { taken, versions: 0 };
    const latest = await manager.query<Array<{ p: string; e: string; s: string }>>(
      `SELECT DISTINCT ON (patient_pseudonym) patient_pseudonym AS p, event_id AS e, source AS s FROM intake.raw_events WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym, occurred_at DESC, event_id DESC`,
      [taken],
    );
    const correlationId = `settings-${randomUUID()}`;
    const versions = await this.rebuild(manager, new Map(latest.map((r) => [r.p, { eventId: r.e, site: r.s, correlationId }])), 'settings');
    // A profile that came out the same (its settings not recorded, or recorded by an older instance) is marked too, so it is not taken again.
    await manager.query(`UPDATE intake.patient_profiles SET settings = $1, settings_version = version WHERE patient_pseudonym = ANY($2) AND (settings IS DISTINCT FROM $1 OR settings_version IS DISTINCT FROM version)`, [
      settingsLabel(DEFAULT_SETTINGS),
      taken,
    ]);
    this.metrics.rederived.inc(versions.size);
    return { taken, versions: versions.size };
  }

  /**
   * Rebuilds the patients' profiles from their whole histories and stores and publishes those that changed; returns
   * the new version per patient. `causes`: per patient, the event the version is named after, its site and correlation id.
   */
  private async rebuild(manager: EntityManager, causes: ReadonlyMap<string, Cause>, reason: 'events' | 'settings'): Promise<Map<string, number>> {
    // The patients' profile rows, locked (in pseudonym order), read as their latest committed versions; the
    // history read next, in a statement of its own and so a snapshot taken after the locks, holds every
    // event of these patients committed before.
    const patients = [...causes.keys()].sort();
    const held = new Map(
      (await manager.query<HeldProfile[]>(`SELECT patient_pseudonym, version, profile_hash FROM intake.patient_profiles WHERE patient_pseudonym = ANY($1) ORDER BY patient_pseudonym FOR UPDATE`, [patients])).map((r) => [
        r.patient_pseudonym,
        r,
      ]),
    );
    const histories = new Map<string, ProfileSourceEvent[]>(patients.map((p) => [p, []]));
    for (const { p, ...e } of await manager.query<Array<ProfileSourceEvent & { p: string }>>(
      `SELECT patient_pseudonym AS p, event_id AS "eventId", type, occurred_at AS "occurredAt", payload->'data' AS data, payload->>'supersedes' AS supersedes, (payload->>'revision')::float8 AS revision,
              to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "receivedAt"
       FROM intake.raw_events WHERE patient_pseudonym = ANY($1)`,
      [patients],
    )) {
      histories.get(p)!.push(e);
    }

    const versions: NewVersion[] = [];
    for (const p of patients) {
      const history = histories.get(p)!;
      const started = performance.now();
      const profile = buildProfile(history);
      const hash = profileHash(profile);
      this.metrics.recompute.observe((performance.now() - started) / 1000);
      const current = held.get(p);
      if (current?.profile_hash === hash) continue;
      const cause = causes.get(p)!;
      const version = (current?.version ?? 0) + 1;
      // No identifier in clear on a topic: event ids become references, the birth date is sealed (the
      // matcher, which needs it for ages and birthdays, opens it).
      const view = profileForTopic(profile, history.map((e) => e.eventId), this.refs);
      const birthDate = view.demographics.birthDate;
      const published = { ...view, demographics: { ...view.demographics, birthDate: birthDate === null ? null : this.seal.seal(birthDate) } };
      const message: PatientProfileV1 = { patientPseudonym: p, site: cause.site, profileVersion: version, computedAt: new Date().toISOString(), profile: published };
      const [out] = this.outbox.prepare([
        {
          topic: TOPICS.patientProfiles,
          key: p,
          value: message,
          eventId: `${p}.profile.${version}`,
          schemaVersion: PATIENT_PROFILE_SCHEMA_VERSION,
          messageType: 'PatientProfileChanged',
          correlationId: cause.correlationId,
        },
      ]);
      versions.push({ p, v: version, profile, h: hash, s: profile.settings, e: cause.eventId, oe: out!.eventId, m: message, hd: out!.headers });
    }
    if (versions.length === 0) return new Map();
    // One statement: the current versions, the profiles (stored once, in the history), and the outbox rows publishing them.
    const texts = versions.map((v) => JSON.stringify(v.m));
    const lease = this.outbox.handOff(
      manager,
      versions.map((v, i) => ({ eventId: v.oe, topic: TOPICS.patientProfiles, key: v.p, value: texts[i]!, headers: v.hd })),
    );
    await manager.query(
      `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(p text, v int, profile json, h text, s text, e text, oe text, m json, hd jsonb)),
       cur AS (UPDATE intake.patient_profiles pp SET version = x.v, profile_hash = x.h, settings = x.s, settings_version = x.v, updated_at = now() FROM x WHERE pp.patient_pseudonym = x.p),
       ver AS (INSERT INTO intake.profile_versions (patient_pseudonym, version, profile, caused_by_event, reason) SELECT p, v, profile, e, $4 FROM x)
       INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers, claimed_until) SELECT oe, $2, p, m::text, hd, clock_timestamp() + make_interval(secs => $3) FROM x`,
      [rowsWithJson(versions.map(({ m: _m, ...v }) => v), 'm', texts), TOPICS.patientProfiles, lease, reason],
    );
    this.metrics.profilesPublished.inc(versions.length);
    return new Map(versions.map((v) => [v.p, v.v]));
  }
}
