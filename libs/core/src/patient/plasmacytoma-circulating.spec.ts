/**
 * Soft-tissue plasmacytomas and circulating plasma cells in response and progression. domain.md §4 (IMWG 2016):
 * PR "Plasmacytomas (if present): ≥50% SPD reduction"; MR "plasmacytomas ≥50% SPD reduction if present"; CR
 * "disappearance of soft-tissue plasmacytomas"; PD "new lesion(s), ≥50% increase from nadir in SPD of >1 lesion, or
 * ≥50% increase in longest diameter of a prior lesion >1 cm short axis. Or ≥50% increase in circulating PCs (min 200
 * cells/µL) if the only measure of disease"; bone marrow and imaging need no confirmation.
 */
import { diagnosis, event, lab, med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF);
type Lesion = [name: string, longestMm: number, perpendicularMm: number, shortAxisMm?: number];
const scan = (date: string, ...lesions: Lesion[]) =>
  event('imaging', date, {
    modality: 'CT',
    plasmacytomas: lesions.map(([lesion, longestDiameterMm, perpendicularDiameterMm, shortAxisMm]) => ({ lesion, longestDiameterMm, perpendicularDiameterMm, ...(shortAxisMm === undefined ? {} : { shortAxisMm }) })),
  });
const serum = (date: string, v: number) => lab(date, 'serumMProtein', v, 'g/dL');
const imagingProgressions = (p: ReturnType<typeof profileOf>) => p.disease.progressions.filter((e) => e.source === 'imaging').map((e) => e.date);
const base = [diagnosis('2022-01-01', 'IgG', 'kappa'), med('daratumumab + pomalidomide + dexamethasone', '2024-01-15', null)];

