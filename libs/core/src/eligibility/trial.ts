import type { PatientProfile } from '../patient/profile';
import { changesOf, checkRuleDocument, codeOn, compileRuleNode, evaluationState, InvalidCriteriaError, dayString, MET, NO_FLIP, NOT_MET, OUTCOMES, resetNode, UNKNOWN, type Code, type CompileProblem, type EvalState, type LeafTrace, type Outcome, type RuleNode } from './compile';

export type TrialVerdict = 'ELIGIBLE' | 'POTENTIALLY_ELIGIBLE' | 'ELIGIBLE_FROM' | 'INELIGIBLE';

/** A criterion as sponsors write it: stable id, verbatim text, and a rule in the criteria language. */
export interface CriterionDocument {
  id: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  rule: unknown;
  /** How the text was obtained: verbatim from the registry/protocol, a summary, or not retrieved. */
  textSource?: 'verbatim' | 'summary' | 'not-retrieved';
  /** Rules proposed by the importer stay drafts until a person reviews them. */
  ruleStatus?: 'draft' | 'reviewed';
}

export interface TrialDocument {
  trialId: string;
  version: number;
  title: string;
  status: string;
  phase?: string;
  sponsor?: string;
  sites?: Array<{ name: string; city?: string; country?: string }>;
  criteria: CriterionDocument[];
  cohorts?: Array<{ id: string; name: string; status?: string; criteria: CriterionDocument[] }>;
  source?: { url?: string; retrieved?: string; textVersion?: string; note?: string };
}

/** Registry statuses under which a trial or a cohort is screened; UNKNOWN means the registry status was not available. */
export const SCREENED_STATUSES: ReadonlySet<string> = new Set(['RECRUITING', 'NOT_YET_RECRUITING', 'UNKNOWN']);
export const TRIAL_STATUSES: readonly string[] = ['RECRUITING', 'NOT_YET_RECRUITING', 'ACTIVE_NOT_RECRUITING', 'SUSPENDED', 'CLOSED', 'UNKNOWN'];

export interface CompiledCriterion {
  id: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  rule: RuleNode;
}

export interface CompiledTrial {
  trialId: string;
  version: number;
  title: string;
  status: string;
  criteria: CompiledCriterion[];
  /** The cohorts open to screening (a cohort without a status of its own is open); closed ones are left out. */
  cohorts: Array<{ id: string; name: string; criteria: CompiledCriterion[] }>;
  closedCohorts: string[];
  /** Whether anyone is screened against this version: the trial's status is screened and, if it has cohorts, at least one is open. */
  screened: boolean;
  /** What a result can be about: the open cohorts' ids, or '' for a trial without cohorts; none when not screened. */
  units: string[];
}

export interface CriterionResult {
  criterionId: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  /** The rule's value; for an exclusion, MET means the patient is excluded. */
  outcome: Outcome;
  /** Whether the criterion lets the patient through: null when unknown. */
  passes: boolean | null;
  explanation: string;
  missing?: string[];
  /** The date the criterion stops blocking (washouts, time since SCT, age) if nothing else changes. */
  eligibleFrom?: string;
  trace: LeafTrace[];
}

/** A verdict and the criteria it rests on. */
export interface ScreenVerdict {
  verdict: TrialVerdict;
  eligibleFrom?: string;
  /** Criteria that block the patient. */
  failing: string[];
  /** Criteria that are unknown. */
  unknown: string[];
  unknownCount: number;
}

export interface VerdictDetail extends ScreenVerdict {
  /** Data that would settle the unknown criteria. */
  missing: string[];
}

/** `screenTrial`'s answer: verdicts per trial and cohort, without explanations. */
export interface TrialScreen extends ScreenVerdict {
  trialId: string;
  version: number;
  cohorts: Array<ScreenVerdict & { id: string }>;
}

export interface TrialEvaluation extends VerdictDetail {
  trialId: string;
  version: number;
  title: string;
  criteria: CriterionResult[];
  cohorts: Array<VerdictDetail & { id: string; name: string; criteria: CriterionResult[] }>;
}

