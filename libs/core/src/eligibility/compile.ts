import { DRUG_CLASSES, type DrugClass } from '../terminology/drug-classes';
import { classesOf, drug as drugEntry } from '../terminology/drug-catalog';
import { LAB_DEFINITIONS, type LabName } from '../terminology/labs';
import { convert } from '../terminology/units';
import { ageOnDay } from '../patient/age';
import { RESPONSE_RANK } from '../patient/clinical-events';
import { canonicalAbnormality } from '../patient/cytogenetics';
import type { PatientProfile } from '../patient/profile';
import { addDays, daysBetween } from '../patient/settings';
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
}

export interface NodeResult {
  outcome: Outcome;
  flipsOn?: string;
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

const LEAF_KEYS: Record<Leaf['fact'], readonly string[]> = {
  age: ['min', 'max'],
  sex: ['in'],
  ecog: ['max', 'min', 'maxAgeDays'],
  priorLines: ['min', 'max'],
  drugExposed: ['drug', 'scope'],
  drugRefractory: ['drug', 'scope', 'excludeMaintenanceOnly'],
  classExposed: ['class', 'scope'],
  classRefractory: ['class', 'scope'],
  flag: ['name'],
  priorTargetTherapy: ['target', 'modality'],
  priorTransplant: ['kind', 'minCount'],
  timeSince: ['event', 'drug', 'class', 'kind', 'minDays', 'maxDays'],
  measurableDisease: ['serumMinGdL', 'serumMinGdLByIsotype', 'urineMinMg24h', 'involvedFlcMinMgDl', 'requireAbnormalFlcRatio', 'maxAgeDays'],
  measurableByFlcOnly: [],
  lab: ['name', 'op', 'value', 'unit', 'maxAgeDays'],
  labTimesUln: ['name', 'op', 'value', 'maxAgeDays'],
  creatinineClearance: ['op', 'value', 'maxAgeDays'],
  progressionAfterLastLine: [],
  responseAtLeast: ['category', 'ever'],
  mrd: ['result', 'maxSensitivity', 'maxAgeDays'],
  cytogenetics: ['abnormality'],
  highRiskCytogenetics: ['definition'],
  condition: ['kind', 'minGrade', 'includeHistory'],
  plasmaCellLeukemia: [],
  extramedullaryDisease: ['type'],
  unknownText: ['reason'],
};

function checkLeaf(c: Checker, o: Record<string, unknown>, p: string): void {
  const fact = o.fact as Leaf['fact'];
  c.only(o, ['fact', ...LEAF_KEYS[fact]], p);
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
      c.oneOf(o, 'scope', ['any', 'lastLine'], p, false);
      c.boolean(o, 'excludeMaintenanceOnly', p);
      break;
    case 'classExposed':
    case 'classRefractory':
      c.oneOf(o, 'class', DRUG_CLASSES, p, true);
      c.oneOf(o, 'scope', ['any', 'lastLine'], p, false);
      break;
    case 'flag':
      c.oneOf(o, 'name', [...FLAG_NAMES], p, true);
      break;
    case 'priorTargetTherapy':
      c.oneOf(o, 'target', ['BCMA', 'GPRC5D', 'FCRH5'], p, true);
      c.oneOf(o, 'modality', ['CAR_T', 'BISPECIFIC', 'ADC', 'any'], p, false);
      break;
    case 'priorTransplant':
      c.oneOf(o, 'kind', ['autologous', 'allogeneic', 'any'], p, false);
      c.number(o, 'minCount', p, false);
      break;
    case 'timeSince':
      c.oneOf(o, 'event', ['lastDose', 'transplant', 'carT', 'progression'], p, true);
      if (o.drug !== undefined) drugKnown('drug');
      c.oneOf(o, 'class', DRUG_CLASSES, p, false);
      c.oneOf(o, 'kind', ['autologous', 'allogeneic', 'any'], p, false);
      c.number(o, 'minDays', p, false);
      c.number(o, 'maxDays', p, false);
      if (o.minDays === undefined && o.maxDays === undefined) c.fail(p, 'timeSince needs minDays or maxDays');
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
      if (fact === 'lab') {
        c.string(o, 'unit', p, true);
        const def = LAB_DEFINITIONS.find((d) => d.name === o.name);
        if (def && typeof o.unit === 'string' && typeof o.value === 'number' && !convert(o.value, o.unit, def.unit, def.molarMass).ok) c.fail(`${p}/unit`, `cannot convert ${o.unit} to ${def.unit}`);
      }
      break;
    }
    case 'creatinineClearance':
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
      break;
    case 'cytogenetics':
      c.string(o, 'abnormality', p, true);
      break;
    case 'highRiskCytogenetics':
      c.oneOf(o, 'definition', ['riss', 'imwg2025'], p, true);
      break;
    case 'condition':
      c.string(o, 'kind', p, true);
      c.number(o, 'minGrade', p, false);
      c.boolean(o, 'includeHistory', p);
      break;
    case 'extramedullaryDisease':
      c.oneOf(o, 'type', ['extramedullary', 'paraskeletal', 'any'], p, false);
      break;
    case 'unknownText':
      c.string(o, 'reason', p, true);
      break;
    case 'measurableByFlcOnly':
    case 'progressionAfterLastLine':
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

function hasTreatmentHistory(p: PatientProfile): boolean {
  if (p.linesOfTherapy.count > 0) return true;
  for (const _ in p.drugs) return true;
  return false;
}
const hasResponseData = (p: PatientProfile): boolean => p.disease.progressions.length > 0 || p.disease.bestResponse !== null;
const within = (date: string, asOf: string, maxAgeDays: number | undefined): boolean => maxAgeDays === undefined || daysBetween(date, asOf) <= maxAgeDays;
const ageNote = (maxAgeDays: number | undefined): string => (maxAgeDays === undefined ? '' : ` within ${maxAgeDays} days`);

/** Records a leaf's outcome; its explanation is built only when the caller collects traces. */
function leaf(ctx: EvaluationContext, outcome: Outcome, flipsOn: string | undefined, detail: () => Omit<LeafTrace, 'outcome' | 'flipsOn'>): NodeResult {
  if (ctx.trace) {
    const t = detail() as LeafTrace;
    t.outcome = outcome;
    if (flipsOn) t.flipsOn = flipsOn;
    ctx.trace.push(t);
  }
  return flipsOn ? { outcome, flipsOn } : { outcome };
}
const bool = (b: boolean): Outcome => (b ? 'MET' : 'NOT_MET');

function targetClasses(target: 'BCMA' | 'GPRC5D' | 'FCRH5', modality: 'CAR_T' | 'BISPECIFIC' | 'ADC' | 'any'): DrugClass[] {
  const all: Record<string, DrugClass[]> = {
    BCMA: ['BCMA_CAR_T', 'BCMA_BISPECIFIC', 'BCMA_ADC'],
    GPRC5D: ['GPRC5D_CAR_T', 'GPRC5D_BISPECIFIC'],
    FCRH5: ['FCRH5_BISPECIFIC'],
  };
  return all[target]!.filter((k) => modality === 'any' || k.endsWith(modality === 'CAR_T' ? 'CAR_T' : modality));
}

function compileLeaf(l: Leaf): CompiledRule {
  switch (l.fact) {
    case 'age': {
      const expected = `age ${l.min !== undefined ? `≥ ${l.min}` : ''}${l.min !== undefined && l.max !== undefined ? ' and ' : ''}${l.max !== undefined ? `≤ ${l.max}` : ''}`;
      return (ctx) => {
        const b = ctx.profile.demographics.birthDate;
        if (!b) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'age', expected, actual: null, missing: ['birth date'] }));
        const age = ageOnDay(b, ctx.asOf);
        const ok = (l.min === undefined || age >= l.min) && (l.max === undefined || age <= l.max);
        const birthday = (years: number): string => `${String(Number(b.slice(0, 4)) + years).padStart(4, '0')}${b.slice(4, 10)}`;
        const flipsOn = !ok && l.min !== undefined && age < l.min ? birthday(l.min) : ok && l.max !== undefined ? birthday(l.max + 1) : undefined;
        return leaf(ctx, bool(ok), flipsOn, () => ({ fact: 'age', expected, actual: String(age) }));
      };
    }
    case 'sex':
      return (ctx) => {
        const s = ctx.profile.demographics.sex;
        const expected = `sex ${l.in.join(' or ')}`;
        if (!s || s === 'unknown') return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'sex', expected, actual: null, missing: ['sex'] }));
        return leaf(ctx, bool((l.in as string[]).includes(s)), undefined, () => ({ fact: 'sex', expected, actual: s }));
      };
    case 'ecog':
      return (ctx) => {
        const e = ctx.profile.ecog;
        const expected = `ECOG ${l.min !== undefined ? `${l.min}–` : '≤ '}${l.max}${ageNote(l.maxAgeDays)}`;
        if (!e) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'ecog', expected, actual: null, missing: [`ECOG${ageNote(l.maxAgeDays)}`] }));
        if (!within(e.date, ctx.asOf, l.maxAgeDays)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'ecog', expected, actual: `${e.value} (${e.date}, too old)`, missing: [`ECOG${ageNote(l.maxAgeDays)}`], provenance: e.provenance }));
        return leaf(ctx, bool(e.value <= l.max && (l.min === undefined || e.value >= l.min)), undefined, () => ({ fact: 'ecog', expected, actual: `${e.value} (${e.date})`, provenance: e.provenance }));
      };
    case 'priorLines':
      return (ctx) => {
        const n = ctx.profile.linesOfTherapy.count;
        const expected = `prior lines ${l.min !== undefined ? `≥ ${l.min}` : ''}${l.min !== undefined && l.max !== undefined ? ' and ' : ''}${l.max !== undefined ? `≤ ${l.max}` : ''}`;
        if (!hasTreatmentHistory(ctx.profile)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'priorLines', expected, actual: null, missing: ['treatment history'] }));
        return leaf(ctx, bool((l.min === undefined || n >= l.min) && (l.max === undefined || n <= l.max)), undefined, () => ({ fact: 'priorLines', expected, actual: String(n) }));
      };
    case 'drugExposed':
    case 'drugRefractory':
      return (ctx) => {
        const p = ctx.profile;
        const scope = l.scope ?? 'any';
        const what = `${l.fact === 'drugExposed' ? 'exposed to' : 'refractory to'} ${l.drug}${scope === 'lastLine' ? ' in the last line' : ''}`;
        if (!hasTreatmentHistory(p)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: what, actual: null, missing: ['treatment history'] }));
        const d = p.drugs[l.drug];
        const lastLine = p.linesOfTherapy.lines.at(-1);
        if (l.fact === 'drugExposed') {
          const yes = d !== undefined && (scope === 'any' || (lastLine?.generics.includes(l.drug) ?? false));
          return leaf(ctx, bool(yes), undefined, () => ({ fact: l.fact, expected: what, actual: d ? `exposed ${d.firstDose}–${d.lastDose ?? 'ongoing'}` : 'never exposed', ...(d ? { provenance: d.provenance } : {}) }));
        }
        const refractory = d !== undefined && (scope === 'any' ? d.refractory : d.refractoryInLastLine) && !(l.excludeMaintenanceOnly === true && d.refractoryOnlyAtMaintenance);
        if (!refractory && d !== undefined && !hasResponseData(p)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: what, actual: 'exposed, response not documented', missing: [`response or progression on ${l.drug}`] }));
        return leaf(ctx, bool(refractory), undefined, () => ({ fact: l.fact, expected: what, actual: d ? (d.evidence.map((e) => e.detail).join('; ') || 'exposed, not refractory') : 'never exposed', ...(d ? { provenance: d.provenance } : {}) }));
      };
    case 'classExposed':
    case 'classRefractory':
      return (ctx) => {
        const p = ctx.profile;
        const scope = l.scope ?? 'any';
        const what = `${l.fact === 'classExposed' ? 'exposed to' : 'refractory to'} ${l.class}${scope === 'lastLine' ? ' in the last line' : ''}`;
        if (!hasTreatmentHistory(p)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: what, actual: null, missing: ['treatment history'] }));
        const c = p.classes[l.class];
        const lastLine = p.linesOfTherapy.lines.at(-1);
        if (l.fact === 'classExposed') {
          const yes = scope === 'any' ? c.exposed : (lastLine?.classes.includes(l.class) ?? false);
          return leaf(ctx, bool(yes), undefined, () => ({ fact: l.fact, expected: what, actual: c.drugs.length ? c.drugs.join(', ') : 'none' }));
        }
        const refractory = scope === 'any' ? c.refractory : c.refractoryInLastLine;
        if (!refractory && c.exposed && !hasResponseData(p)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: what, actual: 'exposed, response not documented', missing: [`response or progression on ${l.class}`] }));
        return leaf(ctx, bool(refractory), undefined, () => ({ fact: l.fact, expected: what, actual: c.drugs.filter((g) => p.drugs[g]?.refractory).join(', ') || (c.exposed ? 'exposed, not refractory' : 'never exposed') }));
      };
    case 'flag':
      return (ctx) => {
        // Every flag is about treatment: without any treatment history it is unknown, not false.
        if (!hasTreatmentHistory(ctx.profile)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'flag', expected: l.name, actual: null, missing: ['treatment history'] }));
        return leaf(ctx, bool(ctx.profile.flags[l.name]), undefined, () => ({ fact: 'flag', expected: l.name, actual: String(ctx.profile.flags[l.name]) }));
      };
    case 'priorTargetTherapy':
      return (ctx) => {
        const classes = targetClasses(l.target, l.modality ?? 'any');
        const expected = `prior ${l.target}-directed ${l.modality && l.modality !== 'any' ? l.modality : 'therapy'}`;
        if (!hasTreatmentHistory(ctx.profile)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['treatment history'] }));
        const drugs = classes.flatMap((k) => ctx.profile.classes[k].drugs);
        return leaf(ctx, bool(drugs.length > 0), undefined, () => ({ fact: l.fact, expected, actual: drugs.join(', ') || 'none' }));
      };
    case 'priorTransplant':
      return (ctx) => {
        const kind = l.kind ?? 'any';
        const ts = ctx.profile.transplants.filter((t) => kind === 'any' || t.kind === `${kind}-sct`);
        const expected = `≥ ${l.minCount ?? 1} prior ${kind === 'any' ? '' : `${kind} `}SCT`;
        if (!hasTreatmentHistory(ctx.profile) && ts.length === 0) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['transplant history'] }));
        return leaf(ctx, bool(ts.length >= (l.minCount ?? 1)), undefined, () => ({ fact: l.fact, expected, actual: ts.map((t) => `${t.kind} ${t.date}`).join(', ') || 'none' }));
      };
    case 'timeSince':
      return (ctx) => compileTimeSince(l, ctx);
    case 'measurableDisease':
      return (ctx) => measurable(l, ctx);
    case 'measurableByFlcOnly':
      return (ctx) => {
        const m = ctx.profile.disease.measurable;
        const any = m.values.serumMProtein || m.values.urineMProtein || m.values.involvedFlc;
        if (!any) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: 'measurable by FLC only', actual: null, missing: ['serum M-protein, urine M-protein and serum FLC'] }));
        return leaf(ctx, bool(m.flcOnly), undefined, () => ({ fact: l.fact, expected: 'measurable by FLC only', actual: m.flcOnly ? 'FLC only' : 'not FLC-only measurable', provenance: m.provenance }));
      };
    case 'lab': {
      const def = LAB_DEFINITIONS.find((d) => d.name === l.name)!;
      const c = convert(l.value, l.unit, def.unit, def.molarMass);
      const threshold = c.ok ? c.value : l.value;
      const expected = `${l.name} ${l.op} ${l.value} ${l.unit}${ageNote(l.maxAgeDays)}`;
      return (ctx) => labLeaf(ctx, l.fact, l.name, expected, l.maxAgeDays, (v) => ({ value: v.value, ok: compare(v.value, l.op, threshold), actual: `${v.value} ${v.unit} (${v.date})` }));
    }
    case 'labTimesUln': {
      const expected = `${l.name} ${l.op} ${l.value} × ULN${ageNote(l.maxAgeDays)}`;
      return (ctx) => labLeaf(ctx, l.fact, l.name, expected, l.maxAgeDays, (v) => (v.timesUln === null ? null : { value: v.timesUln, ok: compare(v.timesUln, l.op, l.value), actual: `${v.value} ${v.unit} = ${v.timesUln} × ULN (${v.date})` }));
    }
    case 'creatinineClearance':
      return (ctx) => {
        const c = ctx.profile.labs.crcl;
        const expected = `CrCl (Cockcroft–Gault) ${l.op} ${l.value} mL/min${ageNote(l.maxAgeDays)}`;
        if (!c || !within(c.date, ctx.asOf, l.maxAgeDays)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: c ? `${c.value} mL/min (${c.date}, too old)` : null, missing: [`creatinine${ageNote(l.maxAgeDays)} with weight, sex and birth date`] }));
        return leaf(ctx, bool(compare(c.value, l.op, l.value)), undefined, () => ({ fact: l.fact, expected, actual: `${c.value} mL/min (${c.date})`, provenance: c.provenance }));
      };
    case 'progressionAfterLastLine':
      return (ctx) => {
        const line = ctx.profile.linesOfTherapy.lines.at(-1);
        const pd = ctx.profile.disease.progressionDate;
        const expected = 'progression on or after the last line';
        if (!line) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['treatment history'] }));
        if (pd && pd >= line.start) return leaf(ctx, 'MET', undefined, () => ({ fact: l.fact, expected, actual: `progression ${pd}` }));
        return leaf(ctx, hasResponseData(ctx.profile) ? 'NOT_MET' : 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: pd ? `last progression ${pd}, before line ${line.number}` : 'no progression recorded', ...(hasResponseData(ctx.profile) ? {} : { missing: ['disease assessment since the last line'] }) }));
      };
    case 'responseAtLeast':
      return (ctx) => {
        if (l.ever) {
          const best = ctx.profile.disease.bestResponse;
          const expected = `best response to any line ${l.category} or better`;
          if (!best) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['response assessments'] }));
          return leaf(ctx, bool(RESPONSE_RANK[best] >= RESPONSE_RANK[l.category]), undefined, () => ({ fact: l.fact, expected, actual: `best ${best}` }));
        }
        const r = ctx.profile.disease.response;
        const expected = `response ${l.category} or better`;
        if (!r) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['response assessment'] }));
        return leaf(ctx, bool(RESPONSE_RANK[r.category] >= RESPONSE_RANK[l.category]), undefined, () => ({ fact: l.fact, expected, actual: `${r.category} (${r.date}, ${r.source})`, provenance: r.provenance }));
      };
    case 'mrd':
      return (ctx) => {
        const m = ctx.profile.disease.mrd.latest;
        const expected = `MRD ${l.result}${l.maxSensitivity ? ` at ≤ ${l.maxSensitivity}` : ''}${ageNote(l.maxAgeDays)}`;
        if (!m || !within(m.date, ctx.asOf, l.maxAgeDays)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: m ? `${m.result} (${m.date}, too old)` : null, missing: [`MRD assessment${ageNote(l.maxAgeDays)}`] }));
        const sensitive = l.maxSensitivity === undefined || (m.sensitivity !== null && m.sensitivity <= l.maxSensitivity);
        if (m.result === 'negative' && l.result === 'negative' && !sensitive) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: `negative at ${m.sensitivity ?? 'unknown sensitivity'}`, missing: [`MRD at sensitivity ≤ ${l.maxSensitivity}`] }));
        return leaf(ctx, bool(m.result === l.result), undefined, () => ({ fact: l.fact, expected, actual: `${m.result} (${m.method}, ${m.sensitivity ?? '?'}, ${m.date})`, provenance: ctx.profile.disease.mrd.provenance }));
      };
    case 'cytogenetics': {
      const wanted = canonicalAbnormality(l.abnormality);
      return (ctx) => {
        const f = ctx.profile.cytogenetics.abnormalities.find((a) => a.abnormality === wanted);
        if (!f) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: `${wanted} detected`, actual: null, missing: [`FISH for ${wanted}`] }));
        return leaf(ctx, bool(f.detected), undefined, () => ({ fact: l.fact, expected: `${wanted} detected`, actual: `${f.detected ? 'detected' : 'not detected'}${f.percentCells !== null ? ` (${f.percentCells}%)` : ''} ${f.date}`, provenance: f.provenance }));
      };
    }
    case 'highRiskCytogenetics':
      return (ctx) => {
        const c = ctx.profile.cytogenetics;
        const expected = `high-risk cytogenetics (${l.definition === 'riss' ? 'R-ISS' : 'IMS/IMWG 2025'})`;
        if (c.abnormalities.length === 0) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['FISH cytogenetics'] }));
        const yes = l.definition === 'riss' ? c.highRiskRiss : c.highRiskImwg2025.highRisk;
        return leaf(ctx, bool(yes), undefined, () => ({ fact: l.fact, expected, actual: l.definition === 'riss' ? String(c.highRiskRiss) : c.highRiskImwg2025.basis.join('; ') || 'none of the criteria' }));
      };
    case 'condition':
      return (ctx) => {
        const c = ctx.profile.conditions[l.kind];
        const expected = `${l.kind}${l.minGrade ? ` grade ≥ ${l.minGrade}` : ''}${l.includeHistory ? ' (current or past)' : ' (active)'}`;
        if (!c) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: [`${l.kind} status`] }));
        const present = c.status === 'active' || (l.includeHistory === true && (c.status === 'history' || c.status === 'resolved'));
        if (present && l.minGrade !== undefined && c.grade === null) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: `${c.status}, grade not recorded`, missing: [`${l.kind} grade`] }));
        return leaf(ctx, bool(present && (l.minGrade === undefined || (c.grade ?? 0) >= l.minGrade)), undefined, () => ({ fact: l.fact, expected, actual: `${c.status}${c.grade !== null ? ` grade ${c.grade}` : ''} (${c.date})`, provenance: c.provenance }));
      };
    case 'plasmaCellLeukemia':
      return (ctx) => {
        const p = ctx.profile.plasmaCellLeukemia;
        if (!p) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: 'plasma cell leukaemia', actual: null, missing: ['circulating plasma cells or PCL status'] }));
        return leaf(ctx, bool(p.present), undefined, () => ({ fact: l.fact, expected: 'plasma cell leukaemia', actual: p.basis }));
      };
    case 'extramedullaryDisease':
      return (ctx) => {
        const e = ctx.profile.extramedullaryDisease;
        const type = l.type ?? 'any';
        const expected = `extramedullary disease${type === 'any' ? '' : ` (${type})`}`;
        if (!e) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected, actual: null, missing: ['imaging for extramedullary disease'] }));
        return leaf(ctx, bool(e.present && (type === 'any' || e.type === type)), undefined, () => ({ fact: l.fact, expected, actual: `${e.present ? `present${e.type ? ` (${e.type})` : ''}` : 'absent'} ${e.date}` }));
      };
    case 'unknownText':
      return (ctx) => leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: l.fact, expected: l.reason, actual: null, missing: [l.reason] }));
  }
}

