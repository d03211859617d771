/**
 * `condition` with a time window and a neuropathy type, hand-derived from domain.md §7: "any other active
 * malignancy <3 years before enrolment excluded"; "exclude ongoing grade ≥3 sensory or motor neuropathy and
 * any history of grade ≥3 motor polyneuropathy". Screening day 2025-06-01; three years = 1,095 days, so a
 * day present within the window is one on or after 2022-06-02.
 */
import { event } from '../testing/events';
import { mapFhirBundle, SYSTEMS } from '../fhir/map-bundle';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, type LeafTrace } from './compile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from './trial';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const condition = (date: string, kind: string, data: Record<string, unknown> = {}) => event('condition', date, { kind, ...data });
const malignancy = (date: string, status: string, data: Record<string, unknown> = {}) => condition(date, 'other-malignancy', { status, ...data });
const neuropathy = (date: string, status: string, grade: number | null, type?: string) =>
  condition(date, 'peripheral-neuropathy', { status, ...(grade !== null ? { grade } : {}), ...(type ? { neuropathyType: type } : {}) });
const outcome = (rule: unknown, profile: PatientProfile, asOf = AS_OF): string => compileRule(rule)({ profile, asOf, trace: null }).outcome;
const traceOf = (rule: unknown, profile: PatientProfile): LeafTrace[] => {
  const trace: LeafTrace[] = [];
  compileRule(rule)({ profile, asOf: AS_OF, trace });
  return trace;
};
const within3y = { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 };
const exclusionTrial = (rule: unknown): TrialDocument => ({
  trialId: 'NCT00000007',
  version: 1,
  title: 'other malignancy',
  status: 'RECRUITING',
  criteria: [{ id: 'exc-1', kind: 'exclusion', text: 'other malignancy within 3 years', rule }],
});
const plusDays = (d: string, n: number): string => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

describe('condition within a time window ("other malignancy within 3 years")', () => {
  it.each([
    ['active on its latest record, diagnosed long ago', [malignancy('2015-01-01', 'active')], 'MET'],
    ['resolved on a day given, inside the window', [malignancy('2023-01-01', 'active'), malignancy('2023-09-01', 'resolved', { resolvedDate: '2023-01-01' })], 'MET'],
    ['resolved on a day given, before the window', [malignancy('2019-01-01', 'active'), malignancy('2021-06-01', 'resolved', { resolvedDate: '2021-01-01' })], 'NOT_MET'],
    ['resolved on the last day of the window', [malignancy('2022-06-02', 'resolved', { resolvedDate: '2022-06-02' })], 'MET'],
    ['resolved the day before the window', [malignancy('2022-06-01', 'resolved', { resolvedDate: '2022-06-01' })], 'NOT_MET'],
    ['a past cancer reported in 2021 (ended by then)', [malignancy('2021-03-01', 'history')], 'NOT_MET'],
    ['a past cancer first reported in 2024 (ended some day before)', [malignancy('2024-01-01', 'history')], 'UNKNOWN'],
    ['active in 2019, reported resolved in 2023 (ended between)', [malignancy('2019-01-01', 'active'), malignancy('2023-01-01', 'resolved')], 'UNKNOWN'],
    ['active in 2019, reported absent in 2021', [malignancy('2019-01-01', 'active'), malignancy('2021-01-01', 'absent')], 'NOT_MET'],
    ['active in 2023, reported absent in 2024', [malignancy('2023-01-01', 'active'), malignancy('2024-01-01', 'absent')], 'MET'],
    ['assessed absent only', [malignancy('2024-01-01', 'absent')], 'NOT_MET'],
    ['resolved, dated by its onset in 2015, end not given', [malignancy('2015-01-01', 'resolved', { onsetDate: '2015-01-01' })], 'UNKNOWN'],
    ['no record', [], 'UNKNOWN'],
  ])('%s: %s', (_, events, expected) => {
    expect(outcome(within3y, profileOf(...events))).toBe(expected);
  });

  it('an exclusion by a cancer resolved on 2023-01-01 ends 1,096 days later, as day-by-day screening finds', () => {
    const p = profileOf(malignancy('2023-01-01', 'active'), malignancy('2023-09-01', 'resolved', { resolvedDate: '2023-01-01' }));
    const trial = compileTrial(exclusionTrial(within3y));
    const v = evaluateTrial(trial, p, AS_OF);
    expect(v.verdict).toBe('ELIGIBLE_FROM');
    expect(v.eligibleFrom).toBe('2026-01-01');
    expect(screenTrial(trial, p, '2025-12-31').verdict).not.toBe('ELIGIBLE');
    expect(screenTrial(trial, p, '2026-01-01').verdict).toBe('ELIGIBLE');
  });

  it('ended on a day not recorded: potentially eligible now, eligible once the day it had ended by is out of the window', () => {
    const p = profileOf(malignancy('2019-01-01', 'active'), malignancy('2023-01-01', 'resolved'));
    const trial = compileTrial(exclusionTrial(within3y));
    expect(evaluateTrial(trial, p, AS_OF).verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(screenTrial(trial, p, '2025-12-31').verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(screenTrial(trial, p, '2026-01-01').verdict).toBe('ELIGIBLE');
    expect(traceOf(within3y, p)[0]?.actual).toBe('present on 2019-01-01, ended by 2023-01-01, on a day not recorded');
  });

  it('present on a day inside the window with its end unknown: met, then unknown once that day is out of the window', () => {
    const p = profileOf(malignancy('2023-03-01', 'active'), malignancy('2024-03-01', 'resolved'));
    expect(outcome(within3y, p)).toBe('MET');
    const flip = plusDays('2023-03-01', 1096);
    expect(outcome(within3y, p, plusDays(flip, -1))).toBe('MET');
    expect(outcome(within3y, p, flip)).toBe('UNKNOWN');
    expect(outcome(within3y, p, plusDays('2024-03-01', 1096))).toBe('NOT_MET');
  });

  it('a FHIR Condition in remission is dated by its abatement; without one, its end is unknown', () => {
    const subject = { reference: 'Patient/p1' };
    const cancer = (id: string, extra: object) => ({ resourceType: 'Condition', id, subject, code: { coding: [{ system: SYSTEMS.icd10[0], code: 'C50.9' }] }, clinicalStatus: { coding: [{ code: 'remission' }] }, onsetDateTime: '2020-02-01', ...extra });
    const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' };
    const bundle = (r: object) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, { resource: r }] }) as Parameters<typeof mapFhirBundle>[0];
    const abated = mapFhirBundle(bundle(cancer('c1', { abatementDateTime: '2023-05-01' }))).events;
    expect(abated.filter((e) => e.type === 'condition')).toEqual([expect.objectContaining({ type: 'condition', data: expect.objectContaining({ kind: 'other-malignancy', status: 'resolved', onsetDate: '2020-02-01', resolvedDate: '2023-05-01' }) })]);
    expect(outcome(within3y, buildProfile(abated, AS_OF))).toBe('MET');
    const open = mapFhirBundle(bundle(cancer('c2', {}))).events;
    expect(outcome(within3y, buildProfile(open, AS_OF))).toBe('UNKNOWN');
  });
});

