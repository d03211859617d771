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
    const stricter = buildProfile([...base, lab('2024-06-01', 'calcium', 11.4, 'mg/dL')], AS_OF, { ...DEFAULT_SETTINGS, relapseIndicators: { ...DEFAULT_SETTINGS.relapseIndicators, calciumAboveMgDl: 11.5 } });
    expect(stricter.disease.clinicalRelapse).toEqual([]);
  });

  it('haemoglobin fall and creatinine rise are measured from the value at the line’s start; the first of each is listed', () => {
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
  });
});

describe('significant paraprotein relapse (two consecutive measurements ≤2 months apart, dated at the first)', () => {
  const serum = (d: string, v: number) => lab(d, 'serumMProtein', v, 'g/dL');

  it('doubling from a lowest value of at least 0.5 g/dL', () => {
    const p = profileOf(...base, serum('2024-01-10', 2.0), serum('2024-03-01', 0.6), serum('2024-04-01', 0.5), serum('2024-05-01', 0.9), serum('2024-06-01', 1.0), serum('2024-07-01', 1.1));
    expect(biochemical(p)).toEqual([['serum-doubling', '2024-06-01']]);
    const low = profileOf(...base, serum('2024-01-10', 2.0), serum('2024-04-01', 0.4), serum('2024-05-01', 0.8), serum('2024-06-01', 0.9));
    expect(biochemical(low)).toEqual([]);
  });

  it('serum up ≥1 g/dL, the two measurements at most 60 days apart', () => {
    const p = profileOf(...base, serum('2024-01-10', 3.0), serum('2024-03-01', 2.0), serum('2024-04-01', 3.0), serum('2024-06-10', 3.2), serum('2024-06-30', 3.3));
    // 3.0 (04-01) then 3.2 (06-10) are 70 days apart; 3.2 then 3.3 are 20 days apart.
    expect(biochemical(p)).toEqual([['serum-rise', '2024-06-10']]);
  });

  it('urine up ≥500 mg/24h; the involved FLC up ≥20 mg/dL with an abnormal ratio', () => {
    const urine = (d: string, v: number) => lab(d, 'urineMProtein', v, 'mg/24h');
    expect(biochemical(profileOf(...base, urine('2024-01-10', 800), urine('2024-03-01', 100), urine('2024-05-01', 650), urine('2024-06-01', 700)))).toEqual([['urine-rise', '2024-05-01']]);
    const flc = (d: string, k: number, l: number) => [lab(d, 'freeKappa', k, 'mg/L'), lab(d, 'freeLambda', l, 'mg/L')];
    const p = profileOf(...base, ...flc('2024-01-10', 500, 10), ...flc('2024-03-01', 30, 10), ...flc('2024-05-01', 225, 10), ...flc('2024-06-01', 240, 10), ...flc('2024-06-20', 260, 10));
    // Lowest 30 mg/L; 225 is +19.5 mg/dL, 240 is +21 mg/dL, confirmed by 260.
    expect(biochemical(p)).toEqual([['involved-flc-rise', '2024-06-01']]);
  });

  it('nothing before the first line of therapy', () => {
    expect(biochemical(profileOf(diagnosis('2023-11-01', 'IgG', 'kappa'), serum('2023-11-01', 0.5), serum('2023-12-01', 2.0), serum('2023-12-20', 2.2)))).toEqual([]);
  });
});
