/**
 * Queries of cases, their items, events and steps, and the per code-day sequences. The
 * number is drawn with one upsert whose row lock is held to the end of the opening
 * transaction (like ticket numbers): two openings of one code-day take turns, a rolled
 * back opening gives its number back.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { CaseEvent } from '../../domain/cases/case-states.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { queryRows, type Queryable } from '../../platform/db/database.ts';
import { itemVersions } from '../catalogue/schema.ts';
import { counters, staff } from '../organisation/schema.ts';
import { caseEvents, caseItems, cases, caseSequences, caseSteps, refusalReviews } from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
export type CaseItemRow = typeof caseItems.$inferSelect;
export type CaseStepRow = typeof caseSteps.$inferSelect;
export type CaseStepInsert = typeof caseSteps.$inferInsert;

/** The statuses on the clock, written out as in the partial index `cases_clock_due_idx` so that the planner uses it. */
export const CLOCK_STATUS_SQL = sql`${cases.status} in ('accepted', 'processing', 'suspended')`;

/** The next sequence of the code on `day` (1 for the first case), the row locked until the transaction ends. */
export async function drawCaseSequence(q: Queryable, implementationCode: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    q,
    sql`insert into ${caseSequences} (implementation_code, day, last) values (${implementationCode}, ${day}, 1)
        on conflict (implementation_code, day) do update set last = ${caseSequences}.last + 1
        returning last`,
  );
  return Number(row!.last);
}

/** jsonb's order of an object's keys: shorter first, then by their bytes. */
function jsonbOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsonbOrder);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Object.fromEntries(keys.map((k) => [k, jsonbOrder((v as Record<string, unknown>)[k])]));
}

/** A value as a jsonb column gives it back: no `undefined`, no Date, keys in jsonb's order. */
export const stored = <T>(v: T): T => (v === null || v === undefined ? v : (jsonbOrder(JSON.parse(JSON.stringify(v))) as T));

/**
 * The writes of an opening in ONE statement (data-modifying CTEs; the foreign keys of the
 * items and the event to the case are checked at its end): the case, its items, its
 * `opened` event and the audit record. One round trip, so the case_sequences row drawn
 * just before is held for this statement and the COMMIT only. Answers the rows as
 * stored: every column not given is null (the table's defaults are given), JSON as
 * read back.
 */
export async function insertOpening(
  q: Queryable,
  values: { readonly case: CaseInsert; readonly items: readonly (typeof caseItems.$inferInsert)[]; readonly event: CaseEvent; readonly audit: typeof auditLog.$inferInsert },
): Promise<{ row: CaseRow; items: CaseItemRow[]; event: Omit<EventRow, 'counterNumber' | 'staffName'> }> {
  const c = values.case;
  const e = values.event;
  const eventRow = { type: e.type, at: e.at, fromStatus: e.from, toStatus: e.to, userId: e.userId, staffId: e.staffId, counterId: e.counterId, data: { ...e.data } };
  const parts = [sql`c as (${q.insert(cases).values(c).getSQL()})`, sql`e as (${q.insert(caseEvents).values({ caseId: c.id, centreId: c.centreId, ...eventRow }).getSQL()})`];
  if (values.items.length > 0) parts.push(sql`i as (${q.insert(caseItems).values([...values.items]).getSQL()})`);
  await q.execute(sql`with ${sql.join(parts, sql`, `)} ${q.insert(auditLog).values(values.audit).getSQL()}`);
  const row = Object.fromEntries(Object.keys(getTableColumns(cases)).map((k) => [k, (c as Record<string, unknown>)[k] ?? null])) as CaseRow;
  return {
    row: { ...row, checklist: stored(row.checklist), detail: stored(row.detail) },
    items: values.items.map((i) => ({
      caseId: i.caseId,
      itemId: i.itemId,
      versionId: i.versionId,
      position: i.position,
      name: i.name,
      promisedLimit: stored(i.promisedLimit ?? null),
      legalLimit: stored(i.legalLimit ?? null),
      decision: i.decision ?? null,
      decidedAt: i.decidedAt ?? null,
      reasons: i.reasons ?? null,
    })),
    event: { ...eventRow, data: stored(eventRow.data) },
  };
}

