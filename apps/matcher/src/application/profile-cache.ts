import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompiledTrial, PatientProfile } from '@trialmatch/core';
import { MatcherMetrics } from '../matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import type { ProfileRow, ScreenAnswer, WorkerReply, WorkerRequest } from './profile-worker';
import { trialKey } from './profile-worker';
import { mergePlans, planResults, type ScreeningOptions, type ScreeningPlan, type StoredProfile, type StoredResult } from './screening';
import { TrialCatalog } from './trial-catalog';

type Queryable = Pick<EntityManager, 'query'>;
type VersionRow = { patient_pseudonym: string; profile_version: number; site: string | null };

/** The worker's file next to this one (.ts when run from source: the worker then registers ts-node as the process did). */
const WORKER_FILE = join(__dirname, `profile-worker${extname(__filename)}`);

/**
 * The worker's node options: the process's preloaded modules (`-r`, e.g. ts-node and tsconfig-paths), and
 * nothing else (a worker refuses V8 and process-wide options such as --max-semi-space-size, which apply to
 * it anyway); ts-node added when running from source under a runner that loaded it otherwise (jest).
 */
export function workerExecArgv(execArgv: readonly string[], file: string): string[] {
  const requires: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if ((a === '-r' || a === '--require') && i + 1 < execArgv.length) requires.push(a, execArgv[++i]!);
    else if (a.startsWith('--require=')) requires.push(a);
  }
  if (file.endsWith('.ts') && !requires.some((a) => a.includes('ts-node'))) requires.push('-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register');
  return requires;
}
/** Profiles read as text (fetchTexts), parsed here. */
const parsed = (rows: readonly ProfileRow[]): StoredProfile[] => rows.map((t) => ({ pseudonym: t.p, profileVersion: t.v, site: t.site, profile: JSON.parse(t.text!) as PatientProfile }));

/** After the worker stops unexpectedly, it is started again after this long, doubled for each stop in a row without an answer (at most a minute). */
const RESTART_MS = 1000;

/**
 * This instance's parsed profiles, each with the version it is, held in a worker thread (profile-worker.ts)
 * up to MATCHER_PROFILE_CACHE_SIZE (0: no cache, no worker). Held there, a gigabyte of profiles is not on
 * the main thread's heap, whose full garbage collections would otherwise mark it every few seconds while
 * profile messages are handled; and a re-screen page is screened in the worker while the main thread does
 * the database work of others. A re-screen reads from the database only the (small) version column of a
 * page; a stored profile is fetched (as text, parsed by the worker) only when the worker does not hold
 * that exact version. The database stays the truth: an entry is used only when its version equals the
 * stored one, so an entry from a rolled-back transaction or from before a rebalance is simply never used.
 * Without the worker (size 0, or while it restarts after a failure) everything is read from the database
 * and screened on the main thread, with the same results.
 */
@Injectable()
export class ProfileCache implements OnApplicationShutdown {
  private readonly logger = new Logger(ProfileCache.name);
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  /** Trial versions the current worker has been given. */
  private readonly sentTrials = new Set<string>();
  private held = 0;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  /** Stops of the worker since it last answered. */
  private failures = 0;

  constructor(
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
    private readonly metrics: MatcherMetrics,
    private readonly catalog: TrialCatalog,
  ) {
    if (settings.profileCacheSize > 0) this.start();
  }

  /** Whether profiles are held (the worker is running). */
  get active(): boolean {
    return this.worker !== null;
  }

  /** Profiles held. */
  get size(): number {
    return this.held;
  }

  /** After the re-screens have stopped (beforeApplicationShutdown). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const w = this.worker;
    this.worker = null;
    this.failPending(new Error('the matcher is shutting down'));
    await w?.terminate();
  }

  /** Holds profile versions just stored (a newer one than held, or the one the database has). */
  put(profiles: readonly StoredProfile[]): void {
    if (profiles.length === 0) return;
    this.post({ op: 'put', entries: profiles.map((p) => ({ p: p.pseudonym, v: p.profileVersion, profile: p.profile })) });
  }

