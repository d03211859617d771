export const MATCHER_SETTINGS = Symbol('MATCHER_SETTINGS');

export interface MatcherSettings {
  /** How often an instance looks for re-screen work (and creates the day's run). */
  rescreenCheckMs: number;
  /** Profiles per re-screen page (one transaction each). */
  rescreenPageSize: number;
  /** Counts below this (and above 0) are suppressed in sponsors' aggregates. */
  smallCellThreshold: number;
  /** Secret shared with intake: opens the sealed birth date of patient-profiles.v1. */
  profileSealKey: string;
}
