/**
 * stat37 — disease status and refractoriness (domain.md §1, §2; docs/clinical-core.md settings), hand-derived
 * before reading the implementation. Scratch review file; not committed.
 */
import { carT, diagnosis, event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;

const plus = (d: string, n: number) => { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const apheresis = (d: string) => event('procedure', d, { kind: 'apheresis' });
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// memoised profile builders
const memo = <T>(f: () => T) => { let v: T | undefined; return () => (v ??= f()); };

// ---------------------------------------------------------------- A: 60 / 61 days after last dose (Rd 2024-01-01..06-30, PR)
const aBase = () => [DX, med('Rd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response('2024-05-01', 'PR')];
const A60 = memo(() => prof([...aBase(), response('2024-08-29', 'PD')], '2024-10-01'));
const A61 = memo(() => prof([...aBase(), response('2024-08-30', 'PD')], '2024-10-01'));
add('A01', '§1 refractory: PD within 60 days (day 60)', () => A60().drugs.lenalidomide?.refractory, true);
add('A02', '§1 refractory: day 61 is not', () => A61().drugs.lenalidomide?.refractory, false);
add('A03', '§1 R&R: ≥MR then PD within 60 days', () => A60().flags.relapsedAndRefractory, true);
add('A04', '§1 relapsed excluded when R&R', () => A60().flags.relapsed, false);
add('A05', '§1 relapsed: PD >60 days after last dose', () => A61().flags.relapsed, true);
add('A06', '§1 R&R not at day 61', () => A61().flags.relapsedAndRefractory, false);
add('A07', 'engine drugRefractory day 61 → NOT_MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, A61()), 'NOT_MET');
add('A08', 'engine drugRefractory day 60 → MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, A60()), 'MET');
add('A09', 'progressionAfterLastLine within 60 (day 60)', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, A60()), 'MET');
add('A10', 'progressionAfterLastLine within 60 (day 61)', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, A61()), 'NOT_MET');
add('A11', 'flag relapsed leaf day 61', () => rule({ fact: 'flag', name: 'relapsed' }, A61()), 'MET');
add('A12', 'flag relapsedAndRefractory leaf day 61', () => rule({ fact: 'flag', name: 'relapsedAndRefractory' }, A61()), 'NOT_MET');
add('A13', 'clinical day of a timed PD west of UTC (08-29 local = day 60)', () =>
  prof([...aBase(), event('response-assessment', '2024-08-29T23:30:00-05:00', { category: 'PD' })], '2024-10-01').drugs.lenalidomide?.refractory, true);
add('A14', 'clinical day of a timed PD east of UTC (08-30 local = day 61)', () =>
  prof([...aBase(), event('response-assessment', '2024-08-30T01:00:00+09:00', { category: 'PD' })], '2024-10-01').drugs.lenalidomide?.refractory, false);
add('A15', 'same fact two paths: classes.IMID.refractory agrees with drug (day 61)', () => A61().classes.IMID.refractory, false);
add('A16', 'refractoryWindowDays 30 setting: day 60 no longer refractory', () =>
  prof([...aBase(), response('2024-08-29', 'PD')], '2024-10-01', { refractoryWindowDays: 30 }).drugs.lenalidomide?.refractory, false);
add('A17', 'refractoryWindowDays 30: relapsed by the same window', () =>
  prof([...aBase(), response('2024-08-29', 'PD')], '2024-10-01', { refractoryWindowDays: 30 }).flags.relapsed, true);

// ---------------------------------------------------------------- B: never MR (primary refractory) and unknown MR
const vrd = () => med('VRd', '2024-01-01', '2024-06-30');
const B1 = memo(() => prof([DX, vrd(), response('2024-03-01', 'SD'), response('2024-05-01', 'PD')], '2024-10-01'));
add('B01', '§1 primary refractory: SD then PD on therapy', () => B1().flags.primaryRefractory, true);
add('B02', '§1 primary refractory excludes R&R', () => B1().flags.relapsedAndRefractory, false);
add('B03', '§1 primary refractory excludes relapsed', () => B1().flags.relapsed, false);
const B4 = memo(() => prof([DX, vrd(), response('2024-03-01', 'SD'), response('2024-05-01', 'SD'), response('2024-12-01', 'PD')], '2025-01-01'));
add('B04', '§1 primary refractory: nonresponsive (SD 4 months) then PD off therapy', () => B4().flags.primaryRefractory, true);
add('B05', '§1 … not relapsed', () => B4().flags.relapsed, false);
const B5 = memo(() => prof([DX, vrd(), response('2024-12-01', 'PD')], '2025-01-01'));
add('B06', 'no assessment before PD off therapy: primary refractory unknown', () => rule({ fact: 'flag', name: 'primaryRefractory' }, B5()), 'UNKNOWN');
add('B07', 'no assessment before PD off therapy: relapsed unknown', () => rule({ fact: 'flag', name: 'relapsed' }, B5()), 'UNKNOWN');
add('B08', 'no assessment before PD off therapy: R&R not met either way', () => rule({ fact: 'flag', name: 'relapsedAndRefractory' }, B5()), 'NOT_MET');
const B6 = memo(() => prof([DX, vrd(), response('2024-05-01', 'PD')], '2024-10-01'));
add('B09', 'no assessment, PD on therapy: R&R unknown', () => rule({ fact: 'flag', name: 'relapsedAndRefractory' }, B6()), 'UNKNOWN');
add('B10', 'no assessment, PD on therapy: relapsed not met either way', () => rule({ fact: 'flag', name: 'relapsed' }, B6()), 'NOT_MET');
add('B11', 'no assessment, PD on therapy: primary refractory unknown', () => rule({ fact: 'flag', name: 'primaryRefractory' }, B6()), 'UNKNOWN');
// never MR on line 1, PD at day 60/61 after it, salvage now responding
const b7 = (pd: string) => prof([DX, vrd(), response('2024-03-01', 'SD'), response('2024-05-01', 'SD'), response(pd, 'PD'),
  med('DPd', plus(pd, 7), null), response('2024-11-01', 'PR'), response('2024-12-01', 'PR')], '2025-01-01');
add('B12', 'never MR → PD day 60 → salvage PR: not primary refractory (MR reached now)', () => b7('2024-08-29').flags.primaryRefractory, false);
add('B13', '… not R&R (no MR before the progression)', () => b7('2024-08-29').flags.relapsedAndRefractory, false);
add('B14', '… not relapsed (PD within 60 days)', () => b7('2024-08-29').flags.relapsed, false);
add('B15', 'never MR → PD day 61 off therapy → salvage PR: relapsed (what is left)', () => b7('2024-08-30').flags.relapsed, true);
const B9 = memo(() => prof([DX, med('Rd', '2024-01-01', null), response('2024-03-01', 'SD'), response('2024-05-01', 'SD')], '2024-06-01'));
add('B16', '§1 primary refractory includes "no change" without PD', () => B9().flags.primaryRefractory, true);
add('B17', '… engine flag', () => rule({ fact: 'flag', name: 'primaryRefractory' }, B9()), 'MET');
add('B18', 'SD only 50 days into therapy: not yet nonresponsive', () =>
  prof([DX, med('Rd', '2024-01-01', null), response('2024-02-20', 'SD')], '2024-03-01').flags.primaryRefractory, false);
add('B19', 'nonresponse regardless-of-response: progressionOnly not met by SD only', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, B9()), 'NOT_MET');
add('B20', 'nonresponse: drugRefractory plain met by SD only', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, B9()), 'MET');
add('B21', '§1 "regardless of response": never-MR PD on drug is drug-refractory', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide', progressionOnly: true }, B1()), 'MET');

// ---------------------------------------------------------------- C: salvage lines
const C1 = memo(() => prof([DX, med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), response('2024-01-01', 'PD'),
  med('DPd', '2024-01-10', null), response('2024-03-15', 'SD'), response('2024-04-15', 'SD')], '2024-05-01'));
add('C01', '§1 R&R: nonresponsive on salvage after earlier PR', () => C1().flags.relapsedAndRefractory, true);
add('C02', '§1 … not relapsed', () => C1().flags.relapsed, false);
add('C03', '§1 … daratumumab refractory by nonresponse (SD ≥56 d)', () => C1().drugs.daratumumab?.refractory, true);
add('C04', 'refractoryToLastLine', () => C1().flags.refractoryToLastLine, true);
add('C05', 'bortezomib not refractory (PD 185 days after last dose)', () => C1().drugs.bortezomib?.refractory, false);
const C2 = memo(() => prof([DX, med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'SD'), response('2023-05-01', 'SD'), response('2024-01-01', 'PD'),
  med('DPd', '2024-01-10', null), response('2024-03-15', 'PR'), response('2024-04-15', 'PR')], '2024-05-01'));
add('C06', 'never MR on L1 (nonresponsive), PD off therapy, salvage PR: relapsed', () => C2().flags.relapsed, true);
add('C07', '… not primary refractory', () => C2().flags.primaryRefractory, false);
add('C08', '… bortezomib refractory by nonresponse', () => C2().drugs.bortezomib?.refractory, true);

// ---------------------------------------------------------------- D: penta / quad / double
const dBase = () => [DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-06-15', 'PD'),
  med('DKd', '2022-07-01', '2023-03-01'), response('2022-09-01', 'PR'), response('2023-02-15', 'PD')];
const D1 = memo(() => prof([...dBase(), med('Pd', '2023-03-10', null), response('2023-05-01', 'PR'), response('2023-08-01', 'PD')], '2023-09-01'));
const quad = { all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { any: [
  { all: [{ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] },
  { all: [{ fact: 'classRefractory', class: 'PI' }, { fact: 'classRefractory', class: 'IMID', minDrugs: 2 }] }] }] };
add('D01', '§2 penta-refractory', () => D1().flags.pentaRefractory, true);
add('D02', '§2 TCR', () => D1().flags.tripleClassRefractory, true);
add('D03', '§2 double-refractory', () => D1().flags.doubleRefractory, true);
add('D04', '§2 counts: PI minDrugs 2', () => rule({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, D1()), 'MET');
add('D05', '§2 counts: IMID minDrugs 2', () => rule({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }, D1()), 'MET');
add('D06', 'flag leaf pentaRefractory agrees', () => rule({ fact: 'flag', name: 'pentaRefractory' }, D1()), 'MET');
const d61 = (pd: string) => prof([...dBase(), med('Pd', '2023-03-10', '2023-06-01'), response('2023-05-01', 'PR'), response(pd, 'PD')], '2023-09-01');
add('D07', 'pom PD day 61: not penta-refractory', () => d61('2023-08-01').flags.pentaRefractory, false);
add('D08', 'pom PD day 61: penta-exposed', () => d61('2023-08-01').flags.pentaExposed, true);
add('D09', 'MAMMOTH quad as counts (anti-CD38 + 2 PI + 1 IMiD)', () => rule(quad, d61('2023-08-01')), 'MET');
add('D10', 'IMID minDrugs 2 not met (pom day 61)', () => rule({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }, d61('2023-08-01')), 'NOT_MET');
add('D11', 'pom PD day 60: penta-refractory', () => d61('2023-07-31').flags.pentaRefractory, true);
add('D12', 'dexamethasone is no class drug', () => Object.entries(D1().classes).filter(([, c]) => c.drugs.includes('dexamethasone')).map(([k]) => k).filter((k) => k !== 'CORTICOSTEROID'), []);
add('D13', 'penta-exposed needs pomalidomide, not thalidomide', () => prof([...dBase(), med('Td', '2023-03-10', null), response('2023-05-01', 'PR')], '2023-09-01').flags.pentaExposed, false);

// ---------------------------------------------------------------- E: CELMoD not IMiD
const E1 = memo(() => prof([DX, med('Vd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-06-15', 'PD'),
  med('IberDd', '2022-07-01', null), response('2022-09-01', 'PR'), response('2022-12-01', 'PD')], '2023-01-01'));
add('E01', '§2 CELMoD not IMiD: class IMID not exposed', () => E1().classes.IMID.exposed, false);
add('E02', '§2 TCE needs an IMiD', () => E1().flags.tripleClassExposed, false);
add('E03', '§2 TCR needs an IMiD', () => E1().flags.tripleClassRefractory, false);
add('E04', 'iberdomide refractory per drug', () => E1().drugs.iberdomide?.refractory, true);
add('E05', 'classRefractory CELMOD', () => rule({ fact: 'classRefractory', class: 'CELMOD' }, E1()), 'MET');
add('E06', 'classExposed IMID leaf', () => rule({ fact: 'classExposed', class: 'IMID' }, E1()), 'NOT_MET');
add('E07', 'double-refractory needs an IMiD (CELMoD not counted)', () => E1().flags.doubleRefractory, false);

// ---------------------------------------------------------------- F: MAMMOTH minimum exposure (28 days, ANTI_CD38)
const M28 = { minExposureDaysForRefractoriness: 28 };
const f1 = (end: string, pd: string, s = M28) => prof([DX, med('daratumumab', '2024-01-01', end), med('lenalidomide', '2024-01-01', end), med('dexamethasone', '2024-01-01', end), response(pd, 'PD')], '2024-04-01', s);
add('F01', 'MAMMOTH: 28 days on dara (days 1..28) then PD → refractory', () => f1('2024-01-28', '2024-02-15').drugs.daratumumab?.refractory, true);
add('F02', 'MAMMOTH: 27 days on dara then PD → not refractory', () => f1('2024-01-27', '2024-02-15').drugs.daratumumab?.refractory, false);
add('F03', 'MAMMOTH min applies only to ANTI_CD38: lenalidomide refractory', () => f1('2024-01-27', '2024-02-15').drugs.lenalidomide?.refractory, true);
add('F04', 'default setting (0): 27 days of dara then PD → refractory', () => f1('2024-01-27', '2024-02-15', {} as never).drugs.daratumumab?.refractory, true);
const weekly = (s: Partial<ProfileSettings>) => prof([DX, ...['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'].map((d) => med('daratumumab', d, d)),
  med('dexamethasone', '2024-01-01', '2024-01-22'), response('2024-02-10', 'PD')], '2024-04-01', s);
add('F05', 'four weekly doses = 22 days: min 22 met', () => weekly({ minExposureDaysForRefractoriness: 22 }).drugs.daratumumab?.refractory, true);
add('F06', 'four weekly doses = 22 days: min 23 not met', () => weekly({ minExposureDaysForRefractoriness: 23 }).drugs.daratumumab?.refractory, false);
const f4 = (extra: Ev[], s: Partial<ProfileSettings> = M28) => prof([DX, med('daratumumab', '2024-01-01', null), med('pomalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null),
  response('2024-01-20', 'PD'), ...extra], '2024-04-01', s);
add('F07', 'MAMMOTH: PD on day 20, given on past day 28, no response since → refractory', () => f4([]).drugs.daratumumab?.refractory, true);
add('F08', 'MAMMOTH: PD on day 20, PR since while given → not refractory', () => f4([response('2024-02-20', 'PR'), response('2024-03-20', 'PR')]).drugs.daratumumab?.refractory, false);
add('F09', 'default: PD on day 20 on dara → refractory regardless of later PR', () => f4([response('2024-02-20', 'PR'), response('2024-03-20', 'PR')], {}).drugs.daratumumab?.refractory, true);
add('F10', 'MAMMOTH: PD on day 28 of a course that ran on to day 31 → refractory', () => f1('2024-01-31', '2024-01-28').drugs.daratumumab?.refractory, true);
add('F11', 'MAMMOTH: PD on day 27, course stopped day 27 → not refractory', () => f1('2024-01-27', '2024-01-27').drugs.daratumumab?.refractory, false);
add('F12', 'MAMMOTH: isatuximab is anti-CD38 too (27 days → not refractory)', () =>
  prof([DX, med('isatuximab', '2024-01-01', '2024-01-27'), med('Pd', '2024-01-01', '2024-01-27'), response('2024-02-15', 'PD')], '2024-04-01', M28).drugs.isatuximab?.refractory, false);
add('F13', 'MAMMOTH with minExposureClasses null: lenalidomide 27 days → not refractory', () =>
  f1('2024-01-27', '2024-02-15', { ...M28, minExposureClasses: null } as never).drugs.lenalidomide?.refractory, false);

// ---------------------------------------------------------------- H: maintenance
const hBase = (maintIntent: boolean) => [DX, med('VRd', '2023-01-01', '2023-05-01', { intent: 'induction' }), response('2023-03-01', 'PR'),
  med('melphalan', '2023-05-30', '2023-05-30', { intent: 'conditioning' }), sct('2023-06-01'), response('2023-07-15', 'VGPR'),
  med('lenalidomide', '2023-08-01', null, maintIntent ? { intent: 'maintenance' } : {}), response('2023-10-01', 'VGPR'), response('2024-06-01', 'PD')];
const H1 = memo(() => prof(hBase(true), '2024-07-01'));
add('H01', '§1 PD on len maintenance → len refractory', () => H1().drugs.lenalidomide?.refractory, true);
add('H02', '§1 variant: refractory only at maintenance flagged', () => H1().drugs.lenalidomide?.refractoryOnlyAtMaintenance, true);
add('H03', 'excludeMaintenanceOnly → NOT_MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, H1()), 'NOT_MET');
add('H04', 'plain drugRefractory → MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, H1()), 'MET');
add('H05', 'R&R: MR then PD on maintenance', () => H1().flags.relapsedAndRefractory, true);
add('H06', 'bortezomib (induction only, last dose a year before) not refractory', () => H1().drugs.bortezomib?.refractory, false);
add('H07', 'no intent recorded, single agent ≤180 d after ASCT: maintenance flag', () => prof(hBase(false), '2024-07-01').drugs.lenalidomide?.refractoryOnlyAtMaintenance, true);
add('H08', 'melphalan conditioning never refractory', () => H1().drugs.melphalan?.refractory ?? false, false);

// ---------------------------------------------------------------- I: exposure thresholds
const iBase = () => [DX, med('VRd', '2023-01-01', '2023-06-30', { cycles: 6 }), response('2023-03-01', 'PR')];
const dara = (s: string, e: string, cycles?: number) => med('daratumumab', s, e, cycles === undefined ? {} : { cycles });
const ip = (evs: Ev[]) => prof([...iBase(), ...evs, response('2024-06-15', 'PR')], '2024-07-01');
add('I01', '§2 exposed ≥1 dose: single dara dose', () => rule({ fact: 'drugExposed', drug: 'daratumumab' }, ip([dara('2024-01-01', '2024-01-01')])), 'MET');
add('I02', '§2 TCE by a single anti-CD38 dose', () => ip([dara('2024-01-01', '2024-01-01')]).flags.tripleClassExposed, true);
add('I03', '≥2 consecutive cycles: single dose, cycles not recorded → unknown', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-01')])), 'UNKNOWN');
add('I04', '≥2 consecutive cycles: single dose recorded as 1 cycle → not met', () => rule({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-28', 1)])), 'NOT_MET');
add('I05', '1 + 1 cycles 47 days apart: consecutive not met', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-28', 1), dara('2024-03-15', '2024-04-11', 1)])), 'NOT_MET');
add('I06', '1 + 1 cycles 47 days apart: total 2 met', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2 }, ip([dara('2024-01-01', '2024-01-28', 1), dara('2024-03-15', '2024-04-11', 1)])), 'MET');
add('I07', 'back-to-back 1 + 1 cycles: consecutive met', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-28', 1), dara('2024-01-29', '2024-02-25', 1)])), 'MET');
add('I08', 'next course 28 days after last dose (within window): consecutive met', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-28', 1), dara('2024-02-25', '2024-03-23', 1)])), 'MET');
add('I09', 'next course 29 days after last dose: consecutive not met', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, ip([dara('2024-01-01', '2024-01-28', 1), dara('2024-02-26', '2024-03-24', 1)])), 'NOT_MET');
add('I10', 'minDays 28 with days 1..28', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 }, ip([dara('2024-01-01', '2024-01-28', 1)])), 'MET');
add('I11', 'minDays 29 with days 1..28 (ended)', () => rule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 29 }, ip([dara('2024-01-01', '2024-01-28', 1)])), 'NOT_MET');
const I12 = memo(() => prof([DX, med('lenalidomide', '2022-01-01', '2022-06-30', { cycles: 6 }), response('2022-03-01', 'PR'), response('2022-12-01', 'PD'),
  med('lenalidomide', '2023-01-01', '2023-03-31', { cycles: 3 }), med('dexamethasone', '2023-01-01', '2023-03-31'), response('2023-03-01', 'PR')], '2023-06-01'));
add('I12', '§2 stored exposure {first, last, cycles}', () => { const d = I12().drugs.lenalidomide; return [d?.firstDose, d?.lastDose, d?.cycles]; }, ['2022-01-01', '2023-03-31', 9]);
add('I13', 'same course sent twice (regimen + drug): cycles not doubled', () => prof([DX, med('Rd', '2022-01-01', '2022-06-30', { cycles: 6 }), med('lenalidomide', '2022-01-01', '2022-06-30', { cycles: 6 }), response('2022-03-01', 'PR')], '2022-08-01').drugs.lenalidomide?.cycles, 6);
add('I14', 'cycles partial: 3 + unknown, ask 4 → unknown', () => rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 4 },
  prof([DX, med('Rd', '2022-01-01', '2022-03-31', { cycles: 3 }), med('Rd', '2022-04-01', '2022-06-30'), response('2022-03-01', 'PR')], '2022-08-01')), 'UNKNOWN');

// ---------------------------------------------------------------- J: courses stopped without end
const J1 = memo(() => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), med('DKd', '2024-06-01', null)], '2024-07-01'));
add('J01', 'stopped for progression, no end, next line: bortezomib refractory', () => J1().drugs.bortezomib?.refractory, true);
add('J02', '… lenalidomide refractory', () => J1().drugs.lenalidomide?.refractory, true);
add('J03', '… R&R (PR then progression on therapy)', () => J1().flags.relapsedAndRefractory, true);
add('J04', '… not relapsed', () => J1().flags.relapsed, false);
add('J05', '… last dose not known', () => J1().drugs.bortezomib?.lastDoseUnknown, true);
const J2 = memo(() => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'progression' }), response('2024-03-01', 'PR')], '2024-07-01'));
add('J06', 'stopped for progression, no end, no next line: progressionAfterLastLine 60 met', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, J2()), 'MET');
add('J07', '… R&R flag', () => J2().flags.relapsedAndRefractory, true);
add('J08', '… drugRefractory lenalidomide', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, J2()), 'MET');
const j3 = (pd: string) => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'toxicity' }), response('2024-02-15', 'PR'), response(pd, 'PD')], '2024-04-01');
add('J09', 'stopped for toxicity, no end, PD 61 d after start: drug refractoriness unknown', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, j3('2024-03-02')), 'UNKNOWN');
add('J10', '… relapsed unknown', () => rule({ fact: 'flag', name: 'relapsed' }, j3('2024-03-02')), 'UNKNOWN');
add('J11', '… R&R unknown', () => rule({ fact: 'flag', name: 'relapsedAndRefractory' }, j3('2024-03-02')), 'UNKNOWN');
add('J12', 'stopped for toxicity, no end, PD 60 d after start: within 60 of any last dose → refractory', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, j3('2024-03-01')), 'MET');
add('J13', '… R&R met', () => rule({ fact: 'flag', name: 'relapsedAndRefractory' }, j3('2024-03-01')), 'MET');
add('J14', '… relapsed not met', () => rule({ fact: 'flag', name: 'relapsed' }, j3('2024-03-01')), 'NOT_MET');
const J6 = memo(() => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'progression' }), response('2024-03-01', 'PR'),
  med('VRd', '2024-05-01', null), response('2024-07-01', 'PR'), response('2024-09-01', 'VGPR')], '2024-10-01'));
