import type { ClinicalRecords, LabRecord } from './clinical-events';
import { abnormalFlcRatio, heldLevel, involvedChain, plasmacytomaSizes, withNegativeImmunofixation } from './disease-status';
import type { LineOfTherapy } from './lines-of-therapy';
import type { ProfileSettings } from './settings';

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
/**
 * A lab's values in order, each day's latest time only (as progression reads a day: a later value of the day is the
 * measurement, rev31); values of one time, which the record does not order, all stand.
 */
function pointsOf(labs: readonly LabRecord[], name: LabRecord['name']): Point[] {
  const of = labs.filter((l) => l.name === name);
  const latestAt = new Map(of.map((l) => [l.date, l.at ?? -Infinity]));
  return of.filter((l) => (l.at ?? -Infinity) === latestAt.get(l.date)).map((l) => ({ date: l.date, value: l.value, eventId: l.eventId }));
}

/** Each line with the span it covers: after its start, up to the next line's start (or the as-of day). */
function spans(lines: readonly LineOfTherapy[], asOf: string): Array<{ line: LineOfTherapy; until: string }> {
  return lines.map((line, i) => ({ line, until: lines[i + 1]?.start ?? asOf }));
}

/** A lab value as shown in a detail: at most two decimals. */
const shown = (v: number): string => String(Math.round(v * 100) / 100);

/** `date` plus `months` calendar months (the day clamped to the month's last), as YYYY-MM-DD. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * IMWG 2016 clinical relapse signs (Kumar et al. 2016; domain.md §4 "Clinical relapse"), after a line's start
 * and up to the next one's, so that untreated disease (CRAB at diagnosis) is not a relapse: new soft-tissue
 * plasmacytomas or bone lesions (an imaging event's `newLesions`, a plasmacytoma first named after earlier
 * measuring scans, or one that had disappeared and is seen again); a definite increase of an existing
 * plasmacytoma, its size (product of the perpendicular diameters) ≥50% above its smallest in the line (from the
 * line's baseline scan) and its longest diameter ≥1 cm more than then; hypercalcemia (calcium above
 * `relapseIndicators.calciumAboveMgDl`, a new episode: the calcium before it, if any, was not above it); a
 * haemoglobin fall from the highest value since the line's start (the last on or before it included) and a
 * creatinine rise from the value at the line's start ("from the start of therapy"), by the settings' amounts;
 * hyperviscosity (a condition recorded present, active or since resolved, with its onset in the line). IMWG asks
 * that the haemoglobin fall be unrelated to therapy and the creatinine rise attributable to myeloma: that is not
 * known from the record, and the detail says so. The first of each sign per line (of each lesion, for growth), after
 * `after` when given.
 */
