/**
 * The HTTP client shared by the web apps. Sends the session cookie, adds the CSRF
 * header on state-changing calls and turns the API's error body
 * `{error:{code,message,fields}}` into an {@link ApiError}.
 */

export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An error answered by the API (or the network), with its Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(status: number, code: string, message: string, fields: readonly FieldIssue[] = [], details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

let deviceToken: string | null = null;

/**
 * A device's token (kiosk, display; see device.ts): sent as `Authorization: Bearer` on
 * every call. The device session cookie only reads, so a device's changes need it.
 */
export function setDeviceToken(token: string | null): void {
  deviceToken = token;
}

/** Remembers the CSRF token of the session (from login and /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API says the session is missing or expired (HTTP 401). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorOf(status: number, body: unknown): ApiError {
  const e = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    const fields = Array.isArray(e.fields)
      ? e.fields.filter(isRecord).map((f) => ({ path: String(f.path ?? ''), code: String(f.code ?? ''), message: String(f.message ?? '') }))
      : [];
    return new ApiError(status, e.code, e.message, fields, isRecord(e.details) ? e.details : undefined);
  }
  return new ApiError(status, 'HTTP_ERROR', `服务器返回错误（HTTP ${status}），请稍后重试`);
}

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A Blob (an uploaded file) goes as it is, with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (deviceToken) headers.authorization = `Bearer ${deviceToken}`;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', '服务器返回了无法识别的内容');
    }
  }
  if (!response.ok) {
    const error = errorOf(response.status, parsed);
    if (response.status === 401 && !path.endsWith('/auth/login')) for (const l of unauthorizedListeners) l();
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file's bytes as the body (e.g. an .xlsx import); the answer is JSON. */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, file, query),
};

/** A message for any thrown value, in Chinese. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
