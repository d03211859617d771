/**
 * prog32 — hand-derived IMWG 2016 progression / relapse cases (domain.md §1, §4 PD row + notes; docs/clinical-core.md
 * "Disease", "Relapse indicators"; docs/criteria-language.md progression leaves). Expectations were written from the
 * definitions and the documented settings before reading the implementation. Scratch review file; not committed.
 */
import { carT, sct, diagnosis, event, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-12-31';

const BASE = '2024-06-25';
const T = ['2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01'];
const DATES = [BASE, ...T];

const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const K = (d: string, k: number, l: number, unit = 'mg/L') => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unit)];
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const CPC = (d: string, v: number, unit = '10*9/L') => lab(d, 'absolute circulating plasma cells', v, unit);
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const timedLab = (iso: string, name: string, value: number, unit: string) => event('lab', iso, { name, value, unit });
const pc = (lesion: string, L: number, W: number, shortAxisMm?: number) => ({ lesion, longestDiameterMm: L, perpendicularDiameterMm: W, ...(shortAxisMm !== undefined ? { shortAxisMm } : {}) });
const scan = (d: string, plasmacytomas: unknown[], extra: Record<string, unknown> = {}) => event('imaging', d, { modality: 'PET-CT', plasmacytomas, ...extra });

const DX = diagnosis('2024-06-01', 'IgG', 'kappa');
const DX_LC = diagnosis('2024-06-01', 'none', 'kappa');
const LINE = med('VRd', '2024-07-01', null);

/** values at BASE, T[0]!, T[1]!, ... */
const series = (f: (d: string, v: number) => Ev, values: number[]) => values.map((v, i) => f(DATES[i]!, v));
const serum = (values: number[]) => [DX, LINE, ...series((d, v) => S(d, v), values)];
const urine = (values: number[]) => [DX, LINE, ...series(U, values)];
/** light-chain scaffold: serum 0 and urine 0 measured at each date, kappa (mg/L unless unit) and lambda. */
const flc = (kappa: number[], lambda = 10, unit = 'mg/L', dx: Ev = DX_LC) => [dx, LINE, ...kappa.flatMap((k, i) => [S(DATES[i]!, 0), U(DATES[i]!, 0), ...K(DATES[i]!, k, lambda, unit)])];
/** all-unmeasurable scaffold at n dates: serum 0, urine 0, normal FLC pair. */
const unmeas = (n: number) => DATES.slice(0, n).flatMap((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)]);

const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported');
const firstBio = (p: P) => { const b = bio(p)[0]; return b ? `${b.source}@${b.date}` : 'none'; };
const bioAfter = (after: string) => (p: P) => { const b = bio(p).filter((x) => x.date > after)[0]; return b ? `${b.source}@${b.date}` : 'none'; };
const clin = (kind: string) => (p: P) => { const c = (p.disease.clinicalRelapse ?? []).find((x) => x.kind === kind); return c ? `${kind}@${c.date}` : 'none'; };
const biochem = (kind: string) => (p: P) => { const c = (p.disease.significantBiochemicalRelapse ?? []).find((x) => x.kind === kind); return c ? `${kind}@${c.date}` : 'none'; };
const fromCr = (p: P) => p.disease.relapseFromCr?.date ?? 'none';
const lost = (p: P) => p.disease.mrd.negativityLost?.date ?? 'none';

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Partial<typeof DEFAULT_SETTINGS>; rule?: unknown }

const ruleRead = (rule: unknown, asOf: string) => (p: P) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;

