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

  it('counts the assignments received and tells listeners of every change', () => {
    const a = new PartitionAssignment('group');
    const seen: string[] = [];
    a.onChange(() => seen.push(`${a.assignments}:${a.topics().join(',')}:${String(a.owned('t'))}`));
    a.assign({ t: [1, 0] });
    a.revoke();
    a.assign({ t: [2] });
    expect(seen).toEqual(['1:t:0,1', '1::', '2:t:2']);
  });
});
