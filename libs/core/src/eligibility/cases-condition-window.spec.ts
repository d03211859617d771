/**
 * condition withinDays, hand-derived from docs/criteria-language.md (the `condition` row and the paragraph
 * after the table) and domain.md §7 ("any other active malignancy <3 years before enrolment excluded").
 * Screening day 2025-06-01; window 1,095 days: a day present counts when on or after 2022-06-02.
 */
import { AS_OF, malignancy, neuropathy, profileOf, run, outcome, timeline, verdicts, trialOf, compileTrial, evaluateTrial, screenTrial } from './condition-cases';

const w = { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 };

describe('sequences of records (held)', () => {
  it('active → resolved (dated) → active again → resolved (undated): met, unknown once 2023-01-01 is out, not met once 2024-01-01 is out', () => {
    const p = profileOf([malignancy('2015-01-01', 'active'), malignancy('2016-02-01', 'resolved', { resolvedDate: '2016-01-01' }), malignancy('2023-01-01', 'active'), malignancy('2024-01-01', 'resolved')]);
    expect(run(w, p)).toEqual({ outcome: 'MET', flipsOn: '2026-01-01', flipsTo: 'UNKNOWN' });
    expect(timeline(w, p)).toEqual(['2025-06-01:MET', '2026-01-01:UNKNOWN', '2027-01-01:NOT_MET']);
  });
  it('past (undated) then absent: ended by the past record: unknown until 2024-01-01 is out', () => {
    const p = profileOf([malignancy('2024-01-01', 'history'), malignancy('2024-06-01', 'absent')]);
    expect(run(w, p)).toEqual({ outcome: 'UNKNOWN', flipsOn: '2027-01-01', flipsTo: 'NOT_MET' });
  });
  it('window edges: active on 2022-06-02 (day 1,095) met; active 2022-06-01 then absent 2022-06-02 unknown, not met the next day', () => {
    expect(outcome(w, profileOf([malignancy('2022-06-02', 'active'), malignancy('2022-07-01', 'absent')]))).toBe('MET');
    const p = profileOf([malignancy('2022-06-01', 'active'), malignancy('2022-06-02', 'absent')]);
    expect(run(w, p)).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-06-02', flipsTo: 'NOT_MET' });
  });
  it('a past record with an onset long before: unknown (ended between onset and the record)', () => {
    expect(run(w, profileOf([malignancy('2024-01-01', 'history', { onsetDate: '2010-01-01' })]))).toEqual({ outcome: 'UNKNOWN', flipsOn: '2027-01-01', flipsTo: 'NOT_MET' });
  });
  it('an old profile without records is unknown; the plain leaf still reads it', () => {
    const p = profileOf([malignancy('2023-03-01', 'active'), malignancy('2024-03-01', 'resolved')]);
    delete (p.conditions['other-malignancy'] as { records?: unknown }).records;
    expect(outcome(w, p)).toBe('UNKNOWN');
  });
});

describe('not / any / if around the leaf: dates against day-by-day screening (held)', () => {
  const seq = [malignancy('2023-03-01', 'active'), malignancy('2024-03-01', 'resolved')];
  const exact = [malignancy('2023-01-01', 'active'), malignancy('2023-09-01', 'resolved', { resolvedDate: '2023-01-01' })];
  it.each([
    ['inclusion not(w), end unknown', { not: w }, seq, 'inclusion', ['2025-06-01:ELIGIBLE_FROM(2026-03-01)', '2026-03-01:POTENTIALLY_ELIGIBLE', '2027-03-02:ELIGIBLE']],
    ['inclusion not(w), end exact', { not: w }, exact, 'inclusion', ['2025-06-01:ELIGIBLE_FROM(2026-01-01)', '2026-01-01:ELIGIBLE']],
    ['exclusion any[w, PN ≥3]', { any: [w, { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }] }, [...seq, neuropathy('2025-05-01', 'active', 1)], 'exclusion', ['2025-06-01:ELIGIBLE_FROM(2026-03-01)', '2026-03-01:POTENTIALLY_ELIGIBLE', '2027-03-02:ELIGIBLE']],
    ['exclusion if w then PN≥2 else PN≥3', { if: w, then: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 2 }, else: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 } }, [...seq, neuropathy('2025-05-01', 'active', 2)], 'exclusion', ['2025-06-01:ELIGIBLE_FROM(2026-03-01)', '2026-03-01:POTENTIALLY_ELIGIBLE', '2027-03-02:ELIGIBLE']],
  ] as const)('%s', (_, rule, events, kind, expected) => {
    expect(verdicts(trialOf(rule, kind), profileOf([...events]))).toEqual(expected);
  });
});

describe('DEFECTS', () => {
  it('a resolvedDate before an earlier active record is not its end: ended by the resolving record’s date (2023-06-01), unknown until that is out of the window', () => {
    // Present on 2023-01-01 (active record); the 2023-06-01 record says it had ended by then. Its resolvedDate 2020-01-01
    // cannot be the end of what was active on 2023-01-01 (or belongs to another cancer): ended between 2023-01-01 and 2023-06-01.
    const p = profileOf([malignancy('2023-01-01', 'active'), malignancy('2023-06-01', 'resolved', { resolvedDate: '2020-01-01' })]);
    expect(outcome(w, p)).toBe('MET');
    expect(outcome(w, p, '2026-01-15')).toBe('UNKNOWN'); // actual NOT_MET
    expect(screenTrial(compileTrial(trialOf(w)), p, '2026-01-15').verdict).toBe('POTENTIALLY_ELIGIBLE'); // actual ELIGIBLE
  });

  it('the same clinical facts on one day give one verdict whatever the event ids', () => {
    // 2024-01-01: a record "active" and a record "resolved, resolvedDate 2024-01-01" (no time of day).
    const a = profileOf([malignancy('2024-01-01', 'active', {}, 'zzz'), malignancy('2024-01-01', 'resolved', { resolvedDate: '2024-01-01' }, 'aaa')]);
    const b = profileOf([malignancy('2024-01-01', 'active', {}, 'aaa'), malignancy('2024-01-01', 'resolved', { resolvedDate: '2024-01-01' }, 'zzz')]);
    const trial = compileTrial(trialOf(w));
    // actual: INELIGIBLE (a) vs ELIGIBLE_FROM 2027-01-01 (b)
    expect(evaluateTrial(trial, a, AS_OF).verdict).toBe(evaluateTrial(trial, b, AS_OF).verdict);
  });

  it('readings that differ now but all turn NOT_MET on one day: unknown, with that date', () => {
    // "grade ≥3 neuropathy within 1 year": an ungraded active record 2025-01-01, absent 2025-02-01. Either way not met from 2026-02-02.
    const rule = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, withinDays: 365 };
    const p = profileOf([neuropathy('2025-01-01', 'active', null), neuropathy('2025-02-01', 'absent', null)]);
    expect(timeline(rule, p)).toEqual(['2025-06-01:UNKNOWN', '2026-02-02:NOT_MET']);
    expect(run(rule, p)).toEqual({ outcome: 'UNKNOWN', flipsOn: '2026-02-02', flipsTo: 'NOT_MET' }); // actual: no date
  });
});
