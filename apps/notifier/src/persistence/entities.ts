import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The notification policy's memory per (patient, trial, cohort) (libs/core NotificationMemory): the last verdict
 * seen (null after a withdrawal), the last notification sent, one held back by the quiet period; cohort '' for
 * a trial without cohorts.
 */
@Entity({ schema: 'notifier', name: 'verdict_state' })
@Index('verdict_state_pending', ['pendingDueAt'], { where: 'pending_due_at IS NOT NULL' })
export class VerdictState {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ name: 'cohort_id', type: 'text', default: '' })
  cohortId!: string;

  @Column({ type: 'text', nullable: true })
  verdict!: string | null;

  @Column({ name: 'last_kind', type: 'text', nullable: true })
  lastKind!: string | null;

  @Column({ name: 'last_eligible_from', type: 'date', nullable: true })
  lastEligibleFrom!: string | null;

  @Column({ name: 'last_eligible_from_month', type: 'text', nullable: true })
  lastEligibleFromMonth!: string | null;

  @Column({ name: 'last_notified_at', type: 'timestamptz', nullable: true })
  lastNotifiedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  pending!: Record<string, unknown> | null;

  @Column({ name: 'pending_due_at', type: 'timestamptz', nullable: true })
  pendingDueAt!: Date | null;

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
@Index('notifications_by_site', ['site', 'createdAt'])
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

  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @Column({ name: 'eligible_from', type: 'date', nullable: true })
  eligibleFrom!: string | null;

  @Column({ name: 'eligible_from_month', type: 'text', nullable: true })
  eligibleFromMonth!: string | null;

  @Column({ name: 'to_collect', type: 'jsonb', nullable: true })
  toCollect!: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  reasons!: string[] | null;

  @Column({ name: 'workflow_status', type: 'text', default: 'new' })
  workflowStatus!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** The coordinator's screening of one (patient, trial, cohort): status, and a flag when the match stopped holding meanwhile. */
@Entity({ schema: 'notifier', name: 'screenings' })
@Index('screenings_by_site', ['site', 'status'])
export class ScreeningRecord {
  @PrimaryColumn({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @PrimaryColumn({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @PrimaryColumn({ name: 'cohort_id', type: 'text', default: '' })
  cohortId!: string;

  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @Column({ type: 'text', default: 'new' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  flag!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** Every workflow transition: who, when, from, to, and for screen-failed the per-criterion reasons. */
@Entity({ schema: 'notifier', name: 'screening_transitions' })
@Index('screening_transitions_by_key', ['patientPseudonym', 'trialId', 'cohortId', 'id'])
export class ScreeningTransitionRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'patient_pseudonym', type: 'text' })
  patientPseudonym!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus!: string;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'jsonb', nullable: true })
  reasons!: unknown[] | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}


/** A hospital or sponsor system to call for notifications of one site and/or trial (both absent: all). */
@Entity({ schema: 'notifier', name: 'webhook_subscriptions' })
export class WebhookSubscriptionRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** The HMAC key the payloads are signed with. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'text', nullable: true })
  site!: string | null;

  @Column({ name: 'trial_id', type: 'text', nullable: true })
  trialId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One notification to one subscription: pending (with the next attempt's time), succeeded, or dead after the last attempt. */
@Entity({ schema: 'notifier', name: 'webhook_deliveries' })
@Unique('webhook_deliveries_subscription_id_notification_id_key', ['subscriptionId', 'notificationId'])
@Index('webhook_deliveries_due', ['nextAttemptAt'], { where: "status = 'pending'" })
export class WebhookDeliveryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Column({ name: 'notification_id', type: 'text' })
  notificationId!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}


/** A site's daily digest as published on site-digests.v1. */
@Entity({ schema: 'notifier', name: 'digests' })
export class DigestRecord {
  @PrimaryColumn({ type: 'text' })
  site!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'jsonb' })
  digest!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export const NOTIFIER_ENTITIES = [VerdictState, NotificationRecord, ScreeningRecord, ScreeningTransitionRecord, WebhookSubscriptionRecord, WebhookDeliveryRecord, DigestRecord];
