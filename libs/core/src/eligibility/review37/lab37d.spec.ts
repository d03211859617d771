/**
 * lab37d — fourth batch: time zones on boundaries, support overlapping the lab, upper-limit rules with support,
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
const HB = { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8, unit: 'g/dL' };
const HB7 = { ...HB, minDaysAfterSupport: 7 };
const ECOG1 = { fact: 'ecog', max: 1 };


// FHIR helpers
const subject = { reference: 'Patient/p1' };
const loincCode = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const bundle = (gender: string, birthDate: string, entries: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate, gender } }, ...entries] });
const fromFhir = (b: unknown, asOf = AS_OF, s: S = DEFAULT_SETTINGS): P => buildProfile(mapFhirBundle(b as never).events, asOf, s);

interface Case { id: string; clause: string; summary: string; events?: Ev[]; profile?: () => P; rule?: unknown; read?: (p: P) => unknown; expected: unknown; settings?: S; asOf?: string }

const r2 = (x: number | undefined | null) => (x == null ? null : Math.round(x * 100) / 100);
const cases: Case[] = [
  // ---- supportive course stopped without its end ----
  { id: 'D01', clause: 'lastDoseUnknown (v16) × growth-factor support', summary: 'filgrastim from 05-01, reasonStopped completed, no end; ANC 05-20 1.5 → last dose may be within 7 d → UNKNOWN', events: [med('filgrastim', '2025-05-01', null, { reasonStopped: 'completed' }), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'D02', clause: 'lastDoseUnknown × ESA support', summary: 'epoetin alfa from 05-01 stopped (toxicity) no end; Hb 05-20 9 → UNKNOWN', events: [med('epoetin alfa', '2025-05-01', null, { reasonStopped: 'toxicity' }), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'D03', clause: 'lastDoseUnknown × timeSince supportive washout', summary: 'filgrastim from 05-01 stopped no end; washout 7 d at 06-01 → UNKNOWN', events: [med('filgrastim', '2025-05-01', null, { reasonStopped: 'completed' })], rule: { fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 }, expected: 'UNKNOWN' },
  { id: 'D04', clause: 'lastDoseUnknown course started after the lab: no prop', summary: 'ANC 05-20 1.5; filgrastim from 05-22 stopped no end → MET', events: [lab('2025-05-20', 'anc', 1.5, '10*9/L'), med('filgrastim', '2025-05-22', null, { reasonStopped: 'completed' })], rule: ANC7, expected: 'MET' },

  // ---- set-aside later in the day ----
  { id: 'D05', clause: 'set aside timed after valid untimed of same day', summary: 'ANC 05-20 untimed 1.2, 05-20T08 "mg/dL" → UNKNOWN', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), tlab('2025-05-20T08:00:00Z', 'anc', 1.5, 'mg/dL')], rule: ANC, expected: 'UNKNOWN' },
  { id: 'D06', clause: 'set aside after profile day ignored', summary: 'ANC 05-20 1.2, ANC 06-03 "mg/dL" → MET', events: [lab('2025-05-20', 'anc', 1.2, '10*9/L'), lab('2025-06-03', 'anc', 1.5, 'mg/dL')], rule: ANC, expected: 'MET' },
  { id: 'D07', clause: 'marrow % >100 set aside in the 50% clause', summary: 'BMPC 150% only, plt 60 → UNKNOWN', events: [lab('2025-05-10', 'marrow plasma cells', 150, '%'), lab('2025-05-20', 'platelets', 60, '10*9/L')], rule: { if: { fact: 'lab', name: 'marrowPlasmaCells', op: '>', value: 50, unit: '%' }, then: { fact: 'lab', name: 'platelets', op: '>=', value: 50, unit: '10*9/L' }, else: { fact: 'lab', name: 'platelets', op: '>=', value: 75, unit: '10*9/L' } }, expected: 'UNKNOWN' },

  // ---- rule-unit conversion on exact boundaries ----
  { id: 'D08', clause: 'rule in µmol/L (÷88.4) at the boundary', summary: 'lab creatinine ≤176.8 µmol/L; SCr 2.0 mg/dL → MET', events: [scr('2025-05-20', 2.0)], rule: { fact: 'lab', name: 'creatinine', op: '<=', value: 176.8, unit: 'umol/L' }, expected: 'MET' },
  { id: 'D09', clause: 'value in µmol/L vs rule mg/dL at boundary', summary: 'SCr 176.8 µmol/L; lab creatinine ≤2 mg/dL → MET', events: [scr('2025-05-20', 176.8, 'umol/L')], rule: { fact: 'lab', name: 'creatinine', op: '<=', value: 2, unit: 'mg/dL' }, expected: 'MET' },
  { id: 'D10', clause: 'rule bilirubin in µmol/L at boundary', summary: 'bili 1.5 mg/dL (=25.656 µmol/L); rule ≤25.66 µmol/L → MET (case fixed: 25.65 was below 1.5 mg/dL)', events: [lab('2025-05-20', 'bilirubin', 1.5, 'mg/dL')], rule: { fact: 'lab', name: 'bilirubin', op: '<=', value: 25.66, unit: 'umol/L' }, expected: 'MET' },
  { id: 'D11', clause: 'rule ANC in cells/µL boundary', summary: 'ANC 1.5; rule ≥1500 cells/µL → MET', events: [lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: { fact: 'lab', name: 'anc', op: '>=', value: 1500, unit: 'cells/µL' }, expected: 'MET' },
  { id: 'D12', clause: 'value and rule both in g/L', summary: 'Hb 80 g/L; rule ≥80 g/L → MET', events: [lab('2025-05-20', 'hemoglobin', 80, 'g/L')], rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 80, unit: 'g/L' }, expected: 'MET' },
  { id: 'D13', clause: 'value mmol/L rule mmol/L boundary', summary: 'Hb 4.9 mmol/L; rule ≥4.9 mmol/L → MET', events: [lab('2025-05-20', 'hemoglobin', 4.9, 'mmol/L')], rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 4.9, unit: 'mmol/L' }, expected: 'MET' },
  { id: 'D14', clause: 'platelets value /µL rule /µL boundary', summary: 'plt 75000 /µL; rule ≥75000 /µL → MET', events: [lab('2025-05-20', 'platelets', 75000, '/µL')], rule: { fact: 'lab', name: 'platelets', op: '>=', value: 75000, unit: '/µL' }, expected: 'MET' },
  { id: 'D15', clause: 'ANC 1.1 K/uL vs rule 1100 /uL', summary: 'ANC 1.1 K/uL; rule ≥1100 /uL → MET', events: [lab('2025-05-20', 'anc', 1.1, 'K/uL')], rule: { fact: 'lab', name: 'anc', op: '>=', value: 1100, unit: '/uL' }, expected: 'MET' },
  { id: 'D16', clause: 'Hb 0.3 g/dL steps: 8.3 g/dL = 83 g/L rule', summary: 'Hb 8.3 g/dL; rule ≥83 g/L → MET', events: [lab('2025-05-20', 'hemoglobin', 8.3, 'g/dL')], rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 83, unit: 'g/L' }, expected: 'MET' },
  { id: 'D17', clause: 'value g/L vs rule g/dL boundary with noise', summary: 'Hb 83 g/L; rule ≥8.3 g/dL → MET', events: [lab('2025-05-20', 'hemoglobin', 83, 'g/L')], rule: { fact: 'lab', name: 'hemoglobin', op: '>=', value: 8.3, unit: 'g/dL' }, expected: 'MET' },
  { id: 'D18', clause: 'value g/L vs rule g/dL boundary (<)', summary: 'Hb 87 g/L; exclusion Hb <8.7 g/dL → NOT_MET', events: [lab('2025-05-20', 'hemoglobin', 87, 'g/L')], rule: { fact: 'lab', name: 'hemoglobin', op: '<', value: 8.7, unit: 'g/dL' }, expected: 'NOT_MET' },
  { id: 'D19', clause: 'platelets K/µL vs rule ×10⁹/L', summary: 'plt 50.1 K/µL... rule ≥50.1 → MET', events: [lab('2025-05-20', 'platelets', 50.1, 'K/µL')], rule: { fact: 'lab', name: 'platelets', op: '>=', value: 50.1, unit: '10*9/L' }, expected: 'MET' },
  { id: 'D20', clause: 'platelets /µL with fraction', summary: 'plt 50100 /µL rule ≥50.1 ×10⁹/L → MET', events: [lab('2025-05-20', 'platelets', 50100, '/uL')], rule: { fact: 'lab', name: 'platelets', op: '>=', value: 50.1, unit: '10*9/L' }, expected: 'MET' },
  { id: 'D21', clause: 'ANC /µL noise', summary: 'ANC 1100 /uL vs rule ≥1.1 ×10⁹/L → MET', events: [lab('2025-05-20', 'anc', 1100, '/uL')], rule: { fact: 'lab', name: 'anc', op: '>=', value: 1.1, unit: '10*9/L' }, expected: 'MET' },
  { id: 'D22', clause: 'bilirubin µmol/L value vs mg/dL rule at boundary', summary: 'bili 25.6499 µmol/L ... rule ≤ 1.5 mg/dL → MET (25.6499/17.104=1.49965)', events: [lab('2025-05-20', 'bilirubin', 25.6499, 'umol/L')], rule: { fact: 'lab', name: 'bilirubin', op: '<=', value: 1.5, unit: 'mg/dL' }, expected: 'MET' },

  // ---- two paths: CKD-EPI vs CG settings ----
  { id: 'D23', clause: 'roundUp is a CG variant only: CKD-EPI unrounded', summary: 'woman 60, SCr 0.5, roundUp on → eGFR 107.31 (not 64.50)', events: [demo('1965-01-01', 'female'), scr('2025-05-20', 0.5)], read: (p) => r2(p.labs.egfrComputed?.value), settings: withSettings({ roundUpCreatinineBelowOne: true }), expected: 107.31 },
  { id: 'D24', clause: 'ideal weight with no height: CG none, eGFR still', summary: 'weight ideal, no height; egfr ≥40 with SCr 1.0 → MET', events: [demo('1965-01-01', 'male'), wt('2025-05-20', 90), scr('2025-05-20', 1.0)], rule: CG('>=', 40, { method: 'egfr' }), settings: withSettings({ weight: 'ideal' }), expected: 'MET' },
  { id: 'D25', clause: 'weightMaxDays: CG none, eGFR still', summary: 'limit 30, weight 100 d away; egfr ≥40 → MET', events: [demo('1965-01-01', 'male'), wt('2025-02-09', 90), scr('2025-05-20', 1.0)], rule: CG('>=', 40, { method: 'egfr' }), settings: withSettings({ weightMaxDaysFromCreatinine: 30 }), expected: 'MET' },
  { id: 'D26', clause: 'Devine below 5 ft (150 cm, female): 45.5 + 2.3×(−0.94) = 43.33 (contestable)', summary: 'woman 52, 150 cm, ideal, SCr 1 → 88×IBW/72×0.85', events: [demo('1973-03-01', 'female', { heightCm: 150 }), wt('2025-05-20', 80), scr('2025-05-20', 1)], read: (p) => r2((p.labs.crcl?.inputs as { weightUsedKg?: number }).weightUsedKg), settings: withSettings({ weight: 'ideal' }), expected: 43.33 },
  { id: 'D27', clause: 'CG weight: sameTime weights → the event id sorting last', summary: 'weights 05-20 untimed id w-b 90, id w-a 60 → 90', events: [demo('1965-01-01', 'male'), event('lab', '2025-05-20', { name: 'weight', value: 90, unit: 'kg' }, 'w-b'), event('lab', '2025-05-20', { name: 'weight', value: 60, unit: 'kg' }, 'w-a'), scr('2025-05-20', 1)], read: (p) => p.labs.crcl?.inputs.weightKg, expected: 90 },
  { id: 'D28', clause: 'sameTime creatinine × other sex', summary: 'other, 52, 72 kg, SCr 1.0 & 1.1 same day → {88,80,74.8,68}; ≥60 → MET', events: [demo('1973-03-01', 'other'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-05-20', 1.1)], rule: CG('>=', 60), expected: 'MET' },
  { id: 'D29', clause: 'sameTime creatinine × other sex disagree', summary: 'same; ≥70 → UNKNOWN', events: [demo('1973-03-01', 'other'), wt('2025-05-20', 72), scr('2025-05-20', 1.0), scr('2025-05-20', 1.1)], rule: CG('>=', 70), expected: 'UNKNOWN' },
  { id: 'D30', clause: 'lab maxAgeDays 0: screening day only', summary: 'ANC 05-31 1.2, maxAgeDays 0 → UNKNOWN', events: [lab('2025-05-31', 'anc', 1.2, '10*9/L')], rule: { ...ANC, maxAgeDays: 0 }, expected: 'UNKNOWN' },
  { id: 'D31', clause: 'FHIR ECOG LOINC answer', summary: 'ECOG LA9624-3 (2) → ≤1 NOT_MET', profile: () => fromFhir(bundle('male', '1965-01-01', [{ resource: { resourceType: 'Observation', id: 'e', status: 'final', subject, code: loincCode('89247-1'), effectiveDateTime: '2025-05-20', valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9624-3' }] } } }])), rule: ECOG1, expected: 'NOT_MET' },
  { id: 'D32', clause: 'flip date of a transfusion window exclusion', summary: 'platelet transfusion 05-25; not(timeSince ≥8) flips on 06-02 to NOT_MET', events: [transfusion('2025-05-25', 'platelets')], read: (p) => { const r = compileRule({ not: { fact: 'timeSince', event: 'transfusion', product: 'platelets', minDays: 8 } })({ profile: p, asOf: AS_OF, trace: null }); return `${r.outcome}/${r.flipsOn}/${r.flipsTo}`; }, expected: 'MET/2025-06-02/NOT_MET' },
  { id: 'D33', clause: 'planned end after the profile day is not read (ongoing) — supportive path', summary: 'filgrastim 05-20..06-30 (planned); washout 7 d → NOT_MET with no flip date (still given)', events: [med('filgrastim', '2025-05-20', '2025-06-30')], read: (p) => { const r = compileRule({ fact: 'timeSince', event: 'lastDose', drug: 'filgrastim', minDays: 7 })({ profile: p, asOf: AS_OF, trace: null }); return `${r.outcome}/${r.flipsOn ?? '-'}`; }, expected: 'NOT_MET/-' },
  { id: 'D34', clause: 'same for an anti-myeloma drug (reference path)', summary: 'lenalidomide 05-20..06-30 (planned); washout 7 d → NOT_MET, no flip date', events: [med('lenalidomide', '2025-05-20', '2025-06-30')], read: (p) => { const r = compileRule({ fact: 'timeSince', event: 'lastDose', drug: 'lenalidomide', minDays: 7 })({ profile: p, asOf: AS_OF, trace: null }); return `${r.outcome}/${r.flipsOn ?? '-'}`; }, expected: 'NOT_MET/-' },
  { id: 'D35', clause: 'lastDoseUnknown anti-myeloma reference path', summary: 'lenalidomide from 05-01 stopped (toxicity) no end; washout 7 d at 06-01 → UNKNOWN', events: [med('lenalidomide', '2025-05-01', null, { reasonStopped: 'toxicity' })], rule: { fact: 'timeSince', event: 'lastDose', drug: 'lenalidomide', minDays: 7 }, expected: 'UNKNOWN' },
  { id: 'D36', clause: '§7 "growth factor not within ~7 days" — lipegfilgrastim (EU G-CSF, not in the documented list)', summary: 'lipegfilgrastim 05-18, ANC 05-20 1.5 → UNKNOWN', events: [med('lipegfilgrastim', '2025-05-18', '2025-05-18'), lab('2025-05-20', 'anc', 1.5, '10*9/L')], rule: ANC7, expected: 'UNKNOWN' },
  { id: 'D37', clause: 'ESA epoetin beta (not in the documented list)', summary: 'epoetin beta to 05-18, Hb 9 → UNKNOWN', events: [med('epoetin beta', '2025-05-01', '2025-05-18'), lab('2025-05-20', 'hemoglobin', 9, 'g/dL')], rule: HB7, expected: 'UNKNOWN' },
  { id: 'D38', clause: 'minDaysAfterSupport only for platelets/hemoglobin/anc', summary: 'creatinine with minDaysAfterSupport → compile refused', read: () => { try { compileRule({ fact: 'lab', name: 'creatinine', op: '<=', value: 2, unit: 'mg/dL', minDaysAfterSupport: 7 }); return 'compiled'; } catch { return 'refused'; } }, expected: 'refused' },
];

describe('lab37d subtle combinations', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const asOf = c.asOf ?? AS_OF;
      const p = c.profile ? c.profile() : buildProfile(c.events ?? [], asOf, c.settings ?? DEFAULT_SETTINGS);
      const got = c.read ? c.read(p) : outcome(c.rule, p, asOf);
      expect(got).toEqual(c.expected);
    });
  }
});
