import schema from './v1.schema.json';

export const SITE_DIGEST_SCHEMA_VERSION = 1;
export const siteDigestV1Schema = schema;

export interface DigestItem {
  patientPseudonym: string;
  trialId: string;
  cohortId?: string;
  eligibleFrom?: string;
  /** Instead of eligibleFrom when that day is one of the patient's birthdays: its month only (YYYY-MM). */
  eligibleFromMonth?: string;
  toCollect?: string[];
}

/** Key: site. */
export interface SiteDigestV1 {
  digestId: string;
  site: string;
  day: string;
  newEligible: DigestItem[];
  newPotential: DigestItem[];
  eligibleFromThisWeek: DigestItem[];
  createdAt: string;
}
