/**
 * mrd34 batch 2 — harder MRD / deep-response boundaries (domain.md §4, §8 units; clinical-core.md; criteria-language.md `mrd`).
 * Expectations from the definitions before reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
let k = 0;
const id = () => `m34b-${String(++k).padStart(4, '0')}`;
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const kap = (d: string, v: number, unit: string) => lab(d, 'free kappa', v, unit);
const lam = (d: string, v: number, unit: string) => lab(d, 'free lambda', v, unit);
const pet = (d: string, r: 'negative' | 'positive') => event('imaging', d, { modality: 'PET-CT', mrd: r }, id());
const pc = (d: string, lesions: Array<[string, number, number]>) => event('imaging', d, { modality: 'PET-CT', plasmacytomas: lesions.map(([lesion, a, b]) => ({ lesion, longestDiameterMm: a, perpendicularDiameterMm: b })) }, id());
const MRD = (d: string, result: string, method: string | null = 'NGS', sensitivity: number | null = 1e-5, extra: Record<string, unknown> = {}) =>
  event('mrd', d, { result, ...(method === null ? {} : { method }), ...(sensitivity === null ? {} : { sensitivity }), ...extra }, id());

const DX = () => diagnosis('2024-01-05', 'IgG', 'kappa');
const LINE = () => med('DRd', '2024-02-01', null);
const BASEV = () => [S('2024-01-20', 3.0), U('2024-01-20', 0), sIFE('2024-01-20', 'positive')];
const A1 = '2024-05-01', A2 = '2024-06-01', A3 = '2024-07-01', MB = '2024-05-15', MD = '2024-06-15';
const crDay = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
const vgprDay = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'positive'), uIFE(d, 'negative')];
const CR = (pct = 3) => [DX(), LINE(), ...BASEV(), ...crDay(A1), ...crDay(A2), BM(MB, pct)];
const AS_OF = '2024-09-01';
const prof = (evs: Ev[], asOf = AS_OF, settings = DEFAULT_SETTINGS) => buildProfile(evs, asOf, settings);
const out = (rule: unknown, p: P, asOf = AS_OF) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;
const cat = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const NEG = { fact: 'mrd', result: 'negative' };
const POS = { fact: 'mrd', result: 'positive' };
const RA = (category: string, ever = false) => ({ fact: 'responseAtLeast', category, ...(ever ? { ever: true } : {}) });
const lost = (p: P) => (p.disease.mrd.negativityLost ? p.disease.mrd.negativityLost.date : null);

interface Case { id: string; clause: string; summary: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, summary: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, summary, run, expected });

// ---- marrow / imaging need no confirmation (§4 header: "bone marrow and imaging need no confirmation") ----
add('X01', '§4: marrow needs no confirmation', 'IFE neg at A1 & A2; marrow 6% (04-20) then 3% (05-15) → CR confirmed',
  () => cat(prof([DX(), LINE(), ...BASEV(), BM('2024-04-20', 6), ...crDay(A1), ...crDay(A2), BM(MB, 3)])), 'CR');
add('X02', '§4: imaging needs no confirmation; CR: plasmacytomas gone', 'plasmacytoma scan 04-25, scan with none 05-20; IFE neg A1, A2 → CR',
  () => cat(prof([...CR(), pc('2024-01-25', [['L1', 25, 15]]), pc('2024-04-25', [['L1', 10, 8]]), pc('2024-05-20', [])])), 'CR');
add('X03', '§4 sCR: ratio normal must hold at both assessments', 'ratio 1.8 at A1, 1.0 at A2, non-clonal → CR (sCR not confirmed)',
  () => cat(prof([...CR(), ratio(A1, 1.8), ratio(A2, 1.0), clonal(MB, 'negative')])), 'CR');
add('X04', '§8 FLC units; §4 sCR ratio 1.65', 'κ 16.5 mg/L, λ 1.0 mg/dL (=10 mg/L) → ratio 1.65 → sCR',
  () => cat(prof([...CR(), kap(A1, 16.5, 'mg/L'), lam(A1, 1.0, 'mg/dL'), kap(A2, 16.5, 'mg/L'), lam(A2, 1.0, 'mg/dL'), clonal(MB, 'negative')])), 'sCR');
add('X05', '§8 FLC units; §4 sCR ratio 1.66', 'κ 16.6 mg/L, λ 1.0 mg/dL → ratio 1.66 → CR',
  () => cat(prof([...CR(), kap(A1, 16.6, 'mg/L'), lam(A1, 1.0, 'mg/dL'), kap(A2, 16.6, 'mg/L'), lam(A2, 1.0, 'mg/dL'), clonal(MB, 'negative')])), 'CR');
add('X06', '§4 sCR ratio 0.26 in mg/dL both', 'κ 0.26 mg/dL, λ 1.0 mg/dL → sCR',
  () => cat(prof([...CR(), kap(A1, 0.26, 'mg/dL'), lam(A1, 1.0, 'mg/dL'), kap(A2, 0.26, 'mg/dL'), lam(A2, 1.0, 'mg/dL'), clonal(MB, 'negative')])), 'sCR');
add('X07', '§4 CR: <5% with a marrow of 4.99', 'marrow 4.99 → CR', () => cat(prof(CR(4.99))), 'CR');
add('X08', '§4 CR marrow: latest marrow ≥5% before assessments', 'marrow 3% (04-20) then 5% (05-15) → not CR',
  () => cat(prof([DX(), LINE(), ...BASEV(), BM('2024-04-20', 3), ...crDay(A1), ...crDay(A2), BM(MB, 5)])) === 'CR', false);
add('X09', 'clinical-core: CR for FLC-only disease also needs a normal ratio (IMWG 2011)', 'light-chain disease, IFE neg ×2, marrow 3%, ratio 2.0 → not CR',
  () => { const c = cat(prof([diagnosis('2024-01-05', 'none', 'kappa'), LINE(), S('2024-01-20', 0), U('2024-01-20', 0), kap('2024-01-20', 500, 'mg/L'), lam('2024-01-20', 10, 'mg/L'), ratio('2024-01-20', 50),
    ...crDay(A1), kap(A1, 30, 'mg/L'), lam(A1, 15, 'mg/L'), ratio(A1, 2.0), ...crDay(A2), kap(A2, 30, 'mg/L'), lam(A2, 15, 'mg/L'), ratio(A2, 2.0), BM(MB, 3)])); return c === 'CR' || c === 'sCR'; }, false);
add('X10', '§4 CR responseAtLeast ever', 'CR then later IFE positive (VGPR) → ever CR MET',
  () => out(RA('CR', true), prof([...CR(), ...vgprDay(A3), ...vgprDay('2024-08-01')])), 'MET');

// ---- MRD leaf, response timing ----
add('Y01', 'crit-lang: response below CR assessed ON the test day → NOT_MET', 'VGPR confirmed, assessment on MRD day shows VGPR',
  () => out(NEG, prof([DX(), LINE(), ...BASEV(), ...vgprDay(A1), ...vgprDay(A2), BM(MB, 2), ...vgprDay(MD), MRD(MD, 'negative')])), 'NOT_MET');
add('Y02', '§4 MRD requires CR', 'CR confirmed, MRD neg, CR assessed again after → MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative'), ...crDay(A3)])), 'MET');
add('Y03', '§4 MRD requires CR (marrow 5% after the test)', 'CR, MRD neg 06-15, marrow 5% 07-01 → NOT_MET (relapse)',
  () => out(NEG, prof([...CR(), MRD(MD, 'negative'), BM(A3, 5)])), 'NOT_MET');
add('Y04', 'crit-lang: no method → not NGF/NGS', 'MRD neg 1e-5 with no method → UNKNOWN', () => out(NEG, prof([...CR(), MRD(MD, 'negative', null)])), 'UNKNOWN');
add('Y05', 'clinical-core v15: positive of another specimen is disease found', 'valid neg then peripheral-blood positive → negative NOT_MET',
  () => out(NEG, prof([...CR(), MRD(MD, 'negative'), MRD('2024-08-01', 'positive', 'NGF', 1e-5, { specimen: 'peripheral blood' })])), 'NOT_MET');
add('Y06', 'crit-lang mrd: latest valid', 'positive 1e-4 then neg 1e-5 → MET', () => out(NEG, prof([...CR(), MRD('2024-06-10', 'positive', 'NGS', 1e-4), MRD('2024-07-10', 'negative')])), 'MET');
add('Y07', 'crit-lang mrd maxAgeDays with a newer coarse negative', 'valid neg 100 d old, 1e-4 neg 10 d old, maxAgeDays 60 → UNKNOWN',
  () => out({ ...NEG, maxAgeDays: 60 }, prof([...CR(), MRD('2024-05-24', 'negative'), MRD('2024-08-22', 'negative', 'NGS', 1e-4)])), 'UNKNOWN');
add('Y08', '§4 imaging-plus: PET positive the same day as the marrow', 'PET pos same day as MRD neg → imaging NOT_MET',
  () => out({ ...NEG, imaging: true }, prof([...CR(), MRD(MD, 'negative'), pet(MD, 'positive')])), 'NOT_MET');
add('Y09', '§4 relapse from MRD-neg: progression (reported PD)', 'CR, MRD neg, reported PD 07-20 → lost 07-20',
  () => lost(prof([...CR(), MRD(MD, 'negative'), event('response-assessment', '2024-07-20', { category: 'PD' }, id())])), '2024-07-20');
add('Y10', '§4 relapse from MRD-neg', 'reported PD after MRD neg → positive rule MET',
  () => out(POS, prof([...CR(), MRD(MD, 'negative'), event('response-assessment', '2024-07-20', { category: 'PD' }, id())])), 'MET');
add('Y11', 'crit-lang: the leaf uses default maxSensitivity 1e-5 whatever the profile setting', 'NGS neg 1e-5; profile mrdMinSensitivity 1e-6; default rule → MET',
  () => out(NEG, prof([...CR(), MRD(MD, 'negative')], AS_OF, { ...DEFAULT_SETTINGS, mrdMinSensitivity: 1e-6 })), 'MET');
add('Y12', 'fhir-ish native: NGS 1e-6 neg, rule 1e-6', 'NGF neg 1e-6 → MET at 1e-6', () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), MRD(MD, 'negative', 'NGF', 1e-6)])), 'MET');
add('Y13', '§4 MRD imaging-plus and sustained both', 'no PET, sustained & imaging → UNKNOWN', () => out({ ...NEG, imaging: true, maxSensitivity: 1e-6 }, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-6)])), 'UNKNOWN');
add('Y14', 'crit-lang mrd maxAgeDays 0 boundary', 'MRD on screening day, maxAgeDays 0 → MET', () => out({ ...NEG, maxAgeDays: 0 }, prof([...CR(), MRD(AS_OF, 'negative')])), 'MET');
add('Y15', '§4 relapse from MRD-neg: same-day IFE positive as negative', 'MRD neg 1e-5 and serum IFE positive same day → negative not MET',
  () => out(NEG, prof([...CR(), MRD(MD, 'negative'), sIFE(MD, 'positive')])) !== 'MET', true);

// ---- sustained, harder ----
const SCAF = () => [diagnosis('2021-05-01', 'IgG', 'kappa'), med('DRd', '2021-06-01', null), S('2021-05-20', 3.0), U('2021-05-20', 0), sIFE('2021-05-20', 'positive'),
  ...crDay('2022-01-01'), ...crDay('2022-02-01'), BM('2022-01-15', 2)];
const sus = (evs: Ev[], asOf = '2025-06-01', st = DEFAULT_SETTINGS) => prof([...SCAF(), ...evs], asOf, st).disease.mrd.sustainedNegative;
const pair = (d1: string, d2: string) => [MRD(d1, 'negative'), pet(d1, 'negative'), MRD(d2, 'negative'), pet(d2, 'negative')];
add('Z01', '§4 sustained: a positive since ends it', 'year 2023-03-01→2024-03-01 then marrow positive 2024-06-01 → false', () => sus([...pair('2023-03-01', '2024-03-01'), MRD('2024-06-01', 'positive')]), false);
add('Z02', 'clinical-core: coarse negatives do not end a run', 'year then 1e-4 neg → true', () => sus([...pair('2023-03-01', '2024-03-01'), MRD('2024-06-01', 'negative', 'NGS', 1e-4)]), true);
add('Z03', '§4 sustained: relapse since (serum M-protein 0.2)', 'year then M-protein 0.2 → false', () => sus([...pair('2023-03-01', '2024-03-01'), S('2024-06-01', 0.2)]), false);
add('Z04', 'setting mrdMinSensitivity 1e-6', '1e-5 negatives a year apart with min 1e-6 → false',
  () => sus(pair('2023-03-01', '2024-03-01'), '2025-06-01', { ...DEFAULT_SETTINGS, mrdMinSensitivity: 1e-6 }), false);
add('Z05', 'setting mrdMinSensitivity 1e-6', '1e-6 negatives a year apart with min 1e-6 → true',
  () => sus([MRD('2023-03-01', 'negative', 'NGS', 1e-6), pet('2023-03-01', 'negative'), MRD('2024-03-01', 'negative', 'NGS', 1e-6), pet('2024-03-01', 'negative')], '2025-06-01', { ...DEFAULT_SETTINGS, mrdMinSensitivity: 1e-6 }), true);
add('Z06', 'clinical-core: span bounded by assessments of each', 'PET positive 2023-02-01 inside marrow run 2023-01-01→2024-06-01, PET neg 2023-03-01→2024-03-01 → false (no marrow after the PET positive until 2024-06)',
  () => sus([MRD('2023-01-01', 'negative'), pet('2023-02-01', 'positive'), pet('2023-03-01', 'negative'), pet('2024-03-01', 'negative'), MRD('2024-06-01', 'negative')]), false);
add('Z07', '§4 sustained exactly at asOf', 'asOf 2024-03-01, negatives 2023-03-01 & 2024-03-01 → true', () => sus(pair('2023-03-01', '2024-03-01'), '2024-03-01'), true);
add('Z08', '§4 sustained marrow via mixed sensitivities', '1e-6 then 1e-5 → true', () => sus([MRD('2023-03-01', 'negative', 'NGF', 1e-6), pet('2023-03-01', 'negative'), MRD('2024-03-01', 'negative', 'NGS', 1e-5), pet('2024-03-01', 'negative')]), true);
add('Z09', '§4 sustained: year of marrow and PET, but a 2nd year later after relapse only 11 months', 'run 2022-01-10→2023-01-10, IFE+ 2023-02-01, run 2023-03-01→2024-02-01 → false',
  () => sus([...pair('2022-01-10', '2023-01-10'), sIFE('2023-02-01', 'positive'), ...pair('2023-03-01', '2024-02-01')]), false);
add('Z10', 'crit-lang sustained requires CR too', 'sustained year, but VGPR assessed after → NOT_MET',
  () => out({ ...NEG, sustained: true }, prof([...SCAF(), ...pair('2023-03-01', '2024-03-01'), ...vgprDay('2024-04-01'), ...vgprDay('2024-05-01')], '2025-06-01'), '2025-06-01'), 'NOT_MET');
add('Z11', 'crit-lang sustained: marrow not a year, valid neg latest', 'single year short (364 d) → NOT_MET',
  () => out({ ...NEG, sustained: true }, prof([...SCAF(), ...pair('2023-03-02', '2024-02-29')], '2025-06-01'), '2025-06-01'), 'NOT_MET');
add('Z12', 'clinical-core sustainedMarrowNegative', 'marrow 2023-03-01→2024-02-29 alone → false', () => prof([...SCAF(), MRD('2023-03-01', 'negative'), MRD('2024-02-29', 'negative')], '2025-06-01').disease.mrd.sustainedMarrowNegative, false);
add('Z13', 'clinical-core sustainedMarrowNegative', 'marrow 2023-03-01→2024-03-01 alone → true', () => prof([...SCAF(), MRD('2023-03-01', 'negative'), MRD('2024-03-01', 'negative')], '2025-06-01').disease.mrd.sustainedMarrowNegative, true);

describe('mrd34b: MRD and deep responses, batch 2 (hand-derived)', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
