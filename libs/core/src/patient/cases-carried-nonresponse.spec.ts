/**
 * Hand-derived cases (domain.md §1): a drug is refractory when the regimen it was in was nonresponsive, judged per
 * regimen; and whether MR was reached before the latest progression is not told by a response to the salvage after it.
 */
import { compileRule } from '../eligibility/compile';
import { demographics, diagnosis, lab, med, response } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const serum = (rows: Array<[string, number]>): Ev[] => rows.map(([d, v]) => lab(d, 'serum m-protein', v, 'g/dL'));
const flag = (events: Ev[], name: string): string => compileRule({ fact: 'flag', name })({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;

describe('a drug carried into a later line: its first regimen judged on its own', () => {
  // Rd with SD for six months; daratumumab added (an unplanned addition: a line of its own, D-Rd), which reaches PR.
  const rd = [
    demographics('1944-09-09', 'female', 58),
    diagnosis('2020-09-01', 'IgA', 'kappa'),
    ...serum([['2020-09-05', 2.0], ['2020-10-15', 1.7], ['2020-11-15', 1.6], ['2021-01-15', 1.6], ['2021-03-15', 1.6]]),
    med('lenalidomide', '2020-09-15', null),
    med('dexamethasone', '2020-09-15', '2021-09-15'),
    response('2021-01-20', 'SD'),
  ];
  const drd = [med('daratumumab', '2021-03-25', null), ...serum([['2021-04-25', 1.0], ['2021-05-25', 0.7], ['2021-07-25', 0.4], ['2021-10-25', 0.3], ['2025-05-20', 0.3]])];

  it('Rd nonresponsive (no MR in six months), then D-Rd responds: lenalidomide refractory, in line 1; daratumumab not', () => {
    const p = buildProfile([...rd, ...drd], AS_OF);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.openedBy])).toEqual([
      ['2020-09-15', 'first-treatment'],
      ['2021-03-25', 'unplanned-addition-or-switch'],
    ]);
    expect(p.drugs.lenalidomide!.refractory).toBe(true);
    expect(p.drugs.lenalidomide!.evidence.map((e) => [e.kind, e.line])).toEqual([['no-response', 1]]);
    expect(p.drugs.daratumumab!.refractory).toBe(false);
    expect(compileRule({ fact: 'drugRefractory', drug: 'lenalidomide' })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });

  it('Rd reaching MR before daratumumab was added: lenalidomide not refractory', () => {
    const p = buildProfile([...rd, response('2021-03-01', 'MR'), ...drd], AS_OF);
    expect(p.drugs.lenalidomide!.refractory).toBe(false);
  });

  it('daratumumab added within the first weeks of Rd (assessed under nonResponseMinDaysOngoing after its start): not judged', () => {
    const early = [demographics('1944-09-09', 'female', 58), med('lenalidomide', '2020-09-15', null), response('2020-10-20', 'SD'), med('daratumumab', '2020-11-20', null), response('2021-03-01', 'PR')];
    const p = buildProfile(early, AS_OF);
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.drugs.lenalidomide!.refractory).toBe(false);
  });
});

describe('MR before the latest progression: a response to the salvage after it does not say', () => {
  const history: Ev[] = [
    demographics('1965-09-19', 'female', 63),
    diagnosis('2021-12-01', 'IgG', 'kappa'),
    med('Rd', '2022-01-05', '2023-06-10', { reasonStopped: 'progression' }),
    response('2023-06-05', 'PD'),
    ...serum([['2023-06-20', 2.2], ['2023-07-25', 1.0], ['2023-08-25', 0.6], ['2023-10-25', 0.5], ['2025-05-20', 0.5]]),
    med('Dara-Kd', '2023-06-25', null),
  ];

  it('only a PD on record before it, PR to the salvage: MR before it unknown; not primary refractory; relapsed and refractory unknown; not relapsed', () => {
    const p = buildProfile(history, AS_OF);
    expect(p.disease.mrEverKnown).toBe(false);
    expect(p.disease.undecidedStatus).toEqual(['relapsedAndRefractory']);
    expect(['primaryRefractory', 'relapsedAndRefractory', 'relapsed'].map((n) => flag(history, n))).toEqual(['NOT_MET', 'UNKNOWN', 'NOT_MET']);
  });

  it('a PR on Rd on record before the progression: relapsed and refractory', () => {
    const known = [...history, response('2022-06-01', 'PR')];
    expect(buildProfile(known, AS_OF).disease.mrEverKnown).toBe(true);
    expect(['primaryRefractory', 'relapsedAndRefractory', 'relapsed'].map((n) => flag(known, n))).toEqual(['NOT_MET', 'MET', 'NOT_MET']);
  });

  it('an SD on Rd on record before the progression: never MR before it, so not relapsed and refractory (the salvage answers)', () => {
    const known = [...history, response('2022-06-01', 'SD')];
    expect(buildProfile(known, AS_OF).disease.mrEverKnown).toBe(true);
    expect(flag(known, 'relapsedAndRefractory')).toBe('NOT_MET');
  });
});

describe('a line is over when the next begins', () => {
  it('Rd, then daratumumab added (D-Rd): line 1 ends the day before line 2, lenalidomide going on in line 2', () => {
    const p = buildProfile([med('lenalidomide', '2020-09-15', null), med('dexamethasone', '2020-09-15', null), med('daratumumab', '2021-03-25', null)], AS_OF);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.end])).toEqual([
      ['2020-09-15', '2021-03-24'],
      ['2021-03-25', null],
    ]);
  });
});
