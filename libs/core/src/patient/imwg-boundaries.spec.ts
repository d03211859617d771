/**
 * IMWG 2016 thresholds at their exact boundaries and the confirmation rule (domain.md §3, §4, §6),
 * hand-derived: values whose differences are not exact in binary floating point (2.3 − 1.8), the ≥1 g/dL
 * rule from a nadir ≥5 g/dL, the strict >10 mg/dL dFLC rise, FLC measurability for a dFLC response,
 * confirmed responses for "achieved MR" and best response, marrow progression when nothing else is
 * measurable, plasmacytomas and CR, re-treatment after progression as a new line, prior lines before
 * the screening date, and cytogenetic spellings with bands.
 */
import { compileRule, type LeafTrace } from '../eligibility/compile';
import { diagnosis, event, lab, med, response } from '../testing/events';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2025-06-01';
const profile = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF);
const serum = (date: string, v: number) => lab(date, 'm-protein', v, 'g/dL');
const urine = (date: string, v: number) => lab(date, 'urine m-protein', v, 'mg/24h');
const flc = (date: string, kappa: number, lambda: number) => [lab(date, 'free kappa', kappa, 'mg/L'), lab(date, 'free lambda', lambda, 'mg/L')];
const monthly = (...values: number[]) => values.map((v, i) => serum(`2020-${String(i + 1).padStart(2, '0')}-01`, v));
const progressions = (...events: Parameters<typeof buildProfile>[0]) => profile(...events).disease.progressions;
const fish = (abnormality: string, percentCells: number) => event('cytogenetics', '2024-01-01', { abnormality, result: 'detected', percentCells });

describe('progression at its thresholds (IMWG 2016)', () => {
  it.each([
    ['1.8 → 2.3, 2.3: +0.5 g/dL exactly (2.3 − 1.8 is 0.4999… in floating point), +28%', [1.8, 2.3, 2.3], 1],
    ['0.2 → 0.7, 0.7: +0.5 g/dL exactly', [0.2, 0.7, 0.7], 1],
    ['1.0 → 1.45, 1.45: +0.45 g/dL', [1.0, 1.45, 1.45], 0],
    ['nadir 6.0 → 7.1, 7.2: +1.1 g/dL from a nadir ≥5 g/dL suffices although it is <25%', [6.0, 7.1, 7.2], 1],
    ['nadir 5.0 → 6.0, 6.0: +1.0 g/dL exactly from a nadir of exactly 5 g/dL', [5.0, 6.0, 6.0], 1],
    ['nadir 6.0 → 6.9, 6.95: +0.95 g/dL from a nadir ≥5 g/dL', [6.0, 6.9, 6.95], 0],
    ['nadir 4.9 → 5.9, 5.9: +1.0 g/dL but the nadir is below 5 g/dL and the rise is 20%', [4.9, 5.9, 5.9], 0],
  ])('serum M-protein %s', (_, values, count) => {
    expect(progressions(...monthly(...values))).toHaveLength(count);
  });

  it('measures from the lowest confirmed value: a single low value does not lower the nadir (setting progressionNadir)', () => {
    const singleDip = monthly(3.0, 1.0, 1.6, 1.7);
    expect(progressions(...singleDip)).toEqual([]);
    expect(buildProfile(singleDip, AS_OF, { ...DEFAULT_SETTINGS, name: 'lowest-nadir', progressionNadir: 'lowest' }).disease.progressions).toEqual([
      expect.objectContaining({ date: '2020-03-01', source: 'serum-m-protein' }),
    ]);
    // 1.0 then 1.2: the level both reached is 1.2, the nadir; 1.6 is +0.4 from it (no progression), 1.8 is +0.6 and +50%.
    expect(progressions(...monthly(3.0, 1.0, 1.2, 1.6, 1.6))).toEqual([]);
    expect(progressions(...monthly(3.0, 1.0, 1.2, 1.8, 1.8))).toEqual([expect.objectContaining({ date: '2020-04-01' })]);
  });

  it('dFLC must rise by more than 10 mg/dL: exactly 100 mg/L is not progression, 101 is', () => {
    const kappaDisease = (rise: number) => [diagnosis('2019-01-01', 'none', 'kappa'), ...flc('2020-01-01', 300, 10), ...flc('2020-02-01', 110, 10), ...flc('2020-02-15', 110, 10), ...flc('2020-03-01', 110 + rise, 10), ...flc('2020-04-01', 110 + rise, 10)];
    expect(progressions(...kappaDisease(100)).filter((p) => p.source === 'dflc')).toEqual([]);
    expect(progressions(...kappaDisease(101)).filter((p) => p.source === 'dflc')).toEqual([expect.objectContaining({ date: '2020-03-01' })]);
  });
});

