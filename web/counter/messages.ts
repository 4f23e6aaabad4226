/**
 * What the clerk reads when an action is refused: the API's Chinese message, made
 * concrete for the workstation (what happened and what to press next) for the
 * codes a counter meets (src/domain/shared/errors.ts, domain/queue/ticket-states.ts).
 */
import { ApiError, messageOf } from '../shared/api.ts';

const HINTS: Readonly<Record<string, string>> = {
  // DB36/T 2016 §5.1.5.1: a paused or away counter shows it and does not call.
  COUNTER_CANNOT_CALL: '本窗口处于暂停服务、暂时离开或未开放状态，不能叫号。请先恢复服务（F9）。',
  // §7.1.6.2 抢单: another comprehensive counter was quicker.
  TICKET_ALREADY_CALLED: '该号已被其他窗口叫走，请重新呼叫下一位（F1）。',
  TICKET_HELD_BY_OTHER_COUNTER: '该号正由其他窗口叫号或办理，本窗口不能操作。',
  TICKET_NOT_CALLED: '该号尚未叫号，不能执行此操作。',
  TICKET_ALREADY_STARTED: '该号已开始办理，请办结（F4）、转移（F6）或挂起（F7）。',
  TICKET_NOT_STARTED: '该号尚未开始办理，请先开始办理（F3）。',
  TICKET_PARKED: '该号已挂起，请先恢复办理或重新排队。',
  TICKET_NOT_PARKED: '该号未挂起。',
  TICKET_ALREADY_FINISHED: '该号已办结，无需重复操作。',
  TICKET_CLOSED: '该号已结束（过号、取消、转出或过期），不能再操作。',
  RECALL_LIMIT_REACHED: '重呼次数已达上限，请标记过号（F5）。',
  TICKET_TRANSFER_TARGET_INVALID: '转移目标不正确，请重新选择队列或窗口。',
  TICKET_NOT_IN_POOL: '该号不在本窗口的叫号范围内。',
  TICKET_NOT_FOUND: '该号不存在或已被删除。',
  COUNTER_NOT_FOUND: '窗口不存在，请重新选择窗口。',
  COUNTER_NOT_SIGNED_IN: '您尚未签到本窗口，请先签到。',
  QUEUE_NOT_FOUND: '目标队列不存在或已停用，请重新选择。',
  COUNTER_AWAY_REASON_REQUIRED: '暂时离开须填写去向和预计返回时间。',
  COUNTER_RETURN_TIME_INVALID: '预计返回时间应晚于当前时间。',
  ENTITY_RETIRED: '该窗口已撤销，请选择其他窗口。',
  FORBIDDEN: '您无权在此窗口操作（需窗口工作人员权限，且窗口属于您所在的中心和部门）。',
  ROUTE_NOT_FOUND: '服务器暂未提供该功能（接口不存在），请联系系统管理员。',
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试。',
};

/**
 * The Chinese message for a failed workstation action. Codes not listed keep the
 * server's message, which names the tickets or the staff record concerned
 * (e.g. COUNTER_HOLDS_TICKET, STAFF_RECORD_REQUIRED).
 */
export function workstationMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const hint = HINTS[error.code];
    if (hint) return hint;
    // A 404 from a route the server does not have yet answers without our error body.
    if (error.status === 404 && error.code === 'HTTP_ERROR') return HINTS.ROUTE_NOT_FOUND!;
  }
  return messageOf(error);
}

/** DB36/T 2016 §7.1.5: nobody waits for this counter (call-next answered 204). */
export const NOBODY_WAITING = '当前无人等候，稍后再呼叫下一位';
