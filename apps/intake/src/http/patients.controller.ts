import { BadRequestException, Controller, Get, Headers, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ReadAudit, type Reader } from '../application/read-audit';

const reader = (actor: string | undefined, purpose: string | undefined): Reader => ({ actor: actor?.trim() || 'unidentified', purpose: purpose?.trim() || null });

/**
 * What coordinators read about a patient, by pseudonym. Every read is recorded in the audit log (who,
 * what, which patient, why, when) in the same transaction; a patient that does not exist answers 404.
 */
@ApiTags('patients')
@ApiHeader({ name: 'x-actor', required: false, description: 'Who is reading (recorded in the audit log).' })
@Controller('v1/patients/:pseudonym')
export class PatientsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: ReadAudit,
  ) {}

  private read<T>(pseudonym: string, who: Reader, action: string, body: (m: EntityManager) => Promise<T | undefined>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const [known] = await m.query<unknown[]>(`SELECT 1 FROM intake.patient_profiles WHERE patient_pseudonym = $1`, [pseudonym]);
      if (!known) throw new NotFoundException({ message: 'no patient with this pseudonym' });
      const result = await body(m);
      if (result === undefined) throw new NotFoundException({ message: 'not found' });
      await this.audit.record(m, who, action, pseudonym);
      return result;
    });
  }

  @Get('profile')
  @ApiOperation({ summary: "The patient's current normalized profile." })
  async profile(@Param('pseudonym') pseudonym: string, @Headers('x-actor') actor?: string, @Query('purpose') purpose?: string): Promise<unknown> {
    return this.read(pseudonym, reader(actor, purpose), 'read-profile', async (m) => {
      const [row] = await m.query<Array<{ version: number; profile: unknown; updated_at: Date }>>(
        `SELECT version, profile, updated_at FROM intake.patient_profiles WHERE patient_pseudonym = $1 AND version > 0`,
        [pseudonym],
      );
      return row && { patientPseudonym: pseudonym, version: row.version, profile: row.profile, updatedAt: row.updated_at };
    });
  }

  @Get('profiles')
  @ApiOperation({ summary: 'Profile history: every version, newest first, with the event that produced it.' })
  async history(@Param('pseudonym') pseudonym: string, @Headers('x-actor') actor?: string, @Query('purpose') purpose?: string): Promise<unknown> {
    return this.read(pseudonym, reader(actor, purpose), 'read-profile-history', async (m) => ({
      patientPseudonym: pseudonym,
      versions: await m.query<unknown[]>(
        `SELECT version, caused_by_event AS "causedByEvent", computed_at AS "computedAt" FROM intake.profile_versions WHERE patient_pseudonym = $1 ORDER BY version DESC`,
        [pseudonym],
      ),
    }));
  }

  @Get('profiles/:version')
  @ApiOperation({ summary: 'One past version of the profile.' })
  async version(@Param('pseudonym') pseudonym: string, @Param('version', ParseIntPipe) version: number, @Headers('x-actor') actor?: string, @Query('purpose') purpose?: string): Promise<unknown> {
    return this.read(pseudonym, reader(actor, purpose), 'read-profile-version', async (m) => {
      const [row] = await m.query<Array<{ profile: unknown; caused_by_event: string; computed_at: Date }>>(
        `SELECT profile, caused_by_event, computed_at FROM intake.profile_versions WHERE patient_pseudonym = $1 AND version = $2`,
        [pseudonym, version],
      );
      return row && { patientPseudonym: pseudonym, version, causedByEvent: row.caused_by_event, computedAt: row.computed_at, profile: row.profile };
    });
  }

  @Get('events')
  @ApiOperation({ summary: 'Timeline: every stored event in clinical order, with provenance (source, event id, when received); never the sender’s patient id.' })
  async timeline(@Param('pseudonym') pseudonym: string, @Headers('x-actor') actor?: string, @Query('purpose') purpose?: string): Promise<unknown> {
    return this.read(pseudonym, reader(actor, purpose), 'read-timeline', async (m) => ({
      patientPseudonym: pseudonym,
      events: await m.query<unknown[]>(
        `SELECT event_id AS "eventId", type, occurred_at AS "occurredAt", received_at AS "receivedAt", source, payload->'data' AS data, payload->'recordedAt' AS "recordedAt"
         FROM intake.raw_events WHERE patient_pseudonym = $1 ORDER BY occurred_at, received_at, event_id`,
        [pseudonym],
      ),
    }));
  }

  @Get('identity')
  @ApiOperation({ summary: "The sender's identity of this patient (source and patient id), for a coordinator who must contact them. Requires a purpose; audited." })
  @ApiQuery({ name: 'purpose', required: true })
  async identity(@Param('pseudonym') pseudonym: string, @Headers('x-actor') actor?: string, @Query('purpose') purpose?: string): Promise<unknown> {
    if (!purpose?.trim()) throw new BadRequestException({ message: 'a purpose is required', errors: [{ pointer: '?purpose', message: 'is required to see a patient identity' }] });
    return this.read(pseudonym, reader(actor, purpose), 'read-identity', async (m) => {
      const [row] = await m.query<Array<{ source: string; patient_id: string }>>(`SELECT source, patient_id FROM intake.patient_identities WHERE patient_pseudonym = $1`, [pseudonym]);
      return row && { patientPseudonym: pseudonym, source: row.source, patientId: row.patient_id };
    });
  }
}

/** Event ids reused with different content: for the sending systems' operators to resolve. */
@ApiTags('intake')
@Controller('v1/conflicts')
export class ConflictsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Recorded event-id conflicts, newest first (ids, pseudonyms and channels; not the content).' })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Query('limit') limit?: string): Promise<unknown> {
    const n = Math.min(Math.max(Number(limit ?? 100) || 100, 1), 1000);
    return {
      conflicts: await this.dataSource.query<unknown[]>(
        `SELECT event_id AS "eventId", patient_pseudonym AS "patientPseudonym", channel, received_at AS "receivedAt" FROM intake.event_conflicts ORDER BY id DESC LIMIT $1`,
        [n],
      ),
    };
  }
}
