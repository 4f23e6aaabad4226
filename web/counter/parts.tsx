/** The panels of the workbench: current ticket, waiting list, parked tickets, today's figures, help. */
import { Button, Empty, Modal, Statistic, Tag, Typography } from 'antd';
import { forwardRef, type ReactNode } from 'react';
import { COUNTER_KIND_LABELS, COUNTER_STATUS_LABELS } from '../../src/domain/organisation/types.ts';
import { PRIORITY_CLASS_LABELS, type PriorityClass } from '../../src/domain/queue/priority.ts';
import { TICKET_SOURCE_LABELS, TICKET_STATUS_LABELS } from '../../src/domain/queue/ticket-states.ts';
import { ACTIONS, type ActionDef, type Availability } from './actions.ts';
import { minutesBetween, minutesText, timeOfDay } from './format.ts';
import { STATUS_COLOURS } from './status.ts';
import type { StreamState } from './use-centre-events.ts';
import type { TicketView, TodayFigures, WaitingRow, WorkbenchCounter } from './types.ts';

const PRIORITY_COLOURS: Readonly<Record<PriorityClass, string>> = {
  normal: 'default',
  appointment: 'blue',
  elderly: 'purple',
  disability: 'magenta',
  pregnancy: 'pink',
  military: 'volcano',
  green_channel: 'green',
};

export function PriorityTag({ value }: { value: PriorityClass }) {
  return <Tag color={PRIORITY_COLOURS[value]}>{PRIORITY_CLASS_LABELS[value] ?? value}</Tag>;
}

export function StreamBadge({ state }: { state: StreamState }) {
  const text = state === 'open' ? '实时连接正常' : state === 'connecting' ? '正在连接…' : '连接中断，正在重连…';
  return (
    <span className={`cw-stream cw-stream-${state}`} role="status" title="叫号、取号和队列变化通过实时连接推送">
      <span className="cw-stream-dot" aria-hidden />
      {text}
    </span>
  );
}

export function CounterTitle({ counter }: { counter: WorkbenchCounter }) {
  return (
    <div className="cw-counter-title">
      <h1>
        <span className="cw-counter-number">{counter.number} 号窗口</span>
        <span className="cw-counter-name">{counter.name}</span>
      </h1>
      <Tag>{COUNTER_KIND_LABELS[counter.kind]}</Tag>
      <Tag color={STATUS_COLOURS[counter.status]} data-testid="counter-status">
        {COUNTER_STATUS_LABELS[counter.status]}
      </Tag>
    </div>
  );
}

/** A button of the action panel, its shortcut on it. */
export const ActionButton = forwardRef<
  HTMLButtonElement,
  { def: ActionDef; label?: string; availability: Availability; busy: boolean; primary?: boolean; danger?: boolean; onClick: () => void }
>(function ActionButton({ def, label, availability, busy, primary, danger, onClick }, ref) {
  return (
    <Button
      ref={ref}
      size="large"
      type={primary ? 'primary' : 'default'}
      danger={danger ?? false}
      disabled={!availability.enabled || busy}
      title={availability.reason ?? def.description}
      aria-keyshortcuts={def.keys[0]}
      className="cw-action"
      onClick={onClick}
    >
      <span className="cw-action-label">{label ?? def.label}</span>
      <kbd className="cw-kbd">{def.keyLabel}</kbd>
    </Button>
  );
});

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cw-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CurrentTicket({ ticket, now, waitingCount }: { ticket: TicketView | null; now: Date; waitingCount: number }) {
  if (!ticket) {
    return (
      <div className="cw-ticket cw-ticket-empty">
        <div className="cw-ticket-number" data-testid="current-number" aria-label="当前没有号">
          —
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {waitingCount > 0 ? `本窗口可叫 ${waitingCount} 人等候，按 F1 呼叫下一位` : '当前无人等候'}
        </Typography.Text>
      </div>
    );
  }
  const waited = minutesBetween(ticket.issuedAt, ticket.calledAt ?? now);
  const serving = ticket.startedAt ? minutesBetween(ticket.startedAt, ticket.finishedAt ?? now) : null;
  return (
    <div className="cw-ticket">
      <div className="cw-ticket-number" data-testid="current-number" aria-label={`当前号 ${ticket.number}`}>
        {ticket.number}
      </div>
      <div className="cw-ticket-meta">
        <div className="cw-ticket-tags">
          <Tag color={ticket.status === 'serving' ? 'green' : ticket.status === 'called' ? 'blue' : 'orange'} data-testid="current-status">
            {TICKET_STATUS_LABELS[ticket.status]}
          </Tag>
          <span className="cw-ticket-queue">{ticket.queueName}</span>
          <PriorityTag value={ticket.priorityClass} />
        </div>
        <dl className="cw-fields">
          <Field label="取号">{`${timeOfDay(ticket.issuedAt)}（${TICKET_SOURCE_LABELS[ticket.source] ?? ticket.source}）`}</Field>
          <Field label="已等候">{minutesText(waited)}</Field>
          <Field label="叫号">{ticket.calledAt ? `${timeOfDay(ticket.calledAt)}${ticket.recallCount > 0 ? `，已重呼 ${ticket.recallCount} 次` : ''}` : '—'}</Field>
          <Field label="办理">{serving === null ? '未开始' : `${timeOfDay(ticket.startedAt)} 起，${minutesText(serving)}`}</Field>
          <Field label="手机">{ticket.phoneMasked ?? '未登记'}</Field>
          <Field label="身份证">{ticket.idNumberMasked ?? '未登记'}</Field>
          {ticket.note ? <Field label="备注">{ticket.note}</Field> : null}
        </dl>
      </div>
    </div>
  );
}