/** What one transition writes ({@link writeTransition}). */
export interface TransitionWrites {
  readonly caseId: string;
  readonly centreId: string;
  readonly columns: Partial<CaseInsert>;
  readonly decisions: readonly { readonly itemId: string; readonly values: Pick<CaseItemRow, 'decision' | 'decidedAt' | 'reasons'> }[];
  readonly newSteps: readonly (typeof caseSteps.$inferInsert)[];
  readonly finishedSteps: readonly { readonly id: string; readonly values: Partial<typeof caseSteps.$inferInsert> }[];
  readonly event: CaseEvent;
  readonly audit: typeof auditLog.$inferInsert;
  /** A change-feed payload to send at the commit (`pg_notify` on `channel`), if any. */
  readonly notify: { readonly channel: string; readonly payload: string } | null;
}

/**
 * The writes of a transition in ONE statement (data-modifying CTEs, each on rows of its
 * own): the case's columns, the items decided, the steps started or finished, the event,
 * the audit record and the change-feed notice. Answers the event as stored.
 */
export async function writeTransition(q: Queryable, w: TransitionWrites): Promise<Omit<EventRow, 'counterNumber' | 'staffName'>> {
  const e = w.event;
  const eventRow = { type: e.type, at: e.at, fromStatus: e.from, toStatus: e.to, userId: e.userId, staffId: e.staffId, counterId: e.counterId, data: { ...e.data } };
  const parts: SQL[] = [
    sql`u as (${q.update(cases).set(w.columns).where(eq(cases.id, w.caseId)).getSQL()})`,
    sql`e as (${q.insert(caseEvents).values({ caseId: w.caseId, centreId: w.centreId, ...eventRow }).getSQL()})`,
    sql`a as (${q.insert(auditLog).values(w.audit).getSQL()})`,
  ];
  w.decisions.forEach((d, i) => parts.push(sql`${sql.identifier(`d${i}`)} as (${q.update(caseItems).set(d.values).where(and(eq(caseItems.caseId, w.caseId), eq(caseItems.itemId, d.itemId))).getSQL()})`));
  if (w.newSteps.length > 0) parts.push(sql`s as (${q.insert(caseSteps).values([...w.newSteps]).getSQL()})`);
  w.finishedSteps.forEach((f, i) => parts.push(sql`${sql.identifier(`f${i}`)} as (${q.update(caseSteps).set(f.values).where(eq(caseSteps.id, f.id)).getSQL()})`));
  // A SELECT in a CTE runs only when referenced: the notice is the statement's own SELECT.
  await q.execute(sql`with ${sql.join(parts, sql`, `)} select ${w.notify ? sql`pg_notify(${w.notify.channel}, ${w.notify.payload})` : sql`1`}`);
  return { ...eventRow, data: stored(eventRow.data) };
}

export async function findCase(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const [row] = await q.select().from(cases).where(eq(cases.id, id));
  return row;
}

export type NamedCaseRow = CaseRow & { counterNumber: string | null; clerkName: string | null };

/** A row of `table` from its JSON (`json_agg`, `row_to_json`): keys are column names, instants ISO strings. */
function fromJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = json[column.name] ?? null;
    out[key] = v !== null && column.dataType === 'date' ? new Date(v as string) : v;
  }
  return out as T['$inferSelect'];
}

/** Everything a transition starts from, read under the case's row lock. */
export interface LockedCase {
  readonly row: NamedCaseRow;
  readonly items: CaseItemRow[];
  readonly steps: CaseStepRow[];
  /** Oldest first. */
  readonly events: EventRow[];
  /** The latest refusal report (as refusal-review.repository.ts `latestReviewOf`) and whether any awaits review. */
  readonly review: { readonly latest: typeof refusalReviews.$inferSelect | undefined; readonly pending: boolean };
}

