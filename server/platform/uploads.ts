import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { AppError } from './errors.ts';
import {
  extensionMatches,
  filenameProblem,
  type SniffedType,
  safeDisplayName,
  sniffFileType,
  ZipBombError,
} from './file-type.ts';
import { type UploadOutcome, uploadBytes, uploadsTotal } from './metrics.ts';
import { hitWindow } from './rate-limit.ts';
import type { Received, Storage } from './storage.ts';

export type StoredFile = { key: string; filename: string; size: number; sha256: string; type: SniffedType };

/**
 * The one upload pipeline: stream to a temporary file (size-limited, hashed on the way), recognise the type
 * by content, commit under a random key, then let `record` write the database row in its transaction. Any
 * failure — client gone, too big, wrong type, the transaction — leaves neither file nor record.
 */
export async function storeUpload<T>(
  deps: { storage: Storage; config: Pick<Config, 'maxUploadBytes'> },
  upload: { filename: string | undefined; stream: Readable },
  record: (file: StoredFile) => Promise<T>,
): Promise<T> {
  const { storage } = deps;
  let received: Received;
  try {
    received = await storage.receive(upload.stream, deps.config.maxUploadBytes);
  } catch (err) {
    uploadsTotal.inc({ outcome: outcomeOf(err) });
    throw err;
  }
  let key: string | null = null;
  try {
    const nameProblem = filenameProblem(upload.filename);
    if (nameProblem)
      throw new AppError('VALIDATION_FAILED', `The file name is not allowed: ${nameProblem}`, [
        { path: 'file', message: nameProblem },
      ]);
    if (received.size === 0)
      throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'file', message: 'empty' }]);
    const handle = await fs.open(received.tmpPath, 'r');
    let type: SniffedType | null;
    try {
      type = await sniffFileType(handle, received.size);
    } catch (err) {
      if (err instanceof ZipBombError) throw new AppError('UNSUPPORTED_FILE_TYPE', err.message);
      throw err;
    } finally {
      await handle.close();
    }
    if (!type) {
      throw new AppError(
        'UNSUPPORTED_FILE_TYPE',
        'Only PDF, JPEG, PNG, DOCX, XLSX and OFD files are accepted (checked by content)',
      );
    }
    const filename = safeDisplayName(upload.filename);
    if (!extensionMatches(filename, type)) {
      throw new AppError(
        'UNSUPPORTED_FILE_TYPE',
        `The file's content is ${type.ext.toUpperCase()}, which its name ${JSON.stringify(filename)} does not say`,
        [{ path: 'file', message: 'the extension does not match the content' }],
      );
    }
    key = await storage.commit(received);
    const result = await record({
      key,
      filename,
      size: received.size,
      sha256: received.sha256,
      type,
    });
    uploadsTotal.inc({ outcome: 'stored' });
    uploadBytes.inc({ outcome: 'stored' }, received.size);
    return result;
  } catch (err) {
    if (key) await storage.remove(key).catch(() => undefined);
    else await storage.discard(received).catch(() => undefined);
    const outcome = received.size === 0 ? 'empty' : outcomeOf(err);
    uploadsTotal.inc({ outcome });
    uploadBytes.inc({ outcome }, received.size);
    throw err;
  }
}

function outcomeOf(err: unknown): UploadOutcome {
  if (err instanceof AppError) {
    if (err.code === 'PAYLOAD_TOO_LARGE') return 'too_large';
    if (err.code === 'UNSUPPORTED_FILE_TYPE') return 'unsupported_type';
    return 'refused';
  }
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR')
    return 'aborted';
  return 'failed';
}

/**
 * Counts every multipart request of a signed-in caller against `uploadsPerHour` and answers 429 beyond it,
 * before a byte is stored. (The public objection form has its own per-address limit.)
 */
export function limitUploads(
  app: FastifyInstance,
  deps: { db: Db; config: Pick<Config, 'uploadsPerHour'> },
): void {
  app.addHook('preHandler', async (req) => {
    if (!req.caller || !req.isMultipart()) return;
    const w = await hitWindow(deps.db, `upload:user:${req.caller.id}`, 60);
    if (w.count > deps.config.uploadsPerHour) {
      const retry = Math.max(1, Math.ceil((w.resetsAt.getTime() - Date.now()) / 1000));
      throw new AppError('RATE_LIMITED', 'Too many uploads from your account; try again later', [], {
        'retry-after': String(retry),
      });
    }
  });
}
