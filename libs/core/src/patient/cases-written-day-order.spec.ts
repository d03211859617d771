/**
 * Records are ordered by the day written in them (the day every derived fact dates them by), then, within a day, an
 * untimed record before a timed one and timed ones by instant: "2025-05-19T23:30:00-05:00" is 05-20 in UTC but a
 * record of 05-19, before an untimed record of 05-20, whatever the offset's sign.
 */
import { event, lab, med, response } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const LATE_EVENING = '2025-05-19T23:30:00-05:00';

describe('the written day orders records, whatever the offset', () => {
  it('haemoglobin 7.0 late on 05-19 (-05:00) and 9.0 on 05-20 (untimed): the latest is 9.0 of 05-20', () => {
    const p = buildProfile([lab('2025-05-20', 'hemoglobin', 9.0, 'g/dL'), lab(LATE_EVENING, 'hemoglobin', 7.0, 'g/dL')], AS_OF);
    expect(p.labs.hemoglobin).toMatchObject({ value: 9.0, date: '2025-05-20' });
  });

  it('an ECOG and a reported response the same way', () => {
    const ecog = buildProfile([event('performance-status', '2025-05-20', { ecog: 1 }), event('performance-status', LATE_EVENING, { ecog: 3 })], AS_OF);
    expect(ecog.ecog).toMatchObject({ value: 1, date: '2025-05-20' });
    const resp = buildProfile([med('DPd', '2025-01-01', null), response('2025-05-20', 'PR'), response(LATE_EVENING, 'PD')], AS_OF);
    expect(resp.disease.reportedResponse).toMatchObject({ category: 'PR', date: '2025-05-20' });
  });

  it('serum M-protein 0.8 late on 05-19 and 1.2 on 05-20: measurable by the 05-20 value', () => {
    const p = buildProfile([lab('2025-05-20', 'serumMProtein', 1.2, 'g/dL'), lab(LATE_EVENING, 'serumMProtein', 0.8, 'g/dL')], AS_OF);
    expect(p.disease.measurable.serum).toBe(true);
    expect(p.disease.measurable.values.serumMProtein).toMatchObject({ value: 1.2, date: '2025-05-20' });
  });

  it('within a day a timed value comes after an untimed one, with any offset (+09:00 is 05-19 in UTC)', () => {
    for (const at of ['2025-05-20T08:00:00+09:00', '2025-05-20T08:00:00-05:00', '2025-05-20T00:00:00Z']) {
      const p = buildProfile([lab(at, 'hemoglobin', 8.5, 'g/dL'), lab('2025-05-20', 'hemoglobin', 7.5, 'g/dL')], AS_OF);
      expect(p.labs.hemoglobin).toMatchObject({ value: 8.5 });
      expect(p.labs.hemoglobin!.sameTime).toBeUndefined();
    }
  });

  it('a rise confirmed late on 05-19 and on 05-20 dates the progression 05-19, its first assessment', () => {
    const p = buildProfile(
      [
        med('DPd', '2024-12-01', null),
        lab('2024-12-15', 'serumMProtein', 2.0, 'g/dL'),
        lab('2025-02-01', 'serumMProtein', 1.0, 'g/dL'),
        lab('2025-02-15', 'serumMProtein', 1.0, 'g/dL'),
        lab('2025-05-20', 'serumMProtein', 1.6, 'g/dL'),
        lab(LATE_EVENING, 'serumMProtein', 1.6, 'g/dL'),
      ],
      AS_OF,
    );
    expect(p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => x.date)).toEqual(['2025-05-19']);
  });
});

describe('a line ends the day before the next begins', () => {
  it('VRd to 06-30 and Kd from 06-30: line 1 ends 06-29', () => {
    const p = buildProfile([med('VRd', '2024-01-01', '2024-06-30', { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), response('2024-06-20', 'PD'), med('Kd', '2024-06-30', null)], '2024-09-01');
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.end])).toEqual([
      ['2024-01-01', '2024-06-29'],
      ['2024-06-30', null],
    ]);
  });
});
