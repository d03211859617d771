/**
 * lot37b — second batch: subtler combinations (lines of therapy). Expectations from domain.md §3 and
 * docs/clinical-core.md, written before reading the implementation. Scratch review file; not committed.
 */
import { event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-01-01';
const add = (d: string, n: number) => { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
const PD = (d: string) => response(d, 'PD');
const apheresis = (d: string) => event('procedure', d, { kind: 'apheresis' });
const asct = (d: string, tandem?: boolean) => sct(d, tandem === undefined ? {} : { plannedTandem: tandem });
const alloSct = (d: string) => event('procedure', d, { kind: 'allogeneic-sct' });
const carT = (d: string, product = 'ciltacabtagene autoleucel') => event('procedure', d, { kind: 'car-t-infusion', product });
const n = (p: P) => p.linesOfTherapy.count;
const L = (p: P, i: number) => p.linesOfTherapy.lines[i];
const starts = (p: P) => p.linesOfTherapy.lines.map((l) => l.start).join(',');
const reasons = (p: P) => p.linesOfTherapy.lines.map((l) => String(l.reasonForChange)).join(',');
const B = '2024-01-01';
const IND = [med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction' })];
const ASCT1 = '2024-06-15';

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string }
const doses = (drug: string, first: string, every: number, count: number) => Array.from({ length: count }, (_, i) => med(drug, add(first, every * i), add(first, every * i)));

const cases: Case[] = [
  // grouping window with timed starts: the written day counts (clinical-core: records ordered by the day written)
  { id: 'B01', clause: '§3 alg.2 window 28 by written day; doc: day written in the record', summary: 'R start 2024-01-01T00:30+02:00 (UTC 12-31), V 2024-01-29 → 28 d by written day',
    events: [med('lenalidomide', '2024-01-01T00:30:00+02:00', null), med('bortezomib', '2024-01-29', null)], read: n, expected: 1 },
  { id: 'B02', clause: '§3 alg.2 window 28 by written day', summary: 'R 2024-01-01, V start 2024-01-30T00:30+02:00 (UTC 01-29) → 29 d by written day',
    events: [med('lenalidomide', '2024-01-01', null), med('bortezomib', '2024-01-30T00:30:00+02:00', null)], read: n, expected: 2 },
  // per-dose first agent, second agent at 28/29
  { id: 'B03', clause: '§3 alg.2 window from first agent, first agent as per-dose records', summary: 'dara weekly per dose from d0, pom starts d28',
    events: [...doses('daratumumab', B, 7, 10), med('pomalidomide', add(B, 28), null)], read: n, expected: 1 },
  { id: 'B04', clause: '§3 alg.2 window from first agent, per-dose', summary: 'dara weekly per dose from d0, pom starts d29',
    events: [...doses('daratumumab', B, 7, 10), med('pomalidomide', add(B, 29), null)], read: n, expected: 2 },
  // per-dose schedule with PD between doses; next dose late → re-treatment? (scheduleSlipDays 7)
  { id: 'B05', clause: 'scheduleSlipDays 7: next q4w dose beyond interval+7 after a PD between doses = re-treatment after progression', summary: 'dara q4w doses 01-01..03-25, PD 04-10, next dose 05-10 (46 d)',
    events: [...doses('daratumumab', B, 28, 4), PD('2024-04-10'), med('daratumumab', '2024-05-10', '2024-05-10')], read: n, expected: 2 },
  { id: 'B06', clause: 'scheduleSlipDays 7 boundary: interval 28 + 7 = 35 → dose on day 35 is on schedule', summary: 'dara q4w to 03-25, PD 04-10, next 04-29 (35 d)',
    events: [...doses('daratumumab', B, 28, 4), PD('2024-04-10'), med('daratumumab', add('2024-03-25', 35), add('2024-03-25', 35))], read: n, expected: 1 },
  { id: 'B07', clause: 'scheduleSlipDays 7 boundary: 36 d → re-treatment after progression', summary: 'dara q4w to 03-25, PD 04-10, next 04-30 (36 d)',
    events: [...doses('daratumumab', B, 28, 4), PD('2024-04-10'), med('daratumumab', add('2024-03-25', 36), add('2024-03-25', 36))], read: n, expected: 2 },
  // maintenance substitution same day
  { id: 'B08', clause: 'doc v12/v17: maintenance drug stopped the day another starts = substitution', summary: 'R maint stop tox 2025-03-01, pom maint from 2025-03-01',
    events: [...IND, asct(ASCT1), med('lenalidomide', '2024-10-15', '2025-03-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  // tandem with maintenance in between
  { id: 'B09', clause: '§3: planned sequence + planned tandem ≤180 d = 1 line', summary: 'ASCT, R maint (+100), 2nd ASCT planned +170',
    events: [...IND, asct(ASCT1), med('lenalidomide', add(ASCT1, 100), null, { intent: 'maintenance' }), asct(add(ASCT1, 170), true)], read: n, expected: 1 },
  { id: 'B10', clause: '§3 tandem: conditioning before the tandem SCT stays in the line', summary: 'ASCT, melphalan conditioning (intent) +118..+119, tandem +120',
    events: [...IND, asct(ASCT1), med('melphalan', add(ASCT1, 118), add(ASCT1, 119), { intent: 'conditioning' }), asct(add(ASCT1, 120), true)], read: n, expected: 1 },
  // allo conditioning with no intent
  { id: 'B11', clause: 'doc v9: melphalan ≤3 d ≤14 d before an SCT is conditioning without intent (allo too); §3 alg.3 allo = line', summary: 'VRd, PD, Flu (no intent) + Mel 2 d, allo 4 d later',
    events: [med('VRd', B, '2024-06-30'), PD('2024-12-01'), med('fludarabine', '2025-01-01', '2025-01-04'), med('melphalan', '2025-01-03', '2025-01-04'), alloSct('2025-01-08')],
    read: (p: P) => `${n(p)}|${L(p, 1)?.openedBy}|${L(p, 1)?.generics.includes('melphalan')}`, expected: '2|allogeneic-sct|true' },
  // bridging with no CAR-T following
  { id: 'B12', clause: '§3 rule 1: bridging regimen with no infusion on record is a new regimen', summary: 'DRd stop PD, apheresis, Kd intent bridging ongoing, no infusion',
    events: [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' }), apheresis('2025-01-10'), med('Kd', '2025-01-15', null, { intent: 'bridging' })], read: n, expected: 2 },
  // prior regimen continued as bridging through apheresis until just before infusion
  { id: 'B13', clause: '§3 alg.5 / alg.3: CAR-T opens one line; bridging part of it', summary: 'DRd 2024-01-01→2025-02-10 continuous, apheresis 01-10, CAR-T 02-25',
    events: [med('DRd', B, '2025-02-10'), apheresis('2025-01-10'), carT('2025-02-25')], read: n, expected: 2 },
  // re-treatment after PD in the course's last 14 days (v16)
  { id: 'B14', clause: 'treatmentHoldMaxDays doc v16: PD in course\'s last earlyProgressionDays counts as in between', summary: 'Rd to 06-30, PD 06-20, Rd 07-20',
    events: [med('Rd', B, '2024-06-30'), PD('2024-06-20'), med('Rd', '2024-07-20', null)], read: n, expected: 2 },
  { id: 'B14b', clause: 'same, PD exactly 14 d before stop', summary: 'Rd to 06-30, PD 06-16, Rd 07-20',
    events: [med('Rd', B, '2024-06-30'), PD('2024-06-16'), med('Rd', '2024-07-20', null)], read: n, expected: 2 },
  // hold after toxicity stop
  { id: 'B15', clause: '§3 alg.4 hold; treatmentHoldMaxDays 60', summary: 'Rd stop tox 06-30, Rd 07-30',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'toxicity' }), med('Rd', '2024-07-30', null)], read: (p: P) => `${n(p)}|${reasons(p)}`, expected: '1|null' },
  // dex-only after PD, nothing follows
  { id: 'B16', clause: 'doc: steroid after PD with nothing following belongs to no line', summary: 'Rd to 06-30, PD 07-10, dex 07-15→07-25',
    events: [med('Rd', B, '2024-06-30'), PD('2024-07-10'), med('dexamethasone', '2024-07-15', '2024-07-25')], read: n, expected: 1 },
  { id: 'B17', clause: 'doc: steroid after PD joins the treatment that follows (line starts with it)', summary: 'Rd to 06-30, PD 07-10, dex 07-15, KPd 07-25',
    events: [med('Rd', B, '2024-06-30'), PD('2024-07-10'), med('dexamethasone', '2024-07-15', '2024-07-24'), med('KPd', '2024-07-25', null)], read: starts, expected: `${B},2024-07-15` },
  // contained duplicate record
  { id: 'B18', clause: '§3 overlapping records of the same drug', summary: 'R 01-01→06-30 and R 03-01→03-31',
    events: [med('lenalidomide', B, '2024-06-30'), med('lenalidomide', '2024-03-01', '2024-03-31')], read: n, expected: 1 },
  // short regimen replaced same day by two agents
  { id: 'B19', clause: 'minLineDays: 11-day regimen replaced the day it stops joins the next', summary: 'R 01-01→01-11, V + dara from 01-11',
    events: [med('lenalidomide', B, '2024-01-11'), med('bortezomib', '2024-01-11', null), med('daratumumab', '2024-01-11', null)], read: n, expected: 1 },
  // reason for change when next line opened by addition after PD
  { id: 'B20', clause: '§3 alg.6: PD → line opened by addition; line before reason progression', summary: 'Rd, PD d100, dara added d110',
    events: [med('Rd', B, null), PD(add(B, 100)), med('daratumumab', add(B, 110), null)], read: (p: P) => `${n(p)}|${L(p, 0)?.reasonForChange}`, expected: '2|progression' },
  // PD exactly on next line's start + 14
  { id: 'B21', clause: 'doc: next line\'s first earlyProgressionDays (14, inclusive) belong to the line before', summary: 'Rd completed 06-30, KPd 09-01, PD 09-15',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'completed' }), med('KPd', '2024-09-01', null), PD('2024-09-15')], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'progression' },
  // no-end stop + PD after stop-start but before next line
  { id: 'B22', clause: 'doc v16/v17: course stopped (tox) without end; PD before next line → line 1 progression', summary: 'Rd 01-01 stop tox no end; PD 2024-05-01; KPd 05-10',
    events: [med('Rd', B, null, { reasonStopped: 'toxicity' }), PD('2024-05-01'), med('KPd', '2024-05-10', null)], read: (p: P) => `${n(p)}|${L(p, 0)?.reasonForChange}`, expected: '2|progression' },
  // no-end stop: line end is its start; next line begins; priorLines 2
  { id: 'B23', clause: 'doc v17: stop without end: same regimen restarted after a toxicity stop without end within 60 d of start', summary: 'Rd 01-01 stop tox no end; Rd 02-15',
    events: [med('Rd', B, null, { reasonStopped: 'toxicity' }), med('Rd', '2024-02-15', null)], read: n, expected: 1 },
  // CAR-T line then maintenance recorded planned adding a class; then PD; then same maintenance → salvage
  { id: 'B24', clause: 'doc: therapy after PD within the CAR-T line is salvage', summary: 'CAR-T, R maintenance (intent) 05-01, PD 09-01, pom 09-20',
    events: [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' }), carT('2025-02-25'), med('lenalidomide', '2025-05-01', '2025-09-10', { intent: 'maintenance' }), PD('2025-09-01'), med('pomalidomide', '2025-09-20', null)], read: n, expected: 3 },
  // two CAR-T infusions of different products
  { id: 'B25', clause: '§3 alg.3: each CAR-T infusion opens a line', summary: 'cilta-cel 2025-02-25, ide-cel 2025-10-01',
    events: [med('DRd', B, '2024-12-31'), carT('2025-02-25'), PD('2025-08-01'), carT('2025-10-01', 'idecabtagene vicleucel')], read: n, expected: 3 },
  // CAR-T infusion record repeated > 7 days
  { id: 'B26', clause: 'procedureRepeatDays 7: infusion of same product recorded 8 d apart = two', summary: 'cilta-cel 02-17, 02-25',
    events: [med('DRd', B, '2024-12-31'), carT('2025-02-17'), carT('2025-02-25')], read: n, expected: 3 },
  // mobilization cyclophosphamide + dex beside
  { id: 'B27', clause: 'doc v9: Cy <7 d with steroid/G-CSF beside, apheresis within 30 d = mobilization', summary: 'VRd, Cy+dex 05-10→05-12, G-CSF, apheresis 05-30, ASCT',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-12'), med('dexamethasone', '2024-05-10', '2024-05-12'), med('filgrastim', '2024-05-13', '2024-05-20'), apheresis('2024-05-30'), asct(ASCT1)], read: n, expected: 1 },
  { id: 'B28', clause: 'doc v9: Cy course of 7 days is not "under 7 days" → not mobilization', summary: 'VRd, Cy 05-10→05-16 (7 d), apheresis 05-30, ASCT',
    events: [...IND, med('cyclophosphamide', '2024-05-10', '2024-05-16'), apheresis('2024-05-30'), asct(ASCT1)], read: (p: P) => n(p) >= 2, expected: true },
  // lymphodepletion boundary: 7 days before
  { id: 'B29', clause: 'doc: short Cy (<7 d) ending within 7 d before CAR-T = lymphodepletion (no intent)', summary: 'Cy 02-15→02-18 (ends 7 d before), CAR-T 02-25',
    events: [med('DRd', B, '2024-12-31'), med('cyclophosphamide', '2025-02-15', '2025-02-18'), carT('2025-02-25')], read: n, expected: 2 },
  // dropped drug re-given with no progression, long after (contestable)
  { id: 'B30', clause: '§3 rule 2 (unplanned addition) vs alg.4 (dropping)', summary: 'V dropped 03-31, Rd continues, V again 09-10 (no PD)',
    events: [med('bortezomib', B, '2024-03-31'), med('Rd', B, null), med('bortezomib', '2024-09-10', null)], read: n, expected: 1 }, // round 37, kept at the code's reading (documented: a dropped drug given again without progression keeps the line); the reviewer expected 2
  // allo after CAR-T
  { id: 'B31', clause: '§3 alg.3 allo opens a line', summary: 'CAR-T 2025-02-25, allo 2025-06-01 (no PD)',
    events: [med('DRd', B, '2024-12-31'), carT('2025-02-25'), alloSct('2025-06-01')], read: n, expected: 3 },
  // planned maintenance started during induction? maintenance intent before ASCT
  { id: 'B32', clause: '§3 planned sequence: consolidation recorded right after ASCT', summary: 'induction, ASCT, VRd consolidation +45 (no intent), R +120 (no intent)',
    events: [...IND, asct(ASCT1), med('VRd', add(ASCT1, 45), add(ASCT1, 100)), med('lenalidomide', add(ASCT1, 120), null)], read: n, expected: 1 },
  // line-start-on-screening-day for line opened by addition
  { id: 'B33', clause: 'domain §3 alg.6: unplanned-addition line on screening day not prior', summary: 'Rd, dara added 2025-03-01; screening 2025-03-01 max 1',
    events: [med('Rd', B, null), med('daratumumab', '2025-03-01', null)], read: (p: P) => compileRule({ fact: 'priorLines', max: 1 })({ profile: p, asOf: '2025-03-01', trace: null }).outcome, expected: 'MET', asOf: '2025-03-01' },
  { id: 'B34', clause: 'criteria-language: line starting on screening day dates the flip to the next day', summary: 'Rd 2024, KPd 2025-03-01; screening 03-01 min 2 → NOT_MET flips 03-02',
    events: [med('Rd', B, '2024-06-30'), med('KPd', '2025-03-01', null)], read: (p: P) => { const r = compileRule({ fact: 'priorLines', min: 2 })({ profile: p, asOf: '2025-03-01', trace: null }); return `${r.outcome}|${r.flipsOn}`; }, expected: 'NOT_MET|2025-03-02', asOf: '2025-03-01' },
  { id: 'B35', clause: 'priorLines max 0 with first line starting on screening day', summary: 'Rd starts on screening day; max 0',
    events: [med('Rd', '2025-03-01', null)], read: (p: P) => compileRule({ fact: 'priorLines', max: 0 })({ profile: p, asOf: '2025-03-01', trace: null }).outcome, expected: 'MET', asOf: '2025-03-01' },
  // same fact two paths: profile built later than the screening date; leaf counts before the screening date
  { id: 'B36', clause: '§3 alg.6 prior_lines = lines started before the screening date (profile asOf later)', summary: '3 lines, profile 2026, screening 2025-02-01 → 2 prior; min 3',
    events: [med('Rd', '2023-01-01', '2023-12-31'), med('KPd', '2024-03-01', '2024-12-31'), med('DVd', '2025-03-01', null)], read: (p: P) => compileRule({ fact: 'priorLines', min: 3 })({ profile: p, asOf: '2025-02-01', trace: null }).outcome, expected: 'NOT_MET' },
  // tandem where first SCT belongs to a salvage line
  { id: 'B37', clause: '§3 rule 3: salvage ASCT then planned tandem ≤180 = same (salvage) line', summary: 'VRd, PD, ASCT (salvage), tandem +100',
    events: [med('VRd', B, '2024-04-30'), PD('2024-08-01'), asct('2024-09-01'), asct(add('2024-09-01', 100), true)], read: n, expected: 2 },
  // reason for change: line ending in ASCT line (procedure-only) then next
  { id: 'B38', clause: 'doc: line of procedures only ends on its last procedure', summary: 'VRd, PD, ASCT salvage; line 2 end = ASCT day',
    events: [med('VRd', B, '2024-04-30'), PD('2024-08-01'), asct('2024-09-01')], read: (p: P) => `${n(p)}|${L(p, 1)?.end}`, expected: '2|2024-09-01' },
  // stop for progression without end of the bridging, DRd line end
  { id: 'B39', clause: 'doc v13: a line that the next begins on its last day ends the day before', summary: 'Rd 01-01→06-30 (R), KPd from 06-30',
    events: [med('Rd', B, '2024-06-30', { reasonStopped: 'progression' }), med('KPd', '2024-06-30', null)], read: (p: P) => `${n(p)}|${L(p, 0)?.end}`, expected: '2|2024-06-29' },
  // dexamethasone long after: it should not change line 1's end
  { id: 'B40', clause: '§3 alg.1: late dex belongs to no line → line end unchanged', summary: 'VRd to 06-30, dex 2025-06-01→06-04',
    events: [med('VRd', B, '2024-06-30'), med('dexamethasone', '2025-06-01', '2025-06-04')], read: (p: P) => L(p, 0)?.end, expected: '2024-06-30' },
];

describe('lot37b lines of therapy (combinations)', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
