import { apiKeyProblems } from './api-keys';
import { mayManageOrganisation, mayReadSite, requireFacility, siteScope, type Principal } from './principal';

const coordinator = (...sites: string[]): Principal => ({ subject: 'c', kind: 'person', role: 'coordinator', organisation: null, sites });

describe('per-object access', () => {
  it('scopes a coordinator to its sites; "*" is every site; a filter never widens it', () => {
    expect(mayReadSite(coordinator('a'), 'a')).toBe(true);
    expect(mayReadSite(coordinator('a'), 'b')).toBe(false);
    expect(mayReadSite(coordinator('a'), null)).toBe(false);
    expect(mayReadSite(coordinator('*'), null)).toBe(true);
    expect(siteScope(coordinator('a', 'b'), null)).toEqual(['a', 'b']);
    expect(siteScope(coordinator('a'), ['a', 'b'])).toEqual(['a']);
    expect(siteScope(coordinator('a'), ['b'])).toEqual([]);
    expect(siteScope(coordinator('*'), null)).toBeNull();
    expect(siteScope(coordinator('*'), ['b'])).toEqual(['b']);
  });

  it('lets sponsors manage their own organisation, admins any; feeds send for their facility only', () => {
    const sponsor: Principal = { subject: 's', kind: 'person', role: 'sponsor', organisation: 'Org A', sites: [] };
    expect(mayManageOrganisation(sponsor, 'Org A')).toBe(true);
    expect(mayManageOrganisation(sponsor, 'Org B')).toBe(false);
    expect(mayManageOrganisation(sponsor, null)).toBe(false);
    expect(mayManageOrganisation({ ...sponsor, role: 'admin', organisation: null }, 'Org B')).toBe(true);
    expect(mayManageOrganisation(coordinator('*'), 'Org A')).toBe(false);
    const feed: Principal = { subject: 'key:1', kind: 'machine', role: 'feed', organisation: null, sites: ['h1'] };
    expect(() => requireFacility(feed, 'h1')).not.toThrow();
    expect(() => requireFacility(feed, 'h2')).toThrow(/source "h2"/);
    expect(() => requireFacility(coordinator('h1'), 'h1')).toThrow();
  });

  it('checks that a key names the scope its role needs', () => {
    expect(apiKeyProblems({ name: 'f', role: 'feed', sites: ['h1'] })).toEqual([]);
    expect(apiKeyProblems({ name: 'f', role: 'feed', sites: ['h1', 'h2'] })).toEqual([{ pointer: '/sites', message: 'a feed key names exactly one facility' }]);
    expect(apiKeyProblems({ name: 's', role: 'sponsor' })).toEqual([{ pointer: '/organisation', message: 'a sponsor key names its organisation' }]);
    expect(apiKeyProblems({ name: 'c', role: 'coordinator', organisation: 'X', sites: ['a'] })).toEqual([{ pointer: '/organisation', message: 'only sponsor keys have an organisation' }]);
    expect(apiKeyProblems({ name: 'a', role: 'admin', sites: ['a'] })).toEqual([{ pointer: '/sites', message: 'admin keys have no sites' }]);
  });
});
