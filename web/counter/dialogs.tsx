/**
 * The workstation's dialogs: finish with its outcome, transfer, park, cancel and
 * no-show (the two destructive ones confirm), and away with whereabouts (§5.1.5.1). Each is a
 * form: Enter submits, Esc closes, a refusal of the server is shown in the dialog.
 */
import { Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { TICKET_OUTCOMES, TICKET_OUTCOME_LABELS, type TicketOutcome } from '../../src/domain/queue/ticket-states.ts';
import { ApiError } from '../shared/api.ts';
import { ModalForm } from '../shared/ModalForm.tsx';
import type { CounterView } from '../shared/types.ts';
import { workstationMessage } from './messages.ts';
import type { QueueView, TicketView } from './types.ts';

/** The server's refusal, worded for the workstation, kept in the dialog. */
export function asDialogError(e: unknown): unknown {
  if (e instanceof ApiError) return new ApiError(e.status, e.code, workstationMessage(e), e.fields, e.details ? { ...e.details } : undefined);
  return e;
}

interface DialogProps<V> {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onSubmit: (values: V) => Promise<void>;
  readonly afterClose: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text'));
}

/**
 * Enter submits the dialog wherever the focus is (a radio group, the dialog itself),
 * as it already does from a text field; not from a button, a list or a note.
 */
function EnterSubmits() {
  const form = Form.useFormInstance();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON' || t.closest('.ant-select'))) return;
      if (t instanceof HTMLInputElement && !['radio', 'checkbox'].includes(t.type)) return;
      e.preventDefault();
      form.submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);
  return null;
}

/**
 * Where the focus starts in a dialog: the field to fill, or the confirm button, never
 * the close button (the dialog's focus trap would pick that first focusable element).
 */
function InitialFocus({ selector }: { selector: string }) {
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const target = anchor.current?.closest('.ant-modal')?.querySelector<HTMLElement>(selector);
      target?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [selector]);
  return <span ref={anchor} hidden />;
}

const OK_BUTTON = '.ant-modal-footer .ant-btn-primary';

/** 1–6 choose an outcome while the dialog is open (not while typing the note). */
function OutcomeKeys() {
  const form = Form.useFormInstance<FinishValues>();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      const outcome = TICKET_OUTCOMES[index];
      if (outcome) {
        e.preventDefault();
        form.setFieldValue('outcome', outcome);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);
  return null;
}

export interface FinishValues {
  outcome: TicketOutcome;
  note?: string;
}

/** `outcome`: the result the counter suggests (e.g. 已受理 after a case was accepted for this ticket). */
export function FinishDialog({ ticket, outcome, ...props }: DialogProps<FinishValues> & { ticket: TicketView | null; outcome?: TicketOutcome | null }) {
  return (
    <ModalForm<FinishValues> title={`办结 ${ticket?.number ?? ''} 号`} okText="确认办结" initialValues={{ outcome: outcome ?? 'done' }} width={520} {...props}>
      <EnterSubmits />
      <OutcomeKeys />
      <InitialFocus selector=".cw-outcomes input:checked" />
      <Form.Item label="办理结果（按数字键 1–6 选择）" name="outcome" rules={[{ required: true, message: '请选择办理结果' }]}>
        <Radio.Group
          className="cw-outcomes"
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={TICKET_OUTCOMES.map((o, i) => ({ value: o, label: `${i + 1}. ${TICKET_OUTCOME_LABELS[o]}` }))}
        />
      </Form.Item>
      <Form.Item label="备注（选填）" name="note" rules={[{ max: 200, message: '备注不超过 200 字' }]}>
        <Input maxLength={200} placeholder="如：已一次性告知需补正的材料" />
      </Form.Item>
    </ModalForm>
  );
}

export interface TransferValues {
  target: 'queue' | 'counter';
  queueId?: string;
  counterId?: string;
  keepPriority: boolean;
  note?: string;
}

