/** Chinese wording of a case's progress for the public page (times in Asia/Shanghai, the centre's zone). */
import { STAGE_STATE_LABELS } from '../../src/domain/cases/timeline.ts';
import { durationText as duration } from '../shared/duration.ts';
import { shanghaiTime } from '../shared/public-queue.ts';
import type { PublicCaseView } from './types.ts';

export function timeText(iso: string | null | undefined): string {
  return iso ? shanghaiTime(iso) : '—';
}

/** A stage's duration; nothing when there is none. */
export const durationText = (seconds: number | null | undefined): string => duration(seconds, '');

/** A due date: a day-unit limit ends at 24:00 (stored as 23:59:59.999), shown as the day itself. */
export function dueText(iso: string | null | undefined): string {
  if (!iso) return '受理后确定';
  const text = shanghaiTime(iso);
  return text.endsWith(' 23:59') ? `${text.slice(0, 10)} 24:00 前` : text;
}



/** A stage's state in words; the archiving stage, once reached, is 待归档 until the file is archived. */
export function stageStateText(stage: string, state: string): string {
  if (stage === 'archiving' && state === 'current') return '待归档';
  return (STAGE_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** The status of a case that never reached acceptance or was withdrawn: no due date, no decision. */
export const ENDED_BEFORE_DECISION: Readonly<Record<string, string>> = { refused: '不予受理', withdrawn: '申请人已撤回' };

export const DELIVERY_TEXT: Readonly<Record<string, string>> = { pickup: '窗口领取', post: '邮寄送达' };

/** A case number as typed or scanned: spaces dropped, letters in capitals. */
export function cleanCaseNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The answer to a wrong check, a lock (429, with the minutes to wait) or anything else. */
export function refusalText(status: number, code: string, message: string, retryAfterSeconds: unknown): string {
  if (status === 429) {
    const minutes = typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds / 60) : null;
    return minutes ? `查询失败次数过多，为保护个人信息已暂停查询，请 ${minutes} 分钟后再试。` : message;
  }
  if (code === 'CASE_CHECK_FAILED' || status === 404) return '办件编号或手机号后四位不正确，请核对受理通知书上的办件编号和申请时登记的手机号码。';
  return message;
}

/** The answer in one sentence, for the live region. */
export function summaryOf(c: Pick<PublicCaseView, 'status' | 'title' | 'stageLabel' | 'statusLabel' | 'promisedDueAt'>): string {
  const due = ENDED_BEFORE_DECISION[c.status] ? '' : `，承诺办结时间：${dueText(c.promisedDueAt)}`;
  return `查询成功：${c.title}，当前环节：${c.stageLabel}，办件状态：${c.statusLabel}${due}。`;
}
