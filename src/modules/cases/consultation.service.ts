/**
 * The consultation register (咨询接待记录, DB36/T 2016 §8.1.2.2 c): name, unit, contact,
 * question, answer (the one-time complete answer of §8.1.2.2 a), clerk, counter, and
 * whether the person was referred to another area, department or counter and where
 * (§8.1.2.2 b). Name and contact are personal data: kept encrypted with masked forms;
 * in full only on request to the roles that handle cases, audited. A case opened after
 * a consultation names it, and its timeline starts with the 咨询 stage.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { AppError, fieldError } from '../../domain/shared/errors.ts';
import { maskName, maskPhone } from '../../domain/shared/privacy.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { items } from '../catalogue/schema.ts';
import { counters, departments, staff } from '../organisation/schema.ts';
import { requireCentre, requireOpenCentre } from '../organisation/references.ts';
import { caseActor } from './case-sources.ts';
import { keysOf, seal, unseal } from './personal-data.ts';
import type { ConsultationBody, ConsultationListQuery, ConsultationView } from './review.schemas.ts';
import { consultations } from './schema.ts';
import { requireItemOfCentre, requireTicketOfCentre } from './references.ts';

type Row = typeof consultations.$inferSelect & { clerkName: string | null; counterNumber: string | null };

async function rows(q: Queryable, where: SQL | undefined, limit: number, offset: number): Promise<{ rows: Row[]; total: number }> {
  const [list, [total]] = await Promise.all([
    q
      .select({ c: consultations, clerkName: staff.name, counterNumber: counters.number })
      .from(consultations)
      .leftJoin(staff, eq(staff.id, consultations.clerkId))
      .leftJoin(counters, eq(counters.id, consultations.counterId))
      .where(where)
      .orderBy(desc(consultations.startedAt), desc(consultations.id))
      .limit(limit)
      .offset(offset),
    q.select({ n: count() }).from(consultations).where(where),
  ]);
  return { rows: list.map((r) => ({ ...r.c, clerkName: r.clerkName, counterNumber: r.counterNumber })), total: Number(total?.n ?? 0) };
}

function viewOf(r: Row, full: { name: string; contact: string | null } | null): ConsultationView {
  return {
    id: r.id,
    centreId: r.centreId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt.toISOString(),
    applicantName: full?.name ?? r.applicantNameMasked,
    contact: full ? full.contact : r.contactMasked,
    masked: full === null,
    unit: r.unit,
    itemId: r.itemId,
    question: r.question,
    answer: r.answer,
    referred: r.referred,
    referredTo: r.referredTo,
    clerkId: r.clerkId,
    clerkName: r.clerkName,
    counterId: r.counterId,
    counterNumber: r.counterNumber,
    ticketId: r.ticketId,
  };
}

export async function recordConsultation(deps: AppDeps, actor: Actor, userId: string, centreId: string, body: ConsultationBody): Promise<ConsultationView> {
  const now = deps.clock();
  const name = body.applicantName.trim();
  const contact = body.contact?.replace(/\s+/g, '') || null;
  const referredTo = body.referredTo?.trim() || null;
  const question = body.question.trim();
  const answer = body.answer.trim();
  if (!name) throw fieldError('CASE_DATA_INVALID', '/applicantName', '须登记服务对象姓名（DB36/T 2016 §8.1.2.2c）');
  if (!question || !answer) throw fieldError('CASE_DATA_INVALID', question ? '/answer' : '/question', '须登记咨询内容和答复');
  if (body.referred && !referredTo) throw fieldError('CASE_DATA_INVALID', '/referredTo', '已指引至其他区域、部门或窗口的，须写明去向（DB36/T 2016 §8.1.2.2b）');
  const startedAt = body.startedAt ? new Date(body.startedAt) : now;
  if (startedAt > now) throw fieldError('CASE_DATA_INVALID', '/startedAt', '开始时间不能晚于当前时间');
  const keys = await keysOf(deps);
  const id = await deps.db.transaction(async (tx) => {
    await requireOpenCentre(tx, centreId);
    if (body.itemId) await requireItemOfCentre(tx, centreId, body.itemId);
    if (body.ticketId) await requireTicketOfCentre(tx, centreId, body.ticketId);
    const who = await caseActor(tx, userId, centreId);
    const newId = randomUUID();
    await tx.insert(consultations).values({
      id: newId,
      centreId,
      startedAt,
      endedAt: now,
      personalCipher: seal(keys, JSON.stringify({ name, contact })),
      applicantNameMasked: maskName(name),
      contactMasked: contact ? maskPhone(contact) : null,
      unit: body.unit?.trim() || null,
      itemId: body.itemId ?? null,
      question,
      answer,
      referred: body.referred ?? false,
      referredTo,
      clerkId: who.staffId,
      counterId: who.counterId,
      ticketId: body.ticketId ?? null,
      createdBy: userId,
    });
    await writeAudit(tx, actor, now, { centreId, entity: 'consultation', entityId: newId, action: 'record', after: { applicantName: maskName(name), phone: contact, itemId: body.itemId ?? null, referred: body.referred ?? false, referredTo } });
    return newId;
  });
  const { rows: [row] } = await rows(deps.db, eq(consultations.id, id), 1, 0);
  return viewOf(row!, null);
}

/** The register of a centre, newest first; `reveal` (checked by the route) shows names and contacts in full, audited. */
export async function listConsultations(deps: AppDeps, actor: Actor, centreId: string, query: ConsultationListQuery, mayReveal: boolean): Promise<{ items: ConsultationView[]; total: number }> {
  if (query.reveal && !mayReveal) throw new AppError('FORBIDDEN', { message: '无权查看服务对象完整个人信息' });
  const where: (SQL | undefined)[] = [eq(consultations.centreId, centreId)];
  if (query.from) where.push(gte(consultations.startedAt, new Date(query.from)));
  if (query.to) where.push(lt(consultations.startedAt, new Date(query.to)));
  if (query.clerkId) where.push(eq(consultations.clerkId, query.clerkId));
  const result = await rows(deps.db, and(...where), query.limit ?? 100, query.offset ?? 0);
  if (result.total === 0) await requireCentre(deps.db, centreId);
  const keys = query.reveal ? await keysOf(deps) : null;
  if (keys && result.rows.length > 0) {
    await deps.db.transaction((tx) => writeAudit(tx, actor, deps.clock(), { centreId, entity: 'consultation', entityId: centreId, action: 'reveal_personal_data', after: { ids: result.rows.map((r) => r.id) } }));
  }
  return {
    items: result.rows.map((r) => viewOf(r, keys ? (JSON.parse(unseal(keys, r.personalCipher)) as { name: string; contact: string | null }) : null)),
    total: result.total,
  };
}

/** One consultation of a centre with its item's and department's names (the printed answer names them); CONSULTATION_NOT_FOUND otherwise. */
export async function getConsultation(deps: AppDeps, centreId: string, id: string): Promise<ConsultationView & { itemName: string | null; departmentName: string | null }> {
  const { rows: [row] } = await rows(deps.db, and(eq(consultations.id, id), eq(consultations.centreId, centreId)), 1, 0);
  if (!row) throw new AppError('CONSULTATION_NOT_FOUND');
  const [named] = row.itemId
    ? await deps.db
        .select({ itemName: items.publishedName, workingName: items.name, departmentName: departments.name })
        .from(items)
        .innerJoin(departments, eq(departments.id, items.departmentId))
        .where(eq(items.id, row.itemId))
    : [];
  return { ...viewOf(row, null), itemName: named ? (named.itemName ?? named.workingName) : null, departmentName: named?.departmentName ?? null };
}
