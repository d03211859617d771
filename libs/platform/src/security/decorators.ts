import { createParamDecorator, SetMetadata, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'trialmatch:public';
export const ROLES_KEY = 'trialmatch:roles';

/** No credentials needed (health, metrics, demo login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The roles that may call a route (method metadata overrides the controller's). Routes without it are refused to everyone. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The authenticated caller (set by the AuthGuard). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException({ message: 'authentication required' });
  return principal;
});

/** Why patient data is being read (recorded in the audit log): the `X-Purpose` header or the `purpose` query parameter; null if neither. */
export const Purpose = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const given = req.headers['x-purpose'] ?? req.query?.['purpose'];
  const text = typeof given === 'string' ? given.trim().slice(0, 500) : '';
  return text === '' ? null : text;
});
