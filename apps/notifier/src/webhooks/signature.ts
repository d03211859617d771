import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  timestamp: 'x-trialmatch-timestamp',
  signature: 'x-trialmatch-signature',
  delivery: 'x-trialmatch-delivery',
} as const;

/**
 * The signature of a webhook body: `v1=` and the hex HMAC-SHA256, keyed with the subscription's secret, of
 * `<timestamp>.<body>` (timestamp in Unix seconds, body as sent). Signing the timestamp lets receivers
 * refuse replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature over the raw body, compare in constant time, and refuse
 * timestamps further than `toleranceSeconds` from its clock.
 */
export function verifyWebhook(secret: string, headers: { timestamp?: string; signature?: string }, body: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
