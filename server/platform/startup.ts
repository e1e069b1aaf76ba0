import { migrate } from '../db/migrate.ts';
import { removeDemoAccounts, seedDemoAccounts } from '../db/seed/demo.ts';
import { seedDemoCampaign } from '../db/seed/demo-declarations.ts';
import { loadReferenceData } from '../db/seed/reference.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db.ts';

type Log = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in JIQUN_DATA_DIR/db. */
export function openConfiguredDatabase(config: Config, log?: Log): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({
        engine: 'postgres',
        url: config.databaseUrl,
        poolSize: config.dbPoolSize,
        connectTimeoutMs: config.dbConnectTimeoutMs,
        onError: (err) => log?.error({ err }, 'idle database connection failed'),
      })
    : openDatabase({ engine: 'pglite', dataDir: config.pgliteDir });
}

/** Migrations, reference data, and demo accounts (or their removal outside demo mode). */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'demo'>,
  log?: Log,
): Promise<void> {
  const applied = await migrate(database);
  if (applied.length) log?.info({ applied }, 'migrations applied');
  const loaded = await loadReferenceData(database.raw);
  if (Object.values(loaded).some((n) => n > 0)) log?.info({ loaded }, 'reference data loaded');
  if (config.demo) {
    const added = await seedDemoAccounts(database.db);
    if (added) log?.info({ added }, 'demo accounts created');
    const year = await seedDemoCampaign(database.db);
    if (year) log?.info({ year }, 'demo campaign open');
  } else {
    const removed = await removeDemoAccounts(database.db);
    if (removed) log?.info({ removed }, 'demo accounts removed (not in demo mode)');
  }
}