/**
 * The case row locked for update with, in the same statement, its items and steps (by
 * position), its events (oldest first, with counter numbers and staff names, as
 * {@link eventsOf}) and its refusal reports' state: one round trip instead of five.
 */
export async function lockCaseForTransition(q: Queryable, id: string): Promise<LockedCase | undefined> {
  // Drizzle leaves the columns of a one-table select unqualified: the outer case is named in full.
  const c = sql.raw('"cases"');
  const [row] = await q
    .select({
      c: cases,
      counterNumber: sql<string | null>`(select co.number from ${counters} co where co.id = ${c}.counter_id)`,
      clerkName: sql<string | null>`(select st.name from ${staff} st where st.id = ${c}.clerk_id)`,
      items: sql<Record<string, unknown>[]>`coalesce((select json_agg(ci order by ci.position) from ${caseItems} ci where ci.case_id = ${c}.id), '[]'::json)`,
      steps: sql<Record<string, unknown>[]>`coalesce((select json_agg(cs order by cs.position) from ${caseSteps} cs where cs.case_id = ${c}.id), '[]'::json)`,
      events: sql<Record<string, unknown>[]>`coalesce((select json_agg(json_build_object(
          'type', ev.type, 'at', ev.at, 'from_status', ev.from_status, 'to_status', ev.to_status, 'user_id', ev.user_id,
          'staff_id', ev.staff_id, 'counter_id', ev.counter_id, 'data', ev.data, 'counter_number', co.number, 'staff_name', st.name) order by ev.id)
        from ${caseEvents} ev left join ${counters} co on co.id = ev.counter_id left join ${staff} st on st.id = ev.staff_id
        where ev.case_id = ${c}.id), '[]'::json)`,
      review: sql<Record<string, unknown> | null>`(select row_to_json(rr) from ${refusalReviews} rr where rr.case_id = ${c}.id order by rr.reported_at desc, rr.id desc limit 1)`,
      pending: sql<boolean>`exists (select 1 from ${refusalReviews} rp where rp.case_id = ${c}.id and rp.status = 'pending')`,
    })
    .from(cases)
    .where(eq(cases.id, id))
    .for('update');
  if (!row) return undefined;
  return {
    row: { ...row.c, counterNumber: row.counterNumber, clerkName: row.clerkName },
    items: row.items.map((j) => fromJson(caseItems, j)),
    steps: row.steps.map((j) => fromJson(caseSteps, j)),
    events: row.events.map((j) => ({
      type: j.type as string,
      at: new Date(j.at as string),
      fromStatus: (j.from_status ?? null) as string | null,
      toStatus: j.to_status as string,
      userId: (j.user_id ?? null) as string | null,
      staffId: (j.staff_id ?? null) as string | null,
      counterId: (j.counter_id ?? null) as string | null,
      data: j.data as Record<string, unknown>,
      counterNumber: (j.counter_number ?? null) as string | null,
      staffName: (j.staff_name ?? null) as string | null,
    })),
    review: { latest: row.review ? fromJson(refusalReviews, row.review) : undefined, pending: row.pending === true },
  };
}

/** A case with the number of the counter and the name of the clerk that opened it. */
export async function findCaseWithNames(q: Queryable, id: string): Promise<NamedCaseRow | undefined> {
  const [row] = await q
    .select({ c: cases, counterNumber: counters.number, clerkName: staff.name })
    .from(cases)
    .leftJoin(counters, eq(counters.id, cases.counterId))
    .leftJoin(staff, eq(staff.id, cases.clerkId))
    .where(eq(cases.id, id));
  return row && { ...row.c, counterNumber: row.counterNumber, clerkName: row.clerkName };
}

