import { pseudonymize } from './pseudonymize';

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
