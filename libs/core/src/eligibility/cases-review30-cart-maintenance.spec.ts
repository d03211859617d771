/** rev30: after a CAR-T infusion, the planned maintenance's next records (no intent, a dose change) open lines. */
import { carT, med } from '../testing/events';
import { buildProfile } from '../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const asOf = '2025-06-01';
const before: Ev[] = [med('teclistamab', '2024-01-01', '2024-08-05', { reasonStopped: 'toxicity' })];
const starts = (events: Ev[]) => buildProfile(events, asOf).linesOfTherapy.lines.map((l) => l.start);

describe('rev30 CAR-T with planned maintenance', () => {
  it('maintenance recorded cycle by cycle, the next cycle without intent: still the CAR-T line', () => {
    const events = [...before, carT('2024-10-01', 'cilta-cel'), med('lenalidomide', '2024-12-01', '2024-12-21', { intent: 'maintenance' }), med('lenalidomide', '2024-12-29', '2025-01-18')];
    expect(starts(events)).toEqual(['2024-01-01', '2024-10-01']);
  });
  it('maintenance dose reduced (a new record, no intent) right after the previous: no new line (domain §3: dose change)', () => {
    const events = [...before, carT('2024-10-01', 'cilta-cel'), med('lenalidomide', '2024-12-01', '2025-02-01', { intent: 'maintenance' }), med('lenalidomide', '2025-02-02', null)];
    expect(starts(events)).toEqual(['2024-01-01', '2024-10-01']);
  });
});
