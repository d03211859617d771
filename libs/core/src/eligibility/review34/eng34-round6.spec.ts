/**
 * eng34 — sixth round: SUCCESSOR-1 PI refractoriness (progressionOnly, maintenance), CC-220 inc-04 (60 days / CAR-T
 * last), LINKER-MM1 (TCR alternative), SUCCESSOR-2, APOLLO. Expectations from trial text + docs before the code.
 */
import { add, base, carT, cohortOf, critOf, ecog, evalTrial, hb, L1, L2, L3, med, regimen, response, S, sct, serum, std, urine, verdictOf, type Ev } from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const out = (trial: string, crit: string, evs: Ev[], asOf = S, cohort?: string) => critOf(evalTrial(trial, evs, asOf).e, crit, cohort).outcome;
const S1 = 'NCT05519085';

describe('SUCCESSOR-1 NCT05519085 exc-01 / exc-04', () => {
  it('N01 PD on VRd induction (bortezomib, PR first) → exc-01 MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01'), response('2022-03-01', 'PR'), response('2022-04-01', 'PR'), response('2022-07-15', 'PD'),
      ...regimen(['daratumumab', 'dexamethasone'], '2022-08-10', '2025-05-01'), response('2022-11-01', 'PR'), response('2022-12-01', 'PR'), response('2025-04-20', 'PD'), ...labsStd()];
    expect(out(S1, 'exc-01', evs)).toBe('MET');
  });
  it('N02 PD only on bortezomib maintenance → exc-01 UNKNOWN (schedule review), not MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2021-01-01', '2021-06-01', { cycles: 6 }), response('2021-03-01', 'PR'), response('2021-04-01', 'VGPR'),
      sct('2021-07-15'), med('bortezomib', '2021-10-01', '2023-01-01', { intent: 'maintenance' }), response('2022-01-01', 'VGPR'), response('2022-02-01', 'VGPR'), response('2022-12-15', 'PD'),
      ...regimen(['daratumumab', 'dexamethasone'], '2023-01-10', '2025-05-01'), response('2023-04-01', 'PR'), response('2023-05-01', 'PR'), response('2025-04-20', 'PD'), ...labsStd()];
    expect(out(S1, 'exc-01', evs)).toBe('UNKNOWN');
  });
  it('N03 bortezomib VGPR, completed, PD 61 d after its last dose (no other PI) → exc-01 NOT_MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01', { reasonStopped: 'completed' }), response('2022-03-01', 'PR'), response('2022-04-01', 'VGPR'), response('2022-07-01', 'VGPR'),
      response(add('2022-08-01', 61), 'PD'), ...labsStd()];
    expect(out(S1, 'exc-01', evs)).toBe('NOT_MET');
  });
  it('N04 bortezomib VGPR, completed, PD exactly 60 d after → exc-01 MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01', { reasonStopped: 'completed' }), response('2022-03-01', 'PR'), response('2022-04-01', 'VGPR'), response('2022-07-01', 'VGPR'),
      response(add('2022-08-01', 60), 'PD'), ...labsStd()];
    expect(out(S1, 'exc-01', evs)).toBe('MET');
  });
  it('N05 only SD on VRd (never MR), stopped, PD 90 d later → exc-04 MET (best response below MR)', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01', { reasonStopped: 'toxicity' }), response('2022-03-01', 'SD'), response('2022-04-01', 'SD'), response('2022-07-01', 'SD'),
      response(add('2022-08-01', 90), 'PD'), ...labsStd()];
    expect(out(S1, 'exc-04', evs)).toBe('MET');
  });
  it('N06 same SD-only patient → exc-01 (progression-only definition) NOT_MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01', { reasonStopped: 'toxicity' }), response('2022-03-01', 'SD'), response('2022-04-01', 'SD'), response('2022-07-01', 'SD'),
      response(add('2022-08-01', 90), 'PD'), ...labsStd()];
    expect(out(S1, 'exc-01', evs)).toBe('NOT_MET');
  });
  it('N07 carfilzomib PD on it → exc-01 MET', () => expect(out(S1, 'exc-01', [...base(), ...L1(), ...L2(), ...labsStd()])).toBe('MET'));
});

