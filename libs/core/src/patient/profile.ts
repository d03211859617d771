import { currentRevisions, type Superseded } from './revisions';
import type { DrugClass } from '../terminology/drug-classes';
import { classesOf } from '../terminology/drug-catalog';
import type { LabName } from '../terminology/labs';
import { ageOn } from './age';
import { readClinicalRecords, RESPONSE_RANK, type ClinicalRecords, type LabRecord, type ProfileSourceEvent, type ResponseCategory, type Unmapped } from './clinical-events';
import { atLeastMR, diseaseStatus, fellBetween, progressionEpisodeStart, progressionEvents, progressionSeries, relapseFromCr, type DiseaseStatus, type ProgressionEvent } from './disease-status';
import { classExposures, drugExposures, stoppedWithoutEndBy, withDocumentation, type ClassExposure, type DrugExposure } from './exposure';
import { creatinineClearance, estimatedGfr, latestLabs, type CreatinineClearance, type EstimatedGfr, type LatestLab } from './labs';
import { antiMyelomaGenerics, inEffectOn, isSteroid, linesOfTherapy, type LineOfTherapy } from './lines-of-therapy';
import { allAssessments, computedResponse, higherCategory, type ComputedResponse, type CouldBe } from './response';
import { clinicalRelapse, significantBiochemicalRelapse, type BiochemicalRelapseCriterion, type ClinicalRelapseSign, type RelapseIndicator } from './relapse';
import { cytogeneticRisk, type CytogeneticRisk } from './cytogenetics';
import { staging, type Staging } from './staging';
import { addDays, daysBetween, DEFAULT_SETTINGS, settingsLabel, type ProfileSettings } from './settings';

export type { ProfileSourceEvent } from './clinical-events';
export { ageOn } from './age';

export interface ProfileFlags {
  doubleRefractory: boolean;
  tripleClassExposed: boolean;
  tripleClassRefractory: boolean;
  pentaExposed: boolean;
  pentaRefractory: boolean;
  primaryRefractory: boolean;
  relapsedAndRefractory: boolean;
  /** IMWG 2011 relapsed: progressed after treatment began, neither primary refractory nor relapsed-and-refractory (absent in profiles derived before it was kept). */
  relapsed: boolean;
  refractoryToLastLine: boolean;
  priorBcmaCarT: boolean;
  priorBcmaBispecific: boolean;
  priorBcmaAdc: boolean;
  priorBcmaDirected: boolean;
  priorGprc5dDirected: boolean;
  priorFcrh5Directed: boolean;
  priorTCellEngager: boolean;
  priorAutologousSct: boolean;
  priorAllogeneicSct: boolean;
}

/** A transfusion or a course of a supportive agent (PatientProfile.supportiveCare). */
export interface SupportiveCare {
  kind: 'transfusion' | 'agent';
  what: string;
  start: string;
  end: string | null;
  /** Recorded as stopped without its end (`end` is then its start): its last day is not known (lab37 D01). */
  endUnknown?: true;
  provenance: string[];
}

/** One record of a condition as the profile keeps it (conditions[kind].records). */
export interface ConditionEntry {
  date: string;
  status: string;
  grade: number | null;
  eventId: string;
  /** Peripheral neuropathy: sensory, motor or mixed. */
  type?: string;
  /** When it began, when given apart from the record's date. */
  onset?: string;
  /** When it ended, when given (a resolved or past condition). */
  resolved?: string;
  /** Resolved or past, and its date is not a day by which it had ended. */
  endUnknown?: true;
  /** The condition's own code: records of one kind with different codes are different conditions. */
  code?: string;
}

/**
 * Everything derived about one patient as of a date, from the whole history sorted by clinical date.
 * Each derived fact carries the events it came from (`provenance`); `settings` names the conventions used.
 */
