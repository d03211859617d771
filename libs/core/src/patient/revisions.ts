import type { ProfileSourceEvent } from './clinical-events';

/**
 * Corrections: an event that `supersedes` an earlier one's id is a revision of it (a FHIR resource amended,
 * corrected, made final, or entered in error); a `retraction` withdraws it. Every revision of one event names the
 * same id (its family); the profile reads only the latest of each family, by `revision` (an event that gives none:
 * 0, its first version; a correction that gives none: 1), then by event id, and nothing of a family whose latest
 * revision is a retraction (nor of the families of that id's suffixed records, `id#…`, that are not revised
 * later). Raw events stay as they are: this only decides what the profile reads.
 */
export interface Superseded {
  eventId: string;
  /** The revision read instead, or the retraction. */
  by: string;
  retracted: boolean;
}

const familyOf = (e: ProfileSourceEvent): string => (typeof e.supersedes === 'string' && e.supersedes !== '' ? e.supersedes : e.eventId);
const revisionOf = (e: ProfileSourceEvent): number => (typeof e.revision === 'number' && Number.isFinite(e.revision) ? e.revision : familyOf(e) === e.eventId ? 0 : 1);
const later = (a: ProfileSourceEvent, b: ProfileSourceEvent): boolean => {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  return ra !== rb ? ra > rb : a.eventId > b.eventId;
};

export function currentRevisions(events: readonly ProfileSourceEvent[]): { events: ProfileSourceEvent[]; superseded: Superseded[] } {
  if (!events.some((e) => (typeof e.supersedes === 'string' && e.supersedes !== '') || e.type === 'retraction')) return { events: [...events], superseded: [] };
  const latest = new Map<string, ProfileSourceEvent>();
  for (const e of events) {
    const f = familyOf(e);
    const held = latest.get(f);
    if (!held || later(e, held)) latest.set(f, e);
  }
  // A retraction of an id withdraws its suffixed records' families too, unless revised after it.
  const withdrawnBy = new Map<string, ProfileSourceEvent>();
  for (const [family, e] of latest) {
    if (e.type !== 'retraction') continue;
    withdrawnBy.set(family, e);
    for (const [other, o] of latest) if (other.startsWith(`${family}#`) && !later(o, e)) withdrawnBy.set(other, e);
  }
  const kept: ProfileSourceEvent[] = [];
  const superseded: Superseded[] = [];
  for (const e of events) {
    const f = familyOf(e);
    const retraction = withdrawnBy.get(f);
    if (retraction) {
      if (e !== retraction) superseded.push({ eventId: e.eventId, by: retraction.eventId, retracted: true });
      continue;
    }
    const winner = latest.get(f)!;
    if (winner === e) kept.push(e);
    else superseded.push({ eventId: e.eventId, by: winner.eventId, retracted: false });
  }
  superseded.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  return { events: kept, superseded };
}
