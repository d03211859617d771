import { withoutFloatNoise } from '../util/float-noise';
import { RESPONSE_RANK, type ClinicalRecords, type ImagingRecord, type LabRecord, type MrdRecord, type PlasmacytomaMeasure, type ResponseCategory, type ResponseRecord } from './clinical-events';
import { sameTimeValues } from './labs';
import { daysBetween, type ProfileSettings } from './settings';

export interface ProgressionEvent {
  date: string;
  source: 'reported' | 'serum-m-protein' | 'urine-m-protein' | 'dflc' | 'marrow-plasma-cells' | 'circulating-plasma-cells' | 'imaging';
  /** Values compared: nadir and the confirming assessments. */
  detail: string;
  provenance: string[];
}

/** IMWG 2016 PD thresholds: ≥25% from nadir and an absolute increase. */
const SERUM_ABS_G_DL = 0.5;
const SERUM_ABS_HIGH_NADIR_G_DL = 1.0;
const SERUM_HIGH_NADIR_G_DL = 5.0;
const URINE_ABS_MG_24H = 200;
const DFLC_ABS_MG_L = 100; // > 10 mg/dL
/** Lab values carry a few decimals: differences closer than this are equal (2.3 − 1.8 is 0.4999… in binary floating point). */
const TOLERANCE = 1e-9;
const atLeast = (value: number, threshold: number): boolean => value >= threshold - TOLERANCE;
const above = (value: number, threshold: number): boolean => value > threshold + TOLERANCE;
const risesQuarter = (nadir: number, value: number): boolean => atLeast(value, nadir * 1.25);
/** Serum M-protein: ≥25% and ≥0.5 g/dL; from a nadir ≥5 g/dL an increase of ≥1 g/dL suffices on its own (a separate IMWG criterion). */
const serumRises = (nadir: number, value: number): boolean =>
  (risesQuarter(nadir, value) && atLeast(value - nadir, SERUM_ABS_G_DL)) || (atLeast(nadir, SERUM_HIGH_NADIR_G_DL) && atLeast(value - nadir, SERUM_ABS_HIGH_NADIR_G_DL));
const urineRises = (nadir: number, value: number): boolean => risesQuarter(nadir, value) && atLeast(value - nadir, URINE_ABS_MG_24H);
/** dFLC: ≥25% and strictly more than 10 mg/dL (100 mg/L). */
const dflcRises = (nadir: number, value: number): boolean => risesQuarter(nadir, value) && above(value - nadir, DFLC_ABS_MG_L);
/** Marrow plasma cells (when serum, urine and FLC are all unmeasurable): ≥25% and ≥10 percentage points. */
const MARROW_ABS_PERCENT = 10;
const marrowRises = (nadir: number, value: number): boolean => risesQuarter(nadir, value) && atLeast(value - nadir, MARROW_ABS_PERCENT);
/** Circulating plasma cells (the only measure of disease): ≥50% and at least 200 cells/µL (0.2 ×10^9/L) more. */
const CIRCULATING_ABS_10E9_L = 0.2;
const risesHalf = (nadir: number, value: number): boolean => (nadir > 0 ? atLeast(value, nadir * 1.5) : value > TOLERANCE);
const circulatingRises = (nadir: number, value: number): boolean => risesHalf(nadir, value) && atLeast(value - nadir, CIRCULATING_ABS_10E9_L);
/** Plasmacytoma size (IMWG 2016 PD): ≥50% from the nadir in the SPD of more than one lesion, or in the longest diameter of a lesion >1 cm in short axis. */
const SHORT_AXIS_MIN_MM = 10;
/** A size on one day: the SPD (mm²) with the number of lesions in it, or one lesion's longest diameter (mm) with its short axis and its area (the product of its diameters, mm²). */
export type SizePoint = Point & { lesions: number; shortAxisMm: number | null; areaMm2: number };
const spdRises = (nadir: number, value: number, at: SizePoint, from: SizePoint): boolean => (at.lesions > 1 || from.lesions > 1) && risesHalf(nadir, value);
const diameterRises = (nadir: number, value: number, at: SizePoint): boolean => at.shortAxisMm !== null && above(at.shortAxisMm, SHORT_AXIS_MIN_MM) && risesHalf(nadir, value);
/** IMWG measurable disease. */
export const MEASURABLE = { serumGdL: 1.0, urineMg24h: 200, involvedFlcMgL: 100, ratioLow: 0.26, ratioHigh: 1.65 } as const;
/** A κ/λ ratio outside the normal range (0.26–1.65). */
export const abnormalFlcRatio = (ratio: number | null): boolean => ratio !== null && (ratio < MEASURABLE.ratioLow || ratio > MEASURABLE.ratioHigh);
/** Measurable FLC disease: involved FLC ≥10 mg/dL with an abnormal κ/λ ratio. */
export const measurableFlc = (involvedMgL: number, ratio: number | null): boolean => involvedMgL >= MEASURABLE.involvedFlcMgL && abnormalFlcRatio(ratio);

type Point = { date: string; value: number; eventId: string };

/** The κ/λ ratio in effect: the more recent of a reported ratio and a κ/λ pair measured the same day. */
export function flcRatioOf(reported: { date: string; value: number } | null | undefined, kappa: Point | null | undefined, lambda: Point | null | undefined): { date: string; value: number } | null {
  const pair = kappa && lambda && kappa.date === lambda.date && lambda.value > 0 ? { date: kappa.date, value: withoutFloatNoise(kappa.value / lambda.value) } : null;
  return reported && (!pair || reported.date >= pair.date) ? { date: reported.date, value: reported.value } : pair;
}