export interface PatientProfile {
  asOf: string;
  settings: string;
  eventCount: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  demographics: { birthDate: string | null; ageYears: number | null; sex: ClinicalRecords['demographics']['sex']; weightKg: number | null };
  diagnosis: ClinicalRecords['diagnosis'];
  /** `sameTime`: other ECOG values recorded at the same time, which differ (which one is right is not known; v12). */
  ecog: { value: number; date: string; provenance: string[]; sameTime?: number[] } | null;
  linesOfTherapy: { count: number; lines: LineOfTherapy[] };
  drugs: Record<string, DrugExposure>;
  classes: Record<DrugClass, ClassExposure>;
  flags: ProfileFlags;
  disease: DiseaseStatus & {
    /** When the latest progression began: its first event, a later documentation of it aside (`progressionEpisodeStart`). */
    progressionDate: string | null;
    /**
     * The line in effect when the latest progression began (null: before any line): the latest line started more than
     * `earlyProgressionDays` before it, so a progression in a line's first days, which prompted it, is the line's before.
     * Absent in profiles derived before it was kept.
     */
    progressionLine?: number | null;
    /** The last day before a progression can be the last line's own: its start plus `earlyProgressionDays`, or its CAR-T infusion if sooner (null: no line). Absent in profiles derived before it was kept. */
    lastLineJudgedFrom?: string | null;
    /**
     * Whether the record says if MR or better was ever reached before the latest progression: a response of MR or
     * better, or an assessment other than PD before it (reported or computed). False: primary refractory, relapsed and
     * refractory, and relapsed turn on what is not on record (a progression alone says nothing of a response before it,
     * nor a response to the salvage after it),
     * and the engine reads those flags as unknown. Absent in profiles derived before settings v11.
     */
    mrEverKnown?: boolean;
    /**
     * The status flags that would differ had MR been reached or not (with `mrEverKnown` false), or had the unknown last dose
     * of the therapy before the latest progression come within refractoryWindowDays of it or not (v17): unknown to the
     * engine (absent before settings v11).
     */
    undecidedStatus?: Array<'primaryRefractory' | 'relapsedAndRefractory' | 'relapsed'>;
    /** The current response: the later of the computed and the reported one (the reported one on a tie). */
    response: {
      category: ResponseCategory;
      date: string;
      source: 'computed' | 'reported';
      confirmed: boolean;
      provenance: string[];
      /** A higher category the latest assessment shows that no second assessment confirms yet (the category above is the confirmed one). */
      awaitingConfirmation?: ResponseCategory;
      /** CR or sCR that only tests not on record keep from the response (computed responses only): see `CouldBe`. Absent in profiles derived before settings v10. */
      couldBe?: CouldBe;
      /**
       * The other categories of the same time, which differ (which is right is not known): reported at the same time
       * (v13), or, for a computed response, given by M-protein, light-chain, immunofixation or marrow values of one time
       * that differ (v14).
       */
      sameTime?: ResponseCategory[];
    } | null;
    computedResponse: ComputedResponse | null;
    /** Best response ever, reported or computed. */
    bestResponse: ResponseCategory | null;
    /** IMWG 2016 clinical relapse signs (CRAB-type), the first of each kind per line, oldest first (relapse.ts). Absent in profiles derived before it was kept. */
    clinicalRelapse?: Array<RelapseIndicator<ClinicalRelapseSign>>;
    /** IMWG significant paraprotein relapse, the first of each criterion per line, oldest first (relapse.ts). Absent in profiles derived before it was kept. */
    significantBiochemicalRelapse?: Array<RelapseIndicator<BiochemicalRelapseCriterion>>;
    /**
     * IMWG 2016 relapse from CR after the latest assessment of CR or better (reported, or computed and confirmed): the
     * M-protein back (immunofixation or electrophoresis), ≥5% marrow plasma cells, or another sign of progression (a
     * progression, a clinical relapse sign): the first such day. Null: no CR, or none since. Absent before settings v15.
     */
    relapseFromCr?: { crDate: string; date: string; basis: string; provenance: string[] } | null;
  };
  /** crcl: Cockcroft–Gault; egfrComputed: CKD-EPI 2021 from the same creatinine (absent in profiles derived before it was kept); egfr: as reported. */
  labs: Partial<Record<LabName, LatestLab>> & { crcl: CreatinineClearance | null; egfrComputed?: EstimatedGfr | null; /** What Cockcroft–Gault lacks when `crcl` is null (v15). */ crclMissing?: string[] };
  transplants: Array<{ kind: string; date: string; plannedTandem: boolean; provenance: string[] }>;
  cellTherapies: Array<{ date: string; product: string | null; provenance: string[] }>;
  /**
   * Supportive care that props up a blood count or is otherwise not anti-myeloma therapy, oldest first:
   * transfusions (`what`: platelets, red-cells, mixed, other, unspecified) and supportive agents (`what`: the
   * generic: growth factors, erythropoiesis and thrombopoiesis stimulants, bone agents, lymphodepletion
   * chemotherapy). `end` null: still given. Absent in profiles derived before it was kept.
   */
  supportiveCare?: SupportiveCare[];
  cytogenetics: CytogeneticRisk;
  /** ISS and R-ISS at diagnosis (values up to the first line's start) and now. Absent in profiles derived before settings v9. */
  staging?: { atDiagnosis: Staging; current: Staging };
  /**
   * Per condition kind, the latest record's status and grade, and over every record of the kind that
   * did not say absent: whether there was one (`ever`) and the highest grade recorded (`maxGrade`, the
   * "any history of grade ≥3" criteria).
   */
  conditions: Record<string, { status: string; date: string; grade: number | null; provenance: string[]; ever: boolean; maxGrade: number | null; maxGradeProvenance: string[]; ungradedEver?: boolean; records?: ConditionEntry[] }>;
  /** The latest imaging that reports it (`provenance` absent before settings v15). */
  extramedullaryDisease: { present: boolean; type: string | null; site?: string | null; modality?: string; date: string; provenance?: string[] } | null;
  /** The more recent of a reported condition and a circulating plasma-cell count (`date`, `provenance` absent before settings v15). */
  plasmaCellLeukemia: { present: boolean; basis: string; date?: string; provenance?: string[] } | null;
  unmapped: Unmapped[];
  /** Events not read because a later revision or a retraction replaced them (corrections; absent when none, and before settings v13). */
  superseded?: Superseded[];
}


/**
 * A course recorded as stopped for progression is a clinician's documentation of progression (IMWG 2011: progression
 * on therapy), dated on its last dose, when no progression is on record on the course (from the start of its run of
 * back-to-back records of the same agents, after the first `earlyProgressionDays`, which belong to the therapy before
 * it) up to `earlyProgressionDays` after its last dose: one there is the same progression, documented.
 */
