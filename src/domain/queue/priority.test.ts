/** DB36/T 2016 §7.1.5 等候秩序, §5.2.2.1 适老化, §7.1.6.2 抢单: the priority rule and its fairness. */
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../shared/identity.ts';
import type { CounterView } from './pool.ts';
import {
  DEFAULT_PRIORITY_SETTINGS,
  PRIORITY_CLASSES,
  ageOn,
  aheadBounds,
  aheadOnTie,
  classifyTicket,
  effectivePriority,
  orderForCounter,
  pickNext,
  rankAhead,
  starvationBoundMinutes,
  type PriorityClass,
  type PrioritySettings,
  type RankedTicket,
} from './priority.ts';
import { pick, randomInt, seededRandom } from './random.ts';

const MIN = 60_000;
const now = new Date('2025-03-03T10:00:00+08:00');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN);
const S = DEFAULT_PRIORITY_SETTINGS;
const view = (weights: Record<string, number>, counterId = 'c1'): CounterView => ({ counterId, queueWeights: new Map(Object.entries(weights)) });
const anyCounter = view({ qA: 0, qB: 0, qC: 0 });

let seq = 0;
function ticket(over: Partial<RankedTicket> & { waited?: number } = {}): RankedTicket {
  seq++;
  const queuedAt = over.queuedAt ?? ago(over.waited ?? 0);
  return {
    id: over.id ?? `t${String(seq).padStart(5, '0')}`,
    queueId: over.queueId ?? 'qA',
    number: over.number ?? `A${String(seq % 1000 || 1).padStart(3, '0')}`,
    priority: over.priority ?? 'normal',
    issuedAt: over.issuedAt ?? queuedAt,
    queuedAt,
    reservedCounterId: over.reservedCounterId ?? null,
  };
}

/** An ID number (GB 11643, valid check character) born on the given date. */
function idBornOn(yyyymmdd: string): string {
  const first17 = `360102${yyyymmdd}123`;
  return first17 + residentIdCheckChar(first17)!;
}

describe('effectivePriority: class weight + queue weight + ageing × minutes waited', () => {
  it('adds up as documented', () => {
    expect(effectivePriority(ticket({ waited: 0 }), now, S)).toBe(0);
    expect(effectivePriority(ticket({ waited: 12 }), now, S)).toBe(12);
    expect(effectivePriority(ticket({ priority: 'elderly', waited: 5 }), now, S)).toBe(25);
    expect(effectivePriority(ticket({ priority: 'green_channel', waited: 0 }), now, S, 7)).toBe(67);
    expect(effectivePriority(ticket({ waited: 10 }), now, { ...S, ageingPerMinute: 2 })).toBe(20);
    // An appointment checked in before its slot queues from the slot: negative minutes.
    expect(effectivePriority(ticket({ priority: 'appointment', queuedAt: new Date(now.getTime() + 10 * MIN) }), now, S)).toBe(20);
  });

  it('the order of two tickets does not change while they wait (all age alike)', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const a = ticket({ priority: pick(rand, PRIORITY_CLASSES), waited: randomInt(rand, 0, 120) });
      const b = ticket({ priority: pick(rand, PRIORITY_CLASSES), waited: randomInt(rand, 0, 120) });
      const later = new Date(now.getTime() + randomInt(rand, 1, 240) * MIN);
      const before = Math.sign(effectivePriority(a, now, S) - effectivePriority(b, now, S));
      const after = Math.sign(effectivePriority(a, later, S) - effectivePriority(b, later, S));
      expect(after).toBe(before);
    }
  });
});

