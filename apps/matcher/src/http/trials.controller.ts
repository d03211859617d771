import { BadRequestException, Body, Controller, Get, Headers, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkMessage, HEADERS, TOPICS, type TrialCriteriaV1 } from '@trialmatch/contracts';
import { InvalidCriteriaError } from '@trialmatch/core';
import { RegisterTrial, type TrialDraft } from '../application/register-trial';

@ApiTags('matcher')
@Controller('v1')
export class TrialsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: RegisterTrial,
  ) {}

  @Post('trials')
  @ApiOperation({ summary: 'Publish a trial or a new version of it (the version number is assigned). Re-screens every patient.' })
  async publish(@Body() body: unknown, @Headers(HEADERS.correlationId) correlationId?: string): Promise<TrialCriteriaV1> {
    const violations = checkMessage(TOPICS.trialCriteria, { ...(body as object), version: 1 });
    if (violations.length > 0) throw new BadRequestException({ message: 'invalid trial document', errors: violations });
    try {
      return await this.register.execute(body as TrialDraft, correlationId ?? randomUUID());
    } catch (e) {
      if (e instanceof InvalidCriteriaError) throw new BadRequestException({ message: 'invalid criteria', errors: e.problems });
      throw e;
    }
  }

  @Get('trials/:trialId')
  @ApiOperation({ summary: 'The latest version of a trial.' })
  async latest(@Param('trialId') trialId: string): Promise<unknown> {
    const [row] = await this.dataSource.query<Array<{ document: unknown }>>(
      `SELECT document FROM matcher.trial_versions WHERE trial_id = $1 ORDER BY version DESC LIMIT 1`,
      [trialId],
    );
    if (!row) throw new NotFoundException({ message: `no trial ${trialId}` });
    return row.document;
  }

  @Get('patients/:pseudonym/matches')
  @ApiOperation({ summary: "A patient's current results for the latest version of each trial, with the per-criterion trace." })
  async matches(@Param('pseudonym') pseudonym: string): Promise<unknown[]> {
    const rows = await this.dataSource.query<Array<{ result: unknown }>>(
      `SELECT DISTINCT ON (trial_id) result FROM matcher.match_results WHERE patient_pseudonym = $1 ORDER BY trial_id, criteria_version DESC`,
      [pseudonym],
    );
    return rows.map((r) => r.result);
  }
}
