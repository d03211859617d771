/** rev35 — late steroid lead-in regressions (docs/clinical-core.md v17; domain.md §3). Scratch review file. */
import { med, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const lines = (evs: Ev[]) => buildProfile(evs, AS_OF).linesOfTherapy.lines.map((l) => `${l.number}@${l.start}:${l.generics.join('+')}`).join(' | ');

describe('rev35 late steroid', () => {
  it('S01 VRd induction, ASCT, a dex course >60 d after the last dose, then lenalidomide maintenance → one line (VRd-ASCT-R)', () => {
    const evs = [med('VRd', '2023-01-01', '2023-04-30'), sct('2023-06-15'), med('dexamethasone', '2023-07-15', '2023-07-18'), med('lenalidomide', '2023-09-01', null, { intent: 'maintenance' })];
    expect(lines(evs)).toMatch(/^1@2023-01-01:[^|]*lenalidomide[^|]*$/);
  });
  it('S02 Rd completed, dex alone 3 months later, nothing after → still one line', () => {
    const evs = [med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), med('dexamethasone', '2023-10-01', '2023-10-04')];
    expect(buildProfile(evs, AS_OF).linesOfTherapy.lines.length).toBe(1);
  });
});
