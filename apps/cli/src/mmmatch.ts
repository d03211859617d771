import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import { ingest, IngestError, type IngestOptions } from './ingest';
import { loadTrials, type LoadReport } from './trials-load';
import { authorizedFetch, createKeyCommand, verifyAuditCommand } from './security';
import { checkMessage, TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import {
  buildProfile,
  compileTrial,
  evaluateTrial,
  importCtgovStudy,
  InvalidCriteriaError,
  mapFhirBundle,
  rank,
  type CtgovStudy,
  type PatientProfile,
  type TrialDocument,
} from '@trialmatch/core';

const USAGE = `usage:
  mmmatch profile FILE [--as-of YYYY-MM-DD]
      the derived profile (one per patient) of native patient events (JSON array or NDJSON) or a FHIR R4 Bundle
  mmmatch screen FILE [--trials DIR] [--as-of YYYY-MM-DD]
      ranked trial results with per-criterion traces (default catalog: data/trials/)
  mmmatch trials validate FILE|DIR
      checks trial documents against the contract and compiles their rules
  mmmatch trials import-ctgov STUDY.json
      a draft trial document from a ClinicalTrials.gov API v2 study record
  mmmatch trials load DIR|FILE [--url URL] [--token T]
      publishes trial documents to a running matcher (default URL: $MATCHER_URL or http://localhost:3000);
      documents equal to the latest version are skipped; needs a sponsor or admin credential
  mmmatch ingest FILE… [--url URL] [--source SITE] [--batch N] [--restart] [--token T]
      sends NDJSON files (native patient events, or FHIR Bulk Data resources with --source) to a running
      intake (default URL: $INTAKE_URL or http://localhost:3000); resumable; prints accepted/rejected counts;
      needs the feed key of the events' facility
  mmmatch keys create --role feed|sponsor|coordinator|admin --name NAME [--site S]… [--organisation O] [--database-url URL]
      creates an API key in a service's database (default: $DATABASE_URL) and prints it once
  mmmatch audit verify [--database-url URL]
      recomputes the hash chain of a service's audit log; exit code 1 when a row does not verify
  --token defaults to $TRIALMATCH_TOKEN: an API key (tmk_…) or a bearer token`;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    /** Printed on stdout before the error (e.g. the validation report). */
    readonly stdout?: string,
  ) {
    super(message);
  }
}

interface Parsed {
  events: PatientEventV1[];
  fhirUnmapped: Array<PatientProfile['unmapped'][number] & { patientId?: string }>;
}

/** Reads the file into native events; errors name the location (index or line, JSON pointer) and the reason. */
export function parseInput(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') throw new CliError('input is empty');
  let whole: unknown;
  let parsedWhole = true;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    parsedWhole = false;
  }
  if (parsedWhole && whole !== null && typeof whole === 'object' && !Array.isArray(whole) && (whole as { resourceType?: unknown }).resourceType === 'Bundle') {
    const mapped = mapFhirBundle(whole as Bundle);
    // A mapped event the event contract refuses is reported with the resource's other problems, not a reason to refuse the Bundle.
    const checked = mapped.events.map((e) => ({ e, problems: checkMessage(TOPICS.patientEvents, e) }));
    return {
      events: checked.filter((c) => c.problems.length === 0).map((c) => c.e as PatientEventV1),
      fhirUnmapped: [
        ...mapped.unmapped.map((u) => ({ eventId: `${u.resourceType}/${u.id ?? '?'}`, type: `fhir:${u.resourceType}`, original: u.resourceType, reason: u.reason, ...(u.patientId ? { patientId: u.patientId } : {}) })),
        ...checked
          .filter((c) => c.problems.length > 0)
          .map(({ e, problems }) => ({ eventId: e.eventId, type: `fhir:${e.eventId.split('/')[0]}`, original: e.eventId, reason: `not a valid patient event: ${problems.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')}`, patientId: e.patientId })),
      ],
    };
  }
  if (parsedWhole && Array.isArray(whole)) return { events: validate((whole as unknown[]).map((value, i) => ({ value, where: `event [${i}]` }))), fhirUnmapped: [] };
  if (parsedWhole && whole !== null && typeof whole === 'object') return { events: validate([{ value: whole, where: 'event' }]), fhirUnmapped: [] };
  const items = trimmed.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [{ value: JSON.parse(line) as unknown, where: `line ${i + 1}` }];
    } catch {
      throw new CliError(`line ${i + 1}: not valid JSON (expected a JSON array, NDJSON, or a FHIR Bundle)`);
    }
  });
  return { events: validate(items), fhirUnmapped: [] };
}

function validate(items: Array<{ value: unknown; where: string }>): PatientEventV1[] {
  const problems = items.flatMap(({ value, where }) => checkMessage(TOPICS.patientEvents, value).map((v) => `${where}: ${v.pointer || '/'} ${v.message}`));
  if (problems.length > 0) throw new CliError(`invalid patient events:\n  ${problems.slice(0, 50).join('\n  ')}${problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''}`);
  return items.map((i) => i.value as PatientEventV1);
}

