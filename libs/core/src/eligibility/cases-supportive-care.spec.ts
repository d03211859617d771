/**
 * Supportive care before blood counts. Expectations hand-derived from docs/criteria-language.md (the `lab` and
 * `timeSince` rows; "Blood counts and what props them up"), docs/fhir-mapping.md (Procedure row) and
 * domain.md §7: "ANC ≥1.0×10^9/L; growth factor not within ~7 days of labs", "Platelets ≥75 … no transfusion
 * within ~7 days", "Haemoglobin ≥8 g/dL; transfusion ≥7 days before". Screening day 2025-06-01.
 */
import { lab, med } from '../testing/events';
import { mapFhirBundle } from '../fhir/map-bundle';
import { AS_OF, event, outcome, profileOf, run, timeline } from './condition-cases';

const len = () => med('lenalidomide', '2025-01-01', null);
const tx = (date: string, product?: string) => event('procedure', date, { kind: 'transfusion', ...(product ? { product } : {}) });
const anc = { fact: 'lab', name: 'anc', op: '>=', value: 1, unit: '10*9/L', minDaysAfterSupport: 7 };
const hb = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', minDaysAfterSupport: 7 };
const plt = { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L', minDaysAfterSupport: 7 };
const pltPerUl = { fact: 'lab', name: 'platelets', op: '>=', value: 75000, unit: '/uL', minDaysAfterSupport: 7 };
const noPltTx7 = { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 7 };
const bundle = (...resources: unknown[]) =>
  ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' } }, ...resources.map((resource) => ({ resource }))],
  }) as Parameters<typeof mapFhirBundle>[0];
let n = 0;
const procedure = (code: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Procedure', id: `pr${++n}`, status: 'completed', subject: { reference: 'Patient/p1' }, code, performedDateTime: '2025-05-29', ...extra,
});
const med1 = (text: string, date: string) => ({
  resourceType: 'MedicationAdministration', id: `ma${++n}`, status: 'completed', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text }, effectiveDateTime: date,
});
const fhirProfile = (...resources: unknown[]) => profileOf([...mapFhirBundle(bundle(med1('lenalidomide', '2025-01-01'), ...resources)).events, lab('2025-05-30', 'platelets', 80, '10*9/L')]);

describe('FHIR transfusion procedures (docs/fhir-mapping.md: "transfusion (platelets or red cells from its wording)")', () => {
  it('"Transfusion of apheresis platelets" is a platelet transfusion, not a stem-cell collection', () => {
    // Apheresis platelets are the commonest platelet product; the word "apheresis" names the product here.
    const p = fhirProfile(procedure({ text: 'Transfusion of apheresis platelets' }));
    expect(p.supportiveCare).toEqual([expect.objectContaining({ kind: 'transfusion', what: 'platelets', start: '2025-05-29' })]);
    expect(outcome(plt, p)).toBe('UNKNOWN'); // platelets 80 one day after a platelet transfusion
  });

  it('a transfusion whose product is not said ("Blood transfusion", "Transfusion") may be the one: platelets 80 the next day are not known to meet ≥75', () => {
    // criteria-language.md: "a transfusion of a product not recorded may be the one".
    for (const text of ['Blood transfusion', 'Transfusion', 'Transfusion of blood product']) {
      const p = fhirProfile(procedure({ text }));
      expect([text, outcome(plt, p)]).toEqual([text, 'UNKNOWN']);
      expect([text, outcome(noPltTx7, p)]).toEqual([text, 'UNKNOWN']);
    }
  });

  it('the product given in Procedure.usedCode (or a coding display) is read', () => {
    const used = fhirProfile(procedure({ text: 'Transfusion' }, { usedCode: [{ text: 'Platelet concentrate' }] }));
    expect(outcome(plt, used)).toBe('UNKNOWN');
    const display = fhirProfile(procedure({ text: 'Transfusion', coding: [{ system: 'http://snomed.info/sct', code: '180207008', display: 'Intravenous blood transfusion of platelets' }] }));
    expect(outcome(plt, display)).toBe('UNKNOWN');
  });

  it('held: "Platelet transfusion" and "Red blood cell transfusion" are read with their product', () => {
    expect(outcome(plt, fhirProfile(procedure({ text: 'Platelet transfusion' })))).toBe('UNKNOWN');
    expect(outcome(plt, fhirProfile(procedure({ text: 'Red blood cell transfusion' })))).toBe('MET');
  });
});

describe('what props up a count', () => {
  it('one transfusion of red cells and platelets props up both haemoglobin and platelets', () => {
    const p = profileOf([len(), tx('2025-05-28', 'RBC + platelets'), lab('2025-05-30', 'hemoglobin', 9, 'g/dL'), lab('2025-05-30', 'platelets', 80, '10*9/L')]);
    expect(outcome(plt, p)).toBe('UNKNOWN');
    expect(outcome(hb, p)).toBe('UNKNOWN'); // red cells transfused 2 days before the Hb
  });

  it('a growth factor written with its FDA biosimilar suffix (filgrastim-sndz, pegfilgrastim-jmdb) or as Neulasta Onpro still props up the ANC', () => {
    for (const drug of ['filgrastim-sndz', 'pegfilgrastim-jmdb', 'Neulasta Onpro', 'tbo-filgrastim']) {
      const p = profileOf([len(), med(drug, '2025-05-27', '2025-05-27'), lab('2025-05-30', 'anc', 1.5, '10*9/L')]);
      expect([drug, outcome(anc, p)]).toEqual([drug, 'UNKNOWN']);
    }
  });

  it('timeSince with class SUPPORTIVE: a G-CSF 3 days ago is not "never given"', () => {
    const p = profileOf([len(), med('filgrastim', '2025-05-29', '2025-05-29')]);
    // Either refused when the trial is loaded (like drugExposed on a supportive agent) or NOT_MET; never MET.
    let o: string;
    try {
      o = outcome({ fact: 'timeSince', event: 'lastDose', class: 'SUPPORTIVE', minDays: 7 }, p);
    } catch {
      o = 'REFUSED';
    }
    expect(['NOT_MET', 'REFUSED']).toContain(o);
  });

  it('a recorded transfusion or growth factor 3 days ago settles "≥7 days since" without any anti-myeloma history', () => {
    expect(run({ fact: 'timeSince', event: 'transfusion', minDays: 7 }, profileOf([tx('2025-05-29', 'platelets')])).outcome).toBe('NOT_MET');
    expect(run({ fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 }, profileOf([med('filgrastim', '2025-05-29', '2025-05-29')])).outcome).toBe('NOT_MET');
  });
});