describe('peripheral neuropathy by type ("ongoing grade ≥3 sensory or motor; any history of grade ≥3 motor")', () => {
  const ongoingSensory = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' };
  const historyMotor = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true };

  it.each([
    ['sensory grade 3, active', [neuropathy('2025-05-01', 'active', 3, 'sensory')], 'MET', 'NOT_MET'],
    ['motor grade 3, active', [neuropathy('2025-05-01', 'active', 3, 'motor')], 'NOT_MET', 'MET'],
    ['mixed grade 3, active (both types)', [neuropathy('2025-05-01', 'active', 3, 'mixed')], 'MET', 'MET'],
    ['type not recorded, grade 3', [neuropathy('2025-05-01', 'active', 3)], 'UNKNOWN', 'UNKNOWN'],
    ['type not recorded, grade 1 (below the grade either way)', [neuropathy('2025-05-01', 'active', 1)], 'NOT_MET', 'NOT_MET'],
    ['motor grade 3 in 2020, motor grade 1 now', [neuropathy('2020-01-01', 'active', 3, 'motor'), neuropathy('2025-05-01', 'active', 1, 'motor')], 'NOT_MET', 'MET'],
    ['sensory grade 3, then a later record of no type at grade 2', [neuropathy('2025-01-01', 'active', 3, 'sensory'), neuropathy('2025-05-01', 'active', 2)], 'UNKNOWN', 'NOT_MET'],
    ['sensory of no grade, active', [neuropathy('2025-05-01', 'active', null, 'sensory')], 'UNKNOWN', 'NOT_MET'],
  ])('%s: ongoing sensory ≥3 %s, any motor ≥3 %s', (_, events, sensory, motor) => {
    const p = profileOf(...events);
    expect(outcome(ongoingSensory, p)).toBe(sensory);
    expect(outcome(historyMotor, p)).toBe(motor);
  });

  it('the neuropathy type and the window are checked when a trial is loaded', () => {
    expect(() => compileRule({ fact: 'condition', kind: 'peripheral-neuropathy', neuropathyType: 'mixed' })).toThrow(/neuropathyType/);
    expect(() => compileRule({ fact: 'condition', kind: 'other-malignancy', withinDays: '3 years' })).toThrow(/withinDays/);
  });
});

describe('condition records of one day that disagree', () => {
  const withIds = (...events: Array<[string, ReturnType<typeof event>]>) => events.map(([id, e]) => ({ ...e, eventId: id }));
  it.each([
    ['the active record first by id', 'a-1', 'a-2'],
    ['the absent record first by id', 'a-2', 'a-1'],
  ])('are read absent, then active, whatever their ids (%s): the profile and the plain leaf say active, as the typed leaf does', (_, activeId, absentId) => {
    const p = profileOf(...withIds([activeId, neuropathy('2024-12-01', 'active', 2, 'sensory')], [absentId, neuropathy('2024-12-01', 'absent', null)]));
    expect(p.conditions['peripheral-neuropathy']?.status).toBe('active');
    expect(outcome({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 2 }, p)).toBe('MET');
    expect(outcome({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 2, neuropathyType: 'sensory' }, p)).toBe('MET');
  });

  it('a coded active cancer and an uncoded absent of one day: active, whatever their ids', () => {
    for (const [cancerId, absentId] of [['c-1', 'c-2'], ['c-2', 'c-1']] as const) {
      const p = profileOf(...withIds([cancerId, malignancy('2024-12-01', 'active', { code: 'C50.9' })], [absentId, malignancy('2024-12-01', 'absent')]));
      expect([cancerId, p.conditions['other-malignancy']?.status]).toEqual([cancerId, 'active']);
    }
  });
});
