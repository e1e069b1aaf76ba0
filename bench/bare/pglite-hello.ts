// Baseline for the start-up benchmark: the least a Fastify + PGlite server must do before /readyz answers
// (open the embedded database from disk and listen).
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';

const db = await PGlite.create({ dataDir: process.env.BENCH_PGLITE_DIR! });
const app = Fastify({ logger: { level: process.env.JIQUN_LOG_LEVEL ?? 'info' } });
app.get('/readyz', async () => {
  await db.query('select 1');
  return { status: 'ready' };
});
const close = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
