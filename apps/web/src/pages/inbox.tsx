import { type ReactNode } from 'react';
import { Loading, Problem, VerdictBadge } from '../components';
import { href, useResource } from '../hooks';
import type { Notification } from '../types';
import { ScreeningPanel } from './screening';

const KIND: Record<string, string> = {
  NEW_ELIGIBLE: 'New eligible',
  NEW_POTENTIAL: 'New potentially eligible',
  ELIGIBLE_FROM: 'Eligible from a date',
  ELIGIBLE_NOW: 'Eligible now',
  NO_LONGER_ELIGIBLE: 'No longer eligible',
};

/** Notifications for the coordinator's sites, newest first; each opens its screening (acknowledge = move to reviewing). */
export function InboxPage(): ReactNode {
  const { data, error, loading } = useResource<Notification[]>('/v1/notifications');
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      <Problem error={error} />
      <Loading when={loading && !data} />
      {data?.length === 0 && <p>No notifications.</p>}
      <ul className="inbox">
        {(data ?? []).map((n) => (
          <li key={n.notificationId}>
            <details>
              <summary>
                <strong>{KIND[n.kind] ?? n.kind}</strong>: <a href={href('patients', n.patientPseudonym)}>{n.patientPseudonym}</a> · {n.trialId}
                {n.cohortId ? ` cohort ${n.cohortId}` : ''} <VerdictBadge verdict={n.verdict} eligibleFrom={n.eligibleFrom ?? n.eligibleFromMonth} /> <span className="note">{new Date(n.createdAt).toLocaleString()}</span>
              </summary>
              {n.toCollect && n.toCollect.length > 0 && <p>To collect: {n.toCollect.join('; ')}</p>}
              {n.reasons && n.reasons.length > 0 && <p>Why: {n.reasons.join('; ')}</p>}
              <ScreeningPanel pseudonym={n.patientPseudonym} trialId={n.trialId} cohortId={n.cohortId} criterionIds={n.reasons ?? []} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
