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
    ['AST and ALT ≤ 2.5 × ULN', { all: [{ fact: 'labTimesUln', name: 'ast', op: '<=', value: 2.5 }, { fact: 'labTimesUln', name: 'alt', op: '<=', value: 2.5 }] }],
    ['Autologous stem cell transplant within 12 weeks', { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }],
    ['Known CNS involvement or meningeal myeloma', { fact: 'condition', kind: 'cns-involvement' }],
    ['Plasma cell leukemia', { fact: 'plasmaCellLeukemia' }],
    ['Grade ≥3 peripheral neuropathy', { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3 }],
  ])('%s', (text, rule) => {
    const proposed = proposeRule(text).rule;
    if ('all' in rule) expect(proposed).toMatchObject({ all: expect.arrayContaining(rule.all) as unknown[] });
    else expect(proposed).toEqual(rule);
  });

  it('leaves what it does not recognise as text-only (unknown)', () => {
    expect(proposeRule('Capable of giving signed informed consent.')).toEqual({ rule: { fact: 'unknownText', reason: 'not parsed: review the text' }, recognised: [] });
  });
});

describe('ClinicalTrials.gov import', () => {
  const record = JSON.parse(readFileSync(join(__dirname, '../testing/fixtures/ctgov-NCT02513394.json'), 'utf8')) as CtgovStudy;

  it('splits eligibility text into items, keeping wrapped lines together', () => {
    const s = splitEligibilityText('Inclusion Criteria:\n\n* Age ≥ 18\n* ECOG 0-1\n  continued here\n\nExclusion Criteria:\n\n1. Pregnant\n2. CNS disease');
    expect(s).toEqual({ inclusion: ['Age ≥ 18', 'ECOG 0-1 continued here'], exclusion: ['Pregnant', 'CNS disease'] });
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

  it('refuses something that is not a study record', () => {
    expect(() => importCtgovStudy({})).toThrow(/nctId is missing/);
  });
});
