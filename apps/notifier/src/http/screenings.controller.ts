import { BadRequestException, Body, ConflictException, Controller, Get, Headers, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
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

/** Who acts: the X-Actor header until sign-in exists (issue 8). */
function actorOf(actor: string | undefined): string {
  if (!actor || actor.trim() === '' || actor.length > 200) throw new BadRequestException({ message: 'who is acting?', errors: [{ pointer: 'header:x-actor', message: 'is required (at most 200 characters)' }] });
  return actor.trim();
}

/** The coordinator's screening workflow per (patient, trial, cohort). */
@ApiTags('screenings')
@Controller('v1/screenings')
export class ScreeningsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Screenings, most recently changed first (at most 500); filter by site and status. Flagged ones name why the match stopped holding.' })
  @ApiQuery({ name: 'site', required: false })
  @ApiQuery({ name: 'status', required: false, description: `comma-separated: ${SCREENING_STATUSES.join(', ')}` })
  async list(@Query('site') site?: string, @Query('status') status?: string): Promise<ScreeningRow[]> {
    const statuses = status ? status.split(',').map((s) => s.trim()) : null;
    const bad = (statuses ?? []).filter((s) => !SCREENING_STATUSES.includes(s as ScreeningStatus));
    if (bad.length > 0) throw new BadRequestException({ message: 'invalid status', errors: [{ pointer: '?status', message: `must be among ${SCREENING_STATUSES.join(', ')}` }] });
    return this.dataSource.query<ScreeningRow[]>(
      `SELECT ${COLUMNS} FROM notifier.screenings WHERE ($1::text IS NULL OR site = $1) AND ($2::text[] IS NULL OR status = ANY($2)) ORDER BY updated_at DESC LIMIT 500`,
      [site ?? null, statuses],
    );
  }

  @Get(':pseudonym/:trialId')
  @ApiOperation({ summary: 'One screening with every transition (who, when, from, to, reasons) and the statuses it may move to.' })
  @ApiQuery({ name: 'cohort', required: false })
  async one(@Param('pseudonym') pseudonym: string, @Param('trialId') trialId: string, @Query('cohort') cohort?: string): Promise<unknown> {
    const [row] = await this.dataSource.query<ScreeningRow[]>(`SELECT ${COLUMNS} FROM notifier.screenings WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3`, [pseudonym, trialId, cohort ?? '']);
    if (!row) throw new NotFoundException({ message: 'no such screening' });
    const transitions = await this.dataSource.query<unknown[]>(
      `SELECT from_status AS "from", to_status AS "to", actor, reasons, note, at FROM notifier.screening_transitions
       WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3 ORDER BY id`,
      [pseudonym, trialId, cohort ?? ''],
    );
    return { ...row, allowed: allowedNext(row.status), transitions };
  }

  @Post(':pseudonym/:trialId/transitions')
  @ApiOperation({ summary: 'Move a screening on: new → reviewing → contacted → enrolled | declined | screen-failed (screen-failed with per-criterion reason codes). 409 with the allowed statuses for an illegal move. Clears the flag.' })
  @ApiHeader({ name: 'x-actor', required: true, description: 'who acts (until sign-in exists)' })
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
    @Param('pseudonym') pseudonym: string,
    @Param('trialId') trialId: string,
    @Body() body: { to?: unknown; cohortId?: unknown; reasons?: unknown; note?: unknown },
    @Headers('x-actor') actorHeader?: string,
  ): Promise<unknown> {
    const actor = actorOf(actorHeader);
    if (body?.cohortId !== undefined && typeof body.cohortId !== 'string') throw new BadRequestException({ message: 'invalid transition', errors: [{ pointer: '/cohortId', message: 'must be text' }] });
    if (body?.note !== undefined && (typeof body.note !== 'string' || body.note.length > 2000)) throw new BadRequestException({ message: 'invalid transition', errors: [{ pointer: '/note', message: 'must be text of at most 2000 characters' }] });
    const cohortId = (body.cohortId) ?? '';
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<Array<{ status: ScreeningStatus }>>(`SELECT status FROM notifier.screenings WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3 FOR UPDATE`, [pseudonym, trialId, cohortId]);
      if (!row) throw new NotFoundException({ message: 'no such screening' });
      const problem = checkTransition(row.status, String(body?.to), body?.reasons);
      if (problem?.kind === 'illegal') throw new ConflictException({ message: `cannot move from ${problem.from} to ${problem.to}`, from: problem.from, to: problem.to, allowed: problem.allowed });
      if (problem) throw new BadRequestException({ message: 'invalid transition', errors: [{ pointer: problem.pointer, message: problem.message }] });
      await m.query(`UPDATE notifier.screenings SET status = $4, flag = NULL, updated_at = now() WHERE patient_pseudonym = $1 AND trial_id = $2 AND cohort_id = $3`, [pseudonym, trialId, cohortId, body.to]);
      await m.query(
        `INSERT INTO notifier.screening_transitions (patient_pseudonym, trial_id, cohort_id, from_status, to_status, actor, reasons, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [pseudonym, trialId, cohortId, row.status, body.to, actor, body.to === 'screen-failed' ? JSON.stringify(body.reasons) : null, (body.note as string | undefined) ?? null],
      );
    });
    return this.one(pseudonym, trialId, cohortId || undefined);
  }
}
