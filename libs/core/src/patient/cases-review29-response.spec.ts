/**
 * resp29 — response with mixed sources (reported vs computed), imaging-limited responses, sCR, CR marrow, confirmation
 * (couldBe / awaitingConfirmation), best vs current response, lines, relapse from CR / MRD negativity, responseAtLeast ever.
 * Expectations written from domain.md §4/§5 and docs/clinical-core.md, docs/criteria-language.md before reading the
 * implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med, mrd, response } from '../testing/events';
import { buildProfile } from './profile';
import { compileRule } from '../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-09-01';
const prof = (evs: Ev[]) => buildProfile(evs, AS_OF);

const BASE = '2024-12-15';
const D = ['2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01'] as const;
const MID = '2025-02-15';

const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const kl = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
const ca = (d: string, v: number) => lab(d, 'calcium', v, 'mg/dL');
type Les = [string, number, number, number?];
const scan = (d: string, lesions: Les[], extra: Record<string, unknown> = {}) =>
  event('imaging', d, { modality: 'CT', plasmacytomas: lesions.map(([lesion, l, p, sa]) => ({ lesion, longestDiameterMm: l, perpendicularDiameterMm: p, ...(sa !== undefined ? { shortAxisMm: sa } : {}) })), ...extra });

const DX = () => diagnosis('2024-11-01', 'IgG', 'kappa');
const LINE = () => med('DRd', '2025-01-01', null);
/** diagnosis, line from 2025-01-01, baseline serum 2.0 g/dL, urine 50 mg/24h (not measurable). */
const base = (): Ev[] => [DX(), LINE(), S(BASE, 2.0), U(BASE, 50)];
const v = (d: string, serum: number, urine = 50): Ev[] => [S(d, serum), U(d, urine)];
const crV = (d: string): Ev[] => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
/** computed CR confirmed at D0, D1 (marrow 2% between them). */
const crCore = (): Ev[] => [...base(), ...crV(D[0]), ...crV(D[1]), BM(MID, 2)];
const sCrExtras = (r0 = 1.0, r1 = 1.0): Ev[] => [clonal(MID, 'negative'), ratio(D[0], r0), ratio(D[1], r1)];
/** baseline scan: L1 40×30 + L2 20×20 = SPD 1600 (before the line). */
const baseScan = () => scan('2024-12-20', [['L1', 40, 30], ['L2', 20, 20]]);
const pr2 = (): Ev[] => [...base(), ...v(D[0], 0.8), ...v(D[1], 0.8)];
const mr2 = (): Ev[] => [...base(), ...v(D[0], 1.2), ...v(D[1], 1.2)];

const R = (p: P) => (p.disease.response ? `${p.disease.response.category}${p.disease.response.confirmed ? '' : '?'}/${p.disease.response.source}` : 'none');
const RC = (p: P) => p.disease.response?.category ?? 'none';
const cur = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const best = (p: P) => p.disease.bestResponse ?? 'none';
const aw = (p: P) => p.disease.response?.awaitingConfirmation ?? 'none';
const cb = (p: P) => p.disease.response?.couldBe?.category ?? 'none';
const cbMiss = (re: RegExp) => (p: P) => (p.disease.response?.couldBe ? p.disease.response.couldBe.missing.some((m) => re.test(m)) : 'no couldBe');
const rfc = (p: P) => (p.disease.relapseFromCr ? `${p.disease.relapseFromCr.crDate}>${p.disease.relapseFromCr.date}` : 'null');
const lost = (p: P) => p.disease.mrd.negativityLost?.date ?? 'null';
const imgProg = (p: P) => p.disease.progressions.filter((x) => x.source === 'imaging').map((x) => x.date).join(',') || 'none';
const rule = (r: Record<string, unknown>) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const atLeast = (category: string, ever = false) => rule({ fact: 'responseAtLeast', category, ...(ever ? { ever: true } : {}) });
const mrdRule = (result: string) => rule({ fact: 'mrd', result });

