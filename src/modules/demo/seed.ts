/** The demo centre: a realistic Jiangxi county centre with departments, zones, counters, staff and one account per role. */
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { centres } from '../organisation/schema.ts';

export interface DemoAccount {
  readonly role: string;
  readonly username: string;
  readonly password: string;
}

export async function hasAnyCentre(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(centres);
  return (row?.n ?? 0) > 0;
}

export async function seedDemo(_deps: AppDeps): Promise<DemoAccount[]> {
  // Filled in by the organisation work: departments, zones, counters, staff, accounts.
  return [];
}
