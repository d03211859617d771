import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { notificationFor, type TrialVerdict } from '@trialmatch/core';
import { MATCH_NOTIFICATION_SCHEMA_VERSION, TOPICS, type MatchNotificationV1, type MatchResultV1 } from '@trialmatch/contracts';
import { Outbox } from '@trialmatch/platform';

/**
 * Turns a changed match result into at most one notification. Results older than the state already
 * held (by criteria version, then profile version) are ignored, so reordering cannot resurrect a verdict.
 */
@Injectable()
export class NotifyOnResult {
  constructor(private readonly outbox: Outbox) {}

  async execute(manager: EntityManager, result: MatchResultV1, correlationId: string): Promise<MatchNotificationV1 | null> {
    const [state] = await manager.query<Array<{ verdict: TrialVerdict; criteria_version: number; profile_version: number }>>(
      `SELECT verdict, criteria_version, profile_version FROM notifier.verdict_state WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3 FOR UPDATE`,
      [result.patientPseudonym, result.trialId, result.cohortId ?? ''],
    );
    if (state && (state.criteria_version > result.criteriaVersion || (state.criteria_version === result.criteriaVersion && state.profile_version > result.profileVersion))) {
      return null;
    }
    await manager.query(
      `INSERT INTO notifier.verdict_state (patient_pseudonym, trial_id, cohort_id, verdict, criteria_version, profile_version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (patient_pseudonym, trial_id, cohort_id) DO UPDATE SET verdict = EXCLUDED.verdict, criteria_version = EXCLUDED.criteria_version,
         profile_version = EXCLUDED.profile_version, updated_at = now()`,
      [result.patientPseudonym, result.trialId, result.cohortId ?? '', result.verdict, result.criteriaVersion, result.profileVersion],
    );
    const previous = state?.verdict ?? null;
    const kind = notificationFor(previous, result.verdict);
    if (!kind) return null;
    const missing = result.missing ?? result.criteria.flatMap((c) => (c.outcome === 'UNKNOWN' ? (c.missing ?? []) : []));
    const notification: MatchNotificationV1 = {
      notificationId: randomUUID(),
      patientPseudonym: result.patientPseudonym,
      trialId: result.trialId,
      ...(result.cohortId ? { cohortId: result.cohortId } : {}),
      kind,
      verdict: result.verdict,
      ...(previous ? { previousVerdict: previous } : {}),
      ...(result.eligibleFrom ? { eligibleFrom: result.eligibleFrom } : {}),
      ...(kind === 'NEW_POTENTIAL' ? { toCollect: [...new Set(missing)] } : {}),
      resultId: result.resultId,
      createdAt: new Date().toISOString(),
    };
    await manager.query(
      `INSERT INTO notifier.notifications (notification_id, patient_pseudonym, trial_id, cohort_id, kind, verdict, previous_verdict, result_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [notification.notificationId, notification.patientPseudonym, notification.trialId, result.cohortId ?? '', kind, notification.verdict, previous, notification.resultId],
    );
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.matchNotifications,
        key: notification.patientPseudonym,
        value: notification,
        eventId: notification.notificationId,
        schemaVersion: MATCH_NOTIFICATION_SCHEMA_VERSION,
        messageType: 'MatchNotification',
        correlationId,
      },
    ]);
    return notification;
  }
}
