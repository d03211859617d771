import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeys, apiKeyProblems, type ApiKeyView, type IssuedApiKey } from './api-keys';
import { AuditTrail, type AuditRow, type AuditVerification } from './audit-trail';
import { Roles } from './decorators';
import { CreateApiKeyDto } from './dto';
import { LimitPipe } from '../http/validation';

export const SECURITY_SETTINGS = Symbol('SECURITY_SETTINGS');

export interface SecuritySettings {
  /** How long a rotated key's previous secret keeps working. */
  keyRotationGraceMinutes: number;
}

/** API keys of this service (admin). Keys are per service: each verifies the keys in its own database. */
@ApiTags('security')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeys,
    @Inject(SECURITY_SETTINGS) private readonly settings: SecuritySettings,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for a machine client. The answer carries the key once; only its hash is kept.' })
  async create(@Body() body: CreateApiKeyDto): Promise<IssuedApiKey> {
    const problems = apiKeyProblems(body);
    if (problems.length > 0) throw new BadRequestException({ message: 'invalid API key request', errors: problems });
    return this.keys.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every key of this service (never the secrets).' })
  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new secret for a key; the previous one keeps working for the grace period (API_KEY_ROTATION_GRACE_MINUTES).' })
  async rotate(@Param('id') id: string): Promise<IssuedApiKey> {
    const key = await this.keys.rotate(id, this.settings.keyRotationGraceMinutes);
    if (!key) throw new NotFoundException({ message: 'no such active key' });
    return key;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key at once (kept for the record).' })
  async revoke(@Param('id') id: string): Promise<void> {
    if (!(await this.keys.revoke(id))) throw new NotFoundException({ message: 'no such key' });
  }
}

/** The audit log of access to patient data (admin): read it, verify its hash chain. */
@ApiTags('security')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'Audit rows, newest first (at most 1000), optionally for one patient pseudonym.' })
  @ApiQuery({ name: 'patient', required: false })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } })
  list(@Query('patient') patient?: string, @Query('limit', new LimitPipe(200, 1000)) limit = 200): Promise<AuditRow[]> {
    return this.audit.list({ pseudonym: patient, limit });
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain: valid, rows checked, the head (keep it elsewhere), and the first row that does not verify.' })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
