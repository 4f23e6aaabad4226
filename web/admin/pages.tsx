/** The pages of the admin console: one entry per menu item. */
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DesktopOutlined,
  KeyOutlined,
  LayoutOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';

/** Each page is its own chunk: the login screen and the frame load first, a page when it is opened. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));

const CentrePage = page(() => import('./pages/CentrePage.tsx'), 'CentrePage');
const DepartmentsPage = page(() => import('./pages/DepartmentsPage.tsx'), 'DepartmentsPage');
const ZonesPage = page(() => import('./pages/ZonesPage.tsx'), 'ZonesPage');
const CountersPage = page(() => import('./pages/CountersPage.tsx'), 'CountersPage');
const StaffPage = page(() => import('./pages/StaffPage.tsx'), 'StaffPage');
const UsersPage = page(() => import('./pages/UsersPage.tsx'), 'UsersPage');
const DeviceTokensPage = page(() => import('./pages/DeviceTokensPage.tsx'), 'DeviceTokensPage');
const CalendarPage = page(() => import('./pages/CalendarPage.tsx'), 'CalendarPage');
const AuditPage = page(() => import('./pages/AuditPage.tsx'), 'AuditPage');

export interface AdminPage {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly component: ComponentType;
}

export const BASE = '/admin/';

export const ADMIN_PAGES: readonly AdminPage[] = [
  { path: BASE, label: '中心信息', icon: <BankOutlined />, component: CentrePage },
  { path: `${BASE}departments`, label: '进驻部门', icon: <ApartmentOutlined />, component: DepartmentsPage },
  { path: `${BASE}zones`, label: '功能区', icon: <LayoutOutlined />, component: ZonesPage },
  { path: `${BASE}counters`, label: '窗口', icon: <DesktopOutlined />, component: CountersPage },
  { path: `${BASE}staff`, label: '工作人员', icon: <TeamOutlined />, component: StaffPage },
  { path: `${BASE}users`, label: '用户账号', icon: <UserOutlined />, component: UsersPage },
  { path: `${BASE}device-tokens`, label: '设备令牌', icon: <KeyOutlined />, component: DeviceTokensPage },
  { path: `${BASE}calendar`, label: '工作日历', icon: <CalendarOutlined />, component: CalendarPage },
  { path: `${BASE}audit`, label: '审计日志', icon: <AuditOutlined />, component: AuditPage },
];

export function pageOf(pathname: string): AdminPage {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return ADMIN_PAGES.find((p) => p.path.replace(/\/+$/, '') === clean) ?? ADMIN_PAGES[0]!;
}
