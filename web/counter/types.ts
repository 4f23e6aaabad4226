/**
 * The queue API as the counter workstation sees it (docs/queue-api.md, issue 4): the
 * server's TypeBox types, imported type-only (no server code reaches the bundle).
 */
import type { TicketView as ServerTicketView } from '../../src/modules/queue/ticket.schemas.ts';
import type { Workbench as ServerWorkbench } from '../../src/modules/queue/display.schemas.ts';

export type { QueueView } from '../../src/modules/queue/queue.schemas.ts';
export type { StaffCard } from '../../src/modules/queue/display.schemas.ts';

export type TicketView = ServerTicketView;
/** GET /api/v1/counters/{counterId}/workbench */
export type Workbench = ServerWorkbench;
export type WorkbenchCounter = Workbench['counter'];
export type WaitingRow = Workbench['waiting'][number];
export type TodayFigures = Workbench['today'];

export type TicketActionPath = 'recall' | 'no-show' | 'start' | 'finish' | 'transfer' | 'park' | 'requeue' | 'resume' | 'cancel';
