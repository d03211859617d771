import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The last verdict seen per (patient, trial, cohort), to turn results into changes; cohort '' for a trial without cohorts. */
@Entity({ schema: 'notifier', name: 'verdict_state' })
export class VerdictState {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ name: 'cohort_id', type: 'text', default: '' })
  cohortId!: string;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ name: 'criteria_version', type: 'int' })
  criteriaVersion!: number;

  @Column({ name: 'profile_version', type: 'int' })
  profileVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** A notification for coordinators, with its screening-workflow status. */
@Entity({ schema: 'notifier', name: 'notifications' })
@Index('notifications_by_patient', ['patientPseudonym'])
export class NotificationRecord {
  @PrimaryColumn({ name: 'notification_id', type: 'text' })
  notificationId!: string;

  @Column({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text', default: '' })
  cohortId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  verdict!: string;

  @Column({ name: 'previous_verdict', type: 'text', nullable: true })
  previousVerdict!: string | null;

  @Column({ name: 'result_id', type: 'text' })
  resultId!: string;

  @Column({ name: 'workflow_status', type: 'text', default: 'new' })
  workflowStatus!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export const NOTIFIER_ENTITIES = [VerdictState, NotificationRecord];
