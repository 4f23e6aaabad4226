/**
 * The workbench of one counter (窗口工作台, DB36/T 2016 §7.1.5 取号、等候、办理秩序,
 * §7.1.6.2 综合窗口“抢单”, §5.1.5.1 暂停服务与去向): the current ticket in large type,
 * every action on a button and a key, the waiting list of the counter's pool and
 * today's figures, live through the centre's event stream.
 */
import { Alert, Avatar, Button, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../shared/api.ts';
import type { CounterView, ItemList, Me } from '../shared/types.ts';
import { textOrNull } from '../shared/values.ts';
import type { TicketOutcome } from '../../src/domain/queue/ticket-states.ts';
import { ACTIONS, actionForKey, availability, isActive, type ActionId, type Held } from './actions.ts';
import { CaseDetailDrawer } from './cases/CaseDetailDrawer.tsx';
import { CaseListDrawer } from './cases/CaseListDrawer.tsx';
import { CasePanel } from './cases/CasePanel.tsx';
import { DECISIONS, type CounterDecision } from './cases/checklist-model.ts';
import { ConsultationDialog } from './cases/ConsultationDialog.tsx';
import type { CaseDetail, ConsultationView } from './cases/types.ts';
import type { Station } from './CounterApp.tsx';
import {
  asDialogError,
  AwayDialog,
  PauseDialog,
  ConfirmCloseDialog,
  FinishDialog,
  ParkDialog,
  TransferDialog,
  type AwayValues,
  type PauseValues,
  type FinishValues,
  type NoteValues,
  type TransferValues,
} from './dialogs.tsx';
import { timeOfDay } from './format.ts';
import { NOBODY_WAITING, workstationMessage } from './messages.ts';
import { ActionButton, CounterTitle, CurrentTicket, HelpDialog, ParkedList, StreamBadge, TodayPanel, WaitingList } from './parts.tsx';
import type { QueueView, TicketActionPath, TicketView } from './types.ts';
import { useWorkbench } from './use-workbench.ts';

type Dialog = 'finish' | 'transfer' | 'park' | 'noShow' | 'cancel' | 'away' | 'pause' | 'help' | 'case' | 'caseList' | 'consult';

/** The ticket's outcome a counter decision suggests when the ticket is finished (F4). */
const OUTCOME_OF_DECISION: Readonly<Record<CounterDecision, TicketOutcome>> = {
  accept_normal: 'accepted',
  accept_tolerance: 'accepted',
  accept_commitment: 'accepted',
  correction: 'incomplete',
  refuse: 'refused',
};

interface Feedback {
  readonly kind: 'success' | 'info' | 'error';
  readonly text: string;
  /** Where the focus goes next, when not where the action says. */
  readonly next?: ActionId;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((target as HTMLInputElement).type));
}

