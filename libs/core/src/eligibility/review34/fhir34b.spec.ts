/**
 * fhir34b — more FHIR R4 edges (references, units, procedures, conditioning/mobilization, CAR-T refractoriness).
 * Expectations from domain.md, docs/fhir-mapping.md, docs/clinical-core.md, written before reading the implementation.
 */
import { mapFhirBundle } from '../../fhir/map-bundle';
import { UCUM, SNOMED, subject, q, obs, medText, ms, spep, upep, fhirKit, type M } from './fhir34-kit';

const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female', identifier: [{ system: 'urn:mrn', value: 'MRN1' }] };
const { bundleOf, map, prof, P_, unm, labOf } = fhirKit(PATIENT);
const proc = (id: string, text: string, date: string, status = 'completed', extra: object = {}) => ({ resourceType: 'Procedure', id, status, subject, code: { text }, performedDateTime: date, ...extra });

describe('references and patients (fhir-mapping "Not mapped", references)', () => {
  const hb = (id: string, ref: object | undefined) => ({ ...obs(id, '718-7', q(9, 'g/dL')), subject: ref });
  const pid = (m: M, id: string) => m.events.find((e) => e.eventId.includes(`Observation/${id}`))?.patientId;
  it('F01 absolute URL subject https://ehr/fhir/Patient/p1 → p1', () => expect(pid(map(hb('o', { reference: 'https://ehr.example.org/fhir/Patient/p1' })), 'o')).toBe('p1'));
  it('F02 Patient/p1/_history/3 → p1', () => expect(pid(map(hb('o', { reference: 'Patient/p1/_history/3' })), 'o')).toBe('p1'));
  it('F03 subject urn:uuid of the Patient entry (transaction) → that patient', () => {
    const m = mapFhirBundle(bundleOf([{ fullUrl: 'urn:uuid:aaaa-1', resource: PATIENT }, { fullUrl: 'urn:uuid:bbbb-2', resource: hb('o', { reference: 'urn:uuid:aaaa-1' }) }]));
    expect(pid(m, 'o')).toBe('p1');
  });
  it('F04 subject by identifier the Bundle Patient carries → p1', () => expect(pid(map(hb('o', { identifier: { system: 'urn:mrn', value: 'MRN1' } })), 'o')).toBe('p1'));
  it('F05 subject by an identifier the Patient does not carry → reported', () => {
    const m = map(hb('o', { identifier: { system: 'urn:mrn', value: 'OTHER' } }));
    expect(pid(m, 'o')).toBeUndefined();
    expect(unm(m, 'o')).toBeDefined();
  });
  it('F06 two Patients, observation without subject → reported, not guessed', () => {
    const m = mapFhirBundle(bundleOf([{ resource: PATIENT }, { resource: { ...PATIENT, id: 'p2' } }, { resource: hb('o', undefined) }]));
    expect(pid(m, 'o')).toBeUndefined();
    expect(unm(m, 'o')).toBeDefined();
  });
  it('F07 resource without id, fullUrl urn:uuid → event id from the uuid; re-mapping is idempotent', () => {
    const { id: _i, ...o } = obs('x', '718-7', q(9, 'g/dL'));
    const b = bundleOf([{ resource: PATIENT }, { fullUrl: 'urn:uuid:1234-abcd', resource: o }]);
    const a = mapFhirBundle(b).events.map((e) => e.eventId).sort();
    expect(a.some((id) => id.includes('1234-abcd'))).toBe(true);
    expect(mapFhirBundle(b).events.map((e) => e.eventId).sort()).toEqual(a);
  });
  it('F08 Patient gender "unknown" → sex unknown, accepted', () => expect(prof(mapFhirBundle(bundleOf([{ resource: { ...PATIENT, gender: 'unknown' } }]))).demographics.sex).toBe('unknown'));
});