  /**
   * The plan for rows of profile versions (read, and locked, by the caller) against trials held by the
   * catalog: screened in the worker from the profiles it holds, the others fetched in one statement on the
   * caller's transaction, handed to the worker to parse, hold and screen. Without the worker, all fetched
   * and screened here.
   */
  async screen(manager: Queryable, rows: readonly VersionRow[], trials: readonly CompiledTrial[], stored: ReadonlyMap<string, StoredResult>, options: ScreeningOptions): Promise<ScreeningPlan> {
    if (this.worker) {
      const storedList = [...stored.values()];
      const first = await this.screenInWorker(
        rows.map((r): ProfileRow => ({ p: r.patient_pseudonym, v: r.profile_version, site: r.site })),
        trials,
        storedList,
        options,
      );
      if (first) {
        if (first.missing.length === 0) return first.plan;
        const texts = await this.fetchTexts(manager, first.missing);
        const fetched = new Set(texts.map((t) => t.p));
        const second = await this.screenInWorker(
          texts,
          trials,
          storedList.filter((s) => fetched.has(s.patient_pseudonym)),
          options,
        );
        const rest = second?.plan ?? planResults(parsed(texts), trials, stored, options);
        return mergePlans(first.plan, rest);
      }
    }
    return planResults(await this.resolve(manager, rows), trials, stored, options);
  }

  /**
   * The plan for profiles just stored from profile messages (`texts`: their JSON, as stored) against
   * trials: the worker parses, holds and screens them, so that the main thread, which consumes the
   * messages and writes the results, neither clones the profiles over nor evaluates them. Without the
   * worker (or if it fails on them) they are screened here, with the same plan.
   */
  async screenStored(profiles: readonly StoredProfile[], texts: readonly string[], trials: readonly CompiledTrial[], stored: ReadonlyMap<string, StoredResult>, options: ScreeningOptions): Promise<ScreeningPlan> {
    if (this.worker && profiles.length > 0) {
      const answer = await this.screenInWorker(
        profiles.map((p, i): ProfileRow => ({ p: p.pseudonym, v: p.profileVersion, site: p.site, text: texts[i]!, ...(p.correlationId === undefined ? {} : { cid: p.correlationId }) })),
        trials,
        [...stored.values()],
        options,
      );
      if (answer) return answer.plan;
    }
    return planResults(profiles, trials, stored, options);
  }

