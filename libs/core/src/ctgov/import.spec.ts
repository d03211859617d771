import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTrial } from '../eligibility/trial';
import { proposeRule, splitEligibilityText } from '../eligibility/propose';
import { importCtgovStudy, type CtgovStudy } from './import';

describe('proposeRule (common myeloma patterns)', () => {
  it.each([
    ['Age 18 years or older', { fact: 'age', min: 18 }],
    ['ECOG performance status of 0 or 1', { fact: 'ecog', max: 1 }],
    ['Eastern Cooperative Oncology Group (ECOG) performance status of 0 to 2.', { fact: 'ecog', max: 2 }],
    ['Received at least 3 prior lines of therapy', { fact: 'priorLines', min: 3 }],
    ['1 to 3 prior lines of antimyeloma therapy', { fact: 'priorLines', min: 1, max: 3 }],
    ['Prior treatment with a proteasome inhibitor, an immunomodulatory drug and an anti-CD38 antibody', { fact: 'flag', name: 'tripleClassExposed' }],
    ['Refractory to lenalidomide', { fact: 'drugRefractory', drug: 'lenalidomide' }],
    ['Documented disease progression during or after their most recent therapy', { fact: 'progressionAfterLastLine' }],
    ['Prior BCMA-directed CAR-T therapy', { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }],
    ['Serum M-protein ≥0.5 g/dL or urine M-protein ≥200 mg/24 hours or involved FLC ≥10 mg/dL', { fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10 }],
    ['Absolute neutrophil count ≥ 1.0 × 10^9/L', { fact: 'lab', name: 'anc', op: '>=', value: 1, unit: '10*9/L' }],
    ['Platelets ≥ 75,000/µL', { fact: 'lab', name: 'platelets', op: '>=', value: 75000, unit: '/uL' }],
    ['Creatinine clearance ≥ 40 mL/min', { fact: 'creatinineClearance', op: '>=', value: 40 }],
    ['eGFR ≥ 30 mL/min/1.73 m²', { fact: 'creatinineClearance', method: 'egfr', op: '>=', value: 30 }],
    ['AST and ALT ≤ 2.5 × ULN', { all: [{ fact: 'labTimesUln', name: 'ast', op: '<=', value: 2.5 }, { fact: 'labTimesUln', name: 'alt', op: '<=', value: 2.5 }] }],
    ['Autologous stem cell transplant within 12 weeks', { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }],
    ['Autologous stem cell transplant less than 12 weeks before enrollment', { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 83 }],
    ['Allogeneic stem cell transplant < 6 months before the first dose', { fact: 'timeSince', event: 'transplant', kind: 'allogeneic', maxDays: 179 }],
    ['Known CNS involvement or meningeal myeloma', { fact: 'condition', kind: 'cns-involvement' }],
    ['Plasma cell leukemia', { fact: 'plasmaCellLeukemia' }],
    ['Grade ≥3 peripheral neuropathy', { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }],
  ])('%s', (text, rule) => {
    const proposed = proposeRule(text).rule;
    if ('all' in rule) expect(proposed).toMatchObject({ all: expect.arrayContaining(rule.all) as unknown[] });
    else expect(proposed).toEqual(rule);
  });

  it.each([
    ['Not refractory to lenalidomide', 'a negation'],
    ['No prior BCMA-directed therapy', 'a negation'],
    ['Prior anti-CD38 therapy is allowed', 'a permission or an exception'],
    ['Known CNS involvement (patients with previously treated, stable CNS disease are eligible)', 'a permission or an exception'],
    ['ECOG performance status ≤ 2 (≤ 1 for patients aged ≥ 75 years)', 'a condition'],
    ['Patients with ANC < 1000/µL are eligible if platelets ≥ 75,000/µL', 'a permission or an exception'],
    ['AST or ALT > 2.5 × ULN', 'an alternative, "or"'],
    ['Received ≥ 3 prior lines OR be double-refractory to a PI and an IMiD', 'an alternative, "or"'],
    ['Chemotherapy or monoclonal antibody within 21 days', 'an alternative, "or"'],
    ['Refractory to lenalidomide and pomalidomide', 'more drugs than the patterns read'],
    ['Refractory to lenalidomide and exposed to a proteasome inhibitor', 'a drug class not read'],
    ['ANC ≥ 1,5 × 10^9/L', 'a decimal comma'],
    ['Peripheral neuropathy ≤ grade 1', 'an upper limit of neuropathy grade'],
    ['Serum M-protein ≥ 5 g/dL (IgA ≥ 0.5 g/dL)', 'a threshold in parentheses'],
    ['Corticosteroids equivalent to ≥ 140 mg prednisone within 14 days', 'a dose or half-lives'],
  ])('does not draft %j (%s): left for review', (text, why) => {
    expect(proposeRule(text)).toEqual({ rule: { fact: 'unknownText', reason: `not drafted (${why}): review the text` }, recognised: [] });
  });

  it.each([
    ['Chemotherapy within 21 days prior to first dose', { any: ['ALKYLATOR', 'ANTHRACYCLINE', 'CHEMOTHERAPY_OTHER'].map((c) => ({ fact: 'timeSince', event: 'lastDose', class: c, maxDays: 21 })) }],
    ['Treatment with an anti-CD38 monoclonal antibody within 90 days', { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 90 }],
    ['Measured at least 7 days after the last transfusion: total bilirubin ≤ 1.5 × ULN', { fact: 'labTimesUln', name: 'bilirubin', op: '<=', value: 1.5 }],
    ['Peripheral neuropathy > Grade 1', { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 2 }],
    ['Age ≥ 18 years and ≤ 75 years', { fact: 'age', min: 18, max: 75 }],
    ['Other malignancy disease-free for ≥ 10 years', { fact: 'unknownText', reason: 'not parsed: review the text' }],
    ['Other malignancy within the past 3 years', { fact: 'condition', kind: 'other-malignancy', withinDays: 1096 }],
    ['Active malignancy other than multiple myeloma in the last five years', { fact: 'condition', kind: 'other-malignancy', withinDays: 1826 }],
    ['Prior malignancy within 3 years, except adequately treated basal cell carcinoma', { fact: 'unknownText', reason: 'not drafted (a permission or an exception): review the text' }],
    ['Serum M-protein ≥ 5 g/L', { fact: 'measurableDisease', serumMinGdL: 0.5 }],
    ['ECOG performance status ≤ 1 within 7 days of enrolment', { fact: 'ecog', max: 1, maxAgeDays: 7 }],
    ['Prior BCMA antibody-drug conjugate', { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'ADC' }],
    ['Serum M-protein >= 10 g/l', { fact: 'measurableDisease', serumMinGdL: 1 }],
    ['Involved serum free light chain >= 100 mg/l', { fact: 'measurableDisease', involvedFlcMinMgDl: 10 }],
    ['ECOG performance status of 0,1 or 2', { fact: 'ecog', max: 2 }],
    ['Prior exposure to daratumumab and carfilzomib', { fact: 'unknownText', reason: 'not drafted (more drugs than the patterns read): review the text' }],
    ['Prior exposure to a proteasome inhibitor, an immunomodulatory agent and an anti-CD38 monoclonal antibody, and refractory to the last line of therapy', { all: [{ fact: 'flag', name: 'tripleClassExposed' }, { fact: 'flag', name: 'refractoryToLastLine' }] }],
    ['Documented progression on or within 60 days after the last dose of the most recent therapy', { fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }],
    ['Refractory to the last line of therapy', { fact: 'flag', name: 'refractoryToLastLine' }],
  ])('drafts %j exactly', (text, rule) => {
    expect(proposeRule(text).rule).toEqual(rule);
  });

  it('leaves what it does not recognise as text-only (unknown)', () => {
    expect(proposeRule('Capable of giving signed informed consent.')).toEqual({ rule: { fact: 'unknownText', reason: 'not parsed: review the text' }, recognised: [] });
  });
});

