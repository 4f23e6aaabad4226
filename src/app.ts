/** The composition root: the HTTP server with every module's routes. */
import type { AppDeps } from './platform/deps.ts';
import { createServer } from './platform/http/server.ts';
import { systemRoutes } from './platform/http/system-routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { App } from './platform/http/app-type.ts';
import { centreRoutes } from './modules/organisation/centres/centre.routes.ts';
import { departmentRoutes } from './modules/organisation/departments/department.routes.ts';
import { zoneRoutes } from './modules/organisation/zones/zone.routes.ts';
import { counterRoutes } from './modules/organisation/counters/counter.routes.ts';
import { staffRoutes } from './modules/organisation/staff/staff.routes.ts';
import { publicCentreRoutes } from './modules/organisation/public/public-centre.routes.ts';
import { webRoutes } from './platform/http/web-routes.ts';
import { userRoutes } from './modules/accounts/user.routes.ts';
import { deviceTokenRoutes } from './modules/accounts/device-token.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { itemRoutes } from './modules/catalogue/item.routes.ts';
import { bundleRoutes } from './modules/catalogue/bundle.routes.ts';
import { spreadsheetRoutes } from './modules/catalogue/spreadsheet/spreadsheet.routes.ts';
import { guidePrintRoutes } from './modules/catalogue/guide-print.routes.ts';
import { listExportRoutes } from './modules/catalogue/spreadsheet/list-export.routes.ts';
import { fileRoutes } from './modules/files/file.routes.ts';
import { VERSION } from './version.ts';

export async function buildApp(deps: AppDeps, options: { logger?: boolean; web?: boolean } = {}): Promise<App> {
  const app = await createServer(deps, { version: VERSION, ...(options.logger !== undefined ? { logger: options.logger } : {}) });
  systemRoutes(app, deps, VERSION);
  authRoutes(app, deps);
  centreRoutes(app, deps);
  departmentRoutes(app, deps);
  zoneRoutes(app, deps);
  counterRoutes(app, deps);
  staffRoutes(app, deps);
  publicCentreRoutes(app, deps);
  userRoutes(app, deps);
  deviceTokenRoutes(app, deps);
  auditRoutes(app, deps);
  calendarRoutes(app, deps);
  itemRoutes(app, deps);
  bundleRoutes(app, deps);
  spreadsheetRoutes(app, deps);
  guidePrintRoutes(app, deps);
  listExportRoutes(app, deps);
  fileRoutes(app, deps);
  if (options.web !== false) await webRoutes(app, deps.config.webDir);
  return app;
}
