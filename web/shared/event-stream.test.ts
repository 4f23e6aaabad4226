/**
 * The browser's event-stream client, with a scripted EventSource: handlers per event
 * name, the connected state, the reload after a reconnect, and starting again by
 * itself (after `prepare`, from the last id) when EventSource gives up. The server side
 * of the stream is tested in src/platform/events/events.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closedByClient = false;

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.instances.push(this);
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }
  emit(name: string, data: unknown, id: string) {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data), lastEventId: id }));
  }
  /** The connection dropped: the browser reconnects by itself. */
  drop() {
    this.readyState = FakeEventSource.CONNECTING;
    this.onerror?.(new Event('error'));
  }
  /** The server refused (401, 503): EventSource gives up. */
  refuse() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.(new Event('error'));
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
    this.closedByClient = true;
  }
}

const windowEvents = new EventTarget();
(globalThis as unknown as { window: EventTarget }).window = windowEvents;
const { openEventStream } = await import('./event-stream.ts');

interface HallEvents {
  'ticket.called': { number: string; text: string };
  'queue.stats': { queues: { name: string; waiting: number }[] };
}

const latest = () => FakeEventSource.instances[FakeEventSource.instances.length - 1]!;
const Impl = FakeEventSource as unknown as typeof EventSource;

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('openEventStream', () => {
  it('opens the centre’s stream with credentials and hands each event to its handler, parsed', () => {
    const calls: string[] = [];
    const states: string[] = [];
    const stream = openEventStream<HallEvents>({
      centreId: 'c-1',
      handlers: { 'ticket.called': (call, meta) => calls.push(`${meta.id} ${call.text}`) },
      onStateChange: (s) => states.push(s),
      EventSourceImpl: Impl,
    });
    const es = latest();
    expect(es.url).toBe('/api/v1/centres/c-1/events');
    expect(es.init).toEqual({ withCredentials: true });
    expect(stream.connected).toBe(false);
    es.open();
    expect(stream.connected).toBe(true);
    es.emit('ticket.called', { number: 'A012', text: '请A012号到5号窗口办理' }, '41');
    es.emit('queue.stats', { queues: [] }, '42'); // no handler: ignored
    es.dispatchEvent(new MessageEvent('ticket.called', { data: 'not json', lastEventId: '43' }));
    expect(calls).toEqual(['41 请A012号到5号窗口办理']);
    expect(stream.lastEventId).toBe('43');
    expect(states).toEqual(['open']);
    stream.close();
    expect(es.closedByClient).toBe(true);
  });

  it('reloads the bootstrap data after a reconnect, not at the first connection, and not after a gap shorter than asked', async () => {
    const onResync = vi.fn();
    const stream = openEventStream<HallEvents>({ centreId: 'c-1', handlers: {}, onResync, EventSourceImpl: Impl });
    const es = latest();
    es.open();
    await Promise.resolve();
    expect(onResync).not.toHaveBeenCalled();
    es.drop();
    expect(stream.state).toBe('connecting');
    es.open();
    await Promise.resolve();
    // The browser reconnected the same EventSource (with Last-Event-ID): no new one.
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(stream.state).toBe('open');
    expect(onResync).toHaveBeenCalledTimes(1);

    const patient = openEventStream<HallEvents>({ centreId: 'c-2', handlers: {}, onResync, resyncAfterMs: 10_000, EventSourceImpl: Impl });
    const es2 = latest();
    es2.open();
    es2.drop();
    vi.advanceTimersByTime(3_000);
    es2.open();
    await Promise.resolve();
    expect(onResync).toHaveBeenCalledTimes(1);
    es2.drop();
    vi.advanceTimersByTime(10_000);
    es2.open();
    await Promise.resolve();
    expect(onResync).toHaveBeenCalledTimes(2);
    stream.close();
    patient.close();
  });

  it('starts again by itself when EventSource gives up: after a back-off and `prepare`, from the last id', async () => {
    const prepare = vi.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('server away')).mockResolvedValue(undefined);
    const onPrepareError = vi.fn();
    const onResync = vi.fn();
    const stream = openEventStream<HallEvents>({ centreId: 'c-1', handlers: { 'ticket.called': () => undefined }, prepare, onPrepareError, onResync, EventSourceImpl: Impl });
    const first = latest();
    first.open();
    first.emit('ticket.called', { number: 'A013', text: '' }, '77');
    first.refuse();
    expect(stream.state).toBe('closed');
    expect(first.closedByClient).toBe(true);

    await vi.advanceTimersByTimeAsync(999);
    expect(prepare).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    // The first attempt's prepare failed: told, and tried again after a longer wait.
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(onPrepareError).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(prepare).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(FakeEventSource.instances).toHaveLength(2);
    const second = latest();
    expect(second.url).toBe('/api/v1/centres/c-1/events?lastEventId=77');
    expect(stream.state).toBe('connecting');
    second.open();
    await Promise.resolve();
    expect(stream.connected).toBe(true);
    expect(onResync).toHaveBeenCalledTimes(1);
    stream.close();
  });

  it('tries at once when the network comes back, and never again once closed', async () => {
    const stream = openEventStream<HallEvents>({ centreId: 'c-1', handlers: {}, EventSourceImpl: Impl });
    latest().refuse();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.instances).toHaveLength(2);
    latest().refuse();
    // The next wait would be 2 s; back online, the first wait (1 s) starts over.
    windowEvents.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.instances).toHaveLength(3);
    const listener = vi.fn();
    stream.subscribe(listener);
    stream.close();
    expect(stream.state).toBe('closed');
    latest().refuse();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(3);
  });
});
