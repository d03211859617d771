import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkMessage, HEADERS, TOPICS, trialCriteriaV1Schema, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { checkTrialDocument, compileTrial, importCtgovStudy, InvalidCriteriaError, screenTrial, type CtgovStudy, type PatientProfile } from '@trialmatch/core';
import { suppressedCounts } from '../application/aggregate-counts';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import { Caller, mayManageOrganisation, Roles, VersionPipe, type Principal } from '@trialmatch/platform';
import { RegisterTrial, type TrialDraft } from '../application/register-trial';
import { Rescreens, type RescreenRun } from '../application/rescreens';

const STATUSES = (trialCriteriaV1Schema as { properties: { status: { enum: string[] } } }).properties.status.enum;

/** Every problem of a draft: the contract (JSON Schema) and the criteria language (compiled), each with its JSON pointer. */
function problemsOf(body: unknown): Array<{ pointer: string; message: string }> {
  const contract = checkMessage(TOPICS.trialCriteria, { ...(body as object), version: 1 });
  const rules = checkTrialDocument({ ...(body as object), version: 1 });
  return [...contract, ...rules.filter((r) => !contract.some((c) => c.pointer === r.pointer))];
}

export class StatusDto {
  @ApiProperty({ enum: STATUSES })
  @IsIn(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` })
  status!: TrialCriteriaV1['status'];
}

/** A sponsor sees only its organisation's trials (others answer 404); coordinators and admins see every trial. */
const organisationFilter = (p: Principal): string | null => (p.role === 'sponsor' ? p.organisation : null);

/** The sponsors' trial registry. */
@ApiTags('trials')
@ApiBearerAuth()
@Controller('v1')
export class TrialsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: RegisterTrial,
    private readonly rescreens: Rescreens,
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
  ) {}

  /** The latest version of a trial the caller may see, with its owner; null when it may not (or there is none). */
  private async visible(trialId: string, p: Principal): Promise<{ document: TrialCriteriaV1; organisation: string | null } | null> {
    const [row] = await this.dataSource.query<Array<{ document: TrialCriteriaV1; organisation: string | null }>>(
      `SELECT v.document, o.organisation FROM matcher.trial_versions v LEFT JOIN matcher.trial_owners o USING (trial_id) WHERE v.trial_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [trialId],
    );
    if (!row) return null;
    const filter = organisationFilter(p);
    return filter === null || row.organisation === filter ? row : null;
  }

  @Post('trials')
  @Roles('sponsor', 'admin')
  @ApiOperation({ summary: 'Publish a trial or a new version of it (the version number is assigned; old versions are kept). Starts a re-screen of every stored profile (see rescreen) or, for a status closed to screening, withdraws its results.' })
  @ApiBody({ schema: { type: 'object', description: 'A trial-criteria.v1 document without `version`.' } })
  async publish(@Caller() caller: Principal, @Body() body: unknown, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    const errors = problemsOf(body);
    if (errors.length > 0) throw new BadRequestException({ message: 'invalid trial document', errors });
    try {
      return await this.register.execute(body as TrialDraft, correlationId ?? randomUUID(), caller);
    } catch (e) {
      if (e instanceof InvalidCriteriaError) throw new BadRequestException({ message: 'invalid criteria', errors: e.problems });
      throw e;
    }
  }

  @Post('trials/validate')
  @Roles('sponsor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: every problem of a trial document (JSON pointer and reason); nothing is saved.' })
  validate(@Body() body: unknown): { valid: boolean; errors: Array<{ pointer: string; message: string }> } {
    const errors = problemsOf(body);
    return { valid: errors.length === 0, errors };
  }

  @Post('trials/dry-run')
  @Roles('sponsor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dry run against the current population: the draft screened against every stored profile, nothing saved or published; aggregate counts per cohort and verdict only (small cells suppressed), or the document’s problems.',
  })
  @ApiBody({ schema: { type: 'object', description: 'A trial-criteria.v1 document without `version`.' } })
  async dryRun(@Body() body: unknown): Promise<unknown> {
    const errors = problemsOf(body);
    if (errors.length > 0) return { valid: false, errors };
    const trial = compileTrial({ ...(body as TrialDraft), version: 0 });
    const day = new Date().toISOString().slice(0, 10);
    const tally = new Map<string, number>();
    let screened = 0;
    for (let after = ''; ; ) {
      const page = await this.dataSource.query<Array<{ patient_pseudonym: string; profile: PatientProfile }>>(
        `SELECT patient_pseudonym, profile FROM matcher.profiles WHERE patient_pseudonym > $1 ORDER BY patient_pseudonym LIMIT 500`,
        [after],
      );
      for (const p of page) {
        const screen = screenTrial(trial, p.profile, day);
        for (const unit of trial.cohorts.length > 0 ? screen.cohorts : [{ ...screen, id: '' }]) tally.set(`${unit.id}\u0000${unit.verdict}`, (tally.get(`${unit.id}\u0000${unit.verdict}`) ?? 0) + 1);
      }
      screened += page.length;
      if (page.length < 500) break;
      after = page.at(-1)!.patient_pseudonym;
    }
    const rows = [...tally].map(([k, n]) => ({ cohort: k.split('\u0000')[0]!, verdict: k.split('\u0000')[1]!, n }));
    return { valid: true, errors: [], asOf: day, screened, smallCellThreshold: this.settings.smallCellThreshold, cohorts: suppressedCounts(rows, this.settings.smallCellThreshold) };
  }

  @Post('trials/import-ctgov')
  @Roles('sponsor', 'admin')
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
  @Roles('sponsor', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Every trial (a sponsor: its own): latest version, status, cohorts and owning organisation.' })
  async list(@Caller() caller: Principal): Promise<unknown[]> {
    return this.dataSource.query<unknown[]>(
      `SELECT DISTINCT ON (v.trial_id) v.trial_id AS "trialId", v.version, v.status, v.document->>'title' AS title, v.document->>'phase' AS phase, v.document->>'sponsor' AS sponsor, o.organisation,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', c->>'id', 'name', c->>'name', 'status', coalesce(c->>'status', v.status))) FROM jsonb_array_elements(v.document->'cohorts') c), '[]'::jsonb) AS cohorts, v.created_at AS "publishedAt"
       FROM matcher.trial_versions v LEFT JOIN matcher.trial_owners o USING (trial_id) WHERE $1::text IS NULL OR o.organisation = $1 ORDER BY v.trial_id, v.version DESC`,
      [organisationFilter(caller)],
    );
  }

  @Get('trials/:trialId')
  @Roles('sponsor', 'coordinator', 'admin')
  @ApiOperation({ summary: 'The latest version of a trial.' })
  async latest(@Caller() caller: Principal, @Param('trialId') trialId: string): Promise<unknown> {
    const row = await this.visible(trialId, caller);
    if (!row) throw new NotFoundException({ message: `no trial ${trialId}` });
    return row.document;
  }

  @Get('trials/:trialId/versions/:version')
  @Roles('sponsor', 'coordinator', 'admin')
  @ApiOperation({ summary: 'One version of a trial (every result names the version it used).' })
  async version(@Caller() caller: Principal, @Param('trialId') trialId: string, @Param('version', new VersionPipe()) version: number): Promise<unknown> {
    const [row] = (await this.visible(trialId, caller))
      ? await this.dataSource.query<Array<{ document: unknown }>>(`SELECT document FROM matcher.trial_versions WHERE trial_id = $1 AND version = $2`, [trialId, version])
      : [];
    if (!row) throw new NotFoundException({ message: `no version ${version} of ${trialId}` });
    return row.document;
  }

  @Put('trials/:trialId/status')
  @Roles('sponsor', 'admin')
  @ApiOperation({ summary: 'Change a trial’s status (published as a new version). RECRUITING, NOT_YET_RECRUITING and UNKNOWN are screened; any other status withdraws the trial’s results.' })
  @ApiBody({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: STATUSES } } } })
  status(@Caller() caller: Principal, @Param('trialId') trialId: string, @Body() body: StatusDto, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    return this.register.changeStatus(trialId, body.status, correlationId ?? randomUUID(), undefined, caller);
  }

  @Put('trials/:trialId/cohorts/:cohortId/status')
  @Roles('sponsor', 'admin')
  @ApiOperation({ summary: 'Change one cohort’s status (published as a new version of the trial). A cohort is screened while both it and the trial are RECRUITING, NOT_YET_RECRUITING or UNKNOWN; closing it withdraws its results.' })
  @ApiBody({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: STATUSES } } } })
  cohortStatus(@Caller() caller: Principal, @Param('trialId') trialId: string, @Param('cohortId') cohortId: string, @Body() body: StatusDto, @Headers(HEADERS.correlationId) correlationId?: string): Promise<unknown> {
    return this.register.changeStatus(trialId, body.status, correlationId ?? randomUUID(), cohortId, caller);
  }

  @Get('rescreens')
  @Roles('sponsor', 'admin')
  @ApiOperation({ summary: 'Recent re-screens with their progress (a sponsor: those of its trials).' })
  rescreenList(@Caller() caller: Principal): Promise<RescreenRun[]> {
    return this.rescreens.list(20, organisationFilter(caller));
  }

  @Get('rescreens/:id')
  @Roles('sponsor', 'admin')
  @ApiOperation({ summary: 'A re-screen’s progress: profiles done of total, results changed, status, and the same per patient-profiles.v1 partition.' })
  async rescreen(@Caller() caller: Principal, @Param('id') id: string): Promise<RescreenRun> {
    const run = await this.rescreens.status(id);
    const owner = run?.trialId ? (await this.visible(run.trialId, caller))?.organisation : null;
    if (!run || (caller.role === 'sponsor' && !mayManageOrganisation(caller, owner))) throw new NotFoundException({ message: `no re-screen ${id}` });
    return run;
  }

  @Post('rescreens')
  @Roles('admin')
  @ApiOperation({ summary: 'Re-screen every stored profile against every active trial now (what the daily run does).' })
  startRescreen(): Promise<RescreenRun> {
    return this.rescreens.startFullRun();
  }
}
