/**
 * Engine cases from the 28th reviews: an unread medication that may be a later line (priorLines and the last-line
 * leaves), how a drug's course went known only from assessments in its window, Cockcroft–Gault with sex other or
 * unknown and what it lacks, and the provenance of PCL, EMD and prior target therapy.
 */
import { demographics, event, lab, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { DEFAULT_SETTINGS } from '../patient/settings';
import { compileRule, type LeafTrace } from './compile';

const AS_OF = '2023-03-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const trace = (rule: unknown, events: Ev[], asOf = AS_OF): { outcome: string; leaf: LeafTrace } => {
  const t: LeafTrace[] = [];
  const r = compileRule(rule)({ profile: buildProfile(events, asOf), asOf, trace: t });
  return { outcome: r.outcome, leaf: t[0]! };
};
const run = (rule: unknown, events: Ev[], asOf = AS_OF): string => trace(rule, events, asOf).outcome;

describe('a medication the catalog cannot read, begun after the lines, may be a later line', () => {
  // DRd, progression on it; Mezi-Vd, progression on it; then a blinded study drug (story29 S16).
  const history: Ev[] = [
    med('DRd', '2019-05-15', '2021-10-10'),
    response('2019-09-01', 'VGPR'),
    response('2021-10-06', 'PD'),
    med('bortezomib', '2021-12-13', '2022-12-20'),
    med('dexamethasone', '2021-12-13', '2022-12-20'),
    response('2022-03-01', 'PR'),
    response('2022-11-02', 'PD'),
  ];
  const blinded = [...history, med('Investigational BCMA bispecific (blinded)', '2023-01-10', null)];

  it('priorLines ≥ 3: unknown with it (two lines read), not met without it', () => {
    expect(run({ fact: 'priorLines', min: 3 }, history)).toBe('NOT_MET');
    const r = trace({ fact: 'priorLines', min: 3 }, blinded);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.leaf.actual).toContain('Investigational BCMA bispecific (blinded) (from 2023-01-10)');
    expect(r.leaf.missing).toEqual(['the drug of a medication the catalog cannot read']);
  });

  it('priorLines ≥ 2 or ≤ 5: met either way, so met', () => {
    expect(run({ fact: 'priorLines', min: 2 }, blinded)).toBe('MET');
    expect(run({ fact: 'priorLines', max: 5 }, blinded)).toBe('MET');
  });

  it('the last-line leaves: decided on the second line without it, unknown with it', () => {
    for (const rule of [{ fact: 'flag', name: 'refractoryToLastLine' }, { fact: 'progressionAfterLastLine' }, { fact: 'drugRefractory', drug: 'bortezomib', scope: 'lastLine' }]) {
      expect(run(rule, history)).toBe('MET');
      const r = trace(rule, blinded);
      expect(r.outcome).toBe('UNKNOWN');
      expect(r.leaf.actual).toContain('may be a later line');
    }
  });

  it('begun with a regimen (within its grouping window): part of it, decides nothing', () => {
    const withRegimen = [...history, med('Kd', '2023-01-10', null), med('investigational agent XY-1 (blinded)', '2023-01-20', null)];
    expect(run({ fact: 'priorLines', min: 3 }, withRegimen)).toBe('MET');
    expect(run({ fact: 'priorLines', min: 4 }, withRegimen)).toBe('NOT_MET');
  });
});

describe('how a drug’s course went is known only from an assessment in its window', () => {
  // A transferred patient: regimens only, then Pd stopped for progression (story28 S17).
  const outside: Ev[] = [med('VRd', '2019-01-01', '2019-06-30', { cycles: 6 }), med('DRd', '2021-05-01', '2023-12-20'), med('Pd', '2024-01-10', '2024-09-15', { reasonStopped: 'progression' }), response('2024-09-20', 'PD')];
  const asOf = '2024-10-01';

  it('daratumumab with no assessment during DRd nor within 60 days of it: refractory unknown, and so triple-class refractory', () => {
    expect(buildProfile(outside, asOf).drugs.daratumumab).toMatchObject({ refractory: false, documented: false });
    expect(run({ fact: 'drugRefractory', drug: 'daratumumab' }, outside, asOf)).toBe('UNKNOWN');
    expect(run({ fact: 'flag', name: 'tripleClassRefractory' }, outside, asOf)).toBe('UNKNOWN');
  });

  it('a response assessed on DRd: daratumumab not refractory', () => {
    const assessed = [...outside, response('2022-01-01', 'VGPR'), response('2023-11-01', 'VGPR')];
    expect(buildProfile(assessed, asOf).drugs.daratumumab).toMatchObject({ refractory: false, documented: true });
    expect(run({ fact: 'drugRefractory', drug: 'daratumumab' }, assessed, asOf)).toBe('NOT_MET');
  });

  it('a response later in the line (induction, ASCT, then VGPR) documents the induction', () => {
    const line = [med('VRd', '2022-01-01', '2022-06-01', { intent: 'induction' }), event('procedure', '2022-07-01', { kind: 'autologous-sct' }), response('2022-08-15', 'VGPR'), med('lenalidomide', '2022-09-01', null, { intent: 'maintenance' })];
    expect(buildProfile(line, '2023-01-01').drugs.bortezomib).toMatchObject({ documented: true });
    expect(run({ fact: 'drugRefractory', drug: 'bortezomib' }, line, '2023-01-01')).toBe('NOT_MET');
  });
});

