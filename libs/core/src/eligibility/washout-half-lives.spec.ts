/**
 * Washouts in half-lives (domain.md §7: "model as (drug class, min days, optional 'N half-lives', shorter/longer-of)"),
 * hand-derived with the half-lives of libs/core/src/terminology/half-lives.ts: daratumumab 18 days (5 half-lives 90
 * days), lenalidomide 5 hours (5 half-lives 25 hours, 1.04 days), isatuximab none. Screening day 2025-06-01.
 */
import { drug } from '../terminology/drug-catalog';
import { HALF_LIVES } from '../terminology/half-lives';
import { carT, med, response, sct } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { DEFAULT_SETTINGS } from '../patient/settings';
import { compileRule, type LeafTrace } from './compile';

const AS_OF = '2025-06-01';
const evaluate = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => {
  const trace: LeafTrace[] = [];
  const r = compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace });
  return { outcome: r.outcome, flipsOn: r.flipsOn, flipsTo: r.flipsTo, trace: trace[0] };
};
const cd38 = { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 14, halfLives: 5 };
const anyTherapy = { fact: 'timeSince', event: 'lastDose', minDays: 14, halfLives: 5, combine: 'shorter' };

describe('a washout of 14 days or 5 half-lives', () => {
  it('the shorter: daratumumab 20 days ago is past 14 days; 10 days ago is not, until day 14', () => {
    expect(evaluate(cd38, [med('daratumumab', '2025-01-01', '2025-05-12')]).outcome).toBe('MET');
    const recent = evaluate(cd38, [med('daratumumab', '2025-01-01', '2025-05-22')]);
    expect(recent).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-05' });
    expect(recent.trace?.actual).toContain('daratumumab: 10 days since 2025-05-22, washout 14 days (5 × 18 days)');
  });

  it('the longer: daratumumab 20 days ago waits for 90 days', () => {
    expect(evaluate({ ...cd38, combine: 'longer' }, [med('daratumumab', '2025-01-01', '2025-05-12')])).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-08-10' });
  });

  it('a short half-life: lenalidomide 2 days ago is past 5 half-lives (25 hours); its last dose today is not, until 2 days on', () => {
    expect(evaluate(anyTherapy, [med('lenalidomide', '2025-01-01', '2025-05-30')]).outcome).toBe('MET');
    expect(evaluate(anyTherapy, [med('lenalidomide', '2025-01-01', '2025-06-01')])).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-03' });
  });

  it('every drug of the scope must be past its own: lenalidomide past, daratumumab not yet', () => {
    const r = evaluate(anyTherapy, [med('lenalidomide', '2025-01-01', '2025-05-29'), med('daratumumab', '2025-01-01', '2025-05-22')]);
    expect(r).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-05' });
  });

  it('a drug with no half-life known is decided by the days alone when they settle it, else unknown', () => {
    // The shorter: past 14 days is past the washout whatever the half-life; 10 days may or may not be.
    expect(evaluate(cd38, [med('isatuximab', '2025-01-01', '2025-05-12')]).outcome).toBe('MET');
    const open = evaluate(cd38, [med('isatuximab', '2025-01-01', '2025-05-22')]);
    expect(open).toMatchObject({ outcome: 'UNKNOWN', flipsOn: '2025-06-05', flipsTo: 'MET', trace: { missing: ['half-life of isatuximab'] } });
    // The longer: short of 14 days is not past it; past 14 days it waits on the half-life (a block that ends, turning unknown).
    expect(evaluate({ ...cd38, combine: 'longer' }, [med('isatuximab', '2025-01-01', '2025-05-22')])).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-05', flipsTo: 'UNKNOWN' });
    expect(evaluate({ ...cd38, combine: 'longer' }, [med('isatuximab', '2025-01-01', '2025-05-12')])).toMatchObject({ outcome: 'UNKNOWN', flipsOn: undefined });
    // Daratumumab 10 days ago (its washout ends on day 14) and isatuximab 12 days ago (past 14 days before that): met on 06-05.
    expect(evaluate(cd38, [med('daratumumab', '2025-01-01', '2025-05-22'), med('isatuximab', '2025-01-01', '2025-05-20')])).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-05', flipsTo: 'MET' });
    // Isatuximab 12 days ago (met on 06-03) beside daratumumab 7 days ago (washout ends 06-08): met on 06-08.
    expect(evaluate(cd38, [med('daratumumab', '2025-01-01', '2025-05-25'), med('isatuximab', '2025-01-01', '2025-05-20')])).toMatchObject({ outcome: 'NOT_MET', flipsOn: '2025-06-08', flipsTo: 'MET' });
  });

  it('a drug still given fails it; none given passes it', () => {
    expect(evaluate(cd38, [med('daratumumab', '2025-01-01', null)]).outcome).toBe('NOT_MET');
    expect(evaluate(cd38, [med('lenalidomide', '2025-01-01', '2025-05-30')]).outcome).toBe('MET');
  });

  it('as an exclusion, under not', () => {
    expect(evaluate({ not: cd38 }, [med('daratumumab', '2025-01-01', '2025-05-22')]).outcome).toBe('MET');
  });

  it('is checked when a trial is loaded', () => {
    expect(() => compileRule({ ...cd38, maxDays: 30 })).toThrow(/halfLives: only with event lastDose and minDays/);
    expect(() => compileRule({ fact: 'timeSince', event: 'transplant', minDays: 90, halfLives: 5 })).toThrow(/halfLives/);
    expect(() => compileRule({ fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7, halfLives: 5 })).toThrow(/not for supportive agents/);
    expect(() => compileRule({ fact: 'timeSince', event: 'lastDose', minDays: 14, combine: 'shorter' })).toThrow(/combine: only with halfLives/);
  });

  it('names only drugs of the catalog, each with a source', () => {
    for (const [generic, hl] of Object.entries(HALF_LIVES)) {
      expect(drug(generic)?.generic).toBe(generic);
      expect(hl.days).toBeGreaterThan(0);
      expect(hl.source.length).toBeGreaterThan(5);
    }
  });
});

