import { readClinicalRecords } from '../patient/clinical-events';
import { buildProfile } from '../patient/profile';
import { mapFhirBundle, SYSTEMS } from './map-bundle';
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
      { resourceType: 'Condition', id: 'c2', reason: 'condition code not mapped (I10)', patientId: 'p1' },
      { resourceType: 'MedicationRequest', id: 'm3', reason: 'medicationReference is not resolved; send medicationCodeableConcept', patientId: 'p1' },
      { resourceType: 'Observation', id: 'o4', reason: 'observation code not mapped (0000-0)', patientId: 'p1' },
      { resourceType: 'Encounter', id: 'enc1', reason: 'resource type not mapped', patientId: 'p1' },
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

describe('mapFhirBundle: what was not done, not given or not measured never becomes a fact', () => {
  const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) }) as Parameters<typeof mapFhirBundle>[0];
  const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' };
  const subject = { reference: 'Patient/p1' };
  const asct = (id: string, status: string) => ({ resourceType: 'Procedure', id, status, subject, code: { text: 'Autologous stem cell transplant' }, performedDateTime: '2020-06-01' });
  const events = (...resources: object[]) => mapFhirBundle(bundle(patient, ...resources));

  it('a Procedure entered in error withdraws what an earlier version of it said (a retraction of its first version)', () => {
    const m = events(asct('pr1', 'entered-in-error'));
    expect(m.events.filter((e) => e.type === 'procedure')).toEqual([]);
    expect(m.events.filter((e) => e.type === 'retraction')).toEqual([expect.objectContaining({ eventId: 'Procedure/pr1#entered-in-error', supersedes: 'Procedure/pr1', revision: 1, occurredAt: '2020-06-01', data: { reason: 'entered-in-error' } })]);
    expect(m.unmapped).toEqual([]);
  });

  it.each(['not-done', 'preparation'])('a Procedure with status %s is reported, not mapped', (status) => {
    const m = events(asct('pr1', status));
    expect(m.events.filter((e) => e.type === 'procedure')).toEqual([]);
    expect(m.unmapped).toEqual([{ resourceType: 'Procedure', id: 'pr1', reason: `status ${status}`, patientId: 'p1' }]);
    expect(events(asct('pr1', 'completed')).events.filter((e) => e.type === 'procedure')).toHaveLength(1);
  });

  it.each([
    ['MedicationRequest', { status: 'cancelled', intent: 'order', authoredOn: '2020-01-01' }, 'status cancelled'],
    ['MedicationRequest', { status: 'active', intent: 'proposal', authoredOn: '2020-01-01' }, 'intent proposal (not an order)'],
    ['MedicationAdministration', { status: 'not-done', effectiveDateTime: '2020-01-01' }, 'status not-done'],
    ['MedicationStatement', { status: 'not-taken', effectiveDateTime: '2020-01-01' }, 'status not-taken'],
    ['MedicationStatement', { status: 'intended', effectiveDateTime: '2020-01-01' }, 'status intended'],
  ])('a %s that was not given (%j) is reported, not mapped', (resourceType, extra, reason) => {
    const m = events({ resourceType, id: 'm1', subject, medicationCodeableConcept: { text: 'Darzalex Faspro' }, ...extra });
    expect(m.events.filter((e) => e.type === 'medication')).toEqual([]);
    expect(m.unmapped).toEqual([{ resourceType, id: 'm1', reason, patientId: 'p1' }]);
  });

  it('a resource not mapped names the patient it belongs to: its subject, not the Bundle’s one Patient', () => {
    const m = events({ resourceType: 'MedicationStatement', id: 'm2', subject: { reference: 'Patient/p2' }, status: 'not-taken', medicationCodeableConcept: { text: 'Darzalex' }, effectiveDateTime: '2020-01-01' });
    expect(m.unmapped).toEqual([{ resourceType: 'MedicationStatement', id: 'm2', reason: 'status not-taken', patientId: 'p2' }]);
    const noSubject = mapFhirBundle(bundle(patient, { ...patient, id: 'p3' }, { resourceType: 'Observation', id: 'o9', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '0000-0' }] }, effectiveDateTime: '2020-01-01' }));
    expect(noSubject.unmapped).toEqual([{ resourceType: 'Observation', id: 'o9', reason: 'observation code not mapped (0000-0)' }]); // two Patients, no subject: nobody's
  });

  it('a refuted or entered-in-error Condition is no condition: a retraction of what it said before', () => {
    const pcl = (verification: string) => ({ resourceType: 'Condition', id: 'c1', subject, verificationStatus: { coding: [{ code: verification }] }, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C90.10' }] }, onsetDateTime: '2024-01-01' });
    for (const v of ['refuted', 'entered-in-error']) {
      const m = events(pcl(v));
      expect(m.events.filter((e) => e.type === 'condition')).toEqual([]);
      expect(m.events.filter((e) => e.type === 'retraction')).toEqual([expect.objectContaining({ supersedes: 'Condition/c1', data: { reason: v } })]);
    }
    expect(events(pcl('confirmed')).events.filter((e) => e.type === 'condition')).toHaveLength(1);
  });

  it('refuses a lab value without a unit, one given as a bound, and one coded only locally', () => {
    const obs = (id: string, code: object, valueQuantity: object) => ({ resourceType: 'Observation', id, status: 'final', subject, code, valueQuantity, effectiveDateTime: '2025-05-01' });
    const m = events(
      obs('o1', { coding: [{ system: SYSTEMS.loinc, code: '33358-3' }] }, { value: 15 }),
      obs('o2', { coding: [{ system: SYSTEMS.loinc, code: '33358-3' }] }, { value: 0.1, comparator: '<', unit: 'g/dL' }),
      obs('o3', { coding: [{ system: 'http://acme.example/labs', code: 'UCREAT' }], text: 'Creatinine' }, { value: 120, unit: 'mg/dL' }),
    );
    expect(m.events.filter((e) => e.type === 'lab')).toEqual([]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['o1', 'value without a unit'],
      ['o2', 'value given as a bound (< 0.1), not a measurement'],
      ['o3', 'observation without a LOINC code (Creatinine)'],
    ]);
  });

  it('reads a unit from `unit` when `code` is a local system’s, and a condition dated by its onset period', () => {
    const m = events(
      { resourceType: 'Observation', id: 'o1', status: 'final', subject, code: { coding: [{ system: SYSTEMS.loinc, code: '33358-3' }] }, valueQuantity: { value: 15, unit: 'g/L', system: 'http://acme.example/units', code: 'GPL' }, effectiveDateTime: '2025-05-01' },
      { resourceType: 'Condition', id: 'c1', subject, code: { coding: [{ system: SYSTEMS.snomed, code: '109989006' }] }, onsetPeriod: { start: '2019-12-01' } },
    );
    expect(m.events.find((e) => e.eventId === 'Observation/o1')?.data).toMatchObject({ value: 15, unit: 'g/L' });
    expect(m.events.find((e) => e.eventId === 'Condition/c1')?.occurredAt).toBe('2019-12-01');
  });

  it('reads ECOG coded with the LOINC answer list', () => {
    const m = events({ resourceType: 'Observation', id: 'o1', status: 'final', subject, code: { coding: [{ system: SYSTEMS.loinc, code: '89247-1' }] }, valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9624-3', display: 'Ambulatory and capable of all self care' }] }, effectiveDateTime: '2025-05-01' });
    expect(m.events.find((e) => e.type === 'performance-status')?.data).toEqual({ ecog: 2 });
  });

  it('resolves patient references through fullUrl, versioned and absolute references, and files nothing under the wrong patient', () => {
    const b = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:aaaa', resource: { resourceType: 'Patient', birthDate: '1960-05-01' } },
        { fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', subject: { reference: 'urn:uuid:aaaa' }, code: { coding: [{ system: SYSTEMS.snomed, code: '109989006' }] }, onsetDateTime: '2020-01-01' } },
        { resource: { resourceType: 'Observation', id: 'o1', status: 'final', subject: { reference: 'Patient/aaaa/_history/3' }, code: { coding: [{ system: SYSTEMS.loinc, code: '718-7' }] }, valueQuantity: { value: 10, unit: 'g/dL' }, effectiveDateTime: '2025-05-01' } },
        { resource: { resourceType: 'Observation', id: 'o2', status: 'final', subject: { reference: 'https://ehr.example/fhir/Patient/p2' }, code: { coding: [{ system: SYSTEMS.loinc, code: '718-7' }] }, valueQuantity: { value: 9, unit: 'g/dL' }, effectiveDateTime: '2025-05-01' } },
        { request: { method: 'DELETE', url: 'Observation/o9' } },
      ],
    } as Parameters<typeof mapFhirBundle>[0];
    const m = mapFhirBundle(b);
    expect(m.events.map((e) => [e.eventId, e.patientId])).toEqual([
      ['Patient/aaaa', 'aaaa'],
      ['Condition/c1', 'aaaa'],
      ['Observation/o1', 'aaaa'],
      ['Observation/o2', 'p2'],
    ]);
    expect(m.unmapped).toEqual([{ resourceType: 'Bundle.entry', id: null, reason: 'entry without a resource (DELETE Observation/o9)' }]);
  });

  it('reports a date that is not precise to the day instead of guessing one', () => {
    const m = mapFhirBundle(bundle({ resourceType: 'Patient', id: 'p1', birthDate: '1960' }, { resourceType: 'MedicationStatement', id: 'm1', status: 'active', subject, medicationCodeableConcept: { text: 'Revlimid' }, effectivePeriod: { start: '2019-03' } }));
    expect(m.events).toEqual([]);
    expect(m.unmapped).toEqual([
      { resourceType: 'Patient', id: 'p1', reason: 'birthDate 1960 is not precise to the day (an age would be a guess)', patientId: 'p1' },
      { resourceType: 'MedicationStatement', id: 'm1', reason: 'date 2019-03 is not precise to the day', patientId: 'p1' },
    ]);
  });

  it('takes procedures by what they are: collection is apheresis, an evaluation is nothing, "cart…" is not CAR-T; a CAR-T infusion keeps its product', () => {
    const proc = (id: string, text: string, extra: object = {}) => ({ resourceType: 'Procedure', id, status: 'completed', subject, code: { text }, performedDateTime: '2024-03-01', ...extra });
    const m = events(
      proc('a', 'Autologous peripheral blood stem cell harvest (apheresis)'),
      proc('b', 'Leukapheresis for CAR-T manufacturing'),
      proc('c', 'Evaluation for autologous stem cell transplant'),
      proc('d', 'Arthroscopic cartilage debridement'),
      proc('e', 'CAR-T cell infusion (ciltacabtagene autoleucel, Carvykti)'),
      proc('f', 'CAR-T cell infusion', { usedCode: [{ text: 'Abecma' }] }),
    );
    expect(m.events.filter((e) => e.type === 'procedure').map((e) => [e.eventId, e.data])).toEqual([
      ['Procedure/a', { kind: 'apheresis' }],
      ['Procedure/b', { kind: 'apheresis' }],
      ['Procedure/e', { kind: 'car-t-infusion', product: 'ciltacabtagene autoleucel' }],
      ['Procedure/f', { kind: 'car-t-infusion', product: 'Abecma' }],
    ]);
    expect(m.unmapped.map((u) => u.id)).toEqual(['c', 'd']);
    expect(buildProfile(m.events, '2025-06-01').flags.priorBcmaCarT).toBe(true);
  });

  it('uses the RxNorm code the catalog knows when a product code comes first, and an ICD code in either spelling next to SNOMED', () => {
    const m = events(
      { resourceType: 'MedicationStatement', id: 'm1', status: 'active', subject, medicationCodeableConcept: { coding: [{ system: SYSTEMS.rxnorm, code: '1000000' }, { system: SYSTEMS.rxnorm, code: '342369' }], text: 'Revlimid 25 MG Oral Capsule' }, effectivePeriod: { start: '2020-01-01' } },
      { resourceType: 'Condition', id: 'c1', subject, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C9000' }, { system: SYSTEMS.snomed, code: '109989006' }] }, onsetDateTime: '2019-12-01' },
    );
    expect(m.events.find((e) => e.eventId === 'MedicationStatement/m1')?.data).toMatchObject({ rxnorm: '342369' });
    expect(m.events.find((e) => e.eventId === 'Condition/c1')?.type).toBe('diagnosis');
  });

  it('ends a completed statement or administration that gives no end, instead of leaving it ongoing', () => {
    const m = events(
      { resourceType: 'MedicationStatement', id: 'm1', status: 'completed', subject, medicationCodeableConcept: { text: 'Velcade' }, effectivePeriod: { start: '2020-01-01' }, dateAsserted: '2020-06-01' },
      { resourceType: 'MedicationAdministration', id: 'm2', status: 'completed', subject, medicationCodeableConcept: { text: 'Kyprolis' }, effectivePeriod: { start: '2021-01-01' } },
      { resourceType: 'MedicationStatement', id: 'm3', status: 'active', subject, medicationCodeableConcept: { text: 'Revlimid' }, effectivePeriod: { start: '2022-01-01' } },
    );
    // Stopped on a day not known (the native reasonStopped with no end): dateAsserted is only an upper bound, and the
    // known day on it is the start, where its lines end; its last dose is not known (fhir34 H02).
    expect(m.events.map((e) => [e.eventId, e.data.end, e.data.reasonStopped])).toEqual([
      ['Patient/p1', undefined, undefined],
      ['MedicationStatement/m1', undefined, 'completed'],
      ['MedicationAdministration/m2', undefined, 'completed'],
      ['MedicationStatement/m3', undefined, undefined],
    ]);
    const p = buildProfile(m.events, '2025-06-01');
    expect([p.drugs.bortezomib?.ongoing, p.drugs.bortezomib?.lastDose, p.drugs.bortezomib?.lastDoseUnknown]).toEqual([false, '2020-01-01', true]);
  });

  it('reads why a course stopped from its statusReason (text or a coding display)', () => {
    const stopped = (id: string, reason: object, extra: object = {}) => ({ resourceType: 'MedicationStatement' as const, id, status: 'stopped' as const, subject, medicationCodeableConcept: { text: 'Revlimid' }, effectivePeriod: { start: '2020-01-01', end: '2020-06-01' }, statusReason: [reason], ...extra });
    const m = events(
      stopped('a', { text: 'Disease progression' }),
      stopped('b', { coding: [{ system: 'http://snomed.info/sct', code: '0', display: 'Peripheral neuropathy (adverse effect)' }] }),
      stopped('c', { text: 'Patient request' }),
      stopped('d', { text: 'No progression; course completed' }),
      stopped('e', { text: 'insurance' }),
      { resourceType: 'MedicationStatement', id: 'f', status: 'active', subject, medicationCodeableConcept: { text: 'Revlimid' }, effectivePeriod: { start: '2020-01-01' }, statusReason: [{ text: 'progression' }] },
    );
    expect(m.events.slice(1).map((e) => [e.eventId, e.data.end, e.data.reasonStopped])).toEqual([
      ['MedicationStatement/a', '2020-06-01', 'progression'],
      ['MedicationStatement/b', '2020-06-01', 'toxicity'],
      ['MedicationStatement/c', '2020-06-01', 'patient-choice'],
      ['MedicationStatement/d', '2020-06-01', 'completed'],
      ['MedicationStatement/e', '2020-06-01', 'other'],
      ['MedicationStatement/f', undefined, undefined], // still given: a reason for its status is not a reason it stopped
    ]);
  });
});

describe('plasmacytoma sizes (mCODE TumorSize on a plasmacytoma BodyStructure)', () => {
  const size = (id: string, date: string, focus: string, longestCm: number, otherCm: number | null) => ({
    resource: {
      resourceType: 'Observation' as const,
      id,
      status: 'final' as const,
      code: { coding: [{ system: SYSTEMS.loinc, code: '21889-1' }] },
      subject: { reference: 'Patient/p1' },
      focus: [{ reference: focus }],
      effectiveDateTime: date,
      method: { text: 'CT' },
      component: [
        { code: { coding: [{ system: SYSTEMS.loinc, code: '33728-7' }] }, valueQuantity: { value: longestCm, code: 'cm', system: 'http://unitsofmeasure.org' } },
        ...(otherCm === null ? [] : [{ code: { coding: [{ system: SYSTEMS.loinc, code: '33729-5' }] }, valueQuantity: { value: otherCm * 10, code: 'mm', system: 'http://unitsofmeasure.org' } }]),
      ],
    },
  });
  const bundle = {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    entry: [
      { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02', gender: 'male' as const } },
      { resource: { resourceType: 'BodyStructure' as const, id: 'pc1', patient: { reference: 'Patient/p1' }, morphology: { text: 'Extraosseous plasmacytoma' }, description: 'left paravertebral mass' } },
      { resource: { resourceType: 'BodyStructure' as const, id: 'breast', patient: { reference: 'Patient/p1' }, morphology: { text: 'Ductal carcinoma' } } },
      { resource: { resourceType: 'MedicationStatement' as const, id: 'dpd', status: 'active' as const, subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'DPd' }, effectivePeriod: { start: '2024-01-15' } } },
      size('s1', '2024-01-10', 'BodyStructure/pc1', 2.0, 2.0),
      size('s2', '2024-04-01', 'BodyStructure/pc1', 3.0, 2.0),
      size('s3', '2024-04-01', 'BodyStructure/breast', 1.0, 1.0),
      size('s4', '2024-05-01', 'BodyStructure/pc1', 3.2, null),
    ],
  };

  it('become imaging events with the lesion named by its BodyStructure, diameters in mm; other tumours and sizes without two dimensions are reported', () => {
    const m = mapFhirBundle(bundle);
    expect(m.events.find((e) => e.eventId === 'Observation/s1')).toMatchObject({ type: 'imaging', occurredAt: '2024-01-10', data: { modality: 'CT', plasmacytomas: [{ lesion: 'pc1', longestDiameterMm: 20, perpendicularDiameterMm: 20 }] } });
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['breast', expect.stringContaining('not a plasmacytoma')],
      ['s3', expect.stringContaining('focus is not a plasmacytoma')],
      ['s4', expect.stringContaining('greatest and an additional dimension')],
    ]);
    // 20 → 30 mm longest diameter (+50%), short axis taken as the 20 mm perpendicular diameter: progression on 2024-04-01.
    const p = buildProfile(m.events, '2024-06-01');
    expect(p.disease.progressions.filter((e) => e.source === 'imaging').map((e) => e.date)).toEqual(['2024-04-01']);
  });

  it('sets aside a day whose other plasmacytoma could not be read (it would read as gone), and reports ambiguous or denied plasmacytomas', () => {
    const two = (id: string, date: string, focus: string[], longestCm: number, otherCm: number, unit = 'cm') => {
      const e = size(id, date, focus[0]!, longestCm, otherCm);
      return { resource: { ...e.resource, focus: focus.map((reference) => ({ reference })), component: e.resource.component.map((c) => ({ ...c, valueQuantity: { ...c.valueQuantity, code: unit, value: c.valueQuantity.code === 'mm' ? otherCm : longestCm } })) } };
    };
    const b = {
      ...bundle,
      entry: [
        ...bundle.entry.slice(0, 4),
        { resource: { resourceType: 'BodyStructure' as const, id: 'pc2', patient: { reference: 'Patient/p1' }, morphology: { text: 'Plasmacytoma' } } },
        { resource: { resourceType: 'BodyStructure' as const, id: 'ruled', patient: { reference: 'Patient/p1' }, description: 'plasmacytoma ruled out' } },
        two('a1', '2024-01-10', ['BodyStructure/pc1'], 2.0, 2.0),
        two('b1', '2024-01-10', ['BodyStructure/pc2'], 1.0, 1.0),
        two('a2', '2024-04-01', ['BodyStructure/pc1'], 2.0, 2.0),
        two('b2', '2024-04-01', ['BodyStructure/pc2'], 0.4, 0.4, '[in_i]'),
        two('a3', '2024-07-01', ['BodyStructure/pc1'], 2.0, 2.0),
        two('b3', '2024-07-01', ['BodyStructure/pc2'], 1.0, 1.0),
        two('both', '2024-07-01', ['BodyStructure/pc1', 'BodyStructure/pc2'], 2.0, 2.0),
        two('r', '2024-07-01', ['BodyStructure/ruled'], 2.0, 2.0),
      ],
    };
    const m = mapFhirBundle(b);
    // [in_i] is read (0.4 in = 10.16 mm); nothing changed in size: no progression.
    expect(m.events.find((e) => e.eventId === 'Observation/b2')!.data).toMatchObject({ plasmacytomas: [{ lesion: 'pc2', longestDiameterMm: 10.16 }] });
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual(
      expect.arrayContaining([
        ['ruled', expect.stringContaining('not a plasmacytoma')],
        ['both', expect.stringContaining('focused on 2 plasmacytomas')],
        ['r', expect.stringContaining('focus is not a plasmacytoma')],
        ['a3', expect.stringContaining('set aside')],
        ['b3', expect.stringContaining('set aside')],
      ]),
    );
    expect(buildProfile(m.events, '2024-08-01').disease.progressions).toEqual([]);
  });
});

