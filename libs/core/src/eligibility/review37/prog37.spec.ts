/**
 * prog37 — hand-derived IMWG 2016 progression / relapse cases (domain.md §1, §4; docs/clinical-core.md settings and
 * "Disease", "Relapse indicators"; docs/criteria-language.md leaves). Expectations written from the definitions before
 * reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type Settings = Parameters<typeof buildProfile>[2];
const AS_OF = '2025-12-31';

const DX = diagnosis('2024-12-01', 'IgG', 'kappa');
const RD = med('Rd', '2025-01-01', null);
const RD_UNTIL = (end: string, extra: Record<string, unknown> = {}) => med('Rd', '2025-01-01', end, extra);
const KD_FROM = (start: string) => med('Kd', start, null);

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const K = (d: string, k: number, l: number, unit = 'mg/L') => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unit)];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const CPC = (d: string, v: number) => lab(d, 'absolute circulating plasma cells', v, '10*9/L');
const CA = (d: string, v: number, unit = 'mg/dL') => lab(d, 'calcium', v, unit);
const HB = (d: string, v: number) => lab(d, 'hemoglobin', v, 'g/dL');
const CR_ = (d: string, v: number) => lab(d, 'creatinine', v, 'mg/dL');
type Lesion = { lesion: string; longestDiameterMm: number; perpendicularDiameterMm: number; shortAxisMm?: number };
const scan = (d: string, plasmacytomas: Lesion[] | undefined, extra: Record<string, unknown> = {}) =>
  event('imaging', d, { modality: 'CT', ...(plasmacytomas ? { plasmacytomas } : {}), ...extra });
const L = (lesion: string, longest: number, perp: number, shortAxis?: number): Lesion => ({ lesion, longestDiameterMm: longest, perpendicularDiameterMm: perp, ...(shortAxis !== undefined ? { shortAxisMm: shortAxis } : {}) });

/** The standard assessment days: baseline then monthly. */
const DAYS = ['2024-12-20', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01'];
const serum = (vals: number[], days = DAYS) => vals.map((v, i) => S(days[i]!, v));
const urine = (vals: number[], days = DAYS) => vals.map((v, i) => U(days[i]!, v));
const flat = (f: (d: string) => Ev | Ev[], days = DAYS) => days.flatMap((d) => f(d));

const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const allProg = (p: P) => p.disease.progressions.map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const clin = (p: P) => (p.disease.clinicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const sig = (p: P) => (p.disease.significantBiochemicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const rfc = (p: P) => p.disease.relapseFromCr ? `relapse@${p.disease.relapseFromCr.date}` : 'none';
const lost = (p: P) => p.disease.mrd.negativityLost ? `lost@${p.disease.mrd.negativityLost.date}` : 'none';
const rule = (r: unknown, asOf = AS_OF) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Settings }

// serum-only secretory disease with a low urine (so urine is on record, unmeasurable)
const sec = (vals: number[], extra: Ev[] = []) => [DX, RD, ...serum(vals), ...urine(vals.map(() => 50)), ...extra];

const cases: Case[] = [
  // ---------- serum M-protein thresholds (§4 PD row) ----------
  { id: 'S01', clause: '§4 PD serum ≥25% and ≥0.5 g/dL, confirmed, dated at the first', summary: '3.0 → 1.0,1.0 → 1.5,1.5', events: sec([3.0, 1.0, 1.0, 1.5, 1.5]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'S02', clause: '§4 PD serum absolute ≥0.5', summary: 'nadir 1.0 → 1.49,1.49', events: sec([3.0, 1.0, 1.0, 1.49, 1.49]), read: bio, expected: 'none' },
  { id: 'S03', clause: '§4 PD serum 25% exactly and +0.5 exactly; never responded: nadir = baseline', summary: '2.0 flat → 2.5,2.5', events: sec([2.0, 2.0, 2.0, 2.5, 2.5]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'S04', clause: '§4 PD serum needs ≥25%', summary: '2.4 flat → 2.9,2.9 (+0.5, 20.8%)', events: sec([2.4, 2.4, 2.4, 2.9, 2.9]), read: bio, expected: 'none' },
  { id: 'S05', clause: '§4 PD serum nadir ≥5 g/dL: +1 g/dL suffices', summary: '5.0 flat → 6.0,6.0 (20%)', events: sec([5.0, 5.0, 5.0, 6.0, 6.0]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'S06', clause: '§4 PD serum nadir <5: 25% needed', summary: '4.9 flat → 5.9,5.9 (20.4%)', events: sec([4.9, 4.9, 4.9, 5.9, 5.9]), read: bio, expected: 'none' },
  { id: 'S07', clause: '§4 PD serum nadir ≥5: +1.0 needed', summary: '5.0 flat → 5.99,5.99', events: sec([5.0, 5.0, 5.0, 5.99, 5.99]), read: bio, expected: 'none' },
  { id: 'S08', clause: '§4 PD serum confirmed nadir exactly 5.0 after response', summary: '8.0 → 5.0,5.0 → 6.0,6.0', events: sec([8.0, 5.0, 5.0, 6.0, 6.0]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'S09', clause: '§4 PD + doc tolerance (2.3 − 1.8 = 0.5)', summary: '1.8 flat → 2.3,2.3', events: sec([1.8, 1.8, 1.8, 2.3, 2.3]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'S10', clause: '§4 two consecutive assessments', summary: 'nadir 1.0 → 1.6 then 1.2', events: sec([3.0, 1.0, 1.0, 1.6, 1.2]), read: bio, expected: 'none' },
  { id: 'S11', clause: '§4 lowest confirmed value (progressionNadir confirmed)', summary: '2.0 → 1.2 → 1.0 → 1.6,1.6 (confirmed nadir 1.2)', events: sec([2.0, 1.2, 1.0, 1.6, 1.6]), read: bio, expected: 'none' },
  { id: 'S12', clause: 'doc progressionNadir lowest', summary: 'as S11 with lowest single value nadir 1.0', events: sec([2.0, 1.2, 1.0, 1.6, 1.6]), settings: { ...DEFAULT_SETTINGS, progressionNadir: 'lowest' }, read: bio, expected: 'serum-m-protein@2025-04-01' },
  {
    id: 'S13', clause: 'doc v14 a day is read at its latest value', summary: 'nadir 1.0; 04-01 1.6 untimed + 1.0 at 10:00; 05-01 1.6; 06-01 1.6',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0]), S('2025-04-01', 1.6), S('2025-04-01T10:00:00Z', 1.0), S('2025-05-01', 1.6), S('2025-06-01', 1.6), ...urine([50, 50, 50, 50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-05-01',
  },
  {
    id: 'S14', clause: '§4 two consecutive assessments (same day is one)', summary: 'nadir 1.0; 04-01 1.6 twice; 05-01 1.0',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0]), S('2025-04-01', 1.6), S('2025-04-01', 1.6), S('2025-05-01', 1.0), ...urine([50, 50, 50, 50, 50])],
    read: bio, expected: 'none',
  },
  {
    id: 'S15', clause: 'doc ordering by written day; §4 dated at the first', summary: 'nadir 1.0; 1.6 at 04-01T23:30-05:00 and 04-02T00:30+02:00 (earlier instant, later day)',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0]), S('2025-04-02T00:30:00+02:00', 1.6), S('2025-04-01T23:30:00-05:00', 1.6), ...urine([50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  { id: 'S16', clause: 'doc arrival order never matters', summary: 'S01 events reversed', events: sec([3.0, 1.0, 1.0, 1.5, 1.5]).reverse(), read: bio, expected: 'serum-m-protein@2025-04-01' },
  {
    id: 'S17', clause: 'doc v10 a value entered twice one day does not confirm a nadir', summary: '3.0; 1.0 twice on 02-01; 1.5 03-01, 1.5 04-01',
    events: [DX, RD, S('2024-12-20', 3.0), S('2025-02-01', 1.0), S('2025-02-01', 1.0), S('2025-03-01', 1.5), S('2025-04-01', 1.5), ...urine([50, 50, 50, 50])],
    read: bio, expected: 'none',
  },
  {
    id: 'S18', clause: '§4 confirmation needs consecutive assessments: a drop between breaks it', summary: 'nadir 1.0; 1.6, 1.0, 1.6',
    events: sec([3.0, 1.0, 1.0, 1.6, 1.0, 1.6]), read: bio, expected: 'none',
  },
  {
    id: 'S19', clause: '§4 PD dated first of two; the further rise does not re-date', summary: 'nadir 1.0; 1.6, 2.4, 3.0',
    events: sec([3.0, 1.0, 1.0, 1.6, 2.4, 3.0]), read: (p) => p.disease.progressionDate, expected: '2025-04-01',
  },
  {
    id: 'S20', clause: '§4 confirmed nadir: higher of the pair; 1.0,1.2 pair gives nadir 1.2', summary: '3.0 → 1.0 → 1.2 → 1.7,1.7 (+0.5 from 1.2, 41%)',
    events: sec([3.0, 1.0, 1.2, 1.7, 1.7]), read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  // ---------- lines (per-line measurement, confirmation across a line's start) ----------
  {
    id: 'L01', clause: 'doc: a sample of the next line\'s first day still confirms the line\'s progression', summary: 'nadir 1.0; 1.6 05-20; Kd from 06-01; 1.6 06-01',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), S('2025-05-20', 1.6), S('2025-06-01', 1.6), ...urine([50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-05-20',
  },
  {
    id: 'L02', clause: 'doc: a rise not confirmed before the line started is not confirmed under it; new baseline', summary: 'nadir 1.0; 1.6 05-20; Kd 06-01; 1.7, 1.7',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), S('2025-05-20', 1.6), S('2025-06-15', 1.7), S('2025-07-15', 1.7), ...urine([50, 50, 50])],
    read: bio, expected: 'none',
  },
  {
    id: 'L03', clause: 'doc: each parameter measured within the line, from its own baseline', summary: 'line1 PD at 04-01; Kd 06-01 baseline 1.8; 2.0, 2.0',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), S('2025-06-01', 1.8), S('2025-07-01', 2.0), S('2025-08-01', 2.0), ...urine([50, 50, 50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  {
    id: 'L04', clause: 'doc per-line: new PD from line-2 baseline', summary: 'as L03 then 2.3, 2.3 from baseline 1.8',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), S('2025-06-01', 1.8), S('2025-07-01', 2.3), S('2025-08-01', 2.3), ...urine([50, 50, 50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-04-01,serum-m-protein@2025-07-01',
  },
  {
    id: 'L05', clause: 'doc per-line nadir within line 2', summary: 'line 2: 1.8 → 0.8,0.8 → 1.3,1.3',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), S('2025-06-01', 1.8), S('2025-07-01', 0.8), S('2025-08-01', 0.8), S('2025-09-01', 1.3), S('2025-10-01', 1.3), ...urine([50, 50, 50, 50, 50])],
    read: bio, expected: 'serum-m-protein@2025-04-01,serum-m-protein@2025-09-01',
  },
  // ---------- urine ----------
  { id: 'U01', clause: '§4 PD urine ≥25% and ≥200 mg/24h', summary: 'urine 1000 → 400,400 → 600,600', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([1000, 400, 400, 600, 600])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'U02', clause: '§4 PD urine 25% exactly, +200', summary: 'urine 800 flat → 1000,1000', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([800, 800, 800, 1000, 1000])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'U03', clause: '§4 PD urine absolute ≥200', summary: 'urine 100 flat → 299,299', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([100, 100, 100, 299, 299])], read: bio, expected: 'none' },
  { id: 'U04', clause: '§4 PD urine ≥25%', summary: 'urine 900 flat → 1100,1100 (22%)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([900, 900, 900, 1100, 1100])], read: bio, expected: 'none' },
  { id: 'U05', clause: '§4 PD urine +200 exactly from low nadir', summary: 'urine 100 flat → 300,300', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([100, 100, 100, 300, 300])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  // ---------- dFLC ----------
  { id: 'F01', clause: '§4 PD dFLC absolute strictly >10 mg/dL', summary: 'serum 0.3/urine 50; dFLC 490 → 100,100 → 200,200 (+100 mg/L exactly)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 500, 10), ...K(DAYS[1]!, 110, 10), ...K(DAYS[2]!, 110, 10), ...K(DAYS[3]!, 210, 10), ...K(DAYS[4]!, 210, 10)], read: bio, expected: 'none' },
  { id: 'F02', clause: '§4 PD dFLC >10 mg/dL (serum 0.8 is unmeasurable)', summary: 'serum 0.8/urine 50; dFLC 100 → 201 (+101 mg/L)', events: [DX, RD, ...serum([0.8, 0.8, 0.8, 0.8, 0.8]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 500, 10), ...K(DAYS[1]!, 110, 10), ...K(DAYS[2]!, 110, 10), ...K(DAYS[3]!, 211, 10), ...K(DAYS[4]!, 211, 10)], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'F03', clause: '§4 PD dFLC in mg/dL units, §8 normalize', summary: 'FLC in mg/dL: dFLC 10 → 20.1 (+10.1 mg/dL)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 50, 1, 'mg/dL'), ...K(DAYS[1]!, 11, 1, 'mg/dL'), ...K(DAYS[2]!, 11, 1, 'mg/dL'), ...K(DAYS[3]!, 21.1, 1, 'mg/dL'), ...K(DAYS[4]!, 21.1, 1, 'mg/dL')], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'F04', clause: '§4 PD dFLC ≥25%', summary: 'dFLC nadir 500 → 620 (+120, 24%)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 2010, 10), ...K(DAYS[1]!, 510, 10), ...K(DAYS[2]!, 510, 10), ...K(DAYS[3]!, 630, 10), ...K(DAYS[4]!, 630, 10)], read: bio, expected: 'none' },
  { id: 'F05', clause: '§4 PD dFLC 25% exactly', summary: 'dFLC nadir 500 → 625', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 2010, 10), ...K(DAYS[1]!, 510, 10), ...K(DAYS[2]!, 510, 10), ...K(DAYS[3]!, 635, 10), ...K(DAYS[4]!, 635, 10)], read: bio, expected: 'dflc@2025-04-01' },
  { id: 'F06', clause: '§4 dFLC only when serum & urine unmeasurable', summary: 'serum 1.5 stable (measurable), dFLC 100 → 390', events: [DX, RD, ...serum([1.5, 1.5, 1.5, 1.5, 1.5]), ...urine([50, 50, 50, 50, 50]), ...K(DAYS[0]!, 110, 10), ...K(DAYS[1]!, 110, 10), ...K(DAYS[2]!, 110, 10), ...K(DAYS[3]!, 400, 10), ...K(DAYS[4]!, 400, 10)], read: bio, expected: 'none' },
  { id: 'F07', clause: '§4 dFLC only when urine unmeasurable too', summary: 'urine 250 stable (measurable), dFLC 100 → 390', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([250, 250, 250, 250, 250]), ...K(DAYS[0]!, 110, 10), ...K(DAYS[1]!, 110, 10), ...K(DAYS[2]!, 110, 10), ...K(DAYS[3]!, 400, 10), ...K(DAYS[4]!, 400, 10)], read: bio, expected: 'none' },
  {
    id: 'F08', clause: 'doc v13 dFLC progression judged per line from the line baseline', summary: 'line 1 serum 3.0 measurable; line 2 (Kd 06-01) serum 0.2, dFLC 290 → 140,140 → 290,290',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'),
      ...['2024-12-20', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01'].flatMap((d, i) => [S(d, [3.0, 1.0, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2][i]!), U(d, 0)]),
      ...K('2024-12-20', 800, 10), ...K('2025-06-01', 300, 10), ...K('2025-07-01', 150, 10), ...K('2025-08-01', 150, 10), ...K('2025-09-01', 300, 10), ...K('2025-10-01', 300, 10)],
    read: bio, expected: 'dflc@2025-09-01',
  },
  {
    id: 'F09', clause: '§4 dFLC = involved − uninvolved on the involved (lambda) chain', summary: 'lambda disease: dFLC 190 → 90,90 → 192,192 (+102)',
    events: [diagnosis('2024-12-01', 'none', 'lambda'), RD, ...serum([0, 0, 0, 0, 0]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 10, 200), ...K(DAYS[1]!, 10, 100), ...K(DAYS[2]!, 10, 100), ...K(DAYS[3]!, 10, 202), ...K(DAYS[4]!, 10, 202)],
    read: bio, expected: 'dflc@2025-04-01',
  },
  // ---------- marrow plasma cells (serum, urine, FLC unmeasurable) ----------
  ...([
    ['M01', [40, 20, 30], 'marrow-plasma-cells@2025-06-01', 'nadir 20 → 30 (+10 pts, 50%)'],
    ['M02', [40, 20, 29.9], 'none', 'nadir 20 → 29.9'],
    ['M03', [60, 50, 60], 'none', 'nadir 50 → 60 (+10 pts, 20%)'],
    ['M04', [60, 50, 62.5], 'marrow-plasma-cells@2025-06-01', 'nadir 50 → 62.5 (25%)'],
  ] as Array<[string, number[], string, string]>).map(([id, bm, expected, summary]): Case => ({
    id, clause: '§4 PD marrow PC% ≥10 points (and ≥25%) when serum, urine and FLC unmeasurable', summary,
    events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)]), BM('2024-12-20', bm[0]!), BM('2025-03-01', bm[1]!), BM('2025-06-01', bm[2]!)],
    read: bio, expected,
  })),
  {
    id: 'M05', clause: '§4 marrow only if FLC unmeasurable too', summary: 'FLC measurable (kappa 300/10 stable); marrow 20 → 40',
    events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 300, 10)]), BM('2024-12-20', 40), BM('2025-03-01', 20), BM('2025-06-01', 40)],
    read: bio, expected: 'none',
  },
  // ---------- circulating plasma cells ----------
  ...([
    ['C01', [0.1, 0.1, 0.1, 0.3, 0.3], 'circulating-plasma-cells@2025-04-01', '0.1 → 0.3 (+200/µL)'],
    ['C02', [0.1, 0.1, 0.1, 0.29, 0.29], 'none', '0.1 → 0.29 (+190/µL)'],
    ['C03', [0.5, 0.5, 0.5, 0.75, 0.75], 'circulating-plasma-cells@2025-04-01', '0.5 → 0.75 (+50%, +250/µL)'],
    ['C04', [0.5, 0.5, 0.5, 0.7, 0.7], 'none', '0.5 → 0.7 (+40%)'],
    ['C05', [0.1, 0.1, 0.1, 0.4, 0.1], 'none', 'unconfirmed 0.4'],
  ] as Array<[string, number[], string, string]>).map(([id, vals, expected, summary]): Case => ({
    id, clause: '§4 PD circulating PCs ≥50% and ≥200 cells/µL, confirmed (doc)', summary,
    events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)], DAYS.slice(0, 5)), ...vals.map((v, i) => CPC(DAYS[i]!, v))],
    read: bio, expected,
  })),
  // ---------- imaging ----------
  {
    id: 'I01', clause: '§4 PD SPD ≥50% of >1 lesion', summary: 'L1 20x20 + L2 10x10 (500) → 25x24 + 15x10 (750)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-05-01', [L('L1', 25, 24), L('L2', 15, 10)])],
    read: bio, expected: 'imaging@2025-05-01',
  },
  {
    id: 'I02', clause: '§4 PD SPD ≥50%', summary: 'SPD 500 → 749',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-05-01', [L('L1', 25, 24), L('L2', 14.9, 10)])],
    read: bio, expected: 'none',
  },
  {
    id: 'I03', clause: '§4 PD longest diameter +50% of a lesion >1 cm short axis', summary: 'L1 20x12 (sa 12) → 30x12',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 12, 12)]), scan('2025-03-01', [L('L1', 20, 12, 12)]), scan('2025-05-01', [L('L1', 30, 12, 12)])],
    read: bio, expected: 'imaging@2025-05-01',
  },
  {
    id: 'I04', clause: '§4 PD longest diameter needs short axis >1 cm', summary: 'L1 20x10 (sa 10) → 30x10',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 10, 10)]), scan('2025-03-01', [L('L1', 20, 10, 10)]), scan('2025-05-01', [L('L1', 30, 10, 10)])],
    read: bio, expected: 'none',
  },
  {
    id: 'I05', clause: '§4 PD longest diameter ≥50%', summary: 'L1 20x12 → 29.9x12',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 12, 12)]), scan('2025-03-01', [L('L1', 20, 12, 12)]), scan('2025-05-01', [L('L1', 29.9, 12, 12)])],
    read: bio, expected: 'none',
  },
  {
    id: 'I06', clause: '§4 SPD criterion is for >1 lesion; one lesion grows in width only', summary: 'L1 20x12 → 20x18 (product +50%)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 12, 12)]), scan('2025-03-01', [L('L1', 20, 12, 12)]), scan('2025-05-01', [L('L1', 20, 18, 18)])],
    read: bio, expected: 'none',
  },
  {
    id: 'I07', clause: '§4 PD new lesion(s)', summary: 'scan 05-01 newLesions true',
    events: [...sec([2, 2, 2, 2, 2]), scan('2025-03-01', undefined, { newLesions: false }), scan('2025-05-01', undefined, { newLesions: true })],
    read: bio, expected: 'imaging@2025-05-01',
  },
  {
    id: 'I08', clause: '§4 PD new lesion: a plasmacytoma first named after earlier measuring scans', summary: 'L2 appears 05-01',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 12, 12)]), scan('2025-03-01', [L('L1', 20, 12, 12)]), scan('2025-05-01', [L('L1', 20, 12, 12), L('L2', 8, 6, 6)])],
    read: bio, expected: 'imaging@2025-05-01',
  },
  {
    id: 'I09', clause: '§4 SPD from nadir (lowest in the line), not baseline', summary: 'SPD 500 → 200 (03-01) → 320 (05-01, +60% from nadir)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 12, 12), L('L2', 8, 7)]), scan('2025-05-01', [L('L1', 14, 14), L('L2', 12, 10)])],
    read: bio, expected: 'imaging@2025-05-01',
  },
  // ---------- clinical relapse (§4 notes) ----------
  { id: 'K01', clause: '§4 clinical relapse hypercalcaemia >11 mg/dL', summary: 'Ca 9.5 → 11.0', events: [DX, RD, CA('2024-12-20', 9.5), CA('2025-03-01', 11.0)], read: clin, expected: 'none' },
  { id: 'K02', clause: '§4 hypercalcaemia >11', summary: 'Ca 9.5 → 11.01', events: [DX, RD, CA('2024-12-20', 9.5), CA('2025-03-01', 11.01)], read: clin, expected: 'hypercalcemia@2025-03-01' },
  { id: 'K03', clause: '§4 hypercalcaemia, doc mmol/L converted (2.75 → 11.02)', summary: 'Ca 2.3 → 2.75 mmol/L', events: [DX, RD, CA('2024-12-20', 2.3, 'mmol/L'), CA('2025-03-01', 2.75, 'mmol/L')], read: clin, expected: 'hypercalcemia@2025-03-01' },
  { id: 'K04', clause: 'doc: hypercalcaemia lasting from before the line is not a relapse', summary: 'Ca 12 → 12', events: [DX, RD, CA('2024-12-20', 12), CA('2025-03-01', 12)], read: clin, expected: 'none' },
  { id: 'K05', clause: 'doc: a new episode', summary: 'Ca 12 → 10 → 11.5', events: [DX, RD, CA('2024-12-20', 12), CA('2025-02-01', 10), CA('2025-03-01', 11.5)], read: clin, expected: 'hypercalcemia@2025-03-01' },
  { id: 'K06', clause: 'doc: nothing before the first line', summary: 'Ca 12 on 12-20 only', events: [DX, RD, CA('2024-12-20', 12)], read: clin, expected: 'none' },
  { id: 'K07', clause: '§4 Hb fall ≥2 g/dL', summary: 'Hb 12 → 10.0', events: [DX, RD, HB('2024-12-20', 12), HB('2025-03-01', 10.0)], read: clin, expected: 'hemoglobin-fall@2025-03-01' },
  { id: 'K08', clause: '§4 Hb fall ≥2', summary: 'Hb 12 → 10.01', events: [DX, RD, HB('2024-12-20', 12), HB('2025-03-01', 10.01)], read: clin, expected: 'none' },
  { id: 'K09', clause: 'doc: Hb fall from its highest since line start', summary: 'Hb 10 → 13 → 11', events: [DX, RD, HB('2024-12-20', 10), HB('2025-02-01', 13), HB('2025-03-01', 11)], read: clin, expected: 'hemoglobin-fall@2025-03-01' },
  { id: 'K10', clause: '§4 creatinine rise ≥2 mg/dL from start of therapy', summary: 'Cr 1.0 → 3.0', events: [DX, RD, CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.0)], read: clin, expected: 'creatinine-rise@2025-03-01' },
  { id: 'K11', clause: '§4 creatinine rise ≥2', summary: 'Cr 1.0 → 2.99', events: [DX, RD, CR_('2024-12-20', 1.0), CR_('2025-03-01', 2.99)], read: clin, expected: 'none' },
  { id: 'K12', clause: 'doc: start value = last on or before line start', summary: 'Cr 3.5 (11-01), 1.0 (12-20) → 3.0', events: [DX, RD, CR_('2024-11-01', 3.5), CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.0)], read: clin, expected: 'creatinine-rise@2025-03-01' },
  { id: 'K13', clause: '§4 creatinine from start of therapy, not nadir', summary: 'Cr 2.0 → 0.5 → 2.6 (+0.6 from start, +2.1 from nadir)', events: [DX, RD, CR_('2024-12-20', 2.0), CR_('2025-02-01', 0.5), CR_('2025-03-01', 2.6)], read: clin, expected: 'none' },
  { id: 'K14', clause: '§4 hyperviscosity', summary: 'hyperviscosity active, onset 2025-03-01', events: [DX, RD, event('condition', '2025-03-01', { kind: 'hyperviscosity', status: 'active' })], read: clin, expected: 'hyperviscosity@2025-03-01' },
  {
    id: 'K15', clause: 'doc: Hb per line, baseline = line start', summary: 'line1 Hb 13 → 10 (05-25); line 2 (06-01) Hb 9',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), HB('2024-12-20', 12), HB('2025-02-01', 13), HB('2025-05-25', 10), HB('2025-07-01', 9)],
    read: clin, expected: 'hemoglobin-fall@2025-05-25',
  },
  { id: 'K16', clause: '§4 clinical relapse new lesion (same fact as PD new lesion)', summary: 'scan 05-01 newLesions', events: [...sec([2, 2, 2, 2, 2]), scan('2025-03-01', undefined, { newLesions: false }), scan('2025-05-01', undefined, { newLesions: true })], read: clin, expected: 'new-lesion@2025-05-01' },
  {
    id: 'K17', clause: '§4 definite increase (≥50% and ≥1 cm) of existing lesion', summary: 'L1 20x20 → 30x20 (product +50%, +10 mm)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20)]), scan('2025-05-01', [L('L1', 30, 20)])],
    read: clin, expected: 'lesion-growth@2025-05-01',
  },
  {
    id: 'K18', clause: '§4 definite increase needs ≥1 cm', summary: 'L1 16x16 → 24x16 (+50%, +8 mm)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 16, 16)]), scan('2025-05-01', [L('L1', 24, 16)])],
    read: clin, expected: 'none',
  },
  { id: 'K19', clause: '§4 Hb fall, value on line start day is baseline', summary: 'Hb 12 on 2025-01-01 (start) → 10 03-01', events: [DX, RD, HB('2025-01-01', 12), HB('2025-03-01', 10)], read: clin, expected: 'hemoglobin-fall@2025-03-01' },
  // ---------- significant biochemical relapse ([S19]) ----------
  { id: 'B01', clause: '[S19] M-protein doubling from ≥0.5 g/dL', summary: '2.0 → 0.5,0.5 → 1.0,1.0', events: sec([2.0, 0.5, 0.5, 1.0, 1.0]), read: sig, expected: 'serum-doubling@2025-04-01' },
  { id: 'B02', clause: '[S19] doubling needs nadir ≥0.5', summary: '2.0 → 0.4,0.4 → 0.8,0.8', events: sec([2.0, 0.4, 0.4, 0.8, 0.8]), read: sig, expected: 'none' },
  {
    id: 'B03', clause: '[S19] serum rise ≥1 g/dL, second within 2 months', summary: '3.0 → 2.0,2.0 → 3.0 (04-01), 3.0 (06-01)',
    events: [DX, RD, ...serum([3.0, 2.0, 2.0, 3.0]), S('2025-06-01', 3.0), ...urine([50, 50, 50, 50])], read: sig, expected: 'serum-rise@2025-04-01',
  },
  {
    id: 'B04', clause: '[S19] second measurement more than 2 months later', summary: '3.0 (04-01), 3.0 (06-02)',
    events: [DX, RD, ...serum([3.0, 2.0, 2.0, 3.0]), S('2025-06-02', 3.0), ...urine([50, 50, 50, 50])], read: sig, expected: 'none',
  },
  {
    id: 'B05', clause: 'doc: two months from 31 Dec is 28 Feb', summary: 'nadir 2.0; 3.0 on 2025-12-31 and 2026-02-28',
    events: [DX, RD, ...serum([3.0, 2.0, 2.0]), S('2025-12-31', 3.0), S('2026-02-28', 3.0), ...urine([50, 50, 50])], asOf: '2026-04-01', read: sig, expected: 'serum-rise@2025-12-31',
  },
  { id: 'B06', clause: '[S19] urine ≥500 mg/24h', summary: 'urine 100 → 600,600', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([100, 100, 100, 600, 600])], read: sig, expected: 'urine-rise@2025-04-01' },
  { id: 'B07', clause: '[S19] urine ≥500', summary: 'urine 100 → 599,599', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([100, 100, 100, 599, 599])], read: sig, expected: 'none' },
  { id: 'B08', clause: '[S19] iFLC ≥20 mg/dL with abnormal ratio', summary: 'kappa 50 → 250 (+20 mg/dL), ratio 25', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 50, 10), ...K(DAYS[1]!, 50, 10), ...K(DAYS[2]!, 50, 10), ...K(DAYS[3]!, 250, 10), ...K(DAYS[4]!, 250, 10)], read: sig, expected: 'involved-flc-rise@2025-04-01' },
  { id: 'B09', clause: '[S19] iFLC ≥20 mg/dL', summary: 'kappa 50 → 249', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 50, 10), ...K(DAYS[1]!, 50, 10), ...K(DAYS[2]!, 50, 10), ...K(DAYS[3]!, 249, 10), ...K(DAYS[4]!, 249, 10)], read: sig, expected: 'none' },
  { id: 'B10', clause: 'doc: +20 mg/dL or 25%, the greater', summary: 'kappa 1000 → 1200 (20%)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 1000, 10), ...K(DAYS[1]!, 1000, 10), ...K(DAYS[2]!, 1000, 10), ...K(DAYS[3]!, 1200, 10), ...K(DAYS[4]!, 1200, 10)], read: sig, expected: 'none' },
  { id: 'B11', clause: 'doc: 25% when greater', summary: 'kappa 1000 → 1250', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 1000, 10), ...K(DAYS[1]!, 1000, 10), ...K(DAYS[2]!, 1000, 10), ...K(DAYS[3]!, 1250, 10), ...K(DAYS[4]!, 1250, 10)], read: sig, expected: 'involved-flc-rise@2025-04-01' },
  { id: 'B12', clause: '[S19] iFLC rise needs abnormal ratio', summary: 'kappa 50 → 250 with lambda 200 (ratio 1.25 normal)', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([0, 0, 0, 0, 0]), ...K(DAYS[0]!, 50, 40), ...K(DAYS[1]!, 50, 40), ...K(DAYS[2]!, 50, 40), ...K(DAYS[3]!, 250, 200), ...K(DAYS[4]!, 250, 200)], read: sig, expected: 'none' },
  // ---------- relapse from CR ----------
  { id: 'R01', clause: '§4 relapse from CR: reappearance by IFE', summary: 'reported CR 04-01; serum IFE positive 06-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), sIFE('2025-06-01', 'positive')], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'R02', clause: '§4 relapse from CR: ≥5% marrow PCs', summary: 'CR then marrow 5%', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), BM('2025-06-01', 5)], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'R03', clause: '§4 relapse from CR: ≥5%', summary: 'CR then marrow 4.9%', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), BM('2025-06-01', 4.9)], read: rfc, expected: 'none' },
  { id: 'R04', clause: '§4 relapse from CR: reappearance by electrophoresis', summary: 'CR then serum 0.1', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), S('2025-06-01', 0.1)], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'R05', clause: 'doc v17: a creatinine rise lasting from before a CR is no relapse from it', summary: 'Cr 1.0 → 3.5 before CR, 3.5 after', events: [DX, RD, CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.5), response('2025-04-01', 'CR'), CR_('2025-06-01', 3.5)], read: rfc, expected: 'none' },
  { id: 'R06', clause: 'doc v17: up as much again from the value then', summary: 'Cr 3.5 at CR → 5.5', events: [DX, RD, CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.5), response('2025-04-01', 'CR'), CR_('2025-06-01', 5.5)], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'R07', clause: '§4 relapse from CR: other progression sign (hypercalcaemia)', summary: 'Ca 9.5 at CR → 11.5', events: [DX, RD, CA('2024-12-20', 9.5), response('2025-04-01', 'CR'), CA('2025-04-01', 9.5), CA('2025-06-01', 11.5)], read: rfc, expected: 'relapse@2025-06-01' },
  {
    id: 'R08', clause: '§4 relapse from CR (computed CR) by urine IFE positive', summary: 'serum 2.0 → 0 with IFE neg ×2 and marrow 2% → urine IFE positive 07-01',
    events: [DX, RD, S('2024-12-20', 2.0), U('2024-12-20', 50), ...['2025-03-01', '2025-04-01'].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')]), BM('2025-04-01', 2), uIFE('2025-07-01', 'positive')],
    read: rfc, expected: 'relapse@2025-07-01',
  },
  { id: 'R09', clause: '§4 relapse from CR: reappearance of M-protein = first such day', summary: 'CR; serum IFE pos 06-01 and marrow 6% 07-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), BM('2025-07-01', 6), sIFE('2025-06-01', 'positive')], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'R10', clause: '§4 relapse from CR: a sign before the CR does not count', summary: 'serum IFE pos 03-01, CR 04-01, nothing after', events: [DX, RD, S('2024-12-20', 2.0), sIFE('2025-03-01', 'positive'), response('2025-04-01', 'CR')], read: rfc, expected: 'none' },
  // ---------- relapse from MRD negativity ----------
  { id: 'N01', clause: '§4 relapse from MRD-negative: a relapse-from-CR event (IFE positive)', summary: 'CR, MRD neg 05-01, sIFE pos 07-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), sIFE('2025-07-01', 'positive')], read: lost, expected: 'lost@2025-07-01' },
  { id: 'N02', clause: '§4 MRD loss: marrow ≥5%', summary: 'MRD neg then marrow 4%', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), BM('2025-07-01', 4)], read: lost, expected: 'none' },
  { id: 'N03', clause: '§4 MRD loss: marrow ≥5%', summary: 'MRD neg then marrow 5%', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), BM('2025-07-01', 5)], read: lost, expected: 'lost@2025-07-01' },
  { id: 'N04', clause: 'doc v17: MRD negativity lost on a clinical relapse sign', summary: 'MRD neg; Ca 9.5 → 11.5', events: [DX, RD, S('2024-12-20', 2.0), CA('2024-12-20', 9.5), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), CA('2025-05-01', 9.5), CA('2025-07-01', 11.5)], read: lost, expected: 'lost@2025-07-01' },
  { id: 'N05', clause: '§4 MRD loss → mrd rule negative not met', summary: 'as N01, rule mrd negative', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), sIFE('2025-07-01', 'positive')], read: rule({ fact: 'mrd', result: 'negative' }), expected: 'NOT_MET' },
  { id: 'N06', clause: '§4 MRD loss: loss of MRD negativity by NGS', summary: 'MRD neg 05-01, MRD pos 08-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), mrd('2025-08-01', 'positive', 'NGS', 1e-5)], read: rule({ fact: 'mrd', result: 'positive' }), expected: 'MET' },
  { id: 'N07', clause: '§4 MRD loss: M-protein above 0 by electrophoresis', summary: 'MRD neg; serum 0.2 later', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), S('2025-07-01', 0.2)], read: lost, expected: 'lost@2025-07-01' },
  // ---------- progression date, reported PD, stop for progression ----------
  {
    id: 'D01', clause: 'doc progressionDate: first event, later PD report does not re-date', summary: 'confirmed rise 04-01/05-01; PD reported 06-15',
    events: [...sec([3.0, 1.0, 1.0, 1.6, 1.6]), response('2025-06-15', 'PD')], read: (p) => `${p.disease.progressionDate}/${p.disease.lastProgressionDate}`, expected: '2025-04-01/2025-06-15',
  },
  {
    id: 'D02', clause: 'doc v10: a course stopped for progression is a progression dated on its last dose', summary: 'Rd 01-01..05-01 stopped for progression; no labs',
    events: [DX, RD_UNTIL('2025-05-01', { reasonStopped: 'progression' }), response('2025-03-01', 'PR')], read: allProg, expected: 'reported@2025-05-01',
  },
  {
    id: 'D03', clause: 'doc: stop for progression with a biochemical PD on the course is the same progression', summary: 'confirmed rise 04-01; Rd stopped for progression 05-01',
    events: [DX, RD_UNTIL('2025-05-01', { reasonStopped: 'progression' }), ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), ...urine([50, 50, 50, 50, 50])], read: allProg, expected: 'serum-m-protein@2025-04-01',
  },
  // ---------- status flags by progression timing (§1) ----------
  ...(() => {
    // PR confirmed on Rd (3.0 → 1.0,1.0), last dose 2025-03-31; rise first at X, confirmed 06-15.
    const mk = (first: string) => [DX, RD_UNTIL('2025-03-31'), ...serum([3.0, 1.0, 1.0]), S('2025-04-15', 1.0), S(first, 1.6), S('2025-06-20', 1.6), ...urine([50, 50, 50]), U('2025-04-15', 50), U(first, 50), U('2025-06-20', 50)];
    const at60 = mk('2025-05-30');
    const at61 = mk('2025-05-31');
    const asOf = '2025-07-01';
    const flags = (p: P) => `rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed} pr=${p.flags.primaryRefractory}`;
    return [
      { id: 'G01', clause: '§1 PD within 60 days of last therapy after ≥MR: relapsed-and-refractory (dated at first of two)', summary: 'last dose 03-31; rise first 05-30 (60 d), confirmed 06-20', events: at60, asOf, read: flags, expected: 'rr=true rel=false pr=false' },
      { id: 'G02', clause: '§1 relapsed: PD >60 days after last dose', summary: 'rise first 05-31 (61 d)', events: at61, asOf, read: flags, expected: 'rr=false rel=true pr=false' },
      { id: 'G03', clause: 'criteria-language progressionAfterLastLine withinDaysOfLastDose 60', summary: 'as G01', events: at60, asOf, read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, asOf), expected: 'MET' },
      { id: 'G04', clause: 'criteria-language progressionAfterLastLine withinDaysOfLastDose 60 ("later is not met")', summary: 'as G02', events: at61, asOf, read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, asOf), expected: 'NOT_MET' },
      { id: 'G05', clause: 'criteria-language drugRefractory progressionOnly (PD within 60 d of last dose)', summary: 'as G01', events: at60, asOf, read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, asOf), expected: 'MET' },
      { id: 'G06', clause: 'criteria-language drugRefractory progressionOnly', summary: 'as G02', events: at61, asOf, read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, asOf), expected: 'NOT_MET' },
      { id: 'G07', clause: 'criteria-language drugRefractory (default, any basis)', summary: 'as G02 (PR reached, PD off therapy at 61 d)', events: at61, asOf, read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, asOf), expected: 'NOT_MET' },
      { id: 'G08', clause: '§1 refractory to last line (PD within 60 d)', summary: 'as G01', events: at60, asOf, read: rule({ fact: 'flag', name: 'refractoryToLastLine' }, asOf), expected: 'MET' },
      { id: 'G09', clause: 'timeSince progression maxDays: from the first of the two', summary: 'as G01, asOf 07-01 (32 d since 05-30), maxDays 31', events: at60, asOf, read: rule({ fact: 'timeSince', event: 'progression', maxDays: 31 }, asOf), expected: 'NOT_MET' },
      { id: 'G10', clause: 'timeSince progression maxDays', summary: 'as G01, maxDays 32', events: at60, asOf, read: rule({ fact: 'timeSince', event: 'progression', maxDays: 32 }, asOf), expected: 'MET' },
    ] as Case[];
  })(),
  {
    id: 'G11', clause: 'drugRefractory progressionOnly: nonresponse alone is not refractory', summary: 'Rd ongoing; SD 2.0 → 1.9 ×3 over 3 months',
    events: sec([2.0, 1.9, 1.9, 1.9]), asOf: '2025-05-01', read: (p) => `${rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, '2025-05-01')(p)}/${rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, '2025-05-01')(p)}`, expected: 'MET/NOT_MET',
  },
  {
    id: 'G12', clause: '§1 primary refractory: never MR, PD on therapy', summary: 'Rd ongoing, 2.0 flat → 2.5,2.5',
    events: sec([2.0, 2.0, 2.0, 2.5, 2.5]), asOf: '2025-06-01', read: (p) => `pr=${p.flags.primaryRefractory} rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed}`, expected: 'pr=true rr=false rel=false',
  },
  {
    id: 'G13', clause: 'progressionAfterLastLine: PD in line\'s first 14 days prompted it', summary: 'line 2 Kd 06-01; PD reported 06-10; then stable',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...sec([3.0, 1.0, 1.0, 1.0, 1.0]).slice(2), response('2025-06-10', 'PD'), S('2025-07-01', 1.0), S('2025-08-01', 1.0), U('2025-07-01', 50), U('2025-08-01', 50)],
    asOf: '2025-09-01', read: rule({ fact: 'progressionAfterLastLine' }, '2025-09-01'), expected: 'NOT_MET',
  },
  {
    id: 'G14', clause: 'progressionAfterLastLine: PD after the first 14 days is the line\'s', summary: 'line 2 Kd 06-01; PD reported 06-16',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...sec([3.0, 1.0, 1.0, 1.0, 1.0]).slice(2), response('2025-06-16', 'PD'), S('2025-07-01', 1.0), S('2025-08-01', 1.0), U('2025-07-01', 50), U('2025-08-01', 50)],
    asOf: '2025-09-01', read: rule({ fact: 'progressionAfterLastLine' }, '2025-09-01'), expected: 'MET',
  },
  {
    id: 'G15', clause: 'timeSince progression reads when the latest progression began (doc progressionDate)', summary: 'confirmed rise 04-01; PD reported 06-15; asOf 07-01, minDays 90',
    events: [...sec([3.0, 1.0, 1.0, 1.6, 1.6]), response('2025-06-15', 'PD')], asOf: '2025-07-01', read: rule({ fact: 'timeSince', event: 'progression', minDays: 90 }, '2025-07-01'), expected: 'MET',
  },
  {
    id: 'G16', clause: 'two paths: refractory flag from a progression confirmed only after the window (dated at the first)', summary: 'last dose 03-31; rise 05-30, confirmation 08-01 (123 d)',
    events: [DX, RD_UNTIL('2025-03-31'), ...serum([3.0, 1.0, 1.0]), S('2025-04-15', 1.0), S('2025-05-30', 1.6), S('2025-08-01', 1.7), ...urine([50, 50, 50]), U('2025-04-15', 50), U('2025-05-30', 50), U('2025-08-01', 50)],
    asOf: '2025-09-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, '2025-09-01'), expected: 'MET',
  },
];

describe('prog37 progression & relapse', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
