/**
 * fhir34 — FHIR R4 bundles as a hospital would send them, mapped and derived into the profile.
 * Expectations written from shared/design/domain.md, docs/fhir-mapping.md and docs/clinical-core.md before reading
 * the implementation. Scratch review file; not committed.
 */
import { mapFhirBundle } from '../../fhir/map-bundle';
import { buildProfile } from '../../patient/profile';
import { med } from '../../testing/events';
import { AS_OF, UCUM, LOINC, SNOMED, RX, subject, q, obs, medText, ms, spep, upep, fhirKit, type M, type P } from './fhir34-kit';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female' };
const { bundleOf, map, prof, P_, unm, labOf } = fhirKit(PATIENT);

const anyUnm = (m: M, p: P, id: string) => !!unm(m, id) || JSON.stringify(p.unmapped).includes(id);

const near = (actual: number | undefined, expected: number, digits = 4) => { expect(actual).toBeDefined(); expect(actual!).toBeCloseTo(expected, digits); };

const medCode = (code: string, text?: string) => ({ medicationCodeableConcept: { coding: [{ system: RX, code }], ...(text ? { text } : {}) } });
const proc = (id: string, text: string, date: string, status = 'completed', extra: object = {}) => ({ resourceType: 'Procedure', id, status, subject, code: { text }, performedDateTime: date, ...extra });
const kap = (id: string, date: string, v: number, unit = 'mg/L') => obs(id, '36916-5', q(v, unit), date);
const lam = (id: string, date: string, v: number, unit = 'mg/L') => obs(id, '33944-0', q(v, unit), date);
const series = (pref: string, pts: Array<[string, number]>, f = spep) => pts.map(([d, v], i) => f(`${pref}${i}`, d, v));
const snomedCC = (code: string, display?: string) => ({ coding: [{ system: SNOMED, code, ...(display ? { display } : {}) }] });

