import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type pg from 'pg';

/** A session as the browser holds it: the cookie token and the CSRF token. */
export type Session = { cookie: string; csrf: string; username: string };

/**
 * Issues sessions straight into the database for the given users: the surge measures declaring, not
 * argon2 (a real login costs one argon2id verification, ~19 MiB and tens of milliseconds, by design).
 */
export async function issueSessions(
  client: pg.Pool | pg.Client,
  usernames: string[],
): Promise<Map<string, Session>> {
  const users = await client.query<{ id: string; username: string }>(
    'SELECT id, username FROM users WHERE username = ANY($1)',
    [usernames],
  );
  const out = new Map<string, Session>();
  const rows: { id: string; userId: string; csrf: string }[] = [];
  for (const u of users.rows) {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    rows.push({ id: createHash('sha256').update(token).digest('hex'), userId: u.id, csrf });
    out.set(u.username, { cookie: `jiqun_session=${token}`, csrf, username: u.username });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await client.query(
      `INSERT INTO sessions (id, user_id, csrf_token, user_agent, expires_at)
       SELECT id, "userId", csrf, 'jiqun-bench', now() + interval '1 day'
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, "userId" uuid, csrf text)`,
      [JSON.stringify(rows.slice(i, i + 1000))],
    );
  }
  return out;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One HTTP request on the keep-alive agent; the body is a buffer, or a list of buffers and files streamed in order. */
export function request(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer | string | (Buffer | { file: string })[];
    session?: Session;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.session) {
      headers.cookie = opts.session.cookie;
      if (opts.method && opts.method !== 'GET') headers['x-csrf-token'] = opts.session.csrf;
    }
    const parts = Array.isArray(opts.body)
      ? opts.body
      : opts.body === undefined
        ? []
        : [Buffer.from(opts.body)];
    headers['content-length'] ??= String(
      parts.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : fs.statSync(p.file).size), 0),
    );
    const req = http.request(url, { method: opts.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    (async () => {
      for (const p of parts) {
        if (Buffer.isBuffer(p)) {
          if (!req.write(p)) await new Promise((r) => req.once('drain', r));
        } else {
          for await (const chunk of fs.createReadStream(p.file, { highWaterMark: 1024 * 1024 })) {
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
        }
      }
      req.end();
    })().catch((err) => req.destroy(err));
  });
}

export async function json<T = Record<string, unknown>>(
  url: string,
  opts: { method?: string; body?: unknown; session?: Session; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: http.IncomingHttpHeaders }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const r = await request(url, {
    method: opts.method ?? 'GET',
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.session ? { session: opts.session } : {}),
  });
  const text = r.body.toString('utf8');
  return { status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : null) as T };
}

const BOUNDARY = '----jiqun-bench-boundary-7f3a9c';

/** The multipart framing around one file: the category field first (the server reads it before the file). */
export function multipartFrame(category: string, filename: string, contentType = 'application/pdf') {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="category"\r\n\r\n${category}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return { head, tail, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** A PDF-looking file of `size` bytes (the server recognises PDFs by their first bytes). */
export function pdfBytes(size: number, seed = 1): Buffer {
  const head = Buffer.from('%PDF-1.7\n% synthetic benchmark evidence\n');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(size - head.length - tail.length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < body.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body.writeUInt32LE(x >>> 0, Math.min(i, body.length - 4));
  }
  return Buffer.concat([head, body, tail]);
}
