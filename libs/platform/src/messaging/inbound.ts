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
