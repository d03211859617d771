/**
 * eng32 — a trial coordinator's boundary patients against real catalog trials (data/trials), expectations written
 * by hand from the trial text, /work/shared/design/domain.md and docs/criteria-language.md / docs/clinical-core.md
 * BEFORE reading the implementation. Screening day 2025-06-01. Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { carT, demographics, diagnosis, event, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule, type LeafTrace } from '../../eligibility/compile';
import { compileTrial, evaluateTrial, screenTrial, type CompiledTrial, type TrialDocument } from '../../eligibility/trial';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const R = response;

// ---------- trials ----------
const DOCS: Record<string, TrialDocument> = {};
const doc = (id: string): TrialDocument => (DOCS[id] ??= JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')));
const COMPILED: Record<string, CompiledTrial> = {};
const CUSTOM: Record<string, TrialDocument> = {};
const crit = (id: string, kind: 'inclusion' | 'exclusion', rule: unknown) => ({ id, kind, text: id, rule });
CUSTOM['NCT99990001'] = { trialId: 'NCT99990001', version: 1, title: 'age ≤ 74 and no anti-CD38 within 30 days', status: 'RECRUITING',
  criteria: [crit('age', 'inclusion', { fact: 'age', max: 74 }), crit('cd38', 'exclusion', { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', maxDays: 30 })] };
CUSTOM['NCT99990002'] = { trialId: 'NCT99990002', version: 1, title: 'bortezomib washout 15 d; exclusion 60–120 days since anti-CD38', status: 'RECRUITING',
  criteria: [crit('wash', 'inclusion', { fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 15 }),
    crit('cd38win', 'exclusion', { fact: 'timeSince', event: 'lastDose', class: 'ANTI_CD38', minDays: 60, maxDays: 120 })] };
CUSTOM['NCT99990003'] = { trialId: 'NCT99990003', version: 1, title: 'cohorts: washout vs text review', status: 'RECRUITING', criteria: [crit('age', 'inclusion', { fact: 'age', min: 18 })],
  cohorts: [
    { id: 'W', name: 'washout', criteria: [crit('w', 'inclusion', { fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 15 })] },
    { id: 'T', name: 'text', criteria: [crit('t', 'inclusion', { fact: 'unknownText', reason: 'review' })] },
  ] };
CUSTOM['NCT99990004'] = { trialId: 'NCT99990004', version: 1, title: 'cohorts: two washouts', status: 'RECRUITING', criteria: [crit('age', 'inclusion', { fact: 'age', min: 18 })],
  cohorts: [
    { id: 'LATE', name: 'late', criteria: [crit('w30', 'inclusion', { fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 30 })] },
    { id: 'EARLY', name: 'early', criteria: [crit('w15', 'inclusion', { fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 15 })] },
  ] };
const trial = (id: string): CompiledTrial => (COMPILED[id] ??= compileTrial(CUSTOM[id] ?? doc(id)));
const ruleOf = (trialId: string, critId: string): unknown => {
  const d = doc(trialId);
  const all = [...d.criteria, ...(d.cohorts ?? []).flatMap((c) => c.criteria)];
  const c = all.find((x) => x.id === critId);
  if (!c) throw new Error(`${trialId} ${critId} not found`);
  return c.rule;
};

// ---------- patient building blocks ----------
const DEMO = (born = '1960-03-15', sex = 'male', kg = 80) => demographics(born, sex, kg);
const DX = () => diagnosis('2019-01-10', 'IgG', 'kappa');
const ecog = (v: number, d = '2025-05-20') => event('performance-status', d, { ecog: v });
const serum = (v: number, d = '2025-05-25') => lab(d, 'serum m-protein', v, 'g/dL');
const urine = (v: number, d = '2025-05-25') => lab(d, 'urine m-protein', v, 'mg/24h');
const flc = (k: number, l: number, d = '2025-05-25') => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
const hb = (v: number, d = '2025-05-25') => lab(d, 'hemoglobin', v, 'g/dL');
const rbc = (d: string) => event('procedure', d, { kind: 'transfusion', product: 'packed red blood cells' });
const neuropathy = (status: string, grade?: number) => event('condition', '2025-05-20', { kind: 'peripheral-neuropathy', status, ...(grade !== undefined ? { grade } : {}) });
const egfr = (v: number, d = '2025-05-25') => lab(d, 'egfr', v, 'mL/min/1.73m2');

/** Line 1: VRd induction → ASCT → lenalidomide maintenance; PD on maintenance (lenalidomide-refractory). */
const L1 = (o: { mr?: boolean; maintStart?: string; maintEnd?: string; pd?: string; sct2?: { date: string; planned: boolean } } = {}): Ev[] => [
  med('bortezomib + lenalidomide + dexamethasone', '2019-02-01', '2019-06-30', { intent: 'induction', cycles: 6 }),
  R('2019-04-01', o.mr ? 'MR' : 'PR'), R('2019-05-01', o.mr ? 'MR' : 'PR'),
  sct('2019-08-01'),
  ...(o.sct2 ? [sct(o.sct2.date, o.sct2.planned ? { plannedTandem: true } : {})] : []),
  med('lenalidomide', o.maintStart ?? '2019-09-15', o.maintEnd ?? '2021-03-01', { intent: 'maintenance' }),
  R('2020-04-01', o.mr ? 'MR' : 'VGPR'), R('2020-06-01', o.mr ? 'MR' : 'VGPR'),
  R(o.pd ?? '2021-02-15', 'PD'),
];
/** Line 2: DKd, PR then PD on it (daratumumab- and carfilzomib-refractory). */
const L2 = (text = 'daratumumab + carfilzomib + dexamethasone', end: string | null = '2022-09-01', pd: string | null = '2022-08-15'): Ev[] => [
  med(text, '2021-03-10', end), R('2021-05-01', 'PR'), R('2021-07-01', 'PR'), ...(pd ? [R(pd, 'PD')] : []),
];
/** Line 3: Pd, PR then PD on it. */
const L3 = (o: { text?: string; end?: string | null; pd?: string | null; resp?: boolean } = {}): Ev[] => [
  med(o.text ?? 'pomalidomide + dexamethasone', '2022-09-10', o.end === undefined ? '2025-04-20' : o.end),
  ...(o.resp === false ? [] : [R('2022-11-01', 'PR'), R('2023-01-01', 'PR')]),
  ...(o.pd === null ? [] : [R(o.pd ?? '2025-04-01', 'PD')]),
];
const H1 = (): Ev[] => [DEMO(), DX(), ...L1()];
const H2 = (): Ev[] => [DEMO(), DX(), ...L1(), ...L2()];
const H3 = (): Ev[] => [DEMO(), DX(), ...L1(), ...L2(), ...L3()];
/** Four lines: L3 stops in 2023 after PD, L4 SVd with PD on it. */
const L4 = (end = '2025-04-20', pd = '2025-04-01'): Ev[] => [
  med('selinexor + bortezomib + dexamethasone', '2023-06-10', end), R('2023-08-01', 'PR'), R('2023-10-01', 'PR'), R(pd, 'PD'),
];
const H4 = (): Ev[] => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2023-06-01', pd: '2023-05-15' }), ...L4()];
const H5 = (): Ev[] => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2023-06-01', pd: '2023-05-15' }), ...L4('2024-06-01', '2024-05-15'),
  med('ixazomib + dexamethasone', '2024-06-10', '2025-04-20'), R('2024-08-01', 'PR'), R('2024-10-01', 'PR'), R('2025-04-01', 'PD')];
/** Last therapy a BCMA CAR-T (cilta-cel) after L3, PD after it. */
const HCART = (): Ev[] => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2023-06-01', pd: '2023-05-15' }),
  carT('2023-07-01', 'ciltacabtagene autoleucel'), R('2023-10-01', 'VGPR'), R('2023-12-01', 'VGPR'), R('2025-04-01', 'PD')];

