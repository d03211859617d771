/**
 * stat37b — subtler combinations: two rules interacting, boundaries on boundaries, granularity, two paths.
 * Hand-derived from domain.md §1–§2 and docs/clinical-core.md before reading the implementation.
 */
import { carT, diagnosis, event, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const S = (d: string, v: number) => event('lab', d, { name: 'serum m-protein', value: v, unit: 'g/dL' });
const CILTA = 'ciltacabtagene autoleucel';
const flag = (name: string) => ({ fact: 'flag', name });

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// ---- X01-X06: biochemical progression dated at its first value, confirmation across 60-day and line boundaries
const bio = (x: string, y: string, extra: Ev[] = []) => prof([DX, S('2023-12-20', 2.0), med('Rd', '2024-01-01', '2024-06-30'),
  S('2024-02-15', 1.0), S('2024-03-15', 1.0), S('2024-05-15', 1.0), S(x, 1.6), S(y, 1.7), ...extra], '2024-10-01');
add('X01', '§4 PD dated at first of two; §1 within 60 d (day 59, confirmed day 77) → refractory', () => bio('2024-08-28', '2024-09-15').drugs.lenalidomide?.refractory, true);
add('X02', '… R&R', () => bio('2024-08-28', '2024-09-15').flags.relapsedAndRefractory, true);
add('X03', 'first rise day 61 → relapsed', () => bio('2024-08-30', '2024-09-15').flags.relapsed, true);
add('X04', 'rise day 55 confirmed on next line\'s first day → len refractory', () => bio('2024-08-24', '2024-09-01', [med('DPd', '2024-09-01', null)]).drugs.lenalidomide?.refractory, true);
add('X05', 'two values on the first rise day are one assessment, confirmed later → progression', () =>
  bio('2024-08-28', '2024-09-15', [S('2024-08-28', 1.65)]).disease.progressions.length > 0 ? 'progression' : 'none', 'progression');
add('X06', 'single rise day 59 not confirmed (back to 1.0), confirmed rise later day 92/100 → relapsed', () =>
  prof([DX, S('2023-12-20', 2.0), med('Rd', '2024-01-01', '2024-06-30'), S('2024-02-15', 1.0), S('2024-03-15', 1.0), S('2024-05-15', 1.0),
    S('2024-08-28', 1.6), S('2024-09-10', 1.0), S('2024-09-30', 1.6), S('2024-10-08', 1.7)], '2024-11-01').flags.relapsed, true);

// ---- X07-X09: progression episode from when it began: PD at day 50, reported again at day 70
const ep = () => prof([DX, med('Rd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response('2024-05-01', 'PR'),
  response('2024-08-19', 'PD'), response('2024-09-08', 'PD')], '2024-10-01');
add('X07', 'progression judged from when it began (day 50): R&R', () => ep().flags.relapsedAndRefractory, true);
add('X08', '… not relapsed', () => ep().flags.relapsed, false);
add('X09', '… progressionAfterLastLine within 60', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, ep()), 'MET');

// ---- X10-X13: regimen records of different ends (per-drug last dose)
const split = (pd: string) => prof([DX, med('bortezomib', '2024-01-01', '2024-05-31'), med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', '2024-06-30'),
  response('2024-03-01', 'PR'), response(pd, 'PD')], '2024-09-01');
add('X10', 'V last dose 05-31, PD 07-31 (61 d): V not refractory', () => split('2024-07-31').drugs.bortezomib?.refractory, false);
add('X11', '… R 31 d: refractory', () => split('2024-07-31').drugs.lenalidomide?.refractory, true);
add('X12', '… not double-refractory', () => split('2024-07-31').flags.doubleRefractory, false);
add('X13', 'V last dose 05-31, PD 07-30 (60 d): double-refractory', () => split('2024-07-30').flags.doubleRefractory, true);

// ---- X14-X17: a drug stopped without end (toxicity) beside drugs with a known end
const mixed = (pd: string) => prof([DX, med('bortezomib', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('lenalidomide', '2024-01-01', '2024-06-30'), med('dexamethasone', '2024-01-01', '2024-06-30'),
  response('2024-03-01', 'PR'), response(pd, 'PD')], '2024-10-01');
add('X14', 'PD 60 d after len (known): R&R met whatever V\'s unknown last dose', () => rule(flag('relapsedAndRefractory'), mixed('2024-08-29')), 'MET');
add('X15', '… relapsed not met', () => rule(flag('relapsed'), mixed('2024-08-29')), 'NOT_MET');
add('X16', '… len refractory met', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, mixed('2024-08-29')), 'MET');
add('X17', '… V refractory unknown (PD 241 d after its start, last dose unknown)', () => rule({ fact: 'drugRefractory', drug: 'bortezomib' }, mixed('2024-08-29')), 'UNKNOWN');

// ---- X18-X21: progression on the next line's first day
const day0 = (pd: string) => prof([DX, med('Rd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response('2024-05-01', 'PR'),
  response(pd, 'PD'), med('DPd', pd, null)], '2024-10-01');
add('X18', 'PD on next line\'s first day, 61 d after last dose: relapsed', () => day0('2024-08-30').flags.relapsed, true);
add('X19', '… len not refractory', () => day0('2024-08-30').drugs.lenalidomide?.refractory, false);
add('X20', 'PD on next line\'s first day, 60 d after: R&R', () => day0('2024-08-29').flags.relapsedAndRefractory, true);
add('X21', '… len refractory', () => day0('2024-08-29').drugs.lenalidomide?.refractory, true);

// ---- X22-X24: what counts as therapy for the 60-day window
add('X22', 'zoledronic acid going on is not therapy: PD 80 d after len → relapsed', () =>
  prof([DX, med('Rd', '2024-01-01', '2024-03-01'), med('zoledronic acid', '2024-01-01', '2024-06-01'), response('2024-02-15', 'PR'), response('2024-03-01', 'PR'), response('2024-05-20', 'PD')], '2024-07-01').flags.relapsed, true);
add('X23', 'dex of the regimen going on (len dropped) is the regimen: PD on it → R&R', () =>
  prof([DX, med('lenalidomide', '2024-01-01', '2024-03-01'), med('dexamethasone', '2024-01-01', '2024-06-01'), response('2024-02-15', 'PR'), response('2024-03-01', 'PR'), response('2024-05-20', 'PD')], '2024-07-01').flags.relapsedAndRefractory, true);
add('X24', 'lymphodepletion Flu-Cy (no intent) never refractory though PD within 60 d', () =>
  prof([DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), response('2022-12-01', 'PD'), med('DPd', '2022-12-10', '2023-01-20'), response('2023-01-15', 'SD'),
    med('Flu-Cy', '2023-02-15', '2023-02-17'), carT('2023-02-20', CILTA), response('2023-03-20', 'PR'), response('2023-04-01', 'PD')], '2023-05-01').drugs.cyclophosphamide?.refractory ?? false, false);

// ---- X25-X27: progression before any therapy
const pre = () => prof([DX, response('2023-12-20', 'PD'), med('VRd', '2024-01-01', null), response('2024-02-10', 'SD')], '2024-02-20');
add('X25', 'PD before first therapy is no relapse (previously treated MM that progresses)', () => pre().flags.relapsed, false);
add('X26', '… nor primary refractory yet (SD at 40 days, no progression since therapy began)', () => pre().flags.primaryRefractory, false);
add('X27', '… bortezomib not refractory', () => pre().drugs.bortezomib?.refractory, false);
add('X28', 'PD on day 10 of first line then PR: not relapsed', () =>
  prof([DX, med('VRd', '2024-01-01', null), response('2024-01-10', 'PD'), response('2024-03-01', 'PR'), response('2024-04-01', 'PR')], '2024-05-01').flags.relapsed, false);
add('X29', '… bortezomib not refractory (a PD in the first 14 days prompted it)', () =>
  prof([DX, med('VRd', '2024-01-01', null), response('2024-01-10', 'PD'), response('2024-03-01', 'PR'), response('2024-04-01', 'PR')], '2024-05-01').drugs.bortezomib?.refractory, false);

// ---- X30-X33: outside summary, documentation
const outside = () => prof([DX, med('VRd', '2019-01-01', '2019-06-30'), response('2022-01-01', 'PD')], '2022-02-01');
add('X30', 'summary regimen then relapse years later: len not refractory (known)', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, outside()), 'NOT_MET');
add('X31', '… R&R not met either way', () => rule(flag('relapsedAndRefractory'), outside()), 'NOT_MET');
const outside2 = () => prof([DX, med('VRd', '2019-01-01', '2019-06-30'), med('DKd', '2020-01-01', null), response('2020-03-01', 'PR'), response('2020-09-01', 'PD')], '2020-10-01');
add('X32', 'summary regimen followed by other therapy: len refractoriness unknown', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, outside2()), 'UNKNOWN');
add('X33', '… double-refractory unknown (IMiD unknown, PI refractory)', () => rule(flag('doubleRefractory'), outside2()), 'UNKNOWN');
add('X34', 're-treatment begun 10 d ago, not assessed: len not yet known non-refractory', () =>
  rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, prof([DX, med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), response('2023-03-01', 'PR'), response('2024-03-01', 'PD'), med('Rd', '2024-03-10', null)], '2024-03-20')), 'UNKNOWN');

