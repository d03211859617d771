import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsArray, IsISO8601, IsObject, IsOptional, Matches } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkMessage, TOPICS, type MatchResultV1 } from '@trialmatch/contracts';
import { buildProfile, evaluateTrial, rank, type PatientProfile, type ProfileSourceEvent } from '@trialmatch/core';
import { AuditTrail, Caller, LimitPipe, mayManageOrganisation, mayReadSite, Purpose, Roles, siteScope, type Principal } from '@trialmatch/platform';
import { suppressedCounts } from '../application/aggregate-counts';
import { TrialCatalog } from '../application/trial-catalog';
import { ResultExplainer, type StoredResultRow } from '../application/explain-results';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';

const VERDICTS = ['ELIGIBLE', 'POTENTIALLY_ELIGIBLE', 'ELIGIBLE_FROM', 'INELIGIBLE'];

/** A current result with its published JSON (kept in the history row it points at; older rows hold a copy). */
const RESULT_COLUMNS = 'r.patient_pseudonym, r.trial_id, r.cohort_id, r.criteria_version, r.profile_version, r.evaluated_at, r.eligible_from::text AS eligible_from, coalesce(r.result, h.result) AS result';
const WITH_HISTORY = 'matcher.results r LEFT JOIN matcher.result_history h ON h.id = r.history_id';

/** Ranking input from a stored result (eligible first, then fewest unknowns, earliest date, fewest failing). */
const ranked = (r: MatchResultV1) => ({ ...r, failing: r.failing ?? [], unknown: r.unknown ?? [], unknownCount: r.unknown?.length ?? 0 });

/** What coordinators read: a patient's trials, a trial's candidates, and ad-hoc screening. */
/** An ad-hoc screening: a derived profile or native patient events, and the day to screen on (default today). */
export class ScreenDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'a derived profile (patient-profiles.v1 `profile`)' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  profile?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'native patient events (patient-events.v1 without patientId/source)' })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  events?: unknown[];

  @ApiPropertyOptional({ type: 'string', format: 'date', description: 'the day to screen on (default today)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a calendar day' })
  asOf?: string;
}

