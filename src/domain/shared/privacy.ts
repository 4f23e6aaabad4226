/**
 * Masking of personal data for screens, logs and the audit trail.
 * Personal data (ID numbers, phones, raters' identities) is shown masked to every
 * role that does not need it in full.
 */

/** 360102199001011234 → 3601**********1234 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 13812345678 → 138****5678; 0791-88888888 → 0791****8888 */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (digits.length <= 7) return digits.slice(0, 2) + '*'.repeat(Math.max(0, digits.length - 2));
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

/** 张三丰 → 张** ; 李四 → 李* */
export function maskName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return value;
  return chars[0] + '*'.repeat(chars.length - 1);
}

const PERSONAL_KEYS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  idCard: maskIdNumber,
  phone: maskPhone,
  mobile: maskPhone,
  personalPhone: maskPhone,
  applicantPhone: maskPhone,
  raterName: maskName,
  raterId: maskIdNumber,
};

const SECRET_KEYS = new Set(['password', 'passwordHash', 'tokenHash', 'token', 'secret', 'csrfToken']);

/**
 * A deep copy of `value` with personal fields masked and secrets removed, for the
 * audit trail and logs. Keys are recognised by name.
 */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(key)) continue;
    const mask = PERSONAL_KEYS[key];
    out[key] = mask && typeof v === 'string' ? mask(v) : maskPersonalData(v);
  }
  return out;
}
