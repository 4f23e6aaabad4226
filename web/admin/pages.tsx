/** The pages of the admin console: one entry per menu item. */
import {
  ApartmentOutlined,
  AppstoreAddOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  ContainerOutlined,
  DesktopOutlined,
  FileSearchOutlined,
  KeyOutlined,
  LayoutOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
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
const ItemsPage = page(() => import('./pages/ItemsPage.tsx'), 'ItemsPage');
const ItemEditorPage = page(() => import('./pages/ItemEditorPage.tsx'), 'ItemEditorPage');
const BundlesPage = page(() => import('./pages/BundlesPage.tsx'), 'BundlesPage');
const QueuesPage = page(() => import('./pages/QueuesPage.tsx'), 'QueuesPage');
const CasesPage = page(() => import('./cases/CasesPage.tsx'), 'CasesPage');
const CaseDetailPage = page(() => import('./cases/CaseDetailPage.tsx'), 'CaseDetailPage');
const RefusalReviewsPage = page(() => import('./cases/RefusalReviewsPage.tsx'), 'RefusalReviewsPage');
const CaseAlertsPage = page(() => import('./cases/CaseAlertsPage.tsx'), 'CaseAlertsPage');
const ArchivePage = page(() => import('./cases/ArchivePage.tsx'), 'ArchivePage');
const ConsultationsPage = page(() => import('./cases/ConsultationsPage.tsx'), 'ConsultationsPage');
const CaseSettingsPage = page(() => import('./cases/CaseSettingsPage.tsx'), 'CaseSettingsPage');

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
  { path: `${BASE}items`, label: '事项管理', icon: <ProfileOutlined />, component: ItemsPage },
  { path: `${BASE}bundles`, label: '一件事', icon: <AppstoreAddOutlined />, component: BundlesPage },
  { path: `${BASE}queues`, label: '排队叫号', icon: <OrderedListOutlined />, component: QueuesPage },
  { path: `${BASE}cases`, label: '办件管理', icon: <FileSearchOutlined />, component: CasesPage },
  { path: `${BASE}case-alerts`, label: '逾期预警', icon: <WarningOutlined />, component: CaseAlertsPage },
  { path: `${BASE}refusal-reviews`, label: '否定事项复核', icon: <SafetyCertificateOutlined />, component: RefusalReviewsPage },
  { path: `${BASE}consultations`, label: '咨询登记', icon: <CommentOutlined />, component: ConsultationsPage },
  { path: `${BASE}case-archive`, label: '办件归档', icon: <ContainerOutlined />, component: ArchivePage },
  { path: `${BASE}users`, label: '用户账号', icon: <UserOutlined />, component: UsersPage },
  { path: `${BASE}device-tokens`, label: '设备令牌', icon: <KeyOutlined />, component: DeviceTokensPage },
  { path: `${BASE}calendar`, label: '工作日历', icon: <CalendarOutlined />, component: CalendarPage },
  { path: `${BASE}audit`, label: '审计日志', icon: <AuditOutlined />, component: AuditPage },
];

/** Pages reached from a menu entry (not in the menu): every path under `prefix`, shown under the entry's `path`. */
const SUB_PAGES: readonly (AdminPage & { readonly prefix: string })[] = [
  // /admin/items/new and /admin/items/{id}: one item's guide and versions.
  { prefix: `${BASE}items/`, path: `${BASE}items`, label: '事项管理', icon: <ProfileOutlined />, component: ItemEditorPage },
  // /admin/cases/{id}: one case, its timeline and events.
  { prefix: `${BASE}cases/`, path: `${BASE}cases`, label: '办件管理', icon: <FileSearchOutlined />, component: CaseDetailPage },
  // /admin/case-settings: warning and review limits, reached from 逾期预警 and 否定事项复核.
  { prefix: `${BASE}case-settings`, path: `${BASE}case-alerts`, label: '逾期预警', icon: <WarningOutlined />, component: CaseSettingsPage },
];

export function pageOf(pathname: string): AdminPage {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return ADMIN_PAGES.find((p) => p.path.replace(/\/+$/, '') === clean) ?? SUB_PAGES.find((p) => clean.startsWith(p.prefix)) ?? ADMIN_PAGES[0]!;
}
