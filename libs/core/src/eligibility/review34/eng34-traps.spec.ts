/**
 * eng34 — third round: domain.md §8 traps (regimen abbreviations, brand names, SC daratumumab), timed records,
 * condition windows dating eligibility, prior T-cell engagers. Expectations from domain.md / docs before the code.
 */
import {
  add, base, cohortOf, critOf, cond, event, evalDoc, evalTrial, L1, L2, L3, leaf, med, mkDoc, regimen, response,
  S, sct, std, verdictOf, carT, type Ev,
} from './eng34-helpers';

const out = (trial: string, crit: string, evs: Ev[], asOf = S) => critOf(evalTrial(trial, evs, asOf).e, crit).outcome;
const one = (drug: string) => [...base(), med(drug, '2022-01-01', '2022-06-01'), response('2022-03-01', 'PR'), response('2022-04-01', 'PR'), response('2022-12-01', 'PD')];
const ex = (rule: unknown, drug: string) => leaf(rule, one(drug)).outcome;

describe('domain §8 regimen abbreviations', () => {
  it('Y01 "VMP": P = prednisone → pomalidomide NOT exposed (CANOVA exc-01 pom part)', () => expect(ex({ fact: 'drugExposed', drug: 'pomalidomide' }, 'VMP')).toBe('NOT_MET'));
  it('Y02 "VMP": bortezomib exposed', () => expect(ex({ fact: 'drugExposed', drug: 'bortezomib' }, 'VMP')).toBe('MET'));
  it('Y03 "Pd": pomalidomide exposed', () => expect(ex({ fact: 'drugExposed', drug: 'pomalidomide' }, 'Pd')).toBe('MET'));
  it('Y04 "DRd": daratumumab exposed (D = daratumumab)', () => expect(ex({ fact: 'classExposed', class: 'ANTI_CD38' }, 'DRd')).toBe('MET'));
  it('Y05 "VRd": d = dexamethasone, not daratumumab → anti-CD38 NOT exposed', () => expect(ex({ fact: 'classExposed', class: 'ANTI_CD38' }, 'VRd')).toBe('NOT_MET'));
  it('Y06 "KPd": carfilzomib and pomalidomide exposed', () => {
    expect(ex({ fact: 'drugExposed', drug: 'carfilzomib' }, 'KPd')).toBe('MET');
    expect(ex({ fact: 'drugExposed', drug: 'pomalidomide' }, 'KPd')).toBe('MET');
  });
  it('Y07 "MP": melphalan-prednisone → no IMiD exposure', () => expect(ex({ fact: 'classExposed', class: 'IMID' }, 'MP')).toBe('NOT_MET'));
  it('Y08 "Isa-Pd": isatuximab → anti-CD38 exposed', () => expect(ex({ fact: 'classExposed', class: 'ANTI_CD38' }, 'Isa-Pd')).toBe('MET'));
  it('Y09 "IRd": ixazomib (PI) exposed', () => expect(ex({ fact: 'drugExposed', drug: 'ixazomib' }, 'IRd')).toBe('MET'));
  it('Y10 "IRd": not isatuximab → anti-CD38 NOT exposed', () => expect(ex({ fact: 'classExposed', class: 'ANTI_CD38' }, 'IRd')).toBe('NOT_MET'));
  it('Y11 "Elo-Pd" / "EPd": elotuzumab exposed', () => expect(ex({ fact: 'drugExposed', drug: 'elotuzumab' }, 'EPd')).toBe('MET'));
  it('Y12 "daratumumab and hyaluronidase-fihj" (SC) → anti-CD38 exposed (§2: IV or SC)', () => expect(ex({ fact: 'classExposed', class: 'ANTI_CD38' }, 'daratumumab and hyaluronidase-fihj')).toBe('MET'));
  it('Y13 brand "Kyprolis" → carfilzomib exposed', () => expect(ex({ fact: 'drugExposed', drug: 'carfilzomib' }, 'Kyprolis')).toBe('MET'));
  it('Y14 "DVd": bortezomib exposed, lenalidomide not', () => {
    expect(ex({ fact: 'drugExposed', drug: 'bortezomib' }, 'DVd')).toBe('MET');
    expect(ex({ fact: 'drugExposed', drug: 'lenalidomide' }, 'DVd')).toBe('NOT_MET');
  });
  it('Y15 CELMoD iberdomide is not lenalidomide/pomalidomide: CANOVA exc-01 (pomalidomide) NOT_MET', () =>
    expect(ex({ fact: 'drugExposed', drug: 'pomalidomide' }, 'iberdomide')).toBe('NOT_MET'));
});

