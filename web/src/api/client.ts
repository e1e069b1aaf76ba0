import type { Division, Industry, Meta, Page, Session, Unit } from './types.ts';

/** An error response from the API, parsed from `{"error": {"code", "message", "details"}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[];

  constructor(status: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Status 0: the request never got an HTTP answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

// Kept in memory only; refreshed from every login and /auth/me response.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token to send as `x-csrf-token` on a request made outside `request` (e.g. an XHR upload). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a generic error.
  }
  return apiErrorFromBody(res.status, res.statusText, body);
}

/** The ApiError for an error response's status and parsed body (null when the body was not JSON). */
export function apiErrorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error) {
    return new ApiError(
      status,
      typeof error.code === 'string' ? error.code : `HTTP_${status}`,
      typeof error.message === 'string' ? error.message : statusText,
      Array.isArray(error.details) ? error.details : [],
    );
  }
  return new ApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, signal ? { query, signal } : { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('PUT', path, headers ? { body, headers } : { body }),
  patch: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('PATCH', path, headers ? { body, headers } : { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

const V1 = '/api/v1';

/** Typed endpoints. Auth calls keep the CSRF token up to date. */
export const api = {
  meta: (signal?: AbortSignal) => http.get<Meta>(`${V1}/meta`, undefined, signal),

  async login(username: string, password: string): Promise<Session> {
    const session = await http.post<Session>(`${V1}/auth/login`, { username, password });
    setCsrfToken(session.csrfToken);
    return session;
  },

  /** The current session, or null when not signed in (401). */
  async me(signal?: AbortSignal): Promise<Session | null> {
    try {
      const session = await http.get<Session>(`${V1}/auth/me`, undefined, signal);
      setCsrfToken(session.csrfToken);
      return session;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw err;
    }
  },

  async logout(): Promise<void> {
    try {
      await http.post<void>(`${V1}/auth/logout`);
    } finally {
      setCsrfToken(null);
    }
  },

  units: (signal?: AbortSignal) => http.get<Page<Unit>>(`${V1}/units`, undefined, signal),
  divisions: (query: Query, signal?: AbortSignal) =>
    http.get<Page<Division>>(`${V1}/divisions`, query, signal),
  division: (code: string, signal?: AbortSignal) =>
    http.get<Division>(`${V1}/divisions/${encodeURIComponent(code)}`, undefined, signal),
  industries: (query: Query, signal?: AbortSignal) =>
    http.get<Page<Industry>>(`${V1}/industries`, query, signal),
  industry: (code: string, signal?: AbortSignal) =>
    http.get<Industry>(`${V1}/industries/${encodeURIComponent(code)}`, undefined, signal),
};
