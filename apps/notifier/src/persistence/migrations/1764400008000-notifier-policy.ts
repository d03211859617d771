import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification policy's memory per (patient, trial, cohort): the last notification sent and one held
 * back by the quiet period (with when it is due); notifications keep their date, what to collect, reasons
 * and site. ELIGIBLE_FROM_SCHEDULED is now ELIGIBLE_FROM.
 */
export class NotifierPolicy1764400008000 implements MigrationInterface {
  name = 'NotifierPolicy1764400008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifier.verdict_state ADD COLUMN last_kind text, ADD COLUMN last_eligible_from date, ADD COLUMN last_notified_at timestamptz,
      ADD COLUMN pending jsonb, ADD COLUMN pending_due_at timestamptz, ALTER COLUMN verdict DROP NOT NULL`);
    await q.query(`CREATE INDEX verdict_state_pending ON notifier.verdict_state (pending_due_at) WHERE pending_due_at IS NOT NULL`);
    await q.query(`ALTER TABLE notifier.notifications ADD COLUMN site text, ADD COLUMN eligible_from date, ADD COLUMN to_collect jsonb, ADD COLUMN reasons jsonb`);
    await q.query(`UPDATE notifier.notifications SET kind = 'ELIGIBLE_FROM' WHERE kind = 'ELIGIBLE_FROM_SCHEDULED'`);
    await q.query(`UPDATE notifier.verdict_state s SET last_kind = n.kind, last_notified_at = n.created_at
      FROM (SELECT DISTINCT ON (patient_pseudonym, trial_id, cohort_id) patient_pseudonym, trial_id, cohort_id, kind, created_at FROM notifier.notifications
            ORDER BY patient_pseudonym, trial_id, cohort_id, created_at DESC) n
      WHERE s.patient_pseudonym = n.patient_pseudonym AND s.trial_id = n.trial_id AND s.cohort_id = n.cohort_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notifier.notifications SET kind = 'ELIGIBLE_FROM_SCHEDULED' WHERE kind = 'ELIGIBLE_FROM'`);
    await q.query(`DELETE FROM notifier.notifications WHERE kind = 'ELIGIBLE_NOW'`);
    await q.query(`ALTER TABLE notifier.notifications DROP COLUMN site, DROP COLUMN eligible_from, DROP COLUMN to_collect, DROP COLUMN reasons`);
    await q.query(`DROP INDEX notifier.verdict_state_pending`);
    await q.query(`UPDATE notifier.verdict_state SET verdict = 'INELIGIBLE' WHERE verdict IS NULL`);
    await q.query(`ALTER TABLE notifier.verdict_state ALTER COLUMN verdict SET NOT NULL, DROP COLUMN last_kind, DROP COLUMN last_eligible_from, DROP COLUMN last_notified_at, DROP COLUMN pending, DROP COLUMN pending_due_at`);
  }
}
