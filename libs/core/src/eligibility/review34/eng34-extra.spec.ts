/**
 * eng34 — second round: priorLines on the screening day, progressionOnly, FLC > 100 mg/L, verdict windows with
 * cohorts (criteria-language "Verdict per trial and per cohort"), time-bound Kleene, half-lives `longer`.
 * Expectations from docs/criteria-language.md, domain.md, written before reading the implementation.
 */
import {
  add, base, critOf, demographics, ecog, evalDoc, evalTrial, flc, hb, L1, L2, L3, lab, leaf, med, mkDoc, regimen, response,
  ruleOf, S, sct, serum, std, transfusion, urine, verdictOf, cohortOf, type Ev,
} from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const out = (trial: string, crit: string, evs: Ev[], asOf = S) => critOf(evalTrial(trial, evs, asOf).e, crit).outcome;
const U = { fact: 'unknownText', reason: 'x' };
const cd38Within = (n: number) => ({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: n });

describe('priorLines on the screening day (criteria-language priorLines)', () => {
  it('X01 NCT03110562 (1–3 lines): a 4th line starting on the screening day → priorLines 3, ELIGIBLE today', () => {
    const evs = std([...regimen(['selinexor', 'dexamethasone'], S, null)], { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial('NCT03110562', evs);
    expect(verdictOf(e)).toBe('ELIGIBLE');
  });
  it('X02 NCT03110562: first line starting on the screening day → NOT_MET today, ELIGIBLE_FROM next day', () => {
    const { e } = evalTrial('NCT03110562', [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], S, null)]);
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(S, 1)}`);
  });
  it('X03 NCT04975997 (1–2 lines): 3 lines → INELIGIBLE', () => expect(evalTrial('NCT04975997', std()).e.verdict).toBe('INELIGIBLE'));
});

describe('DREAMM-7 NCT04246047 exc-02 classRefractory ANTI_CD38 progressionOnly', () => {
  const T = 'NCT04246047';
  const sdDara = (stopReason = 'toxicity') => [...base(), ...L1(), ...regimen(['daratumumab', 'bortezomib', 'dexamethasone'], '2022-06-01', '2023-11-30', { reasonStopped: stopReason }),
    response('2022-09-01', 'SD'), response('2022-10-01', 'SD'), response('2023-11-01', 'SD'), response('2024-03-01', 'PD'),
    ...regimen(['pomalidomide', 'dexamethasone'], '2024-03-10', '2025-05-10'), response('2024-06-01', 'PR'), response('2024-07-01', 'PR'), response('2025-05-01', 'PD'), ...labsStd()];
  it('X04 daratumumab SD only, PD 92 d after its last dose → progressionOnly NOT_MET', () => expect(out(T, 'exc-02', sdDara())).toBe('NOT_MET'));
  it('X05 same patient, classRefractory ANTI_CD38 without progressionOnly (IMWG nonresponse) → MET', () =>
    expect(leaf({ fact: 'classRefractory', class: 'ANTI_CD38' }, sdDara()).outcome).toBe('MET'));
  const vgprDara = (pdAfter: number) => [...base(), ...L1(), ...L2(['daratumumab', 'bortezomib', 'dexamethasone'], '2023-06-01', null), response(add('2023-06-01', pdAfter), 'PD'),
    ...regimen(['pomalidomide', 'dexamethasone'], add('2023-06-01', pdAfter + 10), '2025-05-10'), response('2024-06-01', 'PR'), response('2024-07-01', 'PR'), response('2025-05-01', 'PD'), ...labsStd()];
  it('X06 daratumumab VGPR, PD exactly 60 d after its last dose → exc-02 MET', () => expect(out(T, 'exc-02', vgprDara(60))).toBe('MET'));
  it('X07 daratumumab VGPR, PD 61 d after its last dose → exc-02 NOT_MET', () => expect(out(T, 'exc-02', vgprDara(61))).toBe('NOT_MET'));
});

describe('measurable disease edges', () => {
  const d5 = add(S, -5);
  const m = (labs: Ev[]) => [...base(), ...L1(), ...labs];
  it('X08 SUCCESSOR-1 NCT05519085 inc-01 involved κ exactly 100 mg/L ("> 100 mg/L") → NOT_MET', () =>
    expect(out('NCT05519085', 'inc-01', m([serum(d5, 0.3), urine(d5, 100), ...flc(d5, 100, 10)]))).toBe('NOT_MET'));
  it('X09 SUCCESSOR-1 inc-01 involved κ 100.1 mg/L → MET', () =>
    expect(out('NCT05519085', 'inc-01', m([serum(d5, 0.3), urine(d5, 100), ...flc(d5, 100.1, 10)]))).toBe('MET'));
  it('X10 FLC reported in mg/dL (κ 12 mg/dL, λ 1 mg/dL), serum 0.5, urine 100 → IMWG measurable MET (§8 units)', () =>
    expect(leaf({ fact: 'measurableDisease' }, m([serum(d5, 0.5), urine(d5, 100), lab(d5, 'free kappa', 12, 'mg/dL'), lab(d5, 'free lambda', 1, 'mg/dL')])).outcome).toBe('MET'));
  it('X11 serum 0.99, urine never measured, involved FLC 12 mg/dL abnormal → MET whatever the urine (urine route or FLC route)', () =>
    expect(leaf({ fact: 'measurableDisease' }, m([serum(d5, 0.99), ...flc(d5, 120, 10)])).outcome).toBe('MET'));
  it('X12 isotype from an M-protein lab (IgA kappa), no diagnosis isotype, serum 0.6 → CANDOR inc-03 MET', () =>
    expect(out('NCT03158688', 'inc-03', [...base({ iso: null }), ...L1(), lab(d5, 'serum m-protein', 0.6, 'g/dL', { isotype: 'IgA kappa' }), urine(d5, 50)])).toBe('MET'));
  it('X13 SUCCESSOR-1 inc-06 MR confirmed on two assessments → MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-12-01'), response('2022-03-01', 'MR'), response('2022-04-01', 'MR'), response('2023-01-15', 'PD'), ...labsStd()];
    expect(out('NCT05519085', 'inc-06', evs)).toBe('MET');
  });
  it('X14 SUCCESSOR-1 inc-06 only SD, SD, PD ever → NOT_MET', () => {
    const evs = [...base(), ...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2022-01-01', '2022-12-01'), response('2022-03-01', 'SD'), response('2022-04-01', 'SD'), response('2022-11-15', 'PD'), ...labsStd()];
    expect(out('NCT05519085', 'inc-06', evs)).toBe('NOT_MET');
  });
});

describe('verdict windows (criteria-language "Verdict per trial and per cohort")', () => {
  const daraAt = (d: string) => [...base(), ...L1(), ...L2(['daratumumab', 'carfilzomib', 'dexamethasone'], d, add(d, -5)), ...labsStd()];
  const withBirth = (birth: string, evs: Ev[]) => [demographics(birth, 'male', 80), ...evs.filter((e) => e.type !== 'demographics')];
  it('X15 age ≤74 + "anti-CD38 within 30 days" excluded; washout ends (S+21) after the 75th birthday (S+19) → INELIGIBLE', () => {
    const d = mkDoc([['inc-age', 'inclusion', { fact: 'age', max: 74 }], ['exc-cd38', 'exclusion', cd38Within(30)]]);
    expect(evalDoc(d, withBirth('1950-06-20', daraAt(add(S, -10)))).verdict).toBe('INELIGIBLE');
  });
  it('X16 same, 75th birthday S+22, washout over S+21 → ELIGIBLE_FROM S+21', () => {
    const d = mkDoc([['inc-age', 'inclusion', { fact: 'age', max: 74 }], ['exc-cd38', 'exclusion', cd38Within(30)]]);
    expect(verdictOf(evalDoc(d, withBirth('1950-06-23', daraAt(add(S, -10)))))).toBe(`ELIGIBLE_FROM@${add(S, 21)}`);
  });
  it('X17 exclusion 60–120 days since anti-CD38 (passes today, blocks later) + ASCT ≥70 days inclusion → ELIGIBLE_FROM end of the window', () => {
    const d = mkDoc([
      ['inc-sct', 'inclusion', { all: [{ fact: 'timeSince', event: 'transplant', minDays: 70 }, { fact: 'priorTransplant' }] }],
      ['exc-win', 'exclusion', { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 60, maxDays: 120 }],
    ]);
    const D = add(S, -50);
    // ASCT 10 days ago: inclusion opens S+60; exclusion blocks days 60..120 after D = S+10..S+70 → first free day S+71
    const e = evalDoc(d, [...daraAt(D), sct(add(S, -10))]);
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(D, 121)}`);
  });
  it('X18 "if anti-CD38 within 30 days then 46 days since it" (dose 10 d ago) → ELIGIBLE_FROM day 31 after the dose', () => {
    const d = mkDoc([['inc-if', 'inclusion', { if: cd38Within(30), then: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 46 } }]]);
    const D = add(S, -10);
    expect(verdictOf(evalDoc(d, daraAt(D)))).toBe(`ELIGIBLE_FROM@${add(D, 31)}`);
  });
  it('X19 cohorts: X blocked until S+5, Y potentially eligible now → trial POTENTIALLY_ELIGIBLE (enter now beats later)', () => {
    const d = mkDoc([], [
      { id: 'X', criteria: [['x-exc', 'exclusion', { not: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 15 } }]] },
      { id: 'Y', criteria: [['y-inc', 'inclusion', U]] },
    ]);
    const e = evalDoc(d, daraAt(add(S, -10)));
    expect([verdictOf(e), cohortOf(e, 'X'), cohortOf(e, 'Y')]).toEqual(['POTENTIALLY_ELIGIBLE', `ELIGIBLE_FROM@${add(S, 5)}`, 'POTENTIALLY_ELIGIBLE']);
  });
  it('X20 cohorts: X blocked until S+5, Y until S+20 → trial ELIGIBLE_FROM S+5', () => {
    const d = mkDoc([], [
      { id: 'X', criteria: [['x-exc', 'exclusion', { not: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 15 } }]] },
      { id: 'Y', criteria: [['y-exc', 'exclusion', cd38Within(29)]] },
    ]);
    expect(verdictOf(evalDoc(d, daraAt(add(S, -10))))).toBe(`ELIGIBLE_FROM@${add(S, 5)}`);
  });
  it('X21 cohorts both INELIGIBLE → trial INELIGIBLE, failing from the cohort with fewer failures', () => {
    const d = mkDoc([], [
      { id: 'X', criteria: [['x1', 'inclusion', { fact: 'age', max: 30 }], ['x2', 'inclusion', { fact: 'priorLines', max: 0 }]] },
      { id: 'Y', criteria: [['y1', 'inclusion', { fact: 'age', max: 30 }]] },
    ]);
    const e = evalDoc(d, std());
    expect([e.verdict, [...e.failing].sort().join(',')]).toEqual(['INELIGIBLE', 'y1']);
  });
  it('X22 trial-level block with no end + cohort eligible → INELIGIBLE', () => {
    const d = mkDoc([['t1', 'inclusion', { fact: 'priorLines', max: 1 }]], [{ id: 'X', criteria: [['x1', 'inclusion', { fact: 'age', min: 18 }]] }]);
    expect(evalDoc(d, std()).verdict).toBe('INELIGIBLE');
  });
});

