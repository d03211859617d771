import { readFileSync } from 'node:fs';
import type { Bundle } from 'fhir/r4';
import { checkMessage, TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { buildProfile, mapFhirBundle, type PatientProfile } from '@trialmatch/core';

const USAGE = `usage: mmmatch profile FILE [--as-of YYYY-MM-DD]
  FILE: native patient events (a JSON array or NDJSON, patient-events.v1) or a FHIR R4 Bundle.
  Prints the derived profile as JSON (one object per patient when the file holds several).`;

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

interface Parsed {
  events: PatientEventV1[];
  fhirUnmapped: PatientProfile['unmapped'];
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
    return {
      events: validate(mapped.events.map((e, i) => ({ value: e, where: `Bundle entry event ${i} (${e.eventId})` }))),
      fhirUnmapped: mapped.unmapped.map((u) => ({ eventId: `${u.resourceType}/${u.id ?? '?'}`, type: `fhir:${u.resourceType}`, original: u.resourceType, reason: u.reason })),
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

export function run(args: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string {
  const [command, file, ...rest] = args;
  if (command !== 'profile' || !file) throw new CliError(USAGE);
  let asOf: string = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--as-of' && rest[i + 1] && /^\d{4}-\d{2}-\d{2}$/.test(rest[i + 1]!) && !Number.isNaN(Date.parse(rest[i + 1]!))) asOf = rest[++i]!;
    else throw new CliError(`unexpected argument ${rest[i]}\n${USAGE}`);
  }
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const { events, fhirUnmapped } = parseInput(text);
  const byPatient = new Map<string, PatientEventV1[]>();
  for (const e of events) byPatient.set(e.patientId, [...(byPatient.get(e.patientId) ?? []), e]);
  const profiles = [...byPatient.entries()].map(([patientId, list]) => {
    const p = buildProfile(list, asOf);
    return [patientId, { ...p, unmapped: [...p.unmapped, ...fhirUnmapped] }] as const;
  });
  if (profiles.length === 0) return JSON.stringify(buildProfile([], asOf), null, 2);
  return JSON.stringify(profiles.length === 1 ? profiles[0]![1] : Object.fromEntries(profiles), null, 2);
}

export function main(argv: string[]): number {
  try {
    process.stdout.write(`${run(argv)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`mmmatch: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof CliError ? e.exitCode : 1;
  }
}