describe('timed records and SCT timing', () => {
  it('Y20 ASCT recorded 23:30 at UTC−5 on S−85 (clinical date S−85) → CANOVA exc-02 NOT_MET', () => {
    const d = add(S, -85);
    const evs = [...base(), ...L1(), event('procedure', `${d}T23:30:00-05:00`, { kind: 'autologous-sct' })];
    expect(out('NCT03539744', 'exc-02', evs)).toBe('NOT_MET');
  });
  it('Y21 two ASCTs (S−300 tandem-less, S−50) → exc-02 MET (latest counts)', () =>
    expect(out('NCT03539744', 'exc-02', [...base(), ...L1(), sct(add(S, -300)), sct(add(S, -50))])).toBe('MET'));
});

describe('condition window dating eligibility (criteria-language condition withinDays)', () => {
  const d = mkDoc([['exc-mal', 'exclusion', { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }]]);
  it('Y30 malignancy resolved S−1090, "within 3 years" (1095) exclusion → ELIGIBLE_FROM resolved + 1096', () => {
    const r = add(S, -1090);
    const e = evalDoc(d, [...std(), cond('2020-01-01', { kind: 'other-malignancy', status: 'resolved', onsetDate: '2019-06-01', resolvedDate: r })]);
    expect(verdictOf(e)).toBe(`ELIGIBLE_FROM@${add(r, 1096)}`);
  });
  it('Y31 malignancy resolved S−1096 → ELIGIBLE', () => {
    const e = evalDoc(d, [...std(), cond('2020-01-01', { kind: 'other-malignancy', status: 'resolved', onsetDate: '2019-06-01', resolvedDate: add(S, -1096) })]);
    expect(verdictOf(e)).toBe('ELIGIBLE');
  });
  it('Y32 two cancers: one resolved 10 years ago, another (other code) active → IKEMA exc-06 MET', () =>
    expect(out('NCT03275285', 'exc-06', std([
      cond('2015-01-01', { kind: 'other-malignancy', status: 'resolved', resolvedDate: '2015-01-01', code: 'C50' }),
      cond('2025-04-01', { kind: 'other-malignancy', status: 'active', code: 'C61' }),
    ]))).toBe('MET'));
  it('Y33 resolved record without a resolved date (endUnknown) 2 years ago → IKEMA exc-06 not NOT_MET', () =>
    expect(out('NCT03275285', 'exc-06', std([cond('2023-01-01', { kind: 'other-malignancy', status: 'resolved', endUnknown: true })]))).not.toBe('NOT_MET'));
});

describe('prior T-cell engagers / BCMA (MonumenTAL-1, MagnetisMM-3)', () => {
  const l4 = (drugs: string[]) => std([...regimen(drugs, '2025-01-01', '2025-05-10'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
    { l3: L3(undefined, '2024-12-20', '2024-12-10') });
  it('Y40 prior elranatamab → MonumenTAL-1 B POTENTIALLY, A INELIGIBLE', () => {
    const { e } = evalTrial('NCT04634552', l4(['elranatamab']));
    expect([cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['INELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
  it('Y41 prior talquetamab (GPRC5D) → MagnetisMM-3 cohort A (BCMA-naive) ELIGIBLE', () => {
    const { e } = evalTrial('NCT04649359', l4(['talquetamab']));
    expect(cohortOf(e, 'A')).toBe('ELIGIBLE');
  });
  it('Y42 prior cevostamab (FcRH5 bispecific) → MonumenTAL-1 A INELIGIBLE (T-cell engager)', () => {
    const { e } = evalTrial('NCT04634552', l4(['cevostamab']));
    expect(cohortOf(e, 'A')).toBe('INELIGIBLE');
  });
  it('Y43 prior CAR-T of unrecognised product → MagnetisMM-3 B POTENTIALLY, A POTENTIALLY', () => {
    const evs = std([carT('2025-01-15', 'XYZ-99 investigational'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial('NCT04649359', evs);
    expect([cohortOf(e, 'A'), cohortOf(e, 'B')]).toEqual(['POTENTIALLY_ELIGIBLE', 'POTENTIALLY_ELIGIBLE']);
  });
  it('Y44 idecabtagene vicleucel → MajesTEC-1 cohort A INELIGIBLE, C ELIGIBLE', () => {
    const evs = std([carT('2025-01-15', 'idecabtagene vicleucel'), response('2025-03-01', 'PR'), response('2025-04-01', 'PR'), response('2025-05-01', 'PD')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') });
    const { e } = evalTrial('NCT04557098', evs);
    expect([cohortOf(e, 'A'), cohortOf(e, 'C')]).toEqual(['INELIGIBLE', 'ELIGIBLE']);
  });
});
void L2; void sct; void regimen;
