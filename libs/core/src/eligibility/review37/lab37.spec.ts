/**
 * lab37 — hand-derived eligibility-lab / organ-function cases (domain.md §7, docs/clinical-core.md Labs + settings,
 * docs/criteria-language.md lab/labTimesUln/creatinineClearance/ecog leaves). Expectations written from the docs
 * before reading the implementation. Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type S = typeof DEFAULT_SETTINGS;
const AS_OF = '2025-06-01';

const demo = (birthDate: string, sex: string, extra: Record<string, unknown> = {}, date = '2015-01-01'): Ev => event('demographics', date, { birthDate, sex, ...extra });
const wt = (d: string, kg: number, unit = 'kg'): Ev => lab(d, 'weight', kg, unit);
const scr = (d: string, v: number, unit = 'mg/dL'): Ev => lab(d, 'creatinine', v, unit);
const tlab = (at: string, name: string, value: number, unit: string, extra: Record<string, unknown> = {}): Ev => event('lab', at, { name, value, unit, ...extra });
const ecogEv = (d: string, v: number): Ev => event('performance-status', d, { ecog: v });
const transfusion = (d: string, product?: string): Ev => event('procedure', d, { kind: 'transfusion', ...(product ? { product } : {}) });
const cond = (d: string, kind: string, status = 'active'): Ev => event('condition', d, { kind, status });
const withSettings = (patch: Partial<S['crcl']>): S => ({ ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, ...patch } });

const outcome = (rule: unknown, p: P, asOf = AS_OF) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;

// Rules
const CG = (op: string, value: number, extra: Record<string, unknown> = {}) => ({ fact: 'creatinineClearance', op, value, ...extra });
const ANC = (extra: Record<string, unknown> = {}) => ({ fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L', ...extra });
const ANC7 = ANC({ minDaysAfterSupport: 7 });
const PLT = (v: number, extra: Record<string, unknown> = {}) => ({ fact: 'lab', name: 'platelets', op: '>=', value: v, unit: '10*9/L', ...extra });
const PLT7 = PLT(75, { minDaysAfterSupport: 7 });
const PLT_RULE = { if: { fact: 'lab', name: 'marrowPlasmaCells', op: '>', value: 50, unit: '%' }, then: PLT(50), else: PLT(75) };
const HB = (extra: Record<string, unknown> = {}) => ({ fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL', ...extra });
const AST25 = { fact: 'labTimesUln', name: 'ast', op: '<', value: 2.5 };
const ALT25 = { fact: 'labTimesUln', name: 'alt', op: '<', value: 2.5 };
const BILI2 = { fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 2 };
const GILBERT_RULE = { any: [BILI2, { all: [{ fact: 'condition', kind: 'gilbert-syndrome' }, { fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 3 }] }] };
const LVEF = { fact: 'lab', name: 'lvef', op: '>', value: 40, unit: '%' };
const ECOG = (max: number, extra: Record<string, unknown> = {}) => ({ fact: 'ecog', max, ...extra });

const trialRule = (file: string, id: string): unknown => {
  const t = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', file), 'utf8')) as { criteria: Array<{ id: string; rule: unknown }>; cohorts?: Array<{ criteria: Array<{ id: string; rule: unknown }> }> };
  const all = [...t.criteria, ...(t.cohorts ?? []).flatMap((c) => c.criteria)];
  return all.find((c) => c.id === id)!.rule;
};

// Man born 1955-05-25: 69 on the creatinine day 2025-05-20, 70 on the screening day 2025-06-01.
const MAN55 = demo('1955-05-25', 'male');
// Woman aged 52 (born 1973-03-01), 72 kg, SCr 1.87 → (88 × 72)/(72 × 1.87) × 0.85 = 40.0 exactly.
const W52 = (sex = 'female') => demo('1973-03-01', sex);

interface Case { id: string; clause: string; summary: string; events: Ev[]; rule?: unknown; read?: (p: P) => unknown; expected: unknown; settings?: S; asOf?: string }

const cases: Case[] = [
  // ---------------- Cockcroft–Gault ----------------
  { id: 'C01', clause: '§7 CG; crit-lang: age on the creatinine\'s day', summary: 'man 69 on SCr day (70 on screening), 72 kg, SCr 1.775 → 40.0 exactly; ≥40', events: [MAN55, wt('2025-05-20', 72), scr('2025-05-20', 1.775)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C02', clause: '§7 CG; age on creatinine day', summary: 'same, CrCl value', events: [MAN55, wt('2025-05-20', 72), scr('2025-05-20', 1.775)], read: (p) => p.labs.crcl?.value, expected: 40 },
  { id: 'C03', clause: '§7 CG; compared unrounded', summary: 'same, >40 is not met at exactly 40', events: [MAN55, wt('2025-05-20', 72), scr('2025-05-20', 1.775)], rule: CG('>', 40), expected: 'NOT_MET' },
  { id: 'C04', clause: '§7 CG × 0.85 female; docs noise example', summary: 'woman 52, 72 kg, SCr 1.87 → 40; ≥40', events: [W52(), wt('2025-05-20', 72), scr('2025-05-20', 1.87)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C05', clause: '§7 CG SI: /88.4', summary: 'woman 52, 72 kg, SCr 165.308 µmol/L (=1.87 mg/dL) → 40; ≥40', events: [W52(), wt('2025-05-20', 72), scr('2025-05-20', 165.308, 'umol/L')], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C06', clause: '§7 CG SI: /88.4; µ spelling', summary: 'same with "µmol/L"', events: [W52(), wt('2025-05-20', 72), scr('2025-05-20', 165.308, 'µmol/L')], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C07', clause: '§7 CG SI', summary: 'man 60 (born 1965-01-01), 72 kg, SCr 88.4 µmol/L → 80', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 88.4, 'umol/L')], read: (p) => p.labs.crcl?.value, expected: 80 },
  { id: 'C08', clause: '§7 CG; 30 threshold', summary: 'woman 52, 72 kg, SCr 1.87 → 40 ≥ 30 met; <30 exclusion not met', events: [W52(), wt('2025-05-20', 72), scr('2025-05-20', 1.87)], rule: CG('<', 30), expected: 'NOT_MET' },
  { id: 'C09', clause: 'setting crcl.roundUpCreatinineBelowOne=false default', summary: 'man 60, 50 kg, SCr 0.7 → 79.37 ≥60', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 50), scr('2025-05-20', 0.7)], rule: CG('>=', 60), expected: 'MET' },
  { id: 'C10', clause: 'setting crcl.roundUpCreatinineBelowOne=true', summary: 'man 60, 50 kg, SCr 0.7 rounded to 1 → 55.56 <60', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 50), scr('2025-05-20', 0.7)], rule: CG('>=', 60), settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 'NOT_MET' },
  { id: 'C11', clause: 'roundUp + SI', summary: 'SCr 61.88 µmol/L (0.7) rounds up too → 55.56', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 50), scr('2025-05-20', 61.88, 'umol/L')], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 55.56 },
  { id: 'C12', clause: 'roundUp only below one', summary: 'SCr 1.2 untouched with rounding → 80*50/(72*1.2)=46.30 ≥46.29', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 50), scr('2025-05-20', 1.2)], rule: CG('>=', 46.29), settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 'MET' },
  { id: 'C13', clause: 'setting crcl.weight=ideal (Devine)', summary: 'man 60, 170.18 cm (67 in) → IBW 66.1, actual 90, SCr 1 → 73.44', events: [demo('1965-01-01', 'male', { heightCm: 170.18 }), wt('2025-05-20', 90), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ weight: 'ideal' }), expected: 73.44 },
  { id: 'C14', clause: 'setting crcl.weight=adjusted', summary: 'same, adjusted 66.1+0.4×23.9=75.66 → 84.07', events: [demo('1965-01-01', 'male', { heightCm: 170.18 }), wt('2025-05-20', 90), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ weight: 'adjusted' }), expected: 84.07 },
  { id: 'C15', clause: 'adjusted: at/below ideal → actual', summary: 'man 67 in, actual 60 < IBW 66.1 → 80×60/72=66.67', events: [demo('1965-01-01', 'male', { heightCm: 170.18 }), wt('2025-05-20', 60), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ weight: 'adjusted' }), expected: 66.67 },
  { id: 'C16', clause: 'ideal with no height: no CrCl → UNKNOWN', summary: 'no height, weight ideal', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 90), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weight: 'ideal' }), expected: 'UNKNOWN' },
  { id: 'C17', clause: 'ideal female Devine 45.5', summary: 'woman 52, 157.48 cm (62 in) → IBW 50.1; SCr 1 → 88×50.1/72×0.85=52.05', events: [W52('female'), event('demographics', '2015-01-01', { heightCm: 157.48 }), wt('2025-05-20', 80), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ weight: 'ideal' }), expected: 52.05 },
  { id: 'C18', clause: 'crcl weight closest to creatinine (before or after)', summary: 'weights 2025-01-01 100 kg, 2025-05-25 60 kg; SCr 05-20 → uses 60', events: [demo('1965-01-01', 'male'), wt('2025-01-01', 100), wt('2025-05-25', 60), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.inputs.weightKg, expected: 60 },
  { id: 'C19', clause: 'weight from demographics event is a candidate', summary: 'demographics weight 70 kg on 05-19, lab weight 90 on 2025-01-01; SCr 05-20 → 70', events: [demo('1965-01-01', 'male', { weightKg: 70 }, '2025-05-19'), wt('2025-01-01', 90), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.inputs.weightKg, expected: 70 },
  { id: 'C20', clause: 'weight in lb', summary: 'weight 154.32358 lb = 70 kg; man 60 SCr 1 → 77.78', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 154.32358, 'lb'), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, expected: 77.78 },
  { id: 'C21', clause: 'setting weightMaxDaysFromCreatinine', summary: 'limit 30; only weight 31 days from SCr → UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-04-19', 70), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weightMaxDaysFromCreatinine: 30 }), expected: 'UNKNOWN' },
  { id: 'C22', clause: 'setting weightMaxDaysFromCreatinine (edge)', summary: 'limit 30; weight exactly 30 days from SCr → used → MET', events: [demo('1965-01-01', 'male'), wt('2025-04-20', 70), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weightMaxDaysFromCreatinine: 30 }), expected: 'MET' },
  { id: 'C23', clause: 'crit-lang: other sex → both agree decided', summary: 'sex other, 52y, 72 kg, SCr 1.87 → 40 / 47.06; ≥40', events: [W52('other'), wt('2025-05-20', 72), scr('2025-05-20', 1.87)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C24', clause: 'crit-lang: other sex → disagree unknown', summary: 'same; ≥45', events: [W52('other'), wt('2025-05-20', 72), scr('2025-05-20', 1.87)], rule: CG('>=', 45), expected: 'UNKNOWN' },
  { id: 'C25', clause: 'crit-lang: other sex, no sex recorded', summary: 'sex none: unknown sex too; ≥45 → UNKNOWN', events: [event('demographics', '2015-01-01', { birthDate: '1973-03-01' }), wt('2025-05-20', 72), scr('2025-05-20', 1.87)], rule: CG('>=', 45), expected: 'UNKNOWN' },
  { id: 'C26', clause: 'Labs: latest value, not worst', summary: 'SCr 05-01 2.5, 05-20 1.0; man 60 72 kg → 80 ≥40', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-01', 2.5), scr('2025-05-20', 1.0)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C27', clause: 'Labs: order by day written (23:30-05:00 is 05-19)', summary: 'SCr 2025-05-19T23:30-05:00 = 3.0 and untimed 05-20 = 1.0 → latest is 1.0', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), tlab('2025-05-19T23:30:00-05:00', 'creatinine', 3.0, 'mg/dL'), scr('2025-05-20', 1.0)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C28', clause: 'Labs: timed later wins within a day', summary: 'SCr 05-20 08:00 = 1.0, 05-20 16:00 = 3.0 → 26.67 → ≥40 NOT_MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), tlab('2025-05-20T16:00:00Z', 'creatinine', 3.0, 'mg/dL'), tlab('2025-05-20T08:00:00Z', 'creatinine', 1.0, 'mg/dL')], rule: CG('>=', 40), expected: 'NOT_MET' },
  { id: 'C29', clause: 'Labs: untimed before timed in one day', summary: 'SCr 05-20 untimed 3.0, 05-20T08:00 1.0 → 1.0 → MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), tlab('2025-05-20T08:00:00Z', 'creatinine', 1.0, 'mg/dL'), scr('2025-05-20', 3.0)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C30', clause: 'sameTime creatinine → CG decided differently → UNKNOWN', summary: 'SCr 05-20 untimed 1.0 and 3.0', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-05-20', 3.0)], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'C31', clause: 'sameTime creatinine both sides agree', summary: 'SCr 05-20 untimed 1.0 and 1.2 → both ≥40 → MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-05-20', 1.2)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C32', clause: 'maxAgeDays 60 default; exactly 60 days', summary: 'SCr 2025-04-02 (60 days before) → MET', events: [demo('1965-01-01', 'male'), wt('2025-04-02', 72), scr('2025-04-02', 1.0)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C33', clause: 'maxAgeDays 60 default; 61 days', summary: 'SCr 2025-04-01 (61 days) → UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-04-01', 72), scr('2025-04-01', 1.0)], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'C34', clause: 'respect the method named: egfr reported', summary: 'reported eGFR 45, CG 26.7 → egfr ≥40 MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 3.0), lab('2025-05-20', 'egfr', 45, 'mL/min/{1.73_m2}')], rule: CG('>=', 40, { method: 'egfr' }), expected: 'MET' },
  { id: 'C35', clause: 'respect the method: CG not from eGFR', summary: 'only a reported eGFR 90, no creatinine → CG UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), lab('2025-05-20', 'egfr', 90, 'mL/min/{1.73_m2}')], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'C36', clause: 'method measured (24-h urine)', summary: 'measured CrCl 39.9 → ≥40 NOT_MET though CG 80', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), lab('2025-05-20', 'measured creatinine clearance', 39.9, 'mL/min')], rule: CG('>=', 40, { method: 'measured' }), expected: 'NOT_MET' },
  { id: 'C37', clause: 'method measured, none on record', summary: 'creatinine only → measured UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0)], rule: CG('>=', 40, { method: 'measured' }), expected: 'UNKNOWN' },
  { id: 'C38', clause: 'egfr: CKD-EPI 2021 computed', summary: 'woman 60 SCr 0.7 → 98.95', events: [demo('1965-01-01', 'female'), scr('2025-05-20', 0.7)], read: (p) => Math.round((p.labs.egfrComputed?.value ?? 0) * 100) / 100, expected: 98.95 },
  { id: 'C39', clause: 'egfr: CKD-EPI 2021 computed (male)', summary: 'man 60 SCr 1.0 → 86.16', events: [demo('1965-01-01', 'male'), scr('2025-05-20', 1.0)], read: (p) => Math.round((p.labs.egfrComputed?.value ?? 0) * 100) / 100, expected: 86.16 },
  { id: 'C40', clause: 'egfr: more recent of reported and computed', summary: 'reported eGFR 45 on 05-10; SCr 05-20 woman 70 1.5 → 37.26; ≥40 NOT_MET', events: [demo('1955-01-01', 'female'), lab('2025-05-10', 'egfr', 45, 'mL/min/{1.73_m2}'), scr('2025-05-20', 1.5)], rule: CG('>=', 40, { method: 'egfr' }), expected: 'NOT_MET' },
  { id: 'C41', clause: 'egfr: reported one on the same day wins', summary: 'reported eGFR 45 and SCr (37.26) same day → MET', events: [demo('1955-01-01', 'female'), lab('2025-05-20', 'egfr', 45, 'mL/min/{1.73_m2}'), scr('2025-05-20', 1.5)], rule: CG('>=', 40, { method: 'egfr' }), expected: 'MET' },
  { id: 'C42', clause: 'egfr computed: age on creatinine day', summary: 'man born 1955-05-25 SCr 1.6 on 05-20 → age 69: 142×(1.6/.9)^-1.2×.9938^69', events: [MAN55, scr('2025-05-20', 1.6)], read: (p) => Math.round((p.labs.egfrComputed?.value ?? 0) * 100) / 100, expected: Math.round(142 * (1.6 / 0.9) ** -1.2 * 0.9938 ** 69 * 100) / 100 },
  { id: 'C43', clause: 'crit-lang: a later creatinine set aside → UNKNOWN', summary: 'SCr 05-10 1.0 valid; 05-20 value 45 mg/dL (>plausible 40) → UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-10', 1.0), scr('2025-05-20', 45)], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'C44', clause: 'labs after the screening day ignored', summary: 'asOf 06-01; SCr 05-20 1.0 and 06-05 3.0 (after) → MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-06-05', 3.0)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C45', clause: 'age on creatinine day (birthday on the creatinine day)', summary: 'man born 1955-05-20, SCr 2025-05-20 → age 70: 70×72/(72×1.75)=40 → ≥40 MET', events: [demo('1955-05-20', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.75)], rule: CG('>=', 40), expected: 'MET' },
  { id: 'C46', clause: 'age on creatinine day (birthday the day after)', summary: 'man born 1955-05-21, SCr 05-20 → age 69: 71×72/(72×1.775)=40', events: [demo('1955-05-21', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.775)], rule: CG('>=', 40), expected: 'MET' },

  // ---------------- ANC ----------------
  { id: 'A01', clause: '§7 ANC ≥1.0', summary: 'ANC 1.0 ×10^9/L', events: [lab('2025-05-20', 'anc', 1.0, '10*9/L')], rule: ANC(), expected: 'MET' },
  { id: 'A02', clause: '§7 ANC ≥1.0', summary: 'ANC 0.99', events: [lab('2025-05-20', 'anc', 0.99, '10*9/L')], rule: ANC(), expected: 'NOT_MET' },
  { id: 'A03', clause: 'units /µL', summary: 'ANC 1000 /µL = 1.0', events: [lab('2025-05-20', 'anc', 1000, '/µL')], rule: ANC(), expected: 'MET' },
  { id: 'A04', clause: 'units cells/mm³', summary: 'ANC 990 cells/mm³ = 0.99', events: [lab('2025-05-20', 'anc', 990, 'cells/mm³')], rule: ANC(), expected: 'NOT_MET' },
  { id: 'A05', clause: 'units K/µL', summary: 'ANC 1.0 K/µL', events: [lab('2025-05-20', 'anc', 1.0, 'K/µL')], rule: ANC(), expected: 'MET' },
  { id: 'A06', clause: 'rule unit /µL converted at compile', summary: 'rule ≥1000 /µL, ANC 1.0 ×10^9/L', events: [lab('2025-05-20', 'anc', 1.0, '10*9/L')], rule: { fact: 'lab', name: 'anc', op: '>=', value: 1000, unit: '/uL' }, expected: 'MET' },
  { id: 'A07', clause: '§7 G-CSF ≥7 days before: exactly 7', summary: 'filgrastim ends 05-13, ANC 05-20 1.5', events: [med('filgrastim', '2025-05-09', '2025-05-13'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'MET' },
  { id: 'A08', clause: '§7 G-CSF within 7 days → unknown', summary: 'filgrastim ends 05-14, ANC 05-20 1.5 (6 days)', events: [med('filgrastim', '2025-05-09', '2025-05-14'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A09', clause: 'support only raises: failing value decided', summary: 'filgrastim ends 05-18, ANC 05-20 0.8', events: [med('filgrastim', '2025-05-09', '2025-05-18'), lab('2025-05-20', 'anc', 0.8, '10*9/L')], rule: ANC7, expected: 'NOT_MET' },
  { id: 'A10', clause: 'biosimilar suffix', summary: 'filgrastim-sndz ends 05-16, ANC 05-20 1.5', events: [med('filgrastim-sndz', '2025-05-09', '2025-05-16'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A11', clause: 'pegfilgrastim single dose', summary: 'pegfilgrastim 05-15 only, ANC 05-20 1.5', events: [med('pegfilgrastim', '2025-05-15', '2025-05-15'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A12', clause: 'G-CSF after the lab does not prop it', summary: 'ANC 05-20 1.5; filgrastim 05-22..05-25', events: [lab('2025-05-20', 'anc', 1.5, '10*9/L'), med('filgrastim', '2025-05-22', '2025-05-25')], rule: ANC7, expected: 'MET' },
  { id: 'A13', clause: 'G-CSF ongoing at the lab', summary: 'filgrastim from 05-01 ongoing, ANC 05-20 1.5', events: [med('filgrastim', '2025-05-01', null), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A14', clause: 'latest value used; earlier unsupported value does not rescue', summary: 'ANC 05-10 1.5, filgrastim 05-12..05-16, ANC 05-20 1.2', events: [lab('2025-05-10', 'anc', 1.5, '10*9/L'), med('filgrastim', '2025-05-12', '2025-05-16'), lab('2025-05-20', 'anc', 1.2, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A15', clause: 'ANC support:transfusion refused at compile', summary: 'compile throws', events: [], read: () => { try { compileRule(ANC({ minDaysAfterSupport: 7, support: 'transfusion' })); return 'compiled'; } catch { return 'refused'; } }, expected: 'refused' },
  { id: 'A16', clause: 'a platelet transfusion does not prop an ANC', summary: 'platelet transfusion 05-18, ANC 05-20 1.5, support any', events: [transfusion('2025-05-18', 'platelets'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'MET' },
  { id: 'A17', clause: 'sargramostim is a growth factor', summary: 'sargramostim ends 05-17, ANC 05-20 1.5', events: [med('sargramostim', '2025-05-10', '2025-05-17'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'A18', clause: 'implausible ANC set aside (×10⁹/L written for /µL)', summary: 'ANC 05-10 1.5, ANC 05-20 "400 ×10^9/L" → UNKNOWN', events: [lab('2025-05-10', 'anc', 1.5, '10*9/L'), lab('2025-05-20', 'anc', 400, '10*9/L')], rule: ANC(), expected: 'UNKNOWN' },
  { id: 'A19', clause: 'exponent without marker refused', summary: 'ANC 05-20 "1.5 ×109/L" only → UNKNOWN', events: [lab('2025-05-20', 'anc', 1.5, '×109/L')], rule: ANC(), expected: 'UNKNOWN' },
  { id: 'A20', clause: 'G-CSF exactly 7 days, same day as lab 7 days later, ongoing course ended', summary: 'filgrastim 05-01..05-13, then ANC 05-20 0.99 → NOT_MET', events: [med('filgrastim', '2025-05-01', '2025-05-13'), lab('2025-05-20', 'anc', 0.99, '10*9/L')], rule: ANC7, expected: 'NOT_MET' },

  // ---------------- Platelets ----------------
  { id: 'P01', clause: '§7 plt ≥75', summary: 'plt 75', events: [lab('2025-05-20', 'platelets', 75, '10*9/L')], rule: PLT(75), expected: 'MET' },
  { id: 'P02', clause: '§7 plt ≥75', summary: 'plt 74', events: [lab('2025-05-20', 'platelets', 74, '10*9/L')], rule: PLT(75), expected: 'NOT_MET' },
  { id: 'P03', clause: 'units /µL', summary: 'plt 75000 /µL', events: [lab('2025-05-20', 'platelets', 75000, '/uL')], rule: PLT(75), expected: 'MET' },
  { id: 'P04', clause: 'units x10^3/µL', summary: 'plt 74.9 x10^3/µL', events: [lab('2025-05-20', 'platelets', 74.9, 'x10^3/µL')], rule: PLT(75), expected: 'NOT_MET' },
  { id: 'P05', clause: 'units G/L', summary: 'plt 80 G/L', events: [lab('2025-05-20', 'platelets', 80, 'G/L')], rule: PLT(75), expected: 'MET' },
  { id: 'P06', clause: '§7 ≥50 if marrow PCs >50%: marrow exactly 50', summary: 'BMPC 50%, plt 60 → else branch ≥75 → NOT_MET', events: [lab('2025-05-10', 'marrow plasma cells', 50, '%'), lab('2025-05-20', 'platelets', 60, '10*9/L')], rule: PLT_RULE, expected: 'NOT_MET' },
  { id: 'P07', clause: '§7 ≥50 if marrow PCs >50%', summary: 'BMPC 51%, plt 60 → MET', events: [lab('2025-05-10', 'marrow plasma cells', 51, '%'), lab('2025-05-20', 'platelets', 60, '10*9/L')], rule: PLT_RULE, expected: 'MET' },
  { id: 'P08', clause: '§7 if unknown marrow: branches disagree', summary: 'no marrow, plt 60 → UNKNOWN', events: [lab('2025-05-20', 'platelets', 60, '10*9/L')], rule: PLT_RULE, expected: 'UNKNOWN' },
  { id: 'P09', clause: '§7 if unknown marrow: branches agree', summary: 'no marrow, plt 80 → MET', events: [lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT_RULE, expected: 'MET' },
  { id: 'P10', clause: '§7 if unknown marrow: both fail', summary: 'no marrow, plt 49 → NOT_MET', events: [lab('2025-05-20', 'platelets', 49, '10*9/L')], rule: PLT_RULE, expected: 'NOT_MET' },
  { id: 'P11', clause: 'marrow too old (>60 d) → unknown', summary: 'BMPC 60% on 2025-03-01, plt 60 → UNKNOWN', events: [lab('2025-03-01', 'marrow plasma cells', 60, '%'), lab('2025-05-20', 'platelets', 60, '10*9/L')], rule: PLT_RULE, expected: 'UNKNOWN' },
  { id: 'P12', clause: '§7 no transfusion within 7 days: exactly 7', summary: 'platelet transfusion 05-13, plt 05-20 80', events: [transfusion('2025-05-13', 'platelets'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'MET' },
  { id: 'P13', clause: '§7 transfusion within 7 days', summary: 'platelet transfusion 05-14, plt 05-20 80', events: [transfusion('2025-05-14', 'platelets'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'P14', clause: 'red-cell transfusion does not prop platelets', summary: 'RBC transfusion 05-18, plt 80', events: [transfusion('2025-05-18', 'packed red blood cells'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'MET' },
  { id: 'P15', clause: 'unspecified product may be platelets', summary: '"blood transfusion" 05-18, plt 80', events: [transfusion('2025-05-18', 'blood transfusion'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'P16', clause: 'transfused and still failing: decided', summary: 'platelet transfusion 05-18, plt 70 → NOT_MET', events: [transfusion('2025-05-18', 'platelets'), lab('2025-05-20', 'platelets', 70, '10*9/L')], rule: PLT7, expected: 'NOT_MET' },
  { id: 'P17', clause: 'TPO-RA props platelets', summary: 'romiplostim 05-15 single, plt 80', events: [med('romiplostim', '2025-05-15', '2025-05-15'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'P18', clause: 'support: transfusion ignores agents', summary: 'eltrombopag to 05-18, plt 80, support transfusion', events: [med('eltrombopag', '2025-05-01', '2025-05-18'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT(75, { minDaysAfterSupport: 7, support: 'transfusion' }), expected: 'MET' },
  { id: 'P19', clause: 'support: agent ignores transfusions', summary: 'platelet transfusion 05-18, plt 80, support agent', events: [transfusion('2025-05-18', 'platelets'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT(75, { minDaysAfterSupport: 7, support: 'agent' }), expected: 'MET' },
  { id: 'P20', clause: 'transfusion after lab does not prop it', summary: 'plt 05-20 80, platelet transfusion 05-25', events: [lab('2025-05-20', 'platelets', 80, '10*9/L'), transfusion('2025-05-25', 'platelets')], rule: PLT7, expected: 'MET' },
  { id: 'P21', clause: 'mixed product props both', summary: '"red cells and platelets" 05-18; plt 80', events: [transfusion('2025-05-18', 'red cells and platelets'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'P22', clause: 'if-rule + transfusion combined', summary: 'BMPC 60%, platelet transfusion 05-18, plt 55 (then-branch ≥50 with support 7d) → UNKNOWN', events: [lab('2025-05-10', 'marrow plasma cells', 60, '%'), transfusion('2025-05-18', 'platelets'), lab('2025-05-20', 'platelets', 55, '10*9/L')], rule: { if: { fact: 'lab', name: 'marrowPlasmaCells', op: '>', value: 50, unit: '%' }, then: PLT(50, { minDaysAfterSupport: 7 }), else: PLT(75, { minDaysAfterSupport: 7 }) }, expected: 'UNKNOWN' },
  { id: 'P23', clause: 'same-day platelet duplicates disagree', summary: 'plt 05-20 untimed 70 and 80 → UNKNOWN', events: [lab('2025-05-20', 'platelets', 70, '10*9/L'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT(75), expected: 'UNKNOWN' },
  { id: 'P24', clause: 'plt 150,000 "×10⁹/L" implausible → set aside', summary: 'only value 150000 ×10^9/L → UNKNOWN', events: [lab('2025-05-20', 'platelets', 150000, '10*9/L')], rule: PLT(75), expected: 'UNKNOWN' },

  // ---------------- Haemoglobin ----------------
  { id: 'H01', clause: '§7 Hb ≥8', summary: 'Hb 8.0', events: [lab('2025-05-20', 'hemoglobin', 8.0, 'g/dL')], rule: HB(), expected: 'MET' },
  { id: 'H02', clause: '§7 Hb ≥8', summary: 'Hb 7.99', events: [lab('2025-05-20', 'hemoglobin', 7.99, 'g/dL')], rule: HB(), expected: 'NOT_MET' },
  { id: 'H03', clause: 'g/L', summary: 'Hb 80 g/L', events: [lab('2025-05-20', 'hemoglobin', 80, 'g/L')], rule: HB(), expected: 'MET' },
  { id: 'H04', clause: 'g/L', summary: 'Hb 79 g/L', events: [lab('2025-05-20', 'hemoglobin', 79, 'g/L')], rule: HB(), expected: 'NOT_MET' },
  { id: 'H05', clause: 'mmol/L (16,114.5 g/mol)', summary: 'Hb 5.0 mmol/L = 8.06 g/dL', events: [lab('2025-05-20', 'hemoglobin', 5.0, 'mmol/L')], rule: HB(), expected: 'MET' },
  { id: 'H06', clause: 'mmol/L', summary: 'Hb 4.9 mmol/L = 7.90 g/dL', events: [lab('2025-05-20', 'hemoglobin', 4.9, 'mmol/L')], rule: HB(), expected: 'NOT_MET' },
  { id: 'H07', clause: 'rule in g/L converted', summary: 'rule ≥80 g/L; Hb 8.0 g/dL', events: [lab('2025-05-20', 'hemoglobin', 8.0, 'g/dL')], rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 80, unit: 'g/L' }, expected: 'MET' },
  { id: 'H08', clause: '§7 RBC transfusion ≥7 days before', summary: 'RBC transfusion 05-14, Hb 05-20 9', events: [transfusion('2025-05-14', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB({ minDaysAfterSupport: 7 }), expected: 'UNKNOWN' },
  { id: 'H09', clause: '§7 RBC transfusion exactly 7 days before', summary: 'RBC transfusion 05-13, Hb 05-20 9', events: [transfusion('2025-05-13', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB({ minDaysAfterSupport: 7 }), expected: 'MET' },
  { id: 'H10', clause: 'ESA props Hb (support any)', summary: 'epoetin alfa to 05-18, Hb 9', events: [med('epoetin alfa', '2025-05-01', '2025-05-18'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB({ minDaysAfterSupport: 7 }), expected: 'UNKNOWN' },
  { id: 'H11', clause: 'catalog NCT04181827 inc-07 (CARTITUDE-4): EPO allowed', summary: 'epoetin alfa to 05-18, Hb 9 → MET', events: [med('epoetin alfa', '2025-05-01', '2025-05-18'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: trialRule('NCT04181827.json', 'inc-07'), expected: 'MET' },
  { id: 'H12', clause: 'catalog NCT04181827 inc-07: RBC within 7 days', summary: 'RBC 05-15, Hb 9 → UNKNOWN', events: [transfusion('2025-05-15', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: trialRule('NCT04181827.json', 'inc-07'), expected: 'UNKNOWN' },
  { id: 'H13', clause: 'catalog NCT04181827 inc-07: RBC within 7 days, Hb fails anyway', summary: 'RBC 05-15, Hb 7.5 → NOT_MET', events: [transfusion('2025-05-15', 'red cells'), lab('2025-05-20', 'hemoglobin', 7.5, 'g/dL')], rule: trialRule('NCT04181827.json', 'inc-07'), expected: 'NOT_MET' },
  { id: 'H14', clause: 'platelet-only transfusion does not prop Hb', summary: 'platelet transfusion 05-18, Hb 9', events: [transfusion('2025-05-18', 'platelets'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB({ minDaysAfterSupport: 7 }), expected: 'MET' },
  { id: 'H15', clause: 'Hb 120 "g/dL" implausible set aside after valid value', summary: 'Hb 05-10 9 g/dL, Hb 05-20 120 g/dL → UNKNOWN', events: [lab('2025-05-10', 'hemoglobin', 9, 'g/dL'), lab('2025-05-20', 'hemoglobin', 120, 'g/dL')], rule: HB(), expected: 'UNKNOWN' },
  { id: 'H16', clause: 'Hb window exactly 60 days', summary: 'Hb 2025-04-02 9 → MET', events: [lab('2025-04-02', 'hemoglobin', 9, 'g/dL')], rule: HB(), expected: 'MET' },
  { id: 'H17', clause: 'Hb window 61 days', summary: 'Hb 2025-04-01 9 → UNKNOWN', events: [lab('2025-04-01', 'hemoglobin', 9, 'g/dL')], rule: HB(), expected: 'UNKNOWN' },
  { id: 'H18', clause: 'maxAgeDays 14 edge', summary: 'Hb 2025-05-18 (14 d) 9 → MET', events: [lab('2025-05-18', 'hemoglobin', 9, 'g/dL')], rule: HB({ maxAgeDays: 14 }), expected: 'MET' },
  { id: 'H19', clause: 'maxAgeDays 14 edge +1', summary: 'Hb 2025-05-17 (15 d) 9 → UNKNOWN', events: [lab('2025-05-17', 'hemoglobin', 9, 'g/dL')], rule: HB({ maxAgeDays: 14 }), expected: 'UNKNOWN' },
  { id: 'H20', clause: 'latest not worst', summary: 'Hb 05-01 7.0, 05-20 8.5 → MET', events: [lab('2025-05-01', 'hemoglobin', 7.0, 'g/dL'), lab('2025-05-20', 'hemoglobin', 8.5, 'g/dL')], rule: HB(), expected: 'MET' },
  { id: 'H21', clause: 'latest not best', summary: 'Hb 05-01 9.0, 05-20 7.5 → NOT_MET', events: [lab('2025-05-01', 'hemoglobin', 9.0, 'g/dL'), lab('2025-05-20', 'hemoglobin', 7.5, 'g/dL')], rule: HB(), expected: 'NOT_MET' },
  { id: 'H22', clause: 'support date vs timed lab: RBC on 05-13 and Hb timed 05-20T01:00', summary: 'exactly 7 days by day → MET', events: [transfusion('2025-05-13', 'red cells'), tlab('2025-05-20T01:00:00Z', 'hemoglobin', 9, 'g/dL')], rule: HB({ minDaysAfterSupport: 7 }), expected: 'MET' },

  // ---------------- Liver ----------------
  { id: 'L01', clause: '§7 AST <2.5×ULN at exactly 2.5', summary: 'AST 100, ULN 40', events: [lab('2025-05-20', 'ast', 100, 'U/L', { uln: 40 })], rule: AST25, expected: 'NOT_MET' },
  { id: 'L02', clause: '§7 AST <2.5×ULN', summary: 'AST 99, ULN 40', events: [lab('2025-05-20', 'ast', 99, 'U/L', { uln: 40 })], rule: AST25, expected: 'MET' },
  { id: 'L03', clause: 'IU/L read as U/L', summary: 'ALT 70 IU/L, ULN 35 IU/L → 2.0', events: [lab('2025-05-20', 'alt', 70, 'IU/L', { uln: 35 })], rule: ALT25, expected: 'MET' },
  { id: 'L04', clause: 'no ULN → UNKNOWN', summary: 'AST 30, no ULN', events: [lab('2025-05-20', 'ast', 30, 'U/L')], rule: AST25, expected: 'UNKNOWN' },
  { id: 'L05', clause: 'lab\'s own ULN (latest)', summary: 'AST 05-01 90/ULN40, 05-20 90/ULN35 → 2.57 NOT_MET', events: [lab('2025-05-01', 'ast', 90, 'U/L', { uln: 40 }), lab('2025-05-20', 'ast', 90, 'U/L', { uln: 35 })], rule: AST25, expected: 'NOT_MET' },
  { id: 'L06', clause: 'sameTimeTimesUln each own ULN', summary: 'AST 05-20 ×2 untimed: 90/ULN40 (2.25), 90/ULN30 (3.0) → UNKNOWN', events: [lab('2025-05-20', 'ast', 90, 'U/L', { uln: 40 }), lab('2025-05-20', 'ast', 90, 'U/L', { uln: 30 })], rule: AST25, expected: 'UNKNOWN' },
  { id: 'L07', clause: 'bilirubin <2×ULN at exactly 2', summary: 'bili 2.4 mg/dL, ULN 1.2', events: [lab('2025-05-20', 'bilirubin', 2.4, 'mg/dL', { uln: 1.2 })], rule: BILI2, expected: 'NOT_MET' },
  { id: 'L08', clause: 'bilirubin µmol/L with ULN same unit', summary: 'bili 34 µmol/L, ULN 17 → 2.0 NOT_MET', events: [lab('2025-05-20', 'bilirubin', 34, 'umol/L', { uln: 17 })], rule: BILI2, expected: 'NOT_MET' },
  { id: 'L09', clause: 'bilirubin µmol/L with ULN in mg/dL (ulnUnit)', summary: 'bili 30 µmol/L (1.754 mg/dL), ULN 1.2 mg/dL → 1.46 MET', events: [lab('2025-05-20', 'bilirubin', 30, 'umol/L', { uln: 1.2, ulnUnit: 'mg/dL' })], rule: BILI2, expected: 'MET' },
  { id: 'L10', clause: '§7 Gilbert exception', summary: 'bili 2.5×ULN with Gilbert active → MET', events: [cond('2020-01-01', 'gilbert-syndrome'), lab('2025-05-20', 'bilirubin', 3.0, 'mg/dL', { uln: 1.2 })], rule: GILBERT_RULE, expected: 'MET' },
  { id: 'L11', clause: '§7 Gilbert exception: no record', summary: 'bili 2.5×ULN, no condition record → UNKNOWN', events: [lab('2025-05-20', 'bilirubin', 3.0, 'mg/dL', { uln: 1.2 })], rule: GILBERT_RULE, expected: 'UNKNOWN' },
  { id: 'L12', clause: '§7 Gilbert: absent record', summary: 'bili 2.5×ULN, gilbert absent → NOT_MET', events: [cond('2025-05-01', 'gilbert-syndrome', 'absent'), lab('2025-05-20', 'bilirubin', 3.0, 'mg/dL', { uln: 1.2 })], rule: GILBERT_RULE, expected: 'NOT_MET' },
  { id: 'L13', clause: 'ulnBySex: patient female', summary: 'AST 90, ulnBySex F33 M45, woman → 2.73 NOT_MET', events: [demo('1965-01-01', 'female'), lab('2025-05-20', 'ast', 90, 'U/L', { ulnBySex: { female: 33, male: 45 } })], rule: AST25, expected: 'NOT_MET' },
  { id: 'L14', clause: 'ulnBySex: patient male', summary: 'AST 90, ulnBySex F33 M45, man → 2.0 MET', events: [demo('1965-01-01', 'male'), lab('2025-05-20', 'ast', 90, 'U/L', { ulnBySex: { female: 33, male: 45 } })], rule: AST25, expected: 'MET' },
  { id: 'L15', clause: 'labTimesUln timesUln value', summary: 'ALT 87.5 ULN 35 → 2.5 exactly; <2.5 NOT_MET', events: [lab('2025-05-20', 'alt', 87.5, 'U/L', { uln: 35 })], rule: ALT25, expected: 'NOT_MET' },
  { id: 'L16', clause: 'floating ×ULN noise (0.3×3 /0.3)', summary: 'ALT 0.7×… : ALT 7 ULN 2.8 → 2.5 exactly; ≤2.5 MET', events: [lab('2025-05-20', 'alt', 7, 'U/L', { uln: 2.8 })], rule: { fact: 'labTimesUln', name: 'alt', op: '<=', value: 2.5 }, expected: 'MET' },
  { id: 'L17', clause: 'timed latest of one day with own ULN', summary: 'AST 05-20T08 90/ULN30 (3.0), 05-20T16 90/ULN40 (2.25) → MET', events: [tlab('2025-05-20T16:00:00Z', 'ast', 90, 'U/L', { uln: 40 }), tlab('2025-05-20T08:00:00Z', 'ast', 90, 'U/L', { uln: 30 })], rule: AST25, expected: 'MET' },
  { id: 'L18', clause: 'latest value without ULN after one with', summary: 'AST 05-01 30/ULN40, 05-20 30 no ULN → UNKNOWN', events: [lab('2025-05-01', 'ast', 30, 'U/L', { uln: 40 }), lab('2025-05-20', 'ast', 30, 'U/L')], rule: AST25, expected: 'UNKNOWN' },

  // ---------------- LVEF ----------------
  { id: 'V01', clause: '§7 LVEF >40', summary: 'LVEF 40', events: [lab('2025-05-20', 'lvef', 40, '%')], rule: LVEF, expected: 'NOT_MET' },
  { id: 'V02', clause: '§7 LVEF >40', summary: 'LVEF 41', events: [lab('2025-05-20', 'lvef', 41, '%')], rule: LVEF, expected: 'MET' },
  { id: 'V03', clause: 'LOINC LVEF', summary: 'LVEF by LOINC 10230-1 = 55', events: [event('lab', '2025-05-20', { code: '10230-1', value: 55, unit: '%' })], rule: LVEF, expected: 'MET' },
  { id: 'V04', clause: 'catalog NCT03275285 exc-05: LVEF 35 → exclusion met', summary: 'LVEF 35', events: [lab('2025-05-20', 'lvef', 35, '%')], rule: trialRule('NCT03275285.json', 'exc-05'), expected: 'MET' },
  { id: 'V05', clause: 'catalog NCT03275285 exc-05: LVEF 55 → text unknown', summary: 'LVEF 55', events: [lab('2025-05-20', 'lvef', 55, '%')], rule: trialRule('NCT03275285.json', 'exc-05'), expected: 'UNKNOWN' },
  { id: 'V06', clause: 'LVEF as fraction 0.55 "1" unit? percentage > 100 no; 0.55 % is a value', summary: 'LVEF 101% → set aside → UNKNOWN', events: [lab('2025-05-20', 'lvef', 101, '%')], rule: LVEF, expected: 'UNKNOWN' },

  // ---------------- ECOG ----------------
  { id: 'E01', clause: '§7 ECOG 0–1', summary: 'ECOG 1', events: [ecogEv('2025-05-20', 1)], rule: ECOG(1), expected: 'MET' },
  { id: 'E02', clause: '§7 ECOG 0–1', summary: 'ECOG 2', events: [ecogEv('2025-05-20', 2)], rule: ECOG(1), expected: 'NOT_MET' },
  { id: 'E03', clause: 'ECOG default 60 d, exactly 60', summary: 'ECOG 1 on 2025-04-02', events: [ecogEv('2025-04-02', 1)], rule: ECOG(1), expected: 'MET' },
  { id: 'E04', clause: 'ECOG default 60 d, 61', summary: 'ECOG 1 on 2025-04-01', events: [ecogEv('2025-04-01', 1)], rule: ECOG(1), expected: 'UNKNOWN' },
  { id: 'E05', clause: 'ECOG latest not worst', summary: '05-01 ECOG 2, 05-20 ECOG 1', events: [ecogEv('2025-05-01', 2), ecogEv('2025-05-20', 1)], rule: ECOG(1), expected: 'MET' },
  { id: 'E06', clause: 'ECOG same-day disagree', summary: '05-20 ECOG 1 and 2 untimed → max1 UNKNOWN', events: [ecogEv('2025-05-20', 1), ecogEv('2025-05-20', 2)], rule: ECOG(1), expected: 'UNKNOWN' },
  { id: 'E07', clause: 'ECOG same-day disagree, both meet', summary: '05-20 ECOG 1 and 2 → max 2 MET', events: [ecogEv('2025-05-20', 1), ecogEv('2025-05-20', 2)], rule: ECOG(2), expected: 'MET' },
  { id: 'E08', clause: 'ECOG timed later wins', summary: '05-20T16 ECOG 1, 05-20T08 ECOG 2 → MET', events: [event('performance-status', '2025-05-20T16:00:00Z', { ecog: 1 }), event('performance-status', '2025-05-20T08:00:00Z', { ecog: 2 })], rule: ECOG(1), expected: 'MET' },
  { id: 'E09', clause: 'ECOG maxAgeDays 14 edge', summary: 'ECOG 1 on 05-18 (14 d)', events: [ecogEv('2025-05-18', 1)], rule: ECOG(1, { maxAgeDays: 14 }), expected: 'MET' },
  { id: 'E10', clause: 'ECOG maxAgeDays 14 edge+1', summary: 'ECOG 1 on 05-17 (15 d)', events: [ecogEv('2025-05-17', 1)], rule: ECOG(1, { maxAgeDays: 14 }), expected: 'UNKNOWN' },
  { id: 'E11', clause: 'ECOG non-integer reported, not read', summary: 'ECOG 1.5 only → UNKNOWN', events: [ecogEv('2025-05-20', 1.5)], rule: ECOG(2), expected: 'UNKNOWN' },
  { id: 'E12', clause: 'ECOG min', summary: 'ECOG 0, min 1 → NOT_MET', events: [ecogEv('2025-05-20', 0)], rule: { fact: 'ecog', min: 1, max: 2 }, expected: 'NOT_MET' },
  { id: 'E14', clause: 'catalog NCT03275285 exc-03 ECOG >2 excluded', summary: 'born 1960, ECOG 3 → exclusion MET', events: [demo('1960-01-01', 'male'), ecogEv('2025-05-20', 3)], rule: trialRule('NCT03275285.json', 'exc-03'), expected: 'MET' },
  { id: 'E15', clause: 'ECOG after screening ignored', summary: 'ECOG 05-20 1, 06-03 3 → MET', events: [ecogEv('2025-05-20', 1), ecogEv('2025-06-03', 3)], rule: ECOG(1), expected: 'MET' },

  // ---------------- recency / same-day / misc ----------------
  { id: 'R01', clause: 'lab on screening day counts', summary: 'ANC 06-01 1.2', events: [lab('2025-06-01', 'anc', 1.2, '10*9/L')], rule: ANC(), expected: 'MET' },
  { id: 'R02', clause: 'lab later that day is the day\'s latest (timed vs untimed)', summary: 'ANC 05-20 untimed 0.8, 05-20T10:00 1.2 → MET', events: [lab('2025-05-20', 'anc', 0.8, '10*9/L'), tlab('2025-05-20T10:00:00Z', 'anc', 1.2, '10*9/L')], rule: ANC(), expected: 'MET' },
  { id: 'R03', clause: 'same time duplicates equal values: no ambiguity', summary: 'ANC 05-20 untimed 1.2 twice → MET', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), lab('2025-05-20', 'anc', 1.2, '10*9/L')], rule: ANC(), expected: 'MET' },
  { id: 'R04', clause: 'unit not convertible later that day → unknown', summary: 'ANC 05-20 untimed 1.2, ANC 05-20T10 1.5 "mg/dL" → UNKNOWN', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), tlab('2025-05-20T10:00:00Z', 'anc', 1.5, 'mg/dL')], rule: ANC(), expected: 'UNKNOWN' },
  { id: 'R05', clause: 'unit not convertible earlier day → ignored', summary: 'ANC 05-10 "mg/dL", ANC 05-20 1.2 → MET', events: [lab('2025-05-10', 'anc', 1.5, 'mg/dL'), lab('2025-05-20', 'anc', 1.2, '10*9/L')], rule: ANC(), expected: 'MET' },
];

describe('lab37 eligibility labs and organ function', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      const got = c.read ? c.read(p) : outcome(c.rule, p, c.asOf ?? AS_OF);
      expect(got).toEqual(c.expected);
    });
  }
});
