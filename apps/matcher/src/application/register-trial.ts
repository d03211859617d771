import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { compileTrial } from '@trialmatch/core';
import { TOPICS, TRIAL_CRITERIA_SCHEMA_VERSION, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { mayManageOrganisation, Outbox, type Principal } from '@trialmatch/platform';
import { EvaluateProfile } from './evaluate-profile';
import { Rescreens, type RescreenRun } from './rescreens';
import { TrialCatalog } from './trial-catalog';

export type TrialDraft = Omit<TrialCriteriaV1, 'version'>;

/**
 * A sponsor publishes a trial, a new version of it, or a status change of the trial or of a cohort
 * (itself a new version, so every result still names the version it used). Validated and compiled
 * first, stored (old versions kept), announced on the compacted trial-criteria.v1 (every matcher
 * instance's catalog follows it), results the version no longer screens for withdrawn, then, when the
 * version is open to screening, every stored profile re-screened against it.
 */
@Injectable()
export class RegisterTrial {
  private readonly logger = new Logger(RegisterTrial.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: TrialCatalog,
    private readonly evaluate: EvaluateProfile,
    private readonly rescreens: Rescreens,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Publishes a new version. `by`: a sponsor publishes only trials its organisation owns (the first
   * publication makes it the owner); an admin, or the system (seed, catalog load), publishes any, a new
   * trial then belonging to its document's sponsor.
   */
  async execute(draft: TrialDraft, correlationId: string, by?: Principal): Promise<TrialCriteriaV1 & { rescreen?: RescreenRun; withdrawnResults: number }> {
    let withdrawn = 0;
    const { doc, compiled } = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [draft.trialId]);
      const claimant = by?.role === 'sponsor' ? by.organisation! : (draft.sponsor ?? 'unassigned');
      await m.query(`INSERT INTO matcher.trial_owners (trial_id, organisation) VALUES ($1, $2) ON CONFLICT (trial_id) DO NOTHING`, [draft.trialId, claimant]);
      const [owner] = await m.query<Array<{ organisation: string }>>(`SELECT organisation FROM matcher.trial_owners WHERE trial_id = $1`, [draft.trialId]);
      if (by && !mayManageOrganisation(by, owner?.organisation)) throw new ForbiddenException({ message: `${draft.trialId} belongs to another organisation` });
      const [row] = await m.query<Array<{ v: number }>>(`SELECT coalesce(max(version), 0) AS v FROM matcher.trial_versions WHERE trial_id = $1`, [draft.trialId]);
      const next: TrialCriteriaV1 = { ...draft, version: Number(row?.v ?? 0) + 1 };
      const compiled = compileTrial(next);
      await m.query(`INSERT INTO matcher.trial_versions (trial_id, version, status, document) VALUES ($1, $2, $3, $4)`, [next.trialId, next.version, next.status, next]);
      await this.outbox.enqueue(m, [
        { topic: TOPICS.trialCriteria, key: next.trialId, value: next, eventId: `${next.trialId}.v${next.version}`, schemaVersion: TRIAL_CRITERIA_SCHEMA_VERSION, messageType: 'TrialCriteriaPublished', correlationId },
      ]);
      withdrawn = await this.evaluate.withdrawClosed(m, next, compiled, correlationId);
      return { doc: next, compiled };
    });
    this.catalog.apply(doc); // this instance at once; the others when the topic brings it
    if (withdrawn > 0) this.logger.log(`${doc.trialId} v${doc.version} (${doc.status}): ${withdrawn} result(s) withdrawn`);
    if (!compiled.screened) return { ...doc, withdrawnResults: withdrawn };
    return { ...doc, withdrawnResults: withdrawn, rescreen: await this.rescreens.startTrialRun(doc.trialId, doc.version) };
  }

  /** A status change of the trial, or of one cohort: the latest document with the new status, published as a new version. */
  async changeStatus(trialId: string, status: TrialCriteriaV1['status'], correlationId: string, cohortId?: string, by?: Principal): Promise<TrialCriteriaV1 & { rescreen?: RescreenRun; withdrawnResults: number }> {
    const [row] = await this.dataSource.query<Array<{ document: TrialCriteriaV1; organisation: string | null }>>(
      `SELECT v.document, o.organisation FROM matcher.trial_versions v LEFT JOIN matcher.trial_owners o USING (trial_id) WHERE v.trial_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [trialId],
    );
    if (!row || (by && !mayManageOrganisation(by, row.organisation))) throw new NotFoundException({ message: `no trial ${trialId}` });
    const { version: _previous, ...draft } = row.document;
    if (cohortId === undefined) return this.execute({ ...draft, status }, correlationId, by);
    if (!draft.cohorts?.some((c) => c.id === cohortId)) throw new NotFoundException({ message: `no cohort ${cohortId} in ${trialId}` });
    return this.execute({ ...draft, cohorts: draft.cohorts.map((c) => (c.id === cohortId ? { ...c, status } : c)) }, correlationId, by);
  }
}
