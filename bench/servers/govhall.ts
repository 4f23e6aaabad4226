/**
 * The real GovHall HTTP server for the throughput benchmark, in its own process: the
 * app of src/app.ts over the database of DATABASE_URL (or the embedded one in
 * GOVHALL_DATA_DIR), on a loopback port. Tells the
 * parent its port over IPC; stops when the parent says so or goes away.
 * BENCH_CLOCK_SHIFT_MS moves the app's clock by that much (e.g. to a working-day morning,
 * so that a centre issues tickets whenever the benchmark runs); every process of one run
 * is given the same shift.
 */
import { buildApp } from '../../src/app.ts';
import { depsOf, openConfigured } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/platform/config.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openConfigured(config);
// Request logging is off here as in the bare server it is compared with: both are measured doing the same work apart from GovHall's own.
const shift = Number(process.env.BENCH_CLOCK_SHIFT_MS ?? 0);
const deps = depsOf(config, database);
const app = await buildApp(shift ? { ...deps, clock: () => new Date(Date.now() + shift) } : deps, { logger: false, web: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
