/**
 * The demo centre: 新建区政务服务中心 (Xinjian District, Nanchang, GB/T 2260 360112), a
 * county-level centre of Jiangxi as DB36/T 2016 describes it. Names of people and
 * codes are invented; the shape (departments stationed, the areas of §6.1.3, the
 * kinds of counter, chief representatives) follows the standard.
 */
import { DEFAULT_SERVICE_HOURS } from '../../domain/organisation/centre-rules.ts';
import type { CounterKind, CounterStatus, ZoneKind } from '../../domain/organisation/types.ts';
import { usccCheckChar } from '../../domain/shared/identity.ts';
import type { UserRole } from '../../domain/accounts/roles.ts';

/** A USCC with its GB 32100 check character computed from the first 17 characters. */
function uscc(first17: string): string {
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`invalid USCC body ${first17}`);
  return first17 + check;
}

export const DEMO_CENTRE = {
  name: '新建区政务服务中心',
  level: 'county' as const,
  divisionCode: '360112',
  address: '江西省南昌市新建区长堎镇子实路 1 号',
  latitude: 28.6925,
  longitude: 115.8153,
  phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '0791-83771236', supervision: '12345' },
  // §5.2.3.2: free Wi-Fi with its account and a simple password, displayed.
  wifi: { ssid: 'XJZWFW-Free', password: 'xjzw2025', notice: '本中心提供免费无线网络，连接后按页面提示认证' },
  serviceHours: DEFAULT_SERVICE_HOURS,
};

export interface DemoDepartment {
  readonly key: string;
  readonly name: string;
  readonly shortName: string;
  readonly uscc: string;
  readonly phone: string;
  /** Work-number block of the department's staff: XJ + two digits. */
  readonly block: string;
}

// 11 = 机构编制 / 机关, 12 = 机构编制 / 事业单位, 91 = 市场监管 / 企业 (GB 32100 first two characters).
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { key: 'police', name: '南昌市公安局新建分局', shortName: '公安', uscc: uscc('11360112014500113'), phone: '0791-83771101', block: '11' },
  { key: 'tax', name: '国家税务总局南昌市新建区税务局', shortName: '税务', uscc: uscc('11360112MB1756822'), phone: '0791-83771102', block: '12' },
  { key: 'hrss', name: '南昌市新建区人力资源和社会保障局', shortName: '人社', uscc: uscc('11360112014500211'), phone: '0791-83771103', block: '13' },
  { key: 'medical', name: '南昌市新建区医疗保障局', shortName: '医保', uscc: uscc('11360112MB1816540'), phone: '0791-83771104', block: '14' },
  { key: 'fund', name: '南昌住房公积金中心新建分中心', shortName: '公积金', uscc: uscc('12360112491012345'), phone: '0791-83771105', block: '15' },
  { key: 'estate', name: '南昌市新建区不动产登记中心', shortName: '不动产', uscc: uscc('12360112MB1A23456'), phone: '0791-83771106', block: '16' },
  { key: 'market', name: '南昌市新建区市场监督管理局', shortName: '市场监管', uscc: uscc('11360112MB1801234'), phone: '0791-83771107', block: '17' },
  { key: 'civil', name: '南昌市新建区民政局', shortName: '民政', uscc: uscc('11360112014500327'), phone: '0791-83771108', block: '18' },
  { key: 'transport', name: '南昌市新建区交通运输局', shortName: '交通运输', uscc: uscc('11360112014500458'), phone: '0791-83771109', block: '19' },
  { key: 'health', name: '南昌市新建区卫生健康委员会', shortName: '卫健', uscc: uscc('11360112MB1787654'), phone: '0791-83771110', block: '20' },
  { key: 'housing', name: '南昌市新建区住房和城乡建设局', shortName: '住建', uscc: uscc('11360112014500536'), phone: '0791-83771111', block: '21' },
  { key: 'land', name: '南昌市自然资源和规划局新建分局', shortName: '自然资源', uscc: uscc('11360112MB1893210'), phone: '0791-83771112', block: '22' },
  { key: 'justice', name: '南昌市新建区司法局', shortName: '司法', uscc: uscc('11360112014500624'), phone: '0791-83771113', block: '23' },
  { key: 'veterans', name: '南昌市新建区退役军人事务局', shortName: '退役军人', uscc: uscc('11360112MB1920371'), phone: '0791-83771114', block: '24' },
  { key: 'power', name: '国网江西省电力有限公司南昌市新建区供电分公司', shortName: '供电', uscc: uscc('91360112MA35G8K2X'), phone: '0791-83771115', block: '25' },
];

