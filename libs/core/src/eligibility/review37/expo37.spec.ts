/**
 * expo37 — exposure / cycles / class & composite refractoriness cases (domain.md §1, §2, §8; docs/clinical-core.md;
 * docs/criteria-language.md). Expectations written from the definitions and documented settings before reading the
 * implementation. Scratch review file; not committed.
 */
import { med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const prof = (evs: Ev[], settings = DEFAULT_SETTINGS) => buildProfile(evs, AS_OF, settings);
const out = (rule: unknown) => (p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;

const drugs = (p: P) => Object.keys(p.drugs).filter((k) => p.drugs[k]!.exposed).sort().join(',');
const exposedD = (g: string) => (p: P) => !!p.drugs[g]?.exposed;
const refrD = (g: string) => (p: P) => !!p.drugs[g]?.refractory;
const classExp = (c: string) => (p: P) => !!(p.classes as Record<string, { exposed: boolean }>)[c]?.exposed;
const flag = (f: keyof P['flags']) => (p: P) => p.flags[f];
const cyc = (g: string) => (p: P) => p.drugs[g]?.cycles ?? null;
const consec = (g: string) => (p: P) => p.drugs[g]?.consecutiveCycles?.cycles ?? null;

const dExp = (drug: string, extra: Record<string, unknown> = {}) => out({ fact: 'drugExposed', drug, ...extra });
const cExp = (cls: string, extra: Record<string, unknown> = {}) => out({ fact: 'classExposed', class: cls, ...extra });
const cRef = (cls: string, extra: Record<string, unknown> = {}) => out({ fact: 'classRefractory', class: cls, ...extra });
const dRef = (drug: string, extra: Record<string, unknown> = {}) => out({ fact: 'drugRefractory', drug, ...extra });
const fl = (name: string) => out({ fact: 'flag', name });
const C2 = { minCycles: 2, consecutive: true };

// Refractoriness scaffolding: VRd line 1, PR twice, progression `pd` after the last dose 2023-06-30.
const vrd1 = (pd: string, drug = 'VRd'): Ev[] => [
  med(drug, '2023-01-01', '2023-06-30', { reasonStopped: 'completed', cycles: 8 }),
  response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response(pd, 'PD'),
];
// line 2 DPd from 2023-08-15, PR, PR, PD on it 2024-03-01 (ongoing)
const dpd2: Ev[] = [med('DPd', '2023-08-15', null), response('2023-10-15', 'PR'), response('2023-11-15', 'PR'), response('2024-03-01', 'PD')];
// line 3 Kd from 2024-03-15, PR, PR, PD on it 2024-10-01 (ongoing)
const kd3: Ev[] = [med('Kd', '2024-03-15', null), response('2024-05-01', 'PR'), response('2024-06-01', 'PR'), response('2024-10-01', 'PD')];
const weekly = (drug: string, first: string, n: number): Ev[] => {
  const out: Ev[] = [];
  const d0 = new Date(first + 'T00:00:00Z').getTime();
  for (let i = 0; i < n; i++) { const d = new Date(d0 + i * 7 * 864e5).toISOString().slice(0, 10); out.push(med(drug, d, d)); }
  return out;
};
const S28 = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 };

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; settings?: typeof DEFAULT_SETTINGS }
const cases: Case[] = [
  // ---- A. exposure amount: >=1 dose vs cycles, consecutive runs ----
  { id: 'A01', summary: 'single lenalidomide dose -> exposed', clause: '§2 Exposed default ≥1 dose', events: [med('lenalidomide', '2024-01-10', '2024-01-10')], read: dExp('lenalidomide'), expected: 'MET' },
  { id: 'A01b', summary: 'single lenalidomide dose -> IMID class exposed', clause: '§2 class membership', events: [med('lenalidomide', '2024-01-10', '2024-01-10')], read: classExp('IMID'), expected: true },
  { id: 'A02', summary: 'one course cycles 2 ended -> ≥2 consecutive met', clause: '§2 ≥2 consecutive cycles (MagnetisMM-32)', events: [med('lenalidomide', '2024-01-01', '2024-02-25', { cycles: 2 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'A03', summary: 'one course cycles 1 ended (toxicity) -> ≥2 consecutive not met', clause: '§2 ≥2 consecutive cycles', events: [med('lenalidomide', '2024-01-01', '2024-01-28', { cycles: 1, reasonStopped: 'toxicity' })], read: dExp('lenalidomide', C2), expected: 'NOT_MET' },
  { id: 'A04', summary: 'two C1 courses back to back (8 days apart) -> consecutive 2 met', clause: '§2; criteria-language consecutive run', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-01-29', '2024-02-18', { cycles: 1 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'A05', summary: 'two C1 courses 4 months apart -> consecutive not met', clause: '§2 consecutive', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-06-01', '2024-06-21', { cycles: 1 })], read: dExp('lenalidomide', C2), expected: 'NOT_MET' },
  { id: 'A06', summary: 'same, non-consecutive minCycles 2 -> met', clause: '§2 cycles summed', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-06-01', '2024-06-21', { cycles: 1 })], read: dExp('lenalidomide', { minCycles: 2 }), expected: 'MET' },
  { id: 'A07', summary: 'next course exactly 28 d after last dose -> still consecutive', clause: 'criteria-language: within the grouping window (28)', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-02-18', '2024-03-09', { cycles: 1 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'A08', summary: 'next course 29 d after last dose -> not consecutive', clause: 'criteria-language grouping window', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-02-19', '2024-03-10', { cycles: 1 })], read: dExp('lenalidomide', C2), expected: 'NOT_MET' },
  { id: 'A09', summary: 'C1 course plus one dose with no count -> ≥2 consecutive unknown', clause: 'criteria-language: a course without cycles makes a shortfall unknown', events: [med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-01-29', '2024-01-29')], read: dExp('lenalidomide', C2), expected: 'UNKNOWN' },
  { id: 'A10', summary: '4-month course, no cycle count -> minCycles 2 unknown', clause: 'criteria-language: cycles asked and none recorded', events: [med('lenalidomide', '2024-01-01', '2024-04-30')], read: dExp('lenalidomide', { minCycles: 2 }), expected: 'UNKNOWN' },
  { id: 'A11', summary: 'ongoing course cycles 3 -> minCycles 2 met', clause: '§2 cycles', events: [med('lenalidomide', '2025-01-01', null, { cycles: 3 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'A12', summary: 'ongoing course cycles 1 -> minCycles 2 unknown', clause: 'criteria-language: fewer than asked while a course goes on', events: [med('lenalidomide', '2025-04-01', null, { cycles: 1 })], read: dExp('lenalidomide', C2), expected: 'UNKNOWN' },
  { id: 'A13', summary: 'course with end in the future, cycles 6 (planned) -> minCycles 2 unknown', clause: 'clinical-core v17: planned count not read', events: [med('lenalidomide', '2025-04-01', '2025-12-31', { cycles: 6 })], read: dExp('lenalidomide', C2), expected: 'UNKNOWN' },
  { id: 'A14', summary: 'DRd C4 + daratumumab C4 same dates -> dara cycles 4', clause: 'clinical-core: a course within another counted once', events: [med('DRd', '2024-01-01', '2024-04-22', { cycles: 4 }), med('daratumumab', '2024-01-01', '2024-04-22', { cycles: 4 })], read: cyc('daratumumab'), expected: 4 },
  { id: 'A14b', summary: 'same -> dara minCycles 5 not met', clause: 'clinical-core counted once', events: [med('DRd', '2024-01-01', '2024-04-22', { cycles: 4 }), med('daratumumab', '2024-01-01', '2024-04-22', { cycles: 4 })], read: dExp('daratumumab', { minCycles: 5 }), expected: 'NOT_MET' },
  { id: 'A15', summary: 'DRd C6 with dara C1 inside it -> cycles 6', clause: 'clinical-core: larger count of the two', events: [med('DRd', '2024-01-01', '2024-06-16', { cycles: 6 }), med('daratumumab', '2024-02-01', '2024-02-28', { cycles: 1 })], read: cyc('daratumumab'), expected: 6 },
  { id: 'A16', summary: 'DRd C2 then Rd C2 back to back -> lenalidomide consecutive 4', clause: '§2 consecutive; §3 dropping a drug is not discontinuation', events: [med('DRd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('Rd', '2024-02-26', '2024-04-21', { cycles: 2 })], read: dExp('lenalidomide', { minCycles: 4, consecutive: true }), expected: 'MET' },
  { id: 'A16b', summary: 'same -> daratumumab minCycles 3 not met', clause: '§2', events: [med('DRd', '2024-01-01', '2024-02-25', { cycles: 2 }), med('Rd', '2024-02-26', '2024-04-21', { cycles: 2 })], read: dExp('daratumumab', { minCycles: 3 }), expected: 'NOT_MET' },
  { id: 'A17', summary: 'dara C1 then isatuximab C1 back to back -> anti-CD38 ≥2 consecutive: some drug must reach it -> not met', clause: 'criteria-language: for a class, some drug of it must reach them', events: [med('daratumumab', '2024-01-01', '2024-01-28', { cycles: 1 }), med('isatuximab', '2024-02-01', '2024-02-28', { cycles: 1 })], read: cExp('ANTI_CD38', C2), expected: 'NOT_MET' },
  { id: 'A18', summary: 'Darzalex Faspro C2 -> anti-CD38 class ≥2 consecutive met', clause: '§2 anti-CD38 = dara IV or SC', events: [med('Darzalex Faspro', '2024-01-01', '2024-02-25', { cycles: 2 })], read: cExp('ANTI_CD38', C2), expected: 'MET' },
  { id: 'A19', summary: '4 weekly per-dose dara records (days 1..22) -> minDays 22 met', clause: 'criteria-language minDays; clinical-core: days 1 to 22 are 22 days', events: weekly('daratumumab', '2024-01-01', 4), read: dExp('daratumumab', { minDays: 22 }), expected: 'MET' },
  { id: 'A20', summary: 'same -> minDays 23 not met', clause: 'same', events: weekly('daratumumab', '2024-01-01', 4), read: dExp('daratumumab', { minDays: 23 }), expected: 'NOT_MET' },
  { id: 'A21', summary: '8 weekly per-dose dara records, no counts -> minCycles 2 unknown', clause: 'criteria-language: none recorded -> unknown (core knows no schedules)', events: weekly('daratumumab', '2024-01-01', 8), read: dExp('daratumumab', C2), expected: 'UNKNOWN' },
  { id: 'A22', summary: 'uncounted course then C2 course back to back -> ≥2 consecutive met (2 reached)', clause: 'criteria-language: partial is a lower bound', events: [med('lenalidomide', '2024-01-01', '2024-01-21'), med('lenalidomide', '2024-01-29', '2024-03-24', { cycles: 2 })], read: dExp('lenalidomide', C2), expected: 'MET' },
  { id: 'A23', summary: 'same -> ≥3 consecutive unknown', clause: 'criteria-language: a course without cycles makes a shortfall unknown', events: [med('lenalidomide', '2024-01-01', '2024-01-21'), med('lenalidomide', '2024-01-29', '2024-03-24', { cycles: 2 })], read: dExp('lenalidomide', { minCycles: 3, consecutive: true }), expected: 'UNKNOWN' },
  { id: 'A24', summary: 'A04 records given in reverse order -> consecutiveCycles 2', clause: 'clinical-core: arrival order never matters', events: [med('lenalidomide', '2024-01-29', '2024-02-18', { cycles: 1 }), med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 })].reverse(), read: consec('lenalidomide'), expected: 2 },
  { id: 'A25', summary: 'C2 then gap then C3 -> ≥4 consecutive not met', clause: '§2 consecutive', events: [med('lenalidomide', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-06-01', '2024-08-24', { cycles: 3 })], read: dExp('lenalidomide', { minCycles: 4, consecutive: true }), expected: 'NOT_MET' },
  { id: 'A25b', summary: 'same -> minCycles 5 (any) met', clause: '§2 cycles summed', events: [med('lenalidomide', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-06-01', '2024-08-24', { cycles: 3 })], read: dExp('lenalidomide', { minCycles: 5 }), expected: 'MET' },
  { id: 'A25c', summary: 'same -> drug cycles 5, consecutive 3', clause: '§2 store cycles', events: [med('lenalidomide', '2024-01-01', '2024-02-25', { cycles: 2 }), med('lenalidomide', '2024-06-01', '2024-08-24', { cycles: 3 })], read: (p: P) => `${cyc('lenalidomide')(p)}/${consec('lenalidomide')(p)}`, expected: '5/3' },
  { id: 'A26', summary: 'VRd C4 line 1, PD, DRd C2 line 2 -> lenalidomide lastLine ≥2 consecutive met', clause: 'criteria-language scope lastLine', events: [med('VRd', '2023-01-01', '2023-04-22', { cycles: 4 }), response('2023-10-01', 'PD'), med('DRd', '2023-10-15', '2023-12-09', { cycles: 2 })], read: dExp('lenalidomide', { ...C2, scope: 'lastLine' }), expected: 'MET' },
  { id: 'A26b', summary: 'same -> lenalidomide lastLine minCycles 3 not met', clause: 'scope lastLine counts the last line only', events: [med('VRd', '2023-01-01', '2023-04-22', { cycles: 4 }), response('2023-10-01', 'PD'), med('DRd', '2023-10-15', '2023-12-09', { cycles: 2 })], read: dExp('lenalidomide', { minCycles: 3, scope: 'lastLine' }), expected: 'NOT_MET' },
  { id: 'A26c', summary: 'same -> lenalidomide any-scope minCycles 6 met', clause: '§2 cycles summed', events: [med('VRd', '2023-01-01', '2023-04-22', { cycles: 4 }), response('2023-10-01', 'PD'), med('DRd', '2023-10-15', '2023-12-09', { cycles: 2 })], read: dExp('lenalidomide', { minCycles: 6 }), expected: 'MET' },
  { id: 'A27', summary: 'Rd carried into D-Rd line (dara added at PD) -> lenalidomide lastLine minCycles 1 unknown', clause: 'criteria-language: a regimen carried into the last line leaves minCycles unknown', events: [med('lenalidomide', '2024-01-01', null, { cycles: 6 }), med('dexamethasone', '2024-01-01', null), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-07-01', 'PD'), med('daratumumab', '2024-07-15', null, { cycles: 3 })], read: dExp('lenalidomide', { minCycles: 1, scope: 'lastLine' }), expected: 'UNKNOWN' },
  { id: 'A28', summary: 'Revlimid per-cycle records C1 each, 28 d apart (start to start) -> ≥2 consecutive met', clause: '§2 consecutive cycles from cycle records', events: [med('Revlimid', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Revlimid', '2024-01-29', '2024-02-18', { cycles: 1 }), med('Revlimid', '2024-02-26', '2024-03-17', { cycles: 1 })], read: consec('lenalidomide'), expected: 3 },
  { id: 'A29', summary: 'class IMID ≥2 consecutive: len C1 then pom C1 back to back -> not met (no single drug)', clause: 'criteria-language class: some drug must reach', events: [med('Rd', '2024-01-01', '2024-01-21', { cycles: 1, reasonStopped: 'toxicity' }), med('Pd', '2024-01-29', '2024-02-18', { cycles: 1 })], read: cExp('IMID', C2), expected: 'NOT_MET' },
  { id: 'A30', summary: 'class IMID ≥2 consecutive: len C1 (counted) + pom uncounted -> unknown', clause: 'class: pom could reach it', events: [med('Rd', '2024-01-01', '2024-01-21', { cycles: 1, reasonStopped: 'toxicity' }), med('Pd', '2024-01-29', '2024-04-18')], read: cExp('IMID', C2), expected: 'UNKNOWN' },

  // ---- B. names, regimens, brands, research codes ----
  { id: 'B01', summary: 'DRd', clause: '§8 D = daratumumab, d = dex', events: [med('DRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,dexamethasone,lenalidomide' },
  { id: 'B02', summary: 'DVd', clause: '§8', events: [med('DVd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,daratumumab,dexamethasone' },
  { id: 'B03', summary: 'KRd', clause: '§8 K = carfilzomib', events: [med('KRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,dexamethasone,lenalidomide' },
  { id: 'B04', summary: 'Pd = pomalidomide + dex', clause: '§8 P in Pd = pomalidomide', events: [med('Pd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,pomalidomide' },
  { id: 'B05', summary: 'MP = melphalan + prednisone', clause: '§8 P in MP = prednisone', events: [med('MP', '2024-01-01', '2024-03-01')], read: drugs, expected: 'melphalan,prednisone' },
  { id: 'B06', summary: 'VMP', clause: '§8', events: [med('VMP', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,melphalan,prednisone' },
  { id: 'B07', summary: 'Isa-Pd', clause: '§8 Isa', events: [med('Isa-Pd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,isatuximab,pomalidomide' },
  { id: 'B08', summary: 'EPd (Elo-Pd)', clause: '§8 E/Elo', events: [med('EPd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,elotuzumab,pomalidomide' },
  { id: 'B09', summary: 'Elo-Rd', clause: '§8 Elo', events: [med('Elo-Rd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,elotuzumab,lenalidomide' },
  { id: 'B09b', summary: 'Elo-Rd -> no anti-CD38 exposure', clause: '§2 anti-CD38 = dara, isa only', events: [med('Elo-Rd', '2024-01-01', '2024-03-01')], read: classExp('ANTI_CD38'), expected: false },
  { id: 'B10', summary: 'Vd: d = dexamethasone, not daratumumab', clause: '§8', events: [med('Vd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone' },
  { id: 'B11', summary: 'D-VMP', clause: '§8', events: [med('D-VMP', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,daratumumab,melphalan,prednisone' },
  { id: 'B12', summary: 'MPT: P = prednisone, T = thalidomide', clause: '§8', events: [med('MPT', '2024-01-01', '2024-03-01')], read: drugs, expected: 'melphalan,prednisone,thalidomide' },
  { id: 'B13', summary: 'VTd', clause: '§8', events: [med('VTd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone,thalidomide' },
  { id: 'B14', summary: 'IRd = ixazomib (TOURMALINE), not isatuximab', clause: '§8 I/Isa resolved by context', events: [med('IRd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,ixazomib,lenalidomide' },
  { id: 'B15', summary: 'DPd', clause: '§8', events: [med('DPd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,dexamethasone,pomalidomide' },
  { id: 'B16', summary: 'KPd', clause: '§8', events: [med('KPd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,dexamethasone,pomalidomide' },
  { id: 'B17', summary: 'Darzalex Faspro -> daratumumab', clause: '§2 dara SC', events: [med('Darzalex Faspro', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab' },
  { id: 'B18', summary: 'daratumumab and hyaluronidase-fihj -> daratumumab', clause: '§2 dara SC', events: [med('daratumumab and hyaluronidase-fihj', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab' },
  { id: 'B19', summary: 'Sarclisa -> isatuximab, anti-CD38', clause: '§2', events: [med('Sarclisa', '2024-01-01', '2024-03-01')], read: classExp('ANTI_CD38'), expected: true },
  { id: 'B20', summary: 'CC-5013 -> lenalidomide', clause: 'research codes', events: [med('CC-5013', '2024-01-01', '2024-03-01')], read: drugs, expected: 'lenalidomide' },
  { id: 'B21', summary: 'PR 171 (space) -> carfilzomib', clause: 'clinical-core: research code with or without hyphen/space', events: [med('PR 171', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib' },
  { id: 'B22', summary: 'MLN9708 -> ixazomib, PI', clause: '§2 PI', events: [med('MLN9708', '2024-01-01', '2024-03-01')], read: classExp('PI'), expected: true },
  { id: 'B23', summary: 'iberdomide -> not IMID', clause: '§2 CELMoDs not IMiD by default', events: [med('iberdomide', '2024-01-01', '2024-03-01')], read: classExp('IMID'), expected: false },
  { id: 'B23b', summary: 'CC-92480 -> mezigdomide, CELMOD exposed', clause: '§2', events: [med('CC-92480', '2024-01-01', '2024-03-01')], read: classExp('CELMOD'), expected: true },
  { id: 'B24', summary: 'IsaKd', clause: '§8', events: [med('IsaKd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'carfilzomib,dexamethasone,isatuximab' },
  { id: 'B25', summary: 'Dara-Rd', clause: '§8', events: [med('Dara-Rd', '2024-01-01', '2024-03-01')], read: drugs, expected: 'daratumumab,dexamethasone,lenalidomide' },
  { id: 'B26', summary: 'CyBorD', clause: '§8', events: [med('CyBorD', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,cyclophosphamide,dexamethasone' },
  { id: 'B27', summary: 'Pom-dex', clause: '§8', events: [med('Pom-dex', '2024-01-01', '2024-03-01')], read: drugs, expected: 'dexamethasone,pomalidomide' },
  { id: 'B28', summary: 'Thalomid -> IMID', clause: '§2 IMiD incl. thalidomide', events: [med('Thalomid', '2024-01-01', '2024-03-01')], read: classExp('IMID'), expected: true },
  { id: 'B29', summary: 'VRd-lite', clause: '§8 keep original text', events: [med('VRd-lite', '2024-01-01', '2024-03-01')], read: drugs, expected: 'bortezomib,dexamethasone,lenalidomide' },
  { id: 'B30', summary: 'MPV (order swapped) -> no pomalidomide', clause: '§8 P prednisone in MP context', events: [med('MPV', '2024-01-01', '2024-03-01')], read: exposedD('pomalidomide'), expected: false },

  // ---- C. composite exposure flags ----
  { id: 'C01', summary: 'VRd + DPd -> TCE', clause: '§2 TCE', events: [med('VRd', '2023-01-01', '2023-06-30'), med('DPd', '2024-01-01', null)], read: flag('tripleClassExposed'), expected: true },
  { id: 'C01b', summary: 'VRd + DPd -> flag rule TCE met', clause: '§2 TCE', events: [med('VRd', '2023-01-01', '2023-06-30'), med('DPd', '2024-01-01', null)], read: fl('tripleClassExposed'), expected: 'MET' },
  { id: 'C01c', summary: 'VRd + DPd -> all(classExposed x3) met (two paths agree)', clause: '§2 TCE', events: [med('VRd', '2023-01-01', '2023-06-30'), med('DPd', '2024-01-01', null)], read: out({ all: [{ fact: 'classExposed', class: 'IMID' }, { fact: 'classExposed', class: 'PI' }, { fact: 'classExposed', class: 'ANTI_CD38' }] }), expected: 'MET' },
  { id: 'C02', summary: 'VTd + Sarclisa -> TCE (thalidomide, isatuximab)', clause: '§2 TCE', events: [med('VTd', '2023-01-01', '2023-06-30'), med('Sarclisa', '2024-01-01', null)], read: flag('tripleClassExposed'), expected: true },
  { id: 'C03', summary: 'VRd + EPd -> not TCE (elotuzumab not anti-CD38)', clause: '§2', events: [med('VRd', '2023-01-01', '2023-06-30'), med('EPd', '2024-01-01', null)], read: flag('tripleClassExposed'), expected: false },
  { id: 'C04', summary: 'Vd + iberdomide + daratumumab -> not TCE (CELMoD not IMiD)', clause: '§2 CELMoD', events: [med('Vd', '2023-01-01', '2023-06-30'), med('iberdomide', '2024-01-01', '2024-03-01'), med('daratumumab', '2024-01-01', '2024-03-01')], read: flag('tripleClassExposed'), expected: false },
  { id: 'C05', summary: 'VRd + KPd + dara -> penta-exposed', clause: '§2 penta', events: [med('VRd', '2022-01-01', '2022-06-30'), med('KPd', '2023-01-01', '2023-06-30'), med('daratumumab', '2024-01-01', null)], read: flag('pentaExposed'), expected: true },
  { id: 'C05b', summary: 'same -> all(drugExposed x4 + class CD38) met (two paths agree)', clause: '§2 penta', events: [med('VRd', '2022-01-01', '2022-06-30'), med('KPd', '2023-01-01', '2023-06-30'), med('daratumumab', '2024-01-01', null)], read: out({ all: [{ fact: 'drugExposed', drug: 'bortezomib' }, { fact: 'drugExposed', drug: 'carfilzomib' }, { fact: 'drugExposed', drug: 'lenalidomide' }, { fact: 'drugExposed', drug: 'pomalidomide' }, { fact: 'classExposed', class: 'ANTI_CD38' }] }), expected: 'MET' },
  { id: 'C06', summary: 'IRd + KPd + dara -> not penta (ixazomib is not bortezomib)', clause: '§2 penta = bortezomib, carfilzomib', events: [med('IRd', '2022-01-01', '2022-06-30'), med('KPd', '2023-01-01', '2023-06-30'), med('daratumumab', '2024-01-01', null)], read: flag('pentaExposed'), expected: false },
  { id: 'C07', summary: 'VTd + KPd + dara -> not penta (thalidomide not lenalidomide)', clause: '§2 penta', events: [med('VTd', '2022-01-01', '2022-06-30'), med('KPd', '2023-01-01', '2023-06-30'), med('daratumumab', '2024-01-01', null)], read: flag('pentaExposed'), expected: false },
  { id: 'C08', summary: 'VRd + IsaKd + Pd -> penta (isatuximab as anti-CD38)', clause: '§2 penta ≥1 anti-CD38', events: [med('VRd', '2022-01-01', '2022-06-30'), med('IsaKd', '2023-01-01', '2023-06-30'), med('Pd', '2024-01-01', null)], read: flag('pentaExposed'), expected: true },
  { id: 'C09', summary: 'KRd + DVd + Pd -> penta', clause: '§2 penta', events: [med('KRd', '2022-01-01', '2022-06-30'), med('DVd', '2023-01-01', '2023-06-30'), med('Pd', '2024-01-01', null)], read: flag('pentaExposed'), expected: true },
  { id: 'C10', summary: 'VMP + DPd -> TCE false? no: VMP has no IMiD but DPd has pom -> TCE true', clause: '§2 TCE', events: [med('VMP', '2022-01-01', '2022-06-30'), med('DPd', '2023-01-01', null)], read: flag('tripleClassExposed'), expected: true },
  { id: 'C11', summary: 'MP + Dara-Rd -> not TCE (no PI; P of MP is prednisone)', clause: '§8 P in MP', events: [med('MP', '2022-01-01', '2022-06-30'), med('Dara-Rd', '2023-01-01', null)], read: flag('tripleClassExposed'), expected: false },
  { id: 'C12', summary: 'classExposed PI minDrugs 2 with Vd + IRd', clause: 'criteria-language minDrugs (counts)', events: [med('Vd', '2022-01-01', '2022-06-30'), med('IRd', '2023-01-01', null)], read: cExp('PI', { minDrugs: 2 }), expected: 'MET' },
  { id: 'C13', summary: 'single dose of daratumumab completes TCE', clause: '§2 exposed ≥1 dose', events: [med('VRd', '2022-01-01', '2022-06-30'), med('daratumumab', '2023-01-01', '2023-01-01')], read: flag('tripleClassExposed'), expected: true },
  { id: 'C14', summary: 'TCE with CD38 ≥2 consecutive cycles: dara single dose -> not met', clause: '§2 MagnetisMM-32', events: [med('VRd', '2022-01-01', '2022-06-30', { cycles: 6 }), med('daratumumab', '2023-01-01', '2023-01-01', { cycles: 1 })], read: out({ all: [{ fact: 'classExposed', class: 'IMID' }, { fact: 'classExposed', class: 'PI' }, { fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }] }), expected: 'NOT_MET' },

  // ---- D. refractoriness composites ----
  { id: 'D01', summary: 'VRd, PR, PD 32 d after last dose -> double-refractory', clause: '§1 PD within 60 d; §2 double-refractory', events: vrd1('2023-08-01'), read: flag('doubleRefractory'), expected: true },
  { id: 'D02', summary: 'PD exactly 60 d after last dose -> bortezomib refractory', clause: '§1 within 60 days', events: vrd1('2023-08-29'), read: refrD('bortezomib'), expected: true },
  { id: 'D03', summary: 'PD 61 d after last dose -> not double-refractory', clause: '§1 >60 days = relapsed', events: vrd1('2023-08-30'), read: flag('doubleRefractory'), expected: false },
  { id: 'D03b', summary: 'PD 61 d after -> lenalidomide not refractory', clause: '§1', events: vrd1('2023-08-30'), read: refrD('lenalidomide'), expected: false },
  { id: 'D04', summary: 'VRd induction, ASCT, R maintenance, PD on maintenance -> len refractory only at maintenance', clause: '§1 reduced/maintenance dose flagged', events: [med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), response('2023-03-01', 'PR'), response('2023-04-01', 'VGPR'), sct('2023-06-01'), med('lenalidomide', '2023-07-15', null, { intent: 'maintenance' }), response('2023-09-01', 'VGPR'), response('2024-06-01', 'PD')], read: (p: P) => `${refrD('lenalidomide')(p)}/${p.drugs.lenalidomide?.refractoryOnlyAtMaintenance}/${refrD('bortezomib')(p)}/${p.flags.doubleRefractory}`, expected: 'true/true/false/false' },
  { id: 'D05', summary: 'same -> drugRefractory len excludeMaintenanceOnly not met', clause: '§1 maintenance-dose variant', events: [med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), response('2023-03-01', 'PR'), response('2023-04-01', 'VGPR'), sct('2023-06-01'), med('lenalidomide', '2023-07-15', null, { intent: 'maintenance' }), response('2023-09-01', 'VGPR'), response('2024-06-01', 'PD')], read: dRef('lenalidomide', { excludeMaintenanceOnly: true }), expected: 'NOT_MET' },
  { id: 'D06', summary: 'VRd refr + DPd refr -> TCR, not penta-refractory', clause: '§2 TCR / penta', events: [...vrd1('2023-08-01'), ...dpd2], read: (p: P) => `${p.flags.tripleClassRefractory}/${p.flags.pentaRefractory}`, expected: 'true/false' },
  { id: 'D06b', summary: 'same -> TCR flag rule and all(classRefractory x3) agree (MET)', clause: '§2 TCR', events: [...vrd1('2023-08-01'), ...dpd2], read: (p: P) => `${fl('tripleClassRefractory')(p)}/${out({ all: [{ fact: 'classRefractory', class: 'IMID' }, { fact: 'classRefractory', class: 'PI' }, { fact: 'classRefractory', class: 'ANTI_CD38' }] })(p)}`, expected: 'MET/MET' },
  { id: 'D07', summary: '+ Kd refractory -> penta-refractory', clause: '§2 penta-refractory', events: [...vrd1('2023-08-01'), ...dpd2, ...kd3], read: flag('pentaRefractory'), expected: true },
  { id: 'D07b', summary: 'same -> MAMMOTH counts: PI minDrugs 2, IMID minDrugs 2, CD38 all met', clause: '§2 quad-refractory as counts', events: [...vrd1('2023-08-01'), ...dpd2, ...kd3], read: out({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID', minDrugs: 2 }] }), expected: 'MET' },
  { id: 'D08', summary: 'VRd refr + DPd refr, no K -> classRefractory PI minDrugs 2 not met', clause: '§2 counts', events: [...vrd1('2023-08-01'), ...dpd2], read: cRef('PI', { minDrugs: 2 }), expected: 'NOT_MET' },
  { id: 'D08b', summary: 'same -> IMID minDrugs 2 met (R and P)', clause: '§2 counts', events: [...vrd1('2023-08-01'), ...dpd2], read: cRef('IMID', { minDrugs: 2 }), expected: 'MET' },
  { id: 'D09', summary: 'IRd refr + DPd refr + Kd refr -> not penta-refractory (no bortezomib)', clause: '§2 penta = bortezomib + carfilzomib', events: [...vrd1('2023-08-01', 'IRd'), ...dpd2, ...kd3], read: (p: P) => `${p.flags.pentaRefractory}/${p.flags.tripleClassRefractory}`, expected: 'false/true' },
  { id: 'D09b', summary: 'same -> PI minDrugs 2 refractory met (ixazomib, carfilzomib)', clause: '§2 counts', events: [...vrd1('2023-08-01', 'IRd'), ...dpd2, ...kd3], read: cRef('PI', { minDrugs: 2 }), expected: 'MET' },
  { id: 'D10', summary: 'lenalidomide ongoing, no assessment -> classRefractory IMID unknown', clause: 'criteria-language: exposed but no response data', events: [med('Rd', '2025-01-01', null)], read: cRef('IMID'), expected: 'UNKNOWN' },
  { id: 'D10b', summary: 'same -> drugRefractory lenalidomide unknown', clause: 'criteria-language', events: [med('Rd', '2025-01-01', null)], read: dRef('lenalidomide'), expected: 'UNKNOWN' },
  { id: 'D11', summary: 'minExposure 28 (CD38): DRd 22 d, PD 24 d after -> dara not refractory, len refractory', clause: '§1 MAMMOTH ≥4 weeks; minExposureClasses [ANTI_CD38]', settings: S28, events: [med('DRd', '2023-01-01', '2023-01-22', { reasonStopped: 'toxicity' }), response('2023-02-15', 'PD')], read: (p: P) => `${refrD('daratumumab')(p)}/${refrD('lenalidomide')(p)}`, expected: 'false/true' },
  { id: 'D11b', summary: 'same, default settings (0) -> dara refractory', clause: 'minExposureDaysForRefractoriness 0', events: [med('DRd', '2023-01-01', '2023-01-22', { reasonStopped: 'toxicity' }), response('2023-02-15', 'PD')], read: refrD('daratumumab'), expected: true },
  { id: 'D12', summary: 'minExposure 28: dara 01-01..01-28 (28 days counted) -> refractory', clause: 'clinical-core: first to last dose both counted', settings: S28, events: [med('DRd', '2023-01-01', '2023-01-28', { reasonStopped: 'toxicity' }), response('2023-02-15', 'PD')], read: refrD('daratumumab'), expected: true },
  { id: 'D13', summary: 'minExposure 28: dara 01-01..01-27 (27 days) -> not refractory', clause: 'same boundary', settings: S28, events: [med('DRd', '2023-01-01', '2023-01-27', { reasonStopped: 'toxicity' }), response('2023-02-15', 'PD')], read: refrD('daratumumab'), expected: false },
  { id: 'D13b', summary: 'minExposure 28: 4 weekly per-dose dara (days 1..22) + PD 20 d later -> not refractory', clause: 'clinical-core: four weekly doses are 22 days', settings: S28, events: [...weekly('daratumumab', '2023-01-01', 4), med('Rd', '2023-01-01', '2023-01-22'), response('2023-02-10', 'PD')], read: refrD('daratumumab'), expected: false },
  { id: 'D14', summary: 'Rd refractory line 1, Kd refractory line 2 -> double-refractory (different lines)', clause: '§2 double-refractory', events: [med('Rd', '2023-01-01', null), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2023-09-01', 'PD'), med('Kd', '2023-09-15', null), response('2023-11-01', 'PR'), response('2023-12-01', 'PR'), response('2024-05-01', 'PD')], read: flag('doubleRefractory'), expected: true },
  { id: 'D15', summary: 'Darzalex Faspro and DRd records same dates, PD on it -> anti-CD38 refractory', clause: '§2 class refractory from dara SC', events: [med('DRd', '2024-01-01', null), med('Darzalex Faspro', '2024-01-01', null), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-09-01', 'PD')], read: (p: P) => `${p.classes.ANTI_CD38.refractory}/${cRef('ANTI_CD38')(p)}`, expected: 'true/MET' },
  { id: 'D16', summary: 'iberdomide refractory, V refractory -> not double-refractory', clause: '§2 CELMoD not IMiD', events: [med('iberdomide', '2024-01-01', null), med('bortezomib', '2024-01-01', null), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-09-01', 'PD')], read: flag('doubleRefractory'), expected: false },
  { id: 'D17', summary: 'Elo-Rd + VRd refractory + Elo refr: no CD38 -> not TCR', clause: '§2 TCR', events: [med('VRd', '2023-01-01', null), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2023-09-01', 'PD'), med('EPd', '2023-09-15', null), response('2023-11-01', 'PR'), response('2023-12-01', 'PR'), response('2024-05-01', 'PD')], read: flag('tripleClassRefractory'), expected: false },
  { id: 'D18', summary: 'PD exactly 60 d after last dose via a course recorded as cycles (regimen carries cycles) -> double refractory', clause: '§1', events: vrd1('2023-08-29'), read: flag('doubleRefractory'), expected: true },

  // ---- E. incomplete history: engine three-valued ----
  { id: 'E01', summary: 'VRd + "investigational anti-CD38 antibody" -> classExposed CD38 unknown', clause: 'criteria-language classExposed unknown beside text naming target', events: [med('VRd', '2023-01-01', '2023-06-30'), med('investigational anti-CD38 antibody', '2024-01-01', '2024-03-01')], read: cExp('ANTI_CD38'), expected: 'UNKNOWN' },
  { id: 'E01b', summary: 'same -> TCE flag rule unknown', clause: 'criteria-language flag', events: [med('VRd', '2023-01-01', '2023-06-30'), med('investigational anti-CD38 antibody', '2024-01-01', '2024-03-01')], read: fl('tripleClassExposed'), expected: 'UNKNOWN' },
  { id: 'E01c', summary: 'same -> pentaExposed flag rule not met (no K, no P: not short only of CD38)', clause: 'criteria-language flag', events: [med('VRd', '2023-01-01', '2023-06-30'), med('investigational anti-CD38 antibody', '2024-01-01', '2024-03-01')], read: fl('pentaExposed'), expected: 'NOT_MET' },
  { id: 'E02', summary: 'VRd + DPd + unread anti-CD38 text -> TCE met', clause: '§2 TCE already met', events: [med('VRd', '2023-01-01', '2023-06-30'), med('DPd', '2024-01-01', null), med('investigational anti-CD38 antibody', '2023-08-01', '2023-10-01')], read: fl('tripleClassExposed'), expected: 'MET' },
  { id: 'E03', summary: 'VRd + "CD38-negative" unread text -> classExposed CD38 not met', clause: 'criteria-language: not CD38-negative', events: [med('VRd', '2023-01-01', '2023-06-30'), med('study drug (CD38-negative cohort)', '2024-01-01', '2024-03-01')], read: cExp('ANTI_CD38'), expected: 'NOT_MET' },
  { id: 'E04', summary: 'no treatment history -> drugExposed unknown', clause: 'criteria-language: no history', events: [response('2024-01-01', 'PD')], read: dExp('lenalidomide'), expected: 'UNKNOWN' },
  { id: 'E05', summary: 'VRd -> pentaExposed flag rule not met', clause: '§2', events: [med('VRd', '2023-01-01', '2023-06-30')], read: fl('pentaExposed'), expected: 'NOT_MET' },
  { id: 'E06', summary: 'VRd + KPd + anti-CD38 unread -> pentaExposed unknown (short only of CD38)', clause: 'criteria-language flag', events: [med('VRd', '2022-01-01', '2022-06-30'), med('KPd', '2023-01-01', '2023-06-30'), med('investigational anti-CD38 antibody', '2024-01-01', '2024-03-01')], read: fl('pentaExposed'), expected: 'UNKNOWN' },
  { id: 'E07', summary: 'dara minCycles 2 consecutive across lines: C1 line1 end, PD, C1 line2 within 28 d -> consecutive 2?', clause: 'criteria-language consecutive run (back-to-back courses)', events: [med('DVd', '2024-01-01', '2024-01-28', { cycles: 1, reasonStopped: 'progression' }), response('2024-01-27', 'PD'), med('DPd', '2024-02-10', '2024-03-09', { cycles: 1 })], read: dExp('daratumumab', C2), expected: 'MET' },
];

describe('expo37 exposure / composite refractoriness', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = prof(c.events, c.settings);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
