import type { NotificationPolicySettings } from '@trialmatch/core';

export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');

export interface NotifierSettings {
  policy: NotificationPolicySettings;
  /** How often notifications held back by the quiet period are looked at. */
  releaseCheckMs: number;
}
