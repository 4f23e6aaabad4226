/**
 * Restart on an existing embedded database: the wall time from spawning
 * `node bin/govhall.mjs serve` to the first 200 of GET /api/v1/health, polled every
 * 20 ms. The data directory is prepared by one ordinary first start (migrations, first
 * administrator, demo centre), stopped, then restarted RUNS times.
 * Then bench/startup-phases.ts shows where a restart spends its time.
 *
 * Limit: under 2 s. Run alone: `node bin/run-ts.mjs bench/restart.ts`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile, score, type BenchResult } from './lib.ts';

const RUNS = 3;
const LIMIT_MS = 2000;
const POLL_MS = 20;
const GIVE_UP_MS = 120_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

/** The environment of an embedded start: no DATABASE_URL, our data directory and port. */
function serveEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOVHALL_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.GOVHALL_DEMO;
  return env;
}

/** Spawns `govhall serve` and resolves with the ms until its first healthy answer. */
async function startServe(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/govhall.mjs', 'serve'], { cwd: ROOT, env: serveEnv(dataDir, port), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`govhall serve exited with ${child.exitCode}: ${stderr}`);
    if ((await healthStatus(port)) === 200) return { child, ms: performance.now() - t0 };
    if (performance.now() - t0 > GIVE_UP_MS) {
      child.kill('SIGTERM');
      throw new Error('govhall serve did not answer /api/v1/health');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

interface Phases {
  readonly phases: Record<string, number>;
  readonly total: number;
  readonly divisionsFirstUse: number;
}

async function startupPhases(dataDir: string): Promise<Phases> {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/startup-phases.ts'], { cwd: ROOT, env: serveEnv(dataDir, 0), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`startup-phases exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as Phases;
}

export async function benchRestart(): Promise<BenchResult[]> {
  // Measure what `npm start` runs: the bundled server, built as its prestart step does.
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = await mkdtemp(join(tmpdir(), 'govhall-bench-restart-'));
  try {
    const port = await freePort();
    const first = await startServe(dataDir, port);
    await stop(first.child);

    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { child, ms } = await startServe(dataDir, port);
      runs.push(ms);
      await stop(child);
    }
    const phases = await startupPhases(dataDir);
    const round = (n: number) => Math.round(n);
    const median = round(percentile(runs, 50));
    const max = round(Math.max(...runs));
    const breakdown = Object.entries(phases.phases)
      .map(([name, ms]) => `${name} ${round(ms)}`)
      .join(', ');
    const where = `where a restart spends its time (ms, one instrumented run, total ${phases.total}): ${breakdown}; GB/T 2260 division data on first use (not at start) ${round(phases.divisionsFirstUse)}`;
    const runsNote = `runs ${runs.map((r) => round(r)).join(' / ')} ms; first start (migrations, demo) ${round(first.ms)} ms`;
    return [
      { name: `restart on existing embedded data → first healthy answer (median of ${RUNS})`, measured: median, unit: 'ms', limit: LIMIT_MS, kind: 'max', note: runsNote },
      { name: `restart on existing embedded data → first healthy answer (max of ${RUNS})`, measured: max, unit: 'ms', limit: LIMIT_MS, kind: 'max', note: where },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchRestart()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
