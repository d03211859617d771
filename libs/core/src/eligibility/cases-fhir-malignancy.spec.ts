/**
 * FHIR Conditions as other-malignancy (docs/clinical-core.md: "a FHIR Condition in remission or resolved is dated by its
 * abatement, and any malignant neoplasm coded C00–C97 other than C90 is other-malignancy"), read by withinDays 1,095.
 */
import { AS_OF, buildProfile, run, outcome, compileTrial, evaluateTrial, trialOf } from './condition-cases';
import { mapFhirBundle, SYSTEMS } from '../fhir/map-bundle';
import { compileRule } from './compile';

const w = { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 };
const subject = { reference: 'Patient/p1' };
const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1960-05-01', gender: 'female' };
const cond = (id: string, code: string, extra: object) => ({ resourceType: 'Condition', id, subject, code: { coding: [{ system: SYSTEMS.icd10[0], code }] }, ...extra });
const status = (code: string) => ({ clinicalStatus: { coding: [{ code }] } });
const bundle = (...rs: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, ...rs.map((r) => ({ resource: r }))] }) as Parameters<typeof mapFhirBundle>[0];
const profile = (...rs: object[]) => buildProfile(mapFhirBundle(bundle(...rs)).events, AS_OF);

describe('held', () => {
  it.each([
    ['remission, abatementPeriod end 2023-01-01 → met until 2026-01-01', [cond('c1', 'C50.9', { ...status('remission'), onsetDateTime: '2015-01-01', abatementPeriod: { start: '2021-01-01', end: '2023-01-01' } })], { outcome: 'MET', flipsOn: '2026-01-01', flipsTo: 'NOT_MET' }],
    ['remission, abatement 2021, no onset → not met', [cond('c1', 'C50.9', { ...status('remission'), abatementDateTime: '2021-01-01' })], { outcome: 'NOT_MET' }],
    ['remission, onsetPeriod 2023, no abatement → met (onset in window), then unknown', [cond('c1', 'C50.9', { ...status('remission'), onsetPeriod: { start: '2023-01-01' } })], { outcome: 'MET', flipsOn: '2026-01-01', flipsTo: 'UNKNOWN' }],
    ['C90.2 plasmacytoma: not another malignancy', [cond('c1', 'C90.2', { ...status('active'), onsetDateTime: '2024-01-01' })], { outcome: 'UNKNOWN' }],
    ['C902 undotted: not another malignancy', [cond('c1', 'C902', { ...status('active'), onsetDateTime: '2024-01-01' })], { outcome: 'UNKNOWN' }],
    ['D05.1 in situ: not mapped', [cond('c1', 'D05.1', { ...status('active'), onsetDateTime: '2024-01-01' })], { outcome: 'UNKNOWN' }],
    ['C509 undotted active → met', [cond('c1', 'C509', { ...status('active'), onsetDateTime: '2010-01-01' })], { outcome: 'MET' }],
    ['C90.00 myeloma: not another malignancy', [cond('c1', 'C90.00', { ...status('active'), onsetDateTime: '2024-01-01' })], { outcome: 'UNKNOWN' }],
  ] as const)('%s', (_, rs, expected) => {
    expect(run(w, profile(...rs))).toEqual(expected);
  });
});

