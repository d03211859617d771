/**
 * Hand-derived cases (domain.md §2): double-, triple-class and penta-refractory flags, false now, are unknown only while
 * every class (drug) they need is refractory or may still become so; a class known not refractory settles them.
 */
import { med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const flag = (events: Ev[], name: string): string => compileRule({ fact: 'flag', name })({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;

// VRd: PR, then PD on it (refractory to bortezomib and lenalidomide).
const VRD_REFRACTORY: Ev[] = [med('VRd', '2022-01-01', '2022-08-01', { reasonStopped: 'progression' }), response('2022-03-01', 'PR'), response('2022-07-25', 'PD')];
// DKd completed with VGPR, PD five months later (daratumumab and carfilzomib not refractory).
const DKD_RESPONDED: Ev[] = [med('DKd', '2023-02-01', '2023-10-01', { reasonStopped: 'completed' }), response('2023-04-01', 'PR'), response('2023-05-01', 'VGPR'), response('2024-03-01', 'PD')];
// DKd stopped for progression on it (refractory to daratumumab and carfilzomib).
const DKD_REFRACTORY: Ev[] = [med('DKd', '2023-02-01', '2023-10-01', { reasonStopped: 'progression' }), response('2023-04-01', 'PR'), response('2023-09-25', 'PD')];
const PD_NEW = med('Pd', '2025-05-25', null);

describe('composite refractoriness with the last line not yet assessed', () => {
  it('anti-CD38 known not refractory, a new Pd line unassessed: triple-class refractory is not met (Pd cannot change it)', () => {
    expect(flag([...VRD_REFRACTORY, ...DKD_RESPONDED, PD_NEW], 'tripleClassRefractory')).toBe('NOT_MET');
  });

  it('a new line with daratumumab unassessed beside an IMiD and a PI refractory: unknown (it may yet be)', () => {
    expect(flag([...VRD_REFRACTORY, ...DKD_RESPONDED, med('daratumumab + pomalidomide + dexamethasone', '2025-05-10', null)], 'tripleClassRefractory')).toBe('UNKNOWN');
  });

  it('every class refractory already: met, whatever the new line', () => {
    expect(flag([...VRD_REFRACTORY, ...DKD_REFRACTORY, PD_NEW], 'tripleClassRefractory')).toBe('MET');
  });

  it('double refractory: a PI and an IMiD refractory already, so met; penta: carfilzomib known not refractory, so not met', () => {
    expect(flag([...VRD_REFRACTORY, ...DKD_RESPONDED, PD_NEW], 'doubleRefractory')).toBe('MET');
    expect(flag([...VRD_REFRACTORY, ...DKD_RESPONDED, PD_NEW], 'pentaRefractory')).toBe('NOT_MET');
  });

  it('no response or progression on record at all: each may be, so unknown', () => {
    expect(flag([med('VRd', '2022-01-01', '2022-08-01'), med('DKd', '2023-02-01', '2023-10-01')], 'tripleClassRefractory')).toBe('UNKNOWN');
  });

  it('never exposed to an anti-CD38: not met whatever the responses', () => {
    expect(flag([med('VRd', '2022-01-01', '2022-08-01'), med('Kd', '2023-02-01', '2023-10-01')], 'tripleClassRefractory')).toBe('NOT_MET');
  });
});
