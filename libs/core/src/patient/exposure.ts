import { classesOf } from '../terminology/drug-catalog';
import { DRUG_CLASSES, type DrugClass } from '../terminology/drug-classes';
import type { ClinicalRecords, Intent, MedicationCourse } from './clinical-events';
import { atLeastMR, type ProgressionEvent } from './disease-status';
import type { Assessment } from './response';
import { antiMyelomaGenerics, conditioning, inEffectOn, isSteroid, lymphodepletionUnnamed, type LineOfTherapy } from './lines-of-therapy';
import { addDays, daysBetween, type ProfileSettings } from './settings';

export interface RefractoryEvidence {
  line: number;
  kind: 'progression-on-therapy' | 'progression-within-window' | 'no-response';
  date: string;
  atMaintenanceDose: boolean;
  detail: string;
  provenance: string[];
}

export interface DrugExposure {
  exposed: boolean;
  firstDose: string;
  /** Start of the latest course (a re-challenge restarts the question of refractoriness). */
  lastStart: string;
  /**
   * The day after which an assessment says how the latest course went: its start plus `earlyProgressionDays` (a
   * progression in a course's first days prompted it). Until one is documented, "not refractory" is not known. Absent
   * in profiles derived before settings v10.
   */
  judgedFrom?: string;
  /**
   * Whether a response assessment or a progression is on record after `judgedFrom` and while the latest course could
   * still be judged: while it is given, up to `refractoryWindowDays` after its last dose, or until the next line (see
   * `withDocumentation`). Without one, how it went is not known, so "not refractory" is not known either (an
   * assessment long after, on later therapy, says nothing of it). Set by `withDocumentation`. Absent before settings v15 (then: any assessment after `judgedFrom`).
   */
  documented?: boolean;
  lastDose: string | null;
  /** Its latest course was recorded as stopped without its end: `lastDose` is that course's start, the true last dose not known (v16). */
  lastDoseUnknown?: true;
  /**
   * With `lastDoseUnknown`: the latest day its last dose may have been, the day before the next line began or a
   * transplant or CAR-T infusion after it (none begun since: absent, it may still be given; wash37 L01).
   */
  lastDoseBy?: string;
  /**
   * Still given, short of the protocol's minimum exposure (`minExposureDaysForRefractoriness`), with a progression on it:
   * whether it is refractory waits on that minimum (a progression before it counts if the drug goes on past it without a
   * response), so "not refractory" is not known yet (stat37 M06).
   */
  refractoryPendingMinimum?: true;
  ongoing: boolean;
  /** Days on the drug: its records' days, with the gaps between records up to the grouping window (dosing intervals, rest weeks) counted as on it. */
  durationDays: number;
  cycles: number | null;
  /** Some courses gave their cycles and some did not: `cycles` is then a lower bound. */
  cyclesPartial: boolean;
  lines: number[];
  /** The same measures over the last line only (its records, and the days in it of records carried into it), when the drug is in it. */
  inLastLine?: ExposureAmount;
  refractory: boolean;
  refractoryInLastLine: boolean;
  /**
   * The most cycles in one run of back-to-back courses (each starting within the grouping window after the run's last
   * dose so far): "≥2 consecutive cycles". `partial`: a course of the run gave no cycles. Absent in profiles derived before settings v10.
   */
  consecutiveCycles?: { cycles: number | null; partial: boolean };
  /** True when every refractoriness found was at maintenance intent. */
  refractoryOnlyAtMaintenance: boolean;
  evidence: RefractoryEvidence[];
  provenance: string[];
}

/** How much of a drug was given: days on it, cycles, whether still going on. */
export interface ExposureAmount {
  durationDays: number;
  cycles: number | null;
  cyclesPartial: boolean;
  ongoing: boolean;
  /** See `DrugExposure.consecutiveCycles` (for the last line: its runs; a course carried into it gives no cycles). */
  consecutiveCycles?: { cycles: number | null; partial: boolean };
}

export interface ClassExposure {
  exposed: boolean;
  refractory: boolean;
  refractoryInLastLine: boolean;
  drugs: string[];
}

const NOT_FOR_REFRACTORINESS: ReadonlySet<Intent | null> = new Set(['conditioning', 'lymphodepletion', 'mobilization', 'supportive']);

/**
 * What ended a course begun on `start` and recorded as stopped without its end: the next line's start (`nextLine`), or a
 * transplant or CAR-T infusion after it, whichever came first (undefined: nothing yet).
 */
