import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';

/** What every module receives: configuration and the database. */
export type Deps = { config: Config; db: Db; database: Database };