function labLeaf(
  ctx: EvaluationContext,
  fact: string,
  name: LabName,
  expected: string,
  maxAgeDays: number | undefined,
  judge: (v: NonNullable<PatientProfile['labs'][LabName]>) => { value: number; ok: boolean; actual: string } | null,
): NodeResult {
  const v = ctx.profile.labs[name];
  const needed = `${name}${ageNote(maxAgeDays)}`;
  if (!v) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact, expected, actual: null, missing: [needed] }));
  if (!within(v.date, ctx.asOf, maxAgeDays)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact, expected, actual: `${v.value} ${v.unit} (${v.date}, too old)`, missing: [needed], provenance: v.provenance }));
  const j = judge(v);
  if (!j) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact, expected, actual: `${v.value} ${v.unit} (no ULN)`, missing: [`${name} upper limit of normal`], provenance: v.provenance }));
  return leaf(ctx, bool(j.ok), undefined, () => ({ fact, expected, actual: j.actual, provenance: v.provenance }));
}

function compileTimeSince(l: Extract<Leaf, { fact: 'timeSince' }>, ctx: EvaluationContext): NodeResult {
  const p = ctx.profile;
  const label = l.event === 'lastDose' ? `last dose of ${l.drug ?? l.class ?? 'anti-myeloma therapy'}` : l.event === 'transplant' ? `${l.kind && l.kind !== 'any' ? `${l.kind} ` : ''}SCT` : l.event === 'carT' ? 'CAR-T infusion' : 'progression';
  const expected = `${l.minDays !== undefined ? `≥ ${l.minDays}` : ''}${l.minDays !== undefined && l.maxDays !== undefined ? ' and ' : ''}${l.maxDays !== undefined ? `≤ ${l.maxDays}` : ''} days since ${label}`;
  if (!hasTreatmentHistory(p) && l.event !== 'progression') return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'timeSince', expected, actual: null, missing: ['treatment history'] }));
  let date: string | null = null;
  let ongoing = false;
  if (l.event === 'lastDose') {
    const generics = l.drug ? [l.drug] : l.class ? p.classes[l.class].drugs : Object.keys(p.drugs).filter((g) => !classesOf(g).includes('SUPPORTIVE'));
    for (const g of generics) {
      const d = p.drugs[g];
      if (!d) continue;
      if (d.ongoing) ongoing = true;
      else if (d.lastDose && (date === null || d.lastDose > date)) date = d.lastDose;
    }
  } else if (l.event === 'transplant') {
    date = p.transplants.filter((t) => !l.kind || l.kind === 'any' || t.kind === `${l.kind}-sct`).at(-1)?.date ?? null;
  } else if (l.event === 'carT') {
    date = p.cellTherapies.at(-1)?.date ?? null;
  } else {
    date = p.disease.progressionDate;
    if (!date && !hasResponseData(p)) return leaf(ctx, 'UNKNOWN', undefined, () => ({ fact: 'timeSince', expected, actual: null, missing: ['disease assessments'] }));
  }
  if (ongoing) {
    // Still on it: "at least N days since" is not met, with no date yet; "within N days" is met.
    return leaf(ctx, bool(l.minDays === undefined), undefined, () => ({ fact: 'timeSince', expected, actual: `${label}: ongoing` }));
  }
  if (date === null) return leaf(ctx, bool(l.maxDays === undefined), undefined, () => ({ fact: 'timeSince', expected, actual: `no ${label}` }));
  const days = daysBetween(date, ctx.asOf);
  const okMin = l.minDays === undefined || days >= l.minDays;
  const okMax = l.maxDays === undefined || days <= l.maxDays;
  const outcome = bool(okMin && okMax);
  let flipsOn: string | undefined;
  if (!okMin && okMax) {
    const d = addDays(date, l.minDays!);
    if (l.maxDays === undefined || l.maxDays >= l.minDays!) flipsOn = d;
  } else if (okMin && okMax && l.maxDays !== undefined) flipsOn = addDays(date, l.maxDays + 1);
  return leaf(ctx, outcome, flipsOn, () => ({ fact: 'timeSince', expected, actual: `${days} days since ${label} (${date})` }));
}

