import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in var/db, port 3000, demo mode', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.pgliteDir, path.resolve('var', 'db'));
    assert.equal(c.demo, true);
    assert.deepEqual(c.login, { maxFailures: 20, maxFailuresPerIp: 100, windowMinutes: 15 });
  });
  it('is not in demo mode on a PostgreSQL server unless asked', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db', JIQUN_DEMO: '1' }).demo, true);
    assert.equal(loadConfig({ JIQUN_DEMO: 'false' }).demo, false);
  });
  it('names every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JIQUN_DEMO: 'maybe' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.problems.length, 3);
        assert.match(err.message, /PORT=eighty/);
        assert.match(err.message, /DATABASE_URL=mysql:\/\/x: must be a postgres/);
        assert.match(err.message, /JIQUN_DEMO=maybe/);
        return true;
      },
    );
  });
  it('treats empty values as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  });
});
