/** story32 patients S01–S06. Each `it` is one derived fact of one patient; the clause it rests on is in the title. */
import { P, S, U, K, ser, resps, med, sct, carT, diagnosis, demographics, buildProfile, rule, trialVerdict, starts, progDates, resp, refr, ecog, apheresis } from './story32-helpers';

// ---------------------------------------------------------------------------------------------------------------
// S01 — IgG κ, VRd → ASCT → len maintenance (1 line), biochemical PD on maintenance, DKd salvage responding.
describe('S01 VRd-ASCT-R maintenance, PD on R, DKd', () => {
  const asOf = '2023-01-01';
  const p: P = buildProfile([
    diagnosis('2018-03-01', 'IgG', 'kappa'), S('2018-03-01', 3.2),
    med('VRd', '2018-03-10', '2018-07-20', { intent: 'induction', cycles: 4 }),
    med('melphalan', '2018-09-01', '2018-09-01', { intent: 'conditioning' }), sct('2018-09-03'),
    med('lenalidomide', '2018-11-15', '2022-02-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2018-04-10', 1.5], ['2018-05-10', 0.8], ['2018-06-10', 0.4], ['2018-07-10', 0.3], ['2018-10-20', 0.15], ['2019-01-20', 0.1], ['2019-06-20', 0.1],
      ['2020-01-20', 0.1], ['2020-08-20', 0.1], ['2021-03-20', 0.1], ['2021-09-01', 0.1], ['2021-11-01', 0.4], ['2022-01-05', 0.8], ['2022-02-01', 1.1]]),
    med('DKd', '2022-02-15', null),
    ...ser([['2022-03-15', 0.9], ['2022-04-15', 0.6], ['2022-05-15', 0.45], ['2022-07-15', 0.4], ['2022-09-15', 0.4], ['2022-11-15', 0.4], ['2022-12-15', 0.4]]),
  ], asOf);
  it('S01.lines: 2 lines (induction→ASCT→maintenance is one line; §3 rule / example)', () => expect(starts(p)).toEqual(['2018-03-10', '2022-02-15']));
  it('S01.progression: serum PD dated 2022-01-05 (0.1 confirmed nadir +0.7, confirmed 2022-02-01; §4 PD)', () => expect(progDates(p, true)).toEqual(['2022-01-05']));
  it('S01.lenRefractory: PD on lenalidomide maintenance (§1 refractory) and only at maintenance', () => expect([refr(p, 'lenalidomide'), p.drugs.lenalidomide?.refractoryOnlyAtMaintenance]).toEqual([true, true]));
  it('S01.bortezomibNotRefractory: VRd ended 2018, PD 3.5 y later (§1)', () => expect(refr(p, 'bortezomib')).toBe(false));
  it('S01.status: relapsed-and-refractory (MR reached, PD on therapy; §1)', () => expect([p.flags.relapsedAndRefractory, p.flags.relapsed, p.flags.primaryRefractory]).toEqual([true, false, false]));
  it('S01.classFlags: TCE yes, TCR no, double-refractory no (§2)', () => expect([p.flags.tripleClassExposed, p.flags.tripleClassRefractory, p.flags.doubleRefractory]).toEqual([true, false, false]));
  it('S01.response: DKd PR confirmed (1.1 → 0.4, −64%; §4 PR)', () => expect(resp(p)).toBe('PR'));
  it('S01.refractoryToLastLine: false (DKd responding)', () => expect(rule({ fact: 'flag', name: 'refractoryToLastLine' }, p, asOf)).toBe('NOT_MET'));
  it('S01.KarMMa-3 verdict: INELIGIBLE (not refractory to last line; NCT03651128 inc-01)', () => expect(trialVerdict('NCT03651128', p, asOf)).toBe('INELIGIBLE'));
});

