/**
 * Use cases of stored files (空白表格、格式范本, DB36/T 2016 §6.3.2): store one checked
 * file of a centre, read its metadata and bytes, and check the file ids a guide names.
 */
import { createHash, randomUUID } from 'node:crypto';
import { checkFile, type FileFields } from '../../domain/files/file-rules.ts';
import { AppError, type FieldIssue } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { isUuid } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireOpenCentre } from '../organisation/references.ts';
import * as repo from './file.repository.ts';
import type { FileView } from './file.schemas.ts';

/** The fields of an upload: the `name` query parameter and the request body. */
export const UPLOAD_FIELDS: FileFields = {
  name: { path: 'querystring:/name', label: '文件名' },
  content: { path: '/', label: '上传文件' },
};

export function fileView(row: repo.FileMeta): FileView {
  return {
    id: row.id,
    centreId: row.centreId,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Checks the file (name, type by extension and content, size: domain/files) and stores
 * it for the centre; audited without the bytes.
 */
export async function storeFile(deps: AppDeps, actor: Actor, centreId: string, input: { readonly name: string; readonly bytes: Buffer }): Promise<FileView> {
  const checked = checkFile(input, UPLOAD_FIELDS);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await requireOpenCentre(tx, centreId);
    const row = await repo.insertFile(tx, {
      id: randomUUID(),
      centreId,
      name: checked.name,
      contentType: checked.contentType,
      size: input.bytes.length,
      sha256,
      content: input.bytes,
      createdBy: actor.name,
      createdAt: now,
    });
    const view = fileView(row);
    await writeAudit(tx, actor, now, { centreId, entity: 'file', entityId: row.id, action: 'create', after: view });
    return view;
  });
}

/** The centre of a file, for access control of `/files/:id`. */
export async function fileCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findFileMeta(deps.db, id);
  return row && { centreId: row.centreId };
}

export async function getFile(deps: AppDeps, id: string): Promise<FileView> {
  const row = await repo.findFileMeta(deps.db, id);
  if (!row) throw new AppError('FILE_NOT_FOUND');
  return fileView(row);
}

/** A file's metadata and a loader of its bytes (read only when needed: not for a 304). */
export async function fileForDownload(deps: AppDeps, id: string): Promise<{ meta: repo.FileMeta; content: () => Promise<Buffer> }> {
  const meta = await repo.findFileMeta(deps.db, id);
  if (!meta) throw new AppError('FILE_NOT_FOUND');
  return {
    meta,
    content: async () => {
      const row = await repo.findFile(deps.db, id);
      if (!row) throw new AppError('FILE_NOT_FOUND');
      return row.content;
    },
  };
}

/** A file id named in a request body, with where it sits and what it is, for the message. */
export interface FileReference {
  readonly fileId: string;
  readonly path: string;
  /** E.g. `申请材料“申请书”（第 2 项）的空白表格`. */
  readonly label: string;
}

/**
 * Every reference must name a stored file of the centre: a 422 listing each one that
 * does not (unknown, another centre's, or not an id at all) at its field.
 */
export async function checkFileReferences(q: Queryable, centreId: string, refs: readonly FileReference[]): Promise<void> {
  if (refs.length === 0) return;
  const found = await repo.fileIdsOfCentre(q, centreId, [...new Set(refs.map((r) => r.fileId).filter(isUuid))]);
  const issues: FieldIssue[] = refs
    .filter((r) => !found.has(r.fileId))
    .map((r) => ({ path: r.path, code: 'FILE_NOT_FOUND', message: `${r.label}文件（${r.fileId}）不存在或不属于本中心，请先上传` }));
  if (issues.length > 0) throw new AppError('FILE_NOT_FOUND', { message: issues[0]!.message, fields: issues, kind: 'rule' });
}
