/**
 * lot35b — further lines-of-therapy boundary cases (domain.md §3, docs/clinical-core.md, docs/criteria-language.md).
 * Expectations written from the definitions before reading the implementation. Scratch review file; not committed.
 */
import { event, med, response, sct, carT } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-01-01';
const N = (p: P) => p.linesOfTherapy.count;
const L = (p: P) => p.linesOfTherapy.lines.map((l) => `${l.start}:${l.openedBy}`);
const S = (p: P) => p.linesOfTherapy.lines.map((l) => l.start);
const END = (i: number) => (p: P) => p.linesOfTherapy.lines[i]?.end ?? 'none';
const RFC = (i: number) => (p: P) => p.linesOfTherapy.lines[i]?.reasonForChange ?? null;
const PD = (d: string) => response(d, 'PD');
const apher = (d: string) => event('procedure', d, { kind: 'apheresis' });
const rule = (r: unknown, asOf: string) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;
const induction = (): Ev[] => [
  med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction' }),
  med('cyclophosphamide', '2024-05-10', '2024-05-11', { intent: 'mobilization' }),
  apher('2024-05-20'),
  med('melphalan', '2024-06-14', '2024-06-14', { intent: 'conditioning' }),
  sct('2024-06-15'),
];
const preCarT2 = (): Ev[] => [
  med('VRd', '2022-01-01', '2022-12-31', { reasonStopped: 'completed' }),
  PD('2023-01-01'),
  med('Kd', '2023-01-10', '2023-12-31', { reasonStopped: 'progression' }),
  PD('2023-12-20'),
];
const dara28 = ['2024-01-01', '2024-01-29', '2024-02-26', '2024-03-25', '2024-04-22', '2024-05-20'];

