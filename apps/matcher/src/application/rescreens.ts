import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CompiledTrial } from '@trialmatch/core';
import { TOPICS } from '@trialmatch/contracts';
import { PartitionAssignment } from '@trialmatch/platform';
import { MatcherMetrics } from '../matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import { EvaluateProfile } from './evaluate-profile';
import { ProfileCache } from './profile-cache';
import { TrialCatalog } from './trial-catalog';

export interface RescreenRun {
  id: string;
  kind: 'trial' | 'daily' | 'manual';
  trialId: string | null;
  criteriaVersion: number | null;
  day: string;
  status: 'running' | 'finished' | 'superseded';
  total: number;
  done: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
  /** Progress per patient-profiles.v1 partition (each done by the instance that owns the partition). */
  partitions: Array<{ partition: number; total: number; done: number; changed: number; finished: boolean; worker: string | null }>;
}

const RUN_SELECT = `SELECT r.id::text AS id, r.kind, r.trial_id AS "trialId", r.criteria_version AS "criteriaVersion", r.day::text AS day, r.status,
    coalesce(p.total, r.total) AS total, coalesce(p.done, r.done) AS done, coalesce(p.changed, r.changed) AS changed, r.started_at AS "startedAt", r.finished_at AS "finishedAt",
    coalesce(p.partitions, '[]'::jsonb) AS partitions
  FROM matcher.rescreen_runs r LEFT JOIN LATERAL (
    SELECT sum(total)::int AS total, sum(done)::int AS done, sum(changed)::int AS changed,
      jsonb_agg(jsonb_build_object('partition', partition, 'total', total, 'done', done, 'changed', changed, 'finished', finished_at IS NOT NULL, 'worker', worker) ORDER BY partition) AS partitions
    FROM matcher.rescreen_partitions WHERE run_id = r.id) p ON true`;

/**
 * Re-screens of stored profiles, in pages, with progress kept per run and per patient-profiles.v1
 * partition: after a trial version is published (that trial only), and once a day (every active trial:
 * eligible-from dates arrive, labs age out of their windows, patients have birthdays). Each instance
 * works only on the partitions its consumer group membership gives it, so a patient is re-screened by
 * the instance that also consumes the patient's profile messages; after a rebalance the new owner
 * resumes after the last pseudonym done. Each page locks its partition's progress row (SKIP LOCKED)
 * and its profile rows, so a profile message arriving meanwhile waits and is evaluated after the page.
 */
