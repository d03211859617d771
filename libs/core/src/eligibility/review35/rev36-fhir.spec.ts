/** rev36 — review of 834e4be a111394 09329f8. Kept as a regression suite. */
import { medText, ms, fhirKit } from '../../eligibility/review34/fhir34-kit';


const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1960-01-01', gender: 'male' };
const { map } = fhirKit(PATIENT);
const reasonOf = (text: string) => {
  const m = map(ms('a', medText('Rd'), '2024-01-01', '2024-06-01', 'stopped', { statusReason: [{ text }] }));
  const e = m.events.find((x) => x.type === 'medication') as unknown as { data: { reasonStopped?: string } };
  return e.data.reasonStopped;
};

describe('rev36 FHIR statusReason', () => {
  it('F01 "Myeloma progressing on therapy" is progression (was before 09329f8)', () => {
    expect(reasonOf('Myeloma progressing on therapy')).toBe('progression');
  });
  it('F02 "Relapsing disease" is progression', () => {
    expect(reasonOf('Relapsing disease')).toBe('progression');
  });
  it('F03 "Progressive myeloma" is progression', () => {
    expect(reasonOf('Progressive myeloma')).toBe('progression');
  });
});
