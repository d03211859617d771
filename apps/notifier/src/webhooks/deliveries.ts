import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { MatchNotificationV1 } from '@trialmatch/contracts';
import { FieldSeal } from '@trialmatch/platform';
import { NOTIFIER_SETTINGS, type NotifierSettings } from '../notifier.settings';
import { signWebhook, WEBHOOK_HEADERS } from './signature';

interface Due {
  id: string;
  url: string;
  secret: string;
  payload: string;
  attempts: number;
}

/** Leased while a call is under way (twice the call's time limit, at least 5 s): another instance, or this one after a crash, takes the delivery over after this. */
const leaseMs = (timeoutMs: number): number => Math.max(5000, 2 * timeoutMs);
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Webhook deliveries with at-least-once semantics: a delivery row is written in the same transaction as
 * the notification, for every active subscription of its site and/or trial; a worker calls the
 * subscriber with the payload signed (HMAC of timestamp and body), and on anything but 2xx retries with
 * exponential backoff until `maxAttempts`, after which the delivery is dead (manual redelivery only).
 * Rows are leased, not locked across the call, so several instances share the work and a crash mid-call
 * leads to one more attempt, never to a lost delivery; receivers dedupe on the delivery id header.
 */
@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveries.name);
  private timer: NodeJS.Timeout | null = null;
  private working: Promise<void> | null = null;
  private again = false;
  private stopping = false;

  private readonly seal: FieldSeal;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {
    this.seal = new FieldSeal(settings.webhooks.secretKey, 'webhook-secrets');
  }

  /** A subscription's secret as stored: sealed (rows from before sealing are plain and still work). */
  sealSecret(secret: string): string {
    return this.seal.seal(secret);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.webhooks.pollMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.working;
  }

  /**
   * In the notifications' transaction: one delivery per notification and matching active subscription
   * (one statement, in the notifications' order). Returns how many.
   */
  async enqueue(manager: EntityManager, notifications: readonly MatchNotificationV1[]): Promise<number> {
    if (notifications.length === 0) return 0;
    const rows = await manager.query<unknown[]>(
      `INSERT INTO notifier.webhook_deliveries (subscription_id, notification_id, payload)
       SELECT w.id, x.i, x.n FROM ROWS FROM (json_to_recordset($1::json) AS (i text, n text, s text, t text)) WITH ORDINALITY AS x(i, n, s, t, o)
       JOIN notifier.webhook_subscriptions w ON w.active AND (w.site IS NULL OR w.site = x.s) AND (w.trial_id IS NULL OR w.trial_id = x.t)
       ORDER BY x.o, w.id
       ON CONFLICT (subscription_id, notification_id) DO NOTHING RETURNING id`,
      [JSON.stringify(notifications.map((n) => ({ i: n.notificationId, n: JSON.stringify(n), s: n.site ?? null, t: n.trialId })))],
    );
    return rows.length;
  }

  /** Works through due deliveries; one pass at a time per instance. */
  tick(): Promise<void> {
    if (this.working) {
      this.again = true;
      return this.working;
    }
    this.working = (async () => {
      do {
        this.again = false;
        while (!this.stopping && (await this.batch()) > 0);
      } while (this.again && !this.stopping);
    })()
      .catch((e: unknown) => this.logger.warn(`webhook deliveries paused: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (this.working = null));
    return this.working;
  }

  private async batch(): Promise<number> {
    const due = await this.dataSource.query<Due[]>(
      `WITH claimed AS (
         UPDATE notifier.webhook_deliveries d SET next_attempt_at = now() + ($1 || ' milliseconds')::interval
         WHERE d.id IN (SELECT id FROM notifier.webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
         RETURNING d.id, d.subscription_id, d.payload, d.attempts)
       SELECT c.id::text AS id, s.url, s.secret, c.payload, c.attempts FROM claimed c JOIN notifier.webhook_subscriptions s ON s.id = c.subscription_id`,
      [String(leaseMs(this.settings.webhooks.timeoutMs))],
    );
    await Promise.all(due.map((d) => this.attempt(d)));
    return due.length;
  }

  private async attempt(d: Due): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    let code: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_HEADERS.timestamp]: String(timestamp), [WEBHOOK_HEADERS.signature]: signWebhook(this.seal.open(d.secret), timestamp, d.payload), [WEBHOOK_HEADERS.delivery]: d.id },
        body: d.payload,
        signal: AbortSignal.timeout(this.settings.webhooks.timeoutMs),
        redirect: 'error',
      });
      code = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = d.attempts + 1;
    const { maxAttempts, backoffMs } = this.settings.webhooks;
    const status = error === null ? 'succeeded' : attempts >= maxAttempts ? 'dead' : 'pending';
    const delay = Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** (attempts - 1));
    await this.dataSource.query(
      `UPDATE notifier.webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, last_error = $5,
         next_attempt_at = now() + ($6 || ' milliseconds')::interval, delivered_at = CASE WHEN $2 = 'succeeded' THEN now() END WHERE id = $1`,
      [d.id, status, attempts, code, error, String(delay)],
    );
    if (status === 'dead') this.logger.warn(`webhook delivery ${d.id} dead after ${attempts} attempt(s): ${error}`);
  }

  /** Manual redelivery of a dead (or any) delivery: pending again, now, with a fresh attempt count. */
  async redeliver(id: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    const rows = await this.dataSource.query<unknown[]>(
      `WITH r AS (UPDATE notifier.webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 RETURNING id) SELECT * FROM r`,
      [id],
    );
    if (rows.length > 0) void this.tick();
    return rows.length > 0;
  }
}
