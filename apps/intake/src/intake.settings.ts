export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export interface IntakeSettings {
  /** Secret for patient pseudonyms (HMAC key). Changing it changes every pseudonym. */
  pseudonymKey: string;
  /** Secret shared with the matcher: seals the birth date on patient-profiles.v1 (FieldSeal). */
  profileSealKey: string;
  /** How often to look for profiles derived with older settings of the clinical core (also once at start); 0: never. Default 10 minutes. */
  rederiveCheckMs?: number;
  /** Patients re-derived per transaction. Default 100. */
  rederiveBatch?: number;
}
