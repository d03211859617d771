import { CELL_THERAPY_CLASSES, DRUG_CLASSES, type DrugClass } from '../terminology/drug-classes';
import { classesOf, DRUG_CATALOG, drug as drugEntry, drugsNamedIn } from '../terminology/drug-catalog';
import { halfLifeOf } from '../terminology/half-lives';
import { LAB_DEFINITIONS, toLabUnit, type LabName } from '../terminology/labs';
import { ageOnDay } from '../patient/age';
import { RESPONSE_RANK, type MrdRecord, type Unmapped } from '../patient/clinical-events';
import { canonicalAbnormality, type CytogeneticFinding } from '../patient/cytogenetics';
import { addDays, daysBetween, DEFAULT_SETTINGS } from '../patient/settings';
import type { PatientProfile } from '../patient/profile';
import type { DrugExposure, ExposureAmount } from '../patient/exposure';
import { canonicalJson } from '../util/canonical-json';
import { LEAF_FACTS, type Comparator, type Leaf, type Rule } from './rules';

export type Outcome = 'MET' | 'NOT_MET' | 'UNKNOWN';

/** What one leaf saw and concluded: the facts used, actual vs expected, and what would settle an unknown. */
export interface LeafTrace {
  fact: string;
  outcome: Outcome;
  expected: string;
  actual: string | null;
  missing?: string[];
  /** The outcome flips (MET ↔ NOT_MET) on this date if nothing else changes (washouts, time since SCT, age). */
  flipsOn?: string;
  provenance?: string[];
  /** A part of the rule above this leaf is decided whatever it says (an `all` with a child not met): its missing data settle nothing. */
  settled?: true;
}

export interface NodeResult {
  outcome: Outcome;
  /** The outcome changes on this date if nothing else changes... */
  flipsOn?: string;
  /** ...into this one (an unknown result may turn NOT_MET or MET whatever its missing data says; a known one may turn unknown). */
  flipsTo?: Outcome;
}

export interface EvaluationContext {
  profile: PatientProfile;
  asOf: string;
  /** Leaf traces are collected here; null evaluates without building explanations (bulk screening). */
  trace: LeafTrace[] | null;
}

export type CompiledRule = (ctx: EvaluationContext) => NodeResult;

export interface CompileProblem {
  pointer: string;
  message: string;
}

export class InvalidCriteriaError extends Error {
  constructor(readonly problems: CompileProblem[]) {
    super(problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; '));
    this.name = 'InvalidCriteriaError';
  }
}

const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '=='];
const LAB_NAMES = new Set<string>(LAB_DEFINITIONS.map((d) => d.name));
const FLAG_NAMES = new Set<string>([
  'doubleRefractory',
  'tripleClassExposed',
  'tripleClassRefractory',
  'pentaExposed',
  'pentaRefractory',
  'primaryRefractory',
  'relapsedAndRefractory',
  'relapsed',
  'refractoryToLastLine',
  'priorBcmaCarT',
  'priorBcmaBispecific',
  'priorBcmaAdc',
  'priorBcmaDirected',
  'priorGprc5dDirected',
  'priorFcrh5Directed',
  'priorTCellEngager',
  'priorAutologousSct',
  'priorAllogeneicSct',
]);

function compare(actual: number, op: Comparator, expected: number): boolean {
  switch (op) {
    case '>=':
      return actual >= expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '<':
      return actual < expected;
    case '==':
      return actual === expected;
  }
}

// ---------- validation of the raw document, collecting every problem with its JSON pointer ----------

class Checker {
  readonly problems: CompileProblem[] = [];
  fail(pointer: string, message: string): void {
    this.problems.push({ pointer, message });
  }
  object(v: unknown, pointer: string): Record<string, unknown> | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(pointer, 'must be an object');
      return null;
    }
    return v as Record<string, unknown>;
  }
  number(o: Record<string, unknown>, key: string, pointer: string, required: boolean): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(`${pointer}/${key}`, 'is required');
    } else if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`${pointer}/${key}`, 'must be a number');
  }
  oneOf(o: Record<string, unknown>, key: string, allowed: readonly string[], pointer: string, required: boolean): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(`${pointer}/${key}`, 'is required');
    } else if (typeof v !== 'string' || !allowed.includes(v)) this.fail(`${pointer}/${key}`, `must be one of ${allowed.join(', ')}`);
  }
  string(o: Record<string, unknown>, key: string, pointer: string, required: boolean): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(`${pointer}/${key}`, 'is required');
    } else if (typeof v !== 'string' || v.trim() === '') this.fail(`${pointer}/${key}`, 'must be a non-empty string');
  }
  boolean(o: Record<string, unknown>, key: string, pointer: string): void {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') this.fail(`${pointer}/${key}`, 'must be true or false');
  }
  only(o: Record<string, unknown>, allowed: readonly string[], pointer: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(`${pointer}/${k}`, 'is not a known property of this rule');
  }
}

/** The properties each leaf takes (besides `fact`); the criteria contract (rule.schema.json) lists the same. */
export const LEAF_KEYS: Record<Leaf['fact'], readonly string[]> = {
  age: ['min', 'max'],
  sex: ['in'],
  ecog: ['max', 'min', 'maxAgeDays'],
  priorLines: ['min', 'max'],
  drugExposed: ['drug', 'scope', 'minDays', 'minCycles', 'consecutive'],
  drugRefractory: ['drug', 'scope', 'excludeMaintenanceOnly', 'progressionOnly'],
  classExposed: ['class', 'scope', 'minDays', 'minCycles', 'consecutive', 'minDrugs'],
  classRefractory: ['class', 'scope', 'progressionOnly', 'minDrugs'],
  flag: ['name'],
  priorTargetTherapy: ['target', 'modality'],
  priorTransplant: ['kind', 'minCount'],
  priorCarT: ['scope'],
  timeSince: ['event', 'drug', 'class', 'kind', 'product', 'minDays', 'maxDays', 'halfLives', 'combine'],
  measurableDisease: ['serumMinGdL', 'serumMinGdLByIsotype', 'urineMinMg24h', 'involvedFlcMinMgDl', 'requireAbnormalFlcRatio', 'maxAgeDays'],
  measurableByFlcOnly: [],
  lab: ['name', 'op', 'value', 'unit', 'maxAgeDays', 'minDaysAfterSupport', 'support'],
  labTimesUln: ['name', 'op', 'value', 'maxAgeDays'],
  creatinineClearance: ['op', 'value', 'method', 'maxAgeDays'],
  progressionAfterLastLine: ['withinDaysOfLastDose'],
  responseAtLeast: ['category', 'ever'],
  mrd: ['result', 'maxSensitivity', 'maxAgeDays', 'sustained', 'imaging'],
  cytogenetics: ['abnormality'],
  highRiskCytogenetics: ['definition'],
  stage: ['system', 'at', 'stages'],
  condition: ['kind', 'minGrade', 'includeHistory', 'withinDays', 'neuropathyType'],
  plasmaCellLeukemia: [],
  extramedullaryDisease: ['type'],
  unknownText: ['reason'],
};

/** Ranges no sponsor means: a lower bound above its upper bound (never met, or met from a wrong date), a negative count or number of days. */
function checkRanges(c: Checker, o: Record<string, unknown>, p: string): void {
  const num = (k: string): number | undefined => (typeof o[k] === 'number' && Number.isFinite(o[k]) ? o[k] : undefined);
  for (const [lo, hi] of [['min', 'max'], ['minDays', 'maxDays']] as const) {
    const a = num(lo);
    const b = num(hi);
    if (a !== undefined && b !== undefined && a > b) c.fail(`${p}/${lo}`, `must not exceed ${hi} (${a} > ${b}: no value is both)`);
  }
  for (const k of Object.keys(o)) {
    const v = num(k);
    if (v !== undefined && v < 0 && /Days|Count|Cycles|Grade|halfLives/.test(k)) c.fail(`${p}/${k}`, 'must not be negative');
  }
  if ((o.fact === 'age' || o.fact === 'priorLines' || o.fact === 'ecog') && ((num('min') ?? 0) < 0 || (num('max') ?? 0) < 0)) c.fail(p, `${String(o.fact)} bounds must not be negative`);
  if (o.fact === 'labTimesUln' && num('value') !== undefined && num('value')! <= 0) c.fail(`${p}/value`, 'must be above 0 (a multiple of the upper limit of normal)');
}

