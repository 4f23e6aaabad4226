/**
 * The printable notices of a case for the applicant (受理通知书, 一次性告知书, 容缺受理通知书,
 * 不予受理通知书, 送达回证; DB36/T 2016 §8.1.2.3, §8.2.7, §8.1.2.5): each opens as a PDF in a
 * new tab, or goes straight to the printer.
 */
import { Button, Space } from 'antd';
import { forwardRef } from 'react';

/** Prints a PDF of this origin without leaving the page: a hidden frame loads it and prints; else a new tab. */
export function printPdf(url: string): void {
  const frame = document.createElement('iframe');
  frame.title = '打印通知书';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
    // The print dialog holds the frame's document; drop the frame well after it closes.
    window.setTimeout(() => frame.remove(), 120_000);
  };
  frame.src = url;
  document.body.appendChild(frame);
}

export interface Notice {
  readonly url: string;
  /** e.g. 受理通知书 */
  readonly label: string;
}

/** 「打开受理通知书」「打印」 for each notice; the first one's open button can take the focus. */
export const NoticeButtons = forwardRef<HTMLAnchorElement, { notices: readonly Notice[]; primary?: boolean }>(function NoticeButtons({ notices, primary }, firstRef) {
  return (
    <Space wrap className="cw-notices">
      {notices.map((n, i) => (
        <Space.Compact key={n.url}>
          <Button
            ref={i === 0 ? firstRef : undefined}
            type={primary && i === 0 ? 'primary' : 'default'}
            href={n.url}
            target="_blank"
            rel="noopener"
            data-testid="notice-link"
          >
            打开{n.label}（PDF）
          </Button>
          <Button onClick={() => printPdf(n.url)} aria-label={`打印${n.label}`}>
            打印
          </Button>
        </Space.Compact>
      ))}
    </Space>
  );
});
