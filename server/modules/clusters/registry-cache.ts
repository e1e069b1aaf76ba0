import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/sql.ts';

/**
 * A rendered public answer: the body as bytes and its validator. Bytes, not a string: a string would be
 * encoded anew for every response (a 177 KB registry at a thousand requests a second).
 */
export type Rendered = { body: Buffer; etag: string };
type Render = () => Promise<{ body: string | Buffer; etag: string }>;

const asBytes = async (render: Render): Promise<Rendered> => {
  const r = await render();
  return { etag: r.etag, body: typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body };
};

/**
 * Rendered public registry answers (JSON, CSV, statistics), kept until the registry changes. The database
 * counts changes (registry_version, bumped by statement triggers on clusters and the reference tables it
 * joins), so every process notices every change, whichever process made it. Each request still costs one
 * tiny query; rendering (query, presenter, validation, ETag hash, JSON) happens once per change and filter.
 */
export class RegistryCache {
  private version: string | null = null;
  private entries = new Map<string, Rendered>();
  private inflight = new Map<string, Promise<Rendered>>();
  private bytes = 0;

  /** At most `maxBytes` of bodies (free-text searches make the keys unbounded); the oldest go first. */
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  private running: Promise<string | undefined> | null = null;
  private queued: Promise<string | undefined> | null = null;

  /**
   * The current version, read by a query that started after this call: a change committed before the
   * request arrived is always seen. Requests arriving while a read is under way share the next one, so 64
   * concurrent requests cost a couple of queries, not 64.
   */
  private readVersion(db: Executor): Promise<string | undefined> {
    const start = () => {
      const p = rows<{ version: string }>(db, sql`SELECT version::text AS version FROM registry_version`)
        .then(([row]) => row?.version)
        .finally(() => {
          if (this.running === p) this.running = null;
        });
      this.running = p;
      return p;
    };
    if (!this.running) return start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return start();
      });
    return this.queued;
  }

  async get(db: Executor, key: string, render: Render): Promise<Rendered> {
    // The version is read before any data: a change committed in between makes the entry newer than its
    // version, never older, and the next request re-renders it.
    const version = await this.readVersion(db);
    if (version === undefined) return asBytes(render);
    if (version !== this.version) {
      this.entries.clear();
      this.inflight.clear();
      this.bytes = 0;
      this.version = version;
    }
    const cached = this.entries.get(key) ?? this.inflight.get(key);
    if (cached) return cached;
    // Concurrent requests for the same answer share one rendering.
    const pending = asBytes(render);
    this.inflight.set(key, pending);
    try {
      const rendered = await pending;
      if (this.version === version && this.inflight.get(key) === pending) this.remember(key, rendered);
      return rendered;
    } finally {
      if (this.inflight.get(key) === pending) this.inflight.delete(key);
    }
  }

  private remember(key: string, rendered: Rendered): void {
    if (rendered.body.length > this.maxBytes) return;
    this.entries.set(key, rendered);
    this.bytes += rendered.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }
}

/** A stable cache key for a parsed query: the same filters in any order give the same key. */
export const queryKey = (format: string, query: Record<string, unknown>) =>
  `${format}?${Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(query[k])}`)
    .join('&')}`;
