/**
 * MRD negativity and CR (domain.md §4, IMWG 2016): MRD categories require CR; NGF or NGS; sustained (≥1 year) and
 * imaging-plus negativity; a response short of CR or sCR only by tests not on record is not known to be below it.
 */
import { event, lab, med, mrd, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { DEFAULT_SETTINGS } from '../patient/settings';
import { compileRule, type LeafTrace } from './compile';

const AS_OF = '2025-06-01';
const run = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => {
  const trace: LeafTrace[] = [];
  const r = compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace });
  return { outcome: r.outcome, trace: trace[0] };
};
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const ife = (d: string, where: 'serum' | 'urine', r: 'negative' | 'positive') => lab(d, `${where} immunofixation`, r === 'negative' ? 0 : 1, '', { result: r });
const marrow = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const pet = (d: string, r: 'negative' | 'positive') => event('imaging', d, { modality: 'PET-CT', mrd: r });
const line = [med('DRd', '2025-01-01', null), S('2024-12-15', 2.0), U('2024-12-15', 50)];
/** Serum and urine gone by electrophoresis and immunofixation on both dates; the marrow as given. */
const goneOn = (dates: string[], opts: { urineIfe?: boolean } = {}) =>
  dates.flatMap((d) => [S(d, 0), U(d, 0), ife(d, 'serum', 'negative'), ...(opts.urineIfe === false ? [] : [ife(d, 'urine', 'negative')])]);

describe('a response short of CR only by tests not on record', () => {
  it('no marrow: VGPR, and "CR or better" is unknown (the marrow named as missing), not unmet', () => {
    const events = [...line, ...goneOn(['2025-04-01', '2025-05-01'])];
    const p = buildProfile(events, AS_OF);
    expect(p.disease.response).toMatchObject({ category: 'VGPR', confirmed: true, couldBe: { category: 'CR', missing: ['marrow plasma cells'] } });
    const r = run({ fact: 'responseAtLeast', category: 'CR' }, events);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.trace?.missing).toEqual(['marrow plasma cells']);
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' }, events).outcome).toBe('MET');
  });

  it('no urine immunofixation: the same; 5% marrow plasma cells or a positive immunofixation rule CR out', () => {
    expect(run({ fact: 'responseAtLeast', category: 'CR' }, [...line, ...goneOn(['2025-04-01', '2025-05-01'], { urineIfe: false }), marrow('2025-05-01', 2)]).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'responseAtLeast', category: 'CR' }, [...line, ...goneOn(['2025-04-01', '2025-05-01']), marrow('2025-05-01', 5)]).outcome).toBe('NOT_MET');
    const stillThere = [...line, S('2025-04-01', 0), S('2025-05-01', 0), ife('2025-04-01', 'serum', 'positive'), ife('2025-05-01', 'serum', 'positive'), U('2025-04-01', 0), U('2025-05-01', 0)];
    expect(buildProfile(stillThere, AS_OF).disease.response?.couldBe).toBeUndefined();
    expect(run({ fact: 'responseAtLeast', category: 'CR' }, stillThere).outcome).toBe('NOT_MET');
  });

  it('a CR without marrow clonality or FLC ratio: "sCR" unknown; a clonal marrow rules it out', () => {
    const cr = [...line, ...goneOn(['2025-04-01', '2025-05-01']), marrow('2025-04-01', 2)];
    expect(buildProfile(cr, AS_OF).disease.response).toMatchObject({ category: 'CR', couldBe: { category: 'sCR' } });
    expect(run({ fact: 'responseAtLeast', category: 'sCR' }, cr).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'responseAtLeast', category: 'sCR' }, [...cr, lab('2025-04-01', 'marrow clonality', 1, '', { result: 'positive' })]).outcome).toBe('NOT_MET');
  });

  it('PR (serum still measured by electrophoresis) is not "could be CR"', () => {
    const events = [...line, S('2025-04-01', 0.8), S('2025-05-01', 0.8), U('2025-04-01', 50), U('2025-05-01', 50)];
    expect(buildProfile(events, AS_OF).disease.response).toMatchObject({ category: 'PR' });
    expect(run({ fact: 'responseAtLeast', category: 'CR' }, events).outcome).toBe('NOT_MET');
  });
});

