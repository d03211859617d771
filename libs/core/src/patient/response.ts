import { RESPONSE_RANK as RANK, type ClinicalRecords, type LabRecord, type ResponseCategory } from './clinical-events';
import { inEffectOn, type LineOfTherapy } from './lines-of-therapy';
import { addDays, daysBetween, type ProfileSettings } from './settings';
import { flcRatioOf, involvedChain, lastOfDay, MEASURABLE, measurableFlc, plasmacytomaSizes, withNegativeImmunofixation, type ProgressionEvent } from './disease-status';

/** One response assessment: reported by a clinician, or computed from the series on one date. */
export interface Assessment {
  date: string;
  category: ResponseCategory;
  source: 'reported' | 'computed';
  line: number | null;
  basis: string;
  provenance: string[];
  /** A marrow-based assessment: IMWG 2016 asks no second one to confirm it. */
  selfConfirming?: boolean;
  /**
   * What imaging of soft-tissue plasmacytomas up to this assessment allows (imaging needs no confirmation, so
   * it applies to the category this assessment confirms, with the one before it): see `imagingLimit`.
   */
  limit?: Limit[];
  /** Its category awaits imaging (plasmacytomas at baseline not measured since): neither a response nor a nonresponse yet. */
  pending?: boolean;
  /** A higher category only tests not on record stand between (nothing on record rules it out): it, and those tests. */
  couldBe?: CouldBe;
  /**
   * CR by immunofixation (and the FLC ratio), short of it only by a marrow of 5% or more that it read: the marrow needs no
   * confirmation, so a CR after it that reads a later marrow under 5% is confirmed by this one (mrd34 X01).
   */
  crIfMarrow?: true;
}

/** CR or sCR that only missing tests keep from an assessment (immunofixation, the marrow, its clonality, the FLC ratio). */
export type CouldBe = { category: 'CR' | 'sCR'; missing: string[] };

/** The highest category a finding allows, with why; `pending`: only until the finding is made (a scan not yet taken). */
/** `untested`: a cap that a test not on record might lift (a scan since the line began): the response `couldBe` above it. */
export type Limit = { category: ResponseCategory; basis: string; provenance: string[]; pending?: boolean; untested?: string };

export interface ComputedResponse {
  category: ResponseCategory;
  date: string;
  /** The two latest assessments both support the category (IMWG 2016 needs two for biochemical categories). */
  confirmed: boolean;
  /** The latest assessment's own category (a response it shows may not be confirmed yet). */
  latestCategory?: ResponseCategory;
  /** A higher category the two assessments might both show, were the tests named done (see `Assessment.couldBe`). */
  couldBe?: CouldBe;
  line: number;
  basis: string;
  provenance: string[];
}

type Point = { date: string; value: number; eventId: string };
/** IMWG 2016 PR by marrow plasma cells needs a baseline of at least 30%. */
const MARROW_BASELINE_MIN_PERCENT = 30;
export const lowerCategory = (a: ResponseCategory, b: ResponseCategory): ResponseCategory => (RANK[a] <= RANK[b] ? a : b);
export const higherCategory = (a: ResponseCategory, b: ResponseCategory): ResponseCategory => (RANK[a] >= RANK[b] ? a : b);

const pointsOf = (labs: readonly LabRecord[], name: LabRecord['name']): Point[] => labs.filter((l) => l.name === name).map((l) => ({ date: l.date, value: l.value, eventId: l.eventId }));
const lastOnOrBefore = <T extends Point>(ps: T[], date: string, after?: string): T | undefined => ps.filter((p) => p.date <= date && (after === undefined || p.date > after)).at(-1);
/** The fraction by which a value fell from its baseline, rounded to 1e-9 so that exact thresholds hold in floating point (1.3 → 0.13 is 90%, not 89.99…%). */
const reduction = (base: number, value: number): number => Math.round(((base - value) / base) * 1e9) / 1e9;

/** The last day of each assessment's visit: `visitDays` after it, up to the day before the next one and `until`. */
function visitEnds(dates: readonly string[], visitDays: number, until: string): (i: number) => string {
  return (i) => {
    const next = dates[i + 1];
    const end = [addDays(dates[i]!, visitDays), ...(next ? [addDays(next, -1)] : []), until].sort()[0]!;
    return end < dates[i]! ? dates[i]! : end;
  };
}

