import { BadRequestException, Body, ConflictException, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AuditTrail, Caller, mayReadSite, Purpose, Roles, siteScope, type Principal } from '@trialmatch/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { allowedNext, checkTransition, SCREEN_FAIL_CODES, SCREENING_STATUSES, type ScreeningStatus } from '@trialmatch/core';

interface ScreeningRow {
  patientPseudonym: string;
  trialId: string;
  cohortId: string | null;
  site: string | null;
  status: ScreeningStatus;
  flag: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `patient_pseudonym AS "patientPseudonym", trial_id AS "trialId", nullif(cohort_id, '') AS "cohortId", site, status, flag, created_at AS "createdAt", updated_at AS "updatedAt"`;

export class TransitionDto {
  @ApiProperty({ enum: [...SCREENING_STATUSES] })
  @IsString()
  to!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cohortId?: string;

  @ApiPropertyOptional({ description: 'screen-failed: [{ criterionId, code, note? }]' })
  @IsOptional()
  @IsArray()
  reasons?: unknown[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The coordinator's screening workflow per (patient, trial, cohort), for the coordinator's sites; every read and move is audited. */
@ApiTags('screenings')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('v1/screenings')
export class ScreeningsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOperation({ summary: "Screenings of the coordinator's sites, most recently changed first (at most 500); filter by site and status. Flagged ones name why the match stopped holding." })
  @ApiQuery({ name: 'site', required: false })
  @ApiQuery({ name: 'status', required: false, description: `comma-separated: ${SCREENING_STATUSES.join(', ')}` })
  async list(@Caller() caller: Principal, @Purpose() purpose: string | null, @Query('site') site?: string, @Query('status') status?: string): Promise<ScreeningRow[]> {
    const statuses = status ? status.split(',').map((s) => s.trim()) : null;
    const bad = (statuses ?? []).filter((s) => !SCREENING_STATUSES.includes(s as ScreeningStatus));
    if (bad.length > 0) throw new BadRequestException({ message: 'invalid status', errors: [{ pointer: '?status', message: `must be among ${SCREENING_STATUSES.join(', ')}` }] });
    const sites = siteScope(caller, site ? [site] : null);
    return this.audit.read(caller, 'read-screenings', purpose, async (m) => {
      const rows = await m.query<ScreeningRow[]>(
        `SELECT ${COLUMNS} FROM notifier.screenings WHERE ($1::text[] IS NULL OR site = ANY($1)) AND ($2::text[] IS NULL OR status = ANY($2)) ORDER BY updated_at DESC LIMIT 500`,
        [sites, statuses],
      );
      return { value: rows, pseudonyms: rows.map((r) => r.patientPseudonym) };
    });
  }

  private async load(m: EntityManager, caller: Principal, pseudonym: string, trialId: string, cohortId: string): Promise<unknown> {
    const [row] = await m.query<ScreeningRow[]>(`SELECT ${COLUMNS} FROM notifier.screenings WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3`, [pseudonym, trialId, cohortId]);
    if (!row || !mayReadSite(caller, row.site)) throw new NotFoundException({ message: 'no such screening' });
    const transitions = await m.query<unknown[]>(
      `SELECT from_status AS "from", to_status AS "to", actor, reasons, note, at FROM notifier.screening_transitions
       WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3 ORDER BY id`,
      [pseudonym, trialId, cohortId],
    );
    return { ...row, allowed: allowedNext(row.status), transitions };
  }

  @Get(':pseudonym/:trialId')
  @ApiOperation({ summary: 'One screening with every transition (who, when, from, to, reasons) and the statuses it may move to.' })
  @ApiQuery({ name: 'cohort', required: false })
  async one(@Caller() caller: Principal, @Purpose() purpose: string | null, @Param('pseudonym') pseudonym: string, @Param('trialId') trialId: string, @Query('cohort') cohort?: string): Promise<unknown> {
    return this.audit.read(caller, 'read-screening', purpose, async (m) => ({ value: await this.load(m, caller, pseudonym, trialId, cohort ?? ''), pseudonyms: [pseudonym] }));
  }

  @Post(':pseudonym/:trialId/transitions')
  @ApiOperation({ summary: 'Move a screening on: new → reviewing → contacted → enrolled | declined | screen-failed (screen-failed with per-criterion reason codes). 409 with the allowed statuses for an illegal move. Clears the flag. The actor is the signed-in caller; audited.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['to'],
      properties: {
        to: { type: 'string', enum: [...SCREENING_STATUSES] },
        cohortId: { type: 'string' },
        reasons: { type: 'array', items: { type: 'object', required: ['criterionId', 'code'], properties: { criterionId: { type: 'string' }, code: { type: 'string', enum: [...SCREEN_FAIL_CODES] }, note: { type: 'string' } } } },
        note: { type: 'string', maxLength: 2000 },
      },
    },
  })
  async move(
    @Caller() caller: Principal,
    @Purpose() purpose: string | null,
    @Param('pseudonym') pseudonym: string,
    @Param('trialId') trialId: string,
    @Body() body: TransitionDto,
  ): Promise<unknown> {
    const actor = caller.subject;
    const cohortId = body.cohortId ?? '';
    return this.audit.read(caller, `screening-${body.to}`, purpose, async (m) => {
      const [row] = await m.query<Array<{ status: ScreeningStatus; site: string | null }>>(`SELECT status, site FROM notifier.screenings WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3 FOR UPDATE`, [pseudonym, trialId, cohortId]);
      if (!row || !mayReadSite(caller, row.site)) throw new NotFoundException({ message: 'no such screening' });
      const problem = checkTransition(row.status, String(body?.to), body?.reasons);
      if (problem?.kind === 'illegal') throw new ConflictException({ message: `cannot move from ${problem.from} to ${problem.to}`, from: problem.from, to: problem.to, allowed: problem.allowed });
      if (problem) throw new BadRequestException({ message: 'invalid transition', errors: [{ pointer: problem.pointer, message: problem.message }] });
      await m.query(`UPDATE notifier.screenings SET status = $4, flag = NULL, updated_at = now() WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3`, [pseudonym, trialId, cohortId, body.to]);
      await m.query(
        `INSERT INTO notifier.screening_transitions (patient_pseudonym, trial_id, cohort_id, from_status, to_status, actor, reasons, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [pseudonym, trialId, cohortId, row.status, body.to, actor, body.to === 'screen-failed' ? JSON.stringify(body.reasons) : null, body.note ?? null],
      );
      return { value: await this.load(m, caller, pseudonym, trialId, cohortId), pseudonyms: [pseudonym] };
    });
  }
}
