/**
 * cyto31 — hand-derived cytogenetic risk and staging cases (domain.md §6; docs/clinical-core.md "Cytogenetics",
 * "Staging" and the settings fishCutoffs, amp1qMinCopies, beta2mCreatinineMaxDays, beta2mNormalCreatinineBelowMgDl,
 * stagingLabMaxDaysBeforeTreatment, stagingFishMaxDaysAfterTreatmentStart, currentLabMaxAgeDays;
 * docs/criteria-language.md leaves `cytogenetics`, `highRiskCytogenetics`, `stage`).
 * Expectations written from the definitions before reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';

const DX = '2024-01-10';
const FISH_DX = '2024-01-15';
const LAB_DX = '2024-01-20';
const LINE_START = '2024-02-01';
const NOW_LAB = '2025-05-15';
const BASE: Ev[] = [diagnosis(DX, 'IgG', 'kappa'), med('VRd', LINE_START, '2024-08-01')];

// ---- builders ----
const cy = (abnormality: string, detected = true, percentCells?: number, copyNumber?: number, date = FISH_DX): Ev =>
  event('cytogenetics', date, {
    abnormality,
    result: detected ? 'detected' : 'not-detected',
    ...(percentCells !== undefined ? { percentCells } : {}),
    ...(copyNumber !== undefined ? { copyNumber } : {}),
  });
const neg = (abn: string, date = FISH_DX) => cy(abn, false, undefined, undefined, date);
const B2 = (d: string, v: number, unit = 'mg/L') => lab(d, 'beta-2 microglobulin', v, unit);
const ALB = (d: string, v: number, unit = 'g/dL') => lab(d, 'albumin', v, unit);
const LDH = (d: string, v: number, uln?: number) => lab(d, 'ldh', v, 'U/L', uln !== undefined ? { uln } : {});
const CREAT = (d: string, v: number, unit = 'mg/dL', uln?: number) => lab(d, 'creatinine', v, unit, uln !== undefined ? { uln } : {});

/** Every abnormality the 2025 definition reads, not detected, except those named (dated at diagnosis). */
const ALL = ['del(17p)', 't(4;14)', 't(14;16)', 't(14;20)', 'gain(1q)', 'del(1p32)'];
const panelNeg = (...except: string[]) => ALL.filter((a) => !except.includes(a)).map((a) => neg(a));
const RISS_NEG = (...except: string[]) => ['del(17p)', 't(4;14)', 't(14;16)'].filter((a) => !except.includes(a)).map((a) => neg(a));
const B2_NORMAL = [B2(NOW_LAB, 3.0), CREAT(NOW_LAB, 1.0)];

// ---- readers ----
const rule = (r: unknown) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const hr25 = (p: P) => p.cytogenetics.highRiskImwg2025.highRisk;
const hrR = (p: P) => p.cytogenetics.highRiskRiss;
const b2 = (p: P) => p.cytogenetics.highRiskImwg2025.beta2m;
const t1114 = (p: P) => p.cytogenetics.t11_14;
const R25 = rule({ fact: 'highRiskCytogenetics', definition: 'imwg2025' });
const RRISS = rule({ fact: 'highRiskCytogenetics', definition: 'riss' });
const CY = (abnormality: string) => rule({ fact: 'cytogenetics', abnormality });
const st = (at: 'atDiagnosis' | 'current', sys: 'iss' | 'riss') => (p: P) => {
  const s = p.staging?.[at]?.[sys];
  if (!s) return 'absent';
  return s.stage !== null ? s.stage : `?${s.possible.join('')}`;
};
const STAGE = (system: string, at: string, stages: number[]) => rule({ fact: 'stage', system, at, stages });
const both = (...fs: Array<(p: P) => unknown>) => (p: P) => fs.map((f) => f(p));

// diagnosis labs (ISS at diagnosis): β2M, albumin, LDH with ULN 250
const dxLabs = (b: number, a: number, ldh = 200, d = LAB_DX): Ev[] => [B2(d, b), ALB(d, a), LDH(d, ldh, 250)];
const nowLabs = (b: number, a: number, ldh = 200, d = NOW_LAB): Ev[] => [B2(d, b), ALB(d, a), LDH(d, ldh, 250)];

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; settings?: typeof DEFAULT_SETTINGS }