// ---- X35-X38: scope lastLine
const ll = () => prof([DX, med('Rd', '2022-01-01', '2022-12-31'), response('2022-03-01', 'PR'), response('2022-12-01', 'PD'),
  med('DRd', '2023-01-05', null), response('2023-03-01', 'PR'), response('2023-05-01', 'VGPR')], '2023-06-01');
add('X35', 'len refractory in L1, responding to DRd: drugRefractory any → MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide' }, ll()), 'MET');
add('X36', '… scope lastLine → NOT_MET', () => rule({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }, ll()), 'NOT_MET');
add('X37', '… refractoryInLastLine false', () => ll().drugs.lenalidomide?.refractoryInLastLine, false);
add('X38', '… refractoryToLastLine false', () => ll().flags.refractoryToLastLine, false);

// ---- X39-X41: reported MR counts as ≥MR
const mr = () => prof([DX, med('VRd', '2024-01-01', '2024-06-30'), response('2024-03-01', 'SD'), response('2024-04-01', 'MR'), response('2024-05-01', 'PD')], '2024-07-01');
add('X39', 'reported MR then PD on therapy: R&R', () => mr().flags.relapsedAndRefractory, true);
add('X40', '… not primary refractory', () => mr().flags.primaryRefractory, false);

// ---- X41-X44: MAMMOTH minimum with records stopped without end
const M28 = { minExposureDaysForRefractoriness: 28 };
add('X41', 'MAMMOTH: dara 01-01..01-31 then a record from 02-01 stopped for progression (no end): 32 known days → refractory', () =>
  prof([DX, med('daratumumab', '2024-01-01', '2024-01-31'), med('daratumumab', '2024-02-01', null, { reasonStopped: 'progression' }), med('Pd', '2024-01-01', '2024-01-31'), med('Pd', '2024-02-01', null, { reasonStopped: 'progression' }),
    response('2024-01-20', 'SD'), med('Kd', '2024-04-01', null)], '2024-05-01', M28).drugs.daratumumab?.refractory, true);
