import type { TrialVerdict } from '../eligibility/trial';
import { decideNotification, releaseDue, type NotificationMemory, type ResultSummary } from './policy';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000);
const r = (verdict: TrialVerdict, extra: Partial<ResultSummary> = {}): ResultSummary => ({ verdict, ...extra });

/** Feeds results one after the other (each `hours` after the start) and returns the kinds notified, with held-back ones released by a sweep at each step. */
function run(steps: Array<[number, ResultSummary]>, quietPeriodHours = 0): Array<string | null> {
  let memory: NotificationMemory | null = null;
  return steps.map(([hours, result]) => {
    const released = memory ? releaseDue(memory, at(hours)) : null;
    if (released) memory = released.memory;
    const d = decideNotification(memory, result, at(hours), { quietPeriodHours });
    memory = d.memory;
    return [released?.notify.kind, d.notify?.kind].filter(Boolean).join('+') || null;
  });
}

describe('decideNotification', () => {
  it.each([
    [null, 'ELIGIBLE', 'NEW_ELIGIBLE'],
    [null, 'POTENTIALLY_ELIGIBLE', 'NEW_POTENTIAL'],
    [null, 'ELIGIBLE_FROM', 'ELIGIBLE_FROM'],
    [null, 'INELIGIBLE', null],
    ['POTENTIALLY_ELIGIBLE', 'ELIGIBLE', 'NEW_ELIGIBLE'],
    ['INELIGIBLE', 'ELIGIBLE', 'NEW_ELIGIBLE'],
    ['ELIGIBLE_FROM', 'ELIGIBLE', 'ELIGIBLE_NOW'],
    ['INELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'NEW_POTENTIAL'],
    ['ELIGIBLE', 'POTENTIALLY_ELIGIBLE', null],
    ['ELIGIBLE_FROM', 'POTENTIALLY_ELIGIBLE', null],
    ['ELIGIBLE', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['POTENTIALLY_ELIGIBLE', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['ELIGIBLE_FROM', 'INELIGIBLE', 'NO_LONGER_ELIGIBLE'],
    ['INELIGIBLE', 'INELIGIBLE', null],
  ] as const)('%s → %s notifies %s', (previous, current, expected) => {
    const memory: NotificationMemory | null = previous ? { verdict: previous, last: null, pending: null } : null;
    expect(decideNotification(memory, r(current), at(0), { quietPeriodHours: 0 }).notify?.kind ?? null).toBe(expected);
  });

  it('carries what to collect, the date, and the reasons', () => {
    expect(decideNotification(null, r('POTENTIALLY_ELIGIBLE', { missing: ['hemoglobin within 14 days', 'hemoglobin within 14 days', 'ECOG'] }), at(0)).notify).toEqual({
      kind: 'NEW_POTENTIAL',
      verdict: 'POTENTIALLY_ELIGIBLE',
      toCollect: ['hemoglobin within 14 days', 'ECOG'],
    });
    expect(decideNotification(null, r('ELIGIBLE_FROM', { eligibleFrom: '2026-03-20' }), at(0)).notify).toEqual({ kind: 'ELIGIBLE_FROM', verdict: 'ELIGIBLE_FROM', eligibleFrom: '2026-03-20' });
    const eligible: NotificationMemory = { verdict: 'ELIGIBLE', last: { kind: 'NEW_ELIGIBLE', eligibleFrom: null, at: at(-100).toISOString() }, pending: null };
    expect(decideNotification(eligible, r('INELIGIBLE', { failing: ['exc-cns', 'inc-anc'] }), at(0), { quietPeriodHours: 0 }).notify).toEqual({ kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: ['exc-cns', 'inc-anc'] });
    expect(decideNotification(eligible, r('INELIGIBLE', { withdrawn: 'cohort B status SUSPENDED' }), at(0)).notify).toMatchObject({ kind: 'NO_LONGER_ELIGIBLE', reasons: ['cohort B status SUSPENDED'] });
  });

  it('does not announce the same standing twice (eligible → potential → eligible), but a new eligible-from date is news', () => {
    expect(run([
      [0, r('ELIGIBLE')],
      [1, r('POTENTIALLY_ELIGIBLE')],
      [2, r('ELIGIBLE')],
    ])).toEqual(['NEW_ELIGIBLE', null, null]);
    expect(run([
      [0, r('ELIGIBLE_FROM', { eligibleFrom: '2026-03-10' })],
      [1, r('ELIGIBLE_FROM', { eligibleFrom: '2026-03-10' })],
      [2, r('ELIGIBLE_FROM', { eligibleFrom: '2026-03-24' })],
      [3, r('ELIGIBLE')],
    ])).toEqual(['ELIGIBLE_FROM', null, 'ELIGIBLE_FROM', 'ELIGIBLE_NOW']);
  });

  it('announces a birthday’s eligible-from by its month: the same month again is no news, another month or a day is', () => {
    expect(decideNotification(null, r('ELIGIBLE_FROM', { eligibleFromMonth: '2031-07' }), at(0)).notify).toEqual({ kind: 'ELIGIBLE_FROM', verdict: 'ELIGIBLE_FROM', eligibleFromMonth: '2031-07' });
    expect(run([
      [0, r('ELIGIBLE_FROM', { eligibleFromMonth: '2031-07' })],
      [1, r('ELIGIBLE_FROM', { eligibleFromMonth: '2031-07' })],
      [2, r('ELIGIBLE_FROM', { eligibleFromMonth: '2031-08' })],
      [3, r('ELIGIBLE_FROM', { eligibleFrom: '2031-08-01' })],
      [4, r('ELIGIBLE_FROM', { eligibleFrom: '2031-08-01' })],
      [5, r('ELIGIBLE_FROM', { eligibleFromMonth: '2031-08' })],
    ])).toEqual(['ELIGIBLE_FROM', null, 'ELIGIBLE_FROM', 'ELIGIBLE_FROM', null, 'ELIGIBLE_FROM']);
    // A memory kept before months existed (no eligibleFromMonth) compares as none.
    const before: NotificationMemory = { verdict: 'ELIGIBLE_FROM', last: { kind: 'ELIGIBLE_FROM', eligibleFrom: '2031-08-01', at: at(-1).toISOString() }, pending: null };
    expect(decideNotification(before, r('ELIGIBLE_FROM', { eligibleFrom: '2031-08-01' }), at(0)).notify).toBeNull();
  });

  it('holds a NO_LONGER_ELIGIBLE back for the quiet period: a flap back is never announced, a lasting change is once the period is over; good news goes at once', () => {
    // Eligible, then ineligible and eligible again within the 24 h: one notification.
    expect(run([
      [0, r('ELIGIBLE')],
      [2, r('INELIGIBLE', { failing: ['inc-anc'] })],
      [5, r('ELIGIBLE')],
      [30, r('ELIGIBLE')],
    ], 24)).toEqual(['NEW_ELIGIBLE', null, null, null]);
    // Ineligible for good: announced when the 24 h from the change are over, at the next sweep, with the reasons of the change.
    let memory: NotificationMemory | null = null;
    for (const [hours, result] of [[0, r('ELIGIBLE')], [2, r('INELIGIBLE', { failing: ['inc-anc'] })], [23, r('INELIGIBLE', { failing: ['inc-anc', 'inc-plt'] })]] as const) {
      memory = decideNotification(memory, result, at(hours), { quietPeriodHours: 24 }).memory;
    }
    expect(memory!.pending?.dueAt).toBe(at(26).toISOString());
    expect(releaseDue(memory!, at(25))).toBeNull();
    // The reasons are the latest result's (what fails now), the previous verdict the one before the hold.
    expect(releaseDue(memory!, at(26))?.notify).toEqual({ kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: ['inc-anc', 'inc-plt'], previousVerdict: 'ELIGIBLE' });
    // Good news is never held: a burst of events (potential, then eligible a minute later) gives both at once.
    expect(run([
      [0, r('POTENTIALLY_ELIGIBLE')],
      [0.01, r('ELIGIBLE')],
    ], 24)).toEqual(['NEW_POTENTIAL', 'NEW_ELIGIBLE']);
    // A withdrawal is not a flap: announced at once.
    expect(run([
      [0, r('ELIGIBLE')],
      [1, r('INELIGIBLE', { withdrawn: 'trial status CLOSED' })],
    ], 24)).toEqual(['NEW_ELIGIBLE', 'NO_LONGER_ELIGIBLE']);
    // Without a quiet period every change is announced at once.
    expect(run([
      [0, r('ELIGIBLE')],
      [2, r('INELIGIBLE')],
      [5, r('ELIGIBLE')],
    ])).toEqual(['NEW_ELIGIBLE', 'NO_LONGER_ELIGIBLE', 'NEW_ELIGIBLE']);
  });

  it('drops a held-back NO_LONGER_ELIGIBLE when the verdict it announced no longer holds', () => {
    let d = decideNotification(null, r('ELIGIBLE'), at(0), { quietPeriodHours: 24 });
    d = decideNotification(d.memory, r('INELIGIBLE', { failing: ['inc-anc'] }), at(1), { quietPeriodHours: 24 });
    expect(d).toMatchObject({ notify: null, held: 'quiet-period', memory: { pending: { notification: { kind: 'NO_LONGER_ELIGIBLE' }, dueAt: at(25).toISOString() } } });
    // Potentially eligible within the period: measured from what was announced (eligible), a downgrade, no notification.
    const back = decideNotification(d.memory, r('POTENTIALLY_ELIGIBLE', { missing: ['ANC'] }), at(3), { quietPeriodHours: 24 });
    expect(back.notify).toBeNull();
    expect(back.memory.pending).toBeNull();
    expect(releaseDue(back.memory, at(30))).toBeNull();
    // Potential after ineligible without a hold (the period over and the news sent): new potential.
    const released = releaseDue(d.memory, at(25))!;
    expect(decideNotification(released.memory, r('POTENTIALLY_ELIGIBLE', { missing: ['ANC'] }), at(26), { quietPeriodHours: 24 }).notify).toMatchObject({ kind: 'NEW_POTENTIAL', toCollect: ['ANC'] });
  });

  it('sends a held-back NO_LONGER_ELIGIBLE at once when the trial stops screening during the period, with the withdrawal among its reasons', () => {
    let d = decideNotification(null, r('ELIGIBLE'), at(0), { quietPeriodHours: 1 });
    d = decideNotification(d.memory, r('INELIGIBLE', { failing: ['inc-anc'], resultId: 'r2' }), at(1), { quietPeriodHours: 1 });
    expect(d.memory.pending).toMatchObject({ resultId: 'r2', notification: { previousVerdict: 'ELIGIBLE' } });
    const closed = decideNotification(d.memory, r('INELIGIBLE', { withdrawn: 'trial closed' }), at(1.5), { quietPeriodHours: 1 });
    expect(closed.notify).toEqual({ kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: ['inc-anc', 'trial closed'], previousVerdict: 'ELIGIBLE' });
    expect(closed.memory).toMatchObject({ verdict: null, pending: null, last: { kind: 'NO_LONGER_ELIGIBLE' } });
    expect(releaseDue(closed.memory, at(3))).toBeNull();
    // Reopened and eligible again: announced again.
    expect(decideNotification(closed.memory, r('ELIGIBLE'), at(5), { quietPeriodHours: 1 }).notify).toMatchObject({ kind: 'NEW_ELIGIBLE' });
  });

  it('starts afresh after a withdrawal', () => {
    let d = decideNotification(null, r('ELIGIBLE'), at(0));
    d = decideNotification(d.memory, r('INELIGIBLE', { withdrawn: 'trial status CLOSED' }), at(100), { quietPeriodHours: 24 });
    expect(d.notify?.kind).toBe('NO_LONGER_ELIGIBLE');
    d = decideNotification(d.memory, r('ELIGIBLE'), at(200), { quietPeriodHours: 24 });
    expect(d.notify?.kind).toBe('NEW_ELIGIBLE');
  });
});