export function stoppedWithoutEndBy(records: ClinicalRecords, start: string, nextLine: string | null | undefined): string | undefined {
  const procedure = records.procedures
    .filter((p) => (p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct' || p.kind === 'car-t-infusion') && p.date > start)
    .map((p) => p.date)
    .sort()[0];
  return nextLine && (procedure === undefined || nextLine < procedure) ? nextLine : procedure;
}

/**
 * Exposure per drug (first and last dose, duration, lines) and IMWG refractoriness: progression while
 * on the drug or within `refractoryWindowDays` of its last dose, or (setting) no MR or better while on
 * it. Judged per time on the drug (a line's records of it given back to back), in the line in effect.
 */
export function drugExposures(
  records: ClinicalRecords,
  lines: readonly LineOfTherapy[],
  progressions: readonly ProgressionEvent[],
  assessments: readonly Assessment[],
  asOf: string,
  s: ProfileSettings,
  /** The date of a response the current line's latest assessment shows, not yet confirmed (null: none). */
  emergingResponse: string | null = null,
): Record<string, DrugExposure> {
  const lineOf = new Map<MedicationCourse, number>();
  for (const l of lines) for (const c of l.courses) lineOf.set(c, l.number);
  /**
   * A single agent started within postTransplantContinuationDays after an ASCT of its line, with no intent recorded: the
   * line reads it as planned maintenance (lines-of-therapy.ts), and so does refractoriness at maintenance dose.
   */
  const afterTransplantAlone = (c: MedicationCourse, line: number | null): boolean => {
    const l = line === null ? undefined : lines[line - 1];
    const agents = c.generics.filter((g) => !classesOf(g).includes('SUPPORTIVE') && !classesOf(g).includes('CORTICOSTEROID'));
    return l !== undefined && agents.length === 1 && l.transplants.some((t) => t.kind === 'autologous-sct' && t.date <= c.start && daysBetween(t.date, c.start) <= s.postTransplantContinuationDays);
  };
  const lastLine = lines.at(-1)?.number ?? null;
  // A progression is attributed to the therapy in effect: not past the start of the next line.
  const nextLineStart = (line: number): string | null => lines.find((l) => l.number === line + 1)?.start ?? null;
  const out: Record<string, DrugExposure> = {};
  const intervals: Record<string, Array<[string, string]>> = {};
  const courseCycles: Record<string, Array<{ start: string; end: string; cycles: number | null }>> = {};
  const exposeAt = (generic: string, start: string, end: string | null, line: number | null, eventId: string, cycles: number | null, endUnknown = false): DrugExposure => {
    const e = (out[generic] ??= {
      exposed: true,
      firstDose: start,
      lastStart: start,
      lastDose: end,
      ongoing: false,
      durationDays: 0,
      cycles: null,
      cyclesPartial: false,
      lines: [],
      refractory: false,
      refractoryInLastLine: false,
      refractoryOnlyAtMaintenance: false,
      evidence: [],
      provenance: [],
    });
    if (start < e.firstDose) e.firstDose = start;
    // The latest course (by its start) recorded as stopped without its end: the last dose is not known.
    if (start > e.lastStart || e.provenance.length === 0 || (start === e.lastStart && endUnknown)) {
      if (endUnknown) e.lastDoseUnknown = true;
      else if (start > e.lastStart) delete e.lastDoseUnknown;
    }
    if (start > e.lastStart) e.lastStart = start;
    // Still being given: no last dose yet, whatever earlier courses of it ended (stat31 Z03).
    if (end === null) {
      e.ongoing = true;
      e.lastDose = null;
    } else if (!e.ongoing && (e.lastDose === null || end > e.lastDose)) e.lastDose = end;
    (intervals[generic] ??= []).push([start, end ?? asOf]);
    (courseCycles[generic] ??= []).push({ start, end: end ?? asOf, cycles }); // counted once all are in (cycleCount)
    if (line !== null && !e.lines.includes(line)) e.lines.push(line);
    e.provenance.push(eventId);
    return e;
  };

  // A course still running when a later line opened by adding a drug to it (Rd, then daratumumab added: D-Rd) is part
  // of that line too: the last line it runs into, and the line in effect on a day.
  const lastLineOf = (c: MedicationCourse, g: string, from: number): number => {
    let n = from;
    for (;;) {
      const l = lines.find((x) => x.number === n + 1);
      if (!l || l.openedBy !== 'unplanned-addition-or-switch' || !l.generics.includes(g) || (c.end !== null && c.end < l.start)) return n;
      n = l.number;
    }
  };
  /** The first day of the time on a drug that includes `start`: its records given back to back (gaps up to treatmentHoldMaxDays), whatever their lines. */
  const continuousStart = (g: string, start: string): string => {
    const list = [...(intervals[g] ?? [])].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
    let from = start;
    for (const [a, b] of list) if (a < from && daysBetween(b, from) <= s.treatmentHoldMaxDays) from = a;
    return from;
  };
  /**
   * The line whose start prompted a progression: one started `earlyProgressionDays` or fewer before it (the progression
   * documented in the first days of the salvage it prompted). Not progression on that line's therapy (as for lines of
   * therapy), but on the therapy before it, within that therapy's window.
   */
  const promptedLineStart = (p: ProgressionEvent): string | undefined =>
    lines.find((l) => l.start <= p.date && daysBetween(l.start, p.date) <= s.earlyProgressionDays)?.start;
  /** The line in effect on a day (`inEffectOn`), of lines `from`..`to`. */
  const lineOn = (day: string, from: number, to: number): number => {
    let n = from;
    for (const l of lines) if (l.number > from && l.number <= to && inEffectOn(l, day, s, records.procedures)) n = l.number;
    return n;
  };

  // Exposure per record; refractoriness per span: a drug's records in one line given back to back (per-dose
  // administrations, cycles sent one by one: the next starting within treatmentHoldMaxDays of the previous one's
  // end, at the same maintenance or not) are one time on the drug.
  interface Span { g: string; line: number; courses: MedicationCourse[]; start: string; end: string | null; maintenance: boolean }
  const spans: Span[] = [];
  const open = new Map<string, Span>();
  for (const c of [...records.medications].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
    const line = lineOf.get(c) ?? null;
    for (const g of c.generics) {
      if (classesOf(g).includes('SUPPORTIVE')) continue;
      exposeAt(g, c.start, c.end, line, c.eventId, c.cycles, c.endUnknown === true);
      if (NOT_FOR_REFRACTORINESS.has(c.intent) || line === null || conditioning(records, c) || lymphodepletionUnnamed(records, c)) continue;
      const key = `${g}\u0000${line}`;
      const held = open.get(key);
      // A record with no intent given back to back with maintenance (its next cycle) is that maintenance going on.
      const goesOn = held !== undefined && held.maintenance && held.end !== null && daysBetween(held.end, c.start) <= s.treatmentHoldMaxDays;
      const maintenance = c.intent === 'maintenance' || (c.intent === null && (afterTransplantAlone(c, line) || goesOn));
      if (held && held.end !== null && held.maintenance === maintenance && daysBetween(held.end, c.start) <= s.treatmentHoldMaxDays) {
        held.courses.push(c);
        held.end = c.end === null ? null : c.end > held.end ? c.end : held.end;
        continue;
      }
      if (held && held.end === null) {
        held.courses.push(c); // overlapping an ongoing record: the same time on the drug
        continue;
      }
      const span: Span = { g, line, courses: [c], start: c.start, end: c.end, maintenance };
      spans.push(span);
      open.set(key, span);
    }
  }
  for (const sp of spans) {
    const { g, courses } = sp;
    const e = out[g]!;
    const last = courses.at(-1)!;
    const ids = courses.map((c) => c.eventId);
    const finalLine = lastLineOf(last, g, sp.line);
    for (let n = sp.line + 1; n <= finalLine; n++) if (!e.lines.includes(n)) e.lines.push(n);
    // Stopped for progression without its end recorded (v16): given up to the next line at most (or up to a transplant or
    // CAR-T infusion after it, the bridging before one; rev34 T5), and progressed on, so a progression before then is one
    // on it (rev32 A01). Read from a record of the span's latest start, whatever the order of records of one day (rev34 T1b).
    const latestStart = courses.reduce((d, c) => (c.start > d ? c.start : d), sp.start);
    const stoppedCourse = courses.find((c) => c.start === latestStart && c.endUnknown === true && c.reasonStopped === 'progression');
    const stoppedForProgressionEndUnknown = stoppedCourse !== undefined;
    // The days known on it: up to the latest end recorded on the span (a course stopped without its end: its start).
    const knownUntil = sp.end ?? asOf;
    if (stoppedForProgressionEndUnknown) {
      const ender = stoppedWithoutEndBy(records, latestStart, nextLineStart(finalLine));
      sp.end = ender ? addDays(ender, -1) : null;
    }
    const until = sp.end ?? asOf;
    // The protocol's minimum exposure, for the drugs of the classes it names (MAMMOTH: anti-CD38; null: every drug); with
    // the end not recorded, only the days known on it count (rev33 X02, rev34 T1a).
    const minDays = s.minExposureClasses === null || s.minExposureClasses === undefined || classesOf(g).some((k) => s.minExposureClasses!.includes(k)) ? s.minExposureDaysForRefractoriness : 0;
    if (daysBetween(sp.start, stoppedForProgressionEndUnknown ? knownUntil : until) + 1 < minDays) {
      if (sp.end === null && !stoppedForProgressionEndUnknown && progressions.some((p) => p.date > sp.start)) e.refractoryPendingMinimum = true;
      continue;
    }
    // Counted as the course's length is (its first day is day 1): a progression on day N of N days on it counts.
    const earliest = addDays(sp.start, Math.max(0, minDays - 1));
    const next = nextLineStart(finalLine);
    // Up to the next line's start, and the first days of it (a progression then prompted it: the therapy before it failed).
    const windowEnd = [sp.end ? addDays(sp.end, s.refractoryWindowDays) : asOf, ...(next ? [addDays(next, s.earlyProgressionDays)] : [])].sort()[0]!;
    const onIt = (p: ProgressionEvent): boolean => {
      const prompted = promptedLineStart(p);
      return prompted === undefined || prompted > sp.start;
    };
    // A progression before the minimum exposure was reached counts when the drug was given on past it with no response
    // (MR or better) since, while it was given: the exposure is the time on the drug, and the patient progressed on it
    // (v15; refr28 X19); a response on it later shows the early progression was no failure of it (v16, stat31 F07).
    const givenOnPast = (p: ProgressionEvent): boolean =>
      p.date < earliest && p.date <= until && !assessments.some((r) => r.date > p.date && r.date <= until && atLeastMR(r.category));
    const pd = progressions.find((p) => p.date > sp.start && (p.date >= earliest || givenOnPast(p)) && p.date <= windowEnd && onIt(p));
    if (pd) {
      /** Refractoriness by a progression on the drug or within the window after it, in `line`. */
      const byProgression = (p: ProgressionEvent, line: number): RefractoryEvidence => {
        const onTherapy = sp.end === null || p.date <= sp.end;
        return {
          line,
          kind: onTherapy ? 'progression-on-therapy' : 'progression-within-window',
          date: p.date,
          atMaintenanceDose: sp.maintenance,
          detail: onTherapy ? `progression ${p.date} while on ${g} (${p.detail})` : `progression ${p.date}, ${daysBetween(sp.end!, p.date)} days after the last dose of ${g} (${p.detail})`,
          provenance: [...ids, ...p.provenance],
        };
      };
      e.evidence.push(byProgression(pd, lineOn(pd.date, sp.line, finalLine)));
      // Carried into a later line (a drug added to it, D-Rd): a progression on it in the last of those lines is
      // refractoriness there too (not the one that prompted that line, within earlyProgressionDays of its start).
      const carriedStart = finalLine > sp.line ? lines.find((l) => l.number === finalLine)?.start : undefined;
      if (carriedStart !== undefined && lineOn(pd.date, sp.line, finalLine) < finalLine) {
        const again = progressions.find((p) => p.date > addDays(carriedStart, s.earlyProgressionDays) && p.date >= earliest && p.date <= windowEnd);
        if (again) e.evidence.push(byProgression(again, finalLine));
      }
      continue;
    }
    // Stopped for progression, its end not recorded, and no progression on record for it: the stop says it progressed on
    // it, on a day not known before the next line (rev33 X08); dated by the last day it may have been given.
    if (stoppedForProgressionEndUnknown) {
      const date = sp.end ?? asOf;
      e.evidence.push({ line: lineOn(date, sp.line, finalLine), kind: 'progression-on-therapy', date, atMaintenanceDose: sp.maintenance, detail: `${stoppedCourse.original} stopped for progression (its end not recorded)`, provenance: ids });
      continue;
    }
    // Stopped for toxicity or by the patient's choice: nonresponsive only if it was given long enough to judge (an
    // assessment on it at least nonResponseMinDaysOngoing after its start without MR or better): IMWG's "failure to
    // achieve MR while on therapy" does not end with the reason it was stopped, but a short course is no trial of it.
    const stoppedForOtherReasons = last.reasonStopped === 'toxicity' || last.reasonStopped === 'patient-choice';
    const triedLongEnough = assessments.some((r) => r.date > sp.start && r.date <= until && daysBetween(sp.start, r.date) >= s.nonResponseMinDaysOngoing);
    if (s.nonResponseIsRefractory && (!stoppedForOtherReasons || triedLongEnough)) {
      const assessed = assessments.filter((r) => r.date > sp.start && r.date <= until && r.category !== 'PD');
      // A response reached on it may be confirmed (or reported) after the last dose, before any new therapy: it counts.
      // (A transplant or CAR-T infusion after it is new therapy too: a response after one is its own; stat37 Z12.)
      const respondedBy = (sp.end === null ? next : stoppedWithoutEndBy(records, sp.end, next)) ?? asOf;
      const responded = assessments.some((r) => r.date > sp.start && r.date <= respondedBy && atLeastMR(r.category));
      // Still being given: nonresponsive once assessed without MR or better long enough after its start, counting from the
      // start of the time on it however its records were split across lines (a response before a drug was added counts),
      // and not while a response is emerging (shown by the latest assessment, not yet confirmed).
      const since = sp.end === null ? continuousStart(g, sp.start) : sp.start;
      const respondedSince = sp.end === null && assessments.some((r) => r.date > since && r.date <= respondedBy && atLeastMR(r.category));
      // Ended: judged by an assessment after its first earlyProgressionDays (one in the first days says nothing of it yet,
      // as for whether it is documented; stat31 Z01).
      const judged =
        (sp.end !== null && assessed.length > 0 && assessed.at(-1)!.date > addDays(sp.start, s.earlyProgressionDays)) || (sp.end === null && assessed.length > 0 && daysBetween(sp.start, assessed.at(-1)!.date) >= s.nonResponseMinDaysOngoing && !respondedSince && !(emergingResponse !== null && emergingResponse > sp.start));
      if (assessed.length > 0 && !responded && judged) {
        e.evidence.push({
          line: lineOn(assessed.at(-1)!.date, sp.line, finalLine),
          kind: 'no-response',
          date: assessed.at(-1)!.date,
          atMaintenanceDose: sp.maintenance,
          detail: `best response ${assessed.map((r) => r.category).join('/')} on ${g}: no MR or better`,
          provenance: [...ids, ...assessed.flatMap((r) => r.provenance)],
        });
        continue;
      }
      // Carried into a later line (daratumumab added to Rd): the regimen of its first line is judged on its own, up to
      // the start of the line it was carried into (IMWG 2011: refractory to a drug when the regimen it was in was
      // nonresponsive), however the next regimen went: assessed at least nonResponseMinDaysOngoing after the start
      // without MR or better by then.
      const handedOn = finalLine > sp.line ? nextLineStart(sp.line) : null;
      if (handedOn !== null) {
        const inFirst = assessments.filter((r) => r.date > sp.start && r.date <= handedOn && r.category !== 'PD');
        const respondedInFirst = assessments.some((r) => r.date > sp.start && r.date <= handedOn && atLeastMR(r.category));
        if (inFirst.length > 0 && !respondedInFirst && daysBetween(sp.start, inFirst.at(-1)!.date) >= s.nonResponseMinDaysOngoing) {
          e.evidence.push({
            line: sp.line,
            kind: 'no-response',
            date: inFirst.at(-1)!.date,
            atMaintenanceDose: sp.maintenance,
            detail: `best response ${inFirst.map((r) => r.category).join('/')} on ${g} before line ${sp.line + 1} began ${handedOn}: no MR or better`,
            provenance: [...ids, ...inFirst.flatMap((r) => r.provenance)],
          });
        }
      }
    }
  }
  for (const p of records.procedures) {
    if (p.kind !== 'car-t-infusion' || !p.product) continue;
    const line = lines.find((l) => l.provenance.includes(p.eventId))?.number ?? null;
    const e = exposeAt(p.product, p.date, p.date, line, p.eventId, null);
    // Within the CAR-T line: a progression once a later line has started is attributed to that line's therapy.
    const next = line !== null ? nextLineStart(line) : null;
    const pd = progressions.find((x) => x.date > p.date && (next === null || x.date <= addDays(next, s.earlyProgressionDays)));
    // A CAR-T product is refractory by progression after the infusion without response in between, or by progression
    // within `refractoryWindowDays` of the infusion (its last dose, IMWG 2011 "PD within 60 days of last therapy"),
    // whatever the response in between.
    const responded = assessments.some((r) => r.date > p.date && (!pd || r.date < pd.date) && atLeastMR(r.category));
    if (pd && !responded && line !== null) {
      e.evidence.push({ line, kind: 'progression-on-therapy', date: pd.date, atMaintenanceDose: false, detail: `progression ${pd.date} after infusion without MR or better`, provenance: [p.eventId, ...pd.provenance] });
    } else if (pd && line !== null && pd.date <= addDays(p.date, s.refractoryWindowDays)) {
      e.evidence.push({ line, kind: 'progression-within-window', date: pd.date, atMaintenanceDose: false, detail: `progression ${pd.date} within ${s.refractoryWindowDays} days of the infusion`, provenance: [p.eventId, ...pd.provenance] });
    } else if (!pd && line !== null && s.nonResponseIsRefractory) {
      // Nonresponsive to the product (IMWG 2011: no MR or better on the therapy): assessed at least
      // nonResponseMinDaysOngoing after the infusion, before any next line, with no MR or better since it and no
      // response emerging (stat37 G01).
      const by = next ?? asOf;
      const assessed = assessments.filter((r) => r.date > p.date && r.date <= by && r.category !== 'PD');
      const latest = assessed.at(-1);
      const respondedSince = assessments.some((r) => r.date > p.date && r.date <= by && atLeastMR(r.category));
      if (latest && !respondedSince && daysBetween(p.date, latest.date) >= s.nonResponseMinDaysOngoing && !(emergingResponse !== null && emergingResponse > p.date)) {
        e.evidence.push({ line, kind: 'no-response', date: latest.date, atMaintenanceDose: false, detail: `best response ${assessed.map((r) => r.category).join('/')} after the infusion: no MR or better`, provenance: [p.eventId, ...assessed.flatMap((r) => r.provenance)] });
      }
    }
  }
  for (const [g, list] of Object.entries(intervals)) out[g]!.durationDays = daysOn(list, s.regimenGroupingWindowDays);
  // The last line's share: its own records, and the days in it of records carried into it (their cycles cannot be split).
  const last = lines.at(-1);
  if (last) {
    const inLast: Record<string, { intervals: Array<[string, string]>; amount: ExposureAmount; courses: Array<{ start: string; end: string; cycles: number | null }> }> = {};
    for (const c of records.medications) {
      const line = lineOf.get(c);
      if (line === undefined) continue;
      for (const g of c.generics) {
        if (classesOf(g).includes('SUPPORTIVE') || !out[g]) continue;
        const own = line === last.number;
        if (!own && lastLineOf(c, g, line) !== last.number) continue;
        const share = (inLast[g] ??= { intervals: [], amount: { durationDays: 0, cycles: null, cyclesPartial: false, ongoing: false }, courses: [] });
        share.intervals.push([own || c.start > last.start ? c.start : last.start, c.end ?? asOf]);
        share.courses.push({ start: c.start, end: c.end ?? asOf, cycles: own ? c.cycles : null });
        if (c.end === null) share.amount.ongoing = true;
      }
    }
    for (const [g, share] of Object.entries(inLast)) {
      share.amount.durationDays = daysOn(share.intervals, s.regimenGroupingWindowDays);
      const counted = cycleCount(share.courses);
      share.amount.cycles = counted.cycles;
      share.amount.cyclesPartial = counted.partial;
      share.amount.consecutiveCycles = consecutiveRuns(distinctCourses(share.courses), s.regimenGroupingWindowDays);
      out[g]!.inLastLine = share.amount;
    }
  }
  // The latest time on each drug that refractoriness reads: its records given back to back are one course (the next
  // cycle record is no re-challenge).
  const latestSpan = new Map<string, string>();
  for (const sp of spans) if ((latestSpan.get(sp.g) ?? '') < sp.start) latestSpan.set(sp.g, sp.start);
  // Drugs given only where refractoriness is never judged (conditioning, lymphodepletion, mobilization): nothing to document.
  const judged = new Set([...spans.map((sp) => sp.g), ...records.procedures.filter((p) => p.kind === 'car-t-infusion' && p.product).map((p) => p.product!)]);
  for (const [g, e] of Object.entries(out)) {
    if (!judged.has(g)) e.documented = true;
    if (e.lastDoseUnknown === true && !e.ongoing) {
      const ender = stoppedWithoutEndBy(records, e.lastStart, nextLineStart(Math.max(0, ...e.lines)));
      if (ender !== undefined && addDays(ender, -1) >= e.lastStart) e.lastDoseBy = addDays(ender, -1);
    }
    const counted = cycleCount(courseCycles[g] ?? []);
    e.cycles = counted.cycles;
    e.cyclesPartial = counted.partial;
    e.refractory = e.evidence.length > 0;
    e.refractoryInLastLine = e.evidence.some((x) => x.line === lastLine);
    e.refractoryOnlyAtMaintenance = e.refractory && e.evidence.every((x) => x.atMaintenanceDose);
    e.lines.sort((a, b) => a - b);
    e.judgedFrom = addDays(latestSpan.get(g) ?? e.lastStart, s.earlyProgressionDays);
  }
  for (const [g, cs] of Object.entries(courseCycles)) out[g]!.consecutiveCycles = consecutiveRuns(distinctCourses(cs), s.regimenGroupingWindowDays);
  return out;
}

type CycleCourse = { start: string; end: string; cycles: number | null; atLeast?: boolean };

/**
 * A drug's courses with those recorded twice counted once: a course within the dates of another of the same drug (the
 * pharmacy's record and the chart's, a regimen and its drugs sent one by one) is the same time on the drug, so it adds
 * no cycles; the one kept has the larger count of the two. A count from a record shorter than the one kept, which
 * has none, is only a lower bound (`atLeast`): the rest of the course has no count.
 */
/** Records of one drug whose first and last days are each this close are the same course recorded twice, not two. */
const SAME_COURSE_DAYS = 7;
const SAME_COURSE_MIN_DAYS = 28;
export function distinctCourses(courses: readonly CycleCourse[]): CycleCourse[] {
  const sorted = [...courses].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : 0));
  const kept: CycleCourse[] = [];
  for (const c of sorted) {
    // (Or the same course of cycles with its dates a few days off, both ends within a week of the other's: expo37 F13.
    // Not single doses a week apart: each course at least a cycle long.)
    const long = (x: CycleCourse): boolean => daysBetween(x.start, x.end) >= SAME_COURSE_MIN_DAYS;
    const within = kept.find(
      (k) => (k.start <= c.start && c.end <= k.end) || (long(k) && long(c) && Math.abs(daysBetween(k.start, c.start)) <= SAME_COURSE_DAYS && Math.abs(daysBetween(k.end, c.end)) <= SAME_COURSE_DAYS),
    );
    if (!within) {
      kept.push({ ...c });
      continue;
    }
    if (c.end > within.end) within.end = c.end;
    if (c.cycles !== null && (within.cycles === null || c.cycles > within.cycles)) {
      const whole = c.start === within.start && c.end === within.end;
      if (within.cycles === null && !whole) within.atLeast = true;
      within.cycles = c.cycles;
    }
  }
  return kept;
}

