/** Queries of refusal reports (否定事项报备, DB36/T 2016 §7.5.2.3). */
import { and, asc, count, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { counters, staff } from '../organisation/schema.ts';
import { items } from '../catalogue/schema.ts';
import { cases, refusalReviews } from './schema.ts';

export type ReviewRow = typeof refusalReviews.$inferSelect;
export type ReviewInsert = typeof refusalReviews.$inferInsert;

export async function insertReview(q: Queryable, values: ReviewInsert): Promise<ReviewRow> {
  const [row] = await q.insert(refusalReviews).values(values).returning();
  return row!;
}

export async function findReview(q: Queryable, id: string): Promise<ReviewRow | undefined> {
  const [row] = await q.select().from(refusalReviews).where(eq(refusalReviews.id, id));
  return row;
}

export async function lockReview(q: Queryable, id: string): Promise<ReviewRow | undefined> {
  const [row] = await q.select().from(refusalReviews).where(eq(refusalReviews.id, id)).for('update');
  return row;
}

export async function updateReview(q: Queryable, id: string, values: Partial<ReviewInsert>): Promise<ReviewRow> {
  const [row] = await q.update(refusalReviews).set(values).where(eq(refusalReviews.id, id)).returning();
  return row!;
}

/** The latest report filed for a case. */
export async function latestReviewOf(q: Queryable, caseId: string): Promise<ReviewRow | undefined> {
  const [row] = await q.select().from(refusalReviews).where(eq(refusalReviews.caseId, caseId)).orderBy(desc(refusalReviews.reportedAt), desc(refusalReviews.id)).limit(1);
  return row;
}

export async function hasPendingReview(q: Queryable, caseId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: refusalReviews.id })
    .from(refusalReviews)
    .where(and(eq(refusalReviews.caseId, caseId), eq(refusalReviews.status, 'pending')))
    .limit(1);
  return row !== undefined;
}

export interface ReviewListFilter {
  readonly id?: string | undefined;
  readonly status?: string | undefined;
  /** Pending reports past their review date at `now`. */
  readonly overdueAt?: Date | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function listReviews(q: Queryable, centreId: string, f: ReviewListFilter) {
  const where: (SQL | undefined)[] = [eq(refusalReviews.centreId, centreId)];
  if (f.id) where.push(eq(refusalReviews.id, f.id));
  if (f.overdueAt) where.push(eq(refusalReviews.status, 'pending'), lt(refusalReviews.dueAt, f.overdueAt));
  else if (f.status) where.push(eq(refusalReviews.status, f.status));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    q
      .select({ r: refusalReviews, caseNumber: cases.caseNumber, itemName: items.publishedName, counterNumber: counters.number, clerkName: staff.name })
      .from(refusalReviews)
      .leftJoin(cases, eq(cases.id, refusalReviews.caseId))
      .leftJoin(items, eq(items.id, refusalReviews.itemId))
      .leftJoin(counters, eq(counters.id, refusalReviews.counterId))
      .leftJoin(staff, eq(staff.id, refusalReviews.clerkId))
      .where(condition)
      .orderBy(sql`case when ${refusalReviews.status} = 'pending' then 0 else 1 end`, asc(refusalReviews.dueAt), asc(refusalReviews.id))
      .limit(f.limit)
      .offset(f.offset),
    q.select({ n: count() }).from(refusalReviews).where(condition),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
