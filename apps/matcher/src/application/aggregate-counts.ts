/** Verdicts in the order sponsors read them. */
export const COUNT_VERDICTS = ['ELIGIBLE', 'ELIGIBLE_FROM', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE'] as const;

export interface Cell {
  count: number | null;
  suppressed: boolean;
}

export interface CohortCounts {
  cohortId: string | null;
  verdicts: Record<string, Cell>;
  total: Cell;
}

/**
 * Counts per cohort and verdict for people who may not see patient-level data: a count from 1 to
 * threshold − 1 is suppressed, and so is a cohort's total when any of its cells is (else the
 * suppressed cell could be recovered by subtraction).
 */
export function suppressedCounts(rows: ReadonlyArray<{ cohort: string; verdict: string; n: number }>, threshold: number): CohortCounts[] {
  const cell = (n: number): Cell => (n > 0 && n < threshold ? { count: null, suppressed: true } : { count: n, suppressed: false });
  return [...new Set(rows.map((r) => r.cohort))].sort().map((cohort) => {
    const mine = rows.filter((r) => r.cohort === cohort);
    const verdicts = Object.fromEntries(COUNT_VERDICTS.map((v) => [v, cell(mine.filter((r) => r.verdict === v).reduce((a, r) => a + r.n, 0))]));
    const total = mine.reduce((a, r) => a + r.n, 0);
    return { cohortId: cohort === '' ? null : cohort, verdicts, total: Object.values(verdicts).some((c) => c.suppressed) ? { count: null, suppressed: true } : cell(total) };
  });
}
