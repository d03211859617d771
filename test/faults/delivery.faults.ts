import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@trialmatch/contracts';
import { query } from '../support/infra';
import { ServiceProcess } from '../support/processes';
import { failedChecks, FaultRig, FULL, histories, SERVICES, type NativeEvent } from './rig';

/** The value of an unlabelled (or the first labelled) sample of a service's Prometheus metric. */
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[2]) : 0;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The delivery guarantees under faults, on this machine, against the real broker and database, with
 * the services as processes. Each scenario writes a JSON report (bench/results/faults/<scenario>.json)
 * of what was sent, stored, published and notified, and its checks. `npm run test:faults` runs the full
 * profile; `npm test` a shorter one.
 */
const PATIENTS = FULL ? 1000 : 40;
const RATE = FULL ? 400 : 150;
const interleave = (hs: NativeEvent[][]): NativeEvent[] => {
  const out: NativeEvent[] = [];
  for (let i = 0; hs.some((h) => i < h.length); i++) for (const h of hs) if (h[i]) out.push(h[i]!);
  return out;
};

const ROOT = join(__dirname, '..', '..');
const PG_STATE = join(process.env.TRIALMATCH_INFRA_DIR ?? join(ROOT, '.data', 'infra'), 'postgres');
/** The database can be crashed and restarted only when it is the throwaway server scripts/infra started. */
const ownDatabase = existsSync(join(PG_STATE, 'opts')) && readFileSync(join(PG_STATE, 'url'), 'utf8').trim() === process.env.DATABASE_URL;
/** Likewise the broker: only the one scripts/infra started is killed. */
const KAFKA_STATE = join(process.env.TRIALMATCH_INFRA_DIR ?? join(ROOT, '.data', 'infra'), 'kafka');
const ownBroker = existsSync(join(KAFKA_STATE, 'brokers')) && readFileSync(join(KAFKA_STATE, 'brokers'), 'utf8').trim() === process.env.KAFKA_BROKERS;

