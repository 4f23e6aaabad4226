/** Queries of stored files. Metadata reads never fetch the bytes. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { storedFiles } from './schema.ts';

export type FileRow = typeof storedFiles.$inferSelect;
export type FileInsert = typeof storedFiles.$inferInsert;
export type FileMeta = Omit<FileRow, 'content'>;

const META = {
  id: storedFiles.id,
  centreId: storedFiles.centreId,
  name: storedFiles.name,
  contentType: storedFiles.contentType,
  size: storedFiles.size,
  sha256: storedFiles.sha256,
  createdBy: storedFiles.createdBy,
  createdAt: storedFiles.createdAt,
};

export async function insertFile(q: Queryable, values: FileInsert): Promise<FileMeta> {
  const [row] = await q.insert(storedFiles).values(values).returning(META);
  return row!;
}

export async function findFileMeta(q: Queryable, id: string): Promise<FileMeta | undefined> {
  const [row] = await q.select(META).from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

export async function findFile(q: Queryable, id: string): Promise<FileRow | undefined> {
  const [row] = await q.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** Which of `ids` (uuids) are files of the centre. */
export async function fileIdsOfCentre(q: Queryable, centreId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(and(eq(storedFiles.centreId, centreId), inArray(storedFiles.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
