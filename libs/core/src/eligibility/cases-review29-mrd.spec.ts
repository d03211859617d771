/** rev29: MRD results of one day with different sensitivities: the outcome must not depend on event ids. */
import { event, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const asOf = '2025-05-01';
const cr: Ev[] = [med('DRd', '2024-01-01', null), response('2025-01-01', 'CR'), response('2025-02-01', 'CR')];
const mrd = (id: string, date: string, result: string, sensitivity: number, extra: Record<string, unknown> = {}): Ev => event('mrd', date, { result, method: 'NGS', sensitivity, ...extra }, id);
const run = (rule: unknown, events: Ev[]) => compileRule(rule)({ profile: buildProfile(events, asOf), asOf, trace: null }).outcome;

describe('rev29 mrd: same-day results with different sensitivities', () => {
  // A positive at 1e-5 and a negative at 1e-4 of one day do not disagree: disease below 1e-4, above 1e-5. MRD positive.
  it.each([
    ['positive id a, coarse negative id z', 'a', 'z'],
    ['positive id z, coarse negative id a', 'z', 'a'],
  ])('positive at 1e-5 beside a negative at 1e-4 (%s): positive MET, negative NOT_MET', (_n, posId, negId) => {
    const events = [...cr, mrd(posId, '2025-04-01', 'positive', 1e-5), mrd(negId, '2025-04-01', 'negative', 1e-4)];
    expect([run({ fact: 'mrd', result: 'positive' }, events), run({ fact: 'mrd', result: 'negative' }, events)]).toEqual(['MET', 'NOT_MET']);
  });

  it.each([
    ['positive id a, blood negative id z', 'a', 'z'],
    ['positive id z, blood negative id a', 'z', 'a'],
  ])('marrow positive beside a peripheral-blood negative of one day (%s): positive MET', (_n, posId, negId) => {
    const events = [...cr, mrd(posId, '2025-04-01', 'positive', 1e-5), mrd(negId, '2025-04-01', 'negative', 1e-5, { specimen: 'peripheral blood' })];
    expect(run({ fact: 'mrd', result: 'positive' }, events)).toBe('MET');
  });
});
