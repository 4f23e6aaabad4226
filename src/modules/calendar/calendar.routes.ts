import { Type } from 'typebox';
import { anyCentre, centreParam, centreQueryOrAny, entityScope, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, IdParams, errorResponses } from '../../platform/http/schemas.ts';
import {
  AddWorkingDaysQuery,
  ClosedDayCreate,
  ClosedDaysQuery,
  ClosedDayView,
  DayInfoView,
  DayParams,
  DayQuery,
  HolidayYearBody,
  HolidayYearView,
  WorkingDaysBetweenQuery,
  YearParams,
  YearSummary,
} from './calendar.schemas.ts';
import * as calendar from './calendar.service.ts';
import * as closedDays from './closed-days.service.ts';

const tags = ['calendar'];

export function calendarRoutes(app: App, deps: AppDeps): void {
  // Reading: the national calendar, or a centre's (with its closed days) when centreId is given.
  const read = { access: { permission: 'calendar.read', scope: centreQueryOrAny } } as const;

  app.get(
    '/api/v1/calendar/days/:date',
    {
      config: read,
      schema: { tags, summary: '某日是否工作日（法定节假日、调休上班日、闭厅日）', params: DayParams, querystring: DayQuery, response: { 200: DayInfoView, ...errorResponses } },
    },
    async (request) => calendar.dayInfo(deps, request.params.date, request.query.centreId ?? null),
  );

  app.get(
    '/api/v1/calendar/add-working-days',
    {
      config: read,
      schema: {
        tags,
        summary: '某日之后第 N 个工作日（起始日不计入）',
        querystring: AddWorkingDaysQuery,
        response: { 200: Type.Object({ date: Type.String() }), ...errorResponses },
      },
    },
    async (request) => calendar.addWorkingDays(deps, request.query.from, request.query.days, request.query.centreId ?? null),
  );

  app.get(
    '/api/v1/calendar/working-days-between',
    {
      config: read,
      schema: {
        tags,
        summary: '两日之间的工作日数（不含起始日，含结束日；结束日在前为负数）',
        querystring: WorkingDaysBetweenQuery,
        response: { 200: Type.Object({ count: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => calendar.workingDaysBetween(deps, request.query.from, request.query.to, request.query.centreId ?? null),
  );

  app.get(
    '/api/v1/calendar/years',
    {
      config: { access: { permission: 'calendar.read', scope: anyCentre } },
      schema: { tags, summary: '已导入的节假日安排年度', response: { 200: Type.Object({ items: Type.Array(YearSummary) }), ...errorResponses } },
    },
    async () => ({ items: await calendar.listYears(deps) }),
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { access: { permission: 'calendar.read', scope: anyCentre } },
      schema: { tags, summary: '某年度的节假日安排', params: YearParams, response: { 200: HolidayYearView, ...errorResponses } },
    },
    async (request) => calendar.getYear(deps, request.params.year),
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { access: { permission: 'calendar.manage', scope: anyCentre } },
      schema: {
        tags,
        summary: '导入或替换某年度的节假日安排（holiday-cn 格式）',
        params: YearParams,
        body: HolidayYearBody,
        response: { 200: HolidayYearView, 201: HolidayYearView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, view } = await calendar.loadYear(deps, requestActor(request), request.params.year, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/api/v1/centres/:centreId/closed-days',
    {
      config: { access: { permission: 'calendar.read', scope: centreParam } },
      schema: {
        tags,
        summary: '本中心的闭厅日',
        params: CentreParams,
        querystring: ClosedDaysQuery,
        response: { 200: Type.Object({ items: Type.Array(ClosedDayView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await closedDays.listClosedDays(deps, request.params.centreId, request.query) }),
  );

  app.post(
    '/api/v1/centres/:centreId/closed-days',
    {
      config: { access: { permission: 'calendar.closed-days', scope: centreParam } },
      schema: { tags, summary: '新增闭厅日', params: CentreParams, body: ClosedDayCreate, response: { 201: ClosedDayView, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await closedDays.addClosedDay(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.delete(
    '/api/v1/closed-days/:id',
    {
      config: { access: { permission: 'calendar.closed-days', scope: entityScope(closedDays.closedDayScope, 'CLOSED_DAY_NOT_FOUND') } },
      schema: { tags, summary: '取消闭厅日', params: IdParams, response: { 200: ClosedDayView, ...errorResponses } },
    },
    async (request) => closedDays.removeClosedDay(deps, requestActor(request), request.params.id),
  );
}
