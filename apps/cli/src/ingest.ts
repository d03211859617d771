import { SingleBar } from 'cli-progress';
import { createReadStream, existsSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';

/**
 * `mmmatch ingest FILE…`: bulk backfill into a running intake service over HTTP. Each file is NDJSON:
 * one native patient event per line (patient-events.v1), or one FHIR R4 resource per line (a FHIR Bulk
 * Data export, e.g. Patient.ndjson, Observation.ndjson, MedicationStatement.ndjson; needs --source).
 * Lines are sent in batches (POST /v1/events, or a collection Bundle to POST /v1/fhir); after each
 * acknowledged batch the position is saved in FILE.ingest-state.json, so an interrupted run resumes
 * where it stopped (intake is idempotent on event id, so a batch resent after a crash is harmless).
 * Rejected lines are listed, with the reasons but never the content, in FILE.rejected.ndjson.
 */

export interface IngestOptions {
  url: string;
  source?: string;
  batchSize: number;
  /** Ignore saved progress and start each file from its first line. */
  restart: boolean;
  /** Progress output; a bar when it is a terminal, a line per 10% otherwise. */
  progress: NodeJS.WriteStream | null;
  /** Stop after this many batches (leaves the saved state as an interrupted run would). */
  stopAfterBatches?: number;
  fetch?: typeof fetch;
}

export interface Counts {
  accepted: number;
  duplicate: number;
  conflict: number;
  rejected: number;
  /** FHIR resources intake could not map to events. */
  unmapped: number;
}

export interface FileReport extends Counts {
  file: string;
  lines: number;
  resumedFromLine: number | null;
  complete: boolean;
}

interface SavedState extends Counts {
  size: number;
  mtimeMs: number;
  byteOffset: number;
  line: number;
  complete: boolean;
}

interface BatchResponse {
  results?: Array<{ status: keyof Counts; eventId: string | null; errors?: Array<{ pointer: string; message: string }> }>;
  unmapped?: Array<{ resourceType: string; id: string | null; reason: string }>;
  errors?: Array<{ pointer: string; message: string }>;
  message?: string;
}

export class IngestError extends Error {}

const zero = (): Counts => ({ accepted: 0, duplicate: 0, conflict: 0, rejected: 0, unmapped: 0 });

/** Lines of a file from a byte offset, each with the offset just after it. */
async function* linesFrom(file: string, start: number): AsyncGenerator<{ text: string; end: number }> {
  let offset = start;
  let rest = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { start }) as AsyncIterable<Buffer>) {
    let buf = Buffer.concat([rest, chunk]);
    let nl: number;
    while ((nl = buf.indexOf(10)) >= 0) {
      offset += nl + 1;
      yield { text: buf.subarray(0, nl).toString('utf8'), end: offset };
      buf = buf.subarray(nl + 1);
    }
    rest = buf;
  }
  if (rest.length > 0) yield { text: rest.toString('utf8'), end: offset + rest.length };
}

