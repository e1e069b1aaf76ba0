// Administration from the shell, for real deployments: `npm run admin -- <command> [options]`.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../domain/roles.ts';
import { createUser, resetPassword } from '../modules/users/service.ts';
import type { AuditActor } from '../platform/audit.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase, prepareDatabase } from '../platform/startup.ts';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user     --username NAME --role ${ROLES.join('|')} --display-name TEXT
                  [--division CODE (county)] [--unit CODE (unit)] [--email ADDRESS]
                  password from JIQUN_NEW_PASSWORD or typed at the prompt
  reset-password  --username NAME   (password as above; ends the user's sessions and lockout)
  verify-audit    re-computes the audit hash chain; exit 1 and the first bad entry if tampered
  migrate         applies migrations and loads reference data, then exits

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

function need(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (!v) throw new Error(`--${name} is required\n\n${USAGE}`);
  return v;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      division: { type: 'string' },
      unit: { type: 'string' },
      email: { type: 'string' },
    },
  });
  const config = loadConfig();
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
      default:
        console.error(`Unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error & { details?: { message: string }[] }) => {
    const details = err.details?.length ? `\n${err.details.map((d) => `  - ${d.message}`).join('\n')}` : '';
    console.error(`${err.message}${details}`);
    process.exit(1);
  },
);
