/** rev35 — FHIR statusReason words (docs/fhir-mapping.md MedicationStatement row). Scratch review file. */
import { medText, ms, fhirKit } from '../../eligibility/review34/fhir34-kit';

const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1960-01-01', gender: 'male' };
const { map, P_ } = fhirKit(PATIENT);
const reasonOf = (text: string) => {
  const m = map(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'stopped', { statusReason: [{ text }] }));
  const e = m.events.find((x) => x.type === 'medication') as unknown as { data: { reasonStopped?: string } };
  return e.data.reasonStopped;
};

describe('rev35 FHIR statusReason', () => {
  it('F01 "Incomplete response" is not "completed" (complet matched inside incomplete)', () => {
    expect(reasonOf('Incomplete response')).not.toBe('completed');
  });
  it('F02 "Completed planned course, no adverse events" → completed, not toxicity (negated toxicity)', () => {
    expect(reasonOf('Completed planned course, no adverse events')).toBe('completed');
  });
  it('F03 "Progression-free; planned cycles completed" → completed, not progression', () => {
    expect(reasonOf('Progression-free; planned cycles completed')).toBe('completed');
  });
  it('F04 "Peripheral neuropathy, not due to progression" → toxicity (negation "not due to")', () => {
    expect(reasonOf('Peripheral neuropathy, not due to progression')).toBe('toxicity');
  });
  it('F05 "Progressive peripheral neuropathy" → toxicity, not progression', () => {
    expect(reasonOf('Progressive peripheral neuropathy')).toBe('toxicity');
  });
  it('F07 "Completed 8 cycles, no PD" → completed (negated PD)', () => {
    expect(reasonOf('Completed 8 cycles, no PD')).toBe('completed');
  });
  it('F08 "Relapse-free; treatment completed" → completed', () => {
    expect(reasonOf('Relapse-free; treatment completed')).toBe('completed');
  });
  it('F06 "No relapse; patient request" → patient-choice', () => {
    expect(reasonOf('No relapse; patient request')).toBe('patient-choice');
  });
  it('F09 downstream: Rd completed 2024-06-01 "Progression-free; planned cycles completed", Kd from 2024-09-01 → line 1 reasonForChange not progression, lenalidomide not refractory', () => {
    const p = P_(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'completed', { statusReason: [{ text: 'Progression-free; planned cycles completed' }] }), ms('b', medText('Kd'), '2024-09-01', '2024-12-01'));
    expect({ r: p.linesOfTherapy.lines[0]!.reasonForChange, ref: p.drugs.lenalidomide?.refractory }).toEqual({ r: 'completed', ref: false });
  });
});
