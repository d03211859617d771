/**
 * Lines of therapy, refractoriness and disease facts at the edges of real records: per-dose records, a
 * drug carried into the next line, salvage transplants and their conditioning, steroid lead-ins,
 * lymphodepletion without an intent, measurable disease with isotype-specific cut-offs (domain.md §1–§5).
 */
import { buildProfile, type PatientProfile } from './profile';
import { DEFAULT_SETTINGS, type ProfileSettings } from './settings';
import { carT, demographics, event, lab, med, response, sct } from '../testing/events';
import { compileRule } from '../eligibility/compile';

const AS_OF = '2025-06-01';
const profileOf = (events: Parameters<typeof buildProfile>[0], settings: Partial<ProfileSettings> = {}): PatientProfile => buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, ...settings });
const outcome = (rule: unknown, p: PatientProfile): string => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const weekly = (drug: string, from: string, doses: number) =>
  Array.from({ length: doses }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * i);
    const day = d.toISOString().slice(0, 10);
    return med(drug, day, day);
  });

describe('lines of therapy', () => {
  it('a first ASCT after a progression is salvage, a new line, with its conditioning', () => {
    const p = profileOf([med('VRd', '2019-01-01', '2019-06-01'), response('2020-06-01', 'PD'), med('melphalan', '2020-07-01', '2020-07-01', { intent: 'conditioning' }), sct('2020-07-02')]);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.generics])).toEqual([
      ['2019-01-01', ['bortezomib', 'dexamethasone', 'lenalidomide']],
      ['2020-07-02', ['melphalan']],
    ]);
    // Induction → ASCT without a progression in between stays one line.
    expect(profileOf([med('VRd', '2019-01-01', '2019-06-01'), med('melphalan', '2019-07-01', '2019-07-01', { intent: 'conditioning' }), sct('2019-07-02')]).linesOfTherapy.count).toBe(1);
  });

  it("a later ASCT's conditioning belongs to the ASCT's line, not to the line before it", () => {
    const p = profileOf([
      med('Vd', '2018-01-01', '2018-05-01', { intent: 'induction' }),
      med('melphalan', '2018-05-30', '2018-05-30', { intent: 'conditioning' }),
      sct('2018-06-01'),
      response('2019-10-01', 'PD'),
      med('Kd', '2019-11-01', '2020-12-01'),
      response('2021-06-01', 'PD'),
      med('melphalan', '2021-08-30', '2021-08-30', { intent: 'conditioning' }),
      sct('2021-09-01'),
    ]);
    expect(p.linesOfTherapy.lines.map((l) => [l.generics, l.end])).toEqual([
      [['bortezomib', 'dexamethasone', 'melphalan'], '2018-06-01'],
      [['carfilzomib', 'dexamethasone'], '2020-12-01'],
      [['melphalan'], '2021-09-01'],
    ]);
  });

  it('a dexamethasone lead-in is joined by the regimen that follows it; a steroid course after a progression goes with the next regimen', () => {
    expect(profileOf([med('dexamethasone', '2020-01-01', null), med('VRd', '2020-02-15', null)]).linesOfTherapy.count).toBe(1);
    const p = profileOf([med('VRd', '2020-01-01', '2020-06-01'), response('2020-12-01', 'PD'), med('dexamethasone', '2021-01-01', '2021-02-01'), med('Pd', '2021-02-15', null)]);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.end])).toEqual([
      ['2020-01-01', '2020-06-01'],
      ['2021-01-01', null],
    ]);
  });

  it('an agent added inside the grouping window after a documented progression is salvage', () => {
    expect(profileOf([med('Vd', '2020-01-01', null), response('2020-01-20', 'PD'), med('daratumumab', '2020-01-25', null)]).linesOfTherapy.count).toBe(2);
    expect(profileOf([med('Vd', '2020-01-01', null), med('daratumumab', '2020-01-25', null)]).linesOfTherapy.count).toBe(1);
  });

  it('a short cyclophosphamide/fludarabine course just before a CAR-T infusion is its lymphodepletion, intent or not', () => {
    const p = profileOf([med('DPd', '2021-01-01', '2022-01-05'), response('2022-01-05', 'PD'), med('fludarabine', '2022-03-20', '2022-03-22'), med('cyclophosphamide', '2022-03-20', '2022-03-22'), carT('2022-03-25', 'cilta-cel')]);
    expect(p.linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'car-t']);
  });

  it('a short cyclophosphamide course alone between induction and an ASCT is stem-cell mobilization, intent or not; a cycle of a cyclophosphamide regimen is not', () => {
    const induction = [med('VRd', '2022-01-10', '2022-04-30', { reasonStopped: 'completed' }), response('2022-04-01', 'VGPR')];
    const after = [med('filgrastim', '2022-05-12', '2022-05-22'), med('melphalan', '2022-06-13', '2022-06-13', { intent: 'conditioning' }), sct('2022-06-15'), med('lenalidomide', '2022-09-01', null, { intent: 'maintenance' })];
    const mobilized = profileOf([...induction, med('cyclophosphamide', '2022-05-10', '2022-05-11'), ...after]);
    expect(mobilized.linesOfTherapy.lines.map((l) => [l.openedBy, l.reviewFlags.length])).toEqual([['first-treatment', 0]]);
    // Exposed (a dose was given), never judged refractory: it belongs to no line.
    expect(mobilized.drugs.cyclophosphamide).toMatchObject({ exposed: true, refractory: false });
    // Weekly cyclophosphamide of CyBorD up to the ASCT is the induction's, as is a course given alongside bortezomib.
    const cybord = profileOf([...weekly('cyclophosphamide', '2022-01-10', 16), med('bortezomib', '2022-01-10', '2022-04-30'), med('dexamethasone', '2022-01-10', '2022-04-30'), ...after]);
    expect(cybord.linesOfTherapy.lines[0]!.generics).toContain('cyclophosphamide');
    // Too long a course, or no ASCT or apheresis after it: a regimen of its own.
    expect(profileOf([...induction, med('cyclophosphamide', '2022-05-10', '2022-05-20'), ...after]).linesOfTherapy.count).toBe(2);
    expect(profileOf([...induction, med('cyclophosphamide', '2022-05-10', '2022-05-11')]).linesOfTherapy.count).toBe(2);
    // Doses sent one by one are one course.
    expect(profileOf([...induction, med('cyclophosphamide', '2022-05-10', '2022-05-10'), med('cyclophosphamide', '2022-05-11', '2022-05-11'), ...after]).linesOfTherapy.count).toBe(1);
    // An apheresis within 30 days is enough (the ASCT may be deferred).
    expect(profileOf([...induction, med('cyclophosphamide', '2022-05-10', '2022-05-11'), event('procedure', '2022-05-24', { kind: 'apheresis' })]).linesOfTherapy.count).toBe(1);
  });

  it('melphalan over at most 3 days just before an SCT is its conditioning, intent or not (as FHIR sends it): part of the SCT, never refractory', () => {
    const p = profileOf([med('VRd', '2022-01-10', '2022-04-30', { reasonStopped: 'completed' }), med('melphalan', '2022-06-13', '2022-06-13'), sct('2022-06-15'), response('2022-06-20', 'PD')]);
    expect(p.linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment']);
    expect(p.drugs.melphalan).toMatchObject({ exposed: true, refractory: false });
    // A melphalan course of a week (MP-type) weeks before is a regimen.
    expect(profileOf([med('VRd', '2022-01-10', '2022-04-30', { reasonStopped: 'completed' }), med('melphalan', '2022-05-01', '2022-05-07'), sct('2022-06-15')]).linesOfTherapy.count).toBe(2);
  });

  it('a second SCT marked planned tandem after a progression is salvage, a new line', () => {
    const auto = profileOf([med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), response('2020-08-01', 'PD'), sct('2020-10-01', { plannedTandem: true })]);
    expect(auto.linesOfTherapy.lines.map((l) => [l.openedBy, l.reviewFlags])).toEqual([['first-treatment', []], ['second-sct', ['second SCT marked planned tandem, but the disease progressed after the first SCT (2020-06-01)']]]);
    const allo = profileOf([med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), response('2020-08-01', 'PD'), event('procedure', '2020-10-01', { kind: 'allogeneic-sct', plannedTandem: true })]);
    expect(allo.linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'allogeneic-sct']);
  });

  it('the same regimen stopped for a progression dated on its last dose and restarted later is a new line', () => {
    expect(profileOf([med('Rd', '2020-01-01', '2020-06-01', { reasonStopped: 'progression' }), response('2020-06-01', 'PD'), med('Rd', '2020-07-01', null)]).linesOfTherapy.count).toBe(2);
    // v16: with no stop reason too, a progression in the course's last earlyProgressionDays is the one it stopped for (lot32 R04/R05);
    // a progression earlier on it, treated through, is not.
    expect(profileOf([med('Rd', '2020-01-01', '2020-06-01'), response('2020-06-01', 'PD'), med('Rd', '2020-07-01', null)]).linesOfTherapy.count).toBe(2);
    expect(profileOf([med('Rd', '2020-01-01', '2020-06-01'), response('2020-05-20', 'PD'), med('Rd', '2020-07-01', null)]).linesOfTherapy.count).toBe(2);
    expect(profileOf([med('Rd', '2020-01-01', '2020-06-01'), response('2020-04-01', 'PD'), med('Rd', '2020-07-01', null)]).linesOfTherapy.count).toBe(1);
  });

  it('a regimen after a CAR-T-only line is a new regimen after discontinuation', () => {
    const p = profileOf([med('DPd', '2021-01-01', '2022-01-05'), response('2022-01-05', 'PD'), carT('2022-03-25', 'ide-cel'), response('2022-12-01', 'PD'), med('teclistamab', '2023-01-01', null)]);
    expect(p.linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'car-t', 'new-regimen-after-discontinuation']);
  });
});

