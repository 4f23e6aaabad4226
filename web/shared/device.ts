/**
 * A device's identity in the browser — the hall display (叫号显示屏), a counter screen,
 * the kiosk (自助取号机): its device token is kept in localStorage, exchanged once per
 * start for the device session cookie that EventSource sends
 * (`POST /api/v1/auth/device-session`), and handed to the API client, which sends it as
 * `Authorization: Bearer` (the device session only reads; a kiosk issuing a ticket needs
 * the token). The screen that asks for a token is the app's own.
 */
import { ApiError, api, setDeviceToken } from './api.ts';

const STORAGE_KEY = 'govhall.deviceToken';

export type DeviceRole = 'kiosk' | 'display' | 'rating_device';

/** The answer of `POST /api/v1/auth/device-session`: who this device is, and its centre. */
export interface DeviceInfo {
  readonly id: string;
  readonly name: string;
  readonly role: DeviceRole;
  readonly centreId: string;
}

/** The token this browser keeps, or null (not set up yet, or storage unavailable). */
export function storedDeviceToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeDeviceToken(token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private mode or storage off: the session works until the page is closed.
  }
}

/**
 * Starts the device session with `token` (a token typed in on the setup screen) or the
 * stored one. On success the token is stored and used for the API's calls. Throws an
 * {@link ApiError}: `AUTH_DEVICE_TOKEN_INVALID` (401) when the token is unknown or
 * revoked — ask for a new one; `DEVICE_TOKEN_MISSING` when none is stored;
 * `NETWORK_ERROR` when the server cannot be reached — try again.
 */
export async function startDeviceSession(token: string | null = storedDeviceToken()): Promise<DeviceInfo> {
  const value = token?.trim();
  if (!value) throw new ApiError(401, 'DEVICE_TOKEN_MISSING', '本设备尚未设置设备令牌，请联系管理员获取');
  // The token in the body decides: an old (perhaps revoked) one must not go along as Bearer.
  setDeviceToken(null);
  try {
    const { device } = await api.post<{ device: DeviceInfo }>('/api/v1/auth/device-session', { token: value });
    storeDeviceToken(value);
    setDeviceToken(value);
    return device;
  } catch (e) {
    // A refused token is of no further use; the server being away says nothing about it.
    if (e instanceof ApiError && e.code === 'AUTH_DEVICE_TOKEN_INVALID') {
      if (value === storedDeviceToken()) storeDeviceToken(null);
    } else if (value === storedDeviceToken()) {
      // The server is away: the stored token still goes with the calls once it is back.
      setDeviceToken(value);
    }
    throw e;
  }
}

/**
 * Renews the device session from the stored token: give it to the event stream as its
 * `prepare`, so that a stream refused after a server restart or a cleared cookie comes
 * back by itself.
 */
export async function renewDeviceSession(): Promise<void> {
  await startDeviceSession();
}

/** Forgets the token here and ends the device session (setting the device up anew). */
export async function forgetDevice(): Promise<void> {
  storeDeviceToken(null);
  setDeviceToken(null);
  await api.del('/api/v1/auth/device-session');
}
