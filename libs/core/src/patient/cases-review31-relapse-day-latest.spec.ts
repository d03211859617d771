/**
 * rev31: significant paraprotein relapse (relapse.ts significantBiochemicalRelapse) reads every value of a day and lets
 * the first rise of a day pend even when the day's later (timed) value contradicts it; progression reads the day's
 * latest (disease-status.ts lastOfDay). clinical-core.md "Relapse indicators": "(on different days: a second value
 * on the day of a rise is the same measurement, as progression reads it)"; v14: "a day's earlier value no longer
 * confirms or cancels a rise its later value contradicts".
 */
import { lab, med } from '../testing/events';
import { buildProfile } from './profile';

const serum = (at: string, v: number) => lab(at, 'serum m-protein', v, 'g/dL');

describe('rev31 relapse indicators read the day\'s latest value, as progression does', () => {
  it('serum 1.6 at 08:00 then 0.6 at 12:00 (the day\'s latest), 1.7 a month later: no paraprotein relapse dated that day', () => {
    const p = buildProfile(
      [
        serum('2024-01-01', 1.0),
        med('Rd', '2024-01-01', null),
        serum('2024-03-01', 0.5),
        serum('2024-04-01', 0.5),
        serum('2024-05-01T08:00:00Z', 1.6),
        serum('2024-05-01T12:00:00Z', 0.6),
        serum('2024-06-01', 1.7),
      ],
      '2024-07-01',
    );
    // Progression (same nadir, same day reading) finds nothing confirmed: 05-01 reads 0.6, 06-01 is a single rise.
    expect(p.disease.progressions).toEqual([]);
    expect(p.labs.serumMProtein).toBeDefined();
    // The relapse indicator must read 05-01 as 0.6 too: only the 06-01 rise, unconfirmed.
    expect(p.disease.significantBiochemicalRelapse).toEqual([]);
  });

  it('clinical signs too: Hb 9.5 at 08:00 then 11.8 at 12:00 (baseline 12), calcium 11.8 at 08:00 then 9.6 at 12:00: no sign (labs read 11.8 and 9.6)', () => {
    const p = buildProfile(
      [
        lab('2023-12-20', 'hemoglobin', 12, 'g/dL'),
        lab('2023-12-20', 'calcium', 9.5, 'mg/dL'),
        med('VRd', '2024-01-01', null),
        lab('2024-03-01T08:00:00Z', 'hemoglobin', 9.5, 'g/dL'),
        lab('2024-03-01T12:00:00Z', 'hemoglobin', 11.8, 'g/dL'),
        lab('2024-04-01T08:00:00Z', 'calcium', 11.8, 'mg/dL'),
        lab('2024-04-01T12:00:00Z', 'calcium', 9.6, 'mg/dL'),
      ],
      '2024-06-01',
    );
    expect([p.labs.hemoglobin!.value, p.labs.calcium!.value]).toEqual([11.8, 9.6]);
    expect(p.disease.clinicalRelapse).toEqual([]);
  });
});
