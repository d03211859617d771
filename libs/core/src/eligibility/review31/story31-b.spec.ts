/**
 * story31 (part B, S09–S16): whole-patient RRMM histories, facts hand-derived from domain.md and the docs.
 */
import {
  Ev, S, U, sIFE, uIFE, BM, clonal, ratio, ecog, cyto, apheresis, cond, pet, ser, prof, rule, evalTrial, lineStarts, memo,
  lab, med, response, demographics, diagnosis, sct, carT, mrd, DEFAULT_SETTINGS,
} from './story-helpers';

// ---------------------------------------------------------------------------------------------
// S09: reported responses only; VRd/ASCT/R → DPd → KCd → Kd bridging + ide-cel (PD at day 47) → talquetamab.
// ---------------------------------------------------------------------------------------------
const S09_AS_OF = '2026-03-01';
const S09: Ev[] = [
  demographics('1956-05-05', 'male', 77),
  diagnosis('2015-02-15', 'IgG', 'kappa'),
  med('VRd', '2015-03-01', '2015-07-01', { intent: 'induction' }),
  response('2015-05-01', 'PR'), response('2015-07-01', 'VGPR'),
  cond('2015-08-13'), sct('2015-08-15'),
  med('lenalidomide', '2015-10-01', '2018-04-30', { intent: 'maintenance', reasonStopped: 'progression' }),
  response('2015-11-15', 'CR'), response('2016-05-15', 'CR'), response('2018-04-10', 'PD'),
  med('DPd', '2018-05-10', '2020-02-28', { reasonStopped: 'progression' }),
  response('2018-08-10', 'VGPR'), response('2018-11-10', 'VGPR'), response('2020-02-15', 'PD'),
  med('KCd', '2020-03-10', '2021-04-20', { reasonStopped: 'progression' }),
  response('2020-06-10', 'PR'), response('2020-09-10', 'PR'), response('2021-04-10', 'PD'),
  apheresis('2021-04-28'),
  med('Kd', '2021-05-05', '2021-06-08', { intent: 'bridging' }),
  med('fludarabine', '2021-06-14', '2021-06-16', { intent: 'lymphodepletion' }),
  med('cyclophosphamide', '2021-06-14', '2021-06-16', { intent: 'lymphodepletion' }),
  carT('2021-06-19', 'ide-cel'),
  response('2021-07-19', 'PR'), response('2021-08-05', 'PD'),
  med('talquetamab', '2021-08-20', null),
  response('2021-10-20', 'PR'), response('2022-01-20', 'VGPR'), response('2022-06-20', 'VGPR'), response('2023-06-20', 'VGPR'),
  response('2024-06-20', 'VGPR'), response('2025-06-20', 'VGPR'), response('2026-01-20', 'VGPR'),
  ecog('2026-01-20', 1),
];
const p09 = memo(() => prof(S09, S09_AS_OF));

