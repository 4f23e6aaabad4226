/** DB36/T 2016 §5.2.2, §7.1.5, §7.1.6.2: the one transition table of queue tickets. */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../shared/errors.ts';
import {
  DEFAULT_RECALL_LIMIT,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  canApply,
  isOpenStatus,
  issueTicket,
  refusalCode,
  transition,
  type TicketAction,
  type TicketActionType,
  type TicketActor,
  type TicketState,
  type TicketStatus,
  type TransitionContext,
} from './ticket-states.ts';
import { caught } from '../shared/caught.ts';

const issuedAt = new Date('2025-03-03T09:00:00+08:00');
const at = (hhmmss: string) => new Date(`2025-03-03T${hhmmss}+08:00`);
const c1: TicketActor = { kind: 'counter', counterId: 'c1', clerkId: 'clerk-1' };
const c2: TicketActor = { kind: 'counter', counterId: 'c2', clerkId: 'clerk-2' };
const staff: TicketActor = { kind: 'staff', userId: 'u-manager' };
const citizen: TicketActor = { kind: 'citizen' };
const system: TicketActor = { kind: 'system' };
const ctx = (actor: TicketActor, now = at('09:30:00'), recallLimit = DEFAULT_RECALL_LIMIT): TransitionContext => ({ actor, now, recallLimit });

function fresh(): TicketState {
  return issueTicket({ id: 't1', queueId: 'qA', number: 'A012', source: 'kiosk', priority: 'elderly', issuedAt }, { kind: 'system' }).ticket;
}

/** A ticket in `status`, held by counter c1 where a holder makes sense. */
function ticketIn(status: TicketStatus): TicketState {
  const base = fresh();
  const held = { counterId: 'c1', clerkId: 'clerk-1', calledAt: at('09:10:00') };
  switch (status) {
    case 'waiting':
      return base;
    case 'called':
      return { ...base, ...held, status };
    case 'serving':
      return { ...base, ...held, status, startedAt: at('09:11:00') };
    case 'parked':
      return { ...base, ...held, status, startedAt: at('09:11:00'), parkedAt: at('09:20:00') };
    case 'finished':
      return { ...base, ...held, status, startedAt: at('09:11:00'), closedAt: at('09:25:00'), outcome: 'done' };
    case 'no_show':
    case 'cancelled':
    case 'transferred':
    case 'expired':
      return { ...base, ...held, status, closedAt: at('09:25:00') };
  }
}

function actionOf(type: TicketActionType): TicketAction {
  switch (type) {
    case 'finish':
      return { type, outcome: 'done', note: '  当场办结  ' };
    case 'transfer':
      return { type, target: { queueId: 'qB' }, keepPriority: true, note: '需到不动产专区' };
    case 'park':
      return { type, reason: '复印材料' };
    case 'cancel':
      return { type, reason: '群众离开' };
    default:
      return { type } as TicketAction;
  }
}

/** An actor the table allows for each action (the counter c1, which holds the ticket). */
function actorFor(type: TicketActionType): TicketActor {
  if (type === 'expire') return system;
  if (type === 'cancel') return staff;
  return c1;
}

function deepFreeze<T>(o: T): T {
  Object.freeze(o);
  return o;
}

/**
 * The whole table written out by hand, independently of the implementation: for every
 * state and action, the state entered or the stable code of the refusal.
 */