export function clinicalRelapse(records: ClinicalRecords, lines: readonly LineOfTherapy[], asOf: string, s: ProfileSettings, after = ''): Array<RelapseIndicator<ClinicalRelapseSign>> {
  const t = s.relapseIndicators;
  const out: Array<RelapseIndicator<ClinicalRelapseSign>> = [];
  const calcium = pointsOf(records.labs, 'calcium');
  const hemoglobin = pointsOf(records.labs, 'hemoglobin');
  const creatinine = pointsOf(records.labs, 'creatinine');
  const { lesions, appeared } = plasmacytomaSizes(records.imaging);
  // Hypercalcemia episodes: a calcium above the threshold whose previous value (an earlier day), if any, was not.
  const high = (v: number): boolean => v > t.calciumAboveMgDl + TOLERANCE;
  const hypercalcemia: Point[] = [];
  let before: Point | null = null; // the last value of the previous day
  calcium.forEach((c, i) => {
    const previous = calcium[i - 1];
    if (previous && previous.date !== c.date) before = previous;
    if (high(c.value) && !(before && high(before.value))) hypercalcemia.push(c);
  });
  for (const { line, until } of spans(lines, asOf)) {
    const inLine = (date: string): boolean => date > line.start && date <= until;
    const seen = new Set<string>();
    const push = (date: string, kind: ClinicalRelapseSign, detail: string, provenance: string[], of = ''): void => {
      // Signs on or before `after` are not sought and hide none after it.
      if (date <= after || seen.has(kind + of)) return;
      seen.add(kind + of);
      out.push({ date, line: line.number, kind, detail, provenance });
    };
    const newLesions: Array<{ date: string; detail: string; eventId: string }> = [
      ...records.imaging.filter((i) => i.newLesions === true).map((i) => ({ date: i.date, detail: `new lesion(s) on ${i.modality}`, eventId: i.eventId })),
      ...appeared.map((a) => ({ date: a.date, detail: `new plasmacytoma ${a.name} (not on the earlier measuring scans)`, eventId: a.eventId })),
    ];
    // Each day a lesion was followed: its area (the product of its diameters) and longest diameter (`value`), 0 once it is not listed.
    for (const l of lesions) {
      let smallest = l.points.filter((p) => p.date <= line.start).at(-1) ?? null;
      for (const p of l.points.filter((x) => inLine(x.date))) {
        if (smallest && smallest.areaMm2 === 0 && p.areaMm2 > 0) newLesions.push({ date: p.date, detail: `plasmacytoma ${l.name} seen again (gone on ${smallest.date})`, eventId: p.eventId });
        if (smallest && smallest.areaMm2 > 0 && atLeast(p.areaMm2, smallest.areaMm2 * (1 + t.lesionGrowthFraction)) && atLeast(p.value - smallest.value, t.lesionGrowthMinMm)) {
          push(p.date, 'lesion-growth', `plasmacytoma ${l.name}: ${smallest.areaMm2} mm² (${smallest.date}) → ${p.areaMm2} mm², longest diameter ${smallest.value} → ${p.value} mm`, [smallest.eventId, p.eventId], l.name);
        }
        if (!smallest || p.areaMm2 < smallest.areaMm2) smallest = p;
      }
    }
    newLesions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const n of newLesions) if (inLine(n.date)) push(n.date, 'new-lesion', n.detail, [n.eventId]);
    for (const c of hypercalcemia) if (inLine(c.date)) push(c.date, 'hypercalcemia', `calcium ${shown(c.value)} mg/dL (> ${t.calciumAboveMgDl} mg/dL)`, [c.eventId]);
    const hbFrom = hemoglobin.filter((p) => p.date <= line.start).at(-1);
    let hbHighest = hbFrom ?? null;
    for (const p of hemoglobin.filter((x) => inLine(x.date))) {
      if (hbHighest && atLeast(hbHighest.value - p.value, t.hemoglobinFallGdL)) push(p.date, 'hemoglobin-fall', `haemoglobin ${shown(hbHighest.value)} (${hbHighest.date}) → ${shown(p.value)} g/dL; whether unrelated to therapy is not assessed`, [hbHighest.eventId, p.eventId]);
      if (!hbHighest || p.value > hbHighest.value) hbHighest = p;
    }
    // A rise is a new episode: the value before it was not risen as much (one lasting from before `after` is none after
    // it, relapse35 R26), or, after `after`, it rose as much again from the value then (rev31: a rise before a CR hides
    // none after it).
    const crBase = creatinine.filter((p) => p.date <= line.start).at(-1);
    const crThen = after === '' ? undefined : creatinine.filter((p) => p.date <= after).at(-1);
    let risen = false;
    for (const p of crBase ? creatinine.filter((x) => inLine(x.date)) : []) {
      const rise = atLeast(p.value - crBase!.value, t.creatinineRiseMgDl);
      const again = crThen !== undefined && p.date > after && atLeast(p.value - crThen.value, t.creatinineRiseMgDl);
      if (rise && (!risen || again)) push(p.date, 'creatinine-rise', `creatinine ${shown(crBase!.value)} (${crBase!.date}) → ${shown(p.value)} mg/dL; whether attributable to myeloma is not assessed`, [crBase!.eventId, p.eventId]);
      risen = rise;
    }
    const hyperviscosity = records.conditions.filter((c) => c.kind === 'hyperviscosity').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const [i, c] of hyperviscosity.entries()) {
      const onset = c.onsetDate ?? c.date;
      // (Recorded as history or as resolved, only with its onset given: the day of the record is not the episode's;
      // rev36 H01, relapse37 R23. Recorded active again with no onset, while the record before said active: the same
      // episode going on, not a new one; relapse37 R24.)
      const before = hyperviscosity[i - 1];
      const goesOn = c.onsetDate === null && before !== undefined && before.date < c.date && before.status === 'active';
      if ((c.status === 'active' || ((c.status === 'resolved' || c.status === 'history') && c.onsetDate !== null)) && !goesOn && inLine(onset)) push(onset, 'hyperviscosity', 'hyperviscosity recorded', [c.eventId]);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * IMWG significant paraprotein relapse (indications for treatment at relapse; domain.md §4 [S19]), within each
 * line from its nadir (as progression measures it, `progressionNadir`: from the baseline, the last value on or
 * before the line's start, lowered by the lowest level two consecutive measurements held, or by the lowest
 * single value), in two consecutive measurements (on different days) the second no more than
 * `relapseIndicators.consecutiveWithinMonths` calendar months after the first (dated at the first): serum
 * M-protein doubled from a nadir of at least `doublingReferenceMinGdL`; serum M-protein up by `serumRiseGdL`;
 * urine M-protein up by `urineRiseMg24h`; the involved free light chain up by `involvedFlcRiseMgDl` or by
 * `involvedFlcRiseFraction` of the nadir, whichever is greater, with an abnormal κ/λ ratio.
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
  // A negative immunofixation on a day without electrophoresis is an M-protein of 0, for the nadir as progression measures it (rev31).
  const serum = withNegativeImmunofixation(records.labs, pointsOf(records.labs, 'serumMProtein'), 'serumImmunofixation');
  const criteria: Array<{ kind: BiochemicalRelapseCriterion; points: Array<Point & { abnormal?: boolean }>; unit: string; rises: (nadir: number, v: number, p: Point & { abnormal?: boolean }) => boolean; label: string }> = [
    { kind: 'serum-doubling', points: serum, unit: 'g/dL', rises: (lo, v) => atLeast(lo, t.doublingReferenceMinGdL) && atLeast(v, 2 * lo), label: `serum M-protein doubled (from ≥${t.doublingReferenceMinGdL} g/dL)` },
    { kind: 'serum-rise', points: serum, unit: 'g/dL', rises: (lo, v) => atLeast(v - lo, t.serumRiseGdL), label: `serum M-protein up ≥${t.serumRiseGdL} g/dL` },
    { kind: 'urine-rise', points: withNegativeImmunofixation(records.labs, pointsOf(records.labs, 'urineMProtein'), 'urineImmunofixation'), unit: 'mg/24h', rises: (lo, v) => atLeast(v - lo, t.urineRiseMg24h), label: `urine M-protein up ≥${t.urineRiseMg24h} mg/24h` },
    {
      kind: 'involved-flc-rise',
      points: involved,
      unit: 'mg/L',
      rises: (lo, v, p) => p.abnormal === true && atLeast(v - lo, Math.max(t.involvedFlcRiseMgDl * 10, lo * t.involvedFlcRiseFraction)),
      label: `involved FLC up ≥${t.involvedFlcRiseMgDl} mg/dL or ${Math.round(t.involvedFlcRiseFraction * 100)}% (whichever is greater) with an abnormal ratio`,
    },
  ];
  const out: Array<RelapseIndicator<BiochemicalRelapseCriterion>> = [];
  for (const { line, until } of spans(lines, asOf)) {
    for (const c of criteria) {
      let nadir = c.points.filter((p) => p.date <= line.start).at(-1) ?? null;
      let previous: (typeof c.points)[number] | null = nadir;
      let pending: (typeof c.points)[number] | null = null;
      let earlier: (typeof c.points)[number] | null = null;
      for (const p of c.points.filter((x) => x.date > line.start && x.date <= until)) {
        if (nadir === null) {
          nadir = previous = p;
          continue;
        }
        // A second value on the day of a pending rise is the same measurement (as progression reads it): it neither confirms nor undoes it.
        if (pending && p.date === pending.date) continue;
        if (previous !== null && previous.date < p.date) earlier = previous;
        if (!c.rises(nadir.value, p.value, p)) {
          pending = null;
          // The nadir as progression measures it: the lowest single value, or the lowest level two consecutive measurements held.
          const held = s.progressionNadir === 'lowest' || previous === null ? p : (heldLevel(p, previous, earlier) ?? nadir);
          if (held.value < nadir.value) nadir = held;
          previous = p;
          continue;
        }
        if (pending && p.date <= addMonths(pending.date, t.consecutiveWithinMonths)) {
          out.push({
            date: pending.date,
            line: line.number,
            kind: c.kind,
            detail: `${c.label}: nadir ${shown(nadir.value)} ${c.unit} (${nadir.date}) → ${shown(pending.value)} and ${shown(p.value)} ${c.unit}`,
            provenance: [nadir.eventId, pending.eventId, p.eventId],
          });
          break; // the first in the line is the relapse
        }
        pending = previous = p;
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
