import schema from './v1.schema.json';

export const PATIENT_EVENT_SCHEMA_VERSION = 1;
export const patientEventV1Schema = schema;

export type PatientEventType =
  | 'demographics'
  | 'diagnosis'
  | 'medication'
  | 'procedure'
  | 'lab'
  | 'response-assessment'
  | 'mrd'
  | 'cytogenetics'
  | 'imaging'
  | 'performance-status'
  | 'condition';

/** Key: the sender's patient identifier (per-patient ordering). Value: */
export interface PatientEventV1 {
  eventId: string;
  patientId: string;
  source: string;
  type: PatientEventType;
  occurredAt: string;
  recordedAt?: string;
  data: Record<string, unknown>;
}
