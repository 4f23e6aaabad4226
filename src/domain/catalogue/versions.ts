/**
 * Versions of an item's guide and their publication (DB36/T 2016 §7.3.2.2):
 * draft → submitted → legality review (§7.3.2.2c 清单发布前应经…合法性审查) →
 * published, or back to draft when rejected; published → withdrawn.
 *
 * A version that has left the draft state never changes: editing a published item
 * starts a new draft version. The one source of truth (§7.3.2.1) is the version
 * {@link currentPublished} picks.
 */
import { AppError } from '../shared/errors.ts';
import { assertPublishable, type ItemGuide } from './guide.ts';
import { materialKey, nameKey } from './text.ts';

export type VersionStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';
export type VersionAction = 'submit' | 'approve' | 'reject' | 'withdraw';

export const VERSION_STATUS_LABELS: Readonly<Record<VersionStatus, string>> = {
  draft: '草稿',
  submitted: '待审查',
  published: '已发布',
  withdrawn: '已撤回',
};

export const VERSION_ACTION_LABELS: Readonly<Record<VersionAction, string>> = {
  submit: '提交审查',
  approve: '审查通过并发布',
  reject: '审查退回',
  withdraw: '撤回',
};

/** THE transition table of item versions: each action, the one state it leaves and the one it enters. */
export const VERSION_TRANSITIONS: Readonly<Record<VersionAction, { readonly from: VersionStatus; readonly to: VersionStatus }>> = {
  submit: { from: 'draft', to: 'submitted' },
  approve: { from: 'submitted', to: 'published' },
  reject: { from: 'submitted', to: 'draft' },
  withdraw: { from: 'published', to: 'withdrawn' },
};

/** §7.3.2.2c: the legality review, recorded with its reviewer and opinion. */
export interface LegalityReview {
  readonly decision: 'approved' | 'rejected';
  readonly reviewer: string;
  readonly opinion: string;
  readonly at: Date;
}

export interface ItemVersionState {
  readonly number: number;
  readonly status: VersionStatus;
  readonly submittedBy: string | null;
  readonly submittedAt: Date | null;
  /** The latest review; a rejected draft keeps it so the author sees the opinion. */
  readonly review: LegalityReview | null;
  /** `YYYY-MM-DD` (Asia/Shanghai) from which the published version applies. */
  readonly effectiveOn: string | null;
  readonly publishedAt: Date | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawReason: string | null;
}

export type VersionCommand =
  | { readonly action: 'submit'; readonly actor: string; readonly at: Date; readonly guide: ItemGuide }
  | {
      readonly action: 'approve';
      readonly reviewer: string;
      readonly opinion: string;
      readonly at: Date;
      readonly guide: ItemGuide;
      /** `YYYY-MM-DD`; not before `today`. */
      readonly effectiveOn: string;
      /** Today's date in the centre's time zone, `YYYY-MM-DD` (the clock is the caller's). */
      readonly today: string;
    }
  | { readonly action: 'reject'; readonly reviewer: string; readonly opinion: string; readonly at: Date }
  | { readonly action: 'withdraw'; readonly actor: string; readonly at: Date; readonly reason?: string | null };

/** A new, empty draft with the given number. */
export function newDraft(number: number): ItemVersionState {
  return { number, status: 'draft', submittedBy: null, submittedAt: null, review: null, effectiveOn: null, publishedAt: null, withdrawnAt: null, withdrawReason: null };
}

function transitionError(from: VersionStatus, action: VersionAction): AppError {
  const to = VERSION_TRANSITIONS[action].to;
  return new AppError('ITEM_VERSION_TRANSITION_INVALID', {
    message: `版本状态为“${VERSION_STATUS_LABELS[from]}”，不能${VERSION_ACTION_LABELS[action]}（转为“${VERSION_STATUS_LABELS[to]}”）`,
    fields: [{ path: '/status', code: 'ITEM_VERSION_TRANSITION_INVALID', message: `不能从“${VERSION_STATUS_LABELS[from]}”转为“${VERSION_STATUS_LABELS[to]}”` }],
    details: { from, to, action },
  });
}

