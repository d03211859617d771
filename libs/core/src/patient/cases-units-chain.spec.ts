/**
 * Lab normalization (domain.md §5, §8) and later review findings: a computed κ/λ ratio at the edge of the normal range,
 * the involved chain without a diagnosis, a code the catalog does not know, urine over another period than 24 hours.
 */
import { carT, event, lab, loinc, med, mrd, response } from '../testing/events';
import { compileRule } from '../eligibility/compile';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2025-06-01';
const K = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];

describe('κ/λ ratio and the involved chain', () => {
  it('a computed ratio of exactly 1.65 or 0.26 is normal (no floating-point noise)', () => {
    const flcOnly = (k: number, l: number) => buildProfile([lab('2025-05-01', 'serum m-protein', 0.2, 'g/dL'), lab('2025-05-01', 'urine m-protein', 50, 'mg/24h'), ...K('2025-05-01', k, l)], AS_OF).disease.measurable.flcOnly;
    expect(flcOnly(108.9, 66)).toBe(false); // 1.65
    expect(flcOnly(33.8, 130)).toBe(false); // 0.26
    expect(flcOnly(110, 66)).toBe(true);
  });

  it('with no light chain at diagnosis, the abnormal ratio names the involved chain, not the first values ever', () => {
    const p = buildProfile([...K('2024-01-01', 8, 8), ...K('2025-05-01', 5, 300)], AS_OF);
    expect(p.disease.measurable.lightChain).toBe('lambda');
    expect(p.disease.measurable.flcOnly).toBe(true);
  });
});

describe('the involved chain in the response', () => {
  it('a dFLC response is measured on the chain the abnormal ratio named, even once the other chain is the larger (a fall of more than 100 %)', () => {
    const p = buildProfile(
      [
        med('DRd', '2025-01-01', null),
        lab('2024-12-20', 'serum m-protein', 0.2, 'g/dL'),
        lab('2024-12-20', 'urine m-protein', 50, 'mg/24h'),
        ...K('2024-12-20', 20, 150),
        ...K('2025-02-01', 140, 18),
        lab('2025-02-01', 'serum m-protein', 0.2, 'g/dL'),
        ...K('2025-03-01', 140, 18),
        lab('2025-03-01', 'serum m-protein', 0.2, 'g/dL'),
      ],
      AS_OF,
    );
    // dFLC 130 → −122 mg/L: a fall of more than 100 %, VGPR (≥90 %, IMWG 2011 for FLC-only disease; resp31).
    expect(p.disease.response?.category).toBe('VGPR');
    expect(p.drugs.daratumumab?.refractory).toBe(false);
  });
});

describe('measurable disease from immunofixation and a reported ratio (from a review of the eligibility variables)', () => {
  const measurable = { fact: 'measurableDisease' };
  const run = (events: Parameters<typeof buildProfile>[0]) => compileRule(measurable)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;

  it('negative serum and urine immunofixation with no electrophoresis and a normal FLC pair: not measurable (not unknown)', () => {
    const ife = (d: string, name: string) => lab(d, name, 0, '', { result: 'negative' });
    expect(run([ife('2025-05-01', 'serum immunofixation'), ife('2025-05-01', 'urine immunofixation'), ...K('2025-05-01', 12, 10)])).toBe('NOT_MET');
    // Urine not tested at all: still unknown.
    expect(run([ife('2025-05-01', 'serum immunofixation'), ...K('2025-05-01', 12, 10)])).toBe('UNKNOWN');
  });

  it('a reported abnormal ratio names the involved chain when only one chain was measured', () => {
    const p = buildProfile([lab('2025-05-01', 'serum m-protein', 0.2, 'g/dL'), lab('2025-05-01', 'urine m-protein', 50, 'mg/24h'), lab('2025-05-01', 'free kappa', 200, 'mg/L'), lab('2025-05-01', 'kappa/lambda ratio', 20, '1')], AS_OF);
    expect(p.disease.measurable.lightChain).toBe('kappa');
    expect(run([lab('2025-05-01', 'serum m-protein', 0.2, 'g/dL'), lab('2025-05-01', 'urine m-protein', 50, 'mg/24h'), lab('2025-05-01', 'free kappa', 200, 'mg/L'), lab('2025-05-01', 'kappa/lambda ratio', 20, '1')])).toBe('MET');
  });
});

describe('codes and collection periods', () => {
  it('a code not in the catalog is reported, not read by its name', () => {
    const p = buildProfile([event('lab', '2025-05-01', { code: '2161-8', name: 'creatinine', value: 35, unit: 'mg/dL' })], AS_OF);
    expect(p.labs.creatinine).toBeUndefined();
    expect(p.unmapped).toContainEqual(expect.objectContaining({ reason: 'lab not in the catalog' }));
    expect(buildProfile([loinc('2025-05-01', '2160-0', 1.1, 'mg/dL')], AS_OF).labs.creatinine?.value).toBe(1.1);
  });

  it('calcium in mEq/L and beta-2 microglobulin in nmol/L are converted, not reported', () => {
    const p = buildProfile([lab('2025-05-01', 'calcium', 6, 'mEq/L'), lab('2025-05-01', 'b2m', 466, 'nmol/L')], AS_OF);
    expect(p.labs.calcium?.value).toBeCloseTo(12.02, 2);
    expect(p.labs.beta2Microglobulin?.value).toBeCloseTo(5.5, 2);
    expect(p.unmapped).toEqual([]);
  });

  it('urine over 12 hours is reported, not doubled', () => {
    const p = buildProfile([lab('2025-05-01', 'urine m-protein', 150, 'mg/12h')], AS_OF);
    expect(p.labs.urineMProtein).toBeUndefined();
    expect(p.unmapped).toContainEqual(expect.objectContaining({ reason: expect.stringContaining('other than 24 hours') }));
    expect(buildProfile([lab('2025-05-01', 'urine m-protein', 300, 'mg/d')], AS_OF).labs.urineMProtein?.value).toBe(300);
  });
});