function series(labs: readonly LabRecord[], name: LabRecord['name']): Point[] {
  return labs.filter((l) => l.name === name).map((l) => ({ date: l.date, value: l.value, eventId: l.eventId }));
}

/**
 * An electrophoresis series (serum or urine M-protein) with a 0 on each day after its first value that a negative
 * immunofixation was reported without an electrophoresis value: immunofixation is the more sensitive test, so a CR
 * documented by immunofixation alone is an assessment, and a nadir, too.
 */
export function withNegativeImmunofixation(
  labs: readonly LabRecord[],
  ps: Point[],
  ife: 'serumImmunofixation' | 'urineImmunofixation',
  /** Also before the first value, or with none: a response assessment's urine in serum-only disease (rev34c B3). */
  evenBeforeFirst = false,
): Point[] {
  const first = evenBeforeFirst ? '' : ps[0]?.date;
  if (first === undefined) return ps;
  const extra = labs.filter((l) => l.name === ife && l.value === 0 && l.date > first && !ps.some((p) => p.date === l.date)).map((l) => ({ date: l.date, value: 0, eventId: l.eventId }));
  return extra.length === 0 ? ps : [...ps, ...extra].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Biochemical progression in one parameter: an increase of ≥25% from the nadir since the last
 * progression, with the absolute threshold, in two consecutive assessments (when confirmation is
 * required); the progression date is the first of the two. The nadir starts at the first value (the
 * baseline; "if the patient never responded, nadir may equal baseline") and is lowered by the lowest
 * single value (nadir 'lowest') or only by a level two consecutive assessments both reached, the higher
 * of the pair (nadir 'confirmed'). After a progression the nadir restarts at the confirming value.
 */
/**
 * The level two consecutive assessments both reached (IMWG 2016 "lowest confirmed value"): `p` and the assessment
 * before it, `previous`, or, when that is a second value of `p`'s day (the same assessment), `earlier`, the latest
 * value of a day before; null without one.
 */
export function heldLevel<P extends { date: string; value: number }>(p: P, previous: P | null, earlier: P | null): P | null {
  const pair = previous !== null && previous.date !== p.date ? previous : earlier;
  return pair === null ? null : pair.value >= p.value ? pair : p;
}

function progressions<P extends Point>(
  points: P[],
  source: ProgressionEvent['source'],
  /** Whether `value` (at `at`) is a progression from `nadir` (at `from`). */
  risesFrom: (nadir: number, value: number, at: P, from: P) => boolean,
  unit: string,
  confirm: boolean,
  nadirRule: ProfileSettings['progressionNadir'] = 'lowest',
  lineStarts: readonly string[] = [],
): ProgressionEvent[] {
  const found: ProgressionEvent[] = [];
  let nadir: P | null = null;
  let previous: P | null = null;
  let pending: P | null = null;
  let earlier: P | null = null; // the latest value of a day before the current one's
  let nextStart = 0;
  for (const p of points) {
    // A new line of therapy measures from its own baseline (the last value on or before its start), and a rise
    // not confirmed before it started is not confirmed by values under the new therapy.
    while (nextStart < lineStarts.length && lineStarts[nextStart]! < p.date) {
      if (previous !== null) nadir = previous;
      pending = null;
      nextStart++;
    }
    if (nadir === null) {
      nadir = previous = p;
      continue;
    }
    // A second value on the same day is the same assessment: it can neither confirm nor undo a pending rise.
    if (pending && p.date === pending.date) continue;
    if (previous !== null && previous.date < p.date) earlier = previous;
    const rises = risesFrom(nadir.value, p.value, p, nadir);
    if (!rises) {
      pending = null;
      if (nadirRule === 'lowest') {
        if (p.value < nadir.value) nadir = p;
      } else {
        const held = heldLevel(p, previous, earlier);
        if (held !== null && held.value < nadir.value) nadir = held;
      }
      previous = p;
      continue;
    }
    if (!confirm || pending) {
      const first = pending ?? p;
      found.push({
        date: first.date,
        source,
        detail: `nadir ${nadir.value} ${unit} (${nadir.date}) → ${first.value}${pending ? ` and ${p.value}` : ''} ${unit}`,
        provenance: [nadir.eventId, first.eventId, ...(pending ? [p.eventId] : [])],
      });
      nadir = previous = p;
      pending = null;
    } else {
      pending = previous = p;
    }
  }
  return found;
}

/**
 * The first progression event of the latest progression (IMWG: progression is dated when first documented): walking
 * back from the latest event, an earlier one is the same progression unless a new therapy began between them
 * (`boundaries`: a line's start plus `earlyProgressionDays`, a CAR-T infusion; the earlier event on or before it, the
 * later one after it) or the disease responded between them (`respondedBetween`). A reported PD weeks after a
 * confirmed rise, or the further rises the M-protein makes from its last value, date the progression no later.
 */
export function progressionEpisodeStart(found: readonly ProgressionEvent[], boundaries: readonly string[], respondedBetween: (from: string, to: string) => boolean): ProgressionEvent | undefined {
  let start = found.at(-1);
  for (let i = found.length - 2; i >= 0 && start; i--) {
    const earlier = found[i]!;
    const later: string = start.date;
    if (earlier.date !== later && (boundaries.some((b) => earlier.date <= b && b < later) || respondedBetween(earlier.date, later))) break;
    start = earlier;
  }
  return start;
}

/**
 * Whether a measured parameter fell between two days, as a response after a progression: two consecutive values
 * after `from` and before `to`, both at least 25% (MR) below the last value on or before `from`.
 */
export function fellBetween(x: ProgressionSeries, from: string, to: string): boolean {
  return [x.serum, x.urine, x.dflc ?? []].some((points) => {
    const before = points.filter((p) => p.date <= from).at(-1);
    if (!before || before.value <= 0) return false;
    const between = points.filter((p) => p.date > from && p.date < to);
    return between.some((p, i) => i > 0 && p.value <= before.value * 0.75 && between[i - 1]!.value <= before.value * 0.75);
  });
}

export interface DiseaseStatus {
  progressions: ProgressionEvent[];
  /** The latest progression event's date (a later documentation of the same progression included); `progressionDate` is when the latest progression began. */
  lastProgressionDate: string | null;
  /** Latest response assessment reported by a clinician. */
  /** The latest reported assessment; `sameTime`: the other categories reported at the same time (which is right is not known; v13). */
  reportedResponse: { category: ResponseCategory; date: string; source: 'reported'; provenance: string[]; sameTime?: ResponseCategory[] } | null;
  measurable: MeasurableDisease;
  mrd: {
    latest: MrdRecord | null;
    /** Every marrow MRD assessment, oldest first (a criterion passes over later negatives too coarse for it, v14). Absent in profiles derived before it was kept. */
    assessments?: MrdRecord[];
    /** The latest PET-CT MRD assessment (an imaging event reporting one). */
    latestImaging: { date: string; result: 'negative' | 'positive' } | null;
    /**
     * IMWG 2016 sustained MRD-negative: marrow (NGF/NGS, at `mrdMinSensitivity` or finer) and, with
     * `sustainedMrdNeedsImaging`, PET-CT negative throughout a span of at least one year bounded by
     * assessments of each, with no positive result since (a positive by any method ends a run).
     */
    sustainedNegative: boolean;
    /** The marrow (NGF/NGS) alone negative over at least a year, with no relapse since: what `sustainedNegative` needs of the marrow. Absent in profiles derived before settings v10. */
    sustainedMarrowNegative?: boolean;
    /**
     * IMWG 2016 relapse from MRD negativity after the latest marrow MRD negative: a progression, or the
     * M-protein back (a positive serum or urine immunofixation, serum or urine M-protein above 0): the first
     * such day and what it was. The negative no longer stands, and negativity is no longer sustained.
     */
    negativityLost?: { date: string; basis: string; provenance: string[] } | null;
    /** The latest MRD assessment. */
    provenance: string[];
    /** The first and last assessments of each run that made it sustained (empty when it is not). */
    sustainedProvenance: string[];
  };
}

export interface MeasurableDisease {
  /** IMWG: serum M-protein ≥ 1 g/dL. Trial-specific cut-offs are applied by the engine from `values`. */
  serum: boolean;
  urine: boolean;
  /** Involved FLC ≥ 10 mg/dL with an abnormal ratio, when neither serum nor urine is measurable. */
  flcOnly: boolean;
  any: boolean;
  /** No measurable or detectable M-protein in serum or urine and normal FLC ratio, with values present. */
  nonSecretoryPattern: boolean;
  heavyChain: string | null;
  lightChain: 'kappa' | 'lambda' | null;
  /** `sameTime`: other values of the same time that differ (which is right is not known; v13), as for labs. */
  values: {
    serumMProtein: { value: number; date: string; sameTime?: number[] } | null;
    urineMProtein: { value: number; date: string; sameTime?: number[] } | null;
    involvedFlc: { value: number; date: string; chain: 'kappa' | 'lambda' } | null;
    flcRatio: { value: number; date: string } | null;
  };
  provenance: string[];
}

export const atLeastMR = (c: ResponseCategory): boolean => RESPONSE_RANK[c] >= RESPONSE_RANK.MR;

function latest(points: Point[], asOf: string, maxAge: number): Point | null {
  const p = points.filter((x) => x.date <= asOf).at(-1);
  return p && daysBetween(p.date, asOf) <= maxAge ? p : null;
}

export function involvedChain(records: ClinicalRecords): 'kappa' | 'lambda' | null {
  if (records.diagnosis.lightChain) return records.diagnosis.lightChain;
  // Without the diagnosis's light chain: the first κ/λ pair of one day with an abnormal ratio says which chain is clonal
  // (above the normal range κ, below it λ), else the first ratio reported abnormal; with none abnormal, the larger of
  // the first pair of one day.
  const lambda = new Map(series(records.labs, 'freeLambda').map((p) => [p.date, p.value]));
  const pairs = series(records.labs, 'freeKappa').flatMap((k) => (lambda.has(k.date) ? [{ k: k.value, l: lambda.get(k.date)! }] : []));
  const abnormal = pairs.find((p) => p.l > 0 && abnormalFlcRatio(withoutFloatNoise(p.k / p.l)));
  if (abnormal) return abnormal.k > abnormal.l ? 'kappa' : 'lambda';
  // No abnormal pair: a ratio reported abnormal (one chain measured, or none) points to the chain just as well.
  const reported = series(records.labs, 'flcRatio').find((r) => abnormalFlcRatio(r.value));
  if (reported) return reported.value > 1 ? 'kappa' : 'lambda';
  const first = pairs[0];
  return first ? (first.k >= first.l ? 'kappa' : 'lambda') : null;
}

function dflcSeries(records: ClinicalRecords, chain: 'kappa' | 'lambda'): Point[] {
  const kappa = new Map(series(records.labs, 'freeKappa').map((p) => [p.date, p]));
  const out: Point[] = [];
  for (const l of series(records.labs, 'freeLambda')) {
    const k = kappa.get(l.date);
    if (!k) continue;
    const [inv, uninv] = chain === 'kappa' ? [k, l] : [l, k];
    out.push({ date: l.date, value: inv.value - uninv.value, eventId: inv.eventId });
  }
  return out;
}

/** Whether the FLC was ever measurable: involved FLC ≥10 mg/dL with an abnormal κ/λ ratio on the same day. */
function flcEverMeasurable(records: ClinicalRecords, chain: 'kappa' | 'lambda' | null, asOf = '9999-12-31'): boolean {
  const lambda = new Map(series(records.labs, 'freeLambda').map((p) => [p.date, p.value]));
  for (const k of series(records.labs, 'freeKappa')) {
    if (k.date > asOf) break;
    const l = lambda.get(k.date);
    if (l === undefined || l <= 0) continue;
    const ratio = withoutFloatNoise(k.value / l);
    const involved = (chain ?? (ratio > 1 ? 'kappa' : 'lambda')) === 'kappa' ? k.value : l;
    if (measurableFlc(involved, ratio)) return true;
  }
  return false;
}

const max = (a: string, b: string): string => (a > b ? a : b);
const min = (a: string, b: string): string => (a < b ? a : b);

/**
 * The current run of MRD negativity in one kind of assessment: from the first counted negative after the
 * last positive to the latest counted negative; none when the latest assessment is positive. Negatives
 * that do not count (too coarse a sensitivity, an unnamed method) neither extend nor end a run.
 */
/**
 * Up to `asOf`: a marrow with clonal plasma cells (reported clonal, or ≥10% plasma cells), and never an M-protein, a
 * positive immunofixation or a diagnosis naming a heavy chain (IgG, IgA, IgD, IgE, IgM: a secretory myeloma).
 */
function nonSecretoryHistory(records: ClinicalRecords, chain: 'kappa' | 'lambda' | null, asOf: string): boolean {
  if (records.diagnosis.heavyChain !== null && /^Ig[GADEM]$/i.test(records.diagnosis.heavyChain)) return false;
  // Light-chain myeloma (no heavy chain, a light chain named), or a measurable involved FLC ever: light-chain disease
  // (§5: some "non-secretory" cases are light-chain disease), not non-secretory (meas31 B22/B23).
  if (records.diagnosis.heavyChain !== null && /^none$/i.test(records.diagnosis.heavyChain) && records.diagnosis.lightChain !== null) return false;
  if (flcEverMeasurable(records, chain, asOf)) return false;
  let clonal = false;
  for (const l of records.labs) {
    if (l.date > asOf) break;
    if ((l.name === 'serumMProtein' || l.name === 'urineMProtein' || l.name === 'serumImmunofixation' || l.name === 'urineImmunofixation') && l.value > 0) return false;
    if ((l.name === 'marrowClonalPlasmaCells' && l.value === 1) || (l.name === 'marrowPlasmaCells' && l.value >= 10)) clonal = true;
  }
  return clonal;
}

/**
 * What IMWG 2016 counts as relapse from MRD negativity, oldest first: progression, and the relapse-from-CR
 * events: the M-protein back (a positive serum or urine immunofixation, serum or urine M-protein above 0),
 * ≥5% plasma cells in the marrow, a positive PET-CT (imaging MRD).
 */
/**
 * IMWG 2016 relapse from CR after `crDate` (the latest assessment of CR or better): the M-protein back by
 * immunofixation or electrophoresis, ≥5% marrow plasma cells, or another sign of progression (a progression; the
 * clinical relapse signs, `others`: a new lesion, hypercalcaemia): the first such day and what it was. MRD and PET-CT
 * positivity are relapse from MRD negativity only.
 */
export function relapseFromCr(records: ClinicalRecords, progressions: readonly ProgressionEvent[], crDate: string, others: ReadonlyArray<{ date: string; basis: string; provenance: string[] }>): { date: string; basis: string; provenance: string[] } | null {
  return [...relapseSigns(records, progressions, false), ...others].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).find((r) => r.date > crDate) ?? null;
}

