/**
 * Lines of therapy when the progression is documented while the regimen is still given (the usual chart: progression
 * found at an assessment, therapy stopped days later), from a review of the lines (domain.md §3, [S1], Rajkumar 2015).
 */
import { carT, event, lab, med, response } from '../testing/events';
import { compileRule } from '../eligibility/compile';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2023-06-01';
const linesOf = (events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).linesOfTherapy.lines.map((l) => ({ start: l.start, end: l.end, openedBy: l.openedBy }));

describe('progression documented before the last dose', () => {
  it('the same regimen restarted after a stop for progression is re-treatment, a new line', () => {
    const events = [med('Rd', '2021-01-01', '2021-06-30', { reasonStopped: 'progression' }), response('2021-06-25', 'PD'), med('Rd', '2021-07-20', null)];
    expect(linesOf(events)).toMatchObject([{ start: '2021-01-01' }, { start: '2021-07-20', openedBy: 'retreatment-after-treatment-free-interval' }]);
    // No progression event, only the reason the course stopped: the same.
    expect(linesOf([med('Rd', '2021-01-01', '2021-06-30', { reasonStopped: 'progression' }), med('Rd', '2021-07-20', null)])).toHaveLength(2);
    // Stopped for toxicity, no progression: a hold.
    expect(linesOf([med('Rd', '2021-01-01', '2021-06-30', { reasonStopped: 'toxicity' }), med('Rd', '2021-07-20', null)])).toHaveLength(1);
  });

  it('a steroid pulse after the stop joins the treatment that follows, not the line that failed', () => {
    const events = [med('VRd', '2021-01-01', '2021-12-31', { reasonStopped: 'progression' }), response('2021-12-20', 'PD'), med('dexamethasone', '2022-01-01', '2022-01-04'), med('Kd', '2022-01-20', null)];
    expect(linesOf(events)).toEqual([
      { start: '2021-01-01', end: '2021-12-31', openedBy: 'first-treatment' },
      expect.objectContaining({ start: '2022-01-01' }),
    ]);
  });

  it('a drug dropped from the regimen and given again after a progression is an addition for progression', () => {
    const events = [med('daratumumab', '2021-01-01', '2021-06-01'), med('Rd', '2021-01-01', null), response('2021-09-01', 'PD'), med('daratumumab', '2021-09-15', null)];
    expect(linesOf(events)).toMatchObject([{ start: '2021-01-01' }, { start: '2021-09-15', openedBy: 'unplanned-addition-or-switch' }]);
    // Without a progression, taking it up again is the regimen going on.
    expect(linesOf([med('daratumumab', '2021-01-01', '2021-06-01'), med('Rd', '2021-01-01', null), med('daratumumab', '2021-09-15', null)])).toHaveLength(1);
  });
});

describe('from a review of the disease status definitions (domain.md §1, §2)', () => {
  const run = (rule: unknown, events: Parameters<typeof buildProfile>[0], settings = DEFAULT_SETTINGS) =>
    compileRule(rule)({ profile: buildProfile(events, AS_OF, settings), asOf: AS_OF, trace: null }).outcome;

  it('a course stopped for progression is progression on it, without a progression event', () => {
    const events = [med('Rd', '2022-01-01', '2022-06-30', { reasonStopped: 'progression' }), response('2022-03-01', 'PR'), response('2022-04-01', 'PR'), med('Kd', '2022-07-05', null)];
    expect(run({ fact: 'drugRefractory', drug: 'lenalidomide' }, events)).toBe('MET');
    expect(buildProfile(events, AS_OF).disease.progressions).toEqual([expect.objectContaining({ date: '2022-06-30', source: 'reported' })]);
    // Documented too (a PD 20 days before the stop): the same progression, not a second one.
    expect(buildProfile([...events, response('2022-06-10', 'PD')], AS_OF).disease.progressions.map((p) => p.date)).toEqual(['2022-06-10']);
  });

  it("primary refractory does not depend on a protocol's minimum exposure for per-drug refractoriness", () => {
    const events = [med('daratumumab', '2022-01-01', '2022-01-20'), med('dexamethasone', '2022-01-01', '2022-01-20'), response('2022-01-15', 'SD'), response('2022-02-01', 'PD')];
    const settings = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 };
    const p = buildProfile(events, AS_OF, settings);
    expect(p.drugs.daratumumab?.refractory).toBe(false);
    expect(p.flags.primaryRefractory).toBe(true);
  });

  it('"≥2 consecutive cycles": one run of back-to-back courses, not cycles years apart', () => {
    const apart = [med('Rd', '2021-01-01', '2021-01-28', { cycles: 1 }), med('Vd', '2021-03-01', '2021-09-01', { cycles: 6 }), response('2021-12-01', 'PD'), med('Rd', '2022-02-01', '2022-02-28', { cycles: 1 })];
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2 }, apart)).toBe('MET');
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }, apart)).toBe('NOT_MET');
    const backToBack = [med('Rd', '2021-01-01', '2021-01-28', { cycles: 1 }), med('Rd', '2021-01-29', '2021-02-25', { cycles: 1 })];
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }, backToBack)).toBe('MET');
    expect(run({ fact: 'classExposed', class: 'IMID', minCycles: 2, consecutive: true }, backToBack)).toBe('MET');
    expect(() => compileRule({ fact: 'drugExposed', drug: 'lenalidomide', consecutive: true })).toThrow(/give minCycles too/);
  });
});

