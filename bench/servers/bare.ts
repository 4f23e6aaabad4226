/**
 * The baseline of the throughput benchmark, in its own process: a bare Fastify route
 * on the same route answering the same JSON body (captured from GovHall), with no
 * authentication, no database and no plugins. Receives the body over IPC, answers
 * with its port.
 */
import Fastify from 'fastify';

const { body, route } = await new Promise<{ body: unknown; route: string }>((resolve) => {
  process.once('message', (m: { body: unknown; route: string }) => resolve(m));
  process.send?.('ready');
});
const app = Fastify({ logger: false });
app.get(route, async () => body);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
