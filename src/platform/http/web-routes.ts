/**
 * Serves the built web apps (one Vite entry each) from the web directory. Adding an
 * app = its folder under web/, its entry in vite.config.ts and its name here.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import staticFiles from '@fastify/static';
import type { App } from './app-type.ts';

export const WEB_APPS = ['admin', 'portal', 'counter', 'kiosk', 'display'] as const;

/** Hashed bundles never change under their name; an app's index.html must be fetched afresh. */
function cacheControl(path: string): string {
  return path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function webRoutes(app: App, webDir: string): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'));
  if (!existsSync(webDir)) {
    app.log.warn({ webDir }, 'web apps are not built (npm run build); only the API is served');
    return;
  }
  await app.register(staticFiles, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('cache-control', cacheControl(path)),
  });
  for (const name of WEB_APPS) {
    const index = join(webDir, name, 'index.html');
    if (!existsSync(index)) continue;
    app.get(`/${name}`, { schema: { hide: true } }, async (_request, reply) => reply.redirect(`/${name}/`));
    // Client-side routes of each app fall back to the app's index.html.
    app.get(`/${name}/*`, { schema: { hide: true } }, async (_request, reply) => reply.sendFile(`${name}/index.html`));
  }
}