/**
 * Response assessments computed for one line from its series, per IMWG 2016 (Kumar, Lancet Oncol 2016).
 * Baseline = last value on or before the line started. By M-protein: VGPR ≥90% serum reduction with urine
 * <100 mg/24 h (serum detectable only by immunofixation counts as a 100% reduction); PR ≥50% serum with urine
 * −90% or <200 mg/24 h; MR 25–49% serum with urine −50–89%; else SD. When serum and urine were both
 * unmeasurable at baseline, PR is a ≥50% decrease of dFLC and VGPR a >90% one (IMWG 2011), when the FLC was
 * measurable (involved FLC ≥10 mg/dL, abnormal ratio). CR: negative serum and urine immunofixation and <5% marrow plasma cells (and a normal FLC ratio when the
 * disease was FLC-only); sCR adds a normal FLC ratio and no clonal marrow plasma cells. When the FLC was not
 * measurable either, PR is a ≥50% decrease of marrow plasma cells from a baseline ≥30% (needing no
 * confirmation). Soft-tissue plasmacytomas limit each assessment (`imagingLimit`, applied to the category it
 * confirms). The category is the lowest supported across the measured parameters.
 * Progression is not assessed here (see disease-status).
 */
export function assessLine(records: ClinicalRecords, line: LineOfTherapy, until: string, visitDays = 0): Assessment[] {
  const serumPoints = pointsOf(records.labs, 'serumMProtein');
  const urinePoints = pointsOf(records.labs, 'urineMProtein');
  const sBase = lastOnOrBefore(serumPoints, line.start);
  const uBase = lastOnOrBefore(urinePoints, line.start);
  const serumMeasurable = sBase !== undefined && sBase.value >= MEASURABLE.serumGdL;
  const urineMeasurable = uBase !== undefined && uBase.value >= MEASURABLE.urineMg24h;
  const inLine = (p: Point): boolean => p.date > line.start && p.date <= until;
  const out: Assessment[] = [];
  const imaging = imagingLimit(records, line.start);
  // Imaging needs no confirmation: as for the marrow, the latest scan on or before the assessment, else the first after it before the next one.
  const limitAt = (dates: readonly string[], i: number): Limit[] => imaging(dates[i]!, dates[i + 1] ?? null, until);

  const kappa = pointsOf(records.labs, 'freeKappa');
  const lambda = pointsOf(records.labs, 'freeLambda');
  const ratioAt = (date: string): number | null =>
    flcRatioOf(lastOnOrBefore(pointsOf(records.labs, 'flcRatio'), date, line.start), lastOnOrBefore(kappa, date, line.start), lastOnOrBefore(lambda, date, line.start))?.value ?? null;
  const normalRatio = (date: string): boolean => {
    const r = ratioAt(date);
    return r !== null && r >= MEASURABLE.ratioLow && r <= MEASURABLE.ratioHigh;
  };
  const ratioMissing = (date: string): boolean => ratioAt(date) === null;
  /**
   * The marrow for an assessment (needing no confirmation): the latest on or before it, else the first after it in the
   * line; for the line's latest assessment, a later marrow in the line that shows CR's marrow (under 5% plasma cells, no
   * clonal ones), the latest, completes it (taken after the immunofixation pair; resp37 K29). A later one of 5% or more
   * does not take back a CR the assessment showed: that is a relapse from it (resp37 K15b).
   */
  const marrowFor = (name: LabRecord['name'], date: string, latest = false): Point | undefined => {
    const ps = pointsOf(records.labs, name);
    const after = ps.filter((p) => p.date > date && p.date <= until);
    const later = latest ? after.at(-1) : undefined;
    const clears = later !== undefined && (name === 'marrowPlasmaCells' ? later.value < 5 : later.value === 0);
    return (clears ? later : undefined) ?? lastOnOrBefore(ps, date, line.start) ?? after[0];
  };
  // CR: immunofixation (biochemical, so confirmed like the rest) negative at this assessment, taken since the previous one.
  // Otherwise, when nothing on record rules CR out (a positive immunofixation, 5% or more marrow plasma cells, an abnormal
  // ratio in FLC-only disease), `couldBe` names the tests missing for it; a CR short of sCR only by tests not done likewise.
  const completeResponse = (date: string, flcOnly: boolean, since: string = line.start, latest = false): { category: 'CR' | 'sCR'; basis: string; provenance: string[]; couldBe?: CouldBe } | { couldBe: CouldBe } | null => {
    const sIfe = lastOnOrBefore(pointsOf(records.labs, 'serumImmunofixation'), date, since);
    const uIfe = lastOnOrBefore(pointsOf(records.labs, 'urineImmunofixation'), date, since);
    const marrow = marrowFor('marrowPlasmaCells', date, latest);
    if ((sIfe && sIfe.value !== 0) || (uIfe && uIfe.value !== 0) || (marrow && marrow.value >= 5) || (flcOnly && !normalRatio(date) && !ratioMissing(date))) return null;
    const missing = [...(sIfe ? [] : ['serum immunofixation']), ...(uIfe ? [] : ['urine immunofixation']), ...(marrow ? [] : ['marrow plasma cells']), ...(flcOnly && ratioMissing(date) ? ['FLC ratio'] : [])];
    if (!sIfe || !uIfe || !marrow || missing.length > 0) return { couldBe: { category: 'CR', missing } };
    const provenance = [sIfe.eventId, uIfe.eventId, marrow.eventId];
    const clonal = marrowFor('marrowClonalPlasmaCells', date, latest);
    if (clonal?.value === 0 && normalRatio(date)) return { category: 'sCR', basis: 'negative serum and urine immunofixation, marrow plasma cells <5%, normal FLC ratio, no clonal marrow plasma cells', provenance: [...provenance, clonal.eventId] };
    const sMissing = [...(clonal ? [] : ['marrow clonality']), ...(ratioMissing(date) ? ['FLC ratio'] : [])];
    const sPossible = (clonal === undefined || clonal.value === 0) && (normalRatio(date) || ratioMissing(date));
    return { category: 'CR', basis: `negative serum and urine immunofixation, marrow plasma cells ${marrow.value}%`, provenance, ...(sPossible && sMissing.length > 0 ? { couldBe: { category: 'sCR' as const, missing: sMissing } } : {}) };
  };
  /** Whether only the marrow an assessment reads (5% or more) keeps it from CR: immunofixation negative since `since`, and the FLC ratio normal in FLC-only disease. */
  const crButForMarrow = (date: string, flcOnly: boolean, since: string, latest = false): boolean => {
    const sIfe = lastOnOrBefore(pointsOf(records.labs, 'serumImmunofixation'), date, since);
    const uIfe = lastOnOrBefore(pointsOf(records.labs, 'urineImmunofixation'), date, since);
    const marrow = marrowFor('marrowPlasmaCells', date, latest);
    return sIfe?.value === 0 && uIfe?.value === 0 && marrow !== undefined && marrow.value >= 5 && (!flcOnly || normalRatio(date));
  };
  /** The assessment for a `completeResponse` outcome: CR or sCR itself, else the category found with what CR would need. */
  const withComplete = (a: Assessment, cr: ReturnType<typeof completeResponse>, lead: string[] = []): Assessment =>
    cr === null ? a : 'category' in cr ? { ...a, category: cr.category, basis: cr.basis, provenance: [...lead, ...cr.provenance], selfConfirming: undefined, ...(cr.couldBe ? { couldBe: cr.couldBe } : {}) } : { ...a, couldBe: cr.couldBe };

  if (serumMeasurable || urineMeasurable) {
    // A negative immunofixation on a day without an electrophoresis value is no M-protein that day.
    const serum = withNegativeImmunofixation(records.labs, serumPoints, 'serumImmunofixation');
    // (In serum-only disease, the urine an assessment needs may be shown by a negative immunofixation alone.)
    const urine = withNegativeImmunofixation(records.labs, urinePoints, 'urineImmunofixation', !urineMeasurable);
    // Assessed on each day of the electrophoresis that measures the response (or a negative immunofixation in its place),
    // each with its visit: an immunofixation alone within `visitDays` after an electrophoresis day belongs to it, and so
    // do the urine and the immunofixations up to then, before the next (resp35 C17/A06).
    // (One the day before an electrophoresis day is that day's, as a urine of the day before is; rev36b V01.)
    const electrophoresisDays = new Set((serumMeasurable ? serumPoints : urinePoints).map((p) => p.date));
    const candidates = [...new Set((serumMeasurable ? serum : urine).filter(inLine).map((p) => p.date))].sort();
    const dates: string[] = [];
    for (const [k, d] of candidates.entries()) {
      const previous = dates.at(-1);
      const next = candidates[k + 1];
      if (!electrophoresisDays.has(d) && previous !== undefined && electrophoresisDays.has(previous) && daysBetween(previous, d) <= visitDays) continue;
      if (visitDays > 0 && !electrophoresisDays.has(d) && next !== undefined && electrophoresisDays.has(next) && daysBetween(d, next) <= 1) continue;
      // In serum-only disease, a negative serum immunofixation alone with no urine since the previous assessment is no
      // assessment of its own: without the urine VGPR needs, it could only lower the response the assessments around it
      // show (resp37 K36/K39). It still reads as an M-protein of 0 for the nadir, and its immunofixation for CR.
      if (serumMeasurable && !urineMeasurable && !electrophoresisDays.has(d)) {
        const from = previous === undefined ? line.start : [addDays(previous, visitDays), addDays(d, -1)].sort()[0]!;
        const to = [addDays(d, visitDays), ...(next !== undefined ? [addDays(next, -1)] : [])].sort()[0]!;
        if (!urine.some((u) => u.date > from && u.date <= to)) continue;
      }
      dates.push(d);
    }
    const visitEnd = visitEnds(dates, visitDays, until);
    dates.forEach((date, i) => {
      const visit = visitEnd(i);
      let category: ResponseCategory = 'VGPR';
      const parts: string[] = [];
      const provenance: string[] = [];
      if (serumMeasurable) {
        const s = lastOnOrBefore(serum, date)!;
        const red = reduction(sBase.value, s.value);
        category = lowerCategory(category, red >= 0.9 ? 'VGPR' : red >= 0.5 ? 'PR' : red >= 0.25 ? 'MR' : 'SD');
        parts.push(`serum ${sBase.value}→${s.value} g/dL (−${Math.round(red * 100)}%)`);
        provenance.push(sBase.eventId, s.eventId);
      } else if (sBase !== undefined && sBase.value > 0) {
        // Urine-measurable disease with a serum M-protein too small to measure: VGPR needs it gone from electrophoresis
        // as well, or down 90% (IMWG 2016: "serum and urine M-protein detectable by immunofixation but not on
        // electrophoresis"); one still seen in the line keeps the response at PR (resp37 R23).
        const s = lastOnOrBefore(serum, visit, line.start);
        if (s && s.value > 0 && reduction(sBase.value, s.value) < 0.9) {
          category = lowerCategory(category, 'PR');
          parts.push(`serum ${sBase.value}→${s.value} g/dL still seen on electrophoresis: VGPR not shown`);
          provenance.push(s.eventId);
        }
      }
      const u = lastOnOrBefore(urine, visit, line.start);
      if (u) {
        parts.push(`urine ${uBase ? `${uBase.value}→` : ''}${u.value} mg/24h`);
        provenance.push(u.eventId);
      }
      if (urineMeasurable) {
        const red = u ? reduction(uBase.value, u.value) : 0;
        if (!u) parts.push('urine M-protein not re-assessed');
        category = lowerCategory(category, !u ? 'SD' : u.value < 100 ? 'VGPR' : red >= 0.9 || u.value < 200 ? 'PR' : red >= 0.5 ? 'MR' : 'SD');
        provenance.push(uBase.eventId);
      } else {
        // Serum-only disease: VGPR still needs urine <100 mg/24 h and PR urine <200 mg/24 h, each
        // assessment with its own urine (one taken since the previous assessment), so that a single urine
        // value never confirms VGPR, whichever of the two assessments it came with.
        const fresh = u && (i === 0 || u.date > visitEnd(i - 1)) ? u : undefined;
        if (!fresh && category === 'VGPR') parts.push(u ? 'urine M-protein not re-assessed since the previous assessment: VGPR not shown' : 'no urine M-protein to show VGPR');
        // Without a fresh urine: at most PR, and not PR when the latest urine known is 200 mg/24 h or more.
        category = lowerCategory(category, !fresh ? (u && u.value >= 200 ? 'SD' : 'PR') : fresh.value < 100 ? 'VGPR' : fresh.value < 200 ? 'PR' : 'SD');
      }
      const since = i === 0 ? line.start : visitEnd(i - 1);
      const latest = i === dates.length - 1;
      const cr = completeResponse(visit, false, since, latest);
      const found: Assessment = { date, category, source: 'computed', line: line.number, basis: parts.join('; '), provenance, limit: limitAt(dates, i), ...(category === 'VGPR' && cr === null && crButForMarrow(visit, false, since, latest) ? { crIfMarrow: true as const } : {}) };
      // CR within reach only when the M-protein is gone from electrophoresis (serum and urine at 0: one still seen there
      // is seen by immunofixation too), unless immunofixation shows CR outright.
      const goneFromElectrophoresis = category === 'VGPR' && (lastOnOrBefore(serum, date, line.start)?.value ?? 0) === 0 && (u?.value ?? 0) === 0;
      out.push(goneFromElectrophoresis || (cr !== null && 'category' in cr) ? withComplete(found, cr, provenance) : found);
    });
    return out;
  }

  // The involved chain as progression reads it (the diagnosis's, else the first abnormal ratio's): the same chain at
  // every assessment, even once the uninvolved one is the larger (a dFLC below 0 is a fall of more than 100 %).
  const chain = involvedChain(records);
  const kappaByDate = new Map(kappa.map((p) => [p.date, p]));
  // One value per day, the day's last (the values of one day are one assessment; rev34c B1).
  const dflc = lastOfDay(lambda)
    .filter((l) => kappaByDate.has(l.date))
    .map((l) => {
      const k = kappaByDate.get(l.date)!;
      const involvedKappa = chain ? chain === 'kappa' : k.value >= l.value;
      return { date: l.date, value: involvedKappa ? k.value - l.value : l.value - k.value, eventId: (involvedKappa ? k : l).eventId, involved: involvedKappa ? k.value : l.value, ratio: l.value > 0 ? k.value / l.value : Infinity };
    });
  const base = lastOnOrBefore(dflc, line.start);
  // dFLC response only for measurable FLC disease: involved FLC ≥10 mg/dL with an abnormal ratio at baseline.
  if (!base || base.value <= 0 || !measurableFlc(base.involved, base.ratio)) {
    // Serum, urine and FLC all unmeasurable (on record, not merely missing): PR is a ≥50% fall of marrow plasma cells from a baseline ≥30%.
    const marrow = pointsOf(records.labs, 'marrowPlasmaCells');
    const mBase = lastOnOrBefore(marrow, line.start);
    if ((serumPoints.length === 0 && urinePoints.length === 0) || dflc.length === 0 || !mBase || mBase.value < MARROW_BASELINE_MIN_PERCENT) return out;
    if (!marrow.some(inLine)) return out;
    // Assessed on each marrow's day and each immunofixation's: the marrow needs no confirmation (PR stands on one), but CR
    // rests on immunofixation too, which is biochemical: two consecutive immunofixations showing it confirm it, and until
    // then the marrow's PR stands with CR in reach (resp31 K17/K18).
    const ifeDates = new Set((['serumImmunofixation', 'urineImmunofixation'] as const).flatMap((n) => pointsOf(records.labs, n).filter(inLine).map((p) => p.date)));
    const dates = [...new Set([...marrow.filter(inLine).map((p) => p.date), ...ifeDates])].sort();
    let previousIfe: string = line.start;
    let previousCr: Assessment | null = null;
    let lastAtIfe: Assessment | null = null;
    for (const [i, date] of dates.entries()) {
      const p = marrowFor('marrowPlasmaCells', date)!;
      const red = reduction(mBase.value, p.value);
      const basis = `marrow plasma cells ${mBase.value}→${p.value}% (−${Math.round(red * 100)}%), serum, urine and FLC unmeasurable`;
      const found: Assessment = { date, category: red >= 0.5 ? 'PR' : 'SD', source: 'computed', line: line.number, basis, provenance: [mBase.eventId, p.eventId], selfConfirming: true, limit: limitAt(dates, i) };
      if (!ifeDates.has(date)) {
        // A marrow between immunofixations: the CR found at the last one stands while the marrow stays under 5% (rev32 B01).
        if (previousCr && lastAtIfe && p.value < 5) out.push({ ...lastAtIfe, date, limit: found.limit });
        else {
          if (p.value >= 5) previousCr = null;
          out.push(found);
        }
        continue;
      }
      const cr = completeResponse(date, false, previousIfe);
      // Serum and urine immunofixation on different days are one assessment: until both are on record since the last
      // one, the first waits for the other (rev32 B01).
      const awaitingPair = cr !== null && !('category' in cr) && cr.couldBe.missing.length === 1 && /^(serum|urine) immunofixation$/.test(cr.couldBe.missing[0]!);
      if (awaitingPair) {
        out.push(found.category === 'PR' ? withComplete(found, cr) : found);
        continue;
      }
      previousIfe = date;
      if (cr === null || !('category' in cr)) {
        previousCr = null;
        out.push(found.category === 'PR' ? withComplete(found, cr) : found);
        continue;
      }
      const complete = withComplete(found, cr, [mBase.eventId]);
      lastAtIfe = previousCr
        ? { ...complete, ...confirmedBy(previousCr, complete), selfConfirming: true }
        : { ...found, couldBe: { category: cr.category, missing: [`a second immunofixation confirming the ${cr.category} of ${date}`, ...(cr.couldBe?.missing ?? [])] } };
      out.push(lastAtIfe);
      previousCr = complete;
    }
    return out;
  }
  const inLineDflc = dflc.filter(inLine);
  const dflcDates = inLineDflc.map((p) => p.date);
  // Each with its visit's immunofixations (`visitDays`, as for the M-protein; rev36b V02).
  const dflcVisitEnd = visitEnds(dflcDates, visitDays, until);
  for (const [i, p] of inLineDflc.entries()) {
    const red = reduction(base.value, p.value);
    const since = i === 0 ? line.start : dflcVisitEnd(i - 1);
    const latest = i === dflcDates.length - 1;
    const cr = completeResponse(dflcVisitEnd(i), true, since, latest);
    // IMWG 2011's clarification for disease measurable by FLC only (with CR's normal ratio): VGPR a >90% decrease of dFLC (resp31 A08/A11).
    const category: ResponseCategory = red > 0.9 ? 'VGPR' : red >= 0.5 ? 'PR' : 'SD';
    const found: Assessment = { date: p.date, category, source: 'computed', line: line.number, basis: `dFLC ${base.value}→${p.value} mg/L (−${Math.round(red * 100)}%)`, provenance: [base.eventId, p.eventId], limit: limitAt(dflcDates, i), ...(category === 'VGPR' && cr === null && crButForMarrow(dflcVisitEnd(i), true, since, latest) ? { crIfMarrow: true as const } : {}) };
    out.push(found.category !== 'SD' || (cr !== null && 'category' in cr) ? withComplete(found, cr, [base.eventId, p.eventId]) : found);
  }
  return out;
}

