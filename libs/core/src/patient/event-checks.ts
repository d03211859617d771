import { labDefinition, toLabUnit } from '../terminology/labs';
import { MAX_AGE_YEARS } from './clinical-events';

/** A reason an event that fits the contract still cannot be a true clinical fact, located by JSON pointer. */
export interface EventProblem {
  pointer: string;
  message: string;
}

interface CheckedEvent {
  eventId?: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  supersedes?: string | null;
}

const day = (s: unknown): string | null => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null);

/**
 * Checks that go beyond the schema: a therapy that ends before it starts, a fact dated in the future,
 * a numeric lab in a unit that cannot be converted to the lab's unit (a silent misreading would change
 * eligibility). Never echoes values: messages may end up in logs and DLQ headers.
 */
export function eventProblems(event: CheckedEvent, now: Date = new Date()): EventProblem[] {
  const problems: EventProblem[] = [];
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const occurred = day(event.occurredAt);
  if (occurred && occurred > tomorrow) problems.push({ pointer: '/occurredAt', message: 'is in the future' });
  // A correction names the earlier event it revises, not itself.
  if (event.supersedes !== undefined && event.supersedes !== null && event.supersedes === event.eventId) problems.push({ pointer: '/supersedes', message: 'names the event itself (a correction names the earlier event it revises)' });
  const d = event.data;
  if (event.type === 'demographics') {
    // A birth date no patient can have (after today, or more than 130 years back): an entry mistake, refused here rather
    // than carried into the profile (the value is never echoed: it identifies).
    const born = day(d.birthDate);
    if (born && (born > now.toISOString().slice(0, 10) || now.getUTCFullYear() - Number(born.slice(0, 4)) > MAX_AGE_YEARS)) problems.push({ pointer: '/data/birthDate', message: `is after today or more than ${MAX_AGE_YEARS} years ago` });
  }
  if (event.type === 'medication') {
    const start = day(d.start);
    const end = day(d.end);
    if (start && end && end < start) problems.push({ pointer: '/data/end', message: 'is before /data/start' });
  }
  if (event.type === 'lab' && typeof d.value === 'number') {
    const def = labDefinition(typeof d.code === 'string' ? d.code : undefined, typeof d.name === 'string' ? d.name : undefined, typeof d.unit === 'string' ? d.unit : undefined);
    // A qualitative lab (immunofixation) is read from its result, whatever its value and unit; a ratio needs no unit (rev31).
    if (def && !def.qualitative) {
      if (typeof d.unit === 'string' && !toLabUnit(d.value, d.unit, def).ok) problems.push({ pointer: '/data/unit', message: `cannot be converted to ${def.unit} for ${def.name}` });
      if (typeof d.unit !== 'string' && def.unit !== '1') problems.push({ pointer: '/data/unit', message: `is required for a numeric ${def.name} result` });
    }
  }
  return problems;
}
