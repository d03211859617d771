import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, validateSync } from 'class-validator';
import { patientEventV1Schema } from '@trialmatch/contracts';
import { fieldErrors, type FieldError } from '@trialmatch/platform';

const EVENT_TYPES = (patientEventV1Schema as { properties: { type: { enum: string[] } } }).properties.type.enum;

/**
 * The envelope of a native patient event (patient-events.v1), as a class-validator DTO: the first gate for
 * HTTP input. The per-type `data` shapes are then checked against the published JSON Schema.
 */
export class PatientEventDto {
  @ApiProperty({ maxLength: 128, description: 'Unique per event; resending the same event is harmless.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  eventId!: string;

  @ApiProperty({ maxLength: 128, description: "The sender's patient identifier (e.g. MRN). Replaced by a pseudonym; never leaves intake." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  patientId!: string;

  @ApiProperty({ maxLength: 128, description: 'Sending system or facility; with patientId it identifies the patient.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  source!: string;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES)
  type!: string;

  @ApiProperty({ description: 'When the fact happened clinically: YYYY-MM-DD or an ISO 8601 date-time.' })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiPropertyOptional({ description: 'When the sending system recorded it (ISO 8601 date-time).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedAt?: string;

  @ApiPropertyOptional({ maxLength: 128, description: 'A correction: the id of the earlier event this one revises (the id of its first version). The profile reads only the latest revision; a `retraction` withdraws it. Nothing stored is changed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  supersedes?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: -1000000, maximum: 4000000000, description: 'The order of the revisions of one event (higher is later): default 0 for an event that supersedes nothing, 1 for a correction.' })
  @IsOptional()
  @IsInt()
  @Min(-1000000)
  @Max(4000000000)
  revision?: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Depends on type: see the patient-events.v1 JSON Schema.' })
  @IsObject()
  data!: Record<string, unknown>;
}

export type { FieldError } from '@trialmatch/platform';

/** The envelope's problems, each with its JSON pointer; unknown top-level fields are rejected. */
export function envelopeErrors(value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ pointer: '', message: 'must be a JSON object' }];
  const dto = plainToInstance(PatientEventDto, value);
  return fieldErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } }));
}
