/**
 * End of the service day: tickets still open (waiting, called, serving, parked) on a day
 * that is over are closed as `expired` by the system (ticket-states.ts), so that nothing
 * stays "called" overnight and the next morning's pool is clean. Idempotent; rows taken
 * with SKIP LOCKED, so several server processes share the work.
 */
import { serviceDayKey } from '../../domain/queue/numbering.ts';
import { transition } from '../../domain/queue/ticket-states.ts';
import { writeAudits } from '../../platform/audit/audit.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Job } from '../../platform/jobs/jobs.ts';
import * as repo from './ticket.repository.ts';
import { stateColumns, ticketState } from './views.ts';

const BATCH = 200;

/** Expires the open tickets of past service days; returns how many. */
export async function expireStaleTickets(deps: AppDeps): Promise<number> {
  const now = deps.clock();
  const today = serviceDayKey(now);
  let total = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const rows = await repo.staleOpenTickets(tx, today, BATCH);
      for (const row of rows) {
        const { ticket, event } = transition(ticketState(row), { type: 'expire' }, { now, actor: { kind: 'system' }, recallLimit: 0 });
        await repo.updateTicket(tx, row.id, stateColumns(ticket));
        await repo.insertEvent(tx, row.centreId, row.queueId, event);
      }
      await writeAudits(
        tx,
        SYSTEM_ACTOR,
        now,
        rows.map((r) => ({ centreId: r.centreId, entity: 'ticket', entityId: r.id, action: 'expire', before: { status: r.status, serviceDay: r.serviceDay }, after: { status: 'expired' } })),
      );
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** Every 10 minutes: shortly after midnight (Asia/Shanghai) yesterday's open tickets close. */
export const expireTicketsJob: Job = { name: 'queue.expire-tickets', everyMs: 10 * 60_000, run: expireStaleTickets };
