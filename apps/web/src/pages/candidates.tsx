import { useState, type ReactNode } from 'react';
import { Loading, Problem } from '../components';
import { href, useResource } from '../hooks';
import type { MatchResult, TrialSummary } from '../types';
import { ResultDetails, useCriterionTexts } from './trial-results';

const VERDICTS = ['ELIGIBLE', 'ELIGIBLE_FROM', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE'];

/** Ranked candidates of one trial for the coordinator's sites, filterable by verdict, site and missing data. */
export function CandidatesPage({ trialId }: { trialId: string | null }): ReactNode {
  const trials = useResource<TrialSummary[]>('/v1/trials');
  const [verdicts, setVerdicts] = useState(['ELIGIBLE', 'ELIGIBLE_FROM', 'POTENTIALLY_ELIGIBLE']);
  const [site, setSite] = useState('');
  const [missingOnly, setMissingOnly] = useState(false);
  const query = new URLSearchParams({ verdict: verdicts.join(','), ...(site.trim() ? { site: site.trim() } : {}) });
  const candidates = useResource<{ candidates: MatchResult[] }>(trialId && verdicts.length > 0 ? `/v1/trials/${encodeURIComponent(trialId)}/candidates?${query}` : null);
  const texts = useCriterionTexts(trialId ? [trialId] : []);
  const rows = (candidates.data?.candidates ?? []).filter((c) => !missingOnly || (c.missing ?? []).length > 0);
  return (
    <section aria-labelledby="candidates-title">
      <h1 id="candidates-title">Candidates</h1>
      <div className="filters">
        <label>
          Trial
          <select value={trialId ?? ''} onChange={(e) => (window.location.hash = href('candidates', e.target.value))}>
            <option value="">choose a trial…</option>
            {(trials.data ?? []).map((t) => (
              <option key={t.trialId} value={t.trialId}>
                {t.trialId} {t.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Verdict</legend>
          {VERDICTS.map((v) => (
            <label key={v} className="inline">
              <input type="checkbox" checked={verdicts.includes(v)} onChange={(e) => setVerdicts(e.target.checked ? [...verdicts, v] : verdicts.filter((x) => x !== v))} /> {v.toLowerCase().replace(/_/g, ' ')}
            </label>
          ))}
        </fieldset>
        <label>
          Site
          <input value={site} onChange={(e) => setSite(e.target.value)} placeholder="all of yours" />
        </label>
        <label className="inline">
          <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} /> only with missing data
        </label>
      </div>
      <Problem error={candidates.error ?? trials.error} />
      <Loading when={candidates.loading && !candidates.data} />
      {trialId && candidates.data && <p>{rows.length} candidate result(s)</p>}
      {rows.map((r) => (
        <ResultDetails
          key={`${r.patientPseudonym}/${r.cohortId ?? ''}`}
          result={r}
          texts={texts}
          summary={
            <>
              <a href={href('patients', r.patientPseudonym)}>{r.patientPseudonym}</a>
              {r.cohortId ? ` · cohort ${r.cohortId}` : ''} {r.site ? <span className="note">({r.site})</span> : null}
              {(r.failing ?? []).length > 0 ? <span className="note"> failing: {r.failing!.join(', ')}</span> : null}
              {(r.unknown ?? []).length > 0 ? <span className="note"> unknown: {r.unknown!.join(', ')}</span> : null}
            </>
          }
        />
      ))}
    </section>
  );
}
