/**
 * ISS (Greipp, JCO 2005) and R-ISS (Palumbo, JCO 2015) as domain.md §6 gives them, hand-derived: ISS I β2M < 3.5 mg/L
 * and albumin ≥ 3.5 g/dL, III β2M ≥ 5.5 mg/L, II neither; R-ISS I = ISS I + no del(17p)/t(4;14)/t(14;16) + LDH ≤ ULN,
 * III = ISS III + (high-risk FISH or LDH > ULN), II all others. Screening day 2025-06-01.
 */
import { compileRule } from '../eligibility/compile';
import { proposeRule } from '../eligibility/propose';
import { event, lab, med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const b2m = (date: string, v: number) => lab(date, 'beta-2 microglobulin', v, 'mg/L');
const albumin = (date: string, v: number, unit = 'g/dL') => lab(date, 'albumin', v, unit);
const ldh = (date: string, v: number, uln?: number) => lab(date, 'ldh', v, 'U/L', uln === undefined ? {} : { uln });
const fish = (date: string, abnormality: string, result: 'detected' | 'not-detected', percentCells?: number) =>
  event('cytogenetics', date, { abnormality, result, ...(percentCells === undefined ? {} : { percentCells }) });
const standardFish = (date: string) => [fish(date, 'del(17p)', 'not-detected'), fish(date, 't(4;14)', 'not-detected'), fish(date, 't(14;16)', 'not-detected')];
const current = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).staging!.current;
const outcome = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;

describe('ISS', () => {
  it.each([
    ['β2M 3.4, albumin 3.5: I', [b2m('2025-05-01', 3.4), albumin('2025-05-01', 3.5)], 1],
    ['β2M 3.4, albumin 3.4: II', [b2m('2025-05-01', 3.4), albumin('2025-05-01', 3.4)], 2],
    ['β2M 3.5 (not below 3.5), albumin 4.0: II', [b2m('2025-05-01', 3.5), albumin('2025-05-01', 4.0)], 2],
    ['β2M 5.4: II', [b2m('2025-05-01', 5.4), albumin('2025-05-01', 4.0)], 2],
    ['β2M 5.5: III whatever the albumin', [b2m('2025-05-01', 5.5), albumin('2025-05-01', 4.5)], 3],
    ['β2M 6.0, no albumin: III', [b2m('2025-05-01', 6.0)], 3],
    ['albumin in g/L (35 g/L = 3.5 g/dL): I', [b2m('2025-05-01', 2.0), albumin('2025-05-01', 35, 'g/L')], 1],
  ])('%s', (_name, events, stage) => {
    expect(current(...events).iss).toMatchObject({ stage, possible: [stage] });
  });

  it('is the stages still possible when a value is missing, and says what would settle it', () => {
    expect(current(b2m('2025-05-01', 2.0)).iss).toMatchObject({ stage: null, possible: [1, 2], missing: ['albumin within the last 60 days'] });
    expect(current(albumin('2025-05-01', 3.0)).iss).toMatchObject({ stage: null, possible: [2, 3], missing: ['β2-microglobulin within the last 60 days'] });
    expect(current().iss).toMatchObject({ stage: null, possible: [1, 2, 3], missing: ['β2-microglobulin within the last 60 days', 'albumin within the last 60 days'] });
    // Now reads the last 60 days only: a β2M of 2022 stages nothing today.
    expect(current(b2m('2022-12-20', 6.2)).iss).toMatchObject({ stage: null, possible: [1, 2, 3] });
  });
});

