import { proposeRule, splitEligibilityText } from '../eligibility/propose';
import type { CriterionDocument, TrialDocument } from '../eligibility/trial';

/** The parts of a ClinicalTrials.gov API v2 study record the importer reads. */
export interface CtgovStudy {
  protocolSection?: {
    identificationModule?: { nctId?: string; briefTitle?: string; officialTitle?: string; acronym?: string };
    statusModule?: { overallStatus?: string; lastUpdatePostDateStruct?: { date?: string } };
    sponsorCollaboratorsModule?: { leadSponsor?: { name?: string } };
    designModule?: { phases?: string[] };
    eligibilityModule?: { eligibilityCriteria?: string; minimumAge?: string; maximumAge?: string; sex?: string };
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
  // Expanded-access records: not a trial recruiting.
  AVAILABLE: 'ACTIVE_NOT_RECRUITING',
  TEMPORARILY_NOT_AVAILABLE: 'SUSPENDED',
  NO_LONGER_AVAILABLE: 'CLOSED',
  APPROVED_FOR_MARKETING: 'CLOSED',
  WITHHELD: 'CLOSED',
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
  const { inclusion, exclusion, unsectioned } = splitEligibilityText(text);
  let recognised = 0;
  let textOnly = 0;
  const criterion = (kind: 'inclusion' | 'exclusion', item: string, i: number): CriterionDocument => {
    const { rule, recognised: what } = proposeRule(item);
    if (what.length > 0) recognised += 1;
    else textOnly += 1;
    return { id: `${kind === 'inclusion' ? 'inc' : 'exc'}-${String(i + 1).padStart(2, '0')}`, kind, text: item, rule, textSource: 'verbatim', ruleStatus: 'draft' };
  };
  const criteria: CriterionDocument[] = [...inclusion.map((x, i) => criterion('inclusion', x, i)), ...exclusion.map((x, i) => criterion('exclusion', x, i))];
  // Text outside any inclusion/exclusion section, or no eligibility text at all: kept as text-only criteria, so the
  // trial is at best POTENTIALLY_ELIGIBLE until a person sorts them (never ELIGIBLE on what was not read).
  unsectioned.forEach((item, i) => {
    textOnly += 1;
    criteria.push({ id: `txt-${String(i + 1).padStart(2, '0')}`, kind: 'inclusion', text: item, rule: { fact: 'unknownText', reason: 'eligibility text outside an inclusion or exclusion section: review' }, textSource: 'verbatim', ruleStatus: 'draft' });
  });
  if (text.trim() === '') {
    textOnly += 1;
    criteria.push({ id: 'txt-01', kind: 'inclusion', text: 'The record has no eligibility criteria text.', rule: { fact: 'unknownText', reason: 'eligibility criteria not in the registry record' }, textSource: 'not-retrieved', ruleStatus: 'draft' });
  }
  const sex = ps?.eligibilityModule?.sex?.toUpperCase();
  if (sex === 'FEMALE' || sex === 'MALE') {
    recognised += 1;
    criteria.unshift({ id: 'registry-sex', kind: 'inclusion', text: `Registry sex: ${sex}`, rule: { fact: 'sex', in: [sex === 'FEMALE' ? 'female' : 'male'] }, textSource: 'summary', ruleStatus: 'draft' });
  }
  const minAge = ps?.eligibilityModule?.minimumAge?.match(/^(\d+)\s*Years?/i);
  const maxAge = ps?.eligibilityModule?.maximumAge?.match(/^(\d+)\s*Years?/i);
  if (minAge || maxAge) {
    recognised += 1;
    criteria.unshift({
      id: 'registry-age',
      kind: 'inclusion',
      text: `Registry age limits: ${ps?.eligibilityModule?.minimumAge ?? 'none'} to ${ps?.eligibilityModule?.maximumAge ?? 'none'}`,
      rule: { fact: 'age', ...(minAge ? { min: Number(minAge[1]) } : {}), ...(maxAge ? { max: Number(maxAge[1]) } : {}) },
      textSource: 'summary',
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
