/** Issue 4: "accuracy measured against a simulated day and reported". */
import { describe, expect, it } from 'vitest';
import { sampleDay, simulateDay, type SimConfig } from './simulate-day.ts';

const SEEDS = [1, 2, 3, 4, 5];
const reports = SEEDS.map((seed) => simulateDay(sampleDay(seed)));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Expected arrivals of a configuration: Σ rate × hours, the last figure holding until issuing ends. */
function expectedArrivals(config: SimConfig): number {
  const [oh, om] = config.opensAt.split(':').map(Number);
  const [eh, em] = config.issuingEndsAt.split(':').map(Number);
  const hours = (eh! * 60 + em! - (oh! * 60 + om!)) / 60;
  let total = 0;
  for (const q of config.queues) {
    for (let h = 0; h < hours; h++) total += (q.arrivalsPerHour[Math.min(h, q.arrivalsPerHour.length - 1)] ?? 0) * Math.min(1, hours - h);
  }
  return total;
}

describe('simulateDay is deterministic', () => {
  it('same configuration, same report; another seed, another day', () => {
    expect(simulateDay(sampleDay(42))).toEqual(simulateDay(sampleDay(42)));
    const [a, b] = [simulateDay(sampleDay(1)), simulateDay(sampleDay(2))];
    expect([a.tickets, a.estimate.meanAbsoluteErrorMinutes]).not.toEqual([b.tickets, b.estimate.meanAbsoluteErrorMinutes]);
  });
});

describe('the simulated day is a plausible day', () => {
  it('arrivals match the configured rates within four standard deviations', () => {
    const expected = expectedArrivals(sampleDay(1));
    expect(expected).toBeCloseTo(55 * 7.35, 6);
    for (const r of reports) expect(Math.abs(r.tickets - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('everyone who took a number is called: served + no-shows = tickets; no-shows near the 3 % configured', () => {
    for (const r of reports) {
      expect(r.served + r.noShows).toBe(r.tickets);
      expect(r.noShows / r.tickets).toBeLessThan(0.08);
      expect(r.lastCallAt).not.toBeNull();
    }
  });

  it('an empty day reports zeros', () => {
    const r = simulateDay({ ...sampleDay(1), queues: sampleDay(1).queues.map((q) => ({ ...q, arrivalsPerHour: [0] })) });
    expect(r).toMatchObject({ tickets: 0, served: 0, meanWaitMinutes: 0, maxWaitMinutes: 0, lastCallAt: null, maxOvertakeMinutes: 0 });
    expect(r.estimate).toEqual({ tickets: 0, meanAbsoluteErrorMinutes: 0, within5MinutesShare: 0, meanErrorMinutes: 0, meanWaitMinutes: 0 });
  });
});

describe('the estimate’s accuracy is sensible', () => {
  it('it carries information: its mean absolute error is below the mean wait (what "0 minutes" would score)', () => {
    for (const r of reports) {
      expect(r.estimate.tickets).toBe(r.tickets);
      expect(r.estimate.meanAbsoluteErrorMinutes).toBeGreaterThan(0);
      expect(r.estimate.meanAbsoluteErrorMinutes).toBeLessThan(r.estimate.meanWaitMinutes);
      expect(r.estimate.within5MinutesShare).toBeGreaterThan(0.75);
      expect(r.estimate.within5MinutesShare).toBeLessThanOrEqual(1);
    }
  });

  it('the plain formula runs short (it forgets the citizens at the counters); counting busy counters removes most of the bias', () => {
    expect(mean(reports.map((r) => r.plainFormula.meanErrorMinutes))).toBeLessThan(-0.5);
    expect(Math.abs(mean(reports.map((r) => r.estimate.meanErrorMinutes)))).toBeLessThan(0.5);
    expect(mean(reports.map((r) => r.estimate.meanAbsoluteErrorMinutes))).toBeLessThan(mean(reports.map((r) => r.plainFormula.meanAbsoluteErrorMinutes)));
  });

  it('a busier day is harder to predict', () => {
    const mae = (load: number) => mean([1, 2, 3].map((seed) => simulateDay(sampleDay(seed, load)).estimate.meanAbsoluteErrorMinutes));
    expect(mae(1.3)).toBeGreaterThan(mae(0.8));
  });

  it('per-queue figures add up to the whole', () => {
    for (const r of reports) expect(r.byQueue.reduce((n, q) => n + q.tickets, 0)).toBe(r.estimate.tickets);
  });
});

describe('the rules hold over a whole day', () => {
  it('nobody is overtaken by someone queued more than the fairness bound later (priority.ts)', () => {
    for (const load of [1, 1.3]) {
      for (const seed of SEEDS) {
        const r = simulateDay(sampleDay(seed, load));
        expect(r.starvationBoundMinutes).toBe(60);
        expect(r.maxOvertakeMinutes).toBeLessThanOrEqual(r.starvationBoundMinutes);
      }
    }
  });

  it('priority tickets wait less than ordinary ones on a busy day', () => {
    const busy = SEEDS.map((seed) => simulateDay(sampleDay(seed, 1.15)));
    const waitOf = (cls: string) => mean(busy.map((r) => r.byClass.find((c) => c.priority === cls)?.meanWaitMinutes ?? 0));
    expect(waitOf('elderly')).toBeLessThan(waitOf('normal'));
  });

  it('one queue, one class: strictly first come, first served (nobody overtaken)', () => {
    const day: SimConfig = {
      ...sampleDay(7),
      queues: [{ id: 'q', prefix: 'A', pool: 'comprehensive', areaName: null, arrivalsPerHour: [14], meanServiceMinutes: 8 }],
      counters: [{ id: 'c', kind: 'comprehensive', areaName: null }, { id: 'd', kind: 'comprehensive', areaName: null }],
    };
    const r = simulateDay(day);
    expect(r.tickets).toBeGreaterThan(50);
    expect(r.maxOvertakeMinutes).toBeLessThanOrEqual(0);
    expect(r.byClass.map((c) => c.priority)).toEqual(['normal']);
  });
});
