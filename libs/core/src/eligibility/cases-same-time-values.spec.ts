/**
 * Two values of one lab (or two ECOGs) recorded at the same time that disagree: the record does not say which is right,
 * so a criterion they would decide differently is unknown, whatever the event ids (arrival never matters); values of
 * one day taken at different times: the later one.
 */
import { demographics, event, lab, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const run = (rule: unknown, events: Ev[]) => {
  const trace: Array<{ actual: string | null }> = [];
  const { outcome } = compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: trace as never });
  return { outcome, trace };
};
const ANC = { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L' };
const anc = (value: number, id: string, at = '2025-05-28') => event('lab', at, { name: 'anc', value, unit: '10*9/L' }, id);

describe('values recorded at one time', () => {
  it('ANC 0.9 and 1.2 of one untimed day: ANC ≥ 1.0 unknown, in either id order, naming both values', () => {
    for (const ids of [['a', 'b'], ['b', 'a']]) {
      const r = run(ANC, [anc(0.9, ids[0]!), anc(1.2, ids[1]!)]);
      expect(r.outcome).toBe('UNKNOWN');
      expect(r.trace[0]!.actual).toMatch(/recorded at one time \(2025-05-28\)/);
    }
  });

  it('values that agree on the criterion decide it (1.1 and 1.2 are both ≥ 1.0); the same value twice is no disagreement', () => {
    expect(run(ANC, [anc(1.1, 'a'), anc(1.2, 'b')]).outcome).toBe('MET');
    expect(run(ANC, [anc(0.9, 'a'), anc(0.9, 'b')]).outcome).toBe('NOT_MET');
  });

  it('two times of one day: the later value, whatever the ids', () => {
    expect(run(ANC, [anc(0.8, 'z', '2025-05-28T08:00:00Z'), anc(1.2, 'a', '2025-05-28T16:00:00Z')]).outcome).toBe('MET');
    expect(run(ANC, [anc(1.2, 'a', '2025-05-28T08:00:00Z'), anc(0.8, 'z', '2025-05-28T16:00:00Z')]).outcome).toBe('NOT_MET');
  });

  it('ECOG 1 and 2 of one day: ECOG ≤ 1 unknown; ECOG ≤ 2 met', () => {
    const ecogs = [event('performance-status', '2025-05-20', { ecog: 1 }, 'x'), event('performance-status', '2025-05-20', { ecog: 2 }, 'y')];
    expect(run({ fact: 'ecog', max: 1 }, ecogs).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'ecog', max: 2 }, ecogs).outcome).toBe('MET');
  });

  it('creatinine 1.6 and 1.9 mg/dL of one day: a Cockcroft–Gault clearance on each side of 40 mL/min is unknown', () => {
    // Male, 70 years, 70 kg: (140 − 70) × 70 / (72 × 1.6) = 42.5; / (72 × 1.9) = 35.8.
    const history = [demographics('1955-01-01', 'male', 70), lab('2025-05-25', 'creatinine', 1.6, 'mg/dL', {}), lab('2025-05-25', 'creatinine', 1.9, 'mg/dL', {})];
    const p = buildProfile(history, AS_OF);
    expect(p.labs.crcl!.sameTime).toHaveLength(1);
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 40 }, history).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 30 }, history).outcome).toBe('MET');
  });

  it('the same creatinine values give two CKD-EPI estimates (37.5 and 46.1): eGFR ≥ 40 unknown; a reported eGFR twice (35, 45) too', () => {
    const history = [demographics('1955-01-01', 'male', 70), lab('2025-05-25', 'creatinine', 1.6, 'mg/dL', {}), lab('2025-05-25', 'creatinine', 1.9, 'mg/dL', {})];
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 40, method: 'egfr' }, history).outcome).toBe('UNKNOWN');
    const reported = [demographics('1955-01-01', 'male', 70), lab('2025-05-25', 'egfr', 35, 'mL/min/{1.73_m2}', {}), lab('2025-05-25', 'egfr', 45, 'mL/min/{1.73_m2}', {})];
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 40, method: 'egfr' }, reported).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 30, method: 'egfr' }, reported).outcome).toBe('MET');
  });

  it('×ULN with each record\'s own ULN: AST 120 (ULN 40, 3×) and 110 (ULN 50, 2.2×) of one day: AST < 2.5 × ULN unknown', () => {
    const ast = [lab('2025-05-25', 'ast', 120, 'U/L', { uln: 40 }), lab('2025-05-25', 'ast', 110, 'U/L', { uln: 50 })];
    expect(run({ fact: 'labTimesUln', name: 'ast', op: '<', value: 2.5 }, ast).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'labTimesUln', name: 'ast', op: '<', value: 3.5 }, ast).outcome).toBe('MET');
  });
});

