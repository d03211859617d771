import { catalogAction } from './seed';

const at = (version: number, digest: string) => ({ version, digest });

describe('catalogAction: which catalog documents the embedded seed publishes on start', () => {
  it('publishes a trial the matcher does not have', () => {
    expect(catalogAction(undefined, null, 'd1')).toBe('publish');
  });

  it('keeps a trial whose file is what the seed published, or what the latest version already is', () => {
    expect(catalogAction({ version: 1, digest: 'd1' }, at(1, 'd1'), 'd1')).toBe('keep');
    // A sponsor's later version, file unchanged: nothing to do, nothing to say.
    expect(catalogAction({ version: 1, digest: 'd1' }, at(3, 'dx'), 'd1')).toBe('keep');
    // The seed published it but stopped before keeping its record.
    expect(catalogAction({ version: 1, digest: 'd1' }, at(2, 'd2'), 'd2')).toBe('keep');
  });

  it('publishes a changed file when nobody has published the trial since the seed did', () => {
    expect(catalogAction({ version: 2, digest: 'd1' }, at(2, 'd1'), 'd2')).toBe('publish');
  });

  it("never overwrites a version published after the seed's", () => {
    expect(catalogAction({ version: 1, digest: 'd1' }, at(2, 'dx'), 'd2')).toBe('published-since');
  });

  it('a data directory from before the record: version 1 was the seed, later ones are left', () => {
    expect(catalogAction(undefined, at(1, 'd1'), 'd1')).toBe('keep');
    expect(catalogAction(undefined, at(1, 'd1'), 'd2')).toBe('publish');
    expect(catalogAction(undefined, at(2, 'dx'), 'd2')).toBe('published-since');
  });
});
