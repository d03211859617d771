/** story32 — further courses and variants (written before reading the implementation). */
import { P, S, ser, resps, med, sct, diagnosis, buildProfile, rule, resp, refr, ecog, apheresis } from './story32-helpers';

// S26 — VRd with stable disease for 4 months, no progression: nonresponsive, never MR → primary refractory (§1 "includes no change without PD").
describe('S26 primary refractory without PD', () => {
  const asOf = '2023-06-01';
  const p: P = buildProfile([
    diagnosis('2023-01-01', 'IgG', 'kappa'), S('2023-01-01', 3.0),
    med('VRd', '2023-01-10', null),
    ...ser([['2023-02-10', 2.9], ['2023-03-10', 2.8], ['2023-04-10', 2.8], ['2023-05-10', 2.7]]),
  ], asOf);
  it('S26.response SD', () => expect(resp(p)).toBe('SD'));
  it('S26.bortezomib nonresponsive (SD ≥56 days on it)', () => expect(refr(p, 'bortezomib')).toBe(true));
  it('S26.primary refractory (never MR; no change without PD; §1)', () => expect(p.flags.primaryRefractory).toBe(true));
  it('S26.flag rule primaryRefractory MET', () => expect(rule({ fact: 'flag', name: 'primaryRefractory' }, p, asOf)).toBe('MET'));
});

// S27 — Rd completed, relapse; Kd begun 79 days later; PD documented on Kd day 14 (prompted it) vs day 15 (on it).
describe('S27 early-progression boundary', () => {
  const asOf = '2020-08-01';
  const hist = (pd: string) => buildProfile([
    diagnosis('2018-01-01', 'IgG', 'kappa'),
    med('Rd', '2018-01-10', '2019-12-31', { reasonStopped: 'completed' }),
    ...resps([['2018-04-10', 'PR'], ['2018-07-10', 'PR'], ['2019-06-10', 'PR'], [pd, 'PD']]),
    med('Kd', '2020-03-20', null),
    ...resps([['2020-06-01', 'PR'], ['2020-07-01', 'PR']]),
  ], asOf);
  it('S27.PD on day 14 of Kd prompted it: carfilzomib not refractory (earlyProgressionDays 14)', () => expect(refr(hist('2020-04-03'), 'carfilzomib')).toBe(false));
  it('S27.PD on day 14: relapsed (93 days after Rd)', () => expect(hist('2020-04-03').flags.relapsed).toBe(true));
  it('S27.PD on day 15 of Kd is on it: carfilzomib refractory (§1 PD on therapy)', () => expect(refr(hist('2020-04-04'), 'carfilzomib')).toBe(true));
  it('S27.lenalidomide not refractory either way', () => expect([refr(hist('2020-04-03'), 'lenalidomide'), refr(hist('2020-04-04'), 'lenalidomide')]).toEqual([false, false]));
});

// S28 — VRd, stem cells mobilized (cyclophosphamide, no intent) and stored, R maintenance, PD on R, then ASCT at relapse (salvage: a new line).
describe('S28 deferred ASCT at relapse', () => {
  const asOf = '2018-12-01';
  const p: P = buildProfile([
    diagnosis('2015-01-01', 'IgG', 'kappa'),
    med('VRd', '2015-01-10', '2015-06-30', { intent: 'induction' }),
    med('cyclophosphamide', '2015-07-20', '2015-07-21'), med('filgrastim', '2015-07-23', '2015-08-01'), apheresis('2015-08-01'),
    med('lenalidomide', '2015-09-01', '2018-06-01', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...resps([['2015-06-01', 'VGPR'], ['2016-06-01', 'VGPR'], ['2017-06-01', 'VGPR'], ['2018-05-20', 'PD']]),
    med('melphalan', '2018-07-13', '2018-07-13', { intent: 'conditioning' }), sct('2018-07-15'),
    ...resps([['2018-10-15', 'VGPR'], ['2018-11-15', 'VGPR']]),
  ], asOf);
  it('S28.lines: 2 (mobilization no line; an ASCT after PD is salvage; §3 step 4, docs)', () => expect(p.linesOfTherapy.count).toBe(2));
  it('S28.cyclophosphamide (mobilization) never refractory', () => expect(refr(p, 'cyclophosphamide')).toBe(false));
  it('S28.len refractory; refractory to last line false', () => expect([refr(p, 'lenalidomide'), p.flags.refractoryToLastLine]).toEqual([true, false]));
  it('S28.priorTransplant MET', () => expect(rule({ fact: 'priorTransplant', kind: 'autologous' }, p, asOf)).toBe('MET'));
});

// S29 — outside-summary history with no assessments, then stale labs and ECOG.
describe('S29 missing and stale data', () => {
  const asOf = '2020-03-15';
  const p: P = buildProfile([
    diagnosis('2019-01-01', 'IgG', 'kappa'),
    med('VRd', '2019-01-01', '2019-06-01'),
    S('2020-01-01', 1.5), ecog('2020-01-05', 1),
  ], asOf);
  it('S29.double-refractory flag UNKNOWN (exposed, no response or progression on record)', () => expect(rule({ fact: 'flag', name: 'doubleRefractory' }, p, asOf)).toBe('UNKNOWN'));
  it('S29.TCE NOT_MET (no anti-CD38)', () => expect(rule({ fact: 'flag', name: 'tripleClassExposed' }, p, asOf)).toBe('NOT_MET'));
  it('S29.measurable disease: UNKNOWN (serum 74 days old; currentLabMaxAgeDays 60)', () => expect(rule({ fact: 'measurableDisease' }, p, asOf)).toBe('UNKNOWN'));
  it('S29.ECOG ≤1: UNKNOWN (70 days old)', () => expect(rule({ fact: 'ecog', max: 1 }, p, asOf)).toBe('UNKNOWN'));
});
