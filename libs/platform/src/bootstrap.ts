import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { z } from 'zod';
import { jwtSettings } from './config/auth-config';
import { baseEnvSchema, loadConfig, messagingSettings, type BaseEnv } from './config/config';
import { connectionSecurityEnvSchema, databaseSsl, envBool, kafkaSecurity } from './config/secure-connections';
import { strictValidationPipe } from './http/validation';
import { AssignmentAwareKafkaServer, kafkaServerOptions } from './messaging/kafka-server';
import { PartitionAssignment } from './messaging/partition-assignment';
import { ConsumerLagModule } from './observability/consumer-lag';
import { httpRequestMetrics } from './observability/metrics';
import { getToken } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';
import { PlatformModule, type SecurityOptions } from './platform.module';
import { migrateDatabase } from './persistence/migrate';
import type { PersistenceOptions } from './persistence/typeorm-options';


/** Variables the distributed (Kafka) mode adds to the base set. */
export const kafkaModeEnvSchema = z.object({
  KAFKA_FROM_BEGINNING: envBool.default('true'),
  /** Partitions one instance processes at once (each in order); keep below DATABASE_POOL_SIZE. */
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * How long the group coordinator waits for a member's heartbeat before removing it (kafkajs sends one
   * every tenth of it, and between handler calls). Short, so that after a broker restart the members it
   * remembers from before are dropped quickly and the group resumes.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(10000),
  /**
   * Most bytes fetched per partition in one round trip (kafkajs's maxBytesPerPartition; 1 MiB by default
   * there). A consumer that has fallen behind takes this much per partition per round trip, so it bounds
   * how far batching can amortize a transaction when a backlog builds (about 100 of the matcher's profile
   * messages at 1 MiB).
   */
  KAFKA_MAX_BYTES_PER_PARTITION: z.coerce.number().int().min(65536).max(64 * 1048576).default(1048576),
  /**
   * The batches of several partitions that kafkajs hands over together (one fetch) go to a batch handler
   * as one call, so one transaction, of at most this many messages (a batch that would take a call past
   * it goes to another, side by side); 0: a call per partition. The default is the service's
   * (ServiceAppOptions.joinPartitionsUpTo).
   */
  KAFKA_JOIN_PARTITIONS_UP_TO: z.coerce.number().int().min(0).max(200).optional(),
  /** How often consumed offsets are committed while a fetched batch is worked through (always at its end too). */
  KAFKA_COMMIT_INTERVAL_MS: z.coerce.number().int().min(100).max(60000).default(1000),
  /** How often the consumer lag gauge is refreshed. */
  KAFKA_LAG_INTERVAL_MS: z.coerce.number().int().min(1000).default(15000),
});

export interface ServiceAppOptions {
  service: 'intake' | 'matcher' | 'notifier';
  title: string;
  env: BaseEnv & z.infer<typeof kafkaModeEnvSchema>;
  persistence: Omit<PersistenceOptions, 'url' | 'poolSize'>;
  feature: DynamicModule;
  /** Whether the service consumes anything (all three do today). */
  consumes: boolean;
  /** KAFKA_JOIN_PARTITIONS_UP_TO when it is not set. */
  joinPartitionsUpTo: number;
}

