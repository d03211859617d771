/**
 * story31 helpers: whole-patient histories (domain.md + docs only). Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { event, lab, med, response, demographics, diagnosis, sct, carT, mrd } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';
import { compileTrial, evaluateTrial } from '../../eligibility/trial';

export type Ev = Parameters<typeof buildProfile>[0][number];
export type P = ReturnType<typeof buildProfile>;
export { event, lab, med, response, demographics, diagnosis, sct, carT, mrd, DEFAULT_SETTINGS };

export const S = (d: string, v: number): Ev => lab(d, 'serum m-protein', v, 'g/dL');
export const U = (d: string, v: number): Ev => lab(d, 'urine m-protein', v, 'mg/24h');
export const K = (d: string, k: number, l: number): Ev[] => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
export const sIFE = (d: string, r: 'negative' | 'positive'): Ev => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
export const uIFE = (d: string, r: 'negative' | 'positive'): Ev => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
export const BM = (d: string, pct: number): Ev => lab(d, 'marrow plasma cells', pct, '%');
export const clonal = (d: string, r: 'negative' | 'positive'): Ev => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
export const ratio = (d: string, r: number): Ev => lab(d, 'flc ratio', r, '1');
export const ecog = (d: string, v: number): Ev => event('performance-status', d, { ecog: v });
export const cyto = (d: string, abnormality: string, result: 'detected' | 'not-detected', percentCells?: number, copyNumber?: number): Ev =>
  event('cytogenetics', d, { abnormality, result, ...(percentCells !== undefined ? { percentCells } : {}), ...(copyNumber !== undefined ? { copyNumber } : {}) });
export const apheresis = (d: string): Ev => event('procedure', d, { kind: 'apheresis' });
export const cond = (d: string): Ev => med('melphalan', d, d, { intent: 'conditioning' });
export const pet = (d: string, data: Record<string, unknown>): Ev => event('imaging', d, { modality: 'PET-CT', ...data });
/** serum series: [date, value] pairs */
export const ser = (...pairs: Array<[string, number]>): Ev[] => pairs.map(([d, v]) => S(d, v));

export const prof = (evs: Ev[], asOf: string, settings = DEFAULT_SETTINGS): P => buildProfile(evs, asOf, settings);
export const rule = (r: unknown, p: P, asOf: string): string => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

const trialCache = new Map<string, ReturnType<typeof compileTrial>>();
export const trial = (id: string) => {
  if (!trialCache.has(id)) trialCache.set(id, compileTrial(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')) as Parameters<typeof compileTrial>[0]));
  return trialCache.get(id)!;
};
export const evalTrial = (id: string, p: P, asOf: string) => evaluateTrial(trial(id), p, asOf);
export const crit = (id: string, critId: string, p: P, asOf: string): string => {
  const e = evalTrial(id, p, asOf);
  const all = [...e.criteria, ...e.cohorts.flatMap((c) => c.criteria)];
  const c = all.find((x) => x.criterionId === critId);
  return c ? String(c.outcome) : 'missing';
};
export const lineStarts = (p: P) => p.linesOfTherapy.lines.map((l) => l.start);
export const memo = <T>(f: () => T): (() => T) => { let v: T | undefined; let done = false; return () => { if (!done) { v = f(); done = true; } return v as T; }; };
