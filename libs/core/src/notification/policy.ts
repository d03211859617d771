import type { TrialVerdict } from '../eligibility/trial';

/**
 * What a coordinator hears about a (patient, trial, cohort):
 * - NEW_ELIGIBLE: eligible now, and was not (first result, or from potential or ineligible);
 * - NEW_POTENTIAL: could be eligible once the data named in `toCollect` is there (from nothing or ineligible);
 * - ELIGIBLE_FROM: will be eligible on `eligibleFrom` if nothing else changes (a washout, a waiting period), or in
 *   the month `eligibleFromMonth` when that day is a birthday (the matcher publishes no birthday: libs/core
 *   privacy/disclosure); a changed date or month (later or earlier) is news again;
 * - ELIGIBLE_NOW: the date of an ELIGIBLE_FROM arrived (the verdict went from ELIGIBLE_FROM to ELIGIBLE);
 * - NO_LONGER_ELIGIBLE: was eligible, potentially eligible or eligible-from, now is not (the failing criteria
 *   or the withdrawal as the reason); one held back by the quiet period goes out at once if the trial or cohort
 *   stops screening meanwhile, with the withdrawal added to its reasons.
 * A downgrade from eligible to potentially eligible (a lab aged out of its window) is not a notification:
 * the result says what to collect, and nothing new happened to the patient.
 */
export type NotificationKind = 'NEW_ELIGIBLE' | 'NEW_POTENTIAL' | 'ELIGIBLE_FROM' | 'ELIGIBLE_NOW' | 'NO_LONGER_ELIGIBLE';

/** What the policy needs of a match result. */
export interface ResultSummary {
  verdict: TrialVerdict;
  eligibleFrom?: string | null;
  /** Instead of `eligibleFrom` when that day is a birthday: its month (YYYY-MM). */
  eligibleFromMonth?: string | null;
  failing?: readonly string[];
  missing?: readonly string[];
  /** Set when the trial or cohort stopped screening. */
  withdrawn?: string | null;
  /** The result's id, kept with a notification held back (the result its reasons come from). */
  resultId?: string;
}

/** A notification as the policy decided it: the kind, and the state it announces (compared to tell repeats). */
export interface NotifiedState {
  kind: NotificationKind;
  eligibleFrom: string | null;
  /** The month announced instead of a day (a birthday's); absent in memories kept before it existed. */
  eligibleFromMonth?: string | null;
  /** When it was sent (ISO date-time). */
  at: string;
}

export interface Notification {
  kind: NotificationKind;
  /** The verdict of the result it announces. */
  verdict: TrialVerdict;
  eligibleFrom?: string;
  eligibleFromMonth?: string;
  toCollect?: string[];
  reasons?: string[];
  /** The verdict before the change it announces, when that is not the last verdict seen (a notification held back). */
  previousVerdict?: TrialVerdict | null;
}

/** What the notifier keeps per (patient, trial, cohort) between results. */
export interface NotificationMemory {
  /** The verdict of the last result seen (null before the first, and after a withdrawal). */
  verdict: TrialVerdict | null;
  /** The last notification sent. */
  last: NotifiedState | null;
  /**
   * A NO_LONGER_ELIGIBLE held back by the quiet period, sent at `dueAt` if the verdict is still the same then; its
   * reasons and `resultId` are the latest result's, its `previousVerdict` the verdict before the first hold.
   */
  pending: { notification: Notification; dueAt: string; resultId?: string } | null;
}

export interface NotificationPolicySettings {
  /**
   * Flapping guard: a NO_LONGER_ELIGIBLE (other than a withdrawal) is held back this many hours and dropped if
   * the patient is back to what was last announced before then (eligible → ineligible → eligible gives one
   * notification, not three). Good news goes out at once. 0: nothing is held back.
   */
  quietPeriodHours: number;
}

export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicySettings = { quietPeriodHours: 1 };

export interface NotificationDecision {
  /** The notification to send now, or null. */
  notify: Notification | null;
  /** Why nothing is sent now although the verdict changed. */
  held?: 'repeat' | 'quiet-period';
  /** The memory to keep (whatever was decided). */
  memory: NotificationMemory;
}

