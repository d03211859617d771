import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { compileTrial, type CompiledTrial, type TrialDocument } from '@trialmatch/core';
import type { TrialCriteriaV1 } from '@trialmatch/contracts';

export type { CompiledTrial };

/** The latest version of every recruiting trial, compiled and held in memory. */
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
    this.active = rows.filter((r) => r.status === 'RECRUITING').map((r) => compileTrial(r.document as unknown as TrialDocument));
    this.loaded = true;
  }
}
