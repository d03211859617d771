import { Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { assertMessage, TOPICS, type PatientEventV1, type TrialCriteriaV1 } from '@trialmatch/contracts';
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

/** Loads trials the matcher does not have yet, then the demo patients' events (idempotent on eventId). */
export async function seed(dir: string, ds: DataSource, registerTrial: RegisterTrial, ingest: IngestPatientEvent): Promise<void> {
  const trialsDir = join(dir, 'trials');
  if (existsSync(trialsDir)) {
    for (const file of readdirSync(trialsDir).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(join(trialsDir, file), 'utf8')) as Omit<TrialCriteriaV1, 'version'>;
      assertMessage(TOPICS.trialCriteria, { ...raw, version: 1 });
      const [known] = await ds.query<unknown[]>(`SELECT 1 FROM matcher.trial_versions WHERE trial_id = $1 LIMIT 1`, [raw.trialId]);
      if (known) continue;
      await registerTrial.execute(raw, `seed-${raw.trialId}`);
      log.log(`loaded trial ${raw.trialId}`);
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
