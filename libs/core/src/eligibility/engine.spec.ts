import fc from 'fast-check';
import { carT, demographics, diagnosis, event, lab, med, mrd, response, sct } from '../testing/events';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, dayString, epochDay, InvalidCriteriaError, type LeafTrace, type NodeResult } from './compile';
import { compileTrial, evaluateTrial, rank, type TrialDocument } from './trial';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const run = (rule: unknown, profile: PatientProfile): NodeResult & { trace: LeafTrace[] } => {
  const trace: LeafTrace[] = [];
  return { ...compileRule(rule)({ profile, asOf: AS_OF, trace }), trace };
};

const TCR = profileOf(
  demographics('1955-01-01', 'female', 70),
  diagnosis('2017-01-01', 'IgA', 'kappa'),
  med('VRd', '2018-01-01', '2019-01-01'),
  response('2018-06-01', 'VGPR'),
  response('2018-12-20', 'PD'),
  med('DKd', '2019-01-10', '2020-01-01'),
  response('2019-12-20', 'PD'),
  med('Pd', '2020-01-10', '2025-03-01'),
  response('2025-02-20', 'PD'),
  event('performance-status', '2025-05-01', { ecog: 1 }),
  lab('2025-05-20', 'm-protein', 0.6, 'g/dL'),
  lab('2025-05-20', 'anc', 1.5, '10^9/L'),
  lab('2025-05-20', 'platelets', 90, '10^9/L'),
  lab('2025-05-20', 'alt', 100, 'U/L', { uln: 40 }),
  lab('2025-05-20', 'creatinine', 1.0, 'mg/dL'),
);
const EMPTY = profileOf();