export function WorkbenchPage({ me, station, onLeave, logout }: { me: Me; station: Station; onLeave: () => void; logout: () => Promise<void> }) {
  const { counterId, centreId } = station;
  const { bench, error, stream, reload } = useWorkbench(centreId, counterId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [now, setNow] = useState(() => new Date());
  const buttons = useRef<Partial<Record<ActionId, HTMLButtonElement | null>>>({});
  const focusTarget = useRef<ActionId | null>('callNext');
  const dialogRef = useRef<Dialog | null>(null);
  dialogRef.current = dialog;
  const [queues, setQueues] = useState<readonly QueueView[]>([]);
  const [counters, setCounters] = useState<readonly CounterView[]>([]);
  /** Case handling (issue 5): a case 材料核验中 taken on again, the case shown, the outcome suggested for F4. */
  const [existingCase, setExistingCase] = useState<CaseDetail | null>(null);
  const [detailCaseId, setDetailCaseId] = useState<string | null>(null);
  const detailRef = useRef<string | null>(null);
  detailRef.current = detailCaseId;
  const [casesChanged, setCasesChanged] = useState(0);
  const [suggestedOutcome, setSuggestedOutcome] = useState<TicketOutcome | null>(null);

  useEffect(() => {
    const tick = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(tick);
  }, []);

  const current = bench?.current ?? null;
  const parked = useMemo(() => bench?.parked ?? [], [bench]);
  const held: Held = useMemo(() => ({ current: current && current.status !== 'parked' ? current : null, parked: (current?.status === 'parked' ? current : null) ?? parked[0] ?? null }), [current, parked]);

  /** Moves the focus to the next step's button once it is on screen and enabled. */
  const applyFocus = useCallback(() => {
    const id = focusTarget.current;
    const button = id ? buttons.current[id] : null;
    if (button && !button.disabled && !dialogRef.current && !detailRef.current) {
      button.focus();
      focusTarget.current = null;
    }
  }, []);
  useEffect(applyFocus, [bench, busy, applyFocus]);

  /**
   * Runs one action at a time: a key held down or pressed twice never acts twice. The
   * result is shown once the workbench is reloaded, so what the clerk reads and the
   * buttons they can press agree.
   */
  const run = useCallback(
    async (work: () => Promise<Feedback | null>, next: ActionId | null) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      let result: Feedback | null;
      try {
        result = await work();
        focusTarget.current = result?.next ?? next;
      } catch (e) {
        result = { kind: 'error', text: workstationMessage(e) };
      }
      await reload();
      if (result) setFeedback(result);
      busyRef.current = false;
      setBusy(false);
    },
    [reload],
  );

  const ticketAction = useCallback(
    (ticket: TicketView, path: TicketActionPath, body: object = {}) => api.post<TicketView>(`/api/v1/tickets/${ticket.id}/${path}`, body),
    [],
  );

  const callNext = useCallback(
    () =>
      run(async () => {
        const ticket = await api.post<TicketView | undefined>(`/api/v1/counters/${counterId}/call-next`);
        // 204: nobody waits for this counter; the focus stays on "call next", ready to try again.
        if (!ticket) return { kind: 'info', text: NOBODY_WAITING, next: 'callNext' };
        return { kind: 'success', text: `已呼叫 ${ticket.number} 号（${ticket.queueName}）` };
      }, 'start'),
    [run, counterId],
  );

  const setStatus = useCallback(
    (body: { status: 'serving' | 'paused' | 'away'; awayReason?: string; expectedReturnAt?: string }) =>
      // The status route of the organisation module (§5.1.5.1).
      api.put<CounterView>(`/api/v1/counters/${counterId}/status`, body),
    [counterId],
  );

  const resumeService = useCallback(
    () =>
      run(async () => {
        await setStatus({ status: 'serving' });
        return { kind: 'success', text: '已恢复服务，可以叫号' };
      }, 'callNext'),
    [run, setStatus],
  );

  const openDialog = useCallback(
    (d: Dialog) => {
      setFeedback(null);
      setDialog(d);
      if (d === 'transfer' || d === 'case') {
        // What a ticket may be transferred to: the centre's live queues and the other counters.
        api
          .get<ItemList<QueueView>>(`/api/v1/centres/${centreId}/queues`)
          .then((r) => setQueues(r.items.filter((q) => !q.retiredAt)))
          .catch((e: unknown) => setFeedback({ kind: 'error', text: `无法加载队列：${workstationMessage(e)}` }));
        api
          .get<ItemList<CounterView>>(`/api/v1/centres/${centreId}/counters`)
          .then((r) => setCounters(r.items.filter((c) => !c.retiredAt && c.id !== counterId)))
          .catch((e: unknown) => setFeedback({ kind: 'error', text: `无法加载窗口：${workstationMessage(e)}` }));
      }
    },
    [centreId, counterId],
  );

  const trigger = useCallback(
    (id: ActionId) => {
      if (!bench || busyRef.current) return;
      if (id === 'help') return setDialog((d) => (d === 'help' ? null : 'help'));
      const status = bench.counter.status;
      // F9 toggles: a paused or away counter resumes service.
      if (id === 'pause' && (status === 'paused' || status === 'away')) return void resumeService();
      // The counter's sign reads "暂停服务" and the reason, if given (§5.1.5.1); Enter in the dialog pauses at once.
      if (id === 'pause' && availability(id, bench, held).enabled) return setDialog('pause');
      const can = availability(id, bench, held);
      if (!can.enabled) {
        setFeedback({ kind: 'error', text: can.reason ?? `现在不能${ACTIONS[id].label}` });
        return;
      }
      const { current: active, parked: latestParked } = held;
      switch (id) {
        case 'callNext':
          return void callNext();
        case 'recall':
          return void run(async () => {
            const t = await ticketAction(active!, 'recall');
            return { kind: 'success', text: `已重呼 ${t.number} 号（第 ${t.recallCount} 次重呼）` };
          }, 'start');
        case 'start':
          return void run(async () => {
            const t = await ticketAction(active!, 'start');
            return { kind: 'success', text: `${t.number} 号开始办理` };
          }, 'finish');
        case 'resume':
          return void run(async () => {
            const t = await ticketAction(latestParked!, 'resume');
            return { kind: 'success', text: `${t.number} 号恢复办理` };
          }, 'finish');
        case 'requeue':
          return void run(async () => {
            const t = await ticketAction(latestParked!, 'requeue');
            return { kind: 'success', text: `${t.number} 号已重新排队` };
          }, 'callNext');
        case 'finish':
        case 'transfer':
        case 'park':
        case 'noShow':
        case 'cancel':
        case 'away':
          return openDialog(id);
        case 'openCase':
          setExistingCase(null);
          return openDialog('case');
        case 'cases':
          return openDialog('caseList');
        case 'consult':
          return openDialog('consult');
        case 'pause':
          return;
      }
    },
    [bench, held, run, callNext, ticketAction, resumeService, openDialog, setStatus],
  );

  // The keyboard: F1–F9 always (a browser's F5 must not reload the workbench), letters outside text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const fKey = /^F[1-9]$/.test(e.key);
      if (fKey) e.preventDefault();
      if (dialog || detailRef.current) {
        if (dialog === 'help' && e.key === '?') setDialog(null);
        return;
      }
      if (e.repeat || (!fKey && isTyping(e.target))) return;
      const id = actionForKey(e.key, held);
      if (!id) return;
      e.preventDefault();
      trigger(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, held, trigger]);

  /** A dialog's submit: the change, then the feedback and where the focus goes; a refusal stays in the dialog. */
  const submitDialog = useCallback(
    async (work: () => Promise<Feedback>, next: ActionId) => {
      if (busyRef.current) throw new ApiError(0, 'BUSY', '上一项操作尚未完成，请稍候再试');
      busyRef.current = true;
      setBusy(true);
      try {
        const result = await work();
        focusTarget.current = result.next ?? next;
        await reload();
        setFeedback(result);
      } catch (e) {
        await reload();
        throw asDialogError(e);
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [reload],
  );

  const closeDialog = useCallback(() => setDialog(null), []);

  const clerkName = bench?.counter.clerk?.name ?? me.user.displayName;
  const queueItemIds = useMemo(() => (current ? (queues.find((q) => q.id === current.queueId)?.itemIds ?? []) : []), [current, queues]);

  /** A decision at the counter: said on the workbench; the ticket's outcome follows it when finished (F4). */
  const caseDecided = useCallback(
    (detail: CaseDetail, decision: CounterDecision) => {
      setCasesChanged((n) => n + 1);
      setSuggestedOutcome(OUTCOME_OF_DECISION[decision]);
      focusTarget.current = held.current?.status === 'serving' ? 'finish' : 'callNext';
      setFeedback({ kind: decision === 'refuse' ? 'info' : 'success', text: `办件 ${detail.caseNumber}：${DECISIONS[decision].label}（${detail.title}）` });
    },
    [held],
  );

  const consultationRecorded = useCallback(
    (c: ConsultationView) => {
      setSuggestedOutcome(c.referred ? 'referred' : 'consulted');
      focusTarget.current = held.current?.status === 'serving' ? 'finish' : 'callNext';
      setFeedback({ kind: 'success', text: `已登记咨询（${c.applicantName}）${c.referred ? `，已指引至${c.referredTo ?? ''}` : ''}` });
    },
    [held],
  );

  /** A case 材料核验中 is taken on again in the acceptance panel. */
  const continueCase = useCallback((detail: CaseDetail) => {
    setDetailCaseId(null);
    setExistingCase(detail);
    setDialog('case');
  }, []);

  const signOut = useCallback(
    async (thenLogout: boolean) => {
      if (isActive(held.current)) {
        setFeedback({ kind: 'error', text: `请先处理当前号 ${held.current.number}（办结、过号、转移或挂起）再签退。` });
        return;
      }
      try {
        await api.post(`/api/v1/counters/${counterId}/sign-out`);
      } catch (e) {
        if (!thenLogout) {
          setFeedback({ kind: 'error', text: `签退失败：${workstationMessage(e)}` });
          return;
        }
      }
      onLeave();
      if (thenLogout) await logout();
    },
    [held, counterId, onLeave, logout],
  );

  if (!bench) {
    return (
      <div className="cw-loading">
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`无法打开窗口工作台：${error}`}
            action={
              <>
                <Button onClick={() => void reload()}>重试</Button>
                <Button onClick={onLeave} style={{ marginLeft: 8 }}>
                  重新选择窗口
                </Button>
              </>
            }
          />
        ) : (
          <Spin size="large" tip="正在打开窗口工作台…">
            <div style={{ width: 160, height: 80 }} />
          </Spin>
        )}
      </div>
    );
  }

  const { counter } = bench;
  const paused = counter.status === 'paused' || counter.status === 'away';
  const can = (id: ActionId) => availability(id, bench, held);
  const button = (id: ActionId, opts: { label?: string; primary?: boolean; danger?: boolean } = {}) => {
    const parkOrResume = id === 'park' && !isActive(held.current) && held.parked ? 'resume' : id;
    const def = ACTIONS[parkOrResume];
    const pauseLabel = id === 'pause' && paused ? '恢复服务' : undefined;
    return (
      <ActionButton
        key={id}
        ref={(el) => {
          buttons.current[parkOrResume] = el;
        }}
        def={def}
        label={pauseLabel ?? opts.label}
        availability={id === 'pause' && paused ? { enabled: true, reason: null } : can(parkOrResume)}
        busy={busy}
        primary={opts.primary ?? false}
        danger={opts.danger ?? false}
        onClick={() => trigger(parkOrResume)}
      />
    );
  };

  return (
    <div className="cw">
      <header className="cw-header">
        <CounterTitle counter={counter} />
        <div className="cw-clerk" data-testid="clerk" title={counter.clerk ? [counter.clerk.name, counter.clerk.title, `工号 ${counter.clerk.workNumber}`].filter(Boolean).join(' · ') : undefined}>
          {counter.signedIn && counter.clerk ? (
            <>
              <Avatar size={32} src={counter.clerk.photoUrl ?? undefined} alt={`${counter.clerk.name}的照片`}>
                {counter.clerk.name.slice(0, 1)}
              </Avatar>
              <strong>{counter.clerk.name}</strong>
              {counter.clerk.title ? <span className="cw-clerk-extra">{counter.clerk.title}</span> : null}
              <span className="cw-clerk-extra">工号 {counter.clerk.workNumber}</span>
            </>
          ) : (
            <span>{me.user.displayName}（未签到）</span>
          )}
        </div>
        <StreamBadge state={stream} />
        <div className="cw-header-actions">
          <Button onClick={() => trigger('help')} aria-keyshortcuts="?">
            快捷键 <kbd className="cw-kbd">?</kbd>
          </Button>
          <Button onClick={() => void signOut(false)}>签退</Button>
          <Button onClick={() => void signOut(true)}>签退并退出</Button>
        </div>
      </header>

      {!counter.signedIn ? (
        <Alert
          banner
          type="info"
          data-testid="counter-banner"
          title={
            <>
              <strong>您尚未签到本窗口</strong>
              <span className="cw-banner-note">{counter.clerk ? `当前由 ${counter.clerk.name} 签到，签到后由您接替` : '签到后窗口屏显示您的照片、姓名、职务和工号（§6.4.2），窗口转为服务中'}</span>
            </>
          }
          action={
            <Button
              type="primary"
              onClick={() =>
                void run(async () => {
                  await api.post(`/api/v1/counters/${counterId}/sign-in`);
                  return { kind: 'success', text: `已签到 ${counter.number} 号窗口` };
                }, 'callNext')
              }
            >
              签到
            </Button>
          }
        />
      ) : counter.status === 'paused' ? (
        <Alert
          banner
          type="warning"
          data-testid="counter-banner"
          title={
            <>
              <strong>暂停服务{counter.awayReason && counter.awayReason !== '暂停服务' ? `：${counter.awayReason}` : ''}</strong>
              <span className="cw-banner-note">暂停期间不能叫号，窗口屏显示“暂停服务”（§5.1.5.1）</span>
            </>
          }
          action={
            <Button type="primary" onClick={() => void resumeService()}>
              恢复服务 <kbd className="cw-kbd">F9</kbd>
            </Button>
          }
        />
      ) : counter.status === 'away' ? (
        <Alert
          banner
          type="warning"
          data-testid="counter-banner"
          title={
            <>
              <strong>
                暂时离开：{counter.awayReason ?? '未填写去向'}
                {counter.expectedReturnAt ? `，预计 ${timeOfDay(counter.expectedReturnAt)} 返回` : ''}
              </strong>
              <span className="cw-banner-note">离开期间不能叫号，窗口屏显示去向和预计返回时间（§5.1.5.1）</span>
            </>
          }
          action={
            <Button type="primary" onClick={() => void resumeService()}>
              回到窗口 <kbd className="cw-kbd">F9</kbd>
            </Button>
          }
        />
      ) : null}
      {error ? <Alert banner type="error" role="alert" title={`刷新失败：${error}`} /> : null}

      <main className="cw-main">
        <section className="cw-current" aria-labelledby="cw-current-title">
          <h2 id="cw-current-title" className="visually-hidden">
            当前号
          </h2>
          <CurrentTicket ticket={current} now={now} waitingCount={bench.waiting.length} />
          <div className="cw-feedback" aria-live="polite">
            {feedback ? (
              <Alert
                type={feedback.kind}
                showIcon
                role={feedback.kind === 'error' ? 'alert' : 'status'}
                title={feedback.text}
                data-testid="feedback"
                closable={{ onClose: () => setFeedback(null) }}
              />
            ) : null}
          </div>
          <div className="cw-actions cw-actions-cases" role="group" aria-label="办件">
            {button('openCase', { primary: current?.status === 'serving' })}
            {button('cases')}
            {button('consult')}
          </div>
          <div className="cw-actions" role="group" aria-label="叫号操作">
            {button('callNext', { primary: true })}
            {button('recall')}
            {button('start', { primary: current?.status === 'called' })}
            {button('finish', { primary: current?.status === 'serving' })}
            {button('noShow')}
            {button('transfer')}
            {button('park')}
            {button('cancel', { danger: true })}
            {button('pause')}
            {button('away')}
          </div>
          <p className="cw-hint">每项操作都有快捷键（按钮上的按键），按 ? 查看说明。</p>
        </section>

        <aside className="cw-side" aria-label="等候与统计">
          <TodayPanel today={bench.today} />
          <ParkedList
            parked={parked}
            busy={busy}
            blocked={isActive(held.current)}
            onResume={(t) =>
              void run(async () => {
                const r = await ticketAction(t, 'resume');
                return { kind: 'success', text: `${r.number} 号恢复办理` };
              }, 'finish')
            }
            onRequeue={(t) =>
              void run(async () => {
                const r = await ticketAction(t, 'requeue');
                return { kind: 'success', text: `${r.number} 号已重新排队` };
              }, 'callNext')
            }
          />
          <WaitingList rows={bench.waiting} pooled={counter.kind === 'comprehensive'} />
        </aside>
      </main>

      <FinishDialog
        open={dialog === 'finish'}
        ticket={held.current}
        outcome={suggestedOutcome}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: FinishValues) =>
          submitDialog(async () => {
            const t = await ticketAction(held.current!, 'finish', { outcome: v.outcome, note: textOrNull(v.note) });
            setSuggestedOutcome(null);
            return { kind: 'success', text: `${t.number} 号已办结` };
          }, 'callNext')
        }
      />
      <TransferDialog
        open={dialog === 'transfer'}
        ticket={held.current}
        queues={queues}
        counters={counters}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: TransferValues) =>
          submitDialog(async () => {
            const target = v.target === 'counter' ? { counterId: v.counterId } : { queueId: v.queueId };
            const t = await ticketAction(held.current!, 'transfer', { ...target, keepPriority: v.keepPriority, note: textOrNull(v.note) });
            const where = v.target === 'counter' ? `${counters.find((c) => c.id === v.counterId)?.number ?? ''} 号窗口` : (queues.find((q) => q.id === v.queueId)?.name ?? '目标队列');
            return { kind: 'success', text: `${t.number} 号已转至${where}` };
          }, 'callNext')
        }
      />
      <ParkDialog
        open={dialog === 'park'}
        ticket={held.current}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: NoteValues) =>
          submitDialog(async () => {
            const t = await ticketAction(held.current!, 'park', { note: textOrNull(v.note) });
            return { kind: 'success', text: `${t.number} 号已挂起，可继续呼叫下一位` };
          }, 'callNext')
        }
      />
      <ConfirmCloseDialog
        kind="noShow"
        open={dialog === 'noShow'}
        ticket={held.current}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={() =>
          submitDialog(async () => {
            const t = await ticketAction(held.current!, 'no-show');
            return { kind: 'success', text: `${t.number} 号已过号` };
          }, 'callNext')
        }
      />
      <ConfirmCloseDialog
        kind="cancel"
        open={dialog === 'cancel'}
        ticket={held.current}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: NoteValues) =>
          submitDialog(async () => {
            const t = await ticketAction(held.current!, 'cancel', { reason: textOrNull(v.note) });
            return { kind: 'success', text: `${t.number} 号已取消` };
          }, 'callNext')
        }
      />
      <PauseDialog
        open={dialog === 'pause'}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: PauseValues) =>
          submitDialog(async () => {
            const reason = v.reason?.trim();
            await setStatus({ status: 'paused', ...(reason ? { awayReason: reason } : {}) });
            return { kind: 'info', text: '窗口已暂停服务，暂停期间不能叫号；按 F9 恢复服务' };
          }, 'pause')
        }
      />
      <AwayDialog
        open={dialog === 'away'}
        onClose={closeDialog}
        afterClose={applyFocus}
        onSubmit={(v: AwayValues) =>
          submitDialog(async () => {
            const back = new Date(Date.now() + v.minutes * 60_000);
            await setStatus({ status: 'away', awayReason: v.whereabouts.trim(), expectedReturnAt: back.toISOString() });
            return { kind: 'info', text: `已登记暂时离开，预计 ${timeOfDay(back.toISOString())} 返回；回来后按 F9 恢复服务` };
          }, 'pause')
        }
      />
      <HelpDialog open={dialog === 'help'} onClose={closeDialog} />
      <CasePanel
        open={dialog === 'case'}
        centreId={centreId}
        ticket={isActive(held.current) ? held.current : null}
        queueItemIds={queueItemIds}
        existing={existingCase}
        onClose={closeDialog}
        afterClose={applyFocus}
        onDecided={caseDecided}
        onShowCase={(id) => {
          setDialog(null);
          setDetailCaseId(id);
        }}
      />
      <CaseListDrawer
        open={dialog === 'caseList'}
        centreId={centreId}
        clerkWorkNumber={counter.signedIn ? (counter.clerk?.workNumber ?? null) : null}
        reloadKey={casesChanged}
        onClose={closeDialog}
        afterClose={applyFocus}
        onOpenCase={setDetailCaseId}
      />
      <CaseDetailDrawer
        caseId={detailCaseId}
        clerkName={clerkName}
        onClose={() => {
          setDetailCaseId(null);
          if (!dialogRef.current) window.setTimeout(applyFocus, 0);
        }}
        onContinue={continueCase}
        onChanged={() => setCasesChanged((n) => n + 1)}
      />
      <ConsultationDialog
        open={dialog === 'consult'}
        centreId={centreId}
        ticket={held.current}
        onClose={closeDialog}
        afterClose={applyFocus}
        onRecorded={consultationRecorded}
      />
    </div>
  );
}
