import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { evaluateTrial, type PatientProfile } from '@trialmatch/core';
import { MATCH_RESULT_SCHEMA_VERSION, TOPICS, type MatchResultV1, type PatientProfileV1 } from '@trialmatch/contracts';
import { Outbox } from '@trialmatch/platform';
import { TrialCatalog, type CompiledTrial } from './trial-catalog';

/**
 * Stores a patient's latest profile (ignoring stale versions) and evaluates it against every active
 * trial; a result is stored and published only when it differs from the last one for that trial version.
 */
@Injectable()
export class EvaluateProfile {
  constructor(
    private readonly catalog: TrialCatalog,
    private readonly outbox: Outbox,
  ) {}

  async onProfile(manager: EntityManager, message: PatientProfileV1, correlationId: string): Promise<number> {
    const updated = await manager.query<unknown[]>(
      `INSERT INTO matcher.profiles (patient_pseudonym, profile_version, profile) VALUES ($1, $2, $3)
       ON CONFLICT (patient_pseudonym) DO UPDATE SET profile_version = EXCLUDED.profile_version, profile = EXCLUDED.profile, received_at = now()
       WHERE matcher.profiles.profile_version < EXCLUDED.profile_version
       RETURNING patient_pseudonym`,
      [message.patientPseudonym, message.profileVersion, message.profile],
    );
    if (updated.length === 0) return 0; // a newer (or the same) version is already here
    return this.evaluate(manager, message.patientPseudonym, message.profileVersion, message.profile as unknown as PatientProfile, await this.catalog.activeTrials(), correlationId);
  }

  /** Re-screens one stored profile against the given trials (used when a trial changes). */
  async rescreen(manager: EntityManager, pseudonym: string, trials: readonly CompiledTrial[], correlationId: string): Promise<number> {
    const [row] = await manager.query<Array<{ profile_version: number; profile: PatientProfile }>>(
      `SELECT profile_version, profile FROM matcher.profiles WHERE patient_pseudonym = $1 FOR UPDATE`,
      [pseudonym],
    );
    if (!row) return 0;
    return this.evaluate(manager, pseudonym, row.profile_version, row.profile, trials, correlationId);
  }

  private async evaluate(
    manager: EntityManager,
    pseudonym: string,
    profileVersion: number,
    profile: PatientProfile,
    trials: readonly CompiledTrial[],
    correlationId: string,
  ): Promise<number> {
    const now = new Date();
    let published = 0;
    for (const trial of trials) {
      const evaluation = evaluateTrial(trial, profile, now);
      const resultHash = createHash('sha256').update(JSON.stringify(evaluation)).digest('hex');
      const [previous] = await manager.query<Array<{ result_hash: string }>>(
        `SELECT result_hash FROM matcher.match_results WHERE patient_pseudonym = $1 AND trial_id = $2 AND criteria_version = $3`,
        [pseudonym, trial.trialId, trial.version],
      );
      if (previous?.result_hash === resultHash) continue;
      const result: MatchResultV1 = {
        resultId: randomUUID(),
        patientPseudonym: pseudonym,
        trialId: trial.trialId,
        criteriaVersion: trial.version,
        profileVersion,
        verdict: evaluation.verdict,
        ...(evaluation.eligibleFrom ? { eligibleFrom: evaluation.eligibleFrom } : {}),
        evaluatedAt: now.toISOString(),
        criteria: evaluation.criteria.map(({ criterionId, kind, outcome, explanation, missing }) => ({ criterionId, kind, outcome, explanation, ...(missing ? { missing } : {}) })),
      };
      await manager.query(
        `INSERT INTO matcher.match_results (patient_pseudonym, trial_id, criteria_version, profile_version, verdict, result, result_hash, evaluated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (patient_pseudonym, trial_id, criteria_version) DO UPDATE SET profile_version = EXCLUDED.profile_version,
           verdict = EXCLUDED.verdict, result = EXCLUDED.result, result_hash = EXCLUDED.result_hash, evaluated_at = EXCLUDED.evaluated_at`,
        [pseudonym, trial.trialId, trial.version, profileVersion, evaluation.verdict, result, resultHash, now],
      );
      await this.outbox.enqueue(manager, [
        { topic: TOPICS.matchResults, key: pseudonym, value: result, eventId: result.resultId, schemaVersion: MATCH_RESULT_SCHEMA_VERSION, messageType: 'MatchResultChanged', correlationId },
      ]);
      published += 1;
    }
    return published;
  }
}
