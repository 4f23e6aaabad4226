/**
 * The fan-out of live events to the SSE clients of this process. Each centre with at
 * least one client has ONE reader: when the change feed announces the centre (an append
 * here at once, one of another process at its commit) the reader asks the table for
 * `id > last` and hands what it read to every client of the centre as ONE buffer,
 * formatted and encoded once: a client costs one write per read, however many events
 * the read brought (a call brings three). A hall with 500 displays costs one query per
 * announcement, not 500, and 500 writes of the same bytes (bench/sse.ts measures it).
 *
 * A client that reconnects with Last-Event-ID is first replayed from the table (its own
 * query, once), while the reader's live events wait in its buffer; the two meet without a
 * gap or a duplicate because per centre ids reach the table in commit order (events.ts)
 * and the client drops any id it has already sent.
 *
 * Missed announcements: when the feed's connection comes back (`onReset`) every reader
 * re-reads from its last id, and while the feed is down the readers poll every second.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { lastEventId, readEventsAfter, STREAM_TOPIC, type StoredEvent } from './events.ts';

/** Timings of the stream; tests shorten them. */
export const streamTiming = {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: 15_000,
  /**
   * Each client's credentials are checked again every this many heartbeats (a minute),
   * staggered: a revoked device token or an ended session closes its open streams.
   */
  recheckEveryBeats: 4,
  /** Re-read interval while the change feed is down. */
  pollWhileDownMs: 1_000,
  /** Retry of a reader whose query failed. */
  retryMs: 1_000,
};

/** Rows per query of a reader or a replay. */
const PAGE = 500;
/** A client whose unsent output passes this is dropped: it reconnects with Last-Event-ID and catches up from the table. */
const MAX_BACKLOG_BYTES = 1024 * 1024;
/** A replay waits for the client to take what was written once this much is pending (a long replay is not a slow client). */
const REPLAY_PAUSE_BYTES = 256 * 1024;
/** How long a replay waits for a client to drain before giving up on it. */
const DRAIN_TIMEOUT_MS = 30_000;

/** Where a new client starts: after an id it has seen, at a past time, or with the next event. */
export type StreamStart = { readonly afterId: number } | { readonly since: Date } | 'now';

/** The connection of one client, as the route gives it. */
export interface StreamSink {
  /** False once the client has gone (the connection closed). */
  isOpen(): boolean;
  /** A reader's batch comes as the same Buffer for every client: write it as it is. */
  write(chunk: string | Buffer): void;
  /** Bytes written but not yet sent. */
  backlog(): number;
  /** Resolves when the pending output has been sent (or the client went away). */
  drained(): Promise<void>;
  end(): void;
}

export interface StreamClientOptions {
  /** Asked at every heartbeat: false ends the stream (e.g. the device token was revoked). */
  readonly stillAllowed?: () => Promise<boolean>;
  /** Called once when the hub ends the stream (too slow, no longer allowed, server closing). */
  readonly onEnd?: (reason: string) => void;
}

export interface StreamSubscription {
  /** The id of the last event sent to this client (0: none yet). */
  readonly lastSentId: number;
  readonly eventsSent: number;
  /** Detaches the client (it went away); idempotent. */
  close(): void;
}

