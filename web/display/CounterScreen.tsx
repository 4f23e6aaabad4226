/**
 * 窗口显示屏 (DB36/T 2016 §6.4.2: 业务类别、窗口序号、叫号信息) with the clerk's seat card
 * (§6.4.5 席位牌: 姓名、职务、照片、工号) and the counter's state (§5.1.5.1, §6.4.6 去向牌:
 * "暂停服务" with whereabouts and the expected return). Live from `counter.status` and
 * `ticket.called` of the centre's stream; runs unattended like the hall display.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../shared/api.ts';
import { formatReturn, useNow } from './clock.ts';
import { Clock, LinkBadge, useFlash } from './parts.tsx';
import { cardAfter, counterLabel, screenPath } from './state.ts';
import { useLive, type DisplayEventName } from './live.ts';
import type { DisplaySettings } from './settings.ts';
import type { CalledEvent, CounterCard, StaffCard } from './types.ts';

function Clerk({ clerk }: { readonly clerk: StaffCard | null }) {
  const [broken, setBroken] = useState(false);
  useEffect(() => setBroken(false), [clerk?.photoUrl]);
  if (!clerk) return <div className="clerk-none">暂无工作人员在岗</div>;
  return (
    <>
      {clerk.photoUrl && !broken ? (
        <img className="clerk-photo" src={clerk.photoUrl} alt={`${clerk.name}的照片`} onError={() => setBroken(true)} data-testid="clerk-photo" />
      ) : (
        <div className="clerk-photo clerk-photo-empty" aria-hidden="true">
          {clerk.name.slice(0, 1)}
        </div>
      )}
      <div className="clerk-name" data-testid="clerk-name">
        {clerk.name}
      </div>
      {clerk.title && <div className="clerk-line nowrap">{clerk.title}</div>}
      <div className="clerk-line nowrap" data-testid="clerk-work-number">
        工号：<span className="num">{clerk.workNumber}</span>
      </div>
    </>
  );
}

function Serving({ card, flashing }: { readonly card: CounterCard; readonly flashing: boolean }) {
  const now = useNow(30_000);
  switch (card.status) {
    case 'paused':
    case 'away': {
      const back = formatReturn(card.expectedReturnAt, now);
      return (
        <div className="serving" data-testid="counter-status" role="status">
          <div className="paused-title">暂停服务</div>
          {card.awayReason && (
            <div className="paused-line nowrap">
              {card.status === 'away' ? '去向' : '原因'}：{card.awayReason}
            </div>
          )}
          {back && <div className="paused-line">预计 {back} {card.status === 'away' ? '返回' : '恢复'}</div>}
          <div className="serving-label">请到其他窗口或稍候办理</div>
        </div>
      );
    }
    case 'closed':
      return (
        <div className="serving" data-testid="counter-status" role="status">
          <div className="paused-title">暂停服务</div>
          <div className="paused-line">本窗口暂未开放</div>
        </div>
      );
    case 'serving':
      return (
        <div className={`serving${flashing ? ' flash' : ''}`} data-testid="counter-status" role="status" aria-live="polite">
          {card.currentNumber ? (
            <>
              <div className="serving-label">正在办理</div>
              <div className="serving-number num" data-testid="current-number">
                {card.currentNumber}
              </div>
              <div className="serving-hint">请{card.currentNumber}号到本窗口办理</div>
            </>
          ) : (
            <>
              <div className="serving-label">本窗口</div>
              <div className="serving-idle">等待叫号</div>
              <div className="serving-label">请取号后留意叫号</div>
            </>
          )}
        </div>
      );
  }
}

export function CounterScreen({ settings, counterId, onRevoked }: { readonly settings: DisplaySettings; readonly counterId: string; readonly onRevoked: () => void }) {
  const { centreId } = settings;
  const [card, setCard] = useState<CounterCard | null>(null);
  const [missing, setMissing] = useState(false);
  const [flashKey, setFlashKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setCard(await api.get<CounterCard>(screenPath(counterId)));
      setMissing(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setMissing(true);
        return;
      }
      throw e;
    }
  }, [counterId]);

  const onEvent = useCallback(
    (name: DisplayEventName, data: unknown) => {
      if (name === 'ticket.called' && (data as CalledEvent | null)?.counterId === counterId) setFlashKey((k) => k + 1);
      setCard((c) => (c ? cardAfter(c, name, data) : c));
    },
    [counterId],
  );

  const link = useLive({ centreId, onEvent, onConnected: load });
  useEffect(() => {
    if (link === 'revoked') onRevoked();
  }, [link, onRevoked]);
  const flashing = useFlash(flashKey);

  return (
    <div className="screen counter" data-testid="counter-screen">
      {!card ? (
        <div className="centre-message">
          {missing ? '未找到此窗口，请联系管理员重新设置显示屏' : link === 'live' ? '正在载入…' : '正在连接服务器…'}
        </div>
      ) : (
        <>
          <header className="counter-head">
            <div className="counter-number" data-testid="counter-number">
              {counterLabel(card.number)}
            </div>
            <div className="counter-name" data-testid="counter-name">
              {card.name}
            </div>
          </header>
          <main className="counter-main">
            <section className="clerk" aria-label="工作人员">
              <Clerk clerk={card.clerk} />
            </section>
            <Serving card={card} flashing={flashing} />
          </main>
        </>
      )}
      <footer className="bar bar-bottom">
        <div className="centre-name nowrap">{settings.centreName}</div>
        <Clock />
      </footer>
      <LinkBadge state={link} />
    </div>
  );
}
