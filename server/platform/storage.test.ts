import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { startS3rver, type TestS3 } from '../test-support/s3.ts';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';
import { createStorage, LocalStorage, type Storage } from './storage.ts';
import { S3Storage } from './storage-s3.ts';

let s3: TestS3;
let localRoot: string;
before(async () => {
  s3 = await startS3rver();
  localRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-storage-'));
});
after(async () => {
  await s3.close();
  await fs.rm(localRoot, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keysOf = async (storage: Storage) => {
  const keys: string[] = [];
  for await (const o of storage.list()) keys.push(o.key);
  return keys.sort();
};
const tmpFiles = async (dir: string) => (await fs.readdir(dir).catch(() => [])).sort();

const backends: [string, () => Promise<{ storage: Storage; tmpDir: string }>][] = [
  [
    'local disk',
    async () => {
      const root = await fs.mkdtemp(path.join(localRoot, 'root-'));
      return { storage: new LocalStorage(root), tmpDir: path.join(root, 'tmp') };
    },
  ],
  [
    'S3 (s3rver)',
    async () => {
      // Small parts so the multipart path runs on a file of a few MiB (S3's minimum part is 5 MiB).
      const storage = await s3.storage({ multipartThreshold: 5 * 1024 * 1024, partSize: 5 * 1024 * 1024 });
      return { storage, tmpDir: storage.tmpDir };
    },
  ],
];

for (const [name, make] of backends) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    let tmpDir: string;
    before(async () => {
      ({ storage, tmpDir } = await make());
    });

    it('receives with size and SHA-256, commits under a random key, reads back byte-identical, removes', async () => {
      const data = randomBytes(70_000);
      const received = await storage.receive(
        Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
        1e6,
      );
      assert.equal(received.size, data.length);
      assert.equal(received.sha256, sha256(data));
      const key = await storage.commit(received);
      assert.match(key, /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      assert.deepEqual(await tmpFiles(tmpDir), [], 'the temporary file is gone after commit');
      assert.deepEqual(await buffer(storage.open(key)), data);
      assert.deepEqual(await keysOf(storage), [key]);
      await storage.remove(key);
      assert.deepEqual(await keysOf(storage), []);
      await storage.remove(key); // removing twice is fine
    });

    it('sends big files in parts and still reads them back byte-identical', async () => {
      const data = randomBytes(12 * 1024 * 1024 + 17);
      const key = await storage.commit(await storage.receive(Readable.from([data]), 64 * 1024 * 1024));
      const back = await buffer(storage.open(key));
      assert.equal(back.length, data.length);
      assert.equal(sha256(back), sha256(data));
      await storage.remove(key);
    });

    it('refuses more than the limit (413) and keeps no temporary file; discard removes one', async () => {
      await assert.rejects(
        storage.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000),
        (err: unknown) => err instanceof AppError && err.code === 'PAYLOAD_TOO_LARGE',
      );
      assert.deepEqual(await tmpFiles(tmpDir), []);
      const received = await storage.receive(Readable.from([Buffer.from('x')]), 1000);
      await storage.discard(received);
      assert.deepEqual(await tmpFiles(tmpDir), []);
      assert.deepEqual(await keysOf(storage), []);
    });

    it('fails the stream of a missing key, and refuses keys it did not make', async () => {
      await assert.rejects(buffer(storage.open('2020/01/00000000-0000-0000-0000-000000000000')));
      assert.throws(() => storage.open('../../etc/passwd'));
    });

    it('lists every key with its time, past a page boundary; sweeps only stale temporary files', async () => {
      const keys: string[] = [];
      for (let i = 0; i < 5; i++)
        keys.push(await storage.commit(await storage.receive(Readable.from([Buffer.from(`f${i}`)]), 100)));
      const listed: { key: string; modifiedAt: Date }[] = [];
      for await (const o of storage.list()) listed.push(o);
      assert.deepEqual(listed.map((o) => o.key).sort(), keys.sort());
      for (const o of listed) assert.ok(Math.abs(o.modifiedAt.getTime() - Date.now()) < 60_000);
      const stale = await storage.receive(Readable.from([Buffer.from('stale')]), 100);
      const old = new Date(Date.now() - 3 * 3600_000);
      await fs.utimes(stale.tmpPath, old, old);
      const fresh = await storage.receive(Readable.from([Buffer.from('fresh')]), 100);
      assert.equal(await storage.sweepTemp(new Date(Date.now() - 3600_000)), 1);
      assert.deepEqual(await tmpFiles(tmpDir), [path.basename(fresh.tmpPath)]);
      await storage.discard(fresh);
      for (const k of keys) await storage.remove(k);
    });
  });
}

describe('S3 listing', () => {
  it('pages through more keys than one request returns and ignores objects it did not make', async () => {
    const storage = await s3.storage({ listPageSize: 2 });
    const keys: string[] = [];
    for (let i = 0; i < 5; i++)
      keys.push(await storage.commit(await storage.receive(Readable.from([Buffer.from(`p${i}`)]), 100)));
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await storage.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'someone-else/readme.txt', Body: 'x' }),
    );
    assert.deepEqual(await keysOf(storage), keys.sort());
    for (const k of keys) await storage.remove(k);
  });
});

describe('createStorage', () => {
  it('builds local storage by default and S3 storage from JIQUN_STORAGE=s3', async () => {
    const local = await createStorage(loadConfig({ JIQUN_DATA_DIR: localRoot }));
    assert.ok(local instanceof LocalStorage);
    const config = loadConfig({
      JIQUN_DATA_DIR: localRoot,
      JIQUN_STORAGE: 's3',
      JIQUN_S3_ENDPOINT: s3.endpoint,
      JIQUN_S3_BUCKET: s3.bucket,
      JIQUN_S3_ACCESS_KEY_ID: 'S3RVER',
      JIQUN_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    assert.equal(
      config.storage.kind === 's3' && config.storage.forcePathStyle,
      true,
      'path style with an endpoint',
    );
    const remote = await createStorage(config);
    assert.ok(remote instanceof S3Storage);
    const key = await remote.commit(await remote.receive(Readable.from([Buffer.from('hello')]), 100));
    assert.equal((await buffer(remote.open(key))).toString(), 'hello');
    await remote.remove(key);
    remote.client.destroy();
  });
  it('names a missing bucket and half-given credentials', () => {
    assert.throws(() => loadConfig({ JIQUN_STORAGE: 's3' }), /JIQUN_S3_BUCKET/);
    assert.throws(
      () => loadConfig({ JIQUN_STORAGE: 's3', JIQUN_S3_BUCKET: 'b-1', JIQUN_S3_ACCESS_KEY_ID: 'x' }),
      /give both or neither/,
    );
    assert.throws(() => loadConfig({ JIQUN_STORAGE: 'ftp' }), /JIQUN_STORAGE/);
  });
});
