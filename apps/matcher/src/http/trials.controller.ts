import { BadRequestException, Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkMessage, HEADERS, TOPICS, trialCriteriaV1Schema, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { checkTrialDocument, importCtgovStudy, InvalidCriteriaError, type CtgovStudy } from '@trialmatch/core';
import { RegisterTrial, type TrialDraft } from '../application/register-trial';
import { Rescreens, type RescreenRun } from '../application/rescreens';

const STATUSES = (trialCriteriaV1Schema as { properties: { status: { enum: string[] } } }).properties.status.enum;

/** Every problem of a draft: the contract (JSON Schema) and the criteria language (compiled), each with its JSON pointer. */
function problemsOf(body: unknown): Array<{ pointer: string; message: string }> {
  const contract = checkMessage(TOPICS.trialCriteria, { ...(body as object), version: 1 });
  const rules = checkTrialDocument({ ...(body as object), version: 1 });
  return [...contract, ...rules.filter((r) => !contract.some((c) => c.pointer === r.pointer))];
}

function statusOf(body: { status?: unknown } | undefined): TrialCriteriaV1['status'] {
  if (typeof body?.status !== 'string' || !STATUSES.includes(body.status)) throw new BadRequestException({ message: 'invalid status', errors: [{ pointer: '/status', message: `must be one of ${STATUSES.join(', ')}` }] });
  return body.status as TrialCriteriaV1['status'];
}

/** The sponsors' trial registry. */
@ApiTags('trials')
@Controller('v1')
export class TrialsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: RegisterTrial,
    private readonly rescreens: Rescreens,
  ) {}

  @Post('trials')
  @ApiOperation({ summary: 'Publish a trial or a new version of it (the version number is assigned; old versions are kept). Starts a re-screen of every stored profile (see rescreen) or, for a status closed to screening, withdraws its results.' })
  @ApiBody({ schema: { type: 'object', description: 'A trial-criteria.v1 document without `version`.' } })
  async publish(@Body() body: unknown, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    const errors = problemsOf(body);
    if (errors.length > 0) throw new BadRequestException({ message: 'invalid trial document', errors });
    try {
      return await this.register.execute(body as TrialDraft, correlationId ?? randomUUID());
    } catch (e) {
      if (e instanceof InvalidCriteriaError) throw new BadRequestException({ message: 'invalid criteria', errors: e.problems });
      throw e;
    }
  }

  @Post('trials/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: every problem of a trial document (JSON pointer and reason); nothing is saved.' })
  validate(@Body() body: unknown): { valid: boolean; errors: Array<{ pointer: string; message: string }> } {
    const errors = problemsOf(body);
    return { valid: errors.length === 0, errors };
  }

  @Post('trials/import-ctgov')
  @HttpCode(200)
  @ApiOperation({ summary: 'A draft trial document from a ClinicalTrials.gov API v2 study record (rules proposed for review; nothing is saved).' })
  importCtgov(@Body() body: unknown): unknown {
    try {
      return importCtgovStudy(body as CtgovStudy);
    } catch (e) {
      throw new BadRequestException({ message: 'not a ClinicalTrials.gov API v2 study record', errors: [{ pointer: '', message: e instanceof Error ? e.message : String(e) }] });
    }
  }

  @Get('trials')
  @ApiOperation({ summary: 'Every trial: its latest version, status and cohorts.' })
  async list(): Promise<unknown[]> {
    return this.dataSource.query<unknown[]>(
      `SELECT DISTINCT ON (trial_id) trial_id AS "trialId", version, status, document->>'title' AS title, document->>'phase' AS phase, document->>'sponsor' AS sponsor,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', c->>'id', 'name', c->>'name', 'status', coalesce(c->>'status', status))) FROM jsonb_array_elements(document->'cohorts') c), '[]'::jsonb) AS cohorts, created_at AS "publishedAt"
       FROM matcher.trial_versions ORDER BY trial_id, version DESC`,
    );
  }

  @Get('trials/:trialId')
  @ApiOperation({ summary: 'The latest version of a trial.' })
  async latest(@Param('trialId') trialId: string): Promise<unknown> {
    const [row] = await this.dataSource.query<Array<{ document: unknown }>>(`SELECT document FROM matcher.trial_versions WHERE trial_id = $1 ORDER BY version DESC LIMIT 1`, [trialId]);
    if (!row) throw new NotFoundException({ message: `no trial ${trialId}` });
    return row.document;
  }

  @Get('trials/:trialId/versions/:version')
  @ApiOperation({ summary: 'One version of a trial (every result names the version it used).' })
  async version(@Param('trialId') trialId: string, @Param('version', ParseIntPipe) version: number): Promise<unknown> {
    const [row] = await this.dataSource.query<Array<{ document: unknown }>>(`SELECT document FROM matcher.trial_versions WHERE trial_id = $1 AND version = $2`, [trialId, version]);
    if (!row) throw new NotFoundException({ message: `no version ${version} of ${trialId}` });
    return row.document;
  }

  @Put('trials/:trialId/status')
  @ApiOperation({ summary: 'Change a trial’s status (published as a new version). RECRUITING, NOT_YET_RECRUITING and UNKNOWN are screened; any other status withdraws the trial’s results.' })
  @ApiBody({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: STATUSES } } } })
  status(@Param('trialId') trialId: string, @Body() body: { status?: unknown }, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    return this.register.changeStatus(trialId, statusOf(body), correlationId ?? randomUUID());
  }

  @Put('trials/:trialId/cohorts/:cohortId/status')
  @ApiOperation({ summary: 'Change one cohort’s status (published as a new version of the trial). A cohort is screened while both it and the trial are RECRUITING, NOT_YET_RECRUITING or UNKNOWN; closing it withdraws its results.' })
  @ApiBody({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: STATUSES } } } })
  cohortStatus(@Param('trialId') trialId: string, @Param('cohortId') cohortId: string, @Body() body: { status?: unknown }, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    return this.register.changeStatus(trialId, statusOf(body), correlationId ?? randomUUID(), cohortId);
  }

  @Get('rescreens')
  @ApiOperation({ summary: 'Recent re-screens with their progress.' })
  rescreenList(): Promise<RescreenRun[]> {
    return this.rescreens.list();
  }

  @Get('rescreens/:id')
  @ApiOperation({ summary: 'A re-screen’s progress: profiles done of total, results changed, status, and the same per patient-profiles.v1 partition.' })
  async rescreen(@Param('id') id: string): Promise<RescreenRun> {
    const run = await this.rescreens.status(id);
    if (!run) throw new NotFoundException({ message: `no re-screen ${id}` });
    return run;
  }

  @Post('rescreens')
  @ApiOperation({ summary: 'Re-screen every stored profile against every active trial now (what the daily run does).' })
  startRescreen(): Promise<RescreenRun> {
    return this.rescreens.startFullRun();
  }
}