describe('S09 early progression after ide-cel', () => {
  it('S09.lines: 5 lines; CAR-T line from the Kd bridging [§3 step 3/5]', () => {
    expect(lineStarts(p09())).toEqual(['2015-03-01', '2018-05-10', '2020-03-10', '2021-05-05', '2021-08-20']);
  });
  it('S09.carTRefractory: PD 47 days after infusion (within 60 d) → BCMA CAR-T refractory [§1 PD within 60 days]', () => {
    expect(p09().classes.BCMA_CAR_T?.refractory).toBe(true);
  });
  it('S09.tcr: len (R), pom/dara (DPd), carfilzomib (KCd) → TCR [§2]', () => {
    expect(p09().flags.tripleClassRefractory).toBe(true);
  });
  it('S09.bortezomibNot/pentaNot: VRd responded, PD years later → bortezomib not refractory, not penta [§2]', () => {
    expect([p09().drugs.bortezomib?.refractory, p09().flags.pentaRefractory]).toEqual([false, false]);
  });
  it('S09.lastLineNot: talquetamab VGPR → not refractory to last line [§1]', () => {
    expect(p09().flags.refractoryToLastLine).toBe(false);
  });
  it('S09.status: latest PD 47 d after infusion, MR before → relapsed-and-refractory [§1]', () => {
    expect([p09().flags.relapsedAndRefractory, p09().flags.relapsed]).toEqual([true, false]);
  });
  it('S09.L4reason: CAR-T line left for progression [§3 step 6]', () => {
    expect(p09().linesOfTherapy.lines[3]?.reasonForChange).toBe('progression');
  });
  it('S09.priorCarTLastLineNot: the last line is talquetamab → {priorCarT scope lastLine} NOT_MET, ever MET [criteria-language priorCarT]', () => {
    expect([rule({ fact: 'priorCarT', scope: 'lastLine' }, p09(), S09_AS_OF), rule({ fact: 'priorCarT' }, p09(), S09_AS_OF)]).toEqual(['NOT_MET', 'MET']);
  });
  it('S09.best: best response CR [§4]', () => {
    expect(p09().disease.bestResponse).toBe('CR');
  });
  it('S09.trialMM3: MagnetisMM-3 ELIGIBLE (cohort B, prior BCMA CAR-T) [§2, §7]', () => {
    expect(evalTrial('NCT04649359', p09(), S09_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S10: del(17p) 40%; VRd → ASCT → R maintenance begun 253 d later (recorded maintenance) → PD → Isa-Kd with a
// 43-day carfilzomib hold. KarMMa-3 (needs daratumumab).
// ---------------------------------------------------------------------------------------------
const S10_AS_OF = '2026-03-01';
const S10: Ev[] = [
  demographics('1970-08-08', 'female', 70),
  diagnosis('2019-02-01', 'IgG', 'lambda'),
  cyto('2019-02-05', 'del(17p)', 'detected', 40),
  S('2019-02-01', 3.0),
  med('VRd', '2019-02-15', '2019-06-15', { intent: 'induction' }),
  ...ser(['2019-03-15', 1.4], ['2019-04-15', 0.7], ['2019-05-15', 0.4], ['2019-06-15', 0.3]),
  cond('2019-07-30'), sct('2019-08-01'),
  ...ser(['2019-10-15', 0.2], ['2020-02-15', 0.2]),
  med('lenalidomide', '2020-04-10', '2023-05-20', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2020-06-15', 0.2], ['2021-01-15', 0.2], ['2022-01-15', 0.25], ['2022-09-15', 0.3], ['2023-01-15', 0.5], ['2023-03-15', 0.6], ['2023-04-15', 0.8], ['2023-05-25', 1.2]),
  med('isatuximab', '2023-06-01', null),
  med('carfilzomib', '2023-06-01', '2024-01-31'),
  med('carfilzomib', '2024-03-15', null),
  med('dexamethasone', '2023-06-01', null),
  ...ser(['2023-07-01', 0.6], ['2023-08-01', 0.4], ['2023-10-01', 0.3], ['2024-01-01', 0.3], ['2024-04-01', 0.35], ['2024-07-01', 0.3], ['2024-10-01', 0.3], ['2025-01-01', 0.3], ['2025-04-01', 0.3], ['2025-07-01', 0.3], ['2025-10-01', 0.3], ['2026-01-05', 0.3]),
];
const p10 = memo(() => prof(S10, S10_AS_OF));

describe('S10 late planned maintenance, Isa-Kd with hold', () => {
  it('S10.lines: maintenance recorded as planned stays in line 1; carfilzomib hold 43 d opens none → 2 lines [§3 step 4; docs]', () => {
    expect(lineStarts(p10())).toEqual(['2019-02-15', '2023-06-01']);
  });
  it('S10.L1flag: maintenance begun >180 d after ASCT is review-flagged [§3 step 5 audit flag]', () => {
    expect(p10().linesOfTherapy.lines[0]?.reviewFlags.length).toBeGreaterThan(0);
  });
  it('S10.lenRefractoryAtMaintenance: PD 2023-04-15 on R maintenance [§1]', () => {
    const d = p10().drugs.lenalidomide;
    expect([d?.refractory, d?.refractoryOnlyAtMaintenance]).toEqual([true, true]);
  });
  it('S10.progressionDate: nadir 0.2; 0.6 (+0.4) not, 0.8 (+0.6) → 2023-04-15 [§4]', () => {
    expect(p10().disease.progressionDate).toBe('2023-04-15');
  });
  it('S10.response: Isa-Kd 1.2 → 0.3 PR confirmed [§4]', () => {
    const r = p10().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['PR', true]);
  });
  it('S10.awaiting (2023-07-15): first Isa-Kd assessment shows PR (−50%), unconfirmed → {responseAtLeast PR} UNKNOWN [§4 two consecutive assessments]', () => {
    expect(rule({ fact: 'responseAtLeast', category: 'PR' }, prof(S10, '2023-07-15'), '2023-07-15')).toBe('UNKNOWN');
  });
  it('S10.isaNot: isatuximab not refractory [§1]', () => {
    expect(p10().drugs.isatuximab?.refractory).toBe(false);
  });
  it('S10.rissHighRisk: del(17p) 40% → R-ISS high-risk FISH [§6]', () => {
    expect(p10().cytogenetics.highRiskRiss).toBe(true);
  });
  it('S10.trialKarMMa3: INELIGIBLE (2 lines ok, but no daratumumab and not refractory to last line) [§2]', () => {
    expect(evalTrial('NCT03651128', p10(), S10_AS_OF).verdict).toBe('INELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S11: DRd with a 50-day hold → PD on DRd → KPd stopped for toxicity (VGPR-ish) → PD off therapy 11 months
// later → KPd again (re-treatment).
// ---------------------------------------------------------------------------------------------
const S11_AS_OF = '2026-03-01';
const S11: Ev[] = [
  demographics('1944-10-10', 'male', 72),
  diagnosis('2018-12-01', 'IgG', 'kappa'),
  S('2018-12-01', 2.6),
  med('DRd', '2019-01-05', '2020-03-01', { reasonStopped: 'other' }),
  med('DRd', '2020-04-20', '2022-03-31', { reasonStopped: 'progression' }),
  ...ser(['2019-02-05', 1.5], ['2019-03-05', 0.8], ['2019-05-05', 0.4], ['2019-08-05', 0.3], ['2019-11-05', 0.3], ['2020-02-05', 0.3], ['2020-06-05', 0.35], ['2020-10-05', 0.3], ['2021-04-05', 0.3], ['2021-10-05', 0.45], ['2022-01-05', 0.9], ['2022-03-05', 1.3]),
  med('KPd', '2022-04-10', '2023-01-15', { reasonStopped: 'toxicity' }),
  ...ser(['2022-05-10', 0.6], ['2022-06-10', 0.3], ['2022-08-10', 0.2], ['2022-11-10', 0.2], ['2023-01-10', 0.2], ['2023-04-10', 0.2], ['2023-07-10', 0.3], ['2023-10-10', 0.5], ['2023-12-10', 0.8], ['2024-01-20', 1.1]),
  med('KPd', '2024-02-10', null),
  ...ser(['2024-03-10', 0.5], ['2024-04-10', 0.3], ['2024-07-10', 0.25], ['2024-10-10', 0.25], ['2025-01-10', 0.25], ['2025-04-10', 0.25], ['2025-07-10', 0.25], ['2025-10-10', 0.25], ['2026-01-10', 0.25]),
];
const p11 = memo(() => prof(S11, S11_AS_OF));

describe('S11 hold, toxicity stop, relapse off therapy, KPd re-treatment', () => {
  it('S11.lines: hold of 50 d (no PD) is no line; KPd again after PD is re-treatment → 3 lines [§3 rule 1, S1 re-treatment]', () => {
    expect(lineStarts(p11())).toEqual(['2019-01-05', '2022-04-10', '2024-02-10']);
  });
  it('S11.L3openedBy: re-treatment after a treatment-free interval [§3 S1]', () => {
    expect(p11().linesOfTherapy.lines[2]?.openedBy).toBe('retreatment-after-treatment-free-interval');
  });
  it('S11.daraLenRefractory: PD 2022-01-05 on DRd [§1]', () => {
    expect([p11().drugs.daratumumab?.refractory, p11().drugs.lenalidomide?.refractory]).toEqual([true, true]);
  });
  it('S11.carfilzomibNot: PD 329 days after KPd stopped; KPd again responding → not refractory [§1]', () => {
    expect(p11().drugs.carfilzomib?.refractory).toBe(false);
  });
  it('S11.progressionDate: L2 nadir 0.2; 0.8 (+0.6) → 2023-12-10 [§4]', () => {
    expect(p11().disease.progressionDate).toBe('2023-12-10');
  });
  it('S11.status: latest PD off therapy (>60 d) → relapsed [§1]', () => {
    expect([p11().flags.relapsed, p11().flags.relapsedAndRefractory]).toEqual([true, false]);
  });
  it('S11.L2reason: a progression off therapy that prompted the next line → progression [docs reasonForChange]', () => {
    expect(p11().linesOfTherapy.lines[1]?.reasonForChange).toBe('progression');
  });
  it('S11.pdAfterLastLine60 (2024-02-01, before re-treatment): PD 329 d after the last KPd dose → progressionAfterLastLine MET, within 60 days of last dose NOT_MET [§1; criteria-language]', () => {
    const p = prof(S11, '2024-02-01');
    expect([rule({ fact: 'progressionAfterLastLine' }, p, '2024-02-01'), rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, p, '2024-02-01')]).toEqual(['MET', 'NOT_MET']);
  });
  it('S11.c4inc04 (2024-02-01): CARTITUDE-4 "PD within 6 months of last regimen" NOT_MET [trial text]', () => {
    expect(rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 183 }, prof(S11, '2024-02-01'), '2024-02-01')).toBe('NOT_MET');
  });
  it('S11.doubleNot: IMiD refractory, PI not → not double-refractory [§2]', () => {
    expect(p11().flags.doubleRefractory).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// S12: D-VRd → ASCT → R (PD) → Kd (MR, then PD). CARTITUDE-1 with a reported eGFR at the threshold.
// ---------------------------------------------------------------------------------------------
const S12_AS_OF = '2023-07-10';
const S12base: Ev[] = [
  demographics('1960-06-15', 'male', 80),
  diagnosis('2020-01-10', 'IgG', 'kappa'),
  S('2020-01-20', 4.0),
  med('D-VRd', '2020-02-01', '2020-06-01', { intent: 'induction' }),
  ...ser(['2020-03-01', 1.0], ['2020-04-01', 0.4], ['2020-05-01', 0.2], ['2020-06-01', 0.2]),
  cond('2020-07-13'), sct('2020-07-15'),
  med('lenalidomide', '2020-09-15', '2022-05-25', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2020-09-01', 0.1], ['2020-12-01', 0.1], ['2021-06-01', 0.1], ['2021-12-01', 0.2], ['2022-03-01', 0.5], ['2022-04-15', 0.8], ['2022-05-20', 1.3]),
  med('Kd', '2022-06-01', '2023-06-15', { reasonStopped: 'progression' }),
  ...ser(['2022-07-01', 0.9], ['2022-08-01', 0.8], ['2022-10-01', 0.8], ['2023-01-01', 0.9], ['2023-03-01', 1.3], ['2023-04-15', 1.5], ['2023-06-01', 1.8]),
  ecog('2023-06-20', 1),
  lab('2023-06-20', 'creatinine', 1.7, 'mg/dL'),
];
const S12 = [...S12base, lab('2023-06-20', 'egfr', 40, 'mL/min/{1.73_m2}')];
const S12b = [...S12base, lab('2023-06-20', 'egfr', 39, 'mL/min/{1.73_m2}')];
const p12 = memo(() => prof(S12, S12_AS_OF));
const p12b = memo(() => prof(S12b, S12_AS_OF));

describe('S12 double-refractory after 2 lines; CARTITUDE-1 eGFR', () => {
  it('S12.lines: 2 lines [§3]', () => {
    expect(p12().linesOfTherapy.count).toBe(2);
  });
  it('S12.double: len (PD on R) + carfilzomib (PD on Kd) → double-refractory [§2]', () => {
    expect(p12().flags.doubleRefractory).toBe(true);
  });
  it('S12.daraNot: daratumumab only in induction, PD 2 y later → not refractory; TCR false [§1, §2]', () => {
    expect([p12().drugs.daratumumab?.refractory, p12().flags.tripleClassRefractory]).toEqual([false, false]);
  });
  it('S12.progressionDate: Kd nadir 0.8 (confirmed pair 0.8/0.8); 1.3 (+0.5, +62%) → 2023-03-01 [§4]', () => {
    expect(p12().disease.progressionDate).toBe('2023-03-01');
  });
  it('S12.best: serum 4.0 → 0.1 without any urine → PR (VGPR needs urine <100) [§4 VGPR]', () => {
    expect(p12().disease.bestResponse).toBe('PR');
  });
  it('S12.measurable: serum 1.8 g/dL within 60 d → serum measurable [§5]', () => {
    expect(p12().disease.measurable.serum).toBe(true);
  });
  it('S12.trialCartitude1: eGFR reported 40 (same day as creatinine) → ELIGIBLE (double-refractory, TCE) [§7 renal]', () => {
    expect(evalTrial('NCT03548207', p12(), S12_AS_OF).verdict).toBe('ELIGIBLE');
  });
  it('S12.trialCartitude1Egfr39: reported eGFR 39 → INELIGIBLE [§7 renal, method named]', () => {
    expect(evalTrial('NCT03548207', p12b(), S12_AS_OF).verdict).toBe('INELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S13: IgG-λ with urine-measurable disease; CyBorD/ASCT → DRd (paused, PD in the pause, restarted) → Isa-Pd → SVd; PD by urine on SVd. MajesTEC-1.
// ---------------------------------------------------------------------------------------------
const S13_AS_OF = '2025-06-15';
const S13: Ev[] = [
  demographics('1952-12-01', 'female', 62),
  diagnosis('2017-05-01', 'IgG', 'lambda'),
  med('CyBorD', '2017-05-15', '2017-09-15', { intent: 'induction' }),
  response('2017-09-01', 'VGPR'),
  cond('2017-10-30'), sct('2017-11-01'),
  response('2018-01-10', 'VGPR'), response('2018-09-10', 'VGPR'), response('2019-05-10', 'PD'),
  med('DRd', '2019-06-01', '2020-10-31', { reasonStopped: 'other' }),
  response('2019-09-01', 'PR'), response('2020-01-01', 'VGPR'), response('2020-06-01', 'VGPR'), response('2020-11-20', 'PD'),
  med('DRd', '2020-12-05', '2022-02-15', { reasonStopped: 'progression' }),
  response('2021-03-01', 'PR'), response('2021-06-01', 'PR'), response('2022-02-01', 'PD'),
  med('Isa-Pd', '2022-03-01', '2023-10-10', { reasonStopped: 'progression' }),
  response('2022-06-01', 'PR'), response('2022-09-01', 'PR'), response('2023-10-01', 'PD'),
  S('2023-10-20', 0.4), U('2023-10-20', 600),
  med('SVd', '2023-11-01', '2025-05-20', { reasonStopped: 'progression' }),
  ...([['2023-12-01', 250], ['2024-01-01', 150], ['2024-03-01', 120], ['2024-06-01', 100], ['2024-09-01', 100], ['2024-12-01', 110], ['2025-02-01', 250], ['2025-03-15', 400], ['2025-05-01', 480], ['2025-06-05', 520]] as Array<[string, number]>).flatMap(([d, v]) => [U(d, v), S(d, d === '2025-06-05' ? 0.5 : 0.4)]),
  ecog('2025-06-01', 1),
];
const p13 = memo(() => prof(S13, S13_AS_OF));

describe('S13 urine-measurable, PD by urine, MajesTEC-1', () => {
  it('S13.lines: DRd paused 35 d with PD during the pause, then restarted → re-treatment, a new line → 5 lines [§3 S1 re-treatment after progression]', () => {
    expect(lineStarts(p13())).toEqual(['2017-05-15', '2019-06-01', '2020-12-05', '2022-03-01', '2023-11-01']);
  });
  it('S13.L3openedBy: re-treatment [§3 S1]', () => {
    expect(p13().linesOfTherapy.lines[2]?.openedBy).toBe('retreatment-after-treatment-free-interval');
  });
  it('S13.measurable: urine 520 mg/24h measurable, serum 0.5 not [§5]', () => {
    const m = p13().disease.measurable;
    expect([m.urine, m.serum]).toEqual([true, false]);
  });
  it('S13.progressionUrine: urine nadir 100 (pair 100/100); 250 (+150) not; 400 (+300) → PD 2025-03-15 [§4 urine ≥200 mg]', () => {
    const p = p13();
    expect([p.disease.progressionDate, p.disease.progressions.some((x) => x.source === 'urine-m-protein' && x.date === '2025-03-15')]).toEqual(['2025-03-15', true]);
  });
  it('S13.tcr/pentaNot: TCR (R/P, V, D/Isa) but never carfilzomib → not penta [§2]', () => {
    expect([p13().flags.tripleClassRefractory, p13().flags.pentaRefractory]).toEqual([true, false]);
  });
  it('S13.selinexorRefractory: PD on SVd [§1]', () => {
    expect(p13().drugs.selinexor?.refractory).toBe(true);
  });
  it('S13.status: relapsed-and-refractory [§1]', () => {
    expect(p13().flags.relapsedAndRefractory).toBe(true);
  });
  it('S13.washout21: last dose 26 days ago → "no therapy within 21 days" MET [§7 washouts]', () => {
    expect(rule({ fact: 'timeSince', event: 'lastDose', minDays: 21 }, p13(), S13_AS_OF)).toBe('MET');
  });
  it('S13.trialMajesTEC1: NCT04557098 ELIGIBLE (cohort A: ≥3 lines (5), TCE, measurable, PD, ECOG 1, BCMA-naive) [§2, §5, §7]', () => {
    expect(evalTrial('NCT04557098', p13(), S13_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S14: VGPR on VRd; long R maintenance with a single low value; PD from the confirmed nadir; serum 1.0 now. APOLLO.
// ---------------------------------------------------------------------------------------------
const S14_AS_OF = '2024-10-20';
const S14: Ev[] = [
  demographics('1950-03-03', 'male', 85),
  diagnosis('2019-09-01', 'IgG', 'kappa'),
  S('2019-09-01', 3.6), U('2019-09-01', 300),
  med('VRd', '2019-09-15', '2020-01-15', { intent: 'induction' }),
  S('2019-10-15', 1.5), U('2019-10-15', 80), S('2019-11-15', 0.6), U('2019-11-15', 40), S('2019-12-15', 0.35), U('2019-12-15', 20), S('2020-01-15', 0.35), U('2020-01-15', 10),
  cond('2020-02-28'), sct('2020-03-01'),
  med('lenalidomide', '2020-05-01', '2024-09-30', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2020-06-15', 0.35], ['2021-01-15', 0.35], ['2021-07-15', 0.15], ['2022-01-15', 0.45], ['2023-01-15', 0.65], ['2024-06-15', 0.85], ['2024-09-15', 1.0], ['2024-10-10', 1.0]),
  ecog('2024-10-01', 2),
];
const p14 = memo(() => prof(S14, S14_AS_OF));

describe('S14 confirmed nadir, APOLLO', () => {
  it('S14.progressionDate: confirmed nadir 0.35 (single 0.15 ignored); 0.65 (+0.30) not; 0.85 (+0.50) → 2024-06-15 [§4 lowest confirmed value]', () => {
    expect(p14().disease.progressionDate).toBe('2024-06-15');
  });
  it('S14.progressionDateLowest: with progressionNadir "lowest" the single 0.15 counts → 0.65 (+0.50) → 2023-01-15 [docs setting]', () => {
    expect(prof(S14, S14_AS_OF, { ...DEFAULT_SETTINGS, progressionNadir: 'lowest' }).disease.progressionDate).toBe('2023-01-15');
  });
  it('S14.best: serum −90.3% and urine 20/10 mg → VGPR confirmed is the best [§4 VGPR]', () => {
    expect(p14().disease.bestResponse).toBe('VGPR');
  });
  it('S14.ecogAge60 (2024-11-30): ECOG 2 from 2024-10-01 is 60 days old → {ecog max 2} MET; 61 days (2024-12-01) UNKNOWN [criteria-language maxAgeDays 60]', () => {
    const a = rule({ fact: 'ecog', max: 2 }, prof(S14, '2024-11-30'), '2024-11-30');
    const c = rule({ fact: 'ecog', max: 2 }, prof(S14, '2024-12-01'), '2024-12-01');
    expect([a, c]).toEqual(['MET', 'UNKNOWN']);
  });
  it('S14.lines: 1 [§3]', () => {
    expect(p14().linesOfTherapy.count).toBe(1);
  });
  it('S14.lenRefractory: PD on R maintenance [§1]', () => {
    expect(p14().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S14.measurable: serum exactly 1.0 g/dL → measurable [§5 ≥1 g/dL]', () => {
    expect(p14().disease.measurable.serum).toBe(true);
  });
  it('S14.status: relapsed-and-refractory [§1]', () => {
    expect(p14().flags.relapsedAndRefractory).toBe(true);
  });
  it('S14.trialAPOLLO: NCT03180736 ELIGIBLE (1 line incl. len + PI, VGPR ever, len-refractory, measurable, ECOG 2) [§1, §5]', () => {
    expect(evalTrial('NCT03180736', p14(), S14_AS_OF).verdict).toBe('ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S15: D-VRd → ASCT → D-R maintenance; sCR; MRD NGS 1e-6 negative a calendar year apart with PET negative;
// MRD positive later.
// ---------------------------------------------------------------------------------------------
const scrLabs = (d: string): Ev[] => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative'), ratio(d, 1.1)];
const S15: Ev[] = [
  demographics('1968-04-04', 'female', 66),
  diagnosis('2019-01-10', 'IgG', 'kappa'),
  S('2019-01-10', 3.0), U('2019-01-10', 100),
  med('D-VRd', '2019-01-20', '2019-05-20', { intent: 'induction' }),
  ...ser(['2019-02-20', 1.2], ['2019-03-20', 0.4], ['2019-04-20', 0.1], ['2019-05-20', 0.05]),
  cond('2019-06-28'), sct('2019-07-01'),
  med('daratumumab', '2019-09-01', null, { intent: 'maintenance' }),
  med('lenalidomide', '2019-09-01', null, { intent: 'maintenance' }),
  BM('2019-09-05', 1), clonal('2019-09-05', 'negative'),
  ...['2019-09-01', '2019-12-01', '2020-06-01', '2020-12-01', '2021-03-01', '2021-09-01', '2022-03-01', '2022-09-01', '2023-03-01', '2023-09-01'].flatMap(scrLabs),
  pet('2021-02-20', { mrd: 'negative' }),
  mrd('2021-03-01', 'negative', 'NGS', 1e-6),
  pet('2022-03-05', { mrd: 'negative' }),
  mrd('2022-03-01', 'negative', 'NGS', 1e-6),
  mrd('2023-09-01', 'positive', 'NGS', 1e-6),
];
const p15a = memo(() => prof(S15, '2022-06-01'));
const p15b = memo(() => prof(S15, '2024-01-01'));

describe('S15 sustained MRD negativity, then MRD positive', () => {
  it('S15.sustained (2022-06-01): marrow 2021-03-01 → 2022-03-01 (a calendar year) with PET negative over it → sustained [§4 sustained MRD ≥1 year]', () => {
    expect(p15a().disease.mrd.sustainedNegative).toBe(true);
  });
  it('S15.mrdSustainedRule (2022-06-01): {mrd negative sustained} MET [§4]', () => {
    expect(rule({ fact: 'mrd', result: 'negative', sustained: true }, p15a(), '2022-06-01')).toBe('MET');
  });
  it('S15.mrd1e6 (2022-06-01): NGS at 1e-6 meets a protocol demanding 1e-6 [§4 store sensitivity]', () => {
    expect(rule({ fact: 'mrd', result: 'negative', maxSensitivity: 1e-6 }, p15a(), '2022-06-01')).toBe('MET');
  });
  it('S15.best (2022-06-01): CR + normal ratio + no clonal PCs → sCR [§4 sCR]', () => {
    expect(p15a().disease.bestResponse).toBe('sCR');
  });
  it('S15.mrdPositive (2024-01-01): latest MRD positive → {mrd positive} MET [§4 relapse from MRD-negative]', () => {
    expect(rule({ fact: 'mrd', result: 'positive' }, p15b(), '2024-01-01')).toBe('MET');
  });
  it('S15.notSustained (2024-01-01): a positive ends the run [§4]', () => {
    expect(p15b().disease.mrd.sustainedNegative).toBe(false);
  });
  it('S15.noRelapseFromCr (2024-01-01): MRD positive alone is not relapse from CR [§4 relapse from CR vs from MRD-negative]', () => {
    expect(p15b().disease.relapseFromCr ?? null).toBeNull();
  });
  it('S15.daraNot: daratumumab not refractory [§1]', () => {
    expect(p15b().drugs.daratumumab?.refractory).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// S16: IgA-λ; new extramedullary plasmacytoma on PET during R maintenance with flat M-protein; DKd;
// plasmacytoma gone; PD with 5% circulating plasma cells.
// ---------------------------------------------------------------------------------------------
const S16_AS_OF = '2024-02-15';
const S16: Ev[] = [
  demographics('1963-09-19', 'male', 79),
  diagnosis('2020-03-01', 'IgA', 'lambda'),
  S('2020-03-01', 2.0),
  med('VRd', '2020-03-15', '2020-07-15', { intent: 'induction' }),
  ...ser(['2020-04-15', 0.8], ['2020-05-15', 0.4], ['2020-07-15', 0.2]),
  cond('2020-08-28'), sct('2020-08-30'),
  med('lenalidomide', '2020-11-01', '2022-05-10', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2020-12-01', 0.2], ['2021-06-01', 0.2], ['2021-12-01', 0.2], ['2022-04-25', 0.2]),
  pet('2021-06-15', { newLesions: false, extramedullary: { present: false }, plasmacytomas: [] }),
  pet('2022-05-01', { newLesions: true, extramedullary: { present: true, type: 'extramedullary', site: 'liver' }, plasmacytomas: [{ lesion: 'liver', longestDiameterMm: 40, perpendicularDiameterMm: 30, shortAxisMm: 30 }] }),
  med('DKd', '2022-05-20', '2024-02-10', { reasonStopped: 'progression' }),
  ...ser(['2022-06-20', 0.1], ['2022-09-01', 0.1]),
  pet('2022-09-01', { extramedullary: { present: true, type: 'extramedullary', site: 'liver' }, plasmacytomas: [{ lesion: 'liver', longestDiameterMm: 20, perpendicularDiameterMm: 15, shortAxisMm: 15 }] }),
  pet('2023-01-01', { extramedullary: { present: false }, plasmacytomas: [] }),
  response('2022-09-01', 'PR'), response('2023-01-01', 'VGPR'), response('2023-06-01', 'VGPR'), response('2024-02-01', 'PD'),
  lab('2024-02-01', 'circulating plasma cells', 5, '%'),
];
const p16 = memo(() => prof(S16, S16_AS_OF));

describe('S16 extramedullary progression, PCL by IMWG 2021', () => {
  it('S16.imagingProgression: new plasmacytoma on PET 2022-05-01 while M-protein flat → progression by imaging [§4 PD new lesion]', () => {
    expect(p16().disease.progressions.some((x) => x.date === '2022-05-01')).toBe(true);
  });
  it('S16.lenRefractory: that progression was on R maintenance [§1]', () => {
    expect(p16().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S16.emdLatest: latest scan (2023-01-01) says no EMD [§5 EMD; docs latest imaging]', () => {
    expect(p16().extramedullaryDisease?.present).toBe(false);
  });
  it('S16.pcl: circulating PCs exactly 5% → PCL (IMWG 2021 ≥5%) [§5 PCL]', () => {
    expect(rule({ fact: 'plasmaCellLeukemia' }, p16(), S16_AS_OF)).toBe('MET');
  });
  it('S16.pclLegacy: legacy >20% rule NOT_MET [§5 legacy]', () => {
    expect(rule({ fact: 'lab', name: 'circulatingPlasmaCells', op: '>', value: 20, unit: '%' }, p16(), S16_AS_OF)).toBe('NOT_MET');
  });
  it('S16.tcr: len (R), carfilzomib + daratumumab (PD on DKd) → TCR [§2]', () => {
    expect(p16().flags.tripleClassRefractory).toBe(true);
  });
  it('S16.lines: 2 [§3]', () => {
    expect(p16().linesOfTherapy.count).toBe(2);
  });
});
