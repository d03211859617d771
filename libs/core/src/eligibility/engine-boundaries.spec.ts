/**
 * The engine at its edges, hand-derived from architecture.md ("unknown: data missing or too old") and
 * domain.md §7: stale labs, ECOG and creatinine clearance are UNKNOWN without a rule window; derived
 * values are compared unrounded; "any history of grade ≥3" survives a later lower grade; a trial whose
 * washout ends after an upper age limit is passed never opens.
 */
import { carT, demographics, diagnosis, event, lab, med, response } from '../testing/events';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, DEFAULT_VALIDITY_DAYS, type LeafTrace } from './compile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from './trial';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const outcome = (rule: unknown, profile: PatientProfile): string => compileRule(rule)({ profile, asOf: AS_OF, trace: null }).outcome;
const day = (n: number): string => new Date(Date.parse(AS_OF) + n * 86_400_000).toISOString().slice(0, 10);
/** The first day (within ~2 years) on which nothing blocks, screened day by day: what ELIGIBLE_FROM must name. */
const firstOpen = (doc: TrialDocument, p: PatientProfile): string | null => {
  const t = compileTrial(doc);
  for (let d = 0; d <= 800; d++) {
    const v = screenTrial(t, p, day(d)).verdict;
    if (v !== 'INELIGIBLE' && v !== 'ELIGIBLE_FROM') return day(d);
  }
  return null;
};
/** A trial of [id, kind, rule] criteria. */
const windowTrial = (...c: Array<[string, 'inclusion' | 'exclusion', unknown]>): TrialDocument => ({
  trialId: 'NCT00000004',
  version: 1,
  title: 'windows',
  status: 'RECRUITING',
  criteria: c.map(([id, kind, rule]) => ({ id, kind, text: id, rule })),
});
const antiCd38 = (extra: object) => ({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', ...extra });

describe('validity of labs, ECOG and creatinine clearance', () => {
  const stale = profileOf(
    demographics('1955-01-01', 'male', 80),
    lab('2022-03-01', 'hemoglobin', 10, 'g/dL'),
    lab('2022-03-01', 'creatinine', 1.0, 'mg/dL'),
    event('performance-status', '2022-03-01', { ecog: 0 }),
  );
  const fresh = profileOf(
    demographics('1955-01-01', 'male', 80),
    lab('2025-05-01', 'hemoglobin', 10, 'g/dL'),
    lab('2025-05-01', 'creatinine', 1.0, 'mg/dL'),
    event('performance-status', '2025-05-01', { ecog: 0 }),
  );

  it.each([
    ['hemoglobin ≥ 8 g/dL', { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' }],
    ['ECOG ≤ 1', { fact: 'ecog', max: 1 }],
    ['CrCl ≥ 40 mL/min', { fact: 'creatinineClearance', op: '>=', value: 40 }],
  ])('%s: MET on recent data, UNKNOWN on data from 2022 when the rule gives no window', (_, rule) => {
    expect(outcome(rule, fresh)).toBe('MET');
    expect(outcome(rule, stale)).toBe('UNKNOWN');
    expect(outcome({ ...rule, maxAgeDays: 5000 }, stale)).toBe('MET');
  });

  it(`the default window is ${DEFAULT_VALIDITY_DAYS} days, inclusive, and the missing item says so`, () => {
    const onEdge = profileOf(lab('2025-04-02', 'hemoglobin', 10, 'g/dL')); // 60 days before 2025-06-01
    const past = profileOf(lab('2025-04-01', 'hemoglobin', 10, 'g/dL'));
    const rule = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' };
    expect(outcome(rule, onEdge)).toBe('MET');
    expect(outcome(rule, past)).toBe('UNKNOWN');
    const trace: LeafTrace[] = [];
    compileRule(rule)({ profile: past, asOf: AS_OF, trace });
    expect(trace[0]?.missing).toEqual(['hemoglobin within 60 days']);
  });
});

describe('derived values compared unrounded', () => {
  it('CrCl 39.96 mL/min (male, 70 y, 41.1 kg, creatinine 1.0 mg/dL) does not meet ≥ 40', () => {
    const p = profileOf(demographics('1955-01-01', 'male', 41.1), lab('2025-05-20', 'creatinine', 1.0, 'mg/dL'));
    expect(p.labs.crcl!.value).toBeCloseTo(39.958, 3);
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 40 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 39.9 }, p)).toBe('MET');
  });

  it('ALT 99.99 U/L with ULN 40 is 2.49975 × ULN: below 2.5', () => {
    const p = profileOf(lab('2025-05-20', 'alt', 99.99, 'U/L', { uln: 40 }));
    expect(outcome({ fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 }, p)).toBe('MET');
    expect(outcome({ fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 }, profileOf(lab('2025-05-20', 'alt', 100, 'U/L', { uln: 40 })))).toBe('NOT_MET');
  });
});

describe('conditions over their history', () => {
  const neuropathy = (date: string, status: string, grade?: number) => event('condition', date, { kind: 'peripheral-neuropathy', status, ...(grade !== undefined ? { grade } : {}) });
  const rule = (includeHistory: boolean) => ({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, includeHistory });

  it('grade 3 in 2023 then grade 1 in 2024: any history of grade ≥ 3 is met, an active grade ≥ 3 is not', () => {
    const p = profileOf(neuropathy('2023-01-01', 'active', 3), neuropathy('2024-01-01', 'active', 1));
    expect(outcome(rule(true), p)).toBe('MET');
    expect(outcome(rule(false), p)).toBe('NOT_MET');
  });

  it('a condition once present and since recorded absent is still history; never present is not', () => {
    expect(outcome(rule(true), profileOf(neuropathy('2023-01-01', 'active', 3), neuropathy('2024-01-01', 'absent')))).toBe('MET');
    expect(outcome(rule(true), profileOf(neuropathy('2024-01-01', 'absent')))).toBe('NOT_MET');
  });
});

describe('eligible-from when a passing criterion will stop passing', () => {
  // Born 1950-06-05: 74 on the screening day (2025-06-01), 75 from 2025-06-05.
  const doc: TrialDocument = {
    trialId: 'NCT00000002',
    version: 1,
    title: 'Washout and an upper age limit',
    status: 'RECRUITING',
    criteria: [
      { id: 'inc-age', kind: 'inclusion', text: 'Age 74 or younger', rule: { fact: 'age', max: 74 } },
      { id: 'inc-washout', kind: 'inclusion', text: '≥14 days since the last carfilzomib dose', rule: { fact: 'timeSince', event: 'lastDose', drug: 'carfilzomib', minDays: 14 } },
    ],
  };
  const trial = compileTrial(doc);
  const patient = (lastDose: string) => profileOf(demographics('1950-06-05', 'male', 80), med('Kd', '2025-01-01', lastDose));

  it('is INELIGIBLE when the washout ends (2025-06-08) after the age limit is passed (2025-06-05)', () => {
    const p = patient('2025-05-25');
    expect(evaluateTrial(trial, p, AS_OF)).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-washout'] });
    expect(screenTrial(trial, p, AS_OF)).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-washout'] });
    expect(evaluateTrial(trial, p, '2025-06-08')).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-age'] });
  });

  it('is ELIGIBLE_FROM the end of a washout that comes before the age limit, and INELIGIBLE when both fall on the same day', () => {
    expect(screenTrial(trial, patient('2025-05-20'), AS_OF)).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-03' });
    expect(screenTrial(trial, patient('2025-05-22'), AS_OF)).toMatchObject({ verdict: 'INELIGIBLE' }); // washout ends 2025-06-05, the 75th birthday
  });

  it('a rule combining both has no date on which it turns met', () => {
    const r = compileRule({ all: [doc.criteria[0]!.rule, doc.criteria[1]!.rule] })({ profile: patient('2025-05-25'), asOf: AS_OF, trace: null });
    expect(r).toEqual({ outcome: 'NOT_MET' });
  });
});

describe('refractoriness needs a response or progression recorded after the therapy started', () => {
  // VRd, VGPR, progression; then KPd started after that progression and still given.
  const history = [med('VRd', '2020-01-01', '2021-01-01'), response('2020-06-01', 'VGPR'), response('2021-03-01', 'PD'), med('KPd', '2021-03-10', null)];

  it('refractory to carfilzomib and progression on the last line are UNKNOWN until the new line is assessed', () => {
    const p = profileOf(...history);
    expect(outcome({ fact: 'drugRefractory', drug: 'carfilzomib' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'progressionAfterLastLine' }, p)).toBe('UNKNOWN');
    // Bortezomib was followed by a progression within 60 days of its last dose: refractory, known.
    expect(outcome({ fact: 'drugRefractory', drug: 'bortezomib' }, p)).toBe('MET');
  });

  it('an assessment during the new line settles them', () => {
    const p = profileOf(...history, response('2021-06-01', 'PR'), response('2021-07-01', 'PR'));
    expect(outcome({ fact: 'drugRefractory', drug: 'carfilzomib' }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'progressionAfterLastLine' }, p)).toBe('NOT_MET');
  });

  it('anti-CD38 refractory and triple-class refractory are UNKNOWN when the line that could make them true has not been assessed', () => {
    const p = profileOf(med('VRd', '2020-01-01', '2021-01-01'), response('2020-06-01', 'VGPR'), response('2021-03-01', 'PD'), med('DPd', '2021-03-10', null));
    expect(outcome({ fact: 'classRefractory', class: 'ANTI_CD38' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'flag', name: 'tripleClassRefractory' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'classRefractory', class: 'IMID' }, p)).toBe('MET'); // lenalidomide: progression 59 days after its last dose
  });
});

