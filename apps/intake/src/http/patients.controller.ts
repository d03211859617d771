import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { eventRef } from '@trialmatch/core';
import { AuditTrail, Caller, VersionPipe, mayReadSite, Purpose, Roles, siteScope, type Principal } from '@trialmatch/platform';
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

  private read<T>(caller: Principal, pseudonym: string, purpose: string | null, action: string, body: (m: EntityManager) => Promise<T | undefined>): Promise<T> {
    return this.audit.read(caller, action, purpose, async (m) => {
      const [known] = await m.query<Array<{ source: string }>>(`SELECT source FROM intake.patient_identities WHERE patient_pseudonym = $1`, [pseudonym]);
      const [profile] = known && mayReadSite(caller, known.source) ? await m.query<unknown[]>(`SELECT 1 FROM intake.patient_profiles WHERE patient_pseudonym = $1`, [pseudonym]) : [];
      if (!profile) throw new NotFoundException({ message: 'no patient with this pseudonym' });
      const value = await body(m);
      if (value === undefined) throw new NotFoundException({ message: 'not found' });
      return { value, pseudonyms: [pseudonym] };
    });
  }

  @Get('profile')
  @ApiOperation({ summary: "The patient's current normalized profile." })
  async profile(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read(caller, pseudonym, purpose, 'read-profile', async (m) => {
      const [row] = await m.query<Array<{ version: number; profile: unknown; updated_at: Date }>>(
        `SELECT p.version, v.profile, p.updated_at FROM intake.patient_profiles p JOIN intake.profile_versions v ON v.patient_pseudonym = p.patient_pseudonym AND v.version = p.version
         WHERE p.patient_pseudonym = $1 AND p.version > 0`,
        [pseudonym],
      );
      return row && { patientPseudonym: pseudonym, version: row.version, profile: row.profile, updatedAt: row.updated_at };
    });
  }

  @Get('profiles')
  @ApiOperation({ summary: 'Profile history: every version, newest first, with the event that produced it and why (`events`: new events; `settings`: re-derived under newer settings of the clinical core, named after the latest event).' })
  async history(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read(caller, pseudonym, purpose, 'read-profile-history', async (m) => ({
      patientPseudonym: pseudonym,
      versions: await m.query<unknown[]>(
        `SELECT version, caused_by_event AS "causedByEvent", reason, computed_at AS "computedAt" FROM intake.profile_versions WHERE patient_pseudonym = $1 ORDER BY version DESC`,
        [pseudonym],
      ),
    }));
  }

  @Get('profiles/:version')
  @ApiOperation({ summary: 'One past version of the profile.' })
  async version(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Param('version', new VersionPipe()) version: number, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read(caller, pseudonym, purpose, 'read-profile-version', async (m) => {
      const [row] = await m.query<Array<{ profile: unknown; caused_by_event: string; reason: string; computed_at: Date }>>(
        `SELECT profile, caused_by_event, reason, computed_at FROM intake.profile_versions WHERE patient_pseudonym = $1 AND version = $2`,
        [pseudonym, version],
      );
      return row && { patientPseudonym: pseudonym, version, causedByEvent: row.caused_by_event, reason: row.reason, computedAt: row.computed_at, profile: row.profile };
    });
  }

  @Get('events')
  @ApiOperation({ summary: 'Timeline: every stored event in clinical order, with provenance (source, event id, its reference `ref` as used on topics and in match traces, when received); never the sender’s patient id.' })
  async timeline(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    return this.read(caller, pseudonym, purpose, 'read-timeline', async (m) => ({
      patientPseudonym: pseudonym,
      events: (
        await m.query<Array<{ eventId: string }>>(
        `SELECT event_id AS "eventId", type, occurred_at AS "occurredAt", received_at AS "receivedAt", source, payload->'data' AS data, payload->'recordedAt' AS "recordedAt"
         FROM intake.raw_events WHERE patient_pseudonym = $1 ORDER BY occurred_at, received_at, event_id`,
          [pseudonym],
        )
      ).map((e) => ({ ...e, ref: eventRef(this.settings.pseudonymKey, e.eventId) })),
    }));
  }

  @Get('identity')
  @ApiOperation({ summary: "The sender's identity of this patient (source and patient id), for a coordinator who must contact them. Requires a purpose; audited." })
  @ApiQuery({ name: 'purpose', required: false, description: 'required here, unless given as X-Purpose' })
  async identity(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<unknown> {
    if (!purpose) throw new BadRequestException({ message: 'a purpose is required', errors: [{ pointer: '?purpose', message: 'is required to see a patient identity (or the X-Purpose header)' }] });
    return this.read(caller, pseudonym, purpose, 'read-identity', async (m) => {
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Recorded event-id conflicts, newest first (ids, pseudonyms and channels; not the content); a feed sees those of its facility.' })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Caller() caller: Principal, @Query('limit') limit?: string): Promise<unknown> {
    const n = Math.min(Math.max(Number(limit ?? 100) || 100, 1), 1000);
    const sources = caller.role === 'admin' ? null : siteScope(caller, null);
    return {
      conflicts: await this.dataSource.query<unknown[]>(
        `SELECT c.event_id AS "eventId", c.patient_pseudonym AS "patientPseudonym", c.channel, c.received_at AS "receivedAt" FROM intake.event_conflicts c
         WHERE $2::text[] IS NULL OR EXISTS (SELECT 1 FROM intake.patient_identities i WHERE i.patient_pseudonym = c.patient_pseudonym AND i.source = ANY($2))
         ORDER BY c.id DESC LIMIT $1`,
        [n, sources],
      ),
    };
  }
}
