/**
 * A regimen given over fewer than `minLineDays` days and replaced within the grouping window joins the line that
 * follows (a line is at least one complete cycle, Rajkumar 2015): measured by its own doses, so dexamethasone going on
 * into the next regimen, or a dose of the next regimen's first day, does not make it a line.
 */
import { med, response } from '../testing/events';
import { buildProfile } from './profile';

type Ev = Parameters<typeof buildProfile>[0][number];
const starts = (events: Ev[]) => buildProfile(events, '2020-01-01').linesOfTherapy.lines.map((l) => l.start);
const induction = (dex: Ev[]): Ev[] => [
  med('lenalidomide', '2019-03-01', '2019-03-10'),
  med('bortezomib', '2019-03-01', '2019-03-01'),
  med('bortezomib', '2019-03-04', '2019-03-04'),
  med('bortezomib', '2019-03-08', '2019-03-08'),
  ...dex,
  med('cyclophosphamide', '2019-03-20', '2019-07-15'),
  med('bortezomib', '2019-03-20', '2019-07-15'),
];

describe('a regimen of under one cycle, with dexamethasone going on', () => {
  it('dexamethasone continuous from VRd into VCd: one line, as with dexamethasone paused between them', () => {
    expect(starts(induction([med('dexamethasone', '2019-03-01', '2019-07-15')]))).toEqual(['2019-03-01']);
    expect(starts(induction([med('dexamethasone', '2019-03-01', '2019-03-10'), med('dexamethasone', '2019-03-20', '2019-07-15')]))).toEqual(['2019-03-01']);
  });

  it('a bortezomib dose on the first day of VCd sorted into the regimen before it does not lengthen it', () => {
    const events = [...induction([med('dexamethasone', '2019-03-01', '2019-07-15')]), med('bortezomib', '2019-03-20', '2019-03-20')];
    expect(starts(events)).toEqual(['2019-03-01']);
    expect(buildProfile(events, '2020-01-01').linesOfTherapy.lines[0]!.reviewFlags.join(' ')).toMatch(/under one cycle/);
  });

  it('a regimen of 14 days or more stays a line of its own, whatever the steroid', () => {
    const long = [med('lenalidomide', '2019-03-01', '2019-03-16'), med('bortezomib', '2019-03-01', '2019-03-15'), med('dexamethasone', '2019-03-01', '2019-07-15'), med('cyclophosphamide', '2019-03-20', '2019-07-15'), med('bortezomib', '2019-03-20', '2019-07-15')];
    expect(starts(long)).toEqual(['2019-03-01', '2019-03-20']);
  });
});

describe('a regimen of under one cycle whose course runs on to the next regimen’s first day', () => {
  it('VRd from d0, lenalidomide to d13 and DRd from d13: 13 days (to the day before), one line; to d13 with DRd from d14 is 14 days, two', () => {
    const starts = (events: Ev[]) => buildProfile(events, '2025-01-01').linesOfTherapy.lines.map((l) => l.start);
    const vrd = (lenEnd: string): Ev[] => [med('bortezomib', '2024-01-01', '2024-01-13'), med('dexamethasone', '2024-01-01', '2024-01-13'), med('lenalidomide', '2024-01-01', lenEnd)];
    expect(starts([...vrd('2024-01-14'), med('DRd', '2024-01-14', '2024-06-30')])).toEqual(['2024-01-01']);
    expect(starts([...vrd('2024-01-14'), med('DRd', '2024-01-15', '2024-06-30')])).toEqual(['2024-01-01', '2024-01-15']);
  });
});

describe('a dexamethasone lead-in', () => {
  const starts = (events: Ev[]) => buildProfile(events, '2025-01-01').linesOfTherapy.lines.map((l) => l.start);
  it('is joined by the regimen that follows within the window, unless a response was recorded on it: then it is a line of its own', () => {
    const dex = med('dexamethasone', '2024-01-01', '2024-01-21');
    const vrd = med('VRd', '2024-01-22', '2024-06-30');
    expect(starts([dex, vrd])).toEqual(['2024-01-01']);
    expect(starts([dex, response('2024-01-11', 'PR'), response('2024-01-19', 'PR'), vrd])).toEqual(['2024-01-01', '2024-01-22']);
    // Stable disease is no response: the lead-in is joined.
    expect(starts([dex, response('2024-01-11', 'SD'), response('2024-01-19', 'SD'), vrd])).toEqual(['2024-01-01']);
  });
});
