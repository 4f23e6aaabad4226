/**
 * Renders a pdfmake document definition to PDF bytes. pdfmake (≈ 0.15 s to load) and
 * the fonts (two 10 MB files) are loaded on the first document, not at start-up, and
 * kept: later documents only lay out and subset the glyphs they use.
 */
import { readFile } from 'node:fs/promises';
import type { PdfMake } from 'pdfmake';
import { fontFiles } from './fonts.ts';
import type { DocDefinition } from './types.ts';

const CREATOR = 'GovHall 政务服务中心运行管理平台';

let engine: Promise<PdfMake> | undefined;
/** pdfmake font family per font file (GOVHALL_PDF_FONT or the default). */
const families = new Map<string, Promise<string>>();
const registered: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};

function loadEngine(): Promise<PdfMake> {
  engine ??= import('pdfmake').then(({ default: pdfmake }) => {
    // Documents are built from data, never from files or URLs: refuse both.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  });
  return engine;
}

/** Registers the font files in pdfmake's in-memory file system once; the family name. */
function family(pdfmake: PdfMake, customFont: string | undefined): Promise<string> {
  const key = customFont ?? '';
  let found = families.get(key);
  if (!found) {
    const name = `GovHall${families.size}`;
    const files = fontFiles(customFont);
    found = Promise.all([readFile(files.normal), readFile(files.bold)]).then(([normal, bold]) => {
      pdfmake.virtualfs.writeFileSync(`${name}-normal.ttf`, normal);
      pdfmake.virtualfs.writeFileSync(`${name}-bold.ttf`, bold);
      registered[name] = { normal: `${name}-normal.ttf`, bold: `${name}-bold.ttf`, italics: `${name}-normal.ttf`, bolditalics: `${name}-bold.ttf` };
      pdfmake.setFonts({ ...registered });
      return name;
    });
    found.catch(() => families.delete(key));
    families.set(key, found);
  }
  return found;
}
export interface RenderOptions {
  /** GOVHALL_PDF_FONT (config.pdfFont); the bundled Noto Sans SC when absent. */
  readonly font?: string | undefined;
}

/**
 * The PDF of a document definition. Metadata: the definition's title, GovHall as
 * creator; a fixed `info.creationDate` makes the bytes reproducible (an ETag can then
 * stand for them).
 */
export async function renderPdf(doc: DocDefinition, options: RenderOptions = {}): Promise<Buffer> {
  const pdfmake = await loadEngine();
  const font = await family(pdfmake, options.font);
  const definition = {
    ...doc,
    language: doc.language ?? 'zh-CN',
    info: { ...doc.info, creator: CREATOR, producer: 'GovHall (pdfmake)' },
    defaultStyle: { ...doc.defaultStyle, font },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
