import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** The dotted path of the first string holding a NUL character, or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path ? `${path}.${k}` : k;
      const found = nulPath(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold a NUL character (PGlite is more lenient), so a query or body with
 * one is refused up front with 400 on every route instead of failing deep in a query with a 500.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const inQuery = nulPath(req.query);
    const inBody = inQuery ? null : nulPath(req.body);
    const where = inQuery ? `query.${inQuery}` : inBody ? `body.${inBody}` : null;
    if (where)
      throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters', [
        { path: where, message: 'contains a NUL character' },
      ]);
  });
}
