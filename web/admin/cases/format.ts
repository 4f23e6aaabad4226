/** Times of the case screens, in the centre's zone (the browser's: Asia/Shanghai). */
import { formatTime } from '../../shared/values.ts';

/** A due date: a day-unit limit ends at 24:00 (stored as 23:59:59.999), shown as the day itself. */
export function dueText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (d.getHours() === 23 && d.getMinutes() === 59 && d.getSeconds() === 59) return `${formatTime(iso).slice(0, 10)} 24:00 前`;
  return formatTime(iso);
}

export function timeText(iso: string | null | undefined): string {
  return iso ? formatTime(iso) : '—';
}