@Injectable()
export class Rescreens implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Rescreens.name);
  private timer: NodeJS.Timeout | null = null;
  private working: Promise<void> | null = null;
  private stopping = false;
  private again = false;
  /** Names this instance in the progress rows it writes. */
  readonly instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 4)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: TrialCatalog,
    private readonly evaluate: EvaluateProfile,
    private readonly metrics: MatcherMetrics,
    private readonly assignment: PartitionAssignment,
    private readonly cache: ProfileCache,
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.rescreenCheckMs);
    this.timer.unref();
    // A run may be waiting for its trial version to reach this instance's catalog.
    this.catalog.onNewVersion(() => void this.tick());
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.working;
  }

  /** Starts re-screening every stored profile against one trial version; returns at once with the run. */
  async startTrialRun(trialId: string, criteriaVersion: number): Promise<RescreenRun> {
    const run = await this.create('trial', trialId, criteriaVersion);
    this.logger.log(`re-screen ${run.id} started: ${run.total} profile(s) in ${run.partitions.length} partition(s) against ${trialId} v${criteriaVersion}`);
    return run;
  }

  /** Starts re-screening every stored profile against every active trial (what the daily run does). */
  async startFullRun(): Promise<RescreenRun> {
    const run = await this.create('manual', null, null);
    this.logger.log(`re-screen ${run.id} started: ${run.total} profile(s) against every active trial`);
    return run;
  }

  private async create(kind: 'trial' | 'manual', trialId: string | null, criteriaVersion: number | null): Promise<RescreenRun> {
    const [created] = await this.dataSource.query<Array<{ id: string }>>(
      `WITH run AS (INSERT INTO matcher.rescreen_runs (kind, trial_id, criteria_version, day, status, total) VALUES ($1, $2, $3, current_date, 'running', (SELECT count(*) FROM matcher.profiles)) RETURNING id),
       parts AS (INSERT INTO matcher.rescreen_partitions (run_id, partition, total) SELECT run.id, p.partition, p.n FROM run, (SELECT partition, count(*)::int AS n FROM matcher.profiles GROUP BY partition) p)
       SELECT id::text AS id FROM run`,
      [kind, trialId, criteriaVersion],
    );
    void this.tick();
    return (await this.status(created!.id))!;
  }

  async status(id: string): Promise<RescreenRun | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [run] = await this.dataSource.query<RescreenRun[]>(`${RUN_SELECT} WHERE r.id = $1`, [id]);
    return run ?? null;
  }

  /** The latest runs; with an organisation, only the runs of its trials. */
  async list(limit = 20, organisation: string | null = null): Promise<RescreenRun[]> {
    return this.dataSource.query<RescreenRun[]>(
      `${RUN_SELECT} WHERE $2::text IS NULL OR r.trial_id IN (SELECT trial_id FROM matcher.trial_owners WHERE organisation = $2) ORDER BY r.id DESC LIMIT $1`,
      [limit, organisation],
    );
  }

  /** Creates today's daily run if no instance has, then works through the owned partitions of every running run; one pass at a time per instance. */
  tick(): Promise<void> {
    if (this.working) {
      this.again = true; // work that arrived during this pass gets its own pass right after
      return this.working;
    }
    this.working = (async () => {
      do {
        this.again = false;
        await this.work();
      } while (this.again && !this.stopping);
    })().finally(() => (this.working = null));
    return this.working;
  }

  private async work(): Promise<void> {
    try {
      await this.dataSource.query(
        `WITH run AS (INSERT INTO matcher.rescreen_runs (kind, day, status, total) SELECT 'daily', current_date, 'running', (SELECT count(*) FROM matcher.profiles)
           ON CONFLICT (day) WHERE kind = 'daily' DO NOTHING RETURNING id)
         INSERT INTO matcher.rescreen_partitions (run_id, partition, total) SELECT run.id, p.partition, p.n FROM run, (SELECT partition, count(*)::int AS n FROM matcher.profiles GROUP BY partition) p`,
      );
      await this.finishCompletedRuns();
      for (;;) {
        const owned = this.assignment.owned(TOPICS.patientProfiles);
        if (owned !== 'all' && owned.length === 0) return; // not a member of the group right now: the owners do the work
        const parts = await this.dataSource.query<Array<{ run: string; partition: number }>>(
          `SELECT p.run_id::text AS run, p.partition FROM matcher.rescreen_partitions p JOIN matcher.rescreen_runs r ON r.id = p.run_id
           WHERE r.status = 'running' AND p.finished_at IS NULL AND ($1::int[] IS NULL OR p.partition = ANY($1)) ORDER BY p.run_id, p.partition`,
          [owned === 'all' ? null : owned],
        );
        // Several partitions at once (MATCHER_RESCREEN_CONCURRENCY): one page's database work overlaps another's evaluation.
        let progressed = false;
        let next = 0;
        const worker = async (): Promise<void> => {
          while (next < parts.length && !this.stopping) {
            const { run, partition } = parts[next++]!;
            progressed = (await this.page(run, partition)) || progressed;
          }
        };
        await Promise.all(Array.from({ length: Math.min(this.settings.rescreenConcurrency, parts.length) }, worker));
        if (this.stopping) return;
        await this.finishCompletedRuns();
        await this.measureRemaining(owned);
        if (!progressed) break;
      }
      await this.warmCache();
    } catch (e) {
      this.logger.warn(`re-screen paused, will resume: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private warmedAt = -1;

  /**
   * Once per partition assignment (and at start): the stored profiles of this instance's partitions
   * are loaded into the profile cache, so re-screens read them from memory.
   */
  async warmCache(): Promise<void> {
    const generation = this.assignment.version;
    if (generation === this.warmedAt) return;
    const owned = this.assignment.owned(TOPICS.patientProfiles);
    if (owned !== 'all' && owned.length === 0) return;
    const started = performance.now();
    const loaded = await this.cache.warm(this.dataSource, owned);
    this.warmedAt = generation;
    if (loaded > 0) this.logger.log(`profile cache: ${loaded} profile(s) loaded in ${Math.round(performance.now() - started)} ms (${this.cache.size} held)`);
  }

  /** A run whose partitions are all done is finished, with its totals; whichever instance sees it first records it. */
  private async finishCompletedRuns(): Promise<void> {
    const done = await this.dataSource.query<Array<{ id: string; kind: string; done: number; changed: number }>>(
      `WITH finished AS (
         UPDATE matcher.rescreen_runs r SET status = 'finished', finished_at = now(),
           total = coalesce((SELECT sum(total) FROM matcher.rescreen_partitions WHERE run_id = r.id), 0),
           done = coalesce((SELECT sum(done) FROM matcher.rescreen_partitions WHERE run_id = r.id), 0),
           changed = coalesce((SELECT sum(changed) FROM matcher.rescreen_partitions WHERE run_id = r.id), 0)
         WHERE r.status = 'running' AND NOT EXISTS (SELECT 1 FROM matcher.rescreen_partitions p WHERE p.run_id = r.id AND p.finished_at IS NULL)
         RETURNING r.id::text AS id, r.kind, r.done, r.changed)
       SELECT * FROM finished`,
    );
    for (const r of done) this.logger.log(`re-screen ${r.id} (${r.kind}) finished: ${r.done} profile(s), ${r.changed} result(s) changed`);
  }

  private async measureRemaining(owned: readonly number[] | 'all'): Promise<void> {
    const rows = await this.dataSource.query<Array<{ kind: string; remaining: number }>>(
      `SELECT r.kind, coalesce(sum(GREATEST(p.total - p.done, 0)) FILTER (WHERE p.finished_at IS NULL), 0)::int AS remaining
       FROM matcher.rescreen_runs r JOIN matcher.rescreen_partitions p ON p.run_id = r.id
       WHERE r.status = 'running' AND ($1::int[] IS NULL OR p.partition = ANY($1)) GROUP BY r.kind`,
      [owned === 'all' ? null : owned],
    );
    for (const kind of ['trial', 'daily', 'manual']) this.metrics.rescreenRemaining.set({ kind }, rows.find((r) => r.kind === kind)?.remaining ?? 0);
  }

  /**
   * One page of one run's partition in one transaction; false when another instance holds the
   * partition, the partition is done, or the run's trial version has not reached this instance yet.
   */
  private async page(run: string, partition: number): Promise<boolean> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<Array<{ kind: string; trial_id: string | null; criteria_version: number | null; cursor: string }>>(
        `SELECT r.kind, r.trial_id, r.criteria_version, p.cursor FROM matcher.rescreen_partitions p JOIN matcher.rescreen_runs r ON r.id = p.run_id
         WHERE p.run_id = $1 AND p.partition = $2 AND p.finished_at IS NULL AND r.status = 'running' FOR UPDATE OF p SKIP LOCKED`,
        [run, partition],
      );
      if (!row) return null;
      let trials: readonly CompiledTrial[];
      if (row.kind === 'trial') {
        const held = await this.catalog.latest(row.trial_id!, m);
        if (!held || held.version < row.criteria_version!) return null; // published, not yet held here: the catalog wakes us when it arrives
        if (held.version > row.criteria_version! || !held.screened) {
          // A newer version (with its own run) or a closed trial: nothing left to do for this version.
          await m.query(`UPDATE matcher.rescreen_runs SET status = 'superseded', finished_at = now() WHERE id = $1 AND status = 'running'`, [run]);
          this.logger.log(`re-screen ${run} superseded: ${row.trial_id} is at v${held.version} (${held.status})`);
          return { changed: 0, count: 0, finished: true };
        }
        trials = [held];
      } else {
        trials = await this.catalog.activeTrials(m);
      }
      // Versions only (and the row locks); the profiles themselves mostly come from memory.
      const rows = await m.query<Array<{ patient_pseudonym: string; profile_version: number; site: string | null }>>(
        `SELECT patient_pseudonym, profile_version, site FROM matcher.profiles WHERE partition = $1 AND patient_pseudonym > $2 ORDER BY patient_pseudonym LIMIT $3 FOR UPDATE`,
        [partition, row.cursor, this.settings.rescreenPageSize],
      );
      let changed = 0;
      if (rows.length > 0) {
        // Screened by the profile worker from the profiles it holds (ProfileCache); written here.
        const now = new Date();
        const stored = await this.evaluate.storedResults(m, rows.map((r) => r.patient_pseudonym), trials);
        changed = await this.evaluate.apply(m, await this.cache.screen(m, rows, trials, stored, this.evaluate.options(now, `rescreen-${run}`)), now);
      }
      const finished = rows.length < this.settings.rescreenPageSize;
      await m.query(
        `UPDATE matcher.rescreen_partitions SET cursor = $3, done = done + $4, changed = changed + $5, total = GREATEST(total, done + $4), finished_at = CASE WHEN $6 THEN now() END, worker = $7
         WHERE run_id = $1 AND partition = $2`,
        [run, partition, rows.at(-1)?.patient_pseudonym ?? row.cursor, rows.length, changed, finished, this.instanceId],
      );
      return { changed, count: rows.length, finished };
    });
    if (!outcome) return false;
    this.metrics.rescreened.inc(outcome.count);
    return !outcome.finished;
  }
}
