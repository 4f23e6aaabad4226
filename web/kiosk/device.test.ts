/**
 * A kiosk tap that loses its answer (no connection, a gateway error) is sent again with
 * the same request id, and the server answers the ticket it issued the first time
 * (src/modules/queue/issue-replay.ts, tested in issue.test.ts); a refusal is never sent
 * again. The fetch here is scripted: what is tested is the kiosk's side.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRequestId } from '../shared/public-queue.ts';
import { answerLost, issueAsKiosk } from './device.ts';
import { ApiError } from '../shared/api.ts';

const device = { id: 'd', name: '一楼取号机', centreId: 'c' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('request ids (§7.1.5 one number per tap)', () => {
  it('are version-4 UUIDs the server accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRequestId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('a lost answer is a network failure or a gateway error; a refusal is not', () => {
    expect([0, 502, 503, 504].map((s) => answerLost(new ApiError(s, 'X', 'x')))).toEqual([true, true, true, true]);
    expect([400, 401, 409, 422, 429, 500].map((s) => answerLost(new ApiError(s, 'X', 'x')))).toEqual([false, false, false, false, false, false]);
  });

  it('sends the same request again after a lost answer and returns the ticket', async () => {
    const bodies: string[] = [];
    const replies = [() => Promise.reject(new TypeError('Failed to fetch')), () => Promise.resolve(json(504, {})), () => Promise.resolve(json(201, { id: 'x', number: 'A001' }))];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return replies[bodies.length - 1]!();
    });
    const waits: number[] = [];
    const ticket = await issueAsKiosk(device, { queueId: 'q' }, (ms) => (waits.push(ms), Promise.resolve()));
    expect(ticket).toMatchObject({ number: 'A001' });
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ queueId: 'q', source: 'kiosk', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(waits).toEqual([500, 1_500]);
  });

  it('gives up after two resends, and never resends a refusal', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', () => (calls++, Promise.reject(new TypeError('Failed to fetch'))));
    await expect(issueAsKiosk(device, { queueId: 'q' }, () => Promise.resolve())).rejects.toMatchObject({ status: 0 });
    expect(calls).toBe(3);
    calls = 0;
    vi.stubGlobal('fetch', () => (calls++, Promise.resolve(json(422, { error: { code: 'QUEUE_QUOTA_SPENT', message: '今日号源已发完', fields: [] } }))));
    await expect(issueAsKiosk(device, { queueId: 'q' }, () => Promise.resolve())).rejects.toMatchObject({ status: 422 });
    expect(calls).toBe(1);
  });
});