describe('reliability under faults', () => {
  let rig: FaultRig;
  afterEach(async () => {
    await rig?.stop();
  });

  it('crash between database commit and offset commit (kill -9 each service mid-stream): effects applied exactly once', async () => {
    rig = new FaultRig('crash-kill-9');
    await rig.start();
    const events = interleave(histories(rig.prefix, PATIENTS, rig.source));
    const killed: Record<string, number> = {};
    await rig.stream(events, RATE, async (f) => {
      for (const [s, at] of [['intake', 0.3], ['matcher', 0.5], ['notifier', 0.7]] as const) {
        if (f >= at && killed[s] === undefined) {
          killed[s] = rig.sent.length;
          await rig.procs[s].stop('SIGKILL');
          await rig.procs[s].start();
        }
      }
    });
    await rig.quiesce();
    const report = await rig.report({ killedAfterEvents: killed });
    expect(failedChecks(report)).toEqual([]);
  });

  it('duplicate delivery (consumer groups rewound, 10 % re-produced with kcat): match and notification counts unchanged', async () => {
    rig = new FaultRig('duplicate-delivery');
    await rig.start();
    const events = interleave(histories(rig.prefix, PATIENTS, rig.source));
    await rig.stream(events, RATE * 2);
    await rig.quiesce();
    const before = await rig.report();
    expect(failedChecks(before)).toEqual([]);
    for (const s of SERVICES) await rig.procs[s].stop('SIGTERM');
    await rig.rewindGroups();
    const again = events.filter((_, i) => i % 10 === 0);
    await rig.reproduceWithKcat(again);
    rig.sent.push(...again);
    await Promise.all(SERVICES.map((s) => rig.procs[s].start()));
    await rig.quiesce();
    const consumed = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await rig.consumed(s)] as const)));
    const report = await rig.report({ reproduced: again.length, consumedAfterRewind: consumed, before: { results: before.results, notifications: before.notifications } });
    report.checks.push(
      { check: 'result count unchanged', ok: report.results === before.results, detail: { before: before.results, after: report.results } },
      { check: 'notification count unchanged', ok: report.notifications === before.notifications, detail: { before: before.notifications, after: report.notifications } },
      { check: 'the redelivered messages were consumed (as duplicates)', ok: (consumed.intake?.duplicate ?? 0) >= again.length, detail: consumed.intake },
    );
    expect(failedChecks(report)).toEqual([]);
  });

  it('graceful shutdown (SIGTERM mid-stream): exits cleanly, nothing redone beyond the in-flight messages', async () => {
    rig = new FaultRig('graceful-shutdown');
    await rig.start();
    const events = interleave(histories(rig.prefix, PATIENTS, rig.source));
    let exitCode: number | null = -1;
    await rig.stream(events, RATE, async (f) => {
      if (f >= 0.5 && exitCode === -1) {
        exitCode = await rig.procs.intake.stop('SIGTERM');
        await rig.procs.intake.start();
      }
    });
    await rig.quiesce();
    const consumed = await rig.consumed('intake');
    // KAFKA_PARTITIONS_CONCURRENTLY partitions are handled at once, a slice of a fetched batch each; a clean stop finishes those
    // slices and commits their offsets, so at most one message per partition (4) may be redone, the bound checked here.
    const inFlight = 4;
    const report = await rig.report({ exitCode, consumedByRestartedIntake: consumed }, [
      { check: 'exit code 0 on SIGTERM', ok: exitCode === 0, detail: exitCode },
      { check: 'redone after restart ≤ in-flight', ok: (consumed.duplicate ?? 0) <= inFlight, detail: { duplicates: consumed.duplicate ?? 0, inFlight } },
    ]);
    expect(failedChecks(report)).toEqual([]);
  });

  it('rebalance (a second matcher joins mid-stream and later leaves): per-patient order kept, no rebalance storm, nothing lost', async () => {
    rig = new FaultRig('rebalance');
    await rig.start();
    const events = interleave(histories(rig.prefix, PATIENTS, rig.source));
    const second = new ServiceProcess('matcher', rig.procs.matcher.environment);
    const joined: Record<string, number> = {};
    try {
      await rig.stream(events, RATE, async (f) => {
        if (f >= 0.3 && joined.at === undefined) {
          joined.at = rig.sent.length;
          await second.start();
          // The stream waits until the group has given the newcomer partitions: what follows is consumed by two members.
          await until(async () => (await metric(second.url, 'trialmatch_partitions_owned')) > 0, 60000);
        }
        if (f >= 0.7 && joined.left === undefined) {
          joined.left = rig.sent.length;
          await second.stop('SIGTERM');
        }
      });
      await rig.quiesce();
      const assignments = { first: await metric(rig.procs.matcher.url, 'trialmatch_group_assignments'), second: joined.left !== undefined ? null : await metric(second.url, 'trialmatch_group_assignments') };
      const regressions = await query<{ n: number }>(
        rig.dbs.matcher,
        `SELECT count(*)::int AS n FROM (SELECT profile_version < lag(profile_version) OVER (PARTITION BY patient_pseudonym, trial_id, cohort_id ORDER BY id) AS back FROM matcher.result_history) h WHERE back`,
      );
      const report = await rig.report({ joinedAfterEvents: joined.at, leftAfterEvents: joined.left, assignments }, [
        { check: 'profile versions never go back in any patient’s result history', ok: regressions[0]!.n === 0, detail: regressions[0] },
        // Join, the newcomer's arrival, its departure: three assignments for the member that stays (a storm would be many more).
        { check: 'no rebalance storm', ok: assignments.first <= 4, detail: assignments },
      ]);
      expect(failedChecks(report)).toEqual([]);
    } finally {
      await second.stop('SIGKILL');
    }
  });

  // Full profile only (10,000 events, as the issue asks); the short profile has no time for a broker's restart.
  (FULL && ownBroker ? it : it.skip)('broker kill (kill -9 at 30 %, restarted after 10 s): nothing lost, no duplicate effect, lag back to 0 within 60 s, no service restarted by hand', async () => {
    rig = new FaultRig('broker-kill');
    await rig.start();
    const events = interleave(histories(rig.prefix, Number(process.env.FAULTS_BROKER_KILL_PATIENTS ?? 1150), rig.source)); // about 10,000 events
    const rate = 100; // a steady rate the three services sustain together on this machine, so the lag measures the outage alone
    const crash: { done?: Promise<unknown>; restartedAt?: number } = {};
    const lagZero: { at?: number; samples: Array<[number, number | null, Record<string, number> | null]> } = { samples: [] };
    let watching = true;
    const watch = (async () => {
      while (watching) {
        if (crash.restartedAt !== undefined && lagZero.at === undefined) {
          const bySvc = await rig.lag();
          const lag = bySvc && bySvc.intake + bySvc.matcher + bySvc.notifier;
          const behind = rig.streamBehind;
          lagZero.samples.push([Math.round((Date.now() - crash.restartedAt) / 1000), lag, bySvc, await rig.consumed('intake').catch(() => null), behind] as never);
          // The stream goes on meanwhile: "0" is at most one second of it not yet through all three services,
          // once the feed has sent what the outage held back (until then, part of the backlog is not on the broker yet).
          if (lag !== null && lag <= rate && behind <= rate) lagZero.at = Date.now();
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    await rig.stream(events, rate, async (f) => {
      if (f >= 0.3 && !crash.done) {
        crash.done = promisify(execFile)('bash', [join(ROOT, 'scripts/infra/kafka.sh'), 'crash-restart', '10'], { cwd: ROOT }).then(() => (crash.restartedAt = Date.now()));
      }
    });
    await crash.done;
    await rig.quiesce(300000);
    watching = false;
    await watch;
    const lagZeroAfterS = lagZero.at === undefined ? null : (lagZero.at - crash.restartedAt!) / 1000;
    const report = await rig.report({ rate, lagZeroSecondsAfterRestart: lagZeroAfterS, lagSamples: lagZero.samples.slice(0, 120) }, [
      { check: 'consumer lag back to 0 within 60 s of the broker being back', ok: lagZeroAfterS !== null && lagZeroAfterS <= 60, detail: lagZeroAfterS },
      { check: 'no service restarted by hand (all still the same processes)', ok: SERVICES.every((s) => rig.procs[s].running && rig.procs[s].starts === 1), detail: Object.fromEntries(SERVICES.map((s) => [s, rig.procs[s].starts])) },
    ]);
    expect(failedChecks(report)).toEqual([]);
  });

  (ownDatabase ? it : it.skip)('database restart (immediate stop, 15 s): readiness unhealthy during it and healthy after, no accepted event lost, outboxes drain', async () => {
    rig = new FaultRig('database-restart');
    await rig.start();
    const events = interleave(histories(rig.prefix, PATIENTS, rig.source));
    const readiness: Record<string, number[]> = { intake: [], matcher: [], notifier: [] };
    const crash: { done?: Promise<unknown> } = {};
    let polling = true;
    const poll = (async () => {
      while (polling) {
        for (const s of SERVICES) {
          const status = await fetch(`${rig.procs[s].url}/health/ready`).then((r) => r.status, () => 0);
          if (readiness[s]!.at(-1) !== status) readiness[s]!.push(status);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    await rig.stream(events, RATE, async (f) => {
      if (f >= 0.3 && !crash.done) crash.done = promisify(execFile)('bash', [join(ROOT, 'scripts/infra/postgres.sh'), 'crash-restart', '15'], { cwd: ROOT });
    });
    await crash.done;
    await rig.quiesce(240000);
    polling = false;
    await poll;
    const report = await rig.report({ readinessTransitions: readiness }, [
      ...SERVICES.map((s) => ({ check: `${s}: not ready while the database was down, ready after`, ok: readiness[s]!.includes(503) && readiness[s]!.at(-1) === 200, detail: readiness[s] })),
    ]);
    expect(failedChecks(report)).toEqual([]);
  });

  // Full profile only: npm test covers poison messages in test/intake.test.ts and test/cross-service.test.ts.
  (FULL ? it : it.skip)('poison messages reach the DLQ with the reason after a bounded number of attempts; later messages on the partition are processed', async () => {
    rig = new FaultRig('poison');
    await rig.start();
    const [h] = histories(rig.prefix, 1, rig.source);
    const key = h![0]!.patientId;
    const poison = [
      '{"eventId": "broken',
      JSON.stringify({ ...h![0]!, eventId: `${rig.prefix}schema`, occurredAt: 'last tuesday' }),
      JSON.stringify({ ...h![1]!, eventId: `${rig.prefix}impossible`, data: { drug: 'VRd', start: '2021-01-10', end: '2020-01-01' } }),
      JSON.stringify({ ...h!.at(-1)!, eventId: `${rig.prefix}unit`, data: { code: '718-7', value: 10, unit: 'furlongs' } }),
    ];
    const prod = (rig as unknown as { prod: { send(r: unknown): Promise<unknown> } }).prod;
    await prod.send({ topic: TOPICS.patientEvents, acks: -1, messages: poison.map((value) => ({ key, value })) });
    await rig.stream(h!, RATE);
    await rig.quiesce();
    const dead = await rig.deadLettered();
    const report = await rig.report({ poison: poison.length }, [{ check: 'every poison message dead-lettered once', ok: dead === poison.length, detail: { dead, poison: poison.length } }]);
    expect(failedChecks(report)).toEqual([]);
  });
});
