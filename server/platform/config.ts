import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every environment variable Jiqun reads, with its default. README's configuration table mirrors this. */
const envSchema = z.object({
  PORT: intFromEnv(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  JIQUN_DATA_DIR: z.string().min(1).default('var'),
  JIQUN_DEMO: boolFromEnv.optional(),
  JIQUN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JIQUN_SESSION_TTL_HOURS: intFromEnv(1, 24 * 30).default(12),
  JIQUN_COOKIE_SECURE: boolFromEnv.default(false),
  JIQUN_TRUST_PROXY: boolFromEnv.default(false),
  JIQUN_LOGIN_MAX_FAILURES: intFromEnv(1, 10_000).default(20),
  JIQUN_LOGIN_MAX_FAILURES_PER_IP: intFromEnv(1, 100_000).default(100),
  JIQUN_LOGIN_WINDOW_MINUTES: intFromEnv(1, 24 * 60).default(15),
  JIQUN_DB_POOL_SIZE: intFromEnv(1, 200).default(10),
  JIQUN_DB_CONNECT_TIMEOUT_MS: intFromEnv(100, 600_000).default(15_000),
  JIQUN_UPLOAD_DIR: z.string().min(1).optional(),
  JIQUN_MAX_UPLOAD_MB: intFromEnv(1, 10_240).default(100),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** PGlite data directory; only used when databaseUrl is not set. */
  pgliteDir: string;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['JIQUN_LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  login: { maxFailures: number; maxFailuresPerIp: number; windowMinutes: number };
  dbPoolSize: number;
  /** How long a request waits for a free database connection before answering 503. */
  dbConnectTimeoutMs: number;
  /** Evidence files (local storage). */
  uploadDir: string;
  maxUploadBytes: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0])}=${picked[String(i.path[0])] ?? ''}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.JIQUN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.join(dataDir, 'db'),
    // Demo mode is the default only for the embedded database: a real server never gets demo accounts by accident.
    demo: e.JIQUN_DEMO ?? e.DATABASE_URL === undefined,
    logLevel: e.JIQUN_LOG_LEVEL,
    sessionTtlHours: e.JIQUN_SESSION_TTL_HOURS,
    cookieSecure: e.JIQUN_COOKIE_SECURE,
    trustProxy: e.JIQUN_TRUST_PROXY,
    login: {
      maxFailures: e.JIQUN_LOGIN_MAX_FAILURES,
      maxFailuresPerIp: e.JIQUN_LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: e.JIQUN_LOGIN_WINDOW_MINUTES,
    },
    dbPoolSize: e.JIQUN_DB_POOL_SIZE,
    dbConnectTimeoutMs: e.JIQUN_DB_CONNECT_TIMEOUT_MS,
    uploadDir: e.JIQUN_UPLOAD_DIR ? path.resolve(e.JIQUN_UPLOAD_DIR) : path.join(dataDir, 'uploads'),
    maxUploadBytes: e.JIQUN_MAX_UPLOAD_MB * 1024 * 1024,
  };
}
