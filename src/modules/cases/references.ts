/** The item and ticket a case, a consultation or a refusal report names: they must be of its centre. */
import { eq } from 'drizzle-orm';
import { referenceError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { items } from '../catalogue/schema.ts';
import { tickets } from '../queue/schema.ts';

export async function requireItemOfCentre(q: Queryable, centreId: string, itemId: string): Promise<void> {
  const [item] = await q.select({ centreId: items.centreId }).from(items).where(eq(items.id, itemId));
  if (!item || item.centreId !== centreId) throw referenceError('ITEM_NOT_FOUND', '/itemId');
}

/** The ticket's status (a case opens only from the ticket being served). */
export async function requireTicketOfCentre(q: Queryable, centreId: string, ticketId: string): Promise<{ status: string }> {
  const [t] = await q.select({ centreId: tickets.centreId, status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId));
  if (!t || t.centreId !== centreId) throw referenceError('TICKET_NOT_FOUND', '/ticketId');
  return { status: t.status };
}
