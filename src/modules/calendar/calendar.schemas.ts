import { Type, type Static } from 'typebox';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../../domain/calendar/holiday-data.ts';
import { Nullable, Uuid } from '../../platform/http/schemas.ts';

/**
 * A date in the API. Only the type is checked by the schema: whether it is a real
 * date is answered with DATE_INVALID (400) and the field at fault.
 */
export const CalendarDate = Type.String({ maxLength: 40, description: 'YYYY-MM-DD', examples: ['2025-10-09'] });

const CentreFilter = { centreId: Type.Optional(Uuid) };

export const DayParams = Type.Object({ date: CalendarDate }, { additionalProperties: false });
export const DayQuery = Type.Object(CentreFilter, { additionalProperties: false });

export const DayInfoView = Type.Object({
  date: Type.String(),
  workingDay: Type.Boolean(),
  kind: Type.Union([Type.Literal('workday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('makeup-workday'), Type.Literal('closed')]),
  name: Type.Optional(Type.String({ description: '节日名称（放假日、调休上班日）或闭厅原因' })),
});

export const AddWorkingDaysQuery = Type.Object(
  {
    from: CalendarDate,
    days: Type.Integer({ minimum: 0, maximum: 3660, description: '工作日数；起始日不计入，0 返回起始日本身' }),
    ...CentreFilter,
  },
  { additionalProperties: false },
);

export const WorkingDaysBetweenQuery = Type.Object({ from: CalendarDate, to: CalendarDate, ...CentreFilter }, { additionalProperties: false });

export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: MIN_CALENDAR_YEAR, maximum: MAX_CALENDAR_YEAR }) },
  { additionalProperties: false },
);

const HolidayDaySchema = Type.Object(
  {
    name: Type.String({ description: '节日名称，如“春节”' }),
    date: Type.String({ description: 'YYYY-MM-DD' }),
    isOffDay: Type.Boolean({ description: 'true 放假；false 调休上班' }),
  },
  { additionalProperties: false },
);

/**
 * A year's arrangement in holiday-cn format. The schema checks JSON types only; the
 * content (real dates inside the year, no duplicates, names) is checked by the
 * domain and answered with CALENDAR_DATA_INVALID and the field at fault.
 */
export const HolidayYearBody = Type.Object(
  {
    year: Type.Integer(),
    papers: Type.Optional(Type.Array(Type.String(), { description: '国务院办公厅通知的网址或文号' })),
    days: Type.Array(HolidayDaySchema),
  },
  {
    additionalProperties: false,
    // holiday-cn files carry `$schema` and `$id`; declared as a pattern because a property
    // literally named `$id` would be taken for a schema id by the OpenAPI generator.
    patternProperties: { '^\\$(schema|id)$': Type.String() },
    description: 'holiday-cn 格式：{year, papers, days:[{name, date, isOffDay}]}',
  },
);

export const YearSummary = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.Literal('shipped'), Type.Literal('loaded')], { description: 'shipped 随平台发布；loaded 管理员导入' }),
  replacesShipped: Type.Boolean(),
  papers: Type.Array(Type.String()),
  offDays: Type.Integer({ description: '列明的放假日数' }),
  makeupWorkdays: Type.Integer({ description: '调休上班日数' }),
  workingDays: Type.Integer({ description: '全年工作日数' }),
  loadedAt: Nullable(Type.String()),
  loadedBy: Nullable(Type.String()),
});
export type YearSummary = Static<typeof YearSummary>;

export const HolidayYearView = Type.Object({ ...YearSummary.properties, days: Type.Array(HolidayDaySchema) });
export type HolidayYearView = Static<typeof HolidayYearView>;

export const ClosedDayCreate = Type.Object(
  { date: CalendarDate, reason: Type.String({ minLength: 1, maxLength: 200, description: '闭厅原因，如“中心搬迁”' }) },
  { additionalProperties: false },
);
export type ClosedDayCreate = Static<typeof ClosedDayCreate>;

export const ClosedDaysQuery = Type.Object({ from: Type.Optional(CalendarDate), to: Type.Optional(CalendarDate) }, { additionalProperties: false });

export const ClosedDayView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  date: Type.String(),
  reason: Type.String(),
  createdAt: Type.String(),
});
export type ClosedDayView = Static<typeof ClosedDayView>;
