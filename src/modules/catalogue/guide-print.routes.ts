/**
 * Printable guides and QR codes, public like the JSON guide (issue 3: "a printable
 * guide (PDF with Chinese text) and a QR code that opens the guide, for counter signs
 * and the kiosk"; DB36/T 2016 §7.3.3.4 展示发布 via 自助服务机、宣传手册).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { inlineDisposition } from '../../platform/http/attachment.ts';
import { publicBase } from '../../platform/http/public-base.ts';
import { itemQrSvg, printBundleGuide, printItemGuide, type Printed } from './guide-print.service.ts';

const tags = ['catalogue'];
const publicErrors = { 400: errorResponses[400], 404: errorResponses[404] };
const Pdf = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'PDF 文件' });
const Svg = Type.String({ description: 'SVG 图像（二维码）' });

/** Whether If-None-Match names this ETag (a list, `*`, or a weak form of it). */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * The PDFs rendered last, by ETag (a version renders the same bytes, so its ETag stands
 * for them): a guide printed again and again costs one rendering (≈ 0.1 s of CPU).
 */
const rendered = new Map<string, Buffer>();
const RENDERED_MAX = 32;

async function pdfOf(printed: Printed): Promise<Buffer> {
  let pdf = rendered.get(printed.etag);
  if (pdf) rendered.delete(printed.etag);
  else pdf = await printed.render();
  rendered.set(printed.etag, pdf);
  if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  return pdf;
}

async function sendPdf(request: FastifyRequest, reply: FastifyReply, printed: Printed) {
  void reply.header('etag', printed.etag).header('cache-control', 'public, no-cache');
  if (notModified(request, printed.etag)) return reply.status(304).send(null);
  const pdf = await pdfOf(printed);
  return reply.header('content-type', 'application/pdf').header('content-disposition', inlineDisposition(printed.fileName, printed.asciiName)).send(pdf);
}

export function guidePrintRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/public/items/:id/guide.pdf',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '办事指南 PDF（当前发布版本，可打印，带二维码）', params: IdParams, response: { 200: Pdf, 304: Type.Null(), ...publicErrors } },
    },
    async (request, reply) => sendPdf(request, reply, await printItemGuide(deps, request.params.id, publicBase(deps, request))),
  );

  app.get(
    '/api/v1/public/items/:id/qr.svg',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '办事指南二维码（SVG，打开门户上的办事指南）', params: IdParams, response: { 200: Svg, 304: Type.Null(), ...publicErrors } },
    },
    async (request, reply) => {
      const { svg, etag } = await itemQrSvg(deps, request.params.id, publicBase(deps, request));
      void reply.header('etag', etag).header('cache-control', 'public, no-cache');
      if (notModified(request, etag)) return reply.status(304).send(null);
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').send(svg);
    },
  );

  app.get(
    '/api/v1/public/bundles/:id/guide.pdf',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '“一件事”办事指南 PDF（可打印，带二维码）', params: IdParams, response: { 200: Pdf, 304: Type.Null(), ...publicErrors } },
    },
    async (request, reply) => sendPdf(request, reply, await printBundleGuide(deps, request.params.id, publicBase(deps, request))),
  );
}
