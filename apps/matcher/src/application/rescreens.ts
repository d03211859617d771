import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PatientProfile } from '@trialmatch/core';
import { OutboxRelay } from '@trialmatch/platform';
import { MatcherMetrics } from '../matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import { EvaluateProfile } from './evaluate-profile';
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
}

const RUN_COLUMNS = `id::text AS id, kind, trial_id AS "trialId", criteria_version AS "criteriaVersion", day::text AS day, status, total, done, changed, started_at AS "startedAt", finished_at AS "finishedAt"`;

/**
 * Re-screens of stored profiles, in pages, with progress kept in matcher.rescreen_runs: after a trial
 * version is published (that trial only), and once a day (every active trial: eligible-from dates arrive,
 * labs age out of their windows, patients have birthdays). A run survives restarts: it resumes after the
 * last pseudonym done. Each page locks its run row (SKIP LOCKED), so several instances share a run
 * without doing a page twice, and locks its profile rows, so a profile message arriving meanwhile waits
 * and is evaluated after, never before, the page.
 */
@Injectable()
export class Rescreens implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Rescreens.name);
  private timer: NodeJS.Timeout | null = null;
  private working: Promise<void> | null = null;
  private stopping = false;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: TrialCatalog,
    private readonly evaluate: EvaluateProfile,
    private readonly relay: OutboxRelay,
    private readonly metrics: MatcherMetrics,
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.rescreenCheckMs);
    this.timer.unref();
    void this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.working;
  }

  /** Starts re-screening every stored profile against one trial version; returns at once with the run. */
  async startTrialRun(trialId: string, criteriaVersion: number): Promise<RescreenRun> {
    const [run] = await this.dataSource.query<RescreenRun[]>(
      `INSERT INTO matcher.rescreen_runs (kind, trial_id, criteria_version, day, status, total)
       VALUES ('trial', $1, $2, current_date, 'running', (SELECT count(*) FROM matcher.profiles)) RETURNING ${RUN_COLUMNS}`,
      [trialId, criteriaVersion],
    );
    this.logger.log(`re-screen ${run!.id} started: ${run!.total} profile(s) against ${trialId} v${criteriaVersion}`);
    void this.tick();
    return run!;
  }

  /** Starts re-screening every stored profile against every active trial (what the daily run does). */
  async startFullRun(): Promise<RescreenRun> {
    const [run] = await this.dataSource.query<RescreenRun[]>(
      `INSERT INTO matcher.rescreen_runs (kind, day, status, total) VALUES ('manual', current_date, 'running', (SELECT count(*) FROM matcher.profiles)) RETURNING ${RUN_COLUMNS}`,
    );
    void this.tick();
    return run!;
  }

  async status(id: string): Promise<RescreenRun | null> {
    if (!/^\d+$/.test(id)) return null;
    const [run] = await this.dataSource.query<RescreenRun[]>(`SELECT ${RUN_COLUMNS} FROM matcher.rescreen_runs WHERE id = $1`, [id]);
    return run ?? null;
  }

  async list(limit = 20): Promise<RescreenRun[]> {
    return this.dataSource.query<RescreenRun[]>(`SELECT ${RUN_COLUMNS} FROM matcher.rescreen_runs ORDER BY rescreen_runs.id DESC LIMIT $1`, [limit]);
  }

  /** Creates today's daily run if no instance has, then works through every running run; one pass at a time per instance. */
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
        `INSERT INTO matcher.rescreen_runs (kind, day, status, total) SELECT 'daily', current_date, 'running', (SELECT count(*) FROM matcher.profiles)
         ON CONFLICT (day) WHERE kind = 'daily' DO NOTHING`,
      );
      for (;;) {
        await this.catalog.reload();
        const runs = await this.dataSource.query<Array<{ id: string }>>(`SELECT id::text AS id FROM matcher.rescreen_runs WHERE status = 'running' ORDER BY id`);
        let progressed = false;
        for (const { id } of runs) {
          if (this.stopping) return;
          progressed = (await this.page(id)) || progressed;
        }
        if (!progressed) return;
      }
    } catch (e) {
      this.logger.warn(`re-screen paused, will resume: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** One page of one run in one transaction; false when another instance holds the run or it is done. */
  private async page(id: string): Promise<boolean> {
    const active = await this.catalog.activeTrials();
    const outcome = await this.dataSource.transaction(async (m) => {
      const [run] = await m.query<Array<{ kind: string; trial_id: string | null; criteria_version: number | null; cursor: string; total: number; done: number }>>(
        `SELECT kind, trial_id, criteria_version, cursor, total, done FROM matcher.rescreen_runs WHERE id = $1 AND status = 'running' FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!run) return null;
      const trials = run.kind === 'trial' ? active.filter((t) => t.trialId === run.trial_id) : active;
      if (run.kind === 'trial' && !trials.some((t) => t.version === run.criteria_version)) {
        // A newer version (with its own run) or a closed trial: nothing left to do for this version.
        await m.query(`UPDATE matcher.rescreen_runs SET status = 'superseded', finished_at = now() WHERE id = $1`, [id]);
        return { kind: run.kind, remaining: 0, changed: 0, finished: true };
      }
      const rows = await m.query<Array<{ patient_pseudonym: string; profile_version: number; profile: PatientProfile }>>(
        `SELECT patient_pseudonym, profile_version, profile FROM matcher.profiles WHERE patient_pseudonym > $1 ORDER BY patient_pseudonym LIMIT $2 FOR UPDATE`,
        [run.cursor, this.settings.rescreenPageSize],
      );
      const changed = await this.evaluate.evaluate(
        m,
        rows.map((r) => ({ pseudonym: r.patient_pseudonym, profileVersion: r.profile_version, profile: r.profile })),
        trials,
        `rescreen-${id}`,
      );
      const finished = rows.length < this.settings.rescreenPageSize;
      await m.query(
        `UPDATE matcher.rescreen_runs SET cursor = $2, done = done + $3, changed = changed + $4, status = $5, finished_at = CASE WHEN $5 = 'finished' THEN now() END,
           total = GREATEST(total, done + $3) WHERE id = $1`,
        [id, rows.at(-1)?.patient_pseudonym ?? run.cursor, rows.length, changed, finished ? 'finished' : 'running'],
      );
      return { kind: run.kind, remaining: finished ? 0 : Math.max(0, run.total - run.done - rows.length), changed, finished };
    });
    if (!outcome) return false;
    this.relay.wake();
    this.metrics.rescreenRemaining.set({ kind: outcome.kind }, outcome.finished ? 0 : outcome.remaining);
    if (outcome.finished) this.logger.log(`re-screen ${id} (${outcome.kind}) done`);
    return !outcome.finished;
  }
}
