/** 窗口: counters with their kind (§6.4), zone, department and service status (§5.1.5.1). */
import { App, Form, Input, Select, Tag } from 'antd';
import { COUNTER_KINDS, COUNTER_KIND_LABELS, type CounterKind, type CounterStatus } from '../../../src/domain/organisation/types.ts';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { CounterCreate, CounterView, CounterWriteView, ItemList } from '../../shared/types.ts';
import { formatTime, textOrNull } from '../../shared/values.ts';
import { CounterStatusButton } from '../counters/CounterStatusButton.tsx';
import { centrePath, optionsOf, useCan, useCentreId, useDepartments, useZones } from '../lookups.ts';

interface Values {
  number: string;
  name: string;
  kind: CounterKind;
  areaName?: string | null;
  zoneId?: string | null;
  departmentId?: string | null;
}

const STATUS_COLOURS: Record<CounterStatus, string> = { serving: 'green', paused: 'orange', away: 'gold', closed: 'default' };

function body(v: Values) {
  return {
    number: v.number.trim(),
    name: v.name.trim(),
    kind: v.kind,
    areaName: textOrNull(v.areaName),
    zoneId: v.zoneId ?? null,
    departmentId: v.departmentId ?? null,
  } satisfies CounterCreate;
}

function StatusCell({ row }: { row: CounterView }) {
  return (
    <span>
      <Tag color={STATUS_COLOURS[row.status]}>{row.statusLabel}</Tag>
      {row.status === 'away' && row.awayReason ? (
        <span>
          去向：{row.awayReason}
          {row.expectedReturnAt ? `，预计 ${formatTime(row.expectedReturnAt)} 返回` : ''}
        </span>
      ) : null}
    </span>
  );
}

export function CountersPage() {
  const centreId = useCentreId();
  const canWrite = useCan('org.write');
  const canStatus = useCan('counter.status');
  const zones = useZones();
  const departments = useDepartments();
  const { notification } = App.useApp();

  const warn = (answer: CounterWriteView) => {
    for (const w of answer.warnings) notification.warning({ title: '请注意', description: w.message });
  };

  return (
    <CrudPage<CounterView, Values>
      title="窗口"
      noun="窗口"
      loadKey={centreId}
      load={(includeRetired) => api.get<ItemList<CounterView>>(centrePath(centreId, 'counters'), { includeRetired })}
      canWrite={canWrite}
      create={async (v) => warn(await api.post<CounterWriteView>(centrePath(centreId, 'counters'), body(v)))}
      update={async (row, v) => warn(await api.patch<CounterWriteView>(`/api/v1/counters/${row.id}`, body(v)))}
      retire={(row) => api.del(`/api/v1/counters/${row.id}`)}
      defaults={{ kind: 'comprehensive' }}
      toValues={(row) => ({ ...row })}
      rowActions={(row, reload) => (canStatus && !row.retiredAt ? <CounterStatusButton counter={row} onChanged={reload} /> : null)}
      columns={[
        { title: '编号', dataIndex: 'number', width: 80 },
        { title: '窗口功能', dataIndex: 'name' },
        { title: '类别', dataIndex: 'kindLabel' },
        { title: '专业区', dataIndex: 'areaName' },
        { title: '功能区', dataIndex: 'zoneName' },
        { title: '进驻部门', dataIndex: 'departmentName' },
        { title: '服务状态', key: 'status', render: (_: unknown, row: CounterView) => <StatusCell row={row} /> },
      ]}
      fields={() => (
        <>
          <Form.Item
            label="窗口编号"
            name="number"
            rules={[{ required: true, message: '请输入窗口编号' }, { pattern: /^[0-9A-Za-z-]{1,16}$/, message: '编号为 1–16 位字母、数字或 -' }]}
            extra="叫号屏显示的编号，如 1、A01"
          >
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item label="窗口功能（§5.1.5.1）" name="name" rules={[{ required: true, whitespace: true, message: '请输入窗口功能' }, { max: 50 }]}>
            <Input maxLength={50} placeholder="如：综合受理" />
          </Form.Item>
          <Form.Item label="窗口类别（§6.4）" name="kind" rules={[{ required: true, message: '请选择窗口类别' }]}>
            <Select options={COUNTER_KINDS.map((k) => ({ value: k, label: COUNTER_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {({ getFieldValue }) => (
              <Form.Item
                label="所属专业区（§7.1.6.3）"
                name="areaName"
                rules={[{ required: getFieldValue('kind') === 'professional', whitespace: true, message: '专业区窗口须填写所属专业区名称' }, { max: 30 }]}
              >
                <Input maxLength={30} placeholder="如：公安、税务、不动产" />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item label="功能区" name="zoneId">
            <Select allowClear placeholder="未指定" loading={zones.loading} options={optionsOf(zones.data?.items.filter((z) => !z.retiredAt), (z) => z.name)} />
          </Form.Item>
          <Form.Item label="进驻部门" name="departmentId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="未指定（综合窗口可不指定）"
              loading={departments.loading}
              options={optionsOf(departments.data?.items.filter((d) => !d.retiredAt), (d) => d.name)}
            />
          </Form.Item>
        </>
      )}
    />
  );
}
