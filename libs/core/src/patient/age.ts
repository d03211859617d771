/** Whole years between a birth date and a day, as a person counts birthdays. */
export function ageOn(birthDate: string, asOf: Date): number {
  const b = new Date(birthDate);
  let age = asOf.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday = asOf.getUTCMonth() < b.getUTCMonth() || (asOf.getUTCMonth() === b.getUTCMonth() && asOf.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
