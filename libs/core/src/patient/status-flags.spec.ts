/**
 * IMWG 2011 disease status (domain.md §1): primary refractory (nonresponsive, never MR or better), relapsed-and-refractory
 * (nonresponsive on salvage or PD within 60 days of last therapy, having achieved ≥MR at some point), relapsed (progresses
 * and needs salvage therapy but is neither: progressed off therapy, >60 days after the last dose).
 */
import { compileRule } from '../eligibility/compile';
import { response, med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const flagsOf = (...events: Parameters<typeof buildProfile>[0]) => {
  const f = buildProfile(events, AS_OF).flags;
  return { primaryRefractory: f.primaryRefractory, relapsedAndRefractory: f.relapsedAndRefractory, relapsed: f.relapsed };
};

describe('relapsed, relapsed-and-refractory, primary refractory', () => {
  it('VGPR to VRd, stopped; PD eight months after the last dose: relapsed', () => {
    expect(flagsOf(med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), response('2024-03-01', 'PD'))).toEqual({ primaryRefractory: false, relapsedAndRefractory: false, relapsed: true });
  });

  it('PR to VRd, then PD while still on it: relapsed and refractory, not "relapsed"', () => {
    expect(flagsOf(med('VRd', '2023-01-10', null), response('2023-04-01', 'PR'), response('2024-03-01', 'PD'))).toEqual({ primaryRefractory: false, relapsedAndRefractory: true, relapsed: false });
  });

  it('never MR or better, PD on therapy: primary refractory only', () => {
    expect(flagsOf(med('VRd', '2023-01-10', null), response('2023-04-01', 'SD'), response('2023-07-01', 'PD'))).toEqual({ primaryRefractory: true, relapsedAndRefractory: false, relapsed: false });
  });

  it('progressed on therapy after a PR, then responds to salvage: relapsed and refractory (its latest progression), not "relapsed"; never MR, stopped for toxicity, PD off therapy: not relapsed', () => {
    // The disease is classed by its latest progression, as "relapsed" stays true for a relapse off therapy that salvage answers.
    const onTherapy = flagsOf(med('VRd', '2023-01-10', '2023-10-01', { reasonStopped: 'progression' }), response('2023-04-01', 'PR'), response('2023-10-01', 'PD'), med('DPd', '2023-10-10', null), response('2024-01-10', 'VGPR'), response('2024-02-10', 'VGPR'));
    expect(onTherapy).toEqual({ primaryRefractory: false, relapsedAndRefractory: true, relapsed: false });
    const neverResponded = flagsOf(med('VRd', '2023-01-10', '2023-07-01', { reasonStopped: 'toxicity' }), response('2023-04-01', 'SD'), response('2023-10-29', 'PD'));
    expect(neverResponded.relapsed).toBe(false);
  });

  it('no progression since treatment began: none of the three', () => {
    expect(flagsOf(med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'))).toEqual({ primaryRefractory: false, relapsedAndRefractory: false, relapsed: false });
  });

  it('the flag rule reads it, and a profile derived before the flag existed leaves it unknown', () => {
    const rule = compileRule({ fact: 'flag', name: 'relapsed' });
    const p = buildProfile([med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), response('2024-03-01', 'PD')], AS_OF);
    expect(rule({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
    const older = { ...p, flags: { ...p.flags, relapsed: undefined as unknown as boolean } };
    expect(rule({ profile: older, asOf: AS_OF, trace: null }).outcome).toBe('UNKNOWN');
  });
});

describe('a progression documented in the first days of the salvage it prompted', () => {
  const AS = '2025-06-01';
  const exposures = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS).drugs;

  it('relapse long after VRd, KPd started, the PD documented 5 days later: KPd not refractory; relapsed', () => {
    const events = [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD')];
    const d = exposures(...events);
    expect(d.carfilzomib?.refractory).toBe(false);
    expect(d.pomalidomide?.refractory).toBe(false);
    expect(d.bortezomib?.refractory).toBe(false);
    expect(flagsOf(...events)).toEqual({ primaryRefractory: false, relapsedAndRefractory: false, relapsed: true });
  });

  it('PD documented 5 days after KPd started, VRd stopped 3 weeks before it: VRd refractory (within 60 days of its last dose), KPd not', () => {
    const d = exposures(med('VRd', '2023-01-10', '2024-02-04', { reasonStopped: 'progression' }), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD'));
    expect(d.bortezomib?.refractory).toBe(true);
    // VRd stopped for progression on 2024-02-04: the progression is on therapy that day (the one documented on 03-01,
    // 26 days after the stop, is not on the course and does not replace it).
    expect(d.bortezomib?.evidence.map((e) => [e.line, e.kind, e.date])).toEqual([[1, 'progression-on-therapy', '2024-02-04']]);
    // Without the stop's reason: progression within 60 days of the last dose.
    const plain = exposures(med('VRd', '2023-01-10', '2024-02-04'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD'));
    expect(plain.bortezomib?.evidence.map((e) => [e.line, e.kind, e.date])).toEqual([[1, 'progression-within-window', '2024-03-01']]);
    expect(d.carfilzomib?.refractory).toBe(false);
  });

  it('a progression past earlyProgressionDays of the salvage start is progression on it', () => {
    const d = exposures(med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-11', 'PD'));
    expect(d.carfilzomib?.refractory).toBe(true);
    expect(d.carfilzomib?.evidence[0]?.kind).toBe('progression-on-therapy');
  });
});
