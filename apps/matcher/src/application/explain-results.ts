import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compileTrial, evaluateTrial, type CompiledTrial, type TrialEvaluation } from '@trialmatch/core';
import type { MatchResultV1, TrialCriteriaV1 } from '@trialmatch/contracts';
import { resultOf } from './evaluate-profile';
import { ProfileCache } from './profile-cache';
import { TrialCatalog } from './trial-catalog';

/** A current result as stored: `result` is NULL for a quiet one (INELIGIBLE, never published). */
export interface StoredResultRow {
  patient_pseudonym: string;
  trial_id: string;
  cohort_id: string;
  criteria_version: number;
  profile_version: number;
  evaluated_at: Date;
  /** The exact eligible-from day (the published result may carry only its month: a birthday's). */
  eligible_from?: string | null;
  result: MatchResultV1 | null;
}

/** A published result as a person reads it: the exact eligible-from day where the topic carried only its month. */
function withExactDay(r: StoredResultRow & { result: MatchResultV1 }): MatchResultV1 {
  if (!r.result.eligibleFromMonth || !r.eligible_from) return r.result;
  const { eligibleFromMonth: _month, ...rest } = r.result;
  return { ...rest, eligibleFrom: r.eligible_from };
}

/** Compiled older trial versions kept for explaining results that still rest on them. */
const KEEP_VERSIONS = 200;

/**
 * Completes stored results for reading: a quiet result carries no explanation, so it is derived here
 * with the same engine, from the stored profile and the trial version the row names, as of the day the
 * row was evaluated (rules that depend on the date give what they gave then). Deterministic: reading
 * twice gives the same result, with a stable id.
 */
@Injectable()
export class ResultExplainer {
  private readonly versions = new Map<string, CompiledTrial>();

  constructor(
    private readonly catalog: TrialCatalog,
    private readonly cache: ProfileCache,
  ) {}

  async complete(m: Pick<EntityManager, 'query'>, rows: readonly StoredResultRow[]): Promise<MatchResultV1[]> {
    const quiet = rows.filter((r) => r.result === null);
    if (quiet.length === 0) return rows.map((r) => withExactDay(r as StoredResultRow & { result: MatchResultV1 }));
    const pseudonyms = [...new Set(quiet.map((r) => r.patient_pseudonym))];
    const stored = await m.query<Array<{ patient_pseudonym: string; profile_version: number; site: string | null }>>(
      `SELECT patient_pseudonym, profile_version, site FROM matcher.profiles WHERE patient_pseudonym = ANY($1)`,
      [pseudonyms],
    );
    const profiles = new Map((await this.cache.resolve(m, stored)).map((p) => [p.pseudonym, p]));
    const evaluations = new Map<string, TrialEvaluation>();
    const out: MatchResultV1[] = [];
    for (const r of rows) {
      if (r.result !== null) {
        out.push(withExactDay(r as StoredResultRow & { result: MatchResultV1 }));
        continue;
      }
      const profile = profiles.get(r.patient_pseudonym);
      const trial = await this.trialAt(m, r.trial_id, r.criteria_version);
      if (!profile || !trial) continue; // the patient or the version is gone: nothing to explain with (never expected)
      const day = new Date(r.evaluated_at).toISOString().slice(0, 10);
      const key = `${r.patient_pseudonym}\u0000${r.trial_id}\u0000${day}`;
      let full = evaluations.get(key);
      if (!full) evaluations.set(key, (full = evaluateTrial(trial, profile.profile, day)));
      out.push(
        resultOf(full, Math.max(0, trial.cohorts.findIndex((c) => c.id === r.cohort_id)), {
          resultId: `q_${createHash('sha256').update(`${r.patient_pseudonym}|${r.trial_id}|${r.cohort_id}|${r.criteria_version}|${profile.profileVersion}|${day}`).digest('hex').slice(0, 32)}`,
          pseudonym: r.patient_pseudonym,
          site: profile.site,
          profileVersion: profile.profileVersion,
          criteriaVersion: r.criteria_version,
          cohortId: r.cohort_id,
          evaluatedAt: new Date(r.evaluated_at).toISOString(),
        }),
      );
    }
    return out;
  }

  /** A trial version compiled: the catalog's when it is the latest, else from the registry (kept for a while). */
  private async trialAt(m: Pick<EntityManager, 'query'>, trialId: string, version: number): Promise<CompiledTrial | undefined> {
    const latest = await this.catalog.latest(trialId, m);
    if (latest?.version === version) return latest;
    const key = `${trialId}@${version}`;
    const held = this.versions.get(key);
    if (held) return held;
    const [row] = await m.query<Array<{ document: TrialCriteriaV1 }>>(`SELECT document FROM matcher.trial_versions WHERE trial_id = $1 AND version = $2`, [trialId, version]);
    if (!row) return undefined;
    const compiled = compileTrial(row.document);
    this.versions.set(key, compiled);
    if (this.versions.size > KEEP_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
    return compiled;
  }
}
