/** Hours and minutes, `HH:MM`, in the centre's local time (Asia/Shanghai). */
export interface TimeWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * A centre's weekly service hours (§5.1.3.1) with the extended and off-peak
 * windows of §8.1.3.5.
 */
export interface ServiceHours {
  /** Regular hours on working days (Monday–Friday not off, and make-up working days). */
  readonly morning: TimeWindow;
  readonly afternoon: TimeWindow;
  /** §8.1.3.5 b: service during the lunch break (between morning and afternoon). */
  readonly lunchService: boolean;
  /** §8.1.3.5 a: early off-peak window on working days, for appointment items. */
  readonly early: TimeWindow | null;
  /** §8.1.3.5 a: late off-peak window on working days, for appointment items. */
  readonly late: TimeWindow | null;
  /** §8.1.3.5 c: Saturday (not a holiday) appointment service; 应. */
  readonly saturday: TimeWindow | null;
  /** §8.1.3.5 d: Sunday appointment service where conditions allow; 宜. */
  readonly sunday: TimeWindow | null;
}

/** §5.1.3.1: phones shown at the main entrance. */
export interface CentrePhones {
  readonly consultation: string;
  readonly appointment: string;
  readonly complaint: string;
  readonly supervision: string;
}

/** §5.2.3.2: free Wi-Fi, account and simple password displayed. */
export interface WifiNotice {
  readonly ssid: string;
  readonly password: string;
  readonly notice?: string;
}

/** §1: the levels of centre the standard applies to, or may be followed by. */
export const CENTRE_LEVELS = ['province', 'city', 'county', 'park', 'township', 'village'] as const;
export type CentreLevel = (typeof CENTRE_LEVELS)[number];
export const CENTRE_LEVEL_LABELS: Record<CentreLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县（区）级',
  park: '园区',
  township: '乡镇（街道）',
  village: '村（社区）',
};

/** §6.1.3: the functional areas of a centre. */
export const ZONE_KINDS = [
  'consultation', // 咨询服务区
  'counter', // 窗口服务区
  'self_service', // 自助服务区
  'enterprise', // 企业综合服务专区
  'form_filling', // 填单区
  'public_information', // 政务公开区
  'waiting', // 休息等候区
  'complaint', // 投诉受理区
  'office', // 办公区
  'auxiliary', // 辅助区
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];
export const ZONE_KIND_LABELS: Record<ZoneKind, string> = {
  consultation: '咨询服务区',
  counter: '窗口服务区',
  self_service: '自助服务区',
  enterprise: '企业综合服务专区',
  form_filling: '填单区',
  public_information: '政务公开区',
  waiting: '休息等候区',
  complaint: '投诉受理区',
  office: '办公区',
  auxiliary: '辅助区',
};

/** Counter kinds: §6.4 (综合窗口, 专业区窗口, 特殊窗口), §6.4.7 tidal, §8.1.3.5 extended hours. */
export const COUNTER_KINDS = ['comprehensive', 'professional', 'special', 'tidal', 'extended'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];
export const COUNTER_KIND_LABELS: Record<CounterKind, string> = {
  comprehensive: '综合窗口',
  professional: '专业区窗口',
  special: '特殊窗口',
  tidal: '潮汐窗口',
  extended: '延时错时窗口',
};

/** §5.1.5.1: a counter shows whether it serves, has paused, or its clerk is away and where. */
export const COUNTER_STATUSES = ['serving', 'paused', 'away', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];
export const COUNTER_STATUS_LABELS: Record<CounterStatus, string> = {
  serving: '服务中',
  paused: '暂停服务',
  away: '暂时离开',
  closed: '未开放',
};