describe('refractoriness over the time on a drug', () => {
  it('a drug still running when another is added is part of the new line and refractory by a progression on it', () => {
    const p = profileOf([med('Rd', '2022-01-01', null), response('2022-04-01', 'PR'), med('daratumumab', '2023-01-01', null), response('2023-06-01', 'PD')]);
    expect(p.linesOfTherapy.lines[1]!.generics).toEqual(['daratumumab', 'dexamethasone', 'lenalidomide']);
    expect(p.drugs.lenalidomide).toMatchObject({ refractory: true, refractoryInLastLine: true, lines: [1, 2] });
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine' }, p)).toBe('MET');
    expect(outcome({ fact: 'classRefractory', class: 'IMID', scope: 'lastLine' }, p)).toBe('MET');
    // Stopped 30 days after daratumumab was added, progression 20 days later: within its 60 days.
    const q = profileOf([med('lenalidomide', '2022-01-01', '2023-01-31', { reasonStopped: 'toxicity' }), med('dexamethasone', '2022-01-01', null), response('2022-04-01', 'PR'), med('daratumumab', '2023-01-01', null), response('2023-02-20', 'PD')]);
    expect(q.drugs.lenalidomide!.refractory).toBe(true);
  });

  it('minimum exposure counts the time on the drug across per-dose and per-cycle records', () => {
    const weeklyDara = profileOf([...weekly('daratumumab', '2024-01-01', 8), med('dexamethasone', '2024-01-01', '2024-02-19'), response('2024-03-01', 'PD')], { minExposureDaysForRefractoriness: 28 });
    expect(weeklyDara.linesOfTherapy.count).toBe(1);
    expect(weeklyDara.drugs.daratumumab!.refractory).toBe(true);
    const cycles = profileOf([med('Dd', '2024-01-01', '2024-01-21', { cycles: 1 }), med('Dd', '2024-01-22', '2024-02-11', { cycles: 1 }), response('2024-02-20', 'PD')], { minExposureDaysForRefractoriness: 28 });
    expect(cycles.drugs.daratumumab!.refractory).toBe(true);
    // 20 days on it in all: still too short.
    expect(profileOf([med('Dd', '2024-01-01', '2024-01-10'), med('Dd', '2024-01-11', '2024-01-20'), response('2024-01-25', 'PD')], { minExposureDaysForRefractoriness: 28 }).drugs.daratumumab!.refractory).toBe(false);
  });

  it('no response over weekly administrations is nonresponse on the drug', () => {
    const p = profileOf([...weekly('daratumumab', '2024-01-01', 12), med('Pd', '2024-01-01', '2024-03-31'), response('2024-02-15', 'SD'), response('2024-03-20', 'SD'), med('Kd', '2024-05-01', null), response('2024-08-01', 'PR')]);
    expect([p.drugs.pomalidomide!.refractory, p.drugs.daratumumab!.refractory, p.classes.ANTI_CD38.refractory]).toEqual([true, true, true]);
  });

  it('"refractory in the last line, not at maintenance only" looks at the last line only', () => {
    const p = profileOf([
      med('Rd', '2018-01-01', '2019-01-01', { reasonStopped: 'progression' }),
      response('2018-04-01', 'PR'),
      response('2018-12-15', 'PD'),
      med('KRd', '2019-02-01', '2019-08-01', { intent: 'induction' }),
      response('2019-07-01', 'VGPR'),
      sct('2019-09-01'),
      med('lenalidomide', '2019-11-01', null, { intent: 'maintenance' }),
      response('2021-01-01', 'PD'),
    ]);
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine', excludeMaintenanceOnly: true }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true }, p)).toBe('MET');
  });
});