// ---------------------------------------------------------------------------------------------------------------
// S02 — IgA λ, 4 lines: VRd-ASCT-R (PD on R at exactly +0.5), DPd (PD at exactly +0.5), KCd (PD), teclistamab VGPR.
describe('S02 IgA λ, TCR, BCMA bispecific', () => {
  const asOf = '2022-05-01';
  const p: P = buildProfile([
    diagnosis('2017-01-10', 'IgA', 'lambda'), S('2017-01-10', 2.5),
    med('VRd', '2017-01-20', '2017-06-30', { intent: 'induction', cycles: 6 }),
    med('melphalan', '2017-08-13', '2017-08-13', { intent: 'conditioning' }), sct('2017-08-15'),
    med('lenalidomide', '2017-10-01', '2019-05-20', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2017-02-20', 1.5], ['2017-03-20', 0.9], ['2017-04-20', 0.5], ['2017-05-20', 0.35], ['2017-06-20', 0.3], ['2017-10-20', 0.25], ['2018-01-20', 0.2],
      ['2018-03-20', 0.2], ['2018-07-20', 0.2], ['2018-11-20', 0.25], ['2019-02-20', 0.3], ['2019-04-01', 0.7], ['2019-05-01', 0.9]]),
    med('DPd', '2019-05-25', '2021-03-01', { reasonStopped: 'progression' }),
    ...ser([['2019-06-25', 0.5], ['2019-07-25', 0.3], ['2019-09-25', 0.3], ['2020-01-25', 0.3], ['2020-06-25', 0.3], ['2020-10-25', 0.35], ['2021-01-10', 0.8], ['2021-02-10', 1.0]]),
    med('KCd', '2021-03-05', '2021-08-20', { reasonStopped: 'progression' }),
    ...ser([['2021-03-01', 1.0], ['2021-04-05', 0.9], ['2021-05-05', 0.85], ['2021-06-05', 0.9], ['2021-07-05', 1.3], ['2021-08-05', 1.5], ['2021-08-19', 1.6]]),
    U('2021-08-19', 60),
    med('teclistamab', '2021-09-01', null),
    S('2021-10-01', 0.6), U('2021-10-01', 40), S('2021-11-01', 0.3), U('2021-11-01', 30), S('2021-12-01', 0.15), U('2021-12-01', 20),
    S('2022-01-01', 0.1), U('2022-01-01', 0), S('2022-02-01', 0.1), U('2022-02-01', 0), S('2022-04-01', 0.1), U('2022-04-01', 0),
  ], asOf);
  it('S02.lines: 4 lines with their starts (§3)', () => expect(starts(p)).toEqual(['2017-01-20', '2019-05-25', '2021-03-05', '2021-09-01']));
  it('S02.progressions: serum PDs 2019-04-01 (+0.5 exactly), 2021-01-10 (+0.5 exactly), 2021-08-05 (§4 PD ≥25% and ≥0.5)', () => expect(progDates(p, true)).toEqual(['2019-04-01', '2021-01-10', '2021-08-05']));
  it('S02.TCR: len, pom, dara, carfilzomib refractory → triple-class refractory (§2)', () => expect(p.flags.tripleClassRefractory).toBe(true));
  it('S02.double-refractory (§2)', () => expect(p.flags.doubleRefractory).toBe(true));
  it('S02.penta: exposed yes, refractory no (bortezomib never refractory; §2)', () => expect([p.flags.pentaExposed, p.flags.pentaRefractory, refr(p, 'bortezomib')]).toEqual([true, false, false]));
  it('S02.priorBCMA: bispecific yes, CAR-T no', () => expect([p.flags.priorBcmaBispecific, p.flags.priorBcmaCarT]).toEqual([true, false]));
  it('S02.response: teclistamab VGPR confirmed (1.6 → 0.1, −94%, urine <100 each time; §4 VGPR)', () => expect(resp(p)).toBe('VGPR'));
  it('S02.MagnetisMM-3 verdict: INELIGIBLE (cohort A excludes prior BCMA; cohort B asks ADC or CAR-T, not bispecific)', () => expect(trialVerdict('NCT04649359', p, asOf)).toBe('INELIGIBLE'));
});

// ---------------------------------------------------------------------------------------------------------------
// S03 — primary refractory: SD then PD on VRd; DRd only SD (≥56 days) → daratumumab nonresponsive.
describe('S03 primary refractory', () => {
  const asOf = '2022-09-01';
  const p: P = buildProfile([
    diagnosis('2022-01-05', 'IgG', 'kappa'), S('2022-01-05', 3.0),
    med('VRd', '2022-01-15', '2022-05-01', { reasonStopped: 'progression' }),
    ...ser([['2022-02-15', 2.9], ['2022-03-15', 2.8], ['2022-04-15', 2.8], ['2022-04-22', 3.6], ['2022-04-29', 3.8]]),
    med('DRd', '2022-05-05', null),
    ...ser([['2022-06-05', 3.5], ['2022-07-05', 3.3], ['2022-08-05', 3.2]]),
  ], asOf);
  it('S03.lines: 2', () => expect(starts(p)).toEqual(['2022-01-15', '2022-05-05']));
  it('S03.progression: serum PD 2022-04-22 (confirmed nadir 2.8 → 3.6 ≥ 3.5; §4)', () => expect(progDates(p, true)).toEqual(['2022-04-22']));
  it('S03.primaryRefractory: never MR, PD on therapy (§1 primary refractory)', () => expect([p.flags.primaryRefractory, p.flags.relapsedAndRefractory, p.flags.relapsed]).toEqual([true, false, false]));
  it('S03.bestResponse: SD', () => expect(p.disease.bestResponse).toBe('SD'));
  it('S03.daraRefractory: SD at day 61 and 92 on DRd, no MR (§1 nonresponsive; nonResponseMinDaysOngoing 56)', () => expect(refr(p, 'daratumumab')).toBe(true));
  it('S03.TCR already after 2 lines (bortezomib PD, len PD, dara nonresponsive; §2)', () => expect(p.flags.tripleClassRefractory).toBe(true));
  it('S03.refractoryToLastLine: true', () => expect(p.flags.refractoryToLastLine).toBe(true));
});

