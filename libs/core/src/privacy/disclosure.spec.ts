import { disclosedEligibleFrom, isBirthday } from './disclosure';

describe('isBirthday', () => {
  it.each([
    ['2025-07-14', '1960-07-14', true],
    ['2025-07-15', '1960-07-14', false],
    ['2025-06-14', '1960-07-14', false],
    ['1960-07-14', '1960-07-14', false], // the birth itself is no birthday (and no eligible-from day)
    ['1959-07-14', '1960-07-14', false],
    ['2025-03-01', '1960-02-29', true], // a common year: someone born on 29 February turns a year older on 1 March
    ['2024-02-29', '1960-02-29', true],
    ['2024-03-01', '1960-02-29', false], // a leap year: 29 February was the birthday
    ['2025-02-28', '1960-02-29', false],
    ['2100-03-01', '2000-02-29', true], // 2100 is a common year
    ['2400-03-01', '2000-02-29', false], // 2400 is a leap year
    ['2025-03-01', '1960-03-01', true],
    ['2025-03-01T00:00:00Z', '1960-03-01', true],
  ])('%s for someone born on %s: %s', (day, birth, expected) => {
    expect(isBirthday(day, birth)).toBe(expected);
  });
});

describe('disclosedEligibleFrom', () => {
  it('keeps a day that is no birthday, gives only the month of one that is, and nothing without a date', () => {
    expect(disclosedEligibleFrom('2026-03-20', '1955-07-14')).toEqual({ eligibleFrom: '2026-03-20' });
    expect(disclosedEligibleFrom('2026-07-14', '1961-07-14')).toEqual({ eligibleFromMonth: '2026-07' });
    expect(disclosedEligibleFrom('2026-07-14', null)).toEqual({ eligibleFrom: '2026-07-14' });
    expect(disclosedEligibleFrom(undefined, '1961-07-14')).toEqual({});
  });
});
