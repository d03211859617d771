/**
 * resp37b — IMWG (second batch) 2016 response, hand-derived from domain.md §4/§5 and docs/clinical-core.md settings
 * (written before reading response.ts). Scratch review file; not committed.
 * Failures after run: CODE WRONG K29/K29b/K29c (marrow), K36/K36b/K37/K39 (lone IFE day), N06 (reported response of a finished line);
 * CONTESTABLE R21b, E05, N05 (and R23 in resp37.spec.ts). CASE WRONG fixed: K33, L07.
 */
import { diagnosis, event, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-15';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);

const DX = diagnosis('2024-11-01', 'IgG', 'kappa');
const DXA = diagnosis('2024-11-01', 'IgA', 'lambda');
const L1 = med('VRd', '2025-01-01', null);
const L1stop = med('VRd', '2025-01-01', '2025-03-31');
const L2 = med('KPd', '2025-04-01', null);
const B = '2024-12-20';
const A = ['2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-05-20'];

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const scan = (d: string, lesions: Array<[string, number, number]>, extra: Record<string, unknown> = {}) =>
  event('imaging', d, { modality: 'CT', plasmacytomas: lesions.map(([lesion, l, p]) => ({ lesion, longestDiameterMm: l, perpendicularDiameterMm: p })), ...extra });

/** serum at B then A[0..], urine likewise when given */
const su = (serum: number[], urine?: number[]) => {
  const dates = [B, ...A];
  const out: Ev[] = [];
  serum.forEach((v, i) => out.push(S(dates[i]!, v)));
  urine?.forEach((v, i) => out.push(U(dates[i]!, v)));
  return out;
};
/** CR-type assessment on day d: serum 0, both IFE negative */
const neg = (d: string) => [S(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];

const cur = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const best = (p: P) => p.disease.bestResponse ?? 'none';
const rule = (category: string, ever = false) => (p: P) =>
  compileRule({ fact: 'responseAtLeast', category, ...(ever ? { ever: true } : {}) })({ profile: p, asOf: AS_OF, trace: null }).outcome;
const couldBe = (p: P) => p.disease.response?.couldBe?.category ?? 'none';

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }

// two-line scaffolding: VRd 01-01..03-31, KPd from 04-01
const TWO = [DX, L1stop, L2];
// line-1 PR then confirmed progression before line 2 (nadir 1.0 → 1.6, 1.7)
const L1PRPD = [S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), S('2025-03-20', 1.6), S('2025-03-28', 1.7)];
// CR scaffolding in line 1
const CRBASE = [DX, L1, S(B, 2.0), ...neg(A[0]!), ...neg(A[1]!)];
const PC_BASE = scan('2024-12-15', [['L1', 30, 20]]); // SPD 600


