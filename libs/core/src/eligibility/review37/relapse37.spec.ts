/**
 * relapse37 — IMWG clinical relapse, significant biochemical relapse, relapse from CR and from MRD negativity.
 * Expectations written from /work/shared/design/domain.md §4 notes and docs/clinical-core.md (relapse indicators,
 * relapseFromCr, negativityLost, settings relapseIndicators) before reading relapse.ts / disease-status.ts.
 * Scratch review file; not committed.
 */
import { diagnosis, event, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-06-01';

const L1 = med('Rd', '2025-01-01', null);
const TWO_LINES = [med('Rd', '2025-01-01', '2025-04-15'), med('Kd', '2025-05-01', null)];
const Ca = (d: string, v: number, unit = 'mg/dL') => lab(d, 'calcium', v, unit);
const Hb = (d: string, v: number, unit = 'g/dL') => lab(d, 'hemoglobin', v, unit);
const Cr = (d: string, v: number, unit = 'mg/dL') => lab(d, 'creatinine', v, unit);
const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const K = (d: string, k: number, l: number, unit = 'mg/L') => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unit)];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const img = (d: string, data: Record<string, unknown>) => event('imaging', d, { modality: 'CT', ...data });
const pl = (d: string, ls: Array<[string, number, number]>) => img(d, { plasmacytomas: ls.map(([lesion, a, b]) => ({ lesion, longestDiameterMm: a, perpendicularDiameterMm: b })) });
const hv = (d: string, status: string, onsetDate?: string) => event('condition', d, { kind: 'hyperviscosity', status, ...(onsetDate ? { onsetDate } : {}) });
const pet = (d: string, r: string) => event('imaging', d, { modality: 'PET-CT', mrd: r });

const withCa = (above: number) => ({ ...DEFAULT_SETTINGS, relapseIndicators: { ...DEFAULT_SETTINGS.relapseIndicators, calciumAboveMgDl: above } });

