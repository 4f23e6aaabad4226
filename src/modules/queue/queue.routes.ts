/** Every route of queueing and calling, and the module's wiring (notifier, counter status listener). */
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { onCounterStatusChange } from '../organisation/counters/counter.service.ts';
import { counterQueueRoutes } from './counter.routes.ts';
import { displayRoutes } from './display.routes.ts';
import { logNotifier, setNotifier } from './notify.ts';
import { publicQueueRoutes } from './public.routes.ts';
import { queueConfigRoutes } from './queue-config.routes.ts';
import { counterStatusEvent, signOutRetiredCounter } from './sign-in.service.ts';
import { publish } from './stream.ts';
import { ticketRoutes } from './ticket.routes.ts';

export function queueRoutes(app: App, deps: AppDeps): void {
  queueConfigRoutes(app, deps);
  ticketRoutes(app, deps);
  counterQueueRoutes(app, deps);
  displayRoutes(app, deps);
  publicQueueRoutes(app, deps);
  setNotifier(deps, logNotifier(app.log), app.log);
  // A pause or an absence set at the counter (§5.1.5.1) reaches the screens at once; a
  // retired counter's clerk is signed out (and it may not be retired while it serves).
  onCounterStatusChange(deps, async (d, tx, change) => {
    if (change.retired) await signOutRetiredCounter(tx, change.actor, change.counterId, change.centreId, change.now);
    const event = await counterStatusEvent(tx, change.counterId);
    if (event) await publish(d, tx, change.centreId, [event]);
  });
}