/** Whether the table allows `action` from `status`. */
export function canApply(status: VersionStatus, action: VersionAction): boolean {
  return VERSION_TRANSITIONS[action].from === status;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function requireReview(reviewer: string, opinion: string): void {
  const fields = [];
  if (!reviewer.trim()) fields.push({ path: '/reviewer', code: 'ITEM_REVIEW_INCOMPLETE', message: '须记录合法性审查人（DB36/T 2016 §7.3.2.2c）' });
  if (!opinion.trim()) fields.push({ path: '/opinion', code: 'ITEM_REVIEW_INCOMPLETE', message: '须填写合法性审查意见（DB36/T 2016 §7.3.2.2c）' });
  if (fields.length > 0) throw new AppError('ITEM_REVIEW_INCOMPLETE', { fields });
}

/**
 * Applies one action of {@link VERSION_TRANSITIONS}; throws ITEM_VERSION_TRANSITION_INVALID
 * (details `{from, to, action}`) when the table does not allow it. Submitting and
 * approving both require a publishable guide (§7.3.3.3, see `assertPublishable`).
 */
export function applyVersionCommand(state: ItemVersionState, command: VersionCommand): ItemVersionState {
  if (!canApply(state.status, command.action)) throw transitionError(state.status, command.action);
  const to = VERSION_TRANSITIONS[command.action].to;
  switch (command.action) {
    case 'submit':
      assertPublishable(command.guide);
      return { ...state, status: to, submittedBy: command.actor, submittedAt: command.at };
    case 'approve': {
      requireReview(command.reviewer, command.opinion);
      if (!isIsoDate(command.effectiveOn) || !isIsoDate(command.today) || command.effectiveOn < command.today) {
        throw new AppError('ITEM_EFFECTIVE_DATE_INVALID', {
          message: `生效日期应为不早于今天（${command.today}）的 YYYY-MM-DD 日期`,
          fields: [{ path: '/effectiveOn', code: 'ITEM_EFFECTIVE_DATE_INVALID', message: `生效日期“${command.effectiveOn}”不正确或早于今天` }],
        });
      }
      assertPublishable(command.guide);
      const review: LegalityReview = { decision: 'approved', reviewer: command.reviewer.trim(), opinion: command.opinion.trim(), at: command.at };
      return { ...state, status: to, review, effectiveOn: command.effectiveOn, publishedAt: command.at };
    }
    case 'reject': {
      requireReview(command.reviewer, command.opinion);
      const review: LegalityReview = { decision: 'rejected', reviewer: command.reviewer.trim(), opinion: command.opinion.trim(), at: command.at };
      return { ...state, status: to, review, submittedAt: null, submittedBy: null };
    }
    case 'withdraw':
      return { ...state, status: to, withdrawnAt: command.at, withdrawReason: command.reason?.trim() || null };
  }
}

/** Only a draft is edited in place; anything else is fixed (a published version never changes). */
export function assertEditable(status: VersionStatus): void {
  if (status !== 'draft') {
    throw new AppError('ITEM_VERSION_IMMUTABLE', {
      message: `版本状态为“${VERSION_STATUS_LABELS[status]}”，不能修改${status === 'published' ? '，请新建草稿版本' : ''}`,
      details: { status },
    });
  }
}

/**
 * The number of a new draft after the given versions; refuses (ITEM_DRAFT_EXISTS) while
 * a draft or a version under review is open, so that one item has one line of edits.
 */
export function nextDraftNumber(versions: readonly Pick<ItemVersionState, 'number' | 'status'>[]): number {
  const open = versions.find((v) => v.status === 'draft' || v.status === 'submitted');
  if (open) {
    throw new AppError('ITEM_DRAFT_EXISTS', { message: `该事项已有未发布的版本（第 ${open.number} 版，${VERSION_STATUS_LABELS[open.status]}）`, details: { number: open.number } });
  }
  return versions.reduce((max, v) => Math.max(max, v.number), 0) + 1;
}

/**
 * §7.3.2.1 one source of truth: the version that applies on `today` — of the versions
 * ever published whose effective date has come, the latest effective (then the highest
 * number). When that one is withdrawn the item has no current version.
 */
export function currentPublished<V extends Pick<ItemVersionState, 'number' | 'status' | 'effectiveOn'>>(versions: readonly V[], today: string): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if ((v.status !== 'published' && v.status !== 'withdrawn') || v.effectiveOn === null || v.effectiveOn > today) continue;
    if (!best || v.effectiveOn > best.effectiveOn! || (v.effectiveOn === best.effectiveOn && v.number > best.number)) best = v;
  }
  return best?.status === 'published' ? best : undefined;
}