// =================================================================================================================
describe('labs: LOINC codes of domain.md, usual and other units (§8; LOINC table; fhir-mapping Observation)', () => {
  it('L01 33358-3 15 g/L → 1.5 g/dL [§8 M-protein g/dL vs g/L]', () => near(labOf('serumMProtein', obs('a', '33358-3', q(15, 'g/L')))?.value, 1.5));
  it('L02 33358-3 1200 mg/dL → 1.2 g/dL [§8]', () => near(labOf('serumMProtein', obs('a', '33358-3', q(1200, 'mg/dL')))?.value, 1.2));
  it('L03 42482-0 0.35 g/24h → 350 mg/24h [§8 urine mg/24 h]', () => near(labOf('urineMProtein', obs('a', '42482-0', q(0.35, 'g/(24.h)', 'g/24h')))?.value, 350));
  it('L04 42482-0 in mg/12h → not read (reported), never scaled [§8 urine in mg/24 h only]', () => {
    const m = map(obs('a', '42482-0', q(100, 'mg/(12.h)', 'mg/12h')));
    const p = prof(m);
    expect(p.labs.urineMProtein).toBeUndefined();
    expect(anyUnm(m, p, 'a')).toBe(true);
  });
  it('L05 36916-5 2.5 mg/dL → 25 mg/L [§4 mg/L = 10 × mg/dL]', () => near(labOf('freeKappa', obs('a', '36916-5', q(2.5, 'mg/dL')))?.value, 25));
  it('L06 33944-0 12 mg/L → 12 mg/L', () => near(labOf('freeLambda', obs('a', '33944-0', q(12, 'mg/L')))?.value, 12));
  it('L07 48378-4 ratio 3.2 (UCUM "1") → 3.2', () => near(labOf('flcRatio', obs('a', '48378-4', q(3.2, '1', '{ratio}')))?.value, 3.2));
  it('L08 2160-0 176.8 umol/L → 2.0 mg/dL [§7 SCr mg/dL = µmol/L / 88.4]', () => near(labOf('creatinine', obs('a', '2160-0', q(176.8, 'umol/L')))?.value, 2.0, 6));
  it('L09 2160-0 unit "µmol/L" only (no code) → 2.0 mg/dL', () => near(labOf('creatinine', obs('a', '2160-0', { valueQuantity: { value: 176.8, unit: 'µmol/L' } }))?.value, 2.0, 6));
  it('L10 751-8 1.5 10*3/uL → 1.5 ×10^9/L [§7 ANC]', () => near(labOf('anc', obs('a', '751-8', q(1.5, '10*3/uL')))?.value, 1.5));
  it('L11 751-8 1500 /uL → 1.5 ×10^9/L', () => near(labOf('anc', obs('a', '751-8', q(1500, '/uL')))?.value, 1.5));
  it('L12 777-3 75 10*3/uL → 75 ×10^9/L [§7 platelets]', () => near(labOf('platelets', obs('a', '777-3', q(75, '10*3/uL')))?.value, 75));
  it('L13 777-3 75000 /uL → 75 ×10^9/L', () => near(labOf('platelets', obs('a', '777-3', q(75000, '/uL')))?.value, 75));
  it('L14 777-3 unit "K/uL" only → 75', () => near(labOf('platelets', obs('a', '777-3', { valueQuantity: { value: 75, unit: 'K/uL' } }))?.value, 75));
  it('L15 718-7 80 g/L → 8.0 g/dL [§7 Hb]', () => near(labOf('hemoglobin', obs('a', '718-7', q(80, 'g/L')))?.value, 8.0));
  it('L16 718-7 6.2 mmol/L → 9.99 g/dL [fhir-mapping Hb mmol/L]', () => near(labOf('hemoglobin', obs('a', '718-7', q(6.2, 'mmol/L')))?.value, 9.991, 2));
  it('L17 718-7 valueQuantity comparator "<" → not read, reported [fhir-mapping comparator]', () => {
    const m = map(obs('a', '718-7', q(8, 'g/dL', undefined, { comparator: '<' })));
    const p = prof(m);
    expect(p.labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, p, 'a')).toBe(true);
  });
  it('L18 value without a unit → not read, reported', () => {
    const m = map(obs('a', '718-7', { valueQuantity: { value: 9 } }));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L19 status entered-in-error → no value, reported', () => {
    const m = map(obs('a', '718-7', q(9, 'g/dL'), '2025-05-01', 'entered-in-error'));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
  });
  it('L20 status cancelled → reported', () => {
    const m = map(obs('a', '718-7', q(9, 'g/dL'), '2025-05-01', 'cancelled'));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L21 status preliminary alone → value read', () => near(labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL'), '2025-05-01', 'preliminary'))?.value, 9));
  it('L22 preliminary 9 then final 10 (same id) → 10', () => near(labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL'), '2025-05-01', 'preliminary'), obs('a', '718-7', q(10, 'g/dL'), '2025-05-01', 'final'))?.value, 10));
  it('L23 final 9 then amended 10 (same id, lastUpdated) → 10 [fhir-mapping corrections]', () =>
    near(labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL')), { ...obs('a', '718-7', q(10, 'g/dL'), '2025-05-01', 'amended'), meta: { lastUpdated: '2025-05-03T10:00:00Z' } })?.value, 10));
  it('L24 final 9 then entered-in-error (same id) → no value [fhir-mapping corrections]', () =>
    expect(labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL')), { ...obs('a', '718-7', q(9, 'g/dL'), '2025-05-01', 'entered-in-error'), meta: { lastUpdated: '2025-05-03T10:00:00Z' } })).toBeUndefined());
  it('L25 meta.versionId 1 = 9, versionId 2 = 11 → 11', () =>
    near(labOf('hemoglobin', { ...obs('a', '718-7', q(9, 'g/dL')), meta: { versionId: '1' } }, { ...obs('a', '718-7', q(11, 'g/dL')), meta: { versionId: '2' } })?.value, 11));
  it('L26 effectiveDateTime 2025-05-31T23:30-05:00 → dated 2025-05-31 (day written) [clinical-core ordering]', () =>
    expect(labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL'), '2025-05-31T23:30:00-05:00'))?.date).toBe('2025-05-31'));
  it('L27 05-20T23:30-05:00 (9) vs untimed 05-21 (10) → latest is 05-21 10', () => {
    const l = labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL'), '2025-05-20T23:30:00-05:00'), obs('b', '718-7', q(10, 'g/dL'), '2025-05-21'));
    expect([l?.date, l?.value]).toEqual(['2025-05-21', 10]);
  });
  it('L28 05-21T01:00+09:00 (11) vs 05-20T20:00Z (9) → latest is the one written 05-21', () => {
    const l = labOf('hemoglobin', obs('a', '718-7', q(11, 'g/dL'), '2025-05-21T01:00:00+09:00'), obs('b', '718-7', q(9, 'g/dL'), '2025-05-20T20:00:00Z'));
    expect([l?.date, l?.value]).toEqual(['2025-05-21', 11]);
  });
  it('L29 same day, 08:00Z (9) and 16:00Z (10) → the later time, 10', () => {
    const l = labOf('hemoglobin', obs('b', '718-7', q(10, 'g/dL'), '2025-05-21T16:00:00Z'), obs('a', '718-7', q(9, 'g/dL'), '2025-05-21T08:00:00Z'));
    expect(l?.value).toBe(10);
  });
  it('L30 dateTime without time zone → reported, not read [fhir-mapping contract]', () => {
    const m = map(obs('a', '718-7', q(9, 'g/dL'), '2025-05-01T10:00:00'));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L31 date given as a month "2025-05" → reported', () => {
    const m = map(obs('a', '718-7', q(9, 'g/dL'), '2025-05'));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L32 no date → reported', () => {
    const m = map(obs('a', '718-7', q(9, 'g/dL'), null));
    expect(m.events.filter((e) => e.eventId.includes('Observation/a'))).toHaveLength(0);
    expect(unm(m, 'a')).toBeDefined();
  });
  it('L33 issued used when no effective[x]', () => expect(labOf('hemoglobin', { ...obs('a', '718-7', q(9, 'g/dL'), null), issued: '2025-05-02T09:00:00Z' })?.date).toBe('2025-05-02'));
  it('L34 unknown LOINC 99999-9 → unmapped, no event', () => {
    const m = map(obs('a', '99999-9', q(9, 'g/dL')));
    expect(m.events.filter((e) => e.eventId.includes('Observation/a'))).toHaveLength(0);
    expect(unm(m, 'a')).toBeDefined();
  });
  it('L35 Hb 120 "g/dL" (g/L unit mistake) → not read, reported [clinical-core plausibleMax]', () => {
    const m = map(obs('a', '718-7', q(120, 'g/dL')));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L36 creatinine 150 umol/L with referenceRange high 110 umol/L → ULN 1.244 mg/dL, ×ULN 1.364', () => {
    const l = labOf('creatinine', obs('a', '2160-0', { ...q(150, 'umol/L'), referenceRange: [{ high: { value: 110, unit: 'umol/L', system: UCUM, code: 'umol/L' } }] }));
    near(l?.uln ?? undefined, 110 / 88.4, 3);
    near(l?.timesUln ?? undefined, 150 / 110, 3);
  });
  it('L37 value given as a string "9" → reported, no crash', () => {
    const m = map(obs('a', '718-7', q('9', 'g/dL')));
    expect(prof(m).labs.hemoglobin).toBeUndefined();
    expect(anyUnm(m, prof(m), 'a')).toBe(true);
  });
  it('L38 marrow plasma cells 11118-7 35 % → 35', () => near(labOf('marrowPlasmaCells', obs('a', '11118-7', q(35, '%')))?.value, 35));
});

// =================================================================================================================
describe('ECOG 89247-1 (§7, fhir-mapping)', () => {
  const ecogOf = (...res: object[]) => P_(...res).ecog?.value;
  it('E01 valueInteger 1 → 1', () => expect(ecogOf(obs('e', '89247-1', { valueInteger: 1 }))).toBe(1));
  it('E02 LOINC answer LA9624-3 → 2', () => expect(ecogOf(obs('e', '89247-1', { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9624-3' }] } }))).toBe(2));
  it('E03 valueString "ECOG PS: 2" → 2', () => expect(ecogOf(obs('e', '89247-1', { valueString: 'ECOG PS: 2' }))).toBe(2));
  it('E04 valueInteger 6 → reported, none', () => {
    const m = map(obs('e', '89247-1', { valueInteger: 6 }));
    expect(prof(m).ecog).toBeNull();
    expect(anyUnm(m, prof(m), 'e')).toBe(true);
  });
  it('E05 "1-2" → reported, none', () => {
    const m = map(obs('e', '89247-1', { valueString: '1-2' }));
    expect(prof(m).ecog).toBeNull();
    expect(anyUnm(m, prof(m), 'e')).toBe(true);
  });
  it('E06 LA9622-7 with display "Restricted in physically strenuous activity" (score 1 wording) → reported', () => {
    const m = map(obs('e', '89247-1', { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9622-7', display: 'Restricted in physically strenuous activity, ambulatory and able to carry out work of a light or sedentary nature' }] } }));
    expect(prof(m).ecog).toBeNull();
  });
  it('E07 ECOG 0 then ECOG 3 later → 3', () => expect(ecogOf(obs('e1', '89247-1', { valueInteger: 0 }, '2025-01-01'), obs('e2', '89247-1', { valueInteger: 3 }, '2025-05-01'))).toBe(3));
});

// =================================================================================================================
describe('Patient and Condition', () => {
  it('P01 Patient birthDate + gender → demographics', () => {
    const p = P_();
    expect([p.demographics.birthDate, p.demographics.sex]).toEqual(['1958-04-02', 'female']);
  });
  it('P02 birthDate "1958-04" → birth date left out (reported), sex still read', () => {
    const m = mapFhirBundle(bundleOf([{ resource: { ...PATIENT, birthDate: '1958-04' } }]));
    const p = prof(m);
    expect([p.demographics.birthDate, p.demographics.sex]).toEqual([null, 'female']);
    expect(m.unmapped.length + p.unmapped.length).toBeGreaterThan(0);
  });
  it('P03 gender "F" (not an R4 code) → reported, not guessed', () => {
    const m = mapFhirBundle(bundleOf([{ resource: { ...PATIENT, gender: 'F' } }]));
    const p = prof(m);
    expect(p.demographics.sex === 'female').toBe(false);
    expect(m.unmapped.length + p.unmapped.length).toBeGreaterThan(0);
  });
  it('C01 Condition ICD-10-CM C90.00 onset → diagnosis date', () =>
    expect(P_({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: ICD, code: 'C90.00' }] }, onsetDateTime: '2018-02-01' }).diagnosis.date).toBe('2018-02-01'));
  it('C02 C9000 undotted → diagnosis', () =>
    expect(P_({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: ICD, code: 'C9000' }] }, onsetDateTime: '2018-02-01' }).diagnosis.date).toBe('2018-02-01'));
  it('C03 SNOMED 109989006 text "Multiple myeloma, IgA lambda" → heavy IgA, light lambda', () => {
    const d = P_({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: SNOMED, code: '109989006' }], text: 'Multiple myeloma, IgA lambda' }, onsetDateTime: '2018-02-01' }).diagnosis;
    expect(String(d.heavyChain)).toMatch(/^(IgA|A)$/i);
    expect(d.lightChain).toBe('lambda');
  });
  it('C04 verificationStatus refuted → no diagnosis', () =>
    expect(P_({ resourceType: 'Condition', id: 'c', subject, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] }, code: { coding: [{ system: ICD, code: 'C90.00' }] }, onsetDateTime: '2018-02-01' }).diagnosis.date).toBeNull());
  it('C05 C90.10 → plasma cell leukaemia present [§5 PCL]', () =>
    expect(P_({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: ICD, code: 'C90.10' }] }, onsetDateTime: '2024-02-01' }).plasmaCellLeukemia?.present).toBe(true));
  it('C06 myeloma Condition without any date → reported', () => {
    const m = map({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: ICD, code: 'C90.00' }] } });
    expect(prof(m).diagnosis.date).toBeNull();
    expect(unm(m, 'c')).toBeDefined();
  });
});