describe('disease facts', () => {
  const serumFree = [lab('2025-05-20', 'serumMProtein', 0, 'g/dL'), lab('2025-05-20', 'urineMProtein', 0, 'mg/24h')];

  it('the more recent of a reported FLC ratio and a κ/λ pair decides the ratio', () => {
    const newerPair = profileOf([...serumFree, lab('2025-04-15', 'flcRatio', 1.2, '1'), lab('2025-05-20', 'freeKappa', 300, 'mg/L'), lab('2025-05-20', 'freeLambda', 10, 'mg/L')]);
    expect(newerPair.disease.measurable.flcOnly).toBe(true);
    const newerRatio = profileOf([...serumFree, lab('2025-05-25', 'flcRatio', 1.2, '1'), lab('2025-05-20', 'freeKappa', 300, 'mg/L'), lab('2025-05-20', 'freeLambda', 10, 'mg/L')]);
    expect(newerRatio.disease.measurable.flcOnly).toBe(false);
  });

  it('the ratio is kept unrounded: 1.65004 is outside the normal range', () => {
    const p = profileOf([...serumFree, lab('2025-05-20', 'freeKappa', 165.004, 'mg/L'), lab('2025-05-20', 'freeLambda', 100, 'mg/L')]);
    expect(outcome({ fact: 'measurableDisease' }, p)).toBe('MET');
  });

  it('isotype-specific cut-offs: unknown without an isotype when the value qualifies for some; the M-protein lab may name it', () => {
    const rule = { fact: 'measurableDisease', serumMinGdLByIsotype: { IgG: 1.0, IgA: 0.5, IgD: 0.5, IgE: 0.5, IgM: 0.5 } };
    const base = [lab('2025-05-20', 'urineMProtein', 0, 'mg/24h'), lab('2025-05-20', 'freeKappa', 20, 'mg/L'), lab('2025-05-20', 'freeLambda', 15, 'mg/L')];
    expect(outcome(rule, profileOf([...base, lab('2025-05-20', 'serumMProtein', 0.6, 'g/dL')]))).toBe('UNKNOWN');
    expect(outcome(rule, profileOf([...base, lab('2025-05-20', 'serumMProtein', 0.4, 'g/dL')]))).toBe('NOT_MET');
    expect(outcome(rule, profileOf([...base, lab('2025-05-20', 'serumMProtein', 0.6, 'g/dL', { isotype: 'IgA kappa' })]))).toBe('MET');
  });

  it('non-secretory only with clonal marrow plasma cells, serum and urine both on record and both immunofixations negative', () => {
    const ife = [lab('2025-05-20', 'serumImmunofixation', 0, '1', { result: 'negative' }), lab('2025-05-20', 'urineImmunofixation', 0, '1', { result: 'negative' })];
    const ratio = [lab('2025-05-20', 'freeKappa', 15, 'mg/L'), lab('2025-05-20', 'freeLambda', 15, 'mg/L'), ...ife];
    const marrow = lab('2025-05-20', 'marrowPlasmaCells', 30, '%');
    expect(profileOf([...serumFree, ...ratio, marrow]).disease.measurable.nonSecretoryPattern).toBe(true);
    // Negative immunofixation is part of the definition (§5): without it, or with one of the two only, the pattern is not shown (meas31 B17).
    expect(profileOf([...serumFree, ...ratio.slice(0, 2), marrow]).disease.measurable.nonSecretoryPattern).toBe(false);
    expect(profileOf([...serumFree, ...ratio.slice(0, 3), marrow]).disease.measurable.nonSecretoryPattern).toBe(false);
    // A measurable involved FLC ever on record, or a light-chain myeloma named at diagnosis: light-chain disease (meas31 B22/B23).
    expect(profileOf([lab('2024-01-01', 'freeKappa', 300, 'mg/L'), lab('2024-01-01', 'freeLambda', 10, 'mg/L'), ...serumFree, ...ratio, marrow]).disease.measurable.nonSecretoryPattern).toBe(false);
    expect(profileOf([event('diagnosis', '2023-01-01', { isotype: { heavyChain: 'none', lightChain: 'kappa' } }), ...serumFree, ...ratio, marrow]).disease.measurable.nonSecretoryPattern).toBe(false);
    // Without clonal marrow plasma cells on record, or after a secretory myeloma now in CR: not the non-secretory pattern (domain §5).
    expect(profileOf([...serumFree, ...ratio]).disease.measurable.nonSecretoryPattern).toBe(false);
    expect(profileOf([...serumFree, ...ratio, lab('2025-05-20', 'marrowClonalPlasmaCells', 0, '1', { result: 'negative' })]).disease.measurable.nonSecretoryPattern).toBe(false);
    expect(profileOf([lab('2023-01-01', 'serumMProtein', 3.1, 'g/dL'), lab('2023-01-01', 'marrowPlasmaCells', 40, '%'), ...serumFree, ...ratio]).disease.measurable.nonSecretoryPattern).toBe(false);
    // Non-secretory at diagnosis stays so in remission (the marrow now 4%).
    expect(profileOf([lab('2023-01-01', 'marrowPlasmaCells', 40, '%'), lab('2024-06-01', 'marrowPlasmaCells', 4, '%'), ...serumFree, ...ratio]).disease.measurable.nonSecretoryPattern).toBe(true);
    expect(profileOf([lab('2025-05-20', 'serumMProtein', 0, 'g/dL'), ...ratio]).disease.measurable.nonSecretoryPattern).toBe(false);
    expect(profileOf([...serumFree, ...ratio.slice(0, 2), ife[1]!, marrow, lab('2025-05-20', 'serumImmunofixation', 0, '1', { result: 'positive' })]).disease.measurable.nonSecretoryPattern).toBe(false);
  });

  it('a diagnosis of plasma-cell leukaemia is that condition', () => {
    const p = profileOf([demographics('1960-01-01', 'male', 80), event('diagnosis', '2024-01-01', { condition: 'plasma-cell-leukemia', diagnosisDate: '2024-01-01' })]);
    expect(outcome({ fact: 'plasmaCellLeukemia' }, p)).toBe('MET');
  });

  it('a soft-tissue mass arising from a bone lesion through the cortex is paraskeletal', () => {
    const p = profileOf([event('imaging', '2025-05-01', { modality: 'PET-CT', extramedullary: { present: true, type: 'soft-tissue mass arising from a bone lesion through the cortex' } })]);
    expect(outcome({ fact: 'extramedullaryDisease', type: 'extramedullary' }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'extramedullaryDisease', type: 'paraskeletal' }, p)).toBe('MET');
  });
});

