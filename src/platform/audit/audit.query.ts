/** Reading the audit trail: filtered, newest first, paged. */
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  /** Records of these centres only; `'all'`: every record, those of no centre included. */
  readonly centres: 'all' | readonly string[];
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  readonly action?: string | undefined;
  readonly actorId?: string | undefined;
  /** Inclusive. */
  readonly from?: Date | undefined;
  /** Exclusive. */
  readonly to?: Date | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function queryAudit(q: Queryable, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  if (filter.centres !== 'all' && filter.centres.length === 0) return { rows: [], total: 0 };
  const conditions: (SQL | undefined)[] = [
    filter.centres === 'all' ? undefined : inArray(auditLog.centreId, [...filter.centres]),
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await q.select({ n: count() }).from(auditLog).where(where);
  const rows = await q.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(filter.limit).offset(filter.offset);
  return { rows, total: Number(total?.n ?? 0) };
}
