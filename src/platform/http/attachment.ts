/**
 * `Content-Disposition: attachment` for every download of the API: the real (Chinese)
 * file name as RFC 5987 `filename*`, and an ASCII `filename` for old clients (RFC 6266).
 */

/** RFC 5987 `ext-value`: encodeURIComponent leaves `'()*`, which attr-char does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * @param fallback the ASCII name for clients without `filename*`; by default the name
 *   itself when it is plain ASCII, else `download.<extension>`.
 */
export function attachment(name: string, fallback?: string): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? 'bin';
  const ascii = fallback ?? (/^[A-Za-z0-9 ._()-]+$/.test(name) ? name : `download.${extension}`);
  return `attachment; filename="${ascii.replace(/["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** `Content-Disposition: inline` (a PDF the browser shows and prints) with the same two names as {@link attachment}. */
export function inlineDisposition(name: string, fallback: string): string {
  return `inline; filename="${fallback.replace(/["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(name)}`;
}
