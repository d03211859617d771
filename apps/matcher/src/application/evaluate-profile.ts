import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SCREENED_STATUSES, type CompiledTrial, type PatientProfile } from '@trialmatch/core';
import { MATCH_RESULT_SCHEMA_VERSION, TOPICS, type MatchResultV1, type PatientProfileV1, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { Outbox, rowsWithJson } from '@trialmatch/platform';
import { MatcherMetrics } from '../matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import { ProfileCache } from './profile-cache';
import { planned, resultKey, type PlannedResult, type QuietRow, type RefreshedRow, type ScreeningOptions, type ScreeningPlan, type StoredProfile, type StoredResult } from './screening';
import { TrialCatalog } from './trial-catalog';

export { resultOf, signatureOf, type StoredProfile } from './screening';

/** Quiet results ($1: QuietRow[] as JSON, $2: when), stored without their explanation. */
const QUIET_INSERT = `INSERT INTO matcher.results (patient_pseudonym, trial_id, cohort_id, criteria_version, profile_version, verdict, eligible_from, unknown_count, failing_count, signature, result, evaluated_at, changed_at)
  SELECT p, t, c, cv, pv, 'INELIGIBLE', NULL, uc, fc, sg, NULL, $2, $2 FROM json_to_recordset($1::json) AS x(p text, t text, c text, cv int, pv int, uc int, fc int, sg text)`;

/**
 * Matching: evaluates profiles against compiled trials and keeps one current result per (patient, trial,
 * cohort). Bulk screening first (verdicts only); the full explanation is computed only for results whose
 * signature changed, and only those are stored anew (with history) and published. A result computed from
 * an older profile than the one already used is never written.
 */
@Injectable()
export class EvaluateProfile {
  constructor(
    private readonly catalog: TrialCatalog,
    private readonly outbox: Outbox,
    private readonly metrics: MatcherMetrics,
    private readonly cache: ProfileCache,
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
  ) {}

  /**
   * Profile messages (a fetched batch, each partition's in order): each stored if newer than the one held (stale
   * or repeated versions change nothing; of several versions of a patient in the batch, the highest),
   * then the stored ones evaluated together against every active trial. Returns how many results changed.
   */
  async onProfiles(manager: EntityManager, messages: ReadonlyArray<{ message: PatientProfileV1; correlationId: string; partition: number }>): Promise<number> {
    const latest = new Map<string, (typeof messages)[number]>();
    for (const m of messages) {
      const held = latest.get(m.message.patientPseudonym);
      if (!held || held.message.profileVersion < m.message.profileVersion) latest.set(m.message.patientPseudonym, m);
    }
    const items = [...latest.values()];
    // Each profile serialised once: spliced into the upsert's document, and handed to the profile worker as is.
    const texts = items.map((i) => JSON.stringify(i.message.profile));
    const updated = await manager.query<Array<{ patient_pseudonym: string }>>(
      `INSERT INTO matcher.profiles (patient_pseudonym, profile_version, profile, site, partition)
       SELECT p, v, profile, site, part FROM json_to_recordset($1::json) AS x(p text, v int, site text, part int, profile json)
       ON CONFLICT (patient_pseudonym) DO UPDATE SET profile_version = EXCLUDED.profile_version, profile = EXCLUDED.profile, site = coalesce(EXCLUDED.site, matcher.profiles.site),
         partition = EXCLUDED.partition, received_at = now()
       WHERE matcher.profiles.profile_version < EXCLUDED.profile_version
       RETURNING patient_pseudonym`,
      [rowsWithJson(items.map((i) => ({ p: i.message.patientPseudonym, v: i.message.profileVersion, site: i.message.site ?? null, part: i.partition })), 'profile', texts)],
    );
    if (updated.length === 0) return 0; // newer (or the same) versions are already here
    const stored = new Set(updated.map((r) => r.patient_pseudonym));
    const profiles: StoredProfile[] = [];
    const profileTexts: string[] = [];
    items.forEach(({ message, correlationId }, i) => {
      if (!stored.has(message.patientPseudonym)) return;
      profiles.push({ pseudonym: message.patientPseudonym, profileVersion: message.profileVersion, site: message.site ?? null, profile: message.profile as unknown as PatientProfile, correlationId });
      profileTexts.push(texts[i]!);
    });
    const trials = await this.catalog.activeTrials(manager);
    // Held as soon as stored: if the transaction rolls back, the database keeps the older version and the entry is never used.
    if (trials.length === 0) {
      this.cache.put(profiles);
      return 0;
    }
    const now = new Date();
    const results = await this.storedResults(manager, profiles.map((p) => p.pseudonym), trials);
    // Screened where the profiles are held (the profile worker, which parses the texts), else here.
    return this.apply(manager, await this.cache.screenStored(profiles, profileTexts, trials, results, this.options(now, null)), now);
  }

  /** How results are planned now (planResults). */
  options(now: Date, correlationId: string | null): ScreeningOptions {
    return { publishFirstIneligible: this.settings.publishFirstIneligible, now: now.toISOString(), correlationId };
  }

  /** The current results of some patients for some trials, by resultKey (read in the caller's transaction). */
  async storedResults(manager: Pick<EntityManager, 'query'>, pseudonyms: readonly string[], trials: readonly CompiledTrial[]): Promise<Map<string, StoredResult>> {
    const stored = new Map<string, StoredResult>();
    if (pseudonyms.length === 0 || trials.length === 0) return stored;
    for (const r of await manager.query<StoredResult[]>(
      // A primary-key probe per patient (a lateral join; the trial filter outside it, so that no statistics can steer it to the
      // by-trial index): with both arrays in one WHERE, the plan turns into a scan of every result of the trial once it holds
      // many (tens of milliseconds per page, and planning over the array's values); this stays proportional to the page.
      `SELECT r.patient_pseudonym, r.trial_id, r.cohort_id, r.signature, r.criteria_version, r.profile_version, (r.result IS NOT NULL OR r.history_id IS NOT NULL) AS published
       FROM unnest($1::text[]) AS p(pseudonym) CROSS JOIN LATERAL (SELECT * FROM matcher.results WHERE patient_pseudonym = p.pseudonym OFFSET 0) r
       WHERE r.trial_id = ANY($2)`,
      [pseudonyms, trials.map((t) => t.trialId)],
    )) {
      stored.set(resultKey(r.patient_pseudonym, r.trial_id, r.cohort_id), r);
    }
    return stored;
  }

  /** Writes what a plan decided (in the caller's transaction); returns how many results changed. */
  async apply(manager: EntityManager, plan: ScreeningPlan, now: Date): Promise<number> {
    this.metrics.evaluations.inc(plan.evaluations);
    this.metrics.evaluationSeconds.observe(plan.ms / 1000);
    await this.writeQuiet(manager, plan.quiet, plan.quietNew, now);
    await this.write(manager, plan.changed, plan.refreshed, now);
    this.metrics.resultsChanged.inc(plan.changed.length);
    return plan.changed.length;
  }

  /**
   * Results a trial version no longer screens for (the trial or a cohort closed, a cohort removed) are
   * published once more as withdrawn (INELIGIBLE, with the reason), then kept only in the history.
   */
  async withdrawClosed(manager: EntityManager, doc: TrialCriteriaV1, trial: CompiledTrial, correlationId: string, now = new Date()): Promise<number> {
    const rows = await manager.query<Array<{ patient_pseudonym: string; cohort_id: string; profile_version: number; site: string | null }>>(
      `WITH gone AS (DELETE FROM matcher.results WHERE trial_id = $1 AND NOT (cohort_id = ANY($2)) RETURNING patient_pseudonym, cohort_id, profile_version, (result IS NOT NULL OR history_id IS NOT NULL) AS published)
       SELECT gone.patient_pseudonym, gone.cohort_id, gone.profile_version, p.site FROM gone LEFT JOIN matcher.profiles p USING (patient_pseudonym)
       WHERE gone.published ORDER BY patient_pseudonym, cohort_id`, // quiet results were never announced: they just go
      [trial.trialId, trial.units],
    );
    const reasonFor = (cohortId: string): string => {
      if (!SCREENED_STATUSES.has(doc.status)) return `trial status ${doc.status}`;
      const cohort = doc.cohorts?.find((c) => c.id === cohortId);
      if (cohort?.status) return `cohort ${cohortId} status ${cohort.status}`;
      return cohortId === '' ? `the trial has cohorts from version ${doc.version}` : `cohort ${cohortId} not in version ${doc.version}`;
    };
    const withdrawn = rows.map((r): MatchResultV1 => ({
      resultId: randomUUID(),
      patientPseudonym: r.patient_pseudonym,
      ...(r.site ? { site: r.site } : {}),
      trialId: trial.trialId,
      ...(r.cohort_id ? { cohortId: r.cohort_id } : {}),
      criteriaVersion: trial.version,
      profileVersion: r.profile_version,
      verdict: 'INELIGIBLE',
      evaluatedAt: now.toISOString(),
      withdrawn: reasonFor(r.cohort_id),
      failing: [],
      unknown: [],
      missing: [],
      criteria: [],
    }));
    await this.write(manager, withdrawn.map((r) => planned(r, correlationId)), [], now, false); // history and topic only: these results are no longer current
    return withdrawn.length;
  }

  /**
   * Quiet results: `fresh` ones have no stored row (none was read in this transaction, and the caller's
   * lock on the patients' profile rows keeps any other writer of their results out until it ends), so
   * a plain insert; the others replace a stored quiet row.
   */
  private async writeQuiet(manager: EntityManager, rows: readonly QuietRow[], fresh: readonly QuietRow[], now: Date): Promise<void> {
    if (fresh.length > 0) {
      await manager.query(QUIET_INSERT, [JSON.stringify(fresh), now]);
    }
    if (rows.length === 0) return;
    await manager.query(
      `${QUIET_INSERT}
       ON CONFLICT (patient_pseudonym, trial_id, cohort_id) DO UPDATE SET criteria_version = EXCLUDED.criteria_version, profile_version = EXCLUDED.profile_version,
         unknown_count = EXCLUDED.unknown_count, failing_count = EXCLUDED.failing_count, signature = EXCLUDED.signature, evaluated_at = EXCLUDED.evaluated_at, changed_at = EXCLUDED.changed_at
       WHERE matcher.results.result IS NULL AND matcher.results.history_id IS NULL`,
      [JSON.stringify(rows), now],
    );
  }

  private async write(manager: EntityManager, changed: readonly PlannedResult[], refreshed: readonly RefreshedRow[], now: Date, current = true): Promise<void> {
    if (refreshed.length > 0) {
      // Same signature under a newer profile or criteria version: the result names the versions it now rests on.
      await manager.query(
        `UPDATE matcher.results r SET criteria_version = x.cv, profile_version = x.pv, evaluated_at = $2
         FROM json_to_recordset($1::json) AS x(p text, t text, c text, cv int, pv int)
         WHERE r.patient_pseudonym = x.p AND r.trial_id = x.t AND r.cohort_id = x.c`,
        [JSON.stringify(refreshed), now],
      );
    }
    if (changed.length === 0) return;
    // Checked against the contract when planned.
    const messages = this.outbox.prepareChecked(
      changed.map((r) => ({ topic: TOPICS.matchResults, key: r.key, eventId: r.eventId, schemaVersion: MATCH_RESULT_SCHEMA_VERSION, messageType: 'MatchResultChanged', correlationId: r.correlationId })),
    );
    // One JSON document and one statement: the history row (the published JSON, stored once), the current
    // row pointing at it, and the outbox row (the same text) — parsed once by PostgreSQL, no array quoting in node.
    const lease = this.outbox.handOff(
      manager,
      changed.map((r, i) => ({ eventId: messages[i]!.eventId, topic: TOPICS.matchResults, key: r.key, value: r.text, headers: messages[i]!.headers })),
    );
    const rows = rowsWithJson(
      changed.map((r, i) => ({ ...r.row, e: messages[i]!.eventId, h: messages[i]!.headers })),
      'r',
      changed.map((r) => r.text),
    );
    await manager.query(
      `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(p text, t text, c text, cv int, pv int, v text, ef date, uc int, fc int, sg text, r json, ea timestamptz, e text, h jsonb)),
       h AS (
         INSERT INTO matcher.result_history (patient_pseudonym, trial_id, cohort_id, criteria_version, profile_version, verdict, eligible_from, result, evaluated_at)
         SELECT p, t, c, cv, pv, v, ef, r, ea FROM x RETURNING id, patient_pseudonym, trial_id, cohort_id),
       cur AS (
         INSERT INTO matcher.results (patient_pseudonym, trial_id, cohort_id, criteria_version, profile_version, verdict, eligible_from, unknown_count, failing_count, signature, result, history_id, evaluated_at, changed_at)
         SELECT x.p, x.t, x.c, x.cv, x.pv, x.v, x.ef, x.uc, x.fc, x.sg, NULL, h.id, x.ea, x.ea FROM x JOIN h ON h.patient_pseudonym = x.p AND h.trial_id = x.t AND h.cohort_id = x.c WHERE $2
         ON CONFLICT (patient_pseudonym, trial_id, cohort_id) DO UPDATE SET criteria_version = EXCLUDED.criteria_version, profile_version = EXCLUDED.profile_version,
           verdict = EXCLUDED.verdict, eligible_from = EXCLUDED.eligible_from, unknown_count = EXCLUDED.unknown_count, failing_count = EXCLUDED.failing_count,
           signature = EXCLUDED.signature, result = NULL, history_id = EXCLUDED.history_id, evaluated_at = EXCLUDED.evaluated_at, changed_at = EXCLUDED.changed_at)
       INSERT INTO messaging.outbox (event_id, topic, message_key, value, headers, claimed_until) SELECT e, $3, p, r::text, h, clock_timestamp() + make_interval(secs => $4) FROM x`,
      [rows, current, TOPICS.matchResults, lease],
    );
  }
}
