/**
 * eng34 — fifth round: windows that never open, blocks that turn permanent, closed cohorts, settled missing data,
 * shared evaluation state across the catalog (criteria-language "Evaluation", "Verdict"). Expectations from docs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileTrial, evaluateTrial, screenTrial } from '../../eligibility/trial';
import { evaluationState } from '../../eligibility/compile';
import {
  add, base, cohortOf, critOf, demographics, doc, ecog, evalDoc, evalTrial, hb, L1, L2, L3, mkDoc, prof, regimen, response,
  S, sct, serum, std, urine, verdictOf, type Ev, type P,
} from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const U = { fact: 'unknownText', reason: 'x' };
const cd38Within = (n: number) => ({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: n });
const daraAt = (d: string, extra: Ev[] = []) => [...base(), ...L1(), ...L2(['daratumumab', 'carfilzomib', 'dexamethasone'], d, add(d, -5)), ...labsStd(), ...extra];

describe('windows', () => {
  const sctWin = ['inc-sct', 'inclusion', { all: [{ fact: 'timeSince', event: 'transplant', minDays: 90, maxDays: 180 }, { fact: 'priorTransplant' }] }] as const;
  it('Q01 "90–180 days since ASCT" (ASCT S−50) beside a washout ending after day 180 → INELIGIBLE', () => {
    const d = mkDoc([[...sctWin], ['exc-cd38', 'exclusion', cd38Within(200)]]);
    expect(evalDoc(d, daraAt(add(S, -10), [sct(add(S, -50))])).verdict).toBe('INELIGIBLE');
  });
  it('Q02 same with a washout ending S+101 (inside the window) → ELIGIBLE_FROM S+101', () => {
    const d = mkDoc([[...sctWin], ['exc-cd38', 'exclusion', cd38Within(110)]]);
    expect(verdictOf(evalDoc(d, daraAt(add(S, -10), [sct(add(S, -50))])))).toBe(`ELIGIBLE_FROM@${add(S, 101)}`);
  });
  it('Q03 all[age ≤74, unknown] turns NOT_MET on the 75th birthday (S+19) before the washout ends (S+21) → INELIGIBLE', () => {
    const d = mkDoc([['inc-age', 'inclusion', { all: [{ fact: 'age', max: 74 }, U] }], ['exc-cd38', 'exclusion', cd38Within(30)]]);
    const evs = [demographics('1950-06-20', 'male', 80), ...daraAt(add(S, -10)).filter((e) => e.type !== 'demographics')];
    expect(evalDoc(d, evs).verdict).toBe('INELIGIBLE');
  });
  it('Q04 same with the birthday on S+25 → ELIGIBLE_FROM S+21', () => {
    const d = mkDoc([['inc-age', 'inclusion', { all: [{ fact: 'age', max: 74 }, U] }], ['exc-cd38', 'exclusion', cd38Within(30)]]);
    const evs = [demographics('1950-06-26', 'male', 80), ...daraAt(add(S, -10)).filter((e) => e.type !== 'demographics')];
    expect(verdictOf(evalDoc(d, evs))).toBe(`ELIGIBLE_FROM@${add(S, 21)}`);
  });
  it('Q05 trial-level block to S+10, cohort A block to S+5, cohort B block to S+20 → trial ELIGIBLE_FROM S+10', () => {
    const d = mkDoc([['t-exc', 'exclusion', cd38Within(19)]], [
      { id: 'A', criteria: [['a-exc', 'exclusion', cd38Within(14)]] },
      { id: 'B', criteria: [['b-exc', 'exclusion', cd38Within(29)]] },
    ]);
    const e = evalDoc(d, daraAt(add(S, -10)));
    expect([verdictOf(e), cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual([`ELIGIBLE_FROM@${add(S, 10)}`, `ELIGIBLE_FROM@${add(S, 10)}`, `ELIGIBLE_FROM@${add(S, 20)}`]);
  });
  it('Q06 closed cohort (eligible) left out; open cohort ineligible → INELIGIBLE', () => {
    const d = mkDoc([], [{ id: 'X', criteria: [['x1', 'inclusion', { fact: 'age', max: 30 }]] }, { id: 'Y', criteria: [['y1', 'inclusion', { fact: 'age', min: 18 }]] }]);
    (d.cohorts![1] as { status?: string }).status = 'CLOSED';
    expect(evalDoc(d, std()).verdict).toBe('INELIGIBLE');
  });
  it('Q07 criterion eligibleFrom: DREAMM-8 exc-03 with daratumumab 30 d ago → eligibleFrom S+1 on the criterion', () => {
    const { e } = evalTrial('NCT04484623', std([], { l3: L3(['daratumumab', 'dexamethasone'], add(S, -30)) }));
    expect(critOf(e, 'exc-03').eligibleFrom).toBe(add(S, 1));
  });
  it('Q08 DREAMM-8 exc-03: Pd last dose on the screening day → ELIGIBLE_FROM S+2', () => {
    const { e } = evalTrial('NCT04484623', std([], { l3: L3(['pomalidomide', 'dexamethasone'], S, add(S, -10)) }));
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(S, 2)}`);
  });
  it('Q09 CANOVA exc-02: ASCT on the screening day → MET', () => {
    const { e } = evalTrial('NCT03539744', [...base(), ...L1(), sct(S)]);
    expect(critOf(e, 'exc-02').outcome).toBe('MET');
  });
});

describe('settled leaves ask for nothing', () => {
  it('Q10 CANOVA with 1 prior line and no ECOG: inc-04 NOT_MET and the missing list does not ask for ECOG', () => {
    const { e } = evalTrial('NCT03539744', [...base(), ...L1(), serum(add(S, -10), 1.2)]);
    const c = critOf(e, 'inc-04');
    expect(c.outcome).toBe('NOT_MET');
    expect((c.missing ?? []).join('|')).not.toMatch(/ecog/i);
    expect(e.missing.join('|')).not.toMatch(/ecog/i);
  });
  it('Q11 MajesTEC-1 inc-03: measurable NOT_MET with progression unassessed → missing does not ask for assessments', () => {
    const evs = [...base(), ...L1(), ...L2(), ...regimen(['pomalidomide', 'dexamethasone'], '2025-05-01', null), serum(add(S, -10), 0.2), urine(add(S, -10), 10), ecog(add(S, -10), 1),
      { eventId: 'flck', type: 'lab', occurredAt: add(S, -10), data: { name: 'free kappa', value: 20, unit: 'mg/L' } } as Ev,
      { eventId: 'flcl', type: 'lab', occurredAt: add(S, -10), data: { name: 'free lambda', value: 10, unit: 'mg/L' } } as Ev];
    const { e } = evalTrial('NCT04557098', evs);
    const c = critOf(e, 'inc-03');
    expect(c.outcome).toBe('NOT_MET');
    expect(c.missing ?? []).toEqual([]);
  });
});

describe('shared evaluation state across the catalog (screenTrial with one EvalState)', () => {
  const dir = path.join(__dirname, '../../../../../data/trials');
  const trials = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => compileTrial(doc(f.replace('.json', ''))));
  const profiles: Array<[string, P, string]> = [
    ['std', prof(std()), S],
    ['dara30', prof(std([], { l3: L3(['daratumumab', 'dexamethasone'], add(S, -30)) })), S],
    ['twoLines', prof([...base(), ...L1(), ...L2(), ...labsStd()]), S],
    ['later', prof(std()), add(S, 70)],
  ];
  type Stripped = { verdict: unknown; eligibleFrom?: unknown; failing: readonly string[]; unknown: readonly string[]; cohorts?: ReadonlyArray<{ id: string; verdict: unknown; eligibleFrom?: unknown }> };
  const strip = (v: Stripped) => JSON.stringify({ v: v.verdict, f: v.eligibleFrom, fail: [...v.failing].sort(), unk: [...v.unknown].sort(), c: (v.cohorts ?? []).map((c) => [c.id, c.verdict, c.eligibleFrom]) });
  it('Q20 one shared state per profile, alternating profiles, agrees with a fresh evaluateTrial on every trial', () => {
    const diffs: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const [name, p, day] of profiles) {
        const st = evaluationState(p, day);
        for (const t of trials) {
          const a = strip(screenTrial(t, st));
          const b = strip(evaluateTrial(compileTrial(doc(t.trialId)), p, day));
          if (a !== b) diffs.push(`${name} ${t.trialId}: screen ${a} vs evaluate ${b}`);
        }
      }
    }
    expect(diffs).toEqual([]);
  });
});
void response; void hb;
