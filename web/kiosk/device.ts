/**
 * The kiosk as a device (DB36/T 2016 §5.2.2 排队取号机). Its device token (made once under
 * 设备令牌 in the admin console, role 取号机) is kept and exchanged for the device session
 * by web/shared/device.ts, which also hands it to the API client as the Bearer header a
 * kiosk needs to issue tickets. Here: the check that the token is a kiosk's, and what the
 * kiosk remembers beside it (its name and centre), so that it starts on its own even
 * when the server is briefly away.
 */
import { ApiError, api } from '../shared/api.ts';
import { forgetDevice, startDeviceSession, storedDeviceToken } from '../shared/device.ts';
import { newRequestId, type IssuedTicket, type KioskIssueBody } from '../shared/public-queue.ts';

const KEY = 'govhall.kiosk.device';

export interface KioskDevice {
  readonly id: string;
  readonly name: string;
  readonly centreId: string;
}

function isDevice(value: unknown): value is KioskDevice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.centreId === 'string';
}

/** The kiosk set up on this machine: its remembered identity, if its token is still stored. */
export function loadDevice(): KioskDevice | null {
  if (!storedDeviceToken()) return null;
  try {
    const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown;
    return isDevice(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function saveDevice(device: KioskDevice): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(device));
  } catch {
    // Storage refused: the kiosk asks for its token again after a restart.
  }
}

/** Forgets the kiosk here (token, identity and device session): it must be set up anew. */
export async function clearDevice(): Promise<void> {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  await forgetDevice().catch(() => undefined);
}

/** Thrown when a valid token is not a kiosk's (a display's, a rating device's). */
export class WrongDeviceRole extends Error {}

/**
 * Starts the device session with `token` (typed on the set-up screen) or the stored one,
 * and answers the kiosk it stands for. A token of another kind of device is refused and
 * not kept.
 */
export async function connectDevice(token?: string): Promise<KioskDevice> {
  const device = await startDeviceSession(token);
  if (device.role !== 'kiosk') {
    await clearDevice();
    throw new WrongDeviceRole(`此令牌属于“${device.name}”，不是取号机的令牌：请在管理后台“设备令牌”中新建角色为“取号机”的令牌`);
  }
  const kiosk = { id: device.id, name: device.name, centreId: device.centreId };
  saveDevice(kiosk);
  return kiosk;
}

/** Whether an error means the token itself is refused (revoked, unknown): the kiosk must be set up again. */
export function isTokenRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Waits before sending an issue again when the answer was lost (no connection, a gateway error). */
const RESEND_AFTER_MS = [500, 1_500];

/** Whether an issuing request may have reached the server without its answer reaching the kiosk. */
export function answerLost(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);
}

/**
 * `POST /api/v1/centres/{centreId}/tickets` as this kiosk (the API client sends the token
 * as Bearer; source `kiosk`). One request id for the citizen's one tap: when the answer is
 * lost it is sent again, twice at most, and the server answers the ticket it issued the
 * first time (§7.1.5: never two numbers for one tap).
 */
export async function issueAsKiosk(device: KioskDevice, body: Omit<KioskIssueBody, 'source' | 'requestId'>, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<IssuedTicket> {
  const request = { ...body, source: 'kiosk', requestId: newRequestId() } satisfies KioskIssueBody;
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post<IssuedTicket>(`/api/v1/centres/${device.centreId}/tickets`, request);
    } catch (error) {
      const delay = RESEND_AFTER_MS[attempt];
      if (!answerLost(error) || delay === undefined) throw error;
      await wait(delay);
    }
  }
}
