import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { z } from 'zod';
import { loadConfig, messagingSettings, type BaseEnv } from './config/config';
import { AssignmentAwareKafkaServer, kafkaServerOptions } from './messaging/kafka-server';
import { PartitionAssignment } from './messaging/partition-assignment';
import { ConsumerLagModule } from './observability/consumer-lag';
import { PlatformModule } from './platform.module';
import type { PersistenceOptions } from './persistence/typeorm-options';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Variables the distributed (Kafka) mode adds to the base set. */
export const kafkaModeEnvSchema = z.object({
  KAFKA_FROM_BEGINNING: bool.default('true'),
  /** Partitions one instance processes at once (each in order); keep below DATABASE_POOL_SIZE. */
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(4),
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
}

/** Builds one service as its own process: HTTP API, Kafka consumer group, outbox relay. Not yet listening. */
export async function createServiceApp(o: ServiceAppOptions): Promise<INestApplication> {
  const assignment = new PartitionAssignment('group');
  const root: DynamicModule = {
    module: class ServiceRoot {},
    imports: [
      PlatformModule.forRoot({
        service: o.service,
        logLevel: o.env.LOG_LEVEL,
        persistence: { ...o.persistence, url: o.env.DATABASE_URL, poolSize: o.env.DATABASE_POOL_SIZE },
        transport: { kind: 'kafka', brokers: o.env.KAFKA_BROKERS, clientId: o.env.KAFKA_CLIENT_ID, groupPrefix: o.env.KAFKA_GROUP_PREFIX, assignment },
        messaging: messagingSettings(o.env),
      }),
      o.feature,
      ...(o.consumes
        ? [ConsumerLagModule.register({ brokers: o.env.KAFKA_BROKERS, clientId: `${o.env.KAFKA_CLIENT_ID}-${o.service}`, groupId: `${o.env.KAFKA_GROUP_PREFIX}${o.service}`, intervalMs: o.env.KAFKA_LAG_INTERVAL_MS })]
        : []),
    ],
  };
  const app = await NestFactory.create(root, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  documentApi(app, o.title);
  if (o.consumes) {
    const options = kafkaServerOptions({
      brokers: o.env.KAFKA_BROKERS,
      clientId: `${o.env.KAFKA_CLIENT_ID}-${o.service}`,
      groupId: `${o.env.KAFKA_GROUP_PREFIX}${o.service}`,
      fromBeginning: o.env.KAFKA_FROM_BEGINNING,
      partitionsConcurrently: o.env.KAFKA_PARTITIONS_CONCURRENTLY,
    });
    app.connectMicroservice({ strategy: new AssignmentAwareKafkaServer(options.options, assignment) }, { inheritAppConfig: true });
  }
  return app;
}

/** OpenAPI at /docs (UI) and /docs-json. */
export function documentApi(app: INestApplication, title: string): void {
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(title).setVersion('1').build());
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
): void {
  const main = async (): Promise<void> => {
    const env: E = loadConfig(schema);
    const app = await create(env);
    const url = await startServiceApp(app, env.HTTP_HOST, env.HTTP_PORT);
    console.log(`${service} listening on ${url} (API docs: ${url}/docs)`);
  };
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
