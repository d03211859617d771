/**
 * neuropathyType, from domain.md §7 ("exclude ongoing grade ≥3 sensory or motor neuropathy and any history of
 * grade ≥3 motor polyneuropathy") and docs/criteria-language.md ("record status: absent to say it was assessed
 * and is not present"; "a record of no type … may count or not, and the outcome is unknown when it would differ").
 */
import { neuropathy, profileOf, outcome } from './condition-cases';

const ongoingSensory = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' };
const historyMotor = { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true };

describe('held', () => {
  it.each([
    ['history motor: untyped G3 2020, motor G1 now → unknown', historyMotor, [neuropathy('2020-01-01', 'active', 3), neuropathy('2021-01-01', 'resolved', null), neuropathy('2025-05-01', 'active', 1, 'motor')], 'UNKNOWN'],
    ['history motor: sensory G3 2020, absent 2025 → not met', historyMotor, [neuropathy('2020-01-01', 'active', 3, 'sensory'), neuropathy('2025-05-01', 'absent', null)], 'NOT_MET'],
    ['history motor: mixed G3 2018, absent 2019 → met', historyMotor, [neuropathy('2018-01-01', 'active', 3, 'mixed'), neuropathy('2019-01-01', 'absent', null)], 'MET'],
    ['history motor: motor ungraded, then motor G1 → unknown', historyMotor, [neuropathy('2020-01-01', 'active', null, 'motor'), neuropathy('2025-01-01', 'active', 1, 'motor')], 'UNKNOWN'],
    ['history motor: motor G3 reported as past → met', historyMotor, [neuropathy('2020-01-01', 'history', 3, 'motor')], 'MET'],
    ['ongoing sensory: sensory G3 then mixed G1 → not met', ongoingSensory, [neuropathy('2025-01-01', 'active', 3, 'sensory'), neuropathy('2025-05-01', 'active', 1, 'mixed')], 'NOT_MET'],
    ['ongoing sensory: sensory G3 then sensory absent → not met', ongoingSensory, [neuropathy('2025-01-01', 'active', 3, 'sensory'), neuropathy('2025-05-01', 'absent', null, 'sensory')], 'NOT_MET'],
  ] as const)('%s', (_, rule, events, expected) => {
    expect(outcome(rule, profileOf([...events]))).toBe(expected);
  });
});

describe('DEFECTS', () => {
  it('an "absent" record (assessed, no neuropathy of any type) after an ongoing sensory G3: not met', () => {
    // actual UNKNOWN: the absent record has no type, so it is read as "maybe not sensory" and skipped
    const p = profileOf([neuropathy('2025-01-01', 'active', 3, 'sensory'), neuropathy('2025-05-01', 'absent', null)]);
    expect(outcome({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }, p)).toBe('NOT_MET'); // the plain leaf agrees
    expect(outcome(ongoingSensory, p)).toBe('NOT_MET');
  });

  it('each untyped record may or may not be of the type: G3 (sensory?) then G1 (motor?) leaves ongoing sensory ≥3 possible → unknown', () => {
    // actual NOT_MET: only "all untyped records count" / "none count" are tried, not a mix
    const p = profileOf([neuropathy('2025-01-01', 'active', 3), neuropathy('2025-05-01', 'active', 1)]);
    expect(outcome(ongoingSensory, p)).toBe('UNKNOWN');
  });
});
