/**
 * Messages to the applicant (issue 5 "Notifications"): at acceptance, correction (the
 * one-time notice, §8.1.2.3b), decision, ready for pickup, posted, and before a 容缺
 * completion deadline lapses (§8.2.7). Sent after the commit through an adapter: in
 * development it only writes a log line with the phone masked; a deployment plugs in its
 * SMS or 政务服务 app channel with {@link setCaseNotifier}. A failing channel is logged
 * and never fails the call that triggered it.
 */
import type { CaseNotice } from '../../domain/cases/case-states.ts';
import { ACCEPTANCE_MODE_LABELS, type AcceptanceMode } from '../../domain/cases/checklist.ts';
import type { Database } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { keysOf, revealApplicant } from './personal-data.ts';

export type CaseMessageKind = CaseNotice | 'tolerance_reminder';

export interface CaseMessage {
  readonly kind: CaseMessageKind;
  readonly caseId: string;
  readonly caseNumber: string;
  /** In full, for the channel; never logged. */
  readonly phone: string;
  readonly phoneMasked: string;
  readonly text: string;
}

export interface CaseNotifier {
  send(message: CaseMessage): Promise<void>;
}

export interface NotifyLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** The development adapter: one log line per message, the phone masked. */
export function logCaseNotifier(log: NotifyLog): CaseNotifier {
  return {
    send(m) {
      log.info({ caseId: m.caseId, caseNumber: m.caseNumber, kind: m.kind, phone: m.phoneMasked }, `case notice: ${m.text}`);
      return Promise.resolve();
    },
  };
}

const notifiers = new WeakMap<Database, { notifier: CaseNotifier; log: NotifyLog }>();

export function setCaseNotifier(deps: Pick<AppDeps, 'database'>, notifier: CaseNotifier, log: NotifyLog): void {
  notifiers.set(deps.database, { notifier, log });
}

/** What a message is made of: the case as it stands after the commit. */
export interface NoticeFacts {
  readonly kind: CaseMessageKind;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly applicantCipher: string;
  readonly phoneMasked: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly promisedDueAt: Date | null;
}

/** Built once: a DateTimeFormat costs far more to build than to use. */
const DATE_FORMAT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

const dateText = (v: unknown): string => {
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
  return d ? DATE_FORMAT.format(d) : '';
};

/** The Chinese text of a message. */
export function noticeText(f: NoticeFacts): string {
  const head = `您申请的“${f.title}”（办件编号 ${f.caseNumber}）`;
  switch (f.kind) {
    case 'accepted': {
      const mode = ACCEPTANCE_MODE_LABELS[(f.data.mode as AcceptanceMode | undefined) ?? 'normal'];
      const due = f.promisedDueAt ? `，承诺办结日期 ${dateText(f.promisedDueAt)}` : '';
      const tolerated = f.data.completionDeadline ? `；容缺材料须于 ${dateText(f.data.completionDeadline)} 前补齐` : '';
      return `${head}已${mode}${due}${tolerated}。`;
    }
    case 'correction': {
      const items = (f.data.items as { name: string; statusLabel: string; note: string | null }[] | undefined) ?? [];
      return `${head}需补正材料（一次性告知）：${items.map((i) => `${i.name}（${i.note ?? i.statusLabel}）`).join('；')}。`;
    }
    case 'decided':
      return `${head}已办结，结果为${f.data.caseDecision === 'reject' ? '不予' : f.data.caseDecision === 'partial' ? '部分准予' : '准予'}，请留意领取或寄递通知。`;
    case 'ready_for_pickup':
      return `${head}的办理结果已可领取，请携带身份证件到${String(f.data.place ?? '中心出件窗口')}领取。`;
    case 'posted':
      return `${head}的办理结果已通过${String(f.data.carrier ?? '')}寄出，运单号 ${String(f.data.trackingNumber ?? '')}。`;
    case 'tolerance_reminder':
      return `${head}的容缺材料（${((f.data.materials as string[] | undefined) ?? []).join('、')}）须于 ${dateText(f.data.deadline)} 前补齐，逾期将影响办理。`;
  }
}

/** Sends the messages after the commit. */
export async function sendCaseNotices(deps: AppDeps, notices: readonly NoticeFacts[]): Promise<void> {
  const target = notifiers.get(deps.database);
  if (!target || notices.length === 0) return;
  const keys = await keysOf(deps);
  for (const n of notices) {
    try {
      const applicant = revealApplicant(keys, n.applicantCipher);
      await target.notifier.send({ kind: n.kind, caseId: n.caseId, caseNumber: n.caseNumber, phone: applicant.phone, phoneMasked: n.phoneMasked, text: noticeText(n) });
    } catch (err) {
      target.log.error({ caseId: n.caseId, kind: n.kind, err }, 'case notice failed');
    }
  }
}
