/**
 * Keeps an unattended display connected (issue 4: displays "recover by themselves after
 * a server restart"), on the shared device session (web/shared/device.ts) and event
 * stream (web/shared/event-stream.ts):
 *
 * - At start the stored device token is exchanged for the session cookie EventSource
 *   sends; while the server cannot be reached this is retried with back-off.
 * - The stream reconnects by itself with Last-Event-ID, so the server replays what was
 *   missed; refused (e.g. the cookie is gone after a browser restart) it renews the
 *   device session with the stored token and starts again after the last id seen.
 * - After the first connection and every reconnection the screen re-fetches its
 *   bootstrap (retried until it loads); once a minute too, which refreshes the notice and
 *   notices a half-open connection (a pulled cable stays "open" for the browser: the
 *   server's heartbeat comments reach no script), after which it starts over.
 * - Events already seen (by id) are dropped, so a replay never speaks a call twice; events
 *   replayed after a long outage are marked `late` (see LONG_OUTAGE_MS).
 * - A refused token (revoked) ends in `revoked`: the screen goes back to its set-up.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../shared/api.ts';
import { renewDeviceSession, startDeviceSession } from '../shared/device.ts';
import { openEventStream, type EventHandlers, type EventStream } from '../shared/event-stream.ts';

export type LinkState = 'connecting' | 'live' | 'lost' | 'revoked';

/** The events the displays listen to (docs/queue-api.md, "Server-Sent Events"). */
export const DISPLAY_EVENTS = ['ticket.issued', 'ticket.called', 'ticket.finished', 'counter.status', 'queue.stats'] as const;
export type DisplayEventName = (typeof DISPLAY_EVENTS)[number];

export interface LiveOptions {
  readonly centreId: string;
  /** `late`: replayed after a long outage (the display may show it, but should not announce it). */
  readonly onEvent: (name: DisplayEventName, data: unknown, late: boolean) => void;
  /** Loads the screen's bootstrap: after the first connection, every reconnection and once a minute. */
  readonly onConnected: () => Promise<void>;
}

/** Back-off of the first device session while the server cannot be reached: 1 s doubling to 30 s. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEALTH_EVERY_MS = 60_000;
const BOOTSTRAP_RETRY_MS = 5_000;
/**
 * After an outage longer than this, what the server replays on reconnection is old news:
 * events in the first seconds of the new stream are marked `late` (a citizen called five
 * minutes ago is not called aloud again; the bootstrap shows the call anyway).
 */
const LONG_OUTAGE_MS = 2 * 60_000;
const REPLAY_WINDOW_MS = 3_000;

/** The device token was refused (revoked, or none is stored): only a new set-up helps. */
export function isRefusedToken(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'AUTH_DEVICE_TOKEN_INVALID' || error.code === 'DEVICE_TOKEN_MISSING');
}

export function useLive(options: LiveOptions): LinkState {
  const [state, setState] = useState<LinkState>('connecting');
  const ref = useRef(options);
  ref.current = options;
  const { centreId } = options;

  useEffect(() => {
    let stopped = false;
    let stream: EventStream | null = null;
    let retryTimer: number | undefined;
    let bootstrapTimer: number | undefined;
    let delay = FIRST_DELAY_MS;
    let lastId = 0;
    /** Was ever connected: a later loss shows "连接中断", not "正在连接". */
    let everLive = false;
    let downSince: number | null = null;
    let lateUntil = 0;

    const set = (s: LinkState) => {
      if (!stopped) setState(s);
    };

    const refused = (e: unknown) => {
      if (!isRefusedToken(e)) return false;
      stream?.close();
      stream = null;
      set('revoked');
      return true;
    };

    /** The bootstrap, tried again every few seconds until it loads (or the stream is replaced). */
    const bootstrap = (of: EventStream | null) => {
      window.clearTimeout(bootstrapTimer);
      ref.current.onConnected().catch((e: unknown) => {
        if (refused(e) || stopped || stream !== of) return;
        bootstrapTimer = window.setTimeout(() => bootstrap(of), BOOTSTRAP_RETRY_MS);
      });
    };

    const handlers: EventHandlers<Record<DisplayEventName, unknown>> = Object.fromEntries(
      DISPLAY_EVENTS.map((name) => [
        name,
        (data: unknown, meta: { readonly id: string }) => {
          const id = Number(meta.id);
          if (Number.isFinite(id) && id > 0) {
            if (id <= lastId) return;
            lastId = id;
          }
          ref.current.onEvent(name, data, Date.now() < lateUntil);
        },
      ]),
    );

    const open = () => {
      let opened = false;
      const s: EventStream = openEventStream<Record<DisplayEventName, unknown>>({
        centreId,
        handlers,
        prepare: renewDeviceSession,
        onPrepareError: (e) => void refused(e),
        onResync: () => bootstrap(s),
        onStateChange: (next) => {
          if (stopped || stream !== s) return;
          if (next === 'open') {
            if (downSince !== null && Date.now() - downSince > LONG_OUTAGE_MS) lateUntil = Date.now() + REPLAY_WINDOW_MS;
            downSince = null;
            everLive = true;
            set('live');
            // Reconnections call onResync; the first opening of this stream loads here.
            if (!opened) {
              opened = true;
              bootstrap(s);
            }
            return;
          }
          if (everLive) downSince ??= Date.now();
          set(everLive ? 'lost' : 'connecting');
        },
      });
      stream = s;
    };

    /** Signs in with the stored token, then opens the stream; retried with back-off while the server is away. */
    const start = async () => {
      try {
        await startDeviceSession();
      } catch (e) {
        if (stopped || refused(e)) return;
        set(everLive ? 'lost' : 'connecting');
        retryTimer = window.setTimeout(() => void start(), delay);
        delay = Math.min(MAX_DELAY_MS, delay * 2);
        return;
      }
      if (stopped) return;
      delay = FIRST_DELAY_MS;
      open();
    };

    const health = window.setInterval(() => {
      const s = stream;
      if (stopped || !s || !s.connected) return;
      ref.current.onConnected().catch((e: unknown) => {
        if (refused(e) || stopped || stream !== s) return;
        // The stream says "open" but the server cannot be reached: a dead connection. Start over
        // (the bootstrap after the new stream opens shows what was missed meanwhile).
        s.close();
        stream = null;
        downSince ??= Date.now();
        set('lost');
        void start();
      });
    }, HEALTH_EVERY_MS);

    void start();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      window.clearTimeout(bootstrapTimer);
      window.clearInterval(health);
      stream?.close();
    };
  }, [centreId]);

  return state;
}
