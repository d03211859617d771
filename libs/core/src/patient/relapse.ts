import type { ClinicalRecords, LabRecord } from './clinical-events';
import { abnormalFlcRatio, involvedChain, plasmacytomaSizes } from './disease-status';
import type { LineOfTherapy } from './lines-of-therapy';
import { daysBetween, type ProfileSettings } from './settings';

/** IMWG 2016 clinical relapse: direct indicators of increasing disease or end-organ dysfunction (CRAB-type). */
export type ClinicalRelapseSign = 'new-lesion' | 'lesion-growth' | 'hypercalcemia' | 'hemoglobin-fall' | 'creatinine-rise' | 'hyperviscosity';
/** IMWG significant paraprotein relapse (an indication for treatment at relapse). */
export type BiochemicalRelapseCriterion = 'serum-doubling' | 'serum-rise' | 'urine-rise' | 'involved-flc-rise';

export interface RelapseIndicator<K extends string> {
  date: string;
  /** The line of therapy the sign falls in (after its start, up to the next line's start). */
  line: number;
  kind: K;
  detail: string;
  provenance: string[];
}

type Point = { date: string; value: number; eventId: string };
const TOLERANCE = 1e-9;
const atLeast = (value: number, threshold: number): boolean => value >= threshold - TOLERANCE;
const pointsOf = (labs: readonly LabRecord[], name: LabRecord['name']): Point[] => labs.filter((l) => l.name === name).map((l) => ({ date: l.date, value: l.value, eventId: l.eventId }));

/** Each line with the span it covers: after its start, up to the next line's start (or the as-of day). */
function spans(lines: readonly LineOfTherapy[], asOf: string): Array<{ line: LineOfTherapy; until: string }> {
  return lines.map((line, i) => ({ line, until: lines[i + 1]?.start ?? asOf }));
}

/**
 * IMWG 2016 clinical relapse signs (Kumar et al. 2016; domain.md §4 "Clinical relapse"), after a line's start
 * and up to the next one's, so that untreated disease (CRAB at diagnosis) is not a relapse: new soft-tissue
 * plasmacytomas or bone lesions (an imaging event's `newLesions`, or a plasmacytoma first named after earlier
 * measuring scans); a definite increase of an existing
 * plasmacytoma, its size (product of the perpendicular diameters) ≥50% above its smallest in the line (from
 * the line's baseline scan) and its longest diameter ≥1 cm more than then; hypercalcemia (calcium above
 * `relapseIndicators.calciumAboveMgDl`); a haemoglobin fall and a creatinine rise from the value at the line's
 * start (the last on or before it) by the settings' amounts; hyperviscosity (an active condition recorded in the
 * line). IMWG asks that the haemoglobin fall be unrelated to therapy and the creatinine rise attributable to
 * myeloma: that is not known from the record, and the detail says so.
 */
