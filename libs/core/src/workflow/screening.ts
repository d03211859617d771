/**
 * The coordinator's screening workflow for one (patient, trial, cohort):
 *   new → reviewing → contacted → enrolled | declined | screen-failed
 * with a way out at each step (a patient may decline or fail screening while still under review) and a
 * way back from contacted to reviewing (more data needed). enrolled, declined and screen-failed are
 * final; screen-failed names at least one criterion with a reason code.
 */
export type ScreeningStatus = 'new' | 'reviewing' | 'contacted' | 'enrolled' | 'declined' | 'screen-failed';

export const SCREENING_STATUSES: readonly ScreeningStatus[] = ['new', 'reviewing', 'contacted', 'enrolled', 'declined', 'screen-failed'];

const NEXT: Readonly<Record<ScreeningStatus, readonly ScreeningStatus[]>> = {
  new: ['reviewing', 'declined', 'screen-failed'],
  reviewing: ['contacted', 'declined', 'screen-failed'],
  contacted: ['reviewing', 'enrolled', 'declined', 'screen-failed'],
  enrolled: [],
  declined: [],
  'screen-failed': [],
};

/** Why a criterion failed at screening (what the coordinator found, not what the data said). */
export const SCREEN_FAIL_CODES = ['lab-out-of-range', 'clinical-exclusion', 'prior-therapy', 'performance-status', 'organ-function', 'consent', 'logistics', 'other'] as const;
export type ScreenFailCode = (typeof SCREEN_FAIL_CODES)[number];

export interface ScreenFailReason {
  criterionId: string;
  code: ScreenFailCode;
  note?: string;
}

export const allowedNext = (from: ScreeningStatus): readonly ScreeningStatus[] => NEXT[from];

export type TransitionProblem = { kind: 'illegal'; from: ScreeningStatus; to: string; allowed: readonly ScreeningStatus[] } | { kind: 'invalid'; pointer: string; message: string };

/** Whether `from → to` is allowed with these reasons: null when it is, else what is wrong. */
export function checkTransition(from: ScreeningStatus, to: string, reasons: unknown): TransitionProblem | null {
  if (!SCREENING_STATUSES.includes(to as ScreeningStatus)) return { kind: 'invalid', pointer: '/to', message: `must be one of ${SCREENING_STATUSES.join(', ')}` };
  if (!NEXT[from].includes(to as ScreeningStatus)) return { kind: 'illegal', from, to, allowed: NEXT[from] };
  if (to === 'screen-failed') {
    if (!Array.isArray(reasons) || reasons.length === 0) return { kind: 'invalid', pointer: '/reasons', message: 'screen-failed needs at least one { criterionId, code }' };
    for (const [i, r] of (reasons as unknown[]).entries()) {
      const o = (r ?? {}) as Record<string, unknown>;
      if (typeof o.criterionId !== 'string' || o.criterionId === '') return { kind: 'invalid', pointer: `/reasons/${i}/criterionId`, message: 'is required' };
      if (!SCREEN_FAIL_CODES.includes(o.code as ScreenFailCode)) return { kind: 'invalid', pointer: `/reasons/${i}/code`, message: `must be one of ${SCREEN_FAIL_CODES.join(', ')}` };
      if (o.note !== undefined && typeof o.note !== 'string') return { kind: 'invalid', pointer: `/reasons/${i}/note`, message: 'must be text' };
    }
  } else if (reasons !== undefined && !(Array.isArray(reasons) && reasons.length === 0)) {
    return { kind: 'invalid', pointer: '/reasons', message: 'only screen-failed takes reasons' };
  }
  return null;
}

/** Statuses not yet final: a match that stops holding flags the screening for the coordinator rather than closing it. */
export const OPEN_SCREENING_STATUSES: readonly ScreeningStatus[] = ['new', 'reviewing', 'contacted'];
