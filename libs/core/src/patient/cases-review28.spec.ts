/**
 * Profile cases from the 28th reviews: the minimum exposure met by a drug given on past an early progression
 * (MAMMOTH), IMWG 2016 relapse from CR, and the two conventions made settings (1q amplification, β2M's normal
 * creatinine).
 */
import { carT, event, lab, med, response } from '../testing/events';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2025-06-01';
const MAMMOTH = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 };

describe('MAMMOTH minimum exposure (≥ 4 weeks of the anti-CD38) and a progression before it was reached', () => {
  it('progression on day 20, daratumumab given on to day 50 and stopped for progression: refractory (refr28 X19)', () => {
    const p = buildProfile([med('DPd', '2024-01-01', '2024-02-19', { reasonStopped: 'progression' }), response('2024-01-20', 'PD')], AS_OF, MAMMOTH);
    expect(p.drugs.daratumumab?.refractory).toBe(true);
    expect(p.drugs.pomalidomide?.refractory).toBe(true);
  });

  it('progression on day 27, stopped on day 36: refractory (refr28 X20)', () => {
    const p = buildProfile([med('DPd', '2024-01-01', '2024-02-05', { reasonStopped: 'progression' }), response('2024-01-27', 'PD')], AS_OF, MAMMOTH);
    expect(p.drugs.daratumumab?.refractory).toBe(true);
  });

  it('stopped on day 20 at the progression: under 4 weeks on it, not refractory', () => {
    const p = buildProfile([med('DPd', '2024-01-01', '2024-01-20', { reasonStopped: 'progression' }), response('2024-01-20', 'PD'), med('Kd', '2024-02-01', null)], AS_OF, MAMMOTH);
    expect(p.drugs.daratumumab?.refractory).toBe(false);
    expect(p.drugs.pomalidomide?.refractory).toBe(true);
  });

  it('progression on day 20, then a response (MR or better) before day 28: that progression does not count', () => {
    const p = buildProfile([med('DPd', '2024-01-01', '2024-06-30', { reasonStopped: 'completed' }), response('2024-01-20', 'PD'), response('2024-01-26', 'PR'), response('2024-03-01', 'PR')], AS_OF, MAMMOTH);
    expect(p.drugs.daratumumab?.refractory).toBe(false);
  });
});

describe('relapse from CR (IMWG 2016)', () => {
  const cr = [med('DRd', '2023-01-01', null), response('2023-09-01', 'CR'), response('2023-11-01', 'CR')];
  const ifePositive = (d: string) => lab(d, 'serum immunofixation', 1, '', { result: 'positive' });
  it('immunofixation positive again after the latest CR: the first sign, dated', () => {
    const p = buildProfile([...cr, ifePositive('2024-02-01'), lab('2024-03-01', 'marrowPlasmaCells', 6, '%')], AS_OF);
    expect(p.disease.relapseFromCr).toMatchObject({ crDate: '2023-11-01', date: '2024-02-01', basis: 'serumImmunofixation positive' });
  });

  it('≥ 5% marrow plasma cells; 4.9% is none', () => {
    expect(buildProfile([...cr, lab('2024-03-01', 'marrowPlasmaCells', 5, '%')], AS_OF).disease.relapseFromCr).toMatchObject({ date: '2024-03-01', basis: 'marrow plasma cells 5%' });
    expect(buildProfile([...cr, lab('2024-03-01', 'marrowPlasmaCells', 4.9, '%')], AS_OF).disease.relapseFromCr).toBeNull();
  });

  it('a positive PET-CT or MRD is relapse from MRD negativity, not from CR', () => {
    expect(buildProfile([...cr, event('imaging', '2024-03-01', { modality: 'PET-CT', mrd: 'positive' })], AS_OF).disease.relapseFromCr).toBeNull();
  });

  it('hypercalcaemia after the CR: another sign of progression', () => {
    const p = buildProfile([...cr, lab('2023-01-01', 'calcium', 9.5, 'mg/dL'), lab('2024-04-01', 'calcium', 11.5, 'mg/dL')], AS_OF);
    expect(p.disease.relapseFromCr).toMatchObject({ date: '2024-04-01' });
    expect(p.disease.relapseFromCr?.basis).toMatch(/^hypercalcemia/);
  });

  it('no CR: none; a CR reached again after a relapse: none since', () => {
    expect(buildProfile([med('DRd', '2023-01-01', null), response('2023-09-01', 'VGPR'), ifePositive('2024-02-01')], AS_OF).disease.relapseFromCr).toBeNull();
    expect(buildProfile([...cr, ifePositive('2024-02-01'), response('2024-06-01', 'CR')], AS_OF).disease.relapseFromCr).toBeNull();
  });
});

