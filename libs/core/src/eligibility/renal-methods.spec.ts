/**
 * Renal function by the method a criterion names (domain.md §7: "CrCl ≥40 mL/min by Cockcroft–Gault; ≥30 also
 * used. Respect the method named (CG, eGFR, 24-h urine)"). The CKD-EPI 2021 values below are worked out by hand
 * from the published equation (Inker et al., NEJM 2021): 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.2 × 0.9938^age
 * × 1.012 if female; κ 0.7/0.9, α −0.241/−0.302 (female/male).
 */
import { demographics, lab } from '../testing/events';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule } from './compile';
import { proposeRule } from './propose';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const outcome = (rule: unknown, p: PatientProfile): string => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const egfr = (op: string, value: number) => ({ fact: 'creatinineClearance', method: 'egfr', op, value });

describe('eGFR: reported, or CKD-EPI 2021 from the latest creatinine', () => {
  // Female born 1960-01-01, 65 on 2025-05-20; creatinine 1.1 mg/dL: 142 × (1.1/0.7)^−1.2 × 0.9938^65 × 1.012 = 55.763…
  const woman = profileOf(demographics('1960-01-01', 'female', 60), lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'));
  // Male born 1955-01-01, 70; creatinine 70.72 µmol/L = 0.8 mg/dL: 142 × (0.8/0.9)^−0.302 × 0.9938^70 = 95.206…
  const man = profileOf(demographics('1955-01-01', 'male', 80), lab('2025-05-20', 'creatinine', 70.72, 'umol/L'));

  it('is worked out unrounded from creatinine, age on the creatinine date and sex', () => {
    expect(woman.labs.egfrComputed?.value).toBeCloseTo(55.7635, 3);
    expect(man.labs.egfrComputed?.value).toBeCloseTo(95.2063, 3);
    expect(outcome(egfr('>=', 55.76), woman)).toBe('MET');
    expect(outcome(egfr('>=', 55.77), woman)).toBe('NOT_MET');
    expect(outcome(egfr('>=', 95.2), man)).toBe('MET');
  });

  it('is not Cockcroft–Gault: the same woman has a CrCl of 48.30 mL/min by CG ((140 − 65) × 60 / (72 × 1.1) × 0.85)', () => {
    expect(woman.labs.crcl?.value).toBeCloseTo(48.295, 2);
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 50 }, woman)).toBe('NOT_MET');
    expect(outcome(egfr('>=', 50), woman)).toBe('MET');
  });

  it('a reported eGFR as recent or more recent than the creatinine is the one read; an older one is not', () => {
    const reportedSameDay = profileOf(demographics('1960-01-01', 'female', 60), lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-20', 'egfr', 40, 'mL/min/1.73m2'));
    expect(outcome(egfr('>=', 45), reportedSameDay)).toBe('NOT_MET');
    const reportedBefore = profileOf(demographics('1960-01-01', 'female', 60), lab('2025-05-01', 'eGFR', 40, 'mL/min/1.73 m²'), lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'));
    expect(outcome(egfr('>=', 45), reportedBefore)).toBe('MET');
  });

  it('unknown without sex or birth date and no reported eGFR, or when too old', () => {
    expect(outcome(egfr('>=', 30), profileOf(lab('2025-05-20', 'creatinine', 1.1, 'mg/dL')))).toBe('UNKNOWN');
    expect(outcome(egfr('>=', 30), profileOf(demographics('1960-01-01', 'female', 60), lab('2024-12-01', 'creatinine', 1.1, 'mg/dL')))).toBe('UNKNOWN');
    expect(outcome(egfr('>=', 30), profileOf(lab('2025-05-20', 'egfr', 40, 'mL/min/1.73m2')))).toBe('MET');
  });
});

describe('a creatinine clearance measured on a 24-hour urine', () => {
  it('is read only when a rule names that method', () => {
    const p = profileOf(demographics('1960-01-01', 'female', 60), lab('2025-05-20', 'creatinine', 1.1, 'mg/dL'), lab('2025-05-21', 'measured creatinine clearance', 62, 'mL/min'));
    expect(outcome({ fact: 'creatinineClearance', method: 'measured', op: '>=', value: 60 }, p)).toBe('MET');
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 60 }, p)).toBe('NOT_MET'); // Cockcroft–Gault 48.3
    expect(outcome({ fact: 'creatinineClearance', method: 'measured', op: '>=', value: 60 }, profileOf(lab('2025-05-20', 'creatinine', 1.1, 'mg/dL')))).toBe('UNKNOWN');
  });

  it('the method is checked when a trial is loaded, and the proposer drafts eGFR as eGFR', () => {
    expect(() => compileRule({ fact: 'creatinineClearance', method: 'mdrd', op: '>=', value: 30 })).toThrow(/method/);
    expect(proposeRule('eGFR ≥ 30 mL/min/1.73 m²').rule).toEqual(egfr('>=', 30));
  });
});
