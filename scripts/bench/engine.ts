/**
 * `npm run bench:engine`: patient×trial evaluations per second on one core, over the real catalog
 * (data/trials) and 10,000 varied synthetic profiles, with and without traces; the same rules run
 * through json-rules-engine in the same process as a baseline (ratio printed); memory per compiled
 * trial. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine, type NestedCondition } from 'json-rules-engine';
import { buildProfile, compileTrial, evaluateTrial, evaluationState, screenTrial, type CompiledTrial, type LeafTrace, type PatientProfile, type Rule, type TrialDocument } from '@trialmatch/core';
import { seeded, syntheticHistory } from './support';

const AS_OF = '2025-06-01';
const docs = readdirSync(join(__dirname, '../../data/trials'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(__dirname, '../../data/trials', f), 'utf8')) as TrialDocument);

// ---- synthetic profiles ----
const rnd = seeded(42);
const t0 = performance.now();
// Profiles reach the matcher as JSON (Kafka messages, jsonb rows): read them the same way.
const profiles: PatientProfile[] = Array.from({ length: 10_000 }, (_, i) => JSON.parse(JSON.stringify(buildProfile(syntheticHistory(i, rnd, '2025-05-20', '2025-05-10'), AS_OF))) as PatientProfile);
console.log(`built 10,000 synthetic profiles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- memory per compiled trial ----
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const compiledMany: CompiledTrial[][] = Array.from({ length: 50 }, () => docs.map((d) => compileTrial(d)));
global.gc?.();
const perTrial = (process.memoryUsage().heapUsed - heapBefore) / (50 * docs.length);
const compiled = compiledMany[0]!;
console.log(`catalog: ${docs.length} trials, ${docs.reduce((n, d) => n + d.criteria.length + (d.cohorts ?? []).reduce((m, c) => m + c.criteria.length, 0), 0)} criteria; ~${(perTrial / 1024).toFixed(1)} KiB per compiled trial${global.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);

// ---- our engine ----
function ours(label: string, withTraces: boolean, minMs = 3000): number {
  let n = 0;
  let checksum = 0;
  const start = performance.now();
  const sink: LeafTrace[] = [];
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 1000; i++) {
      const p = profiles[(n + i) % profiles.length]!;
      if (withTraces) {
        for (const t of compiled) checksum += evaluateTrial(t, p, AS_OF).unknownCount;
      } else {
        const s = evaluationState(p, AS_OF);
        for (const t of compiled) checksum += screenTrial(t, s).unknownCount;
      }
    }
    n += 1000;
  }
  sink.length = 0;
  const rate = (n * compiled.length) / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(58)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} patient×trial/s (checksum ${checksum % 1000})`);
  return rate;
}

// ---- json-rules-engine baseline: the same rules over the same profiles, as flattened facts ----
function facts(p: PatientProfile): Record<string, unknown> {
  const f: Record<string, unknown> = { age: p.demographics.ageYears, ecog: p.ecog?.value ?? null, priorLines: p.linesOfTherapy.count };
  for (const [k, v] of Object.entries(p.flags)) f[`flag_${k}`] = v;
  for (const [k, v] of Object.entries(p.classes)) {
    f[`class_${k}_exposed`] = v.exposed;
    f[`class_${k}_refractory`] = v.refractory;
  }
  for (const [k, v] of Object.entries(p.drugs)) {
    f[`drug_${k}_exposed`] = v.exposed;
    f[`drug_${k}_refractory`] = v.refractory;
  }
  f.serumMProtein = p.disease.measurable.values.serumMProtein?.value ?? null;
  f.hemoglobin = p.labs.hemoglobin?.value ?? null;
  f.crcl = p.labs.crcl?.value ?? null;
  return f;
}
const OP: Record<string, string> = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '==': 'equal' };
function toJre(r: Rule): NestedCondition {
  if ('all' in r) return { all: r.all.map(toJre) };
  if ('any' in r) return { any: r.any.map(toJre) };
  if ('not' in r) return { not: toJre(r.not) };
  if ('if' in r) return { any: [{ all: [toJre(r.if), toJre(r.then)] }, { not: toJre(r.if) }] };
  const fact = (name: string, operator: string, value: unknown): NestedCondition => ({ fact: name, operator, value });
  switch (r.fact) {
    case 'age':
      return { all: [...(r.min !== undefined ? [fact('age', 'greaterThanInclusive', r.min)] : []), ...(r.max !== undefined ? [fact('age', 'lessThanInclusive', r.max)] : [])] };
    case 'ecog':
      return fact('ecog', 'lessThanInclusive', r.max);
    case 'priorLines':
      return { all: [...(r.min !== undefined ? [fact('priorLines', 'greaterThanInclusive', r.min)] : []), ...(r.max !== undefined ? [fact('priorLines', 'lessThanInclusive', r.max)] : [])] };
    case 'flag':
      return fact(`flag_${r.name}`, 'equal', true);
    case 'classExposed':
      return fact(`class_${r.class}_exposed`, 'equal', true);
    case 'classRefractory':
      return fact(`class_${r.class}_refractory`, 'equal', true);
    case 'drugExposed':
      return fact(`drug_${r.drug}_exposed`, 'equal', true);
    case 'drugRefractory':
      return fact(`drug_${r.drug}_refractory`, 'equal', true);
    case 'measurableDisease':
      return fact('serumMProtein', 'greaterThanInclusive', r.serumMinGdL ?? 1);
    case 'lab':
      return fact(r.name === 'hemoglobin' ? 'hemoglobin' : `lab_${r.name}`, OP[r.op]!, r.value);
    case 'creatinineClearance':
      return fact('crcl', OP[r.op]!, r.value);
    default:
      return fact(`other_${r.fact}`, 'equal', true);
  }
}
async function baseline(minMs = 3000): Promise<number> {
  const engines = docs.map((d) => {
    const e = new Engine([], { allowUndefinedFacts: true });
    d.criteria.forEach((c) => e.addRule({ conditions: { all: [toJre(c.rule as Rule)] }, event: { type: c.id } }));
    return e;
  });
  const factSets = profiles.map(facts);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 100; i++) {
      const f = factSets[(n + i) % factSets.length]!;
      for (const e of engines) await e.run(f);
    }
    n += 100;
  }
  const rate = (n * engines.length) / ((performance.now() - start) / 1000);
  console.log(`${'json-rules-engine 7 (baseline, same rules, flattened facts)'.padEnd(58)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} patient×trial/s`);
  return rate;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Interleaved rounds (this engine, then the baseline) so that a noisy machine slows both alike; medians reported. */
async function main(): Promise<void> {
  ours('warm-up', false, 1000);
  ours('warm-up', true, 1000);
  const fast: number[] = [];
  const full: number[] = [];
  const base: number[] = [];
  for (let round = 1; round <= 3; round++) {
    console.log(`-- round ${round}`);
    fast.push(ours('this engine, verdicts per trial and cohort (no traces)', false, 2000));
    full.push(ours('this engine, full evaluation with traces and verdicts', true, 2000));
    base.push(await baseline(2000));
  }
  const ratios = (xs: number[]): number[] => xs.map((x, i) => x / base[i]!);
  console.log(`\nmedian of 3 rounds: ${Math.round(median(fast)).toLocaleString('en-US')} patient×trial/s without traces, ${Math.round(median(full)).toLocaleString('en-US')} with traces, baseline ${Math.round(median(base)).toLocaleString('en-US')}`);
  console.log(`ratio vs json-rules-engine (median of per-round ratios): ${median(ratios(fast)).toFixed(1)}× without traces, ${median(ratios(full)).toFixed(1)}× with traces`);
  console.log('targets: ≥ 1,000,000 patient×trial/s per core; ≥ 20× the baseline');
}
void main();
