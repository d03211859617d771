export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export interface IntakeSettings {
  /** Secret for patient pseudonyms (HMAC key). Changing it changes every pseudonym. */
  pseudonymKey: string;
  /** Secret shared with the matcher: seals the birth date on patient-profiles.v1 (FieldSeal). */
  profileSealKey: string;
}