const NO_LIMIT: ResponseCategory = 'sCR';

/**
 * What imaging of soft-tissue plasmacytomas allows an assessment of a line on `date` (IMWG 2016; imaging needs
 * no confirmation, so, as for the marrow, the scan for an assessment is the latest on or before it, else the
 * first after it before the next assessment, `before`, or up to `until` for the last): a scan that reported on
 * them (extramedullary disease, or plasmacytomas measured) showing one: not CR (VGPR at most). Plasmacytomas
 * measured at the line's baseline (the latest measuring scan on or before its start, SPD > 0): PR and MR also
 * need their SPD down ≥50% on the scan of the line for the assessment, so less allows SD only (a decrease of
 * ≥50% is kept as a finding that allows any category, for the basis), and no scan since the line started
 * leaves the response awaiting imaging (`pending`).
 */
function imagingLimit(records: ClinicalRecords, lineStart: string): (date: string, before: string | null, until: string) => Limit[] {
  const spd = plasmacytomaSizes(records.imaging).spd;
  const base = lastOnOrBefore(spd, lineStart);
  const reporting = records.imaging.filter((i) => i.extramedullary !== null || i.plasmacytomas !== null);
  const scanFor = <T extends { date: string }>(scans: readonly T[], after: string, date: string, before: string | null, until: string): T | undefined =>
    scans.filter((x) => x.date > after && x.date <= date).at(-1) ?? scans.find((x) => x.date > date && (before === null ? x.date <= until : x.date < before));
  const showsDisease = (x: (typeof reporting)[number]): boolean => x.extramedullary?.present === true || (x.plasmacytomas?.some((m) => m.longestMm > 0 && m.perpendicularMm > 0) ?? false);
  return (date, before, until) => {
    const limits: Limit[] = [];
    if (base && base.value > 0) {
      const measured = scanFor(spd, lineStart, date, before, until);
      // A later scan of the assessment reporting no soft-tissue disease (no lesion measured) shows the SPD at 0, as it
      // shows CR's plasmacytomas gone (rev34c B5).
      const report = scanFor(reporting, lineStart, date, before, until);
      const now = report && !showsDisease(report) && (!measured || report.date > measured.date) ? { date: report.date, value: 0, eventId: report.eventId } : measured;
      const red = now ? reduction(base.value, now.value) : 0;
      const change = `${red >= 0 ? '−' : '+'}${Math.abs(Math.round(red * 100))}%`;
      if (!now) limits.push({ category: 'SD', basis: `plasmacytoma SPD ${base.value} mm² at baseline, not measured again in the line: the response awaits imaging`, provenance: [base.eventId], pending: true });
      else limits.push({ category: red >= 0.5 ? NO_LIMIT : 'SD', basis: `plasmacytoma SPD ${base.value}→${now.value} mm² (${change})`, provenance: [base.eventId, now.eventId] });
    }
    // CR needs the plasmacytomas gone: the scan of the assessment in the line (the latest since the line began, on or
    // before it, else the first after it); with none since, a plasmacytoma on the scan before the line awaits one.
    const latest = scanFor(reporting, lineStart, date, before, until);
    if (latest && showsDisease(latest)) {
      limits.push({ category: 'VGPR', basis: `soft-tissue plasmacytoma on ${latest.modality} ${latest.date}: not CR`, provenance: [latest.eventId] });
    } else if (!latest) {
      const prior = reporting.filter((x) => x.date <= lineStart).at(-1);
      if (prior && showsDisease(prior))
        limits.push({ category: 'VGPR', basis: `soft-tissue plasmacytoma on ${prior.modality} ${prior.date}, before the line, not imaged again since: not CR until a scan shows it gone`, provenance: [prior.eventId], untested: 'a scan of the plasmacytomas since the line began' });
    }
    return limits;
  };
}

