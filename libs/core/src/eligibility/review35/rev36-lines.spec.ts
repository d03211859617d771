/** rev36b — lines / status. Kept as a regression suite. */
import { med, response, carT } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const prof = (evs: Ev[], asOf: string) => buildProfile(evs, asOf);

describe('rev36 lines', () => {
  it('L01 bridging recorded with its last dose on the day after the infusion still belongs to the CAR-T line', () => {
    const p = prof([
      med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'),
      med('Pd', '2020-06-01', '2021-03-20', { reasonStopped: 'progression' }), response('2021-03-15', 'PD'),
      med('Kd', '2021-04-10', '2021-06-02', { intent: 'bridging' }), carT('2021-06-01', 'cilta-cel'),
    ], '2022-01-01');
    expect(p.linesOfTherapy.count).toBe(3);
  });
});

describe('rev36 lines: stop without end', () => {
  it('L04 same regimen after a stop for progression without its end is a new line (re-treatment)', () => {
    const p = prof([med('Rd', '2020-01-01', null, { reasonStopped: 'progression' }), med('Rd', '2020-03-01', '2021-01-01')], '2021-06-01');
    expect(p.linesOfTherapy.count).toBe(2);
  });
});
