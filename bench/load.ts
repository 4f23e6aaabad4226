/**
 * A small HTTP/1.1 load generator: N keep-alive connections, each sending the same GET
 * and waiting for the whole response before the next one (no pipelining). It writes a
 * prebuilt request and only reads the status line and Content-Length of each answer,
 * so the generator costs far less per request than the servers it drives and does
 * not cap the faster of two servers compared in the same run.
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  readonly port: number;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationMs: number;
  /** Process whose CPU time is sampled during the run (the server under load). */
  readonly serverPid?: number | undefined;
}

export interface LoadResult {
  readonly requests: number;
  /** Answers other than 200. */
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  /** Bytes of body per answer (of the last answer). */
  readonly bodyBytes: number;
  /** CPU used by this process and by the server, in % of one core. */
  readonly clientCpu: number;
  readonly serverCpu: number | undefined;
}

/** utime + stime of a process in ms, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12]: utime, stime in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const request = Buffer.from(`GET ${options.path} HTTP/1.1\r\nHost: 127.0.0.1:${options.port}\r\nConnection: keep-alive\r\n${extra}\r\n`, 'latin1');
  let requests = 0;
  let errors = 0;
  let bodyBytes = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const cpu0 = process.cpuUsage();
  const server0 = processCpuMs(options.serverPid);

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(options.port, '127.0.0.1');
      socket.setNoDelay(true);
      let head: Buffer | undefined;
      let remaining = -1; // body bytes still to come; -1 while reading the head
      const next = () => {
        if (performance.now() >= deadline) {
          socket.end();
          resolve();
        } else socket.write(request);
      };
      socket.on('connect', next);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        let data = chunk;
        while (data.length > 0) {
          if (remaining < 0) {
            head = head ? Buffer.concat([head, data]) : data;
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) return;
            const text = head.subarray(0, end).toString('latin1');
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
            if (!length) {
              socket.destroy();
              reject(new Error(`answer without Content-Length: ${text.split('\r\n')[0]}`));
              return;
            }
            if (!text.startsWith('HTTP/1.1 200')) errors++;
            remaining = Number(length[1]);
            bodyBytes = remaining;
            data = head.subarray(end + 4);
            head = undefined;
          }
          const take = Math.min(remaining, data.length);
          remaining -= take;
          data = data.subarray(take);
          if (remaining === 0) {
            remaining = -1;
            requests++;
            next();
          }
        }
      });
    });

  await Promise.all(Array.from({ length: options.connections }, connection));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const server1 = processCpuMs(options.serverPid);
  return {
    requests,
    errors,
    seconds: ms / 1000,
    rps: requests / (ms / 1000),
    bodyBytes,
    clientCpu: ((cpu.user + cpu.system) / 1000 / ms) * 100,
    serverCpu: server0 !== undefined && server1 !== undefined ? ((server1 - server0) / ms) * 100 : undefined,
  };
}
