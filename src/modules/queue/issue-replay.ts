/**
 * Issuing is idempotent by request id: a kiosk (or a phone) that did not hear the answer
 * sends the same request again with the same `requestId`, which is the new ticket's id,
 * and is answered the ticket issued the first time — never a second number
 * (§7.1.5: numbers never duplicated). The same id sent for another centre or another
 * queue is refused, and nothing is written.
 */
import { waitFigures } from '../../domain/queue/hall.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { readHall } from './hall.ts';
import * as repo from './ticket.repository.ts';
import type { IssueResult } from './ticket.schemas.ts';
import { rankedOf, ticketView } from './views.ts';

export interface IssueTarget {
  readonly centreId: string;
  readonly queueId?: string | undefined;
  readonly itemId?: string | undefined;
}

/** The ticket issued earlier under `requestId`, answered as issuing answered it (figures as of now); undefined if there is none. */
export async function replayIssue(deps: AppDeps, requestId: string, target: IssueTarget): Promise<IssueResult | undefined> {
  const found = await repo.findTicketWithNames(deps.db, requestId);
  if (!found) return undefined;
  const t = found.ticket;
  const sameTarget = t.centreId === target.centreId && (target.queueId ? t.queueId === target.queueId : t.itemId === (target.itemId ?? null));
  if (!sameTarget) throw new AppError('TICKET_REQUEST_REUSED', { fields: [{ path: '/requestId', code: 'TICKET_REQUEST_REUSED', message: '该请求编号已用于另一次取号' }] });
  let peopleAhead = 0;
  let minutes: number | null = null;
  let text = '';
  if (t.status === 'waiting') {
    const now = deps.clock();
    const snapshot = await readHall(deps.db, t.centreId, now);
    const figures = waitFigures(snapshot.waiting.find((w) => w.id === t.id) ?? rankedOf(t), snapshot.hall, now, snapshot.settings);
    peopleAhead = figures.peopleAhead;
    minutes = figures.minutes === null ? null : Math.ceil(figures.minutes);
    text = figures.text;
  }
  return { ...ticketView(found), peopleAhead, estimatedWaitMinutes: minutes, estimateText: text, statusPath: `/portal/tickets/${t.id}` };
}
