import { classesOf, resolveMedication } from '../terminology/drug-catalog';
import { CELL_THERAPY_CLASSES } from '../terminology/drug-classes';
import { labDefinition, toLabUnit, type LabName } from '../terminology/labs';
import { daysBetween } from './settings';

/** A stored patient event as the core sees it: no identifiers. */
/** Diagnoses that trials screen for as conditions (not the precursors: smouldering myeloma and MGUS become myeloma). */
/** More cycles than any course has (weekly for 20 years is about 1,000). */
const MAX_CYCLES = 1000;
/** An age no patient has: a birth date this many years or more before the profile's day is an entry mistake. */
export const MAX_AGE_YEARS = 130;
/** A demographics event's weight is held to the weight lab's plausible range. */
const WEIGHT_MAX_KG = labDefinition(undefined, 'weight')!.plausibleMax!;
const WEIGHT_MIN_KG = labDefinition(undefined, 'weight')!.plausibleMin!;
/** Adult heights a record can plausibly give (cm); outside them, most often a unit mistake (inches, metres). */
const HEIGHT_MIN_CM = 100;
const HEIGHT_MAX_CM = 250;
const DIAGNOSED_CONDITIONS: ReadonlySet<string> = new Set(['plasma-cell-leukemia', 'al-amyloidosis']);

export interface ProfileSourceEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  /** The id of the earlier event this one revises (corrections: see `currentRevisions`). */
  supersedes?: string | null;
  /** The order of the revisions of one event (higher is later). */
  revision?: number | null;
  /** When intake received it (ISO 8601): orders revisions of one rank. */
  receivedAt?: string | null;
}

export type Intent = 'induction' | 'consolidation' | 'maintenance' | 'salvage' | 'bridging' | 'lymphodepletion' | 'conditioning' | 'mobilization' | 'supportive';
export type ReasonStopped = 'progression' | 'toxicity' | 'completed' | 'patient-choice' | 'other';
export type ResponseCategory = 'sCR' | 'CR' | 'VGPR' | 'PR' | 'MR' | 'SD' | 'PD';

/** IMWG response categories, best highest. */
export const RESPONSE_RANK: Readonly<Record<ResponseCategory, number>> = { sCR: 6, CR: 5, VGPR: 4, PR: 3, MR: 2, SD: 1, PD: 0 };

export interface MedicationCourse {
  eventId: string;
  generics: string[];
  original: string;
  regimen?: string;
  start: string;
  end: string | null;
  intent: Intent | null;
  reasonStopped: ReasonStopped | null;
  cycles: number | null;
  /** Recorded as stopped (a reason given) without its end: `end` is its start, the only day known on it; the last dose is not known. */
  endUnknown?: true;
}

export interface ProcedureRecord {
  eventId: string;
  kind: 'autologous-sct' | 'allogeneic-sct' | 'car-t-infusion' | 'apheresis' | 'radiation' | 'transfusion';
  date: string;
  plannedTandem: boolean;
  /** Generic name of the CAR-T product, when known; for a transfusion, what was transfused (platelets, red-cells, other) when said. */
  product: string | null;
}

export interface LabRecord {
  eventId: string;
  name: LabName;
  value: number;
  unit: string;
  date: string;
  uln: number | null;
  original: { value: number; unit: string };
  /** When it was taken, as far as the record says (the event's instant; -Infinity for a day without a time, before any time of it): records of one time are ordered by event id only. */
  at?: number;
  /** Upper limits of normal by sex, when the source gave ranges for each and not the patient's sex: `uln` is then the patient's. */
  ulnBySex?: { female: number | null; male: number | null; other: number | null };
}

export interface ResponseRecord {
  eventId: string;
  date: string;
  category: ResponseCategory;
  /** As `LabRecord.at`: records of one day and one instant are not known to be in any order. */
  at?: number;
}

export interface MrdRecord {
  eventId: string;
  date: string;
  method: 'NGF' | 'NGS' | 'other';
  sensitivity: number | null;
  result: 'negative' | 'positive';
}

export interface CytogeneticsRecord {
  eventId: string;
  date: string;
  abnormality: string;
  detected: boolean;
  percentCells: number | null;
  /** Copies of the region (1q: 3 gain, ≥4 amplification; del(1p32): 0 biallelic), when reported. */
  copyNumber: number | null;
}

