/**
 * resp31 — blind review: IMWG 2016 response categories in less common disease patterns (domain.md §4, §5, §8;
 * docs/clinical-core.md). Expectations written from the definitions and documented settings before reading the
 * implementation. Scratch review file; not committed.
 */
import { event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);

const LINE = med('DRd', '2025-01-01', null);
const BASE = '2024-12-15';
const D = ['2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-05-20'] as const;
const DATES = [BASE, ...D] as const;

const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const U = (d: string, v: number, unit = 'mg/24h') => lab(d, 'urine m-protein', v, unit);
const KL = (d: string, k: number, l: number, ku = 'mg/L', lu = ku) => [lab(d, 'free kappa', k, ku), lab(d, 'free lambda', l, lu)];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const CPC = (d: string, v: number, unit = '10*9/L') => lab(d, 'absolute circulating plasma cells', v, unit);
type Lesion = { lesion: string; longestDiameterMm: number; perpendicularDiameterMm: number; shortAxisMm?: number };
const scan = (d: string, lesions: Lesion[]) => event('imaging', d, { modality: 'CT', plasmacytomas: lesions });
const L = (lesion: string, a: number, b: number, sa?: number): Lesion => ({ lesion, longestDiameterMm: a, perpendicularDiameterMm: b, ...(sa !== undefined ? { shortAxisMm: sa } : {}) });

/** a series of one lab at DATES[0..] */
const ser = (f: (d: string, v: number) => Ev, vals: number[]) => vals.map((v, i) => f(DATES[i]!, v));
const fill = (f: (d: string, v: number) => Ev, v: number, n: number) => ser(f, Array(n).fill(v));
/** serum (g/dL) and urine (mg/24h) at DATES */
const su = (serum: number[], urine: number[]) => [...ser(S, serum), ...ser(U, urine)];
/** light-chain-only: serum 0.2 g/dL and urine 50 mg/24h at every date, κ series (λ fixed) */
const lc = (kappas: number[], lambda = 10, unit = 'mg/L', serum = 0.2) => [
  ...fill(S, serum, kappas.length),
  ...fill(U, 50, kappas.length),
  ...kappas.flatMap((k, i) => KL(DATES[i]!, k, lambda, unit)),
];
/** marrow-only: serum 0, urine 0, normal FLC at n dates */
const nonsec = (n: number) => [...fill(S, 0, n), ...fill(U, 0, n), ...DATES.slice(0, n).flatMap((d) => KL(d, 15, 12))];

