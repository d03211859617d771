import type { PatientProfile } from '../patient/profile';
import { compileRule, checkRuleDocument, InvalidCriteriaError, type CompileProblem, type CompiledRule, type LeafTrace, type Outcome } from './compile';

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
  cohorts?: Array<{ id: string; name: string; criteria: CriterionDocument[] }>;
  source?: { url?: string; retrieved?: string; textVersion?: string; note?: string };
}

export interface CompiledCriterion {
  id: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  evaluate: CompiledRule;
}

export interface CompiledTrial {
  trialId: string;
  version: number;
  title: string;
  status: string;
  criteria: CompiledCriterion[];
  cohorts: Array<{ id: string; name: string; criteria: CompiledCriterion[] }>;
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

export interface VerdictDetail {
  verdict: TrialVerdict;
  eligibleFrom?: string;
  /** Data that would settle the unknown criteria. */
  missing: string[];
  /** Criteria that block the patient. */
  failing: string[];
  unknownCount: number;
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
  return list.map((c, i) => ({ id: c.id, kind: c.kind, text: c.text, evaluate: compileRule(c.rule, `${pointer}/${i}/rule`) }));
}

/** Validates a whole trial (all problems at once) and compiles every rule, once, at load. */
export function compileTrial(doc: TrialDocument): CompiledTrial {
  const problems = checkTrialDocument(doc);
  if (problems.length > 0) throw new InvalidCriteriaError(problems);
  return {
    trialId: doc.trialId,
    version: doc.version,
    title: doc.title,
    status: doc.status,
    criteria: compileCriteria(doc.criteria, '/criteria'),
    cohorts: (doc.cohorts ?? []).map((c, i) => ({ id: c.id, name: c.name, criteria: compileCriteria(c.criteria, `/cohorts/${i}/criteria`) })),
  };
}

function evaluateCriterion(c: CompiledCriterion, profile: PatientProfile, asOf: string): CriterionResult {
  const trace: LeafTrace[] = [];
  const r = c.evaluate({ profile, asOf, trace });
  const passes = r.outcome === 'UNKNOWN' ? null : c.kind === 'inclusion' ? r.outcome === 'MET' : r.outcome === 'NOT_MET';
  const missing = r.outcome === 'UNKNOWN' ? [...new Set(trace.flatMap((t) => (t.outcome === 'UNKNOWN' ? (t.missing ?? []) : [])))] : [];
  const explanation = trace.map((t) => `${t.expected}: ${t.outcome === 'UNKNOWN' ? 'unknown' : t.outcome === 'MET' ? 'yes' : 'no'}${t.actual !== null ? ` (${t.actual})` : ''}`).join('; ');
  return {
    criterionId: c.id,
    kind: c.kind,
    text: c.text,
    outcome: r.outcome,
    passes,
    explanation,
    ...(missing.length ? { missing } : {}),
    ...(passes === false && r.flipsOn ? { eligibleFrom: r.flipsOn } : {}),
    trace,
  };
}

/**
 * INELIGIBLE when any criterion blocks with no date on which it stops blocking; ELIGIBLE_FROM when every
 * blocking criterion is time-bound (the latest such date); POTENTIALLY_ELIGIBLE when nothing blocks but
 * something is unknown; ELIGIBLE otherwise.
 */
export function verdictOf(results: readonly CriterionResult[]): VerdictDetail {
  const blocking = results.filter((r) => r.passes === false);
  const unknown = results.filter((r) => r.passes === null);
  const missing = [...new Set(unknown.flatMap((r) => r.missing ?? []))];
  const failing = blocking.map((r) => r.criterionId);
  if (blocking.some((r) => !r.eligibleFrom)) return { verdict: 'INELIGIBLE', missing, failing, unknownCount: unknown.length };
  if (blocking.length > 0) return { verdict: 'ELIGIBLE_FROM', eligibleFrom: blocking.map((r) => r.eligibleFrom!).sort().at(-1)!, missing, failing, unknownCount: unknown.length };
  if (unknown.length > 0) return { verdict: 'POTENTIALLY_ELIGIBLE', missing, failing, unknownCount: unknown.length };
  return { verdict: 'ELIGIBLE', missing, failing, unknownCount: 0 };
}

const VERDICT_RANK: Record<TrialVerdict, number> = { ELIGIBLE: 0, POTENTIALLY_ELIGIBLE: 1, ELIGIBLE_FROM: 1, INELIGIBLE: 2 };

/** Evaluates a patient against a compiled trial: the trial-wide criteria, then each cohort's on top. */
export function evaluateTrial(trial: CompiledTrial, profile: PatientProfile, asOf: Date | string): TrialEvaluation {
  const day = (typeof asOf === 'string' ? asOf : asOf.toISOString()).slice(0, 10);
  const criteria = trial.criteria.map((c) => evaluateCriterion(c, profile, day));
  const cohorts = trial.cohorts.map((co) => {
    const own = co.criteria.map((c) => evaluateCriterion(c, profile, day));
    return { id: co.id, name: co.name, criteria: own, ...verdictOf([...criteria, ...own]) };
  });
  const overall = cohorts.length > 0 ? [...cohorts].sort(compareVerdicts)[0]! : verdictOf(criteria);
  const { verdict, eligibleFrom, missing, failing, unknownCount } = overall;
  return { trialId: trial.trialId, version: trial.version, title: trial.title, verdict, ...(eligibleFrom ? { eligibleFrom } : {}), missing, failing, unknownCount, criteria, cohorts };
}

/** Eligible first; then potentially eligible and eligible-from by fewest unknowns, then earliest date; then ineligible by fewest failing criteria. */
export function compareVerdicts(a: VerdictDetail, b: VerdictDetail): number {
  return (
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
    a.unknownCount - b.unknownCount ||
    (a.eligibleFrom ?? '').localeCompare(b.eligibleFrom ?? '') ||
    a.failing.length - b.failing.length
  );
}

/** Ranks trials for one patient (or patients for one trial): same order, stable for ties. */
export function rank<T extends VerdictDetail>(items: readonly T[]): T[] {
  return [...items].sort(compareVerdicts);
}
