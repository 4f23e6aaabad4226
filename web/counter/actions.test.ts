/**
 * The workstation's actions: what each key means and when an action is offered
 * (DB36/T 2016 §5.1.5.1: a paused or away counter does not call; the ticket's
 * transition table decides the rest), and the Chinese message of each refusal.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api.ts';
import { ACTIONS, actionForKey, availability, type ActionId, type Held } from './actions.ts';
import { NOBODY_WAITING, workstationMessage } from './messages.ts';
import type { TicketView, Workbench } from './types.ts';

function ticket(status: TicketView['status'], number = 'A001'): TicketView {
  return {
    id: `t-${number}`,
    centreId: 'c',
    number,
    queueId: 'q',
    queueName: '综合受理',
    queuePrefix: 'A',
    status,
    statusLabel: '',
    priorityClass: 'normal',
    priorityLabel: '普通',
    elderly: false,
    source: 'kiosk',
    phoneMasked: null,
    idNumberMasked: null,
    issuedAt: '2026-03-10T01:00:00.000Z',
    calledAt: status === 'waiting' ? null : '2026-03-10T01:10:00.000Z',
    startedAt: status === 'serving' ? '2026-03-10T01:12:00.000Z' : null,
    finishedAt: null,
    counterId: status === 'waiting' ? null : 'k',
    counterNumber: status === 'waiting' ? null : '3',
    counterName: null,
    recallCount: 0,
    outcome: null,
    note: null,
    transferredFromId: null,
  };
}

function bench(status: Workbench['counter']['status'], signedIn = true): Workbench {
  return {
    counter: { id: 'k', number: '3', name: '综合受理', kind: 'comprehensive', status, statusLabel: '', awayReason: null, expectedReturnAt: null, clerk: null, signedIn },
    current: null,
    parked: [],
    waiting: [],
    today: { served: 0, noShow: 0, transferred: 0, averageServiceMinutes: null },
  };
}

const nothing: Held = { current: null, parked: null };
const enabled = (id: ActionId, b: Workbench, h: Held) => availability(id, b, h).enabled;

describe('call next', () => {
  it('is offered to a serving counter with nothing in hand', () => {
    expect(enabled('callNext', bench('serving'), nothing)).toBe(true);
  });

  it('is refused to a paused, away or closed counter, saying how to resume (§5.1.5.1)', () => {
    expect(availability('callNext', bench('paused'), nothing)).toEqual({ enabled: false, reason: expect.stringContaining('暂停服务') });
    expect(availability('callNext', bench('away'), nothing)).toEqual({ enabled: false, reason: expect.stringContaining('暂时离开') });
    expect(availability('callNext', bench('closed'), nothing).enabled).toBe(false);
    expect(availability('callNext', bench('serving', false), nothing)).toEqual({ enabled: false, reason: expect.stringContaining('签到') });
  });

  it('waits until the called or served ticket is dealt with; a parked one does not block', () => {
    expect(availability('callNext', bench('serving'), { current: ticket('called'), parked: null })).toEqual({ enabled: false, reason: expect.stringContaining('A001') });
    expect(enabled('callNext', bench('serving'), { current: ticket('serving'), parked: null })).toBe(false);
    expect(enabled('callNext', bench('serving'), { current: null, parked: ticket('parked') })).toBe(true);
  });
});

describe('ticket actions follow the transition table', () => {
  const b = bench('serving');
  it.each<[ActionId, TicketView['status'], boolean]>([
    ['recall', 'called', true],
    ['recall', 'serving', false],
    ['start', 'called', true],
    ['start', 'serving', false],
    ['finish', 'serving', true],
    ['finish', 'called', false],
    ['noShow', 'called', true],
    ['noShow', 'serving', false],
    ['transfer', 'called', true],
    ['transfer', 'serving', true],
    ['park', 'serving', true],
    ['cancel', 'called', true],
    ['cancel', 'serving', false],
  ])('%s on a %s ticket: %s', (id, status, expected) => {
    expect(enabled(id, b, { current: ticket(status), parked: null })).toBe(expected);
  });

  it('resumes or requeues the parked ticket, but resumes only when nothing else is in hand', () => {
    expect(enabled('resume', b, { current: null, parked: ticket('parked', 'A002') })).toBe(true);
    expect(enabled('requeue', b, { current: null, parked: ticket('parked', 'A002') })).toBe(true);
    expect(enabled('resume', b, { current: ticket('serving'), parked: ticket('parked', 'A002') })).toBe(false);
    expect(enabled('resume', b, nothing)).toBe(false);
  });

  it('offers nothing on a ticket when there is none', () => {
    for (const id of ['recall', 'start', 'finish', 'noShow', 'transfer', 'park', 'cancel'] as const) expect(enabled(id, b, nothing)).toBe(false);
  });
});

describe('case handling from the counter (issue 5; §8.1.2.2, §8.1.2.3)', () => {
  it('opens a case from the ticket being served, or with no ticket in hand; not from one only called', () => {
    const b = bench('serving');
    expect(enabled('openCase', b, { current: ticket('serving'), parked: null })).toBe(true);
    expect(enabled('openCase', b, nothing)).toBe(true);
    expect(availability('openCase', b, { current: ticket('called'), parked: null })).toEqual({ enabled: false, reason: expect.stringContaining('F3') });
  });

  it('opening a case and recording a consultation need the clerk signed in; the list is always there', () => {
    const out = bench('closed', false);
    expect(availability('openCase', out, nothing)).toEqual({ enabled: false, reason: expect.stringContaining('签到') });
    expect(enabled('consult', out, nothing)).toBe(false);
    expect(enabled('consult', bench('serving'), nothing)).toBe(true);
    expect(enabled('cases', out, nothing)).toBe(true);
  });

  it('B, J and Z open the case panel, the case list and the consultation register', () => {
    expect(actionForKey('b', nothing)).toBe('openCase');
    expect(actionForKey('J', nothing)).toBe('cases');
    expect(actionForKey('z', nothing)).toBe('consult');
  });
});

describe('keys', () => {
  it('maps F1–F9 and the letters to the actions shown on the buttons', () => {
    expect(actionForKey('F1', nothing)).toBe('callNext');
    expect(actionForKey('F2', nothing)).toBe('recall');
    expect(actionForKey('F3', nothing)).toBe('start');
    expect(actionForKey('F4', nothing)).toBe('finish');
    expect(actionForKey('F5', nothing)).toBe('noShow');
    expect(actionForKey('F6', nothing)).toBe('transfer');
    expect(actionForKey('F8', nothing)).toBe('cancel');
    expect(actionForKey('F9', nothing)).toBe('pause');
    expect(actionForKey('l', nothing)).toBe('away');
    expect(actionForKey('Q', nothing)).toBe('requeue');
    expect(actionForKey('?', nothing)).toBe('help');
    expect(actionForKey('x', nothing)).toBeNull();
    expect(actionForKey('F10', nothing)).toBeNull();
  });

  it('F7 parks the ticket in hand, else resumes the parked one', () => {
    expect(actionForKey('F7', { current: ticket('serving'), parked: ticket('parked', 'A002') })).toBe('park');
    expect(actionForKey('F7', { current: null, parked: ticket('parked', 'A002') })).toBe('resume');
    expect(actionForKey('F7', nothing)).toBe('park');
  });

  it('gives every action its own key, shown on its button', () => {
    const keys = Object.values(ACTIONS)
      .filter((a) => a.id !== 'resume')
      .flatMap((a) => a.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of Object.values(ACTIONS)) expect(a.keys).toContain(/^[A-Z]$/.test(a.keyLabel) ? a.keyLabel.toLowerCase() : a.keyLabel);
  });
});

describe('messages', () => {
  it('words the refusals a counter meets for the workstation', () => {
    expect(workstationMessage(new ApiError(422, 'COUNTER_CANNOT_CALL', '窗口暂停服务'))).toContain('恢复服务（F9）');
    expect(workstationMessage(new ApiError(409, 'TICKET_ALREADY_CALLED', '该号已被叫号'))).toContain('其他窗口');
    expect(workstationMessage(new ApiError(422, 'RECALL_LIMIT_REACHED', '重呼次数已达上限'))).toContain('过号（F5）');
    expect(workstationMessage(new ApiError(404, 'HTTP_ERROR', '服务器返回错误（HTTP 404）'))).toContain('接口不存在');
  });

  it("keeps the server's own message where it names what is at fault", () => {
    const held = new ApiError(409, 'COUNTER_HOLDS_TICKET', '3 号窗口仍有 A001 号已叫号或在办理中，请先办结、转移或挂起');
    expect(workstationMessage(held)).toBe(held.message);
    expect(NOBODY_WAITING).toContain('无人等候');
  });
});