export interface ConditionRecord {
  eventId: string;
  date: string;
  kind: string;
  status: 'active' | 'resolved' | 'history' | 'absent';
  grade: number | null;
  /** Peripheral neuropathy: sensory, motor or mixed, when reported. */
  neuropathyType: 'sensory' | 'motor' | 'mixed' | null;
  /** When the condition began, when reported apart from the record's date. */
  onsetDate: string | null;
  /** When it ended (resolved, in remission), when reported. */
  resolvedDate: string | null;
  /** Resolved or past, and the record's date is not a day by which it had ended (when it ended is not known). */
  endUnknown: boolean;
  /** The condition's own code (ICD-10) when known: records of one kind with different codes are different conditions (two cancers). */
  code: string | null;
  detail: Record<string, unknown>;
}

export interface ImagingRecord {
  eventId: string;
  date: string;
  modality: string;
  newLesions: boolean | null;
  extramedullary: { present: boolean; type: string | null; site: string | null } | null;
  /** PET-CT MRD (IMWG 2016): negative when every tracer-avid area of the baseline or a preceding PET-CT resolved or fell below the mediastinal blood pool or surrounding normal tissue. */
  mrd: 'negative' | 'positive' | null;
  /** Soft-tissue plasmacytomas measured (every one the scan found; one named before and not listed has disappeared); null: none measured. */
  plasmacytomas: PlasmacytomaMeasure[] | null;
}

/** One soft-tissue plasmacytoma on one scan, in mm (IMWG 2016: size as the product of the perpendicular diameters). */
export interface PlasmacytomaMeasure {
  lesion: string;
  longestMm: number;
  perpendicularMm: number;
  shortAxisMm: number | null;
}

export interface Unmapped {
  eventId: string;
  type: string;
  original: string;
  reason: string;
  /**
   * A medication's course (its first day, and its last, null while it goes on), so that a washout can ask whether a
   * medication the catalog cannot read may be the therapy it waits out.
   */
  start?: string;
  end?: string | null;
  /** A medication's recorded intent, when it had one (maintenance, bridging, …: not a line of its own; v15). */
  intent?: Intent | null;
  /** A lab value set aside (a unit that does not convert, a value no patient can have): the lab and its day (v16). */
  lab?: LabName;
  date?: string;
  /** Its instant within the day (epoch ms), when the record gave a time. */
  at?: number;
}

export interface ClinicalRecords {
  demographics: {
    birthDate: string | null;
    sex: 'female' | 'male' | 'other' | 'unknown' | null;
    /** The latest weight, from a demographics event or a weight lab. */
    weightKg: { value: number; date: string } | null;
    /** Every weight recorded (demographics events and weight labs), in date order. */
    weights: Array<{ value: number; date: string; eventId: string }>;
    /** The latest height (a demographics event's `heightCm`), for an ideal or adjusted body weight. */
    heightCm?: { value: number; date: string } | null;
    eventIds: string[];
  };
  diagnosis: { date: string | null; heavyChain: string | null; lightChain: 'kappa' | 'lambda' | null; eventIds: string[] };
  medications: MedicationCourse[];
  procedures: ProcedureRecord[];
  labs: LabRecord[];
  responses: ResponseRecord[];
  mrd: MrdRecord[];
  cytogenetics: CytogeneticsRecord[];
  conditions: ConditionRecord[];
  imaging: ImagingRecord[];
  ecog: Array<{ eventId: string; date: string; value: number; at?: number }>;
  unmapped: Unmapped[];
}

const day = (s: string): string => s.slice(0, 10);
/** A YYYY-MM-DD day from a date or date-time field, null when it is not one. */
const dayOf = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | null => (typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null);

const INTENTS: readonly Intent[] = ['induction', 'consolidation', 'maintenance', 'salvage', 'bridging', 'lymphodepletion', 'conditioning', 'mobilization', 'supportive'];
/** A lab's isotype ("IgA kappa": an M-protein's, a positive immunofixation's band) is the disease's when no diagnosis gives one. */
function isotypeOfLab(r: ClinicalRecords, isotype: string | null): void {
  if (!isotype) return;
  const heavy = /\bIg\s?([GADEM])\b/i.exec(isotype)?.[1];
  if (heavy && r.diagnosis.heavyChain === null) r.diagnosis.heavyChain = `Ig${heavy.toUpperCase()}`;
  const light = /kappa|κ/i.test(isotype) ? 'kappa' : /lambda|λ/i.test(isotype) ? 'lambda' : null;
  if (light && r.diagnosis.lightChain === null) r.diagnosis.lightChain = light;
}

