/** rev30: an MRD Observation whose specimen reference carries a label as its display: the Specimen's type is marrow. */
import { buildProfile } from '../patient/profile';
import { mapFhirBundle, SYSTEMS } from '../fhir/map-bundle';

const subject = { reference: 'Patient/p1' };
const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female' };
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...resources].map((resource) => ({ resource })) }) as Parameters<typeof mapFhirBundle>[0];
const mm = { resourceType: 'Condition', id: 'mm', subject, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C90.00' }] }, onsetDateTime: '2020-01-10' };
const specimen = { resourceType: 'Specimen', id: 'sp1', subject, type: { coding: [{ system: 'http://snomed.info/sct', code: '396997002', display: 'Bone marrow aspirate' }] } };
const obs = (spec: object) => ({
  resourceType: 'Observation', id: 'mrd1', status: 'final', subject,
  code: { coding: [{ system: SYSTEMS.loinc, code: '98847-0' }] },
  effectiveDateTime: '2025-04-01',
  specimen: spec,
  method: { text: 'NGS (clonoSEQ)' },
  valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009' }] },
  component: [{ code: { text: 'sensitivity' }, valueString: '1e-5' }],
});

describe('rev30 FHIR MRD specimen', () => {
  it('control: reference without display, Specimen type bone marrow aspirate → NGS', () => {
    const p = buildProfile(mapFhirBundle(bundle(mm, specimen, obs({ reference: 'Specimen/sp1' }))).events, '2025-05-01');
    expect(p.disease.mrd.latest?.method).toBe('NGS');
  });
  it('reference display is an accession label ("Specimen BM-24-0113"), Specimen type bone marrow aspirate → still marrow MRD (NGS)', () => {
    const p = buildProfile(mapFhirBundle(bundle(mm, specimen, obs({ reference: 'Specimen/sp1', display: 'Accession 24-0113' }))).events, '2025-05-01');
    expect(p.disease.mrd.latest?.method).toBe('NGS');
  });
  it('a specimen named only by a code (no text) read as marrow; a label-only display likewise (was read as marrow before the commit)', () => {
    const p = buildProfile(mapFhirBundle(bundle(mm, obs({ display: 'Sample 2' }))).events, '2025-05-01');
    expect(p.disease.mrd.latest?.method).toBe('NGS');
  });
});
