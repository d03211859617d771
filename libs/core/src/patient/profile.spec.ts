import { ageOn, buildProfile, type ProfileSourceEvent } from './profile';

const ev = (eventId: string, type: string, occurredAt: string, data: Record<string, unknown>): ProfileSourceEvent => ({ eventId, type, occurredAt, data });

describe('buildProfile', () => {
  const history = [
    ev('a', 'demographics', '2020-01-01', { birthDate: '1950-06-15', sex: 'female' }),
    ev('b', 'performance-status', '2024-03-01', { ecog: 2 }),
    ev('c', 'performance-status', '2024-01-01', { ecog: 0 }),
  ];

  it('takes the latest value by clinical time, not by arrival order', () => {
    const p = buildProfile(history);
    expect(p.ecog).toEqual({ value: 2, observedAt: '2024-03-01' });
    expect(buildProfile([...history].reverse())).toEqual(p);
  });

  it('summarises the history', () => {
    expect(buildProfile(history)).toMatchObject({ eventCount: 3, firstEventAt: '2020-01-01', lastEventAt: '2024-03-01', birthDate: '1950-06-15', sex: 'female' });
    expect(buildProfile([])).toEqual({ eventCount: 0, firstEventAt: null, lastEventAt: null, birthDate: null, sex: null, ecog: null });
  });

  it.each([[7], [-1], [1.5], ['1']])('ignores an ECOG value outside 0-5 integers (%p)', (ecog) => {
    expect(buildProfile([ev('x', 'performance-status', '2024-01-01', { ecog })]).ecog).toBeNull();
  });
});

describe('ageOn', () => {
  it.each([
    ['1950-06-15', '2024-06-14', 73],
    ['1950-06-15', '2024-06-15', 74],
    ['1952-02-29', '2024-02-28', 71],
    ['1952-02-29', '2024-02-29', 72],
    ['1952-02-29', '2023-03-01', 71],
  ])('born %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, new Date(on))).toBe(age);
  });
});
