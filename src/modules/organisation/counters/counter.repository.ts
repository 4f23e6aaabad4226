import { and, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/database.ts';
import { centres, counterListStamps, counters, departments, zones } from '../schema.ts';

export type CounterRow = typeof counters.$inferSelect;
export type CounterInsert = typeof counters.$inferInsert;
/** A counter with the names of its zone and department, as lists and signs show it. */
export interface CounterWithNames {
  readonly counter: CounterRow;
  readonly zoneName: string | null;
  readonly departmentName: string | null;
}

export async function findCounter(q: Queryable, id: string): Promise<CounterRow | undefined> {
  const [row] = await q.select().from(counters).where(eq(counters.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockCounter(q: Queryable, id: string): Promise<CounterRow | undefined> {
  const [row] = await q.select().from(counters).where(eq(counters.id, id)).for('update');
  return row;
}

function selectWithNames(q: Queryable, where: SQL | undefined) {
  return q
    .select({ counter: counters, zoneName: zones.name, departmentName: departments.name })
    .from(counters)
    .leftJoin(zones, eq(zones.id, counters.zoneId))
    .leftJoin(departments, eq(departments.id, counters.departmentId))
    .where(where);
}

export async function findCounterWithNames(q: Queryable, id: string): Promise<CounterWithNames | undefined> {
  const [row] = await selectWithNames(q, eq(counters.id, id));
  return row;
}

/** A listed counter as the list query returns it: timestamps in epoch milliseconds. */
export interface CounterListRow {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly zoneId: string | null;
  readonly zoneName: string | null;
  readonly kind: string;
  readonly areaName: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly status: string;
  readonly awayReason: string | null;
  readonly expectedReturnAt: number | null;
  readonly retiredAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type CounterListRead =
  /** No such centre. */
  | { readonly found: false }
  /** The list has not changed since it was read under `knownStamp`. */
  | { readonly found: true; readonly unchanged: true; readonly stamp: string }
  | { readonly found: true; readonly unchanged: false; readonly stamp: string; readonly rows: CounterListRow[] };

/**
 * ONE query: the centre's counters with zone and department names, in natural order of
 * their numbers (the sort key pads digit runs; byte order keeps it independent of the
 * database's collation), together with the centre's counter-list stamp read in the same
 * snapshot. Given the stamp of a list the caller already holds, the counters are read
 * only when the stamp has changed; no row at all means no such centre.
 *
 * Counter screens ask for this list often, so it is written for speed, as measured on
 * both engines: raw SQL through `queryRows()` (no per-field mapping), only the columns
 * the view shows, and timestamps as epoch milliseconds (a number is read far faster than
 * a timestamp, and the view wants ISO text anyway).
 */
export async function readCounterList(q: Queryable, centreId: string, includeRetired: boolean, knownStamp: string | null): Promise<CounterListRead> {
  type Row = Omit<CounterListRow, 'id' | 'createdAt'> & { stamp: string; id: string | null; createdAt: number | null };
  const rows = await queryRows<Row>(
    q,
    sql`select coalesce(s.stamp::text, '') as stamp, l.*
        from ${centres} ce
        left join ${counterListStamps} s on s.centre_id = ce.id
        left join lateral (
          select c.id, c.number, c.name, c.zone_id as "zoneId", z.name as "zoneName",
            c.kind, c.area_name as "areaName", c.department_id as "departmentId", d.name as "departmentName",
            c.service_status as status, c.away_reason as "awayReason",
            date_part('epoch', c.expected_return_at) * 1000 as "expectedReturnAt",
            date_part('epoch', c.retired_at) * 1000 as "retiredAt",
            date_part('epoch', c.created_at) * 1000 as "createdAt",
            date_part('epoch', c.updated_at) * 1000 as "updatedAt",
            c.sort_key as "sortKey"
          from ${counters} c
          left join ${zones} z on z.id = c.zone_id
          left join ${departments} d on d.id = c.department_id
          where c.centre_id = ce.id ${includeRetired ? sql`` : sql`and c.retired_at is null`}
            and coalesce(s.stamp::text, '') is distinct from ${knownStamp}
        ) l on true
        where ce.id = ${centreId}
        order by l."sortKey" collate "C", l.number collate "C", l."createdAt"`,
  );
  const first = rows[0];
  if (!first) return { found: false };
  if (knownStamp !== null && first.stamp === knownStamp) return { found: true, unchanged: true, stamp: first.stamp };
  return { found: true, unchanged: false, stamp: first.stamp, rows: first.id === null ? [] : (rows as CounterListRow[]) };
}

/**
 * Renews the centre's counter-list stamp, in the transaction of a change to what the
 * list shows. Taken last in such a transaction (after the changed row's own lock), so
 * that the locks are always taken in the same order.
 */
export async function touchCounterList(q: Queryable, centreId: string): Promise<void> {
  await q
    .insert(counterListStamps)
    .values({ centreId, stamp: sql`gen_random_uuid()` })
    .onConflictDoUpdate({ target: counterListStamps.centreId, set: { stamp: sql`gen_random_uuid()` } });
}

export async function findActiveCounterByNumber(q: Queryable, centreId: string, number: string, exceptId: string | null): Promise<CounterRow | undefined> {
  const [row] = await q
    .select()
    .from(counters)
    .where(and(eq(counters.centreId, centreId), eq(counters.number, number), isNull(counters.retiredAt), exceptId ? ne(counters.id, exceptId) : undefined));
  return row;
}

/** Area names of the centre's active professional counters (§7.1.6.3), other than `exceptId`. */
export async function professionalAreaNames(q: Queryable, centreId: string, exceptId: string | null): Promise<string[]> {
  const rows = await q
    .selectDistinct({ areaName: counters.areaName })
    .from(counters)
    .where(
      and(
        eq(counters.centreId, centreId),
        eq(counters.kind, 'professional'),
        isNull(counters.retiredAt),
        isNotNull(counters.areaName),
        exceptId ? ne(counters.id, exceptId) : undefined,
      ),
    );
  return rows.map((r) => r.areaName!);
}

export async function insertCounter(q: Queryable, values: CounterInsert): Promise<CounterRow> {
  const [row] = await q.insert(counters).values(values).returning();
  return row!;
}

export async function updateCounter(q: Queryable, id: string, values: Partial<CounterInsert>): Promise<CounterRow> {
  const [row] = await q.update(counters).set(values).where(eq(counters.id, id)).returning();
  return row!;
}