export interface DemoZone {
  readonly key: string;
  readonly name: string;
  readonly kind: ZoneKind;
  readonly floor: string;
  readonly areaM2: number;
}

/** Every functional area of §6.1.3; citizens' areas well above staff areas (§6.1.4). */
export const DEMO_ZONES: readonly DemoZone[] = [
  { key: 'consult', name: '咨询服务区（导服台）', kind: 'consultation', floor: '1F', areaM2: 120 },
  { key: 'hall1', name: '一楼综合窗口服务区', kind: 'counter', floor: '1F', areaM2: 900 },
  { key: 'hall2', name: '二楼专业窗口服务区', kind: 'counter', floor: '2F', areaM2: 850 },
  { key: 'self', name: '24小时自助服务区', kind: 'self_service', floor: '1F', areaM2: 150 },
  { key: 'enterprise', name: '企业综合服务专区', kind: 'enterprise', floor: '2F', areaM2: 320 },
  { key: 'forms', name: '填单区', kind: 'form_filling', floor: '1F', areaM2: 80 },
  { key: 'publicInfo', name: '政务公开区', kind: 'public_information', floor: '1F', areaM2: 60 },
  { key: 'wait1', name: '一楼休息等候区', kind: 'waiting', floor: '1F', areaM2: 380 },
  { key: 'wait2', name: '二楼休息等候区', kind: 'waiting', floor: '2F', areaM2: 260 },
  { key: 'complaint', name: '投诉受理区', kind: 'complaint', floor: '1F', areaM2: 40 },
  { key: 'office', name: '中心办公区', kind: 'office', floor: '3F', areaM2: 650 },
  { key: 'aux', name: '辅助区（档案室、设备间）', kind: 'auxiliary', floor: '3F', areaM2: 220 },
];

