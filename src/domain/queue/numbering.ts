/**
 * Ticket numbers (DB36/T 2016 §5.2.2 排队取号机, §7.1.5 取号秩序): a queue's prefix
 * letter and a sequence that starts at 001 every service day, per queue.
 *
 * The service day is the calendar date in the centre's time zone (Asia/Shanghai,
 * UTC+8 all year), so numbering restarts at 00:00 Shanghai time whatever the
 * process time zone.
 *
 * After 999 the number widens to four digits (A999 → A1000 … A9999) instead of
 * wrapping round: a wrapped A001 would be a second A001 on the same day, and the
 * displays, the statistics and the citizen's paper ticket could no longer tell the
 * two apart. 9999 tickets of one queue in one day is far beyond any hall; the
 * 10000th is refused (TICKET_NUMBERS_EXHAUSTED) rather than duplicated.
 */
import { formatDate, shanghaiDayAndMinute } from '../calendar/dates.ts';
import { AppError, type FieldIssue } from '../shared/errors.ts';

/** Three digits, zero-padded: A001 … A999. */
export const TICKET_SEQUENCE_WIDTH = 3;
/** The last sequence of a queue-day; the next one is refused. */
export const TICKET_SEQUENCE_MAX = 9999;

const PREFIX = /^[A-Z]$/;
const NUMBER = /^([A-Z])(\d{3,4})$/;

/** `YYYY-MM-DD`: the service day of an instant, in the centre's time zone (Asia/Shanghai). */
export function serviceDayKey(instant: Date): string {
  return formatDate(shanghaiDayAndMinute(instant).epochDay);
}

/**
 * `A` + sequence, at least three digits: (A, 12) → `A012`, (A, 1000) → `A1000`.
 * Throws TICKET_NUMBERS_EXHAUSTED past {@link TICKET_SEQUENCE_MAX}; a bad prefix or a
 * sequence below 1 is a programming error (QUEUE_PREFIX_INVALID / RangeError).
 */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!PREFIX.test(prefix)) throw new AppError('QUEUE_PREFIX_INVALID', { details: { prefix } });
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`ticket sequence ${sequence} is not a positive integer`);
  if (sequence > TICKET_SEQUENCE_MAX) {
    throw new AppError('TICKET_NUMBERS_EXHAUSTED', {
      message: `字头 ${prefix} 的队列今日已发出 ${TICKET_SEQUENCE_MAX} 个号，号码已用尽`,
      details: { prefix, sequence },
    });
  }
  return prefix + String(sequence).padStart(TICKET_SEQUENCE_WIDTH, '0');
}

/**
 * The number after `lastSequence` (0 when the queue has issued nothing today). The
 * caller holds the per queue-day counter row locked, so that no two tickets get one
 * number and a rolled-back issue leaves no gap.
 */
export function nextTicketNumber(prefix: string, lastSequence: number): { readonly sequence: number; readonly number: string } {
  const sequence = lastSequence + 1;
  return { sequence, number: formatTicketNumber(prefix, sequence) };
}

/** `A012` → `{prefix: 'A', sequence: 12}`; undefined for anything else. */
export function parseTicketNumber(number: string): { readonly prefix: string; readonly sequence: number } | undefined {
  const m = NUMBER.exec(number);
  if (!m) return undefined;
  const sequence = Number(m[2]);
  // A1000 is the form of 1000; `A0999` is not a number this module makes.
  if (sequence < 1 || String(sequence).padStart(TICKET_SEQUENCE_WIDTH, '0') !== m[2]) return undefined;
  return { prefix: m[1]!, sequence };
}

/**
 * Order of numbers on lists: by prefix, then by sequence as a number (A999 before
 * A1000); strings that are not ticket numbers come last, in code-unit order.
 */
export function compareTicketNumbers(a: string, b: string): number {
  const pa = parseTicketNumber(a);
  const pb = parseTicketNumber(b);
  if (pa && pb) return pa.prefix === pb.prefix ? pa.sequence - pb.sequence : pa.prefix < pb.prefix ? -1 : 1;
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A queue's prefix: one upper-case letter, unique among the centre's active queues
 * (else two queues would both call A001 in one hall). `taken` are the prefixes of
 * the other active queues.
 */
export function checkQueuePrefix(prefix: string, taken: Iterable<string> = []): FieldIssue[] {
  if (!PREFIX.test(prefix)) {
    return [{ path: '/prefix', code: 'QUEUE_PREFIX_INVALID', message: `队列字头“${prefix.slice(0, 8)}”不正确，应为一个大写英文字母（A–Z）` }];
  }
  for (const other of taken) {
    if (other === prefix) return [{ path: '/prefix', code: 'QUEUE_PREFIX_TAKEN', message: `字头 ${prefix} 已被本中心其他队列使用` }];
  }
  return [];
}
