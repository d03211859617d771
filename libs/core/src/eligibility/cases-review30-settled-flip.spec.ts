/** rev30: `settled` ignores a decided combination's change dates: data that decide the criterion from the flip day are dropped from `missing`. */
import { med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule, type LeafTrace } from './compile';

const asOf = '2025-06-01';
describe('rev30 settling with a washout flip', () => {
  it('any(all(28 days since anti-CD38 [not met, met from 2025-06-17], ECOG ≤ 1 [no ECOG]), CrCl ≥ 40 [no labs]): ECOG is not settled', () => {
    const p = buildProfile([med('DPd', '2025-01-01', '2025-05-20'), response('2025-05-10', 'PD')], asOf);
    const t: LeafTrace[] = [];
    const r = compileRule({ any: [{ all: [{ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 28 }, { fact: 'ecog', max: 1 }] }, { fact: 'creatinineClearance', op: '>=', value: 40 }] })({ profile: p, asOf, trace: t });
    // Today: the `all` is NOT_MET, the `any` UNKNOWN (CrCl unknown). From 2025-06-17 the `all` is UNKNOWN: ECOG ≤ 1 decides it.
    expect(r.outcome).toBe('UNKNOWN');
    expect(t.find((x) => x.expected.startsWith('ECOG ≤ 1'))).toMatchObject({ outcome: 'UNKNOWN' });
    expect(t.find((x) => x.expected.startsWith('ECOG ≤ 1'))!.settled).toBeUndefined();
  });
});