describe('reported responses of one time', () => {
  const line = med('DPd', '2025-01-01', null);
  const twice = (a: string, b: string, at = '2025-05-20') => [line, event('response-assessment', at, { category: a }, 'r1'), event('response-assessment', at, { category: b }, 'r2')];

  it('PR and PD reported on one day: "PR or better" unknown, in either id order; "SD or better" too', () => {
    for (const [a, b] of [['PR', 'PD'], ['PD', 'PR']]) {
      const r = run({ fact: 'responseAtLeast', category: 'PR' }, twice(a!, b!));
      expect(r.outcome).toBe('UNKNOWN');
      expect(r.trace[0]!.actual).toMatch(/reported at one time \(2025-05-20\)/);
    }
    expect(run({ fact: 'responseAtLeast', category: 'SD' }, twice('PR', 'PD')).outcome).toBe('UNKNOWN');
  });

  it('VGPR and PR on one day: "PR or better" met (both are); "VGPR or better" unknown', () => {
    expect(run({ fact: 'responseAtLeast', category: 'PR' }, twice('VGPR', 'PR')).outcome).toBe('MET');
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' }, twice('PR', 'VGPR')).outcome).toBe('UNKNOWN');
    expect(buildProfile(twice('PR', 'VGPR'), AS_OF).disease.response).toMatchObject({ category: 'VGPR', sameTime: ['PR'] });
  });

  it('the same category twice, or two times of one day: no disagreement (the later one)', () => {
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' }, twice('VGPR', 'VGPR')).outcome).toBe('MET');
    const timed = [line, event('response-assessment', '2025-05-20T09:00:00Z', { category: 'VGPR' }, 'z'), event('response-assessment', '2025-05-20T15:00:00Z', { category: 'PR' }, 'a')];
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' }, timed).outcome).toBe('NOT_MET');
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' }, [line, response('2025-05-01', 'PR'), response('2025-05-20', 'VGPR')]).outcome).toBe('MET');
  });
});

describe('M-protein values of one time', () => {
  const measurable = { fact: 'measurableDisease', serumMinGdL: 1.0 };
  const mp = (value: number, id: string) => event('lab', '2025-05-20', { name: 'serumMProtein', value, unit: 'g/dL' }, id);
  const rest = [lab('2025-05-20', 'urineMProtein', 50, 'mg/24h'), lab('2025-05-20', 'freeKappa', 30, 'mg/L'), lab('2025-05-20', 'freeLambda', 10, 'mg/L')];

  it('serum 0.8 and 1.2 g/dL recorded at one time: measurable (≥ 1.0) unknown, in either id order; ≥ 0.5 met', () => {
    for (const ids of [['a', 'b'], ['b', 'a']]) {
      const events = [mp(0.8, ids[0]!), mp(1.2, ids[1]!), ...rest];
      expect(run(measurable, events).outcome).toBe('UNKNOWN');
      expect(run({ ...measurable, serumMinGdL: 0.5 }, events).outcome).toBe('MET');
    }
    expect(buildProfile([mp(0.8, 'a'), mp(1.2, 'b'), ...rest], AS_OF).disease.measurable.values.serumMProtein!.sameTime).toEqual([0.8]);
  });

  it('an involved FLC measurable on its own meets it whichever serum value is right', () => {
    const flc = [lab('2025-05-20', 'urineMProtein', 50, 'mg/24h'), lab('2025-05-20', 'freeKappa', 300, 'mg/L'), lab('2025-05-20', 'freeLambda', 10, 'mg/L')];
    expect(run(measurable, [mp(0.8, 'a'), mp(1.2, 'b'), ...flc]).outcome).toBe('MET');
  });
});
