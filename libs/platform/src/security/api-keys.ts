import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal, Role } from './principal';

/** `tmk_<id>_<secret>`: the id is public (shown in lists and the audit log), the secret is stored only as its SHA-256. */
const KEY_PATTERN = /^tmk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyInput {
  name: string;
  role: Role;
  organisation?: string | null;
  sites?: string[];
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  organisation: string | null;
  sites: string[];
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  /** Until when the secret before the last rotation is still accepted. */
  previousValidUntil: string | null;
}

export interface IssuedApiKey extends ApiKeyView {
  /** Shown once; only its hash is kept. */
  key: string;
}

const hashOf = (secret: string): Buffer => createHash('sha256').update(secret).digest();
const newSecret = (): string => randomBytes(32).toString('base64url');

const COLUMNS = `id, name, role, organisation, sites, created_at AS "createdAt", rotated_at AS "rotatedAt", revoked_at AS "revokedAt", previous_valid_until AS "previousValidUntil"`;

/** Checks an API key's shape and the role's required scope; returns the problems (JSON pointer, reason). */
export function apiKeyProblems(input: ApiKeyInput): Array<{ pointer: string; message: string }> {
  const problems: Array<{ pointer: string; message: string }> = [];
  const sites = input.sites ?? [];
  if (input.role === 'feed' && sites.length !== 1) problems.push({ pointer: '/sites', message: 'a feed key names exactly one facility' });
  if (input.role === 'coordinator' && sites.length === 0) problems.push({ pointer: '/sites', message: 'a coordinator key names its sites' });
  if (input.role === 'sponsor' && !input.organisation) problems.push({ pointer: '/organisation', message: 'a sponsor key names its organisation' });
  if (input.role !== 'sponsor' && input.organisation) problems.push({ pointer: '/organisation', message: 'only sponsor keys have an organisation' });
  if ((input.role === 'admin' || input.role === 'sponsor') && sites.length > 0) problems.push({ pointer: '/sites', message: `${input.role} keys have no sites` });
  return problems;
}

type Db = { query<T = unknown>(sql: string, params?: unknown[]): Promise<T> };

/** Creates a key (also used by `mmmatch keys create` against the service's database). */
export async function createApiKey(db: Db, input: ApiKeyInput): Promise<IssuedApiKey> {
  const id = randomBytes(8).toString('hex');
  const secret = newSecret();
  const [row] = await db.query<ApiKeyView[]>(
    `INSERT INTO security.api_keys (id, name, role, organisation, sites, secret_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [id, input.name, input.role, input.organisation ?? null, input.sites ?? [], hashOf(secret)],
  );
  return { ...row!, key: `tmk_${id}_${secret}` };
}

/** API keys for machine clients (hospital feeds, sponsor systems, webhook consumers): hashed at rest, rotatable, revocable. */
@Injectable()
export class ApiKeys {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static looksLikeKey(token: string): boolean {
    return token.startsWith('tmk_');
  }

  create(input: ApiKeyInput): Promise<IssuedApiKey> {
    return createApiKey(this.dataSource, input);
  }

  list(): Promise<ApiKeyView[]> {
    return this.dataSource.query<ApiKeyView[]>(`SELECT ${COLUMNS} FROM security.api_keys ORDER BY created_at`);
  }

  /** A new secret; the old one keeps working for `graceMinutes` so the client can switch without downtime. */
  async rotate(id: string, graceMinutes: number): Promise<IssuedApiKey | null> {
    const secret = newSecret();
    const rows = await this.dataSource.query<ApiKeyView[]>(
      `WITH k AS (UPDATE security.api_keys SET previous_hash = secret_hash, previous_valid_until = now() + make_interval(mins => $3), secret_hash = $2, rotated_at = now()
                  WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}) SELECT * FROM k`,
      [id, hashOf(secret), graceMinutes],
    );
    return rows[0] ? { ...rows[0], key: `tmk_${id}_${secret}` } : null;
  }

  async revoke(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`WITH k AS (UPDATE security.api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id) SELECT * FROM k`, [id]);
    return rows.length > 0;
  }

  /** The principal of a valid, unrevoked key; null for anything else (the caller answers 401 without saying why). */
  async verify(token: string): Promise<Principal | null> {
    const m = KEY_PATTERN.exec(token);
    if (!m) return null;
    const [, id, secret] = m;
    const [row] = await this.dataSource.query<Array<{ role: Role; organisation: string | null; sites: string[]; secret_hash: Buffer; previous_hash: Buffer | null; previous_ok: boolean }>>(
      `SELECT role, organisation, sites, secret_hash, previous_hash, coalesce(previous_valid_until > now(), false) AS previous_ok FROM security.api_keys WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    if (!row) return null;
    const given = hashOf(secret!);
    const ok = timingSafeEqual(given, row.secret_hash) || (row.previous_ok && row.previous_hash !== null && timingSafeEqual(given, row.previous_hash));
    return ok ? { subject: `key:${id}`, kind: 'machine', role: row.role, organisation: row.organisation, sites: row.sites } : null;
  }
}
