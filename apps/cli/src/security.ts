import { Client } from 'pg';
import { apiKeyProblems, createApiKey, ROLES, verifyAuditChain, type ApiKeyInput, type Role } from '@trialmatch/platform';

/** A `fetch` that sends the caller's credential (an API key or a bearer token) with every request. */
export function authorizedFetch(token: string | undefined, f: typeof fetch = fetch): typeof fetch {
  if (!token) return f;
  return (input, init) => f(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
}

async function withDatabase<T>(url: string | undefined, body: (db: { query<R>(sql: string, params?: unknown[]): Promise<R> }) => Promise<T>): Promise<T> {
  if (!url) throw new Error('the service database is needed: --database-url URL or DATABASE_URL');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await body({ query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R });
  } finally {
    await client.end();
  }
}

export interface KeyRequest {
  databaseUrl?: string;
  name?: string;
  role?: string;
  organisation?: string;
  sites: string[];
}

/** `mmmatch keys create`: a key straight into a service's database (for local use and for the first admin). */
export async function createKeyCommand(r: KeyRequest): Promise<string> {
  if (!r.role || !(ROLES as readonly string[]).includes(r.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!r.name) throw new Error('--name is required');
  const input: ApiKeyInput = { name: r.name, role: r.role as Role, organisation: r.organisation ?? null, sites: r.sites };
  const problems = apiKeyProblems(input);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.pointer}: ${p.message}`).join('; '));
  const key = await withDatabase(r.databaseUrl, (db) => createApiKey(db, input));
  return JSON.stringify(key, null, 2);
}

/** `mmmatch audit verify`: recomputes a service's audit chain; exit code 1 when it does not verify. */
export async function verifyAuditCommand(databaseUrl: string | undefined): Promise<{ ok: boolean; out: string }> {
  const result = await withDatabase(databaseUrl, (db) => verifyAuditChain(db));
  return { ok: result.valid, out: JSON.stringify(result, null, 2) };
}
