import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS_HINT, DEMO_PASSWORD } from './db/seed/demo.ts';
import { seedDemoClusters } from './db/seed/demo-clusters.ts';
import { seedDemoCampaign, seedDemoDeclarations } from './db/seed/demo-declarations.ts';
import { seedDemoNotices } from './db/seed/demo-notices.ts';
import { registerNotificationJobs } from './modules/notifications/background.ts';
import { Clock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { JobRunner, registerPlatformJobs } from './platform/jobs.ts';
import { openConfiguredDatabase, prepareDatabase } from './platform/startup.ts';
import { createStorage } from './platform/storage.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nSee README.md, section Configuration.`);
      process.exit(2);
    }
    throw err;
  }
  const database = await openConfiguredDatabase(config);
  const storage = await createStorage(config);
  // One clock for requests and background jobs: a demo clock shift moves the reminders too.
  const clock = new Clock();
  const app = await buildApp({ config, db: database.db, database, storage, clock });
  try {
    await prepareDatabase(database, config, app.log);
    if (config.demo) {
      // prepareDatabase opened the demo campaign; the samples need file storage too.
      const year = await seedDemoCampaign(database.db);
      if (year) {
        const samples = await seedDemoDeclarations(database.db, storage, year);
        if (samples) app.log.info({ samples }, 'demo declarations created');
      }
      // Not in prepareDatabase: test databases start without the published lists.
      const listed = await seedDemoClusters({ config, db: database.db, database, storage, clock });
      if (listed) app.log.info({ listed }, 'demo clusters imported from reference/clusters-known.csv');
      const notices = await seedDemoNotices(database.db);
      if (notices) app.log.info({ notices }, 'demo notices published (annual notices with a known date)');
    }
  } catch (err) {
    app.log.fatal({ err }, 'database preparation failed');
    await database.close();
    process.exit(1);
  }

  const deps = { config, db: database.db, database, storage, clock };
  const jobs = new JobRunner(database.db, clock, app.log);
  registerPlatformJobs(jobs, deps);
  const mailer = registerNotificationJobs(jobs, deps, app.log);

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await jobs.stop();
    mailer.close();
    await app.close();
    await database.close();
  });

  await app.listen({ port: config.port, host: config.host });
  jobs.start();
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const engine =
    database.engine === 'pglite' ? `embedded PGlite in ${config.pgliteDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [`Jiqun is running on ${url}  (database: ${engine})`, `API docs: ${url}/api/docs`];
  if (config.demo) {
    lines.push(`Demo mode: every demo account has the password "${DEMO_PASSWORD}":`);
    for (const a of DEMO_ACCOUNTS_HINT) lines.push(`  ${a.username.padEnd(15)} ${a.description}`);
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