describe('CC-220-MM-001 NCT02773030 RRMM inc-04 (PD on or within 60 days of the last therapy; CAR-T last: any PD)', () => {
  const T = 'NCT02773030';
  const pdAfter = (n: number) => [...base(), ...L1(), ...L2(), ...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', '2024-12-01', { reasonStopped: 'completed' }),
    response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-11-01', 'PR'), response(add('2024-12-01', n), 'PD'), ...labsStd()];
  it('N10 PD exactly 60 days after the last dose of the last line → inc-04 MET', () => expect(out(T, 'inc-04', pdAfter(60), S, 'RRMM')).toBe('MET'));
  it('N11 PD 61 days after → inc-04 NOT_MET; trial INELIGIBLE (NDMM: prior lines)', () => {
    const { e } = evalTrial(T, pdAfter(61));
    expect([critOf(e, 'inc-04', 'RRMM').outcome, cohortOf(e, 'RRMM'), e.verdict]).toEqual(['NOT_MET', 'INELIGIBLE', 'INELIGIBLE']);
  });
  it('N12 CAR-T (cilta-cel) as the last therapy, PD 9 months after infusion → inc-04 MET', () => {
    const evs = std([carT('2024-06-01', 'ciltacabtagene autoleucel'), response('2024-08-01', 'VGPR'), response('2024-09-01', 'VGPR'), response('2025-03-01', 'PD')],
      { l3: L3(undefined, '2024-04-20', '2024-04-10') });
    expect(out(T, 'inc-04', evs, S, 'RRMM')).toBe('MET');
  });
  it('N13 NDMM cohort: untreated patient → RRMM INELIGIBLE? at least NDMM POTENTIALLY_ELIGIBLE and trial POTENTIALLY_ELIGIBLE', () => {
    const { e } = evalTrial(T, [...base(), serum(add(S, -10), 2.0), urine(add(S, -10), 50), ecog(add(S, -10), 1)]);
    expect([cohortOf(e, 'NDMM'), e.verdict]).toEqual(['POTENTIALLY_ELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
});

describe('LINKER-MM1 NCT03761108 inc-01 any[≥3 lines ∧ TCE, TCR]; SUCCESSOR-2; APOLLO', () => {
  it('N20 2 lines, TCR (len, dara, cfz refractory) → inc-01 MET via TCR', () => expect(out('NCT03761108', 'inc-01', [...base(), ...L1(), ...L2(), ...labsStd()])).toBe('MET'));
  it('N21 2 lines, TCE but anti-CD38 not refractory → inc-01 NOT_MET', () =>
    expect(out('NCT03761108', 'inc-01', [...base(), ...L1(), ...L2(undefined, '2023-06-01', null), response('2023-11-20', 'PD'), ...labsStd()])).toBe('NOT_MET'));
  it('N22 SUCCESSOR-2 NCT05552976: len + isatuximab exposed, PD on last line → ELIGIBLE', () => {
    const { e } = evalTrial('NCT05552976', [...base(), ...L1(), ...L2(['isatuximab', 'pomalidomide', 'dexamethasone']), ...labsStd()]);
    expect(verdictOf(e)).toBe('ELIGIBLE');
  });
  it('N23 APOLLO NCT03180736 inc-05: one prior line, len not refractory → NOT_MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01', { reasonStopped: 'completed' }), response('2022-03-01', 'PR'), response('2022-04-01', 'VGPR'), response('2022-07-01', 'VGPR'),
      response('2023-03-01', 'PD'), ...labsStd()];
    expect(out('NCT03180736', 'inc-05', evs)).toBe('NOT_MET');
  });
  it('N24 APOLLO inc-04 best response PR ever (confirmed) → MET; only MR → NOT_MET', () => {
    const mr = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-08-01'), response('2022-03-01', 'MR'), response('2022-04-01', 'MR'), response('2022-07-20', 'PD'), ...labsStd()];
    expect(out('NCT03180736', 'inc-04', [...base(), ...L1(), ...labsStd()])).toBe('MET');
    expect(out('NCT03180736', 'inc-04', mr)).toBe('NOT_MET');
  });
});
void hb; void med; void sct;
