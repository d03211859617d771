/**
 * eng34 — three-valued logic, missing data, settled leaves, flips (docs/criteria-language.md "Evaluation").
 * Expectations written from the docs before reading the implementation.
 */
import { compileRule } from '../../eligibility/compile';
import { base, ecog, leaf, leafT, prof, std, S, add, evalTrial, critOf, demographics } from './eng34-helpers';

const M = { fact: 'age', min: 18 };
const N = { fact: 'age', max: 30 };
const U = { fact: 'unknownText', reason: 'x' };
const o = (rule: unknown) => leaf(rule, std()).outcome;

describe('Kleene (criteria-language §Evaluation)', () => {
  it('K01 all[MET, UNKNOWN] = UNKNOWN', () => expect(o({ all: [M, U] })).toBe('UNKNOWN'));
  it('K02 all[NOT_MET, UNKNOWN] = NOT_MET (UNKNOWN never hides a certain NOT_MET)', () => expect(o({ all: [N, U] })).toBe('NOT_MET'));
  it('K03 any[MET, UNKNOWN] = MET', () => expect(o({ any: [U, M] })).toBe('MET'));
  it('K04 any[NOT_MET, UNKNOWN] = UNKNOWN', () => expect(o({ any: [N, U] })).toBe('UNKNOWN'));
  it('K05 not UNKNOWN = UNKNOWN', () => expect(o({ not: U })).toBe('UNKNOWN'));
  it('K06 not NOT_MET = MET', () => expect(o({ not: N })).toBe('MET'));
  it('K07 if UNKNOWN then MET else MET = MET (branches agree)', () => expect(o({ if: U, then: M, else: M })).toBe('MET'));
  it('K08 if UNKNOWN then MET else NOT_MET = UNKNOWN', () => expect(o({ if: U, then: M, else: N })).toBe('UNKNOWN'));
  it('K09 if NOT_MET then NOT_MET (no else) = MET', () => expect(o({ if: N, then: N })).toBe('MET'));
  it('K10 if MET then NOT_MET = NOT_MET', () => expect(o({ if: M, then: N })).toBe('NOT_MET'));
  it('K11 if UNKNOWN then NOT_MET (no else → MET) = UNKNOWN', () => expect(o({ if: U, then: N })).toBe('UNKNOWN'));
  it('K12 if UNKNOWN then NOT_MET else NOT_MET = NOT_MET', () => expect(o({ if: U, then: N, else: N })).toBe('NOT_MET'));
  it('K13 all[] nested: any[all[N,U], M] = MET', () => expect(o({ any: [{ all: [N, U] }, M] })).toBe('MET'));
  it('K14 not all[N, U] = MET', () => expect(o({ not: { all: [N, U] } })).toBe('MET'));
});

describe('missing data, settled (criteria-language §Evaluation, v15)', () => {
  const noEcog = std([], { labs: [] });
  it('K20 ECOG not recorded: leaf UNKNOWN with missing data naming ECOG', () => {
    const { r, trace } = leafT({ fact: 'ecog', max: 1 }, noEcog);
    expect(r.outcome).toBe('UNKNOWN');
    const t = trace.find((x) => x.fact === 'ecog')!;
    expect((t.missing ?? []).join(' ')).toMatch(/ecog/i);
  });
  it('K21 all[NOT_MET age, unrecorded ECOG]: ECOG leaf marked settled, no missing asked', () => {
    const { r, trace } = leafT({ all: [N, { fact: 'ecog', max: 1 }] }, noEcog);
    expect(r.outcome).toBe('NOT_MET');
    const t = trace.find((x) => x.fact === 'ecog')!;
    expect(t.settled).toBe(true);
  });
  it('K22 MajesTEC-1 with no ECOG: inc-04 UNKNOWN, its missing lists ECOG, verdict POTENTIALLY_ELIGIBLE', () => {
    const { e } = evalTrial('NCT04557098', std([], { labs: [lab1()] }));
    const c = critOf(e, 'inc-04');
    expect(c.outcome).toBe('UNKNOWN');
    expect((c.missing ?? []).join(' ')).toMatch(/ecog/i);
    expect(e.missing.join(' ')).toMatch(/ecog/i);
    expect(e.verdict).toBe('POTENTIALLY_ELIGIBLE');
  });
  it('K23 ECOG 61 days old (default maxAgeDays 60) → UNKNOWN', () => expect(leaf({ fact: 'ecog', max: 1 }, std([ecog(add(S, -61), 1)], { labs: [] })).outcome).toBe('UNKNOWN'));
  it('K24 ECOG exactly 60 days old → MET', () => expect(leaf({ fact: 'ecog', max: 1 }, std([ecog(add(S, -60), 1)], { labs: [] })).outcome).toBe('MET'));
});

// serum M-protein helper for K22
import { serum } from './eng34-helpers';
function lab1() { return serum(add(S, -10), 1.2); }

describe('time-bound flips (criteria-language: age, if)', () => {
  // born 1950-06-02: 74 on 2025-06-01, 75 on 2025-06-02
  const old = () => [demographics('1950-06-02', 'male', 80)];
  it('K30 age max 74 the day before the 75th birthday: MET, flips on the birthday to NOT_MET', () => {
    const r = leaf({ fact: 'age', max: 74 }, old());
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['MET', '2025-06-02', 'NOT_MET']);
  });
  it('K31 all[age ≤74, unknownText]: UNKNOWN, flips on the 75th birthday to NOT_MET', () => {
    const r = leaf({ all: [{ fact: 'age', max: 74 }, U] }, old());
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['UNKNOWN', '2025-06-02', 'NOT_MET']);
  });
  it('K32 any[age ≤74, unknownText]: MET, flips on the birthday to UNKNOWN', () => {
    const r = leaf({ any: [{ fact: 'age', max: 74 }, U] }, old());
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['MET', '2025-06-02', 'UNKNOWN']);
  });
  it('K33 on the 75th birthday age ≤74 NOT_MET', () => expect(leaf({ fact: 'age', max: 74 }, old(), '2025-06-02').outcome).toBe('NOT_MET'));
  it('K34 29 Feb birth: 18th birthday in a common year is 1 March (age min 18 on 28 Feb NOT_MET)', () => {
    const evs = [demographics('2007-02-29'.replace('2007', '2004'), 'female', 60)];
    // born 2004-02-29; 2022 is common: turns 18 on 2022-03-01
    expect(leaf({ fact: 'age', min: 18 }, evs, '2022-02-28').outcome).toBe('NOT_MET');
    expect(leaf({ fact: 'age', min: 18 }, evs, '2022-03-01').outcome).toBe('MET');
  });
  it('K35 if age ≥75 then ECOG ≤1 (ECOG 2), day before 75th: MET, flips on birthday to NOT_MET', () => {
    const r = leaf({ if: { fact: 'age', min: 75 }, then: { fact: 'ecog', max: 1 } }, [...old(), ecog(add(S, -5), 2)]);
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['MET', '2025-06-02', 'NOT_MET']);
  });
});
void compileRule; void prof; void base;
