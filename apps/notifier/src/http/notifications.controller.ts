import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@ApiTags('notifier')
@Controller('v1')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
