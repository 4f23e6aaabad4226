/**
 * Opening a case (受理, DB36/T 2016 §8.1.2.3) for an item, a handling item or a "一件事"
 * bundle (§8.2.4), from the ticket being served or directly: the applicant checked
 * (GB 11643 / GB 32100), the materials checklist from the item's published version
 * (§8.1.2.3c: shared materials never asked), the case number drawn in the same
 * transaction (case.repository.ts `drawCaseSequence`), the `opened` event and the audit
 * record. Anything refused leaves nothing behind: no case, no number, no event.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { checkApplicant, type ApplicantInput } from '../../domain/cases/applicant.ts';
import { caseDay, formatCaseNumber, numberingCode } from '../../domain/cases/case-number.ts';
import { openCase } from '../../domain/cases/case-states.ts';
import { buildChecklist, initialChecklist } from '../../domain/cases/checklist.ts';
import { AppError, fieldError, referenceError } from '../../domain/shared/errors.ts';
import { auditRow } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireStaffRef } from '../organisation/references.ts';
import { centreQueueConfig } from '../queue/config-cache.ts';
import * as repo from './case.repository.ts';
import type { CaseDetail, CaseOpenBody } from './case.schemas.ts';
import { publishedSources, rulesOf, type CaseSources } from './case-sources.ts';
import { keptCaseActor } from './actor-cache.ts';
import { viewContext } from './case-read.service.ts';
import { rememberCaseScope } from './case-scope-cache.ts';
import { detailFrom, type DetailParts } from './case.views.ts';
import { detailOf, stateColumns } from './case-state.ts';
import { keysOf, protectApplicant } from './personal-data.ts';
import { consultations } from './schema.ts';
import { requireTicketOfCentre } from './references.ts';

/** The domain's applicant input from the API's flat body. */
export function applicantInput(b: CaseOpenBody['applicant']): ApplicantInput {
  return b.kind === 'person'
    ? { kind: 'person', name: b.name, idType: b.idType ?? 'resident_id', idNumber: b.idNumber ?? '', phone: b.phone, address: b.address ?? null }
    : { kind: 'organisation', name: b.name, uscc: b.uscc ?? '', contactName: b.contactName ?? '', phone: b.phone, address: b.address ?? null };
}

const SCOPE_FLAGS = {
  cross_province: ['crossProvince'],
  within_province: ['crossProvince', 'withinProvince'],
  within_city: ['crossProvince', 'withinProvince', 'withinCity'],
} as const;

/** §8.2.6: every item of the case must be 通办 in the scope named. */
function checkCrossRegion(sources: CaseSources, crossRegion: CaseOpenBody['crossRegion']): void {
  if (!crossRegion) return;
  const flags = SCOPE_FLAGS[crossRegion.scope];
  const outside = sources.items.filter((s) => !flags.some((f) => s.guide.flags[f]));
  if (outside.length > 0) {
    throw fieldError('CASE_CROSS_REGION_NOT_ALLOWED', '/crossRegion/scope', `“${outside.map((s) => s.guide.name ?? s.item.name).join('、')}”不在该通办范围内（DB36/T 2016 §8.2.6）`);
  }
}

async function ticketRef(q: Queryable, centreId: string, ticketId: string | undefined): Promise<string | null> {
  if (!ticketId) return null;
  const t = await requireTicketOfCentre(q, centreId, ticketId);
  if (t.status !== 'serving') throw fieldError('CASE_TICKET_NOT_IN_SERVICE', '/ticketId', '该号不在办理中（须先叫号并开始办理），不能据此受理');
  return ticketId;
}

async function consultationRef(q: Queryable, centreId: string, id: string | undefined) {
  if (!id) return null;
  const [c] = await q.select().from(consultations).where(eq(consultations.id, id));
  if (!c || c.centreId !== centreId) throw referenceError('CONSULTATION_NOT_FOUND', '/consultationId');
  return c;
}

/** The centre exists and is not retired, from the issuing configuration kept per process. */
async function requireOpenCentreCached(deps: AppDeps, centreId: string): Promise<void> {
  const config = await centreQueueConfig(deps, centreId);
  if (!config) throw new AppError('CENTRE_NOT_FOUND');
  if (config.centre.retired) throw new AppError('CENTRE_RETIRED');
}

/** Opens a case; returns its id. */
export async function openNewCase(deps: AppDeps, actor: Actor, userId: string, centreId: string, body: CaseOpenBody): Promise<string> {
  return (await openCaseDetail(deps, actor, userId, centreId, body)).id;
}