describe('R-ISS', () => {
  it.each([
    ['ISS I, standard-risk FISH, LDH ≤ ULN: I', [b2m('2025-05-01', 2.0), albumin('2025-05-01', 4.0), ldh('2025-05-01', 200, 250), ...standardFish('2025-05-01')], 1],
    ['ISS I with LDH > ULN: II', [b2m('2025-05-01', 2.0), albumin('2025-05-01', 4.0), ldh('2025-05-01', 300, 250), ...standardFish('2025-05-01')], 2],
    ['ISS I with t(4;14): II', [b2m('2025-05-01', 2.0), albumin('2025-05-01', 4.0), ldh('2025-05-01', 200, 250), fish('2025-05-01', 't(4;14)', 'detected', 40)], 2],
    ['ISS III with del(17p) in 60%: III', [b2m('2025-05-01', 7.0), ldh('2025-05-01', 200, 250), fish('2025-05-01', 'del(17p)', 'detected', 60)], 3],
    ['ISS III with del(17p) in 15% (under the 20% cut-off) and the rest standard, LDH normal: II', [b2m('2025-05-01', 7.0), ldh('2025-05-01', 200, 250), fish('2025-05-01', 'del(17p)', 'detected', 15), fish('2025-05-01', 't(4;14)', 'not-detected'), fish('2025-05-01', 't(14;16)', 'not-detected')], 2],
    ['ISS III, standard-risk FISH, LDH > ULN: III', [b2m('2025-05-01', 7.0), ldh('2025-05-01', 400, 250), ...standardFish('2025-05-01')], 3],
    ['ISS II: II whatever else', [b2m('2025-05-01', 4.0), albumin('2025-05-01', 4.0)], 2],
    ['ISS I or II (no albumin) with high-risk FISH: II', [b2m('2025-05-01', 2.0), fish('2025-05-01', 't(14;16)', 'detected', 30)], 2],
  ])('%s', (_name, events, stage) => {
    expect(current(...events).riss).toMatchObject({ stage });
  });

  it('leaves the stage open between the stages possible, naming what is missing', () => {
    // ISS III, standard FISH, LDH without its ULN: II or III.
    const noUln = current(b2m('2025-05-01', 7.0), ldh('2025-05-01', 400), ...standardFish('2025-05-01')).riss;
    expect(noUln).toMatchObject({ stage: null, possible: [2, 3], missing: ['LDH with its ULN within the last 60 days'] });
    // ISS I, LDH normal, FISH not done: I or II.
    expect(current(b2m('2025-05-01', 2.0), albumin('2025-05-01', 4.0), ldh('2025-05-01', 200, 250)).riss).toMatchObject({ stage: null, possible: [1, 2] });
  });
});

describe('at diagnosis and now', () => {
  const history = [
    b2m('2022-12-20', 6.2), albumin('2022-12-20', 3.0), ldh('2022-12-20', 180, 250), fish('2023-01-20', 'del(17p)', 'detected', 45),
    med('VRd', '2023-01-05', '2023-07-01'),
    b2m('2025-05-01', 2.1), albumin('2025-05-01', 4.1), ldh('2025-05-01', 190, 250),
  ];

  it('with no line yet, at diagnosis is the latest values of any age (now, the last 60 days only)', () => {
    const s = buildProfile([b2m('2025-02-20', 6.1), albumin('2025-02-20', 3.0)], AS_OF).staging!;
    expect([s.atDiagnosis.iss.stage, s.current.iss.stage]).toEqual([3, null]);
  });

  it('at diagnosis takes the values up to the first line (FISH reported within 30 days of its start), now the latest', () => {
    const s = buildProfile(history, AS_OF).staging!;
    expect(s.atDiagnosis).toMatchObject({ on: '2023-01-05', iss: { stage: 3 }, riss: { stage: 3 } });
    // Now: ISS I; the del(17p) found at diagnosis is the latest FISH: R-ISS II.
    expect(s.current).toMatchObject({ on: AS_OF, iss: { stage: 1 }, riss: { stage: 2 } });
  });

  it('does not take values older than 90 days before the first line as the ones at diagnosis', () => {
    const s = buildProfile([b2m('2022-09-01', 6.2), albumin('2022-09-01', 3.0), med('VRd', '2023-01-05', null)], AS_OF).staging!;
    expect(s.atDiagnosis.iss).toMatchObject({ stage: null, missing: ['β2-microglobulin within 90 days before the first line', 'albumin within 90 days before the first line'] });
  });

  it('is a criterion: stage one of a list, unknown while the stages possible straddle it', () => {
    const rissIII = { fact: 'stage', system: 'riss', at: 'diagnosis', stages: [3] };
    expect(outcome(rissIII, history)).toBe('MET');
    expect(outcome({ ...rissIII, at: 'current' }, history)).toBe('NOT_MET');
    expect(outcome({ fact: 'stage', system: 'iss', at: 'current', stages: [1, 2] }, history)).toBe('MET');
    expect(outcome({ fact: 'stage', system: 'iss', at: 'current', stages: [1] }, [b2m('2025-05-01', 2.0)])).toBe('UNKNOWN');
    expect(outcome({ fact: 'stage', system: 'iss', at: 'current', stages: [3] }, [b2m('2025-05-01', 2.0)])).toBe('NOT_MET');
    expect(() => compileRule({ fact: 'stage', system: 'iss', at: 'current', stages: [4] })).toThrow(/stages/);
    expect(() => compileRule({ fact: 'stage', system: 'iss', stages: [1] })).toThrow(/at/);
  });
});

