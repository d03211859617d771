import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Bundle } from 'fhir/r4';
import { randomUUID } from 'node:crypto';
import { HEADERS } from '@trialmatch/contracts';
import { Caller, requireFacility, Roles, type Principal } from '@trialmatch/platform';
import { SubmitEvents, type BatchOutcome, type EventOutcome } from '../application/submit-events';
import { PatientEventDto } from './patient-event.dto';

const MAX_BATCH = 1000;
const FHIR_BUNDLE_TYPES = ['transaction', 'batch', 'collection'];

/** 202 when every event was stored (or already was); 400 when any was rejected; 409 when any reused an id for different content. */
function statusOf(outcome: BatchOutcome): number {
  return outcome.counts.rejected > 0 ? 400 : outcome.counts.conflict > 0 ? 409 : 202;
}

/** A feed sends events of its own facility only: any event naming another source refuses the whole request (403; nothing stored). */
function requireOwnSources(caller: Principal, items: unknown[]): void {
  for (const item of items) {
    const source = item && typeof item === 'object' ? (item as { source?: unknown }).source : undefined;
    if (typeof source === 'string') requireFacility(caller, source);
  }
}

@ApiTags('intake')
@ApiBearerAuth()
@Roles('feed')
@ApiHeader({ name: HEADERS.correlationId, required: false, description: 'Carried to every message this request causes.' })
@Controller('v1')
export class EventsController {
  constructor(private readonly events: SubmitEvents) {}

  @Post('events')
  @ApiOperation({
    summary: 'Submit native patient events: one event, a JSON array, or { "events": [...] } (at most 1000). Idempotent on eventId.',
    description:
      'Each event is validated and stored on its own, with a per-event outcome: accepted, duplicate (already stored, same content), conflict (id already used for different content: recorded, not applied) or rejected (with every field error as JSON pointer and reason). Good events in a batch are stored even when others are rejected. Status: 202 when nothing was rejected or conflicting, else 400 (any rejected) or 409 (any conflict); the body lists every outcome either way.',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: '#/components/schemas/PatientEventDto' }, { type: 'array', items: { $ref: '#/components/schemas/PatientEventDto' } }] } })
  @ApiResponse({ status: 202, description: 'All events stored.' })
  @ApiResponse({ status: 400, description: 'Some events rejected (others may be stored: see results).' })
  async submitMany(@Caller() caller: Principal, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @Headers(HEADERS.correlationId) correlationId?: string): Promise<BatchOutcome> {
    const items = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events : [body];
    if (items.length === 0) throw new BadRequestException({ message: 'no events', errors: [{ pointer: '', message: 'must contain at least one event' }] });
    if (items.length > MAX_BATCH) throw new BadRequestException({ message: 'batch too large', errors: [{ pointer: '', message: `at most ${MAX_BATCH} events per request` }] });
    requireOwnSources(caller, items);
    const outcome = await this.events.submit(items, correlationId ?? randomUUID(), 'http');
    res.status(statusOf(outcome));
    return outcome;
  }

  @Post('patient-events')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit one native patient event; answers its outcome alone (otherwise as POST /v1/events).' })
  @ApiBody({ type: PatientEventDto })
  async submitOne(@Caller() caller: Principal, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @Headers(HEADERS.correlationId) correlationId?: string): Promise<EventOutcome> {
    requireOwnSources(caller, [body]);
    const outcome = await this.events.submit([body], correlationId ?? randomUUID(), 'http');
    res.status(statusOf(outcome));
    return outcome.results[0]!;
  }

  @Post('fhir')
  @ApiOperation({
    summary: 'Submit a FHIR R4 Bundle (transaction, batch or collection) from one source.',
    description:
      'Patient, Condition, Medication{Statement,Administration,Request}, Observation and Procedure resources are mapped to native events (see docs/fhir-mapping.md); resources that cannot be mapped are listed under `unmapped` with the reason. Event ids are `<source>|<resourceType>/<id>`. Same outcomes and statuses as POST /v1/events.',
  })
  @ApiQuery({ name: 'source', required: true, description: 'The sending facility or system; with Patient.id it identifies the patient.' })
  @ApiBody({ schema: { type: 'object', required: ['resourceType', 'type'], properties: { resourceType: { type: 'string', enum: ['Bundle'] }, type: { enum: FHIR_BUNDLE_TYPES }, entry: { type: 'array' } } } })
  async submitFhir(@Caller() caller: Principal, @Body() body: unknown, @Query('source') source: unknown, @Res({ passthrough: true }) res: Response, @Headers(HEADERS.correlationId) correlationId?: string): Promise<BatchOutcome> {
    const errors = [];
    const b = body as Partial<Bundle> | null;
    if (typeof source !== 'string' || source.trim() === '' || source.length > 64) errors.push({ pointer: '?source', message: 'is required once (the sending facility, at most 64 characters)' });
    if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle') errors.push({ pointer: '/resourceType', message: 'must be Bundle' });
    else if (!FHIR_BUNDLE_TYPES.includes(String(b.type))) errors.push({ pointer: '/type', message: `must be one of ${FHIR_BUNDLE_TYPES.join(', ')}` });
    else if (b.entry !== undefined && !Array.isArray(b.entry)) errors.push({ pointer: '/entry', message: 'must be an array' });
    else (b.entry ?? []).forEach((e: unknown, i) => {
      if (!e || typeof e !== 'object' || Array.isArray(e)) errors.push({ pointer: `/entry/${i}`, message: 'must be an object' });
      else if ((e as { resource?: unknown }).resource !== undefined && (typeof (e as { resource?: unknown }).resource !== 'object' || (e as { resource?: unknown }).resource === null)) errors.push({ pointer: `/entry/${i}/resource`, message: 'must be an object' });
    });
    if (errors.length > 0) throw new BadRequestException({ message: 'invalid FHIR Bundle', errors });
    requireFacility(caller, (source as string).trim());
    const outcome = await this.events.submitFhir(b as Bundle, (source as string).trim(), correlationId ?? randomUUID());
    res.status(statusOf(outcome));
    return outcome;
  }
}
