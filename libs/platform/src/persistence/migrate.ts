import { DataSource } from 'typeorm';
import { typeOrmOptions, type PersistenceOptions } from './typeorm-options';

/** One advisory lock key for every service's migrations (each service has its own database). */
const MIGRATION_LOCK = 7_264_400_016;

/**
 * Applies a service's pending migrations and returns their names (none: the database is current).
 * Under a PostgreSQL advisory lock, so that two runs at once (a job retried while its first pod still
 * runs, two releases' jobs) apply each migration once: the second waits, then finds nothing to do.
 * The lock is held on a connection of its own; TypeORM runs the migrations on another. (Services that
 * migrate at start-up, DATABASE_MIGRATE_ON_START, use TypeORM's own run, without this lock.)
 */
export async function migrateDatabase(o: Omit<PersistenceOptions, 'poolSize'>): Promise<string[]> {
  const ds = new DataSource({ ...typeOrmOptions({ ...o, poolSize: 2, migrateOnStart: false }), logging: ['error'] });
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
    await ds.destroy();
  }
}