describe('fairness: nobody starves', () => {
  it('the bound is the weight spread ÷ ageing: 60 minutes by default', () => {
    expect(starvationBoundMinutes(S)).toBe(60);
    expect(starvationBoundMinutes({ ...S, ageingPerMinute: 2 })).toBe(30);
    expect(starvationBoundMinutes(S, view({ qA: 10, qB: -5 }))).toBe(75);
    expect(starvationBoundMinutes(S, view({ qA: 10 }))).toBe(70);
  });

  it('a normal ticket waiting longer than a class weight beats a newly arrived ticket of that class, and loses just below it', () => {
    for (const c of PRIORITY_CLASSES) {
      const w = S.weights[c];
      const newcomer = ticket({ priority: c, waited: 0 });
      const longWaiter = ticket({ waited: w + 0.5 });
      expect(pickNext([newcomer, longWaiter], now, S, anyCounter)).toBe(longWaiter);
      if (w > 0) {
        const shortWaiter = ticket({ waited: w - 0.5 });
        expect(pickNext([newcomer, shortWaiter], now, S, anyCounter)).toBe(newcomer);
      }
    }
  });

  it('at exactly equal effective priority, the earlier issued ticket goes first', () => {
    const normal = ticket({ waited: 30 });
    const appointment = ticket({ priority: 'appointment', waited: 0 });
    expect(effectivePriority(normal, now, S)).toBe(effectivePriority(appointment, now, S));
    expect(pickNext([appointment, normal], now, S, anyCounter)).toBe(normal);
  });

  it('property (2,000 seeded pools): the ticket called was never queued more than the bound after another it could have taken, and it is the best by effectivePriority', () => {
    const rand = seededRandom(20250303);
    let checked = 0;
    for (let round = 0; round < 2000; round++) {
      const settings: PrioritySettings = {
        ...S,
        ageingPerMinute: pick(rand, [0.5, 1, 1, 2]),
        weights: Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, c === 'normal' ? 0 : randomInt(rand, 0, 90)])) as Record<PriorityClass, number>,
      };
      const counter = view(rand() < 0.5 ? { qA: 0, qB: 0 } : { qA: randomInt(rand, -20, 20), qB: randomInt(rand, -20, 20) });
      const size = randomInt(rand, 1, 40);
      const pool = Array.from({ length: size }, () =>
        ticket({
          queueId: pick(rand, ['qA', 'qB', 'qC']),
          priority: pick(rand, PRIORITY_CLASSES),
          queuedAt: new Date(now.getTime() - Math.floor(rand() * 240 * MIN)),
          reservedCounterId: rand() < 0.1 ? pick(rand, ['c1', 'c2']) : null,
        }),
      );
      const chosen = pickNext(pool, now, settings, counter);
      const takeable = pool.filter((t) => (t.reservedCounterId ? t.reservedCounterId === 'c1' : t.queueId !== 'qC'));
      if (takeable.length === 0) {
        expect(chosen).toBeNull();
        continue;
      }
      expect(chosen).not.toBeNull();
      const bound = starvationBoundMinutes(settings, counter);
      const latest = Math.max(...takeable.map((other) => (chosen!.queuedAt.getTime() - other.queuedAt.getTime()) / MIN));
      if (latest > bound) expect({ round, latest, bound }).toBeNull();
      const score = (t: RankedTicket) => effectivePriority(t, now, settings, counter.queueWeights.get(t.queueId) ?? 0);
      if (Math.max(...takeable.map(score)) !== score(chosen!)) expect({ round, chosen }).toBeNull();
      if (orderForCounter(pool, now, settings, counter)[0] !== chosen) expect({ round, order: 'differs' }).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('property: FIFO within a class — the same class is called in the order it queued', () => {
    const rand = seededRandom(99);
    for (let round = 0; round < 300; round++) {
      const c = pick(rand, PRIORITY_CLASSES);
      const pool = Array.from({ length: randomInt(rand, 2, 30) }, () => ticket({ priority: c, waited: rand() * 200 }));
      const order = orderForCounter(pool, now, S, anyCounter);
      for (let i = 1; i < order.length; i++) expect(order[i - 1]!.queuedAt.getTime()).toBeLessThanOrEqual(order[i]!.queuedAt.getTime());
    }
  });
});

describe('ordering and ties', () => {
  it('ties by issue time, then number (A999 before A1000), then id', () => {
    const t0 = ago(5);
    const a = ticket({ id: 'x2', number: 'A1000', queuedAt: t0 });
    const b = ticket({ id: 'x3', number: 'A999', queuedAt: t0 });
    const c = ticket({ id: 'x1', number: 'A999', queuedAt: t0 });
    const d = ticket({ id: 'x0', number: 'A001', queuedAt: t0, issuedAt: ago(6) });
    expect(orderForCounter([a, b, c, d], now, S, anyCounter).map((t) => t.id)).toEqual(['x0', 'x1', 'x3', 'x2']);
  });

  it('a counter’s queue weight favours its queue by that many minutes, no more', () => {
    const counter = view({ qA: 10, qB: 0 });
    const a = ticket({ queueId: 'qA', waited: 5 });
    const b = ticket({ queueId: 'qB', waited: 14 });
    expect(pickNext([a, b], now, S, counter)).toBe(a);
    const b2 = ticket({ queueId: 'qB', waited: 16 });
    expect(pickNext([a, b2], now, S, counter)).toBe(b2);
  });

  it('takes only what the counter may take: its queues, and tickets reserved to it; null when none', () => {
    const other = ticket({ queueId: 'qZ', waited: 100 });
    const reservedElsewhere = ticket({ queueId: 'qA', waited: 90, reservedCounterId: 'c2' });
    const reservedHere = ticket({ queueId: 'qZ', waited: 1, reservedCounterId: 'c1' });
    expect(pickNext([other, reservedElsewhere], now, S, view({ qA: 0 }))).toBeNull();
    expect(pickNext([other, reservedElsewhere, reservedHere], now, S, view({ qA: 0 }))).toBe(reservedHere);
    expect(pickNext([], now, S, anyCounter)).toBeNull();
  });

  it('rankAhead counts who is called before a ticket in the neutral order', () => {
    const mine = ticket({ waited: 10 });
    const others = [ticket({ waited: 20 }), ticket({ priority: 'elderly', waited: 0 }), ticket({ waited: 5 }), mine];
    expect(rankAhead(mine, others, now, S)).toBe(2);
    expect(rankAhead(ticket({ priority: 'green_channel' }), others, now, S)).toBe(0);
  });
});

