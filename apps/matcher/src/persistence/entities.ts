import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every version of every trial's criteria document; versions are never overwritten. */
@Entity({ schema: 'matcher', name: 'trial_versions' })
export class TrialVersion {
  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** The matcher's copy of the latest profile per patient (it never reads intake's tables). */
@Entity({ schema: 'matcher', name: 'profiles' })
export class ProfileSnapshot {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ type: 'jsonb' })
  profile!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** One result per (patient, trial, criteria version), with the per-criterion trace. */
@Entity({ schema: 'matcher', name: 'match_results' })
export class MatchResultRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ name: 'criteria_version', type: 'int' })
  criteriaVersion!: number;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Column({ name: 'result_hash', type: 'text' })
  resultHash!: string;

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt!: Date;
}

export const MATCHER_ENTITIES = [TrialVersion, ProfileSnapshot, MatchResultRecord];
