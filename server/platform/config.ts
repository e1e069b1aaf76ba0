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
  JIQUN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  JIQUN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  JIQUN_MAIL_FROM: z.string().min(3).default('中小企业特色产业集群 Jiqun <no-reply@localhost>'),
  JIQUN_REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'whole days before a deadline, e.g. 7,1')
    .default('7,1'),
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
  JIQUN_UPLOADS_PER_HOUR: intFromEnv(1, 1_000_000).default(600),
  JIQUN_STORAGE: z.enum(['local', 's3']).default('local'),
  JIQUN_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  JIQUN_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
  JIQUN_S3_REGION: z.string().min(1).default('us-east-1'),
  JIQUN_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  JIQUN_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  JIQUN_S3_FORCE_PATH_STYLE: boolFromEnv.optional(),
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
  /** Where users open the app (links in e-mails). */
  publicUrl: string;
  /** SMTP server (none: demo installations capture mail, others record it as not sent) and sender. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Days before a campaign deadline on which reminders go out, largest first. */
  reminderDays: number[];
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  login: { maxFailures: number; maxFailuresPerIp: number; windowMinutes: number };
  dbPoolSize: number;
  /** How long a request waits for a free database connection before answering 503. */
  dbConnectTimeoutMs: number;
  /** Evidence files (local storage); with S3, only the temporary files of uploads in progress. */
  uploadDir: string;
  /** Uploads one account may start per hour (429 beyond): a stolen session cannot fill the disk. */
  uploadsPerHour: number;
  maxUploadBytes: number;
  storage: StorageConfig;
};

/** Local disk, or an S3-compatible bucket (credentials from the SDK's usual chain when not given). */
export type StorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
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
  const storageProblems = [
    e.JIQUN_STORAGE === 's3' && !e.JIQUN_S3_BUCKET ? 'JIQUN_S3_BUCKET=: required with JIQUN_STORAGE=s3' : '',
    (e.JIQUN_S3_ACCESS_KEY_ID === undefined) !== (e.JIQUN_S3_SECRET_ACCESS_KEY === undefined)
      ? 'JIQUN_S3_ACCESS_KEY_ID / JIQUN_S3_SECRET_ACCESS_KEY: give both or neither'
      : '',
  ].filter(Boolean);
  if (storageProblems.length) throw new ConfigError(storageProblems);
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
    publicUrl: e.JIQUN_PUBLIC_URL.replace(/\/+$/, ''),
    mail: { smtpUrl: e.JIQUN_SMTP_URL, from: e.JIQUN_MAIL_FROM },
    reminderDays: [...new Set(e.JIQUN_REMINDER_DAYS.split(',').map(Number))].sort((x, y) => y - x),
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
    uploadsPerHour: e.JIQUN_UPLOADS_PER_HOUR,
    storage:
      e.JIQUN_STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: e.JIQUN_S3_ENDPOINT,
            bucket: e.JIQUN_S3_BUCKET ?? '',
            region: e.JIQUN_S3_REGION,
            accessKeyId: e.JIQUN_S3_ACCESS_KEY_ID,
            secretAccessKey: e.JIQUN_S3_SECRET_ACCESS_KEY,
            // MinIO, Ceph and most self-hosted stores need path-style URLs; AWS itself prefers virtual hosts.
            forcePathStyle: e.JIQUN_S3_FORCE_PATH_STYLE ?? e.JIQUN_S3_ENDPOINT !== undefined,
          }
        : { kind: 'local' },
  };
}
