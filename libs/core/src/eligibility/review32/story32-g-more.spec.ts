/** story32 — last probes: written day vs instant, allo-SCT, drug re-added after PD, restart after PD inside a hold. */
import { P, S, ser, resps, med, sct, diagnosis, buildProfile, starts, progDates, refr, event } from './story32-helpers';

// S01 course: the confirming M-protein drawn late evening (−05:00) of DKd's first day, i.e. the next day in UTC.
describe('S01 variant: written day of the confirming sample', () => {
  const p: P = buildProfile([
    diagnosis('2018-03-01', 'IgG', 'kappa'), S('2018-03-01', 3.2),
    med('VRd', '2018-03-10', '2018-07-20', { intent: 'induction' }), sct('2018-09-03'),
    med('lenalidomide', '2018-11-15', '2022-02-10', { intent: 'maintenance' }),
    ...ser([['2018-06-10', 0.4], ['2019-01-20', 0.1], ['2019-06-20', 0.1], ['2021-09-01', 0.1], ['2022-01-05', 0.8]]),
    S('2022-02-15T23:30:00-05:00', 1.1),
    med('DKd', '2022-02-15', null),
    ...ser([['2022-03-15', 0.9], ['2022-04-15', 0.6]]),
  ], '2022-05-01');
  it('S01v.PD 2022-01-05 confirmed by the sample of DKd\'s first (written) day (docs: records ordered by written day; a line\'s first-day sample confirms)', () => expect(progDates(p, true)).toEqual(['2022-01-05']));
  it('S01v.len refractory', () => expect(refr(p, 'lenalidomide')).toBe(true));
});

// S30 — VRd-ASCT, PD off therapy, KRd salvage, then allogeneic SCT (not planned): a new line (§3 algorithm step 3).
describe('S30 allo-SCT', () => {
  const p: P = buildProfile([
    diagnosis('2015-01-01', 'IgA', 'kappa'),
    med('VRd', '2015-01-10', '2015-05-30', { intent: 'induction' }), sct('2015-07-15'),
    ...resps([['2015-05-01', 'VGPR'], ['2015-10-01', 'VGPR'], ['2018-01-10', 'PD']]),
    med('KRd', '2018-02-01', '2019-04-30', { reasonStopped: 'completed' }),
    ...resps([['2018-05-01', 'VGPR'], ['2019-03-01', 'VGPR']]),
    event('procedure', '2019-06-20', { kind: 'allogeneic-sct' }),
    ...resps([['2019-10-01', 'CR'], ['2020-01-01', 'CR']]),
  ], '2020-03-01');
  it('S30.lines: 3, the allo-SCT its own (§3 step 3)', () => expect([p.linesOfTherapy.count, p.linesOfTherapy.lines[2]?.openedBy]).toEqual([3, 'allogeneic-sct']));
  it('S30.prior allo-SCT flag', () => expect(p.flags.priorAllogeneicSct).toBe(true));
});

// S31 — VRd, bortezomib dropped after 4 cycles (Rd goes on), PD on Rd, bortezomib given again with Rd: addition for PD → new line.
describe('S31 dropped drug re-added after PD', () => {
  const p: P = buildProfile([
    diagnosis('2019-01-01', 'IgG', 'kappa'), S('2019-01-01', 2.0),
    med('bortezomib', '2019-01-10', '2019-04-20'), med('lenalidomide', '2019-01-10', null), med('dexamethasone', '2019-01-10', null),
    ...ser([['2019-02-10', 1.2], ['2019-03-10', 0.8], ['2019-05-10', 0.6], ['2019-08-10', 0.6], ['2020-01-10', 1.2], ['2020-02-10', 1.4]]),
    med('bortezomib', '2020-02-20', null),
    ...ser([['2020-03-20', 1.0], ['2020-04-20', 0.8]]),
  ], '2020-05-01');
  it('S31.PD 2020-01-10 (nadir 0.6 → 1.2)', () => expect(progDates(p, true)).toEqual(['2020-01-10']));
  it('S31.lines: 2 (bortezomib re-added for PD: unplanned addition; §3 rule 2)', () => expect(starts(p)).toEqual(['2019-01-10', '2020-02-20']));
  it('S31.len refractory, bortezomib not (last dose 9 months before PD)', () => expect([refr(p, 'lenalidomide'), refr(p, 'bortezomib')]).toEqual([true, false]));
});

// S32 — R maintenance paused 30 days for surgery; PD confirmed during the pause; R restarted: re-treatment after PD is a new line.
describe('S32 PD during a hold', () => {
  const p: P = buildProfile([
    diagnosis('2017-01-01', 'IgG', 'kappa'), S('2017-01-01', 2.4),
    med('VRd', '2017-01-10', '2017-05-30', { intent: 'induction' }), sct('2017-07-10'),
    med('lenalidomide', '2017-09-01', '2020-03-01', { intent: 'maintenance', reasonStopped: 'other' }),
    ...ser([['2017-05-10', 0.3], ['2017-10-10', 0.2], ['2018-10-10', 0.2], ['2020-02-01', 0.3], ['2020-03-10', 0.8], ['2020-03-24', 1.0]]),
    med('lenalidomide', '2020-03-31', null, { intent: 'maintenance' }),
    ...ser([['2020-05-01', 1.2], ['2020-06-01', 1.4]]),
  ], '2020-07-01');
  it('S32.PD 2020-03-10 (nadir 0.2 → 0.8), 9 days after the last dose', () => expect(progDates(p, true)[0]).toBe('2020-03-10'));
  it('S32.len refractory (PD within 60 days)', () => expect(refr(p, 'lenalidomide')).toBe(true));
  it('S32.lines: 2 (same agent restarted after PD: re-treatment, not a hold; clinical-core treatmentHoldMaxDays)', () => expect(p.linesOfTherapy.count).toBe(2));
});
