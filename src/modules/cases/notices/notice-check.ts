/**
 * What each notice cannot be printed without. A notice with a blank where its reason,
 * deadline or case number belongs would mislead the applicant, so missing data is a
 * programming error of the caller, reported with every faulty field at once.
 */
import { tryParseDate } from '../../../domain/calendar/dates.ts';
import { DELIVERY_METHODS, NOTICE_KINDS, isNoticeKind, type NoticeData } from './notice-data.ts';

export class NoticeDataError extends Error {
  override readonly name = 'NoticeDataError';
  constructor(
    readonly kind: string,
    readonly fields: readonly string[],
  ) {
    super(`Cannot print notice "${kind}"${isNoticeKind(kind) ? ` (${NOTICE_KINDS[kind].title})` : ''}: missing or invalid ${fields.join(', ')}`);
  }
}

/** A Date, or an ISO 8601 string that names its offset (never read in the process time zone). */
function validInstant(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(new Date(value).getTime());
}

type Check = (path: string, value: unknown) => void;

function checker(problems: string[]) {
  const text: Check = (path, value) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(path);
  };
  const date: Check = (path, value) => {
    if (typeof value !== 'string' || Number.isNaN(tryParseDate(value))) problems.push(`${path} (YYYY-MM-DD)`);
  };
  const optionalDate: Check = (path, value) => {
    if (value !== undefined && value !== null) date(path, value);
  };
  const list = (path: string, value: unknown, min: number, each: (path: string, entry: Record<string, unknown>) => void): void => {
    if (!Array.isArray(value) || value.length < min) {
      problems.push(min > 0 ? `${path} (at least ${min})` : path);
      return;
    }
    value.forEach((entry: unknown, i) => {
      if (entry === null || typeof entry !== 'object') problems.push(`${path}[${i}]`);
      else each(`${path}[${i}]`, entry as Record<string, unknown>);
    });
  };
  const section = (path: string, value: unknown): value is Record<string, unknown> => {
    if (value === null || typeof value !== 'object') {
      problems.push(path);
      return false;
    }
    return true;
  };
  return { text, date, optionalDate, list, section };
}

/** Throws NoticeDataError naming every field `kind` needs and `data` lacks. */
export function checkNotice(kind: string, data: NoticeData): void {
  if (!isNoticeKind(kind)) throw new NoticeDataError(kind, ['kind']);
  const problems: string[] = [];
  const { text, date, optionalDate, list, section } = checker(problems);
  const d = data as unknown as Record<string, Record<string, unknown> | undefined>;

  if (section('centre', d.centre)) text('centre.name', d.centre.name);
  text('caseNumber', data.caseNumber);
  if (section('item', d.item)) {
    text('item.name', d.item.name);
    text('item.department', d.item.department);
  }
  if (section('applicant', d.applicant)) {
    text('applicant.name', d.applicant.name);
    if (d.applicant.kind !== 'person' && d.applicant.kind !== 'organisation') problems.push('applicant.kind');
    // A consultation may be anonymous as to papers (§8.1.2.2 c records name, unit, contact).
    if (kind !== 'consultation_answer') text('applicant.idMasked', d.applicant.idMasked);
  }
  text('clerkName', data.clerkName);
  date('issuedOn', data.issuedOn);
  if (kind !== 'delivery_receipt' && kind !== 'consultation_answer') date('receivedOn', data.receivedOn);

  switch (kind) {
    case 'acceptance':
      if (section('acceptance', d.acceptance)) {
        const s = d.acceptance;
        date('acceptance.acceptedOn', s.acceptedOn);
        text('acceptance.promisedTimeLimit', s.promisedTimeLimit);
        date('acceptance.dueOn', s.dueOn);
        list('acceptance.materials', s.materials, 0, (p, m) => text(`${p}.name`, m.name));
      }
      break;
    case 'correction':
      if (section('correction', d.correction)) {
        const s = d.correction;
        list('correction.materials', s.materials, 1, (p, m) => {
          text(`${p}.name`, m.name);
          if (m.issue !== 'missing' && m.issue !== 'incorrect') problems.push(`${p}.issue`);
          text(`${p}.requirement`, m.requirement);
        });
        optionalDate('correction.correctBy', s.correctBy);
      }
      break;
    case 'tolerance':
      if (section('tolerance', d.tolerance)) {
        const s = d.tolerance;
        date('tolerance.acceptedOn', s.acceptedOn);
        list('tolerance.materials', s.materials, 1, (p, m) => text(`${p}.name`, m.name));
        date('tolerance.completeBy', s.completeBy);
      }
      break;
    case 'refusal':
      if (section('refusal', d.refusal)) {
        text('refusal.reason', d.refusal.reason);
        text('refusal.legalBasis', d.refusal.legalBasis);
      }
      break;
    case 'delivery_receipt':
      if (section('delivery', d.delivery)) {
        const s = d.delivery;
        list('delivery.documents', s.documents, 1, (p, m) => text(`${p}.name`, m.name));
        if (typeof s.method !== 'string' || !Object.hasOwn(DELIVERY_METHODS, s.method)) problems.push('delivery.method');
        if (s.deliveredAt !== undefined && s.deliveredAt !== null && !validInstant(s.deliveredAt)) problems.push('delivery.deliveredAt (a Date or ISO 8601 with offset)');
      }
      break;
    case 'consultation_answer':
      if (section('consultation', d.consultation)) {
        const s = d.consultation;
        date('consultation.askedOn', s.askedOn);
        text('consultation.question', s.question);
        text('consultation.answer', s.answer);
        if (s.materials !== undefined && s.materials !== null) list('consultation.materials', s.materials, 0, (p, m) => text(`${p}.name`, m.name));
      }
      break;
  }
  if (problems.length > 0) throw new NoticeDataError(kind, problems);
}
