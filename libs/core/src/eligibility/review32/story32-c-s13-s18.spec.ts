/** story32 patients S13–S18. */
import { P, S, ser, resps, med, sct, carT, diagnosis, buildProfile, rule, trialVerdict, starts, progDates, resp, refr, apheresis, cond } from './story32-helpers';

// S13 — 9-year course, reported responses only; trial drugs by research code (elranatamab PF-06863135, talquetamab JNJ-64407564).
describe('S13 six lines, research codes', () => {
  const asOf = '2021-12-01';
  const p: P = buildProfile([
    diagnosis('2013-04-01', 'IgG', 'kappa'),
    med('VTd', '2013-04-10', '2013-08-30', { intent: 'induction' }),
    med('melphalan', '2013-10-13', '2013-10-13', { intent: 'conditioning' }), sct('2013-10-15'),
    ...resps([['2013-07-01', 'VGPR'], ['2013-12-01', 'VGPR'], ['2014-06-01', 'VGPR'], ['2015-10-01', 'PD']]),
    med('Rd', '2015-10-20', '2018-02-01', { reasonStopped: 'progression' }),
    ...resps([['2016-01-10', 'PR'], ['2016-06-10', 'PR'], ['2018-01-20', 'PD']]),
    med('DVd', '2018-02-15', '2019-06-01', { reasonStopped: 'progression' }),
    ...resps([['2018-05-01', 'PR'], ['2018-09-01', 'PR'], ['2019-05-20', 'PD']]),
    med('Kd', '2019-06-10', '2020-01-15', { reasonStopped: 'progression' }),
    ...resps([['2019-09-01', 'PR'], ['2020-01-05', 'PD']]),
    med('PF-06863135', '2020-02-01', '2021-05-01', { reasonStopped: 'progression' }),
    ...resps([['2020-05-01', 'VGPR'], ['2020-08-01', 'VGPR'], ['2021-04-20', 'PD']]),
    med('JNJ-64407564', '2021-05-20', null),
    ...resps([['2021-08-01', 'PR'], ['2021-10-01', 'PR']]),
  ], asOf);
  it('S13.lines: 6', () => expect(starts(p)).toEqual(['2013-04-10', '2015-10-20', '2018-02-15', '2019-06-10', '2020-02-01', '2021-05-20']));
  it('S13.research codes read: elranatamab and talquetamab exposed', () => expect([!!p.drugs.elranatamab?.exposed, !!p.drugs.talquetamab?.exposed]).toEqual([true, true]));
  it('S13.TCR true, penta-exposed false (no pomalidomide; §2)', () => expect([p.flags.tripleClassRefractory, p.flags.pentaExposed]).toEqual([true, false]));
  it('S13.thalidomide not refractory (PD 2 years off VTd)', () => expect(refr(p, 'thalidomide')).toBe(false));
  it('S13.prior BCMA bispecific, GPRC5D, T-cell engager', () => expect([p.flags.priorBcmaBispecific, p.flags.priorGprc5dDirected, p.flags.priorTCellEngager, p.flags.priorBcmaCarT]).toEqual([true, true, true, false]));
  it('S13.status: relapsed-and-refractory (latest PD on elranatamab after VGPR)', () => expect(p.flags.relapsedAndRefractory).toBe(true));
  it('S13.refractoryToLastLine false (talquetamab PR)', () => expect(p.flags.refractoryToLastLine).toBe(false));
  it('S13.timeSince last BCMA bispecific ≥214 days MET (2021-05-01 → 2021-12-01)', () => expect(rule({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_BISPECIFIC', minDays: 214 }, p, asOf)).toBe('MET'));
  it('S13.timeSince last BCMA bispecific ≥215 days NOT_MET', () => expect(rule({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_BISPECIFIC', minDays: 215 }, p, asOf)).toBe('NOT_MET'));
});

// S14 — cilta-cel with PD 50 days after infusion (refractory), bridging selinexor-dex, then teclistamab VGPR.
describe('S14 CAR-T refractory then teclistamab', () => {
  const asOf = '2022-02-01';
  const p: P = buildProfile([
    diagnosis('2017-06-01', 'IgG', 'lambda'),
    med('VRd', '2017-06-10', '2017-10-30', { intent: 'induction' }),
    med('melphalan', '2017-12-08', '2017-12-08', { intent: 'conditioning' }), sct('2017-12-10'),
    med('lenalidomide', '2018-02-01', '2019-09-20', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2017-10-01', 'VGPR'], ['2018-03-01', 'VGPR'], ['2018-12-01', 'VGPR'], ['2019-09-10', 'PD']]),
    med('DPd', '2019-10-01', '2021-01-10', { reasonStopped: 'progression' }),
    ...resps([['2020-01-01', 'PR'], ['2020-04-01', 'PR'], ['2021-01-05', 'PD']]),
    med('Kd', '2021-01-20', '2021-06-01', { reasonStopped: 'progression' }),
    ...resps([['2021-03-01', 'SD'], ['2021-04-20', 'SD'], ['2021-05-25', 'PD']]),
    apheresis('2021-06-10'),
    med('selinexor', '2021-06-15', '2021-07-20', { intent: 'bridging' }), med('dexamethasone', '2021-06-15', '2021-07-20', { intent: 'bridging' }),
    med('Flu/Cy', '2021-07-27', '2021-07-29', { intent: 'lymphodepletion' }), carT('2021-08-01', 'cilta-cel'),
    ...resps([['2021-09-01', 'PR'], ['2021-09-20', 'PD']]),
    med('teclistamab', '2021-10-05', null),
    ...resps([['2021-12-01', 'VGPR'], ['2022-01-05', 'VGPR']]),
  ], asOf);
  it('S14.lines: 5 (bridging opens the CAR-T line)', () => expect(starts(p)).toEqual(['2017-06-10', '2019-10-01', '2021-01-20', '2021-06-15', '2021-10-05']));
  it('S14.CAR-T refractory: PD 50 days after infusion (§1 within 60 days)', () => expect(p.classes.BCMA_CAR_T?.refractory).toBe(true));
  it('S14.carfilzomib refractory (SD then PD on Kd)', () => expect(refr(p, 'carfilzomib')).toBe(true));
  it('S14.TCR', () => expect(p.flags.tripleClassRefractory).toBe(true));
  it('S14.status: relapsed-and-refractory (latest PD within 60 days of the infusion)', () => expect(p.flags.relapsedAndRefractory).toBe(true));
  it('S14.refractoryToLastLine false (teclistamab VGPR)', () => expect(p.flags.refractoryToLastLine).toBe(false));
  it('S14.MagnetisMM-3 verdict ELIGIBLE via cohort B (TCR and prior BCMA CAR-T)', () => expect(trialVerdict('NCT04649359', p, asOf)).toBe('ELIGIBLE'));
});

// S15 — KRd 12 cycles completed; PD exactly 60 days after the last dose; Isa-Pd.
describe('S15 PD on day 60 after last dose', () => {
  const asOf = '2019-10-01';
  const p: P = buildProfile([
    diagnosis('2018-01-01', 'IgG', 'kappa'), S('2018-01-01', 2.5),
    med('KRd', '2018-01-10', '2019-01-10', { cycles: 12, reasonStopped: 'completed' }),
    ...ser([['2018-02-10', 1.2], ['2018-03-10', 0.6], ['2018-04-10', 0.3], ['2018-06-10', 0.2], ['2018-09-10', 0.2], ['2018-12-10', 0.2], ['2019-03-11', 0.8], ['2019-04-11', 1.0]]),
    med('Isa-Pd', '2019-04-20', null),
    ...ser([['2019-05-20', 0.6], ['2019-06-20', 0.4], ['2019-08-20', 0.4], ['2019-09-20', 0.4]]),
  ], asOf);
  it('S15.progression 2019-03-11 (day 60 after 2019-01-10)', () => expect(progDates(p, true)).toEqual(['2019-03-11']));
  it('S15.carfilzomib & len refractory (PD within 60 days; §1)', () => expect([refr(p, 'carfilzomib'), refr(p, 'lenalidomide')]).toEqual([true, true]));
  it('S15.double-refractory', () => expect(p.flags.doubleRefractory).toBe(true));
  it('S15.status relapsed-and-refractory, not relapsed', () => expect([p.flags.relapsedAndRefractory, p.flags.relapsed]).toEqual([true, false]));
  it('S15.line1 reasonForChange progression', () => expect(p.linesOfTherapy.lines[0]?.reasonForChange).toBe('progression'));
  it('S15.timeSince last PI ≥264 days MET, ≥265 NOT_MET', () => expect([rule({ fact: 'timeSince', event: 'lastDose', class: 'PI', minDays: 264 }, p, asOf), rule({ fact: 'timeSince', event: 'lastDose', class: 'PI', minDays: 265 }, p, asOf)]).toEqual(['MET', 'NOT_MET']));
  it('S15.KarMMa-3 inc-02 asks daratumumab by name: isatuximab does not meet it', () => expect(rule({ fact: 'drugExposed', drug: 'daratumumab' }, p, asOf)).toBe('NOT_MET'));
});

// S16 — dexamethasone lead-in then VRd; PD 61 days after the last dose (relapsed); DKd with dex → prednisone swap.
describe('S16 PD on day 61, steroid lead-in and swap', () => {
  const asOf = '2020-06-01';
  const p: P = buildProfile([
    diagnosis('2019-02-01', 'IgG', 'lambda'), S('2019-02-01', 2.0),
    med('dexamethasone', '2019-02-01', '2019-02-10'),
    med('VRd', '2019-02-12', '2019-10-01', { cycles: 8, reasonStopped: 'completed' }),
    ...ser([['2019-03-12', 1.0], ['2019-04-12', 0.6], ['2019-05-12', 0.4], ['2019-07-12', 0.4], ['2019-09-12', 0.4], ['2019-11-01', 0.5], ['2019-12-01', 0.95], ['2020-01-01', 1.2]]),
    med('daratumumab', '2020-01-10', null), med('carfilzomib', '2020-01-10', null), med('dexamethasone', '2020-01-10', '2020-02-29'), med('prednisone', '2020-03-01', null),
    ...ser([['2020-02-10', 0.7], ['2020-03-10', 0.5], ['2020-04-10', 0.4], ['2020-05-10', 0.4]]),
  ], asOf);
  it('S16.lines: 2, the lead-in joining VRd (§3 step 1, steroids join the regimen)', () => expect(starts(p)).toEqual(['2019-02-01', '2020-01-10']));
  it('S16.progression 2019-12-01 (day 61)', () => expect(p.disease.progressionDate).toBe('2019-12-01'));
  it('S16.status relapsed (PD >60 days after last dose; §1)', () => expect([p.flags.relapsed, p.flags.relapsedAndRefractory]).toEqual([true, false]));
  it('S16.bortezomib & len not refractory', () => expect([refr(p, 'bortezomib'), refr(p, 'lenalidomide')]).toEqual([false, false]));
  it('S16.line1 reasonForChange progression (off-therapy PD that prompted line 2)', () => expect(p.linesOfTherapy.lines[0]?.reasonForChange).toBe('progression'));
  it('S16.response PR on DKd (1.2 → 0.4); the steroid swap opened no line', () => expect([resp(p), p.linesOfTherapy.count]).toEqual(['PR', 2]));
});

// S17 — VRd, bortezomib stopped for neuropathy, carfilzomib substituted (new line), len continuous.
describe('S17 substitution for toxicity', () => {
  const asOf = '2022-07-01';
  const p: P = buildProfile([
    diagnosis('2021-03-01', 'IgG', 'kappa'), S('2021-03-01', 3.0),
    med('bortezomib', '2021-03-10', '2021-05-20', { reasonStopped: 'toxicity' }), med('lenalidomide', '2021-03-10', null), med('dexamethasone', '2021-03-10', '2021-12-15'),
    cond('2021-05-20', { kind: 'peripheral-neuropathy', status: 'active', grade: 2, neuropathyType: 'sensory' }),
    med('carfilzomib', '2021-06-01', '2021-12-15', { reasonStopped: 'completed' }),
    ...ser([['2021-04-10', 1.8], ['2021-05-10', 1.2], ['2021-06-10', 0.8], ['2021-07-10', 0.5], ['2021-08-10', 0.3], ['2021-10-10', 0.2], ['2021-12-10', 0.2], ['2022-03-10', 0.2], ['2022-06-10', 0.2]]),
  ], asOf);
  it('S17.lines: 2, the second opened by the carfilzomib substitution (§3 rule 2)', () => expect([starts(p), p.linesOfTherapy.lines[1]?.openedBy]).toEqual([['2021-03-10', '2021-06-01'], 'unplanned-addition-or-switch']));
  it('S17.line1 reasonForChange toxicity', () => expect(p.linesOfTherapy.lines[0]?.reasonForChange).toBe('toxicity'));
  it('S17.nothing refractory (response throughout)', () => expect([refr(p, 'bortezomib'), refr(p, 'carfilzomib'), refr(p, 'lenalidomide')]).toEqual([false, false, false]));
  it('S17.bortezomib exposure ≥72 days MET (2021-03-10..05-20 both counted)', () => expect(rule({ fact: 'drugExposed', drug: 'bortezomib', minDays: 72 }, p, asOf)).toBe('MET'));
  it('S17.neuropathy grade ≥3: NOT_MET (grade 2)', () => expect(rule({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }, p, asOf)).toBe('NOT_MET'));
  it('S17.response PR on line 2 (1.2 → 0.2, −83%)', () => expect(resp(p)).toBe('PR'));
});

// S18 — iberdomide (CC-220) trial line, then a blinded investigational BCMA bispecific the catalog cannot read.
describe('S18 CELMoD and blinded study drug', () => {
  const asOf = '2021-10-01';
  const p: P = buildProfile([
    diagnosis('2016-09-01', 'IgG', 'kappa'),
    med('VRd', '2016-09-10', '2017-01-30', { intent: 'induction' }),
    med('melphalan', '2017-03-08', '2017-03-08', { intent: 'conditioning' }), sct('2017-03-10'),
    med('lenalidomide', '2017-05-01', '2019-03-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2017-01-15', 'VGPR'], ['2017-06-01', 'VGPR'], ['2018-06-01', 'VGPR'], ['2019-03-01', 'PD']]),
    med('DKd', '2019-03-15', '2020-09-01', { reasonStopped: 'progression' }),
    ...resps([['2019-06-15', 'PR'], ['2019-09-15', 'PR'], ['2020-08-20', 'PD']]),
    med('CC-220', '2020-09-15', '2021-04-01', { reasonStopped: 'progression' }), med('dexamethasone', '2020-09-15', '2021-04-01'),
    ...resps([['2020-11-15', 'SD'], ['2021-01-15', 'SD'], ['2021-03-25', 'PD']]),
    med('investigational BCMA bispecific (blinded)', '2021-04-20', null),
    ...resps([['2021-07-01', 'PR'], ['2021-08-01', 'PR']]),
  ], asOf);
  it('S18.lines counted: 3 (the unread drug is not a known line)', () => expect(p.linesOfTherapy.count).toBe(3));
  it('S18.priorLines ≥4: UNKNOWN (unread study drug may be a 4th line)', () => expect(rule({ fact: 'priorLines', min: 4 }, p, asOf)).toBe('UNKNOWN'));
  it('S18.priorLines ≥3: MET either way', () => expect(rule({ fact: 'priorLines', min: 3 }, p, asOf)).toBe('MET'));
  it('S18.priorTargetTherapy BCMA: UNKNOWN', () => expect(rule({ fact: 'priorTargetTherapy', target: 'BCMA' }, p, asOf)).toBe('UNKNOWN'));
  it('S18.iberdomide exposed and refractory, not an IMiD (§2 CELMoDs protocol-specific)', () => expect([!!p.drugs.iberdomide?.exposed, refr(p, 'iberdomide'), p.classes.IMID?.drugs]).toEqual([true, true, ['lenalidomide']]));
  it('S18.TCR (len, carfilzomib, dara)', () => expect(p.flags.tripleClassRefractory).toBe(true));
});