const REASONS: readonly ReasonStopped[] = ['progression', 'toxicity', 'completed', 'patient-choice', 'other'];
const CATEGORIES: readonly ResponseCategory[] = ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD'];
const PROCEDURES: readonly ProcedureRecord['kind'][] = ['autologous-sct', 'allogeneic-sct', 'car-t-infusion', 'apheresis', 'radiation', 'transfusion'];
/** What a transfusion gave, from its product's wording: null when it names no product ("blood transfusion"). */
export function transfusedProduct(text: string | null): 'platelets' | 'red-cells' | 'mixed' | 'other' | null {
  if (text === null) return null;
  const platelets = /platelet|\bPLTs?\b|thrombocyte/i.test(text);
  const redCells = /red (?:blood )?cell|\bRBCs?\b|\bPRBCs?\b|erythrocyte|packed cells|whole blood/i.test(text);
  if (platelets && redCells) return 'mixed';
  if (platelets) return 'platelets';
  if (redCells) return 'red-cells';
  return /plasma|\bFFP\b|cryo|albumin|immunoglobulin|\bIVIG\b|granulocyte/i.test(text) ? 'other' : null;
}

/** A record's instant within its day: -Infinity for a date without a time (before any time of that day). */
const instantOf = (e: ProfileSourceEvent): number => {
  const t = e.occurredAt.length > 10 ? Date.parse(e.occurredAt) : Number.NaN;
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * By the day written in the record (the day every derived fact dates it by), then, within a day, untimed records
 * before timed ones and timed ones by instant, then by event id: the order never depends on arrival, and a record
 * written "2025-05-19T23:30-05:00" (05-20 in UTC) comes before one of 05-20, as its day says.
 */
export function chronological(a: ProfileSourceEvent, b: ProfileSourceEvent): number {
  const da = day(a.occurredAt);
  const db = day(b.occurredAt);
  if (da !== db) return da < db ? -1 : 1;
  const ta = instantOf(a);
  const tb = instantOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * Reads the history (sorted by clinical date) into typed records, normalizing drugs and units.
 * Events dated after `asOf` are left out. Whatever cannot be read is listed in `unmapped`, with the reason.
 */
/**
 * Extramedullary disease type (domain §5): extramedullary plasmacytoma (soft tissue, no bone contact) or
 * paraskeletal (from a bone lesion through the cortex), whatever the spelling; anything else is not a type.
 */
function emdType(raw: string | null): 'extramedullary' | 'paraskeletal' | null {
  if (!raw) return null;
  if (/para-?(?:skeletal|osseous|medullary)|bone[- ]related|(?:arising|extending|originating)\s+from\s+(?:an?\s+|the\s+)?(?:bone|osseous|skeletal)|through\s+the\s+cortex|cortical\s+(?:breach|destruction|disruption)/i.test(raw)) return 'paraskeletal';
  // (A "soft-tissue plasmacytoma" names neither: both types are soft-tissue masses, domain.md §5 [S11].)
  if (/extra-?(?:medullary|osseous)|\bEMP\b|(?:without|no)\s+(?:any\s+)?(?:bone|osseous|skeletal)\s+contact|(?:without|no|not\s+in)\s+contact\s+with\s+(?:the\s+)?bone|not\s+contiguous\s+with\s+(?:the\s+)?bone/i.test(raw)) return 'extramedullary';
  return null;
}

/** Diagnoses that date the myeloma (another plasma-cell disorder's date is not the myeloma's). */
const MYELOMA_DIAGNOSES: ReadonlySet<string> = new Set(['multiple-myeloma', 'plasma-cell-leukemia']);

/** An autologous transplant written as a medication ("ASCT", "HDM/ASCT", "autologous HCT"). */
const TRANSPLANT_AS_MEDICATION = /^(?:(?:HDM|HDT|high[- ]dose melphalan)(?:\s*(?:\/|-|\+|with)\s*)(?:ASCT|autologous stem cell transplant(?:ation)?)|ASCT|auto-?SCT|auto-?HCT|autologous (?:HCT|SCT|HSCT|stem cell transplant(?:ation)?))$/i;

export function readClinicalRecords(events: readonly ProfileSourceEvent[], asOf: string, procedureRepeatDays = 0): ClinicalRecords {
  const r: ClinicalRecords = {
    demographics: { birthDate: null, sex: null, weightKg: null, weights: [], eventIds: [] },
    diagnosis: { date: null, heavyChain: null, lightChain: null, eventIds: [] },
    medications: [],
    procedures: [],
    labs: [],
    responses: [],
    mrd: [],
    cytogenetics: [],
    conditions: [],
    imaging: [],
    ecog: [],
    unmapped: [],
  };
  const skip = (e: ProfileSourceEvent, original: string, reason: string): void => void r.unmapped.push({ eventId: e.eventId, type: e.type, original, reason });
  /**
   * A transplant or CAR-T infusion, once: a second record of the same procedure (of the same product) that day, or
   * within `procedureRepeatDays` after it, sent by two systems, is the same procedure (reported as such, its
   * planned-tandem mark and product kept; dated by the later record: the infusion follows the admission and
   * conditioning days a system may date it by).
   */
  const unnamed = new Set<ProcedureRecord>();
  const procedure = (e: ProfileSourceEvent, p: ProcedureRecord, named = true): void => {
    const once = p.kind === 'autologous-sct' || p.kind === 'allogeneic-sct' || p.kind === 'car-t-infusion';
    // (An infusion whose product one system did not name at all is the one the other named; one whose product the
    // catalog cannot read may be another.)
    const near = (x: ProcedureRecord): boolean => x.date === p.date || (procedureRepeatDays > 0 && x.date < p.date && daysBetween(x.date, p.date) <= procedureRepeatDays);
    const same = !once ? undefined : r.procedures.find((x) => x.kind === p.kind && near(x) && ((x.product === p.product && (x.product !== null || unnamed.has(x) === !named)) || (unnamed.has(x) && p.product !== null) || (!named && x.product !== null)));
    if (same === undefined) {
      r.procedures.push(p);
      if (!named) unnamed.add(p);
      return;
    }
    if (named) unnamed.delete(same);
    same.plannedTandem ||= p.plannedTandem;
    same.product ??= p.product;
    if (same.date === p.date) skip(e, p.kind, `the same ${p.kind} as event ${same.eventId} of that day`);
    else {
      skip(e, p.kind, `the same ${p.kind} as event ${same.eventId} of ${same.date}, ${daysBetween(same.date, p.date)} days before (procedureRepeatDays): one procedure, dated ${p.date}`);
      same.date = p.date;
    }
  };
  /** A course's cycles: a count no course has (above MAX_CYCLES) is reported and not read. */
  const cyclesOf = (e: ProfileSourceEvent, v: unknown): number | null => {
    const n = num(v);
    if (n !== null && n > MAX_CYCLES) {
      skip(e, `cycles ${n}`, `more than ${MAX_CYCLES} cycles, more than any course (an entry mistake?): cycles not read`);
      return null;
    }
    return n;
  };
  let myelomaDate: string | null = null;
  let precursorDate: string | null = null;
  for (const e of [...events].sort(chronological)) {
    const date = day(e.occurredAt);
    if (date > asOf) continue;
    const d = e.data;
    switch (e.type) {
      case 'demographics': {
        r.demographics.eventIds.push(e.eventId);
        const born = str(d.birthDate);
        // A birth date after the profile's day, or more than MAX_AGE_YEARS before it, is no patient's.
        if (born !== null && (born.slice(0, 10) > asOf || Number(asOf.slice(0, 4)) - Number(born.slice(0, 4)) > MAX_AGE_YEARS)) skip(e, 'birthDate', born.slice(0, 10) > asOf ? 'a birth date after the day of the profile' : `a birth date more than ${MAX_AGE_YEARS} years before the day of the profile`);
        else r.demographics.birthDate = born ?? r.demographics.birthDate;
        r.demographics.sex = oneOf(d.sex, ['female', 'male', 'other', 'unknown'] as const) ?? r.demographics.sex;
        const w = num(d.weightKg);
        if (w !== null && w >= WEIGHT_MIN_KG && w <= WEIGHT_MAX_KG) {
          r.demographics.weightKg = { value: w, date };
          r.demographics.weights.push({ value: w, date, eventId: e.eventId });
        } else if (w !== null) skip(e, `weightKg ${w}`, `a weight outside ${WEIGHT_MIN_KG} to ${WEIGHT_MAX_KG} kg`);
        const h = num(d.heightCm);
        if (h !== null && h >= HEIGHT_MIN_CM && h <= HEIGHT_MAX_CM) r.demographics.heightCm = { value: h, date };
        else if (h !== null) skip(e, `heightCm ${h}`, `a height outside ${HEIGHT_MIN_CM} to ${HEIGHT_MAX_CM} cm`);
        break;
      }
      case 'diagnosis': {
        r.diagnosis.eventIds.push(e.eventId);
        // The myeloma's diagnosis date: a diagnosis of another plasma-cell disorder (smouldering myeloma, MGUS, a
        // plasmacytoma, AL amyloidosis, …) dates it only while no diagnosis of myeloma itself (or of plasma-cell
        // leukaemia) is on record; a condition not given is myeloma.
        const precursor = !MYELOMA_DIAGNOSES.has(str(d.condition) ?? 'multiple-myeloma');
        if (precursor) precursorDate ??= str(d.diagnosisDate) ?? date;
        else myelomaDate ??= str(d.diagnosisDate) ?? date;
        r.diagnosis.date = myelomaDate ?? precursorDate;
        const iso = (d.isotype ?? {}) as Record<string, unknown>;
        r.diagnosis.heavyChain = str(iso.heavyChain) ?? r.diagnosis.heavyChain;
        r.diagnosis.lightChain = oneOf(iso.lightChain, ['kappa', 'lambda'] as const) ?? r.diagnosis.lightChain;
        // A diagnosis of another plasma-cell disorder (plasma-cell leukaemia, AL amyloidosis, …) is that condition, as if sent as one.
        const condition = str(d.condition);
        if (condition && DIAGNOSED_CONDITIONS.has(condition)) r.conditions.push({ eventId: e.eventId, date: str(d.diagnosisDate) ?? date, kind: condition, status: 'active', grade: null, neuropathyType: null, onsetDate: null, resolvedDate: null, endUnknown: false, code: null, detail: d });
        break;
      }
      case 'medication': {
        const text = str(d.drug) ?? undefined;
        const rxnorm = str(d.rxnorm) ?? undefined;
        const start = day(str(d.start) ?? e.occurredAt);
        // A course that starts after the day of the profile has not been given yet (as an event dated after it).
        if (start > asOf) break;
        // Cell therapy and transplants are procedures, not drugs (domain §8), even when sent as a medication.
        if (text && TRANSPLANT_AS_MEDICATION.test(text.trim())) {
          procedure(e, { eventId: e.eventId, kind: 'autologous-sct', date: start, plannedTandem: false, product: null });
          if (/HD[MT]|melphalan/i.test(text)) r.medications.push({ eventId: e.eventId, generics: ['melphalan'], original: text, start, end: start, intent: 'conditioning', reasonStopped: null, cycles: null });
          break;
        }
        const resolved = resolveMedication({ text, rxnorm });
        const endRaw = str(d.end);
        // A course recorded as stopped (a reason given) without its end is no longer given: its lines end on its start, the
        // only day known on it (never "ongoing"), and its last dose is not known (`endUnknown`; wash31 R13/R39/R40).
        const stoppedWithoutEnd = !endRaw && oneOf(d.reasonStopped, REASONS) !== null;
        const end = endRaw && day(endRaw) <= asOf ? day(endRaw) : stoppedWithoutEnd ? start : null;
        if (!resolved.mapped) {
          r.unmapped.push({ eventId: e.eventId, type: e.type, original: resolved.original, reason: resolved.reason, start, end, intent: oneOf(d.intent, INTENTS) });
          break;
        }
        if (resolved.generics.length === 1 && classesOf(resolved.generics[0]!).some((k) => CELL_THERAPY_CLASSES.has(k))) {
          procedure(e, { eventId: e.eventId, kind: 'car-t-infusion', date: start, plannedTandem: false, product: resolved.generics[0]! });
          break;
        }
        r.medications.push({
          eventId: e.eventId,
          generics: resolved.generics,
          original: resolved.original,
          ...(resolved.regimen ? { regimen: resolved.regimen } : {}),
          start,
          end,
          intent: oneOf(d.intent, INTENTS),
          reasonStopped: end !== null ? oneOf(d.reasonStopped, REASONS) : null,
          // A count on a course whose recorded end is still to come is planned, like that end: not the cycles given yet (expo34 E32).
          cycles: endRaw && day(endRaw) > asOf ? null : cyclesOf(e, d.cycles),
          ...(stoppedWithoutEnd ? { endUnknown: true as const } : {}),
        });
        break;
      }
      case 'procedure': {
        const kind = oneOf(d.kind, PROCEDURES);
        if (!kind) {
          skip(e, String(d.kind), 'unknown procedure kind');
          break;
        }
        let product: string | null = null;
        if (kind === 'car-t-infusion' && str(d.product)) {
          const p = resolveMedication({ text: str(d.product)! });
          if (p.mapped) product = p.generics[0]!;
          else skip(e, p.original, `CAR-T product: ${p.reason}`);
        }
        if (kind === 'transfusion') product = transfusedProduct(str(d.product));
        procedure(e, { eventId: e.eventId, kind, date, plannedTandem: d.plannedTandem === true, product }, kind !== 'car-t-infusion' || str(d.product) !== null);
        break;
      }
      case 'lab': {
        const def = labDefinition(str(d.code) ?? undefined, str(d.name) ?? undefined, str(d.unit) ?? undefined);
        if (!def) {
          skip(e, str(d.code) ?? str(d.name) ?? '', 'lab not in the catalog');
          break;
        }
        if (def.qualitative) {
          const result = oneOf(d.result, ['positive', 'negative'] as const);
          if (!result) skip(e, def.name, 'qualitative lab needs result positive or negative');
          else r.labs.push({ eventId: e.eventId, name: def.name, value: result === 'positive' ? 1 : 0, unit: def.unit, date, uln: null, original: { value: result === 'positive' ? 1 : 0, unit: result }, at: instantOf(e) });
          // A positive immunofixation's band ("IgA lambda") is the disease's isotype when no diagnosis gives one (v15).
          if (result === 'positive') isotypeOfLab(r, str(d.isotype));
          break;
        }
        const value = num(d.value);
        const unit = str(d.unit) ?? (def.unit === '1' ? '1' : null);
        if (value === null || unit === null) {
          skip(e, def.name, 'lab without a numeric value and a unit');
          break;
        }
        // A per-time result (urine over 24 hours) from another collection period is an extrapolation, not the measure
        // (domain.md §8: urine in mg/24 h only): a 12-hour or hourly collection is reported, not scaled.
        const compact = unit.replace(/[{}()\s]/g, '');
        if (/24\.h/.test(def.unit) && /\/[\d.]*(?:h|hr|hrs|hours?|min|d|day|days|wk)$/i.test(compact) && !/\/(?:24\.?(?:h|hr|hrs|hours?)|1?\.?(?:d|day|days))$/i.test(compact)) {
          skip(e, `${def.name} ${unit}`, 'a collection period other than 24 hours (not scaled to 24 hours)');
          break;
        }
        const c = toLabUnit(value, unit, def);
        // A value set aside names its lab and day: a later value of a lab not read leaves the one before it in doubt (v16).
        const setAside = (original: string, reason: string): void => void r.unmapped.push({ eventId: e.eventId, type: e.type, original, reason, lab: def.name, date, ...(Number.isFinite(instantOf(e)) ? { at: instantOf(e) } : {}) });
        if (!c.ok) {
          setAside(`${def.name} ${unit}`, c.reason);
          break;
        }
        // A value no measurement can have (a count, concentration or size below zero, a share above all, a result above
        // any a living patient has: most often a unit mistake) is bad input, not a fact.
        if (c.value < 0 || (def.plausibleMax !== undefined && c.value > def.plausibleMax) || (def.plausibleMin !== undefined && c.value < def.plausibleMin)) {
          setAside(
            `${def.name} ${value} ${unit}`,
            c.value < 0
              ? 'a negative value'
              : def.plausibleMin !== undefined && c.value < def.plausibleMin
                ? `below ${def.plausibleMin} ${def.unit}, less than any patient's result (an entry mistake?)`
                : def.unit === '%'
                  ? 'a percentage above 100'
                  : `above ${def.plausibleMax} ${def.unit}, more than any patient's result (a unit or entry mistake?)`,
          );
          break;
        }
        // The ULN in the catalog unit (its own unit, else the value's); not above 0: read without it.
        const ulnOf = (given: number | null): number | null => {
          if (given === null) return null;
          const u = str(d.ulnUnit) ? toLabUnit(given, str(d.ulnUnit)!, def) : unit !== def.unit ? toLabUnit(given, unit, def) : { ok: true as const, value: given };
          const converted = u.ok ? u.value : null;
          if (converted !== null && !(converted > 0 && Number.isFinite(c.value / converted))) {
            skip(e, `${def.name} ULN ${String(given)}`, 'an upper limit of normal that is not above 0: the value is read without it');
            return null;
          }
          return converted;
        };
        const uln = ulnOf(num(d.uln));
        // Ranges by sex (a FHIR Observation whose Bundle did not say the patient's sex): chosen once the sex is read.
        const bySex = d.ulnBySex !== null && typeof d.ulnBySex === 'object' ? (d.ulnBySex as Record<string, unknown>) : null;
        const ulnBySex = uln === null && bySex ? { female: ulnOf(num(bySex.female)), male: ulnOf(num(bySex.male)), other: ulnOf(num(bySex.other)) } : undefined;
        r.labs.push({ eventId: e.eventId, name: def.name, value: c.value, unit: def.unit, date, uln, original: { value, unit }, at: instantOf(e), ...(ulnBySex ? { ulnBySex } : {}) });
        if (def.name === 'weight') {
          r.demographics.weightKg = { value: c.value, date };
          r.demographics.weights.push({ value: c.value, date, eventId: e.eventId });
        }
        // The M-protein's isotype ("IgA kappa") is the disease's when no diagnosis gives one.
        isotypeOfLab(r, str(d.isotype));
        break;
      }
      case 'response-assessment': {
        const category = oneOf(d.category, CATEGORIES);
        if (category) r.responses.push({ eventId: e.eventId, date, category, at: instantOf(e) });
        else skip(e, String(d.category), 'unknown response category');
        break;
      }
      case 'mrd': {
        const result = oneOf(d.result, ['negative', 'positive'] as const);
        if (!result) {
          skip(e, String(d.result), 'MRD result must be negative or positive');
          break;
        }
        // IMWG 2016 MRD is of the bone marrow: a result of another specimen named (peripheral blood, cerebrospinal fluid) is
        // read as by another method: its negative does not count, its positive is disease found (v15).
        const specimen = str(d.specimen);
        const ofMarrow = specimen === null || /marrow|aspirat|\bbm\b/i.test(specimen) || !/blood|\bplasma\b(?!\s*cells?)|serum|urine|cerebrospinal|\bcsf\b|fluid|effusion|\bpb\b|cfdna|cell[- ]free/i.test(specimen);
        r.mrd.push({ eventId: e.eventId, date, method: ofMarrow ? mrdMethod(str(d.method)) : 'other', sensitivity: num(d.sensitivity), result });
        break;
      }
      case 'cytogenetics': {
        const abnormality = str(d.abnormality);
        if (!abnormality) {
          skip(e, '', 'cytogenetics without an abnormality');
          break;
        }
        r.cytogenetics.push({ eventId: e.eventId, date, abnormality, detected: d.result !== 'not-detected', percentCells: num(d.percentCells), copyNumber: num(d.copyNumber) });
        break;
      }
      case 'condition': {
        const kind = str(d.kind);
        if (!kind) {
          skip(e, '', 'condition without a kind');
          break;
        }
        const status = oneOf(d.status, ['active', 'resolved', 'history', 'absent'] as const) ?? 'active';
        const onsetDate = dayOf(d.onsetDate);
        const resolvedDate = status === 'resolved' || status === 'history' ? dayOf(d.resolvedDate) : null;
        const ended = status === 'resolved' || status === 'history';
        r.conditions.push({
          eventId: e.eventId,
          date,
          kind,
          status,
          grade: num(d.grade),
          neuropathyType: oneOf(d.neuropathyType, ['sensory', 'motor', 'mixed'] as const),
          onsetDate,
          resolvedDate,
          endUnknown: ended && resolvedDate === null && d.endUnknown === true,
          code: str(d.code),
          detail: d,
        });
        break;
      }
      case 'imaging': {
        const emd = d.extramedullary as Record<string, unknown> | undefined;
        r.imaging.push({
          eventId: e.eventId,
          date,
          modality: str(d.modality) ?? 'unspecified',
          newLesions: typeof d.newLesions === 'boolean' ? d.newLesions : null,
          extramedullary: emd && typeof emd === 'object' ? { present: emd.present === true, type: emdType(str(emd.type)), site: str(emd.site) } : null,
          mrd: oneOf(d.mrd, ['negative', 'positive'] as const) ?? null,
          plasmacytomas: plasmacytomasOf(e, d.plasmacytomas, skip),
        });
        break;
      }
      case 'performance-status': {
        const v = num(d.ecog);
        if (v !== null && Number.isInteger(v) && v >= 0 && v <= 5) r.ecog.push({ eventId: e.eventId, date, value: v, at: instantOf(e) });
        else skip(e, String(d.ecog), 'ECOG must be an integer 0-5');
        break;
      }
      default:
        skip(e, e.type, 'unknown event type');
    }
  }
  // A ULN given by sex: the patient's, once the demographics are read (none for another or an unknown sex).
  const sex = r.demographics.sex;
  // (A range for no sex in particular serves a patient whose sex has none, or is not known.)
  for (const l of r.labs) if (l.ulnBySex && l.uln === null) l.uln = ((sex === 'female' || sex === 'male') ? l.ulnBySex[sex] : null) ?? l.ulnBySex.other;
  return r;
}

/**
 * A scan's plasmacytoma measurements; null when it sent none, or when one cannot be read (a scan measured
 * in part would read as lesions disappearing, so it is set aside whole, with the reason).
 */
function plasmacytomasOf(e: ProfileSourceEvent, v: unknown, skip: (e: ProfileSourceEvent, original: string, reason: string) => void): PlasmacytomaMeasure[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) {
    skip(e, JSON.stringify(v), 'plasmacytomas must be a list of measured lesions');
    return null;
  }
  const out: PlasmacytomaMeasure[] = [];
  for (const item of v as unknown[]) {
    const m = (item ?? {}) as Record<string, unknown>;
    const lesion = str(m.lesion);
    const longestMm = num(m.longestDiameterMm);
    const perpendicularMm = num(m.perpendicularDiameterMm);
    const shortAxisMm = num(m.shortAxisMm);
    const shortAxisUnread = m.shortAxisMm !== undefined && m.shortAxisMm !== null && shortAxisMm === null;
    if (!lesion || longestMm === null || perpendicularMm === null || longestMm < 0 || perpendicularMm < 0 || shortAxisUnread || (shortAxisMm !== null && shortAxisMm < 0) || out.some((o) => o.lesion === lesion)) {
      skip(e, JSON.stringify(item), 'a plasmacytoma needs a lesion name (once per scan) and its longest and perpendicular diameters in mm (≥0), a short axis (if any) in mm too: the scan\'s measurements are not used');
      return null;
    }
    out.push({ lesion, longestMm, perpendicularMm, shortAxisMm });
  }
  return out;
}

/**
 * IMWG 2016 MRD methods: next-generation flow (NGF: EuroFlow or a validated equivalent) and next-generation
 * sequencing (NGS: LymphoSIGHT/clonoSEQ or a validated equivalent), as written in reports; anything else (ASO-PCR,
 * conventional flow cytometry) is `other`.
 */
export function mrdMethod(text: string | null | undefined): 'NGF' | 'NGS' | 'other' {
  if (!text) return 'other';
  if (/^\s*ngf\s*$|next[- ]?gen(?:eration)?[- ]?flow|euro[- ]?flow/i.test(text)) return 'NGF';
  if (/^\s*ngs\s*$|next[- ]?gen(?:eration)?[- ]?sequencing|clono[- ]?seq|lymphosight|\bngs\b/i.test(text)) return 'NGS';
  if (/\bngf\b/i.test(text)) return 'NGF';
  return 'other';
}
