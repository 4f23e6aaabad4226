/** Times and durations as the workstation shows them (the centre's time zone, Asia/Shanghai). */

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2026-03-10T01:15:00Z → "09:15". */
export function timeOfDay(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : clock.format(d);
}

/** Whole minutes from `fromIso` to `to` (never negative). */
export function minutesBetween(fromIso: string | null, to: Date | string | null): number | null {
  if (!fromIso || !to) return null;
  const from = new Date(fromIso).getTime();
  const end = typeof to === 'string' ? new Date(to).getTime() : to.getTime();
  if (Number.isNaN(from) || Number.isNaN(end)) return null;
  return Math.max(0, Math.floor((end - from) / 60_000));
}

export function minutesText(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}
