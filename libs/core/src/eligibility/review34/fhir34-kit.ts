/**
 * fhir34 — the scaffolding the fhir34 suites share: a Bundle of one Patient and the resources given, mapped and derived
 * as of AS_OF, and builders of the resources they send.
 */
import { buildProfile } from '../../patient/profile';
import { mapFhirBundle, SYSTEMS } from '../../fhir/map-bundle';

export type B = Parameters<typeof mapFhirBundle>[0];
export type M = ReturnType<typeof mapFhirBundle>;
export type P = ReturnType<typeof buildProfile>;
export type L = { value: number; date: string; uln: number | null; timesUln: number | null } | undefined;
export const AS_OF = '2025-06-01';
export const UCUM = 'http://unitsofmeasure.org';
export const LOINC = SYSTEMS.loinc;
export const SNOMED = SYSTEMS.snomed;
export const RX = SYSTEMS.rxnorm;
export const subject = { reference: 'Patient/p1' };

export const q = (value: unknown, code?: string, unit?: string, extra: object = {}) => ({ valueQuantity: { value, ...((unit ?? code) ? { unit: unit ?? code } : {}), ...(code ? { system: UCUM, code } : {}), ...extra } });
export const obs = (id: string, loinc: string, body: object, date: unknown = '2025-05-01', status = 'final') => ({
  resourceType: 'Observation',
  id,
  status,
  subject,
  code: { coding: [{ system: LOINC, code: loinc }] },
  ...(date === null ? {} : { effectiveDateTime: date }),
  ...body,
});
export const medText = (text: string) => ({ medicationCodeableConcept: { text } });
export const ms = (id: string, med: object, start: string, end?: string, status = end ? 'completed' : 'active', extra: object = {}) => ({
  resourceType: 'MedicationStatement',
  id,
  status,
  subject,
  ...med,
  effectivePeriod: { start, ...(end ? { end } : {}) },
  ...extra,
});
export const spep = (id: string, date: string, v: number, unit = 'g/dL') => obs(id, '33358-3', q(v, unit), date);
export const upep = (id: string, date: string, v: number) => obs(id, '42482-0', q(v, 'mg/(24.h)', 'mg/24h'), date);

/** Mapping and deriving with a given Patient resource. */
export function fhirKit(patient: object) {
  const bundleOf = (entries: unknown[]): B => ({ resourceType: 'Bundle', type: 'collection', timestamp: '2025-06-01T08:00:00Z', entry: entries }) as unknown as B;
  const map = (...res: object[]): M => mapFhirBundle(bundleOf([patient, ...res].map((resource) => ({ resource }))));
  const prof = (m: M, asOf = AS_OF): P => buildProfile(m.events, asOf);
  const P_ = (...res: object[]) => prof(map(...res));
  const unm = (m: M, id: string) => m.unmapped.find((u) => u.id === id || (u.id ?? '').endsWith(`/${id}`));
  const labOf = (name: string, ...res: object[]): L => (P_(...res).labs as unknown as Record<string, L>)[name];
  return { bundleOf, map, prof, P_, unm, labOf };
}
