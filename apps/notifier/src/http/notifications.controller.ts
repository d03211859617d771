import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { Digests } from '../application/digests';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@ApiTags('notifier')
@Controller('v1')
export class NotificationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly digests: Digests,
  ) {}

  @Get('digests/:site')
  @ApiOperation({ summary: "A site's daily digest (UTC day; default today, so far): new eligible, new potential, eligible-from within seven days. Finished days are also published on site-digests.v1." })
  @ApiQuery({ name: 'day', required: false, description: 'YYYY-MM-DD' })
  async digest(@Param('site') site: string, @Query('day') day?: string): Promise<unknown> {
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new BadRequestException({ message: 'invalid day', errors: [{ pointer: '?day', message: 'must be YYYY-MM-DD' }] });
    return this.digests.build(site, day ?? new Date().toISOString().slice(0, 10));
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Notifications, newest first (at most 200); optionally for one patient pseudonym or one site.' })
  @ApiQuery({ name: 'patient', required: false })
  @ApiQuery({ name: 'site', required: false })
  async list(@Query('patient') patient?: string, @Query('site') site?: string): Promise<unknown[]> {
    return await this.dataSource.query<unknown[]>(
      `SELECT notification_id AS "notificationId", patient_pseudonym AS "patientPseudonym", site, trial_id AS "trialId", nullif(cohort_id, '') AS "cohortId", kind, verdict,
              previous_verdict AS "previousVerdict", eligible_from::text AS "eligibleFrom", to_collect AS "toCollect", reasons,
              result_id AS "resultId", workflow_status AS "workflowStatus", created_at AS "createdAt"
         FROM notifier.notifications WHERE ($1::text IS NULL OR patient_pseudonym = $1) AND ($2::text IS NULL OR site = $2) ORDER BY created_at DESC LIMIT 200`,
      [patient ?? null, site ?? null],
    );
  }
}