/** The cycles on a drug over its distinct courses, and whether some course had no count (the total is then a lower bound). */
function cycleCount(courses: readonly CycleCourse[]): { cycles: number | null; partial: boolean } {
  let cycles: number | null = null;
  let missing = false;
  for (const c of distinctCourses(courses)) {
    if (c.cycles === null || c.atLeast) missing = true;
    if (c.cycles !== null) cycles = (cycles ?? 0) + c.cycles;
  }
  return { cycles, partial: missing && cycles !== null };
}

export function classExposures(drugs: Record<string, DrugExposure>): Record<DrugClass, ClassExposure> {
  const out = Object.fromEntries(DRUG_CLASSES.map((k) => [k, { exposed: false, refractory: false, refractoryInLastLine: false, drugs: [] as string[] }])) as Record<DrugClass, ClassExposure>;
  for (const [g, e] of Object.entries(drugs)) {
    for (const k of classesOf(g)) {
      const c = out[k];
      c.exposed ||= e.exposed;
      c.refractory ||= e.refractory;
      c.refractoryInLastLine ||= e.refractoryInLastLine;
      c.drugs.push(g);
    }
  }
  return out;
}

/** Days on a drug over its records' intervals, the gaps between them up to `groupingDays` (dosing intervals, rest weeks) counted as on it. */
function daysOn(list: Array<[string, string]>, groupingDays: number): number {
  list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let days = 0;
  let [from, to] = list[0]!;
  for (const [start, end] of list.slice(1)) {
    if (daysBetween(to, start) <= groupingDays) {
      if (end > to) to = end;
    } else {
      days += daysBetween(from, to) + 1;
      [from, to] = [start, end];
    }
  }
  return days + daysBetween(from, to) + 1;
}