function measurable(l: Extract<Leaf, { fact: 'measurableDisease' }>, ctx: EvaluationContext): NodeResult {
  const m = ctx.profile.disease.measurable;
  const iso = m.heavyChain as keyof NonNullable<typeof l.serumMinGdLByIsotype> | null;
  const serumMin = (iso && l.serumMinGdLByIsotype?.[iso]) ?? l.serumMinGdL ?? 1.0;
  const urineMin = l.urineMinMg24h ?? 200;
  const flcMinMgL = (l.involvedFlcMinMgDl ?? 10) * 10;
  const abnormalRequired = l.requireAbnormalFlcRatio ?? true;
  const fresh = <T extends { date: string }>(v: T | null): T | null => (v && within(v.date, ctx.asOf, l.maxAgeDays) ? v : null);
  const serum = fresh(m.values.serumMProtein);
  const urine = fresh(m.values.urineMProtein);
  const flc = fresh(m.values.involvedFlc);
  const ratio = fresh(m.values.flcRatio);
  const serumOk = serum !== null && serum.value >= serumMin;
  const urineOk = urine !== null && urine.value >= urineMin;
  const ratioAbnormal = ratio !== null && (ratio.value < 0.26 || ratio.value > 1.65);
  const flcOk = !serumOk && !urineOk && flc !== null && flc.value >= flcMinMgL && (!abnormalRequired || ratioAbnormal);
  const unmeasured = serum === null || urine === null || flc === null || (abnormalRequired && ratio === null);
  const outcome: Outcome = serumOk || urineOk || flcOk ? 'MET' : unmeasured ? 'UNKNOWN' : 'NOT_MET';
  return leaf(ctx, outcome, undefined, () => {
    const expected = `measurable disease: serum M-protein ≥ ${serumMin} g/dL${iso && l.serumMinGdLByIsotype?.[iso] ? ` (${iso})` : ''}, or urine ≥ ${urineMin} mg/24h, or involved FLC ≥ ${flcMinMgL / 10} mg/dL${abnormalRequired ? ' with abnormal ratio' : ''}${ageNote(l.maxAgeDays)}`;
    const actual = [serum ? `serum ${serum.value} g/dL (${serum.date})` : null, urine ? `urine ${urine.value} mg/24h (${urine.date})` : null, flc ? `involved ${flc.chain} FLC ${flc.value / 10} mg/dL (${flc.date})` : null, ratio ? `ratio ${ratio.value}` : null]
      .filter(Boolean)
      .join(', ');
    if (outcome !== 'UNKNOWN') return { fact: 'measurableDisease', expected, actual, provenance: m.provenance };
    const missing = [serum ? null : 'serum M-protein', urine ? null : '24-h urine M-protein', flc && (ratio || !abnormalRequired) ? null : 'serum free light chains']
      .filter((x): x is string => x !== null)
      .map((x) => `${x}${ageNote(l.maxAgeDays)}`);
    return { fact: 'measurableDisease', expected, actual: actual || null, missing, provenance: m.provenance };
  });
}

