/**
 * rev31: ISS provenance names an albumin that did not decide the stage. With β2M ≥ 3.5 mg/L the ISS stage is II or III
 * whatever the albumin (staging.ts issOf), and the basis rightly leaves the albumin out, but `stage()` takes the
 * provenance from [b2m, albumin] unconditionally (staging.ts, `stage(issPossible, …, [b2m, albumin])`).
 * clinical-core.md: "each with its basis and provenance"; domain.md §8: keep provenance for every derived status.
 */
import { lab } from '../testing/events';
import { buildProfile } from './profile';

describe('rev31 staging: provenance names the records the stage rests on', () => {
  it('β2M 6.0 mg/L and albumin 4.0 g/dL: ISS III from the β2M alone; the albumin is not its provenance', () => {
    const b2m = { ...lab('2025-05-20', 'beta-2 microglobulin', 6.0, 'mg/L'), eventId: 'b2m' };
    const alb = { ...lab('2025-05-20', 'albumin', 4.0, 'g/dL'), eventId: 'alb' };
    const p = buildProfile([b2m, alb], '2025-06-01');
    const iss = p.staging!.current.iss;
    expect(iss.stage).toBe(3);
    expect(iss.basis).not.toMatch(/albumin/);
    expect(iss.provenance).toEqual(['b2m']);
  });
});
