/** The fields of a queue's form (docs/queue-api.md "Configuration"; DB36/T 2016 §7.1.6.2, §7.1.6.3, §6.4.7). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { QUEUE_POOL_LABELS, QUEUE_POOLS, QUEUE_WEIGHT_LIMIT, type QueuePool } from '../../../src/domain/queue/pool.ts';
import type { CounterView } from '../../shared/types.ts';
import { TimeWindowInput, type TimeWindowValue } from '../../shared/TimeWindowInput.tsx';
import { textOrNull } from '../../shared/values.ts';
import { ItemsSelect } from './ItemsSelect.tsx';
import type { QueueCreate, QueueView } from './types.ts';

export interface QueueValues {
  name: string;
  prefix: string;
  pool: QueuePool;
  areaName?: string | null;
  itemIds?: string[];
  dailyQuota?: number | null;
  issuingWindows?: (TimeWindowValue | null | undefined)[];
  serviceMinutes?: number | null;
  counters?: { counterId?: string; weight?: number | null }[];
  tidal?: { openAtWaiting?: number | null; openAtLongestWaitMinutes?: number | null; tidalCounterIds?: string[] };
}

export const QUEUE_DEFAULTS: Partial<QueueValues> = { pool: 'comprehensive', itemIds: [], issuingWindows: [], counters: [], tidal: { tidalCounterIds: [] } };

export function toValues(q: QueueView): QueueValues {
  return {
    name: q.name,
    prefix: q.prefix,
    pool: q.pool,
    areaName: q.areaName,
    itemIds: [...q.itemIds],
    dailyQuota: q.dailyQuota,
    issuingWindows: q.issuingWindows.map((w) => ({ ...w })),
    serviceMinutes: q.serviceMinutes,
    counters: q.counters.map((c) => ({ ...c })),
    tidal: { openAtWaiting: q.tidal?.openAtWaiting ?? null, openAtLongestWaitMinutes: q.tidal?.openAtLongestWaitMinutes ?? null, tidalCounterIds: [...(q.tidal?.tidalCounterIds ?? [])] },
  };
}

/** The request body; empty rows are left out, no threshold and no tidal counter is no tidal rule. */
export function toBody(v: QueueValues): Required<Omit<QueueCreate, 'sortOrder'>> {
  const tidal = v.tidal ?? {};
  const tidalCounterIds = tidal.tidalCounterIds ?? [];
  const hasTidal = tidal.openAtWaiting != null || tidal.openAtLongestWaitMinutes != null || tidalCounterIds.length > 0;
  return {
    name: v.name.trim(),
    prefix: v.prefix.trim().toUpperCase(),
    pool: v.pool,
    areaName: textOrNull(v.areaName),
    itemIds: v.itemIds ?? [],
    dailyQuota: v.dailyQuota ?? null,
    issuingWindows: (v.issuingWindows ?? []).filter((w): w is TimeWindowValue => Boolean(w)),
    serviceMinutes: v.serviceMinutes ?? null,
    counters: (v.counters ?? []).flatMap((c) => (c.counterId ? [{ counterId: c.counterId, weight: c.weight ?? 0 }] : [])),
    tidal: hasTidal ? { openAtWaiting: tidal.openAtWaiting ?? null, openAtLongestWaitMinutes: tidal.openAtLongestWaitMinutes ?? null, tidalCounterIds } : null,
  };
}

function counterOptions(counters: readonly CounterView[], keep: readonly string[] = []) {
  return counters.filter((c) => !c.retiredAt || keep.includes(c.id)).map((c) => ({ value: c.id, label: `${c.number} 号 ${c.name}（${c.kindLabel}）` }));
}