// =================================================================================================================
describe('medications: exposure and lines of therapy (§2, §3)', () => {
  it('M01 RxNorm 342369 (lenalidomide) code only, period with end → exposed, last dose = end', () => {
    const d = P_(ms('m', medCode('342369'), '2024-01-01', '2024-06-30')).drugs.lenalidomide;
    expect([d?.exposed, d?.lastDose, d?.ongoing]).toEqual([true, '2024-06-30', false]);
  });
  it('M02 RxNorm 358258 (bortezomib) code only → bortezomib', () => expect(P_(ms('m', medCode('358258'), '2024-01-01', '2024-03-01')).drugs.bortezomib?.exposed).toBe(true));
  it('M03 active statement without end → ongoing, no last dose', () => {
    const d = P_(ms('m', medText('lenalidomide'), '2025-01-01')).drugs.lenalidomide;
    expect([d?.ongoing, d?.lastDose]).toEqual([true, null]);
  });
  it('M04 completed statement without end → ended on its start, never ongoing', () => {
    const d = P_(ms('m', medText('lenalidomide'), '2025-01-01', undefined, 'completed')).drugs.lenalidomide;
    expect([d?.ongoing, d?.lastDose]).toEqual([false, '2025-01-01']);
  });
  it('M05 MedicationAdministration effectiveDateTime → one day', () => {
    const d = P_({ resourceType: 'MedicationAdministration', id: 'a', status: 'completed', subject, ...medText('Darzalex'), effectiveDateTime: '2025-03-01T10:00:00Z' }).drugs.daratumumab;
    expect([d?.firstDose, d?.lastDose, d?.ongoing]).toEqual(['2025-03-01', '2025-03-01', false]);
  });
  it('M06 MedicationStatement not-taken → no exposure', () => expect(P_(ms('m', medText('pomalidomide'), '2025-01-01', '2025-02-01', 'not-taken')).drugs.pomalidomide).toBeUndefined());
  it('M07 MedicationStatement intended → no exposure', () => expect(P_(ms('m', medText('pomalidomide'), '2025-01-01', undefined, 'intended')).drugs.pomalidomide).toBeUndefined());
  it('M08 MedicationAdministration not-done → no exposure', () =>
    expect(P_({ resourceType: 'MedicationAdministration', id: 'a', status: 'not-done', subject, ...medText('carfilzomib'), effectiveDateTime: '2025-03-01T10:00:00Z' }).drugs.carfilzomib).toBeUndefined());
  it('M09 MedicationRequest intent plan → not an order, no exposure', () =>
    expect(P_({ resourceType: 'MedicationRequest', id: 'r', status: 'active', intent: 'plan', subject, ...medText('selinexor'), authoredOn: '2025-03-01' }).drugs.selinexor).toBeUndefined());
  it('M10 MedicationRequest order with validityPeriod → exposure over it', () => {
    const d = P_({ resourceType: 'MedicationRequest', id: 'r', status: 'completed', intent: 'order', subject, ...medText('pomalidomide'), authoredOn: '2025-01-01', dispenseRequest: { validityPeriod: { start: '2025-01-05', end: '2025-02-05' } } }).drugs.pomalidomide;
    expect([d?.firstDose, d?.lastDose]).toEqual(['2025-01-05', '2025-02-05']);
  });
  it('M11 MedicationRequest cancelled → no exposure', () =>
    expect(P_({ resourceType: 'MedicationRequest', id: 'r', status: 'cancelled', intent: 'order', subject, ...medText('pomalidomide'), authoredOn: '2025-01-01' }).drugs.pomalidomide).toBeUndefined());
  it('M12 medicationReference → unmapped, reported', () => {
    const m = map({ resourceType: 'MedicationStatement', id: 'm', status: 'active', subject, medicationReference: { reference: 'Medication/x' }, effectivePeriod: { start: '2025-01-01' } });
    expect(unm(m, 'm')).toBeDefined();
  });
  it('M13 unknown text "Foobarinib" → reported, no crash, no line', () => {
    const m = map(ms('m', medText('Foobarinib'), '2025-01-01', '2025-02-01'));
    const p = prof(m);
    expect(p.linesOfTherapy.count).toBe(0);
    expect(anyUnm(m, p, 'm')).toBe(true);
  });
  it('M14 "lenalidomide 10 MG Oral Capsule" with unknown product code → lenalidomide', () =>
    expect(P_(ms('m', medCode('99999999', 'lenalidomide 10 MG Oral Capsule'), '2025-01-01', '2025-02-01')).drugs.lenalidomide?.exposed).toBe(true));
  it('M15 effectivePeriod end before start → reported', () => {
    const m = map(ms('m', medText('lenalidomide'), '2025-02-01', '2025-01-01'));
    expect(prof(m).drugs.lenalidomide).toBeUndefined();
    expect(anyUnm(m, prof(m), 'm')).toBe(true);
  });
  it('M16 end given as month "2025-03" → last dose 2025-03-31 [fhir-mapping]', () =>
    expect(P_(ms('m', medText('lenalidomide'), '2025-01-01', '2025-03')).drugs.lenalidomide?.lastDose).toBe('2025-03-31'));
  it('M17 "DRd" → daratumumab + lenalidomide + dexamethasone, one line [§8 D vs d]', () => {
    const p = P_(ms('m', medText('DRd'), '2025-01-01'));
    expect(p.linesOfTherapy.count).toBe(1);
    expect(['daratumumab', 'lenalidomide', 'dexamethasone'].every((g) => p.drugs[g]?.exposed)).toBe(true);
  });
  it('M18 "MPT" → melphalan, prednisone, thalidomide (P = prednisone) [§8]', () => {
    const p = P_(ms('m', medText('MPT'), '2024-01-01', '2024-06-01'));
    expect([!!p.drugs.melphalan, !!p.drugs.prednisone, !!p.drugs.thalidomide, !!p.drugs.pomalidomide]).toEqual([true, true, true, false]);
  });
  it('M19 VRd → ASCT → lenalidomide maintenance = 1 line [§3 example]', () =>
    expect(P_(ms('a', medText('VRd'), '2023-01-01', '2023-05-01'), proc('t', 'Autologous stem cell transplant', '2023-06-15'), ms('b', medText('lenalidomide'), '2023-08-01')).linesOfTherapy.count).toBe(1));
  it('M20 VRd stopped, Kd 8 months later → 2 lines, new regimen after discontinuation [§3 rule 1]', () => {
    const p = P_(ms('a', medText('VRd'), '2023-01-01', '2023-05-01'), ms('b', medText('Kd'), '2024-01-01', '2024-06-01'));
    expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[1]?.openedBy]).toEqual([2, 'new-regimen-after-discontinuation']);
  });
  it('M21 Rd running, daratumumab added 5 months later → 2 lines, unplanned addition [§3 rule 2]', () => {
    const p = P_(ms('a', medText('Rd'), '2024-01-01'), ms('b', medCode('1789941', 'daratumumab'), '2024-06-01'));
    expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[1]?.openedBy]).toEqual([2, 'unplanned-addition-or-switch']);
  });
  it('M22 VRd with bortezomib dropped after 2 months, Rd continues → 1 line [§3 dropping is not discontinuation]', () =>
    expect(P_(ms('a', medText('bortezomib'), '2024-01-01', '2024-03-01'), ms('b', medText('lenalidomide'), '2024-01-01', '2024-09-01'), ms('c', medText('dexamethasone'), '2024-01-01', '2024-09-01')).linesOfTherapy.count).toBe(1));
  it('M23 dexamethasone swapped for prednisone inside Rd → 1 line [§3 steroid-only change]', () =>
    expect(P_(ms('a', medText('lenalidomide'), '2024-01-01', '2024-09-01'), ms('b', medText('dexamethasone'), '2024-01-01', '2024-04-01'), ms('c', medText('prednisone'), '2024-04-05', '2024-09-01')).linesOfTherapy.count).toBe(1));
  it('M24 zoledronic acid and filgrastim only → no line, no anti-myeloma exposure [§3 step 1]', () => {
    const p = P_(ms('a', medText('zoledronic acid'), '2024-01-01', '2024-09-01'), ms('b', medText('filgrastim'), '2024-01-01', '2024-01-10'));
    expect(p.linesOfTherapy.count).toBe(0);
    expect(p.flags.tripleClassExposed).toBe(false);
  });
  it('M25 len (code) + bortezomib (code) + daratumumab-hyaluronidase (text) → triple-class exposed [§2 TCE]', () =>
    expect(P_(ms('a', medCode('342369'), '2022-01-01', '2022-06-01'), ms('b', medCode('358258'), '2022-01-01', '2022-06-01'), ms('c', medText('daratumumab and hyaluronidase-fihj'), '2023-01-01', '2023-06-01')).flags.tripleClassExposed).toBe(true));
  it('M26 isatuximab counts as anti-CD38 for TCE [§2 class membership]', () =>
    expect(P_(ms('a', medText('thalidomide'), '2022-01-01', '2022-06-01'), ms('b', medText('ixazomib'), '2022-01-01', '2022-06-01'), ms('c', medText('Sarclisa'), '2023-01-01', '2023-06-01')).flags.tripleClassExposed).toBe(true));
  it('M27 iberdomide + bortezomib + daratumumab → not TCE by default (CELMoD not IMiD) [§2]', () =>
    expect(P_(ms('a', medText('iberdomide'), '2022-01-01', '2022-06-01'), ms('b', medText('bortezomib'), '2022-01-01', '2022-06-01'), ms('c', medText('daratumumab'), '2023-01-01', '2023-06-01')).flags.tripleClassExposed).toBe(false));
  it('M28 statement stopped with statusReason "Disease progression" → line reasonForChange progression [§3 step 6]', () => {
    const p = P_(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'stopped', { statusReason: [{ text: 'Disease progression' }] }), ms('b', medText('Kd'), '2024-06-20', '2024-12-01'));
    expect(p.linesOfTherapy.lines[0]?.reasonForChange).toBe('progression');
  });

  it('M30 Rd stopped, statusReason "Disease progression", Kd 3 weeks later, no labs → lenalidomide refractory as the native reasonStopped gives [§1, §3 step 6]', () => {
    const p = P_(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'stopped', { statusReason: [{ text: 'Disease progression' }] }), ms('b', medText('Kd'), '2024-06-20', '2024-12-01'));
    const native = buildProfile([{ ...med('Rd', '2024-01-01', '2024-06-01', { reasonStopped: 'progression' }), eventId: 'n1' }, { ...med('Kd', '2024-06-20', '2024-12-01'), eventId: 'n2' }] as never, AS_OF);
    expect(native.drugs.lenalidomide?.refractory).toBe(true);
    expect(p.drugs.lenalidomide?.refractory).toBe(native.drugs.lenalidomide?.refractory);
  });
  it('M31 statusReason SNOMED coded (toxicity) on a stopped statement → reasonForChange toxicity, or the field reported [§3 step 6; no silent drop]', () => {
    const m = map(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'stopped', { statusReason: [{ coding: [{ system: SNOMED, code: '281647001', display: 'Adverse reaction' }], text: 'Toxicity' }] }), ms('b', medText('Kd'), '2024-09-20', '2024-12-01'));
    const p = prof(m);
    expect(p.linesOfTherapy.lines[0]?.reasonForChange === 'toxicity' || !!unm(m, 'a')).toBe(true);
  });
  it('M32 MedicationAdministration per-dose daratumumab every 4 weeks = one exposure, one line', () => {
    const p = P_(...['2024-01-01', '2024-01-29', '2024-02-26', '2024-03-25'].map((d, i) => ({ resourceType: 'MedicationAdministration', id: `d${i}`, status: 'completed', subject, ...medText('daratumumab'), effectiveDateTime: `${d}T10:00:00Z` })));
    expect([p.linesOfTherapy.count, p.drugs.daratumumab?.firstDose, p.drugs.daratumumab?.lastDose]).toEqual([1, '2024-01-01', '2024-03-25']);
  });
  it('M33 effectiveDateTime 2024-03-01T23:30-05:00 administration → dose day 2024-03-01 (the day written)', () =>
    expect(P_({ resourceType: 'MedicationAdministration', id: 'a', status: 'completed', subject, ...medText('carfilzomib'), effectiveDateTime: '2024-03-01T23:30:00-05:00' }).drugs.carfilzomib?.firstDose).toBe('2024-03-01'));
  it('M29 same MedicationStatement twice, second with another end → first read, second reported', () => {
    const m = map(ms('a', medText('lenalidomide'), '2024-01-01', '2024-06-01'), ms('a', medText('lenalidomide'), '2024-01-01', '2024-09-01'));
    expect(prof(m).drugs.lenalidomide?.lastDose).toBe('2024-06-01');
    expect(unm(m, 'a')).toBeDefined();
  });
});

