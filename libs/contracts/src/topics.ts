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
}

/** What scripts/infra creates (auto-create is off on our brokers). */
export function topicSpecs(partitions = 6): TopicSpec[] {
  const main: TopicSpec[] = Object.values(TOPICS).map((name) => ({
    name,
    partitions: name === TOPICS.trialCriteria ? 1 : partitions,
    compacted: name === TOPICS.trialCriteria,
  }));
  const dlqs: TopicSpec[] = CONSUMED_TOPICS.map((name) => ({ name: dlqTopic(name), partitions: 1, compacted: false }));
  return [...main, ...dlqs];
}