add('J15', 'same regimen after a stop for progression: re-treatment, 2 lines', () => J6().linesOfTherapy.count, 2);
add('J16', '… stays R&R while responding to salvage', () => J6().flags.relapsedAndRefractory, true);
add('J17', '… not relapsed', () => J6().flags.relapsed, false);
add('J18', '… bortezomib refractory (line 1)', () => J6().drugs.bortezomib?.refractory, true);
add('J19', 'progressionOnly, stop for progression without PD record', () => rule({ fact: 'drugRefractory', drug: 'bortezomib', progressionOnly: true }, J2()), 'MET');

// ---------------------------------------------------------------- K: CAR-T with bridging
const kPrior = () => [DX, med('VRd', '2020-01-01', '2020-06-30'), response('2020-03-01', 'PR'), response('2021-06-01', 'PD'),
  med('DPd', '2021-06-10', '2022-12-31'), response('2021-09-01', 'PR'), response('2022-12-15', 'PD'), apheresis('2023-01-05')];
const bridging = () => [med('carfilzomib', '2023-01-10', '2023-02-10', { intent: 'bridging' }), med('dexamethasone', '2023-01-10', '2023-02-10', { intent: 'bridging' })];
const CILTA = 'ciltacabtagene autoleucel';
const kCore = () => [...kPrior(), ...bridging(), response('2023-02-05', 'PD'), carT('2023-02-20', CILTA), response('2023-05-20', 'CR'), response('2023-08-20', 'CR')];
const K1 = memo(() => prof(kCore(), '2023-09-01'));
add('K01', 'bridging that failed: carfilzomib refractory', () => K1().drugs.carfilzomib?.refractory, true);
add('K02', 'bridging failed then CR on CAR-T: last line responded (refractoryToLastLine false)', () => K1().flags.refractoryToLastLine, false);
add('K03', '… R&R (latest progression on bridging, after MR)', () => K1().flags.relapsedAndRefractory, true);
add('K04', '… not relapsed', () => K1().flags.relapsed, false);
add('K05', '… cilta-cel not refractory', () => K1().drugs[CILTA]?.refractory ?? false, false);
add('K06', '… bridging is part of the CAR-T line: 3 lines', () => K1().linesOfTherapy.count, 3);
add('K07', '… dara refractory (PD on DPd)', () => K1().drugs.daratumumab?.refractory, true);
add('K08', '… TCR flag', () => K1().flags.tripleClassRefractory, true);
const K2 = memo(() => prof([...kCore(), response('2026-03-01', 'PD')], '2026-06-01'));
add('K09', 'PD years after CAR-T CR: relapsed', () => K2().flags.relapsed, true);
add('K10', '… not R&R', () => K2().flags.relapsedAndRefractory, false);
add('K11', '… CAR-T not refractory', () => rule({ fact: 'classRefractory', class: 'BCMA_CAR_T' }, K2()), 'NOT_MET');
add('K12', '… refractoryToLastLine false', () => K2().flags.refractoryToLastLine, false);
add('K13', '… progressionAfterLastLine within 60: not met', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, K2()), 'NOT_MET');
add('K14', '… progressionAfterLastLine (any time): met', () => rule({ fact: 'progressionAfterLastLine' }, K2()), 'MET');
add('K15', '… primary refractory false', () => K2().flags.primaryRefractory, false);
const kEarly = (pd: string) => prof([...kPrior(), ...bridging(), response('2023-02-01', 'PR'), carT('2023-02-20', CILTA), response('2023-03-20', 'CR'), response(pd, 'PD')], '2023-09-01');
add('K16', 'CAR-T: CR then PD 54 d after infusion → product refractory', () => kEarly('2023-04-15').drugs[CILTA]?.refractory, true);
add('K17', 'CAR-T: CR then PD 60 d after infusion → product refractory', () => kEarly('2023-04-21').drugs[CILTA]?.refractory, true);
add('K18', 'CAR-T: CR then PD 61 d after infusion → not refractory', () => kEarly('2023-04-22').drugs[CILTA]?.refractory ?? false, false);
add('K19', '… and relapsed (off therapy >60 d after infusion, 71 d after bridging)', () => kEarly('2023-04-22').flags.relapsed, true);
add('K20', 'CAR-T day 60 PD after CR: R&R', () => kEarly('2023-04-21').flags.relapsedAndRefractory, true);
const K21 = memo(() => prof([...kPrior(), ...bridging(), response('2023-02-01', 'PR'), carT('2023-02-20', CILTA), response('2023-05-20', 'SD'), response('2023-09-01', 'PD')], '2023-10-01'));
add('K21', 'CAR-T without response, PD 193 d after: product refractory', () => K21().drugs[CILTA]?.refractory, true);
add('K22', '… R&R', () => K21().flags.relapsedAndRefractory, true);
add('K23', '… relapsed false', () => K21().flags.relapsed, false);
const K24 = memo(() => prof([...kPrior(), med('Kd', '2023-01-10', null, { intent: 'bridging', reasonStopped: 'progression' }),
  carT('2023-02-20', CILTA), response('2023-05-20', 'CR'), response('2023-08-20', 'CR')], '2023-09-01'));