function checkCriteria(list: unknown, pointer: string, problems: CompileProblem[]): void {
  if (!Array.isArray(list)) {
    problems.push({ pointer, message: 'must be a list of criteria' });
    return;
  }
  const ids = new Set<string>();
  list.forEach((c, i) => {
    const p = `${pointer}/${i}`;
    if (typeof c !== 'object' || c === null) return void problems.push({ pointer: p, message: 'must be an object' });
    const o = c as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') problems.push({ pointer: `${p}/id`, message: 'is required' });
    else if (ids.has(o.id)) problems.push({ pointer: `${p}/id`, message: `duplicate criterion id ${o.id}` });
    else ids.add(o.id);
    if (o.kind !== 'inclusion' && o.kind !== 'exclusion') problems.push({ pointer: `${p}/kind`, message: 'must be inclusion or exclusion' });
    if (typeof o.text !== 'string' || o.text.trim() === '') problems.push({ pointer: `${p}/text`, message: 'the protocol text is required' });
    if (o.rule === undefined) problems.push({ pointer: `${p}/rule`, message: 'is required' });
    else problems.push(...checkRuleDocument(o.rule, `${p}/rule`));
  });
}

/** Every problem in a trial document, each located by JSON pointer. */
export function checkTrialDocument(raw: unknown): CompileProblem[] {
  const problems: CompileProblem[] = [];
  if (typeof raw !== 'object' || raw === null) return [{ pointer: '', message: 'must be an object' }];
  const d = raw as Record<string, unknown>;
  if (typeof d.trialId !== 'string' || !/^NCT\d{8}$/.test(d.trialId)) problems.push({ pointer: '/trialId', message: 'must be an NCT number (NCT followed by 8 digits)' });
  if (typeof d.title !== 'string' || d.title === '') problems.push({ pointer: '/title', message: 'is required' });
  checkCriteria(d.criteria, '/criteria', problems);
  if (d.cohorts !== undefined) {
    if (!Array.isArray(d.cohorts)) problems.push({ pointer: '/cohorts', message: 'must be a list' });
    else
      d.cohorts.forEach((c: unknown, i) => {
        const o = (c ?? {}) as Record<string, unknown>;
        if (typeof o.id !== 'string' || o.id === '') problems.push({ pointer: `/cohorts/${i}/id`, message: 'is required' });
        else if ((d.cohorts as Array<{ id?: unknown }>).findIndex((x) => x?.id === o.id) !== i) problems.push({ pointer: `/cohorts/${i}/id`, message: `duplicate cohort id ${o.id}` });
        if (o.status !== undefined && !TRIAL_STATUSES.includes(o.status as string)) problems.push({ pointer: `/cohorts/${i}/status`, message: `must be one of ${TRIAL_STATUSES.join(', ')}` });
        checkCriteria(o.criteria, `/cohorts/${i}/criteria`, problems);
        const shared = new Set(Array.isArray(d.criteria) ? (d.criteria as Array<{ id?: unknown }>).map((c) => c?.id) : []);
        if (Array.isArray(o.criteria))
          (o.criteria as Array<{ id?: unknown }>).forEach((c, j) => {
            if (shared.has(c?.id)) problems.push({ pointer: `/cohorts/${i}/criteria/${j}/id`, message: `criterion id ${String(c.id)} is also a trial-wide criterion` });
          });
      });
  }
  return problems;
}

function compileCriteria(list: CriterionDocument[], pointer: string): CompiledCriterion[] {
  return list.map((c, i) => ({ id: c.id, kind: c.kind, text: c.text, rule: compileRuleNode(c.rule, `${pointer}/${i}/rule`) }));
}

/** Validates a whole trial (all problems at once) and compiles every rule, once, at load. */
export function compileTrial(doc: TrialDocument): CompiledTrial {
  const problems = checkTrialDocument(doc);
  if (problems.length > 0) throw new InvalidCriteriaError(problems);
  const all = doc.cohorts ?? [];
  const open = all.map((c, i) => ({ c, i })).filter(({ c }) => c.status === undefined || SCREENED_STATUSES.has(c.status));
  const screened = SCREENED_STATUSES.has(doc.status) && (all.length === 0 || open.length > 0);
  return {
    trialId: doc.trialId,
    version: doc.version,
    title: doc.title,
    status: doc.status,
    criteria: compileCriteria(doc.criteria, '/criteria'),
    cohorts: open.map(({ c, i }) => ({ id: c.id, name: c.name, criteria: compileCriteria(c.criteria, `/cohorts/${i}/criteria`) })),
    closedCohorts: all.filter((c) => !open.some((o) => o.c === c)).map((c) => c.id),
    screened,
    units: !screened ? [] : all.length === 0 ? [''] : open.map(({ c }) => c.id),
  };
}

