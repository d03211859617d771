/**
 * FHIR updates as feeds send them: a resource sent again amended, corrected, made final, in a new version, or entered
 * in error. Each version is an event of its own that revises the first (intake stores every one, and a re-sent
 * version is a duplicate, never a conflict); the profile reads the latest.
 */
import type { Bundle, FhirResource } from 'fhir/r4';
import { buildProfile } from '../patient/profile';
import { mapFhirBundle } from './map-bundle';

const bundle = (...resources: object[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ resource: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1960-01-01' } }, ...resources.map((r) => ({ resource: r as FhirResource }))],
});
const subject = { reference: 'Patient/p1' };
const hb = (status: string, value: number, meta?: object) => ({
  resourceType: 'Observation',
  id: 'hb1',
  status,
  ...(meta ? { meta } : {}),
  subject,
  code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] },
  effectiveDateTime: '2025-05-20',
  valueQuantity: { value, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' },
});
/** Every Bundle's events together, as intake stores them (one row per event id, the first content kept). */
const stored = (...bundles: Bundle[]) => {
  const byId = new Map<string, ReturnType<typeof mapFhirBundle>['events'][number]>();
  for (const b of bundles) for (const e of mapFhirBundle(b).events) if (!byId.has(e.eventId)) byId.set(e.eventId, e);
  return [...byId.values()];
};
const hbOf = (...bundles: Bundle[]) => buildProfile(stored(...bundles), '2025-06-01').labs.hemoglobin?.value;

describe('FHIR corrections', () => {
  it('an amended or corrected Observation sent after the final one replaces its value', () => {
    expect(hbOf(bundle(hb('final', 7.0)), bundle(hb('amended', 9.0)))).toBe(9.0);
    expect(hbOf(bundle(hb('final', 7.0)), bundle(hb('corrected', 9.0)))).toBe(9.0);
    expect(mapFhirBundle(bundle(hb('amended', 9.0))).events.find((e) => e.type === 'lab')).toMatchObject({ eventId: 'Observation/hb1#amended', supersedes: 'Observation/hb1', revision: 1 });
  });

  it('two amendments told apart by their last update: the later one', () => {
    const a = hb('amended', 8.0, { lastUpdated: '2025-05-21T10:00:00Z' });
    const b = hb('amended', 9.5, { lastUpdated: '2025-05-22T10:00:00Z' });
    expect(hbOf(bundle(hb('final', 7.0)), bundle(b), bundle(a))).toBe(9.5);
  });

  it('a preliminary result, then the final one (same id, in one Bundle or two): the final one', () => {
    expect(hbOf(bundle(hb('preliminary', 7.0)), bundle(hb('final', 8.5)))).toBe(8.5);
    expect(hbOf(bundle(hb('final', 8.5)), bundle(hb('preliminary', 7.0)))).toBe(8.5);
    expect(hbOf(bundle(hb('preliminary', 7.0), hb('final', 8.5)))).toBe(8.5);
  });

  it('versions by meta.versionId: the highest, whatever the order they arrive in', () => {
    expect(hbOf(bundle(hb('final', 9.0, { versionId: '2' })), bundle(hb('final', 7.0, { versionId: '1' })))).toBe(9.0);
    expect(mapFhirBundle(bundle(hb('final', 9.0, { versionId: '2' }))).events.find((e) => e.type === 'lab')).toMatchObject({ eventId: 'Observation/hb1/_history/2', supersedes: 'Observation/hb1', revision: 2 });
  });

  it('an Observation entered in error withdraws the value stored before; the same resource re-sent is the same event', () => {
    expect(hbOf(bundle(hb('final', 7.0)), bundle(hb('entered-in-error', 7.0)))).toBeUndefined();
    expect(hbOf(bundle(hb('final', 7.0, { versionId: '1' })), bundle(hb('entered-in-error', 7.0, { versionId: '2' })))).toBeUndefined();
    const again = mapFhirBundle(bundle(hb('amended', 9.0))).events;
    expect(mapFhirBundle(bundle(hb('amended', 9.0))).events).toEqual(again);
  });

  it('a MedicationStatement entered in error is no exposure', () => {
    const statement = (status: string) => ({ resourceType: 'MedicationStatement', id: 'ms1', status, subject, medicationCodeableConcept: { text: 'daratumumab' }, effectivePeriod: { start: '2024-01-01', end: '2024-06-01' } });
    const p = buildProfile(stored(bundle(statement('completed')), bundle(statement('entered-in-error'))), '2025-06-01');
    expect(p.drugs.daratumumab).toBeUndefined();
    expect(p.superseded).toEqual([expect.objectContaining({ eventId: 'MedicationStatement/ms1', retracted: true })]);
  });
});