// =================================================================================================================
describe('procedures: SCT, CAR-T (§3 rule 3, §8 cell therapies are procedures)', () => {
  const VRD = ms('v', medText('VRd'), '2023-01-01', '2023-04-30');
  it('S01 Procedure with SNOMED coding display "Autologous hematopoietic stem cell transplant" → autologous SCT', () => {
    const p = P_({ resourceType: 'Procedure', id: 't', status: 'completed', subject, code: snomedCC('709115004', 'Autologous hematopoietic stem cell transplant'), performedDateTime: '2023-06-01' });
    expect(p.transplants.map((t) => t.kind)).toEqual(['autologous-sct']);
    expect(p.flags.priorAutologousSct).toBe(true);
  });
  it('S02 performedPeriod used for date', () =>
    expect(P_({ resourceType: 'Procedure', id: 't', status: 'completed', subject, code: { text: 'ASCT' }, performedPeriod: { start: '2023-06-01', end: '2023-06-01' } }).transplants[0]?.date).toBe('2023-06-01'));
  it('S03 status not-done → no transplant', () => expect(P_(proc('t', 'Autologous stem cell transplant', '2023-06-01', 'not-done')).transplants).toHaveLength(0));
  it('S04 planned tandem 2nd ASCT 3 months after → 1 line, plannedTandem [§3 rule 3]', () => {
    const p = P_(VRD, proc('t1', 'Autologous stem cell transplant', '2023-06-01'), proc('t2', 'Autologous stem cell transplant, second transplant of planned tandem', '2023-09-01'));
    expect(p.linesOfTherapy.count).toBe(1);
    expect(p.transplants.find((t) => t.date === '2023-09-01')?.plannedTandem).toBe(true);
  });
  it('S05 2nd ASCT a year later, not tandem → 2 lines, second-sct [§3 rule 3]', () => {
    const p = P_(VRD, proc('t1', 'Autologous stem cell transplant', '2023-06-01'), proc('t2', 'Autologous stem cell transplant', '2024-06-01'));
    expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[1]?.openedBy]).toEqual([2, 'second-sct']);
  });
  it('S06 note "not a planned tandem" → not tandem, 2 lines', () => {
    const p = P_(VRD, proc('t1', 'Autologous stem cell transplant', '2023-06-01'), proc('t2', 'Autologous stem cell transplant', '2023-09-01', 'completed', { note: [{ text: 'not a planned tandem' }] }));
    expect(p.linesOfTherapy.count).toBe(2);
  });
  it('S07 allo-HSCT after ASCT → new line, allogeneic-sct, prior allo [§3 step 3]', () => {
    const p = P_(VRD, proc('t1', 'Autologous stem cell transplant', '2023-06-01'), proc('t2', 'Allogeneic hematopoietic stem cell transplant', '2024-02-01'));
    expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[1]?.openedBy, p.flags.priorAllogeneicSct]).toEqual([2, 'allogeneic-sct', true]);
  });
  it('S08 same ASCT recorded twice 3 days apart → one transplant [procedureRepeatDays 7]', () =>
    expect(P_(VRD, proc('t1', 'Autologous stem cell transplant', '2023-06-01'), proc('t2', 'ASCT', '2023-06-04')).transplants).toHaveLength(1));
  it('S09 "Infusion of ciltacabtagene autoleucel" → CAR-T, product cilta-cel, new line, prior BCMA CAR-T', () => {
    const p = P_(VRD, proc('c', 'Infusion of ciltacabtagene autoleucel', '2024-03-01'));
    expect(p.cellTherapies).toHaveLength(1);
    expect(String(p.cellTherapies[0]?.product)).toMatch(/cilta/i);
    expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[1]?.openedBy, p.flags.priorBcmaCarT]).toEqual([2, 'car-t', true]);
  });
  it('S10 apheresis + bridging + lymphodepletion + CAR-T → bridging in the CAR-T line [§3 step 5]', () => {
    const p = P_(VRD,
      proc('ap', 'Leukapheresis for CAR-T manufacturing', '2024-01-10'),
      ms('br', medText('Kd'), '2024-01-20', '2024-02-15'),
      ms('ly1', medText('fludarabine'), '2024-02-24', '2024-02-26'), ms('ly2', medText('cyclophosphamide'), '2024-02-24', '2024-02-26'),
      proc('c', 'Day 0 cilta-cel infusion', '2024-03-01'));
    expect(p.linesOfTherapy.count).toBe(2);
  });
  it('S11 "Referral for CAR-T evaluation" → no CAR-T', () => expect(P_(proc('c', 'Referral for CAR-T evaluation', '2024-03-01')).cellTherapies).toHaveLength(0));
  it('S12 "Lymphodepleting chemotherapy prior to CAR-T cell infusion" → no CAR-T', () => expect(P_(proc('c', 'Lymphodepleting chemotherapy prior to CAR-T cell infusion', '2024-03-01')).cellTherapies).toHaveLength(0));
  it('S13 "Tocilizumab administration for CRS, cilta-cel" → no CAR-T, reported', () => {
    const m = map(proc('c', 'Tocilizumab administration for CRS, cilta-cel', '2024-03-05'));
    expect(prof(m).cellTherapies).toHaveLength(0);
    expect(unm(m, 'c')).toBeDefined();
  });
  it('S14 CAR-T product as MedicationAdministration "Abecma" → CAR-T infusion, not a drug line', () => {
    const p = P_({ resourceType: 'MedicationAdministration', id: 'a', status: 'completed', subject, ...medText('Abecma'), effectiveDateTime: '2024-03-01T10:00:00Z' });
    expect(p.cellTherapies).toHaveLength(1);
    expect(p.flags.priorBcmaCarT).toBe(true);
  });
  it('S15 CAR-T product as MedicationRequest → reported, not mapped', () => {
    const m = map({ resourceType: 'MedicationRequest', id: 'r', status: 'active', intent: 'order', subject, ...medText('ciltacabtagene autoleucel'), authoredOn: '2024-02-01' });
    expect(prof(m).cellTherapies).toHaveLength(0);
    expect(unm(m, 'r')).toBeDefined();
  });
  it('S16 ASCT 2 weeks after a progression on VRd (salvage ASCT) → 2 lines [clinical-core: ASCT at relapse is salvage]', () => {
    const p = P_(ms('v', medText('VRd'), '2023-01-01', '2023-05-01'),
      ...series('s', [['2022-12-20', 3.0], ['2023-03-01', 1.0], ['2023-04-01', 1.0], ['2023-06-01', 2.0], ['2023-06-15', 2.2]]),
      proc('t', 'Autologous stem cell transplant', '2023-07-01'));
    expect(p.linesOfTherapy.count).toBe(2);
  });
});

