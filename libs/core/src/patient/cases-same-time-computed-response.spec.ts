/**
 * Serum M-protein entered twice for one visit, at one time, with different values: which is right is not known, so a
 * computed response they would give differently keeps the other category in `response.sameTime` (v14; as reported
 * categories of one time do, v13) and a `responseAtLeast` criterion they would decide differently is unknown, whatever
 * the event ids.
 */
import { compileRule } from '../eligibility/compile';
import { lab, med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const atLeast = (category: string, p: ReturnType<typeof buildProfile>) => compileRule({ fact: 'responseAtLeast', category })({ profile: p, asOf: AS_OF, trace: null }).outcome;
/** DRd from 2025-01-01, serum 2.0 at baseline and 1.0 on 02-01; on 03-01 the values given, in that order of event ids. */
const history = (...last: number[]) =>
  [med('DRd', '2025-01-01', null), S('2024-12-15', 2), S('2025-02-01', 1), ...last.map((v) => S('2025-03-01', v))].map((e, i) => ({ ...e, eventId: `ev-${String(i).padStart(3, '0')}` }));

describe('a computed response from values of one time that differ', () => {
  it.each([
    [[1.0, 1.8]],
    [[1.8, 1.0]],
  ])('serum %j on the confirming day: PR or SD, so "PR or better" is unknown and "SD or better" met, whichever id sorts last', (values) => {
    const p = buildProfile(history(...values), AS_OF);
    expect([p.disease.response!.category, ...(p.disease.response!.sameTime ?? [])].sort()).toEqual(['PR', 'SD']);
    expect(atLeast('PR', p)).toBe('UNKNOWN');
    expect(atLeast('SD', p)).toBe('MET');
  });

  it('values that give the same category (1.0 and 0.9: PR either way) leave the response decided', () => {
    const p = buildProfile(history(1.0, 0.9), AS_OF);
    expect(p.disease.response).toMatchObject({ category: 'PR', confirmed: true });
    expect(p.disease.response!.sameTime).toBeUndefined();
    expect(atLeast('PR', p)).toBe('MET');
  });

  it('one value entered twice, or values at two times of the day (the later is the day’s), decide as before', () => {
    expect(buildProfile(history(1.0, 1.0), AS_OF).disease.response!.sameTime).toBeUndefined();
    const timed = buildProfile([...history(), S('2025-03-01T08:00:00Z', 1.8), S('2025-03-01T16:00:00Z', 1.0)], AS_OF);
    expect(timed.disease.response).toMatchObject({ category: 'PR', confirmed: true });
    expect(timed.disease.response!.sameTime).toBeUndefined();
  });

  it('serum immunofixation negative and positive on one day (no time on either): CR or VGPR, so "CR or better" is unknown', () => {
    const ife = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
    const gone = (d: string) => [S(d, 0), lab(d, 'urine m-protein', 0, 'mg/24h'), lab(d, 'urine immunofixation', 0, '', { result: 'negative' }), lab(d, 'marrow plasma cells', 2, '%')];
    const base = [med('DRd', '2025-01-01', null), S('2024-12-15', 2), lab('2024-12-15', 'urine m-protein', 300, 'mg/24h'), ...gone('2025-04-01'), ife('2025-04-01', 'negative')];
    for (const order of [['negative', 'positive'], ['positive', 'negative']] as const) {
      const p = buildProfile([...base, ...gone('2025-05-01'), ...order.map((r) => ife('2025-05-01', r))].map((e, i) => ({ ...e, eventId: `ife-${String(i).padStart(3, '0')}` })), AS_OF);
      expect([p.disease.response!.category, ...(p.disease.response!.sameTime ?? [])].sort()).toEqual(['CR', 'VGPR']);
      expect(atLeast('CR', p)).toBe('UNKNOWN');
      expect(atLeast('VGPR', p)).toBe('MET');
    }
  });
});
