import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMessage, TOPICS } from '@trialmatch/contracts';
import fc from 'fast-check';
import { buildProfile, compileTrial, evaluateTrial, evaluationState, screenTrial, type PatientProfile, type TrialDocument } from '@trialmatch/core';
import { carT, demographics, diagnosis, event, lab, med, response, sct } from '../../libs/core/src/testing/events';

const DIR = join(__dirname, '../../data/trials');
const docs = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as TrialDocument }));

describe('the trial catalog', () => {
  it('holds at least 15 real trials', () => {
    expect(docs.length).toBeGreaterThanOrEqual(15);
  });

  it.each(docs.map((d) => [d.file, d.doc] as const))('%s validates against the contract and compiles', (file, doc) => {
    expect(file).toBe(`${doc.trialId}.json`);
    expect(checkMessage(TOPICS.trialCriteria, doc)).toEqual([]);
    expect(() => compileTrial(doc)).not.toThrow();
    for (const c of doc.criteria) {
      expect(c.text.length).toBeGreaterThan(0);
      expect(['verbatim', 'summary', 'not-retrieved']).toContain(c.textSource);
    }
  });
});

const AS_OF = '2025-06-01';
const trial = (id: string) => compileTrial(docs.find((d) => d.doc.trialId === id)!.doc);
const verdict = (id: string, events: Parameters<typeof buildProfile>[0]) => evaluateTrial(trial(id), buildProfile(events, AS_OF), AS_OF);

/** A triple-class-exposed patient after three lines, progressing on pomalidomide. */
const tce = [
  demographics('1958-01-01', 'male', 80),
  med('VRd', '2019-01-01', '2019-06-01', { intent: 'induction' }),
  sct('2019-07-15'),
  med('lenalidomide', '2019-10-01', '2021-01-10', { intent: 'maintenance' }),
  response('2019-09-01', 'VGPR'),
  response('2021-01-05', 'PD'),
  med('DKd', '2021-01-20', '2022-12-01'),
  response('2022-11-20', 'PD'),
  med('Pd', '2022-12-15', '2025-03-01'),
  response('2025-02-25', 'PD'),
  event('performance-status', '2025-05-20', { ecog: 1 }),
  lab('2025-05-25', 'm-protein', 1.4, 'g/dL'),
  lab('2025-05-25', 'hemoglobin', 10, 'g/dL'),
];

describe('golden cases: MajesTEC-1 (NCT04557098)', () => {
  it('eligible in cohort A: triple-class exposed, ≥3 lines, progressing, measurable, ECOG 1, BCMA-naive', () => {
    const e = verdict('NCT04557098', tce);
    expect(e.verdict).toBe('ELIGIBLE');
    expect(e.cohorts.map((c) => [c.id, c.verdict])).toEqual([
      ['A', 'ELIGIBLE'],
      ['C', 'INELIGIBLE'],
    ]);
  });
  it('cohort C only after a BCMA CAR-T', () => {
    const e = verdict('NCT04557098', [...tce, carT('2024-06-01', 'Carvykti')]);
    expect(e.cohorts.map((c) => [c.id, c.verdict])).toEqual([
      ['A', 'INELIGIBLE'],
      ['C', 'ELIGIBLE'],
    ]);
  });
  it('ineligible with ECOG 2, naming the criterion', () => {
    const e = verdict('NCT04557098', [...tce, event('performance-status', '2025-05-28', { ecog: 2 })]);
    expect(e).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-04'] });
  });
  it('potentially eligible without an ECOG, asking for it', () => {
    const e = verdict('NCT04557098', tce.filter((x) => x.type !== 'performance-status'));
    expect(e).toMatchObject({ verdict: 'POTENTIALLY_ELIGIBLE', missing: ['ECOG within 60 days'] });
  });
});

