/**
 * A Server-Sent Events client for tests: connects over HTTP to a listening server,
 * parses the stream as it comes (events, comments, `retry:`), and waits for what a test
 * expects. Node's own http, so that a test sees exactly what went over the wire.
 */
import http from 'node:http';

export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

export interface SseStream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** The body of a refusal (a non-200 answer), once it has ended. */
  readonly body: string;
  readonly events: SseEvent[];
  readonly comments: string[];
  readonly retry: number | undefined;
  /** True once the server ended the response (or the connection broke). */
  readonly ended: boolean;
  /** Waits until `check` holds (polling), or fails after `ms`. */
  waitFor(check: (s: SseStream) => boolean, ms?: number, what?: string): Promise<void>;
  /** Waits until at least `count` events arrived; returns them all. */
  nextEvents(count: number, ms?: number): Promise<SseEvent[]>;
  close(): void;
}

export function openSse(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      let retry: number | undefined;
      let ended = false;
      let body = '';
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (response.statusCode !== 200) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          let id: string | undefined;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comments.push(line.slice(1).trim());
              continue;
            }
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') id = value;
            else if (field === 'event') event = value;
            else if (field === 'data') data.push(value);
            else if (field === 'retry') retry = Number(value);
          }
          if (data.length > 0) events.push({ id, event, data: data.join('\n') });
        }
      });
      const finish = () => {
        ended = true;
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      const stream: SseStream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        get body() {
          return body;
        },
        events,
        comments,
        get retry() {
          return retry;
        },
        get ended() {
          return ended;
        },
        async waitFor(check, ms = 5_000, what = 'the expected stream state') {
          const end = Date.now() + ms;
          while (!check(stream)) {
            if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${events.length} events: ${JSON.stringify(events.slice(-5))}`);
            await new Promise((r) => setTimeout(r, 5));
          }
        },
        async nextEvents(count, ms = 5_000) {
          await stream.waitFor((s) => s.events.length >= count, ms, `${count} events`);
          return events;
        },
        close() {
          request.destroy();
        },
      };
      resolve(stream);
    });
    request.on('error', reject);
  });
}
