/**
 * meas31 — measurable disease, secretory status, EMD and PCL (domain.md §5, §4 units, §8), hand-derived before
 * reading the implementation. Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const D = '2025-05-20';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);
const run = (rule: unknown, p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;

const S = (v: number, unit = 'g/dL', d = D, extra: Record<string, unknown> = {}) => lab(d, 'serum m-protein', v, unit, extra);
const U = (v: number, unit = 'mg/24h', d = D) => lab(d, 'urine m-protein', v, unit);
const K = (k: number, l: number, unit = 'mg/L', d = D) => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unit)];
const kOnly = (k: number, unit = 'mg/L', d = D) => lab(d, 'free kappa', k, unit);
const R = (r: number, d = D) => lab(d, 'flc ratio', r, '1');
const sIFE = (r: 'negative' | 'positive', d = D) => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (r: 'negative' | 'positive', d = D) => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (pct: number, d = D) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (r: 'negative' | 'positive', d = D) => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const dx = (heavyChain: string | null, lightChain: string | null, d = '2023-01-01') =>
  event('diagnosis', d, { isotype: { ...(heavyChain ? { heavyChain } : {}), ...(lightChain ? { lightChain } : {}) } });
const img = (d: string, data: Record<string, unknown>) => event('imaging', d, { modality: 'PET-CT', ...data });
const emd = (d: string, present: boolean, type?: string, site?: string) => img(d, { extramedullary: { present, ...(type ? { type } : {}), ...(site ? { site } : {}) } });
const cpc = (pct: number, d = D) => lab(d, 'circulating plasma cells', pct, '%');
const cpcAbs = (v: number, unit = '10*9/L', d = D) => lab(d, 'absolute circulating plasma cells', v, unit);
const cond = (kind: string, status: string, d: string) => event('condition', d, { kind, status });

const M = (p: P) => p.disease.measurable;
const meas = (p: P) => { const m = M(p); return `s${+m.serum}u${+m.urine}f${+m.flcOnly}a${+m.any}`; };

const IMWG = { fact: 'measurableDisease' };
const V05 = { fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10, requireAbnormalFlcRatio: true };
const ISO = { fact: 'measurableDisease', serumMinGdL: 1, serumMinGdLByIsotype: { IgA: 0.5, IgD: 0.5, IgE: 0.5, IgM: 0.5 }, urineMinMg24h: 200, involvedFlcMinMgDl: 10 };
const FLC_ONLY = { fact: 'measurableByFlcOnly' };
const EMD = { fact: 'extramedullaryDisease' };
const EMD_X = { fact: 'extramedullaryDisease', type: 'extramedullary' };
const EMD_P = { fact: 'extramedullaryDisease', type: 'paraskeletal' };
const PCL = { fact: 'plasmaCellLeukemia' };
const PCL_LEGACY_PCT = { fact: 'lab', name: 'circulatingPlasmaCells', op: '>', value: 20, unit: '%' };
const PCL_LEGACY_ABS = { fact: 'lab', name: 'circulatingPlasmaCellsAbsolute', op: '>', value: 2, unit: '10*9/L' };

const trialsDir = path.join(__dirname, '../../../../../data/trials');
const catalogRule = (file: string, id: string): unknown => {
  type Criterion = { id: string; rule: unknown };
  const t = JSON.parse(fs.readFileSync(path.join(trialsDir, file), 'utf8')) as { criteria: Criterion[]; cohorts?: Array<{ criteria?: Criterion[] }> };
  const all = [...t.criteria, ...(t.cohorts ?? []).flatMap((c) => c.criteria ?? [])];
  return all.find((c) => c.id === id)!.rule;
};
const NCT03158688_INC03 = catalogRule('NCT03158688.json', 'inc-03'); // IgG ≥1.0, IgA/IgD/IgE ≥0.5, within 21 days
const NCT05519085_INC04 = catalogRule('NCT05519085.json', 'inc-04'); // sFLC > 100 mg/L
const NCT03275285_EXC02 = catalogRule('NCT03275285.json', 'exc-02'); // FLC measurable disease only (0.5 trial)
const NCT04484623_EXC01 = catalogRule('NCT04484623.json', 'exc-01'); // active PCL, amyloidosis, POEMS
const NCT04246047_INC04 = catalogRule('NCT04246047.json', 'inc-04'); // 0.5 / 200 / 10 mg/dL abnormal ratio

// Non-measurable companions so only the route under test decides.
const lowUrine = U(100);
const normalFlc = K(15, 12); // ratio 1.25
const kappaDx = dx('IgG', 'kappa');

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  // ---------- profile: IMWG measurable disease, serum ----------
  { id: 'M01', clause: '§5 serum ≥1 g/dL', summary: 'serum 1.0 g/dL exactly', events: [kappaDx, S(1.0), lowUrine, ...normalFlc], read: meas, expected: 's1u0f0a1' },
  { id: 'M02', clause: '§5 serum ≥1 g/dL', summary: 'serum 0.99 g/dL', events: [kappaDx, S(0.99), lowUrine, ...normalFlc], read: meas, expected: 's0u0f0a0' },
  { id: 'M03', clause: '§5 ≥10 g/L; §8 units', summary: 'serum 10 g/L exactly', events: [kappaDx, S(10, 'g/L'), lowUrine, ...normalFlc], read: meas, expected: 's1u0f0a1' },
  { id: 'M04', clause: '§5 ≥10 g/L', summary: 'serum 9.9 g/L', events: [kappaDx, S(9.9, 'g/L'), lowUrine, ...normalFlc], read: meas, expected: 's0u0f0a0' },
  { id: 'M05', clause: '§8 units g/L→g/dL', summary: 'serum 12 g/L stored as 1.2 g/dL', events: [kappaDx, S(12, 'g/L')], read: (p) => M(p).values.serumMProtein?.value, expected: 1.2 },
  // ---------- urine ----------
  { id: 'M06', clause: '§5 urine ≥200 mg/24h', summary: 'urine 200 mg/24h exactly', events: [kappaDx, S(0.3), U(200), ...normalFlc], read: meas, expected: 's0u1f0a1' },
  { id: 'M07', clause: '§5 urine ≥200 mg/24h', summary: 'urine 199 mg/24h', events: [kappaDx, S(0.3), U(199), ...normalFlc], read: meas, expected: 's0u0f0a0' },
  { id: 'M08', clause: '§5/§8 urine mg/24h; g/24h same quantity', summary: 'urine 0.2 g/24h', events: [kappaDx, S(0.3), U(0.2, 'g/24h'), ...normalFlc], read: meas, expected: 's0u1f0a1' },
  { id: 'M09', clause: '§8 urine in mg/24h only', summary: 'urine m-protein 300 mg/dL (spot concentration) not read', events: [kappaDx, S(0.3), U(300, 'mg/dL'), ...normalFlc], read: (p) => [meas(p), M(p).values.urineMProtein], expected: ['s0u0f0a0', null] },
  { id: 'M10', clause: '§8 spot UPCR not equivalent', summary: 'urine m-protein 900 mg/g (UPCR) not read', events: [kappaDx, S(0.3), U(900, 'mg/g'), ...normalFlc], read: (p) => [meas(p), M(p).values.urineMProtein], expected: ['s0u0f0a0', null] },
  { id: 'M11', clause: '§8 urine 24 h only', summary: 'urine 300 mg/12h not scaled', events: [kappaDx, S(0.3), U(300, 'mg/12h'), ...normalFlc], read: (p) => M(p).values.urineMProtein, expected: null },
  // ---------- FLC ----------
  { id: 'M12', clause: '§5 iFLC ≥10 mg/dL (100 mg/L) + abnormal ratio', summary: 'κ 100 mg/L, λ 10 (ratio 10), serum 0.5, urine 50', events: [kappaDx, S(0.5), U(50), ...K(100, 10)], read: meas, expected: 's0u0f1a1' },
  { id: 'M13', clause: '§5 iFLC ≥100 mg/L', summary: 'κ 99 mg/L, λ 10', events: [kappaDx, S(0.5), U(50), ...K(99, 10)], read: meas, expected: 's0u0f0a0' },
  { id: 'M14', clause: '§4/§8 FLC mg/L = 10×mg/dL', summary: 'κ 10 mg/dL, λ 1 mg/dL', events: [kappaDx, S(0.5), U(50), ...K(10, 1, 'mg/dL')], read: (p) => [meas(p), M(p).values.involvedFlc?.value], expected: ['s0u0f1a1', 100] },
  { id: 'M15', clause: '§5 iFLC ≥10 mg/dL', summary: 'κ 9.9 mg/dL, λ 1 mg/dL', events: [kappaDx, S(0.5), U(50), ...K(9.9, 1, 'mg/dL')], read: meas, expected: 's0u0f0a0' },
  { id: 'M16', clause: '§5 ratio normal 0.26–1.65', summary: 'κ 165, λ 100 (ratio 1.65, normal)', events: [kappaDx, S(0.5), U(50), ...K(165, 100)], read: meas, expected: 's0u0f0a0' },
  { id: 'M17', clause: '§5 ratio normal 0.26–1.65', summary: 'κ 166, λ 100 (ratio 1.66)', events: [kappaDx, S(0.5), U(50), ...K(166, 100)], read: meas, expected: 's0u0f1a1' },
  { id: 'M18', clause: '§5 ratio normal 0.26–1.65', summary: 'λ myeloma: λ 100, κ 26 (ratio 0.26, normal)', events: [dx('IgG', 'lambda'), S(0.5), U(50), ...K(26, 100)], read: meas, expected: 's0u0f0a0' },
  { id: 'M19', clause: '§5 ratio normal 0.26–1.65', summary: 'λ myeloma: λ 100, κ 25 (ratio 0.25)', events: [dx('IgG', 'lambda'), S(0.5), U(50), ...K(25, 100)], read: meas, expected: 's0u0f1a1' },
  { id: 'M20', clause: '§5 ratio 1.65 boundary, unrounded', summary: 'κ 165.1, λ 100 (ratio 1.651)', events: [kappaDx, S(0.5), U(50), ...K(165.1, 100)], read: meas, expected: 's0u0f1a1' },
  { id: 'M21', clause: '§5 FLC only when serum and urine not measurable', summary: 'serum 1.2 and κ 150/λ 10', events: [kappaDx, S(1.2), U(50), ...K(150, 10)], read: meas, expected: 's1u0f0a1' },
  { id: 'M22', clause: '§5 FLC only when serum and urine not measurable', summary: 'urine 250 and κ 150/λ 10', events: [kappaDx, S(0.3), U(250), ...K(150, 10)], read: meas, expected: 's0u1f0a1' },
  { id: 'M23', clause: '§5 involved FLC (diagnosis λ)', summary: 'IgG λ; κ 150 λ 20 (ratio 7.5): involved λ 20 < 100', events: [dx('IgG', 'lambda'), S(0.3), U(50), ...K(150, 20)], read: meas, expected: 's0u0f0a0' },
  { id: 'M24', clause: '§5 abnormal ratio (reported)', summary: 'κ 150 only + reported ratio 10', events: [kappaDx, S(0.3), U(50), kOnly(150), R(10)], read: meas, expected: 's0u0f1a1' },
  { id: 'M25', clause: '§5 abnormal ratio required', summary: 'κ 150 only, no λ, no ratio', events: [kappaDx, S(0.3), U(50), kOnly(150)], read: meas, expected: 's0u0f0a0' },
  { id: 'M26', clause: 'docs: ratio = more recent of reported and pair', summary: 'pair κ150/λ100 (1.5) on 05-01, reported ratio 1.7 on 05-10', events: [kappaDx, S(0.3), U(50), ...K(150, 100, 'mg/L', '2025-05-01'), R(1.7, '2025-05-10')], read: meas, expected: 's0u0f1a1' },
  { id: 'M27', clause: 'docs: ratio = more recent of reported and pair', summary: 'reported 3.0 on 05-01, pair κ150/λ100 (1.5) on 05-10', events: [kappaDx, S(0.3), U(50), R(3.0, '2025-05-01'), ...K(150, 100, 'mg/L', '2025-05-10')], read: meas, expected: 's0u0f0a0' },
  // ---------- light-chain myeloma ----------
  { id: 'M28', clause: '§5 FLC route; light-chain MM', summary: 'LC κ MM: serum 0, urine 150, κ 500 λ 5', events: [dx(null, 'kappa'), S(0), U(150), ...K(500, 5)], read: meas, expected: 's0u0f1a1' },
  { id: 'M29', clause: '§5 urine route in LC MM', summary: 'LC κ MM: serum 0, urine 300, κ 500 λ 5', events: [dx(null, 'kappa'), S(0), U(300), ...K(500, 5)], read: meas, expected: 's0u1f0a1' },
  { id: 'M30', clause: 'docs v10: no light chain at dx → chain of abnormal ratio', summary: 'no dx chain; κ 8, λ 300 (ratio 0.027): involved λ', events: [S(0), U(50), ...K(8, 300)], read: (p) => [meas(p), M(p).values.involvedFlc?.chain], expected: ['s0u0f1a1', 'lambda'] },
  // ---------- which value is current ----------
  { id: 'M31', clause: 'docs currentLabMaxAgeDays 60', summary: 'serum 1.5 on 2025-03-01 (92 days)', events: [kappaDx, S(1.5, 'g/dL', '2025-03-01')], read: (p) => [M(p).serum, M(p).values.serumMProtein], expected: [false, null] },
  { id: 'M32', clause: 'docs currentLabMaxAgeDays 60', summary: 'serum 1.5 exactly 60 days old', events: [kappaDx, S(1.5, 'g/dL', '2025-04-02')], read: (p) => M(p).serum, expected: true },
  { id: 'M33', clause: 'docs currentLabMaxAgeDays 60', summary: 'serum 1.5 61 days old', events: [kappaDx, S(1.5, 'g/dL', '2025-04-01')], read: (p) => M(p).serum, expected: false },
  { id: 'M34', clause: 'docs: latest value', summary: 'serum 1.5 on 05-01, 0.8 on 05-20', events: [kappaDx, S(1.5, 'g/dL', '2025-05-01'), S(0.8)], read: (p) => M(p).serum, expected: false },
  { id: 'M35', clause: 'docs: latest value', summary: 'serum 0.8 on 05-01, 1.2 on 05-20', events: [kappaDx, S(0.8, 'g/dL', '2025-05-01'), S(1.2)], read: (p) => M(p).serum, expected: true },
  { id: 'M36', clause: 'docs: day\'s timed value after untimed', summary: 'untimed 1.2 and 14:00 0.8 same day', events: [kappaDx, S(1.2), event('lab', '2025-05-20T14:00:00Z', { name: 'serum m-protein', value: 0.8, unit: 'g/dL' })], read: (p) => [M(p).serum, M(p).values.serumMProtein?.value], expected: [false, 0.8] },
  { id: 'M37', clause: 'docs v11: negative IFE, no SPEP → M-protein 0', summary: 'serum IFE negative 05-20, no SPEP within 60 d', events: [kappaDx, S(1.5, 'g/dL', '2025-01-01'), sIFE('negative')], read: (p) => [M(p).serum, M(p).values.serumMProtein?.value], expected: [false, 0] },
  // ---------- non-secretory / oligosecretory ----------
  { id: 'N01', clause: '§5 non-secretory: clonal PCs, negative SPEP/UPEP/IFE', summary: 'marrow 30%, serum/urine 0, IFEs negative, FLC normal, no dx heavy chain', events: [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => [M(p).nonSecretoryPattern, M(p).any], expected: [true, false] },
  { id: 'N02', clause: '§5 non-secretory (CR after secretory is not)', summary: 'as N01 but dx IgG κ', events: [kappaDx, BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'N03', clause: '§5 non-secretory needs negative IFE', summary: 'as N01 but serum IFE positive (oligosecretory)', events: [BM(30), S(0), U(0), sIFE('positive'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'N04', clause: '§5 oligosecretory: present, below measurable', summary: 'marrow 30%, serum 0.3 g/dL, urine 0', events: [BM(30), S(0.3), U(0), uIFE('negative'), ...normalFlc], read: (p) => [M(p).nonSecretoryPattern, M(p).any], expected: [false, false] },
  { id: 'N05', clause: '§5 LC disease is not non-secretory', summary: 'marrow 30%, serum/urine 0, IFE neg, κ 150 λ 10', events: [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...K(150, 10)], read: (p) => [M(p).nonSecretoryPattern, M(p).flcOnly], expected: [false, true] },
  { id: 'N06', clause: 'docs: clonal = reported clonal or ≥10% PCs', summary: 'marrow 5%, no clonality, otherwise N01', events: [BM(5), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'N07', clause: 'docs: ≥10% PCs', summary: 'marrow 10% exactly, otherwise N01', events: [BM(10), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: true },
  { id: 'N08', clause: 'docs: clonal reported', summary: 'marrow 6% reported clonal, otherwise N01', events: [BM(6), clonal('positive'), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: true },
  { id: 'N09', clause: 'docs: never above 0', summary: 'serum 0.8 in 2023, now 0, otherwise N01', events: [S(0.8, 'g/dL', '2023-03-01'), BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'N10', clause: '§5 non-secretory: not measurable', summary: 'engine IMWG on N01 patient', events: [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'N11', clause: '§5 variant ≥10% marrow PCs (lab rule)', summary: 'marrow PCs 10% → lab ≥10', events: [BM(10)], read: (p) => run({ fact: 'lab', name: 'marrowPlasmaCells', op: '>=', value: 10, unit: '%' }, p), expected: 'MET' },

  // ---------- engine: measurableDisease IMWG default ----------
  { id: 'E01', clause: '§5 serum ≥1 g/dL', summary: 'IMWG rule, serum 1.0', events: [kappaDx, S(1.0)], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E02', clause: '§5', summary: 'IMWG rule, serum 0.99, urine 100, FLC normal', events: [kappaDx, S(0.99), lowUrine, ...normalFlc], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E03', clause: 'docs measurableDisease unknown when a route could qualify', summary: 'IMWG, serum 0.99, no urine, no FLC', events: [kappaDx, S(0.99)], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E04', clause: 'docs', summary: 'IMWG, urine 100 + FLC normal, no serum', events: [kappaDx, lowUrine, ...normalFlc], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E05', clause: 'docs', summary: 'IMWG, serum 0.3 + urine 100, no FLC', events: [kappaDx, S(0.3), lowUrine], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E06', clause: 'docs: ratio only needed for iFLC ≥ threshold', summary: 'IMWG, serum 0.3, urine 100, κ 50 only', events: [kappaDx, S(0.3), lowUrine, kOnly(50)], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E07', clause: 'docs: ratio missing with iFLC ≥ threshold', summary: 'IMWG, serum 0.3, urine 100, κ 150 only', events: [kappaDx, S(0.3), lowUrine, kOnly(150)], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E08', clause: '§5 urine ≥200', summary: 'IMWG, urine 200 exactly', events: [kappaDx, S(0.3), U(200)], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E09', clause: '§5 urine ≥200', summary: 'IMWG, urine 199, serum 0.3, FLC normal', events: [kappaDx, S(0.3), U(199), ...normalFlc], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E10', clause: '§5 iFLC 10 mg/dL', summary: 'IMWG, serum 0.3, urine 100, κ 100/λ 10', events: [kappaDx, S(0.3), lowUrine, ...K(100, 10)], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E11', clause: '§5 iFLC 10 mg/dL', summary: 'IMWG, serum 0.3, urine 100, κ 10 mg/dL / λ 1 mg/dL', events: [kappaDx, S(0.3), lowUrine, ...K(10, 1, 'mg/dL')], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E12', clause: '§5 ratio 1.65 normal', summary: 'IMWG, serum 0.3, urine 100, κ 165/λ 100', events: [kappaDx, S(0.3), lowUrine, ...K(165, 100)], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E13', clause: '§5 FLC route; either urine result meets', summary: 'IMWG, serum 0.3, no urine, κ 150/λ 10', events: [kappaDx, S(0.3), ...K(150, 10)], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E14', clause: '§5 ≥10 g/L', summary: 'IMWG, serum 10 g/L', events: [kappaDx, S(10, 'g/L')], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E15', clause: '§5', summary: 'IMWG, serum 9.9 g/L, urine 100, FLC normal', events: [kappaDx, S(9.9, 'g/L'), lowUrine, ...normalFlc], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E16', clause: '§8 spot UPCR not 24-h urine', summary: 'IMWG, serum 0.3, urine 900 mg/g (UPCR), FLC normal', events: [kappaDx, S(0.3), U(900, 'mg/g'), ...normalFlc], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E17', clause: '§8 / §5 urine mg/24h', summary: 'IMWG, urine 0.25 g/24h', events: [kappaDx, S(0.3), U(0.25, 'g/24h')], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'E18', clause: 'docs currentLabMaxAgeDays', summary: 'IMWG, only serum 1.5 70 days ago', events: [kappaDx, S(1.5, 'g/dL', '2025-03-23')], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E19', clause: 'docs', summary: 'IMWG, no data', events: [kappaDx], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E20', clause: 'docs v11 negative IFE → 0', summary: 'IMWG, serum IFE negative (no SPEP), urine 100, FLC normal', events: [kappaDx, sIFE('negative'), lowUrine, ...normalFlc], read: (p) => run(IMWG, p), expected: 'NOT_MET' },
  { id: 'E21', clause: 'docs v13 sameTime', summary: 'IMWG, serum 1.2 and 0.8 same untimed day', events: [kappaDx, S(1.2), S(0.8), lowUrine, ...normalFlc], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'E22', clause: 'docs v13 sameTime', summary: '0.5 trial, serum 1.2 and 0.8 same untimed day', events: [kappaDx, S(1.2), S(0.8)], read: (p) => run(V05, p), expected: 'MET' },
  { id: 'E23', clause: 'rule option requireAbnormalFlcRatio false', summary: 'κ 150/λ 100 normal ratio, ratio not required', events: [kappaDx, S(0.3), lowUrine, ...K(150, 100)], read: (p) => run({ ...V05, requireAbnormalFlcRatio: false }, p), expected: 'MET' },
  // ---------- engine: 0.5 g/dL variant ----------
  { id: 'E24', clause: '§5 variant serum ≥0.5', summary: '0.5 rule, serum 0.5 exactly', events: [kappaDx, S(0.5)], read: (p) => run(V05, p), expected: 'MET' },
  { id: 'E25', clause: '§5 variant serum ≥0.5', summary: '0.5 rule, serum 0.49, urine 100, FLC normal', events: [kappaDx, S(0.49), lowUrine, ...normalFlc], read: (p) => run(V05, p), expected: 'NOT_MET' },
  { id: 'E26', clause: '§5 variant + §8 g/L', summary: '0.5 rule, serum 5 g/L', events: [kappaDx, S(5, 'g/L')], read: (p) => run(V05, p), expected: 'MET' },
  { id: 'E27', clause: '§5 variant + §8 g/L', summary: '0.5 rule, serum 4.9 g/L, urine 100, FLC normal', events: [kappaDx, S(4.9, 'g/L'), lowUrine, ...normalFlc], read: (p) => run(V05, p), expected: 'NOT_MET' },
  { id: 'E28', clause: 'catalog NCT04246047 inc-04', summary: 'serum 0.6 g/dL', events: [kappaDx, S(0.6)], read: (p) => run(NCT04246047_INC04, p), expected: 'MET' },
  { id: 'E29', clause: 'catalog NCT04246047 inc-04', summary: 'serum 0.4, urine 199, κ 99/λ 10', events: [kappaDx, S(0.4), U(199), ...K(99, 10)], read: (p) => run(NCT04246047_INC04, p), expected: 'NOT_MET' },
  // ---------- engine: isotype-specific ----------
  { id: 'E30', clause: '§5 IgG ≥1.0', summary: 'ISO rule, IgG κ, serum 0.8, urine 100, FLC normal', events: [kappaDx, S(0.8), lowUrine, ...normalFlc], read: (p) => run(ISO, p), expected: 'NOT_MET' },
  { id: 'E31', clause: '§5 IgG ≥1.0', summary: 'ISO rule, IgG κ, serum 1.0', events: [kappaDx, S(1.0)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E32', clause: '§5 IgA ≥0.5', summary: 'ISO rule, IgA κ, serum 0.5', events: [dx('IgA', 'kappa'), S(0.5)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E33', clause: '§5 IgA ≥0.5', summary: 'ISO rule, IgA κ, serum 0.49, urine 100, FLC normal', events: [dx('IgA', 'kappa'), S(0.49), lowUrine, ...normalFlc], read: (p) => run(ISO, p), expected: 'NOT_MET' },
  { id: 'E34', clause: '§5 IgM ≥0.5 (S16e/g)', summary: 'ISO rule, IgM κ, serum 0.5', events: [dx('IgM', 'kappa'), S(0.5)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E35', clause: '§5 IgD ≥0.5', summary: 'ISO rule, IgD λ, serum 0.6', events: [dx('IgD', 'lambda'), S(0.6)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E36', clause: 'docs: no isotype, between cut-offs', summary: 'ISO rule, no isotype, serum 0.7, urine 100, FLC normal', events: [S(0.7), lowUrine, ...normalFlc], read: (p) => run(ISO, p), expected: 'UNKNOWN' },
  { id: 'E37', clause: 'docs: no isotype, met at the highest', summary: 'ISO rule, no isotype, serum 1.0', events: [S(1.0)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E38', clause: 'docs: no isotype, below lowest', summary: 'ISO rule, no isotype, serum 0.4, urine 100, FLC normal', events: [S(0.4), lowUrine, ...normalFlc], read: (p) => run(ISO, p), expected: 'NOT_MET' },
  { id: 'E39', clause: 'docs: isotype from M-protein lab', summary: 'ISO rule, no dx, serum 0.6 lab isotype IgA', events: [S(0.6, 'g/dL', D, { isotype: 'IgA' })], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E40', clause: 'docs v15: isotype from positive IFE', summary: 'ISO rule, no dx, serum IFE positive IgA + serum 0.6', events: [S(0.6), lab(D, 'serum immunofixation', 1, '', { result: 'positive', isotype: 'IgA' })], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'E41', clause: 'catalog NCT03158688 inc-03 (IgG 1.0)', summary: 'IgG κ serum 0.9, urine 100, FLC normal, 05-20', events: [kappaDx, S(0.9), lowUrine, ...normalFlc], read: (p) => run(NCT03158688_INC03, p), expected: 'NOT_MET' },
  { id: 'E42', clause: 'catalog NCT03158688 inc-03 (IgA 0.5)', summary: 'IgA κ serum 0.5', events: [dx('IgA', 'kappa'), S(0.5)], read: (p) => run(NCT03158688_INC03, p), expected: 'MET' },
  { id: 'E43', clause: 'catalog NCT03158688 inc-03 (within 21 days)', summary: 'IgA serum 0.8 on 2025-05-11 (21 days)', events: [dx('IgA', 'kappa'), S(0.8, 'g/dL', '2025-05-11')], read: (p) => run(NCT03158688_INC03, p), expected: 'MET' },
  { id: 'E44', clause: 'catalog NCT03158688 inc-03 (within 21 days)', summary: 'IgA serum 0.8 on 2025-05-10 (22 days), nothing newer', events: [dx('IgA', 'kappa'), S(0.8, 'g/dL', '2025-05-10')], read: (p) => run(NCT03158688_INC03, p), expected: 'UNKNOWN' },
  { id: 'E45', clause: 'catalog NCT03158688 inc-03 (FLC, abnormal ratio)', summary: 'IgG κ serum 0.3, urine 100, κ 150/λ 100 (normal)', events: [kappaDx, S(0.3), lowUrine, ...K(150, 100)], read: (p) => run(NCT03158688_INC03, p), expected: 'NOT_MET' },
  // ---------- engine: FLC > 100 mg/L and FLC-only ----------
  { id: 'E46', clause: 'catalog NCT05519085 inc-04 (> 100 mg/L)', summary: 'κ 100/λ 10, serum 0.3, urine 100', events: [kappaDx, S(0.3), lowUrine, ...K(100, 10)], read: (p) => run(NCT05519085_INC04, p), expected: 'NOT_MET' },
  { id: 'E47', clause: 'catalog NCT05519085 inc-04 (> 100 mg/L)', summary: 'κ 101/λ 10, serum 0.3, urine 100', events: [kappaDx, S(0.3), lowUrine, ...K(101, 10)], read: (p) => run(NCT05519085_INC04, p), expected: 'MET' },
  { id: 'E48', clause: '§5 FLC only when S/U not measurable', summary: 'measurableByFlcOnly, serum 0.3, urine 100, κ 150/λ 10', events: [kappaDx, S(0.3), lowUrine, ...K(150, 10)], read: (p) => run(FLC_ONLY, p), expected: 'MET' },
  { id: 'E49', clause: '§5 FLC only when S/U not measurable', summary: 'measurableByFlcOnly, serum 1.2, κ 150/λ 10', events: [kappaDx, S(1.2), lowUrine, ...K(150, 10)], read: (p) => run(FLC_ONLY, p), expected: 'NOT_MET' },
  { id: 'E50', clause: 'docs measurableByFlcOnly unknown', summary: 'measurableByFlcOnly, serum 0.3, urine never, κ 150/λ 10', events: [kappaDx, S(0.3), ...K(150, 10)], read: (p) => run(FLC_ONLY, p), expected: 'UNKNOWN' },
  { id: 'E51', clause: 'catalog NCT03275285 exc-02 (FLC-only, 0.5 trial)', summary: 'serum 0.6, urine 100, κ 150/λ 10', events: [kappaDx, S(0.6), lowUrine, ...K(150, 10)], read: (p) => run(NCT03275285_EXC02, p), expected: 'NOT_MET' },
  { id: 'E52', clause: 'catalog NCT03275285 exc-02', summary: 'serum 0.3, urine 100, κ 150/λ 10', events: [kappaDx, S(0.3), lowUrine, ...K(150, 10)], read: (p) => run(NCT03275285_EXC02, p), expected: 'MET' },
  { id: 'E53', clause: 'catalog NCT03275285 exc-02', summary: 'serum 0.3, urine 100, κ 150/λ 100 (normal)', events: [kappaDx, S(0.3), lowUrine, ...K(150, 100)], read: (p) => run(NCT03275285_EXC02, p), expected: 'NOT_MET' },

  // ---------- EMD ----------
  { id: 'X01', clause: '§5 EMD extramedullary type', summary: 'PET-CT EMD present type extramedullary', events: [emd(D, true, 'extramedullary', 'liver')], read: (p) => [run(EMD, p), run(EMD_X, p), run(EMD_P, p)], expected: ['MET', 'MET', 'NOT_MET'] },
  { id: 'X02', clause: '§5 EMD paraskeletal type', summary: 'PET-CT EMD present type paraskeletal', events: [emd(D, true, 'paraskeletal', 'rib')], read: (p) => [run(EMD, p), run(EMD_X, p), run(EMD_P, p)], expected: ['MET', 'NOT_MET', 'MET'] },
  { id: 'X03', clause: '§5 paraskeletal = from bone lesion through cortex', summary: 'type "soft-tissue mass arising from a bone lesion through the cortex"', events: [emd(D, true, 'soft-tissue mass arising from a bone lesion through the cortex')], read: (p) => p.extramedullaryDisease?.type, expected: 'paraskeletal' },
  { id: 'X04', clause: '§5 extramedullary = without bone contact', summary: 'type "soft-tissue mass without bone contact"', events: [emd(D, true, 'soft-tissue mass without bone contact')], read: (p) => p.extramedullaryDisease?.type, expected: 'extramedullary' },
  { id: 'X05', clause: 'docs v10 soft-tissue plasmacytoma names no type', summary: 'type "soft-tissue plasmacytoma"', events: [emd(D, true, 'soft-tissue plasmacytoma')], read: (p) => [p.extramedullaryDisease?.type, run(EMD, p), run(EMD_X, p)], expected: [null, 'MET', 'UNKNOWN'] },
  { id: 'X06', clause: 'docs: no data', summary: 'no imaging', events: [kappaDx], read: (p) => [run(EMD, p), run(EMD_X, p)], expected: ['UNKNOWN', 'UNKNOWN'] },
  { id: 'X07', clause: 'docs', summary: 'imaging EMD present:false', events: [emd(D, false)], read: (p) => [run(EMD, p), run(EMD_X, p)], expected: ['NOT_MET', 'NOT_MET'] },
  { id: 'X08', clause: 'docs latest imaging', summary: 'EMD present 01-10, absent 05-01', events: [emd('2025-01-10', true, 'extramedullary'), emd('2025-05-01', false)], read: (p) => run(EMD, p), expected: 'NOT_MET' },
  { id: 'X09', clause: 'docs latest imaging', summary: 'EMD absent 01-10, present extramedullary 05-01', events: [emd('2025-01-10', false), emd('2025-05-01', true, 'extramedullary')], read: (p) => run(EMD_X, p), expected: 'MET' },
  { id: 'X10', clause: 'docs v12 measured plasmacytoma = EMD present', summary: 'scan with a 30×20 mm plasmacytoma, no EMD field', events: [img(D, { plasmacytomas: [{ lesion: 'A', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] })], read: (p) => [p.extramedullaryDisease?.present, run(EMD, p), run(EMD_X, p)], expected: [true, 'MET', 'UNKNOWN'] },
  { id: 'X11', clause: 'docs: absent if none left', summary: 'plasmacytoma 01-10, scan 05-01 lists none', events: [img('2025-01-10', { plasmacytomas: [{ lesion: 'A', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] }), img('2025-05-01', { plasmacytomas: [] })], read: (p) => run(EMD, p), expected: 'NOT_MET' },
  { id: 'X12', clause: 'docs latest imaging that says', summary: 'EMD present 04-01, later scan saying nothing about EMD', events: [emd('2025-04-01', true, 'paraskeletal'), img('2025-05-15', { newLesions: false })], read: (p) => run(EMD_P, p), expected: 'MET' },
  { id: 'X13', clause: '§5 store type + site + modality', summary: 'profile keeps site and modality', events: [emd(D, true, 'extramedullary', 'liver')], read: (p) => { const e = p.extramedullaryDisease as Record<string, unknown> | null; return [e?.site ?? null, e?.modality ?? null]; }, expected: ['liver', 'PET-CT'] },
  { id: 'X14', clause: '§5 EMD type', summary: 'type "extraosseous plasmacytoma"', events: [emd(D, true, 'extraosseous plasmacytoma')], read: (p) => p.extramedullaryDisease?.type, expected: 'extramedullary' },

  // ---------- PCL ----------
  { id: 'P01', clause: '§5 PCL 2021 ≥5%', summary: 'circulating PCs 5%', events: [cpc(5)], read: (p) => [p.plasmaCellLeukemia?.present, run(PCL, p)], expected: [true, 'MET'] },
  { id: 'P02', clause: '§5 PCL 2021 ≥5%', summary: 'circulating PCs 4.9%', events: [cpc(4.9)], read: (p) => [p.plasmaCellLeukemia?.present, run(PCL, p)], expected: [false, 'NOT_MET'] },
  { id: 'P03', clause: '§5 legacy >20%', summary: 'legacy % rule, CPC 20%', events: [cpc(20)], read: (p) => [run(PCL_LEGACY_PCT, p), run(PCL, p)], expected: ['NOT_MET', 'MET'] },
  { id: 'P04', clause: '§5 legacy >20%', summary: 'legacy % rule, CPC 21%', events: [cpc(21)], read: (p) => run(PCL_LEGACY_PCT, p), expected: 'MET' },
  { id: 'P05', clause: '§5 legacy >2×10^9/L', summary: 'legacy abs rule, 2.0 ×10^9/L', events: [cpcAbs(2.0)], read: (p) => run(PCL_LEGACY_ABS, p), expected: 'NOT_MET' },
  { id: 'P06', clause: '§5 legacy >2×10^9/L', summary: 'legacy abs rule, 2.1 ×10^9/L', events: [cpcAbs(2.1)], read: (p) => run(PCL_LEGACY_ABS, p), expected: 'MET' },
  { id: 'P07', clause: '§5/§8 units /µL', summary: 'legacy abs rule, 2500 cells/µL', events: [cpcAbs(2500, 'cells/µL')], read: (p) => run(PCL_LEGACY_ABS, p), expected: 'MET' },
  { id: 'P08', clause: '§5/§8 units /µL', summary: 'legacy abs rule, 2000 cells/µL', events: [cpcAbs(2000, 'cells/µL')], read: (p) => run(PCL_LEGACY_ABS, p), expected: 'NOT_MET' },
  { id: 'P09', clause: 'docs: reported condition', summary: 'condition plasma-cell-leukemia active', events: [cond('plasma-cell-leukemia', 'active', '2025-05-01')], read: (p) => run(PCL, p), expected: 'MET' },
  { id: 'P10', clause: 'docs: diagnosis naming PCL', summary: 'diagnosis event condition plasma-cell-leukemia', events: [event('diagnosis', '2025-04-01', { condition: 'plasma-cell-leukemia', isotype: { heavyChain: 'IgG', lightChain: 'kappa' } })], read: (p) => run(PCL, p), expected: 'MET' },
  { id: 'P11', clause: 'docs: no data', summary: 'nothing on PCL', events: [kappaDx, S(1.2)], read: (p) => run(PCL, p), expected: 'UNKNOWN' },
  { id: 'P12', clause: 'docs: the more recent', summary: 'CPC 6% on 01-01, 2% on 05-01', events: [cpc(6, '2025-01-01'), cpc(2, '2025-05-01')], read: (p) => run(PCL, p), expected: 'NOT_MET' },
  { id: 'P13', clause: 'docs: the more recent', summary: 'CPC 2% on 01-01, 5% on 05-01', events: [cpc(2, '2025-01-01'), cpc(5, '2025-05-01')], read: (p) => run(PCL, p), expected: 'MET' },
  { id: 'P14', clause: 'docs: condition absent', summary: 'condition plasma-cell-leukemia absent', events: [cond('plasma-cell-leukemia', 'absent', '2025-05-01')], read: (p) => run(PCL, p), expected: 'NOT_MET' },
  { id: 'P15', clause: '§5 PCL 2021 is a % of PB smear', summary: 'only an absolute count 3.0 ×10^9/L, no %', events: [cpcAbs(3.0)], read: (p) => run(PCL, p), expected: 'UNKNOWN' },
  { id: 'P16', clause: 'catalog NCT04484623 exc-01', summary: 'CPC 5% → excluded', events: [cpc(5)], read: (p) => run(NCT04484623_EXC01, p), expected: 'MET' },
  { id: 'P17', clause: 'catalog NCT04484623 exc-01', summary: 'CPC 4%, amyloid & POEMS recorded absent', events: [cpc(4), cond('al-amyloidosis', 'absent', D), cond('poems', 'absent', D)], read: (p) => run(NCT04484623_EXC01, p), expected: 'NOT_MET' },
  { id: 'P18', clause: '§5 PCL 2021 ≥5% with % as fraction boundary', summary: 'CPC 5.0% recorded 2 days after 4% same month', events: [cpc(4, '2025-05-18'), cpc(5.0, D)], read: (p) => p.plasmaCellLeukemia?.present, expected: true },

  // ---------- response/progression thresholds that hinge on measurability and FLC units (§4) ----------
  // FLC-only κ patient: line from 2025-01-01; dFLC measured only while serum and urine are not measurable.
];

// Progression / response cases around measurability (written separately: need a line and a series).
const LINE = med('Pd', '2025-01-01', null);
const base = (serum: number, urine: number, k: number, l: number) => [S(serum, 'g/dL', '2024-12-20'), U(urine, 'mg/24h', '2024-12-20'), ...K(k, l, 'mg/L', '2024-12-20')];
const at = (d: string, serum: number, urine: number, k: number, l: number) => [S(serum, 'g/dL', d), U(urine, 'mg/24h', d), ...K(k, l, 'mg/L', d)];
const cur = (p: P) => p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none';
const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
cases.push(
  { id: 'R01', clause: '§4 PR by dFLC when S/U unmeasurable', summary: 'FLC-only: κ 310/λ 10 (dFLC 300) → 150/10, 150/10 (dFLC 140, −53%)', events: [kappaDx, LINE, ...base(0.3, 50, 310, 10), ...at('2025-02-01', 0.3, 50, 150, 10), ...at('2025-03-01', 0.3, 50, 150, 10)], read: cur, expected: 'PR' },
  { id: 'R02', clause: '§4 dFLC response only when S/U unmeasurable at baseline', summary: 'serum 1.2 measurable, κ falls by 53%, serum unchanged', events: [kappaDx, LINE, ...base(1.2, 50, 310, 10), ...at('2025-02-01', 1.2, 50, 150, 10), ...at('2025-03-01', 1.2, 50, 150, 10)], read: cur, expected: 'SD' },
  { id: 'R03', clause: '§4 PD dFLC abs >10 mg/dL (strict)', summary: 'FLC-only: dFLC nadir 100 (confirmed) → 200, 200 (+100 mg/L = 10 mg/dL exactly)', events: [kappaDx, LINE, ...base(0.3, 50, 310, 10), ...at('2025-02-01', 0.3, 50, 110, 10), ...at('2025-03-01', 0.3, 50, 110, 10), ...at('2025-04-01', 0.3, 50, 210, 10), ...at('2025-05-01', 0.3, 50, 210, 10)], read: bio, expected: 'none' },
  { id: 'R04', clause: '§4 PD dFLC abs >10 mg/dL', summary: 'as R03 but → 211, 211 (+101 mg/L)', events: [kappaDx, LINE, ...base(0.3, 50, 310, 10), ...at('2025-02-01', 0.3, 50, 110, 10), ...at('2025-03-01', 0.3, 50, 110, 10), ...at('2025-04-01', 0.3, 50, 211, 10), ...at('2025-05-01', 0.3, 50, 211, 10)], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'R05', clause: '§4 PD serum ≥0.5 g/dL abs; §8 g/L', summary: 'serum in g/L: 20 → 10,10 (nadir) → 15, 15 (+5 g/L = 0.5 g/dL, +50%)', events: [kappaDx, LINE, S(20, 'g/L', '2024-12-20'), S(10, 'g/L', '2025-02-01'), S(10, 'g/L', '2025-03-01'), S(15, 'g/L', '2025-04-01'), S(15, 'g/L', '2025-05-01')], read: bio, expected: 'serum-m-protein@2025-04-01' },
);


// ---------- second batch: harder boundaries (written before reading the implementation) ----------
const n01 = (extra: Ev[] = []) => [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...normalFlc, ...extra];
cases.push(
  { id: 'B01', clause: '§5 ratio 1.65 normal; §8 mg/dL→mg/L (no FP noise)', summary: 'κ 16.5 mg/dL, λ 10 mg/dL (ratio 1.65)', events: [kappaDx, S(0.3), lowUrine, ...K(16.5, 10, 'mg/dL')], read: (p) => [M(p).flcOnly, run(IMWG, p)], expected: [false, 'NOT_MET'] },
  { id: 'B02', clause: '§5 ratio 0.26 normal; §8 units', summary: 'λ myeloma κ 2.6 mg/dL, λ 10 mg/dL (ratio 0.26)', events: [dx('IgG', 'lambda'), S(0.3), lowUrine, ...K(2.6, 10, 'mg/dL')], read: (p) => [M(p).flcOnly, run(IMWG, p)], expected: [false, 'NOT_MET'] },
  { id: 'B03', clause: '§5 ratio from one day', summary: 'κ 150 on 05-10, λ 10 on 05-20 (no pair of one day), no reported ratio', events: [kappaDx, S(0.3), lowUrine, lab('2025-05-10', 'free kappa', 150, 'mg/L'), lab(D, 'free lambda', 10, 'mg/L')], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'B04', clause: 'docs latest value (FLC)', summary: 'κ150/λ10 on 04-15, κ80/λ10 on 05-20', events: [kappaDx, S(0.3), lowUrine, ...K(150, 10, 'mg/L', '2025-04-15'), ...K(80, 10)], read: (p) => [M(p).flcOnly, run(IMWG, p)], expected: [false, 'NOT_MET'] },
  { id: 'B05', clause: 'docs currentLabMaxAgeDays (FLC)', summary: 'κ150/λ10 only on 2025-03-01, serum 0.3, urine 100 current', events: [kappaDx, S(0.3), lowUrine, ...K(150, 10, 'mg/L', '2025-03-01')], read: (p) => [M(p).flcOnly, run(IMWG, p)], expected: [false, 'UNKNOWN'] },
  { id: 'B06', clause: 'docs currentLabMaxAgeDays (urine)', summary: 'serum 0.3 now, urine 300 on 2025-03-01, FLC normal', events: [kappaDx, S(0.3), U(300, 'mg/24h', '2025-03-01'), ...normalFlc], read: (p) => [M(p).urine, run(IMWG, p)], expected: [false, 'UNKNOWN'] },
  { id: 'B07', clause: 'docs: rule maxAgeDays, latest value', summary: 'NCT03158688: IgA serum 0.8 on 05-05 (27 d), 0.3 on 05-25; urine 100, FLC normal 05-25', events: [dx('IgA', 'kappa'), S(0.8, 'g/dL', '2025-05-05'), S(0.3, 'g/dL', '2025-05-25'), U(100, 'mg/24h', '2025-05-25'), ...K(15, 12, 'mg/L', '2025-05-25')], read: (p) => run(NCT03158688_INC03, p), expected: 'NOT_MET' },
  { id: 'B08', clause: '§5 FLC route; serum never measured', summary: 'urine 100, κ150/λ10, no serum', events: [kappaDx, lowUrine, ...K(150, 10)], read: (p) => [run(IMWG, p), run(FLC_ONLY, p)], expected: ['MET', 'UNKNOWN'] },
  { id: 'B09', clause: 'docs v13 sameTime + FLC route', summary: 'serum 1.2 & 0.8 same day, urine 100, κ150/λ10', events: [kappaDx, S(1.2), S(0.8), lowUrine, ...K(150, 10)], read: (p) => [run(IMWG, p), run(FLC_ONLY, p)], expected: ['MET', 'UNKNOWN'] },
  { id: 'B10', clause: 'docs v13 sameTime (urine)', summary: 'urine 250 & 150 same day, serum 0.3, FLC normal', events: [kappaDx, S(0.3), U(250), U(150), ...normalFlc], read: (p) => run(IMWG, p), expected: 'UNKNOWN' },
  { id: 'B11', clause: '§8 units mg/mL = g/L', summary: '0.5 rule, serum 5 mg/mL', events: [kappaDx, S(5, 'mg/mL')], read: (p) => run(V05, p), expected: 'MET' },
  { id: 'B12', clause: '§8 units mg/dL serum', summary: 'IMWG, serum 1000 mg/dL', events: [kappaDx, S(1000, 'mg/dL')], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'B13', clause: '§8 urine per day = per 24 h', summary: 'IMWG, urine 250 mg/d, serum 0.3', events: [kappaDx, S(0.3), U(250, 'mg/d')], read: (p) => run(IMWG, p), expected: 'MET' },
  { id: 'B14', clause: 'catalog NCT05519085 > 100 mg/L in mg/dL', summary: 'κ 10 mg/dL, λ 1 mg/dL, serum 0.3, urine 100', events: [kappaDx, S(0.3), lowUrine, ...K(10, 1, 'mg/dL')], read: (p) => run(NCT05519085_INC04, p), expected: 'NOT_MET' },
  { id: 'B16', clause: '§5 isotype cut-offs', summary: 'ISO rule, IgG dx, serum 0.7, urine 100, κ150/λ10 (FLC route as serum not measurable for IgG)', events: [kappaDx, S(0.7), lowUrine, ...K(150, 10)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'B17', clause: '§5 non-secretory needs negative IFE', summary: 'N01 without any immunofixation', events: [BM(30), S(0), U(0), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'B18', clause: '§5 non-secretory: with FLC testing', summary: 'N01 without FLC values', events: [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative')], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'B19', clause: '§5 non-secretory vs LC oligosecretory', summary: 'N01 with κ 50/λ 10 (abnormal ratio, iFLC < 100)', events: [BM(30), S(0), U(0), sIFE('negative'), uIFE('negative'), ...K(50, 10)], read: (p) => [M(p).nonSecretoryPattern, M(p).flcOnly], expected: [false, false] },
  { id: 'B20', clause: '§5 non-secretory needs urine', summary: 'serum 0, serum IFE negative, FLC normal, marrow 30%, no urine at all', events: [BM(30), S(0), sIFE('negative'), ...normalFlc], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'B21', clause: '§5 non-secretory: light chain at dx', summary: 'N01 with dx light chain κ only (LC myeloma in CR)', events: [dx(null, 'kappa'), ...n01()], read: (p) => M(p).nonSecretoryPattern, expected: true }, // contestable, taken: a light chain with no heavy chain given may be the marrow's restriction (only heavy chain 'none' names light-chain myeloma)
  { id: 'B22', clause: '§5 non-secretory: past measurable FLC', summary: 'N01 but κ 300/λ 10 in 2024', events: n01(K(300, 10, 'mg/L', '2024-03-01')), read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'P19', clause: 'docs: condition resolved', summary: 'PCL condition resolved', events: [cond('plasma-cell-leukemia', 'resolved', '2025-05-01')], read: (p) => run(PCL, p), expected: 'NOT_MET' },
  { id: 'P20', clause: '§5 PCL ≥5% (decimal)', summary: 'CPC 4.99%', events: [cpc(4.99)], read: (p) => run(PCL, p), expected: 'NOT_MET' },
  { id: 'X15', clause: '§5 paraskeletal spelling', summary: 'type "para-osseous plasmacytoma"', events: [emd(D, true, 'para-osseous plasmacytoma')], read: (p) => p.extramedullaryDisease?.type, expected: 'paraskeletal' },
  { id: 'X16', clause: 'docs: measured plasmacytoma of size 0', summary: 'scan lists lesion A 0×0 mm', events: [img(D, { plasmacytomas: [{ lesion: 'A', longestDiameterMm: 0, perpendicularDiameterMm: 0 }] })], read: (p) => run(EMD, p), expected: 'NOT_MET' },
  { id: 'R06', clause: '§4 PD nadir ≥5 g/dL: +1 g/dL suffices', summary: 'serum 7 → 5,5 → 6,6 (+1.0, +20%)', events: [kappaDx, LINE, S(7, 'g/dL', '2024-12-20'), S(5, 'g/dL', '2025-02-01'), S(5, 'g/dL', '2025-03-01'), S(6, 'g/dL', '2025-04-01'), S(6, 'g/dL', '2025-05-01')], read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'R07', clause: '§4 PD nadir <5 g/dL needs 25%', summary: 'serum 7 → 4.9,4.9 → 5.9,5.9 (+1.0, +20.4%)', events: [kappaDx, LINE, S(7, 'g/dL', '2024-12-20'), S(4.9, 'g/dL', '2025-02-01'), S(4.9, 'g/dL', '2025-03-01'), S(5.9, 'g/dL', '2025-04-01'), S(5.9, 'g/dL', '2025-05-01')], read: bio, expected: 'none' },
  { id: 'R08', clause: '§4 PD nadir ≥5 g/dL in g/L', summary: 'serum 70 g/L → 50,50 → 60,60 g/L', events: [kappaDx, LINE, S(70, 'g/L', '2024-12-20'), S(50, 'g/L', '2025-02-01'), S(50, 'g/L', '2025-03-01'), S(60, 'g/L', '2025-04-01'), S(60, 'g/L', '2025-05-01')], read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'R09', clause: '§4 PD urine ≥25% and ≥200', summary: 'urine 1500 → 800,800 → 1000,1000 (+200, +25%)', events: [kappaDx, LINE, S(0.2, 'g/dL', '2024-12-20'), U(1500, 'mg/24h', '2024-12-20'), U(800, 'mg/24h', '2025-02-01'), U(800, 'mg/24h', '2025-03-01'), U(1000, 'mg/24h', '2025-04-01'), U(1000, 'mg/24h', '2025-05-01')], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'R10', clause: '§4 PD urine ≥200 abs', summary: 'urine 1500 → 700,700 → 880,880 (+180, +25.7%)', events: [kappaDx, LINE, S(0.2, 'g/dL', '2024-12-20'), U(1500, 'mg/24h', '2024-12-20'), U(700, 'mg/24h', '2025-02-01'), U(700, 'mg/24h', '2025-03-01'), U(880, 'mg/24h', '2025-04-01'), U(880, 'mg/24h', '2025-05-01')], read: bio, expected: 'none' },
  { id: 'R11', clause: '§4 dFLC PD only if S/U unmeasurable', summary: 'serum 1.2 steady, κ 50→400,400 (λ 10)', events: [kappaDx, LINE, ...base(1.2, 50, 50, 10), ...at('2025-02-01', 1.2, 50, 50, 10), ...at('2025-03-01', 1.2, 50, 50, 10), ...at('2025-04-01', 1.2, 50, 400, 10), ...at('2025-05-01', 1.2, 50, 400, 10)], read: bio, expected: 'none' },
);

cases.push(
  { id: 'B24', clause: '§5 isotype cut-offs (lab isotype with light chain)', summary: 'ISO rule, no dx, serum 0.6 lab isotype "IgA kappa", urine 100, FLC normal', events: [S(0.6, 'g/dL', D, { isotype: 'IgA kappa' }), lowUrine, ...normalFlc], read: (p) => run(ISO, p), expected: 'MET' },
);

// B15/B23/B25 (heavy chain spelled "IGA"/"iga") were CASE WRONG: the patient-events contract enumerates heavyChain
// as IgG/IgA/IgD/IgE/IgM/none, so those inputs are outside the contract; replaced by valid ones.
cases.push(
  { id: 'B15', clause: '§5 LC myeloma, isotype rule', summary: 'ISO rule, dx heavy chain none + κ, serum 0.3, urine 100, κ500/λ5', events: [dx('none', 'kappa'), S(0.3), lowUrine, ...K(500, 5)], read: (p) => run(ISO, p), expected: 'MET' },
  { id: 'B23', clause: '§5 LC disease is not non-secretory', summary: 'dx heavy chain none + κ (light-chain MM) now in CR: N01 pattern', events: [dx('none', 'kappa'), ...n01()], read: (p) => M(p).nonSecretoryPattern, expected: false },
  { id: 'B25', clause: 'catalog NCT03158688 inc-03 (IgA 0.5), full data', summary: 'IgA κ serum 0.6, urine 100, FLC normal', events: [dx('IgA', 'kappa'), S(0.6), lowUrine, ...normalFlc], read: (p) => run(NCT03158688_INC03, p), expected: 'MET' },
);

describe('meas31: measurable disease, secretory status, EMD, PCL', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      expect(c.read(prof(c.events))).toEqual(c.expected);
    });
  }
});