const cases: Case[] = [
  // ===== A. del(17p) / TP53, R-ISS FISH panel, FISH cut-offs =====
  { id: 'A01', clause: '§6 del(17p) ≥20% (2025); R-ISS HR', summary: 'del(17p) 20% exactly', events: [cy('del(17p)', true, 20)], read: both(hr25, hrR), expected: [true, true] },
  { id: 'A02', clause: '§6 2025 ≥20%; EMN 20% numerical cut-off', summary: 'del(17p) 19%', events: [cy('del(17p)', true, 19)], read: both(hr25, hrR), expected: [false, false] },
  { id: 'A03', clause: '§6 del(17p) HR', summary: 'del(17p) 55%', events: [cy('del(17p)', true, 55)], read: both(hr25, hrR, R25, RRISS), expected: [true, true, 'MET', 'MET'] },
  { id: 'A04', clause: 'clinical-core Cytogenetics: del(17p) without fraction taken as above it', summary: 'del(17p) detected, no %', events: [cy('del(17p)')], read: (p) => [hr25(p), hrR(p), p.cytogenetics.highRiskImwg2025.basis.some((b) => /fraction|%|percent|not reported|without/i.test(b))], expected: [true, true, true] },
  { id: 'A05', clause: '§6 2025: TP53 mutation alone HR; R-ISS does not include TP53 mutation', summary: 'TP53 mutation only', events: [cy('TP53 mutation')], read: both(hr25, hrR), expected: [true, false] },
  { id: 'A06', clause: 'clinical-core: "TP53 deletion" is del(17p), kept apart from TP53 mutation', summary: 'TP53 deletion 30%', events: [cy('TP53 deletion', true, 30)], read: both(hrR, CY('del(17p)'), CY('TP53 mutation')), expected: [true, 'MET', 'UNKNOWN'] },
  { id: 'A07', clause: 'clinical-core ISCN del(17)(p13) is del(17p)', summary: 'del(17)(p13) 40%', events: [cy('del(17)(p13)', true, 40)], read: both(hrR, CY('del(17p)')), expected: [true, 'MET'] },
  { id: 'A08', clause: 'clinical-core v8: deletion from p13.3 distal to TP53 is not del(17p)', summary: 'del(17)(p13.3) 40%', events: [cy('del(17)(p13.3)', true, 40)], read: hrR, expected: false },
  { id: 'A09', clause: 'ISCN terminal deletion from p11.2 includes TP53 (p13.1): del(17p)', summary: 'del(17)(p11.2) 40%', events: [cy('del(17)(p11.2)', true, 40)], read: hrR, expected: true },
  { id: 'A10', clause: 'clinical-core "17p-" is del(17p)', summary: '17p- 25%', events: [cy('17p-', true, 25)], read: hrR, expected: true },
  { id: 'A11', clause: 'criteria-language highRiskCytogenetics riss unknown while a panel member untested', summary: 'del(17p) negative only', events: [neg('del(17p)')], read: RRISS, expected: 'UNKNOWN' },
  { id: 'A12', clause: '§6 R-ISS FISH panel all negative', summary: 'del(17p), t(4;14), t(14;16) negative', events: RISS_NEG(), read: both(RRISS, hrR), expected: ['NOT_MET', false] },
  { id: 'A13', clause: '§6 EMN 10% fusion cut-off', summary: 't(4;14) 10% exactly, rest negative', events: [...RISS_NEG('t(4;14)'), cy('t(4;14)', true, 10)], read: RRISS, expected: 'MET' },
  { id: 'A14', clause: '§6 EMN 10% fusion cut-off', summary: 't(4;14) 9%, rest negative', events: [...RISS_NEG('t(4;14)'), cy('t(4;14)', true, 9)], read: RRISS, expected: 'NOT_MET' },
  { id: 'A15', clause: '§6 R-ISS t(14;16)', summary: 't(14;16) 10%, rest negative', events: [...RISS_NEG('t(14;16)'), cy('t(14;16)', true, 10)], read: both(RRISS, hrR), expected: ['MET', true] },
  { id: 'A16', clause: '§6 R-ISS list is del(17p)/t(4;14)/t(14;16) only', summary: 't(14;20) 50%, R-ISS panel negative', events: [...RISS_NEG(), cy('t(14;20)', true, 50)], read: both(RRISS, hrR), expected: ['NOT_MET', false] },
  { id: 'A17', clause: 'EMN 20% numerical applies to del(17p) (copy number), not 10%', summary: 'del(17p) 15%, rest of R-ISS panel negative', events: [...RISS_NEG('del(17p)'), cy('del(17p)', true, 15)], read: RRISS, expected: 'NOT_MET' },
  { id: 'A18', clause: 'criteria-language: TP53 mutation not required to be tested', summary: 'full panel negative, β2M normal, TP53 untested', events: [...panelNeg(), ...B2_NORMAL], read: R25, expected: 'NOT_MET' },

  // ===== B. IMS/IMWG 2025 translocations with 1q+/del(1p32) =====
  { id: 'B01', clause: '§6 t(4;14) alone not HR in 2025, HR in R-ISS', summary: 't(4;14) 30%, rest negative, β2M normal', events: [...panelNeg('t(4;14)'), cy('t(4;14)', true, 30), ...B2_NORMAL], read: both(hr25, R25, hrR), expected: [false, 'NOT_MET', true] },
  { id: 'B02', clause: '§6 t(4;14) + gain(1q)', summary: 't(4;14) 30% + gain(1q) 3 copies 25%', events: [cy('t(4;14)', true, 30), cy('gain(1q)', true, 25, 3)], read: both(hr25, R25), expected: [true, 'MET'] },
  { id: 'B03', clause: '§6 t(14;16) + del(1p32)', summary: 't(14;16) 20% + del(1p32) monoallelic 25%', events: [cy('t(14;16)', true, 20), cy('del(1p32)', true, 25, 1)], read: hr25, expected: true },
  { id: 'B04', clause: '§6 t(14;20) counted with t(4;14)', summary: 't(14;20) 20% + amp(1q) 4 copies 30%', events: [cy('t(14;20)', true, 20), cy('amp(1q)', true, 30, 4)], read: hr25, expected: true },
  { id: 'B05', clause: '§6 EMN 20% numerical for 1q', summary: 't(4;14) 30% + gain(1q) 19%', events: [...panelNeg('t(4;14)', 'gain(1q)'), cy('t(4;14)', true, 30), cy('gain(1q)', true, 19, 3)], read: hr25, expected: false },
  { id: 'B06', clause: '§6 EMN 10% fusion', summary: 't(4;14) 9% + gain(1q) 30%', events: [...panelNeg('t(4;14)', 'gain(1q)'), cy('t(4;14)', true, 9), cy('gain(1q)', true, 30, 3)], read: hr25, expected: false },
  { id: 'B07', clause: '§6 1q+ alone is not HR in 2025', summary: 'gain(1q) 60% alone, rest negative, β2M normal', events: [...panelNeg('gain(1q)'), cy('gain(1q)', true, 60, 3), ...B2_NORMAL], read: both(hr25, R25), expected: [false, 'NOT_MET'] },
  { id: 'B08', clause: '§6 amp(1q) alone is not HR in 2025', summary: 'amp(1q) 5 copies 60% alone, rest negative, β2M normal', events: [...panelNeg('gain(1q)'), cy('amp(1q)', true, 60, 5), ...B2_NORMAL], read: both(hr25, R25), expected: [false, 'NOT_MET'] },
  { id: 'B09', clause: '§6 monoallelic del(1p32) needs 1q+', summary: 'del(1p32) 1 copy 40% alone, rest negative, β2M normal', events: [...panelNeg('del(1p32)'), cy('del(1p32)', true, 40, 1), ...B2_NORMAL], read: both(hr25, R25), expected: [false, 'NOT_MET'] },
  { id: 'B10', clause: '§6 biallelic del(1p32) HR', summary: 'del(1p32) copy number 0, 40%', events: [cy('del(1p32)', true, 40, 0)], read: both(hr25, R25), expected: [true, 'MET'] },
  { id: 'B11', clause: 'clinical-core "biallelic" spelling', summary: '"biallelic del(1p32)" 40%', events: [cy('biallelic del(1p32)', true, 40)], read: hr25, expected: true },
  { id: 'B12', clause: 'clinical-core "homozygous" = biallelic', summary: '"homozygous del(1p32)" 40%', events: [cy('homozygous del(1p32)', true, 40)], read: hr25, expected: true },
  { id: 'B13', clause: '§6 monoallelic del(1p32) + 1q+', summary: 'del(1p32) 1 copy 30% + gain(1q) 3 copies 30%', events: [cy('del(1p32)', true, 30, 1), cy('gain(1q)', true, 30, 3)], read: both(hr25, R25), expected: [true, 'MET'] },
  { id: 'B14', clause: '§6 + EMN 20%', summary: 'del(1p32) 30% + gain(1q) 15%', events: [...panelNeg('del(1p32)', 'gain(1q)'), cy('del(1p32)', true, 30, 1), cy('gain(1q)', true, 15, 3)], read: hr25, expected: false },
  { id: 'B15', clause: '§6 + EMN 20%', summary: 'del(1p32) 19% + gain(1q) 30%', events: [...panelNeg('del(1p32)', 'gain(1q)'), cy('del(1p32)', true, 19, 1), cy('gain(1q)', true, 30, 3)], read: hr25, expected: false },
  { id: 'B16', clause: 'clinical-core ISCN spellings del(1)(p32), +1q', summary: 'del(1)(p32) 30% + "+1q" 30%', events: [cy('del(1)(p32)', true, 30), cy('+1q', true, 30)], read: hr25, expected: true },
  { id: 'B17', clause: 'clinical-core spellings "1p deletion", "1q21 gain/amp"', summary: '1p deletion + 1q21 gain/amp', events: [cy('1p deletion', true, 30), cy('1q21 gain/amp', true, 30)], read: hr25, expected: true },
  { id: 'B18', clause: 'clinical-core ISCN t(4;14)(p16;q32), gain(1q21)', summary: 't(4;14)(p16;q32) 15% + gain(1q21) 25%', events: [cy('t(4;14)(p16;q32)', true, 15), cy('gain(1q21)', true, 25)], read: both(hr25, hrR), expected: [true, true] },
  { id: 'B19', clause: 'clinical-core fusion names: IGH::FGFR3 = t(4;14)', summary: 'IGH::FGFR3 + 1q gain', events: [cy('IGH::FGFR3', true, 40), cy('1q gain', true, 40)], read: both(hr25, hrR), expected: [true, true] },
  { id: 'B20', clause: 'clinical-core fusion names: IGH::MAF = t(14;16)', summary: 'IGH::MAF 12% + del(1p32) 25%', events: [cy('IGH::MAF', true, 12), cy('del(1p32)', true, 25)], read: both(hr25, hrR), expected: [true, true] },
  { id: 'B21', clause: 'clinical-core fusion names: IGH::MAFB = t(14;20)', summary: 'IGH::MAFB 30% + amp(1q21) 30%', events: [cy('IGH::MAFB', true, 30), cy('amp(1q21)', true, 30)], read: both(hr25, hrR), expected: [true, false] },
  { id: 'B22', clause: 'clinical-core fusion names: IGH::CCND1 = t(11;14); §6 not HR', summary: 'IGH::CCND1 60%, rest negative', events: [...panelNeg(), cy('IGH::CCND1', true, 60), ...B2_NORMAL], read: both(t1114, hr25, hrR, CY('t(11;14)'), R25), expected: [true, false, false, 'MET', 'NOT_MET'] },
  { id: 'B23', clause: 'clinical-core fusion name IGH::NSD2 = t(4;14)', summary: 'IGH::NSD2 20%', events: [cy('IGH::NSD2', true, 20)], read: both(hrR, CY('t(4;14)')), expected: [true, 'MET'] },

  // ===== C. 1q copy number, amp1qMinCopies =====
  { id: 'C01', clause: '§6 gain = 3 copies', summary: 'gain(1q) 3 copies', events: [cy('gain(1q)', true, 40, 3)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'NOT_MET'] },
  { id: 'C02', clause: '§6 amp ≥4 copies', summary: 'gain(1q) 4 copies', events: [cy('gain(1q)', true, 40, 4)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'MET'] },
  { id: 'C03', clause: 'clinical-core copy number decides the form', summary: '"amp(1q21)" reported with 3 copies', events: [cy('amp(1q21)', true, 40, 3)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'NOT_MET'] },
  { id: 'C04', clause: 'setting amp1qMinCopies=5', summary: 'gain(1q) 4 copies with amp1qMinCopies 5', settings: { ...DEFAULT_SETTINGS, amp1qMinCopies: 5 }, events: [cy('gain(1q)', true, 40, 4)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'NOT_MET'] },
  { id: 'C05', clause: 'setting amp1qMinCopies=5', summary: '1q 5 copies with amp1qMinCopies 5', settings: { ...DEFAULT_SETTINGS, amp1qMinCopies: 5 }, events: [cy('gain(1q)', true, 40, 5)], read: CY('amp(1q)'), expected: 'MET' },
  { id: 'C06', clause: 'clinical-core: later copy number short of it rules out earlier amp', summary: 'amp(1q) 5 copies 2024, gain(1q) 3 copies 2025', events: [cy('amp(1q)', true, 40, 5), cy('gain(1q)', true, 40, 3, '2025-03-01')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['NOT_MET', 'MET'] },
  { id: 'C07', clause: 'clinical-core: later negative for 1q rules out earlier amp', summary: 'amp(1q) 2024, 1q not detected 2025', events: [cy('amp(1q)', true, 40, 5), neg('gain(1q)', '2025-03-01')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['NOT_MET', 'NOT_MET'] },
  { id: 'C08', clause: 'criteria-language: a gain without copy number leaves amp open', summary: 'gain(1q) detected, no copy number', events: [cy('gain(1q)', true, 40)], read: CY('amp(1q)'), expected: 'UNKNOWN' },
  { id: 'C09', clause: 'criteria-language: amp found is a gain', summary: 'amp(1q) detected', events: [cy('amp(1q)', true, 40)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'MET'] },
  { id: 'C10', clause: 'criteria-language: "no amplification" leaves a gain open', summary: 'amp(1q) not detected only', events: [neg('amp(1q)')], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['UNKNOWN', 'NOT_MET'] },
  { id: 'C11', clause: '§6 EMN 20% for amp too', summary: 'amp(1q) 5 copies at 12%', events: [cy('amp(1q)', true, 12, 5)], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['UNKNOWN', 'NOT_MET'] }, // CASE WRONG fixed: a sub-threshold amp is "no amplification", which leaves a gain open (criteria-language)
  { id: 'C12', clause: 'settings v15: profile names the amp1qMinCopies setting', summary: 'amp1qMinCopies 5 named in settings label', settings: { ...DEFAULT_SETTINGS, amp1qMinCopies: 5 }, events: [cy('gain(1q)', true, 40, 4)], read: (p) => /amp1qMinCopies/.test(JSON.stringify((p as unknown as { settings: unknown }).settings)), expected: true },

  // ===== D. del(1p32) forms over time =====
  { id: 'D01', clause: 'clinical-core: later copy number rules out biallelic', summary: 'del(1p32) 0 copies 2024, 1 copy 2025; 1q negative', events: [cy('del(1p32)', true, 40, 0), cy('del(1p32)', true, 40, 1, '2025-03-01'), neg('gain(1q)')], read: hr25, expected: false },
  { id: 'D02', clause: 'clinical-core: later negative rules out biallelic', summary: 'del(1p32) biallelic 2024, not detected 2025', events: [cy('del(1p32)', true, 40, 0), neg('del(1p32)', '2025-03-01')], read: both(hr25, CY('del(1p32)')), expected: [false, 'NOT_MET'] },
  { id: 'D03', clause: 'criteria-language: biallelic found is a del(1p32)', summary: 'del(1p32) 0 copies', events: [cy('del(1p32)', true, 40, 0)], read: CY('del(1p32)'), expected: 'MET' },
  { id: 'D04', clause: '§6 monoallelic with 1q+ (amp)', summary: 'del(1p32) 1 copy + amp(1q) 4 copies', events: [cy('del(1p32)', true, 40, 1), cy('amp(1q)', true, 40, 4)], read: hr25, expected: true },
  { id: 'D05', clause: 'clinical-core: 1p32 0 copies biallelic, 1 monoallelic', summary: '"biallelic del(1p32)" text but copy number 1 reported', events: [...panelNeg('del(1p32)'), cy('biallelic del(1p32)', true, 40, 1), ...B2_NORMAL], read: hr25, expected: false },

  // ===== E. β2M clause of 2025 and engine three-valued =====
  { id: 'E01', clause: '§6 β2M ≥5.5 with normal creatinine', summary: 'β2M 5.5 + creatinine 1.0 same day', events: [B2(NOW_LAB, 5.5), CREAT(NOW_LAB, 1.0)], read: both(b2, hr25), expected: ['met', true] },
  { id: 'E02', clause: '§6 β2M ≥5.5', summary: 'β2M 5.49 + creatinine 1.0', events: [B2(NOW_LAB, 5.49), CREAT(NOW_LAB, 1.0)], read: both(b2, hr25), expected: ['not-met', false] },
  { id: 'E03', clause: 'setting beta2mNormalCreatinineBelowMgDl 1.2 (below)', summary: 'β2M 5.5 + creatinine 1.2 no ULN', events: [B2(NOW_LAB, 5.5), CREAT(NOW_LAB, 1.2)], read: b2, expected: 'not-met' },
  { id: 'E04', clause: 'setting beta2mNormalCreatinineBelowMgDl 1.2', summary: 'β2M 5.5 + creatinine 1.19 no ULN', events: [B2(NOW_LAB, 5.5), CREAT(NOW_LAB, 1.19)], read: b2, expected: 'met' },
  { id: 'E05', clause: 'clinical-core: normal at or below reported ULN', summary: 'β2M 6 + creatinine 1.3 ULN 1.3', events: [B2(NOW_LAB, 6), CREAT(NOW_LAB, 1.3, 'mg/dL', 1.3)], read: b2, expected: 'met' },
  { id: 'E06', clause: 'clinical-core: above ULN not normal', summary: 'β2M 6 + creatinine 1.31 ULN 1.3', events: [B2(NOW_LAB, 6), CREAT(NOW_LAB, 1.31, 'mg/dL', 1.3)], read: b2, expected: 'not-met' },
  { id: 'E07', clause: 'clinical-core: no creatinine → unknown', summary: 'β2M 6, no creatinine', events: [B2(NOW_LAB, 6)], read: both(b2, hr25), expected: ['unknown', false] },
  { id: 'E08', clause: 'setting beta2mCreatinineMaxDays 30', summary: 'β2M 6, creatinine 1.0 31 days before', events: [B2(NOW_LAB, 6), CREAT('2025-04-14', 1.0)], read: b2, expected: 'unknown' },
  { id: 'E09', clause: 'setting beta2mCreatinineMaxDays 30', summary: 'β2M 6, creatinine 1.0 30 days before', events: [B2(NOW_LAB, 6), CREAT('2025-04-15', 1.0)], read: b2, expected: 'met' },
  { id: 'E10', clause: '§8 units: β2M mg/dL → mg/L', summary: 'β2M 0.55 mg/dL + creatinine 1.0', events: [B2(NOW_LAB, 0.55, 'mg/dL'), CREAT(NOW_LAB, 1.0)], read: b2, expected: 'met' },
  { id: 'E11', clause: 'clinical-core v11: β2M nmol/L (84.7 nmol/L = 1 mg/L)', summary: 'β2M 470 nmol/L (5.55 mg/L) + creatinine 1.0', events: [B2(NOW_LAB, 470, 'nmol/L'), CREAT(NOW_LAB, 1.0)], read: b2, expected: 'met' },
  { id: 'E12', clause: 'clinical-core v11: β2M nmol/L', summary: 'β2M 460 nmol/L (5.43 mg/L) + creatinine 1.0', events: [B2(NOW_LAB, 460, 'nmol/L'), CREAT(NOW_LAB, 1.0)], read: b2, expected: 'not-met' },
  { id: 'E13', clause: 'creatinine µmol/L ÷ 88.4; 106 µmol/L = 1.199 mg/dL < 1.2', summary: 'β2M 6 + creatinine 106 µmol/L', events: [B2(NOW_LAB, 6), CREAT(NOW_LAB, 106, 'umol/L')], read: b2, expected: 'met' },
  { id: 'E14', clause: 'creatinine 107 µmol/L = 1.21 mg/dL', summary: 'β2M 6 + creatinine 107 µmol/L', events: [B2(NOW_LAB, 6), CREAT(NOW_LAB, 107, 'umol/L')], read: b2, expected: 'not-met' },
  { id: 'E15', clause: 'clinical-core v9: creatinine measured with the β2M, not the latest', summary: 'β2M 8 + creatinine 2.5 on 03-01; creatinine 0.9 on 05-15', events: [B2('2025-03-01', 8), CREAT('2025-03-01', 2.5), CREAT(NOW_LAB, 0.9)], read: b2, expected: 'not-met' },
  { id: 'E16', clause: 'clinical-core: closest creatinine to β2M (after it too)', summary: 'β2M 6 on 05-01, creatinine 0.9 on 05-10 (after), 2.0 on 03-01', events: [B2('2025-05-01', 6), CREAT('2025-03-01', 2.0), CREAT('2025-05-10', 0.9)], read: b2, expected: 'met' },
  { id: 'E17', clause: 'criteria-language: β2M alone can make HR → UNKNOWN without it', summary: 'full panel negative, no β2M', events: [...panelNeg()], read: R25, expected: 'UNKNOWN' },
  { id: 'E18', clause: 'criteria-language highRiskCytogenetics imwg2025', summary: 'full panel negative, β2M 3.0 + creatinine 1.0', events: [...panelNeg(), ...B2_NORMAL], read: R25, expected: 'NOT_MET' },
  { id: 'E19', clause: 'criteria-language: HR found decides regardless of untested', summary: 'del(17p) 30% only', events: [cy('del(17p)', true, 30)], read: R25, expected: 'MET' },
  { id: 'E20', clause: 'criteria-language: t(4;14) found, 1q/1p untested', summary: 't(4;14) 30% only + β2M normal', events: [cy('t(4;14)', true, 30), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E21', clause: 'criteria-language: 1q+ found, translocations and del(1p32) untested', summary: 'gain(1q) 30% + del(17p) neg + β2M normal', events: [cy('gain(1q)', true, 30, 3), neg('del(17p)'), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E22', clause: 'criteria-language: del(1p32) mono found, 1q untested', summary: 'del(1p32) 1 copy, others negative except 1q untested, β2M normal', events: [...panelNeg('gain(1q)', 'del(1p32)'), cy('del(1p32)', true, 30, 1), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E23', clause: 'criteria-language: with 1q+ found each translocation must be tested', summary: 'gain(1q) found, t(14;20) untested, rest negative', events: [...panelNeg('gain(1q)', 't(14;20)'), cy('gain(1q)', true, 30, 3), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E24', clause: 'criteria-language: no 1q+ nor del(1p32) found → translocations need not be tested', summary: 'del(17p), 1q, del(1p32) negative, translocations untested, β2M normal', events: [neg('del(17p)'), neg('gain(1q)'), neg('del(1p32)'), ...B2_NORMAL], read: R25, expected: 'NOT_MET' },
  { id: 'E25', clause: 'criteria-language: "no amplification" leaves gain open', summary: 'amp(1q) neg (no gain result), del(1p32) mono found, rest negative, β2M normal', events: [neg('del(17p)'), neg('t(4;14)'), neg('t(14;16)'), neg('t(14;20)'), neg('amp(1q)'), cy('del(1p32)', true, 30, 1), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E26', clause: 'criteria-language: "no biallelic" leaves mono open unless 1q and translocations negative', summary: 'del(1p32) biallelic not detected only; 1q untested; rest negative; β2M normal', events: [neg('del(17p)'), neg('t(4;14)'), neg('t(14;16)'), neg('t(14;20)'), neg('biallelic del(1p32)'), ...B2_NORMAL], read: R25, expected: 'UNKNOWN' },
  { id: 'E27', clause: 'criteria-language: monoallelic then decides nothing', summary: 'biallelic del(1p32) not detected, 1q and translocations negative, β2M normal', events: [neg('del(17p)'), neg('t(4;14)'), neg('t(14;16)'), neg('t(14;20)'), neg('gain(1q)'), neg('biallelic del(1p32)'), ...B2_NORMAL], read: R25, expected: 'NOT_MET' },
  { id: 'E28', clause: 'criteria-language: β2M clause unknown (no creatinine) keeps not-HR unknown', summary: 'full panel negative, β2M 6, no creatinine', events: [...panelNeg(), B2(NOW_LAB, 6)], read: R25, expected: 'UNKNOWN' },
  { id: 'E29', clause: '§6 β2M HR', summary: 'full panel negative, β2M 6 + creatinine 0.9', events: [...panelNeg(), B2(NOW_LAB, 6), CREAT(NOW_LAB, 0.9)], read: both(R25, hr25), expected: ['MET', true] },
  { id: 'E30', clause: 'criteria-language: β2M high with high creatinine is not HR', summary: 'full panel negative, β2M 6 + creatinine 2.0', events: [...panelNeg(), B2(NOW_LAB, 6), CREAT(NOW_LAB, 2.0)], read: R25, expected: 'NOT_MET' },
  { id: 'E31', clause: 'criteria-language: β2M < 5.5 decides the clause without creatinine', summary: 'full panel negative, β2M 3, no creatinine', events: [...panelNeg(), B2(NOW_LAB, 3)], read: both(R25, b2), expected: ['NOT_MET', 'not-met'] },

  // ===== F. repeated / conflicting results =====
  { id: 'F01', clause: 'clinical-core: latest result per abnormality', summary: 'del(17p) 30% 2024, not detected 2025', events: [cy('del(17p)', true, 30), neg('del(17p)', '2025-03-01')], read: both(hrR, CY('del(17p)')), expected: [false, 'NOT_MET'] },
  { id: 'F02', clause: 'clinical-core: latest result per abnormality', summary: 'del(17p) neg 2024, 30% 2025', events: [neg('del(17p)'), cy('del(17p)', true, 30, undefined, '2025-03-01')], read: both(hrR, hr25), expected: [true, true] },
  { id: 'F03', clause: 'clinical-core v13: same-day disagreement is conflicting, not tested', summary: 'del(17p) detected 30% and not detected same day', events: [cy('del(17p)', true, 30), neg('del(17p)')], read: (p) => [CY('del(17p)')(p), (p.cytogenetics.conflicting ?? []).map((c) => c.abnormality)], expected: ['UNKNOWN', ['del(17p)']] },
  { id: 'F04', clause: 'conflicting + FISH cut-off: a sub-threshold % is a negative', summary: 't(4;14) 15% and 5% same day', events: [cy('t(4;14)', true, 15), cy('t(4;14)', true, 5)], read: CY('t(4;14)'), expected: 'UNKNOWN' },
  { id: 'F05', clause: 'conflicting: two positives of one day agree', summary: 't(4;14) 15% and 40% same day', events: [cy('t(4;14)', true, 15), cy('t(4;14)', true, 40)], read: CY('t(4;14)'), expected: 'MET' },
  { id: 'F06', clause: 'conflict spelled differently still one abnormality', summary: 'del(17p) 30% and "17p deletion" not detected same day', events: [cy('del(17p)', true, 30), neg('17p deletion')], read: CY('del(17p)'), expected: 'UNKNOWN' },
  { id: 'F07', clause: 'conflicting resolved by later result', summary: 'del(17p) conflicting 2024, detected 40% 2025', events: [cy('del(17p)', true, 30), neg('del(17p)'), cy('del(17p)', true, 40, undefined, '2025-03-01')], read: CY('del(17p)'), expected: 'MET' },

  // ===== G. ISS (at diagnosis: labs ≤ first line start, ≤90 days before) =====
  { id: 'G01', clause: '§6 ISS I: β2M <3.5 and albumin ≥3.5', summary: 'β2M 3.49, albumin 3.5', events: dxLabs(3.49, 3.5), read: st('atDiagnosis', 'iss'), expected: 1 },
  { id: 'G02', clause: '§6 ISS I needs β2M <3.5', summary: 'β2M 3.5, albumin 4.0', events: dxLabs(3.5, 4.0), read: st('atDiagnosis', 'iss'), expected: 2 },
  { id: 'G03', clause: '§6 ISS I needs albumin ≥3.5', summary: 'β2M 3.0, albumin 3.49', events: dxLabs(3.0, 3.49), read: st('atDiagnosis', 'iss'), expected: 2 },
  { id: 'G04', clause: '§6 ISS III β2M ≥5.5', summary: 'β2M 5.5, albumin 4.0', events: dxLabs(5.5, 4.0), read: st('atDiagnosis', 'iss'), expected: 3 },
  { id: 'G05', clause: '§6 ISS II', summary: 'β2M 5.49, albumin 2.0', events: dxLabs(5.49, 2.0), read: st('atDiagnosis', 'iss'), expected: 2 },
  { id: 'G06', clause: '§8 albumin g/L → g/dL', summary: 'β2M 2.0, albumin 35 g/L', events: [B2(LAB_DX, 2.0), ALB(LAB_DX, 35, 'g/L')], read: st('atDiagnosis', 'iss'), expected: 1 },
  { id: 'G07', clause: '§8 albumin g/L → g/dL', summary: 'β2M 2.0, albumin 34.9 g/L', events: [B2(LAB_DX, 2.0), ALB(LAB_DX, 34.9, 'g/L')], read: st('atDiagnosis', 'iss'), expected: 2 },
  { id: 'G08', clause: '§8 β2M mg/dL → mg/L', summary: 'β2M 0.34 mg/dL, albumin 4', events: [B2(LAB_DX, 0.34, 'mg/dL'), ALB(LAB_DX, 4)], read: st('atDiagnosis', 'iss'), expected: 1 },
  { id: 'G09', clause: '§8 β2M mg/dL → mg/L', summary: 'β2M 0.55 mg/dL, albumin 4', events: [B2(LAB_DX, 0.55, 'mg/dL'), ALB(LAB_DX, 4)], read: st('atDiagnosis', 'iss'), expected: 3 },
  { id: 'G10', clause: 'clinical-core: possible stages', summary: 'β2M 2.0, no albumin', events: [B2(LAB_DX, 2.0)], read: st('atDiagnosis', 'iss'), expected: '?12' },
  { id: 'G11', clause: '§6 ISS III needs β2M only', summary: 'β2M 6.0, no albumin', events: [B2(LAB_DX, 6.0)], read: st('atDiagnosis', 'iss'), expected: 3 },
  { id: 'G12', clause: 'clinical-core possible: albumin <3.5 excludes I', summary: 'no β2M, albumin 3.0', events: [ALB(LAB_DX, 3.0)], read: st('atDiagnosis', 'iss'), expected: '?23' },
  { id: 'G13', clause: 'criteria-language stage: possible within list is MET', summary: 'β2M 2.0, no albumin; stage iss diagnosis [1,2] and [1]', events: [B2(LAB_DX, 2.0)], read: both(STAGE('iss', 'diagnosis', [1, 2]), STAGE('iss', 'diagnosis', [1]), STAGE('iss', 'diagnosis', [3])), expected: ['MET', 'UNKNOWN', 'NOT_MET'] },
  { id: 'G14', clause: 'setting stagingLabMaxDaysBeforeTreatment 90', summary: 'labs 90 days before the first line', events: dxLabs(6.0, 4.0, 200, '2023-11-03'), read: st('atDiagnosis', 'iss'), expected: 3 },
  { id: 'G15', clause: 'setting stagingLabMaxDaysBeforeTreatment 90', summary: 'labs 91 days before the first line', events: dxLabs(6.0, 4.0, 200, '2023-11-02'), read: st('atDiagnosis', 'iss'), expected: '?123' },
  { id: 'G16', clause: 'clinical-core: at diagnosis on or before the first line start', summary: 'labs 01-20 ISS I; labs on 02-10 (after start) β2M 6', events: [...dxLabs(2.0, 4.0), ...dxLabs(6.0, 4.0, 200, '2024-02-10')], read: st('atDiagnosis', 'iss'), expected: 1 },
  { id: 'G17', clause: 'clinical-core: on the first line day counts', summary: 'labs on the first line start day β2M 6', events: [...dxLabs(2.0, 4.0), ...dxLabs(6.0, 4.0, 200, LINE_START)], read: st('atDiagnosis', 'iss'), expected: 3 },
  { id: 'G18', clause: 'clinical-core: current = latest within 60 days', summary: 'dx ISS I; now β2M 6', events: [...dxLabs(2.0, 4.0), ...nowLabs(6.0, 4.0)], read: both(st('atDiagnosis', 'iss'), st('current', 'iss'), STAGE('iss', 'current', [3]), STAGE('iss', 'diagnosis', [1])), expected: [1, 3, 'MET', 'MET'] },
  { id: 'G19', clause: 'setting currentLabMaxAgeDays 60', summary: 'current labs 61 days old', events: [...nowLabs(6.0, 4.0, 200, '2025-04-01')], read: st('current', 'iss'), expected: '?123' },
  { id: 'G20', clause: 'setting currentLabMaxAgeDays 60', summary: 'current labs 60 days old', events: [...nowLabs(6.0, 4.0, 200, '2025-04-02')], read: st('current', 'iss'), expected: 3 },
  { id: 'G21', clause: 'clinical-core: no line yet → latest of any age', summary: 'no treatment, labs 2 years old ISS I', events: [], read: (_p) => {
      const p2 = buildProfile([diagnosis(DX, 'IgG', 'kappa'), B2('2023-06-01', 2.0), ALB('2023-06-01', 4.0)], AS_OF);
      return st('atDiagnosis', 'iss')(p2);
    }, expected: 1 },

  // ===== H. R-ISS =====
  { id: 'H01', clause: '§6 R-ISS I', summary: 'ISS I + FISH negative + LDH 200/250', events: [...dxLabs(2.0, 4.0, 200), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: 1 },
  { id: 'H02', clause: '§6 R-ISS I: normal LDH (= ULN)', summary: 'ISS I + FISH negative + LDH 250/250', events: [...dxLabs(2.0, 4.0, 250), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: 1 },
  { id: 'H03', clause: '§6 R-ISS II: high LDH without ISS III', summary: 'ISS I + FISH negative + LDH 251/250', events: [...dxLabs(2.0, 4.0, 251), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H04', clause: '§6 R-ISS II: ISS III alone', summary: 'ISS III + FISH negative + LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H05', clause: '§6 R-ISS III: ISS III + high LDH', summary: 'ISS III + FISH negative + LDH 300/250', events: [...dxLabs(6.0, 4.0, 300), ...RISS_NEG()], read: both(st('atDiagnosis', 'riss'), STAGE('riss', 'diagnosis', [3])), expected: [3, 'MET'] },
  { id: 'H06', clause: '§6 R-ISS III: ISS III + t(4;14)', summary: 'ISS III + t(4;14) 15% + LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('t(4;14)'), cy('t(4;14)', true, 15)], read: st('atDiagnosis', 'riss'), expected: 3 },
  { id: 'H07', clause: '§6 EMN 10%', summary: 'ISS III + t(4;14) 8% + LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('t(4;14)'), cy('t(4;14)', true, 8)], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H08', clause: '§6 R-ISS del(17p) at 20%', summary: 'ISS III + del(17p) 20%', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 20)], read: st('atDiagnosis', 'riss'), expected: 3 },
  { id: 'H09', clause: '§6 EMN 20% numerical', summary: 'ISS III + del(17p) 19%', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 19)], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H10', clause: '§6 R-ISS FISH list excludes t(14;20), 1q', summary: 'ISS III + t(14;20) + gain(1q), panel negative, LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG(), cy('t(14;20)', true, 30), cy('gain(1q)', true, 30, 3)], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H11', clause: '§6 R-ISS I needs standard-risk FISH', summary: 'ISS I + del(17p) 30% + LDH normal', events: [...dxLabs(2.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 30)], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H12', clause: 'clinical-core: LDH without ULN unknown', summary: 'ISS I + FISH negative + LDH without ULN', events: [B2(LAB_DX, 2.0), ALB(LAB_DX, 4.0), LDH(LAB_DX, 200), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: '?12' },
  { id: 'H13', clause: 'clinical-core example: ISS III, std FISH, LDH no ULN → II or III', summary: 'ISS III + FISH negative + LDH without ULN', events: [B2(LAB_DX, 6.0), ALB(LAB_DX, 4.0), LDH(LAB_DX, 200), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: '?23' },
  { id: 'H14', clause: 'criteria-language stage: FISH missing', summary: 'ISS III + del(17p) untested, t(4;14)/t(14;16) neg + LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)')], read: both(st('atDiagnosis', 'riss'), STAGE('riss', 'diagnosis', [2, 3]), STAGE('riss', 'diagnosis', [3])), expected: ['?23', 'MET', 'UNKNOWN'] },
  { id: 'H15', clause: '§6 R-ISS II: ISS II is II whatever FISH/LDH', summary: 'ISS II, no FISH, no LDH', events: [B2(LAB_DX, 4.0), ALB(LAB_DX, 4.0)], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H16', clause: 'setting stagingFishMaxDaysAfterTreatmentStart 30', summary: 'ISS III, LDH normal, del(17p) 30% dated 30 days after line start (others neg at dx)', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 30, undefined, '2024-03-02')], read: st('atDiagnosis', 'riss'), expected: 3 },
  { id: 'H17', clause: 'setting stagingFishMaxDaysAfterTreatmentStart 30', summary: 'ISS III, LDH normal, del(17p) 30% dated 31 days after line start', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 30, undefined, '2024-03-03')], read: st('atDiagnosis', 'riss'), expected: '?23' },
  { id: 'H18', clause: '§6 at diagnosis vs at relapse', summary: 'dx FISH negative, relapse del(17p) 30%; ISS III dx and now; LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...nowLabs(6.0, 4.0, 200), ...RISS_NEG(), cy('del(17p)', true, 30, undefined, '2025-04-01')], read: both(st('atDiagnosis', 'riss'), st('current', 'riss')), expected: [2, 3] },
  { id: 'H19', clause: '§6 at diagnosis FISH positive, relapse negative: diagnosis keeps it', summary: 'dx del(17p) 30%, relapse del(17p) negative; ISS III; LDH normal', events: [...dxLabs(6.0, 4.0, 200), ...nowLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 30), neg('del(17p)', '2025-04-01')], read: both(st('atDiagnosis', 'riss'), st('current', 'riss')), expected: [3, 2] },
  { id: 'H20', clause: '§6 t(11;14) is standard risk', summary: 'ISS I + t(11;14) 50% + panel negative + LDH normal', events: [...dxLabs(2.0, 4.0, 200), ...RISS_NEG(), cy('t(11;14)', true, 50)], read: st('atDiagnosis', 'riss'), expected: 1 },
  { id: 'H21', clause: '§8 units in staging', summary: 'β2M 0.6 mg/dL, albumin 40 g/L, LDH 400/250, FISH negative', events: [B2(LAB_DX, 0.6, 'mg/dL'), ALB(LAB_DX, 40, 'g/L'), LDH(LAB_DX, 400, 250), ...RISS_NEG()], read: both(st('atDiagnosis', 'iss'), st('atDiagnosis', 'riss')), expected: [3, 3] },
  { id: 'H22', clause: '§6 R-ISS III: ISS III with HR FISH, LDH unknown', summary: 'ISS III + t(14;16) 20% + LDH without ULN', events: [B2(LAB_DX, 6.0), ALB(LAB_DX, 4.0), LDH(LAB_DX, 200), ...RISS_NEG('t(14;16)'), cy('t(14;16)', true, 20)], read: st('atDiagnosis', 'riss'), expected: 3 },
  { id: 'H23', clause: '§6 R-ISS I impossible with albumin low', summary: 'β2M missing, albumin 3.0, FISH negative, LDH normal', events: [ALB(LAB_DX, 3.0), LDH(LAB_DX, 200, 250), ...RISS_NEG()], read: st('atDiagnosis', 'riss'), expected: 2 },
  { id: 'H24', clause: 'clinical-core: same-time conflicting β2M leaves stages possible', summary: 'β2M 3.0 and 6.0 same day untimed, albumin 4', events: [B2(LAB_DX, 3.0), B2(LAB_DX, 6.0), ALB(LAB_DX, 4.0)], read: st('atDiagnosis', 'iss'), expected: '?13' },
  { id: 'H25', clause: '§6 R-ISS current: latest FISH per abnormality at relapse', summary: 'dx t(4;14) neg; relapse t(4;14) 9%; ISS III now; LDH normal', events: [...nowLabs(6.0, 4.0, 200), ...RISS_NEG(), cy('t(4;14)', true, 9, undefined, '2025-04-01')], read: st('current', 'riss'), expected: 2 },

  // ===== I. t(11;14) criterion =====
  { id: 'I01', clause: '§6 t(11;14); EMN 10%', summary: 't(11;14) 10%', events: [cy('t(11;14)', true, 10)], read: both(CY('t(11;14)'), t1114), expected: ['MET', true] },
  { id: 'I02', clause: '§6 EMN 10%', summary: 't(11;14) 9%', events: [cy('t(11;14)', true, 9)], read: both(CY('t(11;14)'), t1114), expected: ['NOT_MET', false] },
  { id: 'I03', clause: 'criteria-language: not tested → UNKNOWN', summary: 'no t(11;14) result', events: [...RISS_NEG()], read: CY('t(11;14)'), expected: 'UNKNOWN' },
  { id: 'I04', clause: 'criteria-language cytogenetics', summary: 't(11;14) not detected', events: [neg('t(11;14)')], read: CY('t(11;14)'), expected: 'NOT_MET' },
  { id: 'I05', clause: 'ISCN t(11;14)(q13;q32)', summary: 't(11;14)(q13;q32) 40%', events: [cy('t(11;14)(q13;q32)', true, 40)], read: CY('t(11;14)'), expected: 'MET' },
  { id: 'I06', clause: 'criteria-language: rule spelled by fusion name', summary: 't(11;14) 40%, rule asks IGH::CCND1', events: [cy('t(11;14)', true, 40)], read: CY('IGH::CCND1'), expected: 'MET' },
  { id: 'I07', clause: '§6 t(11;14) with HR', summary: 't(11;14) 40% + del(17p) 30%', events: [cy('t(11;14)', true, 40), cy('del(17p)', true, 30)], read: both(t1114, hr25, hrR), expected: [true, true, true] },
  { id: 'I08', clause: 'not in a venetoclax trial: exclusion "not t(11;14)" unknown when untested', summary: 'not t(11;14) with no result', events: [], read: rule({ not: { fact: 'cytogenetics', abnormality: 't(11;14)' } }), expected: 'UNKNOWN' },
  { id: 'I09', clause: 'rule abnormality spelled ISCN', summary: 'del(17p) 30%, rule asks del(17)(p13)', events: [cy('del(17p)', true, 30)], read: CY('del(17)(p13)'), expected: 'MET' },

  // ===== X. probes written after the first run (same-day forms, cut-off settings, same-time β2M) =====
  // Same day, two forms of one locus that disagree: clinical-core v13 "cytogenetic results of one day that disagree are conflicting"; order by event id must not decide.
  { id: 'X01', clause: 'clinical-core v13 same-day disagreement (1q amp found vs 1q not detected), ids amp<gain', summary: 'same day: amp(1q) 30% (id x01a), gain(1q) not detected (id x01b)', events: [event('cytogenetics', FISH_DX, { abnormality: 'amp(1q)', result: 'detected', percentCells: 30 }, 'x01a'), event('cytogenetics', FISH_DX, { abnormality: 'gain(1q)', result: 'not-detected' }, 'x01b')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['UNKNOWN', 'UNKNOWN'] },
  { id: 'X02', clause: 'clinical-core v13 same-day disagreement, ids gain<amp', summary: 'same day: gain(1q) not detected (id x02a), amp(1q) 30% (id x02b)', events: [event('cytogenetics', FISH_DX, { abnormality: 'gain(1q)', result: 'not-detected' }, 'x02a'), event('cytogenetics', FISH_DX, { abnormality: 'amp(1q)', result: 'detected', percentCells: 30 }, 'x02b')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['UNKNOWN', 'UNKNOWN'] },
  { id: 'X03', clause: 'clinical-core v13 same-day disagreement (biallelic found vs del(1p32) not detected)', summary: 'same day: del(1p32) 0 copies 40% (id x03a), del(1p32) not detected (id x03b); rest negative, β2M normal', events: [...panelNeg('del(1p32)'), ...B2_NORMAL, event('cytogenetics', FISH_DX, { abnormality: 'del(1p32)', result: 'detected', percentCells: 40, copyNumber: 0 }, 'x03a'), event('cytogenetics', FISH_DX, { abnormality: 'del(1p32)', result: 'not-detected' }, 'x03b')], read: R25, expected: 'UNKNOWN' },
  { id: 'X04', clause: 'clinical-core v13, ids reversed', summary: 'same day: del(1p32) not detected (id x04a), del(1p32) 0 copies 40% (id x04b); rest negative, β2M normal', events: [...panelNeg('del(1p32)'), ...B2_NORMAL, event('cytogenetics', FISH_DX, { abnormality: 'del(1p32)', result: 'not-detected' }, 'x04a'), event('cytogenetics', FISH_DX, { abnormality: 'del(1p32)', result: 'detected', percentCells: 40, copyNumber: 0 }, 'x04b')], read: R25, expected: 'UNKNOWN' },
  // Same day, subclones reported apart (gain 3 copies in 40%, amplification 5 copies in 25%): both true; "a LATER copy number short of it rules out an earlier amplification" does not apply on one day.
  { id: 'X05', clause: 'clinical-core "later copy number short of it" — not same day; §6 store copy number', summary: 'same day: amp(1q) 5 copies 25% (id x05a), gain(1q) 3 copies 40% (id x05b)', events: [event('cytogenetics', FISH_DX, { abnormality: 'amp(1q)', result: 'detected', percentCells: 25, copyNumber: 5 }, 'x05a'), event('cytogenetics', FISH_DX, { abnormality: 'gain(1q)', result: 'detected', percentCells: 40, copyNumber: 3 }, 'x05b')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['MET', 'MET'] },
  { id: 'X06', clause: 'same as X05, ids reversed', summary: 'same day: gain(1q) 3 copies 40% (id x06a), amp(1q) 5 copies 25% (id x06b)', events: [event('cytogenetics', FISH_DX, { abnormality: 'gain(1q)', result: 'detected', percentCells: 40, copyNumber: 3 }, 'x06a'), event('cytogenetics', FISH_DX, { abnormality: 'amp(1q)', result: 'detected', percentCells: 25, copyNumber: 5 }, 'x06b')], read: both(CY('amp(1q)'), CY('gain(1q)')), expected: ['MET', 'MET'] },
  // Later finding implying an earlier negative's locus
  { id: 'X07', clause: 'criteria-language: an amplification found is a gain (latest answers)', summary: 'gain(1q) not detected 2024; 1q 4 copies 30% 2025', events: [neg('gain(1q)'), cy('gain(1q)', true, 30, 4, '2025-03-01')], read: both(CY('gain(1q)'), CY('amp(1q)')), expected: ['MET', 'MET'] },
  { id: 'X08', clause: 'criteria-language: a biallelic del(1p32) found is a del(1p32)', summary: 'del(1p32) not detected 2024; del(1p32) 0 copies 2025', events: [neg('del(1p32)'), cy('del(1p32)', true, 40, 0, '2025-03-01')], read: both(CY('del(1p32)'), hr25), expected: ['MET', true] },
  { id: 'X09', clause: 'clinical-core: later negative for 1q rules out an amplification whose own results conflict', summary: 'amp(1q) detected + not detected 2024-01-15; gain(1q) not detected 2025', events: [cy('amp(1q)', true, 30, 5), neg('amp(1q)'), neg('gain(1q)', '2025-03-01')], read: CY('amp(1q)'), expected: 'NOT_MET' },
  // FISH cut-off settings
  { id: 'X10', clause: 'setting fishCutoffs.translocation 15', summary: 't(4;14) 12% with translocation cut-off 15', settings: { ...DEFAULT_SETTINGS, fishCutoffs: { translocation: 15, copyNumber: 20 } }, events: [cy('t(4;14)', true, 12)], read: both(CY('t(4;14)'), hrR), expected: ['NOT_MET', false] },
  { id: 'X11', clause: 'setting fishCutoffs.copyNumber 10; §6 2025 keeps its own ≥20%', summary: 'del(17p) 15% with copy-number cut-off 10', settings: { ...DEFAULT_SETTINGS, fishCutoffs: { translocation: 10, copyNumber: 10 } }, events: [cy('del(17p)', true, 15)], read: both(hrR, hr25), expected: [true, false] },
  { id: 'X12', clause: '§6 2025 del(17p) ≥20% clonal fraction vs fishCutoffs.copyNumber 25 (contestable)', summary: 'del(17p) 22% with copy-number cut-off 25', settings: { ...DEFAULT_SETTINGS, fishCutoffs: { translocation: 10, copyNumber: 25 } }, events: [cy('del(17p)', true, 22)], read: both(hrR, hr25), expected: [false, false] }, // contestable, taken: the lab's FISH cut-off (25%) decides whether del(17p) was found before the 2025 clause's 20%
  // 1q copy number 2 is disomy (no gain)
  { id: 'X13', clause: '§6 gain = 3 copies; clinical-core copy number decides the form (contestable)', summary: 'gain(1q) "detected" with copy number 2', events: [cy('gain(1q)', true, 40, 2)], read: CY('gain(1q)'), expected: 'MET' }, // contestable, taken: a copy number short of a gain leaves the name reported
  // Same-time β2M values for the 2025 clause
  { id: 'X14', clause: 'clinical-core Labs: same-time values that differ are all kept; a criterion they decide differently is unknown (contestable for the β2M clause)', summary: 'β2M 3.0 and 6.0 same untimed day, creatinine 1.0', events: [B2(NOW_LAB, 3.0), B2(NOW_LAB, 6.0), CREAT(NOW_LAB, 1.0)], read: b2, expected: 'unknown' },
  { id: 'X14b', clause: 'as X14, ids reversed (the outcome must not depend on event ids)', summary: 'β2M 6.0 (id x14a) and 3.0 (id x14b) same untimed day, creatinine 1.0', events: [event('lab', NOW_LAB, { name: 'beta-2 microglobulin', value: 6.0, unit: 'mg/L' }, 'x14a'), event('lab', NOW_LAB, { name: 'beta-2 microglobulin', value: 3.0, unit: 'mg/L' }, 'x14b'), CREAT(NOW_LAB, 1.0)], read: b2, expected: 'unknown' },
  { id: 'X18', clause: '§6 2025 t(4;14) + 1q+: same-day amp(1q) found / 1q not detected, ids amp<gain', summary: 't(4;14) 30% + same day amp(1q) 30% (x18a) and gain(1q) not detected (x18b), rest negative, β2M normal', events: [...panelNeg('t(4;14)', 'gain(1q)'), cy('t(4;14)', true, 30), ...B2_NORMAL, event('cytogenetics', FISH_DX, { abnormality: 'amp(1q)', result: 'detected', percentCells: 30 }, 'x18a'), event('cytogenetics', FISH_DX, { abnormality: 'gain(1q)', result: 'not-detected' }, 'x18b')], read: R25, expected: 'UNKNOWN' },
  // creatinine ULN in µmol/L
  { id: 'X15', clause: 'clinical-core: creatinine ≤ its reported ULN (ULN converted)', summary: 'β2M 6 + creatinine 110 µmol/L ULN 110 µmol/L', events: [B2(NOW_LAB, 6), CREAT(NOW_LAB, 110, 'umol/L', 110)], read: b2, expected: 'met' },
  // R-ISS staging with FISH "not detected" by sub-threshold % and ISS I
  { id: 'X16', clause: '§6 R-ISS I; EMN cut-offs (sub-threshold = standard risk)', summary: 'ISS I + del(17p) 15% + t(4;14) 5% + t(14;16) neg + LDH normal', events: [...dxLabs(2.0, 4.0, 200), cy('del(17p)', true, 15), cy('t(4;14)', true, 5), neg('t(14;16)')], read: st('atDiagnosis', 'riss'), expected: 1 },
  { id: 'X17', clause: '§6 R-ISS at diagnosis: conflicting dx FISH is not tested', summary: 'ISS III, LDH normal, del(17p) detected + not detected same day, t(4;14)/t(14;16) neg', events: [...dxLabs(6.0, 4.0, 200), ...RISS_NEG('del(17p)'), cy('del(17p)', true, 30), neg('del(17p)')], read: st('atDiagnosis', 'riss'), expected: '?23' },
];

describe('cyto31 hand-derived cytogenetic risk and staging cases', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile([...BASE, ...c.events], AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