/** Opens a case; answers it as the opening transaction wrote it (no second reading). */
export async function openCaseDetail(deps: AppDeps, actor: Actor, userId: string, centreId: string, body: CaseOpenBody): Promise<CaseDetail> {
  const now = deps.clock();
  const applicant = checkApplicant(applicantInput(body.applicant));
  const keys = await keysOf(deps);
  // What changes a few times a month is read from the per-process caches, before the
  // transaction (PGlite runs one at a time): the centre (queue/config-cache.ts) and the
  // items with their published versions (sources-cache.ts). A centre retired or a guide
  // withdrawn at that very moment is a race of a moment that a counter cannot tell apart
  // from the click just before it.
  await requireOpenCentreCached(deps, centreId);
  const sources = await publishedSources(deps, deps.db, centreId, body);
  const rules = rulesOf(sources);
  const checklist = body.materials ? buildChecklist(rules.materials, body.materials) : initialChecklist(rules.materials);
  checkCrossRegion(sources, body.crossRegion);
  const named = await keptCaseActor(deps, userId, centreId);
  const parts = await deps.db.transaction(async (tx): Promise<DetailParts> => {
    const ticketId = await ticketRef(tx, centreId, body.ticketId);
    const consultation = await consultationRef(tx, centreId, body.consultationId);
    if (body.agentStaffId) await requireStaffRef(tx, centreId, body.agentStaffId, '/agentStaffId');
    const who = named.actor;

    // The lead item numbers the case (REFERENCES.md 办件编号; a bundle: its first item).
    const lead = sources.items[0]!;
    const code = numberingCode(lead.item);
    const day = caseDay(now);
    const caseNumber = formatCaseNumber(code, day, await repo.drawCaseSequence(tx, code, day));
    const id = randomUUID();
    const { state, event } = openCase(
      {
        id,
        caseNumber,
        openedAt: now,
        checklist,
        items: sources.items.map((s) => ({ itemId: s.item.id, promisedLimit: s.guide.promisedTimeLimit, legalLimit: s.guide.legalTimeLimit })),
        data: {
          title: sources.bundle?.name ?? lead.guide.name,
          ticketId,
          bundleId: sources.bundle?.id ?? null,
          crossRegion: body.crossRegion ?? null,
          agentStaffId: body.agentStaffId ?? null,
          consultation: consultation && { id: consultation.id, startedAt: consultation.startedAt.toISOString(), endedAt: consultation.endedAt.toISOString(), counterId: consultation.counterId, staffId: consultation.clerkId },
        },
      },
      who,
    );
    const personal = protectApplicant(keys, applicant, caseNumber);
    const values: repo.CaseInsert = {
      id,
      centreId,
      departmentId: lead.item.departmentId,
      itemId: lead.item.id,
      versionId: lead.versionId,
      bundleId: sources.bundle?.id ?? null,
      title: sources.bundle?.name ?? lead.guide.name ?? lead.item.name,
      caseNumber,
      caseDay: day,
      ...personal,
      agentStaffId: body.agentStaffId ?? null,
      ticketId,
      consultationId: consultation?.id ?? null,
      counterId: who.counterId,
      clerkId: who.staffId,
      openedBy: userId,
      crossRegionScope: body.crossRegion?.scope ?? null,
      decidingPlace: body.crossRegion?.decidingPlace.trim() ?? null,
      ...stateColumns(state),
      status: state.status,
      checklist: [...checklist],
      detail: detailOf(state),
      openedAt: now,
      updatedAt: now,
    };
    const { row, items, event: opened } = await repo.insertOpening(tx, {
      case: values,
      items: sources.items.map((s, i) => ({
        caseId: id,
        itemId: s.item.id,
        versionId: s.versionId,
        position: i + 1,
        name: s.guide.name ?? s.item.name,
        promisedLimit: s.guide.promisedTimeLimit,
        legalLimit: s.guide.legalTimeLimit,
      })),
      event,
      audit: auditRow(actor, now, {
        centreId,
        entity: 'case',
        entityId: id,
        action: 'open',
        after: {
          caseNumber,
          status: state.status,
          itemIds: sources.items.map((s) => s.item.id),
          bundleId: sources.bundle?.id ?? null,
          ticketId,
          applicant: { kind: applicant.kind, name: personal.applicantNameMasked, idNumber: personal.applicantIdMasked, uscc: personal.applicantUscc, phone: personal.phoneMasked },
        },
      }),
    });
    return {
      row: { ...row, counterNumber: named.counterNumber, clerkName: named.staffName },
      items,
      steps: [],
      events: [{ ...opened, counterNumber: named.counterNumber, staffName: named.staffName }],
      review: undefined,
      rules,
    };
  });
  rememberCaseScope(deps, parts.row.id, { centreId: parts.row.centreId, departmentId: parts.row.departmentId });
  const view = await viewContext(deps, centreId);
  return detailFrom(keys, parts, { ...view, now: deps.clock() }, false);
}
