import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Admin, Producer } from 'kafkajs';
import { TOPICS } from '@trialmatch/contracts';
import { buildProfile, compileTrial, evaluateTrial, pseudonymize, type MappedEvent, type TrialDocument } from '@trialmatch/core';
import { as, ADMIN } from '../support/auth';
import { createDatabase, dropDatabase, kafka, producer, query, realInfra, runId } from '../support/infra';
import { ServiceProcess } from '../support/processes';
import { CONSUMES, pinGroupsAtEnd, serviceEnv, TEST_PSEUDONYM_KEY, type ServiceName } from '../support/services';

const run = promisify(execFile);
export const SERVICES: readonly ServiceName[] = ['intake', 'matcher', 'notifier'];
/** `FAULTS_PROFILE=full` (npm run test:faults) or the shorter `ci` profile (npm test). */
export const FULL = process.env.FAULTS_PROFILE === 'full';
const REPORTS = join(__dirname, '..', '..', 'bench', 'results', 'faults');

export const TRIAL = {
  trialId: 'NCT09998001',
  status: 'RECRUITING',
  title: 'Reliability suite trial',
  criteria: [
    { id: 'inc-age', kind: 'inclusion', text: 'Age 18 years or older', rule: { fact: 'age', min: 18 } },
    { id: 'inc-lines', kind: 'inclusion', text: 'At least two prior lines', rule: { fact: 'priorLines', min: 2 } },
    { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG 0-1', rule: { fact: 'ecog', max: 1 } },
  ],
};

/** A native patient-events.v1 event (the shape the FHIR mapping produces too). */
export type NativeEvent = MappedEvent;

/** A myeloma history per patient: demographics, one to three lines with responses and progressions, ECOG, labs (varied by index). */
export function histories(tag: string, patients: number, source: string): NativeEvent[][] {
  return Array.from({ length: patients }, (_, i) => {
    const mrn = `MRN-F-${tag}-${i}`;
    const e = (n: number, type: string, occurredAt: string, data: Record<string, unknown>): NativeEvent => ({ eventId: `${tag}-${i}-${n}`, patientId: mrn, source, type, occurredAt, data });
    const lines = 1 + (i % 3);
    const out = [e(0, 'demographics', '2015-01-01', { birthDate: `19${50 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`, sex: i % 2 ? 'female' : 'male', weightKg: 60 + (i % 30) })];
    const drugs = ['VRd', 'DPd', 'KPd'];
    for (let l = 0; l < lines; l++) {
      const y = 2019 + l * 2;
      out.push(e(10 + l * 3, 'medication', `${y}-01-10`, { drug: drugs[l]!, start: `${y}-01-10`, end: `${y + 1}-06-01` }));
      out.push(e(11 + l * 3, 'response-assessment', `${y}-06-01`, { category: 'VGPR' }));
      out.push(e(12 + l * 3, 'response-assessment', `${y + 1}-05-20`, { category: 'PD' }));
    }
    out.push(e(30, 'performance-status', '2024-10-05', { ecog: i % 4 === 0 ? 2 : 1 }));
    out.push(e(31, 'lab', '2024-10-05', { code: '718-7', value: 9 + (i % 5), unit: 'g/dL' }));
    return out;
  });
}

export interface Report {
  scenario: string;
  profile: 'ci' | 'full';
  patients: number;
  sent: number;
  stored: number;
  lostEvents: number;
  profilesAtExpectedVersion: number;
  results: number;
  wrongVerdicts: number;
  duplicateHistory: number;
  notifications: number;
  duplicateNotifications: number;
  outboxPending: number;
  deadLettered: number;
  notes: Record<string, unknown>;
  checks: Array<{ check: string; ok: boolean; detail?: unknown }>;
}

/** Three service processes on fresh databases and consumer groups, a trial, a producer, and the bookkeeping to judge the outcome. */
export class FaultRig {
  readonly infra = realInfra();
  readonly prefix = `faults-${runId()}-`;
  readonly source = `${this.prefix}site`;
  readonly procs = {} as Record<ServiceName, ServiceProcess>;
  readonly dbs = {} as Record<ServiceName, string>;
  readonly startedAt = Date.now();
  private prod: Producer | null = null;
  readonly sent: NativeEvent[] = [];

  constructor(
    readonly scenario: string,
    private readonly overrides: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    for (const s of SERVICES) {
      const name = `${this.prefix}${s}`.replace(/-/g, '_');
      this.dbs[s] = await createDatabase(this.infra.databaseUrl, name);
      await pinGroupsAtEnd([{ groupId: `${this.prefix}${s}`, topic: CONSUMES[s] }]);
      this.procs[s] = new ServiceProcess(s, serviceEnv(this.dbs[s], this.prefix, { LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn', ...this.overrides }));
    }
    await Promise.all(SERVICES.map((s) => this.procs[s].start()));
    await as(this.procs.matcher.url, ADMIN).post('/v1/trials').send(TRIAL).expect(201);
    this.prod = await producer(kafka(this.infra.brokers));
  }

  async stop(): Promise<void> {
    await this.prod?.disconnect();
    await Promise.all(SERVICES.map((s) => this.procs[s]?.stop('SIGKILL')));
    // The services' logs beside the report, for whoever reads a failure.
    mkdirSync(REPORTS, { recursive: true });
    for (const s of SERVICES) if (this.procs[s]) writeFileSync(join(REPORTS, `${this.scenario}.${s}.log`), this.procs[s].log);
    for (const s of SERVICES) if (this.dbs[s]) await dropDatabase(this.infra.databaseUrl, new URL(this.dbs[s]).pathname.slice(1)).catch(() => undefined);
  }

  /** Produces the events as the hospital does (key: its patient id), `perSecond` at most, calling `at(fraction)` as it goes. */
  private schedule: { started: number; perSecond: number; total: number; base: number } | null = null;

  /**
   * Events the stream should have sent by now and has not (yet) had acknowledged: during an outage they
   * pile up in the feed, which then sends what it owes as fast as it can (as a feed that kept the events
   * does); only once this is back near 0 is the whole backlog on the broker.
   */
  get streamBehind(): number {
    if (!this.schedule) return 0;
    const { started, perSecond, total, base } = this.schedule;
    return Math.max(0, Math.min(total, Math.floor(((Date.now() - started) / 1000) * perSecond)) - (this.sent.length - base));
  }

  async stream(events: NativeEvent[], perSecond: number, at: (sentFraction: number) => Promise<void> = async () => undefined): Promise<void> {
    const batch = Math.max(1, Math.round(perSecond / 10));
    const started = Date.now();
    this.schedule = { started, perSecond, total: events.length, base: this.sent.length };
    for (let i = 0; i < events.length; i += batch) {
      const chunk = events.slice(i, i + batch);
      // As a hospital feed does when the broker is away: keep the events and try again (a retried send may duplicate; intake dedupes).
      for (let attempt = 1; ; attempt++) {
        try {
          await this.prod!.send({ topic: TOPICS.patientEvents, acks: -1, messages: chunk.map((e) => ({ key: e.patientId, value: JSON.stringify(e) })) });
          break;
        } catch (e) {
          if (attempt >= 240) throw e;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      this.sent.push(...chunk);
      await at(this.sent.length / events.length);
      const due = started + ((i + batch) / perSecond) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
  }

  /** The same bytes again, produced by an independent client (kcat), as a broker or a feed might redeliver them. */
  async reproduceWithKcat(events: NativeEvent[]): Promise<void> {
    const input = events.map((e) => `${e.patientId}\t${JSON.stringify(e)}`).join('\n');
    await new Promise<void>((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- execFile's error is an Error
      const child = execFile('kcat', ['-P', '-b', this.infra.brokers.join(','), '-t', TOPICS.patientEvents, '-K', '\t'], (err) => (err ? reject(err) : resolve()));
      child.stdin!.end(`${input}\n`);
    });
  }

  pseudonym(mrn: string): string {
    return pseudonymize(TEST_PSEUDONYM_KEY, this.source, mrn);
  }

  private get pseudonyms(): string[] {
    return [...new Set(this.sent.map((e) => this.pseudonym(e.patientId)))];
  }

  /** Waits until every sent event is stored, every profile is matched at its final version, and every outbox is drained and quiet. */
  async quiesce(timeoutMs = 120000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const ps = this.pseudonyms;
    let last = '';
    let stableSince = Date.now();
    for (;;) {
      const [stored] = await query<{ n: string }>(this.dbs.intake, `SELECT count(*) AS n FROM intake.raw_events WHERE patient_pseudonym = ANY($1)`, [ps]);
      const pending = await Promise.all(SERVICES.map(async (s) => Number((await query<{ n: string }>(this.dbs[s], `SELECT count(*) AS n FROM messaging.outbox WHERE published_at IS NULL`))[0]!.n)));
      const [matched] = await query<{ n: string }>(this.dbs.matcher, `SELECT count(*) AS n FROM matcher.results WHERE patient_pseudonym = ANY($1)`, [ps]);
      const [notes] = await query<{ n: string }>(this.dbs.notifier, `SELECT count(*) AS n FROM notifier.notifications WHERE patient_pseudonym = ANY($1)`, [ps]);
      const state = `${stored!.n}/${pending.join(',')}/${matched!.n}/${notes!.n}`;
      if (state !== last) {
        last = state;
        stableSince = Date.now();
      }
      const done = Number(stored!.n) >= new Set(this.sent.map((e) => e.eventId)).size && pending.every((n) => n === 0) && Number(matched!.n) >= ps.length;
      if (done && Date.now() - stableSince > 3000) return;
      if (Date.now() > deadline) throw new Error(`not quiet after ${timeoutMs} ms (stored/outboxes/results/notifications: ${state}; sent ${this.sent.length})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** What was sent, stored, published and notified, judged against what the clinical core says the end state must be. */
  async report(notes: Record<string, unknown> = {}, extraChecks: Report['checks'] = []): Promise<Report> {
    const ps = this.pseudonyms;
    const byPatient = new Map<string, NativeEvent[]>();
    for (const e of this.sent) byPatient.set(this.pseudonym(e.patientId), [...(byPatient.get(this.pseudonym(e.patientId)) ?? []).filter((x) => x.eventId !== e.eventId), e]);
    const [stored] = await query<{ n: string }>(this.dbs.intake, `SELECT count(DISTINCT event_id) AS n FROM intake.raw_events WHERE patient_pseudonym = ANY($1)`, [ps]);
    const distinctSent = new Set(this.sent.map((e) => e.eventId)).size;
    const profiles = await query<{ p: string; v: number; n: number }>(this.dbs.intake, `SELECT p.patient_pseudonym AS p, p.version AS v, (v.profile->>'eventCount')::int AS n FROM intake.patient_profiles p JOIN intake.profile_versions v USING (patient_pseudonym, version) WHERE p.patient_pseudonym = ANY($1)`, [ps]);
    const matcherProfiles = new Map((await query<{ p: string; v: number }>(this.dbs.matcher, `SELECT patient_pseudonym AS p, profile_version AS v FROM matcher.profiles WHERE patient_pseudonym = ANY($1)`, [ps])).map((r) => [r.p, r.v]));
    const atVersion = profiles.filter((r) => matcherProfiles.get(r.p) === r.v && r.n === byPatient.get(r.p)?.length).length;
    const results = await query<{ p: string; verdict: string }>(this.dbs.matcher, `SELECT patient_pseudonym AS p, verdict FROM matcher.results WHERE patient_pseudonym = ANY($1) AND trial_id = $2`, [ps, TRIAL.trialId]);
    const trial = compileTrial({ ...(TRIAL as unknown as TrialDocument), version: 1 });
    const day = new Date().toISOString().slice(0, 10);
    const wrong = results.filter((r) => evaluateTrial(trial, buildProfile(byPatient.get(r.p)!, day), day).verdict !== r.verdict).length;
    const [dupHistory] = await query<{ n: string }>(
      this.dbs.matcher,
      `SELECT count(*) AS n FROM (SELECT 1 FROM matcher.result_history WHERE patient_pseudonym = ANY($1) GROUP BY patient_pseudonym, trial_id, cohort_id, criteria_version, profile_version HAVING count(*) > 1) d`,
      [ps],
    );
    const [notes_] = await query<{ n: string }>(this.dbs.notifier, `SELECT count(*) AS n FROM notifier.notifications WHERE patient_pseudonym = ANY($1)`, [ps]);
    const [dupNotes] = await query<{ n: string }>(
      this.dbs.notifier,
      `SELECT count(*) AS n FROM (SELECT 1 FROM notifier.notifications WHERE patient_pseudonym = ANY($1) GROUP BY result_id HAVING count(*) > 1) d`,
      [ps],
    );
    const pending = await Promise.all(SERVICES.map(async (s) => Number((await query<{ n: string }>(this.dbs[s], `SELECT count(*) AS n FROM messaging.outbox WHERE published_at IS NULL`))[0]!.n)));
    const report: Report = {
      scenario: this.scenario,
      profile: FULL ? 'full' : 'ci',
      patients: ps.length,
      sent: this.sent.length,
      stored: Number(stored!.n),
      lostEvents: distinctSent - Number(stored!.n),
      profilesAtExpectedVersion: atVersion,
      results: results.length,
      wrongVerdicts: wrong,
      duplicateHistory: Number(dupHistory!.n),
      notifications: Number(notes_!.n),
      duplicateNotifications: Number(dupNotes!.n),
      outboxPending: pending.reduce((a, b) => a + b, 0),
      deadLettered: await this.deadLettered(),
      notes,
      checks: [],
    };
    report.checks = [
      { check: 'no event lost', ok: report.lostEvents === 0, detail: { distinctSent, stored: report.stored } },
      { check: 'every profile matched at its final version', ok: report.profilesAtExpectedVersion === ps.length, detail: { atVersion, patients: ps.length } },
      { check: 'one result per patient, each as the clinical core derives it', ok: report.results === ps.length && wrong === 0, detail: { results: results.length, wrong } },
      { check: 'no duplicate effect (result history, notifications)', ok: report.duplicateHistory === 0 && report.duplicateNotifications === 0 },
      { check: 'outboxes drained', ok: report.outboxPending === 0 },
      ...extraChecks,
    ];
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(join(REPORTS, `${this.scenario}.json`), `${JSON.stringify(report, null, 2)}\n`);
    return report;
  }

  /** Dead letters intake wrote since the scenario started (read with kcat). */
  async deadLettered(): Promise<number> {
    const { stdout } = await run('kcat', ['-C', '-b', this.infra.brokers.join(','), '-t', `${TOPICS.patientEvents}.dlq`, '-o', `s@${this.startedAt}`, '-e', '-q', '-f', '%h\n'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\n').filter((l) => l.includes(`x-dlq-consumer=intake`)).length;
  }

  /** Consumed-message counts by outcome, from a service's Prometheus metrics. */
  async consumed(service: ServiceName): Promise<Record<string, number>> {
    const text = (await (await fetch(`${this.procs[service].url}/metrics`)).text()).split('\n');
    const out: Record<string, number> = {};
    for (const l of text) {
      const m = /^trialmatch_messages_consumed_total\{[^}]*outcome="([^"]+)"[^}]*\} (\d+)/.exec(l);
      if (m) out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
    }
    return out;
  }

  /**
   * Messages not yet consumed by each service's group (end offset minus committed offset, summed over its
   * topic's partitions), or null when the broker does not answer.
   */
  async lag(): Promise<Record<ServiceName, number> | null> {
    const admin = kafka(this.infra.brokers).admin();
    try {
      await admin.connect();
      return await serviceLag(admin, this.prefix);
    } catch {
      return null;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Rewinds the services' consumer groups to where this scenario began (as a reset to earliest would, without other runs' messages). */
  async rewindGroups(): Promise<void> {
    const admin = kafka(this.infra.brokers).admin();
    await admin.connect();
    try {
      for (const s of SERVICES) {
        const offsets = await admin.fetchTopicOffsetsByTimestamp(CONSUMES[s], this.startedAt);
        await admin.setOffsets({ groupId: `${this.prefix}${s}`, topic: CONSUMES[s], partitions: offsets.map((o) => ({ partition: o.partition, offset: o.offset })) });
      }
    } finally {
      await admin.disconnect();
    }
  }
}

/**
 * Messages not yet consumed by each service's group `<prefix><service>` (end offset minus committed
 * offset, summed over its topic's partitions), read in pipeline order (intake, matcher, notifier).
 */
export async function serviceLag(admin: Admin, prefix: string): Promise<Record<ServiceName, number>> {
  const lag = { intake: 0, matcher: 0, notifier: 0 };
  for (const s of SERVICES) {
    const ends = new Map((await admin.fetchTopicOffsets(CONSUMES[s])).map((p) => [p.partition, Number(p.high)]));
    const [committed] = await admin.fetchOffsets({ groupId: `${prefix}${s}`, topics: [CONSUMES[s]] });
    for (const p of committed?.partitions ?? []) lag[s] += Math.max(0, (ends.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)));
  }
  return lag;
}

export function failedChecks(r: Report): Report['checks'] {
  return r.checks.filter((c) => !c.ok);
}