describe('MRD negativity requires CR, by NGF or NGS', () => {
  const vgpr = [...line, S('2025-04-01', 0.1), S('2025-05-01', 0.1), ife('2025-04-01', 'serum', 'positive'), ife('2025-05-01', 'serum', 'positive'), U('2025-04-01', 0), U('2025-05-01', 0)];
  const negative = { fact: 'mrd', result: 'negative' };

  it('a negative beside a confirmed response below CR assessed with it is no MRD negativity', () => {
    const r = run(negative, [...vgpr, mrd('2025-05-01', 'negative')]);
    expect(r.outcome).toBe('NOT_MET');
    expect(r.trace?.actual).toContain('MRD negativity needs CR');
    expect(run({ fact: 'mrd', result: 'positive' }, [...vgpr, mrd('2025-05-01', 'negative')]).outcome).toBe('NOT_MET');
  });

  it('a response assessed before the test, below CR, or none at all: unknown', () => {
    expect(run(negative, [...vgpr, mrd('2025-05-05', 'negative')]).outcome).toBe('UNKNOWN');
    expect(run(negative, [mrd('2025-05-05', 'negative')]).outcome).toBe('UNKNOWN');
  });

  it('a confirmed CR: met; one awaiting its marrow: unknown', () => {
    expect(run(negative, [...line, ...goneOn(['2025-04-01', '2025-05-01']), marrow('2025-05-01', 1), mrd('2025-05-01', 'negative')]).outcome).toBe('MET');
    expect(run(negative, [...line, ...goneOn(['2025-04-01', '2025-05-01']), mrd('2025-05-01', 'negative')]).outcome).toBe('UNKNOWN');
    expect(run(negative, [mrd('2025-05-01', 'negative'), response('2025-05-01', 'CR')]).outcome).toBe('MET');
  });

  it('a negative by another method (ASO-PCR) settles nothing; a positive by it is positive', () => {
    expect(run(negative, [response('2025-05-01', 'CR'), mrd('2025-05-01', 'negative', 'other')]).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'mrd', result: 'positive' }, [response('2025-05-01', 'CR'), mrd('2025-05-01', 'positive', 'other')]).outcome).toBe('MET');
  });
});

describe('sustained and imaging-plus MRD negativity', () => {
  const cr = [response('2023-01-10', 'CR'), response('2024-02-10', 'CR')];
  const year = [mrd('2023-01-10', 'negative', 'NGS', 1e-5), mrd('2024-02-01', 'negative', 'NGS', 1e-5), pet('2023-01-20', 'negative'), pet('2024-02-10', 'negative')];

  it('sustained: negative marrow and PET-CT over a year; a shorter run is not', () => {
    expect(run({ fact: 'mrd', result: 'negative', sustained: true, maxAgeDays: 1000 }, [...cr, ...year]).outcome).toBe('MET');
    const short = [mrd('2023-09-10', 'negative', 'NGS', 1e-5), mrd('2024-02-01', 'negative', 'NGS', 1e-5), pet('2023-09-20', 'negative'), pet('2024-02-10', 'negative')];
    expect(run({ fact: 'mrd', result: 'negative', sustained: true, maxAgeDays: 1000 }, [...cr, ...short]).outcome).toBe('NOT_MET');
    expect(run({ fact: 'mrd', result: 'negative', maxAgeDays: 1000 }, [...cr, ...short]).outcome).toBe('MET');
  });

  it('imaging-plus: PET-CT negative too; positive: unmet; none: unknown', () => {
    const marrowOnly = [response('2025-05-01', 'CR'), mrd('2025-05-01', 'negative')];
    expect(run({ fact: 'mrd', result: 'negative', imaging: true }, [...marrowOnly, pet('2025-05-05', 'negative')]).outcome).toBe('MET');
    expect(run({ fact: 'mrd', result: 'negative', imaging: true }, [...marrowOnly, pet('2025-05-05', 'positive')]).outcome).toBe('NOT_MET');
    expect(run({ fact: 'mrd', result: 'negative', imaging: true }, marrowOnly).outcome).toBe('UNKNOWN');
  });

  it('the options qualify a negative only', () => {
    expect(() => compileRule({ fact: 'mrd', result: 'positive', sustained: true })).toThrow(/result must be negative/);
  });
});

describe('the response criteria switch (domain.md §4 criteria_version)', () => {
  it('IMWG 2016 is the one implemented; another is refused, not silently read as it', () => {
    expect(buildProfile([], AS_OF).settings).toBe(DEFAULT_SETTINGS.name);
    expect(() => buildProfile([], AS_OF, { ...DEFAULT_SETTINGS, responseCriteria: 'imwg2026' as 'imwg2016' })).toThrow(/only imwg2016/);
  });
});

describe('ranges no sponsor means are refused (a review of the engine)', () => {
  it.each([
    [{ fact: 'age', min: 75, max: 74 }, /\/min: must not exceed max/],
    [{ fact: 'priorLines', min: 4, max: 3 }, /\/min: must not exceed max/],
    [{ fact: 'ecog', min: 2, max: 1 }, /\/min: must not exceed max/],
    [{ fact: 'timeSince', event: 'lastDose', minDays: 120, maxDays: 60 }, /\/minDays: must not exceed maxDays/],
    [{ fact: 'ecog', max: 1, maxAgeDays: -5 }, /\/maxAgeDays: must not be negative/],
    [{ fact: 'labTimesUln', name: 'ast', op: '<', value: -1 }, /\/value: must be above 0/],
  ])('%j', (rule, message) => {
    expect(() => compileRule(rule)).toThrow(message);
  });

  it('an age range that can be met still compiles and dates its flip', () => {
    const r = compileRule({ fact: 'age', min: 18, max: 75 })({ profile: buildProfile([event('demographics', '2015-01-01', { birthDate: '2010-01-01', sex: 'male' })], AS_OF), asOf: AS_OF, trace: null });
    expect(r).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2028-01-01', flipsTo: 'MET' });
  });
});

