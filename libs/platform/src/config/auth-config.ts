import { z } from 'zod';
import { readJwksFile, type JwtSettings } from '../security/jwt-verifier';

/** An optional variable set to the empty string (as compose files do for "unset") counts as absent. */
const optional = <T extends z.ZodTypeAny>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

/** How callers authenticate: people with JWTs from an identity provider, machines with API keys; and HTTP hardening. */
export const authEnvSchema = z.object({
  /** The identity provider's issuer (`iss`); unset: bearer tokens are refused and only API keys work. */
  AUTH_JWT_ISSUER: optional(z.string().min(1)),
  AUTH_JWT_AUDIENCE: z.string().min(1).default('trialmatch'),
  /** The issuer's public keys: a JWKS URL, or a JWKS file. */
  AUTH_JWKS_URL: optional(z.string().url()),
  AUTH_JWKS_FILE: optional(z.string()),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  API_KEY_ROTATION_GRACE_MINUTES: z.coerce.number().int().min(0).max(10080).default(60),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Largest accepted request body (JSON), e.g. 5mb. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must be like 512kb or 5mb').default('5mb'),
});
export type AuthEnv = z.infer<typeof authEnvSchema>;

export function authProblems(env: AuthEnv): string[] {
  if (env.AUTH_JWT_ISSUER && !env.AUTH_JWKS_URL && !env.AUTH_JWKS_FILE) return ['AUTH_JWKS_URL / AUTH_JWKS_FILE: one is required with AUTH_JWT_ISSUER'];
  return [];
}

export function jwtSettings(env: AuthEnv): JwtSettings | null {
  if (!env.AUTH_JWT_ISSUER) return null;
  return {
    issuer: env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    jwks: env.AUTH_JWKS_URL ? { url: env.AUTH_JWKS_URL } : { keys: readJwksFile(env.AUTH_JWKS_FILE!) },
    clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
  };
}