/** VRd only (8 cycles, completed), PR/VGPR, then PD on `pd` (lenalidomide refractory only when ≤60 days after 2023-06-30). */
const VRD_ONLY = (pd: string): Ev[] => [DEMO(), DX(),
  med('bortezomib + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { cycles: 8, reasonStopped: 'completed' }),
  R('2023-03-01', 'PR'), R('2023-04-01', 'PR'), R('2023-06-01', 'VGPR'), R('2023-06-25', 'VGPR'), R(pd, 'PD')];

/** CARTITUDE-4 style recent single line: VRd → ASCT → len maintenance, PD on it 2025-03-01, last len 2025-03-05. */
const CT_L1 = (): Ev[] => [
  med('bortezomib + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { intent: 'induction', cycles: 8 }),
  R('2023-03-01', 'PR'), R('2023-04-01', 'PR'), sct('2023-08-01'),
  med('lenalidomide', '2023-09-15', '2025-03-05', { intent: 'maintenance' }), R('2023-11-01', 'VGPR'), R('2024-02-01', 'VGPR'), R('2025-03-01', 'PD'),
];
/** Two lines: Rd (PD 10 days after its last dose) then VCd completed, PD on `pd`. */
const CT_2L = (pd: string): Ev[] => [DEMO(), DX(),
  med('lenalidomide + dexamethasone', '2022-01-01', '2022-06-30'), R('2022-03-01', 'SD'), R('2022-05-01', 'SD'), R('2022-07-10', 'PD'),
  med('bortezomib + cyclophosphamide + dexamethasone', '2022-07-20', '2024-06-01', { reasonStopped: 'completed' }), R('2022-10-01', 'PR'), R('2022-12-01', 'PR'),
  R(pd, 'PD'), serum(0.5), hb(9), neuropathy('absent')];
/** Two lines, the second DPd stopping 2025-05-11 (21 days before screening) after PD on it. */
const CT_DARA21 = (lastDara = '2025-05-11'): Ev[] => [DEMO(), DX(),
  med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-30', { intent: 'induction', cycles: 8 }), R('2022-03-01', 'PR'), R('2022-04-01', 'PR'),
  sct('2022-08-01'), med('lenalidomide', '2022-09-15', '2023-12-31', { intent: 'maintenance' }), R('2022-11-01', 'VGPR'), R('2023-02-01', 'VGPR'), R('2023-12-20', 'PD'),
  med('daratumumab + pomalidomide + dexamethasone', '2024-01-05', lastDara), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2025-05-01', 'PD'),
  serum(0.5), hb(9), neuropathy('absent')];

/** Rd first line 2024, PR then PD (lenalidomide exposure for DREAMM-8). */
const LEN_FIRST = (): Ev[] => [med('lenalidomide + dexamethasone', '2024-01-01', '2024-09-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-08-20', 'PD')];
const UNREAD = (text = 'investigational BCMA bispecific (blinded)') => med(text, '2024-01-01', '2024-06-01');

/** Daratumumab nonresponsive (SD only, ≥56 days), stopped for toxicity, never progressed; then VPd with PR. */
const DARA_NONRESP = (): Ev[] => [DEMO(), DX(),
  med('daratumumab + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { reasonStopped: 'toxicity' }), R('2023-03-01', 'SD'), R('2023-05-01', 'SD'),
  med('bortezomib + pomalidomide + dexamethasone', '2023-07-15', null), R('2023-09-01', 'PR'), R('2023-11-01', 'PR'), R('2025-04-01', 'PD'),
  serum(0.6), ecog(1)];

// ---------- trial cases ----------
interface TCase {
  id: string; clause: string; trial: string; events: () => Ev[];
  verdict: string; eligibleFrom?: string; failing?: string[]; unknownHas?: string[];
  cohorts?: Record<string, string>; crit?: Record<string, string>; missingRe?: RegExp;
}
const MJ1 = 'NCT04557098', KM3 = 'NCT03651128', BOSTON = 'NCT03110562', OPT = 'NCT03180736', C1 = 'NCT03548207', C4 = 'NCT04181827';
const MM3 = 'NCT04649359', TQ = 'NCT04634552', LINKER = 'NCT03761108', SUC2 = 'NCT05552976', MJ3 = 'NCT05083169', IKEMA = 'NCT03275285';
const CANOVA = 'NCT03539744', D7 = 'NCT04246047', D8 = 'NCT04484623';

const tcases: TCase[] = [
  // ===== BOSTON (NCT03110562): 1–3 prior lines (domain §3) =====
  { id: 'BO01', clause: '§3 VRd→ASCT→len maintenance = 1 line; +DKd +Pd = 3', trial: BOSTON, events: H3, verdict: 'ELIGIBLE' },
  { id: 'BO02', clause: '§3 four lines > 3', trial: BOSTON, events: H4, verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'BO03', clause: 'criteria-language priorLines: a line starting on the screening day counts from the next day', trial: BOSTON,
    events: () => [...H3(), med('selinexor + dexamethasone', '2025-06-01', null)], verdict: 'ELIGIBLE' },
  { id: 'BO04', clause: '§3 rule 3: second ASCT not planned tandem = new line (4 lines)', trial: BOSTON,
    events: () => [DEMO(), DX(), ...L1({ sct2: { date: '2019-11-01', planned: false }, maintStart: '2019-12-15' }), ...L2(), ...L3()], verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'BO05', clause: '§3 rule 3: planned tandem ASCT at 92 days = same line (3 lines)', trial: BOSTON,
    events: () => [DEMO(), DX(), ...L1({ sct2: { date: '2019-11-01', planned: true }, maintStart: '2019-12-15' }), ...L2(), ...L3()], verdict: 'ELIGIBLE' },
  { id: 'BO06', clause: 'plannedTandemMaxDays 180: planned tandem at 180 days = same line', trial: BOSTON,
    events: () => [DEMO(), DX(), ...L1({ sct2: { date: '2020-01-28', planned: true }, maintStart: '2020-03-01' }), ...L2(), ...L3()], verdict: 'ELIGIBLE' },
  { id: 'BO07', clause: 'plannedTandemMaxDays 180: "planned" tandem at 181 days = new line (4 lines)', trial: BOSTON,
    events: () => [DEMO(), DX(), ...L1({ sct2: { date: '2020-01-29', planned: true }, maintStart: '2020-03-01' }), ...L2(), ...L3()], verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'BO08', clause: 'criteria-language priorLines unknown when no treatment history', trial: BOSTON,
    events: () => [DEMO(), DX(), serum(1.5)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-01'] },

  // ===== KarMMa-3 (NCT03651128): 2–4 lines, TCE, refractory to last line, daratumumab =====
  { id: 'KM01', clause: '§1 PD on last line therapy = refractory to it; 3 lines; TCE', trial: KM3, events: H3, verdict: 'ELIGIBLE' },
  { id: 'KM02', clause: '§1 PD exactly 60 days after last dose of last line = refractory', trial: KM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2025-01-15', pd: '2025-03-16' })], verdict: 'ELIGIBLE' },
  { id: 'KM03', clause: '§1 PD 61 days after last dose, after PR = relapsed, not refractory', trial: KM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2025-01-15', pd: '2025-03-17' })], verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'KM04', clause: '§2 TCE via isatuximab, but inc-02 names daratumumab', trial: KM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2('isatuximab + carfilzomib + dexamethasone'), ...L3()], verdict: 'INELIGIBLE', failing: ['inc-02'] },
  { id: 'KM05', clause: '§3 four lines (upper bound) still eligible', trial: KM3, events: H4, verdict: 'ELIGIBLE' },
  { id: 'KM06', clause: '§3 five lines > 4', trial: KM3, events: H5, verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'KM07', clause: 'criteria-language: refractoryToLastLine unknown while the last line (started 2025-04-25) is not yet assessed', trial: KM3,
    events: () => [...H3(), med('selinexor + dexamethasone', '2025-04-25', null)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-01'] },

  // ===== OPTIMISMM (NCT03180736) =====
  { id: 'OP01', clause: '§1 PD on len maintenance = len-refractory; 1 line → inc-05 met; PR ever', trial: OPT,
    events: () => [...H1(), ecog(2), serum(1.2)], verdict: 'ELIGIBLE' },
  { id: 'OP02', clause: '§1 PD 60 days after last len dose = refractory', trial: OPT,
    events: () => [...VRD_ONLY('2023-08-29'), ecog(2), serum(1.2)], verdict: 'ELIGIBLE' },
  { id: 'OP03', clause: '§1 PD 61 days after last len dose, after VGPR = relapsed (not len-refractory), 1 line', trial: OPT,
    events: () => [...VRD_ONLY('2023-08-30'), ecog(2), serum(1.2)], verdict: 'INELIGIBLE', failing: ['inc-05'] },
  { id: 'OP04', clause: '`if` without else: 2 lines → inc-05 met whatever len refractoriness', trial: OPT,
    events: () => [...VRD_ONLY('2023-09-30'), med('daratumumab + bortezomib + dexamethasone', '2023-10-10', null), R('2023-12-01', 'PR'), R('2024-02-01', 'PR'), ecog(2), serum(1.2)],
    verdict: 'ELIGIBLE', crit: { 'inc-05': 'MET' } },
  { id: 'OP05', clause: '§4 best response MR only → "PR or better ever" not met', trial: OPT,
    events: () => [DEMO(), DX(), ...L1({ mr: true }), ecog(2), serum(1.2)], verdict: 'INELIGIBLE', failing: ['inc-04'] },
  { id: 'OP06', clause: 'ecog: none recorded → unknown, listed as missing', trial: OPT,
    events: () => [...H1(), serum(1.2)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-02'], missingRe: /ecog/i },
  { id: 'OP07', clause: 'ECOG 3 > 2', trial: OPT, events: () => [...H1(), ecog(3), serum(1.2)], verdict: 'INELIGIBLE', failing: ['inc-02'] },
  { id: 'OP08', clause: 'Kleene: certain NOT_MET (MR only) not hidden by an unknown ECOG', trial: OPT,
    events: () => [DEMO(), DX(), ...L1({ mr: true }), serum(1.2)], verdict: 'INELIGIBLE', failing: ['inc-04'], unknownHas: ['inc-02'] },
  { id: 'OP09', clause: '§5 IMWG measurable serum ≥1 g/dL: 0.99 with urine 150 and FLC 5 mg/dL normal ratio → not measurable', trial: OPT,
    events: () => [...H1(), ecog(2), serum(0.99), urine(150), ...flc(50, 30)], verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'OP10', clause: '1 line, len ongoing, no response recorded: len-refractory and PR-ever unknown (if: MET → then UNKNOWN)', trial: OPT,
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2025-01-01', null), ecog(1), serum(1.2)],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-05': 'UNKNOWN', 'inc-04': 'UNKNOWN' } },

  // ===== CARTITUDE-1 (NCT03548207) =====
  { id: 'CA01', clause: '§2 double-refractory (len + carfilzomib) with 2 lines; eGFR 40 ≥ 40', trial: C1,
    events: () => [...H2(), ecog(1), egfr(40)], verdict: 'ELIGIBLE' },
  { id: 'CA02', clause: '§7 renal: eGFR 39.9 < 40', trial: C1, events: () => [...H2(), ecog(1), egfr(39.9)], verdict: 'INELIGIBLE', failing: ['inc-04'] },
  { id: 'CA03', clause: '§7 prior BCMA bispecific (teclistamab) excluded', trial: C1,
    events: () => [...H2(), med('teclistamab', '2022-09-10', '2025-03-01'), R('2022-11-01', 'PR'), R('2023-01-01', 'PR'), R('2025-02-15', 'PD'), ecog(1), egfr(60)],
    verdict: 'INELIGIBLE', failing: ['exc-01'] },
  { id: 'CA04', clause: 'criteria-language priorTargetTherapy: CAR-T of an unrecognised product → BCMA unknown', trial: C1,
    events: () => [...H2(), carT('2023-01-10', 'XQZ-991 autologous CAR-T'), R('2023-04-01', 'PR'), R('2023-06-01', 'PR'), ecog(1), egfr(60)],
    verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['exc-01'] },
  { id: 'CA05', clause: '§2 double-refractory needs a PI refractory: bortezomib PR, not refractory; only 2 lines', trial: C1,
    events: () => [DEMO(), DX(), ...L1(), ...L2('daratumumab + pomalidomide + dexamethasone'), ecog(1), egfr(60)], verdict: 'INELIGIBLE', failing: ['inc-02'] },
  { id: 'CA06', clause: '§7 respect the method named: only a measured 24-h CrCl, egfr rule → unknown', trial: C1,
    events: () => [...H2(), ecog(1), lab('2025-05-25', 'measured creatinine clearance', 80, 'mL/min')], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-04'] },

  // ===== MajesTEC-1 (NCT04557098), cohorts A (BCMA-naive) and C (prior BCMA) =====
  { id: 'MJ01', clause: '§5 serum exactly 1.0 g/dL measurable; ≥3 lines TCE; PD after last line; ECOG 1; no BCMA → cohort A', trial: MJ1,
    events: () => [...H3(), ecog(1), serum(1.0)], verdict: 'ELIGIBLE', cohorts: { A: 'ELIGIBLE', C: 'INELIGIBLE' } },
  { id: 'MJ02', clause: '§7 prior BCMA ADC (belantamab) → cohort C, not A', trial: MJ1,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ text: 'belantamab mafodotin + pomalidomide + dexamethasone' }), ecog(1), serum(1.0)],
    verdict: 'ELIGIBLE', cohorts: { A: 'INELIGIBLE', C: 'ELIGIBLE' } },
  { id: 'MJ03', clause: '§7 ECOG 2 > 1', trial: MJ1, events: () => [...H3(), ecog(2), serum(1.0)], verdict: 'INELIGIBLE', cohorts: { A: 'INELIGIBLE', C: 'INELIGIBLE' } },
  { id: 'MJ04', clause: 'ecog maxAgeDays 60: ECOG 61 days old → unknown', trial: MJ1,
    events: () => [...H3(), ecog(1, '2025-04-01'), serum(1.0)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-04'], missingRe: /ecog/i },
  { id: 'MJ05', clause: 'ecog maxAgeDays 60: exactly 60 days old counts', trial: MJ1, events: () => [...H3(), ecog(1, '2025-04-02'), serum(1.0)], verdict: 'ELIGIBLE' },
  { id: 'MJ06', clause: '§5 urine 250 mg/24h measurable with serum 0.9', trial: MJ1, events: () => [...H3(), ecog(1), serum(0.9), urine(250)], verdict: 'ELIGIBLE' },
  { id: 'MJ07', clause: '§5 FLC route: serum 0.9, urine 150 unmeasurable; involved κ 12 mg/dL, ratio 12 → measurable', trial: MJ1,
    events: () => [...H3(), ecog(1), serum(0.9), urine(150), ...flc(120, 10)], verdict: 'ELIGIBLE' },
  { id: 'MJ08', clause: '§5 FLC route: involved κ 9.9 mg/dL < 10 → not measurable', trial: MJ1,
    events: () => [...H3(), ecog(1), serum(0.9), urine(150), ...flc(99, 10)], verdict: 'INELIGIBLE', failing: ['inc-03'] },
  { id: 'MJ09', clause: 'measurableDisease unknown: serum 0.9, urine never measured; missing names urine', trial: MJ1,
    events: () => [...H3(), ecog(1), serum(0.9)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-03'], missingRe: /urine/i },
  { id: 'MJ10', clause: 'progressionAfterLastLine: last line assessed (PR, PR), no PD since → not met', trial: MJ1,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: null, pd: null }), ecog(1), serum(1.0)], verdict: 'INELIGIBLE', failing: ['inc-03'] },
  { id: 'MJ11', clause: 'earlyProgressionDays 14: PD on day 14 of last line prompted it; nothing after → unknown', trial: MJ1,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: null, pd: '2022-09-24', resp: false }), ecog(1), serum(1.0)],
    verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-03'] },
  { id: 'MJ12', clause: 'earlyProgressionDays 14: PD on day 15 of last line is progression on it', trial: MJ1,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: null, pd: '2022-09-25', resp: false }), ecog(1), serum(1.0)], verdict: 'ELIGIBLE' },
  { id: 'MJ13', clause: '§7 prior BCMA CAR-T (cilta-cel) → cohort C', trial: MJ1,
    events: () => [...HCART(), ecog(1), serum(1.0)], verdict: 'ELIGIBLE', cohorts: { A: 'INELIGIBLE', C: 'ELIGIBLE' } },
  { id: 'MJ14', clause: 'sameTime: ECOG 1 and 2 recorded the same day → unknown', trial: MJ1,
    events: () => [...H3(), ecog(1), ecog(2), serum(1.0)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-04'] },
  { id: 'MJ15', clause: '§3 unplanned addition after 29 days opens a line: Rd + dara(d29) + … = 3 lines', trial: MJ1,
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2022-01-01', '2023-01-01'), med('daratumumab', '2022-01-30', '2023-01-01'),
      R('2022-04-01', 'PR'), R('2022-06-01', 'PR'), R('2022-12-15', 'PD'),
      med('bortezomib + pomalidomide + dexamethasone', '2023-01-10', null), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2025-04-01', 'PD'), ecog(1), serum(1.0)],
    verdict: 'ELIGIBLE', cohorts: { A: 'ELIGIBLE' } },
  { id: 'MJ16', clause: '§3 grouping window 28 days: dara 28 days after Rd joins the regimen → 2 lines', trial: MJ1,
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2022-01-01', '2023-01-01'), med('daratumumab', '2022-01-29', '2023-01-01'),
      R('2022-04-01', 'PR'), R('2022-06-01', 'PR'), R('2022-12-15', 'PD'),
      med('bortezomib + pomalidomide + dexamethasone', '2023-01-10', null), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2025-04-01', 'PD'), ecog(1), serum(1.0)],
    verdict: 'INELIGIBLE', failing: ['inc-02'] },

  // ===== MagnetisMM-3 (NCT04649359): TCR; cohort A BCMA-naive, B prior BCMA ADC or CAR-T =====
  { id: 'MM01', clause: '§2 TCR (len, carfilzomib, dara refractory) BCMA-naive → cohort A', trial: MM3, events: H3, verdict: 'ELIGIBLE', cohorts: { A: 'ELIGIBLE', B: 'INELIGIBLE' } },
  { id: 'MM02', clause: 'prior BCMA bispecific: excluded from A, not ADC/CAR-T for B', trial: MM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ text: 'teclistamab' })], verdict: 'INELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'INELIGIBLE' } },
  { id: 'MM03', clause: '§2 TCR: anti-CD38 known not refractory (PD 92 days off dara after PR) → not TCR despite an unassessed last line', trial: MM3,
    events: () => [DEMO(), DX(), ...L1(), med('daratumumab + bortezomib + dexamethasone', '2021-03-10', '2022-03-01', { reasonStopped: 'completed' }),
      R('2021-05-01', 'PR'), R('2021-07-01', 'PR'), R('2022-06-01', 'PD'),
      med('carfilzomib + pomalidomide + dexamethasone', '2022-06-15', '2025-04-20'), R('2022-08-01', 'PR'), R('2022-10-01', 'PR'), R('2025-04-01', 'PD'),
      med('selinexor + dexamethasone', '2025-04-25', null)],
    verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'MM04', clause: 'prior BCMA CAR-T → cohort B', trial: MM3, events: HCART, verdict: 'ELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'ELIGIBLE' } },

  // ===== MonumenTAL-1 (NCT04634552): T-cell redirection cohorts =====
  { id: 'TQ01', clause: 'prior CAR-T = T-cell redirection: cohort B only', trial: TQ, events: HCART, verdict: 'POTENTIALLY_ELIGIBLE',
    cohorts: { A: 'INELIGIBLE', B: 'POTENTIALLY_ELIGIBLE', C: 'INELIGIBLE' } },
  { id: 'TQ02', clause: 'prior BCMA ADC is not T-cell redirection: A/C open, B not', trial: TQ,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ text: 'belantamab mafodotin + pomalidomide + dexamethasone' })], verdict: 'POTENTIALLY_ELIGIBLE',
    cohorts: { A: 'POTENTIALLY_ELIGIBLE', B: 'INELIGIBLE', C: 'POTENTIALLY_ELIGIBLE' } },

  // ===== LINKER-MM1 (NCT03761108): any(≥3 lines & TCE, TCR) =====
  { id: 'LK01', clause: 'Kleene any(NOT_MET, UNKNOWN): 2 lines, TCR open (DKd begun 2025-05-01 unassessed)', trial: LINKER,
    events: () => [DEMO(), DX(), ...L1(), med('daratumumab + carfilzomib + dexamethasone', '2025-05-01', null)], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-01'] },
  { id: 'LK02', clause: '§2 TCR not met (dara relapse 92 days off) and 2 lines → INELIGIBLE', trial: LINKER,
    events: () => [DEMO(), DX(), ...L1(), med('daratumumab + bortezomib + dexamethasone', '2021-03-10', '2022-03-01', { reasonStopped: 'completed' }),
      R('2021-05-01', 'PR'), R('2021-07-01', 'PR'), R('2022-06-01', 'PD')], verdict: 'INELIGIBLE', failing: ['inc-01'] },

  // ===== SUCCESSOR-2 (NCT05552976) =====
  { id: 'SU01', clause: 'PD on day 15 of the last line (DPd) = progression on/after it', trial: SUC2,
    events: () => [...H1(), med('daratumumab + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-03-25', 'PD')], verdict: 'ELIGIBLE' },
  { id: 'SU02', clause: 'PD on day 14 prompted the line; no assessment since → unknown', trial: SUC2,
    events: () => [...H1(), med('daratumumab + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-03-24', 'PD')], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-03'] },
  { id: 'SU03', clause: '§2 anti-CD38 = isatuximab too', trial: SUC2,
    events: () => [...H1(), med('isatuximab + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-03-25', 'PD')], verdict: 'ELIGIBLE' },
  { id: 'SU04', clause: 'no anti-CD38 exposure', trial: SUC2,
    events: () => [...H1(), med('carfilzomib + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-03-25', 'PD')], verdict: 'INELIGIBLE', failing: ['inc-02'] },
  { id: 'SU05', clause: 'last line responding (PR, PR), no PD since it began → not met', trial: SUC2,
    events: () => [...H1(), med('daratumumab + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-05-01', 'PR'), R('2021-07-01', 'PR')], verdict: 'INELIGIBLE', failing: ['inc-03'] },

  // ===== MajesTEC-3 (NCT05083169) =====
  { id: 'T301', clause: '1 line, len-refractory (PD on maintenance), serum 0.5 measurable at 0.5; never anti-CD38 → exc-04 not met', trial: MJ3,
    events: () => [...H1(), serum(0.5), ecog(2)], verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-01': 'MET', 'inc-02': 'MET', 'inc-03': 'MET', 'exc-04': 'NOT_MET', 'exc-03': 'NOT_MET' } },
  { id: 'T302', clause: '§5 serum 0.49, urine 150, involved FLC 2 mg/dL → not measurable', trial: MJ3,
    events: () => [...H1(), serum(0.49), urine(150), ...flc(20, 10), ecog(2)], verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'T303', clause: '1 line, PD 61 days after last len dose → not len-refractory', trial: MJ3,
    events: () => [...VRD_ONLY('2023-08-30'), serum(0.5), ecog(2)], verdict: 'INELIGIBLE', failing: ['inc-02'] },
  { id: 'T304', clause: '§1 dara-refractory (PD on DKd) → exc-04', trial: MJ3, events: () => [...H2(), serum(0.5), ecog(2)], verdict: 'INELIGIBLE', failing: ['exc-04'] },
  { id: 'T305', clause: '§1 nonresponsive (SD only, no MR) on dara = refractory per IMWG → exc-04', trial: MJ3, events: DARA_NONRESP, verdict: 'INELIGIBLE', failing: ['exc-04'] },

  // ===== DREAMM-7 (NCT04246047) exc-02 defines refractory as PD on/within 60 days only =====
  { id: 'D701', clause: 'progressionOnly: dara nonresponsive but never progressed → exc-02 not met', trial: D7, events: DARA_NONRESP,
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-02': 'NOT_MET' } },
  { id: 'D702', clause: 'progressionOnly: PD on dara → exc-02 met', trial: D7, events: () => [...H2(), ecog(1), serum(0.6)], verdict: 'INELIGIBLE', failing: ['exc-02'] },

  // ===== IKEMA (NCT03275285) =====
  { id: 'IK01', clause: 'exc-01 "last therapy completed within 14 days": last dose 7 days ago → blocked until day 15 (2025-06-09)', trial: IKEMA,
    events: () => [...H1(), med('daratumumab + pomalidomide + dexamethasone', '2021-03-10', '2025-05-25'), R('2021-05-01', 'PR'), R('2021-07-01', 'PR'), R('2025-05-10', 'PD'), serum(0.6), ecog(1)],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-09', failing: ['exc-01'] },
  { id: 'IK02', clause: '§1 primary refractory (never MR) and carfilzomib exposed → excluded', trial: IKEMA,
    events: () => [DEMO(), DX(), med('carfilzomib + lenalidomide + dexamethasone', '2024-01-01', '2024-06-01'), R('2024-03-01', 'SD'), R('2024-04-01', 'SD'), R('2024-05-20', 'PD'),
      med('daratumumab + pomalidomide + dexamethasone', '2024-06-10', '2025-03-10'), R('2024-08-01', 'SD'), R('2024-10-01', 'SD'), R('2025-03-01', 'PD'), serum(0.6), ecog(1)],
    verdict: 'INELIGIBLE', failing: ['exc-01'] },
  { id: 'IK03', clause: '§1 MR reached once → not primary refractory; last dose 83 days ago', trial: IKEMA,
    events: () => [DEMO(), DX(), med('carfilzomib + lenalidomide + dexamethasone', '2024-01-01', '2024-06-01'), R('2024-03-01', 'MR'), R('2024-04-01', 'MR'), R('2024-05-20', 'PD'),
      med('daratumumab + pomalidomide + dexamethasone', '2024-06-10', '2025-03-10'), R('2024-08-01', 'SD'), R('2024-10-01', 'SD'), R('2025-03-01', 'PD'), serum(0.6), ecog(1)],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-01': 'NOT_MET' } },
  { id: 'IK04', clause: '§5 FLC-only measurable disease excluded; serum/urine below trial cut-offs', trial: IKEMA,
    events: () => [...H2(), serum(0.4), urine(150), ...flc(200, 10), ecog(1)], verdict: 'INELIGIBLE', failing: ['exc-02', 'inc-02'] },

  // ===== CARTITUDE-4 (NCT04181827) =====
  { id: 'C401', clause: '§7 Hb 8.0 measured exactly 7 days after RBC transfusion counts', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), rbc('2025-05-18'), hb(8.0), neuropathy('absent')],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-02': 'MET', 'inc-03': 'MET', 'inc-04': 'MET', 'inc-05': 'MET', 'inc-07': 'MET', 'exc-01': 'NOT_MET', 'exc-02': 'NOT_MET' } },
  { id: 'C402', clause: '§7 Hb 8.0 six days after transfusion → unknown', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), rbc('2025-05-19'), hb(8.0), neuropathy('absent')], verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-07': 'UNKNOWN' } },
  { id: 'C403', clause: '§7 Hb 7.9 six days after transfusion fails anyway', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), rbc('2025-05-19'), hb(7.9), neuropathy('absent')], verdict: 'INELIGIBLE', failing: ['inc-07'] },
  { id: 'C404', clause: 'support: transfusion only — epoetin the day before does not matter', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), med('epoetin alfa', '2025-05-24', '2025-05-24'), hb(8.0), neuropathy('absent')], verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-07': 'MET' } },
  { id: 'C405', clause: 'inc-04: PD 183 days after the last line\'s last dose = within 6 months', trial: C4, events: () => CT_2L('2024-12-01'),
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-04': 'MET', 'inc-05': 'MET', 'inc-03': 'MET' } },
  { id: 'C406', clause: 'inc-04: PD 184 days after → not within 6 months', trial: C4, events: () => CT_2L('2024-12-02'), verdict: 'INELIGIBLE', failing: ['inc-04'] },
  { id: 'C407', clause: 'exc-03 anti-CD38 within 21 days: last dara 21 days ago → eligible from day 22 (turns unknown, not blocking)', trial: C4,
    events: () => CT_DARA21('2025-05-11'), verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-02', failing: ['exc-03'] },
  { id: 'C408', clause: 'exc-03 anti-CD38: last dara 22 days ago → not excluded by the window', trial: C4,
    events: () => CT_DARA21('2025-05-10'), verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-03': 'UNKNOWN' } },
  { id: 'C409', clause: 'exc-02 neuropathy grade 2 recorded → review (unknown), not a pass', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), hb(9), neuropathy('active', 2)], verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-02': 'UNKNOWN' } },
  { id: 'C410', clause: 'exc-01 corticosteroid within 7 days: dex 7 days ago → dose review (unknown)', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), med('dexamethasone', '2025-05-20', '2025-05-25'), serum(0.5), hb(9), neuropathy('absent')], verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-01': 'UNKNOWN' } },
  { id: 'C411', clause: '§1 len maintenance PD = len-refractory; 4 lines > 3 → INELIGIBLE even with text-only unknowns', trial: C4,
    events: () => [...H4(), serum(0.5), hb(9), neuropathy('absent')], verdict: 'INELIGIBLE', failing: ['inc-03'] },

  // ===== DREAMM-8 (NCT04484623) exc-03 washouts =====
  { id: 'D801', clause: 'exc-03 "within 14 days or 5 half-lives (shorter)": bortezomib last dose 14 days ago → excluded until 2025-06-02', trial: D8,
    events: () => [DEMO(), DX(), ...LEN_FIRST(), med('bortezomib', '2025-01-01', '2025-05-18'), R('2025-03-01', 'PR'), R('2025-04-01', 'PR'), R('2025-05-10', 'PD'), ecog(1), serum(0.6)],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-02', crit: { 'exc-03': 'MET' } },
  { id: 'D802', clause: 'exc-03: bortezomib last dose 15 days ago → washout met (shorter of 15 d and 22.6 d)', trial: D8,
    events: () => [DEMO(), DX(), ...LEN_FIRST(), med('bortezomib', '2025-01-01', '2025-05-17'), R('2025-03-01', 'PR'), R('2025-04-01', 'PR'), R('2025-05-10', 'PD'), ecog(1), serum(0.6)],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-03': 'NOT_MET' } },
  { id: 'D803', clause: 'exc-03 mAb within 30 days: daratumumab 30 days ago → excluded until 2025-06-02', trial: D8,
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2024-01-01', '2024-09-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-08-20', 'PD'),
      med('daratumumab', '2024-09-10', '2025-05-02'), R('2024-11-01', 'PR'), R('2025-01-01', 'PR'), R('2025-04-25', 'PD'), ecog(1), serum(0.6)],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-02', crit: { 'exc-03': 'MET' } },
  { id: 'D804', clause: 'exc-03 mAb: daratumumab 31 days ago → not excluded', trial: D8,
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2024-01-01', '2024-09-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-08-20', 'PD'),
      med('daratumumab', '2024-09-10', '2025-05-01'), R('2024-11-01', 'PR'), R('2025-01-01', 'PR'), R('2025-04-25', 'PD'), ecog(1), serum(0.6)],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-03': 'NOT_MET' } },

  // ===== CC-220-MM-001 (NCT02773030): RRMM / NDMM cohorts; PD on or within 60 days of the last dose of the last therapy =====
  { id: 'CC01', clause: 'inc-04: PD 60 days after the last dose of the last line → RRMM cohort', trial: 'NCT02773030',
    events: () => [...VRD_ONLY('2023-08-29'), ecog(1), serum(0.6)], verdict: 'ELIGIBLE', cohorts: { RRMM: 'ELIGIBLE', NDMM: 'INELIGIBLE' } },
  { id: 'CC02', clause: 'inc-04: PD 61 days after → not met', trial: 'NCT02773030',
    events: () => [...VRD_ONLY('2023-08-30'), ecog(1), serum(0.6)], verdict: 'INELIGIBLE', cohorts: { RRMM: 'INELIGIBLE', NDMM: 'INELIGIBLE' } },
  { id: 'CC03', clause: 'inc-04: PD 55 days after a salvage ASCT of the last line (87 days after its last drug) → met', trial: 'NCT02773030',
    events: () => [...H1(), med('bortezomib + cyclophosphamide + dexamethasone', '2021-03-10', '2021-06-30', { intent: 'induction' }), R('2021-05-01', 'PR'), R('2021-06-15', 'PR'),
      sct('2021-08-01'), R('2021-09-25', 'PD'), ecog(1), serum(0.6)], verdict: 'ELIGIBLE', cohorts: { RRMM: 'ELIGIBLE' } },
  { id: 'CC04', clause: 'inc-04: PD 61 days after the salvage ASCT → not met', trial: 'NCT02773030',
    events: () => [...H1(), med('bortezomib + cyclophosphamide + dexamethasone', '2021-03-10', '2021-06-30', { intent: 'induction' }), R('2021-05-01', 'PR'), R('2021-06-15', 'PR'),
      sct('2021-08-01'), R('2021-10-01', 'PD'), ecog(1), serum(0.6)], verdict: 'INELIGIBLE', cohorts: { RRMM: 'INELIGIBLE' } },
  { id: 'CC05', clause: 'inc-04: CAR-T as last therapy, PD 21 months after it → met by the CAR-T branch', trial: 'NCT02773030',
    events: () => [...HCART(), ecog(1), serum(0.6)], verdict: 'ELIGIBLE', cohorts: { RRMM: 'ELIGIBLE' } },

  // ===== SUCCESSOR-1 (NCT05519085) =====
  { id: 'SC01', clause: '§1 per-drug variant: PD on bortezomib maintenance only → review (schedule), not excluded outright', trial: 'NCT05519085',
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-30', { intent: 'induction', cycles: 8 }), R('2022-03-01', 'PR'), R('2022-04-01', 'PR'),
      sct('2022-08-01'), med('bortezomib', '2022-09-15', '2025-03-05', { intent: 'maintenance' }), R('2022-11-01', 'VGPR'), R('2023-02-01', 'VGPR'), R('2025-03-01', 'PD'), serum(0.6)],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-01': 'UNKNOWN', 'inc-06': 'MET', 'inc-05': 'MET' } },
  { id: 'SC02', clause: '§1 PD on VRd induction (not maintenance) → bortezomib-refractory, excluded', trial: 'NCT05519085',
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2019-02-01', '2019-06-30'), R('2019-04-01', 'MR'), R('2019-05-01', 'MR'), R('2019-06-15', 'PD'),
      med('daratumumab + lenalidomide + dexamethasone', '2019-07-01', null), R('2019-09-01', 'PR'), R('2019-11-01', 'PR'), serum(0.6)],
    verdict: 'INELIGIBLE', failing: ['exc-01'] },
  { id: 'SC03', clause: '§1 never MR on any therapy, bortezomib given → exc-04 and inc-06', trial: 'NCT05519085',
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { reasonStopped: 'toxicity' }), R('2023-03-01', 'SD'), R('2023-05-01', 'SD'),
      med('daratumumab + lenalidomide + dexamethasone', '2023-07-15', null), R('2023-09-01', 'SD'), R('2023-11-01', 'SD'), serum(0.6)],
    verdict: 'INELIGIBLE', crit: { 'exc-04': 'MET', 'inc-06': 'NOT_MET' } },

  // ===== unread medications (criteria-language priorLines / priorTargetTherapy) =====
  { id: 'UN01', clause: 'priorLines: an unread study drug mid-history may be a 4th line → unknown for "1 to 3"', trial: BOSTON,
    events: () => [...H3(), UNREAD()], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-01'] },
  { id: 'UN02', clause: 'unread "BCMA bispecific": BCMA-naive unknown (cohort A); names bispecific, not ADC/CAR-T (cohort B not met)', trial: MM3,
    events: () => [...H3(), UNREAD()], verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'POTENTIALLY_ELIGIBLE', B: 'INELIGIBLE' } },
  { id: 'UN03', clause: 'unread "anti-BCMA agent" naming no modality: cohort B (ADC or CAR-T) unknown too', trial: MM3,
    events: () => [...H3(), UNREAD('investigational anti-BCMA agent (blinded)')], verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'POTENTIALLY_ELIGIBLE', B: 'POTENTIALLY_ELIGIBLE' } },

  // ===== CARTITUDE-4 transfusion products =====
  { id: 'C412', clause: 'support: a platelet transfusion 3 days before does not prop up haemoglobin', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), event('procedure', '2025-05-22', { kind: 'transfusion', product: 'platelets' }), hb(8.0), neuropathy('absent')],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-07': 'MET' } },
  { id: 'C413', clause: 'support: a transfusion of a product not recorded 3 days before may be red cells → unknown', trial: C4,
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.5), event('procedure', '2025-05-22', { kind: 'transfusion' }), hb(8.0), neuropathy('absent')],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-07': 'UNKNOWN' } },

  // ===== IKEMA exc-06 other malignancy "unless disease free for more than 5 years" =====
  { id: 'IK05', clause: 'exc-06: cancer resolved 1826 days (5 years) ago → within window, review', trial: IKEMA,
    events: () => [...H2(), serum(0.6), ecog(1), event('condition', '2020-06-01', { kind: 'other-malignancy', status: 'resolved', resolvedDate: '2020-06-01' })],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-06': 'UNKNOWN' } },
  { id: 'IK06', clause: 'exc-06: resolved 1827 days ago → disease free > 5 years, passes', trial: IKEMA,
    events: () => [...H2(), serum(0.6), ecog(1), event('condition', '2020-05-31', { kind: 'other-malignancy', status: 'resolved', resolvedDate: '2020-05-31' })],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'exc-06': 'NOT_MET' } },
  { id: 'IK07', clause: 'exc-06: active other cancer → excluded', trial: IKEMA,
    events: () => [...H2(), serum(0.6), ecog(1), event('condition', '2025-01-01', { kind: 'other-malignancy', status: 'active' })], verdict: 'INELIGIBLE', failing: ['exc-06'] },

  // ===== MagnetisMM-5 (NCT05020236) =====
  { id: 'M501', clause: '1 line incl. len and a PI (VRd→ASCT→R) → inc-03/04 met', trial: 'NCT05020236', events: H1, verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-03': 'MET', 'inc-04': 'MET' } },
  { id: 'M502', clause: '4 lines > 3 → inc-04 not met', trial: 'NCT05020236', events: H4, verdict: 'INELIGIBLE', failing: ['inc-04'] },

  // ===== CANDOR (NCT03158688): isotype-specific measurable disease within 21 days; carfilzomib 6-month interval =====
  { id: 'CD01', clause: '§5 isotype cut-off: IgA serum 0.6 ≥ 0.5, measured 17 days ago', trial: 'NCT03158688',
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgA', 'kappa'), ...L1(), serum(0.6, '2025-05-15')], verdict: 'ELIGIBLE' },
  { id: 'CD02', clause: '§5 isotype cut-off: IgG serum 0.6 < 1.0; urine 150; involved FLC 5 mg/dL → not measurable', trial: 'NCT03158688',
    events: () => [DEMO(), DX(), ...L1(), serum(0.6, '2025-05-15'), urine(150, '2025-05-15'), ...flc(50, 10, '2025-05-15')], verdict: 'INELIGIBLE', failing: ['inc-03'] },
  { id: 'CD03', clause: 'maxAgeDays 21: IgA serum 0.6 measured 22 days ago → unknown', trial: 'NCT03158688',
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgA', 'kappa'), ...L1(), serum(0.6, '2025-05-10')], verdict: 'POTENTIALLY_ELIGIBLE', unknownHas: ['inc-03'] },
  { id: 'CD04', clause: 'maxAgeDays 21: measured exactly 21 days ago counts', trial: 'NCT03158688',
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgA', 'kappa'), ...L1(), serum(0.6, '2025-05-11')], verdict: 'ELIGIBLE' },
  { id: 'CD05', clause: 'inc-05: last carfilzomib 182 days ago → blocked until day 183 (then text review: unknown)', trial: 'NCT03158688',
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgA', 'kappa'), ...L1(), med('carfilzomib + pomalidomide + dexamethasone', '2024-01-01', '2024-12-01'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-11-20', 'PD'), serum(0.6, '2025-05-15')],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-02', failing: ['inc-05'] },
  { id: 'CD06', clause: 'inc-05: last carfilzomib 183 days ago → review only', trial: 'NCT03158688',
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgA', 'kappa'), ...L1(), med('carfilzomib + pomalidomide + dexamethasone', '2024-01-01', '2024-11-30'), R('2024-03-01', 'PR'), R('2024-05-01', 'PR'), R('2024-11-20', 'PD'), serum(0.6, '2025-05-15')],
    verdict: 'POTENTIALLY_ELIGIBLE', crit: { 'inc-05': 'UNKNOWN' } },

  // ===== more refractoriness on catalog trials =====
  { id: 'KM08', clause: '§1 nonresponsive on last line (SD only ≥56 d, stopped for toxicity), PD 100 days later → refractory to last line', trial: KM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), med('pomalidomide + dexamethasone', '2022-09-10', '2023-03-01', { reasonStopped: 'toxicity' }), R('2022-11-15', 'SD'), R('2023-01-15', 'SD'), R('2023-06-09', 'PD')],
    verdict: 'ELIGIBLE' },
  { id: 'KM09', clause: '§1 CAR-T as last line, VGPR then PD 21 months later → not refractory to last line', trial: KM3, events: HCART, verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'KM10', clause: '§1 CAR-T as last line, PD 45 days after infusion → refractory to it', trial: KM3,
    events: () => [DEMO(), DX(), ...L1(), ...L2(), ...L3({ end: '2023-06-01', pd: '2023-05-15' }), carT('2023-07-01', 'ciltacabtagene autoleucel'), R('2023-08-15', 'PD')], verdict: 'ELIGIBLE' },
  { id: 'IK08', clause: '§1 primary refractory incl. "no change" without PD: KRd SD only (≥56 d, toxicity stop), DPd SD only → carfilzomib + primary refractory', trial: IKEMA,
    events: () => [DEMO(), DX(), med('carfilzomib + lenalidomide + dexamethasone', '2024-01-01', '2024-06-01', { reasonStopped: 'toxicity' }), R('2024-03-01', 'SD'), R('2024-05-01', 'SD'),
      med('daratumumab + pomalidomide + dexamethasone', '2024-06-10', null), R('2024-08-15', 'SD'), R('2024-10-15', 'SD'), serum(0.6), ecog(1)],
    verdict: 'INELIGIBLE', failing: ['exc-01'] },
  { id: 'TC01', clause: '§2 IMiD = thalidomide/lenalidomide/pomalidomide; iberdomide (CELMoD) alone is not IMiD exposure', trial: 'NCT04634552',
    events: () => [DEMO(), DX(), med('iberdomide + bortezomib + dexamethasone', '2021-01-01', '2021-12-01'), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2021-11-15', 'PD'),
      med('daratumumab + carfilzomib + dexamethasone', '2021-12-10', '2022-12-01'), R('2022-02-01', 'PR'), R('2022-04-01', 'PR'), R('2022-11-15', 'PD'),
      med('selinexor + dexamethasone', '2022-12-10', null), R('2023-02-01', 'PR'), R('2023-04-01', 'PR'), R('2025-04-01', 'PD')],
    verdict: 'INELIGIBLE', failing: ['inc-01'] },
  { id: 'TC02', clause: '§2 anti-CD38 = daratumumab SC ("daratumumab and hyaluronidase")', trial: SUC2,
    events: () => [...H1(), med('daratumumab and hyaluronidase-fihj + pomalidomide + dexamethasone', '2021-03-10', null), R('2021-03-25', 'PD')], verdict: 'ELIGIBLE' },

  // ===== verdict mechanics on small custom trials (criteria-language "Verdict per trial and per cohort") =====
  { id: 'VD01', clause: 'INELIGIBLE when the window never opens: anti-CD38 washout ends 2025-06-25 after the 75th birthday (2025-06-20)', trial: 'NCT99990001',
    events: () => [DEMO('1950-06-20'), DX(), med('daratumumab', '2025-01-01', '2025-05-25')], verdict: 'INELIGIBLE' },
  { id: 'VD02', clause: 'ELIGIBLE_FROM when the washout ends (2025-06-25) before the 75th birthday (2025-07-01)', trial: 'NCT99990001',
    events: () => [DEMO('1950-07-01'), DX(), med('daratumumab', '2025-01-01', '2025-05-25')], verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-25' },
  { id: 'VD03', clause: 'a criterion passing today but blocking 2025-06-04..08-03 puts eligible-from to 2025-08-04', trial: 'NCT99990002',
    events: () => [DEMO(), DX(), med('daratumumab', '2024-10-01', '2025-04-05'), med('bortezomib + dexamethasone', '2025-04-20', '2025-05-22')], verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-08-04' },
  { id: 'VD04', clause: 'best cohort: one the patient can enter now (potentially) over one that opens later', trial: 'NCT99990003',
    events: () => [DEMO(), DX(), med('bortezomib + dexamethasone', '2025-01-01', '2025-05-25')], verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { W: 'ELIGIBLE_FROM', T: 'POTENTIALLY_ELIGIBLE' } },
  { id: 'VD05', clause: 'best cohort: of two that open later, the earlier date', trial: 'NCT99990004',
    events: () => [DEMO(), DX(), med('bortezomib + dexamethasone', '2025-01-01', '2025-05-25')], verdict: 'ELIGIBLE_FROM', eligibleFrom: '2025-06-09', cohorts: { LATE: 'ELIGIBLE_FROM', EARLY: 'ELIGIBLE_FROM' } },
];

const outcomeOf = (ev: ReturnType<typeof evaluateTrial>, critId: string): string | undefined =>
  [...ev.criteria, ...ev.cohorts.flatMap((c) => c.criteria)].find((c) => c.criterionId === critId)?.outcome;

describe('eng32 trials: boundary patients against catalog trials', () => {
  for (const c of tcases) {
    it(`${c.id} ${c.trial} — ${c.clause}`, () => {
      const p = buildProfile(c.events(), AS_OF);
      const t = trial(c.trial);
      const ev = evaluateTrial(t, p, AS_OF);
      const got: Record<string, unknown> = { verdict: ev.verdict };
      const want: Record<string, unknown> = { verdict: c.verdict };
      if (c.eligibleFrom !== undefined) { got.eligibleFrom = ev.eligibleFrom; want.eligibleFrom = c.eligibleFrom; }
      if (c.failing) { got.failing = [...ev.failing].sort(); want.failing = [...c.failing].sort(); }
      if (c.unknownHas) { got.unknownHas = c.unknownHas.filter((u) => ev.unknown.includes(u)); want.unknownHas = c.unknownHas; }
      if (c.cohorts) {
        got.cohorts = Object.fromEntries(Object.keys(c.cohorts).map((k) => [k, ev.cohorts.find((x) => x.id === k)?.verdict]));
        want.cohorts = c.cohorts;
      }
      if (c.crit) {
        got.crit = Object.fromEntries(Object.keys(c.crit).map((k) => [k, outcomeOf(ev, k)]));
        want.crit = c.crit;
      }
      if (c.missingRe) {
        const miss = [...ev.missing, ...ev.cohorts.flatMap((x) => x.missing)].join(' | ');
        got.missingMatches = c.missingRe.test(miss) ? true : miss; want.missingMatches = true;
      }
      const sc = screenTrial(t, p, AS_OF);
      got.screenAgrees = sc.verdict === ev.verdict ? true : `${sc.verdict} vs ${ev.verdict}`;
      want.screenAgrees = true;
      const diag = { failing: ev.failing, unknown: ev.unknown, eligibleFrom: ev.eligibleFrom, cohorts: ev.cohorts.map((x) => `${x.id}:${x.verdict}[f=${x.failing.join(',')}][u=${x.unknown.join(',')}]`),
        crits: [...ev.criteria, ...ev.cohorts.flatMap((x) => x.criteria)].map((x) => `${x.criterionId}=${x.outcome}${x.eligibleFrom ? '@' + x.eligibleFrom : ''}`).join(' ') };
      expect({ ...got, ...(JSON.stringify(got) === JSON.stringify(want) ? {} : { diag }) }).toEqual(want);
    });
  }
});

// ---------- criterion-level cases (compileRule on catalog rules and on Kleene combinations) ----------
interface RCase { id: string; clause: string; rule: () => unknown; events: () => Ev[]; outcome: string; flipsOn?: string; flipsTo?: string; check?: (r: ReturnType<ReturnType<typeof compileRule>>, trace: LeafTrace[]) => unknown; want?: unknown }
const MET_LEAF = { fact: 'age', min: 18 };
const NOT_LEAF = { fact: 'age', max: 30 };
const UNK_LEAF = { fact: 'unknownText', reason: 'review' };
const consec = () => ruleOf(CANOVA, 'inc-01');
const cyc = (start: string, end: string, text: string, cycles?: number) => med(text, start, end, cycles === undefined ? {} : { cycles });

const rcases: RCase[] = [
  // Kleene
  { id: 'KL01', clause: 'Kleene all(MET, UNKNOWN) = UNKNOWN', rule: () => ({ all: [MET_LEAF, UNK_LEAF] }), events: H3, outcome: 'UNKNOWN' },
  { id: 'KL02', clause: 'Kleene all(NOT_MET, UNKNOWN) = NOT_MET', rule: () => ({ all: [NOT_LEAF, UNK_LEAF] }), events: H3, outcome: 'NOT_MET' },
  { id: 'KL03', clause: 'Kleene any(MET, UNKNOWN) = MET', rule: () => ({ any: [UNK_LEAF, MET_LEAF] }), events: H3, outcome: 'MET' },
  { id: 'KL04', clause: 'Kleene any(NOT_MET, UNKNOWN) = UNKNOWN', rule: () => ({ any: [NOT_LEAF, UNK_LEAF] }), events: H3, outcome: 'UNKNOWN' },
  { id: 'KL05', clause: 'Kleene not(UNKNOWN) = UNKNOWN', rule: () => ({ not: UNK_LEAF }), events: H3, outcome: 'UNKNOWN' },
  { id: 'KL06', clause: 'if(UNKNOWN) with both branches MET = MET', rule: () => ({ if: UNK_LEAF, then: MET_LEAF, else: MET_LEAF }), events: H3, outcome: 'MET' },
  { id: 'KL07', clause: 'if(UNKNOWN) with branches MET / NOT_MET = UNKNOWN', rule: () => ({ if: UNK_LEAF, then: MET_LEAF, else: NOT_LEAF }), events: H3, outcome: 'UNKNOWN' },
  { id: 'KL08', clause: 'if(NOT_MET) without else = MET', rule: () => ({ if: NOT_LEAF, then: UNK_LEAF }), events: H3, outcome: 'MET' },
  { id: 'KL09', clause: 'if(UNKNOWN, then NOT_MET) without else: branches disagree = UNKNOWN', rule: () => ({ if: UNK_LEAF, then: NOT_LEAF }), events: H3, outcome: 'UNKNOWN' },
  { id: 'KL10', clause: 'if(UNKNOWN, then MET) without else: both MET = MET', rule: () => ({ if: UNK_LEAF, then: MET_LEAF }), events: H3, outcome: 'MET' },
  { id: 'KL11', clause: 'v15 settled: all(NOT_MET, ecog unknown) → ecog leaf settled, its data not asked', rule: () => ({ all: [NOT_LEAF, { fact: 'ecog', max: 1 }] }), events: H3, outcome: 'NOT_MET',
    check: (_r, tr) => tr.filter((l) => l.fact === 'ecog').map((l) => ({ settled: l.settled === true, asks: (l.missing ?? []).length > 0 && !l.settled })), want: [{ settled: true, asks: false }] },
  { id: 'KL12', clause: 'age flip: all(age ≤ 74, unknown ECOG) becomes NOT_MET on the 75th birthday', rule: () => ({ all: [{ fact: 'age', max: 74 }, { fact: 'ecog', max: 1 }] }),
    events: () => [DEMO('1950-06-10'), DX(), ...L1()], outcome: 'UNKNOWN', flipsOn: '2025-06-10', flipsTo: 'NOT_MET' },

  { id: 'KL13', clause: 'v15 settled in a catalog rule: CARTITUDE-4 exc-01, no steroid in 7 days → dose review leaf settled', rule: () => ruleOf(C4, 'exc-01'),
    events: () => [DEMO(), DX(), ...CT_L1()], outcome: 'NOT_MET',
    check: (_r, tr) => tr.filter((l) => l.fact === 'unknownText').map((l) => l.settled === true), want: [true] },

  // CANOVA inc-01: ≥2 consecutive cycles of a PI
  { id: 'CV01', clause: '§2 exposure ≥2 consecutive cycles: VRd 2 cycles', rule: consec, events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-02-11', 'bortezomib + lenalidomide + dexamethasone', 2)], outcome: 'MET' },
  { id: 'CV02', clause: 'per drug: 1 cycle VRd then 1 cycle KRd is not 2 consecutive cycles of one PI', rule: consec,
    events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-01-21', 'bortezomib + lenalidomide + dexamethasone', 1), cyc('2023-01-22', '2023-02-18', 'carfilzomib + lenalidomide + dexamethasone', 1)], outcome: 'NOT_MET' },
  { id: 'CV03', clause: 'cycles not recorded → unknown', rule: consec, events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-03-01', 'bortezomib + lenalidomide + dexamethasone')], outcome: 'UNKNOWN' },
  { id: 'CV04', clause: 'two 1-cycle bortezomib courses back to back = 2 consecutive', rule: consec,
    events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-01-21', 'bortezomib + dexamethasone', 1), cyc('2023-01-22', '2023-02-11', 'bortezomib + dexamethasone', 1)], outcome: 'MET' },
  { id: 'CV05', clause: 'second course 28 days after the first\'s last dose: still the run (grouping window)', rule: consec,
    events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-01-21', 'bortezomib + dexamethasone', 1), cyc('2023-02-18', '2023-03-10', 'bortezomib + dexamethasone', 1)], outcome: 'MET' },
  { id: 'CV06', clause: 'second course 29 days after: not consecutive', rule: consec,
    events: () => [DEMO(), DX(), cyc('2023-01-01', '2023-01-21', 'bortezomib + dexamethasone', 1), cyc('2023-02-19', '2023-03-11', 'bortezomib + dexamethasone', 1)], outcome: 'NOT_MET' },

  // CANOVA exc-02: SCT within 16 / 12 weeks
  { id: 'CV07', clause: '§7 ASCT ≤12 weeks (84 days) excluded: ASCT 84 days ago', rule: () => ruleOf(CANOVA, 'exc-02'),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2024-10-01', '2025-02-01', { intent: 'induction' }), sct('2025-03-09')], outcome: 'MET', flipsOn: '2025-06-02' },
  { id: 'CV08', clause: '§7 ASCT 85 days ago → not excluded', rule: () => ruleOf(CANOVA, 'exc-02'),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2024-10-01', '2025-02-01', { intent: 'induction' }), sct('2025-03-08')], outcome: 'NOT_MET' },
  { id: 'CV09', clause: 'allo-SCT 112 days (16 weeks) ago → excluded', rule: () => ruleOf(CANOVA, 'exc-02'),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2024-06-01', '2024-10-01'), event('procedure', '2025-02-09', { kind: 'allogeneic-sct' })], outcome: 'MET', flipsOn: '2025-06-02' },
  { id: 'CV10', clause: 'allo-SCT 113 days ago → not excluded', rule: () => ruleOf(CANOVA, 'exc-02'),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2024-06-01', '2024-10-01'), event('procedure', '2025-02-08', { kind: 'allogeneic-sct' })], outcome: 'NOT_MET' },

  // Washout in half-lives, longer
  { id: 'WO01', clause: 'washout longer of 15 d and 5 × 108.6 h (22.6 d → day 23): 22 days → not met', rule: () => ({ fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'longer' }),
    events: () => [DEMO(), DX(), med('bortezomib + dexamethasone', '2025-01-01', '2025-05-10')], outcome: 'NOT_MET', flipsOn: '2025-06-02' },
  { id: 'WO02', clause: 'washout longer: 23 days → met', rule: () => ({ fact: 'timeSince', event: 'lastDose', drug: 'bortezomib', minDays: 15, halfLives: 5, combine: 'longer' }),
    events: () => [DEMO(), DX(), med('bortezomib + dexamethasone', '2025-01-01', '2025-05-09')], outcome: 'MET' },

  // Cockcroft–Gault
  { id: 'CG01', clause: '§7 CG: (140−80)×48/(72×1.0) = 40 ≥ 40', rule: () => ({ fact: 'creatinineClearance', op: '>=', value: 40 }),
    events: () => [DEMO('1945-05-01', 'male', 48), DX(), lab('2025-05-25', 'creatinine', 1.0, 'mg/dL')], outcome: 'MET' },
  { id: 'CG02', clause: '§7 CG: 40 is not > 40', rule: () => ({ fact: 'creatinineClearance', op: '>', value: 40 }),
    events: () => [DEMO('1945-05-01', 'male', 48), DX(), lab('2025-05-25', 'creatinine', 1.0, 'mg/dL')], outcome: 'NOT_MET' },
  { id: 'CG03', clause: '§7 CG SI: 88.4 µmol/L = 1.0 mg/dL → 40', rule: () => ({ fact: 'creatinineClearance', op: '>=', value: 40 }),
    events: () => [DEMO('1945-05-01', 'male', 48), DX(), lab('2025-05-25', 'creatinine', 88.4, 'umol/L')], outcome: 'MET' },
  { id: 'CG04', clause: '§7 CG female ×0.85: 40 × 0.85 = 34 < 40', rule: () => ({ fact: 'creatinineClearance', op: '>=', value: 40 }),
    events: () => [DEMO('1945-05-01', 'female', 48), DX(), lab('2025-05-25', 'creatinine', 1.0, 'mg/dL')], outcome: 'NOT_MET' },

  // prior target therapy
  { id: 'PT01', clause: '§7 prior BCMA ADC (belantamab) is BCMA-directed (modality any)', rule: () => ruleOf(MJ3, 'exc-03'),
    events: () => [DEMO(), DX(), med('belantamab mafodotin', '2024-01-01', '2024-06-01')], outcome: 'MET' },
  { id: 'PT02', clause: 'talquetamab (GPRC5D) is not BCMA-directed', rule: () => ruleOf(MJ3, 'exc-03'),
    events: () => [DEMO(), DX(), med('talquetamab', '2024-01-01', '2024-06-01')], outcome: 'NOT_MET' },
  { id: 'PT03', clause: 'idecabtagene vicleucel CAR-T is prior BCMA (MagnetisMM-3 cohort B)', rule: () => ruleOf(MM3, 'b-prior-bcma'),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-01'), carT('2023-01-10', 'idecabtagene vicleucel')], outcome: 'MET' },

  // DREAMM-7 exc-02 vs plain classRefractory on a progression 61 days after the last dara dose
  { id: 'PR01', clause: '§1 PD 61 days after last dara dose (after PR) → not refractory even by progression', rule: () => ruleOf(D7, 'exc-02'),
    events: () => [DEMO(), DX(), med('daratumumab + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-08-30', 'PD')], outcome: 'NOT_MET' },
  { id: 'PR02', clause: '§1 PD 60 days after last dara dose → refractory by progression', rule: () => ruleOf(D7, 'exc-02'),
    events: () => [DEMO(), DX(), med('daratumumab + lenalidomide + dexamethasone', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-08-29', 'PD')], outcome: 'MET' },

  { id: 'FL01', clause: '§2 penta-refractory needs bortezomib refractory too: H3 (bortezomib PR) → not met', rule: () => ({ fact: 'flag', name: 'pentaRefractory' }), events: H3, outcome: 'NOT_MET' },
  { id: 'FL02', clause: '§2 TCR flag on H3 (len, carfilzomib, dara refractory)', rule: () => ({ fact: 'flag', name: 'tripleClassRefractory' }), events: H3, outcome: 'MET' },
  { id: 'FL03', clause: '§2 MAMMOTH quad count: anti-CD38 + PI minDrugs 2 — only carfilzomib refractory → not met', rule: () => ({ all: [{ fact: 'classRefractory', class: 'ANTI_CD38' }, { fact: 'classRefractory', class: 'PI', minDrugs: 2 }, { fact: 'classRefractory', class: 'IMID' }] }), events: H3, outcome: 'NOT_MET' },
  { id: 'FL04', clause: '§2 IMiD minDrugs 2: len and pom both refractory on H3', rule: () => ({ fact: 'classRefractory', class: 'IMID', minDrugs: 2 }), events: H3, outcome: 'MET' },

  // §3 lines of therapy, as priorLines exactly N (MET expected)
  { id: 'LT01', clause: '§3 steroid-only change (dex → prednisone with len going on) opens no line', rule: () => ({ fact: 'priorLines', min: 1, max: 1 }),
    events: () => [DEMO(), DX(), med('lenalidomide', '2023-01-01', '2024-06-30'), med('dexamethasone', '2023-01-01', '2023-06-30'), med('prednisone', '2023-07-01', '2024-06-30')], outcome: 'MET' },
  { id: 'LT02', clause: '§3 dropping bortezomib from VRd is not discontinuation', rule: () => ({ fact: 'priorLines', min: 1, max: 1 }),
    events: () => [DEMO(), DX(), med('bortezomib', '2023-01-01', '2023-03-31'), med('lenalidomide + dexamethasone', '2023-01-01', '2023-12-31')], outcome: 'MET' },
  { id: 'LT03', clause: '§3 [S1] same regimen again after a treatment-free interval and progression = new line', rule: () => ({ fact: 'priorLines', min: 2, max: 2 }),
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2021-01-01', '2021-12-31', { reasonStopped: 'completed' }), R('2021-03-01', 'PR'), R('2021-05-01', 'PR'), R('2023-01-01', 'PD'),
      med('lenalidomide + dexamethasone', '2023-01-15', null)], outcome: 'MET' },
  { id: 'LT04', clause: '§3 step 4 hold: same agents restarted 45 days after stopping, no PD = same line', rule: () => ({ fact: 'priorLines', min: 1, max: 1 }),
    events: () => [DEMO(), DX(), med('lenalidomide + dexamethasone', '2023-01-01', '2023-03-31'), med('lenalidomide + dexamethasone', '2023-05-15', '2023-12-31')], outcome: 'MET' },
  { id: 'LT05', clause: '§3 rule 2 unplanned addition for progression (dara added to KRd after PD) = new line', rule: () => ({ fact: 'priorLines', min: 2, max: 2 }),
    events: () => [DEMO(), DX(), med('carfilzomib + lenalidomide + dexamethasone', '2023-01-01', null), R('2023-03-01', 'PR'), R('2023-04-01', 'PR'), R('2023-08-01', 'PD'), med('daratumumab', '2023-08-10', null)], outcome: 'MET' },
  { id: 'LT06', clause: '§3 rule 2: len maintenance stopped (toxicity), pom maintenance in its place = substitution, new line', rule: () => ({ fact: 'priorLines', min: 2, max: 2 }),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-30', { intent: 'induction' }), sct('2022-08-01'),
      med('lenalidomide', '2022-09-15', '2023-06-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2023-06-10', null, { intent: 'maintenance' })], outcome: 'MET' },
  { id: 'LT07', clause: '§3 rule 3: allo-SCT after an ASCT (not planned) = new line', rule: () => ({ fact: 'priorLines', min: 2, max: 2 }),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-30', { intent: 'induction' }), sct('2022-08-01'), event('procedure', '2023-03-01', { kind: 'allogeneic-sct' })], outcome: 'MET' },
  { id: 'LT08', clause: '§3 step 5: bridging and lymphodepletion belong to the CAR-T line', rule: () => ({ fact: 'priorLines', min: 2, max: 2 }),
    events: () => [DEMO(), DX(), ...L1(), med('carfilzomib + dexamethasone', '2021-03-10', '2021-04-15', { intent: 'bridging' }),
      med('fludarabine + cyclophosphamide', '2021-04-25', '2021-04-27', { intent: 'lymphodepletion' }), carT('2021-04-30', 'idecabtagene vicleucel')], outcome: 'MET' },
  { id: 'LT09', clause: '§3 step 4: cyclophosphamide mobilization before ASCT (no intent) opens no line', rule: () => ({ fact: 'priorLines', min: 1, max: 1 }),
    events: () => [DEMO(), DX(), med('bortezomib + lenalidomide + dexamethasone', '2022-01-01', '2022-06-30'), med('cyclophosphamide', '2022-07-10', '2022-07-11'), sct('2022-08-01'),
      med('lenalidomide', '2022-09-15', null, { intent: 'maintenance' })], outcome: 'MET' },
  { id: 'EC01', clause: 'ecog: the latest value (1 on 05-20) counts over an older 2', rule: () => ({ fact: 'ecog', max: 1 }), events: () => [...H1(), ecog(2, '2025-05-01'), ecog(1, '2025-05-20')], outcome: 'MET' },
  { id: 'EC02', clause: 'ecog: the latest value (2) counts over an older 1', rule: () => ({ fact: 'ecog', max: 1 }), events: () => [...H1(), ecog(1, '2025-05-01'), ecog(2, '2025-05-20')], outcome: 'NOT_MET' },

  // §8 regimen abbreviations, through catalog rules
  { id: 'AB01', clause: '§8 "MP": P = prednisone → SUCCESSOR-1 exc-05 (pomalidomide) not met', rule: () => ruleOf('NCT05519085', 'exc-05'),
    events: () => [DEMO(), DX(), med('MP', '2022-01-01', '2022-06-30')], outcome: 'NOT_MET' },
  { id: 'AB02', clause: '§8 "Pd": P = pomalidomide → SUCCESSOR-1 exc-05 met', rule: () => ruleOf('NCT05519085', 'exc-05'),
    events: () => [DEMO(), DX(), med('Pd', '2022-01-01', '2022-06-30')], outcome: 'MET' },
  { id: 'AB03', clause: '§8 "DRd": D = daratumumab → SUCCESSOR-2 inc-02 (len + anti-CD38) met', rule: () => ruleOf(SUC2, 'inc-02'),
    events: () => [DEMO(), DX(), med('DRd', '2022-01-01', '2022-06-30')], outcome: 'MET' },
  { id: 'AB04', clause: '§8 "Rd": d = dexamethasone, no anti-CD38 → SUCCESSOR-2 inc-02 not met', rule: () => ruleOf(SUC2, 'inc-02'),
    events: () => [DEMO(), DX(), med('Rd', '2022-01-01', '2022-06-30')], outcome: 'NOT_MET' },
  { id: 'AB05', clause: '§8 "VMP": bortezomib + melphalan + prednisone → PI yes, no lenalidomide → MagnetisMM-5 inc-03 not met', rule: () => ruleOf('NCT05020236', 'inc-03'),
    events: () => [DEMO(), DX(), med('VMP', '2022-01-01', '2022-06-30')], outcome: 'NOT_MET' },
  { id: 'AB06', clause: '§8 "Isa-Pd": isatuximab is anti-CD38', rule: () => ({ fact: 'classExposed', class: 'ANTI_CD38' }),
    events: () => [DEMO(), DX(), med('Isa-Pd', '2022-01-01', '2022-06-30')], outcome: 'MET' },

  // §5 FLC ratio normal range 0.26–1.65 (Freelite), CARTITUDE-4 inc-02 (serum 0.4, urine 150: FLC route)
  { id: 'FR01', clause: '§5 κ 165 / λ 100 mg/L: ratio 1.65 is normal → not measurable', rule: () => ruleOf(C4, 'inc-02'),
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.4), urine(150), ...flc(165, 100)], outcome: 'NOT_MET' },
  { id: 'FR02', clause: '§5 κ 166 / λ 100 mg/L: ratio 1.66 abnormal, involved 16.6 mg/dL → measurable', rule: () => ruleOf(C4, 'inc-02'),
    events: () => [DEMO(), DX(), ...CT_L1(), serum(0.4), urine(150), ...flc(166, 100)], outcome: 'MET' },
  { id: 'FR03', clause: '§5 λ disease: κ 26 / λ 100: ratio 0.26 is normal → not measurable', rule: () => ruleOf(C4, 'inc-02'),
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgG', 'lambda'), ...CT_L1(), serum(0.4), urine(150), ...flc(26, 100)], outcome: 'NOT_MET' },
  { id: 'FR04', clause: '§5 λ disease: κ 25 / λ 100: ratio 0.25 abnormal, involved λ 10 mg/dL → measurable', rule: () => ruleOf(C4, 'inc-02'),
    events: () => [DEMO(), diagnosis('2019-01-10', 'IgG', 'lambda'), ...CT_L1(), serum(0.4), urine(150), ...flc(25, 100)], outcome: 'MET' },
];

describe('eng32 criterion-level cases', () => {
  for (const c of rcases) {
    it(`${c.id} — ${c.clause}`, () => {
      const p = buildProfile(c.events(), AS_OF);
      const trace: LeafTrace[] = [];
      const r = compileRule(c.rule())({ profile: p, asOf: AS_OF, trace });
      const got: Record<string, unknown> = { outcome: r.outcome };
      const want: Record<string, unknown> = { outcome: c.outcome };
      if (c.flipsOn !== undefined) { got.flipsOn = r.flipsOn; want.flipsOn = c.flipsOn; }
      if (c.flipsTo !== undefined) { got.flipsTo = r.flipsTo; want.flipsTo = c.flipsTo; }
      if (c.check) { got.check = c.check(r, trace); want.check = c.want; }
      const diag = trace.map((l) => `${l.fact}:${l.outcome} exp=${l.expected} act=${l.actual} miss=${(l.missing ?? []).join(';')}${l.flipsOn ? ' flips ' + l.flipsOn : ''}`);
      expect({ ...got, ...(JSON.stringify(got) === JSON.stringify(want) ? {} : { diag }) }).toEqual(want);
    });
  }
});