/**
 * An assessment's category with its imaging limits applied (SD and PD need nothing of imaging): the lowest of
 * the findings made, with the bases of those that lowered it or vouch for it (a ≥50% decrease of the SPD);
 * `pending` when a finding not yet made (a scan) would lower it further.
 */
function limited<T extends Pick<Assessment, 'category' | 'basis' | 'provenance' | 'limit' | 'pending'>>(a: T): T {
  if (a.category === 'SD' || a.category === 'PD') return a;
  const made = (a.limit ?? []).filter((l) => !l.pending);
  const category = made.map((l) => l.category).reduce(lowerCategory, a.category);
  const awaited = (a.limit ?? []).filter((l) => l.pending && RANK[l.category] < RANK[category]);
  const used = [...made.filter((l) => l.category === NO_LIMIT || RANK[l.category] < RANK[a.category]), ...awaited];
  if (used.length === 0) return a;
  return {
    ...a,
    category,
    basis: [a.basis, ...used.map((l) => l.basis)].join('; '),
    provenance: [...new Set([...a.provenance, ...used.flatMap((l) => l.provenance)])],
    ...(awaited.length > 0 ? { pending: true } : {}),
  };
}

/**
 * A line's computed assessments as confirmed responses (IMWG 2016: biochemical categories need two
 * consecutive assessments): each assessment supports the lower category of itself and the one before it
 * in the line; the first of a line supports a response only once the next confirms it, so it counts only
 * when it is SD (which needs no confirmation).
 */
