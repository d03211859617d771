/**
 * The normalized patient profile. This is the walking-skeleton subset (demographics and performance
 * status); the clinical derivations (lines, refractoriness, response, measurable disease) extend it.
 */
export interface PatientProfile {
  eventCount: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  birthDate: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  ecog: { value: number; observedAt: string } | null;
}

/** The part of a stored patient event the profile is derived from (no identifiers). */
export interface ProfileSourceEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

const SEXES = new Set(['female', 'male', 'other', 'unknown']);

/** Orders by clinical time, then event id, so the result never depends on arrival order. */
function chronological(a: ProfileSourceEvent, b: ProfileSourceEvent): number {
  const t = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return t !== 0 ? t : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

export function buildProfile(events: readonly ProfileSourceEvent[]): PatientProfile {
  const sorted = [...events].sort(chronological);
  const profile: PatientProfile = {
    eventCount: sorted.length,
    firstEventAt: sorted[0]?.occurredAt ?? null,
    lastEventAt: sorted[sorted.length - 1]?.occurredAt ?? null,
    birthDate: null,
    sex: null,
    ecog: null,
  };
  for (const e of sorted) {
    if (e.type === 'demographics') {
      if (typeof e.data.birthDate === 'string') profile.birthDate = e.data.birthDate;
      if (typeof e.data.sex === 'string' && SEXES.has(e.data.sex)) profile.sex = e.data.sex as PatientProfile['sex'];
    }
    if (e.type === 'performance-status' && typeof e.data.ecog === 'number' && Number.isInteger(e.data.ecog) && e.data.ecog >= 0 && e.data.ecog <= 5) {
      profile.ecog = { value: e.data.ecog, observedAt: e.occurredAt };
    }
  }
  return profile;
}

/** Whole years between a birth date and a day, as a person counts birthdays. */
export function ageOn(birthDate: string, asOf: Date): number {
  const b = new Date(birthDate);
  let age = asOf.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    asOf.getUTCMonth() < b.getUTCMonth() || (asOf.getUTCMonth() === b.getUTCMonth() && asOf.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
