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
  | 'condition'
  /** Withdraws the event it `supersedes` (entered in error). */
  | 'retraction';

/** Key: the sender's patient identifier (per-patient ordering). Value: */
export interface PatientEventV1 {
  eventId: string;
  patientId: string;
  source: string;
  type: PatientEventType;
  occurredAt: string;
  recordedAt?: string;
  /** A correction: the id of the earlier event this one revises (see the schema). */
  supersedes?: string;
  /** The order of an event's revisions (higher is later). */
  revision?: number;
  data: Record<string, unknown>;
}