export function TransferDialog({
  ticket,
  queues,
  counters,
  ...props
}: DialogProps<TransferValues> & { ticket: TicketView | null; queues: readonly QueueView[]; counters: readonly CounterView[] }) {
  return (
    <ModalForm<TransferValues> title={`转移 ${ticket?.number ?? ''} 号`} okText="确认转移" initialValues={{ target: 'queue', keepPriority: true }} width={560} {...props}>
      <EnterSubmits />
      <InitialFocus selector=".ant-select input" />
      <Form.Item label="转到" name="target">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'queue', label: '其他队列' },
            { value: 'counter', label: '指定窗口' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['target']}>
        {({ getFieldValue }) =>
          getFieldValue('target') === 'counter' ? (
            <Form.Item label="目标窗口" name="counterId" rules={[{ required: true, message: '请选择目标窗口' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="输入窗口编号或名称"
                options={counters.map((c) => ({ value: c.id, label: `${c.number} 号 ${c.name}` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item label="目标队列" name="queueId" rules={[{ required: true, message: '请选择目标队列' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="输入队列名称或字头"
                notFoundContent="没有可转入的队列"
                options={queues.filter((q) => q.id !== ticket?.queueId).map((q) => ({ value: q.id, label: `${q.prefix} ${q.name}${q.areaName ? `（${q.areaName}）` : ''}` }))}
              />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="keepPriority" valuePropName="checked">
        <Checkbox>保留原优先级和取号时间（不重新排到末尾）</Checkbox>
      </Form.Item>
      <Form.Item label="转移说明（选填）" name="note" rules={[{ max: 200, message: '说明不超过 200 字' }]}>
        <Input maxLength={200} placeholder="如：需办理不动产登记，已初审材料" />
      </Form.Item>
    </ModalForm>
  );
}

export interface NoteValues {
  note?: string;
}

export function ParkDialog({ ticket, ...props }: DialogProps<NoteValues> & { ticket: TicketView | null }) {
  return (
    <ModalForm<NoteValues> title={`挂起 ${ticket?.number ?? ''} 号`} okText="挂起" width={480} {...props}>
      <EnterSubmits />
      <InitialFocus selector="input" />
      <Typography.Paragraph type="secondary">挂起后可继续呼叫下一位；办事人回来后按 F7 恢复办理，或按 Q 重新排队。</Typography.Paragraph>
      <Form.Item label="挂起原因（选填）" name="note" rules={[{ max: 200, message: '原因不超过 200 字' }]}>
        <Input maxLength={200} placeholder="如：办事人去复印材料" />
      </Form.Item>
    </ModalForm>
  );
}

export function ConfirmCloseDialog({
  ticket,
  kind,
  ...props
}: DialogProps<NoteValues> & { ticket: TicketView | null; kind: 'noShow' | 'cancel' }) {
  const noShow = kind === 'noShow';
  return (
    <ModalForm<NoteValues> title={noShow ? `确认 ${ticket?.number ?? ''} 号过号？` : `确认取消 ${ticket?.number ?? ''} 号？`} okText={noShow ? '确认过号' : '确认取消'} width={460} {...props}>
      <EnterSubmits />
      <InitialFocus selector={noShow ? OK_BUTTON : 'input'} />
      <Typography.Paragraph>
        {noShow
          ? `已呼叫 ${1 + (ticket?.recallCount ?? 0)} 次。过号后该号结束，办事人须重新取号。`
          : '取消后该号结束，不能恢复。'}
      </Typography.Paragraph>
      {noShow ? null : (
        <Form.Item label="取消原因（选填）" name="note" rules={[{ max: 200, message: '原因不超过 200 字' }]}>
          <Input maxLength={200} placeholder="如：办事人主动放弃" />
        </Form.Item>
      )}
    </ModalForm>
  );
}

export interface PauseValues {
  reason?: string;
}

/** 暂停服务 with an optional reason, shown on the counter screen (issue 4; §5.1.5.1). Enter pauses at once. */
export function PauseDialog(props: DialogProps<PauseValues>) {
  return (
    <ModalForm<PauseValues> title="暂停服务" okText="暂停服务" initialValues={{ reason: '' }} width={480} {...props}>
      <EnterSubmits />
      <InitialFocus selector="input[type='text']" />
      <Typography.Paragraph type="secondary">窗口屏将显示“暂停服务”和原因，暂停期间不能叫号。按 F9 恢复服务。</Typography.Paragraph>
      <Form.Item label="暂停原因（选填）" name="reason" rules={[{ max: 100, message: '不超过 100 字' }]}>
        <Input maxLength={100} placeholder="如：系统维护、业务培训" />
      </Form.Item>
    </ModalForm>
  );
}

export interface AwayValues {
  whereabouts: string;
  minutes: number;
}

const AWAY_MINUTES = [5, 10, 15, 30, 60];

export function AwayDialog(props: DialogProps<AwayValues>) {
  return (
    <ModalForm<AwayValues> title="暂时离开" okText="登记离开" initialValues={{ minutes: 15 }} width={480} {...props}>
      <EnterSubmits />
      <InitialFocus selector="input[type='text']" />
      <Typography.Paragraph type="secondary">窗口屏将显示您的去向和预计返回时间（§5.1.5.1），离开期间不能叫号。回来后按 F9 恢复服务。</Typography.Paragraph>
      <Form.Item label="去向" name="whereabouts" rules={[{ required: true, whitespace: true, message: '暂时离开须填写去向' }, { max: 100, message: '不超过 100 字' }]}>
        <Input maxLength={100} placeholder="如：到后台协助审核" />
      </Form.Item>
      <Form.Item label="预计离开" name="minutes" rules={[{ required: true, message: '请选择预计离开时长' }]}>
        <Radio.Group optionType="button" options={AWAY_MINUTES.map((m) => ({ value: m, label: `${m} 分钟` }))} />
      </Form.Item>
    </ModalForm>
  );
}
