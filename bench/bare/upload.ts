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

const server = http.createServer(async (req, res) => {
  if (req.url === '/readyz') {
    res.end('{"status":"ready"}');
    return;
  }
  const file = path.join(dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      req,
      new Transform({
        highWaterMark: RECEIVE_BUFFER_BYTES,
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(file, { flags: 'wx', highWaterMark: RECEIVE_BUFFER_BYTES }),
    );
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ size, sha256: hash.digest('hex') }));
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
