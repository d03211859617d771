/**
 * lab37c — third batch: time zones on boundaries, support overlapping the lab, upper-limit rules with support,
 * Feb-29 ages, FHIR vs native paths, Kleene combinations. Expectations from the docs before reading the code.
 */
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
const BILI2 = { fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 2 };
const ECOG1 = { fact: 'ecog', max: 1 };


// FHIR helpers
const subject = { reference: 'Patient/p1' };
const loincCode = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const obs = (id: string, code: string, at: string, value: number, ucum: string, extra: Record<string, unknown> = {}) => ({ resource: { resourceType: 'Observation', id, status: 'final', subject, code: loincCode(code), effectiveDateTime: at, valueQuantity: { value, unit: ucum, code: ucum }, ...extra } });
const bundle = (gender: string, birthDate: string, entries: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate, gender } }, ...entries] });
const fromFhir = (b: unknown, asOf = AS_OF, s: S = DEFAULT_SETTINGS): P => buildProfile(mapFhirBundle(b as never).events, asOf, s);

interface Case { id: string; clause: string; summary: string; events?: Ev[]; profile?: () => P; rule?: unknown; read?: (p: P) => unknown; expected: unknown; settings?: S; asOf?: string }

const cases: Case[] = [
  // ---- same instant written in different zones ----
  { id: 'Z01', clause: 'Labs: values recorded at the same time that differ → sameTime', summary: 'ANC 05-20T10:00Z 1.2 and 05-20T06:00-04:00 (same instant) 0.8 → UNKNOWN', events: [tlab('2025-05-20T10:00:00Z', 'anc', 1.2, '10*9/L'), tlab('2025-05-20T06:00:00-04:00', 'anc', 0.8, '10*9/L')], rule: ANC, expected: 'UNKNOWN' },
  { id: 'Z02', clause: 'ECOG same instant, two zones', summary: 'ECOG 05-20T10:00Z 1 and 05-20T06:00-04:00 2 → UNKNOWN', events: [event('performance-status', '2025-05-20T10:00:00Z', { ecog: 1 }), event('performance-status', '2025-05-20T06:00:00-04:00', { ecog: 2 })], rule: ECOG1, expected: 'UNKNOWN' },
  { id: 'Z03', clause: 'records ordered by day written first', summary: 'ANC 05-20T23:00-05:00 0.8, 05-21T01:00Z 1.2 (earlier instant, later day) → 05-21 latest → MET', events: [tlab('2025-05-20T23:00:00-05:00', 'anc', 0.8, '10*9/L'), tlab('2025-05-21T01:00:00Z', 'anc', 1.2, '10*9/L')], rule: ANC, expected: 'MET' },
  { id: 'Z04', clause: 'CG weight closest by day written', summary: 'SCr 05-20; weights 05-20T23:00-05:00 60 kg and 05-21 (untimed) 90 kg → 60', events: [demo('1965-01-01', 'male'), tlab('2025-05-20T23:00:00-05:00', 'weight', 60, 'kg'), wt('2025-05-21', 90), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.inputs.weightKg, expected: 60 },
  { id: 'Z05', clause: 'weightMaxDays by day written', summary: 'limit 30; SCr 05-20; weight 2025-04-20T23:00-05:00 (day 04-20, 30 d; UTC 04-21) → used', events: [demo('1965-01-01', 'male'), tlab('2025-04-20T23:00:00-05:00', 'weight', 70, 'kg'), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weightMaxDaysFromCreatinine: 30 }), expected: 'MET' },
  { id: 'Z06', clause: 'weightMaxDays by day written (outside)', summary: 'limit 30; SCr 05-20; weight 2025-04-19T23:00-05:00 (31 d; UTC 04-20 = 30) → UNKNOWN', events: [demo('1965-01-01', 'male'), tlab('2025-04-19T23:00:00-05:00', 'weight', 70, 'kg'), scr('2025-05-20', 1)], rule: CG('>=', 40), settings: withSettings({ weightMaxDaysFromCreatinine: 30 }), expected: 'UNKNOWN' },

  // ---- set-aside values and same day ----
  { id: 'U01', clause: 'set aside same day untimed, no time to tell apart', summary: 'ANC 05-20 1.2 valid and 05-20 "1.5 mg/dL" → UNKNOWN', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), lab('2025-05-20', 'anc', 1.5, 'mg/dL')], rule: ANC, expected: 'UNKNOWN' },
  { id: 'U02', clause: 'set aside untimed before a timed valid one', summary: 'ANC 05-20 "mg/dL" untimed, 05-20T10 1.2 valid → MET', events: [lab('2025-05-20', 'anc', 1.5, 'mg/dL'), tlab('2025-05-20T10:00:00Z', 'anc', 1.2, '10*9/L')], rule: ANC, expected: 'MET' },
  { id: 'U03', clause: 'set aside timed earlier than valid timed', summary: 'ANC 05-20T08 "mg/dL", 05-20T10 1.2 → MET', events: [tlab('2025-05-20T08:00:00Z', 'anc', 1.5, 'mg/dL'), tlab('2025-05-20T10:00:00Z', 'anc', 1.2, '10*9/L')], rule: ANC, expected: 'MET' },
  { id: 'U04', clause: 'CG: creatinine set aside same day untimed', summary: 'SCr 05-20 1.0 and 05-20 45 mg/dL → UNKNOWN', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-05-20', 45)], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'U05', clause: 'ANC 0 is a value', summary: 'ANC 0 → NOT_MET', events: [lab('2025-05-20', 'anc', 0, '10*9/L')], rule: ANC, expected: 'NOT_MET' },
  { id: 'U06', clause: 'Hb 0 below plausible min → set aside', summary: 'Hb 0 only → UNKNOWN', events: [lab('2025-05-20', 'hemoglobin', 0, 'g/dL')], rule: HB, expected: 'UNKNOWN' },
  { id: 'U07', clause: 'ANC given in % not convertible', summary: 'neutrophils 60 % → UNKNOWN', events: [lab('2025-05-20', 'neutrophils', 60, '%')], rule: ANC, expected: 'UNKNOWN' },
  { id: 'U08', clause: 'creatinine mmol/L', summary: 'SCr 0.0884 mmol/L = 1.0 mg/dL; man 60 72 kg → 80', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 72), scr('2025-05-20', 0.0884, 'mmol/L')], read: (p) => p.labs.crcl?.value, expected: 80 },
  { id: 'U09', clause: 'CG weight only after the screening day → ignored', summary: 'SCr 05-20, weight 06-05 → UNKNOWN', events: [demo('1965-01-01', 'male'), scr('2025-05-20', 1), wt('2025-06-05', 72)], rule: CG('>=', 40), expected: 'UNKNOWN' },
  { id: 'U10', clause: 'support after screening day ignored', summary: 'Hb 05-30 9; RBC 06-02 (after) → MET', events: [lab('2025-05-30', 'hemoglobin', 9, 'g/dL'), transfusion('2025-06-02', 'red cells')], rule: HB7, expected: 'MET' },

  // ---- support kinds ----
  { id: 'W01', clause: 'support agent for ANC', summary: 'filgrastim to 05-18, ANC 1.5, support agent → UNKNOWN', events: [med('filgrastim', '2025-05-10', '2025-05-18'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: { ...ANC7, support: 'agent' }, expected: 'UNKNOWN' },
  { id: 'W02', clause: 'support agent ignores unspecified transfusion (Hb)', summary: 'blood transfusion 05-18, Hb 9, support agent → MET', events: [transfusion('2025-05-18', 'blood transfusion'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: { ...HB7, support: 'agent' }, expected: 'MET' },
  { id: 'W03', clause: 'support transfusion: unspecified may be red cells', summary: 'blood transfusion 05-18, Hb 9, support transfusion → UNKNOWN', events: [transfusion('2025-05-18', 'blood transfusion'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: { ...HB7, support: 'transfusion' }, expected: 'UNKNOWN' },
  { id: 'W04', clause: 'mixed props Hb', summary: 'red cells and platelets 05-18, Hb 9 → UNKNOWN', events: [transfusion('2025-05-18', 'red cells and platelets'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'W05', clause: 'ESA methoxy PEG-epoetin beta', summary: 'Mircera 05-15 single, Hb 9 → UNKNOWN', events: [med('methoxy polyethylene glycol-epoetin beta', '2025-05-15', '2025-05-15'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'W06', clause: 'avatrombopag TPO-RA', summary: 'avatrombopag to 05-17, plt 90 → UNKNOWN', events: [med('avatrombopag', '2025-05-01', '2025-05-17'), lab('2025-05-20', 'platelets', 90, '10*9/L')], rule: PLT7, expected: 'UNKNOWN' },
  { id: 'W07', clause: 'eflapegrastim growth factor', summary: 'eflapegrastim 05-16, ANC 1.5 → UNKNOWN', events: [med('eflapegrastim', '2025-05-16', '2025-05-16'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'W08', clause: 'support course end after profile day: ongoing', summary: 'filgrastim 04-01..06-30 (planned), ANC 05-20 1.5 → UNKNOWN', events: [med('filgrastim', '2025-04-01', '2025-06-30'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'W09', clause: 'timeSince transfusion product platelets: exclusion within 7 days (not washout min 8)', summary: 'platelet transfusion 05-25 → not(timeSince min 8) MET', events: [transfusion('2025-05-25', 'platelets')], rule: { not: { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 8 } }, expected: 'MET' },
  { id: 'W10', clause: 'timeSince transfusion: exactly 7 days ago is within', summary: 'platelet transfusion 05-25, asOf 06-01 (7 d) → within 7 → MET', events: [transfusion('2025-05-25', 'platelets')], rule: { not: { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 8 } }, expected: 'MET' },
  { id: 'W11', clause: 'timeSince transfusion: 8 days ago', summary: 'platelet transfusion 05-24 (8 d) → not within 7 → NOT_MET', events: [transfusion('2025-05-24', 'platelets')], rule: { not: { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 8 } }, expected: 'NOT_MET' },
  { id: 'W12', clause: 'timeSince lastDose filgrastim (supportive) exactly minDays', summary: 'filgrastim ends 05-25, washout minDays 7 → met from day 7 (06-01) → MET', events: [med('filgrastim', '2025-05-20', '2025-05-25')], rule: { fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 }, expected: 'MET' },

  // ---- FHIR paths ----
  { id: 'X11', clause: 'FHIR creatinine timed west of UTC: age on day written', summary: 'male b.1955-05-21, weight 72, SCr 2025-05-20T23:30-05:00 1.775 → 40 → MET', profile: () => fromFhir(bundle('male', '1955-05-21', [obs('w', '29463-7', '2025-05-20', 72, 'kg'), obs('c', '2160-0', '2025-05-20T23:30:00-05:00', 1.775, 'mg/dL')])), rule: CG('>=', 40), expected: 'MET' },
  { id: 'X12', clause: 'FHIR weight [lb_av]', summary: 'weight 158.733 [lb_av] = 72.0 kg; man 60 SCr 1 → ≥79.99 MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('w', '29463-7', '2025-05-20', 158.733, '[lb_av]'), obs('c', '2160-0', '2025-05-20', 1, 'mg/dL')])), rule: CG('>=', 79.99), expected: 'MET' },
  { id: 'X13', clause: 'FHIR gender other → CG both ways', summary: 'gender other, b.1973-03-01, 72 kg, SCr 1.87 → 40/47; ≥45 UNKNOWN', profile: () => fromFhir(bundle('other', '1973-03-01', [obs('w', '29463-7', '2025-05-20', 72, 'kg'), obs('c', '2160-0', '2025-05-20', 1.87, 'mg/dL')])), rule: CG('>=', 45), expected: 'UNKNOWN' },
  { id: 'X14', clause: 'FHIR eGFR reported, method egfr', summary: 'eGFR 33914-3 45 mL/min/{1.73_m2} → MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('g', '33914-3', '2025-05-20', 45, 'mL/min/{1.73_m2}')])), rule: CG('>=', 40, { method: 'egfr' }), expected: 'MET' },
  { id: 'X15', clause: 'FHIR 24-h CrCl 2164-2, method measured', summary: 'measured 39 mL/min → NOT_MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('m', '2164-2', '2025-05-20', 39, 'mL/min')])), rule: CG('>=', 40, { method: 'measured' }), expected: 'NOT_MET' },
  { id: 'X16', clause: 'FHIR bilirubin umol/L with referenceRange umol/L', summary: 'bili 40 umol/L, high 21 umol/L → 1.905 <2 MET', profile: () => fromFhir(bundle('male', '1965-01-01', [obs('b', '1975-2', '2025-05-20', 40, 'umol/L', { referenceRange: [{ high: { value: 21, unit: 'umol/L', code: 'umol/L' } }] })])), rule: BILI2, expected: 'MET' },
];

describe('lab37c subtle combinations', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const asOf = c.asOf ?? AS_OF;
      const p = c.profile ? c.profile() : buildProfile(c.events ?? [], asOf, c.settings ?? DEFAULT_SETTINGS);
      const got = c.read ? c.read(p) : outcome(c.rule, p, asOf);
      expect(got).toEqual(c.expected);
    });
  }
});
