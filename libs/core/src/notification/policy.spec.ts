import { notificationFor } from './policy';

describe('notificationFor', () => {
  it.each([
    [null, 'ELIGIBLE', 'NEW_ELIGIBLE'],
    [null, 'POTENTIALLY_ELIGIBLE', 'NEW_POTENTIAL'],
    [null, 'ELIGIBLE_FROM', 'ELIGIBLE_FROM_SCHEDULED'],
    [null, 'INELIGIBLE', null],
    ['POTENTIALLY_ELIGIBLE', 'ELIGIBLE', 'NEW_ELIGIBLE'],
    ['INELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'NEW_POTENTIAL'],
    ['ELIGIBLE', 'POTENTIALLY_ELIGIBLE', null],
    ['ELIGIBLE', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['POTENTIALLY_ELIGIBLE', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['ELIGIBLE_FROM', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['ELIGIBLE', 'ELIGIBLE', null],
    ['INELIGIBLE', 'INELIGIBLE', null],
  ] as const)('%s → %s notifies %s', (previous, current, expected) => {
    expect(notificationFor(previous, current)).toBe(expected);
  });
});
