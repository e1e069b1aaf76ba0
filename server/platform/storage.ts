import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

/** An upload received into a temporary file: nothing refers to it until it is committed. */
export type Received = { tmpPath: string; size: number; sha256: string };

/** A committed file as a listing sees it. */
export type StoredObject = { key: string; modifiedAt: Date };

/** Where evidence files live: local disk (default) or S3-compatible object storage. */
export interface Storage {
  /** Streams `source` to a temporary file, hashing as it goes; refuses more than `maxBytes` (413). */
  receive(source: Readable, maxBytes: number): Promise<Received>;
  /** Moves a received file under a fresh random key and returns the key. */
  commit(received: Received): Promise<string>;
  /** Removes a received file that will not be committed. */
  discard(received: Received): Promise<void>;
  open(key: string): Readable;
  /** Removes a committed file; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Every committed file (keys this storage generated; anything else in the place is left alone). */
  list(): AsyncIterable<StoredObject>;
  /** Removes temporary files last touched before `olderThan` (left by a crash); returns how many. */
  sweepTemp(olderThan: Date): Promise<number>;
}

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

/** Keys are year/month/uuid: random, so nothing about the file or its owner can be guessed from one. */
export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `File larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);

/**
 * Buffer size of the receiving streams. Node's 16 KB default made every 64 KB socket read a full buffer, so
 * the socket was paused after each one and the file written in small pieces; 256 KB lets reads continue
 * while a write is in flight and the write stream coalesce them (writev). At most ~0.5 MB per upload is held.
 */
export const RECEIVE_BUFFER_BYTES = 256 * 1024;

/** Streams to `<tmpDir>/<uuid>.part`, counting and hashing; shared by every storage backend. */
export async function receiveToTemp(tmpDir: string, source: Readable, maxBytes: number): Promise<Received> {
  await fs.mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    highWaterMark: RECEIVE_BUFFER_BYTES,
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const out = createWriteStream(tmpPath, { flags: 'wx', highWaterMark: RECEIVE_BUFFER_BYTES });
  try {
    await pipeline(source, meter, out);
    // @fastify/multipart ends a truncated stream without an error: check its flag too.
    if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
  } catch (err) {
    // A stream destroyed while its file is still opening creates the file afterwards: wait for it to close,
    // or the removal can run first and leave a .part behind (seen on a loaded machine).
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await fs.rm(tmpPath, { force: true });
    throw err;
  }
  return { tmpPath, size, sha256: hash.digest('hex') };
}

/** Removes `*.part` files in tmpDir older than the cutoff; in-flight uploads keep touching theirs. */
export async function sweepTempDir(tmpDir: string, olderThan: Date): Promise<number> {
  let removed = 0;
  const entries = await fs.readdir(tmpDir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(tmpDir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.mtime >= olderThan) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private get tmpDir() {
    return path.join(this.root, 'tmp');
  }

  receive(source: Readable, maxBytes: number): Promise<Received> {
    return receiveToTemp(this.tmpDir, source, maxBytes);
  }

  async commit(received: Received): Promise<string> {
    const key = newStorageKey();
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

  async *list(): AsyncIterable<StoredObject> {
    const years = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const year of years.filter((y) => /^\d{4}$/.test(y)).sort()) {
      const months = await fs.readdir(path.join(this.root, year)).catch(() => [] as string[]);
      for (const month of months.filter((m) => /^\d{2}$/.test(m)).sort()) {
        const names = await fs.readdir(path.join(this.root, year, month)).catch(() => [] as string[]);
        for (const name of names.sort()) {
          const key = `${year}/${month}/${name}`;
          if (!isStorageKey(key)) continue;
          const stat = await fs.stat(this.pathOf(key)).catch(() => null);
          if (stat?.isFile()) yield { key, modifiedAt: stat.mtime };
        }
      }
    }
  }

  sweepTemp(olderThan: Date): Promise<number> {
    return sweepTempDir(this.tmpDir, olderThan);
  }

  /** Keys are generated here (year/month/uuid); anything else is refused rather than resolved. */
  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error(`Bad storage key ${key}`);
    return path.join(this.root, key);
  }
}

/** The storage the configuration names; the S3 client is loaded only when it is used. */
export async function createStorage(config: Pick<Config, 'uploadDir' | 'storage'>): Promise<Storage> {
  if (config.storage.kind === 'local') return new LocalStorage(config.uploadDir);
  const { S3Storage } = await import('./storage-s3.ts');
  return new S3Storage({ ...config.storage, tmpDir: path.join(config.uploadDir, 'tmp') });
}
