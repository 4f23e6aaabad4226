/**
 * 大厅叫号显示屏 (DB36/T 2016 §5.2.2 显示屏), 1920×1080: the latest calls, large, number →
 * counter; people waiting per queue; the centre's notice; date and time. Each call is
 * spoken in Mandarin as the server worded it (§5.2.2.1 适老化: a calling method that suits
 * the elderly — slower, repeated, and shown in large type at the same time), and again on
 * a recall. Runs unattended: see live.ts for how it recovers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../shared/api.ts';
import { Clock, LinkBadge, Notice, useFlash } from './parts.tsx';
import { bootstrapPath, counterLabel, estimateText, isCall, latestPerTicket, queuesAfterIssue, withCall } from './state.ts';
import { useLive, type DisplayEventName } from './live.ts';
import { Announcer, speechSupported } from './speech.ts';
import { rememberSpeechEnabled, speechEnabled, type DisplaySettings } from './settings.ts';
import type { HallBootstrap, QueueStat, TicketIssuedEvent } from './types.ts';

/** The recent-calls grid below the current call: 2 columns × 4 rows at 1920×1080. */
const RECENT_SHOWN = 8;
/**
 * Queue rows that fit at 1920×1080; with more queues the pages turn by themselves (no
 * scrolling on a display), one row fewer to leave room for the page number.
 */
const QUEUES_FIT = 6;
const QUEUE_PAGE_MS = 10_000;