describe('more units and dates (§7, §8; clinical-core units)', () => {
  it('U01 urine 42482-0 200 mg/d (UCUM per day) → 200 mg/24h, measurable [§5 ≥200 mg/24 h]', () => {
    const p = P_(obs('u', '42482-0', q(200, 'mg/d', 'mg/d')));
    expect(p.labs.urineMProtein?.value).toBeCloseTo(200, 6);
    expect(p.disease.measurable.urine).toBe(true);
  });
  it('U02 ANC unit "10E9/L" → read', () => expect(labOf('anc', obs('a', '751-8', { valueQuantity: { value: 1.2, unit: '10E9/L' } }))?.value).toBeCloseTo(1.2, 6));
  it('U03 ANC unit "×109/L" (exponent lost) → refused, reported, not guessed', () => {
    const m = map(obs('a', '751-8', { valueQuantity: { value: 1.2, unit: '×109/L' } }));
    expect(prof(m).labs.anc).toBeUndefined();
  });
  it('U04 platelets unit "G/L" → 80', () => expect(labOf('platelets', obs('a', '777-3', { valueQuantity: { value: 80, unit: 'G/L' } }))?.value).toBeCloseTo(80, 6));
  it('U05 effectivePeriod.start used for the date', () => expect(labOf('hemoglobin', obs('a', '718-7', { ...q(9, 'g/dL'), effectivePeriod: { start: '2025-04-10T08:00:00Z', end: '2025-04-10T09:00:00Z' } }, null))?.date).toBe('2025-04-10'));
  it('U06 effectiveInstant used for the date', () => expect(labOf('hemoglobin', obs('a', '718-7', { ...q(9, 'g/dL'), effectiveInstant: '2025-04-11T08:00:00Z' }, null))?.date).toBe('2025-04-11'));
  it('U07 creatinine referenceRange per sex (female 0.9 / male 1.2), patient female → ULN 0.9', () => {
    const l = labOf('creatinine', obs('a', '2160-0', { ...q(1.0, 'mg/dL'), referenceRange: [
      { high: { value: 1.2, unit: 'mg/dL', system: UCUM, code: 'mg/dL' }, appliesTo: [{ coding: [{ system: SNOMED, code: '248153007' }], text: 'Male' }] },
      { high: { value: 0.9, unit: 'mg/dL', system: UCUM, code: 'mg/dL' }, appliesTo: [{ coding: [{ system: SNOMED, code: '248152002' }], text: 'Female' }] },
    ] }));
    expect(l?.uln).toBeCloseTo(0.9, 6);
  });
  it('U08 ECOG valueQuantity 1 {score} → 1', () => expect(P_(obs('e', '89247-1', q(1, '{score}'))).ecog?.value).toBe(1));
  it('U09 48378-4 ratio sent with no unit → reported (not silently dropped)', () => {
    const m = map(obs('r', '48378-4', { valueQuantity: { value: 5.2 } }));
    const p = prof(m);
    expect(p.labs.flcRatio?.value === 5.2 || !!unm(m, 'r') || JSON.stringify(p.unmapped).includes('r')).toBe(true);
  });
  it('U10 Hb 80 g/L at 2025-05-31T23:30-05:00 and 7.5 g/dL untimed 2025-06-01 → latest 7.5 on 06-01 (as of 06-01)', () => {
    const l = labOf('hemoglobin', obs('a', '718-7', q(80, 'g/L'), '2025-05-31T23:30:00-05:00'), obs('b', '718-7', q(7.5, 'g/dL'), '2025-06-01'));
    expect([l?.date, l?.value]).toEqual(['2025-06-01', 7.5]);
  });
  it('U11 lab written 2025-06-02T01:00+09:00 (06-01 in UTC) is after the as-of day 06-01 → ignored', () => {
    const l = labOf('hemoglobin', obs('a', '718-7', q(9, 'g/dL'), '2025-05-01'), obs('b', '718-7', q(11, 'g/dL'), '2025-06-02T01:00:00+09:00'));
    expect(l?.value).toBe(9);
  });
});