export function TodayPanel({ today }: { today: TodayFigures }) {
  return (
    <section className="cw-panel" aria-labelledby="cw-today">
      <h2 id="cw-today">本窗口今日</h2>
      <div className="cw-today">
        <Statistic title="已办结" value={today.served} />
        <Statistic title="过号" value={today.noShow} />
        <Statistic title="转出" value={today.transferred} />
        <Statistic
          title="平均办理"
          value={today.averageServiceMinutes ?? '—'}
          {...(today.averageServiceMinutes === null ? {} : { precision: 1, suffix: <span className="cw-unit">分钟</span> })}
        />
      </div>
    </section>
  );
}

export function ParkedList({
  parked,
  busy,
  blocked,
  onResume,
  onRequeue,
}: {
  parked: readonly TicketView[];
  busy: boolean;
  /** An active ticket: resuming waits until it is done. */
  blocked: boolean;
  onResume: (t: TicketView) => void;
  onRequeue: (t: TicketView) => void;
}) {
  if (parked.length === 0) return null;
  return (
    <section className="cw-panel" aria-labelledby="cw-parked">
      <h2 id="cw-parked">已挂起（{parked.length}）</h2>
      <ul className="cw-parked">
        {parked.map((t) => (
          <li key={t.id}>
            <span className="cw-parked-number">{t.number}</span>
            <span className="cw-parked-queue">{t.queueName}</span>
            {t.note ? <span className="cw-parked-note">{t.note}</span> : null}
            <span style={{ flex: 1 }} />
            <Button size="small" disabled={busy || blocked} onClick={() => onResume(t)} aria-label={`恢复办理 ${t.number}`}>
              恢复
            </Button>
            <Button size="small" disabled={busy} onClick={() => onRequeue(t)} aria-label={`${t.number} 重新排队`}>
              重新排队
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WaitingList({ rows, pooled }: { rows: readonly WaitingRow[]; pooled: boolean }) {
  return (
    <section className="cw-panel cw-panel-grow" aria-labelledby="cw-waiting">
      <h2 id="cw-waiting">
        等候队列 <span className="cw-count" data-testid="waiting-count">{rows.length} 人</span>
      </h2>
      <p className="cw-hint">{pooled ? '综合窗口共享叫号池（抢单，§7.1.6.2），按优先级排列。' : '本窗口可叫的号，按优先级排列。'}</p>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无人等候" />
      ) : (
        <div className="cw-table-wrap">
          <table className="cw-table" aria-labelledby="cw-waiting">
            <thead>
              <tr>
                <th scope="col">号码</th>
                <th scope="col">队列</th>
                <th scope="col">类别</th>
                <th scope="col" className="cw-num">已等候</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="cw-waiting-number">{r.number}</td>
                  <td>{r.queueName}</td>
                  <td>{r.priorityClass === 'normal' ? <span className="cw-muted">普通</span> : <PriorityTag value={r.priorityClass} />}</td>
                  <td className="cw-num">{minutesText(r.waitedMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const HELP_ORDER = ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer', 'park', 'resume', 'cancel', 'pause', 'away', 'requeue', 'openCase', 'cases', 'consult', 'help'] as const;

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="快捷键" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭（Esc）</Button>} width={640}>
      <table className="cw-table cw-help">
        <thead>
          <tr>
            <th scope="col">按键</th>
            <th scope="col">操作</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {HELP_ORDER.map((id) => (
            <tr key={id}>
              <td>
                <kbd className="cw-kbd">{ACTIONS[id].keyLabel}</kbd>
              </td>
              <td>{ACTIONS[id].label}</td>
              <td>{ACTIONS[id].description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        F7 在挂起和恢复办理之间切换，F9 在暂停服务和恢复服务之间切换。在输入框中时字母快捷键不生效；按住按键不会重复操作。办结时可按数字键 1–6 选择办理结果，回车确认。办件面板中回车跳到下一项，Ctrl+Enter 确认受理决定，Esc 关闭。
      </Typography.Paragraph>
    </Modal>
  );
}
