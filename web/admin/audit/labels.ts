/** Chinese names of the audited entities and actions; unknown ones are shown as recorded. */
export const ENTITY_LABELS: Readonly<Record<string, string>> = {
  centre: '政务服务中心',
  department: '进驻部门',
  zone: '功能区',
  counter: '窗口',
  staff: '工作人员',
  user: '用户账号',
  account: '登录',
  device_token: '设备令牌',
  holiday_year: '节假日安排',
  centre_closed_day: '闭厅日',
  file: '上传文件',
};

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  create: '新建',
  update: '修改',
  retire: '停用',
  delete: '删除',
  revoke: '吊销',
  status: '设置状态',
  load: '导入',
  import: '表格导入',
  'version.effective': '新版本生效',
  replace: '替换',
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  session: '建立设备会话',
  'password.change': '修改密码',
  'password.failed': '修改密码失败',
  'password.reset': '重置密码',
};

export const ACTOR_TYPE_LABELS: Readonly<Record<string, string>> = { user: '用户', device: '设备', system: '系统' };

export const labelOf = (table: Readonly<Record<string, string>>, key: string) => table[key] ?? key;
