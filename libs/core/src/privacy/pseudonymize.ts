import { createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * A stable pseudonym for a patient: keyed HMAC of (source, identifier), so the same patient from the
 * same sender always maps to the same pseudonym and the identifier cannot be recovered without the key.
 */
export function pseudonymize(key: string, source: string, patientId: string): string {
  if (key.length < 16) throw new Error('pseudonym key must be at least 16 characters');
  const digest = createHmac('sha256', key).update(`${source}\u0000${patientId}`).digest('hex');
  return `pt_${digest.slice(0, 24)}`;
}

/**
 * A stable reference to one event that does not reveal its id (senders' event ids may embed their
 * patient identifiers): what leaves intake in place of an event id. Intake's timeline shows both.
 */
export function eventRef(key: string, eventId: string): string {
  if (key.length < 16) throw new Error('pseudonym key must be at least 16 characters');
  return `ev_${createHmac('sha256', key).update(`event\u0000${eventId}`).digest('hex').slice(0, 20)}`;
}

/**
 * Event references under one key, the most recently used remembered (a reference never changes, and a
 * patient's profile is rebuilt from the same events again and again: each new event re-derives the
 * references of the whole history).
 */
export class EventRefs {
  private readonly known: LRUCache<string, string>;

  constructor(
    private readonly key: string,
    max = 100_000,
  ) {
    if (key.length < 16) throw new Error('pseudonym key must be at least 16 characters');
    this.known = new LRUCache({ max });
  }

  of(eventId: string): string {
    let ref = this.known.get(eventId);
    if (ref === undefined) this.known.set(eventId, (ref = eventRef(this.key, eventId)));
    return ref;
  }
}

/**
 * A profile as it may travel on a topic: every event id replaced by its reference, and the fields that
 * would carry identifying dates withheld (first/last event dates: a demographics event is dated by the
 * birth date). The birth date itself is sealed by the caller (the matcher needs it to compute ages).
 * `refs`: the key, or an EventRefs that remembers references across calls.
 */
export function profileForTopic<P extends { firstEventAt: string | null; lastEventAt: string | null }>(profile: P, eventIds: Iterable<string>, refs: string | EventRefs): P {
  const map = new Map<string, string>();
  for (const id of eventIds) map.set(id, typeof refs === 'string' ? eventRef(refs, id) : refs.of(id));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map.get(v) ?? v;
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = walk(v[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = walk((v as Record<string, unknown>)[k]);
    return out;
  };
  return { ...(walk(profile) as P), firstEventAt: null, lastEventAt: null };
}