describe('immunofixation (LOINC 25700-6, 49275-1 serum; 13440-3 urine) and marrow plasma cells (11118-7)', () => {
  const obs = (id: string, code: string, extra: Record<string, unknown>) => ({
    resource: { resourceType: 'Observation' as const, id, status: 'final' as const, code: { coding: [{ system: SYSTEMS.loinc, code }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-06-01', ...extra },
  });
  const patient = { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02' } };
  const one = (...entry: Array<{ resource: object }>) => mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...entry] } as Parameters<typeof mapFhirBundle>[0]);

  it('become qualitative labs the clinical core reads (serum and urine immunofixation, marrow plasma cells in %)', () => {
    const m = one(
      obs('s', '25700-6', { valueString: 'No monoclonal protein detected' }),
      obs('u', '13440-3', { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA6577-6', display: 'Negative' }] } }),
      obs('bm', '11118-7', { valueQuantity: { value: 3, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } }),
    );
    expect(m.unmapped).toEqual([]);
    expect(m.events.filter((e) => e.type !== 'demographics').map((e) => [e.eventId, e.type, e.data])).toEqual([
      ['Observation/s', 'lab', { code: '25700-6', result: 'negative' }],
      ['Observation/u', 'lab', { code: '13440-3', result: 'negative' }],
      ['Observation/bm', 'lab', { code: '11118-7', value: 3, unit: '%' }],
    ]);
    const labs = readClinicalRecords(m.events, '2024-07-01').labs.map((l) => [l.name, l.value]);
    expect(labs).toEqual(expect.arrayContaining([['serumImmunofixation', 0], ['urineImmunofixation', 0], ['marrowPlasmaCells', 3]]));
  });

  it.each([
    ['No monoclonal protein detected', 'negative'],
    ['No monoclonal protein identified.', 'negative'],
    ['Negative for monoclonal protein', 'negative'],
    ['Negative. No monoclonal band seen.', 'negative'],
    ['No M-protein', 'negative'],
    ['There is no monoclonal protein', 'negative'],
    ['Monoclonal protein not identified', 'negative'],
    ['IgG kappa not seen', 'negative'],
    ['No free kappa or lambda light chain detected', 'negative'],
    ['No IgG, IgA, IgM, kappa or lambda monoclonal bands detected', 'negative'],
    ['IFE: NEGATIVE', 'negative'],
    ['IgG kappa monoclonal protein detected', 'positive'],
    ['IgG kappa monoclonal protein identified', 'positive'],
    ['Faint IgA-lambda band', 'positive'],
    ['IgGκ', 'positive'],
    ['IgG-K band; SPEP negative', 'positive'],
    ['Free kappa light chain present', 'positive'],
    ['Monoclonal protein present in gamma region', 'positive'],
    ['Negative for heavy chains; monoclonal lambda light chain band present', 'positive'],
    ['Biclonal gammopathy: IgG kappa and IgA lambda', 'positive'],
    ['Monoclonal protein: detected', 'positive'],
    // A negative word about something else next to a finding: never negative.
    ['Persistent monoclonal band. No new bands detected.', null],
    ['SPEP: no M-spike detected. IFE: faint monoclonal band in gamma region.', null],
    ['Electrophoresis negative; immunofixation shows a faint monoclonal IgG band', null],
    ['M-protein not detected by SPEP; IFE demonstrates monoclonal IgG', null],
    ['Negative for monoclonal protein except faint IgG kappa band', null],
    ['Immunofixation with antisera against IgG, IgA, IgM, kappa and lambda: no monoclonal protein detected', null],
    // What depends on an earlier study or on a therapy: reported.
    ['IgG kappa, no longer detected', null],
    ['The IgG kappa band seen previously has resolved', null],
    ['IgG kappa band co-migrating with daratumumab', null],
    ['Oligoclonal pattern', null],
    ['No evidence of a monoclonal protein; polyclonal pattern', null],
    ['Electrophoresis negative', null],
    ['See comment', null],
  ])('reads the written result %j as %s (or reports it)', (text, expected) => {
    const m = one(obs('t', '49275-1', { valueString: text }));
    expect(m.events.find((e) => e.type === 'lab')?.data.result ?? null).toBe(expected);
    expect(m.unmapped.map((u) => u.reason)).toEqual(expected === null ? [`serumImmunofixation without a result read as positive or negative (none, both, or neither: ${JSON.stringify(text)})`] : []);
  });

  it('reports a code its text contradicts, reads codes of SNOMED CT and LOINC only, and sets aside results of one day that disagree', () => {
    const m = one(
      obs('contradicted', '25700-6', { effectiveDateTime: '2024-01-01', valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA6577-6' }], text: 'IgG kappa detected' } }),
      obs('local', '13440-3', { effectiveDateTime: '2024-01-01', valueCodeableConcept: { coding: [{ system: 'urn:local', code: '10828004', display: 'Negative' }] } }),
      obs('coded', '25700-6', { effectiveDateTime: '2024-02-01', valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA6576-8' }], text: 'see report' } }),
      obs('narrative', '49275-1', { effectiveDateTime: '2024-02-01', valueString: 'No monoclonal protein detected' }),
      obs('urine', '13440-3', { effectiveDateTime: '2024-02-01', valueString: 'No Bence Jones protein detected' }),
      obs('absent', '13440-3', { effectiveDateTime: '2024-03-01', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '2667000', display: 'Absent' }] } }),
      obs('unknown', '13440-3', { status: 'unknown', valueString: 'negative' }),
    );
    // The local code's display is read as text; the code itself is not taken for SNOMED CT's "positive".
    expect(m.events.filter((e) => e.type === 'lab').map((e) => [e.eventId, e.data.result])).toEqual([
      ['Observation/local', 'negative'],
      ['Observation/urine', 'negative'],
      ['Observation/absent', 'negative'],
    ]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['contradicted', 'serumImmunofixation without a result read as positive or negative (none, both, or neither: "IgG kappa detected")'],
      ['unknown', 'urineImmunofixation with status unknown: no final result'],
      ['coded', 'serumImmunofixation results of that day disagree (positive and negative): set aside'],
      ['narrative', 'serumImmunofixation results of that day disagree (positive and negative): set aside'],
    ]);
  });

  it('takes a coded answer or, with no value, the interpretation; reports a result not yet final and a quantity in place of a result', () => {
    const m = one(
      obs('present', '25700-6', { effectiveDateTime: '2024-01-01', valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9633-4', display: 'Present' }] } }),
      obs('flag', '13440-3', { effectiveDateTime: '2024-02-01', interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'POS' }] }] }),
      obs('prelim', '25700-6', { status: 'preliminary', valueString: 'negative' }),
      obs('qty', '25700-6', { valueQuantity: { value: 0.2, unit: 'g/dL' } }),
    );
    expect(m.events.filter((e) => e.type === 'lab').map((e) => [e.eventId, e.data.result])).toEqual([
      ['Observation/present', 'positive'],
      ['Observation/flag', 'positive'],
    ]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['prelim', 'serumImmunofixation with status preliminary: no final result'],
      ['qty', 'serumImmunofixation without a result read as positive or negative (none, both, or neither: null)'],
    ]);
  });
});

