import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { LoggerModule } from 'nestjs-pino';
import type { MessagingSettings } from './config/config';
import type { KafkaSecurity } from './config/secure-connections';
import { HealthController } from './health/health.controller';
import { Broadcasts, InProcessBroadcasts, KafkaBroadcasts } from './messaging/broadcasts';
import type { InProcessBroker } from './messaging/in-process-broker';
import { KafkaPublisher } from './messaging/kafka-publisher';
import { PartitionAssignment } from './messaging/partition-assignment';
import { MessagePublisher } from './messaging/message-publisher';
import { MessageProcessor } from './messaging/message-processor';
import { Outbox } from './messaging/outbox';
import { OutboxRelay } from './messaging/outbox-relay';
import { MessagingRetention } from './messaging/retention';
import { MESSAGING_SETTINGS } from './messaging/tokens';
import { loggingParams } from './observability/logging';
import { AssignmentMetrics, MessagingMetrics, METRIC_PROVIDERS } from './observability/metrics';
import { typeOrmOptions, type PersistenceOptions } from './persistence/typeorm-options';
import { ApiKeys } from './security/api-keys';
import { AuditTrail, SERVICE_NAME } from './security/audit-trail';
import { AuthGuard } from './security/auth.guard';
import { Public } from './security/decorators';
import { JwtVerifier, type JwtSettings } from './security/jwt-verifier';
import { AddressThrottlerGuard } from './security/throttling';
import { ApiKeysController, AuditController, SECURITY_SETTINGS, type SecuritySettings } from './security/security.controller';

/** Prometheus scrapes without credentials (keep /metrics on the internal network). */
@Public()
class MetricsController extends PrometheusController {}

export interface SecurityOptions extends SecuritySettings {
  /** People's bearer tokens; null: only API keys are accepted. */
  jwt: JwtSettings | null;
  /** Requests per minute per client address. */
  rateLimitPerMinute: number;
}

export type TransportOptions =
  | { kind: 'kafka'; brokers: string[]; security?: KafkaSecurity; clientId: string; groupPrefix: string; assignment: PartitionAssignment }
  | { kind: 'in-process'; publisher: InProcessBroker };

export interface PlatformOptions {
  /** Names the process in logs and metrics. */
  service: string;
  logLevel: string;
  persistence: PersistenceOptions;
  transport: TransportOptions;
  messaging: MessagingSettings;
  security: SecurityOptions;
}

/**
 * What every service process gets: validated settings, the database with migrations, the message
 * transport, outbox and inbox, health, logs and metrics. Global, so service modules just inject.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(o: PlatformOptions): DynamicModule {
    const t = o.transport;
    const transport =
      t.kind === 'kafka'
        ? [
            { provide: MessagePublisher, useFactory: () => new KafkaPublisher(t.brokers, `${t.clientId}-${o.service}-producer`, t.security) },
            { provide: Broadcasts, useFactory: () => new KafkaBroadcasts({ brokers: t.brokers, security: t.security, clientId: t.clientId, groupPrefix: t.groupPrefix, service: o.service }) },
            { provide: PartitionAssignment, useValue: t.assignment },
          ]
        : [
            { provide: MessagePublisher, useValue: t.publisher },
            { provide: Broadcasts, useFactory: () => new InProcessBroadcasts(t.publisher) },
            { provide: PartitionAssignment, useValue: new PartitionAssignment('all') },
          ];
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggingParams(o.service, o.logLevel)),
        PrometheusModule.register({
          path: '/metrics',
          controller: MetricsController,
          defaultLabels: { service: o.service },
          // The process metrics belong to the process: register them once even when a test runs several apps in it.
          defaultMetrics: { enabled: register.getSingleMetric('process_cpu_user_seconds_total') === undefined },
        }),
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRoot(typeOrmOptions(o.persistence)),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: o.security.rateLimitPerMinute }] }),
      ],
      controllers: [HealthController, ApiKeysController, AuditController],
      providers: [
        { provide: SERVICE_NAME, useValue: o.service },
        { provide: SECURITY_SETTINGS, useValue: { keyRotationGraceMinutes: o.security.keyRotationGraceMinutes } },
        ...(o.security.jwt ? [{ provide: JwtVerifier, useValue: new JwtVerifier(o.security.jwt) }] : []),
        ApiKeys,
        AuditTrail,
        // Order matters: how often first (so guessing credentials is limited too), then who is calling.
        { provide: APP_GUARD, useClass: AddressThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        ...transport,
        { provide: MESSAGING_SETTINGS, useValue: o.messaging },
        ...METRIC_PROVIDERS,
        MessagingMetrics,
        AssignmentMetrics,
        Outbox,
        OutboxRelay,
        MessagingRetention,
        MessageProcessor,
      ],
      exports: [ApiKeys, AuditTrail, SERVICE_NAME, MessagePublisher, Broadcasts, PartitionAssignment, MESSAGING_SETTINGS, Outbox, OutboxRelay, MessagingRetention, MessageProcessor, MessagingMetrics],
    };
  }
}
