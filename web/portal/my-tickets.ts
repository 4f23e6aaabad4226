/**
 * The tickets taken on this phone (手机取号), remembered in localStorage so that
 * "我的排号" can be found again after the browser was closed. Only ids, numbers and
 * queue names: no phone or ID number is kept.
 */
const KEY = 'govhall.portal.tickets';
const KEEP = 10;

export interface RememberedTicket {
  readonly id: string;
  readonly number: string;
  readonly queueName: string;
  readonly centreId: string;
  readonly issuedAt: string;
}

function read(): RememberedTicket[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as RememberedTicket[]).filter((t) => typeof t?.id === 'string' && typeof t.number === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberTicket(ticket: RememberedTicket): void {
  const list = [ticket, ...read().filter((t) => t.id !== ticket.id)].slice(0, KEEP);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private mode: the status page's address is the only way back.
  }
}

const dayOf = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** This centre's tickets taken today (Asia/Shanghai), newest first. */
export function todaysTickets(centreId: string, now = new Date()): RememberedTicket[] {
  const today = dayOf(now.toISOString());
  return read().filter((t) => t.centreId === centreId && dayOf(t.issuedAt) === today);
}
