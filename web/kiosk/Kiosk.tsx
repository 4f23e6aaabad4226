/**
 * The kiosk's screens and their order (DB36/T 2016 §5.2.2 排队取号机; §5.2.2.1 适老化;
 * §5.2.2.2 无障碍: every step works by touch, by keyboard and with a screen reader —
 * one h1 per screen, focus moved to it on each step, labelled controls).
 *
 *   start ─▶ by category ─────────────┐
 *         ─▶ by department ─▶ items ──┼─▶ details (phone, ID, priority) ─▶ ticket ─▶ start
 *         ─▶ search ─▶ items ─────────┘
 *   老年模式: start (big queue buttons) ─▶ two big buttons ─▶ ticket
 *
 * Idle screens return to the start, forgetting what was typed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, messageOf } from '../shared/api.ts';
import { loadKioskInfo, type IssuedTicket, type KioskDepartment, type KioskInfo, type KioskQueue } from '../shared/public-queue.ts';
import { CategoriesScreen, DepartmentScreen, DepartmentsScreen, ElderlyHomeScreen, HomeScreen, SearchScreen, type Choice } from './ChooseScreens.tsx';
import { DetailsScreen, ElderlyConfirmScreen, type IssueRequest } from './DetailsScreen.tsx';
import { useElderlyMode } from './elderly.ts';
import { TicketScreen } from './TicketScreen.tsx';

/** A screen left untouched this long returns to the start (and forgets any phone or ID typed). */
const IDLE_MS = 90_000;
/** How often the queues' waiting figures and issuing state are refreshed. */
const REFRESH_MS = 20_000;

type Step =
  | { readonly kind: 'home' }
  | { readonly kind: 'categories' }
  | { readonly kind: 'departments' }
  | { readonly kind: 'department'; readonly department: KioskDepartment }
  | { readonly kind: 'search' }
  | { readonly kind: 'details'; readonly choice: Choice }
  | { readonly kind: 'elderly-confirm'; readonly choice: Choice }
  | { readonly kind: 'ticket'; readonly choice: Choice; readonly ticket: IssuedTicket }
  | { readonly kind: 'refused'; readonly title: string; readonly message: string };

/** Refusals of issuing (docs/queue-api.md, src/domain/queue/issuing.ts): said as they are, with when to come back. */
const REFUSAL_TITLES: Record<string, string> = {
  CENTRE_CLOSED_NOW: '当前不在服务时间',
  CENTRE_APPOINTMENT_ONLY: '当前仅办理预约业务',
  QUEUE_ISSUING_CLOSED: '当前不在该业务的取号时间',
  QUEUE_QUOTA_SPENT: '今日号源已取完',
  TICKET_NUMBERS_EXHAUSTED: '今日号码已用完',
};

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const text = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return <p className="k-clock">{text}</p>;
}

function useKioskInfo(centreId: string) {
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    loadKioskInfo(centreId)
      .then((value) => {
        setInfo(value);
        setError(null);
      })
      // The last figures stay on screen; the message says they may be stale.
      .catch((e: unknown) => setError(messageOf(e)));
  }, [centreId]);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  return { info, error, refresh };
}

export interface KioskProps {
  readonly centreId: string;
  readonly deviceName: string;
  /** Issues a ticket as this kiosk (device session). */
  readonly issue: (request: IssueRequest) => Promise<IssuedTicket>;
}

