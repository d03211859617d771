import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { eventRef } from '@trialmatch/core';
import { AuditTrail, Caller, LimitPipe, VersionPipe, mayReadSite, Purpose, Roles, siteScope, type Principal } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';

/**
 * What coordinators read about a patient of their sites, by pseudonym. Every read is recorded in the
 * audit log (who, role, what, which patient, why, when) in the same transaction; a patient that does
 * not exist, or belongs to another site, answers 404.
 */
@ApiTags('patients')
@ApiBearerAuth()
@Roles('coordinator')
@ApiHeader({ name: 'x-purpose', required: false, description: 'Why the data is read (recorded in the audit log); or the `purpose` query parameter.' })
@Controller('v1/patients/:pseudonym')
export class PatientsController {
  constructor(
    private readonly audit: AuditTrail,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /**
   * Reads for a coordinator, audited. Event ids that embed the sender's patient id (a FHIR Patient resource's
   * `source|Patient/<id>`) are replaced by their references wherever the answer carries them: the patient id is read
   * only through `identity`, with a purpose.
   */
  private read<T>(caller: Principal, pseudonym: string, purpose: string | null, action: string, body: (m: EntityManager, hide: (v: T) => T) => Promise<T | undefined>): Promise<T> {
    return this.audit.read(caller, action, purpose, async (m) => {
      const [known] = await m.query<Array<{ source: string; patient_id: string }>>(`SELECT source, patient_id FROM intake.patient_identities WHERE patient_pseudonym = $1`, [pseudonym]);
      const [profile] = known && mayReadSite(caller, known.source) ? await m.query<unknown[]>(`SELECT 1 FROM intake.patient_profiles WHERE patient_pseudonym = $1`, [pseudonym]) : [];
      if (!profile || !known) throw new NotFoundException({ message: 'no patient with this pseudonym' });
      // (And the ids corrections name as the event they revise, `supersedes`, which may not be stored.)
      const revealing = await m.query<Array<{ event_id: string }>>(
        `SELECT event_id FROM intake.raw_events WHERE patient_pseudonym = $1 AND strpos(event_id, $2) > 0
         UNION SELECT payload->>'supersedes' FROM intake.raw_events WHERE patient_pseudonym = $1 AND strpos(payload->>'supersedes', $2) > 0`,
        [pseudonym, known.patient_id],
      );
      const ids = new Set(revealing.map((r) => r.event_id).filter((id) => embedsId(id, known.patient_id)));
      const value = await body(m, (v) => (ids.size === 0 ? v : (replaceStrings(v, (x) => (ids.has(x) ? eventRef(this.settings.pseudonymKey, x) : x)) as T)));
      if (value === undefined) throw new NotFoundException({ message: 'not found' });
      return { value, pseudonyms: [pseudonym] };
    });
  }

  @Get('profile')
  @ApiOperation({ summary: "The patient's current normalized profile." })
  async profile(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read<unknown>(caller, pseudonym, purpose, 'read-profile', async (m, hide) => {
      const [row] = await m.query<Array<{ version: number; profile: unknown; updated_at: Date }>>(
        `SELECT p.version, v.profile, p.updated_at FROM intake.patient_profiles p JOIN intake.profile_versions v ON v.patient_pseudonym = p.patient_pseudonym AND v.version = p.version
         WHERE p.patient_pseudonym = $1 AND p.version > 0`,
        [pseudonym],
      );
      return row && { patientPseudonym: pseudonym, version: row.version, profile: hide(row.profile), updatedAt: row.updated_at };
    });
  }

  @Get('profiles')
  @ApiOperation({ summary: 'Profile history: every version, newest first, with the event that produced it and why (`events`: new events; `settings`: re-derived under newer settings of the clinical core, named after the latest event).' })
  async history(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read<unknown>(caller, pseudonym, purpose, 'read-profile-history', async (m, hide) => ({
      patientPseudonym: pseudonym,
      versions: hide(
        await m.query<unknown[]>(
          `SELECT version, caused_by_event AS "causedByEvent", reason, computed_at AS "computedAt" FROM intake.profile_versions WHERE patient_pseudonym = $1 ORDER BY version DESC`,
          [pseudonym],
        ),
      ),
    }));
  }

  @Get('profiles/:version')
  @ApiOperation({ summary: 'One past version of the profile.' })
  async version(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Param('version', new VersionPipe()) version: number, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read<unknown>(caller, pseudonym, purpose, 'read-profile-version', async (m, hide) => {
      const [row] = await m.query<Array<{ profile: unknown; caused_by_event: string; reason: string; computed_at: Date }>>(
        `SELECT profile, caused_by_event, reason, computed_at FROM intake.profile_versions WHERE patient_pseudonym = $1 AND version = $2`,
        [pseudonym, version],
      );
      return row && hide({ patientPseudonym: pseudonym, version, causedByEvent: row.caused_by_event, reason: row.reason, computedAt: row.computed_at, profile: row.profile });
    });
  }

  @Get('events')
  @ApiOperation({
    summary:
      'Timeline: every stored event in clinical order, with provenance (source, event id, its reference `ref` as used on topics and in match traces, when received); never the sender’s patient id (an event id that embeds it, a FHIR Patient resource’s, is given as its reference).',
  })
  async timeline(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read<unknown>(caller, pseudonym, purpose, 'read-timeline', async (m, hide) => ({
      patientPseudonym: pseudonym,
      events: (
        await m.query<Array<{ eventId: string; supersedes: string | null; revision: number | null }>>(
          `SELECT event_id AS "eventId", type, occurred_at AS "occurredAt", received_at AS "receivedAt", source, payload->'data' AS data, payload->'recordedAt' AS "recordedAt",
                payload->'supersedes' AS supersedes, payload->'revision' AS revision
         FROM intake.raw_events WHERE patient_pseudonym = $1 ORDER BY occurred_at, received_at, event_id`,
          [pseudonym],
        )
      ).map(({ supersedes, revision, ...e }) => ({ ...(hide({ ...e, ...(supersedes !== null ? { supersedes } : {}), ...(revision !== null ? { revision } : {}) }) as typeof e), ref: eventRef(this.settings.pseudonymKey, e.eventId) })),
    }));
  }

  @Get('identity')
  @ApiOperation({ summary: "The sender's identity of this patient (source and patient id), for a coordinator who must contact them. Requires a purpose; audited." })
  @ApiQuery({ name: 'purpose', required: false, description: 'required here, unless given as X-Purpose' })
  async identity(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    if (!purpose) throw new BadRequestException({ message: 'a purpose is required', errors: [{ pointer: '?purpose', message: 'is required to see a patient identity (or the X-Purpose header)' }] });
    return this.read<unknown>(caller, pseudonym, purpose, 'read-identity', async (m) => {
      const [row] = await m.query<Array<{ source: string; patient_id: string }>>(`SELECT source, patient_id FROM intake.patient_identities WHERE patient_pseudonym = $1`, [pseudonym]);
      return row && { patientPseudonym: pseudonym, source: row.source, patientId: row.patient_id };
    });
  }
}

/** Event ids reused with different content: for the sending systems' operators to resolve. */
@ApiTags('intake')
@ApiBearerAuth()
@Roles('feed', 'admin')
@Controller('v1/conflicts')
export class ConflictsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Recorded event-id conflicts, newest first (ids, pseudonyms and channels; not the content); a feed sees those of its facility with its own event ids, an admin all of them with event references (an event id may embed a sender’s patient id).',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  async list(@Caller() caller: Principal, @Query('limit', new LimitPipe(100, 1000)) n: number): Promise<unknown> {
    const sources = caller.role === 'admin' ? null : siteScope(caller, null);
    const conflicts = await this.dataSource.query<Array<{ eventId: string }>>(
      `SELECT c.event_id AS "eventId", c.patient_pseudonym AS "patientPseudonym", c.channel, c.received_at AS "receivedAt" FROM intake.event_conflicts c
       WHERE $2::text[] IS NULL OR EXISTS (SELECT 1 FROM intake.patient_identities i WHERE i.patient_pseudonym = c.patient_pseudonym AND i.source = ANY($2))
       ORDER BY c.id DESC LIMIT $1`,
      [n, sources],
    );
    return { conflicts: caller.role === 'admin' ? conflicts.map((c) => ({ ...c, eventId: eventRef(this.settings.pseudonymKey, c.eventId) })) : conflicts };
  }
}

/** Whether an event id carries the patient id as a whole token (`fhir|Patient/MRN-0042`, not `obs-MRN-00421`). */
function embedsId(eventId: string, patientId: string): boolean {
  for (let at = eventId.indexOf(patientId); at >= 0; at = eventId.indexOf(patientId, at + 1)) {
    const before = at === 0 ? '' : eventId[at - 1]!;
    const after = eventId[at + patientId.length] ?? '';
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return true;
  }
  return false;
}

/** A JSON value with each string passed through `f`. */
function replaceStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => replaceStrings(x, f));
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceStrings(x, f)]));
}
