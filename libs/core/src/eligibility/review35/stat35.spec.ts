/**
 * stat35 — disease status and refractoriness (domain.md §1, §2; docs/clinical-core.md settings).
 * Expectations written from the definitions and the documented settings before reading the implementation.
 * Scratch review file; not committed.
 */
import { event, med, response, carT } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';
import { DEFAULT_SETTINGS, addDays } from '../../patient/settings';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type S = typeof DEFAULT_SETTINGS;
const AS_OF = '2025-06-01';
const R = (d: string, c: string) => response(d, c);
const aph = (d: string) => event('procedure', d, { kind: 'apheresis' });
const sett = (o: Partial<S>): S => ({ ...DEFAULT_SETTINGS, ...o });
const rule = (r: unknown) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const drugRef = (g: string) => (p: P) => p.drugs[g]?.refractory ?? 'absent';
const cls = (c: string, k: 'exposed' | 'refractory' | 'refractoryInLastLine' = 'refractory') => (p: P) => (p.classes as unknown as Record<string, Record<string, boolean> | undefined>)[c]?.[k] ?? 'absent';
const flag = (n: keyof P['flags']) => (p: P) => p.flags[n];
const status = (p: P) => `pr${+p.flags.primaryRefractory} rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed}`;
const eflag = (n: string) => rule({ fact: 'flag', name: n });