const EXPECTED: Record<TicketStatus, Record<TicketActionType, TicketStatus | string>> = {
  waiting: {
    call: 'called', recall: 'TICKET_NOT_CALLED', no_show: 'TICKET_NOT_CALLED', start: 'TICKET_NOT_CALLED', finish: 'TICKET_NOT_CALLED',
    transfer: 'TICKET_NOT_CALLED', park: 'TICKET_NOT_CALLED', requeue: 'TICKET_NOT_PARKED', resume: 'TICKET_NOT_PARKED', cancel: 'cancelled', expire: 'expired',
  },
  called: {
    call: 'TICKET_ALREADY_CALLED', recall: 'called', no_show: 'no_show', start: 'serving', finish: 'TICKET_NOT_STARTED',
    transfer: 'transferred', park: 'parked', requeue: 'TICKET_NOT_PARKED', resume: 'TICKET_NOT_PARKED', cancel: 'cancelled', expire: 'expired',
  },
  serving: {
    call: 'TICKET_ALREADY_STARTED', recall: 'TICKET_ALREADY_STARTED', no_show: 'TICKET_ALREADY_STARTED', start: 'TICKET_ALREADY_STARTED', finish: 'finished',
    transfer: 'transferred', park: 'parked', requeue: 'TICKET_NOT_PARKED', resume: 'TICKET_NOT_PARKED', cancel: 'TICKET_ALREADY_STARTED', expire: 'expired',
  },
  parked: {
    call: 'TICKET_PARKED', recall: 'TICKET_PARKED', no_show: 'TICKET_PARKED', start: 'TICKET_PARKED', finish: 'TICKET_PARKED',
    transfer: 'TICKET_PARKED', park: 'TICKET_PARKED', requeue: 'waiting', resume: 'serving', cancel: 'cancelled', expire: 'expired',
  },
  finished: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, 'TICKET_ALREADY_FINISHED'])) as Record<TicketActionType, string>,
  no_show: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, 'TICKET_CLOSED'])) as Record<TicketActionType, string>,
  cancelled: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, 'TICKET_CLOSED'])) as Record<TicketActionType, string>,
  transferred: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, 'TICKET_CLOSED'])) as Record<TicketActionType, string>,
  expired: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, 'TICKET_CLOSED'])) as Record<TicketActionType, string>,
};

describe('the transition table, every (state, action) pair', () => {
  const pairs = TICKET_STATUSES.flatMap((s) => TICKET_ACTIONS.map((a) => [s, a] as const));

  it('covers 9 states × 11 actions', () => {
    expect(pairs).toHaveLength(99);
  });

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = EXPECTED[status][action];
    const ticket = deepFreeze(ticketIn(status));
    const snapshot = structuredClone(ticket);
    const allowed = (TICKET_STATUSES as readonly string[]).includes(expected);
    expect(canApply(status, action)).toBe(allowed);
    if (allowed) {
      const result = transition(ticket, actionOf(action), ctx(actorFor(action)));
      expect(result.ticket.status).toBe(expected);
      expect(result.event.from).toBe(status);
      expect(result.event.to).toBe(expected);
      expect(result.event.at).toEqual(at('09:30:00'));
      expect(result.event.ticketId).toBe('t1');
      expect(result.spawn !== null).toBe(action === 'transfer');
      expect(isOpenStatus(result.ticket.status)).toBe(result.ticket.closedAt === null);
    } else {
      const err = caught(() => transition(ticket, actionOf(action), ctx(actorFor(action))));
      expect(err.code).toBe(expected);
      expect(refusalCode(status, action)).toBe(expected);
      expect(err.message).toContain('A012');
      expect(err.details).toMatchObject({ status, action, number: 'A012' });
    }
    // A refused or applied move never changes the ticket given.
    expect(ticket).toEqual(snapshot);
  });

  it('uses codes of the one error table, with the right kinds for races (409) and rules (422)', () => {
    const codes = new Set(Object.values(EXPECTED).flatMap((row) => Object.values(row)).filter((v) => !(TICKET_STATUSES as readonly string[]).includes(v)));
    for (const code of codes) expect(ERRORS).toHaveProperty(code);
    expect(ERRORS.TICKET_ALREADY_CALLED.kind).toBe('conflict');
    expect(ERRORS.TICKET_ALREADY_FINISHED.kind).toBe('conflict');
    expect(ERRORS.TICKET_NOT_CALLED.kind).toBe('rule');
    expect(ERRORS.RECALL_LIMIT_REACHED.kind).toBe('rule');
  });

  it('closed states are exactly the ones no action leaves', () => {
    for (const status of TICKET_STATUSES) {
      const leavable = TICKET_ACTIONS.some((a) => TICKET_TRANSITIONS[a].from.includes(status));
      expect(isOpenStatus(status)).toBe(leavable);
    }
  });
});