// two-line history for best vs current: line 1 VRd to VGPR, PD, line 2 Kd
const twoLines = (line2: Ev[], extra: Ev[] = []): Ev[] => [
  DX(), med('VRd', '2024-01-01', '2024-09-01'), S('2023-12-20', 3.0), U('2023-12-20', 50),
  ...v('2024-03-01', 0.2), ...v('2024-04-01', 0.2), ...v('2024-10-01', 1.0), ...v('2024-11-01', 1.0),
  med('Kd', '2024-11-15', null), ...line2, ...extra,
];
// progressionAfterLastLine scaffolding
const pal = (extra: Ev[], kdEnd: string | null = null): Ev[] => [
  DX(), med('VRd', '2024-01-01', '2024-08-01'), response('2024-04-01', 'PR'), response('2024-12-20', 'PD'), med('Kd', '2025-01-01', kdEnd), ...extra,
];

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  // ---- A: reported vs computed, ties, reported CR contradicted ----
  { id: 'A01', summary: 'computed CR confirmed D0/D1; reported PR on D1 (same day)', clause: 'core: response = later of the two, reported on a tie', events: [...crCore(), response(D[1], 'PR')], read: R, expected: 'PR/reported' },
  { id: 'A02', summary: 'computed CR D0/D1; reported PR 02-20 (before D1)', clause: 'core: later of the two', events: [...crCore(), response('2025-02-20', 'PR')], read: R, expected: 'CR/computed' },
  { id: 'A03', summary: 'computed CR D0/D1; reported PR 03-02 (day after)', clause: 'core: later of the two', events: [...crCore(), response('2025-03-02', 'PR')], read: R, expected: 'PR/reported' },
  { id: 'A04', summary: 'reported CR D1, then serum 0.3 + sIFE pos at D2, D3 (PR ×2)', clause: 'core: later of the two → computed PR', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive'), ...v(D[3], 0.3), sIFE(D[3], 'positive')], read: R, expected: 'PR/computed' },
  { id: 'A04b', summary: 'as A04: relapse from CR', clause: '§4 relapse from CR: reappearance of M-protein by IFE/SPEP', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive'), ...v(D[3], 0.3), sIFE(D[3], 'positive')], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A04c', summary: 'as A04: best response', clause: 'core: bestResponse over reported and confirmed computed', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive'), ...v(D[3], 0.3), sIFE(D[3], 'positive')], read: best, expected: 'CR' },
  { id: 'A04d', summary: 'as A04: responseAtLeast CR ever', clause: 'lang: ever = best response', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive'), ...v(D[3], 0.3), sIFE(D[3], 'positive')], read: atLeast('CR', true), expected: 'MET' },
  { id: 'A04e', summary: 'as A04: responseAtLeast CR current', clause: 'lang: current response PR confirmed', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive'), ...v(D[3], 0.3), sIFE(D[3], 'positive')], read: atLeast('CR'), expected: 'NOT_MET' },
  { id: 'A05', summary: 'reported CR D1, then ONE computed assessment D2 serum 0.3 sIFE pos', clause: 'core: later of the two (computed, unconfirmed)', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive')], read: R, expected: 'PR?/computed' },
  { id: 'A05b', summary: 'as A05: responseAtLeast CR current', clause: 'lang: CR not on the table after a positive IFE', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive')], read: atLeast('CR'), expected: 'NOT_MET' },
  { id: 'A05c', summary: 'as A05: relapse from CR without confirmation', clause: '§4 relapse from CR (no confirmation stated)', events: [...base(), response(D[1], 'CR'), ...v(D[2], 0.3), sIFE(D[2], 'positive')], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A06', summary: 'reported CR and VGPR on the same day D1: CR current', clause: 'core: response.sameTime; lang: unknown', events: [...base(), response(D[1], 'CR'), response(D[1], 'VGPR')], read: atLeast('CR'), expected: 'UNKNOWN' },
  { id: 'A06b', summary: 'as A06: VGPR current', clause: 'both meet VGPR', events: [...base(), response(D[1], 'CR'), response(D[1], 'VGPR')], read: atLeast('VGPR'), expected: 'MET' },
  { id: 'A06c', summary: 'as A06: CR ever (documented: best takes the higher)', clause: 'core: "not yet its ever form: the best response takes the higher"', events: [...base(), response(D[1], 'CR'), response(D[1], 'VGPR')], read: atLeast('CR', true), expected: 'MET' },
  { id: 'A07', summary: 'computed CR D0/D1, reported PD D2', clause: 'core: later of the two', events: [...crCore(), response(D[2], 'PD')], read: R, expected: 'PD/reported' },
  { id: 'A07b', summary: 'as A07: relapse from CR by progression', clause: '§4 relapse from CR: other progression sign', events: [...crCore(), response(D[2], 'PD')], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A08', summary: 'computed CR D0/D1 (0,0), serum 0.5, 0.5 at D2/D3', clause: '§4 PD ≥0.5 from confirmed nadir 0', events: [...crCore(), ...v(D[2], 0.5, 0), ...v(D[3], 0.5, 0)], read: RC, expected: 'PD' },
  { id: 'A08b', summary: 'as A08: relapse from CR at D2 (crDate = confirming assessment D1)', clause: '§4 relapse from CR', events: [...crCore(), ...v(D[2], 0.5, 0), ...v(D[3], 0.5, 0)], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A09', summary: 'reported CR D1; D2 serum 0, sIFE neg, urine IFE positive', clause: '§4 relapse from CR: urine IFE reappearance', events: [...base(), response(D[1], 'CR'), S(D[2], 0), U(D[2], 0), sIFE(D[2], 'negative'), uIFE(D[2], 'positive')], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A10', summary: 'reported CR D1; serum 0.2 at D2 (no IFE)', clause: '§4 relapse from CR: electrophoresis', events: [...base(), response(D[1], 'CR'), S(D[2], 0.2)], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A11', summary: 'reported CR D1; marrow 5% at D2', clause: '§4 relapse from CR: ≥5% marrow PCs', events: [...base(), response(D[1], 'CR'), BM(D[2], 5)], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A12', summary: 'reported CR D1; marrow 4.9% at D2', clause: '§4 relapse from CR needs ≥5%', events: [...base(), response(D[1], 'CR'), BM(D[2], 4.9)], read: rfc, expected: 'null' },
  { id: 'A13', summary: 'reported CR D1; calcium 9.5 at D0, 11.2 at D2', clause: '§4 clinical relapse hypercalcaemia >11', events: [...base(), response(D[1], 'CR'), ca(D[0], 9.5), ca(D[2], 11.2)], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A14', summary: 'reported CR D1; calcium 9.5 at D0, 11.0 at D2', clause: '§4 >11 strict', events: [...base(), response(D[1], 'CR'), ca(D[0], 9.5), ca(D[2], 11.0)], read: rfc, expected: 'null' },
  { id: 'A15', summary: 'reported VGPR D1; sIFE pos at D2', clause: '§4 relapse from CR needs a CR', events: [...base(), response(D[1], 'VGPR'), sIFE(D[2], 'positive')], read: rfc, expected: 'null' },
  { id: 'A16', summary: 'reported CR D1; sIFE pos D2; reported CR D3', clause: 'core: after the latest CR', events: [...base(), response(D[1], 'CR'), sIFE(D[2], 'positive'), response(D[3], 'CR')], read: rfc, expected: 'null' },
  { id: 'A17', summary: 'computed VGPR D0 then CR D1 (unconfirmed); sIFE pos D2 serum 0', clause: 'core: computed CR must be confirmed', events: [...base(), ...v(D[0], 0.1, 0), ...crV(D[1]), BM(MID, 2), S(D[2], 0), U(D[2], 0), sIFE(D[2], 'positive')], read: rfc, expected: 'null' },
  { id: 'A18', summary: 'reported CR D1; imaging new lesions D2', clause: '§4 relapse from CR: other progression sign (new lesion)', events: [...base(), response(D[1], 'CR'), event('imaging', D[2], { modality: 'PET-CT', newLesions: true })], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A19', summary: 'reported CR D1; calcium 11.5 at 02-15, 9.5 at 03-10, 11.5 at D2', clause: 'core: signs measured as from a line starting on the CR day', events: [...base(), response(D[1], 'CR'), ca(MID, 11.5), ca('2025-03-10', 9.5), ca(D[2], 11.5)], read: rfc, expected: `${D[1]}>${D[2]}` },
  { id: 'A20', summary: 'computed PR D0/D1 (0.3, sIFE pos) and reported CR on D1 (tie)', clause: 'core: reported on a tie', events: [...base(), ...v(D[0], 0.3), sIFE(D[0], 'positive'), ...v(D[1], 0.3), sIFE(D[1], 'positive'), response(D[1], 'CR')], read: R, expected: 'CR/reported' },
  { id: 'A21', summary: 'computed CR D0/D1; reported VGPR D1 (tie)', clause: 'core: reported on a tie', events: [...crCore(), response(D[1], 'VGPR')], read: R, expected: 'VGPR/reported' },
  { id: 'A21b', summary: 'as A21: best', clause: 'core: bestResponse over reported and confirmed computed', events: [...crCore(), response(D[1], 'VGPR')], read: best, expected: 'CR' },
  { id: 'A21c', summary: 'as A21: CR ever', clause: 'lang: ever = best', events: [...crCore(), response(D[1], 'VGPR')], read: atLeast('CR', true), expected: 'MET' },
  { id: 'A21d', summary: 'as A21: CR current', clause: 'lang: current = response (reported on tie)', events: [...crCore(), response(D[1], 'VGPR')], read: atLeast('CR'), expected: 'NOT_MET' },

  // ---- B: imaging ----
  { id: 'B01', summary: 'PR serum ×2; baseline SPD 1600, scan 02-15 SPD 800 (−50%)', clause: '§4 PR: plasmacytomas ≥50% SPD', events: [...pr2(), baseScan(), scan(MID, [['L1', 30, 20], ['L2', 20, 10]])], read: cur, expected: 'PR' },
  { id: 'B02', summary: 'PR serum ×2; scan SPD 801 (−49.9%)', clause: '§4 PR needs ≥50% SPD → SD', events: [...pr2(), baseScan(), scan(MID, [['L1', 30, 20], ['L2', 20, 10.05]])], read: cur, expected: 'SD' },
  { id: 'B03', summary: 'PR serum ×2; baseline plasmacytomas, no scan since line start', clause: 'core: awaits imaging, not confirmed', events: [...pr2(), baseScan()], read: cur, expected: 'PR?' },
  { id: 'B03b', summary: 'as B03: response', clause: 'core: awaits imaging', events: [...pr2(), baseScan()], read: R, expected: 'PR?/computed' },
  { id: 'B04', summary: 'as B03: best response', clause: 'core: pending assessments count neither as response nor nonresponse', events: [...pr2(), baseScan()], read: best, expected: 'none' },
  { id: 'B05', summary: 'as B03: PR current', clause: 'lang: unconfirmed → UNKNOWN', events: [...pr2(), baseScan()], read: atLeast('PR'), expected: 'UNKNOWN' },
  { id: 'B05b', summary: 'as B03: SD current', clause: 'lang: SD is met whatever the scan shows', events: [...pr2(), baseScan()], read: atLeast('SD'), expected: 'UNKNOWN' },
  { id: 'B06', summary: 'MR serum ×2 (−40%); scan SPD −50%', clause: '§4 MR with plasmacytomas ≥50% SPD', events: [...mr2(), baseScan(), scan(MID, [['L1', 30, 20], ['L2', 20, 10]])], read: cur, expected: 'MR' },
  { id: 'B07', summary: 'MR serum ×2; scan SPD 1000 (−37.5%)', clause: '§4 MR needs SPD ≥50% → SD', events: [...mr2(), baseScan(), scan(MID, [['L1', 30, 25], ['L2', 25, 10]])], read: cur, expected: 'SD' },
  { id: 'B08', summary: 'CR biochem; scan 02-15 L1 10×10 still present, L2 0', clause: '§4 CR needs disappearance of plasmacytomas → VGPR', events: [...crCore(), baseScan(), scan(MID, [['L1', 10, 10], ['L2', 0, 0]])], read: cur, expected: 'VGPR' },
  { id: 'B09', summary: 'CR biochem; scan 02-15 both lesions 0×0', clause: '§4 CR', events: [...crCore(), baseScan(), scan(MID, [['L1', 0, 0], ['L2', 0, 0]])], read: cur, expected: 'CR' },
  { id: 'B10', summary: 'CR biochem; no baseline lesions; imaging 02-15 EMD present', clause: '§4 CR needs disappearance of soft-tissue plasmacytomas', events: [...crCore(), event('imaging', MID, { modality: 'PET-CT', extramedullary: { present: true } })], read: cur, expected: 'VGPR' },
  // The plasmacytomas of the scan before the line cap it at VGPR until a scan in the line shows them gone; CR or better is what it could be (couldBe: sCR, with the FLC ratio and clonality not on record).
  { id: 'B11', summary: 'CR biochem; baseline lesions; no scan since', clause: 'core: awaits imaging', events: [...crCore(), baseScan()], read: (p) => `${cur(p)}/${p.disease.response?.couldBe?.category ?? 'none'}`, expected: 'VGPR?/sCR' },
  { id: 'B12', summary: 'CR biochem; baseline lesions; scan 05-15 (after both assessments) all 0', clause: 'core: first scan after the assessment counts', events: [...crCore(), baseScan(), scan('2025-05-15', [['L1', 0, 0], ['L2', 0, 0]])], read: cur, expected: 'CR' },
  { id: 'B11b', summary: 'as B11: CR current', clause: '§4 CR needs disappearance of plasmacytomas: scan missing → UNKNOWN', events: [...crCore(), baseScan()], read: atLeast('CR'), expected: 'UNKNOWN' },
  { id: 'B12b', summary: 'as B12: CR current', clause: '§4 CR; core: scan after the assessments counts', events: [...crCore(), baseScan(), scan('2025-05-15', [['L1', 0, 0], ['L2', 0, 0]])], read: atLeast('CR'), expected: 'MET' },
  { id: 'B12c', summary: 'as B12: best response', clause: '§4 CR', events: [...crCore(), baseScan(), scan('2025-05-15', [['L1', 0, 0], ['L2', 0, 0]])], read: best, expected: 'CR' },
  { id: 'B12d', summary: 'as B12 plus a third CR assessment 06-01 after the scan', clause: 'sanity: scan on/before the assessment', events: [...crCore(), ...crV(D[4]), baseScan(), scan('2025-05-15', [['L1', 0, 0], ['L2', 0, 0]])], read: cur, expected: 'CR' },
  { id: 'B17', summary: 'CR biochem; pre-line PET-CT EMD present (no measurements), no scan since', clause: '§4 CR needs disappearance: no post-line scan → CR UNKNOWN', events: [...crCore(), event('imaging', '2024-12-20', { modality: 'PET-CT', extramedullary: { present: true } })], read: atLeast('CR'), expected: 'UNKNOWN' },
  { id: 'B18', summary: 'CR biochem; pre-line EMD present, post-line PET-CT 05-15 EMD absent', clause: '§4 CR: plasmacytoma disappeared', events: [...crCore(), event('imaging', '2024-12-20', { modality: 'PET-CT', extramedullary: { present: true } }), event('imaging', '2025-05-15', { modality: 'PET-CT', extramedullary: { present: false } })], read: cur, expected: 'CR' },
  { id: 'B13', summary: 'PR; scan 02-15 SPD 800 (nadir), 05-15 SPD 1200 (+50%, 2 lesions)', clause: '§4 PD ≥50% SPD increase of >1 lesion', events: [...pr2(), ...v(D[2], 0.8), ...v(D[3], 0.8), baseScan(), scan(MID, [['L1', 30, 20], ['L2', 20, 10]]), scan('2025-05-15', [['L1', 40, 25], ['L2', 20, 10]])], read: imgProg, expected: '2025-05-15' },
  { id: 'B14', summary: 'single lesion 40×30 → 20×15 (SA 15) → 30×15 SA 11 (longest +50%)', clause: '§4 PD ≥50% longest diameter, >1 cm short axis', events: [...pr2(), scan('2024-12-20', [['L1', 40, 30, 30]]), scan(MID, [['L1', 20, 15, 15]]), scan('2025-05-15', [['L1', 30, 15, 11]])], read: imgProg, expected: '2025-05-15' },
  { id: 'B15', summary: 'as B14 with short axis 10 mm', clause: '§4 needs >1 cm short axis; SPD rule needs >1 lesion', events: [...pr2(), scan('2024-12-20', [['L1', 40, 30, 30]]), scan(MID, [['L1', 20, 15, 15]]), scan('2025-05-15', [['L1', 30, 15, 10]])], read: imgProg, expected: 'none' },
  { id: 'B16', summary: 'PR; new plasmacytoma L3 on 05-15 after earlier measuring scans', clause: '§4 PD: new lesion', events: [...pr2(), baseScan(), scan(MID, [['L1', 30, 20], ['L2', 20, 10]]), scan('2025-05-15', [['L1', 30, 20], ['L2', 20, 10], ['L3', 15, 15]])], read: imgProg, expected: '2025-05-15' },

  // ---- C: sCR ----
  { id: 'C01', summary: 'CR + clonality neg + ratio 1.0 ×2', clause: '§4 sCR', events: [...crCore(), ...sCrExtras()], read: cur, expected: 'sCR' },
  { id: 'C02', summary: 'ratio 1.65 ×2', clause: '§5 Freelite normal 0.26–1.65 (inclusive)', events: [...crCore(), ...sCrExtras(1.65, 1.65)], read: cur, expected: 'sCR' },
  { id: 'C03', summary: 'ratio 1.66 ×2', clause: '§4 sCR needs normal ratio → CR', events: [...crCore(), ...sCrExtras(1.66, 1.66)], read: cur, expected: 'CR' },
  { id: 'C03b', summary: 'as C03: no couldBe sCR (abnormal ratio rules it out)', clause: 'core couldBe: abnormal ratio rules out', events: [...crCore(), ...sCrExtras(1.66, 1.66)], read: cb, expected: 'none' },
  { id: 'C04', summary: 'ratio 0.26 ×2', clause: '§5 normal lower bound inclusive', events: [...crCore(), ...sCrExtras(0.26, 0.26)], read: cur, expected: 'sCR' },
  { id: 'C05', summary: 'ratio 0.25 ×2', clause: '§5 abnormal → CR', events: [...crCore(), ...sCrExtras(0.25, 0.25)], read: cur, expected: 'CR' },
  { id: 'C06', summary: 'CR + ratio 1.0 ×2, no clonality', clause: 'core couldBe sCR', events: [...crCore(), ratio(D[0], 1.0), ratio(D[1], 1.0)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'CR/sCR' },
  { id: 'C06b', summary: 'as C06: missing names clonality', clause: 'core couldBe missing tests', events: [...crCore(), ratio(D[0], 1.0), ratio(D[1], 1.0)], read: cbMiss(/clon/i), expected: true },
  { id: 'C07', summary: 'CR + ratio 1.0 ×2, clonality positive', clause: '§4 sCR needs no clonal PCs; no couldBe', events: [...crCore(), ratio(D[0], 1.0), ratio(D[1], 1.0), clonal(MID, 'positive')], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'CR/none' },
  { id: 'C08', summary: 'CR + clonality neg, no FLC ratio', clause: 'core couldBe sCR, ratio missing', events: [...crCore(), clonal(MID, 'negative')], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'CR/sCR' },
  { id: 'C08b', summary: 'as C08: missing names the ratio', clause: 'core couldBe missing tests', events: [...crCore(), clonal(MID, 'negative')], read: cbMiss(/ratio|flc|light/i), expected: true },
  { id: 'C09', summary: 'CR ×2, clonality neg, ratio 1.8 at D0, 1.2 at D1', clause: 'core: sCR at D1 only → CR confirmed, awaiting sCR', events: [...crCore(), ...sCrExtras(1.8, 1.2)], read: (p) => `${R(p)}/${aw(p)}`, expected: 'CR/computed/sCR' },
  { id: 'C10', summary: 'as C09: sCR current', clause: 'lang: unconfirmed higher → UNKNOWN', events: [...crCore(), ...sCrExtras(1.8, 1.2)], read: atLeast('sCR'), expected: 'UNKNOWN' },
  { id: 'C11', summary: 'CR + clonality neg + κ 15 / λ 12 mg/L pairs (ratio 1.25)', clause: '§4 sCR (ratio from the pair)', events: [...crCore(), clonal(MID, 'negative'), ...kl(D[0], 15, 12), ...kl(D[1], 15, 12)], read: cur, expected: 'sCR' },
  { id: 'C12', summary: 'sCR extras but marrow 5%', clause: '§4 sCR = CR plus …; CR needs <5% → VGPR', events: [...base(), ...crV(D[0]), ...crV(D[1]), BM(MID, 5), ...sCrExtras()], read: cur, expected: 'VGPR' },

  // ---- D: marrow ----
  { id: 'D01', summary: 'IFE neg ×2, marrow 4.9%', clause: '§4 CR <5%', events: [...base(), ...crV(D[0]), ...crV(D[1]), BM(MID, 4.9)], read: cur, expected: 'CR' },
  { id: 'D02', summary: 'IFE neg ×2, marrow 5.0%', clause: '§4 CR <5% → VGPR, no couldBe', events: [...base(), ...crV(D[0]), ...crV(D[1]), BM(MID, 5)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/none' },
  { id: 'D03', summary: 'IFE neg ×2, no marrow', clause: 'core couldBe CR', events: [...base(), ...crV(D[0]), ...crV(D[1])], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/CR' },
  { id: 'D03b', summary: 'as D03: missing names the marrow', clause: 'core couldBe', events: [...base(), ...crV(D[0]), ...crV(D[1])], read: cbMiss(/marrow/i), expected: true },
  { id: 'D04', summary: 'as D03: CR current', clause: 'lang: couldBe → UNKNOWN', events: [...base(), ...crV(D[0]), ...crV(D[1])], read: atLeast('CR'), expected: 'UNKNOWN' },
  { id: 'D05', summary: 'as D03: VGPR current', clause: 'lang', events: [...base(), ...crV(D[0]), ...crV(D[1])], read: atLeast('VGPR'), expected: 'MET' },
  { id: 'D06', summary: 'IFE neg ×2, marrow 2% on 05-01 (after both)', clause: 'core: marrow first after in the line', events: [...base(), ...crV(D[0]), ...crV(D[1]), BM(D[3], 2)], read: cur, expected: 'CR' },
  { id: 'D07', summary: 'IFE neg ×2, only a pre-treatment marrow 60% (2024-12-10)', clause: '§4 CR marrow is a response marrow; pre-line marrow says nothing → couldBe CR', events: [...base(), BM('2024-12-10', 60), ...crV(D[0]), ...crV(D[1])], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/CR' },
  { id: 'D08', summary: 'pre-treatment marrow 60%, marrow 3% on 05-01 after IFE-negative assessments', clause: '§4 CR (marrow after); baseline marrow is not a response marrow', events: [...base(), BM('2024-12-10', 60), ...crV(D[0]), ...crV(D[1]), BM(D[3], 3)], read: cur, expected: 'CR' },
  { id: 'D09', summary: 'CR with marrow 3% 02-15; marrow 6% 06-01', clause: 'core: later relapsed marrow does not undo CR reached', events: [...crCore(), BM(D[4], 6)], read: cur, expected: 'CR' },
  { id: 'D09b', summary: 'as D09: relapse from CR', clause: '§4 relapse from CR ≥5% marrow', events: [...crCore(), BM(D[4], 6)], read: rfc, expected: `${D[1]}>${D[4]}` },

  // ---- E: confirmation, awaitingConfirmation, couldBe ----
  { id: 'E01', summary: 'SD, SD, PR (latest)', clause: 'core: awaitingConfirmation', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 1.8), ...v(D[2], 0.9)], read: (p) => `${R(p)}/${aw(p)}`, expected: 'SD/computed/PR' },
  { id: 'E02', summary: 'as E01: PR current', clause: 'lang: UNKNOWN', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 1.8), ...v(D[2], 0.9)], read: atLeast('PR'), expected: 'UNKNOWN' },
  { id: 'E03', summary: 'as E01: MR current', clause: 'lang: UNKNOWN (PR would meet MR)', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 1.8), ...v(D[2], 0.9)], read: atLeast('MR'), expected: 'UNKNOWN' },
  { id: 'E04', summary: 'as E01: SD current', clause: 'lang', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 1.8), ...v(D[2], 0.9)], read: atLeast('SD'), expected: 'MET' },
  { id: 'E05', summary: 'PR, PR, VGPR (latest)', clause: 'core: awaitingConfirmation VGPR', events: [...base(), ...v(D[0], 0.8), ...v(D[1], 0.8), ...v(D[2], 0.15)], read: (p) => `${R(p)}/${aw(p)}`, expected: 'PR/computed/VGPR' },
  { id: 'E06', summary: 'single assessment PR', clause: '§4 two consecutive assessments', events: [...base(), ...v(D[0], 0.8)], read: cur, expected: 'PR?' },
  { id: 'E06b', summary: 'as E06: PR current', clause: 'lang: UNKNOWN', events: [...base(), ...v(D[0], 0.8)], read: atLeast('PR'), expected: 'UNKNOWN' },
  { id: 'E06c', summary: 'as E06: best response', clause: 'core: first of a line counts only when SD', events: [...base(), ...v(D[0], 0.8)], read: best, expected: 'none' },
  { id: 'E07', summary: 'SD, PR, SD', clause: 'core: single PR between SDs not achieved', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 0.9), ...v(D[2], 1.8)], read: best, expected: 'SD' },
  { id: 'E08', summary: 'PR, VGPR, PR', clause: 'core: each supports the lower of itself and previous', events: [...base(), ...v(D[0], 0.8), ...v(D[1], 0.15), ...v(D[2], 0.8)], read: (p) => `${best(p)}/${cur(p)}`, expected: 'PR/PR' },
  { id: 'E09', summary: 'serum 0, urine 0, sIFE neg ×2, no urine IFE, marrow 2%', clause: '§4 CR needs urine IFE → VGPR couldBe CR', events: [...base(), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative')]), BM(MID, 2)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/CR' },
  { id: 'E09b', summary: 'as E09: missing names urine IFE', clause: 'core couldBe', events: [...base(), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'negative')]), BM(MID, 2)], read: cbMiss(/urine/i), expected: true },
  { id: 'E10', summary: 'serum 0 by SPEP but sIFE positive ×2, urine 0 uIFE neg, marrow 2%', clause: '§4 VGPR (detectable by IFE only); no couldBe', events: [...base(), ...[D[0], D[1]].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'positive'), uIFE(d, 'negative')]), BM(MID, 2)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/none' },
  { id: 'E11', summary: 'serum 0.1 ×2 (−95%), urine 0', clause: '§4 VGPR; M-protein still measured → no couldBe', events: [...base(), ...v(D[0], 0.1, 0), ...v(D[1], 0.1, 0), BM(MID, 2)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/none' },
  { id: 'E12', summary: 'CR at D0; D1 serum 0 urine 0 with no IFE', clause: 'core: CR needs IFE at each assessment → VGPR couldBe CR', events: [...base(), ...crV(D[0]), S(D[1], 0), U(D[1], 0), BM(MID, 2)], read: (p) => `${RC(p)}/${cb(p)}`, expected: 'VGPR/CR' },
  { id: 'E12b', summary: 'as E12: CR current', clause: 'lang: couldBe → UNKNOWN', events: [...base(), ...crV(D[0]), S(D[1], 0), U(D[1], 0), BM(MID, 2)], read: atLeast('CR'), expected: 'UNKNOWN' },
  { id: 'E13', summary: 'reported PR once, nothing else', clause: 'reported category (clinician assessment)', events: [...base(), response(D[0], 'PR')], read: atLeast('PR'), expected: 'MET' },
  { id: 'E14', summary: 'serum 0.9 ×2, plus a second 1.1 at D1 (same time)', clause: 'core v14 sameTime computed → PR UNKNOWN', events: [...base(), ...v(D[0], 0.9), ...v(D[1], 0.9), S(D[1], 1.1)], read: atLeast('PR'), expected: 'UNKNOWN' },
  { id: 'E14b', summary: 'as E14: MR current', clause: 'both values meet MR', events: [...base(), ...v(D[0], 0.9), ...v(D[1], 0.9), S(D[1], 1.1)], read: atLeast('MR'), expected: 'MET' },

  // ---- M: MRD / relapse from MRD negativity ----
  { id: 'M01', summary: 'CR confirmed + MRD NGS neg 1e-5 03-15', clause: '§4 MRD-negative requires CR', events: [...crCore(), mrd('2025-03-15', 'negative')], read: mrdRule('negative'), expected: 'MET' },
  { id: 'M02', summary: 'M01 + MRD positive 05-01', clause: 'core: positive MRD is relapse from MRD negativity only', events: [...crCore(), mrd('2025-03-15', 'negative'), mrd(D[3], 'positive')], read: rfc, expected: 'null' },
  { id: 'M02b', summary: 'as M02: mrd negative', clause: 'lang: latest positive', events: [...crCore(), mrd('2025-03-15', 'negative'), mrd(D[3], 'positive')], read: mrdRule('negative'), expected: 'NOT_MET' },
  { id: 'M03', summary: 'M01 + sIFE positive 05-01 (serum 0)', clause: '§4 relapse from MRD-neg: any relapse-from-CR event', events: [...crCore(), mrd('2025-03-15', 'negative'), S(D[3], 0), sIFE(D[3], 'positive')], read: lost, expected: D[3] },
  { id: 'M03b', summary: 'as M03: mrd positive rule', clause: 'core: negative no longer stands, read as positive', events: [...crCore(), mrd('2025-03-15', 'negative'), S(D[3], 0), sIFE(D[3], 'positive')], read: mrdRule('positive'), expected: 'MET' },
  { id: 'M03c', summary: 'as M03: relapse from CR', clause: '§4 relapse from CR', events: [...crCore(), mrd('2025-03-15', 'negative'), S(D[3], 0), sIFE(D[3], 'positive')], read: rfc, expected: `${D[1]}>${D[3]}` },
  { id: 'M04', summary: 'M01 + marrow 5% 05-01', clause: '§4 ≥5% marrow', events: [...crCore(), mrd('2025-03-15', 'negative'), BM(D[3], 5)], read: lost, expected: D[3] },
  { id: 'M05', summary: 'M01 + marrow 4.9% 05-01', clause: '§4 needs ≥5%', events: [...crCore(), mrd('2025-03-15', 'negative'), BM(D[3], 4.9)], read: lost, expected: 'null' },
  { id: 'M06', summary: 'M01 + PET-CT positive 05-01', clause: '§4 loss of MRD negativity by imaging', events: [...crCore(), mrd('2025-03-15', 'negative'), event('imaging', D[3], { modality: 'PET-CT', mrd: 'positive' })], read: lost, expected: D[3] },
  { id: 'M06b', summary: 'as M06: relapse from CR', clause: 'core: PET-CT positive is MRD relapse only', events: [...crCore(), mrd('2025-03-15', 'negative'), event('imaging', D[3], { modality: 'PET-CT', mrd: 'positive' })], read: rfc, expected: 'null' },
  { id: 'M07', summary: 'VGPR couldBe CR (no marrow) + MRD neg 03-15', clause: 'lang: mrd negative unknown within reach of couldBe', events: [...base(), ...crV(D[0]), ...crV(D[1]), mrd('2025-03-15', 'negative')], read: mrdRule('negative'), expected: 'UNKNOWN' },

  // ---- F: best vs current, lines ----
  { id: 'F01', summary: 'line1 VGPR then PD; line2 0.9 ×2 from line-2 baseline 1.0', clause: 'core: computed response of the current line', events: twoLines([...v('2025-02-01', 0.9), ...v('2025-03-01', 0.9)]), read: R, expected: 'SD/computed' },
  { id: 'F02', summary: 'as F01: best', clause: 'core: bestResponse all lines', events: twoLines([...v('2025-02-01', 0.9), ...v('2025-03-01', 0.9)]), read: best, expected: 'VGPR' },
  { id: 'F03', summary: 'as F01: VGPR ever', clause: 'lang: ever', events: twoLines([...v('2025-02-01', 0.9), ...v('2025-03-01', 0.9)]), read: atLeast('VGPR', true), expected: 'MET' },
  { id: 'F04', summary: 'as F01: VGPR current', clause: 'lang: current', events: twoLines([...v('2025-02-01', 0.9), ...v('2025-03-01', 0.9)]), read: atLeast('VGPR'), expected: 'NOT_MET' },
  { id: 'F05', summary: 'as F01: MR current', clause: 'lang: current SD', events: twoLines([...v('2025-02-01', 0.9), ...v('2025-03-01', 0.9)]), read: atLeast('MR'), expected: 'NOT_MET' },
  { id: 'F06', summary: 'line2 0.28 ×2 (−72% from line-2 baseline, −91% from line-1)', clause: 'core: baseline = last value on/before line start → PR', events: twoLines([...v('2025-02-01', 0.28), ...v('2025-03-01', 0.28)]), read: cur, expected: 'PR' },
  { id: 'F07', summary: 'line1 with reported CR 2024-05-01; serum 1.0 on 2024-10-01', clause: '§4 relapse from CR', events: twoLines([], [response('2024-05-01', 'CR')]), read: rfc, expected: '2024-05-01>2024-10-01' },

  // ---- P: progressionAfterLastLine ----
  { id: 'P01', summary: 'Kd from 01-01; PD 01-15 (day 14), SD 02-15', clause: 'lang: PD in first 14 days prompted the line', events: pal([response('2025-01-15', 'PD'), response('2025-02-15', 'SD')]), read: rule({ fact: 'progressionAfterLastLine' }), expected: 'NOT_MET' },
  { id: 'P02', summary: 'Kd from 01-01; PD 01-16 (day 15)', clause: 'lang: PD after earlyProgressionDays', events: pal([response('2025-01-16', 'PD')]), read: rule({ fact: 'progressionAfterLastLine' }), expected: 'MET' },
  { id: 'P03', summary: 'Kd from 01-01; no assessment since', clause: 'lang: unknown until assessed', events: pal([]), read: rule({ fact: 'progressionAfterLastLine' }), expected: 'UNKNOWN' },
  { id: 'P04', summary: 'Kd 01-01→03-01; SD 02-01; PD 04-30 (60 d after last dose)', clause: 'lang: withinDaysOfLastDose 60', events: pal([response('2025-02-01', 'SD'), response('2025-04-30', 'PD')], '2025-03-01'), read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }), expected: 'MET' },
  { id: 'P05', summary: 'as P04 with PD 05-01 (61 d)', clause: 'lang: later is not met', events: pal([response('2025-02-01', 'SD'), response('2025-05-01', 'PD')], '2025-03-01'), read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }), expected: 'NOT_MET' },

  // ---- G: responseAtLeast ever ----
  { id: 'G01', summary: 'SD, then VGPR once (latest)', clause: 'lang: unconfirmed response that would meet → UNKNOWN', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 0.15)], read: atLeast('VGPR', true), expected: 'UNKNOWN' },
  { id: 'G02', summary: 'SD, PR, SD (the PR disproved)', clause: '§4 two consecutive assessments', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 0.9), ...v(D[2], 1.8)], read: atLeast('PR', true), expected: 'NOT_MET' },
  { id: 'G03', summary: 'line, no assessment at all', clause: 'lang: no response → UNKNOWN', events: [DX(), LINE()], read: atLeast('MR', true), expected: 'UNKNOWN' },
  { id: 'G04', summary: 'only a reported PD', clause: 'lang: best PD', events: [DX(), LINE(), response(D[1], 'PD')], read: atLeast('SD', true), expected: 'NOT_MET' },
  { id: 'G05', summary: 'single PR assessment', clause: 'lang: unconfirmed → UNKNOWN', events: [...base(), ...v(D[0], 0.8)], read: atLeast('PR', true), expected: 'UNKNOWN' },
  { id: 'G06', summary: 'VGPR with couldBe CR (no marrow): CR ever', clause: 'lang: responseAtLeast unknown when couldBe reaches it (ever ≥ current)', events: [...base(), ...crV(D[0]), ...crV(D[1])], read: atLeast('CR', true), expected: 'UNKNOWN' },
  { id: 'G07', summary: 'SD, SD, PR (latest): PR ever', clause: 'lang: unknown when a response that would meet it is unconfirmed', events: [...base(), ...v(D[0], 1.8), ...v(D[1], 1.8), ...v(D[2], 0.9)], read: atLeast('PR', true), expected: 'UNKNOWN' },
];


describe('resp29 mixed-source response cases', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(c.read(prof(c.events))).toEqual(c.expected);
  });
});