describe('held: boundaries, units, courses, several supports, old profiles', () => {
  it.each([
    ['exactly 7 days before (10^9/L)', '2025-05-23', 80, plt, 'MET'],
    ['6 days before (10^9/L)', '2025-05-24', 80, plt, 'UNKNOWN'],
    ['exactly 7 days before (/µL)', '2025-05-23', 80000, pltPerUl, 'MET'],
    ['6 days before (/µL)', '2025-05-24', 80000, pltPerUl, 'UNKNOWN'],
    ['6 days before, 40 fails anyway (/µL)', '2025-05-24', 40000, pltPerUl, 'NOT_MET'],
  ])('%s', (_, day, value, rule, expected) => {
    const unit = rule === pltPerUl ? '/uL' : '10*9/L';
    expect(outcome(rule, profileOf([len(), tx(day, 'platelets'), lab('2025-05-30', 'platelets', value, unit)]))).toBe(expected);
  });

  it('a course running across the count, an ongoing ESA, the latest of several supports, an upper limit', () => {
    expect(outcome(anc, profileOf([len(), med('filgrastim', '2025-05-10', '2025-05-31'), lab('2025-05-20', 'anc', 1.5, '10*9/L')]))).toBe('UNKNOWN');
    expect(outcome(hb, profileOf([len(), med('Retacrit', '2025-03-01', null), lab('2025-05-30', 'hemoglobin', 9, 'g/dL')]))).toBe('UNKNOWN');
    expect(outcome(hb, profileOf([len(), tx('2025-05-01', 'PRBC'), tx('2025-05-20', 'packed red cells'), lab('2025-05-26', 'hemoglobin', 9, 'g/dL')]))).toBe('UNKNOWN');
    expect(outcome(hb, profileOf([len(), tx('2025-05-01', 'PRBC'), tx('2025-05-19', 'packed red cells'), lab('2025-05-26', 'hemoglobin', 9, 'g/dL')]))).toBe('MET');
    const pltMax = { fact: 'lab', name: 'platelets', op: '<=', value: 400, unit: '10*9/L', minDaysAfterSupport: 7 };
    expect(outcome(pltMax, profileOf([len(), tx('2025-05-28', 'platelets'), lab('2025-05-30', 'platelets', 300, '10*9/L')]))).toBe('MET');
    expect(outcome(pltMax, profileOf([len(), tx('2025-05-28', 'platelets'), lab('2025-05-30', 'platelets', 450, '10*9/L')]))).toBe('UNKNOWN');
    const old = profileOf([len(), lab('2025-05-30', 'platelets', 80, '10*9/L')]);
    expect(outcome(plt, { ...old, supportiveCare: undefined })).toBe('UNKNOWN');
    expect(outcome({ ...plt, minDaysAfterSupport: undefined }, { ...old, supportiveCare: undefined })).toBe('MET');
  });

  it('timeSince flip dates agree with day-by-day evaluation', () => {
    const p = profileOf([len(), tx('2025-05-20', 'red cells'), tx('2025-05-29', 'platelets'), med('filgrastim', '2025-05-20', '2025-05-27'), med('Neulasta', '2025-05-30', '2025-05-30')]);
    expect(run(noPltTx7, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-05', flipsTo: 'MET' });
    expect(timeline(noPltTx7, p, AS_OF, 30)).toEqual(['2025-06-01:NOT_MET', '2025-06-05:MET']);
    const gcsf = { fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 };
    expect(run(gcsf, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-03', flipsTo: 'MET' });
    expect(timeline(gcsf, p, AS_OF, 30)).toEqual(['2025-06-01:NOT_MET', '2025-06-03:MET']);
    expect(run({ fact: 'timeSince', event: 'lastDose', drug: 'pegfilgrastim', minDays: 14 }, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-13', flipsTo: 'MET' });
    expect(run({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', minDays: 14 }, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-03', flipsTo: 'MET' });
  });

  it('exposure rules refuse the new agents; a growth factor opens no line and is no exposure', () => {
    for (const drug of ['pegfilgrastim', 'epoetin alfa', 'romiplostim', 'eltrombopag']) expect(() => run({ fact: 'drugRefractory', drug }, profileOf([len()]))).toThrow(/supportive agent/);
    const p = profileOf([len(), med('Neulasta', '2025-05-01', '2025-05-01'), med('Nplate', '2025-05-02', null)]);
    expect(p.linesOfTherapy.count).toBe(1);
    expect(Object.keys(p.drugs)).toEqual(['lenalidomide']);
  });
});