interface Case { id: string; clause: string; events: Ev[]; settings?: S; asOf?: string; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---------- §1 refractory: PD within 60 days of last dose (boundary) ----------
// Rd 2023-01-01..2023-12-31 with PR x2; PD reported at last dose + N days (2024 is a leap year: +60 = 2024-02-29).
const rdPR = () => [med('Rd', '2023-01-01', '2023-12-31', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR')];
for (const [id, n, refr] of [['W01', 0, true], ['W02', 59, true], ['W03', 60, true], ['W04', 61, false], ['W05', 90, false]] as Array<[string, number, boolean]>) {
  const pd = addDays('2023-12-31', n);
  add({ id: `${id}-len`, clause: `§1 refractory: PD within 60 days of last therapy (PD at last dose +${n} = ${pd})`, events: [...rdPR(), R(pd, 'PD')], read: drugRef('lenalidomide'), expected: refr });
  add({ id: `${id}-status`, clause: `§1 relapsed-and-refractory vs relapsed (PD at +${n}; MR reached before)`, events: [...rdPR(), R(pd, 'PD')], read: status, expected: refr ? 'pr0 rr1 r0' : 'pr0 rr0 r1' });
}
add({ id: 'W06-engine-progressionOnly', clause: '§1 PD at +60 via drugRefractory progressionOnly', events: [...rdPR(), R('2024-02-29', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }), expected: 'MET' });
add({ id: 'W07-engine-61', clause: '§1 PD at +61, documented (PR while given, relapse off therapy): not refractory', events: [...rdPR(), R('2024-03-01', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'NOT_MET' });
add({ id: 'W08-backtoback', clause: '§1/§2 last dose of back-to-back courses: Rd recorded as two courses, PD at second end +60',
  events: [med('Rd', '2023-01-01', '2023-06-30'), med('Rd', '2023-07-01', '2023-12-31'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-02-29', 'PD')], read: drugRef('lenalidomide'), expected: true });
add({ id: 'W09-on-therapy-status', clause: '§1 R&R: PD on therapy after PR', events: [med('Rd', '2023-01-01', null), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-10', 'PD')], read: status, expected: 'pr0 rr1 r0' });
add({ id: 'W10-refractoryWindow-30', clause: 'settings refractoryWindowDays=30: PD at +31 not refractory', settings: sett({ refractoryWindowDays: 30 }), events: [...rdPR(), R('2024-01-31', 'PD')], read: drugRef('lenalidomide'), expected: false });
add({ id: 'W11-refractoryWindow-30-at30', clause: 'settings refractoryWindowDays=30: PD at +30 refractory', settings: sett({ refractoryWindowDays: 30 }), events: [...rdPR(), R('2024-01-30', 'PD')], read: drugRef('lenalidomide'), expected: true });

// ---------- §1 nonresponsive (failure to reach MR while on therapy) ----------
const rdOn = (...ev: Ev[]) => [med('Rd', '2024-01-01', null), ...ev];
add({ id: 'N01-day56-SD', clause: '§1 nonresponsive; nonResponseMinDaysOngoing 56: SD at day 56', events: rdOn(R('2024-02-26', 'SD')), read: drugRef('lenalidomide'), expected: true });
add({ id: 'N02-day55-SD', clause: '§1 nonresponsive; SD only at day 55 (< 56)', events: rdOn(R('2024-02-25', 'SD')), read: drugRef('lenalidomide'), expected: false });
add({ id: 'N03-SD-primary', clause: '§1 primary refractory includes "no change" without PD, never MR', events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD')), read: status, expected: 'pr1 rr0 r0' });
add({ id: 'N04-MR-then-SD', clause: '§1 MR reached on therapy: not nonresponsive', events: rdOn(R('2024-02-01', 'MR'), R('2024-03-01', 'MR'), R('2024-04-01', 'SD')), read: drugRef('lenalidomide'), expected: false });
add({ id: 'N05-setting-off', clause: 'nonResponseIsRefractory=false: SD on therapy not refractory', settings: sett({ nonResponseIsRefractory: false }), events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD')), read: drugRef('lenalidomide'), expected: false });
add({ id: 'N06-progressionOnly', clause: 'criteria progressionOnly: nonresponse alone is not refractory', events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD')), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }), expected: 'NOT_MET' });
add({ id: 'N07-default-engine', clause: '§1 nonresponsive → drugRefractory MET', events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD')), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'N08-dex-carried', clause: '§1 per-drug: nonresponsive regimen makes every drug of it refractory (dex too, but dex is no class)', events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD')), read: (p) => `${p.drugs.dexamethasone?.refractory} IMID${+p.classes.IMID.refractory} PI${+p.classes.PI.refractory}`, expected: 'true IMID1 PI0' });
add({ id: 'N09-salvage-nonresp', clause: '§1 R&R: nonresponsive on salvage after MR earlier (progression off therapy)',
  events: [med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2024-01-01', 'PD'), med('KPd', '2024-01-10', null), R('2024-03-15', 'SD'), R('2024-04-15', 'SD')],
  read: status, expected: 'pr0 rr1 r0' });
add({ id: 'N10-salvage-nonresp-carf', clause: '§1 nonresponsive on salvage → carfilzomib refractory',
  events: [med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2024-01-01', 'PD'), med('KPd', '2024-01-10', null), R('2024-03-15', 'SD'), R('2024-04-15', 'SD')],
  read: drugRef('carfilzomib'), expected: true });

// ---------- §1 primary refractory / relapsed flags ----------
add({ id: 'S01-relapsed', clause: '§1 relapsed: PD off therapy >60 d after VGPR', events: [med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2024-01-15', 'PD')], read: status, expected: 'pr0 rr0 r1' });
add({ id: 'S02-rr-60', clause: '§1 PD at exactly 60 d after last dose (2023-06-30 → 2023-08-29)', events: [med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2023-08-29', 'PD')], read: status, expected: 'pr0 rr1 r0' });
add({ id: 'S03-rel-61', clause: '§1 PD at 61 d after last dose (2023-08-30)', events: [med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2023-08-30', 'PD')], read: status, expected: 'pr0 rr0 r1' });
add({ id: 'S04-primary-PD', clause: '§1 primary refractory: SD then frank PD on therapy, never MR', events: rdOn(R('2024-03-01', 'SD'), R('2024-04-01', 'SD'), R('2024-06-01', 'PD')), read: status, expected: 'pr1 rr0 r0' });
add({ id: 'S05-primary-then-salvage-PR', clause: '§1 never MR on line 1, PD, salvage PR and no PD since: none of the three (docs prog28 X29)',
  events: [med('Rd', '2023-01-01', '2023-06-10', { reasonStopped: 'progression' }), R('2023-03-01', 'SD'), R('2023-05-01', 'SD'), R('2023-06-01', 'PD'), med('KPd', '2023-06-15', null), R('2023-08-01', 'PR'), R('2023-09-01', 'PR')],
  read: status, expected: 'pr0 rr0 r0' });
add({ id: 'S06-primary-then-salvage-PR-PD', clause: '§1 R&R: MR on salvage, then PD on salvage',
  events: [med('Rd', '2023-01-01', '2023-06-10', { reasonStopped: 'progression' }), R('2023-03-01', 'SD'), R('2023-05-01', 'SD'), R('2023-06-01', 'PD'), med('KPd', '2023-06-15', null), R('2023-08-01', 'PR'), R('2023-09-01', 'PR'), R('2024-02-01', 'PD')],
  read: status, expected: 'pr0 rr1 r0' });
add({ id: 'S07-primary-offtherapy', clause: 'docs v16: never MR, PD long after therapy → primary refractory ("progressive disease")',
  events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'SD'), R('2023-05-01', 'SD'), R('2024-03-01', 'PD')], read: status, expected: 'pr1 rr0 r0' });
add({ id: 'S08-noassess-offtherapy-engine', clause: 'docs mrEverKnown false: PD long after therapy: primary/relapsed unknown, R&R not met',
  events: [med('Rd', '2023-01-01', '2023-06-30'), R('2024-03-01', 'PD')], read: (p) => ['primaryRefractory', 'relapsed', 'relapsedAndRefractory'].map((n) => eflag(n)(p)).join(' '), expected: 'UNKNOWN UNKNOWN NOT_MET' });
add({ id: 'S09-noassess-ontherapy-engine', clause: 'docs mrEverKnown false: PD on therapy: relapsed not met, primary/R&R unknown',
  events: [med('Rd', '2023-01-01', null), R('2023-09-01', 'PD')], read: (p) => ['primaryRefractory', 'relapsed', 'relapsedAndRefractory'].map((n) => eflag(n)(p)).join(' '), expected: 'UNKNOWN NOT_MET UNKNOWN' });
add({ id: 'S10-noPD', clause: '§1 no progression: none of the three (response ongoing)', events: rdOn(R('2024-03-01', 'PR'), R('2024-04-01', 'PR')), read: status, expected: 'pr0 rr0 r0' });
add({ id: 'S11-relapsed-then-salvage', clause: '§1 relapsed stays relapsed while salvage responds',
  events: [med('VRd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'VGPR'), R('2023-05-01', 'VGPR'), R('2024-01-15', 'PD'), med('KPd', '2024-01-25', null), R('2024-03-01', 'PR'), R('2024-04-01', 'PR')], read: status, expected: 'pr0 rr0 r1' });
add({ id: 'S12-rr-then-salvage', clause: 'docs v7: PD on VRd after PR, salvage responds: stays R&R',
  events: [med('VRd', '2023-01-01', null), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-09-01', 'PD'), med('KPd', '2023-09-10', null), R('2023-11-01', 'PR'), R('2023-12-01', 'PR')], read: status, expected: 'pr0 rr1 r0' });
add({ id: 'S13-MR-counts', clause: '§1 MR (not PR) is enough for R&R: MR then PD on therapy', events: rdOn(R('2024-03-01', 'MR'), R('2024-04-01', 'MR'), R('2024-06-01', 'PD')), read: status, expected: 'pr0 rr1 r0' });
add({ id: 'S14-SD-PD-within60-offtherapy-MR', clause: '§1 R&R: MR, stopped, PD 45 d later', events: [med('Rd', '2024-01-01', '2024-04-30'), R('2024-03-01', 'MR'), R('2024-04-01', 'MR'), R('2024-06-14', 'PD')], read: status, expected: 'pr0 rr1 r0' });

// ---------- early progression belongs to the therapy before (earlyProgressionDays 14) ----------
const rdThenKpd = (pd: string) => [med('Rd', '2023-01-01', '2023-12-31'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), med('KPd', '2024-03-15', null), R(pd, 'PD')];
add({ id: 'E01-day5-carf', clause: 'earlyProgressionDays: PD 5 d after KPd start prompted it: carfilzomib not refractory', events: rdThenKpd('2024-03-20'), read: drugRef('carfilzomib'), expected: false });
add({ id: 'E02-day5-status', clause: '§1: PD 80 d after Rd, prompting KPd: relapsed', events: rdThenKpd('2024-03-20'), read: status, expected: 'pr0 rr0 r1' });
add({ id: 'E03-day14-carf', clause: 'earlyProgressionDays: PD 14 d after start (≤14) still prompted it', events: rdThenKpd('2024-03-29'), read: drugRef('carfilzomib'), expected: false });
add({ id: 'E04-day15-carf', clause: 'PD 15 d after KPd start: on therapy → carfilzomib refractory', events: rdThenKpd('2024-03-30'), read: drugRef('carfilzomib'), expected: true });
add({ id: 'E05-day15-status', clause: '§1 R&R: PD on KPd (after MR on Rd)', events: rdThenKpd('2024-03-30'), read: status, expected: 'pr0 rr1 r0' });
add({ id: 'E06-early-engine-unknown', clause: 'criteria-language: PD in first 14 days says nothing of KPd: drugRefractory carfilzomib UNKNOWN', events: rdThenKpd('2024-03-20'), read: rule({ fact: 'drugRefractory', drug: 'carfilzomib' }), expected: 'UNKNOWN' });
add({ id: 'E07-early-makes-prior-refr', clause: 'earlyProgressionDays: PD in next line first days makes prior therapy refractory when within its 60 d',
  events: [med('Rd', '2023-01-01', '2024-03-01'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), med('KPd', '2024-03-15', null), R('2024-03-20', 'PD')], read: drugRef('lenalidomide'), expected: true });

// ---------- MAMMOTH minimum exposure (minExposureDaysForRefractoriness, minExposureClasses) ----------
const M28 = sett({ minExposureDaysForRefractoriness: 28 });
const daraPd = (daraEnd: string, pd: string, extra: Ev[] = []) => [med('daratumumab', '2024-01-01', daraEnd), med('Pd', '2024-01-01', daraEnd), R(pd, 'PD'), ...extra];
add({ id: 'M01-22d-dara', clause: '§1 MAMMOTH ≥4 weeks: dara days 1..22 (22 d), PD 2024-01-20: not refractory', settings: M28, events: daraPd('2024-01-22', '2024-01-20'), read: drugRef('daratumumab'), expected: false });
add({ id: 'M02-22d-pom', clause: 'minExposureClasses [ANTI_CD38]: pomalidomide not held to the minimum', settings: M28, events: daraPd('2024-01-22', '2024-01-20'), read: drugRef('pomalidomide'), expected: true });
add({ id: 'M03-28d', clause: 'minimum 28: dara days 1..28 (28 d counted), PD after', settings: M28, events: daraPd('2024-01-28', '2024-02-10'), read: drugRef('daratumumab'), expected: true });
add({ id: 'M04-27d', clause: 'minimum 28: dara days 1..27 (27 d), PD after', settings: M28, events: daraPd('2024-01-27', '2024-02-10'), read: drugRef('daratumumab'), expected: false });
add({ id: 'M05-27d-default', clause: 'default minimum 0: 27 d then PD within 60 d → refractory', events: daraPd('2024-01-27', '2024-02-10'), read: drugRef('daratumumab'), expected: true });
add({ id: 'M06-allclasses', clause: 'minExposureClasses null: pomalidomide held to 28 too', settings: sett({ minExposureDaysForRefractoriness: 28, minExposureClasses: null }), events: daraPd('2024-01-27', '2024-02-10'), read: drugRef('pomalidomide'), expected: false });
add({ id: 'M07-early-PD-continued', clause: 'v15: PD before minimum, dara given on past it with no response since → refractory', settings: M28, events: daraPd('2024-03-31', '2024-01-20'), read: drugRef('daratumumab'), expected: true });
add({ id: 'M08-early-PD-then-PR', clause: 'v16: PD before minimum, then PR on dara → that PD does not count', settings: M28, events: daraPd('2024-03-31', '2024-01-20', [R('2024-02-15', 'PR'), R('2024-03-15', 'PR')]), read: drugRef('daratumumab'), expected: false });
add({ id: 'M09-class-28', clause: 'classRefractory ANTI_CD38 under minimum: not met', settings: M28, events: daraPd('2024-01-22', '2024-01-20'), read: cls('ANTI_CD38'), expected: false });
add({ id: 'M10-PD-day-27-of-28-course', clause: 'v10: minimum counts course first day as day 1 for the PD: PD on day 28 (2024-01-28) of a long course → reached', settings: M28, events: daraPd('2024-06-30', '2024-01-28'), read: drugRef('daratumumab'), expected: true });

// ---------- maintenance flag ----------
const vrdAsctLen = (pd: string) => [med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), event('procedure', '2023-06-01', { kind: 'autologous-sct' }), med('lenalidomide', '2023-08-01', null, { intent: 'maintenance' }),
  R('2023-03-01', 'PR'), R('2023-04-15', 'PR'), R('2023-09-01', 'VGPR'), R('2023-10-01', 'VGPR'), R(pd, 'PD')];
add({ id: 'MT01-len-refr', clause: '§1 PD on lenalidomide maintenance → refractory', events: vrdAsctLen('2024-06-01'), read: drugRef('lenalidomide'), expected: true });
add({ id: 'MT02-only-maint', clause: '§1 flag refractoriness at maintenance dose', events: vrdAsctLen('2024-06-01'), read: (p) => p.drugs.lenalidomide!.refractoryOnlyAtMaintenance, expected: true });
add({ id: 'MT03-excludeMaint', clause: 'criteria excludeMaintenanceOnly: not met', events: vrdAsctLen('2024-06-01'), read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }), expected: 'NOT_MET' });
add({ id: 'MT04-bortez', clause: '§1 per drug: bortezomib last dose 13 months before PD → not refractory', events: vrdAsctLen('2024-06-01'), read: drugRef('bortezomib'), expected: false });
add({ id: 'MT05-double', clause: '§2 double-refractory needs PI refractory: false', events: vrdAsctLen('2024-06-01'), read: flag('doubleRefractory'), expected: false });
add({ id: 'MT06-status', clause: '§1 R&R: PD on maintenance after VGPR', events: vrdAsctLen('2024-06-01'), read: status, expected: 'pr0 rr1 r0' });
add({ id: 'MT07-lines', clause: '§3 induction→ASCT→maintenance one line', events: vrdAsctLen('2024-06-01'), read: (p) => p.linesOfTherapy.count, expected: 1 });

// ---------- dropped drug: line-level vs drug-level ----------
const dexOn = [med('lenalidomide', '2023-01-01', '2023-12-31'), med('dexamethasone', '2023-01-01', '2024-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-06-15', 'PD')];
add({ id: 'DX01-len', clause: '§1 per drug: lenalidomide dropped 167 d before PD → not refractory', events: dexOn, read: drugRef('lenalidomide'), expected: false });
add({ id: 'DX02-imid', clause: '§2 dexamethasone is not a class drug: IMID not refractory', events: dexOn, read: cls('IMID'), expected: false });
add({ id: 'DX03-dex', clause: '§1 dex refractory (PD on it)', events: dexOn, read: drugRef('dexamethasone'), expected: true });

// ---------- §2 exposure thresholds ----------
add({ id: 'X01-one-dose', clause: '§2 exposed default ≥1 dose', events: [med('lenalidomide', '2024-01-01', '2024-01-01')], read: rule({ fact: 'drugExposed', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'X02-stored', clause: '§2 store first/last dose, cycles', events: [med('Rd', '2023-01-01', '2023-03-25', { cycles: 3 }), med('Rd', '2023-04-01', '2023-06-24', { cycles: 3 })], read: (p) => { const d = p.drugs.lenalidomide!; return `${d.firstDose} ${d.lastDose} ${d.cycles}`; }, expected: '2023-01-01 2023-06-24 6' });
const twoCourses = (gapStart: string) => [med('Rd', '2023-01-01', '2023-01-28', { cycles: 1 }), med('Rd', gapStart, addDays(gapStart, 27), { cycles: 1 })];
add({ id: 'X03-consec-28', clause: '§2 ≥2 consecutive cycles: second course 28 d after first last dose (within window)', events: twoCourses('2023-02-25'), read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }), expected: 'MET' });
add({ id: 'X04-consec-29', clause: '§2 ≥2 consecutive cycles: 29 d gap breaks the run', events: twoCourses('2023-02-26'), read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }), expected: 'NOT_MET' });
add({ id: 'X05-nonconsec-total', clause: '§2 ≥2 cycles (not consecutive): met with a gap', events: twoCourses('2023-06-01'), read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2 }), expected: 'MET' });
add({ id: 'X06-consec-nocycles', clause: '§2 cycles not recorded: ≥2 consecutive cycles unknown', events: [med('lenalidomide', '2024-01-01', '2024-03-01')], read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }), expected: 'UNKNOWN' });
add({ id: 'X07-minDays-28', clause: 'criteria minDays 28: days 1..28', events: [med('lenalidomide', '2024-01-01', '2024-01-28')], read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minDays: 28 }), expected: 'MET' });
add({ id: 'X08-minDays-27', clause: 'criteria minDays 28: days 1..27', events: [med('lenalidomide', '2024-01-01', '2024-01-27')], read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minDays: 28 }), expected: 'NOT_MET' });
add({ id: 'X09-class-consec-anyDrug', clause: '§2 MagnetisMM-32 anti-CD38 ≥2 consecutive cycles: isatuximab 2 cycles', events: [med('isatuximab', '2024-01-01', '2024-02-25', { cycles: 2 })], read: rule({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }), expected: 'MET' });
add({ id: 'X10-dara-sc', clause: '§2 daratumumab SC is anti-CD38', events: [med('daratumumab-hyaluronidase-fihj', '2024-01-01', '2024-02-25')], read: cls('ANTI_CD38', 'exposed'), expected: true });

// ---------- §2 class composition ----------
add({ id: 'C01-celmod-not-imid', clause: '§2 CELMoDs not IMiD by default', events: [med('iberdomide', '2024-01-01', null)], read: rule({ fact: 'classExposed', class: 'IMID' }), expected: 'NOT_MET' });
add({ id: 'C02-celmod-class', clause: '§2 iberdomide/mezigdomide are CELMOD', events: [med('mezigdomide', '2024-01-01', null)], read: (p) => `${+p.classes.CELMOD.exposed}${+p.classes.IMID.exposed}`, expected: '10' });
add({ id: 'C03-tce', clause: '§2 TCE: thalidomide + ixazomib + isatuximab', events: [med('thalidomide', '2022-01-01', '2022-06-01'), med('ixazomib', '2023-01-01', '2023-06-01'), med('isatuximab', '2024-01-01', '2024-06-01')], read: flag('tripleClassExposed'), expected: true });
add({ id: 'C04-tce-celmod', clause: '§2 TCE not met with iberdomide as the only IMiD-like drug', events: [med('iberdomide', '2022-01-01', '2022-06-01'), med('bortezomib', '2023-01-01', '2023-06-01'), med('daratumumab', '2024-01-01', '2024-06-01')], read: flag('tripleClassExposed'), expected: false });
add({ id: 'C05-tce-dex', clause: '§2 dexamethasone no class: Vd + dara + dex ≠ TCE', events: [med('Vd', '2023-01-01', '2023-06-01'), med('daratumumab', '2024-01-01', '2024-06-01')], read: flag('tripleClassExposed'), expected: false });
const five = [med('VRd', '2020-01-01', '2020-06-30'), med('KPd', '2021-01-01', '2021-06-30'), med('daratumumab', '2022-01-01', '2022-06-30')];
add({ id: 'C06-penta-exposed', clause: '§2 penta-exposed V,K,R,P + anti-CD38', events: five, read: flag('pentaExposed'), expected: true });
add({ id: 'C07-penta-exposed-ixa', clause: '§2 penta-exposed needs carfilzomib, not ixazomib', events: [med('VRd', '2020-01-01', '2020-06-30'), med('IxaPd', '2021-01-01', '2021-06-30'), med('ixazomib', '2021-01-01', '2021-06-30'), med('pomalidomide', '2021-01-01', '2021-06-30'), med('daratumumab', '2022-01-01', '2022-06-30')], read: flag('pentaExposed'), expected: false });
add({ id: 'C08-penta-exposed-thal', clause: '§2 penta-exposed needs lenalidomide: thalidomide in its place', events: [med('bortezomib', '2020-01-01', '2020-06-30'), med('thalidomide', '2020-01-01', '2020-06-30'), med('KPd', '2021-01-01', '2021-06-30'), med('daratumumab', '2022-01-01', '2022-06-30')], read: flag('pentaExposed'), expected: false });

// refractory chains: each line ended by PD on therapy after PR
const onPD = (reg: string, s: string, e: string, pd: string, resp = true) => [med(reg, s, e, { reasonStopped: 'progression' }), ...(resp ? [R(addDays(s, 45), 'PR'), R(addDays(s, 75), 'PR')] : []), R(pd, 'PD')];
const pentaR = [...onPD('VRd', '2020-01-01', '2020-12-31', '2020-12-20'), ...onPD('KPd', '2021-01-05', '2021-12-31', '2021-12-20'), ...onPD('daratumumab', '2022-01-05', '2022-12-31', '2022-12-20')];
add({ id: 'C09-penta-refr', clause: '§2 penta-refractory: V,R (line1), K,P (line2), dara (line3) each PD on therapy', events: pentaR, read: flag('pentaRefractory'), expected: true });
add({ id: 'C10-tcr', clause: '§2 TCR', events: pentaR, read: flag('tripleClassRefractory'), expected: true });
add({ id: 'C11-double', clause: '§2 double-refractory', events: pentaR, read: flag('doubleRefractory'), expected: true });
add({ id: 'C12-quad-PI2', clause: '§2 quad counts: classRefractory PI minDrugs 2', events: pentaR, read: rule({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }), expected: 'MET' });
const pentaMinusK = [...onPD('VRd', '2020-01-01', '2020-12-31', '2020-12-20'), med('KPd', '2021-01-05', '2021-06-30', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-04-01', 'PR'), R('2021-12-20', 'PD'), ...onPD('Pd', '2022-01-05', '2022-12-31', '2022-12-20'), med('daratumumab', '2022-01-05', '2022-12-31')];
add({ id: 'C13-penta-minusK', clause: '§2 carfilzomib not refractory (PD 173 d after) → not penta-refractory', events: pentaMinusK, read: flag('pentaRefractory'), expected: false });
add({ id: 'C14-quad-PI2-minusK', clause: '§2 counts: only 1 PI refractory', events: pentaMinusK, read: rule({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }), expected: 'NOT_MET' });
add({ id: 'C15-quad-IMID2', clause: '§2 counts: 2 IMiDs refractory (len line1, pom line3)', events: pentaMinusK, read: rule({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }), expected: 'MET' });
add({ id: 'C16-tcr-minusK', clause: '§2 TCR still (V, R/P, dara)', events: pentaMinusK, read: flag('tripleClassRefractory'), expected: true });
add({ id: 'C17-double-separate-lines', clause: '§2 double-refractory across lines: Rd refractory, later Vd refractory',
  events: [...onPD('Rd', '2021-01-01', '2021-12-31', '2021-12-20'), ...onPD('Vd', '2022-01-05', '2022-12-31', '2022-12-20')], read: flag('doubleRefractory'), expected: true });
add({ id: 'C18-tcr-cd38-not-refr', clause: 'criteria: anti-CD38 known not refractory settles TCR not met even with other classes unknown',
  events: [med('Rd', '2021-01-01', '2021-06-30'), med('Vd', '2021-09-01', '2021-12-31'), med('daratumumab', '2022-03-01', '2022-08-31', { reasonStopped: 'completed' }), R('2022-05-01', 'PR'), R('2022-07-01', 'PR'), R('2024-06-01', 'PD')],
  read: eflag('tripleClassRefractory'), expected: 'NOT_MET' });
add({ id: 'C19-iberdomide-refr-not-imid', clause: '§2 CELMoD refractory is not IMiD refractory', events: onPD('iberdomide', '2024-01-01', '2024-06-30', '2024-06-20'), read: (p) => `${+p.classes.CELMOD.refractory}${+p.classes.IMID.refractory}`, expected: '10' });

// ---------- engine three-valued ----------
add({ id: 'U01-no-assess', clause: 'criteria: exposed, no response/progression → refractory unknown', events: [med('Rd', '2023-01-01', '2023-06-30'), med('KPd', '2023-09-01', null), R('2023-11-01', 'PR'), R('2024-01-01', 'PR')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'U02-class-no-assess', clause: 'criteria: IMID class refractory unknown', events: [med('Rd', '2023-01-01', '2023-06-30'), med('KPd', '2023-09-01', null), R('2023-11-01', 'PR'), R('2024-01-01', 'PR')], read: rule({ fact: 'classRefractory', class: 'IMID' }), expected: 'UNKNOWN' });
add({ id: 'U03-pd-day14', clause: 'criteria: PD at day 14 of first course says nothing: unknown', events: [med('Rd', '2023-01-01', null), R('2023-01-15', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'U04-pd-day15', clause: '§1 PD at day 15 on therapy → refractory met', events: [med('Rd', '2023-01-01', null), R('2023-01-16', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'U05-documented-no', clause: 'criteria: PR while given, relapse off therapy → not refractory known', events: [med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-06-01', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'NOT_MET' });
add({ id: 'U06-rtll-unassessed', clause: 'criteria: refractoryToLastLine unknown while last line not assessed since first days',
  events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('KPd', '2024-01-10', null)], read: eflag('refractoryToLastLine'), expected: 'UNKNOWN' });
add({ id: 'U07-rtll-met', clause: '§1 refractory to last line: PD on KPd', events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('KPd', '2024-01-10', null), R('2024-05-01', 'PD')], read: eflag('refractoryToLastLine'), expected: 'MET' });
add({ id: 'U08-rtll-notmet', clause: '§1 not refractory to last line: PR on KPd, no PD', events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('KPd', '2024-01-10', null), R('2024-03-01', 'PR'), R('2024-04-01', 'PR')], read: eflag('refractoryToLastLine'), expected: 'NOT_MET' });
add({ id: 'U09-lastLine-scope', clause: 'criteria scope lastLine: len refractory in line 1 only → not in last line', events: [...onPD('Rd', '2021-01-01', '2021-12-31', '2021-12-20'), med('Vd', '2022-01-05', null), R('2022-03-01', 'PR'), R('2022-04-01', 'PR')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }), expected: 'NOT_MET' });
add({ id: 'U10-relapse-after-new-course', clause: 'criteria: drug begun again after the latest assessment → not known non-refractory',
  events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('Rd', '2024-01-10', null)], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });

// ---------- stopped for progression without an end ----------
const spNoEnd = [med('Rd', '2023-01-01', null, { reasonStopped: 'progression' }), R('2023-03-01', 'PR'), R('2023-04-01', 'PR'), med('KPd', '2023-09-01', null), R('2023-11-01', 'PR'), R('2024-01-01', 'PR')];
add({ id: 'SP01-len', clause: 'v16: stopped for progression without end → refractory', events: spNoEnd, read: drugRef('lenalidomide'), expected: true });
add({ id: 'SP02-lastDoseUnknown', clause: 'v16: last dose not known, lines 2', events: spNoEnd, read: (p) => `${p.drugs.lenalidomide!.lastDoseUnknown} ${p.linesOfTherapy.count}`, expected: 'true 2' });
add({ id: 'SP03-status', clause: '§1: progressed on Rd after PR (stop for progression), salvage responds → R&R', events: spNoEnd, read: status, expected: 'pr0 rr1 r0' });
add({ id: 'SP04-carf', clause: '§1 KPd responded, no PD: not refractory', events: spNoEnd, read: drugRef('carfilzomib'), expected: false });
const spTox = [med('Rd', '2023-01-01', null, { reasonStopped: 'toxicity' }), R('2023-02-15', 'PR'), R('2023-03-15', 'PR'), R('2023-06-01', 'PD')];
add({ id: 'SP05-tox-PAL', clause: 'criteria v17: stopped (toxicity) without end: PD >60 d after start → progressionAfterLastLine ≤60 d unknown', events: spTox, read: rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }), expected: 'UNKNOWN' });
add({ id: 'SP06-tox-drugRefr', clause: '§1: last dose unknown, PD 151 d after start: refractoriness undecidable', events: spTox, read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'SP07-tox-relapsed', clause: '§1: relapsed vs R&R undecidable when last dose unknown', events: spTox, read: (p) => `${eflag('relapsed')(p)} ${eflag('relapsedAndRefractory')(p)}`, expected: 'UNKNOWN UNKNOWN' });
const spCart = [med('Pd', '2023-01-01', null, { reasonStopped: 'progression' }), R('2023-02-15', 'PR'), R('2023-03-15', 'PR'), aph('2023-05-01'), carT('2023-06-01', 'cilta-cel'), R('2023-08-01', 'CR'), R('2023-10-01', 'CR')];
add({ id: 'SP08-cart-pom', clause: 'v17: stopped for progression, no end, then CAR-T: pomalidomide refractory', events: spCart, read: drugRef('pomalidomide'), expected: true });
add({ id: 'SP09-cart-status', clause: '§1: PD on Pd after PR → R&R; CAR-T CR does not undo (classed by latest progression)', events: spCart, read: status, expected: 'pr0 rr1 r0' });
add({ id: 'SP10-withEnd', clause: 'v10: stopped for progression with end, no PD on record → refractory', events: [med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'progression' }), R('2023-03-01', 'PR'), R('2023-04-01', 'PR')], read: (p) => `${p.drugs.lenalidomide!.refractory} ${status(p)}`, expected: 'true pr0 rr1 r0' });

// ---------- CAR-T lines with bridging ----------
const preCart = [med('DRd', '2022-01-01', '2023-01-20', { reasonStopped: 'progression' }), R('2022-04-01', 'PR'), R('2022-06-01', 'PR'), R('2023-01-10', 'PD'),
  aph('2023-02-01'), med('Pd', '2023-02-05', '2023-03-10', { intent: 'bridging' }), R('2023-03-05', 'PD'),
  med('fludarabine', '2023-03-15', '2023-03-17', { intent: 'lymphodepletion' }), med('cyclophosphamide', '2023-03-15', '2023-03-17', { intent: 'lymphodepletion' }), carT('2023-03-20', 'cilta-cel')];
const ct1 = [...preCart, R('2023-06-01', 'CR'), R('2023-09-01', 'CR'), R('2025-03-01', 'PD')];
add({ id: 'CT01-lines', clause: '§3 bridging + lymphodepletion part of the CAR-T line', events: ct1, read: (p) => p.linesOfTherapy.count, expected: 2 });
add({ id: 'CT02-pom', clause: '§1 bridging failed (PD on Pd) → pomalidomide refractory', events: ct1, read: drugRef('pomalidomide'), expected: true });
add({ id: 'CT03-cart-not-refr', clause: 'CR on product, PD ~2 y later → CAR-T not refractory', events: ct1, read: cls('BCMA_CAR_T'), expected: false });
add({ id: 'CT04-status', clause: '§1 relapsed: PD off therapy ~2 y after infusion, after CR', events: ct1, read: status, expected: 'pr0 rr0 r1' });
add({ id: 'CT05-rtll', clause: 'v17: bridging failed then CR on the CAR-T: line responded → not refractory to last line (contestable)', events: ct1, read: flag('refractoryToLastLine'), expected: false });
add({ id: 'CT06-cyclo', clause: 'lymphodepletion never refractory', events: ct1, read: drugRef('cyclophosphamide'), expected: false });
add({ id: 'CT07-42d-noresp', clause: 'PD 42 d after infusion, no response → CAR-T refractory, R&R', events: [...preCart, R('2023-05-01', 'PD')], read: (p) => `${+p.classes.BCMA_CAR_T.refractory} ${status(p)}`, expected: '1 pr0 rr1 r0' });
add({ id: 'CT08-60d-PR', clause: 'v13: PD 60 d after infusion (2023-05-19), PR between → refractory anyway (within window)', events: [...preCart, R('2023-04-20', 'PR'), R('2023-05-19', 'PD')], read: (p) => `${+p.classes.BCMA_CAR_T.refractory} ${status(p)}`, expected: '1 pr0 rr1 r0' });
add({ id: 'CT09-61d-PR', clause: 'PD 61 d after infusion (2023-05-20), PR between → not refractory, relapsed', events: [...preCart, R('2023-04-20', 'PR'), R('2023-05-20', 'PD')], read: (p) => `${+p.classes.BCMA_CAR_T.refractory} ${status(p)}`, expected: '0 pr0 rr0 r1' });
add({ id: 'CT10-73d-noresp', clause: 'PD 73 d after infusion, no response between → CAR-T refractory (nonresponsive)', events: [...preCart, R('2023-04-20', 'SD'), R('2023-06-01', 'PD')], read: (p) => `${+p.classes.BCMA_CAR_T.refractory} ${status(p)}`, expected: '1 pr0 rr1 r0' });
add({ id: 'CT11-day5', clause: 'PD 5 d after infusion is the product\'s (however soon) → refractory', events: [...preCart, R('2023-03-25', 'PD')], read: cls('BCMA_CAR_T'), expected: true });
add({ id: 'CT12-salvage-after', clause: 'CR on CAR-T, PD years later, teclistamab salvage: 3 lines, relapsed', events: [...ct1, med('teclistamab', '2025-03-10', null)], read: (p) => `${p.linesOfTherapy.count} ${status(p)}`, expected: '3 pr0 rr0 r1' });
add({ id: 'CT13-priorLines-engine', clause: '§3 priorLines = 2 for bridging+CAR-T history', events: ct1, read: rule({ fact: 'priorLines', min: 2, max: 2 }), expected: 'MET' });
add({ id: 'CT14-rtll-engine', clause: 'engine refractoryToLastLine: CR on CAR-T then PD years later → not met', events: ct1, read: eflag('refractoryToLastLine'), expected: 'NOT_MET' });


// ---------- added after the first run (same method: expectations from the definitions) ----------
add({ id: 'SP11-tox-noend-PD50', clause: '§1: stopped (toxicity) without end, SD then PD 50 d after start: within 60 d of any possible last dose → refractory',
  events: [med('Rd', '2023-01-01', null, { reasonStopped: 'toxicity' }), R('2023-02-10', 'SD'), R('2023-02-20', 'PD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'MET' });
add({ id: 'SP12-engine-rr', clause: '§1 engine: stopped for progression (no end) after PR, salvage PR → relapsedAndRefractory MET', events: spNoEnd, read: eflag('relapsedAndRefractory'), expected: 'MET' });
add({ id: 'SP13-tox-noend-next', clause: '§1: stopped (toxicity) without end, PD 151 d after start, before next line: lenalidomide refractoriness unknown',
  events: [med('Rd', '2023-01-01', null, { reasonStopped: 'toxicity' }), R('2023-02-15', 'PR'), R('2023-03-15', 'PR'), R('2023-06-01', 'PD'), med('KPd', '2023-06-10', null), R('2023-08-01', 'PR'), R('2023-09-01', 'PR')],
  read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'SP14-prog-noend-next-relapsed', clause: '§1: stopped for progression (no end) after PR: not relapsed (progressed on therapy)', events: spNoEnd, read: eflag('relapsed'), expected: 'NOT_MET' });
add({ id: 'CT15-primary-then-cart-CR-PD', clause: '§1: never MR before CAR-T, CR on it, PD 2 y later off therapy → relapsed',
  events: [med('KPd', '2022-01-01', '2022-12-20', { reasonStopped: 'progression' }), R('2022-03-01', 'SD'), R('2022-05-01', 'SD'), R('2022-12-10', 'PD'), aph('2023-01-05'), med('Pd', '2023-01-10', '2023-02-20', { intent: 'bridging' }), R('2023-02-15', 'PD'), carT('2023-03-01', 'ide-cel'), R('2023-05-01', 'CR'), R('2023-07-01', 'CR'), R('2025-03-01', 'PD')],
  read: status, expected: 'pr0 rr0 r1' });
add({ id: 'CT16-never-MR-cart', clause: '§1 primary refractory: never MR on any therapy incl. CAR-T (SD), PD 100 d after infusion',
  events: [med('KPd', '2022-01-01', '2022-12-20', { reasonStopped: 'progression' }), R('2022-03-01', 'SD'), R('2022-05-01', 'SD'), R('2022-12-10', 'PD'), aph('2023-01-05'), carT('2023-03-01', 'ide-cel'), R('2023-05-01', 'SD'), R('2023-06-09', 'PD')],
  read: status, expected: 'pr1 rr0 r0' });
add({ id: 'S15-untreated', clause: '§1 relapsed needs previously treated MM: PD with no therapy → none', events: [R('2024-01-01', 'SD'), R('2024-03-01', 'PD')], read: status, expected: 'pr0 rr0 r0' });

// ---------- batch 3 ----------
const asct = (d: string) => event('procedure', d, { kind: 'autologous-sct' });
const indAsct = (pd: string) => [med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), R('2023-03-01', 'PR'), R('2023-04-15', 'PR'), asct('2023-06-01'), R(pd, 'PD')];
add({ id: 'T01-asct-54', clause: '§1 PD 54 d after ASCT (last therapy), 86 d after VRd → R&R', events: indAsct('2023-07-25'), read: status, expected: 'pr0 rr1 r0' });
add({ id: 'T02-asct-60', clause: '§1 PD exactly 60 d after ASCT (2023-07-31) → R&R', events: indAsct('2023-07-31'), read: status, expected: 'pr0 rr1 r0' });
add({ id: 'T03-asct-61', clause: '§1 PD 61 d after ASCT (2023-08-01) → relapsed', events: indAsct('2023-08-01'), read: status, expected: 'pr0 rr0 r1' });
add({ id: 'T04-asct-bortez', clause: '§1 per drug: bortezomib last dose 86 d before PD → not refractory', events: indAsct('2023-07-25'), read: drugRef('bortezomib'), expected: false });
add({ id: 'H01-hold', clause: '§3 hold <60 d then PD on the same Rd → refractory, 1 line', events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), med('Rd', '2023-08-15', null), R('2023-10-01', 'PD')], read: (p) => `${p.drugs.lenalidomide!.refractory} ${p.linesOfTherapy.count}`, expected: 'true 1' });
add({ id: 'H02-retreat', clause: '§1/§3 relapse off therapy, Rd re-treatment, PD on it → len refractory, 2 lines, R&R', events: [med('Rd', '2023-01-01', '2023-06-30'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2024-01-01', 'PD'), med('Rd', '2024-01-10', null), R('2024-03-01', 'PR'), R('2024-04-01', 'PR'), R('2024-06-01', 'PD')], read: (p) => `${p.drugs.lenalidomide!.refractory} ${p.linesOfTherapy.count} ${status(p)}`, expected: 'true 2 pr0 rr1 r0' });
add({ id: 'H03-next-line-first', clause: 'docs: PD 46 d after Rd last dose but 36 d into KPd → on KPd, not lenalidomide', events: [med('Rd', '2023-01-01', '2023-12-31'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), med('KPd', '2024-01-10', null), R('2024-02-15', 'PD')], read: (p) => `${p.drugs.lenalidomide!.refractory} ${p.drugs.carfilzomib!.refractory}`, expected: 'false true' });
add({ id: 'H04-tox-short', clause: 'v9: stopped for toxicity after 40 d with SD: no trial long enough → not refractory', events: [med('Rd', '2024-01-01', '2024-02-09', { reasonStopped: 'toxicity' }), R('2024-02-05', 'SD')], read: drugRef('lenalidomide'), expected: false });
add({ id: 'H05-tox-long', clause: 'v9: stopped for toxicity after SD at day 58 → nonresponsive', events: [med('Rd', '2024-01-01', '2024-03-10', { reasonStopped: 'toxicity' }), R('2024-02-28', 'SD')], read: drugRef('lenalidomide'), expected: true });
add({ id: 'H06-resp-after-last-dose', clause: 'docs: response reported after last dose before next line counts as reached on it', events: [med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-05-01', 'SD'), R('2023-07-15', 'PR'), R('2023-08-15', 'PR')], read: drugRef('lenalidomide'), expected: false });
add({ id: 'H07-carried-DRd', clause: 'docs v12: Rd with SD 6 months, dara added, D-Rd PR → lenalidomide refractory', events: [med('Rd', '2023-01-01', null), R('2023-04-01', 'SD'), R('2023-06-01', 'SD'), med('daratumumab', '2023-07-01', null), R('2023-09-01', 'PR'), R('2023-10-01', 'PR')], read: (p) => `${p.drugs.lenalidomide!.refractory} ${p.drugs.daratumumab!.refractory}`, expected: 'true false' });
add({ id: 'U11-double-unknown', clause: 'criteria: doubleRefractory unknown while PI refractoriness not documented', events: [...onPD('Rd', '2021-01-01', '2021-12-31', '2021-12-20'), med('Vd', '2022-01-05', '2022-06-30'), med('Pd', '2022-09-01', null), R('2022-11-01', 'PR'), R('2022-12-01', 'PR')], read: eflag('doubleRefractory'), expected: 'UNKNOWN' });
add({ id: 'U12-double-met', clause: '§2 engine doubleRefractory MET', events: [...onPD('Rd', '2021-01-01', '2021-12-31', '2021-12-20'), ...onPD('Vd', '2022-01-05', '2022-12-31', '2022-12-20')], read: eflag('doubleRefractory'), expected: 'MET' });
add({ id: 'U13-tcr-cd38-undoc', clause: 'criteria: TCR unknown while anti-CD38 (last) not yet assessed', events: [...onPD('VRd', '2021-01-01', '2021-12-31', '2021-12-20'), med('daratumumab', '2022-01-05', null)], read: eflag('tripleClassRefractory'), expected: 'UNKNOWN' });
add({ id: 'U14-classRefr-lastLine', clause: 'criteria classRefractory scope lastLine: PI refractory in last line', events: [...onPD('Rd', '2021-01-01', '2021-12-31', '2021-12-20'), ...onPD('Vd', '2022-01-05', '2022-12-31', '2022-12-20')], read: (p) => `${rule({ fact: 'classRefractory', class: 'PI', scope: 'lastLine' })(p)} ${rule({ fact: 'classRefractory', class: 'IMID', scope: 'lastLine' })(p)}`, expected: 'MET NOT_MET' });

describe('stat35 disease status and refractoriness', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.clause}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
