import type { DataSource, EntityManager } from 'typeorm';
import type { IngestPatientEvent } from './ingest-patient-event';
import { RederiveProfiles } from './rederive-profiles';

/** The re-derivation loop over a stand-in for the database (the statements themselves: test/intake.test.ts). */
function setup(batches: number[], settings: { rederiveCheckMs?: number; rederiveBatch?: number } = {}) {
  const left = [...batches];
  const calls: number[] = [];
  const transactions = { n: 0 };
  const dataSource = { transaction: <T>(work: (m: EntityManager) => Promise<T>) => (transactions.n++, work({} as EntityManager)) } as unknown as DataSource;
  const ingest = {
    rederiveStale: (_m: EntityManager, limit: number) => {
      calls.push(limit);
      return Promise.resolve(left.shift() ?? 0);
    },
  } as unknown as IngestPatientEvent;
  return { job: new RederiveProfiles(dataSource, ingest, { pseudonymKey: 'k'.repeat(16), profileSealKey: 'k'.repeat(32), ...settings }), calls, transactions };
}

describe('RederiveProfiles', () => {
  it('takes batch after batch, each in a transaction of its own, until none is left', async () => {
    const { job, calls, transactions } = setup([25, 25, 7], { rederiveBatch: 25 });
    expect(await job.runAll()).toBe(57);
    expect(calls).toEqual([25, 25, 25, 25]);
    expect(transactions.n).toBe(4);
  });

  it('stops between batches once the service is shutting down', async () => {
    const { job, calls } = setup([100, 100, 100]);
    await job.beforeApplicationShutdown();
    expect(await job.runAll()).toBe(0);
    expect(calls).toEqual([]);
  });

  it('does not start when the check interval is 0', async () => {
    const { job, calls } = setup([5], { rederiveCheckMs: 0 });
    job.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    const started = setup([5, 0], { rederiveCheckMs: 60_000 });
    started.job.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 20));
    expect(started.calls).toEqual([100, 100]);
    await started.job.beforeApplicationShutdown();
  });
});
