import { randomUUID } from 'node:crypto';
import { disclosedEligibleFrom, evaluateTrial, isBirthday, evaluationState, screenTrial, type CompiledTrial, type PatientProfile, type ScreenVerdict, type TrialEvaluation, type VerdictDetail } from '@trialmatch/core';
import { assertMessage, TOPICS, type MatchResultV1 } from '@trialmatch/contracts';

/**
 * What the matcher decides for a set of profiles against a set of trials, with no database and no
 * Nest: pure functions over plain data, so that the same code runs on the service's main thread (a
 * profile message) and in the profile worker (a re-screen page over the profiles it holds).
 */

export interface StoredProfile {
  pseudonym: string;
  profileVersion: number;
  site: string | null;
  profile: PatientProfile;
  /** The correlation id the profile's results are published with (default: the caller's). */
  correlationId?: string;
}

/** A current result as compared against (read by the caller in its transaction). */
export interface StoredResult {
  patient_pseudonym: string;
  trial_id: string;
  cohort_id: string;
  signature: string;
  criteria_version: number;
  profile_version: number;
  /** Whether the stored result was published (false: a quiet INELIGIBLE one). */
  published: boolean;
}

/** An INELIGIBLE result with no published one before it, stored without its explanation. */
export interface QuietRow {
  p: string;
  t: string;
  c: string;
  cv: number;
  pv: number;
  uc: number;
  fc: number;
  sg: string;
}

/** A result whose signature is unchanged under a newer profile or trial version: only the versions it rests on move. */
export interface RefreshedRow {
  p: string;
  t: string;
  c: string;
  cv: number;
  pv: number;
}

/** A result to store anew (with history) and publish: its columns, and its message as the exact JSON text stored and published. */
export interface PlannedResult {
  eventId: string;
  key: string;
  correlationId: string;
  /** The match-results.v1 message, validated against its contract and serialised. */
  text: string;
  row: { p: string; t: string; c: string; cv: number; pv: number; v: string; ef: string | null; uc: number; fc: number; sg: string; ea: string };
}

export interface ScreeningPlan {
  /** Quiet results replacing a stored quiet row. */
  quiet: QuietRow[];
  /** Quiet results with no stored row at all (a new trial's, mostly): inserted without a conflict check. */
  quietNew: QuietRow[];
  refreshed: RefreshedRow[];
  changed: PlannedResult[];
  /** Profile × trial evaluations done, and how long they took (ms). */
  evaluations: number;
  ms: number;
}

export interface ScreeningOptions {
  /** MATCHER_PUBLISH_FIRST_INELIGIBLE. */
  publishFirstIneligible: boolean;
  /** When the evaluation happens (ISO); its day is the day screened for. */
  now: string;
  /** For results whose profile names none. */
  correlationId: string | null;
}

/** What a coordinator cares about: a result is stored anew and published only when this changes. */
export const signatureOf = (v: ScreenVerdict): string =>
  // Exactly JSON.stringify([verdict, eligibleFrom ?? null, failing, unknown]) (stored signatures use that form), built without the generic walk.
  `[${JSON.stringify(v.verdict)},${v.eligibleFrom ? JSON.stringify(v.eligibleFrom) : 'null'},[${v.failing.map((f) => JSON.stringify(f)).join(',')}],[${v.unknown.map((u) => JSON.stringify(u)).join(',')}]]`;

export const resultKey = (pseudonym: string, trialId: string, cohortId: string): string => `${pseudonym}\u0000${trialId}\u0000${cohortId}`;

/** One result (the trial's, or one cohort's) of a full evaluation, as published on match-results.v1. */
export function resultOf(
  full: TrialEvaluation,
  cohortIndex: number,
  r: { pseudonym: string; site: string | null; profileVersion: number; criteriaVersion: number; cohortId: string; evaluatedAt: string; resultId?: string },
): MatchResultV1 {
  const detail: VerdictDetail & { criteria: TrialEvaluation['criteria'] } = r.cohortId === '' ? full : { ...full.cohorts[cohortIndex]!, criteria: [...full.criteria, ...full.cohorts[cohortIndex]!.criteria] };
  return {
    resultId: r.resultId ?? randomUUID(),
    patientPseudonym: r.pseudonym,
    ...(r.site ? { site: r.site } : {}),
    trialId: full.trialId,
    ...(r.cohortId ? { cohortId: r.cohortId } : {}),
    criteriaVersion: r.criteriaVersion,
    profileVersion: r.profileVersion,
    verdict: detail.verdict,
    ...(detail.eligibleFrom ? { eligibleFrom: detail.eligibleFrom } : {}),
    evaluatedAt: r.evaluatedAt,
    failing: detail.failing,
    unknown: detail.unknown,
    missing: detail.missing,
    criteria: detail.criteria.map(({ criterionId, kind, outcome, explanation, missing }) => ({ criterionId, kind, outcome, explanation, ...(missing ? { missing } : {}) })),
  };
}

/** The result as a topic may carry it: an eligible-from day that is a birthday becomes its month. */
function disclosed(r: MatchResultV1, birthDate: string): MatchResultV1 {
  const { eligibleFrom, ...rest } = r;
  return { ...rest, ...disclosedEligibleFrom(eligibleFrom, birthDate) };
}

/**
 * A match-results.v1 message to store and publish: checked against its contract, serialised once, with its columns.
 * The columns keep the exact eligible-from day; the message carries only its month when the day is one of the
 * patient's birthdays (`birthDate`: libs/core privacy/disclosure).
 */
