/**
 * The public lists of DB36/T 2016 §8.2 as .xlsx downloads, beside their JSON
 * (`GET /api/v1/public/centres/{centreId}/lists`). No login: the lists are public.
 */
import { Type } from 'typebox';
import { LIST_KINDS, PUBLISHED_LISTS } from '../../../domain/catalogue/lists.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { attachment } from '../../../platform/http/attachment.ts';
import { errorResponses, Uuid } from '../../../platform/http/schemas.ts';
import { exportList } from './list-export.ts';
import { XLSX_TYPE } from './spreadsheet.routes.ts';

const tags = ['catalogue'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx 文件' });

/** An unknown kind fails validation: 400 VALIDATION_FAILED naming the parameter. */
const ListParams = Type.Object(
  {
    centreId: Uuid,
    kind: Type.Union(
      LIST_KINDS.map((k) => Type.Literal(k)),
      { description: `清单：${LIST_KINDS.map((k) => `${k}（${PUBLISHED_LISTS[k].title}）`).join('、')}` },
    ),
  },
  { additionalProperties: false },
);

export function listExportRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/public/centres/:centreId/lists/:kind.xlsx',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '下载公开事项清单（.xlsx，§8.2）',
        params: ListParams,
        response: { 200: Binary, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const file = await exportList(deps, request.params.centreId, request.params.kind);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(file.fileName, file.fallbackName)).send(file.buffer);
    },
  );
}