// =================================================================================================================
describe('M-protein progression and refractoriness from FHIR labs (§1, §4)', () => {
  // Rd from 2024-01-01; serum 2.0 → 1.0, 1.0 (PR, confirmed nadir 1.0); urine 50 throughout.
  const base = (end: string | undefined, rise: Array<[string, number]>, unit = 'g/dL') => [
    ms('rd', medText('Rd'), '2024-01-01', end),
    ...series('s', [['2023-12-20', 2.0], ['2024-03-01', 1.0], ['2024-04-01', 1.0], ...rise].map(([d, v]) => [d, unit === 'g/L' ? (v as number) * 10 : v] as [string, number]), (id, d, v) => spep(id, d, v, unit)),
    ...series('u', [['2023-12-20', 50], ['2024-03-01', 50], ['2024-04-01', 50]], upep),
  ];
  const pr = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => x.date);
  it('X01 on therapy: 1.0 → 1.5, 1.5 (+0.5 exactly, +50%) → progression dated at first rise [§4 PD]', () => expect(pr(P_(...base(undefined, [['2024-06-01', 1.5], ['2024-07-01', 1.5]])))).toContain('2024-06-01'));
  it('X02 on therapy: 1.0 → 1.45, 1.45 (+0.45) → no progression [§4 PD ≥0.5 g/dL]', () => expect(pr(P_(...base(undefined, [['2024-06-01', 1.45], ['2024-07-01', 1.45]])))).toEqual([]));
  it('X03 same in g/L: 10 → 15, 15 g/L → progression [§8 units]', () => expect(pr(P_(...base(undefined, [['2024-06-01', 1.5], ['2024-07-01', 1.5]], 'g/L')))).toContain('2024-06-01'));
  it('X04 single rise 1.6 (unconfirmed) → no progression [§4 two consecutive assessments]', () => expect(pr(P_(...base(undefined, [['2024-06-01', 1.6]])))).toEqual([]));
  it('X05 ongoing Rd, PD → lenalidomide refractory, relapsed-and-refractory [§1]', () => {
    const p = P_(...base(undefined, [['2024-06-01', 1.6], ['2024-07-01', 1.7]]));
    expect([p.drugs.lenalidomide?.refractory, p.flags.relapsedAndRefractory, p.flags.relapsed]).toEqual([true, true, false]);
  });
  it('X06 Rd ended 2024-05-01, PD 2024-06-29 (59 days) → refractory [§1 within 60 days]', () =>
    expect(P_(...base('2024-05-01', [['2024-06-29', 1.6], ['2024-07-15', 1.7]])).drugs.lenalidomide?.refractory).toBe(true));
  it('X07 Rd ended 2024-05-01, PD 2024-06-30 (60 days) → refractory [§1 within 60 days]', () =>
    expect(P_(...base('2024-05-01', [['2024-06-30', 1.6], ['2024-07-15', 1.7]])).drugs.lenalidomide?.refractory).toBe(true));
  it('X08 Rd ended 2024-05-01, PD 2024-07-01 (61 days) → not refractory, relapsed [§1 relapsed]', () => {
    const p = P_(...base('2024-05-01', [['2024-07-01', 1.6], ['2024-07-15', 1.7]]));
    expect([p.drugs.lenalidomide?.refractory, p.flags.relapsed, p.flags.relapsedAndRefractory]).toEqual([false, true, false]);
  });
  it('X09 nadir 5.0 g/dL → 6.0, 6.0 (+20%, +1 g/dL) → progression [§4 nadir ≥5]', () => {
    const p = P_(ms('rd', medText('Rd'), '2024-01-01'), ...series('s', [['2023-12-20', 8.0], ['2024-03-01', 5.0], ['2024-04-01', 5.0], ['2024-06-01', 6.0], ['2024-07-01', 6.0]]), ...series('u', [['2023-12-20', 50], ['2024-03-01', 50], ['2024-04-01', 50]], upep));
    expect(pr(p)).toContain('2024-06-01');
  });
  it('X10 urine 800 → 300, 300 → 500, 500 mg/24h (+200, +67%) → progression [§4 urine ≥200]', () => {
    const p = P_(ms('rd', medText('Rd'), '2024-01-01'), ...series('s', [['2023-12-20', 0.2], ['2024-03-01', 0.2], ['2024-04-01', 0.2], ['2024-06-01', 0.2], ['2024-07-01', 0.2]]),
      ...series('u', [['2023-12-20', 800], ['2024-03-01', 300], ['2024-04-01', 300], ['2024-06-01', 500], ['2024-07-01', 500]], upep));
    expect(pr(p)).toContain('2024-06-01');
  });
  it('X11 urine 300 → 490, 490 (+190) → no progression [§4 urine ≥200]', () => {
    const p = P_(ms('rd', medText('Rd'), '2024-01-01'), ...series('s', [['2023-12-20', 0.2], ['2024-03-01', 0.2], ['2024-04-01', 0.2], ['2024-06-01', 0.2], ['2024-07-01', 0.2]]),
      ...series('u', [['2023-12-20', 800], ['2024-03-01', 300], ['2024-04-01', 300], ['2024-06-01', 490], ['2024-07-01', 490]], upep));
    expect(pr(p)).toEqual([]);
  });
  // FLC-only: serum 0.2, urine 50; kappa involved, lambda 10 mg/L.
  const flc = (pts: Array<[string, number]>, unit = 'mg/L') => [
    ms('rd', medText('Rd'), '2024-01-01'),
    ...pts.flatMap(([d, k], i) => [spep(`s${i}`, d, 0.2), upep(`u${i}`, d, 50), kap(`k${i}`, d, k, unit), lam(`l${i}`, d, unit === 'mg/dL' ? 1 : 10, unit)]),
  ];
  it('X12 dFLC nadir 100 mg/L → 211 mg/L, twice (+111 mg/L) → progression [§4 dFLC >10 mg/dL]', () =>
    expect(pr(P_(...flc([['2023-12-20', 510], ['2024-03-01', 110], ['2024-04-01', 110], ['2024-06-01', 221], ['2024-07-01', 221]])))).toContain('2024-06-01'));
  it('X13 dFLC nadir 100 → 200 mg/L (+100 exactly, not >100) → no progression [§4 dFLC >10 mg/dL]', () =>
    expect(pr(P_(...flc([['2023-12-20', 510], ['2024-03-01', 110], ['2024-04-01', 110], ['2024-06-01', 210], ['2024-07-01', 210]])))).toEqual([]));
  it('X14 dFLC in mg/dL: nadir 10 → 21.1 mg/dL twice (+11.1 mg/dL) → progression [§4 normalize FLC units]', () =>
    expect(pr(P_(...flc([['2023-12-20', 51], ['2024-03-01', 11], ['2024-04-01', 11], ['2024-06-01', 22.1], ['2024-07-01', 22.1]], 'mg/dL')))).toContain('2024-06-01'));
  it('X15 dFLC in mg/dL: nadir 10 → 19.5 mg/dL twice (+9.5 mg/dL, the 2006 ">10 mg/l" misreading would call PD) → no progression [§4 note]', () =>
    expect(pr(P_(...flc([['2023-12-20', 51], ['2024-03-01', 11], ['2024-04-01', 11], ['2024-06-01', 20.5], ['2024-07-01', 20.5]], 'mg/dL')))).toEqual([]));
});