function checkLeaf(c: Checker, o: Record<string, unknown>, p: string): void {
  const fact = o.fact as Leaf['fact'];
  c.only(o, ['fact', ...LEAF_KEYS[fact]], p);
  checkRanges(c, o, p);
  const consecutiveCycles = (): void => {
    c.boolean(o, 'consecutive', p);
    if (o.consecutive === true && o.minCycles === undefined) c.fail(`${p}/consecutive`, 'qualifies minCycles: give minCycles too');
  };
  const drugKnown = (key: string): void => {
    c.string(o, key, p, true);
    if (typeof o[key] === 'string' && !drugEntry(o[key])) c.fail(`${p}/${key}`, `unknown drug "${String(o[key])}" (use the generic name from the catalog)`);
  };
  switch (fact) {
    case 'age':
    case 'priorLines':
      c.number(o, 'min', p, false);
      c.number(o, 'max', p, false);
      if (o.min === undefined && o.max === undefined) c.fail(p, `${fact} needs min or max`);
      break;
    case 'sex':
      if (!Array.isArray(o.in) || o.in.length === 0 || o.in.some((x) => !['female', 'male', 'other'].includes(x as string))) c.fail(`${p}/in`, 'must be a non-empty list of female, male, other');
      break;
    case 'ecog':
      c.number(o, 'max', p, true);
      c.number(o, 'min', p, false);
      c.number(o, 'maxAgeDays', p, false);
      break;
    case 'drugExposed':
    case 'drugRefractory':
      drugKnown('drug');
      if (typeof o.drug === 'string' && drugEntry(o.drug)?.classes.includes('SUPPORTIVE')) c.fail(`${p}/drug`, `${o.drug} is a supportive agent, not an anti-myeloma exposure (timeSince lastDose reads its courses)`);
      c.oneOf(o, 'scope', ['any', 'lastLine'], p, false);
      c.boolean(o, 'excludeMaintenanceOnly', p);
      c.boolean(o, 'progressionOnly', p);
      c.number(o, 'minDays', p, false);
      c.number(o, 'minCycles', p, false);
      consecutiveCycles();
      break;
    case 'classExposed':
    case 'classRefractory':
      c.oneOf(o, 'class', DRUG_CLASSES, p, true);
      c.oneOf(o, 'scope', ['any', 'lastLine'], p, false);
      c.boolean(o, 'progressionOnly', p);
      c.number(o, 'minDays', p, false);
      c.number(o, 'minCycles', p, false);
      consecutiveCycles();
      c.number(o, 'minDrugs', p, false);
      if (o.minDrugs !== undefined && (typeof o.minDrugs !== 'number' || !Number.isInteger(o.minDrugs) || o.minDrugs < 1)) c.fail(`${p}/minDrugs`, 'must be a whole number of at least 1');
      if (o.minDrugs !== undefined && (o.minDays !== undefined || o.minCycles !== undefined)) c.fail(`${p}/minDrugs`, 'not with minDays or minCycles');
      break;
    case 'flag':
      c.oneOf(o, 'name', [...FLAG_NAMES], p, true);
      break;
    case 'priorTargetTherapy':
      c.oneOf(o, 'target', ['BCMA', 'GPRC5D', 'FCRH5'], p, true);
      c.oneOf(o, 'modality', ['CAR_T', 'BISPECIFIC', 'ADC', 'any'], p, false);
      break;
    case 'priorCarT':
      c.oneOf(o, 'scope', ['any', 'lastLine'], p, false);
      break;
    case 'priorTransplant':
      c.oneOf(o, 'kind', ['autologous', 'allogeneic', 'any'], p, false);
      c.number(o, 'minCount', p, false);
      break;
    case 'timeSince':
      c.oneOf(o, 'event', ['lastDose', 'transplant', 'carT', 'progression', 'transfusion'], p, true);
      c.oneOf(o, 'product', ['platelets', 'red-cells'], p, false);
      if (o.product !== undefined && o.event !== 'transfusion') c.fail(`${p}/product`, 'only with event transfusion');
      if (o.drug !== undefined) drugKnown('drug');
      c.oneOf(o, 'class', DRUG_CLASSES, p, false);
      if (o.class !== undefined && o.event !== 'lastDose' && !(o.event === 'carT' && CELL_THERAPY_CLASSES.has(o.class as DrugClass))) c.fail(`${p}/class`, 'only with event lastDose, or carT with a CAR-T class');
      if (o.drug !== undefined && o.event !== 'lastDose') c.fail(`${p}/drug`, 'only with event lastDose');
      c.oneOf(o, 'kind', ['autologous', 'allogeneic', 'any'], p, false);
      c.number(o, 'minDays', p, false);
      c.number(o, 'maxDays', p, false);
      if (o.minDays === undefined && o.maxDays === undefined) c.fail(p, 'timeSince needs minDays or maxDays');
      c.number(o, 'halfLives', p, false);
      c.oneOf(o, 'combine', ['shorter', 'longer'], p, false);
      if (o.halfLives !== undefined) {
        if (o.event !== 'lastDose' || o.minDays === undefined || o.maxDays !== undefined) c.fail(`${p}/halfLives`, 'only with event lastDose and minDays (a washout), without maxDays');
        else if ((typeof o.drug === 'string' && isSupportive(o.drug)) || o.class === 'SUPPORTIVE') c.fail(`${p}/halfLives`, 'not for supportive agents');
        if (typeof o.halfLives === 'number' && o.halfLives <= 0) c.fail(`${p}/halfLives`, 'must be above 0');
      } else if (o.combine !== undefined) c.fail(`${p}/combine`, 'only with halfLives');
      break;
    case 'measurableDisease':
      for (const k of ['serumMinGdL', 'urineMinMg24h', 'involvedFlcMinMgDl', 'maxAgeDays']) c.number(o, k, p, false);
      c.boolean(o, 'requireAbnormalFlcRatio', p);
      if (o.serumMinGdLByIsotype !== undefined) {
        const iso = c.object(o.serumMinGdLByIsotype, `${p}/serumMinGdLByIsotype`);
        if (iso) for (const [k, v] of Object.entries(iso)) if (!['IgG', 'IgA', 'IgD', 'IgE', 'IgM'].includes(k) || typeof v !== 'number') c.fail(`${p}/serumMinGdLByIsotype/${k}`, 'must be an isotype (IgG, IgA, IgD, IgE, IgM) with a number');
      }
      break;
    case 'lab':
    case 'labTimesUln': {
      c.oneOf(o, 'name', [...LAB_NAMES], p, true);
      c.oneOf(o, 'op', COMPARATORS, p, true);
      c.number(o, 'value', p, true);
      c.number(o, 'maxAgeDays', p, false);
      c.number(o, 'minDaysAfterSupport', p, false);
      if (o.minDaysAfterSupport !== undefined && (fact !== 'lab' || !(typeof o.name === 'string' && o.name in SUPPORT))) c.fail(`${p}/minDaysAfterSupport`, `only on a lab rule for ${Object.keys(SUPPORT).join(', ')}`);
      if (o.support !== undefined) {
        c.oneOf(o, 'support', ['any', 'transfusion', 'agent'], p, false);
        if (o.minDaysAfterSupport === undefined) c.fail(`${p}/support`, 'only with minDaysAfterSupport');
        else if (o.support === 'transfusion' && typeof o.name === 'string' && SUPPORT[o.name as LabName]?.product === null) c.fail(`${p}/support`, `nothing is transfused for ${o.name}`);
      }
      if (fact === 'lab') {
        c.string(o, 'unit', p, true);
        const def = LAB_DEFINITIONS.find((d) => d.name === o.name);
        if (def && typeof o.unit === 'string' && typeof o.value === 'number' && !toLabUnit(o.value, o.unit, def).ok) c.fail(`${p}/unit`, `cannot convert ${o.unit} to ${def.unit}`);
      }
      break;
    }
    case 'creatinineClearance':
      c.oneOf(o, 'method', ['cockcroft-gault', 'egfr', 'measured'], p, false);
      c.oneOf(o, 'op', COMPARATORS, p, true);
      c.number(o, 'value', p, true);
      c.number(o, 'maxAgeDays', p, false);
      break;
    case 'responseAtLeast':
      c.oneOf(o, 'category', ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD'], p, true);
      c.boolean(o, 'ever', p);
      break;
    case 'mrd':
      c.oneOf(o, 'result', ['negative', 'positive'], p, true);
      c.number(o, 'maxSensitivity', p, false);
      c.number(o, 'maxAgeDays', p, false);
      c.boolean(o, 'sustained', p);
      c.boolean(o, 'imaging', p);
      if ((o.sustained === true || o.imaging === true) && o.result !== 'negative') c.fail(`${p}/result`, 'sustained and imaging qualify an MRD negative: result must be negative');
      break;
    case 'cytogenetics':
      c.string(o, 'abnormality', p, true);
      break;
    case 'highRiskCytogenetics':
      c.oneOf(o, 'definition', ['riss', 'imwg2025'], p, true);
      break;
    case 'stage':
      c.oneOf(o, 'system', ['iss', 'riss'], p, true);
      c.oneOf(o, 'at', ['diagnosis', 'current'], p, true);
      if (!Array.isArray(o.stages) || o.stages.length === 0 || !o.stages.every((n) => n === 1 || n === 2 || n === 3)) c.fail(`${p}/stages`, 'must be a non-empty list of stages 1, 2, 3');
      break;
    case 'condition':
      c.string(o, 'kind', p, true);
      c.number(o, 'minGrade', p, false);
      c.boolean(o, 'includeHistory', p);
      c.number(o, 'withinDays', p, false);
      c.oneOf(o, 'neuropathyType', ['sensory', 'motor'], p, false);
      break;
    case 'extramedullaryDisease':
      c.oneOf(o, 'type', ['extramedullary', 'paraskeletal', 'any'], p, false);
      break;
    case 'unknownText':
      c.string(o, 'reason', p, true);
      break;
    case 'progressionAfterLastLine':
      c.number(o, 'withinDaysOfLastDose', p, false);
      if (typeof o.withinDaysOfLastDose === 'number' && (!Number.isInteger(o.withinDaysOfLastDose) || o.withinDaysOfLastDose < 0)) c.fail(`${p}/withinDaysOfLastDose`, 'must be a whole number of days, 0 or more');
      break;
    case 'measurableByFlcOnly':
    case 'plasmaCellLeukemia':
      break;
  }
}

function checkRule(c: Checker, raw: unknown, p: string): void {
  const o = c.object(raw, p);
  if (!o) return;
  const keys = Object.keys(o);
  if ('all' in o || 'any' in o) {
    const k = 'all' in o ? 'all' : 'any';
    c.only(o, [k], p);
    if (!Array.isArray(o[k]) || (o[k] as unknown[]).length === 0) c.fail(`${p}/${k}`, 'must be a non-empty list of rules');
    else (o[k] as unknown[]).forEach((r, i) => checkRule(c, r, `${p}/${k}/${i}`));
    return;
  }
  if ('not' in o) {
    c.only(o, ['not'], p);
    checkRule(c, o.not, `${p}/not`);
    return;
  }
  if ('if' in o) {
    c.only(o, ['if', 'then', 'else'], p);
    checkRule(c, o.if, `${p}/if`);
    if (o.then === undefined) c.fail(`${p}/then`, 'is required');
    else checkRule(c, o.then, `${p}/then`);
    if (o.else !== undefined) checkRule(c, o.else, `${p}/else`);
    return;
  }
  if (!('fact' in o)) {
    c.fail(p, `not a rule: expected all, any, not, if or fact (got ${keys.join(', ') || 'nothing'})`);
    return;
  }
  if (typeof o.fact !== 'string' || !(LEAF_FACTS as readonly string[]).includes(o.fact)) {
    c.fail(`${p}/fact`, `unknown fact ${JSON.stringify(o.fact)}`);
    return;
  }
  checkLeaf(c, o, p);
}

/** Every problem in a rule, each with its JSON pointer (empty when the rule is valid). */
export function checkRuleDocument(raw: unknown, pointer = ''): CompileProblem[] {
  const c = new Checker();
  checkRule(c, raw, pointer);
  return c.problems;
}

// ---------- compilation into closures ----------
//
// Compiled nodes return a small integer (NOT_MET 0, MET 1, UNKNOWN 2) and report the date on which
// their outcome flips through `state.flip`, so bulk screening allocates nothing per leaf. Everything
// that depends only on the rule (expected-value text, unit conversions, class lists) is computed here,
// once; explanations are built only when the caller collects traces.

export const NOT_MET = 0;
export const MET = 1;
export const UNKNOWN = 2;
export type Code = typeof NOT_MET | typeof MET | typeof UNKNOWN;
export const OUTCOMES: readonly Outcome[] = ['NOT_MET', 'MET', 'UNKNOWN'];

/** One evaluation's state: the profile and day, facts derived once per profile, and the last node's flip date. */
export interface EvalState extends EvaluationContext {
  asOfDay: number;
  /** Age in whole years on the day, null without a birth date. */
  age: number | null;
  history: boolean;
  responseData: boolean;
  /** Epoch day of the latest response assessment or progression (NO_FLIP when none): refractoriness is evidenced only for therapy started before it. */
  lastResponseDay: number;
  /** Epoch day on which the last node's outcome flips; NO_FLIP when it does not. */
  flip: number;
  /** What the last node's outcome becomes on `flip`: a code, or TO_OTHER (the other known outcome: what a leaf's date means). */
  flipTo: Code | typeof TO_OTHER;
  /**
   * The day after `flip` on which the last node's outcome turns back to what it is now (NO_FLIP: not known to):
   * a window that opens and closes again ("90 to 180 days since the ASCT" before day 90; "aged 18 to 74" at 17).
   * For good, unless `changes` gives more.
   */
  back: number;
  /**
   * Every day after the evaluation day on which the last node's outcome changes, with what it changes to, in order
   * ([day, code, day, code, …]): set by a leaf whose outcome changes more than on `flip` and `back`, and by every
   * combination (null: no change); read through `changesOf`.
   */
  changes: number[] | null;
}
export const NO_FLIP = Number.NEGATIVE_INFINITY;
/** `flipTo` of a leaf: the outcome turns into the other known one (MET ↔ NOT_MET). */
export const TO_OTHER = -1;
export type RuleNode = (s: EvalState) => Code;

/** Days since 1970-01-01 of a YYYY-MM-DD day, without Date (the engine's hot path). */
export function epochDay(iso: string): number {
  const d = (i: number): number => iso.charCodeAt(i) - 48;
  let y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const m = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The YYYY-MM-DD day of an epoch day (inverse of epochDay). */
export function dayString(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function hasTreatmentHistory(p: PatientProfile): boolean {
  if (p.linesOfTherapy.count > 0) return true;
  for (const _ in p.drugs) return true;
  return false;
}

function lastResponseDay(p: PatientProfile): number {
  const r = p.disease.response?.date ?? null;
  const pd = p.disease.progressionDate;
  const last = r !== null && (pd === null || r > pd) ? r : pd;
  return last === null ? NO_FLIP : epochDay(last);
}

/**
 * Refractoriness by progression alone (`progressionOnly`): progression on the drug or within the refractory
 * window of its last dose, in any line or the last; with `excludeMaintenanceOnly`, not when every such
 * progression was at maintenance intent.
 */
function progressedOn(p: PatientProfile, d: DrugExposure, scope: 'any' | 'lastLine', excludeMaintenanceOnly: boolean): boolean {
  const last = p.linesOfTherapy.lines.at(-1)?.number;
  const found = d.evidence.filter((e) => e.kind !== 'no-response' && (scope === 'any' || e.line === last));
  return found.length > 0 && !(excludeMaintenanceOnly && found.every((e) => e.atMaintenanceDose));
}

/**
 * Whether an exposure is long enough (`minDays` on the drug in all, `minCycles` recorded in all): MET, NOT_MET, or
 * UNKNOWN (cycles asked and not recorded); `s.flip` is the day an ongoing exposure reaches `minDays`.
 */
function longEnough(s: EvalState, d: ExposureAmount, { minDays, minCycles }: MinimumExposure, of?: DrugExposure): Code {
  s.flip = NO_FLIP;
  // An ongoing exposure keeps counting after the profile was derived.
  const days = d.durationDays + (d.ongoing && s.profile.asOf ? s.asOfDay - epochDay(s.profile.asOf) : 0);
  const daysOk = minDays === undefined || days >= minDays;
  // Its latest course stopped on a day not recorded: it may have lasted up to the day before the next line (or a
  // transplant or CAR-T infusion after it), so too few days known is not too few given (expo37 N02/N05).
  if (!daysOk && of?.lastDoseUnknown === true && !of.ongoing && of.lastDose !== null) {
    const most = of.lastDoseBy === undefined ? Infinity : days + daysBetween(of.lastDose, of.lastDoseBy);
    if (most >= minDays) return UNKNOWN;
  }
  // Fewer cycles than asked: not met for good only when every course gave its cycles and none is still going on.
  if (minCycles !== undefined && d.cycles !== null && d.cycles < minCycles) return d.ongoing || d.cyclesPartial ? UNKNOWN : NOT_MET;
  if (!daysOk) {
    if (d.ongoing) {
      if (minCycles === undefined || d.cycles !== null) s.flip = s.asOfDay + (minDays - days);
      return minCycles !== undefined && d.cycles === null ? UNKNOWN : NOT_MET;
    }
    return NOT_MET;
  }
  return minCycles !== undefined && d.cycles === null ? UNKNOWN : MET;
}
/** A drug's exposure in the scope a rule asks about, for a drug in that scope (null: a profile derived before the last line's share was kept). */
const amountIn = (d: DrugExposure, scope: 'any' | 'lastLine', consecutive = false): ExposureAmount | null => {
  const amount = scope === 'lastLine' ? (d.inLastLine ?? null) : d;
  if (!consecutive || amount === null || amount.cycles === null) return amount;
  // Consecutive cycles: the most in one run of back-to-back courses in the scope (a profile derived before they were kept: unknown).
  const run = amount.consecutiveCycles;
  return { ...amount, cycles: run ? run.cycles : null, cyclesPartial: run ? run.partial : true };
};
const OLD_PROFILE = 'the last line’s share not in this profile version';
interface MinimumExposure {
  minDays?: number;
  minCycles?: number;
  consecutive?: boolean;
}
/** The minimum exposure an exposure leaf asks for, if any. */
const minimumExposure = (l: Leaf): MinimumExposure | null =>
  (l.fact === 'drugExposed' || l.fact === 'classExposed') && (l.minDays !== undefined || l.minCycles !== undefined) ? { minDays: l.minDays, minCycles: l.minCycles, consecutive: l.consecutive === true } : null;
const thresholdNote = (m: MinimumExposure | null): string =>
  m === null ? '' : `${m.minDays !== undefined ? `, ≥ ${m.minDays} days on it` : ''}${m.minCycles !== undefined ? `, ≥ ${m.minCycles}${m.consecutive ? ' consecutive' : ''} cycles` : ''}`;

/** Whether every refractoriness found in the scope (any line, or the last) was at maintenance intent. */
function onlyAtMaintenance(p: PatientProfile, d: DrugExposure, scope: 'any' | 'lastLine'): boolean {
  const last = p.linesOfTherapy.lines.at(-1)?.number;
  const found = d.evidence.filter((e) => scope === 'any' || e.line === last);
  return found.length > 0 && found.every((e) => e.atMaintenanceDose);
}

/**
 * Whether the patient was in CR at an MRD test on `mrdDate` (IMWG 2016 MRD categories require it): MET for a confirmed
 * CR or sCR; UNKNOWN for one not yet confirmed, one only tests not on record keep from the response, no response on
 * record, or one below CR assessed before the MRD test (it says nothing of the disease then); otherwise NOT_MET.
 */
function inCompleteResponse(p: PatientProfile, mrdDate: string): Code {
  const r = p.disease.response;
  if (!r) return UNKNOWN;
  // Relapsed from the latest CR before the test (IMWG 2016 relapse from CR: the M-protein back, ≥5% marrow plasma cells, a
  // sign of progression): not in CR at it, whatever the response reached; on the test's day, which came first is not known
  // (mrd34 R01-R04).
  const relapsed = p.disease.relapseFromCr;
  if (relapsed && relapsed.date <= mrdDate) return relapsed.date < mrdDate ? NOT_MET : UNKNOWN;
  const code = reaches(r, RESPONSE_RANK.CR).code;
  return code === NOT_MET && r.date < mrdDate ? UNKNOWN : code;
}

/**
 * Whether the current response reaches a category (`wanted`, a rank): MET when it does, confirmed; UNKNOWN while one
 * that would is unconfirmed (the category itself, or a higher one the latest assessment shows: `awaiting`), or only
 * tests not on record keep it from reaching it (`untested`: `couldBe`); NOT_MET otherwise.
 */
function reaches(r: NonNullable<PatientProfile['disease']['response']>, wanted: number): { code: Code; awaiting: boolean; untested: boolean } {
  const awaiting = r.awaitingConfirmation !== undefined && RESPONSE_RANK[r.awaitingConfirmation] >= wanted;
  const untested = r.couldBe !== undefined && RESPONSE_RANK[r.couldBe.category] >= wanted;
  const code = RESPONSE_RANK[r.category] >= wanted ? (r.confirmed ? MET : UNKNOWN) : awaiting || untested ? UNKNOWN : NOT_MET;
  return { code, awaiting, untested };
}

/** Whether a response or progression is recorded after therapy started on `start`: without one, "not refractory" is not known. */
const documentedAfter = (s: EvalState, start: string): boolean => s.lastResponseDay !== NO_FLIP && s.lastResponseDay > epochDay(start);
/**
 * The day after which an assessment says how a drug's latest course went, as the profile derived it with its own
 * settings (`judgedFrom`: the course's start plus `earlyProgressionDays`; a re-challenge not yet assessed leaves
 * refractoriness open). Profiles derived before it was kept: the default setting, from `lastStart` or the first dose.
 */
const judgedFrom = (d: DrugExposure): string => d.judgedFrom ?? addDays(d.lastStart ?? d.firstDose, DEFAULT_SETTINGS.earlyProgressionDays);
/** Whether how the drug's latest course went is on record (`documented`, v15; before: any assessment after `judgedFrom`). */
const documentedOn = (s: EvalState, d: DrugExposure): boolean => d.documented ?? documentedAfter(s, judgedFrom(d));

export function evaluationState(profile: PatientProfile, asOf: string, trace: LeafTrace[] | null = null): EvalState {
  return {
    profile,
    asOf,
    trace,
    asOfDay: epochDay(asOf),
    age: profile.demographics.birthDate ? ageOnDay(profile.demographics.birthDate, asOf) : null,
    history: hasTreatmentHistory(profile),
    responseData: profile.disease.progressions.length > 0 || profile.disease.bestResponse !== null,
    lastResponseDay: lastResponseDay(profile),
    flip: NO_FLIP,
    flipTo: TO_OTHER,
    back: NO_FLIP,
    changes: null,
  };
}

/**
 * How old a lab, ECOG or creatinine clearance may be when a rule gives no maxAgeDays: older values are
 * UNKNOWN ("data missing or too old"), not evidence. The same 60 days as the profile's current statuses.
 */
export const DEFAULT_VALIDITY_DAYS = 60;
const within = (s: EvalState, date: string, maxAgeDays: number | undefined): boolean => maxAgeDays === undefined || s.asOfDay - epochDay(date) <= maxAgeDays;
const ageNote = (maxAgeDays: number | undefined): string => (maxAgeDays === undefined ? '' : ` within ${maxAgeDays} days`);
const range = (min: number | undefined, max: number | undefined): string => `${min !== undefined ? `≥ ${min}` : ''}${min !== undefined && max !== undefined ? ' and ' : ''}${max !== undefined ? `≤ ${max}` : ''}`;
const bool = (b: boolean): Code => (b ? MET : NOT_MET);
/** A derived value for an explanation: compared unrounded, shown to at most 4 decimals (39.9583 mL/min, 2.4998 × ULN). */
const shown = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Records a leaf's explanation (only called when the caller collects traces). */
function note(s: EvalState, code: Code, fact: string, expected: string, actual: string | null, missing?: readonly string[], provenance?: string[]): void {
  const t: LeafTrace = { fact, outcome: OUTCOMES[code]!, expected, actual };
  if (missing) t.missing = [...missing];
  if (s.flip !== NO_FLIP) t.flipsOn = dayString(s.flip);
  if (provenance) t.provenance = provenance;
  s.trace!.push(t);
}
/** A leaf's result with no flip date, explained (the caller checks that traces are collected, so no explanation is built otherwise). */
function done(s: EvalState, code: Code, fact: string, expected: string, actual: string | null, missing?: readonly string[], provenance?: string[]): Code {
  s.flip = NO_FLIP;
  if (s.trace !== null) note(s, code, fact, expected, actual, missing, provenance);
  return code;
}
/** A leaf's result with no flip date, unexplained (bulk screening). */
function quiet(s: EvalState, code: Code): Code {
  s.flip = NO_FLIP;
  return code;
}
const NONE = null;
const TREATMENT_HISTORY = ['treatment history'] as const;

const supportive = new Map<string, boolean>();
function isSupportive(generic: string): boolean {
  let v = supportive.get(generic);
  if (v === undefined) supportive.set(generic, (v = classesOf(generic).includes('SUPPORTIVE')));
  return v;
}

function targetClasses(target: 'BCMA' | 'GPRC5D' | 'FCRH5', modality: 'CAR_T' | 'BISPECIFIC' | 'ADC' | 'any'): DrugClass[] {
  const all: Record<string, DrugClass[]> = {
    BCMA: ['BCMA_CAR_T', 'BCMA_BISPECIFIC', 'BCMA_ADC'],
    GPRC5D: ['GPRC5D_CAR_T', 'GPRC5D_BISPECIFIC'],
    FCRH5: ['FCRH5_BISPECIFIC'],
  };
  return all[target]!.filter((k) => modality === 'any' || k.endsWith(modality === 'CAR_T' ? 'CAR_T' : modality));
}

/** Words naming a target, and a modality, in a medication the drug catalog cannot read ("investigational BCMA bispecific (blinded)"). */
/** Targets an unread medication's text may name: those of the classes of targeted therapy, and CD38 (an anti-CD38 antibody; expo34 U05). */
type UnreadTarget = 'BCMA' | 'GPRC5D' | 'FCRH5' | 'CD38';
/** The modality asked of an unread medication: one of targeted therapy's, a plain antibody (no other named), or any. */
type UnreadModality = 'CAR_T' | 'BISPECIFIC' | 'ADC' | 'ANTIBODY' | 'any';
const TARGET_WORDS: Record<UnreadTarget, RegExp> = {
  BCMA: /(?:^|[^a-z0-9]|x|anti)BCMA(?=[^a-z0-9]|x|$)|B[- ]cell maturation antigen/i,
  GPRC5D: /(?:^|[^a-z0-9]|x|anti)GPRC5D(?=[^a-z0-9]|x|$)/i,
  FCRH5: /(?:^|[^a-z0-9]|x|anti)Fc?R[HL]5(?=[^a-z0-9]|x|$)/i,
  CD38: /(?:^|[^a-z0-9]|x|anti)CD38(?=[^a-z0-9]|x|$)/i,
};
/** A target named only to say it is not the one ("non-BCMA", "not BCMA"). */
const NEGATED_TARGET = /\b(?:non|not)[- ]+(?:anti[- ]?)?(?:BCMA|GPRC5D|Fc?R[HL]5|CD38|B[- ]cell maturation antigen)\b|\b(?:BCMA|GPRC5D|CD38)[- ]?negative\b/gi;
const MODALITY_WORDS: Record<'CAR_T' | 'BISPECIFIC' | 'ADC', RegExp> = {
  CAR_T: /\bCAR[- ]?T\b|chimeric antigen receptor/i,
  BISPECIFIC: /bispecific|T[- ]cell engager|\bBiTE\b/i,
  ADC: /\bADC\b|antibody[- ]drug conjugate/i,
};
/**
 * A medication the drug catalog could not read (reported in `unmapped`) whose text names the target, and no other
 * modality than the one asked: it may have been that therapy, so "no prior therapy of the target" is not known.
 */
function unreadTargetTherapy(p: PatientProfile, target: UnreadTarget, modality: UnreadModality): string | null {
  return (p.unmapped ?? []).find((u) => u.type === 'medication' && namesTarget(u.original, target, modality))?.original ?? null;
}
/** The catalog's drugs of a class. */
const DRUGS_OF_CLASS = (k: DrugClass): string[] => DRUG_CATALOG.filter((e) => e.classes.includes(k)).map((e) => e.generic);
/** A medication the drug catalog could not read whose words name one of `generics` (expo37 O01): it may have been one. */
function unreadNaming(p: PatientProfile, generics: readonly string[]): string | null {
  return (p.unmapped ?? []).find((u) => u.type === 'medication' && drugsNamedIn(u.original).some((g) => generics.includes(g)))?.original ?? null;
}
/** Whether a text names the target, and no other modality than the one asked. */
function namesTarget(original: string, target: UnreadTarget, modality: UnreadModality): boolean {
  const text = original.replace(NEGATED_TARGET, ' ');
  if (!TARGET_WORDS[target].test(text)) return false;
  // An antibody (the anti-CD38 class): no other modality named (a CD38 CAR-T is not of it; rev35 C02).
  if (modality === 'ANTIBODY') return !Object.values(MODALITY_WORDS).some((re) => re.test(text));
  return modality === 'any' || MODALITY_WORDS[modality].test(text) || !Object.values(MODALITY_WORDS).some((re) => re.test(text));
}
/** A study drug named as such ("investigational agent", "study drug (blinded)"): in a myeloma history, it may be anti-myeloma therapy. */
const STUDY_DRUG = /investigational|\bstudy (?:drug|medication|agent|treatment|product|therapy)\b|\bblinded\b|\btrial (?:drug|medication|agent)\b/i;
/**
 * The unread medications (in `unmapped`, with their dates) that may be what a washout waits out: for a class of
 * targeted therapy, one naming its target (and no other modality); for any anti-myeloma therapy (no drug, no class),
 * one naming a target or a modality of targeted therapy, or a study drug. For a drug or another class, none.
 */
type UnreadMedication = { original: string; start: string; end: string | null; eventId: string; intent: string | null };
function unreadInScope(p: PatientProfile, l: { drug?: string; class?: DrugClass }): UnreadMedication[] {
  if (l.drug !== undefined) return [];
  const target = l.class !== undefined ? CLASS_TARGET[l.class] : undefined;
  if (l.class !== undefined && !target) return [];
  const out: UnreadMedication[] = [];
  for (const u of p.unmapped ?? []) {
    if (u.type !== 'medication' || u.start === undefined) continue;
    const text = u.original.replace(NEGATED_TARGET, ' ');
    const may = target
      ? namesTarget(u.original, target[0], target[1])
      : Object.values(TARGET_WORDS).some((re) => re.test(text)) || Object.values(MODALITY_WORDS).some((re) => re.test(text)) || STUDY_DRUG.test(text);
    if (may) out.push({ original: u.original, start: u.start, end: u.end ?? null, eventId: u.eventId, intent: u.intent ?? null });
  }
  return out;
}
/** The target and modality of each class of targeted therapy (for medications the catalog cannot read). */
const CLASS_TARGET: Partial<Record<DrugClass, [UnreadTarget, UnreadModality]>> = {
  ANTI_CD38: ['CD38', 'ANTIBODY'],
  BCMA_CAR_T: ['BCMA', 'CAR_T'],
  BCMA_BISPECIFIC: ['BCMA', 'BISPECIFIC'],
  BCMA_ADC: ['BCMA', 'ADC'],
  GPRC5D_CAR_T: ['GPRC5D', 'CAR_T'],
  GPRC5D_BISPECIFIC: ['GPRC5D', 'BISPECIFIC'],
  FCRH5_BISPECIFIC: ['FCRH5', 'BISPECIFIC'],
};
/** The prior-therapy flags a medication the catalog cannot read may make true: each of its targets and modalities. */
const TARGET_FLAGS: Partial<Record<keyof PatientProfile['flags'], Array<[UnreadTarget, 'CAR_T' | 'BISPECIFIC' | 'ADC' | 'any']>>> = {
  priorBcmaCarT: [['BCMA', 'CAR_T']],
  priorBcmaBispecific: [['BCMA', 'BISPECIFIC']],
  priorBcmaAdc: [['BCMA', 'ADC']],
  priorBcmaDirected: [['BCMA', 'any']],
  priorGprc5dDirected: [['GPRC5D', 'any']],
  priorFcrh5Directed: [['FCRH5', 'any']],
  priorTCellEngager: [
    ['BCMA', 'BISPECIFIC'],
    ['GPRC5D', 'BISPECIFIC'],
    ['FCRH5', 'BISPECIFIC'],
  ],
};

/** The exposure flags that need the anti-CD38 class: whether it is all they lack. */
const CD38_COMPOSITE_EXPOSURE: Partial<Record<keyof PatientProfile['flags'], (p: PatientProfile) => boolean>> = {
  tripleClassExposed: (p) => p.classes.IMID.exposed && p.classes.PI.exposed && !p.classes.ANTI_CD38.exposed,
  pentaExposed: (p) => ['bortezomib', 'carfilzomib', 'lenalidomide', 'pomalidomide'].every((g) => p.drugs[g]?.exposed === true) && !p.classes.ANTI_CD38.exposed,
};

const RESPONSE_DATA = ['response or progression assessments'] as const;
const LAST_DOSE = ['the last dose of the therapy stopped before the latest progression'] as const;
const REDERIVED = ['the profile derived again (a new event of the patient)'];
const anyLine = (p: PatientProfile): boolean => p.linesOfTherapy.count > 0;
/** For each status flag: the exposure without which it is false whatever the responses. */
const REFRACTORY_FLAG_EXPOSURE: Partial<Record<keyof PatientProfile['flags'], (p: PatientProfile) => boolean>> = {
  refractoryToLastLine: anyLine,
  relapsedAndRefractory: anyLine,
  relapsed: anyLine,
  primaryRefractory: anyLine,
};

/** A drug refractory, or not known not to be (no response or progression recorded since its latest course could be judged). */
const mayBeRefractory = (s: EvalState, g: string): boolean => {
  const d = s.profile.drugs[g];
  return d !== undefined && (d.refractory || !documentedOn(s, d));
};
const classMayBeRefractory = (s: EvalState, k: DrugClass): boolean => s.profile.classes[k].refractory || s.profile.classes[k].drugs.some((g) => mayBeRefractory(s, g));
/**
 * The composite refractoriness flags (domain.md §2), false now: unknown only while each class (drug) they need is
 * refractory or may still be; false for good once one is known not to be (the anti-CD38 of a regimen that responded,
 * long stopped, beside a new line not yet assessed).
 */
const COMPOSITE_REFRACTORY: Partial<Record<keyof PatientProfile['flags'], (s: EvalState) => boolean>> = {
  doubleRefractory: (s) => classMayBeRefractory(s, 'IMID') && classMayBeRefractory(s, 'PI'),
  tripleClassRefractory: (s) => classMayBeRefractory(s, 'IMID') && classMayBeRefractory(s, 'PI') && classMayBeRefractory(s, 'ANTI_CD38'),
  pentaRefractory: (s) => ['bortezomib', 'carfilzomib', 'lenalidomide', 'pomalidomide'].every((g) => mayBeRefractory(s, g)) && classMayBeRefractory(s, 'ANTI_CD38'),
};

/** Flags a CAR-T infusion could make true (a product the drug catalog does not know may be any of them). */
const CAR_T_FLAGS = new Set<keyof PatientProfile['flags']>(['priorBcmaCarT', 'priorBcmaDirected', 'priorGprc5dDirected']);
const CAR_T_PRODUCT = ['product of the CAR-T infusion'];
const UNREAD_MEDICATION = ['the drug of a medication the catalog cannot read'];
/** IMWG 2011 disease status: whether MR or better was ever reached decides between them. */
const STATUS_FLAGS = new Set<keyof PatientProfile['flags']>(['primaryRefractory', 'relapsedAndRefractory', 'relapsed']);
const MR_EVER = ['a response assessment before the latest progression (whether MR or better was ever reached)'];
/** An unrecognised CAR-T product infused on or after `from` (null, the default: ever). */
const unknownCarTSince = (p: PatientProfile, from: string | null = null): boolean => (p.cellTherapies ?? []).some((c) => c.product === null && (from === null || c.date >= from));

/** The birthday on which someone born on `b` turns `years` (29 February falls on 1 March). */
const birthday = (b: string, years: number): number => epochDay(`${String(Number(b.slice(0, 4)) + years).padStart(4, '0')}${b.slice(4, 10)}`);
const refractoryDrugs = (p: PatientProfile, generics: readonly string[]): string => generics.filter((g) => p.drugs[g]?.refractory).join(', ');
/** The drugs of these classes given, each with its dates (a CAR-T's infusion day), and their provenance. */
const targetDrugs = (p: PatientProfile, classes: readonly DrugClass[]): { text: string; provenance: string[] } => {
  const drugs = [...new Set(classes.flatMap((k) => p.classes[k].drugs))];
  const dated = (g: string): string => {
    const d = p.drugs[g];
    if (!d) return g;
    const last = d.ongoing ? 'ongoing' : d.lastDose;
    return `${g} (${d.firstDose === last ? d.firstDose : `${d.firstDose}–${last ?? '?'}`})`;
  };
  return { text: drugs.map(dated).join(', '), provenance: [...new Set(drugs.flatMap((g) => p.drugs[g]?.provenance ?? []))] };
};
/** The drugs a `timeSince lastDose` leaf waits out: the drug, the class's drugs given, or every anti-myeloma drug given. */
function scopeGenerics(p: PatientProfile, l: { drug?: string; class?: DrugClass }): string[] {
  return l.drug ? [l.drug] : l.class ? p.classes[l.class].drugs : Object.keys(p.drugs).filter((g) => !isSupportive(g));
}

/** The drugs of a `timeSince lastDose` leaf's scope whose last dose is not known (`DrugExposure.lastDoseUnknown`). */
function lastDoseUnknownIn(p: PatientProfile, l: { drug?: string; class?: DrugClass }): string[] {
  return scopeGenerics(p, l).filter((g) => p.drugs[g]?.lastDoseUnknown === true && !p.drugs[g].ongoing);
}

/**
 * A value of the lab set aside after `v` (a unit that does not convert, a value no patient can have; v16): later that day
 * or on a later day, or of the same day with no time to tell them apart.
 */
function setAsideAfter(p: PatientProfile, lab: string, v: { date: string; at?: number }): Unmapped | undefined {
  return (p.unmapped ?? []).find((u) => u.lab === lab && u.date !== undefined && (u.date > v.date || (u.date === v.date && (u.at ?? -Infinity) >= (v.at ?? -Infinity))));
}

/** Stands for "still being given" among last-dose dates. */
const ONGOING = 'ongoing';
/** The later of `latest` and the drug's last dose; ONGOING once any drug considered is ongoing. */
function lastDose(p: PatientProfile, generic: string, latest: string | null): string | null {
  const d = p.drugs[generic];
  if (!d || latest === ONGOING) return latest;
  if (d.ongoing) return ONGOING;
  return d.lastDose && (latest === null || d.lastDose > latest) ? d.lastDose : latest;
}

/** The medications the catalog cannot read that may be anti-myeloma therapy, once per profile (read by every leaf of the last line). */
const unreadAny = new WeakMap<PatientProfile, ReturnType<typeof unreadInScope>>();
/** Recorded intents that never make a line of their own (the planned sequence's next step, CAR-T preparation, support). */
const NO_LINE_OF_ITS_OWN = new Set(['consolidation', 'maintenance', 'bridging', 'lymphodepletion', 'conditioning', 'mobilization', 'supportive']);
/**
 * Medications the drug catalog cannot read that may be anti-myeloma therapy (a target, a modality or a study drug
 * named) started before `before` (on or before, with `onTheDay`), not recorded with an intent that is never a line of
 * its own (maintenance, bridging, …) unless the disease progressed in its line before it (then it is salvage, as the
 * core reads a drug it knows), and not within the grouping window of a line's start or a CAR-T infusion, before or
 * after it (a drug begun with a regimen is part of it; one after an infusion, its care): each may have been a line of
 * its own. Those within the grouping window of the first of a group are one.
 */
function unreadLines(p: PatientProfile, before: string, onTheDay = false): Array<{ original: string; start: string }> {
  const window = DEFAULT_SETTINGS.regimenGroupingWindowDays;
  const lineStarts = p.linesOfTherapy.lines.map((l) => l.start);
  const anchors = [...lineStarts, ...(p.cellTherapies ?? []).map((c) => c.date)];
  const progressions = p.disease.progressions.map((x) => x.date);
  const salvage = (start: string): boolean => {
    const from = lineStarts.filter((d) => d <= start).at(-1);
    return from !== undefined && progressions.some((d) => d > addDays(from, DEFAULT_SETTINGS.earlyProgressionDays) && d <= start);
  };
  let any = unreadAny.get(p);
  if (any === undefined) unreadAny.set(p, (any = unreadInScope(p, {})));
  const found = any
    .filter(
      (u) =>
        (onTheDay ? u.start <= before : u.start < before) &&
        !(u.intent !== null && NO_LINE_OF_ITS_OWN.has(u.intent) && !salvage(u.start)) &&
        !anchors.some((d) => Math.abs(daysBetween(d, u.start)) <= window),
    )
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const groups: Array<{ original: string; start: string }> = [];
  for (const u of found) if (groups.length === 0 || daysBetween(groups.at(-1)!.start, u.start) > window) groups.push(u);
  return groups;
}

/** The leaves that read the last line of therapy: a medication the catalog cannot read begun after it may be a later line. */
const readsLastLine = (l: Leaf): boolean =>
  l.fact === 'progressionAfterLastLine' ||
  (l.fact === 'flag' && l.name === 'refractoryToLastLine') ||
  ((l.fact === 'drugExposed' || l.fact === 'drugRefractory' || l.fact === 'classExposed' || l.fact === 'classRefractory' || l.fact === 'priorCarT') && l.scope === 'lastLine');

/** A last-line leaf is unknown when a medication the catalog cannot read, begun after the last line, may be a later line. */
function lastLineUnread(inner: RuleNode): RuleNode {
  return (s) => {
    const before = s.trace?.length ?? 0;
    const code = inner(s);
    const last = s.profile.linesOfTherapy.lines.at(-1);
    if (code === UNKNOWN || last === undefined) return code;
    const later = unreadLines(s.profile, s.asOf, true).find((u) => u.start > last.start);
    if (later === undefined) return code;
    resetNode(s);
    const t = s.trace?.[before];
    if (t) {
      t.outcome = OUTCOMES[UNKNOWN]!;
      t.actual = `${t.actual ?? 'none'}; but ${later.original} (from ${later.start}), a medication the drug catalog cannot read, may be a later line`;
      t.missing = [...UNREAD_MEDICATION];
      delete t.flipsOn;
    }
    return UNKNOWN;
  };
}

function compileLeaf(l: Leaf): RuleNode {
  const node = compileOneLeaf(l);
  return readsLastLine(l) ? lastLineUnread(node) : node;
}

function compileOneLeaf(l: Leaf): RuleNode {
  switch (l.fact) {
    case 'age': {
      const expected = `age ${range(l.min, l.max)}`;
      const missing = ['birth date'];
      return (s) => {
        const b = s.profile.demographics.birthDate;
        const age = s.age;
        if (!b || age === null) return done(s, UNKNOWN, 'age', expected, NONE, missing);
        const ok = (l.min === undefined || age >= l.min) && (l.max === undefined || age <= l.max);
        s.flip = !ok && l.min !== undefined && age < l.min ? birthday(b, l.min) : ok && l.max !== undefined ? birthday(b, l.max + 1) : NO_FLIP;
        // Too young now, and the range closes again at max + 1.
        if (!ok && l.min !== undefined && age < l.min && l.max !== undefined && l.max >= l.min) s.back = birthday(b, l.max + 1);
        if (s.trace !== null) note(s, bool(ok), 'age', expected, String(age));
        return bool(ok);
      };
    }
    case 'sex': {
      const expected = `sex ${l.in.join(' or ')}`;
      const allowed = l.in as string[];
      const missing = ['sex'];
      return (s) => {
        const sex = s.profile.demographics.sex;
        if (!sex || sex === 'unknown') return done(s, UNKNOWN, 'sex', expected, NONE, missing);
        return s.trace === null ? quiet(s, bool(allowed.includes(sex))) : done(s, bool(allowed.includes(sex)), 'sex', expected, sex);
      };
    }
    case 'ecog': {
      const maxAgeDays = l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS;
      const expected = `ECOG ${l.min !== undefined ? `${l.min}–` : '≤ '}${l.max}${ageNote(maxAgeDays)}`;
      const missing = [`ECOG${ageNote(maxAgeDays)}`];
      return (s) => {
        const e = s.profile.ecog;
        if (!e) return done(s, UNKNOWN, 'ecog', expected, NONE, missing);
        if (!within(s, e.date, maxAgeDays)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, 'ecog', expected, `${e.value} (${e.date}, too old)`, missing, e.provenance);
        const fits = (x: number): boolean => x <= l.max && (l.min === undefined || x >= l.min);
        if (e.sameTime && disagrees(e.value, e.sameTime, fits)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, 'ecog', expected, sameTimeNote(e.value, e.sameTime, '', e.date), repeatOf('ECOG', e.date), e.provenance);
        return s.trace === null ? quiet(s, bool(e.value <= l.max && (l.min === undefined || e.value >= l.min))) : done(s, bool(e.value <= l.max && (l.min === undefined || e.value >= l.min)), 'ecog', expected, `${e.value} (${e.date})`, undefined, e.provenance);
      };
    }
    case 'priorLines': {
      const expected = `prior lines ${range(l.min, l.max)}`;
      return (s) => {
        if (!s.history) return done(s, UNKNOWN, 'priorLines', expected, NONE, TREATMENT_HISTORY);
        // Prior lines: those started before the screening date (domain §3.6); a line starting that day is not yet
        // prior, and is from the next day on: when that changes the outcome, the outcome flips then.
        let n = 0;
        let today = 0;
        for (const line of s.profile.linesOfTherapy.lines) {
          if (line.start < s.asOf) n += 1;
          else if (line.start === s.asOf) today += 1;
        }
        const ok = (k: number): boolean => (l.min === undefined || k >= l.min) && (l.max === undefined || k <= l.max);
        // Medications the drug catalog cannot read, begun apart from the lines, may each have been a line (a blinded study
        // drug): unknown when counting them would change the outcome.
        const outcome = (lines: number, unread: readonly unknown[]): Code => (unread.some((_, i) => ok(lines + i + 1) !== ok(lines)) ? UNKNOWN : bool(ok(lines)));
        const unread = unreadLines(s.profile, s.asOf);
        const code = outcome(n, unread);
        // From the next day, the lines and unread medications begun on the screening day count too: when that changes
        // the outcome, it changes then.
        const tomorrow = today > 0 || unread.length < unreadLines(s.profile, s.asOf, true).length ? outcome(n + today, unreadLines(s.profile, s.asOf, true)) : code;
        s.flip = tomorrow !== code ? s.asOfDay + 1 : NO_FLIP;
        s.flipTo = tomorrow !== code && (code === UNKNOWN || tomorrow === UNKNOWN) ? tomorrow : TO_OTHER;
        if (s.trace !== null) {
          const also = unread.length > 0 ? `, and ${unread.map((u) => `${u.original} (from ${u.start})`).join(', ')}, which the drug catalog cannot read, may be lines too` : '';
          note(s, code, 'priorLines', expected, `${today > 0 ? `${n} (and ${today} starting that day)` : String(n)}${also}`, code === UNKNOWN ? UNREAD_MEDICATION : undefined);
        }
        return code;
      };
    }
    case 'drugExposed':
    case 'drugRefractory': {
      const scope = l.scope ?? 'any';
      const minimum = minimumExposure(l);
      const expected = `${l.fact === 'drugExposed' ? 'exposed to' : 'refractory to'} ${l.drug}${scope === 'lastLine' ? ' in the last line' : ''}${thresholdNote(minimum)}`;
      const undocumented = [`response or progression on ${l.drug}`];
      const exposedOnly = l.fact === 'drugExposed';
      const excludeMaintenanceOnly = l.fact === 'drugRefractory' && l.excludeMaintenanceOnly === true;
      const progressionOnly = l.fact === 'drugRefractory' && l.progressionOnly === true;
      return (s) => {
        if (!s.history) return done(s, UNKNOWN, l.fact, expected, NONE, TREATMENT_HISTORY);
        const p = s.profile;
        const d = p.drugs[l.drug];
        if (exposedOnly) {
          const yes = d !== undefined && (scope === 'any' || (p.linesOfTherapy.lines.at(-1)?.generics.includes(l.drug) ?? false));
          if (yes && minimum) {
            const amount = amountIn(d, scope, minimum.consecutive);
            if (amount === null) return done(s, UNKNOWN, l.fact, expected, OLD_PROFILE, [`days and cycles of ${l.drug} in the last line`]);
            const code = longEnough(s, amount, minimum, d);
            if (s.trace !== null) note(s, code, l.fact, expected, `exposed ${d.firstDose}–${d.lastDose ?? 'ongoing'}, ${amount.durationDays} days${scope === 'lastLine' ? ' in the last line' : ''}${amount.cycles !== null ? `, ${amount.cycles} cycles` : ', cycles not recorded'}`, code === UNKNOWN ? [`cycles of ${l.drug}`] : undefined, d.provenance);
            return code;
          }
          // A medication the catalog cannot read whose words name the drug (not dated: exposure at any time only).
          const unread = !yes && scope === 'any' ? unreadNaming(p, [l.drug]) : null;
          if (unread !== null) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `a medication the drug catalog cannot read: ${unread}`, UNREAD_MEDICATION);
          return s.trace === null ? quiet(s, bool(yes)) : done(s, bool(yes), l.fact, expected, (d ? `exposed ${d.firstDose}–${d.lastDose ?? 'ongoing'}` : 'never exposed'), undefined, d?.provenance);
        }
        const refractory =
          d !== undefined &&
          (progressionOnly ? progressedOn(p, d, scope, excludeMaintenanceOnly) : (scope === 'any' ? d.refractory : d.refractoryInLastLine) && !(excludeMaintenanceOnly && onlyAtMaintenance(p, d, scope)));
        // How a course went matters only in the scope: for the last line, a drug of the last line (stat31 X01).
        const inScope = d !== undefined && (scope === 'any' || (p.linesOfTherapy.lines.at(-1)?.generics.includes(l.drug) ?? false));
        if (!refractory && inScope && !documentedOn(s, d)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, 'exposed, response not documented', undocumented);
        return s.trace === null ? quiet(s, bool(refractory)) : done(s, bool(refractory), l.fact, expected, (d ? d.evidence.map((e) => e.detail).join('; ') || 'exposed, not refractory' : 'never exposed'), undefined, d?.provenance);
      };
    }
    case 'classExposed':
    case 'classRefractory': {
      const scope = l.scope ?? 'any';
      const minimum = minimumExposure(l);
      const expected = `${l.fact === 'classExposed' ? 'exposed to' : 'refractory to'} ${l.class}${scope === 'lastLine' ? ' in the last line' : ''}${thresholdNote(minimum)}`;
      const undocumented = [`response or progression on ${l.class}`];
      const exposedOnly = l.fact === 'classExposed';
      const progressionOnly = l.fact === 'classRefractory' && l.progressionOnly === true;
      const carTClass = CELL_THERAPY_CLASSES.has(l.class);
      const classTarget = l.fact === 'classExposed' ? CLASS_TARGET[l.class] : undefined;
      return (s) => {
        if (!s.history) return done(s, UNKNOWN, l.fact, expected, NONE, TREATMENT_HISTORY);
        const p = s.profile;
        const c = p.classes[l.class];
        // At least N drugs of the class (MAMMOTH's quad-refractory: 2 PIs, or 2 IMiDs): counted per drug, unknown while the
        // drugs that may still be refractory (exposed, how it went not documented) could make up the number.
        if (l.minDrugs !== undefined && l.minDrugs > 1) {
          const lastGenerics = p.linesOfTherapy.lines.at(-1)?.generics ?? [];
          const inScope = c.drugs.filter((g) => p.drugs[g] !== undefined && (scope === 'any' || lastGenerics.includes(g)));
          const counted = exposedOnly ? inScope : inScope.filter((g) => (progressionOnly ? progressedOn(p, p.drugs[g]!, scope, false) : scope === 'any' ? p.drugs[g]!.refractory : p.drugs[g]!.refractoryInLastLine === true));
          const open = exposedOnly ? [] : inScope.filter((g) => !counted.includes(g) && !documentedOn(s, p.drugs[g]!));
          const code: Code = counted.length >= l.minDrugs ? MET : counted.length + open.length >= l.minDrugs ? UNKNOWN : NOT_MET;
          return s.trace === null ? quiet(s, code) : done(s, code, l.fact, `${expected}: at least ${l.minDrugs} drugs`, `${counted.join(', ') || 'none'}${open.length ? `; not documented: ${open.join(', ')}` : ''}`, code === UNKNOWN ? undocumented : undefined);
        }
        if (exposedOnly) {
          const yes = scope === 'any' ? c.exposed : (p.linesOfTherapy.lines.at(-1)?.classes.includes(l.class) ?? false);
          if (yes && minimum) {
            // Long enough on some drug of the class (in the scope): met; else unknown if one may be; else the first day one will be.
            const last = p.linesOfTherapy.lines.at(-1);
            // Each drug's outcome and the day an ongoing one becomes long enough, merged (unknown now, met from that day).
            const perDrug: Timeline[] = [];
            for (const g of c.drugs) {
              const d = p.drugs[g];
              if (!d || (scope === 'lastLine' && !(last?.generics.includes(g) ?? false))) continue;
              const amount = amountIn(d, scope, minimum.consecutive);
              const r = amount === null ? UNKNOWN : longEnough(s, amount, minimum, d);
              perDrug.push({ now: r, changes: amount !== null && s.flip !== NO_FLIP ? [{ day: s.flip, code: MET }] : [] });
              if (r === MET) break;
            }
            const t: Timeline = perDrug.length > 0 ? mergeTimelines(perDrug, anyOf) : { now: NOT_MET, changes: [] };
            const code = t.now;
            s.flip = NO_FLIP;
            fromTimeline(s, t);
            if (s.trace !== null) {
              const amounts = c.drugs.flatMap((g) => (p.drugs[g] && (scope === 'any' || last?.generics.includes(g)) ? [[g, amountIn(p.drugs[g], scope)] as const] : []));
              note(s, code, l.fact, expected, amounts.map(([g, a]) => (a ? `${g} ${a.durationDays} days${a.cycles !== null ? `, ${a.cycles} cycles` : ''}` : `${g}: ${OLD_PROFILE}`)).join('; '), code === UNKNOWN ? [`cycles of ${l.class}`] : undefined);
            }
            return code;
          }
          // A CAR-T infusion whose product the catalog does not know may be of this class.
          if (!yes && carTClass && unknownCarTSince(p, scope === 'any' ? null : (p.linesOfTherapy.lines.at(-1)?.start ?? null))) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, 'CAR-T infusion with an unrecognised product', CAR_T_PRODUCT);
          // A medication the catalog cannot read, naming this class's target (not dated: exposure at any time only).
          // Or naming a drug of the class in its words ("daratumumab (with Rd)"; expo37 O01).
          const unread = !yes && scope === 'any' ? ((classTarget ? unreadTargetTherapy(p, classTarget[0], classTarget[1]) : null) ?? unreadNaming(p, DRUGS_OF_CLASS(l.class))) : null;
          if (unread !== null) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `a medication the drug catalog cannot read: ${unread}`, UNREAD_MEDICATION);
          return s.trace === null ? quiet(s, bool(yes)) : done(s, bool(yes), l.fact, expected, (c.drugs.length ? c.drugs.join(', ') : 'none'));
        }
        const refractory = progressionOnly ? c.drugs.some((g) => p.drugs[g] !== undefined && progressedOn(p, p.drugs[g], scope, false)) : scope === 'any' ? c.refractory : c.refractoryInLastLine;
        const lastGenerics = scope === 'lastLine' ? (p.linesOfTherapy.lines.at(-1)?.generics ?? []) : null;
        if (!refractory && c.exposed && c.drugs.some((g) => { const d = p.drugs[g]; return d !== undefined && (lastGenerics === null || lastGenerics.includes(g)) && !documentedOn(s, d); })) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, 'exposed, response not documented', undocumented);
        return s.trace === null ? quiet(s, bool(refractory)) : done(s, bool(refractory), l.fact, expected, refractoryDrugs(p, c.drugs) || (c.exposed ? 'exposed, not refractory' : 'never exposed'));
      };
    }
    case 'flag': {
      const couldBe = REFRACTORY_FLAG_EXPOSURE[l.name];
      const composite = COMPOSITE_REFRACTORY[l.name];
      const targets = TARGET_FLAGS[l.name];
      return (s) => {
        // Every flag is about treatment: without any treatment history it is unknown, not false.
        if (!s.history) return done(s, UNKNOWN, 'flag', l.name, NONE, TREATMENT_HISTORY);
        const v = s.profile.flags[l.name] as boolean | undefined;
        // A profile derived before the flag existed does not say (intake derives it anew on the patient's next event).
        if (v === undefined) return done(s, UNKNOWN, 'flag', l.name, 'not in this profile (derived before the flag existed)', REDERIVED);
        // A refractoriness flag is false for lack of evidence when no response or progression is recorded
        // for therapy that could have made it true: unknown, like drug- and class-level refractoriness.
        // Likewise when the last line started after the latest response or progression (nothing yet says how it went).
        const lastLine = s.profile.linesOfTherapy.lines.at(-1);
        if (!v && CAR_T_FLAGS.has(l.name) && unknownCarTSince(s.profile)) return done(s, UNKNOWN, 'flag', l.name, 'CAR-T infusion with an unrecognised product', CAR_T_PRODUCT);
        // Triple-class or penta exposure short only of the anti-CD38 class, beside a medication naming CD38 that the
        // catalog cannot read: it may have been that exposure (expo34 U06).
        const cd38Short = !v && CD38_COMPOSITE_EXPOSURE[l.name]?.(s.profile) === true ? (unreadTargetTherapy(s.profile, 'CD38', 'ANTIBODY') ?? unreadNaming(s.profile, DRUGS_OF_CLASS('ANTI_CD38'))) : null;
        const unread = cd38Short ?? (!v && targets ? targets.map(([t, m]) => unreadTargetTherapy(s.profile, t, m)).find((x) => x !== null) : undefined);
        if (unread) return done(s, UNKNOWN, 'flag', l.name, `a medication the drug catalog cannot read: ${unread}`, UNREAD_MEDICATION);
        if (!v && composite ? composite(s) : (!v && couldBe && (!s.responseData || (lastLine !== undefined && !documentedAfter(s, s.profile.disease.lastLineJudgedFrom ?? lastLine.start))) && couldBe(s.profile)))
          return done(s, UNKNOWN, 'flag', l.name, 'exposed, response not documented', RESPONSE_DATA);
        // Refractory to the last line when a drug of it is (clinical-core.md): false only once each is known not to be.
        const open = !v && l.name === 'refractoryToLastLine' && lastLine ? lastLine.generics.find((g) => !isSupportive(g) && !classesOf(g).includes('CORTICOSTEROID') && s.profile.drugs[g] !== undefined && !documentedOn(s, s.profile.drugs[g])) : undefined;
        if (open !== undefined) return done(s, UNKNOWN, 'flag', l.name, `${open} of the last line: response not documented`, RESPONSE_DATA);
        // The IMWG 2011 status flags turn on whether MR or better was ever reached: not on record, they are unknown either way.
        // (And those an unknown last dose leaves open: whether the progression came within the window of it, v17.)
        const undecided = s.profile.disease.undecidedStatus ?? (s.profile.disease.mrEverKnown === false ? [...STATUS_FLAGS] : []);
        if (STATUS_FLAGS.has(l.name) && undecided.includes(l.name))
          return s.profile.disease.mrEverKnown === false
            ? done(s, UNKNOWN, 'flag', l.name, `${String(v)}, but whether MR or better was ever reached is not on record`, MR_EVER)
            : done(s, UNKNOWN, 'flag', l.name, `${String(v)}, but the last dose of the therapy before the latest progression is not on record`, LAST_DOSE);
        return s.trace === null ? quiet(s, bool(v)) : done(s, bool(v), 'flag', l.name, String(v));
      };
    }
    case 'priorTargetTherapy': {
      const classes = targetClasses(l.target, l.modality ?? 'any');
      const carTModality = (l.modality ?? 'any') === 'any' || l.modality === 'CAR_T';
      const expected = `prior ${l.target}-directed ${l.modality && l.modality !== 'any' ? l.modality : 'therapy'}`;
      return (s) => {
        if (!s.history) return done(s, UNKNOWN, l.fact, expected, NONE, TREATMENT_HISTORY);
        let yes = false;
        for (const k of classes) if (s.profile.classes[k].drugs.length > 0) yes = true;
        // A CAR-T infusion whose product is not recognised may have been this target's.
        if (!yes && carTModality && unknownCarTSince(s.profile)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, 'CAR-T infusion with an unrecognised product', CAR_T_PRODUCT);
        const unread = yes ? null : unreadTargetTherapy(s.profile, l.target, l.modality ?? 'any');
        if (unread !== null) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `a medication the drug catalog cannot read: ${unread}`, UNREAD_MEDICATION);
        if (s.trace === null) return quiet(s, bool(yes));
        const given = targetDrugs(s.profile, classes);
        return done(s, bool(yes), l.fact, expected, given.text || 'none', undefined, given.provenance.length > 0 ? given.provenance : undefined);
      };
    }
    case 'priorTransplant': {
      const kind = l.kind ?? 'any';
      const wanted = `${kind}-sct`;
      const minCount = l.minCount ?? 1;
      const expected = `≥ ${minCount} prior ${kind === 'any' ? '' : `${kind} `}SCT`;
      const missing = ['transplant history'];
      return (s) => {
        const all = s.profile.transplants;
        let n = 0;
        for (const t of all) if (kind === 'any' || t.kind === wanted) n++;
        if (!s.history && n === 0) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        return s.trace === null ? quiet(s, bool(n >= minCount)) : done(s, bool(n >= minCount), l.fact, expected, all.filter((t) => kind === 'any' || t.kind === wanted).map((t) => `${t.kind} ${t.date}`).join(', ') || 'none');
      };
    }
    case 'priorCarT': {
      const lastLine = l.scope === 'lastLine';
      const expected = lastLine ? 'a CAR-T infusion in the last line of therapy' : 'a prior CAR-T infusion';
      return (s) => {
        if (!s.history) return done(s, UNKNOWN, l.fact, expected, NONE, TREATMENT_HISTORY);
        const p = s.profile;
        const infusions = lastLine ? (p.linesOfTherapy.lines.at(-1)?.transplants ?? []).filter((t) => t.kind === 'car-t-infusion').map((t) => t.date) : p.cellTherapies.map((c) => c.date);
        if (infusions.length > 0) return s.trace === null ? quiet(s, MET) : done(s, MET, l.fact, expected, `CAR-T infusion ${infusions.join(', ')}`);
        // A medication the drug catalog cannot read that names a CAR-T may have been one (ever: its line is not known).
        const unread = lastLine ? undefined : (p.unmapped ?? []).find((u) => u.type === 'medication' && MODALITY_WORDS.CAR_T.test(u.original));
        if (unread) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `a medication the drug catalog cannot read: ${unread.original}`, UNREAD_MEDICATION);
        return s.trace === null ? quiet(s, NOT_MET) : done(s, NOT_MET, l.fact, expected, lastLine ? 'none in the last line' : 'none');
      };
    }
    case 'timeSince':
      return compileTimeSince(l);
    case 'measurableDisease':
      return compileMeasurable(l);
    case 'measurableByFlcOnly': {
      const expected = 'measurable by FLC only';
      const missing = ['serum M-protein, urine M-protein and serum FLC'];
      const missingFlc = ['serum free light chains (involved FLC and κ/λ ratio)'];
      return (s) => {
        const m = s.profile.disease.measurable;
        const v = m.values;
        if (!v.serumMProtein && !v.urineMProtein && !v.involvedFlc) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        // Not measurable in serum or urine, and the FLC not measured (or its ratio, with an involved FLC high enough): it might be FLC-only.
        // (A ratio known normal settles it: no FLC-only disease; meas37 G03.)
        const ratioNormal = v.flcRatio !== null && v.flcRatio.value >= 0.26 && v.flcRatio.value <= 1.65;
        const flcUnsettled = !m.serum && !m.urine && !ratioNormal && (!v.involvedFlc || (v.flcRatio === null && v.involvedFlc.value >= MEASURABLE_FLC_MG_L));
        if (flcUnsettled) return done(s, UNKNOWN, l.fact, expected, v.involvedFlc ? `involved FLC ${v.involvedFlc.value / 10} mg/dL, no κ/λ ratio` : 'no serum free light chains', missingFlc);
        // The FLC route counts only when serum and urine are both not measurable: one never measured leaves it open.
        if (m.flcOnly && (!v.serumMProtein || !v.urineMProtein)) {
          return done(s, UNKNOWN, l.fact, expected, `FLC measurable, ${v.serumMProtein ? '' : 'serum M-protein'}${!v.serumMProtein && !v.urineMProtein ? ' and ' : ''}${v.urineMProtein ? '' : 'urine M-protein'} not measured`, [
            ...(v.serumMProtein ? [] : ['serum M-protein']),
            ...(v.urineMProtein ? [] : ['24-h urine M-protein']),
          ]);
        }
        // Serum or urine values of one time on both sides of the IMWG cut-off, with a measurable FLC: whether serum or urine
        // is measurable decides, and which value is right is not known (meas31 B09).
        const flcMeasurable = v.involvedFlc !== null && v.flcRatio !== null && v.involvedFlc.value >= MEASURABLE_FLC_MG_L && (v.flcRatio.value < 0.26 || v.flcRatio.value > 1.65);
        for (const [x, cut, what] of [[v.serumMProtein, 1, 'serum M-protein'], [v.urineMProtein, 200, 'urine M-protein']] as const) {
          if (flcMeasurable && x?.sameTime && disagrees(x.value, x.sameTime, (y) => y >= cut)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, sameTimeNote(x.value, x.sameTime, what === 'serum M-protein' ? 'g/dL' : 'mg/24h', x.date), repeatOf(what, x.date));
        }
        return s.trace === null ? quiet(s, bool(m.flcOnly)) : done(s, bool(m.flcOnly), l.fact, expected, (m.flcOnly ? 'FLC only' : 'not FLC-only measurable'), undefined, m.provenance);
      };
    }
    case 'lab': {
      const def = LAB_DEFINITIONS.find((d) => d.name === l.name)!;
      const c = toLabUnit(l.value, l.unit, def);
      const support = l.minDaysAfterSupport !== undefined ? { days: l.minDaysAfterSupport, ...supportOf(SUPPORT[l.name]!, l.support ?? 'any') } : null;
      const note = `${ageNote(l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS)}${support ? `, at least ${support.days} days after ${support.label}` : ''}`;
      return compileLab(l.fact, l.name, l.op, c.ok ? c.value : l.value, `${l.name} ${l.op} ${l.value} ${l.unit}${note}`, l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS, support);
    }
    case 'labTimesUln':
      return compileLab(l.fact, l.name, l.op, l.value, `${l.name} ${l.op} ${l.value} × ULN${ageNote(l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS)}`, l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS);
    case 'creatinineClearance': {
      const maxAgeDays = l.maxAgeDays ?? DEFAULT_VALIDITY_DAYS;
      if (l.method === 'egfr' || l.method === 'measured') return compileRenal(l, l.method, maxAgeDays);
      const expected = `CrCl (Cockcroft–Gault) ${l.op} ${l.value} mL/min${ageNote(maxAgeDays)}`;
      const missing = [`creatinine${ageNote(maxAgeDays)} with weight, sex and birth date`];
      return (s) => {
        const c = s.profile.labs.crcl;
        if (!c || !within(s, c.date, maxAgeDays)) {
          if (s.trace === null) return quiet(s, UNKNOWN);
          // What the profile says Cockcroft–Gault lacks (a profile before v15: the inputs in general); too old: a newer creatinine.
          const scr = s.profile.labs.creatinine;
          const oldCreatinine = scr && !within(s, scr.date, maxAgeDays) ? [`creatinine${ageNote(maxAgeDays)}`] : [];
          const lacking = c
            ? [`creatinine${ageNote(maxAgeDays)}`]
            : s.profile.labs.crclMissing
              ? [...oldCreatinine, ...s.profile.labs.crclMissing.map((m) => (m === 'creatinine' ? `creatinine${ageNote(maxAgeDays)}` : m)).filter((m) => !oldCreatinine.includes(m))]
              : missing;
          return done(s, UNKNOWN, l.fact, expected, c ? `${shown(c.value)} mL/min (${c.date}, too old)` : null, lacking);
        }
        if (c.sameTime && disagrees(c.value, c.sameTime, (x) => compare(x, l.op, l.value)))
          return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, sameTimeNote(shown(c.value), c.sameTime.map(shown), 'mL/min', c.date), repeatOf('creatinine', c.date), c.provenance);
        // A later creatinine set aside (a unit mistake, a value no patient can have): the clearance before it may no longer hold (v16).
        const setAside = setAsideAfter(s.profile, 'creatinine', s.profile.labs.creatinine && s.profile.labs.creatinine.date === c.date ? s.profile.labs.creatinine : c);
        if (setAside) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `${shown(c.value)} mL/min (${c.date}); a later creatinine set aside (${setAside.date}: ${setAside.reason})`, ['creatinine again'], [...c.provenance, setAside.eventId]);
        // Sex other or unknown: decided only when the clearance with the female factor and without it agree (v15).
        if (c.otherSex && disagrees(c.value, c.otherSex, (x) => compare(x, l.op, l.value)))
          return s.trace === null
            ? quiet(s, UNKNOWN)
            : done(s, UNKNOWN, l.fact, expected, `${shown(c.value)} mL/min with the female factor, ${c.otherSex.map(shown).join(' and ')} without it (${c.date}; sex ${c.inputs.sex})`, ['sex (male or female) for Cockcroft–Gault'], c.provenance);
        const both = c.otherSex ? ` with the female factor, ${c.otherSex.map(shown).join(' and ')} without it (sex ${c.inputs.sex})` : '';
        return s.trace === null ? quiet(s, bool(compare(c.value, l.op, l.value))) : done(s, bool(compare(c.value, l.op, l.value)), l.fact, expected, `${shown(c.value)} mL/min${both} (${c.date})`, undefined, c.provenance);
      };
    }
    case 'progressionAfterLastLine': {
      const within = l.withinDaysOfLastDose;
      const expected = within === undefined ? 'progression on or after the last line' : `progression on the last line or within ${within} days of its last dose`;
      const missing = ['disease assessment since the last line'];
      return (s) => {
        const line = s.profile.linesOfTherapy.lines.at(-1);
        const pd = s.profile.disease.progressionDate;
        if (!line) return done(s, UNKNOWN, l.fact, expected, NONE, TREATMENT_HISTORY);
        // A progression in the line's first days (the profile's `progressionLine`: the line in effect when it began) is
        // the one that prompted it, not progression on it; a profile without it: a progression after the day it began.
        const inLine = s.profile.disease.progressionLine;
        // A course of the line recorded as stopped without its end (v16), with no transplant or infusion of the line after it:
        // the line's last dose is not known. Stopped for progression, it was progressed on (a progression before the next
        // line is one on it, and with none on record the stop itself documents one; rev34 T6/T7).
        const openEnded = (line.courses ?? []).filter((c) => c.endUnknown === true && !line.transplants.some((t) => t.date > c.start));
        const stoppedForPd = openEnded.find((c) => c.reasonStopped === 'progression');
        if (pd && (inLine === undefined ? pd > line.start : inLine === line.number)) {
          if (within !== undefined && line.end !== null) {
            // The line's last therapy: its last dose, or a later transplant or infusion of it (a salvage ASCT after its conditioning).
            const last = line.transplants.reduce((d, t) => (t.date > d ? t.date : d), line.end);
            if (pd > addDays(last, within)) {
              if (stoppedForPd)
                return s.trace === null ? quiet(s, MET) : done(s, MET, l.fact, expected, `progression ${pd} on ${stoppedForPd.original} (stopped for progression, its end not recorded)`, undefined, stoppedForPd.eventId ? [stoppedForPd.eventId] : undefined);
              // Its last dose not known: any day since the course began may be it (rev34 T8).
              if (openEnded.length > 0)
                return s.trace === null
                  ? quiet(s, UNKNOWN)
                  : done(s, UNKNOWN, l.fact, expected, `progression ${pd}; ${openEnded[0]!.original} (from ${openEnded[0]!.start}) stopped without its end recorded`, [`the last dose of ${openEnded[0]!.original}`]);
              return s.trace === null ? quiet(s, NOT_MET) : done(s, NOT_MET, l.fact, expected, `progression ${pd}, ${daysBetween(last, pd)} days after the last therapy of line ${line.number} (${last})`);
            }
          }
          return s.trace === null ? quiet(s, MET) : done(s, MET, l.fact, expected, `progression ${pd}${within !== undefined ? (line.end === null ? ' on therapy' : ` (line ${line.number} last given ${line.end})`) : ''}`);
        }
        if (stoppedForPd)
          return s.trace === null ? quiet(s, MET) : done(s, MET, l.fact, expected, `${stoppedForPd.original} (from ${stoppedForPd.start}) stopped for progression, its end not recorded`, undefined, stoppedForPd.eventId ? [stoppedForPd.eventId] : undefined);
        // No progression on the line is known only when the disease was assessed after its first days (the profile's
        // `lastLineJudgedFrom`; a profile without it: after the line's start, or the progression that prompted it).
        const prompted = pd !== null && pd > line.start;
        const assessed = documentedAfter(s, s.profile.disease.lastLineJudgedFrom ?? (prompted ? pd : line.start));
        const seen = pd ? (prompted ? `progression ${pd} prompted line ${line.number}` : `last progression ${pd}, before line ${line.number}`) : 'no progression recorded';
        return s.trace === null ? quiet(s, assessed ? NOT_MET : UNKNOWN) : done(s, assessed ? NOT_MET : UNKNOWN, l.fact, expected, seen, assessed ? undefined : missing);
      };
    }
    case 'responseAtLeast': {
      const wanted = RESPONSE_RANK[l.category];
      if (l.ever) {
        const expected = `best response to any line ${l.category} or better`;
        const missing = ['response assessments'];
        return (s) => {
          const best = s.profile.disease.bestResponse;
          if (!best) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
          if (RESPONSE_RANK[best] < wanted) {
            // The current response unconfirmed, or short only by tests not on record, may still reach it: not known (as the current form).
            const r = s.profile.disease.response;
            const now = r ? reaches(r, wanted) : null;
            if (now && now.code === UNKNOWN)
              return s.trace === null
                ? quiet(s, UNKNOWN)
                : done(s, UNKNOWN, l.fact, expected, `best ${best}; now ${r!.category}${r!.awaitingConfirmation ? `, ${r!.awaitingConfirmation} awaiting confirmation` : ''}${now.untested ? `, ${r!.couldBe!.category} if ${r!.couldBe!.missing.join(', ')} showed it` : ''}`, now.untested && !now.awaiting && r!.confirmed ? r!.couldBe!.missing : ['confirming response assessment'], r!.provenance);
          }
          return s.trace === null ? quiet(s, bool(RESPONSE_RANK[best] >= wanted)) : done(s, bool(RESPONSE_RANK[best] >= wanted), l.fact, expected, `best ${best}`);
        };
      }
      const expected = `response ${l.category} or better`;
      const missing = ['response assessment'];
      const confirming = ['confirming response assessment'];
      return (s) => {
        const r = s.profile.disease.response;
        if (!r) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        // An unconfirmed response (IMWG 2016: two consecutive assessments) that would meet the rule waits for the next
        // assessment, whether it is the current category or a higher one the latest assessment shows above a confirmed
        // one; CR or sCR that only tests not on record keep from the response (no marrow, no urine immunofixation): not known.
        const { code, awaiting, untested } = reaches(r, wanted);
        // Categories reported at one time that the rule would read differently: which is right is not known.
        if (r.sameTime && r.sameTime.some((c) => bool(RESPONSE_RANK[c] >= wanted) !== code))
          return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `${[r.category, ...r.sameTime].join(' and ')} reported at one time (${r.date}): which is right is not known`, repeatOf('the response assessment', r.date), r.provenance);
        const seen = `${r.category}${r.confirmed ? '' : ', unconfirmed'}${r.awaitingConfirmation ? `, latest assessment ${r.awaitingConfirmation} awaiting confirmation` : ''}${untested ? `, ${r.couldBe!.category} if ${r.couldBe!.missing.join(', ')} showed it` : ''} (${r.date}, ${r.source})`;
        return s.trace === null ? quiet(s, code) : done(s, code, l.fact, expected, seen, code === UNKNOWN ? (untested && !awaiting && r.confirmed ? r.couldBe!.missing : confirming) : undefined, r.provenance);
      };
    }
    case 'mrd': {
      // IMWG 2016: MRD negativity needs a sensitivity of 1 in 10^5 or finer unless the rule asks for another.
      const maxSensitivity = l.maxSensitivity ?? IMWG_MRD_SENSITIVITY;
      const expected = `MRD ${l.result} at ≤ ${maxSensitivity}${l.sustained ? ', sustained over a year' : ''}${l.imaging ? ', with PET-CT negative' : ''}${ageNote(l.maxAgeDays)}`;
      const missing = [`MRD assessment${ageNote(l.maxAgeDays)}`];
      const missingSensitivity = [`MRD at sensitivity ≤ ${maxSensitivity}`];
      const missingMethod = ['MRD by next-generation flow (NGF) or sequencing (NGS)'];
      const missingImaging = ['PET-CT MRD assessment'];
      const counts = (r: MrdRecord): boolean => r.result === 'negative' && r.method !== 'other' && r.sensitivity !== null && r.sensitivity <= maxSensitivity * (1 + 1e-9);
      return (s) => {
        const latest = s.profile.disease.mrd.latest;
        // Negatives too coarse for the rule (or by another method) after one that counts contradict nothing: the rule reads
        // the latest that counts (a positive in between, or none, leaves the latest as it is).
        let m = latest;
        if (latest && latest.result === 'negative' && !counts(latest)) {
          const all = s.profile.disease.mrd.assessments ?? [];
          for (let i = all.length - 1; i >= 0; i--) {
            if (all[i]!.result === 'positive') {
              // A positive of the latest day: disease found that day, which the coarse negative beside it does not contradict.
              if (all[i]!.date === latest.date) m = all[i]!;
              break;
            }
            if (counts(all[i]!)) {
              m = all[i]!;
              break;
            }
          }
        }
        if (!m || !within(s, m.date, l.maxAgeDays)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, (m ? `${m.result} (${m.date}, too old)` : null), missing);
        // Results of one day that disagree (a positive beside a negative that counts): which is right is not known (as
        // for labs and responses), whatever their ids.
        const chosen = m;
        const disagreeing = (s.profile.disease.mrd.assessments ?? []).find((a) => a !== chosen && a.date === chosen.date && (chosen.result === 'negative' ? a.result === 'positive' : counts(a)));
        if (disagreeing && (m.result === 'positive' || counts(m)))
          return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `negative and positive on ${m.date}: which is right is not known`, [`MRD again (the results of ${m.date} disagree)`], s.profile.disease.mrd.provenance);
        // A negative followed by a relapse (IMWG 2016 relapse from MRD negativity: progression, or the M-protein back) no longer stands.
        const lost = m.result === 'negative' ? s.profile.disease.mrd.negativityLost : null;
        if (lost && lost.date > m.date) return s.trace === null ? quiet(s, bool(l.result === 'positive')) : done(s, bool(l.result === 'positive'), l.fact, expected, `negative (${m.date}), lost ${lost.date}: ${lost.basis}`, undefined, [...s.profile.disease.mrd.provenance, ...lost.provenance]);
        const sensitive = m.sensitivity !== null && m.sensitivity <= maxSensitivity * (1 + 1e-9);
        // A negative too coarse for the rule settles neither way (a finer assay might find disease); a positive is positive at any finer sensitivity too.
        if (m.result === 'negative' && !sensitive) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `negative at ${m.sensitivity ?? 'unknown sensitivity'}`, missingSensitivity);
        // IMWG 2016 MRD negativity is by next-generation flow or sequencing; another method's negative settles nothing.
        if (m.result === 'negative' && m.method === 'other') return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `negative by a method other than NGF or NGS (${m.date})`, missingMethod);
        // IMWG 2016 MRD categories require CR: a negative beside a response below it is no MRD negativity.
        if (m.result === 'negative') {
          const cr = inCompleteResponse(s.profile, m.date);
          if (cr !== MET) {
            const r = s.profile.disease.response;
            const rel = s.profile.disease.relapseFromCr;
            const relapsed = rel && rel.date <= m.date ? `, relapse from CR ${rel.date} (${rel.basis})` : '';
            const seen = `negative (${m.method}, ${m.sensitivity}, ${m.date}), response ${r ? `${r.category}${r.confirmed ? '' : ' unconfirmed'}${r.couldBe ? `, ${r.couldBe.category} if ${r.couldBe.missing.join(', ')} showed it` : ''}` : 'not assessed'}${relapsed}: MRD negativity needs CR`;
            // A valid negative never makes the patient MRD-positive, whatever the response.
            const code = l.result === 'negative' ? cr : NOT_MET;
            return s.trace === null ? quiet(s, code) : done(s, code, l.fact, expected, seen, code === UNKNOWN ? (r?.couldBe?.missing ?? ['response assessment at the MRD test showing CR']) : undefined, [...s.profile.disease.mrd.provenance, ...(r?.provenance ?? [])]);
          }
        }
        const seen = `${m.result} (${m.method}, ${m.sensitivity ?? '?'}, ${m.date})${m !== latest ? `; a later negative (${latest!.method}, ${latest!.sensitivity ?? '?'}, ${latest!.date}) is too coarse for the rule and contradicts nothing` : ''}`;
        const mrdState = s.profile.disease.mrd;
        if (m.result === 'negative' && l.sustained && !mrdState.sustainedNegative) {
          // The marrow negative over a year but no PET-CT on record (settings asking for imaging): not known.
          // (One negative scan says no more than none: an earlier one may not be on record.)
          const code = mrdState.sustainedMarrowNegative && mrdState.latestImaging?.result !== 'positive' ? UNKNOWN : NOT_MET;
          return s.trace === null ? quiet(s, code) : done(s, code, l.fact, expected, `${seen}, ${code === UNKNOWN ? 'marrow negative over a year, PET-CT not negative over it' : 'not negative over a year'} (IMWG 2016 sustained)`, code === UNKNOWN ? missingImaging : undefined, mrdState.provenance);
        }
        if (m.result === 'negative' && l.imaging) {
          // Imaging-plus: PET-CT negative too (the latest PET-CT MRD assessment since the latest progression, within the rule's age if it names one).
          const pet = mrdState.latestImaging;
          const progressed = s.profile.disease.lastProgressionDate;
          if (!pet || !within(s, pet.date, l.maxAgeDays) || (progressed !== null && pet.date <= progressed))
            return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `${seen}, no PET-CT MRD assessment${pet ? ` since ${progressed !== null && pet.date <= progressed ? `the progression of ${progressed}` : `${pet.date} (too old)`}` : ''}`, missingImaging);
          if (pet.result === 'positive') return s.trace === null ? quiet(s, NOT_MET) : done(s, NOT_MET, l.fact, expected, `${seen}, PET-CT positive (${pet.date})`, undefined, s.profile.disease.mrd.provenance);
        }
        const sustainedProvenance = l.sustained ? s.profile.disease.mrd.sustainedProvenance : [];
        return s.trace === null ? quiet(s, bool(m.result === l.result)) : done(s, bool(m.result === l.result), l.fact, expected, `${seen}${l.sustained && m.result === 'negative' ? ', sustained over a year' : ''}${l.imaging && m.result === 'negative' ? ', PET-CT negative' : ''}`, undefined, [...s.profile.disease.mrd.provenance, ...sustainedProvenance]);
      };
    }
    case 'cytogenetics': {
      const wanted = canonicalAbnormality(l.abnormality);
      const expected = `${wanted} detected`;
      const missing = [`FISH for ${wanted}`];
      return (s) => {
        const found = findingFor(s.profile.cytogenetics.abnormalities, wanted);
        const disagreeing = s.profile.cytogenetics.conflicting?.find((x) => x.abnormality === wanted);
        if (!found && disagreeing) return done(s, UNKNOWN, l.fact, expected, `detected and not detected on ${disagreeing.date}: which is right is not known`, repeatOf(`FISH for ${wanted}`, disagreeing.date), disagreeing.provenance);
        if (!found) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        const { f, detected, via } = found;
        return s.trace === null ? quiet(s, bool(detected)) : done(s, bool(detected), l.fact, expected, `${f.detected ? 'detected' : 'not detected'}${via ? ` (${via})` : ''}${f.percentCells !== null ? ` (${f.percentCells}%)` : ''} ${f.date}`, undefined, f.provenance);
      };
    }
    case 'highRiskCytogenetics': {
      const riss = l.definition === 'riss';
      const expected = `high-risk cytogenetics (${riss ? 'R-ISS' : 'IMS/IMWG 2025'})`;
      const missing = ['FISH cytogenetics'];
      return (s) => {
        const c = s.profile.cytogenetics;
        const high = riss ? c.highRiskRiss : c.highRiskImwg2025.highRisk;
        // Not high risk is known only when what decides it was tested: R-ISS del(17p), t(4;14), t(14;16); IMS/IMWG 2025
        // del(17p), 1q and del(1p32) (a translocation counts only with one of the latter two) and a β2-microglobulin
        // with creatinine. (β2-microglobulin alone can make it high risk, so no FISH is not enough to say unknown.)
        if (!high) {
          const record = (a: string) => c.abnormalities.find((x) => x.abnormality === a);
          const tested = (a: string): boolean => record(a) !== undefined;
          const detected = (a: string): boolean => record(a)?.detected === true;
          // IMS/IMWG 2025: 1q is tested by a gain(1q) result (either way) or an amplification found ("no amplification"
          // leaves a 3-copy gain open); del(1p32) by its own result or a biallelic deletion found (not by a bare "no
          // biallelic deletion"); and with 1q+ or a del(1p32) found, the translocations decide: each of them must be tested.
          const partner = detected('gain(1q)') || detected('amp(1q)') || detected('del(1p32)') || detected('del(1p32)-biallelic');
          // A monoallelic del(1p32) counts only with 1q+ or a translocation: with a biallelic deletion known absent, and
          // 1q and every translocation tested and not found, it decides nothing.
          const oneQTested = tested('gain(1q)') || detected('amp(1q)');
          const monoallelicMatters = !oneQTested || detected('gain(1q)') || detected('amp(1q)') || IMWG2025_TRANSLOCATIONS.some((a) => !tested(a) || detected(a));
          const del1pTested = tested('del(1p32)') || detected('del(1p32)-biallelic') || (tested('del(1p32)-biallelic') && !monoallelicMatters);
          const untested = riss
            ? RISS_PANEL.filter((a) => !tested(a))
            : [
                ...(tested('del(17p)') ? [] : ['del(17p)']),
                ...(oneQTested ? [] : ['gain(1q)']),
                ...(del1pTested ? [] : ['del(1p32)']),
                ...(partner ? IMWG2025_TRANSLOCATIONS.filter((a) => !tested(a)) : []),
              ];
          // (A profile derived before settings v9 has no β2M clause: then a β2M and a creatinine anywhere.)
          const b2mClause = c.highRiskImwg2025.beta2m;
          const b2mKnown = riss || (b2mClause !== undefined ? b2mClause !== 'unknown' : s.profile.labs.beta2Microglobulin !== undefined && s.profile.labs.creatinine !== undefined);
          if (untested.length > 0 || !b2mKnown) {
            const disagreeing = new Map((c.conflicting ?? []).map((x) => [x.abnormality, x.date]));
            const what = [...untested.map((a) => (disagreeing.has(a) ? `${a} (the results of ${disagreeing.get(a)!} disagree)` : a)), ...(b2mKnown ? [] : ['β2-microglobulin with a creatinine measured with it'])];
            return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, c.abnormalities.length ? `not tested: ${what.join(', ')}` : NONE, c.abnormalities.length ? [`FISH or tests for ${what.join(', ')}`] : missing);
          }
        }
        return s.trace === null ? quiet(s, bool(high)) : done(s, bool(riss ? c.highRiskRiss : c.highRiskImwg2025.highRisk), l.fact, expected, (riss ? String(c.highRiskRiss) : c.highRiskImwg2025.basis.join('; ') || 'none of the criteria'));
      };
    }
    case 'stage': {
      const name = l.system === 'iss' ? 'ISS' : 'R-ISS';
      const wanted = new Set<number>(l.stages);
      const expected = `${name} stage ${[...wanted].sort().map((n) => ['I', 'II', 'III'][n - 1]).join(' or ')} ${l.at === 'diagnosis' ? 'at diagnosis' : 'now'}`;
      return (s) => {
        const staging = s.profile.staging;
        if (!staging) return done(s, UNKNOWN, l.fact, expected, 'profile derived before staging was kept', ['a newer profile version']);
        const st = (l.at === 'diagnosis' ? staging.atDiagnosis : staging.current)[l.system];
        const code = st.possible.every((n) => wanted.has(n)) ? MET : st.possible.some((n) => wanted.has(n)) ? UNKNOWN : NOT_MET;
        return s.trace === null ? quiet(s, code) : done(s, code, l.fact, expected, st.basis, code === UNKNOWN ? st.missing : undefined, st.provenance);
      };
    }
    case 'condition': {
      if (l.withinDays !== undefined || l.neuropathyType !== undefined) return compileConditionRecords(l);
      const expected = `${l.kind}${l.minGrade ? ` grade ≥ ${l.minGrade}` : ''}${l.includeHistory ? ' (current or past)' : ' (active)'}`;
      const missing = [`${l.kind} status`];
      const missingGrade = [`${l.kind} grade`];
      return (s) => {
        const c = s.profile.conditions[l.kind];
        if (!c) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        // Active: the latest record. Current or past: any record that did not say absent, at the highest grade any of them gave.
        const history = l.includeHistory === true;
        const present = c.status === 'active' || (history && (c.status === 'history' || c.status === 'resolved' || c.ever === true));
        const grade = history ? (c.maxGrade ?? (c.status === 'absent' ? null : c.grade)) : c.grade;
        const ungraded = grade === null || (history && c.ungradedEver === true && grade < l.minGrade!);
        if (present && l.minGrade !== undefined && ungraded) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, l.fact, expected, `${c.status}, grade not recorded${grade !== null ? ` on every record (highest recorded ${grade})` : ''}`, missingGrade);
        const met = present && (l.minGrade === undefined || (grade ?? 0) >= l.minGrade);
        if (s.trace === null) return quiet(s, bool(met));
        const highest = history && c.maxGrade !== null && c.maxGrade !== undefined && c.maxGrade !== c.grade ? `; grade ${c.maxGrade} recorded before` : '';
        return done(s, bool(met), l.fact, expected, `${c.status}${c.grade !== null ? ` grade ${c.grade}` : ''} (${c.date})${highest}`, undefined, highest ? [...c.provenance, ...(c.maxGradeProvenance ?? [])] : c.provenance);
      };
    }
    case 'plasmaCellLeukemia': {
      const expected = 'plasma cell leukaemia';
      const missing = ['circulating plasma cells or PCL status'];
      return (s) => {
        const p = s.profile.plasmaCellLeukemia;
        if (!p) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        return s.trace === null ? quiet(s, bool(p.present)) : done(s, bool(p.present), l.fact, expected, p.basis, undefined, p.provenance);
      };
    }
    case 'extramedullaryDisease': {
      const type = l.type ?? 'any';
      const expected = `extramedullary disease${type === 'any' ? '' : ` (${type})`}`;
      const missing = ['imaging for extramedullary disease'];
      const missingType = ['type of extramedullary disease (extramedullary or paraskeletal)'];
      return (s) => {
        const e = s.profile.extramedullaryDisease;
        if (!e) return done(s, UNKNOWN, l.fact, expected, NONE, missing);
        if (e.present && type !== 'any' && e.type === null) return done(s, UNKNOWN, l.fact, expected, `present, type not recorded (${e.date})`, missingType);
        return s.trace === null
          ? quiet(s, bool(e.present && (type === 'any' || e.type === type)))
          : done(s, bool(e.present && (type === 'any' || e.type === type)), l.fact, expected, `${e.present ? `present${e.type ? ` (${e.type})` : ''}` : 'absent'} ${e.date}`, undefined, e.provenance);
      };
    }
    case 'unknownText': {
      const missing = [l.reason];
      return (s) => done(s, UNKNOWN, l.fact, l.reason, NONE, missing);
    }
  }
}

