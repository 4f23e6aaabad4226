/** The hall's clock, in the centre's time zone whatever the device is set to. */
import { useEffect, useState } from 'react';

const ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, weekday: 'long' });
const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const hourMinuteFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 2026年11月25日 */
export function formatDate(at: Date): string {
  return dateFormat.format(at);
}

/** 星期三 */
export function formatWeekday(at: Date): string {
  return weekdayFormat.format(at);
}

/** 14:05:09 */
export function formatTime(at: Date): string {
  return timeFormat.format(at);
}

/**
 * An expected return time (§5.1.5.1 去向牌): 14:30 today, 明天 09:00, or 11月26日 09:00;
 * null for a missing or unreadable value.
 */
export function formatReturn(iso: string | null, now: Date = new Date()): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const day = (d: Date) => dayFormat.format(d);
  const time = hourMinuteFormat.format(at);
  if (day(at) === day(now)) return time;
  if (day(at) === day(new Date(now.getTime() + 86_400_000))) return `明天 ${time}`;
  const [, month, date] = day(at).split('-');
  return `${Number(month)}月${Number(date)}日 ${time}`;
}

/** The current time, renewed every second (or `everyMs`). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
