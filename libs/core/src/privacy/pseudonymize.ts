import { createHmac } from 'node:crypto';

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
 * A profile as it may travel on a topic: every event id replaced by its reference, and the fields that
 * would carry identifying dates withheld (first/last event dates: a demographics event is dated by the
 * birth date). The birth date itself is sealed by the caller (the matcher needs it to compute ages).
 */
export function profileForTopic<P extends { firstEventAt: string | null; lastEventAt: string | null }>(profile: P, eventIds: Iterable<string>, key: string): P {
  const refs = new Map<string, string>();
  for (const id of eventIds) refs.set(id, eventRef(key, id));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return refs.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { ...(walk(profile) as P), firstEventAt: null, lastEventAt: null };
}
