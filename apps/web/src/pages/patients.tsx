import { useState, type ReactNode } from 'react';
import { Loading, Problem, VerdictBadge } from '../components';
import { href, useResource } from '../hooks';
import type { PatientRow } from '../types';

export function PatientsPage(): ReactNode {
  const [q, setQ] = useState('');
  const { data, error, loading } = useResource<PatientRow[]>(`/v1/patients${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`);
  return (
    <section aria-labelledby="patients-title">
      <h1 id="patients-title">Patients</h1>
      <label className="search">
        Search by pseudonym
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="pt_…" />
      </label>
      <Problem error={error} />
      <Loading when={loading && !data} />
      {data && (
        <table>
          <caption>Your sites’ patients, most promising first ({data.length})</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Site</th>
              <th scope="col">Best verdict</th>
              <th scope="col">Eligible trials</th>
              <th scope="col">Potentially eligible</th>
              <th scope="col">Profile updated</th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.patientPseudonym}>
                <td>
                  <a href={href('patients', p.patientPseudonym)}>{p.patientPseudonym}</a>
                </td>
                <td>{p.site ?? '—'}</td>
                <td>
                  <VerdictBadge verdict={p.bestVerdict} />
                </td>
                <td>{p.eligible}</td>
                <td>{p.potential}</td>
                <td>{new Date(p.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
