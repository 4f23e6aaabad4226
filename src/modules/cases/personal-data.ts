/**
 * Personal data of cases and consultations: the applicant (name, ID number, phone,
 * address) is stored as one encrypted JSON value (AES-256-GCM) with the key of
 * queue/personal-data.ts (one key per database, carried by a backup), beside keyed
 * digests (the ID number's and the phone's are the same digests tickets keep, so the
 * two can be matched without the numbers) and masked forms for every reader. The
 * public progress check stores a digest of the case number and the phone's last four
 * digits, never the digits themselves.
 */
import { createCipheriv, createHmac, timingSafeEqual, randomBytes } from 'node:crypto';
import { maskApplicant, phoneCheckCode, type Applicant, type MaskedApplicant } from '../../domain/cases/applicant.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { dataKeys, idNumberDigest, phoneDigest, revealPhone, type Keys } from '../queue/personal-data.ts';

export { dataKeys, type Keys };

/** Encrypts a text with the database's key (the layout revealPhone reads: IV, tag, body). */
export function seal(keys: Keys, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encrypt, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(keys: Keys, sealed: string): string {
  return revealPhone(keys, sealed);
}

export function checkDigest(keys: Keys, caseNumber: string, code: string): string {
  return createHmac('sha256', keys.digest).update(`case-check:${caseNumber}:${code}`).digest('base64url');
}

/** Constant-time comparison of a check code with the stored digest (a dummy digest when the case does not exist). */
export function checkMatches(keys: Keys, caseNumber: string, code: string, stored: string | null): boolean {
  const given = Buffer.from(checkDigest(keys, caseNumber, code));
  const expected = Buffer.from(stored ?? checkDigest(keys, caseNumber, 'none'));
  return stored !== null && given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ProtectedApplicant {
  readonly applicantKind: Applicant['kind'];
  readonly applicantCipher: string;
  readonly applicantNameMasked: string;
  readonly applicantIdType: string | null;
  readonly applicantIdMasked: string | null;
  readonly applicantIdDigest: string | null;
  readonly applicantUscc: string | null;
  readonly phoneMasked: string;
  readonly phoneDigest: string;
  readonly checkDigest: string;
}

export function protectApplicant(keys: Keys, applicant: Applicant, caseNumber: string): ProtectedApplicant {
  const masked = maskApplicant(applicant);
  return {
    applicantKind: applicant.kind,
    applicantCipher: seal(keys, JSON.stringify(applicant)),
    applicantNameMasked: masked.name,
    applicantIdType: applicant.kind === 'person' ? applicant.idType : null,
    applicantIdMasked: masked.idNumber,
    applicantIdDigest: applicant.kind === 'person' ? idNumberDigest(keys, applicant.idNumber) : null,
    applicantUscc: applicant.kind === 'organisation' ? applicant.uscc : null,
    phoneMasked: masked.phone,
    phoneDigest: phoneDigest(keys, applicant.phone),
    checkDigest: checkDigest(keys, caseNumber, phoneCheckCode(applicant.phone)),
  };
}

export function revealApplicant(keys: Keys, cipher: string): Applicant {
  return JSON.parse(unseal(keys, cipher)) as Applicant;
}

export async function keysOf(deps: AppDeps): Promise<Keys> {
  return dataKeys(deps);
}

export type { MaskedApplicant };
