import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.ts';

/** An upload received into a temporary file: nothing refers to it until it is committed. */
export type Received = { tmpPath: string; size: number; sha256: string };

/** Where evidence files live. Local disk now; the same interface takes an S3 backend later. */
export interface Storage {
  /** Streams `source` to a temporary file, hashing as it goes; refuses more than `maxBytes` (413). */
  receive(source: Readable, maxBytes: number): Promise<Received>;
  /** Moves a received file under a fresh random key and returns the key. */
  commit(received: Received): Promise<string>;
  /** Removes a received file that will not be committed. */
  discard(received: Received): Promise<void>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private get tmpDir() {
    return path.join(this.root, 'tmp');
  }

  async receive(source: Readable, maxBytes: number): Promise<Received> {
    await fs.mkdir(this.tmpDir, { recursive: true });
    const tmpPath = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes)
          return done(
            new AppError('PAYLOAD_TOO_LARGE', `File larger than ${Math.round(maxBytes / 1024 / 1024)} MB`),
          );
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx' }));
      // @fastify/multipart ends a truncated stream without an error: check its flag too.
      if ((source as Readable & { truncated?: boolean }).truncated) {
        throw new AppError('PAYLOAD_TOO_LARGE', `File larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      }
    } catch (err) {
      await fs.rm(tmpPath, { force: true });
      throw err;
    }
    return { tmpPath, size, sha256: hash.digest('hex') };
  }

  async commit(received: Received): Promise<string> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(received.tmpPath, target);
    return key;
  }

  async discard(received: Received): Promise<void> {
    await fs.rm(received.tmpPath, { force: true });
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  /** Keys are generated here (year/month/uuid); anything else is refused rather than resolved. */
  private pathOf(key: string): string {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`Bad storage key ${key}`);
    return path.join(this.root, key);
  }
}
