import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProfile, compileTrial, type CompiledTrial, type PatientProfile } from '@trialmatch/core';
import { demographics, diagnosis, lab, med, response } from '@trialmatch/core/testing/events';
import type { TrialCriteriaV1 } from '@trialmatch/contracts';
import type { MatcherMetrics } from '../matcher.metrics';
import type { MatcherSettings } from '../matcher.settings';
import { ProfileCache, workerExecArgv } from './profile-cache';
import { ProfileStore } from './profile-store';
import { planResults, resultKey, type ScreeningOptions, type ScreeningPlan, type StoredResult } from './screening';
import type { TrialCatalog } from './trial-catalog';

const profile = (ecog: number): PatientProfile => buildProfile([{ eventId: `e${ecog}`, type: 'performance-status', occurredAt: '2024-01-01', data: { ecog } }], '2024-02-01');

describe('ProfileStore', () => {
  it('answers only for the exact version held; an older version never replaces a newer one', () => {
    const s = new ProfileStore(10);
    const p = profile(1);
    s.put('pt_a', 2, p);
    expect(s.get('pt_a', 2)).toBe(p);
    expect(s.get('pt_a', 1)).toBeUndefined();
    expect(s.get('pt_a', 3)).toBeUndefined();
    s.put('pt_a', 1, profile(4));
    expect(s.get('pt_a', 2)).toBe(p);
  });

  it('drops the entries stored longest ago beyond its capacity, and holds nothing at capacity 0', () => {
    const s = new ProfileStore(2);
    s.put('pt_a', 1, profile(0));
    s.put('pt_b', 1, profile(1));
    s.put('pt_c', 1, profile(2));
    expect([s.has('pt_a', 1), s.has('pt_b', 1), s.has('pt_c', 1)]).toEqual([false, true, true]);
    const off = new ProfileStore(0);
    off.put('pt_a', 1, profile(0));
    expect(off.size).toBe(0);
  });
});

/** Three patients the teclistamab trial tells apart (too young, eligible-looking, one with unknowns). */
const HISTORIES = {
  pt_young00000000000a: [demographics('2012-03-01', 'female'), diagnosis('2023-01-01', 'IgG', 'kappa')],
  pt_rrmm000000000000b: [
    demographics('1958-05-01', 'male'),
    diagnosis('2018-01-01', 'IgG', 'kappa'),
    med('bortezomib', '2018-02-01', '2018-09-01'),
    med('lenalidomide', '2018-02-01', '2020-01-01'),
    med('daratumumab', '2020-02-01', '2021-06-01'),
    response('2021-05-01', 'PD'),
    med('pomalidomide', '2021-07-01', '2023-01-01'),
    response('2022-12-01', 'PD'),
    lab('2024-01-10', 'serum-m-protein', 1.4, 'g/dL'),
    lab('2024-01-10', 'anc', 1.8, '10*9/L'),
    lab('2024-01-10', 'platelets', 110, '10*9/L'),
  ],
  pt_sparse0000000000c: [demographics('1960-01-01', 'female'), med('carfilzomib', '2022-01-01', '2023-01-01')],
};
const NOW = '2024-02-01T12:00:00.000Z';
const options: ScreeningOptions = { publishFirstIneligible: false, now: NOW, correlationId: 'c-test' };
const doc = { ...(JSON.parse(readFileSync(join(__dirname, '../../../../data/trials/NCT04557098.json'), 'utf8')) as TrialCriteriaV1), status: 'RECRUITING' } as TrialCriteriaV1;
const trial: CompiledTrial = compileTrial(doc);
const profiles = Object.fromEntries(Object.entries(HISTORIES).map(([p, events]) => [p, buildProfile(events, NOW)])) as Record<keyof typeof HISTORIES, PatientProfile>;
const rowsOf = (versions: Record<string, number>) => Object.entries(versions).map(([p, v]) => ({ patient_pseudonym: p, profile_version: v, site: 'site-1' }));

/** A fake transaction over stored profiles (version and profile), recording which pseudonyms each statement fetched. */
function database(stored: Record<string, { version: number; profile: PatientProfile }>) {
  const fetched: string[][] = [];
  const manager = {
    query: async (sql: string, params: unknown[]): Promise<never> => {
      if (sql.includes('LIMIT')) {
        // a page of versions (ProfileCache.warm): $2 the cursor, $3 the page size
        return Object.keys(stored)
          .sort()
          .filter((p) => p > (params[1] as string))
          .slice(0, params[2] as number)
          .map((p) => ({ patient_pseudonym: p, profile_version: stored[p]!.version, site: 'site-1' })) as never;
      }
      const asked = (params[0] as string[]).filter((p) => stored[p]);
      fetched.push(params[0] as string[]);
      const asText = sql.includes('profile::text');
      return asked.map((p) => ({ patient_pseudonym: p, profile_version: stored[p]!.version, profile: asText ? JSON.stringify(stored[p]!.profile) : stored[p]!.profile })) as never;
    },
  };
  return { manager, fetched };
}

