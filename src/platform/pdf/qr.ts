/**
 * QR codes (ISO/IEC 18004) of URLs, from the `qrcode` package: SVG for screens and
 * signs, PNG data URL to embed in a PDF. Error correction M (15 %) with the standard
 * quiet zone of 4 modules, so a scuffed counter sign still scans.
 */
import type { QRCodeErrorCorrectionLevel } from 'qrcode';

export const QR_OPTIONS = { errorCorrectionLevel: 'M' as QRCodeErrorCorrectionLevel, margin: 4 };

async function qrcode() {
  return (await import('qrcode')).default;
}

export async function qrSvg(text: string): Promise<string> {
  return (await qrcode()).toString(text, { ...QR_OPTIONS, type: 'svg' });
}

/** A PNG of `widthPx` pixels square (480: ≈ 340 dpi printed at 1.4 inch). */
export async function qrPngDataUrl(text: string, widthPx = 480): Promise<string> {
  return (await qrcode()).toDataURL(text, { ...QR_OPTIONS, type: 'image/png', width: widthPx });
}
