import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendAudit } from '@trialmatch/platform';

/**
 * The audit log moves to the hash-chained `security.audit_log` every service has: the rows of
 * `intake.audit_log` (written before sign-in existed, their actor the X-Actor header) are appended to
 * the chain in their order, with role "unverified", then the old table is dropped.
 */
export class IntakeAuditMoved1764400014000 implements MigrationInterface {
  name = 'IntakeAuditMoved1764400014000';

  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query(`SELECT at, actor, action, patient_pseudonym, purpose FROM intake.audit_log ORDER BY id`)) as Array<{ at: Date; actor: string; action: string; patient_pseudonym: string | null; purpose: string | null }>;
    for (let i = 0; i < rows.length; i += 1000) {
      await appendAudit(
        q,
        rows.slice(i, i + 1000).map((r) => ({
          at: new Date(r.at).toISOString(),
          actor: r.actor,
          role: 'unverified',
          action: r.action,
          pseudonym: r.patient_pseudonym,
          purpose: r.purpose,
          service: 'intake',
        })),
      );
    }
    await q.query(`DROP TABLE intake.audit_log`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.audit_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, action text NOT NULL, patient_pseudonym text, purpose text)`);
  }
}
