/**
 * stat31 — hand-derived disease-status / refractoriness / exposure cases (domain.md §1, §2; docs/clinical-core.md
 * settings; docs/criteria-language.md leaves). Expectations written from the definitions and the documented settings
 * before reading the implementation. Scratch review file; not committed.
 */
import { carT, diagnosis, med, response, sct, lab } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;

const addD = (d: string, n: number): string => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
const DX = diagnosis('2022-12-01', 'IgG', 'kappa');
const R = (d: string, c: string) => response(d, c);

interface Case { id: string; clause: string; summary: string; events: Ev[]; asOf?: string; settings?: ProfileSettings; read: (p: P, asOf: string) => unknown; expected: unknown }

const rule = (r: unknown) => (p: P, asOf: string) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;
const drugRef = (g: string) => (p: P) => p.drugs[g]?.refractory ?? 'absent';
const flag = (f: keyof P['flags']) => (p: P) => p.flags[f];
const status = (p: P) => `prim=${p.flags.primaryRefractory} rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed}`;
const M28: ProfileSettings = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 };

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---------------------------------------------------------------- A: the 60-day window (Rd 2024-01-01..2024-06-30, PR ×2)
const RD_END = '2024-06-30';
const rdPR = (pd: string): Ev[] => [DX, med('Rd', '2024-01-01', RD_END), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R(pd, 'PD')];
add({ id: 'A01', clause: '§1 refractory: PD within 60 days of last therapy (day 60)', summary: 'Rd ends 06-30, PD at +60', events: rdPR(addD(RD_END, 60)), read: drugRef('lenalidomide'), expected: true });
add({ id: 'A02', clause: '§1 refractory: day 61 is outside 60 days', summary: 'Rd ends 06-30, PD at +61', events: rdPR(addD(RD_END, 61)), read: drugRef('lenalidomide'), expected: false });
add({ id: 'A03', clause: '§1 refractory (day 59)', summary: 'PD at +59', events: rdPR(addD(RD_END, 59)), read: drugRef('lenalidomide'), expected: true });
add({ id: 'A04', clause: '§1 refractory: PD on the day of the last dose', summary: 'PD on last dose day', events: rdPR(RD_END), read: drugRef('lenalidomide'), expected: true });
add({ id: 'A05', clause: '§1 relapsed-and-refractory: ≥MR then PD within 60 days', summary: 'PR then PD +60', events: rdPR(addD(RD_END, 60)), read: status, expected: 'prim=false rr=true rel=false' });
add({ id: 'A06', clause: '§1 relapsed: progressed off therapy >60 days after last dose', summary: 'PR then PD +61', events: rdPR(addD(RD_END, 61)), read: status, expected: 'prim=false rr=false rel=true' });
add({ id: 'A07', clause: '§1 relapsed (engine flag)', summary: 'PR then PD +61: flag relapsed', events: rdPR(addD(RD_END, 61)), read: rule({ fact: 'flag', name: 'relapsed' }), expected: 'MET' });
add({ id: 'A08', clause: '§1 relapsed-and-refractory (engine flag) day 61', summary: 'PR then PD +61: flag R&R', events: rdPR(addD(RD_END, 61)), read: rule({ fact: 'flag', name: 'relapsedAndRefractory' }), expected: 'NOT_MET' });
add({ id: 'A09', clause: '§1 refractory by progression (progressionOnly leaf) at day 60', summary: 'drugRefractory len progressionOnly', events: rdPR(addD(RD_END, 60)), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }), expected: 'MET' });
add({ id: 'A10', clause: '§1 relapse after treatment-free interval: not refractory, known (criteria-language)', summary: 'drugRefractory len, PD +61', events: rdPR(addD(RD_END, 61)), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'NOT_MET' });
add({ id: 'A11', clause: '§2 dexamethasone is not a class drug; Rd → IMID only', summary: 'class drugs of Rd', events: rdPR(RD_END), read: (p) => `${p.classes.IMID.drugs.join(',')}|PI=${p.classes.PI.exposed}|CD38=${p.classes.ANTI_CD38.exposed}|dbl=${p.flags.doubleRefractory}`, expected: 'lenalidomide|PI=false|CD38=false|dbl=false' });
add({ id: 'A12', clause: '§1 60-day window across 29 Feb 2024', summary: 'Rd ends 2024-02-10, PD +60 (2024-04-10)', events: [DX, med('Rd', '2023-09-01', '2024-02-10'), R('2023-11-01', 'PR'), R('2024-01-01', 'PR'), R(addD('2024-02-10', 60), 'PD')], read: drugRef('lenalidomide'), expected: true });
add({ id: 'A13', clause: '§1 60-day window across 29 Feb 2024 (day 61)', summary: 'Rd ends 2024-02-10, PD +61', events: [DX, med('Rd', '2023-09-01', '2024-02-10'), R('2023-11-01', 'PR'), R('2024-01-01', 'PR'), R(addD('2024-02-10', 61), 'PD')], read: drugRef('lenalidomide'), expected: false });
add({ id: 'A14', clause: '§1 relapsed-and-refractory regardless of earlier response of drug (PD on therapy after PR)', summary: 'Rd ongoing, PR ×2, PD on therapy', events: [DX, med('Rd', '2024-01-01', null), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-09-01', 'PD')], asOf: '2024-10-01', read: (p) => `${drugRef('lenalidomide')(p)} ${status(p)}`, expected: 'true prim=false rr=true rel=false' });

// ---------------------------------------------------------------- B: per-drug last dose inside a regimen (bortezomib dropped)
const VRD_SPLIT = (pd: string): Ev[] => [DX, med('bortezomib', '2024-01-01', '2024-05-10'), med('lenalidomide', '2024-01-01', '2024-08-31'), med('dexamethasone', '2024-01-01', '2024-08-31'), R('2024-03-01', 'PR'), R('2024-04-15', 'PR'), R(pd, 'PD')];
add({ id: 'B01', clause: '§1/§2 per-drug: PD within 60 days of bortezomib last dose (day 60)', summary: 'V dropped 05-10, R continues, PD 07-09', events: VRD_SPLIT(addD('2024-05-10', 60)), asOf: '2024-10-01', read: (p) => `${drugRef('bortezomib')(p)} ${drugRef('lenalidomide')(p)} dbl=${p.flags.doubleRefractory}`, expected: 'true true dbl=true' });
add({ id: 'B02', clause: '§1/§2 per-drug (clinical-core: within 60 days of ITS last dose) day 61', summary: 'V dropped 05-10, PD 07-10', events: VRD_SPLIT(addD('2024-05-10', 61)), asOf: '2024-10-01', read: (p) => `${drugRef('bortezomib')(p)} ${drugRef('lenalidomide')(p)} dbl=${p.flags.doubleRefractory}`, expected: 'false true dbl=false' });

// ---------------------------------------------------------------- C: nonresponsive
const rdSD = (extra: Ev[] = []): Ev[] => [DX, med('Rd', '2024-01-01', '2024-07-01'), R('2024-03-01', 'SD'), R('2024-05-01', 'SD'), ...extra];
add({ id: 'C01', clause: '§1 nonresponsive: failure to achieve MR while on therapy', summary: 'Rd 6 mo, SD ×2, no PD', events: rdSD(), read: drugRef('lenalidomide'), expected: true });
add({ id: 'C02', clause: '§1 primary refractory: includes "no change" without PD, never MR', summary: 'Rd SD ×2, no PD: status', events: rdSD(), read: status, expected: 'prim=true rr=false rel=false' });
add({ id: 'C03', clause: 'nonResponseMinDaysOngoing 56: assessment exactly 56 days after start', summary: 'Rd ongoing 2025-01-01, SD 02-26', events: [DX, med('Rd', '2025-01-01', null), R('2025-02-26', 'SD')], asOf: '2025-03-10', read: drugRef('lenalidomide'), expected: true });
add({ id: 'C04', clause: 'nonResponseMinDaysOngoing 56: day 55 is too early', summary: 'Rd ongoing, SD 02-25', events: [DX, med('Rd', '2025-01-01', null), R('2025-02-25', 'SD')], asOf: '2025-03-10', read: drugRef('lenalidomide'), expected: false });
add({ id: 'C05', clause: 'nonResponseIsRefractory=false setting', summary: 'Rd SD ×2, setting off', events: rdSD(), settings: { ...DEFAULT_SETTINGS, nonResponseIsRefractory: false }, read: drugRef('lenalidomide'), expected: false });
add({ id: 'C06', clause: 'progressionOnly leaf: IMWG nonresponse without PD does not count', summary: 'Rd SD ×2, drugRefractory progressionOnly', events: rdSD(), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }), expected: 'NOT_MET' });
add({ id: 'C07', clause: '§1 nonresponsive counts by default (drugRefractory leaf)', summary: 'Rd SD ×2, drugRefractory', events: rdSD(), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'C08', clause: '§1 MR reached → not nonresponsive', summary: 'Rd MR ×2, no PD', events: [DX, med('Rd', '2024-01-01', '2024-07-01'), R('2024-03-01', 'MR'), R('2024-05-01', 'MR')], read: (p) => `${drugRef('lenalidomide')(p)} prim=${p.flags.primaryRefractory}`, expected: 'false prim=false' });
add({ id: 'C09', clause: 'clinical-core: stopped for toxicity before an assessment ≥56 days → not judged', summary: 'Rd 01-01..02-15 toxicity, SD at day 40', events: [DX, med('Rd', '2024-01-01', '2024-02-15', { reasonStopped: 'toxicity' }), R('2024-02-10', 'SD')], read: drugRef('lenalidomide'), expected: false });
add({ id: 'C10', clause: 'clinical-core: stopped for toxicity after an assessment ≥56 days without MR → nonresponsive', summary: 'Rd 01-01..03-20 toxicity, SD at day 60', events: [DX, med('Rd', '2024-01-01', '2024-03-20', { reasonStopped: 'toxicity' }), R('2024-03-01', 'SD')], read: drugRef('lenalidomide'), expected: true });
const salvageNR = (kdResp: string): Ev[] => [DX, med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-12-01', 'PD'), med('Kd', '2023-12-05', null), R('2024-02-15', kdResp), R('2024-04-01', kdResp)];
add({ id: 'C11', clause: '§1 relapsed-and-refractory: nonresponsive on salvage after ≥MR', summary: 'VRd PR, relapse off, Kd SD ×2', events: salvageNR('SD'), asOf: '2024-05-01', read: (p) => `${drugRef('carfilzomib')(p)} ${status(p)}`, expected: 'true prim=false rr=true rel=false' });
add({ id: 'C12', clause: '§1 relapsed: progressed off therapy, salvage responding', summary: 'VRd PR, relapse off, Kd PR ×2', events: salvageNR('PR'), asOf: '2024-05-01', read: (p) => `${drugRef('carfilzomib')(p)} ${status(p)}`, expected: 'false prim=false rr=false rel=true' });
add({ id: 'C13', clause: '§1 relapsed-and-refractory flag leaf (salvage nonresponsive)', summary: 'C11 → flag relapsedAndRefractory', events: salvageNR('SD'), asOf: '2024-05-01', read: rule({ fact: 'flag', name: 'relapsedAndRefractory' }), expected: 'MET' });
add({ id: 'C14', clause: '§1 refractory to last line via nonresponse', summary: 'C11 → flag refractoryToLastLine', events: salvageNR('SD'), asOf: '2024-05-01', read: rule({ fact: 'flag', name: 'refractoryToLastLine' }), expected: 'MET' });

// ---------------------------------------------------------------- D: primary refractory / R&R / relapsed
const VRD_END = '2024-06-01';
const vrd = (r1: string, r2: string, pd: string | null, more: Ev[] = []): Ev[] => [DX, med('VRd', '2024-01-01', VRD_END), R('2024-03-01', r1), R('2024-05-01', r2), ...(pd ? [R(pd, 'PD')] : []), ...more];
add({ id: 'D01', clause: '§1 primary refractory: never MR, PD 14 days after last dose', summary: 'VRd SD ×2, PD +14', events: vrd('SD', 'SD', addD(VRD_END, 14)), read: status, expected: 'prim=true rr=false rel=false' });
add({ id: 'D02', clause: '§1 relapsed-and-refractory: PR then PD within 60', summary: 'VRd PR ×2, PD +14', events: vrd('PR', 'PR', addD(VRD_END, 14)), read: status, expected: 'prim=false rr=true rel=false' });
add({ id: 'D03', clause: '§1 relapsed: PR then PD >60 days off', summary: 'VRd PR ×2, PD +92', events: vrd('PR', 'PR', addD(VRD_END, 92)), read: status, expected: 'prim=false rr=false rel=true' });
add({ id: 'D04', clause: '§1 primary refractory: nonresponsive (SD on therapy), never MR, PD later off therapy', summary: 'VRd SD ×2, PD +92', events: vrd('SD', 'SD', addD(VRD_END, 92)), read: status, expected: 'prim=true rr=false rel=false' });
add({ id: 'D05', clause: '§1 ≥MR includes MR itself (R&R)', summary: 'VRd MR ×2, PD +30', events: vrd('MR', 'MR', addD(VRD_END, 30)), read: status, expected: 'prim=false rr=true rel=false' });
add({ id: 'D06', clause: '§1 ≥MR includes MR (relapsed at +61)', summary: 'VRd MR ×2, PD +61', events: vrd('MR', 'MR', addD(VRD_END, 61)), read: status, expected: 'prim=false rr=false rel=true' });
const vrdOnlyPD = (pd: string): Ev[] => [DX, med('VRd', '2024-01-01', VRD_END), R(pd, 'PD')];
add({ id: 'D07', clause: '§1 whether MR was ever reached unknown → primary refractory UNKNOWN (clinical-core mrEverKnown)', summary: 'VRd, only PD +30', events: vrdOnlyPD(addD(VRD_END, 30)), read: rule({ fact: 'flag', name: 'primaryRefractory' }), expected: 'UNKNOWN' });
add({ id: 'D08', clause: '§1 R&R needs MR: unknown', summary: 'VRd, only PD +30: flag R&R', events: vrdOnlyPD(addD(VRD_END, 30)), read: rule({ fact: 'flag', name: 'relapsedAndRefractory' }), expected: 'UNKNOWN' });
add({ id: 'D09', clause: '§1 relapsed needs PD >60 days off therapy: PD at +30 → not relapsed either way', summary: 'VRd, only PD +30: flag relapsed', events: vrdOnlyPD(addD(VRD_END, 30)), read: rule({ fact: 'flag', name: 'relapsed' }), expected: 'NOT_MET' });
add({ id: 'D10', clause: '§1 PD long off therapy: not R&R either way', summary: 'VRd, only PD +200: flag R&R', events: vrdOnlyPD(addD(VRD_END, 200)), read: rule({ fact: 'flag', name: 'relapsedAndRefractory' }), expected: 'NOT_MET' });
add({ id: 'D11', clause: '§1 PD long off therapy, MR unknown: relapsed unknown', summary: 'VRd, only PD +200: flag relapsed', events: vrdOnlyPD(addD(VRD_END, 200)), read: rule({ fact: 'flag', name: 'relapsed' }), expected: 'UNKNOWN' });
add({ id: 'D12', clause: '§1 primary refractory includes frank PD on therapy', summary: 'VRd ongoing, SD at day 31, PD at day 45', events: [DX, med('VRd', '2024-01-01', null), R('2024-02-01', 'SD'), R('2024-02-15', 'PD')], asOf: '2024-03-01', read: status, expected: 'prim=true rr=false rel=false' });
add({ id: 'D13', clause: '§1 R&R: ≥MR at some point (L1), nonresponsive + PD on salvage', summary: 'L1 VRd PR, relapse off; L2 Kd SD then PD on', events: [DX, med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('Kd', '2024-01-05', null), R('2024-03-01', 'SD'), R('2024-04-01', 'PD')], asOf: '2024-05-01', read: status, expected: 'prim=false rr=true rel=false' });
add({ id: 'D14', clause: 'clinical-core (prog28 X29): never MR on L1, PD on it, salvage responds → none of the three', summary: 'L1 VRd SD, PD on; L2 Kd PR ×2', events: [DX, med('VRd', '2024-01-01', '2024-05-01'), R('2024-03-01', 'SD'), R('2024-04-15', 'PD'), med('Kd', '2024-05-05', null), R('2024-07-01', 'PR'), R('2024-08-01', 'PR')], asOf: '2024-09-01', read: status, expected: 'prim=false rr=false rel=false' });
add({ id: 'D15', clause: '§1 primary refractory flag leaf (never MR, PD on)', summary: 'D01 → flag primaryRefractory', events: vrd('SD', 'SD', addD(VRD_END, 14)), read: rule({ fact: 'flag', name: 'primaryRefractory' }), expected: 'MET' });
add({ id: 'D16', clause: '§1 relapsed flag leaf NOT_MET when R&R', summary: 'D02 → flag relapsed', events: vrd('PR', 'PR', addD(VRD_END, 14)), read: rule({ fact: 'flag', name: 'relapsed' }), expected: 'NOT_MET' });
add({ id: 'D17', clause: '§1 relapsed-and-refractory at day 60 exactly after VRd', summary: 'VRd PR, PD +60', events: vrd('PR', 'PR', addD(VRD_END, 60)), read: status, expected: 'prim=false rr=true rel=false' });

// ---------------------------------------------------------------- E: early progression (earlyProgressionDays 14)
const L1 = (): Ev[] => [DX, med('VRd', '2024-01-01', '2024-06-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR')];
add({ id: 'E01', clause: 'earlyProgressionDays: PD on day 14 of salvage prompted it → relapsed', summary: 'L2 Kd 11-01, PD 11-15', events: [...L1(), med('Kd', '2024-11-01', null), R('2024-11-15', 'PD')], asOf: '2024-11-20', read: (p) => `${drugRef('carfilzomib')(p)} ${status(p)}`, expected: 'false prim=false rr=false rel=true' });
add({ id: 'E02', clause: 'earlyProgressionDays: PD on day 15 is on salvage → refractory, R&R', summary: 'L2 Kd 11-01, PD 11-16', events: [...L1(), med('Kd', '2024-11-01', null), R('2024-11-16', 'PD')], asOf: '2024-11-20', read: (p) => `${drugRef('carfilzomib')(p)} ${status(p)}`, expected: 'true prim=false rr=true rel=false' });
add({ id: 'E03', clause: 'engine: salvage not assessed after its first 14 days → carfilzomib refractoriness unknown', summary: 'E01 → drugRefractory carfilzomib', events: [...L1(), med('Kd', '2024-11-01', null), R('2024-11-15', 'PD')], asOf: '2024-11-20', read: rule({ fact: 'drugRefractory', drug: 'carfilzomib' }), expected: 'UNKNOWN' });
add({ id: 'E04', clause: 'earlyProgressionDays: PD in salvage first days makes prior therapy refractory (within its 60 days)', summary: 'Rd ends 06-01, Kd 06-20, PD 06-30', events: [DX, med('Rd', '2024-01-01', '2024-06-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), med('Kd', '2024-06-20', null), R('2024-06-30', 'PD')], asOf: '2024-07-10', read: (p) => `${drugRef('lenalidomide')(p)} ${drugRef('carfilzomib')(p)} rr=${p.flags.relapsedAndRefractory}`, expected: 'true false rr=true' });

// ---------------------------------------------------------------- F: MAMMOTH minimum exposure (M28)
const dara = (start: string, end: string | null, more: Ev[]): Ev[] => [DX, med('daratumumab', start, end), ...more];
add({ id: 'F01', clause: '§1 MAMMOTH ≥4 weeks: 28 days counted both ends', summary: 'dara 01-01..01-28, PD 03-01, M28', events: dara('2024-01-01', '2024-01-28', [R('2024-01-20', 'SD'), R('2024-03-01', 'PD')]), settings: M28, read: drugRef('daratumumab'), expected: true });
add({ id: 'F02', clause: '§1 MAMMOTH: 27 days is short', summary: 'dara 01-01..01-27, PD 03-01, M28', events: dara('2024-01-01', '2024-01-27', [R('2024-01-20', 'SD'), R('2024-03-01', 'PD')]), settings: M28, read: drugRef('daratumumab'), expected: false });
add({ id: 'F03', clause: 'minExposure default 0', summary: 'dara 27 days, PD 03-01, default', events: dara('2024-01-01', '2024-01-27', [R('2024-01-20', 'SD'), R('2024-03-01', 'PD')]), read: drugRef('daratumumab'), expected: true });
add({ id: 'F04', clause: 'minExposureClasses [ANTI_CD38]: lenalidomide not subject', summary: 'len 20 days, PD 02-10, M28', events: [DX, med('lenalidomide', '2024-01-01', '2024-01-20'), R('2024-01-18', 'SD'), R('2024-02-10', 'PD')], settings: M28, read: drugRef('lenalidomide'), expected: true });
add({ id: 'F05', clause: 'minExposureClasses null: every drug', summary: 'len 20 days, PD 02-10, M28 + classes null', events: [DX, med('lenalidomide', '2024-01-01', '2024-01-20'), R('2024-01-18', 'SD'), R('2024-02-10', 'PD')], settings: { ...M28, minExposureClasses: null }, read: drugRef('lenalidomide'), expected: false });
add({ id: 'F06', clause: 'v15: PD before the minimum counts when given on past it with no response since', summary: 'dara 01-01..04-01, PD 01-20, M28', events: dara('2024-01-01', '2024-04-01', [R('2024-01-20', 'PD')]), asOf: '2024-05-01', settings: M28, read: drugRef('daratumumab'), expected: true });
// F07 CONTESTABLE (see report): my reading of v15 "no response (MR or better) since" was: since the PD, while on the drug -> false.
// The code reads "since" as: between the PD and the day the minimum was reached (exposure.ts givenOnPast). Asserting my reading.
add({ id: 'F07', clause: 'v15: PD before the minimum with a response since does not count', summary: 'dara 01-01..04-01, PD 01-20, PR 03-01, 03-20, M28', events: dara('2024-01-01', '2024-04-01', [R('2024-01-20', 'PD'), R('2024-03-01', 'PR'), R('2024-03-20', 'PR')]), asOf: '2024-05-01', settings: M28, read: drugRef('daratumumab'), expected: false });
add({ id: 'F08', clause: 'primary refractoriness independent of minExposure (v10)', summary: 'dara 20 days, SD day 17, PD 02-01, M28', events: dara('2024-01-01', '2024-01-20', [R('2024-01-18', 'SD'), R('2024-02-01', 'PD')]), settings: M28, read: (p) => `${drugRef('daratumumab')(p)} prim=${p.flags.primaryRefractory}`, expected: 'false prim=true' });
add({ id: 'F09', clause: 'MAMMOTH applies to isatuximab (anti-CD38)', summary: 'isa 27 days, PD, M28', events: [DX, med('isatuximab', '2024-01-01', '2024-01-27'), R('2024-01-20', 'SD'), R('2024-03-01', 'PD')], settings: M28, read: drugRef('isatuximab'), expected: false });
add({ id: 'F10', clause: 'v10: a progression on day 28 of a 28-day course counts', summary: 'dara 01-01..01-28, PD 01-28, M28', events: dara('2024-01-01', '2024-01-28', [R('2024-01-20', 'SD'), R('2024-01-28', 'PD')]), settings: M28, read: drugRef('daratumumab'), expected: true });
add({ id: 'F11', clause: 'MAMMOTH flows into class: ANTI_CD38 refractory false when short', summary: 'dara 27 days, M28: classes.ANTI_CD38.refractory', events: dara('2024-01-01', '2024-01-27', [R('2024-01-20', 'SD'), R('2024-03-01', 'PD')]), settings: M28, read: (p) => p.classes.ANTI_CD38.refractory, expected: false });

// ---------------------------------------------------------------- G: exposure thresholds
const lenC = (s: string, e: string, cycles?: number) => med('lenalidomide', s, e, cycles === undefined ? {} : { cycles });
const ex = (r: Record<string, unknown>) => rule({ fact: 'drugExposed', drug: 'lenalidomide', ...r });
add({ id: 'G01', clause: '§2 exposed = ≥1 dose', summary: 'len one day', events: [DX, lenC('2024-01-01', '2024-01-01')], read: (p) => `${p.drugs.lenalidomide?.exposed} ${ex({})(p, '2025-06-01')}`, expected: 'true MET' });
add({ id: 'G02', clause: '§2 ≥2 consecutive cycles: 1 cycle → not met', summary: 'len 1 cycle', events: [DX, lenC('2024-01-01', '2024-01-21', 1)], read: ex({ minCycles: 2, consecutive: true }), expected: 'NOT_MET' });
add({ id: 'G03', clause: '§2 default ≥1 dose with 1 cycle', summary: 'len 1 cycle, minCycles 1', events: [DX, lenC('2024-01-01', '2024-01-21', 1)], read: ex({ minCycles: 1 }), expected: 'MET' });
add({ id: 'G04', clause: '§2 ≥2 consecutive: two 1-cycle courses 8 days apart', summary: 'len 1+1 back to back', events: [DX, lenC('2024-01-01', '2024-01-21', 1), lenC('2024-01-29', '2024-02-18', 1)], read: ex({ minCycles: 2, consecutive: true }), expected: 'MET' });
add({ id: 'G05', clause: '§2 ≥2 consecutive: gap of exactly 28 days (grouping window) still consecutive', summary: 'len 1 cycle, next starts +28', events: [DX, lenC('2024-01-01', '2024-01-21', 1), lenC(addD('2024-01-21', 28), addD('2024-01-21', 48), 1)], read: ex({ minCycles: 2, consecutive: true }), expected: 'MET' });
add({ id: 'G06', clause: '§2 ≥2 consecutive: gap of 29 days breaks the run', summary: 'len 1 cycle, next starts +29', events: [DX, lenC('2024-01-01', '2024-01-21', 1), lenC(addD('2024-01-21', 29), addD('2024-01-21', 49), 1)], read: ex({ minCycles: 2, consecutive: true }), expected: 'NOT_MET' });
add({ id: 'G07', clause: '§2 ≥2 cycles (not consecutive): 1 + 1 separated', summary: 'len 1 cycle, next +40, minCycles 2', events: [DX, lenC('2024-01-01', '2024-01-21', 1), lenC(addD('2024-01-21', 40), addD('2024-01-21', 60), 1)], read: ex({ minCycles: 2 }), expected: 'MET' });
add({ id: 'G08', clause: 'criteria-language: cycles asked and none recorded → unknown', summary: 'len course no cycles, minCycles 2', events: [DX, lenC('2024-01-01', '2024-03-01')], read: ex({ minCycles: 2 }), expected: 'UNKNOWN' });
add({ id: 'G09', clause: '§2 store {first_dose,last_dose,cycles}', summary: 'len 2 cycles + 3 cycles', events: [DX, lenC('2024-01-01', '2024-02-25', 2), lenC('2024-03-01', '2024-04-26', 3)], read: (p) => { const d = p.drugs.lenalidomide!; return `${d.firstDose} ${d.lastDose} ${d.cycles} ${d.consecutiveCycles?.cycles}`; }, expected: '2024-01-01 2024-04-26 5 5' });
add({ id: 'G10', clause: 'minDays: days counted both ends (28)', summary: 'dara 01-01..01-28 minDays 28', events: [DX, med('daratumumab', '2024-01-01', '2024-01-28')], read: rule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 }), expected: 'MET' });
add({ id: 'G11', clause: 'minDays 29 not reached by 28 days', summary: 'dara 01-01..01-28 minDays 29', events: [DX, med('daratumumab', '2024-01-01', '2024-01-28')], read: rule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 29 }), expected: 'NOT_MET' });
add({ id: 'G12', clause: '§2 MagnetisMM-32 anti-CD38 ≥2 consecutive cycles (class)', summary: 'isatuximab 2 consecutive cycles', events: [DX, med('isatuximab', '2024-01-01', '2024-01-28', { cycles: 1 }), med('isatuximab', '2024-01-29', '2024-02-25', { cycles: 1 })], read: rule({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }), expected: 'MET' });
add({ id: 'G13', clause: '§2 stored durationDays (both ends counted)', summary: 'dara 01-01..01-28 durationDays', events: [DX, med('daratumumab', '2024-01-01', '2024-01-28')], read: (p) => p.drugs.daratumumab?.durationDays, expected: 28 });
add({ id: 'G14', clause: 'ongoing exposure not yet long enough → NOT_MET (dated)', summary: 'dara ongoing from 2025-05-20, minDays 28, asOf 06-01', events: [DX, med('daratumumab', '2025-05-20', null)], read: rule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 }), expected: 'NOT_MET' });

