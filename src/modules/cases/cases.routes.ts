/** Every route of case handling, and the module's wiring (the notifier). */
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { caseRoutes } from './case.routes.ts';
import { noticeRoutes } from './notice.routes.ts';
import { logCaseNotifier, setCaseNotifier } from './notify.ts';
import { publicCaseRoutes } from './public-case.routes.ts';
import { reviewRoutes } from './review.routes.ts';

export function casesRoutes(app: App, deps: AppDeps): void {
  caseRoutes(app, deps);
  reviewRoutes(app, deps);
  publicCaseRoutes(app, deps);
  noticeRoutes(app, deps);
  setCaseNotifier(deps, logCaseNotifier(app.log), app.log);
}
