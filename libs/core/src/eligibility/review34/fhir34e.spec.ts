/**
 * fhir34e — end dates (unknown, future), unit/code disagreements. Expectations written before reading the implementation.
 */
import { buildProfile } from '../../patient/profile';
import { med, lab } from '../../testing/events';
import { AS_OF, UCUM, subject, q, obs, medText, ms, spep, upep, fhirKit } from './fhir34-kit';

const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'male' };
const { P_ } = fhirKit(PATIENT);
const labsOn = [['2023-12-20', 2.0], ['2024-03-01', 1.0], ['2024-04-01', 1.0], ['2024-06-01', 1.6], ['2024-07-01', 1.7]] as const;

describe('end dates', () => {
  it('H01 Rd with planned end 2025-12-31, as of 2025-06-01 → still ongoing that day', () =>
    expect(P_(ms('a', medText('Rd'), '2025-01-01', '2025-12-31', 'active')).drugs.lenalidomide?.ongoing).toBe(true));
  it('H02 "completed" Rd without end: true last dose unknown → lastDoseUnknown as the native path gives (CONTESTABLE: fhir-mapping documents end = start) [§1 60 days of last therapy; clinical-core v16]', () => {
    const p = P_(ms('a', medText('Rd'), '2024-01-01', undefined, 'completed'), ...labsOn.map(([d, v], i) => spep(`s${i}`, d, v)), ...labsOn.slice(0, 3).map(([d], i) => upep(`u${i}`, d, 50)));
    const native = buildProfile([{ ...med('Rd', '2024-01-01', null, { reasonStopped: 'completed' }), eventId: 'n' }, ...labsOn.flatMap(([d, v], i) => [{ ...lab(d, 'serum m-protein', v, 'g/dL'), eventId: `s${i}` }, ...(i < 3 ? [{ ...lab(d, 'urine m-protein', 50, 'mg/24h'), eventId: `u${i}` }] : [])])] as never, AS_OF);
    expect(native.drugs.lenalidomide?.lastDoseUnknown).toBe(true);
    expect(p.drugs.lenalidomide?.lastDoseUnknown).toBe(true);
  });
});

describe('dates near midnight on other resources', () => {
  it('H06 Condition onset 2018-02-01T23:00-08:00 → diagnosis 2018-02-01', () =>
    expect(P_({ resourceType: 'Condition', id: 'c', subject, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C90.00' }] }, onsetDateTime: '2018-02-01T23:00:00-08:00' }).diagnosis.date).toBe('2018-02-01'));
  it('H07 ASCT performed 2023-06-01T23:30-05:00 → transplant 2023-06-01', () =>
    expect(P_({ resourceType: 'Procedure', id: 't', status: 'completed', subject, code: { text: 'ASCT' }, performedDateTime: '2023-06-01T23:30:00-05:00' }).transplants[0]?.date).toBe('2023-06-01'));
  it('H08 ECOG valueCodeableConcept text "ECOG 1" → 1', () => expect(P_(obs('e', '89247-1', { valueCodeableConcept: { text: 'ECOG 1' } })).ecog?.value).toBe(1));
});

describe('unit and code disagreements (fhir-mapping: UCUM code preferred)', () => {
  it('H03 FLC code mg/dL, unit text "mg/L", 2.5 → 25 mg/L (code wins)', () => expect((P_(obs('k', '36916-5', { valueQuantity: { value: 2.5, unit: 'mg/L', system: UCUM, code: 'mg/dL' } })).labs.freeKappa)?.value).toBeCloseTo(25, 6));
  it('H04 M-spike with a local-system code "GDL" and unit "g/dL" → 1.5 g/dL (unit read)', () => expect((P_(obs('s', '33358-3', { valueQuantity: { value: 1.5, unit: 'g/dL', system: 'http://lab.local/units', code: 'GDL' } })).labs.serumMProtein)?.value).toBeCloseTo(1.5, 6));
  it('H05 creatinine in mmol/L 0.1768 → 2.0 mg/dL', () => expect((P_(obs('c', '2160-0', q(0.1768, 'mmol/L'))).labs.creatinine)?.value).toBeCloseTo(2.0, 4));
});
