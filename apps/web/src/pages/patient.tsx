import { type ReactNode } from 'react';
import { Loading, Problem } from '../components';
import { useResource } from '../hooks';
import type { MatchResult, TimelineEvent } from '../types';
import { ScreeningPanel } from './screening';
import { ResultDetails, useCriterionTexts } from './trial-results';

interface Profile {
  asOf: string;
  settings: string;
  demographics: { ageYears: number | null; sex: string | null };
  ecog: { value: number; date: string; provenance: string[] } | null;
  linesOfTherapy: { count: number; lines: Array<{ number: number; start: string; end: string | null; regimens: string[]; generics: string[]; classes: string[]; openedBy: string; reasonForChange?: string | null; provenance?: string[] }> };
  classes: Record<string, { exposed: boolean; refractory: boolean; refractoryInLastLine: boolean; drugs: string[] }>;
  flags: Record<string, boolean>;
  disease: {
    progressions: Array<{ date: string; source: string; detail: string; provenance: string[] }>;
    progressionDate?: string | null;
    progressionLine?: number | null;
    clinicalRelapse?: Array<{ date: string; line: number; kind: string; detail: string; provenance: string[] }>;
    significantBiochemicalRelapse?: Array<{ date: string; line: number; kind: string; detail: string; provenance: string[] }>;
    response: { category: string; date: string; source: string; awaitingConfirmation?: string } | null;
    measurable: { serum: boolean; urine: boolean; flcOnly: boolean };
    mrd: { latest: { result: string; date: string } | null };
  };
  labs: Record<string, { value: number; unit: string; date: string; ageDays: number; provenance: string[] } | null>;
  staging?: Record<'atDiagnosis' | 'current', { on: string; iss: { basis: string }; riss: { basis: string } }>;
}

const CLASS_ORDER = ['PI', 'IMID', 'ANTI_CD38', 'BCMA_CAR_T', 'BCMA_BISPECIFIC', 'BCMA_ADC', 'GPRC5D_BISPECIFIC', 'GPRC5D_CAR_T', 'FCRH5_BISPECIFIC', 'XPO1', 'BCL2', 'ALKYLATOR', 'ANTHRACYCLINE', 'HDAC', 'ANTI_SLAMF7'];

/** A fact's events: links to the timeline entries (by reference) behind it. */
function Sources({ refs, events }: { refs: string[] | undefined; events: Map<string, TimelineEvent> }): ReactNode {
  if (!refs || refs.length === 0) return null;
  return (
    <span className="sources">
      {' '}
      [
      {refs.map((r, i) => (
        <a
          key={r}
          href={`#event-${events.get(r)?.ref ?? r}`}
          onClick={(e) => {
            e.preventDefault();
            const target = document.getElementById(`event-${events.get(r)?.ref ?? r}`);
            target?.scrollIntoView();
            target?.focus();
          }}
        >
          {i > 0 ? ', ' : ''}
          {events.get(r) ? `${events.get(r)!.type} ${events.get(r)!.occurredAt.slice(0, 10)}` : 'event'}
        </a>
      ))}
      ]
    </span>
  );
}