describe('conventions as settings', () => {
  const fish = (copyNumber: number) => event('cytogenetics', '2024-01-01', { abnormality: 'gain(1q)', result: 'detected', percentCells: 40, copyNumber });
  const detected = (p: ReturnType<typeof buildProfile>) => p.cytogenetics.abnormalities.filter((a) => a.detected).map((a) => a.abnormality);

  it('amp1qMinCopies: 4 copies are an amplification by default (domain §6), a gain with 5', () => {
    expect(detected(buildProfile([fish(4)], AS_OF))).toEqual(['amp(1q)']);
    expect(detected(buildProfile([fish(3)], AS_OF))).toEqual(['gain(1q)']);
    const five = { ...DEFAULT_SETTINGS, amp1qMinCopies: 5 };
    expect(detected(buildProfile([fish(4)], AS_OF, five))).toEqual(['gain(1q)']);
    expect(detected(buildProfile([fish(5)], AS_OF, five))).toEqual(['amp(1q)']);
    expect(buildProfile([fish(4)], AS_OF, five).settings).toBe(`${DEFAULT_SETTINGS.name} {"amp1qMinCopies":5}`);
  });

  it('beta2mNormalCreatinineBelowMgDl: a creatinine of 1.25 with no upper limit reported is normal below 1.3, not below 1.2', () => {
    const events = [lab('2025-05-01', 'b2m', 6, 'mg/L'), lab('2025-05-01', 'creatinine', 1.25, 'mg/dL')];
    expect(buildProfile(events, AS_OF).cytogenetics.highRiskImwg2025.beta2m).toBe('not-met');
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, beta2mNormalCreatinineBelowMgDl: 1.3 }).cytogenetics.highRiskImwg2025.beta2m).toBe('met');
  });
});

describe('code review: relapse from CR after a sign of the same kind before it', () => {
  it('hypercalcaemia before the CR and again after it, in one line: relapse from CR on the second', () => {
    const events = [
      lab('2023-01-01', 'calcium', 9.5, 'mg/dL'),
      med('DRd', '2023-01-10', null),
      lab('2023-01-20', 'calcium', 11.6, 'mg/dL'),
      lab('2023-02-20', 'calcium', 9.6, 'mg/dL'),
      response('2023-09-01', 'CR'),
      response('2023-11-01', 'CR'),
      lab('2024-01-01', 'calcium', 9.4, 'mg/dL'),
      lab('2024-04-01', 'calcium', 11.8, 'mg/dL'),
    ];
    expect(buildProfile(events, AS_OF).disease.relapseFromCr).toMatchObject({ crDate: '2023-11-01', date: '2024-04-01' });
  });
});

describe('lot29: therapy after a CAR-T infusion given without bridging', () => {
  const tec = [med('teclistamab', '2024-01-01', '2024-08-05', { reasonStopped: 'toxicity' })];
  const asOf = '2024-12-01';
  it('talquetamab begun 19 days after the infusion, no progression: a line of its own, as with bridging', () => {
    const p = buildProfile([...tec, carT('2024-10-01', 'cilta-cel'), med('talquetamab', '2024-10-20', null)], asOf);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.openedBy])).toEqual([
      ['2024-01-01', 'first-treatment'],
      ['2024-10-01', 'car-t'],
      ['2024-10-20', 'new-regimen-after-discontinuation'],
    ]);
  });

  it('dexamethasone after the infusion (for CRS) opens no line', () => {
    expect(buildProfile([...tec, carT('2024-10-01', 'cilta-cel'), med('dexamethasone', '2024-10-05', '2024-10-09')], asOf).linesOfTherapy.count).toBe(2);
  });

  it('a progression 7 days after the infusion is the CAR-T line’s: its reason for change, not the line before’s', () => {
    const p = buildProfile([...tec, carT('2024-10-01', 'cilta-cel'), response('2024-10-08', 'PD'), med('talquetamab', '2024-11-05', null)], asOf);
    expect(p.linesOfTherapy.lines.map((l) => l.reasonForChange)).toEqual(['toxicity', 'progression', null]);
    expect(p.disease.progressionLine).toBe(2);
  });
});
