/**
 * lot37 — hand-derived lines-of-therapy cases (domain.md §3, docs/clinical-core.md settings), written before reading
 * the implementation. Scratch review file; not committed.
 */
import { event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, type ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-01-01';

const add = (d: string, n: number) => { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
const PD = (d: string) => response(d, 'PD');
const apheresis = (d: string) => event('procedure', d, { kind: 'apheresis' });
const asct = (d: string, tandem?: boolean) => sct(d, tandem === undefined ? {} : { plannedTandem: tandem });
const alloSct = (d: string, tandem?: boolean) => event('procedure', d, { kind: 'allogeneic-sct', ...(tandem === undefined ? {} : { plannedTandem: tandem }) });
const carT = (d: string, product = 'ciltacabtagene autoleucel') => event('procedure', d, { kind: 'car-t-infusion', product });

const n = (p: P) => p.linesOfTherapy.count;
const L = (p: P, i: number) => p.linesOfTherapy.lines[i];
const starts = (p: P) => p.linesOfTherapy.lines.map((l) => l.start).join(',');
const cntOpen = (i: number) => (p: P) => `${n(p)}|${L(p, i)?.openedBy}`;
const reasons = (p: P) => p.linesOfTherapy.lines.map((l) => String(l.reasonForChange)).join(',');
const flagged = (p: P) => `${n(p)}|${p.linesOfTherapy.lines.some((l) => l.reviewFlags.length > 0)}`;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Partial<ProfileSettings> }

const B = '2024-01-01';
// Induction → ASCT scaffolding
const IND = [med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction' })];
const ASCT1 = '2024-06-15';

const cases: Case[] = [
  // ---------- grouping window (regimenGroupingWindowDays 28, from the first agent) ----------
  { id: 'G01', clause: '§3 alg.2; setting regimenGroupingWindowDays 28', summary: 'Rd day 0, bortezomib added day 28 (exactly window)',
    events: [med('lenalidomide', B, null), med('dexamethasone', B, null), med('bortezomib', add(B, 28), null)], read: n, expected: 1 },
  { id: 'G02', clause: '§3 rule 2 / alg.2: day 29 is outside the window → unplanned addition', summary: 'Rd day 0, bortezomib added day 29',
    events: [med('lenalidomide', B, null), med('dexamethasone', B, null), med('bortezomib', add(B, 29), null)], read: cntOpen(1), expected: '2|unplanned-addition-or-switch' },
  { id: 'G03', clause: '§3 alg.2 window counted from the FIRST agent, not the latest', summary: 'R d0, V d19, dara d41 (22 d after V)',
    events: [med('lenalidomide', B, null), med('bortezomib', add(B, 19), null), med('daratumumab', add(B, 41), null)], read: starts, expected: `${B},${add(B, 41)}` },
  { id: 'G04', clause: '§3 rule 1: regimen discontinued (all drugs), different regimen started inside 28 d of first agent', summary: 'Rd d0–d20 stop, Vd d28',
    events: [med('lenalidomide', B, add(B, 20)), med('dexamethasone', B, add(B, 20)), med('bortezomib', add(B, 28), null), med('dexamethasone', add(B, 28), null)], read: n, expected: 2 },
  { id: 'G05', clause: 'regimenGroupingWindowDays=60 (configurable convention 28–60)', summary: 'window 60: V added day 29',
    events: [med('lenalidomide', B, null), med('bortezomib', add(B, 29), null)], read: n, expected: 1, settings: { regimenGroupingWindowDays: 60 } },
  { id: 'G06', clause: 'regimenGroupingWindowDays=60', summary: 'window 60: V added day 61',
    events: [med('lenalidomide', B, null), med('bortezomib', add(B, 61), null)], read: n, expected: 2, settings: { regimenGroupingWindowDays: 60 } },
  { id: 'G07', clause: '§3 alg.2 per-drug records of one regimen', summary: 'V, R, d as three records same day',
    events: [med('lenalidomide', B, null), med('bortezomib', B, null), med('dexamethasone', B, null)], read: (p: P) => `${n(p)}|${[...L(p, 0)!.generics].sort().join('+')}`, expected: '1|bortezomib+dexamethasone+lenalidomide' },

  // ---------- discontinuation vs dropping ----------
  { id: 'D01', clause: '§3 rule 1', summary: 'VRd 6 mo, gap 2 mo, KPd',
    events: [med('VRd', B, '2024-06-30'), med('KPd', '2024-09-01', null)], read: cntOpen(1), expected: '2|new-regimen-after-discontinuation' },
  { id: 'D02', clause: '§3 rule 1: dropping some drugs is not discontinuation', summary: 'V stops month 4, R d continue',
    events: [med('bortezomib', B, '2024-04-30'), med('lenalidomide', B, null), med('dexamethasone', B, null)], read: n, expected: 1 },
  { id: 'D03', clause: '§3 rule 2: unplanned addition after a drop', summary: 'V dropped, Rd continues, dara added month 7',
    events: [med('bortezomib', B, '2024-04-30'), med('lenalidomide', B, null), med('dexamethasone', B, null), med('daratumumab', '2024-08-01', null)], read: cntOpen(1), expected: '2|unplanned-addition-or-switch' },
  { id: 'D04', clause: '§3 rule 2 substitution; doc v17 "a drug stopped on the day another begins … is substituted by it"', summary: 'R d0–d19 (toxicity), V starts the day R stops (d19), d continues',
    events: [med('lenalidomide', B, add(B, 19), { reasonStopped: 'toxicity' }), med('dexamethasone', B, null), med('bortezomib', add(B, 19), null)], read: (p: P) => `${cntOpen(1)(p)}|${L(p, 0)?.reasonForChange}`, expected: '2|unplanned-addition-or-switch|toxicity' },
  { id: 'D05', clause: '§3 rule 2 substitution (another drug in place of a stopped one, others continuing)', summary: 'VRd per drug, R stopped tox 03-31, pom 04-15, V d continue',
    events: [med('bortezomib', B, null), med('lenalidomide', B, '2024-03-31', { reasonStopped: 'toxicity' }), med('dexamethasone', B, null), med('pomalidomide', '2024-04-15', null)], read: n, expected: 2 },
  { id: 'D06', clause: '§3 rule 1: different regimen after all stop, inside treatmentHoldMaxDays', summary: 'Rd to 06-30, Pd from 07-15',
    events: [med('Rd', B, '2024-06-30'), med('Pd', '2024-07-15', null)], read: n, expected: 2 },

  // ---------- planned sequence ----------
  { id: 'P01', clause: '§3 consensus example: induction → SCT → consolidation → maintenance = 1 line', summary: 'all intents recorded, incl. mobilization + conditioning',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-11', { intent: 'mobilization' }), apheresis('2024-05-20'), med('melphalan', '2024-06-13', '2024-06-13', { intent: 'conditioning' }), asct(ASCT1),
      med('VRd', '2024-08-01', '2024-09-30', { intent: 'consolidation' }), med('lenalidomide', '2024-10-15', null, { intent: 'maintenance' })], read: n, expected: 1 },
  { id: 'P02', clause: '§3 alg.4 + doc: no intents (mobilization/conditioning patterns, postTransplantContinuationDays 180)', summary: 'same sequence with no intent on any record',
    events: [med('VRd', B, '2024-04-30'), med('cyclophosphamide', '2024-05-10', '2024-05-11'), med('filgrastim', '2024-05-12', '2024-05-18'), apheresis('2024-05-20'), med('melphalan', '2024-06-13', '2024-06-13'), asct(ASCT1),
      med('lenalidomide', '2024-09-01', null)], read: n, expected: 1 },
  { id: 'P03', clause: '§3 alg.5 / rule 2; doc v12: maintenance adding a class to maintenance under way = new line', summary: 'R maintenance from 10-15, dara maintenance added 2025-03-01',
    events: [...IND, asct(ASCT1), med('lenalidomide', '2024-10-15', null, { intent: 'maintenance' }), med('daratumumab', '2025-03-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'P04', clause: 'doc: planned maintenance bringing an agent the line has not had stays in the line, flagged', summary: 'planned maintenance D-R right after ASCT',
    events: [...IND, asct(ASCT1), med('lenalidomide', '2024-10-15', null, { intent: 'maintenance' }), med('daratumumab', '2024-10-15', null, { intent: 'maintenance' })], read: flagged, expected: '1|true' },
  { id: 'P05', clause: 'doc v12: maintenance substitution (R stopped tox, pom in its place) = new line', summary: 'R maint stop tox 2025-03-01, pom maint 2025-03-15',
    events: [...IND, asct(ASCT1), med('lenalidomide', '2024-10-15', '2025-03-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-15', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'P06', clause: 'doc: planned consolidation >180 d after ASCT stays in line, flagged', summary: 'consolidation intent 200 d after ASCT',
    events: [...IND, asct(ASCT1), med('VRd', add(ASCT1, 200), add(ASCT1, 260), { intent: 'consolidation' })], read: flagged, expected: '1|true' },
  { id: 'P07', clause: 'postTransplantContinuationDays 180 (no intent)', summary: 'lenalidomide, no intent, ASCT+180',
    events: [...IND, asct(ASCT1), med('lenalidomide', add(ASCT1, 180), null)], read: n, expected: 1 },
  { id: 'P08', clause: 'postTransplantContinuationDays 180 (no intent); gap > treatmentHoldMaxDays', summary: 'lenalidomide, no intent, ASCT+181',
    events: [...IND, asct(ASCT1), med('lenalidomide', add(ASCT1, 181), null)], read: n, expected: 2 },
  { id: 'P09', clause: 'doc: an ASCT at relapse (progression in the line before it) is salvage', summary: 'induction, PD 05-15, ASCT 06-15',
    events: [...IND, PD('2024-05-15'), asct(ASCT1)], read: n, expected: 2 },
  { id: 'P10', clause: 'doc: therapy after a progression within the line is salvage, whatever intent', summary: 'induction, ASCT, PD, "maintenance" R',
    events: [...IND, asct(ASCT1), PD('2024-09-01'), med('lenalidomide', '2024-09-20', null, { intent: 'maintenance' })], read: n, expected: 2 },

  // ---------- tandem / allo ----------
  { id: 'T01', clause: '§3 rule 3 + plannedTandemMaxDays 180', summary: '2nd ASCT planned tandem at +180',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 180), true)], read: n, expected: 1 },
  { id: 'T02', clause: '§3 alg.3: tandem only ≤~180 d', summary: '2nd ASCT planned tandem at +181',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 181), true)], read: cntOpen(1), expected: '2|second-sct' },
  { id: 'T03', clause: '§3 rule 3: 2nd SCT not documented planned', summary: '2nd ASCT at +90, no plannedTandem',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 90))], read: cntOpen(1), expected: '2|second-sct' },
  { id: 'T03b', clause: '§3 rule 3: plannedTandem:false explicit', summary: '2nd ASCT +90 plannedTandem false',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 90), false)], read: n, expected: 2 },
  { id: 'T04', clause: 'doc v9: planned tandem after a progression is salvage', summary: 'ASCT, PD +60, 2nd ASCT planned +90',
    events: [...IND, asct(ASCT1), PD(add(ASCT1, 60)), asct(add(ASCT1, 90), true)], read: n, expected: 2 },
  { id: 'T05', clause: '§3 alg.3: allo-SCT opens a line', summary: 'allo +90 after ASCT, unmarked',
    events: [...IND, asct(ASCT1), alloSct(add(ASCT1, 90))], read: cntOpen(1), expected: '2|allogeneic-sct' },
  { id: 'T06', clause: 'plannedTandemMaxDays doc: allo marked planned tandem after ASCT = same line, flagged', summary: 'auto-allo planned tandem +90',
    events: [...IND, asct(ASCT1), alloSct(add(ASCT1, 90), true)], read: flagged, expected: '1|true' },
  { id: 'T07', clause: 'doc: conditioning (≤14 d before SCT) belongs to the SCT line, not the line before', summary: 'VRd, PD, Flu/Mel conditioning then allo',
    events: [med('VRd', B, '2024-06-30'), PD('2024-12-01'), med('fludarabine', '2025-01-01', '2025-01-04', { intent: 'conditioning' }), med('melphalan', '2025-01-03', '2025-01-04', { intent: 'conditioning' }), alloSct('2025-01-06')],
    read: (p: P) => `${n(p)}|${L(p, 1)?.generics.includes('melphalan')}|${L(p, 0)?.generics.includes('melphalan')}`, expected: '2|true|false' },
  { id: 'T08', clause: 'procedureRepeatDays 7: ASCT recorded twice 5 d apart = one', summary: 'ASCT 06-15 and 06-20',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 5))], read: n, expected: 1 },
  { id: 'T09', clause: 'procedureRepeatDays 7 boundary: exactly 7 d apart = one', summary: 'ASCT 06-15 and 06-22',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 7))], read: n, expected: 1 },
  { id: 'T10', clause: 'procedureRepeatDays 7 boundary: 8 d apart = two SCTs → second-sct line', summary: 'ASCT 06-15 and 06-23',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 8))], read: n, expected: 2 },
  { id: 'T11', clause: '§3 conditioning identity irrelevant; melphalan no intent ≤3 d ≤14 d before SCT is conditioning', summary: 'no-intent melphalan 2 d, 13 d before ASCT after induction',
    events: [...IND, med('melphalan', add(ASCT1, -13), add(ASCT1, -12)), asct(ASCT1)], read: n, expected: 1 },
  { id: 'T12', clause: 'doc: melphalan no intent starting >14 d before SCT is not conditioning → own regimen', summary: 'no-intent melphalan 15 d before ASCT',
    events: [...IND, med('melphalan', add(ASCT1, -15), add(ASCT1, -14)), asct(ASCT1)], read: (p: P) => n(p) >= 2, expected: true },

  // ---------- CAR-T ----------
  ...(() => {
    const prior = [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' })];
    const inf = '2025-02-25';
    const c: Case[] = [
      { id: 'C01', clause: '§3 alg.5: bridging + lymphodepletion part of CAR-T line', summary: 'DRd, apheresis, Kd bridging (intent), Flu/Cy LD (intent), cilta-cel',
        events: [...prior, apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-02-15', { intent: 'bridging' }), med('fludarabine', '2025-02-20', '2025-02-22', { intent: 'lymphodepletion' }), med('cyclophosphamide', '2025-02-20', '2025-02-22', { intent: 'lymphodepletion' }), carT(inf)],
        read: (p: P) => `${n(p)}|${L(p, 1)?.generics.includes('carfilzomib')}|${L(p, 1)?.generics.includes('cyclophosphamide')}`, expected: '2|true|true' },
      { id: 'C02', clause: '§3 alg.3: CAR-T line opened by CAR-T (bridging belongs to it)', summary: 'as C01, line 2 openedBy',
        events: [...prior, apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-02-15', { intent: 'bridging' }), carT(inf)], read: cntOpen(1), expected: '2|car-t' },
      { id: 'C03', clause: 'bridgingWindowDays 90 + apheresis rule (no intents)', summary: 'as C01 without any intent',
        events: [...prior, apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-02-15'), med('fludarabine', '2025-02-20', '2025-02-22'), med('cyclophosphamide', '2025-02-20', '2025-02-22'), carT(inf)], read: n, expected: 2 },
      { id: 'C04', clause: '§3 alg.5: bridging stopped for progression (no end) still bridging of the CAR-T line', summary: 'Kd bridging start 01-15 reasonStopped progression no end, CAR-T',
        events: [...prior, apheresis('2025-01-10'), med('Kd', '2025-01-15', null, { intent: 'bridging', reasonStopped: 'progression' }), carT(inf)], read: n, expected: 2 },
      { id: 'C04b', clause: '§3 alg.5: bridging stopped for progression with end, no intent, after apheresis', summary: 'Kd 01-15→02-10 reasonStopped progression, no intent',
        events: [...prior, apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-02-10', { reasonStopped: 'progression' }), carT(inf)], read: n, expected: 2 },
      { id: 'C05', clause: 'doc v15: anti-myeloma therapy after CAR-T (no planned maintenance intent) = own line', summary: 'R, no intent, 2 mo after CAR-T',
        events: [...prior, carT(inf), med('lenalidomide', '2025-05-01', null)], read: n, expected: 3 },
      { id: 'C06', clause: 'doc v15: maintenance recorded as planned after CAR-T stays in CAR-T line', summary: 'R intent maintenance after CAR-T',
        events: [...prior, carT(inf), med('lenalidomide', '2025-05-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
      { id: 'C07', clause: 'bridgingWindowDays 90 from the last dose for a course recorded as bridging (v17)', summary: 'bridging Pd 2024-10-01→2025-01-31 intent bridging, infusion 2025-02-25',
        events: [med('DRd', B, '2024-09-15', { reasonStopped: 'progression' }), apheresis('2024-09-25'), med('Pd', '2024-10-01', '2025-01-31', { intent: 'bridging' }), carT(inf)], read: n, expected: 2 },
      { id: 'C08', clause: 'bridgingWindowDays 90: no intent, apheresis→infusion 153 d (>90) → not bridging', summary: 'Pd no intent 2024-10-01→2025-01-31 after apheresis 09-25, infusion 02-25',
        events: [med('DRd', B, '2024-09-15', { reasonStopped: 'progression' }), apheresis('2024-09-25'), med('Pd', '2024-10-01', '2025-01-31'), carT(inf)], read: n, expected: 3 },
      { id: 'C09', clause: '§3: therapy after CAR-T progression = new line', summary: 'CAR-T, PD, teclistamab',
        events: [...prior, carT(inf), PD('2025-05-01'), med('teclistamab', '2025-05-15', null)], read: n, expected: 3 },
      { id: 'C10', clause: 'doc: short Cy/Flu (<7 d) ending ≤7 d before CAR-T is lymphodepletion (no intent, no apheresis)', summary: 'Flu/Cy 3 d ending 3 d before infusion, no intent',
        events: [...prior, med('Flu/Cy', '2025-02-20', '2025-02-22'), carT(inf)], read: n, expected: 2 },
      { id: 'C11', clause: 'procedureRepeatDays: infusion recorded twice 3 d apart = one', summary: 'cilta-cel 02-22 and 02-25',
        events: [...prior, carT('2025-02-22'), carT(inf)], read: n, expected: 2 },
      { id: 'C12', clause: '§3 rule 1 vs CAR-T: dex-only bridging opens no line', summary: 'dex after apheresis, CAR-T',
        events: [...prior, apheresis('2025-01-10'), med('dexamethasone', '2025-01-15', '2025-02-10'), carT(inf)], read: n, expected: 2 },
    ];
    return c;
  })(),

  // ---------- re-treatment / holds ----------
  { id: 'R01', clause: '[S1] re-treatment after treatment-free interval and progression = new line', summary: 'VRd completed, PD 6 mo later, VRd again',
    events: [med('VRd', B, '2024-06-30', { reasonStopped: 'completed' }), PD('2025-01-01'), med('VRd', '2025-01-10', null)],
    read: (p: P) => `${cntOpen(1)(p)}|${L(p, 0)?.reasonForChange}`, expected: '2|retreatment-after-treatment-free-interval|progression' },
  { id: 'R02', clause: 'treatmentHoldMaxDays 60: restart same agents within 60 d = hold', summary: 'Rd to 06-30, Rd again 08-29 (60 d)',
    events: [med('Rd', B, '2024-06-30'), med('Rd', add('2024-06-30', 60), null)], read: n, expected: 1 },
  { id: 'R03', clause: 'treatmentHoldMaxDays 60: restart later = re-treatment (with or without PD)', summary: 'Rd to 06-30, Rd again 08-30 (61 d)',
    events: [med('Rd', B, '2024-06-30'), med('Rd', add('2024-06-30', 61), null)], read: cntOpen(1), expected: '2|retreatment-after-treatment-free-interval' },
  { id: 'R04', clause: 'treatmentHoldMaxDays: progression in between → new line even inside 60 d', summary: 'Rd to 06-30, PD 07-20, Rd 07-30',
    events: [med('Rd', B, '2024-06-30'), PD('2024-07-20'), med('Rd', '2024-07-30', null)], read: n, expected: 2 },
  { id: 'R05', clause: 'doc v10: same regimen restarted after a stop for progression = re-treatment', summary: 'Rd stop progression 06-30, Rd 07-10',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'progression' }), med('Rd', '2024-07-10', null)], read: n, expected: 2 },
  { id: 'R06', clause: '§3 alg.4: dose hold', summary: 'Rd to 03-31, Rd again 04-14',
    events: [med('Rd', B, '2024-03-31'), med('Rd', '2024-04-14', null)], read: n, expected: 1 },
  { id: 'R07', clause: '§3 alg.4 dose change', summary: 'R 25 mg to 03-31 then R 15 mg from 04-01 (dose change) with d ongoing',
    events: [med('lenalidomide', B, '2024-03-31', { dose: '25 mg' }), med('lenalidomide', '2024-04-01', null, { dose: '15 mg' }), med('dexamethasone', B, null)], read: n, expected: 1 },
  { id: 'R08', clause: 'treatmentHoldMaxDays: hold measured from the last dose, not the start', summary: 'Rd 01-01→2024-10-31, Rd again 2024-12-15 (45 d gap, 349 d from start)',
    events: [med('Rd', B, '2024-10-31'), med('Rd', '2024-12-15', null)], read: n, expected: 1 },
  { id: 'R09', clause: 'after stop, different regimen = rule 1 new line (superset)', summary: 'Rd to 06-30, DRd 07-20 (no PD)',
    events: [med('Rd', B, '2024-06-30'), med('DRd', '2024-07-20', null)], read: n, expected: 2 },

  // ---------- steroid-only changes ----------
  { id: 'S01', clause: '§3 alg.1 steroid-only change (swap dex→prednisone)', summary: 'R ongoing, dex to 06-30, prednisone from 07-01',
    events: [med('lenalidomide', B, null), med('dexamethasone', B, '2024-06-30'), med('prednisone', '2024-07-01', null)], read: n, expected: 1 },
  { id: 'S02', clause: '§3 alg.1 steroid added late', summary: 'R ongoing, dex added 04-01',
    events: [med('lenalidomide', B, null), med('dexamethasone', '2024-04-01', null)], read: n, expected: 1 },
  { id: 'S03', clause: '§3 alg.1 dex course long after a line ended (nothing follows)', summary: 'VRd completed 06-30, dex 2025-06-01→06-04',
    events: [med('VRd', B, '2024-06-30', { reasonStopped: 'completed' }), med('dexamethasone', '2025-06-01', '2025-06-04')], read: n, expected: 1 },
  { id: 'S04', clause: 'doc: dex lead-in joined by regimen within window', summary: 'dex from 01-01, VRd 01-20',
    events: [med('dexamethasone', B, null), med('VRd', '2024-01-20', null)], read: (p: P) => `${n(p)}|${starts(p)}`, expected: `1|${B}` },
  { id: 'S05', clause: 'doc v17: steroid >treatmentHoldMaxDays before next regimen belongs to no line', summary: 'VRd to 06-30, dex 2025-06-01→06-04, KPd 2025-09-01',
    events: [med('VRd', B, '2024-06-30'), med('dexamethasone', '2025-06-01', '2025-06-04'), med('KPd', '2025-09-01', null)], read: starts, expected: `${B},2025-09-01` },
  { id: 'S06', clause: 'doc v17: steroid begun >treatmentHoldMaxDays after the last dose leads into the regimen after it', summary: 'VRd to 06-30, dex 2025-08-15, KPd 2025-09-01',
    events: [med('VRd', B, '2024-06-30'), med('dexamethasone', '2025-08-15', '2025-08-31'), med('KPd', '2025-09-01', null)], read: starts, expected: `${B},2025-08-15` },
  { id: 'S07', clause: 'doc v14: steroid lead-in with MR recorded on it is a line of its own', summary: 'dex 01-01→01-24, MR 01-20, VRd 01-25',
    events: [med('dexamethasone', B, '2024-01-24'), response('2024-01-20', 'MR'), med('VRd', '2024-01-25', null)], read: n, expected: 2 },
  { id: 'S08', clause: '§3 alg.1: steroid course stop reason not read for reasonForChange', summary: 'R stop completed, d stop toxicity same day; KPd after',
    events: [med('lenalidomide', B, '2024-06-30', { reasonStopped: 'completed' }), med('dexamethasone', B, '2024-06-30', { reasonStopped: 'toxicity' }), med('KPd', '2024-09-01', null)], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'completed' },
  { id: 'S09', clause: '§3 alg.1: steroid-only restart after hold opens nothing', summary: 'Rd to 06-30; dex alone 07-15→07-20; Rd 08-01',
    events: [med('Rd', B, '2024-06-30'), med('dexamethasone', '2024-07-15', '2024-07-20'), med('Rd', '2024-08-01', null)], read: n, expected: 1 },

  // ---------- supportive / mobilization ----------
  { id: 'SU01', clause: '§3 alg.1 supportive agents dropped', summary: 'VRd + zoledronic acid, filgrastim, denosumab, gabapentin inside',
    events: [med('VRd', B, null), med('zoledronic acid', '2024-02-15', null), med('filgrastim', '2024-03-01', '2024-03-05'), med('denosumab', '2024-05-01', null), med('gabapentin', '2024-06-01', null)],
    read: (p: P) => `${n(p)}|${L(p, 0)!.generics.some((g) => ['zoledronic acid', 'filgrastim', 'denosumab', 'gabapentin'].includes(g))}`, expected: '1|false' },
  { id: 'SU02', clause: '§3 alg.1 supportive after line end opens nothing and does not extend it', summary: 'VRd to 06-30, zoledronic acid from 10-01',
    events: [med('VRd', B, '2024-06-30'), med('zoledronic acid', '2024-10-01', null)], read: (p: P) => `${n(p)}|${L(p, 0)?.end}`, expected: '1|2024-06-30' },
  { id: 'SU03', clause: '§3 alg.4 mobilization agents (plerixafor, G-CSF)', summary: 'VRd, plerixafor+filgrastim, apheresis, ASCT',
    events: [...IND, med('filgrastim', '2024-05-10', '2024-05-15'), med('plerixafor', '2024-05-14', '2024-05-15'), apheresis('2024-05-15'), asct(ASCT1)], read: n, expected: 1 },
  { id: 'MB01', clause: 'doc v9: short Cy alone + apheresis ≤30 d = mobilization (no intent)', summary: 'VRd, Cy 05-10→05-11, apheresis 05-25, ASCT',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-11'), apheresis('2024-05-25'), asct(ASCT1)], read: n, expected: 1 },
  { id: 'MB02', clause: 'doc v9: Cy with no apheresis/ASCT after is not mobilization', summary: 'VRd, Cy 5 d, nothing after',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-14')], read: n, expected: 2 },
  { id: 'MB03', clause: 'doc v9: Cy single day, ASCT exactly 90 d later (within 90) = mobilization', summary: 'Cy 05-10, ASCT 08-08',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-10'), asct(add('2024-05-10', 90))], read: n, expected: 1 },
  { id: 'MB04', clause: 'doc v9: ASCT 91 d after Cy → Cy not mobilization → own line', summary: 'Cy 05-10, ASCT 08-09',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-10'), asct(add('2024-05-10', 91))], read: (p: P) => n(p) >= 2, expected: true },
  { id: 'MB05', clause: 'doc v9: Cy with a cyclophosphamide course in the 28 d before is a CyBorD cycle, not mobilization', summary: 'CyBorD to 04-30 then Cy 05-10 short, apheresis 05-20, ASCT',
    events: [med('CyBorD', B, '2024-04-30'), med('cyclophosphamide', '2024-05-10', '2024-05-11'), apheresis('2024-05-20'), asct(ASCT1)], read: n, expected: 1 },

  // ---------- minLineDays ----------
  { id: 'M01', clause: 'minLineDays 14: 13-day regimen replaced within window joins next', summary: 'VRd 01-01→01-13, KRd 01-15',
    events: [med('VRd', B, '2024-01-13'), med('KRd', '2024-01-15', null)], read: n, expected: 1 },
  { id: 'M02', clause: 'minLineDays 14 boundary: 14 days = a line', summary: 'VRd 01-01→01-14, KRd 01-15',
    events: [med('VRd', B, '2024-01-14'), med('KRd', '2024-01-15', null)], read: n, expected: 2 },
  { id: 'M03', clause: 'minLineDays: stopped for progression excluded', summary: 'VRd 01-01→01-10 stop progression, KRd 01-15',
    events: [med('VRd', B, '2024-01-10', { reasonStopped: 'progression' }), med('KRd', '2024-01-15', null)], read: n, expected: 2 },
  { id: 'M04', clause: 'minLineDays: complete cycle recorded excluded', summary: 'VRd 01-01→01-10 cycles 1, KRd 01-15',
    events: [med('VRd', B, '2024-01-10', { cycles: 1 }), med('KRd', '2024-01-15', null)], read: n, expected: 2 },
  { id: 'M05', clause: 'minLineDays: next regimen beyond grouping window after last dose → own line', summary: 'VRd 01-01→01-10, KRd 02-10 (31 d after)',
    events: [med('VRd', B, '2024-01-10'), med('KRd', '2024-02-10', null)], read: n, expected: 2 },
  { id: 'M06', clause: 'minLineDays: next regimen exactly 28 d after last dose joins', summary: 'VRd 01-01→01-10, KRd 02-07 (28 d)',
    events: [med('VRd', B, '2024-01-10'), med('KRd', add('2024-01-10', 28), null)], read: n, expected: 1 },
  { id: 'M07', clause: 'minLineDays: steroid running on does not lengthen the short regimen', summary: 'V+R 01-01→01-10, dex 01-01→01-31, KRd 01-20',
    events: [med('bortezomib', B, '2024-01-10'), med('lenalidomide', B, '2024-01-10'), med('dexamethasone', B, '2024-01-31'), med('KRd', '2024-01-20', null)], read: n, expected: 1 },

  // ---------- no end / reasonStopped ----------
  { id: 'N01', clause: 'doc v16: stopped without end → line ends on its start; reasonForChange from stop', summary: 'Rd 01-01 stopped tox no end, KPd 09-01',
    events: [med('Rd', B, null, { reasonStopped: 'toxicity' }), med('KPd', '2024-09-01', null)], read: (p: P) => `${n(p)}|${L(p, 0)?.end}|${L(p, 0)?.reasonForChange}`, expected: `2|${B}|toxicity` },
  { id: 'N02', clause: 'doc v17: stopped without end is not known to be under a cycle (no merge)', summary: 'Rd stopped tox no end, KPd 01-20',
    events: [med('Rd', B, null, { reasonStopped: 'toxicity' }), med('KPd', '2024-01-20', null)], read: n, expected: 2 },
  { id: 'N03', clause: 'doc v17: stop for progression without end → same regimen after = re-treatment', summary: 'Rd stopped progression no end, Rd 06-01',
    events: [med('Rd', B, null, { reasonStopped: 'progression' }), med('Rd', '2024-06-01', null)], read: n, expected: 2 },
  { id: 'N04', clause: 'doc v17: per-drug records same day, each stopped without end = one regimen', summary: 'V, R, d each stopped tox no end; KPd 06-01',
    events: [med('bortezomib', B, null, { reasonStopped: 'toxicity' }), med('lenalidomide', B, null, { reasonStopped: 'toxicity' }), med('dexamethasone', B, null, { reasonStopped: 'toxicity' }), med('KPd', '2024-06-01', null)], read: n, expected: 2 },
  { id: 'N05', clause: 'doc: stopped without end (completed) + later same regimen > 60 d = re-treatment', summary: 'Rd start 01-01 stopped completed no end, Rd 2024-12-01',
    events: [med('Rd', B, null, { reasonStopped: 'completed' }), med('Rd', '2024-12-01', null)], read: n, expected: 2 },
  { id: 'N06', clause: 'doc: a course with reasonStopped but no end is not ongoing → last line over, reason read', summary: 'Rd 01-01 stopped patient-choice no end, nothing after',
    events: [med('Rd', B, null, { reasonStopped: 'patient-choice' })], read: (p: P) => `${n(p)}|${L(p, 0)?.reasonForChange}`, expected: '1|patient-choice' },
  { id: 'N07', clause: 'doc v17: a no-end stop followed by planned maintenance after ASCT is not the line\'s last', summary: 'VRd induction stopped completed no end, ASCT, R maintenance',
    events: [med('VRd', B, null, { intent: 'induction', reasonStopped: 'completed' }), asct(ASCT1), med('lenalidomide', '2024-09-01', null, { intent: 'maintenance' })], read: n, expected: 1 },

  // ---------- overlapping / per-dose records ----------
  { id: 'O01', clause: '§3 duplicate overlapping records', summary: 'VRd 01-01→06-30 + lenalidomide 01-01→06-30',
    events: [med('VRd', B, '2024-06-30'), med('lenalidomide', B, '2024-06-30')], read: n, expected: 1 },
  { id: 'O02', clause: '§3 alg.4 per-dose records (dose schedule) are one line', summary: 'pom ongoing; dara weekly ×8, q2w ×8, q4w ×4',
    events: (() => { const e: Ev[] = [med('pomalidomide', B, null), med('dexamethasone', B, null)]; let d = B; for (let i = 0; i < 8; i++) { e.push(med('daratumumab', d, d)); d = add(d, 7); } for (let i = 0; i < 8; i++) { e.push(med('daratumumab', d, d)); d = add(d, 14); } for (let i = 0; i < 4; i++) { e.push(med('daratumumab', d, d)); d = add(d, 28); } return e; })(),
    read: n, expected: 1 },
  { id: 'O03', clause: '§3 alg.4 dose hold in per-dose series', summary: 'dara q4w per dose alone, one 49-day gap (hold)',
    events: [med('daratumumab', B, B), med('daratumumab', '2024-01-29', '2024-01-29'), med('daratumumab', '2024-03-18', '2024-03-18'), med('daratumumab', '2024-04-15', '2024-04-15')], read: n, expected: 1 },
  { id: 'O04', clause: '§3 cycles sent one by one', summary: 'Rd cycles 21/28 ×4 as separate records',
    events: [0, 1, 2, 3].map((i) => med('Rd', add(B, 28 * i), add(B, 28 * i + 20), { cycles: 1 })), read: n, expected: 1 },
  { id: 'O05', clause: '§3 rule 1: overlapping subset record = drop, not new regimen', summary: 'VRd 01-01→06-30, Rd 06-01→12-31',
    events: [med('VRd', B, '2024-06-30'), med('Rd', '2024-06-01', '2024-12-31')], read: n, expected: 1 },
  { id: 'O06', clause: 'doc: arrival order never matters', summary: 'D01 events reversed',
    events: [med('KPd', '2024-09-01', null), med('VRd', B, '2024-06-30')], read: cntOpen(1), expected: '2|new-regimen-after-discontinuation' },
  { id: 'O07', clause: 'per-dose daratumumab q4w with PD between doses; next dose on schedule (scheduleSlipDays) = going on', summary: 'dara monthly doses; PD 2024-04-10; next dose 04-22 (28 d after 03-25 ... )',
    events: [med('daratumumab', B, B), med('daratumumab', '2024-01-29', '2024-01-29'), med('daratumumab', '2024-02-26', '2024-02-26'), med('daratumumab', '2024-03-25', '2024-03-25'), PD('2024-04-10'), med('daratumumab', '2024-04-22', '2024-04-22')], read: n, expected: 1 },

  // ---------- interactions ----------
  { id: 'X01', clause: 'doc: agent added within grouping window after a progression = salvage (new line)', summary: 'Rd d0, PD d19, dara d24',
    events: [med('Rd', B, null), PD(add(B, 19)), med('daratumumab', add(B, 24), null)], read: n, expected: 2 },
  { id: 'X02', clause: 'earlyProgressionDays 14: PD in first 14 d prompted the line → addition joins', summary: 'Rd d0, PD d9, dara d24',
    events: [med('Rd', B, null), PD(add(B, 9)), med('daratumumab', add(B, 24), null)], read: n, expected: 1 },
  { id: 'X02b', clause: 'earlyProgressionDays boundary: PD on day 14 after start is early', summary: 'Rd d0, PD d14, dara d24',
    events: [med('Rd', B, null), PD(add(B, 14)), med('daratumumab', add(B, 24), null)], read: n, expected: 1 },
  { id: 'X02c', clause: 'earlyProgressionDays boundary: PD on day 15 is on the line → addition is salvage', summary: 'Rd d0, PD d15, dara d24',
    events: [med('Rd', B, null), PD(add(B, 15)), med('daratumumab', add(B, 24), null)], read: n, expected: 2 },
  { id: 'X03', clause: 'doc v10: dropped drug given again after a progression = addition for progression', summary: 'V dropped 03-31, Rd continues, PD 09-01, V again 09-10',
    events: [med('bortezomib', B, '2024-03-31'), med('Rd', B, null), PD('2024-09-01'), med('bortezomib', '2024-09-10', null)], read: n, expected: 2 },
  { id: 'X04', clause: 'doc v11: after stop, an agent dropped long before makes a different regimen', summary: 'VRd induction (V to 04-30), R maintenance to 2025-06-30; VRd 2025-07-20 (no PD)',
    events: [med('bortezomib', B, '2024-04-30'), med('lenalidomide', B, '2025-06-30'), med('dexamethasone', B, '2024-04-30'), med('VRd', '2025-07-20', null)], read: n, expected: 2 },
  { id: 'X05', clause: 'doc: line opened by addition carries agents running beyond the window (D-Rd)', summary: 'Rd, dara added 04-01 → line 2 generics include lenalidomide',
    events: [med('Rd', B, null), med('daratumumab', '2024-04-01', null)], read: (p: P) => `${n(p)}|${L(p, 1)?.generics.includes('lenalidomide')}`, expected: '2|true' },
  { id: 'X06', clause: 'doc: a record ending within the window was being switched, not added to', summary: 'R d0→d20, dara d25 (R stopped in window)',
    events: [med('lenalidomide', B, add(B, 20)), med('daratumumab', add(B, 25), null)], read: (p: P) => `${n(p)}|${L(p, n(p) - 1)?.generics.includes('lenalidomide')}`, expected: '2|false' },
  { id: 'X07', clause: '§3 planned sequence + tandem: induction, ASCT, tandem +120, maintenance = 1', summary: 'planned tandem within 180 then R maintenance',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 120), true), med('lenalidomide', add(ASCT1, 200), null, { intent: 'maintenance' })], read: n, expected: 1 },
  { id: 'X08', clause: '§3 tandem measured from first ASCT, with procedure repeat: ASCT recorded twice (+0,+5) then tandem at +183 from first/+178 from the later', summary: 'repeat record moves SCT to later date (doc: "on the later date")',
    events: [...IND, asct(ASCT1), asct(add(ASCT1, 5)), asct(add(ASCT1, 183), true)], read: n, expected: 1 },

  // ---------- reason for change ----------
  { id: 'RC01', clause: '§3 alg.6 reason-for-change toxicity', summary: 'Rd stop tox, KPd',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'toxicity' }), med('KPd', '2024-09-01', null)], read: reasons, expected: 'toxicity,null' },
  { id: 'RC02', clause: '§3 alg.6 completion', summary: 'Rd stop completed, KPd',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', null)], read: reasons, expected: 'completed,null' },
  { id: 'RC03', clause: 'doc: progression on the line beats recorded toxicity', summary: 'Rd to 06-30 tox; PD 06-01',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'toxicity' }), PD('2024-06-01'), med('KPd', '2024-09-01', null)], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'progression' },
  { id: 'RC04', clause: 'doc: PD within the next line\'s first 14 d is the line before\'s', summary: 'Rd completed 06-30, KPd 09-01, PD 09-10',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', null), PD('2024-09-10')], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'progression' },
  { id: 'RC05', clause: 'doc: PD on day 15 of next line is not the line before\'s', summary: 'Rd completed, KPd 09-01, PD 09-16',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', null), PD('2024-09-16')], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'completed' },
  { id: 'RC06', clause: 'doc: off-therapy PD prompting the next line counts whatever the stop was recorded for', summary: 'Rd completed 06-30, PD 2025-01-01, KPd 2025-01-10',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), PD('2025-01-01'), med('KPd', '2025-01-10', null)], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'progression' },
  { id: 'RC07', clause: 'doc: reasons in order toxicity > completed when last courses differ', summary: 'V stop tox, R stop completed same day',
    events: [med('bortezomib', B, '2024-06-30', { reasonStopped: 'toxicity' }), med('lenalidomide', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', null)], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'toxicity' },
  { id: 'RC08', clause: 'doc: last line over: PD within 14 d after end = progression', summary: 'Rd completed 2025-06-30, PD 07-14',
    events: [med('Rd', B, '2025-06-30', { reasonStopped: 'completed' }), PD('2025-07-14')], read: reasons, expected: 'progression' },
  { id: 'RC09', clause: 'doc: last line over: PD 15 d after end is not the line\'s', summary: 'Rd completed 2025-06-30, PD 07-15',
    events: [med('Rd', B, '2025-06-30', { reasonStopped: 'completed' }), PD('2025-07-15')], read: reasons, expected: 'completed' },
  { id: 'RC10', clause: 'doc: progression in the line\'s own first 14 d is not its own', summary: 'Rd completed 06-30; KPd 09-01 to 2025-03-01 completed; PD 09-05 only',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', '2025-03-01', { reasonStopped: 'completed' }), PD('2024-09-05')], read: reasons, expected: 'progression,completed' },
  { id: 'RC11', clause: 'doc v17: courses carried into a line stop in that line', summary: 'Rd from 01-01, dara added 04-01; R stop tox 10-01, dara stop completed 10-01',
    events: [med('lenalidomide', B, '2024-10-01', { reasonStopped: 'toxicity' }), med('dexamethasone', B, '2024-10-01'), med('daratumumab', '2024-04-01', '2024-10-01', { reasonStopped: 'completed' })], read: reasons, expected: 'null,toxicity' },
  { id: 'RC12', clause: 'doc: ongoing line → null', summary: 'Rd ongoing',
    events: [med('Rd', B, null)], read: reasons, expected: 'null' },
  { id: 'RC13', clause: 'doc v17: bridging stopped for progression → CAR-T line reason (after infusion no PD) / line before reason progression', summary: 'DRd stop prog, bridging Kd stop prog (no end), CAR-T; ongoing',
    events: [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' }), apheresis('2025-01-10'), med('Kd', '2025-01-15', null, { intent: 'bridging', reasonStopped: 'progression' }), carT('2025-02-25')], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'progression' },
  { id: 'RC14', clause: 'doc: PD after CAR-T infusion however soon is the CAR-T line\'s, not the line before', summary: 'DRd completed, CAR-T 2025-02-25, PD 2025-03-01, tec 03-15',
    events: [med('DRd', B, '2024-12-31', { reasonStopped: 'completed' }), carT('2025-02-25'), PD('2025-03-01'), med('teclistamab', '2025-03-15', null)], read: reasons, expected: 'completed,progression,null' },
];

// ---------- priorLines leaf ----------
const THREE = [med('Rd', '2023-01-01', '2023-12-31'), med('KPd', '2024-03-01', '2024-12-31'), med('DVd', '2025-03-01', null)];
interface LeafCase { id: string; clause: string; events: Ev[]; rule: unknown; asOf: string; expected: string }
const leafCases: LeafCase[] = [
  { id: 'PL01', clause: 'priorLines min 3, exactly 3', events: THREE, rule: { fact: 'priorLines', min: 3 }, asOf: AS_OF, expected: 'MET' },
  { id: 'PL02', clause: 'priorLines max 3, exactly 3', events: THREE, rule: { fact: 'priorLines', max: 3 }, asOf: AS_OF, expected: 'MET' },
  { id: 'PL03', clause: 'priorLines max 2, 3 lines', events: THREE, rule: { fact: 'priorLines', max: 2 }, asOf: AS_OF, expected: 'NOT_MET' },
  { id: 'PL04', clause: 'priorLines min 4, 3 lines', events: THREE, rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'NOT_MET' },
  { id: 'PL05', clause: 'priorLines min=max=3', events: THREE, rule: { fact: 'priorLines', min: 3, max: 3 }, asOf: AS_OF, expected: 'MET' },
  { id: 'PL06', clause: '§3 alg.6: line starting ON screening day is not prior (min 3)', events: THREE, rule: { fact: 'priorLines', min: 3 }, asOf: '2025-03-01', expected: 'NOT_MET' },
  { id: 'PL07', clause: '§3 alg.6: line starting on screening day (max 2)', events: THREE, rule: { fact: 'priorLines', max: 2 }, asOf: '2025-03-01', expected: 'MET' },
  { id: 'PL08', clause: '§3 alg.6: line started day before screening counts', events: THREE, rule: { fact: 'priorLines', min: 3 }, asOf: '2025-03-02', expected: 'MET' },
  { id: 'PL09', clause: 'criteria-language: no treatment history → unknown', events: [], rule: { fact: 'priorLines', min: 1 }, asOf: AS_OF, expected: 'UNKNOWN' },
  { id: 'PL10', clause: 'criteria-language v15: unread investigational med outside window could be a line → unknown if it changes outcome', events: [...THREE, med('investigational BCMA bispecific (blinded)', '2025-06-01', '2025-07-01')], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'UNKNOWN' },
  { id: 'PL11', clause: 'same, outcome unchanged → decided', events: [...THREE, med('investigational BCMA bispecific (blinded)', '2025-06-01', '2025-07-01')], rule: { fact: 'priorLines', max: 5 }, asOf: AS_OF, expected: 'MET' },
  { id: 'PL12', clause: 'unread med within 28 d of a line start is not a line', events: [...THREE, med('investigational BCMA bispecific (blinded)', '2025-03-20', '2025-07-01')], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'NOT_MET' },
  { id: 'PL13', clause: 'CAR-T line on screening day (bridging before): prior lines = 1', events: [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' }), apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-02-15', { intent: 'bridging' }), carT('2025-02-25')], rule: { fact: 'priorLines', min: 2 }, asOf: '2025-02-25', expected: 'MET' },
  { id: 'PL14', clause: 'tandem ASCT: one prior line', events: [...IND, asct(ASCT1), asct(add(ASCT1, 100), true)], rule: { fact: 'priorLines', max: 1 }, asOf: AS_OF, expected: 'MET' },
  { id: 'PL15', clause: 'line starting the day after screening (future course left out)', events: THREE, rule: { fact: 'priorLines', max: 2 }, asOf: '2025-02-28', expected: 'MET' },
];

describe('lot37 lines of therapy', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ? { ...DEFAULT_SETTINGS, ...c.settings } : DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
  for (const c of leafCases) {
    it(`${c.id} ${c.clause}`, () => {
      const p = buildProfile(c.events, c.asOf);
      expect(compileRule(c.rule)({ profile: p, asOf: c.asOf, trace: null }).outcome).toBe(c.expected);
    });
  }
});