// ---------------------------------------------------------------- H: class flags
add({ id: 'H01', clause: '§2 double-refractory: IMiD + PI', summary: 'VRd, PR, PD on', events: [DX, med('VRd', '2024-01-01', null), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-08-01', 'PD')], asOf: '2024-09-01', read: flag('doubleRefractory'), expected: true });
const relapsedOff = (reg: string, s: string, e: string): Ev[] => [med(reg, s, e), R(addD(s, 60), 'PR'), R(addD(s, 90), 'PR'), R(addD(e, 120), 'PD')];
add({ id: 'H02', clause: '§2 double-refractory needs a PI refractory', summary: 'L1 VRd PR relapse off; L2 Pd PD on', events: [DX, ...relapsedOff('VRd', '2022-01-01', '2022-07-01'), med('Pd', addD('2022-07-01', 125), null), R(addD('2022-07-01', 200), 'SD'), R(addD('2022-07-01', 260), 'PD')], asOf: '2023-08-01', read: (p) => `${drugRef('pomalidomide')(p)} ${drugRef('bortezomib')(p)} dbl=${p.flags.doubleRefractory}`, expected: 'true false dbl=false' });
add({ id: 'H03', clause: '§2 TCE: IMiD + PI + anti-CD38 (daratumumab)', summary: 'VRd then daratumumab', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), med('Dd', '2023-09-01', '2024-01-01')], read: flag('tripleClassExposed'), expected: true });
add({ id: 'H04', clause: '§2 TCE: isatuximab is anti-CD38', summary: 'VRd then Isa-Pd', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), med('Isa-Pd', '2023-09-01', '2024-01-01')], read: flag('tripleClassExposed'), expected: true });
add({ id: 'H05', clause: '§2 TCE: elotuzumab is not anti-CD38', summary: 'VRd then Elo-Pd', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), med('Elo-Pd', '2023-09-01', '2024-01-01')], read: flag('tripleClassExposed'), expected: false });
const tcrBase = (): Ev[] => [DX, ...relapsedOff('VRd', '2021-01-01', '2021-07-01'), med('DPd', '2021-11-01', '2022-06-01'), R('2022-01-01', 'SD'), R('2022-05-20', 'PD')];
add({ id: 'H06', clause: '§2 TCR needs a PI refractory', summary: 'VRd relapse off; DPd PD on', events: tcrBase(), asOf: '2022-06-15', read: (p) => `tcr=${p.flags.tripleClassRefractory} cd38=${p.classes.ANTI_CD38.refractory} imid=${p.classes.IMID.refractory} pi=${p.classes.PI.refractory}`, expected: 'tcr=false cd38=true imid=true pi=false' });
add({ id: 'H07', clause: '§2 TCR: IMiD + PI + anti-CD38 refractory', summary: 'VRd relapse off; DPd PD on; Kd PD on', events: [...tcrBase(), med('Kd', '2022-06-10', null), R('2022-08-01', 'SD'), R('2022-10-01', 'PD')], asOf: '2022-11-01', read: (p) => `tcr=${p.flags.tripleClassRefractory} dbl=${p.flags.doubleRefractory} penta=${p.flags.pentaRefractory}`, expected: 'tcr=true dbl=true penta=false' });
const penta = (cd38: string): Ev[] => [DX, med('VRd', '2021-01-01', '2021-08-01'), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-07-20', 'PD'),
  med('KPd', '2021-08-10', '2022-03-01'), R('2021-10-01', 'SD'), R('2022-02-20', 'PD'),
  med(cd38, '2022-03-10', null), med('dexamethasone', '2022-03-10', null), R('2022-05-15', 'SD'), R('2022-07-01', 'PD')];