/** IMWG progressions, clinical relapse signs and significant paraprotein relapses, newest first, each with its events. */
function ProgressionTable({ profile, events }: { profile: Profile; events: Map<string, TimelineEvent> }): ReactNode {
  const rows = [
    ...profile.disease.progressions.map((e) => ({ date: e.date, what: `progression (IMWG, ${e.source})`, detail: e.detail, provenance: e.provenance })),
    ...(profile.disease.clinicalRelapse ?? []).map((e) => ({ date: e.date, what: `clinical relapse sign: ${e.kind} (line ${e.line})`, detail: e.detail, provenance: e.provenance })),
    ...(profile.disease.significantBiochemicalRelapse ?? []).map((e) => ({ date: e.date, what: `significant paraprotein relapse: ${e.kind} (line ${e.line})`, detail: e.detail, provenance: e.provenance })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (rows.length === 0) return <p>No progression or relapse sign recorded.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">What</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.date}-${i}`}>
            <td>{r.date}</td>
            <td>{r.what}</td>
            <td>
              {r.detail}
              <Sources refs={r.provenance} events={events} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const M_PROTEIN = (e: TimelineEvent): { series: string; value: number } | null => {
  if (e.type !== 'lab') return null;
  const d = e.data as { code?: string; name?: string; value?: number; unit?: string };
  if (typeof d.value !== 'number') return null;
  const name = (d.name ?? '').toLowerCase();
  if (d.code === '33358-3' || name === 'm-protein' || name === 'serum m-protein') return { series: 'M-protein (g/dL)', value: d.unit === 'g/L' ? d.value / 10 : d.value };
  if (d.code === '36916-5' || name.includes('kappa')) return { series: 'κ FLC (mg/dL)', value: d.unit === 'mg/L' ? d.value / 10 : d.value };
  if (d.code === '33944-1' || name.includes('lambda')) return { series: 'λ FLC (mg/dL)', value: d.unit === 'mg/L' ? d.value / 10 : d.value };
  return null;
};

/** M-protein and free light chains over time, with response and progression marks. */
function DiseaseChart({ events, profile }: { events: TimelineEvent[]; profile: Profile }): ReactNode {
  const points = events.flatMap((e) => {
    const m = M_PROTEIN(e);
    return m ? [{ ...m, date: e.occurredAt.slice(0, 10) }] : [];
  });
  if (points.length === 0) return <p className="note">No M-protein or free light chain results yet.</p>;
  const dates = [...points.map((p) => p.date), ...profile.disease.progressions.map((p) => p.date)].map((d) => Date.parse(d));
  const [t0, t1] = [Math.min(...dates), Math.max(...dates) || Math.min(...dates) + 1];
  const max = Math.max(...points.map((p) => p.value), 0.1);
  const W = 640;
  const H = 200;
  const x = (d: string) => 40 + ((Date.parse(d) - t0) / Math.max(t1 - t0, 1)) * (W - 60);
  const y = (v: number) => H - 30 - (v / max) * (H - 50);
  const series = [...new Set(points.map((p) => p.series))];
  const colors = ['#1f4e96', '#8a3b12', '#2d6a2d'];
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`M-protein and free light chains: ${points.map((p) => `${p.series} ${p.value} on ${p.date}`).join('; ')}`}>
        <line x1={40} y1={H - 30} x2={W - 20} y2={H - 30} stroke="#555" />
        <line x1={40} y1={10} x2={40} y2={H - 30} stroke="#555" />
        <text x={4} y={16} fontSize={11}>{max.toFixed(1)}</text>
        {series.map((s, i) => {
          const ps = points.filter((p) => p.series === s).sort((a, b) => a.date.localeCompare(b.date));
          return (
            <g key={s}>
              <polyline fill="none" stroke={colors[i % 3]} strokeWidth={2} points={ps.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} />
              {ps.map((p) => (
                <circle key={p.date} cx={x(p.date)} cy={y(p.value)} r={3} fill={colors[i % 3]} />
              ))}
            </g>
          );
        })}
        {profile.disease.progressions.map((p) => (
          <g key={p.date}>
            <line x1={x(p.date)} x2={x(p.date)} y1={10} y2={H - 30} stroke="#b00020" strokeDasharray="4 3" />
            <text x={x(p.date) + 3} y={22} fontSize={11} fill="#b00020">PD {p.date}</text>
          </g>
        ))}
        {profile.disease.response && profile.disease.response.date >= new Date(t0).toISOString().slice(0, 10) && (
          <text x={x(profile.disease.response.date)} y={H - 10} fontSize={11}>{profile.disease.response.category} {profile.disease.response.date}</text>
        )}
      </svg>
      <figcaption>
        {series.map((s, i) => (
          <span key={s} style={{ color: colors[i % 3] }}>
            ■ {s}{' '}
          </span>
        ))}
        <span style={{ color: '#b00020' }}>┆ progression</span>
      </figcaption>
    </figure>
  );
}

export function PatientPage({ pseudonym }: { pseudonym: string }): ReactNode {
  const profile = useResource<{ version: number; profile: Profile }>(`/v1/patients/${encodeURIComponent(pseudonym)}/profile`);
  const timeline = useResource<{ events: TimelineEvent[] }>(`/v1/patients/${encodeURIComponent(pseudonym)}/events`);
  const trials = useResource<MatchResult[]>(`/v1/patients/${encodeURIComponent(pseudonym)}/trials`);
  const texts = useCriterionTexts((trials.data ?? []).map((t) => t.trialId));
  const events = new Map<string, TimelineEvent>();
  for (const e of timeline.data?.events ?? []) {
    events.set(e.eventId, e);
    events.set(e.ref, e);
  }
  const p = profile.data?.profile;
  return (
    <article aria-labelledby="patient-title">
      <h1 id="patient-title">Patient {pseudonym}</h1>
      <Problem error={profile.error ?? trials.error} />
      <Loading when={profile.loading && !p} />
      {p && (
        <>
          <p>
            {p.demographics.ageYears ?? '?'} years, {p.demographics.sex ?? 'sex unknown'} · ECOG {p.ecog ? `${p.ecog.value} (${p.ecog.date})` : 'unknown'}
            <Sources refs={p.ecog?.provenance} events={events} /> · profile v{profile.data!.version} as of {p.asOf} ({p.settings})
          </p>
          <section aria-labelledby="lines-title">
            <h2 id="lines-title">Lines of therapy ({p.linesOfTherapy.count})</h2>
            <ol className="timeline">
              {p.linesOfTherapy.lines.map((l) => (
                <li key={l.number}>
                  <strong>Line {l.number}</strong> {l.start} – {l.end ?? 'ongoing'}: {l.regimens.join(', ') || l.generics.join(' + ')}{' '}
                  <span className="note">({l.classes.join(', ')}; opened by {l.openedBy}{l.reasonForChange ? `; ended by ${l.reasonForChange}` : ''})</span>
                  <Sources refs={l.provenance} events={events} />
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="classes-title">
            <h2 id="classes-title">Exposure and refractoriness by class</h2>
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Exposed</th>
                  <th scope="col">Refractory</th>
                  <th scope="col">Refractory in last line</th>
                  <th scope="col">Drugs</th>
                </tr>
              </thead>
              <tbody>
                {CLASS_ORDER.filter((c) => p.classes[c]).map((c) => {
                  const x = p.classes[c]!;
                  return (
                    <tr key={c}>
                      <th scope="row">{c}</th>
                      <td className={x.exposed ? 'yes' : 'no'}>{x.exposed ? 'yes' : 'no'}</td>
                      <td className={x.refractory ? 'yes warn' : 'no'}>{x.refractory ? 'yes' : 'no'}</td>
                      <td className={x.refractoryInLastLine ? 'yes warn' : 'no'}>{x.refractoryInLastLine ? 'yes' : 'no'}</td>
                      <td>{x.drugs.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p>
              {Object.entries(p.flags)
                .filter(([, v]) => v)
                .map(([k]) => k)
                .join(' · ') || 'No composite flags.'}
            </p>
          </section>
          <section aria-labelledby="disease-title">
            <h2 id="disease-title">Disease: M-protein and free light chains</h2>
            <DiseaseChart events={timeline.data?.events ?? []} profile={p} />
            <p>
              Current response: {p.disease.response ? `${p.disease.response.category} (${p.disease.response.date}, ${p.disease.response.source})` : 'none'} · measurable:{' '}
              {[p.disease.measurable.serum && 'serum', p.disease.measurable.urine && 'urine', p.disease.measurable.flcOnly && 'FLC only'].filter(Boolean).join(', ') || 'no'} · MRD:{' '}
              {p.disease.mrd.latest ? `${p.disease.mrd.latest.result} (${p.disease.mrd.latest.date})` : 'not tested'}
              {p.disease.response?.awaitingConfirmation ? ` · latest assessment ${p.disease.response.awaitingConfirmation}, awaiting confirmation` : ''}
            </p>
            {p.staging ? (
              <p>
                Staging at diagnosis: ISS {p.staging.atDiagnosis.iss.basis} · R-ISS {p.staging.atDiagnosis.riss.basis}. Now: ISS {p.staging.current.iss.basis} · R-ISS{' '}
                {p.staging.current.riss.basis}.
              </p>
            ) : null}
          </section>
          <section aria-labelledby="relapse-title">
            <h2 id="relapse-title">Progression and relapse</h2>
            {p.disease.progressionDate ? (
              <p>
                Latest progression began {p.disease.progressionDate}
                {p.disease.progressionLine === undefined ? '' : p.disease.progressionLine === null ? ', before any line of therapy' : `, on line ${p.disease.progressionLine}`} (later events of it below are the same progression).
              </p>
            ) : null}
            <ProgressionTable profile={p} events={events} />
          </section>
          <section aria-labelledby="labs-title">
            <h2 id="labs-title">Latest labs</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Lab</th>
                  <th scope="col">Value</th>
                  <th scope="col">Date</th>
                  <th scope="col">Age</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(p.labs)
                  .filter(([, l]) => l && typeof l.value === 'number' && 'ageDays' in l)
                  .map(([name, l]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>
                        {l!.value} {l!.unit}
                      </td>
                      <td>
                        {l!.date}
                        <Sources refs={l!.provenance} events={events} />
                      </td>
                      <td className={l!.ageDays > 28 ? 'warn' : ''}>{l!.ageDays} days</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <section aria-labelledby="trials-title">
        <h2 id="trials-title">Trials, ranked</h2>
        <Loading when={trials.loading && !trials.data} />
        {(trials.data ?? []).map((r) => (
          <div key={`${r.trialId}/${r.cohortId ?? ''}`} className="trial-result">
            <ResultDetails result={r} texts={texts} />
            {r.verdict !== 'INELIGIBLE' && <ScreeningPanel pseudonym={pseudonym} trialId={r.trialId} cohortId={r.cohortId ?? null} criterionIds={r.criteria.map((c) => c.criterionId)} />}
          </div>
        ))}
      </section>
      <section aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <ol className="events">
          {(timeline.data?.events ?? []).map((e) => (
            <li key={e.eventId} id={`event-${e.ref}`} tabIndex={-1}>
              {e.occurredAt.slice(0, 10)} <strong>{e.type}</strong> <code>{JSON.stringify(e.data)}</code> <span className="note">from {e.source}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
