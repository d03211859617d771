import { classesOf } from '../terminology/drug-catalog';
import type { DrugClass } from '../terminology/drug-classes';
import { RESPONSE_RANK, type ClinicalRecords, type Intent, type MedicationCourse, type ProcedureRecord, type ReasonStopped } from './clinical-events';
import { addDays, daysBetween, type ProfileSettings } from './settings';

export interface LineOfTherapy {
  number: number;
  start: string;
  /** Last dose of the line's agents; null while any is ongoing. */
  end: string | null;
  generics: string[];
  classes: DrugClass[];
  regimens: string[];
  /** Why this line was opened (2015 consensus rule). */
  openedBy: 'first-treatment' | 'new-regimen-after-discontinuation' | 'unplanned-addition-or-switch' | 'retreatment-after-treatment-free-interval' | 'second-sct' | 'allogeneic-sct' | 'car-t';
  transplants: Array<{ kind: ProcedureRecord['kind']; date: string; plannedTandem: boolean }>;
  courses: MedicationCourse[];
  /**
   * Why the patient moved on from this line (domain.md §3 step 6, reason-for-change: progression, toxicity,
   * completion): a progression on it (past its first `earlyProgressionDays`) up to the next line's first
   * `earlyProgressionDays` (the last line, once over: up to that many days after its end), else the reason its
   * last courses were recorded as stopped for; null while it goes on, or when neither is on record (v15).
   */
  reasonForChange: ReasonStopped | null;
  /** What `reasonForChange` was read from, in words. */
  reasonForChangeBasis: string;
  /** Edge cases worth a reviewer's look. */
  reviewFlags: string[];
  /** Events this line was derived from. */
  provenance: string[];
}

const NON_LINE_INTENTS: ReadonlySet<Intent | null> = new Set(['supportive', 'mobilization']);
const CAR_T_PREP: ReadonlySet<Intent | null> = new Set(['bridging', 'lymphodepletion']);
const PLANNED_CONTINUATION: ReadonlySet<Intent | null> = new Set(['consolidation', 'maintenance']);

export function antiMyelomaGenerics(c: MedicationCourse): string[] {
  return c.generics.filter((g) => !classesOf(g).includes('SUPPORTIVE'));
}

export const isSteroid = (g: string): boolean => classesOf(g).includes('CORTICOSTEROID');
const isSteroidOnly = (generics: string[]): boolean => generics.length > 0 && generics.every(isSteroid);
/**
 * Agents given as lymphodepletion before a CAR-T infusion (a short course right before it, even with no intent recorded).
 * Short courses here are counted in dose days, first and last included, as a line's length is (lot37 D4-10).
 */
const LYMPHODEPLETING = new Set(['cyclophosphamide', 'fludarabine', 'bendamustine']);
const LYMPHODEPLETION_MAX_DAYS = 7;
/**
 * Stem-cell mobilization with no intent recorded: a short course of cyclophosphamide alone (with G-CSF or not), no
 * other anti-myeloma drug but a steroid given with it and no cyclophosphamide in the 28 days before it (not a cycle of
 * a cyclophosphamide regimen), followed by an apheresis within 30 days or an autologous SCT within 90.
 */
const MOBILIZING = 'cyclophosphamide';
const MOBILIZATION_MAX_DAYS = 7;
const MOBILIZATION_TO_APHERESIS_MAX_DAYS = 30;
const MOBILIZATION_TO_ASCT_MAX_DAYS = 90;
const MOBILIZATION_REGIMEN_GAP_DAYS = 28;
/** Conditioning given this many days before an SCT belongs to the SCT (melphalan the day or two before). */
const CONDITIONING_MAX_DAYS = 14;

type Item = { date: string; order: number; course?: MedicationCourse; procedure?: ProcedureRecord };

/**
 * Lines of therapy per the 2015 consensus (Rajkumar, Blood 2015;126:921) with the conventions in
 * ProfileSettings: a line is a regimen or a planned sequence (induction → ASCT → consolidation →
 * maintenance); a new line starts when all agents stop and another regimen starts, on an unplanned
 * addition or switch, on each SCT but a planned tandem, on allo-SCT and on CAR-T (bridging and
 * lymphodepletion belong to the CAR-T line). Steroid-only changes and holds never open a line.
 */
/**
 * Whether a line is in effect on a day (for what happened that day: a progression, an assessment): started more than
 * `earlyProgressionDays` before it (a progression in a line's first days prompted it, and belongs to the line before),
 * or its CAR-T infused before it (a progression after the infusion is the product's, however soon).
 */
export function inEffectOn(l: LineOfTherapy, day: string, s: ProfileSettings, infusions: readonly ProcedureRecord[]): boolean {
  return addDays(l.start, s.earlyProgressionDays) < day || infusions.some((p) => p.kind === 'car-t-infusion' && p.date < day && l.provenance.includes(p.eventId));
}

