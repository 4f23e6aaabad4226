/**
 * The QR code of a ticket: the address of its live status page (我的排号), drawn as SVG
 * in the browser by the `qrcode` package, so the kiosk prints it without a round trip.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function TicketQr({ url, label, onReady }: { url: string; label: string; onReady?: () => void }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    setSvg(null);
    setFailed(false);
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      .then((text) => {
        if (current) setSvg(text);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [url]);
  useEffect(() => {
    // The ticket prints once its QR code is drawn (or could not be).
    if (svg !== null || failed) onReady?.();
  }, [svg, failed, onReady]);
  if (failed) return <p className="slip-qr-missing">二维码生成失败，请在手机上打开“我的排号”查询</p>;
  if (svg === null) return <div className="slip-qr-box" aria-hidden="true" />;
  // The SVG comes from the qrcode package, not from user input.
  return <div className="slip-qr-box" role="img" aria-label={label} data-testid="ticket-qr" dangerouslySetInnerHTML={{ __html: svg }} />;
}
