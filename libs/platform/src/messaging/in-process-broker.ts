import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
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
 * for inspection (dead-letter topics have no subscribers and are read from here). With `deadLetterFile`, every
 * dead letter (a topic ending in `.dlq`) is also appended to that file, one JSON line each, and written to disk
 * before `publish` returns; the file is read back at start: dead letters outlive a restart, as on Kafka.
 */
export class InProcessBroker extends MessagePublisher {
  readonly transportName = 'in-process';
  private readonly subscribers = new Map<string, Subscriber[]>();
  private readonly offsets = new Map<string, number>();
  private readonly retained = new Map<string, InboundMessage[]>();

  constructor(
    private readonly retainPerTopic = 1000,
    private readonly deadLetterFile: string | null = null,
  ) {
    super();
    if (deadLetterFile && existsSync(deadLetterFile)) {
      const text = readFileSync(deadLetterFile, 'utf8');
      // A line cut short by a crash is closed, so that the next dead letter starts a line of its own.
      if (text !== '' && !text.endsWith('\n')) appendFileSync(deadLetterFile, '\n');
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        try {
          this.retain(InProcessBroker.fromLine(line));
        } catch {
          // A line cut short by a crash while it was written: the rest are still read.
        }
      }
    }
  }

  private static toLine(m: InboundMessage): string {
    return `${JSON.stringify({ topic: m.topic, offset: m.offset, key: m.key, value: m.value === null ? null : m.value.toString('base64'), headers: m.headers })}\n`;
  }

  private static fromLine(line: string): InboundMessage {
    const o = JSON.parse(line) as { topic: string; offset: string; key: string | null; value: string | null; headers: Record<string, string> };
    return { topic: o.topic, partition: 0, offset: o.offset, key: o.key, value: o.value === null ? null : Buffer.from(o.value, 'base64'), headers: o.headers };
  }

  private retain(message: InboundMessage): void {
    const kept = [...(this.retained.get(message.topic) ?? []), message];
    this.retained.set(message.topic, kept.slice(-this.retainPerTopic));
    const next = Number(message.offset) + 1;
    if (next > (this.offsets.get(message.topic) ?? 0)) this.offsets.set(message.topic, next);
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
      if (this.deadLetterFile && r.topic.endsWith('.dlq')) {
        const fd = openSync(this.deadLetterFile, 'a');
        try {
          appendFileSync(fd, InProcessBroker.toLine(message));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      this.retain(message);
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