describe('measurable by FLC only', () => {
  const flc = [lab('2025-05-20', 'serumMProtein', 0.3, 'g/dL'), lab('2025-05-20', 'freeKappa', 300, 'mg/L'), lab('2025-05-20', 'freeLambda', 10, 'mg/L')];
  it('is open while urine M-protein was never measured, met once it is and is not measurable', () => {
    expect(outcome({ fact: 'measurableByFlcOnly' }, profileOf(flc))).toBe('UNKNOWN');
    expect(outcome({ fact: 'measurableByFlcOnly' }, profileOf([...flc, lab('2025-05-20', 'urineMProtein', 50, 'mg/24h')]))).toBe('MET');
    expect(outcome({ fact: 'measurableByFlcOnly' }, profileOf([...flc, lab('2025-05-20', 'urineMProtein', 300, 'mg/24h')]))).toBe('NOT_MET');
  });
});

describe('a drug carried into a later line', () => {
  it('a progression on it in the last line is refractoriness in that line too (not only the first progression on it)', () => {
    // Rd since 2020; a progression, daratumumab added (D-Rd, line 2) and stopped for toxicity; a progression on Rd in line 2.
    const p = profileOf([
      med('Rd', '2020-01-01', null),
      response('2020-06-01', 'PR'),
      response('2024-01-10', 'PD'),
      med('daratumumab', '2024-01-20', '2024-03-01', { reasonStopped: 'toxicity' }),
      response('2024-06-01', 'PR'),
      response('2025-05-01', 'PD'),
    ]);
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.drugs.lenalidomide!.evidence.map((e) => [e.line, e.date])).toEqual([
      [1, '2024-01-10'],
      [2, '2025-05-01'],
    ]);
    expect(p.drugs.lenalidomide!.refractoryInLastLine).toBe(true);
    expect(outcome({ fact: 'classRefractory', class: 'IMID', scope: 'lastLine', progressionOnly: true }, p)).toBe('MET');
  });
});

