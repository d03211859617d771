/**
 * The engine at its edges, hand-derived from architecture.md ("unknown: data missing or too old") and
 * domain.md §7: stale labs, ECOG and creatinine clearance are UNKNOWN without a rule window; derived
 * values are compared unrounded; "any history of grade ≥3" survives a later lower grade.
 */
import { demographics, event, lab } from '../testing/events';
import { buildProfile, type PatientProfile } from '../patient/profile';
import { compileRule, DEFAULT_VALIDITY_DAYS, type LeafTrace } from './compile';

const AS_OF = '2025-06-01';
const profileOf = (...events: Parameters<typeof buildProfile>[0]): PatientProfile => buildProfile(events, AS_OF);
const outcome = (rule: unknown, profile: PatientProfile): string => compileRule(rule)({ profile, asOf: AS_OF, trace: null }).outcome;

describe('validity of labs, ECOG and creatinine clearance', () => {
  const stale = profileOf(
    demographics('1955-01-01', 'male', 80),
    lab('2022-03-01', 'hemoglobin', 10, 'g/dL'),
    lab('2022-03-01', 'creatinine', 1.0, 'mg/dL'),
    event('performance-status', '2022-03-01', { ecog: 0 }),
  );
  const fresh = profileOf(
    demographics('1955-01-01', 'male', 80),
    lab('2025-05-01', 'hemoglobin', 10, 'g/dL'),
    lab('2025-05-01', 'creatinine', 1.0, 'mg/dL'),
    event('performance-status', '2025-05-01', { ecog: 0 }),
  );

  it.each([
    ['hemoglobin ≥ 8 g/dL', { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' }],
    ['ECOG ≤ 1', { fact: 'ecog', max: 1 }],
    ['CrCl ≥ 40 mL/min', { fact: 'creatinineClearance', op: '>=', value: 40 }],
  ])('%s: MET on recent data, UNKNOWN on data from 2022 when the rule gives no window', (_, rule) => {
    expect(outcome(rule, fresh)).toBe('MET');
    expect(outcome(rule, stale)).toBe('UNKNOWN');
    expect(outcome({ ...rule, maxAgeDays: 5000 }, stale)).toBe('MET');
  });

  it(`the default window is ${DEFAULT_VALIDITY_DAYS} days, inclusive, and the missing item says so`, () => {
    const onEdge = profileOf(lab('2025-04-02', 'hemoglobin', 10, 'g/dL')); // 60 days before 2025-06-01
    const past = profileOf(lab('2025-04-01', 'hemoglobin', 10, 'g/dL'));
    const rule = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' };
    expect(outcome(rule, onEdge)).toBe('MET');
    expect(outcome(rule, past)).toBe('UNKNOWN');
    const trace: LeafTrace[] = [];
    compileRule(rule)({ profile: past, asOf: AS_OF, trace });
    expect(trace[0]?.missing).toEqual(['hemoglobin within 60 days']);
  });
});

describe('derived values compared unrounded', () => {
  it('CrCl 39.96 mL/min (male, 70 y, 41.1 kg, creatinine 1.0 mg/dL) does not meet ≥ 40', () => {
    const p = profileOf(demographics('1955-01-01', 'male', 41.1), lab('2025-05-20', 'creatinine', 1.0, 'mg/dL'));
    expect(p.labs.crcl!.value).toBeCloseTo(39.958, 3);
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 40 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'creatinineClearance', op: '>=', value: 39.9 }, p)).toBe('MET');
  });

  it('ALT 99.99 U/L with ULN 40 is 2.49975 × ULN: below 2.5', () => {
    const p = profileOf(lab('2025-05-20', 'alt', 99.99, 'U/L', { uln: 40 }));
    expect(outcome({ fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 }, p)).toBe('MET');
    expect(outcome({ fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 }, profileOf(lab('2025-05-20', 'alt', 100, 'U/L', { uln: 40 })))).toBe('NOT_MET');
  });
});

describe('conditions over their history', () => {
  const neuropathy = (date: string, status: string, grade?: number) => event('condition', date, { kind: 'peripheral-neuropathy', status, ...(grade !== undefined ? { grade } : {}) });
  const rule = (includeHistory: boolean) => ({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, includeHistory });

  it('grade 3 in 2023 then grade 1 in 2024: any history of grade ≥ 3 is met, an active grade ≥ 3 is not', () => {
    const p = profileOf(neuropathy('2023-01-01', 'active', 3), neuropathy('2024-01-01', 'active', 1));
    expect(outcome(rule(true), p)).toBe('MET');
    expect(outcome(rule(false), p)).toBe('NOT_MET');
  });

  it('a condition once present and since recorded absent is still history; never present is not', () => {
    expect(outcome(rule(true), profileOf(neuropathy('2023-01-01', 'active', 3), neuropathy('2024-01-01', 'absent')))).toBe('MET');
    expect(outcome(rule(true), profileOf(neuropathy('2024-01-01', 'absent')))).toBe('NOT_MET');
  });
});
