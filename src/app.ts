/** The composition root: the HTTP server with every module's routes. */
import type { AppDeps } from './platform/deps.ts';
import { createServer } from './platform/http/server.ts';
import { systemRoutes } from './platform/http/system-routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { App } from './platform/http/app-type.ts';
import { centreRoutes } from './modules/organisation/centres/centre.routes.ts';
import { webRoutes } from './platform/http/web-routes.ts';
import { VERSION } from './version.ts';

export async function buildApp(deps: AppDeps, options: { logger?: boolean; web?: boolean } = {}): Promise<App> {
  const app = await createServer(deps, { version: VERSION, ...(options.logger !== undefined ? { logger: options.logger } : {}) });
  systemRoutes(app, deps, VERSION);
  authRoutes(app, deps);
  centreRoutes(app, deps);
  if (options.web !== false) await webRoutes(app, deps.config.webDir);
  return app;
}
