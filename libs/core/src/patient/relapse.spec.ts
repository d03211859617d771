/**
 * Relapse indicators. domain.md §4: "Clinical relapse (not used for PFS/TTP): direct CRAB-type indicators: new
 * plasmacytomas/bone lesions; definite increase (≥50% and ≥1 cm) in existing lesions; hypercalcemia (>11 mg/dL);
 * haemoglobin fall ≥2 g/dL not due to therapy; creatinine rise ≥2 mg/dL from start of therapy attributable to MM;
 * hyperviscosity [S3]. IMWG 'indications for treatment at relapse' … define 'significant biochemical relapse' (e.g.,
 * M-protein doubling over 2 months from ≥5 g/L, or rise ≥10 g/L serum / ≥500 mg/24 h urine / iFLC ≥20 mg/dL with
 * abnormal ratio) [S19]. Make thresholds versioned config."
 */
import { diagnosis, event, lab, med } from '../testing/events';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2025-06-01';
const base = [diagnosis('2023-11-01', 'IgG', 'kappa'), med('daratumumab + lenalidomide + dexamethasone', '2024-01-15', null)];
const profileOf = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF);
const signs = (p: ReturnType<typeof profileOf>) => p.disease.clinicalRelapse!.map((s) => [s.kind, s.date]);
const biochemical = (p: ReturnType<typeof profileOf>) => p.disease.significantBiochemicalRelapse!.map((s) => [s.kind, s.date]);
const scan = (date: string, longest: number, perpendicular: number) => event('imaging', date, { modality: 'CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: longest, perpendicularDiameterMm: perpendicular }] });

describe('clinical relapse (IMWG 2016, CRAB-type signs after a line started)', () => {
  it('hypercalcemia: above 11 mg/dL (11.0 is not; 2.9 mmol/L is 11.6 mg/dL); at diagnosis, before any therapy, it is not relapse', () => {
    expect(signs(profileOf(...base, lab('2023-12-01', 'calcium', 12.5, 'mg/dL'), lab('2024-05-01', 'calcium', 11.0, 'mg/dL')))).toEqual([]);
    expect(signs(profileOf(...base, lab('2024-05-01', 'calcium', 11.0, 'mg/dL'), lab('2024-06-01', 'calcium', 2.9, 'mmol/L')))).toEqual([['hypercalcemia', '2024-06-01']]);
    // A new episode: calcium already high before the line (at diagnosis, 12.5 then 11.8 a week in) is not a relapse; high again after a normal value is.
    expect(signs(profileOf(...base, lab('2024-01-10', 'calcium', 12.5, 'mg/dL'), lab('2024-01-17', 'calcium', 11.8, 'mg/dL'), lab('2024-03-01', 'calcium', 10.0, 'mg/dL'), lab('2024-04-01', 'calcium', 11.6, 'mg/dL')))).toEqual([['hypercalcemia', '2024-04-01']]);
    const stricter = buildProfile([...base, lab('2024-06-01', 'calcium', 11.4, 'mg/dL')], AS_OF, { ...DEFAULT_SETTINGS, relapseIndicators: { ...DEFAULT_SETTINGS.relapseIndicators, calciumAboveMgDl: 11.5 } });
    expect(stricter.disease.clinicalRelapse).toEqual([]);
  });

  it('haemoglobin fall from the highest value since the line’s start (its baseline included), creatinine rise from the value at its start; the first of each is listed', () => {
    const p = profileOf(
      ...base,
      lab('2024-01-10', 'hemoglobin', 11.5, 'g/dL'),
      lab('2024-03-01', 'hemoglobin', 9.6, 'g/dL'), // −1.9
      lab('2024-04-01', 'hemoglobin', 9.5, 'g/dL'), // −2.0
      lab('2024-05-01', 'hemoglobin', 9.0, 'g/dL'),
      lab('2024-01-10', 'creatinine', 1.0, 'mg/dL'),
      lab('2024-03-01', 'creatinine', 2.9, 'mg/dL'), // +1.9
      lab('2024-04-15', 'creatinine', 265.2, 'umol/L'), // 3.0 mg/dL: +2.0
    );
    expect(signs(p)).toEqual([
      ['hemoglobin-fall', '2024-04-01'],
      ['creatinine-rise', '2024-04-15'],
    ]);
    expect(p.disease.clinicalRelapse![0]!.detail).toContain('not assessed');
    // The haemoglobin fall counts from the highest value since the line's start (a recovery, then a fall).
    expect(signs(profileOf(...base, lab('2024-01-10', 'hemoglobin', 9.0, 'g/dL'), lab('2024-04-01', 'hemoglobin', 13.0, 'g/dL'), lab('2024-09-01', 'hemoglobin', 10.8, 'g/dL')))).toEqual([['hemoglobin-fall', '2024-09-01']]);
  });

  it('a plasmacytoma’s definite increase needs ≥50% in size and ≥1 cm in longest diameter from its smallest in the line; new lesions and hyperviscosity are signs', () => {
    const p = profileOf(
      ...base,
      scan('2024-01-10', 20, 20), // 400 mm² at baseline
      scan('2024-04-01', 15, 14), // 210: the smallest
      scan('2024-07-01', 24, 14), // 336 (+60%) but +9 mm
      scan('2024-09-01', 25, 15), // 375 (+79%) and +10 mm
      event('imaging', '2024-10-01', { modality: 'PET-CT', newLesions: true }),
      event('condition', '2024-11-01', { kind: 'hyperviscosity', status: 'active' }),
    );
    expect(signs(p)).toEqual([
      ['lesion-growth', '2024-09-01'],
      ['new-lesion', '2024-10-01'],
      ['hyperviscosity', '2024-11-01'],
    ]);
    // A plasmacytoma gone (an empty list) and seen again is a new lesion.
    const back = profileOf(...base, scan('2024-01-10', 20, 10), event('imaging', '2024-04-01', { modality: 'CT', plasmacytomas: [] }), scan('2024-08-01', 30, 20));
    expect(signs(back)).toEqual([['new-lesion', '2024-08-01']]);
  });
});

describe('significant paraprotein relapse (two consecutive measurements ≤2 calendar months apart, dated at the first; from the nadir as progression measures it: progressionNadir confirmed)', () => {
  const serum = (d: string, v: number) => lab(d, 'serumMProtein', v, 'g/dL');

  it('doubling from a nadir of at least 0.5 g/dL', () => {
    // Nadir 0.5 held by two measurements (03-01, 04-01); 1.0 on 06-01 is double, 1.1 confirms.
    const p = profileOf(...base, serum('2024-01-10', 2.0), serum('2024-03-01', 0.5), serum('2024-04-01', 0.5), serum('2024-05-01', 0.9), serum('2024-06-01', 1.0), serum('2024-07-01', 1.1));
    expect(biochemical(p)).toEqual([['serum-doubling', '2024-06-01']]);
    const low = profileOf(...base, serum('2024-01-10', 2.0), serum('2024-03-01', 0.4), serum('2024-04-01', 0.4), serum('2024-05-01', 0.8), serum('2024-06-01', 0.9));
    expect(biochemical(low)).toEqual([]);
    // A single low value does not lower the nadir (3.0 → 1.0 once → 2.0, 2.1, 2.2): neither a relapse nor a progression.
    const single = profileOf(...base, serum('2024-01-10', 3.0), serum('2024-03-01', 1.0), serum('2024-04-01', 2.0), serum('2024-05-01', 2.1), serum('2024-06-01', 2.2));
    expect(biochemical(single)).toEqual([]);
    expect(single.disease.progressions).toEqual([]);
  });

  it('serum up ≥1 g/dL, the second measurement at most two calendar months after the first', () => {
    const p = profileOf(...base, serum('2024-01-10', 3.0), serum('2024-03-01', 2.0), serum('2024-03-20', 2.0), serum('2024-04-01', 3.0), serum('2024-06-10', 3.2), serum('2024-06-30', 3.3));
    // 3.0 (04-01) then 3.2 (06-10): more than two months; 3.2 then 3.3 20 days apart.
    expect(biochemical(p)).toEqual([['serum-rise', '2024-06-10']]);
    // 07-01 → 09-01 is two calendar months (62 days).
    expect(biochemical(profileOf(...base, serum('2024-01-10', 3.0), serum('2024-03-01', 2.0), serum('2024-04-01', 2.0), serum('2024-07-01', 3.1), serum('2024-09-01', 3.2)))).toEqual([['serum-rise', '2024-07-01']]);
  });

  it('urine up ≥500 mg/24h; the involved FLC up ≥20 mg/dL with an abnormal ratio', () => {
    const urine = (d: string, v: number) => lab(d, 'urineMProtein', v, 'mg/24h');
    expect(biochemical(profileOf(...base, urine('2024-01-10', 800), urine('2024-03-01', 100), urine('2024-04-01', 100), urine('2024-05-01', 650), urine('2024-06-01', 700)))).toEqual([['urine-rise', '2024-05-01']]);
    const flc = (d: string, k: number, l: number) => [lab(d, 'freeKappa', k, 'mg/L'), lab(d, 'freeLambda', l, 'mg/L')];
    const p = profileOf(...base, ...flc('2024-01-10', 500, 10), ...flc('2024-03-01', 30, 10), ...flc('2024-04-01', 30, 10), ...flc('2024-05-01', 225, 10), ...flc('2024-06-01', 240, 10), ...flc('2024-06-20', 260, 10));
    // Nadir 30 mg/L; 225 is +19.5 mg/dL, 240 is +21 mg/dL, confirmed by 260.
    expect(biochemical(p)).toEqual([['involved-flc-rise', '2024-06-01']]);
    // From a nadir of 1,000 mg/L the rise must be 25% (250 mg/L), more than 20 mg/dL: +210 is not, +260 is.
    const high = profileOf(...base, ...flc('2024-01-10', 1000, 10), ...flc('2024-03-01', 1210, 10), ...flc('2024-04-01', 1260, 10), ...flc('2024-05-01', 1270, 10));
    expect(biochemical(high)).toEqual([['involved-flc-rise', '2024-04-01']]);
  });

  it('two values on one day are one measurement, in either order (as progression reads them)', () => {
    const day = (first: number, second: number) => profileOf(...base, serum('2024-01-10', 1.0), serum('2024-03-01', first), serum('2024-03-01', second), serum('2024-04-01', 2.2));
    expect(biochemical(day(2.1, 1.2))).toEqual(biochemical(day(1.2, 2.1)));
    expect(biochemical(day(2.1, 1.2))).toEqual([
      ['serum-doubling', '2024-03-01'],
      ['serum-rise', '2024-03-01'],
    ]);
  });

  it('nothing before the first line of therapy', () => {
    expect(biochemical(profileOf(diagnosis('2023-11-01', 'IgG', 'kappa'), serum('2023-11-01', 0.5), serum('2023-12-01', 2.0), serum('2023-12-20', 2.2)))).toEqual([]);
  });
});
