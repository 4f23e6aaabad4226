/**
 * The public guide as a response body (§7.3.2.1 one source of truth: portal, kiosk and
 * counters read it). A process keeps the body it last served for an item, with the
 * centre's catalogue generation and the day it was read under (public-cache.ts), and
 * sends it again, as it was serialized, while both still hold.
 */
import type { AppDeps } from '../../platform/deps.ts';
import { getPublicItem } from './item-public.service.ts';
import type { PublicItemView } from './item.schemas.ts';
import { todayOf } from './item.service.ts';
import { BoundedCache, generationOf, readForCache } from './public-cache.ts';

interface CachedGuide {
  readonly centreId: string;
  readonly generation: string;
  readonly day: string;
  readonly body: Buffer;
  readonly etag: string;
}

const cache = new BoundedCache<CachedGuide>(20_000);

/** The serialized public guide of an item and its ETag; `serialize` is the route's response serializer. */
export async function publicGuideBody(deps: AppDeps, id: string, serialize: (view: PublicItemView) => string): Promise<{ body: Buffer; etag: string }> {
  const day = todayOf(deps);
  const cached = cache.get(id);
  if (cached && cached.day === day && cached.generation === generationOf(deps, cached.centreId)) return cached;
  const { result, generation } = await readForCache(deps, (r) => r.view.centreId, () => getPublicItem(deps, id));
  const body = Buffer.from(serialize(result.view));
  if (generation !== null) cache.set(id, { centreId: result.view.centreId, generation, day, body, etag: result.etag });
  return { body, etag: result.etag };
}
