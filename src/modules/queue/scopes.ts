/** Access scopes of the queue's routes: the centre (and department) a request touches. */
import { AppError } from '../../domain/shared/errors.ts';
import { entityScope, isUuid, type ScopeResolver } from '../../platform/auth/access.ts';
import { counterScope } from './display.service.ts';
import { queueCentre } from './queue-config.service.ts';
import { ticketCentre } from './ticket-action.service.ts';

export const queueScope = entityScope(queueCentre, 'QUEUE_NOT_FOUND');
export const ticketScope = entityScope(ticketCentre, 'TICKET_NOT_FOUND');

/**
 * The counter of the `counterId` path parameter: its centre and, with `department`, its
 * department (a clerk scoped to a department works at that department's counters and at
 * the centre's own, such as the comprehensive ones).
 */
export function counterParamScope(department: boolean): ScopeResolver {
  return async (request, deps) => {
    const id = (request.params as Record<string, unknown>).counterId;
    if (!isUuid(id)) throw new AppError('COUNTER_NOT_FOUND');
    const found = await counterScope(deps, id);
    if (!found) throw new AppError('COUNTER_NOT_FOUND');
    return { centreId: found.centreId, departmentId: department ? found.departmentId : null };
  };
}