/** Whether values recorded at one time (`sameTime`, beside `value`) give different outcomes: then which is right decides. */
const disagrees = (value: number, others: readonly number[], test: (x: number) => boolean): boolean => others.some((x) => test(x) !== test(value));
const sameTimeNote = (value: number, others: readonly number[], unit: string, date: string): string => `${[value, ...others].join(' and ')}${unit ? ` ${unit}` : ''} recorded at one time (${date}): which is right is not known`;
const repeatOf = (what: string, date: string): string[] => [`${what} again (the values of ${date} disagree)`];

function compileLab(fact: 'lab' | 'labTimesUln', name: LabName, op: Comparator, threshold: number, expected: string, maxAgeDays: number | undefined, support: (Support & { days: number }) | null = null): RuleNode {
  const missing = [`${name}${ageNote(maxAgeDays)}`];
  const missingUln = [`${name} upper limit of normal`];
  const timesUln = fact === 'labTimesUln';
  const missingUnsupported = support ? [`${name} measured at least ${support.days} days after ${support.label}`] : [];
  return (s) => {
    const v = s.profile.labs[name];
    if (!v) return done(s, UNKNOWN, fact, expected, NONE, missing);
    if (!within(s, v.date, maxAgeDays)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, `${v.value} ${v.unit} (${v.date}, too old)`, missing, v.provenance);
    // A later value of the lab set aside (a unit mistake, a value no patient can have): the one before it may no longer
    // hold (lab31 X09).
    const setAside = setAsideAfter(s.profile, name, v);
    if (setAside) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, `${v.value} ${v.unit} (${v.date}); a later value set aside (${setAside.date}: ${setAside.reason})`, [`${name} again`], [...v.provenance, setAside.eventId]);
    const tied = timesUln ? v.sameTimeTimesUln : v.sameTime;
    const now = timesUln ? v.timesUln : v.value;
    if (tied && now !== null && disagrees(now, tied, (x) => compare(x, op, threshold)))
      return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, sameTimeNote(now, tied, timesUln ? '× ULN' : v.unit, v.date), repeatOf(name, v.date), v.provenance);
    if (support) {
      // Support only raises the count: a value that fails a lower limit (or meets an upper one) with it would without it too.
      const by = supportBefore(s.profile, support, v.date);
      const met = compare(v.value, op, threshold);
      const settledAnyway = op === '>=' || op === '>' ? !met : op === '<=' || op === '<' ? met : false;
      if (by !== null && !settledAnyway) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, `${v.value} ${v.unit} (${v.date}), ${by}`, missingUnsupported, v.provenance);
    }
    if (timesUln) {
      const x = v.timesUln;
      if (x === null) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, `${v.value} ${v.unit} (no ULN)`, missingUln, v.provenance);
      return s.trace === null ? quiet(s, bool(compare(x, op, threshold))) : done(s, bool(compare(x, op, threshold)), fact, expected, `${v.value} ${v.unit} = ${shown(x)} × ULN (${v.date})`, undefined, v.provenance);
    }
    return s.trace === null ? quiet(s, bool(compare(v.value, op, threshold))) : done(s, bool(compare(v.value, op, threshold)), fact, expected, `${v.value} ${v.unit} (${v.date})`, undefined, v.provenance);
  };
}