describe('who may act', () => {
  const actors: TicketActor[] = [c1, staff, citizen, system];

  it('refuses every actor the table does not list (FORBIDDEN), before looking at the state', () => {
    for (const action of TICKET_ACTIONS) {
      for (const actor of actors) {
        const allowed = TICKET_TRANSITIONS[action].actors.includes(actor.kind);
        const from = TICKET_TRANSITIONS[action].from[0]!;
        const run = () => transition(ticketIn(from), actionOf(action), ctx(actor));
        if (allowed) expect(run().ticket.status).toBe(TICKET_TRANSITIONS[action].to);
        else expect(caught(run).code).toBe('FORBIDDEN');
      }
    }
  });

  it('only the system expires; citizens only cancel; a counter calls, a manager requeues and cancels', () => {
    expect(TICKET_TRANSITIONS.expire.actors).toEqual(['system']);
    expect(TICKET_ACTIONS.filter((a) => TICKET_TRANSITIONS[a].actors.includes('citizen'))).toEqual(['cancel']);
    expect(TICKET_ACTIONS.filter((a) => TICKET_TRANSITIONS[a].actors.includes('staff'))).toEqual(['requeue', 'cancel']);
  });

  it('a counter acts only on the tickets it holds (TICKET_HELD_BY_OTHER_COUNTER)', () => {
    for (const action of TICKET_ACTIONS) {
      const rule = TICKET_TRANSITIONS[action];
      if (!rule.actors.includes('counter')) continue;
      for (const from of rule.from) {
        const ticket = ticketIn(from); // held by c1 unless waiting
        const run = () => transition(ticket, actionOf(action), ctx(c2));
        if (ticket.counterId === null) expect(run().ticket.status).toBe(rule.to);
        else expect(caught(run).code).toBe('TICKET_HELD_BY_OTHER_COUNTER');
      }
    }
  });

  it('a manager requeues or cancels a ticket whatever counter holds it', () => {
    expect(transition(ticketIn('parked'), { type: 'requeue' }, ctx(staff)).ticket.status).toBe('waiting');
    expect(transition(ticketIn('called'), { type: 'cancel' }, ctx(staff)).ticket.status).toBe('cancelled');
  });

  it('the event records the counter and clerk of a counter, the user of a manager', () => {
    const byCounter = transition(ticketIn('waiting'), { type: 'call' }, ctx(c2)).event;
    expect(byCounter).toMatchObject({ actorKind: 'counter', counterId: 'c2', clerkId: 'clerk-2', userId: null });
    const byStaff = transition(ticketIn('waiting'), { type: 'cancel', reason: '重复取号' }, ctx(staff)).event;
    expect(byStaff).toMatchObject({ actorKind: 'staff', counterId: null, clerkId: null, userId: 'u-manager', reason: '重复取号' });
    const byCitizen = transition(ticketIn('waiting'), { type: 'cancel' }, ctx(citizen)).event;
    expect(byCitizen).toMatchObject({ actorKind: 'citizen', counterId: null, userId: null, reason: null });
  });
});

describe('calling and recalling (§5.2.2.1, setting: recall limit, default 2)', () => {
  it('a call takes the ticket to the calling counter and records the wait since issue', () => {
    const { ticket, event } = transition(fresh(), { type: 'call' }, ctx(c1, at('09:12:30')));
    expect(ticket).toMatchObject({ status: 'called', counterId: 'c1', clerkId: 'clerk-1', calledAt: at('09:12:30'), recallCount: 0 });
    expect(event).toMatchObject({ type: 'called', waitSeconds: 750 });
  });

  it('allows exactly `recallLimit` recalls, then RECALL_LIMIT_REACHED with no change', () => {
    for (const limit of [0, 1, 2, 5]) {
      let t = transition(fresh(), { type: 'call' }, ctx(c1)).ticket;
      for (let i = 1; i <= limit; i++) {
        const r = transition(t, { type: 'recall' }, ctx(c1, at('09:30:00'), limit));
        expect(r.ticket.recallCount).toBe(i);
        expect(r.ticket.status).toBe('called');
        expect(r.event).toMatchObject({ type: 'recalled', recall: i, from: 'called', to: 'called' });
        t = r.ticket;
      }
      const err = caught(() => transition(t, { type: 'recall' }, ctx(c1, at('09:31:00'), limit)));
      expect(err.code).toBe('RECALL_LIMIT_REACHED');
      expect(err.details).toMatchObject({ recallCount: limit, recallLimit: limit });
      expect(err.message).toContain(`${limit} 次`);
      // After the limit the clerk marks a no-show.
      expect(transition(t, { type: 'no_show' }, ctx(c1)).ticket.status).toBe('no_show');
    }
    expect(DEFAULT_RECALL_LIMIT).toBe(2);
  });

  it('a requeued ticket starts a new round of recalls when called again', () => {
    let t = transition(fresh(), { type: 'call' }, ctx(c1)).ticket;
    t = transition(t, { type: 'recall' }, ctx(c1)).ticket;
    t = transition(t, { type: 'recall' }, ctx(c1)).ticket;
    t = transition(t, { type: 'park' }, ctx(c1)).ticket;
    t = transition(t, { type: 'requeue' }, ctx(c1)).ticket;
    t = transition(t, { type: 'call' }, ctx(c2)).ticket;
    expect(t.recallCount).toBe(0);
    expect(transition(t, { type: 'recall' }, ctx(c2)).ticket.recallCount).toBe(1);
  });

  it('§7.1.6.2 抢单: the second counter grabbing the same pooled ticket gets TICKET_ALREADY_CALLED (409)', () => {
    const first = transition(fresh(), { type: 'call' }, ctx(c1)).ticket;
    const err = caught(() => transition(first, { type: 'call' }, ctx(c2)));
    expect(err.code).toBe('TICKET_ALREADY_CALLED');
    expect(err.kind).toBe('conflict');
  });
});

