/** rev29: FHIR isotype reading (isotypeIn) and the MRD specimen. */
import { buildProfile } from '../patient/profile';
import { isotypeIn, mapFhirBundle, SYSTEMS } from '../fhir/map-bundle';

const subject = { reference: 'Patient/p1' };
const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female' };
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...resources].map((resource) => ({ resource })) }) as Parameters<typeof mapFhirBundle>[0];

describe('rev29 isotypeIn on texts', () => {
  it.each([
    ['Multiple myeloma, Ig A lambda', { heavyChain: 'IgA', lightChain: 'lambda' }],
    ['Multiple myeloma IgG kappa; kappa/lambda ratio 45', { heavyChain: 'IgG', lightChain: 'kappa' }],
    ['IgA lambda identified. Free kappa/lambda ratio 0.02', { heavyChain: 'IgA', lightChain: 'lambda' }],
    ['Multiple myeloma with kappa light chain deposition disease', { lightChain: 'kappa' }],
    ['Light chain (lambda) multiple myeloma', { heavyChain: 'none', lightChain: 'lambda' }],
    ['Multiple myeloma, IgA lambda, history of IgG4-related disease', { heavyChain: 'IgA', lightChain: 'lambda' }],
    ['Myeloma, big M-spike, IgD lambda', { heavyChain: 'IgD', lightChain: 'lambda' }],
  ])('%j names %j', (text, expected) => expect(isotypeIn(text)).toEqual(expected));
});

describe('rev29 FHIR MRD specimen', () => {
  const cr = [
    { resourceType: 'Condition', id: 'mm', subject, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C90.00' }] }, onsetDateTime: '2020-01-10' },
  ];
  it('a peripheral-blood MRD negative sent by FHIR (Observation.specimen) is not read as marrow MRD (clinical-core.md v15)', () => {
    const obs = {
      resourceType: 'Observation', id: 'mrd1', status: 'final', subject,
      code: { coding: [{ system: SYSTEMS.loinc, code: '98847-0' }] },
      effectiveDateTime: '2025-04-01',
      specimen: { display: 'Peripheral blood' },
      method: { text: 'NGS (clonoSEQ)' },
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009' }] },
      component: [{ code: { text: 'sensitivity' }, valueString: '1e-5' }],
    };
    const m = mapFhirBundle(bundle(...cr, obs));
    const e = m.events.find((x) => x.eventId === 'Observation/mrd1');
    expect(e?.type).toBe('mrd');
    const p = buildProfile(m.events, '2025-05-01');
    expect(p.disease.mrd.latest?.method).toBe('other');
  });
});
