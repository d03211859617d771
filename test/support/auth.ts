import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

/**
 * The tests' own identity provider: an ES256 key made once per test process, its JWKS in a file the
 * services read (AUTH_JWKS_FILE), and tokens signed with node:crypto (independently of the jose code the
 * services verify with).
 */
export const TEST_ISSUER = 'https://idp.test.trialmatch.invalid';
export const TEST_AUDIENCE = 'trialmatch';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = `test-${randomUUID().slice(0, 8)}`;
export const TEST_JWKS_FILE = join(tmpdir(), `trialmatch-test-jwks-${process.pid}.json`);
writeFileSync(TEST_JWKS_FILE, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'ES256', use: 'sig' }] }));

/** What services need to accept the tests' tokens (and not rate-limit the suite). */
export const TEST_AUTH_ENV = { AUTH_JWT_ISSUER: TEST_ISSUER, AUTH_JWT_AUDIENCE: TEST_AUDIENCE, AUTH_JWKS_FILE: TEST_JWKS_FILE, RATE_LIMIT_PER_MINUTE: '1000000' };

export interface Who {
  sub: string;
  role: 'feed' | 'sponsor' | 'coordinator' | 'admin';
  org?: string;
  sites?: string[];
}

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A signed JWT for `who`; `overrides` change or add claims (e.g. an expired `exp`, another `iss`). */
export function mintToken(who: Who, overrides: Record<string, unknown> = {}, key = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'ES256', typ: 'JWT', kid: KID })}.${b64({ iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now, exp: now + 3600, ...who, ...overrides })}`;
  return `${body}.${sign('sha256', Buffer.from(body), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** A key the services do not trust (for forged-token tests). */
export const foreignKey = createPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));

export const ADMIN: Who = { sub: 'test:admin', role: 'admin' };
/** A coordinator of every site (a network's central trial office). */
export const NETWORK_COORDINATOR: Who = { sub: 'test:network-coordinator', role: 'coordinator', sites: ['*'] };
export const coordinatorOf = (...sites: string[]): Who => ({ sub: `test:coordinator-${sites.join('+')}`, role: 'coordinator', sites });
export const feedOf = (source: string): Who => ({ sub: `test:feed-${source}`, role: 'feed', sites: [source] });
export const sponsorOf = (org: string): Who => ({ sub: `test:sponsor-${org}`, role: 'sponsor', org });

/** supertest against `url` with `who`'s bearer token on every request (null: anonymous). */
export function as(url: string, who: Who | string | null) {
  const auth = who === null ? null : `Bearer ${typeof who === 'string' ? who : mintToken(who)}`;
  const withAuth = (t: request.Test): request.Test => (auth ? t.set('authorization', auth) : t);
  const r = request(url);
  return {
    get: (path: string) => withAuth(r.get(path)),
    post: (path: string) => withAuth(r.post(path)),
    put: (path: string) => withAuth(r.put(path)),
    delete: (path: string) => withAuth(r.delete(path)),
  };
}
