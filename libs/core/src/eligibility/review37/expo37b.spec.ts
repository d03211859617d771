/**
 * expo37 part 2 — subtler combinations: duplicate records inside runs, early-progression boundary vs class
 * refractoriness, nonresponse boundary, drugs dropped from a regimen, more regimen texts. Written before reading the
 * implementation. Scratch review file; not committed.
 */
import { med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const out = (rule: unknown) => (p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const drugs = (p: P) => Object.keys(p.drugs).filter((k) => p.drugs[k]!.exposed).sort().join(',');
const refrD = (g: string) => (p: P) => !!p.drugs[g]?.refractory;
const flag = (f: keyof P['flags']) => (p: P) => p.flags[f];
const consec = (g: string) => (p: P) => p.drugs[g]?.consecutiveCycles?.cycles ?? null;
const cyc = (g: string) => (p: P) => p.drugs[g]?.cycles ?? null;
const dExp = (drug: string, extra: Record<string, unknown> = {}) => out({ fact: 'drugExposed', drug, ...extra });
const cExp = (cls: string, extra: Record<string, unknown> = {}) => out({ fact: 'classExposed', class: cls, ...extra });
const cRef = (cls: string, extra: Record<string, unknown> = {}) => out({ fact: 'classRefractory', class: cls, ...extra });
const dRef = (drug: string, extra: Record<string, unknown> = {}) => out({ fact: 'drugRefractory', drug, ...extra });
const C2 = { minCycles: 2, consecutive: true };
const S28 = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 };

// VRd ended 2023-06-30 (PR twice), PD 2023-07-20 (20 d after: VRd refractory), DPd begun 2023-07-25, PD on `pd2`.
const early = (pd2: string, more: Ev[] = []): Ev[] => [
  med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'),
  response('2023-07-20', 'PD'), med('DPd', '2023-07-25', null), response(pd2, 'PD'), ...more,
];

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; settings?: typeof DEFAULT_SETTINGS }
const cases: Case[] = [
  // ---- F. counting cycles: duplicates inside runs, end on the screening day ----
  { id: 'F01', summary: 'len C2 + duplicate C2 same dates + C1 back to back -> consecutive 3 (duplicate once)', clause: 'clinical-core: a course within the dates of another counted once', events: [med('Rd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-03-01', '2024-03-21', { cycles: 1 })], read: consec('lenalidomide'), expected: 3 },
  { id: 'F02', summary: 'DRd C6 01-01..06-16, dara C1 inside, dara C1 07-01 -> consecutive 7', clause: 'clinical-core: counted once with the larger count', events: [med('DRd', '2024-01-01', '2024-06-16', { cycles: 6 }), med('daratumumab', '2024-02-01', '2024-02-28', { cycles: 1 }), med('daratumumab', '2024-07-01', '2024-07-28', { cycles: 1 })], read: (p: P) => `${cyc('daratumumab')(p)}/${consec('daratumumab')(p)}`, expected: '7/7' },
  { id: 'F03', summary: 'pharmacy C1 record inside chart C3 course -> cycles 3, not partial', clause: 'clinical-core larger of the two', events: [med('lenalidomide', '2024-01-01', '2024-03-24', { cycles: 3 }), med('Revlimid', '2024-01-01', '2024-01-21', { cycles: 1 })], read: (p: P) => `${cyc('lenalidomide')(p)}/${p.drugs.lenalidomide?.cyclesPartial}`, expected: '3/false' },
  { id: 'F04', summary: 'uncounted duplicate inside a C3 course -> still ≥3 consecutive met', clause: 'clinical-core: within another counted once, larger count', events: [med('lenalidomide', '2024-01-01', '2024-03-24', { cycles: 3 }), med('Revlimid', '2024-02-01', '2024-02-21')], read: dExp('lenalidomide', { minCycles: 3, consecutive: true }), expected: 'MET' },
  { id: 'F05', summary: 'course C2 ending on the screening day -> count read, ≥2 met', clause: 'v17: only an end still to come is planned', events: [med('lenalidomide', '2025-04-07', '2025-06-01', { cycles: 2 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'F06', summary: 'classExposed CD38 ≥2 consecutive == drugExposed dara ≥2 consecutive (only dara given, C1+C1 back to back)', clause: 'two paths agree', events: [med('DVd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('DVd', '2024-01-22', '2024-02-11', { cycles: 1 })], read: (p: P) => `${cExp('ANTI_CD38', C2)(p)}/${dExp('daratumumab', C2)(p)}`, expected: 'MET/MET' },
  { id: 'F07', summary: 'dara C1 ends; next dara course starts same day as last dose (overlap by a day) -> consecutive 2', clause: '§2 consecutive', events: [med('daratumumab', '2024-01-01', '2024-01-28', { cycles: 1 }), med('daratumumab', '2024-01-28', '2024-02-25', { cycles: 1 })], read: consec('daratumumab'), expected: 2 },
  { id: 'F08', summary: 'three C1 courses, second 29 d after first, third 10 d after second -> consecutive 2', clause: 'runs restart after a gap', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-02-19', '2024-03-10', { cycles: 1 }), med('lenalidomide', '2024-03-20', '2024-04-09', { cycles: 1 })], read: consec('lenalidomide'), expected: 2 },
  { id: 'F09', summary: 'lastLine ≥2 consecutive: line 2 len C1 + C1 back to back after earlier line -> met', clause: 'criteria-language lastLine runs', events: [med('VRd', '2022-01-01', '2022-06-30', { cycles: 8 }), response('2023-01-01', 'PD'), med('Rd', '2023-01-15', '2023-02-04', { cycles: 1 }), med('Rd', '2023-02-12', '2023-03-04', { cycles: 1 })], read: dExp('lenalidomide', { ...C2, scope: 'lastLine' }), expected: 'MET' },
  { id: 'F10', summary: 'lastLine scope, drug not in last line -> not met', clause: 'lastLine', events: [med('VRd', '2022-01-01', '2022-06-30', { cycles: 8 }), response('2023-01-01', 'PD'), med('Kd', '2023-01-15', null, { cycles: 4 })], read: dExp('lenalidomide', { scope: 'lastLine' }), expected: 'NOT_MET' },
  { id: 'F11', summary: 'minDays across lines: two 21-day len courses far apart -> minDays 42 met, 43 not', clause: 'criteria-language minDays: days on the drug in all', events: [med('lenalidomide', '2023-01-01', '2023-01-21'), med('lenalidomide', '2024-01-01', '2024-01-21')], read: (p: P) => `${dExp('lenalidomide', { minDays: 42 })(p)}/${dExp('lenalidomide', { minDays: 43 })(p)}`, expected: 'MET/NOT_MET' },
  { id: 'F12', summary: 'class minDays: dara 20 d then isa 20 d back to back -> class minDays 30 not met (some drug must)', clause: 'criteria-language: for a class, some drug must reach them', events: [med('daratumumab', '2024-01-01', '2024-01-20'), med('isatuximab', '2024-01-21', '2024-02-09')], read: cExp('ANTI_CD38', { minDays: 30 }), expected: 'NOT_MET' },
  { id: 'F13', summary: 'regimen record DRd C4 01-01..04-22 and chart record daratumumab C4 01-02..04-23 (one day off) -> cycles 4, not 8', clause: 'clinical-core: the pharmacy\'s record and the chart\'s counted once (v14)', events: [med('DRd', '2024-01-01', '2024-04-22', { cycles: 4 }), med('daratumumab', '2024-01-02', '2024-04-23', { cycles: 4 })], read: cyc('daratumumab'), expected: 4 },
  { id: 'F14', summary: 'same -> dara minCycles 5 not met', clause: 'same', events: [med('DRd', '2024-01-01', '2024-04-22', { cycles: 4 }), med('daratumumab', '2024-01-02', '2024-04-23', { cycles: 4 })], read: dExp('daratumumab', { minCycles: 5 }), expected: 'NOT_MET' },

  // ---- G. earlyProgressionDays boundary x class refractoriness ----
  { id: 'G01', summary: 'PD 11 d after DPd start (prompted it) -> dara not refractory by it; no later data -> classRefractory CD38 unknown', clause: 'clinical-core earlyProgressionDays 14; criteria-language refractory unknown without response data', events: early('2023-08-05'), read: cRef('ANTI_CD38'), expected: 'UNKNOWN' },
  { id: 'G02', summary: 'PD exactly 14 d after DPd start -> still prompted it: dara not refractory', clause: 'earlyProgressionDays: this many days or fewer', events: early('2023-08-08'), read: refrD('daratumumab'), expected: false },
  { id: 'G03', summary: 'PD 15 d after DPd start -> dara refractory', clause: 'earlyProgressionDays boundary', events: early('2023-08-09'), read: refrD('daratumumab'), expected: true },
  { id: 'G04', summary: 'PD 15 d after DPd start -> TCR (R,V from VRd; D)', clause: '§2 TCR', events: early('2023-08-09'), read: flag('tripleClassRefractory'), expected: true },
  { id: 'G05', summary: 'PD 14 d after DPd start then PR, PR -> dara not refractory, TCR false', clause: 'earlyProgressionDays', events: early('2023-08-08', [response('2023-10-01', 'PR'), response('2023-11-01', 'PR')]), read: (p: P) => `${refrD('daratumumab')(p)}/${p.flags.tripleClassRefractory}`, expected: 'false/false' },
  { id: 'G06', summary: 'PD 14 d after DPd start, then PR, PR -> classRefractory CD38 not met', clause: 'two paths agree', events: early('2023-08-08', [response('2023-10-01', 'PR'), response('2023-11-01', 'PR')]), read: cRef('ANTI_CD38'), expected: 'NOT_MET' },

  // ---- H. nonresponse boundary (nonResponseMinDaysOngoing 56) ----
  { id: 'H01', summary: 'Rd ongoing from 01-01, SD on day 56 after start (02-26) -> len refractory (nonresponse)', clause: '§1 nonresponsive (no MR); nonResponseMinDaysOngoing 56', events: [med('Rd', '2024-01-01', null), response('2024-02-26', 'SD')], read: refrD('lenalidomide'), expected: true },
  { id: 'H02', summary: 'Rd ongoing, only SD on day 55 (02-25) -> not refractory yet', clause: 'nonResponseMinDaysOngoing boundary', events: [med('Rd', '2024-01-01', null), response('2024-02-25', 'SD')], read: refrD('lenalidomide'), expected: false },
  { id: 'H03', summary: 'H01 -> drugRefractory progressionOnly not met (no progression)', clause: 'criteria-language progressionOnly', events: [med('Rd', '2024-01-01', null), response('2024-02-26', 'SD')], read: dRef('lenalidomide', { progressionOnly: true }), expected: 'NOT_MET' },
  { id: 'H04', summary: 'Rd SD x3 over 6 months, dara added, D-Rd PR x2 -> len refractory, dara not', clause: 'clinical-core v12 example', events: [med('Rd', '2024-01-01', null), response('2024-03-01', 'SD'), response('2024-05-01', 'SD'), response('2024-07-01', 'SD'), med('daratumumab', '2024-07-15', null), response('2024-09-01', 'PR'), response('2024-10-01', 'PR')], read: (p: P) => `${refrD('lenalidomide')(p)}/${refrD('daratumumab')(p)}`, expected: 'true/false' },
  { id: 'H05', summary: 'Vd SD on day 60 (nonresponse) + Rd PD on it -> double-refractory', clause: '§1 nonresponsive + §2', events: [med('Vd', '2023-01-01', '2023-04-30', { reasonStopped: 'other' }), response('2023-03-02', 'SD'), response('2023-04-15', 'SD'), med('Rd', '2023-05-10', null), response('2023-07-01', 'PR'), response('2023-08-01', 'PR'), response('2024-02-01', 'PD')], read: flag('doubleRefractory'), expected: true },
  { id: 'H06', summary: 'H05 -> classRefractory PI progressionOnly not met (V only nonresponsive)', clause: 'progressionOnly', events: [med('Vd', '2023-01-01', '2023-04-30', { reasonStopped: 'other' }), response('2023-03-02', 'SD'), response('2023-04-15', 'SD'), med('Rd', '2023-05-10', null), response('2023-07-01', 'PR'), response('2023-08-01', 'PR'), response('2024-02-01', 'PD')], read: cRef('PI', { progressionOnly: true }), expected: 'NOT_MET' },

  // ---- I. drugs dropped from a regimen: per-drug last dose ----
  { id: 'I01', summary: 'VRd per-drug: V stops 04-30, R goes on to 12-31, PD 2024-01-15 -> R refractory, V not, not double', clause: '§1 within 60 d of last dose (per drug); §2', events: [med('bortezomib', '2023-01-01', '2023-04-30'), med('lenalidomide', '2023-01-01', '2023-12-31'), med('dexamethasone', '2023-01-01', '2023-04-30'), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2024-01-15', 'PD')], read: (p: P) => `${refrD('lenalidomide')(p)}/${refrD('bortezomib')(p)}/${p.flags.doubleRefractory}`, expected: 'true/false/false' },
  { id: 'I02', summary: 'stopped for progression, no end, no PD on record -> len refractory; classRefractory IMID met', clause: 'clinical-core v16: the stop itself makes it refractory', events: [med('Rd', '2024-01-01', null, { reasonStopped: 'progression' }), response('2024-01-05', 'SD')], read: (p: P) => `${refrD('lenalidomide')(p)}/${cRef('IMID')(p)}`, expected: 'true/MET' },
  { id: 'I03', summary: 'Kd ended 2024-03-31, PD 2024-05-30 (60 d) + Rd PD on it earlier -> double-refractory', clause: '§1 60 d boundary', events: [med('Rd', '2023-01-01', null, { }), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2023-09-01', 'PD'), med('Kd', '2023-09-15', '2024-03-31', { reasonStopped: 'completed' }), response('2023-11-01', 'PR'), response('2023-12-01', 'PR'), response('2024-05-30', 'PD')], read: flag('doubleRefractory'), expected: true },
  { id: 'I04', summary: 'same but PD 2024-05-31 (61 d) -> carfilzomib not refractory', clause: '§1', events: [med('Rd', '2023-01-01', null, { }), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2023-09-01', 'PD'), med('Kd', '2023-09-15', '2024-03-31', { reasonStopped: 'completed' }), response('2023-11-01', 'PR'), response('2023-12-01', 'PR'), response('2024-05-31', 'PD')], read: refrD('carfilzomib'), expected: false },

  // ---- J. minimum exposure interacting with per-dose records and other classes ----
  { id: 'J01', summary: 'S28: weekly dara x5 (days 1..29) with Pd, PD 10 d after -> dara refractory', clause: '§1 MAMMOTH ≥4 weeks', settings: S28, events: [...[0, 7, 14, 21, 28].map((k) => { const d = new Date(Date.UTC(2023, 0, 1 + k)).toISOString().slice(0, 10); return med('daratumumab', d, d); }), med('Pd', '2023-01-01', '2023-01-29'), response('2023-02-08', 'PD')], read: refrD('daratumumab'), expected: true },
  { id: 'J02', summary: 'S28: Kd 10 days then PD -> carfilzomib still refractory (minimum only for CD38)', clause: 'minExposureClasses [ANTI_CD38]', settings: S28, events: [med('Kd', '2023-01-01', '2023-01-10', { reasonStopped: 'toxicity' }), response('2023-02-01', 'PD')], read: refrD('carfilzomib'), expected: true },
  { id: 'J03', summary: 'S28 with minExposureClasses null: Kd 10 days then PD -> not refractory', clause: 'minExposureClasses null: every drug', settings: { ...S28, minExposureClasses: null }, events: [med('Kd', '2023-01-01', '2023-01-10', { reasonStopped: 'toxicity' }), response('2023-02-01', 'PD')], read: refrD('carfilzomib'), expected: false },
  { id: 'J04', summary: 'S28: isatuximab 20 d then PD -> not refractory (isa is anti-CD38 too)', clause: '§2 anti-CD38 = dara and isa', settings: S28, events: [med('Isa-Pd', '2023-01-01', '2023-01-20', { reasonStopped: 'toxicity' }), response('2023-02-01', 'PD')], read: (p: P) => `${refrD('isatuximab')(p)}/${refrD('pomalidomide')(p)}`, expected: 'false/true' },

  { id: 'J05', summary: 'S28: dara 01-01..01-10, hold, 02-20..02-27 (same line), PD 03-10 -> refractory (first to last dose 58 d)', clause: 'clinical-core: records back to back within treatmentHoldMaxDays are one exposure for the minimum', settings: S28, events: [med('Rd', '2023-01-01', null), med('daratumumab', '2023-01-01', '2023-01-10'), med('daratumumab', '2023-02-20', '2023-02-27'), response('2023-03-10', 'PD')], read: refrD('daratumumab'), expected: true },
  { id: 'J06', summary: 'same -> drugExposed dara minDays 28 not met (18 days on it; gap > grouping window not counted)', clause: 'criteria-language minDays', events: [med('Rd', '2023-01-01', null), med('daratumumab', '2023-01-01', '2023-01-10'), med('daratumumab', '2023-02-20', '2023-02-27'), response('2023-03-10', 'PD')], read: dExp('daratumumab', { minDays: 28 }), expected: 'NOT_MET' },
  { id: 'J07', summary: 'S28: dara weekly x3 (days 1..15), PD on day 20 while still given (4th dose day 22), no response -> refractory (given on past the minimum)', clause: 'clinical-core v15/v16: progression before the minimum counts when given on past it with no response', settings: S28, events: [...[0, 7, 14, 21, 28].map((k) => { const d = new Date(Date.UTC(2023, 0, 1 + k)).toISOString().slice(0, 10); return med('daratumumab', d, d); }), med('Pd', '2023-01-01', '2023-02-26'), response('2023-01-20', 'PD'), response('2023-02-10', 'PD')], read: refrD('daratumumab'), expected: true },

  // ---- K. more names ----
  { id: 'K01', summary: 'DKd', clause: '§8', events: [med('DKd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,daratumumab,dexamethasone' },
  { id: 'K02', summary: 'D-VRd', clause: '§8', events: [med('D-VRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,daratumumab,dexamethasone,lenalidomide' },
  { id: 'K03', summary: 'Isa-KRd', clause: '§8', events: [med('Isa-KRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,dexamethasone,isatuximab,lenalidomide' },
  { id: 'K04', summary: 'MPR: P = prednisone, R = lenalidomide', clause: '§8 P prednisone in M-P context', events: [med('MPR', '2024-01-01', '2024-03-01')], read: drugs, expected: 'lenalidomide,melphalan,prednisone' },
  { id: 'K05', summary: 'CTD (cyclophosphamide, thalidomide, dex)', clause: '§8', events: [med('CTD', '2024-01-01', '2024-03-01')], read: drugs, expected: 'cyclophosphamide,dexamethasone,thalidomide' },
  { id: 'K06', summary: 'PAD: P = bortezomib (PS-341), A = doxorubicin, D = dexamethasone', clause: '§8 resolve by context', events: [med('PAD', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone,doxorubicin' },
  { id: 'K07', summary: 'XPd (selinexor, pomalidomide, dex)', clause: '§8', events: [med('XPd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,pomalidomide,selinexor' },
  { id: 'K08', summary: 'JNJ-54767414 -> daratumumab', clause: 'research code', events: [med('JNJ-54767414', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab' },
  { id: 'K09', summary: 'CC4047 (no hyphen) -> pomalidomide', clause: 'research code without hyphen', events: [med('CC4047', '2024-01-01', '2024-03-01')], read: drugs, expected: 'pomalidomide' },
  { id: 'K10', summary: 'Len/dex', clause: '§8', events: [med('Len/dex', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,lenalidomide' },
  { id: 'K11', summary: 'Dara-Pom-Dex', clause: '§8', events: [med('Dara-Pom-Dex', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,dexamethasone,pomalidomide' },
  { id: 'K12', summary: 'VMPT (P prednisone, T thalidomide)', clause: '§8', events: [med('VMPT', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,melphalan,prednisone,thalidomide' },
  { id: 'K13', summary: 'DCEP: D = dexamethasone, E = etoposide (no daratumumab, no elotuzumab)', clause: '§8 / clinical-core terminology', events: [med('DCEP', '2024-01-01', '2024-03-01')], read: (p: P) => `${!!p.drugs.daratumumab?.exposed}/${!!p.drugs.elotuzumab?.exposed}/${!!p.drugs.etoposide?.exposed}`, expected: 'false/false/true' },
  { id: 'K14', summary: 'DT-PACE: D dex, T thal, P cisplatin -> no pomalidomide, thalidomide IMiD', clause: '§8', events: [med('DT-PACE', '2024-01-01', '2024-03-01')], read: (p: P) => `${!!p.drugs.pomalidomide?.exposed}/${!!p.drugs.thalidomide?.exposed}/${!!p.drugs.daratumumab?.exposed}`, expected: 'false/true/false' },
  { id: 'K15', summary: 'Tec-Dara -> teclistamab + daratumumab', clause: '§8', events: [med('Tec-Dara', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,teclistamab' },
  { id: 'K16', summary: 'SVd (selinexor, bortezomib, dex)', clause: '§8', events: [med('SVd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone,selinexor' },
  { id: 'K17', summary: 'Daratumumab IV + Rd written "Dara IV + Rd"', clause: 'clinical-core terminology: route set aside', events: [med('Dara IV + Rd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,dexamethasone,lenalidomide' },
  { id: 'K18', summary: 'KCd (carfilzomib, cyclophosphamide, dex)', clause: '§8', events: [med('KCd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,cyclophosphamide,dexamethasone' },
  { id: 'K19', summary: 'Isa-VRd', clause: '§8', events: [med('Isa-VRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone,isatuximab,lenalidomide' },
  { id: 'K20', summary: 'Thal-dex', clause: '§8', events: [med('Thal-dex', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,thalidomide' },

  // ---- L. composite flags with exposure via unusual paths ----
  { id: 'L01', summary: 'D-VRd induction only -> TCE (one regimen gives all three classes)', clause: '§2 TCE', events: [med('D-VRd', '2024-01-01', '2024-06-30')], read: flag('tripleClassExposed'), expected: true },
  { id: 'L02', summary: 'D-VRd refractory (PD on it) -> TCR', clause: '§2 TCR', events: [med('D-VRd', '2024-01-01', null), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-09-01', 'PD')], read: flag('tripleClassRefractory'), expected: true },
  { id: 'L03', summary: 'penta-exposed via MPR + PAD + KPd + Sarclisa', clause: '§2 penta', events: [med('PAD', '2021-01-01', '2021-04-30'), med('MPR', '2022-01-01', '2022-04-30'), med('KPd', '2023-01-01', '2023-04-30'), med('Sarclisa', '2024-01-01', '2024-03-01')], read: flag('pentaExposed'), expected: true },
  { id: 'L04', summary: 'MAMMOTH alt quad: CD38 + PI + IMID minDrugs 2 refractory (D-Rd refr, Pd refr, Vd refr) -> any(...) met', clause: '§2 quad counts', events: [med('Vd', '2022-01-01', null), response('2022-03-01', 'PR'), response('2022-04-01', 'PR'), response('2022-09-01', 'PD'), med('DRd', '2022-09-15', null), response('2022-11-01', 'PR'), response('2022-12-01', 'PR'), response('2023-06-01', 'PD'), med('Pd', '2023-06-15', null), response('2023-08-01', 'PR'), response('2023-09-01', 'PR'), response('2024-02-01', 'PD')], read: out({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { any: [{ all: [{ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] }, { all: [{ fact: 'classRefractory', class: 'PI' }, { fact: 'classRefractory', class: 'IMID', minDrugs: 2 }] }] }] }), expected: 'MET' },
  { id: 'L05', summary: 'L04 history -> pentaRefractory false (no carfilzomib)', clause: '§2 penta', events: [med('Vd', '2022-01-01', null), response('2022-03-01', 'PR'), response('2022-04-01', 'PR'), response('2022-09-01', 'PD'), med('DRd', '2022-09-15', null), response('2022-11-01', 'PR'), response('2022-12-01', 'PR'), response('2023-06-01', 'PD'), med('Pd', '2023-06-15', null), response('2023-08-01', 'PR'), response('2023-09-01', 'PR'), response('2024-02-01', 'PD')], read: flag('pentaRefractory'), expected: false },
];

describe('expo37b subtler exposure / refractoriness', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
