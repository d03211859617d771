/**
 * story31 (part A, S01–S08): whole-patient RRMM histories, facts hand-derived from domain.md and
 * docs/clinical-core.md / docs/criteria-language.md before reading the implementation.
 */
import {
  crit,
  Ev, S, U, K, sIFE, uIFE, BM, ecog, apheresis, cond, ser, prof, rule, evalTrial, lineStarts, memo,
  med, response, demographics, diagnosis, sct, carT, mrd,
} from './story-helpers';

// ---------------------------------------------------------------------------------------------
// S01: IgG-κ, VRd → mobilization → ASCT → R maintenance (PD on R) → DKd (PD on it) → teclistamab (VGPR).
// ---------------------------------------------------------------------------------------------
const S01_AS_OF = '2026-03-01';
const S01: Ev[] = [
  demographics('1958-04-02', 'male', 82),
  diagnosis('2018-03-01', 'IgG', 'kappa'),
  S('2018-03-01', 3.2),
  med('VRd', '2018-03-15', '2018-07-15', { intent: 'induction', cycles: 4 }),
  ...ser(['2018-04-15', 1.5], ['2018-05-15', 0.6], ['2018-06-15', 0.3], ['2018-07-15', 0.2]),
  med('cyclophosphamide', '2018-08-01', '2018-08-02', { intent: 'mobilization' }),
  apheresis('2018-08-15'),
  cond('2018-09-18'),
  sct('2018-09-20'),
  S('2018-11-01', 0.1),
  med('lenalidomide', '2018-12-01', '2021-06-10', { intent: 'maintenance', reasonStopped: 'progression' }),
  response('2019-06-01', 'VGPR'),
  ...ser(['2019-03-01', 0.1], ['2019-09-01', 0.1], ['2020-03-01', 0.1], ['2020-09-01', 0.1], ['2021-03-01', 0.3], ['2021-04-15', 0.9], ['2021-06-01', 1.6]),
  med('DKd', '2021-06-20', '2022-12-10', { reasonStopped: 'progression' }),
  ...ser(['2021-07-20', 0.7], ['2021-08-20', 0.3], ['2021-09-20', 0.15], ['2021-11-20', 0.15], ['2022-02-20', 0.1], ['2022-05-20', 0.1], ['2022-08-20', 0.2], ['2022-10-20', 0.6], ['2022-12-01', 0.9]),
  S('2023-01-03', 1.4), U('2023-01-03', 50),
  med('teclistamab', '2023-01-05', null),
  ...['2023-02-03', '2023-03-03', '2023-04-03', '2023-06-03', '2023-09-03', '2024-01-03', '2024-06-03', '2024-12-03', '2025-06-03', '2025-12-03', '2026-02-01'].flatMap((d, i) => [S(d, i === 0 ? 0.5 : 0.1), U(d, 0)]),
];
const p01 = memo(() => prof(S01, S01_AS_OF));

describe('S01 IgG-κ VRd/ASCT/R → DKd → teclistamab', () => {
  it('S01.lines: 3 lines (mobilization & conditioning open none; ASCT+R maintenance in line 1) [§3 rules, step 4]', () => {
    expect(lineStarts(p01())).toEqual(['2018-03-15', '2021-06-20', '2023-01-05']);
  });
  it('S01.lenRefractory: confirmed rise 0.1→0.9 on R maintenance [§1 refractory, §4 PD]', () => {
    expect(p01().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S01.bortezomibNotRefractory: VRd responded, PD years after last dose [§1]', () => {
    expect(p01().drugs.bortezomib?.refractory).toBe(false);
  });
  it('S01.tcr: triple-class refractory (len, carfilzomib, daratumumab) [§2 TCR]', () => {
    expect(p01().flags.tripleClassRefractory).toBe(true);
  });
  it('S01.pentaNot: never had pomalidomide → not penta-refractory [§2 penta]', () => {
    expect(p01().flags.pentaRefractory).toBe(false);
  });
  it('S01.progressionDate: latest PD on DKd dated at first of confirming pair, 2022-10-20 [§4 PD nadir 0.1, +0.5]', () => {
    expect(p01().disease.progressionDate).toBe('2022-10-20');
  });
  it('S01.response: teclistamab 1.4→0.1 (−93%), urine 0 → VGPR confirmed [§4 VGPR]', () => {
    const r = p01().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['VGPR', true]);
  });
  it('S01.lastLineNotRefractory: responding on teclistamab [§1]', () => {
    expect(p01().flags.refractoryToLastLine).toBe(false);
  });
  it('S01.status: ≥MR earlier, latest PD on DKd → relapsed-and-refractory, not relapsed [§1]', () => {
    expect([p01().flags.relapsedAndRefractory, p01().flags.relapsed]).toEqual([true, false]);
  });
  it('S01.bispecificWashout: teclistamab ongoing → "no BCMA bispecific in 14 days" NOT_MET [§7 washouts]', () => {
    expect(rule({ fact: 'timeSince', event: 'lastDose', class: 'BCMA_BISPECIFIC', minDays: 14 }, p01(), S01_AS_OF)).toBe('NOT_MET');
  });
});

