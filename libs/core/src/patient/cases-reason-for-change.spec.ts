/**
 * Each line's reason-for-change (domain.md §3 step 6: "store reason-for-change (PD/toxicity/completion) because trials
 * often filter on 'progressed on last line'"): a progression on the line, else the recorded stop reason.
 */
import { lab, med, response } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const lines = (events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).linesOfTherapy.lines;

describe('reason for change of each line', () => {
  it.each([
    ['toxicity', 'toxicity'],
    ['progression', 'progression'],
    ['completed', 'completed'],
    ['patient-choice', 'patient-choice'],
  ])('VRd stopped for %s, Kd three weeks later: line 1 %s; Kd, going on, none yet', (stop, expected) => {
    const l = lines([med('VRd', '2024-01-01', '2024-05-01', { reasonStopped: stop }), med('Kd', '2024-05-20', null)]);
    expect(l).toHaveLength(2);
    expect(l[0]).toMatchObject({ reasonForChange: expected });
    expect(l[1]).toMatchObject({ reasonForChange: null, reasonForChangeBasis: 'ongoing' });
  });

  it('no stop reason, a progression reported while on it: progression, dated', () => {
    const l = lines([med('DRd', '2023-01-01', '2024-03-10'), response('2024-03-01', 'PD'), med('Kd', '2024-03-20', '2024-12-31', { reasonStopped: 'completed' })]);
    expect(l[0]).toMatchObject({ reasonForChange: 'progression', reasonForChangeBasis: 'progression 2024-03-01 before line 2' });
    expect(l[1]).toMatchObject({ reasonForChange: 'completed' });
  });

  it('stopped for toxicity, then a progression off therapy before the next line: progression prompted the change', () => {
    const l = lines([med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'toxicity' }), response('2024-01-10', 'PD'), med('Kd', '2024-01-20', null)]);
    expect(l[0]).toMatchObject({ reasonForChange: 'progression' });
  });

  it('a rise of the M-protein on the line (computed progression) with no stop reason: progression', () => {
    const l = lines([
      lab('2023-01-01', 'serumMProtein', 3, 'g/dL'),
      med('Rd', '2023-01-02', '2023-12-31'),
      lab('2023-04-01', 'serumMProtein', 1, 'g/dL'),
      lab('2023-05-01', 'serumMProtein', 1, 'g/dL'),
      lab('2023-11-01', 'serumMProtein', 1.6, 'g/dL'),
      lab('2023-12-01', 'serumMProtein', 1.8, 'g/dL'),
      med('Pd', '2024-01-05', null),
    ]);
    expect(l[0]).toMatchObject({ reasonForChange: 'progression' });
  });

  it('a progression in the first days of the next line prompted it: the reason of the line before, not of that line', () => {
    const l = lines([med('VRd', '2023-01-01', '2023-12-31'), med('Kd', '2024-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), response('2024-01-10', 'PD'), med('Pd', '2024-07-15', null)]);
    expect(l[0]).toMatchObject({ reasonForChange: 'progression' });
    expect(l[1]).toMatchObject({ reasonForChange: 'toxicity' });
  });

  it('nothing on record: null, saying so', () => {
    const l = lines([med('VRd', '2023-01-01', '2023-06-30'), med('Kd', '2024-01-20', null)]);
    expect(l[0]).toMatchObject({ reasonForChange: null, reasonForChangeBasis: 'not recorded (line 2 began 2024-01-20)' });
  });

  it('the last line, over and completed, progression much later with no new line: completed', () => {
    const l = lines([med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), response('2024-06-01', 'PD')]);
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ reasonForChange: 'completed' });
  });

  it('drugs of one last day stopped for different reasons: the one that says most about the disease', () => {
    const l = lines([med('lenalidomide', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), med('bortezomib', '2023-01-01', '2023-06-30', { reasonStopped: 'toxicity' }), med('Kd', '2024-01-20', null)]);
    expect(l[0]).toMatchObject({ reasonForChange: 'toxicity' });
  });
});
