export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export interface IntakeSettings {
  /** Secret for patient pseudonyms (HMAC key). Changing it changes every pseudonym. */
  pseudonymKey: string;
}
