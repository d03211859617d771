import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which organisation owns (may amend) each trial: set by its first publication; existing trials get their document's sponsor. */
export class TrialOwners1764400013000 implements MigrationInterface {
  name = 'TrialOwners1764400013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE matcher.trial_owners (trial_id text PRIMARY KEY, organisation text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO matcher.trial_owners (trial_id, organisation)
      SELECT DISTINCT ON (trial_id) trial_id, coalesce(document->>'sponsor', 'unassigned') FROM matcher.trial_versions ORDER BY trial_id, version DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matcher.trial_owners`);
  }
}
