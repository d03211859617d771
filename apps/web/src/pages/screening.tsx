import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { Problem } from '../components';
import { useResource } from '../hooks';
import type { Screening } from '../types';
import { SCREEN_FAIL_CODES } from '../../../../libs/core/src/workflow/screening';

// One list of reason codes, the core's (the API checks them against it).
const CODES: readonly string[] = SCREEN_FAIL_CODES;

/** The screening workflow of one (patient, trial, cohort): status, history, the moves allowed; screen-failed asks for per-criterion reasons. */
export function ScreeningPanel({ pseudonym, trialId, cohortId, criterionIds }: { pseudonym: string; trialId: string; cohortId: string | null; criterionIds: string[] }): ReactNode {
  const path = `/v1/screenings/${encodeURIComponent(pseudonym)}/${encodeURIComponent(trialId)}${cohortId ? `?cohort=${encodeURIComponent(cohortId)}` : ''}`;
  const { data, error, reload } = useResource<Screening>(path);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [failing, setFailing] = useState(false);
  const blank = () => ({ criterionId: criterionIds[0] ?? '', code: CODES[0]!, note: '' });
  const [reasons, setReasons] = useState([blank()]);
  const setReason = (i: number, r: (typeof reasons)[number]) => setReasons(reasons.map((x, j) => (j === i ? r : x)));
  if (error?.status === 404) return <p className="note">No screening yet (one opens when a match is announced).</p>;
  if (!data) return <Problem error={error} />;
  const move = async (to: string, reasons?: unknown[]) => {
    try {
      await api('POST', `/v1/screenings/${encodeURIComponent(pseudonym)}/${encodeURIComponent(trialId)}/transitions`, { to, ...(cohortId ? { cohortId } : {}), ...(reasons ? { reasons } : {}) });
      setProblem(null);
      setFailing(false);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
  };
  const submitFail = (e: FormEvent) => {
    e.preventDefault();
    void move(
      'screen-failed',
      reasons.map((r) => ({ criterionId: r.criterionId, code: r.code, ...(r.note ? { note: r.note } : {}) })),
    );
  };
  return (
    <div className="screening" aria-label={`Screening for ${trialId}${cohortId ? ` cohort ${cohortId}` : ''}`}>
      <p>
        Screening: <strong data-testid="screening-status">{data.status}</strong>
        {data.flag ? <span className="flag"> ⚠ {data.flag}</span> : null}
      </p>
      <div className="actions">
        {data.allowed
          .filter((s) => s !== 'screen-failed')
          .map((s) => (
            <button key={s} type="button" onClick={() => void move(s)}>
              Move to {s}
            </button>
          ))}
        {data.allowed.includes('screen-failed') && (
          <button type="button" onClick={() => setFailing(true)}>
            Screen-failed…
          </button>
        )}
      </div>
      {failing && (
        <form onSubmit={submitFail} className="fail-form" aria-label="Screen failure: a reason per criterion">
          {reasons.map((reason, i) => (
            <fieldset key={i}>
              <legend>Reason {i + 1}</legend>
              <label>
                Criterion
                <select value={reason.criterionId} onChange={(e) => setReason(i, { ...reason, criterionId: e.target.value })}>
                  {criterionIds.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
              <label>
                Reason code
                <select value={reason.code} onChange={(e) => setReason(i, { ...reason, code: e.target.value })}>
                  {CODES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
              <label>
                Note
                <input value={reason.note} onChange={(e) => setReason(i, { ...reason, note: e.target.value })} />
              </label>
              {reasons.length > 1 && (
                <button type="button" onClick={() => setReasons(reasons.filter((_, j) => j !== i))}>
                  Remove reason {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => setReasons([...reasons, blank()])}>
            Add a criterion
          </button>
          <button type="submit">Record screen failure</button>
        </form>
      )}
      <Problem error={problem} />
      {data.transitions.length > 0 && (
        <ol className="history" aria-label="Screening history">
          {data.transitions.map((t, i) => (
            <li key={i}>
              {new Date(t.at).toLocaleString()}: {t.from} → {t.to} by {t.actor}
              {t.reasons ? ` (${t.reasons.map((r) => `${r.criterionId}: ${r.code}`).join('; ')})` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
