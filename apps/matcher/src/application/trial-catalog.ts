import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { compileTrial, type CompiledTrial } from '@trialmatch/core';
import { checkMessage, TOPICS, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { Broadcasts, type InboundMessage } from '@trialmatch/platform';

export type { CompiledTrial };

type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/**
 * The latest version of every trial, compiled and held in memory; the ones open to screening are the
 * active set. Every instance holds the same set: it follows the compacted trial-criteria.v1 topic and
 * loads the registry's table (what was published before it started), keeping per trial the highest
 * version seen, so a version published through any instance arrives within a broker round trip and
 * the order of arrival does not matter.
 */
@Injectable()
export class TrialCatalog implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrialCatalog.name);
  private readonly latestById = new Map<string, CompiledTrial>();
  private readonly documents = new WeakMap<CompiledTrial, TrialCriteriaV1>();
  private active: CompiledTrial[] | null = null;
  private seeded: Promise<void> | null = null;
  private readonly listeners: Array<(trial: CompiledTrial) => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly broadcasts: Broadcasts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.broadcasts.follow(TOPICS.trialCriteria, (m) => this.onMessage(m)); // first: whatever is published from now on arrives
    this.seeded = null;
    await this.seed(); // then: everything published before
    this.logger.log(`${this.latestById.size} trial(s) held, ${this.activeNow().length} open to screening`);
  }

  /** Trials patients are screened against now. Pass the caller's transaction when there is one: a pool of one connection (embedded mode) has no other. */
  async activeTrials(q: Queryable = this.dataSource): Promise<readonly CompiledTrial[]> {
    await this.seed(q);
    return this.activeNow();
  }

  /** The latest version held of one trial (open or not), if any. */
  async latest(trialId: string, q: Queryable = this.dataSource): Promise<CompiledTrial | undefined> {
    await this.seed(q);
    return this.latestById.get(trialId);
  }

  /** Holds a version if it is newer than the one held; returns whether it was. */
  apply(doc: TrialCriteriaV1): boolean {
    const held = this.latestById.get(doc.trialId);
    if (held && held.version >= doc.version) return false;
    const compiled = compileTrial(doc);
    this.latestById.set(doc.trialId, compiled);
    this.documents.set(compiled, doc);
    this.active = null;
    for (const l of this.listeners) l(compiled);
    return true;
  }

  /** The criteria document a held version was compiled from (the profile worker compiles its own copy). */
  documentOf(trial: CompiledTrial): TrialCriteriaV1 | undefined {
    return this.documents.get(trial);
  }

  /** Called with every newly held version (after it is held). */
  onNewVersion(listener: (trial: CompiledTrial) => void): void {
    this.listeners.push(listener);
  }

  private activeNow(): CompiledTrial[] {
    this.active ??= [...this.latestById.values()].filter((t) => t.screened).sort((a, b) => a.trialId.localeCompare(b.trialId));
    return this.active;
  }

  private seed(q: Queryable = this.dataSource): Promise<void> {
    this.seeded ??= (async () => {
      const rows = await q.query<Array<{ document: TrialCriteriaV1 }>>(`SELECT DISTINCT ON (trial_id) document FROM matcher.trial_versions ORDER BY trial_id, version DESC`);
      for (const r of rows) this.apply(r.document);
    })().catch((e: unknown) => {
      this.seeded = null;
      throw e;
    });
    return this.seeded;
  }

  private async onMessage(m: InboundMessage): Promise<void> {
    if (!m.value) return; // a tombstone: trials are never deleted, only closed
    const doc = JSON.parse(m.value.toString('utf8')) as TrialCriteriaV1;
    const problems = checkMessage(TOPICS.trialCriteria, doc);
    if (problems.length > 0) throw new Error(`invalid trial-criteria.v1 message: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
    if (this.apply(doc)) this.logger.log(`${doc.trialId} v${doc.version} (${doc.status}) held from ${m.topic}`);
  }
}
