/**
 * Stored files over HTTP (DB36/T 2016 §6.3.2 空白表格、格式范本; issue 3): upload (the raw
 * bytes as the request body, the name in the query), metadata, and download — by staff
 * of the file's centre, or by anyone once a published guide names the file.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { checkFileSize } from '../../domain/files/file-rules.ts';
import { MAX_FILE_BYTES } from '../../domain/files/file-types.ts';
import { authorize, centreParam, entityScope, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { attachment } from '../../platform/http/attachment.ts';
import { CentreParams, ErrorSchema, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { publicFile } from './file-public.service.ts';
import { FileView, UploadQuery } from './file.schemas.ts';
import { fileCentre, fileForDownload, getFile, storeFile, UPLOAD_FIELDS } from './file.service.ts';

const tags = ['files'];
const fileScope = entityScope(fileCentre, 'FILE_NOT_FOUND');
const publicErrors = { 400: errorResponses[400], 404: errorResponses[404] };
const FileBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件内容' });

/** Whether an If-None-Match header names this (strong) ETag, weakly compared (RFC 9110 §13.1.2). */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

async function sendFile(request: FastifyRequest, reply: FastifyReply, file: Awaited<ReturnType<typeof fileForDownload>>, cache: 'public' | 'private') {
  const etag = `"${file.meta.sha256}"`;
  void reply
    .header('etag', etag)
    // Revalidated each time: a form stops being public when its guide is withdrawn.
    .header('cache-control', `${cache}, no-cache`)
    .header('x-content-type-options', 'nosniff')
    // Opened in a tab instead of saved, the file still runs no script from the centre's origin.
    .header('content-security-policy', "default-src 'none'; sandbox");
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
  return reply.header('content-type', file.meta.contentType).header('content-disposition', attachment(file.meta.name)).send(await file.content());
}

export function fileRoutes(app: App, deps: AppDeps): void {
  // The upload parser lives in this plugin only: every body here is a file's raw bytes,
  // whatever type the browser declared (the type is told from the name and the content).
  void app.register(async (scoped: App) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      const raw = (request.query as Record<string, unknown> | undefined)?.name;
      const name = typeof raw === 'string' && raw.length <= 200 ? raw : undefined;
      // Refused as soon as the size is known: before reading when declared, else while streaming.
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_FILE_BYTES) checkFileSize(declared, UPLOAD_FIELDS.content, name);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buf.length;
        if (size > MAX_FILE_BYTES) checkFileSize(size, UPLOAD_FIELDS.content, name);
        chunks.push(buf);
      }
      return Buffer.concat(chunks);
    });

    scoped.post(
      '/api/v1/centres/:centreId/files',
      {
        config: { access: { permission: 'catalogue.write', scope: centreParam } },
        // Authorised before the body is read too (access.ts checks again before validation):
        // a caller without the right does not get 10 MB buffered.
        preParsing: async (request, _reply, payload) => {
          authorize(request.principal, 'catalogue.write', await centreParam(request, deps));
          return payload;
        },
        schema: {
          tags,
          summary: '上传文件（空白表格、格式范本，§6.3.2；请求体为文件内容，不超过 10 MB）',
          params: CentreParams,
          querystring: UploadQuery,
          response: { 201: FileView, ...errorResponses, 413: ErrorSchema },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        return reply.status(201).send(await storeFile(deps, requestActor(request), request.params.centreId, { name: request.query.name, bytes }));
      },
    );
  });

  app.get(
    '/api/v1/files/:id',
    {
      config: { access: { permission: 'catalogue.read', scope: fileScope } },
      schema: { tags, summary: '文件信息', params: IdParams, response: { 200: FileView, ...errorResponses } },
    },
    async (request) => getFile(deps, request.params.id),
  );

  app.get(
    '/api/v1/files/:id/content',
    {
      config: { access: { permission: 'catalogue.read', scope: fileScope } },
      schema: { tags, summary: '下载文件（本中心工作人员，含未发布的）', params: IdParams, response: { 200: FileBody, 304: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => sendFile(request, reply, await fileForDownload(deps, request.params.id), 'private'),
  );

  app.get(
    '/api/v1/public/files/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公开下载空白表格、格式范本（仅当前发布的办事指南引用的文件，带 ETag）',
        params: IdParams,
        response: { 200: FileBody, 304: Type.Null(), ...publicErrors },
      },
    },
    async (request, reply) => sendFile(request, reply, await publicFile(deps, request.params.id), 'public'),
  );
}