function relapseSigns(records: ClinicalRecords, progressions: readonly ProgressionEvent[], withMrdImaging = true): Array<{ date: string; basis: string; provenance: string[] }> {
  const signs = progressions.map((p) => ({ date: p.date, basis: `progression (${p.detail})`, provenance: p.provenance }));
  // One assessment per day and lab, the day's latest time (untimed before timed), as the response reads it (relapse37 X01).
  const latestAt = new Map<string, number>();
  for (const l of records.labs) latestAt.set(`${l.name}|${l.date}`, Math.max(latestAt.get(`${l.name}|${l.date}`) ?? -Infinity, l.at ?? -Infinity));
  for (const l of records.labs) {
    if ((l.at ?? -Infinity) !== latestAt.get(`${l.name}|${l.date}`)) continue;
    if ((l.name === 'serumImmunofixation' || l.name === 'urineImmunofixation') && l.value === 1) signs.push({ date: l.date, basis: `${l.name} positive`, provenance: [l.eventId] });
    else if ((l.name === 'serumMProtein' || l.name === 'urineMProtein') && l.value > 0) signs.push({ date: l.date, basis: `${l.name} ${l.value} ${l.unit}`, provenance: [l.eventId] });
    else if (l.name === 'marrowPlasmaCells' && l.value >= 5) signs.push({ date: l.date, basis: `marrow plasma cells ${l.value}%`, provenance: [l.eventId] });
  }
  if (withMrdImaging) for (const i of records.imaging) if (i.mrd === 'positive') signs.push({ date: i.date, basis: `${i.modality} positive`, provenance: [i.eventId] });
  return signs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function negativeRun(assessments: ReadonlyArray<{ date: string; eventId: string; positive: boolean; counts: boolean }>): { from: string; to: string; provenance: string[] } | null {
  let run: { from: string; to: string; provenance: string[] } | null = null;
  for (const a of assessments) {
    if (a.positive) run = null;
    else if (a.counts) run = run ? { from: run.from, to: a.date, provenance: [run.provenance[0]!, a.eventId] } : { from: a.date, to: a.date, provenance: [a.eventId] };
  }
  return run;
}

/** The series progression is measured on, read once per history (`progressionEvents` may run several times over them). */
export interface ProgressionSeries {
  records: ClinicalRecords;
  serum: Point[];
  urine: Point[];
  dflc: Point[] | null;
  marrow: Point[] | null;
  /** Absolute circulating plasma cells (×10^9/L), when serum, urine and FLC are unmeasurable like the marrow. */
  circulating: Point[] | null;
  /** Soft-tissue plasmacytoma sizes: the SPD per measuring scan, and each lesion's longest diameter. */
  plasmacytomas: { spd: SizePoint[]; lesions: Array<{ name: string; points: SizePoint[] }>; appeared: Array<{ date: string; name: string; eventId: string }> };
  /** The first day serum or urine M-protein was measurable (dFLC and marrow count only before it). */
  firstMeasurable: string | undefined;
}

/**
 * One value per day, the day's last (records are in time order within a day, untimed first): the values of one day
 * are one assessment, and the assessment reads its latest value, as the response and the labs do (clinical-core.md,
 * Labs). Progression, nadirs and confirmations are judged on these, so a day's earlier value can neither confirm nor
 * start a rise that its later value contradicts.
 */
export function lastOfDay<P extends { date: string }>(ps: P[]): P[] {
  return ps.every((p, i) => ps[i + 1]?.date !== p.date) ? ps : ps.filter((p, i) => ps[i + 1]?.date !== p.date);
}

export function progressionSeries(records: ClinicalRecords): ProgressionSeries {
  const serum = lastOfDay(withNegativeImmunofixation(records.labs, series(records.labs, 'serumMProtein'), 'serumImmunofixation'));
  const urine = lastOfDay(withNegativeImmunofixation(records.labs, series(records.labs, 'urineMProtein'), 'urineImmunofixation'));
  const chain = involvedChain(records);
  const dflc = chain ? lastOfDay(dflcSeries(records, chain)) : null;
  // Unmeasurable, not merely unrecorded: an M-protein result and an FLC pair must be on record for the marrow to count.
  const documented = (serum.length > 0 || urine.length > 0) && (dflc ?? dflcSeries(records, 'kappa')).length > 0;
  const onlyOther = documented && !flcEverMeasurable(records, chain);
  return {
    records,
    serum,
    urine,
    dflc,
    marrow: onlyOther ? lastOfDay(series(records.labs, 'marrowPlasmaCells')) : null,
    circulating: onlyOther ? lastOfDay(series(records.labs, 'circulatingPlasmaCellsAbsolute')) : null,
    plasmacytomas: plasmacytomaSizes(records.imaging),
    firstMeasurable: [serum.find((p) => p.value >= MEASURABLE.serumGdL)?.date, urine.find((p) => p.value >= MEASURABLE.urineMg24h)?.date].filter((d): d is string => d !== undefined).sort()[0],
  };
}

/**
 * Soft-tissue plasmacytoma sizes from the scans that measured them, per day in date order (the scans of one day
 * are one assessment: their lesions together): the SPD (sum of the products of each lesion's perpendicular
 * diameters, mm²) per day; per lesion (by its name) its longest diameter on every day from the first that named
 * it (0 on a later day that does not list it: disappeared), with its short axis (the perpendicular diameter when
 * no short axis is given); and the lesions first named on a day after an earlier measuring day (new lesions).
 */
export function plasmacytomaSizes(imaging: readonly ImagingRecord[]): ProgressionSeries['plasmacytomas'] {
  // Read by progression, response (per line) and the relapse signs of one history: worked out once per records.
  const cached = SIZES.get(imaging);
  if (cached) return cached;
  const days = new Map<string, { eventIds: string[]; measures: Map<string, PlasmacytomaMeasure & { eventId: string }> }>();
  for (const scan of imaging) {
    if (scan.plasmacytomas === null) continue;
    const day = days.get(scan.date) ?? { eventIds: [] as string[], measures: new Map<string, PlasmacytomaMeasure & { eventId: string }>() };
    days.set(scan.date, day);
    day.eventIds.push(scan.eventId);
    // A lesion measured on two scans of the day: the larger reading.
    for (const m of scan.plasmacytomas) {
      const held = day.measures.get(m.lesion);
      if (!held || m.longestMm > held.longestMm) day.measures.set(m.lesion, { ...m, eventId: scan.eventId });
    }
  }
  const spd: SizePoint[] = [];
  const lesions = new Map<string, SizePoint[]>();
  const appeared: ProgressionSeries['plasmacytomas']['appeared'] = [];
  for (const [date, day] of [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const present = [...day.measures.values()].filter((m) => m.longestMm > 0 && m.perpendicularMm > 0);
    const total = present.reduce((sum, m) => sum + m.longestMm * m.perpendicularMm, 0);
    spd.push({ date, value: total, eventId: day.eventIds.at(-1)!, lesions: present.length, shortAxisMm: null, areaMm2: total });
    for (const m of present) if (spd.length > 1 && !lesions.has(m.lesion)) appeared.push({ date, name: m.lesion, eventId: m.eventId });
    for (const name of day.measures.keys()) if (!lesions.has(name)) lesions.set(name, []);
    for (const [name, points] of lesions) {
      const m = day.measures.get(name);
      points.push({ date, value: m?.longestMm ?? 0, eventId: m?.eventId ?? day.eventIds.at(-1)!, lesions: m && m.longestMm > 0 ? 1 : 0, shortAxisMm: m ? (m.shortAxisMm ?? m.perpendicularMm) : null, areaMm2: m ? m.longestMm * m.perpendicularMm : 0 });
    }
  }
  const sizes = { spd, lesions: [...lesions].map(([name, points]) => ({ name, points })), appeared };
  SIZES.set(imaging, sizes);
  return sizes;
}
const SIZES = new WeakMap<readonly ImagingRecord[], ProgressionSeries['plasmacytomas']>();

/** IMWG 2016 progression by plasmacytoma size and by a plasmacytoma not seen before (imaging: no confirmation), nadirs within each line. */
function plasmacytomaProgressions(sizes: ProgressionSeries['plasmacytomas'], lineStarts: readonly string[]): ProgressionEvent[] {
  return [
    ...progressions(sizes.spd, 'imaging', spdRises, 'mm² (plasmacytoma SPD)', false, 'lowest', lineStarts),
    ...sizes.lesions.flatMap((l) => progressions(l.points, 'imaging', diameterRises, `mm (longest diameter of plasmacytoma ${l.name})`, false, 'lowest', lineStarts)),
    ...sizes.appeared.map((a) => ({ date: a.date, source: 'imaging' as const, detail: `new plasmacytoma ${a.name} (not on the earlier measuring scans)`, provenance: [a.eventId] })),
  ];
}

/** Imaging progressions of one day as one event (a scan's new lesions and its sizes, or two scans of the day). */
function oneImagingEventPerDay(found: readonly ProgressionEvent[]): ProgressionEvent[] {
  const byDate = new Map<string, ProgressionEvent>();
  const rest: ProgressionEvent[] = [];
  for (const e of found) {
    if (e.source !== 'imaging') {
      rest.push(e);
      continue;
    }
    const held = byDate.get(e.date);
    byDate.set(e.date, held ? { ...held, detail: `${held.detail}; ${e.detail}`, provenance: [...new Set([...held.provenance, ...e.provenance])] } : e);
  }
  return [...rest, ...byDate.values()];
}

/**
 * Progression events, in date order: reported, imaging, and biochemical per parameter, each measured from
 * the nadir within the line of therapy in effect (`lineStarts`: the lines' start dates, when known). dFLC
 * is the measure only while serum and urine M-protein are not measurable: in a line, when neither was at its
 * baseline (the last value on or before its start, as the response reads it) and until either first is in
 * it; before the first line (or without lines), until either first is (a later measurable value does not undo
 * a dFLC progression already found); marrow plasma cells (no confirmation) and the absolute circulating
 * plasma-cell count only when the FLC is not measurable either; soft-tissue plasmacytoma size on imaging (no
 * confirmation).
 */
export function progressionEvents(x: ProgressionSeries, s: ProfileSettings, lineStarts: readonly string[] = []): ProgressionEvent[] {
  const { records } = x;
  const measurable = (p: Point, min: number): boolean => p.value >= min;
  const firstMeasurableAfter = (start: string): string | undefined =>
    [x.serum.find((p) => p.date > start && measurable(p, MEASURABLE.serumGdL))?.date, x.urine.find((p) => p.date > start && measurable(p, MEASURABLE.urineMg24h))?.date].filter((d): d is string => d !== undefined).sort()[0];
  const baselineMeasurable = (start: string): boolean => {
    const sBase = x.serum.filter((p) => p.date <= start).at(-1);
    const uBase = x.urine.filter((p) => p.date <= start).at(-1);
    return (sBase !== undefined && measurable(sBase, MEASURABLE.serumGdL)) || (uBase !== undefined && measurable(uBase, MEASURABLE.urineMg24h));
  };
  const beforeMeasurable = (e: ProgressionEvent): boolean => {
    // The line the event falls in: the last started before its day (a value on a line's first day is its baseline).
    const start = lineStarts.filter((d) => d < e.date).at(-1);
    if (start === undefined) return x.firstMeasurable === undefined || e.date < x.firstMeasurable;
    if (baselineMeasurable(start)) return false;
    const first = firstMeasurableAfter(start);
    return first === undefined || e.date < first;
  };
  const found: ProgressionEvent[] = oneImagingEventPerDay([
    ...records.responses.filter((r) => r.category === 'PD').map((r) => ({ date: r.date, source: 'reported' as const, detail: 'reported progressive disease', provenance: [r.eventId] })),
    // IMWG 2016: new bone or soft-tissue lesions are progression (imaging needs no confirmation).
    ...records.imaging.filter((i) => i.newLesions === true).map((i) => ({ date: i.date, source: 'imaging' as const, detail: `new lesion(s) on ${i.modality}`, provenance: [i.eventId] })),
    ...progressions(x.serum, 'serum-m-protein', serumRises, 'g/dL', s.progressionNeedsConfirmation, s.progressionNadir, lineStarts),
    ...progressions(x.urine, 'urine-m-protein', urineRises, 'mg/24h', s.progressionNeedsConfirmation, s.progressionNadir, lineStarts),
    ...(x.dflc ? progressions(x.dflc, 'dflc', dflcRises, 'mg/L', s.progressionNeedsConfirmation, s.progressionNadir, lineStarts).filter(beforeMeasurable) : []),
    ...(x.marrow ? progressions(x.marrow, 'marrow-plasma-cells', marrowRises, '%', false, 'lowest', lineStarts).filter(beforeMeasurable) : []),
    ...(x.circulating ? progressions(x.circulating, 'circulating-plasma-cells', circulatingRises, '×10^9/L', s.progressionNeedsConfirmation, s.progressionNadir, lineStarts).filter(beforeMeasurable) : []),
    ...plasmacytomaProgressions(x.plasmacytomas, lineStarts),
  ]);
  found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return found;
}

/** Whether the latest serum or urine immunofixation (within the window) shows an M-protein. */
/** Serum and urine immunofixation both negative now (the latest of each within `maxAge`). */
function immunofixationNegative(records: ClinicalRecords, asOf: string, maxAge: number): boolean {
  return (['serumImmunofixation', 'urineImmunofixation'] as const).every((n) => latest(series(records.labs, n), asOf, maxAge)?.value === 0);
}

/** Disease status from the records: progression events (`progressionEvents`, given or computed without line starts), current measurable disease, the reported response and MRD. */
export function diseaseStatus(
  records: ClinicalRecords,
  asOf: string,
  s: ProfileSettings,
  found: ProgressionEvent[] = progressionEvents(progressionSeries(records), s),
  /** The clinical relapse signs after a day (a new lesion, hypercalcaemia, …: the relapse-from-CR events that are no lab of the disease itself). */
  clinicalSigns: (from: string) => Array<{ date: string; basis: string; provenance: string[] }> = () => [],
): DiseaseStatus {
  const serum = withNegativeImmunofixation(records.labs, series(records.labs, 'serumMProtein'), 'serumImmunofixation');
  const urine = withNegativeImmunofixation(records.labs, series(records.labs, 'urineMProtein'), 'urineImmunofixation');
  const chain = involvedChain(records);

  const lastResponse = records.responses.at(-1);

  const maxAge = s.currentLabMaxAgeDays;
  // With no electrophoresis value in the window, a negative immunofixation (the more sensitive test) says the
  // M-protein is not there: 0, not measurable in that specimen (rather than unknown).
  const negativeIfe = (name: 'serumImmunofixation' | 'urineImmunofixation'): Point | null => {
    const f = latest(series(records.labs, name), asOf, maxAge);
    return f && f.value === 0 ? { date: f.date, value: 0, eventId: f.eventId } : null;
  };
  const sp = latest(serum, asOf, maxAge) ?? negativeIfe('serumImmunofixation');
  const up = latest(urine, asOf, maxAge) ?? negativeIfe('urineImmunofixation');
  const kp = latest(series(records.labs, 'freeKappa'), asOf, maxAge);
  const lp = latest(series(records.labs, 'freeLambda'), asOf, maxAge);
  const rp = latest(series(records.labs, 'flcRatio'), asOf, maxAge);
  // The ratio of the latest day both chains were measured (a later single chain does not take a pair's ratio away, as it
  // does not a reported one's; meas37 G05).
  const kappaDays = new Map(series(records.labs, 'freeKappa').filter((x) => x.date <= asOf).map((x) => [x.date, x]));
  const pairDay = series(records.labs, 'freeLambda').filter((x) => x.date <= asOf && kappaDays.has(x.date)).at(-1);
  const pairLambda = pairDay && latest(series(records.labs, 'freeLambda').filter((x) => x.date === pairDay.date), asOf, maxAge);
  const ratioPoint = flcRatioOf(rp, pairLambda ? kappaDays.get(pairLambda.date) : kp, pairLambda ?? lp);
  const ratio = ratioPoint?.value ?? null;
  const involved = chain === 'kappa' ? kp : chain === 'lambda' ? lp : null;
  const serumMeasurable = sp !== null && sp.value >= MEASURABLE.serumGdL;
  const urineMeasurable = up !== null && up.value >= MEASURABLE.urineMg24h;
  const abnormalRatio = abnormalFlcRatio(ratio);
  const flcOnly = !serumMeasurable && !urineMeasurable && involved !== null && measurableFlc(involved.value, ratio);

  const latestMrd = records.mrd.at(-1) ?? null;
  // A relapse (IMWG 2016 relapse from MRD negativity: any of the relapse-from-CR events, the clinical signs among them;
  // mrd34 R08) ends a run of negatives like a positive does.
  const byDate = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const signsAfter = (from: string | undefined): Array<{ date: string; basis: string; provenance: string[] }> => (from === undefined ? [] : clinicalSigns(from).filter((c) => c.date > from));
  // (Each run is ended by the other relapse signs and, for the imaging run, by a marrow positive too: mrd37 H20/H23. A
  // PET-CT positive ends the marrow run when after its start: one of the run's first day is that day's imaging, before
  // the marrow went negative, not a loss of it: mrd37 H21, mrd34 Z06.)
  const relapses = [...relapseSigns(records, found, false), ...signsAfter(records.mrd.find((m) => m.result === 'negative')?.date)].sort(byDate);
  const ends = relapses.map((r) => ({ date: r.date, eventId: r.provenance[0] ?? '', positive: true, counts: true }));
  const sameDayNegativesFirst = (a: { date: string; positive: boolean }, b: { date: string; positive: boolean }): number =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.positive === b.positive ? 0 : a.positive ? 1 : -1;
  const marrowResults = records.mrd.map((m) => ({ date: m.date, eventId: m.eventId, positive: m.result === 'positive', counts: m.method !== 'other' && m.sensitivity !== null && m.sensitivity <= s.mrdMinSensitivity * (1 + TOLERANCE) }));
  const petPositives = records.imaging.filter((i) => i.mrd === 'positive').map((i) => ({ date: i.date, eventId: i.eventId, positive: true, counts: true }));
  const marrow = negativeRun([...petPositives, ...[...marrowResults, ...ends].sort(sameDayNegativesFirst)].sort(byDate));
  const pet = records.imaging.filter((i) => i.mrd !== null);
  const imaging = negativeRun(
    [...pet.map((i) => ({ date: i.date, eventId: i.eventId, positive: i.mrd === 'positive', counts: true })), ...ends, ...marrowResults.filter((m) => m.positive)].sort(sameDayNegativesFirst),
  );
  const span = marrow && (s.sustainedMrdNeedsImaging ? imaging && { from: max(marrow.from, imaging.from), to: min(marrow.to, imaging.to) } : marrow);
  // From the latest negative that counts (NGF/NGS at mrdMinSensitivity or finer; none: the latest negative): a coarser
  // negative after a relapse does not undo it (mrd28 Y20).
  const negatives = records.mrd.filter((m) => m.result === 'negative');
  const lastNegative = negatives.filter((m) => m.method !== 'other' && m.sensitivity !== null && m.sensitivity <= s.mrdMinSensitivity * (1 + TOLERANCE)).at(-1) ?? negatives.at(-1);
  const lost = lastNegative ? ([...relapseSigns(records, found), ...signsAfter(lastNegative.date)].sort(byDate).find((r) => r.date > lastNegative.date) ?? null) : null;
  const sustained = !!span && span.to >= span.from && span.to >= yearAfter(span.from) && lost === null;
  const latestPet = pet.at(-1);

  return {
    progressions: found,
    lastProgressionDate: found.at(-1)?.date ?? null,
    reportedResponse: lastResponse ? { category: lastResponse.category, date: lastResponse.date, source: 'reported', provenance: [lastResponse.eventId], ...sameTimeCategories(records.responses, lastResponse) } : null,
    measurable: {
      serum: serumMeasurable,
      urine: urineMeasurable,
      flcOnly,
      any: serumMeasurable || urineMeasurable || flcOnly,
      // Non-secretory (§5): clonal marrow plasma cells (a marrow reported clonal, or ≥10% plasma cells) with negative serum and urine
      // electrophoresis and immunofixation, never anything else on record, and a normal FLC ratio now (a patient in CR after a
      // secretory myeloma has the blood and urine, not the history).
      nonSecretoryPattern: sp !== null && sp.value === 0 && up !== null && up.value === 0 && ratio !== null && !abnormalRatio && immunofixationNegative(records, asOf, maxAge) && nonSecretoryHistory(records, chain, asOf),
      heavyChain: records.diagnosis.heavyChain,
      lightChain: chain,
      values: {
        serumMProtein: sp ? { value: sp.value, date: sp.date, ...tiedValues(records.labs, sp) } : null,
        urineMProtein: up ? { value: up.value, date: up.date, ...tiedValues(records.labs, up) } : null,
        involvedFlc: involved && chain ? { value: involved.value, date: involved.date, chain } : null,
        // Unrounded: the engine compares it with the normal range (1.65004 is abnormal).
        flcRatio: ratioPoint !== null ? { value: ratioPoint.value, date: ratioPoint.date } : null,
      },
      provenance: [sp, up, kp, lp, rp].filter((p): p is Point => p !== null).map((p) => p.eventId),
    },
    mrd: {
      latest: latestMrd,
      assessments: [...records.mrd],
      latestImaging: latestPet ? { date: latestPet.date, result: latestPet.mrd! } : null,
      sustainedNegative: sustained,
      sustainedMarrowNegative: !!marrow && marrow.to >= marrow.from && marrow.to >= yearAfter(marrow.from) && lost === null,
      negativityLost: lost,
      provenance: latestMrd ? [latestMrd.eventId] : [],
      sustainedProvenance: sustained ? [...marrow.provenance, ...(s.sustainedMrdNeedsImaging ? imaging!.provenance : [])] : [],
    },
  };
}

/** The categories reported at the same time as `last` (same day, same instant) that differ from it, when there are any. */
function sameTimeCategories(responses: readonly ResponseRecord[], last: ResponseRecord): { sameTime?: ResponseCategory[] } {
  const tied = [...new Set(responses.filter((r) => r !== last && r.date === last.date && r.at === last.at && r.category !== last.category).map((r) => r.category))];
  return tied.length > 0 ? { sameTime: tied } : {};
}

/** The same day a calendar year later ("confirmed ≥1 year apart", as ages count years); 29 February: 1 March. */
function yearAfter(day: string): string {
  const year = Number(day.slice(0, 4)) + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day.slice(5, 10) === '02-29' && !leap ? `${year}-03-01` : `${year}${day.slice(4, 10)}`;
}

/** The other values recorded at the same time as a point's record (same lab, day and instant) that differ from it. */
function tiedValues(labs: readonly LabRecord[], p: Point): { sameTime?: number[] } {
  // (A point that stands for a negative immunofixation is no electrophoresis value: none.)
  const own = labs.find((l) => l.eventId === p.eventId && (l.name === 'serumMProtein' || l.name === 'urineMProtein'));
  const tied = own ? sameTimeValues(labs, own) : [];
  return tied.length > 0 ? { sameTime: tied } : {};
}