export function QueueFields({ counters }: { counters: readonly CounterView[] }) {
  const tidalCounters = counters.filter((c) => c.kind === 'tidal');
  return (
    <>
      <Form.Item label="队列名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入队列名称' }, { max: 30 }]}>
        <Input maxLength={30} placeholder="如：综合受理" />
      </Form.Item>
      <Form.Item
        label="号码字头"
        name="prefix"
        rules={[{ required: true, message: '请输入号码字头' }, { pattern: /^[A-Za-z]$/, message: '号码字头为一个英文字母' }]}
        extra="一个英文字母，本中心在用队列中唯一；号码如 A001"
        normalize={(v: string | undefined) => v?.toUpperCase()}
      >
        <Input maxLength={1} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item label="队列类型" name="pool" rules={[{ required: true, message: '请选择队列类型' }]} extra="综合受理：全部综合窗口共用一个号池“抢单”（§7.1.6.2）；专业区：本专业区窗口叫号（§7.1.6.3）；指定窗口：仅下方所列窗口叫号">
        <Select options={QUEUE_POOLS.map((p) => ({ value: p, label: QUEUE_POOL_LABELS[p] }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['pool']}>
        {({ getFieldValue }) =>
          getFieldValue('pool') === 'comprehensive' ? null : (
            <Form.Item
              label="所属专业区（§7.1.6.3）"
              name="areaName"
              rules={[{ required: getFieldValue('pool') === 'professional', whitespace: true, message: '专业区队列须填写专业区名称' }, { max: 30 }]}
            >
              <Input maxLength={30} placeholder="与专业区窗口的“所属专业区”一致，如：不动产登记专区" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item label="受理事项" name="itemIds" extra="取号机按事项取号时进入受理该事项的第一个队列">
        <ItemsSelect />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="每日号源" name="dailyQuota" extra="取号机与手机取号；空：不限">
          <InputNumber min={1} max={9999} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="预设办理时长（分钟）" name="serviceMinutes" extra="等候时间估算的起点">
          <InputNumber min={0.5} max={480} step={1} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item label="取号时段" extra="空：中心服务时间内均可取号；只约束取号机与手机取号">
        <Form.List name="issuingWindows">
          {(rows, { add, remove }) => (
            <Flex vertical gap={8} style={{ width: '100%' }}>
              {rows.map((row, index) => (
                <Space key={row.key} align="baseline">
                  <Form.Item name={row.name} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请选择时段' }]}>
                    <TimeWindowInput aria-label={`取号时段 ${index + 1}`} allowClear={false} />
                  </Form.Item>
                  <Button type="text" aria-label={`删除取号时段 ${index + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)} disabled={rows.length >= 10}>
                添加取号时段
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="指定窗口与权重" extra="权重以分计，1 分相当于多等 1 分钟；正数优先叫本队列，负数靠后">
        <Form.List name="counters">
          {(rows, { add, remove }) => (
            <Flex vertical gap={8} style={{ width: '100%' }}>
              {rows.map((row, index) => (
                <Space key={row.key} align="baseline" wrap>
                  <Form.Item name={[row.name, 'counterId']} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请选择窗口' }]}>
                    <Select aria-label={`窗口 ${index + 1}`} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} options={counterOptions(counters)} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'weight']} style={{ marginBottom: 0 }}>
                    <InputNumber aria-label={`窗口 ${index + 1} 权重`} min={-QUEUE_WEIGHT_LIMIT} max={QUEUE_WEIGHT_LIMIT} suffix="分" style={{ width: 140 }} />
                  </Form.Item>
                  <Button type="text" aria-label={`删除窗口 ${index + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 0 })}>
                添加窗口
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Divider plain titlePlacement="start">
        潮汐窗口（§6.4.7）
      </Divider>
      <Space size="large" wrap>
        <Form.Item label="等候人数预警" name={['tidal', 'openAtWaiting']} extra="达到此人数时提示开放潮汐窗口">
          <InputNumber min={1} max={10000} precision={0} suffix="人" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="最长等候预警" name={['tidal', 'openAtLongestWaitMinutes']}>
          <InputNumber min={1} max={1440} precision={0} suffix="分钟" style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item label="可开放的潮汐窗口" name={['tidal', 'tidalCounterIds']} extra="空：本中心任一潮汐窗口">
        <Select mode="multiple" allowClear options={counterOptions(tidalCounters)} placeholder="任一潮汐窗口" />
      </Form.Item>
    </>
  );
}
