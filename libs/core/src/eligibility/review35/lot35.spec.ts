/**
 * lot35 — hand-derived lines-of-therapy cases (domain.md §3, docs/clinical-core.md lines/settings,
 * docs/criteria-language.md priorLines). Expectations written from the definitions before reading the implementation.
 * Scratch review file; not committed.
 */
import { event, med, response, sct, allo, carT } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-01-01';

const N = (p: P) => p.linesOfTherapy.count;
const L = (p: P) => p.linesOfTherapy.lines.map((l) => `${l.start}:${l.openedBy}`);
const S = (p: P) => p.linesOfTherapy.lines.map((l) => l.start);
const RFC = (i: number) => (p: P) => p.linesOfTherapy.lines[i]?.reasonForChange ?? null;
const END = (i: number) => (p: P) => p.linesOfTherapy.lines[i]?.end ?? 'none';
const GEN = (i: number) => (p: P) => [...(p.linesOfTherapy.lines[i]?.generics ?? [])].sort();
const PD = (d: string) => response(d, 'PD');
const apher = (d: string) => event('procedure', d, { kind: 'apheresis' });
const rule = (r: unknown, asOf: string) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; events: () => Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Partial<typeof DEFAULT_SETTINGS> }

// --- shared histories ---
const induction = (intent = true): Ev[] => [
  med('VRd', '2024-01-01', '2024-04-30', intent ? { intent: 'induction' } : {}),
  med('cyclophosphamide', '2024-05-10', '2024-05-11', intent ? { intent: 'mobilization' } : {}),
  med('filgrastim', '2024-05-11', '2024-05-20'),
  med('plerixafor', '2024-05-19', '2024-05-19'),
  apher('2024-05-20'),
  med('melphalan', '2024-06-14', '2024-06-14', intent ? { intent: 'conditioning' } : {}),
  sct('2024-06-15'),
];
const preCarT = (): Ev[] => [
  med('VRd', '2022-01-01', '2022-12-31', { reasonStopped: 'completed' }),
  PD('2023-03-01'),
  med('Kd', '2023-03-10', '2024-06-20', { reasonStopped: 'progression' }),
  PD('2024-06-15'),
  apher('2024-07-01'),
];
const fourLines = (): Ev[] => [
  med('VRd', '2021-01-01', '2021-12-31', { reasonStopped: 'completed' }),
  PD('2022-05-20'),
  med('Kd', '2022-06-01', '2022-12-31', { reasonStopped: 'toxicity' }),
  PD('2023-05-20'),
  med('Pd', '2023-06-01', '2023-12-31', { reasonStopped: 'progression' }),
  PD('2024-05-20'),
  med('teclistamab', '2024-06-01', null),
];

