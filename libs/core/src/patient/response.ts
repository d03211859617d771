import type { ClinicalRecords, LabRecord, ResponseCategory } from './clinical-events';
import type { LineOfTherapy } from './lines-of-therapy';
import { MEASURABLE, type ProgressionEvent } from './disease-status';

export interface ComputedResponse {
  /** IMWG 2016 category supported by the M-protein/FLC series (CR and sCR need immunofixation and marrow: not computed). */
  category: Exclude<ResponseCategory, 'CR' | 'sCR'>;
  date: string;
  confirmed: boolean;
  line: number;
  basis: string;
  provenance: string[];
}

type Point = { date: string; value: number; eventId: string };
const RANK: Record<ComputedResponse['category'], number> = { VGPR: 4, PR: 3, MR: 2, SD: 1, PD: 0 };
const lower = (a: ComputedResponse['category'], b: ComputedResponse['category']): ComputedResponse['category'] => (RANK[a] <= RANK[b] ? a : b);

const pointsOf = (labs: readonly LabRecord[], name: LabRecord['name']): Point[] => labs.filter((l) => l.name === name).map((l) => ({ date: l.date, value: l.value, eventId: l.eventId }));

/**
 * The response of the current line from the serum and urine M-protein (or, when both were unmeasurable
 * at baseline, the dFLC), per IMWG 2016 (Kumar, Lancet Oncol 2016): baseline = last value on or before
 * the line started; VGPR ≥90% serum reduction with urine <100 mg/24 h; PR ≥50% serum reduction with
 * urine −90% or <200 mg/24 h (or ≥50% dFLC reduction); MR 25–49% serum with urine −50–89%; else SD;
 * PD when a progression falls in the line. The overall category is the lowest across measurable
 * parameters, and it is confirmed when the two latest assessments both support it (the lower counts).
 */
export function computedResponse(records: ClinicalRecords, lines: readonly LineOfTherapy[], progressions: readonly ProgressionEvent[]): ComputedResponse | null {
  const line = lines.at(-1);
  if (!line) return null;
  const pd = progressions.filter((p) => p.date > line.start).at(-1);
  if (pd) return { category: 'PD', date: pd.date, confirmed: true, line: line.number, basis: pd.detail, provenance: pd.provenance };

  const serum = pointsOf(records.labs, 'serumMProtein');
  const urine = pointsOf(records.labs, 'urineMProtein');
  const baselineOf = (ps: Point[]): Point | undefined => ps.filter((p) => p.date <= line.start).at(-1);
  const sBase = baselineOf(serum);
  const uBase = baselineOf(urine);
  const serumMeasurable = sBase !== undefined && sBase.value >= MEASURABLE.serumGdL;
  const urineMeasurable = uBase !== undefined && uBase.value >= MEASURABLE.urineMg24h;

  const urineAt = (date: string): Point | undefined => urine.filter((p) => p.date > line.start && p.date <= date).at(-1);
  type Assessed = { date: string; category: ComputedResponse['category']; basis: string; provenance: string[] };
  const assessed: Assessed[] = [];

  if (serumMeasurable || urineMeasurable) {
    const dates = [...new Set([...(serumMeasurable ? serum : urine).filter((p) => p.date > line.start).map((p) => p.date)])].sort();
    for (const date of dates) {
      let category: ComputedResponse['category'] = 'VGPR';
      const parts: string[] = [];
      const prov: string[] = [];
      if (serumMeasurable) {
        const s = serum.filter((p) => p.date <= date).at(-1)!;
        const red = (sBase.value - s.value) / sBase.value;
        const c = red >= 0.9 ? 'VGPR' : red >= 0.5 ? 'PR' : red >= 0.25 ? 'MR' : 'SD';
        category = lower(category, c);
        parts.push(`serum ${sBase.value}→${s.value} g/dL (${Math.round(red * 100)}%)`);
        prov.push(sBase.eventId, s.eventId);
      }
      const u = urineAt(date);
      if (u) {
        prov.push(u.eventId);
        parts.push(`urine ${uBase ? `${uBase.value}→` : ''}${u.value} mg/24h`);
      }
      if (urineMeasurable) {
        // Urine measurable at baseline: VGPR <100 mg/24 h; PR −90% or <200; MR −50–89%; else SD.
        const red = u ? (uBase.value - u.value) / uBase.value : 0;
        const c = !u ? 'SD' : u.value < 100 ? 'VGPR' : red >= 0.9 || u.value < 200 ? 'PR' : red >= 0.5 ? 'MR' : 'SD';
        if (!u) parts.push('urine M-protein not re-assessed');
        category = lower(category, c);
        prov.push(uBase.eventId);
      } else {
        // Serum-only disease: VGPR still needs urine <100 mg/24 h, PR urine <200 mg/24 h.
        const cap = !u ? 'PR' : u.value < 100 ? 'VGPR' : u.value < 200 ? 'PR' : 'SD';
        if (!u && category === 'VGPR') parts.push('no urine M-protein to show VGPR');
        category = lower(category, cap);
      }
      assessed.push({ date, category, basis: parts.join('; '), provenance: prov });
    }
  } else {
    // FLC route: ≥50% decrease in dFLC is PR; smaller changes are SD (IMWG defines no VGPR/MR by FLC).
    const chain = records.diagnosis.lightChain;
    const kappa = new Map(pointsOf(records.labs, 'freeKappa').map((p) => [p.date, p]));
    const dflc = pointsOf(records.labs, 'freeLambda')
      .filter((l) => kappa.has(l.date))
      .map((l) => {
        const k = kappa.get(l.date)!;
        const involvedKappa = chain ? chain === 'kappa' : k.value >= l.value;
        return { date: l.date, value: involvedKappa ? k.value - l.value : l.value - k.value, eventId: (involvedKappa ? k : l).eventId };
      });
    const base = dflc.filter((p) => p.date <= line.start).at(-1);
    if (!base || base.value <= 0) return null;
    for (const p of dflc.filter((x) => x.date > line.start)) {
      const red = (base.value - p.value) / base.value;
      assessed.push({ date: p.date, category: red >= 0.5 ? 'PR' : 'SD', basis: `dFLC ${base.value}→${p.value} mg/L (${Math.round(red * 100)}%)`, provenance: [base.eventId, p.eventId] });
    }
  }
  const last = assessed.at(-1);
  if (!last) return null;
  const previous = assessed.at(-2);
  const category = previous ? lower(previous.category, last.category) : last.category;
  return {
    category: previous ? category : last.category,
    date: last.date,
    confirmed: previous !== undefined,
    line: line.number,
    basis: previous ? `${previous.basis} | ${last.basis}` : last.basis,
    provenance: [...new Set([...(previous?.provenance ?? []), ...last.provenance])],
  };
}
