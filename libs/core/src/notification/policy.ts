import type { TrialVerdict } from '../eligibility/trial';

export type NotificationKind = 'NEW_ELIGIBLE' | 'NEW_POTENTIAL' | 'ELIGIBLE_FROM_SCHEDULED' | 'NO_LONGER_ELIGIBLE';

const ACTIONABLE: ReadonlySet<TrialVerdict> = new Set(['ELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'ELIGIBLE_FROM']);

/**
 * Which notification, if any, a change of verdict for one (patient, trial) deserves.
 * `previous` is null for the first result seen.
 */
export function notificationFor(previous: TrialVerdict | null, current: TrialVerdict): NotificationKind | null {
  if (previous === current) return null;
  switch (current) {
    case 'ELIGIBLE':
      return 'NEW_ELIGIBLE';
    case 'POTENTIALLY_ELIGIBLE':
      return previous === 'ELIGIBLE' ? null : 'NEW_POTENTIAL';
    case 'ELIGIBLE_FROM':
      return 'ELIGIBLE_FROM_SCHEDULED';
    case 'INELIGIBLE':
      return previous !== null && ACTIONABLE.has(previous) ? 'NO_LONGER_ELIGIBLE' : null;
  }
}