/** Whether a criterion lets the patient through: null when unknown; an exclusion passes when its rule is not met. */
const passesOf = (kind: 'inclusion' | 'exclusion', code: Code): boolean | null => (code === UNKNOWN ? null : kind === 'inclusion' ? code === MET : code === NOT_MET);

/** A criterion whose outcome changes on later days: what blocks, what it is now, and its changes ([day, code, …]). */
interface Dated {
  blocking: Code;
  now: Code;
  changes: readonly number[];
}

/** What blocks and what is unknown, accumulated criterion by criterion (no per-criterion objects when screening). */
interface Tally {
  failing: string[] | null;
  unknown: string[] | null;
  /** Whether a criterion blocks now and on every later day. */
  undated: boolean;
  /** The criteria that may block on some later day (blocking now or not), with their changes. */
  dated: Dated[] | null;
  /** Data that would settle the unknowns (only collected with explanations). */
  missing: string[] | null;
}
const NO_IDS: string[] = [];
Object.freeze(NO_IDS);
const newTally = (): Tally => ({ failing: null, unknown: null, undated: false, dated: null, missing: null });
const copyTally = (t: Tally): Tally => ({
  failing: t.failing && t.failing.slice(),
  unknown: t.unknown && t.unknown.slice(),
  undated: t.undated,
  dated: t.dated && t.dated.slice(),
  missing: t.missing && t.missing.slice(),
});

/**
 * Adds one criterion's standing: its outcome `code` now and its `changes` on later days (null: none). A criterion
 * blocks when an inclusion is NOT_MET or an exclusion MET; one that blocks now or on some later day is kept with its
 * changes, so the verdict can find the first day on which none blocks.
 */
function count(t: Tally, id: string, kind: 'inclusion' | 'exclusion', code: Code, changes: readonly number[] | null, missing: readonly string[] | undefined): void {
  const blocking: Code = kind === 'inclusion' ? NOT_MET : MET;
  if (code === blocking) {
    (t.failing ??= []).push(id);
    if (changes === null) t.undated = true;
  } else if (code === UNKNOWN) {
    (t.unknown ??= []).push(id);
    if (missing) for (const m of missing) if (!(t.missing ??= []).includes(m)) t.missing.push(m);
  }
  if (changes === null || t.undated) return;
  let blocksLater = code === blocking;
  for (let k = 1; k < changes.length && !blocksLater; k += 2) blocksLater = changes[k] === blocking;
  if (blocksLater) (t.dated ??= []).push({ blocking, now: code, changes });
}

/**
 * The first day after the evaluation day on which no criterion blocks (NO_FLIP: none comes), read from the changes
 * of the criteria that block now or later: the day-by-day reading of the same records.
 */
function firstOpenDay(dated: readonly Dated[]): number {
  const days: number[] = [];
  for (const d of dated) for (let k = 0; k < d.changes.length; k += 2) days.push(d.changes[k]!);
  days.sort((x, y) => x - y);
  for (let j = 0; j < days.length; j++) {
    const day = days[j]!;
    if (j > 0 && days[j - 1] === day) continue;
    if (dated.every((d) => codeOn(d.now, d.changes, day) !== d.blocking)) return day;
  }
  return NO_FLIP;
}

/**
 * INELIGIBLE when a criterion blocks with no date on which it stops blocking, or when no later day comes on which
 * every criterion lets the patient through (a washout that ends after the patient's 75th birthday under "age ≤ 74";
 * "90 to 180 days since the ASCT" closed by then); ELIGIBLE_FROM the first day on which none blocks (unknowns may
 * remain); POTENTIALLY_ELIGIBLE when nothing blocks but something is unknown; ELIGIBLE otherwise.
 */