export interface DemoStaff {
  readonly key: string;
  readonly name: string;
  /** null: the centre's own staff (§7.4.2: comprehensive-counter staff are the centre's). */
  readonly department: string | null;
  readonly title: string;
  readonly duties: readonly string[];
  /** The department's chief representative (§3.8). */
  readonly chief?: true;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  // The centre's management and its own staff.
  { key: 'director', name: '罗文华', department: null, title: '中心主任', duties: ['主持中心全面工作'] },
  { key: 'deputy', name: '胡晓敏', department: null, title: '中心副主任', duties: ['窗口运行管理', '效能督查'] },
  { key: 'general', name: '黄志刚', department: null, title: '综合科科长', duties: ['咨询导引', '帮办代办统筹'] },
  { key: 'complaints', name: '万丽', department: null, title: '投诉受理专员', duties: ['投诉受理', '差评核实与回访'] },
  { key: 'helper', name: '涂佳', department: null, title: '帮代办专员', duties: ['帮办代办', '老年人、残疾人陪同办理'] },
  { key: 'inspector', name: '邹敏', department: null, title: '督查专员', duties: ['效能督查', '现场巡查'] },
  { key: 'c1', name: '熊雅琴', department: null, title: '综合窗口受理员', duties: ['综合受理', '一次性告知'] },
  { key: 'c2', name: '章婷', department: null, title: '综合窗口受理员', duties: ['综合受理', '一次性告知'] },
  { key: 'c3', name: '李娜', department: null, title: '综合窗口受理员', duties: ['综合受理', '容缺受理'] },
  { key: 'c4', name: '杨帆', department: null, title: '综合窗口受理员', duties: ['综合受理'] },
  { key: 'c5', name: '邓晓燕', department: null, title: '综合窗口受理员', duties: ['综合受理'] },
  { key: 'c6', name: '吴倩', department: null, title: '综合窗口受理员', duties: ['综合受理'] },
  { key: 'c7', name: '彭丽华', department: null, title: '跨域通办专员', duties: ['跨省通办', '省内通办'] },
  { key: 'c8', name: '付晶', department: null, title: '出件专员', duties: ['统一出件', '证照寄递'] },
  { key: 'c9', name: '曾艳', department: null, title: '惠企政策专员', duties: ['惠企政策兑现', '免申即享'] },
  { key: 'c10', name: '程颖', department: null, title: '综合窗口受理员', duties: ['延时错时服务', '预约办理'] },
  // Stationed departments: a chief representative (§7.4.1 b) and their clerks.
  { key: 'policeChief', name: '陈建国', department: 'police', title: '户政科科长', duties: ['首席代表', '公安事项审批'], chief: true },
  { key: 'police1', name: '邹强', department: 'police', title: '户政窗口民警', duties: ['户籍办理', '居民身份证'] },
  { key: 'police2', name: '徐蕾', department: 'police', title: '出入境窗口民警', duties: ['出入境证件'] },
  { key: 'police3', name: '汪涛', department: 'police', title: '车驾管窗口民警', duties: ['机动车登记', '驾驶证业务'] },
  { key: 'taxChief', name: '刘卫东', department: 'tax', title: '纳税服务科科长', duties: ['首席代表', '税务事项审批'], chief: true },
  { key: 'tax1', name: '周晓燕', department: 'tax', title: '税务窗口科员', duties: ['税费综合申报', '涉税咨询'] },
  { key: 'tax2', name: '聂文', department: 'tax', title: '税务窗口科员', duties: ['发票领用与代开'] },
  { key: 'tax3', name: '喻婷', department: 'tax', title: '税务窗口科员', duties: ['个人所得税', '社保费征缴'] },
  { key: 'hrssChief', name: '钟伟', department: 'hrss', title: '社会保险股股长', duties: ['首席代表', '人社事项审批'], chief: true },
  { key: 'hrss1', name: '刘芳', department: 'hrss', title: '人社窗口科员', duties: ['社保登记与缴费'] },
  { key: 'hrss2', name: '姜丽', department: 'hrss', title: '人社窗口科员', duties: ['就业创业', '社会保障卡'] },
  { key: 'medicalChief', name: '袁斌', department: 'medical', title: '医保经办股股长', duties: ['首席代表', '医保事项审批'], chief: true },
  { key: 'medical1', name: '舒琴', department: 'medical', title: '医保窗口科员', duties: ['医保参保', '异地就医备案', '零星报销'] },
  { key: 'fundChief', name: '简华', department: 'fund', title: '分中心副主任', duties: ['首席代表', '公积金事项审批'], chief: true },
  { key: 'fund1', name: '范琳', department: 'fund', title: '公积金窗口科员', duties: ['公积金缴存'] },
  { key: 'fund2', name: '甘雪', department: 'fund', title: '公积金窗口科员', duties: ['公积金提取', '公积金贷款'] },
  { key: 'estateChief', name: '邱明', department: 'estate', title: '登记中心副主任', duties: ['首席代表', '不动产登记审核'], chief: true },
  { key: 'estate1', name: '严俊', department: 'estate', title: '登记窗口科员', duties: ['不动产登记受理'] },
  { key: 'estate2', name: '郭蓉', department: 'estate', title: '登记窗口科员', duties: ['抵押登记'] },
  { key: 'estate3', name: '叶子涵', department: 'estate', title: '登记窗口科员', duties: ['交易、税费、登记一窗受理'] },
  { key: 'marketChief', name: '龚平', department: 'market', title: '登记注册股股长', duties: ['首席代表', '市场主体登记审核'], chief: true },
  { key: 'market1', name: '蔡文静', department: 'market', title: '企业开办窗口科员', duties: ['企业开办一窗通'] },
  { key: 'market2', name: '潘悦', department: 'market', title: '许可窗口科员', duties: ['食品经营许可', '经营许可'] },
  { key: 'civilChief', name: '熊斌', department: 'civil', title: '民政事务股股长', duties: ['首席代表', '民政事项后台审批'], chief: true },
  { key: 'transportChief', name: '魏强', department: 'transport', title: '行政审批股股长', duties: ['首席代表', '交通运输事项后台审批'], chief: true },
  { key: 'healthChief', name: '谢敏', department: 'health', title: '医政股股长', duties: ['首席代表', '卫生健康事项后台审批'], chief: true },
  { key: 'housingChief', name: '廖军', department: 'housing', title: '建管股股长', duties: ['首席代表', '住建事项后台审批'], chief: true },
  { key: 'landChief', name: '方勇', department: 'land', title: '审批股股长', duties: ['首席代表', '规划与用地事项后台审批'], chief: true },
  { key: 'justiceChief', name: '吕红', department: 'justice', title: '公共法律服务股股长', duties: ['首席代表', '法律援助', '公证咨询'], chief: true },
  { key: 'veteransChief', name: '黎平', department: 'veterans', title: '优抚股股长', duties: ['首席代表', '退役军人事项后台审批'], chief: true },
  { key: 'powerChief', name: '喻军', department: 'power', title: '营业厅主任', duties: ['首席代表', '水电气网联合报装'], chief: true },
];

export interface DemoCounter {
  readonly number: string;
  readonly name: string;
  readonly kind: CounterKind;
  readonly zone: string;
  readonly department: string | null;
  readonly areaName?: string;
  readonly status: CounterStatus;
}

