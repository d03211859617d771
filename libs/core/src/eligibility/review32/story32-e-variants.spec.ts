/** story32 — messier variants of the S-patients (same course, one record written differently, or a different next step). */
import { P, S, U, BM, sIFE, uIFE, ser, resps, med, sct, carT, diagnosis, demographics, buildProfile, rule, starts, progDates, resp, refr, pet, mrd, lab, response, apheresis } from './story32-helpers';

// S05 course, with DVd written as Vd + daratumumab added 14 / 28 / 29 days later.
describe('S05 variants: staggered daratumumab start', () => {
  const asOf = '2021-10-01';
  const hist = (daraStart: string) => buildProfile([
    diagnosis('2015-02-01', 'IgG', 'kappa'), S('2015-02-01', 4.0),
    med('VRd', '2015-02-10', '2015-06-30', { intent: 'induction' }),
    med('melphalan', '2015-08-18', '2015-08-18', { intent: 'conditioning' }), sct('2015-08-20'),
    med('lenalidomide', '2015-10-15', '2018-03-01', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2015-05-01', 'VGPR'], ['2015-11-01', 'VGPR'], ['2016-06-01', 'VGPR'], ['2018-02-15', 'PD']]),
    med('Vd', '2018-03-10', '2019-09-01', { reasonStopped: 'progression' }), med('daratumumab', daraStart, '2019-09-01', { reasonStopped: 'progression' }),
    ...resps([['2018-06-01', 'PR'], ['2018-09-01', 'PR'], ['2019-08-15', 'PD']]),
    med('KPd', '2019-09-10', '2020-12-01', { reasonStopped: 'progression' }),
    ...resps([['2019-12-01', 'PR'], ['2020-03-01', 'PR'], ['2020-11-20', 'PD']]),
  ], asOf);
  it('S05v.dara 14 days after Vd: same regimen (grouping window 28; §3 step 2)', () => expect(hist('2018-03-24').linesOfTherapy.count).toBe(3));
  it('S05v.dara exactly 28 days after Vd: same regimen (window inclusive)', () => expect(hist('2018-04-07').linesOfTherapy.count).toBe(3));
  it('S05v.dara 29 days after Vd: unplanned addition, new line (§3 rule 2)', () => expect(hist('2018-04-08').linesOfTherapy.count).toBe(4));
});

// S02 course, teclistamab step-up dosing and weekly doses sent one administration at a time.
describe('S02 variant: bispecific sent dose by dose', () => {
  const asOf = '2022-01-20';
  const doses: string[] = ['2021-09-01', '2021-09-03', '2021-09-05'];
  for (let d = new Date('2021-09-12T00:00:00Z'); d <= new Date('2022-01-16T00:00:00Z'); d = new Date(d.getTime() + 7 * 864e5)) doses.push(d.toISOString().slice(0, 10));
  const p: P = buildProfile([
    diagnosis('2019-01-10', 'IgA', 'lambda'), S('2019-01-10', 2.5),
    med('DPd', '2019-01-20', '2021-08-20', { reasonStopped: 'progression' }),
    ...resps([['2019-05-01', 'PR'], ['2019-09-01', 'PR'], ['2021-08-05', 'PD']]),
    ...doses.map((d) => med('JNJ 64007957', d, d)),
    ...resps([['2021-11-01', 'PR'], ['2022-01-05', 'VGPR']]),
  ], asOf);
  it('S02v.one line for the bispecific, research code with a space read', () => expect(starts(p)).toEqual(['2019-01-20', '2021-09-01']));
  it('S02v.teclistamab not refractory (responding)', () => expect(refr(p, 'teclistamab')).toBe(false));
  it('S02v.timeSince last BCMA bispecific ≤7 days: within a dosing week', () => expect(rule({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_BISPECIFIC', maxDays: 7 }, p, asOf)).toBe('MET'));
});

// S14 course, cilta-cel: PD 61 days after the infusion, with no response in between → still refractory (nonresponsive).
describe('S14 variant: CAR-T without response', () => {
  const asOf = '2021-12-01';
  const p: P = buildProfile([
    diagnosis('2017-06-01', 'IgG', 'lambda'),
    med('DPd', '2019-10-01', '2021-01-10', { reasonStopped: 'progression' }),
    ...resps([['2020-01-01', 'PR'], ['2020-04-01', 'PR'], ['2021-01-05', 'PD']]),
    med('Kd', '2021-01-20', '2021-06-01', { reasonStopped: 'progression' }),
    ...resps([['2021-03-01', 'SD'], ['2021-04-20', 'SD'], ['2021-05-25', 'PD']]),
    apheresis('2021-06-10'), med('Flu/Cy', '2021-07-27', '2021-07-29', { intent: 'lymphodepletion' }), carT('2021-08-01', 'cilta-cel'),
    ...resps([['2021-09-01', 'SD'], ['2021-10-01', 'PD']]),
  ], asOf);
  it('S14v.CAR-T refractory: SD then PD on day 61 (nonresponsive; §1)', () => expect(p.classes.BCMA_CAR_T?.refractory).toBe(true));
  it('S14v.refractoryToLastLine true', () => expect(p.flags.refractoryToLastLine).toBe(true));
  it('S14v.relapsed-and-refractory (PR on DPd before)', () => expect([p.flags.relapsedAndRefractory, p.flags.relapsed]).toEqual([true, false]));
});

// S24 course, but Kd salvage gives only SD over 3 months: nonresponsive on salvage after MR → relapsed-and-refractory (§1).
describe('S24 variant: nonresponsive salvage', () => {
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
    ...ser([['2020-05-20', 1.1], ['2020-06-20', 0.95], ['2020-07-20', 0.9], ['2020-08-20', 0.9]]),
  ], asOf);
  it('S24v.response SD (1.0 → 0.9)', () => expect(resp(p)).toBe('SD'));
  it('S24v.carfilzomib nonresponsive (SD 97 days in; nonResponseMinDaysOngoing 56)', () => expect(refr(p, 'carfilzomib')).toBe(true));
  it('S24v.refractory to last line', () => expect(p.flags.refractoryToLastLine).toBe(true));
  it('S24v.relapsed-and-refractory: MR before, nonresponsive on salvage (§1)', () => expect(p.flags.relapsedAndRefractory).toBe(true));
  it('S24v.CARTITUDE-4 inc-04: PD within 183 days of last line\'s last dose: NOT_MET (Kd has no PD)', () => expect(rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 183 }, p, asOf)).toBe('NOT_MET'));
});

// S21 course with a female patient (×0.85), and the M-protein sent in g/L.
describe('S21 variants', () => {
  const asOf = '2020-06-01';
  const hist = (sex: string, unit: 'g/dL' | 'g/L') => buildProfile([
    demographics('1950-06-01', sex, 70),
    diagnosis('2019-01-15', 'IgG', 'kappa'),
    med('bortezomib', '2019-01-20', '2019-07-20'), med('lenalidomide', '2019-01-20', '2020-05-25', { reasonStopped: 'progression' }), med('dexamethasone', '2019-01-20', '2020-05-25'),
    ...([['2019-01-15', 3.0], ['2019-02-20', 2.0], ['2019-03-20', 1.4], ['2019-04-20', 1.2], ['2019-06-20', 1.2], ['2019-09-20', 1.2], ['2020-01-20', 1.3], ['2020-03-20', 1.6], ['2020-04-20', 1.8], ['2020-05-20', 2.0]] as Array<[string, number]>)
      .map(([d, v]) => lab(d, 'serum m-protein', unit === 'g/L' ? v * 10 : v, unit)),
    lab('2020-05-20', 'creatinine', 1.5, 'mg/dL'),
  ], asOf);
  it('S21v.female CrCl 39.1: ≥40 NOT_MET (§7 ×0.85)', () => expect(rule({ fact: 'creatinineClearance', op: '>=', value: 40 }, hist('female', 'g/dL'), asOf)).toBe('NOT_MET'));
  it('S21v.M-protein in g/L: same progression date 2020-04-20 (§8 units)', () => expect(progDates(hist('male', 'g/L'), true)).toEqual(['2020-04-20']));
  it('S21v.M-protein in g/L: serum measurable (20 g/L; §5 ≥10 g/L)', () => expect(hist('male', 'g/L').disease.measurable.serum).toBe(true));
});

// S19 course without PET-CT: marrow negative >1 year but sustained MRD negativity needs imaging (setting sustainedMrdNeedsImaging).
describe('S19 variants', () => {
  const asOf = '2022-01-01';
  const crDay = (d: string) => [S(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
  const hist = (withPet: boolean, extra: ReturnType<typeof response>[] = []) => buildProfile([
    diagnosis('2018-06-01', 'IgG', 'kappa'), S('2018-06-01', 2.2),
    med('D-VRd', '2018-06-10', '2018-11-30', { intent: 'induction' }), sct('2019-01-15'),
    med('daratumumab', '2019-06-01', null, { intent: 'maintenance' }), med('lenalidomide', '2019-06-01', null, { intent: 'maintenance' }),
    ...ser([['2018-07-10', 1.0], ['2018-08-10', 0.4]]),
    ...crDay('2019-03-01'), ...crDay('2019-05-01'), BM('2019-05-01', 2), mrd('2019-05-01', 'negative', 'NGS', 1e-5),
    ...crDay('2020-05-15'), mrd('2020-05-15', 'negative', 'NGS', 1e-5), ...crDay('2021-11-01'),
    ...(withPet ? [pet('2019-05-01', 'negative'), pet('2020-05-15', 'negative')] : []), ...extra,
  ], asOf);
  it('S19v.no PET: sustainedNegative false, marrow alone sustained', () => { const p = hist(false); expect([p.disease.mrd.sustainedNegative, p.disease.mrd.sustainedMarrowNegative]).toEqual([false, true]); });
  it('S19v.no PET: mrd sustained rule UNKNOWN', () => expect(rule({ fact: 'mrd', result: 'negative', sustained: true }, hist(false), asOf)).toBe('UNKNOWN'));
  it('S19v.with PET: mrd sustained rule MET', () => expect(rule({ fact: 'mrd', result: 'negative', sustained: true }, hist(true), asOf)).toBe('MET'));
});

// S20 course: IgA 0.4 g/dL, urine and FLC never measured → CANDOR's isotype-aware measurability is unknown, not failed.
describe('S20 variant: CANDOR measurability', () => {
  const asOf = '2020-06-01';
  const p: P = buildProfile([
    diagnosis('2017-03-01', 'IgA', 'lambda'), S('2017-03-01', 1.6),
    med('KRd', '2017-03-10', '2017-08-31'), med('lenalidomide', '2018-05-01', '2020-03-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...ser([['2017-05-10', 0.3], ['2017-06-10', 0.1], ['2018-06-10', 0.1], ['2020-02-01', 0.6], ['2020-03-01', 0.7]]),
    med('DPd', '2020-03-15', null), ...ser([['2020-04-15', 0.5], ['2020-05-15', 0.4]]),
  ], asOf);
  it('S20v.CANDOR inc-03 (IgA ≥0.5): UNKNOWN (urine, FLC unmeasured)', () => expect(rule({ fact: 'measurableDisease', serumMinGdL: 1, serumMinGdLByIsotype: { IgA: 0.5, IgD: 0.5, IgE: 0.5 }, urineMinMg24h: 200, involvedFlcMinMgDl: 10, maxAgeDays: 21 }, p, asOf)).toBe('UNKNOWN'));
  it('S20v.serum 0.5 IgA meets 0.5 the month before (as of 2020-04-20)', () => expect(rule({ fact: 'measurableDisease', serumMinGdL: 1, serumMinGdLByIsotype: { IgA: 0.5 }, urineMinMg24h: 200, involvedFlcMinMgDl: 10 }, buildProfile([
    diagnosis('2017-03-01', 'IgA', 'lambda'), med('DPd', '2020-03-15', null), S('2020-04-15', 0.5)], '2020-04-20'), '2020-04-20')).toBe('MET'));
});

// S09 course with FLC sent in mg/dL (§8 always normalize FLC units).
describe('S09 variant: FLC in mg/dL', () => {
  const p: P = buildProfile([
    diagnosis('2019-03-01', 'none', 'kappa'),
    med('lenalidomide', '2019-12-01', '2021-09-05', { intent: 'maintenance' }),
    S('2021-09-01', 0), U('2021-09-01', 100),
    lab('2021-09-01', 'free kappa', 20, 'mg/dL'), lab('2021-09-01', 'free lambda', 1, 'mg/dL'),
  ], '2021-09-05');
  it('S09v.involved κ 20 mg/dL (200 mg/L), ratio 20: FLC-only measurable', () => expect(p.disease.measurable.flcOnly).toBe(true));
  it('S09v.measurableByFlcOnly rule MET', () => expect(rule({ fact: 'measurableByFlcOnly' }, p, '2021-09-05')).toBe('MET'));
});