const cases: Case[] = [
  // ---------------- serum M-protein PD (§4 PD row) ----------------
  { id: 'P01', summary: 'serum 3.0 → 1.0,1.0 → 1.5,1.5 (+0.5, +50%)', clause: '§4 PD serum ≥25% and ≥0.5 g/dL; dated at first of two', events: serum([3.0, 1.0, 1.0, 1.5, 1.5]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P02', summary: 'serum nadir 1.0 → 1.49,1.49 (+0.49)', clause: '§4 PD abs ≥0.5 g/dL', events: serum([3.0, 1.0, 1.0, 1.49, 1.49]), read: firstBio, expected: 'none' },
  { id: 'P03', summary: 'serum nadir 2.0 → 2.5,2.5 (+0.5, exactly 25%)', clause: '§4 PD ≥25% and ≥0.5', events: serum([2.0, 2.0, 2.0, 2.5, 2.5]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P04', summary: 'serum nadir 2.4 → 2.9,2.9 (+0.5, 20.8%)', clause: '§4 PD needs ≥25%', events: serum([2.4, 2.4, 2.4, 2.9, 2.9]), read: firstBio, expected: 'none' },
  { id: 'P05', summary: 'serum nadir 5.0 → 6.0,6.0 (+1.0, 20%)', clause: '§4 PD nadir ≥5 g/dL: +1 g/dL suffices', events: serum([5.0, 5.0, 5.0, 6.0, 6.0]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P06', summary: 'serum nadir 5.0 → 5.9,5.9 (+0.9)', clause: '§4 PD nadir ≥5: +1 g/dL', events: serum([5.0, 5.0, 5.0, 5.9, 5.9]), read: firstBio, expected: 'none' },
  { id: 'P07', summary: 'serum nadir 4.9 → 5.9,5.9 (+1.0 but 20.4%, nadir <5)', clause: '§4 PD: 1 g/dL rule only when nadir ≥5', events: serum([4.9, 4.9, 4.9, 5.9, 5.9]), read: firstBio, expected: 'none' },
  { id: 'P07b', summary: 'serum nadir 4.0 → 5.0,5.0 (+1.0, 25%)', clause: '§4 PD ≥25% and ≥0.5', events: serum([4.0, 4.0, 4.0, 5.0, 5.0]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P08', summary: 'nadir 1.0 → 1.6 then 1.2 (not confirmed)', clause: '§4 two consecutive assessments', events: serum([3.0, 1.0, 1.0, 1.6, 1.2]), read: firstBio, expected: 'none' },
  { id: 'P09', summary: 'nadir 1.0 → 1.6 then 1.55 (both qualify)', clause: '§4 two consecutive; date = first', events: serum([3.0, 1.0, 1.0, 1.6, 1.55]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P10', summary: 'nadir 1.0 → 1.6, 1.2, 1.6 (rises not consecutive)', clause: '§4 two consecutive', events: serum([3.0, 1.0, 1.0, 1.6, 1.2, 1.6]), read: firstBio, expected: 'none' },
  { id: 'P11', summary: '3.0 → 1.0 (single), 1.4,1.4 → 1.8,1.8: confirmed nadir 1.4 (+0.4)', clause: '§4 "lowest confirmed value"; progressionNadir confirmed', events: serum([3.0, 1.0, 1.4, 1.4, 1.8, 1.8]), read: firstBio, expected: 'none' },
  { id: 'P12', summary: 'as P11 with progressionNadir lowest: from 1.0 (+0.8)', clause: 'clinical-core progressionNadir=lowest', events: serum([3.0, 1.0, 1.4, 1.4, 1.8, 1.8]), settings: { progressionNadir: 'lowest' } as never, read: firstBio, expected: 'serum-m-protein@2024-11-01' },
  { id: 'P13', summary: 'nadir 1.0 → 1.6 entered twice on one day, nothing after', clause: 'clinical-core: values of one day are one assessment', events: [...serum([3.0, 1.0, 1.0, 1.6]), S(T[2]!, 1.6)], read: firstBio, expected: 'none' },
  { id: 'P14', summary: 'nadir 1.0; day T2 08:00 1.6, 16:00 1.1; T3 1.6', clause: 'v14: a day is read at its latest value', events: [...serum([3.0, 1.0, 1.0]), timedLab(`${T[2]!}T08:00:00Z`, 'serum m-protein', 1.6, 'g/dL'), timedLab(`${T[2]!}T16:00:00Z`, 'serum m-protein', 1.1, 'g/dL'), S(T[3]!, 1.6)], read: firstBio, expected: 'none' },
  { id: 'P14b', summary: 'nadir 1.0; day T2 08:00 1.1, 16:00 1.6; T3 1.6', clause: 'v14 day latest; date = first', events: [...serum([3.0, 1.0, 1.0]), timedLab(`${T[2]!}T08:00:00Z`, 'serum m-protein', 1.1, 'g/dL'), timedLab(`${T[2]!}T16:00:00Z`, 'serum m-protein', 1.6, 'g/dL'), S(T[3]!, 1.6)], read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P14c', summary: 'nadir 1.0; T2 untimed 1.6 + timed 12:00 1.1; T3 1.6', clause: 'v14 untimed before timed', events: [...serum([3.0, 1.0, 1.0]), S(T[2]!, 1.6), timedLab(`${T[2]!}T12:00:00Z`, 'serum m-protein', 1.1, 'g/dL'), S(T[3]!, 1.6)], read: firstBio, expected: 'none' },
  { id: 'P15', summary: 'serum 2.0 → 0,0 → 0.5,0.5', clause: '§4 PD from nadir 0: +0.5 g/dL', events: serum([2.0, 0, 0, 0.5, 0.5]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P16', summary: 'serum 2.0 → 0,0 → 0.4,0.4', clause: '§4 PD abs ≥0.5 g/dL', events: serum([2.0, 0, 0, 0.4, 0.4]), read: firstBio, expected: 'none' },
  { id: 'P17', summary: 'single rise 1.0 → 1.6, progressionNeedsConfirmation false', clause: 'clinical-core progressionNeedsConfirmation', events: serum([3.0, 1.0, 1.0, 1.6]), settings: { progressionNeedsConfirmation: false }, read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P18', summary: 'rise 1.6,1.6 then further 2.5, 3.5: progressionDate stays the first', clause: 'clinical-core progressionDate (first event)', events: serum([3.0, 1.0, 1.0, 1.6, 1.6, 2.5, 3.5]), read: (p) => p.disease.progressionDate, expected: '2024-10-01' },
  { id: 'P19', summary: 'confirmed rise 10-01/11-01, reported PD 12-15: progressionDate 10-01', clause: 'clinical-core progressionDate', events: [...serum([3.0, 1.0, 1.0, 1.6, 1.6]), response('2024-12-15', 'PD')], read: (p) => p.disease.progressionDate, expected: '2024-10-01' },
  { id: 'P20', summary: 'nadir 1.8 → 2.3,2.3 (0.5 in floating point)', clause: 'clinical-core 1e-9 tolerance', events: serum([1.8, 1.8, 1.8, 2.3, 2.3]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P21', summary: 'nadir 5.3 → 6.3,6.3 (1.0 in floating point, 18.9%)', clause: '§4 nadir ≥5 +1 g/dL; tolerance', events: serum([5.3, 5.3, 5.3, 6.3, 6.3]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'P22', summary: 'serum in g/L: nadir 10 g/L → 15,15 g/L', clause: '§8 units g/L ↔ g/dL', events: [DX, LINE, ...series((d, v) => S(d, v, 'g/L'), [30, 10, 10, 15, 15])], read: firstBio, expected: 'serum-m-protein@2024-10-01' },

  // ---------------- urine PD ----------------
  { id: 'U01', summary: 'urine 1000 → 400,400 → 600,600', clause: '§4 PD urine ≥25% and ≥200 mg/24h', events: urine([1000, 400, 400, 600, 600]), read: firstBio, expected: 'urine-m-protein@2024-10-01' },
  { id: 'U02', summary: 'urine nadir 400 → 599,599', clause: '§4 PD urine abs ≥200', events: urine([1000, 400, 400, 599, 599]), read: firstBio, expected: 'none' },
  { id: 'U03', summary: 'urine nadir 1000 → 1200,1200 (+200, 20%)', clause: '§4 PD urine ≥25%', events: urine([1000, 1000, 1000, 1200, 1200]), read: firstBio, expected: 'none' },
  { id: 'U04', summary: 'urine nadir 800 → 1000,1000 (+200, 25%)', clause: '§4 PD urine', events: urine([800, 800, 800, 1000, 1000]), read: firstBio, expected: 'urine-m-protein@2024-10-01' },
  { id: 'U05', summary: 'urine 800 → 300 → 600 single, then 300: not confirmed', clause: '§4 two consecutive', events: urine([800, 300, 300, 600, 300]), read: firstBio, expected: 'none' },

  // ---------------- dFLC PD ----------------
  { id: 'F01', summary: 'LC κ: dFLC nadir 90 mg/L → 191 (+10.1 mg/dL)', clause: '§4 PD dFLC >10 mg/dL when serum & urine unmeasurable', events: flc([500, 100, 100, 201, 201]), read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'F02', summary: 'LC κ: dFLC nadir 90 → 190 mg/L (+10 mg/dL exactly)', clause: '§4 dFLC strictly >10 mg/dL', events: flc([500, 100, 100, 200, 200]), read: firstBio, expected: 'none' },
  { id: 'F03', summary: 'IgG κ serum 1.5 stable (measurable), κ 100 → 400 confirmed', clause: '§4 dFLC only if serum & urine unmeasurable', events: [DX, LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 1.5), U(d, 0), ...K(d, [500, 100, 100, 400, 400][i]!, 10)])], read: firstBio, expected: 'none' },
  { id: 'F04', summary: 'LC κ in mg/dL: dFLC 9 → 19.2 mg/dL', clause: '§4 dFLC mg/dL; §8 units', events: flc([50, 10, 10, 20.2, 20.2], 1, 'mg/dL'), read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'F05', summary: 'LC κ: dFLC nadir 500 → 610 mg/L (+11 mg/dL, 22%)', clause: '§4 dFLC needs ≥25% too', events: flc([1010, 510, 510, 620, 620]), read: firstBio, expected: 'none' },
  { id: 'F06', summary: 'LC κ: dFLC nadir 500 → 630 mg/L (+13 mg/dL, 26%)', clause: '§4 dFLC', events: flc([1010, 510, 510, 640, 640]), read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'F07', summary: 'IgG κ, serum 0.5 stable (unmeasurable <1), urine 0, dFLC +10.1', clause: '§4/§5 serum <1 g/dL not measurable → dFLC applies', events: [DX, LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 0.5), U(d, 0), ...K(d, [500, 100, 100, 201, 201][i]!, 10)])], read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'F08', summary: 'LC λ: λ nadir 100 → 201 (κ 10)', clause: '§4 dFLC on involved chain', events: [diagnosis('2024-06-01', 'none', 'lambda'), LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 0), U(d, 0), ...K(d, 10, [400, 100, 100, 201, 201][i]!)])], read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'F09', summary: 'urine 250 stable (measurable), dFLC +10.1', clause: '§4 dFLC only if urine unmeasurable', events: [DX_LC, LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 0), U(d, 250), ...K(d, [500, 100, 100, 201, 201][i]!, 10)])], read: firstBio, expected: 'none' },
  { id: 'F10', summary: 'IgG κ CR-ish in line 1, line 2 starts with serum/urine 0; κ rises in line 2', clause: 'v13 dFLC judged per line from its baseline', events: [DX, med('VRd', '2024-07-01', '2025-02-15'), med('KPd', '2025-03-01', null), S(BASE, 3.0), U(BASE, 0), S(T[0]!, 0), U(T[0]!, 0), S(T[1]!, 0), U(T[1]!, 0), S('2025-02-25', 0), U('2025-02-25', 0), ...K('2025-02-25', 15, 12), S('2025-04-01', 0), U('2025-04-01', 0), ...K('2025-04-01', 200, 12), S('2025-05-01', 0), U('2025-05-01', 0), ...K('2025-05-01', 200, 12)], read: firstBio, expected: 'dflc@2025-04-01' },

  // ---------------- marrow PD ----------------
  { id: 'M01', summary: 'unmeasurable; marrow 40 → 20 → 30 (+10 pts, +50%)', clause: '§4 PD marrow ≥10% abs when FLC unmeasurable; no confirmation', events: [DX, LINE, ...unmeas(3), BM(BASE, 40), BM(T[0]!, 20), BM(T[1]!, 30)], read: firstBio, expected: 'marrow-plasma-cells@2024-09-01' },
  { id: 'M02', summary: 'unmeasurable; marrow 40 → 20 → 29.5', clause: '§4 marrow +10 points', events: [DX, LINE, ...unmeas(3), BM(BASE, 40), BM(T[0]!, 20), BM(T[1]!, 29.5)], read: firstBio, expected: 'none' },
  { id: 'M03', summary: 'FLC measurable (κ 300, λ 10 stable); marrow 40 → 20 → 35', clause: '§4 marrow only if FLC unmeasurable too', events: [DX, LINE, ...DATES.slice(0, 3).flatMap((d) => [S(d, 0), U(d, 0), ...K(d, 300, 10)]), BM(BASE, 40), BM(T[0]!, 20), BM(T[1]!, 35)], read: firstBio, expected: 'none' },
  { id: 'M04', summary: 'unmeasurable; marrow 60 → 50 → 60 (+10 pts, 20%)', clause: 'clinical-core: marrow ≥25% and ≥10 points', events: [DX, LINE, ...unmeas(3), BM(BASE, 60), BM(T[0]!, 50), BM(T[1]!, 60)], read: firstBio, expected: 'none' },

  // ---------------- circulating PCs ----------------
  { id: 'C01', summary: 'unmeasurable; CPC 0.5 → 0.2,0.2 → 0.4,0.4 (+0.2 ×10⁹/L, +100%)', clause: '§4 PD CPC ≥50% (min 200 cells/µL)', events: [DX, LINE, ...unmeas(5), ...series(CPC, [0.5, 0.2, 0.2, 0.4, 0.4])], read: firstBio, expected: 'circulating-plasma-cells@2024-10-01' },
  { id: 'C02', summary: 'unmeasurable; CPC 1.0 → 0.5,0.5 → 0.75,0.75', clause: '§4 CPC +50%', events: [DX, LINE, ...unmeas(5), ...series(CPC, [1.0, 0.5, 0.5, 0.75, 0.75])], read: firstBio, expected: 'circulating-plasma-cells@2024-10-01' },
  { id: 'C03', summary: 'unmeasurable; CPC 0.5 → 0.74,0.74 (+48%)', clause: '§4 CPC ≥50%', events: [DX, LINE, ...unmeas(5), ...series(CPC, [1.0, 0.5, 0.5, 0.74, 0.74])], read: firstBio, expected: 'none' },
  { id: 'C04', summary: 'unmeasurable; CPC 0.1 → 0.29,0.29 (+190/µL)', clause: 'clinical-core: ≥200 cells/µL above nadir', events: [DX, LINE, ...unmeas(5), ...series(CPC, [0.3, 0.1, 0.1, 0.29, 0.29])], read: firstBio, expected: 'none' },
  { id: 'C05', summary: 'unmeasurable; CPC 0.5 → 0.8 then 0.5', clause: 'clinical-core CPC confirmed like biochemical', events: [DX, LINE, ...unmeas(5), ...series(CPC, [1.0, 0.5, 0.5, 0.8, 0.5])], read: firstBio, expected: 'none' },
  { id: 'C06', summary: 'serum 2.0 measurable stable; CPC 0.5 → 0.75,0.75', clause: '§4 CPC only if the only measure of disease', events: [DX, LINE, ...series((d, v) => S(d, v), [2.0, 2.0, 2.0, 2.0, 2.0]), ...series(CPC, [1.0, 0.5, 0.5, 0.75, 0.75])], read: firstBio, expected: 'none' },
  { id: 'C07', summary: 'unmeasurable; CPC in cells/µL 1000 → 500,500 → 750,750', clause: 'units cells/µL', events: [DX, LINE, ...unmeas(5), ...series((d, v) => CPC(d, v, 'cells/uL'), [1000, 500, 500, 750, 750])], read: firstBio, expected: 'circulating-plasma-cells@2024-10-01' },

  // ---------------- plasmacytomas / imaging ----------------
  { id: 'I01', summary: '2 lesions SPD 800 → 200 → 300 (+50%)', clause: '§4 PD SPD +50% of >1 lesion', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20), pc('L2', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10), pc('L2', 10, 10)]), scan(T[1]!, [pc('L1', 15, 10), pc('L2', 15, 10)])], read: firstBio, expected: 'imaging@2024-09-01' },
  { id: 'I02', summary: '2 lesions SPD 200 → 299; longest +50% but short axis 10 mm', clause: '§4 SPD +50%; longest only >1 cm short axis', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20), pc('L2', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10), pc('L2', 10, 10)]), scan(T[1]!, [pc('L1', 15, 10), pc('L2', 14.9, 10)])], read: firstBio, expected: 'none' },
  { id: 'I03', summary: 'single lesion longest 20 → 30, short axis 12', clause: '§4 longest +50% of lesion >1 cm short axis', events: [DX, LINE, scan(BASE, [pc('L1', 30, 15, 12)]), scan(T[0]!, [pc('L1', 20, 12, 12)]), scan(T[1]!, [pc('L1', 30, 12, 12)])], read: firstBio, expected: 'imaging@2024-09-01' },
  { id: 'I04', summary: 'single lesion longest 20 → 30, short axis exactly 10', clause: '§4 short axis >1 cm; single lesion not SPD', events: [DX, LINE, scan(BASE, [pc('L1', 30, 10, 10)]), scan(T[0]!, [pc('L1', 20, 10, 10)]), scan(T[1]!, [pc('L1', 30, 10, 10)])], read: firstBio, expected: 'none' },
  { id: 'I05', summary: 'single lesion longest 20 → 29 (+45%), short axis 15', clause: '§4 +50%', events: [DX, LINE, scan(BASE, [pc('L1', 30, 15, 15)]), scan(T[0]!, [pc('L1', 20, 15, 15)]), scan(T[1]!, [pc('L1', 29, 15, 15)])], read: firstBio, expected: 'none' },
  { id: 'I06', summary: 'new plasmacytoma L2 named on a later scan', clause: '§4 PD new lesion', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10)]), scan(T[1]!, [pc('L1', 10, 10), pc('L2', 10, 10)])], read: firstBio, expected: 'imaging@2024-09-01' },
  { id: 'I07', summary: 'imaging newLesions: true (bone), no plasmacytoma list', clause: '§4 PD "new lesion(s)"', events: [...serum([2.0, 1.0, 1.0]), event('imaging', T[2]!, { modality: 'PET-CT', newLesions: true })], read: firstBio, expected: 'imaging@2024-10-01' },
  { id: 'I08', summary: 'L2 disappeared; L1 alone 10x10 → 12x12.5 (SPD +50% of one lesion)', clause: '§4 SPD of >1 lesion', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20), pc('L2', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10)]), scan(T[1]!, [pc('L1', 12.5, 12)])], read: firstBio, expected: 'none' },
  { id: 'I09', summary: 'L2 disappeared then reappears 12x12 short axis 12', clause: 'clinical-core: lesion back >1 cm short axis is PD', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20), pc('L2', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10)]), scan(T[1]!, [pc('L1', 10, 10), pc('L2', 12, 12, 12)])], read: firstBio, expected: 'imaging@2024-09-01' },

  // ---------------- per line ----------------
  ...(() => {
    const L1 = med('VRd', '2024-07-01', '2025-02-15');
    const L2 = med('KPd', '2025-03-01', null);
    const head = [DX, L1, L2, S(BASE, 3.0), S(T[0]!, 0.5), S(T[1]!, 0.5), S(T[2]!, 0.5)];
    const l1pd = [S(T[4]!, 1.2), S(T[5]!, 1.2), S('2025-02-25', 1.2)];
    return [
      { id: 'L01', summary: 'PD in line 1 (0.5 → 1.2); line 2 baseline 1.2 → 1.6,1.6 (+0.4)', clause: 'clinical-core: progression per line from its baseline', events: [...head, ...l1pd, S('2025-04-01', 1.6), S('2025-05-01', 1.6)], read: bioAfter('2025-03-01'), expected: 'none' },
      { id: 'L01b', summary: 'L01: line 1 PD found at 12-01', clause: '§4 PD', events: [...head, ...l1pd, S('2025-04-01', 1.6), S('2025-05-01', 1.6)], read: firstBio, expected: 'serum-m-protein@2024-12-01' },
      { id: 'L02', summary: 'line 2 baseline 1.2 → 1.7,1.7 (+0.5, 42%)', clause: 'per line PD', events: [...head, ...l1pd, S('2025-04-01', 1.7), S('2025-05-01', 1.7)], read: bioAfter('2025-03-01'), expected: 'serum-m-protein@2025-04-01' },
      { id: 'L03', summary: 'line 2 baseline 1.2 → 0.6,0.6 → 1.1,1.1', clause: 'per line nadir', events: [...head, ...l1pd, S('2025-04-01', 0.6), S('2025-05-01', 0.6), S('2025-06-01', 1.1), S('2025-07-01', 1.1)], read: bioAfter('2025-03-01'), expected: 'serum-m-protein@2025-06-01' },
      { id: 'L04', summary: 'single rise 1.2 on 02-20 (line 1), line 2 03-01, 1.25 on 03-20, 1.3 on 04-20', clause: '§4 confirmation before new therapy; clinical-core "a rise not confirmed before it started is not confirmed under it"', events: [...head, S('2025-02-20', 1.2), S('2025-03-20', 1.25), S('2025-04-20', 1.3)], read: firstBio, expected: 'none' },
      { id: 'L05', summary: 'single rise 1.2 on 02-20, 1.25 on line 2 first day 03-01', clause: 'clinical-core: next line\'s first day still confirms', events: [...head, S('2025-02-20', 1.2), S('2025-03-01', 1.25)], read: firstBio, expected: 'serum-m-protein@2025-02-20' },
    ] as Case[];
  })(),

  // ---------------- clinical relapse ----------------
  { id: 'R01', summary: 'calcium 9.5 → 11.0', clause: '§4 clinical relapse Ca >11 mg/dL', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[0]!, 'calcium', 11.0, 'mg/dL')], read: clin('hypercalcemia'), expected: 'none' },
  { id: 'R02', summary: 'calcium 9.5 → 11.01', clause: '§4 Ca >11', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[0]!, 'calcium', 11.01, 'mg/dL')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-08-01' },
  { id: 'R03', summary: 'calcium 2.75 mmol/L (11.02 mg/dL)', clause: 'clinical-core: converted then compared', events: [DX, LINE, lab(BASE, 'calcium', 2.3, 'mmol/L'), lab(T[0]!, 'calcium', 2.75, 'mmol/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-08-01' },
  { id: 'R04', summary: 'calcium 11.5 at line start, 11.5 after', clause: 'clinical-core: hypercalcemia from before the line is no relapse', events: [DX, LINE, lab(BASE, 'calcium', 11.5, 'mg/dL'), lab(T[0]!, 'calcium', 11.5, 'mg/dL')], read: clin('hypercalcemia'), expected: 'none' },
  { id: 'R04b', summary: 'calcium 11.5 → 10.0 → 11.5 (new episode)', clause: 'clinical-core new episode', events: [DX, LINE, lab(BASE, 'calcium', 11.5, 'mg/dL'), lab(T[0]!, 'calcium', 10.0, 'mg/dL'), lab(T[1]!, 'calcium', 11.5, 'mg/dL')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-09-01' },
  { id: 'R05', summary: 'Hb 12.0 → 12.5 → 10.5 (−2.0 from highest)', clause: '§4 Hb fall ≥2 g/dL', events: [DX, LINE, lab(BASE, 'hemoglobin', 12.0, 'g/dL'), lab(T[0]!, 'hemoglobin', 12.5, 'g/dL'), lab(T[1]!, 'hemoglobin', 10.5, 'g/dL')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2024-09-01' },
  { id: 'R06', summary: 'Hb 12.0 → 10.01 (−1.99)', clause: '§4 Hb ≥2', events: [DX, LINE, lab(BASE, 'hemoglobin', 12.0, 'g/dL'), lab(T[0]!, 'hemoglobin', 10.01, 'g/dL')], read: clin('hemoglobin-fall'), expected: 'none' },
  { id: 'R07', summary: 'creatinine 1.0 at start → 3.0', clause: '§4 creatinine +2 mg/dL from start of therapy', events: [DX, LINE, lab(BASE, 'creatinine', 1.0, 'mg/dL'), lab(T[0]!, 'creatinine', 3.0, 'mg/dL')], read: clin('creatinine-rise'), expected: 'creatinine-rise@2024-08-01' },
  { id: 'R08', summary: 'creatinine 1.0 → 2.99', clause: '§4 +2', events: [DX, LINE, lab(BASE, 'creatinine', 1.0, 'mg/dL'), lab(T[0]!, 'creatinine', 2.99, 'mg/dL')], read: clin('creatinine-rise'), expected: 'none' },
  { id: 'R09', summary: 'creatinine 2.5 at start → 0.8 → 2.9 (+0.4 from start, +2.1 from nadir)', clause: '§4 "from start of therapy"', events: [DX, LINE, lab(BASE, 'creatinine', 2.5, 'mg/dL'), lab(T[0]!, 'creatinine', 0.8, 'mg/dL'), lab(T[1]!, 'creatinine', 2.9, 'mg/dL')], read: clin('creatinine-rise'), expected: 'none' },
  { id: 'R10', summary: 'creatinine 88.4 → 265.2 µmol/L (1.0 → 3.0 mg/dL)', clause: '§4 +2 mg/dL; §7 SI conversion', events: [DX, LINE, lab(BASE, 'creatinine', 88.4, 'umol/L'), lab(T[0]!, 'creatinine', 265.2, 'umol/L')], read: clin('creatinine-rise'), expected: 'creatinine-rise@2024-08-01' },
  { id: 'R11', summary: 'Hb 120 g/L → 100 g/L', clause: '§4 Hb ≥2 g/dL; units', events: [DX, LINE, lab(BASE, 'hemoglobin', 120, 'g/L'), lab(T[0]!, 'hemoglobin', 100, 'g/L')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2024-08-01' },
  { id: 'R12', summary: 'plasmacytoma 20x20 → 30x20 (+50%, +10 mm)', clause: '§4 clinical relapse definite increase ≥50% and ≥1 cm', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20)]), scan(T[0]!, [pc('L1', 30, 20)])], read: clin('lesion-growth'), expected: 'lesion-growth@2024-08-01' },
  { id: 'R13', summary: 'plasmacytoma 20x20 → 29x21 (+52%, +9 mm)', clause: '§4 ≥1 cm', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20)]), scan(T[0]!, [pc('L1', 29, 21)])], read: clin('lesion-growth'), expected: 'none' },
  { id: 'R14', summary: 'imaging newLesions true in the line', clause: '§4 clinical relapse new lesions', events: [DX, LINE, event('imaging', T[0]!, { modality: 'MRI', newLesions: true })], read: clin('new-lesion'), expected: 'new-lesion@2024-08-01' },
  { id: 'R15', summary: 'calcium 12 before the first line only', clause: 'clinical-core: nothing before first line', events: [DX, LINE, lab('2024-06-20', 'calcium', 12, 'mg/dL')], read: (p) => (p.disease.clinicalRelapse ?? []).length, expected: 0 },
  { id: 'R16', summary: 'hyperviscosity active, onset in the line', clause: '§4 clinical relapse hyperviscosity', events: [DX, LINE, event('condition', T[0]!, { kind: 'hyperviscosity', status: 'active' })], read: clin('hyperviscosity'), expected: 'hyperviscosity@2024-08-01' },
  { id: 'R17', summary: 'Hb 10 → 13 → 11 (−2 from highest since start)', clause: '§4 Hb fall ≥2', events: [DX, LINE, lab(BASE, 'hemoglobin', 10, 'g/dL'), lab(T[0]!, 'hemoglobin', 13, 'g/dL'), lab(T[1]!, 'hemoglobin', 11, 'g/dL')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2024-09-01' },
  { id: 'X01', summary: 'calcium 12 in the line, serum stable 2.0: no IMWG progression', clause: '§4 clinical relapse not used for PFS/TTP', events: [...serum([2.0, 2.0, 2.0]), lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[1]!, 'calcium', 12, 'mg/dL')], read: (p) => p.disease.progressions.length, expected: 0 },

  // ---------------- significant biochemical relapse ----------------
  { id: 'B01', summary: 'serum nadir 0.5 → 1.0,1.0 (doubling)', clause: '§4 [S19] M-protein doubling from ≥5 g/L', events: serum([2.0, 0.5, 0.5, 1.0, 1.0]), read: biochem('serum-doubling'), expected: 'serum-doubling@2024-10-01' },
  { id: 'B02', summary: 'serum nadir 0.4 → 0.8,0.8', clause: '[S19] doubling needs nadir ≥5 g/L', events: serum([2.0, 0.4, 0.4, 0.8, 0.8]), read: (p) => (p.disease.significantBiochemicalRelapse ?? []).length, expected: 0 },
  { id: 'B03', summary: 'serum nadir 2.0 → 3.0,3.0', clause: '[S19] serum rise ≥10 g/L', events: serum([3.0, 2.0, 2.0, 3.0, 3.0]), read: biochem('serum-rise'), expected: 'serum-rise@2024-10-01' },
  { id: 'B04', summary: 'serum nadir 2.0 → 2.99,2.99', clause: '[S19] ≥10 g/L', events: serum([3.0, 2.0, 2.0, 2.99, 2.99]), read: (p) => (p.disease.significantBiochemicalRelapse ?? []).length, expected: 0 },
  { id: 'B05', summary: 'urine nadir 300 → 800,800', clause: '[S19] urine ≥500 mg/24h', events: urine([1000, 300, 300, 800, 800]), read: biochem('urine-rise'), expected: 'urine-rise@2024-10-01' },
  { id: 'B06', summary: 'urine nadir 300 → 799,799', clause: '[S19] urine ≥500', events: urine([1000, 300, 300, 799, 799]), read: biochem('urine-rise'), expected: 'none' },
  { id: 'B07', summary: 'serum 2.0 → 3.0 on 2025-03-01 and 3.0 on 2025-05-02 (> 2 calendar months)', clause: '[S19] two consecutive within 2 months; relapseIndicators', events: [DX, LINE, S(BASE, 3.0), S(T[0]!, 2.0), S(T[1]!, 2.0), S('2025-03-01', 3.0), S('2025-05-02', 3.0)], read: biochem('serum-rise'), expected: 'none' },
  { id: 'B08', summary: 'serum 2.0 → 3.0 on 2025-03-01 and 3.0 on 2025-05-01 (exactly 2 months)', clause: '[S19] within 2 months', events: [DX, LINE, S(BASE, 3.0), S(T[0]!, 2.0), S(T[1]!, 2.0), S('2025-03-01', 3.0), S('2025-05-01', 3.0)], read: biochem('serum-rise'), expected: 'serum-rise@2025-03-01' },
  { id: 'B09', summary: 'LC κ: κ nadir 100 → 300 mg/L (+20 mg/dL), ratio 30', clause: '[S19] iFLC ≥20 mg/dL with abnormal ratio', events: flc([500, 100, 100, 300, 300]), read: biochem('involved-flc-rise'), expected: 'involved-flc-rise@2024-10-01' },
  { id: 'B10', summary: 'LC κ: κ nadir 1000 → 1220 mg/L (+22 mg/dL < 25%)', clause: 'relapseIndicators: +20 mg/dL or +25%, the greater', events: flc([2000, 1000, 1000, 1220, 1220]), read: biochem('involved-flc-rise'), expected: 'none' },
  { id: 'B11', summary: 'LC κ: κ nadir 1000 → 1250 mg/L (+25 mg/dL = 25%)', clause: 'relapseIndicators', events: flc([2000, 1000, 1000, 1250, 1250]), read: biochem('involved-flc-rise'), expected: 'involved-flc-rise@2024-10-01' },

  // ---------------- relapse from CR ----------------
  ...(() => {
    const cr = [DX, LINE, S(BASE, 2.0), S(T[0]!, 0), sIFE(T[0]!, 'negative'), uIFE(T[0]!, 'negative'), S(T[1]!, 0), sIFE(T[1]!, 'negative'), uIFE(T[1]!, 'negative'), BM(T[1]!, 2), response(T[2]!, 'CR')];
    const mrdNeg = mrd(T[3]!, 'negative', 'NGS', 1e-5);
    return [
      { id: 'CR01', summary: 'CR 10-01; marrow PC 5% on 12-01', clause: '§4 relapse from CR ≥5% marrow PCs', events: [...cr, BM(T[4]!, 5)], read: fromCr, expected: '2024-12-01' },
      { id: 'CR02', summary: 'CR 10-01; marrow PC 4.9%', clause: '§4 ≥5%', events: [...cr, BM(T[4]!, 4.9)], read: fromCr, expected: 'none' },
      { id: 'CR03', summary: 'CR; urine IFE positive 12-01', clause: '§4 reappearance of M-protein by IFE', events: [...cr, uIFE(T[4]!, 'positive')], read: fromCr, expected: '2024-12-01' },
      { id: 'CR04', summary: 'CR; serum M-protein 0.1 by SPEP 12-01', clause: '§4 reappearance by electrophoresis', events: [...cr, S(T[4]!, 0.1)], read: fromCr, expected: '2024-12-01' },
      { id: 'CR05', summary: 'CR; calcium 11.5 (baseline 9.5) 12-01', clause: '§4 relapse from CR: other progression sign', events: [...cr, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[4]!, 'calcium', 11.5, 'mg/dL')], read: fromCr, expected: '2024-12-01' },
      { id: 'CR06', summary: 'CR; serum IFE positive on 12-01 and 2025-01-01: date is the first', clause: '§4 relapse from CR', events: [...cr, sIFE(T[4]!, 'positive'), sIFE(T[5]!, 'positive')], read: fromCr, expected: '2024-12-01' },
      { id: 'MRD01', summary: 'CR, MRD NGS neg 1e-5 11-01, serum IFE positive 12-01', clause: '§4 relapse from MRD-negative (relapse-from-CR events)', events: [...cr, mrdNeg, sIFE(T[4]!, 'positive')], read: lost, expected: '2024-12-01' },
      { id: 'MRD02', summary: 'MRD neg 11-01, PET-CT positive 12-01', clause: '§4 loss of MRD negativity by imaging', events: [...cr, mrdNeg, event('imaging', T[4]!, { modality: 'PET-CT', mrd: 'positive' })], read: lost, expected: '2024-12-01' },
      { id: 'MRD03', summary: 'MRD neg 11-01, marrow 4% 12-01', clause: '§4 ≥5% marrow', events: [...cr, mrdNeg, BM(T[4]!, 4)], read: lost, expected: 'none' },
      { id: 'MRD04', summary: 'MRD neg 11-01, marrow 5% 12-01', clause: '§4 ≥5% marrow', events: [...cr, mrdNeg, BM(T[4]!, 5)], read: lost, expected: '2024-12-01' },
      { id: 'MRD05', summary: 'MRD neg then serum IFE positive: mrd negative rule', clause: 'criteria-language mrd: negativity lost reads positive', events: [...cr, mrdNeg, sIFE(T[4]!, 'positive')], read: ruleRead({ fact: 'mrd', result: 'negative' }, AS_OF), expected: 'NOT_MET' },
      { id: 'MRD06', summary: 'MRD neg 11-01, serum M-protein 0.2 on 12-01', clause: '§4 relapse-from-CR event', events: [...cr, mrdNeg, S(T[4]!, 0.2)], read: lost, expected: '2024-12-01' },
    ] as Case[];
  })(),

  // ---------------- engine leaves ----------------
  { id: 'E01', summary: 'serum PD began 10-01 (confirmed 11-01); timeSince progression maxDays 90 on 12-30', clause: '§4 PD dated at first; criteria-language timeSince', events: serum([3.0, 1.0, 1.0, 1.5, 1.5]), asOf: '2024-12-30', read: ruleRead({ fact: 'timeSince', event: 'progression', maxDays: 90 }, '2024-12-30'), expected: 'MET' },
  { id: 'E01b', summary: 'same on 12-31 (91 days)', clause: '§4 PD dated at first of two', events: serum([3.0, 1.0, 1.0, 1.5, 1.5]), asOf: '2024-12-31', read: ruleRead({ fact: 'timeSince', event: 'progression', maxDays: 90 }, '2024-12-31'), expected: 'NOT_MET' },
  { id: 'E02', summary: 'E01b + reported PD 11-15 (same progression, later documentation)', clause: 'clinical-core progressionDate', events: [...serum([3.0, 1.0, 1.0, 1.5, 1.5]), response('2024-11-15', 'PD')], asOf: '2024-12-31', read: ruleRead({ fact: 'timeSince', event: 'progression', maxDays: 90 }, '2024-12-31'), expected: 'NOT_MET' },
  { id: 'E03', summary: 'no progression; timeSince progression minDays 30', clause: 'criteria-language washout met when event never happened', events: serum([2.0, 2.0, 2.0]), read: ruleRead({ fact: 'timeSince', event: 'progression', minDays: 30 }, AS_OF), expected: 'MET' },
  { id: 'E03b', summary: 'reported PD 2024-10-01; minDays 30 on 10-31', clause: 'criteria-language timeSince: met from day N', events: [DX, LINE, response(T[1]!, 'SD'), response(T[2]!, 'PD')], asOf: '2024-10-31', read: ruleRead({ fact: 'timeSince', event: 'progression', minDays: 30 }, '2024-10-31'), expected: 'MET' },
  { id: 'E03c', summary: 'reported PD 2024-10-01; minDays 30 on 10-30', clause: 'criteria-language timeSince', events: [DX, LINE, response(T[1]!, 'SD'), response(T[2]!, 'PD')], asOf: '2024-10-30', read: ruleRead({ fact: 'timeSince', event: 'progression', minDays: 30 }, '2024-10-30'), expected: 'NOT_MET' },
  { id: 'E04', summary: 'single line, confirmed serum PD on it', clause: 'progressionAfterLastLine', events: serum([3.0, 1.0, 1.0, 1.5, 1.5]), read: ruleRead({ fact: 'progressionAfterLastLine' }, AS_OF), expected: 'MET' },
  ...(() => {
    const two = [DX, med('VRd', '2024-07-01', '2025-02-28'), med('KPd', '2025-03-01', null), response('2024-10-01', 'PR'), response('2025-03-10', 'PD')];
    return [
      { id: 'E05', summary: 'line 2 03-01, PD reported 03-10 (prompting), nothing after', clause: 'criteria-language progressionAfterLastLine unknown', events: two, asOf: '2025-04-30', read: ruleRead({ fact: 'progressionAfterLastLine' }, '2025-04-30'), expected: 'UNKNOWN' },
      { id: 'E06', summary: 'E05 + SD reported 04-15', clause: 'progressionAfterLastLine', events: [...two, response('2025-04-15', 'SD')], asOf: '2025-04-30', read: ruleRead({ fact: 'progressionAfterLastLine' }, '2025-04-30'), expected: 'NOT_MET' },
    ] as Case[];
  })(),
  ...(() => {
    const rd = (pd: string) => [DX, med('Rd', '2024-07-01', '2025-01-31'), response('2024-10-01', 'PR'), response('2024-11-01', 'PR'), response(pd, 'PD')];
    return [
      { id: 'E07', summary: 'Rd last dose 01-31, PR, PD reported 04-01 (60 d); withinDaysOfLastDose 60', clause: 'progressionAfterLastLine within 60 days', events: rd('2025-04-01'), read: ruleRead({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, AS_OF), expected: 'MET' },
      { id: 'E08', summary: 'as E07, PD 04-02 (61 d)', clause: 'withinDaysOfLastDose', events: rd('2025-04-02'), read: ruleRead({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, AS_OF), expected: 'NOT_MET' },
      { id: 'E11', summary: 'Rd, PR, PD 60 days after last dose; lenalidomide progressionOnly', clause: '§1 PD within 60 days; progressionOnly', events: rd('2025-04-01'), read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'MET' },
      { id: 'E12', summary: 'Rd, PR, PD 61 days after last dose; lenalidomide progressionOnly', clause: '§1 60 days', events: rd('2025-04-02'), read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
      { id: 'S01', summary: 'Rd, PR, PD 60 d after last dose: relapsed-and-refractory', clause: '§1 relapsed-and-refractory', events: rd('2025-04-01'), read: (p: P) => `rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed}`, expected: 'rr1 r0' },
      { id: 'S02', summary: 'Rd, PR, PD 61 d after last dose: relapsed', clause: '§1 relapsed (>60 days)', events: rd('2025-04-02'), read: (p: P) => `rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed}`, expected: 'rr0 r1' },
    ] as Case[];
  })(),
  ...(() => {
    // Rd, PR by serum; last dose 01-31; serum rise 04-01 (60 d) confirmed 04-20: progression dated 04-01 → refractory.
    const ev = [DX, med('Rd', '2024-07-01', '2025-01-31'), S(BASE, 3.0), S(T[0]!, 1.0), S(T[1]!, 1.0), S(T[2]!, 1.0), S('2025-01-15', 1.0), S('2025-04-01', 1.6), S('2025-04-20', 1.6)];
    const ev2 = [DX, med('Rd', '2024-07-01', '2025-01-31'), S(BASE, 3.0), S(T[0]!, 1.0), S(T[1]!, 1.0), S(T[2]!, 1.0), S('2025-01-15', 1.0), S('2025-04-02', 1.6), S('2025-04-20', 1.6)];
    return [
      { id: 'S03', summary: 'biochemical PD first value on day 60 after last dose, confirmed day 79', clause: '§1 PD within 60 days; §4 dated at first', events: ev, read: (p: P) => `rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed}`, expected: 'rr1 r0' },
      { id: 'S04', summary: 'same, first value on day 61', clause: '§1 relapsed', events: ev2, read: (p: P) => `rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed}`, expected: 'rr0 r1' },
      { id: 'E13', summary: 'S03: lenalidomide progressionOnly', clause: 'progressionOnly', events: ev, read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'MET' },
      { id: 'E13b', summary: 'S04: lenalidomide progressionOnly', clause: 'progressionOnly', events: ev2, read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
    ] as Case[];
  })(),
  ...(() => {
    const sd = [DX, med('Rd', '2024-07-01', null), response('2024-10-01', 'SD'), response('2024-12-01', 'SD')];
    return [
      { id: 'E09', summary: 'Rd ongoing, SD at 92 and 153 days, no PD: lenalidomide refractory (nonresponse)', clause: '§1 nonresponsive = refractory', events: sd, read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide' }, AS_OF), expected: 'MET' },
      { id: 'E10', summary: 'same, progressionOnly', clause: 'criteria-language progressionOnly: not by nonresponse', events: sd, read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
      { id: 'E10b', summary: 'same, classRefractory IMID progressionOnly', clause: 'progressionOnly', events: sd, read: ruleRead({ fact: 'classRefractory', class: 'IMID', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
    ] as Case[];
  })(),

  // ---------------- round 2: harder boundaries ----------------
  { id: 'Q01', summary: 'IFE negative (no SPEP) T0,T1 after serum 2.0 → nadir 0; then 0.5,0.5', clause: 'v9: negative IFE without SPEP is M-protein 0 for the nadir', events: [DX, LINE, S(BASE, 2.0), sIFE(T[0]!, 'negative'), sIFE(T[1]!, 'negative'), S(T[2]!, 0.5), S(T[3]!, 0.5)], read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'Q02', summary: '3.0 → 1.0 twice on T0 → 1.4,1.4 → 1.8,1.8: same-day pair confirms no nadir', clause: 'v10: a value entered twice one day does not confirm a nadir', events: [...serum([3.0, 1.0, 1.4, 1.4, 1.8, 1.8]), S(T[0]!, 1.0)], read: firstBio, expected: 'none' },
  { id: 'Q03', summary: '3.0 → 1.2, 1.0 → 1.5,1.5: confirmed nadir is 1.2 (higher of pair)', clause: 'progressionNadir confirmed: the higher of the pair', events: serum([3.0, 1.2, 1.0, 1.5, 1.5]), read: firstBio, expected: 'none' },
  { id: 'Q04', summary: 'never responded: baseline 2.0 → 2.6,2.6 (+0.6, 30%)', clause: '§4 note: nadir may equal baseline', events: serum([2.0, 2.6, 2.6]), read: firstBio, expected: 'serum-m-protein@2024-08-01' },
  { id: 'Q05', summary: 'urine 0 → 200,200', clause: '§4 PD urine abs ≥200 from 0', events: urine([500, 0, 0, 200, 200]), read: firstBio, expected: 'urine-m-protein@2024-10-01' },
  { id: 'Q06', summary: 'urine 0 → 199,199', clause: '§4 PD urine abs ≥200', events: urine([500, 0, 0, 199, 199]), read: firstBio, expected: 'none' },
  { id: 'Q07', summary: 'urine in g/24h 1.0 → 0.4,0.4 → 0.6,0.6', clause: '§8 units', events: [DX, LINE, ...series((d, v) => lab(d, 'urine m-protein', v, 'g/(24.h)'), [1.0, 0.4, 0.4, 0.6, 0.6])], read: firstBio, expected: 'urine-m-protein@2024-10-01' },
  { id: 'Q08', summary: 'LC λ: λ 400 → 100 stable; uninvolved κ 10 → 150,150', clause: '§4 dFLC = involved − uninvolved', events: [diagnosis('2024-06-01', 'none', 'lambda'), LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 0), U(d, 0), ...K(d, [10, 10, 10, 150, 150][i]!, [400, 100, 100, 100, 100][i]!)])], read: firstBio, expected: 'none' },
  { id: 'Q09', summary: 'baseline scan SPD 200 (two 10x10) before line; first in-line scan SPD 300', clause: '§4 SPD +50% from nadir (baseline)', events: [DX, LINE, scan(BASE, [pc('L1', 10, 10), pc('L2', 10, 10)]), scan(T[0]!, [pc('L1', 15, 10), pc('L2', 15, 10)])], read: firstBio, expected: 'imaging@2024-08-01' },
  { id: 'Q10', summary: 'SPD nadir 200 (L1,L2); later L2 gone, L1 30x10 (SPD 300)', clause: 'clinical-core: >1 lesion present at the nadir or now', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20), pc('L2', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10), pc('L2', 10, 10)]), scan(T[1]!, [pc('L1', 30, 10)])], read: firstBio, expected: 'imaging@2024-09-01' },
  { id: 'Q11', summary: 'creatinine 1.0 (06-25), 1.5 (06-30), line 07-01, 3.4 → +1.9 from start', clause: '§4 creatinine from start of therapy (last before line)', events: [DX, LINE, lab(BASE, 'creatinine', 1.0, 'mg/dL'), lab('2024-06-30', 'creatinine', 1.5, 'mg/dL'), lab(T[0]!, 'creatinine', 3.4, 'mg/dL')], read: clin('creatinine-rise'), expected: 'none' },
  { id: 'Q12', summary: 'serum nadir 0.5 (08-01, 09-01), 1.0 on 2025-01-01 and 2025-02-01', clause: 'relapseIndicators: doubling may take longer than 2 months', events: [DX, LINE, S(BASE, 2.0), S(T[0]!, 0.5), S(T[1]!, 0.5), S(T[5]!, 1.0), S(T[6]!, 1.0)], read: biochem('serum-doubling'), expected: 'serum-doubling@2025-01-01' },
  { id: 'Q13', summary: 'κ 100 → 300 but λ 10 → 300 (normal ratio)', clause: '[S19] iFLC rise needs abnormal ratio', events: [DX_LC, LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, 0), U(d, 0), ...K(d, [500, 100, 100, 300, 300][i]!, [10, 10, 10, 300, 300][i]!)])], read: biochem('involved-flc-rise'), expected: 'none' },
  { id: 'Q14', summary: 'calcium 5.6 mEq/L (11.22 mg/dL)', clause: 'clinical-core mEq/L conversion; §4 Ca >11', events: [DX, LINE, lab(BASE, 'calcium', 4.6, 'meq/L'), lab(T[0]!, 'calcium', 5.6, 'meq/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-08-01' },
  { id: 'Q15', summary: 'plasmacytoma L2 first named on a later scan: clinical relapse new-lesion', clause: '§4 clinical relapse new lesions', events: [DX, LINE, scan(BASE, [pc('L1', 20, 20)]), scan(T[0]!, [pc('L1', 10, 10)]), scan(T[1]!, [pc('L1', 10, 10), pc('L2', 10, 10)])], read: clin('new-lesion'), expected: 'new-lesion@2024-09-01' },
  ...(() => {
    const cr = [DX, LINE, S(BASE, 2.0), S(T[0]!, 0), sIFE(T[0]!, 'negative'), uIFE(T[0]!, 'negative'), S(T[1]!, 0), sIFE(T[1]!, 'negative'), uIFE(T[1]!, 'negative'), BM(T[1]!, 2), response(T[2]!, 'CR')];
    return [
      { id: 'Q16', summary: 'CR reported 10-01; marrow 6% 11-01; CR reported again 2025-01-01', clause: 'clinical-core relapseFromCr after the latest CR', events: [...cr, BM(T[3]!, 6), response(T[5]!, 'CR')], read: fromCr, expected: 'none' },
      { id: 'Q17', summary: 'MRD neg 1e-5 11-01, serum IFE positive 12-01, MRD neg 1e-4 2025-01-01', clause: 'v15: a coarser negative after a relapse does not undo it', events: [...cr, mrd(T[3]!, 'negative', 'NGS', 1e-5), sIFE(T[4]!, 'positive'), mrd(T[5]!, 'negative', 'NGS', 1e-4)], read: lost, expected: '2024-12-01' },
      { id: 'Q18', summary: 'CR (computed: IFE neg ×2, marrow 2%), no reported CR; marrow 6% on 12-01', clause: '§4 relapse from CR', events: [...cr.filter((e) => e.type !== 'response-assessment'), S(T[2]!, 0), sIFE(T[2]!, 'negative'), uIFE(T[2]!, 'negative'), BM(T[4]!, 6)], read: fromCr, expected: '2024-12-01' },
      { id: 'Q19', summary: 'CR; new lesion on imaging 12-01', clause: '§4 relapse from CR: other progression sign', events: [...cr, event('imaging', T[4]!, { modality: 'MRI', newLesions: true })], read: fromCr, expected: '2024-12-01' },
    ] as Case[];
  })(),
  ...(() => {
    const two = (pd: string) => [DX, med('Rd', '2024-07-01', '2025-01-31'), med('KPd', '2025-02-10', null), response('2024-10-01', 'PR'), response('2024-11-01', 'PR'), response(pd, 'PD')];
    return [
      { id: 'Q20', summary: 'Rd to 01-31 (PR), KPd 02-10, PD 03-15 (day 33 of KPd): lenalidomide progressionOnly', clause: '§1 PD within 60 days of *last* therapy; clinical-core not after next line', events: two('2025-03-15'), read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
      { id: 'Q21', summary: 'same: carfilzomib progressionOnly', clause: '§1 PD on therapy', events: two('2025-03-15'), read: ruleRead({ fact: 'drugRefractory', drug: 'carfilzomib', progressionOnly: true }, AS_OF), expected: 'MET' },
      { id: 'Q22', summary: 'PD 02-20 (day 10 of KPd): lenalidomide progressionOnly', clause: 'earlyProgressionDays: prompted the line, failure of the therapy before', events: two('2025-02-20'), read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'MET' },
      { id: 'Q23', summary: 'PD 02-20 (day 10 of KPd), nothing after: progressionAfterLastLine', clause: 'criteria-language: unknown until assessed after first 14 days', events: two('2025-02-20'), read: ruleRead({ fact: 'progressionAfterLastLine' }, AS_OF), expected: 'UNKNOWN' },
      { id: 'Q24', summary: 'PD 03-15 on KPd: progressionAfterLastLine', clause: 'progressionAfterLastLine', events: two('2025-03-15'), read: ruleRead({ fact: 'progressionAfterLastLine' }, AS_OF), expected: 'MET' },
    ] as Case[];
  })(),
  ...(() => {
    const ev = [DX, med('Rd', '2024-07-01', '2025-01-31'), S(BASE, 3.0), S(T[0]!, 1.0), S(T[1]!, 1.0), S(T[2]!, 1.0), S('2025-01-15', 1.0), S('2025-04-01', 1.6), S('2025-04-20', 1.6)];
    const ev2 = [DX, med('Rd', '2024-07-01', '2025-01-31'), S(BASE, 3.0), S(T[0]!, 1.0), S(T[1]!, 1.0), S(T[2]!, 1.0), S('2025-01-15', 1.0), S('2025-04-02', 1.6), S('2025-04-20', 1.6)];
    return [
      { id: 'Q25', summary: 'biochemical PD first value day 60 after last dose: progressionAfterLastLine within 60', clause: '§4 date = first of two', events: ev, read: ruleRead({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, AS_OF), expected: 'MET' },
      { id: 'Q26', summary: 'first value day 61: progressionAfterLastLine within 60', clause: '§4 date = first of two', events: ev2, read: ruleRead({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, AS_OF), expected: 'NOT_MET' },
      { id: 'Q27', summary: 'timeSince progression maxDays 18 on 2025-04-20 (confirmation day, 19 d after first)', clause: '§4 date = first', events: ev, asOf: '2025-04-20', read: ruleRead({ fact: 'timeSince', event: 'progression', maxDays: 18 }, '2025-04-20'), expected: 'NOT_MET' },
    ] as Case[];
  })(),
  { id: 'Q28', summary: 'two progressions: PD 10-01 (line 1), KPd 10-10, PR 12-01, PD 2025-03-01; timeSince maxDays 30 on 03-20', clause: 'timeSince the latest progression', events: [DX, med('VRd', '2024-07-01', '2024-10-05'), med('KPd', '2024-10-10', null), response(T[1]!, 'SD'), response(T[2]!, 'PD'), response(T[4]!, 'PR'), response('2025-01-15', 'PR'), response('2025-03-01', 'PD')], asOf: '2025-03-20', read: ruleRead({ fact: 'timeSince', event: 'progression', maxDays: 30 }, '2025-03-20'), expected: 'MET' },
  { id: 'Q29', summary: 'serum and urine: serum falls, urine rises 300 → 600,600', clause: '§4 PD any parameter', events: [DX, LINE, ...series((d, v) => S(d, v), [3.0, 1.0, 1.0, 0.8, 0.8]), ...series(U, [1000, 300, 300, 600, 600])], read: firstBio, expected: 'urine-m-protein@2024-10-01' },
  { id: 'Q30', summary: 'serum 50 g/L nadir → 60,60 g/L (nadir 5 g/dL, +1 g/dL)', clause: '§4 nadir ≥5; units', events: [DX, LINE, ...series((d, v) => S(d, v, 'g/L'), [50, 50, 50, 60, 60])], read: firstBio, expected: 'serum-m-protein@2024-10-01' },

  // ---------------- round 3: same-day / clinical-day traps ----------------
  { id: 'D01', summary: 'nadir day T0 08:00 1.0, 16:00 0.5; T1 0.5 → nadir 0.5; 1.0,1.0', clause: 'v14: nadir reads the day\'s latest value', events: [DX, LINE, S(BASE, 3.0), timedLab(`${T[0]!}T08:00:00Z`, 'serum m-protein', 1.0, 'g/dL'), timedLab(`${T[0]!}T16:00:00Z`, 'serum m-protein', 0.5, 'g/dL'), S(T[1]!, 0.5), S(T[2]!, 1.0), S(T[3]!, 1.0)], read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'D02', summary: 'rise 1.6 on 10-01 (untimed) and 1.6 at 2024-10-01T23:30-05:00 (same clinical day)', clause: 'clinical-core: clinical date = day written; one day one assessment', events: [...serum([3.0, 1.0, 1.0, 1.6]), timedLab('2024-10-01T23:30:00-05:00', 'serum m-protein', 1.6, 'g/dL')], read: firstBio, expected: 'none' },
  { id: 'D03', summary: 'rise 1.6 on 10-01 (untimed) and 1.6 at 2024-10-02T01:00+05:00 (next clinical day)', clause: 'clinical-core: clinical date = day written', events: [...serum([3.0, 1.0, 1.0, 1.6]), timedLab('2024-10-02T01:00:00+05:00', 'serum m-protein', 1.6, 'g/dL')], read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'D04', summary: 'calcium T0 08:00 11.5, 16:00 10.0', clause: 'v16: relapse indicators read each day\'s latest', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), timedLab(`${T[0]!}T08:00:00Z`, 'calcium', 11.5, 'mg/dL'), timedLab(`${T[0]!}T16:00:00Z`, 'calcium', 10.0, 'mg/dL')], read: clin('hypercalcemia'), expected: 'none' },
  { id: 'D05', summary: 'calcium T0 untimed 12.0, timed 10:00 10.0', clause: 'v16 day latest, untimed before timed', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[0]!, 'calcium', 12.0, 'mg/dL'), timedLab(`${T[0]!}T10:00:00Z`, 'calcium', 10.0, 'mg/dL')], read: clin('hypercalcemia'), expected: 'none' },
  { id: 'D06', summary: 'Hb 12 baseline; T0 08:00 9.5, 16:00 11.0', clause: 'v16 day latest', events: [DX, LINE, lab(BASE, 'hemoglobin', 12, 'g/dL'), timedLab(`${T[0]!}T08:00:00Z`, 'hemoglobin', 9.5, 'g/dL'), timedLab(`${T[0]!}T16:00:00Z`, 'hemoglobin', 11.0, 'g/dL')], read: clin('hemoglobin-fall'), expected: 'none' },
  { id: 'D07', summary: 'creatinine baseline: 06-30 08:00 3.0, 16:00 1.0 (latest); T0 3.0', clause: 'v16 day latest; from start of therapy', events: [DX, LINE, timedLab('2024-06-30T08:00:00Z', 'creatinine', 3.0, 'mg/dL'), timedLab('2024-06-30T16:00:00Z', 'creatinine', 1.0, 'mg/dL'), lab(T[0]!, 'creatinine', 3.0, 'mg/dL')], read: clin('creatinine-rise'), expected: 'creatinine-rise@2024-08-01' },
  { id: 'D08', summary: 'serum nadir 2.0; 3.0 twice on T2, nothing after', clause: 'relapseIndicators: second value on the day is the same measurement', events: [...serum([3.0, 2.0, 2.0, 3.0]), S(T[2]!, 3.0)], read: (p) => (p.disease.significantBiochemicalRelapse ?? []).length, expected: 0 },
  { id: 'D09', summary: 'calcium at 2024-08-01T23:00-05:00 11.5 (clinical day 08-01) then untimed 08-02 10.0', clause: 'clinical day; hypercalcemia on 08-01', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), timedLab('2024-08-01T23:00:00-05:00', 'calcium', 11.5, 'mg/dL'), lab('2024-08-02', 'calcium', 10.0, 'mg/dL')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-08-01' },
  // per line, imaging and urine
  ...(() => {
    const L1 = med('VRd', '2024-07-01', '2025-02-15');
    const L2 = med('KPd', '2025-03-01', null);
    return [
      { id: 'D10', summary: 'line 1 SPD nadir 100 (two 10x5); line 2 baseline scan SPD 400; in line 2 SPD 500 (+25%)', clause: 'clinical-core imaging: from the lowest value within the line', events: [DX, L1, L2, scan(BASE, [pc('L1', 20, 10), pc('L2', 20, 10)]), scan(T[1]!, [pc('L1', 10, 5), pc('L2', 10, 5)]), scan('2025-02-25', [pc('L1', 20, 10), pc('L2', 20, 10)]), scan('2025-04-01', [pc('L1', 25, 10), pc('L2', 25, 10)])], read: bioAfter('2025-03-01'), expected: 'none' },
      { id: 'D11', summary: 'line 1 urine nadir 200; line 2 baseline 800; in line 2 900,900 (+100)', clause: 'clinical-core: per line baseline', events: [DX, L1, L2, U(BASE, 1000), U(T[0]!, 200), U(T[1]!, 200), U(T[4]!, 800), U(T[5]!, 800), U('2025-02-25', 800), U('2025-04-01', 900), U('2025-05-01', 900)], read: bioAfter('2025-03-01'), expected: 'none' },
    ] as Case[];
  })(),
  // a stop for progression
  ...(() => {
    const ev = [DX, med('Rd', '2024-07-01', '2025-01-31', { reasonStopped: 'progression' }), response('2024-10-01', 'PR'), response('2024-11-01', 'PR')];
    return [
      { id: 'D12', summary: 'Rd stopped for progression 01-31 (PR before): lenalidomide progressionOnly', clause: 'v10: a stop for progression is a progression on the last dose', events: ev, read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'MET' },
      { id: 'D13', summary: 'same: progressionDate', clause: 'v10 dated on its last dose', events: ev, read: (p: P) => p.disease.progressionDate, expected: '2025-01-31' },
      { id: 'D14', summary: 'same: timeSince progression minDays 60 on 2025-04-01 (60 d)', clause: 'criteria-language timeSince: met from day N', events: ev, asOf: '2025-04-01', read: ruleRead({ fact: 'timeSince', event: 'progression', minDays: 60 }, '2025-04-01'), expected: 'MET' },
    ] as Case[];
  })(),

  // ---------------- round 4 ----------------
  { id: 'G01', summary: 'κ 150 / λ 100 mg/L (ratio 1.5 normal: FLC unmeasurable); marrow 40 → 20 → 30', clause: '§4/§5 FLC measurable needs abnormal ratio; marrow PD', events: [DX, LINE, ...DATES.slice(0, 3).flatMap((d) => [S(d, 0), U(d, 0), ...K(d, 150, 100)]), BM(BASE, 40), BM(T[0]!, 20), BM(T[1]!, 30)], read: firstBio, expected: 'marrow-plasma-cells@2024-09-01' },
  { id: 'G02', summary: 'LC κ with involved FLC 8 mg/dL at baseline; dFLC 70 → 190 mg/L confirmed', clause: '§4 dFLC whenever serum & urine unmeasurable (no FLC-measurable condition)', events: flc([80, 80, 80, 200, 200]), read: firstBio, expected: 'dflc@2024-10-01' },
  { id: 'G03', summary: 'single lesion 20x8 (short 8) → 30x12 (short 12 now)', clause: 'clinical-core: short axis on the current scan >10 mm', events: [DX, LINE, scan(BASE, [pc('L1', 20, 8, 8)]), scan(T[0]!, [pc('L1', 30, 12, 12)])], read: firstBio, expected: 'imaging@2024-08-01' },
  { id: 'G04', summary: 'Rd SD for months (nonresponse), stopped 01-31, PD 04-15: lenalidomide default', clause: '§1 nonresponsive', events: [DX, med('Rd', '2024-07-01', '2025-01-31'), response(T[2]!, 'SD'), response(T[4]!, 'SD'), response('2025-04-15', 'PD')], read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide' }, AS_OF), expected: 'MET' },
  { id: 'G05', summary: 'same: progressionOnly (PD 74 d after last dose)', clause: 'progressionOnly: not by nonresponse', events: [DX, med('Rd', '2024-07-01', '2025-01-31'), response(T[2]!, 'SD'), response(T[4]!, 'SD'), response('2025-04-15', 'PD')], read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'NOT_MET' },
  { id: 'G06', summary: 'prior VRd line; cilta-cel 2025-03-01; PD reported 03-05', clause: 'criteria-language: after a CAR-T infusion, however soon, the product\'s', events: [DX, med('VRd', '2024-07-01', '2025-01-15'), response(T[2]!, 'PR'), carT('2025-03-01', 'cilta-cel'), response('2025-03-05', 'PD')], read: ruleRead({ fact: 'progressionAfterLastLine' }, AS_OF), expected: 'MET' },
  { id: 'G07', summary: 'progression began before asOf but confirmed after it: as of the first day no progression', clause: '§4 needs two assessments; later events ignored', events: serum([3.0, 1.0, 1.0, 1.5, 1.5]), asOf: '2024-10-15', read: (p) => p.disease.progressions.length, expected: 0 },
  { id: 'G08', summary: 'serum measurable at line baseline (1.5) → 0,0 in line; κ rise +12 mg/dL confirmed', clause: 'clinical-core dFLC in a line only when neither was measurable at its baseline', events: [DX, LINE, ...DATES.slice(0, 5).flatMap((d, i) => [S(d, [1.5, 0, 0, 0, 0][i]!), U(d, 0), ...K(d, [20, 20, 20, 140, 140][i]!, 10)])], read: (p) => bio(p).filter((x) => x.source === 'dflc').length, expected: 0 },

  { id: 'G09', summary: 'serum 6.0 → 4.9, 5.0 (confirmed nadir 5.0) → 6.0,6.0 (+1.0, 20%)', clause: '§4 nadir ≥5 uses the confirmed nadir', events: serum([6.0, 4.9, 5.0, 6.0, 6.0]), read: firstBio, expected: 'serum-m-protein@2024-10-01' },
  { id: 'G10', summary: 'serum rise 3.0 on 2024-12-31 and 2025-02-28 (within 2 calendar months)', clause: 'relapseIndicators consecutiveWithinMonths', events: [DX, LINE, S(BASE, 3.0), S(T[0]!, 2.0), S(T[1]!, 2.0), S('2024-12-31', 3.0), S('2025-02-28', 3.0)], read: biochem('serum-rise'), expected: 'serum-rise@2024-12-31' },
  { id: 'G11', summary: 'serum rise 3.0 on 2024-12-31 and 2025-03-02', clause: 'relapseIndicators: more than 2 calendar months', events: [DX, LINE, S(BASE, 3.0), S(T[0]!, 2.0), S(T[1]!, 2.0), S('2024-12-31', 3.0), S('2025-03-02', 3.0)], read: biochem('serum-rise'), expected: 'none' },
  { id: 'G12', summary: 'VRd last dose 2024-12-15, ASCT 2025-01-15 (same line), PD 2025-03-10; withinDaysOfLastDose 60', clause: 'criteria-language: or of a later transplant of the line', events: [DX, med('VRd', '2024-07-01', '2024-12-15'), sct('2025-01-15'), response(T[2]!, 'PR'), response(T[3]!, 'PR'), response('2025-03-10', 'PD')], read: ruleRead({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, AS_OF), expected: 'MET' },
  { id: 'G13', summary: 'calcium 2.745 mmol/L (11.001 mg/dL)', clause: '§4 Ca >11 after conversion', events: [DX, LINE, lab(BASE, 'calcium', 2.3, 'mmol/L'), lab(T[0]!, 'calcium', 2.745, 'mmol/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2024-08-01' },
  { id: 'G14', summary: 'calcium 2.744 mmol/L (10.997 mg/dL)', clause: '§4 Ca >11', events: [DX, LINE, lab(BASE, 'calcium', 2.3, 'mmol/L'), lab(T[0]!, 'calcium', 2.744, 'mmol/L')], read: clin('hypercalcemia'), expected: 'none' },
  { id: 'G15', summary: 'relapseIndicators calciumAboveMgDl 11.49: calcium 11.5 counts; label names relapseIndicators', clause: '§4 [S19] ≥11.5 as versioned config; settings label', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[0]!, 'calcium', 11.5, 'mg/dL')], settings: { relapseIndicators: { ...DEFAULT_SETTINGS.relapseIndicators, calciumAboveMgDl: 11.49 } }, read: (p) => `${clin('hypercalcemia')(p)} ${p.settings.includes('relapseIndicators')}`, expected: 'hypercalcemia@2024-08-01 true' },
  { id: 'G16', summary: 'relapseIndicators calciumAboveMgDl 11.49: calcium 11.49 does not', clause: '§4 [S19] ≥11.5', events: [DX, LINE, lab(BASE, 'calcium', 9.5, 'mg/dL'), lab(T[0]!, 'calcium', 11.49, 'mg/dL')], settings: { relapseIndicators: { ...DEFAULT_SETTINGS.relapseIndicators, calciumAboveMgDl: 11.49 } }, read: clin('hypercalcemia'), expected: 'none' },
  { id: 'G17', summary: 'progressionNadir lowest: label names it', clause: 'clinical-core: profile names settings that differ', events: serum([3.0, 1.0]), settings: { progressionNadir: 'lowest' } as never, read: (p) => p.settings.includes('progressionNadir'), expected: true },

  { id: 'H01', summary: 'serum 2.0 → IFE neg (no SPEP) T0,T1 → 1.0,1.0: serum rise +1 g/dL from nadir 0', clause: 'v16: relapse indicators measure from a nadir a negative IFE lowered', events: [DX, LINE, S(BASE, 2.0), sIFE(T[0]!, 'negative'), sIFE(T[1]!, 'negative'), S(T[2]!, 1.0), S(T[3]!, 1.0)], read: biochem('serum-rise'), expected: 'serum-rise@2024-10-01' },
  { id: 'H02', summary: 'same: no doubling from a nadir of 0 (<0.5 g/dL)', clause: '[S19] doubling from ≥5 g/L', events: [DX, LINE, S(BASE, 2.0), sIFE(T[0]!, 'negative'), sIFE(T[1]!, 'negative'), S(T[2]!, 1.0), S(T[3]!, 1.0)], read: biochem('serum-doubling'), expected: 'none' },

  { id: 'G11b', summary: 'serum rise 3.0 on 2024-12-31 and 2025-03-01 (2 months after 31 Dec: 28 Feb or 1 Mar?)', clause: 'relapseIndicators 2 calendar months (contestable month-end)', events: [DX, LINE, S(BASE, 3.0), S(T[0]!, 2.0), S(T[1]!, 2.0), S('2024-12-31', 3.0), S('2025-03-01', 3.0)], read: biochem('serum-rise'), expected: 'none' },
  { id: 'E14', summary: 'serum PD on Rd ongoing: lenalidomide progressionOnly', clause: '§1 PD on therapy', events: [DX, med('Rd', '2024-07-01', null), ...series((d, v) => S(d, v), [3.0, 1.0, 1.0, 1.5, 1.5])], read: ruleRead({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, AS_OF), expected: 'MET' },
];

describe('prog32 progression / relapse', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ? { ...DEFAULT_SETTINGS, ...c.settings } : DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