describe('nonresponsive while on therapy (IMWG 2011: "failure to achieve MR … while on therapy")', () => {
  const before = [med('VRd', '2023-01-10', '2023-05-20', { reasonStopped: 'progression' }), response('2023-03-01', 'PR'), response('2023-05-02', 'PD')];
  it('a regimen still given, with no MR or better two cycles and more after its start, is refractory', () => {
    const p = profileOf([...before, med('Isa-Pd', '2023-06-01', null), response('2023-08-15', 'SD'), response('2023-11-14', 'SD')]);
    expect(p.drugs.isatuximab!.refractory).toBe(true);
    expect(p.drugs.pomalidomide!.evidence).toEqual([expect.objectContaining({ kind: 'no-response', date: '2023-11-14' })]);
    expect(p.flags.refractoryToLastLine).toBe(true);
  });
  it('not yet judged at a first assessment four weeks in, nor once it has responded', () => {
    expect(profileOf([...before, med('Isa-Pd', '2023-06-01', null), response('2023-06-29', 'SD')]).drugs.isatuximab!.refractory).toBe(false);
    expect(profileOf([...before, med('Isa-Pd', '2023-06-01', null), response('2023-08-15', 'SD'), response('2023-11-14', 'MR')]).drugs.isatuximab!.refractory).toBe(false);
  });
});