type Read = (file: string) => string;

function readOrFail(read: Read, file: string): string {
  try {
    return read(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function options(rest: string[], allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!allowed.includes(name) || value === undefined) throw new CliError(`unexpected argument ${name}\n${USAGE}`);
    if (name === '--as-of' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))) throw new CliError(`unexpected argument --as-of ${value} (expected YYYY-MM-DD)\n${USAGE}`);
    out[name] = value;
    i++;
  }
  return out;
}

function profilesOf(text: string, asOf: string): Array<[string, PatientProfile]> {
  const { events, fhirUnmapped } = parseInput(text);
  const byPatient = new Map<string, PatientEventV1[]>();
  for (const e of events) byPatient.set(e.patientId, [...(byPatient.get(e.patientId) ?? []), e]);
  return [...byPatient.entries()].map(([patientId, list]) => {
    const p = buildProfile(list, asOf);
    // What could not be mapped goes with its patient; what names no patient, with every profile of the Bundle.
    const own = fhirUnmapped.filter((u) => u.patientId === undefined || u.patientId === patientId).map(({ patientId: _, ...u }) => u);
    return [patientId, { ...p, unmapped: [...p.unmapped, ...own] }];
  });
}

/** The entries of a directory, or null when the path is a file. */
type List = (path: string) => string[] | null;

function trialFiles(path: string, list: List): string[] {
  const entries = list(path);
  return entries === null ? [path] : entries.filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
}

const listDir: List = (path) => {
  try {
    return statSync(path).isDirectory() ? readdirSync(path) : null;
  } catch {
    throw new CliError(`cannot read ${path}: ENOENT`);
  }
};

