import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { deviceTokens } from '../../platform/auth/schema.ts';

export type DeviceTokenRow = typeof deviceTokens.$inferSelect;
export type DeviceTokenInsert = typeof deviceTokens.$inferInsert;

export async function findDeviceToken(q: Queryable, id: string): Promise<DeviceTokenRow | undefined> {
  const [row] = await q.select().from(deviceTokens).where(eq(deviceTokens.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockDeviceToken(q: Queryable, id: string): Promise<DeviceTokenRow | undefined> {
  const [row] = await q.select().from(deviceTokens).where(eq(deviceTokens.id, id)).for('update');
  return row;
}

/** A centre's tokens, revoked ones included (they stay on record), newest first. */
export async function listDeviceTokens(q: Queryable, centreId: string): Promise<DeviceTokenRow[]> {
  return q.select().from(deviceTokens).where(eq(deviceTokens.centreId, centreId)).orderBy(desc(deviceTokens.createdAt), desc(deviceTokens.id));
}

export async function insertDeviceToken(q: Queryable, values: DeviceTokenInsert): Promise<DeviceTokenRow> {
  const [row] = await q.insert(deviceTokens).values(values).returning();
  return row!;
}

export async function revokeDeviceToken(q: Queryable, id: string, at: Date): Promise<DeviceTokenRow> {
  const [row] = await q.update(deviceTokens).set({ revokedAt: at }).where(eq(deviceTokens.id, id)).returning();
  return row!;
}