describe('golden cases: CARTITUDE-4 (NCT04181827)', () => {
  const oneLine = [
    demographics('1960-01-01', 'female', 65),
    med('VRd', '2022-01-01', '2022-06-01', { intent: 'induction' }),
    sct('2022-07-01'),
    med('lenalidomide', '2022-09-01', '2025-04-01', { intent: 'maintenance' }),
    response('2022-08-15', 'CR'),
    response('2025-03-20', 'PD'),
    lab('2025-05-25', 'm-protein', 0.8, 'g/dL'),
    lab('2025-05-25', 'hemoglobin', 11, 'g/dL'),
  ];
  it('eligible apart from the text-only criteria: lenalidomide-refractory at maintenance after 1 line', () => {
    const e = verdict('NCT04181827', oneLine);
    expect(e.verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(e.criteria.filter((c) => c.passes === false)).toEqual([]);
    expect(e.criteria.find((c) => c.criterionId === 'inc-05')).toMatchObject({ passes: true });
  });
  it('eligible from the end of the anti-CD38 washout', () => {
    const e = verdict('NCT04181827', [...oneLine, med('daratumumab', '2025-04-10', '2025-05-20'), response('2025-05-15', 'PD')]);
    expect(e.verdict).toBe('ELIGIBLE_FROM');
    expect(e.eligibleFrom).toBe('2025-06-11');
  });
  it('ineligible when not lenalidomide-refractory', () => {
    const e = verdict('NCT04181827', oneLine.map((x) => (x.data.category === 'PD' ? { ...x, occurredAt: '2025-05-25', data: { category: 'PD' } } : x)).concat([med('Kd', '2025-04-20', null)]));
    expect(e.verdict).toBe('INELIGIBLE');
  });
});

describe('golden cases: other reviewed trials', () => {
  it('KarMMa (NCT03361748): ≥3 lines, triple-class exposed, refractory to the last line', () => {
    expect(verdict('NCT03361748', tce).verdict).toBe('POTENTIALLY_ELIGIBLE'); // organ-function text was not retrieved
    expect(verdict('NCT03361748', tce).failing).toEqual([]);
    const responding = tce.filter((e) => !(e.type === 'response-assessment' && e.occurredAt === '2025-02-25')).map((e) => (e.data.drug === 'Pd' ? { ...e, data: { ...e.data, end: undefined } } : e));
    expect(verdict('NCT03361748', [...responding, response('2024-06-01', 'PR')])).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-01'] });
  });

  it('CARTITUDE-1 (NCT03548207): ≥3 lines OR double-refractory, BCMA-naive', () => {
    const twoLinesDoubleRefractory = [
      demographics('1960-01-01', 'male', 80),
      med('VRd', '2021-01-01', '2022-01-01'),
      response('2021-12-20', 'PD'),
      med('DPd', '2022-01-10', null),
      response('2025-05-01', 'PD'),
      event('performance-status', '2025-05-20', { ecog: 0 }),
      lab('2025-05-25', 'creatinine', 1.0, 'mg/dL'),
    ];
    const e = verdict('NCT03548207', twoLinesDoubleRefractory);
    expect(e.criteria.find((c) => c.criterionId === 'inc-02')).toMatchObject({ passes: true });
    expect(e.verdict).toBe('ELIGIBLE');
    expect(verdict('NCT03548207', [...twoLinesDoubleRefractory, carT('2024-01-01', 'Abecma')])).toMatchObject({ verdict: 'INELIGIBLE', failing: ['exc-01'] });
  });

  it('MonumenTAL-1 (NCT04634552): cohort B only after T-cell redirection', () => {
    const cohorts = (events: Parameters<typeof buildProfile>[0]) => verdict('NCT04634552', events).cohorts.map((c) => [c.id, c.verdict]);
    expect(cohorts(tce)).toEqual([
      ['A', 'POTENTIALLY_ELIGIBLE'],
      ['B', 'INELIGIBLE'],
      ['C', 'POTENTIALLY_ELIGIBLE'],
    ]);
    expect(cohorts([...tce, med('teclistamab', '2024-01-01', '2024-06-01')])).toEqual([
      ['A', 'INELIGIBLE'],
      ['B', 'POTENTIALLY_ELIGIBLE'],
      ['C', 'INELIGIBLE'],
    ]);
  });

  it('APOLLO (NCT03180736): lenalidomide-refractory only required after exactly one line', () => {
    const oneLine = [demographics('1955-01-01', 'female', 60), med('VRd', '2022-01-01', '2025-03-01'), response('2022-06-01', 'VGPR'), event('performance-status', '2025-05-20', { ecog: 1 }), lab('2025-05-25', 'm-protein', 1.2, 'g/dL')];
    expect(verdict('NCT03180736', oneLine)).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-05'] });
    expect(verdict('NCT03180736', [...oneLine, response('2025-02-20', 'PD')]).verdict).toBe('ELIGIBLE');
  });
});

describe('golden cases: MajesTEC-3 (NCT05083169)', () => {
  const base = [
    demographics('1962-01-01', 'female', 70),
    med('VRd', '2021-01-01', '2021-06-01', { intent: 'induction' }),
    sct('2021-07-01'),
    med('lenalidomide', '2021-09-01', '2025-03-01', { intent: 'maintenance' }),
    response('2021-08-15', 'VGPR'),
    event('performance-status', '2025-05-20', { ecog: 1 }),
    lab('2025-05-25', 'm-protein', 0.7, 'g/dL'),
  ];
  it('one prior line, progressing on lenalidomide maintenance: nothing blocks (labs and allergies remain to check)', () => {
    const e = verdict('NCT05083169', [...base, response('2025-02-20', 'PD')]);
    expect(e.verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(e.failing).toEqual([]);
  });
  it('one prior line without lenalidomide refractoriness is ineligible', () => {
    const e = verdict('NCT05083169', [...base.map((x) => (x.data.drug === 'lenalidomide' ? { ...x, data: { ...x.data, end: '2024-06-01' } } : x)), response('2025-02-20', 'PD')]);
    expect(e).toMatchObject({ verdict: 'INELIGIBLE', failing: ['inc-02'] });
  });
  it('anti-CD38-refractory disease is excluded', () => {
    const e = verdict('NCT05083169', [...base, response('2025-02-20', 'PD'), med('DRd', '2025-03-10', '2025-05-01'), response('2025-04-25', 'PD')]);
    expect(e.failing).toContain('exc-04');
  });
});

describe('golden cases: more reviewed trials', () => {
  const twoLines = [
    demographics('1957-05-01', 'male', 75),
    diagnosis('2019-01-01', 'IgG', 'kappa'),
    med('VRd', '2019-02-01', '2020-02-01'),
    response('2019-08-01', 'VGPR'),
    response('2020-01-20', 'PD'),
    med('DRd', '2020-02-15', '2025-04-01'),
    response('2025-03-25', 'PD'),
    event('performance-status', '2025-05-20', { ecog: 1 }),
    lab('2025-05-25', 'm-protein', 1.1, 'g/dL'),
  ];

  it('IKEMA (NCT03275285): eligible apart from text-only items; excluded with FLC-only disease or ECOG 3', () => {
    const e = verdict('NCT03275285', twoLines);
    expect(e.failing).toEqual([]);
    expect(e.verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(verdict('NCT03275285', [...twoLines, event('performance-status', '2025-05-28', { ecog: 3 })]).failing).toEqual(['exc-03']);
  });

  it('IKEMA: ineligible from a therapy stopped 10 days ago until the 14-day interval has passed', () => {
    const recent = twoLines.map((x) => (x.data.drug === 'DRd' ? { ...x, data: { ...x.data, end: '2025-05-22' } } : x));
    const e = verdict('NCT03275285', recent);
    expect(e).toMatchObject({ verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-06', failing: ['exc-01'] });
  });

  it('CANOVA (NCT03539744): needs t(11;14); prior pomalidomide excludes', () => {
    const withFish = [...twoLines, event('cytogenetics', '2019-01-10', { abnormality: 't(11;14)', result: 'detected', percentCells: 40 })];
    expect(verdict('NCT03539744', withFish).failing).toEqual([]);
    expect(verdict('NCT03539744', twoLines)).toMatchObject({ verdict: 'POTENTIALLY_ELIGIBLE', missing: expect.arrayContaining(['FISH for t(11;14)']) as unknown });
    expect(verdict('NCT03539744', [...withFish, med('Pd', '2021-01-01', '2021-02-01')]).failing).toContain('exc-01');
  });

  it('DREAMM-7 (NCT04246047): anti-CD38-refractory disease is excluded', () => {
    const history = (darEnd: string, pd: string) => [
      demographics('1957-05-01', 'male', 75),
      med('Rd', '2019-02-01', '2020-02-01'),
      response('2019-08-01', 'VGPR'),
      response('2020-01-20', 'PD'),
      med('DKd', '2020-02-15', darEnd),
      response(pd, 'PD'),
      event('performance-status', '2025-05-20', { ecog: 1 }),
      lab('2025-05-25', 'm-protein', 1.1, 'g/dL'),
    ];
    expect(verdict('NCT04246047', history('2025-04-01', '2025-03-25')).failing).toEqual(['exc-02']);
    expect(verdict('NCT04246047', [...history('2024-09-01', '2025-05-10'), med('Kd', '2024-10-01', '2025-05-15')]).failing).toEqual([]);
  });

  it('SUCCESSOR-1 (NCT05519085): PI-refractory excluded, except at bortezomib maintenance', () => {
    const base = [demographics('1960-01-01', 'female', 65), med('VRd', '2022-01-01', '2022-06-01', { intent: 'induction' }), sct('2022-07-01'), response('2022-08-01', 'CR'), lab('2025-05-25', 'm-protein', 0.9, 'g/dL')];
    const onBortezomibMaintenance = [...base, med('bortezomib', '2022-09-01', '2025-03-01', { intent: 'maintenance' }), response('2025-02-20', 'PD')];
    expect(verdict('NCT05519085', onBortezomibMaintenance).failing).toEqual([]);
    const onCarfilzomib = [...base, med('KRd', '2024-01-01', '2025-03-01'), response('2025-02-20', 'PD')];
    expect(verdict('NCT05519085', onCarfilzomib).failing).toEqual(expect.arrayContaining(['exc-01']));
  });
});

describe('golden cases: the remaining catalog trials', () => {
  const early = (lines: number) => {
    const events = [demographics('1959-03-01', 'female', 68), diagnosis('2018-01-01', 'IgG', 'kappa')];
    const regs = ['VRd', 'DRd', 'Kd', 'Pd'];
    for (let i = 0; i < lines; i++) {
      const y = 2019 + i;
      events.push(med(regs[i]!, `${y}-01-01`, `${y}-12-01`), response(`${y}-06-01`, 'VGPR'), response(`${y}-11-25`, 'PD'));
    }
    events.push(event('performance-status', '2025-05-20', { ecog: 1 }), lab('2025-05-25', 'm-protein', 1.3, 'g/dL'), lab('2025-05-25', 'urine m-protein', 50, 'mg/24h'));
    return events;
  };
  const cases: Array<[string, string, Parameters<typeof buildProfile>[0], string, string[]]> = [
    // [trial, case, history, expected verdict, expected failing criteria]
    ['NCT03651128', 'KarMMa-3: 3 lines, triple-class exposed incl. daratumumab', early(3), 'ELIGIBLE', []],
    ['NCT03651128', 'KarMMa-3: one line is too few', early(1), 'INELIGIBLE', ['inc-01', 'inc-02']],
    ['NCT03761108', 'LINKER-MM1: triple-class refractory after 3 lines', early(3), 'ELIGIBLE', []],
    ['NCT04649359', 'MagnetisMM-3: triple-class refractory, BCMA-naive → cohort A', early(3), 'ELIGIBLE', []],
    ['NCT04649359', 'MagnetisMM-3: never had anti-CD38, so not triple-class refractory', early(1), 'INELIGIBLE', ['inc-01']],
    ['NCT05020236', 'MagnetisMM-5: 1–3 lines incl. lenalidomide and a PI', early(2), 'POTENTIALLY_ELIGIBLE', []],
    ['NCT05020236', 'MagnetisMM-5: four lines is too many', early(4), 'INELIGIBLE', ['inc-04']],
    ['NCT03110562', 'BOSTON: 1–3 prior lines', early(2), 'ELIGIBLE', []],
    ['NCT05552976', 'SUCCESSOR-2: lenalidomide and anti-CD38 exposed, progressing', early(2), 'ELIGIBLE', []],
    ['NCT05552976', 'SUCCESSOR-2: never had anti-CD38', early(1), 'INELIGIBLE', ['inc-02']],
    ['NCT04975997', 'EXCALIBER-RRMM: 1–2 prior lines', early(2), 'ELIGIBLE', []],
    ['NCT04975997', 'EXCALIBER-RRMM: three lines is too many', early(3), 'INELIGIBLE', ['inc-01']],
    ['NCT02773030', 'CC-220-MM-001: measurable, refractory to the last line, ECOG 1 → RRMM cohort', early(2), 'ELIGIBLE', []],
    ['NCT02773030', 'CC-220-MM-001: ECOG 3', [...early(2), event('performance-status', '2025-05-28', { ecog: 3 })], 'INELIGIBLE', ['inc-05']],
    ['NCT03158688', 'CANDOR: IgG 1.3 g/dL measurable, 2 lines, prior anti-CD38 to check', early(2), 'POTENTIALLY_ELIGIBLE', []],
    ['NCT03158688', 'CANDOR: four lines is too many', early(4), 'INELIGIBLE', ['inc-04']],
    ['NCT04484623', 'DREAMM-8: lenalidomide-exposed, progressing, measurable', early(1), 'POTENTIALLY_ELIGIBLE', []],
  ];
  it.each(cases)('%s — %s', (id, _name, history, expected, failing) => {
    const e = verdict(id, history);
    expect(e.failing).toEqual(failing);
    expect(e.verdict).toBe(expected);
  });

  it('DREAMM-8 (exc-03): 14 days or five half-lives, whichever is shorter, drug by drug', () => {
    // VRd stopped 7 days ago: lenalidomide (5 × 5 h) and dexamethasone are past theirs, bortezomib (5 × 4.5 days) waits for 14 days.
    const recent = early(1).map((x) => (x.data.drug === 'VRd' ? { ...x, data: { ...x.data, end: '2025-05-25' } } : x));
    const c = verdict('NCT04484623', [...recent, response('2025-05-20', 'PD')]).criteria.find((c) => c.criterionId === 'exc-03')!;
    expect(c).toMatchObject({ passes: false, outcome: 'MET' });
    // Rd stopped 7 days ago: past five half-lives of both.
    const rd = early(1).map((x) => (x.data.drug === 'VRd' ? { ...x, data: { ...x.data, drug: 'Rd', end: '2025-05-25' } } : x));
    expect(verdict('NCT04484623', [...rd, response('2025-05-20', 'PD')]).criteria.find((c) => c.criterionId === 'exc-03')).toMatchObject({ passes: true, outcome: 'NOT_MET' });
    // Isatuximab-Pd stopped 7 days ago: no half-life on file for isatuximab (and the 30-day antibody washout applies anyway).
    const isa = early(1).map((x) => (x.data.drug === 'VRd' ? { ...x, data: { ...x.data, drug: 'Isa-Pd', end: '2025-05-25' } } : x));
    expect(verdict('NCT04484623', [...isa, response('2025-05-20', 'PD')]).criteria.find((c) => c.criterionId === 'exc-03')).toMatchObject({ passes: false, outcome: 'MET' });
  });
});

describe('bulk screening', () => {
  const compiled = docs.map((d) => compileTrial(d.doc));
  const day = (y: number, d: number): string => new Date(Date.UTC(y, 0, 1 + d)).toISOString().slice(0, 10);
  const REGIMENS = ['VRd', 'DRd', 'KRd', 'DKd', 'Pd', 'KPd', 'Isa-Kd', 'DPd', 'teclistamab', 'SVd', 'elranatamab', 'daratumumab'];
  const historyArb = fc
    .record({
      birthYear: fc.integer({ min: 1935, max: 2009 }),
      lines: fc.array(fc.record({ regimen: fc.constantFrom(...REGIMENS), days: fc.integer({ min: 20, max: 700 }), response: fc.constantFrom('CR', 'VGPR', 'PR', 'SD', 'PD'), ongoing: fc.boolean() }), { maxLength: 5 }),
      sct: fc.boolean(),
      carT: fc.boolean(),
      ecog: fc.option(fc.integer({ min: 0, max: 4 })),
      mProtein: fc.option(fc.double({ min: 0, max: 4, noNaN: true })),
      labAgeDays: fc.integer({ min: 0, max: 60 }),
    })
    .map((h) => {
      const events = [demographics(`${h.birthYear}-03-15`, 'female', 70), diagnosis('2018-01-01', 'IgG', 'kappa')];
      let t = 0;
      h.lines.forEach((l, i) => {
        const start = day(2018 + i, 10);
        const last = i === h.lines.length - 1;
        t = Math.min(2018 + i, 2025);
        events.push(med(l.regimen, start, last && l.ongoing ? null : day(2018 + i, 10 + l.days)), response(day(2018 + i, 10 + Math.floor(l.days / 2)), l.response));
      });
      if (h.sct) events.push(sct(day(t, 5)));
      if (h.carT) events.push(carT(day(2025, 60), 'Carvykti'));
      if (h.ecog !== null) events.push(event('performance-status', day(2025, 140 - h.labAgeDays), { ecog: h.ecog }));
      if (h.mProtein !== null) events.push(lab(day(2025, 150 - h.labAgeDays), 'm-protein', Number(h.mProtein.toFixed(2)), 'g/dL'));
      return events;
    });

  it('gives the same verdicts, dates and criteria as the full evaluation, for every catalog trial', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { minLength: 2, maxLength: 4 }), (histories) => {
        // Several profiles in turn: leaves shared across trials remember answers per evaluation, never across profiles.
        const profiles: PatientProfile[] = histories.map((h) => buildProfile(h, AS_OF));
        for (const profile of profiles) {
          const state = evaluationState(profile, AS_OF);
          for (const trial of compiled) {
            const full = evaluateTrial(trial, profile, AS_OF);
            for (const quick of [screenTrial(trial, state), screenTrial(trial, profile, AS_OF)]) {
              const pick = (v: { verdict: string; eligibleFrom?: string; failing: string[]; unknown: string[]; unknownCount: number }) => [v.verdict, v.eligibleFrom, v.failing, v.unknown, v.unknownCount];
              expect(pick(quick)).toEqual(pick(full));
              expect(quick.cohorts.map((c) => [c.id, ...pick(c)])).toEqual(full.cohorts.map((c) => [c.id, ...pick(c)]));
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
