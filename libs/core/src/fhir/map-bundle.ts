import type { Bundle, CodeableConcept, Condition, FhirResource, MedicationAdministration, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, Quantity } from 'fhir/r4';
import { classesOf, resolveMedication } from '../terminology/drug-catalog';
import { CELL_THERAPY_CLASSES } from '../terminology/drug-classes';
import { labDefinition } from '../terminology/labs';
import { readIscn } from './iscn';
import { convert } from '../terminology/units';
import { canonicalJson } from '../util/canonical-json';
import type { ReasonStopped } from '../patient/clinical-events';

/** A patient event in the native shape (patient-events.v1), as produced from FHIR. */
export interface MappedEvent {
  eventId: string;
  patientId: string;
  source: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  /** A version of a resource (or one amended, corrected, preliminary, entered in error): the id of its first version, which it revises. */
  supersedes?: string;
  revision?: number;
}

export interface FhirMapping {
  events: MappedEvent[];
  /** Resources (or parts) that could not be mapped, with why (and whose they are, when known): reported, never silently ignored. */
  unmapped: Array<{ resourceType: string; id: string | null; reason: string; patientId?: string }>;
}

export const SYSTEMS = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'],
} as const;

const LOINC_ECOG = '89247-1';
/** mCODE TumorSize: LOINC 21889-1 with its dimensions as components (33728-7 the greatest; 33729-5 or 44667-4 an additional one). */
const LOINC_TUMOR_SIZE = '21889-1';
/** HL7 Genomics Reporting: a genetic variant assessment (present / absent) described by its Variant ISCN component. */
const LOINC_VARIANT_ASSESSMENT = '69548-6';
const LOINC_VARIANT_ISCN = '81291-7';
/** Observation statuses with no final result (immunofixation, genetic variant assessments: reported, not read). */
const NO_FINAL_RESULT: ReadonlySet<string> = new Set(['registered', 'preliminary', 'unknown']);
const LOINC_MAX_DIMENSION = '33728-7';
const LOINC_ADDITIONAL_DIMENSION = ['33729-5', '44667-4'];
/** A BodyStructure is a plasmacytoma when its morphology or description says so (or names ICD-O-3 9731/3 or 9734/3). */
const PLASMACYTOMA = /plasmacytoma|973[14]\/3/i;
/** A description or morphology that names a plasmacytoma only to deny it ("plasmacytoma ruled out", "no plasmacytoma"). */
const NOT_PLASMACYTOMA = /\b(no|not|without|negative for|ruled out)\b[^.;]{0,30}plasmacytoma|plasmacytoma[^.;]{0,20}\b(ruled out|excluded|not seen)\b/i;
/** MRD: no single settled LOINC code (domain.md); the two public mappings use, read with method and sensitivity as components or `method`. */
const LOINC_MRD = ['98847-0', '93021-4'];
/**
 * Coded negative/positive answers: SNOMED CT 260385009 negative, 260415000 not detected, 2667000 absent / 10828004
 * positive, 260373001 detected, 52101004 present; LOINC LA6577-6 negative / LA6576-8 positive, LA9634-2 absent / LA9633-4 present.
 */
const NEGATIVE_CODES = new Set(['260385009', '260415000', '2667000', 'LA6577-6', 'LA9634-2']);
const POSITIVE_CODES = new Set(['10828004', '260373001', '52101004', 'LA6576-8', 'LA9633-4']);

type Qualitative = 'negative' | 'positive';

/**
 * A qualitative result (MRD, immunofixation) from its stated value (`read`); with no value, the interpretation
 * (POS/DET, NEG/ND). A value and an interpretation that disagree are neither; null is reported, never guessed.
 */
function qualitativeResult(o: Observation, read: (o: Observation) => Qualitative | null): Qualitative | null {
  const stated = o.valueCodeableConcept !== undefined || o.valueString !== undefined;
  const value = stated ? read(o) : null;
  // HL7 v3 ObservationInterpretation: read when there is no value; a value it contradicts is reported.
  const flags = new Set((o.interpretation ?? []).flatMap((i) => (i.coding ?? []).filter((c) => c.system === V3_INTERPRETATION).map((c) => INTERPRETATION_RESULT.get(c.code ?? ''))).filter((r) => r !== undefined));
  const interpreted = flags.size === 1 ? [...flags][0]! : flags.size > 1 ? null : undefined;
  if (interpreted === undefined) return value;
  if (!stated) return interpreted;
  return value === interpreted ? value : null;
}

const V3_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** POS/DET positive, NEG/ND (not detected) negative; the others (high, low, abnormal…) say nothing of MRD. */
const INTERPRETATION_RESULT = new Map<string, Qualitative>([
  ['POS', 'positive'],
  ['DET', 'positive'],
  ['NEG', 'negative'],
  ['ND', 'negative'],
]);

/** The coded answer (SNOMED CT or LOINC codings only): undefined when there is none, null when the codes say both. */
function codedResult(o: Observation): Qualitative | null | undefined {
  const codes = (o.valueCodeableConcept?.coding ?? []).filter((c) => c.system === SYSTEMS.snomed || c.system === SYSTEMS.loinc).map((c) => c.code ?? '');
  const negative = codes.some((c) => NEGATIVE_CODES.has(c));
  const positive = codes.some((c) => POSITIVE_CODES.has(c));
  if (!negative && !positive) return undefined;
  return negative && positive ? null : negative ? 'negative' : 'positive';
}

const writtenOf = (o: Observation): string => [o.valueString, textOf(o.valueCodeableConcept)].filter(Boolean).join(' ');

/**
 * An MRD result from its coded or written answer: "not detected", "no MRD detected", "none detected",
 * "undetectable", "not positive" are negative, "not negative" is positive; a text naming both results
 * ("positive (previously negative)") is neither.
 */
function mrdValue(o: Observation): Qualitative | null {
  const coded = codedResult(o);
  if (coded !== undefined) return coded;
  const text = ` ${writtenOf(o).toLowerCase()} `
    .replace(/\bnot\s+negative\b|\bnon-?negative\b/g, ' POS ')
    .replace(/\bnot\s+positive\b|\bnot\s+detected\b|\bnone\s+detected\b|\bundetect\w*|\bno\b(?:\s+[\w-]+){0,4}?\s+detected\b/g, ' NEG ')
    .replace(/\bnegative\b/g, ' NEG ')
    .replace(/\bpositive\b|\bdetected\b/g, ' POS ');
  const negative = /\bNEG\b/.test(text);
  const positive = /\bPOS\b/.test(text);
  return negative === positive ? null : negative ? 'negative' : 'positive';
}

/**
 * An immunofixation result from its coded answer or written report; a code its text contradicts is neither.
 * Reports are written clause by clause ("Negative. No monoclonal band seen."; "IgG-K band; SPEP negative"), and a
 * negative word may be about something else (SPEP, heavy chains, "no new bands"), so the text is read by clauses
 * (split at full stops, semicolons and line ends) and only a denial of the monoclonal protein itself is negative:
 * - not read at all (reported): words that make the report depend on what came before or on a therapy
 *   (oligoclonal, polyclonal, daratumumab or another therapeutic antibody, co-migrating, previous, no longer,
 *   resolved, new, additional, other, further, equivocal, indeterminate, see comment);
 * - a negative clause: one that begins by denying (no, negative for, without, absence of, no evidence of) and
 *   names what IFE looks for (a monoclonal protein, M-protein or M-spike, paraprotein, band, immunoglobulin,
 *   light chain, an isotype); one that says that thing is not detected, identified, seen or present, or absent;
 *   or a clause that is only "negative", "not detected", "none detected" or "absent";
 * - a positive clause: an isotype (IgG kappa, IgA-lambda, IgGκ, IgG-K), a free light chain named, a kappa or lambda
 *   band, restriction or type, or a monoclonal protein, paraprotein or Bence Jones protein identified, present,
 *   seen or detected; or a clause that is only "positive", "present" or "detected";
 * - any other clause that names what IFE looks for, or a positive next to a denial in one clause, makes the
 *   report unreadable (reported); a clause about nothing of the kind ("SPEP negative") is passed over.
 * The report is positive or negative when its clauses agree; else it is reported.
 */
function ifeValue(o: Observation): Qualitative | null {
  const coded = codedResult(o);
  const text = writtenOf(o);
  const written = text === '' ? null : ifeWritten(text);
  if (coded === undefined) return written;
  return coded !== null && written !== null && written !== coded ? null : coded;
}