// =================================================================================================================
describe('measurable disease from FHIR labs (§5)', () => {
  const ms_ = (...res: object[]) => P_(...res).disease.measurable;
  it('D01 serum 10 g/L (1.0 g/dL exactly) → serum measurable', () => expect(ms_(spep('s', '2025-05-01', 10, 'g/L')).serum).toBe(true));
  it('D02 serum 9.9 g/L → not serum measurable', () => expect(ms_(spep('s', '2025-05-01', 9.9, 'g/L')).serum).toBe(false));
  it('D03 urine 0.2 g/24h (200 mg) → urine measurable', () => expect(ms_(obs('u', '42482-0', q(0.2, 'g/(24.h)', 'g/24h'))).urine).toBe(true));
  it('D04 urine 199 mg/24h → not urine measurable', () => expect(ms_(upep('u', '2025-05-01', 199)).urine).toBe(false));
  const flcM = (k: number, l: number, unit = 'mg/L', extra: object[] = []) => ms_(spep('s', '2025-05-01', 0.3), upep('u', '2025-05-01', 50), kap('k', '2025-05-01', k, unit), lam('l', '2025-05-01', l, unit), ...extra);
  it('D05 kappa 10 mg/dL (100 mg/L), lambda 1 mg/dL (ratio 10) → FLC-only measurable [§5 ≥10 mg/dL]', () => expect(flcM(10, 1, 'mg/dL').flcOnly).toBe(true));
  it('D06 kappa 99 mg/L, lambda 10 → not measurable', () => expect(flcM(99, 10).flcOnly).toBe(false));
  it('D07 kappa 150, lambda 100 (ratio 1.5, normal) → not measurable [§5 abnormal ratio]', () => expect(flcM(150, 100).flcOnly).toBe(false));
  it('D08 kappa 166, lambda 100 (ratio 1.66 > 1.65) → measurable', () => expect(flcM(166, 100).flcOnly).toBe(true));
  it('D09 lambda involved: kappa 10, lambda 400 mg/L (ratio 0.025) → measurable', () => expect(flcM(10, 400).flcOnly).toBe(true));
  it('D10 serum 1.2 g/dL and kappa 300/10 → serum route, flcOnly false [§5 FLC only when serum/urine not measurable]', () => {
    const m = ms_(spep('s', '2025-05-01', 1.2), upep('u', '2025-05-01', 50), kap('k', '2025-05-01', 300), lam('l', '2025-05-01', 10));
    expect([m.serum, m.flcOnly, m.any]).toEqual([true, false, true]);
  });
  it('D11 serum 2.0 g/dL dated 2025-03-01 (92 days old) → not current measurable [currentLabMaxAgeDays 60]', () => expect(ms_(spep('s', '2025-03-01', 2.0)).serum).toBe(false));
  it('D12 serum comparator "<0.1" → not read, not measurable, reported', () => {
    const m = map(obs('s', '33358-3', q(0.1, 'g/dL', undefined, { comparator: '<' })));
    expect(prof(m).disease.measurable.serum).toBe(false);
    expect(anyUnm(m, prof(m), 's')).toBe(true);
  });
  it('D13 measurable value with reported ratio 48378-4 abnormal and κ 120 mg/L → measurable FLC', () =>
    expect(ms_(spep('s', '2025-05-01', 0.3), upep('u', '2025-05-01', 50), kap('k', '2025-05-01', 120), obs('r', '48378-4', q(8, '1'), '2025-05-01')).flcOnly).toBe(true));
});

