/**
 * Reading a PDF back in tests (pdfjs): its text, pages, metadata and images, and the QR
 * code drawn as its first image, module by module, to compare with the code a URL must
 * have. Used by every test of a printed document (guides, case notices).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import QRCode from 'qrcode';
import { expect } from 'vitest';
import { QR_OPTIONS } from '../platform/pdf/qr.ts';

/** Whitespace removed: pdfjs splits lines and table cells at will. */
export const squeeze = (s: string): string => s.replace(/\s+/g, '');

export interface ReadPdf {
  /** All text of all pages, whitespace removed. */
  readonly text: string;
  readonly pageTexts: readonly string[];
  readonly pages: number;
  readonly info: Record<string, unknown>;
  readonly images: number;
  /** The dark modules of the first image (the QR code), read at module centres. */
  qrModules(size: number): boolean[];
}

export async function readPdf(body: Buffer | Uint8Array): Promise<ReadPdf> {
  expect(Buffer.from(body).subarray(0, 5).toString()).toBe('%PDF-');
  const doc = await getDocument({ data: new Uint8Array(body), isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  let images = 0;
  let image: { width: number; height: number; data: Uint8ClampedArray } | undefined;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pageTexts.push(squeeze(content.items.map((i) => ('str' in i ? i.str : '')).join('')));
    const ops = await page.getOperatorList();
    const found = ops.fnArray.flatMap((fn, i) => (fn === OPS.paintImageXObject ? [i] : []));
    images += found.length;
    if (!image && found.length > 0) {
      image = await new Promise((resolve) => page.objs.get(ops.argsArray[found[0]!][0], resolve));
    }
  }
  const { info } = await doc.getMetadata();
  return {
    text: pageTexts.join(''),
    pageTexts,
    pages: doc.numPages,
    info: info as Record<string, unknown>,
    images,
    qrModules(size) {
      if (!image) return [];
      const total = size + 2 * QR_OPTIONS.margin;
      const channels = image.data.length / (image.width * image.height);
      const out: boolean[] = [];
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const x = Math.floor(((QR_OPTIONS.margin + c + 0.5) * image.width) / total);
          const y = Math.floor(((QR_OPTIONS.margin + r + 0.5) * image.height) / total);
          out.push(image.data[(y * image.width + x) * channels]! < 128);
        }
      }
      return out;
    },
  };
}

/** The modules QR code `url` must have (what any reader decodes back to `url`). */
export function expectedModules(url: string): { size: number; dark: boolean[] } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  return { size: modules.size, dark: [...modules.data].map((v) => v === 1) };
}
