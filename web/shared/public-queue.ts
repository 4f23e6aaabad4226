/**
 * What the kiosk (自助取号机) and the portal's mobile ticket (手机取号, 我的排号) read and
 * send, per docs/queue-api.md, and the helpers both share: the masked echo of a phone
 * or ID number while it is typed, the priority classes a citizen may declare and the
 * Chinese wording of a ticket's state. DB36/T 2016 §5.2.2, §5.2.2.1, §6.2, §7.1.5.
 */
import { isValidResidentId } from '../../src/domain/shared/identity.ts';
import { maskIdNumber, maskPhone } from '../../src/domain/shared/privacy.ts';
import type { TicketStatus } from '../../src/domain/queue/ticket-states.ts';
import type { KioskView, PublicTicket } from '../../src/modules/queue/display.schemas.ts';
import type { IssueBody, IssueResult, PublicIssueBody } from '../../src/modules/queue/ticket.schemas.ts';
import { api } from './api.ts';

export type { TicketStatus };

/**
 * `GET /api/v1/public/centres/{centreId}/kiosk`: what a kiosk or a phone offers now —
 * queues with their waiting, whether they issue and why not (outside the issuing
 * windows, quota spent, with when issuing opens next), and the items by department.
 * Types come from the server's schemas (type-only: no server code reaches the bundle).
 */
export type KioskInfo = KioskView;
export type KioskQueue = KioskView['queues'][number];
export type KioskDepartment = KioskView['departments'][number];
export type KioskItem = KioskDepartment['items'][number];
/** The 201 answer of issuing: the ticket with people ahead, estimate and its status page. */
export type IssuedTicket = IssueResult;
/** `GET /api/v1/public/tickets/{id}`: a ticket's live state, for its holder. */
export type { PublicTicket };

/** Priority classes a citizen may declare (§5.2.2.1 适老化; the green channel is the centre's to grant). */
export const DECLARABLE_PRIORITIES = [
  { value: 'elderly', label: '老年人' },
  { value: 'disability', label: '残疾人' },
  { value: 'pregnancy', label: '孕妇' },
  { value: 'military', label: '军人' },
] as const;
export type DeclaredPriority = (typeof DECLARABLE_PRIORITIES)[number]['value'];

/** What the kiosk sends (`POST /api/v1/centres/{centreId}/tickets`, device session). */
export type KioskIssueBody = Pick<IssueBody, 'queueId' | 'itemId' | 'phone' | 'idNumber' | 'requestId'> & { readonly source: 'kiosk'; readonly priority?: DeclaredPriority };

/**
 * A request id for issuing (a version-4 UUID): the server makes it the ticket's id, so a
 * request sent again after a lost answer is answered the same ticket. Built from
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on a kiosk
 * served over plain http inside the hall's network.
 */
export function newRequestId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** What a phone sends (`POST /api/v1/public/centres/{centreId}/tickets`): no source, no declared priority. */
export type MobileIssueBody = PublicIssueBody;

export const kioskInfoPath = (centreId: string) => `/api/v1/public/centres/${centreId}/kiosk`;
export const publicTicketPath = (ticketId: string) => `/api/v1/public/tickets/${ticketId}`;
/** The live status page of a ticket, the target of its QR code. */
export const ticketStatusPagePath = (ticketId: string) => `/portal/tickets/${ticketId}`;

export function loadKioskInfo(centreId: string): Promise<KioskInfo> {
  return api.get<KioskInfo>(kioskInfoPath(centreId));
}

/** The absolute address of the ticket's status page, for its QR code. */
export function statusUrl(ticket: Pick<IssuedTicket, 'id' | 'statusPath'> & { readonly statusUrl?: string | undefined }, origin = window.location.origin): string {
  if (ticket.statusUrl) return ticket.statusUrl;
  const path = ticket.statusPath || ticketStatusPagePath(ticket.id);
  return /^https?:\/\//.test(path) ? path : `${origin}${path}`;
}

/** "请 A012 号到 5 号窗口办理" for a called ticket. */
export function callText(t: Pick<PublicTicket, 'number' | 'counterNumber' | 'counterName'>): string {
  if (!t.counterNumber) return `请 ${t.number} 号到窗口办理`;
  return `请 ${t.number} 号到 ${t.counterNumber} 号窗口${t.counterName ? `（${t.counterName}）` : ''}办理`;
}

/** Digits only; the last character of an ID number may be X. */
export function cleanPhone(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 11);
}

export function cleanIdNumber(raw: string): string {
  let out = '';
  for (const c of raw.toUpperCase()) {
    if (out.length >= 18) break;
    // X only as the 18th character (GB 11643 check character).
    if (/\d/.test(c) || (c === 'X' && out.length === 17)) out += c;
  }
  return out;
}

/**
 * The masked echo of a phone while it is typed (personal data is never shown in full
 * on a public screen): the 4th to 7th digits are starred as they come, so the whole
 * number reads like {@link maskPhone}.
 */
export function echoPhone(value: string): string {
  if (value.length === 11) return maskPhone(value);
  return Array.from(value, (c, i) => (i >= 3 && i < 7 ? '*' : c)).join('');
}

/** The masked echo of an ID number: the first 4 and the last 4 of 18 characters, like {@link maskIdNumber}. */
export function echoIdNumber(value: string): string {
  if (value.length === 18) return maskIdNumber(value);
  return Array.from(value, (c, i) => (i < 4 || i >= 14 ? c : '*')).join('');
}

export function phoneProblem(value: string, required: boolean): string | null {
  if (!value) return required ? '请填写手机号码，用于到号提醒' : null;
  return /^1[3-9]\d{9}$/.test(value) ? null : '手机号码应为 11 位，以 1 开头';
}

export function idNumberProblem(value: string): string | null {
  if (!value) return null;
  if (value.length !== 18) return '身份证号码应为 18 位';
  return isValidResidentId(value) ? null : '身份证号码有误，请核对（最后一位可能是 X）';
}

/** "约 12 分钟" — the server's own wording when it gives one. */
export function waitText(t: Pick<IssuedTicket, 'estimateText' | 'estimatedWaitMinutes'>): string {
  if (t.estimateText) return t.estimateText;
  return t.estimatedWaitMinutes === null ? '暂无法估算' : `约 ${t.estimatedWaitMinutes} 分钟`;
}

/** 2026-03-10T09:15:00Z → "2026-03-10 17:15" in the centre's time zone. */
export function shanghaiTime(iso: string, withDate = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  return withDate ? `${get('year')}-${get('month')}-${get('day')} ${time}` : time;
}
