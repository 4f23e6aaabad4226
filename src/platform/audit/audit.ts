/**
 * The audit trail: every state change records actor, time, entity, action and
 * before/after (personal data masked), in the same transaction as the change.
 */
import { maskPersonalData } from '../../domain/shared/privacy.ts';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../auth/principal.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  readonly centreId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export async function writeAudit(tx: Queryable, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    centreId: entry.centreId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before === undefined ? null : maskPersonalData(entry.before),
    after: entry.after === undefined ? null : maskPersonalData(entry.after),
    requestId: actor.requestId,
  });
}