export function clinicalRelapse(records: ClinicalRecords, lines: readonly LineOfTherapy[], asOf: string, s: ProfileSettings): Array<RelapseIndicator<ClinicalRelapseSign>> {
  const t = s.relapseIndicators;
  const out: Array<RelapseIndicator<ClinicalRelapseSign>> = [];
  const calcium = pointsOf(records.labs, 'calcium');
  const hemoglobin = pointsOf(records.labs, 'hemoglobin');
  const creatinine = pointsOf(records.labs, 'creatinine');
  const { lesions, appeared } = plasmacytomaSizes(records.imaging);
  for (const { line, until } of spans(lines, asOf)) {
    const inLine = (date: string): boolean => date > line.start && date <= until;
    // The first of each sign in the line (of each lesion, for growth) is the relapse; later ones add nothing.
    const seen = new Set<string>();
    const push = (date: string, kind: ClinicalRelapseSign, detail: string, provenance: string[], of = ''): void => {
      if (seen.has(kind + of)) return;
      seen.add(kind + of);
      out.push({ date, line: line.number, kind, detail, provenance });
    };
    const newLesions = [
      ...records.imaging.filter((i) => i.newLesions === true).map((i) => ({ date: i.date, detail: `new lesion(s) on ${i.modality}`, eventId: i.eventId })),
      ...appeared.map((a) => ({ date: a.date, detail: `new plasmacytoma ${a.name} (not on the earlier measuring scans)`, eventId: a.eventId })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const n of newLesions) if (inLine(n.date)) push(n.date, 'new-lesion', n.detail, [n.eventId]);
    for (const l of lesions) {
      const scans = records.imaging.filter((i) => i.plasmacytomas !== null);
      // Each scan of the lesion with its size (the product of its diameters) and longest diameter; 0 once it is not listed.
      const sized = l.points.map((p) => {
        const m = scans.find((x) => x.eventId === p.eventId)?.plasmacytomas?.find((x) => x.lesion === l.name);
        return { ...p, size: m ? m.longestMm * m.perpendicularMm : 0, longest: m?.longestMm ?? 0 };
      });
      let smallest = sized.filter((p) => p.date <= line.start).at(-1) ?? null;
      for (const p of sized.filter((x) => inLine(x.date))) {
        if (smallest && smallest.size > 0 && atLeast(p.size, smallest.size * (1 + t.lesionGrowthFraction)) && atLeast(p.longest - smallest.longest, t.lesionGrowthMinMm)) {
          push(p.date, 'lesion-growth', `plasmacytoma ${l.name}: ${smallest.size} mm² (${smallest.date}) → ${p.size} mm², longest diameter ${smallest.longest} → ${p.longest} mm`, [smallest.eventId, p.eventId], l.name);
        }
        if (!smallest || p.size < smallest.size) smallest = p;
      }
    }
    for (const c of calcium.filter((p) => inLine(p.date) && p.value > t.calciumAboveMgDl + TOLERANCE)) push(c.date, 'hypercalcemia', `calcium ${c.value} mg/dL (> ${t.calciumAboveMgDl})`, [c.eventId]);
    const fromStart = (ps: Point[], kind: ClinicalRelapseSign, change: (base: number, v: number) => boolean, label: string, unit: string, note: string): void => {
      const base = ps.filter((p) => p.date <= line.start).at(-1);
      if (!base) return;
      for (const p of ps.filter((x) => inLine(x.date) && change(base.value, x.value))) push(p.date, kind, `${label} ${base.value} (${base.date}) → ${p.value} ${unit}; ${note}`, [base.eventId, p.eventId]);
    };
    fromStart(hemoglobin, 'hemoglobin-fall', (b, v) => atLeast(b - v, t.hemoglobinFallGdL), 'haemoglobin', 'g/dL', 'whether unrelated to therapy is not assessed');
    fromStart(creatinine, 'creatinine-rise', (b, v) => atLeast(v - b, t.creatinineRiseMgDl), 'creatinine', 'mg/dL', 'whether attributable to myeloma is not assessed');
    for (const c of records.conditions) {
      const onset = c.onsetDate ?? c.date;
      if (c.kind === 'hyperviscosity' && c.status === 'active' && inLine(onset)) push(onset, 'hyperviscosity', 'hyperviscosity recorded', [c.eventId]);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * IMWG significant paraprotein relapse (indications for treatment at relapse; domain.md §4 [S19]), within each
 * line from its baseline (the last value on or before its start) and its lowest value since, in two consecutive
 * measurements no more than `relapseIndicators.consecutiveWithinDays` apart (dated at the first): serum
 * M-protein doubled from a lowest value of at least `doublingReferenceMinGdL`; serum M-protein up by
 * `serumRiseGdL`; urine M-protein up by `urineRiseMg24h`; the involved free light chain up by
 * `involvedFlcRiseMgDl` with an abnormal κ/λ ratio (both measurements).
 */
export function significantBiochemicalRelapse(records: ClinicalRecords, lines: readonly LineOfTherapy[], asOf: string, s: ProfileSettings): Array<RelapseIndicator<BiochemicalRelapseCriterion>> {
  const t = s.relapseIndicators;
  const chain = involvedChain(records);
  const lambda = new Map(pointsOf(records.labs, 'freeLambda').map((p) => [p.date, p]));
  const involved: Array<Point & { abnormal: boolean }> = [];
  for (const k of pointsOf(records.labs, 'freeKappa')) {
    const l = lambda.get(k.date);
    if (!l || l.value <= 0) continue;
    const ratio = k.value / l.value;
    const kappa = (chain ?? (ratio > 1 ? 'kappa' : 'lambda')) === 'kappa';
    involved.push({ date: k.date, value: kappa ? k.value : l.value, eventId: kappa ? k.eventId : l.eventId, abnormal: abnormalFlcRatio(ratio) });
  }
  const criteria: Array<{ kind: BiochemicalRelapseCriterion; points: Array<Point & { abnormal?: boolean }>; unit: string; rises: (lowest: number, v: number, p: Point & { abnormal?: boolean }) => boolean; label: string }> = [
    { kind: 'serum-doubling', points: pointsOf(records.labs, 'serumMProtein'), unit: 'g/dL', rises: (lo, v) => atLeast(lo, t.doublingReferenceMinGdL) && atLeast(v, 2 * lo), label: `serum M-protein doubled (from ≥${t.doublingReferenceMinGdL} g/dL)` },
    { kind: 'serum-rise', points: pointsOf(records.labs, 'serumMProtein'), unit: 'g/dL', rises: (lo, v) => atLeast(v - lo, t.serumRiseGdL), label: `serum M-protein up ≥${t.serumRiseGdL} g/dL` },
    { kind: 'urine-rise', points: pointsOf(records.labs, 'urineMProtein'), unit: 'mg/24h', rises: (lo, v) => atLeast(v - lo, t.urineRiseMg24h), label: `urine M-protein up ≥${t.urineRiseMg24h} mg/24h` },
    { kind: 'involved-flc-rise', points: involved, unit: 'mg/L', rises: (lo, v, p) => p.abnormal === true && atLeast(v - lo, t.involvedFlcRiseMgDl * 10), label: `involved FLC up ≥${t.involvedFlcRiseMgDl} mg/dL with an abnormal ratio` },
  ];
  const out: Array<RelapseIndicator<BiochemicalRelapseCriterion>> = [];
  for (const { line, until } of spans(lines, asOf)) {
    for (const c of criteria) {
      let lowest = c.points.filter((p) => p.date <= line.start).at(-1) ?? null;
      let previous: (typeof c.points)[number] | null = null;
      for (const p of c.points.filter((x) => x.date > line.start && x.date <= until)) {
        const rises = lowest !== null && c.rises(lowest.value, p.value, p);
        if (rises && previous && lowest && previous.date < p.date && daysBetween(previous.date, p.date) <= t.consecutiveWithinDays && c.rises(lowest.value, previous.value, previous)) {
          out.push({ date: previous.date, line: line.number, kind: c.kind, detail: `${c.label}: lowest ${lowest.value} ${c.unit} (${lowest.date}) → ${previous.value} and ${p.value} ${c.unit}`, provenance: [lowest.eventId, previous.eventId, p.eventId] });
          break; // the first in the line is the relapse
        }
        if (!rises && (lowest === null || p.value < lowest.value)) lowest = p;
        previous = p;
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