function verdictOfTally({ failing, unknown, undated, dated }: Tally): ScreenVerdict {
  const unknownCount = unknown === null ? 0 : unknown.length;
  const open = failing === null || undated || dated === null ? NO_FLIP : firstOpenDay(dated);
  const verdict: TrialVerdict = failing !== null ? (open === NO_FLIP ? 'INELIGIBLE' : 'ELIGIBLE_FROM') : unknownCount > 0 ? 'POTENTIALLY_ELIGIBLE' : 'ELIGIBLE';
  return { verdict, eligibleFrom: verdict === 'ELIGIBLE_FROM' ? dayString(open) : undefined, failing: failing ?? NO_IDS, unknown: unknown ?? NO_IDS, unknownCount };
}

function detailOfTally(t: Tally): VerdictDetail {
  const v = verdictOfTally(t) as VerdictDetail;
  v.missing = t.missing ?? [];
  return v;
}

function evaluateCriterion(c: CompiledCriterion, s: EvalState, t: Tally): CriterionResult {
  const trace: LeafTrace[] = [];
  s.trace = trace;
  resetNode(s);
  const code = c.rule(s);
  const changes = changesOf(code, s);
  const passes = passesOf(c.kind, code);
  let explanation = '';
  let missing: string[] | undefined;
  for (const l of trace) {
    explanation += `${explanation ? '; ' : ''}${l.expected}: ${l.outcome === 'UNKNOWN' ? 'unknown' : l.outcome === 'MET' ? 'yes' : 'no'}${l.actual !== null ? ` (${l.actual})` : ''}`;
    if (code === UNKNOWN && l.outcome === 'UNKNOWN' && l.missing && !l.settled) for (const m of l.missing) if (!(missing ??= []).includes(m)) missing.push(m);
  }
  const r: CriterionResult = { criterionId: c.id, kind: c.kind, text: c.text, outcome: OUTCOMES[code]!, passes, explanation, trace };
  if (missing) r.missing = missing;
  if (passes === false && changes !== null) r.eligibleFrom = dayString(changes[0]!);
  count(t, c.id, c.kind, code, changes, missing);
  return r;
}

const VERDICT_RANK: Record<TrialVerdict, number> = { ELIGIBLE: 0, POTENTIALLY_ELIGIBLE: 1, ELIGIBLE_FROM: 1, INELIGIBLE: 2 };
const dayOf = (asOf: Date | string): string => (typeof asOf === 'string' ? asOf : asOf.toISOString()).slice(0, 10);

/** Evaluates a patient against a compiled trial with a full explanation: the trial-wide criteria, then each cohort's on top. */
export function evaluateTrial(trial: CompiledTrial, profile: PatientProfile, asOf: Date | string): TrialEvaluation {
  const s = evaluationState(profile, dayOf(asOf), []);
  const shared = newTally();
  const criteria = trial.criteria.map((c) => evaluateCriterion(c, s, shared));
  let best: VerdictDetail = detailOfTally(shared);
  const cohorts = trial.cohorts.map((co, i) => {
    const t = copyTally(shared);
    const own = co.criteria.map((c) => evaluateCriterion(c, s, t));
    const v = detailOfTally(t);
    if (i === 0 || compareCohorts(v, best) < 0) best = v;
    return { id: co.id, name: co.name, criteria: own, verdict: v.verdict, eligibleFrom: v.eligibleFrom, missing: v.missing, failing: v.failing, unknown: v.unknown, unknownCount: v.unknownCount };
  });
  return { trialId: trial.trialId, version: trial.version, title: trial.title, verdict: best.verdict, eligibleFrom: best.eligibleFrom, missing: best.missing, failing: best.failing, unknown: best.unknown, unknownCount: best.unknownCount, criteria, cohorts };
}

function tally(list: readonly CompiledCriterion[], s: EvalState, t: Tally): Tally {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    resetNode(s);
    const code = c.rule(s);
    count(t, c.id, c.kind, code, changesOf(code, s), undefined);
  }
  return t;
}

