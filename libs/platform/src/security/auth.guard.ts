import { ForbiddenException, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeys } from './api-keys';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './decorators';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier';
import type { Principal, Role } from './principal';

/** Bearer token from `Authorization`, or an API key from `X-API-Key`. */
function credentialOf(req: AuthenticatedRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1]! : null;
  }
  const key = req.headers['x-api-key'];
  return typeof key === 'string' && key !== '' ? key : null;
}

/**
 * Every HTTP route needs a principal (API key or JWT) whose role the route allows, unless it is
 * `@Public()`. Routes that declare no roles are refused (deny by default). Per-object checks (site,
 * organisation, facility) are the handlers' job, with the helpers in `principal.ts`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeys,
    @Optional() @Inject(JwtVerifier) private readonly jwt?: JwtVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(credentialOf(req));
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(principal.role)) throw new ForbiddenException({ message: `not allowed for role ${principal.role}` });
    return true;
  }

  private async authenticate(credential: string | null): Promise<Principal> {
    if (!credential) throw new UnauthorizedException({ message: 'authentication required: an API key or a bearer token' });
    if (ApiKeys.looksLikeKey(credential)) {
      const p = await this.keys.verify(credential);
      if (!p) throw new UnauthorizedException({ message: 'invalid or revoked API key' });
      return p;
    }
    if (!this.jwt) throw new UnauthorizedException({ message: 'bearer tokens are not configured here (no identity provider): use an API key' });
    try {
      return await this.jwt.verify(credential);
    } catch (e) {
      if (e instanceof InvalidTokenError) throw new UnauthorizedException({ message: `invalid token: ${e.message}` });
      throw e;
    }
  }
}
