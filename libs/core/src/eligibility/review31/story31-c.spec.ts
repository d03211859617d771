/**
 * story31 (part C, S17–S25): whole-patient RRMM histories, facts hand-derived from domain.md and the docs.
 */
import {
  Ev, S, U, ecog, cyto, apheresis, cond, ser, prof, rule, evalTrial, crit, lineStarts, memo,
  event, lab, med, response, demographics, diagnosis, sct, carT,
} from './story-helpers';

// ---------------------------------------------------------------------------------------------
// S17: dexamethasone lead-in then VRd; ASCT; "Revlimid 10 mg" with no intent; Dara-Pd sent drug by drug
// (SC daratumumab brand-suffix spelling); trial of CC-92480 + dex (also sent as "mezigdomide" by pharmacy);
// elranatamab by research code with a space.
// ---------------------------------------------------------------------------------------------
const S17_AS_OF = '2026-03-01';
const S17: Ev[] = [
  demographics('1959-01-01', 'female', 68),
  diagnosis('2018-04-01', 'IgG', 'kappa'),
  med('dexamethasone', '2018-04-05', '2018-04-20'),
  med('VRd', '2018-04-21', '2018-08-30', { intent: 'induction' }),
  response('2018-06-01', 'PR'), response('2018-08-30', 'VGPR'),
  cond('2018-10-08'), sct('2018-10-10'),
  med('Revlimid 10 mg', '2019-01-05', '2021-11-20', { reasonStopped: 'progression' }),
  response('2019-03-01', 'VGPR'), response('2020-03-01', 'VGPR'), response('2021-10-15', 'PD'),
  med('daratumumab and hyaluronidase-fihj', '2021-12-01', '2023-08-10', { reasonStopped: 'progression' }),
  med('Pomalyst', '2021-12-01', '2023-08-10', { reasonStopped: 'progression' }),
  med('dexamethasone', '2021-12-01', '2023-08-10'),
  response('2022-02-01', 'PR'), response('2022-05-01', 'PR'), response('2023-08-01T22:30-05:00', 'PD'),
  med('CC-92480', '2023-09-01', '2024-07-15', { reasonStopped: 'progression' }),
  med('mezigdomide', '2023-09-01', '2024-07-15'),
  med('dexamethasone', '2023-09-01', '2024-07-15'),
  response('2023-11-01', 'MR'), response('2024-01-01', 'PR'), response('2024-07-01', 'PD'),
  med('PF 06863135', '2024-08-01', null),
  response('2024-10-01', 'PR'), response('2025-01-01', 'VGPR'), response('2025-06-01', 'VGPR'), response('2026-01-15', 'VGPR'),
];
const p17 = memo(() => prof(S17, S17_AS_OF));