/**
 * The verdict per trial and cohort without explanations (no traces, no text): what bulk screening needs
 * to tell whether anything a coordinator cares about changed. Same verdicts as `evaluateTrial`; pass an
 * `EvalState` to screen one profile against many trials without re-deriving its per-profile facts.
 */
export function screenTrial(trial: CompiledTrial, profile: PatientProfile | EvalState, asOf?: Date | string): TrialScreen {
  const s = 'asOfDay' in profile ? profile : evaluationState(profile, dayOf(asOf ?? new Date()));
  s.trace = null;
  const shared = tally(trial.criteria, s, reset(SHARED, null, null, false, null));
  if (trial.cohorts.length === 0) {
    const v = verdictOfTally(shared);
    return { trialId: trial.trialId, version: trial.version, verdict: v.verdict, eligibleFrom: v.eligibleFrom, failing: v.failing, unknown: v.unknown, unknownCount: v.unknownCount, cohorts: NO_COHORTS };
  }
  const { failing, unknown, undated, dated } = shared;
  const cohorts: TrialScreen['cohorts'] = [];
  let best: TrialScreen['cohorts'][number] | undefined;
  for (const co of trial.cohorts) {
    const v = verdictOfTally(tally(co.criteria, s, reset(COHORT, failing && failing.slice(), unknown && unknown.slice(), undated, dated && dated.slice())));
    const c = { id: co.id, verdict: v.verdict, eligibleFrom: v.eligibleFrom, failing: v.failing, unknown: v.unknown, unknownCount: v.unknownCount };
    cohorts.push(c);
    if (best === undefined || compareCohorts(c, best) < 0) best = c;
  }
  return { trialId: trial.trialId, version: trial.version, verdict: best!.verdict, eligibleFrom: best!.eligibleFrom, failing: best!.failing, unknown: best!.unknown, unknownCount: best!.unknownCount, cohorts };
}

// Scratch tallies reused by every screening (single-threaded; the arrays they collect are handed to the result).
const SHARED = newTally();
const COHORT = newTally();
const NO_COHORTS: TrialScreen['cohorts'] = [];
Object.freeze(NO_COHORTS);
function reset(t: Tally, failing: string[] | null, unknown: string[] | null, undated: boolean, dated: Dated[] | null): Tally {
  t.failing = failing;
  t.unknown = unknown;
  t.undated = undated;
  t.dated = dated;
  return t;
}

/**
 * The cohort a trial's verdict takes: one the patient can enter now first (eligible, then potentially eligible by fewest
 * unknowns), then the one that opens first (then fewest unknowns), then ineligible by fewest failing criteria; so the
 * trial is open on a day exactly when one of its cohorts is.
 */
const COHORT_RANK: Record<TrialVerdict, number> = { ELIGIBLE: 0, POTENTIALLY_ELIGIBLE: 1, ELIGIBLE_FROM: 2, INELIGIBLE: 3 };
function compareCohorts(a: ScreenVerdict, b: ScreenVerdict): number {
  return (
    COHORT_RANK[a.verdict] - COHORT_RANK[b.verdict] ||
    (a.eligibleFrom ?? '').localeCompare(b.eligibleFrom ?? '') ||
    (a.verdict === 'INELIGIBLE' ? a.failing.length - b.failing.length : a.unknownCount - b.unknownCount) ||
    a.failing.length - b.failing.length
  );
}

/** Eligible first; then potentially eligible and eligible-from by fewest unknowns, then earliest date; then ineligible by fewest failing criteria. */
export function compareVerdicts(a: ScreenVerdict, b: ScreenVerdict): number {
  return (
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
    // Ineligible results by fewest failing criteria first; the others by fewest unknowns, then earliest date.
    (a.verdict === 'INELIGIBLE' ? a.failing.length - b.failing.length : 0) ||
    a.unknownCount - b.unknownCount ||
    (a.eligibleFrom ?? '').localeCompare(b.eligibleFrom ?? '') ||
    a.failing.length - b.failing.length
  );
}

/** Ranks trials for one patient (or patients for one trial): same order, stable for ties. */
export function rank<T extends ScreenVerdict>(items: readonly T[]): T[] {
  return [...items].sort(compareVerdicts);
}