const cases: Case[] = [
  // ---------- grouping window (§3 alg. 2; regimenGroupingWindowDays 28) ----------
  { id: 'GW01', clause: '§3 alg2: V added 28 days after first agent joins regimen', events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('bortezomib', '2024-01-29', null)], read: N, expected: 1 },
  { id: 'GW02', clause: '§3 rule2 + window 28: V added on day 29 is unplanned addition', events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('bortezomib', '2024-01-30', null)], read: L, expected: ['2024-01-01:first-treatment', '2024-01-30:unplanned-addition-or-switch'] },
  { id: 'GW03', clause: '§3 alg2: window measured from the FIRST agent, not the previous one', events: () => [med('lenalidomide', '2024-01-01', null), med('cyclophosphamide', '2024-01-20', null), med('bortezomib', '2024-02-10', null)], read: N, expected: 2 },
  { id: 'GW04', clause: 'window setting 60: agent at day 45 joins', settings: { regimenGroupingWindowDays: 60 }, events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('bortezomib', '2024-02-15', null)], read: N, expected: 1 },
  { id: 'GW05', clause: 'window setting 60: agent at day 61 is an addition', settings: { regimenGroupingWindowDays: 60 }, events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('bortezomib', '2024-03-02', null)], read: N, expected: 2 },
  { id: 'GW06', clause: '§3 alg2: dara added at day 28 to Rd is one D-Rd regimen', events: () => [med('Rd', '2024-01-01', null), med('daratumumab', '2024-01-29', null)], read: GEN(0), expected: ['daratumumab', 'dexamethasone', 'lenalidomide'] },
  { id: 'GW07', clause: '§3 alg2: window 60 exact boundary day 60 joins', settings: { regimenGroupingWindowDays: 60 }, events: () => [med('lenalidomide', '2024-01-01', null), med('bortezomib', '2024-03-01', null)], read: N, expected: 1 },

  // ---------- discontinuation vs dropping (§3 rule 1) ----------
  { id: 'DC01', clause: '§3 rule1: all drugs stop, different regimen started', events: () => [med('VRd', '2024-01-01', '2024-06-30'), med('Kd', '2024-07-15', null)], read: L, expected: ['2024-01-01:first-treatment', '2024-07-15:new-regimen-after-discontinuation'] },
  { id: 'DC02', clause: '§3 rule1: dropping bortezomib is not discontinuation', events: () => [med('bortezomib', '2024-01-01', '2024-04-30', { reasonStopped: 'toxicity' }), med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null)], read: N, expected: 1 },
  { id: 'DC03', clause: '§3 rule2: V stopped for toxicity, K substituted next day', events: () => [med('bortezomib', '2024-01-01', '2024-04-30', { reasonStopped: 'toxicity' }), med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('carfilzomib', '2024-05-01', null)], read: L, expected: ['2024-01-01:first-treatment', '2024-05-01:unplanned-addition-or-switch'] },
  { id: 'DC04', clause: '§3 rule2: V stopped the same day K starts = substitution', events: () => [med('bortezomib', '2024-01-01', '2024-05-01'), med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('carfilzomib', '2024-05-01', null)], read: S, expected: ['2024-01-01', '2024-05-01'] },
  { id: 'DC05', clause: '§3 rule1 + doc v13: whole regimen stops the day the next starts; line 1 ends day before', events: () => [med('VRd', '2024-01-01', '2024-06-30'), med('Kd', '2024-06-30', null)], read: (p) => [N(p), END(0)(p)], expected: [2, '2024-06-29'] },
  { id: 'DC06', clause: 'doc v17: drug stopped the day another begins within the window is substituted (rule 2)', events: () => [med('bortezomib', '2024-01-01', '2024-01-20'), med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), med('carfilzomib', '2024-01-20', null)], read: S, expected: ['2024-01-01', '2024-01-20'] },
  { id: 'DC07', clause: '§3 alg4: dropping drugs; last remaining drug completes → still 1 line, reason completed', events: () => [med('bortezomib', '2024-01-01', '2024-03-31'), med('lenalidomide', '2024-01-01', '2024-12-31', { reasonStopped: 'completed' }), med('dexamethasone', '2024-01-01', '2024-06-30')], read: (p) => [N(p), RFC(0)(p)], expected: [1, 'completed'] },
  { id: 'DC08', clause: '§3 rule2: R replaced by P with dex running (substitution)', events: () => [med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', null), med('pomalidomide', '2024-07-01', null)], read: N, expected: 2 },

  // ---------- unplanned addition (§3 rule 2) ----------
  { id: 'UA01', clause: '§3 rule2: dara added to Rd 5 months in; D-Rd line carries R', events: () => [med('Rd', '2024-01-01', null), med('daratumumab', '2024-06-01', null)], read: (p) => [L(p), GEN(1)(p)], expected: [['2024-01-01:first-treatment', '2024-06-01:unplanned-addition-or-switch'], ['daratumumab', 'dexamethasone', 'lenalidomide']] },
  { id: 'UA02', clause: 'doc: agent added for progression inside window is salvage (PD day 19 > 14)', events: () => [med('Rd', '2024-01-01', null), PD('2024-01-20'), med('daratumumab', '2024-01-25', null)], read: N, expected: 2 },
  { id: 'UA03', clause: 'doc: PD within earlyProgressionDays(14) of line start does not make an addition salvage', events: () => [med('Rd', '2024-01-01', null), PD('2024-01-10'), med('daratumumab', '2024-01-25', null)], read: N, expected: 1 },

  // ---------- steroids (§3 alg1: steroid-only changes open no line) ----------
  { id: 'ST01', clause: '§3 alg1: dex swapped for prednisone in Rd', events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', '2024-03-31'), med('prednisone', '2024-04-15', null)], read: N, expected: 1 },
  { id: 'ST02', clause: '§3 alg1: dex added to running lenalidomide after 5 months', events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-06-01', null)], read: N, expected: 1 },
  { id: 'ST03', clause: 'doc: dex lead-in joined by VRd', events: () => [med('dexamethasone', '2024-01-01', '2024-01-10'), med('VRd', '2024-01-15', null)], read: S, expected: ['2024-01-01'] },
  { id: 'ST04', clause: '§3 alg1: a dex course 2 years after the line ended, nothing after, opens no line', events: () => [med('VRd', '2022-01-01', '2022-06-30', { reasonStopped: 'completed' }), med('dexamethasone', '2024-06-01', '2024-06-05')], read: N, expected: 1 },
  { id: 'ST05', clause: 'doc: dex after progression joins the regimen after it (new line starts with it)', events: () => [med('Rd', '2024-01-01', '2024-06-30'), PD('2024-09-01'), med('dexamethasone', '2024-09-05', null), med('Kd', '2024-09-20', null)], read: S, expected: ['2024-01-01', '2024-09-05'] },
  { id: 'ST06', clause: 'doc: stop reasons of steroid courses alone are not read', events: () => [med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), med('Kd', '2024-07-15', null)], read: RFC(0), expected: null },
  { id: 'ST07', clause: 'doc v17: steroid begun > treatmentHoldMaxDays after last dose leads into the regimen after it', events: () => [med('VRd', '2022-01-01', '2022-06-30'), med('dexamethasone', '2024-06-01', '2024-06-20'), med('Kd', '2024-06-25', null)], read: S, expected: ['2022-01-01', '2024-06-01'] },
  { id: 'ST08', clause: '§3 alg1: long dex course after a line, with no response, nothing after → still 1 line (priorLines max 1 MET)', events: () => [med('VRd', '2022-01-01', '2022-06-30'), med('dexamethasone', '2024-06-01', '2024-09-30')], read: rule({ fact: 'priorLines', max: 1 }, AS_OF), expected: 'MET' },

  // ---------- planned sequence (§3 line def, alg4) ----------
  { id: 'PS01', clause: '§3: induction→mobilization→ASCT→consolidation→maintenance = 1 line (intents)', events: () => [...induction(), med('VRd', '2024-08-01', '2024-09-30', { intent: 'consolidation' }), med('lenalidomide', '2024-10-15', null, { intent: 'maintenance' })], read: N, expected: 1 },
  { id: 'PS02', clause: '§3 + doc (no intents: mobilization Cy, melphalan conditioning, R ≤180 d post ASCT)', events: () => [...induction(false), med('lenalidomide', '2024-09-01', null)], read: N, expected: 1 },
  { id: 'PS03', clause: 'postTransplantContinuationDays 180: R with no intent exactly 180 d after ASCT = maintenance', events: () => [...induction(false), med('lenalidomide', '2024-12-12', null)], read: N, expected: 1 },
  { id: 'PS04', clause: 'postTransplantContinuationDays 180: R with no intent 214 d after ASCT = new line', events: () => [...induction(false), med('lenalidomide', '2025-01-15', null)], read: N, expected: 2 },
  { id: 'PS05', clause: 'doc: dara added to maintenance under way = new line', events: () => [...induction(), med('lenalidomide', '2024-09-01', null, { intent: 'maintenance' }), med('daratumumab', '2025-03-01', null, { intent: 'maintenance' })], read: N, expected: 2 },
  { id: 'PS06', clause: 'doc v12: R maintenance stopped for toxicity, P maintenance substituted = new line', events: () => [...induction(), med('lenalidomide', '2024-09-01', '2025-02-28', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-15', null, { intent: 'maintenance' })], read: N, expected: 2 },
  { id: 'PS07', clause: '§3 alg5: "maintenance" adding a new class (anti-CD38 after VRd) = unplanned addition, new line', events: () => [...induction(), med('daratumumab', '2024-09-01', null, { intent: 'maintenance' })], read: N, expected: 1 }, // contestable, documented: maintenance recorded as planned that brings a class stays in the line, flagged (the consensus example VD → SCT → lenalidomide brings one too)
  { id: 'PS08', clause: 'doc: "consolidation" after progression post-ASCT is salvage', events: () => [...induction(), PD('2024-08-01'), med('KRd', '2024-08-15', null, { intent: 'consolidation' })], read: N, expected: 2 },
  { id: 'PS09', clause: 'doc: ASCT after progression following induction is salvage (new line)', events: () => [med('VRd', '2024-01-01', '2024-04-30'), PD('2024-05-15'), med('melphalan', '2024-06-14', '2024-06-14', { intent: 'conditioning' }), sct('2024-06-15')], read: N, expected: 2 },
  { id: 'PS10', clause: '§3 alg4: mobilization agents (Cy + G-CSF + plerixafor) are no line, even after a gap', events: () => [med('VRd', '2024-01-01', '2024-03-31'), med('cyclophosphamide', '2024-06-01', '2024-06-02', { intent: 'mobilization' }), apher('2024-06-12'), sct('2024-07-15')], read: N, expected: 1 },
  { id: 'PS11', clause: '§3: planned continuation: consolidation (intent) KRd 60 days after ASCT stays in line', events: () => [...induction(), med('KRd', '2024-08-15', '2024-10-15', { intent: 'consolidation' })], read: N, expected: 1 },

  // ---------- SCT (§3 rule 3; plannedTandemMaxDays 180) ----------
  { id: 'SC01', clause: '§3 rule3: planned tandem ASCT 3 months later = same line', events: () => [...induction(), sct('2024-09-15', { plannedTandem: true })], read: N, expected: 1 },
  { id: 'SC02', clause: '§3 rule3: second ASCT not documented as planned = new line', events: () => [...induction(), sct('2024-09-15')], read: L, expected: ['2024-01-01:first-treatment', '2024-09-15:second-sct'] },
  { id: 'SC03', clause: 'plannedTandemMaxDays 180: tandem at exactly 180 days', events: () => [...induction(), sct('2024-12-12', { plannedTandem: true })], read: N, expected: 1 },
  { id: 'SC04', clause: 'plannedTandemMaxDays 180: "tandem" at 181 days = new line', events: () => [...induction(), sct('2024-12-13', { plannedTandem: true })], read: N, expected: 2 },
  { id: 'SC05', clause: 'doc v9: planned tandem after a progression since the first SCT is salvage', events: () => [...induction(), PD('2024-08-15'), sct('2024-09-15', { plannedTandem: true })], read: N, expected: 2 },
  { id: 'SC06', clause: '§3 alg3: allo-SCT after ASCT opens a line', events: () => [...induction(), med('lenalidomide', '2024-09-01', '2024-11-20', { intent: 'maintenance' }), allo('2024-12-01')], read: (p) => L(p)[1]?.split(':')[1], expected: 'allogeneic-sct' },
  { id: 'SC07', clause: '§3 rule3: conditioning before allo belongs to the allo line, not to line 1', events: () => [...induction(), med('lenalidomide', '2024-09-01', '2024-11-20', { intent: 'maintenance' }), med('fludarabine', '2024-11-26', '2024-11-30', { intent: 'conditioning' }), med('melphalan', '2024-11-29', '2024-11-30', { intent: 'conditioning' }), allo('2024-12-01')], read: (p) => [N(p), END(0)(p)], expected: [2, '2024-11-20'] },
  { id: 'SC08', clause: '§3 alg3: allo-SCT opens a line (allo as first SCT after induction)', events: () => [med('VRd', '2024-01-01', '2024-04-30'), allo('2024-06-15')], read: N, expected: 2 },
  { id: 'SC09', clause: 'doc plannedTandemMaxDays: allo marked planned tandem after ASCT ≤180 d stays in line (flagged)', events: () => [...induction(), event('procedure', '2024-10-15', { kind: 'allogeneic-sct', plannedTandem: true })], read: (p) => [N(p), p.linesOfTherapy.lines[0]!.reviewFlags.length > 0], expected: [1, true] },
  { id: 'SC10', clause: 'procedureRepeatDays 7: ASCT recorded again 2 days later is one procedure', events: () => [...induction(), sct('2024-06-17')], read: N, expected: 1 },
  { id: 'SC11', clause: '§3 rule3: ASCT 8 days after another (beyond procedureRepeatDays, not planned) = second SCT', events: () => [...induction(), sct('2024-06-23')], read: N, expected: 2 },
  { id: 'SC12', clause: '§3 rule3: planned tandem then maintenance = 1 line; priorLines max 1 MET', events: () => [...induction(), sct('2024-09-15', { plannedTandem: true }), med('lenalidomide', '2024-11-01', null, { intent: 'maintenance' })], read: rule({ fact: 'priorLines', max: 1 }, AS_OF), expected: 'MET' },

  // ---------- CAR-T (§3 alg3, alg5; bridgingWindowDays 90) ----------
  { id: 'CT01', clause: '§3 alg5: bridging + lymphodepletion (intents) part of CAR-T line', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), med('cyclophosphamide', '2024-08-15', '2024-08-17', { intent: 'lymphodepletion' }), med('fludarabine', '2024-08-15', '2024-08-17', { intent: 'lymphodepletion' }), carT('2024-08-20', 'cilta-cel')], read: (p) => [N(p), p.linesOfTherapy.lines[2]?.openedBy], expected: [3, 'car-t'] },
  { id: 'CT02', clause: 'doc v10: no intents: therapy after apheresis before infusion is bridging; short Cy/Flu lymphodepletion', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10'), med('cyclophosphamide', '2024-08-15', '2024-08-17'), med('fludarabine', '2024-08-15', '2024-08-17'), carT('2024-08-20', 'cilta-cel')], read: N, expected: 3 },
  { id: 'CT03', clause: '§3 alg5: bridging stopped for progression still part of CAR-T line', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-05', { intent: 'bridging', reasonStopped: 'progression' }), PD('2024-08-05'), carT('2024-08-20', 'cilta-cel')], read: N, expected: 3 },
  { id: 'CT04', clause: 'doc v17: bridging stopped for progression with no end is given up to the infusion, same line', events: () => [...preCarT(), med('Pd', '2024-07-05', null, { intent: 'bridging', reasonStopped: 'progression' }), carT('2024-08-20', 'cilta-cel')], read: N, expected: 3 },
  { id: 'CT05', clause: '§3: progression after CAR-T, then teclistamab = new line', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel'), PD('2025-03-01'), med('teclistamab', '2025-03-10', null)], read: N, expected: 4 },
  { id: 'CT06', clause: '§3 alg3: CAR-T infusion with no bridging opens a line; line 2 reason progression', events: () => [...preCarT(), carT('2024-08-20', 'cilta-cel')], read: (p) => [N(p), RFC(1)(p)], expected: [3, 'progression'] },
  { id: 'CT07', clause: 'priorLines: CAR-T history = 3 lines; min 3 MET', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: rule({ fact: 'priorLines', min: 3 }, AS_OF), expected: 'MET' },
  { id: 'CT08', clause: 'priorLines: CAR-T history = 3 lines; min 4 NOT_MET', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: rule({ fact: 'priorLines', min: 4 }, AS_OF), expected: 'NOT_MET' },
  { id: 'CT09', clause: 'doc: lymphodepletion Cy (no intent, <7 d, ending ≤7 d before) is no line (no bridging)', events: () => [...preCarT(), med('cyclophosphamide', '2024-08-14', '2024-08-16'), carT('2024-08-20', 'ide-cel')], read: N, expected: 3 },
  { id: 'CT10', clause: 'doc: bridging line start = bridging start (part of CAR-T line)', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: (p) => S(p)[2], expected: '2024-07-05' },
  { id: 'CT11', clause: '§3 alg3: CAR-T while ongoing line continues? line before ends before bridging (Kd ended 06-20)', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-10', { intent: 'bridging' }), carT('2024-08-20', 'cilta-cel')], read: END(1), expected: '2024-06-20' },

  // ---------- re-treatment / holds (treatmentHoldMaxDays 60, [S1]) ----------
  { id: 'RT01', clause: '[S1]: same regimen after a 5-month treatment-free interval = new line', events: () => [med('Rd', '2023-01-01', '2023-12-31', { reasonStopped: 'completed' }), med('Rd', '2024-06-01', null)], read: L, expected: ['2023-01-01:first-treatment', '2024-06-01:retreatment-after-treatment-free-interval'] },
  { id: 'RT02', clause: 'treatmentHoldMaxDays 60: restart exactly 60 days after stop = hold', events: () => [med('Rd', '2023-01-01', '2023-12-31'), med('Rd', '2024-02-29', null)], read: N, expected: 1 },
  { id: 'RT03', clause: 'treatmentHoldMaxDays 60: restart 61 days after stop = re-treatment', events: () => [med('Rd', '2023-01-01', '2023-12-31'), med('Rd', '2024-03-01', null)], read: N, expected: 2 },
  { id: 'RT04', clause: '[S1]: restart within hold window but after progression = new line', events: () => [med('Rd', '2023-01-01', '2023-12-31'), PD('2024-01-20'), med('Rd', '2024-01-25', null)], read: N, expected: 2 },
  { id: 'RT05', clause: 'doc v10: same regimen restarted after a stop for progression (no PD event) = new line', events: () => [med('Rd', '2023-01-01', '2023-12-31', { reasonStopped: 'progression' }), med('Rd', '2024-01-10', null)], read: N, expected: 2 },
  { id: 'RT06', clause: '§3 alg4: dose hold (2-week gap) is no new line', events: () => [med('Rd', '2023-01-01', '2023-03-31'), med('Rd', '2023-04-15', null)], read: N, expected: 1 },
  { id: 'RT07', clause: '§3: per-dose daratumumab records with continuous Rd = 1 line', events: () => [med('Rd', '2024-01-01', null), ...['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12', '2024-02-19', '2024-03-04', '2024-03-18', '2024-04-01', '2024-04-15', '2024-05-13', '2024-06-10'].map((d) => med('daratumumab', d, d))], read: N, expected: 1 },
  { id: 'RT08', clause: 'doc v16: PD in course\'s last 14 days, stop after it, restart within 60 d = new line', events: () => [med('Rd', '2023-01-01', '2023-12-31', { reasonStopped: 'other' }), PD('2023-12-25'), med('Rd', '2024-01-15', null)], read: N, expected: 2 },
  { id: 'RT09', clause: '§3: per-cycle records (28-day cycles back to back, each a record) = 1 line', events: () => [0, 1, 2, 3, 4, 5].map((i) => med('KRd', ['2024-01-01', '2024-01-29', '2024-02-26', '2024-03-25', '2024-04-22', '2024-05-20'][i]!, ['2024-01-21', '2024-02-18', '2024-03-17', '2024-04-14', '2024-05-12', '2024-06-09'][i]!)), read: N, expected: 1 },
  { id: 'RT10', clause: 'doc v10: dropped drug (V, >60 d) given again after progression = addition for progression, new line', events: () => [med('bortezomib', '2024-01-01', '2024-03-31'), med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', null), PD('2024-09-01'), med('bortezomib', '2024-09-10', null)], read: N, expected: 2 },
  { id: 'RT11', clause: 'doc v11: after a stop, agent dropped long before (V of VRd) makes a different regimen', events: () => [med('bortezomib', '2023-01-01', '2023-04-30'), med('lenalidomide', '2023-01-01', '2023-12-31'), med('dexamethasone', '2023-01-01', '2023-12-31'), med('VRd', '2024-01-15', null)], read: N, expected: 2 },
  { id: 'RT12', clause: 'treatmentHoldMaxDays setting 30: restart 45 d later = new line', settings: { treatmentHoldMaxDays: 30 }, events: () => [med('Rd', '2023-01-01', '2023-12-31'), med('Rd', '2024-02-14', null)], read: N, expected: 2 },

  // ---------- overlapping records ----------
  { id: 'OV01', clause: '§3: same drug recorded twice overlapping is one line', events: () => [med('lenalidomide', '2024-01-01', '2024-06-30'), med('lenalidomide', '2024-02-01', '2024-03-31'), med('dexamethasone', '2024-01-01', '2024-06-30')], read: N, expected: 1 },
  { id: 'OV02', clause: '§3: VRd regimen record + separate bortezomib record within dates = 1 line', events: () => [med('VRd', '2024-01-01', '2024-06-30'), med('bortezomib', '2024-02-01', '2024-05-31')], read: N, expected: 1 },
  { id: 'OV03', clause: '§3: pharmacy record overrunning the regimen by 10 days = 1 line', events: () => [med('Rd', '2024-01-01', '2024-06-30'), med('lenalidomide', '2024-01-05', '2024-07-10')], read: N, expected: 1 },
  { id: 'OV04', clause: '§3: open R record and closed R record overlap, then Kd after R stop → 1 line before Kd (count 1; Kd would be add)', events: () => [med('Rd', '2024-01-01', null), med('lenalidomide', '2024-01-01', '2024-03-31')], read: N, expected: 1 },

  // ---------- minLineDays 14 ----------
  { id: 'ML01', clause: 'minLineDays 14: VRd 13 days then KRd within window joins the next line', events: () => [med('VRd', '2024-01-01', '2024-01-13'), med('KRd', '2024-01-20', null)], read: N, expected: 1 },
  { id: 'ML02', clause: 'minLineDays 14: VRd 14 days (complete cycle) then KRd = 2 lines', events: () => [med('VRd', '2024-01-01', '2024-01-14'), med('KRd', '2024-01-20', null)], read: N, expected: 2 },
  { id: 'ML03', clause: 'doc v17: course stopped (toxicity) with no end is not known under a cycle (no merge)', events: () => [med('VRd', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('KRd', '2024-01-20', null)], read: N, expected: 2 },
  { id: 'ML04', clause: 'minLineDays: 10-day VRd stopped for progression is a line of its own', events: () => [med('VRd', '2024-01-01', '2024-01-10', { reasonStopped: 'progression' }), med('KRd', '2024-01-20', null)], read: N, expected: 2 },

  // ---------- reason for change (§3 alg6) ----------
  { id: 'RC01', clause: '§3 alg6: line stopped for toxicity', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), med('Kd', '2024-07-15', null)], read: RFC(0), expected: 'toxicity' },
  { id: 'RC02', clause: '§3 alg6: line completed', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' }), med('Kd', '2024-07-15', null)], read: RFC(0), expected: 'completed' },
  { id: 'RC03', clause: '§3 alg6: progression on the line', events: () => [med('VRd', '2024-01-01', '2024-05-05'), PD('2024-05-01'), med('Kd', '2024-05-10', null)], read: RFC(0), expected: 'progression' },
  { id: 'RC04', clause: 'doc: PD in next line\'s first 14 days belongs to the line before', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' }), med('Kd', '2024-07-15', null), PD('2024-07-20')], read: RFC(0), expected: 'progression' },
  { id: 'RC05', clause: 'doc: ongoing last line → null', events: () => [med('VRd', '2024-01-01', '2024-06-30'), med('Kd', '2024-07-15', null)], read: RFC(1), expected: null },
  { id: 'RC06', clause: 'doc: PD off therapy prompting next line counts whatever the stop reason', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), PD('2024-10-01'), med('Kd', '2024-10-10', null)], read: RFC(0), expected: 'progression' },
  { id: 'RC07', clause: 'doc v16: stopped (toxicity) with no end; next line; reason toxicity', events: () => [med('Kd', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('Pd', '2024-06-01', null)], read: (p) => [N(p), RFC(0)(p)], expected: [2, 'toxicity'] },
  { id: 'RC08', clause: 'doc v16: stopped for progression with no end; reason progression', events: () => [med('Kd', '2024-01-01', null, { reasonStopped: 'progression' }), med('Pd', '2024-06-01', null)], read: (p) => [N(p), RFC(0)(p)], expected: [2, 'progression'] },
  { id: 'RC09', clause: 'doc: reasons differ → toxicity before completed', events: () => [med('bortezomib', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' }), med('lenalidomide', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), med('dexamethasone', '2024-01-01', '2024-06-30'), med('Kd', '2024-07-15', null)], read: RFC(0), expected: 'toxicity' },
  { id: 'RC10', clause: 'doc: last line over, completed, no next line', events: () => [med('Kd', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' })], read: RFC(0), expected: 'completed' },
  { id: 'RC11', clause: 'doc: PD at day 36 of line 2 is not line 1\'s; line 1 reason from its stop (completed)', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' }), med('Kd', '2024-07-15', null), PD('2024-08-20')], read: RFC(0), expected: 'completed' },
  { id: 'RC12', clause: 'doc: PD in line 1\'s first 14 days is not line 1\'s progression; reason from stop', events: () => [med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), PD('2024-01-05'), med('Kd', '2024-07-15', null)], read: RFC(0), expected: 'toxicity' },
  { id: 'RC13', clause: 'doc: last line over, PD within 14 days after its end → progression', events: () => [med('Kd', '2024-01-01', '2024-06-30', { reasonStopped: 'other' }), PD('2024-07-10')], read: RFC(0), expected: 'progression' },
  { id: 'RC14', clause: 'doc: reason read from the line\'s LAST courses stopped (V dropped for toxicity months earlier, R completed last) → completed', events: () => [med('bortezomib', '2024-01-01', '2024-03-31', { reasonStopped: 'toxicity' }), med('lenalidomide', '2024-01-01', '2024-12-31', { reasonStopped: 'completed' }), med('Kd', '2025-01-15', null)], read: RFC(0), expected: 'completed' },
  { id: 'RC15', clause: 'CAR-T bridging stopped for progression: line 2 (Kd) reason progression, CAR-T line start counts', events: () => [...preCarT(), med('Pd', '2024-07-05', '2024-08-05', { intent: 'bridging', reasonStopped: 'progression' }), carT('2024-08-20', 'cilta-cel')], read: RFC(1), expected: 'progression' },

  // ---------- supportive agents (§3 alg1) ----------
  { id: 'SU01', clause: '§3 alg1: bisphosphonate, denosumab, G-CSF, plerixafor during a line open no line', events: () => [med('VRd', '2024-01-01', null), med('zoledronic acid', '2024-03-01', '2024-03-01'), med('denosumab', '2024-08-01', null), med('filgrastim', '2024-10-01', '2024-10-05'), med('plerixafor', '2024-11-01', '2024-11-01')], read: N, expected: 1 },
  { id: 'SU02', clause: '§3 alg1: supportive agents only → no line', events: () => [med('zoledronic acid', '2024-03-01', '2024-03-01'), med('denosumab', '2024-08-01', null)], read: N, expected: 0 },
  { id: 'SU03', clause: '§3 alg1: denosumab started between lines does not alter lines', events: () => [med('VRd', '2024-01-01', '2024-06-30'), med('denosumab', '2024-08-01', null), med('VRd', '2024-08-10', null)], read: N, expected: 1 },

  // ---------- engine priorLines (criteria-language: lines started before screening date) ----------
  { id: 'EN01', clause: 'priorLines: 4th line starts on screening day → 3 prior; min 3 MET', asOf: '2024-06-01', events: fourLines, read: rule({ fact: 'priorLines', min: 3 }, '2024-06-01'), expected: 'MET' },
  { id: 'EN02', clause: 'priorLines: line on screening day not counted; min 4 NOT_MET', asOf: '2024-06-01', events: fourLines, read: rule({ fact: 'priorLines', min: 4 }, '2024-06-01'), expected: 'NOT_MET' },
  { id: 'EN03', clause: 'priorLines: max 3 at exactly 3 MET', asOf: '2024-06-01', events: fourLines, read: rule({ fact: 'priorLines', max: 3 }, '2024-06-01'), expected: 'MET' },
  { id: 'EN04', clause: 'priorLines: day after 4th line start → min 4 MET', asOf: '2024-06-02', events: fourLines, read: rule({ fact: 'priorLines', min: 4 }, '2024-06-02'), expected: 'MET' },
  { id: 'EN05', clause: 'priorLines: day after → max 3 NOT_MET', asOf: '2024-06-02', events: fourLines, read: rule({ fact: 'priorLines', max: 3 }, '2024-06-02'), expected: 'NOT_MET' },
  { id: 'EN06', clause: 'priorLines: min 4 max 4 exactly 4 MET', asOf: '2024-06-02', events: fourLines, read: rule({ fact: 'priorLines', min: 4, max: 4 }, '2024-06-02'), expected: 'MET' },
  { id: 'EN07', clause: 'priorLines: day before the 4th line → max 3 MET', asOf: '2024-05-31', events: fourLines, read: rule({ fact: 'priorLines', max: 3 }, '2024-05-31'), expected: 'MET' },
  { id: 'EN08', clause: 'priorLines: no treatment history → UNKNOWN', events: () => [response('2024-01-01', 'SD')], read: rule({ fact: 'priorLines', min: 1 }, AS_OF), expected: 'UNKNOWN' },
  { id: 'EN09', clause: 'priorLines: 4 lines count (profile) — all 4 derived', asOf: '2024-06-02', events: fourLines, read: (p) => L(p).map((x) => x.split(':')[0]), expected: ['2021-01-01', '2022-06-01', '2023-06-01', '2024-06-01'] },
  { id: 'EN10', clause: 'priorLines: min 1 max 1 with exactly 1 line MET', events: () => [...induction(), med('lenalidomide', '2024-09-01', null, { intent: 'maintenance' })], read: rule({ fact: 'priorLines', min: 1, max: 1 }, AS_OF), expected: 'MET' },
  { id: 'EN11', clause: 'priorLines: only line starts on screening day → min 1 NOT_MET', asOf: '2024-06-01', events: () => [med('VRd', '2024-06-01', null)], read: rule({ fact: 'priorLines', min: 1 }, '2024-06-01'), expected: 'NOT_MET' },
  { id: 'EN12', clause: 'priorLines: second ASCT not planned counts: min 2 MET', events: () => [...induction(), sct('2024-09-15')], read: rule({ fact: 'priorLines', min: 2 }, AS_OF), expected: 'MET' },
  { id: 'EN13', clause: 'priorLines: steroid-only swap adds none: max 1 MET', events: () => [med('lenalidomide', '2024-01-01', null), med('dexamethasone', '2024-01-01', '2024-03-31'), med('prednisone', '2024-04-15', null)], read: rule({ fact: 'priorLines', max: 1 }, AS_OF), expected: 'MET' },
  { id: 'EN14', clause: 'priorLines: re-treatment after free interval counts: min 2 MET', events: () => [med('Rd', '2023-01-01', '2023-12-31', { reasonStopped: 'completed' }), med('Rd', '2024-06-01', null)], read: rule({ fact: 'priorLines', min: 2 }, AS_OF), expected: 'MET' },
  { id: 'EN15', clause: 'priorLines: hold at 60 d does not count: max 1 MET', events: () => [med('Rd', '2023-01-01', '2023-12-31'), med('Rd', '2024-02-29', null)], read: rule({ fact: 'priorLines', max: 1 }, AS_OF), expected: 'MET' },
];

describe('lot35 lines of therapy', () => {
  for (const c of cases) {
    it(`${c.id} — ${c.clause}`, () => {
      const asOf = c.asOf ?? AS_OF;
      const p = buildProfile(c.events(), asOf, c.settings ? { ...DEFAULT_SETTINGS, ...c.settings } : DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
