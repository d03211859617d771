/** rev29: therapy after a CAR-T infusion (lines-of-therapy.ts afterInfusion, progressedSince, reasonForChange). */
import { carT, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const asOf = '2025-03-01';
const before: Ev[] = [med('teclistamab', '2024-01-01', '2024-08-05', { reasonStopped: 'toxicity' })];
const lines = (events: Ev[]) => buildProfile(events, asOf).linesOfTherapy.lines.map((l) => [l.start, l.openedBy]);

describe('rev29 CAR-T: therapy begun after the infusion', () => {
  it('a bridging agent taken up again 19 days after the infusion (no intent) is therapy after the infusion: a line of its own (docs/clinical-core.md)', () => {
    const events = [...before, med('pomalidomide', '2024-09-01', '2024-09-20', { intent: 'bridging' }), med('dexamethasone', '2024-09-01', '2024-09-20', { intent: 'bridging' }), carT('2024-10-01', 'cilta-cel'), med('pomalidomide', '2024-10-20', null)];
    expect(lines(events).map((l) => l[0])).toEqual(['2024-01-01', '2024-09-01', '2024-10-20']);
  });

  it('the same without bridging (control): a new agent 19 days after the infusion is a line', () => {
    expect(lines([...before, carT('2024-10-01', 'cilta-cel'), med('pomalidomide', '2024-10-20', null)])).toHaveLength(3);
  });

  it('planned lenalidomide maintenance after the infusion stays in the CAR-T line', () => {
    expect(lines([...before, carT('2024-10-01', 'cilta-cel'), med('lenalidomide', '2024-12-01', null, { intent: 'maintenance' })])).toHaveLength(2);
  });

  it('lymphodepletion recorded on the infusion day is part of the CAR-T line', () => {
    expect(lines([...before, med('fludarabine', '2024-10-01', '2024-10-01'), med('cyclophosphamide', '2024-10-01', '2024-10-01'), carT('2024-10-01', 'cilta-cel')])).toEqual([
      ['2024-01-01', 'first-treatment'],
      ['2024-10-01', 'car-t'],
    ]);
  });

  it('a second CAR-T: its own line; a progression 5 days after it is the second CAR-T line’s', () => {
    const events = [...before, carT('2024-10-01', 'cilta-cel'), response('2024-11-01', 'PD'), carT('2024-12-01', 'ide-cel'), response('2024-12-06', 'PD'), med('talquetamab', '2025-01-10', null)];
    const p = buildProfile(events, asOf);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.reasonForChange])).toEqual([
      ['2024-01-01', 'toxicity'],
      ['2024-10-01', 'progression'],
      ['2024-12-01', 'progression'],
      ['2025-01-10', null],
    ]);
  });
});
