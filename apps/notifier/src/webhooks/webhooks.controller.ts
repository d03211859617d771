import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@trialmatch/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { WebhookDeliveries } from './deliveries';

const SUBSCRIPTION_COLUMNS = `id, url, site, trial_id AS "trialId", active, created_at AS "createdAt"`;

/** Webhook subscriptions for hospital and sponsor systems, their delivery log, and manual redelivery. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to the notifications of a site and/or a trial (neither: all). The answer carries the signing secret (generated when not given); later reads never show it.' })
  @ApiBody({ schema: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' }, secret: { type: 'string', minLength: 16 }, site: { type: 'string' }, trialId: { type: 'string' } } } })
  async subscribe(@Body() body: { url?: unknown; secret?: unknown; site?: unknown; trialId?: unknown }): Promise<unknown> {
    const errors: Array<{ pointer: string; message: string }> = Object.keys(body && typeof body === 'object' ? body : {})
      .filter((k) => !['url', 'secret', 'site', 'trialId'].includes(k))
      .map((k) => ({ pointer: `/${k}`, message: 'is not a known field' }));
    let url: URL | null = null;
    try {
      url = typeof body?.url === 'string' ? new URL(body.url) : null;
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) errors.push({ pointer: '/url', message: 'must be an http or https URL' });
    if (body?.secret !== undefined && (typeof body.secret !== 'string' || body.secret.length < 16)) errors.push({ pointer: '/secret', message: 'must be at least 16 characters' });
    if (body?.site !== undefined && (typeof body.site !== 'string' || body.site === '')) errors.push({ pointer: '/site', message: 'must be a site name' });
    if (body?.trialId !== undefined && (typeof body.trialId !== 'string' || !/^NCT\d{8}$/.test(body.trialId))) errors.push({ pointer: '/trialId', message: 'must be an NCT number' });
    if (errors.length > 0) throw new BadRequestException({ message: 'invalid subscription', errors });
    const secret = (body.secret as string | undefined) ?? randomBytes(32).toString('hex');
    const [row] = await this.dataSource.query<unknown[]>(
      `INSERT INTO notifier.webhook_subscriptions (id, url, secret, site, trial_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [randomUUID(), url!.toString(), this.deliveries.sealSecret(secret), body.site ?? null, body.trialId ?? null],
    );
    return { ...(row as object), secret };
  }

  @Get()
  @ApiOperation({ summary: 'Subscriptions (without their secrets).' })
  list(): Promise<unknown[]> {
    return this.dataSource.query<unknown[]>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM notifier.webhook_subscriptions ORDER BY created_at`);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop a subscription (its delivery log is kept; pending deliveries still go out).' })
  async unsubscribe(@Param('id') id: string): Promise<void> {
    const rows = await this.dataSource.query<unknown[]>(`WITH s AS (UPDATE notifier.webhook_subscriptions SET active = false WHERE id::text = $1 RETURNING id) SELECT * FROM s`, [id]);
    if (rows.length === 0) throw new NotFoundException({ message: 'no such subscription' });
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of a subscription, newest first: status (pending, succeeded, dead), attempts, last HTTP status or error.' })
  @ApiQuery({ name: 'status', required: false })
  async log(@Param('id') id: string, @Query('status') status?: string): Promise<unknown[]> {
    const [known] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM notifier.webhook_subscriptions WHERE id::text = $1`, [id]);
    if (!known) throw new NotFoundException({ message: 'no such subscription' });
    return this.dataSource.query<unknown[]>(
      `SELECT id::text AS id, notification_id AS "notificationId", status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              next_attempt_at AS "nextAttemptAt", created_at AS "createdAt", delivered_at AS "deliveredAt"
       FROM notifier.webhook_deliveries WHERE subscription_id::text = $1 AND ($2::text IS NULL OR status = $2) ORDER BY id DESC LIMIT 500`,
      [id, status ?? null],
    );
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver again (a dead delivery, or one the receiver lost): pending now, with a fresh attempt count.' })
  async redeliver(@Param('deliveryId') deliveryId: string): Promise<{ id: string; status: 'pending' }> {
    if (!(await this.deliveries.redeliver(deliveryId))) throw new NotFoundException({ message: 'no such delivery' });
    return { id: deliveryId, status: 'pending' };
  }
}
