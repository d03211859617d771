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
const CA = (d: string, v: number, unit = 'mg/dL') => lab(d, 'calcium', v, unit);
const HB = (d: string, v: number) => lab(d, 'hemoglobin', v, 'g/dL');
const CR_ = (d: string, v: number) => lab(d, 'creatinine', v, 'mg/dL');
type Lesion = { lesion: string; longestDiameterMm: number; perpendicularDiameterMm: number; shortAxisMm?: number };
const scan = (d: string, plasmacytomas: Lesion[] | undefined, extra: Record<string, unknown> = {}) =>
  event('imaging', d, { modality: 'CT', ...(plasmacytomas ? { plasmacytomas } : {}), ...extra });

/** The standard assessment days: baseline then monthly. */
const DAYS = ['2024-12-20', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01'];
const serum = (vals: number[], days = DAYS) => vals.map((v, i) => S(days[i]!, v));
const urine = (vals: number[], days = DAYS) => vals.map((v, i) => U(days[i]!, v));
const flat = (f: (d: string) => Ev | Ev[], days = DAYS) => days.flatMap((d) => f(d));

const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const clin = (p: P) => (p.disease.clinicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const sig = (p: P) => (p.disease.significantBiochemicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const rfc = (p: P) => p.disease.relapseFromCr ? `relapse@${p.disease.relapseFromCr.date}` : 'none';
const lost = (p: P) => p.disease.mrd.negativityLost ? `lost@${p.disease.mrd.negativityLost.date}` : 'none';
const rule = (r: unknown, asOf = AS_OF) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Settings }
const VRD = med('VRd', '2024-09-01', '2025-01-31');
const CR_MRD = [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5)];

const cases: Case[] = [
  // ---- MRD negativity lost by a second episode of a sign (the line's first of each kind came before the negative) ----
  {
    id: 'Y01', clause: '§4 relapse from MRD-neg: any relapse-from-CR event (hypercalcaemia, doc v17) — a new episode after the negative', summary: 'Ca 9 → 12 (03-01) → 9 (04-01); CR 04-01; MRD neg 05-01; Ca 12 (07-01)',
    events: [...CR_MRD, CA('2024-12-20', 9), CA('2025-03-01', 12), CA('2025-04-01', 9), CA('2025-07-01', 12)], read: lost, expected: 'lost@2025-07-01',
  },
  {
    id: 'Y02', clause: '§4 relapse from MRD-neg: new lesion after the negative, a first new lesion earlier in the line', summary: 'newLesions 03-01; CR 04-01; MRD neg 05-01; newLesions 07-01',
    events: [...CR_MRD, scan('2025-02-01', undefined, { newLesions: false }), scan('2025-03-01', undefined, { newLesions: true }), scan('2025-07-01', undefined, { newLesions: true })], read: lost, expected: 'lost@2025-07-01',
  },
  {
    id: 'Y03', clause: '§4 relapse from CR: hypercalcaemia new episode after CR, an earlier episode in the line', summary: 'Ca 9 → 12 (03-01) → 9 (04-01); CR 04-01; Ca 12 (07-01)',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), CA('2024-12-20', 9), CA('2025-03-01', 12), CA('2025-04-01', 9), CA('2025-07-01', 12)], read: rfc, expected: 'relapse@2025-07-01',
  },
  {
    id: 'Y04', clause: '§4 relapse from CR: new lesion after CR, an earlier new lesion in the line', summary: 'newLesions 03-01; CR 04-01; newLesions 07-01',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), scan('2025-02-01', undefined, { newLesions: false }), scan('2025-03-01', undefined, { newLesions: true }), scan('2025-07-01', undefined, { newLesions: true })], read: rfc, expected: 'relapse@2025-07-01',
  },
  {
    id: 'Y05', clause: '§4 MRD loss: hypercalcaemia lasting from before the negative is no loss', summary: 'Ca 12 from 03-01 on; CR 04-01; MRD neg 05-01; Ca 12 07-01',
    events: [...CR_MRD, CA('2024-12-20', 9), CA('2025-03-01', 12), CA('2025-05-01', 12), CA('2025-07-01', 12)], read: lost, expected: 'none',
  },
  {
    id: 'Y06', clause: '§4 relapse from CR via Hb fall: measured from the CR day (doc "as from a line starting on the CR\'s day")', summary: 'Hb 10 → 14 (03-01); CR 04-01 Hb 12.5; Hb 12 (06-01)',
    events: [DX, RD, S('2024-12-20', 2.0), HB('2024-12-20', 10), HB('2025-03-01', 14), response('2025-04-01', 'CR'), HB('2025-04-01', 12.5), HB('2025-06-01', 12)], read: rfc, expected: 'none',
  },
  { id: 'Y07', clause: '§4 MRD loss by positive PET-CT (imaging MRD)', summary: 'MRD neg 05-01; PET-CT positive 07-01', events: [...CR_MRD, event('imaging', '2025-07-01', { modality: 'PET-CT', mrd: 'positive' })], read: lost, expected: 'lost@2025-07-01' },
  {
    id: 'Y08', clause: '§4 MRD loss by urine M-protein > 0', summary: 'MRD neg 05-01; urine 40 mg/24h 07-01', events: [...CR_MRD, U('2025-07-01', 40)], read: lost, expected: 'lost@2025-07-01',
  },
  {
    id: 'Y09', clause: '§4 MRD loss by creatinine rise new episode after the negative', summary: 'Cr 1.0 → 3.2 (03-01) → 1.0 (04-01); MRD neg 05-01; Cr 3.2 (07-01)',
    events: [...CR_MRD, CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.2), CR_('2025-04-01', 1.0), CR_('2025-07-01', 3.2)], read: lost, expected: 'lost@2025-07-01',
  },
  // ---- sig. biochemical relapse from a nadir lowered by a negative IFE (doc v16) ----
  {
    id: 'Y10', clause: 'doc v16: serum rise ≥1 g/dL from a nadir a negative IFE lowered', summary: 'serum 2.0; sIFE neg 02-01, 03-01; serum 1.0 (04-01), 1.0 (05-01)',
    events: [DX, RD, S('2024-12-20', 2.0), sIFE('2025-02-01', 'negative'), sIFE('2025-03-01', 'negative'), S('2025-04-01', 1.0), S('2025-05-01', 1.0)], read: sig, expected: 'serum-rise@2025-04-01',
  },
  {
    id: 'Y11', clause: 'doc v16: urine rise ≥500 from a nadir a negative urine IFE lowered', summary: 'urine 800; uIFE neg 02-01, 03-01; urine 500, 500',
    events: [DX, RD, S('2024-12-20', 0.3), U('2024-12-20', 800), uIFE('2025-02-01', 'negative'), uIFE('2025-03-01', 'negative'), U('2025-04-01', 500), U('2025-05-01', 500)], read: sig, expected: 'urine-rise@2025-04-01',
  },
  {
    id: 'Y12', clause: 'doc v9: urine nadir lowered by negative urine IFE (IMWG PD +200)', summary: 'as Y11 but urine 200, 200',
    events: [DX, RD, S('2024-12-20', 0.3), U('2024-12-20', 800), uIFE('2025-02-01', 'negative'), uIFE('2025-03-01', 'negative'), U('2025-04-01', 200), U('2025-05-01', 200)], read: bio, expected: 'urine-m-protein@2025-04-01',
  },
  // ---- units ----
  { id: 'Y13', clause: '§4/§8 urine in g/24h', summary: 'urine 0.1 → 0.3 g/24h', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...[0.1, 0.1, 0.1, 0.3, 0.3].map((v, i) => lab(DAYS[i]!, 'urine m-protein', v, 'g/24h'))], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'Y14', clause: '§4/§8 serum in g/L', summary: 'serum 30 → 10,10 → 15,15 g/L', events: [DX, RD, ...[30, 10, 10, 15, 15].map((v, i) => lab(DAYS[i]!, 'serum m-protein', v, 'g/L')), ...urine([50, 50, 50, 50, 50])], read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'Y15', clause: '§4 circulating PCs in cells/µL', summary: '100 → 300 cells/µL', events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)], DAYS.slice(0, 5)), ...[100, 100, 100, 300, 300].map((v, i) => lab(DAYS[i]!, 'absolute circulating plasma cells', v, 'cells/uL'))], read: bio, expected: 'circulating-plasma-cells@2025-04-01' },
  // ---- progression in the next line's first days, refractoriness of each line ----
  ...(() => {
    const ev = [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), S('2025-05-20', 1.0), S('2025-06-05', 1.6), S('2025-06-20', 1.6), ...urine([50, 50, 50]), U('2025-05-20', 50), U('2025-06-05', 50), U('2025-06-20', 50)];
    const asOf = '2025-08-01';
    return [
      { id: 'Y16', clause: '§4 PD dated at the first of two (in line 2\'s first 14 days)', summary: 'Rd ends 05-31; Kd 06-01; 1.0 → 1.6 (06-05), 1.6 (06-20)', events: ev, asOf, read: bio, expected: 'serum-m-protein@2025-06-05' },
      { id: 'Y17', clause: 'doc earlyProgressionDays: makes the therapy before refractory, not the line\'s own drugs', summary: 'as Y16: lenalidomide / carfilzomib progressionOnly', events: ev, asOf, read: (p: P) => `${rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, asOf)(p)}/${rule({ fact: 'drugRefractory', drug: 'carfilzomib', progressionOnly: true }, asOf)(p)}`, expected: 'MET/NOT_MET' },
      { id: 'Y18', clause: 'doc progressionLine: the line before', summary: 'as Y16', events: ev, asOf, read: (p: P) => p.disease.progressionLine, expected: 1 },
      { id: 'Y19', clause: '§1 relapsed-and-refractory: PD 5 d after the last Rd dose after PR', summary: 'as Y16', events: ev, asOf, read: (p: P) => `rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed}`, expected: 'rr=true rel=false' },
    ] as Case[];
  })(),
  {
    id: 'Y20', clause: 'progressionAfterLastLine withinDaysOfLastDose: a transplant of the line restarts the window', summary: 'VRd ends 01-31 (PR); ASCT 03-01; PD reported 04-29 (58 d after ASCT, 88 d after VRd)',
    events: [DX, VRD, event('procedure', '2025-03-01', { kind: 'autologous-sct' }), S('2024-08-20', 3.0), U('2024-08-20', 50), S('2024-11-01', 1.0), U('2024-11-01', 50), S('2024-12-01', 1.0), U('2024-12-01', 50), response('2025-04-29', 'PD')],
    asOf: '2025-06-01', read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, '2025-06-01'), expected: 'MET',
  },
  {
    id: 'Y21', clause: 'doc: hyperviscosity resolved since, onset in the line', summary: 'hyperviscosity resolved, onset 03-01 (recorded 05-01)',
    events: [DX, RD, event('condition', '2025-05-01', { kind: 'hyperviscosity', status: 'resolved', onsetDate: '2025-03-01' })], read: clin, expected: 'hyperviscosity@2025-03-01',
  },
  {
    id: 'Y22', clause: '§4 two consecutive assessments: a confirming value that is lower but still over the threshold', summary: 'nadir 1.0 → 2.0, 1.5',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 2.0, 1.5]), ...urine([50, 50, 50, 50, 50])], read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  {
    id: 'Y23', clause: '§4 confirmed PD then the same rise continues: one progression event (no second PD from the same nadir)', summary: 'nadir 1.0 → 1.6,1.6,2.4,3.0',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 1.6, 1.6, 2.4, 3.0]), ...urine([50, 50, 50, 50, 50, 50, 50])], read: (p) => p.disease.progressionDate, expected: '2025-04-01',
  },
  {
    id: 'Y24', clause: '§4 significant biochemical relapse and IMWG PD agree on the date', summary: 'nadir 2.0 → 3.0 (04-01), 3.0 (05-01)',
    events: [DX, RD, ...serum([3.0, 2.0, 2.0, 3.0, 3.0]), ...urine([50, 50, 50, 50, 50])], read: (p) => `${bio(p)}|${sig(p)}`, expected: 'serum-m-protein@2025-04-01|serum-rise@2025-04-01',
  },
  {
    id: 'Y25', clause: '§4 PD timeSince reads the first of two even when confirmation is on the screening day', summary: 'rise 04-01, confirmation 05-01 = asOf; maxDays 30',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), ...urine([50, 50, 50, 50, 50])], asOf: '2025-05-01', read: rule({ fact: 'timeSince', event: 'progression', maxDays: 30 }, '2025-05-01'), expected: 'MET',
  },
  {
    id: 'Y26', clause: '§4 PD not yet confirmed on the screening day: no progression yet', summary: 'rise 04-01 only, asOf 04-15: timeSince progression maxDays 30',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 1.6]), ...urine([50, 50, 50, 50])], asOf: '2025-04-15', read: rule({ fact: 'timeSince', event: 'progression', maxDays: 30 }, '2025-04-15'), expected: 'NOT_MET',
  },
];

describe('prog37c progression & relapse second-order', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