export function HallScreen({ settings, onRevoked }: { readonly settings: DisplaySettings; readonly onRevoked: () => void }) {
  const { centreId } = settings;
  const [hall, setHall] = useState<HallBootstrap | null>(null);
  const [flashKey, setFlashKey] = useState(0);
  const [askSpeech, setAskSpeech] = useState(() => speechSupported() && !speechEnabled());
  const [page, setPage] = useState(0);
  const announcer = useRef<Announcer | null>(null);

  useEffect(() => {
    const a = new Announcer(() => {
      // The browser refused to speak without a click (autoplay policy): ask for one again.
      rememberSpeechEnabled(false);
      setAskSpeech(true);
    });
    announcer.current = a;
    return () => {
      a.dispose();
      announcer.current = null;
    };
  }, []);

  const load = useCallback(async () => {
    const data = await api.get<HallBootstrap>(bootstrapPath(centreId));
    setHall({ ...data, calls: latestPerTicket(data.calls) });
  }, [centreId]);

  const onEvent = useCallback((name: DisplayEventName, data: unknown, late: boolean) => {
    switch (name) {
      case 'ticket.called': {
        if (!isCall(data)) return;
        setHall((h) => (h ? { ...h, calls: withCall(h.calls, data) } : h));
        setFlashKey((k) => k + 1);
        // A call replayed after a long outage is shown but not spoken: that citizen is at the
        // counter already, and a burst of old calls would drown the new one (live.ts).
        if (!late) announcer.current?.announce(data);
        return;
      }
      case 'queue.stats': {
        const queues = (data as { queues?: QueueStat[] }).queues;
        if (Array.isArray(queues)) setHall((h) => (h ? { ...h, queues } : h));
        return;
      }
      case 'ticket.issued': {
        setHall((h) => (h ? { ...h, queues: queuesAfterIssue(h.queues, data as TicketIssuedEvent) } : h));
        return;
      }
      // The hall shows calls and queues; counters have their own screens.
      case 'counter.status':
      case 'ticket.finished':
        return;
    }
  }, []);

  const link = useLive({ centreId, onEvent, onConnected: load });
  useEffect(() => {
    if (link === 'revoked') onRevoked();
  }, [link, onRevoked]);

  const queues = hall?.queues ?? [];
  const perPage = queues.length <= QUEUES_FIT ? QUEUES_FIT : QUEUES_FIT - 1;
  const pages = Math.max(1, Math.ceil(queues.length / perPage));
  useEffect(() => {
    if (pages < 2) return;
    const timer = window.setInterval(() => setPage((p) => p + 1), QUEUE_PAGE_MS);
    return () => window.clearInterval(timer);
  }, [pages]);
  const shownQueues = useMemo(() => {
    const start = (page % pages) * perPage;
    return queues.slice(start, start + perPage);
  }, [queues, page, pages, perPage]);

  const flashing = useFlash(flashKey);
  const [current, ...recent] = hall?.calls ?? [];

  const enableSpeech = () => {
    announcer.current?.unlock();
    rememberSpeechEnabled(true);
    setAskSpeech(false);
  };

  const centreName = hall?.centre.name ?? settings.centreName;
  const notice = hall ? hall.notice.trim() || `欢迎来到${centreName}，取号后请在等候区留意叫号，听到呼叫请到对应窗口办理。` : '';

  return (
    <div className="screen hall" data-testid="hall-display">
      <header className="bar bar-top">
        <div className="centre-name nowrap">{centreName}</div>
        <Clock />
      </header>

      {!hall ? (
        <div className="centre-message">{link === 'live' ? '正在载入…' : '正在连接服务器…'}</div>
      ) : (
        <main className="hall-main">
          <section className="panel calls" aria-label="叫号信息">
            <h2 className="panel-title">正在呼叫</h2>
            {current ? (
              <div
                key={flashKey}
                className={`call-now${flashing ? ' flash' : ''}`}
                data-testid="call-now"
                role="status"
                aria-live="assertive"
              >
                <div className="call-now-line">
                  <span className="call-number num" data-testid="call-now-number">
                    {current.number}
                  </span>
                  <span className="call-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="call-counter" data-testid="call-now-counter">
                    {counterLabel(current.counterNumber)}
                  </span>
                </div>
                <div className="call-text nowrap" data-testid="call-now-text">
                  {current.text}
                </div>
              </div>
            ) : (
              <div className="call-empty">
                暂无叫号
                <small>取号后请在等候区留意叫号与语音提示</small>
              </div>
            )}
            {recent.length > 0 && (
              <>
                <h2 className="panel-title">最近呼叫</h2>
                <ol className="recent" data-testid="recent-calls">
                  {recent.slice(0, RECENT_SHOWN).map((c) => (
                    <li key={c.ticketId}>
                      <span className="call-number num">{c.number}</span>
                      <span className="call-counter">{counterLabel(c.counterNumber)}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>

          <section className="panel" aria-label="等候人数">
            <h2 className="panel-title">等候人数</h2>
            {queues.length === 0 ? (
              <div className="call-empty">
                <small>今日暂无排队业务</small>
              </div>
            ) : (
              <table className="queues-table" data-testid="queue-stats">
                <colgroup>
                  <col style={{ width: '72%' }} />
                  <col style={{ width: '28%' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">业务（预计等候）</th>
                    <th scope="col" className="col-waiting">
                      人数
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shownQueues.map((q) => (
                    <tr key={q.queueId} data-queue={q.prefix}>
                      <td title={q.name}>
                        <div className="queue-name">
                          <span className="queue-prefix num">{q.prefix}</span>
                          {q.name}
                        </div>
                        <div className="queue-estimate">{estimateText(q)}</div>
                      </td>
                      <td className="col-waiting num">{q.waiting}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {pages > 1 && (
              <div className="page-dots" aria-hidden="true">
                {(page % pages) + 1} / {pages}
              </div>
            )}
          </section>
        </main>
      )}

      {hall && <Notice text={notice} />}
      {flashing && <div key={flashKey} className="flash-frame" aria-hidden="true" />}
      <LinkBadge state={link} />
      {askSpeech && (
        <div className="overlay">
          <button type="button" className="overlay-button" onClick={enableSpeech} autoFocus>
            点击开启语音播报
            <small>浏览器需要点击一次才允许播放声音，本设备会记住此设置</small>
          </button>
        </div>
      )}
    </div>
  );
}