/** A course that is stem-cell mobilization though no intent says so (MOBILIZING above). */
export function mobilization(records: ClinicalRecords, c: MedicationCourse): boolean {
  const drugs = antiMyelomaGenerics(c);
  if (c.intent !== null || c.end === null || daysBetween(c.start, c.end) + 1 >= MOBILIZATION_MAX_DAYS || !drugs.includes(MOBILIZING) || !drugs.every((g) => g === MOBILIZING || isSteroid(g))) return false;
  const end = c.end;
  const followed = records.procedures.some(
    (p) => p.date >= end && ((p.kind === 'apheresis' && daysBetween(end, p.date) <= MOBILIZATION_TO_APHERESIS_MAX_DAYS) || (p.kind === 'autologous-sct' && daysBetween(end, p.date) <= MOBILIZATION_TO_ASCT_MAX_DAYS)),
  );
  // An earlier dose of the same short course (doses sent one by one) is not a cyclophosphamide regimen before it.
  const sameCourse = (o: MedicationCourse): boolean => antiMyelomaGenerics(o).every((g) => g === MOBILIZING || isSteroid(g)) && daysBetween(o.start, c.start) < MOBILIZATION_MAX_DAYS;
  const alongside = records.medications.some(
    (o) =>
      o !== c &&
      antiMyelomaGenerics(o).some((g) =>
        g === MOBILIZING ? o.start < c.start && !sameCourse(o) && (o.end === null || daysBetween(o.end, c.start) <= MOBILIZATION_REGIMEN_GAP_DAYS) : !isSteroid(g) && o.start <= end && (o.end === null || o.end >= c.start),
      ),
  );
  return followed && !alongside;
}

/** Conditioning recognised without an intent: melphalan alone (BeEAM runs a week beside other agents: send its intent). */
const CONDITIONING_AGENTS: ReadonlySet<string> = new Set(['melphalan']);
const CONDITIONING_COURSE_MAX_DAYS = 3;
/**
 * Transplant conditioning with no intent recorded: melphalan alone given over at most 3 days, starting
 * no more than CONDITIONING_MAX_DAYS before an SCT (conditioning belongs to the SCT, domain.md §3: "conditioning regimen
 * identity is irrelevant").
 */
/** A short course of a lymphodepleting agent just before a CAR-T infusion, with no intent recorded: its lymphodepletion. */
export function lymphodepletionUnnamed(records: ClinicalRecords, c: MedicationCourse): boolean {
  return (
    c.intent === null &&
    c.generics.length > 0 &&
    c.generics.every((g) => LYMPHODEPLETING.has(g)) &&
    c.end !== null &&
    daysBetween(c.start, c.end) + 1 < LYMPHODEPLETION_MAX_DAYS &&
    records.procedures.some((p) => p.kind === 'car-t-infusion' && p.date >= c.end! && daysBetween(c.end!, p.date) <= LYMPHODEPLETION_MAX_DAYS)
  );
}

