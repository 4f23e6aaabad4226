/**
 * The centre's case settings (domain/cases/settings.ts): read with defaults, replaced by
 * managers. Every open, transition and list reads them, a manager changes them a few
 * times a year: they are kept per process and centre, valid until the change feed says
 * otherwise ({@link CASE_SETTINGS_TOPIC}, published in the transaction that replaces
 * them, heard by every process at its commit and by this one at once). While the feed
 * is not live nothing is trusted and every read goes to the database; a read during
 * which any change was heard is used once and not kept (as queue/config-cache.ts).
 */
import { eq } from 'drizzle-orm';
import { resolveCaseSettings, type CaseSettings, type CaseSettingsInput } from '../../domain/cases/settings.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireCentre } from '../organisation/references.ts';
import { caseSettings } from './schema.ts';

/** The change-feed topic of a centre's case settings (key: the centre id). */
export const CASE_SETTINGS_TOPIC = 'case-settings';

export async function readCaseSettings(q: Queryable, centreId: string): Promise<CaseSettings> {
  const [row] = await q.select({ settings: caseSettings.settings }).from(caseSettings).where(eq(caseSettings.centreId, centreId));
  return resolveCaseSettings(row?.settings);
}

interface SettingsCache {
  /** Changes heard, of any centre. */
  heard: number;
  readonly entries: Map<string, CaseSettings>;
}

const MAX_CENTRES = 1_000;
const caches = new WeakMap<ChangeFeed, SettingsCache>();

function cacheOf(feed: ChangeFeed): SettingsCache {
  let cache = caches.get(feed);
  if (cache) return cache;
  const c: SettingsCache = { heard: 0, entries: new Map() };
  feed.subscribe(CASE_SETTINGS_TOPIC, (centreId) => {
    c.heard++;
    c.entries.delete(centreId);
  });
  feed.onReset(() => {
    c.heard++;
    c.entries.clear();
  });
  caches.set(feed, (cache = c));
  return cache;
}

/** The centre's settings through `deps.db`, from memory when they may be trusted (never inside a transaction: use {@link readCaseSettings} there). */
export async function cachedCaseSettings(deps: AppDeps, centreId: string): Promise<CaseSettings> {
  const feed = deps.database.changes;
  const cache = cacheOf(feed);
  const hit = cache.entries.get(centreId);
  if (hit && feed.live) return hit;
  const mark = cache.heard;
  const live = feed.live;
  const settings = await readCaseSettings(deps.db, centreId);
  if (live && feed.live && mark === cache.heard) {
    if (cache.entries.size >= MAX_CENTRES) cache.entries.clear();
    cache.entries.set(centreId, settings);
  }
  return settings;
}

export async function getCaseSettings(deps: AppDeps, centreId: string): Promise<CaseSettings> {
  await requireCentre(deps.db, centreId);
  return readCaseSettings(deps.db, centreId);
}

/** Replaces the settings (parts left out take their defaults); CASE_SETTINGS_INVALID lists every bad field. */
export async function putCaseSettings(deps: AppDeps, actor: Actor, centreId: string, input: CaseSettingsInput): Promise<CaseSettings> {
  const now = deps.clock();
  const resolved = resolveCaseSettings(input);
  return deps.db.transaction(async (tx) => {
    await requireCentre(tx, centreId);
    const before = await readCaseSettings(tx, centreId);
    await tx
      .insert(caseSettings)
      .values({ centreId, settings: { ...input }, updatedAt: now })
      .onConflictDoUpdate({ target: caseSettings.centreId, set: { settings: { ...input }, updatedAt: now } });
    await writeAudit(tx, actor, now, { centreId, entity: 'case_settings', entityId: centreId, action: 'update', before, after: resolved });
    await deps.database.changes.publish(tx, CASE_SETTINGS_TOPIC, centreId);
    return resolved;
  });
}