describe('leaves', () => {
  it.each([
    ['age min', { fact: 'age', min: 18 }, 'MET'],
    ['age max 69 (she is 70)', { fact: 'age', max: 69 }, 'NOT_MET'],
    ['sex', { fact: 'sex', in: ['female'] }, 'MET'],
    ['ECOG ≤ 1', { fact: 'ecog', max: 1 }, 'MET'],
    ['ECOG ≤ 1 within 14 days (result is 31 days old)', { fact: 'ecog', max: 1, maxAgeDays: 14 }, 'UNKNOWN'],
    ['prior lines ≥ 3', { fact: 'priorLines', min: 3 }, 'MET'],
    ['prior lines 1–2', { fact: 'priorLines', min: 1, max: 2 }, 'NOT_MET'],
    ['lenalidomide exposed', { fact: 'drugExposed', drug: 'lenalidomide' }, 'MET'],
    ['pomalidomide in last line', { fact: 'drugExposed', drug: 'pomalidomide', scope: 'lastLine' }, 'MET'],
    ['lenalidomide in last line', { fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine' }, 'NOT_MET'],
    ['refractory to pomalidomide in last line', { fact: 'drugRefractory', drug: 'pomalidomide', scope: 'lastLine' }, 'MET'],
    ['anti-CD38 refractory', { fact: 'classRefractory', class: 'ANTI_CD38' }, 'MET'],
    ['anti-CD38 refractory in last line', { fact: 'classRefractory', class: 'ANTI_CD38', scope: 'lastLine' }, 'NOT_MET'],
    ['IMiD exposed in last line', { fact: 'classExposed', class: 'IMID', scope: 'lastLine' }, 'MET'],
    ['triple-class refractory', { fact: 'flag', name: 'tripleClassRefractory' }, 'MET'],
    ['prior BCMA-directed therapy', { fact: 'priorTargetTherapy', target: 'BCMA' }, 'NOT_MET'],
    ['prior ASCT', { fact: 'priorTransplant', kind: 'autologous' }, 'NOT_MET'],
    ['≥ 14 days since the last anti-myeloma dose (92 days)', { fact: 'timeSince', event: 'lastDose', minDays: 14 }, 'MET'],
    ['progression on or after the last line', { fact: 'progressionAfterLastLine' }, 'MET'],
    ['ANC ≥ 1.0 ×10⁹/L within 14 days', { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L', maxAgeDays: 14 }, 'MET'],
    ['platelets ≥ 75 000/µL (unit converted at compile time)', { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*3/uL' }, 'MET'],
    ['haemoglobin ≥ 8 g/dL (not measured)', { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' }, 'UNKNOWN'],
    ['ALT < 2.5 × ULN', { fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 }, 'NOT_MET'],
    ['CrCl ≥ 40 mL/min', { fact: 'creatinineClearance', op: '>=', value: 40 }, 'MET'],
    ['IMWG measurable disease (serum 0.6 g/dL < 1.0; urine, FLC not done)', { fact: 'measurableDisease' }, 'UNKNOWN'],
    ['measurable with IgA cut-off 0.5 g/dL', { fact: 'measurableDisease', serumMinGdL: 1.0, serumMinGdLByIsotype: { IgA: 0.5 } }, 'MET'],
    ['response at least PR', { fact: 'responseAtLeast', category: 'PR' }, 'NOT_MET'],
    ['MRD negative', { fact: 'mrd', result: 'negative' }, 'UNKNOWN'],
    ['t(11;14)', { fact: 'cytogenetics', abnormality: 't(11;14)' }, 'UNKNOWN'],
    ['CNS involvement (no record)', { fact: 'condition', kind: 'cns-involvement' }, 'UNKNOWN'],
    ['plasma cell leukaemia (no data)', { fact: 'plasmaCellLeukemia' }, 'UNKNOWN'],
    ['text-only criterion', { fact: 'unknownText', reason: 'investigator judgement' }, 'UNKNOWN'],
  ])('%s', (_name, rule, outcome) => {
    expect(run(rule, TCR).outcome).toBe(outcome);
  });

  it('says what would settle an unknown, and shows actual vs expected', () => {
    const r = run({ fact: 'ecog', max: 1, maxAgeDays: 14 }, TCR);
    expect(r.trace[0]).toMatchObject({ expected: 'ECOG ≤ 1 within 14 days', actual: '1 (2025-05-01, too old)', missing: ['ECOG within 14 days'] });
    expect(run({ fact: 'priorLines', min: 1 }, EMPTY).trace[0]).toMatchObject({ outcome: 'UNKNOWN', missing: ['treatment history'] });
  });

  it('yields the date a washout completes', () => {
    const p = profileOf(med('DPd', '2025-01-01', '2025-05-20'), response('2025-05-10', 'PD'));
    const r = run({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 28 }, p);
    expect(r).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-17' });
    expect(run({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 90 }, p)).toMatchObject({ outcome: 'MET', flipsOn: '2025-08-19' });
    expect(run({ fact: 'timeSince', event: 'lastDose', drug: 'carfilzomib', minDays: 28 }, p).outcome).toBe('MET');
    expect(run({ fact: 'timeSince', event: 'lastDose', drug: 'pomalidomide', maxDays: 90 }, profileOf(med('Pd', '2025-01-01', null))).outcome).toBe('MET');
    expect(run({ fact: 'timeSince', event: 'lastDose', drug: 'pomalidomide', minDays: 14 }, profileOf(med('Pd', '2025-01-01', null)))).toEqual(expect.objectContaining({ outcome: 'NOT_MET' }));
  });

  it('yields the date of time since transplant and CAR-T', () => {
    const p = profileOf(med('VRd', '2024-10-01', '2025-03-01'), sct('2025-04-01'));
    expect(run({ fact: 'timeSince', event: 'transplant', minDays: 84 }, p)).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-24' });
    const c = profileOf(med('DPd', '2023-01-01', '2024-01-01'), carT('2024-03-01', 'Carvykti'));
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, c).outcome).toBe('MET');
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, c).outcome).toBe('NOT_MET');
    expect(run({ fact: 'timeSince', event: 'carT', minDays: 90 }, c).outcome).toBe('MET');
  });

  it('treats FLC-only measurable disease as its own fact', () => {
    const flc = profileOf(diagnosis('2020-01-01', 'none', 'lambda'), lab('2025-05-01', 'm-protein', 0, 'g/dL'), lab('2025-05-01', 'urine m-protein', 0, 'mg/24h'), lab('2025-05-01', 'free lambda', 300, 'mg/L'), lab('2025-05-01', 'free kappa', 10, 'mg/L'));
    expect(run({ fact: 'measurableByFlcOnly' }, flc).outcome).toBe('MET');
    expect(run({ fact: 'measurableDisease' }, flc).outcome).toBe('MET');
    expect(run({ fact: 'measurableDisease', involvedFlcMinMgDl: 40 }, flc).outcome).toBe('NOT_MET');
  });

  it('reads conditions three-valued: recorded absent, active with grade, or unknown', () => {
    const p = profileOf(event('condition', '2025-01-01', { kind: 'peripheral-neuropathy', status: 'active', grade: 2 }), event('condition', '2025-01-01', { kind: 'cns-involvement', status: 'absent' }));
    expect(run({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }, p).outcome).toBe('NOT_MET');
    expect(run({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 2 }, p).outcome).toBe('MET');
    expect(run({ fact: 'condition', kind: 'cns-involvement' }, p).outcome).toBe('NOT_MET');
  });

  it('checks MRD sensitivity', () => {
    const p = profileOf(mrd('2025-04-01', 'negative', 'NGS', 1e-5), response('2025-04-01', 'CR'));
    expect(run({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-5 }, p).outcome).toBe('MET');
    expect(run({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-6 }, p).outcome).toBe('UNKNOWN');
  });
});

describe('combinators (Kleene logic)', () => {
  const M = { fact: 'age', min: 18 };
  const N = { fact: 'age', max: 30 };
  const U = { fact: 'unknownText', reason: 'x' };
  it.each([
    ['all(M, M)', { all: [M, M] }, 'MET'],
    ['all(M, U)', { all: [M, U] }, 'UNKNOWN'],
    ['all(N, U)', { all: [N, U] }, 'NOT_MET'],
    ['any(N, U)', { any: [N, U] }, 'UNKNOWN'],
    ['any(M, U)', { any: [M, U] }, 'MET'],
    ['any(N, N)', { any: [N, N] }, 'NOT_MET'],
    ['not(M)', { not: M }, 'NOT_MET'],
    ['not(U)', { not: U }, 'UNKNOWN'],
    ['if M then N', { if: M, then: N }, 'NOT_MET'],
    ['if N then U (no else: met)', { if: N, then: U }, 'MET'],
    ['if U then M else M', { if: U, then: M, else: M }, 'MET'],
    ['if U then M else N', { if: U, then: M, else: N }, 'UNKNOWN'],
  ])('%s is %s', (_name, rule, outcome) => {
    expect(run(rule, TCR).outcome).toBe(outcome);
  });

  it('keeps the date a failing child stops failing when a sibling is unknown: less data never worsens the answer', () => {
    const young = profileOf(demographics('2007-08-01', 'male', 80));
    expect(run({ all: [{ fact: 'age', min: 18 }, { fact: 'ecog', max: 1 }] }, young)).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-08-01' });
    expect(run({ any: [{ not: { fact: 'age', min: 18 } }, { fact: 'ecog', max: 1 }] }, young)).toMatchObject({ outcome: 'MET', flipsOn: '2025-08-01' });
    expect(run({ all: [{ fact: 'age', min: 18 }, { fact: 'age', max: 10 }, { fact: 'ecog', max: 1 }] }, young)).toEqual(expect.objectContaining({ outcome: 'NOT_MET' }));
    expect(run({ all: [{ fact: 'age', min: 18 }, { fact: 'age', max: 10 }, { fact: 'ecog', max: 1 }] }, young).flipsOn).toBeUndefined();
  });

  it('answers refractoriness flags unknown without response data when the exposure is there, false when it is not', () => {
    const noResponses = profileOf(med('VRd', '2019-01-01', '2020-01-01'), med('DPd', '2020-02-01', '2025-01-01'));
    for (const name of ['tripleClassRefractory', 'doubleRefractory', 'refractoryToLastLine', 'relapsedAndRefractory']) {
      expect(run({ fact: 'flag', name }, noResponses)).toMatchObject({ outcome: 'UNKNOWN', trace: [expect.objectContaining({ missing: ['response or progression assessments'] })] });
    }
    expect(run({ fact: 'flag', name: 'pentaRefractory' }, noResponses).outcome).toBe('NOT_MET'); // never had carfilzomib
    expect(run({ fact: 'flag', name: 'tripleClassExposed' }, noResponses).outcome).toBe('MET');
  });

  it('lenalidomide-refractory if exactly one prior line (conditional)', () => {
    const rule = { if: { fact: 'priorLines', min: 1, max: 1 }, then: { fact: 'drugRefractory', drug: 'lenalidomide' } };
    expect(run(rule, TCR).outcome).toBe('MET');
    expect(run(rule, profileOf(med('VRd', '2024-01-01', '2025-01-01'), response('2024-06-01', 'VGPR'), response('2025-03-20', 'PD'))).outcome).toBe('NOT_MET');
  });

  it('has the properties of three-valued logic', () => {
    const leafArb = fc.constantFrom<unknown>({ fact: 'age', min: 18 }, { fact: 'age', max: 30 }, { fact: 'unknownText', reason: 'x' }, { fact: 'ecog', max: 1 }, { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' });
    const ruleArb = fc.letrec((tie) => ({
      rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })), fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })), tie('rule').map((r) => ({ not: r }))),
    })).rule;
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const before = run(rule, TCR).outcome;
        // not(not(x)) is x, and not(unknown) is unknown
        expect(run({ not: { not: rule } }, TCR).outcome).toBe(before);
        if (before === 'UNKNOWN') expect(run({ not: rule }, TCR).outcome).toBe('UNKNOWN');
        // adding a known fact (haemoglobin) never turns a known outcome unknown
        const richer = buildProfile([...[], ...TCR_EVENTS, lab('2025-05-25', 'hemoglobin', 9, 'g/dL')], AS_OF);
        const after = run(rule, richer).outcome;
        if (before !== 'UNKNOWN') expect(after).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});

const TCR_EVENTS = [
  demographics('1955-01-01', 'female', 70),
  med('VRd', '2018-01-01', '2019-01-01'),
  response('2018-12-20', 'PD'),
  event('performance-status', '2025-05-01', { ecog: 1 }),
];

describe('compiling', () => {
  it('rejects an invalid rule with every problem located by JSON pointer', () => {
    try {
      compileRule({ all: [{ fact: 'age' }, { fact: 'zodiac' }, { fact: 'lab', name: 'anc', op: '~', value: '1', unit: 'g/dL' }, { fact: 'drugExposed', drug: 'unobtainium' }, { maybe: [] }] });
      throw new Error('expected InvalidCriteriaError');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidCriteriaError);
      expect((e as InvalidCriteriaError).problems.map((p) => p.pointer)).toEqual(['/all/0', '/all/1/fact', '/all/2/op', '/all/2/value', '/all/3/drug', '/all/4']);
    }
  });

  it('rejects unknown properties and units it cannot convert', () => {
    expect(() => compileRule({ fact: 'ecog', max: 1, window: 14 })).toThrow('/window: is not a known property');
    expect(() => compileRule({ fact: 'lab', name: 'anc', op: '>=', value: 1, unit: 'g/dL' })).toThrow('/unit: cannot convert g/dL to 10*9/L');
  });
});