/** A plan without what differs between two computations of it (fresh result ids, timing). */
const comparable = (plan: ScreeningPlan) => ({
  quiet: plan.quiet,
  quietNew: plan.quietNew,
  refreshed: plan.refreshed,
  evaluations: plan.evaluations,
  changed: plan.changed.map((c) => ({ ...c, eventId: undefined, text: JSON.parse(c.text.replace(c.eventId, 'id')) as unknown })),
});

describe('workerExecArgv', () => {
  it('passes the preloaded modules on and drops the options a worker refuses', () => {
    const argv = ['--max-semi-space-size=64', '--expose-gc', '-r', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register', '--require=./x.js', '--inspect'];
    expect(workerExecArgv(argv, '/app/profile-worker.ts')).toEqual(['-r', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register', '--require=./x.js']);
    expect(workerExecArgv(['-r', 'tsconfig-paths/register', '--max-old-space-size=2048'], '/app/dist/profile-worker.js')).toEqual(['-r', 'tsconfig-paths/register']);
  });

  it('registers ts-node for a .ts worker when the process loaded TypeScript some other way (jest)', () => {
    expect(workerExecArgv(['--experimental-vm-modules'], '/app/profile-worker.ts')).toEqual(['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register']);
  });
});

describe('ProfileCache (a real worker thread)', () => {
  jest.setTimeout(30_000); // each test starts a worker thread, which compiles the worker's TypeScript: seconds on a busy machine
  const metrics = { profileCache: { inc: jest.fn() }, profileCacheEntries: { set: jest.fn() } } as unknown as MatcherMetrics;
  const catalog = { documentOf: (t: CompiledTrial) => (t === trial ? doc : undefined) } as unknown as TrialCatalog;
  const caches: ProfileCache[] = [];
  const cacheOf = (size: number) => {
    const c = new ProfileCache({ profileCacheSize: size } as MatcherSettings, metrics, catalog);
    caches.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of caches) await c.onApplicationShutdown();
  });
  const all = { pt_young00000000000a: { version: 1, profile: profiles.pt_young00000000000a }, pt_rrmm000000000000b: { version: 3, profile: profiles.pt_rrmm000000000000b }, pt_sparse0000000000c: { version: 2, profile: profiles.pt_sparse0000000000c } };
  const stored = new Map<string, StoredResult>();
  const expected = () => planResults(rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 }).map((r) => ({ pseudonym: r.patient_pseudonym, profileVersion: r.profile_version, site: r.site, profile: all[r.patient_pseudonym as keyof typeof all].profile })), [trial], stored, options);

  it('screens in the worker exactly as on the main thread, fetching (as text) only the profiles it does not hold at the stored version', async () => {
    const cache = cacheOf(100);
    expect(cache.active).toBe(true);
    cache.put([
      { pseudonym: 'pt_young00000000000a', profileVersion: 1, site: null, profile: profiles.pt_young00000000000a },
      { pseudonym: 'pt_rrmm000000000000b', profileVersion: 2, site: null, profile: profiles.pt_rrmm000000000000b }, // the database has version 3 (e.g. a rolled-back newer one, or a newer one stored by another instance)
    ]);
    const { manager, fetched } = database(all);
    const rows = rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 });
    const plan = await cache.screen(manager, rows, [trial], stored, options);
    expect(fetched).toEqual([['pt_rrmm000000000000b', 'pt_sparse0000000000c']]);
    expect(comparable(plan)).toEqual(comparable(expected()));
    expect(plan.quietNew.length + plan.changed.length).toBeGreaterThan(0);
    // All three are held now: nothing fetched the second time.
    const again = await cache.screen(manager, rows, [trial], stored, options);
    expect(fetched).toHaveLength(1);
    expect(comparable(again)).toEqual(comparable(expected()));
    expect(cache.size).toBe(3);
  });

  it('screens profiles just stored (profile messages) in the worker from their text, with their correlation ids, and holds them', async () => {
    const cache = cacheOf(100);
    const just = (['pt_young00000000000a', 'pt_rrmm000000000000b', 'pt_sparse0000000000c'] as const).map((p, i) => ({
      pseudonym: p,
      profileVersion: all[p].version,
      site: 'site-1',
      profile: all[p].profile,
      correlationId: `msg-${i}`,
    }));
    const onMain = planResults(just, [trial], stored, options);
    expect(onMain.changed.length).toBeGreaterThan(0);
    const plan = await cache.screenStored(
      just,
      just.map((p) => JSON.stringify(p.profile)),
      [trial],
      stored,
      options,
    );
    expect(comparable(plan)).toEqual(comparable(onMain));
    expect(new Set(plan.changed.map((c) => c.correlationId))).toEqual(new Set(onMain.changed.map((c) => c.correlationId)));
    expect(plan.changed.every((c) => c.correlationId.startsWith('msg-'))).toBe(true);
    // Held at those versions: a re-screen page of them fetches nothing.
    const { manager, fetched } = database(all);
    await cache.screen(manager, rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 }), [trial], stored, options);
    expect(fetched).toEqual([]);
    // Without the worker: the same plan, on the main thread.
    await (cache as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(cache.active).toBe(false);
    const fallback = await cache.screenStored(just, just.map((p) => JSON.stringify(p.profile)), [trial], stored, options);
    expect(comparable(fallback)).toEqual(comparable(onMain));
  });

  it('compares against the stored results it is given: an unchanged signature is refreshed, not written again', async () => {
    const cache = cacheOf(100);
    const { manager } = database(all);
    const first = await cache.screen(manager, rowsOf({ pt_young00000000000a: 1 }), [trial], stored, options);
    const q = [...first.quietNew, ...first.changed.map((c) => c.row)][0]!; // the first unit's result
    const previous = new Map([[resultKey(q.p, q.t, q.c), { patient_pseudonym: q.p, trial_id: q.t, cohort_id: q.c, signature: q.sg, criteria_version: q.cv, profile_version: 0, published: true }]]);
    const next = await cache.screen(manager, rowsOf({ pt_young00000000000a: 1 }), [trial], previous, options);
    expect(next.refreshed).toEqual([{ p: q.p, t: q.t, c: q.c, cv: q.cv, pv: 1 }]);
    expect([...next.quietNew, ...next.quiet, ...next.changed.map((c) => c.row)].some((r) => r.c === q.c)).toBe(false);
    // Stored from a newer profile version than the one screened: left alone.
    const newer = new Map([[resultKey(q.p, q.t, q.c), { ...previous.get(resultKey(q.p, q.t, q.c))!, signature: 'other', profile_version: 2 }]]);
    const stale = await cache.screen(manager, rowsOf({ pt_young00000000000a: 1 }), [trial], newer, options);
    expect([...stale.refreshed, ...stale.quietNew, ...stale.quiet, ...stale.changed.map((c) => c.row)].some((r) => r.c === q.c)).toBe(false);
  });

  it('resolves profiles from the worker and fetches the rest; warms from the database, parsing in the worker', async () => {
    const cache = cacheOf(100);
    const { manager, fetched } = database(all);
    cache.put([{ pseudonym: 'pt_sparse0000000000c', profileVersion: 2, site: null, profile: profiles.pt_sparse0000000000c }]);
    expect(await cache.warm(manager, 'all', 2)).toBe(2); // pages of two; the one held is not fetched
    expect(fetched).toEqual([['pt_rrmm000000000000b'], ['pt_young00000000000a']]);
    expect(cache.size).toBe(3);
    all.pt_rrmm000000000000b.version = 4; // stored anew since
    const out = await cache.resolve(manager, rowsOf({ pt_sparse0000000000c: 2, pt_rrmm000000000000b: 4 }));
    all.pt_rrmm000000000000b.version = 3;
    expect(fetched.at(-1)).toEqual(['pt_rrmm000000000000b']);
    expect(out.map((p) => [p.pseudonym, p.profileVersion, p.site])).toEqual([
      ['pt_sparse0000000000c', 2, 'site-1'],
      ['pt_rrmm000000000000b', 4, 'site-1'],
    ]);
    expect(out[0]!.profile).toEqual(profiles.pt_sparse0000000000c);
  });

  it('screens on the main thread, with the same plan, while the worker is down, and starts it again', async () => {
    const cache = cacheOf(100);
    const { manager, fetched } = database(all);
    await (cache as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(cache.active).toBe(false);
    const plan = await cache.screen(manager, rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 }), [trial], stored, options);
    expect(comparable(plan)).toEqual(comparable(expected()));
    expect(fetched).toEqual([['pt_young00000000000a', 'pt_rrmm000000000000b', 'pt_sparse0000000000c']]);
    const until = Date.now() + 15000;
    while (!cache.active && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(cache.active).toBe(true);
  });

  it('screens on the main thread, with the same plan, a page the worker cannot screen (here: a trial version it was never given)', async () => {
    const cache = cacheOf(100);
    const { manager } = database(all);
    const unknown = compileTrial({ ...doc, trialId: 'NCT09999999' }); // the fake catalog has no document for it
    const rows = rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 });
    const plan = await cache.screen(manager, rows, [unknown], stored, options);
    const onMain = planResults(rows.map((r) => ({ pseudonym: r.patient_pseudonym, profileVersion: r.profile_version, site: r.site, profile: all[r.patient_pseudonym as keyof typeof all].profile })), [unknown], stored, options);
    expect(comparable(plan)).toEqual(comparable(onMain));
    expect(plan.evaluations).toBe(3);
  });

  it('holds nothing and starts no worker at size 0', async () => {
    const cache = cacheOf(0);
    expect(cache.active).toBe(false);
    const { manager } = database(all);
    const plan = await cache.screen(manager, rowsOf({ pt_young00000000000a: 1, pt_rrmm000000000000b: 3, pt_sparse0000000000c: 2 }), [trial], stored, options);
    expect(comparable(plan)).toEqual(comparable(expected()));
    expect(cache.size).toBe(0);
  });
});
