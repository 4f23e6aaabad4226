/**
 * The live events of a centre in the browser (`GET /api/v1/centres/{centreId}/events`,
 * docs/queue-api.md "Server-Sent Events"): one EventSource with the session cookie
 * (a staff session, or a device session from device.ts), a handler per event name, and
 * the connected state for the screen to show.
 *
 * Reconnecting: after a dropped connection the browser reconnects by itself and sends
 * Last-Event-ID, and the server replays what was missed. When the server refuses or
 * is away long enough for EventSource to give up, this client starts again with
 * back-off, after `prepare` (e.g. renewing the device session), from the last id it saw
 * (`?lastEventId=`). After every reconnect `onResync` reloads the screen's bootstrap
 * data, so handlers must apply an event twice harmlessly (keyed by ticket, counter or
 * queue), since a replayed event can arrive before or after the reload.
 *
 * ```ts
 * const stream = openEventStream<HallEvents>({
 *   centreId,
 *   handlers: { 'ticket.called': (call) => showAndSpeak(call), 'queue.stats': ({ queues }) => setQueues(queues) },
 *   onResync: () => reloadDisplay(),
 *   prepare: renewDeviceSession,
 * });
 * const connected = useStreamConnected(stream);
 * ```
 */
import { useSyncExternalStore } from 'react';

/** The event names of the contract; each app types their data (`HallEvents` above). */
export type CentreEventName = 'ticket.issued' | 'ticket.called' | 'ticket.finished' | 'counter.status' | 'queue.stats' | 'tidal.alert';

export type StreamState = 'connecting' | 'open' | 'closed';

export type EventHandlers<M> = {
  readonly [K in keyof M]?: (data: M[K], meta: { readonly id: string; readonly name: K }) => void;
};

export interface EventStreamOptions<M> {
  readonly centreId: string;
  readonly handlers: EventHandlers<M>;
  /** After a reconnect: reload the bootstrap data (the display, the workbench). */
  readonly onResync?: () => void | Promise<void>;
  /** A gap shorter than this reloads nothing (the replay covers it). Default 0: every reconnect reloads. */
  readonly resyncAfterMs?: number;
  /** Before starting again after the stream was refused or given up: e.g. `renewDeviceSession`. */
  readonly prepare?: () => Promise<void>;
  /** When `prepare` fails (e.g. the device token was revoked): the screen may say so; retries go on. */
  readonly onPrepareError?: (error: unknown) => void;
  readonly onStateChange?: (state: StreamState) => void;
  /** The EventSource constructor (tests). */
  readonly EventSourceImpl?: typeof EventSource;
}

export interface EventStream {
  readonly state: StreamState;
  readonly connected: boolean;
  /** The id of the last event handled, sent back when starting again. */
  readonly lastEventId: string | null;
  /** For `useSyncExternalStore`: called at every change of state. */
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** Waits before starting again after a refusal, growing with each failure in a row. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function openEventStream<M>(options: EventStreamOptions<M>): EventStream {
  const Impl = options.EventSourceImpl ?? EventSource;
  const listeners = new Set<() => void>();
  let source: EventSource | null = null;
  let state: StreamState = 'connecting';
  let lastEventId: string | null = null;
  let everOpen = false;
  let downSince: number | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setState = (next: StreamState) => {
    if (next === state) return;
    state = next;
    options.onStateChange?.(next);
    for (const l of listeners) l();
  };

  const url = () => {
    const path = `/api/v1/centres/${encodeURIComponent(options.centreId)}/events`;
    return lastEventId ? `${path}?lastEventId=${encodeURIComponent(lastEventId)}` : path;
  };

  const connect = () => {
    if (closed) return;
    const es = new Impl(url(), { withCredentials: true });
    source = es;
    es.onopen = () => {
      if (source !== es) return;
      failures = 0;
      const gap = downSince === null ? null : Date.now() - downSince;
      downSince = null;
      setState('open');
      if (everOpen && gap !== null && gap >= (options.resyncAfterMs ?? 0) && options.onResync) {
        void Promise.resolve()
          .then(options.onResync)
          .catch(() => undefined);
      }
      everOpen = true;
    };
    es.onerror = () => {
      if (source !== es) return;
      downSince ??= Date.now();
      if (es.readyState !== Impl.CLOSED) {
        // The browser reconnects by itself (after the server's `retry:`), with Last-Event-ID.
        setState('connecting');
        return;
      }
      // Refused (401, 403, 5xx) or not an event stream: EventSource gives up, this client does not.
      es.close();
      source = null;
      setState('closed');
      restartLater();
    };
    for (const name of Object.keys(options.handlers) as (keyof M & string)[]) {
      es.addEventListener(name, (event) => {
        const message = event as MessageEvent<string>;
        if (message.lastEventId) lastEventId = message.lastEventId;
        let data: M[typeof name];
        try {
          data = JSON.parse(message.data) as M[typeof name];
        } catch {
          return;
        }
        options.handlers[name]?.(data, { id: message.lastEventId, name });
      });
    }
  };

  const restartLater = () => {
    if (closed || timer !== undefined) return;
    const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
    failures++;
    timer = setTimeout(() => {
      timer = undefined;
      void (async () => {
        try {
          await options.prepare?.();
        } catch (e) {
          options.onPrepareError?.(e);
          restartLater();
          return;
        }
        if (closed) return;
        setState('connecting');
        connect();
      })();
    }, wait);
  };

  // Back on the network: no need to wait out the back-off.
  const online = () => {
    if (state !== 'closed' || closed) return;
    clearTimeout(timer);
    timer = undefined;
    failures = 0;
    restartLater();
  };
  window.addEventListener('online', online);

  connect();

  return {
    get state() {
      return state;
    },
    get connected() {
      return state === 'open';
    },
    get lastEventId() {
      return lastEventId;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
      source?.close();
      source = null;
      setState('closed');
      listeners.clear();
    },
  };
}

/** Whether the stream is connected, as React state (for a "连接中断" banner). */
export function useStreamConnected(stream: EventStream | null): boolean {
  return useSyncExternalStore(
    (onChange) => stream?.subscribe(onChange) ?? (() => undefined),
    () => stream?.connected ?? false,
  );
}
