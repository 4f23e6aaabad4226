/**
 * The workbench of one counter (GET /api/v1/counters/{id}/workbench): loaded at start,
 * refreshed when the centre's event stream reports a change (ticket.issued,
 * ticket.called, ticket.finished, queue.stats, counter.status) and after every
 * reconnection, so the waiting list is live and nothing missed stays on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.ts';
import type { CentreEventName } from '../shared/event-stream.ts';
import { workstationMessage } from './messages.ts';
import type { Workbench } from './types.ts';
import { useCentreEvents, type StreamState } from './use-centre-events.ts';

export const WORKBENCH_EVENTS: readonly CentreEventName[] = ['ticket.issued', 'ticket.called', 'ticket.finished', 'queue.stats', 'counter.status'];

/** Events arriving together (a busy hall) cause one reload. */
const REFRESH_DELAY_MS = 300;
/** A safety net should the stream stay silent (a proxy that buffers, a lost notification). */
const POLL_MS = 60_000;

export interface WorkbenchState {
  readonly bench: Workbench | null;
  readonly error: string | null;
  readonly stream: StreamState;
  /** Reload now; resolves when the answer is on screen. */
  readonly reload: () => Promise<void>;
}

export function useWorkbench(centreId: string, counterId: string): WorkbenchState {
  const [bench, setBench] = useState<Workbench | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const reload = useCallback(async () => {
    // Answers of a superseded load are dropped: the screen shows the latest state.
    const n = ++seq.current;
    try {
      const next = await api.get<Workbench>(`/api/v1/counters/${counterId}/workbench`);
      if (n !== seq.current) return;
      setBench(next);
      setError(null);
    } catch (e) {
      if (n === seq.current) setError(workstationMessage(e));
    }
  }, [counterId]);

  const reloadSoon = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void reload(), REFRESH_DELAY_MS);
  }, [reload]);

  useEffect(() => {
    void reload();
    const poll = window.setInterval(() => void reload(), POLL_MS);
    return () => {
      window.clearInterval(poll);
      window.clearTimeout(timer.current);
    };
  }, [reload]);

  const stream = useCentreEvents(centreId, WORKBENCH_EVENTS, {
    onEvent: reloadSoon,
    // After a drop the stream replays what it can; reload anyway, the screen must be right.
    onResync: reloadSoon,
  });

  return { bench, error, stream, reload };
}
