/**
 * The audit query. A system administrator reads the whole trail; a centre manager
 * or auditor reads their centre's records only, and must name the centre.
 */
import { Type, type Static } from 'typebox';
import { fieldError } from '../../domain/shared/errors.ts';
import { centreQueryOrAny, visibleCentres } from '../auth/access.ts';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { errorResponses, Nullable, Page, PageQuery, Timestamp, Uuid } from '../http/schemas.ts';
import { queryAudit, type AuditRow } from './audit.query.ts';

const Key = Type.String({ minLength: 1, maxLength: 100 });

export const AuditQuery = Type.Object(
  {
    centreId: Type.Optional(Uuid),
    entity: Type.Optional(Key),
    entityId: Type.Optional(Key),
    action: Type.Optional(Key),
    actorId: Type.Optional(Key),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    ...PageQuery,
  },
  { additionalProperties: false },
);
type AuditQuery = Static<typeof AuditQuery>;

export const AuditRecordView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorType: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  centreId: Nullable(Uuid),
  entity: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  before: Type.Unknown({ description: '修改前（个人信息已脱敏）' }),
  after: Type.Unknown({ description: '修改后（个人信息已脱敏）' }),
  requestId: Nullable(Type.String()),
});

function recordView(row: AuditRow): Static<typeof AuditRecordView> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    centreId: row.centreId,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  };
}

export function auditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/audit',
    {
      // A given centreId is checked by the scope: a manager of another centre gets 403.
      config: { access: { permission: 'audit.read', scope: centreQueryOrAny } },
      schema: {
        tags: ['audit'],
        summary: '审计记录查询（新的在前）',
        querystring: AuditQuery,
        response: { 200: Page(AuditRecordView), ...errorResponses },
      },
    },
    async (request) => {
      const q: AuditQuery = request.query;
      const visible = visibleCentres(request.principal, 'audit.read');
      if (!q.centreId && visible !== 'all') throw fieldError('VALIDATION_FAILED', 'querystring:/centreId', '请指定要查询的中心');
      const { rows, total } = await queryAudit(deps.db, {
        centres: q.centreId ? [q.centreId] : visible,
        entity: q.entity,
        entityId: q.entityId,
        action: q.action,
        actorId: q.actorId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      return { items: rows.map(recordView), total };
    },
  );
}
