import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Every patient event as received, append-only. The sender's identifier stays in `payload`, inside intake. */
@Entity({ schema: 'intake', name: 'raw_events' })
@Index('raw_events_by_patient', ['patientPseudonym'])
export class RawEvent {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'occurred_at', type: 'text' })
  occurredAt!: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}

/** The current profile version per patient (the profile itself is its row in profile_versions); `version` increases by one each time the profile changes. */
@Entity({ schema: 'intake', name: 'patient_profiles' })
export class PatientProfileRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'profile_hash', type: 'text' })
  profileHash!: string;

  /** The settings label the current version was derived with (null: not yet derived). */
  @Column({ type: 'text', nullable: true })
  settings!: string | null;

  /** The version `settings` was recorded for (behind `version`: written by an instance that does not record them). */
  @Column({ name: 'settings_version', type: 'int', nullable: true })
  settingsVersion!: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}


/** Every version a patient's profile has had, and the event that produced it. */
@Entity({ schema: 'intake', name: 'profile_versions' })
export class ProfileVersionRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'json' })
  profile!: Record<string, unknown>;

  @Column({ name: 'caused_by_event', type: 'text' })
  causedByEvent!: string;

  /** `events`: new events changed the profile (the latest named above); `settings`: re-derived under newer settings of the clinical core. */
  @Column({ type: 'text', default: 'events' })
  reason!: string;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}

/** An event id received again with different content: kept for the sender to resolve, never applied. */
@Entity({ schema: 'intake', name: 'event_conflicts' })
@Unique('event_conflicts_event_id_content_hash_key', ['eventId', 'contentHash'])
export class EventConflictRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** Pseudonym → the sender's identifier (source + MRN). Read only through the audited identity endpoint. */
@Entity({ schema: 'intake', name: 'patient_identities' })
export class PatientIdentityRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'patient_id', type: 'text' })
  patientId!: string;

  @Column({ name: 'first_seen', type: 'timestamptz', default: () => 'now()' })
  firstSeen!: Date;
}

export const INTAKE_ENTITIES = [RawEvent, PatientProfileRecord, ProfileVersionRecord, EventConflictRecord, PatientIdentityRecord];
