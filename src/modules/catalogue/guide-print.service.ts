/**
 * Printed guides (PDF) and QR codes of published items and bundles, from the same
 * source as the public JSON guide (§7.3.2.1 one source of truth). Each answer carries
 * an ETag computed before rendering, so that an unchanged guide costs no rendering.
 */
import { createHash } from 'node:crypto';
import type { TimeLimit } from '../../domain/catalogue/guide.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { qrPngDataUrl, qrSvg } from '../../platform/pdf/qr.ts';
import { requireCentre } from '../organisation/references.ts';
import { bundleGuideDoc } from './bundle-guide-pdf.ts';
import { getPublicBundle } from './bundle.service.ts';
import { itemGuideDoc } from './guide-pdf.ts';
import { getPublicItem } from './item-public.service.ts';
import { publishedWithGuides } from './item.repository.ts';
import { todayOf } from './item.service.ts';

/** Bump when the printed layout changes, so that caches drop the old PDFs. */
const LAYOUT = 'guide-pdf-1';

export interface Printed {
  readonly etag: string;
  /** The download name (Chinese) and an ASCII fallback. */
  readonly fileName: string;
  readonly asciiName: string;
  render(): Promise<Buffer>;
}

function hash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

/** A name safe as a file name on every system. */
function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 80) || '办事指南';
}

export const itemPortalUrl = (base: string, id: string): string => `${base}/portal/items/${id}`;
export const bundlePortalUrl = (base: string, id: string): string => `${base}/portal/bundles/${id}`;

/** DB36/T 2016 §7.3.3.3 / §7.3.3.4: the printed guide of a published item (ITEM_NOT_PUBLISHED otherwise). */
export async function printItemGuide(deps: AppDeps, id: string, base: string): Promise<Printed> {
  const { view, etag } = await getPublicItem(deps, id);
  const centre = await requireCentre(deps.db, view.centreId);
  const url = itemPortalUrl(base, id);
  const name = (view.guide as { name?: string | null }).name ?? '';
  return {
    // The JSON guide's ETag covers the version and its content; the centre's name, the URL and the font print too.
    etag: `"pdf-v${view.version}-${hash(LAYOUT, etag, centre.name, url, deps.config.pdfFont ?? '')}"`,
    fileName: `${fileSafe(name)}办事指南（第${view.version}版）.pdf`,
    asciiName: `guide-v${view.version}.pdf`,
    render: async () => renderPdf(itemGuideDoc({ centreName: centre.name, item: view, qr: { url, image: await qrPngDataUrl(url) } }), { font: deps.config.pdfFont }),
  };
}

/** DB36/T 2016 §8.2.4: the printed guide of an active bundle (BUNDLE_NOT_FOUND otherwise). */
export async function printBundleGuide(deps: AppDeps, id: string, base: string): Promise<Printed> {
  const bundle = await getPublicBundle(deps, id);
  const centre = await requireCentre(deps.db, bundle.centreId);
  const publishedIds = bundle.items.filter((i) => i.publishedNumber !== null).map((i) => i.id);
  const guides = await publishedWithGuides(deps.db, bundle.centreId, todayOf(deps), publishedIds);
  const promisedLimits = new Map<string, TimeLimit | null>(guides.map((g) => [g.item.id, g.guide.promisedTimeLimit]));
  const url = bundlePortalUrl(base, id);
  return {
    etag: `"pdf-${hash(LAYOUT, JSON.stringify(bundle), JSON.stringify([...promisedLimits]), centre.name, url, deps.config.pdfFont ?? '')}"`,
    fileName: `${fileSafe(bundle.name)}办事指南.pdf`,
    asciiName: 'bundle-guide.pdf',
    render: async () => renderPdf(bundleGuideDoc({ centreName: centre.name, bundle, promisedLimits, qr: { url, image: await qrPngDataUrl(url) } }), { font: deps.config.pdfFont }),
  };
}

/** The QR code (SVG) of a published item's online guide, for counter signs and the kiosk. */
export async function itemQrSvg(deps: AppDeps, id: string, base: string): Promise<{ svg: string; etag: string }> {
  await getPublicItem(deps, id);
  const svg = await qrSvg(itemPortalUrl(base, id));
  return { svg, etag: `"qr-${hash(svg)}"` };
}
