import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { call, login, openCampaign, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { submitComplete } from '../test-support/declarations.ts';
import { tinyPdf, upload } from '../test-support/files.ts';
import { startS3rver, type TestS3 } from '../test-support/s3.ts';
import { cleanupOrphans, STORAGE_KEY_COLUMNS } from './orphans.ts';
import type { Storage } from './storage.ts';

const YEAR = 2096;
let s3: TestS3;
before(async () => {
  s3 = await startS3rver();
});
after(() => s3.close());

const keysOf = async (storage: Storage) => {
  const keys: string[] = [];
  for await (const o of storage.list()) keys.push(o.key);
  return keys.sort();
};

const backends: [string, () => Promise<Storage | undefined>][] = [
  ['local disk', async () => undefined],
  ['S3 (s3rver)', () => s3.storage()],
];

for (const [name, makeStorage] of backends) {
  describe(`orphan cleanup: ${name}`, () => {
    let t: TestApp;
    let yuyao: Session;
    before(async () => {
      const storage = await makeStorage();
      t = await startTestApp({}, storage ? { storage } : {});
      const ministry = await login(t.url, 'ministry');
      assert.equal(
        (await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status,
        201,
      );
      yuyao = await login(t.url, 'county-330281');
    });
    after(() => t.close());
    const deps = () => ({ db: t.database.db, storage: t.storage });

    const attachmentKey = async (id: string) =>
      (
        await t.database.raw.query<{ k: string }>('SELECT storage_key AS k FROM attachments WHERE id = $1', [
          id,
        ])
      )[0]!.k;

    it('removes unreferenced files and stale temporary files past the grace period, keeps what records need', async () => {
      const { storage } = t;
      // Referenced: evidence of a draft, and evidence of a submitted declaration.
      const draft = await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: YEAR });
      const live = await upload(t.url, yuyao, draft.body.id, { name: 'live.pdf', data: tinyPdf('live') });
      const submittedId = await submitComplete(t.url, yuyao, YEAR);
      // Removed from a draft but its file still there (the process died before deleting it): an orphan.
      const dropped = await upload(t.url, yuyao, draft.body.id, { name: 'dropped.pdf', data: tinyPdf('x') });
      await t.database.raw.query('UPDATE attachments SET deleted_at = now() WHERE id = $1', [
        dropped.body.id,
      ]);
      // Removed from the draft after submission: the submitted version still lists it, so it stays.
      await t.database.raw.query('UPDATE attachments SET deleted_at = now() WHERE declaration_id = $1', [
        submittedId,
      ]);
      // Stored, never recorded (a crash between the two).
      const stray = await storage.commit(await storage.receive(Readable.from([tinyPdf('stray')]), 1e6));
      // A temporary file from an upload that never finished, last touched three hours ago.
      const stale = await storage.receive(Readable.from([Buffer.from('half')]), 1e6);
      const old = new Date(Date.now() - 3 * 3600_000);
      await fs.utimes(stale.tmpPath, old, old);

      const all = await keysOf(storage);
      const submittedFiles = (
        await t.database.raw.query<{ k: string }>(
          'SELECT storage_key AS k FROM attachments WHERE declaration_id = $1',
          [submittedId],
        )
      ).map((r) => r.k);
      assert.ok(submittedFiles.length > 0);

      // Within the grace period nothing is touched: these files could belong to uploads in flight.
      assert.deepEqual(await cleanupOrphans(deps()), { removed: 0, keptReferenced: 0, tmpRemoved: 1 });
      assert.deepEqual(await keysOf(storage), all);

      const result = await cleanupOrphans(deps(), { olderThanMinutes: -1 });
      const droppedKey = await attachmentKey(String(dropped.body.id));
      assert.deepEqual(result, { removed: 2, keptReferenced: all.length - 2, tmpRemoved: 0 });
      const left = await keysOf(storage);
      assert.ok(!left.includes(stray) && !left.includes(droppedKey));
      assert.ok(left.includes(await attachmentKey(String(live.body.id))));
      for (const k of submittedFiles) assert.ok(left.includes(k), 'submitted evidence kept');
      // And the kept files still download.
      const res = await fetch(`${t.url}/api/v1/declarations/${draft.body.id}/attachments/${live.body.id}`, {
        headers: { cookie: yuyao.cookie },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), tinyPdf('live'));
    });

    it('knows every column that can hold a storage key', async () => {
      const found = await t.database.raw.query<{ c: string }>(
        `SELECT table_name || '.' || column_name AS c FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name ~ '(storage|evidence|file|object|upload)_key$'
         ORDER BY 1`,
      );
      assert.deepEqual(
        found.map((r) => r.c),
        [...STORAGE_KEY_COLUMNS].sort(),
        'a new column holding storage keys must be added to STORAGE_KEY_COLUMNS and to the cleanup query',
      );
    });
  });
}