describe('bridging without an intent (domain.md §3 step 5)', () => {
  const history = [med('VRd', '2021-01-01', '2021-12-31'), response('2022-01-20', 'PD'), med('Pd', '2022-02-01', '2022-09-30'), response('2022-10-01', 'PD')];
  it('therapy between a CAR-T apheresis and the infusion is bridging: part of the CAR-T line', () => {
    const events = [...history, event('procedure', '2022-10-10', { kind: 'apheresis' }), med('Kd', '2022-10-15', '2022-11-20'), carT('2022-12-01', 'ciltacabtagene autoleucel')];
    expect(linesOf(events)).toMatchObject([{ start: '2021-01-01' }, { start: '2022-02-01' }, { start: '2022-10-15', openedBy: 'car-t' }]);
  });
  it('without an apheresis before it, a regimen weeks before the infusion stays a line of its own', () => {
    const events = [...history, med('Kd', '2022-10-15', '2022-11-20'), carT('2022-12-01', 'ciltacabtagene autoleucel')];
    expect(linesOf(events)).toHaveLength(4);
  });
});

describe('from a code review of the above', () => {
  it("a stop for progression is not hidden by a progression on the next line, nor by the one that prompted the course", () => {
    const b1 = [med('Rd', '2024-01-01', '2024-06-30', { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), med('Kd', '2024-07-05', null), response('2024-08-15', 'PD')];
    expect(buildProfile(b1, '2024-12-01').drugs.lenalidomide?.refractory).toBe(true);
    const b2 = [med('Rd', '2023-01-01', null), response('2023-04-01', 'PR'), response('2024-06-01', 'PD'), med('Kd', '2024-06-10', '2024-07-25', { reasonStopped: 'progression' })];
    expect(buildProfile(b2, '2024-12-01').drugs.carfilzomib?.refractory).toBe(true);
  });

  it('no assessment on record: a course stopped for progression does not make the patient primary refractory', () => {
    expect(buildProfile([med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'progression' }), med('Kd', '2023-07-10', null)], AS_OF).flags.primaryRefractory).toBe(false);
  });

  it('a drug given again after a progression that came before it was dropped is the regimen going on', () => {
    const events = [med('daratumumab', '2021-01-01', '2021-06-01', { reasonStopped: 'toxicity' }), med('Rd', '2021-01-01', null), response('2021-03-01', 'PR'), response('2021-04-01', 'PD'), med('daratumumab', '2021-09-15', null)];
    expect(linesOf(events)).toHaveLength(1);
  });
});

