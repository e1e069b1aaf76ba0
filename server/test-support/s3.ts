import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3Storage, type S3StorageOptions } from '../platform/storage-s3.ts';

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** A storage on the test bucket; its temporary files go to a directory of its own. */
  storage(options?: Partial<S3StorageOptions>): Promise<S3Storage>;
  close(): Promise<void>;
};

/** s3rver in this process on a random port, with an empty bucket in a temporary directory. */
export async function startS3rver(): Promise<TestS3> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-s3rver-'));
  const bucket = 'jiqun-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(dir, 'objects'),
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storages: S3Storage[] = [];
  return {
    endpoint,
    bucket,
    async storage(options = {}) {
      const storage = new S3Storage({
        endpoint,
        bucket,
        region: 'us-east-1',
        // s3rver's fixed test credentials.
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
        tmpDir: await fs.mkdtemp(path.join(dir, 'tmp-')),
        ...options,
      });
      storages.push(storage);
      return storage;
    },
    async close() {
      for (const s of storages) s.client.destroy();
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
