import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MessagingSettings } from '../config/config';
import { PeriodicTask } from '../periodic-task';
import { MESSAGING_SETTINGS } from './tokens';

/** How often the purge runs, and how many rows one statement deletes (short transactions, no long locks). */
const PURGE_EVERY_MS = 10 * 60_000;
const PURGE_CHUNK = 5000;

/**
 * Keeps the messaging tables from growing without bound: published outbox rows older than
 * OUTBOX_RETENTION_HOURS and inbox rows older than INBOX_RETENTION_HOURS are deleted every ten
 * minutes, a chunk at a time (0 keeps them). Unpublished outbox rows are never touched. An inbox row
 * only has to outlive any redelivery of its message, so its retention should cover the topics' (and
 * the DLQs', for replays) retention.
 */
@Injectable()
export class MessagingRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MessagingRetention.name);
  private readonly task = new PeriodicTask('purging old outbox and inbox rows', this.logger, () => this.purge(new Date()));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.outboxRetentionHours > 0 || this.settings.inboxRetentionHours > 0) this.task.start(PURGE_EVERY_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Deletes what is past its retention as of `now`; returns how many rows of each table went. */
  async purge(now: Date): Promise<{ outbox: number; inbox: number }> {
    const before = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);
    const outbox =
      this.settings.outboxRetentionHours > 0
        ? await this.chunks(
            // created_at (BRIN-indexed, in insertion order) narrows the scan; a row published before the cutoff was created before it.
            `DELETE FROM messaging.outbox WHERE seq IN (SELECT seq FROM messaging.outbox WHERE created_at < $1 AND published_at < $1 LIMIT ${PURGE_CHUNK})`,
            before(this.settings.outboxRetentionHours),
          )
        : 0;
    const inbox =
      this.settings.inboxRetentionHours > 0
        ? await this.chunks(
            `DELETE FROM messaging.inbox WHERE (consumer, event_id) IN (SELECT consumer, event_id FROM messaging.inbox WHERE processed_at < $1 LIMIT ${PURGE_CHUNK})`,
            before(this.settings.inboxRetentionHours),
          )
        : 0;
    if (outbox + inbox > 0) this.logger.log(`purged ${outbox} published outbox row(s) and ${inbox} inbox row(s) past their retention`);
    return { outbox, inbox };
  }

  private async chunks(sql: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = await this.dataSource.query<[unknown, number]>(sql, [cutoff]);
      total += deleted;
      if (deleted < PURGE_CHUNK) return total;
    }
  }
}
