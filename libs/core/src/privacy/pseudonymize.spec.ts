import { EventRefs, eventRef, profileForTopic, pseudonymize } from './pseudonymize';

const KEY = 'k'.repeat(32);

describe('pseudonymize', () => {
  it('is stable for the same sender and identifier', () => {
    expect(pseudonymize(KEY, 'h1', 'MRN-1')).toBe(pseudonymize(KEY, 'h1', 'MRN-1'));
    expect(pseudonymize(KEY, 'h1', 'MRN-1')).toMatch(/^pt_[0-9a-f]{24}$/);
  });

  it('separates senders, identifiers and keys', () => {
    const base = pseudonymize(KEY, 'h1', 'MRN-1');
    expect(pseudonymize(KEY, 'h2', 'MRN-1')).not.toBe(base);
    expect(pseudonymize(KEY, 'h1', 'MRN-2')).not.toBe(base);
    expect(pseudonymize('other-key-000000000', 'h1', 'MRN-1')).not.toBe(base);
    // (source, id) pairs that concatenate alike still differ
    expect(pseudonymize(KEY, 'h1M', 'RN-1')).not.toBe(base);
  });

  it('refuses a short key', () => {
    expect(() => pseudonymize('short', 'h1', 'MRN-1')).toThrow(/at least 16/);
  });
});

describe('profileForTopic', () => {
  const KEY = 'a-test-key-of-enough-length';
  it('replaces every event id, wherever it appears, by its stable reference, and withholds first/last event dates', () => {
    const profile = { firstEventAt: '1941-01-23', lastEventAt: '2024-01-01', demographics: { eventIds: ['h|Patient/MRN-1'] }, lines: [{ provenance: ['e-2', 'h|Patient/MRN-1'], regimen: 'VRd' }], note: 'e-2 stays inside text' };
    const out = profileForTopic(profile, ['h|Patient/MRN-1', 'e-2'], KEY);
    expect(JSON.stringify(out)).not.toContain('MRN-1');
    expect(out.demographics.eventIds).toEqual([eventRef(KEY, 'h|Patient/MRN-1')]);
    expect(out.lines[0]!.provenance).toEqual([eventRef(KEY, 'e-2'), eventRef(KEY, 'h|Patient/MRN-1')]);
    expect(out.lines[0]!.regimen).toBe('VRd');
    expect(out.note).toBe('e-2 stays inside text');
    expect([out.firstEventAt, out.lastEventAt]).toEqual([null, null]);
    expect(eventRef(KEY, 'e-2')).toMatch(/^ev_[0-9a-f]{20}$/);
    expect(eventRef(KEY, 'e-2')).not.toBe(eventRef('another-key-of-enough-length', 'e-2'));
  });

  it('gives the same profile with references remembered across calls (EventRefs), whatever it remembers', () => {
    const profile = { firstEventAt: null, lastEventAt: null, lines: [{ provenance: ['e-1', 'e-2', 'e-3'] }] };
    const refs = new EventRefs(KEY, 2); // fewer than the events: older references are recomputed
    for (let i = 0; i < 3; i++) expect(profileForTopic(profile, ['e-1', 'e-2', 'e-3'], refs)).toEqual(profileForTopic(profile, ['e-1', 'e-2', 'e-3'], KEY));
    expect(refs.of('e-2')).toBe(eventRef(KEY, 'e-2'));
    expect(() => new EventRefs('short')).toThrow(/at least 16/);
  });
});
