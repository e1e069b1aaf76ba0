import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { SECURITY_HEADERS, sendSecurityHeaders } from './security-headers.ts';

/** The options the app gave `@fastify/helmet` before the headers were precomputed. */
const helmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

async function headersOf(install: (app: ReturnType<typeof Fastify>) => Promise<void>) {
  const app = Fastify();
  await install(app);
  app.get('/', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  const ok = await app.inject('/');
  const failed = await app.inject('/fails');
  const missing = await app.inject('/nope');
  await app.close();
  const pick = (h: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(h).filter(
        ([k]) => !['content-type', 'content-length', 'date', 'connection'].includes(k),
      ),
    );
  return [pick(ok.headers), pick(failed.headers), pick(missing.headers)];
}

describe('security headers', () => {
  it('are exactly the ones @fastify/helmet sent with our options, on success, error and not found', async () => {
    const fromHelmet = await headersOf(async (app) => {
      await app.register(helmet, helmetOptions);
    });
    const precomputed = await headersOf(async (app) => sendSecurityHeaders(app));
    assert.deepEqual(precomputed, fromHelmet);
    assert.equal(Object.keys(precomputed[0] ?? {}).length, SECURITY_HEADERS.length);
  });
});