  /** The worker's answer for rows, or null when it did not give one (stopped, or failed on them): the caller screens them itself. */
  private async screenInWorker(rows: ProfileRow[], trials: readonly CompiledTrial[], stored: StoredResult[], options: ScreeningOptions): Promise<ScreenAnswer | null> {
    try {
      return (await this.request({ op: 'screen', id: 0, rows, trials: this.sendTrials(trials), stored, options })) as ScreenAnswer;
    } catch (e) {
      // An error of the engine's would recur on the main thread and fail the page there.
      this.logger.warn(`profile worker did not screen a page, screening it on the main thread: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  /**
   * Stored profiles from rows of their versions (read, and locked, by the caller): held ones from the
   * worker, the others fetched in one statement on the caller's transaction and then held.
   */
  async resolve(manager: Queryable, rows: readonly VersionRow[]): Promise<StoredProfile[]> {
    const found = new Map<string, PatientProfile>();
    if (this.worker && rows.length > 0) {
      try {
        const held = (await this.request({ op: 'get', id: 0, rows: rows.map((r) => ({ p: r.patient_pseudonym, v: r.profile_version })) })) as Array<{ p: string; profile: PatientProfile }>;
        for (const h of held) found.set(h.p, h.profile);
      } catch {
        // the worker stopped: everything from the database
      }
    }
    const missing = rows.filter((r) => !found.has(r.patient_pseudonym));
    if (missing.length > 0) {
      const fetched = parsed(await this.fetchTexts(manager, missing.map((r) => ({ p: r.patient_pseudonym, v: r.profile_version, site: r.site }))));
      for (const f of fetched) found.set(f.pseudonym, f.profile);
      this.put(fetched);
    }
    return rows.filter((r) => found.has(r.patient_pseudonym)).map((r) => ({ pseudonym: r.patient_pseudonym, profileVersion: r.profile_version, site: r.site, profile: found.get(r.patient_pseudonym)! }));
  }

  /**
   * Loads the stored profiles of some partitions that are not held at their stored version (after this
   * instance's partitions are assigned), a page at a time, up to the cache's size; returns how many
   * were loaded. The worker parses them.
   */
  async warm(manager: Queryable, partitions: readonly number[] | 'all', pageSize = 2000): Promise<number> {
    if (!this.worker) return 0;
    let loaded = 0;
    let cursor = '';
    for (;;) {
      const page = await manager.query<VersionRow[]>(
        `SELECT patient_pseudonym, profile_version, site FROM matcher.profiles WHERE ($1::int[] IS NULL OR partition = ANY($1)) AND patient_pseudonym > $2 ORDER BY patient_pseudonym LIMIT $3`,
        [partitions === 'all' ? null : partitions, cursor, pageSize],
      );
      const cold = new Set((await this.request({ op: 'cold', id: 0, rows: page.map((r) => ({ p: r.patient_pseudonym, v: r.profile_version })) })) as string[]);
      if (cold.size > 0) {
        const texts = await this.fetchTexts(
          manager,
          page.filter((r) => cold.has(r.patient_pseudonym)).map((r) => ({ p: r.patient_pseudonym, v: r.profile_version, site: r.site })),
        );
        loaded += (await this.request({ op: 'load', id: 0, rows: texts })) as number;
      }
      if (page.length < pageSize || this.held >= this.settings.profileCacheSize) return loaded;
      cursor = page.at(-1)!.patient_pseudonym;
    }
  }

  /** Stored profiles as JSON text (the worker parses them), at the version stored now. */
  private async fetchTexts(manager: Queryable, rows: readonly ProfileRow[]): Promise<ProfileRow[]> {
    const site = new Map(rows.map((r) => [r.p, r.site]));
    const found = await manager.query<Array<{ patient_pseudonym: string; profile_version: number; profile: string }>>(
      `SELECT patient_pseudonym, profile_version, profile::text AS profile FROM matcher.profiles WHERE patient_pseudonym = ANY($1)`,
      [rows.map((r) => r.p)],
    );
    return found.map((f) => ({ p: f.patient_pseudonym, v: f.profile_version, site: site.get(f.patient_pseudonym) ?? null, text: f.profile }));
  }

  /** The worker's keys of these trials, each version's criteria document sent the first time. */
  private sendTrials(trials: readonly CompiledTrial[]): string[] {
    const unsent = trials.filter((t) => !this.sentTrials.has(trialKey(t.trialId, t.version)));
    if (unsent.length > 0) {
      const docs = unsent.map((t) => {
        const doc = this.catalog.documentOf(t);
        if (!doc) throw new Error(`no criteria document held for ${t.trialId} v${t.version}`);
        return doc;
      });
      this.post({ op: 'trials', docs });
      for (const t of unsent) this.sentTrials.add(trialKey(t.trialId, t.version));
    }
    return trials.map((t) => trialKey(t.trialId, t.version));
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_FILE, { workerData: { profileWorker: true, capacity: this.settings.profileCacheSize }, execArgv: workerExecArgv(process.execArgv, WORKER_FILE) });
    } catch (e) {
      this.logger.error(`profile worker could not start, profiles are read from the database: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    worker.unref();
    this.worker = worker;
    this.sentTrials.clear();
    this.held = 0;
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (e) => this.stoppedUnexpectedly(worker, `failed: ${e.message}`));
    worker.on('exit', (code) => this.stoppedUnexpectedly(worker, `exited with code ${code}`));
  }

  private stoppedUnexpectedly(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // already handled, or shutting down
    this.worker = null;
    this.held = 0;
    this.metrics.profileCacheEntries.set(0);
    this.failPending(new Error(`profile worker ${why}`));
    if (this.stopped) return;
    const delay = Math.min(60_000, RESTART_MS * 2 ** this.failures++);
    this.logger.error(`profile worker ${why}; profiles are read from the database until it is back (started again in ${delay} ms)`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopped) this.start();
    }, delay);
    this.restartTimer.unref();
  }

  private onReply(reply: WorkerReply): void {
    this.failures = 0;
    this.held = reply.size;
    this.metrics.profileCacheEntries.set(reply.size);
    if (reply.hits > 0) this.metrics.profileCache.inc({ outcome: 'hit' }, reply.hits);
    if (reply.misses > 0) this.metrics.profileCache.inc({ outcome: 'miss' }, reply.misses);
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(`profile worker: ${reply.error}`));
  }

  private post(message: WorkerRequest): void {
    this.worker?.postMessage(message);
  }

  private request(message: WorkerRequest & { id: number }): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('profile worker not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  private failPending(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