describe('progression by marrow plasma cells (serum, urine and FLC unmeasurable)', () => {
  const unmeasurable = [med('DRd', '2020-01-01', null), serum('2019-12-20', 0), urine('2019-12-20', 0), ...flc('2019-12-20', 15, 12)];
  it('an increase of ≥10 percentage points and ≥25% from the nadir is progression, without confirmation', () => {
    expect(progressions(...unmeasurable, lab('2019-12-20', 'marrow plasma cells', 20, '%'), lab('2020-06-01', 'marrow plasma cells', 35, '%'))).toEqual([
      expect.objectContaining({ source: 'marrow-plasma-cells', date: '2020-06-01' }),
    ]);
    expect(progressions(...unmeasurable, lab('2019-12-20', 'marrow plasma cells', 20, '%'), lab('2020-06-01', 'marrow plasma cells', 29, '%'))).toEqual([]);
  });
  it('is not used when the FLC is measurable, nor when no M-protein or FLC result is on record', () => {
    const flcMeasurable = [med('DRd', '2020-01-01', null), serum('2019-12-20', 0), urine('2019-12-20', 0), ...flc('2019-12-20', 300, 10)];
    const marrow = [lab('2019-12-20', 'marrow plasma cells', 20, '%'), lab('2020-06-01', 'marrow plasma cells', 35, '%')];
    expect(progressions(...flcMeasurable, ...marrow).filter((p) => p.source === 'marrow-plasma-cells')).toEqual([]);
    expect(progressions(med('DRd', '2020-01-01', null), ...marrow)).toEqual([]);
  });
});

