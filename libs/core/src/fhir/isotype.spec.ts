/**
 * The isotype from FHIR: a myeloma Condition's text ("Multiple myeloma, IgA lambda") or a positive immunofixation
 * report naming the band ("IgA lambda identified"), so isotype-specific measurable-disease cut-offs (domain.md §5,
 * IgA/IgD/IgE/IgM ≥ 0.5 g/dL) can be read for patients fed by FHIR.
 */
import { compileRule } from '../eligibility/compile';
import { buildProfile } from '../patient/profile';
import { isotypeIn, mapFhirBundle, SYSTEMS } from './map-bundle';

const subject = { reference: 'Patient/p1' };
const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'female' };
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [patient, ...resources].map((resource) => ({ resource })) }) as Parameters<typeof mapFhirBundle>[0];
const myeloma = (text: string) => ({ resourceType: 'Condition', id: 'mm', subject, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C90.00' }], text }, onsetDateTime: '2020-01-10' });
const ife = (id: string, text: string, date = '2025-05-01') => ({ resourceType: 'Observation', id, status: 'final', subject, code: { coding: [{ system: SYSTEMS.loinc, code: '25700-6' }] }, effectiveDateTime: date, valueString: text });
const spep = (gdl: number) => ({ resourceType: 'Observation', id: 'sp', status: 'final', subject, code: { coding: [{ system: SYSTEMS.loinc, code: '33358-3' }] }, effectiveDateTime: '2025-05-01', valueQuantity: { value: gdl, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' } });
const AS_OF = '2025-06-01';
const isotypeRule = { fact: 'measurableDisease', serumMinGdL: 1, serumMinGdLByIsotype: { IgA: 0.5, IgD: 0.5, IgE: 0.5, IgM: 0.5 } };

describe('isotypeIn', () => {
  it.each([
    ['Multiple myeloma, IgA lambda', { heavyChain: 'IgA', lightChain: 'lambda' }],
    ['IgG-K band identified', { heavyChain: 'IgG', lightChain: 'kappa' }],
    ['IgGκ monoclonal protein', { heavyChain: 'IgG', lightChain: 'kappa' }],
    ['Light chain myeloma, kappa', { heavyChain: 'none', lightChain: 'kappa' }],
    ['Lambda light chain multiple myeloma', { heavyChain: 'none', lightChain: 'lambda' }],
    ['IgD myeloma', { heavyChain: 'IgD' }],
  ])('%j names %j', (text, expected) => expect(isotypeIn(text)).toEqual(expected));

  it.each([['Multiple myeloma not having achieved remission'], ['biclonal IgG kappa and IgA lambda'].map(() => 'two bands: IgG and IgA')])('%j names none (or two: neither)', (text) => {
    expect(isotypeIn(text)).toBeUndefined();
  });

  it('a biclonal report names neither heavy nor light chain', () => expect(isotypeIn('biclonal IgG kappa and IgA lambda')).toBeUndefined());
});

describe('from a Bundle into the profile', () => {
  it('the Condition text gives the isotype: serum 0.6 g/dL meets an IgA cut-off of 0.5', () => {
    const m = mapFhirBundle(bundle(myeloma('Multiple myeloma, IgA lambda'), spep(0.6)));
    expect(m.events.find((e) => e.eventId === 'Condition/mm')?.data).toMatchObject({ isotype: { heavyChain: 'IgA', lightChain: 'lambda' } });
    const p = buildProfile(m.events, AS_OF);
    expect(p.disease.measurable).toMatchObject({ heavyChain: 'IgA', lightChain: 'lambda' });
    expect(compileRule(isotypeRule)({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });

  it('with no isotype anywhere the cut-off is unknown; a positive immunofixation naming IgA settles it', () => {
    const without = buildProfile(mapFhirBundle(bundle(myeloma('Multiple myeloma'), spep(0.6))).events, AS_OF);
    expect(compileRule(isotypeRule)({ profile: without, asOf: AS_OF, trace: null }).outcome).toBe('UNKNOWN');
    const m = mapFhirBundle(bundle(myeloma('Multiple myeloma'), spep(0.6), ife('if', 'IgA lambda identified')));
    expect(m.events.find((e) => e.eventId === 'Observation/if')?.data).toEqual({ code: '25700-6', result: 'positive', isotype: 'IgA lambda' });
    expect(compileRule(isotypeRule)({ profile: buildProfile(m.events, AS_OF), asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });

  it('a negative report gives no isotype', () => {
    const m = mapFhirBundle(bundle(ife('neg', 'Negative for IgA lambda')));
    expect(m.events.find((e) => e.eventId === 'Observation/neg')?.data).toEqual({ code: '25700-6', result: 'negative' });
  });
});