describe('ClinicalTrials.gov import', () => {
  const record = JSON.parse(readFileSync(join(__dirname, '../testing/fixtures/ctgov-NCT02513394.json'), 'utf8')) as CtgovStudy;

  it('splits eligibility text into items, keeping wrapped lines together', () => {
    const s = splitEligibilityText('Inclusion Criteria:\n\n* Age ≥ 18\n* ECOG 0-1\n  continued here\n\nExclusion Criteria:\n\n1. Pregnant\n2. CNS disease');
    expect(s).toEqual({ inclusion: ['Age ≥ 18', 'ECOG 0-1 continued here'], exclusion: ['Pregnant', 'CNS disease'], unsectioned: [] });
  });

  it('reads "Key … Criteria" and bare headers, content on the header line, sub-bullets with their item, and never drops text before a header', () => {
    const s = splitEligibilityText(
      [
        'Participants with myeloma.',
        'Key Inclusion Criteria: Age ≥ 18 years',
        '* Must meet one of the following:',
        '  * ≥ 3 prior lines',
        '  * 2 prior lines and refractory to lenalidomide',
        '* Did not meet any',
        'exclusion criteria of the parent study',
        'Exclusion:',
        '- Prior allogeneic SCT',
      ].join('\n'),
    );
    expect(s).toEqual({
      unsectioned: ['Participants with myeloma.'],
      inclusion: ['Age ≥ 18 years', 'Must meet one of the following: ; ≥ 3 prior lines ; 2 prior lines and refractory to lenalidomide', 'Did not meet any exclusion criteria of the parent study'],
      exclusion: ['Prior allogeneic SCT'],
    });
    expect(proposeRule(s.inclusion[1]!).rule).toMatchObject({ fact: 'unknownText' });
  });

  it('reads a real API v2 record: metadata, verbatim criteria, draft rules, lab thresholds written as 1,500/µL', () => {
    const { trial, report } = importCtgovStudy(record);
    expect(trial).toMatchObject({ trialId: 'NCT02513394', status: 'ACTIVE_NOT_RECRUITING', phase: 'PHASE3', sponsor: 'Alliance Foundation Trials, LLC.' });
    expect(trial.sites).toHaveLength(record.protocolSection!.contactsLocationsModule!.locations!.length);
    expect(trial.criteria.every((c) => c.ruleStatus === 'draft' && c.text.length > 0)).toBe(true);
    expect(trial.criteria.find((c) => c.text.startsWith('Absolute neutrophil count'))?.rule).toEqual({ fact: 'lab', name: 'anc', op: '>=', value: 1500, unit: '/uL' });
    expect(report.recognised + report.textOnly).toBe(trial.criteria.length);
    expect(() => compileTrial(trial)).not.toThrow();
  });

  it('keeps text it cannot sort, a record without criteria, and the registry sex; maps expanded-access statuses', () => {
    const study = (eligibilityModule: object, overallStatus = 'RECRUITING'): CtgovStudy => ({ protocolSection: { identificationModule: { nctId: 'NCT09999999', briefTitle: 't' }, statusModule: { overallStatus }, eligibilityModule } });
    const noHeaders = importCtgovStudy(study({ eligibilityCriteria: '* Prior BCMA-directed therapy\n* Plasma cell leukemia' })).trial;
    expect(noHeaders.criteria.map((c) => [c.id, c.rule])).toEqual([
      ['txt-01', { fact: 'unknownText', reason: 'eligibility text outside an inclusion or exclusion section: review' }],
      ['txt-02', { fact: 'unknownText', reason: 'eligibility text outside an inclusion or exclusion section: review' }],
    ]);
    expect(importCtgovStudy(study({})).trial.criteria).toEqual([expect.objectContaining({ id: 'txt-01', rule: { fact: 'unknownText', reason: 'eligibility criteria not in the registry record' } })]);
    expect(importCtgovStudy(study({ sex: 'FEMALE', minimumAge: '18 Years' })).trial.criteria.slice(0, 2).map((c) => [c.id, c.rule, c.textSource])).toEqual([
      ['registry-age', { fact: 'age', min: 18 }, 'summary'],
      ['registry-sex', { fact: 'sex', in: ['female'] }, 'summary'],
    ]);
    expect(importCtgovStudy(study({}, 'NO_LONGER_AVAILABLE')).trial.status).toBe('CLOSED');
    expect(importCtgovStudy(study({}, 'TEMPORARILY_NOT_AVAILABLE')).trial.status).toBe('SUSPENDED');
  });

  it('refuses something that is not a study record', () => {
    expect(() => importCtgovStudy({})).toThrow(/nctId is missing/);
  });
});
