import type { EntityManager } from 'typeorm';
import type { Notification } from '@trialmatch/core';
import type { Outbox } from '@trialmatch/platform';
import type { WebhookDeliveries } from '../webhooks/deliveries';
import { Notifications } from './notify-on-result';

/** A transaction that records its statements (the SQL itself is exercised against PostgreSQL in test/notifier.test.ts). */
function recorder(): { manager: EntityManager; calls: Array<{ sql: string; params: unknown[] }> } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const manager = { query: (sql: string, params: unknown[] = []) => (calls.push({ sql, params }), Promise.resolve([])) } as unknown as EntityManager;
  return { manager, calls };
}

const subject = (p: string, cohortId = 'A', site: string | null = 'site-north') => ({ patientPseudonym: p, trialId: 'NCT00000001', cohortId, site, resultId: `r-${p}`, previousVerdict: null });
const announce: Notification = { kind: 'NEW_ELIGIBLE', verdict: 'ELIGIBLE' };
const stop = (reason: string): Notification => ({ kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: [reason] });

describe('Notifications.sendAll', () => {
  const outbox = { enqueue: jest.fn(() => Promise.resolve([])) };
  const webhooks = { enqueue: jest.fn(() => Promise.resolve(0)) };
  const notifications = new Notifications(outbox as unknown as Outbox, webhooks as unknown as WebhookDeliveries);
  beforeEach(() => jest.clearAllMocks());

  it('writes a batch in one statement per table, in order, and the screenings as the sequence per match leaves them', async () => {
    const { manager, calls } = recorder();
    const items = [
      { subject: subject('pt_a'), notify: announce, correlationId: 'c1' }, // announced, then no longer holding: opened, then flagged
      { subject: subject('pt_b'), notify: stop('exc-cns'), correlationId: 'c2' }, // flagged, then announced again: the announcement wins
      { subject: subject('pt_a'), notify: stop('inc-anc'), correlationId: 'c3' },
      { subject: subject('pt_b'), notify: announce, correlationId: 'c4' },
      { subject: subject('pt_c', 'A', 'site-north'), notify: announce, correlationId: 'c5' }, // announced twice: opened with the first one's site
      { subject: subject('pt_c', 'A', 'site-south'), notify: { kind: 'ELIGIBLE_NOW', verdict: 'ELIGIBLE' } as Notification, correlationId: 'c6' },
      { subject: subject('pt_d', 'B'), notify: stop('exc-a'), correlationId: 'c7' }, // flagged twice: the last reasons
      { subject: subject('pt_d', 'B'), notify: stop('exc-b'), correlationId: 'c8' },
    ];
    const sent = await notifications.sendAll(manager, items);

    expect(sent.map((n) => [n.patientPseudonym, n.kind])).toEqual(items.map((i) => [i.subject.patientPseudonym, i.notify.kind]));
    expect(new Set(sent.map((n) => n.notificationId)).size).toBe(items.length);
    expect(calls).toHaveLength(3); // notifications, screenings opened or unflagged, screenings flagged
    const rows = JSON.parse(calls[0]!.params[0] as string) as Array<{ i: string; k: string; rs: string[] | null }>;
    expect(rows.map((r) => [r.i, r.k])).toEqual(sent.map((n) => [n.notificationId, n.kind]));
    expect(rows[1]!.rs).toEqual(['exc-cns']);

    expect(calls[1]!.sql).toContain('INSERT INTO notifier.screenings');
    expect(JSON.parse(calls[1]!.params[0] as string)).toEqual([
      { p: 'pt_a', t: 'NCT00000001', c: 'A', s: 'site-north' },
      { p: 'pt_b', t: 'NCT00000001', c: 'A', s: 'site-north' },
      { p: 'pt_c', t: 'NCT00000001', c: 'A', s: 'site-north' },
    ]);
    expect(calls[2]!.sql).toContain('UPDATE notifier.screenings');
    expect(JSON.parse(calls[2]!.params[0] as string)).toEqual([
      { p: 'pt_a', t: 'NCT00000001', c: 'A', f: 'match no longer holds (inc-anc)' },
      { p: 'pt_d', t: 'NCT00000001', c: 'B', f: 'match no longer holds (exc-b)' },
    ]);

    expect(webhooks.enqueue).toHaveBeenCalledTimes(1);
    expect(webhooks.enqueue).toHaveBeenCalledWith(manager, sent);
    expect(outbox.enqueue).toHaveBeenCalledTimes(1);
    const [, messages] = outbox.enqueue.mock.calls[0] as unknown as [EntityManager, Array<{ eventId: string; key: string; correlationId: string }>];
    expect(messages.map((m) => [m.eventId, m.key, m.correlationId])).toEqual(sent.map((n, i) => [n.notificationId, n.patientPseudonym, items[i]!.correlationId]));
  });

  it('writes nothing for an empty batch, and only the statements a batch needs', async () => {
    const empty = recorder();
    expect(await notifications.sendAll(empty.manager, [])).toEqual([]);
    expect(empty.calls).toEqual([]);
    expect(outbox.enqueue).not.toHaveBeenCalled();

    const onlyFlags = recorder();
    await notifications.sendAll(onlyFlags.manager, [{ subject: subject('pt_e'), notify: stop('exc-cns'), correlationId: 'c' }]);
    expect(onlyFlags.calls.map((c) => c.sql.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['INSERT INTO', 'UPDATE notifier.screenings']);
  });
});

describe('Notifications.rememberAll', () => {
  const notifications = new Notifications({ enqueue: jest.fn() } as unknown as Outbox, { enqueue: jest.fn() } as unknown as WebhookDeliveries);

  it('keeps with a held notification the result its reasons come from and the verdict before the hold, not the latest subject', async () => {
    const { manager, calls } = recorder();
    const held: Notification = { kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: ['exc-cns'], previousVerdict: 'ELIGIBLE' };
    // The subject is the latest result's (another ineligible, previous verdict ineligible); the hold started at r-2.
    const latest = { ...subject('pt_a'), resultId: 'r-3', previousVerdict: 'INELIGIBLE' as const };
    await notifications.rememberAll(manager, [{ subject: latest, memory: { verdict: 'INELIGIBLE', last: null, pending: { notification: held, dueAt: '2026-01-01T01:00:00.000Z', resultId: 'r-2' } }, versions: null }]);
    const rows = JSON.parse(calls[0]!.params[0] as string) as Array<{ pe: { resultId: string; previousVerdict: string; site: string } }>;
    expect(rows[0]!.pe).toMatchObject({ resultId: 'r-2', previousVerdict: 'ELIGIBLE', site: 'site-north' });
  });

  it('sends a notification with its own previous verdict when it carries one (a held one released by a withdrawal)', async () => {
    const { manager, calls } = recorder();
    const sent = await new Notifications({ enqueue: jest.fn(() => Promise.resolve([])) } as unknown as Outbox, { enqueue: jest.fn(() => Promise.resolve(0)) } as unknown as WebhookDeliveries).sendAll(manager, [
      { subject: { ...subject('pt_a'), previousVerdict: 'INELIGIBLE' }, notify: { kind: 'NO_LONGER_ELIGIBLE', verdict: 'INELIGIBLE', reasons: ['exc-cns', 'trial closed'], previousVerdict: 'ELIGIBLE' }, correlationId: 'c1' },
    ]);
    expect(sent[0]).toMatchObject({ previousVerdict: 'ELIGIBLE', reasons: ['exc-cns', 'trial closed'] });
    expect(calls.length).toBeGreaterThan(0);
  });
});
