/**
 * The verdict's date against a day-by-day reading: for trials built from dated leaves (washouts, windows of days since a
 * dose, age limits) and leaves that stay unknown (an ECOG never recorded, text the engine cannot read) under
 * any/all/not/if, ELIGIBLE_FROM names the first day on which the same profile, read as of that day, is eligible, and
 * INELIGIBLE means no such day comes (criteria-language.md, Verdict); every node's changes are the days on which its
 * outcome, read day by day, changes. evaluateTrial and screenTrial agree.
 */
import { demographics, med } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { changesOf, codeOn, compileRuleNode, evaluationState, resetNode, type Code, type EvalState } from './compile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from './trial';

const AS_OF = '2025-06-01';
const HORIZON = 900;
const day = (n: number): string => new Date(Date.parse(AS_OF) + n * 86_400_000).toISOString().slice(0, 10);
const p = buildProfile(
  [demographics('1951-02-10', 'female', 70), med('daratumumab', '2025-03-01', '2025-05-01'), med('carfilzomib', '2025-03-01', '2025-05-20'), med('pomalidomide', '2025-03-01', '2025-05-31')],
  AS_OF,
);
/** The profile read as of each day from AS_OF on (one state per day, as a screening of that day would). */
const states: EvalState[] = Array.from({ length: HORIZON + 1 }, (_, d) => evaluationState(p, day(d)));

/** A small deterministic generator (mulberry32), so that every run checks the same trials. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const DRUGS = ['daratumumab', 'carfilzomib', 'pomalidomide'];
function leaf(r: () => number, unknowns: number): unknown {
  if (r() < unknowns) return r() < 0.5 ? { fact: 'unknownText', reason: 'not read' } : { fact: 'ecog', max: 1 };
  const k = Math.floor(r() * 4);
  const drug = DRUGS[Math.floor(r() * DRUGS.length)]!;
  if (k === 0) return { fact: 'timeSince', event: 'lastDose', drug, minDays: 10 + Math.floor(r() * 150) };
  if (k === 1) {
    const min = Math.floor(r() * 200);
    return { fact: 'timeSince', event: 'lastDose', drug, minDays: min, maxDays: min + 5 + Math.floor(r() * 120) };
  }
  if (k === 2) return { fact: 'timeSince', event: 'lastDose', drug, maxDays: 20 + Math.floor(r() * 150) };
  return r() < 0.5 ? { fact: 'age', max: 74 + Math.floor(r() * 2) } : { fact: 'age', min: 74 + Math.floor(r() * 2) };
}
/** A rule of depth up to `depth`: any/all/not always, `if` (with or without else) when `ifs`. */
function rule(r: () => number, depth: number, ifs: boolean, unknowns: number): unknown {
  if (depth === 0 || r() < 0.3) return leaf(r, unknowns);
  const k = Math.floor(r() * (ifs ? 4 : 3));
  if (k === 2) return { not: rule(r, depth - 1, ifs, unknowns) };
  if (k === 3) {
    const node: Record<string, unknown> = { if: rule(r, depth - 1, ifs, unknowns), then: rule(r, depth - 1, ifs, unknowns) };
    if (r() < 0.6) node.else = rule(r, depth - 1, ifs, unknowns);
    return node;
  }
  const n = 2 + Math.floor(r() * 2);
  const children = Array.from({ length: n }, () => rule(r, depth - 1, ifs, unknowns));
  return k === 0 ? { any: children } : { all: children };
}
function trial(seed: number, depth: number, ifs: boolean, unknowns: number): TrialDocument {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 3);
  return {
    trialId: 'NCT00000099',
    version: 1,
    title: `oracle ${seed}`,
    status: 'RECRUITING',
    criteria: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: r() < 0.5 ? ('inclusion' as const) : ('exclusion' as const), text: `c${i}`, rule: rule(r, depth, ifs, unknowns) })),
  };
}
/** The same with two or three cohorts, each with criteria of its own on top of the trial's. */
function withCohorts(seed: number): TrialDocument {
  const r = rng(seed * 7919);
  const base = trial(seed, 2, true, 0.15);
  const criteria = (prefix: string) => Array.from({ length: 1 + Math.floor(r() * 2) }, (_, i) => ({ id: `${prefix}${i}`, kind: r() < 0.5 ? ('inclusion' as const) : ('exclusion' as const), text: `${prefix}${i}`, rule: rule(r, 2, true, 0.15) }));
  return { ...base, criteria: base.criteria.slice(0, 1), cohorts: Array.from({ length: 2 + Math.floor(r() * 2) }, (_, i) => ({ id: `k${i}`, name: `cohort ${i}`, criteria: criteria(`k${i}c`) })) };
}
function subRules(r: unknown, out: unknown[] = []): unknown[] {
  out.push(r);
  const o = r as Record<string, unknown>;
  for (const key of ['all', 'any']) if (Array.isArray(o[key])) for (const c of o[key] as unknown[]) subRules(c, out);
  for (const key of ['not', 'if', 'then', 'else']) if (o[key] !== undefined) subRules(o[key], out);
  return out;
}

