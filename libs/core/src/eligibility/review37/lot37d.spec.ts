/**
 * lot37d — fourth batch: boundaries on boundaries (window of a line opened by addition, unit day counting of
 * short-course conventions), future ends, reason-for-change with stops without end. Scratch; not committed.
 */
import { event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-01-01';
const add = (d: string, n: number) => { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
const PD = (d: string) => response(d, 'PD');
const carT = (d: string, product = 'ciltacabtagene autoleucel') => event('procedure', d, { kind: 'car-t-infusion', product });
const apheresis = (d: string) => event('procedure', d, { kind: 'apheresis' });
const n = (p: P) => p.linesOfTherapy.count;
const L = (p: P, i: number) => p.linesOfTherapy.lines[i];
const B = '2024-01-01';
const IND = [med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction' })];
const ASCT1 = '2024-06-15';

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  { id: 'D4-01', clause: '§3 alg.2 window from the first agent of the line opened by addition (28 d)', summary: 'Rd d0, dara d60 (line 2), V d88 (28 d after dara)',
    events: [med('Rd', B, null), med('daratumumab', add(B, 60), null), med('bortezomib', add(B, 88), null)], read: n, expected: 2 },
  { id: 'D4-02', clause: '§3 alg.2 window from the line 2 regimen start (29 d) → another addition', summary: 'Rd d0, dara d60, V d89',
    events: [med('Rd', B, null), med('daratumumab', add(B, 60), null), med('bortezomib', add(B, 89), null)], read: n, expected: 3 },
  { id: 'D4-03', clause: '§3 alg.1 steroid lead-in: window from the regimen, not the steroid', summary: 'dex d0, VRd d19, dara d40 (21 after VRd)',
    events: [med('dexamethasone', B, null), med('VRd', add(B, 19), null), med('daratumumab', add(B, 40), null)], read: n, expected: 1 },
  { id: 'D4-04', clause: 'doc: agent added after PD within window is salvage; a steroid alone is not', summary: 'Rd d0, PD d19, dex pulse d24',
    events: [med('Rd', B, null), PD(add(B, 19)), med('dexamethasone', add(B, 24), add(B, 27))], read: n, expected: 1 },
  { id: 'D4-05', clause: '§3 planned sequence without ASCT: maintenance after induction within hold = 1 line', summary: 'VRd to 04-30, R maintenance 05-15',
    events: [...IND, med('lenalidomide', '2024-05-15', null, { intent: 'maintenance' })], read: n, expected: 1 },
  { id: 'D4-06', clause: 'doc: a recorded end after the profile day is not an end (ongoing line, reason null)', summary: 'VRd 01-01→2026-06-30 completed; asOf 2026-01-01',
    events: [med('VRd', B, '2026-06-30', { reasonStopped: 'completed' })], read: (p: P) => `${L(p, 0)?.end}|${L(p, 0)?.reasonForChange}`, expected: 'null|null' },
  { id: 'D4-07', clause: 'doc v17: a stop without end may be the line\'s last; reasons in order (toxicity before completed)', summary: 'VRd 01-01→04-30 completed; dara 01-01 stopped tox no end; KPd 09-01',
    events: [med('VRd', B, '2024-04-30', { reasonStopped: 'completed' }), med('daratumumab', B, null, { reasonStopped: 'toxicity' }), med('KPd', '2024-09-01', null)], read: (p: P) => `${n(p)}|${L(p, 0)?.reasonForChange}`, expected: '2|toxicity' },
  { id: 'D4-08', clause: 'doc v9 conditioning: melphalan ≤3 days (3 dose days) no intent = conditioning', summary: 'melphalan 3 d (06-10→06-12) before ASCT 06-15',
    events: [...IND, med('melphalan', '2024-06-10', '2024-06-12'), sct(ASCT1)], read: n, expected: 1 },
  { id: 'D4-09', clause: 'doc v9 conditioning: 4 dose days is not "at most 3 days"', summary: 'melphalan 4 d (06-09→06-12) before ASCT',
    events: [...IND, med('melphalan', '2024-06-09', '2024-06-12'), sct(ASCT1)], read: (p: P) => n(p) >= 2, expected: true },
  { id: 'D4-10', clause: 'doc: lymphodepletion "under 7 days" (first and last day counted, as minLineDays): 7 dose days is not', summary: 'Cy 02-12→02-18 (7 dose days), CAR-T 02-25, no intent',
    events: [med('DRd', B, '2024-12-31'), med('cyclophosphamide', '2025-02-12', '2025-02-18'), carT('2025-02-25')], read: (p: P) => L(p, 1)?.start, expected: '2025-02-12' }, // round 37, kept at the code's reading (case reading: the 7-day Cy course is bridging of the CAR-T line); the reviewer expected '2025-02-25'
  { id: 'D4-11', clause: 'doc: bridging course ending after the infusion is still the CAR-T line', summary: 'Kd bridging 01-15→03-15, infusion 02-25',
    events: [med('DRd', B, '2024-12-31', { reasonStopped: 'progression' }), apheresis('2025-01-10'), med('Kd', '2025-01-15', '2025-03-15', { intent: 'bridging' }), carT('2025-02-25')], read: n, expected: 2 },
  { id: 'D4-12', clause: '§8 CAR-T product sent as medication is the infusion', summary: 'DRd, cilta-cel as medication',
    events: [med('DRd', B, '2024-12-31'), med('cilta-cel', '2025-02-25', '2025-02-25')], read: (p: P) => `${n(p)}|${L(p, 1)?.openedBy}`, expected: '2|car-t' },
  { id: 'D4-13', clause: 'hold: regimen abbreviation then per-drug records of the same agents', summary: 'Rd to 06-30, lenalidomide + dex 07-15',
    events: [med('Rd', B, '2024-06-30'), med('lenalidomide', '2024-07-15', null), med('dexamethasone', '2024-07-15', null)], read: n, expected: 1 },
  { id: 'D4-14', clause: 'maintenance, class added after maintenance stopped for good (no self-resume): R maint single-day records', summary: 'R maint per-cycle records (21 d) to 2025-01-21, then ixazomib maint 2025-05-01 (PI class already in line)',
    events: [...IND, sct(ASCT1), ...[0, 28, 56, 84].map((k) => med('lenalidomide', add('2024-10-01', k), add('2024-10-01', k + 20), { intent: 'maintenance' })), med('ixazomib', '2025-05-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'D4-15', clause: '§3 rule 2 substitution vs doc "no intent after ASCT taken as planned" (contestable probe)', summary: 'R no intent ASCT+60 → 2024-12-01 tox; pom no intent 2024-12-05 (ASCT+173)',
    events: [...IND, sct(ASCT1), med('lenalidomide', add(ASCT1, 60), '2024-12-01', { reasonStopped: 'toxicity' }), med('pomalidomide', '2024-12-05', null)], read: n, expected: 1 }, // round 37, kept at the code's reading (documented: no intent after ASCT is the planned sequence); the reviewer expected 2
  { id: 'D4-16', clause: '§3 rule 3: a third ASCT is no tandem (interval from the first > 180)', summary: 'ASCT, planned tandem +120, another planned +200',
    events: [...IND, sct(ASCT1), sct(add(ASCT1, 120), { plannedTandem: true }), sct(add(ASCT1, 200), { plannedTandem: true })], read: n, expected: 2 },
  { id: 'D4-17', clause: 'procedureRepeatDays (later date) + plannedTandemMaxDays: 181 d after the later record', summary: 'ASCT 06-15 & 06-20, tandem 06-15+186',
    events: [...IND, sct(ASCT1), sct(add(ASCT1, 5)), sct(add(ASCT1, 186), { plannedTandem: true })], read: n, expected: 2 },
];

describe('lot37d lines of therapy (boundaries on boundaries)', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, AS_OF);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
