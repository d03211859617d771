import { BaseRpcContext, KafkaContext } from '@nestjs/microservices';

/** A consumed message, whatever transport brought it. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** The context the in-process transport hands to @EventPattern handlers. */
export class InProcessContext extends BaseRpcContext<[InboundMessage]> {
  getMessage(): InboundMessage {
    return this.args[0];
  }
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (Array.isArray(v)) return asText(v[0]);
  return JSON.stringify(v);
}

function asBuffer(v: unknown): Buffer | null {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  return Buffer.from(JSON.stringify(v), 'utf8');
}

/**
 * Several consecutive messages of one partition, handed at once to a handler declared with
 * `@EventPattern(topic, BATCH)` (our Kafka server; the in-process transport hands batches of one).
 */
export class InboundBatchContext extends BaseRpcContext<[InboundMessage[]]> {
  getMessages(): InboundMessage[] {
    return this.args[0];
  }
}

/** Extras for `@EventPattern`: the handler takes the messages of a fetched batch together (InboundBatchContext). */
export const BATCH = { batch: true } as const;

/** The messages a handler was given: a batch, or the one message of a per-message context. */
export function inboundBatchFrom(ctx: KafkaContext | InProcessContext | InboundBatchContext): InboundMessage[] {
  return ctx instanceof InboundBatchContext ? ctx.getMessages() : [inboundFrom(ctx)];
}

/** A kafkajs message as an InboundMessage. */
export function inboundFromKafka(topic: string, partition: number, m: { offset: string; key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> }): InboundMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const text = asText(value);
    if (text !== null) headers[name] = text;
  }
  return { topic, partition, offset: m.offset, key: asText(m.key), value: m.value, headers };
}

/** Normalizes Nest's Kafka context (parser set to keepBinary) and ours to one shape. */
export function inboundFrom(ctx: KafkaContext | InProcessContext): InboundMessage {
  if (ctx instanceof InProcessContext) return ctx.getMessage();
  const m = ctx.getMessage();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const text = asText(value);
    if (text !== null) headers[name] = text;
  }
  return {
    topic: ctx.getTopic(),
    partition: ctx.getPartition(),
    offset: m.offset,
    key: asText(m.key),
    value: asBuffer(m.value),
    headers,
  };
}