describe('cytogenetics as HL7 Genomics Reporting gives them (LOINC 69548-6 with its Variant ISCN, 81291-7)', () => {
  const LOINC = SYSTEMS.loinc;
  const variant = (id: string, iscn: string | null, value: string | null, extra: Record<string, unknown> = {}) => ({
    resource: {
      resourceType: 'Observation' as const,
      id,
      status: 'final' as const,
      code: { coding: [{ system: LOINC, code: '69548-6' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2024-03-01',
      ...(value ? { valueCodeableConcept: { coding: [{ system: LOINC, code: value }] } } : {}),
      ...(iscn ? { component: [{ code: { coding: [{ system: LOINC, code: '81291-7' }] }, valueCodeableConcept: { coding: [{ system: 'https://iscn.karger.com', code: iscn }] } }] } : {}),
      ...extra,
    },
  });
  const patient = { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02' } };
  const one = (...entry: Array<{ resource: object }>) => mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...entry] } as Parameters<typeof mapFhirBundle>[0]);

  it('become cytogenetics events the profile reads (found or not, with the share of nuclei and copy number)', () => {
    const m = one(
      variant('del17p', 'nuc ish(TP53x1,D17Z1x2)[68/200]', 'LA9633-4'),
      variant('t414', 'nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[150/200]', 'LA9633-4'),
      variant('1q', 'nuc ish 1q21(CKS1Bx4)[100/200]', null),
      variant('t1114', 'nuc ish(CCND1,IGH)x2[200]', 'LA9634-2'),
      variant('snomed', 'nuc ish(CDKN2Cx1)[80/200]', null, { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '52101004', display: 'Present' }] } }),
    );
    expect(m.unmapped).toEqual([]);
    expect(m.events.filter((e) => e.type === 'cytogenetics').map((e) => [e.eventId, e.data])).toEqual([
      ['Observation/del17p#del(17p)', { abnormality: 'del(17p)', result: 'detected', percentCells: 34 }],
      ['Observation/t414#t(4;14)', { abnormality: 't(4;14)', result: 'detected', percentCells: 75 }],
      ['Observation/1q#gain(1q)', { abnormality: 'gain(1q)', result: 'detected', percentCells: 50, copyNumber: 4 }],
      ['Observation/1q#amp(1q)', { abnormality: 'amp(1q)', result: 'detected', percentCells: 50, copyNumber: 4 }],
      ['Observation/t1114#t(11;14)', { abnormality: 't(11;14)', result: 'not-detected' }],
      ['Observation/snomed#del(1p32)', { abnormality: 'del(1p32)', result: 'detected', percentCells: 40, copyNumber: 1 }],
    ]);
    const risk = buildProfile(m.events, '2024-04-01').cytogenetics;
    expect(risk.highRiskRiss).toBe(true);
    expect(risk.t11_14).toBe(false);
    expect(risk.abnormalities.find((a) => a.abnormality === 'amp(1q)')).toMatchObject({ detected: true, copyNumber: 4 });
  });

  it('reports a value its ISCN contradicts or that says neither, an assessment without ISCN or with two, an ISCN not read or naming nothing the profile reads, and one not final', () => {
    const m = one(
      variant('contradicted', 'nuc ish(TP53x1)[90/200]', 'LA9634-2'),
      variant('none', null, 'LA9633-4'),
      variant('cml', 't(9;22)(q34;q11.2)', 'LA9633-4'),
      variant('prelim', 'nuc ish(TP53x1)[90/200]', 'LA9633-4', { status: 'preliminary' }),
      variant('unread', 'nuc ish(TP53x2,D17Z1x3)[60/200]', 'LA9634-2'),
      variant('maybe', 'nuc ish(TP53x1)[90/200]', null, { valueString: 'suspected' }),
      variant('two', null, 'LA9633-4', {
        component: ['nuc ish(TP53x1)[90/200]', 'nuc ish(CKS1Bx3)[90/200]'].map((code) => ({ code: { coding: [{ system: LOINC, code: '81291-7' }] }, valueString: code })),
      }),
    );
    expect(m.events.filter((e) => e.type === 'cytogenetics')).toEqual([]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['contradicted', 'the value (absent) and the ISCN (nuc ish(TP53x1)[90/200]) disagree'],
      ['none', 'genetic variant assessment without its Variant ISCN (component LOINC 81291-7): which abnormality is not said'],
      ['cml', 'ISCN names none of the abnormalities the profile reads (t(9;22)(q34;q11.2))'],
      ['prelim', 'genetic variant assessment with status preliminary: no final result'],
      ['unread', 'ISCN not read: TP53 at two copies beside more of chromosome 17 (a relative loss) (nuc ish(TP53x2,D17Z1x3)[60/200])'],
      ['maybe', 'the value (suspected) is neither present nor absent'],
      ['two', 'genetic variant assessment with 2 Variant ISCN components: which the value is about is not said'],
    ]);
  });
});