/**
 * Renal function by the method a rule names (domain.md §7: "respect the method named (CG, eGFR, 24-h
 * urine)"): `egfr`, the more recent of a reported eGFR and the CKD-EPI 2021 estimate from the latest
 * creatinine (the reported one on the same day), in mL/min/1.73 m²; `measured`, a creatinine clearance
 * measured on a 24-hour urine, in mL/min. Neither is ever read as the other, nor as Cockcroft–Gault.
 */
function compileRenal(l: Extract<Leaf, { fact: 'creatinineClearance' }>, method: 'egfr' | 'measured', maxAgeDays: number): RuleNode {
  const fact = l.fact;
  const expected = method === 'egfr' ? `eGFR ${l.op} ${l.value} mL/min/1.73 m²${ageNote(maxAgeDays)}` : `measured creatinine clearance (24-h urine) ${l.op} ${l.value} mL/min${ageNote(maxAgeDays)}`;
  const missing = [method === 'egfr' ? `eGFR, or creatinine${ageNote(maxAgeDays)} with sex and birth date` : `24-h urine creatinine clearance${ageNote(maxAgeDays)}`];
  return (s) => {
    const labs = s.profile.labs;
    let v: { value: number; date: string; at?: number; provenance: string[]; basis: string; sameTime?: number[] } | null = null;
    if (method === 'measured') {
      const m = labs.measuredCreatinineClearance;
      if (m) v = { value: m.value, date: m.date, at: m.at, provenance: m.provenance, basis: 'measured', sameTime: m.sameTime };
    } else {
      const reported = labs.egfr;
      const computed = labs.egfrComputed;
      if (reported && (!computed || reported.date >= computed.date)) v = { value: reported.value, date: reported.date, at: reported.at, provenance: reported.provenance, basis: 'reported', sameTime: reported.sameTime };
      else if (computed) v = { value: computed.value, date: computed.date, provenance: computed.provenance, basis: `CKD-EPI 2021 from creatinine ${computed.inputs.creatinineMgDl} mg/dL, age ${computed.inputs.ageYears}, ${computed.inputs.sex}`, sameTime: computed.sameTime };
    }
    if (!v || !within(s, v.date, maxAgeDays)) return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, v ? `${shown(v.value)} (${v.date}, too old)` : NONE, missing);
    // A later value set aside (a unit mistake, a value no patient can have) may have been the current one (v16): of the
    // same measure, or a creatinine whose estimate would have been read (rev33 X03; after a reported eGFR, on a later day,
    // since the reported one is read on its own day; rev34 T2-T4).
    const scr = s.profile.labs.creatinine;
    const own = setAsideAfter(s.profile, method === 'egfr' ? 'egfr' : 'measuredCreatinineClearance', v);
    const fromCreatinine =
      method !== 'egfr' ? undefined : v.basis.startsWith('CKD-EPI') ? setAsideAfter(s.profile, 'creatinine', scr && scr.date === v.date ? scr : v) : setAsideAfter(s.profile, 'creatinine', { date: v.date, at: Infinity });
    const setAside = own ?? fromCreatinine;
    if (setAside)
      return s.trace === null
        ? quiet(s, UNKNOWN)
        : done(s, UNKNOWN, fact, expected, `${shown(v.value)} (${v.date}; ${v.basis}); a later ${setAside.lab === 'creatinine' ? 'creatinine' : 'value'} set aside (${setAside.date}: ${setAside.reason})`, [`${setAside.lab === 'creatinine' ? 'creatinine' : method === 'egfr' ? 'eGFR' : 'the 24-h urine clearance'} again`], [...v.provenance, setAside.eventId]);
    if (v.sameTime && disagrees(v.value, v.sameTime, (x) => compare(x, l.op, l.value)))
      return s.trace === null ? quiet(s, UNKNOWN) : done(s, UNKNOWN, fact, expected, sameTimeNote(shown(v.value), v.sameTime.map(shown), method === 'egfr' ? 'mL/min/1.73 m²' : 'mL/min', v.date), repeatOf(method === 'egfr' ? 'eGFR or creatinine' : 'the 24-h urine clearance', v.date), v.provenance);
    const met = compare(v.value, l.op, l.value);
    return s.trace === null ? quiet(s, bool(met)) : done(s, bool(met), fact, expected, `${shown(v.value)} ${method === 'egfr' ? 'mL/min/1.73 m²' : 'mL/min'} (${v.date}; ${v.basis})`, undefined, v.provenance);
  };
}