describe('aheadBounds: rankAhead as per-class bounds a database counts with', () => {
  /** rankAhead computed from the bounds, as the issuing statement does (issue.repository.ts). */
  function fromBounds(mine: RankedTicket, others: readonly RankedTicket[], at: Date, settings: PrioritySettings): number {
    const bounds = new Map(aheadBounds(mine, at, settings).map((b) => [b.priority, b]));
    let n = 0;
    for (const o of others) {
      if (o.id === mine.id) continue;
      const b = bounds.get(o.priority)!;
      const q = o.queuedAt.getTime();
      if (q < b.strictBefore || (q < b.tieBefore && aheadOnTie(o, mine))) n++;
    }
    return n;
  }

  it('counts exactly what rankAhead counts, ties and odd settings included (2,000 random halls)', () => {
    const rand = seededRandom(2024);
    const odd: PrioritySettings[] = [
      S,
      { ...S, ageingPerMinute: 0.37, weights: { ...S.weights, elderly: 17.3, appointment: 0.1 } },
      { ...S, ageingPerMinute: 3, weights: { ...S.weights, normal: -5, green_channel: 600 } },
    ];
    let ties = 0;
    for (let round = 0; round < 2000; round++) {
      const settings = pick(rand, odd);
      // Whole seconds, or the same few milliseconds, so that equal effective priorities happen.
      const when = () => (rand() < 0.3 ? new Date(now.getTime() - randomInt(rand, 0, 3)) : ago(randomInt(rand, 0, 120) + pick(rand, [0, 0.5, 0.25, 1 / 3])));
      const others = Array.from({ length: randomInt(rand, 0, 30) }, () => {
        const queuedAt = when();
        return ticket({ priority: pick(rand, PRIORITY_CLASSES), queuedAt, issuedAt: rand() < 0.5 ? queuedAt : when(), number: `A${String(randomInt(rand, 1, 40)).padStart(3, '0')}` });
      });
      const queuedAt = rand() < 0.5 ? now : when();
      const mine = ticket({ priority: pick(rand, PRIORITY_CLASSES), queuedAt, issuedAt: now, number: 'A041' });
      const at = new Date(now.getTime() + randomInt(rand, 0, 600_000));
      expect(fromBounds(mine, others, at, settings)).toBe(rankAhead(mine, others, at, settings));
      ties += others.filter((o) => effectivePriority(o, at, settings) === effectivePriority(mine, at, settings)).length;
    }
    expect(ties).toBeGreaterThan(50);
  });

  it('the tie range holds the tickets of equal effective priority only: a normal ticket queued 20 minutes before an elderly one ties with it', () => {
    const mine = ticket({ priority: 'elderly', queuedAt: now });
    const b = aheadBounds(mine, now, S).find((x) => x.priority === 'normal')!;
    expect(b.strictBefore).toBe(now.getTime() - 20 * MIN);
    expect(b.tieBefore).toBe(now.getTime() - 20 * MIN + 1);
    const green = aheadBounds(mine, now, S).find((x) => x.priority === 'green_channel')!;
    expect(green.strictBefore).toBe(now.getTime() + 40 * MIN);
  });
});