add('X42', 'MAMMOTH: dara 01-01..01-20 then back-to-back 01-21..02-10: 41 days → refractory on PD 02-20', () =>
  prof([DX, med('daratumumab', '2024-01-01', '2024-01-20'), med('daratumumab', '2024-01-21', '2024-02-10'), med('Pd', '2024-01-01', '2024-02-10'), response('2024-02-20', 'PD')], '2024-04-01', M28).drugs.daratumumab?.refractory, true);
add('X43', 'MAMMOTH: two dara courses 20 d each separated by 40 d (no PD between), PD after 2nd → each time < 28? judged per time on drug (back to back within 60 d = one exposure)', () =>
  prof([DX, med('daratumumab', '2024-01-01', '2024-01-20'), med('daratumumab', '2024-03-01', '2024-03-20'), med('Pd', '2024-01-01', '2024-03-20'), response('2024-03-30', 'PD')], '2024-05-01', M28).drugs.daratumumab?.refractory, true);

// ---- X44-X47: CAR-T ordering and granularity
const kPrior = () => [DX, med('VRd', '2020-01-01', '2020-06-30'), response('2020-03-01', 'PR'), response('2021-06-01', 'PD'),
  med('DPd', '2021-06-10', '2022-12-31'), response('2021-09-01', 'PR'), response('2022-12-15', 'PD'), event('procedure', '2023-01-05', { kind: 'apheresis' })];
// bridging with no intent recorded (after apheresis, before infusion) fails, then CR on CAR-T
const noIntent = () => prof([...kPrior(), med('Kd', '2023-01-10', '2023-02-10'), response('2023-02-05', 'PD'), carT('2023-02-20', CILTA),
  response('2023-05-20', 'CR'), response('2023-08-20', 'CR')], '2023-09-01');
add('X44', 'bridging without intent (after apheresis): one CAR-T line (3 lines)', () => noIntent().linesOfTherapy.count, 3);
add('X45', '… refractoryToLastLine false (CR since)', () => noIntent().flags.refractoryToLastLine, false);
add('X46', '… flag leaf refractoryToLastLine NOT_MET', () => rule(flag('refractoryToLastLine'), noIntent()), 'NOT_MET');
add('X47', '… drugRefractory carfilzomib scope lastLine MET (bridging in the last line failed)', () => rule({ fact: 'drugRefractory', drug: 'carfilzomib', scope: 'lastLine' }, noIntent()), 'MET');
// CAR-T infusion recorded twice (admission + infusion day) 5 days apart: PD 58 d after the later
add('X48', 'CAR-T recorded twice within 7 d: the later date; PD 63 d after first, 58 d after second → refractory', () =>
  prof([...kPrior(), med('Kd', '2023-01-10', '2023-02-10', { intent: 'bridging' }), response('2023-02-01', 'PR'), carT('2023-02-15', CILTA), carT('2023-02-20', CILTA),
    response('2023-03-20', 'CR'), response('2023-04-19', 'PD')], '2023-06-01').drugs[CILTA]?.refractory, true);