/** What props up a blood count: a transfused product and supportive agents (domain.md §7: no transfusion or growth factor within ~7 days of the labs). */
interface Support {
  product: 'platelets' | 'red-cells' | null;
  agents: readonly string[];
  label: string;
}
const SUPPORT: Partial<Record<LabName, { product: Support['product']; agents: readonly string[]; transfusion: string | null; agent: string }>> = {
  platelets: { product: 'platelets', agents: ['romiplostim', 'eltrombopag', 'avatrombopag'], transfusion: 'a platelet transfusion', agent: 'a thrombopoietin receptor agonist' },
  hemoglobin: { product: 'red-cells', agents: ['epoetin alfa', 'epoetin beta', 'epoetin zeta', 'darbepoetin alfa', 'methoxy polyethylene glycol-epoetin beta'], transfusion: 'a red-cell transfusion', agent: 'an erythropoiesis-stimulating agent' },
  anc: { product: null, agents: ['filgrastim', 'pegfilgrastim', 'sargramostim', 'eflapegrastim', 'lipegfilgrastim'], transfusion: null, agent: 'a granulocyte growth factor' },
};
/** The support a rule counts: transfusions of the product, the agents, or both. */
function supportOf(s: NonNullable<(typeof SUPPORT)[LabName]>, which: 'any' | 'transfusion' | 'agent'): Support {
  const product = which === 'agent' ? null : s.product;
  const agents = which === 'transfusion' ? [] : s.agents;
  const label = [product !== null ? s.transfusion : null, agents.length > 0 ? s.agent : null].filter((x) => x !== null).join(' or ');
  return { product, agents, label };
}

