import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { compileTrial, type CompiledTrial, type TrialDocument } from '@trialmatch/core';
import type { TrialCriteriaV1 } from '@trialmatch/contracts';

export type { CompiledTrial };

/** Trials patients are screened against; UNKNOWN means the registry status was not available. */
export const SCREENED_STATUSES: ReadonlySet<string> = new Set(['RECRUITING', 'NOT_YET_RECRUITING', 'UNKNOWN']);

/** The latest version of every trial open to screening, compiled and held in memory. */
@Injectable()
export class TrialCatalog {
  private active: CompiledTrial[] = [];
  private loaded = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeTrials(): Promise<readonly CompiledTrial[]> {
    if (!this.loaded) await this.reload();
    return this.active;
  }

  async reload(): Promise<void> {
    const rows = await this.dataSource.query<Array<{ status: string; document: TrialCriteriaV1 }>>(
      `SELECT DISTINCT ON (trial_id) trial_id, version, status, document FROM matcher.trial_versions ORDER BY trial_id, version DESC`,
    );
    this.active = rows.filter((r) => SCREENED_STATUSES.has(r.status)).map((r) => compileTrial(r.document as unknown as TrialDocument));
    this.loaded = true;
  }
}
