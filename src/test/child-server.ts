/**
 * A second GovHall server process for tests of what crosses processes (the live event
 * stream over LISTEN/NOTIFY): the app of src/app.ts over the PostgreSQL database of
 * DATABASE_URL, on a loopback port it tells the parent over IPC (`{ port }`). Stops when
 * the parent says `stop` or goes away. Run with `node bin/run-ts.mjs src/test/child-server.ts`.
 */
import { buildApp } from '../app.ts';
import { depsOf, openConfigured } from '../cli/context.ts';
import { loadConfig } from '../platform/config.ts';

if (!process.env.DATABASE_URL) throw new Error('child-server needs DATABASE_URL: an embedded database belongs to one process');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', GOVHALL_WEB_DIR: '/nonexistent', GOVHALL_DATA_DIR: '/nonexistent' });
const database = await openConfigured(config);
const app = await buildApp(depsOf(config, database), { logger: false, web: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
