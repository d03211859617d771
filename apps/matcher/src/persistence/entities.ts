import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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
@Index('profiles_by_partition', ['partition', 'patientPseudonym'])
@Index('profiles_by_site', ['site', 'patientPseudonym'])
export class ProfileSnapshot {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ type: 'json' })
  profile!: Record<string, unknown>;

  /** The site (the events' source) the patient belongs to; null for profiles published before sites were carried. */
  @Column({ type: 'text', nullable: true })
  site!: string | null;

  /** The patient-profiles.v1 partition the latest profile came from: its owner re-screens the patient. */
  @Column({ type: 'int', default: 0 })
  partition!: number;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** The current result per (patient, trial, cohort); cohort '' for a trial without cohorts. */
@Entity({ schema: 'matcher', name: 'results' })
@Index('results_by_trial', ['trialId', 'verdict'])
export class MatchResultRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ name: 'cohort_id', type: 'text', default: '' })
  cohortId!: string;

  @Column({ name: 'criteria_version', type: 'int' })
  criteriaVersion!: number;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ name: 'eligible_from', type: 'date', nullable: true })
  eligibleFrom!: string | null;

  @Column({ name: 'unknown_count', type: 'int' })
  unknownCount!: number;

  @Column({ name: 'failing_count', type: 'int' })
  failingCount!: number;

  /** What a coordinator cares about (verdict, eligible-from, failing and unknown criteria): a result is published only when this changes. */
  @Column({ type: 'text' })
  signature!: string;

  /** A copy of the published result, in rows written before history_id existed; NULL since. */
  @Column({ type: 'json', nullable: true })
  result!: Record<string, unknown> | null;

  /** The history row holding the published result; NULL for a quiet one (INELIGIBLE with nothing published before: explained on read). */
  @Column({ name: 'history_id', type: 'bigint', nullable: true })
  historyId!: string | null;

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt!: Date;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

/** Every published result, in order. */
@Entity({ schema: 'matcher', name: 'result_history' })
@Index('result_history_by_patient', ['patientPseudonym', 'trialId', 'id'])
export class MatchResultHistoryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'criteria_version', type: 'int' })
  criteriaVersion!: number;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ name: 'eligible_from', type: 'date', nullable: true })
  eligibleFrom!: string | null;

  @Column({ type: 'json' })
  result!: Record<string, unknown>;

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt!: Date;
}

/** A re-screen of stored profiles: after a trial version ('trial') or once a day ('daily': eligible-from dates arrive, labs age). */
@Entity({ schema: 'matcher', name: 'rescreen_runs' })
@Index('rescreen_runs_daily', ['day'], { unique: true, where: "kind = 'daily'" })
export class RescreenRunRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'trial_id', type: 'text', nullable: true })
  trialId!: string | null;

  @Column({ name: 'criteria_version', type: 'int', nullable: true })
  criteriaVersion!: number | null;

  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'text' })
  status!: string;

  /** The last pseudonym done: a run resumes after it. */
  @Column({ type: 'text', default: '' })
  cursor!: string;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  done!: number;

  @Column({ type: 'int', default: 0 })
  changed!: number;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** A run's progress in one patient-profiles.v1 partition: done by whichever instance owns the partition. */
@Entity({ schema: 'matcher', name: 'rescreen_partitions' })
export class RescreenPartitionRecord {
  @PrimaryColumn({ name: 'run_id', type: 'bigint' })
  runId!: string;

  @PrimaryColumn({ type: 'int' })
  partition!: number;

  /** The last pseudonym done in this partition: the run resumes after it. */
  @Column({ type: 'text', default: '' })
  cursor!: string;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  done!: number;

  @Column({ type: 'int', default: 0 })
  changed!: number;

  /** The instance that did the latest page (host, process and a random suffix). */
  @Column({ type: 'text', nullable: true })
  worker!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

export const MATCHER_ENTITIES = [TrialVersion, ProfileSnapshot, MatchResultRecord, MatchResultHistoryRecord, RescreenRunRecord, RescreenPartitionRecord];
