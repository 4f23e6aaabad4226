/**
 * Duplicates refused by one of the organisation's unique indexes, mapped to the 409 of
 * the rule the index enforces.
 */
import { fieldError, type AppError } from '../../domain/shared/errors.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';

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