export function frameOf(event: StoredEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`;
}

const KEEP_ALIVE = Buffer.from(': keep-alive\n\n');

/**
 * The events of one read of a centre's reader, formatted once: `bytes` (all frames,
 * encoded) is what a live client that has sent none of them receives; a client that
 * has sent some (it joined while the read was under way) takes the frames one by one.
 */
class Batch {
  readonly first: number;
  readonly last: number;
  readonly frames: readonly { readonly id: number; readonly frame: string }[];
  readonly bytes: Buffer;

  constructor(rows: readonly StoredEvent[]) {
    this.frames = rows.map((row) => ({ id: row.id, frame: frameOf(row) }));
    this.first = rows[0]!.id;
    this.last = rows[rows.length - 1]!.id;
    this.bytes = Buffer.from(this.frames.map((f) => f.frame).join(''));
  }
}

class Client implements StreamSubscription {
  lastSentId = 0;
  eventsSent = 0;
  replaying = true;
  closed = false;
  /** Which heartbeats re-check this client's credentials (staggered over the clients). */
  readonly phase: number;
  private buffer: { id: number; frame: string }[] = [];

  constructor(
    private readonly sink: StreamSink,
    readonly options: StreamClientOptions,
    private readonly detach: (client: Client) => void,
    phase: number,
  ) {
    this.phase = phase;
  }

  /** Live events from the centre's reader: the shared bytes when this client has sent none of them. */
  deliver(batch: Batch): void {
    if (this.closed) return;
    if (this.replaying) {
      for (const f of batch.frames) this.buffer.push(f);
      return;
    }
    if (this.lastSentId >= batch.first) {
      for (const f of batch.frames) this.send(f.id, f.frame);
      return;
    }
    if (!this.sink.isOpen()) {
      this.close();
      return;
    }
    this.sink.write(batch.bytes);
    this.lastSentId = batch.last;
    this.eventsSent += batch.frames.length;
    if (this.sink.backlog() > MAX_BACKLOG_BYTES) this.end('client too slow');
  }

  send(id: number, frame: string): void {
    if (this.closed || id <= this.lastSentId) return;
    if (!this.sink.isOpen()) {
      this.close();
      return;
    }
    this.sink.write(frame);
    this.lastSentId = id;
    this.eventsSent++;
    // During a replay the hub paces the writes itself (see pace()).
    if (!this.replaying && this.sink.backlog() > MAX_BACKLOG_BYTES) this.end('client too slow');
  }

  /** In a replay: waits while the client takes what was written; drops a client that does not. */
  async pace(): Promise<void> {
    if (this.closed || this.sink.backlog() <= REPLAY_PAUSE_BYTES) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.sink.drained(), new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (this.sink.backlog() > MAX_BACKLOG_BYTES) this.end('client too slow');
  }

  /** Replay done: the buffered live events follow, without those the replay already sent. */
  goLive(): void {
    this.replaying = false;
    const buffered = this.buffer;
    this.buffer = [];
    for (const b of buffered) this.send(b.id, b.frame);
  }

  heartbeat(): void {
    if (this.closed) return;
    this.sink.write(KEEP_ALIVE);
    if (this.sink.backlog() > MAX_BACKLOG_BYTES) this.end('client too slow');
  }

  /** The hub ends the stream. */
  end(reason: string): void {
    if (this.closed) return;
    this.close();
    this.sink.end();
    this.options.onEnd?.(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.detach(this);
  }
}

class CentreReader {
  last = 0;
  readonly clients = new Set<Client>();
  readonly ready: Promise<void>;
  private pumping = false;
  private again = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: StreamHub,
    readonly centreId: string,
  ) {
    this.ready = lastEventId(hub.deps.db, centreId).then((id) => {
      this.last = id;
    });
    // A failure is handled where `ready` is awaited (attach, read).
    this.ready.catch(() => undefined);
  }

  /** Reads what has committed since the last delivered id; coalesces calls that come while it reads. */
  pump(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.read().finally(() => {
      this.pumping = false;
    });
  }

  private async read(): Promise<void> {
    try {
      await this.ready;
      do {
        this.again = false;
        const rows = await readEventsAfter(this.hub.deps.db, this.centreId, this.last, PAGE);
        if (rows.length > 0) {
          const batch = new Batch(rows);
          this.last = batch.last;
          for (const c of this.clients) c.deliver(batch);
        }
        if (rows.length === PAGE) this.again = true;
      } while (this.again && !this.hub.closed && this.clients.size > 0);
    } catch (err) {
      if (this.hub.closed) return;
      this.hub.log.error({ err, centreId: this.centreId }, 'event stream read failed');
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.pump(), streamTiming.retryMs);
      this.retry.unref();
    }
  }

  stop(): void {
    clearTimeout(this.retry);
  }
}

/** The readers and clients of one server (one per app; closed with it). */
export class StreamHub {
  closed = false;
  private readonly readers = new Map<string, CentreReader>();
  private unsubscribe: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private started = false;
  private beats = 0;
  private joined = 0;
  /** Clients whose credentials are due to be checked again, checked one at a time (see heartbeat). */
  private readonly due = new Set<Client>();
  private checking = false;

  constructor(
    readonly deps: AppDeps,
    readonly log: FastifyBaseLogger,
  ) {}

  /** How many clients are connected (all centres). */
  get clientCount(): number {
    let n = 0;
    for (const r of this.readers.values()) n += r.clients.size;
    return n;
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const changes = this.deps.database.changes;
    this.unsubscribe.push(
      changes.subscribe(STREAM_TOPIC, (centreId) => this.readers.get(centreId)?.pump()),
      changes.onReset(() => this.pumpAll()),
    );
    const poll = setInterval(() => {
      if (!changes.live) this.pumpAll();
    }, streamTiming.pollWhileDownMs);
    const beat = setInterval(() => this.heartbeat(), streamTiming.heartbeatMs);
    poll.unref();
    beat.unref();
    this.timers.push(poll, beat);
  }

  private pumpAll(): void {
    for (const r of this.readers.values()) r.pump();
  }

  /**
   * A comment line to every client, and the credentials of a quarter of them (staggered)
   * checked again. The checks run one after another, not all at once: a hall's displays
   * would otherwise send a burst of lookups (a quarter of 500 at every beat, and one
   * device token's lookups all missing its cache together) that takes every connection of
   * the pool for a while, and the next call's read waits behind them. One at a time, a
   * check that follows another of the same credential finds it cached.
   */
  private heartbeat(): void {
    const beat = this.beats++;
    const every = Math.max(1, streamTiming.recheckEveryBeats);
    for (const r of this.readers.values()) {
      for (const c of [...r.clients]) {
        c.heartbeat();
        if (c.options.stillAllowed && !c.closed && beat % every === c.phase % every) this.due.add(c);
      }
    }
    if (this.due.size > 0 && !this.checking) void this.recheck();
  }

  private async recheck(): Promise<void> {
    this.checking = true;
    try {
      // A Set visits what is added while it is iterated: clients due at a later beat join the round.
      for (const c of this.due) {
        this.due.delete(c);
        if (c.closed || this.closed) continue;
        try {
          if (!(await c.options.stillAllowed!())) c.end('credentials no longer valid');
        } catch (err) {
          this.log.warn({ err }, 'event stream credential check failed');
        }
      }
    } finally {
      this.checking = false;
    }
  }

  private readerOf(centreId: string): CentreReader {
    let reader = this.readers.get(centreId);
    if (!reader) {
      reader = new CentreReader(this, centreId);
      this.readers.set(centreId, reader);
    }
    return reader;
  }

  private detach(reader: CentreReader, client: Client): void {
    reader.clients.delete(client);
    this.due.delete(client);
    if (reader.clients.size === 0 && this.readers.get(reader.centreId) === reader) {
      reader.stop();
      this.readers.delete(reader.centreId);
    }
  }

  /**
   * Connects a client to the centre's events: the replay (if any) is written before this
   * resolves, live events follow as they commit. Rejects if the database cannot be read
   * (the route ends the response; the client retries).
   */
  async attach(centreId: string, start: StreamStart, sink: StreamSink, options: StreamClientOptions = {}): Promise<StreamSubscription> {
    if (this.closed) throw new Error('the event stream is closing');
    this.start();
    const reader = this.readerOf(centreId);
    const client = new Client(sink, options, (c) => this.detach(reader, c), this.joined++);
    // Joined before the first await: a reader created for this client is not dropped meanwhile.
    reader.clients.add(client);
    try {
      await reader.ready;
      // From here the reader buffers live events in the client while the replay runs.
      if (start === 'now') {
        // The newest committed event, read now: the reader may not have heard of it yet
        // (its announcement is on the way), and must not hand it to this client then.
        // Whatever commits after it reaches the client through the reader.
        client.lastSentId = await lastEventId(this.deps.db, centreId);
        client.goLive();
        return client;
      }
      const since = 'since' in start ? start.since : undefined;
      let after = 'afterId' in start ? start.afterId : 0;
      if (after > 0) {
        // An id beyond the centre's newest event (a restored database, another centre's
        // id) would hold back every event below it: start after the newest instead.
        const newest = await lastEventId(this.deps.db, centreId);
        if (after > newest) after = newest;
      }
      client.lastSentId = after;
      for (;;) {
        const rows = await readEventsAfter(this.deps.db, centreId, client.lastSentId, PAGE, since);
        for (const row of rows) client.send(row.id, frameOf(row));
        if (client.closed || !sink.isOpen()) break;
        await client.pace();
        if (rows.length < PAGE || client.closed) break;
      }
      client.goLive();
      return client;
    } catch (err) {
      client.close();
      throw err;
    }
  }

  /** Ends every stream (the server is closing: open streams would hold its close). */
  async close(): Promise<void> {
    this.closed = true;
    this.due.clear();
    for (const t of this.timers) clearInterval(t);
    for (const u of this.unsubscribe) u();
    for (const r of [...this.readers.values()]) {
      r.stop();
      for (const c of [...r.clients]) c.end('server closing');
    }
    this.readers.clear();
  }
}