const comprehensive = (number: string, name: string): DemoCounter => ({ number, name, kind: 'comprehensive', zone: 'hall1', department: null, status: 'serving' });
const professional = (number: string, name: string, department: string, areaName: string, zone = 'hall2'): DemoCounter => ({
  number,
  name,
  kind: 'professional',
  zone,
  department,
  areaName,
  status: 'serving',
});

/**
 * Every kind of counter: comprehensive (§3.5, §7.1.6.2, including unified output and
 * cross-region service), professional areas (§3.6, §7.1.6.3, six areas), special
 * counters (§7.1.6.4, §8.2.2 帮代办, complaints), tidal (§6.4.7) and extended-hours
 * counters (§8.1.3.5).
 */
export const DEMO_COUNTERS: readonly DemoCounter[] = [
  comprehensive('1', '综合受理（无差别）'),
  comprehensive('2', '综合受理（无差别）'),
  comprehensive('3', '综合受理（无差别）'),
  comprehensive('4', '综合受理（无差别）'),
  comprehensive('5', '综合受理（无差别）'),
  { ...comprehensive('6', '综合受理（无差别）'), status: 'paused' },
  comprehensive('7', '跨域通办'),
  comprehensive('8', '统一出件'),
  { number: '9', name: '帮代办服务', kind: 'special', zone: 'consult', department: null, status: 'serving' },
  { number: '10', name: '“办不成事”反映', kind: 'special', zone: 'hall1', department: null, status: 'serving' },
  { number: '11', name: '惠企政策兑现', kind: 'special', zone: 'enterprise', department: null, status: 'serving' },
  { number: '12', name: '邮政寄递', kind: 'special', zone: 'hall1', department: null, status: 'serving' },
  { number: '13', name: '投诉受理', kind: 'special', zone: 'complaint', department: null, status: 'serving' },
  { number: '14', name: '潮汐窗口', kind: 'tidal', zone: 'hall1', department: null, status: 'closed' },
  { number: '15', name: '潮汐窗口', kind: 'tidal', zone: 'hall2', department: null, status: 'closed' },
  { number: '16', name: '延时错时服务（早晚错峰、午间不打烊）', kind: 'extended', zone: 'hall1', department: null, status: 'closed' },
  { number: '17', name: '周末预约服务', kind: 'extended', zone: 'hall1', department: null, status: 'closed' },
  { number: '18', name: '水电气网联合报装', kind: 'special', zone: 'enterprise', department: 'power', status: 'serving' },
  professional('21', '户政业务', 'police', '公安专区'),
  professional('22', '出入境业务', 'police', '公安专区'),
  professional('23', '车驾管业务', 'police', '公安专区'),
  professional('24', '税费综合申报', 'tax', '税务专区'),
  professional('25', '发票业务', 'tax', '税务专区'),
  professional('26', '个人所得税与社保费', 'tax', '税务专区'),
  professional('27', '社保登记与缴费', 'hrss', '社保医保专区'),
  professional('28', '就业创业与社保卡', 'hrss', '社保医保专区'),
  professional('29', '医保参保与报销', 'medical', '社保医保专区'),
  professional('30', '公积金缴存', 'fund', '公积金专区'),
  professional('31', '公积金提取与贷款', 'fund', '公积金专区'),
  professional('32', '不动产登记受理', 'estate', '不动产登记专区'),
  professional('33', '不动产抵押登记', 'estate', '不动产登记专区'),
  professional('34', '交易、税费、登记一窗受理', 'estate', '不动产登记专区'),
  professional('35', '企业开办一窗通', 'market', '企业开办专区', 'enterprise'),
  professional('36', '经营许可', 'market', '企业开办专区', 'enterprise'),
];

export interface DemoAccountSpec {
  readonly role: Exclude<UserRole, 'system_admin'>;
  readonly username: string;
  readonly password: string;
  /** The staff member the account belongs to. */
  readonly staff: string | null;
  /** The department the role is narrowed to (chief representative, window clerk). */
  readonly department: string | null;
}

/** One account per role; `admin` (system administrator) is created at first start. */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { role: 'centre_manager', username: 'manager', password: 'Demo-2025-manager', staff: 'deputy', department: null },
  { role: 'chief_representative', username: 'chief', password: 'Demo-2025-chief', staff: 'taxChief', department: 'tax' },
  { role: 'window_clerk', username: 'clerk', password: 'Demo-2025-clerk', staff: 'tax1', department: 'tax' },
  { role: 'complaint_handler', username: 'complaints', password: 'Demo-2025-complaints', staff: 'complaints', department: null },
  { role: 'auditor', username: 'auditor', password: 'Demo-2025-auditor', staff: 'inspector', department: null },
];
