/**
 * eng34 — catalog trials evaluated as a coordinator would (data/trials/*.json), against hand-built patients on a
 * criterion's boundary. Expected outcomes written from the trial text, docs/criteria-language.md and domain.md
 * before reading the implementation.
 */
import {
  add, base, carT, cohortOf, critOf, cyto, cond, ecog, evalTrial, flc, hb, L1, L2, L3, leaf, med, regimen, response,
  ruleOf, S, sct, serum, std, transfusion, urine, verdictOf, event, type Ev,
} from './eng34-helpers';

const out = (trial: string, crit: string, evs: Ev[], asOf = S, cohort?: string) => critOf(evalTrial(trial, evs, asOf).e, crit, cohort).outcome;
const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
/** L4 after an L3 that ended 2024-12-20 with PD on it (2024-12-10). */
const withL4 = (drugs: string[], extra: Ev[] = []) => std([
  ...regimen(drugs, '2025-01-01', '2025-05-10'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD'), ...extra,
], { l3: L3(undefined, '2024-12-20', '2024-12-10') });

// ---------------------------------------------------------------------------------------------------------------
describe('MajesTEC-1 NCT04557098 (cohort A BCMA-naive, cohort C prior BCMA; IMWG measurable, ECOG ≤1)', () => {
  const T = 'NCT04557098';
  it('M01 3 lines TCE, PD on last line, IgG 1.2, ECOG 1, no BCMA → trial ELIGIBLE, A ELIGIBLE, C INELIGIBLE', () => {
    const { e } = evalTrial(T, std());
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'C')]).toEqual(['ELIGIBLE', 'ELIGIBLE', 'INELIGIBLE']);
  });
  it('M02 serum exactly 1.0 g/dL (§5 ≥1 g/dL) → inc-03 MET', () =>
    expect(out(T, 'inc-03', std([], { labs: [serum(add(S, -10), 1.0), urine(add(S, -10), 50), ecog(add(S, -10), 1)] }))).toBe('MET'));
  it('M03 serum 0.99, urine 199, involved FLC 3 mg/dL → inc-03 NOT_MET, trial INELIGIBLE', () => {
    const { e } = evalTrial(T, std([], { labs: [serum(add(S, -10), 0.99), urine(add(S, -10), 199), ...flc(add(S, -10), 30, 10), ecog(add(S, -10), 1)] }));
    expect([critOf(e, 'inc-03').outcome, e.verdict]).toEqual(['NOT_MET', 'INELIGIBLE']);
  });
  it('M04 serum 0.99, urine 150, κ 120 mg/L λ 10 (involved 12 mg/dL, ratio 12) → FLC route MET (§5)', () =>
    expect(out(T, 'inc-03', std([], { labs: [serum(add(S, -10), 0.99), urine(add(S, -10), 150), ...flc(add(S, -10), 120, 10), ecog(add(S, -10), 1)] }))).toBe('MET'));
  it('M05 involved κ exactly 10 mg/dL, ratio 100/60 = 1.667 (>1.65 abnormal) → MET', () =>
    expect(out(T, 'inc-03', std([], { labs: [serum(add(S, -10), 0.99), urine(add(S, -10), 150), ...flc(add(S, -10), 100, 60), ecog(add(S, -10), 1)] }))).toBe('MET'));
  it('M06 involved κ 10 mg/dL, ratio 100/61 = 1.639 (normal) → NOT_MET', () =>
    expect(out(T, 'inc-03', std([], { labs: [serum(add(S, -10), 0.99), urine(add(S, -10), 150), ...flc(add(S, -10), 100, 61), ecog(add(S, -10), 1)] }))).toBe('NOT_MET'));
  it('M07 ECOG 2 → INELIGIBLE with inc-04 failing', () => {
    const { e } = evalTrial(T, std([], { labs: [serum(add(S, -10), 1.2), ecog(add(S, -10), 2)] }));
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-04');
  });
  it('M08 2 prior lines, ECOG unrecorded → INELIGIBLE (a certain NOT_MET is not hidden by UNKNOWN), inc-02 failing', () => {
    const { e } = evalTrial(T, [...base(), ...L1(), ...L2(), serum(add(S, -10), 1.2)]);
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-02');
  });
  it('M09 prior teclistamab (BCMA bispecific, 4th line) → A INELIGIBLE, C ELIGIBLE, trial ELIGIBLE', () => {
    const { e } = evalTrial(T, withL4(['teclistamab']));
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'C')]).toEqual(['ELIGIBLE', 'INELIGIBLE', 'ELIGIBLE']);
  });
  it('M10 prior CAR-T of an unrecognised product → BCMA unknown: A and C POTENTIALLY_ELIGIBLE', () => {
    const evs = std([carT('2025-01-15', 'XYZ-99 investigational'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial(T, evs);
    expect([cohortOf(e, 'A'), cohortOf(e, 'C')]).toEqual(['POTENTIALLY_ELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
  it('M11 only serum value 61 days old (currentLabMaxAgeDays 60) → inc-03 UNKNOWN, POTENTIALLY_ELIGIBLE', () => {
    const { e } = evalTrial(T, std([], { labs: [serum(add(S, -61), 1.5), urine(add(S, -61), 300), ecog(add(S, -10), 1)] }));
    expect([critOf(e, 'inc-03').outcome, e.verdict]).toEqual(['UNKNOWN', 'POTENTIALLY_ELIGIBLE']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('MagnetisMM-3 NCT04649359 (TCR; cohort A BCMA-naive, B prior BCMA ADC or CAR-T)', () => {
  const T = 'NCT04649359';
  it('G01 TCR, no BCMA → A ELIGIBLE, B INELIGIBLE, trial ELIGIBLE', () => {
    const { e } = evalTrial(T, std());
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['ELIGIBLE', 'ELIGIBLE', 'INELIGIBLE']);
  });
  it('G02 prior belantamab (BCMA ADC) → A INELIGIBLE, B ELIGIBLE', () => {
    const { e } = evalTrial(T, withL4(['belantamab mafodotin']));
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['ELIGIBLE', 'INELIGIBLE', 'ELIGIBLE']);
  });
  it('G03 prior teclistamab (BCMA bispecific only) → A and B INELIGIBLE, trial INELIGIBLE', () => {
    const { e } = evalTrial(T, withL4(['teclistamab']));
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['INELIGIBLE', 'INELIGIBLE', 'INELIGIBLE']);
  });
  it('G04 anti-CD38 known not refractory (VGPR, relapse 172 d after last dose) → TCR NOT_MET, INELIGIBLE', () => {
    const evs = [...base(), ...L1(), ...L2(undefined, '2023-06-01', null), response('2023-11-20', 'PD'), ...L3(), ...labsStd()];
    const { e } = evalTrial(T, evs);
    expect([critOf(e, 'inc-01').outcome, e.verdict]).toEqual(['NOT_MET', 'INELIGIBLE']);
  });
  it('G05 prior cilta-cel (BCMA CAR-T) → B ELIGIBLE', () => {
    const evs = std([carT('2025-01-15', 'ciltacabtagene autoleucel'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial(T, evs);
    expect([cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['INELIGIBLE', 'ELIGIBLE']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('MonumenTAL-1 NCT04634552 (A/C T-cell-redirection naive, B exposed)', () => {
  const T = 'NCT04634552';
  it('T01 no T-cell redirection → A, C POTENTIALLY_ELIGIBLE; B INELIGIBLE', () => {
    const { e } = evalTrial(T, std());
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B'), cohortOf(e, 'C')]).toEqual(['POTENTIALLY_ELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
  it('T02 prior teclistamab (T-cell engager) → B POTENTIALLY_ELIGIBLE, A and C INELIGIBLE', () => {
    const { e } = evalTrial(T, withL4(['teclistamab']));
    expect([cohortOf(e, 'A'), cohortOf(e, 'B'), cohortOf(e, 'C')]).toEqual(['INELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE']);
  });
  it('T03 prior CAR-T of an unrecognised product (priorCarT: any product) → B POTENTIALLY_ELIGIBLE, A, C INELIGIBLE', () => {
    const evs = std([carT('2025-01-15', 'XYZ-99 investigational'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial(T, evs);
    expect([cohortOf(e, 'A'), cohortOf(e, 'B'), cohortOf(e, 'C')]).toEqual(['INELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE']);
  });
  it('T04 2 prior lines → every cohort INELIGIBLE (inc-01 in the trial)', () => {
    const { e } = evalTrial(T, [...base(), ...L1(), ...L2(), ...labsStd()]);
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B'), cohortOf(e, 'C')]).toEqual(['INELIGIBLE', 'INELIGIBLE', 'INELIGIBLE', 'INELIGIBLE']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('CARTITUDE-4 NCT04181827 (1–3 lines, len-refractory, PD ≤6 months of last regimen, Hb w/o RBC transfusion 7 d, mAb 21 d)', () => {
  const T = 'NCT04181827';
  const two = (l2: Ev[] = L2(), labs: Ev[] = labsStd()) => [...base(), ...L1(), ...l2, ...labs];
  it('H01 Hb 8.0 measured exactly 7 days after an RBC transfusion → inc-07 MET', () =>
    expect(out(T, 'inc-07', two(undefined, [serum(add(S, -10), 1.2), transfusion(add(S, -10)), hb(add(S, -3), 8.0)]))).toBe('MET'));
  it('H02 Hb 8.0 measured 6 days after an RBC transfusion → inc-07 UNKNOWN', () =>
    expect(out(T, 'inc-07', two(undefined, [serum(add(S, -10), 1.2), transfusion(add(S, -9)), hb(add(S, -3), 8.0)]))).toBe('UNKNOWN'));
  it('H03 Hb 7.9 two days after a transfusion → NOT_MET (support only raises)', () =>
    expect(out(T, 'inc-07', two(undefined, [serum(add(S, -10), 1.2), transfusion(add(S, -5)), hb(add(S, -3), 7.9)]))).toBe('NOT_MET'));
  it('H04 Hb 8.0 two days after epoetin alfa (support: transfusion only) → MET', () =>
    expect(out(T, 'inc-07', two(undefined, [serum(add(S, -10), 1.2), med('epoetin alfa', add(S, -5), add(S, -5)), hb(add(S, -3), 8.0)]))).toBe('MET'));
  it('H05 PD 183 days after the last dose of the last regimen → inc-04 MET', () =>
    expect(out(T, 'inc-04', two([...L2(undefined, '2024-10-01', null), response(add('2024-10-01', 183), 'PD')]))).toBe('MET'));
  it('H06 PD 184 days after the last dose of the last regimen → inc-04 NOT_MET, INELIGIBLE', () => {
    const { e } = evalTrial(T, two([...L2(undefined, '2024-10-01', null), response(add('2024-10-01', 184), 'PD')]));
    expect([critOf(e, 'inc-04').outcome, e.verdict]).toEqual(['NOT_MET', 'INELIGIBLE']);
  });
  it('H07 daratumumab last dose 21 days before screening → exc-03 MET, ELIGIBLE_FROM day 22', () => {
    const D = add(S, -21);
    const { e } = evalTrial(T, two(L2(undefined, D, add(D, -10))));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(D, 22)}`]);
  });
  it('H08 daratumumab last dose 22 days before screening → exc-03 UNKNOWN (text part), POTENTIALLY_ELIGIBLE', () => {
    const D = add(S, -22);
    const { e } = evalTrial(T, two(L2(undefined, D, add(D, -10))));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['UNKNOWN', 'POTENTIALLY_ELIGIBLE']);
  });
  it('H09 lenalidomide exposed, VGPR, stopped (completed) and PD 90 d later, nothing between → inc-05 NOT_MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2020-02-01', '2020-07-15', { cycles: 6 }),
      response('2020-05-01', 'PR'), response('2020-06-01', 'VGPR'), sct('2020-09-01'),
      med('lenalidomide', '2020-11-01', '2022-05-20', { intent: 'maintenance', reasonStopped: 'completed' }), response('2021-01-01', 'VGPR'), response('2021-02-01', 'VGPR'),
      response('2022-04-01', 'VGPR'), response(add('2022-05-20', 90), 'PD'), ...labsStd()];
    expect(out(T, 'inc-05', evs)).toBe('NOT_MET');
  });
  it('H10 lenalidomide maintenance, PD exactly 60 d after its last dose → inc-05 MET (§1 within 60 days)', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2020-02-01', '2020-07-15', { cycles: 6 }),
      response('2020-05-01', 'PR'), response('2020-06-01', 'VGPR'), sct('2020-09-01'),
      med('lenalidomide', '2020-11-01', '2022-05-20', { intent: 'maintenance', reasonStopped: 'completed' }), response('2021-01-01', 'VGPR'), response('2021-02-01', 'VGPR'),
      response('2022-04-01', 'VGPR'), response(add('2022-05-20', 60), 'PD'), ...labsStd()];
    expect(out(T, 'inc-05', evs)).toBe('MET');
  });
  it('H11 4 prior lines (isatuximab in the 4th, 10 d ago) → INELIGIBLE with inc-03 failing', () => {
    const { e } = evalTrial(T, withL4(['isatuximab', 'carfilzomib', 'dexamethasone']));
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-03');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('IKEMA NCT03275285 (other malignancy 5 years; any therapy within 14 days)', () => {
  const T = 'NCT03275285';
  const onco = (c: Ev[]) => std(c);
  it('I01 active other malignancy → exc-06 MET, INELIGIBLE', () => {
    const { e } = evalTrial(T, onco([cond('2025-03-01', { kind: 'other-malignancy', status: 'active' })]));
    expect([critOf(e, 'exc-06').outcome, e.verdict]).toEqual(['MET', 'INELIGIBLE']);
  });
  it('I02 malignancy resolved 1827 days before screening (outside 1826) → exc-06 NOT_MET', () =>
    expect(out(T, 'exc-06', onco([cond('2018-01-01', { kind: 'other-malignancy', status: 'resolved', onsetDate: '2017-01-01', resolvedDate: add(S, -1827) })]))).toBe('NOT_MET'));
  it('I03 malignancy resolved exactly 1826 days before → exc-06 UNKNOWN (in window, in-situ review)', () =>
    expect(out(T, 'exc-06', onco([cond('2018-01-01', { kind: 'other-malignancy', status: 'resolved', onsetDate: '2017-01-01', resolvedDate: add(S, -1826) })]))).toBe('UNKNOWN'));
  it('I04 explicit absent record → exc-06 NOT_MET', () =>
    expect(out(T, 'exc-06', onco([cond('2025-05-01', { kind: 'other-malignancy', status: 'absent' })]))).toBe('NOT_MET'));
  it('I05 no record of the condition → exc-06 UNKNOWN', () => expect(out(T, 'exc-06', onco([]))).toBe('UNKNOWN'));
  it('I06 last anti-myeloma dose 14 days before screening → exc-01 MET, ELIGIBLE_FROM day 15', () => {
    const D = add(S, -14);
    const { e } = evalTrial(T, std([cond('2025-05-01', { kind: 'other-malignancy', status: 'absent' })], { l3: L3(undefined, D) }));
    expect([critOf(e, 'exc-01').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(D, 15)}`]);
  });
  it('I07 last anti-myeloma dose 15 days before → exc-01 NOT_MET, POTENTIALLY_ELIGIBLE', () => {
    const D = add(S, -15);
    const { e } = evalTrial(T, std([cond('2025-05-01', { kind: 'other-malignancy', status: 'absent' })], { l3: L3(undefined, D) }));
    expect([critOf(e, 'exc-01').outcome, verdictOf(e)]).toEqual(['NOT_MET', 'POTENTIALLY_ELIGIBLE']);
  });
  it('I08 serum M-protein 0.49, urine 199 → inc-02 NOT_MET', () =>
    expect(out(T, 'inc-02', std([], { labs: [serum(add(S, -10), 0.49), urine(add(S, -10), 199), ecog(add(S, -10), 1)] }))).toBe('NOT_MET'));
  it('I09 serum M-protein exactly 0.5 → inc-02 MET', () =>
    expect(out(T, 'inc-02', std([], { labs: [serum(add(S, -10), 0.5), urine(add(S, -10), 0), ecog(add(S, -10), 1)] }))).toBe('MET'));
});

// ---------------------------------------------------------------------------------------------------------------
describe('CANDOR NCT03158688 (IgG ≥1 / IgA,D,E ≥0.5 within 21 days; carfilzomib 6 months)', () => {
  const T = 'NCT03158688';
  const m = (iso: [string, string] | null, labs: Ev[]) => [...base({ iso }), ...L1(), ...labs];
  const d5 = add(S, -5);
  it('C01 IgA serum 0.5 → inc-03 MET', () => expect(out(T, 'inc-03', m(['IgA', 'kappa'], [serum(d5, 0.5), urine(d5, 50)]))).toBe('MET'));
  it('C02 IgG serum 0.5, urine 100, involved FLC 5 mg/dL → inc-03 NOT_MET', () =>
    expect(out(T, 'inc-03', m(['IgG', 'kappa'], [serum(d5, 0.5), urine(d5, 100), ...flc(d5, 50, 10)]))).toBe('NOT_MET'));
  it('C03 IgG serum 1.0 → inc-03 MET', () => expect(out(T, 'inc-03', m(['IgG', 'kappa'], [serum(d5, 1.0), urine(d5, 50)]))).toBe('MET'));
  it('C04 IgA serum 0.49, urine 200 → MET by urine', () => expect(out(T, 'inc-03', m(['IgA', 'kappa'], [serum(d5, 0.49), urine(d5, 200)]))).toBe('MET'));
  it('C05 isotype unknown, serum 0.7 (between 0.5 and 1.0), urine 50, FLC low → UNKNOWN', () =>
    expect(out(T, 'inc-03', m(null, [serum(d5, 0.7), urine(d5, 50), ...flc(d5, 50, 10)]))).toBe('UNKNOWN'));
  it('C06 isotype unknown, serum 1.0 (the highest cut-off) → MET', () => expect(out(T, 'inc-03', m(null, [serum(d5, 1.0), urine(d5, 50)]))).toBe('MET'));
  it('C07 IgA serum 0.6 measured exactly 21 days before (maxAgeDays 21) → MET', () =>
    expect(out(T, 'inc-03', m(['IgA', 'kappa'], [serum(add(S, -21), 0.6), urine(add(S, -21), 50)]))).toBe('MET'));
  it('C08 IgA serum 0.6 measured 22 days before → UNKNOWN (too old for the rule)', () =>
    expect(out(T, 'inc-03', m(['IgA', 'kappa'], [serum(add(S, -22), 0.6), urine(add(S, -22), 50)]))).toBe('UNKNOWN'));
  it('C09 IgM serum 0.6 (not in the isotype list → 1 g/dL), urine 100, FLC low → NOT_MET', () =>
    expect(out(T, 'inc-03', m(['IgM', 'kappa'], [serum(d5, 0.6), urine(d5, 100), ...flc(d5, 50, 10)]))).toBe('NOT_MET'));
  it('C10 IgD serum 0.5 → MET', () => expect(out(T, 'inc-03', m(['IgD', 'lambda'], [serum(d5, 0.5), urine(d5, 50)]))).toBe('MET'));
  const kd = (E: string) => std([], { l3: L3(['carfilzomib', 'dexamethasone'], E) });
  it('C11 carfilzomib last dose 182 days before screening → inc-05 NOT_MET, ELIGIBLE_FROM day 183', () => {
    const E = add(S, -182);
    const { e } = evalTrial(T, kd(E));
    expect([critOf(e, 'inc-05').outcome, verdictOf(e)]).toEqual(['NOT_MET', `ELIGIBLE_FROM@${add(E, 183)}`]);
  });
  it('C12 carfilzomib last dose 183 days before → inc-05 UNKNOWN (review text), POTENTIALLY_ELIGIBLE', () => {
    const E = add(S, -183);
    const { e } = evalTrial(T, kd(E));
    expect([critOf(e, 'inc-05').outcome, verdictOf(e)]).toEqual(['UNKNOWN', 'POTENTIALLY_ELIGIBLE']);
  });
  it('C13 never carfilzomib → inc-05 MET (if without else)', () =>
    expect(out(T, 'inc-05', [...base(), ...L1(), ...L2(['daratumumab', 'bortezomib', 'dexamethasone']), ...L3(), ...labsStd()])).toBe('MET'));
  it('C14 4 prior lines → INELIGIBLE, inc-04 failing', () => {
    const { e } = evalTrial(T, withL4(['elotuzumab', 'pomalidomide', 'dexamethasone']));
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-04');
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('DREAMM-8 NCT04484623 exc-03 (14 days or 5 half-lives, whichever shorter; mAb 30 days)', () => {
  const T = 'NCT04484623';
  const p = (drugs: string[], D: string) => std([], { l3: L3(drugs, D) });
  it('W01 pomalidomide+dex last dose 1 day before (5×7.5 h = 1.56 d → day 2) → exc-03 MET, ELIGIBLE_FROM next day', () => {
    const D = add(S, -1);
    const { e } = evalTrial(T, p(['pomalidomide', 'dexamethasone'], D));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(D, 2)}`]);
  });
  it('W02 pomalidomide+dex last dose 2 days before → exc-03 NOT_MET', () => expect(out(T, 'exc-03', p(['pomalidomide', 'dexamethasone'], add(S, -2)))).toBe('NOT_MET'));
  it('W03 bortezomib+dex last dose 14 days before (5 hl = 22.6 d; shorter = 14 d) → MET, ELIGIBLE_FROM day 15', () => {
    const D = add(S, -14);
    const { e } = evalTrial(T, p(['bortezomib', 'dexamethasone'], D));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(D, 15)}`]);
  });
  it('W04 bortezomib+dex last dose 15 days before → NOT_MET', () => expect(out(T, 'exc-03', p(['bortezomib', 'dexamethasone'], add(S, -15)))).toBe('NOT_MET'));
  it('W05 daratumumab last dose 30 days before (mAb 30 d) → MET, ELIGIBLE_FROM day 31', () => {
    const D = add(S, -30);
    const { e } = evalTrial(T, p(['daratumumab', 'dexamethasone'], D));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(D, 31)}`]);
  });
  it('W06 daratumumab last dose 31 days before → NOT_MET', () => expect(out(T, 'exc-03', p(['daratumumab', 'dexamethasone'], add(S, -31)))).toBe('NOT_MET'));
  it('W07 panobinostat (no half-life known) last dose 10 days before → exc-03 UNKNOWN, not blocking', () => {
    const { e } = evalTrial(T, p(['panobinostat', 'dexamethasone'], add(S, -10)));
    expect([critOf(e, 'exc-03').outcome, e.verdict]).toEqual(['UNKNOWN', 'POTENTIALLY_ELIGIBLE']);
  });
  it('W08 panobinostat last dose 15 days before → NOT_MET (past minDays)', () => expect(out(T, 'exc-03', p(['panobinostat', 'dexamethasone'], add(S, -15)))).toBe('NOT_MET'));
  it('W09 carfilzomib (5×0.66 h) + dex last dose 1 day before → NOT_MET (met from day 1)', () => expect(out(T, 'exc-03', p(['carfilzomib', 'dexamethasone'], add(S, -1)))).toBe('NOT_MET'));
  it('W10 isatuximab (no half-life, mAb 30 d) last dose 20 days before → MET', () => expect(out(T, 'exc-03', p(['isatuximab', 'dexamethasone'], add(S, -20)))).toBe('MET'));
});

// ---------------------------------------------------------------------------------------------------------------
describe('CANOVA NCT03539744 (≥2 consecutive PI cycles; t(11;14); SCT auto 12 w / allo 16 w; no pomalidomide)', () => {
  const T = 'NCT03539744';
  const r1 = ruleOf(T, 'inc-01');
  const r2 = ruleOf(T, 'exc-02');
  const b = (x: Ev[]) => [...base(), ...x];
  it('V01 bortezomib course of 2 cycles → inc-01 MET', () => expect(leaf(r1, b([med('bortezomib', '2021-01-01', '2021-02-10', { cycles: 2 })])).outcome).toBe('MET'));
  it('V02 bortezomib course of 1 cycle → inc-01 NOT_MET', () => expect(leaf(r1, b([med('bortezomib', '2021-01-01', '2021-01-21', { cycles: 1 })])).outcome).toBe('NOT_MET'));
  it('V03 two 1-cycle bortezomib courses back to back (11 d apart) → MET', () =>
    expect(leaf(r1, b([med('bortezomib', '2021-01-01', '2021-01-21', { cycles: 1 }), med('bortezomib', '2021-02-01', '2021-02-21', { cycles: 1 })])).outcome).toBe('MET'));
  it('V04 two 1-cycle bortezomib courses 7 months apart → NOT_MET (not consecutive)', () =>
    expect(leaf(r1, b([med('bortezomib', '2021-01-01', '2021-01-21', { cycles: 1 }), med('bortezomib', '2021-09-01', '2021-09-21', { cycles: 1 })])).outcome).toBe('NOT_MET'));
  it('V05 bortezomib course with no cycles recorded → UNKNOWN', () => expect(leaf(r1, b([med('bortezomib', '2021-01-01', '2021-06-01')])).outcome).toBe('UNKNOWN'));
  it('V06 autologous SCT 84 days before (within 12 weeks) → exc-02 MET', () => expect(leaf(r2, b([...L1(), sct(add(S, -84))])).outcome).toBe('MET'));
  it('V07 autologous SCT 85 days before → exc-02 NOT_MET', () => expect(leaf(r2, b([...L1(), sct(add(S, -85))])).outcome).toBe('NOT_MET'));
  it('V08 allogeneic SCT 112 days before (16 weeks) → exc-02 MET', () => expect(leaf(r2, b([...L1(), event('procedure', add(S, -112), { kind: 'allogeneic-sct' })])).outcome).toBe('MET'));
  it('V09 allogeneic SCT 113 days before → exc-02 NOT_MET', () => expect(leaf(r2, b([...L1(), event('procedure', add(S, -113), { kind: 'allogeneic-sct' })])).outcome).toBe('NOT_MET'));
  const canova = (x: Ev[]) => [...base(), ...L1(), ...L2(), cyto('2020-01-05', 't(11;14)'), ...labsStd(), ...x];
  it('V10 salvage ASCT 80 days before screening, all else open → ELIGIBLE_FROM ASCT + 85', () => {
    const D = add(S, -80);
    const { e } = evalTrial(T, canova([sct(D)]));
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(D, 85)}`);
  });
  it('V11 t(11;14) tested not detected → INELIGIBLE, inc-02 failing', () => {
    const { e } = evalTrial(T, [...base(), ...L1(), ...L2(), cyto('2020-01-05', 't(11;14)', 'not-detected'), ...labsStd()]);
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-02');
  });
  it('V12 t(11;14) never tested → inc-02 UNKNOWN', () => expect(out(T, 'inc-02', [...base(), ...L1(), ...L2(), ...labsStd()])).toBe('UNKNOWN'));
  it('V13 pomalidomide exposed → exc-01 MET, INELIGIBLE', () => {
    const { e } = evalTrial(T, std([cyto('2020-01-05', 't(11;14)')]));
    expect([critOf(e, 'exc-01').outcome, e.verdict]).toEqual(['MET', 'INELIGIBLE']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('MajesTEC-3 NCT05083169 (1–3 lines; len-refractory if exactly 1; anti-CD38-refractory excluded)', () => {
  const T = 'NCT05083169';
  const lenNotRefr = () => [...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2020-02-01', '2020-07-15', { cycles: 6 }),
    response('2020-05-01', 'PR'), response('2020-06-01', 'VGPR'), sct('2020-09-01'),
    med('lenalidomide', '2020-11-01', '2022-05-20', { intent: 'maintenance', reasonStopped: 'completed' }), response('2021-01-01', 'VGPR'), response('2021-02-01', 'VGPR'),
    response('2022-04-01', 'VGPR'), response('2023-03-01', 'PD')];
  it('J01 one line, lenalidomide not refractory (VGPR, PD 9 months off it) → inc-02 NOT_MET, INELIGIBLE', () => {
    const { e } = evalTrial(T, [...base(), ...lenNotRefr(), ...labsStd()]);
    expect([critOf(e, 'inc-02').outcome, e.verdict]).toEqual(['NOT_MET', 'INELIGIBLE']);
  });
  it('J02 one line, PD on lenalidomide maintenance → inc-02 MET', () => expect(out(T, 'inc-02', [...base(), ...L1(), ...labsStd()])).toBe('MET'));
  it('J03 two lines (2nd Kd), lenalidomide not refractory → inc-02 MET (condition not met)', () =>
    expect(out(T, 'inc-02', [...base(), ...lenNotRefr(), ...regimen(['carfilzomib', 'dexamethasone'], '2023-03-15', '2025-05-01'), response('2023-06-01', 'PR'), response('2023-07-01', 'PR'), response('2025-04-20', 'PD'), ...labsStd()])).toBe('MET'));
  it('J04 daratumumab-refractory (PD on DKd) → exc-04 MET, INELIGIBLE', () => {
    const { e } = evalTrial(T, [...base(), ...L1(), ...L2(), ...labsStd()]);
    expect([critOf(e, 'exc-04').outcome, e.verdict]).toEqual(['MET', 'INELIGIBLE']);
  });
  it('J05 daratumumab with VGPR, stopped, PD 172 d after last dose → exc-04 NOT_MET', () =>
    expect(out(T, 'exc-04', [...base(), ...L1(), ...L2(undefined, '2023-06-01', null), response('2023-11-20', 'PD'), ...labsStd()])).toBe('NOT_MET'));
});

// ---------------------------------------------------------------------------------------------------------------
describe('KarMMa NCT03361748 inc-01 (≥3 lines, TCE, refractory to last line)', () => {
  const T = 'NCT03361748';
  const lastEnd = '2024-12-01';
  const l3 = (pdAfter: number | null) => [...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', lastEnd, { reasonStopped: 'completed' }),
    response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-11-01', 'PR'), ...(pdAfter === null ? [] : [response(add(lastEnd, pdAfter), 'PD')])];
  it('R01 PD on the last line → inc-01 MET', () => expect(out(T, 'inc-01', std())).toBe('MET'));
  it('R02 last line PR, PD exactly 60 days after its last dose → refractory to last line → MET', () => expect(out(T, 'inc-01', std([], { l3: l3(60) }))).toBe('MET'));
  it('R03 last line PR, PD 61 days after its last dose → NOT_MET', () => expect(out(T, 'inc-01', std([], { l3: l3(61) }))).toBe('NOT_MET'));
  it('R04 last line had PR, PD 90 d after → INELIGIBLE with inc-01 failing', () => {
    const { e } = evalTrial(T, std([], { l3: l3(90) }));
    expect(e.verdict).toBe('INELIGIBLE');
    expect(e.failing).toContain('inc-01');
  });
  it('R05 last line Pd with SD only (never MR) and no PD, stopped → refractory (nonresponsive) → MET', () => {
    const l = [...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', lastEnd, { reasonStopped: 'toxicity' }), response('2024-03-01', 'SD'), response('2024-04-01', 'SD'), response('2024-11-01', 'SD')];
    expect(out(T, 'inc-01', std([], { l3: l }))).toBe('MET');
  });
});
void response;
