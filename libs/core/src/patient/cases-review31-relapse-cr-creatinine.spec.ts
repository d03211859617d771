/**
 * rev31: relapse from CR's creatinine rise (profile.ts clinicalSignsSince) keeps only the first creatinine rise of each
 * line (relapse.ts: the first of each sign per line) and then drops those on or before the CR: a rise before the CR
 * hides one after it. clinical-core.md relapseFromCr: "a clinical relapse sign ... so a sign of one kind before the CR
 * hides none after it"; domain.md §4 relapse from CR: "or other progression sign"; creatinine rise ≥2 mg/dL from the
 * start of therapy.
 */
import { lab, med, response } from '../testing/events';
import { buildProfile } from './profile';

const cr = (d: string, v: number) => lab(d, 'creatinine', v, 'mg/dL');

describe('rev31 relapse from CR: a creatinine rise before the CR hides none after it', () => {
  it('creatinine 1.0 at the start, 3.2 (recovered to 1.0) before CR, 3.5 after CR: relapse from CR on the later rise', () => {
    const p = buildProfile(
      [cr('2023-12-20', 1.0), med('VRd', '2024-01-01', null), cr('2024-02-01', 3.2), cr('2024-03-01', 1.0), response('2024-06-01', 'CR'), cr('2024-09-01', 3.5)],
      '2024-10-01',
    );
    expect(p.disease.relapseFromCr).toMatchObject({ crDate: '2024-06-01', date: '2024-09-01' });
    expect(p.disease.relapseFromCr!.basis).toMatch(/creatinine-rise/);
  });
});