function withStoppedForProgression(found: ProgressionEvent[], records: ClinicalRecords, s: ProfileSettings): ProgressionEvent[] {
  // (A course stopped without its end recorded: when it progressed is not known, so no progression is dated by it.)
  const stops = records.medications.filter((m) => m.reasonStopped === 'progression' && m.end !== null && m.endUnknown !== true);
  if (stops.length === 0) return found;
  const out = [...found];
  const agents = (c: (typeof stops)[number]): string[] => antiMyelomaGenerics(c).filter((g) => !isSteroid(g));
  for (const m of stops) {
    const end = m.end!;
    // On the course: from the start of its run of back-to-back records of the same agents (a regimen recorded cycle by cycle).
    let start = m.start;
    for (;;) {
      const same = (x: (typeof stops)[number]): boolean => agents(x).length > 0 && agents(x).length === agents(m).length && agents(x).every((g) => agents(m).includes(g));
      const before = records.medications.find((x) => x.start < start && x.end !== null && x.end <= start && daysBetween(x.end, start) <= s.regimenGroupingWindowDays && same(x));
      if (!before) break;
      start = before.start;
    }
    if (out.some((p) => p.date > addDays(start, s.earlyProgressionDays) && p.date <= addDays(end, s.earlyProgressionDays))) continue;
    out.push({ date: end, source: 'reported', detail: `${m.original} stopped for progression`, provenance: [m.eventId] });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function buildProfile(allEvents: readonly ProfileSourceEvent[], asOf: Date | string = new Date(), settings: ProfileSettings = DEFAULT_SETTINGS): PatientProfile {
  if (settings.responseCriteria !== 'imwg2016') throw new Error(`responseCriteria ${String(settings.responseCriteria)}: only imwg2016 is implemented`);
  const day = (typeof asOf === 'string' ? asOf : asOf.toISOString()).slice(0, 10);
  const current = currentRevisions(allEvents);
  const events = current.events.filter((e) => e.type !== 'retraction');
  const { profile, records } = derive(events, day, settings, current);
  return withComputedTies(profile, records, events, day, settings, current);
}

type Revisions = ReturnType<typeof currentRevisions>;

/** The order of one day's condition records: absent, then resolved or history, then active. */
const CONDITION_STATUS_ORDER: Readonly<Record<string, number>> = { absent: 0, resolved: 1, history: 1, active: 2 };

/** M-protein, light-chain, immunofixation and marrow results: what the computed response and progression read. */
const RESPONSE_LABS: ReadonlySet<LabName> = new Set<LabName>(['serumMProtein', 'urineMProtein', 'freeKappa', 'freeLambda', 'flcRatio', 'serumImmunofixation', 'urineImmunofixation', 'marrowPlasmaCells']);

/**
 * Values of one time that differ, among the results the computed response reads (serum or urine M-protein at one
 * visit entered twice, differently): which is right is not known (v14). The profile is derived again with the lowest
 * of each such set of values and with the highest (event ids decide nothing); a current response those would give
 * another category is kept in `response.sameTime`, as for reported responses, so a criterion they would decide
 * differently is unknown. Rare: only histories with such values pay for it.
 */
function withComputedTies(profile: PatientProfile, records: ClinicalRecords, events: readonly ProfileSourceEvent[], day: string, settings: ProfileSettings, current: Revisions): PatientProfile {
  const response = profile.disease.response;
  if (!response || response.source !== 'computed') return profile;
  // Only values from the last line's baseline on can change the current response: the latest of them on or before the
  // line's start, and everything after.
  // (Per lab: each lab's baseline is its own latest value on or before the start; rev34c B6.)
  const start = profile.linesOfTherapy.lines.at(-1)?.start;
  const fromOf = new Map<LabName, string>();
  if (start !== undefined) for (const l of records.labs) if (RESPONSE_LABS.has(l.name) && l.date <= start && l.date > (fromOf.get(l.name) ?? '')) fromOf.set(l.name, l.date);
  const groups = new Map<string, LabRecord[]>();
  for (const l of records.labs) {
    if (!RESPONSE_LABS.has(l.name) || l.date < (fromOf.get(l.name) ?? '')) continue;
    // Qualitative results (immunofixation) carry no time: those of one day are one time.
    const key = `${l.name}|${l.date}|${l.at ?? 'day'}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  const tied = [...groups.values()].filter((g) => g.some((l) => l.value !== g[0]!.value));
  if (tied.length === 0) return profile;
  const without = (pick: (g: LabRecord[]) => LabRecord): Set<string> => new Set(tied.flatMap((g) => { const kept = pick(g); return g.filter((l) => l !== kept).map((l) => l.eventId); }));
  const lowest = without((g) => g.reduce((a, b) => (b.value < a.value ? b : a)));
  const highest = without((g) => g.reduce((a, b) => (b.value > a.value ? b : a)));
  const others = new Set<ResponseCategory>(response.sameTime ?? []);
  for (const dropped of [lowest, highest]) {
    const category = derive(events.filter((e) => !dropped.has(e.eventId)), day, settings, current).profile.disease.response?.category;
    if (category !== undefined && category !== response.category) others.add(category);
  }
  if (others.size === (response.sameTime?.length ?? 0)) return profile;
  return { ...profile, disease: { ...profile.disease, response: { ...response, sameTime: [...others] } } };
}

/**
 * The clinical relapse signs after `from` (a CR): measured as from a line starting that day (the first of each kind
 * from then on, in it and in each later line), so a sign of one kind before the CR hides none after it.
 */
function clinicalSignsSince(records: ClinicalRecords, lines: readonly LineOfTherapy[], from: string, day: string, settings: ProfileSettings): Array<{ date: string; basis: string; provenance: string[] }> {
  const inEffect = lines.filter((l) => l.start <= from).at(-1);
  const segments: LineOfTherapy[] = [{ ...(inEffect ?? lines[0]!), start: from }, ...lines.filter((l) => l.start > from)];
  // A creatinine rise is measured from the start of therapy (IMWG), not from the CR: from the lines themselves.
  const byLine = clinicalRelapse(records, lines, day, settings, from).filter((c) => c.kind === 'creatinine-rise');
  const sinceCr = clinicalRelapse(records, segments, day, settings).filter((c) => c.kind !== 'creatinine-rise');
  return [...byLine, ...sinceCr].map((c) => ({ date: c.date, basis: `${c.kind} (${c.detail})`, provenance: c.provenance }));
}

const withCrDate = (crDate: string, r: { date: string; basis: string; provenance: string[] } | null): { crDate: string; date: string; basis: string; provenance: string[] } | null => (r ? { crDate, ...r } : null);

function derive(events: readonly ProfileSourceEvent[], day: string, settings: ProfileSettings, current: Revisions): { profile: PatientProfile; records: ClinicalRecords } {
  const records = readClinicalRecords(events, day, settings.procedureRepeatDays);
  const included = events.filter((e) => e.occurredAt.slice(0, 10) <= day).map((e) => e.occurredAt).sort();
  // Progression is measured within each line (from its baseline) and lines depend on progression (therapy after
  // progression is a new line). Lines depend only on the progression dates, so both are settled once recomputing
  // progression within the lines gives the same dates.
  const datesOf = (events: readonly ProgressionEvent[]): string => events.map((e) => e.date).join();
  const measured = progressionSeries(records);
  let progressions = withStoppedForProgression(progressionEvents(measured, settings), records, settings);
  let lines = linesOfTherapy(records, day, settings, progressions.map((p) => p.date));
  let settled = false;
  let previousPass = progressions;
  for (let pass = 0; pass < 3 && !settled; pass++) {
    const within = withStoppedForProgression(progressionEvents(measured, settings, lines.map((l) => l.start)), records, settings);
    settled = datesOf(within) === datesOf(progressions);
    previousPass = progressions;
    progressions = within;
    if (!settled) lines = linesOfTherapy(records, day, settings, progressions.map((p) => p.date));
  }
  if (!settled) {
    // No settling: a rise confirmed only after therapy resumed, which the progression makes a new line, under which it
    // is no longer confirmed, and so on (a restart after a hold; prog37 Z09). The progression stands (its two values are
    // on record, before the restart could act) and the restart is the line it prompted: both readings' progressions.
    const key = (e: ProgressionEvent): string => `${e.date}|${e.source}`;
    const seen = new Set(progressions.map(key));
    progressions = [...progressions, ...previousPass.filter((e) => !seen.has(key(e)))].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    lines = linesOfTherapy(records, day, settings, progressions.map((p) => p.date));
  }
  const disease = diseaseStatus(records, day, settings, progressions, (from) => clinicalSignsSince(records, lines, from, day, settings));
  const assessments = allAssessments(records, lines, day, settings);
  // Progression events are one progression until a new therapy began (a line, past the days in which a progression
  // prompted it; a CAR-T infusion) or the disease responded (a response of MR or better reported, or a measured
  // parameter down 25% in two consecutive values: a computed category after a progression is still measured from the
  // line's baseline, so it cannot tell).
  const infusions = records.procedures.filter((p) => p.kind === 'car-t-infusion');
  const boundaries = [...lines.map((l) => addDays(l.start, settings.earlyProgressionDays)), ...infusions.map((p) => p.date)];
  const reportedResponses = records.responses.filter((r) => atLeastMR(r.category)).map((r) => r.date);
  const respondedBetween = (from: string, to: string): boolean => reportedResponses.some((d) => d > from && d < to) || fellBetween(measured, from, to);
  const episodeStart = (found: readonly ProgressionEvent[]): ProgressionEvent | undefined => progressionEpisodeStart(found, boundaries, respondedBetween);
  const computed = computedResponse(records, lines, disease.progressions, day, settings);
  // A response the current line's latest assessment shows but no second one confirms yet: a running drug is not judged nonresponsive meanwhile.
  const emerging = computed && computed.latestCategory && !atLeastMR(computed.category) && atLeastMR(computed.latestCategory) ? computed.date : null;
  const drugs = drugExposures(records, lines, disease.progressions, assessments, day, settings, emerging);
  withDocumentation(
    drugs,
    lines,
    [...assessments.filter((a) => a.category !== 'PD').map((a) => a.date), ...(computed && computed.category !== 'PD' ? [computed.date] : [])],
    [...assessments.filter((a) => a.category === 'PD').map((a) => a.date), ...disease.progressions.map((p) => p.date)],
    day,
    settings,
  );
  // A response reported before the current line was in effect is the previous line's (one before it began, or a
  // progression in its first earlyProgressionDays, which prompted it): not the current one, as the computed response is
  // the current line's alone (resp37 N06, E05).
  const currentLine = lines.at(-1);
  const reported = disease.reportedResponse && (currentLine === undefined || inEffectOn(currentLine, disease.reportedResponse.date, settings, infusions)) ? disease.reportedResponse : null;
  const chosen =
    computed && (!reported || computed.date > reported.date)
      ? {
          category: computed.category,
          date: computed.date,
          source: 'computed' as const,
          confirmed: computed.confirmed,
          provenance: computed.provenance,
          ...(computed.latestCategory && computed.category !== 'PD' && RESPONSE_RANK[computed.latestCategory] > RESPONSE_RANK[computed.category] ? { awaitingConfirmation: computed.latestCategory } : {}),
          ...(computed.couldBe ? { couldBe: computed.couldBe } : {}),
        }
      : reported
        ? { category: reported.category, date: reported.date, source: 'reported' as const, confirmed: true, provenance: reported.provenance, ...(reported.sameTime ? { sameTime: reported.sameTime } : {}) }
        : null;
  // A progression after the latest response assessment is the latest known state (a CR reported before a relapse is not current).
  const lastProgression = disease.progressions.at(-1);
  const response =
    lastProgression && chosen && lastProgression.date > chosen.date
      ? { category: 'PD' as const, date: lastProgression.date, source: 'computed' as const, confirmed: true, provenance: lastProgression.provenance }
      : chosen;
  const lastCr = assessments.filter((a) => a.category === 'CR' || a.category === 'sCR').at(-1);
  const clinical = clinicalRelapse(records, lines, day, settings);
  const bestResponse = assessments.filter((a) => a.category !== 'PD').reduce<ResponseCategory | null>((b, a) => (b === null ? a.category : higherCategory(b, a.category)), null);
  const classes = classExposures(drugs);
  const labs = latestLabs(records, day);
  const crcl = creatinineClearance(records, labs, settings);
  const cytogenetics = cytogeneticRisk(records, labs, settings);
  const exposed = (g: string): boolean => drugs[g]?.exposed === true;
  const refractory = (g: string): boolean => drugs[g]?.refractory === true;
  const PENTA = ['bortezomib', 'carfilzomib', 'lenalidomide', 'pomalidomide'];
  const lastLine = lines.at(-1);
  const responded = assessments.some((a) => atLeastMR(a.category));
  const transplants = records.procedures.filter((p) => p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct');

  const progressionStart = episodeStart(disease.progressions);
  // The latest progression since treatment began, from when it began.
  const latestRecordedPd = lines.length > 0 ? episodeStart(disease.progressions.filter((p) => p.date > lines[0]!.start)) : undefined;
  // A course stopped for progression without its end recorded, with no progression on record on it (after its first
  // days, up to the first days after it stopped at the latest): the stop documents one, on it, read by the status as the
  // exposure reads it, by the last day it may have been given (stat35 SP03/SP09). No progression date is kept for it.
  const stopPd = lines
    .flatMap((l) =>
      l.courses
        .filter((c) => c.endUnknown === true && c.reasonStopped === 'progression')
        .map((c): ProgressionEvent | null => {
          const ender = stoppedWithoutEndBy(records, c.start, lines.find((x) => x.number === l.number + 1)?.start);
          const until = ender ? addDays(ender, -1) : day;
          const recorded = disease.progressions.some((p) => p.date > addDays(c.start, settings.earlyProgressionDays) && p.date <= addDays(until, settings.earlyProgressionDays));
          return recorded || until < c.start ? null : { date: until, source: 'reported', detail: `${c.original} stopped for progression (its end not recorded)`, provenance: [c.eventId] };
        }),
    )
    .filter((p): p is ProgressionEvent => p !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1);
  const latestPd = stopPd && (!latestRecordedPd || stopPd.date > latestRecordedPd.date) ? stopPd : latestRecordedPd;
  // Refractory to the last line: one of its drugs refractory in it, or a transplant of the line (an SCT; a salvage or
  // second SCT alone as the last line, or one after which no drug had been given yet) followed by the latest progression
  // within refractoryWindowDays.
  const transplantThenLatestPd = lastLine !== undefined && latestPd !== undefined && lastLine.transplants.some((t) => t.date < latestPd.date && daysBetween(t.date, latestPd.date) <= settings.refractoryWindowDays);
  const refractoryToLastLine =
    lastLine !== undefined &&
    (lastLine.generics.some((g) => drugs[g]?.refractoryInLastLine) ||
      transplantThenLatestPd);
  const lineInEffect = (day: string): LineOfTherapy | undefined => lines.filter((l) => inEffectOn(l, day, settings, infusions)).at(-1);
  // The therapy given before a progression (IMWG 2011 "last therapy"): courses started more than earlyProgressionDays
  // before it (one started since is the salvage it prompted), conditioning included, and transplants and CAR-T
  // infusions before it; `near` when a course was still given or stopped within refractoryWindowDays of it, or a
  // transplant or infusion was that recent.
  const therapyBefore = (pd: string): { any: boolean; near: boolean; nearMaybe: boolean } => {
    const courses = lines.flatMap((l) => l.courses).filter((c) => daysBetween(c.start, pd) > settings.earlyProgressionDays);
    const procedures = records.procedures.filter((p) => (p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct' || p.kind === 'car-t-infusion') && p.date < pd);
    // A course stopped for progression without its end recorded, with nothing begun after it before the progression: the
    // progression it was stopped for may be this one, on it (v16, rev32 A02).
    // (Up to the next line's first days at most: a CAR-T or transplant line after it ended it too, rev33 X01; and so did
    // a transplant or CAR-T infusion of its own line, the bridging before one, rev34 T5.)
    const enderOf = (c: (typeof courses)[number]): string | undefined => {
      const line = lines.find((l) => l.courses.includes(c));
      const next = line ? lines.find((l) => l.number === line.number + 1) : undefined;
      return stoppedWithoutEndBy(records, c.start, next?.start);
    };
    const stoppedOn = (c: (typeof courses)[number]): boolean => {
      if (c.endUnknown !== true || c.reasonStopped !== 'progression' || courses.some((o) => o.start > c.start)) return false;
      const ender = enderOf(c);
      return ender === undefined || pd <= addDays(ender, settings.earlyProgressionDays);
    };
    const near = courses.some((c) => c.end === null || stoppedOn(c) || daysBetween(c.end, pd) <= settings.refractoryWindowDays) || procedures.some((p) => daysBetween(p.date, pd) <= settings.refractoryWindowDays);
    // Stopped for another reason without its end recorded: its last dose, not known, may have come within
    // refractoryWindowDays of it, unless the next line, or a transplant or CAR-T infusion after it, began long enough
    // before it (stat35 SP07). A partner drug of its regimen begun after it does not end it (stat37 YB1).
    const nearMaybe =
      !near &&
      courses.some((c) => {
        if (c.endUnknown !== true || c.reasonStopped === 'progression') return false;
        const ender = enderOf(c);
        return ender === undefined || daysBetween(addDays(ender, -1), pd) <= settings.refractoryWindowDays;
      });
    return { any: courses.length > 0 || procedures.length > 0, near, nearMaybe };
  };
  const before = latestPd ? therapyBefore(latestPd.date) : { any: false, near: false, nearMaybe: false };
  // IMWG 2011 primary refractory: nonresponsive (refractory by the definition in force, or the latest progression on
  // therapy or within refractoryWindowDays of it, whatever a protocol's minimum exposure for per-drug refractoriness, or
  // any progression since therapy began) and never MR or better with any therapy.
  // (A progression with no assessment of the disease on record, a course stopped for it alone, says nothing of
  // whether MR was reached first.)
  // Never MR with a progression since therapy began, whenever it came, is "primary refractory, progressive disease"
  // (IMWG 2011: never MR or better with any therapy, with progression; stat31 Y01–Y04).
  const nonresponsive = Object.values(drugs).some((d) => d.refractory) || before.near || latestPd !== undefined;
  const primaryRefractoryIf = (mr: boolean): boolean => !mr && assessments.length > 0 && nonresponsive;
  // For relapsed, what is left: never MR with a sign of nonresponse rules it out even with no assessment on record (rev33 X07).
  const primaryRefractoryReading = (mr: boolean): boolean => !mr && nonresponsive;
  const primaryRefractory = primaryRefractoryIf(responded);
  // IMWG 2011 relapsed and refractory: nonresponsive on the salvage (refractory to the last line), or, having reached MR
  // or better before it, the latest progression came on therapy or within refractoryWindowDays of the last therapy, or
  // made a therapy of the line in effect then refractory (a CAR-T product without response before it, however long ago
  // infused), or that line's therapy was nonresponsive; the disease is classed by its latest progression.
  const pdLine = latestPd ? lineInEffect(latestPd.date) : undefined;
  const respondedBeforeLatestPd = latestPd !== undefined && assessments.some((a) => a.date < latestPd.date && atLeastMR(a.category));
  const refractoryByLatestPd =
    latestPd !== undefined && pdLine !== undefined && Object.values(drugs).some((d) => d.evidence.some((e) => e.line === pdLine.number && (e.kind === 'no-response' || e.date >= latestPd.date)));
  // Nonresponsive on the salvage: the last line refractory, with no MR or better on it since what made it so (bridging
  // that failed before a CAR-T infusion, then a CR on the product, is a line that responded; rev34 T5).
  const lastLineRefractorySince = lastLine
    ? [
        ...lastLine.generics.flatMap((g) => (drugs[g]?.refractoryInLastLine ? drugs[g].evidence.filter((e) => e.line === lastLine.number).map((e) => e.date) : [])),
        ...(transplantThenLatestPd ? [latestPd.date] : []),
        // The latest progression, on the last line's therapy or within the window of it (a second one on the same drug).
        ...(latestPd !== undefined && before.near && lineInEffect(latestPd.date)?.number === lastLine.number ? [latestPd.date] : []),
      ].sort().at(-1)
    : undefined;
  const lastLineNonresponsive =
    // (A response reported, or a measured parameter down 25% in two consecutive values: a category computed after a
    // progression is still measured from the line's baseline, so it cannot tell; story35 S13.)
    // (Or a marrow-only assessment of MR or better, which needs no confirmation and has no baseline to drift from; rev36b T03.)
    refractoryToLastLine &&
    !(
      lastLineRefractorySince !== undefined &&
      (respondedBetween(lastLineRefractorySince, addDays(day, 1)) || assessments.some((a) => a.selfConfirming === true && a.date > lastLineRefractorySince && atLeastMR(a.category)))
    );
  const relapsedAndRefractoryIf = (mr: boolean, mrBeforePd: boolean, near = before.near): boolean => (mr && lastLineNonresponsive) || (mrBeforePd && (near || refractoryByLatestPd));
  const relapsedAndRefractory = relapsedAndRefractoryIf(responded, respondedBeforeLatestPd);
  // IMWG 2011 relapsed: previously treated, the latest progression came off therapy, more than refractoryWindowDays after
  // the last therapy given before it, and neither primary refractory nor relapsed-and-refractory (domain.md §1: what is
  // left; MR never reached with nothing showing nonresponse is relapsed too, stat31 Y01–Y04).
  const relapsedIf = (mr: boolean, mrBeforePd: boolean, near = before.near): boolean => latestPd !== undefined && before.any && !near && !primaryRefractoryReading(mr) && !relapsedAndRefractoryIf(mr, mrBeforePd, near);
  // Whether MR or better was reached before the latest progression (ever, with no progression), when the record does not
  // say (a progression with no other assessment before it; a response after it says nothing of before): the status
  // flags that would differ either way. Each reading is [MR ever, MR before the latest progression].
  const beforePdKnown = latestPd === undefined ? [false] : respondedBeforeLatestPd ? [true] : assessments.some((a) => a.category !== 'PD' && a.date < latestPd.date) ? [false] : [false, true];
  const readings: Array<[boolean, boolean]> =
    latestPd === undefined && !responded && !assessments.some((a) => a.category !== 'PD')
      ? [
          [false, false],
          [true, false],
        ]
      : beforePdKnown.map((b) => [responded || b, b]);
  const mrEverKnown = readings.length === 1;
  const differs = (f: (mr: boolean, mrBeforePd: boolean) => boolean): boolean => readings.some(([m, b]) => f(m, b) !== f(readings[0]![0], readings[0]![1]));
  // Likewise when the last dose of the therapy before the latest progression is not known (`nearMaybe`): the flags that
  // would differ had it come within refractoryWindowDays of the progression or not.
  const [m0, b0] = readings[0]!;
  const nearDiffers = (f: (mr: boolean, mrBeforePd: boolean, near: boolean) => boolean): boolean => before.nearMaybe && f(m0, b0, true) !== f(m0, b0, false);
  const undecidedStatus = (
    [
      // Never MR with therapy given is nonresponsive (failure to achieve MR), so primary refractory; MR at some point: not.
      ['primaryRefractory', !mrEverKnown && lines.length > 0 && differs((mr) => mr)],
      ['relapsedAndRefractory', (!mrEverKnown && differs(relapsedAndRefractoryIf)) || nearDiffers(relapsedAndRefractoryIf)],
      ['relapsed', (!mrEverKnown && differs(relapsedIf)) || nearDiffers(relapsedIf)],
    ] as const
  )
    .filter(([, d]) => d)
    .map(([name]) => name);
  const flags: ProfileFlags = {
    doubleRefractory: classes.IMID.refractory && classes.PI.refractory,
    tripleClassExposed: classes.IMID.exposed && classes.PI.exposed && classes.ANTI_CD38.exposed,
    tripleClassRefractory: classes.IMID.refractory && classes.PI.refractory && classes.ANTI_CD38.refractory,
    pentaExposed: PENTA.every(exposed) && classes.ANTI_CD38.exposed,
    pentaRefractory: PENTA.every(refractory) && classes.ANTI_CD38.refractory,
    // Not claimed while MR might have been reached (the engine reads it as unknown, `undecidedStatus`).
    primaryRefractory: primaryRefractory && !undecidedStatus.includes('primaryRefractory'),
    relapsedAndRefractory,
    relapsed: relapsedIf(responded, respondedBeforeLatestPd),
    // No MR or better since what made it refractory (bridging that failed, then a CR on the CAR-T; stat35 CT05).
    refractoryToLastLine: lastLineNonresponsive,
    priorBcmaCarT: classes.BCMA_CAR_T.exposed,
    priorBcmaBispecific: classes.BCMA_BISPECIFIC.exposed,
    priorBcmaAdc: classes.BCMA_ADC.exposed,
    priorBcmaDirected: classes.BCMA_CAR_T.exposed || classes.BCMA_BISPECIFIC.exposed || classes.BCMA_ADC.exposed,
    priorGprc5dDirected: classes.GPRC5D_CAR_T.exposed || classes.GPRC5D_BISPECIFIC.exposed,
    priorFcrh5Directed: classes.FCRH5_BISPECIFIC.exposed,
    priorTCellEngager: classes.BCMA_BISPECIFIC.exposed || classes.GPRC5D_BISPECIFIC.exposed || classes.FCRH5_BISPECIFIC.exposed,
    priorAutologousSct: transplants.some((t) => t.kind === 'autologous-sct'),
    priorAllogeneicSct: transplants.some((t) => t.kind === 'allogeneic-sct'),
  };

  // Keyed by what a sender wrote: no prototype ("__proto__" is a kind like any other).
  const conditions: PatientProfile['conditions'] = Object.create(null) as PatientProfile['conditions'];
  // Records of one day are read absent, then resolved or history, then active, whatever their event ids (as the
  // criteria language reads them: docs/criteria-language.md, `condition`).
  const byDayThenStatus = [...records.conditions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (CONDITION_STATUS_ORDER[a.status] ?? 1) - (CONDITION_STATUS_ORDER[b.status] ?? 1)));
  for (const c of byDayThenStatus) {
    const before = conditions[c.kind];
    const held = before?.maxGrade ?? null;
    const higher = c.status !== 'absent' && c.grade !== null && (held === null || c.grade > held);
    conditions[c.kind] = {
      status: c.status,
      date: c.date,
      grade: c.grade,
      provenance: [c.eventId],
      ever: (before?.ever ?? false) || c.status !== 'absent',
      maxGrade: higher ? c.grade : held,
      maxGradeProvenance: higher ? [c.eventId] : (before?.maxGradeProvenance ?? []),
      // A record saying it is (or was) there without a grade: "any history of grade ≥ N" cannot then be known false.
      ungradedEver: (before?.ungradedEver ?? false) || (c.status !== 'absent' && c.grade === null),
      // Every record of the kind, oldest first: what a time window or a neuropathy type is read from (eligibility `condition`).
      records: [
        ...(before?.records ?? []),
        {
          date: c.date,
          status: c.status,
          grade: c.grade,
          eventId: c.eventId,
          ...(c.neuropathyType ? { type: c.neuropathyType } : {}),
          ...(c.onsetDate ? { onset: c.onsetDate } : {}),
          ...(c.resolvedDate ? { resolved: c.resolvedDate } : {}),
          ...(c.endUnknown ? { endUnknown: true } : {}),
          ...(c.code ? { code: c.code } : {}),
        },
      ],
    };
  }
  // Several conditions of one kind told apart by their codes (two cancers): active while any of them is, by its own latest record.
  for (const c of Object.values(conditions)) {
    if (c.status === 'active' || !c.records!.some((r) => r.code !== undefined)) continue;
    const latest = new Map<string, ConditionEntry>();
    for (const r of c.records!) if (r.status !== 'absent' || r.code !== undefined) latest.set(r.code ?? '', r);
    const active = [...latest.values()].filter((r) => r.status === 'active').at(-1);
    // A later assessment saying absent without a code speaks for every condition of the kind.
    const absentSince = c.records!.filter((r) => r.status === 'absent' && r.code === undefined).at(-1)?.date;
    if (active && (absentSince === undefined || absentSince <= active.date)) Object.assign(c, { status: 'active', date: active.date, grade: active.grade, provenance: [active.eventId] });
  }
  // Extramedullary disease: the latest scan that says (its finding), or that measured soft-tissue plasmacytomas (every one
  // it found: present if one has a size, of a type not said, a soft-tissue plasmacytoma being extramedullary or
  // paraskeletal, domain.md §5; none left, absent).
  // Scans of one day that disagree: one that found it is read (the more sensitive study; whatever the records' order;
  // meas37 M23/G11/G12).
  const saying = records.imaging.filter((i) => i.extramedullary !== null || i.plasmacytomas !== null);
  const found = (i: (typeof saying)[number]): boolean => (i.extramedullary ? i.extramedullary.present : i.plasmacytomas!.some((m) => m.longestMm > 0));
  const emdLatest = saying.at(-1);
  const emd = emdLatest ? (saying.filter((i) => i.date === emdLatest.date && found(i)).at(-1) ?? emdLatest) : undefined;
  const cpc = labs.circulatingPlasmaCells;
  const plcCondition = conditions['plasma-cell-leukemia'];
  const ecog = records.ecog.at(-1);
  const ecogTied = ecog ? [...new Set(records.ecog.filter((x) => x !== ecog && x.at !== undefined && x.at === ecog.at && x.date === ecog.date && x.value !== ecog.value).map((x) => x.value))] : [];

  const profile: PatientProfile = {
    asOf: day,
    settings: settingsLabel(settings),
    eventCount: included.length,
    firstEventAt: included[0] ?? null,
    lastEventAt: included.at(-1) ?? null,
    demographics: {
      birthDate: records.demographics.birthDate,
      ageYears: records.demographics.birthDate ? ageOn(records.demographics.birthDate, new Date(day)) : null,
      sex: records.demographics.sex,
      weightKg: records.demographics.weightKg?.value ?? null,
    },
    diagnosis: records.diagnosis,
    ecog: ecog ? { value: ecog.value, date: ecog.date, provenance: [ecog.eventId], ...(ecogTied.length > 0 ? { sameTime: ecogTied } : {}) } : null,
    linesOfTherapy: { count: lines.length, lines },
    drugs,
    classes,
    flags,
    disease: {
      ...disease,
      progressionDate: progressionStart?.date ?? null,
      progressionLine: progressionStart ? (lineInEffect(progressionStart.date)?.number ?? null) : null,
      mrEverKnown,
      undecidedStatus,
      lastLineJudgedFrom: lastLine ? [addDays(lastLine.start, settings.earlyProgressionDays), ...infusions.filter((p) => lastLine.provenance.includes(p.eventId)).map((p) => p.date)].sort()[0]! : null,
      response,
      computedResponse: computed,
      bestResponse: bestResponse ?? (assessments.length > 0 ? 'PD' : null),
      clinicalRelapse: clinical,
      significantBiochemicalRelapse: significantBiochemicalRelapse(records, lines, day, settings),
      relapseFromCr: lastCr ? withCrDate(lastCr.date, relapseFromCr(records, disease.progressions, lastCr.date, clinicalSignsSince(records, lines, lastCr.date, day, settings))) : null,
    },
    labs: { ...labs, crcl: crcl.crcl, ...(crcl.missing.length > 0 ? { crclMissing: crcl.missing } : {}), egfrComputed: estimatedGfr(records, labs) },
    transplants: transplants.map((t) => ({ kind: t.kind, date: t.date, plannedTandem: t.plannedTandem, provenance: [t.eventId] })),
    cellTherapies: records.procedures.filter((p) => p.kind === 'car-t-infusion').map((p) => ({ date: p.date, product: p.product, provenance: [p.eventId] })),
    supportiveCare: supportiveCare(records),
    cytogenetics,
    staging: staging(records, lines[0]?.start ?? null, day, settings, cytogenetics),
    conditions,
    extramedullaryDisease: emd
      ? emd.extramedullary
        ? { present: emd.extramedullary.present, type: emd.extramedullary.type, site: emd.extramedullary.site, modality: emd.modality, date: emd.date, provenance: [emd.eventId] }
        : { present: emd.plasmacytomas!.some((m) => m.longestMm > 0), type: null, site: null, modality: emd.modality, date: emd.date, provenance: [emd.eventId] }
      : null,
    // The more recent of a reported condition and a circulating plasma-cell count (a count on the same day as the report yields to it).
    plasmaCellLeukemia:
      plcCondition !== undefined && (!cpc || plcCondition.date >= cpc.date)
        ? { present: plcCondition.status === 'active', basis: `reported condition (${plcCondition.status}, ${plcCondition.date})`, date: plcCondition.date, provenance: plcCondition.provenance }
        : cpc
          ? { present: cpc.value >= 5, basis: `circulating plasma cells ${cpc.value}% (${cpc.date}; IMWG 2021: ≥5%)`, date: cpc.date, provenance: cpc.provenance }
          : null,
    unmapped: [...records.unmapped, ...current.unmapped],
    ...(current.superseded.length > 0 ? { superseded: current.superseded } : {}),
  };
  return { profile, records };
}

/** Transfusions and supportive agents' courses, oldest first. */
function supportiveCare(records: ClinicalRecords): SupportiveCare[] {
  const out: SupportiveCare[] = records.procedures
    .filter((p) => p.kind === 'transfusion')
    .map((p) => ({ kind: 'transfusion' as const, what: p.product ?? 'unspecified', start: p.date, end: p.date, provenance: [p.eventId] }));
  for (const m of records.medications) {
    for (const g of m.generics) if (classesOf(g).includes('SUPPORTIVE')) out.push({ kind: 'agent', what: g, start: m.start, end: m.end, ...(m.endUnknown === true ? { endUnknown: true as const } : {}), provenance: [m.eventId] });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
