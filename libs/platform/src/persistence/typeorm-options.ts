import type { DatabaseTls } from '../config/secure-connections';
import type { DataSourceOptions } from 'typeorm';
import { MESSAGING_ENTITIES } from './messaging.entities';
import { Messaging1764400000000 } from './migrations/1764400000000-messaging';
import { MessagingRetention1764400017000 } from './migrations/1764400017000-messaging-retention';
import { OutboxVacuum1764400007000 } from './migrations/1764400007000-outbox-vacuum';
import { Security1764400012000 } from './migrations/1764400012000-security';

export interface PersistenceOptions {
  url: string;
  poolSize: number;
  /** node-postgres TLS options (false: plain TCP). */
  ssl?: DatabaseTls;
  entities: Function[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  /** Apply pending migrations when the service starts (default); false when a migration job does it (`node …/main.js migrate`). */
  migrateOnStart?: boolean;
}

/**
 * TypeORM options for a service: its own entities plus the outbox/inbox, migrations run at start-up
 * unless a migration job runs them (DATABASE_MIGRATE_ON_START=false), never `synchronize`.
 */
export function typeOrmOptions(o: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    ssl: o.ssl ?? false,
    entities: [...MESSAGING_ENTITIES, ...o.entities],
    migrations: [Messaging1764400000000, OutboxVacuum1764400007000, Security1764400012000, MessagingRetention1764400017000, ...o.migrations],
    migrationsRun: o.migrateOnStart ?? true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'migration'],
    // JIT compilation off for the service's sessions: their statements run for milliseconds, and JIT starts whenever a plan's
    // estimated cost crosses jit_above_cost, then spends more on compiling than the statement takes (under bench:matcher, a
    // mis-estimated plan of an earlier form of the matcher's stored-results read spent a fifth of the machine's CPU in LLVM).
    extra: { max: o.poolSize, connectionTimeoutMillis: 10000, options: '-c jit=off' },
  };
}