add({ id: 'H08', clause: '§2 penta-refractory: V, K, R, P + daratumumab', summary: 'VRd PD on, KPd PD on, Dd PD on', events: penta('daratumumab'), asOf: '2022-08-01', read: (p) => `penta=${p.flags.pentaRefractory} pe=${p.flags.pentaExposed} tcr=${p.flags.tripleClassRefractory}`, expected: 'penta=true pe=true tcr=true' });
add({ id: 'H09', clause: '§2 penta-refractory: ≥1 anti-CD38 (isatuximab)', summary: 'as H08 with isatuximab', events: penta('isatuximab'), asOf: '2022-08-01', read: (p) => `penta=${p.flags.pentaRefractory} pe=${p.flags.pentaExposed}`, expected: 'penta=true pe=true' });
add({ id: 'H10', clause: '§2 penta flag leaf', summary: 'H08 → flag pentaRefractory', events: penta('daratumumab'), asOf: '2022-08-01', read: rule({ fact: 'flag', name: 'pentaRefractory' }), expected: 'MET' });
const pentaExp = (pi2: string): Ev[] => [DX, ...relapsedOff('VRd', '2019-01-01', '2019-07-01'),
  ...(pi2 === 'carfilzomib' ? relapsedOff('KPd', '2020-01-01', '2020-07-01') : [med('ixazomib', '2020-01-01', '2020-07-01'), ...relapsedOff('Pd', '2020-01-01', '2020-07-01')]),
  ...relapsedOff('Dd', '2021-01-01', '2021-07-01')];
