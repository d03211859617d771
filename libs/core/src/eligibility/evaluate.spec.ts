import { evaluateTrial, InvalidRuleError, parseRule, type Criterion, type EvaluationFacts } from './evaluate';

const profile = (p: { birthDate?: string; ecog?: { value: number; date: string } }): EvaluationFacts => ({ demographics: { birthDate: p.birthDate ?? null }, ecog: p.ecog ?? null });
const asOf = new Date('2025-01-01');
const criteria: Criterion[] = [
  { id: 'age', kind: 'inclusion', text: '18 or older', rule: { fact: 'age', min: 18 } },
  { id: 'ecog', kind: 'inclusion', text: 'ECOG 0-2', rule: { fact: 'ecog', max: 2 } },
];

describe('evaluateTrial (three-valued)', () => {
  it('is ELIGIBLE when every inclusion is met', () => {
    const r = evaluateTrial(criteria, profile({ birthDate: '1950-01-01', ecog: { value: 2, date: '2024-12-01' } }), asOf);
    expect(r.verdict).toBe('ELIGIBLE');
    expect(r.criteria.map((c) => c.outcome)).toEqual(['MET', 'MET']);
  });

  it('is POTENTIALLY_ELIGIBLE when nothing fails but data is missing, and says what to collect', () => {
    const r = evaluateTrial(criteria, profile({ birthDate: '1950-01-01' }), asOf);
    expect(r.verdict).toBe('POTENTIALLY_ELIGIBLE');
    expect(r.criteria[1]).toMatchObject({ outcome: 'UNKNOWN', missing: ['performance-status.ecog'] });
  });

  it('is INELIGIBLE when an inclusion fails, even with other data missing', () => {
    const r = evaluateTrial(criteria, profile({ ecog: { value: 3, date: '2024-12-01' } }), asOf);
    expect(r.verdict).toBe('INELIGIBLE');
    expect(r.criteria.map((c) => c.outcome)).toEqual(['UNKNOWN', 'NOT_MET']);
  });

  it('treats a met exclusion as failing and an unmet one as passing', () => {
    const excl: Criterion[] = [{ id: 'old', kind: 'exclusion', text: 'over 80', rule: { fact: 'age', min: 81 } }];
    expect(evaluateTrial(excl, profile({ birthDate: '1930-01-01' }), asOf).verdict).toBe('INELIGIBLE');
    expect(evaluateTrial(excl, profile({ birthDate: '1960-01-01' }), asOf).verdict).toBe('ELIGIBLE');
    expect(evaluateTrial(excl, profile({}), asOf).verdict).toBe('POTENTIALLY_ELIGIBLE');
  });

  it('uses age on the evaluation date (the 18th birthday counts)', () => {
    const adult = [criteria[0]!];
    expect(evaluateTrial(adult, profile({ birthDate: '2007-01-01' }), asOf).verdict).toBe('ELIGIBLE');
    expect(evaluateTrial(adult, profile({ birthDate: '2007-01-02' }), asOf).verdict).toBe('INELIGIBLE');
  });
});

describe('parseRule', () => {
  it.each([
    [{ fact: 'zodiac' }, '/r/fact'],
    [{ fact: 'ecog' }, '/r/max'],
    [{ fact: 'age' }, '/r'],
    [{ fact: 'age', min: '18' }, '/r/min'],
    [null, '/r'],
  ])('rejects %j at %s', (raw, pointer) => {
    expect(() => parseRule(raw, '/r')).toThrow(InvalidRuleError);
    try {
      parseRule(raw, '/r');
    } catch (e) {
      expect((e as InvalidRuleError).pointer).toBe(pointer);
    }
  });

  it('accepts well-formed leaves', () => {
    expect(parseRule({ fact: 'age', min: 18, max: 75 }, '/r')).toEqual({ fact: 'age', min: 18, max: 75 });
    expect(parseRule({ fact: 'ecog', max: 1 }, '/r')).toEqual({ fact: 'ecog', max: 1 });
  });
});