describe('drafting a stage criterion from its text', () => {
  it.each([
    ['R-ISS stage III at diagnosis', { fact: 'stage', system: 'riss', at: 'diagnosis', stages: [3] }],
    ['ISS stage I or II', { fact: 'stage', system: 'iss', at: 'current', stages: [1, 2] }],
    ['ISS stage II-III', { fact: 'stage', system: 'iss', at: 'current', stages: [2, 3] }],
    ['Revised International Staging System (R-ISS) stage 1', { fact: 'stage', system: 'riss', at: 'current', stages: [1] }],
    ['ISS stage I/II', { fact: 'stage', system: 'iss', at: 'current', stages: [1, 2] }],
    ['ISS stage II or higher', { fact: 'stage', system: 'iss', at: 'current', stages: [2, 3] }],
    ['R-ISS stage III at the time of diagnosis', { fact: 'stage', system: 'riss', at: 'diagnosis', stages: [3] }],
    ['ISS stage III-I', { fact: 'unknownText', reason: 'not parsed: review the text' }],
    ['ISS stage I, II, or III', { fact: 'stage', system: 'iss', at: 'current', stages: [1, 2, 3] }],
  ])('%s', (text, rule) => {
    expect(proposeRule(text).rule).toEqual(rule);
  });
});

describe('values of one time that disagree', () => {
  it('β2M 3.0 and 6.0 at one time, albumin 4.0: ISS I or III, not known; "ISS III" unknown; "ISS I, II or III" met', () => {
    const events = [b2m('2025-05-20', 3.0), b2m('2025-05-20', 6.0), albumin('2025-05-20', 4.0)];
    expect(current(...events).iss).toMatchObject({ stage: null, possible: [1, 3], missing: ['β2-microglobulin again (the values of 2025-05-20 disagree)'] });
    expect(outcome({ fact: 'stage', system: 'iss', at: 'current', stages: [3] }, events)).toBe('UNKNOWN');
    expect(outcome({ fact: 'stage', system: 'iss', at: 'current', stages: [1, 2, 3] }, events)).toBe('MET');
  });

  it('values that agree on the stage decide it (β2M 6.0 and 7.0: III); LDH 200 and 300 with ULN 250: R-ISS open between II and III', () => {
    expect(current(b2m('2025-05-20', 6.0), b2m('2025-05-20', 7.0), albumin('2025-05-20', 4.0)).iss.stage).toBe(3);
    const riss = current(b2m('2025-05-20', 6.0), albumin('2025-05-20', 4.0), ldh('2025-05-20', 200, 250), ldh('2025-05-20', 300, 250), ...standardFish('2025-05-01')).riss;
    expect(riss).toMatchObject({ stage: null, possible: [2, 3] });
  });
});
