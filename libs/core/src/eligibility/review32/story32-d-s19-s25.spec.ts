/** story32 patients S19–S25. */
import { P, S, U, K, BM, sIFE, uIFE, ser, resps, med, sct, diagnosis, demographics, buildProfile, rule, trialVerdict, starts, progDates, resp, refr, ecog, pet, mrd, lab, event, response } from './story32-helpers';

// S19 — D-VRd → ASCT → D-VRd consolidation → DR maintenance; CR with MRD negativity sustained over a year.
describe('S19 CR, sustained MRD negativity', () => {
  const asOf = '2022-01-01';
  const crDay = (d: string) => [S(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
  const p: P = buildProfile([
    diagnosis('2018-06-01', 'IgG', 'kappa'), S('2018-06-01', 2.2), ...K('2018-06-01', 150, 10),
    med('D-VRd', '2018-06-10', '2018-11-30', { intent: 'induction' }),
    med('melphalan', '2019-01-13', '2019-01-13', { intent: 'conditioning' }), sct('2019-01-15'),
    med('D-VRd', '2019-03-01', '2019-05-01', { intent: 'consolidation' }),
    med('daratumumab', '2019-06-01', null, { intent: 'maintenance' }), med('lenalidomide', '2019-06-01', null, { intent: 'maintenance' }),
    ...ser([['2018-07-10', 1.0], ['2018-08-10', 0.4], ['2018-09-10', 0.2], ['2018-10-10', 0.1]]), S('2018-11-20', 0), sIFE('2018-11-20', 'positive'),
    ...crDay('2019-03-01'), ...crDay('2019-05-01'), BM('2019-05-01', 2), mrd('2019-05-01', 'negative', 'NGS', 1e-5), pet('2019-05-01', 'negative'),
    ...crDay('2020-05-15'), mrd('2020-05-15', 'negative', 'NGS', 1e-6), pet('2020-05-15', 'negative'),
    ...crDay('2021-05-20'), mrd('2021-05-20', 'negative', 'NGS', 1e-5), ...K('2021-05-20', 12, 10),
    ...crDay('2021-11-01'), ...K('2021-11-01', 12, 10),
  ], asOf);
  it('S19.lines: 1 (induction, ASCT, consolidation, maintenance; §3)', () => expect(p.linesOfTherapy.count).toBe(1));
  it('S19.TCE after one line (dara, bortezomib, len; §2)', () => expect([p.flags.tripleClassExposed, p.flags.tripleClassRefractory]).toEqual([true, false]));
  it('S19.response CR confirmed (IFE neg ×2, marrow 2%; §4 CR)', () => expect(resp(p)).toBe('CR'));
  it('S19.sustained MRD negative (marrow + PET ≥1 year; §4 MRD)', () => expect(p.disease.mrd.sustainedNegative).toBe(true));
  it('S19.mrd negative rule MET', () => expect(rule({ fact: 'mrd', result: 'negative' }, p, asOf)).toBe('MET'));
  it('S19.mrd negative at 10^-6: MET (the 2020 10^-6 negative; later coarser one passed over)', () => expect(rule({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-6 }, p, asOf)).toBe('MET'));
  it('S19.no relapse from CR, no progression', () => expect([p.disease.relapseFromCr ?? null, progDates(p).length]).toEqual([null, 0]));
});

// S20 — IgA λ, KRd-ASCT-KRd-R, CR with MRD negative, then serum IFE back (relapse from CR), then PD, DPd MR.
describe('S20 relapse from CR', () => {
  const asOf = '2020-06-01';
  const crDay = (d: string) => [S(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
  const p: P = buildProfile([
    diagnosis('2017-03-01', 'IgA', 'lambda'), S('2017-03-01', 1.6),
    med('KRd', '2017-03-10', '2017-08-31', { intent: 'induction' }),
    med('melphalan', '2017-10-18', '2017-10-18', { intent: 'conditioning' }), sct('2017-10-20'),
    med('KRd', '2017-12-15', '2018-04-15', { intent: 'consolidation' }),
    med('lenalidomide', '2018-05-01', '2020-03-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2017-04-10', 0.8], ['2017-05-10', 0.3], ['2017-06-10', 0.1]]), S('2017-07-10', 0), sIFE('2017-07-10', 'positive'),
    ...crDay('2017-12-01'), ...crDay('2018-02-01'), BM('2018-02-01', 1), mrd('2018-02-01', 'negative', 'NGF', 1e-5),
    ...crDay('2018-08-01'), ...crDay('2019-02-01'),
    S('2019-08-01', 0), sIFE('2019-08-01', 'positive'), uIFE('2019-08-01', 'negative'),
    ...ser([['2019-11-01', 0.2], ['2020-02-01', 0.5], ['2020-03-01', 0.7]]),
    med('DPd', '2020-03-15', null),
    ...ser([['2020-04-15', 0.5], ['2020-05-15', 0.4]]),
  ], asOf);
  it('S20.relapse from CR dated 2019-08-01 (IFE positive again; §4 relapse from CR)', () => expect(p.disease.relapseFromCr?.date).toBe('2019-08-01'));
  it('S20.MRD negativity lost 2019-08-01 (§4 relapse from MRD-negative)', () => expect(p.disease.mrd.negativityLost?.date).toBe('2019-08-01'));
  it('S20.progression serum 2020-02-01 (nadir 0 → 0.5, confirmed)', () => expect(progDates(p, true)).toEqual(['2020-02-01']));
  it('S20.len refractory (maintenance), carfilzomib not', () => expect([refr(p, 'lenalidomide'), refr(p, 'carfilzomib')]).toEqual([true, false]));
  it('S20.lines 2', () => expect(starts(p)).toEqual(['2017-03-10', '2020-03-15']));
  // CASE WRONG (fixed): the DPd baseline 0.7 g/dL is below IMWG measurable disease (§5: ≥1 g/dL), urine and FLC not
  // measured, so no IMWG response category can be computed for the line (response categories presuppose measurable disease).
  it('S20.response: none computed (line baseline 0.7 g/dL not measurable; §5)', () => expect(resp(p)).toBe('none'));
  it('S20.mrd negative rule NOT_MET (negativity lost, response below CR)', () => expect(rule({ fact: 'mrd', result: 'negative' }, p, asOf)).toBe('NOT_MET'));
});

// S21 — VRd with bortezomib dropped after 6 months, Rd continued to PD: APOLLO-type candidate; labs at thresholds.
describe('S21 one line, len-refractory, labs', () => {
  const asOf = '2020-06-01';
  const evs = [
    demographics('1950-06-01', 'male', 70),
    diagnosis('2019-01-15', 'IgG', 'kappa'), S('2019-01-15', 3.0),
    med('bortezomib', '2019-01-20', '2019-07-20'), med('lenalidomide', '2019-01-20', '2020-05-25', { reasonStopped: 'progression' }), med('dexamethasone', '2019-01-20', '2020-05-25'),
    ...ser([['2019-02-20', 2.0], ['2019-03-20', 1.4], ['2019-04-20', 1.2], ['2019-06-20', 1.2], ['2019-09-20', 1.2], ['2020-01-20', 1.3], ['2020-03-20', 1.6], ['2020-04-20', 1.8], ['2020-05-20', 2.0]]),
    U('2020-05-20', 100), lab('2020-05-20', 'creatinine', 1.5, 'mg/dL'), lab('2020-05-20', 'hemoglobin', 8.0, 'g/dL'), ecog('2020-05-20', 1),
  ];
  const p: P = buildProfile(evs, asOf);
  const transfused: P = buildProfile([...evs, event('procedure', '2020-05-17', { kind: 'transfusion', product: 'red cells' })], asOf);
  it('S21.lines: 1 (dropping bortezomib opens no line; §3 rule 1)', () => expect(starts(p)).toEqual(['2019-01-20']));
  it('S21.progression 2020-04-20 (confirmed nadir 1.2 → 1.8 ≥1.7; 1.6 is +0.4)', () => expect(progDates(p, true)).toEqual(['2020-04-20']));
  it('S21.len refractory; bortezomib not (last dose 9 months before PD)', () => expect([refr(p, 'lenalidomide'), refr(p, 'bortezomib')]).toEqual([true, false]));
  it('S21.best response PR (3.0 → 1.2)', () => expect(p.disease.bestResponse).toBe('PR'));
  it('S21.CrCl (CG: 71×70/(72×1.5)=46.0) ≥45 MET, ≥47 NOT_MET (§7)', () => expect([rule({ fact: 'creatinineClearance', op: '>=', value: 45 }, p, asOf), rule({ fact: 'creatinineClearance', op: '>=', value: 47 }, p, asOf)]).toEqual(['MET', 'NOT_MET']));
  it('S21.Hb ≥8 exactly: MET', () => expect(rule({ fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' }, p, asOf)).toBe('MET'));
  it('S21.Hb ≥8 with a red-cell transfusion 3 days before: UNKNOWN (§7 transfusion ≥7 days)', () => expect(rule({ fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', minDaysAfterSupport: 7 }, transfused, asOf)).toBe('UNKNOWN'));
  it('S21.APOLLO verdict ELIGIBLE (1 line incl. len and PI, len-refractory, PR ever, measurable, ECOG 1)', () => expect(trialVerdict('NCT03180736', p, asOf)).toBe('ELIGIBLE'));
});

// S22 — VCd-ASCT, relapse after 3.5 years, salvage VRd then a second (non-tandem) ASCT, R maintenance, PD, Kd.
describe('S22 salvage second ASCT', () => {
  const asOf = '2019-12-01';
  const p: P = buildProfile([
    diagnosis('2012-05-01', 'IgG', 'kappa'),
    med('VCd', '2012-05-10', '2012-09-30', { intent: 'induction' }),
    med('melphalan', '2012-11-13', '2012-11-13', { intent: 'conditioning' }), sct('2012-11-15'),
    ...resps([['2012-08-01', 'PR'], ['2013-02-01', 'VGPR'], ['2013-05-01', 'VGPR'], ['2016-04-01', 'PD']]),
    med('VRd', '2016-04-20', '2016-09-30', { intent: 'salvage' }),
    ...resps([['2016-07-01', 'PR'], ['2016-10-15', 'VGPR']]),
    med('melphalan', '2016-11-18', '2016-11-18', { intent: 'conditioning' }), sct('2016-11-20'),
    med('lenalidomide', '2017-01-15', '2019-06-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2017-03-01', 'VGPR'], ['2018-03-01', 'VGPR'], ['2019-06-01', 'PD']]),
    med('Kd', '2019-06-15', null),
    ...resps([['2019-09-15', 'PR'], ['2019-11-15', 'PR']]),
  ], asOf);
  it('S22.lines: 4 — each SCT beyond the first is a new line unless a planned tandem (§3 rule 3)', () => expect(starts(p)).toEqual(['2012-05-10', '2016-04-20', '2016-11-20', '2019-06-15']));
  it('S22.transplants 2', () => expect(p.transplants.length).toBe(2));
  it('S22.len refractory; status relapsed-and-refractory', () => expect([refr(p, 'lenalidomide'), p.flags.relapsedAndRefractory]).toEqual([true, true]));
  it('S22.cyclophosphamide exposed, not refractory', () => expect([!!p.drugs.cyclophosphamide?.exposed, refr(p, 'cyclophosphamide')]).toEqual([true, false]));
});

// S23 — DRd with a fluctuating M-protein: a single low value (entered twice the same day) must not lower the nadir.
describe('S23 nadir needs two assessments', () => {
  const base = [
    diagnosis('2020-02-01', 'IgG', 'kappa'), S('2020-02-01', 2.4),
    med('DRd', '2020-02-10', null),
    ...ser([['2020-03-10', 1.4], ['2020-04-10', 1.0], ['2020-05-10', 0.9], ['2020-06-10', 0.9], ['2020-07-10', 0.4]]), S('2020-07-10T15:00:00Z', 0.4),
    ...ser([['2020-08-10', 0.9], ['2020-09-10', 1.0], ['2020-10-10', 1.3], ['2020-11-10', 1.45]]),
  ];
  const p: P = buildProfile(base, '2020-11-20');
  const later: P = buildProfile([...base, S('2020-12-10', 1.6)], '2020-12-20');
  it('S23.no progression yet (confirmed nadir 0.9; 1.45 ≥1.4 unconfirmed; §4 lowest confirmed value)', () => expect(progDates(p)).toEqual([]));
  it('S23.response MR confirmed now (1.3 and 1.45 vs 2.4)', () => expect(resp(p)).toBe('MR'));
  it('S23.best response PR', () => expect(p.disease.bestResponse).toBe('PR'));
  it('S23.dara not refractory yet', () => expect(refr(p, 'daratumumab')).toBe(false));
  it('S23.later: PD 2020-11-10 confirmed by 1.6', () => expect(progDates(later, true)).toEqual(['2020-11-10']));
  it('S23.later: dara and len refractory, refractory to last line, R&R', () => expect([refr(later, 'daratumumab'), refr(later, 'lenalidomide'), later.flags.refractoryToLastLine, later.flags.relapsedAndRefractory]).toEqual([true, true, true, true]));
});

// S24 — R maintenance stopped (patient choice), rise 70 days later confirmed only after Kd began; clinician's PD reported.
describe('S24 confirmation after new therapy', () => {
  const asOf = '2020-09-01';
  const p: P = buildProfile([
    diagnosis('2016-02-01', 'IgG', 'kappa'), S('2016-02-01', 2.8),
    med('VRd', '2016-02-10', '2016-06-30', { intent: 'induction' }),
    med('melphalan', '2016-08-08', '2016-08-08', { intent: 'conditioning' }), sct('2016-08-10'),
    med('lenalidomide', '2016-10-01', '2020-03-01', { intent: 'maintenance', reasonStopped: 'patient-choice' }),
    ...ser([['2016-03-10', 1.5], ['2016-04-10', 0.8], ['2016-05-10', 0.5], ['2016-06-10', 0.4], ['2016-10-10', 0.3], ['2017-06-10', 0.3], ['2018-06-10', 0.3], ['2019-06-10', 0.3],
      ['2020-02-10', 0.3], ['2020-05-10', 1.0]]),
    response('2020-05-12', 'PD'),
    med('Kd', '2020-05-15', null),
    ...ser([['2020-05-20', 1.1], ['2020-06-20', 0.7], ['2020-07-20', 0.5], ['2020-08-20', 0.5]]),
  ], asOf);
  it('S24.no biochemical PD: the rise of 2020-05-10 was not confirmed before Kd began (§4 two assessments before new therapy)', () => expect(progDates(p, true)).toEqual([]));
  it('S24.progression: reported 2020-05-12', () => expect(p.disease.progressionDate).toBe('2020-05-12'));
  it('S24.len not refractory (PD 72 days after last dose)', () => expect(refr(p, 'lenalidomide')).toBe(false));
  it('S24.status relapsed', () => expect([p.flags.relapsed, p.flags.relapsedAndRefractory]).toEqual([true, false]));
  it('S24.lines 2; line1 reasonForChange progression', () => expect([starts(p), p.linesOfTherapy.lines[0]?.reasonForChange]).toEqual([['2016-02-10', '2020-05-15'], 'progression']));
  it('S24.response Kd PR (1.0 → 0.5; baseline 2020-05-10)', () => expect(resp(p)).toBe('PR'));
});

// S25 — short Kd (8 days, stopped for toxicity) replaced within the window by DPd; dara stopped after 1 cycle (reaction).
describe('S25 under-one-cycle regimen, one dara cycle', () => {
  const asOf = '2021-03-01';
  const p: P = buildProfile([
    diagnosis('2017-05-01', 'IgG', 'lambda'), S('2017-05-01', 2.0),
    med('VRd', '2017-05-10', '2017-10-10', { intent: 'induction' }),
    med('lenalidomide', '2017-11-01', '2019-12-15', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2017-06-10', 1.0], ['2017-07-10', 0.5], ['2017-09-10', 0.4], ['2018-01-10', 0.4], ['2018-09-10', 0.4], ['2019-10-10', 0.9], ['2019-11-10', 1.2]]),
    med('Kd', '2020-01-01', '2020-01-08', { reasonStopped: 'toxicity' }),
    med('daratumumab', '2020-01-20', '2020-02-17', { cycles: 1, reasonStopped: 'toxicity' }), med('Pd', '2020-01-20', null),
    ...ser([['2020-02-20', 0.8], ['2020-03-20', 0.6], ['2020-05-20', 0.5], ['2020-09-20', 0.5], ['2021-01-20', 0.5]]),
  ], asOf);
  it('S25.lines: 2 (Kd under one cycle joins the next regimen; minLineDays 14)', () => expect(starts(p)).toEqual(['2017-05-10', '2020-01-01']));
  it('S25.carfilzomib exposed, not refractory', () => expect([!!p.drugs.carfilzomib?.exposed, refr(p, 'carfilzomib')]).toEqual([true, false]));
  it('S25.dara ≥2 consecutive cycles: NOT_MET (1 cycle; §2 MagnetisMM-32 variant)', () => expect(rule({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2, consecutive: true }, p, asOf)).toBe('NOT_MET'));
  it('S25.dara exposed (≥1 dose): MET', () => expect(rule({ fact: 'drugExposed', drug: 'daratumumab' }, p, asOf)).toBe('MET'));
  it('S25.progression 2019-10-10 on maintenance; len refractory', () => expect([progDates(p, true), refr(p, 'lenalidomide')]).toEqual([['2019-10-10'], true]));
  it('S25.response PR (1.2 → 0.5)', () => expect(resp(p)).toBe('PR'));
});