/**
 * The support given fewer than `days` days before a value measured on `date` (a day of it on or before the
 * value and after date − days), described; null when none. A transfusion of a product not recorded may be
 * the one; a profile that does not keep supportive care cannot say.
 */
function supportBefore(p: PatientProfile, support: Support & { days: number }, date: string): string | null {
  if (!p.supportiveCare) return 'supportive care not in this profile version';
  const from = epochDay(date) - support.days; // a support day after this one is too close
  for (const c of [...p.supportiveCare].reverse()) {
    // (Stopped on a day not recorded: it may have been given up to the value's day; lab37 D01.)
    const end = c.endUnknown === true ? null : c.end;
    if (c.start > date || epochDay(end ?? date) <= from) continue;
    const last = end === null || end > date ? date : end;
    if (c.kind === 'agent' && support.agents.includes(c.what)) return `${c.what} ${c.endUnknown === true ? `from ${c.start}, stopped on a day not recorded` : `until ${last}`}`;
    if (c.kind === 'transfusion' && support.product !== null && (c.what === support.product || c.what === 'mixed' || c.what === 'unspecified')) return `${c.what === 'unspecified' ? 'a transfusion of a product not recorded' : `${c.what} transfused`} ${last}`;
  }
  return null;
}

/**
 * A washout of minDays or N half-lives, the shorter or the longer (`halfLives`, `combine`): every drug in scope (the
 * drug, the class's drugs, or every anti-myeloma drug) given is past its own washout: min or max of minDays and N ×
 * its half-life. A drug still given fails it; one without a half-life is decided by minDays where that settles it
 * (the shorter: met once past minDays, unknown before; the longer: not met before minDays, unknown after). Each drug
 * is a timeline from today, and the leaf is all of them together, with the day it first changes and what it becomes.
 */
function compileHalfLifeWashout(l: Extract<Leaf, { fact: 'timeSince' }> & { halfLives: number; minDays: number }): RuleNode {
  const shorter = l.combine !== 'longer';
  const scope = l.drug ?? l.class ?? 'anti-myeloma therapy';
  const expected = `at least ${l.minDays} days or ${l.halfLives} half-lives (the ${shorter ? 'shorter' : 'longer'}) since the last dose of ${scope}`;
  const fact = 'timeSince';
  /** From `today`: `before` until `day`, then `after` (already `after` on or past it). */
  const until = (today: number, day: number, before: Code, after: Code): Timeline => (today >= day ? { now: after, changes: [] } : { now: before, changes: [{ day, code: after }] });
  return (s) => {
    const p = s.profile;
    if (!s.history) return done(s, UNKNOWN, fact, expected, NONE, TREATMENT_HISTORY);
    const generics = scopeGenerics(p, l);
    const seen: string[] = [];
    const unknownHalfLife: string[] = [];
    const unknownEnd: string[] = [];
    const timelines: Timeline[] = [];
    for (const g of generics) {
      const last = lastDose(p, g, null);
      if (last === null) continue;
      if (last === ONGOING) {
        timelines.push({ now: NOT_MET, changes: [] });
        seen.push(`${g}: ongoing`);
        continue;
      }
      const lastDay = epochDay(last);
      const days = s.asOfDay - lastDay;
      // Stopped without its end recorded: any day since `last` may be its last dose (not met before the washout, unknown
      // after), up to the day before the next line or a transplant or CAR-T infusion after it (met once washed out from
      // then; wash37 L01).
      if (p.drugs[g]?.lastDoseUnknown === true) {
        const by = p.drugs[g].lastDoseBy;
        unknownEnd.push(g);
        seen.push(`${g}: stopped, end not given (on it from ${last}${by ? `, at the latest to ${by}` : ''})`);
        const hlKnown = halfLifeOf(g);
        const need = hlKnown ? (shorter ? Math.min(l.minDays, l.halfLives * hlKnown.days) : Math.max(l.minDays, l.halfLives * hlKnown.days)) : shorter ? 0 : l.minDays;
        const from = lastDay + Math.ceil(need);
        // (With no half-life known, the shorter of the two is met for sure only minDays after that day.)
        const all = by && (hlKnown || shorter) ? epochDay(by) + Math.ceil(hlKnown ? need : l.minDays) : null;
        if (all === null) timelines.push(until(s.asOfDay, from, NOT_MET, UNKNOWN));
        else if (s.asOfDay >= all) timelines.push({ now: MET, changes: [] });
        else if (s.asOfDay >= from) timelines.push({ now: UNKNOWN, changes: [{ day: all, code: MET }] });
        else timelines.push({ now: NOT_MET, changes: [{ day: from, code: UNKNOWN }, { day: all, code: MET }] });
        continue;
      }
      const hl = halfLifeOf(g);
      if (!hl) {
        unknownHalfLife.push(g);
        seen.push(`${g}: ${days} days since ${last}, no half-life known`);
        const minDay = lastDay + l.minDays;
        timelines.push(shorter ? until(s.asOfDay, minDay, UNKNOWN, MET) : until(s.asOfDay, minDay, NOT_MET, UNKNOWN));
        continue;
      }
      const byHalfLives = l.halfLives * hl.days;
      const need = shorter ? Math.min(l.minDays, byHalfLives) : Math.max(l.minDays, byHalfLives);
      seen.push(`${g}: ${days} days since ${last}, washout ${shown(need)} days (${l.halfLives} × ${shown(hl.days)} days)`);
      timelines.push(until(s.asOfDay, lastDay + Math.ceil(need), NOT_MET, MET));
    }
    // A medication the catalog cannot read that may be of the scope, as a drug of no known half-life that may also be
    // none of it: the shorter is met once past minDays, unknown before; the longer stays unknown (its half-life).
    const unread = unreadInScope(p, l);
    for (const u of unread) {
      seen.push(`"${u.original}" (not read, may be of it): ${u.end === null ? 'ongoing' : `last ${u.end}`}`);
      timelines.push(u.end !== null && shorter ? until(s.asOfDay, epochDay(u.end) + l.minDays, UNKNOWN, MET) : { now: UNKNOWN, changes: [] });
    }
    const t: Timeline = timelines.length > 0 ? mergeTimelines(timelines, allOf) : { now: MET, changes: [] };
    const code = t.now;
    fromTimeline(s, t);
    if (s.trace !== null) note(s, code, fact, expected, seen.length > 0 ? seen.join('; ') : `no ${scope}`, code === UNKNOWN ? [...unknownHalfLife.map((g) => `half-life of ${g}`), ...unknownEnd.map((g) => `last dose of ${g}`), ...(unread.length > 0 ? ['what the unread medication is'] : [])] : undefined);
    return code;
  };
}

