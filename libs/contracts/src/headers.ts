/** Kafka header names carried by every message we produce. */
export const HEADERS = {
  eventId: 'x-event-id',
  schemaVersion: 'x-schema-version',
  correlationId: 'x-correlation-id',
  messageType: 'x-message-type',
  producedAt: 'x-produced-at',
} as const;

/** Extra headers on a dead-lettered copy; the value and key are the original bytes. */
export const DLQ_HEADERS = {
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumer: 'x-dlq-consumer',
  error: 'x-dlq-error',
  errorKind: 'x-dlq-error-kind',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
  /** Present (v1) when the value is the original bytes, base64, sealed (FieldSeal) because they carry identifiers. */
  sealed: 'x-dlq-sealed',
} as const;
