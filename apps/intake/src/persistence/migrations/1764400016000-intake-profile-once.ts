import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A profile is stored once: the current row of `intake.patient_profiles` keeps its version and hash
 * (what the per-patient lock and the change check need), and the profile itself is read from
 * `intake.profile_versions` at that version. A current profile without its version row (none is
 * expected, the two were always written together) is copied there first, so nothing is dropped.
 */
export class IntakeProfileOnce1764400016000 implements MigrationInterface {
  name = 'IntakeProfileOnce1764400016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO intake.profile_versions (patient_pseudonym, version, profile, caused_by_event, computed_at)
       SELECT p.patient_pseudonym, p.version, p.profile, '(current profile before migration 1764400016000)', p.updated_at FROM intake.patient_profiles p
       WHERE p.version > 0 AND NOT EXISTS (SELECT 1 FROM intake.profile_versions v WHERE v.patient_pseudonym = p.patient_pseudonym AND v.version = p.version)`,
    );
    await q.query(`ALTER TABLE intake.patient_profiles DROP COLUMN profile`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.patient_profiles ADD COLUMN profile jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE intake.patient_profiles p SET profile = v.profile FROM intake.profile_versions v WHERE v.patient_pseudonym = p.patient_pseudonym AND v.version = p.version`);
  }
}