function compileTimeSince(l: Extract<Leaf, { fact: 'timeSince' }>): RuleNode {
  if (l.halfLives !== undefined && l.minDays !== undefined) return compileHalfLifeWashout({ ...l, halfLives: l.halfLives, minDays: l.minDays });
  // A CAR-T infusion of a class is the last dose of its products (an infusion of a product not recognised may be one).
  if (l.event === 'carT' && l.class !== undefined) return compileTimeSince({ ...l, event: 'lastDose' });
  const label =
    l.event === 'lastDose'
      ? `last dose of ${l.drug ?? l.class ?? 'anti-myeloma therapy'}`
      : l.event === 'transplant'
        ? `${l.kind && l.kind !== 'any' ? `${l.kind} ` : ''}SCT`
        : l.event === 'carT'
          ? 'CAR-T infusion'
          : l.event === 'transfusion'
            ? `${l.product ? `${l.product} ` : ''}transfusion`
            : 'progression';
  const expected = `${range(l.minDays, l.maxDays)} days since ${label}`;
  const wantedKind = l.kind && l.kind !== 'any' ? `${l.kind}-sct` : null;
  const missingAssessments = ['disease assessments'];
  const fact = 'timeSince';
  return (s) => {
    const p = s.profile;
    /**
     * The outcome when the date that counts is `known` (null: none) or a later `maybe` (a transfusion of a product not
     * recorded, an infusion of a CAR-T product not recognised): known on the days both agree, dated like any other.
     */
    const eitherDate = (st: EvalState, known: string | null, maybe: string): Code => {
      // A maybe still going on: "at least N days since" not met, "within N days" met, from now on.
      const maybeTimeline = maybe === ONGOING ? { now: bool(l.minDays === undefined), changes: [] } : sinceTimeline(st.asOfDay, maybe, l.minDays, l.maxDays);
      const t = mergeTimelines([sinceTimeline(st.asOfDay, known, l.minDays, l.maxDays), maybeTimeline], agreed);
      fromTimeline(st, t);
      return t.now;
    };
    let date: string | null = null;
    let ongoing = false;
    // Supportive care (a growth factor, a transfusion) is read from the profile's own record of it, whatever the treatment history.
    const supportive = l.event === 'transfusion' || (l.event === 'lastDose' && ((l.drug !== undefined && isSupportive(l.drug)) || l.class === 'SUPPORTIVE'));
    if (!s.history && l.event !== 'progression' && !supportive) return done(s, UNKNOWN, fact, expected, NONE, TREATMENT_HISTORY);
    if (supportive) {
      if (!p.supportiveCare) return done(s, UNKNOWN, fact, expected, 'supportive care not in this profile version', [l.event === 'transfusion' ? 'transfusions' : `${l.drug ?? 'supportive agent'} courses`]);
      /** A transfusion whose product was not recorded may be the one asked about: unknown only when it would change the answer. */
      let maybe: string | null = null;
      let endUnknown = false;
      for (const c of p.supportiveCare) {
        if (l.event === 'transfusion') {
          if (c.kind !== 'transfusion') continue;
          if (l.product === undefined || c.what === l.product || c.what === 'mixed') date = c.start;
          else if (c.what === 'unspecified') maybe = c.start;
        } else if (c.kind === 'agent' && (l.drug === undefined || c.what === l.drug)) {
          if (c.end === null) ongoing = true;
          else if (date === null || c.end > date) date = c.end;
          if (c.endUnknown === true) endUnknown = true;
        }
      }
      // A course stopped on a day not recorded: any day since it began may be its last (lab37 D03).
      if (endUnknown && !ongoing) {
        const code = eitherDate(s, date, ONGOING);
        if (s.trace !== null) note(s, code, fact, expected, `last day ${date}; a course stopped on a day not recorded`, code === UNKNOWN ? [`last dose of ${l.drug ?? 'the supportive agent'}`] : undefined);
        return code;
      }
      if (maybe !== null && (date === null || maybe > date)) {
        const code = eitherDate(s, date, maybe);
        if (s.trace !== null) note(s, code, fact, expected, `${date ? `transfusion of it ${date}; ` : ''}transfusion of a product not recorded (${maybe})`, code === UNKNOWN ? ['transfused product'] : undefined);
        return code;
      }
      if (ongoing) date = null;
    } else if (l.event === 'lastDose') {
      if (l.drug) date = lastDose(p, l.drug, date);
      else if (l.class) {
        for (const g of p.classes[l.class].drugs) date = lastDose(p, g, date);
        // An infusion of an unrecognised CAR-T product may be of this class: its date could be the one that counts.
        // Unknown only when it would change the answer.
        if (CELL_THERAPY_CLASSES.has(l.class) && unknownCarTSince(p)) {
          const unknownDate = p.cellTherapies.filter((c) => c.product === null).at(-1)!.date;
          const known = date === ONGOING ? null : date;
          if (known === null || unknownDate > known) {
            const code = eitherDate(s, known, unknownDate);
            if (s.trace !== null) note(s, code, fact, expected, `${known ? `last dose ${known}; ` : ''}CAR-T infusion with an unrecognised product (${unknownDate})`, code === UNKNOWN ? CAR_T_PRODUCT : undefined);
            return code;
          }
        }
      }
      else for (const g in p.drugs) if (!isSupportive(g)) date = lastDose(p, g, date);
      // A drug of the scope whose latest course was recorded as stopped without its end: its last dose may be any day
      // since that course began, so the leaf is known only on the days every such day agrees (v16, wash31 R13).
      const unknownEnd = date === ONGOING ? [] : lastDoseUnknownIn(p, l);
      if (unknownEnd.length > 0) {
        // (Up to the day before the next line or a transplant or CAR-T infusion after it at the latest; wash37 L01.)
        const bounds = unknownEnd.map((g) => p.drugs[g]!.lastDoseBy);
        const latestBy = bounds.every((b): b is string => b !== undefined) ? bounds.reduce((m, b) => (b > m ? b : m)) : ONGOING;
        const code = eitherDate(s, date, latestBy);
        if (s.trace !== null) note(s, code, fact, expected, `last dose ${date}; not recorded for ${unknownEnd.map((g) => `${g} (stopped, end not given; on it from ${p.drugs[g]!.lastDose})`).join(', ')}`, code === UNKNOWN ? unknownEnd.map((g) => `last dose of ${g}`) : undefined);
        return code;
      }
      // A medication the catalog cannot read that may be of the scope: its last day could be the one that counts.
      // Unknown only when it would change the answer.
      const unread = date === ONGOING ? [] : unreadInScope(p, l);
      if (unread.length > 0) {
        const maybe = unread.reduce<string>((m, u) => (m === ONGOING || u.end === null ? ONGOING : u.end > m ? u.end : m), unread[0]!.end ?? ONGOING);
        if (maybe === ONGOING || date === null || maybe > date) {
          const code = eitherDate(s, date, maybe);
          const which = unread.map((u) => `"${u.original}" ${u.start}${u.end === null ? ' ongoing' : ` to ${u.end}`}`).join(', ');
          if (s.trace !== null) note(s, code, fact, expected, `${date ? `last dose ${date}; ` : ''}a medication not read, which may be of it: ${which}`, code === UNKNOWN ? ['what the unread medication is'] : undefined);
          return code;
        }
      }
      ongoing = date === ONGOING;
      if (ongoing) date = null;
    } else if (l.event === 'transplant') {
      for (const t of p.transplants) if (wantedKind === null || t.kind === wantedKind) date = t.date;
    } else if (l.event === 'carT') {
      date = p.cellTherapies.at(-1)?.date ?? null;
    } else {
      date = p.disease.progressionDate;
      if (!date && !s.responseData) return done(s, UNKNOWN, fact, expected, NONE, missingAssessments);
    }
    // Still on it: "at least N days since" is not met, with no date yet; "within N days" is met.
    if (ongoing) return s.trace === null ? quiet(s, bool(l.minDays === undefined)) : done(s, bool(l.minDays === undefined), fact, expected, `${label}: ongoing`);
    if (date === null) return s.trace === null ? quiet(s, bool(l.maxDays === undefined)) : done(s, bool(l.maxDays === undefined), fact, expected, `no ${label}`);
    const since: string = date;
    const days = s.asOfDay - epochDay(since);
    const okMin = l.minDays === undefined || days >= l.minDays;
    const okMax = l.maxDays === undefined || days <= l.maxDays;
    const code = bool(okMin && okMax);
    s.flip = NO_FLIP;
    if (!okMin && okMax) {
      if (l.maxDays === undefined || l.maxDays >= l.minDays!) s.flip = s.asOfDay - days + l.minDays!;
      if (l.maxDays !== undefined && l.maxDays >= l.minDays!) s.back = s.asOfDay - days + l.maxDays + 1; // the window closes again
    } else if (okMin && okMax && l.maxDays !== undefined) s.flip = s.asOfDay - days + l.maxDays + 1;
    if (s.trace !== null) note(s, code, fact, expected, `${days} days since ${label} (${since})`);
    return code;
  };
}

/** An outcome from a day on: what it is now, and each later day it changes (no new data assumed). */
interface Timeline {
  now: Code;
  changes: Array<{ day: number; code: Code }>;
}
const timelineAt = (t: Timeline, day: number): Code => {
  let c = t.now;
  for (const x of t.changes) if (x.day <= day) c = x.code;
  return c;
};
/** Sets a leaf's dates from its whole timeline: the first change and, when there are more, every change (`changes`). */
function fromTimeline(s: EvalState, t: Timeline): void {
  const first = t.changes[0];
  s.flip = first ? first.day : NO_FLIP;
  if (!first) return;
  s.flipTo = first.code;
  s.changes = t.changes.flatMap((x) => [x.day, x.code]);
}
/** Timelines combined day by day (every day any of them changes). */
function mergeTimelines(ts: readonly Timeline[], combine: (codes: readonly Code[]) => Code): Timeline {
  const now = combine(ts.map((t) => t.now));
  const days = [...new Set(ts.flatMap((t) => t.changes.map((x) => x.day)))].sort((a, b) => a - b);
  const changes: Timeline['changes'] = [];
  let prev = now;
  for (const day of days) {
    const c = combine(ts.map((t) => timelineAt(t, day)));
    if (c !== prev) changes.push({ day, code: (prev = c) });
  }
  return { now, changes };
}
const allOf = (codes: readonly Code[]): Code => (codes.includes(NOT_MET) ? NOT_MET : codes.includes(UNKNOWN) ? UNKNOWN : MET);
const anyOf = (codes: readonly Code[]): Code => (codes.includes(MET) ? MET : codes.includes(UNKNOWN) ? UNKNOWN : NOT_MET);
const agreed = (codes: readonly Code[]): Code => (codes.every((c) => c === codes[0]) ? codes[0]! : UNKNOWN);

/** "At least `minDays` / at most `maxDays` since `date`" from `today` on (no date: met only without a maximum). */
function sinceTimeline(today: number, date: string | null, minDays: number | undefined, maxDays: number | undefined): Timeline {
  if (date === null) return { now: bool(maxDays === undefined), changes: [] };
  const d = epochDay(date);
  const at = (day: number): Code => bool((minDays === undefined || day - d >= minDays) && (maxDays === undefined || day - d <= maxDays));
  const days = [minDays === undefined ? null : d + minDays, maxDays === undefined ? null : d + maxDays + 1].filter((x): x is number => x !== null && x > today).sort((a, b) => a - b);
  const now = at(today);
  const changes: Timeline['changes'] = [];
  let prev = now;
  for (const day of days) {
    const c = at(day);
    if (c !== prev) changes.push({ day, code: (prev = c) });
  }
  return { now, changes };
}

type ConditionEntryOf = NonNullable<PatientProfile['conditions'][string]['records']>[number];
/** How a record reads under one assumption: of another type (skip), not there at the grade asked (ends), or there (counts). */
type RecordState = 'skip' | 'ends' | 'counts';
/** Same-day records: an assessment of absence first, then a resolution, then an active record (so the day ends active, whatever the ids). */
const STATUS_ORDER: Record<string, number> = { absent: 0, resolved: 1, history: 1, active: 2 };
/** Most combinations of unrecorded types and grades read; beyond, unknown. */
const MAX_READINGS = 256;

/**
 * `condition` with a time window (`withinDays`) or a neuropathy type, read from the condition's records in
 * order (same-day records: absent, then resolved, then active). A record counts when it is of the type (a
 * mixed neuropathy is both) and at the grade asked; one below the grade, or saying absent (whatever its
 * type: the kind was assessed), ends it. A record of no recorded type or grade may or may not count: every
 * combination is read, and the outcome is known only on the days all agree. Records with different codes
 * are different conditions (two cancers): met when any is. Without a window: the latest record says whether
 * it is active (or, with `includeHistory`, any counting record that it was ever there). With one: active on
 * the latest record, or known present on a day within the window (an active record's date, an onset, a
 * resolution date not before the days it was known present), is met until that day is `withinDays` old;
 * ended before the window (a resolution date, or a later record saying resolved, past or absent: ended by
 * its date, unless the record says that is not known) is not met; otherwise unknown, until the day by which
 * it had ended is old enough. Records of the kind but none of the type: not met.
 */
function compileConditionRecords(l: Extract<Leaf, { fact: 'condition' }>): RuleNode {
  const window = l.withinDays;
  const history = l.includeHistory === true || window !== undefined;
  const type = l.neuropathyType;
  const expected = `${l.kind}${type ? ` (${type} or mixed)` : ''}${l.minGrade ? ` grade ≥ ${l.minGrade}` : ''}${window !== undefined ? ` within ${window} days` : history ? ' (current or past)' : ' (active)'}`;
  const missing = [`${l.kind} status`];
  const fact = 'condition';
  /** The states a record may be in; more than one when its type or grade is not recorded. */
  const statesOf = (r: ConditionEntryOf): RecordState[] => {
    if (r.status === 'absent') return ['ends'];
    const typeStates: Array<'skip' | 'of'> = type === undefined || r.type === type || r.type === 'mixed' ? ['of'] : r.type === undefined ? ['skip', 'of'] : ['skip'];
    const gradeState: RecordState[] = l.minGrade === undefined ? ['counts'] : r.grade === null ? ['ends', 'counts'] : [r.grade >= l.minGrade ? 'counts' : 'ends'];
    return [...new Set(typeStates.flatMap((t): RecordState[] => (t === 'skip' ? ['skip'] : gradeState)))];
  };
  /** One condition's records under one assumption, as a timeline from `asOfDay`; null when none is of the type. */
  const readOne = (records: readonly ConditionEntryOf[], states: readonly RecordState[], asOfDay: number): { timeline: Timeline; actual: string } | null => {
    let active = false;
    let ever = false;
    /** The latest day it is known to have been present; the day by which it had ended after that (NO_FLIP: not known to have ended). */
    let presentOn = NO_FLIP;
    let endedBy = NO_FLIP;
    let latest: ConditionEntryOf | null = null;
    records.forEach((r, i) => {
      const state = states[i]!;
      if (state === 'skip') return;
      latest = r;
      const day = epochDay(r.date);
      if (state === 'ends') {
        if (active || (ever && endedBy === NO_FLIP)) endedBy = day;
        active = false;
        return;
      }
      ever = true;
      if (r.status === 'active') {
        active = true;
        presentOn = Math.max(presentOn, day, r.onset ? epochDay(r.onset) : NO_FLIP);
        endedBy = NO_FLIP;
        return;
      }
      const wasActive = active;
      active = false;
      if (r.onset) presentOn = Math.max(presentOn, epochDay(r.onset));
      // A resolution date before a day it was known present cannot be this condition's end: the record only says it had ended by its date.
      const resolved = r.resolved !== undefined && epochDay(r.resolved) >= presentOn ? epochDay(r.resolved) : null;
      if (resolved !== null) {
        presentOn = resolved;
        endedBy = resolved;
      } else if (r.endUnknown || (r.onset && epochDay(r.onset) >= day)) {
        if (wasActive) endedBy = NO_FLIP;
      } else if (wasActive || endedBy === NO_FLIP || endedBy < presentOn) endedBy = day;
    });
    const last = latest as ConditionEntryOf | null;
    if (last === null) return null;
    const when = (d: number): string => dayString(d);
    const fixed = (code: Code, actual: string) => ({ timeline: { now: code, changes: [] }, actual });
    if (window === undefined) return fixed(bool(history ? ever : active), `${last.status}${last.grade !== null ? ` grade ${last.grade}` : ''} (${last.date})`);
    if (active) return fixed(MET, `active (${last.date})`);
    if (!ever) return fixed(NOT_MET, `not present (${last.date})`);
    const out = (d: number): number => d + window + 1; // the first day a day d is out of the window
    if (presentOn !== NO_FLIP && asOfDay - presentOn <= window) {
      const exact = endedBy !== NO_FLIP && endedBy <= presentOn;
      const changes: Timeline['changes'] = [{ day: out(presentOn), code: exact ? NOT_MET : UNKNOWN }];
      if (!exact && endedBy !== NO_FLIP) changes.push({ day: out(endedBy), code: NOT_MET });
      return { timeline: { now: MET, changes }, actual: `present on ${when(presentOn)}${exact ? '' : `, ended ${endedBy === NO_FLIP ? 'on a day not recorded' : `by ${when(endedBy)}`}`}` };
    }
    if (endedBy !== NO_FLIP && asOfDay - endedBy > window) return fixed(NOT_MET, `ended by ${when(endedBy)}`);
    if (endedBy !== NO_FLIP) return { timeline: { now: UNKNOWN, changes: [{ day: out(endedBy), code: NOT_MET }] }, actual: `${presentOn !== NO_FLIP ? `present on ${when(presentOn)}, ` : ''}ended by ${when(endedBy)}, on a day not recorded` };
    return fixed(UNKNOWN, `${last.status}, ended on a day not recorded`);
  };
  return (s) => {
    const c = s.profile.conditions[l.kind];
    // Profiles derived before condition records were kept: their records are not known.
    if (!c || !c.records) return done(s, UNKNOWN, fact, expected, c ? 'condition records not in this profile version' : NONE, missing);
    const records = [...c.records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (STATUS_ORDER[a.status] ?? 1) - (STATUS_ORDER[b.status] ?? 1)));
    const stateSets = records.map(statesOf);
    const combinations = stateSets.reduce((n, x) => n * x.length, 1);
    const uncertain = [...(type !== undefined && records.some((r) => r.status !== 'absent' && r.type === undefined) ? [`${l.kind} type`] : []), ...(l.minGrade !== undefined && records.some((r) => r.status !== 'absent' && r.grade === null) ? [`${l.kind} grade`] : [])];
    if (combinations > MAX_READINGS) return done(s, UNKNOWN, fact, expected, `${combinations} readings of records without ${uncertain.join(' or ')}`, uncertain);
    // Conditions told apart by their codes; an absence with no code is an assessment of the whole kind.
    const codes = [...new Set(records.filter((r) => r.status !== 'absent').map((r) => r.code ?? ''))];
    const identities = codes.length > 0 ? codes : [''];
    const readings: Timeline[] = [];
    let actual = '';
    for (let k = 0; k < combinations; k++) {
      // The k-th combination of record states (mixed radix).
      let rest = k;
      const states = stateSets.map((set) => {
        const x = set[rest % set.length]!;
        rest = Math.floor(rest / set.length);
        return x;
      });
      const perCondition: Timeline[] = [];
      for (const id of identities) {
        const mine = records.map((r, i) => (r.status === 'absent' ? (r.code === undefined || r.code === id) : (r.code ?? '') === id) ? i : -1).filter((i) => i >= 0);
        const one = readOne(mine.map((i) => records[i]!), mine.map((i) => states[i]!), s.asOfDay);
        if (one) {
          perCondition.push(one.timeline);
          if (k === 0 && !actual) actual = one.actual;
        }
      }
      // None of the type among its records: not met.
      readings.push(perCondition.length > 0 ? mergeTimelines(perCondition, anyOf) : { now: NOT_MET, changes: [] });
      if (k === 0 && perCondition.length === 0) actual = `no ${l.kind}${type ? ` of ${type} type` : ''} among its records`;
    }
    const t = mergeTimelines(readings, agreed);
    const code = t.now;
    fromTimeline(s, t);
    if (s.trace !== null) {
      const undecided = code === UNKNOWN && readings.length > 1 && readings.some((r) => r.now !== readings[0]!.now);
      note(s, code, fact, expected, undecided ? `${actual}; depends on records without ${uncertain.join(' or ')}` : actual, code === UNKNOWN ? (undecided ? uncertain : missing) : undefined, code === UNKNOWN ? undefined : records.map((r) => r.eventId));
    }
    return code;
  };
}

