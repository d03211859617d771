/**
 * story32 — realistic whole-patient histories. Helpers only. Expectations in the *.spec.ts files were written from
 * /work/shared/design/domain.md and docs/clinical-core.md + docs/criteria-language.md before reading the implementation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { demographics, diagnosis, event, lab, med, response, sct, carT, mrd } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';
import { compileTrial, evaluateTrial } from '../../eligibility/trial';

export type Ev = Parameters<typeof buildProfile>[0][number];
export type P = ReturnType<typeof buildProfile>;
export { demographics, diagnosis, event, lab, med, response, sct, carT, mrd, buildProfile };

export const S = (d: string, v: number): Ev => lab(d, 'serum m-protein', v, 'g/dL');
export const U = (d: string, v: number): Ev => lab(d, 'urine m-protein', v, 'mg/24h');
export const K = (d: string, k: number, l: number): Ev[] => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
export const sIFE = (d: string, r: 'negative' | 'positive'): Ev => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
export const uIFE = (d: string, r: 'negative' | 'positive'): Ev => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
export const BM = (d: string, pct: number): Ev => lab(d, 'marrow plasma cells', pct, '%');
export const ser = (pairs: Array<[string, number]>): Ev[] => pairs.map(([d, v]) => S(d, v));
export const resps = (pairs: Array<[string, string]>): Ev[] => pairs.map(([d, c]) => response(d, c));
export const ecog = (d: string, v: number): Ev => event('performance-status', d, { ecog: v });
export const apheresis = (d: string): Ev => event('procedure', d, { kind: 'apheresis' });
export const pet = (d: string, r: string): Ev => event('imaging', d, { modality: 'PET-CT', mrd: r });
export const cond = (d: string, data: Record<string, unknown>): Ev => event('condition', d, data);

export const rule = (r: unknown, p: P, asOf: string): string => compileRule(r)({ profile: p, asOf, trace: null }).outcome;
export const trialVerdict = (nct: string, p: P, asOf: string): string => {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${nct}.json`), 'utf8')) as Parameters<typeof compileTrial>[0];
  return evaluateTrial(compileTrial(doc), p, asOf).verdict;
};
export const trialDetail = (nct: string, p: P, asOf: string) => {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${nct}.json`), 'utf8')) as Parameters<typeof compileTrial>[0];
  return evaluateTrial(compileTrial(doc), p, asOf);
};
export const starts = (p: P): string[] => p.linesOfTherapy.lines.map((l) => l.start);
export const progDates = (p: P, bio = false): string[] => p.disease.progressions.filter((x) => !bio || x.source !== 'reported').map((x) => x.date);
export const resp = (p: P): string => { const c = p.disease.computedResponse; return c ? `${c.category}${c.confirmed ? '' : '?'}` : 'none'; };
export const refr = (p: P, g: string): boolean | undefined => p.drugs[g]?.refractory;
