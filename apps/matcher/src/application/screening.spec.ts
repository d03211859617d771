import { buildProfile, compileTrial, type ProfileSourceEvent } from '@trialmatch/core';
import { demographics, event, lab, med } from '@trialmatch/core/testing/events';
import type { MatchResultV1, TrialCriteriaV1 } from '@trialmatch/contracts';
import { planResults, resultKey, signatureOf, type StoredResult } from './screening';

const trial = (min: number, extra: TrialCriteriaV1['criteria'] = []) =>
  compileTrial({
    trialId: 'NCT09998801',
    version: 1,
    title: 'age minimum',
    status: 'RECRUITING',
    criteria: [{ id: 'inc-age', kind: 'inclusion', text: `Aged ${min} or older`, rule: { fact: 'age', min } }, ...extra],
  });

function screen(birthDate: string, min: number, extra: TrialCriteriaV1['criteria'] = [], day = '2026-03-01', events: ProfileSourceEvent[] = []) {
  const profile = buildProfile([demographics(birthDate, 'female'), lab('2026-02-20', 'hemoglobin', 11, 'g/dL'), ...events], day);
  const plan = planResults([{ pseudonym: 'pt_000000000000000000000001', profileVersion: 1, site: 'north', profile }], [trial(min, extra)], new Map(), { publishFirstIneligible: false, now: `${day}T08:00:00.000Z`, correlationId: 'c1' });
  expect(plan.changed).toHaveLength(1);
  return { message: JSON.parse(plan.changed[0]!.text) as MatchResultV1, row: plan.changed[0]!.row };
}

describe('planResults: what a published result tells of the birth date', () => {
  it('publishes an eligible-from day that is the patient’s birthday as its month only, and keeps the day in the stored columns', () => {
    const { message, row } = screen('1961-07-14', 65);
    expect(message.verdict).toBe('ELIGIBLE_FROM');
    expect(message.eligibleFrom).toBeUndefined();
    expect(message.eligibleFromMonth).toBe('2026-07');
    expect(row.ef).toBe('2026-07-14');
    expect(row.sg).toContain('"2026-07-14"');
    expect(JSON.stringify(message)).not.toContain('07-14');
  });

  it('publishes the day of any other eligible-from date (a washout ending)', () => {
    // Lenalidomide last given 2026-02-20; a 28-day washout ends on a day that is no birthday.
    const washout = { id: 'inc-washout', kind: 'inclusion', text: '28 days since the last dose of lenalidomide', rule: { fact: 'timeSince', event: 'lastDose', drug: 'lenalidomide', minDays: 28 } };
    const { message, row } = screen('1950-07-14', 18, [washout as never], '2026-03-01', [med('lenalidomide', '2026-01-01', '2026-02-20')]);
    expect(message.verdict).toBe('ELIGIBLE_FROM');
    expect(row.ef).toMatch(/^2026-03-/);
    expect(message.eligibleFrom).toBe(row.ef);
    expect(message.eligibleFromMonth).toBeUndefined();
  });

  it('takes 1 March for someone born on 29 February in a common year', () => {
    const { message, row } = screen('1960-02-29', 66, [], '2026-02-01');
    expect(row.ef).toBe('2026-03-01');
    expect(message.eligibleFromMonth).toBe('2026-03');
    expect(message.eligibleFrom).toBeUndefined();
  });

  it('holds the change an age minimum brings on the birthday until its month is over (the day would tell the birth date); bad news goes at once', () => {
    const pseudonym = 'pt_000000000000000000000002';
    const profileOn = (day: string, extra: ProfileSourceEvent[] = []) => buildProfile([demographics('1961-07-14', 'female'), lab(day, 'hemoglobin', 11, 'g/dL'), ...extra], day);
    const announced = new Map<string, StoredResult>([
      [resultKey(pseudonym, 'NCT09998801', ''), { patient_pseudonym: pseudonym, trial_id: 'NCT09998801', cohort_id: '', signature: signatureOf({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2026-07-14', failing: ['inc-age'], unknown: [], unknownCount: 0 }), criteria_version: 1, profile_version: 1, published: true }],
    ]);
    const plan = (day: string, extra: ProfileSourceEvent[] = [], extraCriteria: TrialCriteriaV1['criteria'] = []) =>
      planResults([{ pseudonym, profileVersion: 2, site: 'north', profile: profileOn(day, extra) }], [trial(65, extraCriteria)], announced, { publishFirstIneligible: false, now: `${day}T08:00:00.000Z`, correlationId: 'c1' });
    expect(plan('2026-07-14').changed).toEqual([]);
    expect(plan('2026-07-31').changed).toEqual([]);
    expect(plan('2026-08-01').changed.map((c) => (JSON.parse(c.text) as MatchResultV1).verdict)).toEqual(['ELIGIBLE']);
    // Another criterion failing within the month (ECOG 3 against ≤ 1) is published at once.
    const ecog = { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG 0-1', rule: { fact: 'ecog', max: 1 } };
    expect(plan('2026-07-20', [event('performance-status', '2026-07-20', { ecog: 3 })], [ecog as never]).changed.map((c) => (JSON.parse(c.text) as MatchResultV1).verdict)).toEqual(['INELIGIBLE']);
  });
});
