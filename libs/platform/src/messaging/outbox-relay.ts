import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
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

/** An outbox row as written, handed to the relay by the transaction that writes it. */
export interface HandOffRecord {
  eventId: string;
  topic: string;
  key: string;
  /** Exactly the text stored in the row's value column. */
  value: string;
  headers: Record<string, string>;
}

/**
 * Statements that change claimed rows lock them in sequence order (a subquery `ORDER BY seq FOR UPDATE`),
 * whatever they select by: two relays marking or releasing overlapping rows then wait for each other
 * instead of deadlocking (rows selected by event id were locked in the id index's order).
 */
const inSeqOrder = (where: string): string => `seq IN (SELECT seq FROM messaging.outbox WHERE ${where} ORDER BY seq FOR UPDATE)`;
/** A transaction that has neither committed nor rolled back after this long no longer holds the relay back. */
const STALE_MS = 5 * 60_000;

/** A handed-off record with when it was handed off (its claim was written just after, so it runs out no earlier than this plus the lease). */
type Pending = HandOffRecord & { at: number };

interface Registration {
  /** The rows were written claimed (published from memory once committed) or unclaimed (left to the poll). */
  claimed: boolean;
  records: Pending[];
  at: number;
}

/**
 * Publishes committed outbox rows in sequence order and marks them published. Rows are leased, not
 * locked for the duration of the publish, so several relay instances can share one outbox and a
 * crashed relay's rows are picked up again when the lease runs out. A message may be published twice
 * (crash between publish and mark); consumers' inboxes make that harmless.
 *
 * Hand-off (OUTBOX_HAND_OFF, on by default): a transaction that writes outbox rows through `Outbox.handOff`
 * writes them already claimed by this relay and hands it their text; once the transaction commits they are
 * published from memory, in commit order, and marked, with no claim statement and no read back. Rows of a
 * transaction that rolls back are forgotten with it. If a hand-off publish fails, its rows and every row
 * handed off after them are released to the poll (which publishes in sequence order) and new rows are
 * written unclaimed until the poll has caught up, so a patient's messages keep their order. The same happens
 * when handed-off rows have waited in memory for half of their claim (OUTBOX_LEASE_SECONDS; the relay is
 * behind): they are given back rather than published after another relay's poll may have claimed them. If
 * the process dies, the claims run out after OUTBOX_LEASE_SECONDS and the poll (of any instance) publishes the rows.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;
  /** Whether new rows are written claimed for hand-off (false after a failed hand-off, until the poll has caught up). */
  private handingOff: boolean;
  private readonly registrations = new Map<QueryRunner, Registration>();
  private readonly handedOff: Pending[] = [];
  private sending: Promise<void> | null = null;
  /** Claims being given back to the poll; the poll waits for them, so it never publishes a later row first. */
  private readonly releases = new Set<Promise<void>>();
  /** Event ids of rows published from memory and not yet marked (OUTBOX_MARK_DELAY_MS). */
  private readonly unmarked: string[] = [];
  /** The pending mark: waiting out the delay, then marking everything unmarked by then. */
  private marking: Promise<void> | null = null;
  /** Ends the pending mark's wait early (shutdown). */
  private markNow: (() => void) | null = null;
  private readonly listener: EntitySubscriberInterface = {
    afterTransactionCommit: (e: TransactionCommitEvent) => this.committed(e.queryRunner),
    afterTransactionRollback: (e: TransactionRollbackEvent) => this.rolledBack(e.queryRunner),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: MessagePublisher,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly metrics: MessagingMetrics,
  ) {
    this.handingOff = settings.outboxHandOff;
  }

  /** Listens to the data source's transactions (commit: hand-off; rollback: forget). */
  onModuleInit(): void {
    this.dataSource.subscribers.push(this.listener);
    this.metrics.outboxHandOff.set(this.handOffActive ? 1 : 0);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before the database pool closes (TypeORM closes it on application shutdown): what was handed off is published first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    while (this.sending) await this.sending;
    await this.flushMarks();
    await this.loop;
    await Promise.all(this.releases);
    const i = this.dataSource.subscribers.indexOf(this.listener);
    if (i >= 0) this.dataSource.subscribers.splice(i, 1);
  }

  /**
   * Called by `Outbox.handOff` before a transaction writes outbox rows: records them for publication once
   * the transaction commits and returns the claim (seconds) to write them with, or null to write them
   * unclaimed (hand-off off or suspended, or shutting down: the poll publishes them, woken when the
   * transaction commits; not in a transaction: the caller wakes the relay).
   */
  register(queryRunner: QueryRunner | undefined, records: readonly HandOffRecord[]): number | null {
    if (!queryRunner?.isTransactionActive) return null;
    let r = this.registrations.get(queryRunner);
    if (!r) this.registrations.set(queryRunner, (r = { claimed: this.settings.outboxHandOff && this.running && this.handingOff, records: [], at: Date.now() }));
    if (r.claimed) {
      const at = Date.now();
      for (const record of records) r.records.push({ ...record, at }); // rows of one transaction are all claimed or all not, so they stay in order
    }
    return r.claimed ? this.settings.outboxLeaseSeconds : null;
  }

  /** Whether rows are being handed off (1) or left to the poll (0), for the metric and tests. */
  get handOffActive(): boolean {
    return this.settings.outboxHandOff && this.handingOff;
  }

  private committed(queryRunner: QueryRunner): void {
    if (queryRunner.isTransactionActive) return; // a savepoint released: the transaction goes on
    const r = this.registrations.get(queryRunner);
    if (!r) return;
    this.registrations.delete(queryRunner);
    if (!r.claimed) return this.wake();
    if (this.handingOff && this.running) {
      this.handedOff.push(...r.records);
      this.send();
    } else {
      void this.release(r.records, 'hand-off suspended');
    }
  }

  private send(): void {
    if (this.sending) return;
    this.sending = this.sendHandedOff().finally(() => {
      this.sending = null;
      if (this.handedOff.length > 0) this.send();
    });
  }

  private rolledBack(queryRunner: QueryRunner): void {
    // Also a savepoint's rollback: the registration is dropped whole, so rows kept by the enclosing
    // transaction stay claimed until the lease runs out and are then published by the poll.
    this.registrations.delete(queryRunner);
  }

  /** Publishes handed-off rows in the order their transactions committed, a batch at a time, and marks them. */
  private async sendHandedOff(): Promise<void> {
    while (this.handedOff.length > 0) {
      const batch = this.handedOff.splice(0, this.settings.outboxBatchSize);
      const waited = Date.now() - batch.reduce((oldest, r) => Math.min(oldest, r.at), Infinity);
      if (waited > this.settings.outboxLeaseSeconds * 500) {
        // Behind by half a claim: from here on another relay's poll may claim these rows, so they (and the later ones, to keep the order) go to the poll.
        this.suspendHandOff();
        this.logger.warn(`outbox hand-off ${Math.round(waited / 1000)} s behind (claims last ${this.settings.outboxLeaseSeconds} s): ${batch.length + this.handedOff.length} row(s) left to the poll`);
        await this.release([...batch, ...this.handedOff.splice(0)], 'hand-off behind');
        return;
      }
      try {
        await this.publisher.publish(batch.map((r) => ({ topic: r.topic, key: r.key, value: r.value, headers: r.headers })));
      } catch (e) {
        // This batch and everything after it go to the poll, in sequence order; new rows are written unclaimed until it has caught up.
        this.suspendHandOff();
        this.metrics.outboxFailures.inc(batch.length);
        this.logger.warn(`outbox hand-off failed, the poll takes over: ${describeError(e)}`);
        await this.release([...batch, ...this.handedOff.splice(0)], describeError(e), true);
        return;
      }
      for (const r of batch) this.unmarked.push(r.eventId);
      if (this.settings.outboxMarkDelayMs === 0) await this.markPublished();
      else this.scheduleMark();
      for (const r of batch) this.metrics.outboxPublished.inc({ topic: r.topic, path: 'hand-off' });
    }
  }

  /**
   * Marks what was published from memory once OUTBOX_MARK_DELAY_MS has passed since the first unmarked
   * publish: at a few hundred transactions a second that is one statement instead of one per publish. The
   * rows stay claimed meanwhile (the delay is at most a second, the claim lasts OUTBOX_LEASE_SECONDS), so
   * no poll takes them; if the process dies first, the poll publishes them again when the claims run out.
   */
  private scheduleMark(): void {
    if (this.marking) return;
    this.marking = (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.outboxMarkDelayMs);
        this.markNow = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.markNow = null;
      await this.markPublished();
    })().finally(() => {
      this.marking = null;
      if (this.unmarked.length > 0) this.scheduleMark();
    });
  }

  /** Marks every row published and not yet marked, now (before the pool closes at shutdown). */
  private async flushMarks(): Promise<void> {
    while (this.marking) {
      this.markNow?.();
      await this.marking;
    }
    await this.markPublished();
  }

  private async markPublished(): Promise<void> {
    if (this.unmarked.length === 0) return;
    const ids = this.unmarked.splice(0);
    try {
      await this.dataSource.query(`UPDATE messaging.outbox SET published_at = now(), claimed_until = NULL WHERE ${inSeqOrder('event_id = ANY($1::text[]) AND published_at IS NULL')}`, [ids]);
    } catch (e) {
      // Published but not marked: the poll publishes them again once the claims run out (consumers' inboxes absorb the duplicates).
      this.logger.warn(`outbox rows published but not marked: ${describeError(e)}`);
    }
  }

  /** New rows are written unclaimed (for the poll) until it has caught up (resumeHandOff). */
  private suspendHandOff(): void {
    this.handingOff = false;
    this.metrics.outboxHandOff.set(0);
  }

  /** Gives claimed rows back to the poll (if this fails too, their claims run out). */
  private release(records: readonly HandOffRecord[], reason: string, failed = false): Promise<void> {
    const done = this.giveBack(records, reason, failed).finally(() => this.releases.delete(done));
    this.releases.add(done);
    return done;
  }

  private async giveBack(records: readonly HandOffRecord[], reason: string, failed: boolean): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.dataSource.query(
        `UPDATE messaging.outbox SET claimed_until = NULL, publish_attempts = publish_attempts + $3, last_error = CASE WHEN $3 > 0 THEN $2 ELSE last_error END
          WHERE ${inSeqOrder('event_id = ANY($1::text[]) AND published_at IS NULL')}`,
        [records.map((r) => r.eventId), reason, failed ? 1 : 0],
      );
    } catch (e) {
      this.logger.warn(`handed-off outbox rows left to their claims' end (${this.settings.outboxLeaseSeconds} s): ${describeError(e)}`);
    }
    this.wake();
  }

  /** After the poll found nothing to publish: hand-off resumes once no transaction still writes unclaimed rows. */
  private resumeHandOff(): void {
    if (this.handingOff || !this.settings.outboxHandOff) return;
    const now = Date.now();
    for (const [qr, r] of this.registrations) {
      if (now - r.at > STALE_MS) this.registrations.delete(qr);
      else if (!r.claimed) return;
    }
    this.handingOff = true;
    this.metrics.outboxHandOff.set(1);
    this.logger.log('outbox hand-off resumed');
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
        this.resumeHandOff();
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
    await Promise.all(this.releases);
    const rows = await this.dataSource.query<[ClaimedRow[], number] | ClaimedRow[]>(
      `UPDATE messaging.outbox SET claimed_until = clock_timestamp() + make_interval(secs => $2)
        WHERE seq IN (SELECT seq FROM messaging.outbox
                       WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                       ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING seq, event_id, topic, message_key, value, headers`,
      [this.settings.outboxBatchSize, this.settings.outboxLeaseSeconds],
    );
    const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedRow[];
    if (claimed.length === 0) return 0;
    claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    const seqs = claimed.map((r) => r.seq);
    try {
      await this.publisher.publish(claimed.map((r) => ({ topic: r.topic, key: r.message_key, value: r.value, headers: r.headers })));
    } catch (e) {
      await this.dataSource.query(
        `UPDATE messaging.outbox SET claimed_until = NULL, publish_attempts = publish_attempts + 1, last_error = $2 WHERE ${inSeqOrder('seq = ANY($1::bigint[])')}`,
        [seqs, describeError(e)],
      );
      this.metrics.outboxFailures.inc(claimed.length);
      throw e;
    }
    await this.dataSource.query(`UPDATE messaging.outbox SET published_at = now(), claimed_until = NULL WHERE ${inSeqOrder('seq = ANY($1::bigint[])')}`, [seqs]);
    for (const r of claimed) this.metrics.outboxPublished.inc({ topic: r.topic, path: 'poll' });
    return claimed.length;
  }

  /** Unpublished rows, for health and tests. */
  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM messaging.outbox WHERE published_at IS NULL`);
    return row?.n ?? 0;
  }
}
