/**
 * lab37b — second batch: time zones on boundaries, support overlapping the lab, upper-limit rules with support,
 * Feb-29 ages, FHIR vs native paths, Kleene combinations. Expectations from the docs before reading the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';
import { mapFhirBundle } from '../../fhir/map-bundle';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type S = typeof DEFAULT_SETTINGS;
const AS_OF = '2025-06-01';

const demo = (birthDate: string, sex: string, extra: Record<string, unknown> = {}, date = '2015-01-01'): Ev => event('demographics', date, { birthDate, sex, ...extra });
const wt = (d: string, kg: number, unit = 'kg'): Ev => lab(d, 'weight', kg, unit);
const scr = (d: string, v: number, unit = 'mg/dL'): Ev => lab(d, 'creatinine', v, unit);
const tlab = (at: string, name: string, value: number, unit: string, extra: Record<string, unknown> = {}): Ev => event('lab', at, { name, value, unit, ...extra });
const transfusion = (d: string, product?: string): Ev => event('procedure', d, { kind: 'transfusion', ...(product ? { product } : {}) });
const withSettings = (patch: Partial<S['crcl']>): S => ({ ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, ...patch } });
const outcome = (rule: unknown, p: P, asOf = AS_OF) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;

const CG = (op: string, value: number, extra: Record<string, unknown> = {}) => ({ fact: 'creatinineClearance', op, value, ...extra });
const ANC7 = { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L', minDaysAfterSupport: 7 };
const ANC = { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L' };
const PLT7 = { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L', minDaysAfterSupport: 7 };
const HB = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' };
const HB7 = { ...HB, minDaysAfterSupport: 7 };
const HB_LOW7 = { fact: 'lab', name: 'hemoglobin', op: '<', value: 8, unit: 'g/dL', minDaysAfterSupport: 7 };
const AST25 = { fact: 'labTimesUln', name: 'ast', op: '<', value: 2.5 };
const BILI2 = { fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 2 };
const ECOG1 = { fact: 'ecog', max: 1 };

const trialRule = (file: string, id: string): unknown => {
  const t = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', file), 'utf8')) as { criteria: Array<{ id: string; rule: unknown }>; cohorts?: Array<{ criteria: Array<{ id: string; rule: unknown }> }> };
  const all = [...t.criteria, ...(t.cohorts ?? []).flatMap((c) => c.criteria)];
  return all.find((c) => c.id === id)!.rule;
};

// FHIR helpers
const subject = { reference: 'Patient/p1' };
const loincCode = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const obs = (id: string, code: string, at: string, value: number, ucum: string, extra: Record<string, unknown> = {}) => ({ resource: { resourceType: 'Observation', id, status: 'final', subject, code: loincCode(code), effectiveDateTime: at, valueQuantity: { value, unit: ucum, code: ucum }, ...extra } });
const bundle = (gender: string, birthDate: string, entries: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate, gender } }, ...entries] });
const fromFhir = (b: unknown, asOf = AS_OF, s: S = DEFAULT_SETTINGS): P => buildProfile(mapFhirBundle(b as never).events, asOf, s);

interface Case { id: string; clause: string; summary: string; events?: Ev[]; profile?: () => P; rule?: unknown; read?: (p: P) => unknown; expected: unknown; settings?: S; asOf?: string }

const cases: Case[] = [
  // ---- day written vs UTC on boundaries ----
  { id: 'T01', clause: 'CG age on the creatinine\'s day (day written) ', summary: 'man born 1955-05-21, SCr 2025-05-20T23:30-05:00 (UTC 05-21) 1.775, 72 kg → age 69 → 40 → ≥40 MET', events: [demo('1955-05-21', 'male'), wt('2025-05-20', 72), tlab('2025-05-20T23:30:00-05:00', 'creatinine', 1.775, 'mg/dL')], rule: CG('>=', 40), expected: 'MET' },
  { id: 'T02', clause: 'CG age on creatinine day (east of UTC)', summary: 'man born 1955-05-21, SCr 2025-05-21T01:00+03:00 (UTC 05-20) 1.75 → age 70 → 40 → MET', events: [demo('1955-05-21', 'male'), wt('2025-05-21', 72), tlab('2025-05-21T01:00:00+03:00', 'creatinine', 1.75, 'mg/dL')], rule: CG('>=', 40), expected: 'MET' },
  { id: 'T03', clause: 'maxAgeDays by day written: 04-02 (60 d)', summary: 'Hb 2025-04-02T23:00-05:00 → within 60 → MET', events: [tlab('2025-04-02T23:00:00-05:00', 'hemoglobin', 9, 'g/dL')], rule: HB, expected: 'MET' },
  { id: 'T04', clause: 'maxAgeDays by day written: 04-01 (61 d)', summary: 'Hb 2025-04-01T23:00-05:00 (UTC 04-02) → 61 days → UNKNOWN', events: [tlab('2025-04-01T23:00:00-05:00', 'hemoglobin', 9, 'g/dL')], rule: HB, expected: 'UNKNOWN' },
  { id: 'T05', clause: 'support days by day written', summary: 'RBC transfusion 2025-05-13T22:00-05:00 (UTC 05-14), Hb 05-20 → 7 days → MET', events: [transfusion('2025-05-13T22:00:00-05:00', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'MET' },
  { id: 'T06', clause: 'support days by day written (lab side)', summary: 'RBC 05-13, Hb 2025-05-19T23:00-05:00 (UTC 05-20) → 6 days → UNKNOWN', events: [transfusion('2025-05-13', 'red cells'), tlab('2025-05-19T23:00:00-05:00', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'T07', clause: 'ECOG maxAgeDays by day written', summary: 'ECOG 1 2025-04-01T23:00-05:00 → 61 d → UNKNOWN', events: [event('performance-status', '2025-04-01T23:00:00-05:00', { ecog: 1 })], rule: ECOG1, expected: 'UNKNOWN' },
  { id: 'T08', clause: 'lab on screening day written, late west of UTC', summary: 'ANC 2025-06-01T22:00-05:00 (UTC 06-02) 1.2 is of the screening day → MET', events: [tlab('2025-06-01T22:00:00-05:00', 'anc', 1.2, '10*9/L')], rule: ANC, expected: 'MET' },
  { id: 'T09', clause: 'lab after screening day written, early east of UTC', summary: 'ANC 05-20 1.2; ANC 2025-06-02T01:00+03:00 (UTC 06-01) 0.5 is after → ignored → MET', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), tlab('2025-06-02T01:00:00+03:00', 'anc', 0.5, '10*9/L')], rule: ANC, expected: 'MET' },

  // ---- Feb 29 ----
  { id: 'F01', clause: 'age: 29-Feb birthday turns on 1 March (common year)', summary: 'man born 1956-02-29, SCr 2025-02-28 → age 68 → 72×72/(72×1.8)=40 ≥40 MET (asOf 03-15)', events: [demo('1956-02-29', 'male'), wt('2025-02-28', 72), scr('2025-02-28', 1.8)], rule: CG('>=', 40), asOf: '2025-03-15', expected: 'MET' },
  { id: 'F02', clause: 'age: 29-Feb birthday turns on 1 March', summary: 'same, SCr 2025-03-01 → age 69 → 71×72/(72×1.8)=39.44 NOT_MET', events: [demo('1956-02-29', 'male'), wt('2025-03-01', 72), scr('2025-03-01', 1.8)], rule: CG('>=', 40), asOf: '2025-03-15', expected: 'NOT_MET' },

  // ---- support overlapping the lab ----
  { id: 'S01', clause: 'growth factor course spanning the lab', summary: 'filgrastim 05-15..05-25, ANC 05-20 1.5 → UNKNOWN', events: [med('filgrastim', '2025-05-15', '2025-05-25'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'S02', clause: 'ESA course spanning the lab', summary: 'darbepoetin alfa 05-01..05-30, Hb 05-20 9 → UNKNOWN', events: [med('darbepoetin alfa', '2025-05-01', '2025-05-30'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'S03', clause: 'TPO-RA ongoing', summary: 'eltrombopag from 04-01 ongoing, plt 05-20 90 → UNKNOWN', events: [med('eltrombopag', '2025-04-01', null), lab('2025-05-20', 'platelets', 90, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'S04', clause: 'support only raises: upper-limit rule met under support is decided', summary: 'exclusion Hb <8 with support 7; RBC 05-18, Hb 7.5 → MET', events: [transfusion('2025-05-18', 'red cells'), lab('2025-05-20', 'hemoglobin', 7.5, 'g/dL')], rule: HB_LOW7, expected: 'MET' },
  { id: 'S05', clause: 'support only raises: upper-limit rule not met under support unknown', summary: 'Hb <8 with support 7; RBC 05-18, Hb 9 → UNKNOWN', events: [transfusion('2025-05-18', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB_LOW7, expected: 'UNKNOWN' },
  { id: 'S06', clause: 'transfusion of other product (plasma) props nothing', summary: 'FFP 05-18, plt 80 → MET', events: [transfusion('2025-05-18', 'fresh frozen plasma'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'MET' },
  { id: 'S07', clause: 'unspecified transfusion long before is fine', summary: 'blood transfusion 05-10, plt 05-20 80 → MET', events: [transfusion('2025-05-10'), lab('2025-05-20', 'platelets', 80, '10*9/L')], rule: PLT7, expected: 'MET' },
  { id: 'S08', clause: 'support + same-day duplicates', summary: 'filgrastim to 05-18; ANC 05-20 0.8 and 1.5 untimed → UNKNOWN', events: [med('filgrastim', '2025-05-10', '2025-05-18'), lab('2025-05-20', 'anc', 0.8, '10*9/L'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'S09', clause: 'support + same-day duplicates both fail', summary: 'filgrastim to 05-18; ANC 05-20 0.8 and 0.9 → NOT_MET', events: [med('filgrastim', '2025-05-10', '2025-05-18'), lab('2025-05-20', 'anc', 0.8, '10*9/L'), lab('2025-05-20', 'anc', 0.9, '10*9/L')], rule: ANC7, expected: 'NOT_MET' },
  { id: 'S10', clause: 'support on the lab day itself (0 days)', summary: 'platelet transfusion 05-20, plt 05-20 90 → UNKNOWN', events: [transfusion('2025-05-20', 'platelets'), lab('2025-05-20', 'platelets', 90, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'S11', clause: 'support with stale lab: too old wins', summary: 'Hb 2025-03-20 (73 d) 9, no support → UNKNOWN', events: [lab('2025-03-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'S12', clause: 'growth factor by brand', summary: 'Neupogen to 05-18, ANC 05-20 1.5 → UNKNOWN', events: [med('Neupogen', '2025-05-10', '2025-05-18'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'S13', clause: 'support agent:any on Hb with G-CSF (G-CSF props ANC only)', summary: 'filgrastim to 05-18, Hb 05-20 9 → MET', events: [med('filgrastim', '2025-05-10', '2025-05-18'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'MET' },
  { id: 'S14', clause: 'two supports: older clean, newer within', summary: 'RBC 05-01 and RBC 05-16, Hb 05-20 9 → UNKNOWN', events: [transfusion('2025-05-01', 'red cells'), transfusion('2025-05-16', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'S15', clause: 'minDaysAfterSupport 14 honoured', summary: 'RBC 05-10 (10 d), Hb 9, min 14 → UNKNOWN', events: [transfusion('2025-05-10', 'red cells'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: { ...HB, minDaysAfterSupport: 14 }, expected: 'UNKNOWN' },

  // ---- eGFR / measured paths ----
  { id: 'G01', clause: 'egfr: reported same day (timed before creatinine) wins', summary: 'eGFR 05-20T08 45, SCr 05-20T16 (woman 70, 1.5 → 37.3) → MET', events: [demo('1955-01-01', 'female'), tlab('2025-05-20T08:00:00Z', 'egfr', 45, 'mL/min/{1.73_m2}'), tlab('2025-05-20T16:00:00Z', 'creatinine', 1.5, 'mg/dL')], rule: CG('>=', 40, { method: 'egfr' }), expected: 'MET' },
  { id: 'G02', clause: 'egfr: later creatinine set aside → unknown', summary: 'eGFR 05-10 45, SCr 05-20 45 mg/dL (set aside) → UNKNOWN', events: [demo('1955-01-01', 'female'), lab('2025-05-10', 'egfr', 45, 'mL/min/{1.73_m2}'), scr('2025-05-20', 45)], rule: CG('>=', 40, { method: 'egfr' }), expected: 'UNKNOWN' },
  { id: 'G03', clause: 'egfr written mL/min read as per 1.73 m²', summary: 'eGFR 45 "mL/min" → MET', events: [demo('1955-01-01', 'female'), lab('2025-05-20', 'egfr', 45, 'mL/min')], rule: CG('>=', 40, { method: 'egfr' }), expected: 'MET' },
  { id: 'G04', clause: 'measured: later one set aside → unknown', summary: 'measured 05-10 50, 05-20 500 (>400) → UNKNOWN', events: [lab('2025-05-10', 'measured creatinine clearance', 50, 'mL/min'), lab('2025-05-20', 'measured creatinine clearance', 500, 'mL/min')], rule: CG('>=', 40, { method: 'measured' }), expected: 'UNKNOWN' },
  { id: 'G05', clause: 'catalog NCT03548207 inc-04 (CARTITUDE-1 egfr ≥40)', summary: 'man 60, SCr 1.9 → CKD-EPI 39.89 → NOT_MET', events: [demo('1965-01-01', 'male'), scr('2025-05-20', 1.9)], rule: trialRule('NCT03548207.json', 'inc-04'), expected: 'NOT_MET' },
  { id: 'G06', clause: 'catalog NCT03548207 inc-04', summary: 'man 60, SCr 1.75 → 44.02 → MET', events: [demo('1965-01-01', 'male'), scr('2025-05-20', 1.75)], rule: trialRule('NCT03548207.json', 'inc-04'), expected: 'MET' },
  { id: 'G07', clause: 'egfr computed with sex other: unknown when it decides', summary: 'sex other, 60, SCr 1.0: F 0.7 → ~64, M → 86; ≥70 → UNKNOWN', events: [demo('1965-01-01', 'other'), scr('2025-05-20', 1.0)], rule: CG('>=', 70, { method: 'egfr' }), expected: 'UNKNOWN' },
  { id: 'G08', clause: 'CG: maxAgeDays of the rule on the creatinine', summary: 'SCr 05-17 (15 d), maxAgeDays 14 → UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-05-17', 72), scr('2025-05-17', 1.0)], rule: CG('>=', 40, { maxAgeDays: 14 }), expected: 'UNKNOWN' },
  { id: 'G09', clause: 'CG: weight in grams', summary: 'weight 72000 g, man 60, SCr 1 → 80', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72000, 'g'), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.value, expected: 80 },
  { id: 'G10', clause: 'CG with sex other and rounding setting', summary: 'other, 52, 72 kg, SCr 0.9 roundUp → 1.0: 88 / 74.8 → ≥70 both met → MET', events: [demo('1973-03-01', 'other'), wt('2025-05-20', 72), scr('2025-05-20', 0.9)], rule: CG('>=', 70), settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 'MET' },
  { id: 'G11', clause: 'CG with sex other and rounding setting: disagree', summary: 'same; ≥80 → 88 meets, 74.8 not → UNKNOWN', events: [demo('1973-03-01', 'other'), wt('2025-05-20', 72), scr('2025-05-20', 0.9)], rule: CG('>=', 80), settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 'UNKNOWN' },
  { id: 'G12', clause: 'CG: weight after creatinine nearer', summary: 'weights 05-10 100 kg, 05-24 60 kg; SCr 05-20 → 60 (4 d vs 10 d)', events: [demo('1965-01-01', 'male'), wt('2025-05-10', 100), wt('2025-05-24', 60), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.inputs.weightKg, expected: 60 },
  { id: 'G13', clause: 'CG: ideal with height below 100 cm refused (inches?)', summary: 'heightCm 67 (inches) → no height → ideal: UNKNOWN', events: [demo('1965-01-01', 'male', { heightCm: 67 }), wt('2025-05-20', 90), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weight: 'ideal' }), expected: 'UNKNOWN' },
  { id: 'G14', clause: 'CG ideal: weight setting ignored if actual weight missing? (ideal needs no actual weight)', summary: 'ideal, height 170.18, no weight, man 60 SCr 1 → 73.44', events: [demo('1965-01-01', 'male', { heightCm: 170.18 }), scr('2025-05-20', 1)], read: (p) => Math.round((p.labs.crcl?.value ?? 0) * 100) / 100, settings: withSettings({ weight: 'ideal' }), expected: 73.44 },

  // ---- liver subtleties ----
  { id: 'L01', clause: 'bilirubin µmol/L vs ULN mg/dL (17.104)', summary: 'bili 34.2 µmol/L, ULN 1.0 mg/dL → 1.9995 <2 MET', events: [lab('2025-05-20', 'bilirubin', 34.2, 'umol/L', { uln: 1.0, ulnUnit: 'mg/dL' })], rule: BILI2, expected: 'MET' },
  { id: 'L02', clause: 'ULN 0 not read', summary: 'AST 30, ULN 0 → UNKNOWN', events: [lab('2025-05-20', 'ast', 30, 'U/L', { uln: 0 })], rule: AST25, expected: 'UNKNOWN' },
  { id: 'L03', clause: 'exclusion AST ≥2.5×ULN at exactly 2.5', summary: 'AST 100/40 → MET', events: [lab('2025-05-20', 'ast', 100, 'U/L', { uln: 40 })], rule: { fact: 'labTimesUln', name: 'ast', op: '>=', value: 2.5 }, expected: 'MET' },
  { id: 'L04', clause: 'Gilbert 3×ULN exactly', summary: 'bili 3.6/1.2 = 3.0, Gilbert active, rule <3 in exception → NOT_MET', events: [event('condition', '2020-01-01', { kind: 'gilbert-syndrome', status: 'active' }), lab('2025-05-20', 'bilirubin', 3.6, 'mg/dL', { uln: 1.2 })], rule: { any: [BILI2, { all: [{ fact: 'condition', kind: 'gilbert-syndrome' }, { fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 3 }] }] }, expected: 'NOT_MET' },
  { id: 'L05', clause: 'ULN by sex: sex other → the "other" range else unknown', summary: 'AST 90 ulnBySex F33 M45 (no other), sex other → UNKNOWN', events: [demo('1965-01-01', 'other'), lab('2025-05-20', 'ast', 90, 'U/L', { ulnBySex: { female: 33, male: 45 } })], rule: AST25, expected: 'UNKNOWN' },
  { id: 'L06', clause: 'AST too old', summary: 'AST 2025-03-01 (92 d) → UNKNOWN', events: [lab('2025-03-01', 'ast', 30, 'U/L', { uln: 40 })], rule: AST25, expected: 'UNKNOWN' },
  { id: 'L07', clause: 'bilirubin ULN given in µmol/L with value in mg/dL', summary: 'bili 2.0 mg/dL, ULN 20.5 µmol/L (1.1986 mg/dL) → 1.6686 MET', events: [lab('2025-05-20', 'bilirubin', 2.0, 'mg/dL', { uln: 20.5, ulnUnit: 'umol/L' })], rule: BILI2, expected: 'MET' },

  // ---- FHIR path agrees with native ----
  { id: 'X01', clause: 'FHIR creatinine µmol/L → CG same as native', summary: 'Patient female b.1973-03-01, weight 72 kg, creatinine 165.308 umol/L → 40 (≥40 MET)', profile: () => fromFhir(bundle('female', '1973-03-01', [obs('w', '29463-7', '2025-05-20', 72, 'kg'), obs('c', '2160-0', '2025-05-20', 165.308, 'umol/L')])), rule: CG('>=', 40), expected: 'MET' },
  { id: 'X02', clause: 'FHIR ANC in 10*3/uL', summary: 'ANC 1.0 10*3/uL → MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('a', '751-8', '2025-05-20', 1.0, '10*3/uL')])), rule: ANC, expected: 'MET' },
  { id: 'X03', clause: 'FHIR referenceRange by sex', summary: 'AST 90, ranges F 33 / M 45 with appliesTo text; patient female → 2.73 NOT_MET', profile: () => fromFhir(bundle('female', '1965-01-01', [obs('s', '1920-8', '2025-05-20', 90, 'U/L', { referenceRange: [{ high: { value: 33, code: 'U/L' }, appliesTo: [{ text: 'female' }] }, { high: { value: 45, code: 'U/L' }, appliesTo: [{ text: 'male' }] }] })])), rule: AST25, expected: 'NOT_MET' },
  { id: 'X04', clause: 'FHIR ECOG valueInteger', summary: 'ECOG 2 → NOT_MET for ≤1', profile: () => fromFhir(bundle('male', '1965-01-01', [{ resource: { resourceType: 'Observation', id: 'e', status: 'final', subject, code: loincCode('89247-1'), effectiveDateTime: '2025-05-20', valueInteger: 2 } }])), rule: ECOG1, expected: 'NOT_MET' },
  { id: 'X05', clause: 'FHIR Hb g/L', summary: 'Hb 79 g/L → NOT_MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('h', '718-7', '2025-05-20', 79, 'g/L')])), rule: HB, expected: 'NOT_MET' },
  { id: 'X06', clause: 'FHIR platelets 10*9/L with comparator not mapped', summary: 'plt "<20" comparator only → UNKNOWN', profile: () => fromFhir(bundle('male', '1965-01-01', [{ resource: { resourceType: 'Observation', id: 'p', status: 'final', subject, code: loincCode('777-3'), effectiveDateTime: '2025-05-20', valueQuantity: { value: 20, comparator: '<', unit: '10*9/L', code: '10*9/L' } } }])), rule: { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L' }, expected: 'UNKNOWN' },
  { id: 'X07', clause: 'FHIR LVEF 10230-1', summary: 'LVEF 40 % → >40 NOT_MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('v', '10230-1', '2025-05-20', 40, '%')])), rule: { fact: 'lab', name: 'lvef', op: '>', value: 40, unit: '%' }, expected: 'NOT_MET' },

  // ---- Kleene combinations ----
  { id: 'K01', clause: 'all: NOT_MET beats UNKNOWN', summary: 'no ANC; Hb 7 → all NOT_MET', events: [lab('2025-05-20', 'hemoglobin', 7, 'g/dL')], rule: { all: [ANC, HB] }, expected: 'NOT_MET' },
  { id: 'K02', clause: 'all: UNKNOWN with MET', summary: 'no ANC; Hb 9 → UNKNOWN', events: [lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: { all: [ANC, HB] }, expected: 'UNKNOWN' },
  { id: 'K03', clause: 'not keeps unknown', summary: 'not(AST<2.5) with no ULN → UNKNOWN', events: [lab('2025-05-20', 'ast', 30, 'U/L')], rule: { not: AST25 }, expected: 'UNKNOWN' },
  { id: 'K04', clause: 'any: MET beats UNKNOWN', summary: 'any(ANC no data, Hb 9) → MET', events: [lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: { any: [ANC, HB] }, expected: 'MET' },
];

describe('lab37b subtle combinations', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const asOf = c.asOf ?? AS_OF;
      const p = c.profile ? c.profile() : buildProfile(c.events ?? [], asOf, c.settings ?? DEFAULT_SETTINGS);
      const got = c.read ? c.read(p) : outcome(c.rule, p, asOf);
      expect(got).toEqual(c.expected);
    });
  }
});
