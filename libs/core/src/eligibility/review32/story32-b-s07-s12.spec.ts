/** story32 patients S07–S12. */
import { P, S, U, K, ser, resps, med, sct, diagnosis, buildProfile, rule, trialVerdict, starts, progDates, resp, refr } from './story32-helpers';

// S07 — IgA κ, KRd with a 36-day hold, restarted, then lenalidomide maintenance with a dose reduction; PR (−88.9%).
describe('S07 KRd hold/restart, R maintenance, dose change', () => {
  const asOf = '2022-02-01';
  const p: P = buildProfile([
    diagnosis('2020-01-15', 'IgA', 'kappa'), S('2020-01-15', 1.8),
    med('KRd', '2020-02-01', '2020-05-15'),
    med('KRd', '2020-06-20', '2021-02-01', { reasonStopped: 'completed', cycles: 8 }),
    med('lenalidomide 10 mg', '2021-02-15', '2021-07-31', { intent: 'maintenance' }),
    med('lenalidomide 5 mg', '2021-08-01', null, { intent: 'maintenance' }),
    ...ser([['2020-03-01', 0.9], ['2020-04-01', 0.5], ['2020-05-01', 0.3], ['2020-07-01', 0.3], ['2020-08-01', 0.2], ['2020-09-01', 0.2], ['2021-01-01', 0.2],
      ['2021-06-01', 0.2], ['2021-09-01', 0.2], ['2022-01-01', 0.2]]),
  ], asOf);
  it('S07.lines: 1 (hold ≤60 days, dropped drugs, dose change, planned maintenance open no line; §3 step 4)', () => expect(starts(p)).toEqual(['2020-02-01']));
  it('S07.priorLines rule min 2: NOT_MET', () => expect(rule({ fact: 'priorLines', min: 2 }, p, asOf)).toBe('NOT_MET'));
  it('S07.response: PR, not VGPR (1.8 → 0.2 is −88.9% < 90%; §4)', () => expect(resp(p)).toBe('PR'));
  it('S07.no progression, nothing refractory', () => expect([progDates(p).length, refr(p, 'carfilzomib'), refr(p, 'lenalidomide')]).toEqual([0, false, false]));
  it('S07.lenalidomide ongoing', () => expect(p.drugs.lenalidomide?.ongoing).toBe(true));
  it('S07.TCE false (no anti-CD38)', () => expect(p.flags.tripleClassExposed).toBe(false));
});

// S08 — VTd-ASCT, relapse off therapy, VRd fixed, relapse off therapy, VRd again (re-treatment = new line).
describe('S08 re-treatment after treatment-free interval', () => {
  const asOf = '2020-01-01';
  const p: P = buildProfile([
    diagnosis('2014-09-01', 'IgG', 'lambda'), S('2014-09-01', 3.5),
    med('VTd', '2014-09-10', '2015-01-20', { intent: 'induction' }),
    med('melphalan', '2015-02-27', '2015-02-27', { intent: 'conditioning' }), sct('2015-03-01'),
    ...ser([['2014-10-10', 2.0], ['2014-11-10', 1.0], ['2014-12-10', 0.6], ['2015-01-10', 0.4], ['2015-05-01', 0.2], ['2015-08-01', 0.2], ['2016-02-01', 0.2],
      ['2016-08-01', 0.2], ['2017-01-01', 0.3], ['2017-05-01', 0.8], ['2017-06-01', 1.0]]),
    med('VRd', '2017-06-15', '2018-01-15', { reasonStopped: 'completed' }),
    ...ser([['2017-07-15', 0.5], ['2017-08-15', 0.3], ['2017-10-15', 0.3], ['2018-01-10', 0.3], ['2018-06-01', 0.3], ['2018-12-01', 0.4], ['2019-04-01', 0.7],
      ['2019-05-01', 0.9], ['2019-06-01', 1.0]]),
    med('VRd', '2019-07-01', null),
    ...ser([['2019-08-01', 0.6], ['2019-09-01', 0.45], ['2019-10-01', 0.45], ['2019-11-01', 0.4], ['2019-12-01', 0.4]]),
  ], asOf);
  it('S08.lines: 3 (same regimen after a treatment-free interval and PD is a new line; §3 [S1])', () => expect(starts(p)).toEqual(['2014-09-10', '2017-06-15', '2019-07-01']));
  it('S08.line3 openedBy retreatment-after-treatment-free-interval', () => expect(p.linesOfTherapy.lines[2]?.openedBy).toBe('retreatment-after-treatment-free-interval'));
  it('S08.progressions: 2017-05-01 and 2019-05-01 (serum, confirmed)', () => expect(progDates(p, true)).toEqual(['2017-05-01', '2019-05-01']));
  it('S08.status: relapsed (PD 471 days after last dose; §1)', () => expect([p.flags.relapsed, p.flags.relapsedAndRefractory]).toEqual([true, false]));
  it('S08.not refractory to bortezomib, lenalidomide, thalidomide', () => expect([refr(p, 'bortezomib'), refr(p, 'lenalidomide'), refr(p, 'thalidomide')]).toEqual([false, false, false]));
  it('S08.response: VRd re-treatment PR (1.0 → 0.4)', () => expect(resp(p)).toBe('PR'));
  it('S08.priorLines min 3 MET', () => expect(rule({ fact: 'priorLines', min: 3 }, p, asOf)).toBe('MET'));
});

