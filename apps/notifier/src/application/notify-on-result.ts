import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { decideNotification, OPEN_SCREENING_STATUSES as OPEN_STATUSES, releaseDue, type Notification, type NotificationMemory, type TrialVerdict } from '@trialmatch/core';
import { MATCH_NOTIFICATION_SCHEMA_VERSION, TOPICS, type MatchNotificationV1, type MatchResultV1 } from '@trialmatch/contracts';
import { Outbox, PeriodicTask } from '@trialmatch/platform';
import { NOTIFIER_SETTINGS, type NotifierSettings } from '../notifier.settings';
import { WebhookDeliveries } from '../webhooks/deliveries';


interface StateRow {
  verdict: TrialVerdict | null;
  criteria_version: number;
  profile_version: number;
  last_kind: MatchNotificationV1['kind'] | null;
  last_eligible_from: string | null;
  last_eligible_from_month: string | null;
  last_notified_at: Date | null;
  pending: { notification: Notification; dueAt: string; resultId: string; site: string | null; previousVerdict: TrialVerdict | null } | null;
}

/** The key of a (patient, trial, cohort) and what a notification about it carries besides the policy's decision. */
interface Subject {
  patientPseudonym: string;
  trialId: string;
  cohortId: string;
  site: string | null;
  resultId: string;
  previousVerdict: TrialVerdict | null;
}

const memoryOf = (row: StateRow | undefined): NotificationMemory | null =>
  row
    ? {
        verdict: row.verdict,
        last: row.last_kind ? { kind: row.last_kind, eligibleFrom: row.last_eligible_from, eligibleFromMonth: row.last_eligible_from_month, at: new Date(row.last_notified_at ?? 0).toISOString() } : null,
        pending: row.pending ? { notification: row.pending.notification, dueAt: row.pending.dueAt, resultId: row.pending.resultId } : null,
      }
    : null;

/**
 * Stores the policy's memory, a notification row and its outbox message, in the caller's transaction, and
 * keeps the coordinator's screening in step: a match announced opens a screening (status new) if there is
 * none; a match that stops holding flags an open screening instead of closing it.
 */
@Injectable()
export class Notifications {
  constructor(
    private readonly outbox: Outbox,
    private readonly webhooks: WebhookDeliveries,
  ) {}