function confirmedAssessments(assessed: readonly Assessment[]): Assessment[] {
  // An assessment awaiting imaging shows neither a response nor a nonresponse yet.
  const shown = (x: Assessment): Assessment[] => (x.pending ? [] : [x]);
  return assessed.flatMap((a, i) => {
    if (a.selfConfirming) return shown(limited(a));
    const previous = assessed[i - 1];
    if (!previous) return a.category === 'SD' ? [a] : [];
    return shown(limited({ ...a, ...confirmedBy(previous, a) }));
  });
}

/** What two consecutive assessments support together: the lower category, both bases, both provenances. */
function confirmedBy(previous: Assessment, last: Assessment): Pick<Assessment, 'category' | 'basis' | 'provenance'> {
  // Short of CR only by a marrow that the CR after it supersedes (the marrow needs no confirmation): CR, confirmed (mrd34 X01).
  const marrowSuperseded = previous.crIfMarrow === true && (last.category === 'CR' || last.category === 'sCR');
  const category = lowerCategory(marrowSuperseded ? 'CR' : previous.category, last.category);
  return { category, basis: `${previous.basis}${marrowSuperseded ? ' (immunofixation negative; the marrow of the next assessment)' : ''} | ${last.basis}`, provenance: [...new Set([...previous.provenance, ...last.provenance])] };
}