// ---------------------------------------------------------------------------------------------------------------
// S04 — VMP fixed duration, relapse 255 days off therapy (relapsed), Rd PR; serum 0.5 g/dL only.
describe('S04 VMP then Rd, relapsed', () => {
  const asOf = '2019-06-01';
  const p: P = buildProfile([
    demographics('1944-03-03', 'female', 60), ecog('2019-05-20', 1),
    diagnosis('2016-05-01', 'IgG', 'lambda'), S('2016-05-01', 2.0),
    med('VMP', '2016-05-10', '2017-04-30', { cycles: 9, reasonStopped: 'completed' }),
    ...ser([['2016-06-10', 1.2], ['2016-07-10', 0.8], ['2016-08-10', 0.5], ['2016-10-10', 0.4], ['2016-12-10', 0.4], ['2017-03-10', 0.4], ['2017-06-10', 0.4],
      ['2017-10-10', 0.5], ['2018-01-10', 0.9], ['2018-02-10', 1.1]]),
    med('Rd', '2018-02-20', null),
    ...ser([['2018-03-20', 0.7], ['2018-04-20', 0.5], ['2018-05-20', 0.5], ['2018-08-20', 0.5], ['2019-01-20', 0.5], ['2019-05-20', 0.5]]),
    U('2019-05-20', 150), ...K('2019-05-20', 12, 60),
  ], asOf);
  it('S04.lines: 2', () => expect(starts(p)).toEqual(['2016-05-10', '2018-02-20']));
  it('S04.progression: 2018-01-10 (nadir 0.4, +0.5 exactly)', () => expect(progDates(p, true)).toEqual(['2018-01-10']));
  it('S04.status: relapsed (PD 255 days after last dose; §1 relapsed)', () => expect([p.flags.relapsed, p.flags.relapsedAndRefractory, p.flags.primaryRefractory]).toEqual([true, false, false]));
  it('S04.bortezomibNotRefractory (§1 >60 days)', () => expect(refr(p, 'bortezomib')).toBe(false));
  it('S04.VMP P is prednisone, not pomalidomide (§8 abbreviations)', () => expect([!!p.drugs.pomalidomide?.exposed, !!p.drugs.prednisone?.exposed, !!p.drugs.melphalan?.exposed]).toEqual([false, true, true]));
  it('S04.response: Rd PR confirmed (1.1 → 0.5, −54.5%)', () => expect(resp(p)).toBe('PR'));
  it('S04.measurable ≥0.5 g/dL trial variant: met at exactly 0.5 (§5 trial variants)', () => expect(rule({ fact: 'measurableDisease', serumMinGdL: 0.5 }, p, asOf)).toBe('MET'));
  it('S04.measurable IMWG default: not met (serum 0.5, urine 150, involved λ 6 mg/dL; §5)', () => expect(rule({ fact: 'measurableDisease' }, p, asOf)).toBe('NOT_MET'));
  it('S04.APOLLO verdict: INELIGIBLE (IMWG measurable disease not met; NCT03180736 inc-01)', () => expect(trialVerdict('NCT03180736', p, asOf)).toBe('INELIGIBLE'));
});

