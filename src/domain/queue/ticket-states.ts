/**
 * The life of a queue ticket (DB36/T 2016 §5.2.2 排队取号机 and 显示屏, §7.1.5 取号、等候、
 * 办理秩序, §7.1.6.2 抢单): ONE transition table, {@link TICKET_TRANSITIONS}, checked in one
 * place, {@link transition}.
 *
 * ```
 *   issued ─▶ waiting ─call─▶ called ─start─▶ serving ─finish─▶ finished(outcome)
 *               ▲  │           │ ▲ recall (≤ limit)  │
 *               │  │           │ └──────┘            ├─transfer─▶ transferred (+ a new waiting ticket)
 *               │  │           ├─no_show─▶ no_show   │
 *               │  │           ├─transfer────────────┤
 *               │  │           └─park──▶ parked ◀─park┘
 *               └──┼──requeue────────────┤  └─resume─▶ serving
 *                  └─cancel (waiting|called|parked) ─▶ cancelled
 *   any open state ─expire (end of the service day, system)─▶ expired
 * ```
 *
 * Every move returns the new state and the event to store (time, counter, clerk),
 * the raw material of the statistics. The functions are pure: the clock and the
 * acting counter come in through {@link TransitionContext}.
 */
import { AppError, type ErrorCode } from '../shared/errors.ts';
import type { PriorityClass } from './priority.ts';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'finished', 'no_show', 'cancelled', 'transferred', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  parked: '已挂起',
  finished: '已办结',
  no_show: '过号',
  cancelled: '已取消',
  transferred: '已转出',
  expired: '已过期',
};

/** States a ticket never leaves. */
export const CLOSED_TICKET_STATUSES: readonly TicketStatus[] = ['finished', 'no_show', 'cancelled', 'transferred', 'expired'];

export function isOpenStatus(status: TicketStatus): boolean {
  return !CLOSED_TICKET_STATUSES.includes(status);
}

export const TICKET_ACTIONS = ['call', 'recall', 'no_show', 'start', 'finish', 'transfer', 'park', 'requeue', 'resume', 'cancel', 'expire'] as const;
export type TicketActionType = (typeof TICKET_ACTIONS)[number];

export const TICKET_ACTION_LABELS: Readonly<Record<TicketActionType, string>> = {
  call: '叫号',
  recall: '重呼',
  no_show: '过号',
  start: '开始办理',
  finish: '办结',
  transfer: '转移',
  park: '挂起',
  requeue: '重新排队',
  resume: '恢复办理',
  cancel: '取消',
  expire: '过期关闭',
};

