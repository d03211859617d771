/**
 * What of an eligible-from date may leave the matcher on a topic. A date that falls on one of the patient's
 * birthdays (the day an age minimum is reached, or any date that happens to be one) tells the birth date to
 * whoever reads the topic, which the profiles themselves never do (they carry it sealed): such a date is
 * published as its month only (`eligibleFromMonth`). The exact day stays in the matcher and its API, where
 * a person's read is audited.
 */

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Whether `day` (YYYY-MM-DD) is a birthday of someone born on `birthDate` (YYYY-MM-DD): the same month and day
 * in a year after the birth, and 1 March in a common year for someone born on 29 February (the day they turn a
 * year older, as the engine's age criteria count it).
 */
export function isBirthday(day: string, birthDate: string): boolean {
  if (day.length < 10 || birthDate.length < 10 || day.slice(0, 10) <= birthDate.slice(0, 10)) return false;
  const md = day.slice(5, 10);
  const born = birthDate.slice(5, 10);
  if (md === born) return true;
  return born === '02-29' && md === '03-01' && !isLeapYear(Number(day.slice(0, 4)));
}

/** The eligible-from date as a topic may carry it: the day, or only its month when the day is a birthday. */
export function disclosedEligibleFrom(eligibleFrom: string | undefined | null, birthDate: string | undefined | null): { eligibleFrom?: string; eligibleFromMonth?: string } {
  if (!eligibleFrom) return {};
  return birthDate && isBirthday(eligibleFrom, birthDate) ? { eligibleFromMonth: eligibleFrom.slice(0, 7) } : { eligibleFrom };
}
