import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditTrail, Caller, mayReadSite, Purpose, Roles, siteScope, type Principal } from '@trialmatch/platform';
import { Digests } from '../application/digests';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What coordinators read: notifications and digests of their sites (audited, one row per patient). */
@ApiTags('notifier')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('v1')
export class NotificationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly digests: Digests,
    private readonly audit: AuditTrail,
  ) {}

  @Get('digests/:site')
  @ApiOperation({ summary: "A site's daily digest (UTC day; default today, so far): new eligible, new potential, eligible-from within seven days. Finished days are also published on site-digests.v1." })
  @ApiQuery({ name: 'day', required: false, description: 'YYYY-MM-DD' })
  async digest(@Caller() caller: Principal, @Purpose() purpose: string | null, @Param('site') site: string, @Query('day') day?: string): Promise<unknown> {
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new BadRequestException({ message: 'invalid day', errors: [{ pointer: '?day', message: 'must be YYYY-MM-DD' }] });
    if (!mayReadSite(caller, site)) throw new NotFoundException({ message: 'no such site' });
    return this.audit.read(caller, 'read-digest', purpose, async (m) => {
      const digest = await this.digests.build(site, day ?? new Date().toISOString().slice(0, 10), m);
      return { value: digest, pseudonyms: [...digest.newEligible, ...digest.newPotential, ...digest.eligibleFromThisWeek].map((i) => i.patientPseudonym) };
    });
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Notifications, newest first (at most 200); optionally for one patient pseudonym or one site.' })
  @ApiQuery({ name: 'patient', required: false })
  @ApiQuery({ name: 'site', required: false })
  async list(@Caller() caller: Principal, @Purpose() purpose: string | null, @Query('patient') patient?: string, @Query('site') site?: string): Promise<unknown[]> {
    const sites = siteScope(caller, site ? [site] : null);
    return this.audit.read(caller, 'read-notifications', purpose, async (m) => {
      const rows = await m.query<Array<{ patientPseudonym: string }>>(
      `SELECT notification_id AS "notificationId", patient_pseudonym AS "patientPseudonym", site, trial_id AS "trialId", nullif(cohort_id, '') AS "cohortId", kind, verdict,
              previous_verdict AS "previousVerdict", eligible_from::text AS "eligibleFrom", eligible_from_month AS "eligibleFromMonth", to_collect AS "toCollect", reasons,
              result_id AS "resultId", workflow_status AS "workflowStatus", created_at AS "createdAt"
         FROM notifier.notifications WHERE ($1::text IS NULL OR patient_pseudonym = $1) AND ($2::text[] IS NULL OR site = ANY($2)) ORDER BY created_at DESC LIMIT 200`,
        [patient ?? null, sites],
      );
      return { value: rows, pseudonyms: rows.map((r) => r.patientPseudonym) };
    });
  }
}
