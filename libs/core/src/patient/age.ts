/** Whole years between a birth date and a day (both YYYY-MM-DD), as a person counts birthdays. No Date: it is on the engine's hot path. */
export function ageOnDay(birthDate: string, day: string): number {
  return Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5, 10) < birthDate.slice(5, 10) ? 1 : 0);
}

/** Whole years between a birth date and a (UTC) date. */
export function ageOn(birthDate: string, asOf: Date): number {
  return ageOnDay(birthDate, asOf.toISOString().slice(0, 10));
}
