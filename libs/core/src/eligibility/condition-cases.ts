import { event } from '../testing/events';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, epochDay, dayString } from './compile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from './trial';

export const AS_OF = '2025-06-01';
let k = 0;
export const condition = (date: string, kind: string, data: Record<string, unknown> = {}, id?: string) => event('condition', date, { kind, ...data }, id ?? `c${String(++k).padStart(5, '0')}`);
export const malignancy = (date: string, status: string, data: Record<string, unknown> = {}, id?: string) => condition(date, 'other-malignancy', { status, ...data }, id);
export const neuropathy = (date: string, status: string, grade: number | null, type?: string) =>
  condition(date, 'peripheral-neuropathy', { status, ...(grade !== null ? { grade } : {}), ...(type ? { neuropathyType: type } : {}) });
export const profileOf = (events: Parameters<typeof buildProfile>[0], asOf = AS_OF): PatientProfile => buildProfile(events, asOf);
export const run = (rule: unknown, profile: PatientProfile, asOf = AS_OF) => compileRule(rule)({ profile, asOf, trace: null });
export const outcome = (rule: unknown, profile: PatientProfile, asOf = AS_OF): string => run(rule, profile, asOf).outcome;
export const plus = (d: string, n: number): string => dayString(epochDay(d) + n);

/** Day-by-day: the first day after asOf on which the outcome differs, and what it becomes. */
export function firstChange(rule: unknown, profile: PatientProfile, from = AS_OF, horizon = 2500): { on?: string; to?: string } {
  const f = compileRule(rule);
  const now = f({ profile, asOf: from, trace: null }).outcome;
  for (let i = 1; i <= horizon; i++) {
    const d = plus(from, i);
    const o = f({ profile, asOf: d, trace: null }).outcome;
    if (o !== now) return { on: d, to: o };
  }
  return {};
}
/** Day by day from `from`, the days on which what `read` gives changes, as `day:value`. */
function changesOf(read: (day: string) => string, from: string, horizon: number): string[] {
  let prev = '';
  const out: string[] = [];
  for (let i = 0; i <= horizon; i++) {
    const d = plus(from, i);
    const v = read(d);
    if (v !== prev) out.push(`${d}:${v}`);
    prev = v;
  }
  return out;
}
/** The sequence of outcomes day by day (changes only). */
export function timeline(rule: unknown, profile: PatientProfile, from = AS_OF, horizon = 2500): string[] {
  const f = compileRule(rule);
  return changesOf((d) => f({ profile, asOf: d, trace: null }).outcome, from, horizon);
}
export const trialOf = (rule: unknown, kind: 'inclusion' | 'exclusion' = 'exclusion', extra: TrialDocument['criteria'] = []): TrialDocument => ({
  trialId: 'NCT00000012',
  version: 1,
  title: 'condition cases',
  status: 'RECRUITING',
  criteria: [{ id: 'c-1', kind, text: 'condition criterion', rule }, ...extra],
});
/** Day-by-day verdicts (changes only). */
export function verdicts(doc: TrialDocument, profile: PatientProfile, from = AS_OF, horizon = 2500): string[] {
  const t = compileTrial(doc);
  return changesOf((d) => {
    const v = screenTrial(t, profile, d);
    return v.verdict === 'ELIGIBLE_FROM' ? `${v.verdict}(${v.eligibleFrom})` : v.verdict;
  }, from, horizon);
}
export { compileTrial, evaluateTrial, screenTrial, buildProfile, event };