describe('response at its thresholds and with confirmation (IMWG 2016)', () => {
  const current = (...events: Parameters<typeof buildProfile>[0]) => profile(med('DRd', '2025-01-01', null), ...events).disease.computedResponse;

  it('a reduction of exactly 25% is MR and of exactly 90% (with urine <100 mg/24 h) is VGPR', () => {
    expect(current(serum('2024-12-01', 2.4), serum('2025-03-01', 1.8), serum('2025-04-01', 1.8))?.category).toBe('MR');
    expect(current(serum('2024-12-01', 1.3), serum('2025-03-01', 0.13), urine('2025-03-01', 50), serum('2025-04-01', 0.13), urine('2025-04-01', 50))?.category).toBe('VGPR');
  });

  it('a dFLC response needs measurable FLC at baseline (involved ≥10 mg/dL, abnormal ratio)', () => {
    const unmeasurable = current(diagnosis('2020-01-01', 'none', 'kappa'), serum('2024-12-20', 0), urine('2024-12-20', 0), ...flc('2024-12-20', 60, 10), ...flc('2025-03-01', 30, 10), ...flc('2025-04-01', 25, 10));
    expect(unmeasurable?.category ?? null).not.toBe('PR');
    const measurable = current(diagnosis('2020-01-01', 'none', 'kappa'), ...flc('2024-12-20', 400, 10), ...flc('2025-03-01', 150, 10), ...flc('2025-04-01', 120, 10));
    expect(measurable?.category).toBe('PR');
  });

  it('CR needs the soft-tissue plasmacytomas gone: a plasmacytoma on the latest imaging caps the response below CR', () => {
    const crLabs = [
      serum('2024-12-01', 3.0), serum('2025-03-01', 0), urine('2025-03-01', 0), serum('2025-04-01', 0), urine('2025-04-01', 0),
      ...(['2025-03-01', '2025-04-01'] as const).flatMap((d) => [lab(d, 'serum immunofixation', 0, '', { result: 'negative' }), lab(d, 'urine immunofixation', 0, '', { result: 'negative' })]),
      lab('2025-03-15', 'marrow plasma cells', 2, '%'),
    ];
    const imaging = (date: string, present: boolean) => event('imaging', date, { modality: 'PET-CT', extramedullary: { present, type: 'extramedullary', site: 'liver' } });
    expect(current(...crLabs)?.category).toBe('CR');
    expect(current(...crLabs, imaging('2025-02-10', true))?.category).not.toBe('CR');
    expect(current(...crLabs, imaging('2025-02-10', true), imaging('2025-02-20', false))?.category).toBe('CR');
  });

  it('best response counts confirmed categories only: a single MR between SDs leaves the best at SD', () => {
    const p = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-02-01', 2.0), serum('2025-03-01', 2.4), serum('2025-04-01', 2.45));
    expect(p.disease.bestResponse).toBe('SD');
    const confirmed = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-02-01', 2.0), serum('2025-03-01', 2.1), serum('2025-04-01', 2.45));
    expect(confirmed.disease.bestResponse).toBe('MR');
  });

  it('an unconfirmed MR is not "achieved MR": nonresponsive on the regimen, primary refractory', () => {
    // VRd given and finished; serum 3.0 → 2.0 once (MR), then 2.4 and 2.45 (SD): no progression (2.4 − 2.0 = 0.4 g/dL).
    const p = profile(med('VRd', '2024-01-01', '2024-06-01', { reasonStopped: 'other' }), serum('2023-12-20', 3.0), serum('2024-02-01', 2.0), serum('2024-03-01', 2.4), serum('2024-05-01', 2.45));
    expect(p.disease.progressions).toEqual([]);
    expect(p.flags.primaryRefractory).toBe(true);
    expect(p.drugs.bortezomib!.refractory).toBe(true);
  });

  it('a rule on the current response waits for confirmation: UNKNOWN while a single PR is unconfirmed, MET once confirmed, NOT_MET below it', () => {
    const rule = compileRule({ fact: 'responseAtLeast', category: 'PR' });
    const single = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 1.2));
    expect(single.disease.response).toMatchObject({ category: 'PR', confirmed: false });
    expect(rule({ profile: single, asOf: AS_OF, trace: null }).outcome).toBe('UNKNOWN');
    const twice = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 1.2), serum('2025-04-01', 1.1));
    expect(rule({ profile: twice, asOf: AS_OF, trace: null }).outcome).toBe('MET');
    const minimal = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 2.0));
    expect(rule({ profile: minimal, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
  });

  it('a higher response the latest assessment shows above a confirmed lower one also waits for confirmation (UNKNOWN, not NOT_MET)', () => {
    // Serum 2.0 → 1.8 (SD) → 0.9 (PR, once): the confirmed response is SD; the PR awaits the next assessment.
    const sdThenPr = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 2.0), serum('2025-02-01', 1.8), serum('2025-03-01', 0.9));
    expect(sdThenPr.disease.response).toMatchObject({ category: 'SD', confirmed: true, awaitingConfirmation: 'PR' });
    const trace: LeafTrace[] = [];
    expect(compileRule({ fact: 'responseAtLeast', category: 'PR' })({ profile: sdThenPr, asOf: AS_OF, trace }).outcome).toBe('UNKNOWN');
    expect(trace[0]).toMatchObject({ actual: expect.stringContaining('latest assessment PR awaiting confirmation'), missing: ['confirming response assessment'] });
    // Serum 2.0 → 0.8 (PR) → 0.15 (−92.5%, VGPR once, urine 50): PR confirmed, VGPR awaiting; a rule on CR stays NOT_MET.
    const prThenVgpr = profile(med('DRd', '2025-01-01', null), serum('2024-12-01', 2.0), urine('2024-12-01', 50), serum('2025-02-01', 0.8), urine('2025-02-01', 50), serum('2025-03-01', 0.15), urine('2025-03-01', 50));
    expect(prThenVgpr.disease.response).toMatchObject({ category: 'PR', confirmed: true, awaitingConfirmation: 'VGPR' });
    expect(compileRule({ fact: 'responseAtLeast', category: 'VGPR' })({ profile: prThenVgpr, asOf: AS_OF, trace: null }).outcome).toBe('UNKNOWN');
    expect(compileRule({ fact: 'responseAtLeast', category: 'PR' })({ profile: prThenVgpr, asOf: AS_OF, trace: null }).outcome).toBe('MET');
    expect(compileRule({ fact: 'responseAtLeast', category: 'CR' })({ profile: prThenVgpr, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
  });
});

