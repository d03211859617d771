/**
 * Renal function by the method named. CKD-EPI 2021 (Inker et al., NEJM 2021): 142 ×
 * min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^Age × 1.012 [female]; κ 0.7 F / 0.9 M; α −0.241 F / −0.302 M.
 * domain.md §7: "Respect the method named (CG, eGFR, 24-h urine)". docs/criteria-language.md creatinineClearance row.
 */
import { demographics, lab } from '../testing/events';
import { mapFhirBundle } from '../fhir/map-bundle';
import { proposeRule } from './propose';
import { outcome, profileOf } from './condition-cases';

const ckdEpi2021 = (scr: number, age: number, female: boolean): number => {
  const k = female ? 0.7 : 0.9;
  return 142 * Math.min(scr / k, 1) ** (female ? -0.241 : -0.302) * Math.max(scr / k, 1) ** -1.2 * 0.9938 ** age * (female ? 1.012 : 1);
};
const egfr = (op: string, value: number) => ({ fact: 'creatinineClearance', method: 'egfr', op, value });

describe('CKD-EPI 2021 from creatinine (held)', () => {
  it('female below κ (0.6 mg/dL, 75 y): 93.546…', () => {
    const p = profileOf([demographics('1950-03-15', 'female', 60), lab('2025-05-20', 'creatinine', 0.6, 'mg/dL')]);
    expect(ckdEpi2021(0.6, 75, true)).toBeCloseTo(93.5465, 3);
    expect(p.labs.egfrComputed?.value).toBeCloseTo(93.5465, 3);
    expect(outcome(egfr('>=', 93.54), p)).toBe('MET');
    expect(outcome(egfr('>=', 93.55), p)).toBe('NOT_MET');
  });

  it('male above κ in µmol/L (132.6 µmol/L = 1.5 mg/dL), the day before his 60th birthday: age 59, 53.298…', () => {
    const p = profileOf([demographics('1965-06-01', 'male', 80), lab('2025-05-31', 'creatinine', 132.6, 'µmol/L')]);
    expect(ckdEpi2021(1.5, 59, false)).toBeCloseTo(53.2979, 3);
    expect(p.labs.egfrComputed?.inputs.ageYears).toBe(59);
    expect(p.labs.egfrComputed?.value).toBeCloseTo(53.2979, 3);
    expect(outcome(egfr('>=', 53.2), p)).toBe('MET');
    expect(outcome(egfr('<', 53.29), p)).toBe('NOT_MET');
  });

  it('on the birthday the age is the new one; sex other, or too old: unknown; never read as Cockcroft–Gault', () => {
    const onBirthday = profileOf([demographics('1965-05-31', 'male', 80), lab('2025-05-31', 'creatinine', 1.5, 'mg/dL')]);
    expect(onBirthday.labs.egfrComputed?.inputs.ageYears).toBe(60);
    expect(onBirthday.labs.egfrComputed?.value).toBeCloseTo(ckdEpi2021(1.5, 60, false), 6);
    expect(outcome(egfr('>=', 30), profileOf([demographics('1965-05-31', 'other', 80), lab('2025-05-31', 'creatinine', 1.5, 'mg/dL')]))).toBe('UNKNOWN');
    expect(outcome(egfr('>=', 30), profileOf([demographics('1965-05-31', 'male', 80), lab('2025-03-01', 'creatinine', 1.5, 'mg/dL')]))).toBe('UNKNOWN');
    // CG for him: (140 − 60) × 80 / (72 × 1.5) = 59.26 mL/min; CKD-EPI 52.97: each rule reads its own.
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 55 }, onBirthday)).toBe('MET');
    expect(outcome(egfr('>=', 55), onBirthday)).toBe('NOT_MET');
    const old = { ...onBirthday, labs: { ...onBirthday.labs } };
    delete (old.labs as { egfrComputed?: unknown }).egfrComputed;
    expect(outcome(egfr('>=', 30), old)).toBe('UNKNOWN');
  });
});

describe('reported eGFR', () => {
  const obs = (id: string, code: string, value: number) => ({
    resource: {
      resourceType: 'Observation', id, status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code }] },
      effectiveDateTime: '2025-05-20', valueQuantity: { value, unit: 'mL/min/1.73m2', system: 'http://unitsofmeasure.org', code: 'mL/min/{1.73_m2}' },
    },
  });
  const fhir = (...entries: unknown[]) =>
    profileOf(mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' } }, ...entries] } as never).events);

  it('the race-specific pair a lab reports together (MDRD "non-Black" 48642-3 = 35, "Black" 48643-1 = 42) does not decide eGFR ≥ 40 by the order of the resources', () => {
    // Both codes are mapped to the one `egfr` lab; whichever comes last wins. CKD-EPI 2021 is race-free (docs/clinical-core.md
    // "without race"): with the two race-specific values of one day and no creatinine the value is not known (or is the non-race one).
    const a = fhir(obs('a', '48642-3', 35), obs('b', '48643-1', 42));
    const b = fhir(obs('a', '48643-1', 42), obs('b', '48642-3', 35));
    expect(outcome(egfr('>=', 40), a)).toBe(outcome(egfr('>=', 40), b));
    expect(outcome(egfr('>=', 40), a)).not.toBe('MET');
  });

  it('"mL/min per 1.73 m²" (the KDIGO spelling) is an eGFR unit', () => {
    const p = profileOf([lab('2025-05-20', 'egfr', 42, 'mL/min per 1.73 m²')]);
    expect(p.labs.egfr?.value).toBe(42);
    expect(outcome(egfr('>=', 40), p)).toBe('MET');
  });

  it('held: the more recent of reported and computed; the reported on the same day; spellings with ² and spaces', () => {
    const woman = [demographics('1960-01-01', 'female', 60)];
    expect(outcome(egfr('>=', 45), profileOf([...woman, lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-25', 'eGFR', 40, 'mL/min/1.73 m²')]))).toBe('NOT_MET');
    expect(outcome(egfr('>=', 45), profileOf([...woman, lab('2025-05-25', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-20', 'eGFR', 40, 'mL/min/1.73m^2')]))).toBe('MET');
    expect(outcome(egfr('>=', 45), profileOf([...woman, lab('2025-05-25', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-25', 'egfr', 40, 'mL/min/{1.73_m2}')]))).toBe('NOT_MET');
  });
});

describe('measured (24-h urine) and the proposer', () => {
  it('held: measured is read only for method measured, and never from creatinine', () => {
    const p = profileOf([demographics('1960-01-01', 'female', 60), lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-21', 'measuredCreatinineClearance', 35, 'mL/min')]);
    expect(outcome({ fact: 'creatinineClearance', method: 'measured', op: '>=', value: 40 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'creatinineClearance', method: 'cockcroft-gault', op: '>=', value: 40 }, p)).toBe('MET'); // CG 48.30
    expect(outcome(egfr('>=', 40), p)).toBe('MET'); // CKD-EPI 55.76
  });

  it('(draft) a criterion naming the 24-hour urine method is not drafted as Cockcroft–Gault', () => {
    const r = proposeRule('Creatinine clearance ≥ 40 mL/min by 24-hour urine collection').rule as { fact: string; method?: string };
    expect(r.fact === 'creatinineClearance' ? r.method : 'not drafted').not.toBeUndefined();
    expect(['measured', 'not drafted']).toContain(r.fact === 'creatinineClearance' ? r.method : 'not drafted');
  });
});