describe('S17 steroid lead-in, names and codes', () => {
  it('S17.lines: dex lead-in joins VRd; 4 lines [§3 step 1 steroids join the regimen]', () => {
    expect(lineStarts(p17())).toEqual(['2018-04-05', '2021-12-01', '2023-09-01', '2024-08-01']);
  });
  it('S17.mezigdomideRefractory: PD on CC-92480 (investigational CELMoD) [§1, §2 CELMoD]', () => {
    expect(p17().drugs.mezigdomide?.refractory).toBe(true);
  });
  it('S17.mezigdomideOneCourse: duplicate pharmacy record adds no line; mezigdomide only in line 3 [§8 provenance]', () => {
    expect(p17().drugs.mezigdomide?.lines).toEqual([3]);
  });
  it('S17.pomDaraRefractory: PD on Dara-Pd (SC dara spelled with its excipient) [§2, §1]', () => {
    expect([p17().drugs.pomalidomide?.refractory, p17().drugs.daratumumab?.refractory]).toEqual([true, true]);
  });
  it('S17.tcrNot: bortezomib (only VRd, responded) not refractory → not TCR; not double [§2]', () => {
    expect([p17().flags.tripleClassRefractory, p17().flags.doubleRefractory]).toEqual([false, false]);
  });
  it('S17.elranatamab: "PF 06863135" read → prior BCMA bispecific, T-cell engager [§7]', () => {
    expect([p17().drugs.elranatamab?.exposed, p17().flags.priorBcmaBispecific, p17().flags.priorTCellEngager]).toEqual([true, true, true]);
  });
  it('S17.lastLineNot: elranatamab VGPR → not refractory to last line [§1]', () => {
    expect(p17().flags.refractoryToLastLine).toBe(false);
  });
  it('S17.progressionTz: the evening PD "2023-08-01T22:30-05:00" is of 2023-08-01 → a progression dated 2023-08-01 [docs ordering]', () => {
    expect(p17().disease.progressions.some((x) => x.date === '2023-08-01')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// S18: fixed-duration VRd-lite (9 cycles) completed; PD exactly 60 days later; Kd fixed-duration; PD 61 days
// later; Dara-Pd.
// ---------------------------------------------------------------------------------------------
const S18_AS_OF = '2026-03-01';
const S18: Ev[] = [
  demographics('1949-07-07', 'male', 70),
  diagnosis('2019-01-01', 'IgG', 'kappa'),
  med('VRd-lite', '2019-01-10', '2019-10-31', { reasonStopped: 'completed', cycles: 9 }),
  response('2019-04-01', 'PR'), response('2019-07-01', 'VGPR'), response('2019-10-15', 'VGPR'), response('2019-12-30', 'PD'),
  med('Kd', '2020-01-15', '2020-12-31', { reasonStopped: 'completed', cycles: 12 }),
  response('2020-04-01', 'PR'), response('2020-07-01', 'VGPR'), response('2020-12-15', 'VGPR'), response('2021-03-02', 'PD'),
  med('Dara-Pd', '2021-03-15', null),
  response('2021-06-15', 'PR'), response('2021-09-15', 'VGPR'), response('2022-09-15', 'VGPR'), response('2023-09-15', 'VGPR'), response('2024-09-15', 'VGPR'), response('2025-09-15', 'VGPR'),
];
const p18 = memo(() => prof(S18, S18_AS_OF));

describe('S18 the 60-day boundary', () => {
  it('S18.day60: PD on day 60 after VRd-lite → bortezomib and lenalidomide refractory [§1 "within 60 days"]', () => {
    expect([p18().drugs.bortezomib?.refractory, p18().drugs.lenalidomide?.refractory]).toEqual([true, true]);
  });
  it('S18.day61: PD on day 61 after Kd → carfilzomib not refractory [§1]', () => {
    expect(p18().drugs.carfilzomib?.refractory).toBe(false);
  });
  it('S18.double: IMiD + PI refractory → double-refractory [§2]', () => {
    expect(p18().flags.doubleRefractory).toBe(true);
  });
  it('S18.status: latest PD 61 days after last therapy, MR before → relapsed [§1 relapsed]', () => {
    expect([p18().flags.relapsed, p18().flags.relapsedAndRefractory]).toEqual([true, false]);
  });
  it('S18.lines: 3 [§3]', () => {
    expect(lineStarts(p18())).toEqual(['2019-01-10', '2020-01-15', '2021-03-15']);
  });
  it('S18.L1reason: PD 60 days after completion, prompting line 2 → progression [§3 step 6]', () => {
    expect(p18().linesOfTherapy.lines[0]?.reasonForChange).toBe('progression');
  });
  it('S18.piCycles: ≥2 consecutive cycles of a PI (VRd-lite 9 cycles) → NCT03539744 inc-01 MET [§2 exposed ≥2 consecutive cycles]', () => {
    expect(rule({ fact: 'classExposed', class: 'PI', minCycles: 2, consecutive: true }, p18(), S18_AS_OF)).toBe('MET');
  });
});

// ---------------------------------------------------------------------------------------------
// S19: DRd with lenalidomide dropped after 25 days (rash); Dd to PD; Kd given 8 days (cardiac toxicity) then Pd
// 12 days later. Tec-Dara trial (anti-CD38 refractory excluded).
// ---------------------------------------------------------------------------------------------
const S19_AS_OF = '2026-03-01';
const S19: Ev[] = [
  demographics('1953-02-14', 'female', 55),
  diagnosis('2021-06-01', 'IgG', 'lambda'),
  S('2021-06-01', 2.2),
  med('daratumumab', '2021-06-15', '2023-02-28', { reasonStopped: 'progression' }),
  med('lenalidomide', '2021-06-15', '2021-07-10', { reasonStopped: 'toxicity' }),
  med('dexamethasone', '2021-06-15', '2023-02-28'),
  ...ser(['2021-07-15', 1.4], ['2021-08-15', 0.9], ['2021-09-15', 0.7], ['2021-12-15', 0.6], ['2022-03-15', 0.6], ['2022-06-15', 0.6], ['2022-09-15', 0.7], ['2022-11-15', 1.1], ['2023-01-15', 1.4], ['2023-02-25', 1.6]),
  U('2023-02-25', 800),
  med('Kd', '2023-03-01', '2023-03-08', { reasonStopped: 'toxicity' }),
  med('Pd', '2023-03-20', '2026-12-31'),
  ...ser(['2023-04-15', 1.5], ['2023-06-01', 0.9], ['2023-07-01', 0.7], ['2023-09-01', 0.6], ['2023-12-01', 0.6], ['2024-06-01', 0.6], ['2024-12-01', 0.6], ['2025-06-01', 0.6], ['2025-12-01', 0.6], ['2026-01-15', 0.6]),
  U('2023-04-15', 760), U('2023-06-01', 500), U('2023-07-01', 350),
  ...['2023-09-01', '2023-12-01', '2024-06-01', '2024-12-01', '2025-06-01', '2025-12-01', '2026-01-15'].map((d) => U(d, 300)),
  ecog('2026-01-15', 1),
];
const p19 = memo(() => prof(S19, S19_AS_OF));

describe('S19 dropped drug, a one-week regimen', () => {
  it('S19.lines: dropping lenalidomide opens no line; Kd of 8 days replaced within 28 d joins the next line → 2 lines [§3 rule 1, step 4; minLineDays]', () => {
    expect(p19().linesOfTherapy.count).toBe(2);
  });
  it('S19.carfilzomibExposedNotRefractory: exposed (≥1 dose), not refractory [§2 exposed; §1]', () => {
    expect([p19().drugs.carfilzomib?.exposed, p19().drugs.carfilzomib?.refractory]).toEqual([true, false]);
  });
  it('S19.lenNot: lenalidomide 25 days then dropped; PR reached in the line → not refractory [§1]', () => {
    expect(p19().drugs.lenalidomide?.refractory).toBe(false);
  });
  it('S19.daraRefractory: nadir 0.6; 1.1 (+0.5) → PD 2022-11-15 on daratumumab [§1, §4]', () => {
    expect([p19().drugs.daratumumab?.refractory, p19().disease.progressionDate]).toEqual([true, '2022-11-15']);
  });
  it('S19.tce/tcrNot: TCE, not TCR [§2]', () => {
    expect([p19().flags.tripleClassExposed, p19().flags.tripleClassRefractory]).toEqual([true, false]);
  });
  it('S19.responseMR: serum 1.6 → 0.6 (−62%, PR-level) but urine 800 → 300 mg (−62%: neither ≥90% nor <200) → lowest supported category MR [§4 PR needs both; overall = lowest]', () => {
    const r = p19().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['MR', true]);
  });
  it('S19.plannedEnd: Pd with a planned end after the screening day is ongoing [criteria-language: a course end after the day is not known yet]', () => {
    expect(p19().drugs.pomalidomide?.ongoing).toBe(true);
  });
  it('S19.trialTecDara exc-04: anti-CD38 refractory → MET (excluded) [§1, §2]', () => {
    expect(crit('NCT05083169', 'exc-04', p19(), S19_AS_OF)).toBe('MET');
  });
  it('S19.trialTecDara verdict INELIGIBLE [§2]', () => {
    expect(evalTrial('NCT05083169', p19(), S19_AS_OF).verdict).toBe('INELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S20: high-risk IgA-κ (t(4;14) + 1q gain): VRd → ASCT → planned tandem allo-SCT; relapse off therapy; DKd to
// PD; CAR-T with bridging and lymphodepletion recorded WITHOUT intents; PD on the bridging Pd; cilta-cel → CR.
// ---------------------------------------------------------------------------------------------
const S20_AS_OF = '2022-06-01';
const S20: Ev[] = [
  demographics('1975-05-20', 'male', 85),
  diagnosis('2016-01-10', 'IgA', 'kappa'),
  cyto('2016-01-15', 't(4;14)', 'detected', 60),
  cyto('2016-01-15', 'gain(1q)', 'detected', 30, 3),
  cyto('2016-01-15', 'del(17p)', 'not-detected'),
  med('VRd', '2016-02-01', '2016-06-01', { intent: 'induction' }),
  response('2016-06-10', 'VGPR'),
  cond('2016-07-13'), sct('2016-07-15'),
  event('procedure', '2016-11-20', { kind: 'allogeneic-sct', plannedTandem: true }),
  response('2017-03-01', 'CR'), response('2017-09-01', 'CR'),
  response('2019-03-10', 'PD'),
  med('DKd', '2019-04-01', '2021-05-20', { reasonStopped: 'progression' }),
  response('2019-07-01', 'VGPR'), response('2020-01-01', 'VGPR'), response('2021-05-10', 'PD'),
  apheresis('2021-06-01'),
  med('Pd', '2021-06-05', '2021-07-20'),
  response('2021-07-15', 'PD'),
  med('fludarabine', '2021-07-24', '2021-07-26'),
  med('cyclophosphamide', '2021-07-24', '2021-07-26'),
  carT('2021-07-29', 'cilta-cel'),
  response('2021-10-29', 'CR'), response('2022-01-29', 'CR'), response('2022-04-29', 'CR'),
  ecog('2022-05-15', 1),
];
const p20 = memo(() => prof(S20, S20_AS_OF));

describe('S20 auto-allo tandem, CAR-T with unrecorded intents', () => {
  it('S20.lines: tandem allo in line 1; no-intent bridging + Flu/Cy belong to the CAR-T line → 3 lines [§3 rule 3, step 5]', () => {
    expect(lineStarts(p20())).toEqual(['2016-02-01', '2019-04-01', '2021-06-05']);
  });
  it('S20.L1flag: planned auto-allo tandem flagged for review [§3 step 3 allo-SCT]', () => {
    expect(p20().linesOfTherapy.lines[0]?.reviewFlags.length).toBeGreaterThan(0);
  });
  it('S20.priorCarTLastLine: {priorCarT scope lastLine} MET [criteria-language priorCarT]', () => {
    expect(rule({ fact: 'priorCarT', scope: 'lastLine' }, p20(), S20_AS_OF)).toBe('MET');
  });
  it('S20.priorAllo: prior allogeneic SCT [§7]', () => {
    expect(p20().flags.priorAllogeneicSct).toBe(true);
  });
  it('S20.imwg2025: t(4;14) 60% with 1q gain → IMS/IMWG 2025 high risk; R-ISS high-risk FISH [§6]', () => {
    expect([p20().cytogenetics.highRiskImwg2025.highRisk, p20().cytogenetics.highRiskRiss]).toEqual([true, true]);
  });
  it('S20.pomRefractory: PD on the bridging Pd [§1]', () => {
    expect(p20().drugs.pomalidomide?.refractory).toBe(true);
  });
  it('S20.cyNotRefractory: lymphodepleting cyclophosphamide is never judged refractory [§3 step 5; docs]', () => {
    expect(p20().drugs.cyclophosphamide?.refractory ?? false).toBe(false);
  });
  it('S20.carTNot: CR after cilta-cel, no PD since → CAR-T not refractory [§1]', () => {
    expect(p20().classes.BCMA_CAR_T?.refractory).toBe(false);
  });
  // The PD on the bridging Pd makes pomalidomide refractory IN the CAR-T line, but the line itself reached CR after it:
  // since v17 (stat35 CT05) refractoryToLastLine asks for no response since, the reviewer's reading.
  it('S20.lastLineDocumented: refractoryToLastLine false: the CAR-T line reached CR after the bridging failed [docs flags, v17]', () => {
    expect(p20().flags.refractoryToLastLine).toBe(false);
  });
  it('S20.status: latest PD on bridging therapy after earlier MR → relapsed-and-refractory [§1]', () => {
    expect([p20().flags.relapsedAndRefractory, p20().flags.relapsed]).toEqual([true, false]);
  });
  it('S20.trialDREAMM8: prior allo-SCT → INELIGIBLE [§7 prior SCT]', () => {
    expect(evalTrial('NCT04484623', p20(), S20_AS_OF).verdict).toBe('INELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S21: DRd for 5 years sent dose by dose (dara) and cycle by cycle (len), PD on DRd between two dara doses. DREAMM-8.
// ---------------------------------------------------------------------------------------------
const S21_AS_OF = '2025-10-10';
const addD = (d: string, n: number): string => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
/** daratumumab dose by dose: weekly ×8, every 2 weeks ×8, then every 4 weeks (last 2025-09-20). */
const s21Dara = (): Ev[] => {
  const out: Ev[] = [];
  const days: number[] = [...Array.from({ length: 8 }, (_, i) => 7 * i), ...Array.from({ length: 8 }, (_, i) => 56 + 14 * i)];
  for (let d = 182; addD('2020-08-15', d) <= '2025-09-30'; d += 28) days.push(d);
  for (const d of days) out.push(med('daratumumab', addD('2020-08-15', d), addD('2020-08-15', d)));
  return out;
};
/** lenalidomide days 1–21 of each 28-day cycle, the last stopped for progression. */
const s21Len = (): Ev[] => {
  const out: Ev[] = [];
  for (let d = 0; addD('2020-08-15', d) <= '2025-09-30'; d += 28) out.push(med('lenalidomide', addD('2020-08-15', d), addD('2020-08-15', d + 20)));
  const last = out.pop()!;
  out.push(med('lenalidomide', String(last.data.start), String(last.data.end), { reasonStopped: 'progression' }));
  return out;
};
const S21: Ev[] = [
  demographics('1948-12-12', 'female', 60),
  diagnosis('2020-08-01', 'IgG', 'kappa'),
  S('2020-08-01', 2.8),
  ...s21Dara(),
  ...s21Len(),
  med('dexamethasone', '2020-08-15', '2025-09-26', { reasonStopped: 'progression' }),
  ...ser(['2020-09-15', 1.2], ['2020-10-15', 0.5], ['2020-12-15', 0.25], ['2021-03-15', 0.2], ['2021-09-15', 0.2], ['2022-09-15', 0.2], ['2023-09-15', 0.2], ['2024-09-15', 0.25], ['2025-03-15', 0.4], ['2025-06-15', 0.6], ['2025-08-01', 0.85], ['2025-09-20', 1.1], ['2025-10-05', 1.2]),
  ecog('2025-10-01', 1),
];
const p21 = memo(() => prof(S21, S21_AS_OF));

describe('S21 DRd to progression, DREAMM-8 washout', () => {
  it('S21.lastDara: last daratumumab dose 2025-09-20 [§2 store first/last dose]', () => {
    expect(p21().drugs.daratumumab?.lastDose).toBe('2025-09-20');
  });
  it('S21.daraMinDays: anti-CD38 given ≥28 days (doses every 1–4 weeks for 5 years) → classExposed minDays 28 MET [§2 exposure thresholds]', () => {
    expect(rule({ fact: 'classExposed', class: 'ANTI_CD38', minDays: 28 }, p21(), S21_AS_OF)).toBe('MET');
  });
  it('S21.lines: dose-by-dose daratumumab and cycle-by-cycle lenalidomide records, PD between two dara doses → one line [§3 step 4]', () => {
    expect(p21().linesOfTherapy.count).toBe(1);
  });
  it('S21.progressionDate: nadir 0.2; 0.6 (+0.4) not; 0.85 (+0.65) → 2025-08-01 [§4]', () => {
    expect(p21().disease.progressionDate).toBe('2025-08-01');
  });
  it('S21.refractory: len and dara refractory [§1]', () => {
    expect([p21().drugs.lenalidomide?.refractory, p21().drugs.daratumumab?.refractory]).toEqual([true, true]);
  });
  it('S21.response: a progression after the latest assessment → current response PD [§4]', () => {
    expect(p21().disease.response?.category).toBe('PD');
  });
  it('S21.antiCd38Washout: dara 20 days ago → "no anti-CD38 within 30 days" as washout minDays 31 NOT_MET [§7 washouts]', () => {
    expect(rule({ fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 31 }, p21(), S21_AS_OF)).toBe('NOT_MET');
  });
  it('S21.pdAfterLastLine: progressionAfterLastLine MET [§3 step 6]', () => {
    expect(rule({ fact: 'progressionAfterLastLine' }, p21(), S21_AS_OF)).toBe('MET');
  });
  it('S21.trialDREAMM8: ELIGIBLE_FROM 2025-10-21 (mAb 2025-09-20 blocks through day 30) [§7 washouts]', () => {
    const e = evalTrial('NCT04484623', p21(), S21_AS_OF);
    expect([e.verdict, e.eligibleFrom]).toEqual(['ELIGIBLE_FROM', '2025-10-21']);
  });
});

// ---------------------------------------------------------------------------------------------
// S22: two feeds: VRd sent as single drugs (dates a day or two apart) and as "VRd"; ASCT recorded by two systems
// two days apart; a PD entered in error and retracted; true PD on R maintenance; DRd (lenalidomide re-challenge).
// ---------------------------------------------------------------------------------------------
const S22_AS_OF = '2026-03-01';
const s22pd = event('response-assessment', '2022-05-01', { category: 'PD' }, 's22-pd');
const s22retract: Ev = { eventId: 's22-retract', type: 'retraction', occurredAt: '2022-05-03', supersedes: 's22-pd', data: { reason: 'entered in error' } };
const S22: Ev[] = [
  demographics('1964-03-21', 'female', 70),
  diagnosis('2021-02-01', 'IgG', 'lambda'),
  S('2021-02-01', 2.0),
  med('bortezomib', '2021-02-10', '2021-06-10'),
  med('lenalidomide', '2021-02-12', '2021-06-08'),
  med('dexamethasone', '2021-02-10', '2021-06-10'),
  med('VRd', '2021-02-10', '2021-06-10', { intent: 'induction', cycles: 4 }),
  ...ser(['2021-03-10', 0.9], ['2021-04-10', 0.4], ['2021-05-10', 0.3], ['2021-06-10', 0.3]),
  sct('2021-07-20'), sct('2021-07-22'),
  med('lenalidomide', '2021-10-01', '2024-04-05', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...ser(['2021-09-10', 0.2], ['2021-12-10', 0.2], ['2022-05-01', 0.2], ['2022-11-10', 0.2], ['2023-05-10', 0.3], ['2023-11-10', 0.5], ['2024-02-10', 0.8], ['2024-04-01', 1.1]),
  s22pd, s22retract,
  med('DRd', '2024-04-15', null),
  ...ser(['2024-05-15', 0.5], ['2024-06-15', 0.3], ['2024-09-15', 0.2], ['2024-12-15', 0.2], ['2025-03-15', 0.2], ['2025-06-15', 0.2], ['2025-09-15', 0.2], ['2025-12-15', 0.2]),
];
const p22 = memo(() => prof(S22, S22_AS_OF));

describe('S22 duplicate feeds and a retracted PD', () => {
  it('S22.transplants: one ASCT recorded twice 2 days apart [§8 provenance; procedureRepeatDays]', () => {
    expect(p22().transplants.length).toBe(1);
  });
  it('S22.lines: 2 lines, line 1 from 2021-02-10 [§3]', () => {
    expect(lineStarts(p22())).toEqual(['2021-02-10', '2024-04-15']);
  });
  it('S22.retracted: no progression dated 2022-05-01 [docs corrections]', () => {
    expect(p22().disease.progressions.some((x) => x.date === '2022-05-01')).toBe(false);
  });
  it('S22.progressionDate: nadir 0.2; 0.8 (+0.6) → 2024-02-10 [§4]', () => {
    expect(p22().disease.progressionDate).toBe('2024-02-10');
  });
  it('S22.lenRefractory/bortezomibNot [§1]', () => {
    expect([p22().drugs.lenalidomide?.refractory, p22().drugs.bortezomib?.refractory]).toEqual([true, false]);
  });
  it('S22.justStarted (2024-04-25): DRd begun 10 days ago, PD before it → {progressionAfterLastLine} UNKNOWN; DRd began before the day so {priorLines min 2 max 2} MET [criteria-language; earlyProgressionDays] (case corrected: first written as 1 line)', () => {
    const p = prof(S22, '2024-04-25');
    expect([rule({ fact: 'progressionAfterLastLine' }, p, '2024-04-25'), rule({ fact: 'priorLines', min: 2, max: 2 }, p, '2024-04-25')]).toEqual(['UNKNOWN', 'MET']);
  });
  it('S22.L1reason: progression [§3 step 6]', () => {
    expect(p22().linesOfTherapy.lines[0]?.reasonForChange).toBe('progression');
  });
  it('S22.lenEverRefractory: len re-challenged in DRd with PR after PD on R → still lenalidomide-refractory (a regimen containing it was) [§1 per-drug refractoriness]', () => {
    expect(p22().drugs.lenalidomide?.refractory).toBe(true);
  });
  it('S22.lenNotInLastLine: not refractory in the last line (DRd responding) [§1]', () => {
    expect(p22().drugs.lenalidomide?.refractoryInLastLine).toBe(false);
  });
  it('S22.response: DRd 1.1 → 0.2 PR confirmed [§4]', () => {
    const r = p22().disease.response;
    expect([r?.category, r?.confirmed]).toEqual(['PR', true]);
  });
});

// ---------------------------------------------------------------------------------------------
// S23: IgA-κ elderly; VRd then lenalidomide alone (dropped V and d, no ASCT) to PD; Elo-Pd to PD; RBC transfusion 3
// days before Hb 8.4. CARTITUDE-4.
// ---------------------------------------------------------------------------------------------
const S23_AS_OF = '2025-12-10';
const S23: Ev[] = [
  demographics('1946-06-06', 'female', 70),
  diagnosis('2019-11-20', 'IgA', 'kappa'),
  S('2019-11-20', 2.4),
  med('VRd', '2019-12-01', '2020-05-20'),
  med('lenalidomide', '2020-05-21', '2023-03-10', { reasonStopped: 'progression' }),
  ...ser(['2020-01-01', 1.2], ['2020-02-01', 0.7], ['2020-04-01', 0.4], ['2020-06-01', 0.3], ['2020-10-01', 0.3], ['2021-06-01', 0.3], ['2022-06-01', 0.35], ['2022-10-01', 0.5], ['2022-12-01', 0.7], ['2023-02-01', 0.9], ['2023-03-15', 1.2]),
  med('Elo-Pd', '2023-03-20', '2025-11-10', { reasonStopped: 'progression' }),
  ...ser(['2023-04-20', 0.8], ['2023-05-20', 0.55], ['2023-07-20', 0.4], ['2023-10-20', 0.35], ['2024-01-20', 0.35], ['2024-07-20', 0.35], ['2025-01-20', 0.4], ['2025-05-20', 0.6], ['2025-08-01', 0.8], ['2025-10-01', 0.95], ['2025-11-25', 1.0]),
  event('procedure', '2025-12-05', { kind: 'transfusion', product: 'red cells' }),
  lab('2025-12-08', 'hemoglobin', 8.4, 'g/dL'),
  lab('2025-11-20', 'weight', 52, 'kg'),
  lab('2025-12-01', 'creatinine', 88.4, 'umol/L'),
  ecog('2025-12-01', 1),
];
const p23 = memo(() => prof(S23, S23_AS_OF));

describe('S23 CARTITUDE-4 candidate', () => {
  it('S23.lines: VRd → R alone is dropping drugs, one line; Elo-Pd line 2 [§3 rule 1]', () => {
    expect(lineStarts(p23())).toEqual(['2019-12-01', '2023-03-20']);
  });
  it('S23.progressionDate: Elo-Pd nadir 0.35; 0.8 (+0.45) not; 0.95 (+0.6) → 2025-10-01 [§4]', () => {
    expect(p23().disease.progressionDate).toBe('2025-10-01');
  });
  it('S23.refractory: len, elotuzumab, pomalidomide refractory [§1]', () => {
    const d = p23().drugs;
    expect([d.lenalidomide?.refractory, d.elotuzumab?.refractory, d.pomalidomide?.refractory]).toEqual([true, true, true]);
  });
  it('S23.c4inc05: lenalidomide-refractory MET [§1]', () => {
    expect(crit('NCT04181827', 'inc-05', p23(), S23_AS_OF)).toBe('MET');
  });
  it('S23.c4inc04: PD on the last regimen (within 6 months) MET [§3 step 6]', () => {
    expect(crit('NCT04181827', 'inc-04', p23(), S23_AS_OF)).toBe('MET');
  });
  it('S23.c4inc07: Hb 8.4 three days after RBC transfusion → UNKNOWN [§7 Hb, transfusion ≥7 days]', () => {
    expect(crit('NCT04181827', 'inc-07', p23(), S23_AS_OF)).toBe('UNKNOWN');
  });
  it('S23.crcl: CG with the weight closest to the creatinine (52 kg, not 70): (140−79)×52/(72×1.0)×0.85 = 37.4 → {CrCl ≥40} NOT_MET [§7 Cockcroft–Gault; µmol/L ÷ 88.4]', () => {
    expect(rule({ fact: 'creatinineClearance', op: '>=', value: 40 }, p23(), S23_AS_OF)).toBe('NOT_MET');
  });
  it('S23.c4verdict: POTENTIALLY_ELIGIBLE (IgA 1.0 ≥0.5; 2 lines incl. PI+IMiD) [§5, §7]', () => {
    expect(evalTrial('NCT04181827', p23(), S23_AS_OF).verdict).toBe('POTENTIALLY_ELIGIBLE');
  });
});

// ---------------------------------------------------------------------------------------------
// S24: VRd with bortezomib swapped for carfilzomib (neuropathy) in cycle 3; KRd → ASCT → R; DPd; teclistamab in a
// trial (research code); then a blinded study drug not in the catalog.
// ---------------------------------------------------------------------------------------------
const S24_AS_OF = '2025-01-01';
const S24: Ev[] = [
  demographics('1957-10-10', 'male', 75),
  diagnosis('2017-03-01', 'IgG', 'kappa'),
  med('bortezomib', '2017-03-15', '2017-05-12', { reasonStopped: 'toxicity' }),
  med('lenalidomide', '2017-03-15', '2017-08-01'),
  med('dexamethasone', '2017-03-15', '2017-08-01'),
  med('carfilzomib', '2017-05-20', '2017-08-01'),
  response('2017-05-01', 'PR'), response('2017-07-20', 'VGPR'),
  cond('2017-08-28'), sct('2017-08-30'),
  med('lenalidomide', '2017-11-01', '2021-05-01', { intent: 'maintenance', reasonStopped: 'progression' }),
  response('2018-06-01', 'VGPR'), response('2021-04-15', 'PD'),
  med('DPd', '2021-05-15', '2023-06-30', { reasonStopped: 'progression' }),
  response('2021-08-15', 'PR'), response('2022-01-15', 'VGPR'), response('2023-06-15', 'PD'),
  med('JNJ 64007957', '2023-07-15', '2024-04-30', { reasonStopped: 'progression' }),
  response('2023-09-15', 'PR'), response('2023-12-15', 'VGPR'), response('2024-04-20', 'PD'),
  med('investigational study drug (blinded)', '2024-06-01', null),
];
const p24 = memo(() => prof(S24, S24_AS_OF));

describe('S24 substitution for toxicity, research code, blinded drug', () => {
  it('S24.lines: carfilzomib substituted for bortezomib (toxicity) is a new line → 4 known lines [§3 rule 2 substitution for any reason]', () => {
    expect(lineStarts(p24())).toEqual(['2017-03-15', '2017-05-20', '2021-05-15', '2023-07-15']);
  });
  it('S24.L2openedBy: unplanned addition or switch [§3 rule 2]', () => {
    expect(p24().linesOfTherapy.lines[1]?.openedBy).toBe('unplanned-addition-or-switch');
  });
  it('S24.tec: "JNJ 64007957" read as teclistamab → prior BCMA bispecific [§7; research codes]', () => {
    expect([p24().drugs.teclistamab?.exposed, p24().flags.priorBcmaBispecific]).toEqual([true, true]);
  });
  it('S24.priorLinesExact: a blinded study drug after the last line may be a 5th line → {priorLines 4..4} UNKNOWN [docs priorLines]', () => {
    expect(rule({ fact: 'priorLines', min: 4, max: 4 }, p24(), S24_AS_OF)).toBe('UNKNOWN');
  });
  it('S24.priorLinesMin3: {priorLines min 3} MET whatever the blinded drug [docs priorLines]', () => {
    expect(rule({ fact: 'priorLines', min: 3 }, p24(), S24_AS_OF)).toBe('MET');
  });
  it('S24.refractoryToLastLineUnknown: the blinded drug began after the last line → flag UNKNOWN [docs]', () => {
    expect(rule({ fact: 'flag', name: 'refractoryToLastLine' }, p24(), S24_AS_OF)).toBe('UNKNOWN');
  });
  it('S24.tce/penta: TCE yes; bortezomib never refractory → not penta [§2]', () => {
    expect([p24().flags.tripleClassExposed, p24().flags.pentaRefractory]).toEqual([true, false]);
  });
});

// ---------------------------------------------------------------------------------------------
// S25: VMP (elderly); a single unconfirmed MR between SDs, PD on VMP (25% exactly), then DKd PR.
// ---------------------------------------------------------------------------------------------
const S25: Ev[] = [
  demographics('1958-08-08', 'male', 80),
  diagnosis('2022-03-01', 'IgG', 'kappa'),
  S('2022-03-01', 3.0),
  med('VMP', '2022-03-10', '2022-09-15', { reasonStopped: 'progression' }),
  ...ser(['2022-04-10', 2.6], ['2022-05-10', 2.1], ['2022-06-10', 2.4], ['2022-07-10', 2.4], ['2022-08-10', 3.0], ['2022-09-10', 3.3]),
  med('DKd', '2022-09-20', null),
  ...ser(['2022-10-20', 2.0], ['2022-11-20', 1.4], ['2022-12-20', 1.0], ['2023-02-20', 0.9]),
];
const p25a = memo(() => prof(S25, '2022-09-18'));
const p25b = memo(() => prof(S25, '2023-03-01'));

describe('S25 unconfirmed MR, primary refractory, then response', () => {
  it('S25.progressionDate (2022-09-18): confirmed nadir 2.4; 3.0 is +25% exactly and +0.6 → PD 2022-08-10 [§4 PD ≥25%]', () => {
    expect(p25a().disease.progressionDate).toBe('2022-08-10');
  });
  it('S25.bestSD (2022-09-18): a single MR between SDs is not confirmed → best SD [§4 two consecutive assessments]', () => {
    expect(p25a().disease.bestResponse).toBe('SD');
  });
  it('S25.primary (2022-09-18): primary refractory [§1]', () => {
    expect([p25a().flags.primaryRefractory, p25a().flags.relapsedAndRefractory, p25a().flags.relapsed]).toEqual([true, false, false]);
  });
  it('S25.bortezomibRefractory [§1]', () => {
    expect(p25a().drugs.bortezomib?.refractory).toBe(true);
  });
  it('S25.vmpP: "P" in VMP is prednisone → no IMiD exposure [§8 regimen abbreviations]', () => {
    expect([p25b().classes.IMID?.exposed ?? false, p25b().drugs.pomalidomide?.exposed ?? false, p25b().flags.tripleClassExposed]).toEqual([false, false, false]);
  });
  it('S25.lines (2023-03-01): 2 [§3]', () => {
    expect(p25b().linesOfTherapy.count).toBe(2);
  });
  it('S25.bestPR (2023-03-01): DKd 3.3 → 1.0/0.9 → PR [§4]', () => {
    expect(p25b().disease.bestResponse).toBe('PR');
  });
  it('S25.statusAfterSalvage (2023-03-01): MR now reached, but not before the PD → none of the three [§1 read literally; docs prog28 X29]', () => {
    expect([p25b().flags.primaryRefractory, p25b().flags.relapsedAndRefractory, p25b().flags.relapsed]).toEqual([false, false, false]);
  });
});

describe('variants of S18', () => {
  // Case corrected after running: first written UNKNOWN. MR before the latest PD is unknown (mrEverKnown false), but the
  // docs' relapsed needs MR "at some point" (the Dara-Pd VGPR) and a PD off therapy >60 d: true on either hypothesis.
  it('S18v.outsideRecords: only PDs on record before line 3, VGPR on Dara-Pd; latest PD 61 d off therapy → {flag relapsed} MET either way MR went before [§1 relapsed; docs mrEverKnown]', () => {
    const evs = S18.filter((e) => !(e.type === 'response-assessment' && e.occurredAt < '2021-03-15' && e.data.category !== 'PD'));
    const p = prof(evs, S18_AS_OF);
    expect([p.disease.mrEverKnown, rule({ fact: 'flag', name: 'relapsed' }, p, S18_AS_OF)]).toEqual([false, 'MET']);
  });
});
