/** Serves the built web apps (one Vite entry each) from the web directory. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import staticFiles from '@fastify/static';
import type { App } from './app-type.ts';

export const WEB_APPS = ['admin'] as const;

export async function webRoutes(app: App, webDir: string): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'));
  if (!existsSync(webDir)) {
    app.log.warn({ webDir }, 'web apps are not built (npm run build); only the API is served');
    return;
  }
  await app.register(staticFiles, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  // Client-side routes of each app fall back to the app's index.html.
  for (const name of WEB_APPS) {
    const index = join(webDir, name, 'index.html');
    if (!existsSync(index)) continue;
    app.get(`/${name}/*`, { schema: { hide: true } }, async (_request, reply) => reply.sendFile(`${name}/index.html`));
  }
}