// ---------------------------------------------------------------------------------------------------------------
// S05 — penta-refractory, bridging, ide-cel with PR, off-therapy PD 181 days after infusion.
describe('S05 penta-refractory → ide-cel', () => {
  const asOf = '2021-10-01';
  const p: P = buildProfile([
    demographics('1958-04-10', 'male', 82), ecog('2021-09-20', 1),
    diagnosis('2015-02-01', 'IgG', 'kappa'), S('2015-02-01', 4.0),
    med('VRd', '2015-02-10', '2015-06-30', { intent: 'induction' }),
    med('melphalan', '2015-08-18', '2015-08-18', { intent: 'conditioning' }), sct('2015-08-20'),
    med('lenalidomide', '2015-10-15', '2018-03-01', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2015-05-01', 'VGPR'], ['2015-11-01', 'VGPR'], ['2016-06-01', 'VGPR'], ['2018-02-15', 'PD']]),
    med('DVd', '2018-03-10', '2019-09-01', { reasonStopped: 'progression' }),
    ...resps([['2018-06-01', 'PR'], ['2018-09-01', 'PR'], ['2019-08-15', 'PD']]),
    med('KPd', '2019-09-10', '2020-12-01', { reasonStopped: 'progression' }),
    ...resps([['2019-12-01', 'PR'], ['2020-03-01', 'PR'], ['2020-11-20', 'PD']]),
    S('2020-12-10', 2.2), apheresis('2020-12-15'),
    med('cyclophosphamide', '2020-12-20', '2021-01-20', { intent: 'bridging' }), med('dexamethasone', '2020-12-20', '2021-01-20', { intent: 'bridging' }),
    S('2021-01-25', 2.4),
    med('Flu/Cy', '2021-02-01', '2021-02-03', { intent: 'lymphodepletion' }), carT('2021-02-06', 'ide-cel'),
    ...ser([['2021-03-06', 1.0], ['2021-04-06', 0.6], ['2021-05-06', 0.6], ['2021-08-06', 1.2], ['2021-09-06', 1.6]]),
  ], asOf);
  it('S05.lines: 4, the CAR-T line starting with bridging (§3 step 5 convention)', () => expect(starts(p)).toEqual(['2015-02-10', '2018-03-10', '2019-09-10', '2020-12-20']));
  it('S05.pentaRefractory (bortezomib, carfilzomib, len, pom, dara; §2)', () => expect(p.flags.pentaRefractory).toBe(true));
  it('S05.priorBcmaCarT', () => expect(p.flags.priorBcmaCarT).toBe(true));
  it('S05.progression: serum PD 2021-08-06 (nadir 0.6 → 1.2, confirmed)', () => expect(p.disease.progressionDate).toBe('2021-08-06'));
  it('S05.CAR-T not refractory: PR after infusion, PD 181 days later (§1 60-day window)', () => expect(p.classes.BCMA_CAR_T?.refractory).toBe(false));
  it('S05.refractoryToLastLine: false', () => expect(p.flags.refractoryToLastLine).toBe(false));
  it('S05.status: relapsed (latest PD off therapy >60 days after the infusion; §1 relapsed)', () => expect([p.flags.relapsed, p.flags.relapsedAndRefractory]).toEqual([true, false]));
  it('S05.MajesTEC-1 verdict: ELIGIBLE via cohort C (prior BCMA, ≥3 lines, TCE, measurable, PD after last line, ECOG 1)', () => expect(trialVerdict('NCT04557098', p, asOf)).toBe('ELIGIBLE'));
});

// ---------------------------------------------------------------------------------------------------------------
// S06 — Rd with SD 7 months, daratumumab added (unplanned addition → new line), D-Rd PR.
describe('S06 Rd then daratumumab added', () => {
  const asOf = '2020-06-01';
  const p: P = buildProfile([
    diagnosis('2019-06-01', 'IgG', 'kappa'), S('2019-06-01', 2.2),
    med('Rd', '2019-06-10', null),
    ...ser([['2019-07-10', 2.0], ['2019-08-10', 1.9], ['2019-09-10', 1.9], ['2019-10-10', 1.95], ['2019-12-10', 1.9]]),
    med('daratumumab', '2020-01-05', null),
    ...ser([['2020-02-05', 1.2], ['2020-03-05', 0.8], ['2020-04-05', 0.7], ['2020-05-05', 0.7]]),
  ], asOf);
  it('S06.lines: 2, the second from the dara addition (§3 rule 2 unplanned addition)', () => expect(starts(p)).toEqual(['2019-06-10', '2020-01-05']));
  it('S06.line2 openedBy unplanned-addition-or-switch', () => expect(p.linesOfTherapy.lines[1]?.openedBy).toBe('unplanned-addition-or-switch'));
  it('S06.line2 carries lenalidomide (D-Rd)', () => expect(p.linesOfTherapy.lines[1]?.generics).toEqual(expect.arrayContaining(['lenalidomide', 'daratumumab'])));
  it('S06.lenRefractory: SD 6 months on Rd (nonresponsive, §1)', () => expect(refr(p, 'lenalidomide')).toBe(true));
  it('S06.daraNotRefractory: PR', () => expect(refr(p, 'daratumumab')).toBe(false));
  it('S06.response PR (1.9 → 0.7)', () => expect(resp(p)).toBe('PR'));
  it('S06.no progression; TCE false (no PI)', () => expect([progDates(p).length, p.flags.tripleClassExposed]).toEqual([0, false]));
});
