import { useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, type FieldError, type Session } from '../api';
import { Loading, Problem } from '../components';
import { href, useResource } from '../hooks';
import type { CohortCounts, TrialSummary } from '../types';

export function TrialsPage({ role }: { role: Session['user']['role'] }): ReactNode {
  const { data, error, loading } = useResource<TrialSummary[]>('/v1/trials');
  const canEdit = role === 'sponsor' || role === 'admin';
  return (
    <section aria-labelledby="trials-title">
      <h1 id="trials-title">Trials</h1>
      {canEdit && (
        <p>
          <a href={href('trials', 'new')}>New trial…</a>
        </p>
      )}
      <Problem error={error} />
      <Loading when={loading && !data} />
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Trial</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col">Cohorts</th>
              <th scope="col">Organisation</th>
            </tr>
          </thead>
          <tbody>
            {data.map((t) => (
              <tr key={t.trialId}>
                <td>{canEdit ? <a href={href('trials', t.trialId)}>{t.trialId}</a> : role === 'coordinator' ? <a href={href('candidates', t.trialId)}>{t.trialId}</a> : t.trialId}</td>
                <td>{t.title}</td>
                <td>{t.status}</td>
                <td>{t.version}</td>
                <td>{t.cohorts.map((c) => `${c.id} (${c.status})`).join(', ')}</td>
                <td>{t.organisation ?? t.sponsor ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Counts({ cohorts }: { cohorts: CohortCounts[] }): ReactNode {
  const verdicts = ['ELIGIBLE', 'ELIGIBLE_FROM', 'POTENTIALLY_ELIGIBLE', 'INELIGIBLE'];
  const show = (c: { count: number | null; suppressed: boolean }) => (c.suppressed ? <abbr title="fewer than the small-cell threshold: suppressed">suppressed</abbr> : c.count);
  return (
    <table>
      <caption>Aggregate counts (no patient-level data)</caption>
      <thead>
        <tr>
          <th scope="col">Cohort</th>
          {verdicts.map((v) => (
            <th key={v} scope="col">
              {v.toLowerCase().replace(/_/g, ' ')}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {cohorts.map((c) => (
          <tr key={c.cohortId ?? ''}>
            <th scope="row">{c.cohortId ?? 'whole trial'}</th>
            {verdicts.map((v) => (
              <td key={v}>{c.verdicts[v] ? show(c.verdicts[v]) : 0}</td>
            ))}
            <td>{show(c.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Rescreen {
  id: string;
  status: string;
  total: number;
  done: number;
  changed: number;
}

/** Edit a trial's criteria document with live validation, dry-run it against the population, publish a version and follow its re-screen. */
export function TrialEditorPage({ trialId }: { trialId: string | null }): ReactNode {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[] | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [dry, setDry] = useState<{ screened: number; cohorts: CohortCounts[] } | null>(null);
  const [published, setPublished] = useState<{ version: number; rescreen?: Rescreen } | null>(null);
  const [rescreen, setRescreen] = useState<Rescreen | null>(null);
  const counts = useResource<{ cohorts: CohortCounts[] }>(trialId ? `/v1/trials/${encodeURIComponent(trialId)}/candidate-counts` : null);

  useEffect(() => {
    if (!trialId) {
      setText(JSON.stringify({ trialId: 'NCT00000000', title: '', status: 'RECRUITING', criteria: [] }, null, 2));
      return;
    }
    api<Record<string, unknown>>('GET', `/v1/trials/${encodeURIComponent(trialId)}`).then(
      ({ version: _v, ...doc }) => setText(JSON.stringify(doc, null, 2)),
      (e: unknown) => setProblem(e instanceof ApiError ? e : new ApiError(0, String(e))),
    );
  }, [trialId]);

  // Live validation: the server's own checks (contract and criteria language), a moment after typing stops.
  useEffect(() => {
    if (!text) return;
    const t = setTimeout(() => {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        setErrors([{ pointer: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }]);
        return;
      }
      api<{ valid: boolean; errors: FieldError[] }>('POST', '/v1/trials/validate', doc).then(
        (r) => setErrors(r.errors),
        (e: unknown) => setProblem(e instanceof ApiError ? e : new ApiError(0, String(e))),
      );
    }, 400);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    if (!published?.rescreen) return;
    const id = published.rescreen.id;
    const timer = setInterval(() => {
      api<Rescreen>('GET', `/v1/rescreens/${id}`).then((r) => {
        setRescreen(r);
        if (r.status !== 'running') clearInterval(timer);
      }, () => clearInterval(timer));
    }, 1000);
    return () => clearInterval(timer);
  }, [published]);

  const run = async (what: 'dry-run' | 'publish') => {
    setProblem(null);
    try {
      const doc = JSON.parse(text) as unknown;
      if (what === 'dry-run') {
        const r = await api<{ valid: boolean; errors: FieldError[]; screened: number; cohorts: CohortCounts[] }>('POST', '/v1/trials/dry-run', doc);
        if (!r.valid) setErrors(r.errors);
        else setDry(r);
      } else {
        const r = await api<{ version: number; rescreen?: Rescreen }>('POST', '/v1/trials', doc);
        setPublished(r);
        setRescreen(r.rescreen ?? null);
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
  };

  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">{trialId ? `Trial ${trialId}` : 'New trial'}</h1>
      {counts.data && <Counts cohorts={counts.data.cohorts} />}
      <label className="editor">
        Criteria document (trial-criteria.v1, without version)
        <textarea spellCheck={false} rows={24} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="validation" />
      </label>
      <div id="validation" aria-live="polite" className={errors && errors.length > 0 ? 'problem' : 'ok'}>
        {errors === null ? 'Checking…' : errors.length === 0 ? 'Valid.' : (
          <>
            <strong>{errors.length} problem(s):</strong>
            <ul data-testid="validation-errors">
              {errors.map((e, i) => (
                <li key={i}>
                  <code>{e.pointer || '(document)'}</code> {e.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => void run('dry-run')}>
          Dry run against the current population
        </button>
        <button type="button" disabled={!errors || errors.length > 0} onClick={() => void run('publish')}>
          Publish a new version
        </button>
      </div>
      <Problem error={problem} />
      {dry && (
        <div>
          <h2>Dry run: {dry.screened} profiles screened, nothing saved</h2>
          <Counts cohorts={dry.cohorts} />
        </div>
      )}
      {published && (
        <div role="status">
          Published version {published.version}.
          {rescreen && (
            <p>
              Re-screen {rescreen.id}: {rescreen.status}, {rescreen.done} of {rescreen.total} profiles, {rescreen.changed} result(s) changed{' '}
              <progress max={Math.max(rescreen.total, 1)} value={rescreen.done} />
            </p>
          )}
        </div>
      )}
    </section>
  );
}
