import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@ApiTags('notifier')
@Controller('v1')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Notifications, newest first; optionally for one patient pseudonym.' })
  @ApiQuery({ name: 'patient', required: false })
  async list(@Query('patient') patient?: string): Promise<unknown[]> {
    return await this.dataSource.query<unknown[]>(
      `SELECT notification_id AS "notificationId", patient_pseudonym AS "patientPseudonym", trial_id AS "trialId", kind, verdict,
              previous_verdict AS "previousVerdict", result_id AS "resultId", workflow_status AS "workflowStatus", created_at AS "createdAt"
         FROM notifier.notifications WHERE ($1::text IS NULL OR patient_pseudonym = $1) ORDER BY created_at DESC LIMIT 200`,
      [patient ?? null],
    );
  }
}