// ---------------------------------------------------------------------------------------------
// S02: IgA-λ, VRd → ASCT → R maintenance; PD on R from a CR-level nadir 0; IgA 0.7 now (CANDOR-like trial).
// ---------------------------------------------------------------------------------------------
const S02_AS_OF = '2026-01-15';
const S02: Ev[] = [
  demographics('1961-07-10', 'female', 64),
  diagnosis('2020-05-01', 'IgA', 'lambda'),
  S('2020-05-01', 3.0),
  med('VRd', '2020-05-15', '2020-09-01', { intent: 'induction', cycles: 4 }),
  ...ser(['2020-06-15', 1.2], ['2020-07-15', 0.5], ['2020-08-15', 0.3]),
  cond('2020-10-13'),
  sct('2020-10-15'),
  S('2020-12-01', 0.1),
  med('lenalidomide', '2021-01-10', '2025-11-20', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2021-03-01', 0], ['2021-06-01', 0], ['2021-12-01', 0], ['2022-06-01', 0], ['2023-06-01', 0], ['2024-06-01', 0.1], ['2025-06-01', 0.1], ['2025-08-01', 0.2], ['2025-09-15', 0.35], ['2025-10-20', 0.6], ['2025-12-01', 0.75], ['2026-01-05', 0.7]),
  U('2026-01-05', 80),
  ...K('2026-01-05', 10, 60),
  ecog('2026-01-05', 1),
];
const p02 = memo(() => prof(S02, S02_AS_OF));

describe('S02 IgA-λ one line, PD on R maintenance, IgA 0.7 g/dL', () => {
  it('S02.lines: 1 line [§3]', () => {
    expect(p02().linesOfTherapy.count).toBe(1);
  });
  it('S02.progressionDate: nadir 0 (confirmed), 0.6 is +0.6 → PD 2025-10-20 [§4 PD]', () => {
    expect(p02().disease.progressionDate).toBe('2025-10-20');
  });
  it('S02.lenRefractory: PD on maintenance lenalidomide [§1]', () => {
    expect(p02().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S02.bortezomibNot: bortezomib stopped 2020, PD 2025 [§1]', () => {
    expect(p02().drugs.bortezomib?.refractory).toBe(false);
  });
  it('S02.imwgMeasurableNot: serum 0.7 <1, urine 80 <200, iFLC λ 6 mg/dL <10 → IMWG measurable NOT_MET [§5]', () => {
    expect(rule({ fact: 'measurableDisease' }, p02(), S02_AS_OF)).toBe('NOT_MET');
  });
  it('S02.refractoryToLastLine: the only line is the one progressed on [§1]', () => {
    expect(p02().flags.refractoryToLastLine).toBe(true);
  });
  it('S02.trialCANDOR: NCT03158688 ELIGIBLE (IgA 0.7 ≥0.5 within 21 d; 1 prior line; PD after last line; no K, no anti-CD38) [§5 isotype cut-offs]', () => {
    expect(evalTrial('NCT03158688', p02(), S02_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S03: 8-year course: VRd/ASCT/R → DVd → KPd (stop for progression only) → Sd bridging + cilta-cel (sCR) →
// relapse off therapy 2.5 y later → talquetamab (PR). MagnetisMM-3.
// ---------------------------------------------------------------------------------------------
const S03_AS_OF = '2026-03-01';
const S03: Ev[] = [
  demographics('1954-11-11', 'male', 78),
  diagnosis('2016-01-20', 'IgG', 'kappa'),
  S('2016-01-20', 4.1),
  med('VRd', '2016-02-01', '2016-06-01', { intent: 'induction' }),
  ...ser(['2016-03-01', 2.0], ['2016-04-01', 0.9], ['2016-06-01', 0.4]),
  cond('2016-07-30'),
  sct('2016-08-01'),
  med('lenalidomide', '2016-10-15', '2019-03-01', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2016-11-01', 0.2], ['2017-05-01', 0.2], ['2018-05-01', 0.2], ['2018-11-01', 0.5], ['2019-02-01', 0.9], ['2019-03-05', 1.3]),
  med('DVd', '2019-03-10', '2020-05-10', { reasonStopped: 'progression' }),
  response('2019-06-01', 'PR'), response('2019-09-01', 'PR'), response('2020-05-01', 'PD'),
  med('KPd', '2020-06-10', '2021-08-20', { reasonStopped: 'progression' }),
  response('2020-10-01', 'VGPR'), response('2021-01-01', 'VGPR'),
  apheresis('2021-09-20'),
  med('Sd', '2021-09-25', '2021-10-20', { intent: 'bridging' }),
  med('fludarabine', '2021-10-25', '2021-10-27', { intent: 'lymphodepletion' }),
  med('cyclophosphamide', '2021-10-25', '2021-10-27', { intent: 'lymphodepletion' }),
  carT('2021-10-30', 'cilta-cel'),
  response('2022-01-30', 'CR'), response('2022-04-30', 'CR'), response('2022-10-30', 'sCR'),
  response('2024-04-01', 'PD'), S('2024-04-01', 2.2),
  med('talquetamab', '2024-04-20', null),
  ...ser(['2024-05-20', 0.9], ['2024-06-20', 0.8], ['2024-09-20', 0.7], ['2024-12-20', 0.7], ['2025-03-20', 0.7], ['2025-06-20', 0.7], ['2025-09-20', 0.7], ['2025-12-20', 0.7]),
  response('2024-06-20', 'PR'),
  ecog('2026-02-01', 1),
];
const p03 = memo(() => prof(S03, S03_AS_OF));

describe('S03 penta-refractory, CAR-T with sCR, late relapse, talquetamab', () => {
  it('S03.lines: 5 lines; the CAR-T line starts with its bridging [§3 step 5 convention, bridgingWindowDays]', () => {
    expect(lineStarts(p03())).toEqual(['2016-02-01', '2019-03-10', '2020-06-10', '2021-09-25', '2024-04-20']);
  });
  it('S03.carfilzomibRefractory: KPd stopped for progression (no PD record) [docs: progression documented by a stop]', () => {
    expect(p03().drugs.carfilzomib?.refractory).toBe(true);
  });
  it('S03.penta: V (DVd PD), K, R, P, daratumumab all refractory [§2 penta]', () => {
    expect(p03().flags.pentaRefractory).toBe(true);
  });
  it('S03.carTNotRefractory: sCR after cilta-cel, PD 2.5 years later [§1; docs CAR-T refractoriness]', () => {
    expect(p03().classes.BCMA_CAR_T?.refractory).toBe(false);
  });
  it('S03.progressionDate: 2024-04-01 (reported PD) [§4]', () => {
    expect(p03().disease.progressionDate).toBe('2024-04-01');
  });
  it('S03.status: latest PD off therapy >60 d after the infusion → relapsed, not R/R [§1 relapsed]', () => {
    expect([p03().flags.relapsed, p03().flags.relapsedAndRefractory]).toEqual([true, false]);
  });
  it('S03.response: talquetamab 2.2 → 0.7 (−68%) → PR confirmed [§4 PR]', () => {
    const r = p03().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['PR', true]);
  });
  it('S03.quad: anti-CD38 + 2 PIs + 1 IMiD (MAMMOTH quad) → {classRefractory ANTI_CD38} & {classRefractory PI minDrugs 2} MET [§2 compute counts]', () => {
    expect(rule({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID', minDrugs: 2 }] }, p03(), S03_AS_OF)).toBe('MET');
  });
  it('S03.gprc5d: prior GPRC5D-directed therapy [§7 prior target therapy]', () => {
    expect(p03().flags.priorGprc5dDirected).toBe(true);
  });
  it('S03.trialMM3: MagnetisMM-3 ELIGIBLE via cohort B (TCR + prior BCMA CAR-T) [§2 TCR, §7]', () => {
    expect(evalTrial('NCT04649359', p03(), S03_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S04: primary refractory: VRd SD ×4 months → DKd PD → teclistamab SD at day 61. KarMMa-3.
// ---------------------------------------------------------------------------------------------
const S04_AS_OF = '2022-12-20';
const S04: Ev[] = [
  demographics('1955-01-15', 'male', 75),
  diagnosis('2022-01-10', 'IgG', 'lambda'),
  S('2022-01-15', 2.5),
  med('VRd', '2022-01-20', '2022-05-15', { reasonStopped: 'other' }),
  ...ser(['2022-02-15', 2.4], ['2022-03-15', 2.2], ['2022-04-15', 2.1], ['2022-05-15', 2.0]),
  med('DKd', '2022-05-25', '2022-09-30', { reasonStopped: 'progression' }),
  ...ser(['2022-06-25', 2.0], ['2022-07-25', 2.1], ['2022-08-25', 2.7], ['2022-09-25', 3.1]),
  med('teclistamab', '2022-10-10', null),
  ...ser(['2022-11-10', 2.9], ['2022-12-10', 2.6]),
  ecog('2022-12-01', 1),
];
const p04 = memo(() => prof(S04, S04_AS_OF));

describe('S04 primary refractory', () => {
  it('S04.lines: 3 lines [§3]', () => {
    expect(p04().linesOfTherapy.count).toBe(3);
  });
  it('S04.bortezomibNonresponse: SD at day 85 of VRd → nonresponsive → refractory [§1 nonresponsive; nonResponseMinDaysOngoing 56]', () => {
    expect(p04().drugs.bortezomib?.refractory).toBe(true);
  });
  it('S04.progressionDate: DKd nadir 2.0 (baseline), 2.7 (+0.7, +35%) → 2022-08-25 [§4]', () => {
    expect(p04().disease.progressionDate).toBe('2022-08-25');
  });
  it('S04.tcr: triple-class refractory [§2]', () => {
    expect(p04().flags.tripleClassRefractory).toBe(true);
  });
  it('S04.primary: never MR with any therapy + refractory → primary refractory [§1]', () => {
    expect([p04().flags.primaryRefractory, p04().flags.relapsedAndRefractory, p04().flags.relapsed]).toEqual([true, false, false]);
  });
  it('S04.progressionOnlyNot: bortezomib refractory only by nonresponse (PD 102 d after VRd) → {drugRefractory bortezomib progressionOnly} NOT_MET [§1 protocol variants]', () => {
    expect(rule({ fact: 'drugRefractory', drug: 'bortezomib', progressionOnly: true }, p04(), S04_AS_OF)).toBe('NOT_MET');
  });
  it('S04.primaryWithoutPD (2022-05-20, after VRd, before DKd): SD only, no PD → primary refractory ("no change" counts) [§1 primary refractory]', () => {
    expect(prof(S04, '2022-05-20').flags.primaryRefractory).toBe(true);
  });
  it('S04.best: best response SD [§4]', () => {
    expect(p04().disease.bestResponse).toBe('SD');
  });
  it('S04.tecNonresponse: SD at day 61 of teclistamab → refractory to last line (setting 56 days) [§1; nonResponseMinDaysOngoing]', () => {
    expect(p04().flags.refractoryToLastLine).toBe(true);
  });
  it('S04.trialKarMMa3: NCT03651128 ELIGIBLE (3 prior lines, TCE, refractory to last, dara) [§2 TCE]', () => {
    expect(evalTrial('NCT03651128', p04(), S04_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S05: CR after VRd/ASCT, no maintenance; relapse from CR (IFE+), biochemical PD off therapy; DRd VGPR.
// ---------------------------------------------------------------------------------------------
const S05_AS_OF = '2026-03-01';
const crLabs = (d: string): Ev[] => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
const S05: Ev[] = [
  demographics('1957-09-09', 'female', 60),
  diagnosis('2017-01-10', 'IgG', 'kappa'),
  S('2017-01-10', 2.8), U('2017-01-10', 150),
  med('VRd', '2017-01-20', '2017-05-20', { intent: 'induction', cycles: 4 }),
  S('2017-02-20', 1.2), U('2017-02-20', 60), S('2017-03-20', 0.5), U('2017-03-20', 30), S('2017-04-20', 0.2), U('2017-04-20', 0), S('2017-05-20', 0.1), U('2017-05-20', 0),
  cond('2017-07-18'),
  sct('2017-07-20'),
  ...crLabs('2017-10-20'), BM('2017-10-25', 2),
  ...crLabs('2017-12-20'), ...crLabs('2018-06-20'), ...crLabs('2019-06-20'),
  S('2020-03-01', 0), sIFE('2020-03-01', 'positive'),
  ...ser(['2020-09-01', 0.3], ['2021-01-15', 0.6], ['2021-03-15', 1.4]),
  response('2021-03-20', 'PD'),
  med('DRd', '2021-04-01', null),
  S('2021-05-01', 0.3), U('2021-05-01', 0), S('2021-06-01', 0.1), U('2021-06-01', 0),
  ...['2021-08-01', '2021-10-01', '2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-15'].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d, 'positive')]),
];
const p05 = memo(() => prof(S05, S05_AS_OF));

describe('S05 CR, relapse from CR off therapy, DRd VGPR', () => {
  it('S05.lines: 2 lines, DRd a new regimen after discontinuation [§3 rule 1]', () => {
    const l = p05().linesOfTherapy.lines;
    expect([l.length, l[1]?.start, l[1]?.openedBy]).toEqual([2, '2021-04-01', 'new-regimen-after-discontinuation']);
  });
  it('S05.bestCR: two consecutive negative IFE assessments + marrow 2% → best response CR [§4 CR]', () => {
    expect(p05().disease.bestResponse).toBe('CR');
  });
  it('S05.relapseFromCr: positive serum IFE 2020-03-01 [§4 relapse from CR]', () => {
    expect(p05().disease.relapseFromCr?.date).toBe('2020-03-01');
  });
  it('S05.progressionDate: nadir 0, 0.6 (+0.6) confirmed by 1.4 → 2021-01-15 (reported PD later documents it) [§4]', () => {
    expect(p05().disease.progressionDate).toBe('2021-01-15');
  });
  it('S05.status: PD >60 d after last therapy, MR reached → relapsed [§1 relapsed]', () => {
    expect([p05().flags.relapsed, p05().flags.relapsedAndRefractory, p05().flags.primaryRefractory]).toEqual([true, false, false]);
  });
  it('S05.response: DRd serum 0 with IFE positive, urine 0 → VGPR confirmed [§4 VGPR]', () => {
    const r = p05().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['VGPR', true]);
  });
  it('S05.lenNot: lenalidomide not refractory (relapse off therapy; DRd responding) [§1]', () => {
    expect(p05().drugs.lenalidomide?.refractory).toBe(false);
  });
  it('S05.mrdNegButVGPR: NGS-negative MRD while IFE stays positive (VGPR) → {mrd negative} NOT_MET (IMWG MRD requires CR) [§4 MRD categories require CR]', () => {
    const p = prof([...S05, mrd('2025-07-01', 'negative', 'NGS', 1e-5), S('2025-07-01', 0), U('2025-07-01', 0), sIFE('2025-07-01', 'positive')], S05_AS_OF);
    expect(rule({ fact: 'mrd', result: 'negative' }, p, S05_AS_OF)).toBe('NOT_MET');
  });
  it('S05.notMeasurable: serum 0, urine 0 → no measurable disease [§5]', () => {
    expect(p05().disease.measurable.any).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// S06: light-chain κ (FLC-only) disease; PD by dFLC on R maintenance; Isa-Pd PR by dFLC.
// ---------------------------------------------------------------------------------------------
const S06: Ev[] = [
  demographics('1966-02-20', 'male', 90),
  diagnosis('2019-04-01', 'none', 'kappa'),
  S('2019-04-01', 0), U('2019-04-01', 150), ...K('2019-04-01', 850, 8),
  med('VRd', '2019-04-10', '2019-08-01', { intent: 'induction' }),
  ...K('2019-05-10', 300, 9), U('2019-05-10', 80), ...K('2019-06-10', 80, 10), U('2019-06-10', 20), ...K('2019-08-01', 30, 12), S('2019-08-01', 0), U('2019-08-01', 0),
  cond('2019-09-13'),
  sct('2019-09-15'),
  med('lenalidomide', '2019-11-15', '2024-06-30', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...K('2019-12-01', 25, 12), ...K('2020-06-01', 22, 12), ...K('2020-12-01', 22, 12), ...K('2021-06-01', 24, 12), ...K('2022-06-01', 24, 12), ...K('2023-06-01', 24, 12),
  ...K('2024-02-01', 90, 12), ...K('2024-04-01', 180, 11), ...K('2024-06-01', 320, 10), S('2024-06-01', 0), U('2024-06-01', 120),
  med('Isa-Pd', '2024-07-10', null),
  ...K('2024-08-10', 100, 10), ...K('2024-09-10', 50, 10), ...K('2024-12-10', 40, 10), ...K('2025-03-10', 40, 10), ...K('2025-06-10', 40, 10), ...K('2025-09-10', 40, 10), ...K('2025-12-10', 40, 10),
  ...K('2026-02-01', 40, 10), S('2026-02-01', 0), U('2026-02-01', 0),
];
const p06a = memo(() => prof(S06, '2024-07-01'));
const p06b = memo(() => prof(S06, '2026-03-01'));

describe('S06 light-chain κ, dFLC progression', () => {
  it('S06.measurableFlcOnly (2024-07-01): κ 32 mg/dL, ratio 32, serum 0, urine 120 → FLC-only measurable [§5]', () => {
    const m = p06a().disease.measurable;
    expect([m.serum, m.urine, m.flcOnly, m.any]).toEqual([false, false, true, true]);
  });
  it('S06.progressionDflc (2024-07-01): dFLC nadir 10 mg/L → 169 (+15.9 mg/dL >10) → PD 2024-04-01 by dFLC [§4 PD dFLC]', () => {
    const p = p06a();
    expect([p.disease.progressionDate, p.disease.progressions.some((x) => x.source === 'dflc' && x.date === '2024-04-01')]).toEqual(['2024-04-01', true]);
  });
  it('S06.notAt2024-02 (2024-07-01): dFLC 78 (+6.8 mg/dL) is not PD — no progression dated 2024-02-01 [§4 >10 mg/dL]', () => {
    expect(p06a().disease.progressions.some((x) => x.date === '2024-02-01')).toBe(false);
  });
  it('S06.lenRefractory: PD on lenalidomide maintenance [§1]', () => {
    expect(p06b().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S06.lines (2026): 2 lines [§3]', () => {
    expect(p06b().linesOfTherapy.count).toBe(2);
  });
  // Contestable, taken: IMWG 2011's clarification for FLC-only disease makes a >90% fall of dFLC VGPR (resp31 A08); the
  // reviewer read domain.md's table alone (PR).
  it('S06.responseVGPR (2026): dFLC 310 → 30 mg/L (−90.3%): VGPR by dFLC in FLC-only disease, confirmed [§4, IMWG 2011]', () => {
    const c = p06b().disease.computedResponse;
    expect([c?.category, c?.confirmed]).toEqual(['VGPR', true]);
  });
  it('S06.notMeasurableNow (2026): κ 4 mg/dL → not measurable [§5]', () => {
    expect(p06b().disease.measurable.any).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// S07: transplant-ineligible; Rd with duplicate pharmacy record and a 42-day hold; PD on R; daratumumab
// ADDED to running R (new line, D-R); len stopped for toxicity; PD on dara; Kd stopped for toxicity; Pd.
// ---------------------------------------------------------------------------------------------
const S07_AS_OF = '2026-03-01';
const S07: Ev[] = [
  demographics('1942-03-02', 'female', 58),
  diagnosis('2018-06-01', 'IgG', 'kappa'),
  S('2018-06-01', 2.4),
  med('Rd', '2018-06-15', '2019-09-30'),
  med('Revlimid', '2018-06-15', '2019-09-30'),
  med('lenalidomide', '2019-11-11', '2021-02-28', { reasonStopped: 'toxicity' }),
  med('dexamethasone', '2019-11-11', '2020-01-15'),
  ...ser(['2018-07-15', 1.8], ['2018-08-15', 1.1], ['2018-09-15', 0.9], ['2018-11-15', 0.8], ['2019-02-15', 0.8], ['2019-05-15', 0.8], ['2019-08-15', 0.8], ['2019-12-15', 0.85], ['2020-03-15', 0.9], ['2020-06-15', 1.0], ['2020-09-15', 1.2], ['2020-11-15', 1.4], ['2020-12-15', 1.6]),
  med('daratumumab', '2021-01-10', '2023-07-05', { reasonStopped: 'progression' }),
  med('dexamethasone', '2021-01-10', '2023-07-05'),
  ...ser(['2021-02-10', 1.0], ['2021-03-10', 0.7], ['2021-05-10', 0.6], ['2021-08-10', 0.6], ['2021-11-10', 0.6], ['2022-02-10', 0.6], ['2022-05-10', 0.6], ['2022-08-10', 0.6], ['2022-11-10', 0.7], ['2023-02-10', 0.9], ['2023-04-10', 1.2], ['2023-06-10', 1.5], ['2023-07-15', 1.7]),
  med('Kd', '2023-07-20', '2024-03-20', { reasonStopped: 'toxicity' }),
  ...ser(['2023-08-20', 1.0], ['2023-09-20', 0.7], ['2023-11-20', 0.6], ['2024-01-20', 0.6], ['2024-03-15', 0.6]),
  med('Pd', '2024-04-05', null),
  ...ser(['2024-05-05', 0.3], ['2024-06-05', 0.2], ['2024-09-05', 0.1], ['2024-12-05', 0.1], ['2025-03-05', 0.1], ['2025-06-05', 0.1], ['2025-09-05', 0.1], ['2025-12-05', 0.1], ['2026-02-05', 0.1]),
  response('2024-06-05', 'PR'),
];
const p07 = memo(() => prof(S07, S07_AS_OF));

describe('S07 messy Rd → D-R → Kd → Pd', () => {
  it('S07.lines: hold ≤60 d and duplicate record open none; dara added for PD opens line 2 → 4 lines [§3 rules 1–2, step 4]', () => {
    expect(lineStarts(p07())).toEqual(['2018-06-15', '2021-01-10', '2023-07-20', '2024-04-05']);
  });
  it('S07.L2openedBy: unplanned addition [§3 rule 2]', () => {
    expect(p07().linesOfTherapy.lines[1]?.openedBy).toBe('unplanned-addition-or-switch');
  });
  it('S07.L2carriesLen: D-R line includes the running lenalidomide [docs: a line opened by adding an agent carries the agents still running]', () => {
    expect(p07().linesOfTherapy.lines[1]?.generics).toContain('lenalidomide');
  });
  it('S07.progressionOnR: confirmed nadir 0.8; 1.4 (+0.6) → PD 2020-11-15 exists [§4]', () => {
    expect(p07().disease.progressions.some((x) => x.date === '2020-11-15')).toBe(true);
  });
  it('S07.daraRefractory: PD 2023-04-10 on daratumumab [§1]', () => {
    expect(p07().drugs.daratumumab?.refractory).toBe(true);
  });
  it('S07.L3reason: Kd stopped for toxicity, no PD → reasonForChange toxicity [§3 step 6]', () => {
    expect(p07().linesOfTherapy.lines[2]?.reasonForChange).toBe('toxicity');
  });
  it('S07.carfilzomibNot: PR on Kd, stopped for toxicity → not refractory [§1]', () => {
    expect(p07().drugs.carfilzomib?.refractory).toBe(false);
  });
  it('S07.tcrNot/tce: PI not refractory → TCR false; TCE true [§2]', () => {
    expect([p07().flags.tripleClassRefractory, p07().flags.tripleClassExposed]).toEqual([false, true]);
  });
  it('S07.priorLines4: {priorLines min 4 max 4} MET [§3 step 6]', () => {
    expect(rule({ fact: 'priorLines', min: 4, max: 4 }, p07(), S07_AS_OF)).toBe('MET');
  });
});

// ---------------------------------------------------------------------------------------------
// S08: IgA-κ, VTd → ASCT → planned tandem ASCT → R maintenance (CR), stopped by choice; relapse off therapy;
// KRd → salvage ASCT (third SCT) → ixazomib (no intent) → PD → Dara-Pd.
// ---------------------------------------------------------------------------------------------
const S08_AS_OF = '2026-03-01';
const S08: Ev[] = [
  demographics('1962-11-30', 'male', 88),
  diagnosis('2016-09-01', 'IgA', 'kappa'),
  S('2016-09-01', 3.5),
  med('VTd', '2016-09-15', '2017-01-15', { intent: 'induction', cycles: 4 }),
  ...ser(['2016-10-15', 1.5], ['2016-11-15', 0.8], ['2016-12-15', 0.4], ['2017-01-15', 0.3]),
  cond('2017-02-18'), sct('2017-02-20'),
  S('2017-04-15', 0.1),
  cond('2017-05-23'), sct('2017-05-25', { plannedTandem: true }),
  ...crLabs('2017-07-15'), BM('2017-07-20', 1),
  med('lenalidomide', '2017-08-01', '2020-02-15', { intent: 'maintenance', reasonStopped: 'patient-choice' }),
  ...crLabs('2017-10-15'),
  ...ser(['2018-10-15', 0], ['2019-10-15', 0], ['2020-06-15', 0]), sIFE('2020-06-15', 'positive'),
  ...ser(['2020-12-15', 0.2], ['2021-03-15', 0.5], ['2021-05-15', 0.8], ['2021-06-15', 1.1]),
  response('2021-06-20', 'PD'),
  med('KRd', '2021-07-01', '2021-10-30', { intent: 'salvage' }),
  ...ser(['2021-08-01', 0.5], ['2021-09-01', 0.2], ['2021-10-01', 0.1], ['2021-11-01', 0.1]),
  cond('2021-12-13'), sct('2021-12-15'),
  med('ixazomib', '2022-03-01', '2024-11-01', { reasonStopped: 'progression' }),
  ...ser(['2022-03-01', 0.1], ['2022-06-01', 0.05], ['2022-09-01', 0.05], ['2023-03-01', 0.1], ['2023-09-01', 0.1], ['2024-03-01', 0.2], ['2024-06-15', 0.4], ['2024-08-15', 0.7], ['2024-10-01', 1.0]),
  med('Dara-Pd', '2024-11-10', null),
  ...ser(['2024-12-10', 0.5], ['2025-01-10', 0.3], ['2025-04-10', 0.2], ['2025-07-10', 0.2], ['2025-10-10', 0.2], ['2026-01-10', 0.2]),
];
const p08 = memo(() => prof(S08, S08_AS_OF));

describe('S08 tandem, relapse off therapy, salvage ASCT, ixazomib maintenance', () => {
  it('S08.lines: tandem ASCT same line; the third SCT (salvage, after KRd) is a new line → 4 lines [§3 rule 3]', () => {
    expect(lineStarts(p08())).toEqual(['2016-09-15', '2021-07-01', '2021-12-15', '2024-11-10']);
  });
  it('S08.L3openedBy: second-sct [§3 rule 3]', () => {
    expect(p08().linesOfTherapy.lines[2]?.openedBy).toBe('second-sct');
  });
  it('S08.transplants: 3 autologous SCTs [§7 prior SCT]', () => {
    expect(p08().transplants.length).toBe(3);
  });
  it('S08.lenNot: R stopped by choice, PD 13 months later → not refractory [§1]', () => {
    expect(p08().drugs.lenalidomide?.refractory).toBe(false);
  });
  it('S08.ixazomibRefractoryAtMaintenance: PD on single-agent ixazomib after ASCT → refractory, only at maintenance [§1 reduced/maintenance dose flag]', () => {
    const d = p08().drugs.ixazomib;
    expect([d?.refractory, d?.refractoryOnlyAtMaintenance]).toEqual([true, true]);
  });
  it('S08.excludeMaintenanceOnly: ixazomib refractory only at maintenance → {drugRefractory ixazomib excludeMaintenanceOnly} NOT_MET; {classRefractory PI} MET [§1 maintenance-dose variant]', () => {
    expect([rule({ fact: 'drugRefractory', drug: 'ixazomib', excludeMaintenanceOnly: true }, p08(), S08_AS_OF), rule({ fact: 'classRefractory', class: 'PI' }, p08(), S08_AS_OF)]).toEqual(['NOT_MET', 'MET']);
  });
  it('S08.carfilzomibNot: KRd responded, PD 2.5 y after [§1]', () => {
    expect(p08().drugs.carfilzomib?.refractory).toBe(false);
  });
  it('S08.progressionDate: nadir 0.05; 0.7 (+0.65) → 2024-08-15 [§4]', () => {
    expect(p08().disease.progressionDate).toBe('2024-08-15');
  });
  it('S08.relapseFromCr: positive serum IFE 2020-06-15 after the CR [§4 relapse from CR]', () => {
    expect(p08().disease.relapseFromCr?.date).toBe('2020-06-15');
  });
  it('S08.bestCR: CR after tandem [§4 CR]', () => {
    expect(p08().disease.bestResponse).toBe('CR');
  });
  it('S08.status: latest PD on ixazomib → relapsed-and-refractory [§1]', () => {
    expect(p08().flags.relapsedAndRefractory).toBe(true);
  });
  it('S08.response: Dara-Pd 1.0 → 0.2 PR confirmed [§4]', () => {
    const r = p08().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['PR', true]);
  });
});

// ---------------------------------------------------------------------------------------------
// Variants of the histories above (the same patient with the record changed as real data would differ).
// ---------------------------------------------------------------------------------------------
describe('variants of S02, S03, S06', () => {
  it('S02v.flcRoute: IgA 0.4 (<0.5), urine 80, λ 250 / κ 10 mg/L → NCT03158688 inc-03 MET by the FLC route [§5 FLC used when serum/urine not measurable]', () => {
    const evs = S02.filter((e) => !(e.occurredAt === '2026-01-05' && e.type === 'lab')).concat([S('2026-01-05', 0.4), U('2026-01-05', 80), ...K('2026-01-05', 10, 250)]);
    expect(crit('NCT03158688', 'inc-03', prof(evs, S02_AS_OF), S02_AS_OF)).toBe('MET');
  });
  it('S03v.carTSdThenPd: after cilta-cel only SD reported, PD 5 months later → CAR-T refractory; latest PD → relapsed-and-refractory [§1 nonresponsive; docs CAR-T]', () => {
    const evs = S03.filter((e) => !(e.type === 'response-assessment' && e.occurredAt >= '2022-01-01'))
      .concat([response('2022-01-30', 'SD'), response('2022-02-28', 'SD'), response('2022-03-30', 'PD')]);
    const p = prof(evs, '2022-04-15');
    expect([p.classes.BCMA_CAR_T?.refractory, p.flags.relapsedAndRefractory]).toEqual([true, true]);
  });
  it('S06v.flcExactly10: κ 100 / λ 5 mg/L (10 mg/dL, ratio 20) → IMWG FLC-only measurable (≥10) but SUCCESSOR-1 ">100 mg/L" NOT_MET [§5]', () => {
    const evs = S06.filter((e) => !(e.occurredAt === '2024-06-01' && ['free kappa', 'free lambda'].includes(String(e.data.name)))).concat(K('2024-06-01', 100, 5));
    const p = prof(evs, '2024-07-01');
    expect([p.disease.measurable.flcOnly, rule({ fact: 'measurableDisease', serumMinGdL: 0.5, urineMinMg24h: 200, involvedFlcMinMgDl: 10.001, requireAbnormalFlcRatio: true }, p, '2024-07-01')]).toEqual([true, 'NOT_MET']);
  });
  it('S06v.ratio165: κ 165 / λ 100 mg/L (ratio 1.65, inside 0.26–1.65) → not FLC-measurable [§5 Freelite range]', () => {
    const evs = S06.filter((e) => !(e.occurredAt === '2024-06-01' && ['free kappa', 'free lambda'].includes(String(e.data.name)))).concat(K('2024-06-01', 165, 100));
    expect(prof(evs, '2024-07-01').disease.measurable.flcOnly).toBe(false);
  });
});
