/**
 * What a display remembers across restarts of the browser: its centre and, for a counter
 * screen, its counter; and whether speech was switched on once. Its device token is kept
 * by web/shared/device.ts (to sign in again by itself when its session is gone); without
 * it the settings count as missing.
 */
import { storedDeviceToken } from '../shared/device.ts';


const KEY = 'govhall.display';
const SPEECH_KEY = 'govhall.display.speech';

export interface DisplaySettings {
  readonly centreId: string;
  readonly centreName: string;
  /** Counter screens only. */
  readonly counterId: string | null;
}

function isSettings(value: unknown): value is DisplaySettings {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.centreId === 'string' &&
    typeof v.centreName === 'string' &&
    (v.counterId === null || typeof v.counterId === 'string')
  );
}

export function loadSettings(): DisplaySettings | null {
  if (!storedDeviceToken()) return null;
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    return isSettings(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSettings(settings: DisplaySettings): void {
  window.localStorage.setItem(KEY, JSON.stringify(settings));
}

export function clearSettings(): void {
  window.localStorage.removeItem(KEY);
}

/** Speech was switched on by a click once: the overlay is not shown again unless the browser refuses. */
export function speechEnabled(): boolean {
  try {
    return window.localStorage.getItem(SPEECH_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberSpeechEnabled(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(SPEECH_KEY, '1');
    else window.localStorage.removeItem(SPEECH_KEY);
  } catch {
    // Private mode: asked again at the next start.
  }
}