export async function findCaseByNumber(q: Queryable, caseNumber: string): Promise<CaseRow | undefined> {
  const [row] = await q.select().from(cases).where(eq(cases.caseNumber, caseNumber));
  return row;
}

export async function itemsOf(q: Queryable, caseId: string): Promise<CaseItemRow[]> {
  return q.select().from(caseItems).where(eq(caseItems.caseId, caseId)).orderBy(asc(caseItems.position));
}

export async function stepsOf(q: Queryable, caseId: string): Promise<CaseStepRow[]> {
  return q.select().from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(asc(caseSteps.position));
}

export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** The events of a case, oldest first, with the counter number and the staff member's name. */
export async function eventsOf(q: Queryable, caseId: string) {
  return q
    .select({
      type: caseEvents.type,
      at: caseEvents.at,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      userId: caseEvents.userId,
      staffId: caseEvents.staffId,
      counterId: caseEvents.counterId,
      data: caseEvents.data,
      counterNumber: counters.number,
      staffName: staff.name,
    })
    .from(caseEvents)
    .leftJoin(counters, eq(counters.id, caseEvents.counterId))
    .leftJoin(staff, eq(staff.id, caseEvents.staffId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
}

export async function versionsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q.select().from(itemVersions).where(inArray(itemVersions.id, [...ids]));
}

export interface CaseListFilter {
  readonly statuses?: readonly string[] | undefined;
  readonly itemId?: string | undefined;
  readonly clerkId?: string | undefined;
  /** Only cases of these departments (a department-scoped clerk); undefined: all. */
  readonly departmentIds?: readonly string[] | undefined;
  /** Running cases due before this instant (overdue: now). */
  readonly dueBefore?: Date | undefined;
  /** Running cases due at or after this instant. */
  readonly dueFrom?: Date | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * A page of a centre's cases. With a due-date bound it reads the running cases by due
 * date (earliest first) through `cases_clock_due_idx`; otherwise the newest first.
 */
export async function listCases(q: Queryable, centreId: string, f: CaseListFilter): Promise<{ rows: (CaseRow & { counterNumber: string | null; clerkName: string | null })[]; total: number }> {
  const byDue = f.dueBefore !== undefined || f.dueFrom !== undefined;
  const where: (SQL | undefined)[] = [eq(cases.centreId, centreId)];
  if (byDue) {
    where.push(CLOCK_STATUS_SQL);
    if (f.dueBefore) where.push(lt(cases.promisedDueAt, f.dueBefore));
    if (f.dueFrom) where.push(gte(cases.promisedDueAt, f.dueFrom));
  }
  if (f.statuses) where.push(f.statuses.length > 0 ? inArray(cases.status, [...f.statuses]) : sql`false`);
  if (f.itemId) where.push(sql`(${cases.itemId} = ${f.itemId} or exists (select 1 from ${caseItems} where ${caseItems.caseId} = ${cases.id} and ${caseItems.itemId} = ${f.itemId}))`);
  if (f.clerkId) where.push(eq(cases.clerkId, f.clerkId));
  if (f.departmentIds) where.push(f.departmentIds.length > 0 ? inArray(cases.departmentId, [...f.departmentIds]) : sql`false`);
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    q
      .select({ c: cases, counterNumber: counters.number, clerkName: staff.name })
      .from(cases)
      .leftJoin(counters, eq(counters.id, cases.counterId))
      .leftJoin(staff, eq(staff.id, cases.clerkId))
      .where(condition)
      .orderBy(...(byDue ? [asc(cases.promisedDueAt), asc(cases.id)] : [desc(cases.openedAt), desc(cases.id)]))
      .limit(f.limit)
      .offset(f.offset),
    q.select({ n: count() }).from(cases).where(condition),
  ]);
  return { rows: rows.map((r) => ({ ...r.c, counterNumber: r.counterNumber, clerkName: r.clerkName })), total: Number(total?.n ?? 0) };
}
