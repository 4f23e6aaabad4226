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
  await tx.insert(auditLog).values(auditRow(actor, at, entry));
}

/** One record per entry, in multi-row INSERTs: a batch change (an import) audits every entity it touched. */
export async function writeAudits(tx: Queryable, actor: Actor, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await tx.insert(auditLog).values(entries.slice(i, i + CHUNK).map((e) => auditRow(actor, at, e)));
  }
}

/**
 * The record {@link writeAudit} inserts, for a use case that writes it inside a statement
 * of its own (db/insert-from.ts), in the same transaction as the change.
 */
export function auditRow(actor: Actor, at: Date, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
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
  };
}