/** What decides high-risk cytogenetics, by definition (an inner list: any one of them tested). */
/**
 * The finding that answers a rule on one abnormality: its own record; else one that implies it: a biallelic
 * del(1p32) found is a del(1p32); an amplification of 1q found is a gain of 1q (≥3 copies); a gain of 1q with its copy
 * number (the profile names it a gain below `amp1qMinCopies`), or no gain of 1q, is no amplification.
 */
function findingFor(all: readonly CytogeneticFinding[], wanted: string): { f: CytogeneticFinding; detected: boolean; via?: string } | undefined {
  const of = (a: string) => all.find((x) => x.abnormality === a);
  const own = of(wanted);
  const implied: Array<{ f: CytogeneticFinding; detected: boolean; via?: string }> = own ? [{ f: own, detected: own.detected }] : [];
  const biallelic = wanted === 'del(1p32)' ? of('del(1p32)-biallelic') : undefined;
  if (biallelic?.detected) implied.push({ f: biallelic, detected: true, via: 'biallelic' });
  const amp = wanted === 'gain(1q)' ? of('amp(1q)') : undefined;
  if (amp?.detected) implied.push({ f: amp, detected: true, via: 'amplification' });
  const gain = wanted === 'amp(1q)' ? of('gain(1q)') : undefined;
  if (gain && (!gain.detected || gain.copyNumber !== null)) implied.push({ f: gain, detected: false, via: gain.detected ? `gain(1q), ${gain.copyNumber} copies` : 'no gain of 1q' });
  // No deletion of 1p32, or one copy lost (monoallelic), answers the biallelic deletion too (cyto37 D01/D02).
  const deletion = wanted === 'del(1p32)-biallelic' ? of('del(1p32)') : undefined;
  if (deletion && (!deletion.detected || (deletion.copyNumber !== null && deletion.copyNumber > 0)))
    implied.push({ f: deletion, detected: false, via: deletion.detected ? `del(1p32), ${deletion.copyNumber} copy left` : 'no deletion of 1p32' });
  // The latest result answers (its own record on a tie): an old negative does not outweigh a newer finding that implies it.
  return implied.reduce<(typeof implied)[number] | undefined>((best, x) => (best === undefined || x.f.date > best.f.date ? x : best), undefined);
}

const RISS_PANEL: readonly string[] = ['del(17p)', 't(4;14)', 't(14;16)'];
const IMWG2025_TRANSLOCATIONS: readonly string[] = ['t(4;14)', 't(14;16)', 't(14;20)'];
/** IMWG 2016 minimum MRD sensitivity (1 in 10^5). */
const IMWG_MRD_SENSITIVITY = 1e-5;
/** IMWG measurable FLC: involved FLC ≥ 10 mg/dL (100 mg/L). */
const MEASURABLE_FLC_MG_L = 100;

function compileMeasurable(l: Extract<Leaf, { fact: 'measurableDisease' }>): RuleNode {
  const urineMin = l.urineMinMg24h ?? 200;
  const flcMinMgL = (l.involvedFlcMinMgDl ?? 10) * 10;
  const abnormalRequired = l.requireAbnormalFlcRatio ?? true;
  const byIsotype = l.serumMinGdLByIsotype;
  const fact = 'measurableDisease';
  return (s) => {
    const m = s.profile.disease.measurable;
    const iso = m.heavyChain as keyof NonNullable<typeof byIsotype> | null;
    const isoMin = iso && byIsotype ? byIsotype[iso] : undefined;
    // Isotype-specific cut-offs with no isotype on record: met only at the highest, unknown from the lowest.
    const candidates = iso === null && byIsotype ? [...Object.values(byIsotype).filter((x): x is number => typeof x === 'number'), l.serumMinGdL ?? 1.0] : null;
    const serumMin = isoMin ?? (candidates ? Math.max(...candidates) : (l.serumMinGdL ?? 1.0));
    const v = m.values;
    const serum = v.serumMProtein && within(s, v.serumMProtein.date, l.maxAgeDays) ? v.serumMProtein : null;
    const urine = v.urineMProtein && within(s, v.urineMProtein.date, l.maxAgeDays) ? v.urineMProtein : null;
    const flc = v.involvedFlc && within(s, v.involvedFlc.date, l.maxAgeDays) ? v.involvedFlc : null;
    const ratio = v.flcRatio && within(s, v.flcRatio.date, l.maxAgeDays) ? v.flcRatio : null;
    // Values of one time that disagree on the cut-off (v13): that route is neither met nor ruled out.
    const torn = (x: { value: number; sameTime?: number[] } | null, min: number): boolean => x !== null && (x.sameTime ?? []).some((o) => o >= min !== x.value >= min);
    const serumTorn = torn(serum, serumMin);
    const urineTorn = torn(urine, urineMin);
    const serumOk = serum !== null && serum.value >= serumMin && !serumTorn;
    const isotypeNeeded = candidates !== null && serum !== null && !serumOk && serum.value >= Math.min(...candidates);
    const urineOk = urine !== null && urine.value >= urineMin && !urineTorn;
    const ratioAbnormal = ratio !== null && (ratio.value < 0.26 || ratio.value > 1.65);
    const flcOk = !serumOk && !urineOk && flc !== null && flc.value >= flcMinMgL && (!abnormalRequired || ratioAbnormal);
    // Unknown only while some route could still qualify: a value missing, or the ratio missing for an involved FLC high enough.
    // (A ratio known normal closes the FLC route, whatever the involved chain: meas37 G01.)
    const flcClosed = abnormalRequired && ratio !== null && !ratioAbnormal;
    const unmeasured = !serumOk && !urineOk && (serumTorn || urineTorn || isotypeNeeded || serum === null || urine === null || (flc === null && !flcClosed) || (flc !== null && abnormalRequired && ratio === null && flc.value >= flcMinMgL));
    // (With serum or urine torn, an FLC route that qualifies meets it either way: by them, or by it when they are not measurable.)
    const code: Code = serumOk || urineOk || flcOk ? MET : unmeasured ? UNKNOWN : NOT_MET;
    s.flip = NO_FLIP;
    if (s.trace === null) return code;
    const expected = `measurable disease: serum M-protein ≥ ${serumMin} g/dL${isoMin !== undefined ? ` (${iso})` : ''}, or urine ≥ ${urineMin} mg/24h, or involved FLC ≥ ${flcMinMgL / 10} mg/dL${abnormalRequired ? ' with abnormal ratio' : ''}${ageNote(l.maxAgeDays)}`;
    const actual = [serum ? `serum ${[serum.value, ...(serumTorn ? serum.sameTime! : [])].join(' and ')} g/dL (${serum.date}${serumTorn ? ', recorded at one time' : ''})` : null, urine ? `urine ${[urine.value, ...(urineTorn ? urine.sameTime! : [])].join(' and ')} mg/24h (${urine.date}${urineTorn ? ', recorded at one time' : ''})` : null, flc ? `involved ${flc.chain} FLC ${flc.value / 10} mg/dL (${flc.date})` : null, ratio ? `ratio ${ratio.value}` : null]
      .filter(Boolean)
      .join(', ');
    const missing =
      code === UNKNOWN
        ? [isotypeNeeded ? 'M-protein isotype' : null, serum && !serumTorn ? null : 'serum M-protein', urine && !urineTorn ? null : '24-h urine M-protein', flc && (ratio || !abnormalRequired || flc.value < flcMinMgL) ? null : 'serum free light chains'].filter((x): x is string => x !== null).map((x) => `${x}${ageNote(l.maxAgeDays)}`)
        : undefined;
    note(s, code, fact, expected, actual || (code === UNKNOWN ? null : ''), missing, m.provenance);
    return code;
  };
}

// ---------- combinators (Kleene logic) ----------
//
// `all`: NOT_MET if any child is; else UNKNOWN if any child is; else MET. `any` is the dual; `not` swaps MET and NOT_MET
// and keeps UNKNOWN; `if` is its taken branch, or, with an unknown condition, what both branches agree on (else
// UNKNOWN). Each combination also knows every later day on which it changes: its children's changes merged day by day
// with the same rule (`changes`), so a verdict's date is the one a day-by-day reading of the same records gives. When no
// trace is collected, a child that decides the result for good (NOT_MET with no change under `all`, MET under `any`)
// ends the evaluation early.

/**
 * Every later day on which the last node's outcome `code` changes ([day, code, …], null: none): its `changes`, or a
 * leaf's `flip` (to `flipTo`) and `back` (to `code` again). Read right after the node ran.
 */
export function changesOf(code: Code, s: EvalState): number[] | null {
  if (s.changes !== null) return s.changes;
  if (s.flip === NO_FLIP) return null;
  const to = flipTarget(code, s);
  return s.back === NO_FLIP ? [s.flip, to] : [s.flip, to, s.back, code];
}

/** Clears what the last node left, before the next one runs. */
export function resetNode(s: EvalState): void {
  s.flip = NO_FLIP;
  s.flipTo = TO_OTHER;
  s.back = NO_FLIP;
  s.changes = null;
}

/** Sets a combination's outcome dates from its changes: `flip` and `flipTo` the first, `back` a return to `code` next. */
function setChanges(s: EvalState, code: Code, list: number[] | null): Code {
  s.changes = list;
  if (list === null) {
    s.flip = NO_FLIP;
    s.back = NO_FLIP;
    return code;
  }
  s.flip = list[0]!;
  s.flipTo = list[1]! as Code;
  s.back = list.length >= 4 && list[3] === code ? list[2]! : NO_FLIP;
  return code;
}

/** The outcome of a node with outcome `now` and changes `list` on `day`. */
export function codeOn(now: Code, list: readonly number[] | null, day: number): Code {
  let c = now;
  if (list !== null) for (let k = 0; k < list.length && list[k]! <= day; k += 2) c = list[k + 1] as Code;
  return c;
}

/** The children's changes merged day by day by `combine` (the first `n` of `codes` and `lists`): the combination's. */
function mergeChanges(n: number, codes: readonly Code[], lists: ReadonlyArray<readonly number[] | null>, combine: (codes: readonly Code[]) => Code): number[] | null {
  const days: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = lists[i];
    if (l) for (let k = 0; k < l.length; k += 2) days.push(l[k]!);
  }
  if (days.length === 0) return null;
  days.sort((x, y) => x - y);
  const now = codes.slice(0, n);
  const at: number[] = new Array<number>(n).fill(0);
  let prev = combine(now);
  let out: number[] | null = null;
  for (let j = 0; j < days.length; j++) {
    const day = days[j]!;
    if (j > 0 && days[j - 1] === day) continue;
    for (let i = 0; i < n; i++) {
      const l = lists[i];
      if (l) for (; at[i]! < l.length && l[at[i]!]! <= day; at[i]! += 2) now[i] = l[at[i]! + 1] as Code;
    }
    const c = combine(now);
    if (c !== prev) (out ??= []).push(day, (prev = c));
  }
  return out;
}

function compileAll(children: RuleNode[], decisive: Code): RuleNode {
  const combine = decisive === NOT_MET ? allOf : anyOf;
  // Scratch for the children's outcomes (a node never runs inside itself; single-threaded).
  const codes: Code[] = new Array<Code>(children.length).fill(UNKNOWN);
  const lists: Array<number[] | null> = new Array<number[] | null>(children.length).fill(null);
  return (s) => {
    let dated = false;
    for (let i = 0; i < children.length; i++) {
      resetNode(s);
      const code = children[i]!(s);
      const list = changesOf(code, s);
      codes[i] = code;
      lists[i] = list;
      if (list !== null) dated = true;
      else if (code === decisive && s.trace === null) return setChanges(s, decisive, null); // decided for good
    }
    const code = combine(codes);
    return setChanges(s, code, dated ? mergeChanges(children.length, codes, lists, combine) : null);
  };
}

/** The other known outcome; UNKNOWN stays. */
const flipped = (code: Code): Code => (code === MET ? NOT_MET : code === NOT_MET ? MET : UNKNOWN);
/** What a node's outcome `code` becomes on its flip day (read right after the node ran, when `s.flip` is a date). */
export const flipTarget = (code: Code, s: EvalState): Code => (s.flipTo === TO_OTHER ? flipped(code) : s.flipTo);

/**
 * A combination, traced: once it is decided, the leaves under it that are unknown settle nothing (their missing data
 * would not change it), so they are marked `settled` and the criterion's missing list leaves them out.
 */
function settling(node: RuleNode): RuleNode {
  return (s) => {
    const from = s.trace?.length ?? 0;
    const code = node(s);
    // Decided for good only: a part that changes later (a washout ending) may then turn on them.
    if (s.trace !== null && code !== UNKNOWN && s.changes === null && s.flip === NO_FLIP) for (let i = from; i < s.trace.length; i++) if (s.trace[i]!.outcome === 'UNKNOWN') s.trace[i]!.settled = true;
    return code;
  };
}

function compileNode(r: Rule): RuleNode {
  if ('all' in r) return settling(compileAll(r.all.map(compileNode), NOT_MET));
  if ('any' in r) return settling(compileAll(r.any.map(compileNode), MET));
  if ('not' in r) {
    const child = compileNode(r.not);
    return (s) => {
      resetNode(s);
      const code = child(s);
      const list = changesOf(code, s);
      return setChanges(s, flipped(code), list && list.map((x, k) => (k % 2 === 1 ? flipped(x as Code) : x)));
    };
  }
  if ('if' in r) return compileIf(r);
  return internedLeaf(r);
}

/** `if` on [condition, then, else]: the taken branch; with the condition unknown, what both branches agree on. */
const ifOf = (c: readonly Code[]): Code => (c[0] === MET ? c[1]! : c[0] === NOT_MET ? c[2]! : c[1] === c[2] ? c[1]! : UNKNOWN);

function compileIf(r: Extract<Rule, { if: Rule }>): RuleNode {
  const cond = compileNode(r.if);
  const then = compileNode(r.then);
  const otherwise = r.else ? compileNode(r.else) : null;
  const codes: Code[] = [UNKNOWN, UNKNOWN, UNKNOWN];
  const lists: Array<number[] | null> = [null, null, null];
  /** Runs a branch (traced only when `traced`: the one taken now, or both while the condition is unknown). */
  const branch = (taken: boolean, s: EvalState, traced: boolean): void => {
    const i = taken ? 1 : 2;
    resetNode(s);
    const trace = s.trace;
    if (!traced) s.trace = null;
    const code = taken ? then(s) : otherwise ? otherwise(s) : MET;
    s.trace = trace;
    codes[i] = code;
    lists[i] = taken || otherwise ? changesOf(code, s) : null;
  };
  return (s) => {
    resetNode(s);
    const c = cond(s);
    const conditionChanges = changesOf(c, s);
    codes[0] = c;
    lists[0] = conditionChanges;
    // The condition never changes and is known: the taken branch alone.
    if (conditionChanges === null && c !== UNKNOWN) {
      branch(c === MET, s, true);
      const i = c === MET ? 1 : 2;
      return setChanges(s, codes[i]!, lists[i]!);
    }
    branch(true, s, c !== NOT_MET);
    branch(false, s, c !== MET);
    const code = ifOf(codes);
    return setChanges(s, code, mergeChanges(3, codes, lists, ifOf));
  };
}

// ---------- leaves shared across trials ----------
//
// The same leaf ("ECOG ≤ 2", "triple-class exposed") recurs across trials. Identical leaves compile to
// one node that remembers its last answer for the last evaluation state, so screening one profile
// against the whole catalog evaluates each distinct leaf once. Traced evaluations always re-run.

const interned = new Map<string, RuleNode>();

function internedLeaf(l: Leaf): RuleNode {
  if (l.fact === 'unknownText') return compileLeaf(l);
  const key = canonicalJson(l);
  let node = interned.get(key);
  if (node === undefined) {
    node = remembering(compileLeaf(l));
    interned.set(key, node);
  }
  return node;
}

function remembering(inner: RuleNode): RuleNode {
  let last: EvalState | null = null;
  let lastCode: Code = UNKNOWN;
  let lastFlip = NO_FLIP;
  let lastFlipTo: EvalState['flipTo'] = TO_OTHER;
  let lastBack = NO_FLIP;
  let lastChanges: number[] | null = null;
  return (s) => {
    if (s === last && s.trace === null) {
      s.flip = lastFlip;
      s.flipTo = lastFlipTo;
      s.back = lastBack;
      s.changes = lastChanges;
      return lastCode;
    }
    resetNode(s);
    lastCode = inner(s);
    lastFlip = s.flip;
    lastFlipTo = s.flipTo;
    lastBack = s.back;
    // Its changes worked out once, for every read of the same state (screening a profile against many trials).
    lastChanges = s.changes = changesOf(lastCode, s);
    last = s;
    return lastCode;
  };
}

/** Validates (every problem, located by JSON pointer) and compiles a rule into an evaluator, once (it allocates only for outcomes that change on later days). */
export function compileRuleNode(raw: unknown, pointer = ''): RuleNode {
  const problems = checkRuleDocument(raw, pointer);
  if (problems.length > 0) throw new InvalidCriteriaError(problems);
  return compileNode(raw as Rule);
}

/** Validates and compiles a rule; the evaluator answers the outcome and the date it flips on, if any. */
export function compileRule(raw: unknown, pointer = ''): CompiledRule {
  const node = compileRuleNode(raw, pointer);
  return (ctx) => {
    const s = evaluationState(ctx.profile, ctx.asOf, ctx.trace);
    const code = node(s);
    return s.flip !== NO_FLIP ? { outcome: OUTCOMES[code]!, flipsOn: dayString(s.flip), flipsTo: OUTCOMES[flipTarget(code, s)]! } : { outcome: OUTCOMES[code]! };
  };
}