export function run(args: string[], read: Read = (f) => readFileSync(f, 'utf8'), list: List = listDir, cwd = process.cwd()): string {
  const [command, ...rest] = args;
  if (command === 'profile' && rest[0]) {
    const o = options(rest.slice(1), ['--as-of']);
    const asOf = o['--as-of'] ?? new Date().toISOString().slice(0, 10);
    const profiles = profilesOf(readOrFail(read, rest[0]), asOf);
    if (profiles.length === 0) return JSON.stringify(buildProfile([], asOf), null, 2);
    return JSON.stringify(profiles.length === 1 ? profiles[0]![1] : Object.fromEntries(profiles), null, 2);
  }
  if (command === 'screen' && rest[0]) {
    const o = options(rest.slice(1), ['--as-of', '--trials']);
    const asOf = o['--as-of'] ?? new Date().toISOString().slice(0, 10);
    const trials = trialFiles(o['--trials'] ?? join(cwd, 'data', 'trials'), list).map((f) => {
      const doc = JSON.parse(readOrFail(read, f)) as TrialDocument;
      try {
        return { doc, compiled: compileTrial(doc) };
      } catch (e) {
        if (e instanceof InvalidCriteriaError) throw new CliError(`${f}: invalid trial document: ${e.message}`);
        throw e;
      }
    });
    const screened = profilesOf(readOrFail(read, rest[0]), asOf).map(([patientId, profile]) => ({
      patientId,
      results: rank(trials.map(({ doc, compiled }) => ({ status: doc.status, ...evaluateTrial(compiled, profile, asOf) }))),
    }));
    return JSON.stringify(screened.length === 1 ? { asOf, results: screened[0]!.results } : { asOf, patients: screened }, null, 2);
  }
  if (command === 'trials' && rest[0] === 'validate' && rest[1]) {
    const report = trialFiles(rest[1], list).map((f) => {
      let doc: unknown;
      try {
        doc = JSON.parse(readOrFail(read, f));
      } catch (e) {
        if (e instanceof CliError) throw e;
        return { file: f, valid: false, errors: [{ pointer: '', message: 'not valid JSON' }] };
      }
      const errors = checkMessage(TOPICS.trialCriteria, doc);
      try {
        compileTrial(doc as TrialDocument);
      } catch (e) {
        if (e instanceof InvalidCriteriaError) errors.push(...e.problems.filter((p) => !errors.some((x) => x.pointer === p.pointer)));
        else throw e;
      }
      return { file: f, valid: errors.length === 0, errors };
    });
    const out = JSON.stringify(report, null, 2);
    const invalid = report.filter((r) => !r.valid).length;
    if (invalid > 0) throw new CliError(`${invalid} of ${report.length} trial document(s) invalid`, 1, out);
    return out;
  }
  if (command === 'trials' && rest[0] === 'import-ctgov' && rest[1]) {
    let study: CtgovStudy;
    try {
      study = JSON.parse(readOrFail(read, rest[1])) as CtgovStudy;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${rest[1]}: not valid JSON`);
    }
    try {
      return JSON.stringify(importCtgovStudy(study).trial, null, 2);
    } catch (e) {
      throw new CliError(`${rest[1]}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new CliError(USAGE);
}

/** `mmmatch ingest`: files first, then options. */
export async function runIngest(rest: string[], progress: NodeJS.WriteStream | null = process.stderr): Promise<string> {
  const files: string[] = [];
  const o: IngestOptions = { url: process.env.INTAKE_URL ?? 'http://localhost:3000', batchSize: 500, restart: false, progress, fetch: authorizedFetch(process.env.TRIALMATCH_TOKEN) };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--restart') o.restart = true;
    else if (a === '--url' && rest[i + 1]) o.url = rest[++i]!;
    else if (a === '--source' && rest[i + 1]) o.source = rest[++i]!;
    else if (a === '--token' && rest[i + 1]) o.fetch = authorizedFetch(rest[++i]);
    else if (a === '--batch' && /^\d+$/.test(rest[i + 1] ?? '') && Number(rest[i + 1]) >= 1 && Number(rest[i + 1]) <= 1000) o.batchSize = Number(rest[++i]);
    else if (a.startsWith('--')) throw new CliError(`unexpected argument ${a}${a === '--batch' ? ' (expected 1–1000)' : ''}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length === 0) throw new CliError(USAGE);
  try {
    const report = await ingest(files, o);
    const out = JSON.stringify(report, null, 2);
    if (report.files.some((f) => !f.complete)) throw new CliError('stopped before the end; run the same command again to resume', 1, out);
    return out;
  } catch (e) {
    if (e instanceof IngestError) throw new CliError(`${e.message} (progress is saved; run the same command again to resume)`, 1);
    throw e;
  }
}

/** `mmmatch trials load`: the report as JSON; exit code 1 when any document was refused. */
export async function runTrialsLoad(rest: string[], progress: NodeJS.WriteStream | null = process.stderr): Promise<string> {
  const [path, ...flags] = rest;
  const o = options(flags, ['--url', '--token']);
  if (!path) throw new CliError(USAGE);
  try {
    statSync(path);
  } catch {
    throw new CliError(`cannot read ${path}: ENOENT`);
  }
  let report: LoadReport;
  try {
    report = await loadTrials(path, o['--url'] ?? process.env.MATCHER_URL ?? 'http://localhost:3000', progress, authorizedFetch(o['--token'] ?? process.env.TRIALMATCH_TOKEN));
  } catch (e) {
    throw new CliError(`cannot reach the matcher: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const out = JSON.stringify(report, null, 2);
  if (report.failed.length > 0) throw new CliError(`${report.failed.length} trial document(s) refused`, 1, out);
  return out;
}

/** `mmmatch keys create …` and `mmmatch audit verify …`: against a service's database. */
export async function runSecurity(args: string[]): Promise<string> {
  const [group, action, ...rest] = args;
  const r: { databaseUrl?: string; name?: string; role?: string; organisation?: string; sites: string[] } = { databaseUrl: process.env.DATABASE_URL, sites: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const v = rest[i + 1];
    if (v === undefined || !a.startsWith('--')) throw new CliError(`unexpected argument ${a}\n${USAGE}`);
    if (a === '--database-url') r.databaseUrl = v;
    else if (a === '--name') r.name = v;
    else if (a === '--role') r.role = v;
    else if (a === '--organisation') r.organisation = v;
    else if (a === '--site') r.sites.push(v);
    else throw new CliError(`unexpected argument ${a}\n${USAGE}`);
    i++;
  }
  try {
    if (group === 'keys' && action === 'create') return await createKeyCommand(r);
    if (group === 'audit' && action === 'verify') {
      const { ok, out } = await verifyAuditCommand(r.databaseUrl);
      if (!ok) throw new CliError('the audit chain does not verify', 1, out);
      return out;
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(e instanceof Error ? e.message : String(e), 1);
  }
  throw new CliError(USAGE);
}

export function main(argv: string[]): number | Promise<number> {
  const async =
    argv[0] === 'ingest'
      ? runIngest(argv.slice(1))
      : argv[0] === 'trials' && argv[1] === 'load'
        ? runTrialsLoad(argv.slice(2))
        : argv[0] === 'keys' || argv[0] === 'audit'
          ? runSecurity(argv)
          : null;
  if (async) {
    return async.then(
      (out) => {
        process.stdout.write(`${out}\n`);
        return 0;
      },
      (e: unknown) => report(e),
    );
  }
  try {
    process.stdout.write(`${run(argv)}\n`);
    return 0;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof CliError && e.stdout) process.stdout.write(`${e.stdout}\n`);
  process.stderr.write(`mmmatch: ${e instanceof Error ? e.message : String(e)}\n`);
  return e instanceof CliError ? e.exitCode : 1;
}
