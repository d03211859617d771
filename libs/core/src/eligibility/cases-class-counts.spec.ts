/**
 * Counts of drugs in a class (domain.md §2: quad-refractory is ambiguous, "compute counts, never the label"): `minDrugs`
 * on classRefractory and classExposed. MAMMOTH's quad-refractory: anti-CD38 + (2 PIs + 1 IMiD) or (1 PI + 2 IMiDs).
 */
import { med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const run = (rule: unknown, events: Ev[]): string => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;
const refractoryTo = (...drugs: string[]): Ev[] => drugs.flatMap((d, i) => [med(d === 'lenalidomide' ? 'Rd' : d, `202${i}-01-01`, `202${i}-06-01`), response(`202${i}-05-20`, 'PD')]);
const quad = {
  all: [
    { fact: 'classRefractory', class: 'ANTI_CD38' },
    { any: [{ all: [{ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] }, { all: [{ fact: 'classRefractory', class: 'PI' }, { fact: 'classRefractory', class: 'IMID', minDrugs: 2 }] }] },
  ],
};

describe('minDrugs', () => {
  it('refractory to bortezomib and carfilzomib: ≥2 PIs met; to bortezomib only: not met', () => {
    expect(run({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, refractoryTo('bortezomib', 'carfilzomib'))).toBe('MET');
    expect(run({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, refractoryTo('bortezomib', 'lenalidomide'))).toBe('NOT_MET');
  });

  it('a second PI given but not yet assessed: unknown', () => {
    expect(run({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, [...refractoryTo('bortezomib'), med('carfilzomib', '2025-04-01', null)])).toBe('UNKNOWN');
  });

  it('MAMMOTH quad-refractory: daratumumab + bortezomib + carfilzomib + lenalidomide met; daratumumab + bortezomib + lenalidomide + pomalidomide met; daratumumab + bortezomib + lenalidomide not', () => {
    expect(run(quad, refractoryTo('daratumumab', 'bortezomib', 'carfilzomib', 'lenalidomide'))).toBe('MET');
    expect(run(quad, refractoryTo('daratumumab', 'bortezomib', 'lenalidomide', 'pomalidomide'))).toBe('MET');
    expect(run(quad, refractoryTo('daratumumab', 'bortezomib', 'lenalidomide'))).toBe('NOT_MET');
  });

  it('exposure counts too: exposed to two IMiDs', () => {
    expect(run({ fact: 'classExposed', class: 'IMID', minDrugs: 2 }, [med('thalidomide', '2020-01-01', '2020-03-01'), med('lenalidomide', '2021-01-01', '2021-03-01')])).toBe('MET');
    expect(run({ fact: 'classExposed', class: 'IMID', minDrugs: 2 }, [med('lenalidomide', '2021-01-01', '2021-03-01')])).toBe('NOT_MET');
  });

  it('refused: below 1, not whole, or with minDays', () => {
    expect(() => compileRule({ fact: 'classRefractory', class: 'PI', minDrugs: 0 })).toThrow(/minDrugs/);
    expect(() => compileRule({ fact: 'classExposed', class: 'PI', minDrugs: 1.5 })).toThrow(/minDrugs/);
    expect(() => compileRule({ fact: 'classExposed', class: 'PI', minDrugs: 2, minDays: 28 })).toThrow(/minDrugs/);
  });
});
