/**
 * resp37 — IMWG 2016 response, hand-derived from domain.md §4/§5 and docs/clinical-core.md settings
 * (written before reading response.ts). Scratch review file; not committed.
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
const dplus = (d: string, n: number) => { const x = new Date(d.slice(0, 10) + 'T00:00:00Z'); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); };

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const K = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
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
const resp = (p: P) => (p.disease.response ? p.disease.response.category : 'none');
const best = (p: P) => p.disease.bestResponse ?? 'none';
const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const rule = (category: string, ever = false) => (p: P) =>
  compileRule({ fact: 'responseAtLeast', category, ...(ever ? { ever: true } : {}) })({ profile: p, asOf: AS_OF, trace: null }).outcome;
const couldBe = (p: P) => p.disease.response?.couldBe?.category ?? 'none';
const awaiting = (p: P) => p.disease.response?.awaitingConfirmation ?? 'none';
const curLine = (p: P) => p.disease.computedResponse?.line ?? -1;

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }

// two-line scaffolding: VRd 01-01..03-31, KPd from 04-01
const TWO = [DX, L1stop, L2];
// line-1 PR then confirmed progression before line 2 (nadir 1.0 → 1.6, 1.7)
const L1PRPD = [S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), S('2025-03-20', 1.6), S('2025-03-28', 1.7)];
// CR scaffolding in line 1
const CRBASE = [DX, L1, S(B, 2.0), ...neg(A[0]!), ...neg(A[1]!)];
const PC_BASE = scan('2024-12-15', [['L1', 30, 20]]); // SPD 600

const cases: Case[] = [
  // ---------- serum-only disease (no urine at all), IgG κ ----------
  { id: 'R01', summary: 'S 2.0 → 1.0, 1.0', clause: '§4 PR ≥50% serum', events: [DX, L1, ...su([2.0, 1.0, 1.0])], read: cur, expected: 'PR' },
  { id: 'R02', summary: 'S 2.0 → 1.5, 1.5 (−25%)', clause: '§4 MR 25–49%', events: [DX, L1, ...su([2.0, 1.5, 1.5])], read: cur, expected: 'MR' },
  { id: 'R03', summary: 'S 2.0 → 1.51, 1.51 (−24.5%)', clause: '§4 SD', events: [DX, L1, ...su([2.0, 1.51, 1.51])], read: cur, expected: 'SD' },
  { id: 'R04', summary: 'S 2.0 → 1.01, 1.01 (−49.5%)', clause: '§4 MR', events: [DX, L1, ...su([2.0, 1.01, 1.01])], read: cur, expected: 'MR' },
  { id: 'R05', summary: 'S 2.0 → 0.2, 0.2 (−90%), U 50 each', clause: '§4 VGPR ≥90% + urine <100', events: [DX, L1, ...su([2.0, 0.2, 0.2], [50, 50, 50])], read: cur, expected: 'VGPR' },
  { id: 'R06', summary: 'S 2.0 → 0.21 (−89.5%), U 50', clause: '§4 PR not VGPR', events: [DX, L1, ...su([2.0, 0.21, 0.21], [50, 50, 50])], read: cur, expected: 'PR' },
  { id: 'R07', summary: 'S 2.0 → 0.2, 0.2, no urine ever', clause: '§4 VGPR needs urine <100; clinical-core serum-only needs own urine', events: [DX, L1, ...su([2.0, 0.2, 0.2])], read: cur, expected: 'PR' },
  { id: 'R08', summary: 'S → 0.2, 0.2; urine 50 only at first assessment', clause: 'clinical-core: each assessment needs its own urine for VGPR', events: [DX, L1, ...su([2.0, 0.2, 0.2], [50, 50])], read: cur, expected: 'PR' },
  { id: 'R09', summary: 'S → 0.2, 0.2; U 150 → 100, 100', clause: '§4 VGPR urine <100 (100 is not)', events: [DX, L1, ...su([2.0, 0.2, 0.2], [150, 100, 100])], read: cur, expected: 'PR' },
  { id: 'R10', summary: 'S → 0.2 at A0, A1; urine 50 the day after each', clause: 'assessmentVisitDays 3', events: [DX, L1, ...su([2.0, 0.2, 0.2]), U(dplus(A[0]!, 1), 50), U(dplus(A[1]!, 1), 50)], read: cur, expected: 'VGPR' },
  { id: 'R11', summary: 'S → 0.2 at A0, A1; urine 50 the day before each', clause: 'assessmentVisitDays ("as one the day before is")', events: [DX, L1, ...su([2.0, 0.2, 0.2]), U(dplus(A[0]!, -1), 50), U(dplus(A[1]!, -1), 50)], read: cur, expected: 'VGPR' },
  { id: 'R11b', summary: 'S → 0.2 at A0, A1; urine 50 two days before each', clause: 'serum-only: urine taken since the previous assessment', events: [DX, L1, ...su([2.0, 0.2, 0.2]), U(dplus(A[0]!, -2), 50), U(dplus(A[1]!, -2), 50)], read: cur, expected: 'VGPR' },
  { id: 'R11c', summary: 'S → 0.2 at A0..A2; urine negative IFE (no UPEP) at each', clause: 'v17: negative urine IFE is the urine of serum-only VGPR', events: [DX, L1, ...su([2.0, 0.2, 0.2]), uIFE(A[0]!, 'negative'), uIFE(A[1]!, 'negative')], read: cur, expected: 'VGPR' },
  // ---------- serum and urine both measurable ----------
  { id: 'R12', summary: 'S 2.0→1.0; U 500→50', clause: '§4 PR urine ≥90%', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 50, 50])], read: cur, expected: 'PR' },
  { id: 'R13', summary: 'S 2.0→1.0; U 500→199', clause: '§4 PR urine <200', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 199, 199])], read: cur, expected: 'PR' },
  { id: 'R14', summary: 'S 2.0→1.0; U 500→200 (−60%)', clause: '§4 MR urine 50–89%; lowest across parameters', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 200, 200])], read: cur, expected: 'MR' },
  { id: 'R15', summary: 'S 2.0→1.0; U 500→250 (−50%)', clause: '§4 MR', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 250, 250])], read: cur, expected: 'MR' },
  { id: 'R16', summary: 'S 2.0→1.0; U 500→251 (−49.8%)', clause: '§4 MR needs urine ≥50% → SD', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 251, 251])], read: cur, expected: 'SD' },
  { id: 'R17', summary: 'S 2.0→1.5; U 500→250', clause: '§4 MR boundaries both', events: [DX, L1, ...su([2.0, 1.5, 1.5], [500, 250, 250])], read: cur, expected: 'MR' },
  { id: 'R18', summary: 'S 2.0→0.2; U 500→99', clause: '§4 VGPR', events: [DX, L1, ...su([2.0, 0.2, 0.2], [500, 99, 99])], read: cur, expected: 'VGPR' },
  { id: 'R19', summary: 'S 2.0→0.2; U 500→100', clause: '§4 VGPR needs <100 → PR', events: [DX, L1, ...su([2.0, 0.2, 0.2], [500, 100, 100])], read: cur, expected: 'PR' },
  { id: 'R20', summary: 'S 2.0→1.0, U 500 at baseline only', clause: 'clinical-core: urine-measurable, no urine in line limits to SD', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500])], read: cur, expected: 'SD' },
  { id: 'R21', summary: 'S 2.0→1.0,1.0; U 500 → 50 at A0 only', clause: 'clinical-core: latest urine of the line used', events: [DX, L1, ...su([2.0, 1.0, 1.0], [500, 50])], read: cur, expected: 'PR' },
  { id: 'R22', summary: 'S at A0..A2 1.0; U 40 nine days after A0, A1', clause: '§4 PR; serum/urine different days', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.0], [500]), U(dplus(A[0]!, 9), 40), U(dplus(A[1]!, 9), 40)], read: cur, expected: 'PR' },
  { id: 'R22b', summary: 'S 1.0 at A0, A1; U 500→ 3000 →... U 3000→301 (−89.97%, ≥200)', clause: '§4 urine neither ≥90% nor <200 → MR', events: [DX, L1, ...su([2.0, 1.0, 1.0], [3000, 301, 301])], read: cur, expected: 'MR' },
  { id: 'R22c', summary: 'S 2.0→1.0; U 3000→300 (−90% exactly)', clause: '§4 PR urine ≥90%', events: [DX, L1, ...su([2.0, 1.0, 1.0], [3000, 300, 300])], read: cur, expected: 'PR' },
  // ---------- urine-only measurable (serum 0.4 not measurable) ----------
  { id: 'R23', summary: 'S 0.4 flat; U 800→80', clause: '§4 PR urine ≥90%', events: [DX, L1, ...su([0.4, 0.4, 0.4], [800, 80, 80])], read: cur, expected: 'PR' },
  { id: 'R24', summary: 'S 0.4 flat; U 800→400', clause: '§4 MR urine 50%', events: [DX, L1, ...su([0.4, 0.4, 0.4], [800, 400, 400])], read: cur, expected: 'MR' },
  { id: 'R25', summary: 'S 0.4 flat; U 800→401', clause: '§4 SD', events: [DX, L1, ...su([0.4, 0.4, 0.4], [800, 401, 401])], read: cur, expected: 'SD' },
  { id: 'R26', summary: 'S 0.4 flat; U 800→190 (<200)', clause: '§4 PR urine <200', events: [DX, L1, ...su([0.4, 0.4, 0.4], [800, 190, 190])], read: cur, expected: 'PR' },
  // ---------- IgA ----------
  { id: 'R27', summary: 'IgA λ: S 1.2 → 0.6, 0.6', clause: '§4 PR', events: [DXA, L1, ...su([1.2, 0.6, 0.6])], read: cur, expected: 'PR' },
  { id: 'R28', summary: 'IgA λ: S 1.2 → 0.6; dFLC rising (λ 100→400)', clause: '§4 FLC only when serum/urine unmeasurable', events: [DXA, L1, ...su([1.2, 0.6, 0.6]), ...K(B, 10, 100), ...K(A[0]!, 10, 300), ...K(A[1]!, 10, 400)], read: cur, expected: 'PR' },
  { id: 'R29', summary: 'IgA λ: S 1.2 → 0.12, 0.12 (−90%), urine IFE neg each', clause: '§4 VGPR', events: [DXA, L1, ...su([1.2, 0.12, 0.12]), uIFE(A[0]!, 'negative'), uIFE(A[1]!, 'negative')], read: cur, expected: 'VGPR' },
  // ---------- baseline = last value on or before the line start ----------
  { id: 'B01', summary: 'S 4.0 (11-15), 2.0 (12-20), → 1.2, 1.2', clause: 'clinical-core baseline: last on or before start', events: [DX, L1, S('2024-11-15', 4.0), ...su([2.0, 1.2, 1.2])], read: cur, expected: 'MR' },
  { id: 'B02', summary: 'S 2.0 (12-01), 3.0 on start day, → 1.5, 1.5', clause: 'baseline on the start day', events: [DX, L1, S('2024-12-01', 2.0), S('2025-01-01', 3.0), S(A[0]!, 1.5), S(A[1]!, 1.5)], read: cur, expected: 'PR' },
  { id: 'B03', summary: 'S 2.0 (12-20), 3.0 on day after start, → 1.5, 1.5', clause: 'a value after the start is no baseline', events: [DX, L1, ...su([2.0, 1.5, 1.5]), S('2025-01-02', 3.0)], read: cur, expected: 'MR' },
  // ---------- second line ----------
  { id: 'L01', summary: 'L1 PR then PD; L2 baseline 1.7 → 0.85, 0.85', clause: 'new line measured from its own baseline', events: [...TWO, ...L1PRPD, S('2025-05-01', 0.85), S('2025-05-20', 0.85)], read: (p) => `${cur(p)}@L${curLine(p)}`, expected: 'PR@L2' },
  { id: 'L02', summary: 'L1 PR then PD; L2 1.7 → 1.2, 1.2', clause: 'current line response', events: [...TWO, ...L1PRPD, S('2025-05-01', 1.2), S('2025-05-20', 1.2)], read: cur, expected: 'MR' },
  { id: 'L02b', summary: 'as L02: best ever', clause: 'best response ever', events: [...TWO, ...L1PRPD, S('2025-05-01', 1.2), S('2025-05-20', 1.2)], read: best, expected: 'PR' },
  { id: 'L02c', summary: 'as L02: responseAtLeast PR (current)', clause: 'engine current', events: [...TWO, ...L1PRPD, S('2025-05-01', 1.2), S('2025-05-20', 1.2)], read: rule('PR'), expected: 'NOT_MET' },
  { id: 'L02d', summary: 'as L02: responseAtLeast PR ever', clause: 'engine ever', events: [...TWO, ...L1PRPD, S('2025-05-01', 1.2), S('2025-05-20', 1.2)], read: rule('PR', true), expected: 'MET' },
  { id: 'L04', summary: 'L1 SD,SD, PR once 03-25; sample on L2 day 1 (04-01) PR', clause: 'clinical-core: next line first-day sample confirms', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.8), S('2025-03-01', 1.8), S('2025-03-25', 1.0), S('2025-04-01', 1.0), S('2025-05-01', 1.0), S('2025-05-20', 1.0)], read: best, expected: 'PR' },
  { id: 'L05', summary: 'as L04 but sample on L2 day 2 (04-02)', clause: '§4 two consecutive assessments before new therapy', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.8), S('2025-03-01', 1.8), S('2025-03-25', 1.0), S('2025-04-02', 1.0), S('2025-05-01', 1.0), S('2025-05-20', 1.0)], read: best, expected: 'SD' },
  { id: 'L06', summary: 'as L05: responseAtLeast PR ever', clause: '§4 unconfirmed PR of a finished line can never be confirmed', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.8), S('2025-03-01', 1.8), S('2025-03-25', 1.0), S('2025-04-02', 1.0), S('2025-05-01', 1.0), S('2025-05-20', 1.0)], read: rule('PR', true), expected: 'NOT_MET' },
  { id: 'L07', summary: 'L1 nadir 1.0, rise 1.6 on 03-25, L2 day-1 sample 1.7', clause: '§4 PD confirmed before new therapy (day-1 sample)', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), S('2025-03-25', 1.6), S('2025-04-01', 1.7)], read: bio, expected: 'serum-m-protein@2025-03-25' },
  { id: 'L08', summary: 'as L07, second high value on L2 day 2', clause: '§4 PD needs confirmation before new therapy', events: [...TWO, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), S('2025-03-25', 1.6), S('2025-04-02', 1.7)], read: bio, expected: 'none' },
  { id: 'L09', summary: 'L1 reported VGPR 03-05; L2 computed SD', clause: 'response = later of computed/reported', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), L2, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), response('2025-03-05', 'VGPR'), S('2025-04-01', 1.0), S('2025-05-01', 0.9), S('2025-05-20', 0.9)], read: resp, expected: 'SD' },
  { id: 'L09b', summary: 'as L09: responseAtLeast VGPR current', clause: 'engine current', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), L2, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), response('2025-03-05', 'VGPR'), S('2025-04-01', 1.0), S('2025-05-01', 0.9), S('2025-05-20', 0.9)], read: rule('VGPR'), expected: 'NOT_MET' },
  { id: 'L09c', summary: 'as L09: responseAtLeast VGPR ever', clause: 'engine ever', events: [DX, med('VRd', '2025-01-01', '2025-03-31', { reasonStopped: 'toxicity' }), L2, S(B, 2.0), S('2025-02-01', 1.0), S('2025-03-01', 1.0), response('2025-03-05', 'VGPR'), S('2025-04-01', 1.0), S('2025-05-01', 0.9), S('2025-05-20', 0.9)], read: rule('VGPR', true), expected: 'MET' },
  // ---------- progression in the first days of a new line ----------
  { id: 'E01', summary: 'reported PD on L2 day 5; L2 1.7 → 0.85, 0.85', clause: 'earlyProgressionDays: not the line’s response', events: [...TWO, ...L1PRPD, response('2025-04-05', 'PD'), S('2025-05-01', 0.85), S('2025-05-20', 0.85)], read: resp, expected: 'PR' },
  { id: 'E02', summary: 'reported PD exactly 14 days after L2 start; L2 SD after', clause: 'earlyProgressionDays 14 (≤)', events: [...TWO, ...L1PRPD, response('2025-04-15', 'PD'), S('2025-05-01', 1.7), S('2025-05-20', 1.7)], read: resp, expected: 'SD' },
  { id: 'E03', summary: 'reported PD 15 days after L2 start; values flat after', clause: 'progression in the line → PD', events: [...TWO, ...L1PRPD, response('2025-04-16', 'PD'), S('2025-05-01', 1.7), S('2025-05-20', 1.7)], read: resp, expected: 'PD' },
  { id: 'E04', summary: 'L2 baseline 1.7; 04-20 2.3, 05-01 2.4 (confirmed rise in L2)', clause: '§4 PD ≥25% & ≥0.5', events: [...TWO, ...L1PRPD, S('2025-04-20', 2.3), S('2025-05-01', 2.4)], read: cur, expected: 'PD' },
  // ---------- confirmation ----------
  { id: 'C01', summary: 'one PR assessment only', clause: '§4 two consecutive assessments', events: [DX, L1, ...su([2.0, 1.0])], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'C02', summary: 'PR twice on one day (08:00, 16:00)', clause: '§4 different assessments = different days', events: [DX, L1, S(B, 2.0), S('2025-02-01T08:00:00Z', 1.0), S('2025-02-01T16:00:00Z', 1.0)], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'C03', summary: 'SD, SD, PR once → PR or better', clause: 'docs: UNKNOWN while unconfirmed', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.0])], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'C03b', summary: 'SD, SD, PR once → SD or better', clause: 'SD confirmed', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.0])], read: rule('SD'), expected: 'MET' },
  { id: 'C03c', summary: 'SD, SD, PR once → awaitingConfirmation', clause: 'clinical-core awaitingConfirmation', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.0])], read: awaiting, expected: 'PR' },
  { id: 'C04', summary: 'SD, SD, PR once → MR or better', clause: 'PR unconfirmed would meet MR', events: [DX, L1, ...su([2.0, 1.8, 1.8, 1.0])], read: rule('MR'), expected: 'UNKNOWN' },
  { id: 'C05', summary: 'PR, PR, VGPR once → PR or better', clause: 'confirmed PR', events: [DX, L1, ...su([2.0, 1.0, 1.0, 0.1], [50, 50, 50, 50])], read: rule('PR'), expected: 'MET' },
  { id: 'C05b', summary: 'PR, PR, VGPR once → VGPR or better', clause: 'unconfirmed VGPR', events: [DX, L1, ...su([2.0, 1.0, 1.0, 0.1], [50, 50, 50, 50])], read: rule('VGPR'), expected: 'UNKNOWN' },
  { id: 'C06', summary: 'PR, PR, MR', clause: 'clinical-core: lower of the two latest', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.4])], read: cur, expected: 'MR' },
  { id: 'C06b', summary: 'PR, PR, MR: PR or better current', clause: 'engine current', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.4])], read: rule('PR'), expected: 'NOT_MET' },
  { id: 'C06c', summary: 'PR, PR, MR: PR ever', clause: 'engine ever', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.4])], read: rule('PR', true), expected: 'MET' },
  { id: 'C07', summary: 'MR, PR, MR, PR alternating: best', clause: 'each confirmed pair supports the lower', events: [DX, L1, ...su([2.0, 1.4, 1.0, 1.4, 1.0])], read: best, expected: 'MR' },
  { id: 'C07b', summary: 'MR, PR, MR, PR alternating: current', clause: 'lower of latest two', events: [DX, L1, ...su([2.0, 1.4, 1.0, 1.4, 1.0])], read: cur, expected: 'MR' },
  { id: 'C08', summary: 'confirmed SD: MR or better', clause: 'engine', events: [DX, L1, ...su([2.0, 1.8, 1.8])], read: rule('MR'), expected: 'NOT_MET' },
  { id: 'C09', summary: 'no assessment in line: PR or better', clause: 'engine: no response → UNKNOWN', events: [DX, L1, S(B, 2.0)], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'C10', summary: 'VGPR confirmed, S still 0.1 by SPEP: CR or better', clause: 'no couldBe with M-protein still measured', events: [DX, L1, ...su([2.0, 0.1, 0.1], [50, 50, 50])], read: rule('CR'), expected: 'NOT_MET' },
  { id: 'C11', summary: 'reported PR at A1 and computed PR confirmed', clause: 'two paths agree', events: [DX, L1, ...su([2.0, 1.0, 1.0]), response(A[1]!, 'PR')], read: resp, expected: 'PR' },
  // ---------- CR / sCR ----------
  { id: 'K01', summary: 'IFE neg ×2, marrow 3%', clause: '§4 CR', events: [...CRBASE, BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K02', summary: 'IFE neg ×2, marrow 5%', clause: '§4 CR needs <5%', events: [...CRBASE, BM(A[1]!, 5)], read: cur, expected: 'VGPR' },
  { id: 'K03', summary: 'IFE neg ×2, marrow 4.9%', clause: '§4 CR', events: [...CRBASE, BM(A[1]!, 4.9)], read: cur, expected: 'CR' },
  { id: 'K04', summary: 'CR + ratio 1.0 + clonality negative', clause: '§4 sCR', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.0), ratio(A[1]!, 1.0), clonal(A[1]!, 'negative')], read: cur, expected: 'sCR' },
  { id: 'K05', summary: 'sCR with ratio 1.65', clause: '§5 normal 0.26–1.65', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.65), ratio(A[1]!, 1.65), clonal(A[1]!, 'negative')], read: cur, expected: 'sCR' },
  { id: 'K06', summary: 'ratio 1.66', clause: '§5 abnormal ratio → CR', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.66), ratio(A[1]!, 1.66), clonal(A[1]!, 'negative')], read: cur, expected: 'CR' },
  { id: 'K07', summary: 'ratio 0.26', clause: '§5 normal', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 0.26), ratio(A[1]!, 0.26), clonal(A[1]!, 'negative')], read: cur, expected: 'sCR' },
  { id: 'K08', summary: 'ratio 0.25', clause: '§5 abnormal', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 0.25), ratio(A[1]!, 0.25), clonal(A[1]!, 'negative')], read: cur, expected: 'CR' },
  { id: 'K09', summary: 'CR + normal ratio, no clonality test', clause: 'couldBe sCR', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.0), ratio(A[1]!, 1.0)], read: (p) => `${cur(p)}/${couldBe(p)}`, expected: 'CR/sCR' },
  { id: 'K10', summary: 'sCR, ratio from κ 10 / λ 10 pair', clause: '§4 sCR', events: [...CRBASE, BM(A[1]!, 3), ...K(A[0]!, 10, 10), ...K(A[1]!, 10, 10), clonal(A[1]!, 'negative')], read: cur, expected: 'sCR' },
  { id: 'K10b', summary: 'CR, clonality positive, ratio normal', clause: '§4 sCR needs no clonal PCs', events: [...CRBASE, BM(A[1]!, 3), ratio(A[0]!, 1.0), ratio(A[1]!, 1.0), clonal(A[1]!, 'positive')], read: cur, expected: 'CR' },
  { id: 'K11', summary: 'serum IFE neg, urine IFE pos (UPEP 0)', clause: '§4 VGPR (IFE but not electrophoresis)', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(d, 'negative'), uIFE(d, 'positive'), U(d, 0)]), BM(A[1]!, 3)], read: cur, expected: 'VGPR' },
  { id: 'K12', summary: 'diagnosis marrow 60% (12-01), marrow 3% after the IFE pair (03-10)', clause: '§4 CR marrow <5% (no confirmation)', events: [...CRBASE, BM('2024-12-01', 60), BM('2025-03-10', 3)], read: cur, expected: 'CR' },
  { id: 'K13', summary: 'marrow 3% in line before the IFE pair (01-20)', clause: 'marrow latest on or before', events: [...CRBASE, BM('2025-01-20', 3)], read: cur, expected: 'CR' },
  { id: 'K14', summary: 'marrow 3% between the IFE pair (02-15)', clause: 'marrow', events: [...CRBASE, BM('2025-02-15', 3)], read: cur, expected: 'CR' },
  { id: 'K15', summary: 'marrow 3% after the pair (03-10)', clause: 'marrow first after', events: [...CRBASE, BM('2025-03-10', 3)], read: cur, expected: 'CR' },
  { id: 'K15b', summary: 'marrow 3% in line (01-20) then 8% after pair (03-10)', clause: 'marrow latest on or before assessment', events: [...CRBASE, BM('2025-01-20', 3), BM('2025-03-10', 8)], read: cur, expected: 'CR' },
  { id: 'K16', summary: 'IFE reported day after SPEP at both', clause: 'assessmentVisitDays', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(dplus(d, 1), 'negative'), uIFE(dplus(d, 1), 'negative')]), BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K16b', summary: 'IFE reported day after SPEP at both, 3 assessments (A2 too)', clause: 'assessmentVisitDays', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!, A[2]!].flatMap((d) => [S(d, 0), sIFE(dplus(d, 1), 'negative'), uIFE(dplus(d, 1), 'negative')]), BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K17', summary: 'IFE day before SPEP at both', clause: 'v17 IFE the day before', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(dplus(d, -1), 'negative'), uIFE(dplus(d, -1), 'negative')]), BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K17b', summary: 'serum IFE day after, urine IFE 2 days after SPEP', clause: 'assessmentVisitDays 3', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(dplus(d, 1), 'negative'), uIFE(dplus(d, 2), 'negative')]), BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K18', summary: 'A0 VGPR (sIFE pos), A1 CR-type', clause: 'CR unconfirmed', events: [DX, L1, S(B, 2.0), S(A[0]!, 0), sIFE(A[0]!, 'positive'), uIFE(A[0]!, 'negative'), ...neg(A[1]!), BM(A[1]!, 3)], read: (p) => `${cur(p)}/${awaiting(p)}`, expected: 'VGPR/CR' },
  { id: 'K18b', summary: 'as K18: CR or better', clause: 'engine unconfirmed → UNKNOWN', events: [DX, L1, S(B, 2.0), S(A[0]!, 0), sIFE(A[0]!, 'positive'), uIFE(A[0]!, 'negative'), ...neg(A[1]!), BM(A[1]!, 3)], read: rule('CR'), expected: 'UNKNOWN' },
  { id: 'K18c', summary: 'as K18: VGPR or better', clause: 'engine', events: [DX, L1, S(B, 2.0), S(A[0]!, 0), sIFE(A[0]!, 'positive'), uIFE(A[0]!, 'negative'), ...neg(A[1]!), BM(A[1]!, 3)], read: rule('VGPR'), expected: 'MET' },
  { id: 'K20', summary: 'S 0, U 0 twice, no IFE, no marrow', clause: 'couldBe CR', events: [DX, L1, ...su([2.0, 0, 0], [50, 0, 0])], read: (p) => `${cur(p)}/${couldBe(p)}`, expected: 'VGPR/CR' },
  { id: 'K20b', summary: 'as K20: CR or better', clause: 'engine couldBe → UNKNOWN', events: [DX, L1, ...su([2.0, 0, 0], [50, 0, 0])], read: rule('CR'), expected: 'UNKNOWN' },
  { id: 'K21', summary: 'SPEP 0 with serum IFE pos, U 0 + uIFE neg, twice', clause: '§4 VGPR by IFE only', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(d, 'positive'), U(d, 0), uIFE(d, 'negative')])], read: cur, expected: 'VGPR' },
  { id: 'K22', summary: 'CR-type bio + scan in line with plasmacytoma (EMD present)', clause: '§4 CR needs plasmacytomas gone', events: [...CRBASE, BM(A[1]!, 3), scan('2025-02-15', [['L1', 20, 15]])], read: cur, expected: 'VGPR' },
  { id: 'K23', summary: 'serum IFE neg ×2, U 0 but no urine IFE, marrow 3%', clause: '§4 CR needs negative urine IFE', events: [DX, L1, S(B, 2.0), ...[A[0]!, A[1]!].flatMap((d) => [S(d, 0), sIFE(d, 'negative'), U(d, 0)]), BM(A[1]!, 3)], read: (p) => `${cur(p)}/${couldBe(p)}`, expected: 'VGPR/CR' },
  { id: 'K24', summary: 'sCR tests at A1 but A0 only VGPR', clause: 'sCR needs confirmed CR', events: [DX, L1, S(B, 2.0), S(A[0]!, 0), sIFE(A[0]!, 'positive'), uIFE(A[0]!, 'negative'), ...neg(A[1]!), BM(A[1]!, 3), ratio(A[1]!, 1.0), clonal(A[1]!, 'negative')], read: cur, expected: 'VGPR' },
  { id: 'K25', summary: 'A0 VGPR (0.1), A1 CR-type twice same day', clause: 'one day = one assessment', events: [DX, L1, S(B, 2.0), S(A[0]!, 0.1), U(A[0]!, 50), ...neg('2025-03-01T08:00:00Z'), ...neg('2025-03-01T16:00:00Z'), BM(A[1]!, 3)], read: cur, expected: 'VGPR' },
  { id: 'K26', summary: 'CR both-measurable disease (U 500 baseline), IFE neg + UPEP 0', clause: '§4 CR', events: [...CRBASE, U(B, 500), U(A[0]!, 0), U(A[1]!, 0), BM(A[1]!, 3)], read: cur, expected: 'CR' },
  { id: 'K27', summary: 'CR then best (two paths agree)', clause: 'best ≥ current', events: [...CRBASE, BM(A[1]!, 3)], read: best, expected: 'CR' },
  { id: 'K28', summary: 'CR: CR or better current', clause: 'engine', events: [...CRBASE, BM(A[1]!, 3)], read: rule('CR'), expected: 'MET' },
  // ---------- plasmacytoma at baseline ----------
  { id: 'I01', summary: 'baseline SPD 600, serum PR, no scan in line', clause: '§4 PR needs SPD ≥50% ↓; clinical-core awaits imaging', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0])], read: rule('PR'), expected: 'UNKNOWN' },
  { id: 'I02', summary: 'baseline SPD 600, scan 03-05 SPD 300', clause: '§4 PR SPD −50%', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 30, 10]])], read: cur, expected: 'PR' },
  { id: 'I03', summary: 'baseline SPD 600, scan SPD 360', clause: '§4 SPD −40% → SD', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 30, 12]])], read: cur, expected: 'SD' },
  { id: 'I04', summary: 'serum −25%, SPD −50%', clause: '§4 MR with plasmacytoma', events: [DX, L1, PC_BASE, ...su([2.0, 1.5, 1.5]), scan('2025-03-05', [['L1', 30, 10]])], read: cur, expected: 'MR' },
  { id: 'I05', summary: 'CR bio, baseline plasmacytoma, scan in line L1 0×0 and EMD absent', clause: '§4 CR: plasmacytomas gone', events: [...CRBASE, PC_BASE, BM(A[1]!, 3), scan('2025-02-15', [['L1', 0, 0]], { extramedullary: { present: false } })], read: cur, expected: 'CR' },
  { id: 'I06', summary: 'CR bio, baseline plasmacytoma, scan in line 10×10', clause: '§4 CR needs disappearance', events: [...CRBASE, PC_BASE, BM(A[1]!, 3), scan('2025-02-15', [['L1', 10, 10]])], read: cur, expected: 'VGPR' },
  { id: 'I07', summary: 'scan in line before first assessment (01-20) SPD 300', clause: 'imaging needs no confirmation', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-01-20', [['L1', 30, 10]])], read: cur, expected: 'PR' },
  { id: 'I08', summary: 'new plasmacytoma L2 on scan in line', clause: '§4 PD new lesion', events: [DX, L1, PC_BASE, ...su([2.0, 1.0, 1.0]), scan('2025-03-05', [['L1', 30, 10], ['L2', 15, 15]])], read: cur, expected: 'PD' },
  { id: 'I09', summary: 'baseline plasmacytoma, VGPR bio, scan SPD −60%', clause: 'PR by SPD allows VGPR bio', events: [DX, L1, PC_BASE, ...su([2.0, 0.1, 0.1], [50, 50, 50]), scan('2025-03-05', [['L1', 20, 12]])], read: cur, expected: 'VGPR' },
  // ---------- progression in the current line ----------
  { id: 'P01', summary: 'nadir 1.0 confirmed → 1.5, 1.5', clause: '§4 PD +0.5 & 50%', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.5, 1.5])], read: cur, expected: 'PD' },
  { id: 'P02', summary: 'nadir 1.0 → 1.49, 1.49', clause: '§4 PD needs ≥0.5', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.49, 1.49])], read: bio, expected: 'none' },
  { id: 'P03', summary: 'single low 1.0, then 1.4, 1.6, 1.6', clause: '§4 lowest confirmed value (nadir 1.4)', events: [DX, L1, ...su([2.0, 1.0, 1.4, 1.6, 1.6])], read: bio, expected: 'none' },
  { id: 'P04', summary: 'nadir 5.0 (baseline 8), → 6.0, 6.0', clause: '§4 nadir ≥5: +1 g/dL suffices', events: [DX, L1, ...su([8.0, 5.0, 5.0, 6.0, 6.0])], read: cur, expected: 'PD' },
  { id: 'P05', summary: 'nadir 5.0, → 5.9, 5.9', clause: '§4 +0.9 < 1 and 18% < 25%', events: [DX, L1, ...su([8.0, 5.0, 5.0, 5.9, 5.9])], read: bio, expected: 'none' },
  { id: 'P06', summary: 'urine nadir 300 → 500, 500', clause: '§4 urine +200 & 66%', events: [DX, L1, ...su([0.4, 0.4, 0.4, 0.4, 0.4], [1000, 300, 300, 500, 500])], read: cur, expected: 'PD' },
  { id: 'P07', summary: 'urine nadir 300 → 499, 499', clause: '§4 urine needs ≥200', events: [DX, L1, ...su([0.4, 0.4, 0.4, 0.4, 0.4], [1000, 300, 300, 499, 499])], read: bio, expected: 'none' },
  { id: 'P08', summary: 'rise to 1.6 twice on one day', clause: '§4 two assessments = different days', events: [DX, L1, ...su([2.0, 1.0, 1.0]), S('2025-04-01T08:00:00Z', 1.6), S('2025-04-01T16:00:00Z', 1.6)], read: bio, expected: 'none' },
  { id: 'P09', summary: 'PR then PD: best ever stays PR', clause: 'best response ever', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.5, 1.5])], read: best, expected: 'PR' },
  { id: 'P10', summary: 'PR then PD: PR ever MET, current NOT_MET', clause: 'engine', events: [DX, L1, ...su([2.0, 1.0, 1.0, 1.5, 1.5])], read: (p) => `${rule('PR', true)(p)}/${rule('PR')(p)}`, expected: 'MET/NOT_MET' },
];

describe('resp37 IMWG 2016 response', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      expect(c.read(prof(c.events))).toEqual(c.expected);
    });
  }
});
