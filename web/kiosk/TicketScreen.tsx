/**
 * The ticket (号票), laid out for an 80 mm thermal printer (kiosk.css, `@page`): the
 * number, queue, people ahead, estimate, time and a QR code to its live status page
 * (我的排号). It prints by itself once drawn (window.print(); a kiosk browser started
 * with --kiosk-printing prints without a dialog) and the screen returns to the start
 * after a while. DB36/T 2016 §5.2.2 排队取号机.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { shanghaiTime, statusUrl, waitText, type IssuedTicket } from '../shared/public-queue.ts';
import type { Choice } from './ChooseScreens.tsx';
import { TicketQr } from './TicketQr.tsx';

/** Seconds the ticket stays on screen before the kiosk returns to its start. */
export const TICKET_SECONDS = 30;

export function TicketSlip({ ticket, centreName, itemName, onQrReady }: { ticket: IssuedTicket; centreName: string; itemName: string | null; onQrReady?: () => void }) {
  const priority = ticket.priorityClass === 'normal' ? null : ticket.priorityLabel;
  return (
    <section className="ticket-slip" aria-labelledby="slip-number" data-testid="ticket-slip">
      <p className="slip-centre">{centreName}</p>
      <p className="slip-caption">您的号码</p>
      <p id="slip-number" className="slip-number">
        <span className="visually-hidden">号码 </span>
        {ticket.number}
      </p>
      <dl className="slip-facts">
        <div>
          <dt>业务</dt>
          <dd>
            {ticket.queueName}
            {itemName && ` · ${itemName}`}
          </dd>
        </div>
        <div>
          <dt>前面等候</dt>
          <dd>{ticket.peopleAhead} 人</dd>
        </div>
        <div>
          <dt>预计等候</dt>
          <dd>{waitText(ticket)}</dd>
        </div>
        <div>
          <dt>取号时间</dt>
          <dd>{shanghaiTime(ticket.issuedAt)}</dd>
        </div>
        {priority && (
          <div>
            <dt>优先</dt>
            <dd>{priority}（请出示证件）</dd>
          </div>
        )}
        {ticket.phoneMasked && (
          <div>
            <dt>提醒手机</dt>
            <dd>{ticket.phoneMasked}</dd>
          </div>
        )}
      </dl>
      <figure className="slip-qr">
        <TicketQr url={statusUrl(ticket)} label={`二维码：扫码查看 ${ticket.number} 号的排队进度`} onReady={onQrReady} />
        <figcaption>扫码查看排队进度</figcaption>
      </figure>
      <p className="slip-note">请在等候区留意叫号屏幕和语音，过号请到咨询导办台。</p>
    </section>
  );
}

export function TicketScreen({ ticket, choice, centreName, onDone }: { ticket: IssuedTicket; choice: Choice; centreName: string; onDone: () => void }) {
  const [left, setLeft] = useState(TICKET_SECONDS);
  const printed = useRef(false);
  const print = useCallback(() => {
    if (printed.current) return;
    printed.current = true;
    // Let the QR code paint before the print snapshot.
    window.requestAnimationFrame(() => window.print());
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setLeft((s) => s - 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) onDone();
  }, [left, onDone]);

  return (
    <div className="k-ticket-view">
      <div className="k-ticket-text">
        <h1 tabIndex={-1}>取号成功，请取走号票</h1>
        <p className="k-lead">
          您的号码是 <strong className="k-number">{ticket.number}</strong>，前面还有 {ticket.peopleAhead} 人。
        </p>
        <p className="k-tip">请在等候区留意叫号屏幕和语音提示；扫描号票上的二维码，可在手机上查看排队进度。</p>
        <div className="k-after">
          <p className="k-countdown">{left > 0 ? `${left} 秒后回到首页` : '正在回到首页…'}</p>
          <button type="button" className="k-primary" onClick={onDone}>
            完成，回到首页
          </button>
        </div>
      </div>
      <TicketSlip ticket={ticket} centreName={centreName} itemName={choice.item?.name ?? null} onQrReady={print} />
    </div>
  );
}
