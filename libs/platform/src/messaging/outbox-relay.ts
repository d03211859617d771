import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MessagingSettings } from '../config/config';
import { describeError } from './errors';
import { MessagePublisher } from './message-publisher';
import { MESSAGING_SETTINGS } from './tokens';
import { MessagingMetrics } from '../observability/metrics';

interface ClaimedRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  value: string;
  headers: Record<string, string>;
}

const LEASE = `interval '30 seconds'`;

/**
 * Publishes committed outbox rows in sequence order and marks them published. Rows are leased, not
 * locked for the duration of the publish, so several relay instances can share one outbox and a
 * crashed relay's rows are picked up again when the lease runs out. A message may be published twice
 * (crash between publish and mark); consumers' inboxes make that harmless.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: MessagePublisher,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly metrics: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before the database pool closes (TypeORM closes it on application shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Called after a transaction that added outbox rows commits, so they go out without waiting a poll. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        if (published > 0) continue;
      } catch (e) {
        failures += 1;
        this.logger.warn(`outbox publish failed (${failures} in a row): ${describeError(e)}`);
      }
      const delay = failures > 0 ? Math.min(30000, this.settings.outboxPollMs * 2 ** Math.min(failures, 7)) : this.settings.outboxPollMs;
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.pendingWake = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Claims, publishes and marks one batch; returns how many were published. */
  async publishBatch(): Promise<number> {
    const rows = await this.dataSource.query<[ClaimedRow[], number] | ClaimedRow[]>(
      `UPDATE messaging.outbox SET claimed_until = now() + ${LEASE}
        WHERE seq IN (SELECT seq FROM messaging.outbox
                       WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                       ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING seq, event_id, topic, message_key, value, headers`,
      [this.settings.outboxBatchSize],
    );
    const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedRow[];
    if (claimed.length === 0) return 0;
    claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    const seqs = claimed.map((r) => r.seq);
    try {
      await this.publisher.publish(claimed.map((r) => ({ topic: r.topic, key: r.message_key, value: r.value, headers: r.headers })));
    } catch (e) {
      await this.dataSource.query(
        `UPDATE messaging.outbox SET claimed_until = NULL, publish_attempts = publish_attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`,
        [seqs, describeError(e)],
      );
      this.metrics.outboxFailures.inc(claimed.length);
      throw e;
    }
    await this.dataSource.query(`UPDATE messaging.outbox SET published_at = now(), claimed_until = NULL WHERE seq = ANY($1::bigint[])`, [seqs]);
    for (const r of claimed) this.metrics.outboxPublished.inc({ topic: r.topic });
    return claimed.length;
  }

  /** Unpublished rows, for health and tests. */
  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM messaging.outbox WHERE published_at IS NULL`);
    return row?.n ?? 0;
  }
}
