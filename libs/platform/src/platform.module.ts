import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { LoggerModule } from 'nestjs-pino';
import type { MessagingSettings } from './config/config';
import { HealthController } from './health/health.controller';
import { KafkaPublisher } from './messaging/kafka-publisher';
import { MessagePublisher } from './messaging/message-publisher';
import { MessageProcessor } from './messaging/message-processor';
import { Outbox } from './messaging/outbox';
import { OutboxRelay } from './messaging/outbox-relay';
import { MESSAGING_SETTINGS } from './messaging/tokens';
import { loggingParams } from './observability/logging';
import { MessagingMetrics, METRIC_PROVIDERS } from './observability/metrics';
import { typeOrmOptions, type PersistenceOptions } from './persistence/typeorm-options';

export type TransportOptions = { kind: 'kafka'; brokers: string[]; clientId: string } | { kind: 'in-process'; publisher: MessagePublisher };

export interface PlatformOptions {
  /** Names the process in logs and metrics. */
  service: string;
  logLevel: string;
  persistence: PersistenceOptions;
  transport: TransportOptions;
  messaging: MessagingSettings;
}

/**
 * What every service process gets: validated settings, the database with migrations, the message
 * transport, outbox and inbox, health, logs and metrics. Global, so service modules just inject.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(o: PlatformOptions): DynamicModule {
    const publisher =
      o.transport.kind === 'kafka'
        ? { provide: MessagePublisher, useFactory: () => new KafkaPublisher((o.transport as { brokers: string[] }).brokers, `${(o.transport as { clientId: string }).clientId}-${o.service}-producer`) }
        : { provide: MessagePublisher, useValue: o.transport.publisher };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggingParams(o.service, o.logLevel)),
        PrometheusModule.register({
          path: '/metrics',
          defaultLabels: { service: o.service },
          // The process metrics belong to the process: register them once even when a test runs several apps in it.
          defaultMetrics: { enabled: register.getSingleMetric('process_cpu_user_seconds_total') === undefined },
        }),
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRoot(typeOrmOptions(o.persistence)),
      ],
      controllers: [HealthController],
      providers: [
        publisher,
        { provide: MESSAGING_SETTINGS, useValue: o.messaging },
        ...METRIC_PROVIDERS,
        MessagingMetrics,
        Outbox,
        OutboxRelay,
        MessageProcessor,
      ],
      exports: [MessagePublisher, MESSAGING_SETTINGS, Outbox, OutboxRelay, MessageProcessor, MessagingMetrics],
    };
  }
}
