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
