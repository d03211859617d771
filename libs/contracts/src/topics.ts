/** Every Kafka topic the system uses, in one place. Consumed topics each have a `.dlq` companion. */
export const TOPICS = {
  patientEvents: 'patient-events.v1',
  patientProfiles: 'patient-profiles.v1',
  trialCriteria: 'trial-criteria.v1',
  matchResults: 'match-results.v1',
  matchNotifications: 'match-notifications.v1',
  siteDigests: 'site-digests.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const dlqTopic = (topic: string): string => `${topic}.dlq`;

/** Topics some service of ours consumes; each gets a dead-letter topic. */
export const CONSUMED_TOPICS: readonly TopicName[] = [
  TOPICS.patientEvents,
  TOPICS.patientProfiles,
  TOPICS.trialCriteria,
  TOPICS.matchResults,
];

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Keyed by trial id and read as the latest version per trial. */
  compacted: boolean;
  /** How long messages are kept (retention.ms; -1: for ever, the compacted trial topic). */
  retentionMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Retention: every consumer stores what it consumed (intake the events, the matcher the profiles, the
 * notifier the results), so a week on the topics covers any outage and a replay; dead letters are kept
 * 30 days for someone to look at and replay; the trial topic is compacted and kept for ever (the
 * latest version of every trial stays on it).
 */
const retentionOf = (name: string, dlq: boolean): number => (dlq ? 30 * DAY_MS : name === TOPICS.trialCriteria ? -1 : 7 * DAY_MS);

/** Kafka topic configuration entries of a topic (what `create-topics` and deploy/k8s set). */
export function topicConfig(t: TopicSpec): Record<string, string> {
  return { 'cleanup.policy': t.compacted ? 'compact' : 'delete', 'retention.ms': String(t.retentionMs) };
}

/** What scripts/infra creates (auto-create is off on our brokers). */
export function topicSpecs(partitions = 6): TopicSpec[] {
  const main: TopicSpec[] = Object.values(TOPICS).map((name) => ({
    name,
    partitions: name === TOPICS.trialCriteria ? 1 : partitions,
    compacted: name === TOPICS.trialCriteria,
    retentionMs: retentionOf(name, false),
  }));
  const dlqs: TopicSpec[] = CONSUMED_TOPICS.map((name) => ({ name: dlqTopic(name), partitions: 1, compacted: false, retentionMs: retentionOf(name, true) }));
  return [...main, ...dlqs];
}