describe('trials', () => {
  const doc: TrialDocument = {
    trialId: 'NCT00000001',
    version: 1,
    title: 'Test trial',
    status: 'RECRUITING',
    criteria: [
      { id: 'inc-age', kind: 'inclusion', text: '18 or older', rule: { fact: 'age', min: 18 } },
      { id: 'inc-tce', kind: 'inclusion', text: 'Triple-class exposed', rule: { fact: 'flag', name: 'tripleClassExposed' } },
      { id: 'inc-hb', kind: 'inclusion', text: 'Hb ≥ 8 g/dL', rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', maxAgeDays: 14 } },
      { id: 'exc-cd38', kind: 'exclusion', text: 'Anti-CD38 within 90 days', rule: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 90 } },
      { id: 'exc-bcma', kind: 'exclusion', text: 'Prior BCMA CAR-T', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' } },
    ],
    cohorts: [
      { id: 'A', name: 'BCMA-naive', criteria: [] },
      { id: 'B', name: 'Prior bispecific', criteria: [{ id: 'b-bisp', kind: 'inclusion', text: 'Prior BCMA bispecific', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' } }] },
    ],
  };
  const trial = compileTrial(doc);
  const base = [demographics('1950-01-01', 'male', 80), med('VRd', '2020-01-01', '2021-01-01'), med('DPd', '2021-02-01', '2022-01-01'), response('2021-12-20', 'PD')];

  it('is ELIGIBLE when every criterion passes, in the best cohort', () => {
    const e = evaluateTrial(trial, profileOf(...base, lab('2025-05-25', 'hemoglobin', 10, 'g/dL')), AS_OF);
    expect(e).toMatchObject({ verdict: 'ELIGIBLE', missing: [], failing: [] });
    expect(e.cohorts.map((c) => [c.id, c.verdict])).toEqual([
      ['A', 'ELIGIBLE'],
      ['B', 'INELIGIBLE'],
    ]);
  });

  it('is POTENTIALLY_ELIGIBLE with the data to collect', () => {
    const e = evaluateTrial(trial, profileOf(...base), AS_OF);
    expect(e).toMatchObject({ verdict: 'POTENTIALLY_ELIGIBLE', missing: ['hemoglobin within 14 days'], unknownCount: 1 });
  });

  it('is ELIGIBLE_FROM the end of a washout', () => {
    const e = evaluateTrial(trial, profileOf(...base, med('Isa-Kd', '2025-01-01', '2025-05-01'), lab('2025-05-25', 'hemoglobin', 10, 'g/dL')), AS_OF);
    expect(e).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-07-31', failing: ['exc-cd38'] });
    expect(e.criteria.find((c) => c.criterionId === 'exc-cd38')).toMatchObject({ outcome: 'MET', passes: false, eligibleFrom: '2025-07-31' });
  });

  it('is INELIGIBLE with the failing criteria named', () => {
    const e = evaluateTrial(trial, profileOf(...base, carT('2023-01-01', 'Abecma'), lab('2025-05-25', 'hemoglobin', 10, 'g/dL')), AS_OF);
    expect(e).toMatchObject({ verdict: 'INELIGIBLE', failing: ['exc-bcma'] });
  });

  it('ranks eligible first, then fewest unknowns, then earliest date', () => {
    const v = (verdict: 'ELIGIBLE' | 'POTENTIALLY_ELIGIBLE' | 'ELIGIBLE_FROM' | 'INELIGIBLE', unknownCount: number, eligibleFrom?: string) => ({ verdict, unknownCount, missing: [], unknown: [], failing: verdict === 'INELIGIBLE' ? ['x'] : [], ...(eligibleFrom ? { eligibleFrom } : {}), id: `${verdict}-${unknownCount}-${eligibleFrom ?? ''}` });
    const ranked = rank([v('INELIGIBLE', 0), v('POTENTIALLY_ELIGIBLE', 2), v('ELIGIBLE_FROM', 0, '2025-09-01'), v('ELIGIBLE', 0), v('ELIGIBLE_FROM', 0, '2025-07-01'), v('POTENTIALLY_ELIGIBLE', 1)]);
    expect(ranked.map((r) => r.id)).toEqual(['ELIGIBLE-0-', 'ELIGIBLE_FROM-0-2025-07-01', 'ELIGIBLE_FROM-0-2025-09-01', 'POTENTIALLY_ELIGIBLE-1-', 'POTENTIALLY_ELIGIBLE-2-', 'INELIGIBLE-0-']);
  });

  it('ranks ineligible results by fewest failing criteria before unknowns', () => {
    const ineligible = (id: string, failing: number, unknownCount: number) => ({ id, verdict: 'INELIGIBLE' as const, failing: Array.from({ length: failing }, (_, i) => `f${i}`), unknown: [], unknownCount, missing: [] });
    expect(rank([ineligible('two-failing', 2, 0), ineligible('one-failing', 1, 3), ineligible('one-failing-fewer-unknowns', 1, 1)]).map((r) => r.id)).toEqual(['one-failing-fewer-unknowns', 'one-failing', 'two-failing']);
  });

  it('rejects a cohort criterion that repeats a trial-wide id', () => {
    expect(() => compileTrial({ ...doc, cohorts: [{ id: 'A', name: 'a', criteria: [doc.criteria[0]!] }] })).toThrow('/cohorts/0/criteria/0/id: criterion id inc-age is also a trial-wide criterion');
  });

  it('screens only open cohorts: a cohort with a closed status of its own is left out, and a trial with every cohort closed is not screened', () => {
    const bClosed = compileTrial({ ...doc, cohorts: [doc.cohorts![0]!, { ...doc.cohorts![1]!, status: 'CLOSED' }] });
    expect(bClosed).toMatchObject({ screened: true, units: ['A'], closedCohorts: ['B'] });
    expect(evaluateTrial(bClosed, profileOf(...base, lab('2025-05-25', 'hemoglobin', 10, 'g/dL')), AS_OF).cohorts.map((c) => c.id)).toEqual(['A']);
    expect(compileTrial({ ...doc, cohorts: doc.cohorts!.map((c) => ({ ...c, status: 'SUSPENDED' })) })).toMatchObject({ screened: false, units: [], closedCohorts: ['A', 'B'] });
    expect(compileTrial({ ...doc, cohorts: doc.cohorts!.map((c) => ({ ...c, status: 'RECRUITING' })) })).toMatchObject({ screened: true, units: ['A', 'B'] });
    expect(compileTrial({ ...doc, status: 'CLOSED' })).toMatchObject({ screened: false, units: [] });
    expect(compileTrial({ ...doc, status: 'UNKNOWN', cohorts: undefined })).toMatchObject({ screened: true, units: [''] });
    expect(() => compileTrial({ ...doc, cohorts: [{ ...doc.cohorts![0]!, status: 'PAUSED' }, doc.cohorts![0]!] })).toThrow(/\/cohorts\/0\/status: must be one of.*\/cohorts\/1\/id: duplicate cohort id A/);
  });

  it('rejects a trial document with every problem located', () => {
    expect(() => compileTrial({ ...doc, trialId: 'KarMMa', criteria: [{ id: 'x', kind: 'inclusion', text: '', rule: { fact: 'age' } }, { id: 'x', kind: 'maybe', text: 't', rule: { fact: 'age', min: 1 } }] } as unknown as TrialDocument)).toThrow(
      /\/trialId: must be an NCT number.*\/criteria\/0\/text: the protocol text is required.*\/criteria\/0\/rule: age needs min or max.*\/criteria\/1\/id: duplicate criterion id x.*\/criteria\/1\/kind/,
    );
  });
});

describe('day arithmetic', () => {
  it('epochDay and dayString agree with the calendar, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(dayString(n)).toBe(iso);
        expect(epochDay(iso)).toBe(n);
      }),
    );
    expect(epochDay('2024-02-29')).toBe(epochDay('2024-03-01') - 1);
  });
});
