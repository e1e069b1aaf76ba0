// Baseline for the public-read benchmark: bare Fastify answering the very same JSON bodies from memory
// (captured from the real server in the same run), with the same logger level. Whatever the real route
// costs beyond this is ours: database, presenters, validation, plugins. The bodies are kept as bytes, as the
// real server keeps its cached answers: a string would be encoded again for every response and hold the
// baseline back (a 177 KB registry in UTF-8 at a few hundred requests a second).
import fs from 'node:fs';
import Fastify from 'fastify';

const captured: Record<string, string> = JSON.parse(fs.readFileSync(process.env.BENCH_BARE_BODIES!, 'utf8'));
const bodies = new Map(Object.entries(captured).map(([url, body]) => [url, Buffer.from(body, 'utf8')]));
const app = Fastify({ logger: { level: process.env.JIQUN_LOG_LEVEL ?? 'info' } });

for (const route of ['/api/v1/public/clusters', '/api/v1/public/stats']) {
  app.get(route, async (req, reply) => {
    const body = bodies.get(req.url);
    if (body === undefined) return reply.code(404).send({ error: 'not captured' });
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
app.get('/readyz', async () => ({ status: 'ready' }));

await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