/** The most cycles in one run of back-to-back courses (each starting within `windowDays` after the run's last dose so far). */
function consecutiveRuns(courses: ReadonlyArray<CycleCourse>, windowDays: number): { cycles: number | null; partial: boolean } {
  let best = { cycles: null as number | null, partial: true };
  let run = { cycles: 0, partial: false, end: '' };
  const close = (): void => {
    if (run.end === '') return;
    const cycles = run.cycles === 0 && run.partial ? null : run.cycles;
    if (best.cycles === null || (cycles !== null && cycles > best.cycles)) best = { cycles, partial: run.partial };
  };
  for (const c of [...courses].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
    if (run.end !== '' && daysBetween(run.end, c.start) > windowDays) {
      close();
      run = { cycles: 0, partial: false, end: '' };
    }
    run.cycles += c.cycles ?? 0;
    run.partial ||= c.cycles === null || c.atLeast === true;
    if (c.end > run.end) run.end = c.end;
  }
  close();
  // A run without its cycles might be the longest: then the count is a lower bound.
  return { cycles: best.cycles, partial: courses.some((c) => c.cycles === null || c.atLeast === true) };
}

/**
 * Each drug's `documented`: a response assessment (`responseDays`: assessments other than PD, confirmed or not) after
 * its `judgedFrom`, while it is given or up to `refractoryWindowDays` after its last dose, or later in its line
 * (induction, ASCT, then the response: a response reached before new therapy counts as reached on it), up to the
 * first `earlyProgressionDays` of the next line; or a progression (`progressionDays`) on it or up to
 * `refractoryWindowDays` after its last dose (one the core gives to the next line, past its first days, says the drug
 * did not fail before it), or off therapy before the next line (or in the first days it prompted): a relapse after a
 * treatment-free interval. One after other therapy began says nothing of a response to the drug. Drugs never judged for refractoriness (conditioning, lymphodepletion,
 * mobilization) are documented already, as such (drugExposures).
 */
