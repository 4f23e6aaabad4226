/**
 * Configuration: read once from the environment at start, validated into a frozen
 * object. Bad values stop the process with the list of everything that is wrong.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isStrongPassword } from '../domain/accounts/password-policy.ts';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  readonly adminPassword: string | undefined;
  /** `undefined`: load the demo on a first start of an empty embedded database only. */
  readonly demo: boolean | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly sessionHours: number;
  readonly secureCookies: boolean;
  /** Trust X-Forwarded-For from a reverse proxy; off, or any client could pick its own address. */
  readonly trustProxy: boolean;
  readonly webDir: string;
  /** Public base URL (no trailing slash) printed in QR codes; `undefined`: derived from each request. */
  readonly publicUrl: string | undefined;
  /** A TrueType/OpenType font for PDF documents; `undefined`: Noto Sans SC from node_modules. */
  readonly pdfFont: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };

  const port = int('PORT', 8080, 0, 65535);
  const sessionHours = int('GOVHALL_SESSION_HOURS', 12, 1, 24 * 30);

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}")`);
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL');
    }
  }

  const adminPassword = env.GOVHALL_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && !isStrongPassword(adminPassword)) {
    problems.push('GOVHALL_ADMIN_PASSWORD needs at least 10 characters with letters and digits');
  }

  let demo: boolean | undefined;
  const rawDemo = env.GOVHALL_DEMO;
  if (rawDemo === '1') demo = true;
  else if (rawDemo === '0') demo = false;
  else if (rawDemo !== undefined && rawDemo !== '') problems.push(`GOVHALL_DEMO must be 1 or 0 (got "${rawDemo}")`);

  const rawLevel = env.LOG_LEVEL ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as Config['logLevel']) : 'info';
  if (logLevel !== rawLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);

  const rawSecure = env.GOVHALL_SECURE_COOKIES;
  if (rawSecure !== undefined && rawSecure !== '' && rawSecure !== '1' && rawSecure !== '0') {
    problems.push(`GOVHALL_SECURE_COOKIES must be 1 or 0 (got "${rawSecure}")`);
  }

  const rawTrust = env.GOVHALL_TRUST_PROXY;
  if (rawTrust !== undefined && rawTrust !== '' && rawTrust !== '1' && rawTrust !== '0') {
    problems.push(`GOVHALL_TRUST_PROXY must be 1 or 0 (got "${rawTrust}")`);
  }

  const publicUrl = publicBaseUrl(env.GOVHALL_PUBLIC_URL, problems);
  const pdfFont = env.GOVHALL_PDF_FONT ? resolve(env.GOVHALL_PDF_FONT) : undefined;
  if (pdfFont !== undefined) {
    const problem = fontFileProblem(pdfFont);
    if (problem) problems.push(`GOVHALL_PDF_FONT ${problem} (got "${env.GOVHALL_PDF_FONT}")`);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.GOVHALL_DATA_DIR || './data'),
    databaseUrl,
    adminPassword,
    demo,
    logLevel,
    sessionHours,
    secureCookies: rawSecure === '1',
    trustProxy: rawTrust === '1',
    webDir: resolve(env.GOVHALL_WEB_DIR || './dist/web'),
    publicUrl,
    pdfFont,
  });
}

/** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
function publicBaseUrl(raw: string | undefined, problems: string[]): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`GOVHALL_PUBLIC_URL must be an absolute http(s) URL (got "${value}")`);
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    problems.push(`GOVHALL_PUBLIC_URL must be an http(s) URL without query, fragment or credentials (got "${value}")`);
    return undefined;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Why the file cannot be a PDF font: missing, or not TrueType/OpenType by its first bytes. */
function fontFileProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'is not a file';
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
    const tag = head.toString('latin1');
    // TrueType (0x00010000 or "true") or OpenType with CFF outlines ("OTTO"); collections need a face name.
    if (head.readUInt32BE(0) === 0x00010000 || tag === 'true' || tag === 'OTTO') return undefined;
    return 'must be a TrueType (.ttf) or OpenType (.otf) font file, not a collection';
  } catch {
    return 'cannot be read';
  }
}