const ACTIONABLE: ReadonlySet<TrialVerdict> = new Set(['ELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'ELIGIBLE_FROM']);

/** The kind a change of verdict deserves, before the repeat guard and the quiet period. */
function kindOf(previous: TrialVerdict | null, current: ResultSummary): NotificationKind | null {
  if (current.withdrawn) return previous !== null && ACTIONABLE.has(previous) ? 'NO_LONGER_ELIGIBLE' : null;
  switch (current.verdict) {
    case 'ELIGIBLE':
      if (previous === 'ELIGIBLE') return null;
      return previous === 'ELIGIBLE_FROM' ? 'ELIGIBLE_NOW' : 'NEW_ELIGIBLE';
    case 'POTENTIALLY_ELIGIBLE':
      return previous === null || previous === 'INELIGIBLE' ? 'NEW_POTENTIAL' : null;
    case 'ELIGIBLE_FROM':
      return 'ELIGIBLE_FROM'; // the same date again is caught by the repeat guard; a new date is news
    case 'INELIGIBLE':
      return previous !== null && ACTIONABLE.has(previous) ? 'NO_LONGER_ELIGIBLE' : null;
  }
}

/** The verdict a notification announced (ELIGIBLE_NOW and NEW_ELIGIBLE: eligible; NO_LONGER_ELIGIBLE: ineligible). */
const ANNOUNCED_VERDICT: Record<NotificationKind, TrialVerdict> = {
  NEW_ELIGIBLE: 'ELIGIBLE',
  ELIGIBLE_NOW: 'ELIGIBLE',
  NEW_POTENTIAL: 'POTENTIALLY_ELIGIBLE',
  ELIGIBLE_FROM: 'ELIGIBLE_FROM',
  NO_LONGER_ELIGIBLE: 'INELIGIBLE',
};
const announcedVerdict = (last: NotifiedState): TrialVerdict => ANNOUNCED_VERDICT[last.kind];
/** ELIGIBLE_NOW announces the same standing as NEW_ELIGIBLE: for the repeat guard they are one. */
const standing = (kind: NotificationKind): NotificationKind => (kind === 'ELIGIBLE_NOW' ? 'NEW_ELIGIBLE' : kind);
const announced = (last: NotifiedState | null, n: Notification): boolean =>
  last !== null && standing(last.kind) === standing(n.kind) && (last.eligibleFrom ?? null) === (n.eligibleFrom ?? null) && (last.eligibleFromMonth ?? null) === (n.eligibleFromMonth ?? null);
const sent = (n: Notification, now: Date): NotifiedState => ({ kind: n.kind, eligibleFrom: n.eligibleFrom ?? null, ...(n.eligibleFromMonth ? { eligibleFromMonth: n.eligibleFromMonth } : {}), at: now.toISOString() });

/**
 * Decides the notification for a new result of one (patient, trial, cohort), from what was remembered of
 * the previous ones. Pure: `now` is passed in. A notification held back by the quiet period is in the
 * returned memory; `releaseDue` sends it when its time comes.
 */
export function decideNotification(memory: NotificationMemory | null, result: ResultSummary, now: Date, settings: NotificationPolicySettings = DEFAULT_NOTIFICATION_POLICY): NotificationDecision {
  const m: NotificationMemory = memory ?? { verdict: null, last: null, pending: null };
  const verdict = result.withdrawn ? null : result.verdict;
  // The trial or cohort stopped screening while a NO_LONGER_ELIGIBLE was held: it is final now, sent with the withdrawal.
  if (result.withdrawn && m.pending) {
    const held = m.pending.notification;
    const notification: Notification = { ...held, reasons: [...(held.reasons ?? []), result.withdrawn] };
    return { notify: notification, memory: { verdict, last: sent(notification, now), pending: null } };
  }
  // While bad news is held, a change is measured from what was last announced (eligible, then ineligible for a while,
  // then potentially eligible: the downgrade from eligible, which is no notification), not from the verdict held.
  const kind = kindOf(m.pending && m.last ? announcedVerdict(m.last) : m.verdict, result);
  if (!kind) {
    // Nothing new to announce; a held-back notification stays only while the verdict it announces holds, with the
    // latest result's failing criteria as its reasons.
    const keep = m.pending && m.pending.notification.verdict === result.verdict && !result.withdrawn;
    const pending = keep ? { ...m.pending!, notification: { ...m.pending!.notification, reasons: [...(result.failing ?? [])] }, ...(result.resultId ? { resultId: result.resultId } : {}) } : null;
    return { notify: null, memory: { ...m, verdict, pending } };
  }
  const reasons = kind === 'NO_LONGER_ELIGIBLE' ? (result.withdrawn ? [result.withdrawn] : [...(result.failing ?? [])]) : undefined;
  const notification: Notification = {
    kind,
    verdict: result.verdict,
    ...(kind === 'ELIGIBLE_FROM' && result.eligibleFrom ? { eligibleFrom: result.eligibleFrom } : {}),
    ...(kind === 'ELIGIBLE_FROM' && !result.eligibleFrom && result.eligibleFromMonth ? { eligibleFromMonth: result.eligibleFromMonth } : {}),
    ...(kind === 'NEW_POTENTIAL' ? { toCollect: [...new Set(result.missing ?? [])] } : {}),
    ...(reasons ? { reasons } : {}),
  };
  if (announced(m.last, notification)) return { notify: null, held: 'repeat', memory: { ...m, verdict, pending: null } };
  if (kind === 'NO_LONGER_ELIGIBLE' && !result.withdrawn && settings.quietPeriodHours > 0) {
    // Bad news waits to see whether it lasts (a lab in error, corrected the next hour); the first hold sets the time.
    const dueAt = m.pending?.notification.kind === 'NO_LONGER_ELIGIBLE' ? m.pending.dueAt : new Date(now.getTime() + settings.quietPeriodHours * 3_600_000).toISOString();
    const held: Notification = { ...notification, previousVerdict: m.pending?.notification.previousVerdict ?? m.verdict };
    return { notify: null, held: 'quiet-period', memory: { ...m, verdict, pending: { notification: held, dueAt, ...(result.resultId ? { resultId: result.resultId } : {}) } } };
  }
  return { notify: notification, memory: { verdict, last: sent(notification, now), pending: null } };
}

/** A held-back notification whose quiet period is over, to send now (and the memory after sending it), or null. */
export function releaseDue(memory: NotificationMemory, now: Date): { notify: Notification; memory: NotificationMemory } | null {
  if (!memory.pending || Date.parse(memory.pending.dueAt) > now.getTime()) return null;
  return { notify: memory.pending.notification, memory: { ...memory, last: sent(memory.pending.notification, now), pending: null } };
}