describe('Cockcroft–Gault', () => {
  const creatinine = (v: number) => lab('2023-02-20', 'creatinine', v, 'mg/dL');
  it('sex other: decided when the clearance with the female factor and without it agree, unknown when they do not', () => {
    // 140 − 63 = 77; × 60 kg / (72 × 1.3) = 49.36 male, 41.96 female.
    const events = [demographics('1960-01-01', 'other', 60), creatinine(1.3)];
    expect(buildProfile(events, AS_OF).labs.crcl).toMatchObject({ inputs: { sex: 'other or unknown' } });
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 40 }, events)).toBe('MET');
    expect(run({ fact: 'creatinineClearance', op: '>=', value: 60 }, events)).toBe('NOT_MET');
    const r = trace({ fact: 'creatinineClearance', op: '>=', value: 45 }, events);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.leaf.missing).toEqual(['sex (male or female) for Cockcroft–Gault']);
  });

  it('names what it lacks: a birth date, a weight near the creatinine, a height', () => {
    const noBirth = [event('demographics', '2015-01-01', { sex: 'male', weightKg: 70 }), creatinine(1)];
    expect(trace({ fact: 'creatinineClearance', op: '>=', value: 40 }, noBirth).leaf.missing).toEqual(['birth date']);
    const noWeight = [demographics('1960-01-01', 'male'), creatinine(1)];
    expect(trace({ fact: 'creatinineClearance', op: '>=', value: 40 }, noWeight).leaf.missing).toEqual(['weight']);
    const noCreatinine = [demographics('1960-01-01', 'male', 70)];
    expect(trace({ fact: 'creatinineClearance', op: '>=', value: 40 }, noCreatinine).leaf.missing).toEqual(['creatinine within 60 days']);
    const noHeight = buildProfile([demographics('1960-01-01', 'male', 70), creatinine(1)], AS_OF, { ...DEFAULT_SETTINGS, crcl: { weight: 'ideal', roundUpCreatinineBelowOne: false, weightMaxDaysFromCreatinine: 30 } });
    expect(noHeight.labs.crclMissing).toEqual(['height (for the ideal weight)']);
    const far = [demographics('1960-01-01', 'male', 70), lab('2023-02-20', 'creatinine', 1, 'mg/dL')];
    const settings = { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, weightMaxDaysFromCreatinine: 30 } };
    expect(buildProfile(far, AS_OF, settings).labs.crclMissing).toEqual(['a weight within 30 days of the creatinine (2023-02-20)']);
  });
});

describe('explanations name the date and the records', () => {
  it('plasma cell leukaemia from a circulating count: its value, date and record', () => {
    const r = trace({ fact: 'plasmaCellLeukemia' }, [lab('2023-02-27', 'circulating plasma cells', 5, '%')]);
    expect(r.outcome).toBe('MET');
    expect(r.leaf.actual).toBe('circulating plasma cells 5% (2023-02-27; IMWG 2021: ≥5%)');
    expect(r.leaf.provenance).toHaveLength(1);
  });

  it('prior BCMA therapy: each drug with its dates, and its records', () => {
    const r = trace({ fact: 'priorTargetTherapy', target: 'BCMA' }, [med('teclistamab', '2022-01-10', '2022-09-30')]);
    expect(r.outcome).toBe('MET');
    expect(r.leaf.actual).toBe('teclistamab (2022-01-10–2022-09-30)');
    expect(r.leaf.provenance).toHaveLength(1);
  });
});