describe('minimum exposure in a rule (≥ N days on a drug, ≥ N cycles: MagnetisMM-32, MAMMOTH)', () => {
  it('days on the drug count per-dose records with their dosing intervals', () => {
    const p = profileOf(weekly('daratumumab', '2024-01-01', 8));
    expect(p.drugs.daratumumab!.durationDays).toBe(50);
    expect(outcome({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 }, p)).toBe('MET');
    expect(outcome({ fact: 'classExposed', class: 'ANTI_CD38', minDays: 60 }, p)).toBe('NOT_MET');
  });

  it('cycles: met, not met, or unknown when the records give none', () => {
    const two = profileOf([med('Dd', '2024-01-01', '2024-01-28', { cycles: 1 }), med('Dd', '2024-01-29', '2024-02-25', { cycles: 1 })]);
    expect(outcome({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2 }, two)).toBe('MET');
    expect(outcome({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 3 }, two)).toBe('NOT_MET');
    expect(outcome({ fact: 'drugExposed', drug: 'daratumumab', minCycles: 2 }, profileOf([med('Dd', '2024-01-01', '2024-02-25')]))).toBe('UNKNOWN');
  });

  it('in the last line: only the days and cycles of that line count', () => {
    // Rd for a year (12 cycles), progression, then Pd-based salvage that brings no lenalidomide; then lenalidomide again for 3 weeks.
    const p = profileOf([
      med('Rd', '2023-01-01', '2023-12-31', { cycles: 12 }),
      response('2024-01-15', 'PD'),
      med('DPd', '2024-02-01', '2024-10-01', { cycles: 8 }),
      response('2024-10-20', 'PD'),
      med('KRd', '2025-05-01', '2025-05-21', { cycles: 1 }),
    ]);
    expect(p.linesOfTherapy.count).toBe(3);
    expect(p.drugs.lenalidomide!.inLastLine).toEqual({ durationDays: 21, cycles: 1, cyclesPartial: false, ongoing: false, consecutiveCycles: { cycles: 1, partial: false } });
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', minDays: 56 }, p)).toBe('MET');
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minDays: 56 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'classExposed', class: 'IMID', scope: 'lastLine', minCycles: 2 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'classExposed', class: 'IMID', minCycles: 2 }, p)).toBe('MET');
  });

  it('in the last line: a regimen carried into it counts from the line’s start, its cycles cannot be split', () => {
    // Rd running when daratumumab is added for a progression (D-Rd, a new line): lenalidomide counts in that line from the addition.
    const p = profileOf([med('Rd', '2024-01-01', null, { cycles: 12 }), response('2025-03-01', 'PD'), med('daratumumab', '2025-03-10', null)]);
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.drugs.lenalidomide!.inLastLine).toMatchObject({ durationDays: 84, cycles: null, ongoing: true });
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minDays: 28 }, p)).toBe('MET');
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minDays: 90 }, p)).toBe('NOT_MET');
    expect(outcome({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', minCycles: 2 }, p)).toBe('UNKNOWN');
  });

  it('an ongoing exposure not yet long enough is met from the day it will be', () => {
    const p = profileOf([med('Dd', '2025-05-20', null)]);
    expect(compileRule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 })({ profile: p, asOf: AS_OF, trace: null })).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-16', flipsTo: 'MET' });
    expect(compileRule({ fact: 'drugExposed', drug: 'daratumumab', minDays: 28 })({ profile: p, asOf: '2025-06-16', trace: null }).outcome).toBe('MET');
  });
});