describe('time-bound Kleene and half-lives', () => {
  const dara10 = () => [...base(), ...L1(), ...L2(['daratumumab', 'carfilzomib', 'dexamethasone'], add(S, -10), add(S, -15)), ...labsStd()];
  const wash31 = { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 31 };
  it('X23 all[washout not met until S+21, unknownText] → NOT_MET, flips S+21 to UNKNOWN', () => {
    const r = leaf({ all: [wash31, U] }, dara10());
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['NOT_MET', add(S, 21), 'UNKNOWN']);
  });
  it('X24 any[washout not met until S+21, unknownText] → UNKNOWN, flips S+21 to MET', () => {
    const r = leaf({ any: [wash31, U] }, dara10());
    expect([r.outcome, r.flipsOn, r.flipsTo]).toEqual(['UNKNOWN', add(S, 21), 'MET']);
  });
  const bz = (daysAgo: number) => [...base(), ...L1(), ...L2(['bortezomib', 'dexamethasone'], add(S, -daysAgo), add(S, -daysAgo - 5)), ...labsStd()];
  const longer = { fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 14, halfLives: 5, combine: 'longer' };
  it('X25 bortezomib 5 half-lives (22.6 d) longer than 14: 22 days after → NOT_MET, flips next day', () => {
    const r = leaf(longer, bz(22));
    expect([r.outcome, r.flipsOn]).toEqual(['NOT_MET', add(S, 1)]);
  });
  it('X26 bortezomib longer-of: 23 days after → MET', () => expect(leaf(longer, bz(23)).outcome).toBe('MET'));
  it('X27 bortezomib shorter-of 14 d and 5 hl: 14 days after → MET', () => expect(leaf({ ...longer, combine: 'shorter' }, bz(14)).outcome).toBe('MET'));
  it('X28 bortezomib shorter-of: 13 days after → NOT_MET', () => expect(leaf({ ...longer, combine: 'shorter' }, bz(13)).outcome).toBe('NOT_MET'));
  it('X29 DREAMM-8 exc-03 with Pd still given (no end) → MET with no end: INELIGIBLE', () => {
    const evs = std([], { l3: [...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', null), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response(add(S, -10), 'PD')] });
    const { e } = evalTrial('NCT04484623', evs);
    expect([critOf(e, 'exc-03').outcome, e.verdict]).toEqual(['MET', 'INELIGIBLE']);
  });
  it('X30 DREAMM-8 exc-03: daratumumab stopped 31 d ago, pom+dex 1 d ago → MET, ELIGIBLE_FROM S+1', () => {
    const l3 = [med('daratumumab', '2023-12-10', add(S, -31)), ...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', add(S, -1)), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response(add(S, -10), 'PD')];
    const { e } = evalTrial('NCT04484623', std([], { l3 }));
    expect([critOf(e, 'exc-03').outcome, verdictOf(e)]).toEqual(['MET', `ELIGIBLE_FROM@${add(S, 1)}`]);
  });
  it('X31 DREAMM-8 exc-03: daratumumab stopped 29 d ago, pom+dex 1 d ago → ELIGIBLE_FROM dara + 31 = S+2', () => {
    const l3 = [med('daratumumab', '2023-12-10', add(S, -29)), ...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', add(S, -1)), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response(add(S, -10), 'PD')];
    const { e } = evalTrial('NCT04484623', std([], { l3 }));
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(S, 2)}`);
  });
});

describe('misc catalog', () => {
  it('X32 MajesTEC-1 inc-02: isatuximab as the anti-CD38 → TCE, inc-02 MET', () =>
    expect(out('NCT04557098', 'inc-02', [...base(), ...L1(), ...L2(['isatuximab', 'carfilzomib', 'dexamethasone']), ...L3(), ...labsStd()])).toBe('MET'));
  it('X33 CARTITUDE-4 inc-07: platelet transfusion 2 d before Hb 8.0 → MET (does not prop up Hb)', () =>
    expect(out('NCT04181827', 'inc-07', [...base(), ...L1(), ...L2(), serum(add(S, -10), 1.2), transfusion(add(S, -5), 'platelets'), hb(add(S, -3), 8.0)])).toBe('MET'));
  it('X34 CARTITUDE-4 inc-07: transfusion of an unrecorded product 2 d before Hb 8.0 → UNKNOWN', () =>
    expect(out('NCT04181827', 'inc-07', [...base(), ...L1(), ...L2(), serum(add(S, -10), 1.2), { ...transfusion(add(S, -5)), data: { kind: 'transfusion' } }, hb(add(S, -3), 8.0)])).toBe('UNKNOWN'));
  it('X35 DREAMM-8 inc-05: PD only in the last line\'s first 10 days, no later assessment → UNKNOWN', () => {
    const evs = [...base(), ...L1(), ...L2(undefined, '2023-11-30', null), response('2023-12-20', 'PD'), ...regimen(['pomalidomide', 'dexamethasone'], '2023-12-10', null), ...labsStd()];
    expect(out('NCT04484623', 'inc-05', evs)).toBe('UNKNOWN');
  });
  it('X36 KarMMa-3 NCT03651128 inc-02: dara + IMiD + PI exposed → MET', () => expect(out('NCT03651128', 'inc-02', std())).toBe('MET'));
  it('X37 KarMMa-3 inc-01: 5 prior lines → NOT_MET (2–4)', () => {
    const evs = std([...regimen(['elotuzumab', 'pomalidomide', 'dexamethasone'], '2025-01-01', '2025-03-01'), response('2025-02-01', 'PD'),
      ...regimen(['selinexor', 'dexamethasone'], '2025-03-15', '2025-05-20'), response('2025-04-15', 'SD'), response('2025-05-15', 'PD')], { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    expect(out('NCT03651128', 'inc-01', evs)).toBe('NOT_MET');
  });
});
void leaf; void ruleOf; void flc; void hb; void L3;
