/**
 * The item workbook over HTTP: the template, the import (the .xlsx as the request
 * body) and the export of the centre's catalogue (issue 3 "Spreadsheets").
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../domain/shared/errors.ts';
import { centreParam, requestActor } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { attachment } from '../../../platform/http/attachment.ts';
import { CentreParams, errorResponses } from '../../../platform/http/schemas.ts';
import { buildTemplate } from './export.ts';
import { MAX_FILE_BYTES } from './import.ts';
import { exportItems, importItems } from './spreadsheet.service.ts';

const tags = ['catalogue'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = [XLSX_TYPE, 'application/octet-stream'];

const CellIssue = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
const ImportQuery = Type.Object(
  { mode: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid-only')], { description: 'all：任一行有错误则全部不导入（默认）；valid-only：只导入正确的行' })) },
  { additionalProperties: false },
);
const ImportResult = Type.Object({ imported: Type.Integer(), issues: Type.Array(CellIssue) });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx 文件' });

function tooLarge(bytes: number): AppError {
  return new AppError('SHEET_TOO_LARGE', { message: `导入文件为 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限` });
}

export function spreadsheetRoutes(app: App, deps: AppDeps): void {
  // The upload parser lives in this plugin only: the rest of the API stays JSON.
  void app.register(async (scoped: App) => {
    // Read by hand so that a file over 10 MB is SHEET_TOO_LARGE, like one parsed from disk.
    scoped.addContentTypeParser(UPLOAD_TYPES, async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_FILE_BYTES) throw tooLarge(declared);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buf.length;
        if (size > MAX_FILE_BYTES) throw tooLarge(size);
        chunks.push(buf);
      }
      return Buffer.concat(chunks);
    });

    scoped.get(
      '/api/v1/centres/:centreId/items/template.xlsx',
      {
        config: { access: { permission: 'catalogue.read', scope: centreParam } },
        schema: { tags, summary: '下载事项导入模板（.xlsx）', params: CentreParams, response: { 200: Binary, ...errorResponses } },
      },
      async (_request, reply) =>
        reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment('事项导入模板.xlsx', 'item-template.xlsx'))
          .send(await buildTemplate()),
    );

    scoped.post(
      '/api/v1/centres/:centreId/items/import',
      {
        config: { access: { permission: 'catalogue.write', scope: centreParam } },
        schema: {
          tags,
          summary: '从 .xlsx 导入事项（请求体为文件内容）',
          params: CentreParams,
          querystring: ImportQuery,
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: `请以 ${XLSX_TYPE} 或 application/octet-stream 上传 .xlsx 文件` });
        }
        return importItems(deps, requestActor(request), request.params.centreId, body, request.query.mode ?? 'all');
      },
    );

    scoped.get(
      '/api/v1/centres/:centreId/items/export.xlsx',
      {
        config: { access: { permission: 'catalogue.read', scope: centreParam } },
        schema: { tags, summary: '导出事项目录（.xlsx，可重新导入）', params: CentreParams, response: { 200: Binary, ...errorResponses } },
      },
      async (request, reply) =>
        reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment('事项目录.xlsx', 'items.xlsx'))
          .send(await exportItems(deps, request.params.centreId)),
    );
  });
}
