/**
 * Duplicates refused by a unique index (PostgreSQL error 23505), mapped to the 409 of
 * the rule the index enforces. The services check for duplicates first, for a clear
 * answer; the index is what holds under concurrent requests.
 */
import { fieldError, type AppError } from '../../domain/shared/errors.ts';

/** The constraint named by a unique violation anywhere in the error's cause chain. */
export function uniqueViolation(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    e = cause;
  }
  return undefined;
}

const BY_INDEX: Record<string, () => AppError> = {
  departments_centre_name_idx: () => fieldError('DEPARTMENT_NAME_TAKEN', '/name'),
  zones_centre_name_idx: () => fieldError('ZONE_NAME_TAKEN', '/name'),
  counters_centre_number_idx: () => fieldError('COUNTER_NUMBER_TAKEN', '/number'),
  staff_centre_work_number_idx: () => fieldError('STAFF_WORK_NUMBER_TAKEN', '/workNumber'),
  staff_user_idx: () => fieldError('STAFF_USER_TAKEN', '/userId'),
};

/** Runs `work`; a unique violation of one of the organisation's indexes becomes its 409. */
export async function mapUniqueViolations<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const index = uniqueViolation(err);
    const mapped = index === undefined ? undefined : BY_INDEX[index];
    if (mapped) throw mapped();
    throw err;
  }
}