const ISOTYPE = String.raw`\big\s?[gamde]\s*[-/]?\s*(?:kappa|lambda|κ|λ|k|l)(?![a-z])`;
const IFE_OBJECT = String.raw`(?:monoclonal|m-?protein|m\s+protein|m-?spike|m\s+spike|paraprotein|bence[\s-]+jones|${ISOTYPE})`;
const IFE_NOT_READ = /\b(?:oligoclonal|polyclonal|daratumumab|isatuximab|elotuzumab|dira|hydrashift|co-?migrat\w*|therapeutic\s+(?:monoclonal\s+)?antibod\w*|previous\w*|prior|no\s+longer|resol\w*|disappear\w*|new|additional|other|further|equivocal|indeterminate|see\s+comment)\b/;
const IFE_NAMES = new RegExp(String.raw`monoclonal|m-?protein|\bm\s+(?:protein|spike)|m-?spike|paraprotein|bence|band|immunoglobulin|light\s+chain|kappa|lambda|κ|λ|${ISOTYPE}|abnormal`);
const IFE_LEADING_DENIAL = /^\s*(?:[a-z][\w\s-]{0,20}:\s*)?(?:no|negative\s+for|without|absence\s+of|no\s+evidence\s+of)\b/;
const IFE_OBJECT_PHRASE = String.raw`${IFE_OBJECT}[\w-]*(?:\s+(?:protein|band|immunoglobulin|gammopathy|component|light\s+chain)s?)?`;
const IFE_DENIALS = [
  // "…: no monoclonal protein detected", "there is no M-protein"
  new RegExp(String.raw`\b(?:no|negative\s+for|without|absence\s+of|no\s+evidence\s+of)\s+(?:an?\s+|any\s+)?(?:detectable\s+|residual\s+|endogenous\s+)?${IFE_OBJECT_PHRASE}(?:\s+(?:is\s+|was\s+)?(?:detected|identified|seen|present|observed|noted|demonstrated)\b)?`, 'g'),
  // "monoclonal protein not identified", "IgG kappa absent"
  new RegExp(String.raw`${IFE_OBJECT_PHRASE}\s+(?:is\s+|was\s+|were\s+)?(?:not\s+(?:detected|identified|seen|present|observed|demonstrated)|absent|undetectable)\b`, 'g'),
];
/** A clause that is only a result, perhaps after the test's or the finding's name ("IFE: negative", "M-spike detected"). */
const IFE_LABEL = String.raw`^\s*(?:(?:serum\s+|urine\s+)?(?:immunofixation|ife|bjp|bence[\s-]+jones(?:\s+protein)?|m-?protein|monoclonal\s+protein|paraprotein|m-?spike|result|interpretation)\s*:?\s*)?`;
const IFE_BARE_NEGATIVE = new RegExp(String.raw`${IFE_LABEL}(?:negative|not\s+detected|none\s+detected|absent)\s*$`);
const IFE_BARE_POSITIVE = new RegExp(String.raw`${IFE_LABEL}(?:positive|present|detected)\s*$`);
const IFE_POSITIVE = [
  new RegExp(ISOTYPE),
  /\bfree\s+(?:kappa|lambda|κ|λ)(?![a-z])/,
  /\b(?:kappa|lambda|κ|λ)\s+(?:light\s+chain\s+)?(?:band|restriction|type|bence)/,
  /\b(?:monoclonal|m-?protein|m\s+protein|paraprotein|bence[\s-]+jones)[\w-]*(?:\s+[\w()-]+){0,4}?\s+(?:identified|present|seen|noted|observed|detected|demonstrated)\b/,
];
const IFE_SUSPECT = new RegExp(String.raw`${IFE_NAMES.source}|restrict|faint|trace|persist|residual|positive|detected|present|identified|seen|spike`);

function ifeWritten(raw: string): Qualitative | null {
  const text = raw.toLowerCase().replace(/[‐‑–—]/g, '-');
  if (IFE_NOT_READ.test(text)) return null;
  const read = text.split(/[.;\n]+/).map((clause): Qualitative | 'suspect' | 'neutral' => {
    if (clause.trim() === '') return 'neutral';
    // A clause about the electrophoresis ("SPEP: no M-spike") says nothing of the immunofixation.
    if (/^\s*(?:spep|upep|spe|serum\s+protein\s+electrophoresis|urine\s+protein\s+electrophoresis|(?:serum\s+|urine\s+)?electrophoresis)\b/.test(clause)) return 'neutral';
    if (IFE_BARE_NEGATIVE.test(clause)) return 'negative';
    if (IFE_BARE_POSITIVE.test(clause)) return 'positive';
    // "Negative for monoclonal protein except a faint IgG kappa band": a denial with an exception is not read.
    if (IFE_LEADING_DENIAL.test(clause)) return !IFE_NAMES.test(clause) ? 'neutral' : /\b(?:except|but|however|apart\s+from|other\s+than|although|though)\b/.test(clause) ? 'suspect' : 'negative';
    const rest = IFE_DENIALS.reduce((c, re) => c.replace(re, ' '), clause);
    const denied = rest !== clause;
    if (IFE_POSITIVE.some((re) => re.test(rest))) return denied ? 'suspect' : 'positive';
    if (denied) return IFE_SUSPECT.test(rest) ? 'suspect' : 'negative';
    return IFE_SUSPECT.test(clause) ? 'suspect' : 'neutral';
  });
  if (read.includes('suspect')) return null;
  const positive = read.includes('positive');
  const negative = read.includes('negative');
  return positive === negative ? null : positive ? 'positive' : 'negative';
}

/**
 * The isotype a text names, when it names one: a heavy chain (IgG, IgA, IgD, IgE, IgM; "light chain myeloma" or
 * "Bence Jones myeloma": none) and a light chain (kappa, lambda). Two different heavy or light chains (a biclonal
 * disease, a list) name neither. Undefined when there is nothing to read.
 */
export function isotypeIn(raw: string): { heavyChain?: string; lightChain?: 'kappa' | 'lambda' } | undefined {
  // Not an isotype: a κ/λ ratio ("free kappa/lambda ratio 0.02"), IgG4-related disease, an IgG subclass.
  const text = raw
    .toLowerCase()
    .replace(/[‐‑–—]/g, '-')
    .replace(/\b(?:free\s+)?(?:kappa|κ)\s*\/\s*(?:lambda|λ)(?:\s+(?:flc\s+)?ratio)?|\b(?:flc\s+)?ratio\b/g, ' ')
    .replace(/\big\s?-?g\s?4[\s-]*(?:related|rd)\b[\w\s-]*/g, ' ');
  const heavy = new Set([...text.matchAll(/\big\s?-?([gadem])(?![a-z\d])/g)].map((m) => `Ig${m[1]!.toUpperCase()}`));
  const lightOnly = /\b(?:light[\s-]+chain|bence[\s-]+jones)\s+(?:\((?:kappa|lambda|κ|λ)\)\s+)?(?:multiple\s+)?myeloma\b|\b(?:kappa|lambda)\s+light[\s-]+chain\s+(?:multiple\s+)?myeloma\b/.test(text);
  const lights = new Set<'kappa' | 'lambda'>();
  for (const m of text.matchAll(/(?:\big\s?-?[gadem]\s*[-/]?\s*(k|l)(?![a-z]))|(kappa|κ)|(lambda|λ)/g)) lights.add(m[1] === 'k' || m[2] ? 'kappa' : 'lambda');
  const out: { heavyChain?: string; lightChain?: 'kappa' | 'lambda' } = {};
  if (heavy.size === 1 && !lightOnly) out.heavyChain = [...heavy][0]!;
  else if (heavy.size === 0 && lightOnly) out.heavyChain = 'none';
  if (lights.size === 1) out.lightChain = [...lights][0]!;
  return out.heavyChain || out.lightChain ? out : undefined;
}

const SUPERSCRIPTS: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
const PERCENT_UNITS = new Set(['%', 'percent', 'pct']);

/**
 * A sensitivity written as 0.00001, 1e-5, 10^-5, 10⁻⁵, 10E-5, 1x10^-5, 10-5, "1 in 100,000", "1 in 10^5" or a
 * percentage (0.001%), a leading comparator (<1e-5) and a bracketed alternative ignored; a quantity in % too.
 * Undefined when there is none; null when there is one that cannot be read.
 */
function sensitivityOf(v: { valueQuantity?: Quantity; valueString?: string } | undefined): number | null | undefined {
  if (!v) return undefined;
  const inRange = (x: number): number | null => (Number.isFinite(x) && x > 0 && x < 1 ? x : null);
  const q = v.valueQuantity;
  if (q) {
    const unit = (q.code ?? q.unit ?? '1').toLowerCase();
    if (typeof q.value !== 'number' || !(PERCENT_UNITS.has(unit) || unit === '1' || unit === '{ratio}')) return null;
    return inRange(PERCENT_UNITS.has(unit) ? q.value / 100 : q.value);
  }
  let t = (v.valueString ?? '').replace(/\(.*\)/g, '').replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPTS[c]!).replace(/[,\s]/g, '').replace(/[−–]/g, '-').replace(/^(?:<=|≤|<)/, '');
  if (t === '') return null;
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  // "1x10^-5", "10^-5", "1e-5"; with a mantissa, "2x10^-6" or "2.5×10⁻⁶" (a limit of detection as NGF laboratories report it).
  const power = /^(?:(\d+(?:\.\d+)?)(?:x|×|\*))?(?:1e|10\^?|10e)-(\d+)$/i.exec(t);
  const ratio = /^1(?:in|\/|:)(\d+)$/i.exec(t);
  const ratioPower = /^1(?:in|\/|:)10\^(\d+)$/i.exec(t);
  const x = power ? Number(`${power[1] ?? '1'}e-${power[2]}`) : ratioPower ? Number(`1e-${ratioPower[1]}`) : ratio ? 1 / Number(ratio[1]) : Number(t);
  return inRange(percent ? x / 100 : x);
}
const UCUM = 'http://unitsofmeasure.org';
/** LOINC answer list LL529-9 (ECOG performance status): LA9622-7 … LA9627-6 are scores 0 … 5. */
const ECOG_ANSWERS: Record<string, number> = { 'LA9622-7': 0, 'LA9623-5': 1, 'LA9624-3': 2, 'LA9625-0': 3, 'LA9626-8': 4, 'LA9627-6': 5 };
/** The beginning of each LL529-9 answer's text, score 0 … 5 (a display with another score's wording contradicts the code). */
const ECOG_WORDING: readonly RegExp[] = [/^\s*fully active/i, /^\s*restricted in physically strenuous/i, /^\s*ambulatory and capable of all self-?care/i, /^\s*capable of only limited self-?care/i, /^\s*completely disabled/i, /^\s*dead\b/i];
const MM_SNOMED = new Set(['109989006']);
/**
 * ICD-10 C90.0x multiple myeloma, C90.1x plasma cell leukaemia, E85.81 (ICD-10-CM) light-chain (AL) amyloidosis,
 * G62.x/G63 polyneuropathy (dotted or not). Other E85 codes are other amyloidoses (hereditary, wild-type ATTR,
 * secondary) or, in WHO ICD-10 (no AL code), of a type not given: reported, not read as AL.
 */