/** How a served ticket ended, for the statistics of §7.1.5 办理秩序. */
export const TICKET_OUTCOMES = ['done', 'accepted', 'incomplete', 'referred', 'refused', 'consulted'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

export const TICKET_OUTCOME_LABELS: Readonly<Record<TicketOutcome, string>> = {
  done: '当场办结',
  accepted: '已受理',
  incomplete: '材料不全（已一次性告知）',
  referred: '已引导至其他部门或渠道',
  refused: '不予受理',
  consulted: '咨询解答',
};

/** Where a ticket came from. A transfer makes a new ticket in the target queue. */
export const TICKET_SOURCES = ['kiosk', 'mobile', 'counter', 'appointment', 'transfer'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const TICKET_SOURCE_LABELS: Readonly<Record<TicketSource, string>> = {
  kiosk: '取号机',
  mobile: '手机取号',
  counter: '窗口取号',
  appointment: '预约签到',
  transfer: '转移',
};

/** Who acts: a clerk at a counter, a manager (staff), the citizen (their own ticket), or the system. */
export type TicketActor =
  | { readonly kind: 'counter'; readonly counterId: string; readonly clerkId: string }
  | { readonly kind: 'staff'; readonly userId: string }
  | { readonly kind: 'citizen' }
  | { readonly kind: 'system' };
export type TicketActorKind = TicketActor['kind'];

export interface TicketState {
  readonly id: string;
  readonly queueId: string;
  /** `A012`, see numbering.ts. */
  readonly number: string;
  readonly source: TicketSource;
  readonly priority: PriorityClass;
  readonly issuedAt: Date;
  /**
   * From when the ticket's waiting counts for ordering and ageing (priority.ts):
   * the issue time, the slot start of an appointment, or the original ticket's
   * `queuedAt` for a transfer that keeps its priority.
   */
  readonly queuedAt: Date;
  /** Only this counter may take the ticket (a transfer to a counter). */
  readonly reservedCounterId: string | null;
  readonly transferredFromId: string | null;
  readonly status: TicketStatus;
  /** The counter that called, serves or parked the ticket; null while it waits. */
  readonly counterId: string | null;
  readonly clerkId: string | null;
  /** Recalls since the last call (the first call is not a recall). */
  readonly recallCount: number;
  readonly calledAt: Date | null;
  readonly startedAt: Date | null;
  readonly parkedAt: Date | null;
  readonly closedAt: Date | null;
  readonly outcome: TicketOutcome | null;
}

/** A transfer's destination: a queue, optionally one counter of it (then only that counter may take the ticket). */
export interface TransferTarget {
  readonly queueId: string;
  readonly counterId?: string | null;
}

export type TicketAction =
  | { readonly type: 'call' }
  | { readonly type: 'recall' }
  | { readonly type: 'no_show' }
  | { readonly type: 'start' }
  | { readonly type: 'finish'; readonly outcome: TicketOutcome; readonly note?: string | null }
  | { readonly type: 'transfer'; readonly target: TransferTarget; readonly keepPriority: boolean; readonly note?: string | null }
  | { readonly type: 'park'; readonly reason?: string | null }
  | { readonly type: 'requeue' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancel'; readonly reason?: string | null }
  | { readonly type: 'expire' };

export interface TransitionContext {
  readonly now: Date;
  readonly actor: TicketActor;
  /** Recalls allowed after the first call (setting; default {@link DEFAULT_RECALL_LIMIT}). */
  readonly recallLimit: number;
}

/** §5.2.2.1 and common practice: a call is repeated at most twice before the ticket is marked a no-show. */
export const DEFAULT_RECALL_LIMIT = 2;

export const TICKET_EVENT_TYPES = ['issued', 'called', 'recalled', 'no_show', 'started', 'finished', 'transferred', 'parked', 'requeued', 'resumed', 'cancelled', 'expired'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** One stored event of a ticket (issue 4: "every event of a ticket is stored with time, counter and clerk"). */
export interface TicketEvent {
  readonly type: TicketEventType;
  readonly ticketId: string;
  readonly at: Date;
  readonly from: TicketStatus | null;
  readonly to: TicketStatus;
  readonly actorKind: TicketActorKind;
  readonly counterId: string | null;
  readonly clerkId: string | null;
  readonly userId: string | null;
  /** issued */
  readonly source?: TicketSource;
  readonly number?: string;
  readonly priority?: PriorityClass;
  /** called: seconds since issue (first call only); recalled: the recall's ordinal. */
  readonly waitSeconds?: number;
  readonly recall?: number;
  /** finished: the outcome and the seconds from start to finish (the wait estimate's history). */
  readonly outcome?: TicketOutcome;
  readonly serviceSeconds?: number;
  readonly transferTo?: TransferTarget;
  readonly keepPriority?: boolean;
  /** finished, transferred: the clerk's note; parked, cancelled: the reason given. */
  readonly note?: string | null;
  readonly reason?: string | null;
}

interface TransitionRule {
  readonly from: readonly TicketStatus[];
  readonly to: TicketStatus;
  readonly event: TicketEventType;
  readonly actors: readonly TicketActorKind[];
  /** A counter may act only on a ticket it holds (or one that no counter holds). */
  readonly holderOnly: boolean;
}

/** THE transition table of tickets: for each action, the states it leaves, the one it enters, and who may take it. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketActionType, TransitionRule>> = {
  call: { from: ['waiting'], to: 'called', event: 'called', actors: ['counter'], holderOnly: false },
  recall: { from: ['called'], to: 'called', event: 'recalled', actors: ['counter'], holderOnly: true },
  no_show: { from: ['called'], to: 'no_show', event: 'no_show', actors: ['counter'], holderOnly: true },
  start: { from: ['called'], to: 'serving', event: 'started', actors: ['counter'], holderOnly: true },
  finish: { from: ['serving'], to: 'finished', event: 'finished', actors: ['counter'], holderOnly: true },
  // Also from `called`: the clerk learns at the first word that the citizen is in the wrong queue.
  transfer: { from: ['called', 'serving'], to: 'transferred', event: 'transferred', actors: ['counter'], holderOnly: true },
  park: { from: ['called', 'serving'], to: 'parked', event: 'parked', actors: ['counter'], holderOnly: true },
  requeue: { from: ['parked'], to: 'waiting', event: 'requeued', actors: ['counter', 'staff'], holderOnly: true },
  resume: { from: ['parked'], to: 'serving', event: 'resumed', actors: ['counter'], holderOnly: true },
  // A parked citizen who does not come back must be closable too; a started service is finished, not cancelled.
  cancel: { from: ['waiting', 'called', 'parked'], to: 'cancelled', event: 'cancelled', actors: ['citizen', 'staff', 'counter'], holderOnly: true },
  // End of the service day: nothing stays open overnight ("tickets stuck in called").
  expire: { from: ['waiting', 'called', 'serving', 'parked'], to: 'expired', event: 'expired', actors: ['system'], holderOnly: false },
};

/** Whether the table allows `action` from `status` (ignoring who acts and the recall limit). */
export function canApply(status: TicketStatus, action: TicketActionType): boolean {
  return TICKET_TRANSITIONS[action].from.includes(status);
}

/**
 * The stable code refusing `action` on a ticket in `status`, named after what the
 * ticket is (already called, not called yet, parked, closed …), so that a counter
 * losing a race for a pooled ticket reads TICKET_ALREADY_CALLED and a double click on
 * "finish" reads TICKET_ALREADY_FINISHED.
 */
export function refusalCode(status: TicketStatus, action: TicketActionType): ErrorCode {
  switch (status) {
    case 'finished':
      return 'TICKET_ALREADY_FINISHED';
    case 'no_show':
    case 'cancelled':
    case 'transferred':
    case 'expired':
      return 'TICKET_CLOSED';
    case 'parked':
      return 'TICKET_PARKED';
    case 'waiting':
      return action === 'requeue' || action === 'resume' ? 'TICKET_NOT_PARKED' : 'TICKET_NOT_CALLED';
    case 'called':
      if (action === 'call') return 'TICKET_ALREADY_CALLED';
      return action === 'requeue' || action === 'resume' ? 'TICKET_NOT_PARKED' : 'TICKET_NOT_STARTED';
    case 'serving':
      return action === 'requeue' || action === 'resume' ? 'TICKET_NOT_PARKED' : 'TICKET_ALREADY_STARTED';
  }
}

function refusal(ticket: TicketState, action: TicketActionType): AppError {
  const code = refusalCode(ticket.status, action);
  return new AppError(code, {
    message: `${ticket.number} 号当前状态为“${TICKET_STATUS_LABELS[ticket.status]}”，不能${TICKET_ACTION_LABELS[action]}`,
    details: { ticketId: ticket.id, number: ticket.number, status: ticket.status, action },
  });
}

/** A new ticket, waiting, and its `issued` event. */
export interface NewTicket {
  readonly id: string;
  readonly queueId: string;
  readonly number: string;
  readonly source: TicketSource;
  readonly priority: PriorityClass;
  readonly issuedAt: Date;
  /** Defaults to `issuedAt`. */
  readonly queuedAt?: Date;
  readonly reservedCounterId?: string | null;
  readonly transferredFromId?: string | null;
}

export function issueTicket(input: NewTicket, actor: TicketActor): { readonly ticket: TicketState; readonly event: TicketEvent } {
  const ticket: TicketState = {
    id: input.id,
    queueId: input.queueId,
    number: input.number,
    source: input.source,
    priority: input.priority,
    issuedAt: input.issuedAt,
    queuedAt: input.queuedAt ?? input.issuedAt,
    reservedCounterId: input.reservedCounterId ?? null,
    transferredFromId: input.transferredFromId ?? null,
    status: 'waiting',
    counterId: null,
    clerkId: null,
    recallCount: 0,
    calledAt: null,
    startedAt: null,
    parkedAt: null,
    closedAt: null,
    outcome: null,
  };
  const event: TicketEvent = {
    ...eventBase('issued', ticket.id, input.issuedAt, null, 'waiting', actor),
    source: input.source,
    number: input.number,
    priority: input.priority,
  };
  return { ticket, event };
}

/**
 * What a transfer asks the service to create: a new waiting ticket in the target
 * queue (the service draws its number there). With `keepPriority` it keeps the
 * class and the place in line (`queuedAt`) of the original; without, it is an
 * ordinary ticket queued now.
 */
export interface TransferSpawn {
  readonly transferredFromId: string;
  readonly queueId: string;
  readonly reservedCounterId: string | null;
  readonly priority: PriorityClass;
  readonly queuedAt: Date;
  readonly note: string | null;
}

export interface TransitionResult<T extends TicketState> {
  readonly ticket: T;
  readonly event: TicketEvent;
  /** Set by `transfer` only. */
  readonly spawn: TransferSpawn | null;
}

function eventBase(type: TicketEventType, ticketId: string, at: Date, from: TicketStatus | null, to: TicketStatus, actor: TicketActor) {
  return {
    type,
    ticketId,
    at,
    from,
    to,
    actorKind: actor.kind,
    counterId: actor.kind === 'counter' ? actor.counterId : null,
    clerkId: actor.kind === 'counter' ? actor.clerkId : null,
    userId: actor.kind === 'staff' ? actor.userId : null,
  };
}

function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/**
 * Applies one action of {@link TICKET_TRANSITIONS} and returns the new state and the
 * event to store. Checks, in this order:
 * 1. the actor may take the action (FORBIDDEN: e.g. a citizen cannot call, only the
 *    system expires);
 * 2. the table allows it from the ticket's state ({@link refusalCode});
 * 3. a counter acts only on a ticket it holds (TICKET_HELD_BY_OTHER_COUNTER);
 * 4. the action's own rule: at most `recallLimit` recalls (RECALL_LIMIT_REACHED),
 *    a transfer goes somewhere else (TICKET_TRANSFER_TARGET_INVALID).
 *
 * Calling does not check the counter's status or its pool: the caller does that
 * first with pool.ts (`assertCanCall`, `assertMayTake`).
 */
export function transition<T extends TicketState>(ticket: T, action: TicketAction, ctx: TransitionContext): TransitionResult<T> {
  const rule = TICKET_TRANSITIONS[action.type];
  const { actor, now } = ctx;
  if (!rule.actors.includes(actor.kind)) {
    throw new AppError('FORBIDDEN', {
      message: `${actorLabel(actor.kind)}不能对号码执行“${TICKET_ACTION_LABELS[action.type]}”`,
      details: { action: action.type, actor: actor.kind },
    });
  }
  if (!rule.from.includes(ticket.status)) throw refusal(ticket, action.type);
  if (actor.kind === 'counter' && rule.holderOnly && ticket.counterId !== null && ticket.counterId !== actor.counterId) {
    throw new AppError('TICKET_HELD_BY_OTHER_COUNTER', {
      message: `${ticket.number} 号由其他窗口${ticket.status === 'parked' ? '挂起' : '叫号或办理'}，本窗口不能${TICKET_ACTION_LABELS[action.type]}`,
      details: { ticketId: ticket.id, number: ticket.number, counterId: ticket.counterId, action: action.type },
    });
  }

  const base = eventBase(rule.event, ticket.id, now, ticket.status, rule.to, actor);
  const holder = actor.kind === 'counter' ? { counterId: actor.counterId, clerkId: actor.clerkId } : {};
  const closed = { status: rule.to, closedAt: now };
  switch (action.type) {
    case 'call':
      return done({ ...ticket, ...holder, status: rule.to, recallCount: 0, calledAt: now }, { ...base, waitSeconds: seconds(ticket.issuedAt, now) });
    case 'recall': {
      if (ticket.recallCount >= ctx.recallLimit) {
        throw new AppError('RECALL_LIMIT_REACHED', {
          message: `${ticket.number} 号已重呼 ${ticket.recallCount} 次，达到上限（${ctx.recallLimit} 次），请标记过号`,
          details: { ticketId: ticket.id, recallCount: ticket.recallCount, recallLimit: ctx.recallLimit },
        });
      }
      const recall = ticket.recallCount + 1;
      return done({ ...ticket, recallCount: recall }, { ...base, recall });
    }
    case 'no_show':
      return done({ ...ticket, ...closed }, base);
    case 'start':
      return done({ ...ticket, status: rule.to, startedAt: now }, base);
    case 'finish':
      return done(
        { ...ticket, ...closed, outcome: action.outcome },
        { ...base, outcome: action.outcome, note: text(action.note), serviceSeconds: seconds(ticket.startedAt ?? ticket.calledAt ?? now, now) },
      );
    case 'transfer': {
      const target: TransferTarget = { queueId: action.target.queueId, counterId: action.target.counterId ?? null };
      checkTransferTarget(ticket, target, actor);
      const note = text(action.note);
      const spawn: TransferSpawn = {
        transferredFromId: ticket.id,
        queueId: target.queueId,
        reservedCounterId: target.counterId ?? null,
        priority: action.keepPriority ? ticket.priority : 'normal',
        queuedAt: action.keepPriority ? ticket.queuedAt : now,
        note,
      };
      return done({ ...ticket, ...closed }, { ...base, transferTo: target, keepPriority: action.keepPriority, note }, spawn);
    }
    case 'park':
      return done({ ...ticket, status: rule.to, parkedAt: now }, { ...base, reason: text(action.reason) });
    case 'requeue':
      // Back in line with its original place (queuedAt), for any counter of its pool to call.
      return done({ ...ticket, status: rule.to, counterId: null, clerkId: null, recallCount: 0, calledAt: null, startedAt: null, parkedAt: null }, base);
    case 'resume':
      return done({ ...ticket, ...holder, status: rule.to, parkedAt: null, startedAt: ticket.startedAt ?? now }, base);
    case 'cancel':
      return done({ ...ticket, ...closed }, { ...base, reason: text(action.reason) });
    case 'expire':
      // The event's `from` keeps the state the ticket was left in.
      return done({ ...ticket, ...closed }, base);
  }

  function done(next: T, event: TicketEvent, spawn: TransferSpawn | null = null): TransitionResult<T> {
    return { ticket: next, event, spawn };
  }
}

function checkTransferTarget(ticket: TicketState, target: TransferTarget, actor: TicketActor): void {
  const fail = (message: string) =>
    new AppError('TICKET_TRANSFER_TARGET_INVALID', {
      message,
      fields: [{ path: '/target', code: 'TICKET_TRANSFER_TARGET_INVALID', message }],
      details: { ticketId: ticket.id, target },
    });
  if (!target.queueId) throw fail('须选择转入的队列或窗口');
  if (actor.kind === 'counter' && target.counterId === actor.counterId) throw fail('不能转给本窗口');
  if (target.queueId === ticket.queueId && !target.counterId) throw fail('不能转回本队列，请选择其他队列或指定窗口');
}

function actorLabel(kind: TicketActorKind): string {
  switch (kind) {
    case 'counter':
      return '窗口';
    case 'staff':
      return '管理人员';
    case 'citizen':
      return '办事群众';
    case 'system':
      return '系统';
  }
}
