import type { NotificationPolicySettings } from '@trialmatch/core';

export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');

export interface NotifierSettings {
  policy: NotificationPolicySettings;
  /** How often notifications held back by the quiet period are looked at. */
  releaseCheckMs: number;
  /** How often finished days' digests are looked for, and how many days back. */
  digestCheckMs: number;
  digestDays: number;
  webhooks: {
    /** How often due deliveries are looked for (and at once after a notification). */
    pollMs: number;
    /** Attempts before a delivery is dead (manual redelivery only). */
    maxAttempts: number;
    /** First retry delay; doubled on every further attempt, at most an hour. */
    backoffMs: number;
    /** How long one call may take. */
    timeoutMs: number;
    /** Seals subscriptions' signing secrets at rest (FieldSeal); they are opened only to sign. */
    secretKey: string;
  };
}
