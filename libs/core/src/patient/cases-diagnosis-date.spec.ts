/**
 * The diagnosis date is the myeloma's: a smouldering myeloma, MGUS or plasmacytoma diagnosed before it dates the
 * diagnosis only while no diagnosis of myeloma itself is on record.
 */
import { event } from '../testing/events';
import { buildProfile } from './profile';

const dx = (date: string, condition?: string, diagnosisDate?: string) => event('diagnosis', date, { ...(condition ? { condition } : {}), ...(diagnosisDate ? { diagnosisDate } : {}), isotype: { heavyChain: 'IgG', lightChain: 'kappa' } });

describe('the diagnosis date', () => {
  it('is the myeloma diagnosis, not the smouldering myeloma before it', () => {
    expect(buildProfile([dx('2016-04-12', 'smoldering-myeloma'), dx('2019-02-11', 'multiple-myeloma')], '2025-01-01').diagnosis.date).toBe('2019-02-11');
    expect(buildProfile([dx('2016-04-12', 'mgus'), dx('2019-02-11')], '2025-01-01').diagnosis.date).toBe('2019-02-11');
    expect(buildProfile([dx('2017-03-01', 'al-amyloidosis'), dx('2020-05-01', 'multiple-myeloma')], '2025-01-01').diagnosis.date).toBe('2020-05-01');
    expect(buildProfile([dx('2018-03-01', 'plasma-cell-leukemia'), dx('2020-05-01', 'multiple-myeloma')], '2025-01-01').diagnosis.date).toBe('2018-03-01');
  });

  it('is the precursor’s while no myeloma diagnosis is on record, and the first myeloma diagnosis when there are several', () => {
    expect(buildProfile([dx('2016-04-12', 'smoldering-myeloma')], '2025-01-01').diagnosis.date).toBe('2016-04-12');
    expect(buildProfile([dx('2019-03-01', 'multiple-myeloma', '2019-02-11'), dx('2020-01-01', 'multiple-myeloma')], '2025-01-01').diagnosis.date).toBe('2019-02-11');
  });
});
