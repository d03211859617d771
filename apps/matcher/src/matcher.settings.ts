export const MATCHER_SETTINGS = Symbol('MATCHER_SETTINGS');

export interface MatcherSettings {
  /** How often an instance looks for re-screen work (and creates the day's run). */
  rescreenCheckMs: number;
  /** Profiles per re-screen page (one transaction each). */
  rescreenPageSize: number;
  /** Partitions an instance re-screens at once (each page its own transaction and connection). */
  rescreenConcurrency: number;
  /** Parsed profiles held by the profile worker thread for re-screens (the ones stored longest ago dropped first); 0: none, and no worker. */
  profileCacheSize: number;
  /**
   * Whether a patient's first result for a trial (or cohort) is published when it is INELIGIBLE. Off by
   * default: nothing a coordinator follows changed (the patient was not a candidate and is not one); the
   * result is stored, explained on read, and published once it changes.
   */
  publishFirstIneligible: boolean;
  /** Counts below this (and above 0) are suppressed in sponsors' aggregates. */
  smallCellThreshold: number;
  /** Secret shared with intake: opens the sealed birth date of patient-profiles.v1. */
  profileSealKey: string;
}