describe('from a second code review', () => {
  it('a serum value from before the line does not rule CR out', () => {
    const events = [med('Rd', '2025-01-01', null), lab('2024-12-15', 'serum m-protein', 0.4, 'g/dL'), lab('2024-12-15', 'urine m-protein', 500, 'mg/24h'),
      ...['2025-04-01', '2025-05-01'].flatMap((d) => [lab(d, 'urine m-protein', 0, 'mg/24h'), lab(d, 'urine immunofixation', 0, '', { result: 'negative' })]), lab('2025-05-01', 'marrow plasma cells', 2, '%')];
    expect(buildProfile(events, AS_OF).disease.response?.couldBe).toMatchObject({ category: 'CR', missing: ['serum immunofixation'] });
  });

  it('sustained MRD: one negative PET-CT says no more than none', () => {
    const events = [response('2023-01-10', 'CR'), response('2024-02-10', 'CR'), mrd('2023-01-10', 'negative'), mrd('2024-02-01', 'negative'), event('imaging', '2024-02-01', { modality: 'PET-CT', mrd: 'negative' })];
    expect(compileRule({ fact: 'mrd', result: 'negative', sustained: true, maxAgeDays: 1000 })({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome).toBe('UNKNOWN');
  });

  it('a newer finding that implies an abnormality outweighs an older negative of it', () => {
    const fish = (date: string, abnormality: string, result: string, copyNumber?: number) => event('cytogenetics', date, { abnormality, result, percentCells: 40, ...(copyNumber !== undefined ? { copyNumber } : {}) });
    const p = buildProfile([fish('2020-01-01', 'gain(1q)', 'not-detected'), fish('2025-01-01', 'amp(1q)', 'detected', 5)], AS_OF);
    expect(compileRule({ fact: 'cytogenetics', abnormality: 'gain(1q)' })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });

  it('a stop for progression at the end of a regimen recorded cycle by cycle is the progression documented at its last cycle', () => {
    const cycles = ['2024-01-01', '2024-01-29', '2024-02-26', '2024-03-25'].map((d, i, all) => med('Rd', d, i === all.length - 1 ? '2024-04-21' : new Date(Date.parse(d) + 27 * 86400000).toISOString().slice(0, 10), i === all.length - 1 ? { reasonStopped: 'progression' } : {}));
    const p = buildProfile([...cycles, response('2024-02-01', 'PR'), response('2024-03-01', 'PR'), response('2024-03-25', 'PD'), med('Kd', '2024-05-01', null)], AS_OF);
    expect(p.disease.progressions.map((x) => x.date)).toEqual(['2024-03-25']);
  });

  it('the next cycle of a regimen running before a CAR-T apheresis is that regimen, not bridging', () => {
    const perCycle = [med('Kd', '2022-09-01', '2022-09-28'), med('Kd', '2022-09-29', '2022-10-26'), med('Kd', '2022-10-27', '2022-11-23')];
    const whole = [med('Kd', '2022-09-01', '2022-11-23')];
    const rest = [event('procedure', '2022-10-10', { kind: 'apheresis' }), carT('2022-12-01', 'ciltacabtagene autoleucel')];
    const starts = (events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).linesOfTherapy.lines.map((l) => l.start);
    expect(starts([...perCycle, ...rest])).toEqual(starts([...whole, ...rest]));
  });
});

describe('from a third code review', () => {
  it('a stop for progression is measured from a run of the same agents only, not across a line sharing one', () => {
    const events = [med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), response('2023-04-01', 'PR'), response('2023-06-20', 'PD'), med('DRd', '2023-07-05', '2023-12-31', { reasonStopped: 'progression' })];
    expect(buildProfile(events, AS_OF).disease.lastProgressionDate).toBe('2023-12-31');
  });

  it('the adjusted body weight is for a patient above the ideal weight', () => {
    const settings = { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, weight: 'adjusted' as const } };
    const crcl = buildProfile([event('demographics', '2015-01-01', { birthDate: '1960-01-01', sex: 'female', weightKg: 45, heightCm: 170 }), lab('2025-05-01', 'creatinine', 1, 'mg/dL')], AS_OF, settings).labs.crcl!;
    expect(crcl.inputs.weightUsedKg).toBe(45);
  });
});

describe('drug names (from a review of prior targeted therapy)', () => {
  it('a research code written with or without its hyphen or space, and a name with a note in parentheses', () => {
    const drugs = (name: string) => Object.keys(buildProfile([med(name, '2024-01-01', '2024-03-01')], AS_OF).drugs);
    expect(drugs('PF06863135')).toEqual(['elranatamab']);
    expect(drugs('JNJ 64007957')).toEqual(['teclistamab']);
    expect(drugs('teclistamab (MajesTEC-1)')).toEqual(['teclistamab']);
    expect(drugs('KRd (carfilzomib, lenalidomide, dexamethasone)').sort()).toEqual(['carfilzomib', 'dexamethasone', 'lenalidomide']);
    // A note naming another drug, or saying it may not have been given: reported, not read as the name alone.
    expect(drugs('Rd (+ daratumumab)')).toEqual([]);
    expect(drugs('iberdomide (or placebo)')).toEqual([]);
  });
});

describe('a note naming a regimen (from a fifth code review)', () => {
  it('"daratumumab (with Rd)" is reported, not read as daratumumab alone', () => {
    expect(Object.keys(buildProfile([med('daratumumab (with Rd)', '2024-01-01', '2024-03-01')], AS_OF).drugs)).toEqual([]);
  });
});