export function planned(r: MatchResultV1, correlationId: string, birthDate: string | null = null): PlannedResult {
  const message: MatchResultV1 = r.eligibleFrom && birthDate ? disclosed(r, birthDate) : r;
  assertMessage(TOPICS.matchResults, message);
  return {
    eventId: r.resultId,
    key: r.patientPseudonym,
    correlationId,
    text: JSON.stringify(message),
    row: {
      p: r.patientPseudonym,
      t: r.trialId,
      c: r.cohortId ?? '',
      cv: r.criteriaVersion,
      pv: r.profileVersion,
      v: r.verdict,
      ef: r.eligibleFrom ?? null,
      uc: r.unknown?.length ?? 0,
      fc: r.failing?.length ?? 0,
      sg: signatureOf({ verdict: r.verdict, eligibleFrom: r.eligibleFrom, failing: r.failing ?? [], unknown: r.unknown ?? [], unknownCount: r.unknown?.length ?? 0 }),
      ea: r.evaluatedAt,
    },
  };
}

/**
 * Screens profiles against trials and decides, per (patient, trial, cohort), against the stored results:
 * bulk screening first (verdicts only); the full explanation is computed only for results whose
 * signature changed, and only those are stored anew and published. A result computed from an older
 * profile or trial version than the one already used is never written.
 */
export function planResults(profiles: readonly StoredProfile[], trials: readonly CompiledTrial[], stored: ReadonlyMap<string, StoredResult>, o: ScreeningOptions): ScreeningPlan {
  const plan: ScreeningPlan = { quiet: [], quietNew: [], refreshed: [], changed: [], evaluations: profiles.length * trials.length, ms: 0 };
  const started = performance.now();
  const day = o.now.slice(0, 10);
  for (const p of profiles) {
    const state = evaluationState(p.profile, day);
    const birthDate = p.profile.demographics.birthDate ?? null;
    for (const trial of trials) {
      const screen = screenTrial(trial, state);
      const units: Array<ScreenVerdict & { id: string }> = trial.cohorts.length > 0 ? screen.cohorts : [{ ...screen, id: '' }];
      let full: TrialEvaluation | null = null;
      units.forEach((unit, i) => {
        const prev = stored.get(resultKey(p.pseudonym, trial.trialId, unit.id));
        // A newer profile, or a newer trial version (published through another instance, not yet received by this one's catalog), was already used.
        if (prev && (prev.profile_version > p.profileVersion || prev.criteria_version > trial.version)) return;
        const sg = signatureOf(unit);
        // A result announced as eligible from a month (a birthday's day, not published) changes within that month on
        // the birthday itself: published then, its day would tell the birth date. It is held until the month is over
        // (the daily re-screen publishes it then), unless it is bad news; the matcher's audited pages show it at once.
        if (prev && prev.signature !== sg && unit.verdict !== 'INELIGIBLE' && heldForBirthday(prev.signature, birthDate, day)) return;
        if (prev?.signature === sg) {
          if (prev.criteria_version !== trial.version || prev.profile_version !== p.profileVersion) plan.refreshed.push({ p: p.pseudonym, t: trial.trialId, c: unit.id, cv: trial.version, pv: p.profileVersion });
          return;
        }
        if (unit.verdict === 'INELIGIBLE' && !prev?.published && !o.publishFirstIneligible) {
          // Not a candidate before, not one now: stored without its explanation (derived on read), not published.
          (prev ? plan.quiet : plan.quietNew).push({ p: p.pseudonym, t: trial.trialId, c: unit.id, cv: trial.version, pv: p.profileVersion, uc: unit.unknownCount, fc: unit.failing.length, sg });
          return;
        }
        full ??= evaluateTrial(trial, p.profile, day);
        const result = resultOf(full, i, { pseudonym: p.pseudonym, site: p.site, profileVersion: p.profileVersion, criteriaVersion: trial.version, cohortId: unit.id, evaluatedAt: o.now });
        plan.changed.push(planned(result, p.correlationId ?? o.correlationId ?? `rescreen-${day}`, p.profile.demographics.birthDate ?? null));
      });
    }
  }
  plan.ms = performance.now() - started;
  return plan;
}

/**
 * Whether a stored result's eligible-from day is one of the patient's birthdays (published as its month only) and `day`
 * falls from that day to the end of its month: a change published now would tell the day.
 */
export function heldForBirthday(signature: string, birthDate: string | null, day: string): boolean {
  if (birthDate === null) return false;
  const [verdict, eligibleFrom] = JSON.parse(signature) as [string, string | null];
  if (verdict !== 'ELIGIBLE_FROM' || !eligibleFrom || !isBirthday(eligibleFrom, birthDate)) return false;
  return day >= eligibleFrom && day.slice(0, 7) === eligibleFrom.slice(0, 7);
}

/** Plans made for parts of one set of profiles, as one. */
export function mergePlans(a: ScreeningPlan, b: ScreeningPlan): ScreeningPlan {
  return {
    quiet: [...a.quiet, ...b.quiet],
    quietNew: [...a.quietNew, ...b.quietNew],
    refreshed: [...a.refreshed, ...b.refreshed],
    changed: [...a.changed, ...b.changed],
    evaluations: a.evaluations + b.evaluations,
    ms: a.ms + b.ms,
  };
}
