import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

/** The current profile per patient; `version` increases by one each time the profile changes. */
@Entity({ schema: 'intake', name: 'patient_profiles' })
export class PatientProfileRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  profile!: Record<string, unknown>;

  @Column({ name: 'profile_hash', type: 'text' })
  profileHash!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

export const INTAKE_ENTITIES = [RawEvent, PatientProfileRecord];
