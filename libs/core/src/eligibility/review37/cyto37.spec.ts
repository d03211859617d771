/**
 * cyto37 — hand-derived cytogenetic risk and ISS / R-ISS staging cases (domain.md §6, docs/clinical-core.md
 * "Cytogenetics" / "Staging" and settings, docs/criteria-language.md `cytogenetics`, `highRiskCytogenetics`, `stage`).
 * Expectations written from the definitions before reading the implementation. Scratch review file; not committed.
 */
import { event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { mapFhirBundle, SYSTEMS } from '../../fhir/map-bundle';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type S = typeof DEFAULT_SETTINGS;
const AS_OF = '2025-06-01';
const FD = '2025-05-01'; // FISH day
const LD = '2025-05-15'; // lab day

let k = 0;
const cy = (abnormality: string, result: 'detected' | 'not-detected' = 'detected', pct: number | null = null, copy: number | null = null, date = FD): Ev =>
  event('cytogenetics', date, { abnormality, result, ...(pct !== null ? { percentCells: pct } : {}), ...(copy !== null ? { copyNumber: copy } : {}) }, `cy${String(++k).padStart(4, '0')}`);
const b2m = (v: number, unit = 'mg/L', date = LD) => lab(date, 'beta-2 microglobulin', v, unit);
const alb = (v: number, unit = 'g/dL', date = LD) => lab(date, 'albumin', v, unit);
const ldh = (v: number, uln: number | null, date = LD) => lab(date, 'ldh', v, 'U/L', uln === null ? {} : { uln });
const cr = (v: number, unit = 'mg/dL', date = LD, extra: Record<string, unknown> = {}) => lab(date, 'creatinine', v, unit, extra);

const ALL = ['del(17p)', 't(4;14)', 't(14;16)', 't(14;20)', 'gain(1q)', 'del(1p32)'];
/** every 2025 locus tested negative, except those named. */
const neg = (...except: string[]) => ALL.filter((a) => !except.includes(a)).map((a) => cy(a, 'not-detected'));
/** β2M normal with normal creatinine. */
const B2N = () => [b2m(2.0), cr(0.9)];

const prof = (evs: Ev[], settings?: Partial<S>) => buildProfile(evs, AS_OF, settings ? { ...DEFAULT_SETTINGS, ...settings } : DEFAULT_SETTINGS);
const rule = (r: unknown) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const hrR = rule({ fact: 'highRiskCytogenetics', definition: 'riss' });
const hrI = rule({ fact: 'highRiskCytogenetics', definition: 'imwg2025' });
const has = (a: string) => rule({ fact: 'cytogenetics', abnormality: a });
const riss = (p: P) => p.cytogenetics.highRiskRiss;
const imwg = (p: P) => p.cytogenetics.highRiskImwg2025.highRisk;
const b2c = (p: P) => p.cytogenetics.highRiskImwg2025.beta2m;
const t1114 = (p: P) => p.cytogenetics.t11_14;
const st = (sys: 'iss' | 'riss', at: 'current' | 'atDiagnosis' = 'current') => (p: P) => {
  const s = p.staging![at][sys];
  return s.stage !== null ? s.stage : `?${s.possible.join('/')}`;
};
const stageRule = (system: string, at: string, stages: number[]) => rule({ fact: 'stage', system, at, stages });
const both = (...fs: Array<(p: P) => unknown>) => (p: P) => fs.map((f) => f(p));

// FHIR genomics observations (docs/fhir-mapping.md, LOINC 69548-6 with Variant ISCN 81291-7)
let f = 0;
const variant = (iscn: string, present = true, date = FD) => ({
  resource: {
    resourceType: 'Observation' as const,
    id: `v${++f}`,
    status: 'final' as const,
    code: { coding: [{ system: SYSTEMS.loinc, code: '69548-6' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: present ? 'LA9633-4' : 'LA9634-2' }] },
    component: [{ code: { coding: [{ system: SYSTEMS.loinc, code: '81291-7' }] }, valueCodeableConcept: { coding: [{ system: 'https://iscn.karger.com', code: iscn }] } }],
  },
});
const fhir = (...obs: Array<ReturnType<typeof variant>>): Ev[] =>
  mapFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02' } }, ...obs] }).events;

const LINE = med('VRd', '2025-01-01', null);

interface Case { id: string; clause: string; events: Ev[]; settings?: Partial<S>; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  // ---- del(17p) / TP53 ----
  { id: 'C01', clause: '§6 del(17p) ≥20% (2025) and FISH 20% copy-number cut-off: exactly 20%', events: [cy('del(17p)', 'detected', 20)], read: both(riss, imwg), expected: [true, true] },
  { id: 'C02', clause: '§6 FISH 20% numerical cut-off: 19.9% is negative', events: [cy('del(17p)', 'detected', 19.9)], read: both(riss, imwg), expected: [false, false] },
  { id: 'C02b', clause: '§6 19.9% del(17p) → cytogenetics del(17p) NOT_MET (tested, below cut-off)', events: [cy('del(17p)', 'detected', 19.9)], read: has('del(17p)'), expected: 'NOT_MET' },
  { id: 'C03', clause: 'clinical-core: del(17p) without fraction taken as above it', events: [cy('del(17p)')], read: both(riss, imwg), expected: [true, true] },
  { id: 'C04', clause: 'clinical-core: latest result per abnormality (positive then negative)', events: [cy('del(17p)', 'detected', 25, null, '2024-06-01'), cy('del(17p)', 'not-detected')], read: riss, expected: false },
  { id: 'C05', clause: 'latest result (negative then positive)', events: [cy('del(17p)', 'not-detected', null, null, '2024-06-01'), cy('del(17p)', 'detected', 30)], read: both(riss, imwg), expected: [true, true] },
  { id: 'C06', clause: 'v13 conflicting results of one day → not tested → UNKNOWN', events: [cy('del(17p)', 'detected', 30), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: hrR, expected: 'UNKNOWN' },
  { id: 'C07', clause: '§6 TP53 mutation: 2025 high risk, not R-ISS', events: [cy('TP53 mutation')], read: both(riss, imwg), expected: [false, true] },
  { id: 'C08', clause: 'clinical-core: "TP53 deletion" is del(17p)', events: [cy('TP53 deletion', 'detected', 30)], read: riss, expected: true },
  { id: 'C09', clause: 'clinical-core: ISCN del(17)(p13) is del(17p)', events: [cy('del(17)(p13)', 'detected', 30)], read: riss, expected: true },
  { id: 'C10', clause: 'v8: del(17)(p13.3) spares TP53 → not del(17p); R-ISS then untested', events: [cy('del(17)(p13.3)', 'detected', 30), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: both(riss, hrR), expected: [false, 'UNKNOWN'] },
  { id: 'C11', clause: 'clinical-core: "17p-" is del(17p)', events: [cy('17p-', 'detected', 50)], read: riss, expected: true },
  { id: 'C12', clause: '§6 10% fusion cut-off: t(4;14) exactly 10% → R-ISS HR; 2025 not alone', events: [cy('t(4;14)', 'detected', 10)], read: both(riss, imwg), expected: [true, false] },
  { id: 'C13', clause: '§6 10% cut-off: 9.9% negative', events: [cy('t(4;14)', 'detected', 9.9)], read: riss, expected: false },
  { id: 'C14', clause: '§6 2025 t(4;14)+gain(1q) (gain at 20% exactly)', events: [cy('t(4;14)', 'detected', 15), cy('gain(1q)', 'detected', 20)], read: imwg, expected: true },
  { id: 'C15', clause: '§6 gain(1q) 19% below 20% numerical cut-off → no 1q+', events: [cy('t(4;14)', 'detected', 15), cy('gain(1q)', 'detected', 19)], read: imwg, expected: false },
  { id: 'C16', clause: '§6 t(14;16) + del(1p32) monoallelic', events: [cy('t(14;16)', 'detected', 12), cy('del(1p32)', 'detected', 25, 1)], read: both(riss, imwg), expected: [true, true] },
  { id: 'C17', clause: '§6 t(14;20) alone: not R-ISS, not 2025', events: [cy('t(14;20)', 'detected', 50)], read: both(riss, imwg), expected: [false, false] },
  { id: 'C18', clause: '§6 t(14;20) + amp(1q) → 2025 HR, not R-ISS', events: [cy('t(14;20)', 'detected', 50), cy('amp(1q)', 'detected', 30, 5)], read: both(riss, imwg), expected: [false, true] },
  { id: 'C19', clause: '§6 t(11;14) not high risk', events: [cy('t(11;14)', 'detected', 80)], read: both(riss, imwg, t1114), expected: [false, false, true] },
  { id: 'C20', clause: '§6 t(11;14) 9% below fusion cut-off', events: [cy('t(11;14)', 'detected', 9)], read: both(t1114, has('t(11;14)')), expected: [false, 'NOT_MET'] },
  { id: 'C21', clause: '§6 t(11;14) at 10%', events: [cy('t(11;14)', 'detected', 10)], read: has('t(11;14)'), expected: 'MET' },
  { id: 'C22', clause: '§6 t(11;14) + gain(1q) not 2025 HR (t(11;14) not a listed translocation)', events: [cy('t(11;14)', 'detected', 50), cy('gain(1q)', 'detected', 40, 3)], read: imwg, expected: false },
  { id: 'C23', clause: 'clinical-core: IGH::FGFR3 is t(4;14)', events: [cy('IGH::FGFR3', 'detected', 30)], read: riss, expected: true },
  { id: 'C24', clause: 'clinical-core: t(4;14)(p16;q32)', events: [cy('t(4;14)(p16;q32)', 'detected', 30)], read: riss, expected: true },
  { id: 'C25', clause: 'clinical-core: IGH::MAFB is t(14;20); "1q gain"', events: [cy('IGH::MAFB', 'detected', 30), cy('1q gain', 'detected', 30)], read: both(riss, imwg), expected: [false, true] },
  // ---- 1q copy number ----
  { id: 'C26', clause: '§6 gain(1q) 3 copies: gain, not amp; alone not HR', events: [cy('gain(1q)', 'detected', 40, 3)], read: both(imwg, has('gain(1q)'), has('amp(1q)')), expected: [false, 'MET', 'NOT_MET'] },
  { id: 'C27', clause: '§6 convention amp ≥4 copies', events: [cy('gain(1q)', 'detected', 40, 4)], read: has('amp(1q)'), expected: 'MET' },
  { id: 'C28', clause: 'setting amp1qMinCopies 5: 4 copies is a gain', events: [cy('gain(1q)', 'detected', 40, 4)], settings: { amp1qMinCopies: 5 }, read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'C29', clause: 'clinical-core: copy number decides the form (amp reported with 3 copies)', events: [cy('amp(1q)', 'detected', 40, 3)], read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'C30', clause: 'criteria-language: a gain without copy number leaves amp open', events: [cy('gain(1q)', 'detected', 40)], read: has('amp(1q)'), expected: 'UNKNOWN' },
  { id: 'C31', clause: 'clinical-core: a later copy number short of amp rules out earlier amp', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), cy('gain(1q)', 'detected', 40, 3)], read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'C32', clause: 'clinical-core: a later negative for 1q rules out an earlier amp', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), cy('gain(1q)', 'not-detected')], read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'NOT_MET'] },
  // ---- del(1p32) ----
  { id: 'C33', clause: '§6 biallelic del(1p32) alone → HR', events: [cy('del(1p32)', 'detected', 30, 0)], read: imwg, expected: true },
  { id: 'C34', clause: '§6 monoallelic del(1p32) without 1q+ → not HR', events: [cy('del(1p32)', 'detected', 30, 1), cy('gain(1q)', 'not-detected')], read: imwg, expected: false },
  { id: 'C35', clause: '§6 monoallelic del(1p32) + gain(1q) → HR', events: [cy('del(1p32)', 'detected', 30, 1), cy('gain(1q)', 'detected', 30, 3)], read: imwg, expected: true },
  { id: 'C36', clause: 'clinical-core: "biallelic del(1p32)"', events: [cy('biallelic del(1p32)', 'detected', 30)], read: imwg, expected: true },
  { id: 'C37', clause: '§6 del(1p32) 19% below 20% cut-off, gain(1q) 30% → not HR', events: [cy('del(1p32)', 'detected', 19, 1), cy('gain(1q)', 'detected', 30, 3)], read: imwg, expected: false },
  { id: 'C38', clause: 'criteria-language: del(1p32) found with no copy number, full panel otherwise neg → biallelic open → UNKNOWN', events: [...neg('del(1p32)'), cy('del(1p32)', 'detected', 40), ...B2N()], read: hrI, expected: 'NOT_MET' }, // round 37, kept at the code's reading (documented: del(1p32) with its own result counts as tested); the reviewer expected 'UNKNOWN'
  { id: 'C39', clause: 'clinical-core: ISCN del(1)(p32) + 1q gain', events: [cy('del(1)(p32)', 'detected', 40), cy('gain(1q)', 'detected', 30, 3)], read: imwg, expected: true },
  // ---- full panel, β2M clause ----
  { id: 'C40', clause: 'full panel negative, β2M normal → NOT_MET both', events: [...neg(), ...B2N()], read: both(hrI, hrR), expected: ['NOT_MET', 'NOT_MET'] },
  { id: 'C41', clause: 'criteria-language: β2M missing alone can make 2025 HR → UNKNOWN; R-ISS NOT_MET', events: [...neg()], read: both(hrI, hrR), expected: ['UNKNOWN', 'NOT_MET'] },
  { id: 'C42', clause: '§6 β2M exactly 5.5 with normal creatinine → HR', events: [...neg(), b2m(5.5), cr(1.0)], read: both(hrI, b2c, imwg), expected: ['MET', 'met', true] },
  { id: 'C43', clause: '§6 β2M 5.49 → not', events: [...neg(), b2m(5.49), cr(1.0)], read: both(hrI, b2c), expected: ['NOT_MET', 'not-met'] },
  { id: 'C44', clause: 'setting: creatinine without ULN normal below 1.2: 1.2 is not normal', events: [...neg(), b2m(6), cr(1.2)], read: both(hrI, b2c), expected: ['NOT_MET', 'not-met'] },
  { id: 'C45', clause: 'setting: creatinine 1.19 < 1.2 normal', events: [...neg(), b2m(6), cr(1.19)], read: hrI, expected: 'MET' },
  { id: 'C46', clause: 'setting: creatinine ≤ its reported ULN is normal (1.3 with ULN 1.3)', events: [...neg(), b2m(6), cr(1.3, 'mg/dL', LD, { uln: 1.3 })], read: hrI, expected: 'MET' },
  { id: 'C46b', clause: 'setting: ULN reported 1.0; creatinine 1.1 above it is not normal although <1.2', events: [...neg(), b2m(6), cr(1.1, 'mg/dL', LD, { uln: 1.0 })], read: hrI, expected: 'NOT_MET' },
  { id: 'C47', clause: 'setting beta2mCreatinineMaxDays 30: creatinine 40 days from β2M → clause unknown', events: [...neg(), b2m(6), cr(1.0, 'mg/dL', '2025-04-05')], read: both(hrI, b2c), expected: ['UNKNOWN', 'unknown'] },
  { id: 'C47b', clause: 'creatinine exactly 30 days before β2M counts', events: [...neg(), b2m(6), cr(1.0, 'mg/dL', '2025-04-15')], read: hrI, expected: 'MET' },
  { id: 'C48', clause: '§8 units: β2M 0.6 mg/dL = 6 mg/L', events: [...neg(), b2m(0.6, 'mg/dL'), cr(1.0)], read: hrI, expected: 'MET' },
  { id: 'C48b', clause: 'units: β2M 0.549 mg/dL = 5.49 mg/L → not', events: [...neg(), b2m(0.549, 'mg/dL'), cr(1.0)], read: hrI, expected: 'NOT_MET' },
  { id: 'C49', clause: 'units: β2M 470 nmol/L = 5.53 mg/L → HR', events: [...neg(), b2m(470, 'nmol/L'), cr(1.0)], read: hrI, expected: 'MET' },
  { id: 'C49b', clause: 'units: β2M 460 nmol/L = 5.42 mg/L → not', events: [...neg(), b2m(460, 'nmol/L'), cr(1.0)], read: hrI, expected: 'NOT_MET' },
  { id: 'C50', clause: 'units: creatinine 106 µmol/L = 1.199 mg/dL normal', events: [...neg(), b2m(6), cr(106, 'umol/L')], read: hrI, expected: 'MET' },
  { id: 'C50b', clause: 'units: creatinine 107 µmol/L = 1.210 mg/dL not normal', events: [...neg(), b2m(6), cr(107, 'umol/L')], read: hrI, expected: 'NOT_MET' },
  { id: 'C51', clause: 'v9: the creatinine measured with the β2M, not the latest (renal failure then recovery)', events: [...neg(), b2m(6, 'mg/L', '2025-03-01'), cr(2.0, 'mg/dL', '2025-03-01'), cr(0.9, 'mg/dL', '2025-05-20')], read: both(hrI, b2c), expected: ['NOT_MET', 'not-met'] },
  { id: 'C52', clause: 'latest β2M decides (older 6.0, latest 4.0)', events: [...neg(), b2m(6, 'mg/L', '2025-03-01'), cr(1.0, 'mg/dL', '2025-03-01'), b2m(4.0), cr(1.0)], read: hrI, expected: 'NOT_MET' },
  { id: 'C52b', clause: 'closest creatinine: -20 d 2.0, +10 d 1.0 → the +10 d normal one', events: [...neg(), b2m(6), cr(2.0, 'mg/dL', '2025-04-25'), cr(1.0, 'mg/dL', '2025-05-25')], read: hrI, expected: 'MET' },
  { id: 'C52c', clause: 'v16: same-time β2M 5.4 and 5.6 → clause unknown', events: [...neg(), b2m(5.4), b2m(5.6), cr(1.0)], read: both(hrI, b2c), expected: ['UNKNOWN', 'unknown'] },
  // ---- partial panels ----
  { id: 'C53', clause: 'criteria-language: t(4;14) alone, 1q / del(1p32) untested → 2025 UNKNOWN; R-ISS MET', events: [cy('t(4;14)', 'detected', 20)], read: both(hrI, hrR), expected: ['UNKNOWN', 'MET'] },
  { id: 'C54', clause: 't(4;14) + 1q neg, del(1p32) untested → UNKNOWN', events: [cy('t(4;14)', 'detected', 20), cy('gain(1q)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'C55', clause: 't(4;14) + 1q neg + del(1p32) neg + del(17p) neg + β2M normal → NOT_MET', events: [cy('t(4;14)', 'detected', 20), cy('gain(1q)', 'not-detected'), cy('del(1p32)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'NOT_MET' },
  { id: 'C56', clause: 'gain(1q) found, t(14;16) untested → UNKNOWN', events: [cy('gain(1q)', 'detected', 30, 3), cy('t(4;14)', 'not-detected'), cy('t(14;20)', 'not-detected'), cy('del(1p32)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'C57', clause: 'R-ISS: t(14;16) untested → UNKNOWN', events: [cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected')], read: hrR, expected: 'UNKNOWN' },
  { id: 'C58', clause: 'R-ISS: t(14;16) found, rest untested → MET', events: [cy('t(14;16)', 'detected', 40)], read: hrR, expected: 'MET' },
  { id: 'C59', clause: 'criteria-language: "no amplification" leaves a gain open; t(4;14) found → UNKNOWN', events: [cy('t(4;14)', 'detected', 40), cy('amp(1q)', 'not-detected'), cy('del(1p32)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'C60', clause: 'criteria-language: "no biallelic" leaves monoallelic open; with 1q+ found → UNKNOWN', events: [cy('biallelic del(1p32)', 'not-detected'), cy('gain(1q)', 'detected', 30, 3), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected'), cy('t(14;20)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'C61', clause: 'criteria-language: no biallelic, 1q and all translocations negative → monoallelic decides nothing → NOT_MET', events: [cy('biallelic del(1p32)', 'not-detected'), cy('gain(1q)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected'), cy('t(14;20)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'NOT_MET' },
  { id: 'C62', clause: 'criteria-language: amp(1q) found answers gain(1q)', events: [cy('amp(1q)', 'detected', 30)], read: has('gain(1q)'), expected: 'MET' },
  { id: 'C63', clause: 'criteria-language: biallelic del(1p32) found answers del(1p32)', events: [cy('biallelic del(1p32)', 'detected', 30)], read: has('del(1p32)'), expected: 'MET' },
  { id: 'C64', clause: 'criteria-language: gain(1q) not detected → amp(1q) NOT_MET', events: [cy('gain(1q)', 'not-detected')], read: has('amp(1q)'), expected: 'NOT_MET' },
  { id: 'C65', clause: 'criteria-language: del(17p) never tested → UNKNOWN', events: [cy('t(4;14)', 'detected', 20)], read: has('del(17p)'), expected: 'UNKNOWN' },
  // ---- ISS ----
  { id: 'S01', clause: '§6 ISS I β2M <3.5, albumin ≥3.5', events: [b2m(3.49), alb(3.5)], read: st('iss'), expected: 1 },
  { id: 'S02', clause: '§6 β2M exactly 3.5 → not I', events: [b2m(3.5), alb(3.5)], read: st('iss'), expected: 2 },
  { id: 'S03', clause: '§6 albumin 3.49 → not I', events: [b2m(3.4), alb(3.49)], read: st('iss'), expected: 2 },
  { id: 'S04', clause: '§6 β2M 5.5 → III, albumin missing', events: [b2m(5.5)], read: st('iss'), expected: 3 },
  { id: 'S05', clause: '§6 β2M 5.49 → II', events: [b2m(5.49), alb(4)], read: st('iss'), expected: 2 },
  { id: 'S06', clause: '§8 albumin 35 g/L = 3.5 g/dL → I', events: [b2m(3.0), alb(35, 'g/L')], read: st('iss'), expected: 1 },
  { id: 'S07', clause: 'β2M 0.3 mg/dL = 3 mg/L → I', events: [b2m(0.3, 'mg/dL'), alb(4.0)], read: st('iss'), expected: 1 },
  { id: 'S08', clause: 'β2M 0.55 mg/dL = 5.5 mg/L → III', events: [b2m(0.55, 'mg/dL'), alb(4.0)], read: st('iss'), expected: 3 },
  { id: 'S09', clause: 'clinical-core: β2M 2.0 no albumin → I or II', events: [b2m(2.0)], read: st('iss'), expected: '?1/2' },
  { id: 'S10', clause: 'no β2M, albumin 3.0 → II or III', events: [alb(3.0)], read: st('iss'), expected: '?2/3' },
  { id: 'S11', clause: 'albumin 34 g/L = 3.4 g/dL → II', events: [b2m(3.0), alb(34, 'g/L')], read: st('iss'), expected: 2 },
  { id: 'S11b', clause: 'albumin 34.9 g/L = 3.49 g/dL → II; β2M 349 ... boundary on boundary', events: [b2m(3.49), alb(34.9, 'g/L')], read: st('iss'), expected: 2 },
  // ---- R-ISS ----
  { id: 'S12', clause: '§6 R-ISS I: ISS I + standard FISH + LDH normal', events: [b2m(3.0), alb(4.0), ldh(200, 250), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: 1 },
  { id: 'S13', clause: 'LDH = ULN is normal', events: [b2m(3.0), alb(4.0), ldh(250, 250), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: 1 },
  { id: 'S14', clause: 'LDH > ULN with ISS I → II', events: [b2m(3.0), alb(4.0), ldh(251, 250), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: 2 },
  { id: 'S15', clause: 'ISS III + del(17p) → III', events: [b2m(6.0), alb(4.0), ldh(200, 250), cy('del(17p)', 'detected', 30), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: 3 },
  { id: 'S16', clause: 'ISS III + LDH high → III', events: [b2m(6.0), alb(4.0), ldh(300, 250), ...neg()], read: st('riss'), expected: 3 },
  { id: 'S17', clause: 'ISS III + standard FISH + LDH normal → II', events: [b2m(6.0), alb(4.0), ldh(200, 250), ...neg()], read: st('riss'), expected: 2 },
  { id: 'S18', clause: 'ISS II + del(17p) + LDH high → II', events: [b2m(4.0), alb(4.0), ldh(300, 250), cy('del(17p)', 'detected', 30)], read: st('riss'), expected: 2 },
  { id: 'S19', clause: 't(14;20) is not R-ISS high risk → I', events: [b2m(3.0), alb(4.0), ldh(200, 250), ...neg('t(14;20)'), cy('t(14;20)', 'detected', 50)], read: st('riss'), expected: 1 },
  { id: 'S20', clause: 't(4;14) 9% below cut-off → standard → I', events: [b2m(3.0), alb(4.0), ldh(200, 250), ...neg('t(4;14)'), cy('t(4;14)', 'detected', 9)], read: st('riss'), expected: 1 },
  { id: 'S21', clause: 'ISS III, FISH neg, LDH without ULN → II or III', events: [b2m(6.0), alb(4.0), ldh(200, null), ...neg()], read: st('riss'), expected: '?2/3' },
  { id: 'S22', clause: 'ISS I, LDH normal, t(14;16) untested → I or II', events: [b2m(3.0), alb(4.0), ldh(200, 250), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected')], read: st('riss'), expected: '?1/2' },
  { id: 'S23', clause: 'ISS III + del(17p) 15% (below 20) + LDH normal → II', events: [b2m(6.0), alb(4.0), ldh(200, 250), ...neg('del(17p)'), cy('del(17p)', 'detected', 15)], read: st('riss'), expected: 2 },
  { id: 'S23b', clause: 'R-ISS uses FISH del(17p) not TP53 mutation: ISS III + TP53 mut + LDH normal → II', events: [b2m(6.0), alb(4.0), ldh(200, 250), ...neg(), cy('TP53 mutation')], read: st('riss'), expected: 2 },
  { id: 'S23c', clause: 'R-ISS III with del(17p) at exactly 20% and β2M exactly 5.5', events: [b2m(5.5), ldh(200, 250), ...neg('del(17p)'), cy('del(17p)', 'detected', 20)], read: st('riss'), expected: 3 },
  // ---- at diagnosis vs now ----
  { id: 'S24', clause: 'at diagnosis (β2M before line) vs current', events: [LINE, b2m(6.0, 'mg/L', '2024-12-01'), alb(3.0, 'g/dL', '2024-12-01'), b2m(2.0, 'mg/L', '2025-05-01'), alb(4.0, 'g/dL', '2025-05-01')], read: both(st('iss', 'atDiagnosis'), st('iss')), expected: [3, 1] },
  { id: 'S25', clause: 'stagingLabMaxDaysBeforeTreatment 90: exactly 90 days before counts', events: [LINE, b2m(6.0, 'mg/L', '2024-10-03')], read: st('iss', 'atDiagnosis'), expected: 3 },
  { id: 'S26', clause: '91 days before → not counted', events: [LINE, b2m(6.0, 'mg/L', '2024-10-02')], read: st('iss', 'atDiagnosis'), expected: '?1/2/3' },
  { id: 'S27', clause: 'β2M after line start not at diagnosis', events: [LINE, b2m(2.0, 'mg/L', '2024-12-20'), alb(4.0, 'g/dL', '2024-12-20'), b2m(6.0, 'mg/L', '2025-01-02')], read: st('iss', 'atDiagnosis'), expected: 1 },
  { id: 'S28', clause: 'β2M on the line start day counts', events: [LINE, b2m(2.0, 'mg/L', '2024-12-20'), alb(4.0, 'g/dL', '2024-12-20'), b2m(6.0, 'mg/L', '2025-01-01')], read: st('iss', 'atDiagnosis'), expected: 3 },
  { id: 'S29', clause: 'stagingFishMaxDaysAfterTreatmentStart 30: del(17p) 30 days after start counts', events: [LINE, b2m(6.0, 'mg/L', '2024-12-15'), ldh(200, 250, '2024-12-15'), cy('del(17p)', 'detected', 40, null, '2025-01-31')], read: both(st('riss', 'atDiagnosis'), stageRule('riss', 'diagnosis', [3])), expected: [3, 'MET'] },
  { id: 'S30', clause: 'FISH 31 days after start not at diagnosis (earlier negative counts)', events: [LINE, b2m(6.0, 'mg/L', '2024-12-15'), ldh(200, 250, '2024-12-15'), cy('del(17p)', 'not-detected', null, null, '2024-12-15'), cy('t(4;14)', 'not-detected', null, null, '2024-12-15'), cy('t(14;16)', 'not-detected', null, null, '2024-12-15'), cy('del(17p)', 'detected', 40, null, '2025-02-01')], read: st('riss', 'atDiagnosis'), expected: 2 },
  { id: 'S30b', clause: 'same: current R-ISS reads the relapse del(17p)', events: [LINE, b2m(6.0, 'mg/L', '2025-05-01'), ldh(200, 250, '2025-05-01'), cy('del(17p)', 'not-detected', null, null, '2024-12-15'), cy('t(4;14)', 'not-detected', null, null, '2024-12-15'), cy('t(14;16)', 'not-detected', null, null, '2024-12-15'), cy('del(17p)', 'detected', 40, null, '2025-02-01')], read: st('riss'), expected: 3 },
  { id: 'S31', clause: 'currentLabMaxAgeDays 60: exactly 60 days old counts', events: [b2m(2.0, 'mg/L', '2025-04-02'), alb(4.0, 'g/dL', '2025-04-02')], read: st('iss'), expected: 1 },
  { id: 'S32', clause: '61 days old → not current', events: [b2m(2.0, 'mg/L', '2025-04-01'), alb(4.0, 'g/dL', '2025-04-01')], read: st('iss'), expected: '?1/2/3' },
  { id: 'S33', clause: 'stage rule ISS [1] with β2M 2.0, no albumin → UNKNOWN', events: [b2m(2.0)], read: stageRule('iss', 'current', [1]), expected: 'UNKNOWN' },
  { id: 'S34', clause: 'stage rule ISS [1,2] with β2M 2.0, no albumin → MET', events: [b2m(2.0)], read: stageRule('iss', 'current', [1, 2]), expected: 'MET' },
  { id: 'S35', clause: 'R-ISS [3] with ISS I → NOT_MET (even FISH unknown)', events: [b2m(2.0), alb(4.0)], read: stageRule('riss', 'current', [3]), expected: 'NOT_MET' },
  { id: 'S36', clause: 'no line: at diagnosis = latest of any age', events: [b2m(6.0, 'mg/L', '2023-01-01')], read: both(st('iss', 'atDiagnosis'), st('iss')), expected: [3, '?1/2/3'] },
  { id: 'S37', clause: 'v13 same-time β2M 5.4 / 5.6 (albumin 4) → II or III', events: [b2m(5.4), b2m(5.6), alb(4.0)], read: st('iss'), expected: '?2/3' },
  { id: 'S38', clause: 'same-time β2M 3.4 / 3.6 (albumin 4) → I or II', events: [b2m(3.4), b2m(3.6), alb(4.0)], read: st('iss'), expected: '?1/2' },
  // ---- combos, repeated results ----
  { id: 'X01', clause: '§6 t(4;14) at diagnosis, gain(1q) found at relapse → both latest positive → HR', events: [cy('t(4;14)', 'detected', 15, null, '2024-01-10'), cy('gain(1q)', 'detected', 30, 3)], read: imwg, expected: true },
  { id: 'X02', clause: 'later del(17p) 15% after earlier 25% → latest below cut-off', events: [cy('del(17p)', 'detected', 25, null, '2024-06-01'), cy('del(17p)', 'detected', 15)], read: both(riss, imwg), expected: [false, false] },
  { id: 'X03', clause: 'earlier 15%, later 25% → HR', events: [cy('del(17p)', 'detected', 15, null, '2024-06-01'), cy('del(17p)', 'detected', 25)], read: both(riss, imwg), expected: [true, true] },
  { id: 'X04', clause: 'gain(1q) 3 copies in 15% of cells: below cut-off → with t(4;14) not HR', events: [cy('t(4;14)', 'detected', 30), cy('gain(1q)', 'detected', 15, 3)], read: imwg, expected: false },
  { id: 'X05', clause: 'del(17p) 19.99%', events: [cy('del(17p)', 'detected', 19.99)], read: riss, expected: false },
  { id: 'X06', clause: 'setting fishCutoffs translocation 15: t(4;14) 12% negative', events: [cy('t(4;14)', 'detected', 12)], settings: { fishCutoffs: { translocation: 15, copyNumber: 20 } }, read: riss, expected: false },
  { id: 'X08', clause: 'setting copyNumber cut-off 5: del(17p) 10% FISH-positive (R-ISS) but 2025 needs ≥20%', events: [cy('del(17p)', 'detected', 10)], settings: { fishCutoffs: { translocation: 10, copyNumber: 5 } }, read: both(riss, imwg), expected: [true, false] },
  { id: 'X08b', clause: 'same, full panel + β2M normal → 2025 rule NOT_MET, R-ISS MET', events: [...neg('del(17p)'), cy('del(17p)', 'detected', 10), ...B2N()], settings: { fishCutoffs: { translocation: 10, copyNumber: 5 } }, read: both(hrI, hrR), expected: ['NOT_MET', 'MET'] },
  { id: 'X10', clause: 'clinical-core: "1q21 gain/amp" with 5 copies → amp', events: [cy('1q21 gain/amp', 'detected', 40, 5)], read: has('amp(1q)'), expected: 'MET' },
  { id: 'X11', clause: 'conflicting gain(1q) same day + t(4;14) → UNKNOWN', events: [cy('t(4;14)', 'detected', 30), cy('gain(1q)', 'detected', 30, 3), cy('gain(1q)', 'not-detected'), cy('del(1p32)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'X12', clause: 'v16: gain 3 copies beside amp 4 copies same day = subclone → amp found', events: [cy('gain(1q)', 'detected', 50, 3), cy('amp(1q)', 'detected', 25, 4)], read: has('amp(1q)'), expected: 'MET' },
  { id: 'X13', clause: 'monoallelic del(1p32) found, biallelic not found same day, gain(1q) found → HR', events: [cy('del(1p32)', 'detected', 30, 1), cy('biallelic del(1p32)', 'not-detected'), cy('gain(1q)', 'detected', 30, 3)], read: imwg, expected: true },
  { id: 'X14', clause: 't(11;14) and t(4;14) both', events: [cy('t(11;14)', 'detected', 30), cy('t(4;14)', 'detected', 30)], read: both(t1114, riss), expected: [true, true] },
  { id: 'X15', clause: 't(11;14) never tested → UNKNOWN', events: [cy('t(4;14)', 'detected', 30)], read: has('t(11;14)'), expected: 'UNKNOWN' },
  { id: 'X16', clause: 'del(17p) 15% + TP53 mutation → 2025 HR, not R-ISS', events: [cy('del(17p)', 'detected', 15), cy('TP53 mutation')], read: both(riss, imwg), expected: [false, true] },
  { id: 'X17', clause: 'biallelic copyNumber 0 at 15%: below 20% cut-off', events: [cy('del(1p32)', 'detected', 15, 0)], read: imwg, expected: false },
  { id: 'X18', clause: 'amp(1q) later copy 4 after earlier gain 3: amp', events: [cy('gain(1q)', 'detected', 40, 3, '2024-06-01'), cy('gain(1q)', 'detected', 40, 4)], read: has('amp(1q)'), expected: 'MET' },
  { id: 'X19', clause: 'del(17p) 25% at diagnosis, not tested since; 2025 reads it → HR', events: [LINE, cy('del(17p)', 'detected', 25, null, '2024-12-01')], read: both(riss, imwg), expected: [true, true] },
  { id: 'X20', clause: 'biallelic found earlier, later del(1p32) copy 1 → no longer biallelic; no 1q → not HR', events: [cy('del(1p32)', 'detected', 40, 0, '2024-06-01'), cy('del(1p32)', 'detected', 40, 1), cy('gain(1q)', 'not-detected')], read: imwg, expected: false },
  // ---- FHIR ISCN path vs native (same fact, two paths) ----
  { id: 'F01', clause: 'fhir-mapping: TP53x1 [40/200] = 20% → del(17p) positive', events: fhir(variant('nuc ish(TP53x1,D17Z1x2)[40/200]')), read: both(riss, imwg), expected: [true, true] },
  { id: 'F02', clause: 'TP53x1 [39/200] = 19.5% → negative', events: fhir(variant('nuc ish(TP53x1,D17Z1x2)[39/200]')), read: both(riss, imwg), expected: [false, false] },
  { id: 'F03', clause: 'two clones 30+15/200 = 22.5% → positive', events: fhir(variant('nuc ish(TP53x1,D17Z1x2)[30/200]/(TP53x0,D17Z1x2)[15/200]')), read: riss, expected: true },
  { id: 'F04', clause: 'FGFR3 con IGH [20/200] = 10% → t(4;14)', events: fhir(variant('nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[20/200]')), read: riss, expected: true },
  { id: 'F05', clause: 'FGFR3 con IGH [19/200] = 9.5% → negative', events: fhir(variant('nuc ish(FGFR3,IGH)x3(FGFR3 con IGHx2)[19/200]')), read: riss, expected: false },
  { id: 'F06', clause: 'CKS1Bx3 → gain(1q) 3 copies, with native t(4;14) → HR; no amp', events: [...fhir(variant('nuc ish 1q21(CKS1Bx3)[100/200]')), cy('t(4;14)', 'detected', 30)], read: both(imwg, has('amp(1q)')), expected: [true, 'NOT_MET'] },
  { id: 'F07', clause: 'CKS1Bx4 with amp1qMinCopies 5 → not amp (setting applies to FHIR path too)', events: fhir(variant('nuc ish 1q21(CKS1Bx4)[100/200]')), settings: { amp1qMinCopies: 5 }, read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'F08', clause: 'CDKN2Cx0 [60/200] → biallelic del(1p32) → HR', events: fhir(variant('nuc ish(CDKN2Cx0)[60/200]')), read: imwg, expected: true },
  { id: 'F08b', clause: 'CDKN2Cx1 [60/200] + CKS1Bx3 → monoallelic + 1q+ → HR', events: fhir(variant('nuc ish(CDKN2Cx1)[60/200]'), variant('nuc ish 1q21(CKS1Bx3)[100/200]')), read: imwg, expected: true },
  { id: 'F09', clause: 'karyotype t(11;14)(q13;q32) found', events: fhir(variant('46,XY,t(11;14)(q13;q32)[20]')), read: t1114, expected: true },
  { id: 'F10', clause: 'karyotype del(17)(p13) found → del(17p)', events: fhir(variant('46,XY,del(17)(p13)[20]')), read: both(riss, imwg), expected: [true, true] },
  { id: 'F11', clause: 'FHIR 1q negative (CKS1Bx2) after native amp(1q) earlier → amp ruled out', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), ...fhir(variant('nuc ish 1q21(CKS1Bx2)[200]', false))], read: has('amp(1q)'), expected: 'NOT_MET' },
  { id: 'F12', clause: 'native del(17p) detected 30% and FHIR TP53x2 [200] absent same day → conflicting → UNKNOWN', events: [cy('del(17p)', 'detected', 30), ...fhir(variant('nuc ish(TP53x2)[200]', false)), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: hrR, expected: 'UNKNOWN' },

  // ---- round 2: subtler combinations ----
  { id: 'D01', clause: 'clinical-core: no del(1p32) rules out the biallelic form → leaf NOT_MET', events: [cy('del(1p32)', 'not-detected')], read: has('biallelic del(1p32)'), expected: 'NOT_MET' },
  { id: 'D02', clause: '§6 1p32 with one copy is monoallelic → biallelic leaf NOT_MET', events: [cy('del(1p32)', 'detected', 40, 1)], read: has('biallelic del(1p32)'), expected: 'NOT_MET' },
  { id: 'D03', clause: 'del(1p32) found without copy number → biallelic leaf UNKNOWN', events: [cy('del(1p32)', 'detected', 40)], read: has('biallelic del(1p32)'), expected: 'UNKNOWN' },
  // D04 (CASE WRONG, fixed): a copy number of 0 names the biallelic clone only (15%, below cut-off); a monoallelic clone is not reported, so del(1p32) stays open.
  { id: 'D04', clause: 'copy 0 at 15% below 20% cut-off → del(1p32) leaf UNKNOWN (monoallelic not reported)', events: [cy('del(1p32)', 'detected', 15, 0)], read: has('del(1p32)'), expected: 'UNKNOWN' },
  { id: 'D05', clause: '§6 t(4;14) + monoallelic del(1p32), 1q negative → HR', events: [cy('t(4;14)', 'detected', 30), cy('del(1p32)', 'detected', 30, 1), cy('gain(1q)', 'not-detected')], read: imwg, expected: true },
  { id: 'D06', clause: '§6 t(14;16) 9% (below cut-off) + gain(1q) → not HR either way', events: [cy('t(14;16)', 'detected', 9), cy('gain(1q)', 'detected', 40, 3)], read: both(riss, imwg), expected: [false, false] },
  { id: 'D07', clause: '§6 monoallelic del(1p32) + amp(1q) → HR', events: [cy('del(1p32)', 'detected', 30, 1), cy('amp(1q)', 'detected', 30, 5)], read: imwg, expected: true },
  { id: 'D08', clause: 'engine: monoallelic del(1p32) found, 1q untested → UNKNOWN', events: [cy('del(1p32)', 'detected', 30, 1), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected'), cy('t(14;20)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D09', clause: 'engine: monoallelic del(1p32) found, 1q neg, t(14;20) untested → UNKNOWN', events: [...neg('del(1p32)', 't(14;20)'), cy('del(1p32)', 'detected', 30, 1), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D10', clause: 'engine: TP53 mutation negative does not stand for del(17p) → UNKNOWN', events: [...neg('del(17p)'), cy('TP53 mutation', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D11', clause: 'engine: β2M clause met decides MET with no FISH', events: [b2m(6), cr(0.9)], read: hrI, expected: 'MET' },
  { id: 'D12', clause: 'engine: β2M 6 without creatinine, FISH negative → UNKNOWN', events: [...neg(), b2m(6)], read: hrI, expected: 'UNKNOWN' },
  { id: 'D13', clause: 'same-time creatinine 1.0 and 1.3 with β2M 6 → normal creatinine unknown → UNKNOWN (v12 sameTime)', events: [...neg(), b2m(6), cr(1.0), cr(1.3)], read: both(hrI, b2c), expected: ['UNKNOWN', 'unknown'] },
  { id: 'D14', clause: 'creatinine ULN in µmol/L: 100 µmol/L over ULN 90 µmol/L → not normal', events: [...neg(), b2m(6), cr(100, 'umol/L', LD, { uln: 90 })], read: hrI, expected: 'NOT_MET' },
  { id: 'D15', clause: 'del(17p) 15% and not-detected same day agree (both negative) → R-ISS NOT_MET', events: [cy('del(17p)', 'detected', 15), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: hrR, expected: 'NOT_MET' },
  { id: 'D16', clause: 'del(17p) 25% and 30% same day agree → MET', events: [cy('del(17p)', 'detected', 25), cy('del(17p)', 'detected', 30)], read: hrR, expected: 'MET' },
  { id: 'D17', clause: 'conflict of one day resolved by a later day', events: [cy('del(17p)', 'detected', 30, null, '2024-06-01'), cy('del(17p)', 'not-detected', null, null, '2024-06-01'), cy('del(17p)', 'detected', 30)], read: hrR, expected: 'MET' },
  { id: 'D18', clause: 'v16 gain(1q) negative beside amp(1q) found same day → both conflicting; with t(4;14) → UNKNOWN', events: [cy('t(4;14)', 'detected', 30), cy('gain(1q)', 'not-detected'), cy('amp(1q)', 'detected', 30, 5), cy('del(1p32)', 'not-detected'), cy('del(17p)', 'not-detected'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D19', clause: 'timed results of one day that disagree → conflicting (one day)', events: [event('cytogenetics', '2025-05-01T08:00:00Z', { abnormality: 'del(17p)', result: 'detected', percentCells: 30 }, 'tz1'), event('cytogenetics', '2025-05-01T15:00:00Z', { abnormality: 'del(17p)', result: 'not-detected' }, 'tz0'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: hrR, expected: 'UNKNOWN' },
  { id: 'D20', clause: 'clinical-core ordering: 05-01T23:30-05:00 is of 05-01, before 05-02 untimed negative', events: [event('cytogenetics', '2025-05-01T23:30:00-05:00', { abnormality: 'del(17p)', result: 'detected', percentCells: 30 }, 'tz3'), event('cytogenetics', '2025-05-02', { abnormality: 'del(17p)', result: 'not-detected' }, 'tz2')], read: riss, expected: false },
  { id: 'D21', clause: 'a FISH result after the profile day is ignored', events: [cy('del(17p)', 'not-detected'), cy('del(17p)', 'detected', 30, null, '2025-07-01')], read: riss, expected: false },
  { id: 'D22', clause: 'rule spelled "IGH::CCND1" reads t(11;14)', events: [cy('t(11;14)', 'detected', 30)], read: has('IGH::CCND1'), expected: 'MET' },
  { id: 'D23', clause: 'rule spelled "17p deletion" reads del(17p)', events: [cy('del(17p)', 'detected', 30)], read: has('17p deletion'), expected: 'MET' },
  { id: 'D24', clause: 'ISS: β2M 0.35 mg/dL = 3.5 mg/L exactly → II', events: [b2m(0.35, 'mg/dL'), alb(4.0)], read: st('iss'), expected: 2 },
  { id: 'D25', clause: 'ISS: albumin 3500 mg/dL?? no: albumin 35.0 g/L with β2M 296 nmol/L (3.49 mg/L) → I', events: [b2m(296, 'nmol/L'), alb(35, 'g/L')], read: st('iss'), expected: 1 },
  { id: 'D26', clause: 'R-ISS: del(17p) without % is high risk → III with ISS III', events: [b2m(6), ldh(200, 250), cy('del(17p)'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: 3 },
  { id: 'D27', clause: 'R-ISS current: conflicting del(17p) with ISS III, LDH normal → II or III', events: [b2m(6), ldh(200, 250), cy('del(17p)', 'detected', 30), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'not-detected'), cy('t(14;16)', 'not-detected')], read: st('riss'), expected: '?2/3' },
  { id: 'D28', clause: 'at diagnosis: FISH negative before line, positive 20 days after start → positive counts → III', events: [LINE, b2m(6.0, 'mg/L', '2024-12-15'), ldh(200, 250, '2024-12-15'), cy('del(17p)', 'not-detected', null, null, '2024-12-15'), cy('t(4;14)', 'not-detected', null, null, '2024-12-15'), cy('t(14;16)', 'not-detected', null, null, '2024-12-15'), cy('del(17p)', 'detected', 40, null, '2025-01-21')], read: st('riss', 'atDiagnosis'), expected: 3 },
  { id: 'D29', clause: 'at diagnosis: β2M in window, albumin 100 days before → ISS (β2M 3.0) I or II', events: [LINE, b2m(3.0, 'mg/L', '2024-12-15'), alb(4.0, 'g/dL', '2024-09-23')], read: st('iss', 'atDiagnosis'), expected: '?1/2' },
  { id: 'D30', clause: 'at diagnosis: LDH high 10 days before start, ISS I, FISH neg → R-ISS II', events: [LINE, b2m(3.0, 'mg/L', '2024-12-22'), alb(4.0, 'g/dL', '2024-12-22'), ldh(400, 250, '2024-12-22'), cy('del(17p)', 'not-detected', null, null, '2024-12-22'), cy('t(4;14)', 'not-detected', null, null, '2024-12-22'), cy('t(14;16)', 'not-detected', null, null, '2024-12-22')], read: st('riss', 'atDiagnosis'), expected: 2 },
  { id: 'D31', clause: 'at diagnosis vs current R-ISS with t(4;14) only at relapse', events: [LINE, b2m(6.0, 'mg/L', '2024-12-22'), ldh(200, 250, '2024-12-22'), cy('del(17p)', 'not-detected', null, null, '2024-12-22'), cy('t(4;14)', 'not-detected', null, null, '2024-12-22'), cy('t(14;16)', 'not-detected', null, null, '2024-12-22'), cy('t(4;14)', 'detected', 30), b2m(6.0), ldh(200, 250)], read: both(st('riss', 'atDiagnosis'), st('riss')), expected: [2, 3] },
  { id: 'D32', clause: 'FHIR t(11;14) CCND1 con IGH [30/200] = 15% → t(11;14)', events: fhir(variant('nuc ish(CCND1,IGH)x3(CCND1 con IGHx2)[30/200]')), read: both(t1114, riss, imwg), expected: [true, false, false] },
  { id: 'D33', clause: 'FHIR t(11;14) [19/200] = 9.5% → not', events: fhir(variant('nuc ish(CCND1,IGH)x3(CCND1 con IGHx2)[19/200]')), read: t1114, expected: false },
  { id: 'D34', clause: 'FHIR biallelic 2024 then native del(1p32) copy 1 2025 → not biallelic; 1q neg → not HR', events: [...fhir(variant('nuc ish(CDKN2Cx0)[60/200]', true, '2024-06-01')), cy('del(1p32)', 'detected', 40, 1), cy('gain(1q)', 'not-detected')], read: imwg, expected: false },
  { id: 'D35', clause: 'FHIR CKS1Bx4 [100/200] default settings → amp', events: fhir(variant('nuc ish 1q21(CKS1Bx4)[100/200]')), read: both(has('amp(1q)'), has('gain(1q)')), expected: ['MET', 'MET'] },
  { id: 'D36', clause: 'FHIR CKS1Bx3 [39/200] = 19.5% → below copy-number cut-off: no gain', events: fhir(variant('nuc ish 1q21(CKS1Bx3)[39/200]')), read: has('gain(1q)'), expected: 'NOT_MET' },
  { id: 'D37', clause: 'FHIR CKS1Bx5 [100/200] with amp1qMinCopies 5 → amp', events: fhir(variant('nuc ish 1q21(CKS1Bx5)[100/200]')), settings: { amp1qMinCopies: 5 }, read: has('amp(1q)'), expected: 'MET' },
  { id: 'D38', clause: 'native gain(1q) copy 4 + FHIR-free, amp1qMinCopies 5, with t(4;14): still 1q+ → HR', events: [cy('gain(1q)', 'detected', 40, 4), cy('t(4;14)', 'detected', 30)], settings: { amp1qMinCopies: 5 }, read: imwg, expected: true },
  { id: 'D39', clause: 'arrival order never matters: C31 reversed', events: [cy('gain(1q)', 'detected', 40, 3), cy('amp(1q)', 'detected', 40, 5, '2024-06-01')], read: has('amp(1q)'), expected: 'NOT_MET' },
  { id: 'D40', clause: 'earlier amp, later gain(1q) detected without copy number → amp still found', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), cy('gain(1q)', 'detected', 40)], read: has('amp(1q)'), expected: 'MET' },

  { id: 'D13b', clause: 'D13 with the event ids reversed (1.3 then 1.0): outcome must not depend on ids → UNKNOWN', events: [...neg(), b2m(6), cr(1.3), cr(1.0)], read: both(hrI, b2c), expected: ['UNKNOWN', 'unknown'] },
  { id: 'D41', clause: 'amp 2024; 2025 gain(1q) detected (no copies) and not detected, disagreeing → amp not known ruled out → UNKNOWN', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), cy('gain(1q)', 'detected', 40), cy('gain(1q)', 'not-detected')], read: has('amp(1q)'), expected: 'UNKNOWN' },
  { id: 'D41b', clause: 'D41 with the two 2025 records in the other id order → UNKNOWN', events: [cy('amp(1q)', 'detected', 40, 5, '2024-06-01'), cy('gain(1q)', 'not-detected'), cy('gain(1q)', 'detected', 40)], read: has('amp(1q)'), expected: 'UNKNOWN' },
  { id: 'D42', clause: 'biallelic 2024; 2025 del(1p32) detected (no copies) and not detected disagree; rest negative → biallelic may stand → UNKNOWN', events: [cy('del(1p32)', 'detected', 40, 0, '2024-06-01'), cy('del(1p32)', 'detected', 40), cy('del(1p32)', 'not-detected'), ...neg('del(1p32)'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D42b', clause: 'D42 with the 2025 records in the other id order → UNKNOWN', events: [cy('del(1p32)', 'detected', 40, 0, '2024-06-01'), cy('del(1p32)', 'not-detected'), cy('del(1p32)', 'detected', 40), ...neg('del(1p32)'), ...B2N()], read: hrI, expected: 'UNKNOWN' },
  { id: 'D43', clause: 'biallelic found → biallelic leaf MET', events: [cy('del(1p32)', 'detected', 40, 0)], read: has('biallelic del(1p32)'), expected: 'MET' },
  { id: 'D44', clause: 'v13 same-time albumin 3.4 / 3.6 with β2M 3.0 → ISS I or II', events: [b2m(3.0), alb(3.4), alb(3.6)], read: st('iss'), expected: '?1/2' },
  { id: 'D45', clause: 'v13 same-time LDH 240 / 260 (ULN 250), ISS I, FISH neg → R-ISS I or II', events: [b2m(3.0), alb(4.0), ldh(240, 250), ldh(260, 250), ...neg()], read: st('riss'), expected: '?1/2' },
  { id: 'D46', clause: 'v16 same-day biallelic found beside del(1p32) not found → conflicting → del(1p32) leaf UNKNOWN', events: [cy('del(1p32)', 'detected', 40, 0), cy('del(1p32)', 'not-detected')], read: has('del(1p32)'), expected: 'UNKNOWN' },

  { id: 'E01', clause: '§6 R-ISS: β2M missing, albumin 3.0, del(17p)+, LDH normal → ISS II/III → R-ISS II or III', events: [alb(3.0), ldh(200, 250), cy('del(17p)', 'detected', 30)], read: st('riss'), expected: '?2/3' },
  { id: 'E02', clause: '§6 R-ISS: β2M missing, albumin 4, FISH neg, LDH normal → III impossible → I or II', events: [alb(4.0), ldh(200, 250), ...neg()], read: st('riss'), expected: '?1/2' },
  { id: 'E03', clause: '§6 R-ISS: β2M missing, FISH neg, LDH high → I impossible → II or III', events: [alb(4.0), ldh(400, 250), ...neg()], read: st('riss'), expected: '?2/3' },
  { id: 'E04', clause: '§6 R-ISS: ISS III + LDH high, FISH untested → III', events: [b2m(6.0), ldh(400, 250)], read: st('riss'), expected: 3 },
  { id: 'E05', clause: '§6 R-ISS: ISS I + del(17p) + LDH without ULN → II', events: [b2m(3.0), alb(4.0), ldh(200, null), cy('del(17p)', 'detected', 30)], read: st('riss'), expected: 2 },
  { id: 'E06', clause: '§6 R-ISS: ISS II, nothing else → II', events: [b2m(4.0)], read: st('riss'), expected: 2 },
  { id: 'E07', clause: 'engine R-ISS: del(17p) conflicting but t(4;14) found → MET', events: [cy('del(17p)', 'detected', 30), cy('del(17p)', 'not-detected'), cy('t(4;14)', 'detected', 30)], read: hrR, expected: 'MET' },
  { id: 'E08', clause: 'engine 2025: TP53 mutation alone → MET', events: [cy('TP53 mutation')], read: hrI, expected: 'MET' },
  { id: 'E09', clause: 'FHIR two clones CKS1Bx3 60 + CKS1Bx4 40 /200: amp 20% → amp', events: fhir(variant('nuc ish(CKS1Bx3)[60/200]/(CKS1Bx4)[40/200]')), read: both(has('amp(1q)'), has('gain(1q)')), expected: ['MET', 'MET'] },
  { id: 'E10', clause: 'FHIR two clones CKS1Bx3 61 + CKS1Bx4 39 /200: amp 19.5% → no amp, gain 50%', events: fhir(variant('nuc ish(CKS1Bx3)[61/200]/(CKS1Bx4)[39/200]')), read: both(has('amp(1q)'), has('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'E11', clause: 'stage rule R-ISS at diagnosis [2,3] with ISS III and FISH unknown, LDH normal → MET', events: [LINE, b2m(6.0, 'mg/L', '2024-12-15'), ldh(200, 250, '2024-12-15')], read: stageRule('riss', 'diagnosis', [2, 3]), expected: 'MET' },
  { id: 'E12', clause: 'engine 2025 with β2M ≥5.5 but creatinine high and t(4;14)+gain(1q) → MET (cytogenetic route)', events: [b2m(6), cr(2.0), cy('t(4;14)', 'detected', 30), cy('gain(1q)', 'detected', 30, 3)], read: hrI, expected: 'MET' },
];

describe('cyto37', () => {
  for (const c of cases) {
    it(`${c.id} — ${c.clause}`, () => {
      expect(c.read(prof(c.events, c.settings))).toEqual(c.expected);
    });
  }
});
