/** 功能区: the functional areas of the centre (§6.1.3) and the public/staff area balance (§6.1.4). */
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect, useRef } from 'react';
import { ZONE_KINDS, ZONE_KIND_LABELS, type ZoneKind } from '../../../src/domain/organisation/types.ts';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { ZoneCreate, ZoneList, ZoneView } from '../../shared/types.ts';
import { centrePath, useCan, useCentreId } from '../lookups.ts';

interface Values {
  name: string;
  kind: ZoneKind;
  floor: string;
  areaM2?: number | null;
  publicUse: boolean;
}

const STAFF_ONLY: readonly ZoneKind[] = ['office', 'auxiliary'];

function body(v: Values) {
  return { name: v.name.trim(), kind: v.kind, floor: v.floor.trim(), areaM2: v.areaM2 ?? null, publicUse: v.publicUse } satisfies ZoneCreate;
}

/** Offices and auxiliary rooms are for staff; every other zone serves the public — until the user says otherwise. */
function PublicUseFollowsKind() {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch('kind', form);
  const previous = useRef<ZoneKind | undefined>(undefined);
  useEffect(() => {
    if (previous.current !== undefined && kind !== undefined && kind !== previous.current) {
      form.setFieldValue('publicUse', !STAFF_ONLY.includes(kind));
    }
    previous.current = kind;
  }, [kind, form]);
  return null;
}

function AreaBalance({ data }: { data: ZoneList }) {
  const b = data.areaBalance;
  const text = `在用功能区：服务对象使用面积 ${b.publicM2} ㎡，工作人员使用面积 ${b.staffM2} ㎡`;
  if (b.publicExceedsStaff === false) {
    return <Alert type="warning" showIcon title={`${text}。DB36/T 2016 §6.1.4：服务对象使用面积应大于工作人员使用面积。`} style={{ marginBottom: 12 }} />;
  }
  return <Alert type="info" role="status" showIcon title={b.publicExceedsStaff === null ? `${text}（面积未填全，暂无法比较）` : text} style={{ marginBottom: 12 }} />;
}

export function ZonesPage() {
  const centreId = useCentreId();
  const canWrite = useCan('org.write');
  return (
    <CrudPage<ZoneView, Values, ZoneList>
      title="功能区"
      noun="功能区"
      loadKey={centreId}
      load={(includeRetired) => api.get<ZoneList>(centrePath(centreId, 'zones'), { includeRetired })}
      summary={(data) => <AreaBalance data={data} />}
      canWrite={canWrite}
      create={(v) => api.post(centrePath(centreId, 'zones'), body(v))}
      update={(row, v) => api.patch(`/api/v1/zones/${row.id}`, body(v))}
      retire={(row) => api.del(`/api/v1/zones/${row.id}`)}
      defaults={{ kind: 'counter', floor: '1F', publicUse: true }}
      toValues={(row) => ({ ...row })}
      columns={[
        { title: '名称', dataIndex: 'name' },
        { title: '类别（§6.1.3）', dataIndex: 'kindLabel' },
        { title: '楼层', dataIndex: 'floor' },
        { title: '面积（㎡）', dataIndex: 'areaM2' },
        { title: '服务对象使用', dataIndex: 'publicUse', render: (v: boolean) => (v ? '是' : '否') },
      ]}
      fields={() => (
        <>
          <PublicUseFollowsKind />
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }, { min: 2, max: 50, message: '名称为 2–50 个字符' }]}>
            <Input maxLength={50} placeholder="如：一楼综合窗口服务区" />
          </Form.Item>
          <Form.Item label="类别（§6.1.3）" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={ZONE_KINDS.map((k) => ({ value: k, label: ZONE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="楼层" name="floor" rules={[{ required: true, message: '请输入楼层' }, { max: 10 }]}>
            <Input maxLength={10} placeholder="如：1F、2F、B1" />
          </Form.Item>
          <Form.Item label="面积（平方米）" name="areaM2">
            <InputNumber min={0.1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="供服务对象使用（§6.1.4）" name="publicUse" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    />
  );
}