describe('a schedule sent dose by dose, and a regimen the line had dropped (from reviews of the lines and the catalog)', () => {
  const monthly = (drug: string, first: string, n: number, everyDays: number) =>
    Array.from({ length: n }, (_, i) => {
      const d = new Date(Date.parse(first) + i * everyDays * 86_400_000).toISOString().slice(0, 10);
      return med(drug, d, d);
    });

  it('the next dose of a 4-weekly schedule after a progression found between doses is the therapy going on, not re-treatment', () => {
    const events = [...monthly('daratumumab', '2022-01-05', 8, 28), response('2022-03-01', 'MR'), response('2022-04-01', 'MR'), response('2022-06-10', 'PD'), response('2022-07-01', 'PD')];
    expect(linesOf(events)).toHaveLength(1);
    const p = buildProfile(events, AS_OF);
    expect(p.flags.refractoryToLastLine).toBe(true);
    // Six weeks between cycles of MP (days 1–4): a progression in the rest period, the next cycle on schedule.
    const mp = Array.from({ length: 5 }, (_, i) => {
      const start = new Date(Date.parse('2022-01-01') + i * 42 * 86_400_000).toISOString().slice(0, 10);
      const end = new Date(Date.parse(start) + 3 * 86_400_000).toISOString().slice(0, 10);
      return med('MP', start, end);
    });
    expect(linesOf([...mp, response('2022-03-01', 'PR'), response('2022-05-01', 'PD')])).toHaveLength(1);
  });

  it('the same regimen after a longer interval than its schedule, with a progression in between, is re-treatment', () => {
    const events = [...monthly('daratumumab', '2022-01-05', 4, 28), response('2022-03-01', 'PR'), response('2022-04-20', 'PD'), med('daratumumab', '2022-05-20', null)];
    expect(linesOf(events)).toMatchObject([{ start: '2022-01-05' }, { start: '2022-05-20', openedBy: 'retreatment-after-treatment-free-interval' }]);
  });

  it('Vd after VRd induction, ASCT and lenalidomide maintenance is a new regimen (bortezomib was dropped years before), with or without a progression', () => {
    const history = [med('VRd', '2022-01-01', '2022-05-01'), event('procedure', '2022-06-15', { kind: 'autologous-sct' }), med('lenalidomide', '2022-09-01', '2025-05-05', { intent: 'maintenance' })];
    for (const pd of [[response('2025-04-20', 'PD')], []]) {
      const lines = buildProfile([...history, ...pd, med('Vd', '2025-05-10', null)], '2025-06-01').linesOfTherapy.lines;
      expect(lines.map((l) => [l.start, l.openedBy])).toEqual([
        ['2022-01-01', 'first-treatment'],
        ['2025-05-10', 'new-regimen-after-discontinuation'],
      ]);
    }
  });
});

describe('a line is at least one complete cycle (Rajkumar 2015; minLineDays)', () => {
  const krdThenDrd = (extra: Record<string, unknown> = {}, between: Parameters<typeof buildProfile>[0] = []) => [
    med('KRd', '2020-01-01', '2020-01-06', { reasonStopped: 'toxicity', ...extra }),
    ...between,
    med('DRd', '2020-01-20', null),
  ];

  it('KRd stopped on day 6 for toxicity, then DRd: one line (KRd an exposure of it, flagged)', () => {
    const p = buildProfile(krdThenDrd(), AS_OF);
    expect(p.linesOfTherapy.lines.map((l) => [l.number, l.start, l.openedBy])).toEqual([[1, '2020-01-01', 'first-treatment']]);
    expect(p.linesOfTherapy.lines[0]!.generics).toEqual(expect.arrayContaining(['carfilzomib', 'daratumumab', 'lenalidomide']));
    expect(p.linesOfTherapy.lines[0]!.reviewFlags.join(' ')).toContain('under one cycle');
    expect(p.drugs.carfilzomib?.exposed).toBe(true);
  });

  it('a complete cycle recorded, a stop for progression, a progression before the next regimen, or the setting at 0: two lines', () => {
    expect(linesOf(krdThenDrd({ cycles: 1 }))).toHaveLength(2);
    expect(linesOf(krdThenDrd({ reasonStopped: 'progression' }))).toHaveLength(2);
    expect(linesOf(krdThenDrd({}, [response('2020-01-15', 'PD')]))).toHaveLength(2);
    expect(buildProfile(krdThenDrd(), AS_OF, { ...DEFAULT_SETTINGS, minLineDays: 0 }).linesOfTherapy.count).toBe(2);
    // Doses over 14 days, first and last counted (a VRd cycle's days 1 to 14), or replaced after the grouping window: its own line.
    expect(linesOf([med('VRd', '2020-01-01', '2020-01-14', { reasonStopped: 'toxicity' }), med('DRd', '2020-01-25', null)])).toHaveLength(2);
    expect(linesOf([med('VRd', '2020-01-01', '2020-01-13', { reasonStopped: 'toxicity' }), med('DRd', '2020-01-25', null)])).toHaveLength(1);
    expect(linesOf([med('VRd', '2020-01-01', '2020-01-07', { reasonStopped: 'toxicity' }), med('DRd', '2020-02-05', null)])).toHaveLength(2);
    // A progression in the next regimen's first days (it prompted that regimen): two lines, the first one failed.
    expect(linesOf(krdThenDrd({}, [response('2020-01-25', 'PD')]))).toHaveLength(2);
  });

  it('a chain of regimens each replaced within days joins the one that lasted', () => {
    const events = [med('VRd', '2020-01-01', '2020-01-07', { reasonStopped: 'toxicity' }), med('KRd', '2020-01-11', '2020-01-17', { reasonStopped: 'toxicity' }), med('DRd', '2020-01-26', null)];
    expect(linesOf(events)).toEqual([{ start: '2020-01-01', end: null, openedBy: 'first-treatment' }]);
  });
});