add('K24', 'bridging stopped for progression without end, then CAR-T CR: carfilzomib refractory', () => K24().drugs.carfilzomib?.refractory, true);
add('K25', '… refractoryToLastLine false (CR since)', () => K24().flags.refractoryToLastLine, false);
add('K26', '… R&R', () => K24().flags.relapsedAndRefractory, true);
add('K27', '… 3 lines (bridging in CAR-T line)', () => K24().linesOfTherapy.count, 3);

// ---------------------------------------------------------------- L: dex goes on after lenalidomide stopped
const L1 = memo(() => prof([DX, med('lenalidomide', '2024-01-01', '2024-03-01'), med('dexamethasone', '2024-01-01', '2024-06-01'), response('2024-02-15', 'PR'), response('2024-03-01', 'PR'), response('2024-05-20', 'PD')], '2024-07-01'));
add('L01', 'per-drug last dose: len stopped 80 d before PD, dex going on → len not refractory', () => L1().drugs.lenalidomide?.refractory, false);
add('L02', '… IMID class not refractory', () => L1().classes.IMID.refractory, false);

// ---------------------------------------------------------------- N: nonresponse boundaries (nonResponseMinDaysOngoing 56)
const n1 = (sd: string, extra: Ev[] = []) => prof([DX, med('Rd', '2024-01-01', '2024-03-01', { reasonStopped: 'toxicity' }), response(sd, 'SD'), ...extra], '2024-04-01');
add('N01', 'toxicity stop, SD on day +56 → nonresponsive', () => n1('2024-02-26').drugs.lenalidomide?.refractory, true);
add('N02', 'toxicity stop, SD on day +55 → not judged', () => n1('2024-02-25').drugs.lenalidomide?.refractory, false);
add('N03', 'SD day +56 then PR reported after last dose, before next line → MR reached on it', () => n1('2024-02-26', [response('2024-03-15', 'PR')]).drugs.lenalidomide?.refractory, false);
add('N04', 'toxicity stop, SD day +56: primary refractory', () => n1('2024-02-26').flags.primaryRefractory, true);
const O = (vals: Array<[string, number]>) => prof([DX, med('DRd', '2024-01-01', null), ...vals.map(([d, v]) => event('lab', d, { name: 'serum m-protein', value: v, unit: 'g/dL' }))], '2024-05-01');
add('N05', 'computed SD confirmed ≥56 d → dara nonresponsive', () => O([['2023-12-20', 2.0], ['2024-01-30', 1.9], ['2024-02-27', 1.9]]).drugs.daratumumab?.refractory, true);
add('N06', 'single MR between SDs is not MR achieved → nonresponsive', () => O([['2023-12-20', 2.0], ['2024-01-30', 1.9], ['2024-02-27', 1.4], ['2024-03-27', 1.9]]).drugs.daratumumab?.refractory, true);
add('N07', 'confirmed MR (−30% twice) → not nonresponsive', () => O([['2023-12-20', 2.0], ['2024-01-30', 1.4], ['2024-02-27', 1.4], ['2024-03-27', 1.4]]).drugs.daratumumab?.refractory, false);
add('N08', 'confirmed MR exactly −25% → not primary refractory', () => O([['2023-12-20', 2.0], ['2024-01-30', 1.5], ['2024-02-27', 1.5], ['2024-03-27', 1.5]]).flags.primaryRefractory, false);
add('N09', 'ongoing, SD reported day +56 → nonresponsive', () => prof([DX, med('DPd', '2024-01-01', null), response('2024-02-26', 'SD')], '2024-03-10').drugs.daratumumab?.refractory, true);

