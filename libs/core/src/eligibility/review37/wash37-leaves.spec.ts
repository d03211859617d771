/**
 * wash37 — time-based engine leaves at a screening date (domain.md §7; docs/criteria-language.md timeSince,
 * condition withinDays, neuropathyType, priorTargetTherapy, priorCarT, priorTransplant).
 * Expectations written from the docs before reading the implementation. Scratch review file; not committed.
 */
import { carT, diagnosis, event, med, response, sct, allo } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const DAY = 86400000;
const ago = (n: number) => new Date(Date.parse(AS_OF) - n * DAY).toISOString().slice(0, 10);
const BASE: Ev[] = [diagnosis('2022-01-01', 'IgG', 'kappa'), med('VRd', '2022-02-01', '2022-07-31')];
const out = (rule: unknown, evs: Ev[]) => compileRule(rule)({ profile: buildProfile(evs, AS_OF), asOf: AS_OF, trace: null }).outcome;
const cond = (date: string, data: Record<string, unknown>) => event('condition', date, data);

const ts = (o: Record<string, unknown>) => ({ fact: 'timeSince', event: 'lastDose', ...o });
interface Case { id: string; clause: string; rule: unknown; events: Ev[]; expected: string }
const cases: Case[] = [
  // ---- washouts in half-lives (criteria-language "Washouts in half-lives"; bortezomib 5×108.6 h = 22.6 d → met from day 23)
  { id: 'W01', clause: 'CL washout longer of 1 d / 5 t½ (minDays required): bortezomib 22 d < 22.6 d', rule: ts({ drug: 'bortezomib', minDays: 1, halfLives: 5, combine: 'longer' }), events: [...BASE, med('bortezomib', ago(60), ago(22))], expected: 'NOT_MET' },
  { id: 'W02', clause: 'CL washout longer of 1 d / 5 t½: day 23 met', rule: ts({ drug: 'bortezomib', minDays: 1, halfLives: 5, combine: 'longer' }), events: [...BASE, med('bortezomib', ago(60), ago(23))], expected: 'MET' },
  { id: 'W03', clause: 'CL shorter-of 15 d / 22.6 d: 15 d met', rule: ts({ drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('bortezomib', ago(60), ago(15))], expected: 'MET' },
  { id: 'W04', clause: 'CL shorter-of: 14 d not met', rule: ts({ drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('bortezomib', ago(60), ago(14))], expected: 'NOT_MET' },
  { id: 'W05', clause: 'CL longer-of 15 / 22.6: day 22 not met', rule: ts({ drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'longer' }), events: [...BASE, med('bortezomib', ago(60), ago(22))], expected: 'NOT_MET' },
  { id: 'W06', clause: 'CL longer-of: day 23 met', rule: ts({ drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'longer' }), events: [...BASE, med('bortezomib', ago(60), ago(23))], expected: 'MET' },
  { id: 'W07', clause: 'CL longer-of 14 / 5×18 d dara = 90: day 89', rule: ts({ class: 'ANTI_CD38', minDays: 14, halfLives: 5, combine: 'longer' }), events: [...BASE, med('daratumumab', ago(300), ago(89))], expected: 'NOT_MET' },
  { id: 'W08', clause: 'CL longer-of: day 90 met', rule: ts({ class: 'ANTI_CD38', minDays: 14, halfLives: 5, combine: 'longer' }), events: [...BASE, med('daratumumab', ago(300), ago(90))], expected: 'MET' },
  { id: 'W09', clause: 'CL a drug still given fails a washout', rule: ts({ class: 'ANTI_CD38', minDays: 14 }), events: [...BASE, med('daratumumab', ago(100), null)], expected: 'NOT_MET' },
  { id: 'W10', clause: 'CL ongoing course is within any maxDays', rule: ts({ class: 'ANTI_CD38', maxDays: 30 }), events: [...BASE, med('daratumumab', ago(100), null)], expected: 'MET' },
  { id: 'W11', clause: 'CL no half-life (isatuximab) shorter: unknown until minDays; dara past → UNKNOWN', rule: ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('daratumumab', ago(300), ago(61)), med('isatuximab', ago(50), ago(7))], expected: 'UNKNOWN' },
  { id: 'W12', clause: 'CL no half-life longer: not met until minDays', rule: ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'longer' }), events: [...BASE, med('daratumumab', ago(300), ago(100)), med('isatuximab', ago(50), ago(7))], expected: 'NOT_MET' },
  { id: 'W13', clause: 'CL no half-life longer: unknown once past minDays', rule: ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'longer' }), events: [...BASE, med('isatuximab', ago(80), ago(40))], expected: 'UNKNOWN' },
  { id: 'W14', clause: 'CL no half-life shorter: met once past minDays', rule: ts({ class: 'ANTI_CD38', minDays: 30, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('isatuximab', ago(80), ago(40))], expected: 'MET' },
  { id: 'W15', clause: 'CL drug never given with history: past any washout', rule: ts({ drug: 'pomalidomide', minDays: 30 }), events: [...BASE], expected: 'MET' },
  { id: 'W16', clause: 'CL no history → unknown', rule: ts({ drug: 'pomalidomide', minDays: 30 }), events: [diagnosis('2022-01-01', 'IgG', 'kappa')], expected: 'UNKNOWN' },
  { id: 'W17', clause: 'CL v16 lastDoseUnknown: washout unknown once it could have run from the course start', rule: ts({ class: 'ANTI_CD38', minDays: 30 }), events: [...BASE, med('daratumumab', ago(150), null, { reasonStopped: 'toxicity' })], expected: 'UNKNOWN' },
  { id: 'W18', clause: 'CL v16 lastDoseUnknown: not met before it could have run from the start', rule: ts({ class: 'ANTI_CD38', minDays: 30 }), events: [...BASE, med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })], expected: 'NOT_MET' },
  { id: 'W19', clause: 'CL v16 lastDoseUnknown: within N days met while the known last dose is', rule: ts({ class: 'ANTI_CD38', maxDays: 30 }), events: [...BASE, med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })], expected: 'MET' },
  { id: 'W20', clause: 'CL v16 lastDoseUnknown: within N days unknown after', rule: ts({ class: 'ANTI_CD38', maxDays: 30 }), events: [...BASE, med('daratumumab', ago(150), null, { reasonStopped: 'toxicity' })], expected: 'UNKNOWN' },
  { id: 'W21', clause: 'CL last dose = latest end over nested courses in any order', rule: ts({ class: 'PI', minDays: 14 }), events: [...BASE, med('bortezomib', ago(100), ago(60)), med('bortezomib', ago(200), ago(12))], expected: 'NOT_MET' },
  { id: 'W22', clause: 'DREAMM-8 exc-03 any anti-myeloma, shorter of 15 d / 5 t½: dex and len 3 d ago (t½ 3.6 h, 5 h) → met', rule: ts({ minDays: 15, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('lenalidomide', ago(60), ago(3)), med('dexamethasone', ago(60), ago(3))], expected: 'MET' },
  { id: 'W23', clause: 'shorter-of: lenalidomide 5 t½ = 25 h → met from day 2; 1 d ago not met', rule: ts({ minDays: 15, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('lenalidomide', ago(60), ago(1))], expected: 'NOT_MET' },
  { id: 'W24', clause: 'all drugs of the scope: bortezomib 14 d blocks beside dex past', rule: ts({ minDays: 15, halfLives: 5, combine: 'shorter' }), events: [...BASE, med('bortezomib', ago(60), ago(14)), med('dexamethasone', ago(60), ago(3))], expected: 'NOT_MET' },
  { id: 'W25', clause: 'carfilzomib 5 t½ = 3.3 h → met from day 1', rule: ts({ drug: 'carfilzomib', minDays: 15, halfLives: 5 }), events: [...BASE, med('carfilzomib', ago(60), ago(1))], expected: 'MET' },
  { id: 'W26', clause: 'carfilzomib last dose today: day 0 not met', rule: ts({ drug: 'carfilzomib', minDays: 15, halfLives: 5 }), events: [...BASE, med('carfilzomib', ago(60), ago(0))], expected: 'NOT_MET' },
  { id: 'W27', clause: 'regimen DRd read as daratumumab: ANTI_CD38 within 21 d at day 21', rule: ts({ class: 'ANTI_CD38', maxDays: 21 }), events: [...BASE, med('DRd', ago(200), ago(21))], expected: 'MET' },
  { id: 'W28', clause: 'regimen DRd: day 22 not within 21', rule: ts({ class: 'ANTI_CD38', maxDays: 21 }), events: [...BASE, med('DRd', ago(200), ago(22))], expected: 'NOT_MET' },
  { id: 'W29', clause: 'CARTITUDE-4 exc-01 steroid within 7 d: day 7', rule: ts({ class: 'CORTICOSTEROID', maxDays: 7 }), events: [...BASE, med('dexamethasone', ago(30), ago(7))], expected: 'MET' },
  { id: 'W30', clause: 'steroid within 7 d: day 8 not', rule: ts({ class: 'CORTICOSTEROID', maxDays: 7 }), events: [...BASE, med('dexamethasone', ago(30), ago(8))], expected: 'NOT_MET' },
  { id: 'W31', clause: 'steroid in a regimen (DRd) counts for CORTICOSTEROID', rule: ts({ class: 'CORTICOSTEROID', maxDays: 7 }), events: [...BASE, med('DRd', ago(100), ago(5))], expected: 'MET' },
  { id: 'W32', clause: 'NCT03158688 carfilzomib 6 months (183): 182 d not', rule: ts({ drug: 'carfilzomib', minDays: 183 }), events: [...BASE, med('carfilzomib', ago(400), ago(182))], expected: 'NOT_MET' },
  { id: 'W33', clause: 'carfilzomib 183 d met', rule: ts({ drug: 'carfilzomib', minDays: 183 }), events: [...BASE, med('carfilzomib', ago(400), ago(183))], expected: 'MET' },
  { id: 'W34', clause: 'a course starting after the profile day is left out', rule: ts({ drug: 'bortezomib', minDays: 14 }), events: [...BASE, med('bortezomib', ago(90), ago(30)), med('bortezomib', '2025-06-10', '2025-06-20')], expected: 'MET' },
  { id: 'W35', clause: 'CL a course end dated after the profile day: ongoing → washout not met', rule: ts({ drug: 'bortezomib', minDays: 14 }), events: [...BASE, med('bortezomib', ago(30), '2025-06-10')], expected: 'NOT_MET' },
  { id: 'W36', clause: 'CC day written in the record: end 05-18T23:30-05:00 is 05-18 → 14 d met', rule: ts({ drug: 'bortezomib', minDays: 14 }), events: [...BASE, med('bortezomib', ago(60), '2025-05-18T23:30:00-05:00')], expected: 'MET' },
  { id: 'W37', clause: 'CC day written: same end, minDays 15 not met', rule: ts({ drug: 'bortezomib', minDays: 15 }), events: [...BASE, med('bortezomib', ago(60), '2025-05-18T23:30:00-05:00')], expected: 'NOT_MET' },
  { id: 'W38', clause: 'IKEMA exc-01 last therapy within 14 d: supportive agent ignored', rule: ts({ maxDays: 14 }), events: [...BASE, med('daratumumab', ago(100), ago(30)), med('zoledronic acid', ago(100), ago(3))], expected: 'NOT_MET' },
  { id: 'W39', clause: 'last therapy within 14 d: day 14', rule: ts({ maxDays: 14 }), events: [...BASE, med('daratumumab', ago(100), ago(14))], expected: 'MET' },
  { id: 'W40', clause: 'last therapy within 14 d: day 15 not', rule: ts({ maxDays: 14 }), events: [...BASE, med('daratumumab', ago(100), ago(15))], expected: 'NOT_MET' },
  { id: 'W41', clause: 'lastDoseUnknown course + a later known course of the same drug: the later course decides', rule: ts({ drug: 'daratumumab', minDays: 30 }), events: [...BASE, med('daratumumab', ago(300), null, { reasonStopped: 'toxicity' }), med('daratumumab', ago(100), ago(40))], expected: 'MET' },
  { id: 'W42', clause: 'halfLives: drug class washout, unread medication naming no target and not a study drug does not block', rule: ts({ class: 'ANTI_CD38', minDays: 30 }), events: [...BASE, med('daratumumab', ago(300), ago(60)), med('vitamin D3 drops', ago(20), ago(2))], expected: 'MET' },
  { id: 'W43', clause: 'unread medication naming CD38 within the window: class washout unknown', rule: ts({ class: 'ANTI_CD38', minDays: 30 }), events: [...BASE, med('investigational anti-CD38 antibody', ago(40), ago(10))], expected: 'UNKNOWN' },

  // ---- transplants (domain §7 prior SCT ≤12 weeks; NCT03539744 exc-02)
  { id: 'T01', clause: '§7 SCT ≤12 weeks: auto 84 d ago within 84', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, sct(ago(84))], expected: 'MET' },
  { id: 'T02', clause: '§7 auto 85 d ago not within 84', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, sct(ago(85))], expected: 'NOT_MET' },
  { id: 'T03', clause: 'NCT03539744 allo 16 weeks: 112 d', rule: { fact: 'timeSince', event: 'transplant', kind: 'allogeneic', maxDays: 112 }, events: [...BASE, allo(ago(112))], expected: 'MET' },
  { id: 'T04', clause: 'allo 113 d', rule: { fact: 'timeSince', event: 'transplant', kind: 'allogeneic', maxDays: 112 }, events: [...BASE, allo(ago(113))], expected: 'NOT_MET' },
  { id: 'T05', clause: 'auto 200 + allo 100: autologous within 84 reads only autos', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, sct(ago(200)), allo(ago(100))], expected: 'NOT_MET' },
  { id: 'T06', clause: 'auto 200 + allo 60: autologous within 84 ignores the allo', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, sct(ago(200)), allo(ago(60))], expected: 'NOT_MET' },
  { id: 'T07', clause: 'auto 200 + allo 60: any kind within 84 → allo counts', rule: { fact: 'timeSince', event: 'transplant', kind: 'any', maxDays: 84 }, events: [...BASE, sct(ago(200)), allo(ago(60))], expected: 'MET' },
  { id: 'T08', clause: 'no kind = any: allo after auto counted', rule: { fact: 'timeSince', event: 'transplant', maxDays: 84 }, events: [...BASE, sct(ago(200)), allo(ago(60))], expected: 'MET' },
  { id: 'T09', clause: 'autos 80 and 300 d ago listed newest first: latest auto counts', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, sct(ago(80)), sct(ago(300))], expected: 'MET' },
  { id: 'T10', clause: 'two autos (tandem): each counted', rule: { fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, events: [...BASE, sct(ago(80)), sct(ago(300))], expected: 'MET' },
  { id: 'T11', clause: 'auto + allo: each counted (any, 2)', rule: { fact: 'priorTransplant', kind: 'any', minCount: 2 }, events: [...BASE, sct(ago(300)), allo(ago(100))], expected: 'MET' },
  { id: 'T12', clause: 'CC procedureRepeatDays: auto recorded 88 and 83 d ago is one (count 1)', rule: { fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, events: [...BASE, sct(ago(88)), sct(ago(83))], expected: 'NOT_MET' },
  { id: 'T13', clause: 'CC procedureRepeatDays: one procedure on the later date (83 d): ≥85 d washout not met', rule: { fact: 'timeSince', event: 'transplant', minDays: 85 }, events: [...BASE, sct(ago(88)), sct(ago(83))], expected: 'NOT_MET' },
  { id: 'T14', clause: 'CC two autos 8 d apart: two procedures', rule: { fact: 'priorTransplant', kind: 'autologous', minCount: 2 }, events: [...BASE, sct(ago(90)), sct(ago(82))], expected: 'MET' },
  { id: 'T15', clause: 'CC ASCT sent as a medication is the transplant: within 84', rule: { fact: 'timeSince', event: 'transplant', kind: 'autologous', maxDays: 84 }, events: [...BASE, med('ASCT', ago(80), ago(80))], expected: 'MET' },
  { id: 'T16', clause: 'CC ASCT as medication: priorTransplant autologous', rule: { fact: 'priorTransplant', kind: 'autologous' }, events: [...BASE, med('HDM/ASCT', ago(80), ago(80))], expected: 'MET' },
  { id: 'T17', clause: 'transplant after the profile day ignored', rule: { fact: 'priorTransplant', kind: 'any' }, events: [...BASE, sct('2025-06-05')], expected: 'NOT_MET' },
  { id: 'T18', clause: 'SCT on the screening day: within 84', rule: { fact: 'timeSince', event: 'transplant', maxDays: 84 }, events: [...BASE, sct(ago(0))], expected: 'MET' },
  { id: 'T19', clause: 'no transplant, history: within 84 not met', rule: { fact: 'timeSince', event: 'transplant', maxDays: 84 }, events: [...BASE], expected: 'NOT_MET' },
  { id: 'T20', clause: 'flag priorAllogeneicSct agrees with priorTransplant allogeneic', rule: { fact: 'flag', name: 'priorAllogeneicSct' }, events: [...BASE, allo(ago(400))], expected: 'MET' },

  // ---- prior BCMA / CD3-redirecting / CAR-T (§7 prior target therapy)
  { id: 'C01', clause: '§7 BCMA CAR-T (cilta-cel) → BCMA CAR_T', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, events: [...BASE, carT(ago(200), 'ciltacabtagene autoleucel')], expected: 'MET' },
  { id: 'C02', clause: 'cilta-cel is not a BCMA bispecific', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, events: [...BASE, carT(ago(200), 'ciltacabtagene autoleucel')], expected: 'NOT_MET' },
  { id: 'C03', clause: 'flag priorBcmaCarT (ide-cel)', rule: { fact: 'flag', name: 'priorBcmaCarT' }, events: [...BASE, carT(ago(200), 'idecabtagene vicleucel')], expected: 'MET' },
  { id: 'C04', clause: 'priorCarT any product', rule: { fact: 'priorCarT' }, events: [...BASE, carT(ago(200), 'XYZ-19 investigational CAR')], expected: 'MET' },
  { id: 'C05', clause: 'CL unrecognised CAR-T product → BCMA CAR_T unknown', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, events: [...BASE, carT(ago(200), 'XYZ-19 investigational CAR')], expected: 'UNKNOWN' },
  { id: 'C06', clause: 'CL unrecognised CAR-T leaves BISPECIFIC known', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, events: [...BASE, carT(ago(200), 'XYZ-19 investigational CAR')], expected: 'NOT_MET' },
  { id: 'C07', clause: 'teclistamab → BCMA bispecific', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'BISPECIFIC' }, events: [...BASE, med('teclistamab', ago(200), ago(100))], expected: 'MET' },
  { id: 'C08', clause: 'teclistamab → T-cell engager (CD3-redirecting)', rule: { fact: 'flag', name: 'priorTCellEngager' }, events: [...BASE, med('teclistamab', ago(200), ago(100))], expected: 'MET' },
  { id: 'C09', clause: 'teclistamab is no CAR-T', rule: { fact: 'priorCarT' }, events: [...BASE, med('teclistamab', ago(200), ago(100))], expected: 'NOT_MET' },
  { id: 'C10', clause: 'belantamab → BCMA ADC', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'ADC' }, events: [...BASE, med('belantamab mafodotin', ago(200), ago(100))], expected: 'MET' },
  { id: 'C11', clause: 'belantamab is not CD3-redirecting', rule: { fact: 'flag', name: 'priorTCellEngager' }, events: [...BASE, med('belantamab mafodotin', ago(200), ago(100))], expected: 'NOT_MET' },
  { id: 'C12', clause: 'belantamab → priorBcmaDirected', rule: { fact: 'flag', name: 'priorBcmaDirected' }, events: [...BASE, med('belantamab mafodotin', ago(200), ago(100))], expected: 'MET' },
  { id: 'C13', clause: 'talquetamab → GPRC5D, not BCMA', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'any' }, events: [...BASE, med('talquetamab', ago(200), ago(100))], expected: 'NOT_MET' },
  { id: 'C14', clause: 'talquetamab → T-cell engager', rule: { fact: 'flag', name: 'priorTCellEngager' }, events: [...BASE, med('talquetamab', ago(200), ago(100))], expected: 'MET' },
  { id: 'C15', clause: 'CAR-T after the profile day ignored', rule: { fact: 'priorCarT' }, events: [...BASE, carT('2025-06-10', 'ciltacabtagene autoleucel')], expected: 'NOT_MET' },
  { id: 'C16', clause: 'CC CAR-T product sent as a medication = infusion', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }, events: [...BASE, med('ciltacabtagene autoleucel', ago(100), ago(100))], expected: 'MET' },
  { id: 'C17', clause: 'CC CAR-T product as medication: priorCarT', rule: { fact: 'priorCarT' }, events: [...BASE, med('ciltacabtagene autoleucel', ago(100), ago(100))], expected: 'MET' },
  { id: 'C18', clause: 'timeSince carT BCMA_CAR_T within 90: day 90', rule: { fact: 'timeSince', event: 'carT', class: 'BCMA_CAR_T', maxDays: 90 }, events: [...BASE, carT(ago(90), 'ciltacabtagene autoleucel')], expected: 'MET' },
  { id: 'C19', clause: 'timeSince carT within 90: day 91', rule: { fact: 'timeSince', event: 'carT', class: 'BCMA_CAR_T', maxDays: 90 }, events: [...BASE, carT(ago(91), 'ciltacabtagene autoleucel')], expected: 'NOT_MET' },
  { id: 'C20', clause: 'priorCarT lastLine: later therapy after CAR-T', rule: { fact: 'priorCarT', scope: 'lastLine' }, events: [...BASE, carT(ago(400), 'ciltacabtagene autoleucel'), response(ago(200), 'PD'), med('Pd', ago(190), ago(60))], expected: 'NOT_MET' },
  { id: 'C21', clause: 'MonumenTAL-1 TCR-naive cohorts allow prior BCMA ADC', rule: { any: [{ fact: 'flag', name: 'priorTCellEngager' }, { fact: 'priorCarT' }] }, events: [...BASE, med('belantamab mafodotin', ago(200), ago(100))], expected: 'NOT_MET' },
  { id: 'C22', clause: 'MagnetisMM-3 cohort B (ADC or CAR-T): teclistamab only → not', rule: { any: [{ fact: 'priorTargetTherapy', target: 'BCMA', modality: 'ADC' }, { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'CAR_T' }] }, events: [...BASE, med('teclistamab', ago(200), ago(100))], expected: 'NOT_MET' },
  { id: 'C23', clause: 'CL unread medication naming BCMA bispecific → BCMA any unknown', rule: { fact: 'priorTargetTherapy', target: 'BCMA', modality: 'any' }, events: [...BASE, med('investigational BCMA bispecific (blinded)', ago(200), ago(100))], expected: 'UNKNOWN' },
  { id: 'C24', clause: 'CL unread BCMA bispecific → priorTCellEngager unknown', rule: { fact: 'flag', name: 'priorTCellEngager' }, events: [...BASE, med('investigational BCMA bispecific (blinded)', ago(200), ago(100))], expected: 'UNKNOWN' },

  // ---- other malignancy within 3 years (1095 d) (§7; CL condition withinDays)
  { id: 'M01', clause: 'resolvedDate exactly 1095 d ago: within', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(10), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(1500), resolvedDate: ago(1095) })], expected: 'MET' },
  { id: 'M02', clause: 'resolvedDate 1096 d ago: not within', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(10), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(1500), resolvedDate: ago(1096) })], expected: 'NOT_MET' },
  { id: 'M03', clause: 'active record 2000 d ago, latest: met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(2000), { kind: 'other-malignancy', status: 'active' })], expected: 'MET' },
  { id: 'M04', clause: 'resolved 700 d ago without its date, onset 2000 d: unknown', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(700), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2000) })], expected: 'UNKNOWN' },
  { id: 'M05', clause: 'resolved record 1200 d ago (ended by then): not met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(1200), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2000) })], expected: 'NOT_MET' },
  { id: 'M06', clause: 'history record with endUnknown: unknown', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(10), { kind: 'other-malignancy', status: 'history', onsetDate: ago(2000), endUnknown: true })], expected: 'UNKNOWN' },
  { id: 'M07', clause: 'two codes: old prostate resolved, breast active → met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(100), { kind: 'other-malignancy', status: 'resolved', code: 'C61', resolvedDate: ago(2000) }), cond(ago(30), { kind: 'other-malignancy', status: 'active', code: 'C50' })], expected: 'MET' },
  { id: 'M08', clause: 'two codes: later resolved C61 record does not end active C50', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(300), { kind: 'other-malignancy', status: 'active', code: 'C50' }), cond(ago(30), { kind: 'other-malignancy', status: 'resolved', code: 'C61', resolvedDate: ago(2000) })], expected: 'MET' },
  { id: 'M09', clause: 'same-day active + resolved: read resolved then active → met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(1500), { kind: 'other-malignancy', status: 'active' }), cond(ago(1500), { kind: 'other-malignancy', status: 'resolved' })], expected: 'MET' },
  { id: 'M10', clause: 'active 2000 d then absent 1100 d ago: ended before window', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(2000), { kind: 'other-malignancy', status: 'active' }), cond(ago(1100), { kind: 'other-malignancy', status: 'absent' })], expected: 'NOT_MET' },
  { id: 'M11', clause: 'active 2000 d then absent 1000 d ago: end may be in window', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(2000), { kind: 'other-malignancy', status: 'active' }), cond(ago(1000), { kind: 'other-malignancy', status: 'absent' })], expected: 'UNKNOWN' },
  { id: 'M12', clause: 'no record: unknown', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE], expected: 'UNKNOWN' },
  { id: 'M13', clause: 'resolved record 400 d ago, resolvedDate 500 d: present until 500 d → met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(400), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(1500), resolvedDate: ago(500) })], expected: 'MET' },
  { id: 'M14', clause: 'resolved record without date, onset 1000 d ago (inside window) → met', rule: { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, events: [...BASE, cond(ago(20), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(1000) })], expected: 'MET' },

  // ---- neuropathy (§7 ongoing ≥G3 sensory or motor; any history ≥G3 motor)
  { id: 'N01', clause: '§7 ongoing G3 sensory', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' }, events: [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'sensory' })], expected: 'MET' },
  { id: 'N02', clause: 'G3 motor then G1 motor: ongoing ≥3 not met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, events: [...BASE, cond(ago(200), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'active', grade: 1, neuropathyType: 'motor' })], expected: 'NOT_MET' },
  { id: 'N03', clause: 'G3 motor then G1 motor: history ≥3 motor met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true }, events: [...BASE, cond(ago(200), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'active', grade: 1, neuropathyType: 'motor' })], expected: 'MET' },
  { id: 'N04', clause: 'history G3 sensory only: history ≥3 motor not met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true }, events: [...BASE, cond(ago(200), { kind: 'peripheral-neuropathy', status: 'resolved', grade: 3, neuropathyType: 'sensory' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'active', grade: 1, neuropathyType: 'sensory' })], expected: 'NOT_MET' },
  { id: 'N05', clause: 'mixed G3 resolved counts as motor history', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true }, events: [...BASE, cond(ago(300), { kind: 'peripheral-neuropathy', status: 'resolved', grade: 3, neuropathyType: 'mixed' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'active', grade: 1, neuropathyType: 'sensory' })], expected: 'MET' },
  { id: 'N06', clause: 'untyped G3 history: motor history unknown', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true }, events: [...BASE, cond(ago(300), { kind: 'peripheral-neuropathy', status: 'resolved', grade: 3 })], expected: 'UNKNOWN' },
  { id: 'N07', clause: 'G3 motor then absent: ongoing not met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, events: [...BASE, cond(ago(300), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'absent' })], expected: 'NOT_MET' },
  { id: 'N08', clause: 'G3 motor then absent: history ≥3 motor met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor', includeHistory: true }, events: [...BASE, cond(ago(300), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' }), cond(ago(30), { kind: 'peripheral-neuropathy', status: 'absent' })], expected: 'MET' },
  { id: 'N09', clause: 'ongoing G2 sensory: ≥3 not met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'sensory' }, events: [...BASE, cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 2, neuropathyType: 'sensory' })], expected: 'NOT_MET' },
  { id: 'N10', clause: 'ongoing G3 sensory + earlier G3 motor resolved: ongoing motor ≥3 not met', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, events: [...BASE, cond(ago(300), { kind: 'peripheral-neuropathy', status: 'resolved', grade: 3, neuropathyType: 'motor' }), cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'sensory' })], expected: 'NOT_MET' },
  { id: 'N11', clause: 'G3 motor active, then G1 sensory active later: ongoing motor ≥3 still met (types separate)', rule: { fact: 'condition', kind: 'peripheral-neuropathy', minGrade: 3, neuropathyType: 'motor' }, events: [...BASE, cond(ago(100), { kind: 'peripheral-neuropathy', status: 'active', grade: 3, neuropathyType: 'motor' }), cond(ago(10), { kind: 'peripheral-neuropathy', status: 'active', grade: 1, neuropathyType: 'sensory' })], expected: 'MET' },

  // ---- GVHD, CNS, infections (§7)
  { id: 'G01', clause: '§7 active GVHD', rule: { fact: 'condition', kind: 'gvhd' }, events: [...BASE, allo(ago(300)), cond(ago(20), { kind: 'gvhd', status: 'active' })], expected: 'MET' },
  { id: 'G02', clause: 'resolved GVHD: not active', rule: { fact: 'condition', kind: 'gvhd' }, events: [...BASE, allo(ago(300)), cond(ago(200), { kind: 'gvhd', status: 'active' }), cond(ago(20), { kind: 'gvhd', status: 'resolved' })], expected: 'NOT_MET' },
  { id: 'G03', clause: 'CNS absent', rule: { fact: 'condition', kind: 'cns-involvement' }, events: [...BASE, cond(ago(20), { kind: 'cns-involvement', status: 'absent' })], expected: 'NOT_MET' },
  { id: 'G04', clause: 'CNS never recorded: unknown', rule: { fact: 'condition', kind: 'cns-involvement' }, events: [...BASE], expected: 'UNKNOWN' },
  { id: 'G05', clause: 'active infection then resolved same day (resolved before active): active', rule: { fact: 'condition', kind: 'active-infection' }, events: [...BASE, cond(ago(5), { kind: 'active-infection', status: 'resolved' }), cond(ago(5), { kind: 'active-infection', status: 'active' })], expected: 'MET' },

  // ---- time since progression / transfusion
  { id: 'P01', clause: 'timeSince progression ≥60 d: PD 60 d ago', rule: { fact: 'timeSince', event: 'progression', minDays: 60 }, events: [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), response(ago(60), 'PD')], expected: 'MET' },
  { id: 'P02', clause: 'timeSince progression ≥60 d: PD 59 d ago', rule: { fact: 'timeSince', event: 'progression', minDays: 60 }, events: [...BASE, response('2022-06-01', 'PR'), response('2022-07-01', 'PR'), response(ago(59), 'PD')], expected: 'NOT_MET' },
  { id: 'X01', clause: '§7 no RBC transfusion within 7 d: day 7', rule: { fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, events: [...BASE, event('procedure', ago(7), { kind: 'transfusion', product: 'red cells' })], expected: 'MET' },
  { id: 'X02', clause: 'RBC transfusion day 8', rule: { fact: 'timeSince', event: 'transfusion', product: 'red-cells', maxDays: 7 }, events: [...BASE, event('procedure', ago(8), { kind: 'transfusion', product: 'red cells' })], expected: 'NOT_MET' },
];

describe('wash37 leaves', () => {
  for (const c of cases) {
    it(`${c.id} ${c.clause}`, () => {
      expect(out(c.rule, c.events)).toBe(c.expected);
    });
  }
});