describe('the next dose on schedule, not a gap of another kind (from a code review)', () => {
  it('lenalidomide maintenance after an ASCT, a progression, then Rd 30 days after the last dose: re-treatment, not the schedule', () => {
    const events = [med('VRd', '2022-01-01', '2022-05-01'), event('procedure', '2022-06-15', { kind: 'autologous-sct' }), med('lenalidomide', '2022-09-01', '2024-01-31', { intent: 'maintenance' }), response('2023-06-01', 'VGPR'), response('2024-02-10', 'PD'), med('Rd', '2024-03-01', null)];
    expect(buildProfile(events, '2024-06-01').linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'retreatment-after-treatment-free-interval']);
  });

  it('weekly doses, a 41-day hold, one more dose, a progression and a 44-day break: not on schedule (a hold is no schedule)', () => {
    const weekly = ['2022-01-03', '2022-01-10', '2022-01-17', '2022-01-24'].map((d) => med('daratumumab', d, d));
    const events = [...weekly, med('daratumumab', '2022-03-06', '2022-03-06'), response('2022-03-20', 'PD'), med('daratumumab', '2022-04-19', '2022-04-19')];
    expect(buildProfile(events, '2022-06-01').linesOfTherapy.count).toBe(2);
  });

  it('Rd, a 41-day hold, Rd again, a progression, Rd 44 days after the last dose: one interval longer than the grouping window is no schedule', () => {
    const events = [med('Rd', '2023-01-01', '2023-06-30'), med('Rd', '2023-08-10', '2024-01-31'), response('2023-05-01', 'PR'), response('2024-02-10', 'PD'), med('Rd', '2024-03-15', null)];
    expect(buildProfile(events, '2024-06-01').linesOfTherapy.lines.map((l) => [l.start, l.openedBy])).toEqual([
      ['2023-01-01', 'first-treatment'],
      ['2024-03-15', 'retreatment-after-treatment-free-interval'],
    ]);
  });

  it('daratumumab and pomalidomide sent as separate records per cycle, every 2 then every 4 weeks, or every 6 weeks for MP: on schedule after a progression between doses', () => {
    const dpd = [med('daratumumab', '2022-01-01', '2022-01-01'), med('pomalidomide', '2022-01-01', '2022-01-21'), med('daratumumab', '2022-01-29', '2022-01-29'), med('pomalidomide', '2022-01-29', '2022-02-18'), response('2022-01-20', 'PR'), response('2022-02-22', 'PD'), med('DPd', '2022-03-05', null)];
    expect(buildProfile(dpd, '2022-06-01').linesOfTherapy.count).toBe(1);
    const dara = ['2022-01-03', '2022-01-17', '2022-01-31', '2022-02-14', '2022-03-14'].map((d) => med('daratumumab', d, d));
    expect(buildProfile([...dara, response('2022-02-01', 'PR'), response('2022-03-25', 'PD'), med('daratumumab', '2022-04-11', '2022-04-11')], '2022-06-01').linesOfTherapy.count).toBe(1);
    const mp = [med('MP', '2022-01-01', '2022-01-04'), med('MP', '2022-02-12', '2022-02-15'), response('2022-03-10', 'PD'), med('MP', '2022-03-26', '2022-03-29')];
    expect(buildProfile(mp, '2022-06-01').linesOfTherapy.count).toBe(1);
  });

  it('KRd cycle by cycle, a progression in the rest week, then the next cycle sent as D-KRd: daratumumab added (rule 2)', () => {
    const cycles = [med('KRd', '2022-01-01', '2022-01-21'), med('KRd', '2022-01-29', '2022-02-18'), response('2022-02-22', 'PD'), med('DKRd', '2022-02-26', null)];
    expect(buildProfile(cycles, '2022-06-01').linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'unplanned-addition-or-switch']);
  });
});

describe('the lowest confirmed value: a second value the same day is the same assessment (from a review of progression)', () => {
  it('a low value entered twice one day does not lower the nadir', () => {
    const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
    const events = [med('DRd', '2025-01-01', null), S('2024-12-15', 2.0), S('2025-02-01', 1.0), S('2025-02-01', 1.0), S('2025-03-01', 1.6), S('2025-04-01', 1.6), S('2025-05-01', 1.6)];
    expect(buildProfile(events, '2025-06-01').disease.progressions).toEqual([]);
    // The second value on the next day: a real second assessment, so 1.0 is confirmed and 1.6 is progression.
    const confirmed = [med('DRd', '2025-01-01', null), S('2024-12-15', 2.0), S('2025-02-01', 1.0), S('2025-02-02', 1.0), S('2025-03-01', 1.6), S('2025-04-01', 1.6)];
    expect(buildProfile(confirmed, '2025-06-01').disease.progressions.map((p) => p.date)).toEqual(['2025-03-01']);
  });
});
