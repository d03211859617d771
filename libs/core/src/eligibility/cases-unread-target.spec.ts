/**
 * A medication the drug catalog cannot read is reported, and does not make "no prior therapy of a target" unknown
 * (a feed sends every medication) — unless its text names the target: then it may have been that therapy.
 */
import { med } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const run = (rule: unknown, events: Ev[]): string => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;
const PRIOR = [med('VRd', '2021-01-01', '2021-06-01'), med('DPd', '2022-01-01', '2023-06-01')];

describe('an unread medication naming a target', () => {
  const blinded = [...PRIOR, med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-06-01')];

  it('"investigational BCMA bispecific (blinded)": prior BCMA therapy, BCMA bispecific and T-cell engager unknown; a BCMA CAR-T or a GPRC5D therapy not', () => {
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA' }, blinded)).toBe('UNKNOWN');
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, blinded)).toBe('UNKNOWN');
    expect(run({ fact: 'flag', name: 'priorBcmaDirected' }, blinded)).toBe('UNKNOWN');
    expect(run({ fact: 'flag', name: 'priorTCellEngager' }, blinded)).toBe('UNKNOWN');
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, blinded)).toBe('NOT_MET');
    expect(run({ fact: 'flag', name: 'priorBcmaCarT' }, blinded)).toBe('NOT_MET');
    expect(run({ fact: 'priorTargetTherapy', target: 'GPRC5D' }, blinded)).toBe('NOT_MET');
  });

  it('a text naming the target and no modality may be any of them', () => {
    const anti = [...PRIOR, med('anti-BCMA study drug', '2024-01-01', '2024-06-01')];
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'ADC' }, anti)).toBe('UNKNOWN');
    expect(run({ fact: 'flag', name: 'priorBcmaCarT' }, anti)).toBe('UNKNOWN');
  });

  it('an unread medication naming no target leaves them known', () => {
    const other = [...PRIOR, med('study drug XYZ-123', '2024-01-01', '2024-06-01')];
    expect(buildProfile(other, AS_OF).unmapped.length).toBeGreaterThan(0);
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA' }, other)).toBe('NOT_MET');
    expect(run({ fact: 'flag', name: 'priorBcmaDirected' }, other)).toBe('NOT_MET');
  });

  it('classExposed of the target class is unknown too; "BCMAxCD3 bispecific (blinded)" names BCMA', () => {
    expect(run({ fact: 'classExposed', class: 'BCMA_BISPECIFIC' }, blinded)).toBe('UNKNOWN');
    expect(run({ fact: 'classExposed', class: 'BCMA_CAR_T' }, blinded)).toBe('NOT_MET');
    const xcd3 = [...PRIOR, med('BCMAxCD3 bispecific (blinded)', '2024-01-01', '2024-06-01')];
    expect(run({ fact: 'priorTargetTherapy', target: 'BCMA' }, xcd3)).toBe('UNKNOWN');
    expect(run({ fact: 'classExposed', class: 'BCMA_BISPECIFIC' }, xcd3)).toBe('UNKNOWN');
  });

  it('the target read in research texts ("CD3xBCMA", "antiBCMA"), not where the text says it is not the target ("non-BCMA", "not BCMA")', () => {
    const read = (text: string) => run({ fact: 'priorTargetTherapy', target: 'BCMA' }, [...PRIOR, med(text, '2024-01-01', '2024-06-01')]);
    expect(['CD3xBCMA bispecific (blinded)', 'antiBCMA CAR-T', 'anti BCMA study drug', 'BCMA/CD3 bispecific'].map(read)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
    expect(['non-BCMA bispecific', 'GPRC5D bispecific (not BCMA)', 'BCMAT-7 kinase inhibitor'].map(read)).toEqual(['NOT_MET', 'NOT_MET', 'NOT_MET']);
  });
});

