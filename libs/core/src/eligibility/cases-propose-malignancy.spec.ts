/** The proposer's "other malignancy within N years": a draft must never be silently wrong (docs/criteria-language.md). */
import { proposeRule } from './propose';
import { importCtgovStudy } from '../ctgov/import';
import { readFileSync } from 'fs';
import { join } from 'path';

const draft = (t: string) => proposeRule(t).rule;

describe('drafted, or left for review', () => {
  it.each([
    ['Prior malignancy (other than multiple myeloma) within 5 years', { fact: 'condition', kind: 'other-malignancy', withinDays: 1826 }],
    ['Malignancy other than multiple myeloma that has been disease-free for less than 3 years', { fact: 'condition', kind: 'other-malignancy', withinDays: 1096 }],
    ['Any other active malignancy <3 years before enrolment', { fact: 'condition', kind: 'other-malignancy', withinDays: 1096 }],
  ])('%s', (t, rule) => expect(draft(t)).toEqual(rule));
  it.each([
    'History of another primary malignancy within 3 years of the first dose of study treatment, with the exception of adequately treated basal cell carcinoma',
    'Another malignancy within 3 years, unless curatively treated',
    'Prior or concurrent malignancy within 2 years',
    'Second primary malignancy that has not been in remission for at least 3 years',
    // an exception written "other than / apart from / besides"
    'Other malignancy within the past 3 years other than non-melanoma skin cancer',
    'Malignancy within 3 years prior to enrollment other than adequately treated carcinoma in situ of the cervix',
    'Other malignancy within 3 years, apart from in situ carcinoma',
    'Second malignancy within the previous 3 years, besides localized prostate cancer',
    // the years are not the window of the malignancy
    'Any other malignancy that is expected to limit life expectancy to less than 2 years',
    'Prior anti-cancer vaccine therapy within 5 years',
    'Received radiotherapy for another cancer within 2 years',
    // a qualifier dropped
    'Other malignancy requiring systemic therapy within the past 3 years',
  ])('not drafted: %s', (t) => expect(draft(t)).toMatchObject({ fact: 'unknownText' }));
});

describe('real records', () => {
  it('NCT02513394: "endocrine therapy within 5 years prior to diagnosis of the current malignancy" is not about another malignancy', () => {
    const record = JSON.parse(readFileSync(join(__dirname, '../testing/fixtures/ctgov-NCT02513394.json'), 'utf8'));
    const c = importCtgovStudy(record).trial.criteria.find((x) => /endocrine therapy within 5 years/.test(x.text))!;
    expect(c.rule).not.toMatchObject({ kind: 'other-malignancy' });
  });
});
