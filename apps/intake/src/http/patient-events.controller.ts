import { BadRequestException, Body, ConflictException, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkMessage, HEADERS, patientEventV1Schema, TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { OutboxRelay } from '@trialmatch/platform';
import { EventIdConflictError, IngestPatientEvent, type IngestResult } from '../application/ingest-patient-event';

@ApiTags('intake')
@Controller('v1')
export class PatientEventsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestPatientEvent,
    private readonly relay: OutboxRelay,
  ) {}

  @Post('patient-events')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit one patient event (native JSON, patient-events.v1). Idempotent on eventId.' })
  @ApiBody({ schema: patientEventV1Schema as object })
  async submit(@Body() body: unknown, @Headers(HEADERS.correlationId) correlationId?: string): Promise<IngestResult> {
    const violations = checkMessage(TOPICS.patientEvents, body);
    if (violations.length > 0) throw new BadRequestException({ message: 'invalid patient event', errors: violations });
    const event = body as PatientEventV1;
    try {
      const result = await this.dataSource.transaction((m) => this.ingest.execute(m, event, correlationId ?? randomUUID()));
      this.relay.wake();
      return result;
    } catch (e) {
      if (e instanceof EventIdConflictError) throw new ConflictException({ message: e.message, errors: [{ pointer: '/eventId', message: 'already used for different content' }] });
      throw e;
    }
  }

  @Get('patients/:pseudonym/profile')
  @ApiOperation({ summary: "A patient's current normalized profile, by pseudonym." })
  async profile(@Param('pseudonym') pseudonym: string): Promise<{ patientPseudonym: string; version: number; profile: unknown; updatedAt: Date }> {
    const [row] = await this.dataSource.query<Array<{ version: number; profile: unknown; updated_at: Date }>>(
      `SELECT version, profile, updated_at FROM intake.patient_profiles WHERE patient_pseudonym = $1 AND version > 0`,
      [pseudonym],
    );
    if (!row) throw new NotFoundException({ message: 'no profile for this pseudonym' });
    return { patientPseudonym: pseudonym, version: row.version, profile: row.profile, updatedAt: row.updated_at };
  }
}
