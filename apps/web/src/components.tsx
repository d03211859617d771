import type { ReactNode } from 'react';
import type { ApiError } from './api';
import type { Verdict } from './types';

const VERDICT_LABEL: Record<Verdict, string> = { ELIGIBLE: 'Eligible', ELIGIBLE_FROM: 'Eligible from', POTENTIALLY_ELIGIBLE: 'Potentially eligible', INELIGIBLE: 'Not eligible' };

export function VerdictBadge({ verdict, eligibleFrom }: { verdict: Verdict | null; eligibleFrom?: string | null }): ReactNode {
  if (!verdict) return <span className="badge">no results</span>;
  return (
    <span className={`badge verdict-${verdict.toLowerCase()}`}>
      {VERDICT_LABEL[verdict]}
      {verdict === 'ELIGIBLE_FROM' && eligibleFrom ? ` ${eligibleFrom}` : ''}
    </span>
  );
}

export function Problem({ error }: { error: ApiError | null }): ReactNode {
  if (!error) return null;
  return (
    <div role="alert" className="problem">
      <strong>{error.status === 404 ? 'Not found' : error.status === 403 ? 'Not allowed' : 'Something went wrong'}:</strong> {error.message}
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              <code>{e.pointer || '(document)'}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ when }: { when: boolean }): ReactNode {
  return when ? <p aria-live="polite">Loading…</p> : null;
}

export const OUTCOME_LABEL = { MET: 'met', NOT_MET: 'not met', UNKNOWN: 'unknown' } as const;
