import schema from './v1.schema.json';

export const PATIENT_PROFILE_SCHEMA_VERSION = 1;
export const patientProfileV1Schema = schema;

/** Key: patientPseudonym. The profile's shape is owned by libs/core (PatientProfile). */
export interface PatientProfileV1<P = Record<string, unknown>> {
  patientPseudonym: string;
  /** The site (the events' source) the patient belongs to; absent from messages published before sites were carried. */
  site?: string;
  profileVersion: number;
  computedAt: string;
  profile: P;
}
