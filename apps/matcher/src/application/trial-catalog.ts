import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { compileTrial, type CompiledTrial, type TrialDocument } from '@trialmatch/core';
import type { TrialCriteriaV1 } from '@trialmatch/contracts';

export type { CompiledTrial };

/** Trials patients are screened against; UNKNOWN means the registry status was not available. */
export const SCREENED_STATUSES: ReadonlySet<string> = new Set(['RECRUITING', 'NOT_YET_RECRUITING', 'UNKNOWN']);

type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/** How long an instance trusts its compiled set before checking for versions published through another instance. */
const RECHECK_MS = 5000;

/** The latest version of every trial open to screening, compiled and held in memory. */
@Injectable()
export class TrialCatalog {
  private active: CompiledTrial[] = [];
  private loaded = false;
  private stamp = '';
  private checkedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the caller's transaction when there is one: a pool of one connection (embedded mode) has no other. */
  async activeTrials(q: Queryable = this.dataSource): Promise<readonly CompiledTrial[]> {
    if (!this.loaded) await this.reload(q);
    else if (Date.now() - this.checkedAt > RECHECK_MS) {
      this.checkedAt = Date.now();
      if ((await this.currentStamp(q)) !== this.stamp) await this.reload(q);
    }
    return this.active;
  }

  private async currentStamp(q: Queryable): Promise<string> {
    const [row] = await q.query<Array<{ stamp: string }>>(`SELECT count(*) || '/' || coalesce(max(created_at)::text, '') AS stamp FROM matcher.trial_versions`);
    return row?.stamp ?? '';
  }

  async reload(q: Queryable = this.dataSource): Promise<void> {
    this.stamp = await this.currentStamp(q);
    this.checkedAt = Date.now();
    const rows = await q.query<Array<{ status: string; document: TrialCriteriaV1 }>>(
      `SELECT DISTINCT ON (trial_id) trial_id, version, status, document FROM matcher.trial_versions ORDER BY trial_id, version DESC`,
    );
    this.active = rows.filter((r) => SCREENED_STATUSES.has(r.status)).map((r) => compileTrial(r.document as unknown as TrialDocument));
    this.loaded = true;
  }
}
