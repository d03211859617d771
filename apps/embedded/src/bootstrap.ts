import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { documentApi, hardenHttp, InProcessBroker, InProcessTransport, PlatformModule } from '@trialmatch/platform';
import { demoLoginController, DemoIdentity } from './demo-identity';
import { IngestPatientEvent } from '../../intake/src/application/ingest-patient-event';
import { INTAKE_PERSISTENCE, IntakeModule } from '../../intake/src/intake.module';
import { RegisterTrial } from '../../matcher/src/application/register-trial';
import { matcherSettings } from '../../matcher/src/config';
import { notifierSettings } from '../../notifier/src/config';
import { MATCHER_PERSISTENCE, MatcherModule } from '../../matcher/src/matcher.module';
import { NOTIFIER_PERSISTENCE, NotifierModule } from '../../notifier/src/notifier.module';
import type { EmbeddedEnv } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './pglite-server';
import { seed } from './seed';

export interface EmbeddedSystem {
  app: INestApplication;
  broker: InProcessBroker;
  url: string;
  stop(): Promise<void>;
}

/** A secret given in the environment, or one created once and kept in DATA_DIR (so pseudonyms stay stable). */
function secret(given: string | undefined, dataDir: string, name: string): string {
  if (given) return given;
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The coordinator and sponsor web app at / (static files; the API it calls needs sign-in). */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  if (existsSync(join(dir, 'index.html'))) {
    app.useStaticAssets(dir, { index: 'index.html' });
    return;
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== '/') return next();
    res.type('text/plain').send(`The web app is not built (${dir}): run \`npm run build:web\` (\`npm start\` does it first). The API is at /v1, its documentation at /docs.\n`);
  });
}

/**
 * All three services in one process: one PGlite database (one connection), the in-process broker in
 * place of Kafka, the seed catalog and demo patients loaded, the API on localhost.
 */
export async function startEmbedded(env: EmbeddedEnv): Promise<EmbeddedSystem> {
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const db: EmbeddedDatabase = await startEmbeddedDatabase(join(dataDir, 'pgdata'));
  // Dead letters kept in DATA_DIR: nothing a consumer gave up on is lost with the process.
  const broker = new InProcessBroker(1000, join(dataDir, 'dead-letters.jsonl'));
  let app: NestExpressApplication | null = null;
  try {
    const identity = await DemoIdentity.open(dataDir);
    app = await NestFactory.create<NestExpressApplication>(
      {
        module: class EmbeddedRoot {},
        controllers: [demoLoginController(identity)],
        imports: [
          PlatformModule.forRoot({
            service: 'embedded',
            logLevel: env.LOG_LEVEL,
            persistence: {
              url: db.url,
              poolSize: 1,
              entities: [...INTAKE_PERSISTENCE.entities, ...MATCHER_PERSISTENCE.entities, ...NOTIFIER_PERSISTENCE.entities],
              migrations: [...INTAKE_PERSISTENCE.migrations, ...MATCHER_PERSISTENCE.migrations, ...NOTIFIER_PERSISTENCE.migrations],
            },
            transport: { kind: 'in-process', publisher: broker },
            messaging: { maxAttempts: 5, retryBackoffMs: 100, outboxPollMs: 250, outboxBatchSize: 100, outboxHandOff: true, outboxLeaseSeconds: 30, outboxMarkDelayMs: 100, outboxRetentionHours: 168, inboxRetentionHours: 720 },
            security: { jwt: identity.settings, keyRotationGraceMinutes: env.API_KEY_ROTATION_GRACE_MINUTES, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE },
          }),
          IntakeModule.register({ pseudonymKey: secret(env.PSEUDONYM_KEY, dataDir, 'pseudonym.key'), profileSealKey: secret(undefined, dataDir, 'profile-seal.key') }),
          MatcherModule.register(matcherSettings(env, secret(undefined, dataDir, 'profile-seal.key'))),
          NotifierModule.register(notifierSettings(env, secret(undefined, dataDir, 'webhook-secret.key'))),
        ],
      },
      { bufferLogs: true, abortOnError: false },
    );
    app.useLogger(app.get(Logger));
    hardenHttp(app, env.HTTP_BODY_LIMIT);
    serveWebApp(app, resolve(env.WEB_DIR));
    documentApi(app, 'RRMM trial matching (embedded)');
    app.connectMicroservice({ strategy: new InProcessTransport(broker) });
    await app.startAllMicroservices();
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
    if (env.SEED_DIR) {
      await seed(resolve(env.SEED_DIR), app.get<DataSource>(getDataSourceToken()), app.get(RegisterTrial), app.get(IngestPatientEvent), dataDir);
    }
    const url = (await app.getUrl()).replace('[::1]', 'localhost');
    const running = app;
    return {
      app: running,
      broker,
      url,
      async stop() {
        await running.close();
        await db.stop();
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    throw e;
  }
}
