/**
 * eng34 — eighth round: labs growing old are not predicted, same-time ECOGs, earlyProgressionDays boundary of the
 * last line, allo marked tandem, cohort windows closed by a trial-level birthday. Expectations from docs.
 */
import { add, base, cohortOf, critOf, demographics, ecog, event, evalDoc, evalTrial, hb, L1, L2, mkDoc, regimen, response, S, sct, serum, std, urine, verdictOf, type Ev } from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const out = (trial: string, crit: string, evs: Ev[], asOf = S) => critOf(evalTrial(trial, evs, asOf).e, crit).outcome;
const cd38Within = (n: number) => ({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: n });

describe('round 8', () => {
  it('P01 CARTITUDE-4 Hb 7.5 (no support) → inc-07 NOT_MET, INELIGIBLE (a lab growing old is not predicted)', () => {
    const { e } = evalTrial('NCT04181827', [...base(), ...L1(), ...L2(), serum(add(S, -10), 1.2), hb(add(S, -3), 7.5)]);
    expect([critOf(e, 'inc-07').outcome, verdictOf(e)]).toEqual(['NOT_MET', 'INELIGIBLE']);
  });
  it('P02 ECOG 1 and 2 recorded the same day (untimed) → MajesTEC-1 inc-04 (≤1) UNKNOWN', () =>
    expect(out('NCT04557098', 'inc-04', std([], { labs: [serum(add(S, -10), 1.2), ecog(add(S, -3), 1), ecog(add(S, -3), 2)] }))).toBe('UNKNOWN'));
  it('P03 ECOG 1 and 2 the same day → DREAMM-8 inc-04 (≤2) MET', () =>
    expect(out('NCT04484623', 'inc-04', std([], { labs: [serum(add(S, -10), 1.2), ecog(add(S, -3), 1), ecog(add(S, -3), 2)] }))).toBe('MET'));
  const lastLine = (pdDay: number, later: Ev[]) => [...base(), ...L1(), ...L2(undefined, '2023-11-30', null),
    ...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', null), response(add('2023-12-10', pdDay), 'PD'), ...later, ...labsStd()];
  it('P04 PD 14 days into the last line (prompted it), SD later → DREAMM-8 inc-05 NOT_MET', () =>
    expect(out('NCT04484623', 'inc-05', lastLine(14, [response('2024-02-01', 'SD'), response('2024-03-01', 'SD')]))).toBe('NOT_MET'));
  it('P05 PD 15 days into the last line → inc-05 MET (progression on it)', () =>
    expect(out('NCT04484623', 'inc-05', lastLine(15, []))).toBe('MET'));
  it('P06 allogeneic SCT marked planned tandem after an ASCT → DREAMM-8 exc-02 (prior allo) MET', () =>
    expect(out('NCT04484623', 'exc-02', std([event('procedure', '2020-12-01', { kind: 'allogeneic-sct', plannedTandem: true })]))).toBe('MET'));
  it('P07 cohort block ends S+21 but trial-level "age ≤74" fails from S+19 → INELIGIBLE (window never opens)', () => {
    const d = mkDoc([['inc-age', 'inclusion', { fact: 'age', max: 74 }]], [{ id: 'A', criteria: [['a-exc', 'exclusion', cd38Within(30)]] }]);
    const evs = [demographics('1950-06-20', 'male', 80), ...base().slice(1), ...L1(), ...L2(['daratumumab', 'carfilzomib', 'dexamethasone'], add(S, -10), add(S, -15)), ...labsStd()];
    const e = evalDoc(d, evs);
    expect([e.verdict, cohortOf(e, 'A')]).toEqual(['INELIGIBLE', 'INELIGIBLE']);
  });
  it('P08 an exclusion that starts blocking tomorrow ("age ≥ 75" excluded, 75 tomorrow) → ELIGIBLE today', () => {
    const d = mkDoc([['exc-age', 'exclusion', { fact: 'age', min: 75 }]]);
    const e = evalDoc(d, [demographics('1950-06-02', 'male', 80)]);
    expect(verdictOf(e)).toBe('ELIGIBLE');
  });
  it('P09 washout exclusion that passes today and blocks tomorrow can not exist; "≥60 d since CD38" exclusion window 60–120 starting tomorrow → ELIGIBLE today', () => {
    const d = mkDoc([['exc-win', 'exclusion', { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 60, maxDays: 120 }]]);
    const evs = [...base(), ...L1(), ...L2(['daratumumab', 'carfilzomib', 'dexamethasone'], add(S, -59), add(S, -65)), ...labsStd()];
    expect(verdictOf(evalDoc(d, evs))).toBe('ELIGIBLE');
  });
});
void sct;