// CAR-T progression years later, then salvage with no response: R&R by salvage (MR at some point)
add('X49', 'PD years after CAR-T CR, salvage talquetamab SD ≥56 d: R&R', () =>
  prof([...kPrior(), med('Kd', '2023-01-10', '2023-02-10', { intent: 'bridging' }), response('2023-02-05', 'PD'), carT('2023-02-20', CILTA), response('2023-05-20', 'CR'), response('2023-08-20', 'CR'),
    response('2026-03-01', 'PD'), med('talquetamab', '2026-03-10', null), response('2026-05-10', 'SD'), response('2026-06-10', 'SD')], '2026-07-01').flags.relapsedAndRefractory, true);
add('X50', 'PD years after CAR-T CR: relapsed status engine leaf', () =>
  rule(flag('relapsed'), prof([...kPrior(), med('Kd', '2023-01-10', '2023-02-10', { intent: 'bridging' }), response('2023-02-05', 'PD'), carT('2023-02-20', CILTA), response('2023-05-20', 'CR'), response('2023-08-20', 'CR'),
    response('2026-03-01', 'PD')], '2026-06-01')), 'MET');

// ---- X51-X54: salvage ASCT after a stop for progression without end
const sal = () => prof([DX, med('VRd', '2022-01-01', '2022-06-30'), response('2022-03-01', 'PR'), sct('2022-08-01'), response('2022-10-01', 'VGPR'), response('2023-06-01', 'PD'),
  med('KRd', '2023-06-10', null, { reasonStopped: 'progression' }), response('2023-08-01', 'PR'), med('melphalan', '2024-01-28', '2024-01-28', { intent: 'conditioning' }), sct('2024-01-30'),
  response('2024-04-01', 'VGPR'), response('2024-06-01', 'VGPR')], '2024-07-01');
add('X51', 'KRd stopped for progression (no end) before salvage ASCT: carfilzomib refractory', () => sal().drugs.carfilzomib?.refractory, true);
add('X52', '… salvage ASCT opens a line (3 lines)', () => sal().linesOfTherapy.count, 3);
add('X53', '… R&R (latest progression on KRd after MR)', () => sal().flags.relapsedAndRefractory, true);
add('X54', '… refractoryToLastLine false (ASCT line responding)', () => sal().flags.refractoryToLastLine, false);

// ---- X55-X57: class counts across lines and refractoryInLastLine per class
const cl = () => prof([DX, med('VRd', '2021-01-01', '2021-06-30'), response('2021-03-01', 'PR'), response('2021-06-15', 'PD'),
  med('IRd', '2021-07-01', '2022-06-30'), response('2021-09-01', 'PR'), response('2022-06-01', 'PD'), med('DKd', '2022-07-01', null), response('2022-09-01', 'PR'), response('2022-11-01', 'PR')], '2022-12-01');
add('X55', 'PI minDrugs 2 (bortezomib, ixazomib refractory; carfilzomib responding)', () => rule({ fact: 'classRefractory', class: 'PI', minDrugs: 2 }, cl()), 'MET');
add('X56', 'PI minDrugs 3 not met', () => rule({ fact: 'classRefractory', class: 'PI', minDrugs: 3 }, cl()), 'NOT_MET');
add('X57', 'classes.PI.refractoryInLastLine false', () => cl().classes.PI.refractoryInLastLine, false);
add('X58', 'classRefractory PI lastLine NOT_MET', () => rule({ fact: 'classRefractory', class: 'PI', scope: 'lastLine' }, cl()), 'NOT_MET');

// ---- X59-X60: same fact by two paths: relapsed flag vs progressionAfterLastLine, toxicity stop without end
const tox = (pd: string) => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'toxicity' }), response('2024-02-15', 'PR'), response(pd, 'PD')], '2024-04-01');
add('X59', 'toxicity stop no end, PD 61 d after start: progressionAfterLastLine 60 unknown', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, tox('2024-03-02')), 'UNKNOWN');
add('X60', 'toxicity stop no end, PD 60 d after start: progressionAfterLastLine 60 met', () => rule({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, tox('2024-03-01')), 'MET');

// ---- X61-X63: medication end written with a time
const te = (end: string, pd: string) => prof([DX, med('Rd', '2024-01-01', end), response('2024-03-01', 'PR'), response(pd, 'PD')], '2024-10-01').drugs.lenalidomide?.refractory;
add('X61', 'end 06-30 late evening west of UTC is day 06-30: PD 08-30 (61 d) not refractory', () => te('2024-06-30T22:00:00-07:00', '2024-08-30'), false);
add('X62', 'end 07-01 early morning east of UTC is day 07-01: PD 08-30 (60 d) refractory', () => te('2024-07-01T02:00:00+09:00', '2024-08-30'), true);

describe('stat37b subtle combinations', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}]`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
