import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { InProcessContext, type InboundMessage } from './inbound';
import { MessagePublisher, type PublishRecord } from './message-publisher';

type Subscriber = (message: InboundMessage) => Promise<void>;

/**
 * Embedded mode's stand-in for Kafka. `publish` delivers each record to every subscriber of its topic
 * and resolves only when they have all processed it, so the outbox marks a message sent only after its
 * effects are committed: nothing is lost if the process stops. A recent window of each topic is kept
 * for inspection (dead-letter topics have no subscribers and are read from here).
 */
export class InProcessBroker extends MessagePublisher {
  readonly transportName = 'in-process';
  private readonly subscribers = new Map<string, Subscriber[]>();
  private readonly offsets = new Map<string, number>();
  private readonly retained = new Map<string, InboundMessage[]>();

  constructor(private readonly retainPerTopic = 1000) {
    super();
  }

  subscribe(topic: string, subscriber: Subscriber): void {
    this.subscribers.set(topic, [...(this.subscribers.get(topic) ?? []), subscriber]);
  }

  unsubscribeAll(): void {
    this.subscribers.clear();
  }

  /**
   * Delivers in order, one record at a time. The single outbox relay is the only regular caller, so
   * deliveries never overlap; a dead-letter publish from inside a handler goes to a topic nobody
   * subscribes to and returns at once.
   */
  async publish(records: PublishRecord[]): Promise<void> {
    for (const r of records) {
      const offset = this.offsets.get(r.topic) ?? 0;
      this.offsets.set(r.topic, offset + 1);
      const message: InboundMessage = {
        topic: r.topic,
        partition: 0,
        offset: String(offset),
        key: r.key,
        value: r.value === null ? null : Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value, 'utf8'),
        headers: { ...r.headers },
      };
      const kept = [...(this.retained.get(r.topic) ?? []), message];
      this.retained.set(r.topic, kept.slice(-this.retainPerTopic));
      for (const subscriber of this.subscribers.get(r.topic) ?? []) await subscriber(message);
    }
  }

  /** Recent messages of a topic, oldest first. */
  messages(topic: string): readonly InboundMessage[] {
    return this.retained.get(topic) ?? [];
  }

  async check(): Promise<void> {
    // Always available: it lives in this process.
  }
}

/** Nest transport strategy that routes in-process messages to @EventPattern handlers. */
export class InProcessTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(InProcessTransport.name);

  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  listen(callback: () => void): void {
    for (const [pattern, handler] of this.messageHandlers) {
      this.broker.subscribe(pattern, async (message) => {
        const result: unknown = await handler(message.value, new InProcessContext([message]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      });
      this.log.log(`subscribed to ${pattern}`);
    }
    callback();
  }

  close(): void {
    this.broker.unsubscribeAll();
  }

  on(): void {
    throw new Error('events are not supported by the in-process transport');
  }

  unwrap<T>(): T {
    return this.broker as unknown as T;
  }
}
