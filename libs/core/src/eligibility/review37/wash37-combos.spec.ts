/**
 * wash37 — harder combinations: flip dates, last dose unknown, procedures recorded twice, unread study drugs,
 * two derivation paths that must agree, progression windows. Written from the docs before the implementation.
 */
import { allo, carT, diagnosis, event, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const DAY = 86400000;
const ago = (n: number) => new Date(Date.parse(AS_OF) - n * DAY).toISOString().slice(0, 10);
const after = (n: number) => ago(-n);
const BASE: Ev[] = [diagnosis('2022-01-01', 'IgG', 'kappa'), med('VRd', '2022-02-01', '2022-07-31')];
const res = (rule: unknown, evs: Ev[]) => {
  const r = compileRule(rule)({ profile: buildProfile(evs, AS_OF), asOf: AS_OF, trace: null });
  return `${r.outcome}${r.flipsOn ? `@${r.flipsOn}->${r.flipsTo}` : ''}`;
};
const out = (rule: unknown, evs: Ev[]) => res(rule, evs).split('@')[0]!;
const ts = (o: Record<string, unknown>) => ({ fact: 'timeSince', event: 'lastDose', ...o });
const cond = (date: string, data: Record<string, unknown>) => event('condition', date, data);
const tx = (date: string, product?: string) => event('procedure', date, { kind: 'transfusion', ...(product ? { product } : {}) });

interface Case { id: string; clause: string; run: () => string; expected: string }
const cases: Case[] = [
  // flip dates (CL: time-bound leaves give every later day their outcome changes)
  { id: 'F01', clause: 'shorter-of bortezomib 10 d ago: not met, met from day 15', run: () => res(ts({ drug: 'bortezomib', minDays: 15, halfLives: 5 }), [...BASE, med('bortezomib', ago(60), ago(10))]), expected: `NOT_MET@${after(5)}->MET` },
  { id: 'F02', clause: 'longer-of bortezomib 10 d ago: met from day 23', run: () => res(ts({ drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'longer' }), [...BASE, med('bortezomib', ago(60), ago(10))]), expected: `NOT_MET@${after(13)}->MET` },
  { id: 'F03', clause: 'two drugs, minDays 20: washout ends when the last drug ends', run: () => res(ts({ minDays: 20 }), [...BASE, med('daratumumab', ago(60), ago(10)), med('bortezomib', ago(60), ago(5))]), expected: `NOT_MET@${after(15)}->MET` },
  { id: 'F04', clause: 'isatuximab (no t½) shorter 30 d: 7 d ago → unknown until day 30, met then', run: () => res(ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5 }), [...BASE, med('isatuximab', ago(60), ago(7))]), expected: `UNKNOWN@${after(23)}->MET` },
  { id: 'F05', clause: 'isatuximab longer 30 d: not met until day 30, unknown from then', run: () => res(ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'longer' }), [...BASE, med('isatuximab', ago(60), ago(7))]), expected: `NOT_MET@${after(23)}->UNKNOWN` },
  { id: 'F06', clause: 'lastDoseUnknown, within 30: met now, unknown from start+31', run: () => res(ts({ class: 'ANTI_CD38', maxDays: 30 }), [...BASE, med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })]), expected: `MET@${after(19)}->UNKNOWN` },
  { id: 'F07', clause: 'lastDoseUnknown, washout 30: not met, unknown from start+30', run: () => res(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })]), expected: `NOT_MET@${after(18)}->UNKNOWN` },
  { id: 'F08', clause: 'lastDoseUnknown bortezomib shorter 15/5 t½: not met until start+15', run: () => res(ts({ drug: 'bortezomib', minDays: 15, halfLives: 5 }), [...BASE, med('bortezomib', ago(10), null, { reasonStopped: 'toxicity' })]), expected: `NOT_MET@${after(5)}->UNKNOWN` },
  { id: 'F09', clause: 'SCT 80 d ago within 84: met, not met from day 85', run: () => res({ fact: 'timeSince', event: 'transplant', maxDays: 84 }, [...BASE, sct(ago(80))]), expected: `MET@${after(5)}->NOT_MET` },
  { id: 'F10', clause: 'other malignancy resolvedDate 1090 d ago: met, not met from day 1096', run: () => res({ fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, [...BASE, cond(ago(20), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2000), resolvedDate: ago(1090) })]), expected: `MET@${after(6)}->NOT_MET` },
  { id: 'F11', clause: 'malignancy resolved record 700 d ago, no date, onset 2000: unknown, not met once the record is 1096 d old', run: () => res({ fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, [...BASE, cond(ago(700), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2000) })]), expected: `UNKNOWN@${after(396)}->NOT_MET` },

  // last dose bounded by what came after (v16/v17: a course stopped for progression was given up to the next line at most)
  { id: 'L01', clause: 'dara stopped for progression, no end; next line (Pd) 100 d ago → last dose ≤ 100 d ago: 30-d washout met', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'progression' }), med('Pd', ago(100), null)]), expected: 'MET' },
  { id: 'L02', clause: 'same: ANTI_CD38 within 30 not met', run: () => out(ts({ class: 'ANTI_CD38', maxDays: 30 }), [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'progression' }), med('Pd', ago(100), null)]), expected: 'NOT_MET' },
  { id: 'L03', clause: 'later course of the same drug with known end after a stopped-without-end course: known', run: () => out(ts({ drug: 'daratumumab', maxDays: 30 }), [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'toxicity' }), med('daratumumab', ago(100), ago(20))]), expected: 'MET' },
  { id: 'L04', clause: 'stopped-without-end course AFTER a known one: unknown once past', run: () => out(ts({ drug: 'daratumumab', minDays: 30 }), [...BASE, med('daratumumab', ago(300), ago(200)), med('daratumumab', ago(100), null, { reasonStopped: 'toxicity' })]), expected: 'UNKNOWN' },

  { id: 'L05', clause: 'dara stopped for toxicity, no end; next line (Pd) 100 d ago → not given after the next line began: 30-d washout met', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'toxicity' }), med('Pd', ago(100), null)]), expected: 'MET' },
  { id: 'L06', clause: 'dara stopped for progression, no end; ASCT 100 d ago after it → given up to the transplant at most: 30-d washout met', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'progression' }), sct(ago(100))]), expected: 'MET' },
  { id: 'L07', clause: 'two paths: the profile dates the stop-for-progression refractoriness by the day before the next line', run: () => { const pr = buildProfile([...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'progression' }), med('Pd', ago(100), null)], AS_OF); return pr.drugs.daratumumab!.evidence.map((e) => e.date).join(','); }, expected: ago(101) },
  { id: 'U06', clause: 'unread anti-CD38 40 d ago, ANTI_CD38 shorter 30/5 t½: met once past minDays', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5 }), [...BASE, med('investigational anti-CD38 antibody', ago(60), ago(40))]), expected: 'MET' },
  { id: 'U07', clause: 'unread anti-CD38 40 d ago, longer: unknown', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'longer' }), [...BASE, med('investigational anti-CD38 antibody', ago(60), ago(40))]), expected: 'UNKNOWN' },
  { id: 'U08', clause: 'unread anti-CD38 10 d ago, longer: unknown (may be none of the scope)', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'longer' }), [...BASE, med('investigational anti-CD38 antibody', ago(60), ago(10))]), expected: 'UNKNOWN' },
  { id: 'U09', clause: 'unread anti-CD38 10 d ago beside dara 5 d ago: known not met (dara decides)', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(60), ago(5)), med('investigational anti-CD38 antibody', ago(60), ago(10))]), expected: 'NOT_MET' },
  { id: 'R01', clause: 'window 60–120 d since anti-CD38: day 60 met', run: () => out(ts({ class: 'ANTI_CD38', minDays: 60, maxDays: 120 }), [...BASE, med('daratumumab', ago(200), ago(60))]), expected: 'MET' },
  { id: 'R02', clause: 'window 60–120: day 59 not met, met from tomorrow', run: () => res(ts({ class: 'ANTI_CD38', minDays: 60, maxDays: 120 }), [...BASE, med('daratumumab', ago(200), ago(59))]), expected: `NOT_MET@${after(1)}->MET` },
  { id: 'R03', clause: 'window 60–120: day 120 met, not met from tomorrow', run: () => res(ts({ class: 'ANTI_CD38', minDays: 60, maxDays: 120 }), [...BASE, med('daratumumab', ago(200), ago(120))]), expected: `MET@${after(1)}->NOT_MET` },
  { id: 'R04', clause: 'window 60–120: day 121 not met for good', run: () => res(ts({ class: 'ANTI_CD38', minDays: 60, maxDays: 120 }), [...BASE, med('daratumumab', ago(200), ago(121))]), expected: 'NOT_MET' },
  { id: 'R05', clause: 'window 60–120 with dara ongoing: not met', run: () => out(ts({ class: 'ANTI_CD38', minDays: 60, maxDays: 120 }), [...BASE, med('daratumumab', ago(200), null)]), expected: 'NOT_MET' },

  { id: 'E01', clause: 'elranatamab t½ 22 d: longer of 30 / 5 t½ = 110 d; 109 d not met', run: () => out(ts({ class: 'BCMA_BISPECIFIC', minDays: 30, halfLives: 5, combine: 'longer' }), [...BASE, med('elranatamab', ago(300), ago(109))]), expected: 'NOT_MET' },
  { id: 'E02', clause: 'elranatamab: 110 d met', run: () => out(ts({ class: 'BCMA_BISPECIFIC', minDays: 30, halfLives: 5, combine: 'longer' }), [...BASE, med('elranatamab', ago(300), ago(110))]), expected: 'MET' },
  { id: 'E03', clause: 'teclistamab (no t½ in table) shorter 30: 20 d unknown', run: () => out(ts({ class: 'BCMA_BISPECIFIC', minDays: 30, halfLives: 5 }), [...BASE, med('teclistamab', ago(300), ago(20))]), expected: 'UNKNOWN' },
  { id: 'E04', clause: 'nested dara courses, the later-starting one stopped without end: last dose ≥ the known end (20 d) → 30-d washout not met', run: () => out(ts({ drug: 'daratumumab', minDays: 30 }), [...BASE, med('daratumumab', ago(300), ago(20)), med('daratumumab', ago(100), null, { reasonStopped: 'toxicity' })]), expected: 'NOT_MET' },
  { id: 'K07', clause: 'C50 active 300 d ago, absent record without code 10 d ago: present 300 d ago → within 3 y', run: () => out({ fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, [...BASE, cond(ago(300), { kind: 'other-malignancy', status: 'active', code: 'C50' }), cond(ago(10), { kind: 'other-malignancy', status: 'absent' })]), expected: 'MET' },
  { id: 'K08', clause: 'C50 active 1500 d ago, absent without code 1200 d ago: not within 3 y', run: () => out({ fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, [...BASE, cond(ago(1500), { kind: 'other-malignancy', status: 'active', code: 'C50' }), cond(ago(1200), { kind: 'other-malignancy', status: 'absent' })]), expected: 'NOT_MET' },
  { id: 'K09', clause: 'sensory neuropathy active with no grade: ≥3 unknown', run: () => out({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' }, [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', neuropathyType: 'sensory' })]), expected: 'UNKNOWN' },

  // unread medications (CL timeSince unknown when)
  { id: 'U01', clause: 'any therapy within 14 d: unread "investigational agent" 5 d ago → unknown', run: () => out(ts({ maxDays: 14 }), [...BASE, med('daratumumab', ago(100), ago(60)), med('investigational agent XYZ-123', ago(30), ago(5))]), expected: 'UNKNOWN' },
  { id: 'U02', clause: 'any therapy within 14 d: unread study drug 40 d ago → known not met', run: () => out(ts({ maxDays: 14 }), [...BASE, med('daratumumab', ago(100), ago(60)), med('investigational agent XYZ-123', ago(60), ago(40))]), expected: 'NOT_MET' },
  { id: 'U03', clause: 'drug by name reads no unread medication', run: () => out(ts({ drug: 'daratumumab', minDays: 30 }), [...BASE, med('daratumumab', ago(100), ago(60)), med('investigational anti-CD38 antibody', ago(30), ago(5))]), expected: 'MET' },
  { id: 'U04', clause: 'unread BCMA-naming med: ANTI_CD38 class washout unaffected', run: () => out(ts({ class: 'ANTI_CD38', minDays: 30 }), [...BASE, med('daratumumab', ago(100), ago(60)), med('investigational BCMA bispecific (blinded)', ago(30), ago(5))]), expected: 'MET' },
  { id: 'U05', clause: 'unread BCMA bispecific 5 d ago: BCMA_BISPECIFIC within 30 unknown', run: () => out(ts({ class: 'BCMA_BISPECIFIC', maxDays: 30 }), [...BASE, med('investigational BCMA bispecific (blinded)', ago(30), ago(5))]), expected: 'UNKNOWN' },

  // brands and regimens (two paths)
  { id: 'B01', clause: 'Darzalex Faspro = daratumumab: longer 14 / 5×18 d, 89 d', run: () => out(ts({ class: 'ANTI_CD38', minDays: 14, halfLives: 5, combine: 'longer' }), [...BASE, med('Darzalex Faspro', ago(200), ago(89))]), expected: 'NOT_MET' },
  { id: 'B02', clause: 'Kd ended 5 d ago beside carfilzomib single agent 100 d ago: carfilzomib within 14', run: () => out(ts({ drug: 'carfilzomib', maxDays: 14 }), [...BASE, med('carfilzomib', ago(200), ago(100)), med('Kd', ago(60), ago(5))]), expected: 'MET' },
  { id: 'B03', clause: 'DRd ended 20 d ago: drug daratumumab and class ANTI_CD38 agree', run: () => `${out(ts({ drug: 'daratumumab', maxDays: 21 }), [...BASE, med('DRd', ago(200), ago(20))])}/${out(ts({ class: 'ANTI_CD38', maxDays: 21 }), [...BASE, med('DRd', ago(200), ago(20))])}`, expected: 'MET/MET' },

  // procedures recorded twice / planned tandem / two paths
  { id: 'P01', clause: 'CAR-T same product recorded 95 and 90 d ago: one infusion on the later day (within 90)', run: () => out({ fact: 'timeSince', event: 'carT', maxDays: 90 }, [...BASE, carT(ago(95), 'ciltacabtagene autoleucel'), carT(ago(90), 'ciltacabtagene autoleucel')]), expected: 'MET' },
  { id: 'P02', clause: 'planned tandem second ASCT 80 d ago still a transplant within 84', run: () => out({ fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, [...BASE, sct(ago(200)), sct(ago(80), { plannedTandem: true })]), expected: 'MET' },
  { id: 'P03', clause: 'planned tandem: both autos counted', run: () => out({ fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, [...BASE, sct(ago(200)), sct(ago(80), { plannedTandem: true })]), expected: 'MET' },
  { id: 'P04', clause: 'auto→allo planned tandem: allo within 112 and priorAllogeneicSct', run: () => `${out({ fact: 'timeSince', event: 'transplant', kind: 'allogeneic', maxDays: 112 }, [...BASE, sct(ago(200)), event('procedure', ago(100), { kind: 'allogeneic-sct', plannedTandem: true })])}/${out({ fact: 'flag', name: 'priorAllogeneicSct' }, [...BASE, sct(ago(200)), event('procedure', ago(100), { kind: 'allogeneic-sct', plannedTandem: true })])}`, expected: 'MET/MET' },
  { id: 'P05', clause: 'SCT written 2025-03-09T23:30-05:00 is of 03-09: 84 d → washout 84 met', run: () => out({ fact: 'timeSince', event: 'transplant', minDays: 84 }, [...BASE, sct('2025-03-09T23:30:00-05:00')]), expected: 'MET' },
  { id: 'P06', clause: 'CAR-T as medication and as procedure same day: one infusion, priorCarT and BCMA CAR_T agree', run: () => `${out({ fact: 'priorCarT' }, [...BASE, med('cilta-cel', ago(50), ago(50)), carT(ago(50), 'ciltacabtagene autoleucel')])}/${out({ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, [...BASE, med('cilta-cel', ago(50), ago(50))])}`, expected: 'MET/MET' },
  { id: 'P07', clause: 'unrecognised CAR-T 30 d ago: BCMA_CAR_T class within 90 unknown', run: () => out({ fact: 'timeSince', event: 'carT', class: 'BCMA_CAR_T', maxDays: 90 }, [...BASE, carT(ago(30), 'ABC-999 CAR-T')]), expected: 'UNKNOWN' },
  { id: 'P08', clause: 'cilta-cel 200 d + unrecognised CAR-T 30 d: BCMA_CAR_T washout 100 unknown', run: () => out({ fact: 'timeSince', event: 'carT', class: 'BCMA_CAR_T', minDays: 100 }, [...BASE, carT(ago(200), 'ciltacabtagene autoleucel'), carT(ago(30), 'ABC-999 CAR-T')]), expected: 'UNKNOWN' },
  { id: 'P09', clause: 'timeSince carT no class, unrecognised product 30 d: any CAR-T within 90 met', run: () => out({ fact: 'timeSince', event: 'carT', maxDays: 90 }, [...BASE, carT(ago(30), 'ABC-999 CAR-T')]), expected: 'MET' },

  // transfusions
  { id: 'X01', clause: 'transfusion product not recorded 5 d ago: red-cells within 7 unknown', run: () => out({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, [...BASE, tx(ago(5))]), expected: 'UNKNOWN' },
  { id: 'X02', clause: 'mixed red cells and platelets 5 d ago: red-cells within 7 met', run: () => out({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, [...BASE, tx(ago(5), 'red cells and platelets')]), expected: 'MET' },
  { id: 'X03', clause: 'platelets 5 d ago: red-cells within 7 not met', run: () => out({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, [...BASE, tx(ago(5), 'platelets')]), expected: 'NOT_MET' },
  { id: 'X04', clause: 'unspecified transfusion 20 d ago: red-cells within 7 not met (dates agree)', run: () => out({ fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, [...BASE, tx(ago(20))]), expected: 'NOT_MET' },
  { id: 'X05', clause: 'filgrastim 3 d ago: SUPPORTIVE within 7 met', run: () => out(ts({ class: 'SUPPORTIVE', maxDays: 7 }), [...BASE, med('filgrastim-sndz', ago(10), ago(3))]), expected: 'MET' },

  // conditions (subtle)
  { id: 'K01', clause: 'active 500 d ago, later resolved with resolvedDate before the active day: present 500 d ago → met', run: () => out({ fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, [...BASE, cond(ago(500), { kind: 'other-malignancy', status: 'active' }), cond(ago(100), { kind: 'other-malignancy', status: 'resolved', resolvedDate: ago(1200) })]), expected: 'MET' },
  { id: 'K02', clause: 'untyped active G3 neuropathy: ongoing motor ≥3 unknown', run: () => out({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 3 })]), expected: 'UNKNOWN' },
  { id: 'K03', clause: 'untyped active G2 neuropathy: ongoing motor ≥3 not met (grade decides)', run: () => out({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 2 })]), expected: 'NOT_MET' },
  { id: 'K04', clause: 'absent record, then sensory G3 active: sensory met', run: () => out({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' }, [...BASE, cond(ago(100), { kind: 'peripheral-neuropathy', status: 'absent' }), cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'sensory' })]), expected: 'MET' },
  { id: 'K05', clause: 'neuropathy: motor only recorded (G3 active), sensory ≥3 rule: not met (kind only in other types)', run: () => out({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' }, [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' })]), expected: 'NOT_MET' },
  { id: 'K06', clause: 'GVHD resolved, includeHistory → met (history), current → not', run: () => `${out({ fact: 'condition', kind: 'gvhd', includeHistory: true }, [...BASE, allo(ago(300)), cond(ago(20), { kind: 'gvhd', status: 'resolved' })])}/${out({ fact: 'condition', kind: 'gvhd' }, [...BASE, allo(ago(300)), cond(ago(20), { kind: 'gvhd', status: 'resolved' })])}`, expected: 'MET/NOT_MET' },

  // progression windows (CC-220 inc-04, CARTITUDE-4 inc-04)
  { id: 'G01', clause: 'PD exactly 60 d after the last line\'s last dose: within 60', run: () => out({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), med('Kd', ago(300), ago(100)), response(ago(200), 'PR'), response(ago(170), 'PR'), response(ago(40), 'PD')]), expected: 'MET' },
  { id: 'G02', clause: 'PD 61 d after the last dose: not within 60', run: () => out({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), med('Kd', ago(300), ago(100)), response(ago(200), 'PR'), response(ago(170), 'PR'), response(ago(39), 'PD')]), expected: 'NOT_MET' },
  { id: 'G03', clause: 'last line stopped for toxicity, end unknown; PD 100 d after its start: unknown', run: () => out({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), med('Kd', ago(200), null, { reasonStopped: 'toxicity' }), response(ago(100), 'PD')]), expected: 'UNKNOWN' },
  { id: 'G04', clause: 'last line stopped for toxicity, end unknown; PD 50 d after start: met', run: () => out({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), med('Kd', ago(200), null, { reasonStopped: 'toxicity' }), response(ago(150), 'PD')]), expected: 'MET' },
  { id: 'G05', clause: 'biochemical PD dated at the first of two rises: 61 d ago → ≥61 d since progression met', run: () => out({ fact: 'timeSince', event: 'progression', minDays: 61 }, [...BASE, med('DRd', ago(300), null), lab(ago(310), 'serum m-protein', 2.0, 'g/dL'), lab(ago(200), 'serum m-protein', 1.0, 'g/dL'), lab(ago(170), 'serum m-protein', 1.0, 'g/dL'), lab(ago(61), 'serum m-protein', 1.6, 'g/dL'), lab(ago(30), 'serum m-protein', 1.7, 'g/dL')]), expected: 'MET' },
  { id: 'G06', clause: 'same: ≥62 d since progression not met', run: () => out({ fact: 'timeSince', event: 'progression', minDays: 62 }, [...BASE, med('DRd', ago(300), null), lab(ago(310), 'serum m-protein', 2.0, 'g/dL'), lab(ago(200), 'serum m-protein', 1.0, 'g/dL'), lab(ago(170), 'serum m-protein', 1.0, 'g/dL'), lab(ago(61), 'serum m-protein', 1.6, 'g/dL'), lab(ago(30), 'serum m-protein', 1.7, 'g/dL')]), expected: 'NOT_MET' },
  { id: 'G07', clause: 'CARTITUDE-4 inc-04 window 183: PD 183 d after last dose met', run: () => out({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 183 }, [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), med('Kd', ago(400), ago(250)), response(ago(300), 'PR'), response(ago(270), 'PR'), response(ago(67), 'PD')]), expected: 'MET' },
];

describe('wash37 combos', () => {
  for (const c of cases) {
    it(`${c.id} ${c.clause}`, () => {
      expect(c.run()).toBe(c.expected);
    });
  }
});
