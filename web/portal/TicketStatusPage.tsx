/**
 * 我的排号: a ticket's live state for its holder, the page its QR code opens (issue 4
 * mobile ticket; DB36/T 2016 §5.2.2 显示屏 — the call, on the citizen's own phone).
 * The public has no event stream: the page polls `GET /api/v1/public/tickets/{id}`
 * every few seconds while the ticket is open and the page is visible. An aria-live
 * region says "即将轮到您" when the near place is reached and the call when it comes.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, messageOf } from '../shared/api.ts';
import { callText, publicTicketPath, shanghaiTime, type PublicTicket, type TicketStatus } from '../shared/public-queue.ts';
import { linkClick } from '../shared/router.ts';
import { paths } from './routes.ts';

/** Poll interval while the ticket waits or is being served. */
export const POLL_MS = 5_000;

const OPEN: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];

function announcementOf(t: PublicTicket): { polite: string; urgent: string } {
  if (t.status === 'called') return { polite: '', urgent: `${callText(t)}。` };
  if (t.status === 'waiting' && t.near) return { polite: `即将轮到您，请回到大厅留意叫号。${t.number} 号前面还有 ${t.peopleAhead} 人。`, urgent: '' };
  return { polite: '', urgent: '' };
}

function StatusDetail({ t }: { t: PublicTicket }) {
  switch (t.status) {
    case 'waiting':
      return (
        <dl className="facts ticket-facts">
          <dt>前面等候</dt>
          <dd>
            <strong className="ticket-ahead">{t.peopleAhead}</strong> 人
          </dd>
          <dt>预计等候</dt>
          <dd>{t.estimateText || (t.estimatedWaitMinutes === null ? '暂无法估算' : `约 ${t.estimatedWaitMinutes} 分钟`)}</dd>
        </dl>
      );
    case 'called':
      return <p className="ticket-call">{callText(t)}</p>;
    case 'serving':
      return (
        <p className="ticket-call ticket-call-quiet">
          正在 {t.counterNumber ? `${t.counterNumber} 号窗口` : '窗口'}
          {t.counterName ? `（${t.counterName}）` : ''}办理
        </p>
      );
    case 'parked':
      return <p>您的业务已暂时挂起，请按窗口工作人员的提示补充材料后再办理。</p>;
    case 'finished':
      return <p>业务已办结，感谢您的耐心等候。欢迎对本次服务进行评价。</p>;
    case 'no_show':
      return <p>叫号时您未到窗口，该号已过号。如需办理，请重新取号或到咨询导办台咨询。</p>;
    case 'cancelled':
      return <p>该号已取消。</p>;
    case 'transferred':
      return <p>您的业务已转到其他窗口或队列办理，请留意大厅叫号或咨询工作人员。</p>;
    case 'expired':
      return <p>该号已过期（当天未办理），如需办理请重新取号。</p>;
  }
}

export function TicketStatusPage({ ticketId, onCentre }: { ticketId: string; onCentre: (centreId: string) => void }) {
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [live, setLive] = useState({ polite: '', urgent: '' });
  const lastAnnounced = useRef('');

  useEffect(() => {
    let current = true;
    let timer: number | undefined;
    let closed = false;
    const load = () => {
      window.clearTimeout(timer);
      api
        .get<PublicTicket>(publicTicketPath(ticketId))
        .then((t) => {
          if (!current) return;
          setTicket(t);
          setError(null);
          setUpdatedAt(new Date());
          closed = !OPEN.includes(t.status);
          // Say each news once: the near place, then the call (again on a recall: calledAt changes).
          const a = announcementOf(t);
          const key = `${t.status}|${t.near}|${t.calledAt ?? ''}|${t.counterNumber ?? ''}`;
          if ((a.polite || a.urgent) && key !== lastAnnounced.current) setLive(a);
          lastAnnounced.current = key;
        })
        .catch((e: unknown) => {
          if (!current) return;
          if (e instanceof ApiError && e.status === 404) setMissing(true);
          else setError(messageOf(e));
        })
        .finally(() => {
          if (current && !closed && !document.hidden) timer = window.setTimeout(load, POLL_MS);
        });
    };
    // A phone in a pocket stops polling; back on screen, the page asks at once.
    const onVisible = () => {
      if (!document.hidden && !closed) load();
    };
    load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      current = false;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ticketId]);

  useEffect(() => {
    document.title = ticket ? `${ticket.number} 号 · 我的排号` : '我的排号';
  }, [ticket]);
  const centreId = ticket?.centreId;
  useEffect(() => {
    if (centreId) onCentre(centreId);
  }, [centreId, onCentre]);

  return (
    <>
      <h1>我的排号</h1>
      {/* Live regions exist from the start, so assistive technology hears what is put in them. */}
      <div className="live-near" role="status" aria-live="polite" aria-atomic="true" data-testid="ticket-live">
        {live.polite && <p className="notice notice-near">{live.polite}</p>}
      </div>
      <div className="live-call" role="alert" aria-atomic="true" data-testid="ticket-call">
        {live.urgent && <p className="notice notice-call">{live.urgent}</p>}
      </div>
      {missing && (
        <div className="error" role="alert">
          未找到该排号，请核对二维码或链接是否完整。
        </div>
      )}
      {!ticket && !missing && !error && <p className="loading">正在查询…</p>}
      {error && (
        <p className="error" role="alert">
          {error}（正在重试）
        </p>
      )}
      {ticket && (
        <section aria-labelledby="ticket-number" className="panel wide ticket-card">
          <p className="ticket-queue">{ticket.queueName}</p>
          <h2 id="ticket-number" className="ticket-number">
            <span className="visually-hidden">号码 </span>
            {ticket.number}
          </h2>
          <p className={`ticket-status status-${ticket.status}`}>{ticket.statusLabel}</p>
          <StatusDetail t={ticket} />
          <p className="muted">
            取号时间：{shanghaiTime(ticket.issuedAt)}
            {updatedAt && ` · 更新于 ${updatedAt.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' })}`}
            {OPEN.includes(ticket.status) && ' · 每 5 秒自动刷新'}
          </p>
        </section>
      )}
      {ticket && (
        <p>
          <a href={paths.takeTicket(ticket.centreId)} onClick={linkClick(paths.takeTicket(ticket.centreId))}>
            返回手机取号
          </a>
        </p>
      )}
    </>
  );
}
