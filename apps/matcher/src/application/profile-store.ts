import type { PatientProfile } from '@trialmatch/core';

/**
 * Parsed profiles by pseudonym, each with the version it is, at most `capacity` of them (beyond it the
 * ones stored longest ago go first; 0 holds nothing). An entry answers only for its exact version, and an
 * older version never replaces a newer one. Lives in the profile worker (profile-worker.ts).
 */
export class ProfileStore {
  private readonly entries = new Map<string, { version: number; profile: PatientProfile }>();

  constructor(private readonly capacity: number) {}

  /** The profile if exactly this version is held. */
  get(pseudonym: string, version: number): PatientProfile | undefined {
    const e = this.entries.get(pseudonym);
    return e?.version === version ? e.profile : undefined;
  }

  /** Holds a profile version unless a newer one is held. */
  put(pseudonym: string, version: number, profile: PatientProfile): void {
    if (this.capacity === 0) return;
    const held = this.entries.get(pseudonym);
    if (held && held.version > version) return;
    this.entries.delete(pseudonym); // newest last
    this.entries.set(pseudonym, { version, profile });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  has(pseudonym: string, version: number): boolean {
    return this.entries.get(pseudonym)?.version === version;
  }

  get size(): number {
    return this.entries.size;
  }
}
