import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api';
import { OUTCOME_LABEL, VerdictBadge } from '../components';
import type { MatchResult, TrialDocument } from '../types';

/** Verbatim criterion texts of the trials shown, fetched once per trial. */
export function useCriterionTexts(trialIds: string[]): Map<string, string> {
  const [texts, setTexts] = useState(new Map<string, string>());
  const key = [...new Set(trialIds)].sort().join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(key.split(',').filter(Boolean).map((id) => api<TrialDocument>('GET', `/v1/trials/${encodeURIComponent(id)}`).catch(() => null))).then((docs) => {
      if (!live) return;
      const m = new Map<string, string>();
      for (const d of docs) {
        if (!d) continue;
        for (const c of [...d.criteria, ...(d.cohorts ?? []).flatMap((co) => co.criteria)]) m.set(`${d.trialId}/${c.id}`, c.text);
        m.set(d.trialId, d.title);
      }
      setTexts(m);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return texts;
}

/** One result: verdict, and every criterion (met / not met / unknown) with its verbatim text, the values compared and what to collect. */
export function ResultDetails({ result, texts, summary }: { result: MatchResult; texts: Map<string, string>; summary?: ReactNode }): ReactNode {
  const title = texts.get(result.trialId);
  return (
    <details className={`result verdict-${result.verdict.toLowerCase()}`}>
      <summary>
        {summary ?? (
          <>
            <strong>{result.trialId}</strong>
            {result.cohortId ? ` · cohort ${result.cohortId}` : ''} {title ? <span className="title">{title}</span> : null}
          </>
        )}{' '}
        <VerdictBadge verdict={result.verdict} eligibleFrom={result.eligibleFrom} />
        {result.verdict === 'ELIGIBLE_FROM' && result.eligibleFrom ? <span className="note"> (eligible on {result.eligibleFrom} if nothing changes)</span> : null}
      </summary>
      {result.withdrawn ? <p>Withdrawn: {result.withdrawn}</p> : null}
      {result.missing && result.missing.length > 0 ? (
        <p className="collect">
          <strong>To collect:</strong> {result.missing.join('; ')}
        </p>
      ) : null}
      <table className="criteria">
        <caption className="visually-hidden">Criteria of {result.trialId}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Outcome</th>
            <th scope="col">Protocol text</th>
            <th scope="col">Values compared</th>
            <th scope="col">Missing</th>
          </tr>
        </thead>
        <tbody>
          {result.criteria.map((c) => (
            <tr key={c.criterionId} className={`outcome-${c.outcome.toLowerCase()}`}>
              <td>
                <code>{c.criterionId}</code> <span className="kind">{c.kind}</span>
              </td>
              <td>{OUTCOME_LABEL[c.outcome]}</td>
              <td>{texts.get(`${result.trialId}/${c.criterionId}`) ?? '—'}</td>
              <td>{c.explanation}</td>
              <td>{c.missing?.join('; ') ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