describe('DEFECTS', () => {
  it('resolved, no onset and no abatement, recordedDate 2024-03-01: the recordedDate is not a day it is known present → unknown (potentially eligible)', () => {
    const p = profile(cond('c1', 'C50.9', { ...status('resolved'), recordedDate: '2024-03-01' }));
    // actual: onsetDate = recordedDate, MET until 2027-03-02 → ELIGIBLE_FROM 2027-03-02 (blocked now)
    expect(outcome(w, p)).toBe('UNKNOWN');
    expect(evaluateTrial(compileTrial(trialOf(w)), p, AS_OF).verdict).toBe('POTENTIALLY_ELIGIBLE');
  });

  it('abatementDateTime 2015 without clinicalStatus (valid FHIR; con-4: an abated condition is not active) → not met', () => {
    // actual: mapped "active" → MET for good → INELIGIBLE
    expect(outcome(w, profile(cond('c1', 'C50.9', { onsetDateTime: '2012-01-01', abatementDateTime: '2015-01-01' })))).toBe('NOT_MET');
  });

  it('two cancers: prostate (C61) active since 2022; breast (C50) resolved 2023-01-01 → still met in 2026 and later', () => {
    const p = profile(cond('c1', 'C61', { ...status('active'), onsetDateTime: '2022-01-10' }), cond('c2', 'C50.9', { ...status('resolved'), onsetDateTime: '2010-01-01', abatementDateTime: '2023-01-01' }));
    expect(outcome(w, p)).toBe('MET');
    // actual: flipsOn 2026-01-01 → NOT_MET (the breast cancer's abatement ends the active prostate cancer)
    expect(outcome(w, p, '2026-06-01')).toBe('MET');
  });

  it('a resolved Condition with a year-only abatement (FHIR allows partial dateTime) is kept: it had ended by the end of that year', () => {
    const m = mapFhirBundle(bundle(cond('c1', 'G62.9', { ...status('resolved'), onsetDateTime: '2020-01-01', abatementDateTime: '2024' })));
    expect(m.events.filter((e) => e.type === 'condition' && e.data.status === 'resolved')).toHaveLength(1); // actual 0, unmapped "date 2024 is not precise to the day"
    const c = mapFhirBundle(bundle(cond('c1', 'C50.9', { ...status('remission'), onsetDateTime: '2010-01-01', abatementDateTime: '2015' })));
    expect(c.events.filter((e) => e.type === 'condition' && e.data.status === 'resolved')).toHaveLength(1); // ended in 2015: would read NOT_MET; dropped, it reads UNKNOWN
    // Still there on the day before the year of its abatement began.
    expect(c.events.find((e) => e.eventId === 'Condition/c1#present')).toMatchObject({ occurredAt: '2014-12-31', data: { status: 'active', code: 'C50.9' } });
  });

  it('a cancer abated in May 2025 (month only) was there on 2025-04-30: "no other malignancy within 3 years" is not met (it was unknown)', () => {
    const rule = { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 };
    const b = { ...bundle(cond('c1', 'C50.911', { ...status('resolved'), onsetDateTime: '2016-03-01', abatementDateTime: '2025-05' })), timestamp: '2025-05-20T10:00:00Z' };
    const events = mapFhirBundle(b).events.map((e) => ({ eventId: e.eventId, type: e.type, occurredAt: e.occurredAt, data: e.data }));
    expect(compileRule(rule)({ profile: buildProfile(events, '2025-06-01'), asOf: '2025-06-01', trace: null }).outcome).toBe('MET');
    // An abatement with no onset says nothing of the days before it: no such record.
    const noOnset = { ...bundle(cond('c1', 'C50.911', { ...status('resolved'), abatementDateTime: '2025-05' })), timestamp: '2025-05-20T10:00:00Z' };
    expect(mapFhirBundle(noOnset).events.some((e) => e.eventId.endsWith('#present'))).toBe(false);
  });

  it('an abatement in the month the Bundle was assembled dates the resolution by the Bundle\'s timestamp, not the machine\'s clock', () => {
    const b = { ...bundle(cond('c1', 'G62.9', { ...status('resolved'), onsetDateTime: '2020-01-01', abatementDateTime: '2024-03' })), timestamp: '2024-03-12T09:00:00Z' };
    const [e] = mapFhirBundle(b).events.filter((x) => x.type === 'condition');
    expect(e).toMatchObject({ occurredAt: expect.stringMatching(/^2024-03-12/), data: { status: 'resolved' } });
    expect(e!.data).not.toHaveProperty('endUnknown');
    const later = { ...b, timestamp: '2024-05-01T09:00:00Z' };
    expect(mapFhirBundle(later).events.find((x) => x.type === 'condition')).toMatchObject({ occurredAt: expect.stringMatching(/^2024-03-31/) });
  });
});