/** The verdict as of AS_OF against the first day the trial, screened day by day, lets the patient in. */
function checkVerdict(doc: TrialDocument): void {
  const t = compileTrial(doc);
  const full = evaluateTrial(t, p, AS_OF);
  const fast = screenTrial(t, p, AS_OF);
  expect({ verdict: fast.verdict, eligibleFrom: fast.eligibleFrom }).toEqual({ verdict: full.verdict, eligibleFrom: full.eligibleFrom });
  let open: string | null = null;
  for (let d = 0; d <= HORIZON && open === null; d++) {
    const v = screenTrial(t, states[d]!).verdict;
    if (v === 'ELIGIBLE' || v === 'POTENTIALLY_ELIGIBLE') open = day(d);
  }
  const expected = open === null ? 'INELIGIBLE' : open === AS_OF ? full.verdict : `ELIGIBLE_FROM ${open}`;
  const actual = full.verdict === 'ELIGIBLE_FROM' ? `ELIGIBLE_FROM ${full.eligibleFrom}` : full.verdict;
  expect(actual).toBe(expected);
}

/** Every node's outcome on each later day, as its changes give it, against the node evaluated as of that day. */
function checkNodes(doc: TrialDocument): void {
  for (const c of doc.criteria) {
    for (const sub of subRules(c.rule)) {
      const node = compileRuleNode(sub);
      const s = states[0]!;
      resetNode(s);
      const now: Code = node(s);
      const changes = changesOf(now, s);
      const predicted: Code[] = [];
      const actual: Code[] = [];
      for (let d = 0; d <= HORIZON; d += 1) {
        resetNode(states[d]!);
        actual.push(node(states[d]!));
        predicted.push(codeOn(now, changes, states[d]!.asOfDay));
      }
      expect({ rule: sub, outcomes: predicted }).toEqual({ rule: sub, outcomes: actual });
    }
  }
}

describe('the verdict agrees with a day-by-day reading (generated trials of dated leaves)', () => {
  it.each(Array.from({ length: 300 }, (_, i) => i + 1))('any/all/not, trial %i', (seed) => checkVerdict(trial(seed, 2, false, 0)));
  it.each(Array.from({ length: 200 }, (_, i) => i + 1001))('with if and unknown leaves, trial %i', (seed) => {
    const doc = trial(seed, 3, true, 0.15);
    checkVerdict(doc);
    checkNodes(doc);
  });
  it.each(Array.from({ length: 150 }, (_, i) => i + 2001))('with cohorts (the trial open on a day when one of its cohorts is), trial %i', (seed) => checkVerdict(withCohorts(seed)));
});

describe('trials a code review minimised (unknown leaves beside dated ones)', () => {
  const dara = (minDays?: number, maxDays?: number) => ({ fact: 'timeSince', event: 'lastDose', drug: 'daratumumab', ...(minDays !== undefined ? { minDays } : {}), ...(maxDays !== undefined ? { maxDays } : {}) });
  const pom = (minDays?: number, maxDays?: number) => ({ fact: 'timeSince', event: 'lastDose', drug: 'pomalidomide', ...(minDays !== undefined ? { minDays } : {}), ...(maxDays !== undefined ? { maxDays } : {}) });
  const carf = (minDays?: number, maxDays?: number) => ({ fact: 'timeSince', event: 'lastDose', drug: 'carfilzomib', ...(minDays !== undefined ? { minDays } : {}), ...(maxDays !== undefined ? { maxDays } : {}) });
  const doc = (...criteria: Array<['inclusion' | 'exclusion', unknown]>): TrialDocument => ({ trialId: 'NCT00000098', version: 1, title: 'minimised', status: 'RECRUITING', criteria: criteria.map(([kind, rule], i) => ({ id: `c${i}`, kind, text: `c${i}`, rule })) });
  const verdictOf = (d: TrialDocument) => {
    const e = evaluateTrial(compileTrial(d), p, AS_OF);
    return e.verdict === 'ELIGIBLE_FROM' ? `ELIGIBLE_FROM ${e.eligibleFrom}` : e.verdict;
  };

  it('a window beside an ECOG never recorded: excluded while the window is open, not for good', () => {
    expect(verdictOf(doc(['exclusion', { any: [dara(124, 164), { all: [{ fact: 'ecog', max: 1 }, { fact: 'age', max: 76 }] }] }], ['inclusion', pom(150)]))).toBe('ELIGIBLE_FROM 2025-10-28');
  });

  it('a deciding child that turns unknown keeps the windows of its siblings', () => {
    expect(verdictOf(doc(['exclusion', { any: [{ any: [pom(undefined, 225), { fact: 'ecog', max: 1 }] }, dara(58, 145)] }]))).toBe('ELIGIBLE_FROM 2026-01-12');
    expect(verdictOf(doc(['inclusion', { all: [{ all: [{ fact: 'ecog', max: 1 }, { not: carf(83, 131) }, pom(19)] }] }], ['inclusion', carf(106, 150)]))).toBe('ELIGIBLE_FROM 2025-09-29');
  });
});