describe('a washout and an unread medication that may be of its scope', () => {
  const washout = (extra: Record<string, unknown>) => ({ fact: 'timeSince', event: 'lastDose', minDays: 28, ...extra });
  const course = (text: string, end: string | null) => [...PRIOR, med(text, '2025-01-01', end)];

  it('a blinded BCMA bispecific stopped 12 days ago: a BCMA-bispecific washout of 28 days is unknown (not met if it was one); 61 days ago, met', () => {
    expect(run(washout({ class: 'BCMA_BISPECIFIC' }), course('investigational BCMA bispecific (blinded)', '2025-05-20'))).toBe('UNKNOWN');
    expect(run(washout({ class: 'BCMA_BISPECIFIC' }), course('investigational BCMA bispecific (blinded)', '2025-04-01'))).toBe('MET');
    expect(run(washout({ class: 'BCMA_BISPECIFIC' }), PRIOR)).toBe('MET');
  });

  it('one still going on leaves it unknown; "within 28 days of a BCMA bispecific" is unknown too', () => {
    expect(run(washout({ class: 'BCMA_BISPECIFIC' }), course('BCMAxCD3 bispecific (blinded)', null))).toBe('UNKNOWN');
    expect(run({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_BISPECIFIC', maxDays: 28 }, course('BCMAxCD3 bispecific (blinded)', null))).toBe('UNKNOWN');
  });

  it('only in scope: another target, another modality, or a drug by name is not waited out for it', () => {
    const blinded = course('investigational BCMA bispecific (blinded)', '2025-05-20');
    expect(run(washout({ class: 'BCMA_CAR_T' }), blinded)).toBe('MET');
    expect(run(washout({ class: 'GPRC5D_BISPECIFIC' }), blinded)).toBe('MET');
    expect(run(washout({ class: 'PI' }), blinded)).toBe('MET');
    expect(run(washout({ drug: 'teclistamab' }), blinded)).toBe('MET');
  });

  it('any anti-myeloma therapy: a study drug or a named target may be one; a medication naming neither may not', () => {
    expect(run(washout({}), course('study drug XYZ-123', '2025-05-20'))).toBe('UNKNOWN');
    expect(run(washout({}), course('anti-GPRC5D agent (blinded)', '2025-05-20'))).toBe('UNKNOWN');
    expect(run(washout({}), course('chamomile tea extract', '2025-05-20'))).toBe('MET');
    expect(run(washout({}), course('study drug XYZ-123', '2025-04-01'))).toBe('MET');
  });

  it('a known later last dose decides without it', () => {
    const later = [med('VRd', '2021-01-01', '2021-06-01'), med('study drug XYZ-123', '2024-01-01', '2024-06-01'), med('DPd', '2024-07-01', '2025-05-25')];
    expect(run(washout({}), later)).toBe('NOT_MET');
  });

  it('the engine dates the unknown: met from the day 28 days after the unread course ended', () => {
    const rule = compileRule(washout({ class: 'BCMA_BISPECIFIC' }));
    const trace: unknown[] = [];
    const r = rule({ profile: buildProfile(course('investigational BCMA bispecific (blinded)', '2025-05-20'), AS_OF), asOf: AS_OF, trace: trace as never });
    expect(r).toMatchObject({ outcome: 'UNKNOWN', flipsOn: '2025-06-17', flipsTo: 'MET' });
    expect(trace).toEqual([expect.objectContaining({ outcome: 'UNKNOWN', actual: expect.stringContaining('"investigational BCMA bispecific (blinded)" 2025-01-01 to 2025-05-20'), missing: ['what the unread medication is'] })]);
  });

  it('a washout of N half-lives: the shorter is met once past minDays, unknown before; the longer stays unknown', () => {
    const hl = (combine: string, end: string) => run(washout({ class: 'BCMA_BISPECIFIC', halfLives: 5, combine }), course('investigational BCMA bispecific (blinded)', end));
    expect(hl('shorter', '2025-05-20')).toBe('UNKNOWN');
    expect(hl('shorter', '2025-04-01')).toBe('MET');
    expect(hl('longer', '2025-04-01')).toBe('UNKNOWN');
    expect(run(washout({ class: 'BCMA_BISPECIFIC', halfLives: 5, combine: 'longer' }), PRIOR)).toBe('MET');
  });
});
