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
const clin = (p: P) => (p.disease.clinicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const sig = (p: P) => (p.disease.significantBiochemicalRelapse ?? []).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const rfc = (p: P) => p.disease.relapseFromCr ? `relapse@${p.disease.relapseFromCr.date}` : 'none';
const lost = (p: P) => p.disease.mrd.negativityLost ? `lost@${p.disease.mrd.negativityLost.date}` : 'none';
const rule = (r: unknown, asOf = AS_OF) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Settings }
const sec = (vals: number[], extra: Ev[] = []) => [DX, RD, ...serum(vals), ...urine(vals.map(() => 50)), ...extra];
const flags = (p: P) => `pr=${p.flags.primaryRefractory} rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed}`;
const VRD = med('VRd', '2024-09-01', '2025-01-31');

const cases: Case[] = [
  // ---- nadir subtleties ----
  {
    id: 'X01', clause: '§4 nadir ≥5 (confirmed) with a single lower value: +1 g/dL rule from the confirmed nadir', summary: '6.0 → 5.0 → 4.0 → 5.2 → 6.0,6.0 (confirmed nadir 5.0)',
    events: [DX, RD, ...serum([6.0, 5.0, 4.0, 5.2, 6.0, 6.0]), ...urine([50, 50, 50, 50, 50, 50])], read: bio, expected: 'serum-m-protein@2025-05-01',
  },
  {
    id: 'X02', clause: 'doc v9: negative IFE with no SPEP that day is M-protein 0 for the nadir', summary: 'serum 2.0; sIFE neg 02-01 & 03-01 (no SPEP); 0.5, 0.5',
    events: [DX, RD, S('2024-12-20', 2.0), sIFE('2025-02-01', 'negative'), sIFE('2025-03-01', 'negative'), S('2025-04-01', 0.5), S('2025-05-01', 0.5)], read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  { id: 'X03', clause: '§4 urine from a nadir of 0', summary: 'urine 600 → 0,0 → 200,200', events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([600, 0, 0, 200, 200])], read: bio, expected: 'urine-m-protein@2025-04-01' },
  { id: 'X04', clause: '§4 serum from CR nadir 0', summary: 'serum 2.0 → 0,0 → 0.5,0.5', events: sec([2.0, 0, 0, 0.5, 0.5]), read: bio, expected: 'serum-m-protein@2025-04-01' },
  { id: 'X05', clause: '§4 serum from nadir 0: +0.49 is not enough', summary: 'serum 2.0 → 0,0 → 0.49,0.49', events: sec([2.0, 0, 0, 0.49, 0.49]), read: bio, expected: 'none' },
  {
    id: 'X06', clause: '§4 dFLC with mixed units on one day (§8 normalize)', summary: 'kappa mg/L, lambda mg/dL; dFLC 100 → 201',
    events: [DX, RD, ...serum([0.3, 0.3, 0.3, 0.3, 0.3]), ...urine([50, 50, 50, 50, 50]), ...DAYS.slice(0, 5).flatMap((d, i) => [lab(d, 'free kappa', [500, 110, 110, 211, 211][i]!, 'mg/L'), lab(d, 'free lambda', 1, 'mg/dL')])],
    read: bio, expected: 'dflc@2025-04-01',
  },
  {
    id: 'X07', clause: '§4 marrow: FLC unmeasurable = involved ≥10 mg/dL but normal ratio', summary: 'kappa 120/lambda 80 (ratio 1.5); marrow 20 → 30',
    events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 120, 80)]), BM('2024-12-20', 40), BM('2025-03-01', 20), BM('2025-06-01', 30)], read: bio, expected: 'marrow-plasma-cells@2025-06-01',
  },
  { id: 'X08', clause: '§4 circulating PCs exactly +50% and +200/µL', summary: '0.4 → 0.6', events: [DX, RD, ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)], DAYS.slice(0, 5)), ...[0.4, 0.4, 0.4, 0.6, 0.6].map((v, i) => CPC(DAYS[i]!, v))], read: bio, expected: 'circulating-plasma-cells@2025-04-01' },
  {
    id: 'X09', clause: '§4 serum when dFLC is not eligible: serum 0.8 rises to 1.3 (+0.5, 62%)', summary: 'serum 0.8 flat → 1.3,1.3',
    events: [DX, RD, ...serum([0.8, 0.8, 0.8, 1.3, 1.3]), ...urine([50, 50, 50, 50, 50])], read: bio, expected: 'serum-m-protein@2025-04-01',
  },
  // ---- imaging combos ----
  {
    id: 'X10', clause: '§4 SPD of >1 lesion; doc: a lesion that disappeared no longer counts', summary: 'L1 20x20 + L2 10x10; L2 gone 03-01; L1 25x24 (+50% SPD, single lesion, longest +25%)',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 20, 20)]), scan('2025-05-01', [L('L1', 25, 24)])], read: bio, expected: 'none',
  },
  {
    id: 'X11', clause: 'doc: a lesion that disappeared and comes back >1 cm short axis is progression', summary: 'L2 gone 03-01, back 12x12 (sa 12) 05-01',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 20, 20)]), scan('2025-05-01', [L('L1', 20, 20), L('L2', 12, 12, 12)])], read: bio, expected: 'imaging@2025-05-01',
  },
  {
    id: 'X12', clause: 'doc: imaging nadir within the line', summary: 'line1 SPD 500 → 100 (03-01) → 300 (05-25, PD); Kd 06-01; 400 (07-01, +33% from 300)',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([2, 2, 2, 2, 2]), ...urine([50, 50, 50, 50, 50]),
      scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 8, 8), L('L2', 6, 6)]), scan('2025-05-25', [L('L1', 15, 14), L('L2', 9, 10)]), scan('2025-07-01', [L('L1', 17, 16), L('L2', 11, 11)])],
    read: bio, expected: 'imaging@2025-05-25',
  },
  {
    id: 'X13', clause: '§4 clinical relapse: a lesion gone and seen again is a new lesion (doc)', summary: 'as X11',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 20, 20), L('L2', 10, 10)]), scan('2025-03-01', [L('L1', 20, 20)]), scan('2025-05-01', [L('L1', 20, 20), L('L2', 12, 12, 12)])], read: clin, expected: 'new-lesion@2025-05-01',
  },
  {
    id: 'X14', clause: '§4 definite increase from the smallest in the line, +1 cm', summary: 'L1 30x30 → 20x20 → 30x20',
    events: [...sec([2, 2, 2, 2, 2]), scan('2024-12-20', [L('L1', 30, 30)]), scan('2025-03-01', [L('L1', 20, 20)]), scan('2025-05-01', [L('L1', 30, 20)])], read: clin, expected: 'lesion-growth@2025-05-01',
  },
  // ---- clinical relapse units and lines ----
  { id: 'X15', clause: '§4 Hb fall ≥2 g/dL with Hb in g/L', summary: 'Hb 120 g/L → 100 g/L', events: [DX, RD, lab('2024-12-20', 'hemoglobin', 120, 'g/L'), lab('2025-03-01', 'hemoglobin', 100, 'g/L')], read: clin, expected: 'hemoglobin-fall@2025-03-01' },
  { id: 'X16', clause: '§4 creatinine rise ≥2 mg/dL in µmol/L (÷88.4)', summary: 'Cr 88.4 → 265.2 µmol/L', events: [DX, RD, lab('2024-12-20', 'creatinine', 88.4, 'umol/L'), lab('2025-03-01', 'creatinine', 265.2, 'umol/L')], read: clin, expected: 'creatinine-rise@2025-03-01' },
  { id: 'X17', clause: '§4 hypercalcaemia in mEq/L (5.5 mEq/L = 11.02 mg/dL)', summary: 'Ca 4.6 → 5.5 mEq/L', events: [DX, RD, CA('2024-12-20', 4.6, 'meq/L'), CA('2025-03-01', 5.5, 'meq/L')], read: clin, expected: 'hypercalcemia@2025-03-01' },
  {
    id: 'X18', clause: 'doc: creatinine from each line\'s start; a new episode in line 2', summary: 'Cr 1.0 → 3.0 (line1 03-01); line 2 06-01 baseline 3.0 → 5.0',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), CR_('2024-12-20', 1.0), CR_('2025-03-01', 3.0), CR_('2025-06-01', 3.0), CR_('2025-07-01', 5.0)], read: clin, expected: 'creatinine-rise@2025-03-01,creatinine-rise@2025-07-01',
  },
  {
    id: 'X19', clause: 'doc: hypercalcaemia lasting from line 1 into line 2 is not a line-2 relapse', summary: 'Ca 9 → 12 (03-01) → 12 (06-01, line 2 start) → 12 (07-01)',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), CA('2024-12-20', 9), CA('2025-03-01', 12), CA('2025-06-01', 12), CA('2025-07-01', 12)], read: clin, expected: 'hypercalcemia@2025-03-01',
  },
  { id: 'X20', clause: 'doc: first of each kind per line', summary: 'Ca 9 → 12 → 9 → 12 in one line', events: [DX, RD, CA('2024-12-20', 9), CA('2025-03-01', 12), CA('2025-04-01', 9), CA('2025-05-01', 12)], read: clin, expected: 'hypercalcemia@2025-03-01' },
  {
    id: 'X21', clause: '§4 Hb fall ≥2 from line start; the line-1 high is not line 2\'s', summary: 'Hb 13 (line1) → 11 at line2 start → 9.5 (line2)',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), HB('2024-12-20', 12), HB('2025-03-01', 13), HB('2025-06-01', 11.5), HB('2025-07-01', 9.5)], read: clin, expected: 'hemoglobin-fall@2025-07-01',
  },
  // ---- significant biochemical relapse combos ----
  {
    id: 'X22', clause: '[S19] serum +1 g/dL from the confirmed nadir (single low ignored)', summary: '3.0 → 1.5 → 1.0 → 2.1,2.1 (confirmed nadir 1.5)',
    events: sec([3.0, 1.5, 1.0, 2.1, 2.1]), read: sig, expected: 'none',
  },
  { id: 'X23', clause: '[S19] doubling: both consecutive measurements doubled', summary: 'nadir 0.5 → 1.0, 0.99', events: sec([2.0, 0.5, 0.5, 1.0, 0.99]), read: sig, expected: 'none' },
  {
    id: 'X24', clause: 'doc: the doubling itself may take longer than two months', summary: 'nadir 0.5 (Feb–Mar) → 1.0 (08-01), 1.0 (09-01)',
    events: [DX, RD, ...serum([2.0, 0.5, 0.5, 0.6, 0.7]), S('2025-08-01', 1.0), S('2025-09-01', 1.0), ...urine([50, 50, 50, 50, 50])], read: sig, expected: 'serum-doubling@2025-08-01',
  },
  {
    id: 'X25', clause: '[S19] iFLC on the involved chain (lambda): a kappa rise is not it', summary: 'lambda disease; kappa 50 → 300; lambda 400 flat',
    events: [diagnosis('2024-12-01', 'none', 'lambda'), RD, ...serum([0, 0, 0, 0, 0]), ...urine([0, 0, 0, 0, 0]), ...[50, 50, 50, 300, 300].flatMap((k, i) => K(DAYS[i]!, k, 400))], read: sig, expected: 'none',
  },
  // ---- relapse from CR / MRD combos ----
  { id: 'X26', clause: '§4 relapse from CR after sCR', summary: 'sCR reported 04-01; urine M-protein 30 mg/24h 06-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'sCR'), U('2025-06-01', 30)], read: rfc, expected: 'relapse@2025-06-01' },
  { id: 'X27', clause: '§4 relapse from CR: after the latest CR', summary: 'CR 03-01; sIFE pos 04-01; CR 06-01; nothing after', events: [DX, RD, S('2024-12-20', 2.0), response('2025-03-01', 'CR'), sIFE('2025-04-01', 'positive'), response('2025-06-01', 'CR')], read: rfc, expected: 'none' },
  {
    id: 'X28', clause: '§4 relapse from CR needs a CR (computed CR unconfirmed: one assessment)', summary: 'one CR assessment 04-01 then sIFE pos 06-01',
    events: [DX, RD, S('2024-12-20', 2.0), U('2024-12-20', 50), S('2025-03-01', 0.5), U('2025-03-01', 0), S('2025-04-01', 0), U('2025-04-01', 0), sIFE('2025-04-01', 'negative'), uIFE('2025-04-01', 'negative'), BM('2025-04-01', 2), sIFE('2025-06-01', 'positive')],
    read: rfc, expected: 'none',
  },
  {
    id: 'X29', clause: 'doc v15: a coarser negative after a relapse does not undo it', summary: 'MRD neg 1e-5 05-01; sIFE pos 06-01; MRD neg 1e-4 07-01',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), sIFE('2025-06-01', 'positive'), mrd('2025-07-01', 'negative', 'NGS', 1e-4)], read: lost, expected: 'lost@2025-06-01',
  },
  {
    id: 'X30', clause: '§4 MRD loss: negativity re-established by a valid negative after the relapse', summary: 'MRD neg 05-01; sIFE pos 06-01; CR 08-01; MRD neg 1e-5 09-01',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), sIFE('2025-06-01', 'positive'), response('2025-08-01', 'CR'), mrd('2025-09-01', 'negative', 'NGS', 1e-5)], read: lost, expected: 'none',
  },
  {
    id: 'X31', clause: '§4 MRD loss: a progression (new lesion on imaging)', summary: 'MRD neg 05-01; newLesions 07-01',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), mrd('2025-05-01', 'negative', 'NGS', 1e-5), scan('2025-03-01', undefined, { newLesions: false }), scan('2025-07-01', undefined, { newLesions: true })], read: lost, expected: 'lost@2025-07-01',
  },
  { id: 'X32', clause: '§4 relapse from CR: positive PET-CT is MRD relapse only (doc)', summary: 'CR; PET-CT mrd positive 06-01', events: [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR'), event('imaging', '2025-06-01', { modality: 'PET-CT', mrd: 'positive' })], read: rfc, expected: 'none' },
  // ---- progression dating / lines ----
  {
    id: 'X33', clause: 'doc progressionDate: a new therapy between the events separates them', summary: 'Rd PD confirmed 04-01; Kd 06-01; PD reported 08-01',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0, 1.6, 1.6]), ...urine([50, 50, 50, 50, 50]), response('2025-08-01', 'PD')], read: (p) => p.disease.progressionDate, expected: '2025-08-01',
  },
  {
    id: 'X34', clause: 'doc progressionDate: a response between separates them', summary: 'Rd ongoing; PD 04-01 (1.0→1.6,1.6); 1.1, 1.1 (−31%); PD reported 09-01',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 1.6, 1.6, 1.1, 1.1]), ...urine([50, 50, 50, 50, 50, 50, 50]), response('2025-09-01', 'PD')], read: (p) => p.disease.progressionDate, expected: '2025-09-01',
  },
  {
    id: 'X35', clause: '§1 relapsed: last therapy before the PD excludes a salvage started ≤14 d before it', summary: 'Rd last dose 03-31 (PR); Kd 05-25; PD reported 05-31 (61 d)',
    events: [DX, RD_UNTIL('2025-03-31'), KD_FROM('2025-05-25'), ...serum([3.0, 1.0, 1.0]), ...urine([50, 50, 50]), response('2025-05-31', 'PD')], asOf: '2025-07-01', read: flags, expected: 'pr=false rr=false rel=true',
  },
  {
    id: 'X36', clause: '§1 ASCT is therapy: PD 60 d after ASCT is relapsed-and-refractory', summary: 'VRd (PR) → ASCT 03-01 → PD reported 04-30',
    events: [DX, VRD, event('procedure', '2025-03-01', { kind: 'autologous-sct' }), S('2024-08-20', 3.0), U('2024-08-20', 50), S('2024-11-01', 1.0), U('2024-11-01', 50), S('2024-12-01', 1.0), U('2024-12-01', 50), response('2025-04-30', 'PD')], asOf: '2025-06-01', read: flags, expected: 'pr=false rr=true rel=false',
  },
  {
    id: 'X37', clause: '§1 PD 61 d after ASCT: relapsed', summary: 'as X36, PD 05-01',
    events: [DX, VRD, event('procedure', '2025-03-01', { kind: 'autologous-sct' }), S('2024-08-20', 3.0), U('2024-08-20', 50), S('2024-11-01', 1.0), U('2024-11-01', 50), S('2024-12-01', 1.0), U('2024-12-01', 50), response('2025-05-01', 'PD')], asOf: '2025-06-01', read: flags, expected: 'pr=false rr=false rel=true',
  },
  {
    id: 'X38', clause: 'progressionAfterLastLine: day 14 after line start still prompted it (≤ earlyProgressionDays)', summary: 'Kd 06-01; PD reported 06-15; later stable',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), ...urine([50, 50, 50]), response('2025-06-15', 'PD'), S('2025-07-01', 1.0), S('2025-08-01', 1.0), U('2025-07-01', 50), U('2025-08-01', 50)],
    asOf: '2025-09-01', read: rule({ fact: 'progressionAfterLastLine' }, '2025-09-01'), expected: 'NOT_MET',
  },
  {
    id: 'X39', clause: 'drugRefractory progressionOnly: PD in line 2\'s first 14 days is line 1\'s drug\'s, not line 2\'s', summary: 'Rd until 05-31; Kd 06-01; PD reported 06-10',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), ...urine([50, 50, 50]), response('2025-06-10', 'PD'), S('2025-07-01', 1.0), S('2025-08-01', 1.0), U('2025-07-01', 50), U('2025-08-01', 50)],
    asOf: '2025-09-01', read: (p) => `${rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, '2025-09-01')(p)}/${rule({ fact: 'drugRefractory', drug: 'carfilzomib', progressionOnly: true }, '2025-09-01')(p)}`, expected: 'MET/NOT_MET',
  },
  {
    id: 'X40', clause: 'timeSince progression minDays with a stop-for-progression date', summary: 'Rd stopped for progression 05-01; asOf 05-31 minDays 30',
    events: [DX, RD_UNTIL('2025-05-01', { reasonStopped: 'progression' }), response('2025-03-01', 'PR')], asOf: '2025-05-31', read: rule({ fact: 'timeSince', event: 'progression', minDays: 30 }, '2025-05-31'), expected: 'MET',
  },
  {
    id: 'X41', clause: '§4 two consecutive: the confirmation may come at the next line\'s first day only, not after', summary: 'nadir 1.0; 1.6 05-20; Kd 06-01; 1.6 06-02',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...serum([3.0, 1.0, 1.0]), S('2025-05-20', 1.6), S('2025-06-02', 1.6), ...urine([50, 50, 50])], read: bio, expected: 'none',
  },
  {
    id: 'X42', clause: '§4 urine + serum both rise in one progression: dated at the earliest', summary: 'serum PD from 05-01, urine PD from 04-01',
    events: [DX, RD, ...serum([3.0, 1.0, 1.0, 1.0, 1.6, 1.6]), ...urine([1000, 300, 300, 600, 600, 600])], read: (p) => p.disease.progressionDate, expected: '2025-04-01',
  },
  {
    id: 'X43', clause: '§4 marrow PD needs no confirmation, measured from the nadir in the line (per-line)', summary: 'line1 marrow 40 → 10; line 2 (06-01) marrow baseline 30 (05-25) → 38 (07-15)',
    events: [DX, RD_UNTIL('2025-05-31'), KD_FROM('2025-06-01'), ...flat((d) => [S(d, 0), U(d, 0), ...K(d, 15, 12)], [...DAYS, '2025-07-15']), BM('2024-12-20', 40), BM('2025-03-01', 10), BM('2025-05-25', 30), BM('2025-07-15', 38)],
    read: bio, expected: 'marrow-plasma-cells@2025-05-25',
  },
];

describe('prog37b progression & relapse combinations', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
