import { buildProfile, type PatientProfile } from '@trialmatch/core';
import type { MatcherMetrics } from '../matcher.metrics';
import type { MatcherSettings } from '../matcher.settings';
import { ProfileCache } from './profile-cache';

const metrics = { profileCache: { inc: jest.fn() }, profileCacheEntries: { set: jest.fn() } } as unknown as MatcherMetrics;
const cache = (size: number) => new ProfileCache({ profileCacheSize: size } as MatcherSettings, metrics);
const profile = (ecog: number): PatientProfile => buildProfile([{ eventId: `e${ecog}`, type: 'performance-status', occurredAt: '2024-01-01', data: { ecog } }], '2024-02-01');

/** A fake transaction: the stored profiles, and the pseudonyms each fetch asked for. */
function store(rows: Record<string, { version: number; profile: PatientProfile }>) {
  const fetched: string[][] = [];
  const manager = {
    query: async (_sql: string, params: unknown[]): Promise<never> => {
      const asked = params[0] as string[];
      fetched.push(asked);
      return asked.filter((p) => rows[p]).map((p) => ({ patient_pseudonym: p, profile_version: rows[p]!.version, profile: rows[p]!.profile })) as never;
    },
  };
  return { manager, fetched };
}

describe('ProfileCache', () => {
  it('answers only for the exact version held', () => {
    const c = cache(10);
    const p = profile(1);
    c.put('pt_a', 2, p);
    expect(c.get('pt_a', 2)).toBe(p);
    expect(c.get('pt_a', 1)).toBeUndefined();
    expect(c.get('pt_a', 3)).toBeUndefined();
    c.put('pt_a', 1, profile(4)); // an older version never replaces a newer one
    expect(c.get('pt_a', 2)).toBe(p);
  });

  it('drops the entries stored longest ago beyond its size, and holds nothing at size 0', () => {
    const c = cache(2);
    c.put('pt_a', 1, profile(0));
    c.put('pt_b', 1, profile(1));
    c.put('pt_c', 1, profile(2));
    expect([c.get('pt_a', 1), c.get('pt_b', 1) !== undefined, c.get('pt_c', 1) !== undefined]).toEqual([undefined, true, true]);
    const off = cache(0);
    off.put('pt_a', 1, profile(0));
    expect(off.size).toBe(0);
  });

  it('resolves rows of versions from memory and fetches only the rest (a stale entry counts as missing)', async () => {
    const c = cache(10);
    const held = profile(0);
    c.put('pt_a', 3, held);
    c.put('pt_b', 1, profile(1)); // the database has version 2 (e.g. this entry came from a rolled-back transaction)
    const newer = profile(2);
    const { manager, fetched } = store({ pt_b: { version: 2, profile: newer } });
    const out = await c.resolve(manager, [
      { patient_pseudonym: 'pt_a', profile_version: 3, site: 's1' },
      { patient_pseudonym: 'pt_b', profile_version: 2, site: null },
    ]);
    expect(fetched).toEqual([['pt_b']]);
    expect(out.map((p) => [p.pseudonym, p.profileVersion, p.site, p.profile])).toEqual([
      ['pt_a', 3, 's1', held],
      ['pt_b', 2, null, newer],
    ]);
    expect(c.get('pt_b', 2)).toBe(newer); // now held
  });
});
