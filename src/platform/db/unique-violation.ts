/**
 * PostgreSQL's unique violation (error 23505), found anywhere in an error's cause chain
 * (Drizzle wraps the driver's error). Services check for duplicates first, for a clear
 * answer; the unique index is what holds under concurrent requests.
 */

/** The constraint named by a unique violation ('' when unnamed), or undefined if there is none. */
export function uniqueViolation(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    e = cause;
  }
  return undefined;
}
