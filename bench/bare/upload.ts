// Baseline for the large-upload benchmark: the least a streaming Node server must do with an upload —
// socket → SHA-256 → file, no multipart, no framework — so the real pipeline is compared with what Node
// itself reaches on this machine, beside `cp` (which copies in the kernel and never crosses a socket). Same
// stream buffer size as the server's, so the difference is multipart parsing, Fastify and the pipeline's checks.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RECEIVE_BUFFER_BYTES } from '../../server/platform/storage.ts';

const dir = process.env.BENCH_UPLOAD_DIR!;
await fs.mkdir(dir, { recursive: true });

// Three modes, to take the pipeline apart: /upload (socket → SHA-256 → file, the baseline), /write (socket →
// file, no hash) and /discard (socket only: what receiving over HTTP costs Node here).
const server = http.createServer(async (req, res) => {
  if (req.url === '/readyz') {
    res.end('{"status":"ready"}');
    return;
  }
  const mode = req.url === '/discard' ? 'discard' : req.url === '/write' ? 'write' : 'upload';
  const file = path.join(dir, `${randomUUID()}.part`);
  const hash = mode === 'upload' ? createHash('sha256') : null;
  let size = 0;
  try {
    const meter = new Transform({
      highWaterMark: RECEIVE_BUFFER_BYTES,
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        hash?.update(chunk);
        done(null, mode === 'discard' ? undefined : chunk);
      },
    });
    if (mode === 'discard') {
      await pipeline(req, meter.resume());
    } else {
      await pipeline(
        req,
        meter,
        createWriteStream(file, { flags: 'wx', highWaterMark: RECEIVE_BUFFER_BYTES }),
      );
    }
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ size, sha256: hash?.digest('hex') ?? null }));
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  } finally {
    await fs.rm(file, { force: true });
  }
});
const close = () => server.close(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
