/**
 * Types of the API as the web apps see them. Where the server declares a TypeBox
 * schema, its `Static` type is imported type-only (no server code reaches the
 * bundle); this file declares only what the server does not export.
 */
export type { CentreCreate, CentreUpdate, CentreView } from '../../src/modules/organisation/centres/centre.schemas.ts';
export type { DepartmentCreate, DepartmentUpdate, DepartmentView } from '../../src/modules/organisation/departments/department.schemas.ts';
export type { ZoneCreate, ZoneList, ZoneUpdate, ZoneView } from '../../src/modules/organisation/zones/zone.schemas.ts';
export type {
  CounterCreate,
  CounterStatusBody,
  CounterUpdate,
  CounterView,
  CounterWriteView,
} from '../../src/modules/organisation/counters/counter.schemas.ts';
export type { StaffCreate, StaffUpdate, StaffView } from '../../src/modules/organisation/staff/staff.schemas.ts';
export type { DeviceTokenCreate, DeviceTokenCreated, DeviceTokenView } from '../../src/modules/accounts/device-token.schemas.ts';
export type {
  ClosedDayCreate,
  ClosedDayView,
  HolidayYearView,
  YearSummary,
} from '../../src/modules/calendar/calendar.schemas.ts';
export type { UserCreate, UserUpdate, UserView } from '../../src/modules/accounts/user.schemas.ts';
export type {
  ItemCreate,
  ItemSummary,
  ItemUpdate,
  ItemView,
  VersionSummary,
  VersionView,
} from '../../src/modules/catalogue/item.schemas.ts';
export type { BundleCreate, BundleUpdate, BundleView } from '../../src/modules/catalogue/bundle.schemas.ts';
export type { FileView } from '../../src/modules/files/file.schemas.ts';

/** GET /api/v1/audit item (AuditRecordView in src/platform/audit/audit.routes.ts, which exports no type). */
export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly centreId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
}

export interface RoleGrantView {
  readonly role: string;
  readonly centreId: string | null;
  readonly departmentId: string | null;
}

/** GET /api/v1/auth/me and POST /api/v1/auth/login (src/platform/auth/routes.ts). */
export interface Me {
  readonly user: { readonly id: string; readonly username: string; readonly displayName: string; readonly roles: readonly RoleGrantView[] };
  readonly csrfToken: string;
}

export interface ItemList<T> {
  readonly items: T[];
}

export interface PageOf<T> {
  readonly items: T[];
  readonly total: number;
}
