/** The API client: every call carries the signed-in user's bearer token; errors keep the API's field errors. */
export interface FieldError {
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export interface Session {
  token: string;
  user: { subject: string; role: 'feed' | 'sponsor' | 'coordinator' | 'admin'; organisation: string | null; sites: string[] };
}

const KEY = 'trialmatch.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

export async function api<T>(method: string, path: string, body?: unknown, purpose = 'trial screening'): Promise<T> {
  const session = loadSession();
  const res = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      'x-purpose': purpose,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const b = parsed as { message?: string; errors?: FieldError[] } | null;
    throw new ApiError(res.status, b?.message ?? `HTTP ${res.status}`, b?.errors ?? [], parsed);
  }
  return parsed as T;
}

/** Decodes a JWT's claims (display only; the server verifies). */
export function claimsOf(token: string): Session['user'] {
  const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; role: Session['user']['role']; org?: string; sites?: string[] };
  return { subject: payload.sub, role: payload.role, organisation: payload.org ?? null, sites: payload.sites ?? [] };
}
