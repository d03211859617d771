import type { DataSource, EntityManager } from 'typeorm';
import type { IngestPatientEvent } from './ingest-patient-event';
import { RederiveProfiles } from './rederive-profiles';

/**
 * The re-derivation loop over a stand-in for the database (the statements themselves: test/intake.test.ts). `stale`:
 * the patients to re-derive; `broken`: those whose profile cannot be derived (their transaction fails); `held`: those
 * whose row another transaction holds (skipped).
 */
function setup(stale: string[], { broken = [], held = [], ...settings }: { broken?: string[]; held?: string[]; rederiveCheckMs?: number; rederiveBatch?: number } = {}) {
  const left = new Set(stale);
  const transactions: string[][] = [];
  const after: Array<string | null> = [];
  const dataSource = { transaction: <T>(work: (m: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as DataSource;
  const ingest = {
    staleProfiles: (_q: unknown, limit: number, from: string | null) => {
      after.push(from);
      return Promise.resolve([...left].sort().filter((p) => from === null || p > from).slice(0, limit));
    },
    rederive: (_m: EntityManager, patients: readonly string[]) => {
      transactions.push([...patients]);
      if (patients.some((p) => broken.includes(p))) return Promise.reject(new Error('cannot derive'));
      const taken = patients.filter((p) => !held.includes(p));
      for (const p of taken) left.delete(p);
      return Promise.resolve({ taken, versions: taken.length });
    },
  } as unknown as IngestPatientEvent;
  return { job: new RederiveProfiles(dataSource, ingest, { pseudonymKey: 'k'.repeat(16), profileSealKey: 'k'.repeat(32), ...settings }), transactions, left, after };
}

describe('RederiveProfiles', () => {
  it('takes batch after batch in pseudonym order, each in a transaction of its own, until none is left', async () => {
    const { job, transactions, after } = setup(['a', 'b', 'c', 'd', 'e'], { rederiveBatch: 2 });
    expect(await job.runAll()).toBe(5);
    expect(transactions).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(after).toEqual([null, 'b', 'd', 'e']);
  });

  it('takes a failed batch again one patient at a time: the patient that fails is left for the next check, the others are done', async () => {
    const { job, transactions, left } = setup(['a', 'b', 'c', 'd'], { broken: ['b'], rederiveBatch: 3 });
    expect(await job.runAll()).toBe(3);
    expect(transactions).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c'], ['d']]);
    expect([...left]).toEqual(['b']);
  });

  it('moves past patients another transaction holds, leaving them for the next check', async () => {
    const { job, left } = setup(['a', 'b', 'c'], { held: ['b'], rederiveBatch: 2 });
    expect(await job.runAll()).toBe(2);
    expect([...left]).toEqual(['b']);
  });

  it('stops between batches once the service is shutting down', async () => {
    const { job, transactions } = setup(['a', 'b']);
    await job.beforeApplicationShutdown();
    expect(await job.runAll()).toBe(0);
    expect(transactions).toEqual([]);
  });

  it('runs at start unless the check interval is 0', async () => {
    const off = setup(['a'], { rederiveCheckMs: 0 });
    off.job.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 20));
    expect(off.transactions).toEqual([]);
    const on = setup(['a'], { rederiveCheckMs: 60_000 });
    on.job.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 20));
    expect(on.transactions).toEqual([['a']]);
    await on.job.beforeApplicationShutdown();
  });
});