// S09 — light-chain κ myeloma, VCd-ASCT-R, dFLC progression on R, Isa-Kd PR by dFLC (−89.5%, not VGPR).
describe('S09 light-chain myeloma, dFLC', () => {
  const asOf = '2022-03-01';
  const flc: Array<[string, number, number]> = [['2019-04-10', 300, 9], ['2019-05-10', 120, 9], ['2019-06-10', 40, 10], ['2019-07-10', 25, 10], ['2019-08-10', 20, 10],
    ['2020-01-10', 18, 10], ['2020-06-10', 18, 10], ['2021-01-10', 19, 11], ['2021-06-10', 60, 10], ['2021-07-10', 110, 10], ['2021-08-01', 150, 10], ['2021-09-01', 200, 10],
    ['2021-10-10', 80, 10], ['2021-11-10', 60, 10], ['2021-12-10', 40, 10], ['2022-01-10', 30, 10], ['2022-02-10', 30, 10]];
  const evs = [
    diagnosis('2019-03-01', 'none', 'kappa'), S('2019-03-01', 0), U('2019-03-01', 150), ...K('2019-03-01', 850, 8),
    med('VCd', '2019-03-10', '2019-08-20', { intent: 'induction' }),
    med('melphalan', '2019-10-08', '2019-10-08', { intent: 'conditioning' }), sct('2019-10-10'),
    med('lenalidomide', '2019-12-01', '2021-09-05', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...flc.flatMap(([d, k, l]) => K(d, k, l)),
    S('2020-06-10', 0), U('2020-06-10', 0), S('2021-09-01', 0), U('2021-09-01', 100),
    med('Isa-Kd', '2021-09-10', null),
    S('2022-02-10', 0), U('2022-02-10', 0),
  ];
  const p: P = buildProfile(evs, asOf);
  const atRelapse: P = buildProfile(evs, '2021-09-05');
  it('S09.lines: 2', () => expect(starts(p)).toEqual(['2019-03-10', '2021-09-10']));
  it('S09.progression: dFLC 2021-08-01 (nadir 8 mg/L, +132 >100 mg/L, confirmed; §4 PD dFLC)', () => expect(p.disease.progressions.filter((x) => x.source === 'dflc').map((x) => x.date)).toEqual(['2021-08-01']));
  it('S09.dFLC rise of 92 mg/L on 2021-07-10 is not PD (absolute >10 mg/dL needed)', () => expect(progDates(p)).not.toContain('2021-07-10'));
  it('S09.lenRefractory (PD on maintenance)', () => expect(refr(p, 'lenalidomide')).toBe(true));
  it('S09.response: PR by dFLC (190 → 20, −89.5%, not >90%; §4 PR dFLC)', () => expect(resp(p)).toBe('PR'));
  it('S09.measurable FLC-only at relapse (κ 20 mg/dL, ratio 20; §5)', () => expect(atRelapse.disease.measurable.flcOnly).toBe(true));
  it('S09.not measurable now (κ 3 mg/dL)', () => expect([p.disease.measurable.flcOnly, p.disease.measurable.any]).toEqual([false, false]));
  it('S09.TCE (isatuximab counts as anti-CD38; §2)', () => expect(p.flags.tripleClassExposed).toBe(true));
});

// S10 — IgG λ with Bence Jones: urine-only progression on DRd; Elo-Pd SD over 59 days.
describe('S10 urine progression', () => {
  const asOf = '2021-05-01';
  const su: Array<[string, number, number]> = [['2018-02-01', 1.5, 800], ['2018-03-15', 0.6, 150], ['2018-04-15', 0.4, 80], ['2018-05-15', 0.3, 60], ['2018-08-15', 0.3, 60],
    ['2019-08-15', 0.3, 60], ['2020-12-15', 0.35, 200], ['2021-01-15', 0.35, 280], ['2021-02-15', 0.4, 300], ['2021-03-25', 0.35, 250], ['2021-04-25', 0.35, 240]];
  const p: P = buildProfile([
    diagnosis('2018-02-01', 'IgG', 'lambda'),
    med('DRd', '2018-02-15', '2021-02-20', { reasonStopped: 'progression' }),
    med('Elo-Pd', '2021-02-25', null),
    ...su.flatMap(([d, s, u]) => [S(d, s), U(d, u)]),
  ], asOf);
  it('S10.progression: urine 2021-01-15 (nadir 60 → 280, +220 ≥200 and ≥25%; §4 PD urine)', () => expect(p.disease.progressions.map((x) => `${x.source}@${x.date}`)).toEqual(['urine-m-protein@2021-01-15']));
  it('S10.lines: 2, second a new regimen after discontinuation', () => expect([starts(p), p.linesOfTherapy.lines[1]?.openedBy]).toEqual([['2018-02-15', '2021-02-25'], 'new-regimen-after-discontinuation']));
  it('S10.line1 reasonForChange progression (§3 step 6)', () => expect(p.linesOfTherapy.lines[0]?.reasonForChange).toBe('progression'));
  it('S10.dara & len refractory', () => expect([refr(p, 'daratumumab'), refr(p, 'lenalidomide')]).toEqual([true, true]));
  it('S10.pomalidomide nonresponsive: SD 59 days into Elo-Pd (nonResponseMinDaysOngoing 56)', () => expect(refr(p, 'pomalidomide')).toBe(true));
  it('S10.response SD (serum −12.5%, urine −20%)', () => expect(resp(p)).toBe('SD'));
  it('S10.measurable: urine yes (240), serum no (0.35; §5)', () => expect([p.disease.measurable.urine, p.disease.measurable.serum]).toEqual([true, false]));
  it('S10.measurableDisease serum 0.5 / urine 200: MET via urine', () => expect(rule({ fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200 }, p, asOf)).toBe('MET'));
});

// S11 — messy duplicates: VRd sent as components and as a regimen, ASCT recorded by two systems 2 days apart,
// conditioning with no intent, maintenance with no intent, reported and computed VGPR the same day.
describe('S11 duplicate records', () => {
  const asOf = '2022-01-01';
  const p: P = buildProfile([
    diagnosis('2020-05-01', 'IgG', 'kappa'), S('2020-05-01', 2.6),
    med('bortezomib', '2020-05-10', '2020-09-30', { cycles: 6 }), med('lenalidomide', '2020-05-12', '2020-09-30'), med('dexamethasone', '2020-05-10', '2020-09-30'),
    med('VRd', '2020-05-10', '2020-09-30', { cycles: 6 }),
    med('melphalan 200 mg/m2', '2020-11-13', '2020-11-13'), sct('2020-11-13'), sct('2020-11-15'),
    med('lenalidomide', '2021-01-10', null),
    ...ser([['2020-06-10', 1.2], ['2020-07-10', 0.6], ['2020-08-10', 0.4], ['2020-09-10', 0.3], ['2021-01-05', 0.1], ['2021-04-05', 0.1], ['2021-07-05', 0.1], ['2021-10-05', 0.1], ['2021-12-05', 0.1]]),
    U('2021-10-05', 40), U('2021-12-05', 40), resps([['2021-12-05', 'VGPR']])[0]!,
  ], asOf);
  it('S11.lines: 1', () => expect(starts(p)).toEqual(['2020-05-10']));
  it('S11.transplants: one procedure (two records 2 days apart; procedureRepeatDays 7)', () => expect(p.transplants.length).toBe(1));
  it('S11.priorTransplant minCount 2: NOT_MET', () => expect(rule({ fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, p, asOf)).toBe('NOT_MET'));
  it('S11.bortezomib cycles 6 (a course within another of the drug counted once)', () => expect(p.drugs.bortezomib?.cycles).toBe(6));
  it('S11.melphalan conditioning: not refractory, no line', () => expect(refr(p, 'melphalan')).toBe(false));
  it('S11.response VGPR (computed: −96%, urine 40 each assessment)', () => expect([resp(p), p.disease.response?.category]).toEqual(['VGPR', 'VGPR']));
});

// S12 — IgA κ, VRd, planned tandem ASCT, VRd consolidation, R maintenance (1 line), PD on R, DPd.
describe('S12 tandem transplant', () => {
  const asOf = '2020-03-01';
  const p: P = buildProfile([
    diagnosis('2016-01-10', 'IgA', 'kappa'), S('2016-01-10', 2.0),
    med('VRd', '2016-01-20', '2016-05-20', { intent: 'induction' }),
    med('melphalan', '2016-06-29', '2016-06-29', { intent: 'conditioning' }), sct('2016-07-01'),
    med('melphalan', '2016-10-03', '2016-10-03', { intent: 'conditioning' }), sct('2016-10-05', { plannedTandem: true }),
    med('VRd', '2016-12-01', '2017-02-28', { intent: 'consolidation' }),
    med('lenalidomide', '2017-03-10', '2019-08-15', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2016-02-20', 1.0], ['2016-03-20', 0.5], ['2016-04-20', 0.3], ['2016-05-20', 0.2], ['2016-09-01', 0.1], ['2017-01-01', 0.1], ['2017-06-01', 0.1], ['2018-06-01', 0.1],
      ['2019-05-01', 0.5], ['2019-06-01', 0.7], ['2019-07-01', 0.9], ['2019-08-10', 1.1]]),
    med('DPd', '2019-08-20', null),
    ...ser([['2019-09-20', 0.7], ['2019-10-20', 0.5], ['2019-11-20', 0.45], ['2020-01-20', 0.4], ['2020-02-20', 0.4]]),
  ], asOf);
  it('S12.lines: 2 (planned tandem within 180 days is the same line; §3 rule 3)', () => expect(starts(p)).toEqual(['2016-01-20', '2019-08-20']));
  it('S12.line1 holds both transplants', () => expect(p.linesOfTherapy.lines[0]?.transplants.length).toBe(2));
  it('S12.priorTransplant minCount 2 MET', () => expect(rule({ fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, p, asOf)).toBe('MET'));
  it('S12.progression 2019-06-01 (nadir 0.1 → 0.7; 0.5 on 2019-05-01 is +0.4 only)', () => expect(progDates(p, true)).toEqual(['2019-06-01']));
  it('S12.lenRefractory only at maintenance; bortezomib not', () => expect([refr(p, 'lenalidomide'), p.drugs.lenalidomide?.refractoryOnlyAtMaintenance, refr(p, 'bortezomib')]).toEqual([true, true, false]));
  it('S12.drugRefractory len excludeMaintenanceOnly: NOT_MET', () => expect(rule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, p, asOf)).toBe('NOT_MET'));
  it('S12.response PR (1.1 → 0.4)', () => expect(resp(p)).toBe('PR'));
  it('S12.KarMMa-3 verdict INELIGIBLE (DPd responding: not refractory to last line)', () => expect(trialVerdict('NCT03651128', p, asOf)).toBe('INELIGIBLE'));
});
