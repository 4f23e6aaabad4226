/**
 * The centre's live event stream (web/shared/event-stream.ts) as the workstation needs
 * it: a callback for each named event, one after every reconnection (to reload what may
 * have been missed), and the connection state for the screen.
 */
import { useEffect, useRef, useState } from 'react';
import { openEventStream, type CentreEventName, type EventHandlers } from '../shared/event-stream.ts';

/** `reconnecting`: the stream was open and dropped; the screen may be behind until it is back. */
export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface CentreEventHandlers {
  /** Any of the subscribed events, with its data. */
  readonly onEvent: (type: CentreEventName, data: unknown) => void;
  /** The stream is back after a drop: reload the screen. */
  readonly onResync: () => void;
}

type AnyEvents = Record<CentreEventName, unknown>;

export function useCentreEvents(centreId: string, types: readonly CentreEventName[], handlers: CentreEventHandlers): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const typeKey = types.join(',');

  useEffect(() => {
    let everOpen = false;
    const names = typeKey.split(',') as CentreEventName[];
    const subscribed: EventHandlers<AnyEvents> = Object.fromEntries(names.map((name) => [name, (data: unknown) => handlersRef.current.onEvent(name, data)]));
    const stream = openEventStream<AnyEvents>({
      centreId,
      handlers: subscribed,
      onResync: () => handlersRef.current.onResync(),
      onStateChange: (next) => {
        if (next === 'open') everOpen = true;
        setState(next === 'open' ? 'open' : everOpen ? 'reconnecting' : 'connecting');
      },
    });
    return () => stream.close();
  }, [centreId, typeKey]);

  return state;
}
