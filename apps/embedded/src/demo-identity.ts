import { Body, Controller, Post, HttpCode, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public, type JwtSettings, type Principal } from '@trialmatch/platform';

export const DEMO_ISSUER = 'trialmatch-embedded-demo';
export const DEMO_AUDIENCE = 'trialmatch';
export const DEMO_PASSWORD = 'demo';

/** Who can sign in to the embedded demo (password: "demo"); see README. Two sites and two sponsors show the scoping. */
export const DEMO_USERS: Record<string, Omit<Principal, 'kind'>> = {
  coordinator: { subject: 'demo:coordinator', role: 'coordinator', organisation: null, sites: ['demo-hospital'] },
  'coordinator-north': { subject: 'demo:coordinator-north', role: 'coordinator', organisation: null, sites: ['north-clinic'] },
  'sponsor-janssen': { subject: 'demo:sponsor-janssen', role: 'sponsor', organisation: 'Janssen Research & Development, LLC', sites: [] },
  'sponsor-pfizer': { subject: 'demo:sponsor-pfizer', role: 'sponsor', organisation: 'Pfizer', sites: [] },
  admin: { subject: 'demo:admin', role: 'admin', organisation: null, sites: [] },
};

/** The embedded demo's own token issuer: an ES256 key kept in DATA_DIR, tokens valid for 8 hours. */
export class DemoIdentity {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    readonly publicJwk: JWK,
  ) {}

  static async open(dataDir: string): Promise<DemoIdentity> {
    const file = join(dataDir, 'demo-signing-key.json');
    if (!existsSync(file)) {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'demo-1', alg: 'ES256' }), { mode: 0o600 });
    }
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return new DemoIdentity(await importJWK(jwk, 'ES256'), publicJwk);
  }

  get settings(): JwtSettings {
    return { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, jwks: { keys: { keys: [this.publicJwk] } }, clockToleranceSeconds: 30 };
  }

  async issue(user: Omit<Principal, 'kind'>, ttlSeconds = 8 * 3600): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const token = await new SignJWT({ role: user.role, ...(user.organisation ? { org: user.organisation } : {}), ...(user.sites.length > 0 ? { sites: user.sites } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid })
      .setSubject(user.subject)
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.privateKey);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }
}

export class DemoLoginDto {
  @ApiProperty({ enum: Object.keys(DEMO_USERS) })
  @IsString()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ description: `"${DEMO_PASSWORD}" for every demo user` })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export function demoLoginController(identity: DemoIdentity): new (...args: never[]) => unknown {
  @ApiTags('auth')
  @Controller('v1/auth')
  class DemoLoginController {
    @Public()
    @Post('demo-login')
    @HttpCode(200)
    @ApiOperation({ summary: 'Embedded demo only: a bearer token for one of the demo users (coordinator, coordinator-north, sponsor-janssen, sponsor-pfizer, admin; password "demo").' })
    async login(@Body() body: DemoLoginDto): Promise<{ token: string; expiresAt: string; user: Omit<Principal, 'kind'> }> {
      const user = Object.hasOwn(DEMO_USERS, body.username) ? DEMO_USERS[body.username] : undefined;
      if (!user || body.password !== DEMO_PASSWORD) throw new UnauthorizedException({ message: 'unknown demo user or wrong password' });
      return { ...(await identity.issue(user)), user };
    }
  }
  return DemoLoginController;
}