async function post(o: IngestOptions, path: string, body: unknown): Promise<BatchResponse> {
  const f = o.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      const res = await f(`${o.url.replace(/\/$/, '')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      status = res.status;
      if (status === 202 || status === 400 || status === 409) {
        const json = (await res.json()) as BatchResponse;
        if (json.results) return json;
        throw new IngestError(`intake refused the batch: ${json.errors?.map((e) => `${e.pointer} ${e.message}`).join('; ') ?? json.message ?? status}`);
      }
    } catch (e) {
      if (e instanceof IngestError) throw e;
      if (attempt >= 4) throw new IngestError(`cannot reach intake at ${o.url}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (status !== 0 && status < 500 && status !== 429) throw new IngestError(`intake answered HTTP ${status} on ${path}`);
    if (attempt >= 4) throw new IngestError(`intake answered HTTP ${status} on ${path} ${attempt} times`);
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
}

function progressOf(o: IngestOptions, file: string, total: number, start: number): { update(n: number): void; stop(): void } {
  const out = o.progress;
  if (!out) return { update: () => undefined, stop: () => undefined };
  if (out.isTTY) {
    const bar = new SingleBar({ stream: out, format: `${file} [{bar}] {percentage}% | {value}/{total} bytes | {eta_formatted}`, hideCursor: true });
    bar.start(total, start);
    return { update: (n) => bar.update(n), stop: () => bar.stop() };
  }
  let shown = Math.floor((start / Math.max(total, 1)) * 10);
  return {
    update: (n) => {
      const tenth = Math.floor((n / Math.max(total, 1)) * 10);
      if (tenth > shown) out.write(`${file}: ${(shown = tenth) * 10}%\n`);
    },
    stop: () => undefined,
  };
}

/** Sends one file; resumes from FILE.ingest-state.json unless told to restart. */
export async function ingestFile(file: string, o: IngestOptions): Promise<FileReport> {
  if (!existsSync(file)) throw new IngestError(`cannot read ${file}: ENOENT`);
  const { size, mtimeMs } = statSync(file);
  const statePath = `${file}.ingest-state.json`;
  const rejectedPath = `${file}.rejected.ndjson`;
  let state: SavedState = { size, mtimeMs, byteOffset: 0, line: 0, complete: false, ...zero() };
  let resumedFromLine: number | null = null;
  if (!o.restart && existsSync(statePath)) {
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as SavedState;
    if (saved.size === size && saved.mtimeMs === mtimeMs) {
      state = saved;
      resumedFromLine = saved.line;
    }
  }
  if (resumedFromLine === null) rmSync(rejectedPath, { force: true });
  if (state.complete) return { file, lines: state.line, resumedFromLine, complete: true, ...pick(state) };

  const bar = progressOf(o, file, size, state.byteOffset);
  const rejectLine = (line: number | null, eventId: string | null, errors: Array<{ pointer: string; message: string }>): void => {
    state.rejected += 1;
    appendFileSync(rejectedPath, `${JSON.stringify({ line, eventId, errors })}\n`);
  };
  let batch: Array<{ line: number; value: unknown }> = [];
  let kind: 'native' | 'fhir' | null = null;
  let batches = 0;
  let pendingEnd = state.byteOffset;
  let pendingLine = state.line;

  const flush = async (): Promise<boolean> => {
    if (batch.length > 0) {
      const res =
        kind === 'fhir'
          ? await post(o, `/v1/fhir?source=${encodeURIComponent(o.source!)}`, { resourceType: 'Bundle', type: 'collection', entry: batch.map((b) => ({ resource: b.value })) })
          : await post(o, '/v1/events', batch.map((b) => b.value));
      for (const [i, r] of (res.results ?? []).entries()) {
        if (r.status === 'rejected') rejectLine(kind === 'native' ? batch[i]!.line : null, r.eventId, r.errors ?? []);
        else state[r.status] += 1;
      }
      state.unmapped += res.unmapped?.length ?? 0;
      for (const u of res.unmapped ?? []) appendFileSync(rejectedPath, `${JSON.stringify({ unmapped: `${u.resourceType}/${u.id ?? '?'}`, reason: u.reason })}\n`);
    }
    batch = [];
    kind = null;
    state.byteOffset = pendingEnd;
    state.line = pendingLine;
    writeFileSync(statePath, JSON.stringify(state));
    bar.update(state.byteOffset);
    batches += 1;
    return o.stopAfterBatches !== undefined && batches >= o.stopAfterBatches;
  };

  try {
    for await (const { text, end } of linesFrom(file, state.byteOffset)) {
      const line = pendingLine + 1;
      let value: unknown;
      const trimmed = text.trim();
      if (trimmed !== '') {
        try {
          value = JSON.parse(trimmed);
        } catch {
          rejectLine(line, null, [{ pointer: '', message: 'not valid JSON' }]);
        }
      }
      const lineKind = value === undefined ? null : typeof value === 'object' && value !== null && 'resourceType' in value ? 'fhir' : 'native';
      if (lineKind === 'fhir' && !o.source) throw new IngestError(`${file} line ${line}: a FHIR resource; --source SITE is required for FHIR input`);
      if (lineKind !== null && kind !== null && lineKind !== kind && (await flush())) return { file, lines: state.line, resumedFromLine, complete: false, ...pick(state) };
      if (lineKind !== null) {
        kind = lineKind;
        batch.push({ line, value });
      }
      pendingEnd = end;
      pendingLine = line;
      if (batch.length >= o.batchSize && (await flush())) return { file, lines: state.line, resumedFromLine, complete: false, ...pick(state) };
    }
    await flush();
    state.complete = true;
    writeFileSync(statePath, JSON.stringify(state));
    return { file, lines: state.line, resumedFromLine, complete: true, ...pick(state) };
  } finally {
    bar.stop();
  }
}

const pick = (c: Counts): Counts => ({ accepted: c.accepted, duplicate: c.duplicate, conflict: c.conflict, rejected: c.rejected, unmapped: c.unmapped });

/** Sends every file in turn; the report totals what intake accepted and rejected. */
export async function ingest(files: readonly string[], o: IngestOptions): Promise<{ files: FileReport[]; totals: Counts }> {
  const reports: FileReport[] = [];
  for (const f of files) {
    const r = await ingestFile(f, o);
    reports.push(r);
    if (!r.complete) break;
  }
  const totals = zero();
  for (const r of reports) for (const k of Object.keys(totals) as Array<keyof Counts>) totals[k] += r[k];
  return { files: reports, totals };
}