// =================================================================================================================
describe('response from FHIR labs (§4)', () => {
  const line = ms('drd', medText('DRd'), '2025-01-01');
  const cat = (p: P) => p.disease.computedResponse?.category ?? null;
  const sIfe = (id: string, d: string, neg: boolean) => obs(id, '25700-6', { valueCodeableConcept: snomedCC(neg ? '260385009' : '10828004') }, d);
  const uIfe = (id: string, d: string, neg: boolean) => obs(id, '13440-3', { valueCodeableConcept: snomedCC(neg ? '260385009' : '10828004') }, d);
  it('R01 3.0 → 14 g/L, 1.4 g/dL (−53%), urine 50 → PR [§4 PR]', () =>
    expect(cat(P_(line, spep('s0', '2024-12-15', 3.0), spep('s1', '2025-03-01', 14, 'g/L'), spep('s2', '2025-04-01', 1.4), ...series('u', [['2024-12-15', 50], ['2025-03-01', 50], ['2025-04-01', 50]], upep)))).toBe('PR'));
  it('R02 3.0 → 0.3, 0.3 (−90%), urine 50 each → VGPR [§4 VGPR]', () =>
    expect(cat(P_(line, ...series('s', [['2024-12-15', 3.0], ['2025-03-01', 0.3], ['2025-04-01', 0.3]]), ...series('u', [['2024-12-15', 50], ['2025-03-01', 50], ['2025-04-01', 50]], upep)))).toBe('VGPR'));
  it('R03 3.0 → 2.2, 2.2 (−26.7%) → MR [§4 MR 25–49%]', () =>
    expect(cat(P_(line, ...series('s', [['2024-12-15', 3.0], ['2025-03-01', 2.2], ['2025-04-01', 2.2]]), ...series('u', [['2024-12-15', 50], ['2025-03-01', 50], ['2025-04-01', 50]], upep)))).toBe('MR'));
  it('R04 serum 0 + serum/urine IFE negative (SNOMED) at two dates + marrow 3 % → CR [§4 CR]', () =>
    expect(cat(P_(line, spep('s0', '2024-12-15', 3.0), upep('u0', '2024-12-15', 50),
      ...['2025-03-01', '2025-04-01'].flatMap((d, i) => [spep(`s${i + 1}`, d, 0), upep(`u${i + 1}`, d, 0), sIfe(`si${i}`, d, true), uIfe(`ui${i}`, d, true)]),
      obs('bm', '11118-7', q(3, '%'), '2025-04-01')))).toBe('CR'));
  it('R05 as R04 but marrow 5 % → not CR [§4 CR <5%]', () =>
    expect(cat(P_(line, spep('s0', '2024-12-15', 3.0), upep('u0', '2024-12-15', 50),
      ...['2025-03-01', '2025-04-01'].flatMap((d, i) => [spep(`s${i + 1}`, d, 0), upep(`u${i + 1}`, d, 0), sIfe(`si${i}`, d, true), uIfe(`ui${i}`, d, true)]),
      obs('bm', '11118-7', q(5, '%'), '2025-04-01')))).not.toBe('CR'));
  it('R06 serum 0 but serum IFE text "IgG kappa identified" → VGPR, not CR [§4 VGPR IFE-detectable]', () =>
    expect(cat(P_(line, spep('s0', '2024-12-15', 3.0), upep('u0', '2024-12-15', 50),
      ...['2025-03-01', '2025-04-01'].flatMap((d, i) => [spep(`s${i + 1}`, d, 0), upep(`u${i + 1}`, d, 0), obs(`si${i}`, '25700-6', { valueString: 'IgG kappa identified.' }, d), uIfe(`ui${i}`, d, true)]),
      obs('bm', '11118-7', q(2, '%'), '2025-04-01')))).toBe('VGPR'));
  it('R07 IFE text "No monoclonal protein detected" → serum IFE negative', () => {
    const p = P_(obs('si', '25700-6', { valueString: 'No monoclonal protein detected.' }));
    expect(JSON.stringify(p.labs.serumImmunofixation ?? null)).toMatch(/negative|"value":0/);
  });
  it('R08 IFE "IgA lambda identified" without diagnosis isotype → measurable heavy chain IgA [fhir-mapping v15]', () => {
    const p = P_(spep('s', '2025-05-01', 1.2), obs('si', '25700-6', { valueString: 'IgA lambda identified' }, '2025-05-01'));
    expect(String(p.disease.measurable.heavyChain)).toMatch(/^(IgA|A)$/i);
  });
});

