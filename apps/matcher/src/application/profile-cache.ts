import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PatientProfile } from '@trialmatch/core';
import type { StoredProfile } from './evaluate-profile';
import { MatcherMetrics } from '../matcher.metrics';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';

/**
 * Parsed profiles of this instance's patients, each with the version it is, so a re-screen reads
 * from the database only the (small) version column of a page and fetches and parses a stored
 * profile only when the cache does not hold that exact version. The database stays the truth: an
 * entry is used only when its version equals the stored one, so an entry from a rolled-back
 * transaction or from before a rebalance is simply never used. Beyond MATCHER_PROFILE_CACHE_SIZE the
 * entries stored longest ago go first (0 turns the cache off).
 */
@Injectable()
export class ProfileCache {
  private readonly entries = new Map<string, { version: number; profile: PatientProfile }>();

  constructor(
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
    private readonly metrics: MatcherMetrics,
  ) {}

  /** The profile if the cache holds exactly this version. */
  get(pseudonym: string, version: number): PatientProfile | undefined {
    const e = this.entries.get(pseudonym);
    if (!e || e.version !== version) {
      this.metrics.profileCache.inc({ outcome: 'miss' });
      return undefined;
    }
    this.metrics.profileCache.inc({ outcome: 'hit' });
    return e.profile;
  }

  /** Holds a profile version (a newer one than held, or the one the database has). */
  put(pseudonym: string, version: number, profile: PatientProfile): void {
    if (this.settings.profileCacheSize === 0) return;
    const held = this.entries.get(pseudonym);
    if (held && held.version > version) return;
    this.entries.delete(pseudonym); // newest last
    this.entries.set(pseudonym, { version, profile });
    while (this.entries.size > this.settings.profileCacheSize) this.entries.delete(this.entries.keys().next().value!);
    this.metrics.profileCacheEntries.set(this.entries.size);
  }

  /**
   * Stored profiles from rows of their versions (read, and locked, by the caller): held ones from
   * memory, the others fetched in one statement on the caller's transaction and then held.
   */
  async resolve(manager: Pick<EntityManager, 'query'>, rows: ReadonlyArray<{ patient_pseudonym: string; profile_version: number; site: string | null }>): Promise<StoredProfile[]> {
    const found = new Map<string, PatientProfile>();
    const missing: string[] = [];
    for (const r of rows) {
      const held = this.get(r.patient_pseudonym, r.profile_version);
      if (held) found.set(r.patient_pseudonym, held);
      else missing.push(r.patient_pseudonym);
    }
    if (missing.length > 0) {
      for (const f of await manager.query<Array<{ patient_pseudonym: string; profile_version: number; profile: PatientProfile }>>(
        `SELECT patient_pseudonym, profile_version, profile FROM matcher.profiles WHERE patient_pseudonym = ANY($1)`,
        [missing],
      )) {
        found.set(f.patient_pseudonym, f.profile);
        this.put(f.patient_pseudonym, f.profile_version, f.profile);
      }
    }
    return rows.filter((r) => found.has(r.patient_pseudonym)).map((r) => ({ pseudonym: r.patient_pseudonym, profileVersion: r.profile_version, site: r.site, profile: found.get(r.patient_pseudonym)! }));
  }

  /**
   * Loads the stored profiles of some partitions that are not held at their stored version (after
   * this instance's partitions are assigned), a page at a time, up to the cache's size; returns how
   * many were loaded.
   */
  async warm(manager: Pick<EntityManager, 'query'>, partitions: readonly number[] | 'all', pageSize = 2000): Promise<number> {
    let loaded = 0;
    let cursor = '';
    for (;;) {
      const page = await manager.query<Array<{ patient_pseudonym: string; profile_version: number; site: string | null }>>(
        `SELECT patient_pseudonym, profile_version, site FROM matcher.profiles WHERE ($1::int[] IS NULL OR partition = ANY($1)) AND patient_pseudonym > $2 ORDER BY patient_pseudonym LIMIT $3`,
        [partitions === 'all' ? null : partitions, cursor, pageSize],
      );
      const cold = page.filter((r) => !this.has(r.patient_pseudonym, r.profile_version));
      if (cold.length > 0) loaded += (await this.resolve(manager, cold)).length;
      if (page.length < pageSize || this.entries.size >= this.settings.profileCacheSize) return loaded;
      cursor = page.at(-1)!.patient_pseudonym;
    }
  }

  /** Whether exactly this version is held. */
  has(pseudonym: string, version: number): boolean {
    return this.entries.get(pseudonym)?.version === version;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.metrics.profileCacheEntries.set(0);
  }
}
