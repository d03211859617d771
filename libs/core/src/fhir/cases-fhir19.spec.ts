/**
 * FHIR mapping cases from a second review (docs/fhir-mapping.md; domain.md §3, §7, §8): procedures named in phrases,
 * collections that are not stem-cell collections, medications stopped without an end, CAR-T orders, reversed dates,
 * RxNorm clinical-drug names and sex-specific reference ranges.
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
const procedure = (id: string, text: string, date = '2024-03-01') => ({ resourceType: 'Procedure', id, status: 'completed', subject, code: { text }, performedDateTime: date });
const kinds = (b: Bundle) => mapFhirBundle(b).events.filter((e) => e.type === 'procedure').map((e) => e.data.kind);

describe('procedures', () => {
  it('a CAR-T product named inside a phrase is its infusion', () => {
    const p = buildProfile(mapFhirBundle(bundle(procedure('pr1', 'Infusion of idecabtagene vicleucel'))).events, '2024-06-01');
    expect(p.flags.priorBcmaCarT).toBe(true);
  });

  it('plasma exchange and specimen collections are not stem-cell collections', () => {
    expect(kinds(bundle(procedure('a', 'Plasmapheresis'), procedure('b', 'Collection of blood specimen for laboratory'), procedure('c', '24 hour urine collection')))).toEqual([]);
    expect(kinds(bundle(procedure('d', 'Peripheral blood stem cell collection')))).toEqual(['apheresis']);
  });

  it('HSCT, HCT and BMT abbreviations; therapy named before a procedure is not that procedure', () => {
    expect(kinds(bundle(procedure('a', 'Allo-HSCT'), procedure('b', 'Auto-HSCT', '2023-01-01'), procedure('c', 'Autologous HCT', '2022-01-01')))).toEqual(['allogeneic-sct', 'autologous-sct', 'autologous-sct']);
    expect(kinds(bundle(procedure('a', 'Lymphodepleting chemotherapy prior to CAR-T cell infusion'), procedure('b', 'Bridging therapy before CAR-T')))).toEqual([]);
    expect(kinds(bundle(procedure('c', 'CAR-T cell infusion after lymphodepletion')))).toEqual(['car-t-infusion']);
  });
});

describe('medications', () => {
  const len = { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '342369', display: 'lenalidomide' }] };
  it('a stopped or completed course without an end is not ongoing, whatever the resource', () => {
    for (const r of [
      { resourceType: 'MedicationStatement', id: 'm1', status: 'stopped', subject, medicationCodeableConcept: len, effectivePeriod: { start: '2020-01-01' } },
      { resourceType: 'MedicationRequest', id: 'm2', status: 'completed', intent: 'order', subject, medicationCodeableConcept: len, authoredOn: '2020-01-01' },
    ]) expect(buildProfile(mapFhirBundle(bundle(r)).events, '2025-06-01').drugs.lenalidomide?.ongoing).toBe(false);
  });

  it('a CAR-T order is not its infusion; a course ending before it starts is reported', () => {
    const m = mapFhirBundle(bundle(
      { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject, medicationCodeableConcept: { text: 'Carvykti' }, authoredOn: '2024-01-01' },
      { resourceType: 'MedicationStatement', id: 'm2', status: 'completed', subject, medicationCodeableConcept: len, effectivePeriod: { start: '2020-03-01', end: '2020-01-01' } },
    ));
    expect(m.events.filter((e) => e.type !== 'demographics')).toEqual([]);
    expect(m.unmapped.map((u) => u.reason)).toEqual([expect.stringContaining('CAR-T product ordered'), expect.stringContaining('before it starts')]);
  });

  it('an RxNorm clinical drug name is its ingredient', () => {
    const m = mapFhirBundle(bundle({ resourceType: 'MedicationStatement', id: 'm1', status: 'active', subject, medicationCodeableConcept: { text: 'lenalidomide 10 MG Oral Capsule' }, effectivePeriod: { start: '2024-01-01' } }));
    expect(buildProfile(m.events, '2024-06-01').drugs.lenalidomide?.exposed).toBe(true);
  });
});

describe('reference ranges', () => {
  it("the upper limit of normal is the range for the patient's sex", () => {
    const alt = {
      resourceType: 'Observation', id: 'o1', status: 'final', subject, effectiveDateTime: '2024-05-01',
      code: { coding: [{ system: 'http://loinc.org', code: '1742-6' }] },
      valueQuantity: { value: 80, unit: 'U/L', system: 'http://unitsofmeasure.org', code: 'U/L' },
      referenceRange: [{ high: { value: 40, unit: 'U/L' }, appliesTo: [{ text: 'male' }] }, { high: { value: 32, unit: 'U/L' }, appliesTo: [{ text: 'female' }] }],
    };
    expect(buildProfile(mapFhirBundle(bundle(alt)).events, '2024-06-01').labs.alt?.timesUln).toBe(2.5);
  });
});

describe('from a code review of the above', () => {
  it('an infusion given because of a CAR-T is not one; a product named anywhere else is', () => {
    expect(kinds(bundle(procedure('a', 'IVIG infusion for hypogammaglobulinemia after cilta-cel'), procedure('b', 'IVIG infusion for hypogammaglobulinemia after CAR-T'), procedure('c', 'Tocilizumab administration for CRS, cilta-cel')))).toEqual([]);
    expect(kinds(bundle(procedure('a', 'Post-lymphodepletion CAR-T cell infusion'), procedure('b', 'Cilta-cel infusion after progression on idecabtagene vicleucel', '2023-01-01')))).toEqual(['car-t-infusion', 'car-t-infusion']);
    const m = mapFhirBundle(bundle(procedure('a', 'Ciltacabtagene autoleucel infusion', '2024-02-01'), procedure('b', 'Day 0 cilta-cel infusion', '2023-02-01'), procedure('c', 'CAR-T infusion: ide-cel', '2022-02-01')));
    expect(m.events.filter((e) => e.type === 'procedure').map((e) => [e.data.kind, e.data.product])).toEqual([
      ['car-t-infusion', 'Ciltacabtagene autoleucel'],
      ['car-t-infusion', 'cilta-cel'],
      ['car-t-infusion', 'ide-cel'],
    ]);
  });

  it('radiation named right after a therapy word is radiation; anything else led by one is not a procedure', () => {
    expect(kinds(bundle(procedure('a', 'Bridging radiotherapy to T10 plasmacytoma'), procedure('b', 'Conditioning TBI', '2023-01-01')))).toEqual(['radiation', 'radiation']);
    expect(kinds(bundle(procedure('a', 'Bridging radiotherapy before CAR-T infusion', '2023-06-01')))).toEqual(['radiation']);
    expect(kinds(bundle(procedure('a', 'Conditioning regimen for allo-HSCT'), procedure('b', 'Lymphodepleting chemotherapy prior to CAR-T cell infusion', '2023-01-01')))).toEqual([]);
    // A text that goes on to the transplant itself is the transplant.
    expect(kinds(bundle(procedure('a', 'Conditioning TBI followed by allo-HSCT'), procedure('b', 'Chemotherapy followed by ASCT', '2023-01-01')))).toEqual(['allogeneic-sct', 'autologous-sct']);
    expect(kinds(bundle(procedure('a', 'Bridging palliative radiotherapy to T10')))).toEqual(['radiation']);
  });

  it('a range for no sex in particular serves a patient whose sex has none', () => {
    const obs = {
      resourceType: 'Observation', id: 'o1', status: 'final', subject, effectiveDateTime: '2024-05-01',
      code: { coding: [{ system: 'http://loinc.org', code: '1742-6' }] },
      valueQuantity: { value: 80, unit: 'U/L', system: 'http://unitsofmeasure.org', code: 'U/L' },
      referenceRange: [{ high: { value: 32, unit: 'U/L' }, appliesTo: [{ text: 'female' }] }, { high: { value: 40, unit: 'U/L' } }],
    };
    const events = mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: obs as FhirResource }] }).events;
    const demographics = { eventId: 'd1', type: 'demographics', occurredAt: '2015-01-01', data: { sex: 'male', birthDate: '1960-01-01' } };
    expect(buildProfile([...events, demographics], '2024-06-01').labs.alt?.timesUln).toBe(2);
  });

  it('a CAR-T order coded with an RxNorm code the catalog lacks is still reported', () => {
    const m = mapFhirBundle(bundle({ resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject, authoredOn: '2024-02-01', medicationCodeableConcept: { text: 'Carvykti', coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2588067' }] } }));
    expect(m.unmapped.map((u) => u.reason)).toEqual([expect.stringContaining('CAR-T product ordered')]);
  });

  it("ranges by sex without the patient's sex in the Bundle: the profile takes the patient's", () => {
    const alt = {
      resourceType: 'Observation', id: 'o1', status: 'final', subject, effectiveDateTime: '2024-05-01',
      code: { coding: [{ system: 'http://loinc.org', code: '1742-6' }] },
      valueQuantity: { value: 80, unit: 'U/L', system: 'http://unitsofmeasure.org', code: 'U/L' },
      referenceRange: [{ high: { value: 40, unit: 'U/L' }, appliesTo: [{ text: 'male' }] }, { high: { value: 32, unit: 'U/L' }, appliesTo: [{ text: 'female' }] }],
    };
    const onlyObservation: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: alt as FhirResource }] };
    const events = mapFhirBundle(onlyObservation).events;
    expect(events[0]!.data).toMatchObject({ ulnBySex: { male: 40, female: 32 } });
    const demographics = { eventId: 'd1', type: 'demographics', occurredAt: '2015-01-01', data: { sex: 'male', birthDate: '1960-01-01' } };
    expect(buildProfile([...events, demographics], '2024-06-01').labs.alt?.timesUln).toBe(2);
  });
});

describe('Observations as feeds send them (from a review of FHIR Bundles)', () => {
  const ecog = (value: object) => ({ resourceType: 'Observation', id: 'e1', status: 'final', subject, code: { coding: [{ system: 'http://loinc.org', code: '89247-1' }] }, effectiveDateTime: '2024-05-01', ...value });
  const hb = (status: string) => ({ resourceType: 'Observation', id: `hb-${status}`, status, subject, code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, effectiveDateTime: '2024-05-01', valueQuantity: { value: 9.5, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' } });

  it('an ECOG sent as valueString ("2 - Ambulatory and capable of all self-care") is read as 2; "1-2" is not', () => {
    const scores = (b: Bundle) => mapFhirBundle(b).events.filter((e) => e.type === 'performance-status').map((e) => e.data);
    expect(scores(bundle(ecog({ valueString: '2 - Ambulatory and capable of all self-care' })))).toEqual([{ ecog: 2 }]);
    expect(scores(bundle(ecog({ valueString: '1-2' })))).toEqual([]);
  });

  it('a lab with status registered (no result yet) is reported, not read; a preliminary or final one is read', () => {
    const m = mapFhirBundle(bundle(hb('registered'), hb('preliminary'), hb('final')));
    expect(m.events.filter((e) => e.type === 'lab').map((e) => e.eventId)).toEqual(['Observation/hb-preliminary#preliminary', 'Observation/hb-final']);
    expect(m.unmapped).toContainEqual(expect.objectContaining({ id: 'hb-registered', reason: 'status registered: no result yet' }));
  });
});
