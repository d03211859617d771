import { classesOf } from '../terminology/drug-catalog';
import { DRUG_CLASSES, type DrugClass } from '../terminology/drug-classes';
import type { ClinicalRecords, Intent, MedicationCourse } from './clinical-events';
import { atLeastMR, type ProgressionEvent } from './disease-status';
import type { Assessment } from './response';
import type { LineOfTherapy } from './lines-of-therapy';
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
  lastDose: string | null;
  ongoing: boolean;
  durationDays: number;
  cycles: number | null;
  lines: number[];
  refractory: boolean;
  refractoryInLastLine: boolean;
  /** True when every refractoriness found was at maintenance intent. */
  refractoryOnlyAtMaintenance: boolean;
  evidence: RefractoryEvidence[];
  provenance: string[];
}

export interface ClassExposure {
  exposed: boolean;
  refractory: boolean;
  refractoryInLastLine: boolean;
  drugs: string[];
}

const NOT_FOR_REFRACTORINESS: ReadonlySet<Intent | null> = new Set(['conditioning', 'lymphodepletion', 'mobilization', 'supportive']);

/**
 * Exposure per drug (first and last dose, duration, lines) and IMWG refractoriness: progression while
 * on the drug or within `refractoryWindowDays` of its last dose, or (setting) no MR or better while on
 * it. Judged per course, in the line the course belongs to.
 */
export function drugExposures(
  records: ClinicalRecords,
  lines: readonly LineOfTherapy[],
  progressions: readonly ProgressionEvent[],
  assessments: readonly Assessment[],
  asOf: string,
  s: ProfileSettings,
): Record<string, DrugExposure> {
  const lineOf = new Map<MedicationCourse, number>();
  for (const l of lines) for (const c of l.courses) lineOf.set(c, l.number);
  const lastLine = lines.at(-1)?.number ?? null;
  // A progression is attributed to the therapy in effect: not past the start of the next line.
  const nextLineStart = (line: number): string | null => lines.find((l) => l.number === line + 1)?.start ?? null;
  const out: Record<string, DrugExposure> = {};
  const exposeAt = (generic: string, start: string, end: string | null, line: number | null, eventId: string, cycles: number | null): DrugExposure => {
    const e = (out[generic] ??= {
      exposed: true,
      firstDose: start,
      lastStart: start,
      lastDose: end,
      ongoing: false,
      durationDays: 0,
      cycles: null,
      lines: [],
      refractory: false,
      refractoryInLastLine: false,
      refractoryOnlyAtMaintenance: false,
      evidence: [],
      provenance: [],
    });
    if (start < e.firstDose) e.firstDose = start;
    if (start > e.lastStart) e.lastStart = start;
    if (end === null) e.ongoing = true;
    else if (e.lastDose === null || end > e.lastDose) e.lastDose = end;
    e.durationDays += daysBetween(start, end ?? asOf) + 1;
    if (cycles !== null) e.cycles = (e.cycles ?? 0) + cycles;
    if (line !== null && !e.lines.includes(line)) e.lines.push(line);
    e.provenance.push(eventId);
    return e;
  };

  for (const c of records.medications) {
    const line = lineOf.get(c) ?? null;
    for (const g of c.generics) {
      if (classesOf(g).includes('SUPPORTIVE')) continue;
      const e = exposeAt(g, c.start, c.end, line, c.eventId, c.cycles);
      if (NOT_FOR_REFRACTORINESS.has(c.intent) || line === null) continue;
      const until = c.end ?? asOf;
      if (daysBetween(c.start, until) + 1 < s.minExposureDaysForRefractoriness) continue;
      const earliest = addDays(c.start, s.minExposureDaysForRefractoriness);
      const next = nextLineStart(line);
      const windowEnd = [c.end ? addDays(c.end, s.refractoryWindowDays) : asOf, ...(next ? [next] : [])].sort()[0]!;
      const pd = progressions.find((p) => p.date > c.start && p.date >= earliest && p.date <= windowEnd);
      const maintenance = c.intent === 'maintenance';
      if (pd) {
        const onTherapy = c.end === null || pd.date <= c.end;
        e.evidence.push({
          line,
          kind: onTherapy ? 'progression-on-therapy' : 'progression-within-window',
          date: pd.date,
          atMaintenanceDose: maintenance,
          detail: onTherapy ? `progression ${pd.date} while on ${g} (${pd.detail})` : `progression ${pd.date}, ${daysBetween(c.end!, pd.date)} days after the last dose of ${g} (${pd.detail})`,
          provenance: [c.eventId, ...pd.provenance],
        });
        continue;
      }
      const stoppedForOtherReasons = c.reasonStopped === 'toxicity' || c.reasonStopped === 'patient-choice';
      if (s.nonResponseIsRefractory && !stoppedForOtherReasons) {
        const assessed = assessments.filter((r) => r.date > c.start && r.date <= until && r.category !== 'PD');
        // A response reached on it may be confirmed (or reported) after the last dose, before any new therapy: it counts.
        const respondedBy = next ?? asOf;
        const responded = assessments.some((r) => r.date > c.start && r.date <= respondedBy && atLeastMR(r.category));
        if (assessed.length > 0 && !responded && c.end !== null) {
          e.evidence.push({
            line,
            kind: 'no-response',
            date: assessed.at(-1)!.date,
            atMaintenanceDose: maintenance,
            detail: `best response ${assessed.map((r) => r.category).join('/')} on ${g}: no MR or better`,
            provenance: [c.eventId, ...assessed.flatMap((r) => r.provenance)],
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
    const pd = progressions.find((x) => x.date > p.date && (next === null || x.date <= next));
    // A CAR-T product is "refractory" only by progression after the infusion without response in between.
    const responded = assessments.some((r) => r.date > p.date && (!pd || r.date < pd.date) && atLeastMR(r.category));
    if (pd && !responded && line !== null) {
      e.evidence.push({ line, kind: 'progression-on-therapy', date: pd.date, atMaintenanceDose: false, detail: `progression ${pd.date} after infusion without MR or better`, provenance: [p.eventId, ...pd.provenance] });
    }
  }
  for (const e of Object.values(out)) {
    e.refractory = e.evidence.length > 0;
    e.refractoryInLastLine = e.evidence.some((x) => x.line === lastLine);
    e.refractoryOnlyAtMaintenance = e.refractory && e.evidence.every((x) => x.atMaintenanceDose);
    e.lines.sort((a, b) => a - b);
  }
  return out;
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
