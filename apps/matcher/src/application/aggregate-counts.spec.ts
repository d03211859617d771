import { suppressedCounts } from './aggregate-counts';

describe('suppressedCounts', () => {
  it('suppresses small cells and the totals they would let one recover', () => {
    const out = suppressedCounts(
      [
        { cohort: 'A', verdict: 'ELIGIBLE', n: 3 },
        { cohort: 'A', verdict: 'INELIGIBLE', n: 40 },
        { cohort: 'B', verdict: 'ELIGIBLE', n: 12 },
        { cohort: 'B', verdict: 'POTENTIALLY_ELIGIBLE', n: 11 },
      ],
      11,
    );
    expect(out[0]).toEqual({
      cohortId: 'A',
      verdicts: { ELIGIBLE: { count: null, suppressed: true }, ELIGIBLE_FROM: { count: 0, suppressed: false }, POTENTIALLY_ELIGIBLE: { count: 0, suppressed: false }, INELIGIBLE: { count: 40, suppressed: false } },
      total: { count: null, suppressed: true },
    });
    expect(out[1]!.total).toEqual({ count: 23, suppressed: false });
    expect(suppressedCounts([{ cohort: '', verdict: 'ELIGIBLE', n: 1 }], 1)[0]).toMatchObject({ cohortId: null, verdicts: { ELIGIBLE: { count: 1 } } });
  });
});
