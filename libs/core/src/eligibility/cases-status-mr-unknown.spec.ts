/**
 * IMWG 2011 disease status (domain.md §1): primary refractory "never achieved MR or better with any therapy",
 * relapsed and refractory "achieved ≥MR at some point before progressing", relapsed "meets neither". A progression
 * alone says nothing of a response before it: with no other assessment on record, the three are unknown, not decided.
 * Refractory to the last line when that line is a transplant alone: PD within 60 days of the last therapy (§1, §3:
 * each SCT beyond a planned tandem is a line).
 */
import { med, response, sct } from '../testing/events';
import { outcome, profileOf } from './condition-cases';

const flag = (name: string) => ({ fact: 'flag', name });
const STATUS = ['primaryRefractory', 'relapsedAndRefractory', 'relapsed'];

describe('whether MR or better was ever reached is not on record', () => {
  const statusOf = (p: ReturnType<typeof profileOf>) => Object.fromEntries(STATUS.map((name) => [name, outcome(flag(name), p)]));

  it('Rd with a single reported PD and no other assessment: primary refractory or relapsed and refractory, not known which; not relapsed (on therapy)', () => {
    const p = profileOf([med('Rd', '2023-01-01', null), response('2023-09-01', 'PD')]);
    expect(p.disease.mrEverKnown).toBe(false);
    expect(statusOf(p)).toEqual({ primaryRefractory: 'UNKNOWN', relapsedAndRefractory: 'UNKNOWN', relapsed: 'NOT_MET' });
  });

  it('the same fact recorded as a course stopped for progression: the same answer', () => {
    const p = profileOf([med('Rd', '2023-01-01', '2023-09-01', { reasonStopped: 'progression' })]);
    expect(statusOf(p)).toEqual({ primaryRefractory: 'UNKNOWN', relapsedAndRefractory: 'UNKNOWN', relapsed: 'NOT_MET' });
  });

  it('a progression long after an unassessed course: relapsed or primary refractory, not known which; not relapsed and refractory', () => {
    const p = profileOf([med('Rd', '2023-01-01', '2023-06-30'), response('2024-01-01', 'PD')]);
    expect(statusOf(p)).toEqual({ primaryRefractory: 'UNKNOWN', relapsedAndRefractory: 'NOT_MET', relapsed: 'UNKNOWN' });
  });

  it('with a stable disease on record before the progression, never MR is known: primary refractory', () => {
    const p = profileOf([med('Rd', '2023-01-01', null), response('2023-04-01', 'SD'), response('2023-09-01', 'PD')]);
    expect(p.disease.mrEverKnown).toBe(true);
    expect(outcome(flag('primaryRefractory'), p)).toBe('MET');
    expect(outcome(flag('relapsedAndRefractory'), p)).toBe('NOT_MET');
  });

  it('a partial response before the progression: relapsed and refractory, not primary refractory', () => {
    const p = profileOf([med('Rd', '2023-01-01', null), response('2023-04-01', 'PR'), response('2023-09-01', 'PD')]);
    expect(outcome(flag('relapsedAndRefractory'), p)).toBe('MET');
    expect(outcome(flag('primaryRefractory'), p)).toBe('NOT_MET');
    expect(outcome(flag('relapsed'), p)).toBe('NOT_MET');
  });
});

describe('a last line that is a transplant alone', () => {
  const history = [med('VRd', '2022-01-01', '2022-06-01'), sct('2022-07-01'), response('2022-10-01', 'VGPR'), response('2024-01-01', 'PD'), sct('2024-02-15')];

  it('PD 34 days after a salvage ASCT: refractory to the last line', () => {
    const p = profileOf([...history, response('2024-03-20', 'PD')]);
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.flags.refractoryToLastLine).toBe(true);
    expect(outcome(flag('refractoryToLastLine'), p)).toBe('MET');
    expect(outcome(flag('relapsedAndRefractory'), p)).toBe('MET');
  });

  it('PD 90 days after it: not refractory to it', () => {
    const p = profileOf([...history, response('2024-05-15', 'PD')]);
    expect(p.flags.refractoryToLastLine).toBe(false);
  });
});