add({ id: 'H11', clause: '§2 penta-exposed: exposure only, none refractory', summary: 'VRd, KPd, Dd each PR then relapse >60 off', events: pentaExp('carfilzomib'), asOf: '2022-06-01', read: (p) => `pe=${p.flags.pentaExposed} penta=${p.flags.pentaRefractory} tce=${p.flags.tripleClassExposed} tcr=${p.flags.tripleClassRefractory}`, expected: 'pe=true penta=false tce=true tcr=false' });
add({ id: 'H12', clause: '§2 penta needs carfilzomib (ixazomib does not count)', summary: 'VRd, ixazomib+Pd, Dd exposures', events: pentaExp('ixazomib'), asOf: '2022-06-01', read: (p) => `pe=${p.flags.pentaExposed} tce=${p.flags.tripleClassExposed}`, expected: 'pe=false tce=true' });
const quad = (): Ev[] => [DX, med('VRd', '2021-01-01', '2021-08-01'), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-07-20', 'PD'),
  med('DKd', '2021-08-10', null), R('2021-10-01', 'SD'), R('2022-02-20', 'PD')];
add({ id: 'H13', clause: '§2 quad (MAMMOTH) as counts: anti-CD38 + 2 PIs + 1 IMiD', summary: 'VRd PD on, DKd PD on', events: quad(), asOf: '2022-03-15', read: rule({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] }), expected: 'MET' });
add({ id: 'H14', clause: '§2 quad counts: IMiD minDrugs 2 not met with lenalidomide only', summary: 'VRd, DKd: IMID minDrugs 2', events: quad(), asOf: '2022-03-15', read: rule({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }), expected: 'NOT_MET' });
add({ id: 'H15', clause: '§2 PI minDrugs 2 with carfilzomib exposed but known not refractory', summary: 'VRd PD on; Kd PR, relapse off', events: [DX, med('VRd', '2021-01-01', '2021-08-01'), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-07-20', 'PD'), ...relapsedOff('Kd', '2021-08-10', '2022-02-01')], asOf: '2022-08-01', read: rule({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }), expected: 'NOT_MET' });
const celmod = (): Ev[] => [DX, med('VRd', '2022-01-01', '2022-06-01'), R('2022-03-01', 'PR'), R('2022-05-01', 'PR'), R('2022-05-25', 'PD'), med('iberdomide', '2022-06-10', null), med('dexamethasone', '2022-06-10', null), R('2022-08-15', 'SD'), R('2022-10-01', 'PD')];
add({ id: 'H16', clause: '§2 CELMoDs are not IMiDs by default', summary: 'VRd PD; iberdomide PD on', events: celmod(), asOf: '2022-11-01', read: (p) => `imidDrugs=${p.classes.IMID.drugs.join(',')} celmodRef=${p.classes.CELMOD?.refractory}`, expected: 'imidDrugs=lenalidomide celmodRef=true' });
add({ id: 'H17', clause: '§2 CELMoD with no other IMiD: IMID not exposed, not double-refractory', summary: 'Vd PD on; iberdomide PD on', events: [DX, med('Vd', '2022-01-01', '2022-06-01'), R('2022-03-01', 'SD'), R('2022-05-25', 'PD'), med('iberdomide', '2022-06-10', null), R('2022-08-15', 'SD'), R('2022-10-01', 'PD')], asOf: '2022-11-01', read: (p) => `imid=${p.classes.IMID.exposed} dbl=${p.flags.doubleRefractory} pi=${p.classes.PI.refractory}`, expected: 'imid=false dbl=false pi=true' });
add({ id: 'H18', clause: '§2 CELMoD: classExposed IMID leaf not met', summary: 'bortezomib, mezigdomide, daratumumab exposures', events: [DX, med('Vd', '2022-01-01', '2022-06-01'), med('mezigdomide', '2022-08-01', '2022-12-01'), med('daratumumab', '2023-02-01', '2023-06-01')], read: (p, a) => `${rule({ fact: 'classExposed', class: 'IMID' })(p, a)} tce=${p.flags.tripleClassExposed}`, expected: 'NOT_MET tce=false' });
add({ id: 'H19', clause: '§8 "P" = prednisone in MP: no pomalidomide', summary: 'MP regimen', events: [DX, med('MP', '2023-01-01', '2023-06-01')], read: (p) => `${p.drugs.pomalidomide?.exposed ?? 'absent'} imid=${p.classes.IMID.exposed}`, expected: 'absent imid=false' });
add({ id: 'H20', clause: '§8 "P" = pomalidomide in Pd; "d" dexamethasone', summary: 'Pd regimen', events: [DX, med('Pd', '2023-01-01', '2023-06-01')], read: (p) => `${p.drugs.pomalidomide?.exposed} imid=${p.classes.IMID.drugs.join(',')}`, expected: 'true imid=pomalidomide' });
add({ id: 'H21', clause: '§2 thalidomide is an IMiD', summary: 'VTd', events: [DX, med('VTd', '2023-01-01', '2023-06-01')], read: (p) => p.classes.IMID.drugs.join(','), expected: 'thalidomide' });
add({ id: 'H22', clause: '§2 dexamethasone refractory alone contributes to no class flag', summary: 'dex alone, SD, PD on', events: [DX, med('dexamethasone', '2023-01-01', null), R('2023-03-01', 'SD'), R('2023-04-01', 'PD')], asOf: '2023-05-01', read: (p) => `imid=${p.classes.IMID.exposed} pi=${p.classes.PI.exposed} cd38=${p.classes.ANTI_CD38.exposed} dbl=${p.flags.doubleRefractory}`, expected: 'imid=false pi=false cd38=false dbl=false' });
add({ id: 'H23', clause: '§8 "D" daratumumab vs "d" dexamethasone in DRd', summary: 'DRd classes', events: [DX, med('DRd', '2023-01-01', '2023-06-01')], read: (p) => `${p.classes.ANTI_CD38.drugs.join(',')}|${p.classes.IMID.drugs.join(',')}`, expected: 'daratumumab|lenalidomide' });

// ---------------------------------------------------------------- I: maintenance
const maint = (intent: boolean): Ev[] => [DX, med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), R('2023-03-01', 'PR'), R('2023-04-20', 'PR'), sct('2023-06-01'),
  med('lenalidomide', '2023-08-01', '2024-06-01', intent ? { intent: 'maintenance' } : {}), R('2023-10-01', 'VGPR'), R('2023-12-01', 'VGPR'), R('2024-05-01', 'PD')];
add({ id: 'I01', clause: '§1 refractory at maintenance dose: flagged', summary: 'VRd→ASCT→R maint, PD on maint', events: maint(true), asOf: '2024-07-01', read: (p) => `${drugRef('lenalidomide')(p)} onlyMaint=${p.drugs.lenalidomide?.refractoryOnlyAtMaintenance}`, expected: 'true onlyMaint=true' });
add({ id: 'I02', clause: '§1 excludeMaintenanceOnly leaf', summary: 'I01 → drugRefractory len excludeMaintenanceOnly', events: maint(true), asOf: '2024-07-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }), expected: 'NOT_MET' });
add({ id: 'I03', clause: '§1 maintenance refractoriness counts by default', summary: 'I01 → drugRefractory len', events: maint(true), asOf: '2024-07-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'I04', clause: 'clinical-core v9: single agent ≤180 days after ASCT, no intent → maintenance', summary: 'as I01, no intent recorded', events: maint(false), asOf: '2024-07-01', read: (p) => `${drugRef('lenalidomide')(p)} onlyMaint=${p.drugs.lenalidomide?.refractoryOnlyAtMaintenance}`, expected: 'true onlyMaint=true' });
add({ id: 'I05', clause: '§1 full-dose refractoriness not maintenance-only', summary: 'Rd PD on therapy, excludeMaintenanceOnly', events: [DX, med('Rd', '2024-01-01', null), R('2024-03-01', 'SD'), R('2024-05-01', 'PD')], asOf: '2024-06-01', read: (p, a) => `${p.drugs.lenalidomide?.refractoryOnlyAtMaintenance} ${rule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true })(p, a)}`, expected: 'false MET' });
add({ id: 'I06', clause: '§1 R&R: PR, PD on maintenance', summary: 'I01 status', events: maint(true), asOf: '2024-07-01', read: status, expected: 'prim=false rr=true rel=false' });

// ---------------------------------------------------------------- J: engine three-valued with incomplete history
add({ id: 'J01', clause: 'criteria-language: exposed, no response data → refractory unknown', summary: 'Rd, no assessments', events: [DX, med('Rd', '2024-01-01', '2024-06-01')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'J02', clause: 'criteria-language: no history → exposed unknown', summary: 'no events', events: [], read: rule({ fact: 'drugExposed', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'J03', clause: 'criteria-language: no history → flag unknown', summary: 'no events: TCE', events: [], read: rule({ fact: 'flag', name: 'tripleClassExposed' }), expected: 'UNKNOWN' });
add({ id: 'J04', clause: 'criteria-language: TCR unknown when exposure but no responses', summary: 'VRd, Dd, no assessments', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), med('Dd', '2023-09-01', '2024-01-01')], read: rule({ fact: 'flag', name: 'tripleClassRefractory' }), expected: 'UNKNOWN' });
add({ id: 'J05', clause: 'criteria-language: anti-CD38 known not refractory settles TCR NOT_MET', summary: 'VRd unassessed; Dd PR ×2, relapse off', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), ...relapsedOff('Dd', '2023-08-01', '2024-01-31')], asOf: '2024-07-01', read: rule({ fact: 'flag', name: 'tripleClassRefractory' }), expected: 'NOT_MET' });
add({ id: 'J06', clause: 'never given (history present) → not exposed, not refractory', summary: 'Rd only; carfilzomib', events: [DX, med('Rd', '2024-01-01', '2024-06-01'), R('2024-03-01', 'PR')], read: (p, a) => `${rule({ fact: 'drugExposed', drug: 'carfilzomib' })(p, a)} ${rule({ fact: 'drugRefractory', drug: 'carfilzomib' })(p, a)}`, expected: 'NOT_MET NOT_MET' });
add({ id: 'J07', clause: 'criteria-language: last line not assessed → refractoryToLastLine unknown', summary: 'VRd relapse off; Kd started 12 days ago', events: [DX, ...relapsedOff('VRd', '2024-01-01', '2024-07-01'), med('Kd', '2025-05-20', null)], read: rule({ fact: 'flag', name: 'refractoryToLastLine' }), expected: 'UNKNOWN' });
add({ id: 'J08', clause: 'class refractory: one drug known refractory suffices', summary: 'VRd PD on; Kd unassessed', events: [DX, med('VRd', '2023-01-01', '2023-08-01'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-07-20', 'PD'), med('Kd', '2023-08-10', '2024-01-01')], read: rule({ fact: 'classRefractory', class: 'PI' }), expected: 'MET' });
add({ id: 'J09', clause: 'criteria-language: doubleRefractory unknown while PI may still be refractory', summary: 'Rd PD on; later Vd unassessed', events: [DX, med('Rd', '2023-01-01', '2023-08-01'), R('2023-03-01', 'SD'), R('2023-07-20', 'PD'), med('Vd', '2023-08-10', '2024-01-01')], read: rule({ fact: 'flag', name: 'doubleRefractory' }), expected: 'UNKNOWN' });
add({ id: 'J10', clause: '§2 double: PI known not refractory → NOT_MET', summary: 'VRd PR relapse off (V not ref); Rd... then Pd PD on', events: [DX, ...relapsedOff('VRd', '2022-01-01', '2022-07-01'), med('Pd', '2022-11-05', null), R('2023-01-10', 'SD'), R('2023-03-01', 'PD')], asOf: '2023-04-01', read: rule({ fact: 'flag', name: 'doubleRefractory' }), expected: 'NOT_MET' });
add({ id: 'J11', clause: '§1 progressionOnly at day 61 NOT_MET', summary: 'Rd PR, PD +61, progressionOnly', events: rdPR(addD(RD_END, 61)), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }), expected: 'NOT_MET' });
add({ id: 'J12', clause: 'criteria-language: TCE leaf met', summary: 'VRd + Dd exposures (no assessments)', events: [DX, med('VRd', '2023-01-01', '2023-06-01'), med('Dd', '2023-09-01', '2024-01-01')], read: rule({ fact: 'flag', name: 'tripleClassExposed' }), expected: 'MET' });
add({ id: 'J13', clause: 'lastLine scope: drug refractory only in an earlier line', summary: 'L1 Rd PD on; L2 Kd PR ×2: len lastLine', events: [DX, med('Rd', '2023-01-01', '2023-08-01'), R('2023-03-01', 'SD'), R('2023-07-20', 'PD'), med('Kd', '2023-08-10', null), R('2023-10-10', 'PR'), R('2023-11-10', 'PR')], asOf: '2024-01-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }), expected: 'NOT_MET' });

// ---------------------------------------------------------------- K: CAR-T (cell therapy) refractoriness
const cart = (pd: string, resp = true): Ev[] => [DX, med('VRd', '2022-01-01', '2022-06-01'), R('2022-03-01', 'PR'), R('2022-05-01', 'PR'), R('2023-06-01', 'PD'), carT('2024-01-01', 'ciltacabtagene autoleucel'), ...(resp ? [R('2024-02-01', 'PR'), R('2024-02-20', 'PR')] : []), R(pd, 'PD')];
add({ id: 'K01', clause: 'v13: CAR-T refractory within 60 days of infusion whatever the response (day 60, leap year)', summary: 'cilta-cel 2024-01-01, PR, PD 03-01', events: cart('2024-03-01'), asOf: '2024-04-01', read: (p) => p.classes.BCMA_CAR_T.refractory, expected: true });
add({ id: 'K02', clause: 'v13: day 61 after infusion with a response in between → not refractory', summary: 'cilta-cel, PR, PD 03-02', events: cart('2024-03-02'), asOf: '2024-04-01', read: (p) => p.classes.BCMA_CAR_T.refractory, expected: false });
add({ id: 'K03', clause: 'v13: CAR-T progressed on without MR in between → refractory', summary: 'cilta-cel, no response, PD 09-01', events: cart('2024-09-01', false), asOf: '2024-10-01', read: (p) => p.classes.BCMA_CAR_T.refractory, expected: true });

// ---------------------------------------------------------------- L: biochemical progression dated at the first of two values
const bioRd = (rise1: string, rise2: string): Ev[] => {
  const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
  const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
  return [DX, S('2023-12-15', 2.0), U('2023-12-15', 50), med('Rd', '2024-01-01', RD_END), S('2024-02-01', 1.0), U('2024-02-01', 50), S('2024-03-01', 1.0), U('2024-03-01', 50),
    S('2024-06-15', 1.0), U('2024-06-15', 50), S(rise1, 1.5), U(rise1, 50), S(rise2, 1.6), U(rise2, 50)];
};
add({ id: 'L01', clause: '§4 PD dated at first of two consecutive rises; §1 within 60 days (day 60)', summary: 'Rd ends 06-30; rise 1.0→1.5 on +60, confirmed +75', events: bioRd(addD(RD_END, 60), addD(RD_END, 75)), asOf: '2024-10-01', read: (p) => `${drugRef('lenalidomide')(p)} ${status(p)}`, expected: 'true prim=false rr=true rel=false' });
add({ id: 'L02', clause: '§4/§1 first rise on day 61 → relapsed', summary: 'rise on +61, confirmed +75', events: bioRd(addD(RD_END, 61), addD(RD_END, 75)), asOf: '2024-10-01', read: (p) => `${drugRef('lenalidomide')(p)} ${status(p)}`, expected: 'false prim=false rr=false rel=true' });
add({ id: 'L03', clause: '§4 rise not confirmed → no progression; lenalidomide not refractory', summary: 'single rise on +30, then back to 1.0', events: (() => { const e = bioRd(addD(RD_END, 30), addD(RD_END, 45)); e.splice(e.length - 2, 2, lab(addD(RD_END, 45), 'serum m-protein', 1.0, 'g/dL'), lab(addD(RD_END, 45), 'urine m-protein', 50, 'mg/24h')); return e; })(), asOf: '2024-10-01', read: (p) => `${drugRef('lenalidomide')(p)} prog=${p.disease.progressions.length}`, expected: 'false prog=0' });

describe('stat31 disease status & refractoriness', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const asOf = c.asOf ?? '2025-06-01';
      const p = buildProfile(c.events, asOf, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p, asOf)).toEqual(c.expected);
    });
  }
});
