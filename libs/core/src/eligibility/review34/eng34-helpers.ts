/** eng34 helpers: hand-built patients and catalog trial evaluation (scratch review file). */
import * as fs from 'fs';
import * as path from 'path';
import { carT, demographics, diagnosis, event, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule, type LeafTrace } from '../../eligibility/compile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from '../../eligibility/trial';

export type Ev = Parameters<typeof buildProfile>[0][number];
export type P = ReturnType<typeof buildProfile>;
export const S = '2025-06-01';

export const add = (iso: string, n: number): string => {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
export const prof = (evs: Ev[], asOf = S): P => buildProfile(evs, asOf);

/** What the two evaluations are compared on. */
type Picked = { verdict: unknown; eligibleFrom?: unknown; failing: readonly string[]; unknown: readonly string[] };
const docs = new Map<string, TrialDocument>();
export const doc = (id: string): TrialDocument => {
  if (!docs.has(id)) docs.set(id, JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')) as TrialDocument);
  return docs.get(id)!;
};
export const evalTrial = (id: string, evs: Ev[], asOf = S) => {
  const t = compileTrial(doc(id));
  const p = prof(evs, asOf);
  const e = evaluateTrial(t, p, asOf);
  const sc = screenTrial(t, p, asOf);
  const pick = (v: Picked) => ({ verdict: v.verdict, eligibleFrom: v.eligibleFrom, failing: [...v.failing].sort(), unknown: [...v.unknown].sort() });
  const a = JSON.stringify({ ...pick(e), cohorts: e.cohorts.map((c) => ({ id: c.id, ...pick(c) })) });
  const b = JSON.stringify({ ...pick(sc), cohorts: sc.cohorts.map((c) => ({ id: c.id, ...pick(c) })) });
  if (a !== b) throw new Error(`screenTrial disagrees with evaluateTrial:\n evaluate ${a}\n screen   ${b}`);
  return { e, sc, p };
};
export const critOf = (e: ReturnType<typeof evaluateTrial>, id: string, cohort?: string) => {
  const list = cohort ? e.cohorts.find((c) => c.id === cohort)!.criteria : e.criteria;
  const c = list.find((x) => x.criterionId === id);
  if (!c) throw new Error(`no criterion ${id} ${cohort ?? ''}`);
  return c;
};
export const cohortOf = (e: ReturnType<typeof evaluateTrial>, id: string) => {
  const c = e.cohorts.find((x) => x.id === id)!;
  return `${c.verdict}${c.eligibleFrom ? '@' + c.eligibleFrom : ''}`;
};
export const verdictOf = (e: { verdict: string; eligibleFrom?: string }) => `${e.verdict}${e.eligibleFrom ? '@' + e.eligibleFrom : ''}`;

/** Outcome of one catalog criterion's rule, compiled alone. */
export const ruleOf = (trialId: string, critId: string): unknown => {
  const d = doc(trialId);
  const all = [...d.criteria, ...(d.cohorts ?? []).flatMap((c) => c.criteria)];
  return all.find((c) => c.id === critId)!.rule;
};
export const leaf = (rule: unknown, evs: Ev[], asOf = S) => compileRule(rule)({ profile: prof(evs, asOf), asOf, trace: null });
export const leafT = (rule: unknown, evs: Ev[], asOf = S) => {
  const trace: LeafTrace[] = [];
  const r = compileRule(rule)({ profile: prof(evs, asOf), asOf, trace });
  return { r, trace };
};

export const ecog = (d: string, v: number): Ev => event('performance-status', d, { ecog: v });
export const cond = (d: string, data: Record<string, unknown>): Ev => event('condition', d, data);
export const cyto = (d: string, abnormality: string, result: 'detected' | 'not-detected' = 'detected'): Ev => event('cytogenetics', d, { abnormality, result });
export const transfusion = (d: string, product = 'RBC'): Ev => event('procedure', d, { kind: 'transfusion', product });
export const serum = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
export const urine = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
export const flc = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
export const hb = (d: string, v: number) => lab(d, 'hemoglobin', v, 'g/dL');
export const regimen = (drugs: string[], start: string, end: string | null, extra: Record<string, unknown> = {}): Ev[] => drugs.map((x) => med(x, start, end, extra));

/** L1: VRd → ASCT → lenalidomide maintenance, VGPR, PD on maintenance 2022-05-10 (len-refractory). */
export const L1 = (): Ev[] => [
  ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2020-02-01', '2020-07-15', { cycles: 6 }),
  response('2020-05-01', 'PR'), response('2020-06-01', 'VGPR'),
  sct('2020-09-01'),
  med('lenalidomide', '2020-11-01', '2022-05-20', { intent: 'maintenance' }),
  response('2020-12-01', 'VGPR'), response('2021-01-01', 'VGPR'),
  response('2022-05-10', 'PD'),
];
/** L2: daratumumab + carfilzomib + dex, VGPR, PD on it 2023-11-20. */
export const L2 = (drugs = ['daratumumab', 'carfilzomib', 'dexamethasone'], end = '2023-11-30', pd: string | null = '2023-11-20'): Ev[] => [
  ...regimen(drugs, '2022-06-01', end),
  response('2022-09-01', 'VGPR'), response('2022-10-01', 'VGPR'),
  ...(pd ? [response(pd, 'PD')] : []),
];
/** L3: Pd from 2023-12-10 to `end`, PR, PD on it 10 days before `end`. */
export const L3 = (drugs = ['pomalidomide', 'dexamethasone'], end = '2025-05-10', pd: string | null = add(end, -10)): Ev[] => [
  ...regimen(drugs, '2023-12-10', end),
  response('2024-03-01', 'PR'), response('2024-04-01', 'PR'),
  ...(pd ? [response(pd, 'PD')] : []),
];
export const base = (o: { birth?: string; iso?: [string, string] | null } = {}): Ev[] => [
  demographics(o.birth ?? '1960-05-01', 'male', 80),
  ...(o.iso === null ? [] : [diagnosis('2020-01-01', (o.iso ?? ['IgG', 'kappa'])[0], (o.iso ?? ['IgG', 'kappa'])[1])]),
];
/** Standard 3-line TCE/TCR patient (len, dara+cfz, pom refractory), IgG 1.2 g/dL, ECOG 1. */
export const std = (extra: Ev[] = [], o: { l3?: Ev[]; labs?: Ev[] } = {}): Ev[] => [
  ...base(), ...L1(), ...L2(), ...(o.l3 ?? L3()),
  ...(o.labs ?? [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10)]),
  ...extra,
];
export { carT, med, response, sct, lab, event, diagnosis, demographics };
/** A synthetic trial document (criteria-language verdict rules) evaluated both ways. */
export const evalDoc = (d: TrialDocument, evs: Ev[], asOf = S) => {
  const t = compileTrial(d);
  const p = prof(evs, asOf);
  const e = evaluateTrial(t, p, asOf);
  const sc = screenTrial(t, p, asOf);
  const pick = (v: Picked) => ({ verdict: v.verdict, eligibleFrom: v.eligibleFrom, failing: [...v.failing].sort() });
  const a = JSON.stringify({ ...pick(e), cohorts: e.cohorts.map((c) => ({ id: c.id, ...pick(c) })) });
  const b = JSON.stringify({ ...pick(sc), cohorts: sc.cohorts.map((c) => ({ id: c.id, ...pick(c) })) });
  if (a !== b) throw new Error(`screenTrial disagrees with evaluateTrial:\n evaluate ${a}\n screen   ${b}`);
  return e;
};
export const mkDoc = (criteria: Array<[string, 'inclusion' | 'exclusion', unknown]>, cohorts?: Array<{ id: string; criteria: Array<[string, 'inclusion' | 'exclusion', unknown]> }>): TrialDocument => ({
  trialId: 'NCT99999999', version: 1, title: 'synthetic', status: 'RECRUITING',
  criteria: criteria.map(([id, kind, rule]) => ({ id, kind, text: id, rule })),
  ...(cohorts ? { cohorts: cohorts.map((c) => ({ id: c.id, name: c.id, criteria: c.criteria.map(([id, kind, rule]) => ({ id, kind, text: id, rule })) })) } : {}),
});