export function Kiosk({ centreId, deviceName, issue }: KioskProps) {
  const [elderly, toggleElderly] = useElderlyMode();
  const { info, error, refresh } = useKioskInfo(centreId);
  const [stack, setStack] = useState<readonly Step[]>([{ kind: 'home' }]);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const mainRef = useRef<HTMLElement>(null);
  const step = stack[stack.length - 1] ?? { kind: 'home' };

  const go = useCallback((next: Step) => setStack((s) => [...s, next]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const home = useCallback(() => {
    setStack([{ kind: 'home' }]);
    setQuery('');
    refresh();
  }, [refresh]);

  // Each step starts at its heading, for keyboard and screen-reader users alike.
  const depth = stack.length;
  const stepKey = `${depth}:${step.kind}`;
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [stepKey, info === null]);

  // Idle screens go back to the start. The ticket screen has its own, shorter countdown.
  useEffect(() => {
    if (step.kind === 'home' || step.kind === 'ticket') return;
    let timer = window.setTimeout(home, IDLE_MS);
    const touch = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(home, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, touch, true);
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touch, true);
    };
  }, [step.kind, home]);

  const chooseQueue = (queue: KioskQueue) => {
    if (!queue.issuing) {
      go({ kind: 'refused', title: '该业务暂不能取号', message: queue.refusal ?? '该业务暂停取号，请选择其他业务或到咨询导办台咨询。' });
      return;
    }
    const choice: Choice = { queue, item: null };
    go(elderly ? { kind: 'elderly-confirm', choice } : { kind: 'details', choice });
  };
  const chooseItem = (choice: Choice) => {
    if (!choice.queue.issuing) {
      go({ kind: 'refused', title: '该事项暂不能取号', message: choice.queue.refusal ?? '该业务暂停取号，请选择其他业务或到咨询导办台咨询。' });
      return;
    }
    go(elderly ? { kind: 'elderly-confirm', choice } : { kind: 'details', choice });
  };

  const doIssue = (choice: Choice) => (request: IssueRequest) => {
    if (busy) return;
    setBusy(true);
    setAnnouncement('正在取号，请稍候');
    issue(request)
      .then((ticket) => {
        setAnnouncement(`取号成功，您的号码是 ${ticket.number}，前面还有 ${ticket.peopleAhead} 人`);
        // Back from the ticket means the start: never a second ticket by the back button.
        setStack([{ kind: 'home' }, { kind: 'ticket', choice, ticket }]);
        refresh();
      })
      .catch((e: unknown) => {
        const code = e instanceof ApiError ? e.code : '';
        const title = REFUSAL_TITLES[code] ?? '未能取号';
        const message = e instanceof ApiError && e.status !== 0 ? e.message : `${messageOf(e)}。如多次失败，请到咨询导办台取号。`;
        setAnnouncement(`${title}。${message}`);
        go({ kind: 'refused', title, message });
        refresh();
      })
      .finally(() => setBusy(false));
  };

  let screen;
  if (!info) {
    screen = (
      <>
        <h1 tabIndex={-1}>自助取号</h1>
        {error ? (
          <div className="k-notice" role="alert">
            <p className="k-notice-title">暂时无法连接服务器</p>
            <p>{error}</p>
            <p>请稍候再试，或到咨询导办台取号。</p>
          </div>
        ) : (
          <p role="status">正在加载…</p>
        )}
      </>
    );
  } else {
    switch (step.kind) {
      case 'home':
        screen = elderly ? (
          <ElderlyHomeScreen info={info} onQueue={chooseQueue} onMore={() => go({ kind: 'categories' })} />
        ) : (
          <HomeScreen info={info} onMethod={(kind) => go({ kind })} />
        );
        break;
      case 'categories':
        screen = <CategoriesScreen info={info} onQueue={chooseQueue} />;
        break;
      case 'departments':
        screen = <DepartmentsScreen info={info} onDepartment={(department) => go({ kind: 'department', department })} />;
        break;
      case 'department':
        screen = <DepartmentScreen info={info} department={step.department} onItem={chooseItem} />;
        break;
      case 'search':
        screen = <SearchScreen info={info} query={query} onQuery={setQuery} onItem={chooseItem} />;
        break;
      case 'details':
        screen = <DetailsScreen choice={step.choice} busy={busy} onIssue={doIssue(step.choice)} />;
        break;
      case 'elderly-confirm': {
        const choice = step.choice;
        screen = <ElderlyConfirmScreen choice={choice} busy={busy} onIssue={doIssue(choice)} onMore={() => go({ kind: 'details', choice })} />;
        break;
      }
      case 'ticket':
        screen = <TicketScreen key={step.ticket.id} ticket={step.ticket} choice={step.choice} centreName={info.centre.name} onDone={home} />;
        break;
      case 'refused':
        screen = (
          <>
            <h1 tabIndex={-1}>{step.title}</h1>
            <div className="k-notice" role="alert">
              <p>{step.message}</p>
            </div>
            <p className="k-tip">如需帮助，请到咨询导办台。</p>
          </>
        );
        break;
    }
  }

  return (
    <div className="kiosk">
      <header className="k-header">
        <div className="k-brand">
          <p className="k-centre">{info?.centre.name ?? '政务服务中心'}</p>
          <p className="k-subtitle">自助取号</p>
        </div>
        <Clock />
        <button type="button" className="k-elderly-toggle" aria-pressed={elderly} onClick={toggleElderly}>
          {elderly ? '退出老年模式' : '老年模式（大字）'}
        </button>
      </header>
      {error && info && (
        <p className="k-stale" role="status">
          网络连接不稳定，等候人数可能不是最新。
        </p>
      )}
      <main className="k-main" ref={mainRef}>
        {screen}
      </main>
      <footer className="k-footer">
        {step.kind !== 'home' && step.kind !== 'ticket' && (
          <nav aria-label="取号步骤" className="k-nav">
            <button type="button" className="k-secondary" onClick={back}>
              返回上一步
            </button>
            <button type="button" className="k-secondary" onClick={home}>
              回到首页
            </button>
          </nav>
        )}
        <p className="k-help">如需帮助，请到咨询导办台 · 支持键盘操作：Tab 键移动，Enter 键确认</p>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <p className="k-device" aria-hidden="true">
          {deviceName}
        </p>
      </footer>
    </div>
  );
}