describe('code review and time28: the unread-medication lines, dated and grouped', () => {
  const at = (rule: unknown, events: Ev[], asOf: string, profileDay = asOf) => compileRule(rule)({ profile: buildProfile(events, profileDay), asOf, trace: null });

  it('a last-line leaf made unknown carries no date of the inner leaf (under all and not)', () => {
    const events: Ev[] = [med('VRd', '2021-01-01', '2021-06-30'), response('2021-04-01', 'VGPR'), response('2022-10-01', 'PD'), med('DRd', '2023-01-01', null), med('investigational agent XY-1 (blinded)', '2023-02-15', null)];
    const leaf = { fact: 'classExposed', class: 'ANTI_CD38', scope: 'lastLine', minDays: 90 };
    expect(at(leaf, events, '2023-03-01')).toEqual({ outcome: 'UNKNOWN' });
    expect(at({ all: [leaf] }, events, '2023-03-01')).toEqual({ outcome: 'UNKNOWN' });
    expect(at({ not: leaf }, events, '2023-03-01')).toEqual({ outcome: 'UNKNOWN' });
  });

  it('a study drug begun days before a regimen is part of it', () => {
    expect(at({ fact: 'priorLines', max: 1 }, [med('investigational agent XY-1 (blinded)', '2023-01-05', null), med('Kd', '2023-01-10', null)], '2023-06-01').outcome).toBe('MET');
  });

  it('unread medications are grouped from the first of a group: one 40 days after the first may be a line of its own', () => {
    const events: Ev[] = [med('Kd', '2021-01-01', '2021-12-31'), med('investigational agent A (blinded)', '2022-03-01', null), med('investigational agent B (blinded)', '2022-03-21', null), med('investigational agent C (blinded)', '2022-04-10', null)];
    expect(at({ fact: 'priorLines', max: 2 }, events, '2023-03-01').outcome).toBe('UNKNOWN');
    expect(at({ fact: 'priorLines', max: 3 }, events, '2023-03-01').outcome).toBe('MET');
  });

  it('one recorded as maintenance after an ASCT is the planned sequence, no line of its own', () => {
    const events: Ev[] = [med('VRd', '2022-01-01', '2022-05-31', { intent: 'induction' }), event('procedure', '2022-07-01', { kind: 'autologous-sct' }), response('2022-09-01', 'VGPR'), med('investigational agent XY-1 (blinded)', '2022-10-01', null, { intent: 'maintenance' })];
    expect(at({ fact: 'priorLines', max: 1 }, events, '2023-03-01').outcome).toBe('MET');
    expect(at({ fact: 'flag', name: 'refractoryToLastLine' }, events, '2023-03-01').outcome).toBe('NOT_MET');
  });

  it('one begun on the screening day: decided today, unknown from the next day, and dated so', () => {
    const events: Ev[] = [med('VRd', '2021-01-01', '2021-06-30'), med('Kd', '2022-01-01', '2022-12-31'), med('investigational agent XY-1 (blinded)', '2023-03-01', null)];
    expect(at({ fact: 'priorLines', max: 2 }, events, '2023-03-01')).toEqual({ outcome: 'MET', flipsOn: '2023-03-02', flipsTo: 'UNKNOWN' });
    expect(at({ fact: 'priorLines', max: 2 }, events, '2023-03-02', '2023-03-01').outcome).toBe('UNKNOWN');
  });

  it('a line and an unread medication both begun on the screening day: unknown today, met from the next day', () => {
    const events: Ev[] = [med('VRd', '2020-01-01', '2020-06-30'), med('DKd', '2022-01-01', '2023-06-30'), med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-06-30'), med('Pd', '2025-01-15', null)];
    expect(at({ fact: 'priorLines', min: 3 }, events, '2025-01-15')).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-01-16', flipsTo: 'MET' });
  });
});

describe('code review: Cockcroft–Gault names an old creatinine as well as a missing weight', () => {
  it('no weight and a creatinine 14 months old: both', () => {
    const r = trace({ fact: 'creatinineClearance', op: '>=', value: 40 }, [demographics('1960-01-01', 'male'), lab('2022-01-01', 'creatinine', 1, 'mg/dL')]);
    expect(r.leaf.missing).toEqual(['creatinine within 60 days', 'weight']);
  });
});

describe('mrd28: MRD results', () => {
  const cr = [med('DRd', '2024-01-01', null), response('2025-01-01', 'CR'), response('2025-02-01', 'CR')];
  const mrd = (date: string, result: string, sensitivity = 1e-5, extra: Record<string, unknown> = {}) => event('mrd', date, { result, method: 'NGS', sensitivity, ...extra });
  const asOf = '2025-05-01';

  it('a relapse after a negative that counts is not undone by a coarser negative after it', () => {
    const events = [...cr, mrd('2025-02-10', 'negative'), lab('2025-03-01', 'serum immunofixation', 1, '', { result: 'positive' }), mrd('2025-04-01', 'negative', 1e-4)];
    expect(buildProfile(events, asOf).disease.mrd.negativityLost).toMatchObject({ date: '2025-03-01' });
    expect(run({ fact: 'mrd', result: 'negative' }, events, asOf)).toBe('NOT_MET');
  });

  it('a negative and a positive of one day: unknown, whatever their ids', () => {
    for (const ids of [['a', 'z'], ['z', 'a']]) {
      const events = [...cr, { ...mrd('2025-04-01', 'negative'), eventId: ids[0]! }, { ...mrd('2025-04-01', 'positive'), eventId: ids[1]! }];
      expect(run({ fact: 'mrd', result: 'negative' }, events, asOf)).toBe('UNKNOWN');
      expect(run({ fact: 'mrd', result: 'positive' }, events, asOf)).toBe('UNKNOWN');
    }
  });

  it('a negative in peripheral blood is not marrow MRD negativity; a positive there is disease found', () => {
    expect(run({ fact: 'mrd', result: 'negative' }, [...cr, mrd('2025-04-01', 'negative', 1e-5, { specimen: 'peripheral blood' })], asOf)).toBe('UNKNOWN');
    expect(run({ fact: 'mrd', result: 'negative' }, [...cr, mrd('2025-04-01', 'negative', 1e-5, { specimen: 'bone marrow aspirate' })], asOf)).toBe('MET');
    expect(run({ fact: 'mrd', result: 'positive' }, [...cr, mrd('2025-04-01', 'positive', 1e-5, { specimen: 'peripheral blood' })], asOf)).toBe('MET');
  });
});

describe('mrd28: the amplification threshold is the profile’s setting', () => {
  it('amp1qMinCopies 5: a gain of 4 copies is no amplification for the engine either', () => {
    const fish = event('cytogenetics', '2022-01-01', { abnormality: 'gain(1q)', result: 'detected', percentCells: 40, copyNumber: 4 });
    const p = buildProfile([fish], AS_OF, { ...DEFAULT_SETTINGS, amp1qMinCopies: 5 });
    expect(compileRule({ fact: 'cytogenetics', abnormality: 'amp(1q)' })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
    expect(compileRule({ fact: 'cytogenetics', abnormality: 'gain(1q)' })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });
});

describe('refr29, story30, eng29, fhir28', () => {
  it('refractory to the last line is unknown while a drug of it is not documented (maintenance never assessed)', () => {
    const events: Ev[] = [med('VRd', '2021-01-01', '2021-05-01'), response('2021-04-01', 'VGPR'), response('2021-05-01', 'VGPR'), event('procedure', '2021-06-15', { kind: 'autologous-sct' }), med('lenalidomide', '2021-08-01', null, { intent: 'maintenance' })];
    expect(run({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }, events)).toBe('UNKNOWN');
    expect(run({ fact: 'flag', name: 'refractoryToLastLine' }, events)).toBe('UNKNOWN');
  });

  it('a progression on maintenance documents the course: refractory only at maintenance is set aside, not unknown', () => {
    const events: Ev[] = [med('VRd', '2018-01-01', '2018-06-30'), response('2018-03-01', 'PR'), response('2018-06-01', 'VGPR'), med('lenalidomide', '2018-08-01', '2022-10-01', { intent: 'maintenance', reasonStopped: 'progression' }), response('2022-09-20', 'PD')];
    expect(run({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, events)).toBe('NOT_MET');
    expect(run({ fact: 'drugRefractory', drug: 'lenalidomide' }, events)).toBe('MET');
  });

  it('a relapse off therapy long after a course known only from a summary: not refractory; after other therapy: not known', () => {
    const off: Ev[] = [med('VRd', '2020-01-01', '2020-06-30'), response('2021-03-01', 'PD')];
    expect(run({ fact: 'drugRefractory', drug: 'bortezomib' }, off)).toBe('NOT_MET');
    const onOther: Ev[] = [med('VRd', '2020-01-01', '2020-06-30'), med('Kd', '2020-08-01', '2021-03-10'), response('2021-03-01', 'PD')];
    expect(run({ fact: 'drugRefractory', drug: 'lenalidomide' }, onOther)).toBe('UNKNOWN');
  });

  it('the missing data of a criterion leave out leaves under a part already decided', async () => {
    const { compileTrial, evaluateTrial } = await import('./trial');
    const trial = { trialId: 'NCT00000001', version: 1, title: 't', status: 'RECRUITING', criteria: [{ id: 'inc-01', kind: 'inclusion', text: 't', rule: { any: [{ fact: 'ecog', max: 1 }, { all: [{ fact: 'sex', in: ['male'] }, { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L' }] }] } }] };
    const e = evaluateTrial(compileTrial(trial as never), buildProfile([demographics('1960-01-01', 'female')], AS_OF), AS_OF);
    expect(e.verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(e.missing).toEqual(['ECOG within 60 days']);
  });
});