describe('time since a CAR-T infusion of a class (timeSince carT with class)', () => {
  const bcma90 = { fact: 'timeSince', event: 'carT', class: 'BCMA_CAR_T', minDays: 90 };
  it('reads the infusions of that class only, and one of a product not recognised as possibly of it', () => {
    // Cilta-cel 200 days ago, then a GPRC5D CAR-T 30 days ago: 200 days since a BCMA CAR-T.
    expect(evaluate(bcma90, [carT('2024-11-13', 'cilta-cel'), carT('2025-05-02', 'arlocabtagene autoleucel')]).outcome).toBe('MET');
    expect(evaluate(bcma90, [carT('2024-11-13', 'cilta-cel'), carT('2025-05-02', 'mystery-cel')]).outcome).toBe('UNKNOWN');
    expect(evaluate({ fact: 'timeSince', event: 'carT', minDays: 90 }, [carT('2024-11-13', 'cilta-cel'), carT('2025-05-02', 'arlocabtagene autoleucel')]).outcome).toBe('NOT_MET');
    expect(() => compileRule({ fact: 'timeSince', event: 'carT', class: 'ANTI_CD38', minDays: 90 })).toThrow(/class: only with event lastDose, or carT with a CAR-T class/);
    expect(() => compileRule({ fact: 'timeSince', event: 'transplant', drug: 'melphalan', maxDays: 90 })).toThrow(/drug: only with event lastDose/);
  });
});

describe('refractoriness of a course not yet assessed (from a review of the exposure options)', () => {
  it('a progression in the first 14 days of a course says nothing of it yet: refractoriness to it, its class and the flags stay open', () => {
    // Pd to 2025-02-20 (PR twice), Kd from 2025-03-01, PD documented on day 14 of Kd (it prompted Kd, or came with its start).
    const events = [med('Pd', '2024-06-01', '2025-02-20'), response('2024-08-01', 'PR'), response('2024-09-01', 'PR'), med('Kd', '2025-03-01', null), response('2025-03-15', 'PD')];
    expect(evaluate({ fact: 'drugRefractory', drug: 'carfilzomib' }, events).outcome).toBe('UNKNOWN');
    expect(evaluate({ fact: 'flag', name: 'refractoryToLastLine' }, events).outcome).toBe('UNKNOWN');
    expect(evaluate({ fact: 'drugRefractory', drug: 'pomalidomide' }, events).outcome).toBe('MET');
    // An assessment after the first 14 days settles it.
    expect(evaluate({ fact: 'drugRefractory', drug: 'carfilzomib' }, [...events, response('2025-04-20', 'PR'), response('2025-05-20', 'PR')]).outcome).toBe('NOT_MET');
  });

  it("the first days are the profile's own setting (earlyProgressionDays), not the default", () => {
    // Kd from 2025-03-01, PR on days 20 and 50: settled by default (14 days); with 60 days the course is not yet judged.
    const events = [med('Pd', '2024-06-01', '2025-02-20'), response('2024-08-01', 'PR'), med('Kd', '2025-03-01', null), response('2025-03-21', 'PR'), response('2025-04-20', 'PR')];
    const judge = (settings: typeof DEFAULT_SETTINGS) => compileRule({ fact: 'drugRefractory', drug: 'carfilzomib' })({ profile: buildProfile(events, AS_OF, settings), asOf: AS_OF, trace: null }).outcome;
    expect(judge(DEFAULT_SETTINGS)).toBe('NOT_MET');
    expect(judge({ ...DEFAULT_SETTINGS, earlyProgressionDays: 60 })).toBe('UNKNOWN');
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, earlyProgressionDays: 60 }).drugs.carfilzomib!.judgedFrom).toBe('2025-04-30');
  });

  it('a single agent started within 180 days of an ASCT with no intent is maintenance for excludeMaintenanceOnly too, as for the lines', () => {
    const events = [
      med('VRd', '2022-01-01', '2022-05-31', { intent: 'induction' }),
      response('2022-04-01', 'VGPR'),
      sct('2022-07-15'),
      med('lenalidomide', '2022-09-01', '2025-01-20', { reasonStopped: 'progression' }),
      response('2025-01-15', 'PD'),
      med('Kd', '2025-02-01', null),
    ];
    expect(evaluate({ fact: 'drugRefractory', drug: 'lenalidomide' }, events).outcome).toBe('MET');
    expect(evaluate({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, events).outcome).toBe('NOT_MET');
  });
});
