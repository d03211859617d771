import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { assertMessage, TOPICS, type PatientEventV1, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { canonicalJson } from '@trialmatch/core';
import type { IngestPatientEvent } from '../../intake/src/application/ingest-patient-event';
import type { RegisterTrial } from '../../matcher/src/application/register-trial';

const log = new Logger('Seed');

const DATE = /^\d{4}-\d{2}-\d{2}/;
const shiftDay = (value: unknown, days: number): unknown =>
  typeof value === 'string' && DATE.test(value) ? new Date(Date.parse(value.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10) : value;

/** Moves a demo event's dates (clinical date, start/end, birth date) by `days`, so demo histories stay current. */
function shiftDates(e: PatientEventV1, days: number): PatientEventV1 {
  if (days === 0) return e;
  const data = { ...e.data };
  for (const k of ['start', 'end', 'birthDate', 'diagnosisDate']) if (k in data) data[k] = shiftDay(data[k], days);
  return { ...e, occurredAt: shiftDay(e.occurredAt, days) as string, data };
}

/** What the seed published of a catalog trial: the version it made, and the digest of the catalog document it came from. */
export interface SeededTrial {
  version: number;
  digest: string | null;
}

/**
 * What to do with a catalog document on start: publish it when the matcher does not have the trial, or when the file
 * changed since the seed published it and nobody has published the trial since (a sponsor's or an admin's version is
 * never overwritten). The file unchanged since the seed, or the same as the latest version (a start that stopped
 * before keeping its record): nothing to do. A data directory from before the seed kept its record: its version 1
 * was the seed's (catalog trials are seeded on the first start), so a trial still at version 1 follows the file.
 */
export function catalogAction(seeded: SeededTrial | undefined, latest: { version: number; digest: string } | null, digest: string): 'publish' | 'keep' | 'published-since' {
  if (latest === null) return 'publish';
  if (seeded?.digest === digest || latest.digest === digest) return 'keep';
  const mine = seeded ?? (latest.version === 1 ? { version: 1, digest: null } : undefined);
  return mine?.version === latest.version ? 'publish' : 'published-since';
}

const SEED_RECORD = 'catalog-seed.json';
const digestOf = (doc: unknown): string => createHash('sha256').update(canonicalJson(doc)).digest('hex');

/** The seed's record; unreadable (a torn write, an edit): started afresh, with a warning (versions 1 are then the seed's). */
function readRecord(file: string): Record<string, SeededTrial> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, SeededTrial>;
  } catch {
    // fall through
  }
  log.warn(`${file} is not a record of the seed: started afresh`);
  return {};
}

/**
 * Loads the catalog's trials (new ones, and those whose file changed since the seed published them and nobody
 * published since: see `catalogAction`), then the demo patients' events (idempotent on eventId). `dataDir` keeps the
 * record of what the seed published.
 */
export async function seed(dir: string, ds: DataSource, registerTrial: RegisterTrial, ingest: IngestPatientEvent, dataDir: string): Promise<void> {
  const trialsDir = join(dir, 'trials');
  if (existsSync(trialsDir)) {
    const recordFile = join(dataDir, SEED_RECORD);
    const record = readRecord(recordFile);
    const keep = (): void => {
      writeFileSync(`${recordFile}.tmp`, JSON.stringify(record, null, 2));
      renameSync(`${recordFile}.tmp`, recordFile);
    };
    for (const file of readdirSync(trialsDir).filter((f) => f.endsWith('.json')).sort()) {
      // A catalog file may carry a version: the matcher numbers the versions it publishes, so it is not the document's.
      const { version: _numbered, ...raw } = JSON.parse(readFileSync(join(trialsDir, file), 'utf8')) as TrialCriteriaV1;
      assertMessage(TOPICS.trialCriteria, { ...raw, version: 1 });
      const digest = digestOf(raw);
      const [latest] = await ds.query<Array<{ version: number; document: TrialCriteriaV1 }>>(
        `SELECT version, document FROM matcher.trial_versions WHERE trial_id = $1 ORDER BY version DESC LIMIT 1`,
        [raw.trialId],
      );
      const latestVersion = latest ? Number(latest.version) : null;
      const stored = latest ? (({ version: _v, ...doc }) => doc)(latest.document) : null;
      const action = catalogAction(record[raw.trialId], latest ? { version: latestVersion!, digest: digestOf(stored) } : null, digest);
      if (action === 'keep') {
        if (latest && record[raw.trialId]?.digest !== digest && digestOf(stored) === digest) {
          record[raw.trialId] = { version: latestVersion!, digest };
          keep();
        }
        continue;
      }
      if (action === 'published-since') {
        log.warn(`${file} differs from trial ${raw.trialId} v${latestVersion}, published since the seed: left as it is (load the file through the API to replace it)`);
        continue;
      }
      const published = await registerTrial.execute(raw, `seed-${raw.trialId}`);
      record[raw.trialId] = { version: published.version, digest };
      keep();
      log.log(latestVersion === null ? `loaded trial ${raw.trialId}` : `trial ${raw.trialId}: ${file} changed, published as v${published.version}`);
    }
  }
  const patientsFile = join(dir, 'demo-patients', 'patients.json');
  if (existsSync(patientsFile)) {
    const { events, anchor } = JSON.parse(readFileSync(patientsFile, 'utf8')) as { events: unknown[]; anchor?: string };
    const shift = anchor ? Math.round((Date.now() - Date.parse(anchor)) / 86_400_000) : 0;
    let accepted = 0;
    for (const e of events) {
      const event = assertMessage<PatientEventV1>(TOPICS.patientEvents, shiftDates(e as PatientEventV1, shift));
      // Loaded on an earlier day (so shifted differently): the stored event stands.
      const [stored] = await ds.query<unknown[]>(`SELECT 1 FROM intake.raw_events WHERE event_id = $1`, [event.eventId]);
      if (stored) continue;
      const r = await ds.transaction((m) => ingest.execute(m, event, 'seed-demo-patients', 'seed'));
      if (r.status === 'accepted') accepted += 1;
    }
    log.log(`demo patients: ${accepted} new event(s) of ${events.length}`);
  }
}