describe('progression by plasmacytoma size (imaging, no confirmation)', () => {
  it('SPD of two lesions: 500 → nadir 274 mm²; +47% is not progression, +74% is, on that scan', () => {
    const p = profileOf(
      ...base,
      scan('2024-01-10', ['L1', 20, 20], ['L2', 10, 10]), // 400 + 100 = 500
      scan('2024-04-01', ['L1', 15, 14], ['L2', 8, 8]), // 210 + 64 = 274 (nadir)
      scan('2024-07-01', ['L1', 20, 17], ['L2', 8, 8]), // 340 + 64 = 404: 1.47 × nadir
      scan('2024-09-01', ['L1', 22, 18], ['L2', 9, 9]), // 396 + 81 = 477: 1.74 × nadir; L1's longest 15 → 22 is +47% only
    );
    expect(imagingProgressions(p)).toEqual(['2024-09-01']);
    expect(p.disease.progressions.find((e) => e.source === 'imaging')!.detail).toContain('nadir 274');
    expect(p.disease.lastProgressionDate).toBe('2024-09-01');
  });

  it('one lesion: its SPD +56% is not progression (the SPD criterion is for more than one lesion); its longest diameter +50% with a short axis >1 cm is', () => {
    const grew = (shortAxis: number) => profileOf(...base, scan('2024-01-10', ['L1', 20, 20, 15]), scan('2024-05-01', ['L1', 26, 24, 15]), scan('2024-08-01', ['L1', 30, 24, shortAxis]));
    expect(imagingProgressions(profileOf(...base, scan('2024-01-10', ['L1', 20, 20, 15]), scan('2024-05-01', ['L1', 26, 24, 15])))).toEqual([]);
    expect(imagingProgressions(grew(11))).toEqual(['2024-08-01']); // 20 → 30 mm: +50%
    expect(imagingProgressions(grew(10))).toEqual([]); // a short axis of exactly 1 cm is not >1 cm
  });

  it('a lesion gone from a scan (not listed) that comes back >1 cm in short axis is progression; a growth measured against the new line’s baseline only', () => {
    const back = profileOf(...base, scan('2024-01-10', ['L1', 20, 20, 15], ['L2', 14, 12, 12]), scan('2024-04-01', ['L1', 12, 10, 9]), scan('2024-07-01', ['L1', 12, 10, 9], ['L2', 12, 11, 11]));
    expect(imagingProgressions(back)).toEqual(['2024-07-01']);
    // The nadir restarts at a new line's baseline: 10 mm before line 2 (2024-06-01), 14 mm at its baseline scan, 18 mm later is +29%.
    const newLine = profileOf(
      ...base,
      scan('2024-01-10', ['L1', 20, 20, 15]),
      scan('2024-04-01', ['L1', 10, 10, 11]),
      scan('2024-05-25', ['L1', 14, 12, 12]),
      med('carfilzomib + dexamethasone', '2024-06-01', null),
      scan('2024-09-01', ['L1', 18, 12, 12]),
    );
    expect(imagingProgressions(newLine)).toEqual([]);
  });

  it('the scans of one day are one assessment (a CT and an MRI seeing different lesions); a plasmacytoma first named after earlier measuring scans is new: progression', () => {
    const mri = (date: string) => event('imaging', date, { modality: 'MRI', plasmacytomas: [{ lesion: 'L3', longestDiameterMm: 10, perpendicularDiameterMm: 10 }] });
    const ct = (date: string) => scan(date, ['L1', 30, 30, 25], ['L2', 20, 20, 18]);
    expect(imagingProgressions(profileOf(...base, ct('2024-01-10'), mri('2024-01-10'), ct('2024-04-01'), mri('2024-04-01'), mri('2024-07-01'), ct('2024-07-01')))).toEqual([]);
    const appeared = profileOf(...base, scan('2024-01-10', ['L1', 20, 20, 15]), scan('2024-04-01', ['L1', 20, 20, 15]), scan('2024-07-01', ['L1', 20, 20, 15], ['L2', 8, 8]));
    expect(imagingProgressions(appeared)).toEqual(['2024-07-01']);
    expect(appeared.disease.progressions.find((e) => e.source === 'imaging')!.detail).toContain('new plasmacytoma L2');
  });

  it('without a short axis the perpendicular diameter is the short axis; one scan with new lesions and a growth is one event', () => {
    expect(imagingProgressions(profileOf(...base, scan('2024-01-10', ['L1', 20, 20]), scan('2024-05-01', ['L1', 40, 38])))).toEqual(['2024-05-01']);
    expect(imagingProgressions(profileOf(...base, scan('2024-01-10', ['L1', 20, 8]), scan('2024-05-01', ['L1', 40, 10])))).toEqual([]); // 10 mm is not >1 cm
    const both = profileOf(
      ...base,
      scan('2024-01-10', ['L1', 20, 20], ['L2', 10, 10]),
      event('imaging', '2024-05-01', { modality: 'CT', newLesions: true, plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 30, perpendicularDiameterMm: 30 }, { lesion: 'L2', longestDiameterMm: 10, perpendicularDiameterMm: 10 }] }),
    );
    expect(imagingProgressions(both)).toEqual(['2024-05-01']);
  });

  it('a scan whose measurements cannot be read is set aside whole, with the reason', () => {
    const unreadableAxis = profileOf(...base, event('imaging', '2024-05-01', { modality: 'CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 40, perpendicularDiameterMm: 30, shortAxisMm: '15 mm' }] }));
    expect(unreadableAxis.unmapped.some((u) => /short axis/.test(u.reason))).toBe(true);
    const p = profileOf(...base, scan('2024-01-10', ['L1', 20, 20]), event('imaging', '2024-05-01', { modality: 'CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 40 }] }));
    expect(imagingProgressions(p)).toEqual([]);
    expect(p.unmapped.some((u) => /perpendicular diameters/.test(u.reason))).toBe(true);
  });
});

describe('response with soft-tissue plasmacytomas at baseline', () => {
  // Serum 3.0 g/dL at baseline, 1.2 and 1.1 in the line: −60% and −63%, a confirmed PR by M-protein alone.
  const mSeries = [serum('2024-01-05', 3.0), serum('2024-03-01', 1.2), serum('2024-04-01', 1.1)];
  const respond = (...scans: ReturnType<typeof scan>[]) => profileOf(...base, ...mSeries, scan('2024-01-10', ['L1', 20, 20]), ...scans).disease.computedResponse!;

  it('PR needs the SPD down ≥50% too: −62% keeps PR, −25% gives SD, not measured again in the line gives SD', () => {
    expect(respond(scan('2024-03-15', ['L1', 14, 11])).category).toBe('PR'); // 400 → 154
    const shrankLess = respond(scan('2024-03-15', ['L1', 20, 15])); // 400 → 300
    expect(shrankLess.category).toBe('SD');
    expect(shrankLess.basis).toContain('plasmacytoma SPD 400→300');
    // Not measured again: the response awaits imaging (neither shown nor refuted): PR by the M-protein, unconfirmed, and no nonresponse.
    const notMeasured = profileOf(...base, ...mSeries, scan('2024-01-10', ['L1', 20, 20]));
    expect(notMeasured.disease.computedResponse).toMatchObject({ category: 'PR', confirmed: false });
    expect(notMeasured.disease.computedResponse!.basis).toContain('awaits imaging');
    expect(notMeasured.drugs.daratumumab!.refractory).toBe(false);
    expect(notMeasured.flags.primaryRefractory).toBe(false);
    // A scan after the two assessments counts (imaging needs no confirmation): −62% on 2024-05-01.
    expect(respond(scan('2024-05-01', ['L1', 14, 11])).category).toBe('PR');
    expect(respond(scan('2024-05-01', ['L1', 20, 25])).basis).toContain('(+25%)');
  });

  it('without a plasmacytoma at baseline the M-protein decides alone', () => {
    expect(profileOf(...base, ...mSeries).disease.computedResponse!.category).toBe('PR');
    expect(profileOf(...base, ...mSeries, scan('2024-01-10')).disease.computedResponse!.category).toBe('PR');
  });

  it('CR needs the plasmacytomas gone on the latest scan that measured them', () => {
    const crLabs = (d: string) => [serum(d, 0), lab(d, 'serumImmunofixation', 0, '{result}', { result: 'negative' }), lab(d, 'urineImmunofixation', 0, '{result}', { result: 'negative' }), lab(d, 'urineMProtein', 0, 'mg/24h')];
    const history = [...base, serum('2024-01-05', 3.0), scan('2024-01-10', ['L1', 20, 20]), ...crLabs('2024-04-01'), ...crLabs('2024-05-01'), lab('2024-04-15', 'marrowPlasmaCells', 2, '%')];
    expect(profileOf(...history, scan('2024-04-20', ['L1', 6, 5])).disease.computedResponse!.category).toBe('VGPR');
    expect(profileOf(...history, scan('2024-04-20', ['L1', 0, 0])).disease.computedResponse!.category).toBe('CR');
  });
});

describe('progression by circulating plasma cells (the only measure of disease)', () => {
  // Serum M-protein 0.3 g/dL and an FLC pair κ 15 / λ 12 mg/L on record: serum, urine and FLC unmeasurable.
  const unmeasurable = [...base, serum('2024-01-05', 0.3), lab('2024-01-05', 'freeKappa', 15, 'mg/L'), lab('2024-01-05', 'freeLambda', 12, 'mg/L')];
  const cpc = (d: string, v: number, unit = '10*9/L') => lab(d, 'circulatingPlasmaCellsAbsolute', v, unit);
  const circulating = (p: ReturnType<typeof profileOf>) => p.disease.progressions.filter((e) => e.source === 'circulating-plasma-cells').map((e) => e.date);

  it('≥50% and ≥200 cells/µL above the nadir, in two consecutive assessments; dated on the first', () => {
    const p = profileOf(
      ...unmeasurable,
      cpc('2024-03-01', 0.3),
      cpc('2024-05-01', 0.2),
      cpc('2024-06-01', 0.2), // the nadir, confirmed (progressionNadir 'confirmed': the lowest level two consecutive assessments reached)
      cpc('2024-07-01', 0.32), // +60% but +120 cells/µL
      cpc('2024-08-01', 450, 'cells/uL'), // +125%, +250 cells/µL
      cpc('2024-09-01', 0.5),
    );
    expect(circulating(p)).toEqual(['2024-08-01']);
  });

  it('one rise alone is not confirmed; with measurable serum M-protein the count is not a measure of disease', () => {
    expect(circulating(profileOf(...unmeasurable, cpc('2024-05-01', 0.2), cpc('2024-08-01', 0.45), cpc('2024-09-01', 0.25)))).toEqual([]);
    const measurable = profileOf(...base, serum('2024-01-05', 2.0), lab('2024-01-05', 'freeKappa', 15, 'mg/L'), lab('2024-01-05', 'freeLambda', 12, 'mg/L'), cpc('2024-05-01', 0.2), cpc('2024-08-01', 0.45), cpc('2024-09-01', 0.5));
    expect(circulating(measurable)).toEqual([]);
  });
});

describe('a scan measuring soft-tissue plasmacytomas says extramedullary disease is present (domain.md §5), of a type it does not say', () => {
  it('measured plasmacytoma, no extramedullary finding: present, type unknown; a later explicit finding decides', () => {
    const p = profileOf(scan('2025-05-01', ['left chest wall', 30, 20]));
    expect(p.extramedullaryDisease).toMatchObject({ present: true, type: null, date: '2025-05-01' });
    const later = profileOf(scan('2025-04-01', ['left chest wall', 30, 20]), event('imaging', '2025-05-01', { modality: 'PET-CT', extramedullary: { present: true, type: 'paraskeletal' } }));
    expect(later.extramedullaryDisease).toMatchObject({ present: true, type: 'paraskeletal', date: '2025-05-01' });
  });

  it('a later scan measuring none left (or the lesion at 0 mm): absent', () => {
    expect(profileOf(scan('2024-01-10', ['left chest wall', 30, 20]), scan('2025-05-01')).extramedullaryDisease).toMatchObject({ present: false, type: null, date: '2025-05-01' });
    expect(profileOf(scan('2024-01-10', ['left chest wall', 30, 20]), scan('2025-05-01', ['left chest wall', 0, 0])).extramedullaryDisease).toMatchObject({ present: false, type: null, date: '2025-05-01' });
  });
});
