/**
 * The public progress of cases kept per process (§8.1.2.1: applicants ask again and
 * again while their case runs; it changes at each transition): by case number, the
 * check digest and the answer as serialized once, split where the running stages'
 * durations go (computed at send time from their cached start).
 *
 * Valid until the change feed (LISTEN/NOTIFY) says otherwise, in every process at the
 * commit and in this one at once: {@link CASE_PROGRESS_TOPIC} (key: the case number) at
 * every transition of the case, CENTRE_TOPIC when a centre is renamed, STAFFING_TOPIC
 * when a counter is renumbered (the timeline names counters; the notice also comes with
 * every sign-in and staff change, a few an hour, and drops every answer). While the feed
 * is not live nothing is trusted and every query reads the database; a read during
 * which any change was heard is used once and not kept (the rules of
 * catalogue/public-cache.ts and queue/config-cache.ts). Unknown numbers are not kept.
 */
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CENTRE_TOPIC } from '../organisation/centres/centre.events.ts';
import { STAFFING_TOPIC } from '../organisation/staffing.events.ts';

/** The change-feed topic of a case's public progress (key: the case number). */
export const CASE_PROGRESS_TOPIC = 'case-progress';

/** A case's public answer, serialized. */
export interface CachedProgress {
  readonly checkDigest: string;
  /** The body, split around the running stages' durations (one part more than starts). */
  readonly parts: readonly Buffer[];
  /** The start (ms) of each running stage, in body order. */
  readonly runningSince: readonly number[];
  /**
   * The check code once it has matched `checkDigest` here: the same code again is not
   * digested again. Only a right code is remembered, so a wrong one costs what it always
   * did, whether the case exists or not.
   */
  verifiedCheck?: string;
}

interface State {
  /** Changes heard, of any case: a read that saw it move may have read a half-old state. */
  heard: number;
  readonly entries: Map<string, CachedProgress>;
}

const MAX_CASES = 50_000;
const states = new WeakMap<ChangeFeed, State>();

function stateOf(feed: ChangeFeed): State {
  let state = states.get(feed);
  if (state) return state;
  const s: State = { heard: 0, entries: new Map() };
  feed.subscribe(CASE_PROGRESS_TOPIC, (caseNumber) => {
    s.heard++;
    s.entries.delete(caseNumber);
  });
  const all = () => {
    s.heard++;
    s.entries.clear();
  };
  feed.subscribe(CENTRE_TOPIC, all);
  feed.subscribe(STAFFING_TOPIC, all);
  feed.onReset(all);
  states.set(feed, (state = s));
  return state;
}

/** In the transaction of every change of what the public sees of a case (each transition). */
export async function caseProgressChanged(deps: AppDeps, tx: Queryable, caseNumber: string): Promise<void> {
  await deps.database.changes.publish(tx, CASE_PROGRESS_TOPIC, caseNumber);
}

/** The kept answer of a case number, when it may be trusted. */
export function cachedProgress(deps: AppDeps, caseNumber: string): CachedProgress | undefined {
  const feed = deps.database.changes;
  const state = stateOf(feed);
  return feed.live ? state.entries.get(caseNumber) : undefined;
}

/** Marks the start of a read: `keep` stores its result only if the feed stayed live and nothing was heard meanwhile. */
export function progressRead(deps: AppDeps): { keep(caseNumber: string, entry: CachedProgress): void } {
  const feed = deps.database.changes;
  const state = stateOf(feed);
  const mark = state.heard;
  const live = feed.live;
  return {
    keep(caseNumber, entry) {
      if (!live || !feed.live || mark !== state.heard) return;
      if (state.entries.size >= MAX_CASES) state.entries.clear();
      state.entries.set(caseNumber, entry);
    },
  };
}

/** The body at `now`: the running stages' durations written in. */
export function progressBody(entry: CachedProgress, now: Date): Buffer {
  if (entry.runningSince.length === 0) return entry.parts[0]!;
  const chunks: Buffer[] = [entry.parts[0]!];
  entry.runningSince.forEach((since, i) => {
    chunks.push(Buffer.from(String(Math.max(0, Math.round((now.getTime() - since) / 1000)))), entry.parts[i + 1]!);
  });
  return Buffer.concat(chunks);
}

/** Sentinel durations written by the serializer where the running stages' go (never a real value: those are ≥ 0). */
export const runningSentinel = (i: number): number => -(1_000_001 + i);

/** Splits a serialized body at the sentinels of {@link runningSentinel}, in order. */
export function splitAtSentinels(body: string, count: number): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const marker = `"durationSeconds":${runningSentinel(i)}`;
    const at = body.indexOf(marker, from);
    if (at < 0) throw new Error('public progress: a running stage was not found in the serialized body');
    const cut = at + marker.length - String(runningSentinel(i)).length;
    parts.push(Buffer.from(body.slice(from, cut)));
    from = at + marker.length;
  }
  parts.push(Buffer.from(body.slice(from)));
  return parts;
}