interface Case { id: string; clause: string; events: () => Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Partial<typeof DEFAULT_SETTINGS> }
const cases: Case[] = [
  { id: 'B01', clause: 'doc earlyProgressionDays 14: PD exactly day 14 then dara added in window → 1 line', events: () => [med('Rd', '2024-01-01', null), PD('2024-01-15'), med('daratumumab', '2024-01-25', null)], read: N, expected: 1 },
  { id: 'B02', clause: 'doc earlyProgressionDays 14: PD day 15 then dara added in window → salvage, 2 lines', events: () => [med('Rd', '2024-01-01', null), PD('2024-01-16'), med('daratumumab', '2024-01-25', null)], read: N, expected: 2 },
  { id: 'B03', clause: 'doc: first agent stopped for good (15 d, ≥ minLineDays) and another started within window = substitution', events: () => [med('lenalidomide', '2024-01-01', '2024-01-15'), med('bortezomib', '2024-01-20', null)], read: N, expected: 2 },
  { id: 'B04', clause: 'minLineDays 14: first agent 12 days then another within window → joins (1 line)', events: () => [med('lenalidomide', '2024-01-01', '2024-01-12'), med('bortezomib', '2024-01-20', null)], read: N, expected: 1 },
  { id: 'B05', clause: 'doc: clinical day = day written; V at 2024-01-29T23:30-05:00 is day 28 → 1 line', events: () => [med('lenalidomide', '2024-01-01', null), med('bortezomib', '2024-01-29T23:30:00-05:00', null)], read: N, expected: 1 },
  { id: 'B06', clause: 'priorLines: line start timed 2024-06-01T08:00+02:00 (day written 06-01) is on the screening day → not counted', asOf: '2024-06-01', events: () => [med('VRd', '2023-01-01', '2023-06-30'), med('Kd', '2024-06-01T08:00:00+02:00', null)], read: rule({ fact: 'priorLines', min: 2 }, '2024-06-01'), expected: 'NOT_MET' },
  { id: 'B07', clause: 'priorLines: unreadable investigational medication between lines may be a line → min 3 UNKNOWN', events: () => [med('VRd', '2023-01-01', '2023-06-30'), med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-03-31'), med('Kd', '2024-06-01', null)], read: rule({ fact: 'priorLines', min: 3 }, AS_OF), expected: 'UNKNOWN' },
  { id: 'B08', clause: 'priorLines: same, max 3 decided either way → MET', events: () => [med('VRd', '2023-01-01', '2023-06-30'), med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-03-31'), med('Kd', '2024-06-01', null)], read: rule({ fact: 'priorLines', max: 3 }, AS_OF), expected: 'MET' },
  { id: 'B09', clause: 'scheduleSlipDays 7: q28d dara, PD between doses, next dose 28 d later → therapy going on (1 line)', events: () => [...dara28.map((d) => med('daratumumab', d, d)), PD('2024-06-01'), med('daratumumab', '2024-06-17', '2024-06-17')], read: N, expected: 1 },
  { id: 'B10', clause: 'scheduleSlipDays 7: q28d dara, PD, next dose 35 d after (28+7) → going on (1 line)', events: () => [...dara28.map((d) => med('daratumumab', d, d)), PD('2024-06-01'), med('daratumumab', '2024-06-24', '2024-06-24')], read: N, expected: 1 },
  { id: 'B11', clause: 'scheduleSlipDays 7: q28d dara, PD, next dose 36 d after → re-treatment after progression (2 lines)', events: () => [...dara28.map((d) => med('daratumumab', d, d)), PD('2024-06-01'), med('daratumumab', '2024-06-25', '2024-06-25')], read: N, expected: 2 },
  { id: 'B12', clause: 'bridgingWindowDays 90: bridging (intent) starting exactly 90 d before infusion is in the CAR-T line', events: () => [...preCarT2(), med('Pd', '2024-05-22', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: N, expected: 3 },
  { id: 'B13', clause: 'bridgingWindowDays 90: "bridging" starting 91 d before infusion is not part of the CAR-T line', events: () => [...preCarT2(), med('Pd', '2024-05-21', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: N, expected: 3 }, // v17 (story35 S16): a course recorded as bridging is measured to the infusion from its last dose (10 days): part of the CAR-T line
  { id: 'B14', clause: 'doc: no intent: therapy started after apheresis, infusion > 90 d later → not bridging (own line)', events: () => [...preCarT2(), apher('2024-01-10'), med('Pd', '2024-01-15', '2024-04-30'), carT('2024-05-01', 'cilta-cel')], read: N, expected: 4 },
  { id: 'B15', clause: 'doc: no intent: therapy started after apheresis, infusion within 90 d → bridging (CAR-T line)', events: () => [...preCarT2(), apher('2024-01-10'), med('Pd', '2024-01-15', '2024-03-31'), carT('2024-04-05', 'cilta-cel')], read: N, expected: 3 },
  { id: 'B16', clause: 'doc: maintenance recorded as planned but started >180 d after ASCT stays in line with a flag', events: () => [...induction(), med('lenalidomide', '2025-02-01', null, { intent: 'maintenance' })], read: (p) => [N(p), (p.linesOfTherapy.lines[0]?.reviewFlags.length ?? 0) > 0], expected: [1, true] },
  { id: 'B17', clause: 'plannedTandemMaxDays setting 200: tandem at 190 d → 1 line', settings: { plannedTandemMaxDays: 200 }, events: () => [...induction(), sct('2024-12-22', { plannedTandem: true })], read: N, expected: 1 },
  { id: 'B18', clause: 'doc: steroids alone with a response (MR) then a regimen within the window → steroid line of its own', events: () => [med('dexamethasone', '2024-01-01', '2024-02-20'), response('2024-02-10', 'MR'), med('VRd', '2024-02-15', null)], read: N, expected: 2 },
  { id: 'B19', clause: 'doc: dex lead-in 45 d without response joined by VRd while it runs → 1 line', events: () => [med('dexamethasone', '2024-01-01', '2024-02-20'), med('VRd', '2024-02-15', null)], read: N, expected: 1 },
  { id: 'B20', clause: 'doc: CAR-T product sent as a medication is the infusion (opens CAR-T line)', events: () => [...preCarT2(), med('ciltacabtagene autoleucel', '2024-03-01', '2024-03-01')], read: (p) => L(p)[2]?.split(':')[1], expected: 'car-t' },
  { id: 'B21', clause: 'doc: ASCT written as medication is the transplant; unplanned second one = second-sct', events: () => [...induction(), med('ASCT', '2025-03-01', '2025-03-01')], read: (p) => L(p)[1]?.split(':')[1], expected: 'second-sct' },
  { id: 'B22', clause: 'doc v16: stopped (toxicity) with no end → its line ends on its start', events: () => [med('Kd', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('Pd', '2024-01-20', null)], read: (p) => [N(p), END(0)(p)], expected: [2, '2024-01-01'] },
  { id: 'B23', clause: 'doc v16: stopped (progression) no end → its line ends on its start (the up-to-next-line reading is for refractoriness only; case corrected)', events: () => [med('Kd', '2024-01-01', null, { reasonStopped: 'progression' }), med('Pd', '2024-07-01', null)], read: (p) => [N(p), END(0)(p), RFC(0)(p)], expected: [2, '2024-01-01', 'progression'] },
  { id: 'B24', clause: '§3: closed record stopped for progression overlapping an open record of the same drug; next regimen after', events: () => [med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', '2024-06-30'), med('lenalidomide', '2024-01-01', null, { reasonStopped: 'progression' }), med('Kd', '2024-07-15', null)], read: (p) => [N(p), RFC(0)(p)], expected: [2, 'progression'] },
  { id: 'B25', clause: 'doc: Cy 6 d ending 1 d before CAR-T, no intent, no apheresis → lymphodepletion (no line)', events: () => [...preCarT2(), med('cyclophosphamide', '2024-02-24', '2024-02-29'), carT('2024-03-01', 'ide-cel')], read: N, expected: 3 },
  { id: 'B26', clause: 'doc: Cy 3 d ending 10 d before CAR-T, no intent, no apheresis → not lymphodepletion (own line)', events: () => [...preCarT2(), med('cyclophosphamide', '2024-02-17', '2024-02-19'), carT('2024-03-01', 'ide-cel')], read: N, expected: 4 },
  { id: 'B27', clause: 'doc v15: anti-myeloma therapy begun after CAR-T (no plan recorded, no PD) is a line of its own', events: () => [...preCarT2(), carT('2024-03-01', 'cilta-cel'), med('lenalidomide', '2024-06-01', null)], read: N, expected: 4 },
  { id: 'B28', clause: 'doc v15: maintenance recorded as planned after CAR-T stays in the CAR-T line', events: () => [...preCarT2(), carT('2024-03-01', 'cilta-cel'), med('lenalidomide', '2024-06-01', null, { intent: 'maintenance' })], read: N, expected: 3 },
  { id: 'B29', clause: '[S1]: planned observation period off therapy then same regimen after PD, long gap → re-treatment line', events: () => [med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), PD('2024-03-01'), med('VRd', '2024-03-10', null)], read: (p) => [L(p)[1], RFC(0)(p)], expected: ['2024-03-10:retreatment-after-treatment-free-interval', 'progression'] },
  { id: 'B30', clause: 'priorLines on allo + ASCT history: max 1 NOT_MET (allo opens a line)', events: () => [...induction(), event('procedure', '2024-12-01', { kind: 'allogeneic-sct' })], read: rule({ fact: 'priorLines', max: 1 }, AS_OF), expected: 'NOT_MET' },
  { id: 'B31', clause: '§3 alg6 + doc v16: DKd, carfilzomib recorded stopped for progression (no end), dara doses to 06-30 → reason progression', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', null, { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-01', '2024-06-30'), med('Pd', '2024-07-15', null)], read: (p) => [N(p), RFC(0)(p)], expected: [2, 'progression'] },
  { id: 'B32', clause: '§3 alg6: DKd, carfilzomib stopped for toxicity (no end), dara doses to 06-30 no reason → toxicity', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('dexamethasone', '2024-01-01', '2024-06-30'), med('Pd', '2024-07-15', null)], read: (p) => [N(p), RFC(0)(p)], expected: [2, 'toxicity'] },
  { id: 'B33', clause: '§3 alg6: Kd, carfilzomib stopped for progression with end 06-30, dara last dose 06-30 no reason → progression', events: () => [med('daratumumab', '2024-01-01', '2024-06-30'), med('carfilzomib', '2024-01-01', '2024-06-30', { reasonStopped: 'progression' }), med('Pd', '2024-07-15', null)], read: RFC(0), expected: 'progression' },
  { id: 'B34', clause: 'doc v10: same regimen restarted after a stop for progression = re-treatment (carfilzomib stopped for PD, no end; dara to 06-30; DKd again 07-10)', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', null, { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-01', '2024-06-30'), ...['2024-07-10', '2024-08-10'].map((d) => med('daratumumab', d, d)), med('Kd', '2024-07-10', null)], read: N, expected: 2 },
  { id: 'B35', clause: 'doc v10 control: same as B34 with carfilzomib end 06-30 recorded → re-treatment, 2 lines', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', '2024-06-30', { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-01', '2024-06-30'), ...['2024-07-10', '2024-08-10'].map((d) => med('daratumumab', d, d)), med('Kd', '2024-07-10', null)], read: N, expected: 2 },
  { id: 'B36', clause: 'doc v10: Rd stopped for progression (no end), restarted 20 d after last recorded dex dose → re-treatment', events: () => [med('lenalidomide', '2024-01-01', null, { reasonStopped: 'progression' }), med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', '2024-06-30'), med('Rd', '2024-07-20', null)], read: N, expected: 2 },
  { id: 'B37', clause: 'doc v10: dex after the line stopped for progression (carfilzomib PD, no end) joins the next treatment → line 2 starts with the dex', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', null, { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-07-05', '2024-07-19'), med('Pd', '2024-07-20', null)], read: S, expected: ['2024-01-01', '2024-07-05'] },
  { id: 'B38', clause: 'doc v9: melphalan 2 d (no intent) before allo is conditioning, not in line 1; allo opens line 2', events: () => [...induction(), med('lenalidomide', '2024-09-01', '2024-11-20', { intent: 'maintenance' }), med('melphalan', '2024-11-29', '2024-11-30'), event('procedure', '2024-12-01', { kind: 'allogeneic-sct' })], read: (p) => [N(p), END(0)(p)], expected: [2, '2024-11-20'] },
  { id: 'B39', clause: 'doc: dex course long after a line ended, after a PD, nothing follows → belongs to no line', events: () => [med('VRd', '2022-01-01', '2022-06-30'), PD('2024-05-01'), med('dexamethasone', '2024-06-01', '2024-06-05')], read: N, expected: 1 },
  { id: 'B40', clause: '§3 rule1: lenalidomide mono stopped the day pomalidomide starts → 2 lines, line 1 ends the day before', events: () => [med('lenalidomide', '2024-01-01', '2024-06-30'), med('pomalidomide', '2024-06-30', null)], read: (p) => [N(p), END(0)(p)], expected: [2, '2024-06-29'] },
  { id: 'B41', clause: 'priorLines: CAR-T infused on the screening day is not a prior line', asOf: '2024-03-01', events: () => [...preCarT2(), carT('2024-03-01', 'cilta-cel')], read: rule({ fact: 'priorLines', max: 2 }, '2024-03-01'), expected: 'MET' },
  { id: 'B42', clause: 'priorLines on B34 history (DKd stopped for PD, restarted): 2 lines → min 2 MET', events: () => [...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01', '2024-06-30'].map((d) => med('daratumumab', d, d)), med('carfilzomib', '2024-01-01', null, { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-01', '2024-06-30'), ...['2024-07-10', '2024-08-10'].map((d) => med('daratumumab', d, d)), med('Kd', '2024-07-10', null)], read: rule({ fact: 'priorLines', min: 2 }, AS_OF), expected: 'MET' },
  { id: 'B43', clause: 'doc (contestable vs §3 alg5): maintenance begun with a new class after ASCT stays in line 1, review-flagged', events: () => [...induction(), med('daratumumab', '2024-09-01', null, { intent: 'maintenance' })], read: (p) => [N(p), (p.linesOfTherapy.lines[0]?.reviewFlags.length ?? 0) > 0], expected: [1, true] },
  { id: 'B44', clause: 'doc: Cy 3 d ending exactly 7 d before CAR-T (no intent) is lymphodepletion → no line', events: () => [...preCarT2(), med('cyclophosphamide', '2024-02-21', '2024-02-23'), carT('2024-03-01', 'ide-cel')], read: N, expected: 3 },
  { id: 'B45', clause: 'doc: Cy 3 d ending 8 d before CAR-T (no intent, no apheresis) is not lymphodepletion → own line', events: () => [...preCarT2(), med('cyclophosphamide', '2024-02-20', '2024-02-22'), carT('2024-03-01', 'ide-cel')], read: N, expected: 4 },
  { id: 'B46', clause: 'doc v9: Cy 2 d alone (no intent) followed by apheresis 29 d later is mobilization → no line', events: () => [med('VRd', '2024-01-01', '2024-03-31'), med('cyclophosphamide', '2024-06-01', '2024-06-02'), apher('2024-07-01')], read: N, expected: 1 },
  { id: 'B47', clause: 'doc v9: Cy 2 d alone (no intent), apheresis 33 d later and no ASCT → not mobilization, new line', events: () => [med('VRd', '2024-01-01', '2024-03-31'), med('cyclophosphamide', '2024-06-01', '2024-06-02'), apher('2024-07-05')], read: N, expected: 2 },
  { id: 'B48', clause: 'priorLines: only line starts on screening day → max 0 MET', asOf: '2024-06-01', events: () => [med('VRd', '2024-06-01', null)], read: rule({ fact: 'priorLines', max: 0 }, '2024-06-01'), expected: 'MET' },
];

describe('lot35b lines of therapy', () => {
  for (const c of cases) {
    it(`${c.id} — ${c.clause}`, () => {
      const asOf = c.asOf ?? AS_OF;
      const p = buildProfile(c.events(), asOf, c.settings ? { ...DEFAULT_SETTINGS, ...c.settings } : DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