/** Builds one service as its own process: HTTP API, Kafka consumer group, outbox relay. Not yet listening. */
export async function createServiceApp(o: ServiceAppOptions): Promise<INestApplication> {
  const assignment = new PartitionAssignment('group');
  const security = kafkaSecurity(o.env);
  const root: DynamicModule = {
    module: class ServiceRoot {},
    imports: [
      PlatformModule.forRoot({
        service: o.service,
        logLevel: o.env.LOG_LEVEL,
        persistence: { ...o.persistence, url: o.env.DATABASE_URL, poolSize: o.env.DATABASE_POOL_SIZE, ssl: databaseSsl(o.env), migrateOnStart: o.env.DATABASE_MIGRATE_ON_START },
        transport: { kind: 'kafka', brokers: o.env.KAFKA_BROKERS, security, clientId: o.env.KAFKA_CLIENT_ID, groupPrefix: o.env.KAFKA_GROUP_PREFIX, assignment },
        messaging: messagingSettings(o.env),
        security: securityOptions(o.env),
      }),
      o.feature,
      ...(o.consumes
        ? [ConsumerLagModule.register({ brokers: o.env.KAFKA_BROKERS, security, clientId: `${o.env.KAFKA_CLIENT_ID}-${o.service}`, groupId: `${o.env.KAFKA_GROUP_PREFIX}${o.service}`, intervalMs: o.env.KAFKA_LAG_INTERVAL_MS })]
        : []),
    ],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  hardenHttp(app, o.env.HTTP_BODY_LIMIT);
  documentApi(app, o.title);
  if (o.consumes) {
    const options = kafkaServerOptions({
      brokers: o.env.KAFKA_BROKERS,
      clientId: `${o.env.KAFKA_CLIENT_ID}-${o.service}`,
      groupId: `${o.env.KAFKA_GROUP_PREFIX}${o.service}`,
      fromBeginning: o.env.KAFKA_FROM_BEGINNING,
      partitionsConcurrently: o.env.KAFKA_PARTITIONS_CONCURRENTLY,
      sessionTimeoutMs: o.env.KAFKA_SESSION_TIMEOUT_MS,
      commitIntervalMs: o.env.KAFKA_COMMIT_INTERVAL_MS,
      maxBytesPerPartition: o.env.KAFKA_MAX_BYTES_PER_PARTITION,
      security,
    });
    app.connectMicroservice({ strategy: new AssignmentAwareKafkaServer(options.options, assignment, o.env.KAFKA_JOIN_PARTITIONS_UP_TO ?? o.joinPartitionsUpTo) }, { inheritAppConfig: true });
  }
  return app;
}

/** Authentication, rate limits and key rotation from the validated environment. */
export function securityOptions(env: Pick<BaseEnv, 'AUTH_JWT_ISSUER' | 'AUTH_JWT_AUDIENCE' | 'AUTH_JWKS_URL' | 'AUTH_JWKS_FILE' | 'AUTH_CLOCK_TOLERANCE_SECONDS' | 'API_KEY_ROTATION_GRACE_MINUTES' | 'RATE_LIMIT_PER_MINUTE' | 'HTTP_BODY_LIMIT'>): SecurityOptions {
  return { jwt: jwtSettings(env), keyRotationGraceMinutes: env.API_KEY_ROTATION_GRACE_MINUTES, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE };
}

/**
 * Security headers (helmet), a bounded JSON body, and strict DTO validation (unknown fields rejected).
 * Errors never carry stack traces: Nest answers unexpected ones with a bare 500.
 */
export function hardenHttp(app: NestExpressApplication, bodyLimit: string): void {
  app.use(httpRequestMetrics(app.get<Histogram<'method' | 'route' | 'status'>>(getToken('trialmatch_http_request_seconds'))));
  app.use(helmet());
  app.use(singleQueryValues);
  app.useBodyParser('json', { limit: bodyLimit });
  app.useGlobalPipes(strictValidationPipe());
}

/** Every query parameter is given at most once (lists are comma-separated): a repeated one is a 400, not an array a handler does not expect. */
function singleQueryValues(req: Request, res: Response, next: NextFunction): void {
  const repeated = Object.entries(req.query ?? {}).filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (repeated.length === 0) return next();
  res.status(400).json({ message: 'invalid request', errors: repeated.map((k) => ({ pointer: `?${k}`, message: 'must be given once (lists are comma-separated)' })) });
}

/** OpenAPI at /docs (UI) and /docs-json. */
export function documentApi(app: INestApplication, title: string): void {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: "A person's JWT from the identity provider, or an API key (tmk_…)." })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (tmk_…) for machine clients.' }, 'api-key')
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, doc);
}

/** Starts consumers, then HTTP; returns the base URL. */
export async function startServiceApp(app: INestApplication, host: string, port: number): Promise<string> {
  await app.startAllMicroservices();
  await app.listen(port, host);
  return (await app.getUrl()).replace('[::1]', 'localhost');
}

/**
 * A service's `main`: validate the environment (exit 1 naming bad variables), build, listen, print where.
 */
export function runServiceMain<E extends { HTTP_HOST: string; HTTP_PORT: number }>(
  service: string,
  schema: z.ZodType<E, z.ZodTypeDef, unknown>,
  create: (env: E) => Promise<INestApplication>,
  persistence: Omit<PersistenceOptions, 'url' | 'poolSize'>,
): void {
  if (process.argv[2] === 'migrate') return runMigrateMain(service, persistence);
  const main = async (): Promise<void> => {
    const env: E = loadConfig(schema);
    const app = await create(env);
    const url = await startServiceApp(app, env.HTTP_HOST, env.HTTP_PORT);
    console.log(`${service} listening on ${url} (API docs: ${url}/docs)`);
    // Graceful shutdown: stop consuming (in-flight messages finish and their offsets are committed), stop
    // the relays and workers, close the database, then exit 0; a shutdown that hangs is cut off after 30 s.
    const shutdown = (signal: string): void => {
      console.log(`${service}: ${signal}, shutting down`);
      setTimeout(() => process.exit(1), 30000).unref();
      app.close().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e instanceof Error ? e.message : e);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  };
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

/** What `main.js migrate` needs: the database and how to reach it, nothing else of the service's configuration. */
const migrateEnvSchema = connectionSecurityEnvSchema.merge(baseEnvSchema.pick({ DATABASE_URL: true }));

/**
 * `node dist/apps/<service>/src/main.js migrate`: applies the service's pending migrations and exits
 * (0, or 1 with the error): the migration job run before a rollout (deploy/k8s), with the services
 * started with DATABASE_MIGRATE_ON_START=false.
 */
function runMigrateMain(service: string, persistence: Omit<PersistenceOptions, 'url' | 'poolSize'>): void {
  (async () => {
    const env = loadConfig(migrateEnvSchema);
    const applied = await migrateDatabase({ ...persistence, url: env.DATABASE_URL, ssl: databaseSsl(env) });
    console.log(applied.length === 0 ? `${service}: database schema is current` : `${service}: applied ${applied.length} migration(s): ${applied.join(', ')}`);
  })().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`${service}: migration failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