const CONDITION_BY_ICD10: Array<[RegExp, { type: 'diagnosis' | 'condition'; kind?: string }]> = [
  [/^C90\.0/, { type: 'diagnosis' }],
  [/^C90\.1/, { type: 'condition', kind: 'plasma-cell-leukemia' }],
  [/^E85\.81/, { type: 'condition', kind: 'al-amyloidosis' }],
  [/^G6[23]/, { type: 'condition', kind: 'peripheral-neuropathy' }],
  // Any other malignant neoplasm (C00–C97 but C90: plasmacytomas stay unmapped); in situ neoplasms (D00–D09) are not.
  [/^C(?!90)/, { type: 'condition', kind: 'other-malignancy' }],
];
/**
 * Procedures by code text, in this order: collection (apheresis, harvest, mobilisation: never a transplant
 * or an infusion), then what is about a procedure without being one (evaluation, referral, planning: not
 * mapped), then transplants and CAR-T infusions (the word CAR-T, not "cart…"), then radiation; a transfusion before all
 * (apheresis platelets are transfused, not collected).
 */
/** The rest of a text going on to a transplant ("… followed by allo-HSCT", "… and autologous stem cell transplant"). */
const THEN_TRANSPLANT = String.raw`.*\b(?:followed\s+by|then|and|with|plus)\b.*(?:transplant|\bASCT\b|\b(?:auto|allo)-?(?:H?SCT|HCT|BMT|PBSCT)\b|(?:autologous|allogeneic)\s+(?:stem\s+cell|hematopoietic|haematopoietic))`;
const PROCEDURE_TEXT: Array<[RegExp, string | null]> = [
  // A transfusion first: "apheresis platelets" are a product transfused, not a collection.
  [/transfus/i, 'transfusion'],
  // Not a stem-cell or T-cell collection: a plasma exchange, a specimen, blood or urine collection.
  [/plasma\s*(?:pheresis|exchange)|plasmapheresis|specimen|(?:blood|urine|sample)\s+collection|collection\s+of\s+(?:blood|urine|(?:a\s+)?specimen|(?:a\s+)?sample)/i, null],
  [/apheresis|leukapheresis|harvest|collection|mobili[sz]ation/i, 'apheresis'],
  [/evaluation|assessment|consult|work-?up|referral|planning|eligibility/i, null],
  // Therapy named first is not the procedure it leads to ("Lymphodepleting chemotherapy prior to CAR-T cell infusion",
  // "Bridging therapy before CAR-T", "Conditioning regimen for allo-HSCT"), unless the text goes on to the transplant
  // itself ("Conditioning TBI followed by allo-HSCT"); radiation named right after it is radiation ("Bridging palliative
  // radiotherapy to T10", "Conditioning TBI"); a procedure named first keeps its kind ("CAR-T infusion after lymphodepletion").
  [new RegExp(`^\\s*(?:lymphodeplet\\w*|bridging|conditioning)\\W+(?:\\w+\\W+){0,3}?(?:radiation|radiotherapy|irradiation|TBI|total\\s+body\\s+irradiation)\\b(?!${THEN_TRANSPLANT})`, 'i'), 'radiation'],
  [new RegExp(`^\\s*(?:lymphodeplet\\w*|bridging|conditioning|chemotherapy)\\b(?!${THEN_TRANSPLANT})`, 'i'), null],
  [/autologous.*(stem cell|hematopoietic|haematopoietic|transplant|\bH?SCT\b|\bHCT\b|\bBMT\b|\bPBSCT\b)|\bASCT\b|\bauto-?(H?SCT|HCT|BMT|PBSCT)\b/i, 'autologous-sct'],
  [/allogeneic.*(stem cell|hematopoietic|haematopoietic|transplant|\bH?SCT\b|\bHCT\b|\bBMT\b|\bPBSCT\b)|\ballo-?(H?SCT|HCT|BMT|PBSCT)\b/i, 'allogeneic-sct'],
  [/\bCAR[- ]?T\b|chimeric antigen receptor/i, 'car-t-infusion'],
  [/radiation|radiotherapy/i, 'radiation'],
];
/**
 * The upper limit of normal an Observation gives: the first reference range with a high value that applies to the
 * patient's sex (a range's appliesTo naming male or female, by SNOMED CT 248153007 / 248152002 or by text), else the
 * first with no appliesTo; ranges for both sexes and no sex known: none (which one applies is not known).
 */
function upperLimitFor(o: Observation, gender: string | undefined): { high?: Quantity; bySex?: { female?: Quantity; male?: Quantity; other?: Quantity } } {
  const ranges = (o.referenceRange ?? []).filter((rr) => rr.high?.value !== undefined);
  const sexOf = (rr: (typeof ranges)[number]): 'male' | 'female' | null => {
    const words = (rr.appliesTo ?? []).flatMap((c) => [c.text, ...(c.coding ?? []).flatMap((x) => [x.code, x.display])]).filter((x): x is string => typeof x === 'string').join(' ');
    return /\bfemale\b|\bwom[ae]n\b|248152002/i.test(words) ? 'female' : /\bmale\b|\bm[ae]n\b|248153007/i.test(words) ? 'male' : null;
  };
  const bySex = ranges.filter((rr) => sexOf(rr) !== null);
  if (bySex.length === 0) return { high: ranges[0]?.high };
  const mine = bySex.find((rr) => sexOf(rr) === gender);
  if (mine) return { high: mine.high };
  // The patient's sex not in this Bundle: both limits go with the value, the profile takes the patient's.
  if (gender === undefined) return { bySex: { female: bySex.find((rr) => sexOf(rr) === 'female')?.high, male: bySex.find((rr) => sexOf(rr) === 'male')?.high, other: ranges.find((rr) => sexOf(rr) === null)?.high } };
  return { high: ranges.find((rr) => sexOf(rr) === null)?.high };
}

/** The last day of a partial FHIR date (a year, or a year and month); null for anything else. */
function periodEnd(partial: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(partial);
  return m ? new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) : 12, 0)).toISOString().slice(0, 10) : null;
}
/**
 * The day by which a partial FHIR date (a year, or a year and month) was over, as the Bundle tells it on `today`: the
 * period's last day once past, else `today` itself (a status "resolved" in the current month holds by the day it is
 * told); null for anything else.
 */
function lastDayOf(partial: string, today: string): string | null {
  const last = periodEnd(partial);
  return last === null ? null : last < today ? last : today;
}

/** The day a Bundle speaks of: its `timestamp` (when it was assembled) if a calendar day not after the machine's, else the machine's. */
function bundleDay(bundle: Bundle): string {
  const now = new Date().toISOString().slice(0, 10);
  const stamped = typeof bundle.timestamp === 'string' && FULL_DATE.test(bundle.timestamp) ? bundle.timestamp.slice(0, 10) : null;
  return stamped !== null && stamped < now ? stamped : now;
}

