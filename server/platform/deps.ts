import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import type { Storage } from './storage.ts';

/** What every module receives: configuration, the database, file storage and the clock. */
export type Deps = { config: Config; db: Db; database: Database; storage: Storage; clock: Clock };
