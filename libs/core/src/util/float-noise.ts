/**
 * A computed value without binary floating-point noise (rounded to 1e-9 relative): 88 × 72 / (72 × 1.87) × 0.85 is 40,
 * not 39.99999999999999, and 2.4 / 0.8 is 3; a clinical threshold is then met exactly at its value. Not a clinical rounding.
 */
export function withoutFloatNoise(x: number): number {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) < 1e-290) return x;
  const scale = 10 ** (9 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}
