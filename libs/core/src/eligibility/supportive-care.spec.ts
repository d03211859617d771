/**
 * Transfusions and growth factors before blood counts, hand-derived from domain.md §7: "ANC ≥1.0×10^9/L;
 * growth factor not within ~7 days of labs"; "Platelets ≥75×10^9/L … no transfusion within ~7 days";
 * "Haemoglobin ≥8 g/dL; transfusion ≥7 days before". Screening day 2025-06-01.
 */
import { event, lab, med } from '../testing/events';
import { mapFhirBundle } from '../fhir/map-bundle';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, type LeafTrace } from './compile';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const outcome = (rule: unknown, profile: PatientProfile): string => compileRule(rule)({ profile, asOf: AS_OF, trace: null }).outcome;
const transfusion = (date: string, product?: string) => event('procedure', date, { kind: 'transfusion', ...(product ? { product } : {}) });
const platelets = (date: string, value: number) => lab(date, 'platelets', value, '10*9/L');
const plateletsAtLeast75 = { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L', minDaysAfterSupport: 7 };
const plateletsBelow50 = { fact: 'lab', name: 'platelets', op: '<', value: 50, unit: '10*9/L', minDaysAfterSupport: 7 };
/** The same rule as the profile was derived before supportive care was kept (the field absent). */
const withoutSupportiveCare = (p: PatientProfile): PatientProfile => ({ ...p, supportiveCare: undefined });

describe('a blood count measured after a transfusion or a growth factor (lab minDaysAfterSupport)', () => {
  it.each([
    ['platelets 80 three days after a platelet transfusion: not known to be met without it', [transfusion('2025-05-27', 'Platelets, apheresis'), platelets('2025-05-30', 80)], 'UNKNOWN', 'UNKNOWN'],
    ['platelets 40 three days after a platelet transfusion: below 75 even with it, and below 50 without it', [transfusion('2025-05-27', 'platelets'), platelets('2025-05-30', 40)], 'NOT_MET', 'MET'],
    ['platelets 80 ten days after the transfusion', [transfusion('2025-05-20', 'platelets'), platelets('2025-05-30', 80)], 'MET', 'NOT_MET'],
    ['a transfusion exactly 7 days before the count', [transfusion('2025-05-23', 'platelets'), platelets('2025-05-30', 80)], 'MET', 'NOT_MET'],
    ['a transfusion 6 days before the count', [transfusion('2025-05-24', 'platelets'), platelets('2025-05-30', 80)], 'UNKNOWN', 'UNKNOWN'],
    ['a red-cell transfusion does not prop up platelets', [transfusion('2025-05-28', 'packed red blood cells'), platelets('2025-05-30', 80)], 'MET', 'NOT_MET'],
    ['a transfusion of a product not recorded may have been platelets', [transfusion('2025-05-28'), platelets('2025-05-30', 80)], 'UNKNOWN', 'UNKNOWN'],
    ['a transfusion after the count does not matter', [platelets('2025-05-30', 80), transfusion('2025-05-31', 'platelets')], 'MET', 'NOT_MET'],
    ['romiplostim still given', [med('romiplostim', '2025-04-01', null), platelets('2025-05-30', 80)], 'UNKNOWN', 'UNKNOWN'],
  ])('%s', (_, events, atLeast75, below50) => {
    const p = profileOf(...events);
    expect(outcome(plateletsAtLeast75, p)).toBe(atLeast75);
    expect(outcome(plateletsBelow50, p)).toBe(below50);
  });

  it('ANC after a granulocyte growth factor, haemoglobin after an erythropoiesis-stimulating agent', () => {
    const anc = { fact: 'lab', name: 'anc', op: '>=', value: 1, unit: '10*9/L', minDaysAfterSupport: 7 };
    const hb = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', minDaysAfterSupport: 7 };
    expect(outcome(anc, profileOf(med('Neulasta', '2025-05-25', '2025-05-25'), lab('2025-05-30', 'anc', 1.5, '10*9/L')))).toBe('UNKNOWN');
    expect(outcome(anc, profileOf(med('filgrastim', '2025-05-15', '2025-05-20'), lab('2025-05-30', 'anc', 1.5, '10*9/L')))).toBe('MET');
    expect(outcome(hb, profileOf(med('Aranesp', '2025-05-01', null), lab('2025-05-30', 'hemoglobin', 9, 'g/dL')))).toBe('UNKNOWN');
    expect(outcome(hb, profileOf(transfusion('2025-05-29', 'RBC'), lab('2025-05-30', 'hemoglobin', 9, 'g/dL')))).toBe('UNKNOWN');
    expect(outcome(hb, profileOf(med('Neupogen', '2025-05-29', '2025-05-29'), lab('2025-05-30', 'hemoglobin', 9, 'g/dL')))).toBe('MET');
  });

  it('counts transfusions only, or agents only, when the rule says which ("no RBC transfusion within 7 days; erythropoietin permitted")', () => {
    const hb = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', minDaysAfterSupport: 7 };
    const afterEpoetin = profileOf(med('epoetin alfa', '2025-05-27', '2025-05-27'), lab('2025-05-30', 'hemoglobin', 9, 'g/dL'));
    const afterRbc = profileOf(transfusion('2025-05-27', 'RBC'), lab('2025-05-30', 'hemoglobin', 9, 'g/dL'));
    expect([outcome(hb, afterEpoetin), outcome(hb, afterRbc)]).toEqual(['UNKNOWN', 'UNKNOWN']);
    expect([outcome({ ...hb, support: 'transfusion' }, afterEpoetin), outcome({ ...hb, support: 'transfusion' }, afterRbc)]).toEqual(['MET', 'UNKNOWN']);
    expect([outcome({ ...hb, support: 'agent' }, afterEpoetin), outcome({ ...hb, support: 'agent' }, afterRbc)]).toEqual(['UNKNOWN', 'MET']);
    const trace: LeafTrace[] = [];
    compileRule({ ...hb, support: 'transfusion' })({ profile: afterRbc, asOf: AS_OF, trace });
    expect(trace[0]?.expected).toContain('at least 7 days after a red-cell transfusion');
    expect(trace[0]?.expected).not.toContain('erythropoiesis');
  });

  it('a profile derived before supportive care was kept cannot say', () => {
    expect(outcome(plateletsAtLeast75, withoutSupportiveCare(profileOf(platelets('2025-05-30', 80))))).toBe('UNKNOWN');
  });

  it('is checked when a trial is loaded: only on platelets, haemoglobin and ANC lab rules', () => {
    expect(() => compileRule({ fact: 'lab', name: 'creatinine', op: '<=', value: 2, unit: 'mg/dL', minDaysAfterSupport: 7 })).toThrow(/minDaysAfterSupport/);
    expect(() => compileRule({ fact: 'labTimesUln', name: 'platelets', op: '<=', value: 2, minDaysAfterSupport: 7 })).toThrow(/minDaysAfterSupport/);
    expect(() => compileRule({ fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', support: 'transfusion' })).toThrow(/support: only with minDaysAfterSupport/);
    expect(() => compileRule({ fact: 'lab', name: 'anc', op: '>=', value: 1, unit: '10*9/L', minDaysAfterSupport: 7, support: 'transfusion' })).toThrow(/nothing is transfused for anc/);
    expect(() => compileRule({ fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', minDaysAfterSupport: 7, support: 'rbc' })).toThrow(/support/);
  });
});

describe('washouts of supportive care (timeSince)', () => {
  const noGcsfWithin7 = { fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 };
  it('a growth factor given 4 days ago: not met until its 7th day (it had read as "never given")', () => {
    const p = profileOf(med('lenalidomide', '2025-01-01', null), med('Zarxio', '2025-05-26', '2025-05-28'));
    expect(compileRule(noGcsfWithin7)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-04', flipsTo: 'MET' });
    expect(outcome(noGcsfWithin7, profileOf(med('lenalidomide', '2025-01-01', null), med('filgrastim', '2025-05-01', null)))).toBe('NOT_MET');
    expect(outcome(noGcsfWithin7, profileOf(med('lenalidomide', '2025-05-01', null)))).toBe('MET');
    expect(outcome(noGcsfWithin7, withoutSupportiveCare(profileOf(med('lenalidomide', '2025-05-01', null))))).toBe('UNKNOWN');
  });

  it('transfusions, by product', () => {
    const noPlateletsWithin7 = { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 7 };
    const p = profileOf(med('lenalidomide', '2025-01-01', null), transfusion('2025-05-29', 'platelet concentrate'));
    expect(compileRule(noPlateletsWithin7)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-05', flipsTo: 'MET' });
    expect(outcome({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', minDays: 7 }, p)).toBe('MET');
    expect(outcome({ fact: 'timeSince', event: 'transfusion', minDays: 7 }, p)).toBe('NOT_MET');
    expect(outcome(noPlateletsWithin7, profileOf(med('lenalidomide', '2025-01-01', null), transfusion('2025-05-30')))).toBe('UNKNOWN');
    expect(outcome(noPlateletsWithin7, profileOf(med('lenalidomide', '2025-01-01', null), transfusion('2025-04-30')))).toBe('MET');
  });

  it('a supportive agent is no anti-myeloma exposure: exposure rules on one are refused', () => {
    expect(() => compileRule({ fact: 'drugExposed', drug: 'filgrastim' })).toThrow(/supportive agent/);
    expect(() => compileRule({ fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', product: 'platelets', minDays: 7 })).toThrow(/product/);
  });

  it('a FHIR Procedure of transfusion is read with its product', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' } },
        { resource: { resourceType: 'Procedure', id: 'pr1', status: 'completed', subject: { reference: 'Patient/p1' }, code: { text: 'Transfusion of platelets' }, performedDateTime: '2025-05-29' } },
      ],
    } as Parameters<typeof mapFhirBundle>[0];
    const p = buildProfile(mapFhirBundle(bundle).events, AS_OF);
    expect(p.supportiveCare).toEqual([{ kind: 'transfusion', what: 'platelets', start: '2025-05-29', end: '2025-05-29', provenance: [expect.any(String)] }]);
  });
});