export function conditioning(records: ClinicalRecords, c: MedicationCourse): boolean {
  if (c.intent === 'conditioning') return true;
  const drugs = antiMyelomaGenerics(c);
  if (c.intent !== null || c.end === null || daysBetween(c.start, c.end) >= CONDITIONING_COURSE_MAX_DAYS || !drugs.includes('melphalan') || !drugs.every((g) => CONDITIONING_AGENTS.has(g))) return false;
  return records.procedures.some((p) => (p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct') && p.date >= c.start && daysBetween(c.start, p.date) <= CONDITIONING_MAX_DAYS);
}

export function linesOfTherapy(records: ClinicalRecords, asOf: string, s: ProfileSettings, progressionDates: readonly string[] = []): LineOfTherapy[] {
  const courses = records.medications.filter((c) => !NON_LINE_INTENTS.has(c.intent) && antiMyelomaGenerics(c).length > 0 && !mobilization(records, c));
  const procedures = records.procedures.filter((p) => p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct' || p.kind === 'car-t-infusion');
  // Conditioning belongs to the SCT it precedes (a later ASCT's melphalan is not part of the line before it).
  const sctFor = new Map<MedicationCourse, ProcedureRecord>();
  for (const c of courses) {
    if (!conditioning(records, c)) continue;
    const sct = procedures.find((p) => p.kind !== 'car-t-infusion' && p.date >= c.start && daysBetween(c.start, p.date) <= CONDITIONING_MAX_DAYS);
    if (sct) sctFor.set(c, sct);
  }
  const items: Item[] = [
    ...courses.filter((c) => !sctFor.has(c)).map((c) => ({ date: c.start, order: 0, course: c })),
    ...procedures.map((p) => ({ date: p.date, order: 1, procedure: p })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const lymphodepletion = (c: MedicationCourse): boolean => lymphodepletionUnnamed(records, c);
  // Therapy started between a CAR-T apheresis (one followed by a CAR-T infusion within bridgingWindowDays, no SCT
  // between them) and that infusion is bridging, intent or not (domain.md §3 step 5: part of the CAR-T line).
  // (A record of a regimen already running before the apheresis, the next cycle of it, is that regimen going on.)
  const nonSteroid = (x: MedicationCourse): string[] => antiMyelomaGenerics(x).filter((g) => !isSteroid(g));
  const continuesFrom = (c: MedicationCourse, day: string): boolean =>
    records.medications.some((x) => x !== c && x.start < day && (x.end === null || daysBetween(x.end, c.start) <= s.regimenGroupingWindowDays) && nonSteroid(c).length > 0 && nonSteroid(c).every((g) => nonSteroid(x).includes(g)));
  const afterCarTApheresis = (c: MedicationCourse): boolean =>
    c.intent === null &&
    records.procedures.some(
      (a) =>
        a.kind === 'apheresis' &&
        a.date <= c.start &&
        !continuesFrom(c, a.date) &&
        procedures.some(
          (i) =>
            i.kind === 'car-t-infusion' &&
            i.date > c.start &&
            daysBetween(a.date, i.date) <= s.bridgingWindowDays &&
            !procedures.some((t) => t.kind !== 'car-t-infusion' && t.date >= a.date && t.date <= i.date),
        ),
    );
  const carTPrep = (c: MedicationCourse): boolean => CAR_T_PREP.has(c.intent) || lymphodepletion(c) || afterCarTApheresis(c);
  /** Where a CAR-T preparation is measured from: recorded as bridging, its last dose when known (a long wait for the product; story35 S16); else its start. */
  const prepFrom = (c: MedicationCourse): string => (c.intent === 'bridging' && c.end !== null && c.endUnknown !== true ? c.end : c.start);
  /** A CAR-T preparation with an infusion ahead: from its start, or from its last dose when recorded as bridging (one ending after the infusion: from its start; rev36 L01). */
  const carTPrepAhead = (c: MedicationCourse): boolean => carTPrep(c) && (carTAhead(c.start) || carTAhead(prepFrom(c)));

  const lines: LineOfTherapy[] = [];
  let line: LineOfTherapy | null = null;
  let regimenStart = '';
  let carTPending = false; // the current line was opened by bridging/lymphodepletion and awaits its infusion
  // Each SCT with whether it was the plan's tandem (one per plan: a third transplant is never the second of a plan; lot37 D4-16).
  const scts: { date: string; tandem: boolean }[] = [];

  const open = (date: string, openedBy: LineOfTherapy['openedBy']): LineOfTherapy => {
    const l: LineOfTherapy = { number: lines.length + 1, start: date, end: null, generics: [], classes: [], regimens: [], openedBy, transplants: [], courses: [], reasonForChange: null, reasonForChangeBasis: '', reviewFlags: [], provenance: [] };
    line = l;
    lines.push(l);
    regimenStart = date;
    carTPending = false;
    // A steroid bridge after the previous line ended belongs to the treatment it led into, which starts with it
    // (a bridge given long before, more than treatmentHoldMaxDays after its last dose, belongs to no line).
    const bridge = pendingSteroids.filter((c) => c.end === null || daysBetween(c.end, date) <= s.treatmentHoldMaxDays);
    pendingSteroids = [];
    for (const c of bridge) {
      add(l, c);
      if (c.start < l.start) l.start = c.start;
    }
    return l;
  };
  /** Courses of an earlier line still running when this one opened by adding to them (Rd, then daratumumab: D-Rd). */
  const carried = new Map<LineOfTherapy, MedicationCourse[]>();
  /** `before`: only the courses that began before that day, and no steroid-only course (measuring a regimen's own doses). */
  const lastDoseOf = (l: LineOfTherapy, before?: string): string | null => {
    let last: string | null = null;
    for (const list of [l.courses, carried.get(l)]) {
      if (list === undefined) continue;
      for (const c of list) {
        if (before !== undefined && (isSteroidOnly(c.generics) || c.start >= before)) continue;
        if (c.end === null) return null;
        if (last === null || c.end > last) last = c.end;
      }
    }
    // A line of procedures only (an SCT, a CAR-T infusion) is over on its last procedure.
    return last ?? l.transplants.at(-1)?.date ?? null;
  };
  /** The new line takes on the agents of the current one that are still running on its first day. */
  const carryOver = (from: LineOfTherapy, to: LineOfTherapy, day: string): void => {
    // Still running beyond the grouping window: a course whose record ends within it was being switched, not added to.
    const running = [...from.courses, ...(carried.get(from) ?? [])].filter((x) => x.end === null || daysBetween(day, x.end) > s.regimenGroupingWindowDays);
    if (running.length === 0) return;
    carried.set(to, running);
    for (const x of running) for (const g of antiMyelomaGenerics(x)) if (!to.generics.includes(g)) to.generics.push(g);
    // The records it carries are among those it was derived from (rev34b B4).
    for (const x of running) if (!to.provenance.includes(x.eventId)) to.provenance.push(x.eventId);
  };
  /** A progression on the line's therapy on or before `day`: after the line began (later than `earlyProgressionDays`: not the one that prompted it). */
  // After a CAR-T infusion of the line, however soon, a progression is the product's (as `inEffectOn` reads it).
  const infusedBefore = (l: LineOfTherapy, d: string): boolean => l.transplants.some((t) => t.kind === 'car-t-infusion' && t.date < d);
  const progressedSince = (l: LineOfTherapy, day: string): string | undefined =>
    progressionDates.find((d) => d > l.start && d <= day && (daysBetween(l.start, d) > s.earlyProgressionDays || infusedBefore(l, d)));
  /** Responses recorded after `from` and on or before `to`. */
  // A response (MR or better; stable disease is none) recorded between two days.
  const respondedBetween = (from: string, to: string): boolean => records.responses.some((r) => r.date > from && r.date <= to && RESPONSE_RANK[r.category] >= RESPONSE_RANK.MR);
  /** Steroid courses given after a line ended with a progression, waiting for the regimen they lead into. */
  let pendingSteroids: MedicationCourse[] = [];
  const add = (l: LineOfTherapy, c: MedicationCourse): void => {
    // A steroid held back after a progression goes with the therapy that follows it, also when that therapy goes on in this line.
    if (pendingSteroids.length > 0 && !isSteroidOnly(antiMyelomaGenerics(c))) {
      const held = pendingSteroids;
      pendingSteroids = [];
      for (const x of held) add(l, x);
    }
    l.courses.push(c);
    l.provenance.push(c.eventId);
    for (const g of antiMyelomaGenerics(c)) if (!l.generics.includes(g)) l.generics.push(g);
    if (c.regimen && !l.regimens.includes(c.regimen)) l.regimens.push(c.regimen);
  };
  const carTAhead = (from: string): boolean =>
    procedures.some((p) => p.kind === 'car-t-infusion' && p.date >= from && daysBetween(from, p.date) <= s.bridgingWindowDays);

  for (const item of items) {
    const current = line as LineOfTherapy | null;
    if (item.procedure) {
      const p = item.procedure;
      if (p.kind === 'car-t-infusion') {
        const l = current && carTPending ? current : open(p.date, 'car-t');
        carTPending = false;
        l.transplants.push({ kind: p.kind, date: p.date, plannedTandem: false });
        if (p.product && !l.generics.includes(p.product)) l.generics.push(p.product);
        l.provenance.push(p.eventId);
        continue;
      }
      const previous = scts.at(-1);
      const previousSct = previous?.date;
      // A planned tandem is the second SCT of the plan: within plannedTandemMaxDays of the first and with no progression
      // between them (one after the first SCT makes the second salvage, whatever the plan said).
      const progressedAfterPrevious = previousSct !== undefined && progressionDates.some((d) => d > previousSct && d <= p.date);
      const tandem =
        p.plannedTandem && previousSct !== undefined && !previous!.tandem && daysBetween(previousSct, p.date) <= s.plannedTandemMaxDays && !progressedAfterPrevious;
      scts.push({ date: p.date, tandem });
      let l: LineOfTherapy;
      if (p.kind === 'allogeneic-sct' && !tandem) {
        l = open(p.date, 'allogeneic-sct');
        if (p.plannedTandem && progressedAfterPrevious) l.reviewFlags.push(`allogeneic SCT marked planned tandem, but the disease progressed after the first SCT (${previousSct})`);
      } else if (previousSct === undefined) {
        // The first SCT continues the line (induction → ASCT), unless the disease progressed in the line before it: then it is salvage.
        l = current && progressedSince(current, p.date) === undefined ? current : open(p.date, current ? 'new-regimen-after-discontinuation' : 'first-treatment');
      } else if (tandem) {
        l = current!;
        // The 2015 consensus keeps any planned tandem in the line; domain.md §3's algorithm opens a line on every allo-SCT.
        if (p.kind === 'allogeneic-sct') l.reviewFlags.push(`allogeneic SCT ${p.date} kept in the line as a planned tandem (auto → allo, ${daysBetween(previousSct, p.date)} days after the first SCT)`);
      } else {
        l = open(p.date, 'second-sct');
        if (p.plannedTandem)
          l.reviewFlags.push(
            progressedAfterPrevious
              ? `second SCT marked planned tandem, but the disease progressed after the first SCT (${previousSct})`
              : `second SCT marked planned tandem but ${daysBetween(previousSct, p.date)} days after the first (> ${s.plannedTandemMaxDays})`,
          );
      }
      l.transplants.push({ kind: p.kind, date: p.date, plannedTandem: p.plannedTandem });
      l.provenance.push(p.eventId);
      for (const [c, sct] of sctFor) if (sct === p) add(l, c);
      continue;
    }

    const c = item.course!;
    const generics = antiMyelomaGenerics(c);
    if (!current) {
      const l = open(c.start, carTPrepAhead(c) ? 'car-t' : 'first-treatment');
      carTPending = l.openedBy === 'car-t';
      add(l, c);
      continue;
    }
    if (conditioning(records, c)) {
      add(current, c);
      continue;
    }
    if (carTPrepAhead(c)) {
      if (carTPending) add(current, c);
      else {
        const l = open(c.start, 'car-t');
        carTPending = true;
        add(l, c);
      }
      continue;
    }
    if (carTPending) {
      add(current, c);
      current.reviewFlags.push(`${c.original} started between bridging and CAR-T infusion`);
      continue;
    }
    // A line of corticosteroids alone that is a lead-in (the regimen follows within treatmentHoldMaxDays of its
    // start, while it runs or right after it, with no progression or response in between) is joined by the
    // regimen: the steroid joins the regimen, not the other way round.
    // A response recorded on the steroid alone makes it a line of its own, however soon the regimen follows.
    let respondedOnSteroid = false;
    if (isSteroidOnly(current.generics) && current.transplants.length === 0 && !isSteroidOnly(generics)) {
      const last = lastDoseOf(current);
      respondedOnSteroid = respondedBetween(current.start, c.start);
      const leadIn = daysBetween(current.start, c.start) <= s.treatmentHoldMaxDays && !respondedOnSteroid;
      if (leadIn && (last === null || daysBetween(last, c.start) <= s.regimenGroupingWindowDays) && progressedSince(current, c.start) === undefined) {
        add(current, c);
        regimenStart = c.start;
        continue;
      }
    }
    // Corticosteroids join the surrounding regimen: adding, dropping or swapping one never changes the line.
    const sameAgents = generics.every((g) => isSteroid(g) || current.generics.includes(g));
    // Agents starting within the grouping window join the regimen (staggered starts), unless they replace
    // one that had stopped for good by then (not continued by any course): a substitution, rule 2.
    // (A course whose last dose is the new agent's first day stopped for it: switched that day, v13, rev34b B2.)
    const continued = new Set([...generics, ...current.courses.filter((x) => x.end === null || x.end > c.start).flatMap(antiMyelomaGenerics)]);
    // Given again within a hold (the next dose of a per-dose record, a short break): not stopped for good.
    // (The next record may begin on the day the last ended: a drug recorded cycle by cycle; rev35 L01.)
    const resumed = (g: string, after: string, ...of: MedicationCourse[]): boolean =>
      courses.some((y) => !of.includes(y) && y.start >= after && daysBetween(after, y.start) <= s.treatmentHoldMaxDays && antiMyelomaGenerics(y).includes(g));
    const regimenRunsOn = (x: MedicationCourse): boolean => current.courses.some((y) => y !== x && y.endUnknown !== true && (y.end === null || y.end > c.start));
    // (Conditioning belongs to its transplant: no agent of the regimen that another replaced; rev34b B3.)
    const substitution =
      !sameAgents &&
      // (A course begun the same day is no regimen it replaced: per-drug records of one regimen, each stopped without its end; story35 S19.)
      // (A course stopped on a day not known, while another record of its regimen still runs, is not known to have stopped
      // before this one began: a partner's staggered start; stat37 YB1. A regimen record stopped so, with nothing of it
      // running on, had stopped by then: rev34b B9.)
      current.courses.some((x) => x.end !== null && !(x.endUnknown === true && regimenRunsOn(x)) && x.start < c.start && x.end <= c.start && !conditioning(records, x) && antiMyelomaGenerics(x).some((g) => !isSteroid(g) && !continued.has(g) && !resumed(g, x.end!, x)));
    // A progression in between makes a new agent salvage, even inside the window (rule 2: an addition for progression).
    // Therapy begun after the line's CAR-T infusion is no staggered start of a regimen (bridging and lymphodepletion
    // come before it): an addition (rule 2), unless planned (consolidation, maintenance: below) or steroids alone.
    // (The next record of therapy already begun after the infusion, a cycle or a dose change of it, is that therapy going on.)
    const infusion = current.transplants.filter((t) => t.kind === 'car-t-infusion' && t.date < c.start).at(-1)?.date;
    const since = infusion === undefined ? [] : current.courses.filter((x) => x.start > infusion).flatMap(antiMyelomaGenerics);
    const afterInfusion = !isSteroidOnly(generics) && infusion !== undefined && !generics.every((g) => isSteroid(g) || since.includes(g));
    if (daysBetween(regimenStart, c.start) <= s.regimenGroupingWindowDays && !substitution && !respondedOnSteroid && !afterInfusion && (sameAgents || progressedSince(current, c.start) === undefined)) {
      add(current, c);
      continue;
    }
    if (isSteroidOnly(generics)) {
      // A steroid course once the line's agents have stopped and the disease has progressed is not part of the line
      // that ended, nor a line of its own (steroid-only changes open none): it joins the treatment that follows it.
      // The progression may come after the last dose, on it, or while the agents were still given (the usual chart:
      // progression found at an assessment, therapy stopped days later), or the last course stopped for progression.
      // So is one begun more than treatmentHoldMaxDays after the line's last dose, with no progression on record: a
      // treatment-free interval ended, not the line going on (rev34b B6).
      const last = lastDoseOf(current);
      const stoppedForProgression = last !== null && current.courses.some((x) => (x.end === last || stopMayBeLast(current, x)) && x.reasonStopped === 'progression');
      const afterInterval = last !== null && daysBetween(last, c.start) > s.treatmentHoldMaxDays;
      if (last !== null && last < c.start && (stoppedForProgression || afterInterval || progressedSince(current, c.start) !== undefined)) pendingSteroids.push(c);
      else add(current, c);
      continue;
    }
    const lineClasses = new Set(current.generics.flatMap((g) => classesOf(g)));
    const newClasses = generics.flatMap((g) => classesOf(g)).filter((k) => k !== 'CORTICOSTEROID' && !lineClasses.has(k));
    const lastSct = current.transplants.filter((t) => t.kind === 'autologous-sct').at(-1)?.date;
    // Therapy started after a progression within this line is salvage, never the planned sequence's next
    // step, whatever intent was recorded ([S1]: treatment needed after progression starts a new line).
    const progressedInLine = progressedSince(current, c.start);
    const assumedPostTransplant =
      c.intent === null && lastSct !== undefined && c.start >= lastSct && daysBetween(lastSct, c.start) <= s.postTransplantContinuationDays && progressedInLine === undefined;
    if (assumedPostTransplant) current.reviewFlags.push(`${c.original} started ${daysBetween(lastSct, c.start)} days after ASCT with no intent recorded: taken as planned consolidation/maintenance`);
    if (PLANNED_CONTINUATION.has(c.intent) && progressedInLine !== undefined) {
      current.reviewFlags.push(`${c.original} recorded as ${c.intent} but started after progression on ${progressedInLine}: not taken as planned`);
    }
    if ((PLANNED_CONTINUATION.has(c.intent) && progressedInLine === undefined) || assumedPostTransplant) {
      // The planned sequence (induction → ASCT → consolidation → maintenance) is one line, even when
      // maintenance uses another agent (VD → ASCT → lenalidomide maintenance: one line). Adding a new
      // class to maintenance already under way is an unplanned addition.
      // Maintenance under way: an agent of it given on that day, or given again within a hold after its latest course
      // before then (the next cycle of one sent cycle by cycle: a week off is no stop).
      const maintenanceBefore = current.courses.filter((x) => x.intent === 'maintenance' && x.start < c.start);
      const maintenanceAgents = new Set(maintenanceBefore.flatMap((x) => antiMyelomaGenerics(x)).filter((g) => !isSteroid(g)));
      const agentGoesOn = (g: string): boolean => {
        const own = maintenanceBefore.filter((x) => antiMyelomaGenerics(x).includes(g));
        // (Stopped on the day the other begins is stopped for it, as in rule 2's substitution above; lot37 B08.)
        if (own.some((x) => x.end === null || x.end > c.start)) return true;
        const latestEnd = own.reduce((e, x) => (x.end! > e ? x.end! : e), '');
        // (A single-day record, or one stopped without its end, is not given again by itself; lot37 C3-02, C3-21.)
        return resumed(g, latestEnd, ...own.filter((x) => x.end === latestEnd));
      };
      const maintenanceOngoing = [...maintenanceAgents].some(agentGoesOn);
      if (maintenanceOngoing && newClasses.length > 0) {
        const l = open(c.start, 'unplanned-addition-or-switch');
        carryOver(current, l, c.start);
        l.reviewFlags.push(`${c.intent} adds class(es) ${[...new Set(newClasses)].join(', ')} to ongoing maintenance: counted as an unplanned addition`);
        add(l, c);
        continue;
      }
      // Maintenance under way, stopped, and another agent taken up as maintenance (lenalidomide stopped for toxicity,
      // pomalidomide in its place): a substitution for any reason (rule 2), not the planned sequence.
      const substituted = generics.filter((g) => !isSteroid(g) && !maintenanceAgents.has(g));
      if (c.intent === 'maintenance' && maintenanceAgents.size > 0 && !maintenanceOngoing && substituted.length > 0) {
        const l = open(c.start, 'unplanned-addition-or-switch');
        carryOver(current, l, c.start);
        l.reviewFlags.push(`maintenance with ${substituted.join(', ')} after ${[...maintenanceAgents].join(', ')} maintenance stopped: counted as a substitution`);
        add(l, c);
        continue;
      }
      const gap = lastDoseOf(current);
      if (gap !== null && daysBetween(gap, c.start) > s.treatmentHoldMaxDays && current.transplants.length === 0) {
        current.reviewFlags.push(`${c.intent ?? 'post-transplant therapy'} started ${daysBetween(gap, c.start)} days after the last dose without a transplant in between`);
      }
      // Recorded as planned, but long after the transplant: an unplanned gap (domain §3 step 5: a rule and an audit flag).
      if (lastSct !== undefined && c.start >= lastSct && daysBetween(lastSct, c.start) > s.postTransplantContinuationDays) {
        current.reviewFlags.push(`${c.intent ?? 'post-transplant therapy'} started ${daysBetween(lastSct, c.start)} days after ASCT (> ${s.postTransplantContinuationDays}): kept in the line as planned`);
      }
      const newAgents = generics.filter((g) => !isSteroid(g) && !current.generics.includes(g));
      if (newClasses.length > 0) current.reviewFlags.push(`${c.intent ?? 'post-transplant therapy'} introduces class(es) ${[...new Set(newClasses)].join(', ')}: kept in the line as planned`);
      else if (newAgents.length > 0) current.reviewFlags.push(`${c.intent ?? 'post-transplant therapy'} introduces ${newAgents.join(', ')}: kept in the line as planned`);
      add(current, c);
      continue;
    }
    // After the line's CAR-T infusion (the line's last therapy), anything else is a line of its own, a bridging agent
    // taken up again too: no hold or re-start of the regimen before the infusion.
    if (afterInfusion) {
      add(open(c.start, 'new-regimen-after-discontinuation'), c);
      continue;
    }
    const lastDose = lastDoseOf(current);
    const active = lastDose === null || lastDose >= c.start;
    if (active) {
      // An agent dropped from the regimen (no dose within a hold) and given again after a progression in the line is
      // an addition for progression (rule 2), not the regimen going on.
      const given = [...current.courses, ...(carried.get(current) ?? [])];
      const earlier = (g: string) => given.filter((x) => x.start <= c.start && antiMyelomaGenerics(x).includes(g));
      const recentlyGiven = (g: string): boolean => earlier(g).some((x) => x.end === null || daysBetween(x.end, c.start) <= s.treatmentHoldMaxDays);
      // The progression after the drug's last earlier dose (one before it was dropped did not prompt taking it up again).
      const progressedSinceDropped = (g: string): boolean => {
        const lastGiven = earlier(g).reduce((d, x) => (x.end !== null && x.end > d ? x.end : d), '');
        return progressionDates.some((d) => d > lastGiven && d <= c.start && daysBetween(current.start, d) > s.earlyProgressionDays);
      };
      const readded = progressedInLine !== undefined ? generics.filter((g) => !isSteroid(g) && !recentlyGiven(g) && progressedSinceDropped(g)) : [];
      if (sameAgents && readded.length > 0) {
        const l = open(c.start, 'unplanned-addition-or-switch');
        add(l, c);
        carryOver(current, l, c.start);
        l.reviewFlags.push(`${readded.join(', ')} given again after progression on ${progressedInLine}: counted as an addition for progression`);
      } else if (sameAgents) add(current, c);
      else {
        const l = open(c.start, 'unplanned-addition-or-switch');
        add(l, c);
        carryOver(current, l, c.start);
      }
      continue;
    }
    const gap = daysBetween(lastDose, c.start);
    // The regimen as it was when it stopped: the agents given within `treatmentHoldMaxDays` before the last dose. An agent
    // the line had dropped long before (bortezomib of a VRd induction, after lenalidomide maintenance) is not the
    // regimen resumed: a different regimen after discontinuation (rule 1).
    const given = [...current.courses, ...(carried.get(current) ?? [])];
    const lastRegimen = new Set(given.filter((x) => x.end !== null && daysBetween(x.end, lastDose) <= s.treatmentHoldMaxDays).flatMap(antiMyelomaGenerics));
    const sameRegimen = generics.every((g) => isSteroid(g) || lastRegimen.has(g));
    // A short break is a treatment hold, unless the disease progressed during it: then the same regimen
    // again is re-treatment after a treatment-free interval and progression, a new line ([S1]). The next dose
    // within `earlyProgressionDays` is no treatment-free interval: the same therapy going on; nor is the next dose of
    // a schedule sent dose by dose or cycle by cycle (a gap no longer than the longest between its records before,
    // plus `scheduleSlipDays`): a dosing interval, not an observation period off therapy.
    // (A progression dated on the last dose counts when the course stopped for it.)
    // A course stopped for progression is progression off therapy, also when it was documented before the last dose.
    const stoppedForProgression = current.courses.some((x) => (x.end === lastDose || stopMayBeLast(current, x)) && x.reasonStopped === 'progression');
    // A progression in the course's last `earlyProgressionDays` (found at an assessment, therapy stopped days later, the
    // stop reason not recorded) is the progression it stopped for too (lot32 R04/R05).
    const stoppedDaysAfterProgression = progressionDates.some((d) => d <= lastDose && daysBetween(d, lastDose) <= s.earlyProgressionDays && daysBetween(current.start, d) > s.earlyProgressionDays);
    const progressedOff = stoppedForProgression || stoppedDaysAfterProgression || progressionDates.some((d) => d > lastDose && d <= c.start);
    // The schedule: the interval before the last dose day of these agents (records starting on one day are one dose day,
    // the interval from the latest end before it), not across a transplant, within `treatmentHoldMaxDays` (beyond the
    // grouping window, longer than that dose day's records: a break between long courses is a hold), and, after earlier intervals, within
    // `scheduleSlipDays` of one of them or of a multiple (every 2 weeks, then every 4): a hold is no schedule.
    const onSchedule = (): boolean => {
      const records = given.filter((x) => x.end !== null && antiMyelomaGenerics(x).some((g) => !isSteroid(g) && generics.includes(g)));
      const days = [...new Set(records.map((x) => x.start))].sort();
      const intervals: number[] = [];
      for (let i = 1; i < days.length; i++) {
        const before = records.filter((x) => x.start < days[i]!).reduce((e, x) => (x.end! > e ? x.end! : e), '');
        intervals.push(Math.max(0, daysBetween(before, days[i]!)));
      }
      const interval = intervals.at(-1);
      if (interval === undefined || interval > s.treatmentHoldMaxDays) return false;
      const lastDay = days.at(-1)!;
      const before = records.filter((x) => x.start < lastDay).reduce((e, x) => (x.end! > e ? x.end! : e), '');
      if (current.transplants.some((t) => t.date >= before && t.date <= lastDay)) return false;
      if (interval > s.regimenGroupingWindowDays && records.some((x) => x.start === lastDay && daysBetween(x.start, x.end!) >= interval)) return false;
      const earlier = intervals.slice(0, -1);
      if (earlier.length > 0 && !earlier.some((e) => [1, 2, 3, 4].some((k) => Math.abs(interval - k * e) <= s.scheduleSlipDays || Math.abs(e - k * interval) <= s.scheduleSlipDays))) return false;
      return gap <= interval + s.scheduleSlipDays;
    };
    if (sameRegimen && gap <= s.treatmentHoldMaxDays && (!progressedOff || (!stoppedForProgression && (gap <= s.earlyProgressionDays || onSchedule())))) {
      add(current, c);
      continue;
    }
    // Every agent of the regimen as it stopped, and more, within the grouping window: agents added to it (rule 2), however the
    // chart bundled the records (a cycle sent as one D-KRd record after KRd cycles).
    const extended = !sameRegimen && gap <= s.regimenGroupingWindowDays && [...lastRegimen].filter((g) => !isSteroid(g)).every((g) => generics.includes(g)) && [...lastRegimen].some((g) => !isSteroid(g));
    add(open(c.start, sameRegimen ? 'retreatment-after-treatment-free-interval' : extended ? 'unplanned-addition-or-switch' : 'new-regimen-after-discontinuation'), c);
  }

  // A line is ≥1 complete cycle (Rajkumar 2015): a regimen given over fewer than `minLineDays` days (first and last dose
  // days counted; no complete cycle recorded, not stopped for progression, no progression from its start to the
  // first `earlyProgressionDays` of the next) and replaced within the grouping window is no line of its own: it joins
  // the line that follows, as exposure (flagged). From the last pair back, so that a chain of such regimens joins the
  // regimen that lasted, each measured by its own doses: its courses other than steroids alone, begun before the next
  // regimen (a steroid course before it or going on into the next, a dose of the next regimen's first day sorted
  // into this one, or a course of it going on to that day, does not lengthen it: steroid-only changes never make a
  // line, domain §3).
  for (let i = lines.length - 2; i >= 0; i--) {
    const short = lines[i]!;
    const next = lines[i + 1]!;
    const own = short.courses.filter((c) => !isSteroidOnly(c.generics) && c.start < next.start);
    const lastDose = own.length > 0 ? lastDoseOf(short, next.start) : lastDoseOf(short);
    // A course going on to the next regimen's first day ends the day before it, as the line does (v14).
    const last = lastDose !== null && own.length > 0 && lastDose >= next.start ? addDays(next.start, -1) : lastDose;
    const first = own.length > 0 ? own.reduce((d, c) => (c.start < d ? c.start : d), own[0]!.start) : short.start;
    if (
      s.minLineDays <= 0 ||
      last === null ||
      short.transplants.length > 0 ||
      short.openedBy === 'car-t' ||
      next.openedBy === 'car-t' ||
      next.openedBy === 'second-sct' ||
      next.openedBy === 'allogeneic-sct' ||
      short.courses.length === 0 ||
      daysBetween(first, last) + 1 >= s.minLineDays ||
      daysBetween(last, next.start) > s.regimenGroupingWindowDays ||
      // (A course stopped without its end recorded is not known to be under a cycle: its last dose is not known; rev34b B9.)
      short.courses.some((c) => (c.cycles ?? 0) >= 1 || c.reasonStopped === 'progression' || c.endUnknown === true) ||
      progressionDates.some((d) => d > short.start && d <= addDays(next.start, s.earlyProgressionDays))
    )
      continue;
    next.reviewFlags.push(`${short.regimens.join(' + ') || short.generics.join(' + ')} stopped ${daysBetween(first, last)} days after its first dose (under one cycle), replaced on ${next.start}: not a line of its own (a line is at least one complete cycle), joined to the line that follows`);
    next.start = short.start;
    next.openedBy = short.openedBy;
    next.courses.unshift(...short.courses);
    next.generics.push(...short.generics.filter((g) => !next.generics.includes(g)));
    next.regimens.unshift(...short.regimens.filter((r) => !next.regimens.includes(r)));
    next.provenance.unshift(...short.provenance);
    next.reviewFlags.unshift(...short.reviewFlags);
    lines.splice(i, 1);
  }
  lines.forEach((l, i) => (l.number = i + 1));

  lines.forEach((l, i) => {
    l.end = lastDoseOf(l);
    const lastProcedure = l.transplants[l.transplants.length - 1]?.date;
    if (lastProcedure && (l.courses.length === 0 || (l.end !== null && lastProcedure > l.end))) l.end = lastProcedure;
    // A line is over when the next begins (agents it hands on to it, D-Rd after Rd, go on in that one).
    const next = lines[i + 1];
    if (next && (l.end === null || l.end >= next.start)) l.end = next.start > l.start ? addDays(next.start, -1) : l.start;
    l.generics.sort();
    l.classes = [...new Set(l.generics.flatMap((g) => classesOf(g)))].sort();
  });
  lines.forEach((l, i) => Object.assign(l, reasonForChange(l, lines[i + 1], progressionDates, s, carried.get(l) ?? [], lines[i + 1] ? (carried.get(lines[i + 1]!) ?? []) : [])));
  void asOf;
  return lines;
}

/** A line's courses stopped for several reasons on its last day: the one that says most about the disease first. */
const STOP_REASON_ORDER: readonly ReasonStopped[] = ['progression', 'toxicity', 'patient-choice', 'other', 'completed'];

/**
 * A course of the line recorded as stopped without its end (v16): its stop may have been the line's last (its last dose
 * is not known), unless the line went on past it to a transplant or a planned next step (consolidation, maintenance)
 * begun after it (lot35 B24-B37).
 */
function stopMayBeLast(l: LineOfTherapy, c: MedicationCourse): boolean {
  return c.endUnknown === true && !l.transplants.some((t) => t.date > c.start) && !l.courses.some((o) => o.start > c.start && PLANNED_CONTINUATION.has(o.intent));
}

function reasonForChange(l: LineOfTherapy, next: LineOfTherapy | undefined, progressionDates: readonly string[], s: ProfileSettings, carriedIn: readonly MedicationCourse[], handedOn: readonly MedicationCourse[]): Pick<LineOfTherapy, 'reasonForChange' | 'reasonForChangeBasis'> {
  if (!next && l.end === null) return { reasonForChange: null, reasonForChangeBasis: 'ongoing' };
  // A progression in a line's first days prompted it and belongs to the line before (earlyProgressionDays), but one
  // after a CAR-T infusion, however soon, is the product's.
  const infused = (x: LineOfTherapy): string[] => x.transplants.filter((t) => t.kind === 'car-t-infusion').map((t) => t.date);
  const nextInfusion = next ? infused(next)[0] : undefined;
  const early = addDays(next ? next.start : l.end!, s.earlyProgressionDays);
  const until = nextInfusion !== undefined && nextInfusion < early ? nextInfusion : early;
  const own = (d: string): boolean => daysBetween(l.start, d) > s.earlyProgressionDays || infused(l).some((i) => i < d);
  const progression = progressionDates.find((d) => d > l.start && own(d) && d <= until);
  if (progression !== undefined) return { reasonForChange: 'progression', reasonForChangeBasis: `progression ${progression}${next ? ` before line ${next.number}` : ''}` };
  // Its courses and those it carries on from the line before (D-Rd after Rd), stopped while it was in effect: one handed on
  // to the next line stopped in that one (rev34b B1).
  const stopped = [...l.courses, ...carriedIn].filter((c) => c.end !== null && !handedOn.includes(c) && antiMyelomaGenerics(c).some((g) => !isSteroid(g)));
  const lastStop = stopped.reduce((d, c) => (c.end! > d ? c.end! : d), '');
  const reasons = new Set(stopped.filter((c) => c.end === lastStop || stopMayBeLast(l, c)).map((c) => c.reasonStopped));
  const recorded = STOP_REASON_ORDER.find((r) => reasons.has(r));
  if (recorded !== undefined) return { reasonForChange: recorded, reasonForChangeBasis: `stopped ${lastStop}: ${recorded} (as recorded)` };
  return { reasonForChange: null, reasonForChangeBasis: next ? `not recorded (line ${next.number} began ${next.start})` : `not recorded (over on ${l.end})` };
}