describe('FHIR: a later version that says it was not done', () => {
  it('an Observation cancelled in version 2 withdraws version 1; cancelled as first sent is only reported', () => {
    expect(hbOf(bundle(hb('final', 7.0, { versionId: '1' })), bundle(hb('cancelled', 7.0, { versionId: '2' })))).toBeUndefined();
    const first = mapFhirBundle(bundle(hb('cancelled', 7.0)));
    expect(first.events.filter((e) => e.type !== 'demographics')).toEqual([]);
    expect(first.unmapped).toEqual([expect.objectContaining({ reason: 'status cancelled' })]);
  });

  it('an entered-in-error resource with no date of its own is filed on the Bundle\'s day', () => {
    const undated = { resourceType: 'Observation', id: 'hb1', status: 'entered-in-error', subject, code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] } };
    const m = mapFhirBundle({ ...bundle(undated), timestamp: '2025-05-25T08:00:00Z' });
    expect(m.events.filter((e) => e.type === 'retraction')).toEqual([expect.objectContaining({ occurredAt: '2025-05-25', supersedes: 'Observation/hb1' })]);
  });
});

describe('FHIR: a new version with less in it, or one that cannot be read', () => {
  const karyotype = (iscn: string, status: string, versionId: string) => ({
    resourceType: 'Observation',
    id: 'k1',
    meta: { versionId },
    status,
    subject,
    code: { coding: [{ system: 'http://loinc.org', code: '69548-6' }] },
    effectiveDateTime: '2023-01-05',
    valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9633-4' }] },
    component: [{ code: { coding: [{ system: 'http://loinc.org', code: '81291-7' }] }, valueString: iscn }],
  });
  const findings = (...bundles: Bundle[]) => buildProfile(stored(...bundles), '2025-06-01').cytogenetics.abnormalities.filter((a) => a.detected).map((a) => a.abnormality).sort();

  it('a karyotype amended in version 2 without del(17p) no longer shows it; version 3 with it again shows it', () => {
    const v1 = bundle(karyotype('46,XY,t(11;14)(q13;q32),del(17)(p13)[20]', 'final', '1'));
    const v2 = bundle(karyotype('46,XY,t(11;14)(q13;q32)[20]', 'amended', '2'));
    expect(findings(v1)).toEqual(['del(17p)', 't(11;14)']);
    expect(findings(v1, v2)).toEqual(['t(11;14)']);
    expect(findings(v1, v2, bundle(karyotype('46,XY,t(11;14)(q13;q32),del(17)(p13)[20]', 'corrected', '3')))).toEqual(['del(17p)', 't(11;14)']);
  });

  it('a haemoglobin amended in version 2 to a value that cannot be read ("<5"): the earlier 9 g/dL no longer stands', () => {
    const v2 = { ...hb('amended', 7.0, { versionId: '2' }), valueQuantity: { value: 5, comparator: '<', unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' } };
    expect(hbOf(bundle(hb('final', 9.0, { versionId: '1' })), bundle(v2))).toBeUndefined();
    expect(mapFhirBundle(bundle(v2)).unmapped).toEqual([expect.objectContaining({ id: 'hb1' })]);
  });
});