describe('prior lines and cytogenetic spellings', () => {
  it('prior lines are those started before the screening date: a line starting that day is not yet prior', () => {
    const p = profile(med('VRd', '2020-01-01', '2020-06-01'), med('DPd', AS_OF, null));
    expect(p.linesOfTherapy.count).toBe(2);
    expect(compileRule({ fact: 'priorLines', min: 2 })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
    expect(compileRule({ fact: 'priorLines', min: 1, max: 1 })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
    expect(compileRule({ fact: 'priorLines', min: 2 })({ profile: p, asOf: '2025-06-02', trace: null }).outcome).toBe('MET');
    // ...so the outcome flips the next day, when that changes it.
    expect(compileRule({ fact: 'priorLines', min: 2 })({ profile: p, asOf: AS_OF, trace: null }).flipsOn).toBe('2025-06-02');
    expect(compileRule({ fact: 'priorLines', max: 1 })({ profile: p, asOf: AS_OF, trace: null })).toMatchObject({ outcome: 'MET', flipsOn: '2025-06-02' });
    expect(compileRule({ fact: 'priorLines', min: 1 })({ profile: p, asOf: AS_OF, trace: null }).flipsOn).toBeUndefined();
  });

  it('the same regimen restarted after a progression during a short break is a new line; without a progression it is a hold', () => {
    const rd = [med('Rd', '2020-01-01', '2020-06-01', { reasonStopped: 'completed' }), response('2020-03-01', 'VGPR'), response('2020-04-01', 'VGPR'), med('Rd', '2020-07-15', null)];
    expect(profile(...rd).linesOfTherapy.count).toBe(1);
    const afterPd = profile(...rd, response('2020-07-01', 'PD')).linesOfTherapy;
    expect(afterPd.count).toBe(2);
    expect(afterPd.lines[1]).toMatchObject({ start: '2020-07-15', openedBy: 'retreatment-after-treatment-free-interval' });
  });

  it.each([
    ['del(17p13)', 'del(17p)'],
    ['del(17p13.1)', 'del(17p)'],
    ['gain(1q21)', 'gain(1q)'],
    ['1q21+', 'gain(1q)'],
    ['amp(1q21)', 'amp(1q)'],
    ['del(1p)', 'del(1p32)'],
    ['t(4;14)(p16;q32)', 't(4;14)'],
    ['t(11;14)(q13;q32)', 't(11;14)'],
  ])('%s is read as %s', (spelling, canonical) => {
    expect(profile(fish(spelling, 50)).cytogenetics.abnormalities.map((a) => a.abnormality)).toEqual([canonical]);
  });
});

describe('progressionDate: when the latest progression began', () => {
  const rising = [med('VRd', '2023-01-10', null), serum('2023-01-05', 3), serum('2023-04-01', 1), serum('2023-05-01', 1), serum('2023-07-01', 1.8), serum('2023-08-01', 1.9), serum('2023-09-01', 2.9), serum('2023-10-01', 3.9)];

  it('a confirmed rise, further rises from its last value and a PD reported weeks later are one progression, dated by its first measurement', () => {
    const p = profile(...rising, response('2023-10-15', 'PD'));
    expect(p.disease.progressions.map((e) => e.date)).toEqual(['2023-07-01', '2023-09-01', '2023-10-15']);
    expect(p.disease.progressionDate).toBe('2023-07-01');
    expect(p.disease.lastProgressionDate).toBe('2023-10-15');
    const rule = compileRule({ fact: 'timeSince', event: 'progression', maxDays: 120 });
    expect(rule({ profile: p, asOf: '2023-12-01', trace: null }).outcome).toBe('NOT_MET');
  });

  it('a progression on the salvage the earlier one prompted is a new one; a PD documented in the first days of the salvage is not', () => {
    const before = [med('VRd', '2022-01-10', '2023-06-20', { reasonStopped: 'progression' }), serum('2022-01-05', 3), serum('2022-06-01', 1), serum('2022-07-01', 1), serum('2023-05-01', 1.6), serum('2023-06-01', 1.7)];
    const prompted = profile(...before, med('KPd', '2023-06-25', null), response('2023-07-05', 'PD'));
    expect(prompted.disease.progressionDate).toBe('2023-05-01');
    const onSalvage = profile(...before, med('KPd', '2023-06-25', null), response('2023-07-05', 'PD'), response('2023-09-01', 'PR'), response('2024-02-01', 'PD'));
    expect(onSalvage.disease.progressionDate).toBe('2024-02-01');
    const noResponseBetween = profile(...before, med('KPd', '2023-06-25', null), response('2024-02-01', 'PD'));
    expect(noResponseBetween.disease.progressionDate).toBe('2024-02-01');
  });

  it('a response reported between two progressions on the same therapy separates them', () => {
    const p = profile(med('Rd', '2022-01-10', null), response('2022-06-01', 'PD'), response('2022-09-01', 'PR'), response('2023-03-01', 'PD'));
    expect(p.disease.progressionDate).toBe('2023-03-01');
    const q = profile(med('Rd', '2022-01-10', null), response('2022-06-01', 'PD'), response('2023-03-01', 'PD'));
    expect(q.disease.progressionDate).toBe('2022-06-01');
  });
});
