/** A length of time in Chinese, as every screen shows it (stage durations, clock stops). */

/** Seconds in words: 不足 1 分钟 / 25 分钟 / 2 小时 5 分钟 / 3 天 4 小时; `empty` when there is no figure. */
export function durationText(seconds: number | null | undefined, empty = '—'): string {
  if (seconds === null || seconds === undefined || seconds < 0) return empty;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return '不足 1 分钟';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return mins > 0 ? `${hours} 小时 ${mins} 分钟` : `${hours} 小时`;
  return `${mins} 分钟`;
}
