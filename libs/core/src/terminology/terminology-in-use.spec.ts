import { buildProfile } from '../patient/profile';
import { checkRuleDocument, compileRule } from '../eligibility/compile';
import { carT, demographics, lab, med } from '../testing/events';

/** The catalog and unit spellings as the profile and the rule compiler see them (they use this folder's modules). */
const AS_OF = '2025-06-01';
const outcome = (rule: unknown, profile: ReturnType<typeof buildProfile>): string => compileRule(rule)({ profile, asOf: AS_OF, trace: null }).outcome;

describe('unit spellings reach the profile and the rules', () => {
  const profile = buildProfile(
    [
      demographics('1955-01-01', 'female'),
      lab('2025-05-20', 'anc', 1500, 'cells/µL'),
      lab('2025-05-20', 'platelets', 75, 'x10^3/μL'),
      lab('2025-05-20', 'ast', 42, 'IU/L', { uln: 40 }),
      lab('2025-05-20', 'alt', 30, 'IU/L'),
      lab('2025-05-20', 'weight', 154, 'lbs'),
      lab('2025-05-21', 'LVEF', 55, '%'),
    ],
    AS_OF,
  );

  it('reads counts in cells/µL and x10^3/μL, enzymes in IU/L and weight in lbs', () => {
    expect(profile.unmapped).toEqual([]);
    expect(profile.labs.anc).toMatchObject({ value: 1.5, unit: '10*9/L' });
    expect(profile.labs.platelets).toMatchObject({ value: 75, unit: '10*9/L' });
    expect(profile.labs.ast).toMatchObject({ value: 42, unit: 'U/L', uln: 40 });
    expect(profile.labs.alt).toMatchObject({ value: 30, unit: 'U/L' });
    expect(profile.demographics.weightKg).toBeCloseTo(69.853, 3);
    expect(profile.labs.lvef).toMatchObject({ value: 55, unit: '%' });
  });

  it('compiles rules written in /µL and %, and compares in the catalog unit', () => {
    const ancRule = { fact: 'lab', name: 'anc', op: '>=', value: 1000, unit: '/µL' };
    expect(checkRuleDocument(ancRule)).toEqual([]);
    expect(outcome(ancRule, profile)).toBe('MET');
    expect(outcome({ ...ancRule, value: 2000, unit: 'cells/μL' }, profile)).toBe('NOT_MET');
    expect(outcome({ fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '×10⁹/L' }, profile)).toBe('MET');
    const lvefRule = { fact: 'lab', name: 'lvef', op: '>', value: 40, unit: '%' };
    expect(checkRuleDocument(lvefRule)).toEqual([]);
    expect(outcome(lvefRule, profile)).toBe('MET');
    expect(outcome({ fact: 'lab', name: 'circulatingPlasmaCellsAbsolute', op: '>', value: 2, unit: '×10^9/L' }, profile)).toBe('UNKNOWN');
  });
});

describe('drug spellings reach the lines of therapy', () => {
  it('counts subcutaneous daratumumab written with hyaluronidase as anti-CD38', () => {
    const profile = buildProfile([demographics('1955-01-01', 'male'), med('daratumumab / hyaluronidase', '2024-01-01', '2024-06-01'), med('daratumumab-hyaluronidase-fihj', '2024-06-02', null)], AS_OF);
    expect(profile.unmapped).toEqual([]);
    expect(profile.drugs.daratumumab?.exposed).toBe(true);
    expect(profile.classes.ANTI_CD38.exposed).toBe(true);
    expect(profile.drugs.hyaluronidase).toBeUndefined();
  });

  it('never opens a line for fludarabine, alone or with cyclophosphamide before CAR-T', () => {
    const profile = buildProfile(
      [
        demographics('1955-01-01', 'male'),
        med('VRd', '2022-01-01', '2022-12-01'),
        med('fludarabine', '2023-03-01', '2023-03-03'),
        med('Flu/Cy', '2024-03-10', '2024-03-12', { intent: 'lymphodepletion' }),
        carT('2024-03-15', 'cilta-cel'),
      ],
      AS_OF,
    );
    expect(profile.unmapped).toEqual([]);
    expect(profile.linesOfTherapy.count).toBe(2);
    expect(profile.linesOfTherapy.lines[1]).toMatchObject({ openedBy: 'car-t', start: '2024-03-10' });
    expect(profile.linesOfTherapy.lines.flatMap((l) => l.generics)).not.toContain('fludarabine');
    expect(profile.drugs.fludarabine).toBeUndefined();
  });
});
