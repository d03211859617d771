import { proposeRule, splitEligibilityText } from '../eligibility/propose';
import type { CriterionDocument, TrialDocument } from '../eligibility/trial';

/** The parts of a ClinicalTrials.gov API v2 study record the importer reads. */
export interface CtgovStudy {
  protocolSection?: {
    identificationModule?: { nctId?: string; briefTitle?: string; officialTitle?: string; acronym?: string };
    statusModule?: { overallStatus?: string; lastUpdatePostDateStruct?: { date?: string } };
    sponsorCollaboratorsModule?: { leadSponsor?: { name?: string } };
    designModule?: { phases?: string[] };
    eligibilityModule?: { eligibilityCriteria?: string; minimumAge?: string; maximumAge?: string };
    contactsLocationsModule?: { locations?: Array<{ facility?: string; city?: string; country?: string }> };
  };
}

const STATUS: Record<string, string> = {
  RECRUITING: 'RECRUITING',
  NOT_YET_RECRUITING: 'NOT_YET_RECRUITING',
  ACTIVE_NOT_RECRUITING: 'ACTIVE_NOT_RECRUITING',
  ENROLLING_BY_INVITATION: 'ACTIVE_NOT_RECRUITING',
  SUSPENDED: 'SUSPENDED',
  COMPLETED: 'CLOSED',
  TERMINATED: 'CLOSED',
  WITHDRAWN: 'CLOSED',
};

export class CtgovImportError extends Error {}

/**
 * A draft trial document from a ClinicalTrials.gov API v2 record: metadata, the eligibility text split
 * into inclusion and exclusion items (each kept verbatim), a proposed rule for each item where a common
 * myeloma pattern is recognised (marked draft), and a text-only criterion (evaluates to unknown) where
 * not. The registry's minimum/maximum age becomes a criterion of its own.
 */
export function importCtgovStudy(study: CtgovStudy): { trial: TrialDocument; report: { recognised: number; textOnly: number } } {
  const ps = study.protocolSection;
  const nctId = ps?.identificationModule?.nctId;
  if (!nctId || !/^NCT\d{8}$/.test(nctId)) throw new CtgovImportError('not a ClinicalTrials.gov v2 study record: protocolSection.identificationModule.nctId is missing');
  const text = ps?.eligibilityModule?.eligibilityCriteria ?? '';
  const { inclusion, exclusion } = splitEligibilityText(text);
  let recognised = 0;
  let textOnly = 0;
  const criterion = (kind: 'inclusion' | 'exclusion', item: string, i: number): CriterionDocument => {
    const { rule, recognised: what } = proposeRule(item);
    if (what.length > 0) recognised += 1;
    else textOnly += 1;
    return { id: `${kind === 'inclusion' ? 'inc' : 'exc'}-${String(i + 1).padStart(2, '0')}`, kind, text: item, rule, textSource: 'verbatim', ruleStatus: 'draft' };
  };
  const criteria: CriterionDocument[] = [...inclusion.map((x, i) => criterion('inclusion', x, i)), ...exclusion.map((x, i) => criterion('exclusion', x, i))];
  const minAge = ps?.eligibilityModule?.minimumAge?.match(/^(\d+)\s*Years?/i);
  const maxAge = ps?.eligibilityModule?.maximumAge?.match(/^(\d+)\s*Years?/i);
  if (minAge || maxAge) {
    recognised += 1;
    criteria.unshift({
      id: 'registry-age',
      kind: 'inclusion',
      text: `Registry age limits: ${ps?.eligibilityModule?.minimumAge ?? 'none'} to ${ps?.eligibilityModule?.maximumAge ?? 'none'}`,
      rule: { fact: 'age', ...(minAge ? { min: Number(minAge[1]) } : {}), ...(maxAge ? { max: Number(maxAge[1]) } : {}) },
      textSource: 'verbatim',
      ruleStatus: 'draft',
    });
  }
  const locations = ps?.contactsLocationsModule?.locations ?? [];
  return {
    trial: {
      trialId: nctId,
      version: 1,
      title: ps?.identificationModule?.officialTitle ?? ps?.identificationModule?.briefTitle ?? nctId,
      status: STATUS[ps?.statusModule?.overallStatus ?? ''] ?? 'UNKNOWN',
      ...(ps?.designModule?.phases?.length ? { phase: ps.designModule.phases.join('/') } : {}),
      ...(ps?.sponsorCollaboratorsModule?.leadSponsor?.name ? { sponsor: ps.sponsorCollaboratorsModule.leadSponsor.name } : {}),
      sites: locations.map((l) => ({ name: l.facility ?? 'unnamed site', ...(l.city ? { city: l.city } : {}), ...(l.country ? { country: l.country } : {}) })),
      criteria,
      source: { url: `https://clinicaltrials.gov/study/${nctId}`, textVersion: ps?.statusModule?.lastUpdatePostDateStruct?.date ?? 'unknown', note: 'imported from a ClinicalTrials.gov API v2 record; rules are drafts for review' },
    },
    report: { recognised, textOnly },
  };
}
