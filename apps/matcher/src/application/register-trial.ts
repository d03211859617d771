import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TOPICS, TRIAL_CRITERIA_SCHEMA_VERSION, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { Outbox, OutboxRelay } from '@trialmatch/platform';
import { EvaluateProfile } from './evaluate-profile';
import { compileTrial } from '@trialmatch/core';
import { TrialCatalog } from './trial-catalog';

export type TrialDraft = Omit<TrialCriteriaV1, 'version'>;

/**
 * A sponsor publishes a trial (or a new version of it): validated and compiled first, stored as a new
 * version, announced on trial-criteria.v1, then every stored profile is re-screened.
 */
@Injectable()
export class RegisterTrial {
  private readonly logger = new Logger(RegisterTrial.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: TrialCatalog,
    private readonly evaluate: EvaluateProfile,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(draft: TrialDraft, correlationId: string): Promise<TrialCriteriaV1> {
    const doc = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [draft.trialId]);
      const [row] = await m.query<Array<{ v: number }>>(`SELECT coalesce(max(version), 0) AS v FROM matcher.trial_versions WHERE trial_id = $1`, [draft.trialId]);
      const next: TrialCriteriaV1 = { ...draft, version: Number(row?.v ?? 0) + 1 };
      compileTrial(next);
      await m.query(`INSERT INTO matcher.trial_versions (trial_id, version, status, document) VALUES ($1, $2, $3, $4)`, [next.trialId, next.version, next.status, next]);
      await this.outbox.enqueue(m, [
        { topic: TOPICS.trialCriteria, key: next.trialId, value: next, eventId: `${next.trialId}.v${next.version}`, schemaVersion: TRIAL_CRITERIA_SCHEMA_VERSION, messageType: 'TrialCriteriaPublished', correlationId },
      ]);
      return next;
    });
    await this.catalog.reload();
    this.relay.wake();
    await this.rescreenAll(doc.trialId, correlationId);
    return doc;
  }

  /** One transaction per patient, so a large population never holds one long transaction. */
  private async rescreenAll(trialId: string, correlationId: string): Promise<void> {
    const trials = (await this.catalog.activeTrials()).filter((t) => t.trialId === trialId);
    if (trials.length === 0) return;
    let after = '';
    let total = 0;
    for (;;) {
      const page = await this.dataSource.query<Array<{ patient_pseudonym: string }>>(
        `SELECT patient_pseudonym FROM matcher.profiles WHERE patient_pseudonym > $1 ORDER BY patient_pseudonym LIMIT 500`,
        [after],
      );
      if (page.length === 0) break;
      for (const { patient_pseudonym } of page) {
        total += await this.dataSource.transaction((m) => this.evaluate.rescreen(m, patient_pseudonym, trials, correlationId));
      }
      this.relay.wake();
      after = page[page.length - 1]!.patient_pseudonym;
    }
    this.logger.log(`re-screened profiles for ${trialId}: ${total} result(s) changed`);
  }
}
