/**
 * eng34 — fourth round: evaluation day after the profile day, unread study drugs, units, renal (§7 CG, eGFR),
 * lastDoseUnknown, LVEF, ECOG latest. Expectations from domain.md / docs before reading the code.
 */
import { compileTrial, evaluateTrial, screenTrial } from '../../eligibility/trial';
import {
  add, base, cohortOf, critOf, demographics, doc, ecog, evalTrial, hb, L1, L2, L3, lab, leaf, med, prof, regimen, response,
  S, serum, std, urine, verdictOf, type Ev,
} from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const out = (trial: string, crit: string, evs: Ev[], asOf = S) => critOf(evalTrial(trial, evs, asOf).e, crit).outcome;

describe('evaluation day later than the profile day (evaluateTrial asOf)', () => {
  const evs = () => std([], { l3: L3(['daratumumab', 'dexamethasone'], add(S, -30)) });
  it('Z01 DREAMM-8: profile of S (dara 30 d ago), evaluated on S+1 → exc-03 NOT_MET', () => {
    const t = compileTrial(doc('NCT04484623'));
    const e = evaluateTrial(t, prof(evs(), S), add(S, 1));
    expect(critOf(e, 'exc-03').outcome).toBe('NOT_MET');
  });
  it('Z02 DREAMM-8: same via screenTrial on S+1 → not ELIGIBLE_FROM (washout over)', () => {
    const t = compileTrial(doc('NCT04484623'));
    const sc = screenTrial(t, prof(evs(), S), add(S, 1));
    expect(sc.verdict).toBe('POTENTIALLY_ELIGIBLE');
  });
  it('Z03 MajesTEC-1: profile of S, ECOG of S−10 evaluated on S+51 (61 days) → inc-04 UNKNOWN', () => {
    const t = compileTrial(doc('NCT04557098'));
    const e = evaluateTrial(t, prof(std(), S), add(S, 51));
    expect(critOf(e, 'inc-04').outcome).toBe('UNKNOWN');
  });
});

describe('unread study drugs (criteria-language priorLines / priorTargetTherapy)', () => {
  const blinded = (known3: boolean) => [
    ...base(), ...L1(), ...L2(),
    ...(known3 ? L3(undefined, '2024-06-01', '2024-05-20') : []),
    med('investigational BCMA bispecific (blinded)', '2024-08-01', '2025-04-01'), response('2024-10-01', 'PR'), response('2024-11-01', 'PR'), response('2025-03-20', 'PD'),
    ...labsStd(),
  ];
  it('Z10 2 known lines + blinded BCMA bispecific later → MajesTEC-1 inc-02 (≥3 lines) UNKNOWN', () => expect(out('NCT04557098', 'inc-02', blinded(false))).toBe('UNKNOWN'));
  it('Z11 3 known lines + blinded BCMA bispecific → MajesTEC-1 inc-02 MET (count can only grow)', () => expect(out('NCT04557098', 'inc-02', blinded(true))).toBe('MET'));
  it('Z12 blinded BCMA bispecific → MagnetisMM-3 cohort B (ADC or CAR-T) INELIGIBLE: names another modality', () => {
    const { e } = evalTrial('NCT04649359', blinded(true));
    expect(cohortOf(e, 'B')).toBe('INELIGIBLE');
  });
  it('Z13 blinded BCMA bispecific → MajesTEC-1 cohort A exclusion (any BCMA) UNKNOWN', () => {
    const { e } = evalTrial('NCT04557098', blinded(true));
    expect(critOf(e, 'exc-01', 'A').outcome).toBe('UNKNOWN');
  });
  it('Z14 "investigational agent" with no target, 3 known lines → MajesTEC-1 cohort A exclusion NOT_MET (names no target)', () => {
    const evs = [...base(), ...L1(), ...L2(), ...L3(undefined, '2024-06-01', '2024-05-20'), med('investigational agent XY-1', '2024-08-01', '2025-04-01'), response('2025-03-20', 'PD'), ...labsStd()];
    const { e } = evalTrial('NCT04557098', evs);
    expect(critOf(e, 'exc-01', 'A').outcome).toBe('NOT_MET');
  });
});

describe('units (domain §8)', () => {
  const two = (labs: Ev[]) => [...base(), ...L1(), ...L2(), serum(add(S, -10), 1.2), ...labs];
  it('Z20 Hb 5.0 mmol/L (= 8.06 g/dL) → CARTITUDE-4 inc-07 MET', () => expect(out('NCT04181827', 'inc-07', two([lab(add(S, -3), 'hemoglobin', 5.0, 'mmol/L')]))).toBe('MET'));
  it('Z21 Hb 4.9 mmol/L (= 7.90 g/dL) → NOT_MET', () => expect(out('NCT04181827', 'inc-07', two([lab(add(S, -3), 'hemoglobin', 4.9, 'mmol/L')]))).toBe('NOT_MET'));
  it('Z22 Hb 80 g/L → MET', () => expect(out('NCT04181827', 'inc-07', two([lab(add(S, -3), 'hemoglobin', 80, 'g/L')]))).toBe('MET'));
  it('Z23 serum M-protein 5 g/L (= 0.5 g/dL), urine 0 → IKEMA inc-02 MET', () =>
    expect(out('NCT03275285', 'inc-02', std([], { labs: [lab(add(S, -10), 'serum m-protein', 5, 'g/L'), urine(add(S, -10), 0), ecog(add(S, -10), 1)] }))).toBe('MET'));
  it('Z24 serum M-protein 4.9 g/L, urine 0 → IKEMA inc-02 NOT_MET', () =>
    expect(out('NCT03275285', 'inc-02', std([], { labs: [lab(add(S, -10), 'serum m-protein', 4.9, 'g/L'), urine(add(S, -10), 0), ecog(add(S, -10), 1)] }))).toBe('NOT_MET'));
});

