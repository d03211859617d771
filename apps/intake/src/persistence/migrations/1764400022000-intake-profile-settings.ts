import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings each patient's current profile was derived with (`patient_profiles.settings`, from the stored
 * version) and the version they were recorded for (`settings_version`: an instance that does not record them, as
 * during a rolling upgrade, leaves it behind `version`), so that profiles derived with older settings of the clinical
 * core can be found and re-derived; and why a version was made (`profile_versions.reason`: `events` for new events,
 * `settings` for a re-derivation).
 */
export class IntakeProfileSettings1764400022000 implements MigrationInterface {
  name = 'IntakeProfileSettings1764400022000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.patient_profiles ADD COLUMN settings text, ADD COLUMN settings_version int`);
    await q.query(
      `UPDATE intake.patient_profiles pp SET settings = v.profile->>'settings', settings_version = pp.version FROM intake.profile_versions v WHERE v.patient_pseudonym = pp.patient_pseudonym AND v.version = pp.version`,
    );
    await q.query(`ALTER TABLE intake.profile_versions ADD COLUMN reason text NOT NULL DEFAULT 'events'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.profile_versions DROP COLUMN reason`);
    await q.query(`ALTER TABLE intake.patient_profiles DROP COLUMN settings, DROP COLUMN settings_version`);
  }
}
