import { FieldSeal } from './field-seal';

describe('FieldSeal', () => {
  const seal = new FieldSeal('a-shared-secret-of-at-least-32-characters');

  it('seals to an opaque value that opens to the original, different every time', () => {
    const a = seal.seal('1958-03-04');
    const b = seal.seal('1958-03-04');
    expect(a).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('1958');
    expect(a).not.toBe(b);
    expect(seal.open(a)).toBe('1958-03-04');
    expect(FieldSeal.isSealed(a)).toBe(true);
  });

  it('passes plain values through, refuses altered values and other keys or purposes', () => {
    expect(seal.open('1958-03-04')).toBe('1958-03-04');
    const sealed = seal.seal('1958-03-04');
    // One bit of the sealed bytes flipped (editing a base64 character could leave the bytes unchanged: the last one's spare bits, or the same character).
    const raw = Buffer.from(sealed.slice('sealed:v1:'.length), 'base64url');
    raw[raw.length - 20]! ^= 0x01;
    const altered = `sealed:v1:${raw.toString('base64url')}`;
    expect(altered).not.toBe(sealed);
    expect(() => seal.open(altered)).toThrow();
    expect(() => new FieldSeal('another-secret-of-at-least-32-characters!').open(sealed)).toThrow();
    expect(() => new FieldSeal('a-shared-secret-of-at-least-32-characters', 'dead-letters').open(sealed)).toThrow();
    expect(() => new FieldSeal('short')).toThrow(/32 characters/);
  });
});
