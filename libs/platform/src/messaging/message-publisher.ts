/** A message ready for the wire: exact bytes, key and headers. */
export interface PublishRecord {
  topic: string;
  key: string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/**
 * Where messages go: Kafka in distributed mode, the in-process broker in embedded mode.
 * `publish` resolves only once every record is durably accepted, in order.
 */
export abstract class MessagePublisher {
  abstract publish(records: PublishRecord[]): Promise<void>;
  /** Throws when the transport cannot take messages now (used by the readiness check). */
  abstract check(): Promise<void>;
  abstract readonly transportName: string;
}
