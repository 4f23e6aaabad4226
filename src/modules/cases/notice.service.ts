/**
 * The printed notices of a case and of a consultation (issue 5; DB36/T 2016 §8.1.2.2,
 * §8.1.2.3, §8.1.2.5, §8.2.7, §7.5.2.3): what the case records, mapped onto the notices'
 * plain input (notices/notice-data.ts) and rendered there.
 *
 * A notice exists only once its event has happened: 受理通知书 after acceptance, 一次性告知书
 * while or after a correction was asked for, 容缺受理告知书 for a case accepted with missing
 * materials, 不予受理决定书 after a refusal, 送达回证 once the result was handed over or
 * posted. Otherwise CASE_NOTICE_NOT_AVAILABLE, so a clerk cannot print a notice for a
 * decision that was never taken.
 *
 * The applicant's name is printed in full for the roles that may read it (case.private;
 * archived cases: managers), and the print is audited; others print the masked name.
 * The identity number is always printed masked (the notice layout masks it again).
 */
import { TIME_LIMIT_UNITS, type TimeLimitUnit } from '../../domain/catalogue/codes.ts';
import { formatDate } from '../../domain/calendar/dates.ts';
import { shanghaiDay } from '../../domain/cases/deadlines.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/auth/access.ts';
import type { Actor, Principal } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findCentre } from '../organisation/centres/centre.repository.ts';
import { findDepartment } from '../organisation/departments/department.repository.ts';
import { getCase } from './case-read.service.ts';
import * as repo from './case.repository.ts';
import type { CaseDetail } from './case.schemas.ts';
import { getConsultation } from './consultation.service.ts';
import type { NoticeData, NoticeKind } from './notices/notice-data.ts';
import { noticeFileName, renderNotice } from './notices/render-notice.ts';
import { keysOf, revealApplicant } from './personal-data.ts';

/** The notices a case prints (the consultation's answer has its own route). */
export const CASE_NOTICE_KINDS = ['acceptance', 'correction', 'tolerance', 'refusal', 'delivery_receipt'] as const satisfies readonly NoticeKind[];
export type CaseNoticeKind = (typeof CASE_NOTICE_KINDS)[number];

export interface PrintedNotice {
  readonly pdf: Buffer;
  readonly fileName: string;
  readonly asciiName: string;
}

type Json = Record<string, unknown>;

const dayOf = (iso: string | null | undefined): string | null => (iso ? formatDate(shanghaiDay(new Date(iso))) : null);

function notAvailable(kind: CaseNoticeKind, why: string): AppError {
  return new AppError('CASE_NOTICE_NOT_AVAILABLE', { message: `该办件暂不能出具此文书：${why}`, details: { kind } });
}

function limitText(limit: unknown): string {
  const l = limit as { value?: number; unit?: TimeLimitUnit } | null;
  if (!l || typeof l.value !== 'number' || !l.unit) return '按办事指南规定';
  return l.value === 0 ? '即办' : `${l.value} 个${TIME_LIMIT_UNITS[l.unit]}`;
}

/** The kind's own part of the notice data, from the case as recorded. */
function kindDetails(kind: CaseNoticeKind, c: CaseDetail): Partial<NoticeData> & { issuedOn: string } {
  const detail = c.detail as Json;
  switch (kind) {
    case 'acceptance': {
      if (!c.acceptedAt) throw notAvailable(kind, '尚未受理');
      // While the clock is stopped the due date is open (deadlines.ts): no notice with a wrong one.
      if (!c.promisedDueAt && c.status === 'suspended') throw notAvailable(kind, '暂停计时期间办结日期未定');
      const acceptedOn = dayOf(c.acceptedAt)!;
      return {
        issuedOn: acceptedOn,
        acceptance: {
          acceptedOn,
          promisedTimeLimit: limitText(c.items[0]?.promisedLimit),
          dueOn: dayOf(c.promisedDueAt) ?? acceptedOn,
          materials: c.checklist.filter((m) => m.status === 'provided').map((m) => ({ name: m.name })),
          resultDelivery: null,
        },
      };
    }
    case 'correction': {
      const asked = [...c.events].reverse().find((e) => e.type === 'correction_requested' || e.to === 'correction');
      if (!asked) throw notAvailable(kind, '未发出补正告知');
      const materials = c.checklist
        .filter((m) => m.status === 'missing' || m.status === 'wrong')
        .map((m) => ({ name: m.name, issue: m.status === 'missing' ? ('missing' as const) : ('incorrect' as const), requirement: m.note ?? (m.status === 'missing' ? '请按办事指南要求提交' : '请按办事指南要求更正后提交') }));
      if (materials.length === 0) throw notAvailable(kind, '材料已补正齐全');
      return { issuedOn: dayOf(asked.at)!, correction: { materials } };
    }
    case 'tolerance': {
      const tolerance = detail.tolerance as { materials: { name: string }[]; deadline: string; commitment: string } | null | undefined;
      if (c.mode !== 'tolerance' || !tolerance || !c.acceptedAt) throw notAvailable(kind, '未容缺受理');
      return {
        issuedOn: dayOf(c.acceptedAt)!,
        tolerance: { acceptedOn: dayOf(c.acceptedAt)!, materials: tolerance.materials.map((m) => ({ name: m.name })), completeBy: dayOf(tolerance.deadline)!, commitment: tolerance.commitment || null },
      };
    }
    case 'refusal': {
      const refusal = detail.refusal as { reason: string; legalBasis: string; at: string } | null | undefined;
      if (!refusal) throw notAvailable(kind, '未作出不予受理决定');
      return { issuedOn: dayOf(refusal.at)!, refusal: { reason: refusal.reason, legalBasis: refusal.legalBasis } };
    }
    case 'delivery_receipt': {
      const delivery = detail.delivery as Json | null | undefined;
      if (!delivery) throw notAvailable(kind, '尚未送达或寄出');
      const pickup = delivery.method === 'pickup';
      const at = (pickup ? delivery.pickedUpAt : (delivery.deliveredAt ?? delivery.postedAt)) as string | null;
      if (pickup && !at) throw notAvailable(kind, '结果尚未领取');
      return {
        issuedOn: dayOf(at) ?? formatDate(shanghaiDay(new Date())),
        delivery: {
          documents: [{ name: `${c.title}办理结果（${c.decision === 'reject' ? '不予许可决定' : '准予决定'}）`, number: c.caseNumber, copies: 1 }],
          method: pickup ? 'in_person' : 'post',
          deliveredAt: at,
          place: pickup ? ((delivery.place as string | undefined) ?? null) : ((delivery.address as string | undefined) ?? null),
          trackingNumber: pickup ? null : ((delivery.trackingNumber as string | undefined) ?? null),
        },
      };
    }
  }
}