// ---------------------------------------------------------------- diff

export interface GuideChange {
  /** JSON pointer; materials are addressed by name: `/materials/居民身份证/copies`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!same(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** RFC 6901 escaping of one path segment. */
function segment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function kindOf(before: unknown, after: unknown): GuideChange['kind'] {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return 'changed';
}

function diffValue(path: string, a: unknown, b: unknown, out: GuideChange[]): void {
  if (same(a, b)) return;
  if (path === '/materials' && Array.isArray(a) && Array.isArray(b)) return diffMaterials(a, b, out);
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) diffValue(`${path}/${segment(k)}`, a[k], b[k], out);
    return;
  }
  // Lists of objects (process steps) go element by element; lists of codes are one value.
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every(isObject)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValue(`${path}/${i}`, a[i], b[i], out);
    return;
  }
  out.push({ path, kind: kindOf(a, b), before: a, after: b });
}

/** Materials are matched by normalised name and issuing body, so a reordering is no change. */
function diffMaterials(a: readonly unknown[], b: readonly unknown[], out: GuideChange[]): void {
  const fields = (m: unknown) => ({
    name: isObject(m) && typeof m.name === 'string' ? m.name : '',
    body: isObject(m) && typeof m.issuingBody === 'string' ? m.issuingBody : null,
  });
  // A name issued by two bodies is addressed as `名称（出具机构）` so that paths stay unique.
  const bodiesByName = new Map<string, Set<string>>();
  for (const m of [...a, ...b]) {
    const { name, body } = fields(m);
    const set = bodiesByName.get(nameKey(name)) ?? new Set<string>();
    set.add(nameKey(body ?? ''));
    bodiesByName.set(nameKey(name), set);
  }
  const keyed = (list: readonly unknown[]) => {
    const map = new Map<string, { label: string; value: unknown }>();
    for (const m of list) {
      const { name, body } = fields(m);
      let key = materialKey(name, body);
      while (map.has(key)) key += '#';
      const ambiguous = (bodiesByName.get(nameKey(name))?.size ?? 0) > 1;
      map.set(key, { label: ambiguous ? `${name.trim()}（${body?.trim() ?? ''}）` : name.trim(), value: m });
    }
    return map;
  };
  const before = keyed(a);
  const after = keyed(b);
  for (const [key, m] of before) {
    const path = `/materials/${segment(m.label)}`;
    const other = after.get(key);
    if (!other) out.push({ path, kind: 'removed', before: m.value, after: undefined });
    else diffValue(path, m.value, other.value, out);
  }
  for (const [key, m] of after) {
    if (!before.has(key)) out.push({ path: `/materials/${segment(m.label)}`, kind: 'added', before: undefined, after: m.value });
  }
}

/** Field-by-field differences between two versions of a guide (§7.3.2.2d 动态管理: the history of changes). */
export function diffGuides(a: ItemGuide, b: ItemGuide): GuideChange[] {
  const out: GuideChange[] = [];
  diffValue('', a, b, out);
  return out;
}