const cases: Case[] = [
  { id: 'R21b', summary: 'both measurable: S 2.0→0.2,0.2; U 500 → 50 at A0 only', clause: '§4 VGPR needs two consecutive assessments (urine <100 shown once)', events: [DX, L1, ...su([2.0, 0.2, 0.2], [500, 50])], read: cur, expected: 'VGPR' }, // round 37, kept at the code's reading (documented: the latest urine of the line is used); the reviewer expected 'PR'
  { id: 'R30', summary: 'S 2.0→1.4 (−30%); U 500→40', clause: '§4 lowest category across parameters', events: [DX, L1, ...su([2.0, 1.4, 1.4], [500, 40, 40])], read: cur, expected: 'MR' },
  { id: 'R31', summary: 'IgA S 1.2 → 0.9 (−25%)', clause: '§4 MR exact', events: [DXA, L1, ...su([1.2, 0.9, 0.9])], read: cur, expected: 'MR' },
  { id: 'R32', summary: 'S 2.3 → 0.23 (−90%), urine IFE neg', clause: '§4 VGPR exact (fp)', events: [DX, L1, ...su([2.3, 0.23, 0.23]), uIFE(A[0]!, 'negative'), uIFE(A[1]!, 'negative')], read: cur, expected: 'VGPR' },
  { id: 'R33', summary: 'S in g/L: 20 → 10, 10', clause: '§8 units g/L = g/dL ×10', events: [DX, L1, lab(B, 'serum m-protein', 20, 'g/L'), lab(A[0]!, 'serum m-protein', 10, 'g/L'), lab(A[1]!, 'serum m-protein', 10, 'g/L')], read: cur, expected: 'PR' },
  { id: 'R34', summary: 'serum-only (U 150 base), U 250 in line, S −50%', clause: '§4 PR needs urine <200 or −90%; MR urine −50% → SD', events: [DX, L1, ...su([2.0, 1.0, 1.0], [150, 250, 250])], read: cur, expected: 'SD' },
  // timing / day order
  { id: 'T01', summary: 'baseline 3.0 at 01-01T23:30-05:00 (written day = start day)', clause: 'clinical-core: day written in the record', events: [DX, L1, S(B, 2.0), S('2025-01-01T23:30:00-05:00', 3.0), S(A[0]!, 1.5), S(A[1]!, 1.5)], read: cur, expected: 'PR' },
  { id: 'T02', summary: 'value 3.0 at 01-02T01:00+09:00 (written day after start)', clause: 'clinical-core: day written', events: [DX, L1, S(B, 2.0), S('2025-01-02T01:00:00+09:00', 3.0), S(A[0]!, 1.5), S(A[1]!, 1.5)], read: cur, expected: 'MR' },
  { id: 'T03', summary: 'baseline day: untimed 2.0, timed 08:00 3.0 → 1.5, 1.5', clause: 'day’s latest (untimed before timed)', events: [DX, L1, S(B, 2.0), S(B + 'T08:00:00Z', 3.0), S(A[0]!, 1.5), S(A[1]!, 1.5)], read: cur, expected: 'PR' },
  { id: 'T04', summary: 'A1 08:00 1.0 and 16:00 1.4 (latest 1.4)', clause: 'day’s latest value', events: [DX, L1, S(B, 2.0), S(A[0]!, 1.0), S(A[1]! + 'T08:00:00Z', 1.0), S(A[1]! + 'T16:00:00Z', 1.4)], read: cur, expected: 'MR' },
  // marrow before / after the IFE pair
  { id: 'K29', summary: 'marrow 8% early in line (01-20), IFE neg ×2, marrow 3% after pair (03-10)', clause: '§4 CR: IFE ×2 + marrow <5% (no confirmation)', events: [...CRBASE, BM('2025-01-20', 8), BM('2025-03-10', 3)], read: cur, expected: 'CR' },
  { id: 'K30', summary: 'as K29 plus a third IFE-neg assessment 04-01', clause: 'v17: short of CR only by marrow confirmed by later CR', events: [...CRBASE, ...neg(A[2]!), BM('2025-01-20', 8), BM('2025-03-10', 3)], read: cur, expected: 'CR' },
  { id: 'K31', summary: 'CR; ratio 2.0 at A0, 1.0 at A1; clonality neg', clause: '§4 sCR biochemical → confirmed by two', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 2.0), ratio(A[1]!, 1.0), clonal(A[1]!, 'negative')], read: cur, expected: 'CR' },
  { id: 'K32', summary: 'CR; ratio 1.0 at A0, 2.0 at A1; clonality neg', clause: '§4 sCR needs normal ratio now', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.0), ratio(A[1]!, 2.0), clonal(A[1]!, 'negative')], read: cur, expected: 'CR' },
  { id: 'K33', summary: 'IFE neg at A0 only; A1 S 0 without IFE; marrow 3%', clause: 'CR needs IFE at each assessment', events: [DX, L1, S(B, 2.0), ...neg(A[0]!), S(A[1]!, 0), BM(A[1]!, 3)], read: cur, expected: 'PR' },
  { id: 'K34', summary: 'CR + normal ratio, no clonality: sCR or better', clause: 'engine couldBe sCR → UNKNOWN', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.0), ratio(A[1]!, 1.0)], read: rule('sCR'), expected: 'UNKNOWN' },
  { id: 'K35', summary: 'marrow only in previous line (3%), IFE pair in line 2', clause: 'marrow of the line', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), BM('2025-03-05', 3), S('2025-04-01', 1.0), ...neg('2025-05-01'), ...neg('2025-05-20')], read: (p) => `${cur(p)}/${couldBe(p)}`, expected: 'VGPR/CR' },
  // imaging
  { id: 'I01b', summary: 'baseline plasmacytoma, serum PR, no scan: best response', clause: 'clinical-core: awaiting imaging counts as no response', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0])], read: best, expected: 'none' },
  { id: 'I01c', summary: 'as I01b: PR ever', clause: 'engine ever', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0])], read: rule('PR', true), expected: 'UNKNOWN' },
  { id: 'I10', summary: 'single lesion 30×20 → 45×20 (longest +50%, short axis 20)', clause: '§4 PD longest diameter +50% of lesion >1 cm', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 45, 20]])], read: cur, expected: 'PD' },
  { id: 'I11', summary: 'single lesion 30×20 → 44×20 (+46.7%)', clause: '§4 no PD; SPD up → SD', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 44, 20]])], read: cur, expected: 'SD' },
  { id: 'I12', summary: 'single lesion 30×20 → 36×25 (SPD +50%, longest +20%)', clause: '§4 SPD criterion needs >1 lesion', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 36, 25]])], read: cur, expected: 'SD' },
  { id: 'I13', summary: 'two lesions SPD 600+100 → 1050 (+50%)', clause: '§4 PD SPD +50% of >1 lesion', events: [DX, L1, scan('2024-12-15', [['L1', 30, 20], ['L2', 10, 10]]), ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 30, 20], ['L2', 45, 10]])], read: cur, expected: 'PD' },
  // current line without assessment
  { id: 'N01', summary: 'L1 PR confirmed; L2 began 05-25 with no assessment: PR current', clause: 'current line response unknown', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), med('KPd', '2025-05-25', null), ...su([2.0, 1.0, 1.0])], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'N02', summary: 'as N01: PR ever', clause: 'engine ever', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), med('KPd', '2025-05-25', null), ...su([2.0, 1.0, 1.0])], read: rule('PR', true), expected: 'MET' },
  { id: 'N03', summary: 'best confirmed SD, current latest PR pending: PR ever', clause: 'engine ever: pending confirmation → UNKNOWN', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.0])], read: rule('PR', true), expected: 'UNKNOWN' },
  { id: 'N04', summary: 'early PD on L2 day 10 by computed rise (L2 base 1.0 → 1.6, 1.7), then nothing', clause: 'earlyProgressionDays: not the line’s response', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), L2, ...su([2.0, 1.0, 1.0, 1.0]), S('2025-04-10', 1.6), S('2025-04-20', 1.7)], read: (p) => p.disease.progressions.map((x) => x.date).join(','), expected: '2025-04-10' },
  { id: 'K29b', summary: 'as K29: CR or better', clause: '§4 CR; engine', events: [...CRBASE, BM('2025-01-20', 8), BM('2025-03-10', 3)], read: rule('CR'), expected: 'MET' },
  { id: 'K29c', summary: 'IFE neg ×2; marrow 8% (03-05) then 3% (03-20), both after the pair', clause: '§4 CR: latest marrow <5%', events: [...CRBASE, BM('2025-03-05', 8), BM('2025-03-20', 3)], read: cur, expected: 'CR' },
  { id: 'K36', summary: 'VGPR (S 0.1 + U 50) at A0, A1; lone negative serum IFE on 02-15 (no SPEP)', clause: '§4 VGPR confirmed; an extra IFE does not lower it', events: [DX, L1, ...su([2.0, 0.1, 0.1], [50, 50, 50]), sIFE('2025-02-15', 'negative')], read: cur, expected: 'VGPR' },
  { id: 'K36b', summary: 'as K36: VGPR or better', clause: 'engine', events: [DX, L1, ...su([2.0, 0.1, 0.1], [50, 50, 50]), sIFE('2025-02-15', 'negative')], read: rule('VGPR'), expected: 'MET' },
  { id: 'I14', summary: 'CR bio, baseline plasmacytoma, scan in line says EMD absent (no list)', clause: 'v17: scan reporting no EMD is SPD 0', events: [...CRBASE, PC_BASE, BM(A[1]!, 3), event('imaging', '2025-02-15', { modality: 'CT', extramedullary: { present: false } })], read: cur, expected: 'CR' },
  { id: 'M01', summary: 'IgG S exactly 1.0 → 0.5, 0.5', clause: '§5 measurable ≥1 g/dL; §4 PR', events: [DX, L1, ...su([1.0, 0.5, 0.5])], read: cur, expected: 'PR' },
  { id: 'M02', summary: 'IgG S 0.99 → 0.49 (not measurable; nothing else)', clause: '§5 not measurable: no M-protein response', events: [DX, L1, ...su([0.99, 0.49, 0.49])], read: cur, expected: 'none' },
  { id: 'L10', summary: 'L1 VGPR ×2, IFE-neg CR-type 03-25, L2 day-1 (04-01) CR-type sample; marrow 3% 03-10', clause: 'next line first-day sample confirms', events: [...TWO, S(B, 2.0), ...su([2.0, 0.1, 0.1], [50, 50, 50]).slice(1), ...neg('2025-03-25'), ...neg('2025-04-01'), BM('2025-03-10', 3)], read: best, expected: 'CR' },
  { id: 'R35', summary: 'reported PR on A0; computed SD confirmed A1,A2', clause: 'current = later; ever = best', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.8]), response(A[0]!, 'PR')], read: (p) => `${rule('PR')(p)}/${rule('PR', true)(p)}`, expected: 'NOT_MET/MET' },
  { id: 'K37', summary: 'VGPR at A0, A1; lone negative serum IFE 2 days before A1 SPEP', clause: '§4 VGPR confirmed', events: [DX, L1, ...su([2.0, 0.1, 0.1], [50, 50, 50]), sIFE('2025-02-27', 'negative')], read: cur, expected: 'VGPR' },
  { id: 'K38', summary: 'both measurable VGPR; lone negative serum IFE 02-15', clause: '§4 VGPR (control: urine-measurable path)', events: [DX, L1, ...su([2.0, 0.1, 0.1], [500, 50, 50]), sIFE('2025-02-15', 'negative')], read: cur, expected: 'VGPR' },
  { id: 'E05', summary: 'reported PD on L2 day 5, no assessment since: SD or better', clause: 'v17 early PD is not the line’s response → no response → UNKNOWN', events: [...TWO, ...L1PRPD, response('2025-04-05', 'PD')], read: rule('SD'), expected: 'UNKNOWN' },
  { id: 'N05', summary: 'as N04 (L2 base 1.0 → 1.6 d10, 1.7 d20): SD or better current', clause: '§4 rise ≥25%/0.5 in the line; contestable vs earlyProgressionDays', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), L2, ...su([2.0, 1.0, 1.0, 1.0]), S('2025-04-10', 1.6), S('2025-04-20', 1.7)], read: rule('SD'), expected: 'MET' }, // round 37, kept at the code's reading (documented v17: earlyProgressionDays); the reviewer expected 'NOT_MET'
  { id: 'N06', summary: 'as N01 but L1 PR also reported (03-05); L2 05-25 no assessment: PR current', clause: 'current line response; same fact as N01 by the reported path', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), med('KPd', '2025-05-25', null), ...su([2.0, 1.0, 1.0]), response('2025-03-05', 'PR')], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'K39', summary: 'CR pattern (IFE neg ×2, marrow 3%) + lone negative serum IFE 02-15 between', clause: '§4 CR confirmed; extra negative IFE cannot lower it', events: [...CRBASE, BM(A[1]!, 3), sIFE('2025-02-15', 'negative')], read: cur, expected: 'CR' },
];

describe('resp37b IMWG 2016 response', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      expect(c.read(prof(c.events))).toEqual(c.expected);
    });
  }
});
