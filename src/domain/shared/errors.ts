/**
 * The one table of error codes of GovHall. Every error the API returns has a code
 * from here; the code is stable, the message is what a person reads.
 *
 * `kind` says what went wrong in terms the HTTP layer maps to a status (see
 * platform/http/errors.ts); the domain itself knows nothing of HTTP.
 */
export type ErrorKind =
  | 'malformed' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'rule' // 422
  | 'too_large' // 413
  | 'too_many' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

interface ErrorSpec {
  readonly kind: ErrorKind;
  readonly zh: string;
  readonly en: string;
}

export const ERRORS = {
  // request shape
  VALIDATION_FAILED: { kind: 'malformed', zh: '请求内容不符合要求', en: 'The request is not valid' },
  MALFORMED_JSON: { kind: 'malformed', zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'malformed', zh: '不支持的内容类型', en: 'Unsupported content type' },
  BODY_TOO_LARGE: { kind: 'malformed', zh: '请求体过大', en: 'The request body is too large' },
  ROUTE_NOT_FOUND: { kind: 'not_found', zh: '接口不存在', en: 'No such route' },
  INTERNAL_ERROR: { kind: 'internal', zh: '服务器内部错误，请稍后重试', en: 'Internal server error' },
  // accounts and sessions
  AUTH_REQUIRED: { kind: 'unauthenticated', zh: '请先登录', en: 'Authentication required' },
  AUTH_INVALID_CREDENTIALS: { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_SESSION_EXPIRED: { kind: 'unauthenticated', zh: '登录已过期，请重新登录', en: 'The session has expired' },
  AUTH_DEVICE_TOKEN_INVALID: { kind: 'unauthenticated', zh: '设备令牌无效或已吊销', en: 'The device token is invalid or revoked' },
  AUTH_ACCOUNT_LOCKED: { kind: 'too_many', zh: '登录失败次数过多，账号已暂时锁定', en: 'Too many failed logins; the account is locked for a while' },
  AUTH_ADDRESS_LOCKED: { kind: 'too_many', zh: '该地址登录失败次数过多，已暂时禁止登录', en: 'Too many failed logins from this address' },
  AUTH_ACCOUNT_DISABLED: { kind: 'forbidden', zh: '账号已停用', en: 'The account is disabled' },
  CSRF_TOKEN_INVALID: { kind: 'forbidden', zh: '缺少或错误的 CSRF 令牌', en: 'Missing or wrong CSRF token' },
  FORBIDDEN: { kind: 'forbidden', zh: '无权执行此操作', en: 'Not allowed' },
  PASSWORD_TOO_WEAK: { kind: 'rule', zh: '密码至少 10 位，且须包含字母和数字', en: 'The password needs at least 10 characters with letters and digits' },
  USERNAME_TAKEN: { kind: 'conflict', zh: '用户名已存在', en: 'The username is taken' },
  USER_NOT_FOUND: { kind: 'not_found', zh: '用户不存在', en: 'No such user' },
  DEVICE_TOKEN_NOT_FOUND: { kind: 'not_found', zh: '设备令牌不存在', en: 'No such device token' },
  DEVICE_SESSION_READ_ONLY: { kind: 'forbidden', zh: '设备会话只能读取，提交操作请使用设备令牌', en: 'A device session only reads; send changes with the device token' },
  ROLE_SCOPE_INVALID: { kind: 'rule', zh: '角色的适用范围不正确', en: 'The role does not fit the given scope' },
  CURRENT_PASSWORD_WRONG: { kind: 'rule', zh: '当前密码不正确', en: 'The current password is wrong' },
  LAST_SYSTEM_ADMIN: { kind: 'rule', zh: '不能停用或撤销最后一个系统管理员', en: 'The last system administrator cannot be disabled or demoted' },
  // organisation
  CENTRE_NOT_FOUND: { kind: 'not_found', zh: '政务服务中心不存在', en: 'No such centre' },
  DEPARTMENT_NOT_FOUND: { kind: 'not_found', zh: '进驻部门不存在', en: 'No such department' },
  ZONE_NOT_FOUND: { kind: 'not_found', zh: '功能区不存在', en: 'No such zone' },
  COUNTER_NOT_FOUND: { kind: 'not_found', zh: '窗口不存在', en: 'No such counter' },
  STAFF_NOT_FOUND: { kind: 'not_found', zh: '工作人员不存在', en: 'No such staff member' },
  DIVISION_CODE_INVALID: { kind: 'rule', zh: '行政区划代码不存在（GB/T 2260）', en: 'Unknown administrative division code (GB/T 2260)' },
  CENTRE_PARENT_INVALID: { kind: 'rule', zh: '上级中心不正确', en: 'The parent centre is not valid' },
  CENTRE_RETIRED: { kind: 'rule', zh: '该中心已撤销', en: 'The centre is retired' },
  ENTITY_RETIRED: { kind: 'rule', zh: '该记录已停用，不能修改', en: 'The record is retired' },
  SERVICE_HOURS_INVALID: { kind: 'rule', zh: '服务时间设置不正确', en: 'The service hours are not valid' },
  COUNTER_NUMBER_TAKEN: { kind: 'conflict', zh: '窗口编号已存在', en: 'The counter number is taken in this centre' },
  STAFF_WORK_NUMBER_TAKEN: { kind: 'conflict', zh: '工号已存在', en: 'The work number is taken in this centre' },
  DEPARTMENT_NAME_TAKEN: { kind: 'conflict', zh: '部门名称已存在', en: 'The department name is taken in this centre' },
  ZONE_NAME_TAKEN: { kind: 'conflict', zh: '功能区名称已存在', en: 'The zone name is taken in this centre' },
  COUNTER_AREA_REQUIRED: { kind: 'rule', zh: '专业区窗口须填写所属专业区名称', en: 'A professional-area counter needs its area name' },
  COUNTER_AWAY_REASON_REQUIRED: { kind: 'rule', zh: '暂离须填写去向和预计返回时间', en: 'An away counter needs a reason and an expected return' },
  COUNTER_RETURN_TIME_INVALID: { kind: 'rule', zh: '预计返回时间应晚于当前时间', en: 'The expected return must be later than now' },
  USCC_INVALID: { kind: 'rule', zh: '统一社会信用代码不正确（GB 32100）', en: 'The unified social credit code is not valid (GB 32100)' },
  CHIEF_REPRESENTATIVE_INVALID: { kind: 'rule', zh: '首席代表须为本部门派驻本中心的在岗工作人员', en: 'The chief representative must be an active staff member of this department' },
  STAFF_USER_TAKEN: { kind: 'conflict', zh: '该账号已关联其他工作人员', en: 'The account is already linked to another staff member' },
  // calendar
  CALENDAR_YEAR_NOT_LOADED: { kind: 'rule', zh: '该年度的节假日安排尚未导入', en: 'The holiday arrangement of that year is not loaded' },
  CALENDAR_DATA_INVALID: { kind: 'rule', zh: '节假日数据格式不正确', en: 'The holiday data is not valid' },
  DATE_INVALID: { kind: 'malformed', zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  CLOSED_DAY_EXISTS: { kind: 'conflict', zh: '该日期已设为闭厅日', en: 'That date is already a closed day' },
  CLOSED_DAY_NOT_FOUND: { kind: 'not_found', zh: '闭厅日不存在', en: 'No such closed day' },
  // backup
  BACKUP_INVALID: { kind: 'rule', zh: '备份文件无效', en: 'The backup file is not valid' },
  // catalogue: item codes (GB/T 39554, GB/T 39046; DB36/T 2016 §7.3.3.2)
  ITEM_BASIC_CODE_INVALID: { kind: 'rule', zh: '基本编码应为 10 位或 12 位数字和大写字母', en: 'The basic code must be 10 or 12 digits and upper-case letters' },
  ITEM_IMPLEMENTATION_CODE_INVALID: { kind: 'rule', zh: '实施编码应为 31 位数字和大写字母', en: 'The implementation code must be 31 digits and upper-case letters' },
  ITEM_IMPLEMENTATION_USCC_INVALID: { kind: 'rule', zh: '实施编码前 18 位不是有效的统一社会信用代码（GB 32100）', en: 'The first 18 characters of the implementation code are not a valid USCC (GB 32100)' },
  ITEM_IMPLEMENTATION_LEVEL_INVALID: { kind: 'rule', zh: '实施编码第 19 位行使层级应为 1–7', en: 'The exercise level (19th character) must be 1–7' },
  ITEM_IMPLEMENTATION_USCC_MISMATCH: { kind: 'rule', zh: '实施编码与实施机构的统一社会信用代码不一致', en: 'The implementation code does not start with the implementing body\'s USCC' },
  ITEM_IMPLEMENTATION_BASIC_MISMATCH: { kind: 'rule', zh: '实施编码末尾不是该事项的基本编码', en: 'The implementation code does not end with the basic code' },
  ITEM_HANDLING_CODE_INVALID: { kind: 'rule', zh: '业务办理项编码应为 31 位实施编码加 2 位顺序号', en: 'The handling-item code must be the implementation code plus a 2-digit sequence' },
  ITEM_HANDLING_CODE_PARENT_MISMATCH: { kind: 'rule', zh: '业务办理项编码应以上级事项的实施编码开头', en: 'The handling-item code must start with its parent\'s implementation code' },
  ITEM_TYPE_CODE_INVALID: { kind: 'rule', zh: '事项类型代码不正确', en: 'The item type code is not valid' },
  ITEM_TYPE_CODE_MISMATCH: { kind: 'rule', zh: '事项类型代码与事项类型不符', en: 'The item type code contradicts the item type' },
  // catalogue: guides (DB36/T 2016 §7.3.3.3, §8.1.2.3, §8.2)
  ITEM_GUIDE_ELEMENT_MISSING: { kind: 'rule', zh: '办事指南缺少必备要素', en: 'A mandatory guide element is missing' },
  ITEM_PUBLICATION_INCOMPLETE: { kind: 'rule', zh: '办事指南要素不全或有矛盾，不能发布', en: 'The guide is incomplete or inconsistent and cannot be published' },
  ITEM_TIME_LIMIT_INVALID: { kind: 'rule', zh: '办结时限应为非负整数', en: 'A time limit must be a non-negative whole number' },
  ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL: { kind: 'rule', zh: '承诺办结时限不能长于法定办结时限', en: 'The promised time limit exceeds the legal one' },
  ITEM_IMMEDIATE_LIMIT_INVALID: { kind: 'rule', zh: '即办件不能承诺多日办结', en: 'An on-the-spot item cannot promise several days' },
  ITEM_TOLERANCE_DEADLINE_REQUIRED: { kind: 'rule', zh: '容缺材料须写明容缺条件和补齐时限', en: 'A material accepted as missing needs conditions and a completion deadline' },
  ITEM_TOLERANCE_FLAG_REQUIRED: { kind: 'rule', zh: '有容缺材料的事项须标注容缺受理', en: 'An item with tolerated materials must carry the tolerance flag' },
  ITEM_TOLERANCE_MATERIALS_REQUIRED: { kind: 'rule', zh: '容缺受理事项须至少有一项可容缺的材料', en: 'A tolerance-acceptance item needs at least one tolerated material' },
  ITEM_SHARED_MATERIAL_REQUESTED: { kind: 'rule', zh: '可通过数据共享获取的材料不应要求申请人提交', en: 'A material obtainable by data sharing must not be asked of the applicant' },
  ITEM_MATERIAL_COUNT_INVALID: { kind: 'rule', zh: '材料原件、复印件份数应为非负整数', en: 'Originals and copies must be non-negative whole numbers' },
  ITEM_MATERIAL_DUPLICATE: { kind: 'rule', zh: '申请材料重复', en: 'The material is listed twice' },
  ITEM_THROUGH_SCOPE_CONFLICT: { kind: 'rule', zh: '通办范围与通办标识不一致', en: 'The through-handling scope contradicts the through-handling flags' },
  ITEM_CERTIFICATE_FREE_UNSUPPORTED: { kind: 'rule', zh: '免证办事项须至少有一项材料可用电子证照或数据共享', en: 'A certificate-free item needs a material accepted as an e-licence or by data sharing' },
  // catalogue: versions and hierarchy (DB36/T 2016 §7.3.2.2)
  ITEM_VERSION_TRANSITION_INVALID: { kind: 'rule', zh: '事项版本当前状态不允许此操作', en: 'The item version cannot make this transition' },
  ITEM_REVIEW_INCOMPLETE: { kind: 'rule', zh: '合法性审查须记录审查人和审查意见', en: 'A legality review needs a reviewer and an opinion' },
  ITEM_EFFECTIVE_DATE_INVALID: { kind: 'rule', zh: '生效日期不正确', en: 'The effective date is not valid' },
  ITEM_VERSION_IMMUTABLE: { kind: 'rule', zh: '已提交、已发布或已撤回的版本不能修改，请新建草稿版本', en: 'Only a draft version can be edited; create a new draft' },
  ITEM_DRAFT_EXISTS: { kind: 'conflict', zh: '该事项已有未发布的版本', en: 'The item already has an unpublished version' },
  ITEM_HIERARCHY_LEVEL_INVALID: { kind: 'rule', zh: '事项层级不正确（主项、子项、办理项）', en: 'The item level does not fit its parent (main, sub, handling item)' },
  ITEM_HIERARCHY_CODE_MISMATCH: { kind: 'rule', zh: '下级事项编码与上级事项编码不一致', en: 'The item code does not fit its parent\'s code' },
  ITEM_HIERARCHY_CYCLE: { kind: 'rule', zh: '事项上下级关系存在循环', en: 'The item hierarchy has a cycle' },
  // catalogue: items, versions and bundles (DB36/T 2016 §7.3, §8.2.4)
  ITEM_NOT_FOUND: { kind: 'not_found', zh: '事项不存在', en: 'No such item' },
  ITEM_VERSION_NOT_FOUND: { kind: 'not_found', zh: '事项版本不存在', en: 'No such item version' },
  ITEM_CODE_TAKEN: { kind: 'conflict', zh: '事项编码已被其他在用事项使用', en: 'The item code is used by another active item' },
  ITEM_NOT_PUBLISHED: { kind: 'not_found', zh: '该事项暂无已发布的办事指南', en: 'The item has no published guide' },
  BUNDLE_NOT_FOUND: { kind: 'not_found', zh: '“一件事”不存在', en: 'No such bundle' },
  BUNDLE_NAME_TAKEN: { kind: 'conflict', zh: '“一件事”名称已存在', en: 'The bundle name is taken in this centre' },
  // catalogue: 高效办成一件事 (DB36/T 2016 §8.2.4)
  BUNDLE_ITEMS_TOO_FEW: { kind: 'rule', zh: '“一件事”至少包含两个事项', en: 'A bundle needs at least two items' },
  BUNDLE_ITEM_DUPLICATE: { kind: 'rule', zh: '“一件事”中事项重复', en: 'An item is listed twice in the bundle' },
  BUNDLE_STEPS_INVALID: { kind: 'rule', zh: '“一件事”办理流程不正确', en: 'The bundle steps are not valid' },
  BUNDLE_COUNTER_KIND_INVALID: { kind: 'rule', zh: '“一件事”应纳入综合窗口统一受理', en: 'A bundle is accepted at comprehensive counters' },
  // catalogue: .xlsx import and export (issue 3 "Spreadsheets"; cell issues name sheet, row and column)
  SHEET_INVALID: { kind: 'malformed', zh: '文件不是有效的事项导入表格（.xlsx）', en: 'The file is not a valid item workbook (.xlsx)' },
  SHEET_TOO_LARGE: { kind: 'malformed', zh: '导入表格过大（不超过 10 MB、10000 行）', en: 'The workbook is too large (at most 10 MB and 10,000 rows)' },
  SHEET_COLUMN_MISSING: { kind: 'rule', zh: '导入表格缺少必备列', en: 'A required column is missing from the workbook' },
  SHEET_CELL_REQUIRED: { kind: 'rule', zh: '单元格不能为空', en: 'The cell must not be empty' },
  SHEET_VALUE_INVALID: { kind: 'rule', zh: '单元格的值不在允许范围内', en: 'The cell value is not one of the allowed values' },
  SHEET_NUMBER_INVALID: { kind: 'rule', zh: '单元格应为非负整数', en: 'The cell must be a non-negative whole number' },
  SHEET_CODE_DUPLICATE: { kind: 'conflict', zh: '表格中事项编码重复', en: 'The item code appears twice in the workbook' },
  SHEET_ITEM_UNKNOWN: { kind: 'rule', zh: '申请材料所属事项编码在事项表中不存在', en: 'The material refers to an item code not in the item sheet' },
  // stored files: 空白表格、格式范本 (DB36/T 2016 §6.3.2)
  FILE_NOT_FOUND: { kind: 'not_found', zh: '文件不存在', en: 'No such file' },
  FILE_TOO_LARGE: { kind: 'too_large', zh: '文件过大（不超过 10 MB）', en: 'The file is too large (at most 10 MB)' },
  FILE_EMPTY: { kind: 'rule', zh: '文件内容为空', en: 'The file is empty' },
  FILE_NAME_INVALID: { kind: 'malformed', zh: '文件名不正确', en: 'The file name is not valid' },
  FILE_TYPE_NOT_ALLOWED: { kind: 'rule', zh: '文件类型不允许（仅限 PDF、Word、Excel、JPG、PNG、OFD）', en: 'File type not allowed (PDF, Word, Excel, JPG, PNG, OFD only)' },
  FILE_CONTENT_MISMATCH: { kind: 'rule', zh: '文件内容与扩展名不符', en: 'The file content does not match its extension' },
  // queue and calling: tickets (DB36/T 2016 §5.2.2, §7.1.5, §7.1.6.2; one transition table, domain/queue/ticket-states.ts)
  TICKET_ALREADY_CALLED: { kind: 'conflict', zh: '该号已被叫号', en: 'The ticket has already been called' },
  TICKET_NOT_CALLED: { kind: 'rule', zh: '该号尚未叫号', en: 'The ticket has not been called' },
  TICKET_ALREADY_STARTED: { kind: 'conflict', zh: '该号已开始办理', en: 'The ticket is already being served' },
  TICKET_NOT_STARTED: { kind: 'rule', zh: '该号尚未开始办理', en: 'The ticket is not being served' },
  TICKET_PARKED: { kind: 'rule', zh: '该号已挂起，请先恢复办理或重新排队', en: 'The ticket is parked; resume or requeue it first' },
  TICKET_NOT_PARKED: { kind: 'rule', zh: '该号未挂起', en: 'The ticket is not parked' },
  TICKET_ALREADY_FINISHED: { kind: 'conflict', zh: '该号已办结', en: 'The ticket is already finished' },
  TICKET_CLOSED: { kind: 'conflict', zh: '该号已结束（过号、取消、转出或过期）', en: 'The ticket is closed (no-show, cancelled, transferred or expired)' },
  TICKET_HELD_BY_OTHER_COUNTER: { kind: 'conflict', zh: '该号由其他窗口叫号或办理', en: 'Another counter holds the ticket' },
  RECALL_LIMIT_REACHED: { kind: 'rule', zh: '重呼次数已达上限，请标记过号', en: 'The recall limit is reached; mark the ticket as a no-show' },
  TICKET_TRANSFER_TARGET_INVALID: { kind: 'rule', zh: '转移目标不正确', en: 'The transfer target is not valid' },
  TICKET_NOT_IN_POOL: { kind: 'rule', zh: '该号不在本窗口的叫号范围内', en: 'This counter may not take the ticket' },
  COUNTER_CANNOT_CALL: { kind: 'rule', zh: '窗口暂停服务、暂时离开或未开放，不能叫号', en: 'A paused, away or closed counter cannot call' },
  TICKET_NUMBERS_EXHAUSTED: { kind: 'rule', zh: '该队列今日号码已用尽', en: 'The queue has used all its numbers for today' },
  QUEUE_PREFIX_INVALID: { kind: 'rule', zh: '队列字头应为一个大写英文字母', en: 'The queue prefix must be one upper-case letter' },
  QUEUE_PREFIX_TAKEN: { kind: 'conflict', zh: '队列字头已被本中心其他队列使用', en: 'The prefix is used by another queue of this centre' },
  QUEUE_SETTINGS_INVALID: { kind: 'rule', zh: '排队叫号设置不正确', en: 'The queue settings are not valid' },
  // queue and calling: issuing (DB36/T 2016 §5.2.2 排队取号机, §6.2, §8.1.3.5)
  CENTRE_CLOSED_NOW: { kind: 'rule', zh: '当前不在中心服务时间', en: 'The centre is closed at this time' },
  CENTRE_APPOINTMENT_ONLY: { kind: 'rule', zh: '当前时段仅办理预约业务', en: 'Only appointments are served at this time' },
  QUEUE_ISSUING_CLOSED: { kind: 'rule', zh: '当前不在该队列的取号时间', en: 'The queue does not issue tickets at this time' },
  QUEUE_QUOTA_SPENT: { kind: 'rule', zh: '该队列今日号源已取完', en: 'The daily quota of the queue is spent' },
  MOBILE_PHONE_REQUIRED: { kind: 'rule', zh: '手机取号须填写手机号码', en: 'A mobile ticket needs a phone number' },
  PHONE_INVALID: { kind: 'rule', zh: '手机号码不正确', en: 'The phone number is not valid' },
  ID_NUMBER_INVALID: { kind: 'rule', zh: '居民身份证号码不正确（GB 11643）', en: 'The resident ID number is not valid (GB 11643)' },
  MOBILE_PHONE_LIMIT: { kind: 'too_many', zh: '该手机号今日取号次数已达上限', en: 'This phone has taken the most tickets allowed today' },
  MOBILE_ID_LIMIT: { kind: 'too_many', zh: '该身份证号今日取号次数已达上限', en: 'This ID number has taken the most tickets allowed today' },
  // queue and calling: tidal counters (DB36/T 2016 §6.4.7)
  COUNTER_NOT_TIDAL: { kind: 'rule', zh: '该窗口不是潮汐窗口', en: 'The counter is not a tidal counter' },
  TIDAL_COUNTER_BUSY: { kind: 'conflict', zh: '该潮汐窗口已开放给其他队列', en: 'The tidal counter is open for another queue' },
  TIDAL_COUNTER_NOT_OPEN: { kind: 'rule', zh: '该潮汐窗口未开放', en: 'The tidal counter is not open' },
  // queue and calling: the server side (src/modules/queue)
  QUEUE_NOT_FOUND: { kind: 'not_found', zh: '队列不存在', en: 'No such queue' },
  QUEUE_HAS_WAITING_TICKETS: { kind: 'conflict', zh: '该队列仍有等候中的号，不能停用', en: 'The queue still has waiting tickets' },
  TICKET_NOT_FOUND: { kind: 'not_found', zh: '号码不存在', en: 'No such ticket' },
  TICKET_QUEUE_REQUIRED: { kind: 'rule', zh: '须选择队列或办理事项', en: 'A queue or an item is required' },
  ITEM_HAS_NO_QUEUE: { kind: 'rule', zh: '该事项暂未设置取号队列，请到咨询台咨询', en: 'No queue serves this item' },
  TICKET_SOURCE_NOT_ALLOWED: { kind: 'rule', zh: '取号来源与取号设备不符', en: 'This source is not allowed for this caller' },
  TICKET_REQUEST_REUSED: { kind: 'conflict', zh: '该请求编号已用于另一次取号', en: 'This request id was used for another ticket request' },
  TICKET_PRIORITY_NOT_ALLOWED: { kind: 'rule', zh: '绿色通道须由工作人员核定，取号机不能选择', en: 'Only staff may grant the green channel' },
  COUNTER_NOT_SIGNED_IN: { kind: 'rule', zh: '请先登录该窗口', en: 'Sign in to the counter first' },
  STAFF_RECORD_REQUIRED: { kind: 'rule', zh: '账号未关联本中心在岗工作人员，不能登录窗口', en: 'The account is not linked to an active staff member of this centre' },
  COUNTER_HOLDS_TICKET: { kind: 'conflict', zh: '窗口仍有已叫号或办理中的号，请先办结、转移或挂起', en: 'The counter still holds a called or serving ticket' },
  // case handling 办件 (DB36/T 2016 §7.5.2.3, §8.1.2, §8.2.4–§8.2.7; one transition table, domain/cases/case-states.ts)
  CASE_NOT_FOUND: { kind: 'not_found', zh: '办件不存在', en: 'No such case' },
  CASE_TRANSITION_NOT_ALLOWED: { kind: 'conflict', zh: '办件当前状态不允许此操作', en: 'The case cannot take this action in its current state' },
  CASE_ALREADY_DECIDED: { kind: 'conflict', zh: '该办件已作出决定，不能再次决定', en: 'The case has already been decided' },
  CASE_ARCHIVED: { kind: 'conflict', zh: '该办件已归档，只能查阅', en: 'The case is archived and read-only' },
  CASE_DATA_INVALID: { kind: 'rule', zh: '办件操作信息不完整或不正确', en: 'The data of the case action is incomplete or not valid' },
  CASE_ID_NUMBER_INVALID: { kind: 'rule', zh: '申请人证件号码不正确', en: 'The applicant\'s identity document number is not valid' },
  CASE_USCC_INVALID: { kind: 'rule', zh: '申请单位统一社会信用代码不正确（GB 32100）', en: 'The applicant organisation\'s USCC is not valid (GB 32100)' },
  CASE_PHONE_INVALID: { kind: 'rule', zh: '申请人联系电话不正确', en: 'The applicant\'s phone number is not valid' },
  CASE_ITEM_OR_BUNDLE_REQUIRED: { kind: 'rule', zh: '须选择一个事项（或业务办理项）或一个“一件事”', en: 'Name exactly one item (or handling item) or one bundle' },
  CASE_MATERIALS_MISMATCH: { kind: 'rule', zh: '材料清单与事项已发布的办事指南不一致', en: 'The materials checklist does not match the published guide' },
  CASE_MATERIALS_INCOMPLETE: { kind: 'rule', zh: '申请材料不齐全，不能按此方式受理', en: 'The materials do not allow this decision' },
  CASE_TOLERANCE_NOT_ALLOWED: { kind: 'rule', zh: '该材料或事项不允许容缺受理', en: 'Tolerance acceptance is not allowed for this material or item' },
  CASE_MODE_NOT_ALLOWED: { kind: 'rule', zh: '该事项不适用此受理方式', en: 'The item does not allow this acceptance mode' },
  CASE_TOLERANCE_OVERDUE: { kind: 'rule', zh: '容缺材料补齐时限已过', en: 'The completion deadline of the tolerated materials has passed' },
  CASE_TOLERANCE_OUTSTANDING: { kind: 'rule', zh: '容缺材料尚未补齐，不能作出准予决定', en: 'Tolerated materials are still outstanding' },
  CASE_STEP_UNKNOWN: { kind: 'rule', zh: '办理环节不在该事项的办理流程中', en: 'The step is not in the item\'s process' },
  CASE_STEP_ALREADY_STARTED: { kind: 'conflict', zh: '该办理环节已开始', en: 'The step has already started' },
  CASE_STEP_NOT_STARTED: { kind: 'rule', zh: '该办理环节尚未开始', en: 'The step has not started' },
  CASE_ITEM_REQUIRED: { kind: 'rule', zh: '“一件事”办件须指明对哪个事项作出决定', en: 'A bundle case needs the item the decision is about' },
  CASE_NUMBERS_EXHAUSTED: { kind: 'rule', zh: '该事项今日办件编号已用尽', en: 'The item has used all its case numbers for today' },
  CASE_TICKET_NOT_IN_SERVICE: { kind: 'rule', zh: '该号不在本中心办理中，不能据此受理', en: 'The ticket is not being served in this centre' },
  CASE_CROSS_REGION_NOT_ALLOWED: { kind: 'rule', zh: '该事项不在相应的通办范围内（DB36/T 2016 §8.2.6）', en: 'The item is not in that through-handling scope' },
  CASE_REVIEW_PENDING: { kind: 'rule', zh: '否定事项报备尚未复核，暂不能归档', en: 'The refusal report awaits its review' },
  CASE_CHECK_FAILED: { kind: 'not_found', zh: '办件编号或查询码不正确', en: 'Wrong case number or check code' },
  CASE_CHECK_LOCKED: { kind: 'too_many', zh: '查询过于频繁，请稍后再试', en: 'Too many failed checks; try again later' },
  CASE_SETTINGS_INVALID: { kind: 'rule', zh: '办件设置不正确', en: 'The case settings are not valid' },
  REFUSAL_REVIEW_NOT_FOUND: { kind: 'not_found', zh: '否定事项报备记录不存在', en: 'No such refusal report' },
  REFUSAL_REVIEW_ALREADY_DECIDED: { kind: 'conflict', zh: '该否定事项报备已复核', en: 'The refusal report has already been reviewed' },
  CONSULTATION_NOT_FOUND: { kind: 'not_found', zh: '咨询记录不存在', en: 'No such consultation' },
  CASE_NOTICE_NOT_AVAILABLE: { kind: 'conflict', zh: '该办件暂不能出具此文书', en: 'The case has not reached the step this notice records' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldIssue {
  /** JSON pointer of the field at fault, e.g. `/phones/complaint`, or `row:3/col:B` in sheets. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An error with a stable code from {@link ERRORS}; thrown by rules and use cases alike. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** Set when the same code means another kind here (see {@link referenceError}). */
  private readonly kindOverride: ErrorKind | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: readonly FieldIssue[]; details?: Record<string, unknown>; kind?: ErrorKind } = {},
  ) {
    super(options.message ?? ERRORS[code].zh);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details;
    this.kindOverride = options.kind;
  }

  get kind(): ErrorKind {
    return this.kindOverride ?? ERRORS[this.code].kind;
  }
}

/** Shorthand for a rule broken by one field. */
export function fieldError(code: ErrorCode, path: string, message?: string): AppError {
  const text = message ?? ERRORS[code].zh;
  return new AppError(code, { message: text, fields: [{ path, code, message: text }] });
}

/**
 * An id in a request body that names nothing usable (unknown, of another centre, or
 * retired): the request is well-formed but breaks a rule, so 422 with the field at
 * fault, under the entity's own NOT_FOUND code. The same id in the path is a 404.
 */
export function referenceError(code: ErrorCode, path: string, message?: string): AppError {
  const text = message ?? ERRORS[code].zh;
  return new AppError(code, { message: text, fields: [{ path, code, message: text }], kind: 'rule' });
}
