import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, claimsOf, loadSession, saveSession, type Session } from './api';
import { Problem } from './components';
import { href, useRoute } from './hooks';
import { CandidatesPage } from './pages/candidates';
import { InboxPage } from './pages/inbox';
import { PatientPage } from './pages/patient';
import { PatientsPage } from './pages/patients';
import { TrialEditorPage, TrialsPage } from './pages/trials';

function Login({ onSignedIn }: { onSignedIn: (s: Session) => void }): ReactNode {
  const [username, setUsername] = useState('coordinator');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const demo = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ token: string; user: Session['user'] }>('POST', '/v1/auth/demo-login', { username, password });
      onSignedIn({ token: r.token, user: r.user });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const withToken = (e: FormEvent) => {
    e.preventDefault();
    try {
      onSignedIn({ token: token.trim(), user: claimsOf(token.trim()) });
    } catch {
      setError(new ApiError(0, 'that is not a bearer token (JWT)'));
    }
  };
  return (
    <main className="login">
      <h1>RRMM trial matching</h1>
      <form onSubmit={(e) => void demo(e)} aria-labelledby="demo-title">
        <h2 id="demo-title">Sign in (demo)</h2>
        <label>
          User
          <select name="username" value={username} onChange={(e) => setUsername(e.target.value)}>
            {['coordinator', 'coordinator-north', 'sponsor-janssen', 'sponsor-pfizer', 'admin'].map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit">Sign in</button>
        <p className="hint">Embedded mode: every demo user's password is “demo”.</p>
      </form>
      <form onSubmit={withToken} aria-labelledby="token-title">
        <h2 id="token-title">Or use a token from your identity provider</h2>
        <label>
          Bearer token
          <textarea name="token" rows={3} value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="submit">Use token</button>
      </form>
      <Problem error={error} />
    </main>
  );
}

export function App(): ReactNode {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();
  if (!session) {
    return (
      <Login
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          window.location.hash = s.user.role === 'coordinator' ? '#/patients' : '#/trials';
        }}
      />
    );
  }
  const role = session.user.role;
  const nav: Array<[string, string]> =
    role === 'coordinator'
      ? [
          ['patients', 'Patients'],
          ['inbox', 'Inbox'],
          ['candidates', 'Candidates'],
          ['trials', 'Trials'],
        ]
      : [['trials', 'Trials']];
  const [page, ...rest] = route.length > 0 ? route : [nav[0]![0]];
  let body: ReactNode;
  if (page === 'patients' && rest[0]) body = <PatientPage pseudonym={rest[0]} />;
  else if (page === 'patients') body = <PatientsPage />;
  else if (page === 'inbox') body = <InboxPage />;
  else if (page === 'candidates') body = <CandidatesPage trialId={rest[0] ?? null} />;
  else if (page === 'trials' && rest[0] === 'new') body = <TrialEditorPage trialId={null} />;
  else if (page === 'trials' && rest[0]) body = <TrialEditorPage trialId={rest[0]} />;
  else body = <TrialsPage role={role} />;
  return (
    <>
      <header>
        <a className="brand" href={href(nav[0]![0])}>
          RRMM trial matching
        </a>
        <nav aria-label="Main">
          {nav.map(([id, label]) => (
            <a key={id} href={href(id)} aria-current={page === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span className="who">
          {session.user.subject} ({role}
          {session.user.sites.length > 0 ? `, ${session.user.sites.join(', ')}` : ''}
          {session.user.organisation ? `, ${session.user.organisation}` : ''})
        </span>
        <button
          type="button"
          onClick={() => {
            saveSession(null);
            setSession(null);
            window.location.hash = '';
          }}
        >
          Sign out
        </button>
      </header>
      <main>{body}</main>
    </>
  );
}
