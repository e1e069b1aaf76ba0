import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  isStorageKey,
  newStorageKey,
  type Received,
  receiveToTemp,
  type Storage,
  type StoredObject,
  sweepTempDir,
} from './storage.ts';

// Jiqun pins Node 20 on purpose (see the stack notes); the SDK's once-per-process notice about Node 22
// would only add noise to the JSON logs. An operator who wants it can set the variable to "false".
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type S3StorageOptions = {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  /** Local directory for uploads being received (hashed and checked before they go to the bucket). */
  tmpDir: string;
  /** Files at least this big go up in parts (default 16 MiB). */
  multipartThreshold?: number;
  /** Part size (default 8 MiB; S3's minimum is 5 MiB except for the last part). */
  partSize?: number;
  /** Keys per listing request (default and S3's maximum: 1000). */
  listPageSize?: number;
};

const MiB = 1024 * 1024;
const ATTEMPTS = 3;

const jsonLine =
  (level: number) =>
  (...content: unknown[]) => {
    const msg = content
      .map((c) => (c instanceof Error ? c.message : typeof c === 'string' ? c : JSON.stringify(c)))
      .join(' ');
    process.stdout.write(`${JSON.stringify({ level, time: Date.now(), name: 's3', msg })}\n`);
  };
/**
 * Pino's levels and shape, so the SDK's rare warnings sit with the server's own log lines. Its errors are
 * thrown to us as well and logged with the request that met them, so they are not written twice.
 */
const jsonLinesLogger = { trace() {}, debug() {}, info() {}, warn: jsonLine(40), error() {} };

/**
 * The SDK cannot retry a request whose body is a stream it has consumed; ours come from a file that can
 * be opened again, so server errors and dropped connections get a few more attempts here.
 */
async function sendFromDisk<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const fault = (err as { $fault?: string }).$fault;
      if (attempt >= ATTEMPTS || fault === 'client') throw err;
      await new Promise((r) => setTimeout(r, 200 * 4 ** (attempt - 1)));
    }
  }
}
const MAX_PARTS = 10_000;
const PART_CONCURRENCY = 3;

/**
 * Evidence files in an S3-compatible bucket. Uploads are received into a local temporary file first, as
 * with local storage (size limit, SHA-256 and content sniffing need the bytes before anything is stored),
 * then sent from disk — one PUT, or a multipart upload for big files — so no file is ever held in memory.
 */
export class S3Storage implements Storage {
  readonly client: S3Client;
  readonly bucket: string;
  readonly tmpDir: string;
  private readonly multipartThreshold: number;
  private readonly partSize: number;
  private readonly listPageSize: number;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.tmpDir = options.tmpDir;
    this.multipartThreshold = options.multipartThreshold ?? 16 * MiB;
    this.partSize = options.partSize ?? 8 * MiB;
    this.listPageSize = options.listPageSize ?? 1000;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      // Since 3.729 the SDK adds CRC32 checksums by default and sends streamed bodies aws-chunked with a
      // trailer. Many S3-compatible stores (s3rver, older MinIO and Ceph) store that framing as the
      // object's bytes. We keep our own SHA-256 of every file, so checksums only when an operation needs one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // The SDK writes some warnings with console.warn unless given a logger: keep stdout JSON lines.
      logger: jsonLinesLogger,
    });
  }

  receive(source: Readable, maxBytes: number): Promise<Received> {
    return receiveToTemp(this.tmpDir, source, maxBytes);
  }

  async commit(received: Received): Promise<string> {
    const key = newStorageKey();
    if (received.size < this.multipartThreshold) {
      await sendFromDisk(() =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: createReadStream(received.tmpPath),
            ContentLength: received.size,
            ContentType: 'application/octet-stream',
            Metadata: { sha256: received.sha256 },
          }),
        ),
      );
    } else {
      await this.uploadInParts(key, received);
    }
    await fs.rm(received.tmpPath, { force: true });
    return key;
  }

  private async uploadInParts(key: string, received: Received): Promise<void> {
    const partSize = Math.max(this.partSize, Math.ceil(received.size / MAX_PARTS));
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: 'application/octet-stream',
        Metadata: { sha256: received.sha256 },
      }),
    );
    if (!UploadId) throw new Error('The object store did not start a multipart upload');
    const count = Math.ceil(received.size / partSize);
    const etags: string[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const start = index * partSize;
        const length = Math.min(partSize, received.size - start);
        const { ETag } = await sendFromDisk(() =>
          this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key: key,
              UploadId,
              PartNumber: index + 1,
              Body: createReadStream(received.tmpPath, { start, end: start + length - 1 }),
              ContentLength: length,
            }),
          ),
        );
        if (!ETag) throw new Error(`The object store returned no ETag for part ${index + 1}`);
        etags[index] = ETag;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(PART_CONCURRENCY, count) }, worker));
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
        }),
      );
    } catch (err) {
      // Best effort: a bucket lifecycle rule (AbortIncompleteMultipartUpload) catches what this misses.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId }))
        .catch(() => undefined);
      throw err;
    }
  }

  async discard(received: Received): Promise<void> {
    await fs.rm(received.tmpPath, { force: true });
  }

  open(key: string): Readable {
    if (!isStorageKey(key)) throw new Error(`Bad storage key ${key}`);
    const { client, bucket } = this;
    // Lazy: the request starts when the stream is first read, and stops when the reader goes away.
    return Readable.from(
      (async function* () {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!Body) throw new Error(`Object ${key} has no body`);
        yield* Body as Readable;
      })(),
      { objectMode: false },
    );
  }

  async remove(key: string): Promise<void> {
    if (!isStorageKey(key)) throw new Error(`Bad storage key ${key}`);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(): AsyncIterable<StoredObject> {
    // ListObjects (v1) with Marker: S3, MinIO and Ceph all page it the same way, and it avoids s3rver's
    // v2 continuation tokens, which are DES-encrypted and fail on OpenSSL 3 (Node 17+) once a listing
    // is truncated.
    let marker: string | undefined;
    for (;;) {
      const page = await this.client.send(
        new ListObjectsCommand({
          Bucket: this.bucket,
          MaxKeys: this.listPageSize,
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      const contents = page.Contents ?? [];
      for (const o of contents) {
        if (o.Key && isStorageKey(o.Key)) yield { key: o.Key, modifiedAt: o.LastModified ?? new Date(0) };
      }
      const last = contents.at(-1)?.Key;
      if (!page.IsTruncated || !last) return;
      marker = last;
    }
  }

  sweepTemp(olderThan: Date): Promise<number> {
    return sweepTempDir(this.tmpDir, olderThan);
  }
}
