/**
 * The notices of case handling as PDF (issue 5; DB36/T 2016 §8.1.2.2, §8.1.2.3,
 * §8.1.2.5, §8.2.7, §7.5.2.3), through the platform's one renderer (pdfmake, Noto
 * Sans SC). Every notice carries the QR code of the public page where the applicant
 * follows the case.
 */
import { shanghaiInstant, tryParseDate } from '../../../domain/calendar/dates.ts';
import { qrPngDataUrl } from '../../../platform/pdf/qr.ts';
import { renderPdf } from '../../../platform/pdf/render.ts';
import type { Content, DocDefinition } from '../../../platform/pdf/types.ts';
import { acceptanceBody, correctionBody, refusalBody, toleranceBody } from './acceptance-notices.ts';
import { consultationAnswerBody } from './consultation-answer.ts';
import { deliveryReceiptBody } from './delivery-receipt.ts';
import { checkNotice } from './notice-check.ts';
import { NOTICE_KINDS, type NoticeData, type NoticeKind } from './notice-data.ts';
import { noticeDocument, type NoticeQr } from './notice-frame.ts';

export interface NoticeRenderOptions {
  /** The public base URL (GOVHALL_PUBLIC_URL or the request's origin), no trailing slash needed. */
  readonly publicUrl: string;
  /** GOVHALL_PDF_FONT (config.pdfFont); the bundled font when absent. */
  readonly font?: string | undefined;
}

const BODIES: Record<NoticeKind, (data: NoticeData) => Content[]> = {
  acceptance: acceptanceBody,
  correction: correctionBody,
  tolerance: toleranceBody,
  refusal: refusalBody,
  delivery_receipt: deliveryReceiptBody,
  consultation_answer: consultationAnswerBody,
};

/** The public progress page of a case. */
export function casePortalUrl(publicUrl: string, caseNumber: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/cases/${encodeURIComponent(caseNumber)}`;
}

/**
 * Where a notice's QR code leads: the progress page of the case. A consultation has
 * no case to follow yet; when its item is known, the code opens the item's online
 * guide (§8.1.2.2 a: more than one channel), otherwise the page of its record number.
 */
export function noticeQrTarget(kind: NoticeKind, data: NoticeData, publicUrl: string): { url: string; caption: string } {
  const itemId = data.item.id?.trim();
  if (kind === 'consultation_answer' && itemId) {
    return { url: `${publicUrl.replace(/\/+$/, '')}/portal/items/${encodeURIComponent(itemId)}`, caption: '扫码查看网上办事指南' };
  }
  return { url: casePortalUrl(publicUrl, data.caseNumber), caption: '扫码查询办理进度' };
}

/** The document definition of a notice (data checked: throws NoticeDataError naming every faulty field). */
export function noticeDefinition(kind: NoticeKind, data: NoticeData, qr: NoticeQr): DocDefinition {
  checkNotice(kind, data);
  // A fixed creation date (the date issued) makes the same notice render the same bytes.
  const creationDate = shanghaiInstant(tryParseDate(data.issuedOn), 0);
  return noticeDocument(kind, data, BODIES[kind](data), qr, creationDate);
}

/** The PDF of notice `kind` for `data`. */
export async function renderNotice(kind: NoticeKind, data: NoticeData, options: NoticeRenderOptions): Promise<Buffer> {
  if (typeof options.publicUrl !== 'string' || !/^https?:\/\//.test(options.publicUrl)) throw new Error(`renderNotice: publicUrl must be an absolute http(s) URL, got ${JSON.stringify(options.publicUrl)}`);
  checkNotice(kind, data);
  const target = noticeQrTarget(kind, data, options.publicUrl);
  const qr: NoticeQr = { ...target, image: await qrPngDataUrl(target.url) };
  return renderPdf(noticeDefinition(kind, data, qr), { font: options.font });
}

/** A download name: the Chinese title and the case number, and an ASCII fallback. */
export function noticeFileName(kind: NoticeKind, caseNumber: string): { fileName: string; asciiName: string } {
  const safe = caseNumber.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60);
  return { fileName: `${NOTICE_KINDS[kind].title}-${safe}.pdf`, asciiName: `${kind}-${safe.replace(/[^\x20-\x7e]/g, '_')}.pdf` };
}