describe('lines of therapy: what the first review of these rules found', () => {
  it('a steroid bridge after a progression opens no line while nothing follows it', () => {
    const p = profileOf([
      med('VRd', '2024-01-01', '2024-05-01', { intent: 'induction' }),
      sct('2024-06-01'),
      med('lenalidomide', '2024-08-01', '2025-04-20', { intent: 'maintenance', reasonStopped: 'progression' }),
      response('2025-04-28', 'PD'),
      med('dexamethasone', '2025-05-10', null),
    ]);
    expect(p.linesOfTherapy.count).toBe(1);
    expect(p.flags.refractoryToLastLine).toBe(true);
  });

  it('a progression dated in the first days of a line is the one that prompted it: an agent added on day 15 is no salvage', () => {
    const p = profileOf([med('Rd', '2021-01-01', '2022-12-20'), med('KRd', '2023-01-01', '2023-08-01'), response('2023-01-04', 'PD'), med('daratumumab', '2023-01-15', '2023-08-01')]);
    expect(p.linesOfTherapy.count).toBe(2);
  });

  it('a switch whose old record ends a few days after the new regimen starts does not carry the old drug', () => {
    const p = profileOf([med('Rd', '2022-01-01', '2023-06-28'), response('2022-06-01', 'PR'), med('Pd', '2023-06-20', null), response('2023-08-15', 'PD')]);
    expect(p.linesOfTherapy.lines[1]!.generics).toEqual(['dexamethasone', 'pomalidomide']);
    expect(p.drugs.lenalidomide!.refractory).toBe(false);
  });

  it('steroids alone for months with a response are a line of their own, not a lead-in', () => {
    expect(profileOf([med('dexamethasone', '2020-01-01', '2020-06-01'), response('2020-03-01', 'PR'), med('VRd', '2020-06-10', null)]).linesOfTherapy.count).toBe(2);
  });

  it('the next dose right after a progression is the same therapy going on, not re-treatment', () => {
    const doses = weekly('daratumumab', '2024-01-01', 24);
    const p = profileOf([...doses, med('Rd', '2024-01-01', '2024-06-09'), response('2024-06-10', 'PD'), med('Kd', '2024-06-25', null)]);
    expect(p.linesOfTherapy.lines.map((l) => l.openedBy)).toEqual(['first-treatment', 'new-regimen-after-discontinuation']);
  });
});

describe('lines of therapy: second review', () => {
  it('a steroid given at a progression goes with the same therapy when it goes on', () => {
    const kd = weekly('carfilzomib', '2024-01-01', 10);
    const again = weekly('carfilzomib', '2024-03-13', 7);
    const p = profileOf([...kd, response('2024-03-12', 'PD'), med('dexamethasone', '2024-03-12', '2024-03-12'), ...again, med('pomalidomide', '2024-06-15', null)]);
    expect(p.linesOfTherapy.lines.map((l) => [l.start, l.generics])).toEqual([
      ['2024-01-01', ['carfilzomib', 'dexamethasone']],
      ['2024-06-15', ['pomalidomide']],
    ]);
  });

  it('a regimen stopped for progression and restarted days later is re-treatment', () => {
    expect(profileOf([med('Rd', '2022-01-01', '2023-01-01', { reasonStopped: 'progression' }), response('2023-01-01', 'PD'), med('Rd', '2023-01-11', null)]).linesOfTherapy.count).toBe(2);
  });

  it('a steroid bridge long before the next treatment belongs to no line', () => {
    const p = profileOf([med('VRd', '2022-01-01', '2022-12-01'), response('2023-01-01', 'PD'), med('dexamethasone', '2023-01-15', '2023-01-29'), med('DRd', '2024-01-15', null)]);
    expect(p.linesOfTherapy.lines.map((l) => l.start)).toEqual(['2022-01-01', '2024-01-15']);
  });
});