describe('renal (§7 Cockcroft–Gault; CARTITUDE-1 eGFR)', () => {
  // male, born 1960-05-01 → 65 on 2025-05-22; 80 kg
  const cr = (v: number, unit = 'mg/dL', sex = 'male') => [demographics('1960-05-01', sex, 80), lab(add(S, -10), 'creatinine', v, unit)];
  const cg = { fact: 'creatinineClearance', op: '>=', value: 40 };
  it('Z30 CG male 65 y 80 kg Scr 2.08 → 40.06 ≥40 MET', () => expect(leaf(cg, cr(2.08)).outcome).toBe('MET'));
  it('Z31 CG Scr 2.09 → 39.87 NOT_MET', () => expect(leaf(cg, cr(2.09)).outcome).toBe('NOT_MET'));
  it('Z32 CG Scr 184 µmol/L (2.081 mg/dL) → MET', () => expect(leaf(cg, cr(184, 'umol/L')).outcome).toBe('MET'));
  it('Z33 CG Scr 185 µmol/L (2.093 mg/dL) → NOT_MET', () => expect(leaf(cg, cr(185, 'umol/L')).outcome).toBe('NOT_MET'));
  it('Z34 CG female Scr 1.77 → 83.33/1.77×0.85 = 40.02 MET', () => expect(leaf(cg, cr(1.77, 'mg/dL', 'female')).outcome).toBe('MET'));
  it('Z35 CG female Scr 1.78 → 39.79 NOT_MET', () => expect(leaf(cg, cr(1.78, 'mg/dL', 'female')).outcome).toBe('NOT_MET'));
  it('Z36 CARTITUDE-1 inc-04 eGFR (CKD-EPI 2021) male 65 Scr 1.84 → 40.18 MET', () => expect(out('NCT03548207', 'inc-04', cr(1.84))).toBe('MET'));
  it('Z37 CARTITUDE-1 inc-04 eGFR male 65 Scr 1.85 → 39.92 NOT_MET', () => expect(out('NCT03548207', 'inc-04', cr(1.85))).toBe('NOT_MET'));
  it('Z38 CARTITUDE-1 inc-04 with only a 24-h measured CrCl of 60 → UNKNOWN (method not substituted)', () =>
    expect(out('NCT03548207', 'inc-04', [demographics('1960-05-01', 'male', 80), lab(add(S, -10), 'measured creatinine clearance', 60, 'mL/min')])).toBe('UNKNOWN'));
});

describe('misc', () => {
  it('Z40 IKEMA exc-05 LVEF 39% → MET (excluded)', () => expect(out('NCT03275285', 'exc-05', std([lab(add(S, -5), 'lvef', 39, '%')]))).toBe('MET'));
  it('Z41 IKEMA exc-05 LVEF exactly 40% → not MET (UNKNOWN: cardiac text)', () => expect(out('NCT03275285', 'exc-05', std([lab(add(S, -5), 'lvef', 40, '%')]))).toBe('UNKNOWN'));
  it('Z42 ECOG 1 at S−5 then 2 at S−2 → MajesTEC-1 inc-04 NOT_MET (latest)', () =>
    expect(out('NCT04557098', 'inc-04', std([], { labs: [serum(add(S, -10), 1.2), ecog(add(S, -5), 1), ecog(add(S, -2), 2)] }))).toBe('NOT_MET'));
  it('Z43 DREAMM-8 exc-03: Pd stopped for progression, end not recorded (lastDoseUnknown) → UNKNOWN, not blocking', () => {
    const l3 = [...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', null, { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response(add(S, -40), 'PD')];
    const { e } = evalTrial('NCT04484623', std([], { l3 }));
    expect([critOf(e, 'exc-03').outcome, e.verdict]).toEqual(['UNKNOWN', 'POTENTIALLY_ELIGIBLE']);
  });
  it('Z44 MagnetisMM-3 inc-01 TCR with anti-CD38 exposure but no response data after it → UNKNOWN (not false)', () => {
    const evs = [...base(), ...L1(), ...regimen(['daratumumab', 'carfilzomib', 'dexamethasone'], '2022-06-01', '2023-11-30'), ...labsStd()];
    expect(out('NCT04649359', 'inc-01', evs)).toBe('UNKNOWN');
  });
  it('Z45 age 18 exactly on the screening day → CANDOR inc-02 MET', () =>
    expect(out('NCT03158688', 'inc-02', [demographics('2007-06-01', 'female', 60)])).toBe('MET'));
  it('Z46 age 17, 18th birthday tomorrow → inc-02 NOT_MET with eligibleFrom tomorrow', () => {
    const { e } = evalTrial('NCT03158688', [demographics('2007-06-02', 'female', 60)]);
    const c = critOf(e, 'inc-02');
    expect([c.outcome, c.eligibleFrom]).toEqual(['NOT_MET', add(S, 1)]);
  });
});
void verdictOf; void hb;