/** A case's notice as PDF bytes, for a principal who may read the case (the route checks it). */
export async function printCaseNotice(deps: AppDeps, actor: Actor, principal: Principal | null, id: string, kind: CaseNoticeKind, publicUrl: string): Promise<PrintedNotice> {
  const c = await getCase(deps, actor, principal, id, false);
  const row = (await repo.findCase(deps.db, id))!;
  const [centre, department] = await Promise.all([findCentre(deps.db, c.centreId), findDepartment(deps.db, row.departmentId)]);
  const scope = { centreId: row.centreId, departmentId: row.departmentId };
  const full = can(principal, c.status === 'archived' ? 'case.archived-private' : 'case.private', scope);
  const name = full ? revealApplicant(await keysOf(deps), row.applicantCipher).name : c.applicant.name;
  const own = kindDetails(kind, c);
  const data: NoticeData = {
    centre: { name: centre!.name, address: centre!.address, phone: centre!.phones.consultation },
    caseNumber: c.caseNumber,
    item: { name: c.title, department: department?.name ?? '', id: c.itemId },
    applicant: { kind: c.applicantKind === 'organisation' ? 'organisation' : 'person', name, idMasked: c.applicant.idNumber ?? c.applicant.uscc },
    clerkName: c.clerkName ?? '窗口工作人员',
    counterNumber: c.counterNumber,
    receivedOn: dayOf(c.openedAt),
    ...own,
  };
  const pdf = await renderNotice(kind, data, { publicUrl, font: deps.config.pdfFont });
  if (full) {
    await deps.db.transaction((tx) => writeAudit(tx, actor, deps.clock(), { centreId: c.centreId, entity: 'case', entityId: id, action: 'print_notice', after: { kind } }));
  }
  return { pdf, ...noticeFileName(kind, c.caseNumber) };
}

/** A consultation's one-time complete answer (一次性告知单, §8.1.2.2 a). */
export async function printConsultationNotice(deps: AppDeps, centreId: string, id: string, publicUrl: string): Promise<PrintedNotice> {
  const consultation = await getConsultation(deps, centreId, id);
  const centre = (await findCentre(deps.db, centreId))!;
  const recordNumber = `ZX${consultation.startedAt.slice(0, 10).replace(/-/g, '')}-${consultation.id.slice(0, 8).toUpperCase()}`;
  const askedOn = dayOf(consultation.startedAt)!;
  const data: NoticeData = {
    centre: { name: centre.name, address: centre.address, phone: centre.phones.consultation },
    caseNumber: recordNumber,
    item: { name: consultation.itemName ?? '政务服务咨询', department: consultation.departmentName ?? centre.name, id: consultation.itemId },
    applicant: { kind: 'person', name: consultation.applicantName },
    clerkName: consultation.clerkName ?? '窗口工作人员',
    counterNumber: consultation.counterNumber,
    issuedOn: askedOn,
    consultation: { askedOn, question: consultation.question, answer: consultation.answer, referral: consultation.referred ? consultation.referredTo : null },
  };
  const pdf = await renderNotice('consultation_answer', data, { publicUrl, font: deps.config.pdfFont });
  return { pdf, ...noticeFileName('consultation_answer', recordNumber) };
}
