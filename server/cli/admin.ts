// Administration from the shell, for real deployments: `npm run admin -- <command> [options]`.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../domain/roles.ts';
import { createUser, resetPassword } from '../modules/users/service.ts';
import type { AuditActor } from '../platform/audit.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { cleanupOrphans } from '../platform/orphans.ts';
import { openConfiguredDatabase, prepareDatabase } from '../platform/startup.ts';
import { createStorage } from '../platform/storage.ts';
import { backupPglite, backupPostgres, defaultBackupFile, restorePglite, restorePostgres } from './backup.ts';
import { copyDatabase } from './pglite-to-postgres.ts';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user     --username NAME --role ${ROLES.join('|')} --display-name TEXT
                  [--division CODE (county)] [--unit CODE (unit)] [--email ADDRESS]
                  password from JIQUN_NEW_PASSWORD or typed at the prompt
  reset-password  --username NAME   (password as above; ends the user's sessions and lockout)
  verify-audit    re-computes the audit hash chain; exit 1 and the first bad entry if tampered
  migrate         applies migrations and loads reference data, then exits
  backup [FILE]   PostgreSQL: pg_dump -Fc; embedded: PGlite's data directory dump (server stopped).
                  Default FILE: <JIQUN_DATA_DIR>/backups/jiqun-<UTC time>.pgdump|.pglite.tar.gz.
                  Uploaded files are not included (see docs/deploy.md).
  restore FILE [--yes]
                  replaces the database with a backup (pg_restore --clean in one transaction; embedded:
                  the old data directory is kept beside the new one). Asks first unless --yes.
  cleanup-orphans [--older-than-minutes N (default 60)]
                  removes stored files no record refers to, and stale temporary upload files
  pglite-to-postgres [--to postgres://… (default DATABASE_URL)]
                  copies the embedded database in JIQUN_DATA_DIR into an empty PostgreSQL database

The database is the one the server uses: DATABASE_URL, or the embedded one in JIQUN_DATA_DIR (default var/).
With the embedded database, stop the server first (one process per data directory).`;

const CLI_ACTOR: AuditActor = {
  id: null,
  name: `cli:${process.env.USER ?? 'unknown'}`,
  role: 'admin',
  scope: null,
  ip: null,
  userAgent: 'jiqun-admin-cli',
};

async function readPassword(): Promise<string> {
  const fromEnv = process.env.JIQUN_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    // Piped: the first line of standard input.
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? '';
  }
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide typed characters.
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  const answer = rl.question('New password: ');
  output._writeToOutput = () => {};
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password;
}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new Error(`--${name} is required\n\n${USAGE}`);
  return v;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      division: { type: 'string' },
      unit: { type: 'string' },
      email: { type: 'string' },
      yes: { type: 'boolean' },
      to: { type: 'string' },
      'older-than-minutes': { type: 'string' },
    },
  });
  const config = loadConfig();
  // These work on the database files or a second database: they must not open the configured one first.
  switch (command) {
    case 'backup':
      return backup(config, positionals[0]);
    case 'restore':
      return restore(config, positionals[0], values.yes === true);
    case 'pglite-to-postgres':
      return pgliteToPostgres(config, values.to ?? config.databaseUrl);
  }
  const database = await openConfiguredDatabase(config);
  try {
    // The CLI never creates or removes demo accounts: that is the server's business at start.
    await prepareDatabase(database, { demo: config.demo });
    switch (command) {
      case 'create-user': {
        const role = need(values, 'role');
        if (!ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        const user = await createUser(database.db, CLI_ACTOR, {
          username: need(values, 'username'),
          displayName: need(values, 'display-name'),
          role: role as Role,
          divisionCode: values.division,
          unitCode: values.unit,
          email: values.email,
          password: await readPassword(),
        });
        console.log(`Created ${user.role} account ${user.username} (${user.id})`);
        return 0;
      }
      case 'reset-password': {
        const username = need(values, 'username');
        await resetPassword(database.db, CLI_ACTOR, username, await readPassword());
        console.log(`Password of ${username} reset; its sessions ended and any lockout cleared`);
        return 0;
      }
      case 'verify-audit': {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`Audit chain intact: ${result.entries} entries`);
          return 0;
        }
        console.error(
          `Audit chain BROKEN at entry ${result.firstBadEntry} (after ${result.entries} good entries)`,
        );
        return 1;
      }
      case 'migrate':
        console.log('Database is up to date');
        return 0;
      case 'cleanup-orphans': {
        const minutes = values['older-than-minutes'];
        if (minutes !== undefined && !/^\d+$/.test(minutes))
          throw new Error('--older-than-minutes must be a whole number');
        const storage = await createStorage(config);
        const result = await cleanupOrphans(
          { db: database.db, storage },
          minutes === undefined ? {} : { olderThanMinutes: Number(minutes) },
        );
        console.log(
          `Removed ${result.removed} unreferenced file(s) and ${result.tmpRemoved} stale temporary file(s); ` +
            `${result.keptReferenced} file(s) past the grace period are in use`,
        );
        return 0;
      }
      default:
        console.error(`Unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

async function backup(config: Config, file: string | undefined): Promise<number> {
  const target = path.resolve(file ?? defaultBackupFile(config));
  if (config.databaseUrl) await backupPostgres(config.databaseUrl, target);
  else await backupPglite(config.pgliteDir, target);
  const { size } = await fs.stat(target);
  console.log(`Backup written: ${target} (${(size / 1024 / 1024).toFixed(1)} MB)`);
  return 0;
}

async function restore(config: Config, file: string | undefined, yes: boolean): Promise<number> {
  if (!file) throw new Error(`restore needs the backup file\n\n${USAGE}`);
  const source = path.resolve(file);
  await fs.access(source);
  const what = config.databaseUrl
    ? `the PostgreSQL database ${redact(config.databaseUrl)}`
    : config.pgliteDir;
  if (!yes && !(await confirm(`Replace everything in ${what} with ${source}? Type yes: `))) {
    console.error('Not restored (answer yes, or pass --yes)');
    return 2;
  }
  if (config.databaseUrl) {
    await restorePostgres(config.databaseUrl, source);
    console.log(`Restored ${what} from ${source}`);
  } else {
    const { previous } = await restorePglite(config.pgliteDir, source);
    console.log(`Restored ${what} from ${source}`);
    if (previous) console.log(`The previous database is kept in ${previous}; delete it when satisfied`);
  }
  console.log('Start the server: it applies any newer migrations. Uploaded files are restored separately.');
  return 0;
}

async function pgliteToPostgres(config: Config, to: string | undefined): Promise<number> {
  if (!to || !/^postgres(ql)?:\/\//.test(to))
    throw new Error('--to postgres://… (or DATABASE_URL) is required');
  const source = await openDatabase({ engine: 'pglite', dataDir: config.pgliteDir });
  try {
    const target = await openDatabase({ engine: 'postgres', url: to, poolSize: 2 });
    try {
      const copied = await copyDatabase(source, target);
      const rows = copied.reduce((n, t) => n + t.rows, 0);
      console.log(`Copied ${rows} rows in ${copied.length} tables from ${config.pgliteDir} to ${redact(to)}`);
      console.log('Uploaded files stay where they are: point JIQUN_UPLOAD_DIR (or S3) at the same files.');
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}

main().then(
  (code) => process.exit(code),
  (err: Error & { details?: { message: string }[] }) => {
    const details = err.details?.length ? `\n${err.details.map((d) => `  - ${d.message}`).join('\n')}` : '';
    console.error(`${err.message}${details}`);
    process.exit(1);
  },
);