describe('serving, finishing, parking', () => {
  it('finish records the outcome, a trimmed note and the service time from start', () => {
    let t = transition(fresh(), { type: 'call' }, ctx(c1, at('09:10:00'))).ticket;
    t = transition(t, { type: 'start' }, ctx(c1, at('09:11:00'))).ticket;
    expect(t.startedAt).toEqual(at('09:11:00'));
    const r = transition(t, { type: 'finish', outcome: 'incomplete', note: '  缺户口簿，已一次性告知 ' }, ctx(c1, at('09:23:30')));
    expect(r.ticket).toMatchObject({ status: 'finished', outcome: 'incomplete', closedAt: at('09:23:30') });
    expect(r.event).toMatchObject({ type: 'finished', outcome: 'incomplete', note: '缺户口簿，已一次性告知', serviceSeconds: 750 });
  });

  it('finishing twice: TICKET_ALREADY_FINISHED, a conflict', () => {
    const done = transition(ticketIn('serving'), { type: 'finish', outcome: 'done' }, ctx(c1)).ticket;
    const err = caught(() => transition(done, { type: 'finish', outcome: 'done' }, ctx(c1)));
    expect(err.code).toBe('TICKET_ALREADY_FINISHED');
    expect(err.kind).toBe('conflict');
  });

  it('park from serving and resume keeps the original start; park from called and resume starts now', () => {
    const parked = transition(ticketIn('serving'), { type: 'park', reason: '  去复印 ' }, ctx(c1, at('09:20:00')));
    expect(parked.ticket).toMatchObject({ status: 'parked', parkedAt: at('09:20:00'), counterId: 'c1' });
    expect(parked.event.reason).toBe('去复印');
    const resumed = transition(parked.ticket, { type: 'resume' }, ctx(c1, at('09:28:00'))).ticket;
    expect(resumed).toMatchObject({ status: 'serving', startedAt: at('09:11:00'), parkedAt: null, counterId: 'c1' });

    const fromCalled = transition(ticketIn('called'), { type: 'park' }, ctx(c1, at('09:12:00'))).ticket;
    const started = transition(fromCalled, { type: 'resume' }, ctx(c1, at('09:40:00'))).ticket;
    expect(started.startedAt).toEqual(at('09:40:00'));
  });

  it('requeue puts a parked ticket back in line at its original place, held by nobody', () => {
    const t = transition(ticketIn('parked'), { type: 'requeue' }, ctx(c1, at('09:45:00'))).ticket;
    expect(t).toMatchObject({ status: 'waiting', counterId: null, clerkId: null, calledAt: null, startedAt: null, parkedAt: null, recallCount: 0 });
    expect(t.queuedAt).toEqual(issuedAt);
  });

  it('expire closes any open ticket and the event keeps the state it was left in', () => {
    for (const status of ['waiting', 'called', 'serving', 'parked'] as const) {
      const r = transition(ticketIn(status), { type: 'expire' }, ctx(system, at('23:59:59')));
      expect(r.ticket).toMatchObject({ status: 'expired', closedAt: at('23:59:59') });
      expect(r.event).toMatchObject({ type: 'expired', from: status, actorKind: 'system' });
    }
  });
});

