import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { ROLES, type Principal } from './principal';

export interface JwtSettings {
  issuer: string;
  audience: string;
  /** Where the issuer's public keys are: a JWKS URL (fetched and cached by jose) or a local JWKS. */
  jwks: { url: string } | { keys: JSONWebKeySet };
  /** Allowed clock skew. */
  clockToleranceSeconds: number;
}

const claimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(ROLES),
    org: z.string().min(1).max(200).optional(),
    sites: z.array(z.string().min(1).max(128)).max(500).optional(),
  })
  // A sponsor acts for an organisation: without one, a token would see every organisation's trials (no filter).
  .refine((c) => c.role !== 'sponsor' || c.org !== undefined, { path: ['org'], message: 'is required for a sponsor' });

export class InvalidTokenError extends Error {}

/** Verifies people's bearer tokens (signature, issuer, audience, expiry) with `jose` and maps their claims to a principal. */
export class JwtVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: JwtSettings) {
    this.keys = 'url' in settings.jwks ? createRemoteJWKSet(new URL(settings.jwks.url)) : createLocalJWKSet(settings.jwks.keys);
  }

  async verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      throw new InvalidTokenError(e instanceof Error ? e.message : 'invalid token');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`token claims: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const c = claims.data;
    return { subject: c.sub, kind: 'person', role: c.role, organisation: c.org ?? null, sites: c.sites ?? [] };
  }
}

/** Reads a JWKS document (`{ "keys": [...] }`) from a file. */
export function readJwksFile(path: string): JSONWebKeySet {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet;
  if (!Array.isArray(doc?.keys)) throw new Error(`${path} is not a JWKS document ({ "keys": [...] })`);
  return doc;
}