const curL = (p: P) => { const c = p.disease.computedResponse; return c ? `${c.category}${c.confirmed ? '' : '?'} latest=${c.latestCategory}` : 'none'; };
const cur = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const meas = (p: P) => { const m = p.disease.measurable; return `s${+m.serum}u${+m.urine}f${+m.flcOnly}`; };
const ruleOutcome = (rule: unknown, p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;

/** CR scaffolding (serum-measurable disease at baseline 2.0 g/dL, urine 50): serum/urine 0 and IFE negative at D[0], D[1]; marrow 2% */
const crBase = (extra: Ev[] = [], marrow = 2) => [
  LINE, S(BASE, 2.0), U(BASE, 50),
  ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')]),
  BM('2025-02-15', marrow),
  ...extra,
];

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  // ---------- A. light-chain-only disease ----------
  { id: 'A01', summary: 'FLC-only κ 500/λ10 → 255 ×2 (dFLC −50% exactly)', clause: '§4 PR: ≥50% decrease in dFLC if serum/urine unmeasurable', events: [LINE, ...lc([500, 255, 255])], read: cur, expected: 'PR' },
  { id: 'A02', summary: 'FLC-only dFLC 490 → 250 ×2 (−48.98%)', clause: '§4 PR needs ≥50% dFLC; MR has no dFLC route → SD', events: [LINE, ...lc([500, 260, 260])], read: cur, expected: 'SD' },
  { id: 'A03', summary: 'FLC baseline in mg/dL (κ50/λ1), follow-up in mg/L (κ255/λ10): −50%', clause: '§4 normalize FLC units (mg/L = 10 × mg/dL); PR', events: [LINE, ...fill(S, 0.2, 3), ...fill(U, 50, 3), ...KL(BASE, 50, 1, 'mg/dL'), ...KL(D[0], 255, 10), ...KL(D[1], 255, 10)], read: cur, expected: 'PR' },
  { id: 'A04', summary: 'FLC all in mg/dL κ 50 → 25.5 ×2, λ 1', clause: '§4 dFLC PR, mg/dL', events: [LINE, ...lc([50, 25.5, 25.5], 1, 'mg/dL')], read: cur, expected: 'PR' },
  { id: 'A05', summary: 'λ-involved: λ 600 → 305 ×2, κ 10 (dFLC 590 → 295)', clause: '§4 dFLC = involved − uninvolved; PR', events: [LINE, ...fill(S, 0.2, 3), ...fill(U, 50, 3), ...[600, 305, 305].flatMap((l, i) => KL(DATES[i]!, 10, l))], read: cur, expected: 'PR' },
  { id: 'A06', summary: 'serum-measurable (1.5 stable) with dFLC −60%', clause: '§4 dFLC used only if serum & urine unmeasurable → SD', events: [LINE, ...fill(S, 1.5, 3), ...fill(U, 50, 3), ...[500, 200, 200].flatMap((k, i) => KL(DATES[i]!, k, 10))], read: cur, expected: 'SD' },
  { id: 'A07', summary: 'FLC-only with serum 0.4 (detectable, unmeasurable, unchanged), dFLC −50%', clause: '§4 PR by dFLC; §5 serum <1 g/dL unmeasurable', events: [LINE, ...lc([500, 255, 255], 10, 'mg/L', 0.4)], read: cur, expected: 'PR' },
  {
    id: 'A08', summary: 'FLC-only, dFLC −95% ×2, serum & urine 0 by electrophoresis, IFE positive', clause: '§4 VGPR: detectable by IFE but not electrophoresis (IMWG 2016 FLC-only: >90% dFLC)',
    events: [LINE, S(BASE, 0.2), U(BASE, 50), ...KL(BASE, 500, 10), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'positive'), uIFE(d, 'positive'), ...KL(d, 34.5, 10)])], read: cur, expected: 'VGPR',
  },
  {
    id: 'A09', summary: 'FLC-only, dFLC −60% ×2, serum & urine 0 by electrophoresis, IFE positive', clause: '§4 PR by dFLC; FLC-only VGPR needs >90% dFLC (contestable vs literal VGPR clause)',
    events: [LINE, S(BASE, 0.2), U(BASE, 50), ...KL(BASE, 500, 10), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'positive'), uIFE(d, 'positive'), ...KL(d, 206, 10)])], read: cur, expected: 'PR',
  },
  {
    id: 'A10', summary: 'FLC-only: IFE neg ×2, marrow 2%, ratio normalised (κ15/λ12)', clause: '§4 CR (+ normal FLC ratio for FLC-only disease, clinical-core)',
    events: [LINE, S(BASE, 0.2), U(BASE, 50), ...KL(BASE, 500, 10), BM('2025-02-15', 2), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative'), ...KL(d, 15, 12)])], read: cur, expected: 'CR',
  },
  {
    id: 'A11', summary: 'FLC-only: IFE neg ×2, marrow 2%, ratio still abnormal (κ40/λ12), dFLC −94%', clause: '§4 FLC-only CR needs normal ratio → not CR; VGPR (>90% dFLC)',
    events: [LINE, S(BASE, 0.2), U(BASE, 50), ...KL(BASE, 500, 10), BM('2025-02-15', 2), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative'), ...KL(d, 40, 12)])], read: cur, expected: 'VGPR',
  },
  { id: 'A12', summary: 'FLC-only dFLC nadir 300 ×2 → 401 ×2 (+101, +34%)', clause: '§4 PD dFLC ≥25% and >10 mg/dL', events: [LINE, ...lc([600, 310, 310, 411, 411])], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'A13', summary: 'FLC-only dFLC nadir 300 → 400 ×2 (+100 exactly)', clause: '§4 PD dFLC absolute >100 mg/L strict', events: [LINE, ...lc([600, 310, 310, 410, 410])], read: bio, expected: 'none' },
  { id: 'A14', summary: 'FLC-only dFLC nadir 500 → 625 ×2 (+25% exactly, +125)', clause: '§4 PD ≥25% from nadir', events: [LINE, ...lc([600, 510, 510, 635, 635])], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'A15', summary: 'FLC-only dFLC nadir 500 → 620 ×2 (+24%, +120)', clause: '§4 PD needs ≥25%', events: [LINE, ...lc([600, 510, 510, 630, 630])], read: bio, expected: 'none' },
  { id: 'A16', summary: 'FLC in mg/dL: dFLC 30 → 40 mg/dL ×2 (+10 mg/dL exactly)', clause: '§4 PD dFLC >10 mg/dL strict; units', events: [LINE, ...lc([60, 31, 31, 41, 41], 1, 'mg/dL')], read: bio, expected: 'none' },
  { id: 'A17', summary: 'FLC in mg/dL: dFLC 30 → 40.1 mg/dL ×2', clause: '§4 PD dFLC >10 mg/dL; units', events: [LINE, ...lc([60, 31, 31, 41.1, 41.1], 1, 'mg/dL')], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'A18', summary: 'FLC-only dFLC rise once (unconfirmed)', clause: '§4 two consecutive assessments', events: [LINE, ...lc([600, 310, 310, 500])], read: bio, expected: 'none' },
  { id: 'A19', summary: 'serum-measurable (1.5 stable), κ 500 → 800 ×2', clause: '§4 dFLC PD only if serum & urine unmeasurable', events: [LINE, ...fill(S, 1.5, 5), ...fill(U, 50, 5), ...[500, 500, 500, 800, 800].flatMap((k, i) => KL(DATES[i]!, k, 10))], read: bio, expected: 'none' },
  { id: 'A20', summary: 'FLC-only, serum 0.3 → 0.8 ×2 (FLC stable)', clause: '§4 PD serum ≥25% and ≥0.5 g/dL', events: [LINE, ...ser(S, [0.3, 0.3, 0.3, 0.8, 0.8]), ...fill(U, 50, 5), ...DATES.slice(0, 5).flatMap((d) => KL(d, 500, 10))], read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'A21', summary: 'FLC-only, dFLC −50% at one assessment only (latest)', clause: '§4 two consecutive → PR unconfirmed', events: [LINE, ...lc([500, 480, 255])], read: (p) => `${curL(p)} atLeastPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'PR' }, p)}`, expected: 'SD latest=PR atLeastPR=UNKNOWN' },

  // ---------- B. urine-only measurable disease ----------
  { id: 'B01', summary: 'urine-only 800 → 150 ×2 (<200), serum 0', clause: '§4 PR urine ≥90% or <200', events: [LINE, ...su([0, 0, 0], [800, 150, 150])], read: cur, expected: 'PR' },
  { id: 'B02', summary: 'urine-only 800 → 400 ×2 (−50%)', clause: '§4 MR urine 50–89%', events: [LINE, ...su([0, 0, 0], [800, 400, 400])], read: cur, expected: 'MR' },
  { id: 'B03', summary: 'urine-only 800 → 404 ×2 (−49.5%)', clause: '§4 MR needs ≥50% urine → SD', events: [LINE, ...su([0, 0, 0], [800, 404, 404])], read: cur, expected: 'SD' },
  { id: 'B04', summary: 'urine-only 800 → 200 ×2 (−75%, not <200)', clause: '§4 PR needs <200 or ≥90% → MR', events: [LINE, ...su([0, 0, 0], [800, 200, 200])], read: cur, expected: 'MR' },
  { id: 'B05', summary: 'urine-only 800 → 199 ×2', clause: '§4 PR urine <200', events: [LINE, ...su([0, 0, 0], [800, 199, 199])], read: cur, expected: 'PR' },
  { id: 'B06', summary: 'urine-only 2000 → 200 ×2 (−90% exactly)', clause: '§4 PR urine ≥90%', events: [LINE, ...su([0, 0, 0], [2000, 200, 200])], read: cur, expected: 'PR' },
  { id: 'B07', summary: 'urine-only 2000 → 210 ×2 (−89.5%)', clause: '§4 MR 50–89% urine', events: [LINE, ...su([0, 0, 0], [2000, 210, 210])], read: cur, expected: 'MR' },
  { id: 'B08', summary: 'urine-only 800 → 99 ×2', clause: '§4 VGPR urine <100 mg/24h', events: [LINE, ...su([0, 0, 0], [800, 99, 99])], read: cur, expected: 'VGPR' },
  { id: 'B09', summary: 'urine-only 800 → 100 ×2', clause: '§4 VGPR needs urine <100 → PR', events: [LINE, ...su([0, 0, 0], [800, 100, 100])], read: cur, expected: 'PR' },
  { id: 'B10', summary: 'urine-only 800 → 150 ×2, serum 0.3 unchanged (unmeasurable)', clause: '§4/§5 serum criterion only for measurable serum → PR', events: [LINE, ...su([0.3, 0.3, 0.3], [800, 150, 150])], read: cur, expected: 'PR' },
  { id: 'B11', summary: 'urine 1000 → 500 ×2 → 700 ×2', clause: '§4 PD urine ≥25% and ≥200 mg', events: [LINE, ...su([0, 0, 0, 0, 0], [1000, 500, 500, 700, 700])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'B12', summary: 'urine 1000 → 500 ×2 → 699 ×2', clause: '§4 PD urine needs +200', events: [LINE, ...su([0, 0, 0, 0, 0], [1000, 500, 500, 699, 699])], read: bio, expected: 'none' },
  { id: 'B13', summary: 'urine 1000 → 1240 ×2 (no response; +24%)', clause: '§4 PD needs ≥25% (nadir = baseline)', events: [LINE, ...su([0, 0, 0], [1000, 1240, 1240])], read: bio, expected: 'none' },
  { id: 'B14', summary: 'urine 1000 → 1250 ×2 (+25% exactly)', clause: '§4 PD urine ≥25% and ≥200', events: [LINE, ...su([0, 0, 0], [1000, 1250, 1250])], read: bio, expected: 'urine-m-protein@2025-02-01' },
  { id: 'B15', summary: 'urine 1000 → 500 ×2 → 800 once', clause: '§4 two consecutive', events: [LINE, ...su([0, 0, 0, 0], [1000, 500, 500, 800])], read: bio, expected: 'none' },
  { id: 'B16', summary: 'urine-only 800 → 300 ×2 (−62.5%) then 150 once', clause: '§4 PR unconfirmed; MR confirmed', events: [LINE, ...su([0, 0, 0, 0], [800, 300, 300, 150])], read: (p) => `${curL(p)} best=${p.disease.bestResponse} awaiting=${p.disease.response?.awaitingConfirmation}`, expected: 'MR latest=PR best=MR awaiting=PR' },

  // ---------- C. serum and urine both measurable ----------
  { id: 'C01', summary: 'serum 2.0→0.8 (−60%), urine 500→250 (−50%)', clause: '§4 PR needs urine ≥90%/<200; lowest across parameters → MR', events: [LINE, ...su([2.0, 0.8, 0.8], [500, 250, 250])], read: cur, expected: 'MR' },
  { id: 'C02', summary: 'serum −50% exactly, urine 500→199', clause: '§4 PR both met', events: [LINE, ...su([2.0, 1.0, 1.0], [500, 199, 199])], read: cur, expected: 'PR' },
  { id: 'C03', summary: 'serum −95%, urine 500→150', clause: '§4 VGPR needs urine <100 → PR', events: [LINE, ...su([2.0, 0.1, 0.1], [500, 150, 150])], read: cur, expected: 'PR' },
  { id: 'C04', summary: 'serum −95%, urine 500→99', clause: '§4 VGPR', events: [LINE, ...su([2.0, 0.1, 0.1], [500, 99, 99])], read: cur, expected: 'VGPR' },
  { id: 'C05', summary: 'serum −30%, urine −95%', clause: '§4 lowest category → MR', events: [LINE, ...su([2.0, 1.4, 1.4], [500, 25, 25])], read: cur, expected: 'MR' },
  { id: 'C06', summary: 'serum unchanged, urine −95%', clause: '§4 each must meet → SD', events: [LINE, ...su([2.0, 2.0, 2.0], [500, 25, 25])], read: cur, expected: 'SD' },
  { id: 'C07', summary: 'serum −60%, urine −40%', clause: '§4 MR needs urine 50–89% → SD', events: [LINE, ...su([2.0, 0.8, 0.8], [500, 300, 300])], read: cur, expected: 'SD' },
  { id: 'C08', summary: 'serum −90% exactly (2.0→0.2), urine 500→99', clause: '§4 VGPR ≥90% + urine <100', events: [LINE, ...su([2.0, 0.2, 0.2], [500, 99, 99])], read: cur, expected: 'VGPR' },
  { id: 'C09', summary: 'serum −50%, urine 3000→310 (−89.7%, ≥200)', clause: '§4 PR urine neither ≥90% nor <200 → MR', events: [LINE, ...su([2.0, 1.0, 1.0], [3000, 310, 310])], read: cur, expected: 'MR' },
  { id: 'C10', summary: 'serum −50%, urine 3000→300 (−90% exactly)', clause: '§4 PR urine ≥90%', events: [LINE, ...su([2.0, 1.0, 1.0], [3000, 300, 300])], read: cur, expected: 'PR' },
  { id: 'C11', summary: 'serum falling, urine 500→300 ×2 → 500 ×2', clause: '§4 PD by urine (≥25%, +200) while serum responds', events: [LINE, ...su([2.0, 1.0, 1.0, 0.9, 0.9], [500, 300, 300, 500, 500])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'C12', summary: 'serum falling, urine 300 ×2 → 499 ×2', clause: '§4 PD urine needs +200', events: [LINE, ...su([2.0, 1.0, 1.0, 0.9, 0.9], [500, 300, 300, 499, 499])], read: bio, expected: 'none' },
  { id: 'C13', summary: 'serum −25% exactly (2.0→1.5), urine 500→250 (−50% exactly)', clause: '§4 MR 25–49% serum and 50–89% urine', events: [LINE, ...su([2.0, 1.5, 1.5], [500, 250, 250])], read: cur, expected: 'MR' },

  // ---------- D. marrow-only (non-secretory) ----------
  { id: 'D01', summary: 'non-secretory, marrow 40% → 20%', clause: '§4 PR marrow ≥50% reduction, baseline ≥30%', events: [LINE, ...nonsec(4), BM('2024-12-10', 40), BM(D[1], 20)], read: cur, expected: 'PR' },
  { id: 'D02', summary: 'non-secretory, marrow 40% → 21%', clause: '§4 PR marrow needs ≥50%', events: [LINE, ...nonsec(4), BM('2024-12-10', 40), BM(D[1], 21)], read: cur, expected: 'SD' },
  { id: 'D03', summary: 'non-secretory, marrow 30% (exact) → 15%', clause: '§4 PR marrow, baseline ≥30%', events: [LINE, ...nonsec(4), BM('2024-12-10', 30), BM(D[1], 15)], read: cur, expected: 'PR' },
  { id: 'D04', summary: 'non-secretory, marrow 29% → 10%', clause: '§4 baseline <30% → no marrow PR (no measurable parameter: no computed response; case fixed from SD)', events: [LINE, ...nonsec(4), BM('2024-12-10', 29), BM(D[1], 10)], read: cur, expected: 'none' },
  { id: 'D05', summary: 'non-secretory, marrow 40 → 20, 20 → 30', clause: '§4 PD marrow ≥25% and +10 points', events: [LINE, ...nonsec(5), BM('2024-12-10', 40), BM(D[0], 20), BM(D[1], 20), BM(D[2], 30)], read: bio, expected: 'marrow-plasma-cells@2025-04-01' },
  { id: 'D06', summary: 'non-secretory, marrow 40 → 20, 20 → 29', clause: '§4 PD marrow needs +10 points', events: [LINE, ...nonsec(5), BM('2024-12-10', 40), BM(D[0], 20), BM(D[1], 20), BM(D[2], 29)], read: bio, expected: 'none' },
  { id: 'D07', summary: 'non-secretory, marrow 50 → 48, 48 → 60 (+12, +25%)', clause: '§4 PD marrow', events: [LINE, ...nonsec(5), BM('2024-12-10', 50), BM(D[0], 48), BM(D[1], 48), BM(D[2], 60)], read: bio, expected: 'marrow-plasma-cells@2025-04-01' },
  { id: 'D08', summary: 'non-secretory, marrow 50 ×3 → 60 (+10, +20%)', clause: '§4 PD needs ≥25% too', events: [LINE, ...nonsec(5), BM('2024-12-10', 50), BM(D[0], 50), BM(D[1], 50), BM(D[2], 60)], read: bio, expected: 'none' },
  { id: 'D09', summary: 'non-secretory, marrow 40 → 20 (single) → 30', clause: '§4 marrow needs no confirmation: nadir 20 → PD', events: [LINE, ...nonsec(5), BM('2024-12-10', 40), BM(D[0], 20), BM(D[2], 30)], read: bio, expected: 'marrow-plasma-cells@2025-04-01' },
  { id: 'D10', summary: 'FLC-measurable patient, marrow 20 → 40', clause: '§4 marrow PD only if FLC unmeasurable too', events: [LINE, ...lc([500, 500, 500, 500]), BM('2024-12-10', 20), BM(D[2], 40)], read: bio, expected: 'none' },
  { id: 'D11', summary: 'non-secretory pattern measurable flags', clause: '§5 non-secretory: negative serum/urine, normal ratio', events: [LINE, ...nonsec(6), BM('2024-12-10', 40)], read: (p) => `${meas(p)} any=${+p.disease.measurable.any}`, expected: 's0u0f0 any=0' },

  // ---------- E. circulating plasma cells (only measure) ----------
  { id: 'E01', summary: 'non-secretory, CPC 0.4 → 0.6 ×2 (×10⁹/L)', clause: '§4 PD CPC ≥50% (min 200/µL)', events: [LINE, ...nonsec(3), ...ser(CPC, [0.4, 0.6, 0.6])], read: bio, expected: 'circulating-plasma-cells@2025-02-01' },
  { id: 'E02', summary: 'non-secretory, CPC 0.4 → 0.59 ×2', clause: '§4 PD CPC needs ≥50%', events: [LINE, ...nonsec(3), ...ser(CPC, [0.4, 0.59, 0.59])], read: bio, expected: 'none' },
  { id: 'E03', summary: 'non-secretory, CPC 400 → 600 cells/µL ×2', clause: '§4 PD CPC; units', events: [LINE, ...nonsec(3), ...ser((d, v) => CPC(d, v, 'cells/µL'), [400, 600, 600])], read: bio, expected: 'circulating-plasma-cells@2025-02-01' },
  { id: 'E04', summary: 'non-secretory, CPC 0.4 → 0.6 once', clause: '§4 confirmation', events: [LINE, ...nonsec(3), ...ser(CPC, [0.4, 0.4, 0.6])], read: bio, expected: 'none' },
  { id: 'E05', summary: 'non-secretory, CPC 0.1 → 0.25 ×2 (+150%, +150/µL, level ≥200)', clause: '§4 "min 200 cells/µL" (read as increase) — contestable', events: [LINE, ...nonsec(3), ...ser(CPC, [0.1, 0.25, 0.25])], read: bio, expected: 'none' },
  { id: 'E06', summary: 'FLC-measurable, CPC 0.4 → 0.8 ×2', clause: '§4 CPC PD only if the only measure', events: [LINE, ...lc([500, 500, 500]), ...ser(CPC, [0.4, 0.8, 0.8])], read: (p) => p.disease.progressions.some((x) => x.source === 'circulating-plasma-cells'), expected: false },

  // ---------- F. plasmacytomas ----------
  ...(() => {
    const base = scan('2024-12-20', [L('L1', 40, 25, 25), L('L2', 20, 20, 20)]); // SPD 1400
    const sq = (serum: number[], urine = 50) => su(serum, Array(serum.length).fill(urine));
    return [
      { id: 'F01', summary: 'serum −60%, SPD 1400 → 700 (−50% exactly)', clause: '§4 PR plasmacytomas ≥50% SPD', events: [LINE, base, ...sq([2.0, 0.8, 0.8]), scan('2025-02-15', [L('L1', 30, 15, 15), L('L2', 10, 25, 10)])], read: cur, expected: 'PR' },
      { id: 'F02', summary: 'serum −60%, SPD 1400 → 710', clause: '§4 PR needs ≥50% SPD → SD', events: [LINE, base, ...sq([2.0, 0.8, 0.8]), scan('2025-02-15', [L('L1', 30, 15, 15), L('L2', 10, 26, 10)])], read: cur, expected: 'SD' },
      { id: 'F03', summary: 'serum −30%, SPD −50%', clause: '§4 MR + plasmacytomas ≥50% SPD', events: [LINE, base, ...sq([2.0, 1.4, 1.4]), scan('2025-02-15', [L('L1', 30, 15, 15), L('L2', 10, 25, 10)])], read: cur, expected: 'MR' },
      { id: 'F04', summary: 'serum −30%, SPD −40% (840)', clause: '§4 MR requires ≥50% SPD → SD', events: [LINE, base, ...sq([2.0, 1.4, 1.4]), scan('2025-02-15', [L('L1', 30, 20, 20), L('L2', 12, 20, 12)])], read: cur, expected: 'SD' },
      { id: 'F05', summary: 'serum −95% (urine 50), SPD −60% (lesions remain)', clause: '§4 VGPR (no SPD clause); CR needs disappearance', events: [LINE, base, ...sq([2.0, 0.1, 0.1]), scan('2025-02-15', [L('L1', 20, 20, 20), L('L2', 12, 13.3, 12)])], read: cur, expected: 'VGPR' },
      { id: 'F06', summary: 'CR biochemistry, one plasmacytoma remains (10×10)', clause: '§4 CR requires disappearance of plasmacytomas → VGPR', events: [...crBase([base, scan('2025-02-15', [L('L1', 10, 10, 10), L('L2', 0, 0, 0)])])], read: cur, expected: 'VGPR' },
      { id: 'F07', summary: 'CR biochemistry, both plasmacytomas gone', clause: '§4 CR', events: [...crBase([base, scan('2025-02-15', [L('L1', 0, 0, 0), L('L2', 0, 0, 0)])])], read: cur, expected: 'CR' },
      { id: 'F08', summary: 'serum stable, SPD 1400 → 2100 (+50% exactly), 2 lesions', clause: '§4 PD ≥50% SPD of >1 lesion', events: [LINE, base, ...sq([2.0, 2.0, 2.0]), scan('2025-02-15', [L('L1', 50, 30, 30), L('L2', 30, 20, 20)])], read: bio, expected: 'imaging@2025-02-15' },
      { id: 'F09', summary: 'serum stable, SPD 1400 → 2090', clause: '§4 PD needs ≥50%', events: [LINE, base, ...sq([2.0, 2.0, 2.0]), scan('2025-02-15', [L('L1', 50, 30, 30), L('L2', 29.5, 20, 20)])], read: bio, expected: 'none' },
      { id: 'F10', summary: 'single lesion longest 40 → 60, short axis 12', clause: '§4 PD ≥50% longest diameter, lesion >1 cm short axis', events: [LINE, scan('2024-12-20', [L('L1', 40, 25, 25)]), ...sq([2.0, 2.0, 2.0]), scan('2025-02-15', [L('L1', 60, 12, 12)])], read: bio, expected: 'imaging@2025-02-15' },
      { id: 'F11', summary: 'single lesion longest 40 → 60, short axis 10 (exactly 1 cm)', clause: '§4 needs short axis >1 cm', events: [LINE, scan('2024-12-20', [L('L1', 40, 25, 25)]), ...sq([2.0, 2.0, 2.0]), scan('2025-02-15', [L('L1', 60, 10, 10)])], read: bio, expected: 'none' },
      { id: 'F12', summary: 'new plasmacytoma on follow-up scan', clause: '§4 PD new lesion', events: [LINE, scan('2024-12-20', [L('L1', 40, 25, 25)]), ...sq([2.0, 2.0, 2.0]), scan('2025-02-15', [L('L1', 40, 25, 25), L('L3', 15, 15, 15)])], read: bio, expected: 'imaging@2025-02-15' },
      { id: 'F13', summary: 'SPD 1400 → 700 → 1050 (+50% from nadir)', clause: '§4 PD from nadir SPD', events: [LINE, base, ...sq([2.0, 1.9, 1.9, 1.9]), scan('2025-02-15', [L('L1', 30, 15, 15), L('L2', 10, 25, 10)]), scan('2025-04-15', [L('L1', 30, 25, 25), L('L2', 20, 15, 15)])], read: bio, expected: 'imaging@2025-04-15' },
    ] as Case[];
  })(),

  // ---------- G. confirmation across dose change / hold / new therapy ----------
  {
    id: 'G01', summary: 'lenalidomide 25 mg → 10 mg (dose change) between PR assessments', clause: '§3 step 4 dose change no new line; §4 PR confirmed',
    events: [med('lenalidomide', '2025-01-01', '2025-02-14', { dose: '25 mg' }), med('lenalidomide', '2025-02-15', null, { dose: '10 mg' }), med('dexamethasone', '2025-01-01', null), med('daratumumab', '2025-01-01', null), ...su([2.0, 0.9, 0.9], [50, 50, 50])],
    read: (p) => `${cur(p)} lines=${p.linesOfTherapy.count} best=${p.disease.bestResponse}`, expected: 'PR lines=1 best=PR',
  },
  {
    id: 'G02', summary: 'DRd held 2025-02-11..03-04, PR at 02-01 and 03-01 (in the hold), 04-01', clause: '§3 step 4 hold no new line; §4 confirmation',
    events: [med('DRd', '2025-01-01', '2025-02-10'), med('DRd', '2025-03-05', null), ...su([2.0, 0.9, 0.9, 0.9], [50, 50, 50, 50])],
    read: (p) => `${cur(p)} lines=${p.linesOfTherapy.count} best=${p.disease.bestResponse}`, expected: 'PR lines=1 best=PR',
  },
  ...(() => {
    const l1 = med('DRd', '2024-10-01', '2025-03-10');
    const l2 = med('Pd', '2025-03-11', null);
    const pre = [S('2024-09-20', 2.0), S('2024-11-01', 1.8), S('2024-12-01', 1.8), S('2025-03-01', 0.9), ...['2024-09-20', '2024-11-01', '2024-12-01', '2025-03-01'].map((d) => U(d, 50))];
    return [
      { id: 'G03', summary: 'L1 SD ×2 then PR once; new line starts; second PR-level value the day after', clause: '§4 two consecutive before new therapy → best SD', events: [l1, l2, ...pre, S('2025-03-12', 0.9), U('2025-03-12', 50), S('2025-04-12', 0.9), U('2025-04-12', 50)], read: (p) => `best=${p.disease.bestResponse} lines=${p.linesOfTherapy.count}`, expected: 'best=SD lines=2' },
      { id: 'G04', summary: 'as G03, second sample on new line day 1 (pre-dose)', clause: '§4 + clinical-core: next line first day still confirms → best PR', events: [l1, l2, ...pre, S('2025-03-11', 0.9), U('2025-03-11', 50), S('2025-04-12', 0.9), U('2025-04-12', 50)], read: (p) => `best=${p.disease.bestResponse} lines=${p.linesOfTherapy.count}`, expected: 'best=PR lines=2' },
    ] as Case[];
  })(),
  ...(() => {
    const l1 = med('DRd', '2025-01-01', '2025-04-03');
    const l2 = med('Pd', '2025-04-05', null);
    const pre = [...su([2.0, 1.0, 1.0, 1.6], [50, 50, 50, 50])];
    return [
      { id: 'G05', summary: 'nadir 1.0 ×2, 1.6 once, new line 04-05, 1.6 on 04-10', clause: '§4 PD confirmation before new therapy', events: [l1, l2, ...pre, S('2025-04-10', 1.6), U('2025-04-10', 50)], read: bio, expected: 'none' },
      { id: 'G06', summary: 'as G05, second 1.6 on 04-05 (new line day 1)', clause: '§4 PD confirmed (clinical-core: next line first day)', events: [l1, l2, ...pre, S('2025-04-05', 1.6), U('2025-04-05', 50)], read: bio, expected: 'serum-m-protein@2025-04-01' },
    ] as Case[];
  })(),
  { id: 'G07', summary: 'nadir 1.0 ×2, 1.6 entered twice on 04-01', clause: '§4 two assessments (one day = one)', events: [LINE, ...su([2.0, 1.0, 1.0, 1.6], [50, 50, 50, 50]), S(D[2], 1.6)], read: bio, expected: 'none' },
  { id: 'G08', summary: 'SD ×2 then PR once', clause: '§4 unconfirmed PR', events: [LINE, ...su([2.0, 1.8, 1.8, 0.9], [50, 50, 50, 50])], read: (p) => `${curL(p)} best=${p.disease.bestResponse} atLeastPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'PR' }, p)}`, expected: 'SD latest=PR best=SD atLeastPR=UNKNOWN' },
  { id: 'G09', summary: 'PR ×2 then MR (1.2)', clause: '§4 latest two: lower → MR', events: [LINE, ...su([2.0, 0.9, 0.9, 1.2], [50, 50, 50, 50])], read: (p) => `${cur(p)} best=${p.disease.bestResponse}`, expected: 'MR best=PR' },
  { id: 'G10', summary: 'urine-only VGPR once after PR ×2', clause: '§4 VGPR unconfirmed; PR confirmed', events: [LINE, ...su([0, 0, 0, 0], [800, 150, 150, 50])], read: (p) => `${curL(p)} atLeastVGPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'VGPR' }, p)} atLeastPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'PR' }, p)}`, expected: 'PR latest=VGPR atLeastVGPR=UNKNOWN atLeastPR=MET' },

  // ---------- H. serum PD thresholds (serum-measurable, urine 50) ----------
  ...(() => {
    const sp = (vals: number[]) => [LINE, ...su(vals, Array(vals.length).fill(50))];
    return [
      { id: 'H01', summary: 'nadir 1.0 ×2 → 1.5 ×2', clause: '§4 PD +0.5 and ≥25%', events: sp([2.0, 1.0, 1.0, 1.5, 1.5]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H02', summary: 'nadir 1.0 ×2 → 1.49 ×2', clause: '§4 PD needs +0.5', events: sp([2.0, 1.0, 1.0, 1.49, 1.49]), read: bio, expected: 'none' },
      { id: 'H03', summary: 'nadir 3.0 ×2 → 3.75 ×2 (+25% exactly)', clause: '§4 PD ≥25%', events: sp([4.0, 3.0, 3.0, 3.75, 3.75]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H04', summary: 'nadir 3.0 ×2 → 3.74 ×2', clause: '§4 PD needs ≥25%', events: sp([4.0, 3.0, 3.0, 3.74, 3.74]), read: bio, expected: 'none' },
      { id: 'H05', summary: 'nadir 5.0 ×2 → 6.0 ×2 (+1.0, +20%)', clause: '§4 nadir ≥5 g/dL: +1 g/dL suffices', events: sp([8.0, 5.0, 5.0, 6.0, 6.0]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H06', summary: 'nadir 4.9 ×2 → 5.9 ×2 (+1.0, +20.4%)', clause: '§4 nadir <5: needs 25%', events: sp([8.0, 4.9, 4.9, 5.9, 5.9]), read: bio, expected: 'none' },
      { id: 'H07', summary: 'nadir 5.0 ×2 → 5.99 ×2', clause: '§4 nadir ≥5: needs +1 g/dL', events: sp([8.0, 5.0, 5.0, 5.99, 5.99]), read: bio, expected: 'none' },
      { id: 'H08', summary: 'nadir 0.2 ×2 → 0.7 ×2', clause: '§4 PD +0.5 absolute', events: sp([1.0, 0.2, 0.2, 0.7, 0.7]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H09', summary: 'nadir 0.2 ×2 → 0.69 ×2', clause: '§4 PD needs +0.5', events: sp([1.0, 0.2, 0.2, 0.69, 0.69]), read: bio, expected: 'none' },
      { id: 'H10', summary: 'no response: 2.0 → 2.5 ×2', clause: '§4 nadir = baseline', events: sp([2.0, 2.5, 2.5]), read: bio, expected: 'serum-m-protein@2025-02-01' },
      { id: 'H11', summary: '3.0 → 1.0 (single) → 1.6 ×3', clause: '§4 lowest confirmed value (nadir 1.6) → no PD', events: sp([3.0, 1.0, 1.6, 1.6, 1.6]), read: bio, expected: 'none' },
      { id: 'H12', summary: '3.0 → 1.0, 1.2 (confirmed 1.2) → 1.7 ×2', clause: '§4 lowest confirmed value 1.2 → +0.5 PD', events: sp([3.0, 1.0, 1.2, 1.7, 1.7]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H13', summary: 'serum in g/L: 20 → 10 ×2 → 15 ×2', clause: '§8 units g/L; PD +0.5 g/dL', events: [LINE, ...ser((d, v) => S(d, v, 'g/L'), [20, 10, 10, 15, 15]), ...fill(U, 50, 5)], read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H14', summary: 'baseline 2.0 g/dL, then 10 g/L ×2', clause: '§8 units; PR −50%', events: [LINE, S(BASE, 2.0), S(D[0], 10, 'g/L'), S(D[1], 10, 'g/L'), ...fill(U, 50, 3)], read: cur, expected: 'PR' },
      { id: 'H15', summary: 'nadir 1.8 ×2 → 2.3 ×2 (float 0.5)', clause: '§4 PD +0.5', events: sp([2.0, 1.8, 1.8, 2.3, 2.3]), read: bio, expected: 'serum-m-protein@2025-04-01' },
      { id: 'H16', summary: 'nadir 1.0 ×2 → 1.5 ×2: response reads PD', clause: '§4 PD category', events: sp([2.0, 1.0, 1.0, 1.5, 1.5]), read: (p) => p.disease.response?.category, expected: 'PD' },
    ] as Case[];
  })(),

  // ---------- I. baseline per line ----------
  {
    id: 'I01', summary: 'L1 baseline 4.0, L2 baseline 2.0, L2 values 1.2 ×2', clause: '§4 each line from its own baseline → MR (−40%)',
    events: [med('DRd', '2024-06-01', '2024-12-31'), med('Pd', '2025-01-01', null), ...[['2024-05-20', 4.0], ['2024-09-01', 2.0], ['2024-12-15', 2.0], ['2025-02-01', 1.2], ['2025-03-01', 1.2]].flatMap(([d, v]) => [S(d as string, v as number), U(d as string, 50)])],
    read: (p) => `${cur(p)} line=${p.disease.computedResponse?.line}`, expected: 'MR line=2',
  },
  { id: 'I02', summary: 'value on the line-start day is the baseline (3.0 on 12-15, 2.0 on 01-01), then 1.2 ×2', clause: '§4 baseline = last value on or before start → MR', events: [LINE, S(BASE, 3.0), S('2025-01-01', 2.0), S(D[0], 1.2), S(D[1], 1.2), ...['2025-01-01', ...D.slice(0, 2), BASE].map((d) => U(d, 50))], read: cur, expected: 'MR' },
  {
    id: 'I03', summary: 'L1 PD (nadir 0.5 → 1.2); L2 baseline 1.2 → 1.6 ×2 (+0.4)', clause: '§4 PD in L2 from L2 baseline: none new',
    events: [med('DRd', '2024-06-01', '2024-12-31'), med('Pd', '2025-01-01', null), ...[['2024-05-20', 2.0], ['2024-07-01', 0.5], ['2024-08-01', 0.5], ['2024-10-01', 1.2], ['2024-11-01', 1.2], ['2025-02-01', 1.2], ['2025-03-01', 1.2], ['2025-04-01', 1.6], ['2025-05-01', 1.6]].flatMap(([d, v]) => [S(d as string, v as number), U(d as string, 50)])],
    read: bio, expected: 'serum-m-protein@2024-10-01',
  },
  {
    id: 'I04', summary: 'FLC-only L2 with own baseline dFLC 290 → 145 ×2 (L1 baseline 590)', clause: '§4 dFLC PR from the line\'s baseline',
    events: [med('DRd', '2024-06-01', '2024-12-31'), med('Pd', '2025-01-01', null), ...[['2024-05-20', 600], ['2024-09-01', 300], ['2024-12-15', 300], ['2025-02-01', 155], ['2025-03-01', 155]].flatMap(([d, k]) => [S(d as string, 0.2), U(d as string, 50), ...KL(d as string, k as number, 10)])],
    read: (p) => `${cur(p)} line=${p.disease.computedResponse?.line}`, expected: 'PR line=2',
  },

  // ---------- J. CR / sCR ----------
  { id: 'J01', summary: 'CR + κ16.5/λ10 (1.65) + clonality negative', clause: '§4 sCR normal ratio (0.26–1.65 inclusive)', events: crBase([...KL(D[0], 16.5, 10), ...KL(D[1], 16.5, 10), clonal('2025-02-15', 'negative')]), read: cur, expected: 'sCR' },
  { id: 'J02', summary: 'CR + κ16.6/λ10 (1.66) + clonality negative', clause: '§4 sCR needs normal ratio → CR', events: crBase([...KL(D[0], 16.6, 10), ...KL(D[1], 16.6, 10), clonal('2025-02-15', 'negative')]), read: cur, expected: 'CR' },
  { id: 'J03', summary: 'CR + κ2.6/λ10 (0.26) + clonality negative', clause: '§4 sCR lower bound inclusive', events: crBase([...KL(D[0], 2.6, 10), ...KL(D[1], 2.6, 10), clonal('2025-02-15', 'negative')]), read: cur, expected: 'sCR' },
  { id: 'J04', summary: 'CR + κ2.5/λ10 (0.25) + clonality negative', clause: '§4 ratio abnormal → CR', events: crBase([...KL(D[0], 2.5, 10), ...KL(D[1], 2.5, 10), clonal('2025-02-15', 'negative')]), read: cur, expected: 'CR' },
  { id: 'J05', summary: 'CR + κ 1.5 mg/dL / λ 10 mg/L (ratio 1.5) + clonality negative', clause: '§8 normalize FLC units before the ratio → sCR', events: crBase([...KL(D[0], 1.5, 10, 'mg/dL', 'mg/L'), ...KL(D[1], 1.5, 10, 'mg/dL', 'mg/L'), clonal('2025-02-15', 'negative')]), read: cur, expected: 'sCR' },
  { id: 'J06', summary: 'CR + ratio 1.0 + clonality positive', clause: '§4 sCR needs no clonal PCs → CR', events: crBase([...KL(D[0], 10, 10), ...KL(D[1], 10, 10), clonal('2025-02-15', 'positive')]), read: cur, expected: 'CR' },
  { id: 'J07', summary: 'IFE neg ×2 but marrow 5% exactly', clause: '§4 CR <5% → VGPR', events: crBase([], 5), read: cur, expected: 'VGPR' },
  { id: 'J08', summary: 'IFE neg ×2, marrow 4.9%', clause: '§4 CR', events: crBase([], 4.9), read: cur, expected: 'CR' },
  { id: 'J09', summary: 'CR + reported ratio 1.65 + clonality negative', clause: '§4 sCR', events: crBase([ratio(D[0], 1.65), ratio(D[1], 1.65), clonal('2025-02-15', 'negative')]), read: cur, expected: 'sCR' },
  {
    id: 'J10', summary: 'serum 0 with IFE positive (VGPR) then IFE negative once (CR once)', clause: '§4 CR needs two consecutive → CR unconfirmed',
    events: [LINE, S(BASE, 2.0), U(BASE, 50), S(D[0], 0), U(D[0], 0), sIFE(D[0], 'positive'), uIFE(D[0], 'negative'), S(D[1], 0), U(D[1], 0), sIFE(D[1], 'negative'), uIFE(D[1], 'negative'), BM('2025-02-15', 2)],
    read: (p) => `${curL(p)} atLeastCR=${ruleOutcome({ fact: 'responseAtLeast', category: 'CR' }, p)}`, expected: 'VGPR latest=CR atLeastCR=UNKNOWN',
  },
  { id: 'J11', summary: 'CR confirmed, ratio 1.0 but no marrow clonality on record', clause: '§4 sCR needs marrow IHC: CR (couldBe sCR)', events: crBase([...KL(D[0], 10, 10), ...KL(D[1], 10, 10)]), read: (p) => `${cur(p)} atLeastCR=${ruleOutcome({ fact: 'responseAtLeast', category: 'CR' }, p)}`, expected: 'CR atLeastCR=MET' },

  // ---------- M. measurable disease thresholds (values on 2025-05-20) ----------
  ...(() => {
    const d = D[4];
    const mk = (evs: Ev[]) => [LINE, ...evs];
    const base = (serum: number, urine: number, serumUnit = 'g/dL') => [S(d, serum, serumUnit), U(d, urine)];
    return [
      { id: 'M01', summary: 'serum 1.0 g/dL', clause: '§5 serum ≥1 g/dL', events: mk(base(1.0, 50)), read: meas, expected: 's1u0f0' },
      { id: 'M02', summary: 'serum 0.99 g/dL', clause: '§5 serum <1', events: mk(base(0.99, 50)), read: meas, expected: 's0u0f0' },
      { id: 'M03', summary: 'serum 10 g/L', clause: '§5 ≥10 g/L', events: mk(base(10, 50, 'g/L')), read: meas, expected: 's1u0f0' },
      { id: 'M04', summary: 'urine 200 mg/24h', clause: '§5 urine ≥200', events: mk(base(0.2, 200)), read: meas, expected: 's0u1f0' },
      { id: 'M05', summary: 'urine 199 mg/24h', clause: '§5 urine <200', events: mk(base(0.2, 199)), read: meas, expected: 's0u0f0' },
      { id: 'M06', summary: 'κ 100 / λ 10 mg/L', clause: '§5 involved FLC ≥100 mg/L with abnormal ratio', events: mk([...base(0.2, 50), ...KL(d, 100, 10)]), read: meas, expected: 's0u0f1' },
      { id: 'M07', summary: 'κ 99 / λ 10 mg/L', clause: '§5 involved FLC <100', events: mk([...base(0.2, 50), ...KL(d, 99, 10)]), read: meas, expected: 's0u0f0' },
      { id: 'M08', summary: 'κ 10 mg/dL / λ 1 mg/dL', clause: '§5 ≥10 mg/dL', events: mk([...base(0.2, 50), ...KL(d, 10, 1, 'mg/dL')]), read: meas, expected: 's0u0f1' },
      { id: 'M09', summary: 'κ 165 / λ 100 (ratio 1.65)', clause: '§5 ratio normal (0.26–1.65) → not measurable', events: mk([...base(0.2, 50), ...KL(d, 165, 100)]), read: meas, expected: 's0u0f0' },
      { id: 'M10', summary: 'κ 166 / λ 100 (ratio 1.66)', clause: '§5 ratio abnormal', events: mk([...base(0.2, 50), ...KL(d, 166, 100)]), read: meas, expected: 's0u0f1' },
      { id: 'M11', summary: 'λ 100 / κ 26 (ratio 0.26)', clause: '§5 ratio normal', events: mk([...base(0.2, 50), ...KL(d, 26, 100)]), read: meas, expected: 's0u0f0' },
      { id: 'M12', summary: 'λ 100 / κ 25 (ratio 0.25)', clause: '§5 ratio abnormal, λ involved 100', events: mk([...base(0.2, 50), ...KL(d, 25, 100)]), read: meas, expected: 's0u0f1' },
      { id: 'M13', summary: 'serum 1.0 and κ 500/λ 10', clause: '§5 FLC route only when serum & urine not measurable', events: mk([...base(1.0, 50), ...KL(d, 500, 10)]), read: meas, expected: 's1u0f0' },
      { id: 'M14', summary: 'κ 12 mg/dL / λ 10 mg/L (ratio 12)', clause: '§8 units before the ratio', events: mk([...base(0.2, 50), ...KL(d, 12, 10, 'mg/dL', 'mg/L')]), read: meas, expected: 's0u0f1' },
      { id: 'M15', summary: 'κ 9.9 mg/dL / λ 1 mg/dL', clause: '§5 <10 mg/dL', events: mk([...base(0.2, 50), ...KL(d, 9.9, 1, 'mg/dL')]), read: meas, expected: 's0u0f0' },
      { id: 'M16', summary: 'κ 100 / λ 10 mg/L: measurableDisease rule (defaults)', clause: '§5 FLC route', events: mk([...base(0.2, 50), ...KL(d, 100, 10)]), read: (p) => ruleOutcome({ fact: 'measurableDisease' }, p), expected: 'MET' },
      { id: 'M17', summary: 'urine 200: measurableDisease rule', clause: '§5 urine ≥200', events: mk(base(0.2, 200)), read: (p) => ruleOutcome({ fact: 'measurableDisease' }, p), expected: 'MET' },
    ] as Case[];
  })(),

  // ---------- K. further combinations ----------
  { id: 'K01', summary: 'urine measurable 500 (stable) + FLC κ 500 → 200 ×2', clause: '§4 dFLC only if serum & urine unmeasurable → SD', events: [LINE, ...su([0.2, 0.2, 0.2], [500, 500, 500]), ...[500, 200, 200].flatMap((k, i) => KL(DATES[i]!, k, 10))], read: cur, expected: 'SD' },
  { id: 'K02', summary: 'urine measurable 500 (stable) + κ 500 → 800 ×2', clause: '§4 dFLC PD only if serum & urine unmeasurable', events: [LINE, ...su([0.2, 0.2, 0.2, 0.2, 0.2], [500, 500, 500, 500, 500]), ...[500, 500, 500, 800, 800].flatMap((k, i) => KL(DATES[i]!, k, 10))], read: bio, expected: 'none' },
  {
    id: 'K03', summary: 'FLC-only: IFE neg ×2, marrow 2%, κ15/λ12, clonality negative', clause: '§4 sCR',
    events: [LINE, S(BASE, 0.2), U(BASE, 50), ...KL(BASE, 500, 10), BM('2025-02-15', 2), clonal('2025-02-15', 'negative'), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative'), ...KL(d, 15, 12)])], read: cur, expected: 'sCR',
  },
  { id: 'K04', summary: 'serum 2.0 → 0 ×2 (IFE+) → 0.5 ×2', clause: '§4 PD from nadir 0: +0.5', events: [LINE, ...su([2.0, 0, 0, 0.5, 0.5], [50, 50, 50, 50, 50]), sIFE(D[0], 'positive'), sIFE(D[1], 'positive')], read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'K05', summary: 'serum 2.0 → 0 ×2 (IFE+) → 0.49 ×2', clause: '§4 PD needs +0.5', events: [LINE, ...su([2.0, 0, 0, 0.49, 0.49], [50, 50, 50, 50, 50]), sIFE(D[0], 'positive'), sIFE(D[1], 'positive')], read: bio, expected: 'none' },
  { id: 'K06', summary: 'urine-only 800 → 0 ×2 → 200 ×2', clause: '§4 PD urine +200 from nadir 0', events: [LINE, ...su([0, 0, 0, 0, 0], [800, 0, 0, 200, 200])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'K07', summary: 'urine-only 800 → 0 ×2 → 199 ×2', clause: '§4 PD urine needs +200', events: [LINE, ...su([0, 0, 0, 0, 0], [800, 0, 0, 199, 199])], read: bio, expected: 'none' },
  { id: 'K08', summary: 'plasmacytoma at baseline, serum PR ×2, no scan since line start', clause: '§4 PR needs SPD −50% if present: not yet known → PR unconfirmed, rule UNKNOWN', events: [LINE, scan('2024-12-20', [L('L1', 40, 25, 25)]), ...su([2.0, 0.9, 0.9], [50, 50, 50])], read: (p) => `${cur(p)} atLeastPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'PR' }, p)}`, expected: 'PR? atLeastPR=UNKNOWN' },
  { id: 'K09', summary: 'λ-involved dFLC nadir 300 ×2 → 401 ×2', clause: '§4 PD dFLC (λ involved)', events: [LINE, ...fill(S, 0.2, 5), ...fill(U, 50, 5), ...[600, 310, 310, 411, 411].flatMap((l, i) => KL(DATES[i]!, 10, l))], read: bio, expected: 'dflc@2025-04-01' },
  {
    id: 'K10', summary: 'FLC-only L1 nadir dFLC 100 ×2, rise to 300 once, L2 starts, 300 ×2 in L2', clause: '§4 confirmation before new therapy; L2 measures from its own baseline',
    events: [med('DRd', '2024-06-01', '2024-12-31'), med('Pd', '2025-01-01', null), ...[['2024-05-20', 600], ['2024-07-01', 110], ['2024-08-01', 110], ['2024-12-20', 310], ['2025-02-01', 310], ['2025-03-01', 310]].flatMap(([d, k]) => [S(d as string, 0.2), U(d as string, 50), ...KL(d as string, k as number, 10)])],
    read: bio, expected: 'none',
  },
  { id: 'K11', summary: 'FLC-only κ 500 → 255 ×2 with diagnosis naming κ (IgG-κ? no: light chain only)', clause: '§4 dFLC PR', events: [event('diagnosis', '2024-11-01', { isotype: { heavyChain: null, lightChain: 'kappa' } }), LINE, ...lc([500, 255, 255])], read: cur, expected: 'PR' },
  { id: 'K12', summary: 'urine-only 1000 → 300 (single) → 600 ×2', clause: '§4 lowest confirmed value: nadir 600 → no PD', events: [LINE, ...su([0, 0, 0, 0], [1000, 300, 600, 600])], read: bio, expected: 'none' },
  { id: 'K13', summary: 'urine-only 1000 → 300, 400 (confirmed 400) → 600 ×2', clause: '§4 lowest confirmed 400 → +200, +50% PD', events: [LINE, ...su([0, 0, 0, 0, 0], [1000, 300, 400, 600, 600])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'K14', summary: 'FLC-only dFLC 590 → 100 (single) → 250 ×2', clause: '§4 lowest confirmed value: nadir dFLC 250 → no PD', events: [LINE, ...lc([600, 110, 260, 260, 260])], read: bio, expected: 'none' },
  { id: 'K15', summary: 'urine in g/24h: 0.8 → 0.15 ×2', clause: '§8 urine mass per 24 h; PR <200 mg', events: [LINE, ...fill(S, 0, 3), ...ser((d, v) => U(d, v, 'g/24h'), [0.8, 0.15, 0.15])], read: cur, expected: 'PR' },
  { id: 'K16', summary: 'FLC-only PD with units mixed: nadir κ 310/λ 10 mg/L ×2 → κ 41.1/λ 1 mg/dL ×2', clause: '§4 dFLC +101 mg/L; §8 units', events: [LINE, ...fill(S, 0.2, 5), ...fill(U, 50, 5), ...KL(DATES[0], 600, 10), ...KL(DATES[1], 310, 10), ...KL(DATES[2], 310, 10), ...KL(DATES[3], 41.1, 1, 'mg/dL'), ...KL(DATES[4], 41.1, 1, 'mg/dL')], read: bio, expected: 'dflc@2025-04-01' },
  {
    id: 'K17', summary: 'non-secretory, marrow 40 → 3, serum & urine IFE negative ×2', clause: '§4 CR (negative IFE, <5% marrow)',
    events: [LINE, ...nonsec(3), BM('2024-12-10', 40), BM('2025-02-15', 3), ...[D[0], D[1]].flatMap((d) => [sIFE(d, 'negative'), uIFE(d, 'negative')])], read: cur, expected: 'CR',
  },
  {
    id: 'K18', summary: 'non-secretory, marrow 40 → 3 (one biopsy) with IFE negative ×2: PR at least is achieved', clause: '§4 marrow needs no confirmation (PR by marrow); a deeper result must not demote it',
    events: [LINE, ...nonsec(3), BM('2024-12-10', 40), BM('2025-02-15', 3), ...[D[0], D[1]].flatMap((d) => [sIFE(d, 'negative'), uIFE(d, 'negative')])], read: (p) => `best=${p.disease.bestResponse} atLeastPR=${ruleOutcome({ fact: 'responseAtLeast', category: 'PR' }, p)}`, expected: 'best=CR atLeastPR=MET',
  },
];

describe('resp31 IMWG 2016 response in less common patterns', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = prof(c.events);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