// ---------- combinators (Kleene logic) ----------

function compileNode(r: Rule): CompiledRule {
  if ('all' in r) {
    const children = r.all.map(compileNode);
    return (ctx) => {
      const results = children.map((c) => c(ctx));
      const notMet = results.filter((x) => x.outcome === 'NOT_MET');
      if (notMet.length > 0) {
        // Becomes true when every failing child flips (and only if each one will).
        const flipsOn = notMet.every((x) => x.flipsOn) && !results.some((x) => x.outcome === 'UNKNOWN') ? notMet.map((x) => x.flipsOn!).sort().at(-1) : undefined;
        return flipsOn ? { outcome: 'NOT_MET', flipsOn } : { outcome: 'NOT_MET' };
      }
      if (results.some((x) => x.outcome === 'UNKNOWN')) return { outcome: 'UNKNOWN' };
      const flips = results.map((x) => x.flipsOn).filter((x): x is string => x !== undefined).sort();
      return flips[0] ? { outcome: 'MET', flipsOn: flips[0] } : { outcome: 'MET' };
    };
  }
  if ('any' in r) {
    const children = r.any.map(compileNode);
    return (ctx) => {
      const results = children.map((c) => c(ctx));
      const met = results.filter((x) => x.outcome === 'MET');
      if (met.length > 0) {
        const flipsOn = met.every((x) => x.flipsOn) && !results.some((x) => x.outcome === 'UNKNOWN') ? met.map((x) => x.flipsOn!).sort().at(-1) : undefined;
        return flipsOn ? { outcome: 'MET', flipsOn } : { outcome: 'MET' };
      }
      if (results.some((x) => x.outcome === 'UNKNOWN')) return { outcome: 'UNKNOWN' };
      const flips = results.map((x) => x.flipsOn).filter((x): x is string => x !== undefined).sort();
      return flips[0] ? { outcome: 'NOT_MET', flipsOn: flips[0] } : { outcome: 'NOT_MET' };
    };
  }
  if ('not' in r) {
    const child = compileNode(r.not);
    return (ctx) => {
      const x = child(ctx);
      const outcome: Outcome = x.outcome === 'MET' ? 'NOT_MET' : x.outcome === 'NOT_MET' ? 'MET' : 'UNKNOWN';
      return x.flipsOn ? { outcome, flipsOn: x.flipsOn } : { outcome };
    };
  }
  if ('if' in r) {
    const cond = compileNode(r.if);
    const then = compileNode(r.then);
    const otherwise = r.else ? compileNode(r.else) : null;
    return (ctx) => {
      const c = cond(ctx);
      if (c.outcome === 'MET') return then(ctx);
      if (c.outcome === 'NOT_MET') return otherwise ? otherwise(ctx) : { outcome: 'MET' };
      // Unknown condition: known only when both branches agree.
      const a = then(ctx);
      const b = otherwise ? otherwise(ctx) : { outcome: 'MET' as const };
      return a.outcome === b.outcome && a.outcome !== 'UNKNOWN' ? { outcome: a.outcome } : { outcome: 'UNKNOWN' };
    };
  }
  return compileLeaf(r);
}

/** Validates (every problem, located by JSON pointer) and compiles a rule into an evaluator, once. */
export function compileRule(raw: unknown, pointer = ''): CompiledRule {
  const problems = checkRuleDocument(raw, pointer);
  if (problems.length > 0) throw new InvalidCriteriaError(problems);
  return compileNode(raw as Rule);
}
