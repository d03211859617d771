import { ageOn } from '../patient/age';

/** The profile facts the current leaves read (a PatientProfile is one). */
export interface EvaluationFacts {
  demographics: { birthDate: string | null };
  ecog: { value: number; date: string } | null;
}

/**
 * Walking-skeleton subset of the criteria language: two leaves and three-valued evaluation.
 * The full language (combinators, drug-class facts, labs, washouts) extends this.
 */
export type Rule =
  | { fact: 'age'; min?: number; max?: number }
  | { fact: 'ecog'; max: number };

export type Outcome = 'MET' | 'NOT_MET' | 'UNKNOWN';
export type TrialVerdict = 'ELIGIBLE' | 'POTENTIALLY_ELIGIBLE' | 'ELIGIBLE_FROM' | 'INELIGIBLE';

export interface Criterion {
  id: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  rule: Rule;
}

export interface CriterionResult {
  criterionId: string;
  kind: 'inclusion' | 'exclusion';
  outcome: Outcome;
  explanation: string;
  missing?: string[];
}

export interface TrialEvaluation {
  verdict: TrialVerdict;
  criteria: CriterionResult[];
}

export class InvalidRuleError extends Error {
  constructor(readonly pointer: string, message: string) {
    super(`${pointer}: ${message}`);
    this.name = 'InvalidRuleError';
  }
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Checks a rule's shape once, at load; evaluation never re-parses. */
export function parseRule(raw: unknown, pointer: string): Rule {
  if (typeof raw !== 'object' || raw === null) throw new InvalidRuleError(pointer, 'rule must be an object');
  const r = raw as Record<string, unknown>;
  switch (r.fact) {
    case 'age':
      if (r.min === undefined && r.max === undefined) throw new InvalidRuleError(pointer, 'age needs min or max');
      if (r.min !== undefined && !isFiniteNumber(r.min)) throw new InvalidRuleError(`${pointer}/min`, 'must be a number');
      if (r.max !== undefined && !isFiniteNumber(r.max)) throw new InvalidRuleError(`${pointer}/max`, 'must be a number');
      return { fact: 'age', min: r.min, max: r.max };
    case 'ecog':
      if (!isFiniteNumber(r.max)) throw new InvalidRuleError(`${pointer}/max`, 'must be a number');
      return { fact: 'ecog', max: r.max };
    default:
      throw new InvalidRuleError(`${pointer}/fact`, `unknown fact ${JSON.stringify(r.fact)}`);
  }
}

function evaluateRule(rule: Rule, profile: EvaluationFacts, asOf: Date): Omit<CriterionResult, 'criterionId' | 'kind'> {
  switch (rule.fact) {
    case 'age': {
      const birthDate = profile.demographics.birthDate;
      if (!birthDate) return { outcome: 'UNKNOWN', explanation: 'birth date not recorded', missing: ['demographics.birthDate'] };
      const age = ageOn(birthDate, asOf);
      const ok = (rule.min === undefined || age >= rule.min) && (rule.max === undefined || age <= rule.max);
      return { outcome: ok ? 'MET' : 'NOT_MET', explanation: `age ${age} vs [${rule.min ?? '-'}, ${rule.max ?? '-'}]` };
    }
    case 'ecog': {
      if (!profile.ecog) return { outcome: 'UNKNOWN', explanation: 'ECOG not recorded', missing: ['performance-status.ecog'] };
      const ok = profile.ecog.value <= rule.max;
      return { outcome: ok ? 'MET' : 'NOT_MET', explanation: `ECOG ${profile.ecog.value} (${profile.ecog.date}) vs <= ${rule.max}` };
    }
  }
}

/** An exclusion criterion that is MET excludes; inclusion NOT_MET excludes; any UNKNOWN leaves it potential. */
export function evaluateTrial(criteria: readonly Criterion[], profile: EvaluationFacts, asOf: Date): TrialEvaluation {
  const results = criteria.map((c): CriterionResult => ({ criterionId: c.id, kind: c.kind, ...evaluateRule(c.rule, profile, asOf) }));
  const fails = results.some((r) => (r.kind === 'inclusion' ? r.outcome === 'NOT_MET' : r.outcome === 'MET'));
  const unknown = results.some((r) => r.outcome === 'UNKNOWN');
  const verdict: TrialVerdict = fails ? 'INELIGIBLE' : unknown ? 'POTENTIALLY_ELIGIBLE' : 'ELIGIBLE';
  return { verdict, criteria: results };
}