/** Reported and computed (confirmed) assessments of every line, in date order. */
export function allAssessments(records: ClinicalRecords, lines: readonly LineOfTherapy[], asOf: string, s: ProfileSettings): Assessment[] {
  const computed = lines.flatMap((l, i) => confirmedAssessments(assessLine(records, l, lines[i + 1]?.start ?? asOf, s.assessmentVisitDays)));
  const lineAt = (date: string): number | null => lines.filter((l) => l.start < date).at(-1)?.number ?? null;
  const reported: Assessment[] = records.responses.map((r) => ({ date: r.date, category: r.category, source: 'reported', line: lineAt(r.date), basis: 'reported', provenance: [r.eventId] }));
  return [...reported, ...computed].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The current line's response from the series: PD when a progression falls in the line; otherwise the
 * lower category of the two latest computed assessments (confirmed), or the latest alone (unconfirmed).
 */
export function computedResponse(records: ClinicalRecords, lines: readonly LineOfTherapy[], progressions: readonly ProgressionEvent[], asOf: string, s: ProfileSettings): ComputedResponse | null {
  const line = lines.at(-1);
  if (!line) return null;
  // A progression in the line's first earlyProgressionDays prompted it (after its CAR-T infusion, however soon, it is the
  // product's): not progression on it (rev34c B2).
  const pd = progressions.filter((p) => p.date > line.start && inEffectOn(line, p.date, s, records.procedures)).at(-1);
  if (pd) return { category: 'PD', date: pd.date, confirmed: true, line: line.number, basis: pd.detail, provenance: pd.provenance };
  const assessed = assessLine(records, line, asOf, s.assessmentVisitDays);
  const last = assessed.at(-1);
  if (!last) return null;
  const previous = last.selfConfirming ? undefined : assessed.at(-2);
  const { category, basis, provenance, pending } = limited<Pick<Assessment, 'category' | 'basis' | 'provenance' | 'limit' | 'pending'>>(previous ? { ...confirmedBy(previous, last), limit: last.limit } : last);
  // Awaiting imaging: the category the series shows, not confirmed until a scan shows the plasmacytomas' SPD.
  const couldBe = couldBeOf(previous ? [previous, last] : [last], category, last.limit);
  return { category, date: last.date, confirmed: !pending && (previous !== undefined || last.selfConfirming === true), latestCategory: limited(last).category, ...(couldBe ? { couldBe } : {}), line: line.number, basis, provenance };
}

/**
 * CR or sCR that the assessments behind a response might all show, were the tests they miss done (each its own
 * category if it misses none), within what imaging allows; undefined when it is no higher than the response.
 */
function couldBeOf(assessed: readonly Assessment[], category: ResponseCategory, limit: readonly Limit[] = []): CouldBe | undefined {
  // A cap a scan not yet made might lift (awaited, or only a scan before the line) does not bound what the response could be.
  const open = (l: Limit): boolean => l.untested !== undefined || l.pending === true;
  const reach = [...assessed.map((a) => a.couldBe?.category ?? a.category), ...limit.filter((l) => !open(l)).map((l) => l.category)].reduce(lowerCategory);
  if ((reach !== 'CR' && reach !== 'sCR') || RANK[reach] <= RANK[category]) return undefined;
  const untested = limit.filter((l) => open(l) && RANK[l.category] < RANK[reach]).map((l) => l.untested ?? 'a scan of the plasmacytomas since the line began');
  return { category: reach, missing: [...new Set([...assessed.flatMap((a) => a.couldBe?.missing ?? []), ...untested])] };
}
