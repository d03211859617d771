/**
 * The values of one day are one assessment, read at its latest value (clinical-core.md, Labs; untimed before timed):
 * progression, its nadir and its confirmation read the same value of the day as the response and the labs do. Two
 * values of one day used to be walked one by one, so a day's earlier value confirmed (or cancelled) a rise that its
 * later value contradicted, and the profile called a confirmed progression a confirmed SD.
 */
import { lab, med } from '../testing/events';
import { buildProfile } from './profile';

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const K = (d: string, k: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', 10, 'mg/L')];
/** DRd from 2025-01-01; serum 2.0 at baseline, 1.0 twice (the nadir), 1.7 on 04-01; then the day `last`. */
const history = (last: ReturnType<typeof S>[]) => [med('DRd', '2025-01-01', null), S('2024-12-15', 2), S('2025-02-01', 1), S('2025-03-01', 1), S('2025-04-01', 1.7), ...last];
const biochemical = (p: ReturnType<typeof buildProfile>) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`);

describe('progression reads one value per day, the latest', () => {
  it('a rise confirmed by the day’s later value is a progression, dated at its first assessment, though the day’s earlier value was the nadir', () => {
    const p = buildProfile(history([S('2025-05-01T08:00:00Z', 1.0), S('2025-05-01T16:00:00Z', 1.7)]), '2025-06-01');
    expect(biochemical(p)).toEqual(['serum-m-protein@2025-04-01']);
    expect(p.disease.computedResponse?.category).toBe('PD');
  });

  it('a rise the day’s later value undoes is no progression, though the day’s earlier value confirmed it', () => {
    const p = buildProfile(history([S('2025-05-01T08:00:00Z', 1.7), S('2025-05-01T16:00:00Z', 1.0)]), '2025-06-01');
    expect(biochemical(p)).toEqual([]);
    expect(p.labs.serumMProtein?.value).toBe(1);
  });

  it('an untimed value comes before a timed one of its day', () => {
    expect(biochemical(buildProfile(history([S('2025-05-01', 1.0), S('2025-05-01T16:00:00Z', 1.7)]), '2025-06-01'))).toEqual(['serum-m-protein@2025-04-01']);
    expect(biochemical(buildProfile(history([S('2025-05-01', 1.7), S('2025-05-01T16:00:00Z', 1.0)]), '2025-06-01'))).toEqual([]);
  });

  it('light chains: a day’s later FLC pair decides the dFLC of the day', () => {
    const base = [med('DRd', '2025-01-01', null), lab('2024-12-15', 'serum m-protein', 0, 'g/dL'), lab('2024-12-15', 'urine m-protein', 0, 'mg/24h')];
    const flc = (last: number) => [...base, ...K('2024-12-15', 510), ...K('2025-02-01', 110), ...K('2025-03-01', 110), ...K('2025-04-01', 260), lab('2025-05-01T08:00:00Z', 'free kappa', 260, 'mg/L'), lab('2025-05-01T08:00:00Z', 'free lambda', 10, 'mg/L'), lab('2025-05-01T16:00:00Z', 'free kappa', last, 'mg/L'), lab('2025-05-01T16:00:00Z', 'free lambda', 10, 'mg/L')];
    expect(biochemical(buildProfile(flc(110), '2025-06-01'))).toEqual([]);
    expect(biochemical(buildProfile(flc(270), '2025-06-01'))).toEqual(['dflc@2025-04-01']);
  });
});
