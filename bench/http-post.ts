/**
 * A light HTTP/1.1 client for POST benchmarks: keep-alive sockets, one request at a
 * time per socket, prebuilt request bytes, and only the status line, Content-Length and
 * (for an unexpected status) the body are read — so that the generator costs far less
 * per request than the server it drives (the same idea as bench/load.ts, which only GETs).
 *
 * Two ways of loading a server:
 *   - {@link closedLoop}: N connections, each sending the next request when the previous
 *     answer is complete (throughput);
 *   - {@link openLoop}: requests at a constant arrival rate whatever the server does, each
 *     latency measured from the moment the request was due (not when a connection came
 *     free), so that a slow server cannot hide its queueing (no coordinated omission).
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** The bytes of one POST with a JSON body. */
export function postRequest(port: number, path: string, headers: Readonly<Record<string, string>>, body: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(body));
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n${extra}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), json]);
}

export interface Answer {
  readonly status: number;
  /** The body, kept only when the status is not the expected one. */
  readonly body: string;
}

/** One keep-alive connection; `send` must not be called again before its answer. */
export class Connection {
  private readonly socket: Socket;
  private head: Buffer | undefined;
  private remaining = -1;
  private status = 0;
  private body: Buffer[] | null = null;
  private pending: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;
  private readonly ready: Promise<void>;

  constructor(
    port: number,
    private readonly expected: number,
  ) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('error', (err) => this.pending?.reject(err));
    this.socket.on('close', () => this.pending?.reject(new Error('connection closed')));
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  open(): Promise<void> {
    return this.ready;
  }

  send(request: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.end();
  }

  private read(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.remaining < 0) {
        this.head = this.head ? Buffer.concat([this.head, data]) : data;
        const end = this.head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const text = this.head.subarray(0, end).toString('latin1');
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
        if (!length) {
          this.pending?.reject(new Error(`answer without Content-Length: ${text.split('\r\n')[0]}`));
          this.socket.destroy();
          return;
        }
        this.status = Number(text.slice(9, 12));
        this.body = this.status === this.expected ? null : [];
        this.remaining = Number(length[1]);
        data = this.head.subarray(end + 4);
        this.head = undefined;
      }
      const take = Math.min(this.remaining, data.length);
      this.body?.push(data.subarray(0, take));
      this.remaining -= take;
      data = data.subarray(take);
      if (this.remaining === 0) {
        this.remaining = -1;
        const pending = this.pending;
        this.pending = null;
        pending?.resolve({ status: this.status, body: this.body ? Buffer.concat(this.body).toString() : '' });
      }
    }
  }
}

async function openConnections(port: number, n: number, expected: number): Promise<Connection[]> {
  const connections = Array.from({ length: n }, () => new Connection(port, expected));
  await Promise.all(connections.map((c) => c.open()));
  return connections;
}

export interface LoadFigures {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Milliseconds, in completion order. */
  readonly latencies: number[];
  /** Completions per whole second of the run (the last partial second left out). */
  readonly perSecondWindows: number[];
}

function unexpected(a: Answer, expected: number): Error {
  return new Error(`bench: answered ${a.status} instead of ${expected}: ${a.body.slice(0, 300)}`);
}

/** `connections` connections send `requests[i++ % n]` back to back for `durationMs`. */
export async function closedLoop(options: {
  readonly port: number;
  readonly requests: readonly Buffer[];
  readonly connections: number;
  readonly durationMs: number;
  readonly expected: number;
}): Promise<LoadFigures> {
  const connections = await openConnections(options.port, options.connections, options.expected);
  const latencies: number[] = [];
  const done: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + options.durationMs;
  try {
    await Promise.all(
      connections.map(async (c) => {
        while (performance.now() < deadline) {
          const request = options.requests[next++ % options.requests.length]!;
          const t = performance.now();
          const a = await c.send(request);
          if (a.status !== options.expected) throw unexpected(a, options.expected);
          const now = performance.now();
          latencies.push(now - t);
          done.push(now - t0);
        }
      }),
    );
  } finally {
    for (const c of connections) c.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, latencies, perSecondWindows: windows(done) };
}

function windows(doneMs: readonly number[]): number[] {
  const counts: number[] = [];
  for (const ms of doneMs) {
    const s = Math.floor(ms / 1000);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  const whole = Math.floor(Math.max(0, ...doneMs) / 1000);
  return Array.from({ length: whole }, (_, i) => counts[i] ?? 0);
}

/**
 * `rate` requests per second for `durationMs`, request k due at t0 + k / rate, sent on
 * an idle connection (or queued until one frees: up to `connections` in flight). Each
 * latency runs from the request's due time to its complete answer.
 */
export async function openLoop(options: {
  readonly port: number;
  readonly requests: readonly Buffer[];
  readonly rate: number;
  readonly durationMs: number;
  readonly connections: number;
  readonly expected: number;
}): Promise<LoadFigures & { readonly maxInFlight: number; readonly lateSendsMs: number }> {
  const idle = await openConnections(options.port, options.connections, options.expected);
  const all = [...idle];
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const done: number[] = [];
  const queued: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  /** The largest delay between a request's due time and the timer that sent it (the generator's own lateness). */
  let lateSendsMs = 0;
  let failure: Error | null = null;
  const t0 = performance.now() + 20;
  try {
    await new Promise<void>((resolve, reject) => {
      let scheduled = 0;
      let finished = 0;
      const run = (k: number, c: Connection) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        c.send(options.requests[k % options.requests.length]!).then(
          (a) => {
            inFlight--;
            const now = performance.now();
            if (a.status !== options.expected) failure ??= unexpected(a, options.expected);
            latencies.push(now - (t0 + k * interval));
            done.push(now - t0);
            const waiting = queued.shift();
            if (waiting !== undefined) run(waiting, c);
            else idle.push(c);
            if (++finished === total) {
              if (failure) reject(failure);
              else resolve();
            }
          },
          (err: Error) => reject(err),
        );
      };
      const tick = () => {
        const now = performance.now();
        while (scheduled < total && t0 + scheduled * interval <= now) {
          lateSendsMs = Math.max(lateSendsMs, now - (t0 + scheduled * interval));
          const c = idle.pop();
          if (c) run(scheduled, c);
          else queued.push(scheduled);
          scheduled++;
        }
        if (scheduled < total) setTimeout(tick, Math.max(0, t0 + scheduled * interval - performance.now()));
      };
      setTimeout(tick, 20);
    });
  } finally {
    for (const c of all) c.close();
  }
  const seconds = Math.max(...done) / 1000;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, latencies, perSecondWindows: windows(done), maxInFlight, lateSendsMs };
}