describe('MRD observations (LOINC 98847-0 or 93021-4; method and sensitivity as components or method)', () => {
  const mrd = (id: string, extra: Record<string, unknown>) => ({
    resource: { resourceType: 'Observation' as const, id, status: 'final' as const, code: { coding: [{ system: SYSTEMS.loinc, code: '98847-0' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-06-01', ...extra },
  });
  const sensitivity = (v: Record<string, unknown>) => ({ code: { text: 'Sensitivity' }, ...v });
  const bundle = {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    entry: [
      { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02' } },
      mrd('a', { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009' }] }, method: { text: 'next-generation sequencing (clonoSEQ)' }, component: [sensitivity({ valueQuantity: { value: 0.000001 } })] }),
      mrd('b', { effectiveDateTime: '2024-03-01', valueString: 'MRD not detected', component: [{ code: { text: 'Method' }, valueString: 'EuroFlow NGF' }, sensitivity({ valueString: '10^-5' })] }),
      mrd('c', { effectiveDateTime: '2024-01-01', valueCodeableConcept: { text: 'Positive' }, component: [sensitivity({ valueString: '1 in 100,000' })] }),
      mrd('d', { valueString: 'see report' }),
    ],
  };

  it('become mrd events with result, method and sensitivity; an unreadable result is reported', () => {
    const m = mapFhirBundle(bundle);
    const data = Object.fromEntries(m.events.filter((e) => e.type === 'mrd').map((e) => [e.eventId, e.data]));
    expect(data).toEqual({
      'Observation/a': { result: 'negative', method: 'NGS', sensitivity: 0.000001 },
      'Observation/b': { result: 'negative', method: 'NGF', sensitivity: 0.00001 },
      'Observation/c': { result: 'positive', method: 'other', sensitivity: 0.00001 },
    });
    expect(m.unmapped).toEqual([{ resourceType: 'Observation', id: 'd', reason: 'MRD without a result read as negative or positive (none, or both)', patientId: expect.any(String) }]);
    expect(buildProfile(m.events, '2024-07-01').disease.mrd.latest).toMatchObject({ result: 'negative', method: 'NGS' });
  });

  it.each([
    [{ valueString: '0.001%' }, 0.00001],
    [{ valueString: '1x10^-5' }, 0.00001],
    [{ valueString: '1 × 10−6' }, 0.000001],
    [{ valueString: '10E-6' }, 0.000001],
    [{ valueQuantity: { value: 0.0001, code: '%' } }, 0.000001],
    [{ valueString: '5' }, undefined],
    [{ valueString: '<1e-5' }, 0.00001],
    [{ valueString: '10⁻⁵' }, 0.00001],
    [{ valueString: '1 in 10^5' }, 0.00001],
    [{ valueString: '10^-5 (1 in 100,000)' }, 0.00001],
    [{ valueQuantity: { value: 0.001, unit: 'percent' } }, 0.00001],
    [{ valueQuantity: { value: 5, unit: 'log' } }, undefined],
    [{ valueString: '2x10^-6' }, 0.000002],
    [{ valueString: '2.5 × 10⁻⁶' }, 0.0000025],
    [{ valueString: '3*10^-5' }, 0.00003],
    [{ valueString: '20x10^-1' }, undefined],
  ])('reads the sensitivity %j as %s', (value, expected) => {
    const one = { resourceType: 'Bundle' as const, type: 'collection' as const, entry: [bundle.entry[0]!, mrd('s', { valueString: 'negative', component: [sensitivity(value)] })] };
    expect(mapFhirBundle(one).events.find((e) => e.type === 'mrd')!.data.sensitivity).toBe(expected);
  });

  it.each([
    ['No MRD detected', 'negative'],
    ['None detected', 'negative'],
    ['No clonal plasma cells detected', 'negative'],
    ['not positive', 'negative'],
    ['Not negative', 'positive'],
    ['MRD positive (previously negative)', null],
    ['Negative by NGS; positive by NGF', null],
  ])('reads the written result %j as %s (or reports it)', (text, expected) => {
    const one = { resourceType: 'Bundle' as const, type: 'collection' as const, entry: [bundle.entry[0]!, mrd('t', { valueString: text })] };
    const m = mapFhirBundle(one);
    expect(m.events.find((e) => e.type === 'mrd')?.data.result ?? null).toBe(expected);
    expect(m.unmapped.length).toBe(expected === null ? 1 : 0);
  });

  it('reports conflicting coded answers, a status with no final result, and a sensitivity it cannot read; a "method sensitivity" component is not the method', () => {
    const one = {
      resourceType: 'Bundle' as const,
      type: 'collection' as const,
      entry: [
        bundle.entry[0]!,
        mrd('both', { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '10828004' }, { system: SYSTEMS.loinc, code: 'LA6577-6' }] } }),
        mrd('reg', { status: 'registered', valueString: 'negative' }),
        mrd('m', { effectiveDateTime: '2024-05-01', valueString: 'negative', component: [{ code: { text: 'Method sensitivity' }, valueString: '10^-5' }, { code: { text: 'Method' }, valueString: 'NGS' }] }),
        mrd('s', { effectiveDateTime: '2024-04-01', valueString: 'negative', component: [sensitivity({ valueString: 'high' })] }),
      ],
    };
    const m = mapFhirBundle(one);
    expect(m.events.filter((e) => e.type === 'mrd').map((e) => [e.eventId, e.data])).toEqual([
      ['Observation/m', { result: 'negative', method: 'NGS', sensitivity: 0.00001 }],
      ['Observation/s', { result: 'negative', method: 'other' }],
    ]);
    expect(m.unmapped.map((u) => u.id)).toEqual(['both', 'reg', 's']);
  });

  it('reads the interpretation (POS/DET, NEG/ND) when there is no value; a value it contradicts, or two that disagree, are reported', () => {
    const interpretation = (...codes: string[]) => ({ interpretation: [{ coding: codes.map((code) => ({ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code })) }] });
    const one = {
      resourceType: 'Bundle' as const,
      type: 'collection' as const,
      entry: [
        bundle.entry[0]!,
        mrd('nd', { effectiveDateTime: '2024-01-01', ...interpretation('ND') }),
        mrd('pos', { effectiveDateTime: '2024-02-01', ...interpretation('POS') }),
        mrd('agree', { effectiveDateTime: '2024-03-01', valueString: 'negative', ...interpretation('NEG') }),
        mrd('high', { effectiveDateTime: '2024-04-01', valueString: 'positive', ...interpretation('H') }),
        mrd('contradicts', { valueString: 'not detected', ...interpretation('POS') }),
        mrd('two', { ...interpretation('NEG', 'DET') }),
        mrd('unreadable', { valueString: 'see report', ...interpretation('NEG') }),
        // A code that names a built-in member of a JavaScript object says nothing of MRD.
        mrd('member', { effectiveDateTime: '2024-05-01', valueString: 'negative', ...interpretation('toString') }),
        mrd('member-only', { ...interpretation('constructor') }),
      ],
    };
    const m = mapFhirBundle(one);
    expect(m.events.filter((e) => e.type === 'mrd').map((e) => [e.eventId, e.data.result])).toEqual([
      ['Observation/nd', 'negative'],
      ['Observation/pos', 'positive'],
      ['Observation/agree', 'negative'],
      ['Observation/high', 'positive'],
      ['Observation/member', 'negative'],
    ]);
    expect(m.unmapped.map((u) => u.id)).toEqual(['contradicts', 'two', 'unreadable', 'member-only']);
  });
});

describe('FHIR edges a review found', () => {
  const patient = { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02', gender: 'female' as const } };
  const bundle = (...entry: Array<{ resource: object }>) => ({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...entry] }) as Parameters<typeof mapFhirBundle>[0];
  const ecog = (id: string, value: Record<string, unknown>) => ({
    resource: { resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: SYSTEMS.loinc, code: '89247-1' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-06-01', ...value },
  });

  it('reads ECOG only as one score from 0 to 5: not 7, not a range written as text, not a code its text contradicts', () => {
    const m = mapFhirBundle(
      bundle(
        ecog('e1', { valueInteger: 7 }),
        ecog('e2', { valueCodeableConcept: { text: '1-2' } }),
        ecog('e3', { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9624-3', display: '1 - Restricted in physically strenuous activity' }] } }),
        ecog('e4', { valueCodeableConcept: { text: '2 - Ambulatory and capable of all selfcare' } }),
      ),
    );
    expect(m.events.filter((e) => e.type === 'performance-status').map((e) => [e.eventId, e.data.ecog])).toEqual([['Observation/e4', 2]]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['e1', 'ECOG 7 is not a score from 0 to 5'],
      ['e2', 'ECOG without a score from 0 to 5'],
      ['e3', 'ECOG answer LA9624-3 is 2, its text says 1 - Restricted in physically strenuous activity'],
    ]);
  });

  it('compares an ECOG answer code with a display in LOINC’s own wording or written "ECOG n", and reads such a text without a code', () => {
    const m = mapFhirBundle(
      bundle(
        ecog('w1', { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9624-3', display: 'Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature' }] } }),
        ecog('w2', { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9624-3', display: 'ECOG 1 - restricted activity' }] } }),
        ecog('w3', { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: 'LA9624-3', display: 'Ambulatory and capable of all selfcare but unable to carry out any work activities' }] } }),
        ecog('w4', { valueCodeableConcept: { text: 'ECOG PS: 3' } }),
        ecog('w5', { valueString: 'Capable of only limited selfcare, confined to bed or chair more than 50% of waking hours' }),
      ),
    );
    expect(m.events.filter((e) => e.type === 'performance-status').map((e) => [e.eventId, e.data.ecog])).toEqual([['Observation/w3', 2], ['Observation/w4', 3], ['Observation/w5', 3]]);
    expect(m.unmapped.map((u) => u.id)).toEqual(['w1', 'w2']);
  });

  it('reads a transplant its text or a note calls the second of a tandem as a planned tandem: one line with the first', () => {
    const asct = (id: string, date: string, extra: object = {}) => ({ resource: { resourceType: 'Procedure', id, status: 'completed', subject: { reference: 'Patient/p1' }, code: { text: 'Autologous hematopoietic stem cell transplant' }, performedDateTime: date, ...extra } });
    const induction = { resource: { resourceType: 'MedicationStatement', id: 'm1', status: 'completed', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Isa-KRd' }, effectivePeriod: { start: '2023-01-02', end: '2023-05-01' } } };
    const tandem = mapFhirBundle(bundle(induction, asct('t1', '2023-06-14'), asct('t2', '2023-09-20', { code: { text: 'Autologous hematopoietic stem cell transplant (second transplant of planned tandem)' } })));
    expect(tandem.events.filter((e) => e.type === 'procedure').map((e) => e.data.plannedTandem ?? false)).toEqual([false, true]);
    expect(buildProfile(tandem.events, '2024-01-01').linesOfTherapy.count).toBe(1);
    const noted = mapFhirBundle(bundle(induction, asct('t1', '2023-06-14'), asct('t2', '2023-09-20', { note: [{ text: 'Tandem ASCT as planned at diagnosis' }] })));
    expect(buildProfile(noted.events, '2024-01-01').linesOfTherapy.count).toBe(1);
    const salvage = mapFhirBundle(bundle(induction, asct('t1', '2023-06-14'), asct('t2', '2023-09-20', { note: [{ text: 'not a planned tandem: salvage' }] })));
    expect(buildProfile(salvage.events, '2024-01-01').linesOfTherapy.count).toBe(2);
  });

  it('files nothing by a reference it cannot resolve: a urn:uuid naming no entry, a subject given by an identifier the Patient does not carry', () => {
    const hb = (id: string, subject: object) => ({ resource: { resourceType: 'Observation', id, status: 'final', subject, code: { coding: [{ system: SYSTEMS.loinc, code: '718-7' }] }, valueQuantity: { value: 10, unit: 'g/dL' }, effectiveDateTime: '2025-05-01' } });
    const withMrn = { resource: { ...patient.resource, identifier: [{ system: 'urn:mrn', value: 'MRN-1' }] } };
    const m = mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [withMrn, hb('h1', { reference: 'urn:uuid:0b6c1c3e-0000-4000-8000-000000000001' }), hb('h2', { identifier: { system: 'urn:mrn', value: 'MRN-2' } }), hb('h3', { identifier: { system: 'urn:mrn', value: 'MRN-1' } })] } as Parameters<typeof mapFhirBundle>[0]);
    expect(m.events.filter((e) => e.type === 'lab').map((e) => [e.eventId, e.patientId])).toEqual([['Observation/h3', 'p1']]);
    expect(m.unmapped.map((u) => [u.id, u.reason, u.patientId ?? null])).toEqual([
      ['h1', 'patient reference not understood (urn:uuid:0b6c1c3e-0000-4000-8000-000000000001)', null],
      ['h2', 'subject given only by an identifier that is not the Bundle’s Patient’s (send a reference)', null],
    ]);
    expect(JSON.stringify(m.unmapped)).not.toContain('MRN-2');
  });

  it('reads a resource sent twice in one Bundle once, and reports a second copy that says something else', () => {
    const sct = (date: string) => ({ resource: { resourceType: 'Procedure', id: 'pr1', status: 'completed', code: { text: 'Autologous stem cell transplant' }, subject: { reference: 'Patient/p1' }, performedDateTime: date } });
    const same = mapFhirBundle(bundle(sct('2023-01-10'), sct('2023-01-10')));
    expect([same.events.filter((e) => e.eventId === 'Procedure/pr1').length, same.unmapped]).toEqual([1, []]);
    expect(buildProfile(same.events, '2024-01-01').transplants).toHaveLength(1);
    const differ = mapFhirBundle(bundle(sct('2023-01-10'), sct('2023-02-10')));
    expect(differ.events.filter((e) => e.eventId === 'Procedure/pr1').map((e) => e.occurredAt)).toEqual(['2023-01-10']);
    expect(differ.unmapped).toEqual([{ resourceType: 'Procedure', id: 'pr1', reason: 'Procedure/pr1 is in the Bundle twice, saying different things: the first is read', patientId: 'p1' }]);
  });

  it('keeps the sex of a Patient whose birth date is only a year (the date reported)', () => {
    const m = mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p2', birthDate: '1955', gender: 'male' } }] });
    expect(m.events).toEqual([expect.objectContaining({ eventId: 'Patient/p2', occurredAt: '1955-12-31', data: { sex: 'male' } })]);
    expect(m.unmapped.map((u) => u.reason)).toEqual(['birthDate 1955 is not precise to the day (an age would be a guess)']);
  });

  it('reads only ICD-10-CM E85.81 as AL amyloidosis; other amyloidoses, or of a type not given, are reported', () => {
    const condition = (id: string, system: string, code: string) => ({ resource: { resourceType: 'Condition', id, code: { coding: [{ system, code }] }, subject: { reference: 'Patient/p1' }, onsetDateTime: '2022-01-01' } });
    const m = mapFhirBundle(bundle(condition('a1', 'http://hl7.org/fhir/sid/icd-10-cm', 'E85.81'), condition('a2', 'http://hl7.org/fhir/sid/icd-10-cm', 'E85.82'), condition('a3', 'http://hl7.org/fhir/sid/icd-10', 'E85.8')));
    expect(m.events.filter((e) => e.type === 'condition').map((e) => [e.eventId, e.data.kind])).toEqual([['Condition/a1', 'al-amyloidosis']]);
    expect(m.unmapped.map((u) => [u.id, u.reason])).toEqual([
      ['a2', 'amyloidosis E85.82 is not AL amyloidosis (ICD-10-CM E85.81), or does not say which type'],
      ['a3', 'amyloidosis E85.8 is not AL amyloidosis (ICD-10-CM E85.81), or does not say which type'],
    ]);
  });

  it('reads an infusion of a CAR-T product named without the word CAR-T as a CAR-T infusion', () => {
    const m = mapFhirBundle(bundle({ resource: { resourceType: 'Procedure', id: 'ct1', status: 'completed', code: { text: 'Infusion of idecabtagene vicleucel (Abecma)' }, subject: { reference: 'Patient/p1' }, performedDateTime: '2024-03-01' } }));
    expect(m.events.find((e) => e.eventId === 'Procedure/ct1')).toMatchObject({ data: { kind: 'car-t-infusion' } });
    expect(buildProfile(m.events, '2024-06-01').flags.priorBcmaCarT).toBe(true);
  });

  it('converts haemoglobin in mmol/L (the monomer, 16,114.5 g/mol): 6.2 mmol/L is 9.99 g/dL', () => {
    const m = mapFhirBundle(bundle({ resource: { resourceType: 'Observation', id: 'hb', status: 'final', code: { coding: [{ system: SYSTEMS.loinc, code: '718-7' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: '2024-06-01', valueQuantity: { value: 6.2, system: 'http://unitsofmeasure.org', code: 'mmol/L' } } }));
    expect(buildProfile(m.events, '2024-06-10').labs.hemoglobin?.value).toBeCloseTo(9.991, 3);
  });
});

describe('resources of the wrong shape, and dates and ids the event contract refuses: reported, never a failed Bundle', () => {
  const patient = { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female' } };
  const map = (...entry: object[]) => mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...entry] } as unknown as Parameters<typeof mapFhirBundle>[0]);

  it('reports a resource whose parts have the wrong type, and maps the rest', () => {
    const m = map(
      { resource: { resourceType: 'Observation', id: 'bad1', subject: { reference: 'Patient/p1' }, code: { coding: { system: SYSTEMS.loinc, code: '718-7' } } } },
      { resource: { resourceType: 'Observation', id: 'bad2', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: SYSTEMS.loinc, code: '98847-0' }] }, component: [{}] } },
      { resource: { resourceType: 'Condition', id: 'bad3', subject: { reference: 42 }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C90.00' }] }, onsetDateTime: '2020-01-01' } },
      { resource: { resourceType: 'BodyStructure', id: 'bad4', morphology: { coding: 'plasmacytoma' } } },
      { resource: { resourceType: 'Procedure', id: 'ok', status: 'completed', code: { text: 'Autologous stem cell transplant' }, subject: { reference: 'Patient/p1' }, performedDateTime: '2021-01-10' } },
    );
    expect(m.events.map((e) => e.eventId)).toEqual(['Patient/p1', 'Procedure/ok']);
    expect(m.unmapped.map((u) => u.id)).toEqual(['bad1', 'bad2', 'bad3', 'bad4']);
    expect(m.unmapped.slice(0, 3).every((u) => u.reason.startsWith('not a well-formed'))).toBe(true);
  });

  it('reads a medication end given as a year by its last day, and reports invalid days, date-times without a zone and over-long ids', () => {
    const med = (id: string, period: object, extra: object = {}) => ({ resource: { resourceType: 'MedicationStatement', id, status: 'completed', medicationCodeableConcept: { text: 'lenalidomide' }, subject: { reference: 'Patient/p1' }, effectivePeriod: period, ...extra } });
    const m = map(
      med('m1', { start: '2018-01-01', end: '2020' }),
      med('m2', { start: '2021-02-29' }),
      med('m3', { start: '2021-03-01T10:00:00' }),
      med('x'.repeat(130), { start: '2021-03-01' }),
      med('m5', { start: '2021-03-01' }, { medicationCodeableConcept: { coding: [{ system: SYSTEMS.rxnorm, code: '12 34' }] } }),
    );
    expect(m.events.find((e) => e.eventId === 'MedicationStatement/m1')?.data).toMatchObject({ start: '2018-01-01', end: '2020-12-31' });
    expect(m.unmapped.map((u) => u.reason)).toEqual([
      'date 2021-02-29 is not a valid FHIR date or dateTime (a calendar day; a time with its time zone)',
      'date 2021-03-01T10:00:00 is not a valid FHIR date or dateTime (a calendar day; a time with its time zone)',
      expect.stringMatching(/would be longer than 128 characters$/),
      'medication code 12 34 is not an RxNorm code (digits), and there is no text',
    ]);
  });

  it('reports a gender outside the FHIR value set and keeps a valid birth date', () => {
    const m = mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p9', birthDate: '1960-05-01', gender: 'M' } }] } as unknown as Parameters<typeof mapFhirBundle>[0]);
    expect(m.events).toEqual([expect.objectContaining({ data: { birthDate: '1960-05-01' } })]);
    expect(m.unmapped.map((u) => u.reason)).toEqual(['gender M is not one of male, female, other, unknown']);
  });
});

describe('a medication end given as a month', () => {
  it('is the month\'s last day whether or not it is past (a profile of a day before reads the course as ongoing until then)', () => {
    const m = mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [
      null,
      { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02' } },
      { resource: { resourceType: 'MedicationStatement', id: 'm1', status: 'completed', medicationCodeableConcept: { text: 'Revlimid' }, subject: { reference: 'Patient/p1' }, effectivePeriod: { start: '2099-06-01', end: '2099-12' } } },
    ] } as unknown as Parameters<typeof mapFhirBundle>[0]);
    expect(m.events.find((e) => e.eventId === 'MedicationStatement/m1')?.data).toMatchObject({ start: '2099-06-01', end: '2099-12-31' });
  });
});
