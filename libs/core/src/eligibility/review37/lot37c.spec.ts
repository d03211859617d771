/**
 * lot37c — third batch: probes around maintenance substitution, stops without end, window boundaries.
 * Expectations from domain.md §3 / docs/clinical-core.md. Scratch review file; not committed.
 */
import { event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

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
const B = '2024-01-01';
const IND = [med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction' })];
const ASCT1 = '2024-06-15';
const MAINT_R = (end: string | null, extra: Record<string, unknown> = {}) => med('lenalidomide', '2024-10-15', end, { intent: 'maintenance', ...extra });

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  { id: 'C3-01', clause: 'doc v12 maintenance substitution; same as P05 but pom starts the day after R stops', summary: 'R maint stop tox 2025-03-01, pom maint 2025-03-02',
    events: [...IND, asct(ASCT1), MAINT_R('2025-03-01', { reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-02', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'C3-02', clause: 'doc v12 + v16: maintenance stopped (reasonStopped) with no end is not ongoing; pom in its place = substitution', summary: 'R maint from 10-15 stopped tox (no end), pom maint 2025-03-15',
    events: [...IND, asct(ASCT1), MAINT_R(null, { reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-15', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'C3-03', clause: '§3 rule 2 / doc v17 same-day switch, maintenance, class added', summary: 'R maint stop tox 2025-03-01, dara maint 2025-03-01',
    events: [...IND, asct(ASCT1), MAINT_R('2025-03-01', { reasonStopped: 'toxicity' }), med('daratumumab', '2025-03-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'C3-04', clause: '§3 rule 2: same-day switch, no intents (post-ASCT R as assumed maintenance), pom >180 d after ASCT', summary: 'R (no intent) ASCT+60 → 2025-03-01 tox, pom 2025-03-01 (no intent)',
    events: [...IND, asct(ASCT1), med('lenalidomide', add(ASCT1, 60), '2025-03-01', { reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-01', null)], read: n, expected: 2 },
  { id: 'C3-05', clause: '§3 rule 2 main path: drug stopped (no end, reasonStopped) then another drug while the rest continue', summary: 'V, d ongoing; R 01-01 stopped tox no end; pom 04-15',
    events: [med('bortezomib', B, null), med('dexamethasone', B, null), med('lenalidomide', B, null, { reasonStopped: 'toxicity' }), med('pomalidomide', '2024-04-15', null)], read: n, expected: 2 },
  { id: 'C3-06', clause: 'doc: the class added at maintenance within 28 d of maintenance start (maintenance under way)', summary: 'R maint 10-15, dara maint 11-01',
    events: [...IND, asct(ASCT1), MAINT_R(null), med('daratumumab', '2024-11-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  // bridging window boundaries
  { id: 'C3-07', clause: 'bridgingWindowDays 90: apheresis → infusion 90 d, no-intent therapy between = bridging', summary: 'apheresis 2025-01-01, Kd 01-05 (no intent), infusion +90',
    events: [med('DRd', B, '2024-12-20', { reasonStopped: 'progression' }), apheresis('2025-01-01'), med('Kd', '2025-01-05', '2025-03-20'), carT(add('2025-01-01', 90))], read: n, expected: 2 },
  { id: 'C3-08', clause: 'bridgingWindowDays 90: apheresis → infusion 91 d → no-intent therapy is not bridging', summary: 'apheresis 2025-01-01, Kd 01-05, infusion +91',
    events: [med('DRd', B, '2024-12-20', { reasonStopped: 'progression' }), apheresis('2025-01-01'), med('Kd', '2025-01-05', '2025-03-20'), carT(add('2025-01-01', 91))], read: n, expected: 3 },
  { id: 'C3-09', clause: 'bridgingWindowDays 90 from last dose of a course recorded as bridging (90 d)', summary: 'bridging Kd 2024-10-01→2024-11-27, infusion 2025-02-25',
    events: [med('DRd', B, '2024-09-15', { reasonStopped: 'progression' }), med('Kd', '2024-10-01', '2024-11-27', { intent: 'bridging' }), carT('2025-02-25')], read: n, expected: 2 },
  { id: 'C3-10', clause: 'bridgingWindowDays 90 from last dose (91 d) → its own line', summary: 'bridging Kd 2024-10-01→2024-11-26, infusion 2025-02-25',
    events: [med('DRd', B, '2024-09-15', { reasonStopped: 'progression' }), med('Kd', '2024-10-01', '2024-11-26', { intent: 'bridging' }), carT('2025-02-25')], read: n, expected: 3 },
  { id: 'C3-11', clause: 'plannedTandemMaxDays 180 for allo marked planned: 181 d → new line', summary: 'ASCT, allo plannedTandem +181',
    events: [...IND, asct(ASCT1), alloSct(add(ASCT1, 181), true)], read: n, expected: 2 },
  // minLineDays with progression
  { id: 'C3-12', clause: 'minLineDays: PD between the short regimen\'s start and the next → no merge', summary: 'VRd 01-01→01-13, PD 01-12, KRd 01-15',
    events: [med('VRd', B, '2024-01-13'), PD('2024-01-12'), med('KRd', '2024-01-15', null)], read: n, expected: 2 },
  { id: 'C3-13', clause: 'minLineDays: PD in next regimen\'s first 14 d → no merge', summary: 'VRd 01-01→01-13, KRd 01-15, PD 01-25',
    events: [med('VRd', B, '2024-01-13'), med('KRd', '2024-01-15', null), PD('2024-01-25')], read: n, expected: 2 },
  { id: 'C3-14', clause: 'minLineDays: PD after next regimen\'s first 14 d → merge', summary: 'VRd 01-01→01-13, KRd 01-15, PD 02-01',
    events: [med('VRd', B, '2024-01-13'), med('KRd', '2024-01-15', null), PD('2024-02-01')], read: n, expected: 1 },
  { id: 'C3-15', clause: 'minLineDays: a single dose of a q3–4w drug is under a cycle', summary: 'dara single dose 01-01, KPd 01-20',
    events: [med('daratumumab', B, B), med('KPd', '2024-01-20', null)], read: n, expected: 1 },
  // reason for change: steroid stop reason ignored even when steroid stops last
  { id: 'C3-16', clause: 'doc: stop reasons of steroid courses alone are not read', summary: 'R stop completed 05-31, dex stop toxicity 06-30, KPd 09-01',
    events: [med('lenalidomide', B, '2024-05-31', { reasonStopped: 'completed' }), med('dexamethasone', B, '2024-06-30', { reasonStopped: 'toxicity' }), med('KPd', '2024-09-01', null)], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'completed' },
  { id: 'C3-17', clause: 'doc: reason for change of maintenance-substitution line 1 (R maint stop tox)', summary: 'P05 pattern; line 1 reason',
    events: [...IND, asct(ASCT1), MAINT_R('2025-03-01', { reasonStopped: 'toxicity' }), med('pomalidomide', '2025-03-15', null, { intent: 'maintenance' })], read: (p: P) => L(p, 0)?.reasonForChange, expected: 'toxicity' },
  // re-treatment with the same regimen recorded as maintenance after long gap with no ASCT
  { id: 'C3-18', clause: 'treatmentHoldMaxDays: restart 61 d later, recorded maintenance (no transplant) → re-treatment?', summary: 'Rd to 06-30, R maintenance 08-30',
    events: [med('Rd', B, '2024-06-30'), med('lenalidomide', '2024-08-30', null, { intent: 'maintenance' })], read: n, expected: 1 },
  // per-dose bortezomib twice weekly with 60/61 day hold boundary
  { id: 'C3-19', clause: 'treatmentHoldMaxDays 60 with per-dose records: gap exactly 60 → hold', summary: 'V doses 01-01..01-29 weekly, next 03-29 (60 d)',
    events: [...[0, 7, 14, 21, 28].map((k) => med('bortezomib', add(B, k), add(B, k))), med('bortezomib', add(add(B, 28), 60), add(add(B, 28), 60))], read: n, expected: 1 },
  { id: 'C3-20', clause: 'treatmentHoldMaxDays 60 per-dose: gap 61 → re-treatment', summary: 'V doses weekly to 01-29, next +61',
    events: [...[0, 7, 14, 21, 28].map((k) => med('bortezomib', add(B, k), add(B, k))), med('bortezomib', add(add(B, 28), 61), add(add(B, 28), 61))], read: n, expected: 2 },
  { id: 'C3-21', clause: 'doc v12: maintenance under way stopped, another agent as maintenance = substitution (per-dose maintenance records)', summary: 'dara maint per dose q4w 2024-09-01..2024-12-29, isatuximab maint 2025-05-01',
    events: [...IND, asct(ASCT1), ...[0, 28, 56, 84, 119].map((k) => med('daratumumab', add('2024-09-01', k), add('2024-09-01', k), { intent: 'maintenance' })), med('isatuximab', '2025-05-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
  { id: 'C3-22', clause: 'doc v12 control: same with a single dara maintenance course record', summary: 'dara maint 2024-09-01→2024-12-29 one record, isatuximab maint 2025-05-01',
    events: [...IND, asct(ASCT1), med('daratumumab', '2024-09-01', '2024-12-29', { intent: 'maintenance' }), med('isatuximab', '2025-05-01', null, { intent: 'maintenance' })], read: n, expected: 2 },
];

describe('lot37c lines of therapy (probes)', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, AS_OF);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
