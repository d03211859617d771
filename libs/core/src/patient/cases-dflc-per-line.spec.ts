/**
 * dFLC is the measure of progression when serum and urine M-protein are not measurable (IMWG 2016, domain.md §4):
 * judged per line, at its baseline as the response is, so a patient measurable by urine at diagnosis whose disease
 * comes back as light chains only progresses by dFLC in that later line.
 */
import { diagnosis, lab, med } from '../testing/events';
import { buildProfile } from './profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const day = (d: string, v: { s?: number; u?: number; k: number; l: number }): Ev[] => [
  ...(v.s !== undefined ? [lab(d, 'serum m-protein', v.s, 'g/dL')] : []),
  ...(v.u !== undefined ? [lab(d, 'urine m-protein', v.u, 'mg/24h')] : []),
  lab(d, 'free kappa', v.k, 'mg/L'),
  lab(d, 'free lambda', v.l, 'mg/L'),
];
/** κ light-chain myeloma measurable by urine at diagnosis; line 2 (DPd, no stop reason) from a baseline with urine `u2`. */
const history = (u2: number): Ev[] => [
  diagnosis('2018-03-01', 'none', 'kappa'),
  ...day('2018-03-10', { s: 0, u: 1400, k: 1850, l: 6 }),
  med('VRd', '2018-03-15', '2018-09-15'),
  ...day('2018-05-10', { s: 0, u: 150, k: 90, l: 9 }),
  ...day('2018-07-10', { s: 0, u: 0, k: 22, l: 10 }),
  ...day('2018-09-10', { s: 0, u: 0, k: 20, l: 10 }),
  ...day('2021-05-18', { s: 0, u: u2, k: 340, l: 9 }),
  med('DPd', '2021-05-20', '2022-02-25'),
  ...day('2021-07-20', { s: 0, u: 40, k: 120, l: 10 }),
  ...day('2021-09-20', { s: 0, u: 30, k: 100, l: 10 }),
  ...day('2021-11-20', { s: 0, u: 30, k: 95, l: 10 }),
  // dFLC 85 → 195 and 250 mg/L: +11 mg/dL and more, over 25 %, confirmed.
  ...day('2022-01-20', { s: 0, u: 40, k: 205, l: 10 }),
  ...day('2022-02-20', { s: 0, u: 50, k: 260, l: 10 }),
];
const AS_OF = '2022-06-01';
const computed = (events: Ev[]) => buildProfile(events, AS_OF).disease.progressions.filter((p) => p.source !== 'reported').map((p) => `${p.source}@${p.date}`);

describe('dFLC progression per line', () => {
  it('urine 150 mg/24 h at line 2 baseline (not measurable): the dFLC rise on DPd is progression, and daratumumab refractory', () => {
    expect(computed(history(150))).toEqual(['dflc@2022-01-20']);
    const p = buildProfile(history(150), AS_OF);
    expect(p.drugs.daratumumab!.refractory).toBe(true);
    expect(p.drugs.pomalidomide!.refractory).toBe(true);
  });

  it('urine 250 mg/24 h at line 2 baseline (measurable): urine is the measure there, and the dFLC rise is not progression', () => {
    expect(computed(history(250))).toEqual([]);
  });

  it('line 1, measurable by urine at its baseline: a dFLC rise in it is not progression', () => {
    const rise = [...history(150).filter((e) => e.occurredAt < '2021-01-01'), ...day('2019-03-10', { s: 0, u: 0, k: 160, l: 10 }), ...day('2019-04-10', { s: 0, u: 0, k: 200, l: 10 })];
    expect(computed(rise.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1)))).toEqual([]);
  });
});
