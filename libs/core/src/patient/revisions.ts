import type { ProfileSourceEvent, Unmapped } from './clinical-events';

/**
 * Corrections: an event that `supersedes` an earlier one's id is a revision of it (a FHIR resource amended,
 * corrected, made final, in a new version, or entered in error); a `retraction` withdraws it. A revision may name
 * the first version or any later one: every revision of one event belongs to its first version's family. The
 * profile reads only the latest of each family: by `revision` (an event that gives none: 0 for a first version, 1
 * for a correction), then by when intake received it (`receivedAt`), then a retraction before any other, then the
 * event id sorting last; and nothing of a family whose latest is a retraction. An event id `<id>#<part>` is a part of
 * event `<id>` (the FHIR mapper's several records of one resource): the latest revision of `<id>` replaces the
 * parts that are older than it, so a part a new version no longer has is no longer read. Raw events stay as they
 * are: this only decides what the profile reads.
 */
export interface Superseded {
  eventId: string;
  /** The revision read instead, or the retraction. */
  by: string;
  retracted: boolean;
}

const named = (e: ProfileSourceEvent): string | null => (typeof e.supersedes === 'string' && e.supersedes !== '' && e.supersedes !== e.eventId ? e.supersedes : null);
const revisionOf = (e: ProfileSourceEvent): number => (typeof e.revision === 'number' && Number.isFinite(e.revision) ? e.revision : named(e) === null ? 0 : 1);
const receivedOf = (e: ProfileSourceEvent): string => (typeof e.receivedAt === 'string' ? e.receivedAt : '');
/** Whether `a` is a later revision than `b`. */
const later = (a: ProfileSourceEvent, b: ProfileSourceEvent): boolean => {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra !== rb) return ra > rb;
  const ta = receivedOf(a);
  const tb = receivedOf(b);
  if (ta !== tb && ta !== '' && tb !== '') return ta > tb;
  const xa = a.type === 'retraction';
  if (xa !== (b.type === 'retraction')) return xa;
  return a.eventId > b.eventId;
};

export function currentRevisions(events: readonly ProfileSourceEvent[]): { events: ProfileSourceEvent[]; superseded: Superseded[]; unmapped: Unmapped[] } {
  if (!events.some((e) => named(e) !== null || e.type === 'retraction')) return { events: [...events], superseded: [], unmapped: [] };
  const byId = new Map(events.map((e) => [e.eventId, e]));
  // The family: the first version, following `supersedes` through the revisions on record.
  const families = new Map<ProfileSourceEvent, string>();
  const familyOf = (e: ProfileSourceEvent): string => {
    const known = families.get(e);
    if (known !== undefined) return known;
    let id = e.eventId;
    let at: ProfileSourceEvent | undefined = e;
    const seen = new Set<string>();
    while (at !== undefined && named(at) !== null && !seen.has(id)) {
      seen.add(id);
      id = named(at)!;
      at = byId.get(id);
    }
    families.set(e, id);
    return id;
  };
  const latest = new Map<string, ProfileSourceEvent>();
  for (const e of events) {
    const f = familyOf(e);
    const held = latest.get(f);
    if (!held || later(e, held)) latest.set(f, e);
  }
  // The parts of an event (`id#…`) older than its latest revision (of the event itself or of any of its parts: a new
  // version of a karyotype names only the abnormalities it still shows), or withdrawn with it, are replaced by it.
  const baseOf = (family: string): string => (family.includes('#') ? family.slice(0, family.indexOf('#')) : family);
  const top = new Map<string, ProfileSourceEvent>();
  for (const [family, e] of latest) {
    if (e.type === 'retraction') continue;
    const held = top.get(baseOf(family));
    if (!held || revisionOf(e) > revisionOf(held)) top.set(baseOf(family), e);
  }
  const replacedBy = new Map<string, ProfileSourceEvent>();
  for (const [family, e] of latest) {
    if (e.type === 'retraction') {
      replacedBy.set(family, e);
      for (const [other, o] of latest) if (other.startsWith(`${family}#`) && !later(o, e)) replacedBy.set(other, e);
      continue;
    }
    const newest = top.get(baseOf(family))!;
    if (family !== baseOf(family) && revisionOf(e) < revisionOf(newest)) replacedBy.set(family, newest);
  }
  const kept: ProfileSourceEvent[] = [];
  const superseded: Superseded[] = [];
  const unmapped: Unmapped[] = [];
  for (const e of events) {
    const f = familyOf(e);
    const by = replacedBy.get(f) ?? latest.get(f)!;
    if (by === e && e.type !== 'retraction') kept.push(e);
    else if (by !== e) superseded.push({ eventId: e.eventId, by: by.eventId, retracted: by.type === 'retraction' });
  }
  // A retraction of an event not on record (sent under another patient, or before the event): it withdraws nothing.
  for (const e of events) {
    if (e.type !== 'retraction') continue;
    const f = familyOf(e);
    if (!events.some((o) => o.type !== 'retraction' && (familyOf(o) === f || familyOf(o).startsWith(`${f}#`)))) unmapped.push({ eventId: e.eventId, type: e.type, original: named(e) ?? '', reason: 'a retraction of an event not in this history: it withdraws nothing' });
  }
  superseded.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  return { events: kept, superseded, unmapped };
}
