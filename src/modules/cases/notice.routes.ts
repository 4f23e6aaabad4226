/** The printed notices of cases and consultations as PDF (受理通知书 … 送达回证, 一次性告知单). */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { centreParam, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { inlineDisposition } from '../../platform/http/attachment.ts';
import { publicBase } from '../../platform/http/public-base.ts';
import { errorResponses, Uuid } from '../../platform/http/schemas.ts';
import { CASE_NOTICE_KINDS, printCaseNotice, printConsultationNotice, type PrintedNotice } from './notice.service.ts';
import { caseScope } from './scopes.ts';

const tags = ['cases'];
const Pdf = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'PDF 文件' });
const NoticeParams = Type.Object({ id: Uuid, kind: Type.Enum(CASE_NOTICE_KINDS, { description: 'acceptance 受理通知书 / correction 一次性告知书 / tolerance 容缺受理告知书 / refusal 不予受理决定书 / delivery_receipt 送达回证' }) }, { additionalProperties: false });
const ConsultationNoticeParams = Type.Object({ centreId: Uuid, id: Uuid }, { additionalProperties: false });

function sendPdf(reply: FastifyReply, printed: PrintedNotice) {
  // Personal data: never kept by a shared cache.
  return reply.header('content-type', 'application/pdf').header('cache-control', 'private, no-store').header('content-disposition', inlineDisposition(printed.fileName, printed.asciiName)).send(printed.pdf);
}

export function noticeRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:id/notices/:kind.pdf',
    {
      config: { access: { permission: 'case.read', scope: caseScope } },
      schema: { tags, summary: '办件文书 PDF（中心名称、办件编号、进度查询二维码）', params: NoticeParams, response: { 200: Pdf, ...errorResponses } },
    },
    async (request, reply) => sendPdf(reply, await printCaseNotice(deps, requestActor(request), request.principal, request.params.id, request.params.kind, publicBase(deps, request))),
  );

  app.get(
    '/api/v1/centres/:centreId/consultations/:id/notice.pdf',
    {
      config: { access: { permission: 'case.read', scope: centreParam } },
      schema: { tags, summary: '咨询一次性告知单 PDF（§8.1.2.2）', params: ConsultationNoticeParams, response: { 200: Pdf, ...errorResponses } },
    },
    async (request, reply) => sendPdf(reply, await printConsultationNotice(deps, request.params.centreId, request.params.id, publicBase(deps, request))),
  );
}