describe('classification: which class a new ticket gets', () => {
  it('§5.2.2.1 elderly from the ID number’s birth date: 60 on the birthday (Shanghai date), not the day before', () => {
    const id = idBornOn('19650303');
    expect(classifyTicket({ idNumber: id }, new Date('2025-03-03T00:00:00+08:00'), S).priority).toBe('elderly');
    expect(classifyTicket({ idNumber: id }, new Date('2025-03-02T23:59:59+08:00'), S).priority).toBe('normal');
    // 2025-03-02T16:30Z is already 3 March in Shanghai.
    expect(classifyTicket({ idNumber: id }, new Date('2025-03-02T16:30:00Z'), S).priority).toBe('elderly');
    expect(classifyTicket({ idNumber: id }, now, { ...S, elderlyAge: 65 }).priority).toBe('normal');
  });

  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn({ year: 1964, month: 2, day: 29 }, new Date('2025-02-28T12:00:00+08:00'))).toBe(60);
    expect(ageOn({ year: 1964, month: 2, day: 29 }, new Date('2024-02-28T12:00:00+08:00'))).toBe(59);
    expect(ageOn({ year: 1964, month: 2, day: 29 }, new Date('2024-02-29T12:00:00+08:00'))).toBe(60);
    expect(ageOn({ year: 1965, month: 2, day: 28 }, new Date('2025-02-28T12:00:00+08:00'))).toBe(60);
  });

  it('elderly also by a declared age or a declaration; an ID number without a real birth date decides nothing', () => {
    expect(classifyTicket({ declaredAge: 72 }, now, S).priority).toBe('elderly');
    expect(classifyTicket({ declaredAge: 59 }, now, S).priority).toBe('normal');
    expect(classifyTicket({ declared: ['elderly'] }, now, S).priority).toBe('elderly');
    expect(classifyTicket({ idNumber: '360102196513401234' }, now, S).priority).toBe('normal');
  });

  it('the heaviest applicable class wins; equal weights keep the more specific class; weight 0 still labels', () => {
    const c = classifyTicket({ declared: ['disability', 'military'], idNumber: idBornOn('19500101') }, now, S);
    expect(c.priority).toBe('military');
    expect(c.applicable).toEqual(['military', 'disability', 'elderly', 'normal']);
    expect(classifyTicket({ declared: ['green_channel', 'pregnancy'] }, now, S).priority).toBe('green_channel');
    const zero = { ...S, weights: { ...S.weights, elderly: 0 } };
    expect(classifyTicket({ declaredAge: 80 }, now, zero).priority).toBe('elderly');
    // Declaring `appointment` or `normal` means nothing without a slot.
    expect(classifyTicket({ declared: ['appointment', 'normal'] }, now, S).priority).toBe('normal');
  });

  it('an appointment on time queues from its slot start; up to the tolerance late too; later it is an ordinary ticket queued now', () => {
    const slot = new Date('2025-03-03T10:00:00+08:00');
    const early = classifyTicket({ appointmentSlotStart: slot }, new Date('2025-03-03T09:40:00+08:00'), S);
    expect(early).toMatchObject({ priority: 'appointment', queuedAt: slot });
    const late = classifyTicket({ appointmentSlotStart: slot }, new Date('2025-03-03T10:15:00+08:00'), S);
    expect(late).toMatchObject({ priority: 'appointment', queuedAt: slot });
    const tooLate = new Date('2025-03-03T10:15:01+08:00');
    expect(classifyTicket({ appointmentSlotStart: slot }, tooLate, S)).toMatchObject({ priority: 'normal', queuedAt: tooLate });
    // Too late for the slot, but elderly: the elderly class, queued now.
    expect(classifyTicket({ appointmentSlotStart: slot, declaredAge: 70 }, tooLate, S)).toMatchObject({ priority: 'elderly', queuedAt: tooLate });
  });

  it('an appointment on time is served within its slot tolerance in an ordinary hall (and would not be without its weight)', () => {
    // One counter serving one citizen every 6 minutes; walk-ins every 4 minutes from 09:00, so by
    // 10:00 the walk-in wait has grown to about 20 minutes, still under the 30-minute head start.
    const slot = new Date('2025-03-03T10:00:00+08:00');
    const at = (h: number, m: number) => new Date(`2025-03-03T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
    const calledAt = (settings: PrioritySettings): Date | null => {
      const waiting: RankedTicket[] = [];
      for (let m = 0; m < 120; m += 4) waiting.push(ticket({ queuedAt: at(9 + Math.floor(m / 60), m % 60) }));
      const { priority, queuedAt } = classifyTicket({ appointmentSlotStart: slot }, at(9, 55), settings);
      waiting.push(ticket({ id: 'appt', priority, queuedAt, issuedAt: at(9, 55) }));
      for (let t = at(9, 0).getTime(); t <= at(11, 30).getTime(); t += 6 * MIN) {
        const present = waiting.filter((w) => w.issuedAt.getTime() <= t);
        const next = pickNext(present, new Date(t), settings, view({ qA: 0 }));
        if (!next) continue;
        waiting.splice(waiting.indexOf(next), 1);
        if (next.id === 'appt') return new Date(t);
      }
      return null;
    };
    const deadline = slot.getTime() + S.appointmentLateMinutes * MIN;
    const withWeight = calledAt(S);
    expect(withWeight).not.toBeNull();
    expect(withWeight!.getTime()).toBeGreaterThanOrEqual(slot.getTime());
    expect(withWeight!.getTime()).toBeLessThanOrEqual(deadline);
    const withoutWeight = calledAt({ ...S, weights: { ...S.weights, appointment: 0 } });
    expect(withoutWeight!.getTime()).toBeGreaterThan(deadline);
  });
});
