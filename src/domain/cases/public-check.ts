/**
 * The public progress query (DB36/T 2016 §8.1.2.1: 办事过程信息 … 接受查询) is guarded
 * against guessing: a case number is predictable (code, date, sequence), so the query
 * also asks for the last four digits of the applicant's phone (10,000 codes), and failed
 * checks are counted with the login throttle's rules (accounts/login-throttle.ts). A
 * wrong check and an unknown case number fail alike (CASE_CHECK_FAILED), so the answer
 * never says which exists.
 *
 * Three counters, so that guessing stays bounded while the right code keeps working for
 * the applicant even when others behind the same address (a proxy: every citizen then
 * shares one) or against the same case number fail:
 *
 * - Per (address, case number) — the only hard lock: 5 failures within 15 minutes lock
 *   that pair for 15 minutes; it is answered 429 with Retry-After, right code or not.
 * - Per case number, over all addresses — an alarm: from 10 failures within 24 hours the
 *   case is under attack for 24 hours, and while it is, ONE failure locks its pair for 24
 *   hours. A pair that has not failed is not touched: the applicant typing the right
 *   code still gets 200.
 * - Per address, over all case numbers — an alarm: from 20 failures within 15 minutes,
 *   for 15 minutes, one failure locks its pair (for 15 minutes): a scanner of many case
 *   numbers gets one try each; the other citizens behind the address are not refused.
 *
 * The bound per case number: at most 9 failures before its alarm (the pairs' own locks
 * come at 5), then one per distinct address per 24 hours. Trying even half of the 10,000
 * codes needs about 5,000 address-days (an IPv6 address counts by its /64 prefix, which
 * one subscriber gets whole): with 100 addresses the chance of a hit is about 1 % a
 * day, and every try is a row in the throttle table. Locking the case for every address
 * would bound it harder but let anyone lock any applicant out of their own query, which
 * is what this arrangement avoids.
 */
import { checkThrottle, recordFailure, type ThrottlePolicy, type ThrottleState } from '../accounts/login-throttle.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Per (address, case number): 5 failures in 15 minutes lock the pair for 15 minutes. */
export const CHECK_POLICY_PER_PAIR: ThrottlePolicy = { windowMs: 15 * MINUTE, slowAfter: Number.POSITIVE_INFINITY, lockAfter: 5, lockMs: 15 * MINUTE, maxDelayMs: 0 };

/** Per pair while its case is under attack: one failure locks the pair for 24 hours. */
export const CHECK_POLICY_PER_PAIR_CASE_ALARM: ThrottlePolicy = { windowMs: DAY, slowAfter: Number.POSITIVE_INFINITY, lockAfter: 1, lockMs: DAY, maxDelayMs: 0 };

/** Per pair while its address is in alarm: one failure locks the pair for 15 minutes. */
export const CHECK_POLICY_PER_PAIR_ADDRESS_ALARM: ThrottlePolicy = { windowMs: 15 * MINUTE, slowAfter: Number.POSITIVE_INFINITY, lockAfter: 1, lockMs: 15 * MINUTE, maxDelayMs: 0 };

/** Per case number (any address): 10 failures in 24 hours put the case under attack for 24 hours (its "lock" is the alarm). */
export const CHECK_ALARM_PER_CASE: ThrottlePolicy = { windowMs: DAY, slowAfter: Number.POSITIVE_INFINITY, lockAfter: 10, lockMs: DAY, maxDelayMs: 0 };

/** Per address (any case number): 20 failures in 15 minutes put the address in alarm for 15 minutes. */
export const CHECK_ALARM_PER_ADDRESS: ThrottlePolicy = { windowMs: 15 * MINUTE, slowAfter: Number.POSITIVE_INFINITY, lockAfter: 20, lockMs: 15 * MINUTE, maxDelayMs: 0 };

/** How long after its last failure a counter can still matter (the longest window or lock). */
export const CHECK_MEMORY_MS = DAY;

/** A four-digit check code. */
export function isCheckCodeShape(value: string): boolean {
  return /^\d{4}$/.test(value);
}

/**
 * The address as counted: IPv4 as it is (also when mapped into IPv6), IPv6 by its /64
 * prefix (a subscriber's whole network; counting single IPv6 addresses would give one
 * attacker billions of them).
 */
export function countedAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The throttle's keys of one query. */
export interface CheckKeys {
  readonly pair: string;
  readonly address: string;
  readonly caseNumber: string;
}

export function checkKeys(ip: string, caseNumber: string): CheckKeys {
  const address = countedAddress(ip);
  return { pair: `pair:${address}|${caseNumber}`, address: `ip:${address}`, caseNumber: `case:${caseNumber}` };
}

export interface CheckCounters {
  readonly pair: ThrottleState | null;
  readonly address: ThrottleState | null;
  readonly caseNumber: ThrottleState | null;
}

/** Until when the pair is refused (429, right code or not), or null. Only the pair's own lock refuses. */
export function pairLockedUntil(counters: CheckCounters, now: Date): Date | null {
  const verdict = checkThrottle(counters.pair, now, CHECK_POLICY_PER_PAIR);
  return verdict.locked ? verdict.until : null;
}

/** An alarm counter after one more failure: an alarm once raised lasts its full time. */
function alarmAfterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const next = recordFailure(state, now, policy);
  const raised = state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
  return raised && (!next.lockedUntil || next.lockedUntil < raised) ? { ...next, lockedUntil: raised } : next;
}

/** The three counters after one more failed check at `now`. */
export function countersAfterFailure(counters: CheckCounters, now: Date): { pair: ThrottleState; address: ThrottleState; caseNumber: ThrottleState } {
  const caseNumber = alarmAfterFailure(counters.caseNumber, now, CHECK_ALARM_PER_CASE);
  const address = alarmAfterFailure(counters.address, now, CHECK_ALARM_PER_ADDRESS);
  const policy = caseNumber.lockedUntil ? CHECK_POLICY_PER_PAIR_CASE_ALARM : address.lockedUntil ? CHECK_POLICY_PER_PAIR_ADDRESS_ALARM : CHECK_POLICY_PER_PAIR;
  return { pair: recordFailure(counters.pair, now, policy), address, caseNumber };
}