const clin = (kind?: string) => (p: P) => (p.disease.clinicalRelapse ?? []).filter((x) => !kind || x.kind === kind).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const clinLine = (p: P) => (p.disease.clinicalRelapse ?? []).map((x) => `${x.kind}@${x.date}#${x.line}`).join(',') || 'none';
const bio = (p: P) => (p.disease.significantBiochemicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const rfc = (p: P) => p.disease.relapseFromCr ? p.disease.relapseFromCr.date : 'none';
const rfcFull = (p: P) => p.disease.relapseFromCr ? `${p.disease.relapseFromCr.crDate}>${p.disease.relapseFromCr.date}` : 'none';
const lost = (p: P) => p.disease.mrd.negativityLost ? p.disease.mrd.negativityLost.date : 'none';
const mrdRule = (result: string) => (p: P) => compileRule({ fact: 'mrd', result })({ profile: p, asOf: AS_OF, trace: null }).outcome;

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: typeof DEFAULT_SETTINGS }
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---------------- A. Hypercalcaemia (>11 mg/dL; new episode; day's latest value; units) ----------------
const caBase = [L1, Ca('2024-12-20', 9.5)];
add({ id: 'A01', summary: 'Ca 11.0 exactly', clause: '§4 clinical relapse hypercalcemia >11', events: [...caBase, Ca('2025-03-01', 11.0)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A02', summary: 'Ca 11.01', clause: '§4 >11', events: [...caBase, Ca('2025-03-01', 11.01)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A03', summary: 'Ca 2.75 mmol/L = 11.02 mg/dL', clause: '§4 >11; clinical-core "2.75 mmol/L is 11.02, above 11"', events: [...caBase, Ca('2025-03-01', 2.75, 'mmol/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A04', summary: 'Ca 2.74 mmol/L = 10.98 mg/dL', clause: '§4 >11', events: [...caBase, Ca('2025-03-01', 2.74, 'mmol/L')], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A05', summary: 'Ca 5.5 mEq/L = 2.75 mmol/L = 11.02 mg/dL', clause: '§4 >11; clinical-core mEq/L v11', events: [...caBase, Ca('2025-03-01', 5.5, 'mEq/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A06', summary: 'Ca 11.5 before line, 11.6 in line (lasting)', clause: 'clinical-core: new episode; lasting from before the line is no relapse', events: [L1, Ca('2024-12-20', 11.5), Ca('2025-02-01', 11.6)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A07', summary: 'Ca 11.5 before line, 10 then 11.5 in line', clause: 'clinical-core: new episode', events: [L1, Ca('2024-12-20', 11.5), Ca('2025-02-01', 10), Ca('2025-03-01', 11.5)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A08', summary: 'Ca 11.5 then 12 in one line: first only', clause: 'clinical-core: first of each kind per line', events: [...caBase, Ca('2025-03-01', 11.5), Ca('2025-04-01', 12)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A09', summary: 'same day: 11.5 at 08:00, 10.0 at 16:00', clause: 'clinical-core v16: each day\'s latest time', events: [...caBase, Ca('2025-03-01T08:00:00Z', 11.5), Ca('2025-03-01T16:00:00Z', 10.0)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A10', summary: 'same day: 10.0 at 08:00, 11.5 at 16:00', clause: 'clinical-core v16: each day\'s latest time', events: [...caBase, Ca('2025-03-01T16:00:00Z', 11.5), Ca('2025-03-01T08:00:00Z', 10.0)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A11', summary: 'same day: untimed 11.5, timed 10.0', clause: 'clinical-core: untimed before timed within a day', events: [...caBase, Ca('2025-03-01T09:00:00Z', 10.0), Ca('2025-03-01', 11.5)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A12', summary: 'timed 10.0 written 03-02T01:00+09:00 (UTC 03-01) and untimed 11.5 on 03-02', clause: 'clinical-core: day written in the record; untimed before timed', events: [...caBase, Ca('2025-03-02T01:00:00+09:00', 10.0), Ca('2025-03-02', 11.5)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A13', summary: '11.5 at 03-01T23:30-05:00 (written day 03-01), untimed 10 on 03-02', clause: 'clinical-core: day written in the record', events: [...caBase, Ca('2025-03-02', 10.0), Ca('2025-03-01T23:30:00-05:00', 11.5)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A14', summary: 'Ca 12 only before first line', clause: 'clinical-core: nothing before the first line', events: [L1, Ca('2024-12-20', 12)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A15', summary: 'two lines, hypercalcaemia in each (normal between)', clause: 'clinical-core: first of each kind per line, with its line', events: [...TWO_LINES, Ca('2024-12-20', 9.5), Ca('2025-03-01', 11.5), Ca('2025-04-01', 10), Ca('2025-06-01', 11.5)], read: clinLine, expected: 'hypercalcemia@2025-03-01#1,hypercalcemia@2025-06-01#2' });
add({ id: 'A16', summary: 'two lines, hypercalcaemia lasting across line 2 start', clause: 'clinical-core: lasting from before the line', events: [...TWO_LINES, Ca('2024-12-20', 9.5), Ca('2025-03-01', 11.5), Ca('2025-04-20', 11.6), Ca('2025-06-01', 11.7)], read: clinLine, expected: 'hypercalcemia@2025-03-01#1' });
add({ id: 'A17', summary: 'indications threshold (11.49): Ca 11.5', clause: '§4 indications ≥11.5; calciumAboveMgDl 11.49', settings: withCa(11.49), events: [...caBase, Ca('2025-03-01', 11.5)], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A18', summary: 'indications threshold (11.49): Ca 11.49', clause: '§4 indications ≥11.5', settings: withCa(11.49), events: [...caBase, Ca('2025-03-01', 11.49)], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A19', summary: 'indications threshold: 2.87 mmol/L = 11.50 mg/dL', clause: '§4 ≥11.5; unit conversion', settings: withCa(11.49), events: [...caBase, Ca('2025-03-01', 2.87, 'mmol/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });
add({ id: 'A20', summary: 'indications threshold: 2.86 mmol/L = 11.46 mg/dL', clause: '§4 ≥11.5', settings: withCa(11.49), events: [...caBase, Ca('2025-03-01', 2.86, 'mmol/L')], read: clin('hypercalcemia'), expected: 'none' });
add({ id: 'A21', summary: 'Ca 11.0 mg/dL then 2.75 mmol/L next month (10.98→?): 11.0 not above so 2.75 is new episode', clause: '§4 >11; new episode', events: [...caBase, Ca('2025-02-01', 11.0), Ca('2025-03-01', 2.75, 'mmol/L')], read: clin('hypercalcemia'), expected: 'hypercalcemia@2025-03-01' });

// ---------------- B. Haemoglobin fall ≥2 g/dL ----------------
const hbBase = [L1, Hb('2024-12-20', 12)];
add({ id: 'B01', summary: 'Hb 12 → 10.0', clause: '§4 Hb fall ≥2', events: [...hbBase, Hb('2025-03-01', 10.0)], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-03-01' });
add({ id: 'B02', summary: 'Hb 12 → 10.01', clause: '§4 Hb fall ≥2', events: [...hbBase, Hb('2025-03-01', 10.01)], read: clin('hemoglobin-fall'), expected: 'none' });
add({ id: 'B03', summary: 'Hb 11 base, 13 in line, then 11.0', clause: 'clinical-core: from its highest since the line start', events: [L1, Hb('2024-12-20', 11), Hb('2025-02-01', 13), Hb('2025-04-01', 11.0)], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-04-01' });
add({ id: 'B04', summary: 'Hb 14 before baseline, 12 baseline, 10.5 in line', clause: 'clinical-core: baseline = last on or before line start', events: [L1, Hb('2024-11-01', 14), Hb('2024-12-20', 12), Hb('2025-03-01', 10.5)], read: clin('hemoglobin-fall'), expected: 'none' });
add({ id: 'B05', summary: 'Hb 120 g/L → 100 g/L', clause: '§4 ≥2 g/dL; units', events: [L1, Hb('2024-12-20', 120, 'g/L'), Hb('2025-03-01', 100, 'g/L')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-03-01' });
add({ id: 'B06', summary: 'Hb 7.45 mmol/L (12.0) → 6.2 mmol/L (9.99)', clause: '§4 ≥2 g/dL; units', events: [L1, Hb('2024-12-20', 7.45, 'mmol/L'), Hb('2025-03-01', 6.2, 'mmol/L')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-03-01' });
add({ id: 'B07', summary: 'same day Hb 9.5 at 08:00, 11.0 at 16:00', clause: 'clinical-core v16 day\'s latest', events: [...hbBase, Hb('2025-03-01T08:00:00Z', 9.5), Hb('2025-03-01T16:00:00Z', 11.0)], read: clin('hemoglobin-fall'), expected: 'none' });
add({ id: 'B08', summary: 'Hb 13 on 12-20, 12 on line start day, 10.5 later', clause: 'clinical-core: last on or before start is baseline', events: [L1, Hb('2024-12-20', 13), Hb('2025-01-01', 12), Hb('2025-03-01', 10.5)], read: clin('hemoglobin-fall'), expected: 'none' });
add({ id: 'B09', summary: 'Hb 12 → 9.9 → 9.0: one sign', clause: 'first per line', events: [...hbBase, Hb('2025-03-01', 9.9), Hb('2025-04-01', 9.0)], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-03-01' });
add({ id: 'B10', summary: 'mixed units: 12 g/dL base → 100 g/L', clause: '§4; §8 units', events: [...hbBase, Hb('2025-03-01', 100, 'g/L')], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-03-01' });

// ---------------- C. Creatinine rise ≥2 mg/dL from start of therapy ----------------
const crBase = [L1, Cr('2024-12-20', 1.0)];
add({ id: 'C01', summary: 'Cr 1.0 → 3.0', clause: '§4 creatinine rise ≥2 from start', events: [...crBase, Cr('2025-03-01', 3.0)], read: clin('creatinine-rise'), expected: 'creatinine-rise@2025-03-01' });
add({ id: 'C02', summary: 'Cr 1.0 → 2.99', clause: '§4 ≥2', events: [...crBase, Cr('2025-03-01', 2.99)], read: clin('creatinine-rise'), expected: 'none' });
add({ id: 'C03', summary: 'Cr 88.4 → 265.2 µmol/L (1.0 → 3.0)', clause: '§4 ≥2; §7 ÷88.4', events: [L1, Cr('2024-12-20', 88.4, 'umol/L'), Cr('2025-03-01', 265.2, 'umol/L')], read: clin('creatinine-rise'), expected: 'creatinine-rise@2025-03-01' });
add({ id: 'C04', summary: 'Cr 2.0 base, 0.8, then 2.9 (rise from nadir only)', clause: '§4 "from start of therapy"', events: [L1, Cr('2024-12-20', 2.0), Cr('2025-02-01', 0.8), Cr('2025-03-01', 2.9)], read: clin('creatinine-rise'), expected: 'none' });
add({ id: 'C05', summary: 'Cr 1.0 base, 2.0, 3.5', clause: '§4 from start', events: [...crBase, Cr('2025-02-01', 2.0), Cr('2025-03-01', 3.5)], read: clin('creatinine-rise'), expected: 'creatinine-rise@2025-03-01' });
add({ id: 'C06', summary: 'two lines: line-2 baseline 3.2, rises to 5.3', clause: 'clinical-core: from the value at the line\'s start', events: [...TWO_LINES, Cr('2024-12-20', 1.0), Cr('2025-02-01', 3.2), Cr('2025-04-20', 3.2), Cr('2025-06-01', 5.3)], read: clinLine, expected: 'creatinine-rise@2025-02-01#1,creatinine-rise@2025-06-01#2' });
add({ id: 'C07', summary: 'two lines: line-2 baseline 3.2, 4.9 (from line-1 start +3.9, from line-2 start +1.7)', clause: 'clinical-core: from the value at the line\'s start', events: [...TWO_LINES, Cr('2024-12-20', 1.0), Cr('2025-02-01', 3.2), Cr('2025-04-20', 3.2), Cr('2025-06-01', 4.9)], read: clinLine, expected: 'creatinine-rise@2025-02-01#1' });
add({ id: 'C08', summary: 'mixed units: 1.0 mg/dL base → 265.2 µmol/L', clause: '§4; §7', events: [...crBase, Cr('2025-03-01', 265.2, 'umol/L')], read: clin('creatinine-rise'), expected: 'creatinine-rise@2025-03-01' });
add({ id: 'C09', summary: 'same day 3.5 at 08:00, 1.2 at 16:00', clause: 'v16 day\'s latest', events: [...crBase, Cr('2025-03-01T08:00:00Z', 3.5), Cr('2025-03-01T16:00:00Z', 1.2)], read: clin('creatinine-rise'), expected: 'none' });

// ---------------- D. Hyperviscosity ----------------
add({ id: 'D01', summary: 'hyperviscosity active recorded in line', clause: '§4 hyperviscosity', events: [L1, hv('2025-03-01', 'active')], read: clin('hyperviscosity'), expected: 'hyperviscosity@2025-03-01' });
add({ id: 'D02', summary: 'hyperviscosity absent', clause: '§4', events: [L1, hv('2025-03-01', 'absent')], read: clin('hyperviscosity'), expected: 'none' });
add({ id: 'D03', summary: 'history with onset 02-15 in line, recorded 04-01', clause: 'clinical-core v17 history with onset in the line', events: [L1, hv('2025-04-01', 'history', '2025-02-15')], read: clin('hyperviscosity'), expected: 'hyperviscosity@2025-02-15' });
add({ id: 'D04', summary: 'history without onset', clause: 'clinical-core v17', events: [L1, hv('2025-04-01', 'history')], read: clin('hyperviscosity'), expected: 'none' });
add({ id: 'D05', summary: 'active, onset before the line', clause: 'clinical-core: onset in the line', events: [L1, hv('2025-03-01', 'active', '2024-12-01')], read: clin('hyperviscosity'), expected: 'none' });
add({ id: 'D06', summary: 'resolved, onset 02-15 in line', clause: 'clinical-core: active, or resolved since', events: [L1, hv('2025-04-01', 'resolved', '2025-02-15')], read: clin('hyperviscosity'), expected: 'hyperviscosity@2025-02-15' });

// ---------------- E. New lesions, plasmacytoma growth ----------------
add({ id: 'E01', summary: 'newLesions true in line', clause: '§4 new lesions', events: [L1, img('2025-03-01', { newLesions: true })], read: clin(), expected: 'new-lesion@2025-03-01' });
add({ id: 'E02', summary: 'newLesions true before line only', clause: 'nothing before the first line', events: [L1, img('2024-12-20', { newLesions: true })], read: clin(), expected: 'none' });
add({ id: 'E03', summary: 'L1 at baseline, L2 appears', clause: '§4 new plasmacytoma', events: [L1, pl('2024-12-20', [['L1', 20, 20]]), pl('2025-03-01', [['L1', 20, 20], ['L2', 15, 15]])], read: clin(), expected: 'new-lesion@2025-03-01' });
add({ id: 'E04', summary: 'L1 20x20 → 30x20 (+50%, +10 mm)', clause: '§4 definite increase ≥50% and ≥1 cm', events: [L1, pl('2024-12-20', [['L1', 20, 20]]), pl('2025-04-01', [['L1', 30, 20]])], read: clin(), expected: 'lesion-growth@2025-04-01' });
add({ id: 'E05', summary: 'L1 20x20 → 29x20 (+45%)', clause: '§4 ≥50%', events: [L1, pl('2024-12-20', [['L1', 20, 20]]), pl('2025-04-01', [['L1', 29, 20]])], read: clin(), expected: 'none' });
add({ id: 'E06', summary: 'L1 10x10 → 19x10 (+90%, +9 mm)', clause: '§4 ≥1 cm', events: [L1, pl('2024-12-20', [['L1', 10, 10]]), pl('2025-04-01', [['L1', 19, 10]])], read: clin(), expected: 'none' });
add({ id: 'E07', summary: 'L1 10x10 → 20x10 (+100%, +10 mm)', clause: '§4 ≥50% and ≥1 cm', events: [L1, pl('2024-12-20', [['L1', 10, 10]]), pl('2025-04-01', [['L1', 20, 10]])], read: clin(), expected: 'lesion-growth@2025-04-01' });
add({ id: 'E08', summary: 'L1 30x30 → 20x20 → 30x20 (from smallest)', clause: 'clinical-core: from its smallest in the line', events: [L1, pl('2024-12-20', [['L1', 30, 30]]), pl('2025-03-01', [['L1', 20, 20]]), pl('2025-05-01', [['L1', 30, 20]])], read: clin(), expected: 'lesion-growth@2025-05-01' });
add({ id: 'E09', summary: 'L1 30x30 → 35x30', clause: '§4 ≥50%', events: [L1, pl('2024-12-20', [['L1', 30, 30]]), pl('2025-04-01', [['L1', 35, 30]])], read: clin(), expected: 'none' });
add({ id: 'E10', summary: 'L1 gone (0x0) then seen again 15x15', clause: 'clinical-core: one gone and seen again', events: [L1, pl('2024-12-20', [['L1', 20, 20]]), pl('2025-03-01', [['L1', 0, 0]]), pl('2025-05-01', [['L1', 15, 15]])], read: clin(), expected: 'new-lesion@2025-05-01' });
add({ id: 'E11', summary: 'newLesions false', clause: '§4', events: [L1, img('2025-03-01', { newLesions: false })], read: clin(), expected: 'none' });
add({ id: 'E12', summary: 'first measuring scan in line (no pre-line scan) 20x20 → 30x20', clause: 'clinical-core: smallest in the line; first named is not new without earlier measuring scans', events: [L1, pl('2025-02-01', [['L1', 20, 20]]), pl('2025-04-01', [['L1', 30, 20]])], read: clin(), expected: 'lesion-growth@2025-04-01' });
add({ id: 'E13', summary: 'growth ≥50% from smallest but longest +9mm from smallest (30x30 → 20x20 → 29x21)', clause: '§4 ≥50% and ≥1 cm', events: [L1, pl('2024-12-20', [['L1', 30, 30]]), pl('2025-03-01', [['L1', 20, 20]]), pl('2025-05-01', [['L1', 29, 21]])], read: clin(), expected: 'none' });

// ---------------- F. Significant biochemical relapse ----------------
const nad = (v: number, unit = 'g/dL') => [L1, S('2024-12-20', unit === 'g/L' ? 30 : 3.0, unit), S('2025-03-01', v, unit), S('2025-04-01', v, unit)];
add({ id: 'F01', summary: 'nadir 0.5 confirmed → 1.0, 1.0', clause: '§4 [S19] doubling from ≥5 g/L', events: [...nad(0.5), S('2025-05-01', 1.0), S('2025-06-01', 1.0)], read: bio, expected: 'serum-doubling@2025-05-01' });
add({ id: 'F02', summary: 'nadir 0.49 → 0.98, 0.98', clause: '§4 doubling from ≥5 g/L', events: [...nad(0.49), S('2025-05-01', 0.98), S('2025-06-01', 0.98)], read: bio, expected: 'none' });
add({ id: 'F03', summary: 'nadir 0.5 → 0.99, 0.99', clause: '§4 doubling', events: [...nad(0.5), S('2025-05-01', 0.99), S('2025-06-01', 0.99)], read: bio, expected: 'none' });
add({ id: 'F04', summary: 'nadir 0.5 → 1.0, then 0.9', clause: '§4 two consecutive', events: [...nad(0.5), S('2025-05-01', 1.0), S('2025-06-01', 0.9)], read: bio, expected: 'none' });
add({ id: 'F05', summary: 'nadir 0.5 → 1.0 (05-01), 1.0 (07-02): > 2 months', clause: 'clinical-core: second within 2 calendar months', events: [...nad(0.5), S('2025-05-01', 1.0), S('2025-07-02', 1.0)], read: bio, expected: 'none' });
add({ id: 'F06', summary: 'nadir 0.5 → 1.0 (05-01), 1.0 (07-01): exactly 2 months', clause: 'clinical-core: same day two months on', events: [...nad(0.5), S('2025-05-01', 1.0), S('2025-07-01', 1.0)], read: bio, expected: 'serum-doubling@2025-05-01' });
const lateNad = [L1, S('2024-12-20', 3.0), S('2025-10-01', 0.5), S('2025-11-01', 0.5)];
add({ id: 'F07', summary: '12-31 → 02-28 (non-leap)', clause: 'clinical-core: 2 months from 31 Dec is 28 Feb', events: [...lateNad, S('2025-12-31', 1.0), S('2026-02-28', 1.0)], read: bio, expected: 'serum-doubling@2025-12-31' });
add({ id: 'F08', summary: '12-31 → 03-01 (non-leap)', clause: 'clinical-core: 2 months from 31 Dec is 28 Feb', events: [...lateNad, S('2025-12-31', 1.0), S('2026-03-01', 1.0)], read: bio, expected: 'none' });
const leapNad = [med('Rd', '2023-01-01', null), S('2022-12-20', 3.0), S('2023-10-01', 0.5), S('2023-11-01', 0.5)];
add({ id: 'F09', summary: '2023-12-31 → 2024-02-29 (leap)', clause: 'clinical-core: 29 in a leap year', asOf: '2024-06-01', events: [...leapNad, S('2023-12-31', 1.0), S('2024-02-29', 1.0)], read: bio, expected: 'serum-doubling@2023-12-31' });
add({ id: 'F10', summary: '2023-12-31 → 2024-03-01 (leap)', clause: 'clinical-core: 29 in a leap year', asOf: '2024-06-01', events: [...leapNad, S('2023-12-31', 1.0), S('2024-03-01', 1.0)], read: bio, expected: 'none' });
add({ id: 'F11', summary: '07-31 → 09-30', clause: 'clinical-core month end', events: [...nad(0.5), S('2025-07-31', 1.0), S('2025-09-30', 1.0)], read: bio, expected: 'serum-doubling@2025-07-31' });
add({ id: 'F12', summary: '07-31 → 10-01', clause: 'clinical-core month end', events: [...nad(0.5), S('2025-07-31', 1.0), S('2025-10-01', 1.0)], read: bio, expected: 'none' });
add({ id: 'F13', summary: 'nadir 2.0 → 3.0, 3.0', clause: '§4 rise ≥10 g/L serum', events: [...nad(2.0), S('2025-05-01', 3.0), S('2025-06-01', 3.0)], read: bio, expected: 'serum-rise@2025-05-01' });
add({ id: 'F14', summary: 'nadir 2.0 → 2.99, 2.99', clause: '§4 rise ≥10 g/L', events: [...nad(2.0), S('2025-05-01', 2.99), S('2025-06-01', 2.99)], read: bio, expected: 'none' });
add({ id: 'F15', summary: 'g/L: nadir 20 → 30, 30', clause: '§4 ≥10 g/L; §8 units', events: [...nad(20, 'g/L'), S('2025-05-01', 30, 'g/L'), S('2025-06-01', 30, 'g/L')], read: bio, expected: 'serum-rise@2025-05-01' });
add({ id: 'F16', summary: 'g/L: nadir 5 → 10, 10', clause: '§4 doubling from ≥5 g/L', events: [...nad(5, 'g/L'), S('2025-05-01', 10, 'g/L'), S('2025-06-01', 10, 'g/L')], read: bio, expected: 'serum-doubling@2025-05-01' });
add({ id: 'F17', summary: 'confirmed nadir 0.6, single low 0.3, then 1.2, 1.2', clause: 'clinical-core: a single low value does not lower the nadir', events: [...nad(0.6), S('2025-05-01', 0.3), S('2025-06-01', 1.2), S('2025-07-01', 1.2)], read: bio, expected: 'serum-doubling@2025-06-01' });
add({ id: 'F18', summary: 'never responded: baseline 0.6 → 1.2, 1.2', clause: '§4 nadir = baseline if never responded', events: [L1, S('2024-12-20', 0.6), S('2025-03-01', 1.2), S('2025-04-01', 1.2)], read: bio, expected: 'serum-doubling@2025-03-01' });
add({ id: 'F19', summary: 'nadir lowered to 0 by two negative serum IFEs, then 1.0, 1.0', clause: 'clinical-core v16: nadir a negative IFE lowered', events: [L1, S('2024-12-20', 2.0), sIFE('2025-03-01', 'negative'), sIFE('2025-04-01', 'negative'), S('2025-06-01', 1.0), S('2025-07-01', 1.0)], read: bio, expected: 'serum-rise@2025-06-01' });
add({ id: 'F20', summary: 'urine 1000 → 100, 100 → 600, 600', clause: '§4 rise ≥500 mg/24h urine', events: [L1, U('2024-12-20', 1000), U('2025-03-01', 100), U('2025-04-01', 100), U('2025-05-01', 600), U('2025-06-01', 600)], read: bio, expected: 'urine-rise@2025-05-01' });
add({ id: 'F21', summary: 'urine 100 → 599, 599', clause: '§4 ≥500', events: [L1, U('2024-12-20', 1000), U('2025-03-01', 100), U('2025-04-01', 100), U('2025-05-01', 599), U('2025-06-01', 599)], read: bio, expected: 'none' });
add({ id: 'F22', summary: 'urine nadir lowered by two negative urine IFEs, then 500, 500', clause: 'clinical-core v16', events: [L1, U('2024-12-20', 800), uIFE('2025-03-01', 'negative'), uIFE('2025-04-01', 'negative'), U('2025-05-01', 500), U('2025-06-01', 500)], read: bio, expected: 'urine-rise@2025-05-01' });
add({ id: 'F23', summary: 'two values of one day only (08:00, 16:00)', clause: 'clinical-core: second value on the day is the same measurement', events: [...nad(0.5), S('2025-05-01T08:00:00Z', 1.0), S('2025-05-01T16:00:00Z', 1.0)], read: bio, expected: 'none' });
add({ id: 'F24', summary: 'slow doubling: nadir 0.5 at 03/04, 1.0 at 08-01 and 09-01', clause: 'clinical-core: the doubling may take longer than two months', events: [...nad(0.5), S('2025-08-01', 1.0), S('2025-09-01', 1.0)], read: bio, expected: 'serum-doubling@2025-08-01' });
add({ id: 'F25', summary: 'F01 with events in reverse order', clause: 'clinical-core: arrival order never matters', events: [...nad(0.5), S('2025-05-01', 1.0), S('2025-06-01', 1.0)].reverse(), read: bio, expected: 'serum-doubling@2025-05-01' });
add({ id: 'F26', summary: 'day latest: 05-01 08:00 1.0 / 16:00 0.6, 06-01 1.0', clause: 'clinical-core: day\'s latest value', events: [...nad(0.5), S('2025-05-01T08:00:00Z', 1.0), S('2025-05-01T16:00:00Z', 0.6), S('2025-06-01', 1.0)], read: bio, expected: 'none' });
add({ id: 'F27', summary: 'nadir 1.0 → 2.0, 2.0 (both doubling and +1 g/dL)', clause: '§4 both criteria', events: [...nad(1.0), S('2025-05-01', 2.0), S('2025-06-01', 2.0)], read: (p: P) => bio(p).split(',').sort().join(','), expected: 'serum-doubling@2025-05-01,serum-rise@2025-05-01' });
const lc = [L1, diagnosis('2024-12-01', 'none', 'kappa')];
add({ id: 'F30', summary: 'κ nadir 40 mg/L → 240, 240 (λ 10)', clause: '§4 iFLC ≥20 mg/dL with abnormal ratio', events: [...lc, ...K('2024-12-20', 500, 10), ...K('2025-03-01', 40, 10), ...K('2025-04-01', 40, 10), ...K('2025-05-01', 240, 10), ...K('2025-06-01', 240, 10)], read: bio, expected: 'involved-flc-rise@2025-05-01' });
add({ id: 'F31', summary: 'κ nadir 40 → 239, 239', clause: '§4 ≥20 mg/dL', events: [...lc, ...K('2024-12-20', 500, 10), ...K('2025-03-01', 40, 10), ...K('2025-04-01', 40, 10), ...K('2025-05-01', 239, 10), ...K('2025-06-01', 239, 10)], read: bio, expected: 'none' });
add({ id: 'F32', summary: 'κ nadir 1000 → 1240 (+24%)', clause: 'clinical-core: 20 mg/dL or 25%, the greater', events: [...lc, ...K('2024-12-20', 5000, 10), ...K('2025-03-01', 1000, 10), ...K('2025-04-01', 1000, 10), ...K('2025-05-01', 1240, 10), ...K('2025-06-01', 1240, 10)], read: bio, expected: 'none' });
add({ id: 'F33', summary: 'κ nadir 1000 → 1250 (+25%)', clause: 'clinical-core: the greater', events: [...lc, ...K('2024-12-20', 5000, 10), ...K('2025-03-01', 1000, 10), ...K('2025-04-01', 1000, 10), ...K('2025-05-01', 1250, 10), ...K('2025-06-01', 1250, 10)], read: bio, expected: 'involved-flc-rise@2025-05-01' });
add({ id: 'F34', summary: 'κ 40→240 but λ 30→160: ratio normal (1.5)', clause: '§4 with abnormal ratio', events: [...lc, ...K('2024-12-20', 500, 10), ...K('2025-03-01', 40, 30), ...K('2025-04-01', 40, 30), ...K('2025-05-01', 240, 160), ...K('2025-06-01', 240, 160)], read: bio, expected: 'none' });
add({ id: 'F35', summary: 'mg/dL units: κ nadir 4 → 24, 24 (λ 1)', clause: '§4 ≥20 mg/dL; §8 units', events: [...lc, ...K('2024-12-20', 50, 1, 'mg/dL'), ...K('2025-03-01', 4, 1, 'mg/dL'), ...K('2025-04-01', 4, 1, 'mg/dL'), ...K('2025-05-01', 24, 1, 'mg/dL'), ...K('2025-06-01', 24, 1, 'mg/dL')], read: bio, expected: 'involved-flc-rise@2025-05-01' });
add({ id: 'F36', summary: 'λ patient: λ nadir 40 → 240, κ 10', clause: '§4 involved chain', events: [L1, diagnosis('2024-12-01', 'none', 'lambda'), ...K('2024-12-20', 10, 500), ...K('2025-03-01', 10, 40), ...K('2025-04-01', 10, 40), ...K('2025-05-01', 10, 240), ...K('2025-06-01', 10, 240)], read: bio, expected: 'involved-flc-rise@2025-05-01' });

// ---------------- G. Relapse from CR ----------------
const crB = [L1, S('2024-12-20', 2.0), response('2025-04-01', 'CR')];
add({ id: 'G00', summary: 'CR, nothing after', clause: '§4 relapse from CR', events: [...crB], read: rfc, expected: 'none' });
add({ id: 'G01', summary: 'positive serum IFE after CR', clause: '§4 reappearance by IFE', events: [...crB, sIFE('2025-06-01', 'positive')], read: rfc, expected: '2025-06-01' });
add({ id: 'G02', summary: 'marrow PCs 5% after CR', clause: '§4 ≥5% marrow PCs', events: [...crB, BM('2025-06-01', 5)], read: rfc, expected: '2025-06-01' });
add({ id: 'G03', summary: 'marrow PCs 4.9% after CR', clause: '§4 ≥5%', events: [...crB, BM('2025-06-01', 4.9)], read: rfc, expected: 'none' });
add({ id: 'G04', summary: 'serum M-protein 0.1 after CR', clause: '§4 reappearance by electrophoresis', events: [...crB, S('2025-06-01', 0.1)], read: rfc, expected: '2025-06-01' });
add({ id: 'G05', summary: 'hypercalcaemia 11.5 after CR (9.5 before)', clause: '§4 any other progression sign (clinical)', events: [...crB, Ca('2025-03-01', 9.5), Ca('2025-06-01', 11.5)], read: rfc, expected: '2025-06-01' });
add({ id: 'G06', summary: 'hypercalcaemia lasting from before the CR', clause: 'clinical-core: a sign before the CR hides none after it', events: [...crB, Ca('2025-03-01', 11.5), Ca('2025-06-01', 11.6)], read: rfc, expected: 'none' });
add({ id: 'G07', summary: 'creatinine 1.0 at CR → 3.1', clause: '§4 other progression sign', events: [...crB, Cr('2024-12-20', 1.0), Cr('2025-04-01', 1.0), Cr('2025-06-01', 3.1)], read: rfc, expected: '2025-06-01' });
add({ id: 'G08', summary: 'creatinine risen before CR, lasting', clause: 'clinical-core v17: a rise lasting from before a CR is no relapse from it', events: [...crB, Cr('2024-12-20', 1.0), Cr('2025-03-01', 3.2), Cr('2025-04-01', 3.3), Cr('2025-06-01', 3.4)], read: rfc, expected: 'none' });
add({ id: 'G09', summary: 'creatinine risen before CR, then up 2 again from the CR value', clause: 'clinical-core v17: up as much again from the value then', events: [...crB, Cr('2024-12-20', 1.0), Cr('2025-03-01', 3.2), Cr('2025-04-01', 3.3), Cr('2025-06-01', 5.3)], read: rfc, expected: '2025-06-01' });
add({ id: 'G10', summary: 'Hb 12 at CR → 9.9', clause: '§4 other sign', events: [...crB, Hb('2024-12-20', 12), Hb('2025-04-01', 12), Hb('2025-06-01', 9.9)], read: rfc, expected: '2025-06-01' });
add({ id: 'G11', summary: 'new lesion after CR', clause: '§4 other sign', events: [...crB, img('2025-06-01', { newLesions: true })], read: rfc, expected: '2025-06-01' });
add({ id: 'G12', summary: 'marrow 6% 06-01 and positive IFE 07-01: first', clause: 'clinical-core: the first of them', events: [...crB, sIFE('2025-07-01', 'positive'), BM('2025-06-01', 6)], read: rfc, expected: '2025-06-01' });
add({ id: 'G13', summary: 'positive urine IFE after CR', clause: '§4 IFE', events: [...crB, uIFE('2025-06-01', 'positive')], read: rfc, expected: '2025-06-01' });
add({ id: 'G14', summary: 'hyperviscosity after CR', clause: '§4 other sign', events: [...crB, hv('2025-06-01', 'active')], read: rfc, expected: '2025-06-01' });
add({ id: 'G15', summary: 'provenance names the positive IFE', clause: '§8 provenance', events: [...crB, { ...sIFE('2025-06-01', 'positive'), eventId: 'ifepos1' }], read: (p: P) => (p.disease.relapseFromCr?.provenance ?? []).includes('ifepos1'), expected: true });
add({ id: 'G16', summary: 'Hb 14 in line → 12 at CR (line sign) → 11.5 after: line sign @04-01', clause: '§4 Hb fall from highest in line', events: [...crB, Hb('2024-12-20', 13), Hb('2025-02-01', 14), Hb('2025-04-01', 12), Hb('2025-06-01', 11.5)], read: clin('hemoglobin-fall'), expected: 'hemoglobin-fall@2025-04-01' });
add({ id: 'G17', summary: 'same: no relapse from CR (fall since CR 0.5)', clause: 'clinical-core: measured as from a line starting on the CR day', events: [...crB, Hb('2024-12-20', 13), Hb('2025-02-01', 14), Hb('2025-04-01', 12), Hb('2025-06-01', 11.5)], read: rfc, expected: 'none' });
add({ id: 'G18', summary: 'computed confirmed CR (03-01, 04-01), positive IFE 06-01', clause: '§4 CR (two assessments) then relapse', events: [L1, S('2024-12-20', 2.0), U('2024-12-20', 0), ...['2025-03-01', '2025-04-01'].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')]), BM('2025-03-15', 2), sIFE('2025-06-01', 'positive')], read: rfcFull, expected: '2025-04-01>2025-06-01' });
add({ id: 'G19', summary: 'two paths agree: hypercalcaemia sign date = relapseFromCr date', clause: '§4', events: [...crB, Ca('2025-03-01', 9.5), Ca('2025-06-01T10:00:00Z', 11.5)], read: (p: P) => `${clin('hypercalcemia')(p)}|${rfc(p)}`, expected: 'hypercalcemia@2025-06-01|2025-06-01' });
add({ id: 'G20', summary: 'Ca 11.5 then 10 before CR, 11.5 after', clause: 'new episode after CR', events: [...crB, Ca('2025-02-01', 11.5), Ca('2025-04-01', 10), Ca('2025-06-01', 11.5)], read: rfc, expected: '2025-06-01' });
add({ id: 'G21', summary: 'mmol/L hypercalcaemia after CR: 2.75', clause: '§4 >11; units', events: [...crB, Ca('2025-03-01', 2.3, 'mmol/L'), Ca('2025-06-01', 2.75, 'mmol/L')], read: rfc, expected: '2025-06-01' });
add({ id: 'G22', summary: 'plasmacytoma growth after CR (from CR-day scan)', clause: '§4 definite increase', events: [...crB, pl('2025-04-01', [['L1', 10, 10]]), pl('2025-06-01', [['L1', 20, 10]])], read: rfc, expected: '2025-06-01' });

// ---------------- H. MRD negativity lost / mrd leaf ----------------
const mB = [L1, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-04-15', 'negative', 'NGS', 1e-5)];
add({ id: 'H00', summary: 'control: CR + MRD-neg, nothing after: leaf MET', clause: '§4 MRD', events: [...mB], read: mrdRule('negative'), expected: 'MET' });
add({ id: 'H01', summary: 'hypercalcaemia after MRD-neg', clause: '§4 relapse from MRD-neg incl. relapse-from-CR events; v17', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-06-01', 11.5)], read: lost, expected: '2025-06-01' });
add({ id: 'H02', summary: 'new lesion after MRD-neg', clause: '§4', events: [...mB, img('2025-06-01', { newLesions: true })], read: lost, expected: '2025-06-01' });
add({ id: 'H03', summary: 'positive PET-CT after MRD-neg', clause: '§4 loss by imaging', events: [...mB, pet('2025-06-01', 'positive')], read: lost, expected: '2025-06-01' });
add({ id: 'H04', summary: 'Hb fall 2 after MRD-neg', clause: '§4 any relapse-from-CR event', events: [...mB, Hb('2024-12-20', 12), Hb('2025-04-15', 12), Hb('2025-06-01', 9.9)], read: lost, expected: '2025-06-01' });
add({ id: 'H05', summary: 'creatinine +2.1 after MRD-neg', clause: '§4', events: [...mB, Cr('2024-12-20', 1.0), Cr('2025-04-15', 1.0), Cr('2025-06-01', 3.1)], read: lost, expected: '2025-06-01' });
add({ id: 'H06', summary: 'hyperviscosity after MRD-neg', clause: '§4', events: [...mB, hv('2025-06-01', 'active')], read: lost, expected: '2025-06-01' });
add({ id: 'H07', summary: 'marrow 5% after MRD-neg', clause: '§4', events: [...mB, BM('2025-06-01', 5)], read: lost, expected: '2025-06-01' });
add({ id: 'H08', summary: 'leaf negative after hypercalcaemia since', clause: 'criteria-language mrd: negativity lost reads as positive', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-06-01', 11.5)], read: mrdRule('negative'), expected: 'NOT_MET' });
add({ id: 'H09', summary: 'leaf positive after hypercalcaemia since', clause: 'criteria-language mrd', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-06-01', 11.5)], read: mrdRule('positive'), expected: 'MET' });
add({ id: 'H10', summary: 'hypercalcaemia on the MRD test day', clause: 'criteria-language mrd: unknown on the test\'s own day', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-04-15', 11.5)], read: mrdRule('negative'), expected: 'UNKNOWN' });
add({ id: 'H11', summary: 'hypercalcaemia between CR and MRD test', clause: 'criteria-language mrd: relapse from CR before the test → not met', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-04-10', 11.5)], read: mrdRule('negative'), expected: 'NOT_MET' });
add({ id: 'H12', summary: 'hypercalcaemia lasting from before CR and MRD', clause: 'clinical-core: a sign before the CR hides none after it', events: [...mB, Ca('2025-03-01', 11.5), Ca('2025-06-01', 11.6)], read: lost, expected: 'none' });
add({ id: 'H13', summary: 'two paths agree: relapseFromCr and negativityLost on one sign', clause: '§4', events: [...mB, Ca('2025-04-01', 9.5), Ca('2025-06-01', 11.5)], read: (p: P) => `${rfc(p)}|${lost(p)}`, expected: '2025-06-01|2025-06-01' });
add({ id: 'H14', summary: 'positive urine IFE after MRD-neg', clause: '§4', events: [...mB, uIFE('2025-06-01', 'positive')], read: lost, expected: '2025-06-01' });
add({ id: 'H15', summary: 'leaf negative after new lesion since', clause: 'criteria-language mrd', events: [...mB, img('2025-06-01', { newLesions: true })], read: mrdRule('negative'), expected: 'NOT_MET' });
add({ id: 'H16', summary: 'Hb fall since the CR but before the MRD test: leaf NOT_MET', clause: 'criteria-language mrd: relapse from CR before the test', events: [...mB, Hb('2024-12-20', 12), Hb('2025-04-01', 12), Hb('2025-04-10', 9.8)], read: mrdRule('negative'), expected: 'NOT_MET' });
add({ id: 'H17', summary: 'hypercalcaemia by mmol/L after MRD-neg: 2.75', clause: '§4; units', events: [...mB, Ca('2025-04-01', 2.3, 'mmol/L'), Ca('2025-06-01', 2.75, 'mmol/L')], read: lost, expected: '2025-06-01' });

describe('relapse37', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
