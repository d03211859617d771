import { signatureOf } from './evaluate-profile';

describe('signatureOf', () => {
  it.each([
    [{ verdict: 'ELIGIBLE' as const, eligibleFrom: undefined, failing: [], unknown: [], unknownCount: 0 }],
    [{ verdict: 'ELIGIBLE_FROM' as const, eligibleFrom: '2026-12-01', failing: ['exc-washout'], unknown: ['inc-anc', 'inc-"odd" id'], unknownCount: 2 }],
    [{ verdict: 'INELIGIBLE' as const, eligibleFrom: undefined, failing: ['a', 'b'], unknown: [], unknownCount: 0 }],
  ])('is the JSON of [verdict, eligibleFrom, failing, unknown] that stored results were compared by', (v) => {
    expect(signatureOf(v)).toBe(JSON.stringify([v.verdict, v.eligibleFrom ?? null, v.failing, v.unknown]));
  });
});
