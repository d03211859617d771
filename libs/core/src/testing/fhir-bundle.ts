import type { Bundle } from 'fhir/r4';

/** A small FHIR R4 Bundle exercising every mapped resource type and a few unmappable ones. */
const subject = { reference: 'Patient/p1' };
const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
export const SAMPLE_BUNDLE: Bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'male' } },
    { resource: { resourceType: 'Condition', id: 'c1', subject, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C90.00' }] }, onsetDateTime: '2018-02-01' } },
    { resource: { resourceType: 'Condition', id: 'c2', subject, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] }, onsetDateTime: '2010-01-01' } },
    {
      resource: {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'completed',
        subject,
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '342369' }], text: 'lenalidomide' },
        effectivePeriod: { start: '2018-03-01', end: '2020-01-10' },
      },
    },
    {
      resource: {
        resourceType: 'MedicationAdministration',
        id: 'm2',
        status: 'completed',
        subject,
        medicationCodeableConcept: { text: 'Darzalex' },
        effectivePeriod: { start: '2020-02-01' },
      },
    },
    { resource: { resourceType: 'MedicationRequest', id: 'm3', status: 'active', intent: 'order', subject, medicationReference: { reference: 'Medication/x' } } },
    { resource: { resourceType: 'Observation', id: 'o1', status: 'final', subject, code: loinc('33358-3'), effectiveDateTime: '2020-01-01', valueQuantity: { value: 15, unit: 'g/L', code: 'g/L' } } },
    { resource: { resourceType: 'Observation', id: 'o2', status: 'final', subject, code: loinc('89247-1'), effectiveDateTime: '2020-01-01', valueInteger: 1 } },
    {
      resource: {
        resourceType: 'Observation',
        id: 'o3',
        status: 'final',
        subject,
        code: loinc('1742-6'),
        effectiveDateTime: '2020-01-01',
        valueQuantity: { value: 80, code: 'U/L' },
        referenceRange: [{ high: { value: 40, code: 'U/L' } }],
      },
    },
    { resource: { resourceType: 'Observation', id: 'o4', status: 'final', subject, code: loinc('0000-0'), valueQuantity: { value: 1 } } },
    { resource: { resourceType: 'Procedure', id: 'pr1', status: 'completed', subject, code: { text: 'Autologous hematopoietic stem cell transplant' }, performedDateTime: '2018-08-01' } },
    { resource: { resourceType: 'Encounter', id: 'enc1', status: 'finished', class: { code: 'AMB' } } },
  ],
};