describe('procedures and peri-transplant therapy (§3 step 4, §8)', () => {
  it('T01 "Autologous stem cell harvest" → collection, not a transplant', () => expect(P_(proc('h', 'Autologous peripheral blood stem cell harvest', '2023-05-20')).transplants).toHaveLength(0));
  it('T02 "Apheresis platelets transfusion" → transfusion (supportive), not collection nor line', () => {
    const p = P_(proc('t', 'Transfusion of apheresis platelets', '2025-05-20'));
    expect(p.transplants).toHaveLength(0);
    expect((p.supportiveCare ?? []).some((s) => String(s.what) === 'platelets')).toBe(true);
  });
  it('T03 palliative radiotherapy → no line', () => expect(P_(proc('r', 'Palliative radiotherapy to T10', '2025-01-10')).linesOfTherapy.count).toBe(0));
  it('T04 VRd, high-dose melphalan 2 days before ASCT → 1 line (conditioning) [§3 conditioning irrelevant]', () =>
    expect(P_(ms('v', medText('VRd'), '2023-01-01', '2023-04-30'), ms('m', medText('melphalan 200 mg/m2'), '2023-05-30', '2023-05-30'), proc('t', 'Autologous stem cell transplant', '2023-06-01')).linesOfTherapy.count).toBe(1));
  it('T05 VRd, cyclophosphamide mobilization 2 days + apheresis 10 days later → 1 line [§3 step 4 mobilization]', () =>
    expect(P_(ms('v', medText('VRd'), '2023-01-01', '2023-04-30'), ms('c', medText('cyclophosphamide'), '2023-05-10', '2023-05-11'), proc('a', 'Stem cell apheresis collection', '2023-05-20'), proc('t', 'Autologous stem cell transplant', '2023-06-15')).linesOfTherapy.count).toBe(1));
  it('T06 Procedure "CAR-T cell infusion" with usedCode "idecabtagene vicleucel" → product ide-cel', () =>
    expect(String(P_(proc('c', 'CAR-T cell infusion', '2024-03-01', 'completed', { usedCode: [{ text: 'idecabtagene vicleucel' }] })).cellTherapies[0]?.product)).toMatch(/idecabtagene|ide-cel/i));
  it('T07 CAR-T after a PR… then progression 45 days after infusion, no response between → CAR-T line refractory [clinical-core CAR-T refractory]', () => {
    const p = P_(ms('v', medText('Kd'), '2023-01-01', '2023-09-01'),
      proc('c', 'Infusion of ciltacabtagene autoleucel', '2024-03-01'),
      ...[['2024-02-25', 2.0], ['2024-04-15', 2.6], ['2024-05-01', 2.7]].map(([d, v], i) => spep(`s${i}`, d as string, v as number)),
      ...[['2024-02-25', 50]].map(([d, v], i) => upep(`u${i}`, d as string, v as number)));
    expect(p.flags.refractoryToLastLine).toBe(true);
  });
  it('T08 Procedure status "in-progress" ASCT → mapped (only entered-in-error/not-done/preparation/on-hold/unknown are not)', () => expect(P_(proc('t', 'ASCT', '2025-05-01', 'in-progress')).transplants).toHaveLength(1));
  it('T09 Procedure status "preparation" → not mapped', () => expect(P_(proc('t', 'ASCT', '2025-05-01', 'preparation')).transplants).toHaveLength(0));
  it('T10 "Conditioning regimen for allo-HSCT" → not a transplant', () => expect(P_(proc('t', 'Conditioning regimen for allo-HSCT', '2025-05-01')).transplants).toHaveLength(0));
  it('T11 "Conditioning TBI followed by allo-HSCT" → allogeneic transplant', () => expect(P_(proc('t', 'Conditioning TBI followed by allo-HSCT', '2025-05-01')).transplants.map((t) => t.kind)).toEqual(['allogeneic-sct']));
});

describe('composite flags from FHIR history (§1, §2)', () => {
  it('G01 VRd with PD on therapy after a PR → double-refractory (IMiD + PI) [§2]', () => {
    const p = P_(ms('v', medText('VRd'), '2024-01-01'),
      ...[['2023-12-20', 2.0], ['2024-03-01', 1.0], ['2024-04-01', 1.0], ['2024-06-01', 1.6], ['2024-07-01', 1.7]].map(([d, v], i) => spep(`s${i}`, d as string, v as number)),
      ...[['2023-12-20', 50], ['2024-03-01', 50], ['2024-04-01', 50]].map(([d, v], i) => upep(`u${i}`, d as string, v as number)));
    expect([p.flags.doubleRefractory, p.flags.tripleClassRefractory]).toEqual([true, false]);
  });
  it('G02 never MR: Rd 2.0 → 1.9, 1.9 → 2.6, 2.7 (PD) on therapy → primary refractory [§1]', () => {
    const p = P_(ms('v', medText('Rd'), '2024-01-01'),
      ...[['2023-12-20', 2.0], ['2024-03-01', 1.9], ['2024-04-01', 1.9], ['2024-06-01', 2.6], ['2024-07-01', 2.7]].map(([d, v], i) => spep(`s${i}`, d as string, v as number)),
      ...[['2023-12-20', 50], ['2024-03-01', 50], ['2024-04-01', 50]].map(([d, v], i) => upep(`u${i}`, d as string, v as number)));
    expect([p.flags.primaryRefractory, p.flags.relapsedAndRefractory]).toEqual([true, false]);
  });
  it('G03 prior lines: VRd+ASCT+R maint, then KPd, then CAR-T → 3 lines [§3]', () => {
    const p = P_(ms('v', medText('VRd'), '2021-01-01', '2021-04-30'), proc('t', 'ASCT', '2021-06-01'), ms('r', medText('lenalidomide'), '2021-08-01', '2023-01-01'),
      ms('k', medText('KPd'), '2023-02-01', '2024-01-01'), proc('c', 'Infusion of idecabtagene vicleucel', '2024-03-01'));
    expect(p.linesOfTherapy.count).toBe(3);
  });
});
