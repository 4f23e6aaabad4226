/**
 * Phones and ID numbers of tickets (personal data): never stored or answered in the
 * clear. A phone is kept encrypted (AES-256-GCM) for the "your turn is near" message,
 * with a keyed digest (HMAC-SHA-256) that counts the day's mobile tickets per phone, and
 * its masked form for screens; of an ID number only the digest and the masked form are
 * kept. The key is made once per database (table queue_data_keys) and cached.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '../../domain/shared/privacy.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { queueDataKeys } from './schema.ts';

export interface Keys {
  readonly encrypt: Buffer;
  readonly digest: Buffer;
}

const keysOf = new WeakMap<Database, Promise<Keys>>();

async function loadKeys(q: Queryable): Promise<Keys> {
  await q
    .insert(queueDataKeys)
    .values({ id: 1, key: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await q.select().from(queueDataKeys).where(eq(queueDataKeys.id, 1));
  const master = Buffer.from(row!.key, 'base64');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { encrypt: derive('govhall ticket phone encryption'), digest: derive('govhall ticket digest') };
}

/** The keys of this database, read (or made) once per process; call it outside a transaction of another connection. */
export function dataKeys(deps: Pick<AppDeps, 'database' | 'db'>): Promise<Keys> {
  const database = deps.database;
  let keys = keysOf.get(database);
  if (!keys) {
    keys = loadKeys(deps.db);
    keysOf.set(database, keys);
    keys.catch(() => keysOf.delete(database));
  }
  return keys;
}

function digest(keys: Keys, kind: string, value: string): string {
  return createHmac('sha256', keys.digest).update(`${kind}:${value}`).digest('base64url');
}

export interface ProtectedPhone {
  readonly phoneCipher: string;
  readonly phoneDigest: string;
  readonly phoneMasked: string;
}

export interface ProtectedIdNumber {
  readonly idDigest: string;
  readonly idMasked: string;
}

/** A normalised phone (11 digits) as stored. */
export function protectPhone(keys: Keys, phone: string): ProtectedPhone {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encrypt, iv);
  const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return { phoneCipher: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), phoneDigest: phoneDigest(keys, phone), phoneMasked: maskPhone(phone) };
}

export function phoneDigest(keys: Keys, phone: string): string {
  return digest(keys, 'phone', phone);
}

/** The phone back, for the notification adapter only. */
export function revealPhone(keys: Keys, phoneCipher: string): string {
  const raw = Buffer.from(phoneCipher, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys.encrypt, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A checked ID number (GB 11643) as stored: digest and masked form, never the number. */
export function protectIdNumber(keys: Keys, idNumber: string): ProtectedIdNumber {
  return { idDigest: idNumberDigest(keys, idNumber), idMasked: maskIdNumber(idNumber) };
}

export function idNumberDigest(keys: Keys, idNumber: string): string {
  return digest(keys, 'id', idNumber);
}