// ---------------------------------------------------------------- Q: PD after the next line started
const qp = (pd: string) => prof([DX, med('Rd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response('2024-05-01', 'PR'), med('Kd', '2024-07-15', null), response(pd, 'PD')], '2024-09-01');
add('Q01', 'PD 26 d into next line (41 d after len): len not refractory', () => qp('2024-08-10').drugs.lenalidomide?.refractory, false);
add('Q02', '… carfilzomib refractory', () => qp('2024-08-10').drugs.carfilzomib?.refractory, true);
add('Q03', 'PD on day 14 of next line: prompted it → len refractory', () => qp('2024-07-29').drugs.lenalidomide?.refractory, true);
add('Q04', '… carfilzomib not yet judged → unknown', () => rule({ fact: 'drugRefractory', drug: 'carfilzomib' }, qp('2024-07-29')), 'UNKNOWN');
add('Q05', 'PD on day 15 of next line: len not refractory', () => qp('2024-07-30').drugs.lenalidomide?.refractory, false);
add('Q06', '… carfilzomib refractory', () => qp('2024-07-30').drugs.carfilzomib?.refractory, true);
add('Q07', 'PD day 14 of next line: R&R (within 60 d of len, after PR)', () => qp('2024-07-29').flags.relapsedAndRefractory, true);

// ---------------------------------------------------------------- S: ASCT as last therapy
const sp = (pd: string) => prof([DX, med('VRd', '2023-09-01', '2024-01-31', { intent: 'induction' }), response('2023-11-01', 'PR'), response('2024-01-15', 'VGPR'),
  med('melphalan', '2024-02-28', '2024-02-28', { intent: 'conditioning' }), sct('2024-03-01'), response(pd, 'PD')], '2024-07-01');
add('S01', 'PD 60 d after ASCT: R&R', () => sp('2024-04-30').flags.relapsedAndRefractory, true);
add('S02', 'PD 61 d after ASCT: relapsed', () => sp('2024-05-01').flags.relapsed, true);
add('S03', 'PD 61 d after ASCT: not R&R', () => sp('2024-05-01').flags.relapsedAndRefractory, false);
add('S04', 'PD 60 d after ASCT: progressionAfterLastLine 60 met', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, sp('2024-04-30')), 'MET');
add('S05', 'PD 60 d after ASCT (89 d after VRd): lenalidomide not refractory', () => sp('2024-04-30').drugs.lenalidomide?.refractory, false);

// ---------------------------------------------------------------- T: re-treatment after relapse
const tBase = () => [DX, med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), response('2023-03-01', 'PR'), response('2024-03-01', 'PD'), med('Rd', '2024-03-10', null), response('2024-05-01', 'PR')];
add('T01', 're-treatment after off-therapy relapse: len not refractory', () => prof(tBase(), '2024-06-01').drugs.lenalidomide?.refractory, false);
add('T02', '… relapsed', () => prof(tBase(), '2024-06-01').flags.relapsed, true);
add('T03', '… 2 lines', () => prof(tBase(), '2024-06-01').linesOfTherapy.count, 2);
add('T04', 'PD on re-treatment: len refractory', () => prof([...tBase(), response('2024-10-01', 'PD')], '2024-11-01').drugs.lenalidomide?.refractory, true);
add('T05', '… R&R', () => prof([...tBase(), response('2024-10-01', 'PD')], '2024-11-01').flags.relapsedAndRefractory, true);

// ---------------------------------------------------------------- U: nonresponse carried into a later line
const U1 = memo(() => prof([DX, med('Rd', '2024-01-01', null), response('2024-03-01', 'SD'), response('2024-05-01', 'SD'),
  med('daratumumab', '2024-06-01', null), response('2024-08-01', 'PR'), response('2024-09-01', 'PR')], '2024-10-01'));
add('U01', 'Rd SD 4 months, then D added, PR: len refractory', () => U1().drugs.lenalidomide?.refractory, true);
add('U02', '… dara not refractory', () => U1().drugs.daratumumab?.refractory, false);
add('U03', '… not primary refractory (MR reached)', () => U1().flags.primaryRefractory, false);
add('U04', '… not R&R (no progression, responding)', () => U1().flags.relapsedAndRefractory, false);
add('U05', '… not relapsed (no progression)', () => U1().flags.relapsed, false);

// ---------------------------------------------------------------- V/Y: quad counts, three-valued TCR
const vBase = () => [DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-06-15', 'PD')];
const V1 = memo(() => prof([...vBase(), med('isatuximab', '2022-07-01', null), med('Kd', '2022-07-01', null), response('2022-09-01', 'PR'), response('2023-02-15', 'PD')], '2023-03-01'));
add('V01', 'MAMMOTH quad (isa + V + K + R) as counts', () => rule(quad, V1()), 'MET');
add('V02', '… not penta (no pomalidomide)', () => V1().flags.pentaRefractory, false);
add('V03', '… isatuximab counts as anti-CD38 refractory', () => V1().classes.ANTI_CD38.refractory, true);
add('V04', '… TCR flag and leaves agree', () => [V1().flags.tripleClassRefractory, rule({ all: ['PI', 'IMID', 'ANTI_CD38'].map((c) => ({ fact: 'classRefractory', class: c })) }, V1())], [true, 'MET']);
add('Y01', 'dara just begun, not assessed: TCR unknown', () => rule({ fact: 'flag', name: 'tripleClassRefractory' }, prof([...vBase(), med('Dd', '2022-07-01', null)], '2022-07-10')), 'UNKNOWN');
add('Y02', 'dara responding: TCR not met', () => rule({ fact: 'flag', name: 'tripleClassRefractory' }, prof([...vBase(), med('Dd', '2022-07-01', null), response('2022-09-01', 'PR'), response('2022-11-01', 'VGPR')], '2022-12-01')), 'NOT_MET');
add('Y03', 'double-refractory flag vs leaves (VRd PD on therapy)', () => { const p = prof(vBase(), '2022-08-01'); return [p.flags.doubleRefractory, rule({ all: [{ fact: 'classRefractory', class: 'IMID' }, { fact: 'classRefractory', class: 'PI' }] }, p)]; }, [true, 'MET']);
add('Y04', 'anti-CD38 single dose + PD within 60 d: TCR (exposure ≥1 dose suffices for refractory)', () =>
  prof([...vBase(), med('daratumumab', '2022-07-01', '2022-07-01', { reasonStopped: 'toxicity' }), med('Pd', '2022-07-01', null), response('2022-08-15', 'PD')], '2022-09-01').flags.tripleClassRefractory, true);

describe('stat37 disease status and refractoriness', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}]`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
