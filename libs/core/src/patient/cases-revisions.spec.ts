/**
 * Corrections: an event that `supersedes` an earlier event's id revises it, and the profile reads only the latest
 * revision (by `revision`, then event id); a `retraction` withdraws it. Nothing is deleted: the profile lists what
 * it did not read, and by what.
 */
import { event, lab, med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const hb = (id: string, value: number, extra: Partial<Ev> = {}): Ev => ({ ...lab('2025-05-20', 'hemoglobin', value, 'g/dL'), eventId: id, ...extra });
const retraction = (id: string, of: string, revision?: number): Ev => ({ ...event('retraction', '2025-05-20', { reason: 'entered-in-error' }, id), supersedes: of, ...(revision !== undefined ? { revision } : {}) });

describe('corrections', () => {
  it('a correction replaces the value it revises; the profile says which event it did not read, and why', () => {
    const p = buildProfile([hb('a', 7.0), hb('b', 9.0, { supersedes: 'a' })], AS_OF);
    expect(p.labs.hemoglobin).toMatchObject({ value: 9.0, provenance: ['b'] });
    expect(p.labs.hemoglobin!.sameTime).toBeUndefined();
    expect(p.superseded).toEqual([{ eventId: 'a', by: 'b', retracted: false }]);
  });

  it('the latest revision wins, whatever the arrival order or the ids; a tie goes to the id sorting last', () => {
    const events = [hb('z-first', 7.0), hb('m-second', 8.0, { supersedes: 'z-first', revision: 2 }), hb('a-third', 9.0, { supersedes: 'z-first', revision: 3 })];
    for (const order of [events, [...events].reverse()]) expect(buildProfile(order, AS_OF).labs.hemoglobin!.value).toBe(9.0);
    expect(buildProfile([hb('x', 7.0), hb('c1', 8.0, { supersedes: 'x' }), hb('c2', 9.5, { supersedes: 'x' })], AS_OF).labs.hemoglobin!.value).toBe(9.5);
  });

  it('a preliminary result (revision -1) gives way to the final one that it names', () => {
    expect(buildProfile([hb('obs#preliminary', 7.0, { supersedes: 'obs', revision: -1 }), hb('obs', 8.5)], AS_OF).labs.hemoglobin!.value).toBe(8.5);
  });

  it('a retraction withdraws the event and its revisions; a later revision after it stands again', () => {
    const withdrawn = buildProfile([hb('a', 7.0), hb('b', 9.0, { supersedes: 'a' }), retraction('r', 'a', 2)], AS_OF);
    expect(withdrawn.labs.hemoglobin).toBeUndefined();
    expect(withdrawn.superseded).toEqual([
      { eventId: 'a', by: 'r', retracted: true },
      { eventId: 'b', by: 'r', retracted: true },
    ]);
    expect(buildProfile([hb('a', 7.0), retraction('r', 'a', 2), hb('c', 10.0, { supersedes: 'a', revision: 3 })], AS_OF).labs.hemoglobin!.value).toBe(10.0);
  });

  it('a medication entered in error is no exposure; a retraction is not itself a fact (nothing unmapped)', () => {
    const p = buildProfile([{ ...med('daratumumab', '2024-01-01', '2024-06-01'), eventId: 'dara' }, retraction('dara#entered-in-error', 'dara')], AS_OF);
    expect(p.drugs.daratumumab).toBeUndefined();
    expect(p.unmapped).toEqual([]);
  });

  it('a retraction of a resource withdraws its suffixed records (a condition\'s "#present" record) too', () => {
    const present = { ...event('condition', '2020-12-31', { kind: 'other-malignancy', status: 'active' }, 'Condition/c#present'), supersedes: undefined };
    const resolved = event('condition', '2021-06-01', { kind: 'other-malignancy', status: 'resolved' }, 'Condition/c');
    const p = buildProfile([present, resolved, retraction('Condition/c#entered-in-error', 'Condition/c')], AS_OF);
    expect(p.conditions['other-malignancy']).toBeUndefined();
  });

  it('a correction of an id never received stands as the value', () => {
    expect(buildProfile([hb('b', 9.0, { supersedes: 'never-sent' })], AS_OF).labs.hemoglobin!.value).toBe(9.0);
    expect(buildProfile([hb('b', 9.0, { supersedes: 'never-sent' })], AS_OF).superseded).toBeUndefined();
  });
});

describe('a correction that names itself', () => {
  it('is refused at intake (eventProblems), located at /supersedes', async () => {
    const { eventProblems } = await import('./event-checks');
    expect(eventProblems({ eventId: 'a', type: 'lab', occurredAt: '2025-05-20', data: {}, supersedes: 'a' })).toEqual([expect.objectContaining({ pointer: '/supersedes' })]);
    expect(eventProblems({ eventId: 'b', type: 'lab', occurredAt: '2025-05-20', data: {}, supersedes: 'a' })).toEqual([]);
  });
});

describe('corrections: chains, receipt order, parts', () => {
  it('a correction naming the previous correction belongs to the same event: only the latest is read; a retraction naming a correction withdraws them all', () => {
    const chain = [hb('a', 7.0), hb('b', 9.0, { supersedes: 'a' }), hb('c', 11.0, { supersedes: 'b', revision: 2 })];
    const p = buildProfile(chain, AS_OF);
    expect(p.labs.hemoglobin).toMatchObject({ value: 11.0 });
    expect(p.labs.hemoglobin!.sameTime).toBeUndefined();
    expect(buildProfile([...chain, retraction('r', 'b', 5)], AS_OF).labs.hemoglobin).toBeUndefined();
  });

  it('of one rank, the one received later; on a tie, a retraction before a correction', () => {
    const received = (e: Ev, at: string): Ev => ({ ...e, receivedAt: at });
    const fix9 = received(hb('lab-1-fix9', 9.0, { supersedes: 'lab-1' }), '2025-05-21T10:00:00.000000Z');
    const fix10 = received(hb('lab-1-fix10', 10.0, { supersedes: 'lab-1' }), '2025-05-21T09:00:00.000000Z');
    expect(buildProfile([hb('lab-1', 7.0), fix9, fix10], AS_OF).labs.hemoglobin!.value).toBe(9.0);
    const same = '2025-05-21T10:00:00.000000Z';
    expect(buildProfile([hb('lab-1', 7.0), received(hb('lab-1-v2', 9.0, { supersedes: 'lab-1' }), same), received(retraction('del-lab-1', 'lab-1', 1), same)], AS_OF).labs.hemoglobin).toBeUndefined();
  });

  it('a new version replaces the parts of the earlier one it no longer has (a FHIR resource\'s "#present" record)', () => {
    const present = event('condition', '2020-12-31', { kind: 'other-malignancy', status: 'active' }, 'Condition/c#present');
    const resolved = event('condition', '2021-12-31', { kind: 'other-malignancy', status: 'resolved' }, 'Condition/c');
    const v2 = { ...event('condition', '2018-06-30', { kind: 'other-malignancy', status: 'resolved', resolvedDate: '2018-06-30' }, 'Condition/c/_history/2'), supersedes: 'Condition/c', revision: 2 };
    const p = buildProfile([present, resolved, v2], AS_OF);
    expect(p.superseded!.map((s) => s.eventId).sort()).toEqual(['Condition/c', 'Condition/c#present']);
    expect(p.conditions['other-malignancy']).toMatchObject({ status: 'resolved', date: '2018-06-30' });
  });

  it('a retraction of an event not in the history withdraws nothing and says so', () => {
    const p = buildProfile([hb('a', 7.0), retraction('r', 'not-here')], AS_OF);
    expect(p.labs.hemoglobin!.value).toBe(7.0);
    expect(p.unmapped).toEqual([expect.objectContaining({ eventId: 'r', reason: expect.stringMatching(/withdraws nothing/) })]);
  });
});
