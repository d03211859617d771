/**
 * meas37 — measurable disease, secretory status, EMD, PCL (domain.md §5, §4 units, §8 lab units) and the engine leaves
 * that read them. Expectations written from domain.md and docs/clinical-core.md / docs/criteria-language.md before
 * reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const NOW = '2025-05-20';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);
const LINE = med('KPd', '2024-10-01', null);

const S = (v: number, d = NOW, unit = 'g/dL', extra: Record<string, unknown> = {}) => lab(d, 'serum m-protein', v, unit, extra);
const U = (v: number, d = NOW, unit = 'mg/24h') => lab(d, 'urine m-protein', v, unit);
const K = (k: number, l: number, d = NOW, unit = 'mg/L', unitL = unit) => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unitL)];
const RATIO = (r: number, d = NOW) => lab(d, 'flc ratio', r, '1');
const sIFE = (r: 'negative' | 'positive', d = NOW, extra: Record<string, unknown> = {}) => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r, ...extra });
const uIFE = (r: 'negative' | 'positive', d = NOW) => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (pct: number, d = NOW) => lab(d, 'marrow plasma cells', pct, '%');
const CLONAL = (d = NOW) => lab(d, 'marrow clonality', 1, '', { result: 'positive' });
const CPC = (v: number, d = NOW, unit = '%') => lab(d, 'circulating plasma cells', v, unit);
const CPCABS = (v: number, d = NOW, unit = '10*9/L') => lab(d, 'absolute circulating plasma cells', v, unit);
const IMG = (d: string, ext: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => event('imaging', d, { modality: 'PET-CT', ...(ext ? { extramedullary: ext } : {}), ...extra });
const COND = (d: string, kind: string, status: string) => event('condition', d, { kind, status });
const NORMAL_FLC = () => K(15, 12);

const meas = (p: P) => { const m = p.disease.measurable; return `s${+m.serum}u${+m.urine}f${+m.flcOnly}a${+m.any}`; };
const nonsec = (p: P) => p.disease.measurable.nonSecretoryPattern;
const rule = (r: unknown) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const MD = rule({ fact: 'measurableDisease' });
const MD05 = rule({ fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10, requireAbnormalFlcRatio: true });
// NCT03158688 inc-03
const MDISO = rule({ fact: 'measurableDisease', serumMinGdL: 1, serumMinGdLByIsotype: { IgA: 0.5, IgD: 0.5, IgE: 0.5 }, urineMinMg24h: 200, involvedFlcMinMgDl: 10, maxAgeDays: 21 });
// NCT05519085 inc-04 (> 100 mg/L)
const MDGT = rule({ fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10.001, requireAbnormalFlcRatio: true });
const FLCONLY = rule({ fact: 'measurableByFlcOnly' });
// NCT03275285 exc-02 (FLC measurable disease only)
const EXC_FLC = rule({ all: [{ fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10, requireAbnormalFlcRatio: true }, { not: { any: [{ fact: 'lab', name: 'serumMProtein', op: '>=', value: 0.5, unit: 'g/dL' }, { fact: 'lab', name: 'urineMProtein', op: '>=', value: 200, unit: 'mg/24h' }] } }] });
const PCL = rule({ fact: 'plasmaCellLeukemia' });
const EMD = rule({ fact: 'extramedullaryDisease' });
const EMD_X = rule({ fact: 'extramedullaryDisease', type: 'extramedullary' });
const EMD_P = rule({ fact: 'extramedullaryDisease', type: 'paraskeletal' });
const LEGACY_PCT = rule({ fact: 'lab', name: 'circulatingPlasmaCells', op: '>', value: 20, unit: '%' });
const LEGACY_ABS = rule({ fact: 'lab', name: 'circulatingPlasmaCellsAbsolute', op: '>', value: 2, unit: '10*9/L' });
const pclPresent = (p: P) => p.plasmaCellLeukemia?.present ?? null;
const emdOf = (p: P) => (p.extramedullaryDisease ? `${p.extramedullaryDisease.present}/${p.extramedullaryDisease.type}` : 'none');

// A fully non-secretory work-up (§5): clonal marrow, serum and urine 0, both IFE negative, FLC normal.
const NONSEC = (o: { sIfe?: boolean; uIfe?: boolean; marrow?: Ev[] } = {}): Ev[] => [
  ...(o.marrow ?? [BM(30)]), S(0), U(0), ...(o.sIfe === false ? [] : [sIFE('negative')]), ...(o.uIfe === false ? [] : [uIFE('negative')]), ...NORMAL_FLC(),
];

interface Case { id: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const C = (id: string, clause: string, events: Ev[], read: (p: P) => unknown, expected: unknown): Case => ({ id, clause, events: [LINE, ...events], read, expected });

const cases: Case[] = [
  // ---- A: IMWG measurable disease in the profile (§5) ----
  C('A01 serum exactly 1.0 g/dL', '§5 serum ≥1 g/dL', [S(1.0), U(0), ...NORMAL_FLC()], meas, 's1u0f0a1'),
  C('A02 serum 0.99 g/dL', '§5 serum ≥1 g/dL', [S(0.99), U(0), ...NORMAL_FLC()], meas, 's0u0f0a0'),
  C('A03 serum 10 g/L (=1 g/dL)', '§5 ≥10 g/L; §8 units', [S(10, NOW, 'g/L'), U(0), ...NORMAL_FLC()], meas, 's1u0f0a1'),
  C('A04 serum 9.9 g/L', '§5; §8 units', [S(9.9, NOW, 'g/L'), U(0), ...NORMAL_FLC()], meas, 's0u0f0a0'),
  C('A05 serum 1000 mg/dL', '§8 units', [S(1000, NOW, 'mg/dL'), U(0), ...NORMAL_FLC()], meas, 's1u0f0a1'),
  C('A06 urine exactly 200 mg/24h', '§5 urine ≥200', [S(0.2), U(200), ...NORMAL_FLC()], meas, 's0u1f0a1'),
  C('A07 urine 199 mg/24h', '§5 urine ≥200', [S(0.2), U(199), ...NORMAL_FLC()], meas, 's0u0f0a0'),
  C('A08 urine 0.2 g/24h', '§8 units (mg/24h)', [S(0.2), U(0.2, NOW, 'g/24h'), ...NORMAL_FLC()], meas, 's0u1f0a1'),
  C('A09 urine m-protein as spot UPCR mg/g 500: not read', '§8 spot UPCR not equivalent', [S(0.2), U(500, NOW, 'mg/g'), ...NORMAL_FLC()], (p) => [meas(p), p.disease.measurable.values.urineMProtein], ['s0u0f0a0', null]),
  C('A10 urine 150 mg/12h: not scaled to 300', 'clinical-core Labs: other period reported', [S(0.2), U(150, NOW, 'mg/12h'), ...NORMAL_FLC()], (p) => [meas(p), p.disease.measurable.values.urineMProtein], ['s0u0f0a0', null]),
  C('A11 involved κ 100 mg/L, λ 10, ratio 10, serum/urine low', '§5 FLC ≥100 mg/L + abnormal ratio', [S(0.3), U(50), ...K(100, 10)], meas, 's0u0f1a1'),
  C('A12 involved κ 99 mg/L', '§5 FLC ≥100 mg/L', [S(0.3), U(50), ...K(99, 10)], meas, 's0u0f0a0'),
  C('A13 κ 10 mg/dL, λ 1 mg/dL (=100/10 mg/L)', '§5 10 mg/dL; §8 FLC units', [S(0.3), U(50), ...K(10, 1, NOW, 'mg/dL')], meas, 's0u0f1a1'),
  C('A14 κ 10 mg/dL, λ 70 mg/L: ratio 1.43 normal after normalizing', '§8 FLC units (mg/L = 10×mg/dL)', [S(0.3), U(50), ...K(10, 70, NOW, 'mg/dL', 'mg/L')], meas, 's0u0f0a0'),
  C('A15 κ 165, λ 100: ratio exactly 1.65 (normal)', '§5 normal 0.26–1.65', [S(0.3), U(50), ...K(165, 100)], meas, 's0u0f0a0'),
  C('A16 κ 166, λ 100: ratio 1.66 abnormal', '§5 normal 0.26–1.65', [S(0.3), U(50), ...K(166, 100)], meas, 's0u0f1a1'),
  C('A17 λ 100, κ 26: ratio exactly 0.26 (normal)', '§5 normal 0.26–1.65', [S(0.3), U(50), ...K(26, 100)], meas, 's0u0f0a0'),
  C('A18 λ 100, κ 25: ratio 0.25 abnormal, λ involved', '§5', [S(0.3), U(50), ...K(25, 100)], (p) => [meas(p), p.disease.measurable.values.involvedFlc?.chain], ['s0u0f1a1', 'lambda']),
  C('A19 λ 300, κ 78: ratio 0.26 exactly, float', '§5; clinical-core noise-free ratio', [S(0.3), U(50), ...K(78, 300)], meas, 's0u0f0a0'),
  C('A20 κ 49.5, λ 30 ratio 1.65 in mg/dL (4.95/3.0) but κ<100', '§5', [S(0.3), U(50), ...K(4.95, 3.0, NOW, 'mg/dL')], meas, 's0u0f0a0'),
  C('A21 FLC measurable but serum 1.2 measurable: serum route, not FLC', '§5 FLC only when serum & urine not measurable', [S(1.2), U(50), ...K(200, 10)], meas, 's1u0f0a1'),
  C('A22 FLC measurable but urine 250: urine route, not FLC', '§5', [S(0.2), U(250), ...K(200, 10)], meas, 's0u1f0a1'),
  C('A23 involved κ 105, λ 20: involved ≥100 although dFLC 85', '§5 involved FLC (not dFLC)', [S(0.3), U(50), ...K(105, 20)], meas, 's0u0f1a1'),
  C('A24 κ 150 on 05-19, λ 10 on 05-20, no ratio: no pair of one day', 'clinical-core ratio from a pair of one day', [S(0.3), U(50), lab('2025-05-19', 'free kappa', 150, 'mg/L'), lab(NOW, 'free lambda', 10, 'mg/L')], (p) => p.disease.measurable.flcOnly, false),
  C('A25 reported ratio 3.0 with κ 150 alone', '§5 abnormal ratio reported', [S(0.3), U(50), lab(NOW, 'free kappa', 150, 'mg/L'), RATIO(3.0)], meas, 's0u0f1a1'),
  C('A26 pair abnormal on 05-01, reported ratio 1.0 on 05-20 (more recent)', 'clinical-core: more recent of reported ratio and pair', [S(0.3), U(50), ...K(120, 10, '2025-05-01'), RATIO(1.0)], meas, 's0u0f0a0'),
  C('A27 diagnosis IgG kappa; λ 150, κ 10 (ratio 0.07): involved κ=10 not measurable', 'clinical-core involved chain from diagnosis', [diagnosis('2023-01-01', 'IgG', 'kappa'), S(0.3), U(50), ...K(10, 150)], meas, 's0u0f0a0'),
  C('A28 no diagnosis chain; first pair normal κ>λ, current λ 150 κ 20 abnormal', 'clinical-core v11 involved chain = abnormal ratio', [...K(20, 15, '2024-01-10'), S(0.3), U(50), ...K(20, 150)], (p) => [meas(p), p.disease.measurable.values.involvedFlc?.chain], ['s0u0f1a1', 'lambda']),
  // recency / which value is current
  C('A29 serum 1.5 61 days old: not current', 'settings currentLabMaxAgeDays 60', [S(1.5, '2025-04-01'), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, false),
  C('A30 serum 1.5 exactly 60 days old: current', 'settings currentLabMaxAgeDays 60', [S(1.5, '2025-04-02'), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, true),
  C('A31 serum 1.5 then 0.8 later: latest wins', 'clinical-core Labs latest', [S(1.5, '2025-05-01'), S(0.8), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, false),
  C('A32 reverse arrival order of A31', 'clinical-core arrival order never matters', [S(0.8), S(1.5, '2025-05-01'), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, false),
  C('A33 untimed 0.8 and timed 1.2 same day: timed is later', 'clinical-core untimed before timed', [S(1.2, '2025-05-20T10:00:00Z'), S(0.8), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, true),
  C('A34 1.5 at 05-20T23:30-05:00 then 0.8 untimed 05-21', 'clinical-core day written in record', [S(1.5, '2025-05-20T23:30:00-05:00'), S(0.8, '2025-05-21'), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, false),
  C('A35 old electrophoresis 1.5 (78 d) + serum IFE negative now: 0, not measurable', 'clinical-core v11 negative IFE = 0', [S(1.5, '2025-03-15'), sIFE('negative'), U(0), ...NORMAL_FLC()], (p) => [p.disease.measurable.serum, p.disease.measurable.values.serumMProtein?.value], [false, 0]),
  // A36 corrected after run (CASE WRONG): clinical-core v9 'a negative immunofixation on a day without electrophoresis is an M-protein of 0' makes 05-20 the latest value, 0.
  C('A36 electrophoresis 1.2 on 05-01 + later negative IFE alone on 05-20: IFE day is M-protein 0', 'clinical-core v9', [S(1.2, '2025-05-01'), sIFE('negative'), U(0), ...NORMAL_FLC()], (p) => p.disease.measurable.serum, false),
  C('A37 urine 300 70 days old, serum 0.3 now', 'currentLabMaxAgeDays', [S(0.3), U(300, '2025-03-23'), ...NORMAL_FLC()], (p) => p.disease.measurable.urine, false),
  C('A38 lab after as-of ignored', 'clinical-core later events ignored', [S(0.3), U(0), ...NORMAL_FLC(), S(2.0, '2025-06-05')], (p) => p.disease.measurable.serum, false),

  // ---- E: engine measurableDisease / measurableByFlcOnly ----
  C('E01 default: serum 1.0', 'crit-lang measurableDisease IMWG default', [S(1.0), U(0), ...NORMAL_FLC()], MD, 'MET'),
  C('E02 default: serum 0.99, urine 0, FLC normal', 'crit-lang', [S(0.99), U(0), ...NORMAL_FLC()], MD, 'NOT_MET'),
  C('E03 default: serum 0.99, no urine, FLC normal', 'crit-lang unknown: route unmeasured', [S(0.99), ...NORMAL_FLC()], MD, 'UNKNOWN'),
  C('E04 default: serum 0.99 urine 199 no FLC', 'crit-lang unknown: FLC unmeasured', [S(0.99), U(199)], MD, 'UNKNOWN'),
  C('E05 0.5 variant: serum exactly 0.5', '§5 trial variant ≥0.5', [S(0.5), U(0), ...NORMAL_FLC()], MD05, 'MET'),
  C('E06 0.5 variant: serum 0.49', '§5', [S(0.49), U(0), ...NORMAL_FLC()], MD05, 'NOT_MET'),
  C('E07 0.5 variant: serum 5 g/L', '§5; §8 units', [S(5, NOW, 'g/L'), U(0), ...NORMAL_FLC()], MD05, 'MET'),
  C('E08 0.5 variant: serum 4.9 g/L', '§5; §8 units', [S(4.9, NOW, 'g/L'), U(0), ...NORMAL_FLC()], MD05, 'NOT_MET'),
  C('E09 isotype IgA (diagnosis), serum 0.6', '§5 isotype cut-offs (NCT03158688)', [diagnosis('2023-01-01', 'IgA', 'kappa'), S(0.6), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E10 isotype IgG (diagnosis), serum 0.6', '§5 IgG 1.0', [diagnosis('2023-01-01', 'IgG', 'kappa'), S(0.6), U(0), ...NORMAL_FLC()], MDISO, 'NOT_MET'),
  C('E11 isotype IgG, serum exactly 1.0', '§5 IgG ≥1.0', [diagnosis('2023-01-01', 'IgG', 'kappa'), S(1.0), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E12 no isotype on record, serum 0.6', 'crit-lang: meets lowest, not highest → unknown', [S(0.6), U(0), ...NORMAL_FLC()], MDISO, 'UNKNOWN'),
  C('E13 no isotype, serum 1.0', 'crit-lang: met at the highest', [S(1.0), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E14 isotype from M-protein lab isotype IgA, serum 0.6', 'clinical-core isotype from lab', [S(0.6, NOW, 'g/dL', { isotype: 'IgA' }), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E15 isotype from positive serum IFE IgA, serum 0.6', 'clinical-core v15 IFE isotype', [S(0.6), sIFE('positive', NOW, { isotype: 'IgA' }), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E16 isotype IgM (not listed): serumMinGdL 1 applies, serum 0.6', 'NCT03158688 text', [diagnosis('2023-01-01', 'IgM', 'kappa'), S(0.6), U(0), ...NORMAL_FLC()], MDISO, 'NOT_MET'),
  C('E17 diagnosis IgG beats lab isotype IgA, serum 0.6', 'clinical-core heavy chain from diagnosis first', [diagnosis('2023-01-01', 'IgG', 'kappa'), S(0.6, NOW, 'g/dL', { isotype: 'IgA' }), U(0), ...NORMAL_FLC()], MDISO, 'NOT_MET'),
  C('E18 latest of two diagnoses (IgG then IgA), serum 0.6', 'clinical-core isotype from the latest', [diagnosis('2020-01-01', 'IgG', 'kappa'), diagnosis('2024-01-01', 'IgA', 'kappa'), S(0.6), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E19 maxAgeDays 21: serum 1.5 22 days old, nothing newer', 'NCT03158688 within 21 days', [S(1.5, '2025-05-10'), U(0, '2025-05-10'), ...K(15, 12, '2025-05-10')], MDISO, 'UNKNOWN'),
  C('E20 maxAgeDays 21: serum 1.5 exactly 21 days old', 'NCT03158688 within 21 days', [S(1.5, '2025-05-11'), U(0, '2025-05-11'), ...K(15, 12, '2025-05-11')], MDISO, 'MET'),
  C('E21 default: FLC route with serum 0.7 (<1), urine 50', 'crit-lang FLC when serum & urine miss rule cut-offs', [S(0.7), U(50), ...K(200, 10)], MD, 'MET'),
  C('E22 0.5 variant: FLC route, serum 0.4 urine 150', '§5 trial FLC route', [S(0.4), U(150), ...K(200, 10)], MD05, 'MET'),
  C('E23 0.5 variant: involved 200 but ratio normal (κ 200 λ 150)', '§5 abnormal ratio required', [S(0.4), U(150), ...K(200, 150)], MD05, 'NOT_MET'),
  C('E24 0.5 variant: κ 150 no λ no ratio, serum 0.2 urine 0', 'crit-lang unknown: ratio missing', [S(0.2), U(0), lab(NOW, 'free kappa', 150, 'mg/L')], MD05, 'UNKNOWN'),
  C('E25 >100 mg/L variant: involved exactly 100', 'NCT05519085 >100 mg/L', [S(0.2), U(50), ...K(100, 10)], MDGT, 'NOT_MET'),
  C('E26 >100 mg/L variant: involved 101', 'NCT05519085', [S(0.2), U(50), ...K(101, 10)], MDGT, 'MET'),
  C('E27 0.5 variant: κ 10 mg/dL, λ 0.5 mg/dL', '§8 FLC units', [S(0.2), U(50), ...K(10, 0.5, NOW, 'mg/dL')], MD05, 'MET'),
  C('E28 0.5 variant: urine 0.2 g/24h', '§8 units', [S(0.2), U(0.2, NOW, 'g/24h'), ...NORMAL_FLC()], MD05, 'MET'),
  C('E29 0.5 variant: spot UPCR 500 mg/g as urine m-protein, serum 0.2, FLC normal', '§8 UPCR not 24-h urine', [S(0.2), U(500, NOW, 'mg/g'), ...NORMAL_FLC()], MD05, 'UNKNOWN'),
  C('E30 default: same-time serum 0.9 and 1.1, urine 0, FLC normal', 'crit-lang v13 sameTime open route', [S(0.9), S(1.1), U(0), ...NORMAL_FLC()], MD, 'UNKNOWN'),
  C('E31 default: same-time serum 0.9/1.1, urine 300', 'crit-lang', [S(0.9), S(1.1), U(300), ...NORMAL_FLC()], MD, 'MET'),
  C('E32 default: same-time serum 0.9/1.1 + measurable FLC', 'crit-lang: FLC route qualifies either way', [S(0.9), S(1.1), U(0), ...K(200, 10)], MD, 'MET'),
  C('E33 flcOnly: same-time serum 0.9/1.1 + measurable FLC', 'crit-lang measurableByFlcOnly v16', [S(0.9), S(1.1), U(0), ...K(200, 10)], FLCONLY, 'UNKNOWN'),
  C('E34 flcOnly: serum 0.7, urine 50, FLC measurable', '§5 FLC-only', [S(0.7), U(50), ...K(200, 10)], FLCONLY, 'MET'),
  C('E35 flcOnly: serum 1.0, FLC measurable', '§5 FLC only when serum not measurable', [S(1.0), U(50), ...K(200, 10)], FLCONLY, 'NOT_MET'),
  C('E36 flcOnly: FLC measurable, urine never measured', 'crit-lang measurableByFlcOnly unknown', [S(0.5), ...K(200, 10)], FLCONLY, 'UNKNOWN'),
  C('E37 flcOnly: urine exactly 200 + FLC measurable', '§5', [S(0.2), U(200), ...K(200, 10)], FLCONLY, 'NOT_MET'),
  C('E38 NCT03275285 exc-02: FLC-only (serum 0.3 urine 50 κ 200)', 'trial exc FLC-only', [S(0.3), U(50), ...K(200, 10)], EXC_FLC, 'MET'),
  C('E39 NCT03275285 exc-02: serum 0.6 + FLC', 'trial exc FLC-only', [S(0.6), U(50), ...K(200, 10)], EXC_FLC, 'NOT_MET'),
  C('E40 default: old serum 1.5 (78 d) + negative serum IFE now, urine 0, FLC normal', 'clinical-core v11 IFE = 0', [S(1.5, '2025-03-15'), sIFE('negative'), U(0), ...NORMAL_FLC()], MD, 'NOT_MET'),
  C('E41 default: old serum 1.5 (78 d), nothing serum now, urine 0, FLC normal', 'crit-lang: unmeasured route', [S(1.5, '2025-03-15'), U(0), ...NORMAL_FLC()], MD, 'UNKNOWN'),
  C('E42 default agrees with profile.any: serum 0.99 urine 199 FLC κ 99', 'same fact two paths', [S(0.99), U(199), ...K(99, 10)], (p) => [MD(p), p.disease.measurable.any], ['NOT_MET', false]),
  C('E43 default: light-chain myeloma, serum 0, urine 250', '§5 urine route', [diagnosis('2023-01-01', 'none', 'kappa'), S(0), U(250), ...K(50, 10)], MD, 'MET'),
  C('E44 default: urine 150 mg/12h (not scaled), serum 0.2, FLC normal', 'clinical-core other period reported', [S(0.2), U(150, NOW, 'mg/12h'), ...NORMAL_FLC()], MD, 'UNKNOWN'),
  C('E45 default: λ 300 κ 77.7 ratio 0.259 abnormal, no diagnosis', '§5 ratio <0.26', [S(0.2), U(50), ...K(77.7, 300)], MD, 'MET'),
  C('E46 isotype rule, IgD diagnosis, serum 0.5 exactly', '§5 IgD ≥0.5', [diagnosis('2023-01-01', 'IgD', 'lambda'), S(0.5), U(0), ...NORMAL_FLC()], MDISO, 'MET'),
  C('E47 isotype rule, IgA, serum 0.49, FLC route measurable', 'NCT03158688 FLC route', [diagnosis('2023-01-01', 'IgA', 'kappa'), S(0.49), U(0), ...K(200, 10)], MDISO, 'MET'),
  C('E48 isotype rule, IgA, serum 0.6, FLC measurable: serum route', 'NCT03158688', [diagnosis('2023-01-01', 'IgA', 'kappa'), S(0.6), U(0), ...K(200, 10)], MDISO, 'MET'),

  // ---- N: non-secretory / oligosecretory (§5) ----
  C('N01 non-secretory work-up complete', '§5 non-secretory', NONSEC(), nonsec, true),
  C('N02 urine IFE missing', 'clinical-core v16 none on record is not negative', NONSEC({ uIfe: false }), nonsec, false),
  C('N03 serum IFE missing', 'clinical-core v16', NONSEC({ sIfe: false }), nonsec, false),
  C('N04 diagnosis IgG kappa', 'clinical-core: no heavy chain at diagnosis', [diagnosis('2023-01-01', 'IgG', 'kappa'), ...NONSEC()], nonsec, false),
  C('N05 light-chain myeloma at diagnosis', 'clinical-core v16 light-chain myeloma', [diagnosis('2023-01-01', 'none', 'kappa'), ...NONSEC()], nonsec, false),
  C('N06 measurable FLC ever (2024)', '§5 light-chain disease', [...K(300, 10, '2024-03-01'), ...NONSEC()], nonsec, false),
  C('N07 serum M-protein 0.5 in 2024 (ever above 0)', 'clinical-core never above 0', [S(0.5, '2024-03-01'), ...NONSEC()], nonsec, false),
  C('N08 marrow 10% exactly, no clonality', 'clinical-core clonal marrow (≥10%)', NONSEC({ marrow: [BM(10)] }), nonsec, true),
  C('N09 marrow 9.9%, no clonality', 'clinical-core clonal marrow', NONSEC({ marrow: [BM(9.9)] }), nonsec, false),
  C('N10 marrow 5% reported clonal', 'clinical-core clonal marrow', NONSEC({ marrow: [BM(5), CLONAL()] }), nonsec, true),
  C('N11 oligosecretory: serum 0.3 with positive IFE', '§5 oligosecretory not non-secretory', [BM(30), S(0.3), sIFE('positive'), U(0), uIFE('negative'), ...NORMAL_FLC()], (p) => [nonsec(p), p.disease.measurable.any], [false, false]),
  C('N12 oligosecretory: default measurableDisease NOT_MET', '§5', [BM(30), S(0.3), sIFE('positive'), U(0), uIFE('negative'), ...NORMAL_FLC()], MD, 'NOT_MET'),
  C('N13 non-secretory: measurableDisease 0.5 variant NOT_MET', '§5', NONSEC(), MD05, 'NOT_MET'),
  C('N14 FLC ratio abnormal now (κ 60 λ 10), otherwise negative', 'clinical-core normal ratio now', NONSEC().filter((e) => !/free/.test(String((e.data as { name?: unknown }).name))).concat(K(60, 10)), nonsec, false),
  C('N15 urine IFE positive in 2024, negative now', 'clinical-core never positive', [uIFE('positive', '2024-03-01'), ...NONSEC()], nonsec, false),

  // ---- M: extramedullary disease (§5) ----
  C('M01 EMD extramedullary liver PET-CT', '§5 store type+site+modality', [IMG('2025-05-01', { present: true, type: 'extramedullary', site: 'liver' })], (p) => [p.extramedullaryDisease?.present, p.extramedullaryDisease?.type, p.extramedullaryDisease?.site, p.extramedullaryDisease?.modality], [true, 'extramedullary', 'liver', 'PET-CT']),
  C('M02 rule type extramedullary vs paraskeletal present', '§5 EMD types', [IMG('2025-05-01', { present: true, type: 'paraskeletal', site: 'rib' })], EMD_X, 'NOT_MET'),
  C('M03 rule type paraskeletal vs paraskeletal', '§5', [IMG('2025-05-01', { present: true, type: 'paraskeletal', site: 'rib' })], EMD_P, 'MET'),
  C('M04 rule no type vs paraskeletal', 'crit-lang extramedullaryDisease', [IMG('2025-05-01', { present: true, type: 'paraskeletal', site: 'rib' })], EMD, 'MET'),
  C('M05 no imaging: unknown', 'crit-lang no data', [], EMD, 'UNKNOWN'),
  C('M06 present without type, rule type extramedullary', 'crit-lang type not recorded', [IMG('2025-05-01', { present: true })], EMD_X, 'UNKNOWN'),
  C('M07 earlier present, latest absent', 'clinical-core latest imaging', [IMG('2025-01-01', { present: true, type: 'extramedullary' }), IMG('2025-05-01', { present: false })], EMD, 'NOT_MET'),
  C('M08 measured plasmacytoma, no EMD field: present type null', 'clinical-core v12', [IMG('2025-05-01', null, { plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] })], (p) => [emdOf(p), EMD(p), EMD_X(p)], ['true/null', 'MET', 'UNKNOWN']),
  C('M09 later scan plasmacytomas all 0', 'clinical-core absent if none left', [IMG('2025-03-01', null, { plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] }), IMG('2025-05-01', null, { plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 0, perpendicularDiameterMm: 0 }] })], EMD, 'NOT_MET'),
  C('M10 scans in reverse arrival order', 'clinical-core arrival order', [IMG('2025-05-01', { present: false }), IMG('2025-01-01', { present: true, type: 'extramedullary' })], EMD, 'NOT_MET'),
  C('M11 scan after as-of ignored', 'clinical-core', [IMG('2025-05-01', { present: false }), IMG('2025-06-10', { present: true, type: 'extramedullary' })], EMD, 'NOT_MET'),
  C('M12 later scan with no EMD statement keeps earlier finding', 'clinical-core latest imaging that says', [IMG('2025-03-01', { present: true, type: 'extramedullary' }), IMG('2025-05-01', null, { newLesions: false })], EMD_X, 'MET'),
  C('M13 type spelled "Paraskeletal"', 'clinical-core whatever the spelling', [IMG('2025-05-01', { present: true, type: 'Paraskeletal' })], EMD_P, 'MET'),
  C('M14 scan saying EMD absent after measured plasmacytoma', 'clinical-core', [IMG('2025-03-01', null, { plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] }), IMG('2025-05-01', { present: false })], EMD, 'NOT_MET'),
  C('M15 absent EMD with rule type paraskeletal', 'crit-lang', [IMG('2025-05-01', { present: false })], EMD_P, 'NOT_MET'),

  // ---- P: plasma cell leukaemia (§5) ----
  C('P01 circulating PCs exactly 5%', '§5 IMWG 2021 ≥5%', [CPC(5)], (p) => [pclPresent(p), PCL(p)], [true, 'MET']),
  C('P02 circulating PCs 4.9%', '§5', [CPC(4.9)], (p) => [pclPresent(p), PCL(p)], [false, 'NOT_MET']),
  C('P03 no data', 'crit-lang no data', [], PCL, 'UNKNOWN'),
  C('P04 condition PCL active', 'clinical-core reported condition', [COND('2025-05-01', 'plasma-cell-leukemia', 'active')], PCL, 'MET'),
  C('P05 condition active Jan, circulating 2% May (more recent)', 'clinical-core more recent', [COND('2025-01-01', 'plasma-cell-leukemia', 'active'), CPC(2)], PCL, 'NOT_MET'),
  C('P06 circulating 6% May 1, condition absent May 20', 'clinical-core more recent', [CPC(6, '2025-05-01'), COND(NOW, 'plasma-cell-leukemia', 'absent')], PCL, 'NOT_MET'),
  C('P07 diagnosis event names PCL', 'clinical-core diagnosis event', [event('diagnosis', '2025-02-01', { condition: 'plasma-cell-leukemia', isotype: { heavyChain: 'IgG', lightChain: 'kappa' } })], PCL, 'MET'),
  C('P08 circulating 6% then 3%', 'latest', [CPC(6, '2025-05-01'), CPC(3)], PCL, 'NOT_MET'),
  C('P09 circulating 3% then 6%, reverse arrival', 'latest; arrival order', [CPC(6), CPC(3, '2025-05-01')], PCL, 'MET'),
  C('P10 legacy >20%: exactly 20%', '§5 legacy >20%', [CPC(20)], LEGACY_PCT, 'NOT_MET'),
  C('P11 legacy >20%: 21%', '§5 legacy', [CPC(21)], LEGACY_PCT, 'MET'),
  C('P12 legacy abs >2×10^9/L: 2000 cells/µL', '§5 legacy >2×10^9/L; units', [CPCABS(2000, NOW, 'cells/µL')], LEGACY_ABS, 'NOT_MET'),
  C('P13 legacy abs: 2100 /µL', '§5 legacy; units', [CPCABS(2100, NOW, '/uL')], LEGACY_ABS, 'MET'),
  C('P14 5% is PCL 2021 but not legacy >20%', '§5 two definitions', [CPC(5)], (p) => [PCL(p), LEGACY_PCT(p)], ['MET', 'NOT_MET']),
  C('P15 circulating 0.05 as fraction (unit 1) = 5%', '§8 normalize units', [CPC(0.05, NOW, '1')], PCL, 'MET'),
  C('P16 condition resolved after circulating 6%', 'clinical-core more recent; "active PCL"', [CPC(6, '2025-05-01'), COND(NOW, 'plasma-cell-leukemia', 'resolved')], PCL, 'NOT_MET'),
  C('P17 PCL condition active after circulating 1%', 'clinical-core more recent', [CPC(1, '2025-05-01'), COND(NOW, 'plasma-cell-leukemia', 'active')], PCL, 'MET'),
  C('P18 only absolute count 2.5×10^9/L recorded', '§5 2021 is % on smear; clinical-core PCL from %', [CPCABS(2.5)], (p) => [pclPresent(p), PCL(p)], [null, 'UNKNOWN']),
  C('P19 circulating 6% after as-of ignored, 2% before', 'clinical-core as-of', [CPC(2), CPC(6, '2025-06-10')], PCL, 'NOT_MET'),
];

describe('meas37 measurable disease / secretory status / EMD / PCL', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}]`, () => {
      expect(c.read(prof(c.events))).toEqual(c.expected);
    });
  }
});
