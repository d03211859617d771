import { ForbiddenException } from '@nestjs/common';

/** What each kind of caller may do; see docs/security.md for the full matrix. */
export const ROLES = ['feed', 'sponsor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A coordinator with this site sees every site of the network (a central trial office). */
export const ALL_SITES = '*';

/** Who is calling: a person (JWT from the identity provider) or a machine (API key). */
export interface Principal {
  /** The token's subject or the API key id. Recorded in the audit log; never a patient identifier. */
  subject: string;
  kind: 'person' | 'machine';
  role: Role;
  /** A sponsor's organisation (owner of its trials). */
  organisation: string | null;
  /** A feed's facility (one) or a coordinator's sites. */
  sites: string[];
}

export function seesAllSites(p: Principal): boolean {
  return p.sites.includes(ALL_SITES);
}

/** Whether the principal may see data of this site. A record without a site is visible only to network coordinators. */
export function mayReadSite(p: Principal, site: string | null | undefined): boolean {
  return seesAllSites(p) || (site != null && p.sites.includes(site));
}

/**
 * The sites a coordinator's query covers: the requested ones it may see, or all of its own.
 * `null` means no restriction (network coordinator without a filter).
 */
export function siteScope(p: Principal, requested: string[] | null): string[] | null {
  if (seesAllSites(p)) return requested;
  return requested ? requested.filter((s) => p.sites.includes(s)) : p.sites;
}

/** Sponsors act for their own organisation only; admins for any. */
export function mayManageOrganisation(p: Principal, organisation: string | null | undefined): boolean {
  return p.role === 'admin' || (p.role === 'sponsor' && organisation != null && p.organisation === organisation);
}

/** A feed writes for its own facility only (403: the caller knows its facility, so nothing is revealed). */
export function requireFacility(p: Principal, source: string): void {
  if (p.role !== 'feed' || !p.sites.includes(source)) throw new ForbiddenException({ message: `this key may not send events for source ${JSON.stringify(source)}` });
}
