/**
 * rev31: labs.<name> keeps values of one time that differ in `sameTime` ("an untimed day twice", clinical-core.md
 * Labs, v12: "whatever the event ids"). latestLabs (labs.ts) treats `at === undefined` as "not the same time", and
 * qualitative lab records (clinical-events.ts, immunofixation, marrow clonality) are stored without `at`: a positive
 * and a negative serum immunofixation of one untimed day give the one whose event id sorts last, no `sameTime`.
 */
import { event } from '../testing/events';
import { buildProfile } from './profile';
import { compileRule } from '../eligibility/compile';

const ife = (id: string, result: 'positive' | 'negative') => event('lab', '2025-05-20', { name: 'serum immunofixation', result }, id);

describe('rev31 labs: qualitative results of one untimed day that disagree', () => {
  it('serum IFE negative (id a) and positive (id b) on 2025-05-20: the latest keeps the other in sameTime, whatever the ids', () => {
    const p = buildProfile([ife('a', 'negative'), ife('b', 'positive')], '2025-06-01');
    expect(p.labs.serumImmunofixation).toMatchObject({ value: 1, sameTime: [0] });
    const q = buildProfile([ife('a', 'positive'), ife('b', 'negative')], '2025-06-01');
    expect(q.labs.serumImmunofixation).toMatchObject({ value: 0, sameTime: [1] });
  });

  it('a lab rule "serum immunofixation negative" (== 0) is UNKNOWN for both id orders, not decided by the ids', () => {
    const rule = compileRule({ fact: 'lab', name: 'serumImmunofixation', op: '==', value: 0, unit: '{result}' });
    const outcome = (evs: Parameters<typeof buildProfile>[0]) => rule({ profile: buildProfile(evs, '2025-06-01'), asOf: '2025-06-01', trace: null }).outcome;
    expect([outcome([ife('a', 'negative'), ife('b', 'positive')]), outcome([ife('a', 'positive'), ife('b', 'negative')])]).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
