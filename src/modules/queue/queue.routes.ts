/** Every route of queueing and calling, and the module's wiring (notifier, counter status listener). */
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { onCounterStatusChange } from '../organisation/counters/counter.service.ts';
import { counterQueueRoutes } from './counter.routes.ts';
import { displayRoutes } from './display.routes.ts';
import { logNotifier, setNotifier } from './notify.ts';
import { publicQueueRoutes } from './public.routes.ts';
import { queueConfigRoutes } from './queue-config.routes.ts';
import { counterStatusEvent } from './sign-in.service.ts';
import { publish } from './stream.ts';
import { ticketRoutes } from './ticket.routes.ts';

export function queueRoutes(app: App, deps: AppDeps): void {
  queueConfigRoutes(app, deps);
  ticketRoutes(app, deps);
  counterQueueRoutes(app, deps);
  displayRoutes(app, deps);
  publicQueueRoutes(app, deps);
  setNotifier(deps, logNotifier(app.log), app.log);
  // A pause or an absence set at the counter (§5.1.5.1) reaches the screens at once.
  onCounterStatusChange(deps, async (d, tx, counterId, centreId) => {
    const event = await counterStatusEvent(tx, counterId);
    if (event) await publish(d, tx, centreId, [event]);
  });
}
