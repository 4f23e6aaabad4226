/**
 * Every action of the workstation with its keyboard shortcut, and when it applies.
 * Whether a ticket action is allowed comes from THE transition table
 * (src/domain/queue/ticket-states.ts), so the buttons and the server agree.
 */
import { canApply, type TicketActionType } from '../../src/domain/queue/ticket-states.ts';
import type { TicketView, Workbench } from './types.ts';

export type ActionId =
  | 'callNext'
  | 'recall'
  | 'start'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'park'
  | 'resume'
  | 'cancel'
  | 'pause'
  | 'away'
  | 'requeue'
  | 'openCase'
  | 'cases'
  | 'consult'
  | 'help';

export interface ActionDef {
  readonly id: ActionId;
  readonly label: string;
  /** Shown on the button and in the help, e.g. `F1`. */
  readonly keyLabel: string;
  /** KeyboardEvent.key values that trigger it (letters in both cases). */
  readonly keys: readonly string[];
  readonly description: string;
}

/**
 * F1–F9 for the actions of a ticket and the counter (the keys of calling keypads),
 * letters for the rarer ones; letters act only when no text field has the focus.
 */
export const ACTIONS: Readonly<Record<ActionId, ActionDef>> = {
  callNext: { id: 'callNext', label: '呼叫下一位', keyLabel: 'F1', keys: ['F1'], description: '从本窗口叫号范围内取优先级最高的等候号（综合窗口共享叫号池，抢单，§7.1.6.2）' },
  recall: { id: 'recall', label: '重呼', keyLabel: 'F2', keys: ['F2'], description: '再次呼叫当前号（次数有上限）' },
  start: { id: 'start', label: '开始办理', keyLabel: 'F3', keys: ['F3'], description: '办事人已到窗口，开始计时办理' },
  finish: { id: 'finish', label: '办结', keyLabel: 'F4', keys: ['F4'], description: '结束办理并选择办理结果' },
  noShow: { id: 'noShow', label: '过号', keyLabel: 'F5', keys: ['F5'], description: '多次呼叫未到，标记过号' },
  transfer: { id: 'transfer', label: '转移', keyLabel: 'F6', keys: ['F6'], description: '转到其他队列或窗口，可保留优先级并附说明' },
  park: { id: 'park', label: '挂起', keyLabel: 'F7', keys: ['F7'], description: '暂时挂起当前号（如办事人补材料），稍后恢复办理' },
  resume: { id: 'resume', label: '恢复办理', keyLabel: 'F7', keys: ['F7'], description: '恢复最近挂起的号，继续办理' },
  cancel: { id: 'cancel', label: '取消', keyLabel: 'F8', keys: ['F8'], description: '取消当前号（须确认）' },
  pause: { id: 'pause', label: '暂停服务', keyLabel: 'F9', keys: ['F9'], description: '窗口屏显示“暂停服务”，暂停期间不能叫号；再按一次恢复服务（§5.1.5.1）' },
  away: { id: 'away', label: '暂时离开', keyLabel: 'L', keys: ['l', 'L'], description: '登记去向和预计返回时间，窗口屏显示（§5.1.5.1）' },
  requeue: { id: 'requeue', label: '重新排队', keyLabel: 'Q', keys: ['q', 'Q'], description: '将最近挂起的号放回等候队列' },
  openCase: { id: 'openCase', label: '开始办件', keyLabel: 'B', keys: ['b', 'B'], description: '为办理中的号开件：选择事项、登记申请人、核验材料，作出受理决定并打印通知书（§8.1.2.3）' },
  cases: { id: 'cases', label: '今日办件', keyLabel: 'J', keys: ['j', 'J'], description: '本人经办的办件：状态、办结时限、时间轴，办理、送达、归档' },
  consult: { id: 'consult', label: '咨询登记', keyLabel: 'Z', keys: ['z', 'Z'], description: '登记咨询并一次性告知，打印一次性告知书（§8.1.2.2）' },
  help: { id: 'help', label: '快捷键', keyLabel: '?', keys: ['?'], description: '显示或关闭快捷键说明' },
};

