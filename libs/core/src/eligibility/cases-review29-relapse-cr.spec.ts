/** rev29: relapse from CR's clinical signs (profile.ts clinicalSignsSince) against domain.md §4. */
import { lab, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';

const AS_OF = '2024-12-01';

describe('rev29 relapse from CR: the creatinine rise is "from start of therapy" (domain.md §4)', () => {
  it('creatinine 3.5 at the start of therapy, 1.2 at CR, 3.3 later: no rise of 2 mg/dL from the start of therapy, no relapse from CR', () => {
    const events = [
      lab('2023-01-05', 'creatinine', 3.5, 'mg/dL'),
      med('DRd', '2023-01-10', null),
      lab('2023-08-25', 'creatinine', 1.2, 'mg/dL'),
      response('2023-09-01', 'CR'),
      response('2023-11-01', 'CR'),
      lab('2024-04-01', 'creatinine', 3.3, 'mg/dL'),
    ];
    const p = buildProfile(events, AS_OF);
    // The same line, read as a line (from its start): no creatinine rise.
    expect((p.disease.clinicalRelapse ?? []).filter((c) => c.kind === 'creatinine-rise')).toEqual([]);
    expect(p.disease.relapseFromCr).toBeNull();
  });
});