export function withDocumentation(drugs: Record<string, DrugExposure>, lines: readonly LineOfTherapy[], responseDays: readonly string[], progressionDays: readonly string[], asOf: string, s: ProfileSettings): void {
  for (const [g, e] of Object.entries(drugs)) {
    if (e.documented === true) continue; // never judged (drugExposures)
    const from = e.judgedFrom ?? addDays(e.lastStart, s.earlyProgressionDays);
    const last = Math.max(0, ...e.lines);
    const next = lines.find((l) => l.number > last)?.start;
    const window = e.ongoing || e.lastDose === null ? asOf : addDays(e.lastDose, s.refractoryWindowDays);
    const line = next === undefined ? asOf : addDays(next, s.earlyProgressionDays);
    const until = e.ongoing ? asOf : window > line ? window : line;
    // A progression documents it on it or within the window after its last dose, or off therapy before anything else was
    // begun (or in the first days of the next line, which it prompted): the drug had not failed by then (IMWG relapsed).
    // Other anti-myeloma therapy given after its last dose, up to `d` (a drug dropped from a regimen whose others go on).
    const otherTherapyBy = (d: string): boolean =>
      e.lastDose !== null && lines.some((l) => l.courses.some((c) => c.start <= d && (c.end === null || c.end > e.lastDose!) && antiMyelomaGenerics(c).some((x) => x !== g && !isSteroid(x))));
    e.documented = responseDays.some((d) => d > from && d <= until) || progressionDays.some((d) => d > from && (d <= window || (d <= line && !otherTherapyBy(d))));
    // Its last dose not known (stopped without its end recorded, not for progression): a progression after the window from
    // its first day, before the next line, may have come within the window of the last dose (stat35 SP06/SP13).
    if (e.lastDoseUnknown === true && !e.ongoing && !e.refractory && progressionDays.some((d) => d > from && d > window && d <= line)) e.documented = false;
    if (e.refractoryPendingMinimum === true && !e.refractory) e.documented = false;
  }
}