/** Statuses saying a medication was not (or not yet) given, or a procedure not (yet) done: reported, not mapped. */
const NOT_GIVEN: Record<string, ReadonlySet<string>> = {
  MedicationAdministration: new Set(['entered-in-error', 'not-done']),
  MedicationStatement: new Set(['entered-in-error', 'not-taken', 'intended']),
  MedicationRequest: new Set(['entered-in-error', 'cancelled', 'draft']),
  Procedure: new Set(['entered-in-error', 'not-done', 'preparation', 'on-hold', 'unknown']),
};
/** MedicationRequest intents that are not orders (a proposal or a plan is not a treatment). */
const NOT_ORDERS = new Set(['proposal', 'plan', 'option']);
/** FHIR dates may be partial (YYYY, YYYY-MM); events need a day. */
const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;
/** The event's date fields, held to valid days (or date-times) like its date. */
const DATE_FIELDS = ['start', 'end', 'onsetDate', 'resolvedDate', 'diagnosisDate', 'birthDate'] as const;
/** patient-events v1 caps an event id at 128 characters. */
const MAX_EVENT_ID = 128;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;
/** A calendar day (2021-02-29 is none), alone or with a time and its time zone (FHIR dateTime, instant). */
function validDateTime(v: string): boolean {
  const m = DATE_TIME.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const codesIn = (cc: CodeableConcept | undefined, system: string | readonly string[]): string[] =>
  (cc?.coding ?? []).filter((c) => c.code !== undefined && (typeof system === 'string' ? c.system === system : system.includes(c.system ?? ''))).map((c) => c.code!);
const codeIn = (cc: CodeableConcept | undefined, system: string | readonly string[]): string | undefined => codesIn(cc, system)[0];
const textOf = (cc: CodeableConcept | undefined): string | undefined => cc?.text ?? cc?.coding?.find((c) => c.display)?.display;
/** ICD-10 codes as sent, dotted or not (C9000 is C90.00). */
const dottedIcd = (code: string): string => (code.length > 3 && !code.includes('.') ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
/** The id a Patient reference names: `Patient/x`, `Patient/x/_history/n`, an absolute URL ending so, or a Bundle entry's fullUrl. */
function referencedPatient(ref: string, byFullUrl: ReadonlyMap<string, string>): string | null {
  if (typeof ref !== 'string') throw new TypeError(`a reference is a string, not ${typeof ref}`);
  const local = byFullUrl.get(ref);
  if (local !== undefined) return local;
  const m = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(ref);
  if (m) return m[1]!;
  // A urn:uuid names an entry of this Bundle (its fullUrl), and nothing outside it.
  return null;
}

/** The first CAR-T product the drug catalog recognises in these texts (whole, or any parenthesised or comma-separated part). */
/**
 * A text led by an agent other than a CAR-T product ("IVIG infusion … after cilta-cel", "Tocilizumab infusion (CRS,
 * cilta-cel)"): its first one to three words name a drug the catalog knows that is not a cell therapy, immune
 * globulin, or an agent against cytokine release syndrome (tocilizumab, siltuximab, anakinra).
 */
function ledByOtherAgent(text: string): boolean {
  const words = text.split(/[\s(),;:]+/).filter(Boolean);
  // Immune globulin and the agents against cytokine release syndrome and neurotoxicity are not in the drug catalog.
  if (/^(?:IVIG|SCIG|immun[eo]\s*globulin|immunoglobulin|tocilizumab|Actemra|siltuximab|anakinra|Kineret)\b/i.test(text.trim())) return true;
  for (let n = 3; n >= 1; n--) {
    if (words.length < n) continue;
    const r = resolveMedication({ text: words.slice(0, n).join(' ') });
    if (r.mapped) return !r.generics.some((g) => classesOf(g).some((k) => CELL_THERAPY_CLASSES.has(k)));
  }
  return false;
}

function carTProduct(texts: ReadonlyArray<string | undefined>): string | null {
  const isProduct = (part: string): boolean => {
    const r = resolveMedication({ text: part });
    return r.mapped && r.generics.length === 1 && classesOf(r.generics[0]!).some((k) => CELL_THERAPY_CLASSES.has(k));
  };
  for (const t of texts) {
    if (!t) continue;
    // The product infused, the first named in the text ("Infusion of idecabtagene vicleucel", "Day 0 cilta-cel
    // infusion", "CAR-T infusion: ide-cel"; a text led by another agent is no CAR-T infusion: `ledByOtherAgent`).
    const words = t.split(/[\s(),;:]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++)
      for (let n = 3; n >= 1; n--) {
        const span = words.slice(i, i + n).join(' ');
        if (i + n <= words.length && isProduct(span)) return span;
      }
  }
  return null;
}

/** Reasons for stopping a medication, by words of `statusReason` (its text, or a coding's display). */
const STOP_REASONS: ReadonlyArray<[ReasonStopped, RegExp]> = [
  ['progression', /\bprogress(?:ion|ed|ing|ive disease|ive myeloma)\b|\bdisease progress|\brelaps(?:e|ed|ing)\b|\brefractor|treatment failure|lack of (?:efficacy|response)|\bno response\b|\bPD\b/i],
  ['toxicity', /toxic|adverse|side[- ]effect|intoleran|neuropath|cytopeni|neutropeni|thrombocytopeni|infection|allerg|hypersensitiv/i],
  ['patient-choice', /patient(?:'s)? (?:choice|request|decision|preference|wish)|refus|declin|withdr[ae]w consent/i],
  ['completed', /\bcomplet(?:ed|e|ion)\b|\bfinished\b|course (?:done|given)|planned (?:cycles|course)/i],
];
/**
 * Words naming a reason only to deny it ("no progression", "not due to progression", "no adverse events",
 * "progression-free", "relapse-free"), taken out before the reason is read (rev35 F01-F08).
 */
const NEGATED_REASONS = [
  /\b(?:no|not|without|non)[- ]+(?:due to |related to |evidence of |signs? of )?(?:disease )?(?:progress\w*|relaps\w*|refractor\w*|PD\b|adverse (?:events?|effects?)|toxicit\w*|side[- ]effects?)/gi,
  /\b(?:progression|relapse|event|toxicity)[- ]free\b/gi,
];
function stopReason(reasons: readonly CodeableConcept[]): ReasonStopped | undefined {
  const words = NEGATED_REASONS.reduce((w, re) => w.replace(re, ' '), reasons.map((c) => [c.text, ...(c.coding ?? []).map((x) => x.display)].filter((w): w is string => typeof w === 'string').join(' ')).join(' '));
  return STOP_REASONS.find(([, re]) => re.test(words))?.[0];
}

/**
 * Maps a FHIR R4 Bundle to native patient events: Patient, Condition, MedicationAdministration /
 * MedicationStatement / MedicationRequest (RxNorm code or text), Observation (LOINC; ECOG 89247-1),
 * Procedure (by text: ASCT, allo-SCT, CAR-T, apheresis, radiation, transfusion). See docs/fhir-mapping.md.
 */
export function mapFhirBundle(bundle: Bundle, source = 'fhir'): FhirMapping {
  const out: FhirMapping = { events: [], unmapped: [] };
  const today = bundleDay(bundle);
  const entries = bundle.entry ?? [];
  // A resource's own id, else its entry's fullUrl (a transaction Bundle's urn:uuid): event ids stay stable wherever the entry sits.
  const idOf = new Map<FhirResource, string | null>();
  const patientByFullUrl = new Map<string, string>();
  for (const e of entries) {
    if (!e?.resource) continue;
    // Strings only: a resource of the wrong shape is reported below, never a reason to fail the Bundle.
    const fullUrl = typeof e.fullUrl === 'string' ? e.fullUrl : undefined;
    const fromUrl = fullUrl ? (fullUrl.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : (/\/([^/]+)$/.exec(fullUrl)?.[1] ?? null)) : null;
    const id = typeof e.resource.id === 'string' && e.resource.id !== '' ? e.resource.id : fromUrl;
    idOf.set(e.resource, id);
    if (e.resource.resourceType === 'Patient' && id !== null && fullUrl) patientByFullUrl.set(fullUrl, id);
  }
  const resources = entries.map((e) => e?.resource).filter((r): r is FhirResource => r !== undefined && r !== null);
  for (const e of entries) if (!e?.resource) out.unmapped.push({ resourceType: 'Bundle.entry', id: typeof e?.fullUrl === 'string' ? e.fullUrl : null, reason: `entry without a resource${e?.request ? ` (${e.request.method} ${e.request.url})` : ''}` });
  const patients = resources.filter((r): r is Patient => r.resourceType === 'Patient');
  const defaultPatient = patients.length === 1 ? (idOf.get(patients[0]!) ?? null) : null;
  const patientOf = (ref: string | undefined): string | null => (ref === undefined ? defaultPatient : referencedPatient(ref, patientByFullUrl));
  /** The patient a resource belongs to, as far as it says (a Patient is its own; else its subject, or the Bundle's one Patient). */
  const ownerOf = (r: FhirResource): string | null => {
    if (r.resourceType === 'Patient') return idOf.get(r) ?? null;
    const ref = (r as { subject?: { reference?: unknown }; patient?: { reference?: unknown } }).subject?.reference ?? (r as { patient?: { reference?: unknown } }).patient?.reference;
    if (ref !== undefined && typeof ref !== 'string') return null; // not well-formed: nobody's
    return patientOf(ref);
  };
  /** A resource not mapped, with the reason and the patient it belongs to when known (a reader files it with that patient's, never another's). */
  const skip = (r: FhirResource, reason: string, patientId?: string | null): void => {
    const owner = patientId === undefined ? ownerOf(r) : patientId;
    out.unmapped.push({ resourceType: r.resourceType, id: idOf.get(r) ?? r.id ?? null, reason, ...(owner ? { patientId: owner } : {}) });
  };
  const genderOf = (patientId: string | null): string | undefined => {
    const p = patients.find((x) => idOf.get(x) === patientId);
    return typeof p?.gender === 'string' ? p.gender : undefined;
  };
  const pushed = new Map<string, string>();
  /** A subject given by an identifier alone: the Bundle's one Patient only when that Patient carries the identifier. */
  const identifiesDefault = (id: { value?: unknown; system?: unknown }): boolean =>
    patients.length === 1 && (patients[0]!.identifier ?? []).some((i) => i.value === id.value && (typeof id.system !== 'string' || typeof i.system !== 'string' || i.system === id.system));
  const push = (r: FhirResource, patientRef: string | undefined, type: string, occurredAt: string | undefined, data: Record<string, unknown>, suffix = '', retraction = false): void => {
    const subject = (r as { subject?: { reference?: unknown; identifier?: { value?: unknown; system?: unknown } } }).subject;
    if (patientRef === undefined && subject && subject.reference === undefined && subject.identifier?.value !== undefined && !identifiesDefault(subject.identifier))
      return skip(r, 'subject given only by an identifier that is not the Bundle’s Patient’s (send a reference)', null);
    const patientId = patientOf(patientRef);
    const id = idOf.get(r) ?? null;
    if (!patientId) return skip(r, patientRef === undefined ? 'no patient reference' : `patient reference not understood (${patientRef})`);
    if (patientId.length > MAX_EVENT_ID) return skip(r, `the patient id ${patientId.slice(0, 40)}… is longer than ${MAX_EVENT_ID} characters`);
    if (id === null) return skip(r, 'neither an id nor a fullUrl (event ids must be stable)', patientId);
    if (!occurredAt) return skip(r, 'no date', patientId);
    if (typeof occurredAt !== 'string' || !FULL_DATE.test(occurredAt)) return skip(r, `date ${String(occurredAt)} is not precise to the day`, patientId);
    if (!validDateTime(occurredAt)) return skip(r, `date ${occurredAt} is not a valid FHIR date or dateTime (a calendar day; a time with its time zone)`, patientId);
    for (const key of DATE_FIELDS) {
      const v = data[key];
      if (v !== undefined && (typeof v !== 'string' || !validDateTime(v))) return skip(r, `${key} ${JSON.stringify(v)} is not a valid date`, patientId);
    }
    // A version of the resource (meta.versionId), or a status that revises an earlier result: an event of its own that
    // supersedes the resource's first (the profile reads the latest revision; a retraction withdraws it).
    const version = versionOf(r, retraction);
    const eventId = `${r.resourceType}/${id}${version?.tag ?? ''}${suffix}`;
    // Intake names the event `source|ResourceType/id`: that must fit the event id's limit.
    if (`${source}|${eventId}`.length > MAX_EVENT_ID) return skip(r, `the event id ${source}|${r.resourceType}/${id.slice(0, 40)}… would be longer than ${MAX_EVENT_ID} characters`, patientId);
    // The same resource twice in the Bundle: read once; a second copy that says something else is reported.
    const content = canonicalJson({ patientId, type, occurredAt, data });
    const before = pushed.get(eventId);
    if (before !== undefined) return before === content ? undefined : skip(r, `${eventId} is in the Bundle twice, saying different things: the first is read`, patientId);
    pushed.set(eventId, content);
    out.events.push({ eventId, patientId, source, type, occurredAt, data, ...(version ? { supersedes: `${r.resourceType}/${id}${suffix}`, revision: version.revision } : {}) });
  };
  /**
   * A resource entered in error (a condition refuted; a later version saying it was not done or cancelled): a
   * retraction of what an earlier version of it said, dated by the resource's own date, else its last update, else
   * the Bundle's day.
   */
  const retract = (r: FhirResource, patientRef: string | undefined, status: string): void => {
    const date = clinicalDateOf(r) ?? (typeof r.meta?.lastUpdated === 'string' && FULL_DATE.test(r.meta.lastUpdated) ? r.meta.lastUpdated : today);
    push(r, patientRef, 'retraction', date, { reason: status }, '', true);
  };
  /** A later version (meta.versionId other than 1) of a resource whose status says it was not done or not given: it withdraws what an earlier one said. */
  const laterVersion = (r: FhirResource): boolean => typeof r.meta?.versionId === 'string' && r.meta.versionId !== '1';

  // Plasmacytomas as BodyStructures, by every reference an Observation's focus may use.
  const plasmacytomas = new Map<string, string>();
  for (const e of entries) {
    const b = e?.resource;
    if (b?.resourceType !== 'BodyStructure') continue;
    let words: string;
    try {
      words = [b.description, textOf(b.morphology), ...(b.morphology?.coding ?? []).map((c) => `${c.code ?? ''} ${c.display ?? ''}`)].join(' ');
    } catch {
      continue; // not well-formed: reported with the resources below
    }
    const id = idOf.get(b) ?? null;
    if (!PLASMACYTOMA.test(words) || NOT_PLASMACYTOMA.test(words) || id === null) continue;
    for (const ref of [`BodyStructure/${id}`, e.fullUrl].filter((x): x is string => typeof x === "string")) plasmacytomas.set(ref, id);
  }
  /** Patient|day of a plasmacytoma size that could not be read: that day's other sizes are set aside too. */
  const unreadDays = new Set<string>();
  /** A length in mm, converted by UCUM from any length unit (cm, m, [in_i], …); null without a value or unit, or as a bound. */
  const mm = (q: Quantity | undefined): number | null => {
    const unit = q?.code ?? q?.unit;
    if (q?.value === undefined || q.comparator !== undefined || !unit) return null;
    const c = convert(q.value, unit, 'mm');
    return c.ok ? c.value : null;
  };

  for (const r of resources) {
    const before = out.events.length;
    try {
      mapOne(r);
    } catch (err) {
      // A resource of the wrong shape (a coding that is not a list, a reference that is not a string): reported, and
      // whatever it had given so far set aside.
      out.events.length = before;
      skip(r, `not a well-formed ${String(r.resourceType)} (${err instanceof Error ? err.message : String(err)})`);
    }
    // A later version (or an amended or corrected result) that could not be read: what an earlier one said no longer
    // stands, so it is withdrawn (the new version is reported, as any resource not read).
    if (out.events.length === before && REVISABLE.has(r.resourceType) && laterRevision(r)) {
      const subject = (r as { subject?: { reference?: string } }).subject?.reference;
      if (typeof subject === 'string') retract(r, subject, 'a later version that could not be read');
    }
  }
  function mapOne(r: FhirResource): void {
    switch (r.resourceType) {
      case 'BodyStructure': {
        if (!plasmacytomas.has(`BodyStructure/${idOf.get(r) ?? ''}`)) skip(r, 'body structure not a plasmacytoma (only plasmacytomas are measured here)');
        break;
      }
      case 'Patient': {
        const p = r;
        if (!p.birthDate && !p.gender) {
          skip(p, 'neither birthDate nor gender');
          break;
        }
        // A birth date not precise to the day is reported (an age would be a guess); the sex is still read, dated by the
        // last day of the year or month of birth.
        const preciseBirth = typeof p.birthDate === 'string' && FULL_DATE.test(p.birthDate) && validDateTime(p.birthDate.slice(0, 10));
        if (p.birthDate && !preciseBirth) {
          skip(p, typeof p.birthDate === 'string' && FULL_DATE.test(p.birthDate) ? `birthDate ${p.birthDate} is not a valid date` : `birthDate ${String(p.birthDate)} is not precise to the day (an age would be a guess)`, idOf.get(p));
          if (!p.gender) break;
        }
        const bornBy = typeof p.birthDate === 'string' && !preciseBirth && /^\d{4}(?:-\d{2})?$/.test(p.birthDate) ? lastDayOf(p.birthDate, today) : null;
        // FHIR's administrative gender is male, female, other or unknown (a required binding): anything else is reported.
        const gender = p.gender !== undefined && ['male', 'female', 'other', 'unknown'].includes(p.gender) ? p.gender : undefined;
        if (p.gender !== undefined && gender === undefined) skip(p, `gender ${String(p.gender)} is not one of male, female, other, unknown`, idOf.get(p));
        if (!preciseBirth && !gender) break;
        push(p, `Patient/${idOf.get(p) ?? ''}`, 'demographics', preciseBirth ? p.birthDate!.slice(0, 10) : (bornBy ?? p.meta?.lastUpdated?.slice(0, 10) ?? bundle.timestamp?.slice(0, 10)), {
          ...(preciseBirth ? { birthDate: p.birthDate!.slice(0, 10) } : {}),
          ...(gender ? { sex: gender } : {}),
        });
        break;
      }
      case 'Condition': {
        const c: Condition = r;
        const verification = c.verificationStatus?.coding?.[0]?.code;
        if (verification === 'entered-in-error' || verification === 'refuted') {
          retract(c, c.subject?.reference, verification);
          break;
        }
        const icd = codesIn(c.code, SYSTEMS.icd10).map(dottedIcd);
        const snomed = codesIn(c.code, SYSTEMS.snomed);
        const match =
          icd.map((code) => CONDITION_BY_ICD10.find(([re]) => re.test(code))?.[1]).find((x) => x !== undefined) ??
          (snomed.some((code) => MM_SNOMED.has(code)) ? { type: 'diagnosis' as const } : undefined);
        if (!match) {
          const amyloid = icd.find((code) => /^E85/.test(code));
          skip(c, amyloid ? `amyloidosis ${amyloid} is not AL amyloidosis (ICD-10-CM E85.81), or does not say which type` : `condition code not mapped (${icd[0] ?? snomed[0] ?? textOf(c.code) ?? 'no code'})`);
          break;
        }
        const date = c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate;
        const clinical = c.clinicalStatus?.coding?.[0]?.code;
        if (match.type === 'diagnosis') {
          // The isotype its text or a coding's display names ("Multiple myeloma, IgA lambda"; "Light chain myeloma, kappa").
          const isotype = isotypeIn([c.code?.text, ...(c.code?.coding ?? []).map((x) => x.display)].filter(Boolean).join('; '));
          push(c, c.subject?.reference, 'diagnosis', date, { condition: 'multiple-myeloma', ...(date ? { diagnosisDate: date.slice(0, 10) } : {}), ...(isotype ? { isotype } : {}) });
        }
        else {
          const abated = c.abatementDateTime ?? c.abatementPeriod?.end ?? c.abatementPeriod?.start;
          const onset = c.onsetDateTime ?? c.onsetPeriod?.start;
          const code = icd[0];
          // An abatement without a clinical status is an abated condition (FHIR invariant con-4: not active).
          if (clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission' || (clinical === undefined && abated !== undefined)) {
            // Dated by its end: on the day when the resource gives one (the status holds from then); a year or a month
            // (FHIR allows them) is the last day of it, by which it had ended, once that day is past. Without an end,
            // dated by its onset (else its recording) and saying nothing about when it ended.
            const exact = abated !== undefined && FULL_DATE.test(abated);
            const endedBy = abated !== undefined && !exact ? lastDayOf(abated, today) : null;
            const day = exact ? abated : (endedBy ?? date);
            push(c, c.subject?.reference, 'condition', day, {
              kind: match.kind,
              status: 'resolved',
              ...(code ? { code } : {}),
              ...(onset && FULL_DATE.test(onset) ? { onsetDate: onset.slice(0, 10) } : {}),
              ...(exact ? { resolvedDate: abated.slice(0, 10) } : endedBy ? {} : { endUnknown: true }),
            });
            // A year or a month of abatement after the onset: still there on the day before that period began (it ended
            // within it), which a time window ("another malignancy within 3 years") needs to know.
            const periodStart = abated !== undefined && !exact ? /^(\d{4})(?:-(\d{2}))?$/.exec(abated) : null;
            if (periodStart && onset && FULL_DATE.test(onset)) {
              const before = new Date(Date.UTC(Number(periodStart[1]), periodStart[2] ? Number(periodStart[2]) - 1 : 0, 0)).toISOString().slice(0, 10);
              if (onset.slice(0, 10) <= before) push(c, c.subject?.reference, 'condition', before, { kind: match.kind, status: 'active', ...(code ? { code } : {}), onsetDate: onset.slice(0, 10) }, '#present');
            }
          } else push(c, c.subject?.reference, 'condition', date, { kind: match.kind, status: 'active', ...(code ? { code } : {}) });
        }
        break;
      }
      case 'MedicationAdministration':
      case 'MedicationStatement':
      case 'MedicationRequest': {
        const m: MedicationAdministration | MedicationStatement | MedicationRequest = r;
        if (m.status === 'entered-in-error') {
          retract(m, m.subject?.reference, m.status);
          break;
        }
        if (m.status !== undefined && NOT_GIVEN[m.resourceType]!.has(m.status)) {
          if (laterVersion(m)) retract(m, m.subject?.reference, m.status);
          else skip(m, `status ${m.status}`);
          break;
        }
        if (m.resourceType === 'MedicationRequest' && NOT_ORDERS.has(m.intent)) {
          skip(m, `intent ${m.intent} (not an order)`);
          break;
        }
        const concept = m.medicationCodeableConcept;
        // The first RxNorm code the drug catalog knows (a product code may come before the ingredient's), else the first.
        const rxnorms = codesIn(concept, SYSTEMS.rxnorm);
        const rxnorm = rxnorms.find((code) => resolveMedication({ rxnorm: code }).mapped) ?? rxnorms[0];
        const drug = textOf(concept);
        if (!rxnorm && !drug) {
          skip(m, m.medicationReference ? 'medicationReference is not resolved; send medicationCodeableConcept' : 'no medication code or text');
          break;
        }
        // A CAR-T product ordered is not infused (an order's date is not an infusion's, and some are never given).
        const ordered = m.resourceType === 'MedicationRequest' ? resolveMedication({ ...(rxnorm ? { rxnorm } : {}), ...(typeof drug === 'string' ? { text: drug } : {}) }) : null;
        if (ordered?.mapped && ordered.generics.length === 1 && classesOf(ordered.generics[0]!).some((k) => CELL_THERAPY_CLASSES.has(k))) {
          skip(m, 'a CAR-T product ordered, not its infusion (send the infusion as a Procedure or a MedicationAdministration)');
          break;
        }
        let start: string | undefined;
        let end: string | undefined;
        // No end given: a completed or stopped one (FHIR: "stopped", permanently halted) is not ongoing, and the only day
        // known to have been on it is its start (dateAsserted is only an upper bound); an administration at a point in
        // time ended then.
        const over = m.status === 'completed' || m.status === 'stopped';
        if (m.resourceType === 'MedicationRequest') {
          start = m.dispenseRequest?.validityPeriod?.start ?? m.authoredOn;
          end = m.dispenseRequest?.validityPeriod?.end ?? (over ? start : undefined);
        } else {
          start = m.effectivePeriod?.start ?? m.effectiveDateTime;
          end = m.effectivePeriod?.end ?? (over ? start : m.resourceType === 'MedicationAdministration' && m.effectiveDateTime ? m.effectiveDateTime : undefined);
        }
        if (!(rxnorm && /^[0-9]+$/.test(rxnorm)) && typeof drug !== 'string') {
          skip(m, `medication code ${String(rxnorm)} is not an RxNorm code (digits), and there is no text`);
          return;
        }
        // An end given as a year or a month (FHIR allows it) ended by its last day (a profile of a day before it reads the
        // course as ongoing until then).
        const endDay = end === undefined ? undefined : FULL_DATE.test(end) ? end.slice(0, 10) : (periodEnd(end) ?? undefined);
        if (endDay !== undefined && start !== undefined && FULL_DATE.test(start) && endDay < start.slice(0, 10)) {
          skip(m, `ends (${endDay}) before it starts (${start.slice(0, 10)})`);
          return;
        }
        // Why it stopped (`statusReason`), read when it is over: a course stopped for progression is documentation of it
        // (fhir34 M28). Completed or stopped with no end: stopped on a day not known (the native `reasonStopped` with no
        // `end`: its lines end on its start, its last dose is not known; fhir34 H02).
        // (An administration's reason is read only when it was stopped: one given at a point in time completed only itself.)
        const givenAtOnce = m.resourceType === 'MedicationAdministration' && !m.effectivePeriod && m.effectiveDateTime !== undefined;
        const endKnown = endDay !== undefined && (m.resourceType === 'MedicationRequest' ? m.dispenseRequest?.validityPeriod?.end !== undefined : m.effectivePeriod?.end !== undefined || givenAtOnce);
        const reasons = m.resourceType === 'MedicationAdministration' && m.status !== 'stopped' ? [] : [m.statusReason].flat().filter((c): c is CodeableConcept => c !== undefined);
        // (A reason given that is none of those read is `other`: stopped for a reason of its own.)
        const read = (over || endDay !== undefined) && reasons.length > 0 ? (stopReason(reasons) ?? 'other') : undefined;
        const reasonStopped = read ?? (over && !endKnown ? (m.status === 'completed' ? 'completed' : 'other') : undefined);
        push(m, m.subject?.reference, 'medication', start, {
          ...(typeof drug === 'string' ? { drug } : {}),
          ...(rxnorm && /^[0-9]+$/.test(rxnorm) ? { rxnorm } : {}),
          ...(start ? { start: start.slice(0, 10) } : {}),
          ...(endDay && (endKnown || reasonStopped === undefined) ? { end: endDay } : {}),
          ...(reasonStopped ? { reasonStopped } : {}),
        });
        break;
      }
      case 'Observation': {
        const o: Observation = r;
        // Registered: no result yet (FHIR), whatever value it carries.
        if (o.status === 'entered-in-error') {
          retract(o, o.subject?.reference, o.status);
          break;
        }
        if (o.status === 'cancelled' && laterVersion(o)) {
          retract(o, o.subject?.reference, o.status);
          break;
        }
        if (o.status === 'cancelled' || o.status === 'registered') {
          skip(o, o.status === 'registered' ? 'status registered: no result yet' : `status ${o.status}`);
          break;
        }
        const code = codeIn(o.code, SYSTEMS.loinc);
        const date = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
        if (code === LOINC_ECOG) {
          const answer = o.valueCodeableConcept?.coding?.find((c) => c.system === SYSTEMS.loinc && c.code !== undefined && c.code in ECOG_ANSWERS);
          // A text answer is one score at its start ("1 - Restricted …"), not a range ("1-2", "1 or 2").
          const texts = [...(o.valueCodeableConcept?.coding ?? []).map((c) => c.display), o.valueCodeableConcept?.text, o.valueString].filter((t): t is string => typeof t === 'string');
          // "2 - Ambulatory …", "ECOG 2", "ECOG PS: 2", or the answer's LOINC wording without its score.
          const scoreOf = (t: string): number | null => {
            const m = /^\s*(?:(?:ECOG|Zubrod|WHO)(?:\s*(?:PS|performance status))?\s*[:=]?\s*)?([0-5])(?!\d)(?!\s*(?:[-–/]|or\b|to\b)\s*\d)/i.exec(t);
            if (m) return Number(m[1]);
            const worded = ECOG_WORDING.findIndex((re) => re.test(t));
            return worded >= 0 ? worded : null;
          };
          const fromText = texts.map(scoreOf).find((x) => x !== null) ?? null;
          const coded = answer ? ECOG_ANSWERS[answer.code!]! : null;
          if (coded !== null && answer?.display !== undefined && scoreOf(answer.display) !== null && scoreOf(answer.display) !== coded) {
            skip(o, `ECOG answer ${answer.code} is ${coded}, its text says ${answer.display}`);
            break;
          }
          const v = o.valueInteger ?? o.valueQuantity?.value ?? coded ?? fromText;
          if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5) push(o, o.subject?.reference, 'performance-status', date, { ecog: v });
          else skip(o, typeof v === 'number' ? `ECOG ${v} is not a score from 0 to 5` : 'ECOG without a score from 0 to 5');
          break;
        }
        if (code !== undefined && LOINC_MRD.includes(code)) {
          if (o.status === 'preliminary') {
            skip(o, `MRD with status ${o.status}: no final result yet`);
            break;
          }
          const result = qualitativeResult(o, mrdValue);
          const named = (re: RegExp, not?: RegExp) => o.component?.find((c) => {
            const name = [textOf(c.code), ...(c.code.coding ?? []).map((x) => x.display ?? '')].join(' ');
            return re.test(name) && !(not && not.test(name));
          });
          const methodComponent = named(/method/i, /sensitivity|limit of detection|\bLoD\b/i);
          const methodText = [textOf(o.method), ...(o.method?.coding ?? []).map((c) => c.display ?? c.code ?? ''), methodComponent?.valueString, textOf(methodComponent?.valueCodeableConcept)].filter(Boolean).join(' ');
          const method = /\b(NGS|sequenc|clonoSEQ)/i.test(methodText) ? 'NGS' : /\b(NGF|flow|EuroFlow|cytometr)/i.test(methodText) ? 'NGF' : 'other';
          const sensitivityComponent = named(/sensitivity|limit of detection|\bLoD\b/i);
          const sensitivity = sensitivityOf(sensitivityComponent);
          if (!result) {
            skip(o, 'MRD without a result read as negative or positive (none, or both)');
            break;
          }
          // The specimen, as the Observation names it or as the Specimen of the Bundle it references says (IMWG MRD is of the marrow).
          const specimenRef = o.specimen?.reference;
          const specimenResource = specimenRef
            ? resources.find((x) => x.resourceType === 'Specimen' && (specimenRef === `Specimen/${idOf.get(x) ?? ''}` || entries.some((e) => e?.resource === x && e.fullUrl === specimenRef)))
            : undefined;
          const specimenType = specimenResource ? (specimenResource as { type?: CodeableConcept }).type : undefined;
          const specimen = [textOf(specimenType), ...(specimenType?.coding ?? []).map((c) => c.display), o.specimen?.display].find((x): x is string => typeof x === 'string' && x.trim() !== '');
          push(o, o.subject?.reference, 'mrd', date, { result, method, ...(typeof sensitivity === 'number' ? { sensitivity } : {}), ...(specimen ? { specimen } : {}) });
          // The result stands; a sensitivity that cannot be read is said, not dropped (a negative without one does not count as IMWG MRD-negative).
          if (sensitivity === null) skip(o, `MRD sensitivity not read (${sensitivityComponent?.valueString ?? JSON.stringify(sensitivityComponent?.valueQuantity)}): the result is mapped without it`);
          break;
        }
        if (code === LOINC_VARIANT_ASSESSMENT) {
          // Cytogenetics (FISH or a karyotype) as HL7 Genomics Reporting gives them: the abnormality in ISCN, found or not.
          if (NO_FINAL_RESULT.has(o.status)) {
            skip(o, `genetic variant assessment with status ${o.status}: no final result`);
            break;
          }
          const components = (o.component ?? []).filter((c) => codesIn(c.code, SYSTEMS.loinc).includes(LOINC_VARIANT_ISCN));
          const iscn = components[0]?.valueString ?? components[0]?.valueCodeableConcept?.coding?.find((c) => c.code)?.code ?? components[0]?.valueCodeableConcept?.text;
          if (components.length > 1) {
            skip(o, `genetic variant assessment with ${components.length} Variant ISCN components: which the value is about is not said`);
            break;
          }
          if (!iscn) {
            skip(o, `genetic variant assessment without its Variant ISCN (component LOINC ${LOINC_VARIANT_ISCN}): which abnormality is not said`);
            break;
          }
          const reading = readIscn(iscn);
          // The value: present / absent (coded, or written as just that); a value that says neither is reported.
          const written = writtenOf(o).trim().toLowerCase();
          const stated = codedResult(o) ?? (/^(present|detected|positive)$/.test(written) ? 'positive' : /^(absent|not detected|negative)$/.test(written) ? 'negative' : written === '' ? undefined : null);
          if ('unread' in reading) skip(o, `ISCN not read: ${reading.unread} (${iscn})`);
          else if (reading.findings.length === 0) skip(o, `ISCN names none of the abnormalities the profile reads (${iscn})`);
          else if (stated === null) skip(o, `the value (${written || 'codes that disagree'}) is neither present nor absent`);
          else if (stated !== undefined && (stated === 'positive') !== reading.findings.some((f) => f.detected)) skip(o, `the value (${stated === 'positive' ? 'present' : 'absent'}) and the ISCN (${iscn}) disagree`);
          else
            for (const f of reading.findings)
              push(o, o.subject?.reference, 'cytogenetics', date, {
                abnormality: f.abnormality,
                result: f.detected ? 'detected' : 'not-detected',
                ...(f.percentCells !== null ? { percentCells: f.percentCells } : {}),
                ...(f.copyNumber !== null ? { copyNumber: f.copyNumber } : {}),
              }, `#${f.abnormality}`);
          break;
        }
        if (code === LOINC_TUMOR_SIZE) {
          // A plasmacytoma's size (mCODE TumorSize): one lesion per Observation; a day's lesions together are its scans' plasmacytomas.
          const lesions = [...new Set((o.focus ?? []).map((f) => plasmacytomas.get(f.reference ?? '')).filter((x): x is string => x !== undefined))];
          const quantity = (codes: readonly string[]): Quantity | undefined => o.component?.find((c) => codesIn(c.code, SYSTEMS.loinc).some((x) => codes.includes(x)))?.valueQuantity;
          const longest = mm(quantity([LOINC_MAX_DIMENSION]));
          const perpendicular = mm(quantity(LOINC_ADDITIONAL_DIMENSION));
          const units = [quantity([LOINC_MAX_DIMENSION]), quantity(LOINC_ADDITIONAL_DIMENSION)].map((q) => (q ? `${q.value ?? '?'} ${q.code ?? q.unit ?? 'no unit'}` : 'absent')).join(', ');
          const unread = (reason: string): void => {
            skip(o, reason);
            // The day's other plasmacytomas would read as this one gone: set aside with it (below).
            const day = date?.slice(0, 10);
            const patient = patientOf(o.subject?.reference);
            if (day && patient) unreadDays.add(`${patient}|${day}`);
          };
          if (lesions.length === 0) skip(o, 'tumor size whose focus is not a plasmacytoma (a BodyStructure in the Bundle whose morphology says so)');
          else if (lesions.length > 1) unread(`tumor size focused on ${lesions.length} plasmacytomas (${lesions.join(', ')}): which one is not said`);
          else if (longest === null || perpendicular === null) unread(`plasmacytoma size needs its greatest and an additional dimension (LOINC 33728-7 and 33729-5 or 44667-4) in a length unit (sent: ${units})`);
          else if (perpendicular > longest) unread(`plasmacytoma's additional dimension (${perpendicular} mm) larger than its greatest (${longest} mm)`);
          else push(o, o.subject?.reference, 'imaging', date, { modality: textOf(o.method) ?? 'imaging', plasmacytomas: [{ lesion: lesions[0]!, longestDiameterMm: longest, perpendicularDiameterMm: perpendicular }] });
          break;
        }
        // Labs by LOINC code only: a local code's text ("Creatinine") does not say which specimen or method.
        const def = code !== undefined ? labDefinition(code) : undefined;
        const q = o.valueQuantity;
        if (!def) {
          skip(o, code !== undefined ? `observation code not mapped (${code})` : `observation without a LOINC code (${textOf(o.code) ?? 'no code'})`);
          break;
        }
        if (def.qualitative) {
          // Immunofixation (serum 25700-6 or its narrative interpretation 49275-1, urine 13440-3): positive or negative, read as MRD results are.
          if (NO_FINAL_RESULT.has(o.status)) {
            skip(o, `${def.name} with status ${o.status}: no final result`);
            break;
          }
          const result = qualitativeResult(o, ifeValue);
          // A positive report naming the band's isotype ("IgA lambda identified") gives the disease's isotype when no diagnosis does.
          const named = result === 'positive' ? isotypeIn(writtenOf(o)) : undefined;
          const isotype = named ? [named.heavyChain === 'none' ? undefined : named.heavyChain, named.lightChain].filter(Boolean).join(' ') : '';
          if (result) push(o, o.subject?.reference, 'lab', date, { code, result, ...(isotype ? { isotype } : {}) });
          else skip(o, `${def.name} without a result read as positive or negative (none, both, or neither: ${JSON.stringify(o.valueString ?? textOf(o.valueCodeableConcept) ?? null)})`);
          break;
        }
        if (q?.value === undefined) {
          skip(o, 'observation without valueQuantity');
          break;
        }
        if (q.comparator !== undefined) {
          skip(o, `value given as a bound (${q.comparator} ${q.value}), not a measurement`);
          break;
        }
        if (!q.code && !q.unit) {
          skip(o, 'value without a unit');
          break;
        }
        const { high, bySex } = upperLimitFor(o, genderOf(patientOf(o.subject?.reference)));
        const bySexUnit = bySex && (bySex.female?.code ?? bySex.female?.unit ?? bySex.male?.code ?? bySex.male?.unit);
        push(o, o.subject?.reference, 'lab', date, {
          ...(code ? { code } : { name: def.name }),
          value: q.value,
          // A UCUM code (or a code with no system) is preferred; a local system's code is not a unit this reads.
          unit: q.code !== undefined && (q.system === undefined || q.system === UCUM) ? q.code : (q.unit ?? q.code),
          ...(high?.value !== undefined ? { uln: high.value, ...(high.code ?? high.unit ? { ulnUnit: high.code ?? high.unit } : {}) } : {}),
          ...(bySex ? { ulnBySex: { ...(bySex.female?.value !== undefined ? { female: bySex.female.value } : {}), ...(bySex.male?.value !== undefined ? { male: bySex.male.value } : {}), ...(bySex.other?.value !== undefined ? { other: bySex.other.value } : {}) }, ...(bySexUnit ? { ulnUnit: bySexUnit } : {}) } : {}),
        });
        break;
      }
      case 'Procedure': {
        const p: Procedure = r;
        if (p.status === 'entered-in-error') {
          retract(p, p.subject?.reference, p.status);
          break;
        }
        if (NOT_GIVEN.Procedure!.has(p.status)) {
          if (laterVersion(p) && p.status === 'not-done') retract(p, p.subject?.reference, p.status);
          else skip(p, `status ${p.status}`);
          break;
        }
        const text = [textOf(p.code), ...(p.code?.coding ?? []).map((c) => c.display ?? '')].join(' ');
        // A CAR-T product named without the word (an infusion of idecabtagene vicleucel) is a CAR-T infusion too.
        const kind = PROCEDURE_TEXT.find(([re]) => re.test(text))?.[1] ?? (/infus|administ/i.test(text) && carTProduct([...(p.usedCode ?? []).map(textOf), textOf(p.code), ...(p.code?.coding ?? []).map((c) => c.display)]) !== null ? 'car-t-infusion' : undefined);
        if (kind === 'car-t-infusion' && ledByOtherAgent(textOf(p.code) ?? text)) {
          skip(p, `an infusion led by another agent (given with or because of a CAR-T), not the CAR-T (${textOf(p.code) ?? text})`);
          break;
        }
        if (!kind) {
          skip(p, `procedure not mapped (${textOf(p.code) ?? 'no code text'})`);
          break;
        }
        // A CAR-T infusion's product: from the device or product used, else from the procedure's own text.
        const product = kind === 'car-t-infusion' ? carTProduct([...(p.usedCode ?? []).map(textOf), textOf(p.code), ...(p.code?.coding ?? []).map((c) => c.display)]) : null;
        // A transfusion's product is read from its wording (platelets, red cells) where the event is read: the procedure's text,
        // its codings' displays and the products used.
        const transfused = kind === 'transfusion' ? [text, ...(p.usedCode ?? []).map(textOf)].filter(Boolean).join(' ') : undefined;
        // A transplant its text or a note calls the second of a tandem was planned as one (domain §3: a planned tandem is one line).
        const notes = ((p as { note?: Array<{ text?: unknown }> }).note ?? []).map((n) => (typeof n?.text === 'string' ? n.text : '')).join(' ');
        const plannedTandem = kind === 'autologous-sct' && /\btandem\b/i.test(`${text} ${notes}`) && !/\b(?:no|not|without)\s+(?:a\s+)?(?:planned\s+)?tandem\b/i.test(`${text} ${notes}`);
        push(p, p.subject?.reference, 'procedure', p.performedDateTime ?? p.performedPeriod?.start, { kind, ...(product ? { product } : {}), ...(transfused ? { product: transfused } : {}), ...(plannedTandem ? { plannedTandem: true } : {}) });
        break;
      }
      default:
        skip(r, 'resource type not mapped');
    }
  }
  // Qualitative results of one analyte on one day that disagree (serum immunofixation as 25700-6 and as its narrative
  // 49275-1, say): which holds is not said, and the profile would keep whichever came last, so both are set aside.
  const qualitativeKey = (e: MappedEvent): string | null => {
    const def = e.type === 'lab' && typeof e.data.code === 'string' ? labDefinition(e.data.code) : undefined;
    return def?.qualitative ? `${e.patientId}|${e.occurredAt.slice(0, 10)}|${def.name}` : null;
  };
  const resultsOn = new Map<string, Set<unknown>>();
  for (const e of out.events) {
    const key = qualitativeKey(e);
    if (key) resultsOn.set(key, (resultsOn.get(key) ?? new Set()).add(e.data.result));
  }
  if ([...resultsOn.values()].some((r) => r.size > 1)) {
    out.events = out.events.filter((e) => {
      const key = qualitativeKey(e);
      const conflicting = key !== null && resultsOn.get(key)!.size > 1;
      if (conflicting) out.unmapped.push({ resourceType: e.eventId.split('/')[0]!, id: e.eventId.slice(e.eventId.indexOf('/') + 1), reason: `${key.split('|')[2]} results of that day disagree (positive and negative): set aside`, patientId: e.patientId });
      return !conflicting;
    });
  }
  // A day with a plasmacytoma size that could not be read: its other sizes would read as that lesion gone, so none is used.
  if (unreadDays.size > 0) {
    out.events = out.events.filter((e) => {
      const unread = e.type === 'imaging' && Array.isArray(e.data.plasmacytomas) && unreadDays.has(`${e.patientId}|${e.occurredAt.slice(0, 10)}`);
      if (unread) out.unmapped.push({ resourceType: e.eventId.split('/')[0]!, id: e.eventId.slice(e.eventId.indexOf('/') + 1), reason: 'another plasmacytoma measured that day could not be read: the day\'s sizes are set aside', patientId: e.patientId });
      return !unread;
    });
  }
  return out;
}

/**
 * Which revision of a resource an event is: its `meta.versionId` (`/_history/<id>`; the revision is the number, else
 * its `meta.lastUpdated` in seconds, else 1); without one, an Observation `preliminary` (-1: any final result
 * replaces it), `amended` or `corrected` (`#<status>@<lastUpdated>`; the revision its last update in seconds, else
 * 1), a retraction (`#entered-in-error`; its last update in seconds, else 1: of one rank, the one intake received
 * later, a retraction first on a tie). Null: the resource as first sent.
 */
function versionOf(r: FhirResource, retraction: boolean): { tag: string; revision: number } | null {
  const updated = typeof r.meta?.lastUpdated === 'string' && !Number.isNaN(Date.parse(r.meta.lastUpdated)) ? Math.floor(Date.parse(r.meta.lastUpdated) / 1000) : null;
  const v = r.meta?.versionId;
  if (typeof v === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(v)) return { tag: `/_history/${v}`, revision: /^\d{1,9}$/.test(v) ? Number(v) : (updated ?? 1) };
  if (retraction) return { tag: '#entered-in-error', revision: updated ?? 1 };
  const status = r.resourceType === 'Observation' ? r.status : undefined;
  if (status === 'preliminary') return { tag: '#preliminary', revision: -1 };
  if (status === 'amended' || status === 'corrected') return { tag: `#${status}${updated !== null ? `@${updated}` : ''}`, revision: updated ?? 1 };
  return null;
}

/** A resource's clinical date, for filing a retraction of it. */
function clinicalDateOf(r: FhirResource): string | undefined {
  const x = r as unknown as Partial<Record<string, unknown>> & { effectivePeriod?: { start?: string }; performedPeriod?: { start?: string }; onsetPeriod?: { start?: string } };
  const candidates = [x.effectiveDateTime, x.effectivePeriod?.start, x.effectiveInstant, x.issued, x.performedDateTime, x.performedPeriod?.start, x.onsetDateTime, x.onsetPeriod?.start, x.recordedDate, x.authoredOn, x.dateAsserted];
  return candidates.find((d): d is string => typeof d === 'string');
}

/** The resources a later version of which withdraws the earlier one when it cannot be read. */
const REVISABLE: ReadonlySet<string> = new Set(['Observation', 'MedicationStatement', 'MedicationAdministration', 'MedicationRequest', 'Procedure', 'Condition']);
/** A version after the first (meta.versionId other than 1), or an amended or corrected result. */
function laterRevision(r: FhirResource): boolean {
  const v = r.meta?.versionId;
  if (typeof v === 'string') return v !== '1';
  return r.resourceType === 'Observation' && (r.status === 'amended' || r.status === 'corrected');
}
