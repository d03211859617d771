/**
 * rev31: significant paraprotein relapse is measured "from the nadir as progression measures it" (clinical-core.md,
 * Relapse indicators), and progression's nadir takes a negative serum immunofixation on a day with no electrophoresis
 * as an M-protein of 0 (clinical-core.md v9, "for response and for the nadir progression is measured from").
 * relapse.ts reads the serumMProtein records only (pointsOf), so a CR documented by immunofixation never lowers it.
 */
import { lab, med } from '../testing/events';
import { buildProfile } from './profile';

const serum = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const sIfeNeg = (d: string) => lab(d, 'serum immunofixation', 0, '', { result: 'negative' });

describe('rev31 relapse indicators: a negative immunofixation is a nadir of 0, as progression reads it', () => {
  it('serum 3.0 at baseline, IFE negative twice, then 1.2 and 1.3 g/dL a month apart: serum up ≥1 g/dL from the nadir 0', () => {
    const p = buildProfile(
      [serum('2024-01-01', 3.0), med('Rd', '2024-01-01', null), sIfeNeg('2024-04-01'), sIfeNeg('2024-05-01'), serum('2024-08-01', 1.2), serum('2024-09-01', 1.3)],
      '2024-10-01',
    );
    // Progression measures the same rise from a nadir of 0.
    expect(p.disease.progressions.map((x) => [x.source, x.date, x.detail])).toEqual([['serum-m-protein', '2024-08-01', 'nadir 0 g/dL (2024-04-01) → 1.2 and 1.3 g/dL']]);
    expect(p.disease.significantBiochemicalRelapse!.map((r) => [r.kind, r.date])).toEqual([['serum-rise', '2024-08-01']]);
  });
});
