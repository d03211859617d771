/**
 * Hand-derived cases (domain.md §3, Rajkumar 2015 rule 2: an unplanned substitution of a drug, for any reason, starts a
 * new line; planned induction → ASCT → maintenance is one line): maintenance that takes up another agent once the
 * maintenance under way has stopped is a substitution.
 */
import { med, response, sct } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const INDUCTION_ASCT = [med('VRd', '2019-01-01', '2019-04-30', { intent: 'induction' }), sct('2019-06-03'), response('2019-10-01', 'CR'), response('2019-12-01', 'CR')];
const lines = (events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).linesOfTherapy.lines.map((l) => [l.start, l.openedBy]);

describe('maintenance switched to another agent', () => {
  it('lenalidomide maintenance stopped for toxicity, pomalidomide maintenance nine days later: a second line', () => {
    expect(
      lines([...INDUCTION_ASCT, med('lenalidomide', '2019-08-01', '2020-08-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2020-08-10', null, { intent: 'maintenance' })]),
    ).toEqual([
      ['2019-01-01', 'first-treatment'],
      ['2020-08-10', 'unplanned-addition-or-switch'],
    ]);
  });

  it('lenalidomide maintenance held and taken up again: one line', () => {
    expect(
      lines([...INDUCTION_ASCT, med('lenalidomide', '2019-08-01', '2020-08-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('lenalidomide', '2020-08-20', null, { intent: 'maintenance', dose: '5 mg' })]),
    ).toEqual([['2019-01-01', 'first-treatment']]);
  });

  it('bortezomib induction, ASCT, then lenalidomide maintenance (the planned sequence, a new agent): one line', () => {
    expect(lines([med('Vd', '2019-01-01', '2019-04-30', { intent: 'induction' }), sct('2019-06-03'), med('lenalidomide', '2019-08-01', null, { intent: 'maintenance' })])).toEqual([['2019-01-01', 'first-treatment']]);
  });

  // VRd, ASCT, then lenalidomide maintenance sent cycle by cycle (21 of 28 days: a week off between records).
  const INDUCTION_2023 = [med('VRd', '2023-01-01', '2023-04-30', { intent: 'induction' }), sct('2023-06-01')];
  const lenCycle = (start: string, end: string | null, extra: Record<string, unknown> = {}) => med('lenalidomide', start, end, { intent: 'maintenance', ...extra });
  const maintenance = (drug: string, start: string) => med(drug, start, null, { intent: 'maintenance' });

  it('lenalidomide maintenance sent cycle by cycle, bortezomib maintenance starting in a week off: one line', () => {
    expect(lines([...INDUCTION_2023, lenCycle('2023-09-01', '2023-09-21'), maintenance('bortezomib', '2023-09-25'), lenCycle('2023-09-29', '2023-10-19'), lenCycle('2023-10-27', null)])).toEqual([['2023-01-01', 'first-treatment']]);
  });

  it('lenalidomide maintenance sent cycle by cycle, stopped for toxicity, pomalidomide maintenance two weeks later: a second line', () => {
    const cycles = [lenCycle('2023-09-01', '2023-09-21'), lenCycle('2023-09-29', '2023-10-19'), lenCycle('2023-10-27', '2023-11-16', { reasonStopped: 'toxicity' })];
    expect(lines([...INDUCTION_2023, ...cycles, maintenance('pomalidomide', '2023-12-01')])).toEqual([
      ['2023-01-01', 'first-treatment'],
      ['2023-12-01', 'unplanned-addition-or-switch'],
    ]);
  });

  it('lenalidomide maintenance sent cycle by cycle, daratumumab (a new class) added in a week off: a second line (rule 2)', () => {
    expect(lines([...INDUCTION_2023, lenCycle('2023-09-01', '2023-09-21'), maintenance('daratumumab', '2023-09-25'), lenCycle('2023-09-29', '2023-10-19')])).toEqual([
      ['2023-01-01', 'first-treatment'],
      ['2023-09-25', 'unplanned-addition-or-switch'],
    ]);
  });
});