// =================================================================================================================
describe('MRD and cytogenetics Observations (§4 MRD, §6)', () => {
  const mrdObs = (id: string, body: object, status = 'final', code = '98847-0') => obs(id, code, body, '2025-04-01', status);
  const comp = (name: string, value: string) => ({ code: { text: name }, valueString: value });
  it('Y01 98847-0 SNOMED 260385009, method NGS, sensitivity "10^-5" → negative NGS 1e-5', () => {
    const l = P_(mrdObs('m', { valueCodeableConcept: snomedCC('260385009'), method: { text: 'NGS (clonoSEQ)' }, component: [comp('Sensitivity', '10^-5')] })).disease.mrd.latest;
    expect([l?.result, l?.method, l?.sensitivity]).toEqual(['negative', 'NGS', 1e-5]);
  });
  it('Y02 93021-4 "not detected", flow, "1 in 100,000" → negative NGF 1e-5', () => {
    const l = P_(mrdObs('m', { valueString: 'not detected', method: { text: 'Next-generation flow (EuroFlow)' }, component: [comp('Limit of detection', '1 in 100,000')] }, 'final', '93021-4')).disease.mrd.latest;
    expect([l?.result, l?.method, l?.sensitivity]).toEqual(['negative', 'NGF', 1e-5]);
  });
  it('Y03 sensitivity "2.5 × 10⁻⁶" → 2.5e-6', () => {
    const l = P_(mrdObs('m', { valueCodeableConcept: snomedCC('260415000'), method: { text: 'NGS' }, component: [comp('Sensitivity', '2.5 × 10⁻⁶')] })).disease.mrd.latest;
    near(l?.sensitivity ?? undefined, 2.5e-6, 10);
  });
  it('Y04 MRD preliminary → reported, no MRD', () => {
    const m = map(mrdObs('m', { valueCodeableConcept: snomedCC('260385009') }, 'preliminary'));
    expect(prof(m).disease.mrd.latest).toBeNull();
    expect(anyUnm(m, prof(m), 'm')).toBe(true);
  });
  it('Y05 no value, interpretation POS → positive', () =>
    expect(P_(mrdObs('m', { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'POS' }] }] })).disease.mrd.latest?.result).toBe('positive'));
  it('Y06 "positive (previously negative)" → reported, never guessed', () => {
    const m = map(mrdObs('m', { valueString: 'positive (previously negative)' }));
    expect(prof(m).disease.mrd.latest).toBeNull();
  });
  it('Y07 negative at 1e-4 → IMWG MRD-negative does not count (sustained false) [§4 ≥10^-5]', () => {
    const p = P_(mrdObs('m', { valueCodeableConcept: snomedCC('260385009'), method: { text: 'NGF' }, component: [comp('Sensitivity', '1e-4')] }));
    expect(p.disease.mrd.latest?.sensitivity).toBeCloseTo(1e-4, 10);
  });
  it('Y08 69548-6 ISCN nuc ish(TP53x1)[60/200], present → del(17p) 30 % [§6]', () => {
    const p = P_(obs('g', '69548-6', { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9633-4' }] }, component: [{ code: { coding: [{ system: LOINC, code: '81291-7' }] }, valueString: 'nuc ish(TP53x1)[60/200]' }] }));
    const f = p.cytogenetics.abnormalities.find((a) => /17p/.test(a.abnormality));
    expect([f?.detected, f?.percentCells]).toEqual([true, 30]);
    expect(p.cytogenetics.highRiskRiss).toBe(true);
  });
  it('Y09 del(17p) in 15 % of cells → below 20 % cut-off: not R-ISS high risk [§6 EMN 20 % numerical]', () => {
    const p = P_(obs('g', '69548-6', { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9633-4' }] }, component: [{ code: { coding: [{ system: LOINC, code: '81291-7' }] }, valueString: 'nuc ish(TP53x1)[30/200]' }] }));
    expect(p.cytogenetics.highRiskRiss).toBe(false);
  });
  it('Y10 t(4;14) IGH::FGFR3 in 12 % → detected, R-ISS high risk [§6 10 % translocation]', () => {
    const p = P_(obs('g', '69548-6', { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9633-4' }] }, component: [{ code: { coding: [{ system: LOINC, code: '81291-7' }] }, valueString: 'nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[24/200]' }] }));
    expect(p.cytogenetics.highRiskRiss).toBe(true);
  });
  it('Y11 DiagnosticReport (FISH) → reported as unmapped, no crash [fhir-mapping: other resource types]', () => {
    const m = map({ resourceType: 'DiagnosticReport', id: 'dr', status: 'final', subject, code: { text: 'FISH myeloma panel' }, effectiveDateTime: '2025-04-01', conclusion: 'del(17p) detected in 40% of plasma cells' });
    expect(unm(m, 'dr')).toBeDefined();
  });
});

// =================================================================================================================
describe('bad input: clear error or unmapped, never a crash or a silent drop', () => {
  it('B01 empty Bundle → no events, no crash', () => expect(mapFhirBundle({ resourceType: 'Bundle', type: 'collection' }).events).toEqual([]));
  it('B02 entry without resource and a null entry → no crash', () => expect(() => mapFhirBundle(bundleOf([{ request: { method: 'DELETE', url: 'Observation/x' } }, null, { resource: PATIENT }]))).not.toThrow());
  it('B03 Observation with code.coding not a list → reported "not well-formed"', () => {
    const m = map({ resourceType: 'Observation', id: 'o', status: 'final', subject, code: { coding: { system: LOINC, code: '718-7' } }, effectiveDateTime: '2025-05-01', valueQuantity: { value: 9, unit: 'g/dL' } });
    expect(unm(m, 'o')).toBeDefined();
  });
  it('B04 subject urn:uuid naming no entry → reported', () => {
    const m = mapFhirBundle(bundleOf([{ resource: PATIENT }, { resource: { ...obs('o', '718-7', q(9, 'g/dL')), subject: { reference: 'urn:uuid:0000-none' } } }]));
    expect(m.events.filter((e) => e.eventId.includes('Observation/o'))).toHaveLength(0);
    expect(unm(m, 'o')).toBeDefined();
  });
  it('B05 Observation subject Patient/other → filed under "other", never the Bundle patient', () => {
    const m = map({ ...obs('o', '718-7', q(9, 'g/dL')), subject: { reference: 'Patient/other' } });
    expect(m.events.find((e) => e.eventId.includes('Observation/o'))?.patientId).toBe('other');
  });
  it('B06 no subject, single Patient in Bundle → supplied', () => {
    const { subject: _s, ...o } = obs('o', '718-7', q(9, 'g/dL'));
    const m = map(o);
    expect(m.events.find((e) => e.eventId.includes('Observation/o'))?.patientId).toBe('p1');
  });
  it('B07 resource with neither id nor fullUrl → not mapped, reported', () => {
    const { id: _i, ...o } = obs('o', '718-7', q(9, 'g/dL'));
    const m = map(o);
    expect(m.events.filter((e) => e.type === 'lab')).toHaveLength(0);
    expect(m.unmapped.some((u) => u.resourceType === 'Observation')).toBe(true);
  });
  it('B08 Encounter → unmapped with reason', () => {
    const m = map({ resourceType: 'Encounter', id: 'enc', status: 'finished', class: { code: 'AMB' } });
    expect(unm(m, 'enc')?.reason).toBeTruthy();
  });
  it('B09 Procedure with no date → reported', () => {
    const m = map({ resourceType: 'Procedure', id: 't', status: 'completed', subject, code: { text: 'ASCT' } });
    expect(unm(m, 't')).toBeDefined();
  });
  it('B10 MedicationStatement with no effective[x] → reported', () => {
    const m = map({ resourceType: 'MedicationStatement', id: 'm', status: 'active', subject, ...medText('lenalidomide') });
    expect(unm(m, 'm')).toBeDefined();
  });
  it('B11 Observation with no code → reported, no crash', () => {
    const m = map({ resourceType: 'Observation', id: 'o', status: 'final', subject, effectiveDateTime: '2025-05-01', valueQuantity: { value: 9, unit: 'g/dL' } });
    expect(unm(m, 'o')).toBeDefined();
  });
  it('B12 every resource of a 3-resource Bundle is either an event or unmapped (no silent drop)', () => {
    const m = map(obs('o1', '718-7', q(9, 'g/dL')), obs('o2', '12345-6', q(9, 'g/dL')), { resourceType: 'Flag', id: 'f1', status: 'active', subject, code: { text: 'x' } });
    const seen = (id: string) => m.events.some((e) => e.eventId.includes(`/${id}`)) || !!unm(m, id);
    expect(['o1', 'o2', 'f1'].every(seen)).toBe(true);
  });
});
