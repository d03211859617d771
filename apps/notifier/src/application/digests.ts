import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { SITE_DIGEST_SCHEMA_VERSION, TOPICS, type DigestItem, type SiteDigestV1 } from '@trialmatch/contracts';
import { Outbox, PeriodicTask } from '@trialmatch/platform';
import { NOTIFIER_SETTINGS, type NotifierSettings } from '../notifier.settings';

type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

const ITEM = `jsonb_strip_nulls(jsonb_build_object('patientPseudonym', patient_pseudonym, 'trialId', trial_id, 'cohortId', nullif(cohort_id, ''), 'eligibleFrom', eligible_from::text, 'eligibleFromMonth', eligible_from_month, 'toCollect', to_collect))`;
/**
 * The day an eligible-from date stands for in the week's list: the day, or, when only the month was published, the
 * first of that month or the day it was announced, whichever is later (announced within its month: listed then).
 */
const FROM_DAY = `coalesce(eligible_from, greatest((eligible_from_month || '-01')::date, created_at::date))`;

/**
 * The daily per-site digest (UTC days): the patients a site's notifications named newly eligible
 * (NEW_ELIGIBLE, ELIGIBLE_NOW) and newly potentially eligible that day, and those whose eligible-from date
 * falls within the seven days from it (the latest ELIGIBLE_FROM per patient, trial and cohort, while no
 * later notification replaced it; one announced by its month only, a birthday's, in the week its month begins, or the
 * week it was announced when that is later). Readable for any day; published on site-digests.v1 once a day is over.
 */
@Injectable()
export class Digests implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task = new PeriodicTask('publishing digests', new Logger(Digests.name), () => this.publishDue());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.digestCheckMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async build(site: string, day: string, q: Queryable = this.dataSource): Promise<Omit<SiteDigestV1, 'digestId' | 'createdAt'>> {
    const [row] = await q.query<Array<{ newEligible: DigestItem[]; newPotential: DigestItem[]; eligibleFromThisWeek: DigestItem[] }>>(
      `WITH today AS (SELECT * FROM notifier.notifications WHERE site = $1 AND created_at >= $2::date AND created_at < $2::date + 1),
            latest AS (SELECT DISTINCT ON (patient_pseudonym, trial_id, cohort_id) * FROM notifier.notifications WHERE site = $1 AND created_at < $2::date + 1
                       ORDER BY patient_pseudonym, trial_id, cohort_id, created_at DESC)
       SELECT
         coalesce((SELECT jsonb_agg(${ITEM} ORDER BY created_at) FROM today WHERE kind IN ('NEW_ELIGIBLE', 'ELIGIBLE_NOW')), '[]') AS "newEligible",
         coalesce((SELECT jsonb_agg(${ITEM} ORDER BY created_at) FROM today WHERE kind = 'NEW_POTENTIAL'), '[]') AS "newPotential",
         coalesce((SELECT jsonb_agg(${ITEM} ORDER BY ${FROM_DAY}) FROM latest WHERE kind = 'ELIGIBLE_FROM' AND ${FROM_DAY} >= $2::date AND ${FROM_DAY} < $2::date + 7), '[]') AS "eligibleFromThisWeek"`,
      [site, day],
    );
    return { site, day, newEligible: row!.newEligible, newPotential: row!.newPotential, eligibleFromThisWeek: row!.eligibleFromThisWeek };
  }

  /** Publishes the digests of every finished day (yesterday and before, back to `digestDays`) not yet published; returns how many. */
  publishDue(now = new Date()): Promise<number> {
    return this.dataSource
      .transaction(async (m) => {
        const due = await m.query<Array<{ site: string; day: string }>>(
          `SELECT DISTINCT n.site, n.created_at::date::text AS day FROM notifier.notifications n
           WHERE n.site IS NOT NULL AND n.created_at >= $1::date - $2::int AND n.created_at < $1::date
             AND NOT EXISTS (SELECT 1 FROM notifier.digests d WHERE d.site = n.site AND d.day = n.created_at::date)
           ORDER BY 2, 1`,
          [now.toISOString().slice(0, 10), this.settings.digestDays],
        );
        for (const { site, day } of due) {
          const digest: SiteDigestV1 = { digestId: randomUUID(), ...(await this.build(site, day, m)), createdAt: now.toISOString() };
          const stored = await m.query<unknown[]>(`INSERT INTO notifier.digests (site, day, digest) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING site`, [site, day, digest]);
          if (stored.length === 0) continue; // another instance got there first
          await this.outbox.enqueue(m, [{ topic: TOPICS.siteDigests, key: site, value: digest, eventId: `digest.${site}.${day}`, schemaVersion: SITE_DIGEST_SCHEMA_VERSION, messageType: 'SiteDigest', correlationId: digest.digestId }]);
        }
        return due.length;
      });
  }
}