  /**
   * The policy's memory of several (patient, trial, cohort), one statement (each key at most once). Without
   * versions (a held notification released) the stored ones stay: versions start at 1, so 0 means "not given".
   */
  async rememberAll(manager: EntityManager, entries: ReadonlyArray<{ subject: Subject; memory: NotificationMemory; versions: { criteria: number; profile: number } | null }>): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map(({ subject: s, memory, versions }) => ({
      p: s.patientPseudonym,
      t: s.trialId,
      c: s.cohortId,
      v: memory.verdict,
      cv: versions?.criteria ?? null,
      pv: versions?.profile ?? null,
      lk: memory.last?.kind ?? null,
      le: memory.last?.eligibleFrom ?? null,
      lm: memory.last?.eligibleFromMonth ?? null,
      la: memory.last?.at ?? null,
      // A held notification keeps the result its reasons come from and the verdict before it was first held.
      pe: memory.pending
        ? { ...memory.pending, resultId: memory.pending.resultId ?? s.resultId, site: s.site, previousVerdict: memory.pending.notification.previousVerdict ?? s.previousVerdict }
        : null,
      pd: memory.pending?.dueAt ?? null,
    }));
    await manager.query(
      `INSERT INTO notifier.verdict_state (patient_pseudonym, trial_id, cohort_id, verdict, criteria_version, profile_version, last_kind, last_eligible_from, last_eligible_from_month, last_notified_at, pending, pending_due_at)
       SELECT p, t, c, v, coalesce(cv, 0), coalesce(pv, 0), lk, le, lm, la, pe, pd
       FROM json_to_recordset($1::json) AS x(p text, t text, c text, v text, cv int, pv int, lk text, le date, lm text, la timestamptz, pe jsonb, pd timestamptz)
       ON CONFLICT (patient_pseudonym, trial_id, cohort_id) DO UPDATE SET verdict = EXCLUDED.verdict,
         criteria_version = CASE WHEN EXCLUDED.criteria_version = 0 THEN notifier.verdict_state.criteria_version ELSE EXCLUDED.criteria_version END,
         profile_version = CASE WHEN EXCLUDED.profile_version = 0 THEN notifier.verdict_state.profile_version ELSE EXCLUDED.profile_version END,
         last_kind = EXCLUDED.last_kind, last_eligible_from = EXCLUDED.last_eligible_from, last_eligible_from_month = EXCLUDED.last_eligible_from_month, last_notified_at = EXCLUDED.last_notified_at,
         pending = EXCLUDED.pending, pending_due_at = EXCLUDED.pending_due_at, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }

  /** Set when a transaction added webhook deliveries: the caller wakes the worker after committing (see `afterCommit`). */
  private wakeWebhooksAfterCommit = false;

  /** Starts due webhook deliveries at once rather than at the next poll. */
  afterCommit(): void {
    if (!this.wakeWebhooksAfterCommit) return;
    this.wakeWebhooksAfterCommit = false;
    void this.webhooks.tick();
  }

  /**
   * The screenings of several notifications (in order), two statements whatever the count. Per
   * (patient, trial, cohort) the sequence reduces to what it leaves: an announced match opens a screening
   * if there is none, else clears its flag; a match that stops holding flags an open one (with its
   * reasons). So a key's last announcement wins over earlier flags, and a flag after an announcement is
   * applied after it.
   */
  private async trackAll(manager: EntityManager, items: ReadonlyArray<{ subject: Subject; notify: Notification }>): Promise<void> {
    const byKey = new Map<string, { announce: Subject | null; flag: { s: Subject; reason: string } | null }>();
    for (const { subject: s, notify: n } of items) {
      const key = JSON.stringify([s.patientPseudonym, s.trialId, s.cohortId]);
      const entry = byKey.get(key) ?? { announce: null, flag: null };
      if (n.kind === 'NO_LONGER_ELIGIBLE') entry.flag = { s, reason: `match no longer holds (${(n.reasons ?? []).join(', ') || 'ineligible'})` };
      else {
        entry.announce ??= s; // the screening, if opened here, is opened with the first announcement's site
        entry.flag = null;
      }
      byKey.set(key, entry);
    }
    const entries = [...byKey.values()];
    const announced = entries.flatMap((e) => (e.announce ? [{ p: e.announce.patientPseudonym, t: e.announce.trialId, c: e.announce.cohortId, s: e.announce.site }] : []));
    const flagged = entries.flatMap((e) => (e.flag ? [{ p: e.flag.s.patientPseudonym, t: e.flag.s.trialId, c: e.flag.s.cohortId, f: e.flag.reason }] : []));
    if (announced.length > 0) {
      await manager.query(
        `INSERT INTO notifier.screenings (patient_pseudonym, trial_id, cohort_id, site) SELECT p, t, c, s FROM json_to_recordset($1::json) AS x(p text, t text, c text, s text)
         ON CONFLICT (patient_pseudonym, trial_id, cohort_id) DO UPDATE SET flag = NULL, updated_at = now() WHERE notifier.screenings.flag IS NOT NULL`,
        [JSON.stringify(announced)],
      );
    }
    if (flagged.length > 0) {
      await manager.query(
        `UPDATE notifier.screenings sc SET flag = x.f, updated_at = now() FROM json_to_recordset($1::json) AS x(p text, t text, c text, f text)
         WHERE sc.patient_pseudonym = x.p AND sc.trial_id = x.t AND sc.cohort_id = x.c AND sc.status = ANY($2)`,
        [JSON.stringify(flagged), OPEN_STATUSES],
      );
    }
  }

  /**
   * Several notifications (in order) in the caller's transaction: their rows, their screenings (see
   * trackAll), their webhook deliveries and their outbox messages, one statement each whatever the count.
   */
  async sendAll(manager: EntityManager, items: ReadonlyArray<{ subject: Subject; notify: Notification; correlationId: string }>): Promise<MatchNotificationV1[]> {
    if (items.length === 0) return [];
    const notifications = items.map(({ subject: s, notify: n }): MatchNotificationV1 => ({
      notificationId: randomUUID(),
      patientPseudonym: s.patientPseudonym,
      ...(s.site ? { site: s.site } : {}),
      trialId: s.trialId,
      ...(s.cohortId ? { cohortId: s.cohortId } : {}),
      kind: n.kind,
      verdict: n.verdict,
      ...((n.previousVerdict ?? s.previousVerdict) ? { previousVerdict: (n.previousVerdict ?? s.previousVerdict)! } : {}),
      ...(n.eligibleFrom ? { eligibleFrom: n.eligibleFrom } : {}),
      ...(n.eligibleFromMonth ? { eligibleFromMonth: n.eligibleFromMonth } : {}),
      ...(n.toCollect ? { toCollect: n.toCollect } : {}),
      ...(n.reasons ? { reasons: n.reasons } : {}),
      resultId: s.resultId,
      createdAt: new Date().toISOString(),
    }));
    await manager.query(
      `INSERT INTO notifier.notifications (notification_id, patient_pseudonym, trial_id, cohort_id, kind, verdict, previous_verdict, result_id, site, eligible_from, eligible_from_month, to_collect, reasons)
       SELECT i, p, t, c, k, v, pv, r, s, ef, em, tc, rs
       FROM json_to_recordset($1::json) AS x(i text, p text, t text, c text, k text, v text, pv text, r text, s text, ef date, em text, tc jsonb, rs jsonb)`,
      [
        JSON.stringify(
          notifications.map((n) => ({
            i: n.notificationId,
            p: n.patientPseudonym,
            t: n.trialId,
            c: n.cohortId ?? '',
            k: n.kind,
            v: n.verdict,
            pv: n.previousVerdict ?? null,
            r: n.resultId,
            s: n.site ?? null,
            ef: n.eligibleFrom ?? null,
            em: n.eligibleFromMonth ?? null,
            tc: n.toCollect ?? null,
            rs: n.reasons ?? null,
          })),
        ),
      ],
    );
    await this.trackAll(manager, items);
    if ((await this.webhooks.enqueue(manager, notifications)) > 0) this.wakeWebhooksAfterCommit = true;
    await this.outbox.enqueue(
      manager,
      notifications.map((n, i) => ({
        topic: TOPICS.matchNotifications,
        key: n.patientPseudonym,
        value: n,
        eventId: n.notificationId,
        schemaVersion: MATCH_NOTIFICATION_SCHEMA_VERSION,
        messageType: 'MatchNotification',
        correlationId: items[i]!.correlationId,
      })),
    );
    return notifications;
  }
}

/**
 * Turns a changed match result into at most one notification, by the policy in libs/core
 * (`decideNotification`). Results older than the state already held (by criteria version, then profile
 * version) are ignored, so reordering cannot resurrect a verdict.
 */
@Injectable()
export class NotifyOnResult {
  constructor(
    private readonly notifications: Notifications,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  async execute(manager: EntityManager, result: MatchResultV1, correlationId: string, now = new Date()): Promise<MatchNotificationV1 | null> {
    const [sent] = await this.executeBatch(manager, [{ result, correlationId }], now);
    return sent ?? null;
  }

  /**
   * Several results (a fetched batch, in order) in the caller's transaction: the states of their
   * (patient, trial, cohort) read and locked in one statement, each result decided in order against the
   * state the ones before it left, the final states written in one statement; returns the notifications
   * sent, in order.
   */
  async executeBatch(manager: EntityManager, items: ReadonlyArray<{ result: MatchResultV1; correlationId: string }>, now = new Date()): Promise<MatchNotificationV1[]> {
    const keyOf = (r: MatchResultV1): string => JSON.stringify([r.patientPseudonym, r.trialId, r.cohortId ?? '']);
    const keys = [...new Set(items.map((i) => keyOf(i.result)))].sort();
    const states = new Map<string, { memory: NotificationMemory | null; criteria: number; profile: number }>();
    for (const row of await manager.query<Array<StateRow & { k: string }>>(
      `SELECT x.k, s.verdict, s.criteria_version, s.profile_version, s.last_kind, s.last_eligible_from::text AS last_eligible_from, s.last_eligible_from_month, s.last_notified_at, s.pending
       FROM json_array_elements_text($1::json) WITH ORDINALITY AS x(k, n)
       JOIN notifier.verdict_state s ON (s.patient_pseudonym, s.trial_id, s.cohort_id) = (x.k::json->>0, x.k::json->>1, x.k::json->>2)
       ORDER BY x.n FOR UPDATE OF s`,
      [JSON.stringify(keys)],
    )) {
      states.set(row.k, { memory: memoryOf(row), criteria: row.criteria_version, profile: row.profile_version });
    }
    const remembered = new Map<string, { subject: Subject; memory: NotificationMemory; versions: { criteria: number; profile: number } }>();
    const sends: Array<{ subject: Subject; notify: Notification; correlationId: string }> = [];
    for (const { result, correlationId } of items) {
      const key = keyOf(result);
      const state = states.get(key);
      if (state && (state.criteria > result.criteriaVersion || (state.criteria === result.criteriaVersion && state.profile > result.profileVersion))) continue;
      const decision = decideNotification(state?.memory ?? null, { ...result, missing: result.missing ?? result.criteria.flatMap((c) => (c.outcome === 'UNKNOWN' ? (c.missing ?? []) : [])) }, now, this.settings.policy);
      const cohortId = result.cohortId ?? '';
      const subject: Subject = { patientPseudonym: result.patientPseudonym, trialId: result.trialId, cohortId, site: result.site ?? null, resultId: result.resultId, previousVerdict: state?.memory?.verdict ?? null };
      const versions = { criteria: result.criteriaVersion, profile: result.profileVersion };
      states.set(key, { memory: decision.memory, ...versions });
      remembered.set(key, { subject, memory: decision.memory, versions });
      if (decision.notify) sends.push({ subject, notify: decision.notify, correlationId });
    }
    await this.notifications.rememberAll(manager, [...remembered.values()]);
    return this.notifications.sendAll(manager, sends);
  }
}

/** Sends the notifications the quiet period held back once it is over (if what they announce still holds: see `releaseDue`). */
@Injectable()
export class ReleaseHeldNotifications implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task = new PeriodicTask('releasing held notifications', new Logger(ReleaseHeldNotifications.name), () => this.release(new Date()));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: Notifications,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.releaseCheckMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Releases every held notification that is due; returns how many were sent. */
  private release(now: Date): Promise<number> {
    return this.dataSource
      .transaction(async (m) => {
        const rows = await m.query<Array<StateRow & { patient_pseudonym: string; trial_id: string; cohort_id: string }>>(
          `SELECT patient_pseudonym, trial_id, cohort_id, verdict, criteria_version, profile_version, last_kind, last_eligible_from::text AS last_eligible_from, last_eligible_from_month, last_notified_at, pending
           FROM notifier.verdict_state WHERE pending_due_at <= $1 ORDER BY pending_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        const released = rows.flatMap((row) => {
          const due = releaseDue(memoryOf(row)!, now);
          if (!due || !row.pending) return [];
          const subject: Subject = { patientPseudonym: row.patient_pseudonym, trialId: row.trial_id, cohortId: row.cohort_id, site: row.pending.site, resultId: row.pending.resultId, previousVerdict: row.pending.previousVerdict };
          return [{ subject, memory: due.memory, notify: due.notify, versions: null, correlationId: `release-${randomUUID()}` }];
        });
        await this.notifications.rememberAll(m, released);
        return (await this.notifications.sendAll(m, released)).length;
      })
      .then((sent) => {
        this.notifications.afterCommit();
        return sent;
      });
  }
}
