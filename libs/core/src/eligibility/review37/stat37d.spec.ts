/**
 * stat37d — progression by other paths (stop for progression with end, new lesions), unconfirmed responses and
 * mrEverKnown, timed line starts. Hand-derived from domain.md §1, §4 and docs/clinical-core.md.
 */
import { diagnosis, event, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const S = (d: string, v: number) => event('lab', d, { name: 'serum m-protein', value: v, unit: 'g/dL' });
const flag = (name: string) => ({ fact: 'flag', name });

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// Z01-Z04: stopped for progression WITH an end, PD reported 70 days later: the episode began at the stop
const stopEnd = (extra: Ev[] = []) => prof([DX, med('Rd', '2024-01-01', '2024-06-30', { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), ...extra, response('2024-09-08', 'PD')], '2024-10-01');
add('Z01', 'stop for progression (end 06-30) then PD reported 70 d later: len refractory', () => stopEnd().drugs.lenalidomide?.refractory, true);
add('Z02', '… episode began at the stop: R&R', () => stopEnd().flags.relapsedAndRefractory, true);
add('Z03', '… not relapsed', () => stopEnd().flags.relapsed, false);
add('Z04', '… progressionAfterLastLine 60 met', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, stopEnd()), 'MET');
// Z05/Z06: new lesions on imaging are IMWG PD (§4) and so make the drug refractory (§1)
const lesion = () => prof([DX, med('Rd', '2024-01-01', null), response('2024-03-01', 'PR'), response('2024-05-01', 'PR'), event('imaging', '2024-06-01', { modality: 'PET-CT', newLesions: true })], '2024-07-01');
add('Z05', '§4 PD: new lesion on therapy → len refractory', () => lesion().drugs.lenalidomide?.refractory, true);
add('Z06', '… R&R', () => lesion().flags.relapsedAndRefractory, true);
// Z07-Z09: mrEverKnown with a single unconfirmed PR value
add('Z07', 'single PR value (unconfirmed) then PD off therapy: primary refractory unknown (MR may have been reached)', () =>
  rule(flag('primaryRefractory'), prof([DX, S('2023-12-20', 2.0), med('VRd', '2024-01-01', '2024-06-30'), S('2024-03-01', 1.0), response('2024-12-01', 'PD')], '2025-01-01')), 'UNKNOWN');
add('Z08', 'baseline lab only, then PD: relapsed unknown', () =>
  rule(flag('relapsed'), prof([DX, S('2023-12-20', 2.0), med('VRd', '2024-01-01', '2024-06-30'), response('2024-12-01', 'PD')], '2025-01-01')), 'UNKNOWN');
add('Z09', 'single SD value on therapy then PD off therapy: primary refractory (never MR, v16)', () =>
  rule(flag('primaryRefractory'), prof([DX, S('2023-12-20', 2.0), med('VRd', '2024-01-01', '2024-06-30'), S('2024-03-01', 1.9), response('2024-12-01', 'PD')], '2025-01-01')), 'MET');
// Z10/Z11: next line start written with a time west of UTC (clinical day 07-15): PD 07-30 is day 15 of it
const timedStart = () => prof([DX, med('Rd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response('2024-05-01', 'PR'),
  med('Kd', '2024-07-15T20:00:00-08:00', null), response('2024-07-30', 'PD')], '2024-09-01');
add('Z10', 'timed start 07-15 (UTC 07-16): PD 07-30 is day 15 → len not refractory', () => timedStart().drugs.lenalidomide?.refractory, false);
add('Z11', '… carfilzomib refractory', () => timedStart().drugs.carfilzomib?.refractory, true);
// Z12: bridging long enough to be judged (SD at 59 days), then CR on the CAR-T
const CILTA = 'ciltacabtagene autoleucel';
add('Z12', '§1 bridging Kd nonresponsive while on it (SD ≥56 d), CR only after CAR-T → carfilzomib refractory', () =>
  prof([DX, med('VRd', '2020-01-01', '2020-06-30'), response('2020-03-01', 'PR'), response('2022-12-15', 'PD'), event('procedure', '2023-01-05', { kind: 'apheresis' }),
    med('Kd', '2023-01-10', '2023-03-15', { intent: 'bridging' }), response('2023-02-20', 'SD'), response('2023-03-10', 'SD'), { ...event('procedure', '2023-04-01', { kind: 'car-t-infusion', product: CILTA }) },
    response('2023-05-20', 'CR'), response('2023-06-20', 'CR')], '2023-07-01').drugs.carfilzomib?.refractory, true);
// Z13: stop for progression with end, then a PR, then PD 70 d after end → new episode, relapsed
add('Z13', 'stop for progression, PR after, PD 70 d after end: relapsed (new episode after a response)', () =>
  stopEnd([response('2024-07-15', 'PR')]).flags.relapsed, true);

describe('stat37d other paths', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}]`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