@ApiTags('matches')
@ApiBearerAuth()
@Controller('v1')
export class MatchesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: TrialCatalog,
    private readonly explainer: ResultExplainer,
    private readonly audit: AuditTrail,
    @Inject(MATCHER_SETTINGS) private readonly settings: MatcherSettings,
  ) {}

  @Get('patients/:pseudonym/trials')
  @Roles('coordinator')
  @ApiOperation({ summary: "A patient of the coordinator's sites: current results (one per trial, or per cohort), ranked, each with the per-criterion trace, missing data and eligible-from date. Audited." })
  async trials(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<MatchResultV1[]> {
    return this.audit.read(caller, 'read-matches', purpose, async (m) => {
      const [profile] = await m.query<Array<{ site: string | null }>>(`SELECT site FROM matcher.profiles WHERE patient_pseudonym = $1`, [pseudonym]);
      if (!profile || !mayReadSite(caller, profile.site)) throw new NotFoundException({ message: 'no patient with this pseudonym' });
      const rows = await m.query<StoredResultRow[]>(`SELECT ${RESULT_COLUMNS} FROM ${WITH_HISTORY} WHERE r.patient_pseudonym = $1 ORDER BY r.trial_id, r.cohort_id`, [pseudonym]);
      return { value: rank((await this.explainer.complete(m, rows)).map(ranked)), pseudonyms: [pseudonym] };
    });
  }

  @Get('patients/:pseudonym/matches')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Same as /v1/patients/{pseudonym}/trials.' })
  matches(@Caller() caller: Principal, @Param('pseudonym') pseudonym: string, @Purpose() purpose: string | null): Promise<MatchResultV1[]> {
    return this.trials(caller, pseudonym, purpose);
  }

  @Get('patients')
  @Roles('coordinator')
  @ApiOperation({ summary: "The coordinator's patients (its sites), most promising first: best verdict over all trials, counts of eligible and potentially eligible trials; `q` filters by pseudonym. Audited (one row per patient listed)." })
  @ApiQuery({ name: 'q', required: false, description: 'part of a pseudonym' })
  @ApiQuery({ name: 'site', required: false, description: 'comma-separated sites (within the caller’s)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 200 }, description: 'from 1 to 500 (default 200); another value is a 400' })
  async patients(@Caller() caller: Principal, @Purpose() purpose: string | null, @Query('q') q?: string, @Query('site') site?: string, @Query('limit', new LimitPipe(200, 500)) n = 200): Promise<unknown[]> {
    const sites = siteScope(caller, site ? site.split(',').map((s) => s.trim()).filter((s) => s !== '') : null);
    return this.audit.read(caller, 'list-patients', purpose, async (m) => {
      const rows = await m.query<Array<{ patientPseudonym: string }>>(
        `SELECT p.patient_pseudonym AS "patientPseudonym", p.site, p.profile_version AS "profileVersion", p.received_at AS "updatedAt",
                coalesce(r.eligible, 0) AS eligible, coalesce(r.potential, 0) AS potential, coalesce(r.eligible_from, 0) AS "eligibleFrom",
                CASE WHEN r.eligible > 0 THEN 'ELIGIBLE' WHEN r.eligible_from > 0 THEN 'ELIGIBLE_FROM' WHEN r.potential > 0 THEN 'POTENTIALLY_ELIGIBLE' WHEN r.total > 0 THEN 'INELIGIBLE' END AS "bestVerdict"
         FROM matcher.profiles p
         LEFT JOIN LATERAL (
           SELECT count(DISTINCT trial_id) FILTER (WHERE verdict = 'ELIGIBLE')::int AS eligible, count(DISTINCT trial_id) FILTER (WHERE verdict = 'POTENTIALLY_ELIGIBLE')::int AS potential,
                  count(DISTINCT trial_id) FILTER (WHERE verdict = 'ELIGIBLE_FROM')::int AS eligible_from, count(*)::int AS total
           FROM matcher.results WHERE patient_pseudonym = p.patient_pseudonym) r ON true
         WHERE ($1::text[] IS NULL OR p.site = ANY($1)) AND ($2::text IS NULL OR position(lower($2) IN p.patient_pseudonym) > 0)
         ORDER BY coalesce(r.eligible, 0) DESC, coalesce(r.eligible_from, 0) DESC, coalesce(r.potential, 0) DESC, p.patient_pseudonym LIMIT $3`,
        [sites, q?.trim() || null, n],
      );
      return { value: rows, pseudonyms: rows.map((r) => r.patientPseudonym) };
    });
  }

  @Get('trials/:trialId/candidate-counts')
  @Roles('sponsor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Aggregate candidates per cohort and verdict, never patient-level: a count from 1 to MATCHER_SMALL_CELL_THRESHOLD − 1 is suppressed (null, with suppressed: true), and so is the cohort total when any of its cells is.',
  })
  async candidateCounts(@Caller() caller: Principal, @Param('trialId') trialId: string): Promise<unknown> {
    const [owner] = await this.dataSource.query<Array<{ organisation: string }>>(`SELECT organisation FROM matcher.trial_owners WHERE trial_id = $1`, [trialId]);
    if (!owner || (caller.role === 'sponsor' && !mayManageOrganisation(caller, owner.organisation))) throw new NotFoundException({ message: `no trial ${trialId}` });
    const rows = await this.dataSource.query<Array<{ cohort: string; verdict: string; n: number }>>(
      `SELECT cohort_id AS cohort, verdict, count(*)::int AS n FROM matcher.results WHERE trial_id = $1 GROUP BY cohort_id, verdict`,
      [trialId],
    );
    return { trialId, smallCellThreshold: this.settings.smallCellThreshold, cohorts: suppressedCounts(rows, this.settings.smallCellThreshold) };
  }

  @Get('trials/:trialId/candidates')
  @Roles('coordinator')
  @ApiOperation({ summary: "Patients of the coordinator's sites for a trial, ranked (eligible first, then fewest unknowns, earliest eligible-from), filterable by verdict, cohort and site. Audited (one row per patient returned)." })
  @ApiQuery({ name: 'verdict', required: false, description: `comma-separated: ${VERDICTS.join(', ')} (default: all but INELIGIBLE)` })
  @ApiQuery({ name: 'cohort', required: false })
  @ApiQuery({ name: 'site', required: false, description: "comma-separated sites (the patients' event sources)" })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, description: 'from 1 to 1000 (default 100); another value is a 400' })
  async candidates(
    @Caller() caller: Principal,
    @Purpose() purpose: string | null,
    @Param('trialId') trialId: string,
    @Query('verdict') verdict?: string,
    @Query('cohort') cohort?: string,
    @Query('site') site?: string,
    @Query('limit', new LimitPipe(100, 1000)) n = 100,
  ): Promise<{ trialId: string; candidates: MatchResultV1[] }> {
    const verdicts = verdict ? verdict.split(',').map((v) => v.trim().toUpperCase()) : VERDICTS.filter((v) => v !== 'INELIGIBLE');
    const bad = verdicts.filter((v) => !VERDICTS.includes(v));
    if (bad.length > 0) throw new BadRequestException({ message: 'invalid verdict', errors: [{ pointer: '?verdict', message: `must be among ${VERDICTS.join(', ')}` }] });
    const [known] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM matcher.trial_versions WHERE trial_id = $1 LIMIT 1`, [trialId]);
    if (!known) throw new NotFoundException({ message: `no trial ${trialId}` });
    const sites = siteScope(caller, site ? site.split(',').map((s) => s.trim()).filter((s) => s !== '') : null);
    return this.audit.read(caller, 'read-candidates', purpose, async (m) => {
      const rows = await m.query<StoredResultRow[]>(
        `SELECT ${RESULT_COLUMNS} FROM ${WITH_HISTORY}
         WHERE r.trial_id = $1 AND r.verdict = ANY($2) AND ($3::text IS NULL OR r.cohort_id = $3)
           AND ($5::text[] IS NULL OR EXISTS (SELECT 1 FROM matcher.profiles p WHERE p.patient_pseudonym = r.patient_pseudonym AND p.site = ANY($5)))
         ORDER BY CASE r.verdict WHEN 'ELIGIBLE' THEN 0 WHEN 'INELIGIBLE' THEN 2 ELSE 1 END, CASE WHEN r.verdict = 'INELIGIBLE' THEN r.failing_count END, r.unknown_count, r.eligible_from NULLS FIRST, r.failing_count, r.patient_pseudonym LIMIT $4`,
        [trialId, verdicts, cohort ?? null, n, sites],
      );
      return { value: { trialId, candidates: rank((await this.explainer.complete(m, rows)).map(ranked)) }, pseudonyms: rows.map((r) => r.patient_pseudonym) };
    });
  }

  @Post('screen')
  @Roles('coordinator', 'sponsor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Screen an ad-hoc patient against every active trial: a derived profile, or native patient events (patient-events.v1 without patientId/source is fine). Ranked results with traces; nothing is stored.' })
  async screen(@Body() body: ScreenDto): Promise<unknown> {
    const asOf = body.asOf ?? new Date().toISOString().slice(0, 10);
    let profile: PatientProfile;
    if (Array.isArray(body?.events)) {
      const errors = body.events.flatMap((e: unknown, i) =>
        checkMessage(TOPICS.patientEvents, { patientId: 'ad-hoc', source: 'ad-hoc', ...(e as object) }).map((v) => ({ pointer: `/events/${i}${v.pointer}`, message: v.message })),
      );
      if (errors.length > 0) throw new BadRequestException({ message: 'invalid events', errors });
      profile = buildProfile(body.events as ProfileSourceEvent[], asOf);
    } else if (body?.profile && typeof body.profile === 'object') {
      const errors = checkMessage(TOPICS.patientProfiles, { patientPseudonym: 'pt_0000000000000000', profileVersion: 1, computedAt: new Date().toISOString(), profile: body.profile });
      if (errors.length > 0) throw new BadRequestException({ message: 'invalid profile', errors: errors.map((e) => ({ ...e, pointer: e.pointer.replace(/^\/profile/, '/profile') })) });
      profile = body.profile as unknown as PatientProfile;
    } else {
      throw new BadRequestException({ message: 'nothing to screen', errors: [{ pointer: '', message: 'send { profile } or { events }' }] });
    }
    const trials = await this.catalog.activeTrials();
    return { asOf, results: rank(trials.map((t) => evaluateTrial(t, profile, asOf))) };
  }
}
