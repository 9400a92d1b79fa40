import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LIMITS } from '@atrium/contracts';
import type { S3StorageOptions } from './platform/storage/s3-storage.ts';

export interface Config {
  databaseUrl: string;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string;
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  storageDriver: 'local' | 's3';
  storageDir: string;
  /** Set when STORAGE_DRIVER=s3. */
  s3: S3StorageOptions | undefined;
  sessionSecret: string;
  logLevel: string;
  demoPassword: string | undefined;
  secureCookies: boolean;
  /** Bearer token Prometheus sends for /metrics; unset: /metrics answers only to loopback addresses. */
  metricsToken: string | undefined;
  trustProxy: boolean;
  /** Largest accepted attachment upload, in bytes. */
  attachmentMaxBytes: number;
}

/** Raised for any invalid setting; the CLI prints the message and exits with code 2. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.variable = variable;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(variable: string, raw: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must use one of ${protocols.join(', ')}`);
  }
  return url;
}

/** Whole files are buffered in memory, so the setting is capped at 1 GiB. */
function parseAttachmentMaxBytes(raw: string | undefined): number {
  if (raw === undefined || raw === '') return LIMITS.attachmentBytes;
  const bytes = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(bytes) || bytes < 1 || bytes > 1024 ** 3) {
    throw new ConfigError(
      'ATTACHMENT_MAX_BYTES',
      `must be a number of bytes from 1 to 1073741824, got "${raw}"`,
    );
  }
  return bytes;
}

/** A SQLite URL is `sqlite:relative/or/absolute.db` or `sqlite::memory:`; PostgreSQL is `postgres://…`. */
function parseDatabaseUrl(raw: string | undefined, dataDir: string): string {
  if (raw === undefined || raw === '') return `sqlite:${resolve(dataDir, 'atrium.db')}`;
  if (raw.startsWith('sqlite:')) return raw;
  parseUrl('DATABASE_URL', raw, ['postgres:', 'postgresql:']);
  return raw;
}

/** Bucket names as S3 defines them: 3–63 lowercase letters, digits, dots and hyphens. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_REGION = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Prefix segments follow the same rules as storage keys: no empty, "." or ".." segments. */
const S3_PREFIX_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/;

/** Values are never echoed in errors: the credentials are secrets. */
function parseS3(env: NodeJS.ProcessEnv): S3StorageOptions {
  const bucket = env.S3_BUCKET ?? '';
  if (bucket === '') throw new ConfigError('S3_BUCKET', 'is required when STORAGE_DRIVER is "s3"');
  if (!S3_BUCKET.test(bucket) || bucket.includes('..')) {
    throw new ConfigError('S3_BUCKET', 'must be 3 to 63 lowercase letters, digits, dots and hyphens');
  }
  const region = env.S3_REGION || 'us-east-1';
  if (!S3_REGION.test(region)) throw new ConfigError('S3_REGION', 'must be a region name such as us-east-1');
  let endpoint: string | undefined;
  if (env.S3_ENDPOINT) {
    const url = parseUrl('S3_ENDPOINT', env.S3_ENDPOINT, ['http:', 'https:']);
    if (url.username !== '' || url.password !== '') {
      throw new ConfigError(
        'S3_ENDPOINT',
        'must not contain credentials; use S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
      );
    }
    if (url.search !== '' || url.hash !== '') {
      throw new ConfigError('S3_ENDPOINT', 'must not have a query or fragment');
    }
    endpoint = url.href.replace(/\/$/, '');
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  if (accessKeyId === '') {
    throw new ConfigError('S3_ACCESS_KEY_ID', 'is required when STORAGE_DRIVER is "s3"');
  }
  if (!/^[!-~]+$/.test(accessKeyId)) {
    throw new ConfigError('S3_ACCESS_KEY_ID', 'must be printable ASCII without spaces');
  }
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if (secretAccessKey === '') {
    throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is required when STORAGE_DRIVER is "s3"');
  }
  if (!/^[!-~]+$/.test(secretAccessKey)) {
    throw new ConfigError('S3_SECRET_ACCESS_KEY', 'must be printable ASCII without spaces');
  }
  const prefix = (env.S3_PREFIX ?? '').replace(/\/$/, '');
  if (prefix !== '' && !prefix.split('/').every((segment) => S3_PREFIX_SEGMENT.test(segment))) {
    throw new ConfigError(
      'S3_PREFIX',
      'must be "/"-separated segments of letters, digits, ".", "_" and "-" (no leading "/", no "." or "..")',
    );
  }
  return {
    bucket,
    region,
    endpoint,
    accessKeyId,
    secretAccessKey,
    prefix: prefix === '' ? '' : `${prefix}/`,
  };
}

/** The embedded default keeps a generated secret next to the database, so sessions survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.ATRIUM_DATA_DIR || './data');
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  const parsedPublic = parseUrl('PUBLIC_URL', publicUrl, ['http:', 'https:']);
  if (env.REDIS_URL) parseUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']);
  if (env.SMTP_URL) parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const storageDriver = env.STORAGE_DRIVER || 'local';
  if (storageDriver !== 'local' && storageDriver !== 's3') {
    throw new ConfigError('STORAGE_DRIVER', 'must be "local" or "s3"');
  }
  const s3 = storageDriver === 's3' ? parseS3(env) : undefined;
  let sessionSecret = env.SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }
  sessionSecret ??= loadOrCreateSecret(dataDir);
  if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN !== '' && env.METRICS_TOKEN.length < 16) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  }
  const mailFrom = env.MAIL_FROM || `Atrium <no-reply@${parsedPublic.hostname}>`;
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must be an email address');
  return {
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    dataDir,
    port,
    host,
    publicUrl: publicUrl.replace(/\/$/, ''),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'atrium:',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom,
    storageDriver,
    storageDir: resolve(env.STORAGE_DIR || resolve(dataDir, 'files')),
    s3,
    sessionSecret,
    logLevel,
    demoPassword: env.ATRIUM_DEMO_PASSWORD || undefined,
    secureCookies: parsedPublic.protocol === 'https:',
    trustProxy: env.TRUST_PROXY === 'true',
    metricsToken: env.METRICS_TOKEN || undefined,
    attachmentMaxBytes: parseAttachmentMaxBytes(env.ATTACHMENT_MAX_BYTES),
  };
}
