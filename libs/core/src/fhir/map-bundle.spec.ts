import { buildProfile } from '../patient/profile';
import { mapFhirBundle } from './map-bundle';
import { SAMPLE_BUNDLE } from '../testing/fhir-bundle';

describe('mapFhirBundle', () => {
  const mapped = mapFhirBundle(SAMPLE_BUNDLE);

  it('maps Patient, Condition, medications by RxNorm or text, Observations by LOINC and Procedures', () => {
    const byId = Object.fromEntries(mapped.events.map((e) => [e.eventId, e]));
    expect(byId['Patient/p1']).toMatchObject({ type: 'demographics', patientId: 'p1', data: { birthDate: '1958-04-02', sex: 'male' } });
    expect(byId['Condition/c1']).toMatchObject({ type: 'diagnosis', data: { condition: 'multiple-myeloma' } });
    expect(byId['MedicationStatement/m1']).toMatchObject({ type: 'medication', data: { rxnorm: '342369', start: '2018-03-01', end: '2020-01-10' } });
    expect(byId['MedicationAdministration/m2']).toMatchObject({ type: 'medication', data: { drug: 'Darzalex', start: '2020-02-01' } });
    expect(byId['Observation/o1']).toMatchObject({ type: 'lab', data: { code: '33358-3', value: 15, unit: 'g/L' } });
    expect(byId['Observation/o2']).toMatchObject({ type: 'performance-status', data: { ecog: 1 } });
    expect(byId['Observation/o3']).toMatchObject({ data: { uln: 40, ulnUnit: 'U/L' } });
    expect(byId['Procedure/pr1']).toMatchObject({ type: 'procedure', data: { kind: 'autologous-sct' } });
  });

  it('reports every resource it cannot map, with the reason', () => {
    expect(mapped.unmapped).toEqual([
      { resourceType: 'Condition', id: 'c2', reason: 'condition code not mapped (I10)' },
      { resourceType: 'MedicationRequest', id: 'm3', reason: 'medicationReference is not resolved; send medicationCodeableConcept' },
      { resourceType: 'Observation', id: 'o4', reason: 'observation code not mapped (0000-0)' },
      { resourceType: 'Encounter', id: 'enc1', reason: 'resource type not mapped' },
    ]);
  });

  it('gives the same profile facts as the equivalent native events', () => {
    const p = buildProfile(mapped.events, '2020-03-01');
    expect(p.demographics).toMatchObject({ sex: 'male', ageYears: 61 });
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.drugs.lenalidomide).toMatchObject({ firstDose: '2018-03-01', lastDose: '2020-01-10' });
    expect(p.disease.measurable.values.serumMProtein).toEqual({ value: 1.5, date: '2020-01-01' });
    expect(p.labs.alt).toMatchObject({ value: 80, timesUln: 2 });
    expect(p.ecog).toMatchObject({ value: 1 });
    expect(p.transplants).toEqual([expect.objectContaining({ kind: 'autologous-sct', date: '2018-08-01' })]);
  });
});