/** A ticket the counter holds and may act on: the current one, else the latest it parked. */
export interface Held {
  readonly current: TicketView | null;
  readonly parked: TicketView | null;
}

export interface Availability {
  readonly enabled: boolean;
  /** Why not, in Chinese (shown as the button's title and when its key is pressed). */
  readonly reason: string | null;
}

const ok: Availability = { enabled: true, reason: null };
const no = (reason: string): Availability => ({ enabled: false, reason });

function ticketAction(ticket: TicketView | null, action: TicketActionType, noTicket: string): Availability {
  if (!ticket) return no(noTicket);
  return canApply(ticket.status, action) ? ok : no(`${ticket.number} 号当前不能${ACTIONS[idOf(action)].label}`);
}

function idOf(action: TicketActionType): ActionId {
  switch (action) {
    case 'no_show':
      return 'noShow';
    case 'call':
      return 'callNext';
    case 'expire':
      return 'cancel';
    default:
      return action;
  }
}

/** An open ticket in front of the clerk (called or being served) blocks calling the next one. */
export function isActive(ticket: TicketView | null): ticket is TicketView {
  return ticket !== null && (ticket.status === 'called' || ticket.status === 'serving');
}

export function availability(id: ActionId, bench: Workbench, held: Held): Availability {
  const status = bench.counter.status;
  const { current, parked } = held;
  switch (id) {
    case 'callNext':
      // DB36/T 2016 §5.1.5.1: a paused or away counter shows it and does not call.
      if (status === 'paused') return no('窗口暂停服务，不能叫号。请先恢复服务（F9）。');
      if (status === 'away') return no('窗口暂时离开，不能叫号。请先回到窗口（F9）。');
      if (!bench.counter.signedIn || status === 'closed') return no('您尚未签到本窗口，请先签到。');
      if (isActive(current)) return no(`请先处理当前号 ${current.number}（办结、过号、转移或挂起）。`);
      return ok;
    case 'recall':
      return ticketAction(current, 'recall', '没有已叫号的当前号');
    case 'start':
      return ticketAction(current, 'start', '没有已叫号的当前号');
    case 'finish':
      return ticketAction(current, 'finish', '没有办理中的当前号');
    case 'noShow':
      return ticketAction(current, 'no_show', '没有已叫号的当前号');
    case 'transfer':
      return ticketAction(current, 'transfer', '没有可转移的当前号');
    case 'park':
      return ticketAction(current, 'park', '没有可挂起的当前号');
    case 'resume':
      if (isActive(current)) return no(`请先处理当前号 ${current.number}，再恢复挂起的号`);
      return ticketAction(parked, 'resume', '没有挂起的号');
    case 'requeue':
      return ticketAction(parked, 'requeue', '没有挂起的号');
    case 'cancel':
      return ticketAction(current, 'cancel', '没有可取消的当前号');
    case 'pause':
      return status === 'closed' ? no('窗口未开放，请先签到。') : ok;
    case 'away':
      return status === 'closed' ? no('窗口未开放，请先签到。') : status === 'away' ? no('已登记暂时离开') : ok;
    case 'openCase':
      // A case opens from the ticket being served (or directly, with no ticket in hand).
      if (!bench.counter.signedIn) return no('您尚未签到本窗口，请先签到。');
      if (current?.status === 'called') return no(`${current.number} 号尚未开始办理，请先开始办理（F3）再开始办件`);
      return ok;
    case 'consult':
      return bench.counter.signedIn ? ok : no('您尚未签到本窗口，请先签到。');
    case 'cases':
    case 'help':
      return ok;
  }
}

/** The action a key press means, or null. F7 and F9 toggle with the state. */
export function actionForKey(key: string, held: Held): ActionId | null {
  if (key === 'F7') return isActive(held.current) || !held.parked ? 'park' : 'resume';
  for (const def of Object.values(ACTIONS)) {
    if (def.id === 'resume') continue;
    if (def.keys.includes(key)) return def.id;
  }
  return null;
}