describe('transfer: what the domain returns for the service to create', () => {
  it('with priority kept: the class and the place in line of the original', () => {
    const r = transition(ticketIn('serving'), { type: 'transfer', target: { queueId: 'qB' }, keepPriority: true, note: ' 需不动产登记 ' }, ctx(c1, at('09:40:00')));
    expect(r.ticket).toMatchObject({ status: 'transferred', closedAt: at('09:40:00') });
    expect(r.spawn).toEqual({ transferredFromId: 't1', queueId: 'qB', reservedCounterId: null, priority: 'elderly', queuedAt: issuedAt, note: '需不动产登记' });
    expect(r.event).toMatchObject({ type: 'transferred', transferTo: { queueId: 'qB', counterId: null }, keepPriority: true, note: '需不动产登记' });
  });

  it('without: an ordinary ticket queued now; to a counter: reserved to it, even in the same queue', () => {
    const r = transition(ticketIn('called'), { type: 'transfer', target: { queueId: 'qA', counterId: 'c7' }, keepPriority: false }, ctx(c1, at('09:40:00')));
    expect(r.spawn).toEqual({ transferredFromId: 't1', queueId: 'qA', reservedCounterId: 'c7', priority: 'normal', queuedAt: at('09:40:00'), note: null });
  });

  it('the spawn becomes a waiting ticket through issueTicket', () => {
    const { spawn } = transition(ticketIn('serving'), { type: 'transfer', target: { queueId: 'qB', counterId: 'c9' }, keepPriority: true }, ctx(c1));
    const { ticket, event } = issueTicket({ ...spawn!, id: 't2', number: 'B004', source: 'transfer', issuedAt: at('09:30:00') }, c1);
    expect(ticket).toMatchObject({ status: 'waiting', queueId: 'qB', reservedCounterId: 'c9', transferredFromId: 't1', priority: 'elderly', queuedAt: issuedAt, issuedAt: at('09:30:00') });
    expect(event).toMatchObject({ type: 'issued', from: null, to: 'waiting', source: 'transfer', number: 'B004', counterId: 'c1' });
  });

  it('refuses a transfer to nowhere, back to the same queue, or to the counter itself', () => {
    const cases: TicketAction[] = [
      { type: 'transfer', target: { queueId: '' }, keepPriority: true },
      { type: 'transfer', target: { queueId: 'qA' }, keepPriority: true },
      { type: 'transfer', target: { queueId: 'qB', counterId: 'c1' }, keepPriority: true },
    ];
    for (const action of cases) {
      const err = caught(() => transition(ticketIn('serving'), action, ctx(c1)));
      expect(err.code).toBe('TICKET_TRANSFER_TARGET_INVALID');
      expect(err.fields[0]!.path).toBe('/target');
    }
  });
});

describe('a whole visit, as the statistics will read it', () => {
  it('issue → call → recall → start → park → resume → finish: one event per move, in order, with counter and clerk', () => {
    const events = [];
    const issued = issueTicket({ id: 't9', queueId: 'qA', number: 'A001', source: 'mobile', priority: 'normal', issuedAt }, citizen);
    events.push(issued.event);
    let t = issued.ticket;
    const steps: [TicketAction, string][] = [
      [{ type: 'call' }, '09:05:00'],
      [{ type: 'recall' }, '09:06:00'],
      [{ type: 'start' }, '09:07:00'],
      [{ type: 'park', reason: '补材料' }, '09:10:00'],
      [{ type: 'resume' }, '09:20:00'],
      [{ type: 'finish', outcome: 'accepted' }, '09:30:00'],
    ];
    for (const [action, time] of steps) {
      const r = transition(t, action, ctx(c1, at(time)));
      events.push(r.event);
      t = r.ticket;
    }
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'recalled', 'started', 'parked', 'resumed', 'finished']);
    expect(events.slice(1).every((e) => e.counterId === 'c1' && e.clerkId === 'clerk-1')).toBe(true);
    expect(events.at(-1)).toMatchObject({ outcome: 'accepted', serviceSeconds: 23 * 60 });
    expect(t).toMatchObject({ status: 'finished', outcome: 'accepted', source: 'mobile' });
  });

  it('keeps the caller’s extra fields (the service’s row type)', () => {
    const row = { ...fresh(), centreId: 'centre-1', serviceDay: '2025-03-03' };
    const next = transition(row, { type: 'call' }, ctx(c1)).ticket;
    expect(next.centreId).toBe('centre-1');
    expect(next.serviceDay).toBe('2025-03-03');
  });
});
