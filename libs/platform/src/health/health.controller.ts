import { Controller, Get } from '@nestjs/common';
import { Public } from '../security/decorators';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MessagePublisher } from '../messaging/message-publisher';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly publisher: MessagePublisher,
  ) {}

  /** The process is up. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The database and the message transport answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const indicator = this.indicators.check('messaging');
        try {
          await Promise.race([
            this.publisher.check(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000).unref()),
          ]);
          return indicator.up({ transport: this.publisher.transportName });
        } catch (e) {
          return indicator.down({ transport: this.publisher.transportName, error: e instanceof Error ? e.message : String(e) });
        }
      },
    ]);
  }
}