describe('a CAR-T infusion with a product the catalog does not know', () => {
  const base = [med('VRd', '2020-01-01', '2021-01-01'), response('2020-06-01', 'VGPR')];

  it('leaves prior BCMA- or GPRC5D-directed CAR-T unknown, not absent; a bispecific question is unaffected', () => {
    const p = profileOf(...base, carT('2024-03-01', 'investigational CAR-T XYZ'));
    expect(outcome({ fact: 'priorTargetTherapy', target: 'BCMA' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'flag', name: 'priorBcmaDirected' }, p)).toBe('UNKNOWN');
  });

  it('a known product answers: ide-cel is BCMA-directed, and no infusion at all is no prior CAR-T', () => {
    expect(outcome({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, profileOf(...base, carT('2024-03-01', 'idecabtagene vicleucel')))).toBe('MET');
    expect(outcome({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, profileOf(...base))).toBe('NOT_MET');
  });
});

describe('if/then/else over time (the condition’s flip date propagates)', () => {
  const dated = (rule: unknown, profile: PatientProfile, asOf = AS_OF) => {
    const r = compileRule(rule)({ profile, asOf, trace: null });
    return { outcome: r.outcome, flipsOn: r.flipsOn };
  };
  // Daratumumab last given 2025-05-20: "within 30 days" holds until 2025-06-19, not from 2025-06-20.
  const p = profileOf(demographics('1950-07-01', 'male', 80), med('DPd', '2024-01-01', '2025-05-20'), response('2025-05-01', 'PD'), event('performance-status', '2025-05-25', { ecog: 2 }));
  const recentCd38 = { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 30 };
  const washout46 = { fact: 'timeSince', event: 'lastDose', minDays: 46 }; // met from 2025-07-05

  it('a condition that turns false first ends the then-branch’s failure on its own date', () => {
    expect(dated({ if: recentCd38, then: washout46 }, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-20' });
    // The then-branch passing first decides the date.
    expect(dated({ if: recentCd38, then: { fact: 'timeSince', event: 'lastDose', minDays: 28 } }, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-17' });
  });

  it('a passing criterion stops passing when its condition turns true and the branch taken then fails, so a later window never opens', () => {
    const older = { if: { fact: 'age', min: 75 }, then: { fact: 'ecog', max: 1 } }; // 75 on 2025-07-01, ECOG 2
    expect(dated(older, p)).toEqual({ outcome: 'MET', flipsOn: '2025-07-01' });
    const doc: TrialDocument = { trialId: 'NCT00000001', version: 1, title: 't', status: 'RECRUITING', criteria: [{ id: 'inc-older', kind: 'inclusion', text: 'aged 75 or more: ECOG ≤ 1', rule: older }, { id: 'inc-washout', kind: 'inclusion', text: '46 days since last dose', rule: washout46 }] };
    expect(evaluateTrial(compileTrial(doc), p, AS_OF).verdict).toBe('INELIGIBLE');
    expect(screenTrial(compileTrial(doc), p, AS_OF).verdict).toBe('INELIGIBLE');
    // Both branches passing the same way: no flip.
    expect(dated({ if: { fact: 'age', min: 75 }, then: { fact: 'ecog', max: 2 } }, p)).toEqual({ outcome: 'MET', flipsOn: undefined });
  });

  it('with an unknown condition, agreeing branches stay known until the first of their dates', () => {
    const rule = { if: { fact: 'cytogenetics', abnormality: 't(11;14)' }, then: { fact: 'timeSince', event: 'lastDose', minDays: 28 }, else: { fact: 'timeSince', event: 'lastDose', minDays: 41 } };
    expect(dated(rule, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-17' });
    expect(dated(rule, p, '2025-06-17').outcome).toBe('UNKNOWN');
    expect(dated(rule, p, '2025-06-30').outcome).toBe('MET');
  });
});

describe('refractoriness of a re-challenged drug, and MRD sensitivity', () => {
  it('leaves refractoriness open while a restarted drug has not been assessed since its restart', () => {
    const p = profileOf(
      med('VRd', '2021-01-01', '2021-06-01'),
      response('2021-05-01', 'VGPR'),
      response('2022-06-01', 'PD'),
      med('DKd', '2022-07-01', '2024-01-01'),
      response('2023-12-20', 'PD'),
      med('Rd', '2024-02-01', null),
    );
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'classRefractory', class: 'IMID', scope: 'lastLine' }, p)).toBe('UNKNOWN');
    // Once the re-challenge is assessed, the answer is known.
    const assessed = profileOf(med('VRd', '2021-01-01', '2021-06-01'), response('2021-05-01', 'VGPR'), response('2022-06-01', 'PD'), med('Rd', '2022-07-01', null), response('2022-10-01', 'PR'));
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide' }, assessed)).toBe('NOT_MET');
  });

  it('asks for the IMWG sensitivity (1 in 10^5) when the rule names none, and an extramedullary type when the rule asks for one', () => {
    const at = (sensitivity?: number) => profileOf(event('mrd', '2025-05-01', { result: 'negative', method: 'NGS', ...(sensitivity ? { sensitivity } : {}) }), event('response-assessment', '2025-05-01', { category: 'CR' }));
    expect(outcome({ fact: 'mrd', result: 'negative' }, at(1e-5))).toBe('MET');
    expect(outcome({ fact: 'mrd', result: 'negative' }, at(1e-4))).toBe('UNKNOWN');
    expect(outcome({ fact: 'mrd', result: 'negative' }, at())).toBe('UNKNOWN');
    const untyped = profileOf(event('imaging', '2025-05-01', { modality: 'PET-CT', extramedullary: { present: true } }));
    expect(outcome({ fact: 'extramedullaryDisease', type: 'paraskeletal' }, untyped)).toBe('UNKNOWN');
    expect(outcome({ fact: 'extramedullaryDisease' }, untyped)).toBe('MET');
  });

  it('a negative too coarse for the rule settles neither "negative" nor "positive"; a positive is positive at any sensitivity', () => {
    const coarse = profileOf(event('mrd', '2025-05-01', { result: 'negative', method: 'NGS', sensitivity: 1e-4 }));
    expect(outcome({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-5 }, coarse)).toBe('UNKNOWN');
    expect(outcome({ fact: 'mrd', result: 'positive', maxSensitivity: 1e-5 }, coarse)).toBe('UNKNOWN');
    const positive = profileOf(event('mrd', '2025-05-01', { result: 'positive', method: 'NGS', sensitivity: 1e-4 }));
    expect(outcome({ fact: 'mrd', result: 'positive', maxSensitivity: 1e-5 }, positive)).toBe('MET');
    expect(outcome({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-5 }, positive)).toBe('NOT_MET');
  });
});

describe('measurable disease when some values are missing', () => {
  const serumOnly = profileOf(diagnosis('2020-01-01', 'IgG', 'kappa'), lab('2025-05-01', 'm-protein', 0.3, 'g/dL'));
  it('FLC-only measurability is unknown while the FLC has not been measured, and decided once it has', () => {
    expect(outcome({ fact: 'measurableByFlcOnly' }, serumOnly)).toBe('UNKNOWN');
    const withFlc = profileOf(diagnosis('2020-01-01', 'IgG', 'kappa'), lab('2025-05-01', 'm-protein', 0.3, 'g/dL'), lab('2025-05-01', 'urine m-protein', 0, 'mg/24h'), lab('2025-05-01', 'free kappa', 300, 'mg/L'), lab('2025-05-01', 'free lambda', 10, 'mg/L'));
    expect(outcome({ fact: 'measurableByFlcOnly' }, withFlc)).toBe('MET');
    // Serum-measurable disease is never FLC-only, whatever the FLC.
    expect(outcome({ fact: 'measurableByFlcOnly' }, profileOf(lab('2025-05-01', 'm-protein', 1.5, 'g/dL')))).toBe('NOT_MET');
  });

  it('is not met when no route can qualify, even with the κ/λ ratio missing', () => {
    const p = profileOf(diagnosis('2020-01-01', 'IgG', 'kappa'), lab('2025-05-01', 'm-protein', 0.3, 'g/dL'), lab('2025-05-01', 'urine m-protein', 0, 'mg/24h'), lab('2025-05-01', 'free kappa', 50, 'mg/L'));
    expect(outcome({ fact: 'measurableDisease' }, p)).toBe('NOT_MET');
    // An involved FLC high enough leaves it open until the ratio is known.
    const high = profileOf(diagnosis('2020-01-01', 'IgG', 'kappa'), lab('2025-05-01', 'm-protein', 0.3, 'g/dL'), lab('2025-05-01', 'urine m-protein', 0, 'mg/24h'), lab('2025-05-01', 'free kappa', 150, 'mg/L'));
    expect(outcome({ fact: 'measurableDisease' }, high)).toBe('UNKNOWN');
  });
});

describe('unknown results over time', () => {
  // 75 on 2025-07-01; last dose 2025-05-20, so 46 days since it on 2025-07-05.
  const p = profileOf(demographics('1950-07-01', 'male', 80), med('DPd', '2024-01-01', '2025-05-20'), response('2025-05-01', 'PD'));
  const washout46 = { fact: 'timeSince', event: 'lastDose', minDays: 46 };
  const doc = (first: unknown): TrialDocument =>
    ({ trialId: 'NCT00000002', version: 1, title: 't', status: 'RECRUITING', criteria: [{ id: 'inc-a', kind: 'inclusion', text: 'a', rule: first }, { id: 'inc-washout', kind: 'inclusion', text: '46 days since last dose', rule: washout46 }] });
  const verdicts = (first: unknown, asOf = AS_OF) => [evaluateTrial(compileTrial(doc(first)), p, asOf).verdict, screenTrial(compileTrial(doc(first)), p, asOf).verdict];

  it('an unknown criterion that turns failing for good before a washout ends closes the window, as the same rules written apart do', () => {
    const joint = { all: [{ fact: 'age', max: 74 }, { fact: 'ecog', max: 1 }] }; // ECOG never recorded
    expect(compileRule(joint)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-07-01', flipsTo: 'NOT_MET' });
    expect(verdicts(joint)).toEqual(['INELIGIBLE', 'INELIGIBLE']);
    expect(verdicts(joint, '2025-07-05')).toEqual(['INELIGIBLE', 'INELIGIBLE']);
  });

  it('a passing criterion that turns unknown (not failing) leaves the window open', () => {
    const either = { any: [{ fact: 'age', max: 74 }, { fact: 'unknownText', reason: 'fit per investigator' }] };
    expect(compileRule(either)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'MET', flipsOn: '2025-07-01', flipsTo: 'UNKNOWN' });
    expect(verdicts(either)).toEqual(['ELIGIBLE_FROM', 'ELIGIBLE_FROM']);
    expect(verdicts(either, '2025-07-05')).toEqual(['POTENTIALLY_ELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
});

describe('refractoriness by progression alone (progressionOnly)', () => {
  // Stable disease throughout a finished daratumumab course: IMWG nonresponsive (refractory), but no progression on it or within 60 days.
  const stable = profileOf(med('VRd', '2022-01-01', '2022-06-01'), response('2022-05-01', 'VGPR'), response('2023-01-01', 'PD'), med('DPd', '2023-02-01', '2024-02-01', { reasonStopped: 'other' }), response('2023-06-01', 'SD'), response('2023-12-01', 'SD'));
  const progressed = profileOf(med('VRd', '2022-01-01', '2022-06-01'), response('2022-05-01', 'VGPR'), response('2023-01-01', 'PD'), med('DPd', '2023-02-01', '2024-02-01'), response('2023-06-01', 'PR'), response('2024-03-15', 'PD'));

  it('does not count nonresponse without progression, where the IMWG reading does', () => {
    expect(outcome({ fact: 'drugRefractory', drug: 'daratumumab' }, stable)).toBe('MET');
    expect(outcome({ fact: 'drugRefractory', drug: 'daratumumab', progressionOnly: true }, stable)).toBe('NOT_MET');
    expect(outcome({ fact: 'classRefractory', class: 'ANTI_CD38', progressionOnly: true }, stable)).toBe('NOT_MET');
  });

  it('counts progression within 60 days of the last dose, in any line or the last', () => {
    expect(outcome({ fact: 'drugRefractory', drug: 'daratumumab', progressionOnly: true }, progressed)).toBe('MET');
    expect(outcome({ fact: 'classRefractory', class: 'ANTI_CD38', scope: 'lastLine', progressionOnly: true }, progressed)).toBe('MET');
    expect(outcome({ fact: 'classRefractory', class: 'PI', scope: 'lastLine', progressionOnly: true }, progressed)).toBe('NOT_MET');
  });
});

describe('leaves that must not answer from part of the data', () => {
  it('does not take the progression that prompted the last line, on its first day, as progression on it', () => {
    const p = profileOf(med('VRd', '2023-01-01', '2024-12-31'), response('2023-06-01', 'VGPR'), response('2025-01-01', 'PD'), med('KPd', '2025-01-01', null));
    expect(outcome({ fact: 'progressionAfterLastLine' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'progressionAfterLastLine' }, profileOf(med('VRd', '2023-01-01', '2024-12-31'), response('2023-06-01', 'VGPR'), response('2025-01-01', 'PD'), med('KPd', '2025-01-01', null), response('2025-04-01', 'PD')))).toBe('MET');
  });

  it('leaves "any history of grade ≥ 3" open when a record says the condition is there without a grade', () => {
    const neuropathy = (date: string, status: string, grade?: number) => event('condition', date, { kind: 'peripheral-neuropathy', status, ...(grade !== undefined ? { grade } : {}) });
    const rule = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, includeHistory: true };
    expect(outcome(rule, profileOf(neuropathy('2024-05-01', 'active', 1), neuropathy('2025-05-01', 'active')))).toBe('UNKNOWN');
    expect(outcome(rule, profileOf(neuropathy('2024-05-01', 'active', 1), neuropathy('2025-05-01', 'active', 1)))).toBe('NOT_MET');
    expect(outcome(rule, profileOf(neuropathy('2024-05-01', 'active', 3), neuropathy('2025-05-01', 'active')))).toBe('MET');
  });

  it('knows high-risk cytogenetics are absent only when what decides them was tested; β2-microglobulin alone can make them present', () => {
    const fish = (abnormality: string, result = 'not-detected') => event('cytogenetics', '2025-01-10', { abnormality, result });
    const normalB2m = [lab('2025-05-01', 'beta-2 microglobulin', 2.0, 'mg/L'), lab('2025-05-01', 'creatinine', 0.9, 'mg/dL')];
    expect(outcome({ fact: 'highRiskCytogenetics', definition: 'riss' }, profileOf(fish('t(11;14)', 'detected')))).toBe('UNKNOWN');
    expect(outcome({ fact: 'highRiskCytogenetics', definition: 'riss' }, profileOf(fish('del(17p)'), fish('t(4;14)'), fish('t(14;16)')))).toBe('NOT_MET');
    expect(outcome({ fact: 'highRiskCytogenetics', definition: 'imwg2025' }, profileOf(fish('t(4;14)', 'detected'), ...normalB2m))).toBe('UNKNOWN');
    expect(outcome({ fact: 'highRiskCytogenetics', definition: 'imwg2025' }, profileOf(fish('t(4;14)', 'detected'), fish('del(17p)'), fish('gain(1q)'), fish('del(1p32)'), ...normalB2m))).toBe('NOT_MET');
    expect(outcome({ fact: 'highRiskCytogenetics', definition: 'imwg2025' }, profileOf(lab('2025-05-01', 'beta-2 microglobulin', 6.0, 'mg/L'), lab('2025-05-01', 'creatinine', 0.9, 'mg/dL')))).toBe('MET');
  });

  it('leaves CAR-T class exposure and washouts open after an infusion of a product the catalog does not know', () => {
    const p = profileOf(med('DPd', '2023-01-01', '2024-12-01'), response('2024-11-20', 'PD'), carT('2025-05-01', 'mystery-cel'));
    expect(outcome({ fact: 'classExposed', class: 'BCMA_CAR_T' }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_CAR_T', maxDays: 90 }, p)).toBe('UNKNOWN');
    expect(outcome({ fact: 'classExposed', class: 'ANTI_CD38' }, p)).toBe('MET');
  });
});

describe('review of the dated unknowns', () => {
  const p = profileOf(demographics('1950-07-01', 'male', 80), med('DPd', '2024-01-01', '2025-05-20'), response('2025-05-01', 'PD'));
  const doc = (criteria: Array<{ id: string; kind: 'inclusion' | 'exclusion'; rule: unknown }>): TrialDocument => ({ trialId: 'NCT00000003', version: 1, title: 't', status: 'RECRUITING', criteria: criteria.map((c) => ({ ...c, text: c.id })) });
  const verdicts = (d: TrialDocument, asOf = AS_OF) => [evaluateTrial(compileTrial(d), p, asOf).verdict, screenTrial(compileTrial(d), p, asOf).verdict];

  it('carries an unknown child that turns failing through an enclosing combination', () => {
    const nested = { any: [{ all: [{ fact: 'age', max: 74 }, { fact: 'ecog', max: 1 }] }, { fact: 'priorTransplant', kind: 'allogeneic' }] };
    expect(compileRule(nested)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-07-01', flipsTo: 'NOT_MET' });
    const d = doc([{ id: 'inc-a', kind: 'inclusion', rule: nested }, { id: 'inc-w', kind: 'inclusion', rule: { fact: 'timeSince', event: 'lastDose', minDays: 46 } }]);
    expect(verdicts(d)).toEqual(['INELIGIBLE', 'INELIGIBLE']);
  });

  it('dates an unknown if/then/else from the day its disagreeing branches come to agree', () => {
    const rule = { if: { fact: 'unknownText', reason: 'x' }, then: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 20 } };
    expect(compileRule(rule)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-06-09', flipsTo: 'MET' });
    const d = doc([{ id: 'exc-if', kind: 'exclusion', rule }, { id: 'exc-age', kind: 'exclusion', rule: { fact: 'age', max: 74 } }]);
    expect(verdicts(d)).toEqual(['INELIGIBLE', 'INELIGIBLE']);
  });

  it('answers a CAR-T class washout when an unrecognised product would not change it', () => {
    const old = profileOf(med('DPd', '2021-01-01', '2022-12-01'), response('2022-11-20', 'PD'), carT('2023-01-01', 'mystery-cel'));
    expect(outcome({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_CAR_T', maxDays: 90 }, old)).toBe('NOT_MET');
    expect(outcome({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_CAR_T', minDays: 90 }, old)).toBe('MET');
  });
});

describe('a criterion that stops blocking and later blocks again (a window that closes)', () => {
  const agree = (doc: TrialDocument, p: PatientProfile) => {
    const t = compileTrial(doc);
    const full = evaluateTrial(t, p, AS_OF);
    const fast = screenTrial(t, p, AS_OF);
    expect({ verdict: fast.verdict, eligibleFrom: fast.eligibleFrom }).toEqual({ verdict: full.verdict, eligibleFrom: full.eligibleFrom });
    return full;
  };
  const trialOf = (...criteria: TrialDocument['criteria']): TrialDocument => ({ trialId: 'NCT00000003', version: 1, title: 'windows', status: 'RECRUITING', criteria });
  const sctWindow = { fact: 'timeSince', event: 'transplant', kind: 'autologous', minDays: 90, maxDays: 180 };
  const adult = demographics('1960-01-01', 'male', 80);

  it('"90 to 180 days since the ASCT" before day 90 opens on day 90 and closes after day 180', () => {
    const p = profileOf(adult, med('VRd', '2024-10-01', '2025-02-01'), event('procedure', '2025-04-02', { kind: 'autologous-sct' }));
    expect(compileRule(sctWindow)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-07-01', flipsTo: 'MET' });
    // A washout ending 2025-10-30, after the window closed (2025-09-30): the window never opens.
    const late = profileOf(adult, med('VRd', '2024-10-01', '2025-02-01'), event('procedure', '2025-04-02', { kind: 'autologous-sct' }), med('daratumumab', '2024-10-01', '2025-06-01'));
    const washout = { id: 'wash', kind: 'exclusion' as const, text: 'anti-CD38 within 150 days', rule: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 150 } };
    const sct = { id: 'sct', kind: 'inclusion' as const, text: '90 to 180 days after ASCT', rule: sctWindow };
    expect(agree(trialOf(sct, washout), late)).toMatchObject({ verdict: 'INELIGIBLE', eligibleFrom: undefined });
    // Ending 2025-08-30 (free from 08-31), inside the window: eligible from then.
    expect(agree(trialOf(sct, { ...washout, rule: { ...washout.rule, maxDays: 90 } }), late)).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-08-31' });
  });

  it('an age range not yet reached closes at its upper bound', () => {
    const p = profileOf(demographics('2007-08-01', 'female', 60));
    expect(compileRule({ fact: 'age', min: 18, max: 18 })({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-08-01', flipsTo: 'MET' });
    const doc = trialOf({ id: 'age', kind: 'inclusion', text: 'aged 18', rule: { fact: 'age', min: 18, max: 18 } }, { id: 'wash', kind: 'exclusion', text: 'any therapy within 500 days', rule: { fact: 'timeSince', event: 'lastDose', maxDays: 500 } });
    expect(agree(doc, profileOf(demographics('2007-08-01', 'female', 60), med('Rd', '2024-01-01', '2025-05-01')))).toMatchObject({ verdict: 'INELIGIBLE' });
  });

  // Born 1950-08-01 (75 on 2025-08-01); anti-CD38 last dose 2025-05-22; an ASCT on 2025-05-25 excludes until 2025-08-18.
  const old = demographics('1950-08-01', 'male', 70);
  const dara = med('daratumumab', '2025-01-01', '2025-05-22');
  const sctExcl = { id: 'sct', kind: 'exclusion' as const, text: 'ASCT within 12 weeks', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 } };
  const base = () => profileOf(old, dara, event('procedure', '2025-05-25', { kind: 'autologous-sct' }), event('performance-status', '2025-05-30', { ecog: 2 }));

  it('all[≥ 30 days since anti-CD38, age ≤ 74] passes from 06-21 and blocks again from 08-01: with the ASCT exclusion, never eligible (as when written apart)', () => {
    const together = { id: 'c', kind: 'inclusion' as const, text: 'washout and age', rule: { all: [{ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 30 }, { fact: 'age', max: 74 }] } };
    expect(agree(trialOf(together), base())).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-21' });
    expect(agree(trialOf(together, sctExcl), base())).toMatchObject({ verdict: 'INELIGIBLE', eligibleFrom: undefined });
  });

  it('if age ≤ 74 then ≥ 30 days since anti-CD38 else ECOG ≤ 1: the taken branch passes from 06-21, the other (failing) takes over on 08-01', () => {
    const rule = { if: { fact: 'age', max: 74 }, then: { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 30 }, else: { fact: 'ecog', max: 1 } };
    expect(agree(trialOf({ id: 'c', kind: 'inclusion', text: 'if', rule }, sctExcl), base())).toMatchObject({ verdict: 'INELIGIBLE', eligibleFrom: undefined });
  });

  it('an if whose unknown condition becomes known on a date turns into the branch it then selects', () => {
    const rule = { if: { any: [{ fact: 'age', min: 75 }, { fact: 'unknownText', reason: 'frail' }] }, then: { fact: 'ecog', max: 1 } };
    expect(compileRule(rule)({ profile: base(), asOf: AS_OF, trace: null })).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-08-01', flipsTo: 'NOT_MET' });
    // Unknown today and blocking from 08-01, before the ASCT exclusion ends (08-18): never eligible.
    expect(agree(trialOf({ id: 'c', kind: 'inclusion', text: 'if frail', rule }, sctExcl), base())).toMatchObject({ verdict: 'INELIGIBLE', eligibleFrom: undefined });
  });

  it('a combination that stops deciding after its unknown part has settled turns into the known outcome, not unknown', () => {
    const p = profileOf(demographics('1950-06-15', 'male', 70), dara);
    const rule = { all: [{ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 60 }, { any: [{ fact: 'age', min: 75 }, { fact: 'unknownText', reason: 'frail' }] }] };
    expect(compileRule(rule)({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-07-21', flipsTo: 'MET' });
  });
});

describe('windows that close, combined: a date is claimed for good only when nothing changes it again', () => {
  const check = (doc: TrialDocument, p: PatientProfile, expected: string | null) => {
    const v = evaluateTrial(compileTrial(doc), p, AS_OF);
    expect(firstOpen(doc, p)).toBe(expected);
    expect(expected === null ? { verdict: v.verdict } : { verdict: v.verdict, eligibleFrom: v.eligibleFrom }).toEqual(expected === null ? { verdict: 'INELIGIBLE' } : { verdict: 'ELIGIBLE_FROM', eligibleFrom: expected });
  };
  const window = { fact: 'timeSince', event: 'transplant', minDays: 90, maxDays: 180 };
  const patient = (birth: string, lastDara: string, asct: string, ecog?: number) =>
    profileOf(demographics(birth, 'male', 80), med('daratumumab', '2024-11-01', lastDara), event('procedure', asct, { kind: 'autologous-sct' }), response('2025-05-25', 'PR'), ...(ecog === undefined ? [] : [event('performance-status', '2025-05-30', { ecog })]));

  it('if: the other branch taking over on the condition day may itself change later', () => {
    const washoutByAge = { if: { fact: 'age', max: 74 }, then: antiCd38({ minDays: 30 }), else: antiCd38({ minDays: 90 }) };
    check(windowTrial(['washout', 'inclusion', washoutByAge], ['sct', 'exclusion', { fact: 'timeSince', event: 'transplant', maxDays: 180 }]), patient('1950-07-11', '2025-05-22', '2025-03-13'), '2025-09-10');
    const sctByAge = { if: { fact: 'age', max: 74 }, then: window, else: { fact: 'timeSince', event: 'transplant', minDays: 90 } };
    check(windowTrial(['sct', 'inclusion', sctByAge], ['washout', 'inclusion', antiCd38({ minDays: 180 })]), patient('1950-09-29', '2025-05-12', '2025-05-02'), '2025-11-08');
  });

  it('any/all: a sibling that turns decisive only for a while does not close the window for good', () => {
    const recent = { any: [antiCd38({ maxDays: 30 }), window] };
    check(windowTrial(['recent', 'exclusion', recent], ['age', 'inclusion', { fact: 'age', min: 75 }]), patient('1950-10-29', '2025-05-22', '2025-04-02'), '2025-10-29');
    const c = { all: [antiCd38({ minDays: 30 }), { any: [{ fact: 'age', max: 74 }, { fact: 'timeSince', event: 'transplant', minDays: 180 }] }] };
    check(windowTrial(['c', 'inclusion', c], ['recent', 'exclusion', { fact: 'timeSince', event: 'lastDose', maxDays: 130 }]), patient('1950-07-11', '2025-05-22', '2025-03-13'), '2025-09-30');
  });

  it('if: a branch that passes only for a while is not taken as passing for good', () => {
    const rule = { if: { fact: 'age', min: 75 }, then: { any: [antiCd38({ maxDays: 30 }), window] }, else: { fact: 'ecog', max: 1, maxAgeDays: 100000 } };
    check(windowTrial(['c', 'inclusion', rule]), patient('1950-10-29', '2025-05-22', '2025-04-02', 2), null);
  });

  it('an unknown condition known only while its window is open hands over nothing', () => {
    const rule = { if: { any: [{ fact: 'unknownText', reason: 'frail' }, window] }, then: { fact: 'ecog', max: 1, maxAgeDays: 100000 }, else: { fact: 'sex', in: ['male'] } };
    check(windowTrial(['c', 'inclusion', rule], ['washout', 'inclusion', antiCd38({ minDays: 200 })]), patient('1950-01-01', '2025-05-22', '2025-05-02', 2), '2025-12-08');
  });

  it('an unknown part settled only for a while still leaves the combination unknown after it', () => {
    const rule = { any: [{ fact: 'age', max: 74 }, { all: [{ fact: 'unknownText', reason: 'fit' }, { not: window }] }] };
    check(windowTrial(['c', 'inclusion', rule], ['washout', 'inclusion', antiCd38({ minDays: 250 })]), patient('1950-12-18', '2025-05-22', '2025-05-02'), '2026-01-27');
  });
});

describe('blocks that end, and children that turn back for a while (second review)', () => {

  it('a criterion that passes now and blocks only for a while does not close the window', () => {
    // Exclusion "60 to 120 days since anti-CD38" blocks 2025-06-09 .. 2025-08-08; age ≥ 75 from 2026-02-04.
    const p = profileOf(demographics('1951-02-04', 'male', 80), med('daratumumab', '2024-11-01', '2025-04-10'), response('2025-05-01', 'PR'));
    const doc = windowTrial(['window', 'exclusion', antiCd38({ minDays: 60, maxDays: 120 })], ['age', 'inclusion', { fact: 'age', min: 75 }]);
    expect(firstOpen(doc, p)).toBe('2026-02-04');
    expect(evaluateTrial(compileTrial(doc), p, AS_OF)).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2026-02-04' });
    // The same block under way when the last block ends puts the date off to its end.
    const q = profileOf(demographics('1950-07-01', 'male', 80), med('daratumumab', '2024-11-01', '2025-04-10'), response('2025-05-01', 'PR'));
    expect(firstOpen(doc, q)).toBe('2025-08-09');
    expect(screenTrial(compileTrial(doc), q, AS_OF)).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-08-09' });
  });

  it('a child that stops deciding and decides again keeps its parent decided', () => {
    // any[age ≤ 74, any[anti-CD38 within 40 days, aged 75 to 76]] stays met on the 75th birthday (2026-08-21).
    const p = profileOf(demographics('1951-08-21', 'male', 80), med('daratumumab', '2024-11-01', '2025-05-14'), response('2025-05-20', 'PR'));
    const doc = windowTrial(['c', 'inclusion', { any: [{ fact: 'age', max: 74 }, { any: [antiCd38({ maxDays: 40 }), { fact: 'age', min: 75, max: 76 }] }] }], ['age', 'inclusion', { fact: 'age', min: 75 }]);
    expect(firstOpen(doc, p)).toBe('2026-08-21');
    expect(evaluateTrial(compileTrial(doc), p, AS_OF)).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2026-08-21' });
  });

  it('minimum cycles: fewer recorded than asked is open while the course goes on or some course gave none', () => {
    const rule = { fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2 };
    expect(outcome(rule, profileOf(med('Rd', '2025-03-01', null, { cycles: 1 })))).toBe('UNKNOWN');
    expect(outcome(rule, profileOf(med('Rd', '2024-01-01', '2024-01-28', { cycles: 1 }), med('Rd', '2024-01-29', '2024-02-25')))).toBe('UNKNOWN');
    expect(outcome(rule, profileOf(med('Rd', '2024-01-01', '2024-01-28', { cycles: 1 })))).toBe('NOT_MET');
  });
});

describe('a block for a while inside any, all or if is not a block for good (third review)', () => {
  // Daratumumab last given 2025-05-01: "received 60 to 120 days ago" holds 06-30..08-29. Pomalidomide last given
  // 05-31: a 31-day washout ends 07-01. Born 1950-07-15: 75 on 07-15.
  const dara = med('daratumumab', '2025-03-01', '2025-05-01');
  const recent = { fact: 'timeSince', event: 'lastDose', drug: 'daratumumab', minDays: 60, maxDays: 120 };
  const pom = med('pomalidomide', '2025-03-01', '2025-05-31');
  const washout = (minDays: number) => ({ fact: 'timeSince', event: 'lastDose', drug: 'pomalidomide', minDays });
  const trial = (...criteria: TrialDocument['criteria']): TrialDocument => ({ trialId: 'NCT00000004', version: 1, title: 'windows in combinations', status: 'RECRUITING', criteria });
  const both = (d: TrialDocument, p: PatientProfile, asOf = AS_OF) => {
    const full = evaluateTrial(compileTrial(d), p, asOf);
    const fast = screenTrial(compileTrial(d), p, asOf);
    expect({ verdict: fast.verdict, eligibleFrom: fast.eligibleFrom }).toEqual({ verdict: full.verdict, eligibleFrom: full.eligibleFrom });
    return { verdict: full.verdict, eligibleFrom: full.eligibleFrom };
  };
  const p = profileOf(demographics('1950-07-15', 'male', 70), dara, pom, event('performance-status', '2025-05-30', { ecog: 1 }));

  it('an exclusion any[window, prior allo-SCT (none)] delays eligibility to the window\'s end, as the window alone does', () => {
    const alone = both(trial({ id: 'exc', kind: 'exclusion', text: 'w', rule: recent }, { id: 'inc', kind: 'inclusion', text: 'p', rule: washout(31) }), p);
    expect(alone).toEqual({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-08-30' });
    const inAny = { any: [recent, { fact: 'priorTransplant', kind: 'allogeneic' }] };
    expect(compileRule(inAny)({ profile: p, asOf: AS_OF, trace: null })).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-30', flipsTo: 'MET' });
    expect(both(trial({ id: 'exc', kind: 'exclusion', text: 'w', rule: inAny }, { id: 'inc', kind: 'inclusion', text: 'p', rule: washout(31) }), p)).toEqual(alone);
    const notInAll = { all: [{ not: recent }, { fact: 'age', min: 18 }] };
    expect(both(trial({ id: 'inc-a', kind: 'inclusion', text: 'w', rule: notInAll }, { id: 'inc', kind: 'inclusion', text: 'p', rule: washout(31) }), p)).toEqual(alone);
  });

  it('if age ≥ 75 then a washout ending 07-20 else ECOG ≤ 2: blocks 07-15..07-19 only; with another washout to 07-16, eligible from 07-20', () => {
    const later = med('selinexor', '2025-03-01', '2025-05-31');
    const q = profileOf(demographics('1950-07-15', 'male', 70), pom, later, event('performance-status', '2025-05-30', { ecog: 1 }));
    const rule = { if: { fact: 'age', min: 75 }, then: washout(50), else: { fact: 'ecog', max: 2 } };
    expect(compileRule(rule)({ profile: q, asOf: AS_OF, trace: null })).toMatchObject({ outcome: 'MET', flipsOn: '2025-07-15', flipsTo: 'NOT_MET' });
    const d = trial({ id: 'inc-if', kind: 'inclusion', text: 'if', rule }, { id: 'inc-s', kind: 'inclusion', text: 's', rule: { fact: 'timeSince', event: 'lastDose', drug: 'selinexor', minDays: 46 } });
    expect(both(d, q)).toEqual({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-07-20' });
    expect(both(d, q, '2025-07-15')).toEqual({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-07-20' });
  });
});

describe('a transfusion of a product not recorded, a CAR-T product not recognised: dated like any washout (third review)', () => {
  const transfusion = (date: string, product?: string) => event('procedure', date, { kind: 'transfusion', ...(product ? { product } : {}) });
  const at = (rule: unknown, p: PatientProfile) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null });
  const redCells = (extra: Record<string, unknown>) => ({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', ...extra });

  it('"7 days since red cells" with a transfusion of unrecorded product on 05-28: unknown until 06-04, then met', () => {
    expect(at(redCells({ minDays: 7 }), profileOf(transfusion('2025-05-28')))).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-06-04', flipsTo: 'MET' });
    expect(at(redCells({ minDays: 7 }), profileOf(transfusion('2025-05-20', 'red blood cells'), transfusion('2025-05-28')))).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-06-04', flipsTo: 'MET' });
  });

  it('"red cells within 7 days" with a known one on 05-28 and an unrecorded one on 05-31: met, unknown from 06-05 (not unmet)', () => {
    expect(at(redCells({ maxDays: 7 }), profileOf(transfusion('2025-05-28', 'red blood cells'), transfusion('2025-05-31')))).toEqual({ outcome: 'MET', flipsOn: '2025-06-05', flipsTo: 'UNKNOWN' });
  });

  it('"90 days since a BCMA CAR-T" with an unrecognised product infused after a known one: unknown until 90 days after it', () => {
    const p = profileOf(carT('2024-01-01', 'ciltacabtagene autoleucel'), carT('2025-03-15', 'investigational CAR-T XYZ'));
    expect(at({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_CAR_T', minDays: 90 }, p)).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-06-13', flipsTo: 'MET' });
  });
});
