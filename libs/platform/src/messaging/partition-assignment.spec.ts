import { PartitionAssignment } from './partition-assignment';

describe('PartitionAssignment', () => {
  it('owns nothing in a group until the broker assigns, and nothing again while a rebalance is under way', () => {
    const a = new PartitionAssignment('group');
    expect(a.owned('patient-profiles.v1')).toEqual([]);
    a.assign({ 'patient-profiles.v1': [3, 0, 1] });
    expect(a.owned('patient-profiles.v1')).toEqual([0, 1, 3]);
    expect(a.owned('other')).toEqual([]);
    const v = a.version;
    a.revoke();
    expect(a.owned('patient-profiles.v1')).toEqual([]);
    expect(a.version).toBe(v + 1);
  });

  it('owns everything without partitions (embedded mode)', () => {
    const a = new PartitionAssignment('all');
    a.revoke();
    a.assign({ t: [1] });
    expect(a.owned('t')).toBe('all');
  });
});
