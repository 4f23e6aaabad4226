/**
 * Roles of people and devices. People's roles are scoped to a centre and, for a
 * chief representative (首席代表) or a window clerk, optionally to a department.
 */
export const USER_ROLES = [
  'system_admin', // 系统管理员: every centre, the calendar, accounts
  'centre_manager', // 中心管理人员
  'chief_representative', // 首席代表 (§3.8, §7.4.1 b)
  'window_clerk', // 窗口工作人员
  'complaint_handler', // 投诉处置人
  'auditor', // 审计/督查 (read-only)
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const DEVICE_ROLES = ['kiosk', 'display', 'rating_device'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const ROLE_LABELS: Record<UserRole | DeviceRole, string> = {
  system_admin: '系统管理员',
  centre_manager: '中心管理员',
  chief_representative: '首席代表',
  window_clerk: '窗口工作人员',
  complaint_handler: '投诉处置人',
  auditor: '审计员（只读）',
  kiosk: '取号机',
  display: '显示屏',
  rating_device: '评价器',
};

/** Roles whose assignment may be narrowed to one department. */
export const DEPARTMENT_SCOPED_ROLES: readonly UserRole[] = ['chief_representative', 'window_clerk'];

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}
