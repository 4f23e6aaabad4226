/** Small conversions between form values and API bodies. */

/** A trimmed text, or null when blank: optional text fields are null in the API, not "". */
export function textOrNull(value: string | null | undefined): string | null {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
}

/** ISO time → `2025-01-02 09:30` in the browser's zone (the centre's, Asia/Shanghai). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