describe('from a code review of the above', () => {
  it('a VGPR with the M-spike still on electrophoresis is not within reach of CR', () => {
    const events = [med('DRd', '2025-01-01', null), S('2024-12-15', 3.0), U('2024-12-15', 50), S('2025-04-01', 0.2), S('2025-05-01', 0.2), U('2025-04-01', 50), U('2025-05-01', 50)];
    expect(buildProfile(events, AS_OF).disease.response).toMatchObject({ category: 'VGPR' });
    expect(buildProfile(events, AS_OF).disease.response?.couldBe).toBeUndefined();
    expect(run({ fact: 'responseAtLeast', category: 'CR' }, events).outcome).toBe('NOT_MET');
  });

  it('"MRD positive" is not met by a valid negative, whatever the response', () => {
    expect(run({ fact: 'mrd', result: 'positive' }, [med('DRd', '2025-01-01', null), mrd('2025-05-01', 'negative')]).outcome).toBe('NOT_MET');
  });

  it('sustained: the marrow negative over a year with no PET-CT on record is unknown, PET-CT named', () => {
    const r = run({ fact: 'mrd', result: 'negative', sustained: true, maxAgeDays: 1000 }, [response('2023-01-10', 'CR'), response('2024-02-10', 'CR'), mrd('2023-01-10', 'negative', 'NGS', 1e-5), mrd('2024-02-01', 'negative', 'NGS', 1e-5)]);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.trace?.missing).toEqual(['PET-CT MRD assessment']);
  });

  it('imaging-plus: a PET-CT from before the latest progression does not count', () => {
    const events = [pet('2020-06-01', 'negative'), response('2022-01-10', 'PD'), med('Kd', '2022-02-01', null), response('2025-04-01', 'CR'), response('2025-05-01', 'CR'), mrd('2025-05-01', 'negative')];
    expect(run({ fact: 'mrd', result: 'negative', imaging: true }, events).outcome).toBe('UNKNOWN');
  });

  it('every day count is checked for sign', () => {
    expect(() => compileRule({ fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L', minDaysAfterSupport: -7 })).toThrow(/minDaysAfterSupport: must not be negative/);
  });

  it('consecutive cycles in the last line are that line\'s runs, not another line\'s', () => {
    const events = [med('Rd', '2020-01-01', '2020-06-30', { cycles: 6 }), response('2020-08-01', 'PD'), med('KRd', '2020-09-01', '2020-09-28', { cycles: 1 }), med('KRd', '2020-11-15', '2020-12-12', { cycles: 1 })];
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2 }, events).outcome).toBe('MET');
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2, consecutive: true }, events).outcome).toBe('NOT_MET');
    const noCycles = [med('Rd', '2020-01-01', '2020-06-30', { cycles: 6 }), response('2020-08-01', 'PD'), med('KRd', '2020-09-01', null)];
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 3, consecutive: true }, noCycles).outcome).toBe('UNKNOWN');
  });
});

describe('a later negative too coarse for the rule', () => {
  const inCr = [...line, ...goneOn(['2025-03-01', '2025-04-01']), marrow('2025-03-01', 2), marrow('2025-04-01', 2)];
  it('contradicts nothing: the rule reads the latest negative that counts (NGS at 1e-5), and says what it passed over', () => {
    const r = run({ fact: 'mrd', result: 'negative' }, [...inCr, mrd('2025-03-01', 'negative', 'NGS', 1e-5), mrd('2025-05-01', 'negative', 'NGF', 1e-4)]);
    expect(r.outcome).toBe('MET');
    expect(r.trace?.actual).toContain('a later negative (NGF, 0.0001, 2025-05-01) is too coarse for the rule');
    expect(run({ fact: 'mrd', result: 'positive' }, [...inCr, mrd('2025-03-01', 'negative', 'NGS', 1e-5), mrd('2025-05-01', 'negative', 'other', 1e-5)]).outcome).toBe('NOT_MET');
  });

  it('alone, or after a positive, settles nothing: unknown, as before', () => {
    expect(run({ fact: 'mrd', result: 'negative' }, [...inCr, mrd('2025-05-01', 'negative', 'NGF', 1e-4)]).outcome).toBe('UNKNOWN');
    expect(run({ fact: 'mrd', result: 'negative' }, [...inCr, mrd('2025-02-01', 'negative', 'NGS', 1e-5), mrd('2025-03-01', 'positive', 'NGS', 1e-5), mrd('2025-05-01', 'negative', 'NGF', 1e-4)]).outcome).toBe('UNKNOWN');
  });
});
